## DK: landets regler – politi, anmeldelse, støtte, lovgivning

who-dk-police = Politiet: medarbejderen er selv anmelder og anmelder det på politi.dk eller på 114 – med hjælp fra sin leder.
who-dk-incident = Registrering: lederen registrerer hændelsen i arbejdsgiverens system i kategorien "mindre vold, trusler og anden krænkende adfærd" – alvorlige hændelser som arbejdsskade.
who-dk-authority = Arbejdsskader: de går til Arbejdsmarkedets Erhvervssikring (AES) via EASY – ofte gennem registreringssystemet, for eksempel SafetyNet.
who-dk-victim = Støtte til ofre for forbrydelser: Offerrådgivningen, 116 006 (gratis).
law-dk-119 = § 119 i straffeloven – vold eller trusler om vold mod en person i offentlig tjeneste eller med et offentligt hverv, under arbejdet eller på grund af det.
law-dk-119a = § 119 a i straffeloven – chikane af en person i offentlig tjeneste eller med et offentligt hverv, for eksempel ved gentagne henvendelser eller forfølgelse, i arbejdet eller på grund af det.
law-dk-266 = § 266 i straffeloven – trusler: at true med en strafbar handling på en måde, der kan gøre nogen alvorligt bange for eget eller andres liv, helbred eller velfærd.
law-dk-267 = § 267 i straffeloven – ærekrænkelse: krænkende ord eller handlinger eller udbredelse af beskyldninger, der kan sænke en person i andres agtelse. Som hovedregel er det den krænkede selv, der skal føre sagen.
police-dk-who = I Danmark er det som regel dig selv, der står som anmelder, også selvom det skete i dit arbejde. Din leder hjælper dig – du skal ikke klare det alene.
police-dk-where = Lav politianmeldelsen på politi.dk eller ved at ringe 114. Haster det: 112.
police-dk-together = Er flere kolleger ramt, kan I i nogle tilfælde lave én fælles anmeldelse.
police-dk-no-verdict = Fyr kan ikke afgøre, om det er strafbart – det er politiets opgave. HR og juristerne kan hjælpe dig med at vurdere det.
incident-dk-register = Hændelsen skal registreres i kategorien "mindre vold, trusler og anden krænkende adfærd". Det er din leder, der registrerer den – spørg gerne, om det er gjort.
incident-dk-injury = Var det alvorligt, eller reagerer du stærkt, bliver det registreret som en arbejdsskade.
incident-dk-doctor = Fortæl det også til din egen læge, så det står noteret, hvordan det påvirker dit helbred.
support-dk-psychologist = Din leder kan sørge for en krisepsykolog til dig. Tag gerne imod det – det kan hjælpe.
support-dk-victim = Offerrådgivningen lytter og giver råd, gratis: 116 006.
support-dk-home = Gælder truslen din familie, eller er personen dukket op, hvor du bor? Tal med din leder om sikkerheden derhjemme. Politiet kan give et tilhold, og du kan søge navne- og adressebeskyttelse i folkeregistret.
support-dk-work-injury = Får du stærke reaktioner bagefter, kan det være en arbejdsskade. Arbejdsgiveren skal anmelde den, men du kan også selv anmelde den til Arbejdsmarkedets Erhvervssikring.
mgr-dk-support = Sørg hurtigt for en krisepsykolog gennem den leverandør, kommunen har aftale med. Du må gerne stå fast på det. Er der brug for mere hjælp, så ring til HR's krisetelefon.
mgr-dk-police = Hjælp din medarbejder med at anmelde det til politiet på politi.dk eller på 114. Det er medarbejderen, der er anmelder – du støtter undervejs. Er flere medarbejdere ramt, kan én fælles anmeldelse i nogle tilfælde dække dem alle.
