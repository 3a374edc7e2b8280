//! The engine's state: each person's conversation and each case, with its consent, escalation
//! tracks, duties and timeline. Plain serializable data; the store keeps it, the engine changes
//! it.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::playbook::{Phase, Task, TaskStatus};
use crate::model::{CaseId, Country, IncidentKind, Language, PersonId, UnitId};

/// A step's id.
pub type StepId = Cow<'static, str>;

/// Where one person is in their conversation with Fyr.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    pub person: PersonId,
    /// The language chosen in chat; `None` means the person's configured language.
    pub language: Option<Language>,
    /// The current step; `None` before the first greeting.
    #[serde(default)]
    pub step: Option<StepId>,
    #[serde(default)]
    pub back: Vec<StepId>,
    pub paused: bool,
    /// The person's own current case (the employee playbook is about it).
    pub case: Option<CaseId>,
    /// Someone else's case that the current step is about (a notification, a reminder).
    #[serde(default)]
    pub about: Option<CaseId>,
    pub updated_at: DateTime<Utc>,
    /// Notifications about others' cases this person was asked to acknowledge and has not yet
    /// (oldest first): each new notification lists the others, so none is hidden by the newest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<Pending>,
}

/// A notification waiting for its reader's acknowledgement: only what the notification itself
/// shows in its first lines — the neutral reference, what kind of case, and when it came.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub case: CaseId,
    /// The incident kind's code as the notification names it ("threat", …), or "alarm".
    pub what: String,
    pub at: DateTime<Utc>,
}

impl Conversation {
    pub fn new(person: PersonId, now: DateTime<Utc>) -> Conversation {
        Conversation {
            person,
            language: None,
            step: None,
            back: Vec::new(),
            paused: false,
            case: None,
            about: None,
            updated_at: now,
            pending: Vec::new(),
        }
    }
}

/// Whom the employee lets Fyr tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Manager,
    SafetyRep,
    Both,
}

impl Scope {
    pub fn includes(self, track: TrackKind) -> bool {
        matches!(
            (self, track),
            (Scope::Both, _)
                | (Scope::Manager, TrackKind::Manager)
                | (Scope::SafetyRep, TrackKind::SafetyRep)
        )
    }
}

/// What the employee asks of the people told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Request {
    CallToday,
    Meeting,
    JustKnow,
    /// Immediate danger: make sure I am safe.
    Urgent,
}

impl Request {
    pub fn code(self) -> &'static str {
        match self {
            Request::CallToday => "call-today",
            Request::Meeting => "meeting",
            Request::JustKnow => "just-know",
            Request::Urgent => "urgent",
        }
    }
}

/// Why Fyr may tell others about the case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The employee said yes after seeing the preview.
    Chat,
    /// The employee chose "alert my manager now" in immediate danger.
    ImmediateDanger,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Consent {
    pub scope: Scope,
    pub basis: Basis,
    pub given_at: DateTime<Utc>,
    pub withdrawn_at: Option<DateTime<Utc>>,
}

impl Consent {
    pub fn active(&self) -> bool {
        self.withdrawn_at.is_none()
    }
}

/// The employee's choices before they confirm a notification.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub scope: Option<Scope>,
    pub request: Option<Request>,
    /// The colleague the employee named to help collect evidence, before they confirm.
    #[serde(default)]
    pub helper: Option<PersonId>,
}

/// A colleague the employee invited to help collect evidence for their case. A helper can add
/// notes, links and files, and sees only what they added themselves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Helper {
    pub person: PersonId,
    pub invited_at: DateTime<Utc>,
    pub removed_at: Option<DateTime<Utc>>,
    /// What they added: item number, when, and the start of its fingerprint.
    pub added: Vec<Added>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Added {
    pub seq: u32,
    pub at: DateTime<Utc>,
    pub hash: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrackKind {
    /// The manager chain: manager, deputies, next level.
    Manager,
    /// The unit's safety representatives.
    SafetyRep,
}

impl TrackKind {
    pub fn code(self) -> &'static str {
        match self {
            TrackKind::Manager => "manager",
            TrackKind::SafetyRep => "safety-rep",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrackState {
    Open,
    Acknowledged,
    /// Everyone in the chain was asked and nobody acknowledged in time.
    Exhausted,
    Withdrawn,
}

/// One escalation: a chain of people asked in turn until one acknowledges.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Track {
    pub kind: TrackKind,
    pub urgent: bool,
    pub chain: Vec<PersonId>,
    /// Index into `chain` of the person asked most recently.
    pub stage: usize,
    /// Whether `chain[0]` is the out-of-hours contact, asked on calendar (not working) time.
    pub out_of_hours_first: bool,
    pub state: TrackState,
    pub started_at: DateTime<Utc>,
    pub asked: Vec<PersonId>,
    pub acknowledged_by: Option<PersonId>,
}

impl Track {
    pub fn was_asked(&self, person: &PersonId) -> bool {
        self.asked.contains(person)
    }
}

/// A manager's duty that Fyr reminds about until it is marked done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Duty {
    /// SE: a serious incident is reported to Arbetsmiljöverket without delay (within 24 h).
    WorkEnvironmentAuthority,
    /// DK: the incident is registered in the employer's system (e.g. SafetyNet).
    Registration,
}

/// What happened in a case, for its timeline and audit. Never any content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum CaseEvent {
    Opened,
    ImmediateDanger,
    ConsentGiven {
        scope: Scope,
        basis: Basis,
    },
    ConsentWithdrawn,
    Notified {
        to: PersonId,
        track: TrackKind,
        reminder: bool,
    },
    Acknowledged {
        by: PersonId,
        track: TrackKind,
    },
    AckRefused {
        by: PersonId,
    },
    ChainExhausted {
        track: TrackKind,
    },
    CheckInSent {
        n: usize,
    },
    CheckInAnswered,
    Snoozed,
    FollowUpSent {
        n: usize,
    },
    DutyReminded {
        duty: Duty,
    },
    DutyNotApplicable {
        duty: Duty,
        by: PersonId,
    },
    DutyDone {
        duty: Duty,
        by: PersonId,
    },
    EvidenceSealed {
        seq: u32,
    },
    HelperInvited {
        person: PersonId,
    },
    HelperRemoved {
        person: PersonId,
    },
    /// Someone tried to add to or read a case they do not help with (refused).
    HelperRefused {
        by: PersonId,
    },
    Closed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Logged {
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub event: CaseEvent,
}

/// One incident. Its country is its unit's, fixed when the case opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub owner: PersonId,
    pub unit: UnitId,
    pub country: Country,
    pub kind: Option<IncidentKind>,
    pub phase: Phase,
    pub opened_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    /// When the employee said they were in immediate danger (the last time).
    pub immediate_danger_at: Option<DateTime<Utc>>,
    pub tasks: BTreeMap<Task, TaskStatus>,
    pub draft: Draft,
    pub request: Option<Request>,
    pub consent: Option<Consent>,
    pub tracks: Vec<Track>,
    pub duties_done: BTreeMap<Duty, DateTime<Utc>>,
    /// Counter for idempotency keys of this case's notifications and timers.
    pub seq: u64,
    pub log: Vec<Logged>,
    /// How many evidence items are sealed, and the chain hash of the last one.
    #[serde(default)]
    pub evidence_count: u32,
    #[serde(default)]
    pub evidence_head: Option<String>,
    /// Colleagues invited to help collect evidence.
    #[serde(default)]
    pub helpers: Vec<Helper>,
    /// How it reached the employee (asked for threats, harassment and "other"); decides whether
    /// platforms, links and screenshots are part of the guidance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
}

/// How an incident reached the employee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// Posts, comments, social media, websites.
    Online,
    /// Mail, letters, text messages.
    Written,
    /// A phone call, or face to face.
    Spoken,
}

impl Case {
    pub fn new(
        id: CaseId,
        owner: PersonId,
        unit: UnitId,
        country: Country,
        now: DateTime<Utc>,
    ) -> Case {
        Case {
            id,
            owner,
            unit,
            country,
            kind: None,
            phase: Phase::Triage,
            opened_at: now,
            updated_at: now,
            closed_at: None,
            immediate_danger_at: None,
            tasks: BTreeMap::new(),
            draft: Draft::default(),
            request: None,
            consent: None,
            tracks: Vec::new(),
            duties_done: BTreeMap::new(),
            seq: 0,
            log: vec![Logged {
                at: now,
                event: CaseEvent::Opened,
            }],
            evidence_count: 0,
            evidence_head: None,
            helpers: Vec::new(),
            channel: None,
        }
    }

    pub fn record(&mut self, at: DateTime<Utc>, event: CaseEvent) {
        self.log.push(Logged { at, event });
    }

    pub fn consent_active(&self) -> bool {
        self.consent.as_ref().is_some_and(Consent::active)
    }

    /// Urgent: a threat, or immediate danger was reported.
    /// The employee raised an acute danger alarm through Fyr ("alert my manager now").
    pub fn danger_alarm(&self) -> bool {
        self.log.iter().any(|l| {
            matches!(
                l.event,
                CaseEvent::ConsentGiven {
                    basis: Basis::ImmediateDanger,
                    ..
                }
            )
        })
    }

    pub fn urgent(&self) -> bool {
        self.kind == Some(IncidentKind::Threat) || self.immediate_danger_at.is_some()
    }

    pub fn track(&self, kind: TrackKind) -> Option<&Track> {
        self.tracks.iter().find(|t| t.kind == kind)
    }

    pub fn track_mut(&mut self, kind: TrackKind) -> Option<&mut Track> {
        self.tracks.iter_mut().find(|t| t.kind == kind)
    }

    /// The person's helper record, if they help with this case now.
    pub fn active_helper(&self, person: &PersonId) -> Option<&Helper> {
        self.helpers
            .iter()
            .find(|h| h.person == *person && h.removed_at.is_none())
    }

    /// The next unique number for a key.
    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }
}

/// A deadline, persisted in the store; when due the driver feeds it back as an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timer {
    pub key: String,
    pub at: DateTime<Utc>,
    pub case: CaseId,
    pub kind: TimerKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "timer", rename_all = "kebab-case")]
pub enum TimerKind {
    /// Remind the person asked at `stage` of a track.
    Remind { track: TrackKind, stage: usize },
    /// Nobody acknowledged in time: ask the next person in the chain.
    Advance { track: TrackKind, stage: usize },
    /// Ask the employee how they are.
    CheckIn { n: usize },
    /// Remind the acknowledging manager to follow up with the employee.
    FollowUp { n: usize },
    /// Remind the acknowledging manager of a duty until it is marked done.
    Duty { duty: Duty, n: u32 },
    /// The unit's retention period after closing is over: erase the case.
    Retention,
    /// The working day has begun after the out-of-hours contact acknowledged an urgent case:
    /// hand the case over to the line manager, who is told.
    Handover { track: TrackKind },
}

/// The slice of state one step may read and change: the conversations of everyone it may
/// address, and the cases involved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct World {
    pub conversations: BTreeMap<PersonId, Conversation>,
    pub cases: BTreeMap<CaseId, Case>,
}
