# Fyr — texts for the people told about a case: managers, deputies, the out-of-hours contact and
# safety representatives (English: UI fallback only).

## The notification

notify-heading = Fyr – case { $case } needs your attention.
notify-intro = { $employee } in your unit has been subjected to { $kind ->
        [threat] a threat
        [harassment] harassment or hate
        [online-exposure] online exposure or a personal attack online
        [criticism] hostile criticism or a persistent complainer
        [hard-contact] a hard phone call or mail
       *[other] something they experienced as pressure
    }.
notify-urgent = This is urgent.
notify-request = { $employee } asks you { $request ->
        [call-today] to call them today.
        [meeting] for a meeting.
        [urgent] to make sure they are safe right now: they reported immediate danger.
       *[just-know] only to know about it for now.
    }
notify-consent = { $employee } agreed that you are told. Please keep it to yourself; Fyr shares nothing else from their conversation.
notify-ack-how = Choose 1 to acknowledge. { $employee } will be told that you have seen it.
notify-reminder = Reminder: this has not been acknowledged yet.
opt-ack = Acknowledge – I'm on it
opt-guidance = What should I do?

## After acknowledging

acked-thanks = Thank you. I have told { $employee } that you acknowledged.
acked-manager-today = Talk with { $employee } today, and make sure they are not alone.
acked-safety-rep = As { $country ->
        [DK] health and safety representative (AMR)
       *[other] health and safety representative (skyddsombud)
    } you see only what { $employee } agreed to share. Check with the manager that the incident is registered and that support is offered.
acked-follow-up = I'll remind you later to follow up with { $employee }.

## First guidance

guidance-manager-talk = Talk with { $employee } the same day. Listen, write down what they tell you, and ask what they need.
guidance-manager-safety = Make sure they are safe: not alone, someone to go home with, time off if they need it – and check what private information about them is public.
guidance-safety-rep-role = As { $country ->
        [DK] health and safety representative (AMR)
       *[other] health and safety representative (skyddsombud)
    } you work for a good work environment together with management. You see only what { $employee } agreed to share.
guidance-safety-rep-check = Check that the incident is registered, that support has been offered, and that { $employee } isn't left alone.
guidance-safety-rep-not = It isn't your role to contact the person behind it or to judge whether it is a crime – that belongs to management, HR and the police.

## Reminders

duty-se-authority-reminder = Reminder, case { $case }: assess whether this is a serious incident (allvarligt tillbud) – for example a threat that could have led to serious harm. If it is, it must be reported to Arbetsmiljöverket without delay, and within 24 hours at the latest. Where does it stand?
duty-dk-registration-reminder = Reminder, case { $case }: has the incident been registered ("mindre vold, trusler og anden krænkende adfærd")?
opt-duty-done = Yes, it's done
opt-duty-later = Not yet
followup-manager-reminder = Follow-up, case { $case }: it is time to check in with { $employee } – how are they doing, and has anything new happened?
opt-followup-done = I've followed up
duty-thanks = Thank you – noted.

## Acknowledging by reference

ack-unknown-case = I can't find anything for you to acknowledge with the reference { $case }. Check the reference in the message you received.
ack-stale = Case { $case } no longer needs an acknowledgement – thank you anyway.
ack-already = You have already acknowledged case { $case }. Thank you.
ack-already-by = { $who } has already acknowledged case { $case }. Thank you anyway.

## Helping a colleague with evidence
helper-invited-heading = Fyr: a request from a colleague ({ $case })
helper-invited = { $employee } asks you to help collect evidence for case { $case }.
helper-how = Write a note (what, where, who, when), paste a link or send a picture or file here, and it is saved in { $employee }'s case with the time and a fingerprint. You see only what you add yourself. Never answer whoever is behind it, and don't hit back.
opt-helper-add = Add something
opt-helper-mine = Show what I have added
helper-add = Write or paste what you want to save, or send a picture or file. One thing at a time.
opt-helper-finished = Done for now
helper-mine-none = You haven't added anything yet.
helper-mine-heading = This is what you have added:
helper-mine-item = number { $n }, { $time }, fingerprint { $hash }
helper-saved = Saved as number { $n } in case { $case } (fingerprint { $hash }).
helper-not-active = You can no longer add anything to that case – nothing was saved. Nobody else was told anything.
helper-ended = Thank you for helping. You can no longer add anything to case { $case }; what you added stays.
notify-alarm = { $employee }, a member of your staff, has raised an acute danger alarm through Fyr. Call { $employee } now. If you cannot reach them and fear they are in danger: call 112.
notify-handover = { $who } took this case outside working hours. Now that the working day has begun, it is handed over to you as the manager.
acked-safety-rep-only = Only you were told through Fyr – not the manager. Agree with { $employee } whether the manager should be brought in, and if so how and by whom.
guidance-safety-rep-only = The manager knows nothing of this through Fyr. Do not contact the manager about it yourself – decide with { $employee } whether, when and how the manager is told.
guidance-safety-rep-prevent = Make sure the incident – without the name, if { $employee } prefers – is reviewed by the work environment committee or group: what happened, why, and what preventive measures are needed.
opt-duty-not-serious = Not applicable – not a serious incident

## When a case is erased

case-closed-notice = Fyr – case { $case } is closed and its data deleted. There is nothing more for you to do about it.

## Several at once

digest-intro = { $count } messages from Fyr came due for you at the same time, so here they are together. The options at the end answer the last one: write back to answer the one before it, or ok and a reference (for example ok F-1234-ABCD) to acknowledge a case.
pending-heading = { $count ->
        [one] You also have another case waiting for your acknowledgement
       *[other] You also have { $count } other cases waiting for your acknowledgement
    }. Write "ok" and the case number to acknowledge one, for example "ok F-1234-ABCD":
pending-item = { $case }: { $kind ->
        [alarm] acute danger alarm
        [threat] threat
        [harassment] harassment or hate
        [online-exposure] exposed online
        [criticism] hostile criticism
        [hard-contact] hard calls or mails
       *[other] other incident
    }, { DATE($when) }
