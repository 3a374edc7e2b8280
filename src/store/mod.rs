//! Persistence behind one trait: each person's conversation, each case, the pending timers and
//! the outbox of notifications. `SledStore` keeps it on disk (the default, `./fyr-data`);
//! `MemoryStore` is its in-memory twin for tests. Both pass the same conformance suite
//! (tests/it/store.rs). Only this module knows sled. A commit is atomic and durable before it
//! returns: what Fyr has acknowledged is kept, and a notification exists exactly when the state
//! change that caused it does. The next backend (e.g. PostgreSQL) is one more file beside
//! `disk.rs`, passing the same suite.

mod backup;
mod disk;
mod memory;
mod rotate;
mod upgrade;
pub mod vault;

pub use backup::{check_backup, restore, BackupSource, BackupSummary};
pub use disk::SledStore;
pub use memory::MemoryStore;
pub use rotate::{new_key_file, old_key_file, Rotated};

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::engine::evidence::EvidenceItem;
use crate::engine::{Case, Conversation, Outgoing, Timer};
use crate::model::{CaseId, PersonId};

/// The version of the stored format. Bumped on incompatible changes; a store written by another
/// version is refused with a clear error rather than misread.
/// Version 4: an append-only keyring. Version 5: case keys named apart from their cases (the
/// `case_keys` tree). Version 6: an audit record holds a list of lines. Version 7: commits went
/// through a write-ahead log (the `log` tree) first.
/// Version 8: one commit is one sled transaction over the trees, then a flush; evidence content
/// is written in the same transaction. No `log` or `journal` tree.
/// Version 9: the master key can be rotated; the keyed hashes and derived keys then come from
/// `derive_root` in `meta` (a version-8 Fyr would misread a rotated folder).
pub const SCHEMA_VERSION: u32 = 9;
/// Older versions this one reads and upgrades, in one explicit step, once the keys are checked
/// (`SledStore::open_with_key_file`).
pub const UPGRADES_FROM: &[u32] = &[4, 5, 6, 7, 8];

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot open the data folder {path}: {detail}\n  help: check that the folder exists or can be created, is writable, and is not used by another running Fyr")]
    Open { path: PathBuf, detail: String },
    #[error("the data folder {path} was written with format version {found}, but this Fyr reads version {expected}\n  help: use the Fyr version that wrote it, or point --data at another folder")]
    Schema {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error("the data folder {path} is encrypted, but its key file {key_file} cannot be used: {detail}\n  help: restore the key file from your backup (Fyr never reads the data without it), or point --data at another folder")]
    KeyMissing {
        key_file: PathBuf,
        path: PathBuf,
        detail: String,
    },
    #[error("the keyring {keyring} lacks the keys of {} case(s): {}\n  help: restore the keyring from your backup (the one taken with this data folder) and start Fyr again; Fyr does not open the folder without them, so that no case is lost or its key name reused", missing.len(), missing.join(", "))]
    KeysMissing {
        keyring: PathBuf,
        /// Each missing key: its name and the case that needs it ("#3 (case F-7K2Q)").
        missing: Vec<String>,
    },
    #[error("the key file {key_file} does not belong to the data folder {path}\n  help: use the key file that was created with this data folder")]
    WrongKey { key_file: PathBuf, path: PathBuf },
    #[error("the database in the data folder {path} is damaged: {detail}\n  help: stop Fyr, move {path} aside (keep it for analysis), and restore the folder and its key file from your latest backup; `fyr verify` then checks the evidence")]
    Damaged { path: PathBuf, detail: String },
    #[error("stored {what} could not be read: {detail}")]
    Corrupt { what: &'static str, detail: String },
    #[error("the data folder cannot be written or read: {detail}\n  help: the disk may be full, read-only or failing. Fyr stopped before showing anything it could not save, so nothing it confirmed is lost: free space (or fix the disk) and start Fyr again; it goes on where it stopped")]
    Disk { detail: String },
    #[error("the backup {file} cannot be used: {detail}\n  help: it is incomplete or damaged; restore another backup (`fyr backup` checks each one as it writes it)")]
    BackupFile { file: PathBuf, detail: String },
    #[error("cannot restore into {path}: {detail}\n  help: restore into a new or empty folder (stop Fyr and move the old data folder aside first), then point --data at it")]
    RestoreTarget { path: PathBuf, detail: String },
    #[error("cannot rotate the key: {detail}\n  help: {help}")]
    Rotate { detail: String, help: String },
    #[error("storage failed: {0}")]
    Backend(String),
}

/// A notification waiting to be delivered, or delivered (kept so its key is never reused).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// The idempotency key: case, sequence number and recipient.
    pub key: String,
    pub message: Outgoing,
    pub created_at: DateTime<Utc>,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
}

/// How the key of an outbox entry that belongs to a person rather than a case starts (a reply:
/// `-/<person>/<nonce>`). Sealed with the master key, not a case's, so a reply saying that a
/// case was erased still goes out; removed once delivered (its key is never made again).
pub const PERSONAL: &str = "-";

/// Whether an outbox key is a person's (see [`PERSONAL`]).
pub fn is_personal(key: &str) -> bool {
    key.split('/').next() == Some(PERSONAL)
}

/// One line of the audit log: who did what to which case, when. Never any content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// A person id, or "fyr" (timers) or "operator" (command line).
    pub who: String,
    /// What happened: "step", "notified", "acknowledged", "evidence-sealed", "erased", …
    pub action: String,
    pub case: Option<CaseId>,
    /// Where a plaintext export of the case was written (a folder), so that erasing the case
    /// removes it too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<std::path::PathBuf>,
}

/// A change to the timers, applied in order.
#[derive(Clone, Debug, PartialEq)]
pub enum TimerOp {
    Set(Timer),
    Cancel(String),
}

/// Everything one engine step changes, written in one transaction.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Commit {
    pub conversations: Vec<Conversation>,
    pub cases: Vec<Case>,
    /// New notifications. An entry whose key already exists is left as it is.
    pub outbox: Vec<OutboxEntry>,
    pub timers: Vec<TimerOp>,
    /// Sealed evidence items with their content.
    pub evidence: Vec<(EvidenceItem, Vec<u8>)>,
    /// Persons whose every case is erased (applied before everything else in the commit).
    pub erase_owners: Vec<PersonId>,
    /// Cases erased (their retention period is over).
    pub erase_cases: Vec<CaseId>,
    /// What this step did, for the audit log.
    pub audit: Vec<AuditEntry>,
}

pub trait Store: Send + Sync {
    fn load_conversation(&self, person: &PersonId) -> Result<Option<Conversation>, StoreError>;
    fn load_case(&self, id: &CaseId) -> Result<Option<Case>, StoreError>;
    /// All cases owned by a person, oldest first.
    fn cases_of(&self, owner: &PersonId) -> Result<Vec<Case>, StoreError>;
    /// Write a step's changes atomically and durably: when this returns `Ok`, they survive a
    /// crash, and a crash before keeps none of them. (By value: a store that keeps what it
    /// wrote in memory takes the values over instead of copying them.)
    fn commit(&self, commit: Commit) -> Result<(), StoreError>;
    /// Timers due at `now`, earliest first, at most `limit`.
    fn due_timers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<Timer>, StoreError>;
    /// Every pending timer, earliest first.
    fn timers(&self) -> Result<Vec<Timer>, StoreError>;
    /// When the earliest pending timer is due.
    fn next_timer_at(&self) -> Result<Option<DateTime<Utc>>, StoreError>;
    /// Undelivered notifications whose next attempt is due, oldest first.
    fn pending_outbox(&self, now: DateTime<Utc>) -> Result<Vec<OutboxEntry>, StoreError>;
    fn outbox_entry(&self, key: &str) -> Result<Option<OutboxEntry>, StoreError>;
    /// Record a delivery or a failed attempt.
    fn update_outbox(&self, entry: &OutboxEntry) -> Result<(), StoreError>;
    /// Every case.
    fn all_cases(&self) -> Result<Vec<Case>, StoreError>;
    /// A case's evidence items, in order.
    fn evidence_of(&self, case: &CaseId) -> Result<Vec<EvidenceItem>, StoreError>;
    /// The content of one evidence item.
    fn evidence_content(&self, case: &CaseId, seq: u32) -> Result<Option<Vec<u8>>, StoreError>;
    /// Erase a case with its evidence, timers and notifications, and replace every person id
    /// in the case's audit lines by its pseudonym (`pseudonym`). Returns whether it existed.
    fn erase_case(&self, case: &CaseId) -> Result<bool, StoreError>;
    /// What stands for `person` in the audit lines of an erased case: a keyed hash of the case
    /// and the person, the same within the case, unlinkable across cases, and without the key
    /// not to be traced back.
    fn pseudonym(&self, case: &CaseId, person: &str) -> String;
    /// The audit log, oldest first.
    fn audit_log(&self) -> Result<Vec<AuditEntry>, StoreError>;
    /// Add lines to the audit log outside a step (operator commands).
    fn append_audit(&self, entries: &[AuditEntry]) -> Result<(), StoreError>;
    /// Make everything durable and let go of the data (a stop). Nothing is written after it.
    fn close(&mut self) -> Result<(), StoreError> {
        Ok(())
    }
}

/// A case's log keeps at most this many entries beyond the first of each kind: a person who
/// answers again and again (a script, a stuck key) must not make every later step slower.
pub const CASE_LOG_CAP: usize = 128;

/// Compact the logs of a commit's cases (both stores do this before writing): past
/// `CASE_LOG_CAP` entries, what stays is the first entry of each distinct event (what the
/// reports and the export ask: whether and when something first happened) and the newest
/// `CASE_LOG_CAP` entries; repeats in between go.
pub fn bound_growth(commit: &mut Commit) {
    for case in &mut commit.cases {
        let log = &mut case.log;
        if log.len() <= 2 * CASE_LOG_CAP {
            continue;
        }
        let newest_from = log.len() - CASE_LOG_CAP;
        let mut firsts: Vec<crate::engine::state::CaseEvent> = Vec::new();
        let mut at = 0;
        log.retain(|entry| {
            let keep = at >= newest_from || !firsts.contains(&entry.event);
            if !firsts.contains(&entry.event) {
                firsts.push(entry.event.clone());
            }
            at += 1;
            keep
        });
    }
}

/// Whether an audit line's `who` is a person (not Fyr itself, the operator or a pseudonym).
pub fn names_a_person(who: &str) -> bool {
    !matches!(who, "fyr" | "operator") && !who.starts_with(PSEUDONYM_PREFIX)
}

/// How a pseudonym in the audit log starts.
/// (A colon: never in a person id.)
pub const PSEUDONYM_PREFIX: &str = "p:";

/// The audit lines of `case` with every person replaced by their pseudonym; None if nothing
/// changed.
fn pseudonymised(
    lines: &[AuditEntry],
    case: &CaseId,
    pseudonym: impl Fn(&str) -> String,
) -> Option<Vec<AuditEntry>> {
    let mut changed = false;
    let lines = lines
        .iter()
        .map(|line| {
            let mut line = line.clone();
            if line.case.as_ref() == Some(case) && names_a_person(&line.who) {
                line.who = pseudonym(&line.who);
                changed = true;
            }
            line
        })
        .collect();
    changed.then_some(lines)
}

/// An audit key: time, then a random tail, so lines sort by time and never collide.
fn audit_key(entry: &AuditEntry) -> Vec<u8> {
    let mut key = entry.at.timestamp_micros().to_be_bytes().to_vec();
    key[0] ^= 0x80;
    key.extend_from_slice(&unique_tail().to_be_bytes());
    key
}

/// A number never handed out twice by this process, starting at a random point (so two
/// processes do not share tails either), without a system call each time.
fn unique_tail() -> u64 {
    static BASE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let base = *BASE.get_or_init(|| {
        let mut b = [0u8; 8];
        getrandom::getrandom(&mut b).expect("the operating system provides random bytes");
        u64::from_be_bytes(b)
    });
    base.wrapping_add(COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

/// Key of an evidence item: the case reference, a separator, then the number big-endian, so a
/// case's items are contiguous and in order.
fn evidence_key(case: &CaseId, seq: u32) -> Vec<u8> {
    let mut key = case.as_str().as_bytes().to_vec();
    key.push(0);
    key.extend_from_slice(&seq.to_be_bytes());
    key
}

fn case_prefix(case: &CaseId) -> Vec<u8> {
    let mut key = case.as_str().as_bytes().to_vec();
    key.push(0);
    key
}

/// Timer keys in the ordered tree: due time (big-endian milliseconds) then the key, so the
/// earliest timer comes first.
fn timer_slot(timer: &Timer) -> Vec<u8> {
    let mut slot = timer.at.timestamp_millis().to_be_bytes().to_vec();
    // Flip the sign bit so negative times sort before positive ones.
    slot[0] ^= 0x80;
    slot.extend_from_slice(timer.key.as_bytes());
    slot
}

fn slot_due(slot: &[u8]) -> Option<DateTime<Utc>> {
    let mut bytes: [u8; 8] = slot.get(..8)?.try_into().ok()?;
    bytes[0] ^= 0x80;
    DateTime::from_timestamp_millis(i64::from_be_bytes(bytes))
}

fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("store records are plain data and always serialize")
}

fn decode<T: serde::de::DeserializeOwned>(
    what: &'static str,
    bytes: &[u8],
) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt {
        what,
        detail: e.to_string(),
    })
}
