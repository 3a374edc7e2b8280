//! Encryption at rest. A master key (32 random bytes in a key file, created 0600 on first run)
//! encrypts every value with XChaCha20-Poly1305, bound to where it is stored. Each case has its
//! own data key, wrapped by the master key and kept in a keyring file beside the database — not
//! in it — so erasing a case destroys its key (crypto-shredding) and nothing of it stays
//! readable, even in pages sled has not compacted yet. Store keys that would name a person are
//! replaced by a keyed hash.

use std::collections::BTreeMap;
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
    /// Case → wrapped data key (hex).
    keyring: Mutex<BTreeMap<String, String>>,
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
        let keyring = match std::fs::read(&keyring_path) {
            Ok(sealed) => {
                let plain = open_with(&master, &sealed, b"keyring")?;
                serde_json::from_slice(&plain).map_err(|e| keyring_err(e.to_string()))?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(e) => return Err(keyring_err(e.to_string())),
        };
        Ok(Vault {
            master,
            index_key,
            keyring_path,
            keyring: Mutex::new(keyring),
        })
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

    /// The case's data key; created (and the keyring saved) the first time.
    pub fn case_key(&self, case: &CaseId) -> Result<Key, VaultError> {
        let mut ring = self.keyring.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(wrapped) = ring.get(case.as_str()) {
            let sealed = unhex(wrapped).ok_or(VaultError::Decrypt)?;
            let key = open_with(&self.master, &sealed, case.as_str().as_bytes())?;
            return key.try_into().map_err(|_| VaultError::Decrypt);
        }
        let key: Key = random();
        let wrapped = seal_with(&self.master, &key, case.as_str().as_bytes());
        ring.insert(case.to_string(), hex(&wrapped));
        self.save(&ring)?;
        Ok(key)
    }

    /// The case's data key if it still exists (None after erasure).
    pub fn existing_case_key(&self, case: &CaseId) -> Result<Option<Key>, VaultError> {
        let known = self
            .keyring
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains_key(case.as_str());
        if known {
            self.case_key(case).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Destroy a case's data key: everything encrypted with it is unreadable from now on.
    pub fn forget_case(&self, case: &CaseId) -> Result<(), VaultError> {
        let mut ring = self.keyring.lock().unwrap_or_else(|p| p.into_inner());
        if ring.remove(case.as_str()).is_some() {
            self.save(&ring)?;
        }
        Ok(())
    }

    fn save(&self, ring: &BTreeMap<String, String>) -> Result<(), VaultError> {
        let plain = serde_json::to_vec(ring).expect("a keyring always serializes");
        let sealed = seal_with(&self.master, &plain, b"keyring");
        let err = |e: std::io::Error| VaultError::Keyring {
            path: self.keyring_path.clone(),
            detail: e.to_string(),
        };
        // The keyring is binary; write it through the same atomic, private path.
        let tmp = self.keyring_path.with_extension("tmp");
        {
            use std::io::Write;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create(true).truncate(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file = options.open(&tmp).map_err(err)?;
            file.write_all(&sealed).map_err(err)?;
            file.sync_all().map_err(err)?;
        }
        std::fs::rename(&tmp, &self.keyring_path).map_err(err)
    }
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
}
