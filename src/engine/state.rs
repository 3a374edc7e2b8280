//! The engine's state: each person's conversation and each case, with its consent, escalation
//! tracks, duties and timeline. Plain serializable data; the store keeps it, the engine changes
//! it.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use super::playbook::{Phase, Task, TaskStatus};
use crate::model::{CaseId, Country, IncidentKind, Language, PersonId, UnitId};

/// A step's id: the playbook's own constant when it names one of its steps (so a conversation
/// is copied without copying its ids); an id read back that names no step stays as it was.
pub type StepId = Cow<'static, str>;

fn step_id(id: String) -> StepId {
    match super::find_step(&id) {
        Some((_, step)) => Cow::Borrowed(step.id),
        None => Cow::Owned(id),
    }
}

fn step_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<StepId>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(step_id))
}

fn steps<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<StepId>, D::Error> {
    Ok(Vec::<String>::deserialize(d)?
        .into_iter()
        .map(step_id)
        .collect())
}

/// Where one person is in their conversation with Fyr.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    pub person: PersonId,
    /// The language chosen in chat; `None` means the person's configured language.
    pub language: Option<Language>,
    /// The current step; `None` before the first greeting.
    #[serde(default, deserialize_with = "step_or_none")]
    pub step: Option<StepId>,
    #[serde(default, deserialize_with = "steps")]
    pub back: Vec<StepId>,
    pub paused: bool,
    /// The person's own current case (the employee playbook is about it).
    pub case: Option<CaseId>,
    /// Someone else's case that the current step is about (a notification, a reminder).
    #[serde(default)]
    pub about: Option<CaseId>,
    #[serde(serialize_with = "crate::model::ts::serialize")]
    pub updated_at: DateTime<Utc>,
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
    #[serde(serialize_with = "crate::model::ts::serialize")]
    pub given_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::ts::serialize_option")]
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
    #[serde(serialize_with = "crate::model::ts::serialize")]
    pub invited_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::ts::serialize_option")]
    pub removed_at: Option<DateTime<Utc>>,
    /// What they added: item number, when, and the start of its fingerprint.
    pub added: Vec<Added>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Added {
    pub seq: u32,
    #[serde(serialize_with = "crate::model::ts::serialize")]
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
    #[serde(serialize_with = "crate::model::ts::serialize")]
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
    #[serde(serialize_with = "crate::model::ts::serialize")]
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
    #[serde(serialize_with = "crate::model::ts::serialize")]
    pub opened_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::ts::serialize")]
    pub updated_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::ts::serialize_option")]
    pub closed_at: Option<DateTime<Utc>>,
    /// When the employee said they were in immediate danger (the last time).
    #[serde(serialize_with = "crate::model::ts::serialize_option")]
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
    #[serde(serialize_with = "crate::model::ts::serialize")]
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

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::Conversation;

    #[test]
    fn step_ids_read_back_are_the_playbooks_own_and_unknown_ids_are_kept() {
        let stored = r#"{"person":"p","language":null,"step":"language","back":["start","gone"],
            "paused":false,"case":null,"updated_at":"2026-03-02T08:00:00Z"}"#;
        let c: Conversation = serde_json::from_str(stored).unwrap();
        assert!(matches!(c.step, Some(Cow::Borrowed("language"))));
        assert!(matches!(c.back[0], Cow::Borrowed("start")));
        assert!(matches!(&c.back[1], Cow::Owned(id) if id == "gone"));
        // Written back, it is the same text.
        let again: serde_json::Value = serde_json::to_value(&c).unwrap();
        assert_eq!(again["back"], serde_json::json!(["start", "gone"]));
        assert_eq!(again["step"], "language");
    }
}
