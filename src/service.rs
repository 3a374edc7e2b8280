//! The chat service: one loop owns the driver (and so the engine), fed by every connected
//! adapter through one channel, so a person's answers are handled in order whatever platform
//! they come from; timers fire when due. Everything Fyr says — replies, notes, notifications —
//! is committed to the outbox with the step that caused it and delivered from there by one
//! delivery queue per person ([`Lanes`]), off the loop: one slow or rate-limited chat never
//! delays anyone else, a failed send is retried with the same idempotency key until it goes
//! through, and a person's messages keep their order. What a person types while a message to
//! them is still on its way waits for it; if it could not be delivered, their input is not
//! acted on (they answered something they had not seen).

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::adapters::{new_tag, options_hash, ChoiceVerdict, Envelope, Outlet, Sender, What};
use crate::config::{Config, Person};
use crate::driver::{Driver, DriverError, RandomCaseIds};
use crate::engine::Msg;
use crate::flood::{RateLimiter, Verdict};
use crate::i18n::{Localizer, Rendered};
use crate::model::{Language, PersonId};
use crate::store::{SledStore, Store, StoreError};

/// How many notifications (not replies) the loop hands to the delivery queues per round at
/// most: a burst after downtime reaches the chat platforms as a steady stream.
const DELIVERIES_PER_TICK: usize = 20;

/// How often the metrics' gauges are recomputed from the store.
const METRICS_EVERY: Duration = Duration::from_secs(5);

/// How long the idle loop waits before it looks at the signal flags again.
const SIGNAL_LATENCY: Duration = Duration::from_millis(500);

/// How the service loop runs; the defaults are production's.
#[derive(Clone, Debug)]
pub struct LoopOptions {
    /// The wait before the first retry of a failed send; it doubles with each attempt, up to
    /// ten minutes.
    pub first_retry: Duration,
    /// When every adapter has gone, how long what was typed may still wait for its answers
    /// before the loop ends anyway.
    pub drain: Duration,
}

impl Default for LoopOptions {
    fn default() -> Self {
        LoopOptions {
            first_retry: Duration::from_secs(5),
            drain: Duration::from_secs(10),
        }
    }
}

/// What the loop waits for: an adapter's event, or a delivery queue's report.
enum Event {
    In(Envelope),
    Report(Report),
    /// Every adapter has gone.
    Closed,
}

/// How one send went.
struct Report {
    to: PersonId,
    /// The outbox key (empty for a plain text to a stranger).
    key: String,
    delivered: bool,
    /// After a delivery: whether the person's queue is now empty.
    idle: bool,
    platform: &'static str,
}

/// One message on its way to one person.
struct Job {
    key: String,
    person: Person,
    adapter: usize,
    via: Option<String>,
    message: Rendered,
    tag: Option<String>,
}

#[derive(Default)]
struct LaneState {
    queue: VecDeque<Arc<Job>>,
    /// A worker thread is sending from this queue.
    running: bool,
    /// The message at the head failed at least once and is being retried.
    failing: bool,
}

/// One delivery queue per person, each drained by its own worker thread while it has work:
/// sends to different people run side by side, one person's go one after the other.
struct Lanes {
    outlets: Vec<Arc<dyn Outlet>>,
    lanes: HashMap<PersonId, Arc<Mutex<LaneState>>>,
    reports: mpsc::Sender<Event>,
    /// Outbox keys queued or being sent: not handed out again.
    in_flight: HashSet<String>,
    stopping: Arc<AtomicBool>,
    first_retry: Duration,
}

impl Lanes {
    fn lane(&mut self, person: &PersonId) -> Arc<Mutex<LaneState>> {
        self.lanes.entry(person.clone()).or_default().clone()
    }

    /// Whether a message to `person` is queued or being sent, and whether one failed.
    fn state(&self, person: &PersonId) -> (bool, bool) {
        self.lanes.get(person).map_or((false, false), |lane| {
            let lane = lane.lock().unwrap_or_else(|p| p.into_inner());
            (!lane.queue.is_empty(), lane.failing)
        })
    }

    fn push(&mut self, job: Job) {
        if !job.key.is_empty() {
            self.in_flight.insert(job.key.clone());
        }
        let to = job.person.id.clone();
        let lane = self.lane(&to);
        let start = {
            let mut state = lane.lock().unwrap_or_else(|p| p.into_inner());
            state.queue.push_back(Arc::new(job));
            !std::mem::replace(&mut state.running, true)
        };
        if start {
            let worker = Worker {
                to,
                lane,
                outlets: self.outlets.clone(),
                reports: self.reports.clone(),
                stopping: self.stopping.clone(),
                first_retry: self.first_retry,
            };
            std::thread::spawn(move || worker.run());
        }
    }

    /// Whether every worker has stopped.
    fn all_idle(&self) -> bool {
        self.lanes
            .values()
            .all(|lane| !lane.lock().unwrap_or_else(|p| p.into_inner()).running)
    }
}

/// Sends a person's queue in order; a failed send is retried (same key) after a backoff, and
/// the ones behind it wait.
struct Worker {
    to: PersonId,
    lane: Arc<Mutex<LaneState>>,
    outlets: Vec<Arc<dyn Outlet>>,
    reports: mpsc::Sender<Event>,
    stopping: Arc<AtomicBool>,
    first_retry: Duration,
}

impl Worker {
    fn run(self) {
        let mut attempts = 0u32;
        loop {
            let job = {
                let mut state = self.lane.lock().unwrap_or_else(|p| p.into_inner());
                match state.queue.front() {
                    Some(job) if !self.stopping.load(Ordering::SeqCst) || attempts == 0 => {
                        job.clone()
                    }
                    _ => {
                        state.running = false;
                        return;
                    }
                }
            };
            let Some(outlet) = self.outlets.get(job.adapter) else {
                self.lane
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .queue
                    .pop_front();
                continue;
            };
            let sent = outlet.send(
                &job.person,
                job.via.as_deref(),
                &job.message,
                (!job.key.is_empty()).then_some(job.key.as_str()),
                job.tag.as_deref(),
            );
            let platform = outlet.platform();
            match sent {
                Ok(()) => {
                    attempts = 0;
                    let idle = {
                        let mut state = self.lane.lock().unwrap_or_else(|p| p.into_inner());
                        state.queue.pop_front();
                        state.failing = false;
                        state.queue.is_empty()
                    };
                    self.report(&job.key, true, idle, platform);
                }
                Err(e) => {
                    attempts += 1;
                    tracing::warn!(attempts, "a message was not delivered, will retry: {e}");
                    self.lane.lock().unwrap_or_else(|p| p.into_inner()).failing = true;
                    self.report(&job.key, false, false, platform);
                    self.wait(retry_after(self.first_retry, attempts));
                }
            }
        }
    }

    fn report(&self, key: &str, delivered: bool, idle: bool, platform: &'static str) {
        let _ = self.reports.send(Event::Report(Report {
            to: self.to.clone(),
            key: key.to_string(),
            delivered,
            idle,
            platform,
        }));
    }

    /// Sleep, but wake for a stop.
    fn wait(&self, total: Duration) {
        let until = std::time::Instant::now() + total;
        while !self.stopping.load(Ordering::SeqCst) {
            let left = until.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return;
            }
            std::thread::sleep(left.min(Duration::from_millis(100)));
        }
    }
}

/// The wait before retry number `attempts`: `first`, doubling, at most ten minutes.
fn retry_after(first: Duration, attempts: u32) -> Duration {
    first
        .saturating_mul(1 << attempts.saturating_sub(1).min(16))
        .min(Duration::from_secs(600))
}

/// The loop's view of the people: where each last wrote, the question each was last sent, and
/// what each typed while a message to them was on its way.
struct Router {
    config: Arc<Config>,
    /// Where each person last wrote: adapter and channel.
    last: HashMap<PersonId, (usize, String)>,
    /// The tag and options fingerprint of the last message with options each person was sent:
    /// the only one whose buttons answer (in memory: after a restart every older button is
    /// an earlier question, and Fyr shows the open one again).
    questions: HashMap<PersonId, (String, u64)>,
    /// Input held until the messages before it have reached the person.
    held: HashMap<PersonId, VecDeque<Envelope>>,
    /// People told that their input waited for a message that has not reached them (once
    /// until it has).
    told_unseen: HashSet<PersonId>,
}

impl Router {
    /// The adapter and channel to reach a person on: where they last wrote, else the first
    /// platform that reaches them.
    fn route(
        &self,
        person: &Person,
        outlets: &[Arc<dyn Outlet>],
    ) -> Option<(usize, Option<String>)> {
        match self.last.get(&person.id) {
            Some((adapter, via)) if *adapter < outlets.len() => Some((*adapter, Some(via.clone()))),
            _ => outlets
                .iter()
                .position(|o| o.reaches(person))
                .map(|adapter| (adapter, None)),
        }
    }

    /// Whether a press of option `n` on the message tagged `tag` answers `person`'s open
    /// question, whose options (as shown) are `current`.
    fn is_open_question(&self, person: &PersonId, tag: &str, n: u32, current: &[String]) -> bool {
        let in_range = n >= 1 && (n as usize) <= current.len();
        in_range
            && self.questions.get(person).is_some_and(|(t, hash)| {
                !tag.is_empty() && t == tag && *hash == options_hash(current)
            })
    }
}

/// The service loop with production's options (see [`driver_loop_with`]).
pub fn driver_loop<S: Store + 'static>(
    config: Arc<Config>,
    store: S,
    outlets: Vec<Box<dyn Outlet>>,
    rx: mpsc::Receiver<Envelope>,
) -> Result<(), ServiceError> {
    driver_loop_with(config, store, outlets, rx, LoopOptions::default())
}

/// The service loop: events in order, timers when due, the outbox handed to the delivery
/// queues, until every adapter has gone or a stop is asked for (`signals`).
pub fn driver_loop_with<S: Store + 'static>(
    config: Arc<Config>,
    store: S,
    outlets: Vec<Box<dyn Outlet>>,
    rx: mpsc::Receiver<Envelope>,
    options: LoopOptions,
) -> Result<(), ServiceError> {
    DISK_FAILED.with(|f| f.borrow_mut().take());
    let localizer = match Localizer::for_config(&config) {
        Ok(l) => l,
        Err(e) => {
            tracing::error!("the translations are broken: {e}");
            return Err(ServiceError::Runtime(e.to_string()));
        }
    };
    let outlets: Vec<Arc<dyn Outlet>> = outlets.into_iter().map(Arc::from).collect();
    let (events, inbox) = mpsc::channel();
    {
        let events = events.clone();
        std::thread::spawn(move || {
            for envelope in rx {
                if events.send(Event::In(envelope)).is_err() {
                    return;
                }
            }
            let _ = events.send(Event::Closed);
        });
    }
    let mut lanes = Lanes {
        outlets: outlets.clone(),
        lanes: HashMap::new(),
        reports: events,
        in_flight: HashSet::new(),
        stopping: Arc::new(AtomicBool::new(false)),
        first_retry: options.first_retry,
    };
    let mut router = Router {
        config: config.clone(),
        last: HashMap::new(),
        questions: HashMap::new(),
        held: HashMap::new(),
        told_unseen: HashSet::new(),
    };
    let mut driver = Driver::new((*config).clone(), store, localizer, Box::new(RandomCaseIds));
    driver.set_replies_via_outbox();
    driver.keep_new_outbox();
    // Exports asked for in the chat go as attachments when every platform takes files.
    let max_attachments = outlets
        .iter()
        .map(|o| o.max_attachment_bytes())
        .min()
        .unwrap_or(0);
    if max_attachments > 0 {
        driver.set_export_attachments(max_attachments);
    }
    let mut limiter = RateLimiter::default();
    let metrics_on = driver.config().metrics.is_some();
    let mut metrics_at: Option<std::time::Instant> = None;
    // Every adapter has gone: what was typed is still answered, then the loop ends.
    let mut closed = false;
    let mut closed_at: Option<std::time::Instant> = None;
    let mut pumped_at: Option<std::time::Instant> = None;
    let mut held_back = false;
    loop {
        if metrics_on && metrics_at.is_none_or(|at| at.elapsed() >= METRICS_EVERY) {
            if let Err(e) = crate::metrics::global().refresh(driver.store(), Utc::now()) {
                tracing::warn!("the metrics could not be refreshed: {e}");
            }
            metrics_at = Some(std::time::Instant::now());
        }
        // SIGTERM, or every adapter gone: the step in hand is done; the sends under way
        // finish (a few seconds at most); what is still undelivered stays in the outbox.
        let drained = router.held.is_empty() && lanes.all_idle();
        let closing_too_long = closed_at.is_some_and(|at| at.elapsed() >= options.drain);
        let disk = disk_failed();
        if (closed && (drained || closing_too_long)) || crate::signals::stopping() || disk.is_some()
        {
            stop(&mut driver, &mut lanes, &inbox);
            match driver.into_store().close() {
                Ok(()) => tracing::info!("stopped: the store is flushed"),
                Err(e) => tracing::error!("the store could not be closed cleanly: {e}"),
            }
            return match disk {
                Some(why) => Err(ServiceError::Disk(why)),
                None => Ok(()),
            };
        }
        // SIGHUP: bot.toml and the staff directory again, between two steps.
        if crate::signals::take_reload()
            && crate::reload::reload_from_disk(&mut driver, Utc::now()).is_some()
        {
            router.config = Arc::new(driver.config().clone());
            // The adapters look senders up in it: new persons can write at once.
            crate::config::set_current(router.config.clone());
        }
        if let Err(e) = driver.fire_due(Utc::now()) {
            failed("timers failed", &e);
        }
        // The whole outbox (retries now due, what waited for the pace, what was there at the
        // start) at most once a second; what a step commits is handed over at once.
        if pumped_at.is_none_or(|at| at.elapsed() >= Duration::from_secs(1)) {
            // At the start, everything undelivered is tried at once, whenever its retry was
            // due: the platform that failed it may be back.
            let due = match pumped_at {
                None => DateTime::<Utc>::MAX_UTC,
                Some(_) => Utc::now(),
            };
            held_back = pump(&mut driver, &mut lanes, &mut router, due);
            pumped_at = Some(std::time::Instant::now());
        } else {
            pump_new(&mut driver, &mut lanes, &mut router);
        }
        let wait = driver
            .store()
            .next_timer_at()
            .ok()
            .flatten()
            .map_or(Duration::from_secs(30), |at| {
                (at - Utc::now()).to_std().unwrap_or_default()
            })
            .clamp(Duration::from_millis(20), SIGNAL_LATENCY);
        // Notifications held back by the pace go out in the next rounds, one a second; failed
        // ones are looked at again when their retry is due (the store says when).
        let wait = if held_back {
            wait.min(Duration::from_secs(1))
        } else {
            wait
        };
        let first = match inbox.recv_timeout(wait) {
            Ok(event) => event,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        };
        // Whatever else is waiting is handled in the same round.
        let mut batch = vec![first];
        while batch.len() < 256 {
            match inbox.try_recv() {
                Ok(event) => batch.push(event),
                Err(_) => break,
            }
        }
        for event in batch {
            match event {
                Event::Closed => {
                    closed = true;
                    closed_at = Some(std::time::Instant::now());
                }
                Event::Report(report) => {
                    reported(&mut driver, &mut lanes, &mut router, &mut limiter, report)
                }
                Event::In(envelope) => {
                    crate::metrics::global().event_from(
                        outlets
                            .get(envelope.adapter)
                            .map_or("other", |o| o.platform()),
                    );
                    if admitted(&mut limiter, &mut driver, &envelope) {
                        arrive(&mut driver, &mut lanes, &mut router, envelope);
                    }
                }
            }
        }
        // Notes said outside a step (slow down, not yet seen).
        pump_new(&mut driver, &mut lanes, &mut router);
    }
}

thread_local! {
    /// The disk error that ends this thread's service loop (see [`failed`]).
    static DISK_FAILED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// A storage error: logged (no content). A disk that cannot be written (full, read-only,
/// failing) ends the loop: nothing more can be kept, so nothing more is said; what was
/// committed stays, and a restart after the disk is fixed goes on.
fn failed(what: &str, e: &DriverError) {
    tracing::error!("{what}: {e}");
    if let DriverError::Store(StoreError::Disk { .. }) = e {
        DISK_FAILED.with(|f| {
            f.borrow_mut().get_or_insert_with(|| e.to_string());
        });
    }
}

/// The disk error that ended the loop, if one did.
fn disk_failed() -> Option<String> {
    DISK_FAILED.with(|f| f.borrow().clone())
}

/// Stop: no new input; wait a little for the sends under way and record them.
fn stop<S: Store>(driver: &mut Driver<S>, lanes: &mut Lanes, inbox: &mpsc::Receiver<Event>) {
    lanes.stopping.store(true, Ordering::SeqCst);
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while !lanes.all_idle() && std::time::Instant::now() < deadline {
        if let Ok(Event::Report(report)) = inbox.recv_timeout(Duration::from_millis(20)) {
            record(driver, lanes, &report);
        }
    }
    while let Ok(event) = inbox.try_recv() {
        if let Event::Report(report) = event {
            record(driver, lanes, &report);
        }
    }
}

/// Record a send's outcome in the store.
fn record<S: Store>(driver: &mut Driver<S>, lanes: &mut Lanes, report: &Report) {
    if !report.delivered {
        crate::metrics::global().delivery_failed(report.platform);
    }
    if report.key.is_empty() {
        return;
    }
    if report.delivered {
        lanes.in_flight.remove(&report.key);
    }
    if let Err(e) = driver.record_delivery(&report.key, report.delivered, Utc::now()) {
        failed("a delivery could not be recorded", &e);
    }
}

/// A send's outcome: recorded; when a person's queue has emptied, what they typed meanwhile
/// is handled now (they have seen everything before it).
fn reported<S: Store>(
    driver: &mut Driver<S>,
    lanes: &mut Lanes,
    router: &mut Router,
    limiter: &mut RateLimiter,
    report: Report,
) {
    record(driver, lanes, &report);
    if !report.delivered {
        // What they typed before this failed answered something they have not seen.
        if let Some(held) = router.held.remove(&report.to) {
            for envelope in held {
                if matches!(
                    envelope.what,
                    What::Text(_) | What::Choice { .. } | What::Open
                ) {
                    unseen(driver, router, envelope);
                } else {
                    handle(driver, lanes, router, envelope);
                }
            }
        }
        return;
    }
    if report.idle {
        router.told_unseen.remove(&report.to);
        let held = router.held.remove(&report.to).unwrap_or_default();
        for envelope in held {
            let _ = limiter;
            arrive(driver, lanes, router, envelope);
        }
    }
}

/// Input from someone a message has not reached: not acted on, and (once) they hear why.
fn unseen<S: Store>(driver: &mut Driver<S>, router: &mut Router, envelope: Envelope) {
    let Sender::Person(person) = &envelope.from else {
        return;
    };
    if let What::Choice {
        verdict: Some(verdict),
        ..
    } = envelope.what
    {
        (verdict.0)(false);
    }
    tracing::info!("input not acted on: a message before it has not reached the person yet");
    if router.told_unseen.insert(person.clone()) {
        if let Err(e) = driver.say(person, Msg::new("not-yet-delivered"), Utc::now()) {
            failed("store failed", &e);
        }
    }
}

/// Hand what is due at `due` in the outbox to the delivery queues. Returns whether
/// notifications were held back by the pace.
fn pump<S: Store>(
    driver: &mut Driver<S>,
    lanes: &mut Lanes,
    router: &mut Router,
    due: DateTime<Utc>,
) -> bool {
    let pending = match driver.pending_outbox(due) {
        Ok(pending) => pending,
        Err(e) => {
            failed("the outbox could not be read", &e);
            return false;
        }
    };
    // What the whole outbox says supersedes what was kept of the last steps.
    driver.take_new_outbox();
    enqueue(driver, lanes, router, pending, Utc::now())
}

/// Hand what the last steps committed to the delivery queues (without reading the outbox).
fn pump_new<S: Store>(driver: &mut Driver<S>, lanes: &mut Lanes, router: &mut Router) {
    let new = driver.take_new_outbox();
    if !new.is_empty() {
        enqueue(driver, lanes, router, new, Utc::now());
    }
}

fn enqueue<S: Store>(
    driver: &mut Driver<S>,
    lanes: &mut Lanes,
    router: &mut Router,
    pending: Vec<crate::store::OutboxEntry>,
    now: DateTime<Utc>,
) -> bool {
    let mut notifications = 0;
    let mut held_back = false;
    for entry in pending {
        if lanes.in_flight.contains(&entry.key) {
            continue;
        }
        if !crate::store::is_personal(&entry.key) {
            if notifications >= DELIVERIES_PER_TICK {
                held_back = true;
                continue;
            }
            notifications += 1;
        }
        if router.config.person(entry.message.to.as_str()).is_none() {
            // The recipient has left the directory: they are no longer told anything (the
            // escalation goes on to whoever comes next). Recorded, never retried.
            if let Err(e) = driver.abandon_delivery(&entry.key, "not-delivered-recipient-left", now)
            {
                failed("store failed", &e);
            }
            continue;
        }
        let route = router
            .config
            .person(entry.message.to.as_str())
            .cloned()
            .and_then(|person| {
                router
                    .route(&person, &lanes.outlets)
                    .map(|(adapter, via)| (person, adapter, via))
            });
        let Some((person, adapter, via)) = route else {
            // No connected platform reaches them: tried again later.
            tracing::warn!(
                "a message cannot be routed: no connected platform reaches its recipient"
            );
            if let Err(e) = driver.record_delivery(&entry.key, false, now) {
                failed("store failed", &e);
            }
            continue;
        };
        let message = match driver.render_outbox(&entry, now) {
            Ok(message) => message,
            Err(e) => {
                tracing::error!("a message could not be rendered: {e}");
                continue;
            }
        };
        let tag = (!message.options.is_empty()).then(new_tag);
        if let Some(tag) = &tag {
            router.questions.insert(
                person.id.clone(),
                (tag.clone(), options_hash(&message.options)),
            );
        }
        lanes.push(Job {
            key: entry.key,
            person,
            adapter,
            via,
            message,
            tag,
        });
    }
    held_back
}

/// Flood control: too many messages from one person are dropped here, before the engine, with
/// one "slow down" so they know.
fn admitted<S: Store>(
    limiter: &mut RateLimiter,
    driver: &mut Driver<S>,
    envelope: &Envelope,
) -> bool {
    let Sender::Person(person) = &envelope.from else {
        // Strangers too (by channel): each gets a short answer, but a flood of them does not.
        let channel = PersonId::new(format!("stranger/{}/{}", envelope.adapter, envelope.via));
        return limiter.check(&channel, std::time::Instant::now()) == Verdict::Allow;
    };
    match limiter.check(person, std::time::Instant::now()) {
        Verdict::Allow => true,
        Verdict::Drop => false,
        Verdict::Warn => {
            tracing::warn!("flood control: dropping messages from one person");
            if let Err(e) = driver.say(person, Msg::new("slow-down"), Utc::now()) {
                failed("store failed", &e);
            }
            false
        }
    }
}

/// An event from a person: handled now, held until the messages before it have reached them,
/// or (when one of those failed) not acted on.
fn arrive<S: Store>(
    driver: &mut Driver<S>,
    lanes: &mut Lanes,
    router: &mut Router,
    envelope: Envelope,
) {
    if let Sender::Person(person) = &envelope.from {
        let (busy, failing) = lanes.state(person);
        // A file is evidence, not an answer: sealed even when it cannot be acknowledged yet.
        let answers = matches!(
            envelope.what,
            What::Text(_) | What::Choice { .. } | What::Open
        );
        if failing && answers {
            return unseen(driver, router, envelope);
        }
        if (busy && !failing) || router.held.get(person).is_some_and(|h| !h.is_empty()) {
            router
                .held
                .entry(person.clone())
                .or_default()
                .push_back(envelope);
            return;
        }
    }
    handle(driver, lanes, router, envelope);
    pump_new(driver, lanes, router);
}

fn language<S: Store>(driver: &Driver<S>, person: &PersonId) -> Language {
    driver.language_of(person).unwrap_or(Language::En)
}

fn handle<S: Store>(
    driver: &mut Driver<S>,
    lanes: &mut Lanes,
    router: &mut Router,
    envelope: Envelope,
) {
    let Envelope {
        adapter,
        via,
        from,
        what,
    } = envelope;
    let now = Utc::now();
    let person = match from {
        Sender::Stranger => {
            // Someone not in bot.toml: answered in Swedish and Danish, nothing stored.
            let text = [Language::Sv, Language::Da]
                .map(|l| driver.localizer().text(l, &Msg::new("not-staff")))
                .join("\n\n");
            if let Some(outlet) = lanes.outlets.get(adapter).cloned() {
                std::thread::spawn(move || {
                    if let Err(e) = outlet.send_text(&via, &text) {
                        tracing::warn!("a note to a stranger was not sent: {e}");
                    }
                });
            }
            return;
        }
        Sender::Person(person) => person,
    };
    router.last.insert(person.clone(), (adapter, via));
    let say = |driver: &mut Driver<S>, msg: Msg| {
        if let Err(e) = driver.say(&person, msg, now) {
            failed("store failed", &e);
        }
    };
    // A pressed choice's verdict: given once the engine has taken (or refused) it.
    let mut told: Option<(ChoiceVerdict, bool)> = None;
    let text = match what {
        What::File { name, bytes } => {
            if let Err(e) = driver.handle_file(&person, &name, bytes, now) {
                failed("a file could not be sealed", &e);
            }
            return;
        }
        What::FileTooBig => {
            let max = (driver.config().max_file_bytes / (1024 * 1024)) as i64;
            say(
                driver,
                Msg::new("console-file-too-big").arg("max", crate::engine::Arg::Num(max)),
            );
            return;
        }
        What::Undecryptable => return say(driver, Msg::new("matrix-undecryptable")),
        What::Attachment => return say(driver, Msg::new("attachment-not-stored")),
        What::Text(text) => text,
        What::Open => String::new(),
        What::Choice { n, tag, verdict } => {
            let lang = language(driver, &person);
            let current: Vec<String> = driver
                .options_for(&person, now)
                .unwrap_or_default()
                .into_iter()
                .map(|id| driver.localizer().text_for(&person, lang, &Msg::new(id)))
                .collect();
            let open = router.is_open_question(&person, &tag, n, &current);
            told = verdict.map(|v| (v, open));
            if open {
                n.to_string()
            } else {
                // A button from an earlier question (or another case's message): say so, and
                // show the current one.
                say(driver, Msg::new("button-stale"));
                String::new()
            }
        }
    };
    let handled = driver.handle(&person, &text, now);
    if let Some((verdict, open)) = told {
        (verdict.0)(open && handled.is_ok());
    }
    match handled {
        Ok(_) | Err(DriverError::UnknownPerson) => {}
        Err(e) => failed("store failed", &e),
    }
}

/// Why `fyr run` could not run, or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("bot.toml configures no chat platform\n  help: add a [matrix] or [discord] section (see README), or use `fyr chat` for the console")]
    NothingConfigured,
    #[error("bot.toml has a [{0}] section, but this fyr was built without that adapter\n  help: build with --features {0}, or remove the section")]
    NotBuiltIn(&'static str),
    #[cfg(feature = "matrix")]
    #[error(transparent)]
    Matrix(#[from] crate::adapters::matrix::MatrixError),
    #[cfg(feature = "discord")]
    #[error(transparent)]
    Discord(#[from] crate::adapters::discord::DiscordError),
    /// A platform's connection failed for good (a revoked token, refused intents).
    #[error("{0}")]
    Stopped(String),
    #[error("cannot start: {0}")]
    Runtime(String),
    /// The data folder could not be written (full, read-only, failing): Fyr stopped.
    #[error("{0}")]
    Disk(String),
}

/// Connect every configured platform and serve until Ctrl-C, or until a platform fails for good.
#[cfg(any(feature = "matrix", feature = "discord"))]
pub fn run(config: Config, store: SledStore) -> Result<(), ServiceError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ServiceError::Runtime(e.to_string()))?;
    runtime.block_on(async move {
        let config = Arc::new(config);
        crate::config::set_current(config.clone());
        let (tx, rx) = mpsc::channel();
        #[allow(unused_variables, unused_mut)]
        let (fatal_tx, mut fatal_rx) = tokio::sync::mpsc::unbounded_channel::<String>();
        let mut outlets: Vec<Box<dyn Outlet>> = Vec::new();
        if config.matrix.is_some() {
            #[cfg(feature = "matrix")]
            {
                let adapter = outlets.len();
                let key = store.derived_key(crate::adapters::matrix::STORE_KEY_LABEL);
                let outlet =
                    crate::adapters::matrix::start(config.clone(), tx.clone(), adapter, key, fatal_tx.clone())
                        .await?;
                outlets.push(outlet);
            }
            #[cfg(not(feature = "matrix"))]
            return Err(ServiceError::NotBuiltIn("matrix"));
        }
        if config.discord.is_some() {
            #[cfg(feature = "discord")]
            {
                let adapter = outlets.len();
                let outlet =
                    crate::adapters::discord::start(config.clone(), tx.clone(), adapter, fatal_tx.clone())
                        .await?;
                outlets.push(outlet);
            }
            #[cfg(not(feature = "discord"))]
            return Err(ServiceError::NotBuiltIn("discord"));
        }
        if outlets.is_empty() {
            return Err(ServiceError::NothingConfigured);
        }
        if let Some(address) = config.metrics {
            let bound = crate::metrics::serve(address).map_err(|e| {
                ServiceError::Runtime(format!(
                    "the metrics endpoint cannot listen on {address}: {e}\n  help: choose a free port in [metrics] address, or leave [metrics] out"
                ))
            })?;
            tracing::info!("metrics on http://{bound}/metrics");
        }
        drop(fatal_tx);
        // The adapters' handlers hold the senders from here on.
        drop(tx);
        // In the runtime's context: when the driver thread stops, the outlets it drops (the
        // Matrix client's stores) need the runtime.
        let handle = tokio::runtime::Handle::current();
        let driver = std::thread::spawn(move || {
            let _runtime = handle.enter();
            driver_loop(config, store, outlets, rx)
        });
        let stop = async {
            while !crate::signals::stopping() && !driver.is_finished() {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        };
        let result = tokio::select! {
            () = stop => {
                tracing::info!(target: "fyr::status", "stopping: disconnected from every chat platform; nothing is lost");
                Ok(())
            }
            Some(why) = fatal_rx.recv() => Err(ServiceError::Stopped(why)),
        };
        // The driver thread finishes the step in hand and flushes the store; the adapters stay
        // up meanwhile for the replies it may still send.
        crate::signals::request_stop();
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !driver.is_finished() && std::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        // The loop ended by itself (the disk): that is the error to report.
        if driver.is_finished() {
            if let Ok(Err(e)) = driver.join() {
                return Err(e);
            }
        }
        result
    })
}
