//! Sealed evidence end to end: notes, links and files are hashed on receipt and chained per
//! case; `fyr verify` finds a flipped byte; the owner can erase everything; statistics suppress
//! small counts.

use fyr::engine::evidence::{EvidenceKind, Tamper};
use fyr::model::PersonId;
use fyr::store::{SledStore, Store};

use crate::support::{console, run_with};

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
        let db = crate::support::open_raw(&dir.path().join("data"));
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
    let data = dir.path().join("data");
    let out = crate::support::FyrCmd::new()
        .arg("verify")
        .arg("--data")
        .arg(&data)
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
    let out = crate::support::FyrCmd::new()
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
        .commit(fyr::store::Commit {
            cases,
            ..Default::default()
        })
        .unwrap();
    // In April, March has ended: its six threats are shown rounded to five.
    let april = crate::support::monday_morning() + chrono::Duration::days(31);
    let table = fyr::ops::stats(&config, &store, april).unwrap();
    assert!(table.contains("se-unit\t2026-03\tthreat\t5"), "{table}");
    assert!(table.contains("se-unit\t2026-03\tother\t<5"), "{table}");
    assert!(
        !table.contains("se-employee"),
        "no person in the statistics"
    );
}

/// Every file of the data folder, as bytes.
fn everything_in(dir: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all.extend(everything_in(&path));
        } else {
            all.extend(std::fs::read(&path).unwrap());
        }
    }
    all
}

#[test]
fn nothing_personal_is_readable_anywhere_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    // Sara writes a note, tells her manager (a notification in the outbox), and timers are set.
    seal_three(dir.path());
    let store = crate::support::reopen(&dir.path().join("data"));
    run_with(&mut console(store, "se-employee"), "meny\n6\n1\n1\n1\n");
    let bytes = everything_in(&dir.path().join("data"));
    assert!(bytes.len() > 10_000, "the folder holds data");
    let haystack = String::from_utf8_lossy(&bytes);
    for private in [
        "se-employee",
        "se-manager",
        "Sara",
        "Lind",
        "Magnus",
        "vet var jag bor",
        "example.org/post",
        "fake screenshot",
        "skärmdump",
        "threat",
        "online-exposure",
    ] {
        assert!(
            !haystack.contains(private),
            "`{private}` is readable in the data folder"
        );
    }
}

#[test]
fn without_the_right_key_the_store_refuses_to_open() {
    let dir = tempfile::tempdir().unwrap();
    seal_three(dir.path());
    let data = dir.path().join("data");
    let other = dir.path().join("other.key");
    {
        let elsewhere = tempfile::tempdir().unwrap();
        // A key made for another store.
        fyr::store::SledStore::open_with_key_file(&elsewhere.path().join("x"), &other).unwrap();
    }
    // sled's background thread may hold the folder's lock a moment after the last handle of
    // `seal_three` is dropped: retry that error only.
    let open = |key: &std::path::Path| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            match fyr::store::SledStore::open_with_key_file(&data, key) {
                Err(e)
                    if e.to_string().contains("lock") && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => break other,
            }
        }
    };
    let wrong = open(&other).unwrap_err();
    assert!(
        matches!(wrong, fyr::store::StoreError::WrongKey { .. }),
        "{wrong:?}"
    );
    let missing = open(&dir.path().join("nope.key")).unwrap_err();
    assert!(
        matches!(missing, fyr::store::StoreError::KeyMissing { .. }),
        "{missing:?}"
    );
    assert!(
        missing.to_string().contains("restore the key file"),
        "{missing}"
    );
    // The binary says so and exits 3, and never creates a new key for existing data.
    let out = crate::support::FyrCmd::new()
        .args(["verify", "--data"])
        .arg(&data)
        .arg("--key")
        .arg(dir.path().join("nope.key"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(!dir.path().join("nope.key").exists());
}

#[test]
fn the_key_file_is_private_and_announced_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("fyr-data");
    let out = crate::support::FyrCmd::new()
        .args(["chat", "--config"])
        .arg(crate::support::root().join("bot.toml"))
        .arg("--data")
        .arg(&data)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Back it up"), "{stderr}");
    let key = dir.path().join("fyr-data.key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let again = crate::support::FyrCmd::new()
        .args(["chat", "--config"])
        .arg(crate::support::root().join("bot.toml"))
        .arg("--data")
        .arg(&data)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&again.stderr).contains("Back it up"));
}

#[test]
fn erasure_destroys_the_case_key() {
    let dir = tempfile::tempdir().unwrap();
    seal_three(dir.path());
    let data = dir.path().join("data");
    let keyring_before = std::fs::read(data.join("keyring")).unwrap();
    let case = crate::support::reopen(&data)
        .all_cases()
        .unwrap()
        .pop()
        .unwrap()
        .id;
    let store = crate::support::reopen(&data);
    assert!(store.erase_case(&case).unwrap());
    drop(store);
    let keyring_after = std::fs::read(data.join("keyring")).unwrap();
    assert_ne!(
        keyring_before, keyring_after,
        "the keyring was rewritten without the case"
    );
    let store = crate::support::reopen(&data);
    assert!(store.load_case(&case).unwrap().is_none());
    assert_eq!(
        store.evidence_content(&case, 1).unwrap(),
        None,
        "no key, nothing to read"
    );
}

#[test]
fn every_access_notification_and_operator_command_is_in_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    seal_three(dir.path());
    let store = crate::support::reopen(&dir.path().join("data"));
    run_with(
        &mut console(store, "se-employee"),
        "meny\n6\n1\n1\n1\n/as se-manager\n1\n",
    );
    let data = dir.path().join("data");
    let verify = crate::support::FyrCmd::new()
        .arg("verify")
        .arg("--data")
        .arg(&data)
        .output()
        .unwrap();
    assert!(verify.status.success());
    let out = crate::support::FyrCmd::new()
        .arg("audit")
        .arg("--data")
        .arg(&data)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "\tse-employee\tevidence-sealed\tF-",
        "\tse-manager\tnotified\tF-",
        "\tse-manager\tstep\tF-",
        "\toperator\tverify\t-",
    ] {
        assert!(log.contains(expected), "missing `{expected}` in:\n{log}");
    }
    assert!(
        !log.contains("vet var jag bor"),
        "no content in the audit log"
    );
}

#[test]
fn a_case_exports_to_a_pdf_a_zip_and_a_manifest_that_verifies() {
    let dir = tempfile::tempdir().unwrap();
    seal_three(dir.path());
    let data = dir.path().join("data");
    let case = crate::support::reopen(&data)
        .all_cases()
        .unwrap()
        .pop()
        .unwrap()
        .id;
    let out = dir.path().join("export");
    let run = crate::support::FyrCmd::new()
        .arg("export")
        .arg(case.as_str())
        .arg("--out")
        .arg(&out)
        .arg("--config")
        .arg(crate::support::root().join("bot.toml"))
        .arg("--data")
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pdf = std::fs::read(out.join(format!("{case}-report.pdf"))).unwrap();
    // An archival PDF (its text is read back in `report::*`).
    assert!(pdf.starts_with(b"%PDF-1.7"));
    assert!(String::from_utf8_lossy(&pdf).contains("<pdfaid:part>2</pdfaid:part>"));
    let manifest = out.join(format!("{case}-manifest.json"));
    let ok = crate::support::FyrCmd::new()
        .arg("verify")
        .arg("--manifest")
        .arg(&manifest)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );

    // Change one file in the zip: verify names it.
    let zip_path = out.join(format!("{case}-evidence.zip"));
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        files.push((f.name().to_string(), bytes));
    }
    files[0].1.push(b'!');
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    for (name, bytes) in &files {
        writer
            .start_file(name.clone(), zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut writer, bytes).unwrap();
    }
    writer.finish().unwrap();
    let bad = crate::support::FyrCmd::new()
        .arg("verify")
        .arg("--manifest")
        .arg(&manifest)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let report = String::from_utf8_lossy(&bad.stdout);
    assert!(
        report.contains("item 1: 001-note.txt does not match its hash"),
        "{report}"
    );
}

#[test]
fn the_employee_can_export_their_case_from_the_chat() {
    let dir = tempfile::tempdir().unwrap();
    seal_three(dir.path());
    let store = crate::support::reopen(&dir.path().join("data"));
    let mut c = console(store, "se-employee");
    c.driver.set_export_dir(dir.path().join("export"));
    let t = run_with(&mut c, "meny\n15\n");
    drop(c);
    assert!(t.contains("Filerna finns här"), "{t}");
    let case = crate::support::reopen(&dir.path().join("data"))
        .all_cases()
        .unwrap()
        .pop()
        .unwrap()
        .id;
    let manifest = dir
        .path()
        .join("export")
        .join(case.as_str())
        .join(format!("{case}-manifest.json"));
    assert!(fyr::export::verify_manifest(&manifest).unwrap().is_empty());
    assert!(
        t.contains(&manifest.display().to_string()),
        "the path is given:\n{t}"
    );
}

#[test]
fn on_chat_platforms_the_export_comes_as_attachments_and_oversized_originals_stay_behind() {
    let dir = tempfile::tempdir().unwrap();
    seal_three(dir.path());
    let now = crate::support::monday_morning();
    let me = PersonId::new("se-employee");
    let store = crate::support::reopen(&dir.path().join("data"));
    let mut c = console(store, "se-employee");
    c.driver.set_export_attachments(10 * 1024 * 1024);
    c.driver.handle(&me, "meny", now).unwrap();
    let replies = c.driver.handle(&me, "15", now).unwrap();
    let export = replies
        .iter()
        .find(|r| !r.files.is_empty())
        .expect("a reply carries the files");
    assert!(export.text.contains("Här är exporten"), "{}", export.text);
    let names: Vec<&str> = export.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names.len(), 3);
    assert!(names[0].ends_with("-report.pdf") && export.files[0].bytes.starts_with(b"%PDF"));
    assert!(names[1].ends_with("-evidence.zip"));
    assert!(names[2].ends_with("-manifest.json"));
    // The files are the same as an operator's export: the manifest verifies against the zip.
    let out = tempfile::tempdir().unwrap();
    for f in &export.files {
        std::fs::write(out.path().join(&f.name), &f.bytes).unwrap();
    }
    assert!(fyr::export::verify_manifest(&out.path().join(names[2]))
        .unwrap()
        .is_empty());

    // Too large for the platform: the report and the manifest, and the way to the originals.
    c.driver.set_export_attachments(1);
    c.driver.handle(&me, "meny", now).unwrap();
    let replies = c.driver.handle(&me, "15", now).unwrap();
    let export = replies.iter().find(|r| !r.files.is_empty()).unwrap();
    assert_eq!(export.files.len(), 2);
    assert!(export.text.contains("för stora"), "{}", export.text);
}
