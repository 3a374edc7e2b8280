//! The vocabulary playbooks are written in: steps with paragraphs, choices and transitions, each
//! guarded by conditions on country and incident kind. A playbook is a static table of these —
//! data, not control flow — so a test can walk every step and every transition.

use serde::{Deserialize, Serialize};

use super::state::{Duty, Request, Scope};
use crate::model::{Country, IncidentKind};

/// The phases of the employee playbook, in the order Fyr leads through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Start,
    Immediate,
    Triage,
    Evidence,
    StopHarm,
    Tell,
    Report,
    Support,
    FollowUp,
    Summary,
}

/// Something the employee can have done, not yet done, or judged not relevant. The summary at the
/// end lists these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Task {
    EvidenceSaved,
    NotesWritten,
    WitnessesAndLinks,
    HarmStopped,
    ManagerTold,
    PoliceReport,
    IncidentRegistered,
    SupportArranged,
    // The manager's checklist for a case they were told about.
    MgrTalkToday,
    MgrSafety,
    MgrSupport,
    MgrReport,
    MgrPolice,
    MgrColleagues,
    MgrDirector,
    MgrOffender,
    MgrFollowUp,
    /// The organisation's own checklist items (`[[organisation.checklist]]`), in order.
    MgrLocal1,
    MgrLocal2,
    MgrLocal3,
}

impl Task {
    pub const ALL: [Task; 20] = [
        Task::EvidenceSaved,
        Task::NotesWritten,
        Task::WitnessesAndLinks,
        Task::HarmStopped,
        Task::ManagerTold,
        Task::PoliceReport,
        Task::IncidentRegistered,
        Task::SupportArranged,
        Task::MgrTalkToday,
        Task::MgrSafety,
        Task::MgrSupport,
        Task::MgrReport,
        Task::MgrPolice,
        Task::MgrColleagues,
        Task::MgrDirector,
        Task::MgrOffender,
        Task::MgrFollowUp,
        Task::MgrLocal1,
        Task::MgrLocal2,
        Task::MgrLocal3,
    ];

    /// The organisation's own checklist item this is (its index), if it is one.
    pub fn local(self) -> Option<usize> {
        match self {
            Task::MgrLocal1 => Some(0),
            Task::MgrLocal2 => Some(1),
            Task::MgrLocal3 => Some(2),
            _ => None,
        }
    }

    /// An item of the manager's checklist (not the employee's).
    pub fn is_manager(self) -> bool {
        matches!(
            self,
            Task::MgrTalkToday
                | Task::MgrSafety
                | Task::MgrSupport
                | Task::MgrReport
                | Task::MgrPolice
                | Task::MgrColleagues
                | Task::MgrDirector
                | Task::MgrOffender
                | Task::MgrFollowUp
                | Task::MgrLocal1
                | Task::MgrLocal2
                | Task::MgrLocal3
        )
    }

    /// The Fluent id of the task's short label in the summary.
    pub fn label(self) -> &'static str {
        match self {
            Task::EvidenceSaved => "task-evidence-saved",
            Task::NotesWritten => "task-notes-written",
            Task::WitnessesAndLinks => "task-witnesses-and-links",
            Task::HarmStopped => "task-harm-stopped",
            Task::ManagerTold => "task-manager-told",
            Task::PoliceReport => "task-police-report",
            Task::IncidentRegistered => "task-incident-registered",
            Task::SupportArranged => "task-support-arranged",
            Task::MgrTalkToday => "mtask-talk-today",
            Task::MgrSafety => "mtask-safety",
            Task::MgrSupport => "mtask-support",
            Task::MgrReport => "mtask-report",
            Task::MgrPolice => "mtask-police",
            Task::MgrColleagues => "mtask-colleagues",
            Task::MgrDirector => "mtask-director",
            Task::MgrOffender => "mtask-offender",
            Task::MgrFollowUp => "mtask-follow-up",
            // Shown with the organisation's own text where the item is configured.
            Task::MgrLocal1 | Task::MgrLocal2 | Task::MgrLocal3 => "mtask-local",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskStatus {
    Done,
    Later,
    NotRelevant,
}

/// A condition on the case. Evaluated against the unit's country and the incident kind the
/// employee chose; an unknown kind matches only `Always`, country conditions and `KindUnknown`.
#[derive(Clone, Copy, Debug)]
pub enum Cond {
    Always,
    In(Country),
    Kinds(&'static [IncidentKind]),
    InKinds(Country, &'static [IncidentKind]),
    KindUnknown,
    KindKnown,
    /// The unit has configured the name of its incident-reporting system.
    HasIncidentSystem,
    NoIncidentSystem,
    /// The employee's consent to tell others is in force.
    ConsentActive,
    NoConsent,
    /// It happened online (posts, comments, social media): platforms and links apply. Online
    /// exposure always; threats, harassment and "other" when the employee said so (or, for a
    /// case from before the question was asked, always).
    Online,
    /// It reached the employee this way.
    Via(super::state::Channel),
    /// It did not reach the employee this way (or nobody said how).
    NotVia(super::state::Channel),
    /// The manager chain has been told (by consent or by an alarm).
    Alerted,
    NotAlerted,
    /// The employee raised an acute danger alarm through Fyr.
    DangerAlarm,
    NoDangerAlarm,
    /// It is outside the unit's working hours and nobody on call is asked first: whoever is
    /// told may not see it before the working day begins.
    WaitsForWorkday,
    /// The case is urgent: a threat, or immediate danger was reported.
    Urgent,
    /// The person reading was asked as safety representative (else as manager).
    ForSafetyRep,
    ForManager,
    /// Urgent, in this country.
    InUrgent(Country),
    /// Fyr has not told anyone about the case.
    NobodyTold,
    /// The person reading has acknowledged the case.
    ReaderAcknowledged,
    /// Among those the employee chose to tell (the draft scope), Fyr can reach someone.
    Reaches,
    ReachesNobody,
    /// Consent was given but nobody could be asked: nothing was sent.
    ReachedNobody,
    /// At least one person has been sent a notification about the case.
    ReachedSomeone,
    /// The case's jurisdiction has something in this slot that holds for the case.
    Fills(super::jurisdiction::Slot),
    /// Both hold.
    All2(&'static Cond, &'static Cond),
    /// The reader is in their unit's manager chain.
    ReaderIsManager,
    /// The reader is one of their unit's safety representatives.
    ReaderIsSafetyRep,
    /// A safety representative who is not also in the manager chain.
    ReaderIsOnlySafetyRep,
    /// Neither in the manager chain nor a safety representative.
    ReaderIsNeither,
    /// The unit wants the director told about incidents.
    DirectorRequired,
    /// The organisation's own checklist item with this index is configured and is for this
    /// case (its kinds and urgency).
    LocalItem(usize),
    /// The employee has invited colleagues who still help.
    HasHelpers,
    /// The reader helps with the case now.
    ReaderHelps,
}

/// A paragraph of a step's message.
#[derive(Clone, Copy, Debug)]
pub enum Para {
    /// A Fluent message, shown when the condition holds.
    Text(Cond, &'static str),
    /// The unit's configured support contacts, one line each.
    Contacts,
    /// One configured contact of the unit, as a line; nothing when it is not configured.
    Contact(super::ContactKind),
    /// What the employee has done and what is left.
    Summary,
    /// Exactly what a notification will say, quoted, and everyone who may receive it (shown to
    /// the employee before they consent).
    Preview,
    /// Everyone who may receive the notification, with their roles, without the quote.
    Recipients,
    /// The country's paragraphs for this place (`jurisdiction`), each shown when its
    /// condition holds.
    Slot(super::jurisdiction::Slot),
    /// The reader's other notifications still waiting for their acknowledgement, listed.
    Pending,
    /// Who has been told and who has acknowledged.
    Notifications,
    /// The manager's checklist for the case: done and still open.
    ManagerChecklist,
    /// Only what is still open on the manager's checklist, under a reminder heading (nothing
    /// when all is done).
    ManagerOpen,
    /// Who reports what in the case's (or reader's) country, with the law that may apply.
    WhoFiles,
    /// A text to copy, filled from the case.
    Template(&'static str),
    /// The text of the organisation's own checklist item with this index.
    LocalItem(usize),
    /// A message about the colleague being invited (or the one invited last), as `$helper`.
    WithHelper(&'static str),
    /// The colleagues who help now, for the employee.
    Helpers,
    /// What the reader added to the case they help with — only their own items.
    HelperItems,
}

/// Where a choice leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Step(&'static str),
    /// Back to where the person was before (the language step and the menu use this).
    Back,
}

/// A guarded transition; the first whose condition holds is taken.
#[derive(Clone, Copy, Debug)]
pub struct Goto {
    pub when: Cond,
    pub to: Target,
}

/// What choosing an option records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Nothing,
    /// Set the status of the step's task.
    Status(TaskStatus),
    /// The employee chose not to tell anyone now: the step's task is left for later, with a
    /// word that this is their choice.
    Decline,
    Kind(IncidentKind),
    Language(crate::model::Language),
    /// The employee reports immediate danger.
    Danger,
    /// Leave the current case (it stays open) and start a new one.
    NewCase,
    /// How it reached the employee.
    Channel(super::state::Channel),
    /// Choose whom to tell (a draft until confirmed).
    Scope(Scope),
    /// Choose what to ask of them (a draft until confirmed).
    Request(Request),
    /// Confirm the previewed notification: records consent and starts the escalation.
    SendConsent,
    /// Withdraw consent: no further notifications about the case.
    Withdraw,
    /// In immediate danger: alert the manager chain now (recorded as the employee's choice).
    AlertNow,
    /// Acknowledge the notification the step is about.
    Ack,
    DutyDone(Duty),
    /// The manager assessed that the duty does not apply (not a serious incident).
    DutyNotApplicable(Duty),
    /// Answer a check-in.
    CheckInAnswered,
    /// Ask again on the next working day.
    Snooze,
    CloseCase,
    /// Delete everything of the person's, after they confirmed.
    EraseMine,
    /// Export the person's case (report, originals, manifest).
    Export,
    /// Invite the colleague named in the draft to help collect evidence.
    InviteHelper,
    /// Stop every helper's access to the case.
    RemoveHelpers,
}

#[derive(Clone, Copy, Debug)]
pub struct Choice {
    pub label: &'static str,
    pub when: Cond,
    pub act: Act,
    /// `None` means the step's default transitions.
    pub goto: Option<&'static [Goto]>,
}

#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub id: &'static str,
    pub phase: Phase,
    /// Whether the step applies to this case at all (steps that do not apply are skipped by the
    /// transitions, and their tasks are left out of the summary).
    pub when: Cond,
    pub task: Option<Task>,
    /// Transient steps (danger, language, menu) are never returned to with "back".
    pub transient: bool,
    pub body: &'static [Para],
    pub choices: &'static [Choice],
    /// Default transitions for choices without their own.
    pub next: &'static [Goto],
}

/// The defaults a step table's entries take with `..STEP`: applies always, no task of its
/// own, returned to with "back", says and offers nothing.
pub const STEP: Step = Step {
    id: "",
    phase: Phase::Start,
    when: Cond::Always,
    task: None,
    transient: false,
    body: &[],
    choices: &[],
    next: &[],
};

/// Which case a playbook's steps are about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// The person's own case.
    Own,
    /// Someone else's case the person was told about.
    About,
}

/// A playbook: a table of steps and the id of the first one.
#[derive(Debug)]
pub struct Playbook {
    pub name: &'static str,
    pub context: Context,
    pub first: &'static str,
    /// The immediate-danger step, reached from anywhere by words of acute danger.
    pub danger: &'static str,
    pub steps: &'static [Step],
}

impl Playbook {
    pub fn step(&self, id: &str) -> Option<&'static Step> {
        self.steps.iter().find(|s| s.id == id)
    }
}

// Shorthands that keep the tables readable.

pub const fn text(msg: &'static str) -> Para {
    Para::Text(Cond::Always, msg)
}

pub const fn text_if(when: Cond, msg: &'static str) -> Para {
    Para::Text(when, msg)
}

pub const fn to(step: &'static str) -> Goto {
    Goto {
        when: Cond::Always,
        to: Target::Step(step),
    }
}

pub const fn to_if(when: Cond, step: &'static str) -> Goto {
    Goto {
        when,
        to: Target::Step(step),
    }
}

pub const BACK: Goto = Goto {
    when: Cond::Always,
    to: Target::Back,
};

pub const fn choice(label: &'static str) -> Choice {
    Choice {
        label,
        when: Cond::Always,
        act: Act::Nothing,
        goto: None,
    }
}

pub const fn choice_to(label: &'static str, goto: &'static [Goto]) -> Choice {
    Choice {
        label,
        when: Cond::Always,
        act: Act::Nothing,
        goto: Some(goto),
    }
}

pub const fn choice_act(label: &'static str, act: Act, goto: &'static [Goto]) -> Choice {
    Choice {
        label,
        when: Cond::Always,
        act,
        goto: Some(goto),
    }
}

pub const fn choice_when(
    when: Cond,
    label: &'static str,
    act: Act,
    goto: &'static [Goto],
) -> Choice {
    Choice {
        label,
        when,
        act,
        goto: Some(goto),
    }
}

/// The three answers of every task step: done, later, not relevant.
pub const TASK_CHOICES: &[Choice] = &[
    Choice {
        label: "opt-done",
        when: Cond::Always,
        act: Act::Status(TaskStatus::Done),
        goto: None,
    },
    Choice {
        label: "opt-later",
        when: Cond::Always,
        act: Act::Status(TaskStatus::Later),
        goto: None,
    },
    Choice {
        label: "opt-not-relevant",
        when: Cond::Always,
        act: Act::Status(TaskStatus::NotRelevant),
        goto: None,
    },
];

/// The answers to an item of a manager's checklist: as `TASK_CHOICES`, with "not applicable"
/// instead of the employee's "not relevant for me".
pub const MGR_TASK_CHOICES: &[Choice] = &[
    TASK_CHOICES[0],
    TASK_CHOICES[1],
    Choice {
        label: "opt-not-applicable",
        when: Cond::Always,
        act: Act::Status(TaskStatus::NotRelevant),
        goto: None,
    },
];

/// A single "continue" choice.
pub const NEXT_ONLY: &[Choice] = &[choice("opt-next")];
