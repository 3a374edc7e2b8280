//! Sweden: who files what, the provisions of Brottsbalken that may apply, and the Swedish
//! paragraphs of each playbook slot (texts in `locales/<lang>/country-se.ftl`).

use super::{Applies, Deadline, DutyRule, Jurisdiction, Rules, Slot};
use crate::engine::playbook::{text, text_if, Cond, Para};
use crate::engine::state::Duty;
use crate::model::IncidentKind::{Harassment, OnlineExposure, Other, Threat};

pub const SWEDEN: Jurisdiction = Jurisdiction {
    code: "SE",
    rules: Rules {
        police_report: "who-se-police",
        incident_registration: "who-se-incident",
        authority_notification: "who-se-authority",
        victim_support: "who-se-victim",
        laws: &[
            "law-se-bb-17-1",
            "law-se-bb-4-5",
            "law-se-bb-4-7",
            "law-se-bb-5-1",
            "law-se-bb-5-3",
        ],
    },
    paragraphs,
    // A serious incident is reported to Arbetsmiljöverket without delay, within 24 hours.
    duties: &[DutyRule {
        duty: Duty::WorkEnvironmentAuthority,
        applies: Applies::Urgent,
        first: Deadline::Hours(2),
        last_after_hours: Some(20),
        daily_reminders: 0,
    }],
};

fn paragraphs(slot: Slot) -> &'static [Para] {
    match slot {
        Slot::Police => {
            const {
                &[
                    text("police-se-who"),
                    text("police-se-where"),
                    text("police-se-even-if-doubt"),
                    text_if(Cond::Kinds(&[OnlineExposure]), "police-se-civil"),
                    text("police-se-no-verdict"),
                ]
            }
        }
        Slot::IncidentReport => const { &[text("incident-se-report"), text("incident-se-mark")] },
        Slot::IncidentAfter => const { &[text("incident-se-authority")] },
        Slot::SupportTalk => const { &[text("support-se-talk")] },
        Slot::VictimSupport => const { &[text("support-se-victim")] },
        Slot::SupportHome => {
            const {
                &[text_if(
                    Cond::Kinds(&[Threat, Harassment]),
                    "support-se-home",
                )]
            }
        }
        Slot::WorkInjury => const { &[text("support-se-work-injury")] },
        Slot::ManagerSupport => const { &[text("mgr-se-support")] },
        Slot::ManagerPolice => const { &[text("mgr-se-police")] },
        Slot::DangerAfterPolice => const { &[text("danger-se-after-police")] },
        Slot::TellWhom => {
            const {
                &[
                    text("tell-se-safety-rep"),
                    text_if(Cond::Kinds(&[Threat]), "tell-se-security-coordinator"),
                    text_if(Cond::Kinds(&[OnlineExposure]), "tell-se-communicator"),
                ]
            }
        }
        Slot::GuidanceReport => {
            const { &[text_if(Cond::ForManager, "guidance-manager-se-report")] }
        }
        Slot::GuidanceSupport => {
            const { &[text_if(Cond::ForManager, "guidance-manager-se-support")] }
        }
        Slot::ManagerReport => {
            const {
                &[
                    text("mgr-se-report"),
                    text_if(Cond::HasIncidentSystem, "mgr-se-report-system"),
                ]
            }
        }
        Slot::ManagerReportBrief => const { &[text("mgr-se-report")] },
        Slot::ManagerInform => const { &[text("mgr-se-director")] },
        Slot::SafetyRepRole => const { &[text("sr-se-role")] },
        Slot::OtherInfluence => const { &[text("other-se-influence")] },
        Slot::StopAskMeaning => const { &[text_if(Cond::Kinds(&[Other]), "stop-se-ask-meaning")] },
        Slot::PhoneRight => const { &[text("advice-se-phone-right")] },
        Slot::AckedDuty => {
            const {
                &[text_if(
                    Cond::All2(&Cond::ForManager, &Cond::Urgent),
                    "acked-se-authority",
                )]
            }
        }
        Slot::ManagerSecurity => {
            const {
                &[text_if(
                    Cond::Kinds(&[Threat]),
                    "mgr-se-security-coordinator",
                )]
            }
        }
        Slot::OffenderLetter
        | Slot::ExposureManagement
        | Slot::CriticismFramework
        | Slot::EvidenceRecord
        | Slot::StopNoContact
        | Slot::PlatformGuide
        | Slot::ManagerOffender
        | Slot::ColleagueNoContact
        | Slot::TrollsCaveat => &[],
    }
}
