//! Sealed evidence: every note, link or file the employee gives Fyr gets a SHA-256 of its
//! content on receipt, the time received, its source, and its place in a per-case hash chain
//! (each entry's chain hash covers the previous one), so that any later change, removal or
//! reordering shows up in `fyr verify`. Pure functions; the store keeps the items and contents.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::state::Case;
use crate::model::{CaseId, PersonId};

/// The chain hash before the first item.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// A written note: what, where, who, when.
    Note,
    /// A link to a post, profile or page.
    Link,
    /// A file or picture, with its name as given.
    File { name: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceItem {
    pub case: CaseId,
    /// 1, 2, 3 … within the case.
    pub seq: u32,
    pub kind: EvidenceKind,
    pub received_at: DateTime<Utc>,
    /// Where it came from: "console", "matrix", …
    pub source: String,
    pub added_by: PersonId,
    pub size: u64,
    /// SHA-256 of the content, hex.
    pub content_hash: String,
    /// The previous item's chain hash (GENESIS for the first).
    pub prev: String,
    /// SHA-256 over prev, seq, content hash, time, kind and who added it.
    pub chain: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256_hex(content: &[u8]) -> String {
    hex(&Sha256::digest(content))
}

/// The chain hash of an item, from its recorded fields.
pub fn chain_hash(item: &EvidenceItem) -> String {
    let kind = serde_json::to_string(&item.kind).expect("an evidence kind always serializes");
    let mut h = Sha256::new();
    for part in [
        item.prev.as_str(),
        &item.seq.to_string(),
        item.content_hash.as_str(),
        &item.received_at.to_rfc3339(),
        &kind,
        item.added_by.as_str(),
        item.source.as_str(),
    ] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    hex(&h.finalize())
}

/// Seal a new item onto the case's chain.
pub fn seal(
    case: &mut Case,
    kind: EvidenceKind,
    content: &[u8],
    added_by: &PersonId,
    source: &str,
    now: DateTime<Utc>,
) -> EvidenceItem {
    let mut item = EvidenceItem {
        case: case.id.clone(),
        seq: case.evidence_count + 1,
        kind,
        received_at: now,
        source: source.to_string(),
        added_by: added_by.clone(),
        size: content.len() as u64,
        content_hash: sha256_hex(content),
        prev: case
            .evidence_head
            .clone()
            .unwrap_or_else(|| GENESIS.to_string()),
        chain: String::new(),
    };
    item.chain = chain_hash(&item);
    case.evidence_count = item.seq;
    case.evidence_head = Some(item.chain.clone());
    item
}

/// Something wrong with a case's evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tamper {
    /// The content no longer matches the hash taken on receipt.
    ContentChanged { seq: u32 },
    /// The content is gone.
    ContentMissing { seq: u32 },
    /// The item's own record was changed (its chain hash does not match its fields).
    RecordChanged { seq: u32 },
    /// The item does not follow the one before it (removed, inserted or reordered).
    ChainBroken { seq: u32 },
    /// Items are missing at the end (the case says there are more).
    Truncated { expected: u32, found: u32 },
}

impl std::fmt::Display for Tamper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tamper::ContentChanged { seq } => write!(f, "item {seq}: the content was changed after it was saved"),
            Tamper::ContentMissing { seq } => write!(f, "item {seq}: the content is missing"),
            Tamper::RecordChanged { seq } => write!(f, "item {seq}: its record (time, kind, source or hash) was changed"),
            Tamper::ChainBroken { seq } => write!(f, "item {seq}: the chain is broken here (an item was removed, inserted or reordered)"),
            Tamper::Truncated { expected, found } => write!(f, "{found} items found, but the case recorded {expected}: items were removed at the end"),
        }
    }
}

/// Recompute a case's chain. `items` in stored order; `content` looks up an item's content.
pub fn verify(
    case: &Case,
    items: &[EvidenceItem],
    content: impl Fn(u32) -> Option<Vec<u8>>,
) -> Vec<Tamper> {
    let mut problems = Vec::new();
    let mut prev = GENESIS.to_string();
    for (i, item) in items.iter().enumerate() {
        let expected_seq = i as u32 + 1;
        if item.prev != prev || item.seq != expected_seq {
            problems.push(Tamper::ChainBroken { seq: item.seq });
        }
        if chain_hash(item) != item.chain {
            problems.push(Tamper::RecordChanged { seq: item.seq });
        }
        match content(item.seq) {
            Some(bytes) if sha256_hex(&bytes) == item.content_hash => {}
            Some(_) => problems.push(Tamper::ContentChanged { seq: item.seq }),
            None => problems.push(Tamper::ContentMissing { seq: item.seq }),
        }
        prev = item.chain.clone();
    }
    let found = items.len() as u32;
    if found != case.evidence_count
        || (found > 0 && case.evidence_head.as_deref() != Some(prev.as_str()))
    {
        if found < case.evidence_count {
            problems.push(Tamper::Truncated {
                expected: case.evidence_count,
                found,
            });
        } else if !problems
            .iter()
            .any(|p| matches!(p, Tamper::ChainBroken { .. }))
        {
            problems.push(Tamper::ChainBroken { seq: found });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Country, UnitId};

    fn at() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-02T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn case() -> Case {
        Case::new(
            CaseId::new("F-TEST"),
            PersonId::new("sara"),
            UnitId::new("u"),
            Country::Sweden,
            at(),
        )
    }

    #[test]
    fn a_sealed_chain_verifies_and_every_kind_of_tampering_is_named() {
        let mut c = case();
        let who = PersonId::new("sara");
        let now = at();
        let contents = [b"first".to_vec(), b"second".to_vec(), b"third".to_vec()];
        let items: Vec<_> = contents
            .iter()
            .map(|b| seal(&mut c, EvidenceKind::Note, b, &who, "console", now))
            .collect();
        let get = |items_contents: Vec<Vec<u8>>| {
            move |seq: u32| items_contents.get(seq as usize - 1).cloned()
        };
        assert!(verify(&c, &items, get(contents.to_vec())).is_empty());

        let mut changed = contents.to_vec();
        changed[1][0] ^= 1;
        assert_eq!(
            verify(&c, &items, get(changed)),
            [Tamper::ContentChanged { seq: 2 }]
        );

        let mut record = items.clone();
        record[0].received_at += chrono::Duration::seconds(1);
        assert_eq!(
            verify(&c, &record, get(contents.to_vec())),
            [Tamper::RecordChanged { seq: 1 }]
        );

        let removed = vec![items[0].clone(), items[2].clone()];
        let removed_contents = vec![contents[0].clone(), contents[2].clone()];
        let problems = verify(&c, &removed, get(removed_contents));
        assert!(
            problems.contains(&Tamper::ChainBroken { seq: 3 }),
            "{problems:?}"
        );

        let truncated = verify(&c, &items[..2], get(contents.to_vec()));
        assert_eq!(
            truncated,
            [Tamper::Truncated {
                expected: 3,
                found: 2
            }]
        );
    }
}
