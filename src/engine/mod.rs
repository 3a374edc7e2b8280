//! The conversation engine: a pure state machine. `step(world, event, env)` returns the changed
//! world and the effects to carry out (replies, notifications for the outbox, timers). It does
//! no I/O, reads no clock (time comes in `Env`) and knows no tokio, sled or chat SDK. Effects
//! carry Fluent message ids, never rendered text, so each recipient is addressed in their own
//! language by the driver.

pub mod calendar;
pub mod command;
pub mod danger;
pub mod employee;
pub mod escalation;
pub mod evidence;
mod flow;
pub mod helper;
pub mod jurisdiction;
pub mod playbook;
pub mod recipient;
pub mod render;
pub mod roles;
pub mod state;

use std::borrow::Cow;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{CaseId, Country, PersonId, UnitId};
use calendar::WorkCalendar;
pub use command::{Command, Input};
use playbook::{Context, Playbook, Step};
pub use state::{Case, Conversation, Timer, TimerKind, World};

/// A support contact configured for the unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactKind {
    HrCrisisLine,
    SecurityCoordinator,
    OccupationalHealth,
    CrisisPsychologist,
    /// Communications: media monitoring and advice when someone is exposed (for managers).
    Communicator,
    /// The secretariat or head of the authority, told per local procedure (for managers).
    Secretariat,
    /// The unit's own routine for threats and harassment (a link to the intranet).
    Routine,
}

impl ContactKind {
    pub const ALL: [ContactKind; 7] = [
        ContactKind::HrCrisisLine,
        ContactKind::SecurityCoordinator,
        ContactKind::OccupationalHealth,
        ContactKind::CrisisPsychologist,
        ContactKind::Communicator,
        ContactKind::Secretariat,
        ContactKind::Routine,
    ];

    /// Contacts the employee is shown under support (the others are for managers).
    pub fn for_employees(self) -> bool {
        !matches!(self, ContactKind::Communicator | ContactKind::Secretariat)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            ContactKind::HrCrisisLine => "contact-hr-crisis-line",
            ContactKind::SecurityCoordinator => "contact-security-coordinator",
            ContactKind::OccupationalHealth => "contact-occupational-health",
            ContactKind::CrisisPsychologist => "contact-crisis-psychologist",
            ContactKind::Communicator => "contact-communicator",
            ContactKind::Secretariat => "contact-secretariat",
            ContactKind::Routine => "contact-routine",
        }
    }
}

/// What the engine knows about a person, resolved from configuration by the driver.
#[derive(Clone, Debug)]
pub struct Profile {
    pub person: PersonId,
    /// How Fyr greets them (the first name).
    pub display_name: String,
    /// How others are told about them.
    pub full_name: String,
    pub unit: UnitId,
    pub country: Country,
}

/// How long to wait for an acknowledgement, in working time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Waits {
    /// Remind the person asked after this long.
    pub reminder: Duration,
    /// Ask the next person in the chain after this long.
    pub next: Duration,
}

/// When a follow-up is due, counted from the case (or the acknowledgement).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUpAt {
    NextWorkingDay,
    /// The first working day on or after this many calendar days.
    Days(i64),
    /// The first working day on or after this many calendar months.
    Months(u32),
}

/// A unit's rules: working time, who is asked in which order, and local contacts.
#[derive(Clone, Debug)]
pub struct UnitPolicy {
    pub unit: UnitId,
    pub country: Country,
    pub calendar: WorkCalendar,
    /// Manager, deputies, next level — asked in turn.
    pub manager_chain: Vec<PersonId>,
    pub safety_reps: Vec<PersonId>,
    /// Asked first for urgent cases outside working hours.
    pub out_of_hours: Option<PersonId>,
    pub urgent: Waits,
    pub normal: Waits,
    pub employee_checkins: Vec<FollowUpAt>,
    pub manager_followups: Vec<FollowUpAt>,
    pub contacts: Vec<(ContactKind, String)>,
    pub incident_system: Option<String>,
    /// Whether the director is to be told about incidents (a manager's checklist item).
    pub inform_director: bool,
    /// Closed cases are erased this many months after closing (None: kept).
    pub retention_months: Option<u32>,
    /// The organisation's own items on the manager's checklist, after Fyr's.
    pub local_checklist: Vec<LocalItem>,
}

/// How many checklist items of its own an organisation can add.
pub const MAX_LOCAL_ITEMS: usize = 3;

/// A manager's checklist item of the organisation's own (`[[organisation.checklist]]`): a text
/// id of its own wording, for some kinds of incident and urgency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalItem {
    pub id: String,
    /// A short form for the checklist's lists (`<id>-label`), when the texts give one.
    pub label: Option<String>,
    /// Empty: every kind.
    pub kinds: Vec<crate::model::IncidentKind>,
    pub urgent: Option<bool>,
}

/// Look-ups the engine needs: implemented over the configuration, pure.
pub trait Directory {
    fn profile(&self, person: &PersonId) -> Option<Profile>;
    /// The persons whose full name, or else first name, is `name` (ignoring case and extra
    /// spaces): how the employee names a colleague to invite.
    fn find_by_name(&self, name: &str) -> Vec<PersonId>;
    fn policy(&self, unit: &UnitId) -> Option<&UnitPolicy>;
    /// Whether a message to `person` can reach them at all (they have an id on a chat platform
    /// Fyr is connected to). Nobody is asked, or said to be told, who cannot be reached.
    fn reachable(&self, person: &PersonId) -> bool {
        let _ = person;
        true
    }
}

/// The world outside the engine at the moment of one step.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    pub now: DateTime<Utc>,
    pub directory: &'a dyn Directory,
    /// A fresh random case reference, used if this step opens a case.
    pub fresh_case_id: &'a CaseId,
}

/// What happens: a person writes, or a timer comes due.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Message { from: PersonId, input: Input },
    Timer(Timer),
}

/// An argument of a message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    /// Shared, so the arguments every paragraph of a step carries are not copied per paragraph.
    Str(Arc<str>),
    Num(i64),
}

/// How a message is laid out among others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    #[default]
    Paragraph,
    /// A line of a list.
    Item,
    /// Quoted: the text of a notification shown in a preview.
    Quote,
}

/// A message to render: a Fluent id with arguments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Msg {
    /// Ids and argument names are the engine's own constants (borrowed); read back from the
    /// store they are owned.
    pub id: Cow<'static, str>,
    pub args: Vec<(Cow<'static, str>, Arg)>,
    #[serde(default)]
    pub style: Style,
}

impl Msg {
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id: Cow::Borrowed(id),
            args: Vec::new(),
            style: Style::Paragraph,
        }
    }

    pub fn arg(mut self, name: &'static str, value: Arg) -> Msg {
        self.args.push((Cow::Borrowed(name), value));
        self
    }

    pub fn str(self, name: &'static str, value: impl Into<Arc<str>>) -> Msg {
        self.arg(name, Arg::Str(value.into()))
    }

    pub fn styled(mut self, style: Style) -> Msg {
        self.style = style;
        self
    }
}

/// A message to one person: paragraphs and numbered options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outgoing {
    pub to: PersonId,
    pub body: Vec<Msg>,
    pub options: Vec<Msg>,
}

/// What the driver must do after a step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Effect {
    /// Answer the person who wrote, now.
    Reply(Outgoing),
    /// A message to someone else (or a timer's message): goes through the outbox, delivered at
    /// least once and, with an idempotent adapter, at most once per key.
    Notify {
        key: String,
        message: Outgoing,
    },
    SetTimer(Timer),
    CancelTimer(String),
    /// Store a sealed evidence item and its content with the step.
    SealEvidence {
        item: evidence::EvidenceItem,
        content: Vec<u8>,
    },
    /// Erase every case of this person, with their evidence, timers and notifications (they
    /// asked to delete their data).
    EraseOwner(PersonId),
    /// Erase one case (its retention period is over).
    EraseCase(CaseId),
    /// Export a case for its owner (the adapter delivers the files where it can).
    Export {
        case: CaseId,
        to: PersonId,
    },
}

/// All playbooks, for step look-up by id (step ids are unique across them).
pub const PLAYBOOKS: &[&Playbook] = &[
    &employee::EMPLOYEE,
    &recipient::RECIPIENT,
    &roles::ROLES,
    &helper::HELPER,
];

/// Find a step and the playbook it belongs to.
pub fn find_step(id: &str) -> Option<(&'static Playbook, &'static Step)> {
    PLAYBOOKS
        .iter()
        .find_map(|book| book.step(id).map(|step| (*book, step)))
}

/// The case a conversation's current step is about.
pub fn context_case<'w>(world: &'w World, conversation: &Conversation) -> Option<&'w Case> {
    let about = conversation
        .step
        .as_deref()
        .and_then(find_step)
        .is_some_and(|(book, _)| book.context == Context::About);
    let id = if about {
        conversation.about.as_ref()
    } else {
        conversation.case.as_ref()
    };
    id.and_then(|id| world.cases.get(id))
}

/// The labels of the options currently offered to `person`, in order; the driver renders them
/// to match answers given in words.
pub fn current_options(world: &World, person: &PersonId, env: &Env) -> Vec<&'static str> {
    let Some(conversation) = world.conversations.get(person) else {
        return Vec::new();
    };
    let Some((_, step)) = conversation.step.as_deref().and_then(find_step) else {
        return Vec::new();
    };
    let Some(profile) = env.directory.profile(person) else {
        return Vec::new();
    };
    let ctx = render::Ctx::new(world, conversation, &profile, env);
    render::visible_choices(step, &ctx)
        .map(|c| c.label)
        .collect()
}

/// The options `person` is offered right now, as the messages they see (with arguments: the
/// alarm button names who it alerts).
pub fn current_option_msgs(world: &World, person: &PersonId, env: &Env) -> Vec<Msg> {
    let Some(conversation) = world.conversations.get(person) else {
        return Vec::new();
    };
    let Some((_, step)) = conversation.step.as_deref().and_then(find_step) else {
        return Vec::new();
    };
    let Some(profile) = env.directory.profile(person) else {
        return Vec::new();
    };
    let ctx = render::Ctx::new(world, conversation, &profile, env);
    render::option_msgs(step, &ctx)
}

/// Whether a step takes free text (evidence notes and links).
pub fn takes_text(step: &str) -> bool {
    step == employee::EVIDENCE_NOTE || step == employee::HELPER_ASK || step == helper::HELPER_ADD
}

/// Take one event and return the changed world and what to do.
pub fn step(world: &World, event: &Event, env: &Env) -> (World, Vec<Effect>) {
    let mut tx = Tx {
        world: world.clone(),
        effects: Vec::new(),
        env: *env,
    };
    match event {
        Event::Message { from, input } => flow::message(&mut tx, from, input),
        Event::Timer(timer) => escalation::fire(&mut tx, timer),
    }
    (tx.world, tx.effects)
}

/// One step in progress: the world being changed and the effects collected.
pub(crate) struct Tx<'a> {
    pub world: World,
    pub effects: Vec<Effect>,
    pub env: Env<'a>,
}

impl Tx<'_> {
    pub fn now(&self) -> DateTime<Utc> {
        self.env.now
    }

    pub fn conversation_mut(&mut self, person: &PersonId) -> &mut Conversation {
        let now = self.env.now;
        self.world
            .conversations
            .entry(person.clone())
            .or_insert_with(|| Conversation::new(person.clone(), now))
    }

    pub fn set_timer(&mut self, case: &CaseId, at: DateTime<Utc>, kind: TimerKind) {
        let key = timer_key(case, &kind);
        self.effects.push(Effect::SetTimer(Timer {
            key,
            at,
            case: case.clone(),
            kind,
        }));
    }

    pub fn cancel_timer(&mut self, case: &CaseId, kind: &TimerKind) {
        self.effects
            .push(Effect::CancelTimer(timer_key(case, kind)));
    }

    /// Queue a message to someone other than the person writing, with an idempotency key made
    /// from the case and its counter.
    pub fn notify(&mut self, case: &CaseId, message: Outgoing) {
        let seq = self
            .world
            .cases
            .get_mut(case)
            .map(Case::next_seq)
            .unwrap_or_default();
        let key = format!("{case}/{seq}/{}", message.to);
        self.effects.push(Effect::Notify { key, message });
    }

    pub fn reply(&mut self, message: Outgoing) {
        self.effects.push(Effect::Reply(message));
    }
}

/// A timer's key: unique per case and purpose, so setting it twice keeps one.
pub fn timer_key(case: &CaseId, kind: &TimerKind) -> String {
    match kind {
        TimerKind::Remind { track, stage } => format!("{case}/remind/{}/{stage}", track.code()),
        TimerKind::Advance { track, stage } => format!("{case}/advance/{}/{stage}", track.code()),
        TimerKind::CheckIn { n } => format!("{case}/check-in/{n}"),
        TimerKind::FollowUp { n } => format!("{case}/follow-up/{n}"),
        TimerKind::Duty { duty, n } => format!("{case}/duty/{duty:?}/{n}"),
        TimerKind::Retention => format!("{case}/retention"),
        TimerKind::Handover { track } => format!("{case}/handover/{}", track.code()),
    }
}
