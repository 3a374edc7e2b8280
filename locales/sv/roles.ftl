# Fyr — texter för chefer, skyddsombud och kollegor (svenska).

## Startval

opt-start-manager = Chef: min medarbetare är utsatt
opt-start-safety-rep = Jag är skyddsombud
opt-start-colleague = Hur stöttar jag en kollega?
opt-start-advice = Råd om svåra kontakter
opt-menu-advice = Råd efter ämne
opt-menu-templates = Texter att kopiera (mallar)
opt-menu-who-files = Vem anmäler vad

## Chefens checklista

mgr-intro = Det här är din checklista för ärende { $case }. Jag håller reda på vad som är gjort och påminner dig om det som återstår. Du ser bara det som din medarbetare har gått med på att dela. Svara på varje punkt med gjort, inte än eller inte aktuellt.
mgr-general = Jag kan ge dig allmän vägledning som chef, men här finns inga uppgifter om något ärende. Det bästa är att din medarbetare själv skriver till Fyr – då bestämmer medarbetaren vad som delas, och med vem.
mgr-talk-today = Prata med din medarbetare samma dag. Lyssna, anteckna, och fråga vad medarbetaren behöver – både praktisk hjälp och stöd för hur det känns.
mgr-safety = Se till att din medarbetare är trygg: inte ensam, har sällskap hem och får ledigt vid behov. Gå tillsammans igenom vilka privata uppgifter om medarbetaren som är offentliga, och hjälp till att begränsa dem.
mgr-colleagues = Informera kollegorna bara på det sätt som du och din medarbetare har kommit överens om. Erbjud arbetsgruppen en debriefing – det här kan påverka dem också.
mgr-follow-up = Planera uppföljande samtal med din medarbetare, och håll medarbetaren informerad om vad som händer i ärendet. Reaktioner kan komma sent – ibland först efter flera veckor.
mgr-question = Är det här gjort?
mgr-summary-intro = Din checklista för ärende { $case }:
mgr-summary-done = Gjort:
mgr-summary-left = Kvar att göra – jag påminner dig:
mgr-summary-none-left = Allt är gjort eller inte aktuellt. Tack.
mtask-talk-today = Samtal med medarbetaren samma dag
mtask-safety = Trygghet och säkerhet ordnade
mtask-support = Stöd ordnat
mtask-report = Händelsen anmäld eller registrerad
mtask-police = Hjälp med polisanmälan
mtask-colleagues = Kollegorna informerade enligt överenskommelse
mtask-director = Överordnad chef informerad
mtask-offender = Kontakt tagen med personen bakom
mtask-follow-up = Uppföljande samtal planerade
mtask-local = Ett steg i er egen rutin
mgr-open-reminder = Påminnelse, ärende { $case }: de här punkterna är fortfarande öppna:
opt-mgr-checklist = Öppna min checklista

## Skyddsombud

sr-role = Som skyddsombud är din roll att verka för en god arbetsmiljö tillsammans med ledningen. Du ser bara det som medarbetaren har gått med på att dela med dig.
sr-check = Stäm av med chefen att händelsen är anmäld eller registrerad, att stöd har erbjudits (stödsamtal eller en krispsykolog), att medarbetaren inte lämnas ensam och att uppföljningen är planerad.
sr-not = Två saker ingår inte i din roll: att kontakta personen bakom, och att bedöma om det är ett brott. Det tar ledningen, HR och polisen hand om.
sr-prevent = Titta efteråt på förebyggande arbete och rutiner tillsammans med ledningen – till exempel hur lätt medarbetarna är att hitta på nätet, jobb- och privattelefoner, och utbildning i att hantera konflikter.

## Kollega: hur stöttar jag någon?

col-intro = Tack för att du vill stötta din kollega. Några enkla saker hjälper mest.
col-be-there = Håll dig nära och synlig. Leta upp ett lugnt rum, och lämna inte din kollega ensam. Lyssna och visa förståelse. Om kollegan vill kan du följa med till chefen.
col-dont = Kommentera inte offentligt, och försvara inte din kollega eller ge igen i trådarna – det gör bara saken värre.
col-evidence = Hjälp till att ta skärmdumpar innan något raderas, och var vittne till dem. Skriv upp datum, klockslag och länkar.
col-accounts = Erbjud dig att sköta kollegans privata konton en tid – läsa, spara och anmäla till plattformen – så att kollegan slipper läsa det själv.
col-tell = Uppmuntra din kollega att berätta för sin chef – och för inget vidare utan kollegans samtycke. Hör samma person av sig till dig också? Berätta det för din egen chef.
col-yourself = Ta hand om dig själv också – det här kan påverka dig med. Var med på en debriefing om det erbjuds, och prata med någon du litar på.
col-fyr = Din kollega kan också skriva till Fyr själv. Fyr guidar steg för steg och berättar bara för andra om kollegan säger ja.
mgr-home-family = Gäller hotet familjen, eller har personen dykt upp hemma? Hjälp till med säkerheten i hemmet och med skyddade uppgifter: { $country ->
        [DK] tilhold via politiet och navne- og adressebeskyttelse via folkeregistret.
       *[other] kontaktförbud via polisen eller åklagaren, och skyddade personuppgifter hos Skatteverket.
    }
mgr-communicator = Be kommunikationsavdelningen om hjälp: att bevaka vad som skrivs, och vad ni svarar om medier hör av sig. Din medarbetare ska inte behöva svara själv.
mgr-dk-citizen-handling = Bestäm tillsammans med din medarbetare hur personen ska hanteras framöver: ett tidsbegränsat kontaktförbud, kontakt bara efter tidsbokning, en funktionsbrevlåda eller en annan handläggare.
col-take-over = Du får ta över ett hotfullt samtal, eller räcka din kollega en lapp eller ett mejl med tips om hur samtalet kan avslutas.
mgr-today-heading = I dag:
mgr-week-heading = Under veckan:
opt-mgr-this-week = Vad gör jag under veckan?
