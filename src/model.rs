//! Domain vocabulary shared by every layer: who (persons, units), where (country) and in which
//! language, and what happened (incident kinds). Plain data; no behaviour that needs I/O.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The jurisdiction of a unit. It decides law, numbers, registers and who files what — never the
/// language a person reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Country {
    #[serde(rename = "SE")]
    Sweden,
    #[serde(rename = "DK")]
    Denmark,
}

impl Country {
    pub fn code(self) -> &'static str {
        match self {
            Country::Sweden => "SE",
            Country::Denmark => "DK",
        }
    }
}

/// The language a person reads. Swedish and Danish are the product languages; English is only a
/// fallback for the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Sv,
    Da,
    En,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Sv, Language::Da, Language::En];

    pub fn code(self) -> &'static str {
        match self {
            Language::Sv => "sv",
            Language::Da => "da",
            Language::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What happened, as the employee describes it at triage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IncidentKind {
    /// Threats of violence, against relatives, blackmail. Urgent.
    Threat,
    /// Harassment or hate: insults, unpleasant mail, calls or texts, filming without permission.
    Harassment,
    /// Online exposure ("uthängning", "udstilling") or a personal attack on the internet.
    OnlineExposure,
    /// Hostile criticism or a persistent complainer.
    Criticism,
    /// A hard phone call or mail.
    HardContact,
    /// Anything else the employee experienced as pressure.
    Other,
}

impl IncidentKind {
    pub const ALL: [IncidentKind; 6] = [
        IncidentKind::Threat,
        IncidentKind::Harassment,
        IncidentKind::OnlineExposure,
        IncidentKind::Criticism,
        IncidentKind::HardContact,
        IncidentKind::Other,
    ];
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        /// Shared: a step copies ids often (into conversations, cases, messages), and a copy
        /// is a reference count, not a new string.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(std::sync::Arc<str>);

        impl $name {
            pub fn new(s: impl AsRef<str>) -> Self {
                Self(std::sync::Arc::from(s.as_ref()))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(
    /// A person's id from bot.toml (for example `se-employee`).
    PersonId
);
string_id!(
    /// A unit's id from bot.toml.
    UnitId
);
string_id!(
    /// A neutral, random case reference such as `F-7K3M-Q9XD`. It reveals neither who nor what.
    CaseId
);
