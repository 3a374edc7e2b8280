//! The `fyr` binary: command-line parsing and start-up errors. Everything else lives in the
//! library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::{DateTime, Datelike, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use fyr::adapters::console::Console;
use fyr::clock::Clock;
use fyr::config::{Config, ConfigError};
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
    /// Check a staff directory export (CSV) against bot.toml, show what it changes (added,
    /// removed, moved persons, new managers) and put it in place of the directory bot.toml
    /// names; a running Fyr on --data is told to reload.
    ImportDirectory {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_name = "PATH", default_value = "bot.toml")]
        config: PathBuf,
        /// Only show what would change.
        #[arg(long)]
        dry_run: bool,
        /// The data folder of a running Fyr to tell to reload (if it runs).
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
    },
    /// Tell the Fyr running on a data folder to read bot.toml and the staff directory again
    /// (the same as SIGHUP or `systemctl reload fyr`).
    Reload {
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
    },
    /// Check this installation: configuration and directory, key file, data folder, time
    /// zones, each chat platform. One line per check; exit 0 only if all pass.
    Doctor {
        #[arg(long, value_name = "PATH", default_value = "bot.toml")]
        config: PathBuf,
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
    },
    /// Back up the data folder to FILE: consistent, also while Fyr runs (it is asked over the
    /// socket `DIR/backup.sock`), and encrypted as the data is. The key file is not in it:
    /// back it up apart.
    Backup {
        /// The backup file (not inside the data folder).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
        /// A bot.toml whose key_file to use when no Fyr runs (the store is then opened here).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
        /// The key file (default: key_file in --config, else `<DIR>.key`).
        #[arg(long, value_name = "FILE")]
        key: Option<PathBuf>,
    },
    /// Restore a backup into a new or empty data folder. It opens with the key file the backup
    /// was taken with (put it at `<DIR>.key`, or pass --key to every command).
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// The key file to check the restored folder with (default: `<DIR>.key`, if there).
        #[arg(long, value_name = "FILE")]
        key: Option<PathBuf>,
    },
    /// Give the data folder a new master key (Fyr stopped): every case key is wrapped with it,
    /// and the old key is retired to `<key file>.old`.
    RotateKey {
        #[arg(long, value_name = "DIR", default_value = "fyr-data")]
        data: PathBuf,
        /// A bot.toml whose key_file to use.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
        /// The key file (default: key_file in --config, else `<DIR>.key`).
        #[arg(long, visible_alias = "key-file", value_name = "FILE")]
        key: Option<PathBuf>,
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
    // FYR_LOG_FORMAT=json: Fyr's own lines as one JSON object each (dependencies' lines are
    // left out there: redaction is for text lines).
    if json_logs() {
        use tracing_subscriber::layer::SubscriberExt as _;
        use tracing_subscriber::util::SubscriberInitExt as _;
        use tracing_subscriber::Layer as _;
        let filter = tracing_subscriber::EnvFilter::try_from_env("FYR_LOG")
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(fyr::logging::DEFAULT_FILTER));
        let layer = tracing_subscriber::fmt::layer()
            .json()
            .with_writer(std::io::stderr)
            .with_filter(filter)
            .with_filter(
                tracing_subscriber::filter::Targets::new()
                    .with_target("fyr", tracing_subscriber::filter::LevelFilter::TRACE),
            );
        tracing_subscriber::registry().with(layer).init();
    } else {
        fyr::logging::init();
    }
    let cli = Cli::parse();
    let insecure = cli.allow_insecure_key_file;
    match cli.command {
        Command::Backup {
            out,
            data,
            config,
            key,
        } => backup(&out, &data, config.as_deref(), key, insecure),
        Command::Restore { file, data, key } => restore(&file, &data, key, insecure),
        Command::RotateKey { data, config, key } => {
            rotate_key(&data, config.as_deref(), key, insecure)
        }
        Command::ImportDirectory {
            file,
            config,
            dry_run,
            data,
        } => import_directory(&file, &config, dry_run, &data),
        Command::Reload { data } => match fyr::signals::send_reload(&data) {
            Ok(pid) => {
                out!("asked the Fyr with pid {pid} to reload its configuration (its log says what changed)");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Doctor { config, data } => {
            let checks = fyr::doctor::run(&config, &data);
            for check in &checks {
                out!("{check}");
            }
            let failed = checks.iter().filter(|c| !c.ok).count();
            if failed == 0 {
                out!("all {} checks passed", checks.len());
                ExitCode::SUCCESS
            } else {
                out!("{failed} of {} checks failed", checks.len());
                ExitCode::FAILURE
            }
        }
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
            fyr::signals::install(true);
            let _pid = match fyr::signals::PidFile::write(&data) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("error: cannot write {}: {e}\n  help: the data folder must be writable by the user Fyr runs as", fyr::signals::pid_file(&data).display());
                    return ExitCode::from(EXIT_DATA);
                }
            };
            let _backups = serve_backups(&data, &store);
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
                fyr::adapters::console::DeliveryLog::open(&p)
                    .map_err(|e| format!("cannot use the delivery record {}: {e}", p.display()))
            }) {
                None => None,
                Some(Ok(log)) => Some(log),
                Some(Err(e)) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(EXIT_DATA);
                }
            };
            fyr::signals::install(false);
            let _pid = fyr::signals::PidFile::write(&data).ok();
            let _backups = serve_backups(&data, &store);
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
        Err(e @ fyr::service::ServiceError::Disk(_)) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_DATA)
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

/// Whether FYR_LOG_FORMAT=json asks for structured logs.
fn json_logs() -> bool {
    std::env::var("FYR_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"))
}

/// `fyr import-directory`: check the export, show the changes, replace the file.
fn import_directory(
    file: &std::path::Path,
    config: &std::path::Path,
    dry_run: bool,
    data: &std::path::Path,
) -> ExitCode {
    let new = match Config::load_with_directory(config, file) {
        Ok(c) => c,
        Err(e) => return config_failure(&e),
    };
    let named = match directory_named_in(config) {
        Some(p) => p,
        None => {
            eprintln!(
                "error: {} names no staff directory\n  help: add directory = \"staff.csv\" at the top of bot.toml (before [organisation]); the file is then written there",
                config.display()
            );
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    // What runs now: the directory in place (none yet: everyone is new).
    let old = Config::load(config).ok();
    let changes = match &old {
        Some(old) => fyr::config::directory::changes(old, &new),
        None => fyr::config::directory::Changes {
            added: new
                .persons
                .iter()
                .map(|p| (p.id.as_str().to_string(), p.unit.as_str().to_string()))
                .collect(),
            ..Default::default()
        },
    };
    for (id, unit) in &changes.added {
        out!("added   {id} ({unit})");
    }
    for (id, unit) in &changes.removed {
        out!("removed {id} ({unit})");
    }
    for (id, from, to) in &changes.moved {
        out!("moved   {id} ({from} → {to})");
    }
    for (unit, from, to) in &changes.new_managers {
        out!("manager {unit}: {from} → {to}");
    }
    out!(
        "{} added, {} removed, {} moved, {} units with a new manager; {} persons in all",
        changes.added.len(),
        changes.removed.len(),
        changes.moved.len(),
        changes.new_managers.len(),
        new.persons.len()
    );
    if dry_run {
        out!("(dry run: nothing was changed)");
        return ExitCode::SUCCESS;
    }
    if let Err(e) = replace_file(file, &named) {
        eprintln!(
            "error: cannot write {}: {e}\n  help: run as the user that owns bot.toml's folder",
            named.display()
        );
        return ExitCode::FAILURE;
    }
    out!("{} is in place", named.display());
    match fyr::signals::send_reload(data) {
        Ok(pid) => out!("the Fyr with pid {pid} was told to reload"),
        Err(fyr::signals::SignalError::NotRunning(..)) => {
            out!(
                "no Fyr runs on {}: it reads the directory when it starts",
                data.display()
            )
        }
        Err(e) => {
            eprintln!("warning: {e}");
        }
    }
    ExitCode::SUCCESS
}

/// The staff directory a bot.toml names, if it names one.
fn directory_named_in(config: &std::path::Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(config).ok()?;
    let value: toml::Value = toml::from_str(&text).ok()?;
    let name = value.get("directory")?.as_str()?;
    Some(
        config
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join(name),
    )
}

/// Copy `from` over `to` atomically (a temporary file beside it, synced, then renamed).
fn replace_file(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    let bytes = std::fs::read(from)?;
    let mut tmp = to.as_os_str().to_owned();
    tmp.push(".new");
    let tmp = PathBuf::from(tmp);
    {
        use std::io::Write as _;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, to)?;
    if let Some(dir) = to.parent() {
        if let Ok(d) = std::fs::File::open(if dir.as_os_str().is_empty() {
            std::path::Path::new(".")
        } else {
            dir
        }) {
            let _ = d.sync_all();
        }
    }
    Ok(())
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
    if let Some(old) = &store.finished_rotation {
        eprintln!(
            "Finished a key rotation that had been interrupted: the new key is in {}, the old one in {} (keep it with the backups taken before the rotation).",
            key_file.display(),
            old.display()
        );
    }
    if let Some(key) = &store.created_key {
        if json_logs() {
            // One JSON object per line on stderr: the notice goes through the log too.
            tracing::warn!(
                key = %key.display(),
                data = %data.display(),
                "Created the encryption key (readable only by you). Back it up: without it, the data cannot be read."
            );
            return Ok(store);
        }
        eprintln!(
            "Created the encryption key {} (readable only by you). Back it up: without it, the data in {} cannot be read.",
            key.display(),
            data.display()
        );
    }
    Ok(store)
}

/// Serve `fyr backup` on the data folder's socket while this process has the store open.
fn serve_backups(data: &std::path::Path, store: &SledStore) -> Option<fyr::backup::Server> {
    match fyr::backup::serve(data, store.backup_source()) {
        Ok(server) => Some(server),
        Err(e) => {
            tracing::warn!("`fyr backup` cannot reach this Fyr (no backup socket): {e}");
            None
        }
    }
}

/// The key file named by --key, or by bot.toml's key_file (None: `<DIR>.key`).
fn key_named(
    key: Option<PathBuf>,
    config: Option<&std::path::Path>,
) -> Result<Option<PathBuf>, ExitCode> {
    match (key, config) {
        (Some(key), _) => Ok(Some(key)),
        (None, Some(config)) => Config::load(config)
            .map(|c| c.key_file.clone())
            .map_err(|e| config_failure(&e)),
        (None, None) => Ok(None),
    }
}

/// A data folder a command needs that is not there (opening it would make a new one).
fn no_data_folder(data: &std::path::Path) -> Option<ExitCode> {
    if data.is_dir() {
        return None;
    }
    eprintln!(
        "error: there is no data folder {}\n  help: pass the folder Fyr runs on with --data (the service's is /var/lib/fyr/data)",
        data.display()
    );
    Some(ExitCode::from(EXIT_DATA))
}

/// `fyr backup`: from the running Fyr if one runs on the folder, else from the store opened here.
fn backup(
    out: &std::path::Path,
    data: &std::path::Path,
    config: Option<&std::path::Path>,
    key: Option<PathBuf>,
    insecure: bool,
) -> ExitCode {
    if let Err(e) = fyr::backup::outside_data(out, data) {
        eprintln!("error: {e}");
        return ExitCode::from(EXIT_CONFIG);
    }
    let key = match key_named(key, config) {
        Ok(k) => k,
        Err(code) => return code,
    };
    if let Some(code) = no_data_folder(data) {
        return code;
    }
    let (taken, from) = match fyr::backup::from_running(data, out) {
        Ok(Some(summary)) => (Ok(summary), "from the running Fyr"),
        Ok(None) => {
            let store = match open_store(data, key.as_deref(), insecure) {
                Ok(s) => s,
                Err(code) => return code,
            };
            (
                fyr::backup::from_store(&store.backup_source(), out),
                "(no Fyr was running)",
            )
        }
        Err(e) => (Err(e), ""),
    };
    match taken {
        Ok(summary) => {
            let key = key.unwrap_or_else(|| PathBuf::from(format!("{}.key", data.display())));
            out!(
                "{}: {} case(s), {} records, {} bytes, {from}",
                out.display(),
                summary.cases,
                summary.records,
                summary.bytes
            );
            out!(
                "The key file is not in the backup: keep a copy of {} apart from it; without the key the backup cannot be read.",
                key.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_DATA)
        }
    }
}

/// `fyr restore`: into a new or empty folder, then a check that it opens with the key file.
fn restore(
    file: &std::path::Path,
    data: &std::path::Path,
    key: Option<PathBuf>,
    insecure: bool,
) -> ExitCode {
    match fyr::store::restore(file, data) {
        Ok(summary) => out!(
            "restored {} case(s), {} records into {}",
            summary.cases,
            summary.records,
            data.display()
        ),
        Err(e @ fyr::store::StoreError::RestoreTarget { .. }) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_DATA);
        }
    }
    let key_file = key
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.key", data.display())));
    if !key_file.exists() {
        out!(
            "Now put the key file this backup was taken with at {} (from your key backup), then run `fyr verify --data {}`.",
            key_file.display(),
            data.display()
        );
        return ExitCode::SUCCESS;
    }
    let store = match open_store(data, Some(&key_file), insecure) {
        Ok(s) => s,
        Err(code) => return code,
    };
    operator(&store, "restored", None);
    let key_arg = key.map_or_else(String::new, |k| format!(" --key {}", k.display()));
    out!(
        "it opens with {}; run `fyr verify --data {}{key_arg}` to check the evidence",
        key_file.display(),
        data.display()
    );
    ExitCode::SUCCESS
}

/// `fyr rotate-key`: Fyr must be stopped (it holds the store and its key).
fn rotate_key(
    data: &std::path::Path,
    config: Option<&std::path::Path>,
    key: Option<PathBuf>,
    insecure: bool,
) -> ExitCode {
    let key = match key_named(key, config) {
        Ok(k) => k,
        Err(code) => return code,
    };
    if let Some(code) = no_data_folder(data) {
        return code;
    }
    if std::os::unix::net::UnixStream::connect(fyr::backup::socket_path(data)).is_ok() {
        eprintln!(
            "error: Fyr is running on {}\n  help: stop it (systemctl stop fyr), run `fyr rotate-key` again, then start it",
            data.display()
        );
        return ExitCode::from(EXIT_DATA);
    }
    let store = match open_store(data, key.as_deref(), insecure) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if let Err(e) = store.can_rotate() {
        eprintln!("error: {e}");
        return ExitCode::from(EXIT_DATA);
    }
    operator(&store, "key-rotated", None);
    match store.rotate_key() {
        Ok(rotated) => {
            out!(
                "{} holds the new key: {} case key(s) wrapped with it, {} values sealed with it",
                rotated.key_file.display(),
                rotated.keys,
                rotated.values
            );
            out!(
                "The old key is in {}: keep it with the backups taken before now (they open only with it), then delete it from this machine. Back up the new key file now.",
                rotated.old_key.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_DATA)
        }
    }
}

fn config_failure(e: &ConfigError) -> ExitCode {
    eprintln!("{e}");
    if !e.problems().is_empty() {
        eprintln!("{} problem(s) found.", e.problems().len());
    }
    ExitCode::from(EXIT_CONFIG)
}

fn chat(
    mut config: Config,
    store: SledStore,
    clock: Clock,
    speaker: PersonId,
    deliveries: Option<fyr::adapters::console::DeliveryLog>,
) -> anyhow::Result<()> {
    config.console = true; // everyone is reached in the console
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
    let stdout = std::io::stdout();
    let result = console.run(&mut StoppableStdin::new(), &mut stdout.lock());
    // The store is flushed and closed here (also after SIGTERM), its error reported.
    let closed = console.driver.into_store().close();
    result?;
    closed.context("the data folder could not be closed cleanly")?;
    Ok(())
}

/// Standard input read on a thread of its own, so that SIGTERM ends the chat even while it
/// waits for a line: then the input ends, as at the end of a script.
struct StoppableStdin {
    lines: std::sync::mpsc::Receiver<std::io::Result<Vec<u8>>>,
    buffer: Vec<u8>,
    at: usize,
    done: bool,
}

impl StoppableStdin {
    fn new() -> Self {
        let (tx, rx) = std::sync::mpsc::sync_channel(16);
        std::thread::spawn(move || {
            use std::io::BufRead as _;
            let stdin = std::io::stdin();
            let mut stdin = stdin.lock();
            loop {
                let mut line = Vec::new();
                match stdin.read_until(b'\n', &mut line) {
                    Ok(0) => break,
                    Ok(_) => {
                        if tx.send(Ok(line)).is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        break;
                    }
                }
            }
        });
        StoppableStdin {
            lines: rx,
            buffer: Vec::new(),
            at: 0,
            done: false,
        }
    }
}

impl std::io::Read for StoppableStdin {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use std::io::BufRead as _;
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl std::io::BufRead for StoppableStdin {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        while self.at >= self.buffer.len() && !self.done {
            if fyr::signals::stopping() {
                self.done = true;
                break;
            }
            match self
                .lines
                .recv_timeout(std::time::Duration::from_millis(100))
            {
                Ok(Ok(line)) => {
                    self.buffer = line;
                    self.at = 0;
                }
                Ok(Err(e)) => return Err(e),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => self.done = true,
            }
        }
        if self.done && self.at >= self.buffer.len() {
            return Ok(&[]);
        }
        Ok(&self.buffer[self.at..])
    }

    fn consume(&mut self, amount: usize) {
        self.at = (self.at + amount).min(self.buffer.len());
    }
}
