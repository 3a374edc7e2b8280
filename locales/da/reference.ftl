# Fyr — opslagstekster: hvem der anmelder hvad, lovbestemmelser, der kan komme på tale, og
# tekster til at kopiere (dansk).

## Hvem anmelder hvad

who-intro = Hvem gør hvad i dit land:
who-se-police = Politiet: medarbejderen kan selv anmelde det på polisen.se eller på 114 14. Arbejdsgiveren tilbyder altid at anmelde det i eget navn i stedet. Uanset hvad er medarbejderen målsägande (den forurettede).
who-dk-police = Politiet: medarbejderen er selv anmelder og anmelder det på politi.dk eller på 114 – med hjælp fra sin leder.
who-se-incident = Indberetning: hændelsen indberettes i arbejdsgiverens system for hændelser og tillbud (nærved-hændelser) og markeres "otillåten påverkan" (utilbørlig påvirkning).
who-dk-incident = Registrering: lederen registrerer hændelsen i arbejdsgiverens system i kategorien "mindre vold, trusler og anden krænkende adfærd" – alvorlige hændelser som arbejdsskade.
who-se-authority = Myndigheder: arbejdsgiveren melder straks alvorlige hændelser til Arbetsmiljöverket (den svenske arbejdsmiljømyndighed) og arbejdsskader til Försäkringskassan (den svenske socialforsikring).
who-dk-authority = Arbejdsskader: de går til Arbejdsmarkedets Erhvervssikring (AES) via EASY – ofte gennem registreringssystemet, for eksempel SafetyNet.
who-se-victim = Støtte til ofre for forbrydelser: Brottsofferjouren, 116 006 (gratis).
who-dk-victim = Støtte til ofre for forbrydelser: Offerrådgivningen, 116 006 (gratis).

## Lovbestemmelser, der kan komme på tale

who-law-intro = Lovbestemmelser, der kan komme på tale (det er kun politiet og domstolene, der afgør, om de gælder):
law-se-bb-17-1 = 17 kap. 1 § brottsbalken (BrB, den svenske straffelov) – vold eller trusler mod en tjenestemand (våld eller hot mot tjänsteman): vold eller trusler om vold mod en, der udøver myndighed, i arbejdet, for at påvirke det eller som hævn for det.
law-se-bb-4-5 = 4 kap. 5 § brottsbalken (BrB) – ulovlig trussel (olaga hot): at true nogen med en forbrydelse på en måde, der kan gøre personen alvorligt bange for sin egen eller andres sikkerhed.
law-se-bb-4-7 = 4 kap. 7 § brottsbalken (BrB) – ofredande: at lægge hånd på nogen eller forstyrre personen med anden hensynsløs adfærd – for eksempel gentagne uønskede opkald eller beskeder.
law-se-bb-5-1 = 5 kap. 1 § brottsbalken (BrB) – bagvaskelse (förtal): at udpege nogen som kriminel eller forkastelig eller udbrede andre oplysninger, der kan udsætte personen for andres foragt. Som udgangspunkt er det den ramte selv, der fører sagen videre; anklageren går kun ind i visse tilfælde.
law-se-bb-5-3 = 5 kap. 3 § brottsbalken (BrB) – fornærmelse (förolämpning): at håne nogen med krænkende ord, beskyldninger eller anden nedværdigende opførsel over for personen.
law-dk-119 = § 119 i straffeloven – vold eller trusler om vold mod en person i offentlig tjeneste eller med et offentligt hverv, under arbejdet eller på grund af det.
law-dk-119a = § 119 a i straffeloven – chikane af en person i offentlig tjeneste eller med et offentligt hverv, for eksempel ved gentagne henvendelser eller forfølgelse, i arbejdet eller på grund af det.
law-dk-266 = § 266 i straffeloven – trusler: at true med en strafbar handling på en måde, der kan gøre nogen alvorligt bange for eget eller andres liv, helbred eller velfærd.
law-dk-267 = § 267 i straffeloven – ærekrænkelse: krænkende ord eller handlinger eller udbredelse af beskyldninger, der kan sænke en person i andres agtelse. Som hovedregel er det den krænkede selv, der skal føre sagen.

## Tekster til at kopiere (Fyr sender dem aldrig)

tpl-intro = Her er en tekst, du kan kopiere og tilpasse. Fyr sender den aldrig. Udskift det, der står i [firkantede parenteser].
opt-tpl-police = Oplæg til politianmeldelse
opt-tpl-platform = Anmeldelse til en platform
opt-tpl-deindex = Fjern søgeresultater
opt-tpl-incident = Tekst til indberetningen
opt-tpl-dk-letter = Brev til den, der står bag

tpl-police =
    Oplæg til politianmeldelse
    Reference: { $case }
    Den { DATE($date) } blev { $employee } udsat for { $kind ->
        [threat] en trussel
        [harassment] chikane eller had
        [online-exposure] udstilling eller et personangreb på nettet
        [criticism] fjendtlig og vedvarende kritik
        [hard-contact] et svært opkald eller en svær mail
       *[other] noget, som vedkommende oplevede som pres
    } i forbindelse med sit arbejde.
    Hvor: [sted eller link til opslaget]
    Hvad der blev sagt eller skrevet: [de præcise ord eller en henvisning til skærmbilledet]
    Personen bag, hvis den er kendt: [navn, profil eller telefonnummer]
    Vidner: [navne og telefonnumre]
    Gemte beviser: [skærmbilleder, mails, sms'er, talebeskeder, links]
tpl-platform =
    Anmeldelse: indhold rettet mod en offentligt ansat
    Hej
    Jeg anmelder opslagene på disse adresser: [links]
    Opslagene nævner en offentligt ansat ved navn og indeholder { $kind ->
        [threat] trusler
        [harassment] chikane eller had
        [online-exposure] udstilling og personangreb
        [criticism] fjendtlig og krænkende kritik
        [hard-contact] krænkende beskeder
       *[other] pres mod personen
    }.
    Efter min vurdering er de i strid med jeres regler, og jeg beder jer fjerne dem.
    Der er gemt skærmbilleder af alle opslagene.
    Afsender: [dit navn og din mailadresse]
tpl-deindex =
    Anmodning om at fjerne søgeresultater
    Hej
    Jeg beder jer fjerne de resultater, der vises ved en søgning på navnet { $employee }, og som fører til disse sider: [links]
    Siderne har et krænkende indhold, der udstiller { $employee } og skader vedkommende.
    Indholdet har ligget på nettet siden mindst { DATE($date) }.
    Der er gemt skærmbilleder af siderne.
    Afsender: [dit navn og din mailadresse]
tpl-incident =
    Hændelsesrapport
    Dato: { $date }
    En medarbejder blev udsat for { $kind ->
        [threat] en trussel
        [harassment] chikane eller had
        [online-exposure] udstilling eller et personangreb på nettet
        [criticism] fjendtlig og vedvarende kritik
        [hard-contact] et svært opkald eller en svær mail
       *[other] noget, som vedkommende oplevede som pres
    } i forbindelse med sit arbejde.
    Beskrivelse: [et par sætninger om, hvad der skete]
    Følger for medarbejderen: [for eksempel uro, dårlig søvn, fravær]
    Tiltag indtil nu: [for eksempel tilbudt støtte, ændrede rutiner, politianmeldelse]
    Reference: { $case }
    Kategori: [den kategori, som arbejdsgiverens system bruger]
tpl-dk-letter =
    ADVARSEL: Brevet skal gennemgås af HR/jura, før det sendes. Slet denne linje, når det er sket.
    Til: [modtagerens navn og adresse]
    Vi er blevet gjort opmærksom på, at ansatte i [afdeling] er nævnt ved navn på sociale medier, blandt andet her: [link]
    Vi beder dig fjerne opslagene og navnene med det samme.
    Vi er i gang med at vurdere, om opslagene kan udgøre en overtrædelse af straffeloven § 119 a, som handler om chikane af personer i offentlig tjeneste på grund af deres arbejde.
    Fjernes indholdet ikke, vil du høre fra os igen.
    Med venlig hilsen
    Navn og titel: [lederens navn og titel]
