//! Encryption at rest. A master key (32 random bytes in a key file, created 0600 on first run)
//! encrypts every value with XChaCha20-Poly1305, bound to where it is stored. Each case has its
//! own data key, wrapped by the master key and kept in a keyring file beside the database — not
//! in it — so erasing a case destroys its key (crypto-shredding) and nothing of it stays
//! readable, even in pages sled has not compacted yet. The keyring is append-only: a new case's
//! key is made when the case first needs one, under a random name that is never given twice,
//! and appended with one fsync before the commit that uses it; the store records which case
//! holds which key in that commit (`take_new` / `settle`). A crash in between leaves an unused
//! key, nothing more. Erasure rewrites the file without the key. Store keys that would name a
//! person are replaced by a keyed hash.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rustc_hash::FxHashMap as HashMap;
use sha2::Sha256;
use thiserror::Error;

use crate::model::CaseId;

#[derive(Debug, Error)]
pub enum VaultError {
    #[error("cannot use the key file {path}: {detail}")]
    KeyFile { path: PathBuf, detail: String },
    #[error("stored data could not be decrypted (wrong key, or the data was changed)")]
    Decrypt,
    #[error("the keyring {path} cannot be read or written: {detail}")]
    Keyring { path: PathBuf, detail: String },
}

pub type Key = [u8; 32];

pub(super) fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).expect("the operating system provides random bytes");
    bytes
}

pub(super) fn hex(bytes: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(bytes)
}

pub(super) fn unhex(text: &str) -> Option<Vec<u8>> {
    data_encoding::HEXLOWER_PERMISSIVE
        .decode(text.trim().as_bytes())
        .ok()
}

/// Read the master key, or create it (0600) when `create` is allowed. Returns the key and
/// whether it was created now.
pub fn load_or_create_key(path: &Path, create: bool) -> Result<(Key, bool), VaultError> {
    let err = |detail: String| VaultError::KeyFile {
        path: path.to_path_buf(),
        detail,
    };
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let bytes = unhex(&text).ok_or_else(|| err("it does not hold a Fyr key".into()))?;
            let key: Key = bytes
                .try_into()
                .map_err(|_| err("it does not hold a Fyr key".into()))?;
            Ok((key, false))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => {
            let key: Key = random();
            write_private(path, &format!("{}\n", hex(&key))).map_err(|e| err(e.to_string()))?;
            Ok((key, true))
        }
        Err(e) => Err(err(e.to_string())),
    }
}

/// What is wrong with a key file before it is read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum KeyFileProblem {
    #[error("the key file {path} is a folder, not a key file\n  help: point key_file (bot.toml) or --key at the key file itself, e.g. {example}")]
    Folder { path: PathBuf, example: PathBuf },
    #[error("the key file {path} can be read by other users of this machine (mode {mode:03o}): anyone who can read it can read every case\n  help: chmod 600 {path}   (or, if its folder already keeps others out, start Fyr with --allow-insecure-key-file)")]
    Readable { path: PathBuf, mode: u32 },
}

/// Check a key file before it is used: it must be a file, and (on Unix) neither readable nor
/// writable by group or others. A missing file is no problem here (it is created private, or
/// its absence is reported when the data folder is opened).
pub fn check_key_file(path: &Path) -> Result<(), KeyFileProblem> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    if meta.is_dir() {
        return Err(KeyFileProblem::Folder {
            path: path.to_path_buf(),
            example: path.join("fyr-data.key"),
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(KeyFileProblem::Readable {
                path: path.to_path_buf(),
                mode,
            });
        }
    }
    Ok(())
}

/// Write a small text file readable by its owner only, durably (`write_file_durably`).
pub(super) fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    write_file_durably(path, contents.as_bytes())
}

pub struct Vault {
    master: Key,
    /// What the keyed hashes and derived keys come from: the master key the folder was made
    /// with, kept (sealed in the store) across key rotations, so neither changes.
    root: Key,
    index_key: Key,
    keyring_path: PathBuf,
    ring: Mutex<Ring>,
}

/// The keyring in memory: every wrapped key (as stored), which case holds which pool key, the
/// keys unwrapped so far, and where the next record goes in the file.
#[derive(Default)]
struct Ring {
    /// Record name → a data key wrapped by the master key (hex), as in the file. The name is a
    /// pool slot (`#12`) or, in keyrings written in one go by tools, the case itself.
    wrapped: BTreeMap<String, String>,
    /// Case → the pool slot whose key it holds (as the store recorded it).
    assigned: HashMap<String, String>,
    /// Cases given a key by the commit being written, not yet recorded by the store.
    pending: Vec<(String, String)>,
    /// Case → its data key, unwrapped on first use.
    open: HashMap<String, Key>,
    /// The keyring file, open for writing (None until the first key is written).
    file: Option<std::fs::File>,
    /// The end of the last record in the file (0: no file yet).
    end: u64,
    /// A torn last append found at open (where, how long), not yet zeroed.
    torn: Option<(u64, usize)>,
}

/// The keyring file starts with this; records follow: a 4-byte big-endian length, then one
/// sealed record (the JSON pair `[case, wrapped key]`). Then zeros: the file grows in chunks
/// of zeros written ahead, so an append overwrites blocks that already exist and its fsync
/// is a data-only one (growing the file on every append would commit the file system's
/// journal each time, several milliseconds).
const KEYRING_MAGIC: &[u8; 8] = b"FYRKEYS2";
const RECORD_AAD: &[u8] = b"keyring record";
/// Far above a real record (about 150 bytes a key): a longer length is damage, not a torn
/// append.
const MAX_RECORD: usize = 64 * 1024;
const CHUNK: u64 = 64 * 1024;
/// Key names are `#` and random hex; no case reference starts with `#`.
const KEY_MARK: char = '#';

fn keyring_record(master: &Key, case: &str, wrapped: &str) -> Vec<u8> {
    let plain = serde_json::to_vec(&(case, wrapped)).expect("a keyring record always serializes");
    sealed_record(master, &plain)
}

fn sealed_record(master: &Key, plain: &[u8]) -> Vec<u8> {
    let sealed = seal_with(master, plain, RECORD_AAD);
    let mut out = Vec::with_capacity(4 + sealed.len());
    out.extend_from_slice(
        &u32::try_from(sealed.len())
            .unwrap_or(u32::MAX)
            .to_be_bytes(),
    );
    out.extend_from_slice(&sealed);
    out
}

/// A keyring file read: its keys, the end of its last good record, and whether a torn record
/// follows it.
struct ReadRing {
    wrapped: BTreeMap<String, String>,
    end: usize,
    torn: bool,
}

/// Read a keyring file. A torn last record (a crash during an append: some of its bytes, then
/// only zeros) is not an error: its key was never used, because a key is durable before the
/// commit that uses it. Damage anywhere else is.
fn read_keyring(master: &Key, bytes: &[u8]) -> Result<ReadRing, &'static str> {
    let mut ring = ReadRing {
        wrapped: BTreeMap::new(),
        end: 0,
        torn: false,
    };
    let zeros_from = |at: usize| bytes.get(at..).is_none_or(|r| r.iter().all(|b| *b == 0));
    if bytes.len() < KEYRING_MAGIC.len() || bytes[..KEYRING_MAGIC.len()] != KEYRING_MAGIC[..] {
        if KEYRING_MAGIC.starts_with(&bytes[..bytes.len().min(KEYRING_MAGIC.len())])
            || zeros_from(0)
        {
            // Torn while it was being created: nothing in it was ever used.
            ring.torn = !bytes.is_empty();
            return Ok(ring);
        }
        return Err("it is not a keyring of this Fyr version");
    }
    let mut at = KEYRING_MAGIC.len();
    ring.end = at;
    while at < bytes.len() {
        let Some(len) = bytes
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(|b| u32::from_be_bytes(b) as usize)
        else {
            ring.torn = !zeros_from(at);
            break;
        };
        if len == 0 {
            // The zeros written ahead: the end of the records.
            if zeros_from(at) {
                break;
            }
            return Err("it has damaged data after its records");
        }
        let record = bytes
            .get(at + 4..at + 4 + len)
            .and_then(|sealed| open_with(master, sealed, RECORD_AAD).ok());
        let Some(record) = record else {
            if len <= MAX_RECORD && zeros_from(at + 4 + len) {
                ring.torn = true;
                break;
            }
            return Err("a record in it cannot be decrypted");
        };
        if let Ok((case, wrapped)) = serde_json::from_slice::<(String, String)>(&record) {
            ring.wrapped.insert(case, wrapped);
        } else {
            let keys: Vec<(String, String)> =
                serde_json::from_slice(&record).map_err(|_| "a record in it cannot be read")?;
            ring.wrapped.extend(keys);
        }
        at += 4 + len;
        ring.end = at;
    }
    Ok(ring)
}

/// Write a whole keyring file atomically (temporary file, fsync, rename, fsync of the folder).
/// Used to drop erased keys, and by tools that build a data folder in one go. Returns the end
/// of its records.
pub fn write_keyring<'a>(
    path: &Path,
    master: &Key,
    wrapped: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> std::io::Result<u64> {
    let mut bytes = KEYRING_MAGIC.to_vec();
    for (case, key) in wrapped {
        bytes.extend_from_slice(&keyring_record(master, case, key));
    }
    write_file_durably(path, &bytes)?;
    Ok(bytes.len() as u64)
}

/// Wrap a case's data key with the master key, as the keyring stores it (hex).
pub fn wrap_case_key(master: &Key, case: &str, key: &Key) -> String {
    hex(&seal_with(master, key, case.as_bytes()))
}

fn private_options(truncate: bool) -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    if truncate {
        options.write(true).create(true).truncate(true);
    } else {
        options.read(true).write(true).create(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Make a new or renamed file's name durable.
pub(super) fn sync_dir(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").finish_non_exhaustive()
    }
}

impl Vault {
    pub fn new(master: Key, keyring_path: PathBuf) -> Result<Vault, VaultError> {
        Vault::with_root(master, master, keyring_path)
    }

    /// A vault whose keyed hashes and derived keys come from `root` (see `root`).
    pub fn with_root(master: Key, root: Key, keyring_path: PathBuf) -> Result<Vault, VaultError> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&root).expect("HMAC takes any key");
        mac.update(b"fyr store index");
        let index_key: Key = mac.finalize().into_bytes().into();
        let keyring_err = |detail: String| VaultError::Keyring {
            path: keyring_path.clone(),
            detail,
        };
        let mut ring = Ring::default();
        match std::fs::read(&keyring_path) {
            Ok(bytes) => {
                let read = read_keyring(&master, &bytes).map_err(|e| keyring_err(e.into()))?;
                ring.wrapped = read.wrapped;
                ring.end = read.end as u64;
                if read.torn {
                    // Repaired by `repair`, once the store has checked that no case needs what
                    // was torn: nothing is written before that check.
                    ring.torn = Some((read.end as u64, bytes.len() - read.end));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(keyring_err(e.to_string())),
        }
        Ok(Vault {
            master,
            root,
            index_key,
            keyring_path,
            ring: Mutex::new(ring),
        })
    }

    /// Whether the keyring holds a key of this name.
    pub fn has(&self, name: &str) -> bool {
        self.ring().wrapped.contains_key(name)
    }

    /// Where the keyring is.
    pub fn path(&self) -> &Path {
        &self.keyring_path
    }

    /// Zero a torn last append found at open, so the next one starts on clean ground. Called
    /// once the store has checked that every case's key is there.
    pub fn repair(&self) -> Result<(), VaultError> {
        let mut ring = self.ring();
        if let Some((at, len)) = ring.torn.take() {
            write_at(&self.keyring_path, at, &vec![0u8; len]).map_err(|e| self.keyring_error(e))?;
        }
        Ok(())
    }

    fn ring(&self) -> std::sync::MutexGuard<'_, Ring> {
        self.ring.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A keyed hash standing in for a name in a store key: stable, and reveals nothing.
    pub fn index(&self, name: &str) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.index_key).expect("HMAC takes any key");
        mac.update(name.as_bytes());
        hex(&mac.finalize().into_bytes()[..16])
    }

    /// A key for something beside the store (the Matrix crypto store), derived from the master
    /// key with a fixed label: nothing new to keep, and the store's own format is unchanged.
    pub fn derive(&self, label: &str) -> Key {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.root).expect("HMAC takes any key");
        mac.update(b"fyr derived key\0");
        mac.update(label.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// The master key (for the store's own sealing).
    pub fn master(&self) -> Key {
        self.master
    }

    /// What the keyed hashes and derived keys come from (kept across key rotations).
    pub fn root(&self) -> Key {
        self.root
    }

    /// Write a keyring at `path` holding every key of this one, wrapped and sealed with
    /// `master` instead (a key rotation; the case keys themselves stay).
    pub fn write_rewrapped(&self, path: &Path, master: &Key) -> Result<usize, VaultError> {
        let ring = self.ring();
        let mut pairs = Vec::new();
        for name in ring.wrapped.keys() {
            let key = self.unwrap_named(&ring, name)?;
            pairs.push((name.clone(), wrap_case_key(master, name, &key)));
        }
        write_keyring(
            path,
            master,
            pairs.iter().map(|(n, w)| (n.as_str(), w.as_str())),
        )
        .map(|_| pairs.len())
        .map_err(|e| VaultError::Keyring {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })
    }

    pub fn open_master(&self, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, VaultError> {
        open_with(&self.master, sealed, aad)
    }

    /// Which case holds which key, as the store has it (called once at open).
    pub fn load_assignments(&self, assignments: impl IntoIterator<Item = (String, String)>) {
        let mut ring = self.ring();
        ring.assigned = assignments.into_iter().collect();
        ring.pending.clear();
        ring.open.clear();
    }

    /// The case's data key. A case without one gets a new key, appended durably to the
    /// keyring now; the store must record it with the commit: see `take_new`.
    pub fn case_key(&self, case: &CaseId) -> Result<Key, VaultError> {
        let mut ring = self.ring();
        if let Some(key) = self.known_key(&mut ring, case)? {
            return Ok(key);
        }
        if let Some(name) = ring
            .pending
            .iter()
            .find(|(c, _)| c == case.as_str())
            .map(|(_, s)| s.clone())
        {
            return self.unwrap_named(&ring, &name);
        }
        let name = format!("{KEY_MARK}{}", hex(&random::<12>()));
        let key: Key = random();
        let wrapped = wrap_case_key(&self.master, &name, &key);
        let record = keyring_record(&self.master, &name, &wrapped);
        if let Err(e) = append_record(&self.keyring_path, &mut ring, &record) {
            // Reopened next time (a torn tail is cut at the next start).
            ring.file = None;
            return Err(self.keyring_error(e));
        }
        ring.wrapped.insert(name.clone(), wrapped);
        ring.pending.push((case.to_string(), name));
        Ok(key)
    }

    /// The cases given a key since the last call, with the keys' names: the store writes
    /// them in the commit that uses the keys, then calls `settle` (or `abandon`).
    pub fn take_new(&self) -> Vec<(String, String)> {
        std::mem::take(&mut self.ring().pending)
    }

    /// The commit recording these assignments is written.
    pub fn settle(&self, new: Vec<(String, String)>) {
        let mut ring = self.ring();
        for (case, name) in new {
            ring.assigned.insert(case, name);
        }
    }

    /// The commit recording these assignments failed: the keys stay unused in the keyring
    /// (their names are never given again), and the cases get new ones next time.
    pub fn abandon(&self, new: Vec<(String, String)>) {
        drop(new);
    }

    /// Unwrap the key stored under a record name.
    fn unwrap_named(&self, ring: &Ring, name: &str) -> Result<Key, VaultError> {
        let wrapped = ring.wrapped.get(name).ok_or(VaultError::Decrypt)?;
        let sealed = unhex(wrapped).ok_or(VaultError::Decrypt)?;
        open_with(&self.master, &sealed, name.as_bytes())?
            .try_into()
            .map_err(|_| VaultError::Decrypt)
    }

    /// The key of a case that has one (recorded, or written in one go by a tool).
    fn known_key(&self, ring: &mut Ring, case: &CaseId) -> Result<Option<Key>, VaultError> {
        if let Some(key) = ring.open.get(case.as_str()) {
            return Ok(Some(*key));
        }
        let name = match ring.assigned.get(case.as_str()) {
            Some(slot) => slot.clone(),
            None => case.to_string(),
        };
        if !ring.wrapped.contains_key(&name) {
            return Ok(None);
        }
        let key = self.unwrap_named(ring, &name)?;
        ring.open.insert(case.to_string(), key);
        Ok(Some(key))
    }

    /// The case's data key if it still exists (None after erasure).
    pub fn existing_case_key(&self, case: &CaseId) -> Result<Option<Key>, VaultError> {
        let mut ring = self.ring();
        self.known_key(&mut ring, case)
    }

    /// Destroy a case's data key: everything encrypted with it is unreadable from now on. The
    /// keyring is rewritten without it (an append-only file would keep it).
    pub fn forget_case(&self, case: &CaseId) -> Result<(), VaultError> {
        let mut ring = self.ring();
        ring.open.remove(case.as_str());
        let name = ring
            .assigned
            .remove(case.as_str())
            .unwrap_or_else(|| case.to_string());
        if ring.wrapped.remove(&name).is_some() {
            ring.file = None;
            ring.end = write_keyring(
                &self.keyring_path,
                &self.master,
                ring.wrapped.iter().map(|(c, w)| (c.as_str(), w.as_str())),
            )
            .map_err(|e| self.keyring_error(e))?;
        }
        Ok(())
    }

    fn keyring_error(&self, e: std::io::Error) -> VaultError {
        VaultError::Keyring {
            path: self.keyring_path.clone(),
            detail: e.to_string(),
        }
    }
}

/// Write `record` after the last one: into zeros written ahead, then a
/// data-only fsync.
fn append_record(path: &Path, ring: &mut Ring, record: &[u8]) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    if ring.file.is_none() {
        let file = private_options(false).open(path)?;
        if ring.end == 0 {
            // A new keyring (or one torn while it was being created).
            file.set_len(0)?;
            (&file).write_all(KEYRING_MAGIC)?;
            ring.end = KEYRING_MAGIC.len() as u64;
            file.sync_all()?;
            sync_dir(path)?;
        }
        ring.file = Some(file);
    }
    let mut file = ring.file.as_ref().expect("opened above");
    let size = file.metadata()?.len();
    let end = ring.end + record.len() as u64;
    if end > size {
        // Grow by a chunk of real zeros, with one full fsync for the new size.
        let grow = (end - size).max(CHUNK);
        file.seek(SeekFrom::Start(size))?;
        file.write_all(&vec![0u8; usize::try_from(grow).unwrap_or(usize::MAX)])?;
        file.sync_all()?;
    }
    file.seek(SeekFrom::Start(ring.end))?;
    file.write_all(record)?;
    file.sync_data()?;
    ring.end = end;
    Ok(())
}

/// Write a small file readable by its owner only, durably (temporary file, fsync, rename,
/// fsync of the folder).
pub fn write_file_durably(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("tmp");
    {
        let mut file = private_options(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    sync_dir(path)
}

/// Overwrite bytes in a file, durably.
fn write_at(path: &Path, at: u64, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = private_options(false).open(path)?;
    file.seek(SeekFrom::Start(at))?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// A fresh nonce: 16 random bytes drawn once per process, then a counter. Never the same twice
/// (XChaCha20's 24-byte nonce has room for both), and no system call per seal.
fn nonce() -> [u8; 24] {
    static PREFIX: std::sync::OnceLock<[u8; 16]> = std::sync::OnceLock::new();
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let mut nonce = [0u8; 24];
    nonce[..16].copy_from_slice(PREFIX.get_or_init(random));
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    nonce[16..].copy_from_slice(&n.to_be_bytes());
    nonce
}

/// Nonce (24 bytes) followed by the ciphertext; `aad` binds it to where it is stored.
pub fn seal_with(key: &Key, plain: &[u8], aad: &[u8]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let nonce = nonce();
    let mut out = Vec::with_capacity(24 + plain.len() + 16);
    out.extend_from_slice(&nonce);
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
        .expect("encryption of an in-memory buffer does not fail");
    out.extend_from_slice(&sealed);
    out
}

pub fn open_with(key: &Key, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, VaultError> {
    if sealed.len() < 24 {
        return Err(VaultError::Decrypt);
    }
    let (nonce, body) = sealed.split_at(24);
    XChaCha20Poly1305::new(key.into())
        .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad })
        .map_err(|_| VaultError::Decrypt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_never_repeat() {
        let a = seal_with(&[7; 32], b"x", b"");
        let b = seal_with(&[7; 32], b"x", b"");
        assert_ne!(a[..24], b[..24]);
        assert_eq!(a[..16], b[..16], "one random prefix per process");
        assert_ne!(a, b, "the same text sealed twice differs");
    }

    #[test]
    fn sealed_values_open_only_with_the_key_and_in_their_place() {
        let key: Key = random();
        let sealed = seal_with(&key, b"hemlig", b"cases/F-1");
        assert_eq!(open_with(&key, &sealed, b"cases/F-1").unwrap(), b"hemlig");
        assert!(
            open_with(&key, &sealed, b"cases/F-2").is_err(),
            "moved elsewhere"
        );
        assert!(
            open_with(&random(), &sealed, b"cases/F-1").is_err(),
            "another key"
        );
        let mut flipped = sealed.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(open_with(&key, &flipped, b"cases/F-1").is_err(), "changed");
    }

    /// An empty keyring in a temporary folder, its path, master key and vault.
    fn fresh_vault() -> (tempfile::TempDir, PathBuf, Key, Vault) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keyring");
        let master: Key = random();
        let vault = Vault::new(master, path.clone()).unwrap();
        vault.load_assignments(Vec::new());
        (dir, path, master, vault)
    }

    /// Take a key for each case and record the assignments, as the store does in a commit.
    fn keys_for(vault: &Vault, cases: &[&str]) -> (Vec<Key>, Vec<(String, String)>) {
        let keys = cases
            .iter()
            .map(|c| vault.case_key(&CaseId::new(*c)).unwrap())
            .collect();
        let new = vault.take_new();
        vault.settle(new.clone());
        (keys, new)
    }

    #[test]
    fn a_forgotten_case_key_is_gone_for_good() {
        let dir = tempfile::tempdir().unwrap();
        let master: Key = random();
        let vault = Vault::new(master, dir.path().join("keyring")).unwrap();
        let case = CaseId::new("F-1");
        let (k1, held) = keys_for(&vault, &["F-1"]);
        let again = Vault::new(master, dir.path().join("keyring")).unwrap();
        again.load_assignments(held.clone());
        assert_eq!(again.case_key(&case).unwrap(), k1[0], "kept across reopen");
        assert!(again.take_new().is_empty(), "no new key for a known case");
        again.forget_case(&case).unwrap();
        let after = Vault::new(master, dir.path().join("keyring")).unwrap();
        after.load_assignments(held);
        assert_eq!(after.existing_case_key(&case).unwrap(), None);
    }

    #[test]
    fn a_new_case_key_is_appended_before_use_and_its_name_is_never_given_again() {
        let (_dir, path, master, vault) = fresh_vault();
        let (a, held) = keys_for(&vault, &["F-A"]);
        let one = vault.ring().end;
        assert!(one > KEYRING_MAGIC.len() as u64, "appended at once");
        let (b, _) = keys_for(&vault, &["F-B"]);
        assert_ne!(a, b, "every case its own key");
        assert!(vault.ring().end > one);
        // F-C's commit never happened (a crash): its key stays unused in the keyring.
        let c = vault.case_key(&CaseId::new("F-C")).unwrap();
        let lost = vault.take_new();
        drop(vault);
        let vault = Vault::new(master, path.clone()).unwrap();
        vault.load_assignments(held);
        assert_eq!(
            vault.existing_case_key(&CaseId::new("F-A")).unwrap(),
            Some(a[0])
        );
        assert_eq!(vault.existing_case_key(&CaseId::new("F-C")).unwrap(), None);
        let d = vault.case_key(&CaseId::new("F-D")).unwrap();
        let new = vault.take_new();
        assert_ne!(d, c, "a new key, not the unused one");
        assert_ne!(new[0].1, lost[0].1, "a new name");
        vault.abandon(new);
        assert_eq!(vault.existing_case_key(&CaseId::new("F-D")).unwrap(), None);
    }

    #[test]
    fn a_torn_append_is_cut_and_damage_elsewhere_is_an_error() {
        let (_dir, path, master, vault) = fresh_vault();
        let (a, held) = keys_for(&vault, &["F-A"]);
        // More keys, so the first record is not the last one.
        keys_for(&vault, &["F-0", "F-1", "F-2"]);
        let end = vault.ring().end;
        let size = std::fs::metadata(&path).unwrap().len();
        assert_eq!(size, 8 + CHUNK, "grown once, in a chunk of zeros");
        drop(vault);
        // A crash in the middle of the next append: its length, then some of its bytes.
        write_at(&path, end, &[0, 0, 40, 0, 1, 2, 3]).unwrap();
        let vault = Vault::new(master, path.clone()).unwrap();
        vault.load_assignments(held.clone());
        assert!(
            std::fs::read(&path).unwrap()[end as usize..]
                .iter()
                .any(|b| *b != 0),
            "nothing is written before the store has checked the keys"
        );
        vault.repair().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            bytes[end as usize..].iter().all(|b| *b == 0),
            "torn tail zeroed"
        );
        assert_eq!(
            vault.existing_case_key(&CaseId::new("F-A")).unwrap(),
            Some(a[0])
        );
        drop(vault);
        // Damage to a record that is not the last one is an error, not silently skipped.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[KEYRING_MAGIC.len() + 10] ^= 1;
        std::fs::write(&path, bytes).unwrap();
        assert!(Vault::new(master, path).is_err());
    }

    #[test]
    fn a_keyring_written_in_one_go_names_its_cases() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keyring");
        let master: Key = random();
        let key: Key = random();
        let wrapped = wrap_case_key(&master, "F-9", &key);
        write_keyring(&path, &master, [("F-9", wrapped.as_str())]).unwrap();
        let vault = Vault::new(master, path).unwrap();
        vault.load_assignments(Vec::new());
        assert_eq!(
            vault.existing_case_key(&CaseId::new("F-9")).unwrap(),
            Some(key)
        );
        assert_eq!(vault.case_key(&CaseId::new("F-9")).unwrap(), key);
        assert!(vault.take_new().is_empty());
    }

    #[test]
    fn a_keyring_torn_while_it_was_created_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keyring");
        std::fs::write(&path, &KEYRING_MAGIC[..3]).unwrap();
        let master: Key = random();
        let vault = Vault::new(master, path.clone()).unwrap();
        let (a, held) = keys_for(&vault, &["F-A"]);
        let a = a[0];
        drop(vault);
        let vault = Vault::new(master, path).unwrap();
        vault.load_assignments(held);
        assert_eq!(
            vault.existing_case_key(&CaseId::new("F-A")).unwrap(),
            Some(a)
        );
    }
}
