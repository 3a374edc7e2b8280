//! Backups of the on-disk store: a copy of every tree and of the keyring, taken between two
//! writes (under the writer lock every commit holds), so it is consistent while Fyr runs. The
//! values are copied as stored, sealed per case or with the master key, and the store's keys
//! are neutral or keyed hashes: a backup holds nothing readable without the key file, which
//! is not in it. The clean-stop mark is left out (a restored folder was not stopped cleanly by
//! anyone).
//!
//! The file: `FYRBAK01`, then frames — `E` (tree, key, value), `K` (the keyring file) — each
//! field a 4-byte big-endian length and its bytes, then `Z` and the SHA-256 of everything
//! before the digest. `restore` checks the whole file before it writes anything.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

use super::disk::{disk, io_disk, SledStore, CLEAN_STOP};
use super::StoreError;

const MAGIC: &[u8; 8] = b"FYRBAK01";
/// Far above any stored value: a longer field is damage.
const MAX_FIELD: usize = 1 << 30;

/// What a backup holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupSummary {
    /// Cases in it (erased ones are not).
    pub cases: usize,
    /// Stored records in it.
    pub records: usize,
    /// Its size in bytes.
    pub bytes: u64,
}

/// What a backup is taken from: the store's database, its writer lock and its keyring. Cheap
/// to clone; a running Fyr hands one to the thread that serves `fyr backup`.
#[derive(Clone)]
pub struct BackupSource {
    db: sled::Db,
    writer: Arc<Mutex<()>>,
    closed: Arc<AtomicBool>,
    keyring: PathBuf,
}

impl std::fmt::Debug for BackupSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackupSource").finish_non_exhaustive()
    }
}

impl SledStore {
    /// A handle to take backups of this store while it is in use.
    pub fn backup_source(&self) -> BackupSource {
        BackupSource {
            db: self.db.clone(),
            writer: self.writer.clone(),
            closed: self.closed.clone(),
            keyring: self.vault.path().to_path_buf(),
        }
    }
}

impl BackupSource {
    /// Write a backup to `out`. Writes wait meanwhile (a commit is never split), reads don't.
    pub fn write_to(&self, out: &mut dyn Write) -> Result<BackupSummary, StoreError> {
        let mut out = Hashing::new(out);
        let io = |e: std::io::Error| StoreError::Backend(format!("writing the backup: {e}"));
        out.write_all(MAGIC).map_err(io)?;
        let (mut cases, mut records) = (0, 0);
        {
            let _writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
            if self.closed.load(Ordering::SeqCst) {
                return Err(StoreError::Backend(
                    "the store is closed: Fyr is stopping".into(),
                ));
            }
            for name in self.db.tree_names() {
                let tree = self.db.open_tree(&name).map_err(disk)?;
                for entry in tree.iter() {
                    let (key, value) = entry.map_err(disk)?;
                    if name.as_ref() == b"meta" && key.as_ref() == CLEAN_STOP {
                        continue;
                    }
                    cases += usize::from(name.as_ref() == b"cases");
                    records += 1;
                    frame(&mut out, b'E', &[&name, &key, &value]).map_err(io)?;
                }
            }
            let keyring = match std::fs::read(&self.keyring) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
                Err(e) => return Err(io_disk(e)),
            };
            frame(&mut out, b'K', &[&keyring]).map_err(io)?;
        }
        out.write_all(b"Z").map_err(io)?;
        let digest = out.hash.clone().finalize();
        out.inner.write_all(&digest).map_err(io)?;
        out.inner.flush().map_err(io)?;
        Ok(BackupSummary {
            cases,
            records,
            bytes: out.bytes + 32,
        })
    }
}

fn frame(out: &mut impl Write, tag: u8, fields: &[&[u8]]) -> std::io::Result<()> {
    out.write_all(&[tag])?;
    for field in fields {
        let len = u32::try_from(field.len()).map_err(|_| std::io::ErrorKind::InvalidData)?;
        out.write_all(&len.to_be_bytes())?;
        out.write_all(field)?;
    }
    Ok(())
}

/// A writer (or reader) that hashes what passes through it.
struct Hashing<T> {
    inner: T,
    hash: Sha256,
    bytes: u64,
}

impl<T> Hashing<T> {
    fn new(inner: T) -> Self {
        Hashing {
            inner,
            hash: Sha256::new(),
            bytes: 0,
        }
    }
}

impl<T: Write> Write for Hashing<T> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl<T: Read> Read for Hashing<T> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// One part of a backup.
enum Frame {
    Record {
        tree: Vec<u8>,
        key: Vec<u8>,
        value: Vec<u8>,
    },
    Keyring(Vec<u8>),
}

/// Read a backup from its start to its digest, handing each frame to `each`; an error if it
/// is not a whole, unchanged Fyr backup.
fn read_frames(
    file: &Path,
    mut each: impl FnMut(Frame) -> Result<(), StoreError>,
) -> Result<BackupSummary, StoreError> {
    let bad = |detail: &str| StoreError::BackupFile {
        file: file.to_path_buf(),
        detail: detail.to_string(),
    };
    let opened = std::fs::File::open(file).map_err(|e| bad(&e.to_string()))?;
    let mut input = Hashing::new(std::io::BufReader::new(opened));
    let cut = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => bad("it ends too early (an interrupted copy?)"),
        _ => bad(&e.to_string()),
    };
    let mut magic = [0u8; 8];
    input.read_exact(&mut magic).map_err(cut)?;
    if &magic != MAGIC {
        return Err(bad("it is not a Fyr backup"));
    }
    let field = |input: &mut Hashing<_>| -> Result<Vec<u8>, StoreError> {
        let mut len = [0u8; 4];
        input.read_exact(&mut len).map_err(cut)?;
        let len = u32::from_be_bytes(len) as usize;
        if len > MAX_FIELD {
            return Err(bad("it is damaged (a length that cannot be)"));
        }
        let mut bytes = vec![0u8; len];
        input.read_exact(&mut bytes).map_err(cut)?;
        Ok(bytes)
    };
    let (mut cases, mut records) = (0, 0);
    let mut keyring = false;
    loop {
        let mut tag = [0u8; 1];
        input.read_exact(&mut tag).map_err(cut)?;
        match tag[0] {
            b'E' => {
                let tree = field(&mut input)?;
                let key = field(&mut input)?;
                let value = field(&mut input)?;
                cases += usize::from(tree == b"cases");
                records += 1;
                each(Frame::Record { tree, key, value })?;
            }
            b'K' if !keyring => {
                keyring = true;
                each(Frame::Keyring(field(&mut input)?))?;
            }
            b'Z' if keyring => break,
            _ => return Err(bad("it is damaged (an unknown part)")),
        }
    }
    let expected = input.hash.clone().finalize();
    let bytes = input.bytes + 32;
    let mut digest = [0u8; 32];
    input.inner.read_exact(&mut digest).map_err(cut)?;
    if digest[..] != expected[..] {
        return Err(bad(
            "it was changed or damaged (its checksum does not match)",
        ));
    }
    if input.inner.read(&mut [0u8; 1]).map_err(cut)? != 0 {
        return Err(bad("it has data after its end"));
    }
    Ok(BackupSummary {
        cases,
        records,
        bytes,
    })
}

/// Check that a file is a whole, unchanged Fyr backup, and say what it holds.
pub fn check_backup(file: &Path) -> Result<BackupSummary, StoreError> {
    read_frames(file, |_| Ok(()))
}

/// Restore a backup into `data`, which must not exist or be empty. Everything is checked
/// first; a restore that fails part-way leaves the folder empty again. The folder then opens
/// with the key file the backup was taken with (not in the backup).
pub fn restore(file: &Path, data: &Path) -> Result<BackupSummary, StoreError> {
    let target = |detail: &str| StoreError::RestoreTarget {
        path: data.to_path_buf(),
        detail: detail.to_string(),
    };
    check_backup(file)?;
    match std::fs::read_dir(data) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(target("it is not empty"));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(data).map_err(|e| target(&e.to_string()))?;
        }
        Err(e) => return Err(target(&e.to_string())),
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(data, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| target(&e.to_string()))?;
    }
    let written = write_restored(file, data);
    if written.is_err() {
        // Leave the folder as it was found: empty.
        if let Ok(entries) = std::fs::read_dir(data) {
            for entry in entries.flatten() {
                let path = entry.path();
                let _ = if path.is_dir() {
                    std::fs::remove_dir_all(&path)
                } else {
                    std::fs::remove_file(&path)
                };
            }
        }
    }
    written
}

fn write_restored(file: &Path, data: &Path) -> Result<BackupSummary, StoreError> {
    // No flusher thread: the folder's lock is free once `db` is dropped, for the open that
    // checks the key.
    let db = sled::Config::new()
        .path(data)
        .flush_every_ms(None)
        .open()
        .map_err(|e| StoreError::Open {
            path: data.to_path_buf(),
            detail: e.to_string(),
        })?;
    let summary = read_frames(file, |frame| match frame {
        Frame::Record { tree, key, value } => {
            db.open_tree(tree)
                .and_then(|t| t.insert(key, value))
                .map_err(disk)?;
            Ok(())
        }
        Frame::Keyring(bytes) if bytes.is_empty() => Ok(()),
        Frame::Keyring(bytes) => {
            super::vault::write_file_durably(&data.join("keyring"), &bytes).map_err(io_disk)
        }
    })?;
    db.flush().map_err(disk)?;
    drop(db);
    released(&data.join("db"));
    Ok(summary)
}

/// Wait (a few seconds at most) until sled's threads have let go of the database's lock, so
/// the restored folder can be opened at once, also by this process.
fn released(db: &Path) {
    use std::os::unix::io::AsRawFd;
    let Ok(file) = std::fs::File::open(db) else {
        return;
    };
    for _ in 0..500 {
        // SAFETY: flock on a file descriptor this function owns; no memory is involved.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            // SAFETY: as above.
            unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_UN) };
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
