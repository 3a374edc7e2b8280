//! Flood control: a token bucket per person. A person who sends faster than a person types gets
//! one localized "slow down" and the excess is dropped before it reaches the engine, so one
//! person's flood never delays anyone else's answers. Time is passed in, so it is testable.
//!
//! Calibrated to people tapping options and reactions: a burst of 12, then three a second.
//! Someone answering at two messages a second, in quick runs of taps, is never stopped (a
//! paced client at 1.5 a second was told to slow down by the old 10-then-1-a-second bucket);
//! a script sending hundreds a second is cut after the burst.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::model::PersonId;

/// What to do with a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allow,
    /// Drop it, and tell the person once to slow down.
    Warn,
    /// Drop it silently (they were already told).
    Drop,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
    warned: bool,
}

#[derive(Debug)]
pub struct RateLimiter {
    buckets: HashMap<PersonId, Bucket>,
    /// How many messages may come in a burst.
    pub burst: f64,
    /// How many messages per second are allowed over time.
    pub per_second: f64,
}

impl Default for RateLimiter {
    /// 12 messages at once, then three a second: above a person tapping options, far below a
    /// flood.
    fn default() -> Self {
        RateLimiter {
            buckets: HashMap::new(),
            burst: 12.0,
            per_second: 3.0,
        }
    }
}

impl RateLimiter {
    pub fn check(&mut self, person: &PersonId, now: Instant) -> Verdict {
        let (burst, rate) = (self.burst, self.per_second);
        let bucket = self.buckets.entry(person.clone()).or_insert(Bucket {
            tokens: burst,
            last: now,
            warned: false,
        });
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(burst);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            bucket.warned = false;
            Verdict::Allow
        } else if bucket.warned {
            Verdict::Drop
        } else {
            bucket.warned = true;
            Verdict::Warn
        }
    }

    /// Forget people who have been quiet for a while (bounded memory).
    pub fn forget_idle(&mut self, now: Instant, idle: Duration) {
        self.buckets
            .retain(|_, b| now.saturating_duration_since(b.last) < idle);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_a_flood_is_cut_and_others_are_untouched() {
        let mut limiter = RateLimiter::default();
        let start = Instant::now();
        let a = PersonId::new("a");
        let b = PersonId::new("b");
        let verdicts: Vec<_> = (0..10_000).map(|_| limiter.check(&a, start)).collect();
        assert_eq!(
            verdicts.iter().filter(|v| **v == Verdict::Allow).count(),
            12
        );
        assert_eq!(verdicts.iter().filter(|v| **v == Verdict::Warn).count(), 1);
        assert_eq!(
            limiter.check(&b, start),
            Verdict::Allow,
            "someone else is not affected"
        );
        // A third of a second later one more message gets through, and a new flood is warned
        // about again.
        let later = start + Duration::from_millis(334);
        assert_eq!(limiter.check(&a, later), Verdict::Allow);
        assert_eq!(limiter.check(&a, later), Verdict::Warn);
        limiter.forget_idle(later + Duration::from_secs(3600), Duration::from_secs(600));
        assert!(limiter.buckets.is_empty());
    }
}
