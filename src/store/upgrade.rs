//! Reading what an older data folder holds outside its trees, for the one upgrade step to the
//! current format (`SledStore::upgrade`): format 7's write-ahead log (the `log` tree: one
//! record per commit or group, each a list of groups of writes sealed with one key) and
//! format 4–6's single journal record (the `journal` tree: writes already sealed). Read only:
//! nothing is written before the keys are checked.

use super::disk::{Kind, Op};
use super::vault::{open_with, Vault, VaultError};
use crate::model::CaseId;

/// The trees of older formats, dropped by the upgrade.
pub(super) const OLD_TREES: [&str; 2] = ["log", "journal"];

/// What an older folder holds outside its trees.
#[derive(Debug, Default)]
pub(super) struct OldCommits {
    /// Writes with plain values (the log's), in order.
    pub ops: Vec<Op>,
    /// Writes with values sealed already (the journal's), applied first.
    pub sealed: Vec<Op>,
    /// Case → key name, from the log's records.
    pub held: Vec<(String, String)>,
}

/// Read the log and the journal of an older folder. The vault learns the key assignments
/// (in memory) to open the log's case groups; a case whose key is gone is left out.
pub(super) fn read_old_commits(db: &sled::Db, vault: &Vault) -> Result<OldCommits, VaultError> {
    let mut old = OldCommits::default();
    let malformed = || VaultError::Decrypt;
    let tree_names: Vec<_> = db.tree_names();
    let has = |name: &str| tree_names.iter().any(|t| t.as_ref() == name.as_bytes());
    if has("journal") {
        let journal = db.open_tree("journal").map_err(|_| malformed())?;
        if let Some(record) = journal.get(b"commit").map_err(|_| malformed())? {
            old.sealed = decode_ops(&record).ok_or_else(malformed)?;
        }
    }
    if !has("log") {
        return Ok(old);
    }
    let log = db.open_tree("log").map_err(|_| malformed())?;
    let mut held: Vec<(String, String)> = Vec::new();
    if let Ok(tree) = db.open_tree("case_keys") {
        for (case, name) in tree.iter().flatten() {
            held.push((
                String::from_utf8_lossy(&case).into_owned(),
                String::from_utf8_lossy(&name).into_owned(),
            ));
        }
    }
    let mut records = Vec::new();
    for entry in log.iter() {
        let (at, record) = entry.map_err(|_| malformed())?;
        let seq = <[u8; 8]>::try_from(at.as_ref())
            .map(u64::from_be_bytes)
            .unwrap_or(0);
        let mut cases = Vec::new();
        for (case, sealed) in decode_record(&record).ok_or_else(malformed)? {
            match case {
                None => {
                    let plain = vault.open_master(&sealed, &log_aad(seq, None))?;
                    let ops = decode_ops(&plain).ok_or_else(malformed)?;
                    for op in ops.iter().filter(|op| op.kind == Kind::CaseKeys) {
                        if let Some(name) = &op.value {
                            let pair = (
                                String::from_utf8_lossy(&op.key).into_owned(),
                                String::from_utf8_lossy(name).into_owned(),
                            );
                            old.held.push(pair.clone());
                            held.push(pair);
                        }
                    }
                    old.ops.extend(ops);
                }
                Some(case) => cases.push((seq, case, sealed)),
            }
        }
        records.push(cases);
    }
    vault.load_assignments(held);
    for (seq, case, sealed) in records.into_iter().flatten() {
        let Some(key) = vault.existing_case_key(&CaseId::new(case.as_str()))? else {
            continue;
        };
        let plain = open_with(&key, &sealed, &log_aad(seq, Some(&case)))?;
        old.ops.extend(decode_ops(&plain).ok_or_else(malformed)?);
    }
    Ok(old)
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

/// A list of writes: per write, the tree, the key's length and the key, then 0 (remove) or 1
/// and the value's length and the value.
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

/// Where a log group belonged, as additional authenticated data.
fn log_aad(seq: u64, case: Option<&str>) -> Vec<u8> {
    let mut out = b"log/".to_vec();
    out.extend_from_slice(&seq.to_be_bytes());
    if let Some(case) = case {
        out.push(b'/');
        out.extend_from_slice(case.as_bytes());
    }
    out
}
