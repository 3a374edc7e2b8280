# Fyr — drejebog for den medarbejder, der er blevet ramt (dansk).

## Hilsen

start-greeting = Hej { $name }, jeg hedder Fyr. Jeg hjælper medarbejdere, der er blevet truet, chikaneret eller angrebet af nogen, de møder gennem deres arbejde – i telefonen, på mail, ansigt til ansigt eller på nettet. Vi tager ét spørgsmål ad gangen.
start-danger = Er du eller en anden i fare lige nu, så ring 112 først. Jeg kan ikke selv ringe for dig.
start-how = Svar med tallet ud for det svar, du vælger. Du kan altid skrive "hjælp" for at se, hvad du ellers kan skrive, og "stop" for at holde pause. Hvor vil du begynde?
opt-start-guidance = Der er sket noget – vejled mig

## Akut fare

danger-call-112 = Ring 112 nu. Sig, hvor du er, og hvad der sker. Jeg kan ikke selv ringe for dig.
danger-get-safe = Kom i sikkerhed, hvis du kan: hen, hvor der er andre mennesker, eller bag en dør, du kan låse. Gå ikke tilbage mod personen. Kan du ikke tale, så bed en i nærheden om at ringe.
danger-stay = Jeg bliver her hos dig. Lige nu er der ikke andet, der betyder noget. Vælg 1, når du er i sikkerhed.
opt-danger-safe = Jeg er i sikkerhed nu
danger-still-here = Jeg er her stadig. Er du i fare, så ring 112 nu. Vælg 1, når du er i sikkerhed.
danger-after-not-alone = Godt, at du er i sikkerhed. Bliv ikke alene nu – bed en kollega eller en, du er tæt på, om at blive hos dig og om at følge dig hjem, hvis du har brug for det.
danger-after-continue = Når du er klar, går vi videre. Der er ingen hast.

## Hvad der skete

kind-question = Hvad er der sket? Vælg det, der passer bedst – du kan ændre det senere.
opt-kind-threat = Jeg er blevet truet
opt-kind-harassment = Chikane eller had: fornærmelser, ubehagelige opkald, mails eller beskeder
opt-kind-online-exposure = Udstillet eller angrebet på nettet
opt-kind-criticism = Hård kritik eller vedvarende klager
opt-kind-hard-contact = Et svært opkald eller en svær mail
opt-kind-other = Noget andet
opt-crossed-line = Det er gået over i trusler eller chikane

threat-serious = En trussel er alvorlig, og du gør ret i at tage den alvorligt. Det er ikke din skyld, og du skal ikke stå med det alene.
threat-not-alone = Sørg for, at du ikke er alene lige nu, og fortæl din leder om det i dag.
threat-in-the-moment = Sker det igen under en samtale eller et møde, så prøv at bevare roen. Spørg, hvad personen mener, og sig tydeligt, at du opfatter det som en trussel. Du må gerne afslutte samtalen.
threat-details = Skriv så snart som muligt ned, hvad du husker om personen – stemme, cirka alder, dialekt og præcis hvad der blev sagt. Det hjælper både din arbejdsgiver og politiet.

harassment-not-your-fault = Det, du har været udsat for, er ikke i orden. Det er ikke en del af dit job at finde dig i det.
harassment-end-contact = Du må gerne afslutte en samtale eller et møde, der bliver krænkende. Sig, at du stopper nu – og gør det så.
harassment-wait = Svar ikke, mens du er oprevet. Vent lidt, eller tal med en kollega først.

exposure-not-your-fault = Det er hårdt at blive udstillet på nettet, og det er ikke din skyld. Du skal ikke klare det alene.
exposure-do-not-engage = Lad være med at kommentere, reagere på eller svare på opslagene. Forsvar dig ikke, og gå ikke til modangreb – det gør som regel kun det hele værre. Læs ikke mere af det, end du er nødt til.
exposure-order = Først sikrer vi beviserne. Derefter ser vi på, hvordan det kan stoppes, hvem der skal vide det, og hvordan det anmeldes.

criticism-intro = Kritik kan være svær at tage imod, også når den er rimelig – og det er helt i orden. Svar på det, du kan, kort og sagligt, og fortæl personen, hvor der er mere hjælp at hente.
criticism-signs = Det kan være et mønster af vedvarende klager, hvis du genkender flere af disse tegn: meget lange beskeder, urokkelig vished om at have ret, krav, der ikke kan opfyldes, lovregler blandet med egne oplevelser, trusler om at anmelde dig eller gå til pressen, ønske om at optage eller filme, et truende sprog.
criticism-relief = Ingen skal bære det her alene. Bed din leder om aflastning – for eksempel at en anden overtager mailen, at svarene sendes fra en fælles postkasse, eller at en anden sagsbehandler tager over.
criticism-crossed-line = Er det gået over i trusler eller chikane, så vælg 1, så behandler vi det sådan.

contact-phone = I telefonen: Hold stemmen rolig, og svar kun på det, du er sikker på. Tilbyd at ringe tilbage eller at tage spørgsmålene på mail. En pause er bedre end et forhastet svar. Diskutér ikke, og forsvar dig ikke.
contact-mail = På mail: Svar kun på det, der bliver spurgt om. Bekræft, at du har fået mailen, hvis svaret tager tid, og henvis til dine tidligere svar, når de samme spørgsmål kommer igen.
contact-may-end = Du må gerne afslutte en samtale, der er krænkende eller ikke fører nogen vegne. Sig, at du afslutter den.
contact-crossed-line = Var der trusler eller chikane i henvendelsen, så vælg 1.

other-your-experience = Din oplevelse tæller. Hvis noget gjorde dig utryg eller føltes som pres, skal det tages alvorligt.
other-same-steps = Vi går igennem de samme trin som ved enhver anden hændelse: beviser, at få det stoppet, hvem der skal vide det, anmeldelse og støtte.

## Beviser

evidence-save-first = Gem først det, der er sket – før noget bliver slettet. Beviser, der forsvinder, kan ikke hentes tilbage.
evidence-save-what = Tag skærmbilleder af eller gem opslag, kommentarer, mails, sms'er og beskeder på telefonsvareren. Sørg for, at dato, klokkeslæt og afsender kan ses.
evidence-save-witnessed = Hvis du kan, så lad en anden se med, mens du tager skærmbillederne. Så er der et vidne.
evidence-save-question = Har du gemt det, der kan gemmes?

evidence-notes-what = Skriv det ned, mens det er frisk: hvad der skete, hvor, hvem der var med, dato og klokkeslæt.
evidence-notes-feelings = Skriv også, hvad der gjorde det ubehageligt, og hvordan du reagerede.
evidence-notes-pattern = Kommer den samme person igen, så skriv også hver ny hændelse ned. Tilsammen viser de et mønster.
evidence-notes-question = Har du skrevet det ned?

evidence-witnesses = Skriv ned, hvem der så eller hørte det, med navn og telefonnummer.
evidence-links = Gem linkene (URL'erne) til opslagene, navnene på profiler og grupper, og hvornår hvert opslag blev lagt op.
evidence-witnesses-question = Har du noteret vidner og links?

## Få det stoppet

stop-no-counter = Svar ikke den, der gjorde det, og gå ikke til modangreb – heller ikke når det, der bliver sagt, er usandt.
stop-relief = Hvis henvendelserne slider på dig, så bed din leder om aflastning. Du skal ikke bære det alene.

stop-platform-report = Rapportér opslagene til platformen (for eksempel Facebook eller X) – den kan fjerne indhold, der bryder dens regler. Gem alt først.
stop-platform-helper = Bed en, du stoler på, om at passe dine private konti i en periode – læse, gemme, rapportere og slette for dig – så du og din familie slipper for at læse det.
stop-platform-deindex = Du kan bede søgemaskiner som Google om at fjerne krænkende søgeresultater om dig.
stop-platform-private-info = Tjek, hvad der er offentligt om dig – adresse, telefonnummer, billeder, familie – og stram dine privatlivsindstillinger.
stop-platform-question = Har du gjort det, der gælder for dig her?

## Hvem skal vide det

tell-manager = Fortæl din leder om det så hurtigt som muligt. Sig, hvordan det påvirker dig, og hvad der vil hjælpe dig – både praktisk og menneskeligt.
tell-colleagues = Advar dine kolleger: den samme person kontakter ofte flere.

## Politi og registrering

police-question = Er politianmeldelsen lavet?

incident-system-name = På din arbejdsplads hedder systemet { $system }.
incident-question = Er hændelsen indberettet eller registreret?

## Støtte

support-reactions = Reaktioner kan komme senere – bekymring, uro, dårlig søvn eller svært ved at koncentrere dig. Det er helt normalt. Sig det til nogen, når det sker.
support-not-alone = Vær ikke alene efter noget alvorligt. Tag fri, hvis du har brug for det, og lad en følge dig hjem.
support-contacts-intro = Støtte på din arbejdsplads:
support-question = Har du fået sat den støtte i gang, du har brug for?

## Opfølgning og opsummering

followup-agree = Aftal med din leder, hvordan personen skal håndteres fremover, og bed om at blive holdt orienteret undervejs.
followup-again = Sker det igen, så kom tilbage hertil, så går vi det igennem sammen.
followup-come-back = Du kan altid komme tilbage – alt er gemt. Skriv "menu" for at springe til en hvilken som helst del.

summary-intro = Her er en opsummering af sag { $case }.
summary-danger = Du meldte om akut fare i denne sag.
summary-done = Gjort:
summary-done-none = Der er ikke markeret noget som gjort endnu.
summary-left = Mangler stadig:
summary-left-none = Der er ikke mere at gøre på listen.
summary-closing = Tag det i dit eget tempo. Du kan altid komme tilbage og fortsætte.
opt-finish = Afslut for nu
opt-menu = Menu
opt-new-case = Fortæl om en ny hændelse
done-take-care = Pas godt på dig selv. Alt er gemt – skriv hvad som helst for at komme tilbage.
done-danger = Kommer du nogensinde i fare, så ring 112.
opt-show-summary = Vis opsummeringen

task-evidence-saved = Beviser gemt (skærmbilleder, mails, beskeder)
task-notes-written = Notater skrevet: hvad, hvor, hvem, hvornår
task-witnesses-and-links = Vidner og links noteret
task-harm-stopped = Platform, private konti og søgeresultater gennemgået
task-manager-told = Leder orienteret
task-police-report = Politianmeldelse
task-incident-registered = Hændelse indberettet eller registreret
task-support-arranged = Støtte sat i gang

## Akut fare: besked til lederen

opt-alert-manager = { $role ->
        [out-of-hours] Slå alarm til { $who } nu (kontaktperson uden for arbejdstid)
        [manager] Slå alarm til min leder { $who } nu
       *[none] Slå alarm til min leder nu
    }
danger-alerted = Jeg har slået alarm til { $who }{ $role ->
        [out-of-hours] , der er kontaktperson uden for arbejdstid,
       *[manager] , din leder,
    } og bedt om at blive ringet op nu. Er du i fare, så ring stadig 112 – ingen leder kan give dig den hjælp, du får dér.

## Besked til andre – kun med dit samtykke

tell-offer = Jeg kan sende en kort besked på dine vegne til din leder eller jeres { $country ->
        [SE] skyddsombud (arbejdsmiljørepræsentant)
       *[other] arbejdsmiljørepræsentant (AMR)
    } – men kun hvis du vil, og du ser beskeden, før den bliver sendt. Hvem skal have besked?
opt-tell-manager = Min leder
opt-tell-safety-rep = { $country ->
        [SE] Skyddsombuddet (arbejdsmiljørepræsentant)
       *[other] Arbejdsmiljørepræsentanten (AMR)
    }
opt-tell-both = Begge to
opt-told-myself = Jeg har allerede selv sagt det
opt-not-now = Ikke nu
opt-withdraw = Ingen flere beskeder (træk mit samtykke tilbage)
opt-tell-now = Giv nogen besked nu
consent-request = Hvad vil du gerne bede om?
opt-request-call = Ring til mig i dag
opt-request-meeting = Et møde med mig
opt-request-know = Kun til orientering
consent-preview-intro = Her er præcis det, modtagerne får at læse. Intet andet fra vores samtale bliver delt:
preview-to-manager = Beskeden går til din leder, { $who }.
preview-chain = Kvitterer ingen i tide, går den videre, én ad gangen, til: { $then }.
preview-to-safety-rep = Beskeden går til { $who }, jeres { $country ->
        [SE] skyddsombud (arbejdsmiljørepræsentant)
       *[other] arbejdsmiljørepræsentant (AMR)
    }.
preview-own-language = Hver modtager læser den på sit eget sprog.
consent-preview-question = Skal jeg sende den?
opt-send = Ja, send den
opt-change = Ændr modtager eller ønske
opt-dont-send = Nej, send ikke noget
consent-sent = Beskeden er sendt. Jeg siger til, så snart nogen har kvitteret for den.
consent-sent-withdraw = Du kan til enhver tid stoppe flere beskeder: skriv "menu", og vælg beskeder.
withdraw-confirm = Vil du stoppe alle videre beskeder om denne sag? Det, der allerede er sendt, kan ikke kaldes tilbage, men ingen får mere fra mig om sagen.
opt-withdraw-yes = Ja, stop beskederne
opt-withdraw-no = Nej, behold dem
withdraw-done = Det er gjort. Dit samtykke er trukket tilbage, og jeg har noteret tidspunktet. Ingen får flere beskeder om denne sag.
opt-menu-consent = Beskeder og samtykke

status-heading = Beskeder om sag { $case }:
status-nobody-told = Ingen har fået besked gennem Fyr endnu.
status-acknowledged = { $role ->
        [safety-rep] { $country ->
            [SE] Skyddsombud (arbejdsmiljørepræsentant)
           *[other] Arbejdsmiljørepræsentant (AMR)
        }
        [out-of-hours] Kontaktperson uden for arbejdstid
       *[manager] Leder
    }: kvitteret af { $who }
status-waiting = { $role ->
        [safety-rep] { $country ->
            [SE] Skyddsombud (arbejdsmiljørepræsentant)
           *[other] Arbejdsmiljørepræsentant (AMR)
        }
        [out-of-hours] Kontaktperson uden for arbejdstid
       *[manager] Leder
    }: venter på, at { $who } kvitterer
status-nobody-answered = { $role ->
        [safety-rep] { $country ->
            [SE] Skyddsombud (arbejdsmiljørepræsentant)
           *[other] Arbejdsmiljørepræsentant (AMR)
        }
        [out-of-hours] Kontaktperson uden for arbejdstid
       *[manager] Leder
    }: ingen kvitterede i tide
status-withdrawn = { $role ->
        [safety-rep] { $country ->
            [SE] Skyddsombud (arbejdsmiljørepræsentant)
           *[other] Arbejdsmiljørepræsentant (AMR)
        }
        [out-of-hours] Kontaktperson uden for arbejdstid
       *[manager] Leder
    }: stoppet
status-consent-withdrawn = Du har trukket dit samtykke tilbage: ingen får flere beskeder om denne sag.

## Nyt om dine beskeder

ack-told-employee = { $who } har kvitteret for din besked om sag { $case }.
escalation-next = Ingen har kvitteret for din besked endnu, så nu har jeg sendt den videre til { $who }.
escalation-nobody-answered = Ingen har kvitteret for din besked om sag { $case } endnu. Ring direkte til din leder, eller kontakt:
escalation-nobody-configured = Der er ingen i din enhed, jeg kan give besked. Fortæl det selv til din leder, eller kontakt HR.

## Når jeg spørger til dig

followup-checkins = Senere spørger jeg også til dig for at høre, hvordan du har det.
checkin-how = Hej { $name }, det er Fyr – om sag { $case }. Hvordan har du det? Er der sket noget nyt?
opt-checkin-ok = Det går okay – intet nyt
opt-checkin-new = Der er sket noget nyt
opt-checkin-support = Jeg har brug for støtte
opt-checkin-close = Luk sagen
opt-checkin-snooze = Spørg mig igen næste arbejdsdag
checkin-thanks = Tak, fordi du fortalte mig det. Jeg er her, hvis noget ændrer sig.
checkin-snoozed = Det er i orden – jeg spørger igen næste arbejdsdag.
close-confirm = Vil du lukke sag { $case }? Så holder jeg op med at spørge til dig, og beskeder, der stadig venter, bliver heller ikke sendt. Det, du har gemt, bliver liggende.
opt-close-yes = Ja, luk den
opt-close-no = Nej, lad den være åben
case-closed = Sag { $case } er lukket. Pas godt på dig selv.

## Gemte beviser

opt-evidence-write = Skriv det her – jeg gemmer det sikkert
evidence-note-intro = Skriv, hvad der skete, eller indsæt et link – én besked ad gangen. Jeg gemmer hver ting sikkert med tidspunkt og et digitalt fingeraftryk, der viser, hvis noget bliver ændret senere. Vælg 1, når du er færdig.
opt-evidence-done = Jeg er færdig
evidence-saved = Gemt som nummer { $n } i sag { $case } (fingeraftryk { $hash }…).
evidence-danger-reminder = Er du i fare lige nu, så ring 112, eller skriv "fare".

## Slet dine oplysninger

opt-menu-erase = Slet mine oplysninger
erase-confirm = Vil du have, at jeg sletter alt om dig: dine sager, dine notater og beviser, og hvor vi var i samtalen? Det kan ikke fortrydes. Beskeder, der allerede er nået frem til andre, kan ikke hentes tilbage.
opt-erase-yes = Ja, slet det hele
opt-erase-no = Nej, behold det
erased = Det er gjort. Alt, hvad jeg havde om dig, er slettet.
opt-start-over = Begynd forfra

## Eksport

opt-menu-export = Eksportér min sag (rapport og beviser)
exported = Din sagsrapport, de originale beviser og en liste med fingeraftryk er samlet. Du kan give dem til politiet, din arbejdsgiver eller en advokat.
export-files = Filerne ligger her:
    { $files }
export-ask-operator = Eksporten bliver ikke sendt som filer her. Din administrator kan lave den for dig – giv vedkommende referencen { $case }.
export-by-operator = Din administrator har eksporteret sag { $case }: en rapport, dine oprindelige beviser og en liste med fingeraftryk, gemt ukrypteret i { $folder }. De filer slettes, når din sag slettes; kopier lavet af dem slettes ikke.
case-erased-by-operator = Din administrator har slettet sag { $case } med alt, hvad den indeholdt. Hvis du stadig har brug for hjælp, så skriv hvad som helst, og vi begynder forfra.
export-attached = Her er eksporten af sag { $case }: rapporten som PDF, de originale beviser i en zip-fil og et manifest med kontrolsummer. Gem filerne et sikkert sted, for eksempel til en politianmeldelse.
export-attached-without-originals = Her er rapporten og manifestet for sag { $case }. De originale beviser er for store til at blive sendt her – din administrator kan hente dem til dig med referencen { $case }.
export-failed = Noget gik galt, da eksporten skulle laves. Intet er gået tabt; prøv gerne igen senere.

## Kollegaer, der hjælper med beviser
opt-menu-helper = Bed en kollega om at hjælpe mig med at samle beviser
helper-ask = Skriv navnet på den kollega, du vil bede om hjælp – for eksempel en, der så, hvad der skete, eller som kan tage skærmbilleder for dig. Kollegaen kan tilføje noter, links og billeder til din sag, men ser kun det, vedkommende selv har tilføjet – ikke dine beviser og ikke hvem der ellers ved besked. Ingen bliver spurgt, før du har bekræftet.
helpers-current = Disse kollegaer hjælper dig nu:
helpers-current-item = { $helper } – har tilføjet { $count }
opt-helper-remove = Afslut kollegaernes adgang
helper-not-found = Jeg kan ikke finde nogen med det navn. Skriv fornavn og efternavn, som de står på personalelisten.
helper-not-yourself = Det er dit eget navn. Skriv navnet på den kollega, du vil bede om hjælp.
helper-ambiguous = Flere personer har det navn. Skriv både fornavn og efternavn.
helper-confirm = Skal jeg bede { $helper } om at hjælpe dig med at samle beviser? { $helper } får dit navn og sagens reference at vide, men intet andet om det, der er sket.
opt-helper-send = Ja, spørg
opt-helper-cancel = Nej, annullér
helper-sent = Jeg har spurgt { $helper }. Det, { $helper } tilføjer, kommer ind i din sag og er med i din eksport. Du kan afslutte adgangen i menuen, når du vil.
helper-already = Den kollega hjælper dig allerede.
helper-removed = Det er gjort. Kollegaerne kan ikke længere tilføje noget til din sag. Det, de allerede har tilføjet, bliver liggende.
alerted-after-hours = Det er uden for arbejdstid, og enheden har ingen vagt, så { $who } ser måske først alarmen { DATE($when) }. Vent ikke på det: er du i fare, så ring 112. Har du brug for politiet, men haster det ikke: { $country ->
        [SE] 114 14
       *[other] 114
    }.
tell-declined = Det er dit valg, og det er helt i orden. Vil du give nogen besked senere, finder du det under "Hvem skal vide det" i menuen.
preview-out-of-hours = Det er uden for arbejdstid, så beskeden går først til { $who }, der er kontaktperson uden for arbejdstid.
preview-handover = Når arbejdsdagen begynder, { DATE($when) }, går den også til din leder, { $who }, som så overtager sagen.
preview-rep-chain = Kvitterer { $country ->
        [SE] skyddsombuddet
       *[other] arbejdsmiljørepræsentanten
    } ikke i tide, går den til den næste: { $then }.
preview-after-hours = Det er uden for arbejdstid, så { $who } læser den måske først { DATE($when) }. Er du i fare i mellemtiden, så ring 112. Politiet, når det ikke haster: { $country ->
        [SE] 114 14
       *[other] 114
    }.
consent-sent-after-hours = Fordi det er uden for arbejdstid, kan der gå til { DATE($next_work) }, før nogen læser den. Er du i fare, så ring 112.
handover-told-employee = Arbejdsdagen er begyndt: din leder, { $who }, har nu fået din besked og overtager sagen.
escalation-rep-nobody-answered = Ingen arbejdsmiljørepræsentant (AMR) har kvitteret for din besked om sag { $case } endnu. Du kan selv kontakte en arbejdsmiljørepræsentant, eller:
escalation-rep-nobody-answered-manager-knows = Ingen arbejdsmiljørepræsentant (AMR) har kvitteret for din besked om sag { $case } endnu. Din leder, { $manager }, har kvitteret og kender til sagen. Du kan selv kontakte en arbejdsmiljørepræsentant, eller:
start-greeting-manager = Hej { $name }, jeg hedder Fyr. Du er leder her: Jeg hjælper dig, når en medarbejder er blevet truet, chikaneret eller angrebet i arbejdet – med det, du skal gøre i dag og de næste uger. Og bliver du selv udsat, hjælper jeg også dig. Vi tager ét spørgsmål ad gangen.
start-greeting-safety-rep = Hej { $name }, jeg hedder Fyr. Du er arbejdsmiljørepræsentant (AMR): Jeg hjælper dig med at støtte en medarbejder, der er blevet truet, chikaneret eller angrebet i arbejdet, og med at forebygge, at det sker igen. Bliver du selv udsat, hjælper jeg også dig. Vi tager ét spørgsmål ad gangen.
channel-question = Hvordan nåede det dig?
opt-channel-online = På nettet – opslag, kommentarer eller sociale medier
opt-channel-written = Via mail, brev eller sms
opt-channel-spoken = I telefonen eller ansigt til ansigt
evidence-save-spoken = Gem det, der findes: opkaldslisten med tidspunkt og nummer, beskeder på telefonsvareren og eventuelle optagelser, som arbejdspladsen laver. Skriv så ordret som muligt ned, hvad der blev sagt.
stop-other-casework = Giv ikke igen, og gå ikke ind i en diskussion. Spørgsmål om selve sagen er en del af dit arbejde: Svar kort og sagligt på dem, én gang – derefter behøver du ikke gentage dig.
short-four-steps = En måde at tage imod kritik på, i fire trin:
    1. Bekræft, at du har forstået, hvad personen er utilfreds med.
    2. Sig undskyld, hvis noget faktisk er gået galt.
    3. Forklar kort, hvad der gælder og hvorfor.
    4. Henvis videre – for eksempel til, hvordan man klager, eller til nogen, der kan hjælpe.
short-casework = Dit almindelige arbejde med personens sag fortsætter som normalt – kritik er ingen grund til at stoppe sagsbehandlingen.
short-relief = Slider det på dig, må du bede om aflastning: at en kollega overtager opkaldene eller mailene, at svarene sendes fra en funktionspostkasse, eller at en anden overtager sagen.
short-tell = Vil du have, at din leder ved det? Det er dit valg. Jeg kan sende en kort besked for dig, og du ser den først.
short-done = Det var det vigtigste. Kom tilbage, når du vil – skriv "menu" for at se alt det andet, for eksempel råd om svære opkald og mails.
short-crossed-line = Går det over grænsen – trusler, chikane, eller hvis personen dukker op, hvor du er – så vælg 1, så gennemgår vi alt, hvad der gælder. Er du i fare, så ring 112. Politiet, når det ikke haster: { $country ->
        [SE] 114 14 eller polisen.se
       *[other] 114 eller politi.dk
    }.
new-incident-safety = Først: Er du eller en anden i fare lige nu? Så ring 112.
checkin-new-which = Hører det nye til samme sag som denne, eller er det noget andet?
opt-new-same-case = Samme sag – samme person eller samme forløb
opt-new-other-case = Noget andet – en ny sag
support-union = Du kan også få støtte fra din fagforening og fra arbejdsmiljørådgivningen.
exposure-function-signature = Fremover kan du, hvis arbejdspladsen tillader det, underskrive med din funktion eller en funktionspostkasse i stedet for dit navn.
consent-preview-short = Beskeden siger, at du har været udsat for { $kind ->
        [threat] en trussel
        [harassment] chikane eller had
        [online-exposure] udstilling eller et personangreb på nettet
        [criticism] hård kritik eller vedvarende klager
        [hard-contact] et svært opkald eller en svær mail
       *[other] noget, der opleves som pres
    } og { $request ->
        [call-today] beder om en opringning i dag
        [meeting] beder om et møde
        [urgent] beder om hjælp med det samme
       *[just-know] kun vil have, at de ved det
    } – intet andet fra vores samtale. Vælg "Vis præcis, hvad de læser" for hele teksten.
opt-preview-full = Vis præcis, hvad de læser
preview-unreachable = Jeg kan ikke nå { $who }: der er ingen konto på nogen af de chatplatforme, jeg bruger. Derfor går beskeden ikke dertil.
preview-no-next = Hvis { $who } ikke kvitterer, er der ingen stedfortræder eller anden leder, jeg kan gå videre til.
preview-no-manager-reachable = Der er ingen leder, jeg kan nå, så beskeden når ikke frem til nogen leder.
preview-no-rep-reachable = Der er { $country ->
        [SE] intet skyddsombud (arbejdsmiljørepræsentant)
       *[other] ingen arbejdsmiljørepræsentant (AMR)
    }, jeg kan nå, så beskeden når ikke frem dertil.
preview-suggest-rep = Vil du have, at flere får det at vide, kan du også vælge { $country ->
        [SE] skyddsombuddet
       *[other] arbejdsmiljørepræsentanten
    }, { $who }: vælg "Ændr modtager eller ønske".
preview-suggest-manager = Du kan også vælge din leder, { $who }: vælg "Ændr modtager eller ønske".
preview-suggest-hr = Du kan også gå direkte til HR: { $value }.
consent-preview-nobody = Som det ser ud nu, ville beskeden ikke nå frem til nogen, så jeg sender ikke noget. Vælg "Ændr modtager eller ønske", hvis du vil vælge en anden.
consent-sent-nobody = Jeg har ikke kunnet sende beskeden: ingen af dem, du valgte, kan nås gennem mig. Fortæl det gerne selv, eller kontakt HR.
