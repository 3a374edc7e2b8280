# Fyr — stöd för den anställda som har utsatts (svenska).

## Hälsning

start-greeting = Hej { $name }, jag heter Fyr. Jag hjälper dig som har blivit hotad, trakasserad eller angripen av någon du möter i jobbet – i telefon, via mejl, på plats eller på nätet. Vi tar en fråga i taget.
start-danger = Är du eller någon annan i fara just nu? Ring 112 först. Jag kan inte ringa åt dig.
start-how = Svara med numret på ett alternativ. Skriv ”hjälp” när som helst för att se vad mer du kan skriva, och ”stopp” för att pausa. Var vill du börja?
opt-start-guidance = Något har hänt – guida mig

## Akut fara

danger-call-112 = Ring 112 nu. Berätta var du är och vad som händer. Jag kan inte ringa åt dig.
danger-get-safe = Ta dig till en säker plats om du kan: dit där det finns andra människor, eller bakom en dörr som går att låsa. Gå inte tillbaka mot personen. Kan du inte prata? Be någon i närheten att ringa.
danger-stay = Jag finns kvar här. Inget annat spelar någon roll just nu. Välj 1 när du är i säkerhet.
opt-danger-safe = Jag är i säkerhet nu
danger-still-here = Jag är fortfarande här. Är du i fara, ring 112 nu. När du är i säkerhet, välj 1.
danger-after-not-alone = Vad bra att du är i säkerhet. Var inte ensam nu – be en kollega eller någon närstående att stanna hos dig, och att följa med dig hem om du behöver det.
danger-after-continue = När du känner dig redo går vi vidare. Det är ingen brådska.

## Vad som hände

kind-question = Vad har hänt? Välj det som stämmer bäst – du kan ändra det senare.
opt-kind-threat = Någon har hotat mig
opt-kind-harassment = Trakasserier eller hat: förolämpningar, obehagliga samtal, mejl eller meddelanden
opt-kind-online-exposure = Jag har blivit uthängd eller angripen på nätet
opt-kind-criticism = Hätsk kritik eller ihållande klagomål
opt-kind-hard-contact = Ett svårt samtal eller mejl
opt-kind-other = Något annat
opt-crossed-line = Det har gått över till hot eller trakasserier

threat-serious = Ett hot är allvarligt, och du gör rätt som tar det på allvar. Det är inte ditt fel, och du behöver inte hantera det ensam.
threat-not-alone = Se till att du inte är ensam just nu, och berätta för din chef redan i dag.
threat-in-the-moment = Om det händer igen under ett samtal eller ett möte: håll dig så lugn du kan, fråga vad personen menar och säg rakt ut att du uppfattar det som ett hot. Du får avsluta samtalet.
threat-details = Skriv ner det du minns om personen så snart du kan – röst, ungefärlig ålder, dialekt och exakt vad som sades. Det hjälper både din arbetsgivare och polisen.

harassment-not-your-fault = Det du har varit med om är inte okej. Att stå ut med sådant ingår inte i ditt jobb.
harassment-end-contact = Du får avsluta ett samtal eller ett möte som blir kränkande. Säg att du avslutar – och gör det sedan.
harassment-wait = Svara inte medan du är upprörd. Vänta en stund, eller prata med en kollega först.

exposure-not-your-fault = Det är tungt att bli uthängd på nätet, och det är inte ditt fel. Du behöver inte hantera det ensam.
exposure-do-not-engage = Kommentera inte inläggen, reagera inte på dem och svara inte. Försvara dig inte och ge inte igen – det brukar bara göra saken värre. Läs inte mer än du måste.
exposure-order = Först sparar vi bevisen. Sedan tittar vi på hur spridningen kan stoppas, vem som behöver få veta och hur du anmäler.

criticism-intro = Kritik kan vara svår att ta emot, även när den är befogad – det är helt normalt. Svara på det du kan, kort och sakligt, och berätta var personen kan få mer hjälp.
criticism-signs = Det kan vara ett mönster av ihållande klagomål om du känner igen flera av de här tecknen: mycket långa meddelanden, en total säkerhet på att ha rätt, krav som är omöjliga att uppfylla, lagparagrafer blandade med egna erfarenheter, hot om att anmäla dig eller kontakta media, en vilja att spela in eller filma, ett hotfullt språk.
criticism-relief = Ingen ska behöva bära det här ensam. Be din chef om avlastning – till exempel att någon annan tar över mejlen, att svaren skickas från en gemensam brevlåda, eller att en annan handläggare tar ärendet.
criticism-crossed-line = Har det gått över till hot eller trakasserier? Välj 1, så hanterar vi det som det.

contact-phone = I telefon: håll rösten lugn, svara bara på det du är säker på, och erbjud dig att ringa tillbaka eller att ta frågorna via mejl. Hellre en paus än ett förhastat svar. Argumentera inte och försvara dig inte.
contact-mail = Via mejl: svara bara på det som frågas, bekräfta att du har fått meddelandet om svaret dröjer, och hänvisa till tidigare svar när samma frågor kommer tillbaka.
contact-may-end = Du får avsluta ett samtal som är kränkande eller som inte leder någonstans. Säg att du avslutar det.
contact-crossed-line = Innehöll kontakten hot eller trakasserier? Välj 1.

other-your-experience = Din upplevelse räknas. Om något gjorde dig olustig eller kändes som påtryckning förtjänar det att tas på allvar.
other-same-steps = Vi går igenom samma steg som vid alla händelser: bevis, hur det kan stoppas, vem som ska få veta, anmälan och stöd.

## Bevis

evidence-save-first = Börja med att spara det som har hänt – innan något hinner försvinna. Bevis som har raderats går inte att få tillbaka.
evidence-save-what = Ta skärmdumpar av eller spara inlägg, kommentarer, mejl, sms och röstmeddelanden. Se till att datum, klockslag och avsändare syns.
evidence-save-witnessed = Om det går, låt någon annan se på medan du tar skärmdumparna. Då finns det ett vittne.
evidence-save-question = Har du sparat det som går att spara?

evidence-notes-what = Skriv ner medan du minns det tydligt: vad som hände, var, vilka som var inblandade, datum och klockslag.
evidence-notes-feelings = Skriv också vad som gjorde det obehagligt och hur du reagerade.
evidence-notes-pattern = Hör samma person av sig igen? Skriv ner varje ny händelse också. Tillsammans visar de ett mönster.
evidence-notes-question = Har du skrivit ner det?

evidence-witnesses = Skriv upp vilka som såg eller hörde det, med namn och telefonnummer.
evidence-links = Spara länkarna (webbadresserna) till inläggen, namnen på profiler och grupper, och när varje inlägg publicerades.
evidence-witnesses-question = Har du skrivit upp vittnen och länkar?

## Begränsa skadan

stop-no-counter = Svara inte den som gjorde det, och ge inte igen – inte ens när det som sägs är osant.
stop-relief = Om kontakterna tär på dig, be din chef om avlastning. Det här ska du inte behöva bära ensam.

stop-platform-report = Anmäl inläggen till plattformen (till exempel Facebook eller X) – den kan ta bort sådant som bryter mot dess regler. Spara allt först.
stop-platform-helper = Be någon du litar på att sköta dina privata konton ett tag – läsa, spara, anmäla och radera åt dig. Då slipper du och din familj läsa det.
stop-platform-deindex = Du kan be sökmotorer som Google att ta bort kränkande sökträffar om dig. Det kallas avindexering.
stop-platform-private-info = Se över vad som är offentligt om dig – adress, telefonnummer, bilder, familj – och skärp dina integritetsinställningar.
stop-platform-question = Har du gjort det som gäller för dig här?

## Vem som ska få veta

tell-manager = Berätta för din chef så snart du kan. Säg hur det här påverkar dig och vad du behöver – både praktisk hjälp och stöd.
tell-colleagues = Varna dina kollegor: samma person hör ofta av sig till flera.

## Polisanmälan och registrering

police-question = Är polisanmälan gjord?

incident-system-name = På din arbetsplats heter systemet { $system }.
incident-question = Har händelsen anmälts eller registrerats?

## Stöd

support-reactions = Reaktioner kan komma senare – oro, rastlöshet, svårt att sova eller att koncentrera sig. Det är helt normalt. Berätta för någon när det händer.
support-not-alone = Var inte ensam efter något allvarligt. Ta ledigt om du behöver, och låt någon följa med dig hem.
support-contacts-intro = Stöd på din arbetsplats:
support-question = Har du ordnat det stöd du behöver?

## Uppföljning och sammanfattning

followup-agree = Kom överens med din chef om hur personen ska hanteras framöver, och be att få veta hur det går.
followup-again = Om det händer igen, kom tillbaka hit så går vi igenom det tillsammans.
followup-come-back = Du kan komma tillbaka när som helst – allt är sparat. Skriv ”meny” för att hoppa till valfri del.

summary-intro = Här är en sammanfattning av ärende { $case }.
summary-danger = Du angav akut fara i det här ärendet.
summary-done = Gjort:
summary-done-none = Inget är markerat som gjort än.
summary-left = Kvar att göra:
summary-left-none = Det finns inget kvar att göra på listan.
summary-closing = Ta det i din egen takt. Du kan komma tillbaka och fortsätta när som helst.
opt-finish = Avsluta för nu
opt-menu = Meny
opt-new-case = Berätta om en ny händelse
done-take-care = Ta hand om dig. Allt är sparat – skriv vad som helst när du vill komma tillbaka.
done-danger = Om du någon gång är i fara: ring 112.
opt-show-summary = Visa sammanfattningen

task-evidence-saved = Bevis sparade (skärmdumpar, mejl, meddelanden)
task-notes-written = Anteckningar gjorda: vad, var, vem, när
task-witnesses-and-links = Vittnen och länkar antecknade
task-harm-stopped = Plattformen, privata konton och sökträffar åtgärdade
task-manager-told = Chefen informerad
task-police-report = Polisanmälan
task-incident-registered = Händelsen anmäld eller registrerad
task-support-arranged = Stöd ordnat

## Akut fara: larma chefen

opt-alert-manager = { $role ->
        [out-of-hours] Larma { $who } nu (kontaktperson utanför arbetstid)
        [manager] Larma min chef { $who } nu
       *[none] Larma min chef nu
    }
danger-alerted = Jag har larmat { $who }{ $role ->
        [out-of-hours] , som är kontaktperson utanför arbetstid,
       *[manager] , din chef,
    } och bett om ett samtal till dig nu. Är du i fara: ring 112 ändå – ingen chef kan ge dig den hjälp du får där.

## Berätta för andra – med ditt samtycke

tell-offer = Jag kan skicka ett kort meddelande åt dig till din chef eller till ert { $country ->
        [DK] arbetsmiljörepresentant (arbejdsmiljørepræsentant)
       *[other] skyddsombud
    } – bara om du vill, och du får läsa det innan det går iväg. Vem ska få veta?
opt-tell-manager = Min chef
opt-tell-safety-rep = { $country ->
        [DK] Arbetsmiljörepresentanten (arbejdsmiljørepræsentant)
       *[other] Skyddsombudet
    }
opt-tell-both = Båda
opt-told-myself = Jag har redan berättat själv
opt-not-now = Inte nu
opt-withdraw = Inga fler aviseringar (återkalla mitt samtycke)
opt-tell-now = Berätta för någon nu
consent-request = Vad vill du be om?
opt-request-call = Att de ringer mig i dag
opt-request-meeting = Ett möte med mig
opt-request-know = Bara att de vet om det
consent-preview-intro = Det här är exakt vad de kommer att läsa. Inget annat från vårt samtal delas:
preview-to-manager = Meddelandet går till din chef, { $who }.
preview-chain = Kvitterar ingen i tid går det vidare, i tur och ordning, till: { $then }.
preview-to-safety-rep = Meddelandet går till { $who }, { $country ->
        [DK] er arbetsmiljörepresentant (arbejdsmiljørepræsentant)
       *[other] ditt skyddsombud
    }.
preview-own-language = Var och en läser det på sitt eget språk.
consent-preview-question = Ska jag skicka det?
opt-send = Ja, skicka det
opt-change = Ändra vem eller vad
opt-dont-send = Nej, skicka ingenting
consent-sent = Klart – meddelandet är skickat. Jag säger till så fort någon har kvitterat det.
consent-sent-withdraw = Du kan stoppa kommande aviseringar när du vill: skriv ”meny” och välj ”Aviseringar och samtycke”.
withdraw-confirm = Vill du stoppa alla kommande aviseringar om det här ärendet? Det som redan har skickats kan jag inte ta bort, men ingen får något mer från mig om ärendet.
opt-withdraw-yes = Ja, stoppa aviseringarna
opt-withdraw-no = Nej, låt dem fortsätta
withdraw-done = Klart. Ditt samtycke är återkallat, och jag har antecknat när det skedde. Ingen får fler aviseringar om det här ärendet.
opt-menu-consent = Aviseringar och samtycke

status-heading = Aviseringar om ärende { $case }:
status-nobody-told = Ingen har fått veta något via Fyr än.
status-acknowledged = { $role ->
        [safety-rep] { $country ->
            [DK] Arbetsmiljörepresentant (arbejdsmiljørepræsentant)
           *[other] Skyddsombud
        }
        [out-of-hours] Kontaktperson utanför arbetstid
       *[manager] Chef
    }: kvitterat av { $who }
status-waiting = { $role ->
        [safety-rep] { $country ->
            [DK] Arbetsmiljörepresentant (arbejdsmiljørepræsentant)
           *[other] Skyddsombud
        }
        [out-of-hours] Kontaktperson utanför arbetstid
       *[manager] Chef
    }: väntar på att { $who } ska kvittera
status-nobody-answered = { $role ->
        [safety-rep] { $country ->
            [DK] Arbetsmiljörepresentant (arbejdsmiljørepræsentant)
           *[other] Skyddsombud
        }
        [out-of-hours] Kontaktperson utanför arbetstid
       *[manager] Chef
    }: ingen kvitterade i tid
status-withdrawn = { $role ->
        [safety-rep] { $country ->
            [DK] Arbetsmiljörepresentant (arbejdsmiljørepræsentant)
           *[other] Skyddsombud
        }
        [out-of-hours] Kontaktperson utanför arbetstid
       *[manager] Chef
    }: aviseringen stoppad
status-consent-withdrawn = Du har återkallat ditt samtycke: ingen får fler aviseringar om det här ärendet.

## Besked om aviseringarna

ack-told-employee = { $who } har kvitterat ditt meddelande om ärende { $case }.
escalation-next = Ingen har kvitterat ditt meddelande än, så nu har jag skickat det vidare till { $who }.
escalation-nobody-answered = Ingen har kvitterat ditt meddelande om ärende { $case } än. Ring din chef direkt, eller kontakta:
escalation-nobody-configured = Det finns ingen på din enhet som jag kan meddela. Berätta själv för din chef, eller kontakta HR.

## Avstämningar

followup-checkins = Längre fram hör jag också av mig för att fråga hur du mår.
checkin-how = Hej { $name }, det är Fyr, om ärende { $case }. Hur mår du? Har något nytt hänt?
opt-checkin-ok = Det är bra med mig – inget nytt
opt-checkin-new = Något nytt har hänt
opt-checkin-support = Jag behöver stöd
opt-checkin-close = Avsluta ärendet
opt-checkin-snooze = Fråga mig igen nästa arbetsdag
checkin-thanks = Tack för att du berättar. Jag finns här om något förändras.
checkin-snoozed = Okej – jag frågar igen nästa arbetsdag.
close-confirm = Vill du avsluta ärende { $case }? Då slutar jag fråga hur du mår, och aviseringar som fortfarande väntar stoppas också. Det du har sparat finns kvar.
opt-close-yes = Ja, avsluta det
opt-close-no = Nej, låt det vara öppet
case-closed = Ärende { $case } är avslutat. Ta hand om dig.

## Sparade bevis

opt-evidence-write = Skriv det här – jag sparar det säkert
evidence-note-intro = Skriv vad som hände, eller klistra in en länk – ett meddelande i taget. Jag sparar varje sak säkert, med tid och ett digitalt fingeravtryck som visar om något ändras i efterhand. Välj 1 när du är klar.
opt-evidence-done = Jag är klar
evidence-saved = Sparat som nummer { $n } i ärende { $case } (fingeravtryck { $hash }…).
evidence-danger-reminder = Är du i fara just nu: ring 112, eller skriv ”fara”.

## Radera dina uppgifter

opt-menu-erase = Radera mina uppgifter
erase-confirm = Vill du att jag raderar allt om dig: dina ärenden, dina anteckningar och bevis, och var vi var i samtalet? Det går inte att ångra. Meddelanden som redan har kommit fram till andra går inte att ta tillbaka.
opt-erase-yes = Ja, radera allt
opt-erase-no = Nej, behåll det
erased = Klart. Allt jag hade om dig är raderat.
opt-start-over = Börja om

## Export

opt-menu-export = Exportera mitt ärende (rapport och bevis)
exported = Din ärenderapport, originalbevisen och en lista med fingeravtryck är sammanställda. Du kan lämna dem till polisen, din arbetsgivare eller en jurist.
export-files = Filerna finns här:
    { $files }
export-ask-operator = Exporten skickas inte som filer här. Din administratör kan göra den åt dig – ge administratören referensen { $case }.
export-by-operator = Din administratör har exporterat ärende { $case }: en rapport, dina ursprungliga bevis och en lista med fingeravtryck, sparade okrypterade i { $folder }. De filerna raderas när ditt ärende raderas; kopior som gjorts av dem raderas inte.
case-erased-by-operator = Din administratör har raderat ärende { $case } med allt som fanns i det. Om du fortfarande behöver stöd kan du skriva vad som helst, så börjar vi om.
export-attached = Här är exporten av ärende { $case }: rapporten som PDF, originalbevisen i en zip-fil och ett manifest med kontrollsummor. Spara filerna på ett säkert ställe, till exempel inför en polisanmälan.
export-attached-without-originals = Här är rapporten och manifestet för ärende { $case }. Originalbevisen är för stora för att skickas här – din administratör kan ta fram dem åt dig med referensen { $case }.
export-failed = Något gick fel när exporten skulle göras. Inget har gått förlorat; försök gärna igen senare.

## Kollegor som hjälper till med bevis
opt-menu-helper = Be en kollega hjälpa mig att samla bevis
helper-ask = Skriv namnet på kollegan du vill be om hjälp, till exempel någon som såg vad som hände eller som kan ta skärmdumpar åt dig. Kollegan kan lägga till anteckningar, länkar och bilder i ditt ärende, men ser bara det hen själv har lagt till – inte dina bevis och inte vilka andra som vet. Ingen tillfrågas förrän du har bekräftat.
helpers-current = De här kollegorna hjälper dig nu:
helpers-current-item = { $helper } – har lagt till { $count }
opt-helper-remove = Avsluta kollegornas åtkomst
helper-not-found = Jag hittar ingen med det namnet. Skriv för- och efternamn som de står i personallistan.
helper-not-yourself = Det är ditt eget namn. Skriv namnet på kollegan du vill be om hjälp.
helper-ambiguous = Flera personer har det namnet. Skriv både för- och efternamn.
helper-confirm = Ska jag be { $helper } att hjälpa dig att samla bevis? { $helper } får veta ditt namn och ärendets referens, men inget annat om det som har hänt.
opt-helper-send = Ja, fråga
opt-helper-cancel = Nej, avbryt
helper-sent = Jag har frågat { $helper }. Det som { $helper } lägger till hamnar i ditt ärende och syns i din export. Du kan avsluta åtkomsten när du vill i menyn.
helper-already = Den kollegan hjälper dig redan.
helper-removed = Klart. Kollegorna kan inte längre lägga till något i ditt ärende. Det de redan har lagt till finns kvar.
alerted-after-hours = Det är utanför arbetstid och enheten har ingen jourkontakt, så { $who } ser larmet kanske inte förrän { DATE($when) }. Vänta inte på det: är du i fara, ring 112. Behöver du polisen men det är inte akut: { $country ->
        [DK] 114 eller politi.dk
       *[other] 114 14 eller polisen.se
    }.
tell-declined = Det är ditt val, och det är helt i sin ordning. Vill du berätta för någon senare finns det under ”Vem som ska få veta” i menyn.
preview-out-of-hours = Det är utanför arbetstid, så meddelandet går först till { $who }, som är kontaktperson utanför arbetstid.
preview-handover = När arbetsdagen börjar, { DATE($when) }, går det också till din chef, { $who }, som då tar över ärendet.
preview-rep-chain = Kvitterar { $country ->
        [DK] arbetsmiljörepresentanten
       *[other] skyddsombudet
    } inte i tid går det till nästa: { $then }.
preview-after-hours = Det är utanför arbetstid, så { $who } läser det kanske inte förrän { DATE($when) }. Är du i fara under tiden: ring 112. Polisen när det inte är akut: { $country ->
        [DK] 114 eller politi.dk
       *[other] 114 14 eller polisen.se
    }.
consent-sent-after-hours = Eftersom det är utanför arbetstid kan det dröja till { DATE($next_work) } innan någon läser det. Är du i fara: ring 112.
handover-told-employee = Arbetsdagen har börjat: din chef, { $who }, har nu fått ditt meddelande och tar över ärendet.
escalation-rep-nobody-answered = Inget skyddsombud har kvitterat ditt meddelande om ärende { $case } än. Vill du kan du kontakta ett skyddsombud direkt, eller:
escalation-rep-nobody-answered-manager-knows = Inget skyddsombud har kvitterat ditt meddelande om ärende { $case } än. Din chef, { $manager }, har kvitterat och vet om det. Vill du kan du kontakta ett skyddsombud direkt, eller:
start-greeting-manager = Hej { $name }, jag heter Fyr. Du är chef här: jag hjälper dig när en medarbetare har blivit hotad, trakasserad eller angripen i jobbet – med vad du behöver göra i dag och de närmaste veckorna. Och blir du själv utsatt hjälper jag dig också. Vi tar en fråga i taget.
start-greeting-safety-rep = Hej { $name }, jag heter Fyr. Du är skyddsombud: jag hjälper dig att stötta en medarbetare som har blivit hotad, trakasserad eller angripen i jobbet, och att se till att det förebyggs. Blir du själv utsatt hjälper jag dig också. Vi tar en fråga i taget.
channel-question = Hur nådde det dig?
opt-channel-online = På nätet – inlägg, kommentarer eller sociala medier
opt-channel-written = Via mejl, brev eller sms
opt-channel-spoken = Per telefon eller ansikte mot ansikte
evidence-save-spoken = Spara det som finns: samtalsloggen med tid och nummer, röstmeddelanden, och eventuella inspelningar som arbetsplatsen gör. Skriv ner ordagrant vad som sades, så gott du minns.
stop-other-casework = Ge inte igen och gå inte in i en diskussion. Frågor om själva ärendet är en del av ditt arbete: svara på dem kort och sakligt, en gång – sedan behöver du inte upprepa dig.
short-four-steps = Ett sätt att bemöta kritik, i fyra steg:
    1. Bekräfta att du har förstått vad personen är missnöjd med.
    2. Be om ursäkt om något faktiskt har blivit fel.
    3. Förklara kort vad som gäller och varför.
    4. Hänvisa vidare – till exempel till hur man överklagar, eller till någon som kan hjälpa.
short-casework = Ditt vanliga arbete med personens ärende fortsätter som vanligt – kritik är ingen anledning att sluta handlägga.
short-relief = Tär det på dig får du be om avlastning: att en kollega tar över samtalen eller mejlen, att svaren går från en funktionsbrevlåda, eller att någon annan tar ärendet.
short-tell = Vill du att din chef ska veta om det? Det är ditt val. Jag kan skicka ett kort meddelande åt dig, och du får läsa det först.
short-done = Det var det viktigaste. Kom tillbaka när du vill – skriv ”meny” för att se allt annat, till exempel råd om svåra samtal och mejl.
short-crossed-line = Går det över gränsen – hot, trakasserier, eller om personen dyker upp där du är – välj 1, så går vi igenom allt som gäller då. Är du i fara: ring 112. Polisen när det inte är akut: { $country ->
        [DK] 114 eller politi.dk
       *[other] 114 14 eller polisen.se
    }.
new-incident-safety = Först: är du eller någon annan i fara just nu? Ring 112.
checkin-new-which = Hör det nya till samma sak som det här ärendet, eller är det något annat?
opt-new-same-case = Samma sak – samma person eller samma ärende
opt-new-other-case = Något annat – ett nytt ärende
support-union = Du kan också få stöd av ditt fackförbund och av företagshälsovården.
exposure-function-signature = Framöver kan du, om arbetsplatsen tillåter det, skriva under med din funktion eller en funktionsbrevlåda i stället för ditt namn.
consent-preview-short = Meddelandet säger att du har utsatts för { $kind ->
        [threat] ett hot
        [harassment] trakasserier eller hat
        [online-exposure] uthängning eller personangrepp på nätet
        [criticism] hätsk kritik eller ihållande klagomål
        [hard-contact] ett svårt samtal eller mejl
       *[other] något som upplevdes som påtryckning
    } och { $request ->
        [call-today] ber om ett samtal i dag
        [meeting] ber om ett möte
        [urgent] ber om hjälp genast
       *[just-know] bara vill att de ska känna till det
    } – inget annat från vårt samtal. Välj ”Visa exakt vad de läser” för hela texten.
opt-preview-full = Visa exakt vad de läser
preview-unreachable = Jag kan inte nå { $who }: det finns inget konto på någon av de chattplattformar jag använder. Därför går meddelandet inte dit.
preview-no-next = Om { $who } inte kvitterar finns det ingen ställföreträdare eller annan chef som jag kan gå vidare till.
preview-no-manager-reachable = Det finns ingen chef som jag kan nå, så meddelandet kommer inte fram till någon chef.
preview-no-rep-reachable = Det finns { $country ->
        [DK] ingen arbetsmiljörepresentant (arbejdsmiljørepræsentant)
       *[other] inget skyddsombud
    } som jag kan nå, så meddelandet kommer inte fram dit.
preview-suggest-rep = Vill du att fler ska få veta kan du också välja { $country ->
        [DK] arbetsmiljörepresentanten
       *[other] skyddsombudet
    }, { $who }: välj ”Ändra vem eller vad”.
preview-suggest-manager = Du kan också välja din chef, { $who }: välj ”Ändra vem eller vad”.
preview-suggest-hr = Du kan också vända dig direkt till HR: { $value }.
consent-preview-nobody = Som det ser ut nu skulle meddelandet inte komma fram till någon, så jag skickar ingenting. Välj ”Ändra vem eller vad” om du vill välja någon annan.
consent-sent-nobody = Jag har inte kunnat skicka meddelandet: ingen av dem du valde går att nå via mig. Berätta gärna själv, eller kontakta HR.
