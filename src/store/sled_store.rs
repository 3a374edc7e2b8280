//! The on-disk store, encrypted at rest. sled trees: `meta` (format version and a key check),
//! `conversations` (by a keyed hash of the person), `cases` (by neutral case reference),
//! `timers` (by due time then key, earliest first) with its index `timer_keys`, `outbox` (by case
//! and a keyed hash of the idempotency key) with its index `outbox_pending`, `evidence` /
//! `evidence_content` (by case and number), `audit`, `case_keys` (which pool key of the keyring
//! each case holds), `log` (the write-ahead log, below) and `journal` (format 4–6's single
//! commit record, read once at open). Every value is sealed by the `Vault`: case data with the
//! case's own key, the rest with the master key.
//!
//! A commit is one record in the `log` tree and one flush: a write-ahead log. The record holds
//! every write of the commit (tree, key, value) in groups, each group sealed once: a case's
//! writes with the case's key, the rest with the master key. Its writes go, plain, into
//! `Pending`, in memory, which every read consults before the trees; a checkpoint seals each
//! pending value for its tree, writes it there (each key once, however often it was written)
//! and removes the log records it covered, once they reach `CHECKPOINT_BYTES` and when the store
//! is closed. Erasing a case checkpoints first, so no log record of it outlives its key. sled recovers a prefix of its log, so after a
//! crash a commit's log record is either missing (and nothing of the commit is there) or there
//! whole, and `open` applies the log records in order: each commit is all or nothing without
//! sled's multi-tree transactions. Applying a record twice is harmless (its writes are final
//! values), so a crash during a checkpoint only means applying some records again. Evidence
//! content goes in before its log record (the log does not carry it twice). Conversations and
//! cases are kept decoded in memory after their first read and written through on commit (memory
//! only: at rest everything stays sealed).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap as HashMap;
use sled::IVec;

use super::vault::{self, open_with, seal_into, seal_with, Key, Vault, VaultError};
use super::{
    audit_key, case_prefix, decode, encode, evidence_key, pseudonymised, slot_due, timer_slot,
    AuditEntry, Commit, OutboxEntry, Store, StoreError, TimerOp, PSEUDONYM_PREFIX, SCHEMA_VERSION,
    UPGRADES_FROM,
};
use crate::engine::evidence::EvidenceItem;
use crate::engine::{Case, Conversation, Timer};
use crate::model::{CaseId, PersonId};

/// The store's state and its synchronous operations; `SledStore` (writer.rs) runs its commits
/// on a writer thread.
#[derive(Debug)]
pub(super) struct SledCore {
    db: sled::Db,
    vault: Vault,
    conversations: sled::Tree,
    cases: sled::Tree,
    timers: sled::Tree,
    timer_keys: sled::Tree,
    outbox: sled::Tree,
    outbox_pending: sled::Tree,
    evidence: sled::Tree,
    evidence_content: sled::Tree,
    audit: sled::Tree,
    case_keys: sled::Tree,
    /// The single commit record of format 4–6 (read once at open, after a crash).
    journal: sled::Tree,
    /// The write-ahead log: one record per commit (or group), by sequence number.
    log: sled::Tree,
    /// Logged writes not yet in their trees.
    pending: Mutex<Pending>,
    /// Held by a checkpoint (one at a time; commits need not wait for it).
    checkpointing: Mutex<()>,
    /// Held by every writer, so log records and checkpoints never interleave.
    writer: Mutex<()>,
    /// Decoded conversations and cases, filled on first read, written through on commit.
    cache: Mutex<Cache>,
    /// Person → the keyed hash their conversation is stored under.
    person_keys: Mutex<HashMap<PersonId, String>>,
    /// The key file, if this open created it (the operator must back it up).
    pub(super) created_key: Option<PathBuf>,
}

const SCHEMA_KEY: &[u8] = b"schema_version";
const KEY_CHECK: &[u8] = b"key_check";
/// The one journal record of format 4–6.
const JOURNAL_KEY: &[u8] = b"commit";

/// Pending writes are applied to their trees once they reach this size. It bounds the memory
/// they take and the log a start after a crash applies; the larger it is, the more often a key
/// written again and again (a conversation, a case) is applied once for many commits.
const CHECKPOINT_BYTES: usize = 512 * 1024;

const KINDS: usize = 9;

/// The writes of the log records not yet applied to the trees: per tree, key → the value, or
/// None for a removal. Reads look here first.
#[derive(Debug, Default)]
struct Pending {
    trees: [BTreeMap<Vec<u8>, Option<Vec<u8>>>; KINDS],
    /// The log records they come from: `first..next`.
    first: u64,
    next: u64,
    bytes: usize,
}

/// A group of commits gets a log record of its own once its writes reach this size, so a record
/// stays an ordinary sled value. (sled writes a tree node over 128 KiB as a separate file when
/// it rewrites the node; the log's nodes can grow past that with records this size. Records of
/// 8 KiB avoided those files but cost the writer more: measured slower, see BENCHMARKS.md.)
const GROUP_BYTES: usize = 48 * 1024;

/// What earlier commits of a group changed that later ones must see before it is applied:
/// timer slots (a key may be set twice) and outbox entries added.
#[derive(Default)]
struct Group {
    slots: HashMap<String, Option<Vec<u8>>>,
    new_outbox: HashSet<String>,
    /// The audit lines of the commits not yet written: one record for all of them.
    audit: Vec<AuditEntry>,
}

/// Beyond this many cached records the cache starts over (it refills lazily).
const CACHE_LIMIT: usize = 50_000;

#[derive(Debug, Default)]
struct Cache {
    /// None: known not to exist.
    conversations: HashMap<PersonId, Option<Conversation>>,
    cases: HashMap<CaseId, Option<Case>>,
}

impl Cache {
    fn trim(&mut self) {
        if self.conversations.len() + self.cases.len() > CACHE_LIMIT {
            self.conversations.clear();
            self.cases.clear();
        }
    }
}

/// The trees a commit writes, by number (as in log records).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Conversations = 0,
    Cases = 1,
    Timers = 2,
    TimerKeys = 3,
    Outbox = 4,
    OutboxPending = 5,
    Evidence = 6,
    Audit = 7,
    CaseKeys = 8,
}

impl Kind {
    fn from_byte(b: u8) -> Option<Kind> {
        Some(match b {
            0 => Kind::Conversations,
            1 => Kind::Cases,
            2 => Kind::Timers,
            3 => Kind::TimerKeys,
            4 => Kind::Outbox,
            5 => Kind::OutboxPending,
            6 => Kind::Evidence,
            7 => Kind::Audit,
            8 => Kind::CaseKeys,
            _ => return None,
        })
    }
}

impl Kind {
    /// What a value of this tree is, for error messages.
    fn what(self) -> &'static str {
        match self {
            Kind::Conversations => "conversation",
            Kind::Cases => "case",
            Kind::Timers => "timer",
            Kind::TimerKeys => "timer index",
            Kind::Outbox => "outbox entry",
            Kind::OutboxPending => "outbox index",
            Kind::Evidence => "evidence item",
            Kind::Audit => "audit record",
            Kind::CaseKeys => "case key index",
        }
    }
}

/// Which key seals a tree's values (with the tree's name in the additional data): the master
/// key, the case's own (so erasing the case makes them unreadable), or none (an index of
/// neutral keys).
enum Sealer {
    Master(&'static str),
    Case(&'static str, CaseId),
    Plain,
}

fn sealer(kind: Kind, key: &[u8]) -> Sealer {
    let case = || {
        CaseId::new(String::from_utf8_lossy(
            case_of(kind, key).unwrap_or_default(),
        ))
    };
    match kind {
        Kind::Conversations => Sealer::Master("conversations"),
        Kind::Timers => Sealer::Master("timers"),
        Kind::Audit => Sealer::Master("audit"),
        Kind::Cases => Sealer::Case("cases", case()),
        Kind::Outbox => Sealer::Case("outbox", case()),
        Kind::Evidence => Sealer::Case("evidence", case()),
        Kind::TimerKeys | Kind::OutboxPending | Kind::CaseKeys => Sealer::Plain,
    }
}

/// The case whose key seals a value of `kind` under `key` (the start of the key), if any.
fn case_of(kind: Kind, key: &[u8]) -> Option<&[u8]> {
    let up_to = |end: u8| key.split(|b| *b == end).next();
    match kind {
        Kind::Cases => Some(key),
        Kind::Outbox => up_to(b'/'),
        Kind::Evidence => up_to(0),
        _ => None,
    }
}

/// One write of a commit: put a value, or remove the key.
#[derive(Debug, PartialEq)]
struct Op {
    kind: Kind,
    key: Vec<u8>,
    value: Option<Vec<u8>>,
}

impl Op {
    fn put(kind: Kind, key: impl Into<Vec<u8>>, value: Vec<u8>) -> Op {
        Op {
            kind,
            key: key.into(),
            value: Some(value),
        }
    }
    fn remove(kind: Kind, key: impl Into<Vec<u8>>) -> Op {
        Op {
            kind,
            key: key.into(),
            value: None,
        }
    }
    /// Its size in a record.
    fn size(&self) -> usize {
        10 + self.key.len() + self.value.as_ref().map_or(0, Vec::len)
    }
}

/// A list of writes (inside a log group, and format 4–6's journal record): per op, the tree, the key's length and the key, then 0 (remove) or 1
/// and the value's length and the value. Lengths are 4 bytes, big-endian.
#[cfg(test)]
fn encode_ops(ops: &[Op]) -> Vec<u8> {
    let mut out = Vec::new();
    encode_ops_into(ops, &mut out);
    out
}

fn encode_ops_into(ops: &[Op], out: &mut Vec<u8>) {
    out.reserve(ops.iter().map(Op::size).sum());
    for op in ops {
        out.push(op.kind as u8);
        out.extend_from_slice(&len_bytes(op.key.len()));
        out.extend_from_slice(&op.key);
        match &op.value {
            Some(v) => {
                out.push(1);
                out.extend_from_slice(&len_bytes(v.len()));
                out.extend_from_slice(v);
            }
            None => out.push(0),
        }
    }
}

/// A length as records write it (4 bytes, big-endian).
fn len_bytes(n: usize) -> [u8; 4] {
    u32::try_from(n).unwrap_or(u32::MAX).to_be_bytes()
}

/// The next `n` bytes of a record being read.
fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    let (head, tail) = (bytes.get(..n)?, bytes.get(n..)?);
    *bytes = tail;
    Some(head)
}

/// The next length (4 bytes, big-endian) of a record being read.
fn len(bytes: &mut &[u8]) -> Option<usize> {
    Some(u32::from_be_bytes(take(bytes, 4)?.try_into().ok()?) as usize)
}

fn decode_ops(mut bytes: &[u8]) -> Option<Vec<Op>> {
    let mut ops = Vec::new();
    while !bytes.is_empty() {
        let kind = Kind::from_byte(take(&mut bytes, 1)?[0])?;
        let n = len(&mut bytes)?;
        let key = take(&mut bytes, n)?.to_vec();
        let value = match take(&mut bytes, 1)?[0] {
            0 => None,
            1 => {
                let n = len(&mut bytes)?;
                Some(take(&mut bytes, n)?.to_vec())
            }
            _ => return None,
        };
        ops.push(Op { kind, key, value });
    }
    Some(ops)
}

impl Pending {
    fn add(&mut self, op: Op) {
        self.bytes += op.size();
        self.trees[op.kind as usize].insert(op.key, op.value);
    }
}

/// The pending audit records (each a JSON list of lines; one per commit or group) as one
/// record under the first one's key: a checkpoint seals and writes one record, not hundreds.
/// Reading keeps the order: records are read in key order, and these were consecutive.
fn merge_audit(records: &mut BTreeMap<Vec<u8>, Option<Vec<u8>>>) {
    if records.len() < 2 {
        return;
    }
    let mut merged = vec![b'['];
    for list in records.values().flatten() {
        // `[…]`: the lines between the brackets.
        let lines = list
            .get(1..list.len().saturating_sub(1))
            .unwrap_or_default();
        if lines.is_empty() {
            continue;
        }
        if merged.len() > 1 {
            merged.push(b',');
        }
        merged.extend_from_slice(lines);
    }
    merged.push(b']');
    let first = records.keys().next().cloned().expect("two or more");
    records.clear();
    records.insert(first, Some(merged));
}

/// A log record is a list of groups, each sealed with one key: a tag (0: the master key, 1: a
/// case's key, followed by the case's reference with its length), then the sealed writes with
/// their length (`encode_ops` inside). Lengths are 4 bytes, big-endian.
fn push_group(record: &mut Vec<u8>, seq: u64, case: Option<&str>, key: &Key, ops: &[Op]) {
    match case {
        None => record.push(0),
        Some(case) => {
            record.push(1);
            record.extend_from_slice(&len_bytes(case.len()));
            record.extend_from_slice(case.as_bytes());
        }
    }
    // The length goes before the sealed writes: written once they are.
    let at = record.len();
    record.extend_from_slice(&[0; 4]);
    seal_into(key, &log_aad(seq, case), record, |out| {
        encode_ops_into(ops, out)
    });
    let sealed = record.len() - at - 4;
    record[at..at + 4].copy_from_slice(&len_bytes(sealed));
}

/// A log record's groups: the case (None: the master key's group) and the sealed writes.
fn decode_record(mut bytes: &[u8]) -> Option<Vec<(Option<String>, Vec<u8>)>> {
    let mut groups = Vec::new();
    while !bytes.is_empty() {
        let case = match take(&mut bytes, 1)?[0] {
            0 => None,
            1 => {
                let n = len(&mut bytes)?;
                Some(String::from_utf8(take(&mut bytes, n)?.to_vec()).ok()?)
            }
            _ => return None,
        };
        let n = len(&mut bytes)?;
        groups.push((case, take(&mut bytes, n)?.to_vec()));
    }
    Some(groups)
}

/// Where a log group belongs, as additional authenticated data.
fn log_aad(seq: u64, case: Option<&str>) -> Vec<u8> {
    let mut out = b"log/".to_vec();
    out.extend_from_slice(&seq.to_be_bytes());
    if let Some(case) = case {
        out.push(b'/');
        out.extend_from_slice(case.as_bytes());
    }
    out
}

/// The start of a checkpoint: the pending writes it applies, from the log records `first..next`.
struct CheckpointStart {
    snapshot: [BTreeMap<Vec<u8>, Option<Vec<u8>>>; KINDS],
    first: u64,
    next: u64,
}

/// A log record's sequence number from its key.
fn seq_of(key: &[u8]) -> u64 {
    key.try_into().map(u64::from_be_bytes).unwrap_or(0)
}

/// A value as a read finds it: pending (plain: sealed only when a checkpoint writes it to its
/// tree) or from the tree (sealed).
#[derive(Debug, Clone, PartialEq)]
enum Stored {
    Plain(Vec<u8>),
    Sealed(IVec),
}

/// A pending write: the key, and the value (None: removed).
type PendingWrite = (Vec<u8>, Option<Vec<u8>>);

/// A tree's entries with the pending writes over them (`SledCore::merged`).
struct Merged {
    tree: std::iter::Peekable<sled::Iter>,
    pending: std::iter::Peekable<std::vec::IntoIter<PendingWrite>>,
}

impl Iterator for Merged {
    type Item = Result<(IVec, Stored), StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let in_tree = match self.tree.peek() {
                Some(Ok((key, _))) => Some(key.clone()),
                Some(Err(_)) => {
                    return self
                        .tree
                        .next()
                        .map(|e| e.map(|(k, v)| (k, Stored::Sealed(v))).map_err(backend))
                }
                None => None,
            };
            let pending_first = match (self.pending.peek(), &in_tree) {
                (None, None) => return None,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (Some((key, _)), Some(at)) => key.as_slice() <= at.as_ref(),
            };
            if !pending_first {
                return self
                    .tree
                    .next()
                    .map(|e| e.map(|(k, v)| (k, Stored::Sealed(v))).map_err(backend));
            }
            let (key, value) = self.pending.next()?;
            if in_tree.as_deref() == Some(key.as_slice()) {
                self.tree.next(); // written over
            }
            if let Some(value) = value {
                return Some(Ok((IVec::from(key), Stored::Plain(value))));
            }
            // Removed: the next one.
        }
    }
}

fn backend(e: sled::Error) -> StoreError {
    StoreError::Backend(e.to_string())
}

fn vault_error(e: VaultError) -> StoreError {
    match e {
        VaultError::Decrypt => StoreError::Corrupt {
            what: "record",
            detail: "it cannot be decrypted: it was changed, or the key is wrong".into(),
        },
        other => StoreError::Backend(other.to_string()),
    }
}

/// Where a value is stored, as additional authenticated data: a sealed value moved elsewhere
/// does not open.
fn aad(tree: &str, key: &[u8]) -> Vec<u8> {
    let mut out = tree.as_bytes().to_vec();
    out.push(b'/');
    out.extend_from_slice(key);
    out
}

impl SledCore {
    /// Open (or create) the store in `path`, with its key file beside it (`<path>.key`).
    pub fn open(path: &Path) -> Result<SledCore, StoreError> {
        let key_file = PathBuf::from(format!("{}.key", path.display()));
        SledCore::open_with_key_file(path, &key_file)
    }

    /// Open (or create) the store in `path`. A new store gets a new key in `key_file` (0600);
    /// an existing store opens only with its own key — never without one.
    pub fn open_with_key_file(path: &Path, key_file: &Path) -> Result<SledCore, StoreError> {
        let open_error = |detail: String| StoreError::Open {
            path: path.to_path_buf(),
            detail,
        };
        if path.exists() && !path.is_dir() {
            return Err(open_error("it exists but is not a folder".into()));
        }
        let db = sled::Config::new().path(path).open().map_err(|e| match e {
            // Damaged files (or files sled cannot read at all): a backup helps, not the lock.
            sled::Error::Corruption { .. } | sled::Error::Unsupported(_) => StoreError::Damaged {
                path: path.to_path_buf(),
                detail: e.to_string(),
            },
            e => open_error(e.to_string()),
        })?;
        let meta = db
            .open_tree("meta")
            .map_err(|e| open_error(e.to_string()))?;
        let check = meta.get(KEY_CHECK).map_err(|e| open_error(e.to_string()))?;
        if let Some(bytes) = meta
            .get(SCHEMA_KEY)
            .map_err(|e| open_error(e.to_string()))?
        {
            let found = <[u8; 4]>::try_from(bytes.as_ref())
                .map(u32::from_be_bytes)
                .unwrap_or(0);
            if UPGRADES_FROM.contains(&found) {
                meta.insert(SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())
                    .map_err(|e| open_error(e.to_string()))?;
                db.flush().map_err(|e| open_error(e.to_string()))?;
            } else if found != SCHEMA_VERSION {
                return Err(StoreError::Schema {
                    path: PathBuf::from(path),
                    found,
                    expected: SCHEMA_VERSION,
                });
            }
        }
        let is_new = check.is_none();
        if is_new && std::fs::metadata(path.join("keyring")).is_ok_and(|m| m.len() > 0) {
            // Keys were made for this folder, but the database has lost its records: damaged
            // files that sled opened as empty. Never start empty over them.
            return Err(StoreError::Damaged {
                path: path.to_path_buf(),
                detail: "its records are gone, though its keyring holds keys".into(),
            });
        }
        let (key, created) = match vault::load_or_create_key(key_file, is_new) {
            Ok(k) => k,
            Err(e) if !is_new => {
                return Err(StoreError::KeyMissing {
                    key_file: key_file.to_path_buf(),
                    path: path.to_path_buf(),
                    detail: e.to_string(),
                })
            }
            Err(e) => return Err(open_error(e.to_string())),
        };
        match check {
            Some(sealed) => {
                if open_with(&key, &sealed, KEY_CHECK).is_err() {
                    return Err(StoreError::WrongKey {
                        key_file: key_file.to_path_buf(),
                        path: path.to_path_buf(),
                    });
                }
            }
            None => {
                meta.insert(KEY_CHECK, seal_with(&key, b"fyr", KEY_CHECK))
                    .map_err(|e| open_error(e.to_string()))?;
                meta.insert(SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())
                    .map_err(|e| open_error(e.to_string()))?;
                db.flush().map_err(|e| open_error(e.to_string()))?;
            }
        }
        let vault = Vault::new(key, path.join("keyring")).map_err(|e| open_error(e.to_string()))?;
        let tree = |name: &str| db.open_tree(name).map_err(|e| open_error(e.to_string()));
        let store = SledCore {
            conversations: tree("conversations")?,
            cases: tree("cases")?,
            timers: tree("timers")?,
            timer_keys: tree("timer_keys")?,
            outbox: tree("outbox")?,
            outbox_pending: tree("outbox_pending")?,
            evidence: tree("evidence")?,
            evidence_content: tree("evidence_content")?,
            audit: tree("audit")?,
            case_keys: tree("case_keys")?,
            journal: tree("journal")?,
            log: tree("log")?,
            pending: Mutex::new(Pending::default()),
            checkpointing: Mutex::new(()),
            writer: Mutex::new(()),
            cache: Mutex::new(Cache::default()),
            person_keys: Mutex::new(HashMap::default()),
            created_key: created.then(|| key_file.to_path_buf()),
            vault,
            db,
        };
        store.finish_journal()?;
        let mut held = Vec::new();
        for entry in store.case_keys.iter() {
            let (case, slot) = entry.map_err(|e| open_error(e.to_string()))?;
            held.push((
                String::from_utf8_lossy(&case).into_owned(),
                String::from_utf8_lossy(&slot).into_owned(),
            ));
        }
        store.replay_log(held)?;
        Ok(store)
    }

    /// A commit whose journal record survived a crash but maybe not all of its writes: apply
    /// it again (its writes are final values, so applying twice is harmless).
    fn finish_journal(&self) -> Result<(), StoreError> {
        let Some(record) = self.journal.get(JOURNAL_KEY).map_err(backend)? else {
            return Ok(());
        };
        let ops = decode_ops(&record).ok_or_else(|| StoreError::Corrupt {
            what: "journal",
            detail: "its last commit record is malformed".into(),
        })?;
        tracing::info!(
            writes = ops.len(),
            "finishing a commit interrupted by a crash"
        );
        self.apply(&ops)?;
        self.journal.remove(JOURNAL_KEY).map_err(backend)?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }

    /// Commits logged but not checkpointed before the last stop (a crash, a kill): read them
    /// back into `Pending`, in order, and checkpoint. `held` are the case key assignments in
    /// the `case_keys` tree; the log's master groups add theirs before any case group is
    /// opened, and the vault gets them all.
    fn replay_log(&self, mut held: Vec<(String, String)>) -> Result<(), StoreError> {
        let corrupt = |detail: &str| StoreError::Corrupt {
            what: "log",
            detail: detail.into(),
        };
        let mut records = Vec::new();
        for entry in self.log.iter() {
            let (at, record) = entry.map_err(backend)?;
            let seq = seq_of(&at);
            let groups =
                decode_record(&record).ok_or_else(|| corrupt("a commit record is malformed"))?;
            let (mut master, mut cases) = (Vec::new(), Vec::new());
            for (case, sealed) in groups {
                let Some(case) = case else {
                    let plain = self
                        .vault
                        .open_master(&sealed, &log_aad(seq, None))
                        .map_err(vault_error)?;
                    master = decode_ops(&plain)
                        .ok_or_else(|| corrupt("a commit record is malformed"))?;
                    continue;
                };
                cases.push((case, sealed));
            }
            for op in master.iter().filter(|op| op.kind == Kind::CaseKeys) {
                if let Some(slot) = &op.value {
                    held.push((
                        String::from_utf8_lossy(&op.key).into_owned(),
                        String::from_utf8_lossy(slot).into_owned(),
                    ));
                }
            }
            records.push((seq, master, cases));
        }
        self.vault.load_assignments(held);
        if records.is_empty() {
            return Ok(());
        }
        let count = records.len();
        for (seq, master, cases) in records {
            let mut ops = master;
            for (case, sealed) in cases {
                // A case erased after its record was written (its key is gone): left out.
                let Some(key) = self
                    .vault
                    .existing_case_key(&CaseId::new(case.as_str()))
                    .map_err(vault_error)?
                else {
                    continue;
                };
                let plain =
                    open_with(&key, &sealed, &log_aad(seq, Some(&case))).map_err(vault_error)?;
                ops.extend(
                    decode_ops(&plain).ok_or_else(|| corrupt("a commit record is malformed"))?,
                );
            }
            let mut pending = self.pending();
            if pending.first == pending.next {
                pending.first = seq;
            }
            pending.next = seq + 1;
            for op in ops {
                pending.add(op);
            }
        }
        tracing::info!(
            records = count,
            "applying the commits logged before the last stop"
        );
        self.checkpoint()?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }

    /// Remove the log records `first..next` (sequence numbers).
    fn clear_log(&self, first: u64, next: u64) -> Result<(), StoreError> {
        for key in self
            .log
            .range(first.to_be_bytes()..next.to_be_bytes())
            .keys()
        {
            self.log.remove(key.map_err(backend)?).map_err(backend)?;
        }
        Ok(())
    }

    fn pending(&self) -> MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A value, plain, as the store has it: pending, else opened from its tree (None also
    /// when its case is erased).
    fn get(&self, kind: Kind, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        let pending = self.pending().trees[kind as usize].get(key).cloned();
        match pending {
            Some(value) => Ok(value),
            None => match self.tree(kind).get(key).map_err(backend)? {
                Some(sealed) => self.open_stored(kind, key, &sealed),
                None => Ok(None),
            },
        }
    }

    /// Whether a key has a value (without opening it).
    fn contains(&self, kind: Kind, key: &[u8]) -> Result<bool, StoreError> {
        if let Some(value) = self.pending().trees[kind as usize].get(key) {
            return Ok(value.is_some());
        }
        self.tree(kind).contains_key(key).map_err(backend)
    }

    /// The entries of a tree whose key starts with `prefix`, in key order, plain (entries of
    /// erased cases left out).
    fn scan<'a>(
        &'a self,
        kind: Kind,
        prefix: &[u8],
    ) -> impl Iterator<Item = Result<(IVec, Vec<u8>), StoreError>> + 'a {
        self.merged(kind, prefix).filter_map(move |entry| {
            let (key, stored) = match entry {
                Ok(e) => e,
                Err(e) => return Some(Err(e)),
            };
            match stored {
                Stored::Plain(v) => Some(Ok((key, v))),
                Stored::Sealed(v) => self
                    .open_stored(kind, &key, &v)
                    .transpose()
                    .map(|r| r.map(|v| (key, v))),
            }
        })
    }

    /// The entries of a tree whose key starts with `prefix`, in key order, as the store has
    /// them: the tree's, with the pending writes over them.
    fn merged(&self, kind: Kind, prefix: &[u8]) -> Merged {
        // The pending part first: a checkpoint that runs meanwhile puts the same values into
        // the tree, so the merge sees each key's newest value either way.
        let pending: Vec<PendingWrite> = self.pending().trees[kind as usize]
            .range(prefix.to_vec()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Merged {
            tree: self.tree(kind).scan_prefix(prefix).peekable(),
            pending: pending.into_iter().peekable(),
        }
    }

    /// Apply the pending writes to their trees and remove the log records they came from.
    /// Commits may go on meanwhile (on another thread): what they write stays pending, and
    /// what the trees now hold leaves `Pending`. Not flushed: the next flush takes it along,
    /// and until then the log records are there if the removals are not.
    fn checkpoint(&self) -> Result<(), StoreError> {
        let _one = self.checkpointing.lock().unwrap_or_else(|p| p.into_inner());
        match self.checkpoint_start() {
            Some(start) => self.checkpoint_finish(start),
            None => Ok(()),
        }
    }

    /// What a checkpoint writes: the pending writes as they are now, and their log records.
    fn checkpoint_start(&self) -> Option<CheckpointStart> {
        let pending = self.pending();
        (pending.first != pending.next).then(|| CheckpointStart {
            snapshot: pending.trees.clone(),
            first: pending.first,
            next: pending.next,
        })
    }

    fn checkpoint_finish(&self, start: CheckpointStart) -> Result<(), StoreError> {
        let CheckpointStart {
            snapshot,
            first,
            next,
        } = start;
        let mut audit = snapshot[Kind::Audit as usize].clone();
        merge_audit(&mut audit);
        for (i, writes) in snapshot.iter().enumerate() {
            let kind = Kind::from_byte(i as u8).expect("KINDS kinds");
            let tree = self.tree(kind);
            let writes = if kind == Kind::Audit { &audit } else { writes };
            for (key, value) in writes {
                // Sealed now, once per key however often it was written. A value whose case
                // was erased meanwhile is not written.
                let sealed = match value {
                    Some(plain) => self.seal_stored(kind, key, plain)?,
                    None => None,
                };
                match sealed {
                    Some(v) => tree.insert(key.as_slice(), v),
                    None => tree.remove(key.as_slice()),
                }
                .map_err(backend)?;
            }
        }
        self.clear_log(first, next)?;
        let mut pending = self.pending();
        for (current, written) in pending.trees.iter_mut().zip(&snapshot) {
            for (key, value) in written {
                if current.get(key) == Some(value) {
                    current.remove(key);
                }
            }
        }
        pending.first = next;
        pending.bytes = pending
            .trees
            .iter()
            .flatten()
            .map(|(k, v)| 10 + k.len() + v.as_ref().map_or(0, Vec::len))
            .sum();
        Ok(())
    }

    /// Whether the pending writes have grown past `CHECKPOINT_BYTES`.
    pub(super) fn checkpoint_due(&self) -> bool {
        self.pending().bytes >= CHECKPOINT_BYTES
    }

    /// Checkpoint if due. A failure is logged and tried again later: the writes are logged,
    /// so nothing depends on it now.
    pub(super) fn checkpoint_if_due(&self) {
        if !self.checkpoint_due() {
            return;
        }
        if let Err(e) = self.checkpoint() {
            tracing::warn!("checkpoint failed, will try again: {e}");
        }
    }

    fn tree(&self, kind: Kind) -> &sled::Tree {
        match kind {
            Kind::Conversations => &self.conversations,
            Kind::Cases => &self.cases,
            Kind::Timers => &self.timers,
            Kind::TimerKeys => &self.timer_keys,
            Kind::Outbox => &self.outbox,
            Kind::OutboxPending => &self.outbox_pending,
            Kind::Evidence => &self.evidence,
            Kind::Audit => &self.audit,
            Kind::CaseKeys => &self.case_keys,
        }
    }

    fn apply(&self, ops: &[Op]) -> Result<(), StoreError> {
        for op in ops {
            let tree = self.tree(op.kind);
            match &op.value {
                Some(v) => tree.insert(op.key.as_slice(), v.as_slice()),
                None => tree.remove(op.key.as_slice()),
            }
            .map_err(backend)?;
        }
        Ok(())
    }

    fn writer(&self) -> MutexGuard<'_, ()> {
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn cache(&self) -> MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn read_conversation(&self, person: &PersonId) -> Result<Option<Conversation>, StoreError> {
        let key = self.person_key(person);
        match self.get(Kind::Conversations, key.as_bytes())? {
            Some(plain) => decode("conversation", &plain).map(Some),
            None => Ok(None),
        }
    }

    /// Write a step's changes (see the module documentation) and put them in the cache;
    /// flushed when `durable`. (The writer thread writes groups with `write_group`: their
    /// cache entries were made when they were handed over.)
    pub(super) fn write_commit(&self, commit: Commit, durable: bool) -> Result<(), StoreError> {
        // Erasure first (rare, and outside the log: destroying a case's key is what makes
        // it unreadable, and a retry simply finishes the deletion).
        for owner in &commit.erase_owners {
            for case in self.cases_of(owner)? {
                self.erase_case(&case.id)?;
            }
        }
        for case in &commit.erase_cases {
            self.erase_case(case)?;
        }
        self.write_group(std::slice::from_ref(&commit), durable)?;
        self.remember(commit);
        Ok(())
    }

    /// Write several commits (none erasing anything) as one: one log record for all of
    /// them, so a crash keeps all or none (a prefix of the commits, as the `Store` contract
    /// asks). Groups are cut at `GROUP_BYTES`, so a log record stays an ordinary sled value.
    pub(super) fn write_group(&self, commits: &[Commit], durable: bool) -> Result<(), StoreError> {
        let _writer = self.writer();
        let mut group = Group::default();
        let (mut ops, mut size) = (Vec::new(), 0);
        for (i, commit) in commits.iter().enumerate() {
            match self.commit_ops(commit, &mut group) {
                Ok(more) => {
                    size += more.iter().map(Op::size).sum::<usize>();
                    ops.extend(more);
                }
                Err(e) => {
                    // Cases that got a pool key in this group: the keys are free again.
                    self.vault.abandon(self.vault.take_new());
                    return Err(e);
                }
            }
            if size >= GROUP_BYTES || i + 1 == commits.len() {
                if let Some(first) = group.audit.first() {
                    let key = audit_key(first);
                    let lines = std::mem::take(&mut group.audit);
                    ops.push(Op::put(Kind::Audit, key, encode(&lines)));
                }
                self.write_ops(std::mem::take(&mut ops))?;
                // Pending now: later commits read the slots from there.
                group.slots.clear();
                size = 0;
            }
        }
        if durable {
            self.db.flush().map_err(backend)?;
        }
        Ok(())
    }

    /// One log record for `ops` (plain values), which become pending (see the module
    /// documentation). The record seals the writes of each case with the case's key and the
    /// rest with the master key: one seal per key, not per value. The caller holds the writer
    /// lock.
    fn write_ops(&self, ops: Vec<Op>) -> Result<(), StoreError> {
        let seq = self.pending().next;
        let mut master = Vec::new();
        // Usually one case, rarely a few: a list.
        let mut by_case: Vec<(String, Vec<Op>)> = Vec::new();
        for op in ops {
            let group = case_of(op.kind, &op.key).map(|case| {
                by_case
                    .iter()
                    .position(|(c, _)| c.as_bytes() == case)
                    .ok_or_else(|| String::from_utf8_lossy(case).into_owned())
            });
            match group {
                None => master.push(op),
                Some(Ok(i)) => by_case[i].1.push(op),
                Some(Err(case)) => by_case.push((case, vec![op])),
            }
        }
        let mut keys = Vec::with_capacity(by_case.len());
        for (case, _) in &by_case {
            match self.case_key(&CaseId::new(case.as_str())) {
                Ok(key) => keys.push(key),
                Err(e) => {
                    self.vault.abandon(self.vault.take_new());
                    return Err(e);
                }
            }
        }
        // Cases that got a key from the pool: the assignment is written with them.
        let new_keys = self.vault.take_new();
        for (case, slot) in &new_keys {
            master.push(Op::put(
                Kind::CaseKeys,
                case.as_bytes(),
                slot.as_bytes().to_vec(),
            ));
        }
        let mut record = Vec::new();
        push_group(&mut record, seq, None, &self.vault.master(), &master);
        for ((case, ops), key) in by_case.iter().zip(&keys) {
            push_group(&mut record, seq, Some(case), key, ops);
        }
        if let Err(e) = self.log.insert(seq.to_be_bytes(), record) {
            self.vault.abandon(new_keys);
            return Err(backend(e));
        }
        self.vault.settle(new_keys);
        let mut pending = self.pending();
        pending.next = seq + 1;
        for op in master
            .into_iter()
            .chain(by_case.into_iter().flat_map(|(_, ops)| ops))
        {
            pending.add(op);
        }
        Ok(())
    }

    /// Put a commit's conversations and cases into the cache.
    pub(super) fn remember(&self, commit: Commit) {
        let mut cache = self.cache();
        cache.trim();
        for c in commit.conversations {
            cache.conversations.insert(c.person.clone(), Some(c));
        }
        for c in commit.cases {
            cache.cases.insert(c.id.clone(), Some(c));
        }
    }

    /// Put copies of a commit's conversations and cases into the cache (the commit itself
    /// goes on to the writer).
    pub(super) fn remember_copies(&self, commit: &Commit) {
        self.remember(Commit {
            conversations: commit.conversations.clone(),
            cases: commit.cases.clone(),
            ..Commit::default()
        });
    }

    /// Forget everything cached (after a failed write: reads go to what is on disk).
    pub(super) fn derived_key(&self, label: &str) -> Key {
        self.vault.derive(label)
    }

    pub(super) fn forget_cached(&self) {
        let mut cache = self.cache();
        cache.conversations.clear();
        cache.cases.clear();
    }

    /// A cached conversation, if the cache knows it (None: ask `load_conversation`).
    pub(super) fn cached_conversation(&self, person: &PersonId) -> Option<Option<Conversation>> {
        self.cache().conversations.get(person).cloned()
    }

    /// A cached case, if the cache knows it.
    pub(super) fn cached_case(&self, id: &CaseId) -> Option<Option<Case>> {
        self.cache().cases.get(id).cloned()
    }

    /// Make everything written durable.
    pub(super) fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map_err(backend)?;
        Ok(())
    }

    /// Apply everything pending and flush: what closing the store does, so the next start has
    /// no log to apply.
    pub(super) fn close(&self) -> Result<(), StoreError> {
        self.checkpoint()?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }

    /// The writes of a commit (evidence content is written here already, see above).
    fn commit_ops(&self, commit: &Commit, group: &mut Group) -> Result<Vec<Op>, StoreError> {
        let mut ops = Vec::new();
        group.audit.extend(commit.audit.iter().cloned());
        for (item, content) in &commit.evidence {
            let key = self.case_key(&item.case)?;
            let at = evidence_key(&item.case, item.seq);
            // The content is not in the log: it goes in first, so it is durable whenever the
            // log record is. Unreferenced, it is harmless (and overwritten on retry).
            let sealed_content = seal_with(&key, content, &aad("evidence_content", &at));
            self.evidence_content
                .insert(at.as_slice(), sealed_content)
                .map_err(backend)?;
            ops.push(Op::put(Kind::Evidence, at, encode(item)));
        }
        for c in &commit.conversations {
            let key = self.person_key(&c.person);
            ops.push(Op::put(Kind::Conversations, key, encode(c)));
        }
        for c in &commit.cases {
            ops.push(Op::put(Kind::Cases, c.id.as_str(), encode(c)));
        }
        for e in &commit.outbox {
            let at = self.outbox_key(&e.key);
            if !group.new_outbox.insert(at.clone()) || self.contains(Kind::Outbox, at.as_bytes())? {
                // An entry whose key exists is left as it is.
                continue;
            }
            ops.push(Op::put(Kind::Outbox, at.clone(), encode(e)));
            ops.push(Op::put(Kind::OutboxPending, at, Vec::new()));
        }
        for op in &commit.timers {
            let key = match op {
                TimerOp::Set(t) => t.key.as_str(),
                TimerOp::Cancel(k) => k.as_str(),
            };
            let old = match group.slots.get(key) {
                Some(slot) => slot.clone(),
                None => self
                    .get(Kind::TimerKeys, key.as_bytes())?
                    .map(|s| s.to_vec()),
            };
            let existed = old.is_some();
            if let Some(old) = old {
                ops.push(Op::remove(Kind::Timers, old));
            }
            match op {
                TimerOp::Set(t) => {
                    let slot = timer_slot(t);
                    ops.push(Op::put(Kind::TimerKeys, key.as_bytes(), slot.clone()));
                    ops.push(Op::put(Kind::Timers, slot.clone(), encode(t)));
                    group.slots.insert(key.to_string(), Some(slot));
                }
                TimerOp::Cancel(_) if existed => {
                    ops.push(Op::remove(Kind::TimerKeys, key.as_bytes()));
                    group.slots.insert(key.to_string(), None);
                }
                // Cancelling a timer that is not there changes nothing.
                TimerOp::Cancel(_) => {}
            }
        }
        Ok(ops)
    }

    fn person_key(&self, person: &PersonId) -> String {
        let mut keys = self.person_keys.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(key) = keys.get(person) {
            return key.clone();
        }
        let key = self.vault.index(&format!("person/{person}"));
        if keys.len() >= CACHE_LIMIT {
            keys.clear();
        }
        keys.insert(person.clone(), key.clone());
        key
    }

    /// The outbox key in the store: the case (for erasure) and a keyed hash of the rest, which
    /// names the recipient.
    fn outbox_key(&self, key: &str) -> String {
        let case = key.split('/').next().unwrap_or_default();
        format!("{case}/{}", self.vault.index(key))
    }

    fn case_key(&self, case: &CaseId) -> Result<Key, StoreError> {
        self.vault.case_key(case).map_err(vault_error)
    }

    /// The key that seals a value of `kind` stored under `key`, or None if its case is erased.
    fn sealing_key(&self, sealer: &Sealer) -> Result<Option<Key>, StoreError> {
        match sealer {
            Sealer::Master(_) => Ok(Some(self.vault.master())),
            Sealer::Case(_, case) => self.vault.existing_case_key(case).map_err(vault_error),
            Sealer::Plain => Ok(None),
        }
    }

    /// A plain value sealed for its place in its tree (None: its case is erased).
    fn seal_stored(
        &self,
        kind: Kind,
        key: &[u8],
        plain: &[u8],
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let sealer = sealer(kind, key);
        let (Sealer::Master(tree) | Sealer::Case(tree, _)) = sealer else {
            return Ok(Some(plain.to_vec()));
        };
        Ok(self
            .sealing_key(&sealer)?
            .map(|k| seal_with(&k, plain, &aad(tree, key))))
    }

    /// A value from its tree, opened (None: its case is erased).
    fn open_stored(
        &self,
        kind: Kind,
        key: &[u8],
        sealed: &[u8],
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let sealer = sealer(kind, key);
        let (Sealer::Master(tree) | Sealer::Case(tree, _)) = sealer else {
            return Ok(Some(sealed.to_vec()));
        };
        let Some(k) = self.sealing_key(&sealer)? else {
            return Ok(None);
        };
        open_with(&k, sealed, &aad(tree, key))
            .map(Some)
            .map_err(|_| StoreError::Corrupt {
                what: kind.what(),
                detail: "it cannot be decrypted: it was changed, or the key is wrong".into(),
            })
    }

    /// Replace the person ids in an erased case's audit lines by their pseudonyms, in place.
    /// Runs right after the checkpoint of `erase_case`: every audit record is in the tree.
    fn pseudonymise_audit(&self, case: &CaseId) -> Result<(), StoreError> {
        let mut rewritten = Vec::new();
        for entry in self.scan(Kind::Audit, b"") {
            let (key, plain) = entry?;
            let lines = match serde_json::from_slice::<Vec<AuditEntry>>(&plain) {
                Ok(group) => group,
                Err(_) => vec![decode("audit entry", &plain)?],
            };
            if let Some(lines) = pseudonymised(&lines, case, |p| self.pseudonym(case, p)) {
                rewritten.push((key, encode(&lines)));
            }
        }
        for (key, plain) in rewritten {
            if let Some(sealed) = self.seal_stored(Kind::Audit, &key, &plain)? {
                self.audit.insert(key, sealed).map_err(backend)?;
            }
        }
        Ok(())
    }
}

impl Store for SledCore {
    fn load_conversation(&self, person: &PersonId) -> Result<Option<Conversation>, StoreError> {
        // The cache lock is held while a miss is read, so a commit cannot slip in between the
        // read and the cache entry (commits update the cache after writing).
        let mut cache = self.cache();
        if let Some(known) = cache.conversations.get(person) {
            return Ok(known.clone());
        }
        let read = self.read_conversation(person)?;
        cache.trim();
        cache.conversations.insert(person.clone(), read.clone());
        Ok(read)
    }

    fn load_case(&self, id: &CaseId) -> Result<Option<Case>, StoreError> {
        let mut cache = self.cache();
        if let Some(known) = cache.cases.get(id) {
            return Ok(known.clone());
        }
        let read = match self.get(Kind::Cases, id.as_str().as_bytes())? {
            Some(plain) => Some(decode("case", &plain)?),
            None => None,
        };
        cache.trim();
        cache.cases.insert(id.clone(), read.clone());
        Ok(read)
    }

    fn cases_of(&self, owner: &PersonId) -> Result<Vec<Case>, StoreError> {
        let mut cases: Vec<Case> = self
            .all_cases()?
            .into_iter()
            .filter(|c| &c.owner == owner)
            .collect();
        cases.sort_by_key(|c| c.opened_at);
        Ok(cases)
    }

    fn commit(&self, commit: Commit) -> Result<(), StoreError> {
        self.write_commit(commit, true)
    }

    fn commit_deferred(&self, commit: Commit) -> Result<(), StoreError> {
        self.write_commit(commit, false)
    }

    fn sync(&self) -> Result<(), StoreError> {
        self.db.flush().map_err(backend)?;
        Ok(())
    }

    fn due_timers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<Timer>, StoreError> {
        let mut out = Vec::new();
        for entry in self.merged(Kind::Timers, b"") {
            let (slot, stored) = entry?;
            if out.len() >= limit || slot_due(&slot).is_some_and(|due| due > now) {
                break;
            }
            let plain = match stored {
                Stored::Plain(plain) => plain,
                Stored::Sealed(sealed) => self
                    .vault
                    .open_master(&sealed, &aad("timers", &slot))
                    .map_err(vault_error)?,
            };
            out.push(decode("timer", &plain)?);
        }
        Ok(out)
    }

    fn timers(&self) -> Result<Vec<Timer>, StoreError> {
        self.scan(Kind::Timers, b"")
            .map(|e| decode("timer", &e?.1))
            .collect()
    }

    fn next_timer_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self
            .merged(Kind::Timers, b"")
            .next()
            .transpose()?
            .and_then(|(slot, _)| slot_due(&slot)))
    }

    fn pending_outbox(&self, now: DateTime<Utc>) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut entries = Vec::new();
        for entry in self.merged(Kind::OutboxPending, b"") {
            let (key, _) = entry?;
            if let Some(plain) = self.get(Kind::Outbox, &key)? {
                let entry: OutboxEntry = decode("outbox entry", &plain)?;
                if entry.delivered_at.is_none() && entry.next_attempt_at <= now {
                    entries.push(entry);
                }
            }
        }
        entries.sort_by(|a, b| (a.created_at, &a.key).cmp(&(b.created_at, &b.key)));
        Ok(entries)
    }

    fn outbox_entry(&self, key: &str) -> Result<Option<OutboxEntry>, StoreError> {
        let at = self.outbox_key(key);
        match self.get(Kind::Outbox, at.as_bytes())? {
            Some(plain) => decode("outbox entry", &plain).map(Some),
            None => Ok(None),
        }
    }

    fn all_cases(&self) -> Result<Vec<Case>, StoreError> {
        let mut cases = Vec::new();
        for entry in self.scan(Kind::Cases, b"") {
            cases.push(decode("case", &entry?.1)?);
        }
        Ok(cases)
    }

    fn evidence_of(&self, case: &CaseId) -> Result<Vec<EvidenceItem>, StoreError> {
        self.scan(Kind::Evidence, &case_prefix(case))
            .map(|e| decode("evidence item", &e?.1))
            .collect()
    }

    fn evidence_content(&self, case: &CaseId, seq: u32) -> Result<Option<Vec<u8>>, StoreError> {
        let Some(key) = self.vault.existing_case_key(case).map_err(vault_error)? else {
            return Ok(None);
        };
        let at = evidence_key(case, seq);
        match self.evidence_content.get(&at).map_err(backend)? {
            Some(sealed) => open_with(&key, &sealed, &aad("evidence_content", &at))
                .map(Some)
                .map_err(vault_error),
            None => Ok(None),
        }
    }

    fn erase_case(&self, case: &CaseId) -> Result<bool, StoreError> {
        // Destroying the key first makes everything of the case unreadable at once, even what
        // sled still keeps in old pages; the deletions below tidy up.
        let _writer = self.writer();
        // Everything logged goes to the trees first (and the log records away, durably): the
        // deletions below are direct, and no log record may write any of it back at the next
        // start.
        self.checkpoint()?;
        self.db.flush().map_err(backend)?;
        self.vault.forget_case(case).map_err(vault_error)?;
        self.cache().cases.insert(case.clone(), None);
        let existed = self.cases.remove(case.as_str()).map_err(backend)?.is_some();
        self.case_keys.remove(case.as_str()).map_err(backend)?;
        let prefix = case_prefix(case);
        for tree in [&self.evidence, &self.evidence_content] {
            for key in tree.scan_prefix(&prefix).keys() {
                tree.remove(key.map_err(backend)?).map_err(backend)?;
            }
        }
        let mine = format!("{case}/");
        for entry in self.timer_keys.scan_prefix(mine.as_bytes()) {
            let (key, slot) = entry.map_err(backend)?;
            self.timers.remove(slot).map_err(backend)?;
            self.timer_keys.remove(key).map_err(backend)?;
        }
        for key in self.outbox.scan_prefix(mine.as_bytes()).keys() {
            let key = key.map_err(backend)?;
            self.outbox_pending.remove(&key).map_err(backend)?;
            self.outbox.remove(key).map_err(backend)?;
        }
        self.pseudonymise_audit(case)?;
        self.db.flush().map_err(backend)?;
        Ok(existed)
    }

    fn pseudonym(&self, case: &CaseId, person: &str) -> String {
        let hash = self.vault.index(&format!("audit/{case}/{person}"));
        format!("{PSEUDONYM_PREFIX}{}", &hash[..12])
    }

    fn audit_log(&self) -> Result<Vec<AuditEntry>, StoreError> {
        let mut lines = Vec::new();
        for e in self.scan(Kind::Audit, b"") {
            let (_, plain) = e?;
            // A record holds the lines of a group of commits (a single line in format 4/5).
            match serde_json::from_slice::<Vec<AuditEntry>>(&plain) {
                Ok(group) => lines.extend(group),
                Err(_) => lines.push(decode("audit entry", &plain)?),
            }
        }
        Ok(lines)
    }

    fn append_audit(&self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        let Some(first) = entries.first() else {
            return Ok(());
        };
        let _writer = self.writer();
        let key = audit_key(first);
        self.write_ops(vec![Op::put(Kind::Audit, key, encode(&entries))])?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }

    fn update_outbox(&self, entry: &OutboxEntry) -> Result<(), StoreError> {
        let case = CaseId::new(entry.key.split('/').next().unwrap_or_default());
        let _writer = self.writer();
        if self
            .vault
            .existing_case_key(&case)
            .map_err(vault_error)?
            .is_none()
        {
            // The case was erased meanwhile: there is nothing left to update.
            return Ok(());
        }
        let at = self.outbox_key(&entry.key);
        let mut ops = vec![Op::put(Kind::Outbox, at.as_bytes(), encode(entry))];
        if entry.delivered_at.is_some() {
            ops.push(Op::remove(Kind::OutboxPending, at.as_bytes()));
        }
        self.write_ops(ops)?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{AuditEntry, Commit};

    #[test]
    fn journal_records_round_trip() {
        let ops = vec![
            Op::put(Kind::Cases, b"F-A".to_vec(), vec![1, 2, 3]),
            Op::remove(Kind::Timers, vec![0x80, 0, 1]),
            Op::put(Kind::OutboxPending, b"F-A/x".to_vec(), Vec::new()),
        ];
        assert_eq!(decode_ops(&encode_ops(&ops)), Some(ops));
        assert_eq!(decode_ops(&[9]), None);
        assert_eq!(decode_ops(&[1, 0, 0, 0, 5, b'x']), None, "truncated");
    }

    /// Open a folder this process had open a moment ago: sled's background thread may hold
    /// the file lock for a few milliseconds after the last handle is dropped.
    fn reopen(path: &Path) -> SledCore {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            match SledCore::open(path) {
                Ok(store) => return store,
                Err(e)
                    if std::time::Instant::now() < deadline && e.to_string().contains("lock") =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => panic!("cannot reopen {}: {e}", path.display()),
            }
        }
    }

    fn commit_of(conversation: &Conversation) -> Commit {
        Commit {
            conversations: vec![conversation.clone()],
            ..Commit::default()
        }
    }

    #[test]
    fn logged_commits_are_applied_at_the_next_open_and_the_log_emptied() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data");
        let when = DateTime::from_timestamp(1_772_438_400, 0).unwrap();
        let people: Vec<Conversation> = ["sara", "omar", "lena"]
            .iter()
            .map(|p| Conversation::new(PersonId::new(*p), when))
            .collect();
        {
            // Dropped without `close`, as a kill would leave it: nothing checkpointed.
            let store = reopen(&path);
            for c in &people {
                store.write_commit(commit_of(c), true).unwrap();
            }
            assert_eq!(store.log.len(), 3, "one log record per commit");
            assert!(store.conversations.is_empty(), "the trees are not written");
        }
        let store = reopen(&path);
        assert!(store.log.is_empty(), "the log is applied and emptied");
        assert_eq!(store.conversations.len(), 3);
        for c in &people {
            assert_eq!(
                store.load_conversation(&c.person).unwrap().as_ref(),
                Some(c)
            );
        }
    }

    fn new_case(id: &str, owner: &str) -> Case {
        use crate::model::{Country, UnitId};
        let when = DateTime::from_timestamp(1_772_438_400, 0).unwrap();
        Case::new(
            CaseId::new(id),
            PersonId::new(owner),
            UnitId::new("unit"),
            Country::Sweden,
            when,
        )
    }

    #[test]
    fn a_new_case_logged_with_its_key_assignment_is_read_back_after_an_unclean_stop() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data");
        let (a, b) = (new_case("F-A", "sara"), new_case("F-B", "omar"));
        {
            let store = reopen(&path);
            let commit = Commit {
                cases: vec![a.clone(), b.clone()],
                ..Commit::default()
            };
            store.write_commit(commit.clone(), true).unwrap();
            assert!(
                store.case_keys.is_empty(),
                "the assignments are only logged"
            );
        }
        let store = reopen(&path);
        assert_eq!(store.case_keys.len(), 2);
        store.forget_cached();
        assert_eq!(store.load_case(&a.id).unwrap(), Some(a.clone()));
        assert_eq!(store.load_case(&b.id).unwrap(), Some(b.clone()));
        // Each case holds a key of its own: erasing one leaves the other readable.
        store.erase_case(&a.id).unwrap();
        store.forget_cached();
        assert_eq!(store.load_case(&a.id).unwrap(), None);
        assert_eq!(store.load_case(&b.id).unwrap(), Some(b));
    }

    #[test]
    fn a_log_record_of_a_case_whose_key_is_gone_is_left_out_at_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data");
        let (a, b) = (new_case("F-A", "sara"), new_case("F-B", "omar"));
        {
            let store = reopen(&path);
            for case in [&a, &b] {
                let commit = Commit {
                    cases: vec![case.clone()],
                    ..Commit::default()
                };
                store.write_commit(commit.clone(), true).unwrap();
            }
            // As a crash inside an erasure could leave it: the key destroyed, the log
            // records not yet removed.
            store.vault.forget_case(&a.id).unwrap();
            assert_eq!(store.log.len(), 2);
        }
        let store = reopen(&path);
        assert!(store.log.is_empty());
        assert_eq!(store.load_case(&a.id).unwrap(), None);
        assert!(
            !store.cases.contains_key(a.id.as_str()).unwrap(),
            "not written"
        );
        assert_eq!(store.load_case(&b.id).unwrap(), Some(b));
    }

    #[test]
    fn a_checkpoint_writes_each_key_once_and_reads_see_the_same_before_and_after() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledCore::open(&dir.path().join("data")).unwrap();
        let when = DateTime::from_timestamp(1_772_438_400, 0).unwrap();
        let mut c = Conversation::new(PersonId::new("sara"), when);
        for step in ["a", "b", "c"] {
            c.step = Some(step.into());
            store.write_commit(commit_of(&c), true).unwrap();
        }
        store.forget_cached();
        assert_eq!(
            store.load_conversation(&c.person).unwrap().as_ref(),
            Some(&c)
        );
        assert_eq!(store.pending().trees[Kind::Conversations as usize].len(), 1);
        store.close().unwrap();
        assert!(store.log.is_empty());
        let (first, next) = {
            let pending = store.pending();
            (pending.first, pending.next)
        };
        assert_eq!(first, next, "nothing pending");
        store.forget_cached();
        assert_eq!(
            store.load_conversation(&c.person).unwrap().as_ref(),
            Some(&c)
        );
        // Writing on after a checkpoint continues the log's numbering.
        c.step = Some("d".into());
        store.write_commit(commit_of(&c), true).unwrap();
        assert_eq!(store.log.len(), 1);
        assert_eq!(store.pending().first, 3);
    }

    #[test]
    fn a_checkpoint_writes_the_pending_audit_records_as_one_and_every_line_stays() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledCore::open(&dir.path().join("data")).unwrap();
        let when = DateTime::from_timestamp(1_772_438_400, 0).unwrap();
        let line = |minute: i64, who: &str| AuditEntry {
            at: when + chrono::Duration::minutes(minute),
            who: who.into(),
            action: "step".into(),
            case: None,
            place: None,
        };
        store.append_audit(&[line(0, "sara")]).unwrap();
        store
            .append_audit(&[line(1, "omar"), line(1, "lena")])
            .unwrap();
        store.append_audit(&[line(2, "sara")]).unwrap();
        let before = store.audit_log().unwrap();
        assert_eq!(before.len(), 4);
        store.close().unwrap();
        assert_eq!(store.audit.len(), 1, "one record");
        assert_eq!(store.audit_log().unwrap(), before);
        // The next checkpoint adds a record after it.
        store.append_audit(&[line(3, "omar")]).unwrap();
        store.close().unwrap();
        assert_eq!(store.audit.len(), 2);
        assert_eq!(store.audit_log().unwrap().len(), 5);
    }

    #[test]
    fn a_write_made_while_a_checkpoint_runs_stays_pending_and_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data");
        let when = DateTime::from_timestamp(1_772_438_400, 0).unwrap();
        let mut c = Conversation::new(PersonId::new("sara"), when);
        c.step = Some("1".into());
        {
            let store = reopen(&path);
            store.write_commit(commit_of(&c), true).unwrap();
            let start = store.checkpoint_start().unwrap();
            // Another thread commits between the checkpoint's start and its end.
            c.step = Some("2".into());
            store.write_commit(commit_of(&c), true).unwrap();
            store.checkpoint_finish(start).unwrap();
            store.forget_cached();
            assert_eq!(
                store.load_conversation(&c.person).unwrap().as_ref(),
                Some(&c)
            );
            assert_eq!(store.log.len(), 1, "the later commit's record stays");
        }
        let store = reopen(&path);
        assert_eq!(store.load_conversation(&c.person).unwrap(), Some(c));
    }

    #[test]
    fn commits_made_during_a_checkpoint_stay_pending_and_none_is_lost() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data");
        let store = std::sync::Arc::new(reopen(&path));
        let when = DateTime::from_timestamp(1_772_438_400, 0).unwrap();
        let people = ["sara", "omar", "lena", "ali"];
        let at = |c: Option<Conversation>| {
            c.and_then(|c| c.step)
                .map_or(0, |s| s.parse::<u64>().unwrap())
        };
        let writer = {
            let store = std::sync::Arc::clone(&store);
            std::thread::spawn(move || {
                for n in 1..=2000u64 {
                    let mut c = Conversation::new(PersonId::new(people[n as usize % 4]), when);
                    c.step = Some(n.to_string().into());
                    store.write_commit(commit_of(&c), false).unwrap();
                }
            })
        };
        // Checkpoints and reads (past the cache) while the writer goes on: what a reader saw
        // never goes back, whichever of pending and tree it came from.
        let mut seen = [0u64; 4];
        while !writer.is_finished() {
            store.checkpoint().unwrap();
            store.forget_cached();
            for (i, p) in people.iter().enumerate() {
                let now = at(store.load_conversation(&PersonId::new(*p)).unwrap());
                assert!(now >= seen[i], "{p} went back from {} to {now}", seen[i]);
                seen[i] = now;
            }
        }
        writer.join().unwrap();
        drop(std::sync::Arc::try_unwrap(store).unwrap());
        // Reopened without a close: the trees and what is left in the log make the last state.
        let store = reopen(&path);
        for (i, p) in people.iter().enumerate() {
            let last = (1..=2000u64).rev().find(|n| *n as usize % 4 == i).unwrap();
            assert_eq!(
                at(store.load_conversation(&PersonId::new(*p)).unwrap()),
                last
            );
        }
    }

    proptest::proptest! {
        /// A scan is what the tree holds with the pending writes applied over it, in key order.
        #[test]
        fn a_scan_is_the_tree_with_the_pending_writes_over_it(
            in_tree in proptest::collection::btree_map(0u8..24, 0u8..255, 0..16),
            pending in proptest::collection::btree_map(0u8..24, proptest::option::of(0u8..255), 0..16),
            prefix in proptest::option::of(0u8..3),
        ) {
            let dir = tempfile::tempdir().unwrap();
            let store = SledCore::open(&dir.path().join("data")).unwrap();
            // Keys of two bytes, the first of them 0..3: a prefix of one byte selects some.
            let key = |k: u8| vec![k % 3, k];
            let mut model = BTreeMap::new();
            for (k, v) in &in_tree {
                store.audit.insert(key(*k), vec![*v]).unwrap();
                model.insert(key(*k), vec![*v]);
            }
            for (k, v) in &pending {
                store.pending().trees[Kind::Audit as usize]
                    .insert(key(*k), v.map(|v| vec![v]));
                match v {
                    Some(v) => model.insert(key(*k), vec![*v]),
                    None => model.remove(&key(*k)),
                };
            }
            let prefix: Vec<u8> = prefix.into_iter().collect();
            let expected: Vec<(Vec<u8>, Vec<u8>)> = model
                .into_iter()
                .filter(|(k, _)| k.starts_with(&prefix))
                .collect();
            let scanned: Vec<(Vec<u8>, Vec<u8>)> = store
                .merged(Kind::Audit, &prefix)
                .map(|e| e.map(|(k, v)| match v {
                    Stored::Plain(v) => (k.to_vec(), v),
                    Stored::Sealed(v) => (k.to_vec(), v.to_vec()),
                }))
                .collect::<Result<_, _>>()
                .unwrap();
            proptest::prop_assert_eq!(scanned, expected);
        }
    }

    #[test]
    fn a_commit_interrupted_after_its_journal_record_is_finished_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data");
        let person = PersonId::new("sara");
        let when = DateTime::from_timestamp(1_772_438_400, 0).unwrap();
        let conversation = Conversation::new(person.clone(), when);
        {
            let store = reopen(&path);
            // What `write_commit` prepares, written as a crash would leave it: the journal
            // record is durable, the writes it describes are not.
            let key = store.person_key(&person);
            let sealed = store.vault.seal_master(
                &encode(&conversation),
                &aad("conversations", key.as_bytes()),
            );
            let ops = vec![Op::put(Kind::Conversations, key, sealed)];
            store.journal.insert(JOURNAL_KEY, encode_ops(&ops)).unwrap();
            store.db.flush().unwrap();
        }
        let store = reopen(&path);
        assert_eq!(
            store.load_conversation(&person).unwrap(),
            Some(conversation)
        );
        assert!(store.journal.is_empty(), "the journal is emptied");
    }
}
