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
report-status = { $status ->
        [done] klart
        [later] inte än
       *[not-relevant] gäller inte
    }
report-notified = Vilka som fick veta
report-asked = tillfrågade: { $who }
report-footer = { $count } bevis. Varje fingeravtryck togs när Fyr tog emot beviset; ”fyr verify --manifest” kontrollerar filerna mot dem. Fyr har inte anmält något på egen hand.
