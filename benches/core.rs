//! The core figures of issue 17, each printed with its target and the ratio measured/target
//! (below 1 meets it): one engine step, one durable commit (transaction + flush) p99, durable
//! steps per second, a restart over 10 000 cases and 100 000 timers (time and RSS), and the
//! start of `fyr chat`. Nothing is asserted: a plain binary (`harness = false`).
//!
//! `cargo build --release --no-default-features --bin fyr && cargo bench --no-default-features --bench core`

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use fyr::config::Config;
use fyr::driver::{Driver, SequentialCaseIds};
use fyr::engine::{Case, Conversation, Timer, TimerKind};
use fyr::i18n::Localizer;
use fyr::model::{CaseId, Country, PersonId, UnitId};
use fyr::store::{Commit, MemoryStore, SledStore, Store, TimerOp};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A threat, then "continue", over and over (the escalation demo's first answers).
const SCRIPT: &[&str] = &["2", "1", "2", "2", "2", "2", "1", "2", "1", "1", "1"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fresh_dir(name: &str) -> PathBuf {
    let dir = root().join("target/core-bench").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a bench folder can be created");
    dir
}

fn monday() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T08:00:00Z")
        .expect("a valid time")
        .with_timezone(&Utc)
}

fn driver<S: Store>(store: S) -> Driver<S> {
    let config = Config::load(&root().join("bot.toml")).expect("the sample bot.toml loads");
    Driver::new(
        config,
        store,
        Localizer::new().expect("the built-in locales load"),
        Box::new(SequentialCaseIds::default()),
    )
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() as f64 - 1.0) * p).round() as usize]
}

fn report(what: &str, measured: f64, target: f64, unit: &str, lower_is_better: bool) {
    let ratio = if lower_is_better {
        measured / target
    } else {
        target / measured
    };
    let verdict = if ratio <= 1.0 { "ok" } else { "TARGET MISSED" };
    println!("{what:<44} {measured:>10.2} {unit:<8} target {target:>8} {unit:<8} ratio {ratio:>5.2}  {verdict}");
}

/// Steps through the script (again and again) with `driver`, timing each.
fn steps<S: Store>(d: &mut Driver<S>, n: usize) -> Vec<Duration> {
    let person = PersonId::new("dk-employee");
    (0..n)
        .map(|i| {
            let text = SCRIPT[i % SCRIPT.len()];
            let started = Instant::now();
            d.handle(&person, text, monday()).expect("handled");
            started.elapsed()
        })
        .collect()
}

fn bench_step() {
    let mut d = driver(MemoryStore::new());
    let mut times = steps(&mut d, 2_000);
    let p50 = percentile(&mut times, 0.5);
    report(
        "one step, in memory (p50)",
        p50.as_secs_f64() * 1e3,
        1.0,
        "ms",
        true,
    );
}

fn bench_durable() {
    let dir = fresh_dir("durable");
    let store = SledStore::open(&dir.join("data")).expect("a fresh folder opens");
    let mut times = Vec::new();
    for n in 0..1_000u32 {
        let mut c = Conversation::new(PersonId::new("dk-employee"), monday());
        c.step = Some(format!("step-{n}").into());
        let started = Instant::now();
        store
            .commit(Commit {
                conversations: vec![c],
                ..Commit::default()
            })
            .expect("committed");
        times.push(started.elapsed());
    }
    let p99 = percentile(&mut times, 0.99);
    report(
        "one durable commit (p99)",
        p99.as_secs_f64() * 1e3,
        5.0,
        "ms",
        true,
    );
    drop(store);
    let dir = fresh_dir("steps");
    let mut d = driver(SledStore::open(&dir.join("data")).expect("a fresh folder opens"));
    let started = Instant::now();
    let n = 1_000;
    steps(&mut d, n);
    let per_second = n as f64 / started.elapsed().as_secs_f64();
    report(
        "durable steps per second",
        per_second,
        500.0,
        "steps/s",
        false,
    );
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A folder with 10 000 cases and 100 000 timers, built with 100 cases a commit.
fn restart_folder() -> PathBuf {
    let dir = fresh_dir("restart");
    let data = dir.join("data");
    let store = SledStore::open(&data).expect("a fresh folder opens");
    let later = DateTime::parse_from_rfc3339("2030-01-07T08:00:00Z")
        .expect("a valid time")
        .with_timezone(&Utc);
    for batch in 0..100 {
        let mut commit = Commit::default();
        for i in 0..100 {
            let id = CaseId::new(format!("F-{batch:03}{i:02}"));
            commit.cases.push(Case::new(
                id.clone(),
                PersonId::new(format!("bench-{batch}-{i}")),
                UnitId::new("dk-unit"),
                Country::Denmark,
                monday(),
            ));
            for t in 0..10 {
                commit.timers.push(TimerOp::Set(Timer {
                    key: format!("{id}/check-in/{t}"),
                    at: later + chrono::Duration::minutes(i64::from(batch * 1000 + i * 10 + t)),
                    case: id.clone(),
                    kind: TimerKind::CheckIn { n: t as usize },
                }));
            }
        }
        store.commit(commit).expect("committed");
    }
    data
}

fn bench_restart() {
    let data = restart_folder();
    let before = rss_mb();
    let started = Instant::now();
    let store = SledStore::open(&data).expect("the folder opens");
    let next = store.next_timer_at().expect("read");
    let due = store.due_timers(monday(), 100).expect("read");
    let took = started.elapsed();
    assert!(next.is_some() && due.is_empty());
    report(
        "restart, 10 000 cases / 100 000 timers",
        took.as_secs_f64() * 1e3,
        2_000.0,
        "ms",
        true,
    );
    report(
        "restart, RSS after open",
        rss_mb().max(before),
        200.0,
        "MB",
        true,
    );
}

fn bench_console() {
    let bin = root().join("target/release/fyr");
    if !bin.exists() {
        println!(
            "console start: skipped (build target/release/fyr first, see the top of this file)"
        );
        return;
    }
    let dir = fresh_dir("console");
    let run = |data: &Path| {
        let started = Instant::now();
        let status = std::process::Command::new(&bin)
            .args(["chat", "--as", "dk-employee", "--config"])
            .arg(root().join("bot.toml"))
            .arg("--data")
            .arg(data)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("fyr starts");
        assert!(status.success());
        started.elapsed()
    };
    run(&dir.join("data"));
    let mut times: Vec<Duration> = (0..10).map(|_| run(&dir.join("data"))).collect();
    let p50 = percentile(&mut times, 0.5);
    report(
        "console start to end of an empty chat (p50)",
        p50.as_secs_f64() * 1e3,
        100.0,
        "ms",
        true,
    );
}

fn main() {
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted = |name: &str| only.is_empty() || only.iter().any(|o| o == name);
    if wanted("step") {
        bench_step();
    }
    if wanted("durable") {
        bench_durable();
    }
    if wanted("restart") {
        bench_restart();
    }
    if wanted("console") {
        bench_console();
    }
}
