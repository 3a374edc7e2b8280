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
report-no-actions = Nothing is marked yet.
report-status = { $status ->
        [done] done
        [later] not yet
       *[not-relevant] not relevant
    }
report-notified = Who was told
report-asked = asked: { $who }
report-footer = { $count } evidence item(s). Each fingerprint was taken when Fyr received the item; "fyr verify --manifest" checks the files against them. Fyr filed nothing itself.
report-confidential = Confidential
report-page = Page { $page } of { $pages }
report-fingerprint = SHA-256: { $hash }
report-datetime = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }, { $hour }:{ $minute }
report-date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
report-month = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
report-month-short = { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $year }

## The statistics for the work environment committee.

stats-title = Fyr – statistics for the work environment committee
stats-period = The period { $from } – { $to }. Only whole months that have ended are counted.
stats-privacy = The report holds no names, case references or free text. Counts under 5 are shown as "<5", other counts are rounded to the nearest five, and small groups are combined. A new case appears only once its month has ended, so two reports cannot be compared to single out one case.
stats-per-month = Cases per month and kind
stats-per-unit = Cases per unit in the period
stats-ack = Time to the first acknowledgement
stats-ack-about = From when the first person was told until someone acknowledged, for cases where someone was told.
stats-ack-median = Half were acknowledged within { $time }.
stats-ack-p90 = Nine in ten were acknowledged within { $time }.
stats-hours = { $hours ->
        [0] one hour
        [1] one hour
       *[other] { $hours } hours
    }
stats-manager = The manager was told
stats-manager-share = Share of cases where the manager was told: { $share } percent.
stats-followups = Follow-up
stats-followups-open = Cases with follow-up still going on when the period ended: { $count }.
stats-too-few = Too few cases to show.
stats-none = No cases in the period.
stats-total = In all in the period: { $count } cases.
stats-suppressed = <5
stats-other-units = Other units (combined)
stats-kind = { $kind ->
        [threat] Threats
        [harassment] Harassment, hate
        [online-exposure] Online exposure
        [criticism] Hostile criticism
        [hard-contact] Hard contact
        [small] Small groups (combined)
       *[other] Other
    }
stats-how = How to read the charts: a dashed box means the count is under 5 and is not shown.
