# Fyr — the exported case report (English: UI fallback only).

report-title = Fyr – case { $case }
report-generated = Report made { $date }. The original evidence and a list of fingerprints (SHA-256) come with it.
report-incident = The incident
report-kind = Kind: { $kind ->
        [threat] a threat
        [harassment] harassment or hate
        [online-exposure] online exposure or a personal attack online
        [criticism] hostile criticism or a persistent complainer
        [hard-contact] a hard phone call or mail
       *[other] something experienced as pressure
    }
report-opened = Case opened: { $date }
report-employee = Employee: { $name }
report-timeline = Timeline
report-event = { $event ->
        [opened] Case opened
        [immediate-danger] Immediate danger reported
        [consent-given] Consent given to tell others
        [consent-withdrawn] Consent withdrawn
        [notified] Notified: { $who }
        [reminded] Reminded: { $who }
        [acknowledged] Acknowledged by { $who }
        [ack-refused] An acknowledgement by someone not asked was refused
        [chain-exhausted] Nobody acknowledged in time
        [check-in] Check-in sent
        [check-in-answered] Check-in answered
        [snoozed] Check-in postponed
        [follow-up] Follow-up reminder to the manager
        [duty-reminded] Reporting duty reminded
        [duty-done] Reporting duty marked done by { $who }
        [duty-not-applicable] Assessed as not a serious incident by { $who }
        [evidence-sealed] Evidence sealed
        [helper-invited] Colleague invited to help with evidence: { $who }
        [helper-removed] Colleague's access ended: { $who }
        [helper-refused] An attempt to add evidence without an invitation was refused
       *[closed] Case closed
    }
report-evidence = Evidence
report-no-evidence = No evidence was saved in Fyr.
report-item-note = note
report-item-link = link
report-item-file = file "{ $file }"
report-item-added-by = added by { $who }
report-actions = What has been done
report-status = { $status ->
        [done] done
        [later] not yet
       *[not-relevant] not relevant
    }
report-notified = Who was told
report-asked = asked: { $who }
report-footer = { $count } evidence item(s). Each fingerprint was taken when Fyr received the item; "fyr verify --manifest" checks the files against them. Fyr filed nothing itself.
