# Fyr — reference texts: who reports what, the law that may apply, and texts to copy
# (English: UI fallback only).

## Who reports what

who-intro = Who does what in your country:
who-se-police = Police: the employee can report it at polisen.se or on 114 14. The employer always offers to file the report in its own name instead. Either way, the employee is the injured party (målsägande).
who-dk-police = Police: the employee is the complainant (anmelder) and reports it at politi.dk or on 114 – with help from their leader.
who-se-incident = Incident report: the incident is reported in the employer's system for incidents and near misses (tillbud), marked "otillåten påverkan" (undue influence).
who-dk-incident = Registration: the leader registers the incident in the employer's system, in the category "mindre vold, trusler og anden krænkende adfærd" – serious incidents as a work injury (arbejdsskade).
who-se-authority = Authorities: the employer reports serious incidents to Arbetsmiljöverket (the Swedish Work Environment Authority) without delay, and work injuries to Försäkringskassan (the Swedish Social Insurance Agency).
who-dk-authority = Work injuries: these go to Arbejdsmarkedets Erhvervssikring (AES) through EASY – often by way of the registration system, for example SafetyNet.
who-se-victim = Victim support: Brottsofferjouren, 116 006 (free of charge).
who-dk-victim = Victim support: Offerrådgivningen, 116 006 (free of charge).

## The law that may apply

who-law-intro = The law that may apply (only the police and the courts decide whether it does):
law-se-bb-17-1 = 17 kap. 1 § brottsbalken (BrB, the Swedish Criminal Code) – violence or threats against a public official (våld eller hot mot tjänsteman): violence or threats of violence against someone who exercises public authority, in their work, to influence it or as revenge for it.
law-se-bb-4-5 = 4 kap. 5 § brottsbalken (BrB) – unlawful threats (olaga hot): threatening someone with a crime in a way that can make them seriously afraid for their own or someone else's safety.
law-se-bb-4-7 = 4 kap. 7 § brottsbalken (BrB) – molestation (ofredande): laying hands on someone, or disturbing them through other reckless behaviour – for example repeated unwanted calls or messages.
law-se-bb-5-1 = 5 kap. 1 § brottsbalken (BrB) – defamation (förtal): pointing someone out as criminal or blameworthy, or spreading other information that can expose them to the contempt of others. As a rule it is the injured person who takes the case forward; a prosecutor steps in only in some cases.
law-se-bb-5-3 = 5 kap. 3 § brottsbalken (BrB) – insult (förolämpning): abusing someone with offensive words, accusations or other degrading behaviour towards them.
law-dk-119 = § 119 of straffeloven (the Danish Criminal Code) – violence or threats of violence against someone in public service or public office, while they do their work or because of it.
law-dk-119a = § 119 a of straffeloven – harassment of someone in public service or public office, for example through repeated contact or by following them, in their work or because of it.
law-dk-266 = § 266 of straffeloven – threats: threatening a criminal act in a way that can make someone seriously afraid for their own or others' life, health or welfare.
law-dk-267 = § 267 of straffeloven – defamation (ærekrænkelse): offensive words or acts, or spreading accusations that can lower someone in the eyes of others. As a rule it is the victim's own case to bring.

## Texts to copy (Fyr never sends them)

tpl-intro = Here is a text you can copy and adapt. Fyr never sends it. Replace the parts in [square brackets].
opt-tpl-police = Summary for the police
opt-tpl-platform = Report to a platform
opt-tpl-deindex = Remove search results
opt-tpl-incident = Text for the incident report
opt-tpl-dk-letter = Letter to the person behind it

tpl-police =
    Summary for a police report
    Reference: { $case }
    On { DATE($date) }, { $employee } was subjected to { $kind ->
        [threat] a threat
        [harassment] harassment or hate
        [online-exposure] online exposure or a personal attack online
        [criticism] hostile, persistent criticism
        [hard-contact] a hard phone call or mail
       *[other] something they experienced as pressure
    } in connection with their work.
    Where: [place, or link to the post]
    What was said or written: [the exact words, or a reference to the screenshot]
    The person behind it, if known: [name, profile or phone number]
    Witnesses: [names and phone numbers]
    Evidence saved: [screenshots, mails, messages, voicemail, links]
tpl-platform =
    Report: content aimed at a public employee
    Hello,
    I am reporting the posts at these addresses: [links]
    The posts name an employee in the public sector and contain { $kind ->
        [threat] threats
        [harassment] harassment or hate
        [online-exposure] exposure and personal attacks
        [criticism] hostile and abusive criticism
        [hard-contact] abusive messages
       *[other] content meant to put pressure on them
    }.
    In my view they break your rules, and I ask you to remove them.
    Screenshots of all the posts have been saved.
    Sent by: [your name and e-mail address]
tpl-deindex =
    Request to remove search results
    Hello,
    I ask you to remove the results that appear in a search for the name { $employee } and lead to these pages: [links]
    The pages hold offensive content that exposes { $employee } and does them harm.
    The content has been online since at least { DATE($date) }.
    Screenshots of the pages have been saved.
    Sent by: [your name and e-mail address]
tpl-incident =
    Incident report
    Date: { $date }
    An employee was subjected to { $kind ->
        [threat] a threat
        [harassment] harassment or hate
        [online-exposure] online exposure or a personal attack online
        [criticism] hostile, persistent criticism
        [hard-contact] a hard phone call or mail
       *[other] something they experienced as pressure
    } in connection with their work.
    Description: [a few sentences about what happened]
    Consequences for the employee: [for example fear, poor sleep, time off]
    Measures taken: [for example support offered, routines changed, police report]
    Reference: { $case }
    Category: [the category your employer's system uses]
tpl-dk-letter =
    WARNING: HR or the legal team (HR/jura) must review this letter before it is sent. Delete this line once that is done.
    To: [name and address of the recipient]
    We have become aware that staff of [department] have been named on social media, for example here: [link]
    We ask you to remove the posts and the names straight away.
    We are looking into whether the posts may be a breach of straffeloven § 119 a (the Danish Criminal Code), which concerns harassment of people in public service because of their work.
    If the content is not removed, you will hear from us again.
    Kind regards
    Name and title: [the leader's name and title]
