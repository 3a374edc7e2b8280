//! One conformance suite for every `Store` implementation, plus what only the disk store can
//! show: reopening, the format version, and a folder that cannot be used.

use std::collections::BTreeMap;

use chrono::Duration;
use fyr::engine::playbook::{Phase, Task, TaskStatus};
use fyr::engine::{Case, Session};
use fyr::model::{CaseId, Country, IncidentKind, Language, PersonId};
use fyr::store::{Commit, MemoryStore, SledStore, Store, StoreError};

use crate::support::monday_morning;

fn case(id: &str, owner: &str, minutes: i64) -> Case {
    let at = monday_morning() + Duration::minutes(minutes);
    Case {
        id: CaseId::new(id),
        owner: PersonId::new(owner),
        country: Country::Denmark,
        kind: Some(IncidentKind::OnlineExposure),
        phase: Phase::Evidence,
        opened_at: at,
        updated_at: at,
        immediate_danger_at: None,
        tasks: BTreeMap::from([(Task::EvidenceSaved, TaskStatus::Done)]),
    }
}

fn session(owner: &str, case: Option<Case>) -> Session {
    let mut s = Session::new(PersonId::new(owner), monday_morning());
    s.conversation.step = Some("evidence-notes".into());
    s.conversation.back = vec!["start".into(), "kind".into()];
    s.conversation.language = Some(Language::Sv);
    s.conversation.case = case.as_ref().map(|c| c.id.clone());
    s.case = case;
    s
}

fn conformance(store: &dyn Store) {
    let sara = PersonId::new("sara");
    assert_eq!(
        store.load_session(&sara).unwrap(),
        None,
        "an unknown person has no session"
    );

    // A session without a case round-trips.
    let fresh = session("sara", None);
    store.commit(&Commit::from(&fresh)).unwrap();
    assert_eq!(store.load_session(&sara).unwrap(), Some(fresh));

    // With a case: both are written together and read back together.
    let with_case = session("sara", Some(case("F-A", "sara", 0)));
    store.commit(&Commit::from(&with_case)).unwrap();
    assert_eq!(store.load_session(&sara).unwrap(), Some(with_case.clone()));
    assert_eq!(
        store.load_case(&CaseId::new("F-A")).unwrap(),
        with_case.case
    );

    // A later commit replaces the earlier record.
    let mut moved = with_case.clone();
    moved.conversation.step = Some("tell".into());
    moved
        .case
        .as_mut()
        .unwrap()
        .tasks
        .insert(Task::ManagerTold, TaskStatus::Later);
    store.commit(&Commit::from(&moved)).unwrap();
    assert_eq!(store.load_session(&sara).unwrap(), Some(moved));

    // A second case for the same person, and a case of someone else.
    store
        .commit(&Commit::from(&session(
            "sara",
            Some(case("F-B", "sara", 5)),
        )))
        .unwrap();
    store
        .commit(&Commit::from(&session(
            "dorthe",
            Some(case("F-C", "dorthe", 1)),
        )))
        .unwrap();
    let ids: Vec<_> = store
        .cases_of(&sara)
        .unwrap()
        .into_iter()
        .map(|c| c.id.0)
        .collect();
    assert_eq!(ids, ["F-A", "F-B"], "oldest first, only the owner's");
    assert_eq!(store.load_case(&CaseId::new("F-missing")).unwrap(), None);
}

#[test]
fn memory_store_conforms() {
    conformance(&MemoryStore::new());
}

#[test]
fn sled_store_conforms() {
    let dir = tempfile::tempdir().unwrap();
    conformance(&SledStore::open(dir.path()).unwrap());
}

#[test]
fn sled_store_keeps_everything_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let s = session("sara", Some(case("F-A", "sara", 0)));
    {
        let store = SledStore::open(dir.path()).unwrap();
        store.commit(&Commit::from(&s)).unwrap();
    }
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.load_session(&PersonId::new("sara")).unwrap(), Some(s));
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
    let err = SledStore::open(dir.path()).unwrap_err();
    assert!(
        matches!(err, StoreError::Schema { found: 99, .. }),
        "{err:?}"
    );
}

#[test]
fn the_stored_session_format_is_stable() {
    // A change here is a change of the on-disk format: bump SCHEMA_VERSION or keep it readable.
    let s = session("sara", Some(case("F-A", "sara", 0)));
    insta::assert_json_snapshot!("stored_session", s);
}
