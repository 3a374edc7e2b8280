//! The targeted employee's playbook: immediate safety, what happened, evidence, stopping the
//! harm, who to tell, reporting and registering, support, follow-up and a summary. Content is
//! chosen by the unit's country (`Cond::In`) and the incident kind; the words live in
//! `locales/*/employee.ftl`.

use super::jurisdiction::Slot;
use super::playbook::*;
use super::state::{Channel, Request, Scope};
use crate::model::IncidentKind::{self, *};
use crate::model::Language;

/// Kinds with the short track: a way to answer, relief, the manager if the employee wants —
/// not the police and incident-report track unless a line was crossed.
const SHORT: &[IncidentKind] = &[Criticism, HardContact];

/// The answers to a consent preview, short or full: send, change, don't send.
const PREVIEW_ANSWERS: [Choice; 3] = [
    // Only when someone chosen can be reached: the preview says so otherwise.
    choice_when(
        Cond::Reaches,
        "opt-send",
        Act::SendConsent,
        &[to("consent-sent")],
    ),
    choice_to(
        "opt-change",
        &[to_if(Cond::Kinds(SHORT), "short-tell"), to("tell")],
    ),
    choice_act(
        "opt-dont-send",
        Act::Decline,
        &[to_if(Cond::Kinds(SHORT), "short-done"), to("report-police")],
    ),
];

/// "How did it reach you?", answered on the first step of a threat, harassment or "other".
/// Online comes first, so "continue" as it was before the question keeps its number.
const CHANNEL_CHOICES: [Choice; 3] = [
    choice_act(
        "opt-channel-online",
        Act::Channel(Channel::Online),
        &[to("evidence-save")],
    ),
    choice_act(
        "opt-channel-written",
        Act::Channel(Channel::Written),
        &[to("evidence-save")],
    ),
    choice_act(
        "opt-channel-spoken",
        Act::Channel(Channel::Spoken),
        &[to("evidence-save")],
    ),
];
/// Kinds that are serious enough that the employee should not be alone afterwards.
const SERIOUS: &[IncidentKind] = &[Threat, Harassment, OnlineExposure];
/// Kinds where the same person tends to contact several colleagues.
const REPEATING: &[IncidentKind] = &[Threat, Harassment, Criticism, HardContact];

/// Where the employee writes notes and links for Fyr to seal as evidence.
pub const EVIDENCE_NOTE: &str = "evidence-note";

/// The task answers of an evidence step, plus "write it here".
const EVIDENCE_CHOICES: &[Choice] = &[
    TASK_CHOICES[0],
    TASK_CHOICES[1],
    TASK_CHOICES[2],
    choice_to("opt-evidence-write", &[to(EVIDENCE_NOTE)]),
];

/// The check-in step, put in front of the employee by a timer.
/// Where the employee names a colleague to help collect evidence.
pub const HELPER_ASK: &str = "helper-ask";
pub const CHECKIN: &str = "checkin";

pub static EMPLOYEE: Playbook = Playbook {
    name: "employee",
    context: Context::Own,
    first: "start",
    danger: "danger",
    steps: STEPS,
};

const STEPS: &[Step] = &[
    Step {
        id: "start",
        phase: Phase::Start,
        body: &[
            text_if(Cond::ReaderIsNeither, "start-greeting"),
            text_if(Cond::ReaderIsManager, "start-greeting-manager"),
            text_if(Cond::ReaderIsOnlySafetyRep, "start-greeting-safety-rep"),
            text("start-danger"),
            text("start-how"),
        ],
        choices: &[
            choice_act("opt-danger-now", Act::Danger, &[to("danger")]),
            choice_to("opt-start-guidance", &[to("kind")]),
            choice_when(
                Cond::ReaderIsManager,
                "opt-start-manager",
                Act::Nothing,
                &[to("mgr-general")],
            ),
            choice_when(
                Cond::ReaderIsSafetyRep,
                "opt-start-safety-rep",
                Act::Nothing,
                &[to("sr-guide")],
            ),
            choice_to("opt-start-colleague", &[to("colleague")]),
            choice_to("opt-start-advice", &[to("advice")]),
            choice_to("opt-change-language", &[to("language")]),
        ],
        next: &[to("kind")],
        ..STEP
    },
    Step {
        id: "language",
        phase: Phase::Start,
        transient: true,
        body: &[text("language-choose")],
        choices: &[
            choice_act("opt-lang-sv", Act::Language(Language::Sv), &[BACK]),
            choice_act("opt-lang-da", Act::Language(Language::Da), &[BACK]),
            choice_act("opt-lang-en", Act::Language(Language::En), &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    // P1: immediate danger. Fyr stops here and stays with the person until they say they are safe.
    Step {
        id: "danger",
        phase: Phase::Immediate,
        transient: true,
        body: &[
            text("danger-call-112"),
            text("danger-get-safe"),
            text("danger-stay"),
        ],
        choices: &[
            choice("opt-danger-safe"),
            choice_when(
                Cond::NotAlerted,
                "opt-alert-manager",
                Act::AlertNow,
                &[to("danger")],
            ),
        ],
        next: &[to("danger-after")],
        ..STEP
    },
    Step {
        id: "danger-after",
        phase: Phase::Immediate,
        transient: true,
        body: &[
            text("danger-after-not-alone"),
            Para::Slot(Slot::DangerAfterPolice),
            text("danger-after-continue"),
        ],
        choices: NEXT_ONLY,
        next: &[to_if(Cond::KindUnknown, "kind"), BACK],
        ..STEP
    },
    // Triage: what happened.
    Step {
        id: "kind",
        phase: Phase::Triage,
        body: &[text("kind-question")],
        choices: &[
            choice_act("opt-kind-threat", Act::Kind(Threat), &[to("first-threat")]),
            choice_act(
                "opt-kind-harassment",
                Act::Kind(Harassment),
                &[to("first-harassment")],
            ),
            choice_act(
                "opt-kind-online-exposure",
                Act::Kind(OnlineExposure),
                &[to("first-online-exposure")],
            ),
            choice_act(
                "opt-kind-criticism",
                Act::Kind(Criticism),
                &[to("first-criticism")],
            ),
            choice_act(
                "opt-kind-hard-contact",
                Act::Kind(HardContact),
                &[to("first-hard-contact")],
            ),
            choice_act("opt-kind-other", Act::Kind(Other), &[to("first-other")]),
        ],
        next: &[to("evidence-save")],
        ..STEP
    },
    Step {
        id: "first-threat",
        phase: Phase::Triage,
        body: &[
            text("threat-serious"),
            text("threat-not-alone"),
            text("threat-in-the-moment"),
            text("threat-details"),
            text("channel-question"),
        ],
        choices: &[
            choice_act("opt-danger-now", Act::Danger, &[to("danger")]),
            CHANNEL_CHOICES[0],
            CHANNEL_CHOICES[1],
            CHANNEL_CHOICES[2],
        ],
        next: &[to("evidence-save")],
        ..STEP
    },
    Step {
        id: "first-harassment",
        phase: Phase::Triage,
        body: &[
            text("harassment-not-your-fault"),
            text("harassment-end-contact"),
            text("harassment-wait"),
            text("channel-question"),
        ],
        choices: &CHANNEL_CHOICES,
        next: &[to("evidence-save")],
        ..STEP
    },
    Step {
        id: "first-online-exposure",
        phase: Phase::Triage,
        body: &[
            text("exposure-not-your-fault"),
            text("exposure-do-not-engage"),
            Para::Slot(Slot::ExposureManagement),
            text("exposure-order"),
            text("exposure-function-signature"),
        ],
        choices: NEXT_ONLY,
        next: &[to("evidence-save")],
        ..STEP
    },
    Step {
        id: "first-criticism",
        phase: Phase::Triage,
        body: &[
            text("criticism-intro"),
            text("criticism-signs"),
            text("criticism-relief"),
            Para::Slot(Slot::CriticismFramework),
            text("criticism-crossed-line"),
        ],
        choices: &[
            choice_to("opt-crossed-line", &[to("kind")]),
            choice("opt-next"),
        ],
        next: &[to("short-respond")],
        ..STEP
    },
    Step {
        id: "first-hard-contact",
        phase: Phase::Triage,
        body: &[
            text("contact-phone"),
            text("contact-mail"),
            text("contact-may-end"),
            text("contact-crossed-line"),
        ],
        choices: &[
            choice_to("opt-crossed-line", &[to("kind")]),
            choice("opt-next"),
        ],
        next: &[to("short-respond")],
        ..STEP
    },
    // The short track for criticism and hard calls or mails.
    Step {
        id: "short-respond",
        phase: Phase::StopHarm,
        body: &[
            text("short-four-steps"),
            text("short-casework"),
            text("short-relief"),
        ],
        choices: NEXT_ONLY,
        next: &[to("short-tell")],
        ..STEP
    },
    Step {
        id: "short-tell",
        phase: Phase::Tell,
        task: Some(Task::ManagerTold),
        body: &[text("short-tell"), Para::Notifications],
        choices: &[
            choice_when(
                Cond::NoConsent,
                "opt-tell-manager",
                Act::Scope(Scope::Manager),
                &[to("consent-request")],
            ),
            choice_when(
                Cond::NoConsent,
                "opt-not-now",
                Act::Decline,
                &[to("short-done")],
            ),
            choice_when(
                Cond::ConsentActive,
                "opt-next",
                Act::Nothing,
                &[to("short-done")],
            ),
        ],
        next: &[to("short-done")],
        ..STEP
    },
    Step {
        id: "short-done",
        phase: Phase::Summary,
        body: &[text("short-done"), text("short-crossed-line")],
        choices: &[
            choice_to("opt-crossed-line", &[to("kind")]),
            choice("opt-next"),
        ],
        next: &[to("summary")],
        ..STEP
    },
    Step {
        id: "first-other",
        phase: Phase::Triage,
        body: &[
            text("other-your-experience"),
            Para::Slot(Slot::OtherInfluence),
            text("other-same-steps"),
            text("channel-question"),
        ],
        choices: &CHANNEL_CHOICES,
        next: &[to("evidence-save")],
        ..STEP
    },
    // P2: evidence.
    Step {
        id: "evidence-save",
        phase: Phase::Evidence,
        task: Some(Task::EvidenceSaved),
        body: &[
            text("evidence-save-first"),
            text_if(Cond::NotVia(Channel::Spoken), "evidence-save-what"),
            text_if(Cond::Via(Channel::Spoken), "evidence-save-spoken"),
            text_if(Cond::Online, "evidence-save-witnessed"),
            text("evidence-save-question"),
        ],
        choices: EVIDENCE_CHOICES,
        next: &[to("evidence-notes")],
        ..STEP
    },
    Step {
        id: "evidence-notes",
        phase: Phase::Evidence,
        task: Some(Task::NotesWritten),
        body: &[
            text("evidence-notes-what"),
            text_if(Cond::Kinds(&[Other, Harassment]), "evidence-notes-feelings"),
            text("evidence-notes-pattern"),
            Para::Slot(Slot::EvidenceRecord),
            text("evidence-notes-question"),
        ],
        choices: EVIDENCE_CHOICES,
        next: &[to("evidence-witnesses")],
        ..STEP
    },
    Step {
        id: "evidence-witnesses",
        phase: Phase::Evidence,
        task: Some(Task::WitnessesAndLinks),
        body: &[
            text("evidence-witnesses"),
            text_if(Cond::Online, "evidence-links"),
            text("evidence-witnesses-question"),
        ],
        choices: EVIDENCE_CHOICES,
        next: &[to("stop-engage")],
        ..STEP
    },
    Step {
        id: EVIDENCE_NOTE,
        phase: Phase::Evidence,
        transient: true,
        body: &[text("evidence-note-intro")],
        choices: &[choice_to("opt-evidence-done", &[BACK])],
        next: &[BACK],
        ..STEP
    },
    // P3: stop the harm.
    Step {
        id: "stop-engage",
        phase: Phase::StopHarm,
        body: &[
            // Someone who threatened, harassed or exposed: no answer, no contact of one's own.
            text_if(Cond::Kinds(SERIOUS), "stop-no-counter"),
            text_if(Cond::KindUnknown, "stop-no-counter"),
            Para::Slot(Slot::StopNoContact),
            // Anything else: ordinary casework goes on, without being drawn in.
            text_if(
                Cond::Kinds(&[Other, Criticism, HardContact]),
                "stop-other-casework",
            ),
            Para::Slot(Slot::StopAskMeaning),
            text_if(Cond::Kinds(SHORT), "stop-relief"),
        ],
        choices: NEXT_ONLY,
        next: &[to_if(Cond::Online, "stop-platform"), to("tell")],
        ..STEP
    },
    Step {
        id: "stop-platform",
        phase: Phase::StopHarm,
        when: Cond::Online,
        task: Some(Task::HarmStopped),
        body: &[
            text("stop-platform-report"),
            Para::Slot(Slot::PlatformGuide),
            text("stop-platform-helper"),
            // Search hits and public details matter when someone is exposed; for a threat or
            // harassment online the step stays at the platform and the accounts.
            text_if(Cond::Kinds(&[OnlineExposure]), "stop-platform-deindex"),
            text_if(Cond::Kinds(&[OnlineExposure]), "stop-platform-private-info"),
            text("stop-platform-question"),
        ],
        choices: TASK_CHOICES,
        next: &[to("tell")],
        ..STEP
    },
    // P4: who to tell.
    Step {
        id: "tell",
        phase: Phase::Tell,
        task: Some(Task::ManagerTold),
        body: &[
            text("tell-manager"),
            Para::Slot(Slot::TellWhom),
            text_if(Cond::Kinds(REPEATING), "tell-colleagues"),
            text_if(Cond::NoConsent, "tell-offer"),
            Para::Notifications,
        ],
        choices: &[
            choice_when(
                Cond::NoConsent,
                "opt-tell-manager",
                Act::Scope(Scope::Manager),
                &[to("consent-request")],
            ),
            choice_when(
                Cond::NoConsent,
                "opt-tell-safety-rep",
                Act::Scope(Scope::SafetyRep),
                &[to("consent-request")],
            ),
            choice_when(
                Cond::NoConsent,
                "opt-tell-both",
                Act::Scope(Scope::Both),
                &[to("consent-request")],
            ),
            choice_when(
                Cond::NoConsent,
                "opt-told-myself",
                Act::Status(TaskStatus::Done),
                &[to_if(Cond::Kinds(SHORT), "short-done"), to("report-police")],
            ),
            choice_when(
                Cond::NoConsent,
                "opt-not-now",
                Act::Decline,
                &[to_if(Cond::Kinds(SHORT), "short-done"), to("report-police")],
            ),
            choice_when(
                Cond::ConsentActive,
                "opt-next",
                Act::Nothing,
                &[to("report-police")],
            ),
            choice_when(
                Cond::ConsentActive,
                "opt-withdraw",
                Act::Nothing,
                &[to("consent-withdraw")],
            ),
        ],
        next: &[to("report-police")],
        ..STEP
    },
    Step {
        id: "consent-request",
        phase: Phase::Tell,
        body: &[text("consent-request")],
        choices: &[
            choice_act(
                "opt-request-call",
                Act::Request(Request::CallToday),
                &[to("consent-preview")],
            ),
            choice_act(
                "opt-request-meeting",
                Act::Request(Request::Meeting),
                &[to("consent-preview")],
            ),
            choice_act(
                "opt-request-know",
                Act::Request(Request::JustKnow),
                &[to("consent-preview")],
            ),
        ],
        next: &[to("consent-preview")],
        ..STEP
    },
    Step {
        id: "consent-preview",
        phase: Phase::Tell,
        // Short: what it says in one line and everyone who may receive it; the exact text on
        // request.
        body: &[
            text("consent-preview-short"),
            Para::Recipients,
            text_if(Cond::Reaches, "consent-preview-question"),
            text_if(Cond::ReachesNobody, "consent-preview-nobody"),
        ],
        choices: &[
            PREVIEW_ANSWERS[0],
            PREVIEW_ANSWERS[1],
            PREVIEW_ANSWERS[2],
            choice_to("opt-preview-full", &[to("consent-preview-full")]),
        ],
        next: &[to("consent-sent")],
        ..STEP
    },
    Step {
        id: "consent-preview-full",
        phase: Phase::Tell,
        transient: true,
        body: &[
            text("consent-preview-intro"),
            Para::Preview,
            text_if(Cond::Reaches, "consent-preview-question"),
            text_if(Cond::ReachesNobody, "consent-preview-nobody"),
        ],
        choices: &PREVIEW_ANSWERS,
        next: &[to("consent-sent")],
        ..STEP
    },
    Step {
        id: "consent-sent",
        phase: Phase::Tell,
        body: &[
            text_if(Cond::ReachedSomeone, "consent-sent"),
            text_if(Cond::ReachedNobody, "consent-sent-nobody"),
            text_if(Cond::WaitsForWorkday, "consent-sent-after-hours"),
            Para::Notifications,
            text("consent-sent-withdraw"),
        ],
        choices: NEXT_ONLY,
        next: &[to_if(Cond::Kinds(SHORT), "short-done"), to("report-police")],
        ..STEP
    },
    Step {
        id: "consent-status",
        phase: Phase::Tell,
        transient: true,
        body: &[
            text_if(Cond::NobodyTold, "status-nobody-told"),
            Para::Notifications,
        ],
        choices: &[
            choice_when(
                Cond::ConsentActive,
                "opt-withdraw",
                Act::Nothing,
                &[to("consent-withdraw")],
            ),
            choice_when(Cond::NoConsent, "opt-tell-now", Act::Nothing, &[to("tell")]),
            choice_to("opt-menu-continue", &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "consent-withdraw",
        phase: Phase::Tell,
        transient: true,
        body: &[text("withdraw-confirm")],
        choices: &[
            choice_act(
                "opt-withdraw-yes",
                Act::Withdraw,
                &[to("consent-withdrawn")],
            ),
            choice_to("opt-withdraw-no", &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "consent-withdrawn",
        phase: Phase::Tell,
        transient: true,
        body: &[text("withdraw-done")],
        choices: &[choice_to("opt-menu-continue", &[BACK])],
        next: &[BACK],
        ..STEP
    },
    // P5: report and register.
    Step {
        id: "report-police",
        phase: Phase::Report,
        task: Some(Task::PoliceReport),
        body: &[Para::Slot(Slot::Police), text("police-question")],
        choices: TASK_CHOICES,
        next: &[to("report-incident")],
        ..STEP
    },
    Step {
        id: "report-incident",
        phase: Phase::Report,
        task: Some(Task::IncidentRegistered),
        body: &[
            Para::Slot(Slot::IncidentReport),
            text_if(Cond::HasIncidentSystem, "incident-system-name"),
            Para::Slot(Slot::IncidentAfter),
            text("incident-question"),
        ],
        choices: TASK_CHOICES,
        next: &[to("support")],
        ..STEP
    },
    // P6: support.
    Step {
        id: "support",
        phase: Phase::Support,
        task: Some(Task::SupportArranged),
        body: &[
            text("support-reactions"),
            Para::Slot(Slot::SupportTalk),
            text_if(Cond::Kinds(SERIOUS), "support-not-alone"),
            text("support-contacts-intro"),
            Para::Contacts,
            Para::Slot(Slot::VictimSupport),
            text("support-union"),
            Para::Slot(Slot::SupportHome),
            Para::Slot(Slot::WorkInjury),
            text("support-question"),
        ],
        choices: TASK_CHOICES,
        next: &[to("followup")],
        ..STEP
    },
    // P7: follow-up.
    Step {
        id: "followup",
        phase: Phase::FollowUp,
        body: &[
            text("followup-agree"),
            text("followup-again"),
            text("followup-checkins"),
            text("followup-come-back"),
        ],
        choices: NEXT_ONLY,
        next: &[to("summary")],
        ..STEP
    },
    Step {
        id: "summary",
        phase: Phase::Summary,
        body: &[
            text("summary-intro"),
            Para::Summary,
            text("summary-closing"),
        ],
        choices: &[
            choice_to("opt-finish", &[to("done")]),
            choice_to("opt-menu", &[to("menu")]),
            choice_act("opt-new-case", Act::NewCase, &[to("new-incident")]),
        ],
        next: &[to("done")],
        ..STEP
    },
    Step {
        id: "done",
        phase: Phase::Summary,
        body: &[text("done-take-care"), text("done-danger")],
        choices: &[
            choice_to("opt-show-summary", &[to("summary")]),
            choice_act("opt-new-case", Act::NewCase, &[to("new-incident")]),
        ],
        next: &[to("summary")],
        ..STEP
    },
    // Put in front of the employee by a check-in timer.
    Step {
        id: CHECKIN,
        phase: Phase::FollowUp,
        transient: true,
        body: &[text("checkin-how")],
        choices: &[
            choice_act(
                "opt-checkin-ok",
                Act::CheckInAnswered,
                &[to("checkin-thanks")],
            ),
            choice_act(
                "opt-checkin-new",
                Act::CheckInAnswered,
                &[to("checkin-new")],
            ),
            choice_act(
                "opt-checkin-support",
                Act::CheckInAnswered,
                &[to("support")],
            ),
            choice_to("opt-checkin-close", &[to("checkin-close")]),
            choice_act("opt-checkin-snooze", Act::Snooze, &[to("checkin-snoozed")]),
        ],
        next: &[to("checkin-thanks")],
        ..STEP
    },
    // Something new happened, said at a check-in: safety first, then is it part of this case.
    Step {
        id: "checkin-new",
        phase: Phase::FollowUp,
        transient: true,
        body: &[text("new-incident-safety"), text("checkin-new-which")],
        choices: &[
            choice_act("opt-danger-now", Act::Danger, &[to("danger")]),
            choice_to("opt-new-same-case", &[to("evidence-save")]),
            choice_act("opt-new-other-case", Act::NewCase, &[to("kind")]),
        ],
        next: &[to("evidence-save")],
        ..STEP
    },
    // A new incident from the menu or the summary: the safety question first, then the kind,
    // as the first time.
    Step {
        id: "new-incident",
        phase: Phase::Start,
        transient: true,
        body: &[text("new-incident-safety")],
        choices: &[
            choice_act("opt-danger-now", Act::Danger, &[to("danger")]),
            choice_to("opt-start-guidance", &[to("kind")]),
        ],
        next: &[to("kind")],
        ..STEP
    },
    Step {
        id: "checkin-thanks",
        phase: Phase::FollowUp,
        transient: true,
        body: &[text("checkin-thanks")],
        choices: &[choice_to("opt-menu-continue", &[BACK])],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "checkin-snoozed",
        phase: Phase::FollowUp,
        transient: true,
        body: &[text("checkin-snoozed")],
        choices: &[choice_to("opt-menu-continue", &[BACK])],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "checkin-close",
        phase: Phase::FollowUp,
        transient: true,
        body: &[text("close-confirm")],
        choices: &[
            choice_act("opt-close-yes", Act::CloseCase, &[to("case-closed")]),
            choice_to("opt-close-no", &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "case-closed",
        phase: Phase::Summary,
        body: &[text("case-closed"), text("done-danger")],
        choices: &[
            choice_act("opt-new-case", Act::NewCase, &[to("new-incident")]),
            choice_to("opt-finish", &[to("done")]),
        ],
        next: &[to("done")],
        ..STEP
    },
    Step {
        id: "exported",
        phase: Phase::Report,
        transient: true,
        body: &[text("exported")],
        choices: &[choice_to("opt-menu-continue", &[BACK])],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "erase-confirm",
        phase: Phase::Start,
        transient: true,
        body: &[text("erase-confirm")],
        choices: &[
            choice_act("opt-erase-yes", Act::EraseMine, &[to("erased")]),
            choice_to("opt-erase-no", &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "erased",
        phase: Phase::Start,
        transient: true,
        body: &[text("erased"), text("done-danger")],
        choices: &[choice_to("opt-start-over", &[to("start")])],
        next: &[to("start")],
        ..STEP
    },
    // Reachable from anywhere with the menu command.
    Step {
        id: "menu",
        phase: Phase::Start,
        transient: true,
        body: &[text("menu-intro")],
        choices: &[
            choice_to("opt-menu-continue", &[BACK]),
            choice_act("opt-danger-now", Act::Danger, &[to("danger")]),
            choice_to("opt-menu-kind", &[to("kind")]),
            choice_to("opt-menu-evidence", &[to("evidence-save")]),
            choice_to("opt-menu-stop-harm", &[to("stop-engage")]),
            choice_to("opt-menu-tell", &[to("tell")]),
            choice_to("opt-menu-report", &[to("report-police")]),
            choice_to("opt-menu-support", &[to("support")]),
            choice_to("opt-menu-consent", &[to("consent-status")]),
            choice_to("opt-menu-summary", &[to("summary")]),
            choice_to("opt-menu-advice", &[to("advice")]),
            choice_to("opt-menu-templates", &[to("templates")]),
            choice_to("opt-menu-who-files", &[to("who-files")]),
            choice_to("opt-menu-erase", &[to("erase-confirm")]),
            choice_act("opt-menu-export", Act::Export, &[to("exported")]),
            choice_to("opt-change-language", &[to("language")]),
            choice_to("opt-menu-helper", &[to(HELPER_ASK)]),
        ],
        next: &[BACK],
        ..STEP
    },
    // Inviting a colleague to help collect evidence: the employee writes their name.
    Step {
        id: HELPER_ASK,
        phase: Phase::Evidence,
        body: &[text("helper-ask"), Para::Helpers],
        choices: &[
            choice_when(
                Cond::HasHelpers,
                "opt-helper-remove",
                Act::RemoveHelpers,
                &[to("helper-removed")],
            ),
            choice_to("opt-menu-continue", &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "helper-confirm",
        phase: Phase::Evidence,
        transient: true,
        body: &[Para::WithHelper("helper-confirm")],
        choices: &[
            choice_act("opt-helper-send", Act::InviteHelper, &[to("helper-sent")]),
            choice_to("opt-helper-cancel", &[BACK]),
        ],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "helper-sent",
        phase: Phase::Evidence,
        transient: true,
        body: &[Para::WithHelper("helper-sent")],
        choices: &[choice_to("opt-menu-continue", &[BACK])],
        next: &[BACK],
        ..STEP
    },
    Step {
        id: "helper-removed",
        phase: Phase::Evidence,
        transient: true,
        body: &[text("helper-removed")],
        choices: &[choice_to("opt-menu-continue", &[BACK])],
        next: &[BACK],
        ..STEP
    },
];
