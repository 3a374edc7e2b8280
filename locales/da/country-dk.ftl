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
tell-dk-amr = Du kan gå til din leder eller til din arbejdsmiljørepræsentant (AMR) – vælg det, der føles lettest.
guidance-manager-dk-report = Hjælp medarbejderen med politianmeldelsen. Det er medarbejderen, der står som anmelder, og du bakker op. Sørg for, at hændelsen bliver registreret.
guidance-manager-dk-offender = Det er kun ledelsen, der tager kontakt til krænkeren – skriftligt og først efter at have rådført sig med HR og juristerne.
guidance-manager-dk-support = Sørg hurtigt for en krisepsykolog, og vær opmærksom på, hvordan det går, i ugerne efter.
mgr-dk-register = Registrér hændelsen i kategorien "mindre vold, trusler og anden krænkende adfærd". Er den alvorlig, eller reagerer din medarbejder stærkt, skal den registreres som arbejdsskade. Det er din opgave som leder.
mgr-dk-register-system = I din organisation hedder systemet { $system }.
mgr-dk-secretariat = Orientér sekretariatet eller myndighedens øverste ledelse, sådan som jeres lokale procedure foreskriver.
sr-dk-role = Som arbejdsmiljørepræsentant (AMR) kan du være den første, medarbejderen går til – på lige fod med lederen. Hændelsen kan derefter analyseres i arbejdsmiljøgruppen.
exposure-dk-management-only = Kontakt ikke selv den, der står bag. Hvis nogen skal kontakte personen, er det din ledelse.
criticism-dk-framework = Det er din arbejdsplads, der bestemmer, hvor, hvornår og hvordan borgere kan henvende sig – for eksempel kun skriftligt via en funktionspostkasse.
evidence-notes-dk-record = Husk, at notaterne skal journaliseres på sagen, ligesom i alle andre sager.
stop-dk-no-contact = Tag ikke selv kontakt til personen. Hvis der skal tages kontakt, er det din ledelse, der gør det.
stop-platform-dk-guide = Din leder kan hjælpe dig med de tekniske trin, når indhold skal fjernes.
mgr-dk-offender = Det er kun ledelsen, der kontakter personen bag – aldrig din medarbejder. Gør det skriftligt, efter at have talt med HR/jura eller politiet, og bed personen om at stoppe og fjerne indholdet. Fyr har en brevskabelon, du kan tage udgangspunkt i. Den skal gennemgås af jura, før den sendes.
col-dk-dont-contact = Kontakt aldrig selv personen bag – det er ledelsens opgave.
advice-trolls-dk-caveat = Metoden kommer fra en svensk vejledning for offentligt ansatte. På en dansk arbejdsplads er det arbejdspladsens egne regler, der bestemmer, hvordan og hvornår borgere får svar – spørg din leder, hvis du er i tvivl, og tag aldrig selv kontakt til en, der har truet dig.
danger-dk-after-police = Når det ikke længere haster, kan du kontakte politiet på 114 eller via politi.dk.
acked-dk-registration = Hændelsen skal registreres i kategorien "mindre vold, trusler og anden krænkende adfærd" – og som arbejdsskade, hvis den er alvorlig. Jeg minder dig om det hver arbejdsdag, indtil du har markeret det som gjort.
tpl-dk-letter =
    ADVARSEL: Brevet skal gennemgås af HR/jura, før det sendes. Slet denne linje, når det er sket.
    Til: [modtagerens navn og adresse]
    Vi er blevet gjort opmærksom på, at ansatte i [afdeling] er nævnt ved navn på sociale medier, blandt andet her: [link]
    Vi beder dig fjerne opslagene og navnene med det samme.
    Vi er i gang med at vurdere, om opslagene kan udgøre en overtrædelse af straffeloven § 119 a, som handler om chikane af personer i offentlig tjeneste på grund af deres arbejde.
    Fjernes indholdet ikke, vil du høre fra os igen.
    Med venlig hilsen
    Navn og titel: [lederens navn og titel]
