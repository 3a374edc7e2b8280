//! Encryption at rest. A master key (32 random bytes in a key file, created 0600 on first run)
//! encrypts every value with XChaCha20-Poly1305, bound to where it is stored. Each case has its
//! own data key, wrapped by the master key and kept in a keyring file beside the database — not
//! in it — so erasing a case destroys its key (crypto-shredding) and nothing of it stays
//! readable, even in pages sled has not compacted yet. The keyring is append-only: a new case
//! key is one sealed record appended and fsync'ed before any commit uses it; erasure rewrites the
//! file without the key. Store keys that would name a person are replaced by a keyed hash.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
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

fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).expect("the operating system provides random bytes");
    bytes
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
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

/// Write a file readable by its owner only, atomically (temporary file, fsync, rename).
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp)?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&tmp, path)
}

pub struct Vault {
    master: Key,
    index_key: Key,
    keyring_path: PathBuf,
    ring: Mutex<Ring>,
}

/// The keyring in memory: every case's wrapped key (as stored), the keys unwrapped so far, and
/// where the next record goes in the file.
#[derive(Default)]
struct Ring {
    /// Case → its data key wrapped by the master key (hex), as in the file.
    wrapped: BTreeMap<String, String>,
    /// Case → its data key, unwrapped on first use.
    open: HashMap<String, Key>,
    /// The keyring file, open for writing (None until the first key is written).
    file: Option<std::fs::File>,
    /// The end of the last record in the file (0: no file yet).
    end: u64,
}

/// The keyring file starts with this; records follow: a 4-byte big-endian length, then one
/// sealed record (the JSON pair `[case, wrapped key]`). Then zeros: the file grows in chunks
/// of zeros written ahead, so an append overwrites blocks that already exist and its fsync
/// is a data-only one (growing the file on every append would commit the file system's
/// journal each time, several milliseconds).
const KEYRING_MAGIC: &[u8; 8] = b"FYRKEYS2";
const RECORD_AAD: &[u8] = b"keyring record";
/// Far above a real record (about 150 bytes): a longer length is damage, not a torn append.
const MAX_RECORD: usize = 4096;
const CHUNK: u64 = 64 * 1024;

fn keyring_record(master: &Key, case: &str, wrapped: &str) -> Vec<u8> {
    let plain = serde_json::to_vec(&(case, wrapped)).expect("a keyring record always serializes");
    let sealed = seal_with(master, &plain, RECORD_AAD);
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
        let (case, wrapped): (String, String) =
            serde_json::from_slice(&record).map_err(|_| "a record in it cannot be read")?;
        ring.wrapped.insert(case, wrapped);
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
    use std::io::Write;
    let mut bytes = KEYRING_MAGIC.to_vec();
    for (case, key) in wrapped {
        bytes.extend_from_slice(&keyring_record(master, case, key));
    }
    let tmp = path.with_extension("tmp");
    {
        let mut file = private_options(true).open(&tmp)?;
        file.write_all(&bytes)?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    sync_dir(path)?;
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
fn sync_dir(path: &Path) -> std::io::Result<()> {
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
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&master).expect("HMAC takes any key");
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
                    // Zero a torn last append, so the next one starts on clean ground.
                    let zeros = vec![0u8; bytes.len() - read.end];
                    write_at(&keyring_path, read.end as u64, &zeros)
                        .map_err(|e| keyring_err(e.to_string()))?;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(keyring_err(e.to_string())),
        }
        Ok(Vault {
            master,
            index_key,
            keyring_path,
            ring: Mutex::new(ring),
        })
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

    pub fn seal_master(&self, plain: &[u8], aad: &[u8]) -> Vec<u8> {
        seal_with(&self.master, plain, aad)
    }

    pub fn open_master(&self, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, VaultError> {
        open_with(&self.master, sealed, aad)
    }

    /// The case's data key; created the first time, and durable in the keyring (one fsync'ed
    /// append) before it is returned, so nothing is ever sealed with a key that could be lost.
    pub fn case_key(&self, case: &CaseId) -> Result<Key, VaultError> {
        let mut ring = self.ring();
        if let Some(key) = self.known_key(&mut ring, case)? {
            return Ok(key);
        }
        let key: Key = random();
        let wrapped = wrap_case_key(&self.master, case.as_str(), &key);
        self.append(&mut ring, case.as_str(), &wrapped)?;
        ring.wrapped.insert(case.to_string(), wrapped);
        ring.open.insert(case.to_string(), key);
        Ok(key)
    }

    fn known_key(&self, ring: &mut Ring, case: &CaseId) -> Result<Option<Key>, VaultError> {
        if let Some(key) = ring.open.get(case.as_str()) {
            return Ok(Some(*key));
        }
        let Some(wrapped) = ring.wrapped.get(case.as_str()) else {
            return Ok(None);
        };
        let sealed = unhex(wrapped).ok_or(VaultError::Decrypt)?;
        let key: Key = open_with(&self.master, &sealed, case.as_str().as_bytes())?
            .try_into()
            .map_err(|_| VaultError::Decrypt)?;
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
        if ring.wrapped.remove(case.as_str()).is_some() {
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

    /// Append one key to the keyring file and make it durable.
    fn append(&self, ring: &mut Ring, case: &str, wrapped: &str) -> Result<(), VaultError> {
        let err = |e: std::io::Error| self.keyring_error(e);
        let record = keyring_record(&self.master, case, wrapped);
        let written = append_record(&self.keyring_path, ring, &record);
        if written.is_err() {
            // Reopen next time (and let the reader deal with a torn tail at the next start).
            ring.file = None;
        }
        written.map_err(err)
    }
}

/// Write `record` after the last one: into zeros written ahead, then a data-only fsync.
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

/// Overwrite bytes in a file, durably.
fn write_at(path: &Path, at: u64, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = private_options(false).open(path)?;
    file.seek(SeekFrom::Start(at))?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Nonce (24 bytes) followed by the ciphertext; `aad` binds it to where it is stored.
pub fn seal_with(key: &Key, plain: &[u8], aad: &[u8]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let nonce: [u8; 24] = random();
    let mut out = nonce.to_vec();
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

    #[test]
    fn a_forgotten_case_key_is_gone_for_good() {
        let dir = tempfile::tempdir().unwrap();
        let master: Key = random();
        let vault = Vault::new(master, dir.path().join("keyring")).unwrap();
        let case = CaseId::new("F-1");
        let k1 = vault.case_key(&case).unwrap();
        let again = Vault::new(master, dir.path().join("keyring")).unwrap();
        assert_eq!(again.case_key(&case).unwrap(), k1, "kept across reopen");
        again.forget_case(&case).unwrap();
        let after = Vault::new(master, dir.path().join("keyring")).unwrap();
        assert_eq!(after.existing_case_key(&case).unwrap(), None);
    }

    #[test]
    fn the_keyring_is_appended_to_and_a_torn_last_record_is_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keyring");
        let master: Key = random();
        let vault = Vault::new(master, path.clone()).unwrap();
        let a = vault.case_key(&CaseId::new("F-A")).unwrap();
        let one = vault.ring().end;
        let b = vault.case_key(&CaseId::new("F-B")).unwrap();
        let two = vault.ring().end;
        assert!(two > one, "appended");
        let size = std::fs::metadata(&path).unwrap().len();
        assert_eq!(size, 8 + CHUNK, "grown once, in a chunk of zeros");
        drop(vault);
        // A crash in the middle of a third append.
        write_at(&path, two, &[0, 0, 0, 90, 1, 2, 3]).unwrap();
        let vault = Vault::new(master, path.clone()).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            bytes[two as usize..].iter().all(|b| *b == 0),
            "torn tail zeroed"
        );
        assert_eq!(
            vault.existing_case_key(&CaseId::new("F-A")).unwrap(),
            Some(a)
        );
        assert_eq!(
            vault.existing_case_key(&CaseId::new("F-B")).unwrap(),
            Some(b)
        );
        let c = vault.case_key(&CaseId::new("F-C")).unwrap();
        drop(vault);
        let vault = Vault::new(master, path.clone()).unwrap();
        assert_eq!(
            vault.existing_case_key(&CaseId::new("F-C")).unwrap(),
            Some(c)
        );
        assert_eq!(std::fs::metadata(&path).unwrap().len(), size);
        // Damage to a record that is not the last one is an error, not silently skipped.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[KEYRING_MAGIC.len() + 10] ^= 1;
        std::fs::write(&path, bytes).unwrap();
        assert!(Vault::new(master, path).is_err());
    }

    #[test]
    fn a_keyring_torn_while_it_was_created_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keyring");
        std::fs::write(&path, &KEYRING_MAGIC[..3]).unwrap();
        let master: Key = random();
        let vault = Vault::new(master, path.clone()).unwrap();
        let a = vault.case_key(&CaseId::new("F-A")).unwrap();
        drop(vault);
        let vault = Vault::new(master, path).unwrap();
        assert_eq!(
            vault.existing_case_key(&CaseId::new("F-A")).unwrap(),
            Some(a)
        );
    }
}
