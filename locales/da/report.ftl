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
report-no-actions = Intet er markeret endnu.
report-status = { $status ->
        [done] gjort
        [later] ikke endnu
       *[not-relevant] ikke relevant
    }
report-notified = Hvem der fik det at vide
report-asked = spurgt: { $who }
report-footer = { $count } bevis(er). Hvert fingeraftryk blev taget, da Fyr modtog beviset; "fyr verify --manifest" tjekker filerne mod dem. Fyr har ikke anmeldt noget på egen hånd.
report-confidential = Fortroligt
report-page = Side { $page } af { $pages }
report-fingerprint = SHA-256: { $hash }
report-datetime = { $day }. { $month ->
        [1] januar
        [2] februar
        [3] marts
        [4] april
        [5] maj
        [6] juni
        [7] juli
        [8] august
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year } kl. { $hour }.{ $minute }
report-date = { $day }. { $month ->
        [1] januar
        [2] februar
        [3] marts
        [4] april
        [5] maj
        [6] juni
        [7] juli
        [8] august
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year }
report-month = { $month ->
        [1] januar
        [2] februar
        [3] marts
        [4] april
        [5] maj
        [6] juni
        [7] juli
        [8] august
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year }
report-month-short = { $month ->
        [1] jan
        [2] feb
        [3] mar
        [4] apr
        [5] maj
        [6] jun
        [7] jul
        [8] aug
        [9] sep
        [10] okt
        [11] nov
       *[12] dec
    } { $year }

## The statistics for the work environment committee (arbejdsmiljøudvalget, MED).

stats-title = Fyr – statistik til arbejdsmiljøudvalget
stats-period = Perioden { $from } – { $to }. Kun hele måneder, der er afsluttet, tælles med.
stats-privacy = Rapporten indeholder ingen navne, sagsnumre eller fritekst. Antal under 5 vises som ”<5”, andre antal afrundes til nærmeste fem, og små grupper lægges sammen. En ny sag kommer først med, når dens måned er slut, så to rapporter kan ikke sammenlignes for at udpege en enkelt sag.
stats-per-month = Sager pr. måned og art
stats-per-unit = Sager pr. enhed i perioden
stats-ack = Tid til første kvittering
stats-ack-about = Fra den første person fik besked, til nogen kvitterede, for sager hvor nogen fik besked.
stats-ack-median = Halvdelen blev kvitteret inden for { $time }.
stats-ack-p90 = Ni ud af ti blev kvitteret inden for { $time }.
stats-hours = { $hours ->
        [0] en time
        [1] en time
       *[other] { $hours } timer
    }
stats-manager = Lederen fik besked
stats-manager-share = Andel af sagerne, hvor lederen fik besked: { $share } procent.
stats-followups = Opfølgning
stats-followups-open = Sager med opfølgning i gang, da perioden sluttede: { $count }.
stats-too-few = For få sager til at vise.
stats-none = Ingen sager i perioden.
stats-total = I alt i perioden: { $count } sager.
stats-suppressed = <5
stats-other-units = Andre enheder (lagt sammen)
stats-kind = { $kind ->
        [threat] Trusler
        [harassment] Chikane, had
        [online-exposure] Udstilling
        [criticism] Hård kritik
        [hard-contact] Svær kontakt
        [small] Små grupper (lagt sammen)
       *[other] Andet
    }
stats-how = Sådan læses diagrammerne: en stiplet kasse betyder, at antallet er under 5 og derfor ikke vises.
