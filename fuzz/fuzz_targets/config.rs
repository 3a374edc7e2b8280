//! Fuzz target `config`: any text as a bot.toml. Parsing and validation must never panic: they
//! either return a `Config` or located problems. A configuration that validates must also be
//! usable — its persons have profiles and each unit's waits, working calendar and follow-up
//! schedule can be turned into deadlines the way the engine does, without overflow.
#![no_main]

use std::path::Path;

use chrono::{DateTime, Utc};
use fyr::config::Config;
use fyr::engine::{Directory, FollowUpAt};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let config = match Config::parse(text, Path::new("bot.toml")) {
        Ok(config) => config,
        Err(error) => {
            // Every problem is located inside the text and renders.
            for problem in error.problems() {
                assert!(problem.line >= 1 && problem.column >= 1, "{problem}");
                assert!(problem.line <= text.lines().count().max(1) + 1, "{problem}");
                let _ = problem.to_string();
            }
            return;
        }
    };
    for person in &config.persons {
        assert!(
            config.profile(&person.id).is_some(),
            "{} has a profile",
            person.id
        );
    }
    let starts: [DateTime<Utc>; 3] = [
        "2026-03-02T08:00:00Z".parse().unwrap(),
        "2026-03-28T23:30:00Z".parse().unwrap(),
        "2026-12-24T18:00:00Z".parse().unwrap(),
    ];
    for unit in &config.units {
        let policy = config.policy(&unit.id).expect("every unit has a policy");
        let calendar = &policy.calendar;
        for now in starts {
            let _ = calendar.is_working(now);
            for waits in [&policy.urgent, &policy.normal] {
                for wait in [waits.reminder, waits.next] {
                    // Out of hours the engine counts in wall-clock time, in hours in working time.
                    let _ = now + wait;
                    let _ = calendar.add_working(now, wait);
                }
            }
            for when in policy
                .employee_checkins
                .iter()
                .chain(&policy.manager_followups)
            {
                let _ = match *when {
                    FollowUpAt::NextWorkingDay => calendar.next_working_day_start(now),
                    FollowUpAt::Days(days) => calendar.working_day_after(now, days),
                    FollowUpAt::Months(months) => calendar.working_day_after_months(now, months),
                };
            }
        }
    }
});
