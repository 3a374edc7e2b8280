//! Backups and keys (issue 20): `fyr backup` from a running `fyr chat` under a scripted load,
//! `fyr restore` and `fyr verify`; a backup taken during commits holds whole commits only;
//! misuse refused with its exit code; and `fyr rotate-key` killed (SIGKILL) after each of its
//! steps, leaving a folder that opens with the old or the new key and has lost nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};

use std::sync::Arc;
use std::time::{Duration, Instant};

use fyr::model::{CaseId, PersonId};
use fyr::store::{Commit, SledStore, Store};

use crate::process::Running;
use crate::support::{fyr_chat, FyrCmd};

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

/// `fyr chat` kept running, its stdout collected in the background.
/// A running `fyr chat` as `person`, fed line by line.
fn chat_as(data: &Path, person: &str) -> Running {
    let mut command = fyr_chat(data);
    command.args(["--as", person]);
    Running::start(command)
}

/// Every evidence item the user was told is saved: case → the numbers confirmed.
fn confirmed(output: &str) -> BTreeMap<String, BTreeSet<u32>> {
    let mut saved: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for line in output.lines() {
        let Some(at) = line.find(" som nummer ") else {
            continue;
        };
        let rest = &line[at + " som nummer ".len()..];
        let mut words = rest.split_whitespace();
        let n: u32 = words.next().unwrap().parse().unwrap();
        let case = words.nth(2).unwrap().to_string();
        saved.entry(case).or_default().insert(n);
    }
    saved
}

fn evidence_numbers(store: &SledStore, case: &str) -> BTreeSet<u32> {
    store
        .evidence_of(&CaseId::new(case))
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect()
}

#[test]
fn a_backup_under_load_restores_every_confirmed_case_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut chat = chat_as(&data, "se-employee");
    // Two employees each open a case and seal a first note.
    for line in ["2", "3", "1", "4", "Anteckning noll"] {
        chat.send(line);
    }
    chat.wait_for_times("som nummer 1 ", 1);
    for line in ["/as dk-employee", "", "2", "3", "1", "4", "Notat nul"] {
        chat.send(line);
    }
    chat.wait_for_times("som nummer 1 ", 2);
    // A steady load: both seal notes (below the flood limit), while the backup is taken.
    let mut stdin = chat.child.stdin.take().unwrap();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let load = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let person = if n % 2 == 0 {
                    "se-employee"
                } else {
                    "dk-employee"
                };
                writeln!(stdin, "/as {person}\nAnteckning {n}").unwrap();
                stdin.flush().unwrap();
                n += 1;
                std::thread::sleep(Duration::from_millis(150));
            }
            // The input ends: the chat stops normally.
        })
    };
    chat.wait_for_times("som nummer 3 ", 2);
    // The running Fyr serves backups on a socket only its user can use.
    let socket = std::fs::metadata(data.join("backup.sock")).unwrap();
    assert!(std::os::unix::fs::FileTypeExt::is_socket(
        &socket.file_type()
    ));
    assert_eq!(socket.permissions().mode() & 0o777, 0o600);
    let before = confirmed(&chat.output());
    let backup_file = dir.path().join("fyr.fyrbak");
    let backup = FyrCmd::new()
        .args(["backup", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&backup_file)
        .output()
        .unwrap();
    assert!(backup.status.success(), "{}", text(&backup.stderr));
    assert!(
        text(&backup.stdout).contains("from the running Fyr"),
        "{}",
        text(&backup.stdout)
    );
    // The load goes on after the backup, then the chat ends normally.
    let after_backup = chat.output().matches(" som nummer ").count();
    chat.wait_for_times(" som nummer ", after_backup + 2);
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    load.join().unwrap();
    assert!(chat.child.wait().unwrap().success());

    let mode = std::fs::metadata(&backup_file)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "the backup is the owner's only");
    let bytes = std::fs::read(&backup_file).unwrap();
    let haystack = String::from_utf8_lossy(&bytes);
    for private in [
        "se-employee",
        "dk-employee",
        "Sara",
        "Dorthe",
        "Anteckning",
        "Notat",
    ] {
        assert!(
            !haystack.contains(private),
            "`{private}` is readable in the backup"
        );
    }

    // Restored into a new folder, with the key file (backed up apart), it verifies and holds
    // every case and every evidence item confirmed before the backup began.
    let restored = dir.path().join("restored");
    let restore = FyrCmd::new()
        .arg("restore")
        .arg(&backup_file)
        .arg("--data")
        .arg(&restored)
        .output()
        .unwrap();
    assert!(restore.status.success(), "{}", text(&restore.stderr));
    let key = dir.path().join("data.key");
    let verify = FyrCmd::new()
        .args(["verify", "--data"])
        .arg(&restored)
        .arg("--key")
        .arg(&key)
        .output()
        .unwrap();
    assert!(
        verify.status.success(),
        "{}{}",
        text(&verify.stdout),
        text(&verify.stderr)
    );
    assert!(text(&verify.stdout).contains("all evidence chains verify"));
    let store = reopen_with(&restored, &key);
    let cases: BTreeSet<String> = store
        .all_cases()
        .unwrap()
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(before.len(), 2);
    for (case, numbers) in &before {
        assert!(cases.contains(case), "case {case} is in the backup");
        let kept = evidence_numbers(&store, case);
        assert!(
            numbers.is_subset(&kept),
            "case {case}: confirmed {numbers:?}, restored {kept:?}"
        );
    }
    for person in ["se-employee", "dk-employee"] {
        assert!(store
            .load_conversation(&PersonId::new(person))
            .unwrap()
            .is_some());
    }
}

fn reopen_with(data: &Path, key: &Path) -> SledStore {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match SledStore::open_with_key_file(data, key) {
            Ok(store) => return store,
            Err(e) if Instant::now() < deadline && e.to_string().contains("lock") => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("cannot open {}: {e}", data.display()),
        }
    }
}

fn numbered_case(id: String) -> fyr::engine::Case {
    fyr::engine::Case::new(
        CaseId::new(id),
        PersonId::new("se-employee"),
        fyr::model::UnitId::new("se-unit"),
        fyr::model::Country::Sweden,
        crate::support::monday_morning(),
    )
}

#[test]
fn a_backup_taken_during_commits_holds_whole_commits_and_every_one_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let key = dir.path().join("data.key");
    let store = Arc::new(SledStore::open_with_key_file(&data, &key).unwrap());
    let source = store.backup_source();
    let done = Arc::new(std::sync::atomic::AtomicU32::new(0));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (store, done, stop) = (store.clone(), done.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                // Each commit: two cases, A-n and B-n, together or not at all.
                store
                    .commit(Commit {
                        cases: vec![
                            numbered_case(format!("A-{n}")),
                            numbered_case(format!("B-{n}")),
                        ],
                        ..Commit::default()
                    })
                    .unwrap();
                n += 1;
                done.store(n, std::sync::atomic::Ordering::SeqCst);
            }
        })
    };
    for round in 0..3 {
        while done.load(std::sync::atomic::Ordering::SeqCst) < 20 * (round + 1) {
            std::thread::sleep(Duration::from_millis(5));
        }
        let committed = done.load(std::sync::atomic::Ordering::SeqCst);
        let file = dir.path().join(format!("b{round}"));
        let summary = fyr::backup::from_store(&source, &file).unwrap();
        let restored = dir.path().join(format!("r{round}"));
        assert_eq!(fyr::store::restore(&file, &restored).unwrap(), summary);
        let copy = SledStore::open_with_key_file(&restored, &key).unwrap();
        let ids: Vec<String> = copy
            .all_cases()
            .unwrap()
            .iter()
            .map(|c| c.id.to_string())
            .collect();
        let of = |prefix: &str| -> BTreeSet<u32> {
            ids.iter()
                .filter_map(|id| id.strip_prefix(prefix)?.parse().ok())
                .collect()
        };
        assert_eq!(of("A-"), of("B-"), "no commit is split");
        assert!(
            (0..committed).all(|n| of("A-").contains(&n)),
            "every commit made before the backup began is in it"
        );
        assert_eq!(summary.cases, ids.len());
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    writer.join().unwrap();
}

#[test]
fn backup_and_restore_refuse_misuse_with_their_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let data = crate::operator::data_with_a_case(dir.path());
    // A backup inside the data folder would be lost with it.
    let inside = FyrCmd::new()
        .args(["backup", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(data.join("b.fyrbak"))
        .output()
        .unwrap();
    assert_eq!(inside.status.code(), Some(2), "{}", text(&inside.stderr));
    assert!(text(&inside.stderr).contains("help:"));
    assert!(!data.join("b.fyrbak").exists());
    // No data folder: nothing is created.
    let missing = FyrCmd::new()
        .args(["backup", "--data"])
        .arg(dir.path().join("nope"))
        .arg("--out")
        .arg(dir.path().join("b.fyrbak"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(3));
    assert!(!dir.path().join("nope").exists());

    let file = dir.path().join("b.fyrbak");
    let made = FyrCmd::new()
        .args(["backup", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", text(&made.stderr));
    // Never over a folder that holds something.
    let over = FyrCmd::new()
        .arg("restore")
        .arg(&file)
        .arg("--data")
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(over.status.code(), Some(2), "{}", text(&over.stderr));
    assert!(text(&over.stderr).contains("not empty"));
    // A cut or changed backup is refused before anything is written.
    let bytes = std::fs::read(&file).unwrap();
    let cut = dir.path().join("cut.fyrbak");
    std::fs::write(&cut, &bytes[..bytes.len() - 100]).unwrap();
    let mut changed = bytes.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 1;
    let flipped = dir.path().join("changed.fyrbak");
    std::fs::write(&flipped, &changed).unwrap();
    for bad in [&cut, &flipped] {
        let target = dir.path().join("target");
        let out = FyrCmd::new()
            .arg("restore")
            .arg(bad)
            .arg("--data")
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains("help:"));
        assert!(!target.exists(), "nothing written");
    }
}

/// What a data folder holds that a rotation must keep: cases, evidence, conversations,
/// timers, the audit log's lines about cases, and the key derived for the Matrix store.
#[derive(Debug, PartialEq)]
struct Contents {
    cases: Vec<fyr::engine::Case>,
    evidence: Vec<(u32, Option<Vec<u8>>)>,
    conversations: Vec<Option<fyr::engine::Conversation>>,
    timers: Vec<fyr::engine::Timer>,
    audit: Vec<fyr::store::AuditEntry>,
    derived: [u8; 32],
}

fn contents(store: &SledStore) -> Contents {
    let cases = store.all_cases().unwrap();
    let mut evidence = Vec::new();
    for case in &cases {
        for item in store.evidence_of(&case.id).unwrap() {
            evidence.push((
                item.seq,
                store.evidence_content(&case.id, item.seq).unwrap(),
            ));
        }
    }
    Contents {
        conversations: ["se-employee", "dk-employee"]
            .iter()
            .map(|p| store.load_conversation(&PersonId::new(*p)).unwrap())
            .collect(),
        timers: store.timers().unwrap(),
        audit: store
            .audit_log()
            .unwrap()
            .into_iter()
            .filter(|e| e.who != "operator")
            .collect(),
        derived: store.derived_key("matrix"),
        cases,
        evidence,
    }
}

fn copy_dir(from: &Path, to: &Path) {
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

fn rotate(data: &Path, crash_at: Option<u32>) -> std::process::Output {
    let mut cmd = std::process::Command::new(crate::support::fyr_bin());
    cmd.args(["rotate-key", "--data"]).arg(data);
    if let Some(n) = crash_at {
        cmd.env("FYR_TEST_CRASH_AT", format!("rotate:{n}"));
    }
    cmd.output().unwrap()
}

#[test]
fn a_key_rotation_killed_after_any_step_opens_with_one_of_the_two_keys_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let made = crate::operator::data_with_a_case(dir.path());
    let original_key = std::fs::read_to_string(dir.path().join("data.key")).unwrap();
    let expected = contents(&reopen_with(&made, &dir.path().join("data.key")));
    assert!(!expected.cases.is_empty() && !expected.evidence.is_empty());
    for step in 1..=8u32 {
        let at = dir.path().join(format!("step{step}"));
        let data = at.join("data");
        copy_dir(&made, &data);
        let key: PathBuf = at.join("data.key");
        std::fs::copy(dir.path().join("data.key"), &key).unwrap();
        // Step 8 does not exist: the rotation runs to its end.
        let out = rotate(&data, Some(step));
        if step <= 7 {
            assert_eq!(
                out.status.signal(),
                Some(9),
                "step {step}: {}",
                text(&out.stderr)
            );
        } else {
            assert!(out.status.success(), "{}", text(&out.stderr));
        }
        // The folder opens with the key file as it is (finishing the rotation if it had
        // passed its point of no return), and has everything.
        let store = reopen_with(&data, &key);
        assert_eq!(contents(&store), expected, "step {step}");
        drop(store);
        let now = std::fs::read_to_string(&key).unwrap();
        let old = std::fs::read_to_string(at.join("data.key.old")).ok();
        if step < 3 {
            assert_eq!(now, original_key, "step {step}: the old key is in force");
            assert_eq!(old, None);
        } else {
            assert_ne!(now, original_key, "step {step}: the new key is in force");
            assert_eq!(old.as_deref(), Some(original_key.as_str()), "step {step}");
            // The retired key no longer opens the folder.
            let wrong = SledStore::open_with_key_file(&data, &at.join("data.key.old"));
            assert!(
                matches!(wrong, Err(fyr::store::StoreError::WrongKey { .. })),
                "step {step}: {wrong:?}"
            );
        }
        assert!(!data.join("keyring.new").exists());
        assert!(!at.join("data.key.new").exists());
        let verify = FyrCmd::new()
            .args(["verify", "--data"])
            .arg(&data)
            .output()
            .unwrap();
        assert!(
            verify.status.success(),
            "step {step}: {}",
            text(&verify.stdout)
        );
        // A second rotation waits until the retired key is moved away, then works.
        if old.is_some() {
            let refused = rotate(&data, None);
            assert_eq!(refused.status.code(), Some(3));
            assert!(text(&refused.stderr).contains("data.key.old"));
            std::fs::rename(at.join("data.key.old"), at.join("kept-with-backups.key")).unwrap();
        }
        let again = rotate(&data, None);
        assert!(
            again.status.success(),
            "step {step}: {}",
            text(&again.stderr)
        );
        assert_eq!(contents(&reopen_with(&data, &key)), expected, "step {step}");
    }
}

/// `fyr run` (on the fake Discord) serves `fyr backup` and goes on answering.
#[cfg(feature = "discord")]
#[test]
fn fyr_run_serves_a_backup_and_goes_on_answering() {
    use crate::fake_discord::{dm, Fake};
    const SARA: u64 = 100_000_000_000_000_101;
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();
    let tail = format!(
        "\n[discord]\ntoken_env = \"FYR_DISCORD_TOKEN\"\napi_base = \"{}\"\n",
        fake.base
    );
    let config = crate::support::chat_platform_toml(
        dir.path(),
        &[("se-employee", format!("discord = \"{SARA}\""))],
        &tail,
    );
    let fyr =
        crate::support::FyrRun::spawn(dir.path(), &config, &[("FYR_DISCORD_TOKEN", "fake-token")]);
    fyr.wait_for_log("connected to Discord");
    fake.wait_ready();
    fake.say(SARA, "hej");
    fake.expect(dm(SARA), "Hej Sara");
    let data = dir.path().join("fyr-data");
    let file = dir.path().join("run.fyrbak");
    let backup = FyrCmd::new()
        .args(["backup", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    assert!(backup.status.success(), "{}", text(&backup.stderr));
    assert!(text(&backup.stdout).contains("from the running Fyr"));
    fake.say(SARA, "2");
    fake.expect(dm(SARA), "Vad har hänt");
    fyr.kill();
    let restored = dir.path().join("restored");
    fyr::store::restore(&file, &restored).unwrap();
    let store = reopen_with(&restored, &dir.path().join("fyr-data.key"));
    assert!(store
        .load_conversation(&PersonId::new("se-employee"))
        .unwrap()
        .is_some());
}
