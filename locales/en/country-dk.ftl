## DK: the country's rules – police, reporting, support, law

who-dk-police = Police: the employee is the complainant (anmelder) and reports it at politi.dk or on 114 – with help from their leader.
who-dk-incident = Registration: the leader registers the incident in the employer's system, in the category "mindre vold, trusler og anden krænkende adfærd" – serious incidents as a work injury (arbejdsskade).
who-dk-authority = Work injuries: these go to Arbejdsmarkedets Erhvervssikring (AES) through EASY – often by way of the registration system, for example SafetyNet.
who-dk-victim = Victim support: Offerrådgivningen, 116 006 (free of charge).
law-dk-119 = § 119 of straffeloven (the Danish Criminal Code) – violence or threats of violence against someone in public service or public office, while they do their work or because of it.
law-dk-119a = § 119 a of straffeloven – harassment of someone in public service or public office, for example through repeated contact or by following them, in their work or because of it.
law-dk-266 = § 266 of straffeloven – threats: threatening a criminal act in a way that can make someone seriously afraid for their own or others' life, health or welfare.
law-dk-267 = § 267 of straffeloven – defamation (ærekrænkelse): offensive words or acts, or spreading accusations that can lower someone in the eyes of others. As a rule it is the victim's own case to bring.
police-dk-who = In Denmark you are normally the one who reports it (anmelder), even though it happened at work. Your leader helps you – you don't have to do it alone.
police-dk-where = Report it at politi.dk or by calling 114. If it is urgent: 112.
police-dk-together = If several colleagues are affected, one joint report is sometimes possible.
police-dk-no-verdict = Fyr can't judge whether it is a crime – that is for the police. HR and the legal team can help you assess it.
incident-dk-register = The incident is to be registered in the category "mindre vold, trusler og anden krænkende adfærd". Your leader does the registration – check with them that it has been done.
incident-dk-injury = If it was serious, or you react strongly, it is registered as a work injury (arbejdsskade).
incident-dk-doctor = Tell your own doctor as well, so that the effect on your health is on record.
support-dk-psychologist = Your leader can arrange a crisis psychologist for you. Say yes – it helps.
support-dk-victim = Offerrådgivningen (victim support) listens and advises, free of charge: 116 006.
support-dk-home = Does the threat concern your family, or has the person turned up where you live? Talk to your manager about safety at home. The police can issue a restraining order (tilhold), and you can apply for name and address protection in the population register.
support-dk-work-injury = If you have strong reactions afterwards, it may be a work injury (arbejdsskade). Your employer must report it, but you can also report it yourself to Arbejdsmarkedets Erhvervssikring.
mgr-dk-support = Arrange a crisis psychologist promptly, through the provider your municipality has an agreement with. You may insist on it. If more help is needed, call the HR crisis line.
mgr-dk-police = Help your employee file the police report at politi.dk or on 114. Your employee is the complainant (anmelder) – you support them along the way. If several staff are affected, one joint report can sometimes cover them all.
tell-dk-amr = You can go to your leader or to your health and safety representative (arbejdsmiljørepræsentant, AMR) – whichever feels easier.
guidance-manager-dk-report = Help them file the police report – they are the complainant (anmelder), and you support them. Make sure the incident is registered.
guidance-manager-dk-offender = Only management contacts the person behind it, in writing, after consulting HR and the legal team.
guidance-manager-dk-support = Arrange a crisis psychologist promptly, and stay attentive in the weeks that follow.
mgr-dk-register = Register the incident in the category "mindre vold, trusler og anden krænkende adfærd". If it is serious, or your employee reacts strongly, register it as a work injury (arbejdsskade). As the leader, this is your task.
mgr-dk-register-system = In your organisation the system is { $system }.
mgr-dk-secretariat = Inform the secretariat or the head of the authority, as your local procedure says.
sr-dk-role = As arbejdsmiljørepræsentant (AMR) you can be the first person the employee turns to, on an equal footing with the leader. The incident can then be analysed in the arbejdsmiljøgruppe (the work environment group).
exposure-dk-management-only = Don't contact the person behind it yourself. If anyone contacts them, it is your management.
criticism-dk-framework = Your workplace decides where, when and how citizens get in touch – for example only in writing, through a shared mailbox.
evidence-notes-dk-record = Remember that notes belong in the case file, as in any other case.
stop-dk-no-contact = Don't contact the person yourself. If they need to be contacted, your management does it.
stop-platform-dk-guide = Your leader can help you with the technical steps of getting content removed.
mgr-dk-offender = Only management contacts the person behind it – never your employee. Do it in writing, after consulting HR/legal or the police, and ask the person to stop and to remove the content. Fyr has a letter template you can start from; legal must review it before it is sent.
col-dk-dont-contact = Never contact the person behind it yourself – that is management's job.
advice-trolls-dk-caveat = The method comes from Swedish guidance for public employees. At a Danish workplace, the workplace's own rules decide how and when citizens get an answer – ask your manager if you are unsure, and never contact someone who threatened you yourself.
danger-dk-after-police = When it is no longer urgent, you can reach the police on 114 or at politi.dk.
acked-dk-registration = The incident is to be registered in the category "mindre vold, trusler og anden krænkende adfærd" – as a work injury (arbejdsskade) if it is serious. I'll remind you each working day until you mark it as done.
tpl-dk-letter =
    WARNING: HR or the legal team (HR/jura) must review this letter before it is sent. Delete this line once that is done.
    To: [name and address of the recipient]
    We have become aware that staff of [department] have been named on social media, for example here: [link]
    We ask you to remove the posts and the names straight away.
    We are looking into whether the posts may be a breach of straffeloven § 119 a (the Danish Criminal Code), which concerns harassment of people in public service because of their work.
    If the content is not removed, you will hear from us again.
    Kind regards
    Name and title: [the leader's name and title]
