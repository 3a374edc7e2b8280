//! Time for the adapters: the system clock, or a simulated clock that `/advance` moves forward so
//! that timers can be shown and tested in scripts. The engine never reads a clock; the driver
//! passes it the time.

use chrono::{DateTime, Duration, Utc};
use thiserror::Error;

#[derive(Clone, Debug)]
pub enum Clock {
    System,
    Simulated(DateTime<Utc>),
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ClockError {
    #[error("the clock is not simulated")]
    NotSimulated,
    #[error("not a duration")]
    BadDuration,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Simulated(at) => *at,
        }
    }

    /// Move a simulated clock forward.
    pub fn advance(&mut self, by: Duration) -> Result<DateTime<Utc>, ClockError> {
        match self {
            Clock::System => Err(ClockError::NotSimulated),
            Clock::Simulated(at) => {
                *at = at.checked_add_signed(by).ok_or(ClockError::BadDuration)?;
                Ok(*at)
            }
        }
    }
}

/// Parse durations such as `3h`, `90m`, `2d`, `1w`, `1d12h` or `45s`.
pub fn parse_duration(text: &str) -> Result<Duration, ClockError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ClockError::BadDuration);
    }
    let mut total = Duration::zero();
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: i64 = number.parse().map_err(|_| ClockError::BadDuration)?;
        number.clear();
        let part = match c {
            'w' => Duration::try_weeks(n),
            'd' => Duration::try_days(n),
            'h' => Duration::try_hours(n),
            'm' => Duration::try_minutes(n),
            's' => Duration::try_seconds(n),
            _ => None,
        }
        .ok_or(ClockError::BadDuration)?;
        total = total.checked_add(&part).ok_or(ClockError::BadDuration)?;
    }
    if !number.is_empty() {
        return Err(ClockError::BadDuration);
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("3h"), Ok(Duration::hours(3)));
        assert_eq!(parse_duration("2d"), Ok(Duration::days(2)));
        assert_eq!(
            parse_duration("1d12h"),
            Ok(Duration::days(1) + Duration::hours(12))
        );
        assert_eq!(parse_duration("90m"), Ok(Duration::minutes(90)));
        assert_eq!(parse_duration("3"), Err(ClockError::BadDuration));
        assert_eq!(parse_duration("h"), Err(ClockError::BadDuration));
        assert_eq!(parse_duration("3x"), Err(ClockError::BadDuration));
        assert_eq!(
            parse_duration("99999999999999999999d"),
            Err(ClockError::BadDuration)
        );
    }

    #[test]
    fn only_a_simulated_clock_advances() {
        let start = DateTime::parse_from_rfc3339("2026-03-02T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut clock = Clock::Simulated(start);
        clock.advance(Duration::hours(3)).unwrap();
        assert_eq!(clock.now(), start + Duration::hours(3));
        assert_eq!(
            Clock::System.advance(Duration::hours(1)),
            Err(ClockError::NotSimulated)
        );
    }
}
