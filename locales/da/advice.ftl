# Fyr — rådgivningsemner, som alle medarbejdere kan åbne fra menuen (dansk).

## Menu

advice-menu-intro = Hvilket emne vil du gerne have råd om?
opt-advice-criticism = Hård kritik – sådan svarer du
opt-advice-trolls = Trolde og aggressive skribenter
opt-advice-complainer = Vedvarende klager
opt-advice-phone = Svære telefonsamtaler
opt-advice-mail = Mails og skriftlige spørgsmål
opt-advice-meetings = Urolige borgermøder
opt-advice-worried = Bekymret eller truende?
opt-advice-response = Svartider og underskrift
advice-more = Skriv "menu" for at se flere emner, eller fortsæt, hvor du var.

## Hård kritik

advice-criticism-intro = Hård kritik hører med til et job i den offentlige sektor, og tit er der noget om den. Skjul ikke fejl, og vær ikke bange for kritikken – et åbent svar dæmper som regel mere end tavshed. Fire trin kan hjælpe dig.
advice-criticism-acknowledge = Første trin – anerkend. Vis, at du har hørt personen og forstår følelsen, også selvom du selv ser sagen anderledes. Du kender sjældent alt det, der ligger bag en stærk reaktion.
advice-criticism-apologise = Andet trin – sig undskyld, hvis noget kunne være gjort bedre. Fortæl, hvad der bliver ændret, og sig gerne tak, hvis kritikken har lært dig noget.
advice-criticism-explain = Tredje trin – forklar. Fortæl, hvad der skete, og hvorfor det gik, som det gik – ligeud og uden at gå i forsvar.
advice-criticism-refer = Fjerde trin – vis vejen videre. Fortæl, hvor personen kan henvende sig for at få mere hjælp, og hvordan det foregår.

## Trolde og aggressive skribenter

advice-trolls-intro = Når nogen skriver aggressivt, kan du ikke med det samme vide, om det er en trold, en, der klager vedvarende, eller bare et vredt menneske. Mød derfor alle på samme måde: venligt og sagligt. Tre trin hjælper.
advice-trolls-acknowledge = Første trin – anerkend følelsen, for eksempel: "Jeg kan godt forstå, at det her har været frustrerende." Hører sagen til et andet sted, så fortæl personen, hvor vedkommende kan henvende sig.
advice-trolls-answer-once = Andet trin – svar én gang: kort, klart og sagligt. Lad dig ikke trække ind i en diskussion. Kommer det samme igen, så henvis til dit første svar, til andre måder at kontakte jer på eller til sidens regler for debat.
advice-trolls-stop = Tredje trin – stop. Når du har givet et klart svar og en anden vej frem, behøver du ikke svare igen. Ingen vinder sådan en tråd, og hvert nyt svar holder den i live.
advice-trolls-not-upset = Svar aldrig, mens du er oprevet. Vent, sig at du vender tilbage, eller tal med en kollega først. Undgå ironi, og gå ikke i forsvar – begge dele hælder bare mere brænde på bålet.

## Vedvarende klager

advice-complainer-signs =
    Psykoterapeuten Jakob Carlander beskriver syv advarselstegn på kværulantisk adfærd:
    • lange, omstændelige tekster
    • urokkelig vished om at have ret
    • krav, der ikke kan opfyldes
    • lovtekst blandet med egne oplevelser og en stærk trang til at klage over afgørelser
    • trusler om at anmelde sagsbehandleren, gå til pressen eller skrive om sagen på sociale medier
    • iver efter at optage samtaler eller filme møder
    • et truende sprog, som nogle gange ligefrem er ulovligt
advice-complainer-svalka =
    Metoden SVALKA kan hjælpe dig med at holde fast. Bogstaverne kommer fra svenske nøgleord:
    • Separera (adskil) – hold din faglige rolle adskilt fra dig som privatperson.
    • Validera (anerkend) – vis, at du har forstået, uden at vurdere. Giv korte og klare svar.
    • Acceptera (acceptér) – acceptér, at adfærden findes, og at henvendelserne kan blive mange, lange og krævende.
    • Lågaffektivt bemötande (lavaffektiv tilgang) – gør det, du er forpligtet til, men heller ikke mere, og lad dig ikke rive med af følelserne.
    • Kommunicera (kommunikér) – hold dine kolleger og din leder orienteret. Ingen skal stå alene med det.
    • Analysera (analysér) – se sammen på, hvad der sker, mens det står på og bagefter. Lær af det, og byg faste rutiner op.
advice-complainer-relief =
    Bliver det for meget, så bed din leder om aflastning. For eksempel kan
    • en anden åbne og besvare mailene
    • svarene sendes fra afdelingens fælles funktionspostkasse i stedet for i dit navn
    • en jurist tage stilling, før mails eller chats udleveres
    • en anden sagsbehandler overtage sagen
advice-complainer-not-alone = Den slags henvendelser kan slide på enhver, og det er ikke et tegn på svaghed. Tal med dine kolleger og din leder – du skal ikke bære det alene.

## Svære telefonsamtaler

advice-phone-calm = Hold stemmen rolig og neutral, og svar kun på det, du er sikker på. Diskutér ikke, og forsvar dig ikke.
advice-phone-pause = En pause er bedre end et forhastet svar. Kan du ikke svare med det samme, så tilbyd at ringe tilbage, eller bed om at få spørgsmålene på mail.
advice-phone-end = Du må gerne afslutte en samtale, der er krænkende eller ikke fører nogen vegne. Sig tydeligt, at du afslutter samtalen – og gør det så.
advice-phone-threat = Bliver du truet, så bevar roen, og lad personen tale ud. Stil et åbent spørgsmål som "Hvad mener du?" og derefter et lukket som "Truer du mig?" – og sig tydeligt, at du opfatter det som en trussel. Læg mærke til, hvilket køn, hvilken alder og hvilken dialekt personen lyder til at have, og lad gerne en kollega overtage samtalen eller give dig sedler med gode råd.

## Mails

advice-mail-asked = Hold svaret kort, og svar kun på det, der faktisk bliver spurgt om.
advice-mail-receipt = Tager svaret tid, så bekræft med det samme, at du har modtaget henvendelsen, og fortæl, hvornår personen kan forvente et svar.
advice-mail-documents = Udlever de dokumenter, der bliver bedt om, hurtigt – samme dag, hvis det kan lade sig gøre, og inden for cirka en uge, når anmodningen er stor.
advice-mail-overall = Indeholder en mail mange detaljerede spørgsmål, kan du svare på et mere overordnet plan. Kommer de samme spørgsmål igen, så henvis til dine tidligere svar.
advice-mail-closing = Når det er rimeligt, kan du skrive, at spørgsmålene nu er besvaret, at sagen er afsluttet, og at du ikke vil svare på flere spørgsmål om den. Aftal det med din leder først.

## Urolige borgermøder

advice-meetings-rules = Aftal klare spilleregler, når mødet begynder. Bliver de brudt, må du gerne stoppe mødet.
advice-meetings-calm = Vær rolig og respektfuld, også over for dem, der er oprevne. Hold fast i dine hovedbudskaber, undgå detaljer, og lad hver person tale ud.
advice-meetings-stations = Overvej et mødeformat med "stationer" i flere rum, som deltagerne går rundt imellem. Så bliver det svært for en enkelt person eller gruppe at tage over.
advice-meetings-plan = Planlæg formen på forhånd sammen med en kommunikationsmedarbejder. Kan mødet blive truende, så inddrag også den, der har ansvaret for sikkerheden hos jer.

## Bekymret eller truende?

advice-worried-signs = En bekymret borger har en ægte bekymring og vil have et svar – ikke en konflikt. Tonen kan være skarp, så læs eller lyt grundigt, før du afgør, hvilken slags henvendelse det er.
advice-worried-respond = Giv bekymrede borgere høj prioritet: svar hurtigt, og tilbyd at ringe op eller at mødes. Et tidligt og personligt svar forhindrer ofte, at bekymringen vokser.
advice-worried-line = Indeholder henvendelsen trusler, chikane eller udstilling, handler det ikke længere om bekymring. Skriv "menu", og vælg "Hvad der skete".

## Svartider og underskrift

advice-response-sign = Skriv under med dit for- og efternavn og din titel – det skaber tillid og viser, at du kender emnet. Frygter du alvorlige trusler eller chikane, er det helt i orden at svare uden dit navn.
advice-response-times = Svar inden for den tid, din organisation har fastsat. Tager et fuldt svar længere tid, så svar alligevel, og fortæl, hvornår det kommer.
advice-response-same = Lad helst den samme person tage sig af opfølgende spørgsmål. Henvender en journalist sig, så giv først din kommunikationsmedarbejder besked – journalister ringer ofte til flere om den samme sag.
advice-response-friday = Undgå at offentliggøre noget om ophedede emner på en fredag. En storm, der begynder der, kan vokse hele weekenden, uden at nogen er til stede og svarer.
