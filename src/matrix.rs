//! The Matrix adapter (cargo feature `matrix`): end-to-end encrypted direct messages through
//! matrix-sdk. Fyr logs in once and keeps its session and crypto store (same device after a
//! restart), sets up cross-signing with a recovery key written once to a 0600 file, and runs
//! its own sync loop around `sync_once` with backoff when the homeserver is down. Event handlers
//! only forward into the driver thread, which owns the engine; replies go out as `m.notice`,
//! notifications from the outbox with their key as the Matrix transaction id, so a retried
//! delivery is shown once.

use std::collections::HashMap;
use std::future::IntoFuture;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::encryption::EncryptionSettings;
use matrix_sdk::ruma::events::reaction::OriginalSyncReactionEvent;
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::member::{MembershipState, StrippedRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedRoomId, OwnedTransactionId, OwnedUserId, UserId};
use matrix_sdk::{Client, Room, RoomState};
use thiserror::Error;
use tokio::runtime::Handle;

use crate::config::{Config, MatrixConfig};
use crate::driver::{Deliver, DeliveryError, Driver, DriverError, RandomCaseIds};
use crate::engine::Msg;
use crate::i18n::{Localizer, Rendered};
use crate::model::{Language, PersonId};
use crate::store::{SledStore, Store};

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

/// What the event handlers pass to the driver thread.
#[derive(Debug)]
enum Inbound {
    /// A message (or a reaction turned into its number) from a person in bot.toml.
    Text {
        person: PersonId,
        room: OwnedRoomId,
        text: String,
    },
    /// Someone not in bot.toml wrote to Fyr.
    Stranger { room: OwnedRoomId },
    /// A message Fyr could not decrypt.
    Undecryptable { person: PersonId, room: OwnedRoomId },
    /// A file or image (kept for the evidence issue; acknowledged now).
    Attachment { person: PersonId, room: OwnedRoomId },
}

/// Run Fyr on Matrix until Ctrl-C.
pub fn run(config: Config, store: SledStore) -> Result<(), MatrixError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(sdk)?;
    runtime.block_on(run_async(config, store))
}

async fn run_async(config: Config, store: SledStore) -> Result<(), MatrixError> {
    let matrix = config.matrix.clone().ok_or(MatrixError::NotConfigured)?;
    // The first start is the first login: there is no saved session yet.
    let first_start = !matrix.store.join("session.json").exists();
    let client = connect(&matrix).await?;
    let config = Arc::new(config);
    let (tx, rx) = mpsc::channel::<Inbound>();

    // The very first start skips the backlog; after a restart nothing is skipped, so messages
    // sent while Fyr was down are answered.
    if first_start {
        tracing::info!("first start: skipping the backlog");
        client
            .sync_once(SyncSettings::default())
            .await
            .map_err(sdk)?;
    }
    ensure_recovery(&client, &matrix.store).await?;
    register_handlers(&client, config.clone(), tx);
    tracing::info!(user = %matrix.user_id, "connected to Matrix");

    let handle = Handle::current();
    let driver_client = client.clone();
    let driver_config = config.clone();
    let driver = std::thread::spawn(move || {
        driver_loop(driver_config, store, driver_client, handle, rx);
    });

    let sync = tokio::spawn(sync_loop(client.clone()));
    tokio::signal::ctrl_c().await.map_err(sdk)?;
    tracing::info!("stopping");
    sync.abort();
    drop(client);
    let _ = driver.join();
    Ok(())
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
        return Ok(());
    }
    let key = client.encryption().recovery().enable().await.map_err(sdk)?;
    write_private(&key_file, &format!("{key}\n"))?;
    eprintln!(
        "Fyr's Matrix recovery key was written to {} (readable only by you). Back it up: it \
         restores Fyr's encryption keys on a new device.",
        key_file.display()
    );
    Ok(())
}

/// The handlers only look up who wrote and forward into the driver channel.
fn register_handlers(client: &Client, config: Arc<Config>, tx: mpsc::Sender<Inbound>) {
    let own = client.user_id().map(ToOwned::to_owned);
    let (c, t, me) = (config.clone(), tx.clone(), own.clone());
    client.add_event_handler(move |ev: OriginalSyncRoomMessageEvent, room: Room| {
        let (config, tx, me) = (c.clone(), t.clone(), me.clone());
        async move {
            if Some(&ev.sender) == me.as_ref() || room.state() != RoomState::Joined {
                return;
            }
            let room_id = room.room_id().to_owned();
            let Some(person) = config.person_by_matrix(ev.sender.as_str()) else {
                let _ = tx.send(Inbound::Stranger { room: room_id });
                return;
            };
            let person = person.id.clone();
            let inbound = match ev.content.msgtype {
                MessageType::Text(text) => Inbound::Text {
                    person,
                    room: room_id,
                    text: text.body,
                },
                MessageType::Image(_)
                | MessageType::File(_)
                | MessageType::Video(_)
                | MessageType::Audio(_) => Inbound::Attachment {
                    person,
                    room: room_id,
                },
                // Notices come from bots; emotes and the rest are not answers.
                _ => return,
            };
            let _ = tx.send(inbound);
        }
    });
    let (c, t, me) = (config.clone(), tx.clone(), own.clone());
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
                let _ = tx.send(Inbound::Text {
                    person: person.id.clone(),
                    room: room.room_id().to_owned(),
                    text: number.to_string(),
                });
            }
        }
    });
    let (c, t) = (config.clone(), tx.clone());
    client.add_event_handler(move |ev: OriginalSyncRoomEncryptedEvent, room: Room| {
        let (config, tx) = (c.clone(), t.clone());
        async move {
            if let Some(person) = config.person_by_matrix(ev.sender.as_str()) {
                let _ = tx.send(Inbound::Undecryptable {
                    person: person.id.clone(),
                    room: room.room_id().to_owned(),
                });
            }
        }
    });
    let c = config;
    client.add_event_handler(
        move |ev: StrippedRoomMemberEvent, room: Room, client: Client| {
            let config = c.clone();
            async move {
                let me = client.user_id().map(ToOwned::to_owned);
                if Some(&ev.state_key) != me.as_ref()
                    || ev.content.membership != MembershipState::Invite
                {
                    return;
                }
                // Fyr talks only in private. Anyone may open a direct message (someone not in
                // bot.toml is told politely whom Fyr serves); group rooms are declined.
                let known = config.person_by_matrix(ev.sender.as_str()).is_some();
                if ev.content.is_direct.unwrap_or(false) {
                    if let Err(e) = room.join().await {
                        tracing::warn!("could not join a direct message: {e}");
                    }
                } else {
                    tracing::info!(known, "declining an invite to a group room");
                    let _ = room.leave().await;
                }
            }
        },
    );
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
struct Outbox {
    handle: Handle,
    client: Client,
    config: Arc<Config>,
    rooms: HashMap<PersonId, OwnedRoomId>,
}

impl Outbox {
    fn send(&mut self, to: &PersonId, text: String, txn: Option<String>) -> Result<(), String> {
        let room = self.room_for(to)?;
        let content = RoomMessageEventContent::notice_plain(text);
        let txn = txn.map(|k| OwnedTransactionId::from(k.replace('/', ".")));
        self.handle.block_on(async {
            let send = room.send(content);
            let send = match txn {
                Some(txn) => send.with_transaction_id(txn),
                None => send,
            };
            send.await.map(|_| ()).map_err(|e| e.to_string())
        })
    }

    /// The person's direct-message room: the one they wrote from, else an existing DM, else a
    /// new encrypted DM.
    fn room_for(&mut self, person: &PersonId) -> Result<Room, String> {
        if let Some(room) = self
            .rooms
            .get(person)
            .and_then(|id| self.client.get_room(id))
        {
            return Ok(room);
        }
        let user = self
            .config
            .person(person.as_str())
            .and_then(|p| p.matrix.clone())
            .ok_or_else(|| format!("{person} has no Matrix id"))?;
        let user: OwnedUserId = UserId::parse(&user).map_err(|e| e.to_string())?;
        let client = self.client.clone();
        let room = self.handle.block_on(async move {
            match client.get_dm_room(&user) {
                Some(room) => Ok(room),
                None => client.create_dm(&user).await.map_err(|e| e.to_string()),
            }
        })?;
        self.rooms.insert(person.clone(), room.room_id().to_owned());
        Ok(room)
    }
}

impl Deliver for Outbox {
    fn deliver(&mut self, key: &str, message: &Rendered) -> Result<(), DeliveryError> {
        self.send(&message.to, message.numbered(), Some(key.to_string()))
            .map_err(DeliveryError)
    }
}

/// The one thread that owns the engine: messages in order, timers when due.
fn driver_loop(
    config: Arc<Config>,
    store: SledStore,
    client: Client,
    handle: Handle,
    rx: mpsc::Receiver<Inbound>,
) {
    let localizer = match Localizer::new() {
        Ok(l) => l,
        Err(e) => {
            tracing::error!("the built-in translations are broken: {e}");
            return;
        }
    };
    let mut out = Outbox {
        handle,
        client,
        config: config.clone(),
        rooms: HashMap::new(),
    };
    let mut driver = Driver::new((*config).clone(), store, localizer, Box::new(RandomCaseIds));
    loop {
        let now = Utc::now();
        if let Err(e) = driver.tick(now, &mut out) {
            tracing::error!("tick failed: {e}");
        }
        let wait = driver
            .store()
            .next_timer_at()
            .ok()
            .flatten()
            .map_or(Duration::from_secs(30), |at| {
                (at - Utc::now())
                    .to_std()
                    .unwrap_or_default()
                    .min(Duration::from_secs(30))
            })
            .max(Duration::from_millis(50));
        let inbound = match rx.recv_timeout(wait) {
            Ok(inbound) => inbound,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        handle_inbound(&mut driver, &mut out, inbound);
    }
}

fn handle_inbound(driver: &mut Driver<SledStore>, out: &mut Outbox, inbound: Inbound) {
    let note = |driver: &Driver<SledStore>, person: &PersonId, id: &str| {
        let lang = driver.language_of(person).unwrap_or(Language::En);
        driver.localizer().text(lang, &Msg::new(id))
    };
    match inbound {
        Inbound::Text { person, room, text } => {
            out.rooms.insert(person.clone(), room);
            match driver.handle(&person, &text, Utc::now()) {
                Ok(replies) => {
                    for reply in replies {
                        if let Err(e) = out.send(&reply.to, reply.numbered(), None) {
                            tracing::warn!("reply not sent: {e}");
                        }
                    }
                }
                Err(DriverError::UnknownPerson) => {}
                Err(DriverError::Store(e)) => tracing::error!("store failed: {e}"),
            }
        }
        Inbound::Stranger { room } => {
            if let Some(room) = out.client.get_room(&room) {
                let text = stranger_text(driver.localizer());
                let send = room.send(RoomMessageEventContent::notice_plain(text));
                let _ = out.handle.block_on(send.into_future());
            }
        }
        Inbound::Undecryptable { person, room } => {
            out.rooms.insert(person.clone(), room);
            let text = note(driver, &person, "matrix-undecryptable");
            let _ = out.send(&person, text, None);
        }
        Inbound::Attachment { person, room } => {
            out.rooms.insert(person.clone(), room);
            let text = note(driver, &person, "attachment-not-stored");
            let _ = out.send(&person, text, None);
        }
    }
}

/// Someone not in bot.toml: answered in Swedish and Danish, nothing stored.
fn stranger_text(localizer: &Localizer) -> String {
    [Language::Sv, Language::Da]
        .map(|l| localizer.text(l, &Msg::new("not-staff")))
        .join("\n\n")
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
