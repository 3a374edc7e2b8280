//! The on-disk store: sled, used as its documentation says. Trees: `meta` (format version, key
//! check, clean-stop mark, erasures begun), `conversations` (by a keyed hash of the person),
//! `cases` (by neutral case reference), `timers` (by due time then key, earliest first) with
//! its index `timer_keys`, `outbox` (by case and a keyed hash of the idempotency key) with its
//! index `outbox_pending`, `evidence` / `evidence_content` (by case and number), `audit`, and
//! `case_keys` (which key of the keyring each case needs). Every value is sealed by the
//! `Vault`: case data with the case's own key, the rest with the master key.
//!
//! One commit is one sled transaction over the trees, then one `flush`, before `commit`
//! returns: what Fyr confirmed is on disk, and after a crash a commit is there whole or not at
//! all. No thread and no log of its own. Erasure destroys the case's key first (the keyring
//! file, outside sled), then deletes what is left.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use super::vault::{self, open_with, seal_with, Key, Vault, VaultError};
use super::{
    audit_key, bound_growth, case_prefix, decode, encode, evidence_key, pseudonymised, slot_due,
    timer_slot, upgrade, AuditEntry, Commit, OutboxEntry, Store, StoreError, TimerOp,
    PSEUDONYM_PREFIX, SCHEMA_VERSION, UPGRADES_FROM,
};
use crate::engine::evidence::EvidenceItem;
use crate::engine::{Case, Conversation, Timer};
use crate::model::{CaseId, PersonId};

const SCHEMA_KEY: &[u8] = b"schema_version";
pub(super) const KEY_CHECK: &[u8] = b"key_check";
/// What the keyed hashes and derived keys come from, sealed with the master key; written by
/// the first key rotation (until then it is the master key itself).
pub(super) const DERIVE_ROOT: &[u8] = b"derive_root";
/// Meta keys `erasing/<case>`: an erasure begun (its key may be gone already).
const ERASING: &[u8] = b"erasing/";
/// The mark of the last clean stop, in `meta` and in this file of the data folder.
pub(super) const CLEAN_STOP: &[u8] = b"clean_stop";
const CLEAN_STOP_FILE: &str = "clean-stop";

/// The trees a commit writes, by number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Conversations = 0,
    Cases = 1,
    Timers = 2,
    TimerKeys = 3,
    Outbox = 4,
    OutboxPending = 5,
    Evidence = 6,
    Audit = 7,
    CaseKeys = 8,
    EvidenceContent = 9,
}

pub(super) const TREES: [(&str, Kind); 10] = [
    ("conversations", Kind::Conversations),
    ("cases", Kind::Cases),
    ("timers", Kind::Timers),
    ("timer_keys", Kind::TimerKeys),
    ("outbox", Kind::Outbox),
    ("outbox_pending", Kind::OutboxPending),
    ("evidence", Kind::Evidence),
    ("audit", Kind::Audit),
    ("case_keys", Kind::CaseKeys),
    ("evidence_content", Kind::EvidenceContent),
];

impl Kind {
    pub(super) fn from_byte(b: u8) -> Option<Kind> {
        TREES.get(usize::from(b)).map(|(_, k)| *k)
    }
    pub(super) fn name(self) -> &'static str {
        TREES[self as usize].0
    }
    /// The case whose key seals a value stored under `key`, if any; None: the master key
    /// (or, for the plain indexes, nothing).
    pub(super) fn case_of(self, key: &[u8]) -> Option<&[u8]> {
        let up_to = |end: u8| key.split(|b| *b == end).next();
        match self {
            Kind::Cases => Some(key),
            // A person's entry (a reply): the master key.
            Kind::Outbox => up_to(b'/').filter(|case| *case != super::PERSONAL.as_bytes()),
            Kind::Evidence | Kind::EvidenceContent => up_to(0),
            _ => None,
        }
    }
    /// Indexes of neutral keys: stored as they are.
    pub(super) fn plain(self) -> bool {
        matches!(self, Kind::TimerKeys | Kind::OutboxPending | Kind::CaseKeys)
    }
}

/// One write of a commit: put a value (plain here, sealed on its way in), or remove the key.
#[derive(Debug, PartialEq)]
pub(super) struct Op {
    pub kind: Kind,
    pub key: Vec<u8>,
    pub value: Option<Vec<u8>>,
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
}

/// Where a value is stored, as additional authenticated data: a sealed value moved elsewhere
/// does not open.
pub(super) fn aad(tree: &str, key: &[u8]) -> Vec<u8> {
    let mut out = tree.as_bytes().to_vec();
    out.push(b'/');
    out.extend_from_slice(key);
    out
}

/// A sled error: a failing disk (full, read-only, an I/O error) as such, with its help.
pub(super) fn disk(e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(io) => StoreError::Disk {
            detail: io.to_string(),
        },
        other => StoreError::Backend(other.to_string()),
    }
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

pub(super) fn io_disk(e: std::io::Error) -> StoreError {
    StoreError::Disk {
        detail: e.to_string(),
    }
}

/// The store on disk (see the module documentation).
pub struct SledStore {
    pub(super) db: sled::Db,
    pub(super) vault: Vault,
    pub(super) meta: sled::Tree,
    trees: Vec<sled::Tree>,
    /// Held by every write, so a commit's reads (timer slots, outbox entries) stay true until
    /// its transaction; and by a backup, so it copies what lies between two writes.
    pub(super) writer: Arc<Mutex<()>>,
    pub(super) closed: Arc<AtomicBool>,
    pub(super) path: PathBuf,
    pub(super) key_file: PathBuf,
    /// The key file, if this open created it (the operator must back it up).
    pub created_key: Option<PathBuf>,
    /// Where the old key went, if this open finished a key rotation a crash had interrupted.
    pub finished_rotation: Option<PathBuf>,
}

impl std::fmt::Debug for SledStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SledStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl SledStore {
    /// Open (or create) the store in `path`, with its key file beside it (`<path>.key`).
    pub fn open(path: &Path) -> Result<SledStore, StoreError> {
        let key_file = PathBuf::from(format!("{}.key", path.display()));
        SledStore::open_with_key_file(path, &key_file)
    }

    /// Open (or create) the store in `path`. A new store gets a new key in `key_file` (0600);
    /// an existing store opens only with its own key and a keyring holding every key its cases
    /// need. Nothing is written before both are checked; then an older format is upgraded.
    pub fn open_with_key_file(path: &Path, key_file: &Path) -> Result<SledStore, StoreError> {
        let open_error = |detail: String| StoreError::Open {
            path: path.to_path_buf(),
            detail,
        };
        if path.exists() && !path.is_dir() {
            return Err(open_error("it exists but is not a folder".into()));
        }
        let damaged = |detail: String| StoreError::Damaged {
            path: path.to_path_buf(),
            detail,
        };
        let db = sled::Config::new().path(path).open().map_err(|e| match e {
            // Damaged files (or files sled cannot read at all): a backup helps, not the lock.
            sled::Error::Corruption { .. } | sled::Error::Unsupported(_) => damaged(e.to_string()),
            sled::Error::Io(ref io) => match io.kind() {
                std::io::ErrorKind::StorageFull
                | std::io::ErrorKind::FileTooLarge
                | std::io::ErrorKind::ReadOnlyFilesystem => disk(e),
                // A database file shorter than what it says it holds: cut, not locked.
                std::io::ErrorKind::UnexpectedEof => damaged(e.to_string()),
                _ => open_error(e.to_string()),
            },
            e => open_error(e.to_string()),
        })?;
        let meta = db.open_tree("meta").map_err(disk)?;
        let check = meta.get(KEY_CHECK).map_err(disk)?;
        let found = meta.get(SCHEMA_KEY).map_err(disk)?.map(|bytes| {
            <[u8; 4]>::try_from(bytes.as_ref())
                .map(u32::from_be_bytes)
                .unwrap_or(0)
        });
        if let Some(found) = found.filter(|f| *f != SCHEMA_VERSION && !UPGRADES_FROM.contains(f)) {
            return Err(StoreError::Schema {
                path: PathBuf::from(path),
                found,
                expected: SCHEMA_VERSION,
            });
        }
        let is_new = check.is_none();
        if is_new && std::fs::metadata(path.join("keyring")).is_ok_and(|m| m.len() > 0) {
            // Keys were made for this folder, but the database has lost its records: damaged
            // files that sled opened as empty. Never start empty over them.
            return Err(damaged(
                "its records are gone, though its keyring holds keys".into(),
            ));
        }
        let (mut key, created) = match vault::load_or_create_key(key_file, is_new) {
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
        let mut finished_rotation = None;
        if let Some(sealed) = &check {
            if open_with(&key, sealed, KEY_CHECK).is_err() {
                // A key rotation that committed but stopped before the key file was replaced:
                // the new key waits beside it.
                match super::rotate::finish_key_swap(key_file, sealed)? {
                    Some((new, old_file)) => {
                        key = new;
                        finished_rotation = Some(old_file);
                    }
                    None => {
                        return Err(StoreError::WrongKey {
                            key_file: key_file.to_path_buf(),
                            path: path.to_path_buf(),
                        })
                    }
                }
            } else {
                super::rotate::drop_stale_new_key(key_file)?;
            }
        }
        let root = match meta.get(DERIVE_ROOT).map_err(disk)? {
            Some(sealed) => open_with(&key, &sealed, DERIVE_ROOT)
                .ok()
                .and_then(|r| Key::try_from(r.as_slice()).ok())
                .ok_or_else(|| damaged("its derivation key cannot be read".into()))?,
            None => key,
        };
        super::rotate::settle_keyring(path, &meta)?;
        let vault = Vault::with_root(key, root, path.join("keyring"))
            .map_err(|e| open_error(e.to_string()))?;
        let trees = TREES
            .iter()
            .map(|(name, _)| db.open_tree(name))
            .collect::<Result<Vec<_>, _>>()
            .map_err(disk)?;
        let store = SledStore {
            db,
            vault,
            meta,
            trees,
            writer: Arc::new(Mutex::new(())),
            closed: Arc::new(AtomicBool::new(false)),
            path: path.to_path_buf(),
            key_file: key_file.to_path_buf(),
            created_key: created.then(|| key_file.to_path_buf()),
            finished_rotation,
        };
        // An older folder's commits not yet in its trees (format 7's log), read only.
        let old = match found {
            Some(v) if v != SCHEMA_VERSION => {
                upgrade::read_old_commits(&store.db, &store.vault).map_err(vault_error)?
            }
            _ => upgrade::OldCommits::default(),
        };
        let mut held = store.held_keys()?;
        held.extend(old.held.iter().cloned());
        store.check_keys(&held)?;
        store.check_clean_stop()?;
        // Checked: from here on the folder may be written.
        if is_new {
            store
                .meta
                .insert(KEY_CHECK, seal_with(&key, b"fyr", KEY_CHECK))
                .map_err(disk)?;
            store
                .meta
                .insert(SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())
                .map_err(disk)?;
        }
        store.vault.repair().map_err(vault_error)?;
        super::rotate::clear_mark(&store.meta)?;
        store.vault.load_assignments(held);
        if found.is_some_and(|v| v != SCHEMA_VERSION) {
            store.upgrade(old)?;
        }
        store.db.flush().map_err(disk)?;
        for case in store.unfinished_erasures()? {
            store.erase_case(&case)?;
        }
        Ok(store)
    }

    /// Upgrade to the current format, one explicit step: the commits an older folder holds
    /// outside its trees (format 7's write-ahead log, format 4–6's journal record) are written
    /// to the trees in order, sealed as today, in one transaction; then those trees are dropped
    /// and the version is set.
    fn upgrade(&self, old: upgrade::OldCommits) -> Result<(), StoreError> {
        // Format 4–6's interrupted commit: its values are sealed already; final values, so
        // writing them again is harmless.
        for op in &old.sealed {
            let tree = self.tree(op.kind);
            match &op.value {
                Some(v) => tree.insert(op.key.as_slice(), v.as_slice()),
                None => tree.remove(op.key.as_slice()),
            }
            .map_err(disk)?;
        }
        let mut ops = Vec::new();
        for op in old.ops {
            let case = op.kind.case_of(&op.key).map(|c| c.to_vec());
            if let Some(case) = case {
                // A case erased after its record was written (its key is gone): left out.
                let case = CaseId::new(String::from_utf8_lossy(&case));
                if self
                    .vault
                    .existing_case_key(&case)
                    .map_err(vault_error)?
                    .is_none()
                {
                    continue;
                }
            }
            ops.push(op);
        }
        if !ops.is_empty() {
            tracing::info!(writes = ops.len(), "upgrade: writing the logged commits");
        }
        self.write(ops)?;
        for name in upgrade::OLD_TREES {
            self.db.drop_tree(name).map_err(disk)?;
        }
        self.meta
            .insert(SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())
            .map_err(disk)?;
        Ok(())
    }

    /// The cases and the key each needs (its name in the keyring).
    fn held_keys(&self) -> Result<Vec<(String, String)>, StoreError> {
        self.tree(Kind::CaseKeys)
            .iter()
            .map(|entry| {
                let (case, name) = entry.map_err(disk)?;
                Ok((
                    String::from_utf8_lossy(&case).into_owned(),
                    String::from_utf8_lossy(&name).into_owned(),
                ))
            })
            .collect()
    }

    /// Refuse to open when the keyring lacks a key a case needs (deleted, cut, replaced by
    /// another folder's): the case would silently vanish, and its key's name be given again.
    /// A case being erased when Fyr stopped needs none.
    fn check_keys(&self, held: &[(String, String)]) -> Result<(), StoreError> {
        let erasing: HashSet<String> = self
            .unfinished_erasures()?
            .into_iter()
            .map(|c| c.to_string())
            .collect();
        let mut named: HashSet<&str> = HashSet::new();
        let mut missing = Vec::new();
        for (case, name) in held {
            named.insert(case);
            if !self.vault.has(name) && !erasing.contains(case) {
                missing.push(format!("{name} (case {case})"));
            }
        }
        for key in self.tree(Kind::Cases).iter().keys() {
            let case = String::from_utf8_lossy(&key.map_err(disk)?).into_owned();
            // A case of format 4 has a key under its own name.
            if !named.contains(case.as_str()) && !self.vault.has(&case) && !erasing.contains(&case)
            {
                missing.push(format!("{case} (case {case})"));
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        missing.sort();
        missing.dedup();
        Err(StoreError::KeysMissing {
            keyring: self.vault.path().to_path_buf(),
            missing,
        })
    }

    /// Cases whose erasure began but did not finish (Fyr stopped in between).
    fn unfinished_erasures(&self) -> Result<Vec<CaseId>, StoreError> {
        self.meta
            .scan_prefix(ERASING)
            .keys()
            .map(|k| {
                let k = k.map_err(disk)?;
                Ok(CaseId::new(String::from_utf8_lossy(&k[ERASING.len()..])))
            })
            .collect()
    }

    /// A clean stop leaves the same mark in the database and in a file beside it. A database
    /// without the mark the file names has lost its last writes (its tail was cut, or it was
    /// replaced by an older copy): refused, never opened as if nothing were missing.
    fn check_clean_stop(&self) -> Result<(), StoreError> {
        let Ok(mark) = std::fs::read(self.path.join(CLEAN_STOP_FILE)) else {
            return Ok(());
        };
        let stored = self.meta.get(CLEAN_STOP).map_err(disk)?;
        if stored.as_deref() == Some(mark.as_slice()) {
            return Ok(());
        }
        Err(StoreError::Damaged {
            path: self.path.clone(),
            detail: "its last writes before the last clean stop are missing (the database file was cut or replaced by an older copy)".into(),
        })
    }

    /// A 32-byte key derived from the data folder's master key with a fixed label, for data
    /// kept beside the store (the Matrix crypto store): it opens with the same key file.
    pub fn derived_key(&self, label: &str) -> [u8; 32] {
        self.vault.derive(label)
    }

    /// Stop cleanly: flush, and leave a new mark in the database and then in the file (the
    /// file goes first: a crash in between leaves no claim rather than a false one). Writes
    /// after this fail; closing again does nothing.
    pub fn close(&mut self) -> Result<(), StoreError> {
        if self.closed.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        let file = self.path.join(CLEAN_STOP_FILE);
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io_disk(e)),
            _ => {}
        }
        let mut mark = [0u8; 16];
        getrandom::getrandom(&mut mark).expect("the operating system provides random bytes");
        self.meta.insert(CLEAN_STOP, &mark[..]).map_err(disk)?;
        self.db.flush().map_err(disk)?;
        vault::write_file_durably(&file, &mark).map_err(io_disk)
    }

    pub(super) fn tree(&self, kind: Kind) -> &sled::Tree {
        &self.trees[kind as usize]
    }

    pub(super) fn writer(&self) -> Result<MutexGuard<'_, ()>, StoreError> {
        if self.closed.load(Ordering::SeqCst) {
            return Err(StoreError::Backend("the store is closed".into()));
        }
        Ok(self.writer.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Seal `ops` and write them in one transaction, then flush. New cases' keys (made
    /// durably in the keyring by `case_key`) are recorded in the same transaction.
    fn write(&self, ops: Vec<Op>) -> Result<(), StoreError> {
        let sealed = ops
            .into_iter()
            .map(|op| {
                let value = match op.value {
                    Some(plain) => Some(self.seal(op.kind, &op.key, &plain)?),
                    None => None,
                };
                Ok((op.kind, op.key, value))
            })
            .collect::<Result<Vec<_>, StoreError>>();
        let new_keys = self.vault.take_new();
        let mut sealed: Vec<_> = match sealed {
            Ok(s) => s,
            Err(e) => {
                self.vault.abandon(new_keys);
                return Err(e);
            }
        };
        for (case, name) in &new_keys {
            sealed.push((
                Kind::CaseKeys,
                case.as_bytes().to_vec(),
                Some(name.as_bytes().to_vec()),
            ));
        }
        let written = self
            .trees
            .as_slice()
            .transaction(|trees| {
                for (kind, key, value) in &sealed {
                    let tree = &trees[*kind as usize];
                    match value {
                        Some(v) => tree.insert(key.as_slice(), v.as_slice())?,
                        None => tree.remove(key.as_slice())?,
                    };
                }
                Ok::<(), ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                TransactionError::Storage(e) => disk(e),
                TransactionError::Abort(()) => StoreError::Backend("a write was aborted".into()),
            })
            .and_then(|()| self.db.flush().map(|_| ()).map_err(disk));
        match written {
            Ok(()) => self.vault.settle(new_keys),
            Err(_) => self.vault.abandon(new_keys),
        }
        written
    }

    /// The key that seals a value of `kind` under `key` (None: its case is erased).
    fn sealing_key(&self, kind: Kind, key: &[u8]) -> Result<Option<Key>, StoreError> {
        match kind.case_of(key) {
            Some(case) => self
                .vault
                .existing_case_key(&CaseId::new(String::from_utf8_lossy(case)))
                .map_err(vault_error),
            None => Ok(Some(self.vault.master())),
        }
    }

    /// A plain value sealed for its place. A case without a key gets one (made durably in
    /// the keyring; `write` records it with the commit).
    fn seal(&self, kind: Kind, key: &[u8], plain: &[u8]) -> Result<Vec<u8>, StoreError> {
        if kind.plain() {
            return Ok(plain.to_vec());
        }
        let k = match kind.case_of(key) {
            Some(case) => self
                .vault
                .case_key(&CaseId::new(String::from_utf8_lossy(case)))
                .map_err(vault_error)?,
            None => self.vault.master(),
        };
        Ok(seal_with(&k, plain, &aad(kind.name(), key)))
    }

    /// A stored value opened (None: its case is erased).
    fn unseal(&self, kind: Kind, key: &[u8], sealed: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        if kind.plain() {
            return Ok(Some(sealed.to_vec()));
        }
        let Some(k) = self.sealing_key(kind, key)? else {
            return Ok(None);
        };
        open_with(&k, sealed, &aad(kind.name(), key))
            .map(Some)
            .map_err(|_| StoreError::Corrupt {
                what: kind.name(),
                detail: "it cannot be decrypted: it was changed, or the key is wrong".into(),
            })
    }

    fn get(&self, kind: Kind, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        match self.tree(kind).get(key).map_err(disk)? {
            Some(sealed) => self.unseal(kind, key, &sealed),
            None => Ok(None),
        }
    }

    /// The opened values of a tree under a prefix, in key order (erased cases' left out).
    fn scan<T: serde::de::DeserializeOwned>(
        &self,
        kind: Kind,
        prefix: &[u8],
    ) -> Result<Vec<(sled::IVec, T)>, StoreError> {
        let mut out = Vec::new();
        for entry in self.tree(kind).scan_prefix(prefix) {
            let (key, sealed) = entry.map_err(disk)?;
            if let Some(plain) = self.unseal(kind, &key, &sealed)? {
                out.push((key, decode(kind.name(), &plain)?));
            }
        }
        Ok(out)
    }

    fn person_key(&self, person: &PersonId) -> String {
        self.vault.index(&format!("person/{person}"))
    }

    /// The outbox key in the store: the case (for erasure) and a keyed hash of the rest, which
    /// names the recipient.
    fn outbox_key(&self, key: &str) -> String {
        let case = key.split('/').next().unwrap_or_default();
        format!("{case}/{}", self.vault.index(key))
    }

    /// The writes of a commit (plain values). The caller holds the writer lock.
    fn commit_ops(&self, commit: &Commit) -> Result<Vec<Op>, StoreError> {
        let mut ops = Vec::new();
        for (item, content) in &commit.evidence {
            let at = evidence_key(&item.case, item.seq);
            ops.push(Op::put(Kind::EvidenceContent, at.clone(), content.clone()));
            ops.push(Op::put(Kind::Evidence, at, encode(item)));
        }
        for c in &commit.conversations {
            ops.push(Op::put(
                Kind::Conversations,
                self.person_key(&c.person),
                encode(c),
            ));
        }
        for c in &commit.cases {
            ops.push(Op::put(Kind::Cases, c.id.as_str(), encode(c)));
        }
        let mut new_outbox = HashSet::new();
        for e in &commit.outbox {
            let at = self.outbox_key(&e.key);
            if !new_outbox.insert(at.clone())
                || self
                    .tree(Kind::Outbox)
                    .contains_key(at.as_bytes())
                    .map_err(disk)?
            {
                // An entry whose key exists is left as it is.
                continue;
            }
            ops.push(Op::put(Kind::Outbox, at.clone(), encode(e)));
            ops.push(Op::put(Kind::OutboxPending, at, Vec::new()));
        }
        // Timer slots as the earlier timer ops of this commit left them.
        let mut slots: std::collections::HashMap<String, Option<Vec<u8>>> = Default::default();
        for op in &commit.timers {
            let key = match op {
                TimerOp::Set(t) => t.key.as_str(),
                TimerOp::Cancel(k) => k.as_str(),
            };
            let old = match slots.get(key) {
                Some(slot) => slot.clone(),
                None => self
                    .tree(Kind::TimerKeys)
                    .get(key.as_bytes())
                    .map_err(disk)?
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
                    slots.insert(key.to_string(), Some(slot));
                }
                TimerOp::Cancel(_) if existed => {
                    ops.push(Op::remove(Kind::TimerKeys, key.as_bytes()));
                    slots.insert(key.to_string(), None);
                }
                // Cancelling a timer that is not there changes nothing.
                TimerOp::Cancel(_) => {}
            }
        }
        if let Some(first) = commit.audit.first() {
            ops.push(Op::put(
                Kind::Audit,
                audit_key(first),
                encode(&commit.audit),
            ));
        }
        Ok(ops)
    }

    /// Every audit record (a list of lines; a single line in format 4/5), in order.
    fn audit_records(&self) -> Result<Vec<(sled::IVec, Vec<AuditEntry>)>, StoreError> {
        let mut records = Vec::new();
        for entry in self.tree(Kind::Audit).iter() {
            let (key, sealed) = entry.map_err(disk)?;
            let Some(plain) = self.unseal(Kind::Audit, &key, &sealed)? else {
                continue;
            };
            let lines = match serde_json::from_slice::<Vec<AuditEntry>>(&plain) {
                Ok(lines) => lines,
                Err(_) => vec![decode("audit entry", &plain)?],
            };
            records.push((key, lines));
        }
        Ok(records)
    }
}

impl Drop for SledStore {
    fn drop(&mut self) {
        if let Err(e) = self.close() {
            tracing::warn!("closing the store: {e}");
        }
    }
}

impl Store for SledStore {
    fn close(&mut self) -> Result<(), StoreError> {
        SledStore::close(self)
    }

    fn load_conversation(&self, person: &PersonId) -> Result<Option<Conversation>, StoreError> {
        match self.get(Kind::Conversations, self.person_key(person).as_bytes())? {
            Some(plain) => decode("conversation", &plain).map(Some),
            None => Ok(None),
        }
    }

    fn load_case(&self, id: &CaseId) -> Result<Option<Case>, StoreError> {
        match self.get(Kind::Cases, id.as_str().as_bytes())? {
            Some(plain) => decode("case", &plain).map(Some),
            None => Ok(None),
        }
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

    fn commit(&self, mut commit: Commit) -> Result<(), StoreError> {
        bound_growth(&mut commit);
        // Erasure first (rare): destroying a case's key is what makes it unreadable, and a
        // retry simply finishes the deletion.
        for owner in &commit.erase_owners {
            for case in self.cases_of(owner)? {
                self.erase_case(&case.id)?;
            }
        }
        for case in &commit.erase_cases {
            self.erase_case(case)?;
        }
        let _writer = self.writer()?;
        let ops = match self.commit_ops(&commit) {
            Ok(ops) => ops,
            Err(e) => {
                self.vault.abandon(self.vault.take_new());
                return Err(e);
            }
        };
        self.write(ops)
    }

    fn due_timers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<Timer>, StoreError> {
        let mut out = Vec::new();
        for entry in self.tree(Kind::Timers).iter() {
            let (slot, sealed) = entry.map_err(disk)?;
            if out.len() >= limit || slot_due(&slot).is_some_and(|due| due > now) {
                break;
            }
            if let Some(plain) = self.unseal(Kind::Timers, &slot, &sealed)? {
                out.push(decode("timer", &plain)?);
            }
        }
        Ok(out)
    }

    fn timers(&self) -> Result<Vec<Timer>, StoreError> {
        Ok(self
            .scan(Kind::Timers, b"")?
            .into_iter()
            .map(|(_, t)| t)
            .collect())
    }

    fn next_timer_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self
            .tree(Kind::Timers)
            .first()
            .map_err(disk)?
            .and_then(|(slot, _)| slot_due(&slot)))
    }

    fn pending_outbox(&self, now: DateTime<Utc>) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut entries = Vec::new();
        for key in self.tree(Kind::OutboxPending).iter().keys() {
            let key = key.map_err(disk)?;
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
        match self.get(Kind::Outbox, self.outbox_key(key).as_bytes())? {
            Some(plain) => decode("outbox entry", &plain).map(Some),
            None => Ok(None),
        }
    }

    fn update_outbox(&self, entry: &OutboxEntry) -> Result<(), StoreError> {
        let case = CaseId::new(entry.key.split('/').next().unwrap_or_default());
        let personal = super::is_personal(&entry.key);
        let _writer = self.writer()?;
        if !personal
            && self
                .vault
                .existing_case_key(&case)
                .map_err(vault_error)?
                .is_none()
        {
            // The case was erased meanwhile: there is nothing left to update.
            return Ok(());
        }
        let at = self.outbox_key(&entry.key);
        let mut ops = Vec::new();
        if personal && entry.delivered_at.is_some() {
            // Delivered: a person's entry goes (its key is never made again).
            ops.push(Op::remove(Kind::Outbox, at.as_bytes()));
        } else {
            ops.push(Op::put(Kind::Outbox, at.as_bytes(), encode(entry)));
        }
        if entry.delivered_at.is_some() {
            ops.push(Op::remove(Kind::OutboxPending, at.as_bytes()));
        }
        self.write(ops)
    }

    fn all_cases(&self) -> Result<Vec<Case>, StoreError> {
        Ok(self
            .scan(Kind::Cases, b"")?
            .into_iter()
            .map(|(_, c)| c)
            .collect())
    }

    fn evidence_of(&self, case: &CaseId) -> Result<Vec<EvidenceItem>, StoreError> {
        Ok(self
            .scan(Kind::Evidence, &case_prefix(case))?
            .into_iter()
            .map(|(_, e)| e)
            .collect())
    }

    fn evidence_content(&self, case: &CaseId, seq: u32) -> Result<Option<Vec<u8>>, StoreError> {
        self.get(Kind::EvidenceContent, &evidence_key(case, seq))
    }

    fn erase_case(&self, case: &CaseId) -> Result<bool, StoreError> {
        let _writer = self.writer()?;
        // Recorded first, then the key destroyed (everything of the case is unreadable at
        // once, even what sled still keeps in old pages); the deletions below tidy up, in one
        // transaction, and the record goes with them.
        let mut marker = ERASING.to_vec();
        marker.extend_from_slice(case.as_str().as_bytes());
        self.meta.insert(&marker, &[]).map_err(disk)?;
        self.db.flush().map_err(disk)?;
        self.vault.forget_case(case).map_err(vault_error)?;
        let existed = self
            .tree(Kind::Cases)
            .contains_key(case.as_str())
            .map_err(disk)?;
        let mut ops = vec![
            Op::remove(Kind::Cases, case.as_str()),
            Op::remove(Kind::CaseKeys, case.as_str()),
        ];
        let prefix = case_prefix(case);
        for kind in [Kind::Evidence, Kind::EvidenceContent] {
            for key in self.tree(kind).scan_prefix(&prefix).keys() {
                ops.push(Op::remove(kind, key.map_err(disk)?.to_vec()));
            }
        }
        let mine = format!("{case}/");
        for entry in self.tree(Kind::TimerKeys).scan_prefix(mine.as_bytes()) {
            let (key, slot) = entry.map_err(disk)?;
            ops.push(Op::remove(Kind::Timers, slot.to_vec()));
            ops.push(Op::remove(Kind::TimerKeys, key.to_vec()));
        }
        for key in self.tree(Kind::Outbox).scan_prefix(mine.as_bytes()).keys() {
            let key = key.map_err(disk)?.to_vec();
            ops.push(Op::remove(Kind::OutboxPending, key.clone()));
            ops.push(Op::remove(Kind::Outbox, key));
        }
        for (key, lines) in self.audit_records()? {
            if let Some(lines) = pseudonymised(&lines, case, |p| self.pseudonym(case, p)) {
                ops.push(Op::put(Kind::Audit, key.to_vec(), encode(&lines)));
            }
        }
        self.write(ops)?;
        self.meta.remove(&marker).map_err(disk)?;
        self.db.flush().map_err(disk)?;
        Ok(existed)
    }

    fn pseudonym(&self, case: &CaseId, person: &str) -> String {
        let hash = self.vault.index(&format!("audit/{case}/{person}"));
        format!("{PSEUDONYM_PREFIX}{}", &hash[..12])
    }

    fn audit_log(&self) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(self
            .audit_records()?
            .into_iter()
            .flat_map(|(_, lines)| lines)
            .collect())
    }

    fn append_audit(&self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        let Some(first) = entries.first() else {
            return Ok(());
        };
        let _writer = self.writer()?;
        self.write(vec![Op::put(
            Kind::Audit,
            audit_key(first),
            encode(&entries),
        )])
    }
}
