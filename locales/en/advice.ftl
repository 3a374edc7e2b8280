# Fyr — advice topics any staff member can open from the menu (English: UI fallback only).

## Menu

advice-menu-intro = Which topic would you like advice on?
opt-advice-criticism = Answering hard criticism
opt-advice-trolls = Trolls and aggressive writers
opt-advice-complainer = Persistent complainers
opt-advice-phone = Difficult phone calls
opt-advice-mail = Mail and written questions
opt-advice-meetings = Unruly public meetings
opt-advice-worried = Worried or threatening?
opt-advice-response = Response times and signing
advice-more = Write "menu" to see more topics, or continue where you were.

## Answering hard criticism

advice-criticism-intro = Hard criticism comes with public service, and often it has a point. Don't hide mistakes and don't be afraid of the criticism – an open answer usually settles more than silence does. Four steps can help.
advice-criticism-acknowledge = First, acknowledge. Show that you have heard the person and understand the feeling, even if you see the matter differently. You rarely know everything that lies behind a strong reaction.
advice-criticism-apologise = Second, apologise if something could have been done better. Say what will change, and thank the person if the criticism taught you something.
advice-criticism-explain = Third, explain. Tell the person what happened and why it turned out that way – plainly, and without defending yourself.
advice-criticism-refer = Fourth, show the way on. Tell the person where they can turn for more help, and how to go about it.

## Trolls and aggressive writers

advice-trolls-intro = When someone writes aggressively, you can't tell at first whether it is a troll, a persistent complainer or simply an angry person. So meet everyone the same way: politely and factually. Three steps help.
advice-trolls-acknowledge = First, acknowledge the feeling, for example: "I understand that this has been frustrating." If the matter belongs somewhere else, tell the person where to turn.
advice-trolls-answer-once = Second, answer once: short, clear and factual. Don't let yourself be drawn into an argument. If the same points come back, refer to your first answer, to other ways of getting in touch, or to the page's rules for comments.
advice-trolls-stop = Third, stop. Once you have given a clear answer and another way forward, you don't need to reply again. Nobody wins a thread like that, and every reply keeps it alive.
advice-trolls-not-upset = Never reply while you are upset. Wait, say that you will come back to it, or talk to a colleague first. Leave out irony and don't get defensive – both only add fuel.

## Persistent complainer

advice-complainer-signs =
    Psychotherapist Jakob Carlander describes seven warning signs of a persistent complainer:
    • long, rambling texts
    • total certainty of being right
    • demands that can't be met
    • law mixed with personal experience, and a strong urge to appeal
    • threats to report the caseworker, go to the media or write about the case on social media
    • eagerness to record calls or film meetings
    • threatening language, sometimes even illegal
advice-complainer-svalka =
    The SVALKA method can help you stay steady. The letters come from Swedish keywords:
    • Separera (separate) – keep your professional role apart from your private self.
    • Validera (validate) – show that you have understood, without judging. Keep your answers short and clear.
    • Acceptera (accept) – accept that the behaviour exists, and that the contacts may be many, long and demanding.
    • Lågaffektivt bemötande (low-arousal approach) – do what you are obliged to do, but no more, and don't let the emotions carry you along.
    • Kommunicera (communicate) – keep your colleagues and your manager informed. Nobody should carry this alone.
    • Analysera (analyse) – look at what is happening together, while it goes on and afterwards. Learn from it and build routines.
advice-complainer-relief =
    If it gets too much, ask your manager for relief. For example:
    • someone else opens and answers the mail
    • replies go out from a shared departmental mailbox instead of in your name
    • a lawyer decides before any mail or chat is released
    • another caseworker takes over the case
advice-complainer-not-alone = Contacts like these can wear anyone down, and that is not a sign of weakness. Talk to your colleagues and your manager – you shouldn't have to carry it alone.

## Difficult phone calls

advice-phone-calm = Keep your voice calm and neutral, and answer only what you are sure of. Don't argue, and don't defend yourself.
advice-phone-pause = A pause is better than a hasty answer. If you can't answer straight away, offer to call back, or ask for the questions by mail.
advice-phone-end = You may end a call that is abusive or going nowhere. Say clearly that you are ending the call – then end it.
advice-phone-threat = If you are threatened, stay calm and let the person finish. Ask an open question, such as "What do you mean?", then a closed one, such as "Are you threatening me?" – and say plainly that you perceive it as a threat. Note the caller's apparent gender, age and dialect, and let a colleague take over the call or pass you notes with tips if you need help.

## Mail

advice-mail-asked = Keep your reply short, and answer only what was actually asked.
advice-mail-receipt = If the answer will take time, confirm straight away that you have received the message, and say when the person can expect an answer.
advice-mail-documents = Release requested documents promptly – the same day if you can, and within about a week when the request is large.
advice-mail-overall = When a mail holds many detailed questions, you can answer at a more overall level. When the same questions come back, refer to your earlier answers.
advice-mail-closing = When it is reasonable, you can write that the questions have now been answered, that the matter is closed, and that you won't answer further questions about it. Agree on this with your manager first.

## Unruly meetings

advice-meetings-rules = Agree on clear ground rules when the meeting starts. If they are broken, you may stop the meeting.
advice-meetings-calm = Be calm and respectful, also towards those who are upset. Hold on to your key messages, avoid going into detail, and let each person finish speaking.
advice-meetings-stations = Consider a meeting format with "stations" in several rooms that people move between. That makes it hard for a single person or group to take over.
advice-meetings-plan = Plan the format beforehand together with your communications staff. If the meeting may turn threatening, also involve whoever is responsible for security where you work.

## Worried or threatening?

advice-worried-signs = A worried citizen has a genuine concern and wants an answer, not a fight. The tone may be sharp, so read or listen carefully before you decide what kind of contact it is.
advice-worried-respond = Give worried people priority: reply quickly, and offer to call them back or to meet. An early, personal answer often keeps the worry from growing.
advice-worried-line = If the contact contains threats, harassment or exposure, it is no longer about worry. Write "menu" and choose "What happened".

## Response times and signing

advice-response-sign = Sign with your first and last name and your title – it builds trust and shows that you know the subject. If you fear serious threats or harassment, it is fine to answer without your name.
advice-response-times = Reply within the time your organisation has set. If a full answer will take longer, reply anyway and say when it will come.
advice-response-same = Where possible, let the same person handle follow-up questions. If a journalist gets in touch, tell your communications officer first – reporters often call several people about the same story.
advice-response-friday = Avoid publishing on heated topics on a Friday. A storm that starts then can grow all weekend with nobody there to respond.
