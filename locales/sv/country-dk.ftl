## DK: landets regler – polis, anmälan, stöd, lagrum

who-dk-police = Polisen: den anställda står själv som anmälare (anmelder) och anmäler via politi.dk eller på 114 – med hjälp av sin chef.
who-dk-incident = Registrering: chefen registrerar händelsen i arbetsgivarens system, i kategorin ”mindre vold, trusler og anden krænkende adfærd” – allvarliga händelser som arbetsskada (arbejdsskade).
who-dk-authority = Arbetsskador: de går till Arbejdsmarkedets Erhvervssikring (AES) via EASY – ofta genom registreringssystemet, till exempel SafetyNet.
who-dk-victim = Stöd till brottsutsatta: Offerrådgivningen, 116 006 (kostnadsfritt).
law-dk-119 = § 119 i straffeloven (den danska strafflagen) – våld eller hot om våld mot någon i offentlig tjänst eller med ett offentligt uppdrag, under arbetet eller på grund av det.
law-dk-119a = § 119 a i straffeloven – trakasserier mot någon i offentlig tjänst eller med ett offentligt uppdrag, till exempel genom upprepade kontakter eller förföljelse, i arbetet eller på grund av det.
law-dk-266 = § 266 i straffeloven – hot (trussel): att hota med en brottslig handling på ett sätt som kan göra någon allvarligt rädd för sitt eget eller andras liv, hälsa eller välfärd.
law-dk-267 = § 267 i straffeloven – ärekränkning (ærekrænkelse): kränkande ord eller handlingar, eller att sprida beskyllningar som kan sänka någon i andras ögon. Som regel är det den utsatta själv som får driva saken.
police-dk-who = I Danmark är det normalt du själv som anmäler till polisen (du är anmelder), även om det hände i jobbet. Din chef hjälper dig – du behöver inte göra det ensam.
police-dk-where = Anmäl på politi.dk eller ring 114. Är det akut: ring 112.
police-dk-together = Om flera kollegor har drabbats går det ibland att göra en gemensam anmälan.
police-dk-no-verdict = Fyr kan inte avgöra om det är ett brott – det är polisens sak. HR och juristerna kan hjälpa dig att bedöma det.
incident-dk-register = Händelsen ska registreras i kategorin ”mindre vold, trusler og anden krænkende adfærd”. Det är din chef som registrerar den – fråga gärna om det är gjort.
incident-dk-injury = Om det var allvarligt, eller om du reagerar starkt, registreras det som en arbejdsskade – alltså en skada du har fått i arbetet.
incident-dk-doctor = Berätta också för din egen läkare, så att det finns noterat hur det påverkar din hälsa.
support-dk-psychologist = Din chef kan ordna en krispsykolog åt dig. Tacka gärna ja – det brukar hjälpa.
support-dk-victim = Offerrådgivningen, stödet för brottsoffer i Danmark, lyssnar och ger råd utan kostnad: 116 006.
support-dk-home = Gäller hotet din familj, eller har personen dykt upp där du bor? Tala med din chef om säkerheten hemma. I Danmark kan polisen ge ett tilhold (kontaktförbud), och du kan söka navne- og adressebeskyttelse i folkeregistret.
support-dk-work-injury = Får du starka reaktioner efteråt kan det vara en arbetsskada (arbejdsskade). Arbetsgivaren ska anmäla den, men du kan också själv anmäla den till Arbejdsmarkedets Erhvervssikring.
mgr-dk-support = Ordna en krispsykolog snabbt, via den leverantör som kommunen har avtal med. Du får insistera på det. Behövs mer hjälp, ring HR:s kristelefon.
mgr-dk-police = Hjälp din medarbetare att polisanmäla på politi.dk eller via 114. Det är medarbetaren som är anmelder – du finns med som stöd hela vägen. Har flera medarbetare drabbats kan en gemensam anmälan ibland omfatta alla.
tell-dk-amr = Du kan vända dig till din chef eller till er arbejdsmiljørepræsentant (AMR) – välj den som känns lättast.
guidance-manager-dk-report = Hjälp din medarbetare att polisanmäla. Det är medarbetaren som är anmelder, och du finns med som stöd. Se till att händelsen blir registrerad.
guidance-manager-dk-offender = Kontakt med personen bakom tas bara av ledningen – skriftligt, och först efter samråd med HR och juristerna.
guidance-manager-dk-support = Ordna en krispsykolog snabbt, och var uppmärksam under veckorna som följer.
mgr-dk-register = Registrera händelsen i kategorin ”mindre vold, trusler og anden krænkende adfærd”. Är den allvarlig, eller reagerar din medarbetare starkt, registreras den som arbejdsskade (arbetsskada). Det är chefens uppgift – alltså din.
mgr-dk-register-system = I din organisation heter systemet { $system }.
mgr-dk-secretariat = Informera sekretariatet eller myndighetens högsta ledning, så som er lokala rutin föreskriver.
sr-dk-role = Som arbejdsmiljørepræsentant (AMR) kan du vara den första som medarbetaren vänder sig till, på samma villkor som chefen. Händelsen kan sedan analyseras i arbejdsmiljøgruppen (arbetsmiljögruppen).
exposure-dk-management-only = Ta inte själv kontakt med den som ligger bakom. Om någon ska kontakta personen är det ledningen som gör det.
criticism-dk-framework = Det är din arbetsplats som bestämmer var, när och hur medborgare kan höra av sig – till exempel bara skriftligt, via en gemensam brevlåda.
evidence-notes-dk-record = Tänk på att anteckningarna hör hemma i akten, precis som i alla andra ärenden.
stop-dk-no-contact = Ta inte själv kontakt med personen. Om personen behöver kontaktas är det ledningen som gör det.
stop-platform-dk-guide = Din chef kan hjälpa dig med de tekniska stegen för att få innehåll borttaget.
mgr-dk-offender = Det är bara ledningen som kontaktar personen bakom – aldrig din medarbetare. Gör det skriftligt, efter samråd med HR/juristerna eller polisen, och be personen att sluta och att ta bort innehållet. Fyr har en brevmall som du kan utgå från. En jurist måste granska brevet innan det skickas.
col-dk-dont-contact = Kontakta aldrig själv personen bakom – det är ledningens uppgift.
advice-trolls-dk-caveat = Metoden kommer från svensk vägledning för offentliganställda. På en dansk arbetsplats bestämmer arbetsplatsens egna regler hur och när medborgare får svar – fråga din chef om du är osäker, och ta aldrig själv kontakt med någon som har hotat dig.
danger-dk-after-police = När det inte längre är akut kan du kontakta polisen på 114 eller via politi.dk.
acked-dk-registration = Händelsen ska registreras i kategorin ”mindre vold, trusler og anden krænkende adfærd” – och som arbejdsskade (arbetsskada) om den är allvarlig. Jag påminner dig varje arbetsdag tills du har markerat att det är gjort.
tpl-dk-letter =
    VARNING: HR eller juristerna (HR/jura) måste granska brevet innan det skickas. Ta bort den här raden när det är gjort.
    Till: [mottagarens namn och adress]
    Vi har fått veta att medarbetare på [avdelning] har nämnts med namn i sociala medier, bland annat här: [länk]
    Vi ber dig att genast ta bort inläggen och namnen.
    Vi utreder om inläggen kan vara en överträdelse av straffeloven § 119 a (den danska strafflagen), som handlar om trakasserier mot personer i offentlig tjänst på grund av deras arbete.
    Om innehållet inte tas bort kommer du att höra av oss igen.
    Med vänlig hälsning
    Namn och titel: [chefens namn och titel]
