# Fyr — referenstexter: vem som anmäler vad, lagrum som kan bli aktuella och texter att
# kopiera (svenska).

## Vem anmäler vad

who-intro = Vem gör vad i ditt land:
who-se-police = Polisen: den anställda kan själv anmäla via polisen.se eller på 114 14. Arbetsgivaren erbjuder alltid att göra anmälan i sitt eget namn i stället. Den anställda är målsägande i båda fallen.
who-dk-police = Polisen: den anställda står själv som anmälare (anmelder) och anmäler via politi.dk eller på 114 – med hjälp av sin chef.
who-se-incident = Händelserapport: händelsen anmäls i arbetsgivarens system för incidenter och tillbud, och märks med ”otillåten påverkan”.
who-dk-incident = Registrering: chefen registrerar händelsen i arbetsgivarens system, i kategorin ”mindre vold, trusler og anden krænkende adfærd” – allvarliga händelser som arbetsskada (arbejdsskade).
who-se-authority = Myndigheter: arbetsgivaren anmäler allvarliga händelser till Arbetsmiljöverket utan dröjsmål, och arbetsskador till Försäkringskassan.
who-dk-authority = Arbetsskador: de går till Arbejdsmarkedets Erhvervssikring (AES) via EASY – ofta genom registreringssystemet, till exempel SafetyNet.
who-se-victim = Stöd till brottsutsatta: Brottsofferjouren, 116 006 (kostnadsfritt).
who-dk-victim = Stöd till brottsutsatta: Offerrådgivningen, 116 006 (kostnadsfritt).

## Lagrum som kan bli aktuella

who-law-intro = Lagrum som kan bli aktuella (det är bara polisen och domstolarna som avgör om de gäller):
law-se-bb-17-1 = 17 kap. 1 § brottsbalken (BrB) – våld eller hot mot tjänsteman: våld eller hot om våld mot någon som utövar myndighet, i arbetet, för att påverka det eller som hämnd för det.
law-se-bb-4-5 = 4 kap. 5 § brottsbalken (BrB) – olaga hot: att hota någon med ett brott på ett sätt som kan göra personen allvarligt rädd för sin egen eller någon annans säkerhet.
law-se-bb-4-7 = 4 kap. 7 § brottsbalken (BrB) – ofredande: att handgripligen antasta någon, eller störa personen genom annat hänsynslöst beteende – till exempel upprepade ovälkomna samtal eller meddelanden.
law-se-bb-5-1 = 5 kap. 1 § brottsbalken (BrB) – förtal: att peka ut någon som brottslig eller klandervärd, eller sprida andra uppgifter som kan utsätta personen för andras missaktning. Som regel är det den utsatta själv som driver saken vidare; åklagaren går bara in i vissa fall.
law-se-bb-5-3 = 5 kap. 3 § brottsbalken (BrB) – förolämpning: att smäda någon med kränkande ord, beskyllningar eller annat nedsättande beteende mot personen.
law-dk-119 = § 119 i straffeloven (den danska strafflagen) – våld eller hot om våld mot någon i offentlig tjänst eller med ett offentligt uppdrag, under arbetet eller på grund av det.
law-dk-119a = § 119 a i straffeloven – trakasserier mot någon i offentlig tjänst eller med ett offentligt uppdrag, till exempel genom upprepade kontakter eller förföljelse, i arbetet eller på grund av det.
law-dk-266 = § 266 i straffeloven – hot (trussel): att hota med en brottslig handling på ett sätt som kan göra någon allvarligt rädd för sitt eget eller andras liv, hälsa eller välfärd.
law-dk-267 = § 267 i straffeloven – ärekränkning (ærekrænkelse): kränkande ord eller handlingar, eller att sprida beskyllningar som kan sänka någon i andras ögon. Som regel är det den utsatta själv som får driva saken.

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
tpl-dk-letter =
    VARNING: HR eller juristerna (HR/jura) måste granska brevet innan det skickas. Ta bort den här raden när det är gjort.
    Till: [mottagarens namn och adress]
    Vi har fått veta att medarbetare på [avdelning] har nämnts med namn i sociala medier, bland annat här: [länk]
    Vi ber dig att genast ta bort inläggen och namnen.
    Vi utreder om inläggen kan vara en överträdelse av straffeloven § 119 a (den danska strafflagen), som handlar om trakasserier mot personer i offentlig tjänst på grund av deras arbete.
    Om innehållet inte tas bort kommer du att höra av oss igen.
    Med vänlig hälsning
    Namn och titel: [chefens namn och titel]
