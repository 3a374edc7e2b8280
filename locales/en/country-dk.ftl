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
