//! The on-disk store. sled trees: `meta` (format version), `conversations` (by person), `cases`
//! (by case reference), `timers` (by due time then key, so the earliest is first) with its
//! index `timer_keys`, and `outbox` (by idempotency key) with its index `outbox_pending` of
//! undelivered entries. A commit is one multi-tree transaction followed by a flush.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use super::{
    case_prefix, decode, encode, evidence_key, slot_due, timer_slot, Commit, OutboxEntry, Store,
    StoreError, TimerOp, SCHEMA_VERSION,
};
use crate::engine::evidence::EvidenceItem;
use crate::engine::{Case, Conversation, Timer};
use crate::model::{CaseId, PersonId};

#[derive(Debug)]
pub struct SledStore {
    db: sled::Db,
    conversations: sled::Tree,
    cases: sled::Tree,
    timers: sled::Tree,
    timer_keys: sled::Tree,
    outbox: sled::Tree,
    outbox_pending: sled::Tree,
    evidence: sled::Tree,
    evidence_content: sled::Tree,
}

const SCHEMA_KEY: &[u8] = b"schema_version";

impl SledStore {
    /// Open (or create) the store in `path`.
    pub fn open(path: &Path) -> Result<SledStore, StoreError> {
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
        match meta
            .get(SCHEMA_KEY)
            .map_err(|e| open_error(e.to_string()))?
        {
            Some(bytes) => {
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
            None => {
                meta.insert(SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())
                    .map_err(|e| open_error(e.to_string()))?;
                db.flush().map_err(|e| open_error(e.to_string()))?;
            }
        }
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
            db,
        })
    }
}

fn backend(e: sled::Error) -> StoreError {
    StoreError::Backend(e.to_string())
}

type TxResult = Result<(), ConflictableTransactionError<()>>;

impl Store for SledStore {
    fn load_conversation(&self, person: &PersonId) -> Result<Option<Conversation>, StoreError> {
        self.conversations
            .get(person.as_str())
            .map_err(backend)?
            .map(|b| decode("conversation", &b))
            .transpose()
    }

    fn load_case(&self, id: &CaseId) -> Result<Option<Case>, StoreError> {
        self.cases
            .get(id.as_str())
            .map_err(backend)?
            .map(|b| decode("case", &b))
            .transpose()
    }

    fn cases_of(&self, owner: &PersonId) -> Result<Vec<Case>, StoreError> {
        let mut cases = Vec::new();
        for entry in self.cases.iter() {
            let (_, bytes) = entry.map_err(backend)?;
            let case: Case = decode("case", &bytes)?;
            if &case.owner == owner {
                cases.push(case);
            }
        }
        cases.sort_by_key(|c| c.opened_at);
        Ok(cases)
    }

    fn commit(&self, commit: &Commit) -> Result<(), StoreError> {
        // Erasure first (rare, and not part of the multi-tree transaction below: it removes
        // whole cases, which a retry simply finishes).
        for owner in &commit.erase_owners {
            for case in self.cases_of(owner)? {
                self.erase_case(&case.id)?;
            }
        }
        let evidence: Vec<_> = commit
            .evidence
            .iter()
            .map(|(item, content)| {
                (
                    evidence_key(&item.case, item.seq),
                    encode(item),
                    content.clone(),
                )
            })
            .collect();
        let conversations: Vec<_> = commit
            .conversations
            .iter()
            .map(|c| (c.person.to_string(), encode(c)))
            .collect();
        let cases: Vec<_> = commit
            .cases
            .iter()
            .map(|c| (c.id.to_string(), encode(c)))
            .collect();
        let outbox: Vec<_> = commit
            .outbox
            .iter()
            .map(|e| (e.key.clone(), encode(e)))
            .collect();
        let timers: Vec<_> = commit
            .timers
            .iter()
            .map(|op| match op {
                TimerOp::Set(t) => (t.key.clone(), Some((timer_slot(t), encode(t)))),
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
        )
            .transaction(
                |(conv_t, case_t, out_t, pending_t, timer_t, key_t, ev_t, content_t)| -> TxResult {
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
            let (slot, bytes) = entry.map_err(backend)?;
            if out.len() >= limit || slot_due(&slot).is_some_and(|due| due > now) {
                break;
            }
            out.push(decode("timer", &bytes)?);
        }
        Ok(out)
    }

    fn timers(&self) -> Result<Vec<Timer>, StoreError> {
        self.timers
            .iter()
            .map(|e| e.map_err(backend).and_then(|(_, b)| decode("timer", &b)))
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
            if let Some(bytes) = self.outbox.get(&key).map_err(backend)? {
                let entry: OutboxEntry = decode("outbox entry", &bytes)?;
                if entry.delivered_at.is_none() && entry.next_attempt_at <= now {
                    entries.push(entry);
                }
            }
        }
        entries.sort_by(|a, b| (a.created_at, &a.key).cmp(&(b.created_at, &b.key)));
        Ok(entries)
    }

    fn outbox_entry(&self, key: &str) -> Result<Option<OutboxEntry>, StoreError> {
        self.outbox
            .get(key)
            .map_err(backend)?
            .map(|b| decode("outbox entry", &b))
            .transpose()
    }

    fn all_cases(&self) -> Result<Vec<Case>, StoreError> {
        self.cases
            .iter()
            .map(|e| e.map_err(backend).and_then(|(_, b)| decode("case", &b)))
            .collect()
    }

    fn evidence_of(&self, case: &CaseId) -> Result<Vec<EvidenceItem>, StoreError> {
        self.evidence
            .scan_prefix(case_prefix(case))
            .map(|e| {
                e.map_err(backend)
                    .and_then(|(_, b)| decode("evidence item", &b))
            })
            .collect()
    }

    fn evidence_content(&self, case: &CaseId, seq: u32) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .evidence_content
            .get(evidence_key(case, seq))
            .map_err(backend)?
            .map(|v| v.to_vec()))
    }

    fn erase_case(&self, case: &CaseId) -> Result<bool, StoreError> {
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

    fn update_outbox(&self, entry: &OutboxEntry) -> Result<(), StoreError> {
        let bytes = encode(entry);
        let key = entry.key.as_bytes();
        let delivered = entry.delivered_at.is_some();
        (&self.outbox, &self.outbox_pending)
            .transaction(|(out_t, pending_t)| -> TxResult {
                out_t.insert(key, bytes.as_slice())?;
                if delivered {
                    pending_t.remove(key)?;
                }
                Ok(())
            })
            .map_err(|e: TransactionError<()>| StoreError::Backend(format!("{e:?}")))?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }
}
