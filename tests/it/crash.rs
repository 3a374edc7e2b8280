//! The crash suite (issue 9): the real `fyr chat` binary (console, scripted, simulated clock,
//! sled on disk) runs a multi-person flow — two employees in two countries seal notes, a link
//! and a file, consent to notifications, escalations run, deputies and safety reps acknowledge,
//! check-ins, duties and follow-ups come due over thirteen weeks — and is killed with SIGKILL at
//! random points and started again, over and over. After every kill the data folder is opened
//! and checked:
//!
//! - it is exactly at a line boundary of the script: its conversations, cases, evidence and
//!   pending timers equal those of a reference run (the same script through the library, no
//!   kills) before or after the line that was running — so no timer is lost or fired twice and
//!   no step is half-committed;
//! - every evidence item the user was told was saved ("Sparat som nummer 2 i ärende …
//!   (fingeravtryck ab12…)") exists with that number and fingerprint;
//! - the console's delivery record (`--deliveries`: what the user was shown, by outbox key)
//!   holds no key twice and no notification the reference did not send.
//!
//! When the script has run to its end, the whole record must equal the reference's
//! notifications — nothing lost, nothing twice — and a new pass starts in a fresh folder.
//! `cargo test crash` runs 30 cycles (`FYR_CRASH_CYCLES`, `FYR_CRASH_SEED` to change);
//! `cargo build --bin fyr && cargo run --example crash -- --cycles 200` is the full run. A
//! failure names its seed so it can be replayed.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use fyr::config::Config;
use fyr::driver::{Deliver, DeliveryError, Driver, SequentialCaseIds};
use fyr::engine::{Arg, Msg};
use fyr::i18n::{Localizer, Rendered};
use fyr::model::{CaseId, Language, PersonId};
use fyr::store::{MemoryStore, SledStore, Store};

/// One line of the script.
#[derive(Clone, Copy, Debug)]
enum Line {
    /// A message from whoever is typing: an answer, or a note Fyr seals as evidence.
    Say(&'static str),
    /// `/as ID`
    As(&'static str),
    /// `/advance D`, with D in minutes for the harness's own clock.
    Advance(&'static str, i64),
    /// `/file PATH` with the evidence file.
    File,
}

const EVIDENCE_FILE: &[u8] = b"Skarmdump: \"jag vet var du bor\" (mejl 2026-03-02 07:58)\n";

/// Two employees, two units, nine people, thirteen weeks.
const SCRIPT: &[Line] = &[
    // Sara (Sweden) was threatened; she seals a note, a link and a file, and asks her manager
    // to call her today.
    Line::Say("2"),
    Line::Say("1"),
    Line::Say("2"),
    Line::Say("4"),
    Line::Say("Han ringde 09.10 och sa att han vet var jag bor."),
    Line::Say("https://example.org/inlagg/123"),
    Line::File,
    Line::Say("1"),
    Line::Say("1"),
    Line::Say("2"),
    Line::Say("2"),
    Line::Say("1"),
    Line::Say("2"),
    Line::Say("1"),
    Line::Say("1"),
    Line::Say("1"),
    // Dorthe (Denmark) was exposed online; she seals a note and tells her manager and safety
    // representative.
    Line::As("dk-employee"),
    Line::Say(""),
    Line::Say("2"),
    Line::Say("3"),
    Line::Say("1"),
    Line::Say("4"),
    Line::Say("Skærmbillede af opslaget kl. 10.02"),
    Line::Say("1"),
    Line::Say("1"),
    Line::Say("2"),
    Line::Say("2"),
    Line::Say("1"),
    Line::Say("2"),
    Line::Say("3"),
    Line::Say("1"),
    Line::Say("1"),
    // Nobody answers Sara's manager: a reminder, then the deputy, who acknowledges.
    Line::Advance("30m", 30),
    Line::Advance("30m", 30),
    Line::As("se-deputy"),
    Line::Say("1"),
    // Reminders in Denmark; the safety rep acknowledges; a day later the deputy is asked and
    // the manager acknowledges.
    Line::Advance("4h", 240),
    Line::As("dk-safety-rep"),
    Line::Say("1"),
    Line::Advance("1d", 24 * 60),
    Line::As("dk-manager"),
    Line::Say("1"),
    // Check-ins, duty reminders and follow-ups over the weeks; Sara answers one.
    Line::Advance("1w", 7 * 24 * 60),
    Line::As("se-employee"),
    Line::Say("1"),
    Line::Advance("13w", 13 * 7 * 24 * 60),
    Line::As("dk-employee"),
    Line::Say("1"),
];

const FIRST_SPEAKER: &str = "se-employee";

fn start_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

pub struct Options {
    pub cycles: usize,
    pub seed: u64,
    /// The `fyr` binary.
    pub fyr: PathBuf,
    /// The bot.toml to run with.
    pub config: PathBuf,
    /// Print one line per cycle.
    pub verbose: bool,
}

/// What a run did and found.
#[derive(Debug, Default)]
pub struct Report {
    pub seed: u64,
    pub cycles: usize,
    pub kills: usize,
    /// Kills that hit a process before it had read the first line.
    pub kills_at_start: usize,
    /// Whole passes through the script (each ends with the full comparison).
    pub passes: usize,
    pub lines_run: usize,
    /// Evidence confirmations seen, and how many checks of them against the store were made.
    pub items_confirmed: usize,
    pub item_checks: usize,
    /// Notifications shown (distinct keys), and pending timers compared with the reference.
    pub notifications: usize,
    pub timer_checks: usize,
    /// Notifications the outbox offered again after a kill although they had been shown; the
    /// console's record showed none of them twice.
    pub reoffered: usize,
    /// Kills after which a line was found committed although its reply had not been printed.
    pub committed_unseen: usize,
    pub duplicates: usize,
    pub elapsed: Duration,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "seed {}: {} cycles, {} kills ({} during start-up), {} whole passes, {} script lines run; \
             {} evidence confirmations, checked {} times, none missing; {} notifications shown, \
             {} offered again after a kill, {} shown twice; {} pending timers compared, none lost; \
             {} lines committed before their reply was printed; {:.1} s",
            self.seed,
            self.cycles,
            self.kills,
            self.kills_at_start,
            self.passes,
            self.lines_run,
            self.items_confirmed,
            self.item_checks,
            self.notifications,
            self.reoffered,
            self.duplicates,
            self.timer_checks,
            self.committed_unseen,
            self.elapsed.as_secs_f64()
        )
    }
}

/// A small, seedable random number generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..=max
    fn upto(&mut self, max: u64) -> u64 {
        self.next() % (max + 1)
    }
}

/// A seed from the clock, for runs that were not given one.
pub fn fresh_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
}

/// The store's state that must survive a crash: conversations, cases, evidence and pending
/// timers, with case references replaced by their owner (the binary draws random references,
/// the reference run sequential ones). Without the `updated_at` of conversations and cases:
/// every restart opens the chat for whoever is typing (as `fyr chat` does), which is activity
/// the reference run does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
struct State {
    lines: Vec<String>,
    timers: BTreeSet<String>,
}

/// Case reference → a neutral name from its owner.
fn case_names<S: Store>(store: &S) -> Result<Vec<(String, String)>, String> {
    Ok(store
        .all_cases()
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|c| (c.id.to_string(), format!("<case of {}>", c.owner)))
        .collect())
}

fn rename(text: &str, names: &[(String, String)]) -> String {
    let mut text = text.to_string();
    for (id, name) in names {
        text = text.replace(id, name);
    }
    text
}

fn snapshot<S: Store>(store: &S, config: &Config) -> Result<State, String> {
    let e = |e: fyr::store::StoreError| e.to_string();
    let names = case_names(store)?;
    let mut lines = Vec::new();
    for person in &config.persons {
        if let Some(c) = store.load_conversation(&person.id).map_err(e)? {
            let mut value = serde_json::to_value(&c).unwrap();
            value.as_object_mut().unwrap().remove("updated_at");
            lines.push(format!("conversation {value}"));
        }
    }
    let mut cases = store.all_cases().map_err(e)?;
    cases.sort_by(|a, b| a.owner.cmp(&b.owner));
    for case in &cases {
        let mut value = serde_json::to_value(case).unwrap();
        value.as_object_mut().unwrap().remove("updated_at");
        lines.push(format!("case {value}"));
        for item in store.evidence_of(&case.id).map_err(e)? {
            lines.push(format!(
                "evidence {}",
                serde_json::to_string(&item).unwrap()
            ));
        }
    }
    let timers = store
        .timers()
        .map_err(e)?
        .iter()
        .map(|t| rename(&format!("{} at {}", t.key, t.at.to_rfc3339()), &names))
        .collect();
    Ok(State {
        lines: lines.iter().map(|l| rename(l, &names)).collect(),
        timers,
    })
}

/// Collects the keys a driver delivers (the reference run's adapter).
#[derive(Default)]
struct Keys(Vec<String>);

impl Deliver for Keys {
    fn deliver(&mut self, key: &str, _message: &Rendered) -> Result<(), DeliveryError> {
        self.0.push(key.to_string());
        Ok(())
    }
}

/// The script run through the library without kills: the state at every line boundary.
struct Reference {
    /// `states[i]`: after start-up and lines `0..i`.
    states: Vec<State>,
    /// The clock and the speaker at each boundary.
    times: Vec<DateTime<Utc>>,
    speakers: Vec<&'static str>,
    /// Every notification delivered, by key with case references renamed.
    keys: BTreeMap<String, usize>,
}

fn reference(config_path: &Path, evidence_file: &Path) -> Result<Reference, String> {
    let config = Config::load(config_path).map_err(|e| e.to_string())?;
    let mut driver = Driver::new(
        config.clone(),
        MemoryStore::new(),
        Localizer::new().map_err(|e| e.to_string())?,
        Box::new(SequentialCaseIds::default()),
    );
    let mut now = start_time();
    let mut speaker = FIRST_SPEAKER;
    let mut keys = Keys::default();
    let err = |e: fyr::driver::DriverError| e.to_string();
    driver.tick(now, &mut keys).map_err(err)?;
    driver
        .handle(&PersonId::new(speaker), "", now)
        .map_err(err)?;
    driver.tick(now, &mut keys).map_err(err)?;
    let mut reference = Reference {
        states: vec![snapshot(driver.store(), &config)?],
        times: vec![now],
        speakers: vec![speaker],
        keys: BTreeMap::new(),
    };
    for line in SCRIPT {
        match *line {
            Line::Say(text) => {
                driver
                    .handle(&PersonId::new(speaker), text, now)
                    .map_err(err)?;
            }
            Line::As(id) => speaker = id,
            Line::Advance(_, minutes) => now += chrono::Duration::minutes(minutes),
            Line::File => {
                let name = evidence_file.file_name().unwrap().to_string_lossy();
                driver
                    .handle_file(&PersonId::new(speaker), &name, EVIDENCE_FILE.to_vec(), now)
                    .map_err(err)?;
            }
        }
        driver.tick(now, &mut keys).map_err(err)?;
        reference.states.push(snapshot(driver.store(), &config)?);
        reference.times.push(now);
        reference.speakers.push(speaker);
    }
    let names = case_names(driver.store())?;
    for key in &keys.0 {
        *reference.keys.entry(rename(key, &names)).or_default() += 1;
    }
    Ok(reference)
}

/// The text typed for a line.
fn typed(line: &Line, evidence_file: &Path) -> String {
    match line {
        Line::Say(text) => text.to_string(),
        Line::As(id) => format!("/as {id}"),
        Line::Advance(d, _) => format!("/advance {d}"),
        Line::File => format!("/file {}", evidence_file.display()),
    }
}

/// "Saved as number {n} in case {case} (fingerprint {hash}…)" in every language, split at its
/// variables, to find the confirmations in the console's output.
struct Confirmation {
    patterns: Vec<Vec<Piece>>,
}

#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Var(&'static str),
}

impl Confirmation {
    fn new() -> Confirmation {
        let l10n = Localizer::new().unwrap();
        let vars = [
            ("n", '\u{E000}'),
            ("case", '\u{E001}'),
            ("hash", '\u{E002}'),
        ];
        let mut msg = Msg::new("evidence-saved");
        for (name, mark) in vars {
            msg = msg.arg(name, Arg::Str(mark.to_string().into()));
        }
        let patterns = Language::ALL
            .iter()
            .map(|lang| {
                let text = l10n.text(*lang, &msg);
                let mut pieces = Vec::new();
                let mut literal = String::new();
                for c in text.chars() {
                    match vars.iter().find(|(_, m)| *m == c) {
                        Some((name, _)) => {
                            pieces.push(Piece::Text(std::mem::take(&mut literal)));
                            pieces.push(Piece::Var(name));
                        }
                        None => literal.push(c),
                    }
                }
                pieces.push(Piece::Text(literal));
                pieces
            })
            .collect();
        Confirmation { patterns }
    }

    /// (case, number, start of the fingerprint) if `text` is a confirmation.
    fn parse(&self, text: &str) -> Option<(String, u32, String)> {
        'pattern: for pieces in &self.patterns {
            let mut rest = text;
            let mut found: BTreeMap<&str, String> = BTreeMap::new();
            let mut pending: Option<&str> = None;
            for piece in pieces {
                match piece {
                    Piece::Var(name) => pending = Some(name),
                    Piece::Text(literal) => match pending.take() {
                        None => match rest.strip_prefix(literal.as_str()) {
                            Some(r) => rest = r,
                            None => continue 'pattern,
                        },
                        Some(var) => {
                            let at = if literal.is_empty() {
                                rest.len()
                            } else {
                                match rest.find(literal.as_str()) {
                                    Some(at) => at,
                                    None => continue 'pattern,
                                }
                            };
                            found.insert(var, rest[..at].to_string());
                            rest = &rest[at + literal.len()..];
                        }
                    },
                }
            }
            if !rest.is_empty() {
                continue;
            }
            let n = found.get("n")?.parse().ok()?;
            return Some((found.get("case")?.clone(), n, found.get("hash")?.clone()));
        }
        None
    }
}

/// A running `fyr chat` whose stdout is collected in the background.
struct Running {
    child: Child,
    out: Arc<Mutex<Vec<u8>>>,
    err: Arc<Mutex<Vec<u8>>>,
}

fn collect(mut from: impl Read + Send + 'static) -> Arc<Mutex<Vec<u8>>> {
    let into = Arc::new(Mutex::new(Vec::new()));
    let sink = into.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    into
}

impl Running {
    /// Complete lines written so far.
    fn lines(&self) -> Vec<String> {
        let out = self.out.lock().unwrap();
        let whole = out.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        String::from_utf8_lossy(&out[..whole])
            .lines()
            .map(str::to_string)
            .collect()
    }
}

/// The input lines the console echoed (`ID> line`), in order.
fn echoes(lines: &[String], persons: &BTreeSet<String>) -> Vec<String> {
    lines
        .iter()
        .filter_map(|l| {
            let (who, said) = l.split_once("> ")?;
            persons.contains(who).then(|| said.to_string())
        })
        .collect()
}

fn open_store(path: &Path) -> Result<SledStore, String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match SledStore::open(path) {
            Ok(store) => return Ok(store),
            Err(e) if Instant::now() < deadline && e.to_string().contains("lock") => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(format!("cannot open {}: {e}", path.display())),
        }
    }
}

/// One pass's state in the harness.
struct Pass {
    data: PathBuf,
    record: PathBuf,
    /// Script lines known to be committed (the store is at `states[done]`).
    done: usize,
    /// Evidence confirmations shown so far: (case, number, fingerprint start).
    confirmed: BTreeSet<(String, u32, String)>,
}

/// Run the crash suite. On failure the error names the seed and what was found.
pub fn run(opts: &Options) -> Result<Report, String> {
    let started = Instant::now();
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let evidence_file = tmp.path().join("skarmdump.txt");
    std::fs::write(&evidence_file, EVIDENCE_FILE).map_err(|e| e.to_string())?;
    let reference = reference(&opts.config, &evidence_file)?;
    let config = Config::load(&opts.config).map_err(|e| e.to_string())?;
    let persons: BTreeSet<String> = config.persons.iter().map(|p| p.id.to_string()).collect();
    let confirmation = Confirmation::new();
    let mut rng = Rng(opts.seed);
    let mut report = Report {
        seed: opts.seed,
        ..Report::default()
    };
    let new_pass = |n: usize| Pass {
        data: tmp.path().join(format!("data-{n}")),
        record: tmp.path().join(format!("deliveries-{n}")),
        done: 0,
        confirmed: BTreeSet::new(),
    };
    let mut pass = new_pass(0);
    let mut reoffered = BTreeSet::new();
    let mut last_shown = 0;
    let fail = |report: &Report, cycle: usize, what: String| {
        format!(
            "crash suite failed in cycle {cycle} (seed {}; replay with FYR_CRASH_SEED={} or --seed {}):\n{what}",
            report.seed, report.seed, report.seed
        )
    };
    // A kill lands inside a line's work (the debug build takes a few milliseconds per line).
    let max_delay_us = 25_000;
    for cycle in 1..=opts.cycles {
        report.cycles = cycle;
        let done = pass.done;
        let speaker = reference.speakers[done];
        let mut input = format!("/as {speaker}\n");
        for line in &SCRIPT[done..] {
            input.push_str(&typed(line, &evidence_file));
            input.push('\n');
        }
        // Where to kill: at a random time after the start, or a little after the k-th line was
        // read (the last line's k lets it end unless it is slow to). Once the script has been
        // read to its end, a run is killed only by time, or ends.
        let remaining = SCRIPT.len() - done;
        let by_time = rng.upto(9) < 3;
        let after_lines = match remaining {
            0 => usize::MAX,
            n => rng.upto(n as u64) as usize,
        };
        let delay = Duration::from_micros(rng.upto(max_delay_us));
        let start_delay = Duration::from_micros(rng.upto(300_000));

        let spawn = || {
            Command::new(&opts.fyr)
                .arg("chat")
                .arg("--config")
                .arg(&opts.config)
                .arg("--data")
                .arg(&pass.data)
                .args(["--clock", "simulated", "--start"])
                .arg(reference.times[done].to_rfc3339())
                .args(["--as", speaker])
                .arg("--deliveries")
                .arg(&pass.record)
                .env_remove("FYR_LOG")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .map_err(|e| format!("cannot start {}: {e}", opts.fyr.display()))
        };
        let (mut running, killed) = loop {
            let mut child = spawn()?;
            let spawned = Instant::now();
            let mut stdin = child.stdin.take().unwrap();
            let _ = stdin.write_all(input.as_bytes());
            drop(stdin);
            let out = collect(child.stdout.take().unwrap());
            let err = collect(child.stderr.take().unwrap());
            let mut running = Running { child, out, err };
            // Wait for the kill point or the end of the script.
            let killed = loop {
                if let Some(status) = running.child.try_wait().map_err(|e| e.to_string())? {
                    if status.success() {
                        break Some(false);
                    }
                    std::thread::sleep(Duration::from_millis(20));
                    let err = String::from_utf8_lossy(&running.err.lock().unwrap()).to_string();
                    if err.contains("could not acquire lock") {
                        // sled's background thread in this process held the folder's lock a
                        // moment longer after the harness looked at it: start again.
                        std::thread::sleep(Duration::from_millis(20));
                        break None;
                    }
                    return Err(fail(
                        &report,
                        cycle,
                        format!("fyr exited with {status}:\n{err}"),
                    ));
                }
                let due = if by_time {
                    spawned.elapsed() >= start_delay
                } else {
                    echoes(&running.lines(), &persons).len() > after_lines
                };
                if due {
                    if !by_time {
                        std::thread::sleep(delay);
                    }
                    let _ = running.child.kill();
                    break Some(true);
                }
                std::thread::sleep(Duration::from_micros(200));
            };
            if let Some(killed) = killed {
                break (running, killed);
            }
        };
        running.child.wait().map_err(|e| e.to_string())?;
        // Let the reader threads take the last bytes from the pipes.
        std::thread::sleep(Duration::from_millis(5));
        let lines = running.lines();
        let said = echoes(&lines, &persons);
        // Echo 0 is the `/as` the harness sends first; then the script from `done`.
        let read = said.len().saturating_sub(1);
        for (i, echoed) in said.iter().skip(1).enumerate() {
            let expected = typed(&SCRIPT[done + i], &evidence_file);
            if echoed != &expected {
                return Err(fail(
                    &report,
                    cycle,
                    format!("line {} echoed as `{echoed}`, sent `{expected}`", done + i),
                ));
            }
        }
        for line in &lines {
            if let Some((_, text)) = line.split_once(": ") {
                if let Some(found) = confirmation.parse(text) {
                    pass.confirmed.insert(found);
                }
            }
        }
        report.lines_run += read;
        let store = open_store(&pass.data)?;
        let state = snapshot(&store, &config)?;
        if killed {
            report.kills += 1;
            report.kills_at_start += usize::from(read == 0);
            // The store must be at a line boundary: before or after the line that was read
            // last (a time jump or speaker switch that was read counts as made: the clock
            // is the harness's, and timers it made due fire at the next start).
            let candidates: Vec<usize> = match read {
                0 => vec![done],
                r => match SCRIPT[done + r - 1] {
                    Line::As(_) | Line::Advance(..) => vec![done + r],
                    Line::Say(_) | Line::File => vec![done + r - 1, done + r],
                },
            };
            let boundary = *candidates.last().unwrap();
            let now = reference.times[boundary];
            let overdue = !store
                .due_timers(now, 1)
                .map_err(|e| e.to_string())?
                .is_empty();
            if overdue {
                // Killed while timers that came due were firing: each that both the state
                // before and the state after have must still be there.
                let before = &reference.states[boundary.saturating_sub(1)].timers;
                let after = &reference.states[boundary].timers;
                for timer in before.intersection(after) {
                    report.timer_checks += 1;
                    if !state.timers.contains(timer) {
                        return Err(fail(
                            &report,
                            cycle,
                            format!("timer {timer} is lost (killed after line {boundary})"),
                        ));
                    }
                }
                pass.done = boundary;
            } else {
                let fresh = done == 0 && read == 0 && state.lines.is_empty();
                let matched = candidates
                    .iter()
                    .find(|&&b| reference.states[b] == state)
                    .copied();
                match matched {
                    Some(b) => {
                        if read > 0
                            && b == done + read
                            && matches!(SCRIPT[b - 1], Line::Say(_) | Line::File)
                        {
                            let reply = lines
                                .iter()
                                .rev()
                                .take_while(|l| {
                                    !persons.iter().any(|p| l.starts_with(&format!("{p}> ")))
                                })
                                .any(|l| l.starts_with("→ "));
                            report.committed_unseen += usize::from(!reply);
                        }
                        report.timer_checks += state.timers.len();
                        pass.done = b;
                    }
                    None if fresh => pass.done = 0,
                    None => {
                        let mut diff = Vec::new();
                        for &b in &candidates {
                            let expected = &reference.states[b];
                            diff.push(format!("compared with the state after line {b}:"));
                            diff.extend(
                                state
                                    .lines
                                    .iter()
                                    .filter(|l| !expected.lines.contains(l))
                                    .map(|l| format!("  found:    {l}")),
                            );
                            diff.extend(
                                expected
                                    .lines
                                    .iter()
                                    .filter(|l| !state.lines.contains(l))
                                    .map(|l| format!("  expected: {l}")),
                            );
                            diff.extend(
                                state
                                    .timers
                                    .symmetric_difference(&expected.timers)
                                    .map(|t| format!("  timer:    {t}")),
                            );
                        }
                        return Err(fail(
                            &report,
                            cycle,
                            format!(
                                "after a kill at line {} the data folder is at no line boundary:\n{}",
                                done + read,
                                diff.join("\n")
                            ),
                        ));
                    }
                }
            }
        } else {
            pass.done = SCRIPT.len();
        }
        // Evidence the user was told was saved is there, with its number and fingerprint.
        for (case, n, hash) in &pass.confirmed {
            report.item_checks += 1;
            let items = store
                .evidence_of(&CaseId::new(case.clone()))
                .map_err(|e| e.to_string())?;
            if !items
                .iter()
                .any(|i| i.seq == *n && i.content_hash.starts_with(hash.as_str()))
            {
                return Err(fail(
                    &report,
                    cycle,
                    format!("evidence {n} of {case} ({hash}…) was confirmed but is missing"),
                ));
            }
        }
        // What the user was shown: no key twice, none the reference did not send.
        let names = case_names(&store)?;
        let record = std::fs::read_to_string(&pass.record).unwrap_or_default();
        let mut shown: BTreeMap<String, usize> = BTreeMap::new();
        for key in record.lines() {
            *shown.entry(rename(key, &names)).or_default() += 1;
            let entry = store.outbox_entry(key).map_err(|e| e.to_string())?;
            if entry.is_some_and(|e| e.delivered_at.is_none()) {
                reoffered.insert(format!("{}/{key}", report.passes));
            }
        }
        for (key, count) in &shown {
            if *count > 1 {
                report.duplicates += count - 1;
                return Err(fail(
                    &report,
                    cycle,
                    format!("notification {key} was shown {count} times"),
                ));
            }
            // A reply's key is the person's with a random part: never the reference's, so
            // replies are checked for being shown once only (above).
            if fyr::store::is_personal(key) {
                continue;
            }
            if !reference.keys.contains_key(key) {
                return Err(fail(
                    &report,
                    cycle,
                    format!("notification {key} was shown but the reference never sent it"),
                ));
            }
        }
        if opts.verbose && std::env::var_os("FYR_CRASH_DEBUG").is_some() {
            eprintln!(
                "--- output:\n{}\n--- stderr: {}",
                lines.join("\n"),
                String::from_utf8_lossy(&running.err.lock().unwrap())
            );
        }
        if opts.verbose {
            eprintln!(
                "cycle {cycle}: {} from line {done}, read {read}, now at line {}; {} shown, {} items confirmed",
                if killed { "killed" } else { "ran to the end" },
                pass.done,
                shown.len(),
                pass.confirmed.len()
            );
        }
        last_shown = shown.len();
        if pass.done == SCRIPT.len() && !killed {
            // The whole script ran: everything the reference sent was shown exactly once, and
            // the data folder is the reference's.
            let shown: BTreeMap<String, usize> = shown
                .into_iter()
                .filter(|(k, _)| !fyr::store::is_personal(k))
                .collect();
            if shown != reference.keys {
                let missing: Vec<_> = reference
                    .keys
                    .keys()
                    .filter(|k| !shown.contains_key(*k))
                    .collect();
                return Err(fail(
                    &report,
                    cycle,
                    format!("at the end of a pass, notifications never shown: {missing:?}"),
                ));
            }
            if state != reference.states[SCRIPT.len()] {
                return Err(fail(
                    &report,
                    cycle,
                    "at the end of a pass the data folder differs from the reference".into(),
                ));
            }
            report.passes += 1;
            report.notifications += shown.len();
            report.items_confirmed += pass.confirmed.len();
            last_shown = 0;
            drop(store);
            pass = new_pass(report.passes);
        }
    }
    // The pass under way counts too.
    report.notifications += last_shown;
    report.items_confirmed += pass.confirmed.len();
    report.reoffered = reoffered.len();
    report.elapsed = started.elapsed();
    Ok(report)
}

#[test]
fn killed_at_random_points_fyr_loses_nothing_and_repeats_nothing() {
    let cycles = std::env::var("FYR_CRASH_CYCLES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(30);
    let seed = std::env::var("FYR_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(fresh_seed);
    let report = run(&Options {
        cycles,
        seed,
        fyr: PathBuf::from(env!("CARGO_BIN_EXE_fyr")),
        config: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bot.toml"),
        verbose: std::env::var_os("FYR_CRASH_VERBOSE").is_some(),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    println!("{report}");
    assert!(
        report.kills > cycles / 2,
        "most cycles end in a kill: {report}"
    );
    assert_eq!(report.duplicates, 0);
}

#[test]
fn the_confirmation_parser_reads_every_language() {
    let c = Confirmation::new();
    assert_eq!(
        c.parse("Sparat som nummer 3 i ärende F-NWK9-7ARJ (fingeravtryck 51f325d7c1d3…)."),
        Some(("F-NWK9-7ARJ".into(), 3, "51f325d7c1d3".into()))
    );
    assert_eq!(
        c.parse("Gemt som nummer 1 i sag F-NVAT-KX08 (fingeraftryk 9bcee1cf5a46…)."),
        Some(("F-NVAT-KX08".into(), 1, "9bcee1cf5a46".into()))
    );
    assert_eq!(c.parse("Hej Sara, jag heter Fyr."), None);
}
