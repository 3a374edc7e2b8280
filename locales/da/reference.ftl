# Fyr — opslagstekster: hvem der anmelder hvad, lovbestemmelser, der kan komme på tale, og
# tekster til at kopiere (dansk).

## Hvem anmelder hvad

who-intro = Hvem gør hvad i dit land:

## Lovbestemmelser, der kan komme på tale

who-law-intro = Lovbestemmelser, der kan komme på tale (det er kun politiet og domstolene, der afgør, om de gælder):

## Tekster til at kopiere (Fyr sender dem aldrig)

tpl-intro = Her er en tekst, du kan kopiere og tilpasse. Fyr sender den aldrig. Udskift det, der står i [firkantede parenteser].
opt-tpl-police = Oplæg til politianmeldelse
opt-tpl-platform = Anmeldelse til en platform
opt-tpl-deindex = Fjern søgeresultater
opt-tpl-incident = Tekst til indberetningen
opt-tpl-dk-letter = Brev til den, der står bag

tpl-police =
    Oplæg til politianmeldelse
    Reference: { $case }
    Den { DATE($date) } blev { $employee } udsat for { $kind ->
        [threat] en trussel
        [harassment] chikane eller had
        [online-exposure] udstilling eller et personangreb på nettet
        [criticism] fjendtlig og vedvarende kritik
        [hard-contact] et svært opkald eller en svær mail
       *[other] noget, som vedkommende oplevede som pres
    } i forbindelse med sit arbejde.
    Hvor: [sted eller link til opslaget]
    Hvad der blev sagt eller skrevet: [de præcise ord eller en henvisning til skærmbilledet]
    Personen bag, hvis den er kendt: [navn, profil eller telefonnummer]
    Vidner: [navne og telefonnumre]
    Gemte beviser: [skærmbilleder, mails, sms'er, talebeskeder, links]
tpl-platform =
    Anmeldelse: indhold rettet mod en offentligt ansat
    Hej
    Jeg anmelder opslagene på disse adresser: [links]
    Opslagene nævner en offentligt ansat ved navn og indeholder { $kind ->
        [threat] trusler
        [harassment] chikane eller had
        [online-exposure] udstilling og personangreb
        [criticism] fjendtlig og krænkende kritik
        [hard-contact] krænkende beskeder
       *[other] pres mod personen
    }.
    Efter min vurdering er de i strid med jeres regler, og jeg beder jer fjerne dem.
    Der er gemt skærmbilleder af alle opslagene.
    Afsender: [dit navn og din mailadresse]
tpl-deindex =
    Anmodning om at fjerne søgeresultater
    Hej
    Jeg beder jer fjerne de resultater, der vises ved en søgning på navnet { $employee }, og som fører til disse sider: [links]
    Siderne har et krænkende indhold, der udstiller { $employee } og skader vedkommende.
    Indholdet har ligget på nettet siden mindst { DATE($date) }.
    Der er gemt skærmbilleder af siderne.
    Afsender: [dit navn og din mailadresse]
tpl-incident =
    Hændelsesrapport
    Dato: { $date }
    En medarbejder blev udsat for { $kind ->
        [threat] en trussel
        [harassment] chikane eller had
        [online-exposure] udstilling eller et personangreb på nettet
        [criticism] fjendtlig og vedvarende kritik
        [hard-contact] et svært opkald eller en svær mail
       *[other] noget, som vedkommende oplevede som pres
    } i forbindelse med sit arbejde.
    Beskrivelse: [et par sætninger om, hvad der skete]
    Følger for medarbejderen: [for eksempel uro, dårlig søvn, fravær]
    Tiltag indtil nu: [for eksempel tilbudt støtte, ændrede rutiner, politianmeldelse]
    Reference: { $case }
    Kategori: [den kategori, som arbejdsgiverens system bruger]
