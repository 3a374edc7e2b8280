# Fyr — gemensamma texter i gränssnittet (svenska).

## Svar som används i många steg

opt-next = Fortsätt
opt-done = Klart
opt-later = Inte än – jag gör det senare
opt-not-relevant = Gäller inte mig
opt-danger-now = Jag är i fara just nu
opt-change-language = Byt språk (svenska / dansk / English)

## Språk

language-choose = Vilket språk vill du att jag skriver på?
opt-lang-sv = Svenska
opt-lang-da = Dansk
opt-lang-en = English
language-changed = Okej – från och med nu skriver jag på svenska.

## Kommandon

help =
    Det här kan du skriva när som helst:
    • en siffra – för att välja ett alternativ
    • hjälp – visa den här listan
    • tillbaka – gå ett steg bakåt
    • meny – hoppa till en annan del
    • stopp – pausa; du kan fortsätta när du vill
    • språk – byt språk (eller skriv svenska, dansk eller english)
    Om du är i fara just nu: ring 112.
paused = Jag har pausat här, och allt du har berättat finns sparat. Skriv vad som helst när du vill fortsätta – i dag eller en annan dag. Om du är i fara: ring 112.
resumed = Välkommen tillbaka. Här var vi:

## Fel som du själv kan rätta

error-out-of-range = { $max ->
        [1] Här finns bara ett alternativ: svara med 1.
       *[other] Välj en siffra mellan 1 och { $max }.
    } Är du i fara just nu: ring 112.
error-not-understood = Jag förstod inte riktigt. { $max ->
        [1] Svara med 1
       *[other] Svara med en siffra mellan 1 och { $max }
    }, eller skriv ”hjälp” för att se vad mer du kan skriva. Är du i fara just nu: ring 112.
error-too-long = Meddelandet blev för långt för mig. Svara med en siffra, eller skriv något kortare.
error-nothing-to-go-back-to = Det finns inget tidigare steg att gå tillbaka till.

## Meny

menu-intro = Vart vill du gå?
opt-menu-continue = Tillbaka dit jag var
opt-menu-kind = Vad som hände
opt-menu-evidence = Säkra bevisen
opt-menu-stop-harm = Begränsa skadan
opt-menu-tell = Vem som ska få veta
opt-menu-report = Anmäl och registrera
opt-menu-support = Stöd
opt-menu-summary = Sammanfattning

## Stödkontakter från bot.toml

contact-hr-crisis-line = HR:s krislinje: { $value }
contact-security-coordinator = Säkerhetskoordinator: { $value }
contact-occupational-health = Företagshälsovård: { $value }
contact-crisis-psychologist = Krispsykologer: { $value }
contact-none = Fråga din chef eller HR vilket stöd din arbetsgivare erbjuder.

## Konsol

console-unknown-person = Det finns ingen med id ”{ $id }” i konfigurationen. Kontrollera id:na under [[person]] i bot.toml.
console-unknown-command = Okänt konsolkommando. Använd /as ID, /advance 3h (med --clock simulated) eller /quit.
console-bad-advance = Skriv /advance följt av en tidslängd, till exempel /advance 3h, /advance 90m eller /advance 2d.
console-not-simulated = /advance fungerar bara när Fyr har startats med --clock simulated.
console-advanced = Den simulerade klockan visar nu { $time }.
console-now-writing = Du skriver nu som { $id }.

## Chattplattformar

not-staff = Hej! Fyr är till för organisationens egen personal, och jag hittar dig inte bland dem. Arbetar du här kan du be din chef att lägga till dig. Är du i fara: ring 112.
matrix-undecryptable = Jag kunde inte läsa ditt senaste meddelande – krypteringsnycklarna har inte kommit fram än. Skicka det gärna igen om en liten stund.
matrix-left-shared-room = Jag lämnade ett rum där fler än du och jag var med – jag pratar bara med dig på tu man hand. Fortsätt gärna här i stället. Är du i fara just nu: ring 112.
matrix-left-unencrypted = Jag lämnade ett samtal utan kryptering och kunde inte slå på den där. Det du berättar för mig ska bara du och jag kunna läsa, så vi fortsätter här, krypterat. Är du i fara just nu: ring 112.
attachment-not-stored = Jag kunde inte hämta filen du skickade, så den är inte sparad. Försök gärna skicka den en gång till. Går det inte, spara den själv på ett säkert ställe och anteckna vad den visar och när du fick den.
button-stale = Den knappen hör till en tidigare fråga. Så här ser det ut nu:
not-yet-delivered = Mitt förra meddelande har inte kommit fram till dig än, så jag har inte gjort något med det du skrev. Svara igen när du ser det. Är du i fara nu: ring 112.
console-file-usage = Skriv /file följt av sökvägen till en fil, till exempel /file ~/skarmdump.png.
console-file-unreadable = Jag kan inte läsa den filen. Kontrollera sökvägen och att du har rätt att läsa den.
console-file-too-big = Filen är för stor: gränsen är { $max } MB. Spara den själv på ett säkert ställe och skriv ner vad den visar.
slow-down = Du skickar meddelanden snabbare än jag hinner svara. Vänta en liten stund och skriv sedan igen – jag finns kvar här. Är du i fara: ring 112.

## Discord
discord-command = Prata med Fyr i ett privat meddelande om hot, trakasserier eller hat i jobbet
discord-dm-opened = Jag har skrivit till dig i ett privat meddelande. Bara du ser det här svaret. Är du i fara just nu: ring 112.
discord-dm-failed = Jag kunde inte skicka ett privat meddelande till dig. Tillåt direktmeddelanden från medlemmar på den här servern (Integritetsinställningar) och skriv /fyr igen. Är du i fara just nu: ring 112.
discord-dm-error = Jag kunde inte öppna ett privat samtal med dig just nu – Discord svarade inte som det skulle. Vänta en stund och skriv /fyr igen. Är du i fara just nu: ring 112.
discord-server-not-served = Fyr är inte inställt för den här servern. Skriv till Fyr i ett privat meddelande i stället, eller fråga den som sköter Fyr hos er. Är du i fara just nu: ring 112.
discord-button-unknown = Den knappen känner jag inte igen – den kommer nog från ett äldre meddelande. Skriv något till mig så fortsätter vi där vi var.
said-greeting = Hej! Vi fortsätter där vi var.
said-contact = Om du ska svara eller ta kontakt: har personen hotat eller trakasserat dig, svara inte själv och ta ingen egen kontakt – låt din chef bestämma hur kontakten ska skötas. Handlar det om kritik kan ditt vanliga arbete med ärendet fortsätta, sakligt och kort. Mer finns under ”Råd efter ämne” i menyn.
said-crime = Om något är ett brott avgör polisen och till sist en domstol – det kan jag inte bedöma. Du kan alltid göra en polisanmälan, och din arbetsgivare kan hjälpa dig med den. Under ”Vem anmäler vad” i menyn ser du vilka lagar som kan bli aktuella.
said-police = Om polisanmälan: skriv ”meny” och välj ”Anmäl och registrera”. Är du i fara just nu: ring 112.
said-evidence = Om bevis: skriv ”meny” och välj ”Säkra bevisen” – där står hur du sparar det och hur jag förvarar det säkert.
said-question = Det kan jag inte svara på i fri text. Skriv ”meny” för att se allt jag kan hjälpa till med, eller fråga din chef, HR eller skyddsombudet.
opt-not-applicable = Inte aktuellt
contact-communicator = Kommunikation: { $value }
contact-secretariat = Sekretariat: { $value }
contact-routine = Er rutin vid hot och trakasserier: { $value }
