//! Erasing a case so that nothing of it stays where Fyr put it, and nobody is left inside it:
//! the store erases the case with its evidence, timers and pending notifications and puts
//! pseudonyms for the persons in its audit lines; those who were told about the case hear only
//! that it was closed (its reference, nothing else); the plaintext exports Fyr wrote (it
//! records each folder in the audit log) are deleted. Conversations that still point at the
//! case are sent back to the start when their person next writes (`Driver`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::engine::state::CaseEvent;
use crate::engine::{Case, Msg, Outgoing};
use crate::model::{CaseId, PersonId};
use crate::store::{names_a_person, AuditEntry, Commit, OutboxEntry, Store, StoreError};

/// The audit action of a plaintext export written to a folder (the folder is its `place`).
pub const EXPORT_WRITTEN: &str = "export-written";
/// The audit action that closes an erased case's lines.
pub const CASE_ERASED: &str = "case-erased";

/// What an erasure did.
#[derive(Debug, Default)]
pub struct Erased {
    /// Whether the case was there.
    pub existed: bool,
    /// How many people were told that the case was closed.
    pub told: usize,
    /// The export files deleted with it.
    pub exports_removed: Vec<PathBuf>,
}

/// Erase a case on an operator's (or Fyr's) behalf: see the module documentation. `who` is
/// written in the audit line that closes the case's lines ("operator", "fyr").
pub fn erase_case(
    store: &dyn Store,
    id: &CaseId,
    who: &str,
    now: DateTime<Utc>,
) -> Result<Erased, StoreError> {
    let case = store.load_case(id)?;
    let places = export_places(store, id)?;
    let existed = store.erase_case(id)?;
    let mut erased = Erased {
        existed,
        ..Erased::default()
    };
    if let Some(case) = case {
        let told = told_about(&case);
        let mut notices = closed_notices(id, &told, now);
        // The employee too: their case is gone without them asking.
        notices.push(OutboxEntry {
            key: format!("closed/{id}/{}", case.owner),
            message: Outgoing {
                to: case.owner.clone(),
                body: vec![Msg::new("case-erased-by-operator").str("case", id.to_string())],
                options: Vec::new(),
            },
            created_at: now,
            attempts: 0,
            next_attempt_at: now,
            delivered_at: None,
        });
        let who = if names_a_person(who) {
            store.pseudonym(id, who)
        } else {
            who.to_string()
        };
        erased.told = told.len();
        store.commit(Commit {
            outbox: notices,
            audit: vec![erased_line(id, &who, now)],
            ..Commit::default()
        })?;
    }
    erased.exports_removed = remove_exports(&places, id);
    Ok(erased)
}

/// The audit line that closes an erased case's lines.
pub fn erased_line(id: &CaseId, who: &str, now: DateTime<Utc>) -> AuditEntry {
    AuditEntry {
        at: now,
        who: who.to_string(),
        action: CASE_ERASED.into(),
        case: Some(id.clone()),
        place: None,
    }
}

/// Everyone other than the employee who was told about the case: notified on a track, or
/// invited to help with evidence. In the order they were first told.
pub fn told_about(case: &Case) -> Vec<PersonId> {
    let mut told: Vec<PersonId> = Vec::new();
    for entry in &case.log {
        let person = match &entry.event {
            CaseEvent::Notified { to, .. } => to,
            CaseEvent::HelperInvited { person } => person,
            _ => continue,
        };
        if *person != case.owner && !told.contains(person) {
            told.push(person.clone());
        }
    }
    told
}

/// "Case F-… is closed": nothing but the reference. Keyed apart from the case (`closed/…`),
/// so the notice outlives the case's erasure.
pub fn closed_notices(id: &CaseId, to: &[PersonId], now: DateTime<Utc>) -> Vec<OutboxEntry> {
    to.iter()
        .map(|person| OutboxEntry {
            key: format!("closed/{id}/{person}"),
            message: Outgoing {
                to: person.clone(),
                body: vec![Msg::new("case-closed-notice").str("case", id.to_string())],
                options: Vec::new(),
            },
            created_at: now,
            attempts: 0,
            next_attempt_at: now,
            delivered_at: None,
        })
        .collect()
}

/// The folders where plaintext exports of the case were written, as the audit log records them.
pub fn export_places(store: &dyn Store, id: &CaseId) -> Result<Vec<PathBuf>, StoreError> {
    let mut places: Vec<PathBuf> = Vec::new();
    for line in store.audit_log()? {
        if line.action == EXPORT_WRITTEN && line.case.as_ref() == Some(id) {
            if let Some(place) = line.place {
                if !places.contains(&place) {
                    places.push(place);
                }
            }
        }
    }
    Ok(places)
}

/// Delete the case's export files in each folder (and the folder, if that empties it). A
/// folder that cannot be cleaned is logged (its path names only the case reference).
pub fn remove_exports(places: &[PathBuf], id: &CaseId) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    for place in places {
        match crate::export::remove_export(place, id) {
            Ok(files) => removed.extend(files),
            Err(e) => tracing::warn!(
                "an export of an erased case could not be deleted in {}: {e}",
                place.display()
            ),
        }
    }
    removed
}

/// Record where a plaintext export was written, so that erasure finds it; with `tell`, the
/// employee is told in the chat where it went (an operator's export, which they did not ask
/// for in the chat).
pub fn record_export(
    store: &dyn Store,
    case: &Case,
    folder: &Path,
    tell: bool,
    now: DateTime<Utc>,
) -> Result<PathBuf, StoreError> {
    let place = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let mut commit = Commit {
        audit: vec![AuditEntry {
            at: now,
            who: "fyr".into(),
            action: EXPORT_WRITTEN.into(),
            case: Some(case.id.clone()),
            place: Some(place.clone()),
        }],
        ..Commit::default()
    };
    if tell {
        let stamp = now.timestamp_millis();
        commit.outbox.push(OutboxEntry {
            key: format!("{}/operator-export/{stamp}/{}", case.id, case.owner),
            message: Outgoing {
                to: case.owner.clone(),
                body: vec![Msg::new("export-by-operator")
                    .str("case", case.id.to_string())
                    .str("folder", place.display().to_string())],
                options: Vec::new(),
            },
            created_at: now,
            attempts: 0,
            next_attempt_at: now,
            delivered_at: None,
        });
    }
    store.commit(commit)?;
    Ok(place)
}
