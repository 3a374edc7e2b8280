//! The chat service behind `fyr run`: one thread owns the driver (and so the engine), fed by
//! every connected adapter through one channel, so a person's answers are handled in order
//! whatever platform they come from. Timers fire when due. Replies go back through the adapter
//! the person wrote on; notifications go to whichever adapter reaches the recipient (the one they
//! last wrote on first), with the outbox key as the platform's idempotency key.

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;

use crate::config::{Config, Person};
use crate::driver::{Deliver, DeliveryError, Driver, DriverError, FlushTicket, RandomCaseIds};
use crate::engine::Msg;
use crate::flood::{RateLimiter, Verdict};
use crate::i18n::{Localizer, Rendered};
use crate::model::{Language, PersonId};
use crate::store::{SledStore, Store};

/// How many notifications `fyr run` delivers per tick at most (a tick a second while some are
/// held back): a burst after downtime reaches the chat platforms as a steady stream.
const DELIVERIES_PER_TICK: usize = 20;

/// Who wrote.
#[derive(Debug)]
pub enum From {
    Person(PersonId),
    /// Someone not in bot.toml: answered politely, nothing stored.
    Stranger,
}

/// What an adapter received.
#[derive(Debug)]
pub enum What {
    Text(String),
    /// A button pressed (or a number reaction): option `n` of the message that carried `tag`
    /// (see [`Outlet::send`]; empty when the adapter does not know the message). It answers
    /// only if that message is the person's open question; else Fyr says it was an earlier
    /// question and shows the current one. `verdict` hears whether the choice was taken.
    Choice {
        n: u32,
        tag: String,
        verdict: Option<ChoiceVerdict>,
    },
    /// A message that could not be decrypted.
    Undecryptable,
    /// A file or picture that could not be fetched.
    Attachment,
    /// A file or picture, downloaded: sealed as evidence.
    File {
        name: String,
        bytes: Vec<u8>,
    },
    /// A file over the configured limit.
    FileTooBig,
    /// Open (or reopen) the conversation, e.g. from a slash command.
    Open,
}

/// Told, once, whether a pressed choice was taken (true) or was from an earlier question
/// (false), so the adapter shows the press as chosen only when it counted.
pub struct ChoiceVerdict(pub Box<dyn FnOnce(bool) + Send>);

impl std::fmt::Debug for ChoiceVerdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChoiceVerdict")
    }
}

/// One inbound event, tagged with the adapter and the channel it came from.
#[derive(Debug)]
pub struct Envelope {
    pub adapter: usize,
    /// The adapter's channel or room to answer in.
    pub via: String,
    pub from: From,
    pub what: What,
}

/// One chat platform, as the driver thread sees it.
pub trait Outlet: Send {
    /// Whether this platform can reach the person (they have an id there).
    fn reaches(&self, person: &Person) -> bool;
    /// Send to a person, in `via` if given (where they last wrote), else in their direct
    /// channel. With a `key`, sending the same key twice shows the message once. A message
    /// with options comes with a `tag` unique to it: its buttons (or, on Matrix, the message
    /// a reaction points at) must hand it back in [`What::Choice`].
    fn send(
        &mut self,
        to: &Person,
        via: Option<&str>,
        message: &Rendered,
        key: Option<&str>,
        tag: Option<&str>,
    ) -> Result<(), String>;
    /// Plain text in a channel (for strangers).
    fn send_text(&mut self, via: &str, text: &str) -> Result<(), String>;
    /// The most a message's attachments may weigh here; 0: this platform gets no files.
    fn max_attachment_bytes(&self) -> u64 {
        0
    }
    /// The platform's name in the metrics.
    fn platform(&self) -> &'static str {
        "other"
    }
}

/// An outlet with its platform's name (for the metrics).
#[cfg(any(feature = "matrix", feature = "discord"))]
struct Named {
    platform: &'static str,
    inner: Box<dyn Outlet>,
}

#[cfg(any(feature = "matrix", feature = "discord"))]
impl Outlet for Named {
    fn reaches(&self, person: &Person) -> bool {
        self.inner.reaches(person)
    }
    fn send(
        &mut self,
        to: &Person,
        via: Option<&str>,
        message: &Rendered,
        key: Option<&str>,
        tag: Option<&str>,
    ) -> Result<(), String> {
        self.inner.send(to, via, message, key, tag)
    }
    fn send_text(&mut self, via: &str, text: &str) -> Result<(), String> {
        self.inner.send_text(via, text)
    }
    fn max_attachment_bytes(&self) -> u64 {
        self.inner.max_attachment_bytes()
    }
    fn platform(&self) -> &'static str {
        self.platform
    }
}

/// A short, stable fingerprint of a message's options: a tagged message's options are
/// remembered by it, so a press on the last question sent counts only while that question is
/// still the open one.
pub fn options_hash(options: &[String]) -> u64 {
    // FNV-1a: tiny and stable across builds (unlike std's hasher).
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for byte in options.join("\u{1f}").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Routes deliveries to the right platform.
struct Router {
    config: Arc<Config>,
    outlets: Vec<Box<dyn Outlet>>,
    /// Where each person last wrote: adapter and channel.
    last: HashMap<PersonId, (usize, String)>,
    /// The tag and options fingerprint of the last message with options each person was sent:
    /// the only one whose buttons answer (in memory: after a restart every older button is
    /// an earlier question, and Fyr shows the open one again).
    questions: HashMap<PersonId, (String, u64)>,
}

/// A fresh tag for a message with options: 16 hex digits from the OS's randomness.
pub fn new_tag() -> String {
    let mut bytes = [0u8; 8];
    if getrandom::getrandom(&mut bytes).is_err() {
        let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
        bytes = nanos.to_be_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Router {
    fn send(&mut self, to: &PersonId, message: &Rendered, key: Option<&str>) -> Result<(), String> {
        let person = self
            .config
            .person(to.as_str())
            .ok_or_else(|| "not in the configuration".to_string())?
            .clone();
        let tag = (!message.options.is_empty()).then(new_tag);
        let outlet = match self.last.get(to).cloned() {
            Some((adapter, via)) if adapter < self.outlets.len() => Some((adapter, Some(via))),
            _ => None,
        };
        let (adapter, via) = match outlet {
            Some(found) => found,
            None => (
                self.outlets
                    .iter()
                    .position(|o| o.reaches(&person))
                    .ok_or_else(|| "no connected platform reaches this person".to_string())?,
                None,
            ),
        };
        if let Err(e) =
            self.outlets[adapter].send(&person, via.as_deref(), message, key, tag.as_deref())
        {
            crate::metrics::global().delivery_failed(self.outlets[adapter].platform());
            return Err(e);
        }
        if let Some(tag) = tag {
            self.questions
                .insert(to.clone(), (tag, options_hash(&message.options)));
        }
        Ok(())
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

impl Router {
    /// A short note to a person, without options (best effort: it is logged if it fails).
    fn tell(&mut self, person: &PersonId, text: String) {
        let note = Rendered {
            to: person.clone(),
            text,
            options: Vec::new(),
            files: Vec::new(),
        };
        if let Err(e) = self.send(person, &note, None) {
            tracing::warn!("note not sent: {e}");
        }
    }
}

impl Deliver for Router {
    fn deliver(&mut self, key: &str, message: &Rendered) -> Result<(), DeliveryError> {
        self.send(&message.to, message, Some(key))
            .map_err(DeliveryError)
    }
}

/// How often the metrics' gauges are recomputed from the store.
const METRICS_EVERY: Duration = Duration::from_secs(5);

/// How long the idle driver thread waits before it looks at the signal flags again.
const SIGNAL_LATENCY: Duration = Duration::from_millis(500);

/// The driver thread: events in order, timers when due, until every adapter has gone or a
/// stop is asked for (`signals`).
pub fn driver_loop(
    config: Arc<Config>,
    store: SledStore,
    outlets: Vec<Box<dyn Outlet>>,
    rx: mpsc::Receiver<Envelope>,
) {
    let localizer = match Localizer::for_config(&config) {
        Ok(l) => l,
        Err(e) => {
            tracing::error!("the translations are broken: {e}");
            return;
        }
    };
    let mut router = Router {
        config: config.clone(),
        outlets,
        last: HashMap::new(),
        questions: HashMap::new(),
    };
    let mut driver = Driver::new((*config).clone(), store, localizer, Box::new(RandomCaseIds));
    // Exports asked for in the chat go as attachments when every platform takes files.
    let max_attachments = router
        .outlets
        .iter()
        .map(|o| o.max_attachment_bytes())
        .min()
        .unwrap_or(0);
    if max_attachments > 0 {
        driver.set_export_attachments(max_attachments);
    }
    // A burst of notifications (after downtime, many cases at once) goes out as a stream.
    driver.set_delivery_pace(DELIVERIES_PER_TICK);
    let mut limiter = RateLimiter::default();
    /// The most messages the driver thread handles with one flush (group commit).
    const MAX_BATCH: usize = 64;
    // A batch whose flush is under way, with its replies: shown once the flush is done. The
    // next batch is stepped meanwhile (pipelined group commit); nothing else happens until
    // it is released — timers and deliveries in particular wait, since they could show
    // something that follows from the batch.
    let mut flushing: Option<(FlushTicket, Vec<Rendered>)> = None;
    // Under a steady stream of messages the pipeline never runs dry: release it now and then,
    // so timers fire and notifications go out on time.
    const TICK_AT_LEAST_EVERY: Duration = Duration::from_millis(250);
    let mut last_tick = std::time::Instant::now();
    // The metrics' gauges, refreshed from the store now and then (if the endpoint is on).
    let metrics_on = driver.config().metrics.is_some();
    let mut metrics_at: Option<std::time::Instant> = None;
    loop {
        if metrics_on && metrics_at.is_none_or(|at| at.elapsed() >= METRICS_EVERY) {
            if let Err(e) = crate::metrics::global().refresh(driver.store(), Utc::now()) {
                tracing::warn!("the metrics could not be refreshed: {e}");
            }
            metrics_at = Some(std::time::Instant::now());
        }
        // SIGTERM: the step in hand is done; show what its flush allows, flush, stop. What is
        // still undelivered stays in the outbox for the next start.
        if crate::signals::stopping() {
            release_flushed(&mut driver, &mut router, flushing.take());
            match driver.into_store().close() {
                Ok(()) => tracing::info!("stopped: the store is flushed"),
                Err(e) => tracing::error!("the store could not be closed cleanly: {e}"),
            }
            return;
        }
        // SIGHUP: bot.toml and the staff directory again, between two steps.
        if crate::signals::take_reload() {
            release_flushed(&mut driver, &mut router, flushing.take());
            if crate::reload::reload_from_disk(&mut driver, Utc::now()).is_some() {
                router.config = Arc::new(driver.config().clone());
                // The adapters look senders up in it: new persons can write at once.
                crate::config::set_current(router.config.clone());
            }
        }
        if flushing.is_some() && last_tick.elapsed() >= TICK_AT_LEAST_EVERY {
            release_flushed(&mut driver, &mut router, flushing.take());
        }
        let first = if flushing.is_some() {
            match rx.try_recv() {
                Ok(envelope) => envelope,
                Err(mpsc::TryRecvError::Empty) => {
                    release_flushed(&mut driver, &mut router, flushing.take());
                    continue;
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    release_flushed(&mut driver, &mut router, flushing.take());
                    return;
                }
            }
        } else {
            let held_back = match driver.tick(Utc::now(), &mut router) {
                Ok(tick) => tick.held_back,
                Err(e) => {
                    tracing::error!("tick failed: {e}");
                    0
                }
            };
            last_tick = std::time::Instant::now();
            let wait = driver
                .store()
                .next_timer_at()
                .ok()
                .flatten()
                .map_or(Duration::from_secs(30), |at| {
                    (at - Utc::now())
                        .to_std()
                        .unwrap_or_default()
                        .min(Duration::from_secs(30))
                })
                .max(Duration::from_millis(50));
            // Notifications held back by the pace go out on the next ticks, one a second.
            let wait = if held_back > 0 {
                wait.min(Duration::from_secs(1))
            } else {
                wait
            };
            // A stop or reload is seen within this.
            let wait = wait.min(SIGNAL_LATENCY);
            match rx.recv_timeout(wait) {
                Ok(envelope) => envelope,
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        };
        // Group commit: whatever is waiting (up to MAX_BATCH) is handled as one batch with one
        // flush. Text messages from staff are stepped with deferred commits and their replies
        // held; anything else first ends the batch (flush, then the held replies) and is
        // handled as before, so every person's replies keep their order.
        if let Some(outlet) = router.outlets.get(first.adapter) {
            crate::metrics::global().event_from(outlet.platform());
        }
        let mut envelopes = vec![first];
        while envelopes.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(envelope) => envelopes.push(envelope),
                Err(_) => break,
            }
        }
        let mut held: Option<Vec<Rendered>> = None;
        for envelope in envelopes {
            if !admitted(&mut limiter, &driver, &mut router, &envelope) {
                continue;
            }
            match envelope {
                Envelope {
                    adapter,
                    via,
                    from: From::Person(person),
                    what: what @ (What::Text(_) | What::Open),
                } => {
                    let text = match what {
                        What::Text(text) => text,
                        _ => String::new(),
                    };
                    router.last.insert(person.clone(), (adapter, via));
                    let replies = held.get_or_insert_with(|| {
                        driver.begin_batch();
                        Vec::new()
                    });
                    match driver.handle(&person, &text, Utc::now()) {
                        Ok(r) => replies.extend(r),
                        Err(DriverError::UnknownPerson) => {}
                        Err(DriverError::Store(e)) => tracing::error!("store failed: {e}"),
                    }
                }
                other => {
                    release_flushed(&mut driver, &mut router, flushing.take());
                    if let Some(replies) = held.take() {
                        release(&mut driver, &mut router, replies);
                    }
                    handle(&mut driver, &mut router, other);
                }
            }
        }
        if let Some(replies) = held.take() {
            match driver.finish_batch_later() {
                Ok(ticket) => {
                    release_flushed(&mut driver, &mut router, flushing.take());
                    flushing = Some((ticket, replies));
                }
                Err(e) => tracing::error!("store failed, replies withheld: {e}"),
            }
        }
    }

    /// End a batch: one flush, and only then its replies. If the flush fails, none is shown
    /// (what Fyr shows must survive a crash).
    fn release(driver: &mut Driver<SledStore>, router: &mut Router, replies: Vec<Rendered>) {
        match driver.finish_batch() {
            Ok(()) => send_all(router, replies),
            Err(e) => tracing::error!("store failed, replies withheld: {e}"),
        }
    }

    /// Wait for a batch's flush, then show its replies (none if the flush failed).
    fn release_flushed(
        driver: &mut Driver<SledStore>,
        router: &mut Router,
        flushing: Option<(FlushTicket, Vec<Rendered>)>,
    ) {
        let Some((ticket, replies)) = flushing else {
            return;
        };
        match driver.wait_flushed(ticket) {
            Ok(()) => send_all(router, replies),
            Err(e) => tracing::error!("store failed, replies withheld: {e}"),
        }
    }

    fn send_all(router: &mut Router, replies: Vec<Rendered>) {
        for reply in replies {
            if let Err(e) = router.send(&reply.to, &reply, None) {
                tracing::warn!("reply not sent: {e}");
            }
        }
    }
}

/// Flood control: too many messages from one person are dropped here, before the engine, with
/// one "slow down" so they know.
fn admitted(
    limiter: &mut RateLimiter,
    driver: &Driver<SledStore>,
    router: &mut Router,
    envelope: &Envelope,
) -> bool {
    let From::Person(person) = &envelope.from else {
        return true;
    };
    match limiter.check(person, std::time::Instant::now()) {
        Verdict::Allow => true,
        Verdict::Drop => false,
        Verdict::Warn => {
            tracing::warn!("flood control: dropping messages from one person");
            let text = note(driver, person, "slow-down");
            router.tell(person, text);
            false
        }
    }
}

fn note(driver: &Driver<SledStore>, person: &PersonId, id: &'static str) -> String {
    let lang = driver.language_of(person).unwrap_or(Language::En);
    driver.localizer().text(lang, &Msg::new(id))
}

fn handle(driver: &mut Driver<SledStore>, router: &mut Router, envelope: Envelope) {
    let Envelope {
        adapter,
        via,
        from,
        what,
    } = envelope;
    let person = match from {
        From::Stranger => {
            // Someone not in bot.toml: answered in Swedish and Danish, nothing stored.
            let text = [Language::Sv, Language::Da]
                .map(|l| driver.localizer().text(l, &Msg::new("not-staff")))
                .join("\n\n");
            if let Some(outlet) = router.outlets.get_mut(adapter) {
                let _ = outlet.send_text(&via, &text);
            }
            return;
        }
        From::Person(person) => person,
    };
    router.last.insert(person.clone(), (adapter, via));
    // A pressed choice's verdict: given once the engine has taken (or refused) it.
    let mut told: Option<(ChoiceVerdict, bool)> = None;
    let text = match what {
        What::File { name, bytes } => {
            match driver.handle_file(&person, &name, bytes, Utc::now()) {
                Ok(replies) => {
                    for reply in replies {
                        if let Err(e) = router.send(&reply.to, &reply, None) {
                            tracing::warn!("reply not sent: {e}");
                        }
                    }
                }
                Err(e) => tracing::error!("a file could not be sealed: {e}"),
            }
            return;
        }
        What::FileTooBig => {
            let lang = driver.language_of(&person).unwrap_or(Language::En);
            let max = (driver.config().max_file_bytes / (1024 * 1024)) as i64;
            let text = driver.localizer().text(
                lang,
                &Msg::new("console-file-too-big").arg("max", crate::engine::Arg::Num(max)),
            );
            router.tell(&person, text);
            return;
        }
        What::Text(text) => text,
        What::Open => String::new(),
        What::Choice { n, tag, verdict } => {
            let now = Utc::now();
            let lang = driver.language_of(&person).unwrap_or(Language::En);
            let current: Vec<String> = driver
                .options_for(&person, now)
                .unwrap_or_default()
                .into_iter()
                .map(|id| driver.localizer().text(lang, &Msg::new(id)))
                .collect();
            let open = router.is_open_question(&person, &tag, n, &current);
            told = verdict.map(|v| (v, open));
            if open {
                n.to_string()
            } else {
                // A button from an earlier question (or another case's message): say so, and
                // show the current one.
                let stale = note(driver, &person, "button-stale");
                router.tell(&person, stale);
                String::new()
            }
        }
        What::Undecryptable | What::Attachment => {
            let id = if matches!(what, What::Undecryptable) {
                "matrix-undecryptable"
            } else {
                "attachment-not-stored"
            };
            let text = note(driver, &person, id);
            router.tell(&person, text);
            return;
        }
    };
    let handled = driver.handle(&person, &text, Utc::now());
    if let Some((verdict, open)) = told {
        (verdict.0)(open && handled.is_ok());
    }
    match handled {
        Ok(replies) => {
            for reply in replies {
                if let Err(e) = router.send(&reply.to, &reply, None) {
                    tracing::warn!("reply not sent: {e}");
                }
            }
        }
        Err(DriverError::UnknownPerson) => {}
        Err(DriverError::Store(e)) => tracing::error!("store failed: {e}"),
    }
    if let Err(e) = driver.tick(Utc::now(), router) {
        tracing::error!("tick failed: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_hash_is_stable_and_tells_questions_apart() {
        let a = vec!["Ja".to_string(), "Nej".to_string()];
        let b = vec!["Ja".to_string(), "Nej, inte nu".to_string()];
        assert_eq!(options_hash(&a), options_hash(&a.clone()));
        assert_ne!(options_hash(&a), options_hash(&b));
        assert_eq!(options_hash(&[]), 0xcbf2_9ce4_8422_2325);
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
    Matrix(#[from] crate::matrix::MatrixError),
    #[cfg(feature = "discord")]
    #[error(transparent)]
    Discord(#[from] crate::discord::DiscordError),
    /// A platform's connection failed for good (a revoked token, refused intents).
    #[error("{0}")]
    Stopped(String),
    #[error("cannot start: {0}")]
    Runtime(String),
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
                let key = store.derived_key(crate::matrix::STORE_KEY_LABEL);
                let outlet =
                    crate::matrix::start(config.clone(), tx.clone(), adapter, key, fatal_tx.clone())
                        .await?;
                outlets.push(Box::new(Named {
                    platform: "matrix",
                    inner: outlet,
                }));
            }
            #[cfg(not(feature = "matrix"))]
            return Err(ServiceError::NotBuiltIn("matrix"));
        }
        if config.discord.is_some() {
            #[cfg(feature = "discord")]
            {
                let adapter = outlets.len();
                let outlet =
                    crate::discord::start(config.clone(), tx.clone(), adapter, fatal_tx.clone())
                        .await?;
                outlets.push(Box::new(Named {
                    platform: "discord",
                    inner: outlet,
                }));
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
            while !crate::signals::stopping() {
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
        result
    })
}
