//! Country as data: one module per jurisdiction (`se.rs`, `dk.rs`) holds who files what (the
//! police report, the incident registration, the notification of the work environment
//! authority, victim support), the provisions that may apply, and the paragraphs for each
//! `Slot` of the playbooks as an exhaustive `match`. The playbooks name slots, never countries;
//! the words are Fluent ids in `locales/<lang>/country-<cc>.ftl` — so a Danish employee is never
//! told that the employer files their complaint, and a Swedish employee never sees Danish
//! channels. Adding a country: a `Country` variant, a file here, its Fluent files.

mod dk;
mod se;

use super::playbook::Para;
use super::state::Duty;
use crate::model::{Country, IncidentKind};

/// A place in a playbook whose content differs by country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Who reports to the police, where, and that only the police and the courts decide.
    Police,
    /// How the incident is reported or registered at work.
    IncidentReport,
    /// What follows the registration: the authority, an injury report, the doctor.
    IncidentAfter,
    /// Someone to talk to: the country's usual channel for crisis support.
    SupportTalk,
    /// Victim support outside work.
    VictimSupport,
    /// Safety at home (threats and harassment).
    SupportHome,
    /// A work injury and its insurance.
    WorkInjury,
    /// The manager's support for the employee.
    ManagerSupport,
    /// The manager and the police report.
    ManagerPolice,
    /// The manager's duty, said right after the acknowledgement.
    AckedDuty,
    /// After the call to the emergency number: reporting to the police.
    DangerAfterPolice,
    /// Whom else the employee may tell: the safety representative, and who else helps.
    TellWhom,
    /// The manager's first guidance: reporting, and (where it applies) the offender.
    GuidanceReport,
    /// The manager's first guidance: support for the employee.
    GuidanceSupport,
    /// The manager's checklist: the incident report or registration.
    ManagerReport,
    /// The manager's week, in short: the incident report or registration.
    ManagerReportBrief,
    /// Who above the manager is told.
    ManagerInform,
    /// The safety representative's role.
    SafetyRepRole,
    // Optional: a country may have nothing here (an empty slice).
    /// Exposure online: who at work handles it.
    ExposureManagement,
    /// Criticism: the framework it is handled in.
    CriticismFramework,
    /// Something else: when it may be an attempt to influence.
    OtherInfluence,
    /// Notes as evidence: how a record is kept.
    EvidenceRecord,
    /// Stopping it: no contact with the person.
    StopNoContact,
    /// Stopping it: asking what was meant.
    StopAskMeaning,
    /// Reporting to a platform: a national guide.
    PlatformGuide,
    /// The manager's week: a letter to the offender.
    ManagerOffender,
    /// Colleagues: not contacting the person.
    ColleagueNoContact,
    /// Advice on trolls: a caveat.
    TrollsCaveat,
    /// Advice on calls: the right to end a call.
    PhoneRight,
    /// The manager's letter to the offender (the steps about it are shown only when the
    /// country has it: `Cond::Fills`).
    OffenderLetter,
    /// The manager and the security coordinator (threats).
    ManagerSecurity,
}

impl Slot {
    pub const ALL: [Slot; 31] = [
        Slot::Police,
        Slot::IncidentReport,
        Slot::IncidentAfter,
        Slot::SupportTalk,
        Slot::VictimSupport,
        Slot::SupportHome,
        Slot::WorkInjury,
        Slot::ManagerSupport,
        Slot::ManagerPolice,
        Slot::AckedDuty,
        Slot::DangerAfterPolice,
        Slot::TellWhom,
        Slot::GuidanceReport,
        Slot::GuidanceSupport,
        Slot::ManagerReport,
        Slot::ManagerReportBrief,
        Slot::ManagerInform,
        Slot::SafetyRepRole,
        Slot::ExposureManagement,
        Slot::CriticismFramework,
        Slot::OtherInfluence,
        Slot::EvidenceRecord,
        Slot::StopNoContact,
        Slot::StopAskMeaning,
        Slot::PlatformGuide,
        Slot::ManagerOffender,
        Slot::ColleagueNoContact,
        Slot::TrollsCaveat,
        Slot::PhoneRight,
        Slot::OffenderLetter,
        Slot::ManagerSecurity,
    ];

    /// Whether a country may leave this slot empty (the others must say something).
    pub fn optional(self) -> bool {
        matches!(
            self,
            Slot::ExposureManagement
                | Slot::CriticismFramework
                | Slot::OtherInfluence
                | Slot::EvidenceRecord
                | Slot::StopNoContact
                | Slot::StopAskMeaning
                | Slot::PlatformGuide
                | Slot::ManagerOffender
                | Slot::ColleagueNoContact
                | Slot::TrollsCaveat
                | Slot::PhoneRight
                | Slot::OffenderLetter
                | Slot::ManagerSecurity
        )
    }
}

/// One country's rules and content. Plain data, so a test can make one.
#[derive(Debug)]
pub struct Jurisdiction {
    /// The country code as in bot.toml and in Fluent selectors ("SE").
    pub code: &'static str,
    pub rules: Rules,
    /// The paragraphs of each slot (conditions on the incident kind only, never on a country).
    pub paragraphs: fn(Slot) -> &'static [Para],
    /// The manager's duties once they acknowledge a case, with deadlines and reminders.
    pub duties: &'static [DutyRule],
}

/// The most reminders any duty has (their timers are numbered 1 to this).
pub const MAX_DUTY_REMINDERS: u32 = 5;

/// A duty of the manager who acknowledged a case: when it applies, when it is first reminded,
/// and how often after that.
#[derive(Clone, Copy, Debug)]
pub struct DutyRule {
    pub duty: Duty,
    pub applies: Applies,
    pub first: Deadline,
    /// A last reminder this many hours after the case was first told, if later than the first.
    pub last_after_hours: Option<i64>,
    /// Reminded again at the start of each working day, up to this many times in all.
    pub daily_reminders: u32,
}

/// Which cases a duty applies to.
#[derive(Clone, Copy, Debug)]
pub enum Applies {
    /// Urgent cases (threats, immediate danger).
    Urgent,
    /// Every kind but these.
    ExceptKinds(&'static [IncidentKind]),
}

/// When a duty is first reminded, from the acknowledgement.
#[derive(Clone, Copy, Debug)]
pub enum Deadline {
    Hours(i64),
    NextWorkingDay,
}

/// Every jurisdiction Fyr knows, for the tests that iterate them.
pub const ALL: [&Jurisdiction; 2] = [&se::SWEDEN, &dk::DENMARK];

pub fn of(country: Country) -> &'static Jurisdiction {
    match country {
        Country::Sweden => &se::SWEDEN,
        Country::Denmark => &dk::DENMARK,
    }
}

/// Who files what in `country`.
pub fn rules(country: Country) -> &'static Rules {
    &of(country).rules
}

/// The slots the playbooks use (as paragraphs, or as the condition of a step), each once.
pub fn used_slots() -> Vec<Slot> {
    let mut slots = Vec::new();
    for book in super::PLAYBOOKS {
        for step in book.steps {
            if let super::playbook::Cond::Fills(slot) = step.when {
                if !slots.contains(&slot) {
                    slots.push(slot);
                }
            }
            for para in step.body {
                if let Para::Slot(slot) = para {
                    if !slots.contains(slot) {
                        slots.push(*slot);
                    }
                }
            }
        }
    }
    slots
}

/// What a jurisdiction lacks: each slot a playbook uses that has no paragraph, and each
/// message id (of its slots and its rules) that `exists` does not know.
pub fn problems(j: &Jurisdiction, exists: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for slot in used_slots() {
        let paras = (j.paragraphs)(slot);
        if paras.is_empty() && !slot.optional() {
            out.push(format!("{}: no paragraph for {slot:?}", j.code));
        }
        for para in paras {
            match para {
                Para::Text(_, id) if !exists(id) => {
                    out.push(format!("{}: {slot:?}: {id} is not in the locales", j.code));
                }
                Para::Text(..) => {}
                other => out.push(format!("{}: {slot:?}: {other:?} is not a text", j.code)),
            }
        }
    }
    for id in j.rules.ids() {
        if !exists(id) {
            out.push(format!("{}: {id} is not in the locales", j.code));
        }
    }
    out
}

/// Who files what, as Fluent ids.
#[derive(Debug)]
pub struct Rules {
    pub police_report: &'static str,
    pub incident_registration: &'static str,
    pub authority_notification: &'static str,
    pub victim_support: &'static str,
    /// Provisions that may apply; only the police and the courts decide whether they do.
    pub laws: &'static [&'static str],
}

impl Rules {
    /// Every message id of a country, in the order shown.
    pub fn ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        [
            self.police_report,
            self.incident_registration,
            self.authority_notification,
            self.victim_support,
        ]
        .into_iter()
        .chain(self.laws.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_duty_of_every_country_has_a_deadline_within_its_reminders() {
        for j in ALL {
            for rule in j.duties {
                assert!(rule.daily_reminders <= MAX_DUTY_REMINDERS, "{}", j.code);
                if let Deadline::Hours(h) = rule.first {
                    assert!(h > 0 && rule.last_after_hours.is_none_or(|l| l > h));
                }
            }
        }
    }

    #[test]
    fn each_country_has_only_its_own_ids() {
        for j in ALL {
            let own = format!("-{}-", j.code.to_lowercase());
            assert!(j.rules.ids().all(|id| id.contains(&own)), "{}", j.code);
            for slot in Slot::ALL {
                for para in (j.paragraphs)(slot) {
                    if let Para::Text(_, id) = para {
                        assert!(id.contains(&own), "{}: {slot:?}: {id}", j.code);
                    }
                }
            }
        }
    }
}
