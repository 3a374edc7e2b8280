# Fyr — tekster til ledere, repræsentanter for arbejdsmiljøet og kolleger (dansk).

## Startvalg

opt-start-manager = Leder: min medarbejder er udsat
opt-start-safety-rep = Jeg er arbejdsmiljørepræsentant (AMR)
opt-start-colleague = Hvordan støtter jeg en kollega?
opt-start-advice = Råd om svære henvendelser
opt-menu-advice = Råd efter emne
opt-menu-templates = Tekster til at kopiere (skabeloner)
opt-menu-who-files = Anmeldelser: hvem gør hvad

## Lederens tjekliste

mgr-intro = Her er din tjekliste for sag { $case }. Jeg holder styr på, hvad der er gjort, og minder dig om det, der mangler. Du ser kun det, som din medarbejder har sagt ja til at dele. Svar på hvert punkt med gjort, ikke endnu eller ikke relevant.
mgr-general = Jeg kan give dig generel vejledning som leder, men her er ingen oplysninger om nogen sag. Det bedste er, at din medarbejder selv skriver til Fyr – så bestemmer vedkommende selv, hvad der bliver delt, og med hvem.
mgr-talk-today = Tal med din medarbejder samme dag. Lyt, tag noter, og spørg, hvad vedkommende har brug for – både praktisk hjælp og støtte til det, der føles svært.
mgr-safety = Sørg for, at din medarbejder er tryg: ikke alene, har nogen at følges hjem med og kan få fri, hvis der er brug for det. Gå sammen igennem, hvilke private oplysninger om vedkommende der er offentlige, og hjælp med at begrænse dem.
mgr-colleagues = Orientér kun kollegerne på den måde, du og din medarbejder har aftalt. Tilbyd teamet en debriefing – det kan også gå dem på.
mgr-follow-up = Planlæg opfølgende samtaler med din medarbejder, og hold vedkommende orienteret om, hvad der sker i sagen. Reaktioner kan komme sent – nogle gange først efter flere uger.
mgr-question = Er det gjort?
mgr-summary-intro = Din tjekliste for sag { $case }:
mgr-summary-done = Gjort:
mgr-summary-left = Mangler stadig – jeg minder dig om det:
mgr-summary-none-left = Alt er gjort eller ikke relevant. Tak.
mtask-talk-today = Samtale med medarbejderen samme dag
mtask-safety = Tryghed og sikkerhed på plads
mtask-support = Støtte sat i gang
mtask-report = Hændelsen indberettet eller registreret
mtask-police = Hjælp med politianmeldelsen
mtask-colleagues = Kolleger orienteret som aftalt
mtask-director = Overordnet leder orienteret
mtask-offender = Kontakt taget til personen bag
mtask-follow-up = Opfølgende samtaler planlagt
mtask-local = Et trin i jeres egen procedure
mgr-open-reminder = Påmindelse, sag { $case }: Disse punkter mangler stadig:
opt-mgr-checklist = Åbn min tjekliste

## Arbejdsmiljørepræsentant (AMR)

sr-role = Som arbejdsmiljørepræsentant (AMR) er din rolle at arbejde for et godt arbejdsmiljø sammen med ledelsen. Du ser kun det, som medarbejderen har sagt ja til at dele med dig.
sr-check = Tjek med lederen, at hændelsen er registreret, at der er tilbudt støtte (støttesamtaler eller en krisepsykolog), at medarbejderen ikke står alene med det, og at opfølgningen er aftalt.
sr-not = To ting hører ikke med til din rolle: at kontakte personen bag og at vurdere, om det er strafbart. Det tager ledelsen, HR og politiet sig af.
sr-prevent = Se bagefter på forebyggelse og rutiner sammen med ledelsen – for eksempel hvor let medarbejderne er at finde på nettet, arbejds- og privattelefoner, og træning i at håndtere konflikter.

## Kollega: hvordan støtter jeg en anden?

col-intro = Tak, fordi du vil støtte din kollega. Nogle få enkle ting hjælper mest.
col-be-there = Bliv i nærheden, og vær synlig. Find et roligt rum, og lad ikke din kollega være alene. Lyt, og vis forståelse. Hvis din kollega vil, så gå med til lederen.
col-dont = Kommentér ikke offentligt, og forsvar ikke din kollega eller gå til modangreb i trådene – det gør det kun værre.
col-evidence = Hjælp med at tage skærmbilleder, før noget bliver slettet, og vær vidne til dem. Notér dato, klokkeslæt og links.
col-accounts = Tilbyd at passe din kollegas private konti i en periode – læse, gemme og rapportere til platformen – så vedkommende slipper for selv at læse det.
col-tell = Opfordr din kollega til at fortælle det til sin leder – og giv ikke noget videre uden vedkommendes samtykke. Henvender den samme person sig også til dig, så fortæl det til din egen leder.
col-yourself = Pas også på dig selv – det kan også påvirke dig. Deltag i en debriefing, hvis der bliver tilbudt en, og tal med en, du stoler på.
col-fyr = Din kollega kan også selv skrive til Fyr. Fyr guider trin for trin og fortæller kun andre om det, hvis vedkommende siger ja.
mgr-home-family = Gælder truslen familien, eller er personen dukket op derhjemme? Hjælp med sikkerheden i hjemmet og med beskyttede oplysninger: { $country ->
        [SE] kontaktförbud (tilhold) via politiet eller anklageren og beskyttede personoplysninger hos Skatteverket.
       *[other] tilhold via politiet og navne- og adressebeskyttelse via folkeregistret.
    }
mgr-communicator = Bed kommunikationsafdelingen om hjælp: at holde øje med, hvad der bliver skrevet, og hvad I svarer, hvis medierne henvender sig. Din medarbejder skal ikke selv svare.
mgr-dk-citizen-handling = Aftal med din medarbejder, hvordan borgeren skal håndteres fremover: et tidsbegrænset kontaktforbud, kontakt kun efter aftale, en funktionspostkasse eller en anden sagsbehandler.
col-take-over = Du må gerne overtage et truende opkald eller række din kollega en seddel eller en mail med råd om, hvordan samtalen kan afsluttes.
mgr-today-heading = I dag:
mgr-week-heading = I løbet af ugen:
opt-mgr-this-week = Hvad gør jeg i løbet af ugen?
