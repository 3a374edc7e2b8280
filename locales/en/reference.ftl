# Fyr — reference texts: who reports what, the law that may apply, and texts to copy
# (English: UI fallback only).

## Who reports what

who-intro = Who does what in your country:

## The law that may apply

who-law-intro = The law that may apply (only the police and the courts decide whether it does):

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
