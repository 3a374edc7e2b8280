# Fyr — tekster til dem, der får besked om en sag: ledere, stedfortrædere, kontakten uden for
# arbejdstid og repræsentanter for arbejdsmiljøet (dansk).

## Beskeden

notify-heading = Fyr – sag { $case } har brug for din opmærksomhed.
notify-intro = { $employee } i din enhed har været udsat for { $kind ->
        [threat] en trussel
        [harassment] chikane eller had
        [online-exposure] udstilling eller et personangreb på nettet
        [criticism] hård kritik eller vedvarende klager
        [hard-contact] et svært opkald eller en svær mail
       *[other] noget, der opleves som pres
    }.
notify-urgent = Det haster.
notify-request = { $employee } beder dig { $request ->
        [call-today] om at ringe op i dag.
        [meeting] om et møde.
        [urgent] om at sørge for, at din medarbejder er i sikkerhed lige nu – der er meldt om akut fare.
       *[just-know] foreløbig kun om at være orienteret.
    }
notify-consent = { $employee } har sagt ja til, at du får besked. Behandl det fortroligt – Fyr deler ikke andet fra samtalen.
notify-ack-how = Vælg 1 for at kvittere. Så får { $employee } at vide, at du har set beskeden.
notify-reminder = Påmindelse: Der er endnu ikke kvitteret for beskeden.
opt-ack = Kvittér – jeg tager mig af det
opt-guidance = Hvad skal jeg gøre?

## Når du har kvitteret

acked-thanks = Tak. Jeg har fortalt { $employee }, at du har kvitteret.
acked-manager-today = Tal med { $employee } i dag, og sørg for, at din medarbejder ikke er alene.
acked-safety-rep = Som { $country ->
        [SE] skyddsombud (arbejdsmiljørepræsentant)
       *[other] arbejdsmiljørepræsentant (AMR)
    } ser du kun det, som { $employee } har sagt ja til at dele. Tjek med lederen, at hændelsen er registreret, og at der er tilbudt støtte.
acked-follow-up = Senere minder jeg dig om at følge op og høre, hvordan det går med { $employee }.

## Første vejledning

guidance-manager-talk = Tal med { $employee } samme dag. Lyt, skriv ned, hvad du får at vide, og spørg, hvad din medarbejder har brug for.
guidance-manager-safety = Sørg for, at din medarbejder er i sikkerhed: ikke alene, har nogen at følges hjem med og kan få fri, hvis der er brug for det. Tjek også, hvilke private oplysninger om vedkommende der er offentlige.
guidance-safety-rep-role = Som { $country ->
        [SE] skyddsombud (arbejdsmiljørepræsentant)
       *[other] arbejdsmiljørepræsentant (AMR)
    } arbejder du for et godt arbejdsmiljø sammen med ledelsen. Du ser kun det, som { $employee } har sagt ja til at dele.
guidance-safety-rep-check = Tjek, at hændelsen er registreret, at der er tilbudt støtte, og at { $employee } ikke står alene med det.
guidance-safety-rep-not = Det er ikke din opgave at kontakte den, der står bag, eller at vurdere, om det er strafbart – det hører under ledelsen, HR og politiet.

## Påmindelser

duty-se-authority-reminder = Påmindelse, sag { $case }: Vurdér, om dette er en alvorlig hændelse (allvarligt tillbud) efter svenske regler – for eksempel en trussel, der kunne have ført til alvorlig skade. Er det det, skal den straks meldes til Arbetsmiljöverket og senest inden for 24 timer. Hvordan står det til?
duty-dk-registration-reminder = Påmindelse, sag { $case }: Er hændelsen registreret i kategorien "mindre vold, trusler og anden krænkende adfærd"?
opt-duty-done = Ja, det er gjort
opt-duty-later = Ikke endnu
followup-manager-reminder = Opfølgning, sag { $case }: Det er tid til at høre, hvordan det går med { $employee } – og om der er sket noget nyt.
opt-followup-done = Jeg har fulgt op
duty-thanks = Tak – det er noteret.

## Kvittering med sagsnummer

ack-unknown-case = Jeg kan ikke finde noget, du kan kvittere for, med nummeret { $case }. Tjek nummeret i den besked, du fik.
ack-stale = Sag { $case } behøver ikke længere en kvittering – tak alligevel.
ack-already = Du har allerede kvitteret for sag { $case }. Tak.
ack-already-by = { $who } har allerede kvitteret for sag { $case }. Tak alligevel.

## At hjælpe en kollega med beviser
helper-invited-heading = Fyr: en forespørgsel fra en kollega ({ $case })
helper-invited = { $employee } beder dig om at hjælpe med at samle beviser i sag { $case }.
helper-how = Skriv en note (hvad, hvor, hvem, hvornår), indsæt et link eller send et billede eller en fil her, så gemmes det i { $employee }s sag med tidspunkt og fingeraftryk. Du ser kun det, du selv tilføjer. Svar aldrig den, der står bag, og gå ikke til modangreb.
opt-helper-add = Tilføj noget
opt-helper-mine = Vis det, jeg har tilføjet
helper-add = Skriv eller indsæt det, du vil gemme, eller send et billede eller en fil. Send én ting ad gangen.
opt-helper-finished = Færdig for nu
helper-mine-none = Du har ikke tilføjet noget endnu.
helper-mine-heading = Det her har du tilføjet:
helper-mine-item = nummer { $n }, { $time }, fingeraftryk { $hash }
helper-saved = Gemt som nummer { $n } i sag { $case } (fingeraftryk { $hash }).
helper-not-active = Du kan ikke længere tilføje noget til den sag – intet blev gemt. Ingen andre har fået noget at vide.
helper-ended = Tak for hjælpen. Du kan ikke længere tilføje noget til sag { $case }; det, du har tilføjet, bliver liggende.
notify-alarm = { $employee }, din medarbejder, har slået alarm om akut fare gennem Fyr. Ring til { $employee } nu. Kan du ikke få fat i din medarbejder, og frygter du, at der er fare: ring 112.
notify-handover = Sagen blev modtaget uden for arbejdstid af { $who }. Nu hvor arbejdsdagen er begyndt, overdrages den til dig som leder.
acked-safety-rep-only = Kun du har fået besked gennem Fyr – ikke lederen. Aftal med { $employee }, om lederen skal inddrages, og i så fald hvordan og af hvem.
guidance-safety-rep-only = Lederen ved ikke noget om dette gennem Fyr. Kontakt ikke selv lederen om sagen – aftal med { $employee }, om, hvornår og hvordan lederen skal have besked.
guidance-safety-rep-prevent = Sørg for, at hændelsen – uden navn, hvis { $employee } ønsker det – bliver gennemgået i arbejdsmiljøgruppen eller -udvalget: hvad skete der, hvorfor, og hvilke forebyggende tiltag er der brug for.
opt-duty-not-serious = Ikke aktuelt – ikke en alvorlig hændelse

## When a case is erased

case-closed-notice = Fyr – sag { $case } er afsluttet, og oplysningerne er slettet. Du skal ikke gøre mere ved den.

## Several at once

digest-intro = { $count } beskeder fra Fyr blev aktuelle for dig på samme tid, så her kommer de samlet. Valgmulighederne nederst gælder den sidste: skriv tilbage for at svare på den før, eller ok og en reference (for eksempel ok F-1234-ABCD) for at kvittere for en sag.
pending-heading = { $count ->
        [one] Du har også en anden sag, der venter på din kvittering
       *[other] Du har også { $count } andre sager, der venter på din kvittering
    }. Skriv "ok" og sagsnummeret for at kvittere, for eksempel "ok F-1234-ABCD":
pending-item = { $case }: { $kind ->
        [alarm] alarm om akut fare
        [threat] trussel
        [harassment] chikane eller had
        [online-exposure] udhængning på nettet
        [criticism] hård kritik
        [hard-contact] svære opkald eller mails
       *[other] anden hændelse
    }, { DATE($when) }
