## SE: landets regler – politi, anmeldelse, støtte, lovgivning

who-se-police = Politiet: medarbejderen kan selv anmelde det på polisen.se eller på 114 14. Arbejdsgiveren tilbyder altid at anmelde det i eget navn i stedet. Uanset hvad er medarbejderen målsägande (den forurettede).
who-se-incident = Indberetning: hændelsen indberettes i arbejdsgiverens system for hændelser og tillbud (nærved-hændelser) og markeres "otillåten påverkan" (utilbørlig påvirkning).
who-se-authority = Myndigheder: arbejdsgiveren melder straks alvorlige hændelser til Arbetsmiljöverket (den svenske arbejdsmiljømyndighed) og arbejdsskader til Försäkringskassan (den svenske socialforsikring).
who-se-victim = Støtte til ofre for forbrydelser: Brottsofferjouren, 116 006 (gratis).
law-se-bb-17-1 = 17 kap. 1 § brottsbalken (BrB, den svenske straffelov) – vold eller trusler mod en tjenestemand (våld eller hot mot tjänsteman): vold eller trusler om vold mod en, der udøver myndighed, i arbejdet, for at påvirke det eller som hævn for det.
law-se-bb-4-5 = 4 kap. 5 § brottsbalken (BrB) – ulovlig trussel (olaga hot): at true nogen med en forbrydelse på en måde, der kan gøre personen alvorligt bange for sin egen eller andres sikkerhed.
law-se-bb-4-7 = 4 kap. 7 § brottsbalken (BrB) – ofredande: at lægge hånd på nogen eller forstyrre personen med anden hensynsløs adfærd – for eksempel gentagne uønskede opkald eller beskeder.
law-se-bb-5-1 = 5 kap. 1 § brottsbalken (BrB) – bagvaskelse (förtal): at udpege nogen som kriminel eller forkastelig eller udbrede andre oplysninger, der kan udsætte personen for andres foragt. Som udgangspunkt er det den ramte selv, der fører sagen videre; anklageren går kun ind i visse tilfælde.
law-se-bb-5-3 = 5 kap. 3 § brottsbalken (BrB) – fornærmelse (förolämpning): at håne nogen med krænkende ord, beskyldninger eller anden nedværdigende opførsel over for personen.
police-se-who = Du kan selv anmelde det til politiet, eller din arbejdsgiver kan anmelde det i kommunens navn. Uanset hvad er du målsägande (den forurettede), og politiet vil gerne tale med dig. Din leder kan tage med til afhøringen.
police-se-where = Anmeld det på polisen.se eller ved at ringe 114 14. Haster det: 112.
police-se-even-if-doubt = Anmeld det, også selvom du tvivler på, at det fører til noget. Det viser, at den slags ikke accepteres, og så er det registreret.
police-se-civil = Går politiet ikke videre med sagen, kan Institutet för juridik och internet hjælpe dig gratis med en civilretlig sag.
police-se-no-verdict = Fyr kan ikke afgøre, om det er strafbart – det er politiets opgave. Sikkerhedskoordinatoren kan hjælpe dig med at vurdere det.
incident-se-report = Indberet hændelsen i din arbejdsgivers system for hændelser, tillbud og skader i arbejdet.
incident-se-mark = Skriv i indberetningen, at det drejer sig om "otillåten påverkan" (utilbørlig påvirkning), så det bliver talt med og fulgt op.
incident-se-authority = Alvorlige hændelser skal også straks meldes til Arbetsmiljöverket (den svenske arbejdsmiljømyndighed) – det har din leder ansvaret for.
support-se-talk = Du har ret til samtalsstöd (støttesamtaler). Din arbejdsgiver bestiller det, for eksempel gennem företagshälsovården.
support-se-victim = Brottsofferjouren (støtte til ofre for forbrydelser) lytter og hjælper gratis: 116 006.
support-se-home = Gælder truslen din familie, eller er personen dukket op, hvor du bor? Tal med din leder om sikkerheden derhjemme. I Sverige kan politiet eller anklageren give kontaktförbud (tilhold), og Skatteverket kan beskytte dine personoplysninger.
support-se-work-injury = Får du stærke reaktioner bagefter, kan det være en skade på grund af arbejdet – i Sverige en arbetsskada. Arbejdsgiveren skal anmelde den, men du har altid ret til selv at anmelde den til Försäkringskassan.
mgr-se-support = Bestil samtalsstöd (støttesamtaler) til din medarbejder, for eksempel gennem företagshälsovården (den svenske bedriftssundhedstjeneste). I nogle udsatte situationer kan det være obligatorisk.
mgr-se-police = Tilbyd altid at politianmelde i arbejdsgiverens navn, hvis din medarbejder helst ikke vil gøre det selv. Vedkommende er stadig målsägande (den forurettede) og skal fortælle politiet, hvad der skete. Du må gerne tage med til afhøringen – og i retten, hvis det kommer så langt.
