//! SIGTERM and SIGHUP for `fyr run` and `fyr chat`: the handlers only raise a flag (all a
//! signal handler may safely do); the service loop and the console look at the flags between
//! steps, so a step in hand is always finished. SIGTERM (and Ctrl-C in `fyr run`): stop taking
//! events, flush the store, exit 0. SIGHUP (`fyr reload`): read bot.toml and the staff
//! directory again and apply them (see `reload`).
//!
//! The running process writes its pid to `fyr.pid` in the data folder; `fyr reload` sends
//! SIGHUP to it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

static TERMINATE: AtomicBool = AtomicBool::new(false);
static RELOAD: AtomicBool = AtomicBool::new(false);

extern "C" fn on_terminate(_: libc::c_int) {
    TERMINATE.store(true, Ordering::SeqCst);
}

extern "C" fn on_reload(_: libc::c_int) {
    RELOAD.store(true, Ordering::SeqCst);
}

/// Install the handlers for SIGTERM and SIGHUP (and SIGINT when `interrupt` is set).
pub fn install(interrupt: bool) {
    let mut signals = vec![
        (libc::SIGTERM, on_terminate as extern "C" fn(libc::c_int)),
        (libc::SIGHUP, on_reload as extern "C" fn(libc::c_int)),
    ];
    if interrupt {
        signals.push((libc::SIGINT, on_terminate));
    }
    for (signal, handler) in signals {
        // SAFETY: a zeroed sigaction is valid; the handler only stores to an atomic, which is
        // async-signal-safe; SA_RESTART keeps blocking reads and writes going.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = handler as usize;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

/// Whether a stop was asked for (SIGTERM, or `request_stop`).
pub fn stopping() -> bool {
    TERMINATE.load(Ordering::SeqCst)
}

/// Ask the service loop to stop (Ctrl-C in `fyr run`, tests).
pub fn request_stop() {
    TERMINATE.store(true, Ordering::SeqCst);
}

/// Whether a reload was asked for since the last call (the flag is cleared).
pub fn take_reload() -> bool {
    RELOAD.swap(false, Ordering::SeqCst)
}

/// The pid file of the Fyr running on a data folder.
pub fn pid_file(data: &Path) -> PathBuf {
    data.join("fyr.pid")
}

/// Write this process's pid into the data folder; removed again when the guard is dropped.
pub struct PidFile(PathBuf);

impl PidFile {
    pub fn write(data: &Path) -> std::io::Result<PidFile> {
        let path = pid_file(data);
        std::fs::write(&path, format!("{}\n", std::process::id()))?;
        Ok(PidFile(path))
    }
}

impl Drop for PidFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Why `fyr reload` could not signal the running Fyr.
#[derive(Debug, thiserror::Error)]
pub enum SignalError {
    #[error("no Fyr is running on {0} (there is no {1})\n  help: start it with `fyr run --data {0}` (or `fyr chat`), or pass the data folder it runs on with --data")]
    NotRunning(String, String),
    #[error(
        "{0} does not hold a process id\n  help: delete it; it is written again when Fyr starts"
    )]
    BadPidFile(String),
    #[error("the Fyr with pid {0} cannot be signalled: {1}\n  help: if it has stopped, delete {2}; otherwise run `fyr reload` as the user Fyr runs as (or `systemctl reload fyr`)")]
    Kill(i32, std::io::Error, String),
}

/// Send SIGHUP to the Fyr running on `data`.
pub fn send_reload(data: &Path) -> Result<i32, SignalError> {
    let path = pid_file(data);
    let text = std::fs::read_to_string(&path).map_err(|_| {
        SignalError::NotRunning(data.display().to_string(), path.display().to_string())
    })?;
    let pid: i32 = text
        .trim()
        .parse()
        .ok()
        .filter(|p| *p > 0)
        .ok_or_else(|| SignalError::BadPidFile(path.display().to_string()))?;
    // SAFETY: kill has no memory effects; the pid is a positive number.
    if unsafe { libc::kill(pid, libc::SIGHUP) } != 0 {
        return Err(SignalError::Kill(
            pid,
            std::io::Error::last_os_error(),
            path.display().to_string(),
        ));
    }
    Ok(pid)
}
