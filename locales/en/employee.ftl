# Fyr — the targeted employee's playbook (English: UI fallback only).

## Greeting

start-greeting = Hi { $name }, I'm Fyr. I help staff who have been threatened, harassed or attacked by people they meet through their work – on the phone, by mail, face to face or online. We'll take it one question at a time.
start-danger = If you or anyone else is in danger right now: call 112 first. I can't make the call for you.
start-how = Answer with the number of an option. Write "help" at any time to see what else you can write, and "stop" to pause. Where would you like to start?
opt-start-guidance = Something has happened – guide me

## Immediate danger

danger-call-112 = Call 112 now. Say where you are and what is happening. I can't make the call for you.
danger-get-safe = If you can, get to a safe place: where there are other people, or behind a door you can lock. Don't go back towards the person. If you can't talk, ask someone near you to call.
danger-stay = I'm staying right here. Nothing else matters now. Choose 1 when you are safe.
opt-danger-safe = I'm safe now
danger-still-here = I'm still here. If you are in danger, call 112 now. When you are safe, choose 1.
danger-after-not-alone = Good that you are safe. Don't stay alone now – ask a colleague or someone close to you to stay with you, and to go home with you if you need that.
danger-after-continue = When you are ready, we'll go on. There is no hurry.

## What happened

kind-question = What happened? Choose what fits best – you can change it later.
opt-kind-threat = Someone threatened me
opt-kind-harassment = Harassment or hate: insults, unpleasant calls, mails or messages
opt-kind-online-exposure = I've been exposed or attacked online
opt-kind-criticism = Hostile criticism or persistent complaints
opt-kind-hard-contact = A hard phone call or mail
opt-kind-other = Something else
opt-crossed-line = It has turned into threats or harassment

threat-serious = A threat is serious, and you are right to take it seriously. It is not your fault, and you don't have to deal with it alone.
threat-not-alone = Make sure you are not alone right now, and tell your manager today.
threat-in-the-moment = If it happens again during a call or a meeting: stay as calm as you can, ask what the person means, and say plainly that you take it as a threat. You may end the conversation.
threat-details = As soon as you can, write down what you remember about the person – voice, approximate age, dialect, and exactly what was said. It helps your employer and the police.

harassment-not-your-fault = What you have been through is not all right, and putting up with it is not part of your job.
harassment-end-contact = You may end a call or a meeting that turns abusive. Say that you are ending it – then end it.
harassment-wait = Don't reply while you are upset. Wait a while, or talk to a colleague first.

exposure-not-your-fault = Being exposed online is hard, and it is not your fault. You don't have to deal with it alone.
exposure-do-not-engage = Don't comment on, react to or reply to the posts, and don't defend yourself or hit back – it usually makes things worse. Read no more of it than you have to.
exposure-order = First we'll save the evidence. Then we'll look at stopping the spread, who should know, and how to report it.

criticism-intro = Criticism can be hard to take even when it is fair, and that's all right. Answer what you can, briefly and factually, and tell the person where they can get more help.
criticism-signs = It may be a pattern of persistent complaints if you recognise several of these: very long messages, total certainty of being right, demands that cannot be met, law mixed with personal experience, threats to report you or go to the media, a wish to record or film, threatening language.
criticism-relief = Nobody should carry this alone. Ask your manager for relief – for example that someone else takes over the mail, that replies go out from a shared mailbox, or that another caseworker takes the case.
criticism-crossed-line = If it has turned into threats or harassment, choose 1 and we'll handle it as that.

contact-phone = On the phone: keep your voice calm, answer only what you are sure of, and offer to call back or to take the questions by mail. A pause is better than a hasty answer. Don't argue or defend yourself.
contact-mail = By mail: answer only what was asked, confirm that you have received it if the answer will take time, and refer to earlier answers when the questions repeat.
contact-may-end = You may end a call that is abusive or goes nowhere. Say that you are ending it.
contact-crossed-line = If the contact included threats or harassment, choose 1.

other-your-experience = Your experience counts. If something made you uneasy or felt like pressure, it deserves to be taken seriously.
other-same-steps = We'll go through the same steps as for any incident: evidence, stopping it, who to tell, reporting and support.

## Evidence

evidence-save-first = First, save what happened – before anything gets deleted. Evidence that disappears can't be brought back.
evidence-save-what = Take screenshots of, or save: posts, comments, mails, text messages and voicemail. Make sure the date, the time and the sender can be seen.
evidence-save-witnessed = If you can, have someone else watch while you take the screenshots, so that there is a witness.
evidence-save-question = Have you saved what there is to save?

evidence-notes-what = Write down while it is fresh: what happened, where, who was involved, the date and the time.
evidence-notes-feelings = Also write what made it unpleasant, and how you reacted.
evidence-notes-pattern = If the same person comes back, write down every new incident as well. Together they show a pattern.
evidence-notes-question = Have you written it down?

evidence-witnesses = Note who saw or heard it, with names and phone numbers.
evidence-links = Save the links (URLs) to the posts, the names of profiles and groups, and when each post was published.
evidence-witnesses-question = Have you noted witnesses and links?

## Stop the harm

stop-no-counter = Don't reply to the person who did it, and don't hit back – even when what they say is untrue.
stop-relief = If the contacts wear you down, ask your manager for relief. You shouldn't carry this alone.

stop-platform-report = Report the posts to the platform (for example Facebook or X) – it can remove content that breaks its rules. Save everything first.
stop-platform-helper = Ask someone you trust to look after your private accounts for a while – read, save, report and delete for you – so that you and your family don't have to read it.
stop-platform-deindex = You can ask search engines such as Google to remove offensive results about you.
stop-platform-private-info = Check what is public about you – address, phone number, photos, family – and tighten your privacy settings.
stop-platform-question = Have you done what applies to you here?

## Who to tell

tell-manager = Tell your manager as soon as possible. Say how this affects you and what you need – practical help as well as support.
tell-colleagues = Warn your colleagues: the same person often contacts several people.

## Police and registration

police-question = Has the police report been made?

incident-system-name = At your workplace the system is called { $system }.
incident-question = Has the incident been reported or registered?

## Support

support-reactions = Reactions can come later – worry, restlessness, trouble sleeping or concentrating. That is normal. Tell someone when it happens.
support-not-alone = After something serious, don't be alone. Take time off if you need it, and let someone go home with you.
support-contacts-intro = Support at your workplace:
support-question = Have you arranged the support you need?

## Follow-up and summary

followup-agree = Agree with your manager how the person will be handled from now on, and ask to be kept informed along the way.
followup-again = If it happens again, come back here and we'll go through it.
followup-come-back = You can come back at any time – everything is saved. Write "menu" to jump to any part.

summary-intro = Here is a summary of case { $case }.
summary-danger = You reported immediate danger in this case.
summary-done = Done:
summary-done-none = Nothing is marked as done yet.
summary-left = Still to do:
summary-left-none = There is nothing left to do on the list.
summary-closing = Take it at your own pace. You can come back and continue at any time.
opt-finish = Finish for now
opt-menu = Menu
opt-new-case = Report a new incident
done-take-care = Take care of yourself. Everything is saved – write anything to come back.
done-danger = If you are ever in danger: call 112.
opt-show-summary = Show the summary

task-evidence-saved = Evidence saved (screenshots, mails, messages)
task-notes-written = Notes written: what, where, who, when
task-witnesses-and-links = Witnesses and links noted
task-harm-stopped = Platform report, private accounts and search results seen to
task-manager-told = Manager told
task-police-report = Police report
task-incident-registered = Incident reported or registered
task-support-arranged = Support arranged

## Immediate danger: alerting the manager

opt-alert-manager = { $role ->
        [out-of-hours] Alert { $who } now (out-of-hours contact)
        [manager] Alert my manager { $who } now
       *[none] Alert my manager now
    }
danger-alerted = I have alerted { $who }{ $role ->
        [out-of-hours] , the out-of-hours contact,
       *[manager] , your manager,
    } and asked them to call you now. If you are in danger, call 112 anyway – no manager can give you the help you get there.

## Telling others, with consent

tell-offer = I can send a short message to your manager or your { $country ->
        [DK] health and safety representative (AMR)
       *[other] health and safety representative (skyddsombud)
    } for you – only if you want, and you'll see it before it goes. Whom shall I tell?
opt-tell-manager = My manager
opt-tell-safety-rep = { $country ->
        [DK] The health and safety representative (AMR)
       *[other] The health and safety representative (skyddsombud)
    }
opt-tell-both = Both
opt-told-myself = I've already told them myself
opt-not-now = Not now
opt-withdraw = Stop the notifications (withdraw my consent)
opt-tell-now = Tell someone now
consent-request = What would you like from them?
opt-request-call = That they call me today
opt-request-meeting = A meeting with me
opt-request-know = Only that they know
consent-preview-intro = This is exactly what they will read. Nothing else from our conversation is shared:
preview-to-manager = The message goes to your manager, { $who }.
preview-chain = If nobody acknowledges in time, it goes on, one at a time, to: { $then }.
preview-to-safety-rep = The message goes to { $who }, your { $country ->
        [DK] health and safety representative (AMR)
       *[other] health and safety representative (skyddsombud)
    }.
preview-own-language = Each of them reads it in their own language.
consent-preview-question = Shall I send it?
opt-send = Yes, send it
opt-change = Change whom or what
opt-dont-send = Don't send anything
consent-sent = Done – it has been sent. I'll let you know as soon as someone acknowledges it.
consent-sent-withdraw = You can stop further notifications at any time: write "menu" and choose notifications.
withdraw-confirm = Do you want to stop all further notifications about this case? What has already been sent can't be taken back, but nobody will get anything more from me about it.
opt-withdraw-yes = Yes, stop them
opt-withdraw-no = No, keep them
withdraw-done = Done. Your consent is withdrawn, and I have noted when. Nobody will get any more notifications about this case.
opt-menu-consent = Notifications and consent

status-heading = Notifications about case { $case }:
status-nobody-told = Nobody has been told through Fyr yet.
status-acknowledged = { $role ->
        [safety-rep] { $country ->
            [DK] Health and safety representative (AMR)
           *[other] Health and safety representative (skyddsombud)
        }
        [out-of-hours] Out-of-hours contact
       *[manager] Manager
    }: acknowledged by { $who }
status-waiting = { $role ->
        [safety-rep] { $country ->
            [DK] Health and safety representative (AMR)
           *[other] Health and safety representative (skyddsombud)
        }
        [out-of-hours] Out-of-hours contact
       *[manager] Manager
    }: waiting for { $who } to acknowledge
status-nobody-answered = { $role ->
        [safety-rep] { $country ->
            [DK] Health and safety representative (AMR)
           *[other] Health and safety representative (skyddsombud)
        }
        [out-of-hours] Out-of-hours contact
       *[manager] Manager
    }: nobody acknowledged in time
status-withdrawn = { $role ->
        [safety-rep] { $country ->
            [DK] Health and safety representative (AMR)
           *[other] Health and safety representative (skyddsombud)
        }
        [out-of-hours] Out-of-hours contact
       *[manager] Manager
    }: stopped
status-consent-withdrawn = You have withdrawn your consent: nobody gets further notifications about this case.

## Messages about the notifications

ack-told-employee = { $who } has acknowledged your message about case { $case }.
escalation-next = Nobody has acknowledged your message yet, so I have now sent it on to { $who }.
escalation-nobody-answered = Nobody has acknowledged your message about case { $case } yet. Call your manager directly, or contact:
escalation-nobody-configured = There is nobody I can notify in your unit. Please tell your manager yourself, or contact HR.

## Check-ins

followup-checkins = I'll also check in with you later to hear how you are.
checkin-how = Hi { $name }, it's Fyr, about case { $case }. How are you doing? Has anything new happened?
opt-checkin-ok = I'm all right – nothing new
opt-checkin-new = Something new has happened
opt-checkin-support = I need support
opt-checkin-close = Close the case
opt-checkin-snooze = Ask me again on the next working day
checkin-thanks = Thank you for telling me. I'm here if anything changes.
checkin-snoozed = All right – I'll ask again on the next working day.
close-confirm = Close case { $case }? The check-ins stop, and so do any notifications still waiting. What you have saved stays saved.
opt-close-yes = Yes, close it
opt-close-no = No, keep it open
case-closed = Case { $case } is closed. Take care of yourself.

## Sealed evidence

opt-evidence-write = Write it here – I keep it safe
evidence-note-intro = Write what happened, or paste a link – one message at a time. I keep each one safe, with the time and a digital fingerprint that shows if anything is changed later. Choose 1 when you are done.
opt-evidence-done = I'm done
evidence-saved = Saved as item { $n } of case { $case } (fingerprint { $hash }…).
evidence-danger-reminder = If you are in danger right now: call 112, or write "danger".

## Deleting your data

opt-menu-erase = Delete my data
erase-confirm = Do you want me to delete everything about you: your cases, your notes and evidence, and where we were? It cannot be undone. Notifications already delivered to others can't be taken back.
opt-erase-yes = Yes, delete everything
opt-erase-no = No, keep it
erased = Done. Everything I had about you is deleted.
opt-start-over = Start again

## Export

opt-menu-export = Export my case (report and evidence)
exported = Your case report, the original evidence and a list of fingerprints are put together. You can hand them to the police, your employer or a lawyer.
export-files = The files are here:
    { $files }
export-ask-operator = The export is not sent as files here. Your administrator can make it for you – give them the reference { $case }.
export-by-operator = Your administrator exported case { $case }: a report, your original evidence and a list of fingerprints, saved unencrypted in { $folder }. Those files are deleted when your case is deleted; copies made from them are not.
case-erased-by-operator = Your administrator has deleted case { $case } with everything in it. If you still need help, write anything and we start again.
export-attached = Here is the export of case { $case }: the report as a PDF, the original evidence in a zip file and a manifest of checksums. Keep the files somewhere safe, for example for a police report.
export-attached-without-originals = Here are the report and the manifest for case { $case }. The original evidence is too large to send here – your administrator can produce it for you with the reference { $case }.
export-failed = Something went wrong while the export was being made. Nothing is lost; please try again later.

## Colleagues who help with evidence
opt-menu-helper = Ask a colleague to help me collect evidence
helper-ask = Write the name of the colleague you would like to ask – for example someone who saw what happened, or who can take screenshots for you. They can add notes, links and pictures to your case, but see only what they added themselves – not your evidence and not who else knows. Nobody is asked until you confirm.
helpers-current = These colleagues are helping you now:
helpers-current-item = { $helper } – has added { $count }
opt-helper-remove = End the colleagues' access
helper-not-found = I can't find anyone by that name. Write their first and last name as they appear in the staff list.
helper-not-yourself = That is your own name. Write the name of the colleague you would like to ask.
helper-ambiguous = Several people have that name. Write both first and last name.
helper-confirm = Shall I ask { $helper } to help you collect evidence? { $helper } will learn your name and the case reference, but nothing else about what happened.
opt-helper-send = Yes, ask
opt-helper-cancel = No, cancel
helper-sent = I have asked { $helper }. What { $helper } adds goes into your case and is part of your export. You can end the access from the menu whenever you like.
helper-already = That colleague is already helping you.
helper-removed = Done. Your colleagues can no longer add anything to your case. What they already added stays.
alerted-after-hours = It is outside working hours and the unit has no on-call contact, so { $who } may not see the alert before { DATE($when) }. Don't wait for that: if you are in danger, call 112. If you need the police but it is not urgent: { $country ->
        [DK] 114
       *[other] 114 14
    }.
tell-declined = That is your choice, and it is completely fine. If you want to tell someone later, you will find it under "Who should know" in the menu.
preview-out-of-hours = It is outside working hours, so the message goes first to { $who }, the out-of-hours contact.
preview-handover = When the working day begins, { DATE($when) }, it also goes to your manager, { $who }, who then takes over the case.
preview-rep-chain = If the { $country ->
        [DK] representative (AMR)
       *[other] representative (skyddsombud)
    } does not acknowledge in time, it goes to the next: { $then }.
preview-after-hours = It is outside working hours, so { $who } may not read it before { DATE($when) }. If you are in danger meanwhile: call 112. The police when it is not urgent: { $country ->
        [DK] 114
       *[other] 114 14
    }.
consent-sent-after-hours = As it is outside working hours, it may be { DATE($next_work) } before anyone reads it. If you are in danger: call 112.
handover-told-employee = The working day has begun: your manager, { $who }, now has your message and takes over the case.
escalation-rep-nobody-answered = No health and safety representative has acknowledged your message about case { $case } yet. You can contact a representative directly, or:
escalation-rep-nobody-answered-manager-knows = No health and safety representative has acknowledged your message about case { $case } yet. Your manager, { $manager }, has acknowledged it and knows. You can contact a representative directly, or:
start-greeting-manager = Hi { $name }, I'm Fyr. You are a manager here: I help you when a member of your staff has been threatened, harassed or attacked at work – with what to do today and in the weeks ahead. And if you are targeted yourself, I help you too. We take one question at a time.
start-greeting-safety-rep = Hi { $name }, I'm Fyr. You are a health and safety representative: I help you support a member of staff who has been threatened, harassed or attacked at work, and see that it is prevented. If you are targeted yourself, I help you too. We take one question at a time.
channel-question = How did it reach you?
opt-channel-online = Online – posts, comments or social media
opt-channel-written = By mail, letter or text message
opt-channel-spoken = By phone or face to face
evidence-save-spoken = Keep what there is: the call log with time and number, voicemails, and any recordings your workplace makes. Write down word for word what was said, as well as you remember.
stop-other-casework = Do not hit back and do not get drawn into an argument. Questions about the case itself are part of your work: answer them briefly and factually, once – after that you need not repeat yourself.
short-four-steps = One way to meet criticism, in four steps:
    1. Confirm that you understood what the person is unhappy about.
    2. Apologise if something really went wrong.
    3. Explain briefly what applies and why.
    4. Refer onward – for example to how to appeal, or to someone who can help.
short-casework = Your ordinary work on the person's case goes on as usual – criticism is no reason to stop handling it.
short-relief = If it wears you down, you may ask for relief: a colleague takes over the calls or mails, answers go from a shared function mailbox, or someone else takes the case.
short-tell = Do you want your manager to know? It is your choice. I can send a short message for you, and you will see it first.
short-done = That was the most important part. Come back whenever you want – write "menu" to see everything else, for example advice on hard calls and mails.
short-crossed-line = If it crosses a line – threats, harassment, or the person turning up where you are – choose 1, and we go through everything that applies then. If you are in danger: call 112. The police when it is not urgent: { $country ->
        [DK] 114 or politi.dk
       *[other] 114 14 or polisen.se
    }.
new-incident-safety = First: are you or anyone else in danger right now? Call 112.
checkin-new-which = Is the new thing part of this same case, or something else?
opt-new-same-case = The same matter – the same person or case
opt-new-other-case = Something else – a new case
support-union = Your union and occupational health service can support you too.
exposure-function-signature = From now on, if your workplace allows it, you can sign with your role or a function mailbox instead of your name.
consent-preview-short = The message says you experienced { $kind ->
        [threat] a threat
        [harassment] harassment or hate
        [online-exposure] online exposure or a personal attack online
        [criticism] hostile criticism or persistent complaints
        [hard-contact] a hard call or mail
       *[other] something experienced as pressure
    } and { $request ->
        [call-today] ask for a call today
        [meeting] ask for a meeting
        [urgent] ask for help at once
       *[just-know] only want them to know
    } – nothing else from our conversation. Choose "Show exactly what they read" for the whole text.
opt-preview-full = Show exactly what they read
preview-unreachable = I cannot reach { $who }: there is no account on any of the chat platforms I use, so the message does not go there.
preview-no-next = If { $who } does not acknowledge it, there is no deputy or other manager I can pass it on to.
preview-no-manager-reachable = There is no manager I can reach, so the message will not get to any manager.
preview-no-rep-reachable = There is no { $country ->
        [DK] health and safety representative (AMR)
       *[other] health and safety representative (skyddsombud)
    } I can reach, so the message will not get there.
preview-suggest-rep = If you want more people to know, you can also choose the { $country ->
        [DK] representative (AMR)
       *[other] representative (skyddsombud)
    }, { $who }: choose "Change whom or what".
preview-suggest-manager = You can also choose your manager, { $who }: choose "Change whom or what".
preview-suggest-hr = You can also go to HR directly: { $value }.
consent-preview-nobody = As things stand the message would reach nobody, so I will not send anything. Choose "Change whom or what" if you want to pick someone else.
consent-sent-nobody = I could not send the message: nobody you chose can be reached through me. Tell them yourself, or contact HR.
