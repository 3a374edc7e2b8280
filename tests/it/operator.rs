//! The operator's commands and start-up against misuse (issue 18, items 5, 6, 10–12): key files
//! others can read, planted files in an export, a pipe closed early, absurd start times, a
//! console restart, a damaged database, and configuration mistakes with located errors.

use std::io::{BufRead, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use fyr::config::Config;
use fyr::store::Store;

use crate::support::{console, root, run_with, FyrCmd};

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

/// A data folder with one case, made by `fyr chat` (and its key beside it).
pub(crate) fn data_with_a_case(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("data");
    let mut chat = crate::support::fyr_chat(&data)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    chat.stdin
        .take()
        .unwrap()
        .write_all(b"2\n3\n1\n4\nEn anteckning.\n")
        .unwrap();
    let out = chat.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    data
}

#[test]
fn a_key_file_others_can_read_is_refused_with_the_chmod_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with_a_case(dir.path());
    let key = dir.path().join("data.key");
    for mode in [0o644, 0o666, 0o640] {
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(mode)).unwrap();
        let out = FyrCmd::new()
            .args(["verify", "--data"])
            .arg(&data)
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{mode:o}: {stderr}");
        assert!(
            stderr.contains(&format!("chmod 600 {}", key.display())),
            "{mode:o}: {stderr}"
        );
        assert!(out.stdout.is_empty());
    }
    let allowed = FyrCmd::new()
        .args(["verify", "--allow-insecure-key-file", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(allowed.status.success(), "{}", text(&allowed.stderr));
    assert!(text(&allowed.stderr).contains("warning"));
}

#[test]
fn verify_manifest_rejects_planted_files_and_path_traversal() {
    let mut c = console(fyr::store::MemoryStore::new(), "se-employee");
    run_with(&mut c, "2\n3\n1\n4\nEn anteckning.\n");
    let store = c.driver.store();
    let case = store.all_cases().unwrap()[0].id.clone();
    let [_, zip, manifest] = fyr::export::build_export(
        store,
        c.driver.config(),
        c.driver.localizer(),
        &case,
        crate::support::monday_morning(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let manifest_path = dir.path().join(&manifest.name);
    std::fs::write(&manifest_path, &manifest.bytes).unwrap();
    let zip_path = dir.path().join(&zip.name);
    let entries = |bytes: &[u8]| {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut f = archive.by_index(i).unwrap();
                let mut content = Vec::new();
                std::io::Read::read_to_end(&mut f, &mut content).unwrap();
                (f.name().to_string(), content)
            })
            .collect::<Vec<_>>()
    };
    let write_zip = |files: &[(String, Vec<u8>)]| {
        let mut writer = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
        for (name, bytes) in files {
            writer
                .start_file(name.clone(), zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap();
    };
    let original = entries(&zip.bytes);
    write_zip(&original);
    assert!(fyr::export::verify_manifest(&manifest_path)
        .unwrap()
        .is_empty());

    // Files planted beside the evidence.
    let mut planted = original.clone();
    planted.push(("evil.txt".into(), b"planted".to_vec()));
    planted.push(("../../evil.txt".into(), b"planted".to_vec()));
    write_zip(&planted);
    let problems = fyr::export::verify_manifest(&manifest_path).unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("evil.txt is not in the manifest")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("../../evil.txt") && p.contains("outside")),
        "{problems:?}"
    );
    let out = FyrCmd::new()
        .args(["verify", "--manifest"])
        .arg(&manifest_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));

    // A manifest that itself names a file outside the folder is refused, even if it matches.
    let mut value: serde_json::Value = serde_json::from_slice(&manifest.bytes).unwrap();
    let name = value["items"][0]["file"].as_str().unwrap().to_string();
    value["items"][0]["file"] = serde_json::Value::String(format!("../../{name}"));
    std::fs::write(&manifest_path, serde_json::to_vec(&value).unwrap()).unwrap();
    let mut renamed = original.clone();
    renamed[0].0 = format!("../../{name}");
    write_zip(&renamed);
    let problems = fyr::export::verify_manifest(&manifest_path).unwrap();
    assert!(
        problems.iter().any(|p| p.contains("outside")),
        "{problems:?}"
    );
}

#[test]
fn a_safety_rep_from_another_unit_is_refused_with_its_place() {
    let sample = std::fs::read_to_string(root().join("bot.toml")).unwrap();
    let wrong = sample.replace(
        "safety_reps = [\"dk-safety-rep\"]",
        "safety_reps = [\"se-safety-rep\"]",
    );
    assert_ne!(sample, wrong);
    let err = Config::parse(&wrong, Path::new("bot.toml")).unwrap_err();
    let shown = err.to_string();
    assert!(
        shown.contains("`se-safety-rep` belongs to unit `se-unit`, not `dk-unit`"),
        "{shown}"
    );
    assert_eq!(err.problems().len(), 1, "{shown}");
}

#[test]
fn odd_but_valid_working_hours_are_accepted_and_a_wrong_one_gets_one_error() {
    let sample = std::fs::read_to_string(root().join("bot.toml")).unwrap();
    let hours = |start: &str, end: &str| {
        sample
            .replacen("start = \"08:00\"", &format!("start = \"{start}\""), 1)
            .replacen("end = \"16:30\"", &format!("end = \"{end}\""), 1)
    };
    // Around the clock, a short day, a late shift: valid.
    for (start, end) in [("00:00", "24:00"), ("16:30", "24:00"), ("07:30", "09:00")] {
        if let Err(e) = Config::parse(&hours(start, end), Path::new("bot.toml")) {
            panic!("{start}–{end}: {e}");
        }
    }
    // A night shift past midnight is not supported: one error, where the end is, and no
    // spurious complaint about the escalation waits.
    let err = Config::parse(&hours("22:00", "06:00"), Path::new("bot.toml")).unwrap_err();
    let shown = err.to_string();
    assert_eq!(err.problems().len(), 1, "{shown}");
    let end_line = sample
        .lines()
        .position(|l| l.starts_with("end = "))
        .expect("the sample has working hours")
        + 1;
    assert!(shown.contains(&format!("bot.toml:{end_line}:7")), "{shown}");
    assert!(!shown.contains("escalation waits"), "{shown}");
    // A wrong time: its own error, and nothing else.
    let err = Config::parse(&hours("16:45", "25:00"), Path::new("bot.toml")).unwrap_err();
    assert_eq!(err.problems().len(), 1, "{err}");
    assert!(err.to_string().contains("`25:00` is not a time of day"));
}

#[test]
fn a_closed_pipe_ends_every_printing_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with_a_case(dir.path());
    {
        let store = crate::support::reopen(&data);
        let lines: Vec<_> = (0..20_000)
            .map(|i| fyr::store::AuditEntry {
                at: crate::support::monday_morning() + chrono::Duration::seconds(i),
                who: "operator".into(),
                action: "verify".into(),
                case: None,
                place: None,
            })
            .collect();
        store.append_audit(&lines).unwrap();
    }
    // Wait until this process's sled has let go of the folder.
    let free = FyrCmd::new()
        .arg("verify")
        .arg("--data")
        .arg(&data)
        .output()
        .unwrap();
    assert!(free.status.success(), "{}", text(&free.stderr));
    for args in [vec!["audit"], vec!["verify"]] {
        let mut child = std::process::Command::new(crate::support::fyr_bin())
            .args(&args)
            .arg("--data")
            .arg(&data)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        // The reader is gone (as with `| head -1`).
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            !stderr.to_lowercase().contains("broken pipe"),
            "{args:?}: {stderr}"
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

#[test]
fn a_start_time_outside_a_sane_range_is_refused_at_start_up() {
    let dir = tempfile::tempdir().unwrap();
    for start in ["+262142-12-01T08:00:00Z", "0001-01-01T00:00:00Z"] {
        let out = std::process::Command::new(crate::support::fyr_bin())
            .arg("chat")
            .arg("--config")
            .arg(root().join("bot.toml"))
            .arg("--data")
            .arg(dir.path().join("data"))
            .args(["--clock", "simulated", "--start", start])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{start}: {stderr}");
        assert!(stderr.contains("--start"), "{stderr}");
        assert!(stderr.contains("between 2000"), "{stderr}");
        assert!(!stderr.contains("panicked"));
    }
}

#[test]
fn a_console_restart_logs_no_step_the_person_never_took() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with_a_case(dir.path());
    let audit = || {
        let out = FyrCmd::new()
            .arg("audit")
            .arg("--data")
            .arg(&data)
            .output()
            .unwrap();
        text(&out.stdout)
    };
    let before = audit();
    for start in ["2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z"] {
        // Later than the steps taken: a restart must not look like a new step.
        let out = std::process::Command::new(crate::support::fyr_bin())
            .arg("chat")
            .arg("--config")
            .arg(root().join("bot.toml"))
            .arg("--data")
            .arg(&data)
            .args(["--clock", "simulated", "--start", start])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(
            text(&out.stdout).contains("→ se-employee:"),
            "the person still sees where they were"
        );
    }
    assert_eq!(audit(), before);
}

#[test]
fn a_damaged_database_says_restore_from_backup_not_the_folder_lock() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_with_a_case(dir.path());
    let db = data.join("db");
    let mut bytes = std::fs::read(&db).unwrap();
    for i in (0..bytes.len()).step_by(13) {
        bytes[i] ^= 0xff;
    }
    std::fs::write(&db, bytes).unwrap();
    let out = FyrCmd::new()
        .args(["verify", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("is damaged"), "{stderr}");
    assert!(stderr.contains("restore"), "{stderr}");
    assert!(stderr.contains("backup"), "{stderr}");
    assert!(!stderr.contains("another running Fyr"), "{stderr}");
}
