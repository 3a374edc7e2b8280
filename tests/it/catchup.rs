//! Start-up after downtime (issue 18, item 7): what came due while Fyr was down fires in due
//! order, and what a later due timer has made moot is not sent — no reminder to a manager
//! when the escalation past them is due too, one check-in rather than one per missed date.

use chrono::Duration;

use fyr::store::Store;

use crate::support::Harness;

/// From the greeting to "send" for a threat: Sara tells her manager, who should call today.
const TELL_MANAGER: &[&str] = &["", "2", "1", "2", "2", "2", "2", "1", "2", "1", "1", "1"];

#[test]
fn after_downtime_superseded_reminders_are_skipped_and_a_check_in_comes_once() {
    let mut h = Harness::new();
    h.says("se-employee", TELL_MANAGER);
    assert_eq!(h.shown_to("se-manager").len(), 1);
    let checkins = |h: &Harness<_>| {
        h.shown_to("se-employee")
            .iter()
            .filter(|t| t.contains("Hur mår du?"))
            .count()
    };
    assert_eq!(checkins(&h), 0);

    // Fyr is down for two weeks; then it starts and catches up in one tick.
    h.now += Duration::days(14);
    let before = h.shown_to("se-employee").len();
    let tick = h.driver.tick(h.now, &mut h.sink).unwrap();
    assert!(tick.timers_skipped >= 2, "{tick:?}");

    // The manager gets no moot reminder: the escalation to the deputy was due as well.
    assert_eq!(
        h.shown_to("se-manager").len(),
        1,
        "{:#?}",
        h.shown_to("se-manager")
    );
    assert_eq!(h.shown_to("se-deputy").len(), 1);
    // The employee hears once how they are doing, not once per missed check-in, and what
    // is left for them comes as one message: the escalation to the deputy, then the check-in.
    assert_eq!(checkins(&h), 1, "{:#?}", h.shown_to("se-employee"));
    let employee = h.shown_to("se-employee");
    assert_eq!(employee.len(), before + 1, "{:#?}", &employee[before..]);
    let digest = &employee[before];
    assert!(digest.contains("2 meddelanden"), "{digest}");
    let (escalated, asked) = (
        digest.find("Dalia Nord").expect("the escalation is in it"),
        digest.find("Hur mår du?").expect("the check-in is in it"),
    );
    assert!(escalated < asked, "in due order:\n{digest}");
    // Nothing of what was skipped comes later.
    let shown = h.sink.shown.len();
    h.advance(Duration::minutes(1));
    assert_eq!(h.sink.shown.len(), shown);
}

#[test]
fn a_burst_of_notifications_is_paced_oldest_first() {
    let mut h = Harness::new();
    h.driver.set_delivery_pace(2);
    // Four employees tell their managers while the adapter is down: a burst waits.
    h.sink.fail = usize::MAX;
    for who in ["se-employee", "dk-employee", "se-colleague", "dk-colleague"] {
        h.says(who, TELL_MANAGER);
    }
    h.sink.fail = 0;
    h.sink.shown.clear();
    // Up to two per tick, in the order they were made; the rest on the next ticks.
    h.now += Duration::minutes(15);
    let first = h.driver.tick(h.now, &mut h.sink).unwrap();
    assert_eq!(first.delivered, 2, "{first:?}");
    assert!(first.held_back > 0, "{first:?}");
    let mut ticks = 1;
    while h.driver.tick(h.now, &mut h.sink).unwrap().held_back > 0 {
        ticks += 1;
        assert!(ticks < 20, "the burst never ends");
    }
    let order: Vec<&str> = h.sink.shown.iter().map(|(k, _)| k.as_str()).collect();
    assert!(order.len() >= 2, "{order:?}");
    let created: Vec<_> = order
        .iter()
        .map(|k| {
            h.driver
                .store()
                .outbox_entry(k)
                .unwrap()
                .unwrap()
                .created_at
        })
        .collect();
    assert!(created.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
}
