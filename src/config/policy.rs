//! Stage two for a unit's rules: working hours, holidays, the escalation chain and its waits,
//! and the follow-up schedule — parsed from their text forms, each problem located.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use toml::Spanned;

use super::raw::RawUnit;
use super::Validator;
use crate::engine::calendar::WorkCalendar;
use crate::engine::{FollowUpAt, UnitPolicy, Waits};
use crate::model::{PersonId, UnitId};

/// The longest escalation wait accepted, in calendar days. Longer waits never escalate in
/// practice, and waits near `Duration`'s limit overflow when a deadline is computed from them.
const MAX_WAIT_DAYS: i64 = 366;

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Validator<'_> {
    pub(super) fn policy(
        &mut self,
        u: &RawUnit,
        timezone: Tz,
        person_exists: &dyn Fn(&str) -> bool,
        known_persons: &str,
    ) -> UnitPolicy {
        let before = self.problems.len();
        let calendar = self.calendar(u, timezone);
        // Waits in working days follow from the working hours: when those are wrong, that
        // is the one problem to report (with a day of 8 hours to go on).
        let hours_ok = self.problems.len() == before;
        let day = if hours_ok {
            calendar.day_length()
        } else {
            Duration::hours(8)
        };
        let e = &u.escalation;
        let urgent = Waits {
            reminder: self.wait(&e.urgent_reminder, Duration::minutes(30), day),
            next: self.wait(&e.urgent_next, Duration::hours(1), day),
        };
        let normal = Waits {
            reminder: self.wait(&e.normal_reminder, Duration::hours(4), day),
            next: self.wait(&e.normal_next, day, day),
        };
        for (waits, key) in [(urgent, "urgent"), (normal, "normal")] {
            if waits.next <= Duration::zero() || waits.reminder <= Duration::zero() {
                let span = u.id.span();
                self.problem(
                    span,
                    format!("the {key} escalation waits must be longer than zero"),
                    "use durations such as \"30m\", \"4h\" or \"1d\" (one working day)",
                );
            }
        }
        let mut check = |r: &Spanned<String>, key: &str| {
            if !person_exists(r.get_ref()) {
                self.problem(
                    r.span(),
                    format!("`{key}` names `{}`, who is not a [[person]]", r.get_ref()),
                    &format!("use one of the configured person ids: {known_persons}"),
                );
            }
            PersonId::new(r.get_ref().clone())
        };
        let manager_chain: Vec<PersonId> = match &e.chain {
            Some(chain) => chain.iter().map(|p| check(p, "escalation.chain")).collect(),
            // (With a directory, the validator puts the unit's chain in afterwards.)
            None => u
                .manager
                .iter()
                .map(|m| PersonId::new(m.get_ref().clone()))
                .chain(
                    u.deputies
                        .iter()
                        .map(|d| PersonId::new(d.get_ref().clone())),
                )
                .collect(),
        };
        let out_of_hours = e
            .out_of_hours
            .as_ref()
            .map(|p| check(p, "escalation.out_of_hours"));
        if let Some(chain) = &e.chain {
            let mut seen = BTreeSet::new();
            for p in chain {
                if !seen.insert(p.get_ref().as_str()) {
                    self.problem(
                        p.span(),
                        format!(
                            "`{}` appears twice in the escalation chain: that is a loop",
                            p.get_ref()
                        ),
                        "list each person once, in the order they should be asked",
                    );
                }
            }
            if chain.is_empty() {
                self.problem(
                    u.id.span(),
                    format!("unit `{}` has an empty escalation chain", u.id.get_ref()),
                    "list at least the manager, e.g. chain = [\"se-manager\", \"se-deputy\"]",
                );
            }
        }
        let f = &u.follow_up;
        let employee_checkins = match &f.employee {
            Some(list) => list.iter().filter_map(|s| self.follow_up(s)).collect(),
            None => vec![
                FollowUpAt::NextWorkingDay,
                FollowUpAt::Days(7),
                FollowUpAt::Months(3),
            ],
        };
        let manager_followups = match &f.manager {
            Some(list) => list.iter().filter_map(|s| self.follow_up(s)).collect(),
            None => vec![FollowUpAt::Days(7), FollowUpAt::Months(3)],
        };
        UnitPolicy {
            unit: UnitId::new(u.id.get_ref().clone()),
            country: u.country,
            calendar,
            manager_chain,
            safety_reps: u
                .safety_reps
                .iter()
                .map(|p| PersonId::new(p.get_ref().clone()))
                .collect(),
            out_of_hours,
            urgent,
            normal,
            employee_checkins,
            manager_followups,
            contacts: Vec::new(),
            incident_system: u.incident_system.as_ref().map(|s| s.get_ref().clone()),
            inform_director: u.inform_director,
            retention_months: u.retention_months,
            local_checklist: Vec::new(),
        }
    }

    fn calendar(&mut self, u: &RawUnit, timezone: Tz) -> WorkCalendar {
        let mut calendar = WorkCalendar::office_hours(timezone);
        let w = &u.working_hours;
        if let Some(days) = &w.days {
            calendar.days = [false; 7];
            for d in days {
                match DAYS.iter().position(|x| *x == d.get_ref().to_lowercase()) {
                    Some(i) => calendar.days[i] = true,
                    None => self.problem(
                        d.span(),
                        format!("`{}` is not a day", d.get_ref()),
                        "use mon, tue, wed, thu, fri, sat or sun",
                    ),
                }
            }
            if days.is_empty() {
                self.problem(
                    u.id.span(),
                    format!("unit `{}` has no working days", u.id.get_ref()),
                    "list the working days, e.g. days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]",
                );
            }
        }
        let mut times_ok = true;
        if let Some(start) = &w.start {
            match self.time(start, false) {
                Some(t) => calendar.start = t,
                None => times_ok = false,
            }
        }
        if let Some(end) = &w.end {
            match self.time(end, true) {
                Some(t) => calendar.end = t,
                None => times_ok = false,
            }
        }
        // Compared only when both times are what was written (not a default standing in).
        if times_ok && calendar.start >= calendar.end {
            let span = w.end.as_ref().map_or(u.id.span(), |e| e.span());
            if calendar.start > calendar.end {
                self.problem(
                    span,
                    "working hours that run past midnight are not supported".into(),
                    "end the working day at or before midnight (end = \"24:00\"); for night shifts, set the out_of_hours contact under [unit.escalation] instead",
                );
            } else {
                self.problem(
                    span,
                    "working hours end before they start".into(),
                    "write start and end as \"HH:MM\" with start before end, e.g. \"08:00\" and \"16:00\"",
                );
            }
        }
        for h in &w.holidays {
            match NaiveDate::parse_from_str(h.get_ref(), "%Y-%m-%d") {
                Ok(date) => {
                    calendar.holidays.insert(date);
                }
                Err(_) => self.problem(
                    h.span(),
                    format!("`{}` is not a date", h.get_ref()),
                    "write holidays as \"YYYY-MM-DD\", e.g. \"2026-12-24\"",
                ),
            }
        }
        calendar
    }

    /// A time of day, "HH:MM"; an end may be "24:00", the end of the day.
    fn time(&mut self, s: &Spanned<String>, end: bool) -> Option<NaiveTime> {
        let text = s.get_ref().trim();
        let parsed = if end && text == "24:00" {
            NaiveTime::from_hms_nano_opt(23, 59, 59, 999_999_999)
        } else {
            NaiveTime::parse_from_str(text, "%H:%M").ok()
        };
        if parsed.is_none() {
            self.problem(
                s.span(),
                format!("`{}` is not a time of day", s.get_ref()),
                "write times as \"HH:MM\", e.g. \"08:00\" (an end may be \"24:00\")",
            );
        }
        parsed
    }

    fn wait(&mut self, s: &Option<Spanned<String>>, default: Duration, day: Duration) -> Duration {
        let Some(s) = s else {
            return default;
        };
        match parse_working_duration(s.get_ref(), day) {
            Some(d) if d > Duration::days(MAX_WAIT_DAYS) => {
                self.problem(
                    s.span(),
                    format!("`{}` is longer than a year", s.get_ref()),
                    "an escalation wait is at most a year; use e.g. \"30m\", \"4h\" or \"1d\"",
                );
                default
            }
            Some(d) => d,
            None => {
                self.problem(
                    s.span(),
                    format!("`{}` is not a duration", s.get_ref()),
                    "use minutes, hours or working days, e.g. \"30m\", \"4h\" or \"1d\"",
                );
                default
            }
        }
    }

    fn follow_up(&mut self, s: &Spanned<String>) -> Option<FollowUpAt> {
        let parsed = parse_follow_up(s.get_ref());
        if parsed.is_none() {
            self.problem(
                s.span(),
                format!("`{}` is not a follow-up time", s.get_ref()),
                "use \"next-working-day\", days (\"3d\"), weeks (\"1w\") or months (\"3mo\")",
            );
        }
        parsed
    }
}

/// "30m", "1h", "1h30m", "1d" (one working day of `day`).
pub fn parse_working_duration(s: &str, day: Duration) -> Option<Duration> {
    let mut total = Duration::zero();
    let mut number = String::new();
    let mut any = false;
    for c in s.trim().chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: i32 = number.parse().ok()?;
        number.clear();
        let part = match c {
            'm' => Duration::try_minutes(n.into())?,
            'h' => Duration::try_hours(n.into())?,
            'd' => day.checked_mul(n)?,
            _ => return None,
        };
        // Many large parts could overflow the sum: not a duration either.
        total = total.checked_add(&part)?;
        any = true;
    }
    (number.is_empty() && any).then_some(total)
}

/// "next-working-day", "3d", "1w", "3mo".
pub fn parse_follow_up(s: &str) -> Option<FollowUpAt> {
    let s = s.trim();
    if s == "next-working-day" {
        return Some(FollowUpAt::NextWorkingDay);
    }
    let split = s.find(|c: char| !c.is_ascii_digit())?;
    let n: u16 = s[..split].parse().ok()?;
    match &s[split..] {
        "d" => Some(FollowUpAt::Days(n.into())),
        "w" => Some(FollowUpAt::Days(i64::from(n) * 7)),
        "mo" => Some(FollowUpAt::Months(n.into())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_follow_ups() {
        let day = Duration::hours(8);
        assert_eq!(
            parse_working_duration("30m", day),
            Some(Duration::minutes(30))
        );
        assert_eq!(
            parse_working_duration("1h30m", day),
            Some(Duration::minutes(90))
        );
        assert_eq!(parse_working_duration("2d", day), Some(Duration::hours(16)));
        assert_eq!(parse_working_duration("2", day), None);
        assert_eq!(parse_working_duration("", day), None);
        assert_eq!(parse_working_duration("99999999999m", day), None);
        // Found by the `config` fuzz target: parts that fit, a sum that does not.
        let huge = "2147483647d".repeat(64);
        assert_eq!(parse_working_duration(&huge, Duration::hours(24)), None);
    }

    /// Found by the `config` fuzz target: a wait that validated but overflowed when the engine
    /// added it to the time of a notification.
    #[test]
    fn an_absurd_escalation_wait_is_a_located_problem() {
        let sample = include_str!("../../bot.toml");
        for wait in ["2147483647d2147483647d2147483647d", "2000d", "9000h"] {
            let text = sample.replacen(
                "urgent_reminder = \"30m\"",
                &format!("urgent_reminder = \"{wait}\""),
                1,
            );
            assert_ne!(text, sample, "the sample has an urgent_reminder");
            let problems = crate::config::Config::parse(&text, std::path::Path::new("bot.toml"))
                .expect_err("an absurd wait is refused")
                .problems()
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>();
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(
                problems[0].contains(&format!("`{wait}` is longer than a year")),
                "{problems:?}"
            );
        }
        assert_eq!(
            parse_follow_up("next-working-day"),
            Some(FollowUpAt::NextWorkingDay)
        );
        assert_eq!(parse_follow_up("1w"), Some(FollowUpAt::Days(7)));
        assert_eq!(parse_follow_up("3mo"), Some(FollowUpAt::Months(3)));
        assert_eq!(parse_follow_up("3y"), None);
    }
}
