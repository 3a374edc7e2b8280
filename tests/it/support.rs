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
