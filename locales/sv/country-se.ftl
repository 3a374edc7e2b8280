## SE: landets regler – polis, anmälan, stöd, lagrum

who-se-police = Polisen: den anställda kan själv anmäla via polisen.se eller på 114 14. Arbetsgivaren erbjuder alltid att göra anmälan i sitt eget namn i stället. Den anställda är målsägande i båda fallen.
who-se-incident = Händelserapport: händelsen anmäls i arbetsgivarens system för incidenter och tillbud, och märks med ”otillåten påverkan”.
who-se-authority = Myndigheter: arbetsgivaren anmäler allvarliga händelser till Arbetsmiljöverket utan dröjsmål, och arbetsskador till Försäkringskassan.
who-se-victim = Stöd till brottsutsatta: Brottsofferjouren, 116 006 (kostnadsfritt).
law-se-bb-17-1 = 17 kap. 1 § brottsbalken (BrB) – våld eller hot mot tjänsteman: våld eller hot om våld mot någon som utövar myndighet, i arbetet, för att påverka det eller som hämnd för det.
law-se-bb-4-5 = 4 kap. 5 § brottsbalken (BrB) – olaga hot: att hota någon med ett brott på ett sätt som kan göra personen allvarligt rädd för sin egen eller någon annans säkerhet.
law-se-bb-4-7 = 4 kap. 7 § brottsbalken (BrB) – ofredande: att handgripligen antasta någon, eller störa personen genom annat hänsynslöst beteende – till exempel upprepade ovälkomna samtal eller meddelanden.
law-se-bb-5-1 = 5 kap. 1 § brottsbalken (BrB) – förtal: att peka ut någon som brottslig eller klandervärd, eller sprida andra uppgifter som kan utsätta personen för andras missaktning. Som regel är det den utsatta själv som driver saken vidare; åklagaren går bara in i vissa fall.
law-se-bb-5-3 = 5 kap. 3 § brottsbalken (BrB) – förolämpning: att smäda någon med kränkande ord, beskyllningar eller annat nedsättande beteende mot personen.
police-se-who = Du kan polisanmäla själv, eller låta din arbetsgivare göra anmälan i kommunens namn. Oavsett vilket är du målsägande, och polisen vill prata med dig. Din chef kan följa med dig till förhöret.
police-se-where = Anmäl på polisen.se eller ring 114 14. Är det akut: ring 112.
police-se-even-if-doubt = Polisanmäl även om du tvivlar på att det leder någonstans. Det visar att sådant här inte accepteras, och det blir registrerat.
police-se-civil = Om polisen inte går vidare kan Institutet för juridik och internet hjälpa dig kostnadsfritt att driva saken civilrättsligt.
police-se-no-verdict = Fyr kan inte avgöra om det är ett brott – det är polisens sak. Säkerhetskoordinatorn kan hjälpa dig att bedöma det.
incident-se-report = Anmäl händelsen i arbetsgivarens system för riskobservationer, tillbud och arbetsskador.
incident-se-mark = Skriv i anmälan att det gäller ”otillåten påverkan”, så att det räknas och följs upp.
incident-se-authority = Allvarliga händelser ska också anmälas till Arbetsmiljöverket utan dröjsmål – det ansvarar din chef för.
support-se-talk = Du har rätt till samtalsstöd. Det är din arbetsgivare som bokar det, till exempel via företagshälsovården.
support-se-victim = Brottsofferjouren lyssnar och hjälper till, utan kostnad: 116 006.
support-se-home = Gäller hotet din familj, eller har personen dykt upp där du bor? Tala med din chef om säkerheten hemma. Polisen eller åklagaren kan besluta om kontaktförbud, och Skatteverket kan skydda dina personuppgifter.
support-se-work-injury = Får du starka reaktioner efteråt kan det vara en arbetsskada. Arbetsgivaren ska anmäla den, men du har alltid rätt att själv anmäla till Försäkringskassan.
mgr-se-support = Boka samtalsstöd åt din medarbetare, till exempel via företagshälsovården. I vissa utsatta situationer kan det vara obligatoriskt.
mgr-se-police = Erbjud alltid att polisanmäla i arbetsgivarens namn, om din medarbetare hellre slipper göra det själv. Medarbetaren är ändå målsägande och får berätta för polisen vad som hänt. Du får följa med till förhöret, och till rätten om det går så långt.
