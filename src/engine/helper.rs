//! The playbook of a colleague the employee invited to help collect evidence: the invitation,
//! adding notes, links and pictures to the employee's case, and seeing what they added
//! themselves. Its steps are about someone else's case (`Context::About`) and show nothing of
//! it but its reference and the name of the colleague who asked — never the incident, the
//! other evidence or who else was told.

use super::playbook::*;

pub const HELPER_INVITED: &str = "helper-invited";
pub const HELPER_ADD: &str = "helper-add";
pub const HELPER_MINE: &str = "helper-mine";
pub const HELPER_ENDED: &str = "helper-ended";

pub static HELPER: Playbook = Playbook {
    name: "helper",
    context: Context::About,
    first: HELPER_INVITED,
    danger: "danger",
    steps: STEPS,
};

const STEPS: &[Step] = &[
    Step {
        id: HELPER_INVITED,
        phase: Phase::Evidence,
        body: &[
            // The first line is what a chat list or a lock screen shows: neutral.
            text("helper-invited-heading"),
            text("helper-invited"),
            text("helper-how"),
        ],
        choices: &[
            choice_when(
                Cond::ReaderHelps,
                "opt-helper-add",
                Act::Nothing,
                &[to(HELPER_ADD)],
            ),
            choice_when(
                Cond::ReaderHelps,
                "opt-helper-mine",
                Act::Nothing,
                &[to(HELPER_MINE)],
            ),
            choice_to("opt-not-now", &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: HELPER_ADD,
        phase: Phase::Evidence,
        body: &[text("helper-add")],
        choices: &[
            choice_to("opt-helper-mine", &[to(HELPER_MINE)]),
            choice_to("opt-helper-finished", &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: HELPER_MINE,
        phase: Phase::Evidence,
        transient: true,
        body: &[Para::HelperItems],
        choices: &[
            choice_when(
                Cond::ReaderHelps,
                "opt-helper-add",
                Act::Nothing,
                &[to(HELPER_ADD)],
            ),
            choice_to("opt-menu-continue", &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: HELPER_ENDED,
        phase: Phase::Evidence,
        body: &[text("helper-invited-heading"), text("helper-ended")],
        choices: &[choice_to("opt-menu-continue", &[BACK])],
        next: &[BACK],
        ..STEP
    },
];
