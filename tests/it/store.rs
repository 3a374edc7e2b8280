//! One conformance suite for every `Store` implementation, plus what only the disk store can
//! show: reopening, the format version, and a folder that cannot be used.

use chrono::Duration;
use fyr::engine::playbook::{Task, TaskStatus};
use fyr::engine::state::TimerKind;
use fyr::engine::{Case, Conversation, Msg, Outgoing, Timer};
use fyr::model::{CaseId, Country, IncidentKind, Language, PersonId, UnitId};
use fyr::store::{Commit, MemoryStore, OutboxEntry, SledStore, Store, StoreError, TimerOp};

use crate::support::monday_morning;

fn case(id: &str, owner: &str, minutes: i64) -> Case {
    let at = monday_morning() + Duration::minutes(minutes);
    let mut c = Case::new(
        CaseId::new(id),
        PersonId::new(owner),
        UnitId::new("dk-unit"),
        Country::Denmark,
        at,
    );
    c.kind = Some(IncidentKind::OnlineExposure);
    c.tasks.insert(Task::EvidenceSaved, TaskStatus::Done);
    c
}

fn conversation(owner: &str, case: Option<&str>) -> Conversation {
    let mut c = Conversation::new(PersonId::new(owner), monday_morning());
    c.step = Some("evidence-notes".into());
    c.back = vec!["start".into(), "kind".into()];
    c.language = Some(Language::Sv);
    c.case = case.map(CaseId::new);
    c
}

fn timer(key: &str, minutes: i64) -> Timer {
    Timer {
        key: key.into(),
        at: monday_morning() + Duration::minutes(minutes),
        case: CaseId::new("F-A"),
        kind: TimerKind::CheckIn { n: 0 },
    }
}

fn outbox(key: &str, to: &str) -> OutboxEntry {
    OutboxEntry {
        key: key.into(),
        message: Outgoing {
            to: PersonId::new(to),
            body: vec![Msg::new("notify-intro")],
            options: vec![],
        },
        created_at: monday_morning(),
        attempts: 0,
        next_attempt_at: monday_morning(),
        delivered_at: None,
    }
}

fn conformance(store: &dyn Store) {
    let sara = PersonId::new("sara");
    assert_eq!(
        store.load_conversation(&sara).unwrap(),
        None,
        "an unknown person has nothing"
    );

    // A conversation and its case are written together and read back.
    let c = conversation("sara", Some("F-A"));
    let k = case("F-A", "sara", 0);
    store
        .commit(&Commit {
            conversations: vec![c.clone()],
            cases: vec![k.clone()],
            ..Commit::default()
        })
        .unwrap();
    assert_eq!(store.load_conversation(&sara).unwrap(), Some(c.clone()));
    assert_eq!(
        store.load_case(&CaseId::new("F-A")).unwrap(),
        Some(k.clone())
    );

    // A later commit replaces the earlier record.
    let mut moved = c.clone();
    moved.step = Some("tell".into());
    store
        .commit(&Commit {
            conversations: vec![moved.clone()],
            ..Commit::default()
        })
        .unwrap();
    assert_eq!(store.load_conversation(&sara).unwrap(), Some(moved));

    // Cases per owner, oldest first.
    store
        .commit(&Commit {
            cases: vec![case("F-B", "sara", 5), case("F-C", "dorthe", 1)],
            ..Commit::default()
        })
        .unwrap();
    let ids: Vec<_> = store
        .cases_of(&sara)
        .unwrap()
        .into_iter()
        .map(|c| c.id.0)
        .collect();
    assert_eq!(ids, ["F-A", "F-B"]);
    assert_eq!(store.load_case(&CaseId::new("F-missing")).unwrap(), None);

    // Timers: earliest first, only the due ones, replaced by key, cancelled by key.
    store
        .commit(&Commit {
            timers: vec![
                TimerOp::Set(timer("late", 120)),
                TimerOp::Set(timer("early", 10)),
                TimerOp::Set(timer("moved", 5)),
                TimerOp::Set(timer("moved", 60)),
                TimerOp::Set(timer("gone", 1)),
                TimerOp::Cancel("gone".into()),
            ],
            ..Commit::default()
        })
        .unwrap();
    let keys = |ts: Vec<Timer>| ts.into_iter().map(|t| t.key).collect::<Vec<_>>();
    assert_eq!(keys(store.timers().unwrap()), ["early", "moved", "late"]);
    assert_eq!(
        store.next_timer_at().unwrap(),
        Some(monday_morning() + Duration::minutes(10))
    );
    assert_eq!(
        keys(
            store
                .due_timers(monday_morning() + Duration::minutes(60), 10)
                .unwrap()
        ),
        ["early", "moved"]
    );
    assert_eq!(
        keys(
            store
                .due_timers(monday_morning() + Duration::minutes(60), 1)
                .unwrap()
        ),
        ["early"]
    );
    assert!(store.due_timers(monday_morning(), 10).unwrap().is_empty());
    store
        .commit(&Commit {
            timers: vec![
                TimerOp::Cancel("early".into()),
                TimerOp::Cancel("never-set".into()),
            ],
            ..Commit::default()
        })
        .unwrap();
    assert_eq!(keys(store.timers().unwrap()), ["moved", "late"]);

    // The outbox: an entry is written once per key; delivered entries leave the pending list.
    store
        .commit(&Commit {
            outbox: vec![outbox("k1", "magnus"), outbox("k2", "sven")],
            ..Commit::default()
        })
        .unwrap();
    let mut again = outbox("k1", "someone-else");
    again.attempts = 7;
    store
        .commit(&Commit {
            outbox: vec![again],
            ..Commit::default()
        })
        .unwrap();
    assert_eq!(
        store.outbox_entry("k1").unwrap().unwrap().message.to,
        PersonId::new("magnus"),
        "the first write wins"
    );
    let pending = store.pending_outbox(monday_morning()).unwrap();
    assert_eq!(
        pending.iter().map(|e| e.key.as_str()).collect::<Vec<_>>(),
        ["k1", "k2"]
    );
    let mut delivered = pending[0].clone();
    delivered.delivered_at = Some(monday_morning());
    store.update_outbox(&delivered).unwrap();
    let mut retry = pending[1].clone();
    retry.attempts = 1;
    retry.next_attempt_at = monday_morning() + Duration::seconds(5);
    store.update_outbox(&retry).unwrap();
    assert!(
        store.pending_outbox(monday_morning()).unwrap().is_empty(),
        "delivered, or not due yet"
    );
    assert_eq!(
        store
            .pending_outbox(monday_morning() + Duration::seconds(5))
            .unwrap()
            .len(),
        1
    );
    store
        .commit(&Commit {
            outbox: vec![outbox("k1", "magnus")],
            ..Commit::default()
        })
        .unwrap();
    assert!(
        store
            .outbox_entry("k1")
            .unwrap()
            .unwrap()
            .delivered_at
            .is_some(),
        "a delivered key is never re-queued"
    );
}

#[test]
fn memory_store_conforms() {
    conformance(&MemoryStore::new());
}

#[test]
fn sled_store_conforms() {
    let dir = tempfile::tempdir().unwrap();
    conformance(&crate::support::reopen(dir.path()));
}

#[test]
fn sled_store_keeps_everything_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let commit = Commit {
        conversations: vec![conversation("sara", Some("F-A"))],
        cases: vec![case("F-A", "sara", 0)],
        outbox: vec![outbox("k1", "magnus")],
        timers: vec![TimerOp::Set(timer("t", 30))],
        ..Commit::default()
    };
    {
        let store = crate::support::reopen(dir.path());
        store.commit(&commit).unwrap();
    }
    let store = crate::support::reopen(dir.path());
    assert_eq!(
        store.load_conversation(&PersonId::new("sara")).unwrap(),
        Some(commit.conversations[0].clone())
    );
    assert_eq!(
        store.load_case(&CaseId::new("F-A")).unwrap(),
        Some(commit.cases[0].clone())
    );
    assert_eq!(store.timers().unwrap().len(), 1);
    assert_eq!(store.pending_outbox(monday_morning()).unwrap().len(), 1);
}

#[test]
fn a_file_where_the_data_folder_should_be_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let err = SledStore::open(&file).unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    assert!(err.to_string().contains("not a folder"), "{err}");
}

#[test]
fn a_store_of_another_format_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path()).unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", &99u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    // sled's background thread may hold the lock a moment after the handle above is dropped.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let err = loop {
        match SledStore::open(dir.path()) {
            Err(e) if e.to_string().contains("lock") && std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => break e,
            Ok(_) => panic!("a store of another format version was opened"),
        }
    };
    assert!(
        matches!(err, StoreError::Schema { found: 99, .. }),
        "{err:?}"
    );
}

#[test]
fn the_stored_formats_are_stable() {
    // A change here is a change of the on-disk format: bump SCHEMA_VERSION or keep it readable.
    insta::assert_json_snapshot!("stored_conversation", conversation("sara", Some("F-A")));
    insta::assert_json_snapshot!("stored_case", case("F-A", "sara", 0));
    insta::assert_json_snapshot!("stored_timer", timer("F-A/check-in/0", 30));
    insta::assert_json_snapshot!("stored_outbox_entry", outbox("F-A/1/magnus", "magnus"));
}
