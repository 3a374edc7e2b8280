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

/// The behaviours every `Store` has; `conformance!` runs each as a test of its own against
/// each store.
mod behaves {
    use super::*;

    pub fn conversations_and_cases(store: &dyn Store) {
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
            .commit(Commit {
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
            .commit(Commit {
                conversations: vec![moved.clone()],
                ..Commit::default()
            })
            .unwrap();
        assert_eq!(store.load_conversation(&sara).unwrap(), Some(moved));

        // Cases per owner, oldest first.
        store
            .commit(Commit {
                cases: vec![case("F-B", "sara", 5), case("F-C", "dorthe", 1)],
                ..Commit::default()
            })
            .unwrap();
        let ids: Vec<_> = store
            .cases_of(&sara)
            .unwrap()
            .into_iter()
            .map(|c| c.id.to_string())
            .collect();
        assert_eq!(ids, ["F-A", "F-B"]);
        assert_eq!(store.load_case(&CaseId::new("F-missing")).unwrap(), None);
    }

    /// Timers: earliest first, only the due ones, replaced by key, cancelled by key.
    pub fn timers(store: &dyn Store) {
        store
            .commit(Commit {
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
            .commit(Commit {
                timers: vec![
                    TimerOp::Cancel("early".into()),
                    TimerOp::Cancel("never-set".into()),
                ],
                ..Commit::default()
            })
            .unwrap();
        assert_eq!(keys(store.timers().unwrap()), ["moved", "late"]);
    }

    /// The outbox: an entry is written once per key; delivered entries leave the pending list.
    pub fn outbox_entries(store: &dyn Store) {
        store
            .commit(Commit {
                outbox: vec![outbox("k1", "magnus"), outbox("k2", "sven")],
                ..Commit::default()
            })
            .unwrap();
        let mut again = outbox("k1", "someone-else");
        again.attempts = 7;
        store
            .commit(Commit {
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
            .commit(Commit {
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

    /// Evidence items in order, with their content.
    pub fn evidence(store: &dyn Store) {
        use fyr::engine::evidence::{seal, EvidenceKind};
        let mut c = case("F-E", "sara", 0);
        let mut commit = Commit::default();
        for n in 0..3 {
            let content = format!("note {n}").into_bytes();
            let item = seal(
                &mut c,
                EvidenceKind::Note,
                &content,
                &PersonId::new("sara"),
                "console",
                monday_morning(),
            );
            commit.evidence.push((item, content));
        }
        commit.cases.push(c.clone());
        store.commit(commit.clone()).unwrap();
        let id = CaseId::new("F-E");
        let items = store.evidence_of(&id).unwrap();
        assert_eq!(items.iter().map(|i| i.seq).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(
            store.evidence_content(&id, 2).unwrap(),
            Some(b"note 1".to_vec())
        );
        assert_eq!(store.evidence_content(&id, 9).unwrap(), None);
        assert!(fyr::ops::verify(store, None).unwrap().is_empty());
    }

    /// The audit log in order; erasure takes a case's everything and puts pseudonyms in its lines.
    pub fn audit_and_erasure(store: &dyn Store) {
        let line = |who: &str, case: &str, minutes: i64| fyr::store::AuditEntry {
            at: monday_morning() + Duration::minutes(minutes),
            who: who.into(),
            action: "step".into(),
            case: Some(CaseId::new(case)),
            place: None,
        };
        store
            .commit(Commit {
                cases: vec![case("F-X", "sara", 0), case("F-Y", "omar", 0)],
                timers: vec![TimerOp::Set(Timer {
                    case: CaseId::new("F-X"),
                    ..timer("F-X/t", 30)
                })],
                outbox: vec![outbox("F-X/1/magnus", "magnus")],
                audit: vec![line("sara", "F-X", 1), line("omar", "F-Y", 2)],
                ..Commit::default()
            })
            .unwrap();
        store.append_audit(&[line("operator", "F-X", 3)]).unwrap();
        let whos = |store: &dyn Store| {
            store
                .audit_log()
                .unwrap()
                .into_iter()
                .map(|l| l.who)
                .collect::<Vec<_>>()
        };
        assert_eq!(whos(store), ["sara", "omar", "operator"]);
        assert!(store.erase_case(&CaseId::new("F-X")).unwrap());
        assert_eq!(store.load_case(&CaseId::new("F-X")).unwrap(), None);
        assert!(store.timers().unwrap().is_empty());
        assert_eq!(store.outbox_entry("F-X/1/magnus").unwrap(), None);
        let after = whos(store);
        assert_eq!(after[0], store.pseudonym(&CaseId::new("F-X"), "sara"));
        assert_eq!(after[1..], ["omar", "operator"]);
        assert!(store.load_case(&CaseId::new("F-Y")).unwrap().is_some());
        assert!(
            !store.erase_case(&CaseId::new("F-X")).unwrap(),
            "gone already"
        );
    }
}

/// One test per behaviour (`behaves`) for a store made by `$make` (a store and what must
/// outlive it).
macro_rules! conformance {
    ($name:ident, $make:expr) => {
        mod $name {
            use super::*;

            #[test]
            fn conversations_and_cases() {
                let (store, _keep) = $make;
                behaves::conversations_and_cases(&store);
            }

            #[test]
            fn timers() {
                let (store, _keep) = $make;
                behaves::timers(&store);
            }

            #[test]
            fn outbox_entries() {
                let (store, _keep) = $make;
                behaves::outbox_entries(&store);
            }

            #[test]
            fn evidence() {
                let (store, _keep) = $make;
                behaves::evidence(&store);
            }

            #[test]
            fn audit_and_erasure() {
                let (store, _keep) = $make;
                behaves::audit_and_erasure(&store);
            }
        }
    };
}

conformance!(in_memory, (MemoryStore::new(), ()));
conformance!(on_disk, {
    let dir = tempfile::tempdir().unwrap();
    (crate::support::reopen(dir.path()), dir)
});

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
        store.commit(commit.clone()).unwrap();
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
fn an_explicit_close_keeps_everything_and_later_writes_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = crate::support::reopen(dir.path());
    for n in 0..20 {
        store
            .commit(Commit {
                conversations: vec![numbered("sara", n)],
                ..Commit::default()
            })
            .unwrap();
    }
    store.close().unwrap();
    // Closed: a write is an error, not a panic, and closing again changes nothing.
    assert!(store
        .commit(Commit {
            conversations: vec![numbered("sara", 99)],
            ..Commit::default()
        })
        .is_err());
    store.close().unwrap();
    drop(store);
    {
        // Everything is in the trees; there is no log of Fyr's own.
        let db = crate::support::open_raw(dir.path());
        assert!(!db.tree_names().iter().any(|t| t.as_ref() == b"log"));
        assert_eq!(db.open_tree("conversations").unwrap().len(), 1);
    }
    let store = crate::support::reopen(dir.path());
    assert_eq!(
        store.load_conversation(&PersonId::new("sara")).unwrap(),
        Some(numbered("sara", 19))
    );
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
fn a_timer_set_before_a_restart_is_moved_and_cancelled_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let set = |store: &SledStore, ops: Vec<TimerOp>| {
        store
            .commit(Commit {
                timers: ops,
                ..Commit::default()
            })
            .unwrap()
    };
    {
        let store = SledStore::open(&data).unwrap();
        set(
            &store,
            vec![
                TimerOp::Set(timer("F-A/a", 10)),
                TimerOp::Set(timer("F-A/b", 30)),
            ],
        );
    }
    let store = crate::support::reopen(&data);
    set(&store, vec![TimerOp::Set(timer("F-A/a", 20))]);
    let all = store.timers().unwrap();
    assert_eq!(
        all,
        vec![timer("F-A/a", 20), timer("F-A/b", 30)],
        "moved, not doubled"
    );
    drop(store);
    let store = crate::support::reopen(&data);
    set(&store, vec![TimerOp::Cancel("F-A/a".into())]);
    assert_eq!(store.timers().unwrap(), vec![timer("F-A/b", 30)]);
    // F-A has timers but no case record here: erasure still takes its timers.
    assert!(!store.erase_case(&CaseId::new("F-A")).unwrap());
    assert_eq!(
        store.timers().unwrap(),
        Vec::new(),
        "erasure takes the case's timers"
    );
}

#[test]
fn older_stores_are_read_and_marked_as_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let id = CaseId::new("F-4");
    {
        let store = SledStore::open(&data).unwrap();
        store
            .commit(Commit {
                cases: vec![case("F-4", "sara", 0)],
                ..Commit::default()
            })
            .unwrap();
    }
    // sled's background thread may hold the lock a moment after a handle is dropped.
    let open_raw = || crate::support::open_raw(&data);
    let set_version = |v: u32| {
        let db = open_raw();
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", &v.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    };
    let read_version = || {
        let db = open_raw();
        let v = db.open_tree("meta").unwrap().get("schema_version").unwrap();
        u32::from_be_bytes(v.unwrap().as_ref().try_into().unwrap())
    };
    for old in [4, 5, 6, 7, 8] {
        set_version(old);
        let store = crate::support::reopen(&data);
        assert_eq!(
            store.load_case(&id).unwrap().map(|c| c.id),
            Some(id.clone())
        );
        drop(store);
        assert_eq!(read_version(), fyr::store::SCHEMA_VERSION);
    }
    assert_eq!(fyr::store::SCHEMA_VERSION, 9);
}

/// Copy a folder (the fixtures are read only to the tests).
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// tests/fixtures/format7: a folder of the last Fyr with a write-ahead log (format 7), made by
/// `fyr chat` (dk-employee: a threat, then "continue" twice) and killed with SIGKILL, so some
/// commits were only in its log. Opening it upgrades it in one step: the logged commits are in
/// the trees, the log is gone, the version is the current one, and everything reads and verifies.
#[test]
fn a_format_7_folder_with_a_log_is_upgraded_in_one_step_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = crate::support::root().join("tests/fixtures/format7");
    let data = dir.path().join("data");
    copy_dir(&fixture.join("data"), &data);
    std::fs::copy(fixture.join("data.key"), dir.path().join("data.key")).unwrap();
    let version = |data: &std::path::Path| {
        let db = crate::support::open_raw(data);
        let v = db.open_tree("meta").unwrap().get("schema_version").unwrap();
        let logged = db.tree_names().iter().any(|t| t.as_ref() == b"log");
        (
            u32::from_be_bytes(v.unwrap().as_ref().try_into().unwrap()),
            logged,
        )
    };
    assert_eq!(version(&data), (7, true));
    {
        let store = crate::support::reopen(&data);
        let person = PersonId::new("dk-employee");
        let cases = store.cases_of(&person).unwrap();
        assert_eq!(cases.len(), 1, "the case from the log is there");
        let conversation = store.load_conversation(&person).unwrap().unwrap();
        assert_eq!(conversation.case.as_ref(), Some(&cases[0].id));
        assert!(fyr::ops::verify(&store, None).unwrap().is_empty());
        assert!(!store.audit_log().unwrap().is_empty());
    }
    assert_eq!(version(&data), (fyr::store::SCHEMA_VERSION, false));
    // And again: an upgraded folder opens as it is.
    let store = crate::support::reopen(&data);
    assert_eq!(
        store.cases_of(&PersonId::new("dk-employee")).unwrap().len(),
        1
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

/// Set in the child process of `a_killed_writer_keeps_every_durable_commit`.
const WRITER_CHILD: &str = "FYR_STORE_WRITER_CHILD";
/// Commit `n` writes person `p{n % WRITERS}` and the marker person `last`, both with step `n`.
const WRITERS: u64 = 5;

fn numbered(person: &str, n: u64) -> Conversation {
    let mut c = Conversation::new(PersonId::new(person), monday_morning());
    c.step = Some(n.to_string().into());
    // Some kilobytes, so sled's own segments fill and are cleaned while kills land.
    c.back = (0..64)
        .map(|i| format!("{person}-step-{n}-{i:0>40}").into())
        .collect();
    c
}

/// The child: numbered commits, each durable when `commit` returns, printing `durable N` then.
fn numbered_writer(dir: &std::path::Path) -> ! {
    use std::io::Write;
    let store = SledStore::open(dir).unwrap();
    let mut out = std::io::stdout();
    // Go on from where the folder is (a killed run left it there).
    let start = store
        .load_conversation(&PersonId::new("last"))
        .unwrap()
        .and_then(|c| c.step)
        .map_or(0, |s| s.parse::<u64>().unwrap());
    for n in start + 1.. {
        store
            .commit(Commit {
                conversations: vec![
                    numbered(&format!("p{}", n % WRITERS), n),
                    numbered("last", n),
                ],
                ..Commit::default()
            })
            .unwrap();
        writeln!(out, "durable {n}").unwrap();
        out.flush().unwrap();
    }
    unreachable!("the parent kills this process")
}

/// SIGKILL at random moments while commits are written: every commit reported durable is
/// there, and what is there is a whole prefix of the commits (each person holds exactly the last of their commits up to the
/// marker), across several kills of the same folder.
#[test]
fn a_killed_writer_keeps_every_durable_commit() {
    if let Some(dir) = std::env::var_os(WRITER_CHILD) {
        numbered_writer(std::path::Path::new(&dir));
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    let mut reported_max = 0;
    for cycle in 0..4u64 {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "store::a_killed_writer_keeps_every_durable_commit",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WRITER_CHILD, &data)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Read what it reports for a while (a different while each cycle), then kill it.
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("durable ") {
                    let _ = tx.send(n.trim().parse::<u64>().unwrap());
                }
            }
        });
        let run = std::time::Duration::from_millis(150 + (seed.wrapping_mul(cycle + 7)) % 400);
        let started = std::time::Instant::now();
        let mut reported = 0;
        // The first run goes on until a checkpoint must have happened (see `numbered`).
        let enough = if cycle == 0 { 1_500 } else { 1 };
        while started.elapsed() < run || reported < enough {
            if let Ok(n) = rx.recv_timeout(std::time::Duration::from_millis(20)) {
                reported = reported.max(n);
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(30),
                "the child reported nothing (cycle {cycle})"
            );
        }
        child.kill().unwrap();
        child.wait().unwrap();
        // What the reader thread still had in the pipe was reported before the kill, too.
        while let Ok(n) = rx.recv_timeout(std::time::Duration::from_millis(100)) {
            reported = reported.max(n);
        }
        reported_max = reported_max.max(reported);
        let store = crate::support::reopen(&data);
        let step = |person: &str| -> u64 {
            store
                .load_conversation(&PersonId::new(person))
                .unwrap()
                .and_then(|c| c.step)
                .map_or(0, |s| s.parse().unwrap())
        };
        let last = step("last");
        assert!(
            last >= reported_max,
            "commit {reported_max} was reported durable, but the folder ends at {last} (cycle {cycle}, seed {seed})"
        );
        for p in 0..WRITERS {
            let expected = (1..=last).rev().find(|n| n % WRITERS == p).unwrap_or(0);
            assert_eq!(
                step(&format!("p{p}")),
                expected,
                "person p{p} is not at the prefix ending with commit {last} (cycle {cycle}, seed {seed})"
            );
        }
        drop(store);
    }
    assert!(reported_max > 0);
}

// --- The losses adversarial tests found (issue 17): each is refused or kept, never silent ---

/// Open a data folder, retrying while sled's background thread of an earlier handle still
/// holds its lock; the error otherwise.
fn open_retrying(
    data: &std::path::Path,
    key_file: Option<&std::path::Path>,
) -> Result<SledStore, StoreError> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let opened = match key_file {
            Some(key) => SledStore::open_with_key_file(data, key),
            None => SledStore::open(data),
        };
        match opened {
            Err(e) if e.to_string().contains("lock") && std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// A data folder holding one case (F-K, owned by sara).
fn folder_with_a_case(data: &std::path::Path) {
    let store = SledStore::open(data).unwrap();
    store
        .commit(Commit {
            conversations: vec![conversation("sara", Some("F-K"))],
            cases: vec![case("F-K", "sara", 0)],
            ..Commit::default()
        })
        .unwrap();
}

#[test]
fn a_missing_cut_or_foreign_keyring_is_refused_naming_the_missing_keys() {
    let other = tempfile::tempdir().unwrap();
    folder_with_a_case(&other.path().join("data"));
    let foreign = std::fs::read(other.path().join("data").join("keyring")).unwrap();
    for damage in ["deleted", "0", "40", "100", "foreign"] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        folder_with_a_case(&data);
        let keyring = data.join("keyring");
        match damage {
            "deleted" => std::fs::remove_file(&keyring).unwrap(),
            "foreign" => std::fs::write(&keyring, &foreign).unwrap(),
            n => std::fs::OpenOptions::new()
                .write(true)
                .open(&keyring)
                .unwrap()
                .set_len(n.parse().unwrap())
                .unwrap(),
        }
        let before = std::fs::read(&keyring).ok();
        let err = match open_retrying(&data, None) {
            Ok(store) => panic!(
                "a {damage} keyring was accepted: case F-K is {:?}",
                store.load_case(&CaseId::new("F-K")).map(|c| c.is_some())
            ),
            Err(e) => e,
        };
        assert!(
            matches!(err, StoreError::KeysMissing { .. }),
            "{damage}: {err:?}"
        );
        let text = err.to_string();
        assert!(text.contains("F-K"), "{damage}: the case is named: {text}");
        assert!(
            text.contains("restore the keyring") && text.contains("backup"),
            "{damage}: says what to do: {text}"
        );
        assert_eq!(
            std::fs::read(&keyring).ok(),
            before,
            "{damage}: the keyring is left as it was"
        );
    }
}

#[test]
fn a_key_name_is_never_used_twice_even_after_the_keyring_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let names = |data: &std::path::Path| -> Vec<Vec<u8>> {
        let db = crate::support::open_raw(data);
        let tree = db.open_tree("case_keys").unwrap();
        tree.iter().map(|kv| kv.unwrap().1.to_vec()).collect()
    };
    folder_with_a_case(&data);
    let first = names(&data);
    assert_eq!(first.len(), 1);
    {
        let store = crate::support::reopen(&data);
        assert!(store.erase_case(&CaseId::new("F-K")).unwrap());
    }
    // No case needs a key now: a lost keyring loses nothing, and the folder opens.
    std::fs::remove_file(data.join("keyring")).unwrap();
    {
        let store = crate::support::reopen(&data);
        store
            .commit(Commit {
                cases: vec![case("F-L", "sara", 0)],
                ..Commit::default()
            })
            .unwrap();
    }
    let second = names(&data);
    assert_eq!(second.len(), 1);
    assert_ne!(
        first, second,
        "a new case got the name of an erased case's key: restoring the old keyring would give it the wrong key"
    );
}

#[test]
fn a_folder_of_an_older_format_opened_with_a_wrong_or_missing_key_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    folder_with_a_case(&data);
    let other = dir.path().join("other");
    folder_with_a_case(&other);
    let version = || {
        let db = crate::support::open_raw(&data);
        let v = db.open_tree("meta").unwrap().get("schema_version").unwrap();
        u32::from_be_bytes(v.unwrap().as_ref().try_into().unwrap())
    };
    {
        let db = crate::support::open_raw(&data);
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", &6u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let wrong = dir.path().join("other.key");
    let err = open_retrying(&data, Some(&wrong)).unwrap_err();
    assert!(matches!(err, StoreError::WrongKey { .. }), "{err:?}");
    assert_eq!(version(), 6, "refused with a wrong key, yet upgraded");
    let missing = dir.path().join("nowhere.key");
    let err = open_retrying(&data, Some(&missing)).unwrap_err();
    assert!(matches!(err, StoreError::KeyMissing { .. }), "{err:?}");
    assert_eq!(version(), 6, "refused without a key, yet upgraded");
    assert!(
        !missing.exists(),
        "no key file is made for an existing folder"
    );
}

#[test]
fn cutting_the_tail_of_the_database_after_a_clean_stop_is_refused_not_forgotten() {
    use fyr::engine::evidence::{seal, EvidenceKind};
    for cut in [8_000u64, 10_000, 12_500, 40_000] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        {
            let mut store = SledStore::open(&data).unwrap();
            let mut c = case("F-E", "sara", 0);
            for n in 0..5u32 {
                let content = format!("note {n}").into_bytes();
                let item = seal(
                    &mut c,
                    EvidenceKind::Note,
                    &content,
                    &PersonId::new("sara"),
                    "console",
                    monday_morning(),
                );
                store
                    .commit(Commit {
                        cases: vec![c.clone()],
                        evidence: vec![(item, content)],
                        ..Commit::default()
                    })
                    .unwrap();
            }
            store.close().unwrap();
        }
        let db = data.join("db");
        let len = std::fs::metadata(&db).unwrap().len();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&db)
            .unwrap()
            .set_len(len.saturating_sub(cut))
            .unwrap();
        match open_retrying(&data, None) {
            Err(e) => {
                assert!(
                    matches!(e, StoreError::Damaged { .. }),
                    "cut {cut}: refused, but not as damage: {e:?}"
                );
                assert!(e.to_string().contains("backup"), "cut {cut}: {e}");
            }
            Ok(store) => {
                let id = CaseId::new("F-E");
                let items = store.evidence_of(&id).unwrap();
                assert_eq!(
                    items.len(),
                    5,
                    "cut {cut}: confirmed evidence items are gone, silently"
                );
                for item in items {
                    assert!(store.evidence_content(&id, item.seq).unwrap().is_some());
                }
            }
        }
    }
}

#[test]
fn a_case_does_not_grow_with_every_step() {
    let mut console = crate::support::console(MemoryStore::new(), "dk-employee");
    let script = "1\n".repeat(3_000);
    crate::support::run_with(&mut console, &script);
    let store = console.driver.store();
    let person = PersonId::new("dk-employee");
    let conversation = store.load_conversation(&person).unwrap().unwrap();
    let size = serde_json::to_vec(&conversation).unwrap().len();
    assert!(
        size < 16 * 1024,
        "after 3000 answers the conversation record is {size} bytes"
    );
    let cases = store.cases_of(&person).unwrap();
    assert!(!cases.is_empty());
    for case in cases {
        let size = serde_json::to_vec(&case).unwrap().len();
        assert!(
            size < 16 * 1024,
            "after 3000 answers case {} is {size} bytes ({} log entries)",
            case.id,
            case.log.len()
        );
    }
}

#[test]
fn a_full_disk_ends_the_chat_within_seconds_with_exit_3_and_a_restart_goes_on() {
    use std::io::Write;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = crate::support::fyr_chat(&data)
        .args(["--as", "dk-employee"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(first.status.success(), "{first:?}");
    // The files may grow a little, then no more (`ulimit -f`, in blocks of 512 bytes): writing
    // fails as on a full disk.
    let size: u64 = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .max()
        .unwrap();
    let chat = crate::support::fyr_chat(&data);
    let mut full = std::process::Command::new("sh");
    full.arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {}; exec \"$@\"",
            size / 512 + 2048
        ))
        .arg("sh")
        .arg(chat.get_program())
        .args(chat.get_args())
        .args(["--as", "dk-employee"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let started = std::time::Instant::now();
    let mut child = full.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        for _ in 0..20_000 {
            if writeln!(stdin, "1").is_err() {
                break;
            }
        }
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "fyr chat hangs on a full disk"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("full") && stderr.contains("help:"),
        "the error says what happened and what to do: {stderr}"
    );
    // Space freed: Fyr starts again and goes on.
    let again = crate::support::fyr_chat(&data)
        .args(["--as", "dk-employee"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(again.status.success(), "{again:?}");
}

#[test]
fn verify_names_a_case_the_audit_log_knows_but_the_store_has_lost() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let store = SledStore::open(&data).unwrap();
        store
            .commit(Commit {
                cases: vec![case("F-V", "sara", 0)],
                audit: vec![fyr::store::AuditEntry {
                    at: monday_morning(),
                    who: "sara".into(),
                    action: "step".into(),
                    case: Some(CaseId::new("F-V")),
                    place: None,
                }],
                ..Commit::default()
            })
            .unwrap();
    }
    {
        // Lost behind Fyr's back (its key is still there, so the folder opens).
        let db = crate::support::open_raw(&data);
        db.open_tree("cases").unwrap().remove("F-V").unwrap();
        db.flush().unwrap();
    }
    let out = crate::support::FyrCmd::new()
        .arg("verify")
        .arg("--data")
        .arg(&data)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("case F-V: the case record is missing") && stdout.contains("backup"),
        "{stdout}"
    );
}

#[test]
fn an_erasure_interrupted_after_its_key_was_destroyed_is_finished_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    folder_with_a_case(&data);
    {
        // As a stop between the two could leave it: the erasure recorded, the key destroyed,
        // the case's records still there.
        let db = crate::support::open_raw(&data);
        db.open_tree("meta")
            .unwrap()
            .insert("erasing/F-K", &[])
            .unwrap();
        db.flush().unwrap();
    }
    let (master, _) =
        fyr::store::vault::load_or_create_key(&dir.path().join("data.key"), false).unwrap();
    fyr::store::vault::write_keyring(&data.join("keyring"), &master, []).unwrap();
    let store = open_retrying(&data, None).expect("not refused: the key was meant to go");
    assert_eq!(store.load_case(&CaseId::new("F-K")).unwrap(), None);
    assert_eq!(
        store
            .load_conversation(&PersonId::new("sara"))
            .unwrap()
            .map(|c| c.person),
        Some(PersonId::new("sara"))
    );
    drop(store);
    let db = crate::support::open_raw(&data);
    assert_eq!(
        db.open_tree("meta")
            .unwrap()
            .scan_prefix("erasing/")
            .count(),
        0
    );
    assert_eq!(db.open_tree("cases").unwrap().len(), 0);
}
