## SE: the country's rules – police, reporting, support, law

who-se-police = Police: the employee can report it at polisen.se or on 114 14. The employer always offers to file the report in its own name instead. Either way, the employee is the injured party (målsägande).
who-se-incident = Incident report: the incident is reported in the employer's system for incidents and near misses (tillbud), marked "otillåten påverkan" (undue influence).
who-se-authority = Authorities: the employer reports serious incidents to Arbetsmiljöverket (the Swedish Work Environment Authority) without delay, and work injuries to Försäkringskassan (the Swedish Social Insurance Agency).
who-se-victim = Victim support: Brottsofferjouren, 116 006 (free of charge).
law-se-bb-17-1 = 17 kap. 1 § brottsbalken (BrB, the Swedish Criminal Code) – violence or threats against a public official (våld eller hot mot tjänsteman): violence or threats of violence against someone who exercises public authority, in their work, to influence it or as revenge for it.
law-se-bb-4-5 = 4 kap. 5 § brottsbalken (BrB) – unlawful threats (olaga hot): threatening someone with a crime in a way that can make them seriously afraid for their own or someone else's safety.
law-se-bb-4-7 = 4 kap. 7 § brottsbalken (BrB) – molestation (ofredande): laying hands on someone, or disturbing them through other reckless behaviour – for example repeated unwanted calls or messages.
law-se-bb-5-1 = 5 kap. 1 § brottsbalken (BrB) – defamation (förtal): pointing someone out as criminal or blameworthy, or spreading other information that can expose them to the contempt of others. As a rule it is the injured person who takes the case forward; a prosecutor steps in only in some cases.
law-se-bb-5-3 = 5 kap. 3 § brottsbalken (BrB) – insult (förolämpning): abusing someone with offensive words, accusations or other degrading behaviour towards them.
police-se-who = You can report it to the police yourself, or your employer can report it in the municipality's name. Either way you are the injured party (målsägande), and the police will want to talk to you. Your manager can come with you to the interview.
police-se-where = Report it at polisen.se or by calling 114 14. If it is urgent: 112.
police-se-even-if-doubt = Report it even if you doubt that it will lead anywhere. It shows that this is not accepted, and it is on record.
police-se-civil = If the police don't take it further, Institutet för juridik och internet can help you free of charge with a civil case.
police-se-no-verdict = Fyr can't judge whether it is a crime – that is for the police. The security coordinator can help you assess it.
incident-se-report = Report the incident in your employer's system for incidents, near misses (tillbud) and work injuries.
incident-se-mark = Write in the report that it concerns "otillåten påverkan" (undue influence), so that it is counted and followed up.
incident-se-authority = Serious incidents must also be reported to the Swedish Work Environment Authority (Arbetsmiljöverket) without delay – your manager is responsible for that.
support-se-talk = You have the right to talk support (samtalsstöd). Your employer books it, for example through the occupational health service.
support-se-victim = Brottsofferjouren (victim support) listens and helps, free of charge: 116 006.
support-se-home = Does the threat concern your family, or has the person turned up where you live? Talk to your manager about safety at home. The police or a prosecutor can decide on a contact ban (kontaktförbud), and Skatteverket can protect your personal details.
support-se-work-injury = If you have strong reactions afterwards, it may be a work injury. Your employer must report it, but you always have the right to report it to Försäkringskassan yourself.
mgr-se-support = Book talk support (samtalsstöd) for your employee, for example through occupational health (företagshälsovård). In some exposed situations it can be mandatory.
mgr-se-police = Always offer to file the police report in the employer's name if your employee would rather not do it. They remain the injured party (målsägande), and the police will want to talk to them. You may go with them to the interview, and to court if it gets that far.
