//! The real `fyr` binary as a user meets it: a conversation that survives the process being
//! killed, clear start-up errors with exit codes, and junk on stdin that never crashes it.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{fyr_bin, fyr_chat};

fn chat(data: &Path, extra: &[&str]) -> Command {
    let mut c = fyr_chat(data);
    c.args(extra);
    c
}

/// Collects a child's stdout in the background so the test can wait for a text to appear.
pub(crate) struct Running {
    pub(crate) child: Child,
    out: Arc<Mutex<String>>,
}

impl Running {
    pub(crate) fn start(mut command: Command) -> Running {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("fyr starts");
        let mut stdout = child.stdout.take().unwrap();
        let out = Arc::new(Mutex::new(String::new()));
        let sink = out.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Running { child, out }
    }

    pub(crate) fn send(&mut self, line: &str) {
        let stdin = self.child.stdin.as_mut().unwrap();
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
    }

    /// Wait (up to a generous limit, for slow CI machines) until the output contains `text`.
    pub(crate) fn wait_for(&self, text: &str) {
        self.wait_for_times(text, 1)
    }

    /// Wait until the output holds `text` `times` times.
    pub(crate) fn wait_for_times(&self, text: &str, times: usize) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if self.out.lock().unwrap().matches(text).count() >= times {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("`{text}` never appeared in:\n{}", self.out.lock().unwrap());
    }

    pub(crate) fn output(&self) -> String {
        self.out.lock().unwrap().clone()
    }
}

#[test]
fn a_conversation_survives_a_killed_process() {
    let data = tempfile::tempdir().unwrap();
    let mut first = Running::start(chat(data.path(), &["--as", "dk-employee"]));
    first.wait_for("Hej Dorthe");
    first.send("2"); // something happened
    first.send("3"); // online exposure
    first.send("1"); // continue
    first.wait_for("Har du gemt det");
    first.send("1"); // evidence saved
    first.wait_for("Har du skrevet det ned");
    first.child.kill().unwrap(); // SIGKILL: no chance to clean up
    first.child.wait().unwrap();

    let mut second = Running::start(chat(data.path(), &["--as", "dk-employee"]));
    // Opening the chat again shows where Dorthe was, not the greeting.
    second.wait_for("Har du skrevet det ned");
    assert!(
        !second.output().contains("Hej Dorthe"),
        "{}",
        second.output()
    );
    second.send("1");
    second.wait_for("Har du noteret vidner og links");
    second.send("menu");
    second.send("10"); // summary
    second.wait_for("Mangler stadig");
    drop(second.child.stdin.take());
    assert!(second.child.wait().unwrap().success());
    let out = second.output();
    let summary = &out[out.rfind("Gjort").expect("summary lists what was done")..];
    assert!(
        summary.contains("Beviser gemt"),
        "the answer given before the kill is kept:\n{summary}"
    );
    assert!(summary.contains("Notater skrevet"), "{summary}");
}

#[test]
fn start_up_errors_are_clear_and_have_exit_codes() {
    let data = tempfile::tempdir().unwrap();
    let missing = Command::new(fyr_bin())
        .args(["chat", "--config", "/nonexistent/bot.toml"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/bot.toml"));

    let nobody = chat(data.path(), &["--as", "nobody"]).output().unwrap();
    assert_eq!(nobody.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&nobody.stderr).contains("se-employee"),
        "lists valid ids"
    );

    let file = data.path().join("file");
    std::fs::write(&file, b"not a folder").unwrap();
    let bad_data = chat(&file, &[]).stdin(Stdio::null()).output().unwrap();
    assert_eq!(bad_data.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&bad_data.stderr).contains("cannot open the data folder"));
}

#[test]
fn junk_on_stdin_gets_answers_not_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let mut input: Vec<u8> = Vec::new();
    input.extend_from_slice(b"\xff\xfe\x00\x01binary\x1b[2J\n");
    input.extend_from_slice("x".repeat(100 * 1024).as_bytes());
    input.extend_from_slice(b"\n");
    input.extend_from_slice("\u{202E}\u{200B}2\n".as_bytes());
    input.extend_from_slice(b"4294967296\n/as nobody\n/advance 1x\n/advance 3h\n\n");
    let mut child = chat(data.path(), &[])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "Jag förstod inte riktigt",            // binary junk
        "Meddelandet blev för långt",          // 100 kB
        "Vad har hänt?",                       // "2" behind bidi and zero-width marks
        "Välj en siffra mellan 1 och 6",       // out of range
        "nobody",                              // unknown person
        "/advance 3h",                         // bad duration explained
        "2026-03-02 12:00 (Europe/Stockholm)", // the simulated clock moved
    ] {
        assert!(
            stdout.contains(expected),
            "missing `{expected}` in:\n{stdout}"
        );
    }
}
