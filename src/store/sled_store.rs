//! The on-disk store: sled trees `meta` (format version), `conversations` (by person) and
//! `cases` (by case reference). A commit is one multi-tree transaction followed by a flush, so a
//! crash never leaves a conversation pointing at a case that was not written.

use std::path::{Path, PathBuf};

use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use super::{assemble, decode, encode, Commit, Store, StoreError, SCHEMA_VERSION};
use crate::engine::{Case, Session};
use crate::model::{CaseId, PersonId};

#[derive(Debug)]
pub struct SledStore {
    db: sled::Db,
    conversations: sled::Tree,
    cases: sled::Tree,
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
        let conversations = db
            .open_tree("conversations")
            .map_err(|e| open_error(e.to_string()))?;
        let cases = db
            .open_tree("cases")
            .map_err(|e| open_error(e.to_string()))?;
        Ok(SledStore {
            db,
            conversations,
            cases,
        })
    }
}

fn backend(e: sled::Error) -> StoreError {
    StoreError::Backend(e.to_string())
}

impl Store for SledStore {
    fn load_session(&self, person: &PersonId) -> Result<Option<Session>, StoreError> {
        let conversation = self
            .conversations
            .get(person.as_str())
            .map_err(backend)?
            .map(|b| decode("conversation", &b))
            .transpose()?;
        assemble(conversation, |id| self.load_case(id))
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
        let person = commit.conversation.person.as_str().as_bytes();
        let conversation = encode(&commit.conversation);
        let case = commit.case.as_ref().map(|c| (c.id.to_string(), encode(c)));
        (&self.conversations, &self.cases)
            .transaction(|(conversations, cases)| {
                conversations.insert(person, conversation.as_slice())?;
                if let Some((id, bytes)) = &case {
                    cases.insert(id.as_bytes(), bytes.as_slice())?;
                }
                Ok::<(), ConflictableTransactionError<()>>(())
            })
            .map_err(|e: TransactionError<()>| StoreError::Backend(format!("{e:?}")))?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }
}
