# Fyr — rådämnen som alla anställda kan öppna från menyn (svenska).

## Meny

advice-menu-intro = Vilket ämne vill du ha råd om?
opt-advice-criticism = Bemöta hård kritik
opt-advice-trolls = Troll och aggressiva skribenter
opt-advice-complainer = Ihållande klagomål
opt-advice-phone = Svåra telefonsamtal
opt-advice-mail = Mejl och skriftliga frågor
opt-advice-meetings = Stökiga möten
opt-advice-worried = Orolig eller hotfull?
opt-advice-response = Svarstider och underskrift
advice-more = Skriv ”meny” för att se fler ämnen, eller fortsätt där du var.

## Bemöta hård kritik

advice-criticism-intro = Hård kritik hör till jobbet i offentlig sektor, och ofta finns det något i den. Mörka inte misstag och var inte rädd för kritiken – ett öppet svar lugnar oftast mer än tystnad. Fyra steg kan hjälpa dig.
advice-criticism-acknowledge = Steg ett – bekräfta. Visa att du har hört personen och förstår känslan, även om du själv ser saken annorlunda. Du känner sällan till allt som ligger bakom en stark reaktion.
advice-criticism-apologise = Steg två – be om ursäkt, om något kunde ha gjorts bättre. Berätta vad som ska ändras, och tacka gärna om kritiken lärde dig något.
advice-criticism-explain = Steg tre – förklara. Berätta vad som hände och varför det blev så – rakt, och utan att gå i försvar.
advice-criticism-refer = Steg fyra – visa vägen vidare. Tala om vart personen kan vända sig för att få mer hjälp, och hur det går till.

## Troll och aggressiva skribenter

advice-trolls-intro = När någon skriver aggressivt går det inte att veta direkt om det är ett troll, någon som klagar ihållande eller bara en arg människa. Bemöt därför alla på samma sätt: vänligt och sakligt. Tre steg hjälper.
advice-trolls-acknowledge = Steg ett – bekräfta känslan, till exempel: ”Jag förstår att det här har varit frustrerande.” Hör frågan hemma någon annanstans, tala om vart personen kan vända sig.
advice-trolls-answer-once = Steg två – svara en gång: kort, tydligt och sakligt. Låt dig inte dras in i en diskussion. Kommer samma sak tillbaka, hänvisa till ditt första svar, till andra sätt att kontakta er eller till sidans regler för kommentarer.
advice-trolls-stop = Steg tre – sluta svara. När du har gett ett tydligt svar och en annan väg framåt behöver du inte skriva mer. Ingen vinner en sådan tråd, och varje svar håller liv i den.
advice-trolls-not-upset = Svara aldrig medan du är upprörd. Vänta, säg att du återkommer, eller prata med en kollega först. Undvik ironi och gå inte i försvar – båda brukar bara elda på.

## Ihållande klagomål

advice-complainer-signs =
    Psykoterapeuten Jakob Carlander beskriver sju varningstecken på rättshaveristiskt beteende:
    • långa, omständliga texter
    • en total säkerhet på att ha rätt
    • krav som inte går att uppfylla
    • lagtext blandad med egna upplevelser, och en stark vilja att överklaga
    • hot om att anmäla handläggaren, gå till medierna eller skriva om saken i sociala medier
    • en iver att spela in samtal eller filma möten
    • ett hotfullt språk, ibland till och med olagligt
advice-complainer-svalka =
    Metoden SVALKA kan hjälpa dig att hålla dig stadig:
    • Separera – håll isär din yrkesroll och den du är privat.
    • Validera – visa att du har förstått, utan att värdera. Ge korta och tydliga svar.
    • Acceptera – att beteendet finns, och att kontakterna kan bli många, långa och krävande.
    • Lågaffektivt bemötande – gör det du är skyldig att göra, men inte mer, och låt inte känslorna dra med dig.
    • Kommunicera – håll kollegor och din chef informerade. Ingen ska behöva bära det här ensam.
    • Analysera – titta tillsammans på vad som händer, under tiden och efteråt. Ta lärdom och bygg upp rutiner.
advice-complainer-relief =
    Blir det för mycket, be din chef om avlastning. Till exempel kan
    • någon annan öppna och svara på mejlen
    • svaren gå ut från en gemensam brevlåda för avdelningen i stället för i ditt namn
    • en jurist ta ställning innan mejl eller chatt lämnas ut
    • en annan handläggare ta över ärendet
advice-complainer-not-alone = Sådana kontakter kan slita på vem som helst, och det är inget tecken på svaghet. Prata med dina kollegor och din chef – du ska inte behöva bära det ensam.

## Svåra telefonsamtal

advice-phone-calm = Håll rösten lugn och neutral, och svara bara på det du är säker på. Argumentera inte, och försvara dig inte.
advice-phone-pause = Hellre en paus än ett förhastat svar. Kan du inte svara direkt, erbjud dig att ringa tillbaka eller be att få frågorna via mejl.
advice-phone-end = Du får avsluta ett samtal som är kränkande eller inte leder någonstans. Säg tydligt att du avslutar samtalet – och gör det sedan.
advice-phone-threat = Om du blir hotad: behåll lugnet och låt personen prata till punkt. Ställ en öppen fråga, som ”Vad menar du?”, och sedan en sluten, som ”Hotar du mig?” – och säg rakt ut att du uppfattar det som ett hot. Notera vilket kön, vilken ålder och vilken dialekt personen verkar ha, och låt gärna en kollega ta över samtalet eller ge dig lappar med tips.

## Mejl

advice-mail-asked = Håll svaret kort, och svara bara på det som faktiskt frågas.
advice-mail-receipt = Tar svaret tid? Bekräfta direkt att du har fått meddelandet, och tala om när personen kan räkna med svar.
advice-mail-documents = Lämna ut begärda handlingar skyndsamt – samma dag om det går, och inom ungefär en vecka när begäran är stor.
advice-mail-overall = Innehåller mejlet många detaljfrågor kan du svara på en mer övergripande nivå. Kommer samma frågor igen, hänvisa till dina tidigare svar.
advice-mail-closing = När det är rimligt kan du skriva att frågorna nu är besvarade, att ärendet är avslutat och att du inte kommer att svara på fler frågor om det. Stäm av med din chef innan du gör det.

## Stökiga möten

advice-meetings-rules = Kom överens om tydliga spelregler när mötet börjar. Bryts de får du avbryta mötet.
advice-meetings-calm = Var lugn och respektfull, också mot den som är upprörd. Håll fast vid dina huvudbudskap, undvik detaljer och låt var och en prata klart.
advice-meetings-stations = Fundera på ett mötesformat med ”stationer” i flera rum som deltagarna går mellan. Då blir det svårt för en enda person eller grupp att ta över.
advice-meetings-plan = Planera formen i förväg tillsammans med en kommunikatör. Kan mötet bli hotfullt, ta också in den som ansvarar för säkerheten hos er.

## Orolig eller hotfull?

advice-worried-signs = En orolig medborgare har en verklig oro och vill ha ett svar, inte ett gräl. Tonen kan vara skarp, så läs eller lyssna noga innan du bestämmer vad det är för slags kontakt.
advice-worried-respond = Prioritera den som är orolig: svara snabbt, och erbjud dig att ringa upp eller att ses. Ett tidigt och personligt svar hindrar ofta oron från att växa.
advice-worried-line = Innehåller kontakten hot, trakasserier eller uthängning handlar det inte längre om oro. Skriv ”meny” och välj ”Vad som hände”.

## Svarstider och underskrift

advice-response-sign = Avsluta med ditt för- och efternamn och din titel – det skapar förtroende och visar att du kan ämnet. Är du rädd för allvarliga hot eller trakasserier är det helt i sin ordning att svara utan ditt namn.
advice-response-times = Svara inom den tid som din organisation har bestämt. Behöver ett fullständigt svar längre tid, svara ändå och tala om när det kommer.
advice-response-same = Låt helst samma person ta hand om följdfrågorna. Hör en journalist av sig, säg först till din kommunikatör – journalister ringer ofta flera personer i samma fråga.
advice-response-friday = Undvik att publicera något i heta frågor på en fredag. En storm som börjar då kan växa hela helgen utan att någon finns där och svarar.
