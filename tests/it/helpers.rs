//! Colleague helpers: the employee invites a named colleague to help collect evidence. The
//! helper can add notes, links and files to the employee's case and sees only what they added;
//! the employee can end the access; everyone else is refused, and every step is audited.

use fyr::model::PersonId;
use fyr::store::{MemoryStore, Store};

use crate::support::{console, run_with};

/// Everything Fyr showed `person` in a console transcript (their `→ person:` blocks).
fn seen_by(transcript: &str, person: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in transcript.lines() {
        if let Some(rest) = line.strip_prefix("→ ") {
            inside = rest.starts_with(&format!("{person}:"));
        } else if !(line.is_empty() || line.starts_with("  ")) {
            inside = false;
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_helper_adds_evidence_sees_only_their_own_and_loses_access_when_the_employee_ends_it() {
    let dir = tempfile::tempdir().unwrap();
    let picture = dir.path().join("foto.jpg");
    std::fs::write(&picture, b"\xff\xd8 a picture of the counter").unwrap();
    let mut c = console(MemoryStore::new(), "se-employee");
    // Sara saves a note of her own, then asks Kim Strand (menu 17).
    let secret = "Han sa att han vet var jag bor";
    let t = run_with(
        &mut c,
        &format!("2\n3\n1\n4\n{secret}\nmeny\n17\nNiemand\nSara Lind\nKim Strand\n1\n"),
    );
    let sara = seen_by(&t, "se-employee");
    assert!(sara.contains("Jag hittar ingen med det namnet"), "{sara}");
    assert!(sara.contains("Det är ditt eget namn"), "{sara}");
    assert!(sara.contains("Ska jag be Kim Strand"), "{sara}");
    assert!(sara.contains("Jag har frågat Kim Strand"), "{sara}");
    let kim = seen_by(&t, "se-colleague");
    assert!(kim.contains("Sara Lind ber dig hjälpa till"), "{kim}");
    let first_line = kim.lines().next().unwrap();
    assert!(
        !first_line.contains("Sara"),
        "a neutral first line: {first_line}"
    );

    // Kim adds a note and a picture, then looks at what they added.
    let t = run_with(
        &mut c,
        &format!(
            "/as se-colleague\n1\nJag såg honom vid disken kl 14\n/file {}\n1\n",
            picture.display()
        ),
    );
    let kim = seen_by(&t, "se-colleague");
    assert!(kim.contains("Sparat som nummer 2"), "{kim}");
    assert!(kim.contains("Sparat som nummer 3"), "{kim}");
    assert!(
        kim.contains("nummer 2,") && kim.contains("nummer 3,"),
        "{kim}"
    );
    assert!(
        !kim.contains("nummer 1,"),
        "Sara's own item is not shown: {kim}"
    );
    assert!(!kim.contains(secret), "{kim}");

    let case = c.driver.store().all_cases().unwrap().pop().unwrap();
    let items = c.driver.store().evidence_of(&case.id).unwrap();
    let added_by: Vec<&str> = items.iter().map(|i| i.added_by.as_str()).collect();
    assert_eq!(added_by, ["se-employee", "se-colleague", "se-colleague"]);
    assert!(fyr::engine::evidence::verify(&case, &items, |seq| c
        .driver
        .store()
        .evidence_content(&case.id, seq)
        .unwrap())
    .is_empty());

    // Someone who was not asked gets nothing of Sara's case.
    let t = run_with(&mut c, &format!("/as se-deputy\nok {}\n", case.id));
    assert!(!seen_by(&t, "se-deputy").contains(secret));

    // Sara sees who helps and how much, and ends the access; Kim is told.
    let t = run_with(&mut c, "/as se-employee\nmeny\n17\n");
    assert!(
        seen_by(&t, "se-employee").contains("Kim Strand – har lagt till 2"),
        "{t}"
    );
    let t = run_with(&mut c, "1\n");
    assert!(seen_by(&t, "se-employee").contains("kan inte längre lägga till"));
    assert!(
        seen_by(&t, "se-colleague").contains("Tack för hjälpen"),
        "{t}"
    );

    // Kim can no longer add anything.
    let t = run_with(&mut c, "/as se-colleague\nmeny\n");
    drop(t);
    let before = c.driver.store().evidence_of(&case.id).unwrap().len();
    let mut k = c;
    k.speaker = PersonId::new("se-colleague");
    let now = crate::support::monday_morning();
    let replies = k
        .driver
        .handle_file(
            &PersonId::new("se-colleague"),
            "x.png",
            b"late".to_vec(),
            now,
        )
        .unwrap();
    assert_eq!(
        k.driver.store().evidence_of(&case.id).unwrap().len(),
        before
    );
    drop(replies);

    // The audit log has the invitation and Kim's additions, with no content.
    let audit = k.driver.store().audit_log().unwrap();
    assert!(audit
        .iter()
        .any(|e| e.who == "se-colleague" && e.action == "evidence-sealed"));
    assert!(audit.iter().any(|e| e.action == "notified"));
    let dump = format!("{audit:?}");
    assert!(!dump.contains(secret) && !dump.contains("disken"));
}
