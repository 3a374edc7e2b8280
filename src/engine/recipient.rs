//! The playbook of someone Fyr tells about a case — a manager in the chain, a deputy, the
//! out-of-hours contact or a safety representative: the notification with its acknowledgement,
//! first guidance, and the reminders of duties and follow-ups. Its steps are about someone
//! else's case (`Context::About`); they show only what the employee consented to share.

use super::playbook::*;
use super::state::Duty;
use crate::model::Country::{Denmark as DK, Sweden as SE};

pub const NOTIFIED: &str = "notified";
pub const ACKED: &str = "acked";
pub const DUTY_AUTHORITY: &str = "duty-authority";
pub const DUTY_REGISTRATION: &str = "duty-registration";
pub const FOLLOWUP_REMINDER: &str = "followup-reminder";

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
        when: Cond::Always,
        task: None,
        transient: false,
        body: &[
            text("notify-intro"),
            text_if(Cond::Urgent, "notify-urgent"),
            text("notify-request"),
            text("notify-consent"),
            text("notify-ack-how"),
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
    },
    Step {
        id: ACKED,
        phase: Phase::Tell,
        when: Cond::Always,
        task: None,
        transient: false,
        body: &[
            text("acked-thanks"),
            text_if(Cond::ForManager, "acked-manager-today"),
            text_if(
                Cond::All2(&Cond::ForManager, &Cond::InUrgent(SE)),
                "acked-se-authority",
            ),
            text_if(
                Cond::All2(&Cond::ForManager, &Cond::In(DK)),
                "acked-dk-registration",
            ),
            text_if(Cond::ForSafetyRep, "acked-safety-rep"),
            text_if(Cond::ForManager, "acked-follow-up"),
        ],
        choices: &[
            choice_to("opt-guidance", &[to("recipient-guidance")]),
            CONTINUE,
        ],
        next: &[BACK],
    },
    Step {
        id: "recipient-guidance",
        phase: Phase::Tell,
        when: Cond::Always,
        task: None,
        transient: true,
        body: &[
            text_if(Cond::ForManager, "guidance-manager-talk"),
            text_if(Cond::ForManager, "guidance-manager-safety"),
            text_if(
                Cond::All2(&Cond::ForManager, &Cond::In(SE)),
                "guidance-manager-se-report",
            ),
            text_if(
                Cond::All2(&Cond::ForManager, &Cond::In(DK)),
                "guidance-manager-dk-report",
            ),
            text_if(
                Cond::All2(&Cond::ForManager, &Cond::In(DK)),
                "guidance-manager-dk-offender",
            ),
            text_if(
                Cond::All2(&Cond::ForManager, &Cond::In(SE)),
                "guidance-manager-se-support",
            ),
            text_if(
                Cond::All2(&Cond::ForManager, &Cond::In(DK)),
                "guidance-manager-dk-support",
            ),
            text_if(Cond::ForSafetyRep, "guidance-safety-rep-role"),
            text_if(Cond::ForSafetyRep, "guidance-safety-rep-check"),
            text_if(Cond::ForSafetyRep, "guidance-safety-rep-not"),
        ],
        choices: &[CONTINUE],
        next: &[BACK],
    },
    Step {
        id: DUTY_AUTHORITY,
        phase: Phase::Report,
        when: Cond::Always,
        task: None,
        transient: false,
        body: &[text("duty-se-authority-reminder")],
        choices: &[
            choice_act(
                "opt-duty-done",
                Act::DutyDone(Duty::WorkEnvironmentAuthority),
                &[to("duty-thanks")],
            ),
            choice_to("opt-duty-later", &[BACK]),
        ],
        next: &[BACK],
    },
    Step {
        id: DUTY_REGISTRATION,
        phase: Phase::Report,
        when: Cond::Always,
        task: None,
        transient: false,
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
    },
    Step {
        id: FOLLOWUP_REMINDER,
        phase: Phase::FollowUp,
        when: Cond::Always,
        task: None,
        transient: false,
        body: &[text("followup-manager-reminder")],
        choices: &[
            choice_to("opt-followup-done", &[to("duty-thanks")]),
            choice_to("opt-duty-later", &[BACK]),
        ],
        next: &[BACK],
    },
    Step {
        id: "duty-thanks",
        phase: Phase::FollowUp,
        when: Cond::Always,
        task: None,
        transient: true,
        body: &[text("duty-thanks")],
        choices: &[CONTINUE],
        next: &[BACK],
    },
];
