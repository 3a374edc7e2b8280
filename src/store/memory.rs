//! The in-memory twin of the sled store, for unit tests and the conformance suite. Records are
//! kept serialized, so it exercises the same encoding as the disk store.

use std::collections::BTreeMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};

use super::{
    audit_key, case_prefix, decode, encode, evidence_key, pseudonymised, slot_due, timer_slot,
    AuditEntry, Commit, OutboxEntry, Store, StoreError, TimerOp, PSEUDONYM_PREFIX,
};
use crate::engine::evidence::EvidenceItem;
use crate::engine::{Case, Conversation, Timer};
use crate::model::{CaseId, PersonId};

#[derive(Debug, Default)]
pub struct MemoryStore {
    inner: Mutex<Tables>,
}

#[derive(Debug, Default)]
struct Tables {
    conversations: BTreeMap<String, Vec<u8>>,
    cases: BTreeMap<String, Vec<u8>>,
    timers: BTreeMap<Vec<u8>, Vec<u8>>,
    timer_keys: BTreeMap<String, Vec<u8>>,
    outbox: BTreeMap<String, Vec<u8>>,
    evidence: BTreeMap<Vec<u8>, Vec<u8>>,
    evidence_content: BTreeMap<Vec<u8>, Vec<u8>>,
    audit: BTreeMap<Vec<u8>, Vec<u8>>,
    /// The key of the audit log's pseudonyms (random per store).
    salt: [u8; 16],
}

/// A pseudonym: SHA-256 over the store's salt, the case and the person.
fn pseudonym(salt: &[u8; 16], case: &CaseId, person: &str) -> String {
    use sha2::Digest;
    let mut hash = sha2::Sha256::new();
    hash.update(salt);
    hash.update(format!("audit/{case}/{person}").as_bytes());
    let digest = hash.finalize();
    format!(
        "{PSEUDONYM_PREFIX}{}",
        data_encoding::HEXLOWER.encode(&digest[..6])
    )
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        let store = MemoryStore::default();
        getrandom::getrandom(&mut store.tables().salt)
            .expect("the operating system provides random bytes");
        store
    }

    fn tables(&self) -> std::sync::MutexGuard<'_, Tables> {
        // Commits cannot fail half-way (see `commit`), so a poisoned lock still guards
        // consistent data.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Store for MemoryStore {
    fn load_conversation(&self, person: &PersonId) -> Result<Option<Conversation>, StoreError> {
        self.tables()
            .conversations
            .get(person.as_str())
            .map(|b| decode("conversation", b))
            .transpose()
    }

    fn load_case(&self, id: &CaseId) -> Result<Option<Case>, StoreError> {
        self.tables()
            .cases
            .get(id.as_str())
            .map(|b| decode("case", b))
            .transpose()
    }

    fn cases_of(&self, owner: &PersonId) -> Result<Vec<Case>, StoreError> {
        let mut cases = self
            .tables()
            .cases
            .values()
            .map(|b| decode::<Case>("case", b))
            .filter(|c| c.as_ref().map_or(true, |c| &c.owner == owner))
            .collect::<Result<Vec<_>, _>>()?;
        cases.sort_by_key(|c| c.opened_at);
        Ok(cases)
    }

    fn commit(&self, mut commit: Commit) -> Result<(), StoreError> {
        super::bound_growth(&mut commit);
        // Nothing below can fail, so applying in place is all-or-nothing.
        let mut t = self.tables();
        for owner in &commit.erase_owners {
            let ids: Vec<CaseId> = t
                .cases
                .values()
                .filter_map(|b| decode::<Case>("case", b).ok())
                .filter(|c| &c.owner == owner)
                .map(|c| c.id)
                .collect();
            for id in ids {
                erase(&mut t, &id);
            }
        }
        for case in &commit.erase_cases {
            erase(&mut t, case);
        }
        for entry in &commit.audit {
            t.audit.insert(audit_key(entry), encode(entry));
        }
        for (item, content) in commit.evidence {
            let key = evidence_key(&item.case, item.seq);
            t.evidence.insert(key.clone(), encode(&item));
            t.evidence_content.insert(key, content);
        }
        for c in &commit.conversations {
            t.conversations.insert(c.person.to_string(), encode(c));
        }
        for c in &commit.cases {
            t.cases.insert(c.id.to_string(), encode(c));
        }
        for e in &commit.outbox {
            t.outbox.entry(e.key.clone()).or_insert_with(|| encode(e));
        }
        for op in &commit.timers {
            match op {
                TimerOp::Set(timer) => {
                    if let Some(old) = t.timer_keys.remove(&timer.key) {
                        t.timers.remove(&old);
                    }
                    let slot = timer_slot(timer);
                    t.timer_keys.insert(timer.key.clone(), slot.clone());
                    t.timers.insert(slot, encode(timer));
                }
                TimerOp::Cancel(key) => {
                    if let Some(old) = t.timer_keys.remove(key) {
                        t.timers.remove(&old);
                    }
                }
            }
        }
        Ok(())
    }

    fn due_timers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<Timer>, StoreError> {
        let t = self.tables();
        let mut out = Vec::new();
        for (slot, bytes) in &t.timers {
            if out.len() >= limit || slot_due(slot).is_some_and(|due| due > now) {
                break;
            }
            out.push(decode("timer", bytes)?);
        }
        Ok(out)
    }

    fn timers(&self) -> Result<Vec<Timer>, StoreError> {
        self.tables()
            .timers
            .values()
            .map(|b| decode("timer", b))
            .collect()
    }

    fn next_timer_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self.tables().timers.keys().next().and_then(|k| slot_due(k)))
    }

    fn pending_outbox(&self, now: DateTime<Utc>) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut entries = self
            .tables()
            .outbox
            .values()
            .map(|b| decode::<OutboxEntry>("outbox entry", b))
            .collect::<Result<Vec<_>, _>>()?;
        entries.retain(|e| e.delivered_at.is_none() && e.next_attempt_at <= now);
        entries.sort_by(|a, b| (a.created_at, &a.key).cmp(&(b.created_at, &b.key)));
        Ok(entries)
    }

    fn outbox_entry(&self, key: &str) -> Result<Option<OutboxEntry>, StoreError> {
        self.tables()
            .outbox
            .get(key)
            .map(|b| decode("outbox entry", b))
            .transpose()
    }

    fn update_outbox(&self, entry: &OutboxEntry) -> Result<(), StoreError> {
        let mut t = self.tables();
        if entry.delivered_at.is_some() && super::is_personal(&entry.key) {
            t.outbox.remove(&entry.key);
        } else {
            t.outbox.insert(entry.key.clone(), encode(entry));
        }
        Ok(())
    }

    fn all_cases(&self) -> Result<Vec<Case>, StoreError> {
        self.tables()
            .cases
            .values()
            .map(|b| decode("case", b))
            .collect()
    }

    fn evidence_of(&self, case: &CaseId) -> Result<Vec<EvidenceItem>, StoreError> {
        let prefix = case_prefix(case);
        self.tables()
            .evidence
            .iter()
            .filter(|(k, _)| k.starts_with(&prefix))
            .map(|(_, b)| decode("evidence item", b))
            .collect()
    }

    fn evidence_content(&self, case: &CaseId, seq: u32) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .tables()
            .evidence_content
            .get(&evidence_key(case, seq))
            .cloned())
    }

    fn erase_case(&self, case: &CaseId) -> Result<bool, StoreError> {
        Ok(erase(&mut self.tables(), case))
    }

    fn pseudonym(&self, case: &CaseId, person: &str) -> String {
        pseudonym(&self.tables().salt, case, person)
    }

    fn audit_log(&self) -> Result<Vec<AuditEntry>, StoreError> {
        self.tables()
            .audit
            .values()
            .map(|b| decode("audit entry", b))
            .collect()
    }

    fn append_audit(&self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        let mut t = self.tables();
        for entry in entries {
            t.audit.insert(audit_key(entry), encode(entry));
        }
        Ok(())
    }
}

fn erase(t: &mut Tables, case: &CaseId) -> bool {
    let existed = t.cases.remove(case.as_str()).is_some();
    let salt = t.salt;
    for value in t.audit.values_mut() {
        let Ok(line) = decode::<AuditEntry>("audit entry", value) else {
            continue;
        };
        if let Some(lines) = pseudonymised(&[line], case, |p| pseudonym(&salt, case, p)) {
            *value = encode(&lines[0]);
        }
    }
    let prefix = case_prefix(case);
    t.evidence.retain(|k, _| !k.starts_with(&prefix));
    t.evidence_content.retain(|k, _| !k.starts_with(&prefix));
    let mine = format!("{case}/");
    let keys: Vec<String> = t
        .timer_keys
        .keys()
        .filter(|k| k.starts_with(&mine))
        .cloned()
        .collect();
    for key in keys {
        if let Some(slot) = t.timer_keys.remove(&key) {
            t.timers.remove(&slot);
        }
    }
    t.outbox.retain(|k, _| !k.starts_with(&mine));
    existed
}
