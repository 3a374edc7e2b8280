# Fyr — shared interface texts (English: UI fallback only; Swedish and Danish are the product languages).

## Answers used by many steps

opt-next = Continue
opt-done = Done
opt-later = Not yet – I'll do it later
opt-not-relevant = Not relevant for me
opt-danger-now = I'm in danger right now
opt-change-language = Change language (svenska / dansk / English)

## Language

language-choose = Which language would you like me to write in?
opt-lang-sv = Svenska
opt-lang-da = Dansk
opt-lang-en = English
language-changed = All right – I'll write in English from now on.

## Commands

help =
    You can write these at any time:
    • a number – to choose an option
    • help – show this list
    • back – go back one step
    • menu – jump to another part
    • stop – pause; you can continue whenever you like
    • language – change language (or write svenska, dansk or english)
    If you are in danger right now: call 112.
paused = I've paused here, and everything you've told me is saved. Write anything when you want to continue – today or another day. If you are in danger: call 112.
resumed = Welcome back. This is where we were:

## Errors the person can fix

error-out-of-range = { $max ->
        [1] There is only one option here: answer with 1.
       *[other] Please choose a number between 1 and { $max }.
    } If you are in danger right now: call 112.
error-not-understood = I didn't quite understand. { $max ->
        [1] Answer with 1
       *[other] Answer with a number between 1 and { $max }
    }, or write "help" to see what else you can write. If you are in danger right now: call 112.
error-too-long = That message is too long for me. Please answer with a number, or write something shorter.
error-nothing-to-go-back-to = There is no earlier step to go back to.

## Menu

menu-intro = Where would you like to go?
opt-menu-continue = Back to where I was
opt-menu-kind = What happened
opt-menu-evidence = Secure the evidence
opt-menu-stop-harm = Stop the harm
opt-menu-tell = Who to tell
opt-menu-report = Report and register
opt-menu-support = Support
opt-menu-summary = Summary

## Support contacts from bot.toml

contact-hr-crisis-line = HR crisis line: { $value }
contact-security-coordinator = Security coordinator: { $value }
contact-occupational-health = Occupational health service: { $value }
contact-crisis-psychologist = Crisis psychologists: { $value }
contact-none = Ask your manager or HR which support your employer offers.

## Console

console-unknown-person = There is nobody with the id "{ $id }" in the configuration. Check the ids under [[person]] in bot.toml.
console-unknown-command = Unknown console command. Use /as ID, /advance 3h (with --clock simulated) or /quit.
console-bad-advance = Write /advance followed by a duration, for example /advance 3h, /advance 90m or /advance 2d.
console-not-simulated = /advance only works when Fyr is started with --clock simulated.
console-advanced = The simulated clock now shows { $time }.
console-now-writing = You are now writing as { $id }.

## Chat platforms

not-staff = Hello! Fyr supports the organisation's own staff, and I can't find you among them. If you work here, ask your manager to add you. If you are in danger, call 112.
matrix-undecryptable = I couldn't read your last message – the encryption keys haven't arrived yet. Please send it again in a moment.
matrix-left-shared-room = I left a room that had more people in it than you and me – I only talk with you one to one. Please carry on here instead. If you are in danger right now, call 112.
matrix-left-unencrypted = I left a conversation without encryption and couldn't turn it on there. What you tell me should be readable by you and me only, so let's carry on here, encrypted. If you are in danger right now, call 112.
attachment-not-stored = I couldn't fetch the file you sent, so it is not saved. Please try sending it once more. If that fails, keep it somewhere safe yourself and note what it shows and when you got it.
button-stale = That button belongs to an earlier question. Here is where we are now:
not-yet-delivered = My last message has not reached you yet, so I have not acted on what you wrote. Answer again once you see it. If you are in danger now, call 112.
console-file-usage = Write /file followed by the path of a file, for example /file ~/screenshot.png.
console-file-unreadable = I can't read that file. Check the path and that you may read it.
console-file-too-big = That file is too big: the limit is { $max } MB. Save it somewhere safe yourself and note what it shows.
slow-down = You are sending messages faster than I can answer them. Please wait a moment and then write again – I'm still here. If you are in danger, call 112.

## Discord
discord-command = Talk to Fyr in a private message about threats, harassment or hate at work
discord-dm-opened = I've written to you in a private message. Only you can see this answer. If you are in danger right now, call 112.
discord-dm-failed = I couldn't send you a private message. Allow direct messages from members of this server (Privacy Settings) and type /fyr again. If you are in danger right now, call 112.
discord-dm-error = I couldn't open a private conversation with you just now – Discord didn't answer as it should. Wait a moment and type /fyr again. If you are in danger right now, call 112.
discord-server-not-served = Fyr is not set up for this server. Write to Fyr in a private message instead, or ask whoever looks after Fyr where you work. If you are in danger right now, call 112.
discord-button-unknown = I don't recognise that button – it probably comes from an older message. Write anything to me and we'll carry on where we were.
said-greeting = Hi! Let's carry on where we were.
said-contact = Whether to answer or make contact: if the person threatened or harassed you, do not answer yourself and do not contact them – let your manager decide how contact is handled. If it is criticism, your ordinary work on the case can go on, factual and brief. More under "Advice topics" in the menu.
said-crime = Whether something is a crime is for the police and, in the end, a court to decide – I cannot judge it. You can always report it to the police, and your employer can help you. Under "Who reports what" in the menu you can see which laws may apply.
said-police = About reporting to the police: write "menu" and choose "Report and register". If you are in danger right now: call 112.
said-evidence = About evidence: write "menu" and choose "Secure the evidence" – it says how to save it and how I keep it safe.
said-question = I cannot answer that in free text. Write "menu" to see everything I can help with, or ask your manager, HR or the health and safety representative.
opt-not-applicable = Not applicable
contact-communicator = Communications: { $value }
contact-secretariat = Secretariat: { $value }
contact-routine = Your routine for threats and harassment: { $value }
