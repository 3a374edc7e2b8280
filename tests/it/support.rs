//! Shared helpers: a console wired to an in-memory or on-disk store, a fixed simulated clock and
//! deterministic case references, so transcripts are reproducible.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use fyr::adapters::console::Console;
use fyr::clock::Clock;
use fyr::config::Config;
use fyr::driver::{Driver, SequentialCaseIds};
use fyr::i18n::Localizer;
use fyr::model::PersonId;
use fyr::store::{MemoryStore, Store};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample_config() -> Config {
    Config::load(&root().join("bot.toml")).expect("the sample bot.toml is valid")
}

/// Monday 2 March 2026, 09:00 in Stockholm and Copenhagen.
pub fn monday_morning() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

pub fn console<S: Store>(store: S, speaker: &str) -> Console<S> {
    console_with(sample_config(), store, speaker)
}

/// A console over `config` (a variant of the sample, say).
pub fn console_with<S: Store>(config: Config, store: S, speaker: &str) -> Console<S> {
    let localizer = Localizer::for_config(&config).expect("the locales load");
    let driver = Driver::new(
        config,
        store,
        localizer,
        Box::new(SequentialCaseIds::default()),
    );
    Console {
        driver,
        clock: Clock::Simulated(monday_morning()),
        speaker: PersonId::new(speaker),
        interactive: false,
        deliveries: None,
    }
}

/// Run a script through a console with a fresh in-memory store; return the transcript.
pub fn run_script(speaker: &str, script: &str) -> String {
    run_with(&mut console(MemoryStore::new(), speaker), script)
}

/// `run_script`, with the simulated clock starting at `at`.
pub fn run_script_at(speaker: &str, script: &str, at: DateTime<Utc>) -> String {
    let mut console = console(MemoryStore::new(), speaker);
    console.clock = Clock::Simulated(at);
    run_with(&mut console, script)
}

pub fn run_with<S: Store>(console: &mut Console<S>, script: &str) -> String {
    let mut out = Vec::new();
    console
        .run(&mut script.as_bytes(), &mut out)
        .expect("the console runs to the end of the script");
    String::from_utf8(out).expect("the console writes UTF-8")
}

pub fn fyr_bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_fyr"))
}

/// `fyr chat` on the sample bot.toml and a data folder, with the simulated clock at Monday
/// 2 March 2026, 08:00 UTC (stdio as the caller sets it).
pub fn fyr_chat(data: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(fyr_bin());
    c.arg("chat")
        .arg("--config")
        .arg(root().join("bot.toml"))
        .arg("--data")
        .arg(data)
        .args(["--clock", "simulated", "--start", "2026-03-02T08:00:00Z"]);
    c
}

/// Walk a person through the whole playbook for one incident kind (the number chosen at "what
/// happened?"), always answering "continue", "later" or "not now", after writing `language`
/// first. Returns every text Fyr showed, and asserts the walk reached the summary.
pub fn walk(person: &str, language: &str, kind: u32) -> String {
    let mut driver = Driver::new(
        sample_config(),
        MemoryStore::new(),
        Localizer::new().unwrap(),
        Box::new(SequentialCaseIds::default()),
    );
    let id = PersonId::new(person);
    let now = monday_morning();
    let mut shown = String::new();
    let mut send = |driver: &mut Driver<MemoryStore>, text: &str| {
        for r in driver.handle(&id, text, now).expect("handled") {
            shown.push_str(&r.text);
            shown.push('\n');
            shown.push_str(&r.options.join("\n"));
            shown.push('\n');
        }
    };
    send(&mut driver, language);
    send(&mut driver, "2");
    send(&mut driver, &kind.to_string());
    for _ in 0..40 {
        let at = driver.store().load_conversation(&id).unwrap().unwrap().step;
        if at.as_deref() == Some("summary") {
            return shown;
        }
        let options = driver.options_for(&id, now).unwrap();
        let pick = options
            .iter()
            .position(|o| {
                ["opt-next", "opt-later", "opt-not-now", "opt-channel-online"].contains(o)
            })
            .unwrap_or_else(|| panic!("no way on from {at:?}: {options:?}"))
            + 1;
        send(&mut driver, &pick.to_string());
    }
    panic!("the walk did not reach the summary:\n{shown}");
}

/// A delivery target that records what it receives. Like Matrix transaction ids, it treats the
/// key as an idempotency key: a second delivery of a key is accepted but not shown again.
#[derive(Debug, Default)]
pub struct Recorder {
    pub shown: Vec<(String, fyr::i18n::Rendered)>,
    /// Every call, duplicates included.
    pub calls: Vec<String>,
    /// Fail this many calls before succeeding.
    pub fail: usize,
    /// Accept this many calls and then report an error anyway (a crash after the platform
    /// took the message, before the outbox heard back).
    pub accept_then_fail: usize,
}

impl fyr::driver::Deliver for Recorder {
    fn deliver(
        &mut self,
        key: &str,
        message: &fyr::i18n::Rendered,
    ) -> Result<(), fyr::driver::DeliveryError> {
        self.calls.push(key.to_string());
        if self.fail > 0 {
            self.fail -= 1;
            return Err(fyr::driver::DeliveryError("adapter down".into()));
        }
        if !self.shown.iter().any(|(k, _)| k == key) {
            self.shown.push((key.to_string(), message.clone()));
        }
        if self.accept_then_fail > 0 {
            self.accept_then_fail -= 1;
            return Err(fyr::driver::DeliveryError("lost the answer".into()));
        }
        Ok(())
    }
}

/// A driver with a simulated clock and a recording adapter.
pub struct Harness<S: Store> {
    pub driver: Driver<S>,
    pub now: DateTime<Utc>,
    pub sink: Recorder,
}

impl Harness<MemoryStore> {
    pub fn new() -> Self {
        Harness::with_store(MemoryStore::new(), monday_morning())
    }
}

impl<S: Store> Harness<S> {
    pub fn with_store(store: S, now: DateTime<Utc>) -> Self {
        Harness {
            driver: Driver::new(
                sample_config(),
                store,
                Localizer::new().unwrap(),
                Box::new(SequentialCaseIds::default()),
            ),
            now,
            sink: Recorder::default(),
        }
    }

    /// A message from `who`; returns Fyr's reply text (and delivers what it caused).
    pub fn say(&mut self, who: &str, text: &str) -> String {
        let replies = self
            .driver
            .handle(&PersonId::new(who), text, self.now)
            .expect("handled");
        self.driver.tick(self.now, &mut self.sink).expect("ticked");
        replies
            .iter()
            .map(|r| format!("{}\n{}", r.text, r.options.join("\n")))
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn says(&mut self, who: &str, texts: &[&str]) {
        for t in texts {
            self.say(who, t);
        }
    }

    /// Let time pass (one tick at the end).
    pub fn advance(&mut self, by: chrono::Duration) {
        self.now += by;
        self.driver.tick(self.now, &mut self.sink).expect("ticked");
    }

    /// Everything shown to `who` so far, in order.
    pub fn shown_to(&self, who: &str) -> Vec<String> {
        self.sink
            .shown
            .iter()
            .filter(|(_, r)| r.to.as_str() == who)
            .map(|(_, r)| r.text.clone())
            .collect()
    }

    pub fn case(&self, owner: &str) -> fyr::engine::Case {
        self.driver
            .store()
            .cases_of(&PersonId::new(owner))
            .unwrap()
            .pop()
            .expect("the person has a case")
    }
}

/// Open a sled store that this test process had open a moment ago: sled's background thread
/// may hold the file lock for a few milliseconds after the last handle is dropped.
pub fn reopen(path: &Path) -> fyr::store::SledStore {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match fyr::store::SledStore::open(path) {
            Ok(store) => return store,
            Err(e) if std::time::Instant::now() < deadline && e.to_string().contains("lock") => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("cannot reopen {}: {e}", path.display()),
        }
    }
}

/// Open a data folder with sled itself (to look behind Fyr's back), retrying like `reopen`.
pub fn open_raw(path: &Path) -> sled::Db {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match sled::open(path) {
            Ok(db) => return db,
            Err(e) if std::time::Instant::now() < deadline && e.to_string().contains("lock") => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("cannot open {} with sled: {e}", path.display()),
        }
    }
}

/// The `fyr` binary, for data folders this test process used a moment ago: `output` retries
/// while sled's background thread still holds the folder's lock.
pub struct FyrCmd(std::process::Command);

impl FyrCmd {
    pub fn new() -> FyrCmd {
        FyrCmd(std::process::Command::new(fyr_bin()))
    }

    pub fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> FyrCmd {
        self.0.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> FyrCmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.0.args(args);
        self
    }

    pub fn stdin(mut self, stdin: std::process::Stdio) -> FyrCmd {
        self.0.stdin(stdin);
        self
    }

    pub fn output(&mut self) -> std::io::Result<std::process::Output> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let out = self.0.output()?;
            let locked = String::from_utf8_lossy(&out.stderr).contains("could not acquire lock");
            if !locked || std::time::Instant::now() > deadline {
                return Ok(out);
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

/// The sample bot.toml for the chat-platform tests, which run at any hour: every hour is a
/// working hour (so the manager is asked at once; the out-of-hours path is covered with a
/// simulated clock in escalation.rs). `ids` adds a line under each named person, e.g.
/// `("se-employee", "discord = \"1\"")`; `tail` is appended (the platform's section).
#[cfg(any(feature = "matrix", feature = "discord"))]
pub fn chat_platform_toml(dir: &Path, ids: &[(&str, String)], tail: &str) -> PathBuf {
    let sample = std::fs::read_to_string(root().join("bot.toml")).unwrap();
    let mut text = sample
        .replace("out_of_hours = \"se-on-call\"", "")
        .replace(
            "days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]\nstart = \"08:00\"\nend = \"16:30\"",
            "days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\nstart = \"00:00\"\nend = \"23:59\"",
        );
    for (person, line) in ids {
        let at = format!("id = \"{person}\"");
        text = text.replace(&at, &format!("{at}\n{line}"));
    }
    text.push_str(tail);
    let path = dir.join("bot.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The real `fyr run` process, its log in a file; killed when dropped.
#[cfg(any(feature = "matrix", feature = "discord"))]
pub struct FyrRun {
    child: std::process::Child,
    log: PathBuf,
}

#[cfg(any(feature = "matrix", feature = "discord"))]
impl FyrRun {
    /// `fyr run --config CONFIG --data DIR/fyr-data` with `env`, logging at info level into a
    /// new file in `dir`.
    pub fn spawn(dir: &Path, config: &Path, env: &[(&str, &str)]) -> FyrRun {
        static STARTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = STARTS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let log = dir.join(format!("fyr-{n}.log"));
        let mut command = std::process::Command::new(fyr_bin());
        command
            .arg("run")
            .arg("--config")
            .arg(config)
            .arg("--data")
            .arg(dir.join("fyr-data"))
            .env("FYR_LOG", "info")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        for (key, value) in env {
            command.env(key, value);
        }
        FyrRun {
            child: command.spawn().expect("fyr starts"),
            log,
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn wait_for_log(&self, text: &str) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while std::time::Instant::now() < deadline {
            if self.log().contains(text) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("Fyr never logged `{text}`:\n{}", self.log());
    }

    /// Ctrl-C, as an operator stops it in a terminal.
    pub fn interrupt(&self) {
        let status = std::process::Command::new("kill")
            .arg("-INT")
            .arg(self.child.id().to_string())
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    /// Wait for the process to stop by itself; its exit code and what it logged.
    pub fn wait_exit(mut self) -> (Option<i32>, String) {
        // A Matrix sync long-polls for 30 s: a revoked token shows only after it.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
        while std::time::Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (status.code(), self.log());
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("fyr kept running:\n{}", self.log());
    }

    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

#[cfg(any(feature = "matrix", feature = "discord"))]
impl Drop for FyrRun {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A data folder with a real case for se-employee, walked through the README's escalation
/// script (the folder is closed again); returns the case's reference.
pub fn a_case_on_disk(data: &Path) -> fyr::model::CaseId {
    let store = fyr::store::SledStore::open(data).unwrap();
    let mut h = Harness::with_store(store, chrono::Utc::now());
    h.says(
        "se-employee",
        &["", "2", "1", "2", "2", "2", "2", "1", "2", "1", "1", "1"],
    );
    h.case("se-employee").id
}
