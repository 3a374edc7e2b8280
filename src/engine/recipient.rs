//! The playbook of someone Fyr tells about a case — a manager in the chain, a deputy, the
//! out-of-hours contact or a safety representative: the notification with its acknowledgement,
//! first guidance, and the reminders of duties and follow-ups. Its steps are about someone
//! else's case (`Context::About`); they show only what the employee consented to share.

use super::jurisdiction::Slot;
use super::playbook::Task;
use super::playbook::*;
use super::state::Duty;
use super::ContactKind;
use crate::model::IncidentKind::{OnlineExposure, Threat};

pub const NOTIFIED: &str = "notified";
pub const ACKED: &str = "acked";
pub const DUTY_AUTHORITY: &str = "duty-authority";
pub const DUTY_REGISTRATION: &str = "duty-registration";
pub const FOLLOWUP_REMINDER: &str = "followup-reminder";

/// One checklist item: its paragraphs, then "is this done?", answered done / not yet / not
/// relevant. Items whose condition does not hold for the case are skipped.
const fn item(
    id: &'static str,
    task: Task,
    when: Cond,
    body: &'static [Para],
    next: &'static [Goto],
) -> Step {
    Step {
        id,
        phase: Phase::Report,
        when,
        task: Some(task),
        transient: true,
        body,
        choices: MGR_TASK_CHOICES,
        next,
    }
}

pub static RECIPIENT: Playbook = Playbook {
    name: "recipient",
    context: Context::About,
    first: NOTIFIED,
    danger: "danger",
    steps: STEPS,
};

const CONTINUE: Choice = choice_to("opt-menu-continue", &[BACK]);

const STEPS: &[Step] = &[
    Step {
        id: NOTIFIED,
        phase: Phase::Tell,
        body: &[
            // The first line is what a chat list or a lock screen shows: neutral, no name and no
            // incident.
            text("notify-heading"),
            // An alarm says so plainly, and asks for a call now.
            text_if(Cond::DangerAlarm, "notify-alarm"),
            text_if(Cond::NoDangerAlarm, "notify-intro"),
            text_if(
                Cond::All2(&Cond::Urgent, &Cond::NoDangerAlarm),
                "notify-urgent",
            ),
            text_if(Cond::NoDangerAlarm, "notify-request"),
            text("notify-consent"),
            text("notify-ack-how"),
            Para::Pending,
        ],
        choices: &[
            // A refused or stale acknowledgement returns the person to where they were, with a
            // note saying why.
            choice_act(
                "opt-ack",
                Act::Ack,
                &[to_if(Cond::ReaderAcknowledged, ACKED), BACK],
            ),
            choice_to("opt-guidance", &[to("recipient-guidance")]),
            choice_to("opt-not-now", &[BACK]),
        ],
        next: &[to(ACKED)],
        ..STEP
    },
    Step {
        id: ACKED,
        phase: Phase::Tell,
        body: &[
            text("acked-thanks"),
            text_if(Cond::ForManager, "acked-manager-today"),
            Para::Slot(Slot::AckedDuty),
            text_if(
                Cond::All2(&Cond::ForSafetyRep, &Cond::Alerted),
                "acked-safety-rep",
            ),
            text_if(
                Cond::All2(&Cond::ForSafetyRep, &Cond::NotAlerted),
                "acked-safety-rep-only",
            ),
            text_if(Cond::ForManager, "acked-follow-up"),
        ],
        choices: &[
            choice_when(
                Cond::ForManager,
                "opt-mgr-checklist",
                Act::Nothing,
                &[to("mgr-intro")],
            ),
            choice_to("opt-guidance", &[to("recipient-guidance")]),
            CONTINUE,
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "recipient-guidance",
        phase: Phase::Tell,
        transient: true,
        body: &[
            text_if(Cond::ForManager, "guidance-manager-talk"),
            text_if(Cond::ForManager, "guidance-manager-safety"),
            Para::Slot(Slot::GuidanceReport),
            Para::Slot(Slot::GuidanceSupport),
            text_if(Cond::ForSafetyRep, "guidance-safety-rep-role"),
            text_if(
                Cond::All2(&Cond::ForSafetyRep, &Cond::NotAlerted),
                "guidance-safety-rep-only",
            ),
            text_if(Cond::ForSafetyRep, "guidance-safety-rep-check"),
            text_if(Cond::ForSafetyRep, "guidance-safety-rep-prevent"),
            text_if(Cond::ForSafetyRep, "guidance-safety-rep-not"),
        ],
        choices: &[CONTINUE],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: DUTY_AUTHORITY,
        phase: Phase::Report,
        body: &[text("duty-se-authority-reminder")],
        choices: &[
            choice_act(
                "opt-duty-done",
                Act::DutyDone(Duty::WorkEnvironmentAuthority),
                &[to("duty-thanks")],
            ),
            choice_to("opt-duty-later", &[BACK]),
            // Whether it is a serious incident is the manager's assessment.
            choice_act(
                "opt-duty-not-serious",
                Act::DutyNotApplicable(Duty::WorkEnvironmentAuthority),
                &[to("duty-thanks")],
            ),
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: DUTY_REGISTRATION,
        phase: Phase::Report,
        body: &[text("duty-dk-registration-reminder")],
        choices: &[
            choice_act(
                "opt-duty-done",
                Act::DutyDone(Duty::Registration),
                &[to("duty-thanks")],
            ),
            choice_to("opt-duty-later", &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: FOLLOWUP_REMINDER,
        phase: Phase::FollowUp,
        body: &[text("followup-manager-reminder"), Para::ManagerOpen],
        choices: &[
            choice_to("opt-followup-done", &[to("duty-thanks")]),
            choice_to("opt-mgr-checklist", &[to("mgr-intro")]),
            choice_to("opt-duty-later", &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    // The manager's checklist for the case: each item done, not yet, or not relevant. Open items
    // come back in the follow-up reminders.
    Step {
        id: "mgr-intro",
        phase: Phase::Tell,
        transient: true,
        body: &[text("mgr-intro"), Para::Contact(ContactKind::Routine)],
        choices: &[choice("opt-next"), CONTINUE],
        next: &[to("mgr-talk-today")],
        ..STEP
    },
    item(
        "mgr-talk-today",
        Task::MgrTalkToday,
        Cond::Always,
        &[text("mgr-talk-today"), text("mgr-question")],
        &[to("mgr-safety")],
    ),
    item(
        "mgr-safety",
        Task::MgrSafety,
        Cond::Always,
        &[
            text("mgr-safety"),
            Para::Slot(Slot::ManagerSecurity),
            text_if(Cond::Kinds(&[Threat]), "mgr-home-family"),
            text_if(Cond::Kinds(&[OnlineExposure]), "mgr-communicator"),
            Para::Contact(ContactKind::Communicator),
            text("mgr-question"),
        ],
        &[to("mgr-support")],
    ),
    item(
        "mgr-support",
        Task::MgrSupport,
        Cond::Always,
        &[
            Para::Slot(Slot::ManagerSupport),
            Para::Contacts,
            text("mgr-question"),
        ],
        &[to("mgr-report")],
    ),
    item(
        "mgr-report",
        Task::MgrReport,
        Cond::Always,
        &[Para::Slot(Slot::ManagerReport), text("mgr-question")],
        &[to("mgr-police")],
    ),
    item(
        "mgr-police",
        Task::MgrPolice,
        Cond::Always,
        &[Para::Slot(Slot::ManagerPolice), text("mgr-question")],
        &[to("mgr-colleagues")],
    ),
    item(
        "mgr-colleagues",
        Task::MgrColleagues,
        Cond::Always,
        &[text("mgr-colleagues"), text("mgr-question")],
        &[to("mgr-director")],
    ),
    item(
        "mgr-director",
        Task::MgrDirector,
        Cond::DirectorRequired,
        &[
            Para::Slot(Slot::ManagerInform),
            Para::Contact(ContactKind::Secretariat),
            text("mgr-question"),
        ],
        &[to("mgr-offender")],
    ),
    Step {
        id: "mgr-offender",
        phase: Phase::StopHarm,
        when: Cond::Fills(Slot::OffenderLetter),
        task: Some(Task::MgrOffender),
        transient: true,
        body: &[
            text("mgr-dk-offender"),
            text("mgr-dk-citizen-handling"),
            text("mgr-question"),
        ],
        choices: &[
            MGR_TASK_CHOICES[0],
            MGR_TASK_CHOICES[1],
            MGR_TASK_CHOICES[2],
            choice_to("opt-tpl-dk-letter", &[to("mgr-letter")]),
        ],
        next: &[to("mgr-follow-up")],
    },
    Step {
        id: "mgr-letter",
        phase: Phase::StopHarm,
        when: Cond::Fills(Slot::OffenderLetter),
        transient: true,
        body: &[text("tpl-intro"), Para::Template("tpl-dk-letter")],
        choices: &[choice_to("opt-next", &[to("mgr-follow-up")])],
        next: &[to("mgr-follow-up")],
        ..STEP
    },
    item(
        "mgr-follow-up",
        Task::MgrFollowUp,
        Cond::Always,
        &[text("mgr-follow-up"), text("mgr-question")],
        &[to("mgr-local-1")],
    ),
    // The organisation's own items (`[[organisation.checklist]]`), each where it applies.
    item(
        "mgr-local-1",
        Task::MgrLocal1,
        Cond::LocalItem(0),
        &[Para::LocalItem(0), text("mgr-question")],
        &[to("mgr-local-2")],
    ),
    item(
        "mgr-local-2",
        Task::MgrLocal2,
        Cond::LocalItem(1),
        &[Para::LocalItem(1), text("mgr-question")],
        &[to("mgr-local-3")],
    ),
    item(
        "mgr-local-3",
        Task::MgrLocal3,
        Cond::LocalItem(2),
        &[Para::LocalItem(2), text("mgr-question")],
        &[to("mgr-summary")],
    ),
    Step {
        id: "mgr-summary",
        phase: Phase::FollowUp,
        transient: true,
        body: &[text("mgr-summary-intro"), Para::ManagerChecklist],
        choices: &[CONTINUE],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "duty-thanks",
        phase: Phase::FollowUp,
        transient: true,
        body: &[text("duty-thanks")],
        choices: &[CONTINUE],
        next: &[BACK],
        ..STEP
    },
];
