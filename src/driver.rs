//! The driver: the one path every message and every timer takes. It resolves the sender from
//! the configuration, loads the slice of state the step may touch (their conversation, the
//! cases involved, and the conversations of everyone those cases may address), runs one engine
//! step, and commits the new state together with the step's notifications (outbox) and timers
//! in one transaction — with its replies too, where they go through the outbox (the console and
//! the service). It fires due timers and renders outbox entries for delivery, retrying with
//! backoff. Adapters only translate between their platform and this.

use chrono::{DateTime, Duration, Utc};
use thiserror::Error;

use crate::config::Config;
use crate::engine::{self, command, Directory, Effect, Env, Event, Input, Msg, Timer, World};
use crate::export::ExportFile;
use crate::i18n::{Localizer, Rendered};
use crate::model::{CaseId, Language, PersonId};
use crate::store::{AuditEntry, Commit, OutboxEntry, Store, StoreError, TimerOp};

#[derive(Debug, Error)]
pub enum DriverError {
    /// The sender is not in bot.toml. Adapters answer with a localized message or ignore it.
    #[error("unknown person")]
    UnknownPerson,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A delivery that did not go through; it is retried later.
#[derive(Debug, Error)]
#[error("delivery failed: {0}")]
pub struct DeliveryError(pub String);

/// Where notifications go. An adapter must treat `key` as an idempotency key (Matrix: the
/// transaction id; Discord: the nonce): delivering the same key twice must show it once. With
/// that, the outbox delivers each notification exactly once even across crashes.
pub trait Deliver {
    fn deliver(&mut self, key: &str, message: &Rendered) -> Result<(), DeliveryError>;
}

/// Where fresh case references come from.
pub trait CaseIds: Send {
    fn next_case_id(&mut self) -> CaseId;
}

/// Random, neutral references such as `F-7K3M-Q9XD`: 40 bits from the OS, in Crockford base32
/// (no I, L, O or U), so they are easy to read aloud and reveal nothing.
#[derive(Debug, Default)]
pub struct RandomCaseIds;

impl CaseIds for RandomCaseIds {
    fn next_case_id(&mut self) -> CaseId {
        let mut bytes = [0u8; 5];
        if getrandom::getrandom(&mut bytes).is_err() {
            // No OS randomness is a broken machine; fall back to the clock's nanoseconds rather
            // than refusing to help someone in distress.
            let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
            bytes.copy_from_slice(&nanos.to_be_bytes()[3..8]);
        }
        CaseId::new(format_case_id(u64::from_be_bytes([
            0, 0, 0, bytes[0], bytes[1], bytes[2], bytes[3], bytes[4],
        ])))
    }
}

/// Deterministic references for tests and golden transcripts.
#[derive(Debug, Default)]
pub struct SequentialCaseIds(u64);

impl CaseIds for SequentialCaseIds {
    fn next_case_id(&mut self) -> CaseId {
        self.0 += 1;
        CaseId::new(format_case_id(self.0))
    }
}

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn format_case_id(n: u64) -> String {
    let digits: String = (0..8)
        .rev()
        .map(|i| CROCKFORD[((n >> (i * 5)) & 31) as usize] as char)
        .collect();
    format!("F-{}-{}", &digits[..4], &digits[4..])
}

/// The longest note Fyr seals from one message.
pub const MAX_NOTE_CHARS: usize = 20_000;

/// How long to wait before retrying a failed delivery: 5 s, doubling, at most 10 minutes.
pub fn backoff(attempts: u32) -> Duration {
    let seconds = 5i64.saturating_mul(1i64 << attempts.min(8).saturating_sub(1));
    Duration::seconds(seconds.min(600))
}

/// What a committed step leaves to show: its replies and the exports it asked for.
#[derive(Debug, Default)]
struct Committed {
    replies: Vec<engine::Outgoing>,
    exports: Vec<(CaseId, PersonId)>,
    /// How many effects the step had (for the log).
    effects: usize,
    /// Plaintext exports of cases this step erases (folder, case), deleted after the commit.
    erased_exports: Vec<(std::path::PathBuf, CaseId)>,
}

/// The timers a commit removes because they fired (or were moot).
#[derive(Clone, Copy)]
enum Fired<'a> {
    /// None: a message's step.
    Nothing,
    One(&'a Timer),
    /// Several at once: their notifications to one person are folded into one.
    Together(&'a [Timer]),
}

impl<'a> Fired<'a> {
    fn timers(self) -> &'a [Timer] {
        match self {
            Fired::Nothing => &[],
            Fired::One(timer) => std::slice::from_ref(timer),
            Fired::Together(timers) => timers,
        }
    }
}

/// What a `tick` did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    pub timers_fired: usize,
    /// Timers not fired because a later timer due at the same tick made them moot.
    pub timers_skipped: usize,
    pub delivered: usize,
    pub failed: usize,
    /// Notifications due but left for the next tick by the delivery pace.
    pub held_back: usize,
}

/// Where an export asked for in the chat goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportTarget {
    /// Nowhere: the person is asked to give the reference to the operator (`fyr export`).
    Operator,
    /// Written into a folder on this machine (the console).
    Folder(std::path::PathBuf),
    /// Sent as attachments in the chat, up to this many bytes in all.
    Attachments { max_bytes: u64 },
}

pub struct Driver<S: Store> {
    config: Config,
    store: S,
    localizer: Localizer,
    case_ids: Box<dyn CaseIds>,
    /// A case reference drawn but not yet used by a step.
    spare_case_id: Option<CaseId>,
    /// Where exports asked for in the chat go.
    export_to: ExportTarget,
    /// At most this many deliveries per tick (None: all that are due).
    pace: Option<usize>,
    /// Replies go through the outbox too (the console and the service): committed with the
    /// step that caused them, delivered and retried like notifications, never dropped.
    replies_via_outbox: bool,
    /// The creation time of the newest outbox entry: entries get strictly increasing times, so
    /// a person's messages keep their order even when steps share a (simulated) instant.
    last_created: Option<DateTime<Utc>>,
    /// The outbox entries committed since the service last took them (if it does).
    new_outbox: Option<Vec<OutboxEntry>>,
}

impl<S: Store> Driver<S> {
    pub fn new(config: Config, store: S, localizer: Localizer, case_ids: Box<dyn CaseIds>) -> Self {
        Driver {
            config,
            store,
            localizer,
            case_ids,
            spare_case_id: None,
            export_to: ExportTarget::Operator,
            pace: None,
            replies_via_outbox: false,
            last_created: None,
            new_outbox: None,
        }
    }

    /// Send replies through the outbox (see [`Driver::handle`]).
    pub fn set_replies_via_outbox(&mut self) {
        self.replies_via_outbox = true;
    }

    /// A creation time for a new outbox entry: `now`, or just after the newest entry.
    fn created_at(&mut self, now: DateTime<Utc>) -> Result<DateTime<Utc>, StoreError> {
        let last = match self.last_created {
            Some(last) => last,
            None => self
                .store
                .pending_outbox(DateTime::<Utc>::MAX_UTC)?
                .iter()
                .map(|e| e.created_at)
                .max()
                .unwrap_or(DateTime::<Utc>::MIN_UTC),
        };
        let at = now.max(last + Duration::microseconds(1));
        self.last_created = Some(at);
        Ok(at)
    }

    /// Write exports asked for in the chat into this folder (the console).
    pub fn set_export_dir(&mut self, dir: std::path::PathBuf) {
        self.export_to = ExportTarget::Folder(dir);
    }

    /// Send exports asked for in the chat as attachments, up to `max_bytes` in all; a larger
    /// export sends the report and manifest and points to the operator for the originals.
    pub fn set_export_attachments(&mut self, max_bytes: u64) {
        self.export_to = ExportTarget::Attachments { max_bytes };
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Put a new configuration in place (a reload, see `reload::apply`); returns the old one.
    pub fn replace_config(&mut self, config: Config) -> Config {
        std::mem::replace(&mut self.config, config)
    }

    /// The store, for closing it explicitly (see `SledStore::close`).
    pub fn into_store(self) -> S {
        self.store
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn localizer(&self) -> &Localizer {
        &self.localizer
    }

    /// The language a person reads: chosen in chat, else configured.
    pub fn language_of(&self, person: &PersonId) -> Result<Language, DriverError> {
        let chosen = self
            .store
            .load_conversation(person)?
            .and_then(|c| c.language);
        Ok(chosen.unwrap_or_else(|| self.configured_language(person)))
    }

    /// The language of a person whose conversation is loaded in `world` (if they have one).
    fn language_in(&self, world: &World, person: &PersonId) -> Language {
        let chosen = world.conversations.get(person).and_then(|c| c.language);
        chosen.unwrap_or_else(|| self.configured_language(person))
    }

    fn configured_language(&self, person: &PersonId) -> Language {
        self.config
            .person(person.as_str())
            .map_or(Language::En, |p| p.language)
    }

    /// A fresh case reference, kept until a step uses it (so references are not wasted).
    fn case_id(&mut self) -> CaseId {
        self.spare_case_id
            .get_or_insert_with(|| self.case_ids.next_case_id())
            .clone()
    }

    fn load_conversation(&self, world: &mut World, person: &PersonId) -> Result<(), StoreError> {
        if !world.conversations.contains_key(person) {
            if let Some(mut c) = self.store.load_conversation(person)? {
                // A notification about a case erased since waits for nobody: never listed.
                if !c.pending.is_empty() {
                    let mut kept = Vec::with_capacity(c.pending.len());
                    for waiting in std::mem::take(&mut c.pending) {
                        if self.store.load_case(&waiting.case)?.is_some() {
                            kept.push(waiting);
                        }
                    }
                    c.pending = kept;
                }
                world.conversations.insert(person.clone(), c);
            }
        }
        Ok(())
    }

    /// Load a case and the conversations of everyone it may address.
    fn load_case(&self, world: &mut World, id: &CaseId) -> Result<(), StoreError> {
        if world.cases.contains_key(id) {
            return Ok(());
        }
        let Some(case) = self.store.load_case(id)? else {
            return Ok(());
        };
        let mut parties = vec![case.owner.clone()];
        if let Some(policy) = self.config.policy(&case.unit) {
            parties.extend(policy.manager_chain.iter().cloned());
            parties.extend(policy.safety_reps.iter().cloned());
            parties.extend(policy.out_of_hours.iter().cloned());
        }
        for track in &case.tracks {
            parties.extend(track.chain.iter().cloned());
        }
        // Colleagues helping with evidence, and the one the employee is about to invite.
        parties.extend(case.helpers.iter().map(|h| h.person.clone()));
        parties.extend(case.draft.helper.iter().cloned());
        world.cases.insert(id.clone(), case);
        for person in parties {
            self.load_conversation(world, &person)?;
        }
        Ok(())
    }

    /// Everyone a new case of `person` may address (their unit's chain and safety reps).
    fn load_unit_parties(&self, world: &mut World, person: &PersonId) -> Result<(), StoreError> {
        let Some(unit) = self.config.person(person.as_str()).map(|p| p.unit.clone()) else {
            return Ok(());
        };
        if let Some(policy) = self.config.policy(&unit) {
            let parties: Vec<PersonId> = policy
                .manager_chain
                .iter()
                .chain(&policy.safety_reps)
                .chain(&policy.out_of_hours)
                .cloned()
                .collect();
            for p in parties {
                self.load_conversation(world, &p)?;
            }
        }
        Ok(())
    }

    /// Load what a message from `person` may touch.
    fn world_for(&self, person: &PersonId) -> Result<World, StoreError> {
        let mut world = World::default();
        self.load_conversation(&mut world, person)?;
        let cases: Vec<CaseId> = world
            .conversations
            .get(person)
            .map(|c| c.case.iter().chain(c.about.iter()).cloned().collect())
            .unwrap_or_default();
        for id in &cases {
            self.load_case(&mut world, id)?;
        }
        if cases.iter().any(|id| !world.cases.contains_key(id)) {
            // A case this person was in was erased meanwhile.
            let known = &world.cases;
            if let Some(c) = world.conversations.get_mut(person) {
                forget_erased(c, |id| known.contains_key(id));
            }
        }
        self.load_unit_parties(&mut world, person)?;
        Ok(world)
    }

    /// The message ids of the options `person` is offered right now (adapters that show
    /// buttons use them; tests walk with them).
    pub fn options_for(
        &mut self,
        person: &PersonId,
        now: DateTime<Utc>,
    ) -> Result<Vec<&'static str>, DriverError> {
        let world = self.world_for(person)?;
        let fresh = self.case_id();
        let env = Env {
            now,
            directory: &self.config,
            fresh_case_id: &fresh,
        };
        Ok(engine::current_options(&world, person, &env))
    }

    /// What `person` sees when a chat opens again (a console restart): the step they are at,
    /// shown without recording anything — they took no step. Someone new gets the greeting
    /// (that starts their conversation); someone whose case was erased starts again.
    pub fn resume(
        &mut self,
        person: &PersonId,
        now: DateTime<Utc>,
    ) -> Result<Vec<Rendered>, DriverError> {
        if self.config.person(person.as_str()).is_none() {
            return Err(DriverError::UnknownPerson);
        }
        let world = self.world_for(person)?;
        let stored = self.store.load_conversation(person)?;
        let unchanged = stored.is_some() && stored.as_ref() == world.conversations.get(person);
        // New, sent back to the start, or paused (opening the chat resumes it): a real step.
        if !unchanged
            || stored
                .as_ref()
                .is_some_and(|c| c.step.is_none() || c.paused)
        {
            return self.handle(person, "", now);
        }
        let language = self.language_in(&world, person);
        let fresh = self.case_id();
        let env = Env {
            now,
            directory: &self.config,
            fresh_case_id: &fresh,
        };
        let event = Event::Message {
            from: person.clone(),
            input: Input::Empty,
        };
        let (_, effects) = engine::step(&world, &event, &env);
        Ok(effects
            .iter()
            .filter_map(|e| match e {
                Effect::Reply(m) => Some(self.localizer.render(language, m)),
                _ => None,
            })
            .collect())
    }

    /// Handle one message from `from` at `now`; returns the replies to show them. Notifications
    /// to others are in the outbox: deliver them with `tick`.
    pub fn handle(
        &mut self,
        from: &PersonId,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<Rendered>, DriverError> {
        if self.config.person(from.as_str()).is_none() {
            return Err(DriverError::UnknownPerson);
        }
        let mut world = self.world_for(from)?;
        let language = self.language_in(&world, from);
        let fresh = self.case_id();
        let env = Env {
            now,
            directory: &self.config,
            fresh_case_id: &fresh,
        };
        let labels = || {
            engine::current_option_msgs(&world, from, &env)
                .into_iter()
                .map(|msg| self.localizer.text_for(from, language, &msg))
                .collect()
        };
        let mut input = command::interpret_with(text, labels);
        let at = world.conversations.get(from).and_then(|c| c.step.clone());
        if at.as_deref().is_some_and(engine::takes_text)
            && matches!(
                input,
                Input::Unrecognized | Input::Danger | Input::TooLong | Input::Said(_)
            )
            && text.chars().count() <= MAX_NOTE_CHARS
        {
            // A note or a link for the evidence: kept as written.
            input = Input::Text(text.to_string());
        }
        if let Input::Command(engine::Command::Ack(reference)) = &input {
            let id = CaseId::new(reference.trim().to_uppercase());
            self.load_case(&mut world, &id)?;
        }
        self.step_message(world, from, input, now)
    }

    /// A file from `from` (console path, chat attachment): sealed as evidence to their case.
    pub fn handle_file(
        &mut self,
        from: &PersonId,
        name: &str,
        bytes: Vec<u8>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Rendered>, DriverError> {
        if self.config.person(from.as_str()).is_none() {
            return Err(DriverError::UnknownPerson);
        }
        let world = self.world_for(from)?;
        let input = Input::File {
            name: name.to_string(),
            bytes,
        };
        self.step_message(world, from, input, now)
    }

    /// Run one message through the engine, commit it, and render the replies.
    fn step_message(
        &mut self,
        world: World,
        from: &PersonId,
        input: Input,
        now: DateTime<Utc>,
    ) -> Result<Vec<Rendered>, DriverError> {
        let language = self.language_in(&world, from);
        let fresh = self.case_id();
        let env = Env {
            now,
            directory: &self.config,
            fresh_case_id: &fresh,
        };
        let event = Event::Message {
            from: from.clone(),
            input,
        };
        let (next, effects) = engine::step(&world, &event, &env);
        let (opened, cases) = (next.cases.contains_key(&fresh), next.cases.len());
        // The reply is in the language the person reads after this step (they may just have
        // changed it).
        let language = next
            .conversations
            .get(from)
            .and_then(|c| c.language)
            .unwrap_or(language);
        let done = self.commit(&world, next, effects, Fired::Nothing, now, from.as_str())?;
        if opened {
            // Used: the next case gets a new reference (kept if the commit failed).
            self.spare_case_id = None;
        }
        tracing::debug!(cases, effects = done.effects, "step committed");
        let mut rendered: Vec<Rendered> = done
            .replies
            .iter()
            .map(|m| self.localizer.render(language, m))
            .collect();
        for (case, to) in done.exports {
            let (msg, files) = self.export(&case, now);
            let message = engine::Outgoing {
                to,
                body: vec![msg],
                options: Vec::new(),
            };
            if self.replies_via_outbox {
                // The files are built again when it is delivered (`render_outbox`).
                let entry = self.reply_entry(message, now)?;
                self.commit_outbox(entry)?;
                continue;
            }
            let mut reply = self.localizer.render(language, &message);
            reply.files = files;
            rendered.push(reply);
        }
        Ok(rendered)
    }

    /// Export a case where this platform can take it: the message says where, or why not,
    /// and carries the files when they go as attachments.
    fn export(&self, case: &CaseId, now: DateTime<Utc>) -> (Msg, Vec<ExportFile>) {
        let reference = || Msg::new("export-ask-operator").str("case", case.to_string());
        let failed = |e: crate::export::ExportError| {
            tracing::error!("export failed: {e}");
            (Msg::new("export-failed"), Vec::new())
        };
        match &self.export_to {
            ExportTarget::Operator => (reference(), Vec::new()),
            ExportTarget::Folder(dir) => match crate::export::export_case(
                &self.store,
                &self.config,
                &self.localizer,
                case,
                &dir.join(case.as_str()),
                now,
            ) {
                Ok(done) => {
                    let folder = dir.join(case.as_str());
                    let recorded = self
                        .store
                        .load_case(case)
                        .map_err(|e| e.to_string())
                        .and_then(|c| c.ok_or_else(|| "the case is gone".to_string()))
                        .and_then(|c| {
                            crate::erasure::record_export(&self.store, &c, &folder, false, now)
                                .map_err(|e| e.to_string())
                        });
                    if let Err(e) = recorded {
                        tracing::warn!("where an export went could not be recorded: {e}");
                    }
                    (
                        Msg::new("export-files").str(
                            "files",
                            [done.pdf, done.zip, done.manifest]
                                .iter()
                                .map(|p| p.display().to_string())
                                .collect::<Vec<_>>()
                                .join("\n"),
                        ),
                        Vec::new(),
                    )
                }
                Err(e) => failed(e),
            },
            ExportTarget::Attachments { max_bytes } => {
                match crate::export::build_export(
                    &self.store,
                    &self.config,
                    &self.localizer,
                    case,
                    now,
                ) {
                    Ok([pdf, zip, manifest]) => {
                        let all = (pdf.bytes.len() + zip.bytes.len() + manifest.bytes.len()) as u64;
                        if all <= *max_bytes {
                            (
                                Msg::new("export-attached").str("case", case.to_string()),
                                vec![pdf, zip, manifest],
                            )
                        } else {
                            (
                                Msg::new("export-attached-without-originals")
                                    .str("case", case.to_string()),
                                vec![pdf, manifest],
                            )
                        }
                    }
                    Err(e) => failed(e),
                }
            }
        }
    }

    /// Commit a step: changed conversations and cases, new outbox entries, timer changes (and
    /// the removal of the timer that fired), in one transaction. Takes the step's outcome
    /// over (nothing of it is copied) and returns the replies and the exports asked for.
    fn commit(
        &mut self,
        before: &World,
        after: World,
        effects: Vec<Effect>,
        fired: Fired,
        now: DateTime<Utc>,
        actor: &str,
    ) -> Result<Committed, StoreError> {
        let mut commit = Commit {
            conversations: after
                .conversations
                .into_iter()
                .filter(|(k, v)| before.conversations.get(k) != Some(v))
                .map(|(_, v)| v)
                .collect(),
            cases: after
                .cases
                .into_iter()
                .filter(|(k, v)| before.cases.get(k) != Some(v))
                .map(|(_, v)| v)
                .collect(),
            ..Commit::default()
        };
        for timer in fired.timers() {
            commit.timers.push(TimerOp::Cancel(timer.key.clone()));
        }
        let entry = |who: &str, action: &str, case: Option<&CaseId>| AuditEntry {
            at: now,
            who: who.to_string(),
            action: action.to_string(),
            case: case.cloned(),
            place: None,
        };
        // Which cases this step touched: the ones it changed.
        for case in &commit.cases {
            let action = if fired.timers().is_empty() {
                "step"
            } else {
                "timer"
            };
            commit.audit.push(entry(actor, action, Some(&case.id)));
        }
        let mut done = Committed {
            effects: effects.len(),
            ..Committed::default()
        };
        // Replies first: the person reads the answer to what they did before what follows.
        let (replies, others): (Vec<Effect>, Vec<Effect>) = effects
            .into_iter()
            .partition(|e| matches!(e, Effect::Reply(_)));
        for effect in replies.into_iter().chain(others) {
            match effect {
                Effect::Reply(m) if self.replies_via_outbox => {
                    let reply = self.reply_entry(m, now)?;
                    commit.outbox.push(reply)
                }
                Effect::Reply(m) => done.replies.push(m),
                Effect::Notify { key, message } => {
                    let case = CaseId::new(key.split('/').next().unwrap_or_default());
                    commit
                        .audit
                        .push(entry(message.to.as_str(), "notified", Some(&case)));
                    commit.outbox.push(OutboxEntry {
                        key,
                        message,
                        created_at: self.created_at(now)?,
                        attempts: 0,
                        next_attempt_at: now,
                        delivered_at: None,
                    })
                }
                Effect::SetTimer(t) => commit.timers.push(TimerOp::Set(t)),
                Effect::CancelTimer(k) => commit.timers.push(TimerOp::Cancel(k)),
                Effect::SealEvidence { item, content } => {
                    commit
                        .audit
                        .push(entry(actor, "evidence-sealed", Some(&item.case)));
                    commit.evidence.push((item, content))
                }
                Effect::EraseOwner(person) => {
                    // Those told about each case hear that it was closed; its exports go after
                    // the commit; the audit keeps a neutral line per case, under a pseudonym.
                    for case in self.store.cases_of(&person)? {
                        let told = crate::erasure::told_about(&case);
                        commit
                            .outbox
                            .extend(crate::erasure::closed_notices(&case.id, &told, now));
                        let who = self.store.pseudonym(&case.id, person.as_str());
                        commit
                            .audit
                            .push(crate::erasure::erased_line(&case.id, &who, now));
                        for place in crate::erasure::export_places(&self.store, &case.id)? {
                            done.erased_exports.push((place, case.id.clone()));
                        }
                    }
                    commit.erase_owners.push(person)
                }
                Effect::Export { case, to } => {
                    commit.audit.push(entry(actor, "export", Some(&case)));
                    done.exports.push((case, to));
                }
                Effect::EraseCase(case) => {
                    commit
                        .audit
                        .push(entry(actor, "erased-retention", Some(&case)));
                    for place in crate::erasure::export_places(&self.store, &case)? {
                        done.erased_exports.push((place, case.clone()));
                    }
                    commit.erase_cases.push(case)
                }
            }
        }
        if matches!(fired, Fired::Together(_)) {
            commit.outbox = fold_per_recipient(std::mem::take(&mut commit.outbox));
        }
        let kept = self.new_outbox.is_some().then(|| commit.outbox.clone());
        self.store.commit(commit)?;
        if let (Some(new), Some(kept)) = (self.new_outbox.as_mut(), kept) {
            new.extend(kept);
        }
        for (place, case) in std::mem::take(&mut done.erased_exports) {
            crate::erasure::remove_exports(&[place], &case);
        }
        Ok(done)
    }

    /// A reply as an outbox entry: its key is the person's (not a case's, so that a reply
    /// saying a case was erased still goes out) with a random part, never reused.
    fn reply_entry(
        &mut self,
        message: engine::Outgoing,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        let mut nonce = [0u8; 8];
        getrandom::getrandom(&mut nonce)
            .map_err(|e| StoreError::Backend(format!("no random bytes: {e}")))?;
        Ok(OutboxEntry {
            key: format!(
                "{}/{}/{}",
                crate::store::PERSONAL,
                message.to,
                data_encoding::HEXLOWER.encode(&nonce)
            ),
            message,
            created_at: self.created_at(now)?,
            attempts: 0,
            next_attempt_at: now,
            delivered_at: None,
        })
    }

    /// An outbox entry as its recipient reads it now: in their language, with the files of an
    /// export that goes as attachments (built at delivery: the outbox keeps no copies).
    pub fn render_outbox(
        &self,
        entry: &OutboxEntry,
        now: DateTime<Utc>,
    ) -> Result<Rendered, DriverError> {
        let language = self.language_of(&entry.message.to)?;
        let mut rendered = self.localizer.render(language, &entry.message);
        let attached = entry.message.body.iter().find_map(|m| {
            let case = || match m.args.iter().find(|(k, _)| k == "case") {
                Some((_, engine::Arg::Str(case))) => Some(CaseId::new(case)),
                _ => None,
            };
            match m.id.as_ref() {
                "export-attached" => case().map(|c| (c, true)),
                "export-attached-without-originals" => case().map(|c| (c, false)),
                _ => None,
            }
        });
        if let (Some((case, originals)), ExportTarget::Attachments { .. }) =
            (attached, &self.export_to)
        {
            match crate::export::build_export(
                &self.store,
                &self.config,
                &self.localizer,
                &case,
                now,
            ) {
                Ok([pdf, zip, manifest]) if originals => rendered.files = vec![pdf, zip, manifest],
                Ok([pdf, _, manifest]) => rendered.files = vec![pdf, manifest],
                Err(e) => tracing::error!("an export to attach could not be built: {e}"),
            }
        }
        Ok(rendered)
    }

    /// Every undelivered outbox entry whose next attempt is due, oldest first (each person's
    /// in the order they were made).
    pub fn pending_outbox(&self, now: DateTime<Utc>) -> Result<Vec<OutboxEntry>, DriverError> {
        let mut pending = self.store.pending_outbox(now)?;
        pending.sort_by_key(|e| e.created_at);
        Ok(pending)
    }

    /// Record the outcome of delivering an outbox entry: delivered, or a failed attempt (retried
    /// after a backoff). An entry that is gone (its case erased meanwhile) is left alone.
    pub fn record_delivery(
        &mut self,
        key: &str,
        delivered: bool,
        now: DateTime<Utc>,
    ) -> Result<(), DriverError> {
        let Some(mut entry) = self.undelivered(key)? else {
            return Ok(());
        };
        entry.attempts += 1;
        if delivered {
            entry.delivered_at = Some(now);
        } else {
            entry.next_attempt_at = now + backoff(entry.attempts);
        }
        self.store.update_outbox(&entry)?;
        Ok(())
    }

    /// The outbox entry under `key` if it is still to be delivered (None: gone with its case,
    /// or delivered).
    fn undelivered(&self, key: &str) -> Result<Option<OutboxEntry>, StoreError> {
        Ok(self
            .store
            .outbox_entry(key)?
            .filter(|entry| entry.delivered_at.is_none()))
    }

    /// Give up an outbox entry for good (its recipient has left the directory): it is marked
    /// done without being shown, and the audit log says why (no content, no recipient).
    pub fn abandon_delivery(
        &mut self,
        key: &str,
        why: &str,
        now: DateTime<Utc>,
    ) -> Result<(), DriverError> {
        let Some(mut entry) = self.undelivered(key)? else {
            return Ok(());
        };
        entry.delivered_at = Some(now);
        self.store.update_outbox(&entry)?;
        let case = (!crate::store::is_personal(key))
            .then(|| CaseId::new(key.split('/').next().unwrap_or_default()));
        self.store.append_audit(&[AuditEntry {
            at: now,
            who: "fyr".to_string(),
            action: why.to_string(),
            case,
            place: None,
        }])?;
        Ok(())
    }

    /// Fire every timer due at `now` (each exactly once: its removal is committed with its
    /// effects), then deliver what is due in the outbox.
    pub fn tick(
        &mut self,
        now: DateTime<Utc>,
        sink: &mut dyn Deliver,
    ) -> Result<Tick, DriverError> {
        let mut tick = self.fire_due(now)?;
        let (delivered, failed, held_back) = self.deliver_paced(now, sink)?;
        tick.delivered = delivered;
        tick.failed = failed;
        tick.held_back = held_back;
        Ok(tick)
    }

    /// A short message to a person outside a step (flood control, an earlier button, a file
    /// that could not be taken), through the outbox like every reply.
    pub fn say(&mut self, to: &PersonId, msg: Msg, now: DateTime<Utc>) -> Result<(), DriverError> {
        let entry = self.reply_entry(
            engine::Outgoing {
                to: to.clone(),
                body: vec![msg],
                options: Vec::new(),
            },
            now,
        )?;
        self.commit_outbox(entry)?;
        Ok(())
    }

    /// Commit one outbox entry on its own.
    fn commit_outbox(&mut self, entry: OutboxEntry) -> Result<(), StoreError> {
        let kept = self.new_outbox.is_some().then(|| entry.clone());
        self.store.commit(Commit {
            outbox: vec![entry],
            ..Commit::default()
        })?;
        if let (Some(new), Some(entry)) = (self.new_outbox.as_mut(), kept) {
            new.push(entry);
        }
        Ok(())
    }

    /// Keep the outbox entries of each commit for [`Driver::take_new_outbox`] (the service
    /// hands them to its delivery queues without reading the outbox again).
    pub fn keep_new_outbox(&mut self) {
        self.new_outbox.get_or_insert_with(Vec::new);
    }

    /// The outbox entries committed since the last call, in order.
    pub fn take_new_outbox(&mut self) -> Vec<OutboxEntry> {
        self.new_outbox
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    /// Fire every timer due at `now`, each exactly once (its removal is committed with its
    /// effects); what they send waits in the outbox.
    pub fn fire_due(&mut self, now: DateTime<Utc>) -> Result<Tick, DriverError> {
        let mut tick = Tick::default();
        loop {
            // Every timer due now (usually one; after downtime, all that came due meanwhile),
            // in due order.
            let due = self.store.due_timers(now, usize::MAX)?;
            if due.is_empty() {
                break;
            }
            if let [timer] = due.as_slice() {
                self.fire(timer, now)?;
                tick.timers_fired += 1;
                continue;
            }
            // Several at once (after downtime, or a jump of the clock): what a later one makes
            // moot goes unsent, the rest fire in due order in one commit, and what they say to
            // one person comes as one message.
            let live: Vec<&Timer> = due.iter().filter(|t| !superseded(t, &due)).collect();
            self.fire_together(&live, &due, now)?;
            tick.timers_fired += live.len();
            tick.timers_skipped += due.len() - live.len();
        }
        Ok(tick)
    }

    fn fire(&mut self, timer: &Timer, now: DateTime<Utc>) -> Result<(), DriverError> {
        let mut world = World::default();
        self.load_case(&mut world, &timer.case)?;
        let fresh = self.case_id();
        let env = Env {
            now,
            directory: &self.config,
            fresh_case_id: &fresh,
        };
        let (next, effects) = engine::step(&world, &Event::Timer(timer.clone()), &env);
        let done = self.commit(&world, next, effects, Fired::One(timer), now, "fyr")?;
        tracing::debug!(effects = done.effects, "timer fired");
        Ok(())
    }

    /// Fire `live` in order, one after the other on the same world, and commit them with the
    /// removal of every timer in `due` (the moot ones too) as one transaction; notifications to
    /// one person are folded into one.
    fn fire_together(
        &mut self,
        live: &[&Timer],
        due: &[Timer],
        now: DateTime<Utc>,
    ) -> Result<(), DriverError> {
        let mut world = World::default();
        for timer in live {
            self.load_case(&mut world, &timer.case)?;
        }
        let before = world.clone();
        let fresh = self.case_id();
        let env = Env {
            now,
            directory: &self.config,
            fresh_case_id: &fresh,
        };
        let mut effects = Vec::new();
        for timer in live {
            let (next, more) = engine::step(&world, &Event::Timer((*timer).clone()), &env);
            world = next;
            effects.extend(more);
        }
        let done = self.commit(&before, world, effects, Fired::Together(due), now, "fyr")?;
        tracing::debug!(
            timers = due.len(),
            effects = done.effects,
            "timers fired together"
        );
        Ok(())
    }

    /// Deliver at most `per_tick` notifications per tick (`tick`), oldest first; the rest wait
    /// for the next ticks (`Tick::held_back` says how many). After downtime, or when many cases
    /// come due at once, a chat platform then gets a steady stream rather than a burst.
    pub fn set_delivery_pace(&mut self, per_tick: usize) {
        self.pace = Some(per_tick.max(1));
    }

    /// Deliver pending notifications; a failure schedules a retry with backoff.
    pub fn deliver(
        &mut self,
        now: DateTime<Utc>,
        sink: &mut dyn Deliver,
    ) -> Result<(usize, usize), DriverError> {
        let (delivered, failed, _) = self.deliver_paced(now, sink)?;
        Ok((delivered, failed))
    }

    /// `deliver`, up to the pace; also returns how many were held back.
    fn deliver_paced(
        &mut self,
        now: DateTime<Utc>,
        sink: &mut dyn Deliver,
    ) -> Result<(usize, usize, usize), DriverError> {
        let (mut delivered, mut failed) = (0, 0);
        let mut pending = self.pending_outbox(now)?;
        let held_back = self
            .pace
            .map_or(0, |pace| pending.len().saturating_sub(pace));
        pending.truncate(pending.len() - held_back);
        for mut entry in pending {
            let rendered = self.render_outbox(&entry, now)?;
            match sink.deliver(&entry.key, &rendered) {
                Ok(()) => {
                    entry.delivered_at = Some(now);
                    delivered += 1;
                }
                Err(e) => {
                    entry.attempts += 1;
                    entry.next_attempt_at = now + backoff(entry.attempts);
                    failed += 1;
                    tracing::warn!(attempts = entry.attempts, "notification not delivered: {e}");
                }
            }
            entry.attempts += u32::from(entry.delivered_at.is_some());
            self.store.update_outbox(&entry)?;
        }
        Ok((delivered, failed, held_back))
    }
}

/// Notifications to the same person folded into one, at the place of their first: an opening
/// line, then each in turn; the options are those of the last (the step the person is at
/// now). Its key is the first one's, so a retry is the same message.
fn fold_per_recipient(outbox: Vec<OutboxEntry>) -> Vec<OutboxEntry> {
    let mut folded: Vec<OutboxEntry> = Vec::new();
    let mut counts: Vec<i64> = Vec::new();
    for entry in outbox {
        match folded.iter().position(|f| f.message.to == entry.message.to) {
            Some(i) => {
                folded[i].message.body.extend(entry.message.body);
                // A note without options (an acknowledgement, a handover) leaves the options of
                // the question before it: the person's step is still that question.
                if !entry.message.options.is_empty() {
                    folded[i].message.options = entry.message.options;
                }
                counts[i] += 1;
            }
            None => {
                folded.push(entry);
                counts.push(1);
            }
        }
    }
    for (entry, count) in folded.iter_mut().zip(counts) {
        if count > 1 {
            entry.message.body.insert(
                0,
                Msg::new("digest-intro").arg("count", engine::Arg::Num(count)),
            );
        }
    }
    folded
}

/// Whether a due timer is moot because another timer of its case, due at the same tick, goes
/// further: a reminder when the escalation past that person is due, a check-in, follow-up or
/// duty reminder when a later one of the same kind is due. (After downtime, or a jump of the
/// simulated clock, the person would otherwise get both at once.)
fn superseded(timer: &Timer, due: &[Timer]) -> bool {
    use engine::TimerKind::*;
    due.iter()
        .filter(|other| other.case == timer.case && other.key != timer.key)
        .any(|other| match (&timer.kind, &other.kind) {
            (Remind { track, stage }, Advance { track: t, stage: s }) => t == track && s >= stage,
            (CheckIn { n }, CheckIn { n: m }) | (FollowUp { n }, FollowUp { n: m }) => m > n,
            (Duty { duty, n }, Duty { duty: d, n: m }) => d == duty && m > n,
            _ => false,
        })
}

/// A conversation whose case (or the case its step is about) was erased: it forgets the case
/// and, if it was at a step of that case, starts again. `exists` says which cases are there.
fn forget_erased(c: &mut engine::Conversation, exists: impl Fn(&CaseId) -> bool) {
    let gone = |id: &Option<CaseId>| id.as_ref().is_some_and(|id| !exists(id));
    let (case_gone, about_gone) = (gone(&c.case), gone(&c.about));
    let about_step = c
        .step
        .as_deref()
        .and_then(engine::find_step)
        .is_some_and(|(book, _)| book.context == engine::playbook::Context::About);
    if case_gone {
        c.case = None;
    }
    if about_gone {
        c.about = None;
    }
    if (case_gone && !about_step) || (about_gone && about_step) {
        c.step = None;
        c.back.clear();
        c.paused = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_ids_are_neutral_and_well_formed() {
        let mut ids = SequentialCaseIds::default();
        assert_eq!(ids.next_case_id().as_str(), "F-0000-0001");
        let mut random = RandomCaseIds;
        let a = random.next_case_id();
        let b = random.next_case_id();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), "F-0000-0000".len());
        assert!(a.as_str()[2..]
            .chars()
            .all(|c| c == '-' || CROCKFORD.contains(&(c as u8))));
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(5));
        assert_eq!(backoff(2), Duration::seconds(10));
        assert_eq!(backoff(3), Duration::seconds(20));
        assert_eq!(backoff(30), Duration::seconds(600));
    }
}
