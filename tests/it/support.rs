//! Shared helpers: a console wired to an in-memory or on-disk store, a fixed simulated clock and
//! deterministic case references, so transcripts are reproducible.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use fyr::clock::Clock;
use fyr::config::Config;
use fyr::console::Console;
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
    let driver = Driver::new(
        sample_config(),
        store,
        Localizer::new().expect("built-in locales load"),
        Box::new(SequentialCaseIds::default()),
    );
    Console {
        driver,
        clock: Clock::Simulated(monday_morning()),
        speaker: PersonId::new(speaker),
        interactive: false,
    }
}

/// Run a script through a console with a fresh in-memory store; return the transcript.
pub fn run_script(speaker: &str, script: &str) -> String {
    run_with(&mut console(MemoryStore::new(), speaker), script)
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

/// Walk a person through the whole playbook for one incident kind (the number chosen at "what
/// happened?"), always answering "continue" or "later", after writing `language` first. Returns
/// every text Fyr showed, and asserts the walk reached the summary.
pub fn walk(person: &str, language: &str, kind: u32) -> String {
    use fyr::engine::{self, Env};
    use fyr::model::CaseId;

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
        let session = driver.store().load_session(&id).unwrap().unwrap();
        if session.conversation.step.as_deref() == Some("summary") {
            return shown;
        }
        let profile = driver
            .config()
            .profile(driver.config().person(person).unwrap());
        let fresh = CaseId::new("unused");
        let env = Env {
            now,
            profile: &profile,
            fresh_case_id: &fresh,
        };
        let options = engine::current_options(&session, &env);
        let pick = options
            .iter()
            .position(|o| *o == "opt-next" || *o == "opt-later")
            .unwrap_or_else(|| {
                panic!(
                    "no way on from {:?}: {options:?}",
                    session.conversation.step
                )
            })
            + 1;
        send(&mut driver, &pick.to_string());
    }
    panic!("the walk did not reach the summary:\n{shown}");
}
