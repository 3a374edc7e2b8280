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

/// Timestamps as the store writes them: the same RFC 3339 text as chrono's own `Serialize`
/// (`2026-03-02T08:00:00Z`, fractions of a second as 3, 6 or 9 digits when there are any),
/// written without going through `fmt` character by character (a step writes a few dozen).
/// Reading stays chrono's. Years outside 0–9999 and leap seconds are left to chrono.
pub mod ts {
    use chrono::{DateTime, Datelike, Timelike, Utc};
    use serde::{Serialize, Serializer};

    /// Digits into a fixed buffer.
    struct Out {
        buf: [u8; 30],
        len: usize,
    }

    impl Out {
        fn digits(&mut self, value: u32, count: u32) {
            for i in (0..count).rev() {
                self.buf[self.len] = b'0' + (value / 10u32.pow(i) % 10) as u8;
                self.len += 1;
            }
        }

        fn byte(&mut self, b: u8) {
            self.buf[self.len] = b;
            self.len += 1;
        }
    }

    /// The text of `at` as chrono writes it, or None where chrono's own writing is needed.
    pub fn rfc3339(at: &DateTime<Utc>) -> Option<([u8; 30], usize)> {
        let (year, nano) = (at.year(), at.nanosecond());
        if !(0..=9999).contains(&year) || nano >= 1_000_000_000 {
            return None;
        }
        let mut out = Out {
            buf: [0; 30],
            len: 0,
        };
        out.digits(year as u32, 4);
        for (sep, part) in [
            (b'-', at.month()),
            (b'-', at.day()),
            (b'T', at.hour()),
            (b':', at.minute()),
            (b':', at.second()),
        ] {
            out.byte(sep);
            out.digits(part, 2);
        }
        if nano != 0 {
            out.byte(b'.');
            if nano % 1_000_000 == 0 {
                out.digits(nano / 1_000_000, 3);
            } else if nano % 1_000 == 0 {
                out.digits(nano / 1_000, 6);
            } else {
                out.digits(nano, 9);
            }
        }
        out.byte(b'Z');
        Some((out.buf, out.len))
    }

    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        match rfc3339(at) {
            Some((buf, len)) => {
                s.serialize_str(std::str::from_utf8(&buf[..len]).expect("ASCII digits"))
            }
            None => at.serialize(s),
        }
    }

    pub fn serialize_option<S: Serializer>(
        at: &Option<DateTime<Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => s.serialize_some(&With(at)),
            None => s.serialize_none(),
        }
    }

    struct With<'a>(&'a DateTime<Utc>);

    impl Serialize for With<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            serialize(self.0, s)
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use proptest::prelude::*;

    #[derive(serde::Serialize)]
    struct Fast(#[serde(serialize_with = "super::ts::serialize")] DateTime<Utc>);

    fn nanos() -> impl Strategy<Value = u32> {
        prop_oneof![
            Just(0u32),
            (1u32..1000).prop_map(|ms| ms * 1_000_000),
            (1u32..1_000_000).prop_map(|us| us * 1_000),
            0u32..1_000_000_000,
        ]
    }

    proptest! {
        /// The store's timestamps are byte for byte what chrono writes (so data written before
        /// and after reads the same, and snapshots stay), for every year chrono writes plainly
        /// and on either side of it.
        #[test]
        fn timestamps_are_written_as_chrono_writes_them(
            secs in -62_200_000_000i64..260_000_000_000,
            nano in nanos(),
        ) {
            let at = DateTime::<Utc>::from_timestamp(secs, nano).expect("in range");
            prop_assert_eq!(
                serde_json::to_string(&Fast(at)).unwrap(),
                serde_json::to_string(&at).unwrap()
            );
        }
    }

    #[test]
    fn a_leap_second_is_written_as_chrono_writes_it() {
        let at = DateTime::<Utc>::from_timestamp(1_483_228_799, 1_500_000_000).expect("leap");
        assert_eq!(
            serde_json::to_string(&Fast(at)).unwrap(),
            serde_json::to_string(&at).unwrap()
        );
    }
}
