//! `fyr doctor`: is this installation ready? One line per check, each red one with what to do:
//! the configuration and staff directory, the key file (exists, 0600, opens the data), the data
//! folder (writable, free space, the store readable), the time zone data, and each configured
//! chat platform (the homeserver reachable and the password accepted; the Discord token
//! valid). Nothing is changed: a new data folder is not created, and a login to try the
//! password is logged out again at once.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::store::{SledStore, Store};

/// One check's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub ok: bool,
    /// What was found (passed) or what is wrong (failed).
    pub detail: String,
    /// What to do, for a failed check.
    pub fix: String,
}

impl Check {
    fn pass(name: &'static str, detail: impl Into<String>) -> Check {
        Check {
            name,
            ok: true,
            detail: detail.into(),
            fix: String::new(),
        }
    }

    fn fail(name: &'static str, detail: impl Into<String>, fix: impl Into<String>) -> Check {
        Check {
            name,
            ok: false,
            detail: detail.into(),
            fix: fix.into(),
        }
    }
}

impl std::fmt::Display for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.ok {
            write!(f, "ok    {:<14} {}", self.name, self.detail)
        } else {
            write!(
                f,
                "FAIL  {:<14} {}\n      fix: {}",
                self.name, self.detail, self.fix
            )
        }
    }
}

/// Free space below this in the data folder's file system is a failed check.
const MIN_FREE_BYTES: u64 = 512 * 1024 * 1024;

/// Run every check. `config` is bot.toml; `data` the data folder.
pub fn run(config: &Path, data: &Path) -> Vec<Check> {
    let mut checks = Vec::new();
    let config = match Config::load(config) {
        Ok(c) => {
            checks.push(Check::pass(
                "configuration",
                format!(
                    "{}: {} units, {} persons",
                    c.source.display(),
                    c.units.len(),
                    c.persons.len()
                ),
            ));
            if let Some(dir) = &c.directory {
                checks.push(Check::pass(
                    "directory",
                    format!("{} read and valid", dir.display()),
                ));
            }
            Some(c)
        }
        Err(e) => {
            let first = e.to_string();
            let first = first.lines().next().unwrap_or_default().to_string();
            let count = e.problems().len().max(1);
            checks.push(Check::fail(
                "configuration",
                format!("{count} problem(s); the first: {first}"),
                format!(
                    "run `fyr check-config {}` and correct each problem it shows",
                    config.display()
                ),
            ));
            None
        }
    };
    let key_file = config
        .as_ref()
        .and_then(|c| c.key_file.clone())
        .unwrap_or_else(|| PathBuf::from(format!("{}.key", data.display())));
    checks.extend(key_and_data(&key_file, data));
    checks.push(time_zones(config.as_ref()));
    if let Some(config) = &config {
        checks.extend(platforms(config));
    }
    checks
}

fn key_and_data(key_file: &Path, data: &Path) -> Vec<Check> {
    let mut checks = Vec::new();
    let data_exists = data.is_dir();
    // The key file.
    let key_ok = match std::fs::metadata(key_file) {
        Err(_) if !data_exists => {
            checks.push(Check::pass(
                "key file",
                format!(
                    "{} is created (0600) at the first start",
                    key_file.display()
                ),
            ));
            false
        }
        Err(e) => {
            checks.push(Check::fail(
                "key file",
                format!("{} cannot be read: {e}", key_file.display()),
                format!(
                    "restore the key file of {} from your backup to {} (without it the data cannot be read), or set key_file in bot.toml to where it is",
                    data.display(),
                    key_file.display()
                ),
            ));
            false
        }
        Ok(_) => match crate::store::vault::check_key_file(key_file) {
            Ok(()) => {
                checks.push(Check::pass(
                    "key file",
                    format!("{} (readable only by its owner)", key_file.display()),
                ));
                true
            }
            Err(e) => {
                let text = e.to_string();
                let mut lines = text.lines();
                let what = lines.next().unwrap_or_default().to_string();
                let fix = lines
                    .next()
                    .map(|l| l.trim().trim_start_matches("help: ").to_string())
                    .unwrap_or_default();
                checks.push(Check::fail("key file", what, fix));
                false
            }
        },
    };
    // The data folder: writable, with room.
    let folder = if data_exists {
        data.to_path_buf()
    } else {
        data.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf()
    };
    let probe = folder.join(format!(".fyr-doctor-{}", std::process::id()));
    match std::fs::write(&probe, b"probe") {
        Ok(()) => {
            let _ = std::fs::remove_file(&probe);
            let free = free_bytes(&folder);
            let room = free.map_or(String::new(), |b| {
                format!(", {:.1} GB free", b as f64 / 1e9)
            });
            let what = if data_exists {
                format!("{} is writable{room}", data.display())
            } else {
                format!(
                    "{} does not exist yet; {} is writable{room}",
                    data.display(),
                    folder.display()
                )
            };
            match free {
                Some(b) if b < MIN_FREE_BYTES => checks.push(Check::fail(
                    "data folder",
                    what,
                    "free space on this file system (at least 512 MB; evidence files and the log grow)",
                )),
                _ => checks.push(Check::pass("data folder", what)),
            }
        }
        Err(e) => checks.push(Check::fail(
            "data folder",
            format!("{} is not writable: {e}", folder.display()),
            format!(
                "give the user Fyr runs as write access (chown -R fyr: {0}; chmod 700 {0})",
                folder.display()
            ),
        )),
    }
    // The store: opens with this key, and its cases read.
    if !data_exists {
        return checks;
    }
    if let Some(pid) = running_fyr(data) {
        checks.push(Check::pass(
            "store",
            format!("in use by the running Fyr (pid {pid}), which opened it with this key"),
        ));
        return checks;
    }
    if !key_ok && key_file.exists() {
        // An unsafe key file is not used, not even to check it.
        return checks;
    }
    match SledStore::open_with_key_file(data, key_file) {
        Ok(mut store) => {
            let result = store.all_cases();
            let _ = store.close();
            match result {
                Ok(cases) => {
                    let open = cases.iter().filter(|c| c.closed_at.is_none()).count();
                    checks.push(Check::pass(
                        "store",
                        format!("opens with the key; {} cases, {open} open", cases.len()),
                    ));
                }
                Err(e) => checks.push(Check::fail(
                    "store",
                    format!("a case cannot be read: {e}"),
                    "run `fyr verify`; restore the data folder from a backup if it reports damage",
                )),
            }
        }
        Err(e) => {
            let text = e.to_string();
            checks.push(Check::fail(
                "store",
                text.lines().next().unwrap_or_default().to_string(),
                text.lines()
                    .find_map(|l| l.trim().strip_prefix("help: "))
                    .unwrap_or(
                        "check that the key file is the one this data folder was created with",
                    )
                    .to_string(),
            ));
        }
    }
    checks
}

/// The pid of a Fyr running on `data`, if its pid file names a live process.
fn running_fyr(data: &Path) -> Option<i32> {
    let pid: i32 = std::fs::read_to_string(crate::signals::pid_file(data))
        .ok()?
        .trim()
        .parse()
        .ok()?;
    // SAFETY: signal 0 only asks whether the process exists.
    (pid > 0 && unsafe { libc::kill(pid, 0) } == 0).then_some(pid)
}

fn free_bytes(folder: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(folder.as_os_str().as_bytes()).ok()?;
    // SAFETY: statvfs writes into the zeroed struct; the path is NUL-terminated.
    unsafe {
        let mut stat: libc::statvfs = std::mem::zeroed();
        if libc::statvfs(path.as_ptr(), &mut stat) != 0 {
            return None;
        }
        Some(stat.f_bavail as u64 * stat.f_frsize as u64)
    }
}

fn time_zones(config: Option<&Config>) -> Check {
    use chrono::{TimeZone, Utc};
    let mut zones: Vec<String> = config
        .map(|c| {
            c.units
                .iter()
                .map(|u| u.timezone.name().to_string())
                .collect()
        })
        .unwrap_or_default();
    zones.sort();
    zones.dedup();
    // Summer time must differ from winter time in Europe's zones: a build with broken
    // zone data would not know.
    let broken: Vec<&String> = zones
        .iter()
        .filter(|z| z.starts_with("Europe/"))
        .filter(|z| {
            let tz: chrono_tz::Tz = z.parse().unwrap_or(chrono_tz::UTC);
            let winter = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
            let summer = Utc.with_ymd_and_hms(2026, 7, 15, 12, 0, 0).unwrap();
            winter.with_timezone(&tz).format("%z").to_string()
                == summer.with_timezone(&tz).format("%z").to_string()
        })
        .collect();
    if broken.is_empty() {
        Check::pass(
            "time zones",
            format!(
                "IANA {} built in; units in {}",
                chrono_tz::IANA_TZDB_VERSION,
                if zones.is_empty() {
                    "-".to_string()
                } else {
                    zones.join(", ")
                }
            ),
        )
    } else {
        Check::fail(
            "time zones",
            format!("no summer time known for {broken:?}"),
            "install a Fyr built with current time zone data (upgrade the package)",
        )
    }
}

#[cfg(any(feature = "matrix", feature = "discord"))]
fn platforms(config: &Config) -> Vec<Check> {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            return vec![Check::fail(
                "platforms",
                format!("cannot start the network runtime: {e}"),
                "check the machine's limits on threads and open files",
            )]
        }
    };
    let client = match reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .user_agent("fyr-doctor")
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            return vec![Check::fail(
                "platforms",
                format!("cannot make an HTTP client: {e}"),
                "check the machine's TLS setup",
            )]
        }
    };
    let mut checks = Vec::new();
    if let Some(m) = &config.matrix {
        checks.extend(runtime.block_on(matrix(&client, m)));
    }
    if let Some(d) = &config.discord {
        checks.push(runtime.block_on(discord(&client, d)));
    }
    checks
}

#[cfg(not(any(feature = "matrix", feature = "discord")))]
fn platforms(config: &Config) -> Vec<Check> {
    if config.matrix.is_some() || config.discord.is_some() {
        vec![Check::fail(
            "platforms",
            "this fyr was built without chat adapters",
            "install a fyr built with --features matrix,discord",
        )]
    } else {
        Vec::new()
    }
}

#[cfg(any(feature = "matrix", feature = "discord"))]
fn json_body(value: &str) -> Vec<u8> {
    value.as_bytes().to_vec()
}

#[cfg(any(feature = "matrix", feature = "discord"))]
async fn matrix(client: &reqwest::Client, m: &crate::config::MatrixConfig) -> Vec<Check> {
    let base = m.homeserver.trim_end_matches('/');
    let reachable = client
        .get(format!("{base}/_matrix/client/versions"))
        .send()
        .await;
    match reachable {
        Ok(r) if r.status().is_success() => {}
        Ok(r) => {
            return vec![Check::fail(
                "matrix",
                format!("{base} answers {} to /_matrix/client/versions", r.status()),
                "check homeserver in bot.toml: the client-server URL (as in https://HOST/.well-known/matrix/client)",
            )]
        }
        Err(e) => {
            return vec![Check::fail(
                "matrix",
                format!("{base} cannot be reached: {}", root_cause(&e)),
                "check homeserver in bot.toml, DNS, and that this machine may connect to it (firewall, proxy)",
            )]
        }
    }
    let mut checks = vec![Check::pass("matrix", format!("{base} is reachable"))];
    let secret = match &m.login {
        crate::config::MatrixLogin::Password(s) | crate::config::MatrixLogin::AccessToken(s) => s,
    };
    let secret = match secret.read() {
        Ok(p) => p,
        Err(e) => {
            checks.push(Check::fail(
                "matrix login",
                e,
                "set the credential as bot.toml's [matrix] says (an environment variable or a file)",
            ));
            return checks;
        }
    };
    if matches!(m.login, crate::config::MatrixLogin::AccessToken(_)) {
        // An access token is checked as it is, without a login.
        let whoami = client
            .get(format!("{base}/_matrix/client/v3/account/whoami"))
            .bearer_auth(&secret)
            .send()
            .await;
        checks.push(match whoami {
            Ok(r) if r.status().is_success() => Check::pass(
                "matrix login",
                format!("the access token of {} is valid", m.user_id),
            ),
            Ok(r) => Check::fail(
                "matrix login",
                format!("the homeserver refuses the access token ({})", r.status()),
                "make a new access token for the bot account and put it where bot.toml says",
            ),
            Err(e) => Check::fail(
                "matrix login",
                format!("the request failed: {}", root_cause(&e)),
                "check the connection to the homeserver",
            ),
        });
        return checks;
    }
    let password = secret;
    let body = serde_json::json!({
        "type": "m.login.password",
        "identifier": {"type": "m.id.user", "user": m.user_id},
        "password": password,
        "initial_device_display_name": "fyr doctor (logged out at once)",
    })
    .to_string();
    let login = client
        .post(format!("{base}/_matrix/client/v3/login"))
        .header("content-type", "application/json")
        .body(json_body(&body))
        .send()
        .await;
    match login {
        Ok(r) if r.status().is_success() => {
            let token = r
                .text()
                .await
                .ok()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                .and_then(|v| v["access_token"].as_str().map(str::to_string));
            if let Some(token) = token {
                let _: Result<reqwest::Response, reqwest::Error> = client
                    .post(format!("{base}/_matrix/client/v3/logout"))
                    .bearer_auth(token)
                    .header("content-type", "application/json")
                    .body("{}")
                    .send()
                    .await;
            }
            checks.push(Check::pass(
                "matrix login",
                format!("{} logs in with the configured password", m.user_id),
            ));
        }
        Ok(r) => checks.push(Check::fail(
            "matrix login",
            format!("{} cannot log in ({})", m.user_id, r.status()),
            "check user_id in bot.toml and the password; reset it on the homeserver if needed",
        )),
        Err(e) => checks.push(Check::fail(
            "matrix login",
            format!("the login request failed: {}", root_cause(&e)),
            "check the connection to the homeserver",
        )),
    }
    checks
}

#[cfg(any(feature = "matrix", feature = "discord"))]
async fn discord(client: &reqwest::Client, d: &crate::config::DiscordConfig) -> Check {
    let token = match d.token.read() {
        Ok(t) => t,
        Err(e) => {
            return Check::fail(
                "discord",
                e,
                "set the bot token as bot.toml's [discord] says (token_env or token_file)",
            )
        }
    };
    let base = d.api_base.as_deref().unwrap_or("https://discord.com");
    let me = client
        .get(format!("{base}/api/v10/users/@me"))
        .header("authorization", format!("Bot {token}"))
        .send()
        .await;
    match me {
        Ok(r) if r.status().is_success() => {
            Check::pass("discord", "the bot token is valid".to_string())
        }
        Ok(r) if r.status().as_u16() == 401 => Check::fail(
            "discord",
            "Discord refuses the bot token (401)",
            "copy a new token from the Discord developer portal (Bot → Reset Token) into the variable or file bot.toml names",
        ),
        Ok(r) => Check::fail(
            "discord",
            format!("Discord answers {}", r.status()),
            "try again later; check https://discordstatus.com",
        ),
        Err(e) => Check::fail(
            "discord",
            format!("Discord cannot be reached: {}", root_cause(&e)),
            "check that this machine may connect to discord.com (firewall, proxy)",
        ),
    }
}

#[cfg(any(feature = "matrix", feature = "discord"))]
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}
