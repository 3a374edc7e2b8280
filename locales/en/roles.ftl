# Fyr — texts for managers, safety representatives and colleagues (English: UI fallback only).

## Start options

opt-start-manager = Manager: my employee is targeted
opt-start-safety-rep = I'm a health and safety representative
opt-start-colleague = How do I support a colleague?
opt-start-advice = Advice for hard contacts
opt-menu-advice = Advice topics
opt-menu-templates = Texts to copy (templates)
opt-menu-who-files = Who reports what

## Manager checklist

mgr-intro = This is your checklist for case { $case }. I keep track of what is done and remind you of what is still open. You see only what your employee agreed to share. Answer each point with done, not yet or not relevant.
mgr-general = I can give you general guidance as a manager, but I hold no information about any case here. The best way is for your employee to write to Fyr themselves – then they decide what is shared, and with whom.
mgr-talk-today = Talk with your employee the same day. Listen, take notes, and ask what they need – practical help as well as support for how they feel.
mgr-safety = Make sure your employee is safe: not alone, someone to go home with, and time off if they need it. Go through together what private information about them is public, and help limit it.
mgr-colleagues = Tell colleagues only in the way you and your employee have agreed. Offer the team a debriefing – it can affect them too.
mgr-follow-up = Plan follow-up talks with your employee, and keep them informed of what happens in the case. Reactions can come late – sometimes weeks afterwards.
mgr-question = Is this done?
mgr-summary-intro = Your checklist for case { $case }:
mgr-summary-done = Done:
mgr-summary-left = Still open – I'll remind you:
mgr-summary-none-left = Everything is done or not relevant. Thank you.
mtask-talk-today = Same-day talk with the employee
mtask-safety = Immediate safety taken care of
mtask-support = Support arranged
mtask-report = Incident reported or registered
mtask-police = Help with the police report
mtask-colleagues = Colleagues informed as agreed
mtask-director = Director informed
mtask-offender = Person behind it contacted
mtask-follow-up = Follow-up talks planned
mtask-local = A step of your own routine
mgr-open-reminder = Reminder, case { $case }: these items are still open:
opt-mgr-checklist = Open my checklist

## Safety representative

sr-role = Your role as health and safety representative is to work for a good work environment together with management. You see only what the employee has agreed to share with you.
sr-check = Check with the manager that the incident is registered, that support has been offered (talk support or a crisis psychologist), that the employee is not left alone, and that follow-up has been agreed.
sr-not = Two things are not yours to do: contacting the person behind it, and judging whether it is a crime. Leave those to management, HR and the police.
sr-prevent = Afterwards, look at prevention and routines together with management – for example how easy staff are to find online, work and private phones, and training in handling conflict.

## Colleague: how to support someone

col-intro = Thank you for wanting to support your colleague. A few simple things help the most.
col-be-there = Stay close and be visible. Find a quiet room, and don't leave your colleague alone. Listen, and show that you understand. If they want, go with them to their manager.
col-dont = Don't comment in public, and don't defend your colleague or hit back in the threads – it only makes things worse.
col-evidence = Help take screenshots before anything is deleted, and be a witness to them. Note the date, the time and the links.
col-accounts = Offer to look after their private accounts for a while – reading, saving and reporting to the platform – so that they don't have to read it themselves.
col-tell = Encourage your colleague to tell their manager – and don't pass anything on without their agreement. If the same person contacts you too, tell your own manager.
col-yourself = Look after yourself too – this can affect you as well. Join a debriefing if one is offered, and talk to someone you trust.
col-fyr = Your colleague can also write to Fyr themselves. Fyr guides them step by step, and tells others only if they agree.
mgr-home-family = Does the threat concern the family, or has the person turned up at home? Help with home security and with protected details: { $country ->
        [DK] a restraining order (tilhold) through the police, and name and address protection through the population register.
       *[other] a contact ban (kontaktförbud) through the police or prosecutor, and protected personal data with Skatteverket.
    }
mgr-communicator = Ask communications for help: watching what is written, and what you say if the media get in touch. Your staff member should not have to answer themselves.
mgr-dk-citizen-handling = Decide with your staff member how the citizen is handled from now on: a time-limited contact ban, contact by appointment only, a function mailbox, or another caseworker.
col-take-over = You may take over a threatening call, or pass your colleague a note or a mail with tips for ending it.
mgr-today-heading = Today:
mgr-week-heading = This week:
opt-mgr-this-week = What do I do this week?
