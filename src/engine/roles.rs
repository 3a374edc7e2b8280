//! General guidance that needs no case: the manager's duties on their own initiative, the safety
//! representative's role, "how do I support a colleague?", the advice topics for hard contacts,
//! who reports what, and texts to copy. It never shows anyone else's case data.

use super::jurisdiction::Slot;
use super::playbook::*;
use crate::model::Country::Denmark as DK;

pub static ROLES: Playbook = Playbook {
    name: "roles",
    context: Context::Own,
    first: "advice",
    danger: "danger",
    steps: STEPS,
};

const CONTINUE: Choice = choice_to("opt-menu-continue", &[BACK]);
const MORE_ADVICE: Choice = choice_to("opt-menu-advice", &[to("advice")]);
const MORE_TEMPLATES: Choice = choice_to("opt-menu-templates", &[to("templates")]);

/// A step of general guidance: shown, then back to where the person was.
const fn info(id: &'static str, body: &'static [Para], choices: &'static [Choice]) -> Step {
    Step {
        id,
        phase: Phase::Start,
        transient: true,
        body,
        choices,
        next: &[BACK],
        ..STEP
    }
}

const STEPS: &[Step] = &[
    info(
        "mgr-general",
        // Today first: the talk, safety and support; the rest of the week on request.
        &[
            text("mgr-general"),
            text("mgr-today-heading"),
            text("mgr-talk-today"),
            text("mgr-safety"),
            Para::Slot(Slot::ManagerSupport),
        ],
        &[
            choice_to("opt-mgr-this-week", &[to("mgr-general-week")]),
            choice_to("opt-menu-who-files", &[to("who-files")]),
            CONTINUE,
        ],
    ),
    info(
        "mgr-general-week",
        &[
            text("mgr-week-heading"),
            Para::Slot(Slot::ManagerReportBrief),
            Para::Slot(Slot::ManagerPolice),
            text("mgr-colleagues"),
            Para::Slot(Slot::ManagerOffender),
            text("mgr-follow-up"),
        ],
        &[
            choice_to("opt-menu-who-files", &[to("who-files")]),
            MORE_TEMPLATES,
            CONTINUE,
        ],
    ),
    info(
        "sr-guide",
        &[
            text("sr-role"),
            Para::Slot(Slot::SafetyRepRole),
            text("sr-check"),
            text("sr-not"),
            text("sr-prevent"),
        ],
        &[
            choice_to("opt-menu-who-files", &[to("who-files")]),
            CONTINUE,
        ],
    ),
    info(
        "colleague",
        &[
            text("col-intro"),
            text("col-be-there"),
            text("col-dont"),
            text("col-take-over"),
            Para::Slot(Slot::ColleagueNoContact),
        ],
        &[choice_to("opt-next", &[to("colleague-more")]), CONTINUE],
    ),
    info(
        "colleague-more",
        &[
            text("col-evidence"),
            text("col-accounts"),
            text("col-tell"),
            text("col-yourself"),
            text("col-fyr"),
        ],
        &[MORE_ADVICE, CONTINUE],
    ),
    info(
        "advice",
        &[text("advice-menu-intro")],
        &[
            choice_to("opt-advice-criticism", &[to("advice-criticism")]),
            choice_to("opt-advice-trolls", &[to("advice-trolls")]),
            choice_to("opt-advice-complainer", &[to("advice-complainer")]),
            choice_to("opt-advice-phone", &[to("advice-phone")]),
            choice_to("opt-advice-mail", &[to("advice-mail")]),
            choice_to("opt-advice-meetings", &[to("advice-meetings")]),
            choice_to("opt-advice-worried", &[to("advice-worried")]),
            choice_to("opt-advice-response", &[to("advice-response")]),
            CONTINUE,
        ],
    ),
    info(
        "advice-criticism",
        &[
            text("advice-criticism-intro"),
            text("advice-criticism-acknowledge"),
            text("advice-criticism-apologise"),
            text("advice-criticism-explain"),
            text("advice-criticism-refer"),
            text("advice-more"),
        ],
        &[MORE_ADVICE, CONTINUE],
    ),
    info(
        "advice-trolls",
        &[
            text("advice-trolls-intro"),
            text("advice-trolls-acknowledge"),
            text("advice-trolls-answer-once"),
            text("advice-trolls-stop"),
            text("advice-trolls-not-upset"),
            Para::Slot(Slot::TrollsCaveat),
            text("advice-more"),
        ],
        &[MORE_ADVICE, CONTINUE],
    ),
    info(
        "advice-complainer",
        &[
            text("advice-complainer-signs"),
            text("advice-complainer-svalka"),
            text("advice-complainer-relief"),
            text("advice-complainer-not-alone"),
            text("advice-more"),
        ],
        &[MORE_ADVICE, CONTINUE],
    ),
    info(
        "advice-phone",
        &[
            text("advice-phone-calm"),
            text("advice-phone-pause"),
            text("advice-phone-end"),
            Para::Slot(Slot::PhoneRight),
            text("advice-phone-threat"),
            text("advice-more"),
        ],
        &[MORE_ADVICE, CONTINUE],
    ),
    info(
        "advice-mail",
        &[
            text("advice-mail-asked"),
            text("advice-mail-receipt"),
            text("advice-mail-documents"),
            text("advice-mail-overall"),
            text("advice-mail-closing"),
            text("advice-more"),
        ],
        &[MORE_ADVICE, CONTINUE],
    ),
    info(
        "advice-meetings",
        &[
            text("advice-meetings-rules"),
            text("advice-meetings-calm"),
            text("advice-meetings-stations"),
            text("advice-meetings-plan"),
            text("advice-more"),
        ],
        &[MORE_ADVICE, CONTINUE],
    ),
    info(
        "advice-worried",
        &[
            text("advice-worried-signs"),
            text("advice-worried-respond"),
            text("advice-worried-line"),
            text("advice-more"),
        ],
        &[MORE_ADVICE, CONTINUE],
    ),
    info(
        "advice-response",
        &[
            text("advice-response-sign"),
            text("advice-response-times"),
            text("advice-response-same"),
            text("advice-response-friday"),
            text("advice-more"),
        ],
        &[MORE_ADVICE, CONTINUE],
    ),
    info("who-files", &[Para::WhoFiles], &[CONTINUE]),
    info(
        "templates",
        &[text("tpl-intro")],
        &[
            choice_to("opt-tpl-police", &[to("tpl-police")]),
            choice_to("opt-tpl-platform", &[to("tpl-platform")]),
            choice_to("opt-tpl-deindex", &[to("tpl-deindex")]),
            choice_to("opt-tpl-incident", &[to("tpl-incident")]),
            choice_when(
                Cond::All2(&Cond::ReaderIsManager, &Cond::In(DK)),
                "opt-tpl-dk-letter",
                Act::Nothing,
                &[to("tpl-dk-letter")],
            ),
            CONTINUE,
        ],
    ),
    info(
        "tpl-police",
        &[Para::Template("tpl-police")],
        &[MORE_TEMPLATES, CONTINUE],
    ),
    info(
        "tpl-platform",
        &[Para::Template("tpl-platform")],
        &[MORE_TEMPLATES, CONTINUE],
    ),
    info(
        "tpl-deindex",
        &[Para::Template("tpl-deindex")],
        &[MORE_TEMPLATES, CONTINUE],
    ),
    info(
        "tpl-incident",
        &[Para::Template("tpl-incident")],
        &[MORE_TEMPLATES, CONTINUE],
    ),
    info(
        "tpl-dk-letter",
        &[Para::Template("tpl-dk-letter")],
        &[MORE_TEMPLATES, CONTINUE],
    ),
];
