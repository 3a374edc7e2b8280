//! Rotating the master key (`fyr rotate-key`, Fyr stopped): a new key wraps every case key
//! (the case keys stay, so nothing is re-encrypted with them) and seals what the master key
//! sealed; the keyed hashes and derived keys (the Matrix store's) stay, from `derive_root`.
//! The old key is retired to `<key file>.old`, for the backups taken before.
//!
//! Crash-safe in this order, each step durable before the next:
//! 1. the new key into `<key file>.new`; 2. the re-wrapped keyring into `keyring.new`;
//! 3. one sled transaction: the re-sealed values, the key check and the derivation root under
//!    the new key, and the mark `rotating` — the point of no return;
//! 4. `keyring.new` renamed over `keyring`; 5. the mark removed; 6. the old key into
//!    `<key file>.old`; 7. `<key file>.new` renamed over the key file.
//!
//! A crash before 3 leaves the old key in force (the next open deletes `keyring.new`); after
//! it, the next open finds that the key file does not fit but `<key file>.new` does, and
//! finishes 4–7 itself (`finish_key_swap`, `settle_keyring`). `FYR_TEST_CRASH_AT=rotate:<n>`
//! kills the process with SIGKILL right after step n (for the tests; nothing else reads it).

use std::path::{Path, PathBuf};

use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use super::disk::{aad, disk, io_disk, Kind, SledStore, DERIVE_ROOT, KEY_CHECK};
use super::vault::{self, hex, open_with, random, seal_with, Key};
use super::StoreError;

/// In `meta` from step 3 to step 5: `keyring.new` belongs to the key now in force.
const ROTATING: &[u8] = b"rotating";
const NEW_KEYRING: &str = "keyring.new";

/// What a rotation did.
#[derive(Debug)]
pub struct Rotated {
    /// The key file, now holding the new key.
    pub key_file: PathBuf,
    /// Where the old key is.
    pub old_key: PathBuf,
    /// Case keys re-wrapped.
    pub keys: usize,
    /// Values sealed again with the new key.
    pub values: usize,
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Where a rotation puts the new key until it replaces the key file.
pub fn new_key_file(key_file: &Path) -> PathBuf {
    with_suffix(key_file, ".new")
}

/// Where a rotation retires the old key.
pub fn old_key_file(key_file: &Path) -> PathBuf {
    with_suffix(key_file, ".old")
}

fn crash_point(step: u32) {
    if std::env::var("FYR_TEST_CRASH_AT").is_ok_and(|at| at == format!("rotate:{step}")) {
        // SAFETY: kill has no memory effects; it ends this process at once, as a crash does.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
    }
}

fn rotate_error(detail: String, help: &str) -> StoreError {
    StoreError::Rotate {
        detail,
        help: help.into(),
    }
}

/// At open, when the key file does not fit the folder: if `<key file>.new` does (a rotation
/// passed its step 3), finish steps 6–7 and return the new key and where the old one went.
pub(super) fn finish_key_swap(
    key_file: &Path,
    check: &[u8],
) -> Result<Option<(Key, PathBuf)>, StoreError> {
    let new_file = new_key_file(key_file);
    let Ok((new, _)) = vault::load_or_create_key(&new_file, false) else {
        return Ok(None);
    };
    if open_with(&new, check, KEY_CHECK).is_err() {
        return Ok(None);
    }
    let old_file = old_key_file(key_file);
    let old = std::fs::read_to_string(key_file).map_err(io_disk)?;
    match std::fs::read_to_string(&old_file) {
        Ok(kept) if kept.trim() == old.trim() => {}
        Ok(_) => {
            return Err(rotate_error(
                format!("a key rotation was interrupted, and {} holds another key than {}", old_file.display(), key_file.display()),
                "move that file to where you keep retired keys, then start Fyr again: it finishes the rotation",
            ))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            vault::write_private(&old_file, &old).map_err(io_disk)?;
        }
        Err(e) => return Err(io_disk(e)),
    }
    std::fs::rename(&new_file, key_file).map_err(io_disk)?;
    vault::sync_dir(key_file).map_err(io_disk)?;
    tracing::warn!("finished a key rotation that had been interrupted");
    Ok(Some((new, old_file)))
}

/// At open, when the key file fits: a `<key file>.new` is from a rotation that stopped before
/// its step 3 (after it, the key file would not fit), never used: deleted.
pub(super) fn drop_stale_new_key(key_file: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(new_key_file(key_file)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_disk(e)),
        _ => Ok(()),
    }
}

/// At open, once the key fits: a `keyring.new` is the rotation's (step 3 passed: put it in
/// place) or a leftover of one that never got that far (deleted).
pub(super) fn settle_keyring(data: &Path, meta: &sled::Tree) -> Result<(), StoreError> {
    let new = data.join(NEW_KEYRING);
    if !new.exists() {
        return Ok(());
    }
    if meta.contains_key(ROTATING).map_err(disk)? {
        let keyring = data.join("keyring");
        std::fs::rename(&new, &keyring).map_err(io_disk)?;
        vault::sync_dir(&keyring).map_err(io_disk)
    } else {
        std::fs::remove_file(&new).map_err(io_disk)
    }
}

/// At open, after `settle_keyring`: the rotation's mark is no longer needed (step 5).
pub(super) fn clear_mark(meta: &sled::Tree) -> Result<(), StoreError> {
    meta.remove(ROTATING).map_err(disk).map(|_| ())
}

impl SledStore {
    /// Whether `rotate_key` would start: not while the key the last rotation retired is
    /// still beside the key file.
    pub fn can_rotate(&self) -> Result<(), StoreError> {
        let old_file = old_key_file(&self.key_file);
        if old_file.exists() {
            return Err(rotate_error(
                format!("the key retired by the last rotation is still in {}", old_file.display()),
                "move it to where you keep your key backups (the backups taken before that rotation need it), then run `fyr rotate-key` again",
            ));
        }
        Ok(())
    }

    /// Rotate the master key (see the module documentation). Refused while the previous old
    /// key is still beside the key file: backups taken before need it, and it is never
    /// overwritten.
    pub fn rotate_key(self) -> Result<Rotated, StoreError> {
        self.can_rotate()?;
        let key_file = self.key_file.clone();
        let old_file = old_key_file(&key_file);
        let new_file = new_key_file(&key_file);
        match std::fs::remove_file(&new_file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io_disk(e)),
            _ => {}
        }
        let (keys, values) = {
            let _writer = self.writer()?;
            let old = self.vault.master();
            let new: Key = random();
            vault::write_private(&new_file, &format!("{}\n", hex(&new))).map_err(io_disk)?;
            crash_point(1);
            let keys = self
                .vault
                .write_rewrapped(&self.path.join(NEW_KEYRING), &new)
                .map_err(|e| StoreError::Backend(e.to_string()))?;
            crash_point(2);
            let values = self.reseal(&old, &new)?;
            crash_point(3);
            let keyring = self.path.join("keyring");
            std::fs::rename(self.path.join(NEW_KEYRING), &keyring).map_err(io_disk)?;
            vault::sync_dir(&keyring).map_err(io_disk)?;
            crash_point(4);
            clear_mark(&self.meta)?;
            self.db.flush().map_err(disk)?;
            crash_point(5);
            vault::write_private(&old_file, &format!("{}\n", hex(&old))).map_err(io_disk)?;
            crash_point(6);
            std::fs::rename(&new_file, &key_file).map_err(io_disk)?;
            vault::sync_dir(&key_file).map_err(io_disk)?;
            crash_point(7);
            (keys, values)
        };
        Ok(Rotated {
            key_file,
            old_key: old_file,
            keys,
            values,
        })
    }

    /// Step 3: in one transaction, what the master key sealed sealed again with `new`, the
    /// key check and the derivation root under `new`, and the mark. Returns how many values.
    fn reseal(&self, old: &Key, new: &Key) -> Result<usize, StoreError> {
        const SEALED: [Kind; 3] = [Kind::Conversations, Kind::Timers, Kind::Audit];
        let mut writes: Vec<(usize, Vec<u8>, Vec<u8>)> = Vec::new();
        for (at, kind) in SEALED.iter().enumerate() {
            for entry in self.tree(*kind).iter() {
                let (key, sealed) = entry.map_err(disk)?;
                let place = aad(kind.name(), &key);
                let plain = open_with(old, &sealed, &place).map_err(|_| StoreError::Corrupt {
                    what: kind.name(),
                    detail: "it cannot be decrypted: it was changed, or the key is wrong".into(),
                })?;
                writes.push((at + 1, key.to_vec(), seal_with(new, &plain, &place)));
            }
        }
        let values = writes.len();
        writes.push((0, KEY_CHECK.to_vec(), seal_with(new, b"fyr", KEY_CHECK)));
        let root = self.vault.root();
        writes.push((0, DERIVE_ROOT.to_vec(), seal_with(new, &root, DERIVE_ROOT)));
        writes.push((0, ROTATING.to_vec(), Vec::new()));
        let trees = [
            self.meta.clone(),
            self.tree(SEALED[0]).clone(),
            self.tree(SEALED[1]).clone(),
            self.tree(SEALED[2]).clone(),
        ];
        trees
            .as_slice()
            .transaction(|trees| {
                for (tree, key, value) in &writes {
                    trees[*tree].insert(key.as_slice(), value.as_slice())?;
                }
                Ok::<(), ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                TransactionError::Storage(e) => disk(e),
                TransactionError::Abort(()) => StoreError::Backend("a write was aborted".into()),
            })?;
        self.db.flush().map_err(disk)?;
        Ok(values)
    }
}
