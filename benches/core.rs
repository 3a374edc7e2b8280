//! Core benchmarks (issue 9): a plain bench binary (no harness) that prints each figure and its
//! ratio against a baseline measured in the same run — never a timed assert. Sections:
//!
//! - `engine`: one pure `engine::step` on a realistic world, vs cloning that world;
//! - `commit`: `Driver::handle` on the encrypted `SledStore` (one step and its durable commit)
//!   vs a raw sled `insert` + `flush` of the same number of bytes, with a breakdown per step;
//! - `sled`: what a nine-tree sled transaction + flush costs against one insert + flush;
//! - `throughput`: many persons' messages handled back to back: a durable commit per step, and
//!   group commit (`Driver::handle_batch`, 64 messages per flush, replies after the flush);
//! - `restart`: 10 000 open cases and 100 000 pending timers: reopen-to-ready time and peak RSS,
//!   each measured in a child process, vs the same start on an empty data folder;
//! - `console`: `fyr chat` start to its first output line, vs spawning `echo`;
//! - `flood`: others' reply latency while one person sends 10 000 messages, vs without;
//! - `seal`: one XChaCha20-Poly1305 seal of a stored value, by size (the poly1305 backend is
//!   chosen at build time: `.cargo/config.toml` picks the portable one; `RUSTFLAGS=" "` builds
//!   with the crate's own choice, AVX2 where the CPU has it, for comparison).
//!
//! Run: `cargo bench --no-default-features --bench core [-- SECTION...]`. The console section
//! needs `cargo build --release --no-default-features --bin fyr` first. Data goes under
//! `target/core-bench/` (the 10 000-case folder is built once and reused).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use fyr::config::{Config, Person};
use fyr::driver::{Deliver, DeliveryError, Driver, RandomCaseIds, SequentialCaseIds};
use fyr::engine::evidence::EvidenceItem;
use fyr::engine::state::{Duty, TrackKind};
use fyr::engine::{self, Case, Conversation, Env, Event, Msg, Timer, TimerKind, World};
use fyr::i18n::{Localizer, Rendered};
use fyr::model::{CaseId, PersonId};
use fyr::service::{driver_loop, Envelope, From, Outlet, What};
use fyr::store::{
    vault, AuditEntry, Commit, MemoryStore, OutboxEntry, SledStore, Store, StoreError, TimerOp,
};

/// The same allocator as the `fyr` binary, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The employee's answers from the README's escalation demo, after opening the chat: a threat,
/// the evidence steps, consent and a notification to the manager.
const SCRIPT: &[&str] = &["", "2", "1", "2", "2", "2", "2", "1", "2", "1", "1", "1"];

const CHILD: &str = "FYR_CORE_BENCH_CHILD";
/// Messages per flush in the group-commit throughput figure (the service's maximum).
const BATCH: usize = 64;
/// Runs of each group-commit figure (the median is reported).
const ROUNDS: usize = 7;
const CASES: usize = 10_000;
const TIMERS_PER_CASE: usize = 10;
const OWNERS: usize = 5_000;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn work_dir() -> PathBuf {
    let dir = root().join("target/core-bench");
    std::fs::create_dir_all(&dir).expect("target/core-bench can be created");
    dir
}

/// Monday 2 March 2026, 09:00 in Stockholm: working time in both sample units.
fn monday() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T08:00:00Z")
        .expect("a valid time")
        .with_timezone(&Utc)
}

/// The pending timers of the restart folder are due from here on (so none fires at start).
fn timers_base() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2030-01-07T08:00:00Z")
        .expect("a valid time")
        .with_timezone(&Utc)
}

/// A tiny deterministic RNG (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// Summary of a set of timings.
struct Stats {
    n: usize,
    median: Duration,
    p99: Duration,
    mean: Duration,
    total: Duration,
}

impl Stats {
    fn of(samples: &[Duration]) -> Stats {
        assert!(!samples.is_empty(), "no samples");
        let mut sorted = samples.to_vec();
        sorted.sort();
        let total: Duration = sorted.iter().sum();
        let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
        Stats {
            n: sorted.len(),
            median: at(0.5),
            p99: at(0.99),
            mean: total / sorted.len() as u32,
            total,
        }
    }
    fn line(&self) -> String {
        format!(
            "median {} · p99 {} · mean {} (n = {})",
            show(self.median),
            show(self.p99),
            show(self.mean),
            self.n
        )
    }
}

fn show(d: Duration) -> String {
    let ns = d.as_nanos();
    if ns < 10_000 {
        format!("{ns} ns")
    } else if ns < 10_000_000 {
        format!("{:.1} µs", ns as f64 / 1e3)
    } else {
        format!("{:.2} ms", ns as f64 / 1e6)
    }
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

fn verdict(met: bool) -> &'static str {
    if met {
        "target met"
    } else {
        "TARGET MISSED"
    }
}

/// The sample bot.toml with `employees` more persons, alternating between the two units.
fn config_text(employees: usize) -> String {
    let mut text =
        std::fs::read_to_string(root().join("bot.toml")).expect("the sample bot.toml is readable");
    for i in 0..employees {
        let unit = if i % 2 == 0 { "se-unit" } else { "dk-unit" };
        text.push_str(&format!(
            "\n[[person]]\nid = \"{}\"\nname = \"Bench Person{i}\"\nunit = \"{unit}\"\n",
            bench_person(i)
        ));
    }
    text
}

fn bench_person(i: usize) -> String {
    format!("bench-{i:05}")
}

fn config_with(employees: usize) -> Config {
    Config::parse(&config_text(employees), Path::new("bench.toml")).expect("a valid config")
}

fn driver<S: Store>(config: &Config, store: S) -> Driver<S> {
    Driver::new(
        config.clone(),
        store,
        Localizer::new().expect("the built-in locales load"),
        Box::new(SequentialCaseIds::default()),
    )
}

struct NullSink;

impl Deliver for NullSink {
    fn deliver(&mut self, _: &str, _: &Rendered) -> Result<(), DeliveryError> {
        Ok(())
    }
}

/// A fresh, empty folder under target/core-bench.
fn fresh_dir(name: &str) -> PathBuf {
    let dir = work_dir().join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a bench folder can be created");
    dir
}

// ---------------------------------------------------------------------------------------------
// engine

/// Everything the driver would load for a step when the store holds one walk: every stored
/// conversation of the configured persons and every case.
fn world_of<S: Store>(store: &S, config: &Config) -> World {
    let mut world = World::default();
    for p in &config.persons {
        if let Some(c) = store.load_conversation(&p.id).expect("store reads") {
            world.conversations.insert(p.id.clone(), c);
        }
    }
    for c in store.all_cases().expect("store reads") {
        world.cases.insert(c.id.clone(), c);
    }
    world
}

/// The (world, event) before each step of the script, as the driver builds them.
fn captured_walk(config: &Config, person: &PersonId) -> (Vec<(World, Event)>, MemoryStore) {
    let localizer = Localizer::new().expect("the built-in locales load");
    let mut d = driver(config, MemoryStore::new());
    let fresh = CaseId::new("F-0000-0001");
    let mut pairs = Vec::new();
    for line in SCRIPT {
        let world = world_of(d.store(), config);
        let env = Env {
            now: monday(),
            directory: config,
            fresh_case_id: &fresh,
        };
        let lang = d.language_of(person).expect("store reads");
        let labels: Vec<String> = engine::current_options(&world, person, &env)
            .into_iter()
            .map(|id| localizer.text(lang, &Msg::new(id)))
            .collect();
        let input = engine::command::interpret(line, &labels);
        pairs.push((
            world,
            Event::Message {
                from: person.clone(),
                input,
            },
        ));
        d.handle(person, line, monday())
            .expect("the walk is handled");
    }
    let store = MemoryStore::new();
    store
        .commit(Commit {
            conversations: config
                .persons
                .iter()
                .filter_map(|p| d.store().load_conversation(&p.id).expect("reads"))
                .collect(),
            cases: d.store().all_cases().expect("reads"),
            ..Commit::default()
        })
        .expect("memory commit");
    (pairs, store)
}

struct EngineResult {
    step: Stats,
}

fn bench_engine() -> EngineResult {
    println!("\n## engine: one pure engine::step");
    let config = config_with(0);
    let person = PersonId::new("se-employee");
    let (pairs, _) = captured_walk(&config, &person);
    let fresh = CaseId::new("F-0000-0001");
    let env = Env {
        now: monday(),
        directory: &config,
        fresh_case_id: &fresh,
    };
    let reps = 3_000;
    let mut steps = Vec::with_capacity(reps * pairs.len());
    let mut clones = Vec::with_capacity(reps * pairs.len());
    let mut effects = 0;
    for (world, event) in &pairs {
        for _ in 0..200 {
            std::hint::black_box(engine::step(world, event, &env));
        }
        for _ in 0..reps {
            let t = Instant::now();
            let out = engine::step(std::hint::black_box(world), event, &env);
            steps.push(t.elapsed());
            effects += out.1.len();
            std::hint::black_box(out);
            let t = Instant::now();
            let copy = std::hint::black_box(world).clone();
            clones.push(t.elapsed());
            std::hint::black_box(copy);
        }
    }
    let step = Stats::of(&steps);
    let clone = Stats::of(&clones);
    let sizes: Vec<usize> = pairs
        .iter()
        .map(|(w, _)| serde_json::to_vec(w).map_or(0, |v| v.len()))
        .collect();
    println!(
        "walk: {} steps of the escalation script (se-employee: threat, evidence, consent, notification); world {}–{} bytes as JSON; {} effects per rep",
        pairs.len(),
        sizes.iter().min().unwrap_or(&0),
        sizes.iter().max().unwrap_or(&0),
        effects / reps
    );
    println!("engine::step       {}", step.line());
    println!("baseline: World::clone of the same input  {}", clone.line());
    println!(
        "ratio step / clone (median): {:.2}  → {:.0} steps/s on one core",
        ratio(step.median, clone.median),
        1.0 / step.median.as_secs_f64()
    );
    EngineResult { step }
}

// ---------------------------------------------------------------------------------------------
// commit

/// A store that counts the bytes each commit writes into sled (keys and sealed values,
/// indexes included), as `SledStore` lays them out: values are JSON sealed with a 24-byte
/// nonce and a 16-byte tag; conversation keys and outbox hashes are 32 hex characters.
struct Counting<S> {
    inner: S,
    /// Whether to count bytes (a JSON pass over the commit: left out where only times count,
    /// so the times around the inner store's calls do not carry it).
    count: bool,
    last: AtomicUsize,
    /// How long the inner commit took, in nanoseconds.
    commit_ns: AtomicUsize,
    /// Totals over the store's life: time in `commit_deferred` and in `sync`, in nanoseconds.
    deferred_total_ns: AtomicUsize,
    sync_total_ns: AtomicUsize,
}

impl<S> Counting<S> {
    fn new(inner: S) -> Counting<S> {
        Counting::timing(inner, true)
    }

    /// A wrapper that only times the inner store's calls.
    fn timing(inner: S, count: bool) -> Counting<S> {
        Counting {
            inner,
            count,
            last: AtomicUsize::new(0),
            commit_ns: AtomicUsize::new(0),
            deferred_total_ns: AtomicUsize::new(0),
            sync_total_ns: AtomicUsize::new(0),
        }
    }
}

const SEAL: usize = 24 + 16;
const HASH_KEY: usize = 32;

fn json_len<T: serde::Serialize>(value: &T) -> usize {
    serde_json::to_vec(value).map_or(0, |v| v.len()) + SEAL
}

fn commit_bytes(c: &Commit) -> usize {
    let mut n = 0;
    for conv in &c.conversations {
        n += HASH_KEY + json_len(conv);
    }
    for case in &c.cases {
        n += case.id.as_str().len() + json_len(case);
    }
    for e in &c.outbox {
        let case = e.key.split('/').next().unwrap_or_default().len();
        let key = case + 1 + HASH_KEY;
        n += key + json_len(e) + key; // the entry and its pending index
    }
    for op in &c.timers {
        if let TimerOp::Set(t) = op {
            let slot = 8 + t.key.len();
            n += slot + json_len(t) + t.key.len() + slot; // the timer and its key index
        }
    }
    for (item, content) in &c.evidence {
        let key = item.case.as_str().len() + 1 + 4;
        n += key + json_len(item) + key + content.len() + SEAL;
    }
    for a in &c.audit {
        n += 16 + json_len(a);
    }
    n
}

impl<S: Store> Store for Counting<S> {
    fn load_conversation(&self, person: &PersonId) -> Result<Option<Conversation>, StoreError> {
        self.inner.load_conversation(person)
    }
    fn load_case(&self, id: &CaseId) -> Result<Option<Case>, StoreError> {
        self.inner.load_case(id)
    }
    fn cases_of(&self, owner: &PersonId) -> Result<Vec<Case>, StoreError> {
        self.inner.cases_of(owner)
    }
    fn commit(&self, commit: Commit) -> Result<(), StoreError> {
        if self.count {
            self.last.store(commit_bytes(&commit), Ordering::Relaxed);
        }
        let t = Instant::now();
        let done = self.inner.commit(commit);
        self.commit_ns
            .store(t.elapsed().as_nanos() as usize, Ordering::Relaxed);
        done
    }
    fn commit_deferred(&self, commit: Commit) -> Result<(), StoreError> {
        if self.count {
            self.last.store(commit_bytes(&commit), Ordering::Relaxed);
        }
        let t = Instant::now();
        let done = self.inner.commit_deferred(commit);
        self.deferred_total_ns
            .fetch_add(t.elapsed().as_nanos() as usize, Ordering::Relaxed);
        done
    }
    fn sync(&self) -> Result<(), StoreError> {
        let t = Instant::now();
        let done = self.inner.sync();
        self.sync_total_ns
            .fetch_add(t.elapsed().as_nanos() as usize, Ordering::Relaxed);
        done
    }
    fn sync_start(&self) -> Result<u64, StoreError> {
        self.inner.sync_start()
    }
    fn sync_wait(&self, ticket: u64) -> Result<(), StoreError> {
        let t = Instant::now();
        let done = self.inner.sync_wait(ticket);
        self.sync_total_ns
            .fetch_add(t.elapsed().as_nanos() as usize, Ordering::Relaxed);
        done
    }
    fn due_timers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<Timer>, StoreError> {
        self.inner.due_timers(now, limit)
    }
    fn timers(&self) -> Result<Vec<Timer>, StoreError> {
        self.inner.timers()
    }
    fn next_timer_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.inner.next_timer_at()
    }
    fn pending_outbox(&self, now: DateTime<Utc>) -> Result<Vec<OutboxEntry>, StoreError> {
        self.inner.pending_outbox(now)
    }
    fn outbox_entry(&self, key: &str) -> Result<Option<OutboxEntry>, StoreError> {
        self.inner.outbox_entry(key)
    }
    fn update_outbox(&self, entry: &OutboxEntry) -> Result<(), StoreError> {
        self.inner.update_outbox(entry)
    }
    fn all_cases(&self) -> Result<Vec<Case>, StoreError> {
        self.inner.all_cases()
    }
    fn evidence_of(&self, case: &CaseId) -> Result<Vec<EvidenceItem>, StoreError> {
        self.inner.evidence_of(case)
    }
    fn evidence_content(&self, case: &CaseId, seq: u32) -> Result<Option<Vec<u8>>, StoreError> {
        self.inner.evidence_content(case, seq)
    }
    fn erase_case(&self, case: &CaseId) -> Result<bool, StoreError> {
        self.inner.erase_case(case)
    }
    fn pseudonym(&self, case: &CaseId, person: &str) -> String {
        self.inner.pseudonym(case, person)
    }
    fn audit_log(&self) -> Result<Vec<AuditEntry>, StoreError> {
        self.inner.audit_log()
    }
    fn append_audit(&self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        self.inner.append_audit(entries)
    }
}

/// The messages of `persons` people walking the script, round robin.
fn messages(persons: usize) -> Vec<(PersonId, &'static str)> {
    messages_of(0..persons)
}

/// The messages of the people numbered `persons` walking the script, round robin.
fn messages_of(persons: std::ops::Range<usize>) -> Vec<(PersonId, &'static str)> {
    let mut out = Vec::new();
    for line in SCRIPT {
        for i in persons.clone() {
            out.push((PersonId::new(bench_person(i)), *line));
        }
    }
    out
}

/// The bytes each message's commit writes, from a counting pass on a memory store (the steps
/// are deterministic: fixed time, sequential case references).
fn bytes_per_message(config: &Config, msgs: &[(PersonId, &str)]) -> Vec<usize> {
    let mut d = driver(config, Counting::new(MemoryStore::new()));
    msgs.iter()
        .map(|(p, text)| {
            d.handle(p, text, monday()).expect("handled");
            d.store().last.load(Ordering::Relaxed)
        })
        .collect()
}

/// A raw sled database: the floor of a durable write of `n` bytes.
struct RawSled {
    db: sled::Db,
    key: u64,
    noise: Vec<u8>,
}

impl RawSled {
    fn open(dir: &Path) -> RawSled {
        RawSled {
            db: sled::Config::new()
                .path(dir)
                .open()
                .expect("raw sled opens"),
            key: 0,
            noise: Rng(0x5eed).bytes(1 << 20),
        }
    }
    fn write(&mut self, n: usize) {
        self.key += 1;
        let value = &self.noise[..n.saturating_sub(8).min(self.noise.len())];
        self.db
            .insert(self.key.to_be_bytes(), value)
            .expect("raw insert");
        self.db.flush().expect("raw flush");
    }
}

struct CommitResult {
    handle: Stats,
    raw: Stats,
    bytes_median: usize,
}

/// One measured step of the commit section, under its own name: a profiler can count the
/// instructions of exactly these calls (`valgrind --tool=callgrind --toggle-collect='*measured_step*'`).
#[inline(never)]
fn measured_step<S: Store>(d: &mut Driver<S>, person: &PersonId, text: &str) {
    d.handle(person, text, monday()).expect("handled");
}

fn bench_commit() -> CommitResult {
    println!("\n## commit: Driver::handle on SledStore (one step + durable commit) vs raw sled insert + flush of the same bytes");
    let persons = 24;
    // Another 24 persons walk the script first, through both, unmeasured: both start warm
    // (files and first segments made, allocator and caches in use), as in a running service.
    let config = config_with(2 * persons);
    let msgs = messages(persons);
    let bytes = bytes_per_message(&config, &msgs);
    let warm = messages_of(persons..2 * persons);
    let dir = fresh_dir("commit");
    let store = SledStore::open(&dir.join("data")).expect("store opens");
    let mut d = driver(&config, store);
    let mut raw = RawSled::open(&dir.join("raw"));
    for ((p, text), n) in warm.iter().zip(bytes_per_message(&config, &warm)) {
        d.handle(p, text, monday()).expect("handled");
        raw.write(n);
    }
    let (mut handle_t, mut raw_t) = (Vec::new(), Vec::new());
    for ((p, text), &n) in msgs.iter().zip(&bytes) {
        let t = Instant::now();
        measured_step(&mut d, p, text);
        handle_t.push(t.elapsed());
        let t = Instant::now();
        raw.write(n);
        raw_t.push(t.elapsed());
    }
    let mut sorted = bytes.clone();
    sorted.sort();
    let bytes_median = sorted[sorted.len() / 2];
    println!(
        "{} messages ({} persons × {} steps of the script, interleaved with the raw writes); committed bytes per step: median {}, min {}, max {}",
        msgs.len(),
        persons,
        SCRIPT.len(),
        bytes_median,
        sorted[0],
        sorted[sorted.len() - 1]
    );
    let handle = Stats::of(&handle_t);
    let raw = Stats::of(&raw_t);
    println!("Driver::handle (SledStore)      {}", handle.line());
    println!("baseline raw insert + flush     {}", raw.line());
    let r = ratio(handle.median, raw.median);
    println!(
        "ratio handle / raw: median {:.2}, total {:.2}  (target ≤ 1.5: {})",
        r,
        ratio(handle.total, raw.total),
        verdict(r <= 1.5)
    );
    // The steps' writes reach the store's trees at checkpoints: on the store's checkpoint
    // thread during the run (their time is in the figures above as far as they slow the steps)
    // and when the store closes. Closing it now adds the last one; counted whole against the
    // measured steps (it also holds some of the warm-up's), the ratio of totals errs high.
    let t = Instant::now();
    let store = closed(d);
    let close = t.elapsed();
    let teardown = timed_drop(store);
    println!(
        "closing the store (the last checkpoint, flush): {}; ratio of totals with it {:.2}; then sled's teardown of its handles: {}",
        show(close),
        ratio(handle.total + close, raw.total),
        show(teardown)
    );
    // Where the time goes: the same messages again, timing the store's commit inside handle.
    let mut d = driver(
        &config,
        Counting::timing(
            SledStore::open(&dir.join("breakdown")).expect("opens"),
            false,
        ),
    );
    let mut by_step: Vec<Vec<(Duration, Duration)>> = vec![Vec::new(); SCRIPT.len()];
    for (i, (p, text)) in msgs.iter().enumerate() {
        let t = Instant::now();
        d.handle(p, text, monday()).expect("handled");
        let all = t.elapsed();
        let commit = Duration::from_nanos(d.store().commit_ns.load(Ordering::Relaxed) as u64);
        by_step[i / persons].push((all, commit));
    }
    let all: Vec<(Duration, Duration)> = by_step.iter().flatten().copied().collect();
    println!(
        "breakdown: Store::commit inside handle {}; the rest (load, interpret, engine, render) {}",
        Stats::of(&all.iter().map(|x| x.1).collect::<Vec<_>>()).line(),
        Stats::of(
            &all.iter()
                .map(|x| x.0.saturating_sub(x.1))
                .collect::<Vec<_>>()
        )
        .line()
    );
    for (k, runs) in by_step.iter().enumerate() {
        let h = Stats::of(&runs.iter().map(|x| x.0).collect::<Vec<_>>());
        let c = Stats::of(&runs.iter().map(|x| x.1).collect::<Vec<_>>());
        println!(
            "  step {k:>2} {:>4?}: handle median {}, commit median {}, {} bytes",
            SCRIPT[k],
            show(h.median),
            show(c.median),
            bytes[k * persons]
        );
    }
    CommitResult {
        handle,
        raw,
        bytes_median,
    }
}

// ---------------------------------------------------------------------------------------------
// throughput

/// Close a driver's store as the figures count it: the writer done with every commit, the last
/// checkpoint written and flushed (`SledStore::close`): all the steps' work is in the trees and
/// durable. The store comes back to be dropped apart: dropping it releases sled's handles, and
/// sled flushes each tree again and joins its own flusher thread, a fixed cost of closing a
/// database rather than of the steps, timed and printed on its own.
fn closed<S>(d: Driver<S>) -> S
where
    S: Store + Closing,
{
    let mut store = d.into_store();
    store.close_store();
    store
}

/// The stores the throughput runs close explicitly.
trait Closing {
    fn close_store(&mut self);
}

impl Closing for SledStore {
    fn close_store(&mut self) {
        self.close().expect("the store closes");
    }
}

/// The time `drop` takes (for sled's teardown).
fn timed_drop<T>(value: T) -> Duration {
    let t = Instant::now();
    drop(value);
    t.elapsed()
}

fn bench_throughput(engine: Option<&EngineResult>) {
    println!("\n## throughput: many persons' messages back to back");
    let persons = 100;
    let config = config_with(persons);
    let msgs = messages(persons);
    let bytes = bytes_per_message(&config, &msgs);

    let dir = fresh_dir("throughput");
    // Every SledStore run below is timed up to the store's close, which checkpoints: the steps'
    // writes to the trees are part of their cost. sled's teardown after it is timed apart.
    let mut teardowns = Vec::new();
    let mut d = driver(&config, SledStore::open(&dir.join("data")).expect("opens"));
    let t = Instant::now();
    for (p, text) in &msgs {
        d.handle(p, text, monday()).expect("handled");
    }
    let store = closed(d);
    let sled_t = t.elapsed();
    teardowns.push(timed_drop(store));

    let mut raw = RawSled::open(&dir.join("raw"));
    let t = Instant::now();
    for &n in &bytes {
        raw.write(n);
    }
    let raw_t = t.elapsed();

    let mut m = driver(&config, MemoryStore::new());
    let t = Instant::now();
    for (p, text) in &msgs {
        m.handle(p, text, monday()).expect("handled");
    }
    let mem_t = t.elapsed();

    // Group commit: the same messages in batches, one flush per batch, replies after it.
    let owned: Vec<(PersonId, String)> = msgs
        .iter()
        .map(|(p, text)| (p.clone(), text.to_string()))
        .collect();
    let mut batched = Vec::new();
    for round in 0..ROUNDS {
        let mut b = driver(
            &config,
            SledStore::open(&dir.join(format!("batched-{round}"))).expect("opens"),
        );
        let t = Instant::now();
        for chunk in owned.chunks(BATCH) {
            for replies in b.handle_batch(chunk, monday()).expect("flushed") {
                std::hint::black_box(replies.expect("handled"));
            }
        }
        let store = closed(b);
        batched.push(t.elapsed());
        teardowns.push(timed_drop(store));
    }
    batched.sort();
    let batch_t = batched[ROUNDS / 2];
    // Pipelined group commit (as the service runs it): a batch's flush is asked for, the next
    // batch is stepped meanwhile, and the first batch's replies are released after its flush.
    let mut pipelined = Vec::new();
    for round in 0..ROUNDS {
        let mut b = driver(
            &config,
            SledStore::open(&dir.join(format!("pipelined-{round}"))).expect("opens"),
        );
        let t = Instant::now();
        let mut waiting = None;
        for chunk in owned.chunks(BATCH) {
            b.begin_batch();
            let replies: Vec<_> = chunk
                .iter()
                .map(|(p, text)| b.handle(p, text, monday()))
                .collect();
            let ticket = b.finish_batch_later().expect("flush asked for");
            if let Some((ticket, replies)) = waiting.replace((ticket, replies)) {
                b.wait_flushed(ticket).expect("flushed");
                std::hint::black_box(replies);
            }
        }
        if let Some((ticket, replies)) = waiting {
            b.wait_flushed(ticket).expect("flushed");
            std::hint::black_box(replies);
        }
        let store = closed(b);
        pipelined.push(t.elapsed());
        teardowns.push(timed_drop(store));
    }
    pipelined.sort();
    let pipelined_t = pipelined[ROUNDS / 2];
    // Where a batched run's time goes: the same again through a timing wrapper.
    let mut b = driver(
        &config,
        Counting::timing(
            SledStore::open(&dir.join("batched-breakdown")).expect("opens"),
            false,
        ),
    );
    let t = Instant::now();
    for chunk in owned.chunks(BATCH) {
        for replies in b.handle_batch(chunk, monday()).expect("flushed") {
            std::hint::black_box(replies.expect("handled"));
        }
    }
    let all = t.elapsed();
    let ns = |a: &AtomicUsize| Duration::from_nanos(a.load(Ordering::Relaxed) as u64);
    let (deferred, sync) = (
        ns(&b.store().deferred_total_ns),
        ns(&b.store().sync_total_ns),
    );
    println!(
        "batched breakdown (one more run, {}): commit_deferred {} ({:.1} µs per step), sync {} ({} flushes), the rest {} ({:.1} µs per step)",
        show(all),
        show(deferred),
        deferred.as_secs_f64() * 1e6 / msgs.len() as f64,
        show(sync),
        msgs.len().div_ceil(BATCH),
        show(all.saturating_sub(deferred + sync)),
        all.saturating_sub(deferred + sync).as_secs_f64() * 1e6 / msgs.len() as f64,
    );

    let rate = |d: Duration| msgs.len() as f64 / d.as_secs_f64();
    println!(
        "{} messages: {} persons × {} steps of the script, round robin, on one thread",
        msgs.len(),
        persons,
        SCRIPT.len()
    );
    println!(
        "Driver::handle, SledStore, one fsync'ed commit per step: {:>8.0} steps/s  ({} total)",
        rate(sled_t),
        show(sled_t)
    );
    println!(
        "baseline raw sled insert + flush, same bytes:            {:>8.0} writes/s  → ratio {:.2}",
        rate(raw_t),
        rate(sled_t) / rate(raw_t)
    );
    println!(
        "Driver::handle, MemoryStore (no I/O):                    {:>8.0} steps/s",
        rate(mem_t)
    );
    if let Some(e) = engine {
        println!(
            "engine::step alone (from the engine section):           {:>8.0} steps/s",
            1.0 / e.step.median.as_secs_f64()
        );
    }
    println!(
        "Driver::handle_batch, SledStore, {BATCH} steps per flush:   {:>8.0} steps/s  (median of {ROUNDS}: {})",
        rate(batch_t),
        batched.iter().map(|d| show(*d)).collect::<Vec<_>>().join(", ")
    );
    println!(
        "Driver::handle_batch pipelined (next batch stepped while one flushes), {BATCH} per flush: {:>8.0} steps/s  (median of {ROUNDS}: {})",
        rate(pipelined_t),
        pipelined.iter().map(|d| show(*d)).collect::<Vec<_>>().join(", ")
    );
    teardowns.sort();
    let teardown = teardowns[teardowns.len() / 2];
    println!(
        "sled's teardown after a close (flushes each tree again, joins its flusher; not counted above): median {}; pipelined with it: {:>8.0} steps/s",
        show(teardown),
        rate(pipelined_t + teardown)
    );
    let best = rate(pipelined_t).max(rate(batch_t));
    println!(
        "target ≥ 20 000 durable steps/s (group commit): {}",
        verdict(best >= 20_000.0)
    );
}

// ---------------------------------------------------------------------------------------------
// restart

fn restart_dir() -> PathBuf {
    work_dir().join(format!("restart-{CASES}-v{}", fyr::store::SCHEMA_VERSION))
}

/// Build the folder with 10 000 open cases and 100 000 pending timers, once. Cases and
/// conversations are the ones a real walk produces (consent given, manager notified), copied
/// for 5 000 employees with two cases each. The keyring is written in one go (through the
/// vault's own sealing), and the records through `Store::commit` in batches.
fn build_restart_folder(dir: &Path) {
    let marker = dir.join("complete");
    if marker.exists() {
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("creatable");
    println!("building {} (once; reused by later runs)…", dir.display());
    let started = Instant::now();
    std::fs::write(dir.join("bot.toml"), config_text(OWNERS)).expect("writable");
    let templates: Vec<(Case, Conversation)> = ["se-employee", "dk-employee"]
        .iter()
        .map(|who| {
            let config = config_with(0);
            let person = PersonId::new(*who);
            let (_, store) = captured_walk(&config, &person);
            let case = store.all_cases().expect("reads").remove(0);
            let conv = store
                .load_conversation(&person)
                .expect("reads")
                .expect("walked");
            (case, conv)
        })
        .collect();
    let data = dir.join("data");
    let key_file = dir.join("data.key");
    drop(SledStore::open_with_key_file(&data, &key_file).expect("creates"));
    let (master, _) = vault::load_or_create_key(&key_file, false).expect("the key just made");
    let ids: Vec<CaseId> = (0..CASES)
        .map(|i| CaseId::new(format!("F-9{:03}-{:04}", i / 10_000, i % 10_000)))
        .collect();
    let mut rng = Rng(0xfeed_beef);
    let ring: Vec<(String, String)> = ids
        .iter()
        .map(|id| {
            let key: vault::Key = rng.bytes(32).try_into().expect("32 bytes");
            (
                id.to_string(),
                vault::wrap_case_key(&master, id.as_str(), &key),
            )
        })
        .collect();
    vault::write_keyring(
        &data.join("keyring"),
        &master,
        ring.iter().map(|(c, w)| (c.as_str(), w.as_str())),
    )
    .expect("writable");
    let store = SledStore::open_with_key_file(&data, &key_file).expect("reopens");
    let kinds = [
        TimerKind::Remind {
            track: TrackKind::Manager,
            stage: 1,
        },
        TimerKind::Advance {
            track: TrackKind::Manager,
            stage: 1,
        },
        TimerKind::Remind {
            track: TrackKind::SafetyRep,
            stage: 0,
        },
        TimerKind::Advance {
            track: TrackKind::SafetyRep,
            stage: 0,
        },
        TimerKind::CheckIn { n: 1 },
        TimerKind::CheckIn { n: 2 },
        TimerKind::FollowUp { n: 0 },
        TimerKind::FollowUp { n: 1 },
        TimerKind::Duty {
            duty: Duty::WorkEnvironmentAuthority,
            n: 1,
        },
        TimerKind::Duty {
            duty: Duty::Registration,
            n: 1,
        },
    ];
    assert_eq!(kinds.len(), TIMERS_PER_CASE);
    let numbered: Vec<(usize, &CaseId)> = ids.iter().enumerate().collect();
    for chunk in numbered.chunks(250) {
        let mut commit = Commit::default();
        for &(n, id) in chunk {
            let owner = n % OWNERS;
            let (template, conv) = &templates[owner % 2];
            let mut case = template.clone();
            case.id = id.clone();
            case.owner = PersonId::new(bench_person(owner));
            let opened = timers_base() - chrono::Duration::days(1 + (n % 60) as i64);
            case.opened_at = opened;
            case.updated_at = opened;
            let mut conv = conv.clone();
            conv.person = case.owner.clone();
            conv.case = Some(id.clone());
            for kind in &kinds {
                let at = timers_base() + chrono::Duration::minutes(rng.below(90 * 24 * 60) as i64);
                commit.timers.push(TimerOp::Set(Timer {
                    key: engine::timer_key(id, kind),
                    at,
                    case: id.clone(),
                    kind: kind.clone(),
                }));
            }
            for action in ["step", "notified", "acknowledged"] {
                commit.audit.push(AuditEntry {
                    at: opened,
                    who: case.owner.to_string(),
                    action: action.to_string(),
                    case: Some(id.clone()),
                    place: None,
                });
            }
            commit.conversations.push(conv);
            commit.cases.push(case);
        }
        store.commit(commit).expect("bulk commit");
    }
    assert_eq!(
        store.timers().expect("reads").len(),
        CASES * TIMERS_PER_CASE
    );
    drop(store);
    std::fs::write(&marker, "").expect("writable");
    println!(
        "built in {:.1} s; data folder {:.1} MB",
        started.elapsed().as_secs_f64(),
        dir_size(&data) as f64 / 1e6
    );
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("creatable");
    for entry in std::fs::read_dir(from).expect("readable").flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().expect("stat").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copyable");
        }
    }
}

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// In a child process: start as the service does, print `ready`, answer one message, print
/// the peak RSS.
fn child_ready(dir: &Path) {
    let t0 = Instant::now();
    let config = Config::load(&dir.join("bot.toml")).expect("config loads");
    let t_config = t0.elapsed();
    let store =
        SledStore::open_with_key_file(&dir.join("data"), &dir.join("data.key")).expect("opens");
    let t_open = t0.elapsed();
    let localizer = Localizer::new().expect("locales");
    let t_locales = t0.elapsed();
    let mut d = Driver::new(config, store, localizer, Box::new(RandomCaseIds));
    let now = timers_base() - chrono::Duration::hours(1);
    let tick = d.tick(now, &mut NullSink).expect("tick");
    let next = d.store().next_timer_at().expect("next timer");
    let ready = t0.elapsed();
    println!(
        "ready {} config {} open {} locales {}",
        ready.as_micros(),
        t_config.as_micros(),
        (t_open - t_config).as_micros(),
        (t_locales - t_open).as_micros()
    );
    std::io::stdout().flush().ok();
    let hwm_ready = status_kb("VmHWM:");
    let person = PersonId::new(bench_person(0));
    let t = Instant::now();
    let replies = d.handle(&person, "hjälp", now).expect("answers");
    let answer = t.elapsed();
    println!(
        "answer {} replies {} fired {} next {}",
        answer.as_micros(),
        replies.len(),
        tick.timers_fired,
        next.is_some()
    );
    println!(
        "rss hwm_ready {} hwm {} rss {}",
        hwm_ready,
        status_kb("VmHWM:"),
        status_kb("VmRSS:")
    );
}

struct ChildRun {
    /// Spawn to the `ready` line, seen from the parent.
    wall: Duration,
    /// Loading bot.toml, opening the store, loading the translations (in the child).
    parts: [Duration; 3],
    /// Inside the child, from main to ready.
    inner: Duration,
    answer: Duration,
    hwm_ready_kb: u64,
    hwm_kb: u64,
}

fn run_child(mode: &str, dir: &Path) -> ChildRun {
    let exe = std::env::current_exe().expect("the bench binary");
    let start = Instant::now();
    let mut child = Command::new(exe)
        .env(CHILD, format!("{mode}:{}", dir.display()))
        .stdout(Stdio::piped())
        .spawn()
        .expect("the child starts");
    let out = child.stdout.take().expect("piped");
    let mut lines = BufReader::new(out).lines();
    let ready_line = lines.next().expect("a ready line").expect("utf-8");
    let wall = start.elapsed();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let status = child.wait().expect("the child ends");
    assert!(status.success(), "the child failed: {rest:?}");
    let num = |line: &str, key: &str| -> u64 {
        let words: Vec<&str> = line.split_whitespace().collect();
        words
            .iter()
            .position(|w| *w == key)
            .and_then(|i| words.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{key} in {line}"))
    };
    ChildRun {
        wall,
        inner: Duration::from_micros(num(&ready_line, "ready")),
        parts: ["config", "open", "locales"].map(|k| Duration::from_micros(num(&ready_line, k))),
        answer: Duration::from_micros(num(&rest[0], "answer")),
        hwm_ready_kb: num(&rest[1], "hwm_ready"),
        hwm_kb: num(&rest[1], "hwm"),
    }
}

fn bench_restart() {
    println!(
        "\n## restart: {CASES} open cases + {} pending timers, reopen to ready",
        CASES * TIMERS_PER_CASE
    );
    let built = restart_dir();
    build_restart_folder(&built);
    // Measure on a copy, so the answered message does not change the cached folder.
    let big = fresh_dir("restart-copy");
    copy_dir(&built, &big);
    let empty = fresh_dir("restart-empty");
    std::fs::copy(built.join("bot.toml"), empty.join("bot.toml")).expect("copyable");
    drop(
        SledStore::open_with_key_file(&empty.join("data"), &empty.join("data.key"))
            .expect("creates"),
    );
    println!(
        "data folder {:.1} MB, bot.toml with {} persons; ready = bot.toml loaded, store opened (keyring of {CASES} case keys), translations loaded, first tick (due timers, pending outbox), next timer known; warm page cache",
        dir_size(&big.join("data")) as f64 / 1e6,
        OWNERS + 13
    );
    let (mut big_runs, mut empty_runs) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        empty_runs.push(run_child("ready", &empty));
        big_runs.push(run_child("ready", &big));
    }
    let report = |name: &str, runs: &[ChildRun]| {
        let wall = Stats::of(&runs.iter().map(|r| r.wall).collect::<Vec<_>>());
        let inner = Stats::of(&runs.iter().map(|r| r.inner).collect::<Vec<_>>());
        let answer = Stats::of(&runs.iter().map(|r| r.answer).collect::<Vec<_>>());
        let hwm = runs.iter().map(|r| r.hwm_kb).max().unwrap_or(0);
        let hwm_ready = runs.iter().map(|r| r.hwm_ready_kb).max().unwrap_or(0);
        let part =
            |i: usize| Stats::of(&runs.iter().map(|r| r.parts[i]).collect::<Vec<_>>()).median;
        println!(
            "{name}: spawn→ready median {} (in-process {}: bot.toml {}, store open {}, translations {}), first answer {}, peak RSS {:.1} MB at ready, {:.1} MB after the answer",
            show(wall.median),
            show(inner.median),
            show(part(0)),
            show(part(1)),
            show(part(2)),
            show(answer.median),
            hwm_ready as f64 / 1024.0,
            hwm as f64 / 1024.0
        );
        (wall.median, hwm)
    };
    let (empty_wall, empty_hwm) = report("baseline, empty data folder", &empty_runs);
    let (big_wall, big_hwm) = report("10 000 cases / 100 000 timers", &big_runs);
    println!(
        "ratio ready time {:.2}, RSS {:.2} (vs the empty folder)",
        ratio(big_wall, empty_wall),
        big_hwm as f64 / empty_hwm.max(1) as f64
    );
    println!(
        "target ready < 2 s: {}; target RSS < 200 MB: {}",
        verdict(big_wall < Duration::from_secs(2)),
        verdict(big_hwm < 200 * 1024)
    );
}

// ---------------------------------------------------------------------------------------------
// console

/// Spawn a command and time it until its first line on stdout.
fn first_line(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawns");
    let mut out = BufReader::new(child.stdout.take().expect("piped"));
    let mut line = String::new();
    out.read_line(&mut line).expect("reads");
    let took = start.elapsed();
    drop(child.stdin.take());
    let _ = std::io::copy(&mut out, &mut std::io::sink());
    let _ = child.wait();
    took
}

fn bench_console() {
    println!("\n## console: `fyr chat` start to its first output line");
    let bin = root().join("target/release/fyr");
    let Ok(meta) = std::fs::metadata(&bin) else {
        println!(
            "skipped: {} is missing; build it with `cargo build --release --no-default-features --bin fyr`",
            bin.display()
        );
        return;
    };
    // Which build is it? A fyr without chat adapters says so when asked to run.
    let probe = fresh_dir("console-probe");
    let run = Command::new(&bin)
        .args(["run", "--config"])
        .arg(root().join("bot.toml"))
        .arg("--data")
        .arg(probe.join("data"))
        .output()
        .expect("fyr runs");
    let adapters = if String::from_utf8_lossy(&run.stderr).contains("without chat adapters") {
        "no chat adapters (--no-default-features)"
    } else {
        "with chat adapters (default features)"
    };
    println!(
        "binary {} ({:.1} MB, {adapters}); stdin is a pipe, so the first line is the greeting, after the start-up tick and one durable commit",
        bin.display(),
        meta.len() as f64 / 1e6
    );
    let dir = fresh_dir("console");
    let chat = |data: &Path| {
        let mut c = Command::new(&bin);
        c.args(["chat", "--config"])
            .arg(root().join("bot.toml"))
            .arg("--data")
            .arg(data)
            .current_dir(&dir);
        c
    };
    let first = first_line(&mut chat(&dir.join("first")));
    let data = dir.join("data");
    first_line(&mut chat(&data));
    let (mut fyr_t, mut echo_t) = (Vec::new(), Vec::new());
    for _ in 0..20 {
        fyr_t.push(first_line(&mut chat(&data)));
        echo_t.push(first_line(Command::new("echo").arg("hej")));
    }
    let fyr_s = Stats::of(&fyr_t);
    let echo_s = Stats::of(&echo_t);
    println!(
        "first start (creates the data folder and key): {}",
        show(first)
    );
    println!("fyr chat, existing data folder   {}", fyr_s.line());
    println!("baseline: spawn `echo hej`       {}", echo_s.line());
    println!(
        "ratio {:.1}; target < 100 ms: {}",
        ratio(fyr_s.median, echo_s.median),
        verdict(fyr_s.median < Duration::from_millis(100))
    );
}

// ---------------------------------------------------------------------------------------------
// flood

#[derive(Clone, Default)]
struct Recording(Arc<Mutex<Vec<(Instant, PersonId)>>>);

impl Outlet for Recording {
    fn reaches(&self, _: &Person) -> bool {
        true
    }
    fn send(
        &mut self,
        to: &Person,
        _: Option<&str>,
        _: &Rendered,
        _: Option<&str>,
        _: Option<&str>,
    ) -> Result<(), String> {
        self.0
            .lock()
            .map_err(|_| "poisoned".to_string())?
            .push((Instant::now(), to.id.clone()));
        Ok(())
    }
    fn send_text(&mut self, _: &str, _: &str) -> Result<(), String> {
        Ok(())
    }
}

fn envelope(person: &PersonId, text: &str) -> Envelope {
    Envelope {
        adapter: 0,
        via: format!("room-{person}"),
        from: From::Person(person.clone()),
        what: What::Text(text.to_string()),
    }
}

/// One run of the service thread: `others` people write in turn every 20 ms; with `flood`, one
/// more person sends 10 000 messages in bursts over the same time. Returns the others' reply
/// latencies and what the flooder got.
fn flood_run(config: &Arc<Config>, others: usize, flood: bool, n: usize) -> (Vec<Duration>, usize) {
    let dir = fresh_dir(if flood { "flood-on" } else { "flood-off" });
    let store = SledStore::open(&dir.join("data")).expect("opens");
    let sent = Recording::default();
    let (tx, rx) = mpsc::channel();
    let outlet = sent.clone();
    let cfg = config.clone();
    let service = std::thread::spawn(move || driver_loop(cfg, store, vec![Box::new(outlet)], rx));
    let flooder = PersonId::new("se-employee");
    let flood_thread = flood.then(|| {
        let tx = tx.clone();
        let flooder = flooder.clone();
        std::thread::spawn(move || {
            for _ in 0..100 {
                for _ in 0..100 {
                    let _ = tx.send(envelope(&flooder, "hjälp"));
                }
                std::thread::sleep(Duration::from_millis(n as u64 * 20 / 100));
            }
        })
    });
    let mut asked = Vec::new();
    for k in 0..n {
        let p = PersonId::new(bench_person(k % others));
        asked.push((Instant::now(), p.clone()));
        tx.send(envelope(&p, "hej")).expect("the service listens");
        std::thread::sleep(Duration::from_millis(20));
    }
    if let Some(t) = flood_thread {
        t.join().expect("the flooder ends");
    }
    drop(tx);
    service.join().expect("the service ends");
    let sent = sent.0.lock().expect("not poisoned");
    let mut claimed = vec![false; sent.len()];
    let mut latencies = Vec::new();
    for (at, p) in &asked {
        let found = sent
            .iter()
            .enumerate()
            .find(|(i, (t, to))| !claimed[*i] && to == p && t >= at);
        if let Some((i, (t, _))) = found {
            claimed[i] = true;
            latencies.push(*t - *at);
        }
    }
    assert_eq!(latencies.len(), asked.len(), "everyone else was answered");
    let to_flooder = sent.iter().filter(|(_, to)| *to == flooder).count();
    (latencies, to_flooder)
}

fn bench_flood() {
    println!(
        "\n## flood: others' reply latency through the service thread (driver_loop, SledStore)"
    );
    let others = 20;
    let n = 60;
    let config = Arc::new(config_with(others));
    let (mut off, mut on) = (Vec::new(), Vec::new());
    let mut flooder_replies = Vec::new();
    for _ in 0..2 {
        off.extend(flood_run(&config, others, false, n).0);
        let (l, f) = flood_run(&config, others, true, n);
        on.extend(l);
        flooder_replies.push(f);
    }
    println!(
        "{others} persons write \"hej\" in turn every 20 ms ({n} messages per run, 2 runs per condition, alternating); the flood: 10 000 messages from se-employee in 100 bursts over the same {:.1} s",
        n as f64 * 0.02
    );
    let off_s = Stats::of(&off);
    let on_s = Stats::of(&on);
    println!("baseline, no flood        {}", off_s.line());
    println!("during the flood          {}", on_s.line());
    println!(
        "ratio flood / no flood: median {:.2}, p99 {:.2}; messages sent to the flooder per run: {:?} (expected: the burst of 10 answered, then 1 more a second, each run of drops announced by one slow-down)",
        ratio(on_s.median, off_s.median),
        ratio(on_s.p99, off_s.p99),
        flooder_replies
    );
}

// ---------------------------------------------------------------------------------------------

/// Other work on the machine skews every figure: say how busy it was.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn main() {
    if let Ok(spec) = std::env::var(CHILD) {
        if let Some(dir) = spec.strip_prefix("ready:") {
            child_ready(Path::new(dir));
        }
        return;
    }
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let on = |name: &str| wanted.is_empty() || wanted.iter().any(|w| name.contains(w.as_str()));
    println!(
        "Fyr core benchmarks — {} logical CPUs, {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        if cfg!(debug_assertions) {
            "DEBUG build (figures not representative)"
        } else {
            "release build"
        }
    );
    println!("load average at the start: {}", load_average());
    let started = Instant::now();
    let engine = on("engine").then(bench_engine);
    if on("commit") {
        let c = bench_commit();
        println!(
            "(per step: handle {} vs raw {} for {} bytes)",
            show(c.handle.median),
            show(c.raw.median),
            c.bytes_median
        );
    }
    if on("seal") {
        bench_seal();
    }
    if on("sled") {
        bench_sled();
    }
    if on("throughput") {
        bench_throughput(engine.as_ref());
    }
    if on("restart") {
        bench_restart();
    }
    if on("console") {
        bench_console();
    }
    if on("flood") {
        bench_flood();
    }
    println!(
        "\nall sections in {:.1} s; load average at the end: {}",
        started.elapsed().as_secs_f64(),
        load_average()
    );
}

// ---------------------------------------------------------------------------------------------
// seal

/// What sealing one value costs, by size, with the poly1305 backend this build has.
fn bench_seal() {
    println!(
        "\n## seal: one XChaCha20-Poly1305 seal (poly1305 backend: {})",
        if cfg!(poly1305_force_soft) {
            "portable, set in .cargo/config.toml"
        } else {
            "the crate's choice (AVX2 where the CPU has it)"
        }
    );
    let key = [7u8; 32];
    for size in [64usize, 256, 1024, 4096] {
        let plain = Rng(size as u64).bytes(size);
        let rounds: Vec<Duration> = (0..5)
            .map(|_| {
                let t = Instant::now();
                for _ in 0..20_000 {
                    std::hint::black_box(fyr::store::vault::seal_with(&key, &plain, b"bench"));
                }
                t.elapsed() / 20_000
            })
            .collect();
        let best = rounds.iter().min().copied().unwrap_or_default();
        println!(
            "{size:>5} bytes: {} per seal (best of 5 rounds of 20 000)",
            show(best)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// sled

type TxResult = Result<(), sled::transaction::ConflictableTransactionError<()>>;

/// Where a durable commit's time goes in sled itself: the same few hundred bytes written as one
/// insert, as inserts into five trees, and as a transaction over nine trees like
/// `SledStore::commit` (sled rolls its log buffer before a transaction's batch manifest).
fn bench_sled() {
    use sled::Transactional;
    println!("\n## sled: the cost of a multi-tree transaction (the shape of SledStore::commit)");
    let dir = fresh_dir("sled");
    let db = sled::Config::new()
        .path(dir.join("db"))
        .open()
        .expect("sled opens");
    let t: Vec<sled::Tree> = (0..9)
        .map(|i| db.open_tree(format!("t{i}")).expect("tree"))
        .collect();
    let noise = Rng(1).bytes(1000);
    let mut k = 0u64;
    let mut run = |name: &str, f: &mut dyn FnMut(u64)| -> Duration {
        let mut v = Vec::new();
        for _ in 0..300 {
            k += 1;
            let start = Instant::now();
            f(k);
            v.push(start.elapsed());
        }
        let s = Stats::of(&v);
        println!("{name:<48} {}", s.line());
        s.median
    };
    let one = run("1 insert of 1000 B + flush (baseline)", &mut |k| {
        db.insert(k.to_be_bytes(), &noise[..]).expect("insert");
        db.flush().expect("flush");
    });
    let five = run("5 inserts of 200 B in 5 trees + flush", &mut |k| {
        for tree in &t[..5] {
            tree.insert(k.to_be_bytes(), &noise[..200]).expect("insert");
        }
        db.flush().expect("flush");
    });
    let (t, noise, db) = (&t, &noise, &db);
    let tx = |flush: bool| {
        move |k: u64| {
            (
                &t[0], &t[1], &t[2], &t[3], &t[4], &t[5], &t[6], &t[7], &t[8],
            )
                .transaction(|(a, b, c, d, e, _, _, _, _)| -> TxResult {
                    for tree in [a, b, c, d, e] {
                        tree.insert(&k.to_be_bytes(), &noise[..200])?;
                    }
                    Ok(())
                })
                .expect("transaction");
            if flush {
                db.flush().expect("flush");
            }
        }
    };
    let txf = run("the same in a 9-tree transaction + flush", &mut tx(true));
    let txn = run("the same in a 9-tree transaction, no flush", &mut tx(false));
    println!(
        "ratios to the baseline: 5 trees {:.2}, transaction + flush {:.2}, transaction alone {:.2}",
        ratio(five, one),
        ratio(txf, one),
        ratio(txn, one)
    );
}
