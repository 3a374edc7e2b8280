# Fyr — den exporterade ärenderapporten (svenska).

report-title = Fyr – ärende { $case }
report-generated = Rapporten skapades { $date }. Originalbevisen och en lista med fingeravtryck (SHA-256) följer med.
report-incident = Händelsen
report-kind = Slag: { $kind ->
        [threat] ett hot
        [harassment] trakasserier eller hat
        [online-exposure] uthängning eller personangrepp på nätet
        [criticism] hätsk kritik eller ihållande klagomål
        [hard-contact] ett svårt samtal eller mejl
       *[other] något som upplevdes som påtryckning
    }
report-opened = Ärendet öppnades: { $date }
report-employee = Medarbetare: { $name }
report-timeline = Tidslinje
report-event = { $event ->
        [opened] Ärendet öppnades
        [immediate-danger] Akut fara anmäldes
        [consent-given] Samtycke gavs till att berätta för andra
        [consent-withdrawn] Samtycket återkallades
        [notified] Meddelad: { $who }
        [reminded] Påmind: { $who }
        [acknowledged] Kvitterat av { $who }
        [ack-refused] En kvittering från någon som inte tillfrågats avvisades
        [chain-exhausted] Ingen kvitterade i tid
        [check-in] Avstämning skickad
        [check-in-answered] Avstämning besvarad
        [snoozed] Avstämningen sköts upp
        [follow-up] Påminnelse om uppföljning till chefen
        [duty-reminded] Påminnelse om anmälningsplikt
        [duty-done] Anmälningsplikten markerad som klar av { $who }
        [duty-not-applicable] Bedömt som inget allvarligt tillbud av { $who }
        [evidence-sealed] Bevis förseglat
        [helper-invited] Kollega inbjuden att hjälpa till med bevis: { $who }
        [helper-removed] Kollegans åtkomst avslutad: { $who }
        [helper-refused] Ett försök att lägga till bevis utan inbjudan avvisades
       *[closed] Ärendet avslutades
    }
report-evidence = Bevis
report-no-evidence = Inga bevis sparades i Fyr.
report-item-note = anteckning
report-item-link = länk
report-item-file = fil ”{ $file }”
report-item-added-by = tillagt av { $who }
report-actions = Det här har gjorts
report-no-actions = Inget är markerat ännu.
report-status = { $status ->
        [done] klart
        [later] inte än
       *[not-relevant] gäller inte
    }
report-notified = Vilka som fick veta
report-asked = tillfrågade: { $who }
report-footer = { $count } bevis. Varje fingeravtryck togs när Fyr tog emot beviset; ”fyr verify --manifest” kontrollerar filerna mot dem. Fyr har inte anmält något på egen hand.
report-confidential = Konfidentiellt
report-page = Sida { $page } av { $pages }
report-fingerprint = SHA-256: { $hash }
report-datetime = { $day } { $month ->
        [1] januari
        [2] februari
        [3] mars
        [4] april
        [5] maj
        [6] juni
        [7] juli
        [8] augusti
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year } kl. { $hour }.{ $minute }
report-date = { $day } { $month ->
        [1] januari
        [2] februari
        [3] mars
        [4] april
        [5] maj
        [6] juni
        [7] juli
        [8] augusti
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year }
report-month = { $month ->
        [1] januari
        [2] februari
        [3] mars
        [4] april
        [5] maj
        [6] juni
        [7] juli
        [8] augusti
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year }
report-month-short = { $month ->
        [1] jan
        [2] feb
        [3] mars
        [4] apr
        [5] maj
        [6] juni
        [7] juli
        [8] aug
        [9] sep
        [10] okt
        [11] nov
       *[12] dec
    } { $year }

## The statistics for the work environment committee (skyddskommittén).

stats-title = Fyr – statistik till skyddskommittén
stats-period = Perioden { $from } – { $to }. Bara hela månader som är slut räknas.
stats-privacy = Rapporten innehåller inga namn, ärendenummer eller fritext. Antal under 5 visas som ”<5”, andra antal avrundas till närmaste femtal och små grupper slås ihop. Ett nytt ärende syns först när dess månad är slut, så två rapporter kan inte jämföras för att peka ut ett enskilt ärende.
stats-per-month = Ärenden per månad och slag
stats-per-unit = Ärenden per enhet under perioden
stats-ack = Tid till första kvittens
stats-ack-about = Från att den första personen fick veta till att någon kvitterade, för ärenden där någon fick veta.
stats-ack-median = Hälften kvitterades inom { $time }.
stats-ack-p90 = Nio av tio kvitterades inom { $time }.
stats-hours = { $hours ->
        [0] en timme
        [1] en timme
       *[other] { $hours } timmar
    }
stats-manager = Chefen fick veta
stats-manager-share = Andel ärenden där chefen fick veta: { $share } procent.
stats-followups = Uppföljningar
stats-followups-open = Ärenden med uppföljning som pågick när perioden tog slut: { $count }.
stats-too-few = För få ärenden för att visa.
stats-none = Inga ärenden under perioden.
stats-total = Totalt under perioden: { $count } ärenden.
stats-suppressed = <5
stats-other-units = Övriga enheter (sammanslagna)
stats-kind = { $kind ->
        [threat] Hot
        [harassment] Trakasserier, hat
        [online-exposure] Uthängning
        [criticism] Hätsk kritik
        [hard-contact] Svår kontakt
        [small] Små grupper (sammanslagna)
       *[other] Övrigt
    }
stats-how = Så läser du diagrammen: en streckad ruta betyder att antalet är under 5 och därför inte visas.
