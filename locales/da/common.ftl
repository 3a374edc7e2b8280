# Fyr — fælles tekster i brugerfladen (dansk).

## Svar, der bruges i mange trin

opt-next = Videre
opt-done = Det er gjort
opt-later = Ikke endnu – jeg gør det senere
opt-not-relevant = Gælder ikke for mig
opt-danger-now = Jeg er i fare lige nu
opt-change-language = Skift sprog (svenska / dansk / English)

## Sprog

language-choose = Hvilket sprog vil du have, at jeg skriver på?
opt-lang-sv = Svenska
opt-lang-da = Dansk
opt-lang-en = English
language-changed = Det er i orden – fra nu af skriver jeg på dansk.

## Kommandoer

help =
    Du kan altid skrive:
    • et tal – for at vælge et svar
    • "hjælp" – for at se denne liste
    • "tilbage" – for at gå et trin tilbage
    • "menu" – for at springe til en anden del
    • "stop" – for at holde pause; du kan fortsætte, når du vil
    • "sprog" – for at skifte sprog (eller skriv "svenska", "dansk" eller "english")
    Er du i fare lige nu, så ring 112.
paused = Vi holder pause her, og alt, hvad du har fortalt mig, er gemt. Skriv hvad som helst, når du vil fortsætte – i dag eller en anden dag. Er du i fare, så ring 112.
resumed = Velkommen tilbage. Her er, hvor vi var nået til:

## Fejl, du selv kan rette

error-out-of-range = { $max ->
        [1] Her er kun én mulighed: svar med 1.
       *[other] Vælg et tal mellem 1 og { $max }.
    } Er du i fare lige nu, så ring 112.
error-not-understood = Det forstod jeg ikke helt. { $max ->
        [1] Svar med 1
       *[other] Svar med et tal mellem 1 og { $max }
    }, eller skriv "hjælp" for at se, hvad du ellers kan skrive. Er du i fare lige nu, så ring 112.
error-too-long = Den besked er for lang til mig. Svar med et tal, eller skriv lidt kortere.
error-nothing-to-go-back-to = Der er ikke noget tidligere trin at gå tilbage til.

## Menu

menu-intro = Hvor vil du gerne hen?
opt-menu-continue = Tilbage til, hvor jeg var
opt-menu-kind = Hvad der skete
opt-menu-evidence = Sikr beviserne
opt-menu-stop-harm = Få det stoppet
opt-menu-tell = Hvem skal vide det
opt-menu-report = Anmeld og registrér
opt-menu-support = Støtte
opt-menu-summary = Opsummering

## Støttekontakter fra bot.toml

contact-hr-crisis-line = HR's krisetelefon: { $value }
contact-security-coordinator = Sikkerhedskoordinator: { $value }
contact-occupational-health = Arbejdsmiljørådgivning: { $value }
contact-crisis-psychologist = Krisepsykologer: { $value }
contact-none = Spørg din leder eller HR, hvilken støtte din arbejdsgiver tilbyder.

## Konsol

console-unknown-person = Der er ingen med id'et "{ $id }" i konfigurationen. Tjek id'erne under [[person]] i bot.toml.
console-unknown-command = Ukendt konsolkommando. Brug /as ID, /advance 3h (med --clock simulated) eller /quit.
console-bad-advance = Skriv /advance efterfulgt af en varighed, for eksempel /advance 3h, /advance 90m eller /advance 2d.
console-not-simulated = /advance virker kun, når Fyr er startet med --clock simulated.
console-advanced = Det simulerede ur viser nu { $time }.
console-now-writing = Du skriver nu som { $id }.

## Chatplatforme

not-staff = Hej! Fyr er for organisationens egne medarbejdere, og jeg kan ikke finde dig blandt dem. Arbejder du her, kan du bede din leder om at tilføje dig. Er du i fare, så ring 112.
matrix-undecryptable = Jeg kunne ikke læse din seneste besked – krypteringsnøglerne er ikke nået frem endnu. Send den gerne igen om lidt.
matrix-left-shared-room = Jeg forlod et rum, hvor flere end dig og mig var med – jeg taler kun med dig under fire øjne. Fortsæt gerne her i stedet. Er du i fare lige nu, så ring 112.
matrix-left-unencrypted = Jeg forlod en samtale uden kryptering og kunne ikke slå den til der. Det, du fortæller mig, skal kun du og jeg kunne læse, så vi fortsætter her, krypteret. Er du i fare lige nu, så ring 112.
attachment-not-stored = Jeg kunne ikke hente den fil, du sendte, så den er ikke gemt. Prøv gerne at sende den én gang til. Lykkes det ikke, så gem den selv et sikkert sted, og skriv ned, hvad den viser, og hvornår du fik den.
button-stale = Den knap hører til et tidligere spørgsmål. Her er, hvor vi er nu:
not-yet-delivered = Min sidste besked er ikke nået frem til dig endnu, så jeg har ikke gjort noget med det, du skrev. Svar igen, når du ser den. Er du i fare nu: ring 112.
console-file-usage = Skriv /file efterfulgt af stien til en fil, for eksempel /file ~/skaermbillede.png.
console-file-unreadable = Jeg kan ikke læse den fil. Tjek stien, og at du må læse den.
console-file-too-big = Filen er for stor: grænsen er { $max } MB. Gem den selv et sikkert sted, og skriv ned, hvad den viser.
slow-down = Du sender beskeder hurtigere, end jeg kan nå at svare. Vent et øjeblik, og skriv så igen – jeg er her stadig. Er du i fare, så ring 112.

## Discord
discord-command = Tal med Fyr i en privat besked om trusler, chikane eller had i arbejdet
discord-dm-opened = Jeg har skrevet til dig i en privat besked. Kun du kan se dette svar. Er du i fare lige nu, så ring 112.
discord-dm-failed = Jeg kunne ikke sende dig en privat besked. Tillad direkte beskeder fra medlemmer af denne server (privatlivsindstillinger), og skriv /fyr igen. Er du i fare lige nu, så ring 112.
discord-dm-error = Jeg kunne ikke åbne en privat samtale med dig lige nu – Discord svarede ikke, som det skulle. Vent lidt, og skriv /fyr igen. Er du i fare lige nu, så ring 112.
discord-server-not-served = Fyr er ikke sat op til denne server. Skriv i stedet til Fyr i en privat besked, eller spørg den, der står for Fyr hos jer. Er du i fare lige nu, så ring 112.
discord-button-unknown = Den knap kender jeg ikke – den stammer nok fra en ældre besked. Skriv noget til mig, så fortsætter vi, hvor vi slap.
said-greeting = Hej! Vi fortsætter, hvor vi var.
said-contact = Om du skal svare eller tage kontakt: Har personen truet eller chikaneret dig, så svar ikke selv, og tag ikke selv kontakt – lad din leder bestemme, hvordan kontakten skal foregå. Drejer det sig om kritik, kan dit almindelige arbejde med sagen fortsætte, sagligt og kort. Mere under "Råd efter emne" i menuen.
said-crime = Om noget er strafbart, afgør politiet og i sidste ende en domstol – det kan jeg ikke vurdere. Du kan altid anmelde det til politiet, og din arbejdsgiver kan hjælpe dig. Under "Anmeldelser: hvem gør hvad" i menuen kan du se, hvilke regler der kan komme på tale.
said-police = Om politianmeldelse: skriv "menu", og vælg "Anmeld og registrér". Er du i fare lige nu, så ring 112.
said-evidence = Om beviser: skriv "menu", og vælg "Sikr beviserne" – der står, hvordan du gemmer dem, og hvordan jeg opbevarer dem sikkert.
said-question = Det kan jeg ikke svare på i fri tekst. Skriv "menu" for at se alt, hvad jeg kan hjælpe med, eller spørg din leder, HR eller arbejdsmiljørepræsentanten.
opt-not-applicable = Ikke aktuelt
contact-communicator = Kommunikation: { $value }
contact-secretariat = Sekretariat: { $value }
contact-routine = Jeres procedure ved trusler og chikane: { $value }
