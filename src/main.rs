//! The `fyr` binary: command-line parsing and start-up errors. Everything else lives in the
//! library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::{DateTime, Datelike, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use fyr::clock::Clock;
use fyr::config::{Config, ConfigError};
use fyr::console::Console;
use fyr::driver::{Driver, RandomCaseIds};
use fyr::i18n::Localizer;
use fyr::model::PersonId;
use fyr::store::SledStore;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code for a configuration that cannot be used.
const EXIT_CONFIG: u8 = 2;
/// Exit code for a data folder that cannot be opened.
const EXIT_DATA: u8 = 3;

#[derive(Parser)]
#[command(
    name = "fyr",
    version,
    about = "Fyr guides public-sector staff who are targeted by threats, harassment or hate."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Use a key file that other users of this machine can read (refused otherwise). Only
    /// where the folder holding it already keeps everyone else out.
    #[arg(long, global = true)]
    allow_insecure_key_file: bool,
}

/// Print a line on stdout. A reader that has gone away (`fyr audit | head -1`) ends the command
/// quietly, with success: it had what it wanted.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            return stdout_failed(&e);
        }
    }};
}

fn stdout_failed(e: &std::io::Error) -> ExitCode {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        ExitCode::SUCCESS
    } else {
        eprintln!("error: cannot write the output: {e}");
        ExitCode::FAILURE
    }
}

/// The years a simulated clock may start in: dates far outside them are typing mistakes, and
/// the calendar's arithmetic is not made for them.
const SANE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2999;

#[derive(Subcommand)]
enum Command {
    /// Chat with Fyr in the terminal (or run a script from stdin).
    Chat {
        /// Who is typing: a person id from bot.toml. Default: the first [[person]].
        #[arg(long = "as", value_name = "ID")]
        as_person: Option<String>,
        /// The configuration file.
        #[arg(long, value_name = "PATH", default_value = "bot.toml")]
        config: PathBuf,
        /// The data folder (created if missing).
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
        /// Use the system clock, or a simulated one that `/advance 3h` moves forward.
        #[arg(long, value_enum, default_value_t = ClockKind::System)]
        clock: ClockKind,
        /// Start time of a simulated clock (RFC 3339). Default: now.
        #[arg(long, value_name = "TIME", requires = "clock")]
        start: Option<DateTime<Utc>>,
        /// Keep a record of the notifications shown (their outbox keys) in FILE and show each
        /// once, also across restarts — as a chat platform does.
        #[arg(long, value_name = "FILE")]
        deliveries: Option<PathBuf>,
    },
    /// Run Fyr on the chat platforms configured in bot.toml (Matrix).
    Run {
        /// The configuration file.
        #[arg(long, value_name = "PATH", default_value = "bot.toml")]
        config: PathBuf,
        /// The data folder (created if missing).
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
    },
    /// Recompute the evidence hash chains and report any tampering (exit 1 if any).
    Verify {
        /// Only this case.
        #[arg(value_name = "CASE", conflicts_with = "manifest")]
        case: Option<String>,
        /// Instead, check an exported manifest against its zip.
        #[arg(long, value_name = "FILE")]
        manifest: Option<PathBuf>,
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
        /// The key file (default: `<DIR>.key`).
        #[arg(long, value_name = "FILE")]
        key: Option<PathBuf>,
    },
    /// Export a case: a PDF report, a zip of the original evidence and a manifest of hashes.
    Export {
        #[arg(value_name = "CASE")]
        case: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, value_name = "PATH", default_value = "bot.toml")]
        config: PathBuf,
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
    },
    /// Erase a case with its evidence, timers and pending notifications.
    Erase {
        #[arg(value_name = "CASE")]
        case: String,
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
        /// The key file (default: `<DIR>.key`).
        #[arg(long, value_name = "FILE")]
        key: Option<PathBuf>,
    },
    /// Print the audit log (who, what, when, which case — never content).
    Audit {
        /// Only this case.
        #[arg(value_name = "CASE")]
        case: Option<String>,
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
        /// The key file (default: `<DIR>.key`).
        #[arg(long, value_name = "FILE")]
        key: Option<PathBuf>,
    },
    /// Cases per unit, closed month and incident kind (counts below 5 suppressed, others
    /// rounded to fives); with --report, the committee's HTML and PDF reports instead.
    Stats {
        #[arg(long, value_name = "PATH", default_value = "bot.toml")]
        config: PathBuf,
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
        /// Write fyr-stats-<language>.html and .pdf for each language of the units into DIR.
        #[arg(long, value_name = "DIR")]
        report: Option<PathBuf>,
    },
    /// Check a bot.toml and print every problem with file:line:column.
    CheckConfig {
        #[arg(value_name = "PATH", default_value = "bot.toml")]
        path: PathBuf,
    },
    /// Print every message id with its current text (built-in or the organisation's own), one
    /// per line, so the whole content can be reviewed in one file.
    Texts {
        /// sv, da or en.
        #[arg(long, default_value = "sv")]
        lang: String,
        #[arg(long, default_value = "bot.toml")]
        config: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ClockKind {
    System,
    Simulated,
}

fn main() -> ExitCode {
    // FYR_LOG or the default; dependencies capped and redacted (no message text in the log).
    fyr::logging::init();
    let cli = Cli::parse();
    let insecure = cli.allow_insecure_key_file;
    match cli.command {
        Command::Texts { lang, config } => {
            let Some(lang) = fyr::model::Language::ALL
                .into_iter()
                .find(|l| l.code() == lang)
            else {
                eprintln!("error: --lang {lang}: use sv, da or en");
                return ExitCode::from(EXIT_CONFIG);
            };
            let config = match Config::load(&config) {
                Ok(c) => c,
                Err(e) => return config_failure(&e),
            };
            let localizer = match Localizer::for_config(&config) {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            };
            for id in localizer.ids(lang) {
                let text = localizer.review_text(lang, &id).unwrap_or_default();
                // One line per message: continuation lines indented as in Fluent.
                out!("{id} = {}", text.replace('\n', "\n    "));
            }
            ExitCode::SUCCESS
        }
        Command::CheckConfig { path } => match Config::load(&path) {
            Ok(config) => {
                out!(
                    "{}: ok ({} units, {} persons)",
                    path.display(),
                    config.units.len(),
                    config.persons.len()
                );
                ExitCode::SUCCESS
            }
            Err(e) => config_failure(&e),
        },
        Command::Verify {
            manifest: Some(manifest),
            ..
        } => match fyr::export::verify_manifest(&manifest) {
            Ok(problems) if problems.is_empty() => {
                out!(
                    "{}: every file matches its hash, the chain is whole and the zip holds nothing else",
                    manifest.display()
                );
                ExitCode::SUCCESS
            }
            Ok(problems) => {
                for p in problems {
                    out!("{p}");
                }
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Export {
            case,
            out,
            config,
            data,
        } => {
            if let Err(e) = fyr::export::outside_data_folder(&out, &data) {
                eprintln!("error: {e}");
                return ExitCode::from(EXIT_CONFIG);
            }
            let (config, store) = match config_and_store(&config, &data, insecure) {
                Ok(both) => both,
                Err(code) => return code,
            };
            let case = fyr::model::CaseId::new(case.to_uppercase());
            operator(&store, "export", Some(&case));
            let localizer = match Localizer::for_config(&config) {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let now = Utc::now();
            match fyr::export::export_case(&store, &config, &localizer, &case, &out, now) {
                Ok(done) => {
                    // Erasure finds it from here; the employee is told where it went.
                    let recorded = fyr::store::Store::load_case(&store, &case).and_then(|c| {
                        c.map(|c| fyr::erasure::record_export(&store, &c, &out, true, now))
                            .transpose()
                    });
                    if let Err(e) = recorded {
                        eprintln!("warning: where this export went could not be recorded ({e}): erasing the case will not delete it");
                    }
                    out!(
                        "{}\n{}\n{}",
                        done.pdf.display(),
                        done.zip.display(),
                        done.manifest.display()
                    );
                    eprintln!("These files are not encrypted (readable only by you). They are deleted when the case is erased; copies made elsewhere are not. The employee is told in the chat where they are.");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Verify {
            case, data, key, ..
        } => {
            let store = match open_store(&data, key.as_deref(), insecure) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let case = case.map(|c| fyr::model::CaseId::new(c.to_uppercase()));
            operator(&store, "verify", case.as_ref());
            if let Some(case) = &case {
                match absent_case(&store, case) {
                    Ok(None) => {}
                    Ok(Some(Absent::Erased(at))) => {
                        out!(
                            "case {case} was erased on {}: nothing of it is left to verify",
                            at.format("%Y-%m-%d %H:%M UTC")
                        );
                        return ExitCode::SUCCESS;
                    }
                    Ok(Some(Absent::Unknown)) => {
                        eprintln!("error: there is no case {case}\n  help: check the reference (fyr audit lists the cases Fyr has known)");
                        return ExitCode::FAILURE;
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::from(EXIT_DATA);
                    }
                }
            }
            let missing = match case {
                Some(_) => Ok(Vec::new()),
                None => fyr::ops::check_store(&store),
            };
            match missing {
                Ok(missing) if missing.is_empty() => {}
                Ok(missing) => {
                    for (case, problem) in missing {
                        out!("case {case}: {problem}");
                    }
                    out!("help: stop Fyr and restore the data folder and its keyring from your latest backup");
                    return ExitCode::FAILURE;
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(EXIT_DATA);
                }
            }
            match fyr::ops::verify(&store, case.as_ref()) {
                Ok(problems) if problems.is_empty() => {
                    out!("all evidence chains verify");
                    ExitCode::SUCCESS
                }
                Ok(problems) => {
                    for (case, problem) in problems {
                        out!("case {case}: {problem}");
                    }
                    ExitCode::FAILURE
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(EXIT_DATA)
                }
            }
        }
        Command::Erase { case, data, key } => {
            let store = match open_store(&data, key.as_deref(), insecure) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let case = fyr::model::CaseId::new(case.to_uppercase());
            operator(&store, "erase", Some(&case));
            match fyr::erasure::erase_case(&store, &case, "operator", Utc::now()) {
                Ok(erased) if erased.existed => {
                    out!("case {case} is erased");
                    out!(
                        "{} person(s) will be told only that it was closed, when Fyr next runs",
                        erased.told
                    );
                    for file in &erased.exports_removed {
                        out!("deleted the export file {}", file.display());
                    }
                    ExitCode::SUCCESS
                }
                Ok(_) => {
                    eprintln!("error: there is no case {case}");
                    ExitCode::FAILURE
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(EXIT_DATA)
                }
            }
        }
        Command::Audit { case, data, key } => {
            let store = match open_store(&data, key.as_deref(), insecure) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let case = case.map(|c| fyr::model::CaseId::new(c.to_uppercase()));
            match fyr::store::Store::audit_log(&store) {
                Ok(log) => {
                    for e in log.iter().filter(|e| case.is_none() || e.case == case) {
                        let case = e.case.as_ref().map_or("-", |c| c.as_str());
                        out!("{}\t{}\t{}\t{}", e.at.to_rfc3339(), e.who, e.action, case);
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(EXIT_DATA)
                }
            }
        }
        Command::Stats {
            config,
            data,
            report,
        } => {
            let (config, store) = match config_and_store(&config, &data, insecure) {
                Ok(both) => both,
                Err(code) => return code,
            };
            operator(&store, "stats", None);
            if let Some(dir) = report {
                let localizer = match Localizer::for_config(&config) {
                    Ok(l) => l,
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::FAILURE;
                    }
                };
                return match fyr::ops::stats_reports(&config, &store, &localizer, &dir, Utc::now())
                {
                    Ok(paths) => {
                        for path in paths {
                            out!("{}", path.display());
                        }
                        ExitCode::SUCCESS
                    }
                    Err(e @ fyr::ops::ReportError::Store(_)) => {
                        eprintln!("error: {e}");
                        ExitCode::from(EXIT_DATA)
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        ExitCode::FAILURE
                    }
                };
            }
            match fyr::ops::stats(&config, &store, Utc::now()) {
                Ok(table) => {
                    out!("{}", table.trim_end_matches('\n'));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(EXIT_DATA)
                }
            }
        }
        Command::Run { config, data } => {
            let (config, store) = match config_and_store(&config, &data, insecure) {
                Ok(both) => both,
                Err(code) => return code,
            };
            run(config, store)
        }
        Command::Chat {
            as_person,
            config,
            data,
            clock,
            start,
            deliveries,
        } => {
            if let Some(start) = start.filter(|s| !SANE_YEARS.contains(&s.year())) {
                eprintln!(
                    "error: --start {}: a simulated clock must start between {}-01-01 and {}-12-31\n  help: give a date and time such as --start 2026-03-02T08:00:00Z",
                    start.to_rfc3339(),
                    SANE_YEARS.start(),
                    SANE_YEARS.end()
                );
                return ExitCode::from(EXIT_CONFIG);
            }
            let config = match Config::load(&config) {
                Ok(c) => c,
                Err(e) => return config_failure(&e),
            };
            let speaker = match as_person {
                Some(id) if config.person(&id).is_none() => {
                    eprintln!(
                        "error: --as {id}: there is nobody with that id in {}\n  help: use one of: {}",
                        config.source.display(),
                        config.persons.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(", ")
                    );
                    return ExitCode::from(EXIT_CONFIG);
                }
                Some(id) => PersonId::new(id),
                None => config.persons[0].id.clone(),
            };
            let store = match open_store(&data, config.key_file.as_deref(), insecure) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let clock = match clock {
                ClockKind::System => Clock::System,
                ClockKind::Simulated => Clock::Simulated(start.unwrap_or_else(Utc::now)),
            };
            let deliveries = match deliveries.map(|p| {
                fyr::console::DeliveryLog::open(&p)
                    .map_err(|e| format!("cannot use the delivery record {}: {e}", p.display()))
            }) {
                None => None,
                Some(Ok(log)) => Some(log),
                Some(Err(e)) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(EXIT_DATA);
                }
            };
            match chat(config, store, clock, speaker, deliveries) {
                Ok(()) => ExitCode::SUCCESS,
                // The reader went away (`fyr chat < script | head`): nothing left to say.
                Err(e)
                    if e.chain().any(|c| {
                        c.downcast_ref::<std::io::Error>()
                            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                    }) =>
                {
                    ExitCode::SUCCESS
                }
                // The data folder failed (a full or read-only disk, an I/O error): exit 3,
                // as for a folder that cannot be opened.
                Err(e)
                    if e.chain()
                        .any(|c| c.downcast_ref::<fyr::store::StoreError>().is_some()) =>
                {
                    let store_error = e
                        .chain()
                        .find_map(|c| c.downcast_ref::<fyr::store::StoreError>())
                        .expect("found above");
                    eprintln!("error: {store_error}");
                    ExitCode::from(EXIT_DATA)
                }
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

#[cfg(any(feature = "matrix", feature = "discord"))]
fn run(config: Config, store: SledStore) -> ExitCode {
    match fyr::service::run(config, store) {
        Ok(()) => ExitCode::SUCCESS,
        Err(
            e @ (fyr::service::ServiceError::NothingConfigured
            | fyr::service::ServiceError::NotBuiltIn(_)),
        ) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_CONFIG)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(any(feature = "matrix", feature = "discord")))]
fn run(_config: Config, _store: SledStore) -> ExitCode {
    eprintln!(
        "error: this fyr was built without chat adapters\n  help: build with --features matrix,discord"
    );
    ExitCode::from(EXIT_CONFIG)
}

/// Load bot.toml and open the data folder with the key it names (or the default key file).
fn config_and_store(
    config: &std::path::Path,
    data: &std::path::Path,
    insecure: bool,
) -> Result<(Config, SledStore), ExitCode> {
    let config = Config::load(config).map_err(|e| config_failure(&e))?;
    let store = open_store(data, config.key_file.as_deref(), insecure)?;
    Ok((config, store))
}

/// Why a case named on the command line is not there.
enum Absent {
    /// Erased at this time (the audit log says so).
    Erased(DateTime<Utc>),
    /// Never known, or its reference is mistyped.
    Unknown,
}

fn absent_case(
    store: &SledStore,
    case: &fyr::model::CaseId,
) -> Result<Option<Absent>, fyr::store::StoreError> {
    use fyr::store::Store;
    if store.load_case(case)?.is_some() {
        return Ok(None);
    }
    let erased = store.audit_log()?.into_iter().rev().find(|e| {
        e.case.as_ref() == Some(case)
            && (e.action == fyr::erasure::CASE_ERASED || e.action == "erased-retention")
    });
    Ok(Some(
        erased.map_or(Absent::Unknown, |e| Absent::Erased(e.at)),
    ))
}

/// Record an operator command in the audit log.
fn operator(store: &SledStore, action: &str, case: Option<&fyr::model::CaseId>) {
    let entry = fyr::store::AuditEntry {
        at: Utc::now(),
        who: "operator".into(),
        action: action.into(),
        case: case.cloned(),
        place: None,
    };
    if let Err(e) = fyr::store::Store::append_audit(store, &[entry]) {
        eprintln!("warning: the audit log could not be written: {e}");
    }
}

/// Open the encrypted data folder; a key created now is announced, to be backed up.
fn open_store(
    data: &std::path::Path,
    key: Option<&std::path::Path>,
    insecure: bool,
) -> Result<SledStore, ExitCode> {
    let key_file = key.map_or_else(
        || PathBuf::from(format!("{}.key", data.display())),
        std::path::Path::to_path_buf,
    );
    match fyr::store::vault::check_key_file(&key_file) {
        Ok(()) => {}
        Err(e @ fyr::store::vault::KeyFileProblem::Readable { .. }) if insecure => {
            let first = e.to_string();
            let first = first.lines().next().unwrap_or_default();
            eprintln!("warning: {first} (allowed by --allow-insecure-key-file)");
        }
        Err(e) => {
            eprintln!("error: {e}");
            return Err(ExitCode::from(EXIT_DATA));
        }
    }
    let opened = match key {
        Some(key) => SledStore::open_with_key_file(data, key),
        None => SledStore::open(data),
    };
    let store = opened.map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(EXIT_DATA)
    })?;
    if let Some(key) = &store.created_key {
        eprintln!(
            "Created the encryption key {} (readable only by you). Back it up: without it, the data in {} cannot be read.",
            key.display(),
            data.display()
        );
    }
    Ok(store)
}

fn config_failure(e: &ConfigError) -> ExitCode {
    eprintln!("{e}");
    if !e.problems().is_empty() {
        eprintln!("{} problem(s) found.", e.problems().len());
    }
    ExitCode::from(EXIT_CONFIG)
}

fn chat(
    config: Config,
    store: SledStore,
    clock: Clock,
    speaker: PersonId,
    deliveries: Option<fyr::console::DeliveryLog>,
) -> anyhow::Result<()> {
    let localizer = Localizer::for_config(&config).context("the translations are broken")?;
    let mut driver = Driver::new(config, store, localizer, Box::new(RandomCaseIds));
    driver.set_export_dir(PathBuf::from("fyr-export"));
    let interactive = std::io::stdin().is_terminal();
    let mut console = Console {
        driver,
        clock,
        speaker,
        interactive,
        deliveries,
    };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    console.run(&mut stdin.lock(), &mut stdout.lock())
}
