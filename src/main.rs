//! The `fyr` binary: command-line parsing and start-up errors. Everything else lives in the
//! library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::{DateTime, Utc};
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
}

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
    /// Cases per unit, month and incident kind (counts below 5 suppressed).
    Stats {
        #[arg(long, value_name = "PATH", default_value = "bot.toml")]
        config: PathBuf,
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
    },
    /// Check a bot.toml and print every problem with file:line:column.
    CheckConfig {
        #[arg(value_name = "PATH", default_value = "bot.toml")]
        path: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ClockKind {
    System,
    Simulated,
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("FYR_LOG")
                // matrix-sdk logs every expected 404 (no backup yet, no account data yet) as an
                // error; Fyr logs what matters about the connection itself. `fyr::status` is the
                // operator's line per platform at start and at a clean stop.
                .unwrap_or_else(|_| {
                    tracing_subscriber::EnvFilter::new(
                        "warn,fyr::status=info,matrix_sdk::http_client=off",
                    )
                }),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match cli.command {
        Command::CheckConfig { path } => match Config::load(&path) {
            Ok(config) => {
                println!(
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
                println!(
                    "{}: every file matches its hash and the chain is whole",
                    manifest.display()
                );
                ExitCode::SUCCESS
            }
            Ok(problems) => {
                for p in problems {
                    println!("{p}");
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
            let (config, store) = match config_and_store(&config, &data) {
                Ok(both) => both,
                Err(code) => return code,
            };
            let case = fyr::model::CaseId::new(case.to_uppercase());
            operator(&store, "export", Some(&case));
            let localizer = match Localizer::new() {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            };
            match fyr::export::export_case(&store, &config, &localizer, &case, &out, Utc::now()) {
                Ok(done) => {
                    println!(
                        "{}\n{}\n{}",
                        done.pdf.display(),
                        done.zip.display(),
                        done.manifest.display()
                    );
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
            let store = match open_store(&data, key.as_deref()) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let case = case.map(|c| fyr::model::CaseId::new(c.to_uppercase()));
            operator(&store, "verify", case.as_ref());
            match fyr::ops::verify(&store, case.as_ref()) {
                Ok(problems) if problems.is_empty() => {
                    println!("all evidence chains verify");
                    ExitCode::SUCCESS
                }
                Ok(problems) => {
                    for (case, problem) in problems {
                        println!("case {case}: {problem}");
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
            let store = match open_store(&data, key.as_deref()) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let case = fyr::model::CaseId::new(case.to_uppercase());
            operator(&store, "erase", Some(&case));
            match fyr::store::Store::erase_case(&store, &case) {
                Ok(true) => {
                    println!("case {case} is erased");
                    ExitCode::SUCCESS
                }
                Ok(false) => {
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
            let store = match open_store(&data, key.as_deref()) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let case = case.map(|c| fyr::model::CaseId::new(c.to_uppercase()));
            match fyr::store::Store::audit_log(&store) {
                Ok(log) => {
                    for e in log.iter().filter(|e| case.is_none() || e.case == case) {
                        let case = e.case.as_ref().map_or("-", |c| c.as_str());
                        println!("{}\t{}\t{}\t{}", e.at.to_rfc3339(), e.who, e.action, case);
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(EXIT_DATA)
                }
            }
        }
        Command::Stats { config, data } => {
            let (config, store) = match config_and_store(&config, &data) {
                Ok(both) => both,
                Err(code) => return code,
            };
            operator(&store, "stats", None);
            match fyr::ops::stats(&config, &store) {
                Ok(table) => {
                    print!("{table}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(EXIT_DATA)
                }
            }
        }
        Command::Run { config, data } => {
            let (config, store) = match config_and_store(&config, &data) {
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
            let store = match open_store(&data, config.key_file.as_deref()) {
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
) -> Result<(Config, SledStore), ExitCode> {
    let config = Config::load(config).map_err(|e| config_failure(&e))?;
    let store = open_store(data, config.key_file.as_deref())?;
    Ok((config, store))
}

/// Record an operator command in the audit log.
fn operator(store: &SledStore, action: &str, case: Option<&fyr::model::CaseId>) {
    let entry = fyr::store::AuditEntry {
        at: Utc::now(),
        who: "operator".into(),
        action: action.into(),
        case: case.cloned(),
    };
    if let Err(e) = fyr::store::Store::append_audit(store, &[entry]) {
        eprintln!("warning: the audit log could not be written: {e}");
    }
}

/// Open the encrypted data folder; a key created now is announced, to be backed up.
fn open_store(
    data: &std::path::Path,
    key: Option<&std::path::Path>,
) -> Result<SledStore, ExitCode> {
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
    let localizer = Localizer::new().context("the built-in translations are broken")?;
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
