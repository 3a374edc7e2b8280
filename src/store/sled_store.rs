//! The on-disk store, encrypted at rest. sled trees: `meta` (format version and a key check),
//! `conversations` (by a keyed hash of the person), `cases` (by neutral case reference),
//! `timers` (by due time then key, earliest first) with its index `timer_keys`, `outbox` (by case
//! and a keyed hash of the idempotency key) with its index `outbox_pending`, and `evidence` /
//! `evidence_content` (by case and number). Every value is sealed by the `Vault`: case data with
//! the case's own key, the rest with the master key. A commit is one multi-tree transaction
//! followed by a flush.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use super::vault::{self, open_with, seal_with, Key, Vault, VaultError};
use super::{
    audit_key, case_prefix, decode, encode, evidence_key, slot_due, timer_slot, AuditEntry, Commit,
    OutboxEntry, Store, StoreError, TimerOp, SCHEMA_VERSION,
};
use crate::engine::evidence::EvidenceItem;
use crate::engine::{Case, Conversation, Timer};
use crate::model::{CaseId, PersonId};

#[derive(Debug)]
pub struct SledStore {
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
    /// The key file, if this open created it (the operator must back it up).
    pub created_key: Option<PathBuf>,
}

const SCHEMA_KEY: &[u8] = b"schema_version";
const KEY_CHECK: &[u8] = b"key_check";

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

type TxResult = Result<(), ConflictableTransactionError<()>>;

/// Where a value is stored, as additional authenticated data: a sealed value moved elsewhere
/// does not open.
fn aad(tree: &str, key: &[u8]) -> Vec<u8> {
    let mut out = tree.as_bytes().to_vec();
    out.push(b'/');
    out.extend_from_slice(key);
    out
}

impl SledStore {
    /// Open (or create) the store in `path`, with its key file beside it (`<path>.key`).
    pub fn open(path: &Path) -> Result<SledStore, StoreError> {
        let key_file = PathBuf::from(format!("{}.key", path.display()));
        SledStore::open_with_key_file(path, &key_file)
    }

    /// Open (or create) the store in `path`. A new store gets a new key in `key_file` (0600);
    /// an existing store opens only with its own key — never without one.
    pub fn open_with_key_file(path: &Path, key_file: &Path) -> Result<SledStore, StoreError> {
        let open_error = |detail: String| StoreError::Open {
            path: path.to_path_buf(),
            detail,
        };
        if path.exists() && !path.is_dir() {
            return Err(open_error("it exists but is not a folder".into()));
        }
        let db = sled::Config::new()
            .path(path)
            .open()
            .map_err(|e| open_error(e.to_string()))?;
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
            if found != SCHEMA_VERSION {
                return Err(StoreError::Schema {
                    path: PathBuf::from(path),
                    found,
                    expected: SCHEMA_VERSION,
                });
            }
        }
        let is_new = check.is_none();
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
        Ok(SledStore {
            conversations: tree("conversations")?,
            cases: tree("cases")?,
            timers: tree("timers")?,
            timer_keys: tree("timer_keys")?,
            outbox: tree("outbox")?,
            outbox_pending: tree("outbox_pending")?,
            evidence: tree("evidence")?,
            evidence_content: tree("evidence_content")?,
            audit: tree("audit")?,
            created_key: created.then(|| key_file.to_path_buf()),
            vault,
            db,
        })
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

    fn case_key(&self, case: &CaseId) -> Result<Key, StoreError> {
        self.vault.case_key(case).map_err(vault_error)
    }

    fn seal<T: Serialize>(&self, key: &Key, tree: &str, at: &[u8], value: &T) -> Vec<u8> {
        seal_with(key, &encode(value), &aad(tree, at))
    }

    fn unseal<T: DeserializeOwned>(
        &self,
        what: &'static str,
        key: &Key,
        tree: &str,
        at: &[u8],
        sealed: &[u8],
    ) -> Result<T, StoreError> {
        let plain = open_with(key, sealed, &aad(tree, at)).map_err(|_| StoreError::Corrupt {
            what,
            detail: "it cannot be decrypted: it was changed, or the key is wrong".into(),
        })?;
        decode(what, &plain)
    }

    fn read_case(&self, id: &str, sealed: &[u8]) -> Result<Option<Case>, StoreError> {
        let case = CaseId::new(id);
        // A case whose key was destroyed is erased: treat it as gone.
        let Some(key) = self.vault.existing_case_key(&case).map_err(vault_error)? else {
            return Ok(None);
        };
        self.unseal("case", &key, "cases", id.as_bytes(), sealed)
            .map(Some)
    }

    fn read_outbox(
        &self,
        store_key: &[u8],
        sealed: &[u8],
    ) -> Result<Option<OutboxEntry>, StoreError> {
        let text = String::from_utf8_lossy(store_key);
        let case = CaseId::new(text.split('/').next().unwrap_or_default());
        let Some(key) = self.vault.existing_case_key(&case).map_err(vault_error)? else {
            return Ok(None);
        };
        self.unseal("outbox entry", &key, "outbox", store_key, sealed)
            .map(Some)
    }
}

impl Store for SledStore {
    fn load_conversation(&self, person: &PersonId) -> Result<Option<Conversation>, StoreError> {
        let key = self.person_key(person);
        let Some(sealed) = self.conversations.get(&key).map_err(backend)? else {
            return Ok(None);
        };
        let plain = self
            .vault
            .open_master(&sealed, &aad("conversations", key.as_bytes()))
            .map_err(vault_error)?;
        decode("conversation", &plain).map(Some)
    }

    fn load_case(&self, id: &CaseId) -> Result<Option<Case>, StoreError> {
        match self.cases.get(id.as_str()).map_err(backend)? {
            Some(sealed) => self.read_case(id.as_str(), &sealed),
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

    fn commit(&self, commit: &Commit) -> Result<(), StoreError> {
        // Erasure first (rare, and outside the transaction below: destroying a case's key is
        // what makes it unreadable, and a retry simply finishes the deletion).
        for owner in &commit.erase_owners {
            for case in self.cases_of(owner)? {
                self.erase_case(&case.id)?;
            }
        }
        for case in &commit.erase_cases {
            self.erase_case(case)?;
        }
        let audit: Vec<_> = commit
            .audit
            .iter()
            .map(|entry| {
                let key = audit_key(entry);
                let sealed = self.vault.seal_master(&encode(entry), &aad("audit", &key));
                (key, sealed)
            })
            .collect();
        let mut evidence = Vec::new();
        for (item, content) in &commit.evidence {
            let key = self.case_key(&item.case)?;
            let at = evidence_key(&item.case, item.seq);
            let sealed_item = self.seal(&key, "evidence", &at, item);
            let sealed_content = seal_with(&key, content, &aad("evidence_content", &at));
            evidence.push((at, sealed_item, sealed_content));
        }
        let conversations: Vec<_> = commit
            .conversations
            .iter()
            .map(|c| {
                let key = self.person_key(&c.person);
                let sealed = self
                    .vault
                    .seal_master(&encode(c), &aad("conversations", key.as_bytes()));
                (key, sealed)
            })
            .collect();
        let mut cases = Vec::new();
        for c in &commit.cases {
            let key = self.case_key(&c.id)?;
            cases.push((
                c.id.to_string(),
                self.seal(&key, "cases", c.id.as_str().as_bytes(), c),
            ));
        }
        let mut outbox = Vec::new();
        for e in &commit.outbox {
            let case = CaseId::new(e.key.split('/').next().unwrap_or_default());
            let key = self.case_key(&case)?;
            let at = self.outbox_key(&e.key);
            let sealed = self.seal(&key, "outbox", at.as_bytes(), e);
            outbox.push((at, sealed));
        }
        let timers: Vec<_> = commit
            .timers
            .iter()
            .map(|op| match op {
                TimerOp::Set(t) => {
                    let slot = timer_slot(t);
                    let sealed = self.vault.seal_master(&encode(t), &aad("timers", &slot));
                    (t.key.clone(), Some((slot, sealed)))
                }
                TimerOp::Cancel(key) => (key.clone(), None),
            })
            .collect();
        (
            &self.conversations,
            &self.cases,
            &self.outbox,
            &self.outbox_pending,
            &self.timers,
            &self.timer_keys,
            &self.evidence,
            &self.evidence_content,
            &self.audit,
        )
            .transaction(
                |(conv_t, case_t, out_t, pending_t, timer_t, key_t, ev_t, content_t, audit_t)| -> TxResult {
                    for (key, sealed) in &audit {
                        audit_t.insert(key.as_slice(), sealed.as_slice())?;
                    }
                    for (key, item, content) in &evidence {
                        ev_t.insert(key.as_slice(), item.as_slice())?;
                        content_t.insert(key.as_slice(), content.as_slice())?;
                    }
                    for (k, v) in &conversations {
                        conv_t.insert(k.as_bytes(), v.as_slice())?;
                    }
                    for (k, v) in &cases {
                        case_t.insert(k.as_bytes(), v.as_slice())?;
                    }
                    for (k, v) in &outbox {
                        if out_t.get(k.as_bytes())?.is_none() {
                            out_t.insert(k.as_bytes(), v.as_slice())?;
                            pending_t.insert(k.as_bytes(), &[])?;
                        }
                    }
                    for (key, set) in &timers {
                        if let Some(old) = key_t.remove(key.as_bytes())? {
                            timer_t.remove(old)?;
                        }
                        if let Some((slot, bytes)) = set {
                            key_t.insert(key.as_bytes(), slot.as_slice())?;
                            timer_t.insert(slot.as_slice(), bytes.as_slice())?;
                        }
                    }
                    Ok(())
                },
            )
            .map_err(|e: TransactionError<()>| StoreError::Backend(format!("{e:?}")))?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }

    fn due_timers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<Timer>, StoreError> {
        let mut out = Vec::new();
        for entry in self.timers.iter() {
            let (slot, sealed) = entry.map_err(backend)?;
            if out.len() >= limit || slot_due(&slot).is_some_and(|due| due > now) {
                break;
            }
            let plain = self
                .vault
                .open_master(&sealed, &aad("timers", &slot))
                .map_err(vault_error)?;
            out.push(decode("timer", &plain)?);
        }
        Ok(out)
    }

    fn timers(&self) -> Result<Vec<Timer>, StoreError> {
        self.timers
            .iter()
            .map(|e| {
                let (slot, sealed) = e.map_err(backend)?;
                let plain = self
                    .vault
                    .open_master(&sealed, &aad("timers", &slot))
                    .map_err(vault_error)?;
                decode("timer", &plain)
            })
            .collect()
    }

    fn next_timer_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self
            .timers
            .first()
            .map_err(backend)?
            .and_then(|(slot, _)| slot_due(&slot)))
    }

    fn pending_outbox(&self, now: DateTime<Utc>) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut entries = Vec::new();
        for key in self.outbox_pending.iter().keys() {
            let key = key.map_err(backend)?;
            if let Some(sealed) = self.outbox.get(&key).map_err(backend)? {
                if let Some(entry) = self.read_outbox(&key, &sealed)? {
                    if entry.delivered_at.is_none() && entry.next_attempt_at <= now {
                        entries.push(entry);
                    }
                }
            }
        }
        entries.sort_by(|a, b| (a.created_at, &a.key).cmp(&(b.created_at, &b.key)));
        Ok(entries)
    }

    fn outbox_entry(&self, key: &str) -> Result<Option<OutboxEntry>, StoreError> {
        let at = self.outbox_key(key);
        match self.outbox.get(at.as_bytes()).map_err(backend)? {
            Some(sealed) => self.read_outbox(at.as_bytes(), &sealed),
            None => Ok(None),
        }
    }

    fn all_cases(&self) -> Result<Vec<Case>, StoreError> {
        let mut cases = Vec::new();
        for entry in self.cases.iter() {
            let (id, sealed) = entry.map_err(backend)?;
            if let Some(case) = self.read_case(&String::from_utf8_lossy(&id), &sealed)? {
                cases.push(case);
            }
        }
        Ok(cases)
    }

    fn evidence_of(&self, case: &CaseId) -> Result<Vec<EvidenceItem>, StoreError> {
        let Some(key) = self.vault.existing_case_key(case).map_err(vault_error)? else {
            return Ok(Vec::new());
        };
        self.evidence
            .scan_prefix(case_prefix(case))
            .map(|e| {
                let (at, sealed) = e.map_err(backend)?;
                self.unseal("evidence item", &key, "evidence", &at, &sealed)
            })
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
        self.vault.forget_case(case).map_err(vault_error)?;
        let existed = self.cases.remove(case.as_str()).map_err(backend)?.is_some();
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
        self.db.flush().map_err(backend)?;
        Ok(existed)
    }

    fn audit_log(&self) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit
            .iter()
            .map(|e| {
                let (key, sealed) = e.map_err(backend)?;
                let plain = self
                    .vault
                    .open_master(&sealed, &aad("audit", &key))
                    .map_err(vault_error)?;
                decode("audit entry", &plain)
            })
            .collect()
    }

    fn append_audit(&self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        for entry in entries {
            let key = audit_key(entry);
            let sealed = self.vault.seal_master(&encode(entry), &aad("audit", &key));
            self.audit.insert(key, sealed).map_err(backend)?;
        }
        self.db.flush().map_err(backend)?;
        Ok(())
    }

    fn update_outbox(&self, entry: &OutboxEntry) -> Result<(), StoreError> {
        let case = CaseId::new(entry.key.split('/').next().unwrap_or_default());
        let key = self.case_key(&case)?;
        let at = self.outbox_key(&entry.key);
        let sealed = self.seal(&key, "outbox", at.as_bytes(), entry);
        let delivered = entry.delivered_at.is_some();
        (&self.outbox, &self.outbox_pending)
            .transaction(|(out_t, pending_t)| -> TxResult {
                out_t.insert(at.as_bytes(), sealed.as_slice())?;
                if delivered {
                    pending_t.remove(at.as_bytes())?;
                }
                Ok(())
            })
            .map_err(|e: TransactionError<()>| StoreError::Backend(format!("{e:?}")))?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }
}
