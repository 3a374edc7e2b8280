//! The bad-input corpus under tests/corpus/: each file is a case with its expected outcome at its
//! top. `config/*.toml` and `fluent/*.ftl` open with `# expect: …` (the located error);
//! `keys/*.expect` say what `fyr` does with the key file beside them (exit code, what stderr
//! says); `stdin/*.bin` are raw bytes for `fyr chat` with their `.expect`; `chat/*.txt` are console scripts with `# expect:`, `# expect-not:`, `# evidence:` and
//! other checks in their header. Every one gets a clear error or a localized answer, never a
//! panic, and nothing is lost.

use fyr::config::Config;

use crate::support::root;

#[test]
fn every_broken_config_in_the_corpus_gets_its_located_error() {
    let dir = root().join("tests/corpus/config");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        // Lossy: one case is a file that is not UTF-8.
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let expect = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{} has no `# expect:` line", path.display()));
        let err = Config::load(&path).expect_err("a corpus config is broken");
        let shown = err.to_string();
        assert!(
            shown.contains(expect),
            "{}: expected `{expect}` in:\n{shown}",
            path.display()
        );
        for problem in err.problems() {
            assert_eq!(problem.file, path, "every problem names the file");
            assert!(problem.line >= 1 && problem.column >= 1);
            assert!(!problem.help.is_empty(), "every problem says what to do");
        }
        checked += 1;
    }
    assert!(checked >= 8, "the corpus has its cases ({checked})");
}

/// The `# expect: …` lines (and other `# key: value` lines) at the top of a corpus file.
fn header<'a>(text: &'a str, key: &str) -> Vec<&'a str> {
    let prefix = format!("# {key}:");
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .filter_map(|l| l.strip_prefix(prefix.as_str()))
        .map(str::trim)
        .collect()
}

fn corpus_files(dir: &str, ext: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

#[test]
fn every_broken_fluent_file_in_the_corpus_gets_its_located_error() {
    use fyr::i18n::{LocaleError, Localizer};
    use fyr::model::Language;
    let files = corpus_files("tests/corpus/fluent", "ftl");
    assert!(
        files.len() >= 5,
        "the corpus has its cases ({})",
        files.len()
    );
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expects = header(&text, "expect");
        assert!(!expects.is_empty(), "{name} has no `# expect:` line");
        let err = Localizer::from_sources(&[(Language::Sv, &name, &text)])
            .expect_err("a corpus Fluent file is broken");
        let shown = err.to_string();
        for expect in expects {
            assert!(
                shown.contains(expect),
                "{name}: expected `{expect}` in:\n{shown}"
            );
        }
        match &err {
            LocaleError::Syntax {
                file, line, column, ..
            } => {
                assert_eq!(file, &name);
                assert!(*line > 1 && *column >= 1, "{shown}");
            }
            LocaleError::Bundle { file, .. } => assert_eq!(file, &name),
        }
    }
}

#[test]
fn every_bad_key_file_in_the_corpus_is_refused_and_nothing_is_lost() {
    use crate::support::FyrCmd;
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let chat = |data: &std::path::Path| {
        let mut c = crate::support::fyr_chat(data);
        c.stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        c
    };
    let mut child = chat(&data).spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("2\n1\n2\n4\nEn anteckning\n".as_bytes())
        .unwrap();
    let first = child.wait_with_output().unwrap();
    assert!(
        String::from_utf8_lossy(&first.stdout).contains("Sparat som nummer 1"),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );

    let cases = corpus_files("tests/corpus/keys", "expect");
    assert!(
        cases.len() >= 5,
        "the corpus has its cases ({})",
        cases.len()
    );
    for case in cases {
        let text = std::fs::read_to_string(&case).unwrap();
        let field = |key: &str| -> Vec<&str> {
            text.lines()
                .filter_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
                .map(str::trim)
                .collect()
        };
        // The key file is used from a copy, private (0600) unless `mode:` says otherwise (git
        // keeps the corpus files readable by everyone). `key: data` is a copy of the data
        // folder's own key, `key: folder` a folder in its place; without a file, it is missing.
        let source = case.with_extension("key");
        let key = dir.path().join(source.file_name().unwrap());
        let _ = std::fs::remove_file(&key);
        match field("key").first().copied() {
            Some("data") => {
                std::fs::copy(dir.path().join("data.key"), &key).unwrap();
            }
            Some("folder") => std::fs::create_dir_all(&key).unwrap(),
            Some(other) => panic!("{}: unknown `key: {other}`", case.display()),
            None if source.exists() => {
                std::fs::copy(&source, &key).unwrap();
            }
            None => {}
        }
        if key.is_file() {
            use std::os::unix::fs::PermissionsExt;
            let mode = field("mode")
                .first()
                .map_or(0o600, |m| u32::from_str_radix(m, 8).unwrap());
            std::fs::set_permissions(&key, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        let exit: i32 = field("exit")[0].parse().unwrap();
        for command in ["verify", "audit"] {
            let out = FyrCmd::new()
                .args([command, "--data"])
                .arg(&data)
                .arg("--key")
                .arg(&key)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(exit),
                "{}: fyr {command}: {stderr}",
                case.display()
            );
            for expect in field("stderr") {
                assert!(
                    stderr.contains(expect),
                    "{}: fyr {command}: expected `{expect}` in:\n{stderr}",
                    case.display()
                );
            }
            assert!(out.stdout.is_empty(), "nothing is shown without the key");
        }
    }

    // The default key gone: the chat refuses too, and never makes a new key for old data.
    let default_key = dir.path().join("data.key");
    let kept = dir.path().join("kept.key");
    std::fs::rename(&default_key, &kept).unwrap();
    let out = chat(&data)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("restore the key file"));
    assert!(!default_key.exists(), "no new key was made");
    std::fs::rename(&kept, &default_key).unwrap();

    // With the right key everything is still there.
    let out = FyrCmd::new()
        .args(["verify", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = crate::support::reopen(&data);
    let cases = fyr::store::Store::all_cases(&store).unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(
        fyr::store::Store::evidence_of(&store, &cases[0].id)
            .unwrap()
            .len(),
        1
    );
}

/// Sara tells her manager (the case is F-0000-0001 with the tests' sequential references).
const SETUP_NOTIFIED_CASE: &str = "2\n1\n2\n2\n2\n2\n1\n2\n1\n1\n1\n";

#[test]
fn every_chat_case_in_the_corpus_gets_its_answer_and_loses_nothing() {
    use fyr::model::{CaseId, PersonId};
    use fyr::store::{MemoryStore, Store};
    let files = tempfile::tempdir().unwrap();
    let big = files.path().join("stor-skarmdump.png");
    let config = crate::support::sample_config();
    std::fs::File::create(&big)
        .unwrap()
        .set_len(config.max_file_bytes + 1)
        .unwrap();
    let cases = corpus_files("tests/corpus/chat", "txt");
    assert!(
        cases.len() >= 8,
        "the corpus has its cases ({})",
        cases.len()
    );
    for path in cases {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let speaker = header(&text, "as")[0];
        let setup = !header(&text, "setup").is_empty();
        let body: String = text
            .lines()
            .skip_while(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        let run = |reference: &str| {
            let mut console = crate::support::console(MemoryStore::new(), "se-employee");
            if setup {
                crate::support::run_with(&mut console, SETUP_NOTIFIED_CASE);
            }
            console.speaker = PersonId::new(speaker);
            let case = CaseId::new("F-0000-0001");
            let store = console.driver.store();
            // The case as anyone could learn from it: its log's note of a refused
            // acknowledgement (kept for the exported report) aside.
            let visible = |case: Option<fyr::engine::Case>| {
                let mut value = serde_json::to_value(case).unwrap();
                if let Some(log) = value.get_mut("log").and_then(|l| l.as_array_mut()) {
                    log.retain(|e| e["event"] != "ack-refused");
                }
                value
            };
            let before = (
                visible(store.load_case(&case).unwrap()),
                store.timers().unwrap(),
                store
                    .pending_outbox(chrono::DateTime::<chrono::Utc>::MAX_UTC)
                    .unwrap(),
            );
            let script = body
                .replace("{case}", reference)
                .replace("{big}", &big.display().to_string())
                .replace("{missing}", "/nonexistent/skarmdump.png")
                .replace("{megabyte}", &"å".repeat(512 * 1024))
                .replace("{folder}", &files.path().display().to_string());
            let transcript = crate::support::run_with(&mut console, &script);
            let store = console.driver.store();
            let after = (
                visible(store.load_case(&case).unwrap()),
                store.timers().unwrap(),
                store
                    .pending_outbox(chrono::DateTime::<chrono::Utc>::MAX_UTC)
                    .unwrap(),
            );
            let evidence: usize = store
                .cases_of(&PersonId::new(speaker))
                .unwrap()
                .iter()
                .map(|c| store.evidence_of(&c.id).unwrap().len())
                .sum();
            (transcript, before == after, evidence)
        };
        let reference = "F-0000-0001";
        let (transcript, unchanged, evidence) = run(reference);
        for expect in header(&text, "expect") {
            let expect = expect.replace("{case}", reference);
            assert!(
                transcript.contains(&expect),
                "{name}: expected `{expect}` in:\n{transcript}"
            );
        }
        for absent in header(&text, "expect-not") {
            assert!(
                !transcript.contains(absent),
                "{name}: `{absent}` must not appear in:\n{transcript}"
            );
        }
        if !header(&text, "case-unchanged").is_empty() {
            assert!(
                unchanged,
                "{name}: the case, its timers or its outbox changed"
            );
        }
        if let Some(n) = header(&text, "evidence").first() {
            assert_eq!(
                evidence,
                n.parse::<usize>().unwrap(),
                "{name}: evidence sealed"
            );
        }
        if !header(&text, "reveals-nothing").is_empty() {
            // The answers for someone else's case are those for a case that does not exist.
            let (unknown, _, _) = run("F-ZZZZ-ZZZZ");
            assert_eq!(
                transcript.replace(reference, "F-ZZZZ-ZZZZ"),
                unknown,
                "{name}: the answers differ from those for an unknown reference"
            );
        }
    }
}

#[test]
fn every_stdin_case_in_the_corpus_gets_its_answers_from_the_binary() {
    use std::io::Write;
    let cases = corpus_files("tests/corpus/stdin", "expect");
    assert!(
        cases.len() >= 2,
        "the corpus has its cases ({})",
        cases.len()
    );
    for case in cases {
        let text = std::fs::read_to_string(&case).unwrap();
        let input = std::fs::read(case.with_extension("bin")).unwrap();
        let field = |key: &str| -> Vec<&str> {
            text.lines()
                .filter_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
                .map(str::trim)
                .collect()
        };
        let data = tempfile::tempdir().unwrap();
        let mut child = crate::support::fyr_chat(&data.path().join("data"))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&input).unwrap();
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let name = case.display();
        assert_eq!(
            out.status.code(),
            Some(field("exit")[0].parse().unwrap()),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for expect in field("stdout") {
            assert!(
                stdout.contains(expect),
                "{name}: expected `{expect}` in:\n{stdout}"
            );
        }
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

#[test]
fn a_spoofed_sender_id_is_an_unknown_person_and_nothing_is_stored() {
    use fyr::driver::{Driver, DriverError, SequentialCaseIds};
    use fyr::model::PersonId;
    use fyr::store::{MemoryStore, Store};
    let mut driver = Driver::new(
        crate::support::sample_config(),
        MemoryStore::new(),
        fyr::i18n::Localizer::new().unwrap(),
        Box::new(SequentialCaseIds::default()),
    );
    let now = crate::support::monday_morning();
    for spoofed in [
        "se-manager\u{200B}",
        "SE-MANAGER",
        "se\u{2010}manager",
        " se-manager",
        "se-manager\n",
        "@se-manager:example.org",
        "",
    ] {
        let id = PersonId::new(spoofed);
        assert!(
            matches!(
                driver.handle(&id, "1", now),
                Err(DriverError::UnknownPerson)
            ),
            "{spoofed:?} is nobody"
        );
        assert!(matches!(
            driver.handle_file(&id, "x.png", vec![1, 2, 3], now),
            Err(DriverError::UnknownPerson)
        ));
        assert!(driver.store().load_conversation(&id).unwrap().is_none());
    }
    assert!(driver.store().all_cases().unwrap().is_empty());
    assert!(driver.store().audit_log().unwrap().is_empty());
}
