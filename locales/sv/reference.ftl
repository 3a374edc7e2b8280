# Fyr — referenstexter: vem som anmäler vad, lagrum som kan bli aktuella och texter att
# kopiera (svenska).

## Vem anmäler vad

who-intro = Vem gör vad i ditt land:

## Lagrum som kan bli aktuella

who-law-intro = Lagrum som kan bli aktuella (det är bara polisen och domstolarna som avgör om de gäller):

## Texter att kopiera (Fyr skickar dem aldrig)

tpl-intro = Här är en text som du kan kopiera och anpassa. Fyr skickar den aldrig. Byt ut det som står inom [hakparenteser].
opt-tpl-police = Underlag för polisanmälan
opt-tpl-platform = Anmälan till en plattform
opt-tpl-deindex = Ta bort sökträffar
opt-tpl-incident = Text till händelserapporten
opt-tpl-dk-letter = Brev till den som ligger bakom

tpl-police =
    Underlag för polisanmälan
    Referens: { $case }
    Den { DATE($date) } utsattes { $employee } för { $kind ->
        [threat] ett hot
        [harassment] trakasserier eller hat
        [online-exposure] uthängning eller personangrepp på nätet
        [criticism] hätsk och ihållande kritik
        [hard-contact] ett svårt samtal eller mejl
       *[other] något som upplevdes som påtryckning
    } i samband med sitt arbete.
    Var: [plats, eller länk till inlägget]
    Vad som sades eller skrevs: [de exakta orden, eller en hänvisning till skärmdumpen]
    Personen bakom, om den är känd: [namn, profil eller telefonnummer]
    Vittnen: [namn och telefonnummer]
    Sparade bevis: [skärmdumpar, mejl, sms, röstmeddelanden, länkar]
tpl-platform =
    Anmälan: innehåll som riktar sig mot en offentligt anställd
    Hej!
    Jag anmäler inläggen på de här adresserna: [länkar]
    Inläggen pekar ut en offentligt anställd med namn och innehåller { $kind ->
        [threat] hot
        [harassment] trakasserier eller hat
        [online-exposure] uthängning och personangrepp
        [criticism] hätsk och kränkande kritik
        [hard-contact] kränkande meddelanden
       *[other] påtryckningar mot personen
    }.
    Jag anser att de bryter mot era regler, och jag ber er ta bort dem.
    Skärmdumpar av alla inlägg är sparade.
    Avsändare: [ditt namn och din e-postadress]
tpl-deindex =
    Begäran om att ta bort sökträffar
    Hej!
    Jag ber er ta bort de träffar som visas vid en sökning på namnet { $employee } och som leder till de här sidorna: [länkar]
    Sidorna har ett kränkande innehåll som hänger ut { $employee } och skadar personen.
    Innehållet har legat ute sedan åtminstone { DATE($date) }.
    Skärmdumpar av sidorna är sparade.
    Avsändare: [ditt namn och din e-postadress]
tpl-incident =
    Händelserapport
    Datum: { $date }
    En medarbetare utsattes för { $kind ->
        [threat] ett hot
        [harassment] trakasserier eller hat
        [online-exposure] uthängning eller personangrepp på nätet
        [criticism] hätsk och ihållande kritik
        [hard-contact] ett svårt samtal eller mejl
       *[other] något som upplevdes som påtryckning
    } i samband med sitt arbete.
    Beskrivning: [några meningar om vad som hände]
    Följder för medarbetaren: [till exempel oro, sömnproblem, ledighet]
    Åtgärder som har vidtagits: [till exempel erbjudet stöd, ändrade rutiner, polisanmälan]
    Referens: { $case }
    Kategori: [den kategori som arbetsgivarens system använder]
