//! The in-memory twin of the sled store, for unit tests and the conformance suite. Records are
//! kept serialized, so it exercises the same encoding as the disk store.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::{assemble, decode, encode, Commit, Store, StoreError};
use crate::engine::{Case, Session};
use crate::model::{CaseId, PersonId};

#[derive(Debug, Default)]
pub struct MemoryStore {
    inner: Mutex<Tables>,
}

#[derive(Debug, Default)]
struct Tables {
    conversations: BTreeMap<String, Vec<u8>>,
    cases: BTreeMap<String, Vec<u8>>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    fn tables(&self) -> std::sync::MutexGuard<'_, Tables> {
        // A panic while holding the lock cannot leave a half-written commit: each commit only
        // inserts whole records, so the data is usable even if the mutex is poisoned.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Store for MemoryStore {
    fn load_session(&self, person: &PersonId) -> Result<Option<Session>, StoreError> {
        let tables = self.tables();
        let conversation = tables
            .conversations
            .get(person.as_str())
            .map(|b| decode("conversation", b))
            .transpose()?;
        assemble(conversation, |id| {
            tables
                .cases
                .get(id.as_str())
                .map(|b| decode("case", b))
                .transpose()
        })
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

    fn commit(&self, commit: &Commit) -> Result<(), StoreError> {
        let conversation = encode(&commit.conversation);
        let case = commit.case.as_ref().map(|c| (c.id.to_string(), encode(c)));
        let mut tables = self.tables();
        tables
            .conversations
            .insert(commit.conversation.person.to_string(), conversation);
        if let Some((id, bytes)) = case {
            tables.cases.insert(id, bytes);
        }
        Ok(())
    }
}
