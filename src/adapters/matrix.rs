//! The Matrix adapter (cargo feature `matrix`): end-to-end encrypted direct messages through
//! matrix-sdk. Fyr logs in once and keeps its session and crypto store (same device after a
//! restart), sets up cross-signing with a recovery key written once to a 0600 file, and runs
//! its own sync loop around `sync_once` with backoff when the homeserver is down. Event handlers
//! only forward into the service's driver thread, which owns the engine; replies go out as
//! `m.notice`, notifications from the outbox with their key as the Matrix transaction id, so a
//! retried delivery is shown once.

use std::collections::HashMap;
use std::future::IntoFuture;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::encryption::EncryptionSettings;
use matrix_sdk::ruma::api::client::uiaa;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::events::reaction::OriginalSyncReactionEvent;
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::member::{
    MembershipState, OriginalSyncRoomMemberEvent, StrippedRoomMemberEvent,
};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent,
};
use matrix_sdk::ruma::{
    EventId, OwnedDeviceId, OwnedEventId, OwnedRoomId, OwnedTransactionId, OwnedUserId, RoomId,
    UserId,
};
use matrix_sdk::{Client, Room, RoomState, SessionMeta, SessionTokens, SqliteStoreConfig};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use tokio::runtime::Handle;
use tokio::sync::mpsc::UnboundedSender;

use crate::adapters::{Envelope, Outlet, Sender, What};
use crate::config::{Config, MatrixConfig, MatrixLogin, Person, Secret};
use crate::i18n::Rendered;

/// The label of the key the Matrix crypto store is encrypted with: derived from the data
/// folder's master key (`SledStore::derived_key`), so it needs no file of its own.
pub const STORE_KEY_LABEL: &str = "matrix crypto store";

/// Beside the crypto store: which account and device it belongs to. Kept apart from
/// session.json so a lost session still finds its device, and its presence marks a store
/// that Fyr encrypts (stores from before have none).
const DEVICE_FILE: &str = "device.json";
/// An unencrypted store from an older Fyr, moved aside while it is migrated.
const PLAIN_STORE: &str = "sdk-unencrypted";

#[derive(Debug, Error)]
pub enum MatrixError {
    #[error("bot.toml has no [matrix] section\n  help: add [matrix] with homeserver, user_id and password_env (see README)")]
    NotConfigured,
    #[error("cannot read the Matrix {what}: {detail}\n  help: {help}")]
    Secret {
        what: &'static str,
        detail: String,
        help: String,
    },
    #[error("the homeserver refused the login for {user}: {detail}\n  help: check user_id and the password in {source_hint}")]
    Login {
        user: String,
        detail: String,
        source_hint: String,
    },
    #[error("`homeserver = \"{url}\"` in bot.toml is not a usable URL: {detail}\n  help: write the homeserver's address, e.g. \"https://matrix.example.org\"")]
    BadUrl { url: String, detail: String },
    #[error("cannot find the homeserver {host}: the name does not resolve (DNS)\n  help: check `homeserver` in bot.toml for a typo, and that this machine resolves names (`getent hosts {host}`)")]
    Dns { host: String },
    #[error("nothing answers at {url} (connection refused)\n  help: check the port in `homeserver` in bot.toml, and that the homeserver (or its proxy) runs")]
    Refused { url: String },
    #[error("{url} does not answer in https (the TLS handshake failed: the port speaks plain http)\n  help: write the proxy's https address in `homeserver`; plain http:// only for a homeserver on this machine")]
    NotTls { url: String },
    #[error("the TLS certificate of {url} is not accepted: {detail}\n  help: the homeserver (or its proxy) needs a certificate valid for this name from a public authority")]
    Certificate { url: String, detail: String },
    #[error("{url} answers, but is not a Matrix homeserver ({detail})\n  help: write the homeserver's client address in `homeserver` (see https://<domain>/.well-known/matrix/client)")]
    NotMatrix { url: String, detail: String },
    #[error("the homeserver at {url} cannot be reached: {detail}\n  help: check `homeserver` in bot.toml and the network (a firewall or proxy between this machine and the homeserver)")]
    Unreachable { url: String, detail: String },
    #[error("the access token in {source_hint} is not accepted by the homeserver (it was logged out or has expired)\n  help: make a new access token for {user} and put it in {source_hint}")]
    TokenRefused { user: String, source_hint: String },
    #[error("the access token in {source_hint} belongs to {found}, not to {user} (user_id in bot.toml)\n  help: use a token of {user}, or correct user_id")]
    WrongAccount {
        user: String,
        found: String,
        source_hint: String,
    },
    #[error("the Matrix store {path} does not fit: {detail}\n  help: {help}")]
    StoreMismatch {
        path: PathBuf,
        detail: String,
        help: String,
    },
    #[error("the Matrix store {path} can be read by other users of this machine (mode {mode:o}); it holds Fyr's encryption keys\n  help: chmod -R go-rwx {store}, then start Fyr again")]
    Exposed {
        path: PathBuf,
        mode: u32,
        store: PathBuf,
    },
    #[error("Matrix: {0}")]
    Sdk(String),
    #[error("cannot use {path}: {detail}")]
    Files { path: PathBuf, detail: String },
}

fn sdk(e: impl std::fmt::Display) -> MatrixError {
    MatrixError::Sdk(e.to_string())
}

fn files(path: &Path) -> impl Fn(std::io::Error) -> MatrixError + '_ {
    move |e| MatrixError::Files {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

/// Connect to Matrix and start syncing; inbound events go to `tx` tagged with `adapter`.
/// `store_key` encrypts the crypto store; `fatal` stops `fyr run` when the connection is lost
/// for good (a revoked access token). Returns the outlet the service's delivery queues send through.
pub(crate) async fn start(
    config: Arc<Config>,
    tx: mpsc::Sender<Envelope>,
    adapter: usize,
    store_key: [u8; 32],
    fatal: UnboundedSender<String>,
) -> Result<Box<dyn Outlet>, MatrixError> {
    let matrix = config.matrix.clone().ok_or(MatrixError::NotConfigured)?;
    let connected = connect(&matrix, &store_key).await?;
    let client = connected.client.clone();

    // The very first start skips the backlog; after a restart nothing is skipped, so messages
    // sent while Fyr was down are answered.
    if connected.fresh_state {
        tracing::info!("first start on this store: skipping the backlog");
        client
            .sync_once(SyncSettings::default())
            .await
            .map_err(sdk)?;
    }
    let questions = Questions::default();
    register_handlers(&client, config.clone(), tx, adapter, questions.clone());
    let revoked = Revoked {
        session_file: matrix.store.join("session.json"),
        token: matches!(matrix.login, MatrixLogin::AccessToken(_)),
        fatal,
    };
    tokio::spawn(sync_loop(client.clone(), revoked));
    // Recovery needs the sync loop running (it waits for account data), so it runs beside it;
    // if it cannot finish, Fyr still serves and tries again at the next start.
    let recovering = client.clone();
    let store = matrix.store.clone();
    tokio::spawn(async move {
        let limit = Duration::from_secs(300);
        match tokio::time::timeout(limit, ensure_recovery(&recovering, &store)).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::warn!("key backup and recovery are not set up yet: {e}"),
            Err(_) => tracing::warn!(
                "key backup and recovery did not finish; will retry at the next start"
            ),
        }
    });
    private_files(&matrix.store.join("sdk"));
    status_line(&client, &matrix).await;
    Ok(Box::new(MatrixOutlet {
        handle: Handle::current(),
        client,
        rooms: std::sync::Mutex::new(HashMap::new()),
        rate_limited: std::sync::Mutex::new(None),
        questions,
    }))
}

/// One line for the operator at the default log level: who Fyr is on Matrix, and whether
/// people's clients can trust its device.
async fn status_line(client: &Client, matrix: &MatrixConfig) {
    let device = client
        .device_id()
        .map_or_else(|| "?".to_string(), ToString::to_string);
    let signed = if cross_signed(client).await {
        "yes"
    } else {
        "no"
    };
    tracing::info!(
        target: "fyr::status",
        "connected to Matrix as {} on {}: device {device}, cross-signed: {signed}, {} rooms",
        matrix.user_id,
        matrix.homeserver,
        client.joined_rooms().len()
    );
}

/// Whether people's clients see Fyr's device signed by its account. Right after a new device
/// is signed (recovery, migration) the signature is on the homeserver before the SDK has read
/// it back, so this asks again for a little while.
async fn cross_signed(client: &Client) -> bool {
    let encryption = client.encryption();
    encryption.wait_for_e2ee_initialization_tasks().await;
    let holds_keys = encryption
        .cross_signing_status()
        .await
        .is_some_and(|s| s.has_self_signing);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(Some(own)) = encryption.get_own_device().await {
            if own.is_cross_signed_by_owner() {
                return true;
            }
        }
        if !holds_keys || tokio::time::Instant::now() > deadline {
            return false;
        }
        if let Some(user) = client.user_id() {
            let _ = encryption.request_user_identity(user).await;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// A connected client, and whether its state store starts empty (skip the backlog then).
struct Connected {
    client: Client,
    fresh_state: bool,
}

/// What Fyr records beside the crypto store.
#[derive(Debug, Default, Serialize, Deserialize)]
struct DeviceRecord {
    user_id: String,
    /// None until the first login has finished.
    device_id: Option<String>,
}

impl DeviceRecord {
    fn read(store: &Path) -> Result<Option<DeviceRecord>, MatrixError> {
        let path = store.join(DEVICE_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| MatrixError::Files {
                    path,
                    detail: e.to_string(),
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(files(&path)(e)),
        }
    }

    fn write(&self, store: &Path) -> Result<(), MatrixError> {
        write_private(
            &store.join(DEVICE_FILE),
            &serde_json::to_string(self).map_err(sdk)?,
        )
    }
}

/// Log in once, or restore the saved session so the device stays the same. Also: the crypto
/// store is opened with `key`; a store from an older Fyr (unencrypted) is migrated once; a
/// lost or revoked session logs in again as the recorded device.
async fn connect(matrix: &MatrixConfig, key: &[u8; 32]) -> Result<Connected, MatrixError> {
    let http = probe(&matrix.homeserver).await?;
    let store = &matrix.store;
    let sdk_dir = store.join("sdk");
    let plain_dir = store.join(PLAIN_STORE);
    let session_file = store.join("session.json");

    let record = DeviceRecord::read(store)?;
    // A crypto store without Fyr's record is an unencrypted store from an older Fyr.
    let migrating = if record.is_none() && sdk_dir.exists() {
        private_dir(store)?;
        std::fs::rename(&sdk_dir, &plain_dir).map_err(files(&sdk_dir))?;
        true
    } else {
        plain_dir.exists()
    };
    if !migrating {
        refuse_exposed(store)?;
    }
    private_dir(store)?;
    private_dir(&sdk_dir)?;
    let mut record = record.unwrap_or_else(|| DeviceRecord {
        user_id: matrix.user_id.clone(),
        device_id: None,
    });
    if record.user_id != matrix.user_id {
        return Err(MatrixError::StoreMismatch {
            path: store.clone(),
            detail: format!(
                "it belongs to {}, but bot.toml says user_id = \"{}\"",
                record.user_id, matrix.user_id
            ),
            help: "point `store` in [matrix] at this account's own folder, or correct user_id"
                .into(),
        });
    }
    // The unencrypted store's keys travel to the new device: its cross-signing keys sign
    // the new device, and its backup key keeps the key backup.
    let mut carried = None;
    let mut old_device = None;
    if migrating {
        if let Ok(text) = std::fs::read_to_string(&session_file) {
            old_device = serde_json::from_str::<MatrixSession>(&text)
                .ok()
                .map(|s| s.meta.device_id);
        }
        match matrix_sdk::encryption::export_secrets_bundle_from_store(&plain_dir, None).await {
            Ok(Some((_, bundle))) => carried = Some(bundle),
            Ok(None) => {}
            Err(e) => tracing::warn!("the old crypto store's keys could not be read: {e}"),
        }
        remove_file(&session_file)?;
        record.device_id = None;
    }
    record.write(store)?;

    let build = Client::builder()
        .homeserver_url(&matrix.homeserver)
        .sqlite_store_with_config_and_cache_path(
            SqliteStoreConfig::new(&sdk_dir).key(Some(key)),
            None::<PathBuf>,
        )
        .with_encryption_settings(EncryptionSettings {
            auto_enable_cross_signing: true,
            auto_enable_backups: true,
            ..EncryptionSettings::default()
        })
        .build()
        .await;
    let client = build.map_err(|e| {
        let detail = e.to_string();
        if detail.contains("cipher") || detail.contains("decrypt") || detail.contains("MAC") {
            MatrixError::StoreMismatch {
                path: sdk_dir.clone(),
                detail: "it was encrypted with another data folder's key".into(),
                help: "start Fyr with the data folder (and key file) this store was made with; or move the store folder away and start again: Fyr makes a new device and restores its keys with recovery-key.txt".into(),
            }
        } else {
            sdk(detail)
        }
    })?;
    private_files(&sdk_dir);
    // A new device has a new, empty state store.
    let fresh_state = record.device_id.is_none();

    let mismatch = |found: &str, of: &str| {
        MatrixError::StoreMismatch {
        path: store.clone(),
        detail: format!(
            "its crypto store belongs to device {}, but {of} is for device {found}",
            record.device_id.as_deref().unwrap_or("?")
        ),
        help: format!("use a session of device {}, or move the store folder away and start again (Fyr then makes a new device and restores its keys with recovery-key.txt)", record.device_id.as_deref().unwrap_or("?")),
    }
    };

    let mut said = None;
    match &matrix.login {
        MatrixLogin::AccessToken(secret) => {
            let token = read_secret(secret, "access token")?;
            let source_hint = secret_hint(secret);
            let (user, device) = match whoami(&http, &matrix.homeserver, &token).await? {
                Some(found) => found,
                None => {
                    return Err(MatrixError::TokenRefused {
                        user: matrix.user_id.clone(),
                        source_hint,
                    })
                }
            };
            if user != matrix.user_id {
                return Err(MatrixError::WrongAccount {
                    user: matrix.user_id.clone(),
                    found: user,
                    source_hint,
                });
            }
            if record.device_id.as_ref().is_some_and(|d| *d != device) {
                return Err(mismatch(&device, "the access token"));
            }
            restore(&client, &matrix.user_id, &device, token, store).await?;
            record.device_id = Some(device);
        }
        MatrixLogin::Password(secret) => {
            let saved = match std::fs::read_to_string(&session_file) {
                Ok(text) => Some(serde_json::from_str::<MatrixSession>(&text).map_err(|e| {
                    MatrixError::Files {
                        path: session_file.clone(),
                        detail: e.to_string(),
                    }
                })?),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => return Err(files(&session_file)(e)),
            };
            let mut restored = false;
            if let Some(session) = saved {
                let device = session.meta.device_id.to_string();
                if record.device_id.as_ref().is_some_and(|d| *d != device) {
                    return Err(mismatch(&device, "session.json"));
                }
                let token = session.tokens.access_token.clone();
                if whoami(&http, &matrix.homeserver, &token).await?.is_some() {
                    restore(&client, &matrix.user_id, &device, token, store).await?;
                    record.device_id = Some(device);
                    restored = true;
                } else {
                    said = Some(format!(
                        "the homeserver no longer accepts the saved access token of device {device} (it was logged out); logging in again with the password"
                    ));
                    remove_file(&session_file)?;
                }
            } else if let Some(device) = &record.device_id {
                said = Some(format!(
                    "session.json is missing; logging in again with the password as the recorded device {device}"
                ));
            }
            if !restored {
                let password = read_secret(secret, "password")?;
                let mut login = client
                    .matrix_auth()
                    .login_username(&matrix.user_id, &password)
                    .initial_device_display_name("Fyr");
                if let Some(device) = &record.device_id {
                    login = login.device_id(device);
                }
                login
                    .await
                    .map_err(|e| login_error(e, matrix, secret, store))?;
                let session = client
                    .matrix_auth()
                    .session()
                    .ok_or_else(|| MatrixError::Sdk("no session after login".into()))?;
                write_private(
                    &session_file,
                    &serde_json::to_string(&session).map_err(sdk)?,
                )?;
                let reused = record.device_id.is_some();
                record.device_id = Some(session.meta.device_id.to_string());
                if reused {
                    republish_device_keys(&client).await?;
                }
            }
        }
    }
    record.write(store)?;
    if let Some(said) = said {
        tracing::warn!(target: "fyr::status", "Matrix: {said}");
    }

    if migrating {
        // The old store's keys, imported before the first sync as the SDK asks.
        let took_keys = match &carried {
            Some(bundle) => match client.encryption().import_secrets_bundle(bundle).await {
                Ok(()) => true,
                Err(e) => {
                    tracing::warn!("the old store's keys could not be imported: {e}");
                    false
                }
            },
            None => false,
        };
        migrate_finish(&client, matrix, took_keys, old_device, &plain_dir).await?;
    } else if fresh_state {
        recover_new_device(&client, store).await;
    }
    Ok(Connected {
        client,
        fresh_state,
    })
}

/// Use a session (from session.json or an access token) on the client.
async fn restore(
    client: &Client,
    user: &str,
    device: &str,
    access_token: String,
    store: &Path,
) -> Result<(), MatrixError> {
    let user_id = UserId::parse(user).map_err(sdk)?;
    let session = MatrixSession {
        meta: SessionMeta {
            user_id,
            device_id: OwnedDeviceId::from(device),
        },
        tokens: SessionTokens {
            access_token,
            refresh_token: None,
        },
    };
    client
        .restore_session(session)
        .await
        .map_err(|e| store_error(e, store))
}

/// The SDK's "the account in the store does not match" is the operator's store mismatch.
fn store_error(e: matrix_sdk::Error, store: &Path) -> MatrixError {
    let detail = e.to_string();
    if detail.contains("match") {
        MatrixError::StoreMismatch {
            path: store.to_path_buf(),
            detail,
            help: "point `store` in [matrix] at this account's own folder, or move the folder away and start again (a new device; its keys come back from recovery-key.txt)".into(),
        }
    } else {
        sdk(detail)
    }
}

fn login_error(
    e: matrix_sdk::Error,
    matrix: &MatrixConfig,
    secret: &Secret,
    store: &Path,
) -> MatrixError {
    let refused = e
        .as_client_api_error()
        .is_some_and(|api| api.status_code.as_u16() == 403 || api.status_code.as_u16() == 401);
    if refused {
        MatrixError::Login {
            user: matrix.user_id.clone(),
            detail: e.to_string(),
            source_hint: secret_hint(secret),
        }
    } else {
        store_error(e, store)
    }
}

fn secret_hint(secret: &Secret) -> String {
    match secret {
        Secret::Env(name) => format!("${name}"),
        Secret::File(path) => path.display().to_string(),
    }
}

fn read_secret(secret: &Secret, what: &'static str) -> Result<String, MatrixError> {
    secret.read().map_err(|detail| MatrixError::Secret {
        what,
        detail,
        help: match secret {
            Secret::Env(name) => format!("set {name} in the environment Fyr runs in (e.g. EnvironmentFile= in its systemd unit)"),
            Secret::File(path) => format!("write it into {} (readable only by Fyr's user)", path.display()),
        },
    })
}

fn remove_file(path: &Path) -> Result<(), MatrixError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(files(path)(e)),
        _ => Ok(()),
    }
}

/// Ask the homeserver for its versions before anything else, so each way a wrong
/// `homeserver` fails gets its own message.
async fn probe(url: &str) -> Result<matrix_sdk::reqwest::Client, MatrixError> {
    let parsed = matrix_sdk::reqwest::Url::parse(url).map_err(|e| MatrixError::BadUrl {
        url: url.to_string(),
        detail: e.to_string(),
    })?;
    let host = parsed.host_str().unwrap_or_default().to_string();
    let http = matrix_sdk::reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .map_err(sdk)?;
    let versions = format!("{}/_matrix/client/versions", url.trim_end_matches('/'));
    let response = http.get(&versions).send().await.map_err(|e| {
        let mut chain = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            chain.push_str(": ");
            chain.push_str(&s.to_string());
            source = s.source();
        }
        let lower = chain.to_lowercase();
        if lower.contains("dns error") || lower.contains("failed to lookup address") {
            MatrixError::Dns { host }
        } else if lower.contains("connection refused") {
            MatrixError::Refused {
                url: url.to_string(),
            }
        } else if lower.contains("invalidcontenttype")
            || lower.contains("corrupt message")
            || lower.contains("wrong version number")
            || lower.contains("invalidmessage")
        {
            MatrixError::NotTls {
                url: url.to_string(),
            }
        } else if lower.contains("certificate") {
            MatrixError::Certificate {
                url: url.to_string(),
                detail: chain,
            }
        } else {
            MatrixError::Unreachable {
                url: url.to_string(),
                detail: chain,
            }
        }
    })?;
    let status = response.status();
    let body = response.bytes().await.unwrap_or_default();
    let is_matrix = status.is_success()
        && serde_json::from_slice::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v.get("versions").map(|v| v.is_array()))
            .unwrap_or(false);
    if !is_matrix {
        return Err(MatrixError::NotMatrix {
            url: url.to_string(),
            detail: format!("GET /_matrix/client/versions answered {status}"),
        });
    }
    Ok(http)
}

/// Whom an access token belongs to: `(user, device)`, or None if the homeserver does not
/// accept it (401).
async fn whoami(
    http: &matrix_sdk::reqwest::Client,
    url: &str,
    token: &str,
) -> Result<Option<(String, String)>, MatrixError> {
    let endpoint = format!(
        "{}/_matrix/client/v3/account/whoami",
        url.trim_end_matches('/')
    );
    let response = http
        .get(&endpoint)
        .bearer_auth(token)
        .send()
        .await
        .map_err(|e| MatrixError::Unreachable {
            url: url.to_string(),
            detail: e.to_string(),
        })?;
    if response.status().as_u16() == 401 {
        return Ok(None);
    }
    let status = response.status();
    let body = response.bytes().await.unwrap_or_default();
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    match (body["user_id"].as_str(), body["device_id"].as_str()) {
        (Some(user), Some(device)) if status.is_success() => {
            Ok(Some((user.to_string(), device.to_string())))
        }
        _ => Err(MatrixError::Sdk(format!(
            "whoami answered {status} without a user and device"
        ))),
    }
}

/// After logging in again as a device the homeserver had deleted (a logout removes the
/// device and its keys), publish the device's keys again: they are the same keys, so
/// people's clients keep trusting it.
async fn republish_device_keys(client: &Client) -> Result<(), MatrixError> {
    use matrix_sdk::ruma::api::client::keys::{get_keys, upload_keys};
    client
        .encryption()
        .wait_for_e2ee_initialization_tasks()
        .await;
    let (Some(user), Some(device)) = (client.user_id(), client.device_id()) else {
        return Ok(());
    };
    let mut query = get_keys::v3::Request::new();
    query
        .device_keys
        .insert(user.to_owned(), vec![device.to_owned()]);
    let known = client.send(query).await.map_err(sdk)?;
    let published = known
        .device_keys
        .get(user)
        .is_some_and(|devices| devices.contains_key(device));
    if published {
        return Ok(());
    }
    let Some(own) = client.encryption().get_own_device().await.map_err(sdk)? else {
        return Ok(());
    };
    let keys = matrix_sdk::ruma::serde::Raw::from_json(
        serde_json::value::to_raw_value(own.as_device_keys()).map_err(sdk)?,
    );
    let mut upload = upload_keys::v3::Request::new();
    upload.device_keys = Some(keys);
    client.send(upload).await.map_err(sdk)?;
    tracing::warn!(
        target: "fyr::status",
        "Matrix: device {device} had been removed on the homeserver; its keys are published again"
    );
    Ok(())
}

/// The end of a migration from an unencrypted store: the new device takes over the old
/// store's cross-signing and backup keys (or, without them, the recovery key's), the old
/// device is removed from the account, and the old store is deleted.
async fn migrate_finish(
    client: &Client,
    matrix: &MatrixConfig,
    took_keys: bool,
    old_device: Option<OwnedDeviceId>,
    plain_dir: &Path,
) -> Result<(), MatrixError> {
    let new_device = client
        .device_id()
        .map_or_else(String::new, ToString::to_string);
    if !took_keys {
        recover_new_device(client, &matrix.store).await;
    }
    if let (Some(old), MatrixLogin::Password(secret)) = (&old_device, &matrix.login) {
        if let Err(e) = delete_device(client, &matrix.user_id, secret, old).await {
            tracing::warn!("the old device {old} could not be removed: {e}");
        }
    }
    std::fs::remove_dir_all(plain_dir).map_err(files(plain_dir))?;
    tracing::warn!(
        target: "fyr::status",
        "Matrix: the crypto store was unencrypted (made by an older Fyr); it is now encrypted with a key derived from the data folder's key. Its keys cannot be carried over, so Fyr is now device {new_device}{}{}; people may see that Fyr has a new device",
        old_device.as_ref().map_or_else(String::new, |d| format!(" (device {d} was removed)")),
        if took_keys { ", signed with the old store's cross-signing keys" } else { "" },
    );
    Ok(())
}

async fn delete_device(
    client: &Client,
    user: &str,
    secret: &Secret,
    device: &OwnedDeviceId,
) -> Result<(), MatrixError> {
    let devices = [device.clone()];
    match client.delete_devices(&devices, None).await {
        Ok(_) => Ok(()),
        Err(e) => {
            let Some(info) = e.as_uiaa_response() else {
                return Err(sdk(e));
            };
            let password = read_secret(secret, "password")?;
            let mut auth = uiaa::Password::new(
                uiaa::UserIdentifier::Matrix(uiaa::MatrixUserIdentifier::new(user.to_string())),
                password,
            );
            auth.session = info.session.clone();
            client
                .delete_devices(&devices, Some(uiaa::AuthData::Password(auth)))
                .await
                .map(|_| ())
                .map_err(sdk)
        }
    }
}

/// A new device for an account that already has cross-signing (a new machine, a lost store):
/// the recovery key written at the first start restores the cross-signing keys (so people's
/// clients trust the device) and the key backup.
async fn recover_new_device(client: &Client, store: &Path) {
    let key_file = store.join("recovery-key.txt");
    let Ok(key) = std::fs::read_to_string(&key_file) else {
        return;
    };
    client
        .encryption()
        .wait_for_e2ee_initialization_tasks()
        .await;
    let recovery = client.encryption().recovery();
    match tokio::time::timeout(Duration::from_secs(120), recovery.recover(key.trim())).await {
        Ok(Ok(())) => tracing::warn!(
            target: "fyr::status",
            "Matrix: new device restored with the recovery key in {}",
            key_file.display()
        ),
        Ok(Err(e)) => tracing::warn!(
            "the recovery key in {} did not restore this device: {e}",
            key_file.display()
        ),
        Err(_) => tracing::warn!("restoring with the recovery key did not finish in time"),
    }
}

/// Make a folder (or keep it) readable by its owner only.
fn private_dir(path: &Path) -> Result<(), MatrixError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(path).map_err(files(path))?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))
            .map_err(files(path))?;
    }
    #[cfg(not(unix))]
    builder.create(path).map_err(files(path))?;
    Ok(())
}

/// Refuse a store other users can read: it holds the keys of Fyr's device. (A folder without
/// a crypto store yet holds nothing secret; it is made private below.)
fn refuse_exposed(store: &Path) -> Result<(), MatrixError> {
    #[cfg(unix)]
    if store.join("sdk").exists() {
        use std::os::unix::fs::PermissionsExt;
        let mut paths = vec![store.to_path_buf()];
        for dir in [store.to_path_buf(), store.join("sdk")] {
            if let Ok(entries) = std::fs::read_dir(&dir) {
                paths.extend(entries.flatten().map(|e| e.path()));
            }
        }
        for path in paths {
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                return Err(MatrixError::Exposed {
                    path,
                    mode,
                    store: store.to_path_buf(),
                });
            }
        }
    }
    let _ = store;
    Ok(())
}

/// Write a file readable by its owner only.
fn write_private(path: &Path, contents: &str) -> Result<(), MatrixError> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(files(path))?;
    file.write_all(contents.as_bytes()).map_err(files(path))?;
    file.sync_all().map_err(files(path))
}

/// Make the SDK's files readable by their owner only (sqlite makes its -wal and -shm files
/// with the database's mode, so this is needed once per file).
fn private_files(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_file() {
                    let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
                }
            }
        }
    }
    let _ = dir;
}

/// On the first start, enable key backup and secret storage and write the recovery key once.
async fn ensure_recovery(client: &Client, store: &Path) -> Result<(), MatrixError> {
    let key_file = store.join("recovery-key.txt");
    if key_file.exists() {
        tracing::info!("recovery is set up");
        return Ok(());
    }
    // Let the SDK finish its own start-up work (cross-signing bootstrap) first: enabling
    // recovery while that still runs can stall.
    client
        .encryption()
        .wait_for_e2ee_initialization_tasks()
        .await;
    let mut tries = 0;
    let key = loop {
        // The SDK may be creating the key backup itself at this moment (auto_enable_backups):
        // enabling recovery then fails with "a backup exists"; let it finish and try again.
        let backups = client.encryption().backups();
        for _ in 0..40 {
            if backups.are_enabled().await
                || !backups.fetch_exists_on_server().await.unwrap_or(false)
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        match client.encryption().recovery().enable().await {
            Ok(key) => break key,
            Err(matrix_sdk::encryption::recovery::RecoveryError::BackupExistsOnServer)
                if tries < 3 =>
            {
                tries += 1;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Err(e) => return Err(sdk(e)),
        }
    };
    write_private(&key_file, &format!("{key}\n"))?;
    tracing::info!("recovery key written");
    eprintln!(
        "Fyr's Matrix recovery key was written to {} (readable only by you). Back it up: it \
         restores Fyr's encryption keys on a new device.",
        key_file.display()
    );
    Ok(())
}

/// The tag of each message Fyr sent with options, by its event id: a number reaction counts
/// for the message it reacts to, and only while that is the open question (bounded: the
/// oldest go first).
#[derive(Clone, Default)]
struct Questions(Arc<std::sync::Mutex<std::collections::VecDeque<(OwnedEventId, String)>>>);

impl Questions {
    const KEEP: usize = 4096;

    fn remember(&self, event: OwnedEventId, tag: &str) {
        let mut q = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if q.len() >= Self::KEEP {
            q.pop_front();
        }
        q.push_back((event, tag.to_string()));
    }

    /// The tag of the message `event`, or "" for a message Fyr sent no options with.
    fn tag_of(&self, event: &EventId) -> String {
        let q = self.0.lock().unwrap_or_else(|p| p.into_inner());
        q.iter()
            .rev()
            .find(|(e, _)| e == event)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    }
}

/// The handlers only look up who wrote and forward into the driver channel.
fn register_handlers(
    client: &Client,
    config: Arc<Config>,
    tx: mpsc::Sender<Envelope>,
    adapter: usize,
    questions: Questions,
) {
    let own = client.user_id().map(ToOwned::to_owned);
    let envelope = move |via: &Room, from: Sender, what: What| Envelope {
        adapter,
        via: via.room_id().to_string(),
        from,
        what,
    };
    // Senders are looked up in the configuration as it is now (a reload adds people).
    let sender = |config: &Config, user: &UserId| {
        let live = crate::config::current();
        let config = live.as_deref().unwrap_or(config);
        match config.person_by_matrix(user.as_str()) {
            Some(p) => Sender::Person(p.id.clone()),
            None => Sender::Stranger,
        }
    };
    let (c, t, me) = (config.clone(), tx.clone(), own.clone());
    client.add_event_handler(
        move |ev: OriginalSyncRoomMessageEvent, room: Room, client: Client| {
            let (config, tx, me) = (c.clone(), t.clone(), me.clone());
            async move {
                if Some(&ev.sender) == me.as_ref() || room.state() != RoomState::Joined {
                    return;
                }
                let limit = config.max_file_bytes;
                let what = match ev.content.msgtype {
                    MessageType::Text(text) => What::Text(text.body),
                    // Files and pictures are downloaded (and decrypted) for the evidence.
                    MessageType::Image(c) => {
                        let size = c.info.as_ref().and_then(|i| i.size).map(u64::from);
                        download(&client, &c, c.filename(), size, limit).await
                    }
                    MessageType::File(c) => {
                        let size = c.info.as_ref().and_then(|i| i.size).map(u64::from);
                        download(&client, &c, c.filename(), size, limit).await
                    }
                    MessageType::Video(_) | MessageType::Audio(_) => What::Attachment,
                    // Notices come from bots; emotes and the rest are not answers.
                    _ => return,
                };
                let envelope = envelope(&room, sender(&config, &ev.sender), what);
                // Only in a room with exactly the person and Fyr, and encrypted: else Fyr
                // leaves (and tells them why in a new DM), or turns encryption on first. The
                // usual case is decided here, in order; turning encryption on waits for a
                // sync, so it runs beside the sync loop.
                if private_partner(&room).await.is_some() && room.encryption_state().is_encrypted()
                {
                    let _ = tx.send(envelope);
                    return;
                }
                tokio::spawn(async move {
                    if keep_private(&client, &room, &config).await {
                        let _ = tx.send(envelope);
                    }
                });
            }
        },
    );
    let (c, me) = (config.clone(), own.clone());
    client.add_event_handler(
        move |ev: OriginalSyncRoomMemberEvent, room: Room, client: Client| {
            let (config, me) = (c.clone(), me.clone());
            async move {
                // Someone else joins or is invited into a room Fyr talks in: Fyr leaves it.
                let joining = matches!(
                    ev.content.membership,
                    MembershipState::Join | MembershipState::Invite
                );
                if !joining
                    || Some(&ev.state_key) == me.as_ref()
                    || room.state() != RoomState::Joined
                {
                    return;
                }
                tokio::spawn(async move {
                    keep_private(&client, &room, &config).await;
                });
            }
        },
    );
    let (c, t, me) = (config.clone(), tx.clone(), own);
    client.add_event_handler(move |ev: OriginalSyncReactionEvent, room: Room| {
        let (config, tx, me) = (c.clone(), t.clone(), me.clone());
        let questions = questions.clone();
        async move {
            if Some(&ev.sender) == me.as_ref() {
                return;
            }
            let live = crate::config::current();
            let Some(person) = live
                .as_deref()
                .unwrap_or(&config)
                .person_by_matrix(ev.sender.as_str())
            else {
                return;
            };
            if let Some(number) = reaction_number(&ev.content.relates_to.key) {
                // Bound to the message reacted to: one on an older message is an earlier
                // question, never an answer to the open one.
                let from = Sender::Person(person.id.clone());
                let tag = questions.tag_of(&ev.content.relates_to.event_id);
                let what = What::Choice {
                    n: number,
                    tag,
                    verdict: None,
                };
                if private_partner(&room).await.is_some() {
                    let _ = tx.send(envelope(&room, from, what));
                }
            }
        }
    });
    let invites = config.clone();
    let (c, t) = (config, tx);
    client.add_event_handler(move |ev: OriginalSyncRoomEncryptedEvent, room: Room| {
        let (config, tx) = (c.clone(), t.clone());
        async move {
            let live = crate::config::current();
            let now = live.as_deref().unwrap_or(&config);
            if let Some(person) = now.person_by_matrix(ev.sender.as_str()) {
                let from = Sender::Person(person.id.clone());
                let _ = tx.send(envelope(&room, from, What::Undecryptable));
            }
        }
    });
    client.add_event_handler(
        move |ev: StrippedRoomMemberEvent, room: Room, client: Client| {
            let config_for_invites = invites.clone();
            async move {
                let me = client.user_id().map(ToOwned::to_owned);
                if Some(&ev.state_key) != me.as_ref()
                    || ev.content.membership != MembershipState::Invite
                {
                    return;
                }
                // Fyr talks only in private. Anyone may open a direct message (someone not in bot.toml
                // is told politely whom Fyr serves); group rooms are declined.
                if ev.content.is_direct.unwrap_or(false) {
                    if let Err(e) = room.join().await {
                        tracing::warn!("could not join a direct message: {e}");
                        return;
                    }
                    // A "direct message" with anyone else in it is not private: Fyr leaves.
                    let config = config_for_invites.clone();
                    tokio::spawn(async move {
                        keep_private(&client, &room, &config).await;
                    });
                } else {
                    tracing::info!("declining an invite to a group room");
                    let _ = room.leave().await;
                }
            }
        },
    );
}

/// The one other member of `room` (joined or invited), if Fyr shares it with exactly one
/// person; None for a room with anyone else in it (or whose members cannot be read).
async fn private_partner(room: &Room) -> Option<OwnedUserId> {
    use matrix_sdk::RoomMemberships;
    let me = room.client().user_id()?.to_owned();
    let members = room
        .members(RoomMemberships::JOIN | RoomMemberships::INVITE)
        .await
        .ok()?;
    let others: Vec<OwnedUserId> = members
        .iter()
        .map(|m| m.user_id().to_owned())
        .filter(|u| *u != me)
        .collect();
    match others.as_slice() {
        [one] if members.len() == 2 => Some(one.clone()),
        _ => None,
    }
}

/// Whether `room` is encrypted: Fyr's cached state when it says so (encryption cannot be
/// turned off), else the homeserver's.
async fn is_encrypted(room: &Room) -> bool {
    room.encryption_state().is_encrypted()
        || room
            .latest_encryption_state()
            .await
            .map(|s| s.is_encrypted())
            .unwrap_or(false)
}

/// Whether `room` is joined, has exactly Fyr and `person` in it, and is encrypted.
async fn is_private_with(room: &Room, person: &UserId) -> bool {
    room.state() == RoomState::Joined
        && private_partner(room).await.as_deref() == Some(person)
        && is_encrypted(room).await
}

/// Make sure Fyr may talk in `room`: exactly the person and Fyr, and encrypted. A room with
/// anyone else in it is left, and every person from bot.toml in it is told why in a new DM; a
/// private room without encryption gets it turned on (or, if that fails, Fyr does not answer
/// there). True when Fyr may answer in the room.
async fn keep_private(client: &Client, room: &Room, config: &Config) -> bool {
    if room.state() != RoomState::Joined {
        return false;
    }
    if private_partner(room).await.is_none() {
        tracing::info!("leaving a room that has someone else in it: Fyr talks only one to one");
        leave_and_explain(client, room, config, "matrix-left-shared-room").await;
        return false;
    }
    if is_encrypted(room).await {
        return true;
    }
    tracing::info!("a direct message without encryption: turning it on before answering");
    match room.enable_encryption().await {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!("encryption could not be turned on in a direct message (so Fyr leaves it and opens an encrypted one): {e}");
            leave_and_explain(client, room, config, "matrix-left-unencrypted").await;
            false
        }
    }
}

/// Rooms Fyr is leaving now (several membership events can ask at once: told once).
static LEAVING: std::sync::Mutex<Vec<OwnedRoomId>> = std::sync::Mutex::new(Vec::new());

/// Leave a room Fyr may not talk in, and tell the people from bot.toml in it why (`why`, a
/// Fluent id), each in a new encrypted DM.
async fn leave_and_explain(client: &Client, room: &Room, config: &Config, why: &'static str) {
    use matrix_sdk::RoomMemberships;
    {
        let mut leaving = LEAVING.lock().unwrap_or_else(|p| p.into_inner());
        if leaving.iter().any(|r| r == room.room_id()) {
            return;
        }
        leaving.push(room.room_id().to_owned());
    }
    let me = client.user_id().map(ToOwned::to_owned);
    let people: Vec<OwnedUserId> = room
        .members(RoomMemberships::JOIN | RoomMemberships::INVITE)
        .await
        .unwrap_or_default()
        .iter()
        .map(|m| m.user_id().to_owned())
        .filter(|u| Some(u) != me.as_ref())
        .collect();
    if let Err(e) = room.leave().await {
        tracing::warn!("could not leave a shared room: {e}");
    }
    let Ok(localizer) = crate::i18n::Localizer::new() else {
        return;
    };
    for user in people {
        let Some(person) = config.person_by_matrix(user.as_str()) else {
            continue;
        };
        let text = localizer.text(person.language, &crate::engine::Msg::new(why));
        match client.create_dm(&user).await {
            Ok(dm) => {
                if let Err(e) = dm.send(RoomMessageEventContent::notice_plain(text)).await {
                    tracing::warn!("could not say why Fyr left a shared room: {e}");
                }
            }
            Err(e) => tracing::warn!("could not open a new DM after leaving a shared room: {e}"),
        }
    }
    LEAVING
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .retain(|r| r != room.room_id());
}

/// Fetch an attachment's content (decrypted by the SDK), within the size limit.
async fn download(
    client: &Client,
    content: &impl matrix_sdk::media::MediaEventContent,
    name: &str,
    size: Option<u64>,
    limit: u64,
) -> What {
    if size.is_some_and(|s| s > limit) {
        return What::FileTooBig;
    }
    match client.media().get_file(content, false).await {
        Ok(Some(bytes)) if bytes.len() as u64 <= limit => What::File {
            name: name.to_string(),
            bytes,
        },
        Ok(Some(_)) => What::FileTooBig,
        Ok(None) | Err(_) => {
            tracing::warn!("an attachment could not be downloaded");
            What::Attachment
        }
    }
}

/// "1️⃣" → 1, "🔟" → 10.
fn reaction_number(key: &str) -> Option<u32> {
    if key == "🔟" {
        return Some(10);
    }
    let digit = key.chars().next()?.to_digit(10)?;
    let rest: String = key.chars().skip(1).collect();
    (rest.is_empty() || rest == "\u{fe0f}\u{20e3}" || rest == "\u{20e3}").then_some(digit)
}

/// What to do when the homeserver stops accepting Fyr's access token.
struct Revoked {
    session_file: PathBuf,
    /// Logged in with an access token from the operator (no password to log in again with).
    token: bool,
    fatal: UnboundedSender<String>,
}

/// Sync forever; when the homeserver is unreachable, wait and try again, longer each time. A
/// revoked access token stops Fyr with a message instead: it would otherwise sync nothing.
async fn sync_loop(client: Client, revoked: Revoked) {
    let mut wait = Duration::from_secs(1);
    let mut limited = false;
    loop {
        let settings = SyncSettings::default().timeout(Duration::from_secs(30));
        match client.sync_once(settings).await {
            Ok(_) => {
                wait = Duration::from_secs(1);
                limited = false;
            }
            Err(e) => {
                match e.client_api_error_kind() {
                    Some(ErrorKind::UnknownToken(_)) => {
                        let device = client
                            .device_id()
                            .map_or_else(String::new, ToString::to_string);
                        let why = if revoked.token {
                            format!("the homeserver revoked Fyr's Matrix access token (device {device} was logged out)\n  help: make a new access token for the bot account, put it where access_token_env or access_token_file says, and start Fyr again")
                        } else {
                            let _ = std::fs::remove_file(&revoked.session_file);
                            format!("the homeserver revoked Fyr's Matrix access token (device {device} was logged out, or the password was changed)\n  help: start Fyr again: it logs in with the configured password as the same device {device}")
                        };
                        let _ = revoked.fatal.send(why);
                        return;
                    }
                    Some(ErrorKind::LimitExceeded(_)) if !limited => {
                        limited = true;
                        tracing::warn!(
                            target: "fyr::status",
                            "Matrix: the homeserver is rate-limiting Fyr (see README: exempt the bot account)"
                        );
                    }
                    _ => tracing::warn!("homeserver unreachable, retrying in {wait:?}: {e}"),
                }
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(60));
            }
        }
    }
}

/// Sends to people's direct-message rooms, from the service's delivery queues.
struct MatrixOutlet {
    handle: Handle,
    client: Client,
    rooms: std::sync::Mutex<HashMap<String, OwnedRoomId>>,
    /// When Fyr last said that the homeserver rate-limits it (at most once a minute).
    rate_limited: std::sync::Mutex<Option<std::time::Instant>>,
    /// Messages sent with options, for reactions.
    questions: Questions,
}

impl MatrixOutlet {
    /// The person's direct-message room: an existing DM that is still private (Fyr and them
    /// alone, encrypted), else a new encrypted DM.
    fn room_for(&self, user: &str) -> Result<Room, String> {
        let user_id: OwnedUserId = UserId::parse(user).map_err(|e| e.to_string())?;
        let cached = self
            .rooms
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(user)
            .and_then(|id| self.client.get_room(id));
        let client = self.client.clone();
        let room = self.handle.block_on(async move {
            for room in cached.into_iter().chain(client.get_dm_room(&user_id)) {
                if is_private_with(&room, &user_id).await {
                    return Ok(room);
                }
            }
            client.create_dm(&user_id).await.map_err(|e| e.to_string())
        })?;
        self.rooms
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(user.to_string(), room.room_id().to_owned());
        Ok(room)
    }

    /// Upload a file into the room (encrypted, as every message in a DM is).
    fn attach(&self, room: &Room, file: &crate::export::ExportFile) -> Result<(), String> {
        // Never in clear: an export or evidence goes only into an encrypted room.
        let encrypted = self.handle.block_on(async { is_encrypted(room).await });
        if !encrypted {
            return Err("a file was not sent: the room is not encrypted".to_string());
        }
        let kind = match file.name.rsplit('.').next() {
            Some("pdf") => mime::APPLICATION_PDF,
            Some("json") => mime::APPLICATION_JSON,
            Some("zip") => "application/zip"
                .parse()
                .unwrap_or(mime::APPLICATION_OCTET_STREAM),
            _ => mime::APPLICATION_OCTET_STREAM,
        };
        self.handle.block_on(async {
            room.send_attachment(
                file.name.clone(),
                &kind,
                file.bytes.clone(),
                matrix_sdk::attachment::AttachmentConfig::new(),
            )
            .into_future()
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
        })
    }

    /// Send a notice. When the homeserver rate-limits Fyr, wait as long as it asks and send
    /// again, saying so in the log at most once a minute (no names, no text); with the same
    /// transaction id, so the message is shown once.
    fn send_in(
        &self,
        room: &Room,
        text: String,
        key: Option<&str>,
    ) -> Result<OwnedEventId, String> {
        use matrix_sdk::config::RequestConfig;
        use matrix_sdk::ruma::api::error::RetryAfter;
        let content = RoomMessageEventContent::notice_plain(text);
        let txn = key.map_or_else(matrix_sdk::ruma::TransactionId::new, |k| {
            OwnedTransactionId::from(k.replace('/', "."))
        });
        self.handle.block_on(async {
            loop {
                let sent = room
                    .send(content.clone())
                    .with_transaction_id(txn.clone())
                    // Fyr handles the homeserver's rate limit itself (below), to report it.
                    .with_request_config(RequestConfig::default().retry_limit(0))
                    .into_future()
                    .await;
                let e = match sent {
                    Ok(sent) => return Ok(sent.response.event_id),
                    Err(e) => e,
                };
                let Some(ErrorKind::LimitExceeded(limit)) = e.client_api_error_kind() else {
                    return Err(e.to_string());
                };
                let wait = match &limit.retry_after {
                    Some(RetryAfter::Delay(d)) => *d,
                    Some(RetryAfter::DateTime(at)) => at
                        .duration_since(std::time::SystemTime::now())
                        .unwrap_or_default(),
                    None => Duration::from_secs(1),
                }
                .clamp(Duration::from_millis(100), Duration::from_secs(60));
                let said = {
                    let mut last = self.rate_limited.lock().unwrap_or_else(|p| p.into_inner());
                    let due = last.is_none_or(|at| at.elapsed() >= Duration::from_secs(60));
                    if due {
                        *last = Some(std::time::Instant::now());
                    }
                    due
                };
                if said {
                    tracing::warn!(
                        target: "fyr::status",
                        "Matrix: the homeserver is rate-limiting Fyr's messages (waiting {wait:?}); answers are delayed: exempt the bot account (README, \"Setting up the bot account\")"
                    );
                }
                tokio::time::sleep(wait).await;
            }
        })
    }
}

impl Outlet for MatrixOutlet {
    fn reaches(&self, person: &Person) -> bool {
        person.matrix.is_some()
    }

    fn platform(&self) -> &'static str {
        "matrix"
    }

    fn send(
        &self,
        to: &Person,
        via: Option<&str>,
        message: &Rendered,
        key: Option<&str>,
        tag: Option<&str>,
    ) -> Result<(), String> {
        let partner = to.matrix.as_deref().and_then(|u| UserId::parse(u).ok());
        let via_room = via
            .and_then(|v| RoomId::parse(v).ok())
            .and_then(|id| self.client.get_room(&id))
            .filter(|room| {
                partner
                    .as_ref()
                    .is_some_and(|p| self.handle.block_on(is_private_with(room, p)))
            });
        let room = match via_room {
            Some(room) => room,
            None => {
                let user = to
                    .matrix
                    .clone()
                    .ok_or_else(|| format!("{} has no Matrix id", to.id))?;
                self.room_for(&user)?
            }
        };
        let event = self.send_in(&room, message.numbered(), key)?;
        if let Some(tag) = tag {
            self.questions.remember(event, tag);
        }
        for file in &message.files {
            self.attach(&room, file)?;
        }
        Ok(())
    }

    fn max_attachment_bytes(&self) -> u64 {
        // Synapse's default upload limit is 50 MB; stay well under it.
        25 * 1024 * 1024
    }

    fn send_text(&self, via: &str, text: &str) -> Result<(), String> {
        let room = RoomId::parse(via)
            .ok()
            .and_then(|id| self.client.get_room(&id))
            .ok_or_else(|| "unknown room".to_string())?;
        self.send_in(&room, text.to_string(), None).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_reactions() {
        assert_eq!(reaction_number("1\u{fe0f}\u{20e3}"), Some(1));
        assert_eq!(reaction_number("3\u{20e3}"), Some(3));
        assert_eq!(reaction_number("🔟"), Some(10));
        assert_eq!(reaction_number("👍"), None);
        assert_eq!(reaction_number("12"), None);
    }
}
