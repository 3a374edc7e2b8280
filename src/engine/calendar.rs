//! Working time: a unit's working days and hours in its own time zone, and its public holidays.
//! Escalation deadlines are counted in working time ("30 working minutes"), so a reminder due
//! after closing time lands the next working morning — correctly across daylight-saving changes,
//! because every window is computed in local time and converted with chrono-tz.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// How far ahead a search for working time may look before giving up (a calendar with no
/// working days at all is rejected by configuration validation; this only bounds the loop).
const HORIZON_DAYS: i64 = 3 * 366;

#[derive(Clone, Debug, PartialEq)]
pub struct WorkCalendar {
    pub timezone: Tz,
    /// Monday first.
    pub days: [bool; 7],
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub holidays: BTreeSet<NaiveDate>,
}

impl WorkCalendar {
    /// Monday to Friday, 08:00–16:00, no holidays.
    pub fn office_hours(timezone: Tz) -> WorkCalendar {
        WorkCalendar {
            timezone,
            days: [true, true, true, true, true, false, false],
            start: NaiveTime::from_hms_opt(8, 0, 0).expect("08:00 is a time"),
            end: NaiveTime::from_hms_opt(16, 0, 0).expect("16:00 is a time"),
            holidays: BTreeSet::new(),
        }
    }

    /// The length of one working day.
    pub fn day_length(&self) -> Duration {
        self.end - self.start
    }

    fn is_working_date(&self, date: NaiveDate) -> bool {
        self.days[date.weekday().num_days_from_monday() as usize] && !self.holidays.contains(&date)
    }

    /// A local wall-clock time as an instant; in a DST gap, the first instant after it.
    fn instant(&self, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
        let local = NaiveDateTime::new(date, time);
        let mut probe = local;
        for _ in 0..4 {
            if let Some(t) = self.timezone.from_local_datetime(&probe).earliest() {
                return t.with_timezone(&Utc);
            }
            probe += Duration::minutes(30);
        }
        // No zone has a gap longer than two hours; fall back to reading the time as UTC.
        Utc.from_utc_datetime(&local)
    }

    /// The working window of a date, if it is a working day.
    fn window(&self, date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        self.is_working_date(date)
            .then(|| (self.instant(date, self.start), self.instant(date, self.end)))
    }

    fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.timezone).date_naive()
    }

    /// Whether `t` falls within working hours.
    pub fn is_working(&self, t: DateTime<Utc>) -> bool {
        self.window(self.local_date(t))
            .is_some_and(|(start, end)| start <= t && t < end)
    }

    /// The instant `amount` of working time after `from`. With a zero amount, the first working
    /// instant at or after `from`.
    pub fn add_working(&self, from: DateTime<Utc>, amount: Duration) -> DateTime<Utc> {
        let mut left = amount.max(Duration::zero());
        let mut date = self.local_date(from);
        for _ in 0..HORIZON_DAYS {
            if let Some((start, end)) = self.window(date) {
                let begin = from.max(start);
                if begin < end {
                    let available = end - begin;
                    if left < available {
                        return begin + left;
                    }
                    left -= available;
                }
            }
            date = date.succ_opt().unwrap_or(date);
        }
        from + amount
    }

    /// The start of working hours on the first working day after the local date of `t`.
    pub fn next_working_day_start(&self, t: DateTime<Utc>) -> DateTime<Utc> {
        let mut date = self.local_date(t);
        for _ in 0..HORIZON_DAYS {
            date = date.succ_opt().unwrap_or(date);
            if let Some((start, _)) = self.window(date) {
                return start;
            }
        }
        t + Duration::days(1)
    }

    /// The start of working hours on the first working day on or after the local date
    /// `days` calendar days after `t`.
    pub fn working_day_after(&self, t: DateTime<Utc>, days: i64) -> DateTime<Utc> {
        self.first_working_day_from(self.local_date(t) + Duration::days(days))
            .unwrap_or(t + Duration::days(days))
    }

    /// The start of working hours on the first working day on or after the local date `months`
    /// calendar months after `t`.
    pub fn working_day_after_months(&self, t: DateTime<Utc>, months: u32) -> DateTime<Utc> {
        self.local_date(t)
            .checked_add_months(chrono::Months::new(months))
            .and_then(|date| self.first_working_day_from(date))
            .unwrap_or(t + Duration::days(i64::from(months) * 30))
    }

    fn first_working_day_from(&self, from: NaiveDate) -> Option<DateTime<Utc>> {
        let mut date = from;
        for _ in 0..HORIZON_DAYS {
            if let Some((start, _)) = self.window(date) {
                return Some(start);
            }
            date = date.succ_opt()?;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stockholm() -> WorkCalendar {
        WorkCalendar::office_hours(chrono_tz::Europe::Stockholm)
    }

    fn local(cal: &WorkCalendar, s: &str) -> DateTime<Utc> {
        let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        cal.timezone
            .from_local_datetime(&naive)
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn working_minutes_within_a_day() {
        let cal = stockholm();
        let monday = local(&cal, "2026-03-02 09:00");
        assert_eq!(
            cal.add_working(monday, Duration::minutes(30)),
            local(&cal, "2026-03-02 09:30")
        );
        assert!(cal.is_working(monday));
    }

    #[test]
    fn after_closing_time_the_clock_waits_for_the_next_working_morning() {
        let cal = stockholm();
        let friday = local(&cal, "2026-03-06 15:45");
        assert_eq!(
            cal.add_working(friday, Duration::minutes(30)),
            local(&cal, "2026-03-09 08:15")
        );
        let saturday = local(&cal, "2026-03-07 12:00");
        assert!(!cal.is_working(saturday));
        assert_eq!(
            cal.add_working(saturday, Duration::zero()),
            local(&cal, "2026-03-09 08:00")
        );
    }

    #[test]
    fn holidays_are_skipped() {
        let mut cal = stockholm();
        cal.holidays
            .insert(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap());
        cal.holidays
            .insert(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap());
        let wednesday = local(&cal, "2026-12-23 15:30");
        assert_eq!(
            cal.add_working(wednesday, Duration::hours(1)),
            local(&cal, "2026-12-28 08:30")
        );
    }

    #[test]
    fn across_the_spring_dst_change() {
        // Sweden moves to summer time on Sunday 29 March 2026: UTC+1 before, UTC+2 after.
        let cal = stockholm();
        let friday = local(&cal, "2026-03-27 15:30");
        let due = cal.add_working(friday, Duration::hours(1));
        assert_eq!(due, local(&cal, "2026-03-30 08:30"));
        assert_eq!(due.to_rfc3339(), "2026-03-30T06:30:00+00:00");
    }

    #[test]
    fn across_the_autumn_dst_change() {
        // Back to winter time on Sunday 25 October 2026: UTC+2 before, UTC+1 after.
        let cal = WorkCalendar::office_hours(chrono_tz::Europe::Copenhagen);
        let friday = local(&cal, "2026-10-23 15:30");
        let due = cal.add_working(friday, Duration::hours(1));
        assert_eq!(due.to_rfc3339(), "2026-10-26T07:30:00+00:00");
    }

    #[test]
    fn a_working_day_is_the_length_of_the_window() {
        let cal = stockholm();
        let tuesday = local(&cal, "2026-03-03 10:00");
        assert_eq!(
            cal.add_working(tuesday, cal.day_length()),
            local(&cal, "2026-03-04 10:00")
        );
    }

    #[test]
    fn next_working_day_and_calendar_offsets() {
        let cal = stockholm();
        let friday = local(&cal, "2026-03-06 11:00");
        assert_eq!(
            cal.next_working_day_start(friday),
            local(&cal, "2026-03-09 08:00")
        );
        // A week later is Friday 13 March; 90 days later (Thursday 4 June) stays a Thursday.
        assert_eq!(
            cal.working_day_after(friday, 7),
            local(&cal, "2026-03-13 08:00")
        );
        assert_eq!(
            cal.working_day_after(friday, 8),
            local(&cal, "2026-03-16 08:00")
        );
    }
}
