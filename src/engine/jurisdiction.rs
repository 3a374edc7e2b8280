//! Who files what, per country, as data: the police report, the incident registration, the
//! notification of the work environment authority, victim support, and the provisions that may
//! apply. The words are Fluent ids; which ids a country has is decided here, never in prose —
//! so a Danish employee is never told that the employer files their complaint, and a Swedish
//! employee never sees Danish channels.

use crate::model::Country;

#[derive(Debug)]
pub struct Rules {
    pub police_report: &'static str,
    pub incident_registration: &'static str,
    pub authority_notification: &'static str,
    pub victim_support: &'static str,
    /// Provisions that may apply; only the police and the courts decide whether they do.
    pub laws: &'static [&'static str],
}

pub const SWEDEN: Rules = Rules {
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
};

pub const DENMARK: Rules = Rules {
    police_report: "who-dk-police",
    incident_registration: "who-dk-incident",
    authority_notification: "who-dk-authority",
    victim_support: "who-dk-victim",
    laws: &["law-dk-119", "law-dk-119a", "law-dk-266", "law-dk-267"],
};

pub fn rules(country: Country) -> &'static Rules {
    match country {
        Country::Sweden => &SWEDEN,
        Country::Denmark => &DENMARK,
    }
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
    fn each_country_has_only_its_own_ids() {
        assert!(SWEDEN.ids().all(|id| id.contains("-se-")));
        assert!(DENMARK.ids().all(|id| id.contains("-dk-")));
    }
}
