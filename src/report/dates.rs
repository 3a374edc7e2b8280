//! Dates and times written the way the reader's language writes them, in the unit's time zone:
//! "2 mars 2026 kl. 14.05", "2. marts 2026 kl. 14.05", "2 March 2026, 14:05". The words and
//! the order come from Fluent (`report-datetime`, `report-date`, `report-month`); only the
//! numbers are computed here.

use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;

use crate::engine::{Arg, Msg};
use crate::i18n::Localizer;
use crate::model::Language;

/// Date and time of `at` in `tz`, or in UTC (said so) when the unit is unknown.
pub fn date_time(l10n: &Localizer, lang: Language, at: DateTime<Utc>, tz: Option<Tz>) -> String {
    let (day, month, year, hour, minute) = match tz {
        Some(tz) => {
            let local = at.with_timezone(&tz);
            (
                local.day(),
                local.month(),
                local.year(),
                local.hour(),
                local.minute(),
            )
        }
        None => (at.day(), at.month(), at.year(), at.hour(), at.minute()),
    };
    let text = l10n.text(
        lang,
        &Msg::new("report-datetime")
            .str("day", day.to_string())
            .arg("month", Arg::Num(i64::from(month)))
            .str("year", year.to_string())
            .str("hour", format!("{hour:02}"))
            .str("minute", format!("{minute:02}")),
    );
    match tz {
        Some(_) => text,
        None => format!("{text} UTC"),
    }
}

/// A month and year, "mars 2026".
pub fn month(l10n: &Localizer, lang: Language, year: i32, month: u32) -> String {
    l10n.text(
        lang,
        &Msg::new("report-month")
            .arg("month", Arg::Num(i64::from(month)))
            .str("year", year.to_string()),
    )
}

/// A day, "2 mars 2026".
pub fn date(l10n: &Localizer, lang: Language, year: i32, month: u32, day: u32) -> String {
    l10n.text(
        lang,
        &Msg::new("report-date")
            .str("day", day.to_string())
            .arg("month", Arg::Num(i64::from(month)))
            .str("year", year.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn swedish_danish_and_english_write_the_same_moment_their_own_way() {
        let l10n = Localizer::new().unwrap();
        // 13:05 UTC is 14:05 in Stockholm and Copenhagen in March (CET).
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 13, 5, 0).unwrap();
        let se = Some(chrono_tz::Europe::Stockholm);
        let dk = Some(chrono_tz::Europe::Copenhagen);
        assert_eq!(
            date_time(&l10n, Language::Sv, at, se),
            "2 mars 2026 kl. 14.05"
        );
        assert_eq!(
            date_time(&l10n, Language::Da, at, dk),
            "2. marts 2026 kl. 14.05"
        );
        assert_eq!(
            date_time(&l10n, Language::En, at, se),
            "2 March 2026, 14:05"
        );
        assert_eq!(
            date_time(&l10n, Language::Sv, at, None),
            "2 mars 2026 kl. 13.05 UTC"
        );
        // Summer time: 12:30 UTC is 14:30 in July.
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 12, 30, 0).unwrap();
        assert_eq!(
            date_time(&l10n, Language::Sv, summer, se),
            "15 juli 2026 kl. 14.30"
        );
        assert_eq!(month(&l10n, Language::Da, 2026, 12), "december 2026");
        assert_eq!(date(&l10n, Language::Da, 2026, 5, 1), "1. maj 2026");
    }
}
