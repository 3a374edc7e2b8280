//! The conversation engine: a pure state machine. `step(session, input, env)` returns the new
//! session and the effects to carry out. It does no I/O, reads no clock (time comes in `Env`) and
//! knows no tokio, sled or chat SDK. Effects carry Fluent message ids, never rendered text, so
//! each recipient can be addressed in their own language by the driver.

pub mod calendar;
pub mod command;
pub mod employee;
pub mod playbook;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{CaseId, Country, IncidentKind, Language, PersonId};
use playbook::{Act, Cond, Goto, Para, Phase, Playbook, Step, Target, Task, TaskStatus};

pub use command::{Command, Input};

/// How many steps "back" remembers.
const BACK_LIMIT: usize = 32;

/// Where one person is in their conversation with Fyr.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    pub person: PersonId,
    /// The language chosen in chat; `None` means the person's configured language.
    pub language: Option<Language>,
    /// The current step; `None` before the first greeting.
    pub step: Option<String>,
    pub back: Vec<String>,
    pub paused: bool,
    /// The case this conversation is about, once one is opened.
    pub case: Option<CaseId>,
    pub updated_at: DateTime<Utc>,
}

/// One incident. Its country is the unit's, fixed when the case opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub owner: PersonId,
    pub country: Country,
    pub kind: Option<IncidentKind>,
    pub phase: Phase,
    pub opened_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When the employee said they were in immediate danger (the last time).
    pub immediate_danger_at: Option<DateTime<Utc>>,
    pub tasks: BTreeMap<Task, TaskStatus>,
}

/// Everything the engine needs about one person's conversation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub conversation: Conversation,
    pub case: Option<Case>,
}

impl Session {
    pub fn new(person: PersonId, now: DateTime<Utc>) -> Session {
        Session {
            conversation: Conversation {
                person,
                language: None,
                step: None,
                back: Vec::new(),
                paused: false,
                case: None,
                updated_at: now,
            },
            case: None,
        }
    }
}

/// A support contact configured for the unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactKind {
    HrCrisisLine,
    SecurityCoordinator,
    OccupationalHealth,
    CrisisPsychologist,
}

impl ContactKind {
    pub const ALL: [ContactKind; 4] = [
        ContactKind::HrCrisisLine,
        ContactKind::SecurityCoordinator,
        ContactKind::OccupationalHealth,
        ContactKind::CrisisPsychologist,
    ];

    pub fn message_id(self) -> &'static str {
        match self {
            ContactKind::HrCrisisLine => "contact-hr-crisis-line",
            ContactKind::SecurityCoordinator => "contact-security-coordinator",
            ContactKind::OccupationalHealth => "contact-occupational-health",
            ContactKind::CrisisPsychologist => "contact-crisis-psychologist",
        }
    }
}

/// What the engine is told about the person and their unit: resolved from configuration by the
/// driver.
#[derive(Clone, Debug)]
pub struct Profile {
    pub person: PersonId,
    pub display_name: String,
    pub country: Country,
    pub contacts: Vec<(ContactKind, String)>,
    pub incident_system: Option<String>,
}

/// The world outside the engine at the moment of one step.
#[derive(Clone, Debug)]
pub struct Env<'a> {
    pub now: DateTime<Utc>,
    pub profile: &'a Profile,
    /// A fresh random case reference, used if this step opens a case.
    pub fresh_case_id: &'a CaseId,
}

/// An argument of a message.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    Str(String),
    Num(i64),
}

/// A message to render: a Fluent id with arguments. `item` marks a line of a list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    pub item: bool,
}

impl Msg {
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
            item: false,
        }
    }

    pub fn arg(mut self, name: &'static str, value: Arg) -> Msg {
        self.args.push((name, value));
        self
    }

    fn item(mut self) -> Msg {
        self.item = true;
        self
    }
}

/// A message to one person: paragraphs and numbered options.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outgoing {
    pub to: PersonId,
    pub body: Vec<Msg>,
    pub options: Vec<Msg>,
}

/// What the driver must do after a step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Effect {
    Send(Outgoing),
}

/// The playbook a session follows. Every person gets the employee playbook for now; the roles
/// issue adds the others.
pub fn playbook_for(_session: &Session) -> &'static Playbook {
    &employee::EMPLOYEE
}

/// The labels of the options currently offered, in order; the driver renders them to match
/// answers given in words.
pub fn current_options(session: &Session, env: &Env) -> Vec<&'static str> {
    let book = playbook_for(session);
    let Some(step) = current_step(book, session) else {
        return Vec::new();
    };
    visible_choices(step, session.case.as_ref(), env)
        .map(|c| c.label)
        .collect()
}

/// The step the session is at, if it has been greeted.
fn current_step(book: &'static Playbook, session: &Session) -> Option<&'static Step> {
    session
        .conversation
        .step
        .as_deref()
        .and_then(|id| book.step(id))
}

/// Take one input and return the new session and what to do.
pub fn step(session: &Session, input: &Input, env: &Env) -> (Session, Vec<Effect>) {
    let mut next = session.clone();
    let mut notes: Vec<Msg> = Vec::new();
    let book = playbook_for(session);
    next.conversation.updated_at = env.now;

    let show = match (current_step(book, session), input) {
        // Acute danger always wins, wherever the person is.
        (_, Input::Danger) => {
            next.conversation.paused = false;
            enter_danger(&mut next, book, env);
            book.danger
        }
        // First contact (or a state whose step no longer exists): greet.
        (None, Input::Command(Command::Language(Some(lang)))) => {
            next.conversation.language = Some(*lang);
            book.first
        }
        (None, _) => book.first,
        (Some(current), _) if session.conversation.paused => {
            next.conversation.paused = false;
            match input {
                Input::Command(Command::Stop) => {
                    next.conversation.paused = true;
                    notes.push(Msg::new("paused"));
                    return (next, vec![send_only(env, notes)]);
                }
                _ => notes.push(Msg::new("resumed")),
            }
            current.id
        }
        (Some(current), Input::Command(command)) => match command {
            Command::Help => {
                notes.push(Msg::new("help"));
                current.id
            }
            Command::Stop => {
                next.conversation.paused = true;
                notes.push(Msg::new("paused"));
                return (next, vec![send_only(env, notes)]);
            }
            Command::Back => match next.conversation.back.pop() {
                Some(previous) if book.step(&previous).is_some() => {
                    book.step(&previous).map_or(current.id, |s| s.id)
                }
                _ => {
                    notes.push(Msg::new("error-nothing-to-go-back-to"));
                    current.id
                }
            },
            Command::Menu => {
                remember(&mut next, current);
                "menu"
            }
            Command::Language(None) => {
                remember(&mut next, current);
                "language"
            }
            Command::Language(Some(lang)) => {
                next.conversation.language = Some(*lang);
                notes.push(Msg::new("language-changed"));
                current.id
            }
        },
        (Some(current), Input::Choose(n)) => {
            let visible: Vec<_> = visible_choices(current, next.case.as_ref(), env).collect();
            match usize::try_from(*n)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| visible.get(i))
            {
                Some(choice) => {
                    apply(choice.act, current, &mut next, env);
                    let goto = choice.goto.unwrap_or(current.next);
                    match resolve(goto, next.case.as_ref(), env) {
                        Target::Back => {
                            // Going back must not push the step we leave.
                            pop_back(&mut next, book).unwrap_or(book.first)
                        }
                        Target::Step(id) => {
                            let id = skip_inapplicable(book, id, next.case.as_ref(), env);
                            if id != current.id {
                                remember(&mut next, current);
                            }
                            id
                        }
                    }
                }
                None => {
                    notes.push(
                        Msg::new("error-out-of-range").arg("max", Arg::Num(visible.len() as i64)),
                    );
                    current.id
                }
            }
        }
        (Some(current), Input::Unrecognized) => {
            let max = visible_choices(current, next.case.as_ref(), env).count();
            notes.push(Msg::new("error-not-understood").arg("max", Arg::Num(max as i64)));
            current.id
        }
        (Some(current), Input::TooLong) => {
            notes.push(Msg::new("error-too-long"));
            current.id
        }
        (Some(current), Input::Empty) => current.id,
    };

    let target = book
        .step(show)
        .expect("every transition target exists (checked by the playbook walk test)");
    let stays_in_danger = target.id == book.danger
        && current_step(book, session).is_some_and(|s| s.id == book.danger)
        && !matches!(input, Input::Command(Command::Language(_)));
    next.conversation.step = Some(target.id.to_string());
    if let Some(case) = next.case.as_mut() {
        if !target.transient && target.phase != Phase::Start {
            case.phase = target.phase;
        }
        case.updated_at = env.now;
    }
    let outgoing = if stays_in_danger {
        // Anything but "I am safe" while in danger: stay, short and calm, with 112 first.
        Outgoing {
            to: env.profile.person.clone(),
            body: vec![Msg::new("danger-still-here")],
            options: visible_choices(target, next.case.as_ref(), env)
                .map(|c| Msg::new(c.label))
                .collect(),
        }
    } else {
        render_step(target, &next, env, notes)
    };
    (next, vec![Effect::Send(outgoing)])
}

fn send_only(env: &Env, body: Vec<Msg>) -> Effect {
    Effect::Send(Outgoing {
        to: env.profile.person.clone(),
        body,
        options: Vec::new(),
    })
}

fn remember(session: &mut Session, current: &Step) {
    if current.transient {
        return;
    }
    let back = &mut session.conversation.back;
    if back.last().map(String::as_str) != Some(current.id) {
        back.push(current.id.to_string());
    }
    if back.len() > BACK_LIMIT {
        back.remove(0);
    }
}

fn pop_back(session: &mut Session, book: &'static Playbook) -> Option<&'static str> {
    while let Some(id) = session.conversation.back.pop() {
        if let Some(step) = book.step(&id) {
            return Some(step.id);
        }
    }
    None
}

fn enter_danger(session: &mut Session, book: &'static Playbook, env: &Env) {
    ensure_case(session, env).immediate_danger_at = Some(env.now);
    if let Some(current) = current_step(book, session) {
        remember(session, current);
    }
}

fn ensure_case<'s>(session: &'s mut Session, env: &Env) -> &'s mut Case {
    let conversation = &mut session.conversation;
    session.case.get_or_insert_with(|| {
        conversation.case = Some(env.fresh_case_id.clone());
        Case {
            id: env.fresh_case_id.clone(),
            owner: env.profile.person.clone(),
            country: env.profile.country,
            kind: None,
            phase: Phase::Triage,
            opened_at: env.now,
            updated_at: env.now,
            immediate_danger_at: None,
            tasks: BTreeMap::new(),
        }
    })
}

fn apply(act: Act, step: &Step, session: &mut Session, env: &Env) {
    match act {
        Act::Nothing => {}
        Act::Status(status) => {
            if let Some(task) = step.task {
                ensure_case(session, env).tasks.insert(task, status);
            }
        }
        Act::Kind(kind) => ensure_case(session, env).kind = Some(kind),
        Act::Language(lang) => session.conversation.language = Some(lang),
        Act::Danger => {
            ensure_case(session, env).immediate_danger_at = Some(env.now);
        }
        Act::NewCase => {
            // The old case stays in the store, open; the conversation moves to a new one.
            session.case = None;
            session.conversation.case = None;
            session.conversation.back.clear();
        }
    }
}

/// Whether a condition holds for this case (or, before a case exists, for the person's unit).
pub fn holds(cond: Cond, case: Option<&Case>, env: &Env) -> bool {
    let country = case.map_or(env.profile.country, |c| c.country);
    let kind = case.and_then(|c| c.kind);
    match cond {
        Cond::Always => true,
        Cond::In(c) => country == c,
        Cond::Kinds(kinds) => kind.is_some_and(|k| kinds.contains(&k)),
        Cond::InKinds(c, kinds) => country == c && kind.is_some_and(|k| kinds.contains(&k)),
        Cond::KindUnknown => kind.is_none(),
        Cond::KindKnown => kind.is_some(),
        Cond::HasIncidentSystem => env.profile.incident_system.is_some(),
        Cond::NoIncidentSystem => env.profile.incident_system.is_none(),
    }
}

fn visible_choices<'a>(
    step: &'static Step,
    case: Option<&'a Case>,
    env: &'a Env,
) -> impl Iterator<Item = &'static playbook::Choice> + 'a {
    step.choices
        .iter()
        .filter(move |c| holds(c.when, case, env))
}

fn resolve(goto: &[Goto], case: Option<&Case>, env: &Env) -> Target {
    goto.iter()
        .find(|g| holds(g.when, case, env))
        .map_or(Target::Back, |g| g.to)
}

/// Follow default transitions past steps that do not apply to this case.
fn skip_inapplicable(
    book: &'static Playbook,
    mut id: &'static str,
    case: Option<&Case>,
    env: &Env,
) -> &'static str {
    for _ in 0..book.steps.len() {
        let Some(step) = book.step(id) else { return id };
        if holds(step.when, case, env) {
            return id;
        }
        match resolve(step.next, case, env) {
            Target::Step(next) => id = next,
            Target::Back => return id,
        }
    }
    id
}

fn common_args(msg: Msg, session: &Session, env: &Env) -> Msg {
    let case = session
        .case
        .as_ref()
        .map_or_else(|| "-".to_string(), |c| c.id.to_string());
    let mut msg = msg
        .arg("name", Arg::Str(env.profile.display_name.clone()))
        .arg("case", Arg::Str(case));
    if let Some(system) = &env.profile.incident_system {
        msg = msg.arg("system", Arg::Str(system.clone()));
    }
    msg
}

fn render_step(step: &'static Step, session: &Session, env: &Env, notes: Vec<Msg>) -> Outgoing {
    let case = session.case.as_ref();
    let mut body = notes;
    for para in step.body {
        match *para {
            Para::Text(cond, id) => {
                if holds(cond, case, env) {
                    body.push(common_args(Msg::new(id), session, env));
                }
            }
            Para::Contacts => {
                if env.profile.contacts.is_empty() {
                    body.push(Msg::new("contact-none").item());
                }
                for (kind, value) in &env.profile.contacts {
                    body.push(
                        Msg::new(kind.message_id())
                            .arg("value", Arg::Str(value.clone()))
                            .item(),
                    );
                }
            }
            Para::Summary => body.extend(summary(session, env)),
        }
    }
    let options = visible_choices(step, case, env)
        .map(|c| Msg::new(c.label))
        .collect();
    Outgoing {
        to: env.profile.person.clone(),
        body,
        options,
    }
}

/// Which tasks apply to this case: those whose step applies.
fn relevant_tasks(case: Option<&Case>, env: &Env) -> Vec<Task> {
    employee::EMPLOYEE
        .steps
        .iter()
        .filter(|s| holds(s.when, case, env))
        .filter_map(|s| s.task)
        .collect()
}

fn summary(session: &Session, env: &Env) -> Vec<Msg> {
    let case = session.case.as_ref();
    let status = |t: Task| case.and_then(|c| c.tasks.get(&t).copied());
    let tasks = relevant_tasks(case, env);
    let done: Vec<Task> = tasks
        .iter()
        .copied()
        .filter(|t| status(*t) == Some(TaskStatus::Done))
        .collect();
    let left: Vec<Task> = tasks
        .iter()
        .copied()
        .filter(|t| matches!(status(*t), None | Some(TaskStatus::Later)))
        .collect();
    let mut out = Vec::new();
    if case.is_some_and(|c| c.immediate_danger_at.is_some()) {
        out.push(Msg::new("summary-danger"));
    }
    if done.is_empty() {
        out.push(Msg::new("summary-done-none"));
    } else {
        out.push(Msg::new("summary-done"));
        out.extend(done.iter().map(|t| Msg::new(t.label()).item()));
    }
    if left.is_empty() {
        out.push(Msg::new("summary-left-none"));
    } else {
        out.push(Msg::new("summary-left"));
        out.extend(left.iter().map(|t| Msg::new(t.label()).item()));
    }
    out
}
