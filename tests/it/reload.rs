//! Reloading the configuration without a restart: a new manager is asked at an open case's
//! next stage, a person who left keeps their case and is asked no more, every change is
//! audited; `fyr reload` (SIGHUP) reaches a running `fyr chat`; SIGTERM stops it cleanly.

use std::io::{BufRead, Write};
use std::path::Path;
use std::time::{Duration as StdDuration, Instant};

use chrono::Duration;
use fyr::config::Config;
use fyr::engine::state::CaseEvent;
use fyr::model::PersonId;
use fyr::store::Store;

use crate::support::{fyr_bin, root, Harness};

/// Guide me, threat, continue, evidence "later" ×3, stop-the-harm, platform "later", then my
/// manager, call me today, send (as in escalation.rs).
const THREAT_TO_MANAGER: &[&str] = &["", "2", "1", "2", "2", "2", "2", "1", "2", "1", "1", "1"];

fn asked(h: &Harness<impl Store>, owner: &str) -> Vec<String> {
    h.case(owner)
        .log
        .iter()
        .filter_map(|l| match &l.event {
            CaseEvent::Notified {
                to,
                reminder: false,
                ..
            } => Some(to.to_string()),
            _ => None,
        })
        .collect()
}

/// The sample bot.toml with se-unit's manager replaced by a new person, se-boss, and the old
/// manager gone.
fn new_manager_config() -> Config {
    let text = std::fs::read_to_string(root().join("bot.toml"))
        .unwrap()
        .replace("manager = \"se-manager\"", "manager = \"se-boss\"")
        .replace(
            "chain = [\"se-manager\", \"se-deputy\", \"se-director\"]",
            "chain = [\"se-boss\", \"se-deputy\", \"se-director\"]",
        )
        .replace(
            "id = \"se-manager\"\nname = \"Magnus Berg\"",
            "id = \"se-boss\"\nname = \"Bodil Chef\"",
        );
    Config::parse(&text, &root().join("bot.toml")).unwrap()
}

#[test]
fn after_a_reload_the_new_manager_is_asked_next_and_the_one_who_left_no_more() {
    let mut h = Harness::new();
    h.says("se-employee", THREAT_TO_MANAGER);
    assert_eq!(asked(&h, "se-employee"), ["se-manager"]);

    let reloaded = fyr::reload::apply(&mut h.driver, new_manager_config(), h.now).unwrap();
    assert_eq!(reloaded.escalations_updated, 1);
    assert_eq!(
        reloaded.changes.new_managers,
        [("se-unit".into(), "se-manager".into(), "se-boss".into())]
    );
    assert!(reloaded
        .changes
        .removed
        .contains(&("se-manager".into(), "se-unit".into())));
    assert!(reloaded
        .changes
        .added
        .contains(&("se-boss".into(), "se-unit".into())));

    // The reminder and the wait run out: the next asked is the new manager, not the deputy.
    h.advance(Duration::minutes(30));
    h.advance(Duration::minutes(30));
    assert_eq!(asked(&h, "se-employee"), ["se-manager", "se-boss"]);
    let chain = &h.case("se-employee").tracks[0].chain;
    assert!(
        !chain[1..].contains(&PersonId::new("se-manager")),
        "who left is asked no more: {chain:?}"
    );

    let audit = h.driver.store().audit_log().unwrap();
    let case = h.case("se-employee").id;
    assert!(audit
        .iter()
        .any(|a| a.action == "escalation-updated" && a.case.as_ref() == Some(&case)));
    assert!(audit.iter().any(|a| a.action == "directory-reloaded"));
}

#[test]
fn an_employee_who_left_keeps_their_case_and_it_is_audited() {
    let mut h = Harness::new();
    h.says("se-employee", THREAT_TO_MANAGER);
    let case = h.case("se-employee").id;
    let text = std::fs::read_to_string(root().join("bot.toml"))
        .unwrap()
        .replace("id = \"se-employee\"\n", "id = \"se-former\"\n");
    let new = Config::parse(&text, &root().join("bot.toml")).unwrap();
    fyr::reload::apply(&mut h.driver, new, h.now).unwrap();
    assert_eq!(h.case("se-employee").id, case, "the case is kept");
    let audit = h.driver.store().audit_log().unwrap();
    assert!(audit.iter().any(|a| a.action == "left-directory"
        && a.who == "se-employee"
        && a.case.as_ref() == Some(&case)));
    assert!(h
        .driver
        .handle(&PersonId::new("se-employee"), "hej", h.now)
        .is_err());
    assert!(
        h.driver.config().person("se-former").is_some(),
        "the new one can write"
    );
}

/// `fyr chat` as a process, its output collected by a thread.
struct Chat {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    out: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Chat {
    fn spawn(config: &Path, data: &Path, person: &str) -> Chat {
        let mut child = std::process::Command::new(fyr_bin())
            .args(["chat", "--as", person, "--clock", "simulated"])
            .args(["--start", "2026-03-02T08:00:00Z"])
            .arg("--config")
            .arg(config)
            .arg("--data")
            .arg(data)
            .env("FYR_LOG", "info")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let out = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let out = out.clone();
            std::thread::spawn(move || {
                for line in std::io::BufReader::new(stream).lines() {
                    let Ok(line) = line else { break };
                    let mut o = out.lock().unwrap();
                    o.push_str(&line);
                    o.push('\n');
                }
            });
        }
        Chat { child, stdin, out }
    }

    fn say(&mut self, line: &str) {
        writeln!(self.stdin, "{line}").unwrap();
        self.stdin.flush().unwrap();
    }

    fn output(&self) -> String {
        self.out.lock().unwrap().clone()
    }

    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + StdDuration::from_secs(60);
        while Instant::now() < deadline {
            if self.output().matches(text).count() > 0 {
                return;
            }
            std::thread::sleep(StdDuration::from_millis(50));
        }
        panic!("never saw `{text}` in:\n{}", self.output());
    }

    fn wait_count(&self, text: &str, n: usize) {
        let deadline = Instant::now() + StdDuration::from_secs(60);
        while Instant::now() < deadline {
            if self.output().matches(text).count() >= n {
                return;
            }
            std::thread::sleep(StdDuration::from_millis(50));
        }
        panic!("never saw `{text}` {n} times in:\n{}", self.output());
    }
}

impl Drop for Chat {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const STAFF: &str = "person_id;name;unit;manager_id;role\n\
    e100;Sara Lind;soc;e101;\n\
    e101;Omar Berg;soc;;manager\n\
    e103;Rut Ek;soc;e101;safety rep\n\
    e200;Bo Bok;bib;;manager\n";

#[test]
fn fyr_reload_lets_a_new_person_write_in_a_running_chat() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bot.toml");
    std::fs::copy(root().join("tests/corpus/directory/bot.toml"), &config).unwrap();
    std::fs::write(dir.path().join("staff.csv"), STAFF).unwrap();
    let data = dir.path().join("fyr-data");
    let mut chat = Chat::spawn(&config, &data, "e100");
    chat.say("/as e104");
    chat.wait_for("e104");
    let before = chat.output();
    assert!(
        before.contains("e104") && !before.contains("e104>"),
        "nobody e104 yet:\n{before}"
    );

    std::fs::write(
        dir.path().join("staff.csv"),
        format!("{STAFF}e104;Nils Ny;soc;e101;\n"),
    )
    .unwrap();
    let out = std::process::Command::new(fyr_bin())
        .arg("reload")
        .arg("--data")
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The handler only raises a flag; the next line applies it.
    std::thread::sleep(StdDuration::from_millis(200));
    chat.say("/as e104");
    chat.say("hej");
    chat.wait_for("e104> hej");
    chat.wait_count("→ e104", 1);
    chat.wait_for("configuration reloaded");
}

#[test]
fn sigterm_stops_a_waiting_chat_at_once_with_the_store_flushed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("fyr-data");
    let mut chat = Chat::spawn(&root().join("bot.toml"), &data, "se-employee");
    chat.say("2");
    chat.wait_for("se-employee> 2");
    // The chat waits for its next line; SIGTERM ends it.
    let pid = std::fs::read_to_string(data.join("fyr.pid")).unwrap();
    let started = Instant::now();
    let status = std::process::Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + StdDuration::from_secs(5);
    let code = loop {
        if let Some(status) = chat.child.try_wait().unwrap() {
            break status.code();
        }
        assert!(
            Instant::now() < deadline,
            "still running:\n{}",
            chat.output()
        );
        std::thread::sleep(StdDuration::from_millis(20));
    };
    assert_eq!(code, Some(0), "{}", chat.output());
    assert!(started.elapsed() < StdDuration::from_secs(3));
    assert!(!data.join("fyr.pid").exists(), "the pid file is removed");
    // What was answered is there after the stop.
    let store = crate::support::reopen(&data);
    let conversation = store
        .load_conversation(&PersonId::new("se-employee"))
        .unwrap()
        .expect("the conversation was flushed");
    assert!(conversation.step.is_some());
}
