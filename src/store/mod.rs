//! Persistence behind one trait: where each person is in their conversation, and their cases.
//! `SledStore` keeps it on disk (the default, `./fyr-data`); `MemoryStore` is its in-memory twin
//! for tests. Both pass the same conformance suite (tests/it/store.rs). Only this module knows
//! sled. A commit is atomic and durable before it returns: what Fyr has acknowledged is kept.

mod memory;
mod sled_store;

pub use memory::MemoryStore;
pub use sled_store::SledStore;

use std::path::PathBuf;

use thiserror::Error;

use crate::engine::{Case, Conversation, Session};
use crate::model::{CaseId, PersonId};

/// The version of the stored format. Bumped on incompatible changes; a store written by another
/// version is refused with a clear error rather than misread.
pub const SCHEMA_VERSION: u32 = 1;

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
    #[error("stored {what} could not be read: {detail}")]
    Corrupt { what: &'static str, detail: String },
    #[error("storage failed: {0}")]
    Backend(String),
}

/// Everything one engine step changes, written in one transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct Commit {
    pub conversation: Conversation,
    pub case: Option<Case>,
}

impl From<&Session> for Commit {
    fn from(session: &Session) -> Commit {
        Commit {
            conversation: session.conversation.clone(),
            case: session.case.clone(),
        }
    }
}

pub trait Store: Send + Sync {
    /// The person's conversation and its current case, if they have written before.
    fn load_session(&self, person: &PersonId) -> Result<Option<Session>, StoreError>;
    fn load_case(&self, id: &CaseId) -> Result<Option<Case>, StoreError>;
    /// All cases owned by a person, oldest first.
    fn cases_of(&self, owner: &PersonId) -> Result<Vec<Case>, StoreError>;
    /// Write a step's changes atomically and durably.
    fn commit(&self, commit: &Commit) -> Result<(), StoreError>;
}

/// Shared by both stores: a session is its conversation plus the case it points at.
fn assemble(
    conversation: Option<Conversation>,
    load_case: impl FnOnce(&CaseId) -> Result<Option<Case>, StoreError>,
) -> Result<Option<Session>, StoreError> {
    let Some(conversation) = conversation else {
        return Ok(None);
    };
    let case = match &conversation.case {
        Some(id) => load_case(id)?,
        None => None,
    };
    Ok(Some(Session { conversation, case }))
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
