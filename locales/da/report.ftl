# Fyr — den eksporterede sagsrapport (dansk).

report-title = Fyr – sag { $case }
report-generated = Rapporten er lavet { $date }. De originale beviser og en liste med fingeraftryk (SHA-256) følger med.
report-incident = Hændelsen
report-kind = Art: { $kind ->
        [threat] en trussel
        [harassment] chikane eller had
        [online-exposure] udstilling eller personangreb på nettet
        [criticism] hård kritik eller vedvarende klager
        [hard-contact] et svært opkald eller en svær mail
       *[other] noget, der blev oplevet som pres
    }
report-opened = Sagen blev oprettet: { $date }
report-employee = Medarbejder: { $name }
report-timeline = Tidslinje
report-event = { $event ->
        [opened] Sagen blev oprettet
        [immediate-danger] Akut fare blev meldt
        [consent-given] Samtykke givet til at fortælle det til andre
        [consent-withdrawn] Samtykket blev trukket tilbage
        [notified] Underrettet: { $who }
        [reminded] Påmindet: { $who }
        [acknowledged] Kvitteret af { $who }
        [ack-refused] En kvittering fra en, der ikke var spurgt, blev afvist
        [chain-exhausted] Ingen kvitterede i tide
        [check-in] Opfølgning sendt
        [check-in-answered] Opfølgning besvaret
        [snoozed] Opfølgningen blev udskudt
        [follow-up] Påmindelse om opfølgning til lederen
        [duty-reminded] Påmindelse om indberetning
        [duty-done] Indberetningen markeret som gjort af { $who }
        [duty-not-applicable] Vurderet som ikke omfattet af indberetningspligten af { $who }
        [evidence-sealed] Bevis forseglet
        [helper-invited] Kollega inviteret til at hjælpe med beviser: { $who }
        [helper-removed] Kollegaens adgang afsluttet: { $who }
        [helper-refused] Et forsøg på at tilføje beviser uden invitation blev afvist
       *[closed] Sagen blev lukket
    }
report-evidence = Beviser
report-no-evidence = Der blev ikke gemt beviser i Fyr.
report-item-note = notat
report-item-link = link
report-item-file = fil "{ $file }"
report-item-added-by = tilføjet af { $who }
report-actions = Det er gjort
report-status = { $status ->
        [done] gjort
        [later] ikke endnu
       *[not-relevant] ikke relevant
    }
report-notified = Hvem der fik det at vide
report-asked = spurgt: { $who }
report-footer = { $count } bevis(er). Hvert fingeraftryk blev taget, da Fyr modtog beviset; "fyr verify --manifest" tjekker filerne mod dem. Fyr har ikke anmeldt noget på egen hånd.
