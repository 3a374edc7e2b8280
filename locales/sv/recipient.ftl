# Fyr — texter till dem som får veta om ett ärende: chefer, ställföreträdare, kontaktpersonen
# utanför kontorstid och skyddsombud/arbetsmiljörepresentanter (svenska).

## Aviseringen

notify-heading = Fyr – ärende { $case } behöver din uppmärksamhet.
notify-intro = { $employee } på din enhet har utsatts för { $kind ->
        [threat] ett hot
        [harassment] trakasserier eller hat
        [online-exposure] uthängning eller personangrepp på nätet
        [criticism] hätsk kritik eller ihållande klagomål
        [hard-contact] ett svårt samtal eller mejl
       *[other] något som upplevdes som påtryckning
    }.
notify-urgent = Det här är brådskande.
notify-request = { $employee } { $request ->
        [call-today] ber dig att ringa upp i dag.
        [meeting] ber om ett möte med dig.
        [urgent] har angett akut fara och ber dig att genast se till att din medarbetare är i säkerhet.
       *[just-know] vill för tillfället bara att du känner till det här.
    }
notify-consent = { $employee } har gått med på att du får veta det här. Behandla det förtroligt – Fyr delar inget annat från samtalet.
notify-ack-how = Välj 1 för att kvittera. { $employee } får då veta att du har sett meddelandet.
notify-reminder = Påminnelse: det här är inte kvitterat än.
opt-ack = Kvittera – jag tar hand om det
opt-guidance = Vad ska jag göra?

## Efter kvitteringen

acked-thanks = Tack. Jag har meddelat { $employee } att du har kvitterat.
acked-manager-today = Prata med { $employee } i dag, och se till att din medarbetare inte lämnas ensam.
acked-safety-rep = Som { $country ->
        [DK] arbetsmiljörepresentant (arbejdsmiljørepræsentant)
       *[other] skyddsombud
    } ser du bara det som { $employee } har gått med på att dela. Stäm av med chefen att händelsen är anmäld eller registrerad och att stöd har erbjudits.
acked-follow-up = Längre fram påminner jag dig om att följa upp hur { $employee } har det.

## Första vägledning

guidance-manager-talk = Prata med { $employee } samma dag. Lyssna, skriv ner det du får höra, och fråga vad din medarbetare behöver.
guidance-manager-safety = Se till att din medarbetare är i säkerhet: inte ensam, har någon att gå hem med och får ledigt vid behov. Ta också reda på vilka privata uppgifter om medarbetaren som är offentliga.
guidance-safety-rep-role = Som { $country ->
        [DK] arbetsmiljörepresentant (arbejdsmiljørepræsentant)
       *[other] skyddsombud
    } arbetar du för en god arbetsmiljö tillsammans med ledningen. Du ser bara det som { $employee } har gått med på att dela.
guidance-safety-rep-check = Stäm av att händelsen är anmäld eller registrerad, att stöd har erbjudits och att { $employee } inte lämnas ensam.
guidance-safety-rep-not = Det är inte din roll att kontakta personen bakom eller att bedöma om det är ett brott – det ansvarar ledningen, HR och polisen för.

## Påminnelser

duty-se-authority-reminder = Påminnelse, ärende { $case }: bedöm om det här är ett allvarligt tillbud – till exempel ett hot som kunde ha lett till allvarlig skada. Är det det, ska det anmälas till Arbetsmiljöverket utan dröjsmål, och senast inom 24 timmar. Hur ligger det till?
duty-dk-registration-reminder = Påminnelse, ärende { $case }: är händelsen registrerad i kategorin ”mindre vold, trusler og anden krænkende adfærd”?
opt-duty-done = Ja, det är gjort
opt-duty-later = Inte än
followup-manager-reminder = Uppföljning, ärende { $case }: det är dags att stämma av med { $employee } – hur går det, och har något nytt hänt?
opt-followup-done = Jag har följt upp
duty-thanks = Tack – det är noterat.

## Kvittera med ärendenummer

ack-unknown-case = Jag hittar inget för dig att kvittera med numret { $case }. Kontrollera numret i meddelandet du fick.
ack-stale = Ärende { $case } behöver inte längre någon kvittering – tack ändå.
ack-already = Du har redan kvitterat ärende { $case }. Tack.
ack-already-by = { $who } har redan kvitterat ärende { $case }. Tack ändå.

## Att hjälpa en kollega med bevis
helper-invited-heading = Fyr: en förfrågan från en kollega ({ $case })
helper-invited = { $employee } ber dig hjälpa till att samla bevis i ärende { $case }.
helper-how = Skriv en anteckning (vad, var, vem, när), klistra in en länk eller skicka en bild eller fil här, så sparas den i { $employee }s ärende med tid och fingeravtryck. Du ser bara det du själv lägger till. Svara aldrig den som ligger bakom, och ge inte igen.
opt-helper-add = Lägg till något
opt-helper-mine = Visa det jag har lagt till
helper-add = Skriv eller klistra in det du vill spara, eller skicka en bild eller fil. Skicka en sak i taget.
opt-helper-finished = Klar för nu
helper-mine-none = Du har inte lagt till något än.
helper-mine-heading = Det här har du lagt till:
helper-mine-item = nummer { $n }, { $time }, fingeravtryck { $hash }
helper-saved = Sparat som nummer { $n } i ärende { $case } (fingeravtryck { $hash }).
helper-not-active = Du kan inte lägga till något i det ärendet längre – inget sparades. Ingen annan har fått veta något.
helper-ended = Tack för hjälpen. Du kan inte längre lägga till något i ärende { $case }; det du har lagt till finns kvar.
notify-alarm = { $employee }, din medarbetare, har slagit larm om akut fara via Fyr. Ring { $employee } nu. Når du inte fram och tror att din medarbetare är i fara: ring 112.
notify-handover = Ärendet togs emot utanför arbetstid av { $who }. Nu när arbetsdagen har börjat lämnas det över till dig som chef.
acked-safety-rep-only = Bara du har fått veta det här via Fyr – inte chefen. Kom överens med { $employee } om chefen ska involveras, och i så fall hur och av vem.
guidance-safety-rep-only = Chefen vet inget om det här genom Fyr. Ta inte själv kontakt med chefen om ärendet – bestäm tillsammans med { $employee } om, när och hur chefen ska få veta.
guidance-safety-rep-prevent = Se till att händelsen, utan namn om { $employee } vill det, tas upp i skyddskommittén eller motsvarande samverkansgrupp: vad hände, varför, och vilka förebyggande åtgärder behövs.
opt-duty-not-serious = Inte aktuellt – inget allvarligt tillbud

## When a case is erased

case-closed-notice = Fyr – ärende { $case } är avslutat och uppgifterna är raderade. Du behöver inte göra något mer med det.

## Several at once

digest-intro = { $count } meddelanden från Fyr blev aktuella för dig samtidigt, så här kommer de tillsammans. Alternativen längst ned gäller det sista: skriv tillbaka för att svara på det före, eller ok och en referens (till exempel ok F-1234-ABCD) för att kvittera ett ärende.
pending-heading = { $count ->
        [one] Du har också ett annat ärende som väntar på din kvittering
       *[other] Du har också { $count } andra ärenden som väntar på din kvittering
    }. Skriv ”ok” och ärendenumret för att kvittera, till exempel ”ok F-1234-ABCD”:
pending-item = { $case }: { $kind ->
        [alarm] larm om akut fara
        [threat] hot
        [harassment] trakasserier eller hat
        [online-exposure] uthängning på nätet
        [criticism] hätsk kritik
        [hard-contact] svåra samtal eller mejl
       *[other] annan händelse
    }, { DATE($when) }
