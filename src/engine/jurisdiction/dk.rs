//! Denmark: who files what, the provisions of Straffeloven that may apply, and the Danish
//! paragraphs of each playbook slot (texts in `locales/<lang>/country-dk.ftl`).

use super::{Applies, Deadline, DutyRule, Jurisdiction, Rules, Slot};
use crate::engine::playbook::{text, text_if, Cond, Para};
use crate::engine::state::Duty;
use crate::model::IncidentKind::{
    self, Criticism, Harassment, HardContact, OnlineExposure, Other, Threat,
};

/// Threats, harassment and exposure online.
const SERIOUS: &[IncidentKind] = &[Threat, Harassment, OnlineExposure];
/// Kinds with the full track: the registration duty and the letter to the offender. Criticism
/// and hard calls or mails are left out: nobody contacts a citizen who only complained.
const FULL: &[IncidentKind] = &[Threat, Harassment, OnlineExposure, Other];

pub const DENMARK: Jurisdiction = Jurisdiction {
    code: "DK",
    rules: Rules {
        police_report: "who-dk-police",
        incident_registration: "who-dk-incident",
        authority_notification: "who-dk-authority",
        victim_support: "who-dk-victim",
        laws: &["law-dk-119", "law-dk-119a", "law-dk-266", "law-dk-267"],
    },
    paragraphs,
    // The incident is registered in the employer's system, reminded each working day; criticism
    // and hard calls or mails carry no registration duty of their own.
    duties: &[DutyRule {
        duty: Duty::Registration,
        applies: Applies::ExceptKinds(&[Criticism, HardContact]),
        first: Deadline::NextWorkingDay,
        last_after_hours: None,
        daily_reminders: 5,
    }],
};

fn paragraphs(slot: Slot) -> &'static [Para] {
    match slot {
        Slot::Police => {
            const {
                &[
                    text("police-dk-who"),
                    text("police-dk-where"),
                    text("police-dk-together"),
                    text("police-dk-no-verdict"),
                ]
            }
        }
        Slot::IncidentReport => const { &[text("incident-dk-register")] },
        Slot::IncidentAfter => const { &[text("incident-dk-injury"), text("incident-dk-doctor")] },
        Slot::SupportTalk => const { &[text("support-dk-psychologist")] },
        Slot::VictimSupport => const { &[text("support-dk-victim")] },
        Slot::SupportHome => {
            const {
                &[text_if(
                    Cond::Kinds(&[Threat, Harassment]),
                    "support-dk-home",
                )]
            }
        }
        Slot::WorkInjury => const { &[text("support-dk-work-injury")] },
        Slot::ManagerSupport => const { &[text("mgr-dk-support")] },
        Slot::ManagerPolice => const { &[text("mgr-dk-police")] },
        Slot::DangerAfterPolice => const { &[text("danger-dk-after-police")] },
        Slot::TellWhom => const { &[text("tell-dk-amr")] },
        Slot::GuidanceReport => {
            const {
                &[
                    text_if(Cond::ForManager, "guidance-manager-dk-report"),
                    text_if(
                        Cond::All2(&Cond::ForManager, &Cond::Kinds(FULL)),
                        "guidance-manager-dk-offender",
                    ),
                ]
            }
        }
        Slot::GuidanceSupport => {
            const { &[text_if(Cond::ForManager, "guidance-manager-dk-support")] }
        }
        Slot::ManagerReport => {
            const {
                &[
                    text("mgr-dk-register"),
                    text_if(Cond::HasIncidentSystem, "mgr-dk-register-system"),
                ]
            }
        }
        Slot::ManagerReportBrief => const { &[text("mgr-dk-register")] },
        Slot::ManagerInform => const { &[text("mgr-dk-secretariat")] },
        Slot::SafetyRepRole => const { &[text("sr-dk-role")] },
        Slot::ExposureManagement => const { &[text("exposure-dk-management-only")] },
        Slot::CriticismFramework => const { &[text("criticism-dk-framework")] },
        Slot::EvidenceRecord => const { &[text("evidence-notes-dk-record")] },
        Slot::StopNoContact => const { &[text_if(Cond::Kinds(SERIOUS), "stop-dk-no-contact")] },
        Slot::PlatformGuide => const { &[text("stop-platform-dk-guide")] },
        Slot::ManagerOffender => const { &[text("mgr-dk-offender")] },
        Slot::ColleagueNoContact => const { &[text("col-dk-dont-contact")] },
        Slot::TrollsCaveat => const { &[text("advice-trolls-dk-caveat")] },
        Slot::AckedDuty => {
            const {
                &[text_if(
                    Cond::All2(&Cond::ForManager, &Cond::Kinds(FULL)),
                    "acked-dk-registration",
                )]
            }
        }
        Slot::OffenderLetter => const { &[text_if(Cond::Kinds(FULL), "tpl-dk-letter")] },
        Slot::ManagerSecurity | Slot::OtherInfluence | Slot::StopAskMeaning | Slot::PhoneRight => {
            &[]
        }
    }
}
