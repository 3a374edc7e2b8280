//! Sealed evidence end to end: notes, links and files are hashed on receipt and chained per
//! case; `fyr verify` finds a flipped byte; the owner can erase everything; statistics suppress
//! small counts.

use std::process::Command;

use fyr::engine::evidence::{EvidenceKind, Tamper};
use fyr::model::PersonId;
use fyr::store::{SledStore, Store};

use crate::support::{console, fyr_bin, run_with};

/// Sara (online exposure) writes a note and a link at the evidence step and attaches a file.
fn seal_three(dir: &std::path::Path) -> String {
    let file = dir.join("skärmdump.png");
    std::fs::write(&file, b"\x89PNG fake screenshot bytes").unwrap();
    let store = SledStore::open(&dir.join("data")).unwrap();
    let mut c = console(store, "se-employee");
    let script = format!(
        "2\n3\n1\n4\nHan skrev att han vet var jag bor, 2 mars kl 08.10 i kommentarerna.\nhttps://example.org/post/123\n/file {}\n1\n",
        file.display()
    );
    run_with(&mut c, &script)
}

#[test]
fn notes_links_and_files_are_sealed_and_the_employee_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let t = seal_three(dir.path());
    for n in 1..=3 {
        assert!(
            t.contains(&format!("Sparat som nummer {n} i ärende")),
            "item {n}:\n{t}"
        );
    }
    let store = crate::support::reopen(&dir.path().join("data"));
    let case = store
        .cases_of(&PersonId::new("se-employee"))
        .unwrap()
        .pop()
        .unwrap();
    let items = store.evidence_of(&case.id).unwrap();
    let kinds: Vec<_> = items.iter().map(|i| i.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            EvidenceKind::Note,
            EvidenceKind::Link,
            EvidenceKind::File {
                name: "skärmdump.png".into()
            }
        ]
    );
    assert_eq!(items[1].prev, items[0].chain, "chained");
    assert!(fyr::ops::verify(&store, None).unwrap().is_empty());
}

#[test]
fn a_flipped_byte_is_reported_precisely() {
    let dir = tempfile::tempdir().unwrap();
    seal_three(dir.path());
    let case = {
        let store = crate::support::reopen(&dir.path().join("data"));
        store
            .cases_of(&PersonId::new("se-employee"))
            .unwrap()
            .pop()
            .unwrap()
            .id
    };
    {
        // Tamper with item 2's stored content, behind Fyr's back.
        let db = sled::open(dir.path().join("data")).unwrap();
        let tree = db.open_tree("evidence_content").unwrap();
        let mut key = case.as_str().as_bytes().to_vec();
        key.push(0);
        key.extend_from_slice(&2u32.to_be_bytes());
        let mut value = tree.get(&key).unwrap().unwrap().to_vec();
        value[3] ^= 0x01;
        tree.insert(key, value).unwrap();
        db.flush().unwrap();
    }
    let store = crate::support::reopen(&dir.path().join("data"));
    assert_eq!(
        fyr::ops::verify(&store, None).unwrap(),
        [(case.clone(), Tamper::ContentChanged { seq: 2 })]
    );
    drop(store);
    let out = Command::new(fyr_bin())
        .args(["verify", "--data"])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("case {case}: item 2: the content was changed")),
        "{stdout}"
    );
}

#[test]
fn a_file_over_the_limit_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.bin");
    std::fs::write(&big, vec![0u8; 26 * 1024 * 1024]).unwrap();
    let store = crate::support::reopen(&dir.path().join("data"));
    let t = run_with(
        &mut console(store, "se-employee"),
        &format!("/file {}\n/file /nonexistent\n", big.display()),
    );
    assert!(t.contains("gränsen är 25 MB"), "{t}");
    assert!(t.contains("Jag kan inte läsa den filen"), "{t}");
}

#[test]
fn the_owner_can_erase_everything_and_an_operator_can_erase_a_case() {
    let dir = tempfile::tempdir().unwrap();
    seal_three(dir.path());
    // Menu → delete my data (item 14) → yes.
    let store = crate::support::reopen(&dir.path().join("data"));
    let t = run_with(&mut console(store, "se-employee"), "meny\n14\n1\n");
    assert!(t.contains("Allt jag hade om dig är raderat"), "{t}");
    let store = crate::support::reopen(&dir.path().join("data"));
    assert!(store
        .cases_of(&PersonId::new("se-employee"))
        .unwrap()
        .is_empty());
    assert!(store.all_cases().unwrap().is_empty());
    let leftover_timers: Vec<_> = store.timers().unwrap();
    assert!(
        leftover_timers.is_empty(),
        "no check-ins for an erased case: {leftover_timers:?}"
    );
    drop(store);

    seal_three(dir.path());
    let case = {
        let store = crate::support::reopen(&dir.path().join("data"));
        store.all_cases().unwrap().pop().unwrap().id
    };
    let out = Command::new(fyr_bin())
        .arg("erase")
        .arg(case.as_str())
        .arg("--data")
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = crate::support::reopen(&dir.path().join("data"));
    assert!(store.load_case(&case).unwrap().is_none());
    assert!(store.evidence_of(&case).unwrap().is_empty());
}

#[test]
fn statistics_suppress_small_counts() {
    let config = crate::support::sample_config();
    let store = fyr::store::MemoryStore::new();
    let mut cases = Vec::new();
    for (i, kind) in std::iter::repeat_n(fyr::model::IncidentKind::Threat, 6)
        .chain([fyr::model::IncidentKind::Other])
        .enumerate()
    {
        let mut c = fyr::engine::Case::new(
            fyr::model::CaseId::new(format!("F-{i}")),
            PersonId::new("se-employee"),
            fyr::model::UnitId::new("se-unit"),
            fyr::model::Country::Sweden,
            crate::support::monday_morning(),
        );
        c.kind = Some(kind);
        cases.push(c);
    }
    store
        .commit(&fyr::store::Commit {
            cases,
            ..Default::default()
        })
        .unwrap();
    let table = fyr::ops::stats(&config, &store).unwrap();
    assert!(table.contains("se-unit\t2026-03\tthreat\t6"), "{table}");
    assert!(table.contains("se-unit\t2026-03\tother\t<5"), "{table}");
    assert!(
        !table.contains("se-employee"),
        "no person in the statistics"
    );
}
