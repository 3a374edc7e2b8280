//! `fyr backup` while Fyr runs. The running Fyr holds the data folder's lock, so no second
//! process can open the store; instead it listens on a Unix socket in the data folder,
//! `backup.sock` (0600: only the user Fyr runs as, and root, can connect), on a thread of its
//! own. `fyr backup` connects, asks, and receives the backup (`store::BackupSource`: taken
//! between two writes, so a commit in hand is never split) into a temporary file beside
//! `--out`, checks it whole, and renames it into place. When no Fyr runs, `fyr backup` opens
//! the store itself. The file is written by the command, never by the service (whose
//! sandbox may write only its state folder).

use std::io::{BufRead, Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::store::{BackupSource, BackupSummary, StoreError};

const REQUEST: &[u8] = b"backup\n";
/// A reader that stops reading is cut off after this, so it cannot hold up Fyr's writes.
const STALL: Duration = Duration::from_secs(30);

/// The socket a running Fyr serves backups on.
pub fn socket_path(data: &Path) -> PathBuf {
    data.join("backup.sock")
}

/// The socket being served; removed when dropped.
#[derive(Debug)]
pub struct Server {
    path: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Serve backups of `source` on the data folder's socket, one at a time, on a thread of its
/// own. The socket is made in a private folder and moved into place, so it is never open to
/// others even for a moment. (A socket left by a killed Fyr is replaced: this process holds
/// the folder's lock, so no other Fyr uses it.)
pub fn serve(data: &Path, source: BackupSource) -> std::io::Result<Server> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let path = socket_path(data);
    let private = data.join(format!(".backup-sock-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&private);
    std::fs::DirBuilder::new().mode(0o700).create(&private)?;
    let bound = (|| {
        let listener = UnixListener::bind(private.join("s"))?;
        std::fs::set_permissions(private.join("s"), std::fs::Permissions::from_mode(0o600))?;
        std::fs::rename(private.join("s"), &path)?;
        Ok::<_, std::io::Error>(listener)
    })();
    let _ = std::fs::remove_dir_all(&private);
    let listener = bound?;
    std::thread::Builder::new()
        .name("fyr-backup".into())
        .spawn(move || {
            for stream in listener.incoming() {
                match stream {
                    Ok(stream) => answer(stream, &source),
                    Err(e) => tracing::warn!("backup socket: {e}"),
                }
            }
        })?;
    Ok(Server { path })
}

fn answer(stream: UnixStream, source: &BackupSource) {
    let _ = stream.set_read_timeout(Some(STALL));
    let _ = stream.set_write_timeout(Some(STALL));
    let mut request = Vec::new();
    let read = std::io::BufReader::new(&stream)
        .take(64)
        .read_until(b'\n', &mut request);
    let mut out = std::io::BufWriter::new(&stream);
    if read.is_err() || request != REQUEST {
        let _ = writeln!(out, "error: not a backup request");
        return;
    }
    match source.write_to(&mut out) {
        Ok(summary) => tracing::info!(
            cases = summary.cases,
            bytes = summary.bytes,
            "backup served"
        ),
        // The command sees an incomplete backup and says so; the reason is here.
        Err(e) => tracing::warn!("backup failed: {e}"),
    }
}

/// Why `fyr backup` failed.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("--out {out} is inside the data folder {data}\n  help: keep backups apart from the data they back up (another disk, or another machine), e.g. --out /var/backups/fyr/fyr-$(date +%F).fyrbak")]
    InsideData { out: PathBuf, data: PathBuf },
    #[error("cannot write the backup {path}: {detail}\n  help: check that its folder exists and is writable by you, and that the disk has room")]
    Write { path: PathBuf, detail: String },
    #[error("the Fyr running on {data} did not give a whole backup: {detail}\n  help: its log says why (journalctl -u fyr); run `fyr backup` again")]
    Served { data: PathBuf, detail: String },
    #[error("a Fyr runs on this data folder, but you may not use its backup socket {socket}\n  help: run `fyr backup` as the user Fyr runs as (sudo -u fyr fyr backup …) or as root")]
    NotAllowed { socket: PathBuf },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Ask the Fyr running on `data` for a backup, written to `out`. `Ok(None)`: no Fyr runs there
/// (no socket, or one left by a Fyr that has stopped).
pub fn from_running(data: &Path, out: &Path) -> Result<Option<BackupSummary>, BackupError> {
    let mut stream = match UnixStream::connect(socket_path(data)) {
        Ok(s) => s,
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused
            ) =>
        {
            return Ok(None)
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(BackupError::NotAllowed {
                socket: socket_path(data),
            })
        }
        Err(e) => {
            return Err(BackupError::Served {
                data: data.to_path_buf(),
                detail: format!("cannot connect to {}: {e}", socket_path(data).display()),
            })
        }
    };
    let served = |detail: String| BackupError::Served {
        data: data.to_path_buf(),
        detail,
    };
    stream
        .write_all(REQUEST)
        .map_err(|e| served(e.to_string()))?;
    let mut first = [0u8; 6];
    let mut peek = 0;
    while peek < first.len() {
        match stream.read(&mut first[peek..]) {
            Ok(0) => break,
            Ok(n) => peek += n,
            Err(e) => return Err(served(e.to_string())),
        }
    }
    if first[..peek].starts_with(b"error") {
        let mut rest = String::new();
        let _ = stream.read_to_string(&mut rest);
        let said = format!("{}{rest}", String::from_utf8_lossy(&first[..peek]));
        return Err(served(said.trim().to_string()));
    }
    write_checked(out, |file| {
        file.write_all(&first[..peek])?;
        std::io::copy(&mut stream, file).map(|_| ())
    })
    .map(Some)
    .map_err(|e| match e {
        // Cut off: the service failed part-way (its log says why).
        BackupError::Store(StoreError::BackupFile { detail, .. }) => served(detail),
        other => other,
    })
}

/// Back up an open store (no Fyr runs) to `out`.
pub fn from_store(source: &BackupSource, out: &Path) -> Result<BackupSummary, BackupError> {
    write_checked(out, |file| {
        source
            .write_to(file)
            .map(|_| ())
            .map_err(|e| std::io::Error::other(e.to_string()))
    })
}

/// Refuse an `--out` inside the data folder (a backup there is lost with the folder).
pub fn outside_data(out: &Path, data: &Path) -> Result<(), BackupError> {
    crate::export::outside_data_folder(out, data).map_err(|_| BackupError::InsideData {
        out: out.to_path_buf(),
        data: data.to_path_buf(),
    })
}

/// Write `out` through a temporary file beside it (0600), check the backup whole, make it
/// durable and rename it into place: `out` is a whole backup or not there.
fn write_checked(
    out: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<BackupSummary, BackupError> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut partial = out.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let write_error = |e: std::io::Error| BackupError::Write {
        path: out.to_path_buf(),
        detail: e.to_string(),
    };
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&partial)
            .map_err(write_error)?;
        fill(&mut file).map_err(write_error)?;
        file.sync_all().map_err(write_error)?;
        let summary = crate::store::check_backup(&partial)?;
        std::fs::rename(&partial, out).map_err(write_error)?;
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::File::open(dir)
                .and_then(|d| d.sync_all())
                .map_err(write_error)?;
        }
        Ok(summary)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}
