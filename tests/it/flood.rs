//! A flood from one person never blocks others: the service's flood control drops the excess
//! before the engine, tells the flooder once, and answers everyone else.

use std::sync::mpsc;
use std::sync::Arc;

use fyr::adapters::{Envelope, Sender, What};
use fyr::model::PersonId;
use fyr::service::driver_loop;

use crate::delivery::Platform as Recording;

fn envelope(person: &str, text: &str) -> Envelope {
    Envelope {
        adapter: 0,
        via: format!("room-{person}"),
        from: Sender::Person(PersonId::new(person)),
        what: What::Text(text.to_string()),
    }
}

#[test]
fn ten_thousand_messages_from_one_person_do_not_block_another() {
    let dir = tempfile::tempdir().unwrap();
    let store = fyr::store::SledStore::open(&dir.path().join("data")).unwrap();
    let config = Arc::new(crate::support::sample_config());
    let sent = Recording::default();
    let (tx, rx) = mpsc::channel();
    for _ in 0..10_000 {
        tx.send(envelope("se-employee", "hjälp")).unwrap();
    }
    tx.send(envelope("dk-employee", "hej")).unwrap();
    drop(tx);
    let outlet = sent.clone();
    std::thread::spawn(move || driver_loop(config, store, vec![Box::new(outlet)], rx))
        .join()
        .unwrap()
        .unwrap();
    let sent = sent.sent();
    let to = |who: &str| {
        sent.iter()
            .filter(|(p, _)| p == who)
            .map(|(_, t)| t.clone())
            .collect::<Vec<_>>()
    };
    let flooder = to("se-employee");
    assert!(
        flooder.len() <= 14,
        "the flood was cut: {} replies",
        flooder.len()
    );
    assert_eq!(
        flooder
            .iter()
            .filter(|t| t.contains("snabbare än jag hinner svara"))
            .count(),
        1,
        "told once"
    );
    let other = to("dk-employee");
    assert_eq!(other.len(), 1, "the other person was answered");
    assert!(other[0].contains("Hej Dorthe"), "{other:?}");
}

/// Under a steady stream of messages timers still fire on time: the service loop fires what is
/// due before each round of events. A check-in due 100 ms into a stream of 4 000 messages
/// reaches its employee while the stream is still being answered, not after it.
#[test]
fn a_timer_fires_on_time_during_a_steady_stream() {
    use fyr::engine::state::TimerKind;
    use fyr::engine::Timer;
    use fyr::store::{Commit, Store, TimerOp};

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let case = crate::support::a_case_on_disk(&data);
    let store = crate::support::reopen(&data);
    let due = chrono::Utc::now() + chrono::Duration::milliseconds(100);
    store
        .commit(Commit {
            timers: vec![TimerOp::Set(Timer {
                key: format!("{case}/check-in/0"),
                at: due,
                case: case.clone(),
                kind: TimerKind::CheckIn { n: 0 },
            })],
            ..Commit::default()
        })
        .unwrap();
    let mut text = std::fs::read_to_string(crate::support::root().join("bot.toml")).unwrap();
    let persons = 400;
    for i in 0..persons {
        text.push_str(&format!(
            "\n[[person]]\nid = \"stream-{i}\"\nname = \"Stream Person{i}\"\nunit = \"se-unit\"\n"
        ));
    }
    let config = Arc::new(fyr::config::Config::parse(&text, &dir.path().join("bot.toml")).unwrap());
    let (tx, rx) = mpsc::channel();
    // Ten each: within the flood control's burst, so every message is stepped.
    for _ in 0..10 {
        for i in 0..persons {
            tx.send(envelope(&format!("stream-{i}"), "hej")).unwrap();
        }
    }
    drop(tx);
    let sent = Recording::default();
    let outlet = sent.clone();
    std::thread::spawn(move || driver_loop(config, store, vec![Box::new(outlet)], rx))
        .join()
        .unwrap()
        .unwrap();
    let sent = sent.sent();
    let stream_replies = sent
        .iter()
        .filter(|(p, _)| p.starts_with("stream-"))
        .count();
    assert_eq!(stream_replies, 10 * persons, "every message was answered");
    let check_in = sent
        .iter()
        .position(|(p, _)| p == "se-employee")
        .expect("the check-in reached the employee");
    let after = sent[check_in..]
        .iter()
        .filter(|(p, _)| p.starts_with("stream-"))
        .count();
    assert!(
        after >= persons,
        "the check-in came only after {} of {} stream replies",
        stream_replies - after,
        stream_replies
    );
}

/// A person tapping options and reactions keeps a pace of about two messages a second, in
/// uneven bursts; they are never told to slow down. A real flood still is.
#[test]
fn a_person_tapping_at_two_messages_a_second_is_never_told_to_slow_down() {
    use fyr::flood::{RateLimiter, Verdict};
    use std::time::{Duration, Instant};

    let mut limiter = RateLimiter::default();
    let start = Instant::now();
    let person = PersonId::new("se-employee");
    let mut at = start;
    // Ten minutes at two messages a second on average: for three seconds a quick pair of
    // taps 150 ms apart each second, then a run of four reactions 100 ms apart, then a pause.
    for second in 0..600u64 {
        let taps: &[u64] = match second % 5 {
            0..=2 => &[0, 150],
            3 => &[0, 100, 200, 300],
            _ => &[],
        };
        for offset in taps {
            at = start + Duration::from_secs(second) + Duration::from_millis(*offset);
            assert_eq!(
                limiter.check(&person, at),
                Verdict::Allow,
                "second {second}, tap at +{offset} ms"
            );
        }
    }
    // A script sending as fast as it can is cut after a burst, and told once.
    let flood: Vec<Verdict> = (0..1000).map(|_| limiter.check(&person, at)).collect();
    let allowed = flood.iter().filter(|v| **v == Verdict::Allow).count();
    assert!(allowed <= 16, "{allowed} of a flood of 1000 allowed");
    assert_eq!(flood.iter().filter(|v| **v == Verdict::Warn).count(), 1);
}
