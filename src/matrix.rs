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
use matrix_sdk::ruma::events::reaction::OriginalSyncReactionEvent;
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::member::{MembershipState, StrippedRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedRoomId, OwnedTransactionId, OwnedUserId, RoomId, UserId};
use matrix_sdk::{Client, Room, RoomState};
use thiserror::Error;
use tokio::runtime::Handle;

use crate::config::{Config, MatrixConfig, Person};
use crate::i18n::Rendered;
use crate::service::{Envelope, From, Outlet, What};

#[derive(Debug, Error)]
pub enum MatrixError {
    #[error("bot.toml has no [matrix] section\n  help: add [matrix] with homeserver, user_id and password_env (see README)")]
    NotConfigured,
    #[error("cannot read the Matrix password: {0}")]
    Secret(String),
    #[error("the homeserver refused the login for {user}: {detail}\n  help: check user_id and the password in {source_hint}")]
    Login {
        user: String,
        detail: String,
        source_hint: String,
    },
    #[error("Matrix: {0}")]
    Sdk(String),
    #[error("cannot use {path}: {detail}")]
    Files { path: PathBuf, detail: String },
}

fn sdk(e: impl std::fmt::Display) -> MatrixError {
    MatrixError::Sdk(e.to_string())
}

/// Connect to Matrix and start syncing; inbound events go to `tx` tagged with `adapter`.
/// Returns the outlet the driver thread sends through.
pub(crate) async fn start(
    config: Arc<Config>,
    tx: mpsc::Sender<Envelope>,
    adapter: usize,
) -> Result<Box<dyn Outlet>, MatrixError> {
    let matrix = config.matrix.clone().ok_or(MatrixError::NotConfigured)?;
    // The first start is the first login: there is no saved session yet.
    let first_start = !matrix.store.join("session.json").exists();
    let client = connect(&matrix).await?;

    // The very first start skips the backlog; after a restart nothing is skipped, so messages
    // sent while Fyr was down are answered.
    if first_start {
        tracing::info!("first start: skipping the backlog");
        client
            .sync_once(SyncSettings::default())
            .await
            .map_err(sdk)?;
    }
    register_handlers(&client, config.clone(), tx, adapter);
    tokio::spawn(sync_loop(client.clone()));
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
    tracing::info!(user = %matrix.user_id, "connected to Matrix");
    Ok(Box::new(MatrixOutlet {
        handle: Handle::current(),
        client,
        rooms: HashMap::new(),
    }))
}

/// Log in once, or restore the saved session so the device stays the same.
async fn connect(matrix: &MatrixConfig) -> Result<Client, MatrixError> {
    let files = |path: &Path, e: std::io::Error| MatrixError::Files {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    std::fs::create_dir_all(&matrix.store).map_err(|e| files(&matrix.store, e))?;
    let client = Client::builder()
        .homeserver_url(&matrix.homeserver)
        .sqlite_store(matrix.store.join("sdk"), None)
        .with_encryption_settings(EncryptionSettings {
            auto_enable_cross_signing: true,
            auto_enable_backups: true,
            ..EncryptionSettings::default()
        })
        .build()
        .await
        .map_err(sdk)?;
    let session_file = matrix.store.join("session.json");
    if let Ok(saved) = std::fs::read_to_string(&session_file) {
        let session: MatrixSession =
            serde_json::from_str(&saved).map_err(|e| MatrixError::Files {
                path: session_file.clone(),
                detail: e.to_string(),
            })?;
        client.restore_session(session).await.map_err(sdk)?;
        return Ok(client);
    }
    let password = matrix.password.read().map_err(MatrixError::Secret)?;
    client
        .matrix_auth()
        .login_username(&matrix.user_id, &password)
        .initial_device_display_name("Fyr")
        .await
        .map_err(|e| MatrixError::Login {
            user: matrix.user_id.clone(),
            detail: e.to_string(),
            source_hint: match &matrix.password {
                crate::config::Secret::Env(name) => format!("${name}"),
                crate::config::Secret::File(path) => path.display().to_string(),
            },
        })?;
    let session = client
        .matrix_auth()
        .session()
        .ok_or_else(|| MatrixError::Sdk("no session after login".into()))?;
    write_private(
        &session_file,
        &serde_json::to_string(&session).map_err(sdk)?,
    )?;
    Ok(client)
}

/// Write a file readable by its owner only.
fn write_private(path: &Path, contents: &str) -> Result<(), MatrixError> {
    use std::io::Write;
    let files = |e: std::io::Error| MatrixError::Files {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(files)?;
    file.write_all(contents.as_bytes()).map_err(files)?;
    file.sync_all().map_err(files)
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
    let key = client.encryption().recovery().enable().await.map_err(sdk)?;
    write_private(&key_file, &format!("{key}\n"))?;
    tracing::info!("recovery key written");
    eprintln!(
        "Fyr's Matrix recovery key was written to {} (readable only by you). Back it up: it \
         restores Fyr's encryption keys on a new device.",
        key_file.display()
    );
    Ok(())
}

/// The handlers only look up who wrote and forward into the driver channel.
fn register_handlers(
    client: &Client,
    config: Arc<Config>,
    tx: mpsc::Sender<Envelope>,
    adapter: usize,
) {
    let own = client.user_id().map(ToOwned::to_owned);
    let envelope = move |via: &Room, from: From, what: What| Envelope {
        adapter,
        via: via.room_id().to_string(),
        from,
        what,
    };
    let sender = |config: &Config, user: &UserId| match config.person_by_matrix(user.as_str()) {
        Some(p) => From::Person(p.id.clone()),
        None => From::Stranger,
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
                let _ = tx.send(envelope(&room, sender(&config, &ev.sender), what));
            }
        },
    );
    let (c, t, me) = (config.clone(), tx.clone(), own);
    client.add_event_handler(move |ev: OriginalSyncReactionEvent, room: Room| {
        let (config, tx, me) = (c.clone(), t.clone(), me.clone());
        async move {
            if Some(&ev.sender) == me.as_ref() {
                return;
            }
            let Some(person) = config.person_by_matrix(ev.sender.as_str()) else {
                return;
            };
            if let Some(number) = reaction_number(&ev.content.relates_to.key) {
                let from = From::Person(person.id.clone());
                let _ = tx.send(envelope(&room, from, What::Text(number.to_string())));
            }
        }
    });
    let (c, t) = (config, tx);
    client.add_event_handler(move |ev: OriginalSyncRoomEncryptedEvent, room: Room| {
        let (config, tx) = (c.clone(), t.clone());
        async move {
            if let Some(person) = config.person_by_matrix(ev.sender.as_str()) {
                let from = From::Person(person.id.clone());
                let _ = tx.send(envelope(&room, from, What::Undecryptable));
            }
        }
    });
    client.add_event_handler(
        |ev: StrippedRoomMemberEvent, room: Room, client: Client| async move {
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
                }
            } else {
                tracing::info!("declining an invite to a group room");
                let _ = room.leave().await;
            }
        },
    );
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

/// Sync forever; when the homeserver is unreachable, wait and try again, longer each time.
async fn sync_loop(client: Client) {
    let mut wait = Duration::from_secs(1);
    loop {
        let settings = SyncSettings::default().timeout(Duration::from_secs(30));
        match client.sync_once(settings).await {
            Ok(_) => wait = Duration::from_secs(1),
            Err(e) => {
                tracing::warn!("homeserver unreachable, retrying in {wait:?}: {e}");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(60));
            }
        }
    }
}

/// Sends to people's direct-message rooms, from the driver thread.
struct MatrixOutlet {
    handle: Handle,
    client: Client,
    rooms: HashMap<String, OwnedRoomId>,
}

impl MatrixOutlet {
    /// The person's direct-message room: an existing DM, else a new encrypted DM.
    fn room_for(&mut self, user: &str) -> Result<Room, String> {
        if let Some(room) = self.rooms.get(user).and_then(|id| self.client.get_room(id)) {
            return Ok(room);
        }
        let user_id: OwnedUserId = UserId::parse(user).map_err(|e| e.to_string())?;
        let client = self.client.clone();
        let room = self.handle.block_on(async move {
            match client.get_dm_room(&user_id) {
                Some(room) => Ok(room),
                None => client.create_dm(&user_id).await.map_err(|e| e.to_string()),
            }
        })?;
        self.rooms
            .insert(user.to_string(), room.room_id().to_owned());
        Ok(room)
    }

    /// Upload a file into the room (encrypted, as every message in a DM is).
    fn attach(&self, room: &Room, file: &crate::export::ExportFile) -> Result<(), String> {
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

    fn send_in(&self, room: &Room, text: String, key: Option<&str>) -> Result<(), String> {
        let content = RoomMessageEventContent::notice_plain(text);
        let txn = key.map(|k| OwnedTransactionId::from(k.replace('/', ".")));
        self.handle.block_on(async {
            let send = room.send(content);
            let send = match txn {
                Some(txn) => send.with_transaction_id(txn),
                None => send,
            };
            send.into_future()
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
    }
}

impl Outlet for MatrixOutlet {
    fn reaches(&self, person: &Person) -> bool {
        person.matrix.is_some()
    }

    fn send(
        &mut self,
        to: &Person,
        via: Option<&str>,
        message: &Rendered,
        key: Option<&str>,
    ) -> Result<(), String> {
        let room = match via
            .and_then(|v| RoomId::parse(v).ok())
            .and_then(|id| self.client.get_room(&id))
        {
            Some(room) => room,
            None => {
                let user = to
                    .matrix
                    .clone()
                    .ok_or_else(|| format!("{} has no Matrix id", to.id))?;
                self.room_for(&user)?
            }
        };
        self.send_in(&room, message.numbered(), key)?;
        for file in &message.files {
            self.attach(&room, file)?;
        }
        Ok(())
    }

    fn max_attachment_bytes(&self) -> u64 {
        // Synapse's default upload limit is 50 MB; stay well under it.
        25 * 1024 * 1024
    }

    fn send_text(&mut self, via: &str, text: &str) -> Result<(), String> {
        let room = RoomId::parse(via)
            .ok()
            .and_then(|id| self.client.get_room(&id))
            .ok_or_else(|| "unknown room".to_string())?;
        self.send_in(&room, text.to_string(), None)
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
