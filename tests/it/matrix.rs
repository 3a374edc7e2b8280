//! Fyr on Matrix against a real Synapse that the project's own script installs and starts on
//! 127.0.0.1 (scripts/synapse-up.sh; the venv is cached). The people are real matrix-sdk clients
//! with their own devices; every direct message is end-to-end encrypted. Fyr runs as the real
//! `fyr run` binary, so it can be killed and restarted.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::api::client::membership::joined_members;
use matrix_sdk::ruma::events::reaction::ReactionEventContent;
use matrix_sdk::ruma::events::relation::Annotation;
use matrix_sdk::ruma::events::room::member::{MembershipState, StrippedRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, UserId};
use matrix_sdk::{Client, Room};
use tempfile::TempDir;

use crate::support::{chat_platform_toml, fyr_bin, root, FyrRun};

/// One Matrix test at a time: each starts a homeserver, Fyr and several clients on two cores.
static SERIAL: Mutex<()> = Mutex::new(());

const USERS: &[(&str, &str)] = &[
    ("fyr", "fyr-password"),
    ("sara", "sara-password"),
    ("dorthe", "dorthe-password"),
    ("magnus", "magnus-password"),
    ("stranger", "stranger-password"),
];

/// A Synapse started by the project's script.
struct Synapse {
    dir: PathBuf,
    url: String,
    port: String,
}

impl Synapse {
    fn start(dir: &Path, port: &str) -> Synapse {
        let users: Vec<String> = USERS.iter().map(|(u, p)| format!("{u}:{p}")).collect();
        let out = Command::new("bash")
            .arg(root().join("scripts/synapse-up.sh"))
            .arg(dir)
            .arg(port)
            .args(&users)
            .stderr(Stdio::inherit())
            .output()
            .expect("bash runs scripts/synapse-up.sh");
        assert!(
            out.status.success(),
            "Synapse did not start (see stderr above)"
        );
        let url = String::from_utf8(out.stdout)
            .unwrap()
            .trim()
            .lines()
            .last()
            .unwrap()
            .to_string();
        let port = url.rsplit(':').next().unwrap().to_string();
        Synapse {
            dir: dir.to_path_buf(),
            url,
            port,
        }
    }

    fn stop(&self) {
        let status = Command::new("bash")
            .arg(root().join("scripts/synapse-down.sh"))
            .arg(&self.dir)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Synapse {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(root().join("scripts/synapse-down.sh"))
            .arg(&self.dir)
            .status();
    }
}

fn user(name: &str) -> String {
    format!("@{name}:localhost")
}

/// The sample organisation, with Matrix ids for some persons and Fyr's account.
fn bot_toml(dir: &Path, url: &str) -> PathBuf {
    let ids = [
        ("se-employee", format!("matrix = \"{}\"", user("sara"))),
        ("dk-employee", format!("matrix = \"{}\"", user("dorthe"))),
        ("se-manager", format!("matrix = \"{}\"", user("magnus"))),
    ];
    let tail = format!(
        "\n[matrix]\nhomeserver = \"{url}\"\nuser_id = \"{}\"\npassword_env = \"FYR_MATRIX_PASSWORD\"\nstore = \"matrix-store\"\n",
        user("fyr")
    );
    chat_platform_toml(dir, &ids, &tail)
}

/// The real `fyr run`, connected to Synapse.
struct Fyr;

impl Fyr {
    fn start(dir: &Path, url: &str) -> FyrRun {
        let config = bot_toml(dir, url);
        let fyr = FyrRun::spawn(dir, &config, &[("FYR_MATRIX_PASSWORD", "fyr-password")]);
        fyr.wait_for_log("connected to Matrix");
        fyr
    }
}

/// A person with their own matrix-sdk client and device.
struct Person {
    client: Client,
    /// Notices from Fyr: (event id, body).
    notices: Arc<Mutex<Vec<(OwnedEventId, String)>>>,
    _store: TempDir,
}

impl Person {
    async fn login(url: &str, name: &str) -> Person {
        let password = USERS.iter().find(|(u, _)| *u == name).unwrap().1;
        let store = tempfile::tempdir().unwrap();
        let client = Client::builder()
            .homeserver_url(url)
            .sqlite_store(store.path(), None)
            .build()
            .await
            .unwrap();
        client
            .matrix_auth()
            .login_username(name, password)
            .await
            .unwrap();
        let notices = Arc::new(Mutex::new(Vec::new()));
        let sink = notices.clone();
        client.add_event_handler(move |ev: OriginalSyncRoomMessageEvent| {
            let sink = sink.clone();
            async move {
                match ev.content.msgtype {
                    MessageType::Notice(n) => sink.lock().unwrap().push((ev.event_id, n.body)),
                    // Files (an export) are recorded by name.
                    MessageType::File(f) => sink
                        .lock()
                        .unwrap()
                        .push((ev.event_id, format!("file: {}", f.body))),
                    _ => {}
                }
            }
        });
        // Accept Fyr's invitations to direct messages.
        client.add_event_handler(|ev: StrippedRoomMemberEvent, room: Room| async move {
            if ev.content.membership == MembershipState::Invite {
                let _ = room.join().await;
            }
        });
        let syncing = client.clone();
        tokio::spawn(async move {
            loop {
                let _ = syncing
                    .sync_once(SyncSettings::default().timeout(Duration::from_millis(500)))
                    .await;
            }
        });
        Person {
            client,
            notices,
            _store: store,
        }
    }

    /// Open an encrypted DM with Fyr and wait until Fyr has joined it.
    async fn dm_with_fyr(&self) -> OwnedRoomId {
        let fyr = UserId::parse(user("fyr")).unwrap();
        let room = self.client.create_dm(&fyr).await.unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            // Ask the homeserver, not the local cache: the cache lags behind sync.
            let request = joined_members::v3::Request::new(room.room_id().to_owned());
            if let Ok(response) = self.client.send(request).await {
                if response.joined.contains_key(&fyr) {
                    return room.room_id().to_owned();
                }
            }
            assert!(Instant::now() < deadline, "Fyr never joined the DM");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn say(&self, room: &OwnedRoomId, text: &str) {
        let room = self.client.get_room(room).unwrap();
        assert!(
            room.latest_encryption_state().await.unwrap().is_encrypted(),
            "DMs are encrypted"
        );
        room.send(RoomMessageEventContent::text_plain(text))
            .await
            .unwrap();
    }

    /// Wait for a notice from Fyr containing `text`; returns its event id.
    async fn expect(&self, text: &str) -> OwnedEventId {
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            if let Some((id, _)) = self
                .notices
                .lock()
                .unwrap()
                .iter()
                .find(|(_, b)| b.contains(text))
            {
                return id.clone();
            }
            if Instant::now() > deadline {
                let seen: Vec<String> = self
                    .notices
                    .lock()
                    .unwrap()
                    .iter()
                    .map(|(_, b)| b.clone())
                    .collect();
                panic!(
                    "no notice containing `{text}`; got:\n{}",
                    seen.join("\n---\n")
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn count(&self, text: &str) -> usize {
        self.notices
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, b)| b.contains(text))
            .count()
    }

    async fn react(&self, room: &OwnedRoomId, event: OwnedEventId, key: &str) {
        let room = self.client.get_room(room).unwrap();
        room.send(ReactionEventContent::new(Annotation::new(
            event,
            key.to_string(),
        )))
        .await
        .unwrap();
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn employees_talk_to_fyr_in_swedish_and_danish_and_a_manager_acknowledges_by_reaction() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();

    let synapse = Synapse::start(&dir.path().join("synapse"), "auto");
    let fyr = Fyr::start(dir.path(), &synapse.url);
    runtime().block_on(async {
        let sara = Person::login(&synapse.url, "sara").await;
        let room = sara.dm_with_fyr().await;
        sara.say(&room, "hej").await;
        sara.expect("Hej Sara").await;
        sara.say(&room, "2").await;
        sara.expect("Vad har hänt?").await;
        // A picture in the encrypted DM is downloaded, decrypted and sealed as evidence.
        let dm = sara.client.get_room(&room).unwrap();
        dm.send_attachment(
            "skärmdump.png",
            &mime::IMAGE_PNG,
            b"\x89PNG not really a picture".to_vec(),
            matrix_sdk::attachment::AttachmentConfig::new(),
        )
        .await
        .unwrap();
        sara.expect("Sparat som nummer 1").await;

        let dorthe = Person::login(&synapse.url, "dorthe").await;
        let dk_room = dorthe.dm_with_fyr().await;
        dorthe.say(&dk_room, "hej").await;
        dorthe.expect("Hej Dorthe").await;
        dorthe.say(&dk_room, "2").await;
        dorthe.expect("Hvad er der sket?").await;

        // Sara: threat → continue → evidence later ×3 → stop → platform later → tell manager →
        // call today → send.
        let magnus = Person::login(&synapse.url, "magnus").await;
        for answer in ["1", "2", "2", "2", "2", "1", "2", "1", "1"] {
            sara.say(&room, answer).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        sara.expect("Ska jag skicka det?").await;
        sara.say(&room, "1").await;
        let notification = magnus.expect("Sara Lind på din enhet").await;
        let magnus_room = magnus
            .client
            .joined_rooms()
            .into_iter()
            .find(|r| r.room_id() != room)
            .expect("Fyr opened a DM with Magnus")
            .room_id()
            .to_owned();
        magnus
            .react(&magnus_room, notification, "1\u{fe0f}\u{20e3}")
            .await;
        magnus.expect("Tack. Jag har meddelat Sara Lind").await;
        sara.expect("Magnus Berg har kvitterat").await;
        assert_eq!(magnus.count("Påminnelse"), 0);

        // Sara exports her case from the menu: the files arrive in the encrypted DM.
        sara.say(&room, "meny").await;
        sara.expect("Vart vill du gå?").await;
        sara.say(&room, "15").await;
        sara.expect("Här är exporten").await;
        sara.expect("-report.pdf").await;
        sara.expect("-evidence.zip").await;
        sara.expect("-manifest.json").await;
        assert_eq!(sara.count("file: "), 3);

        // Someone not in bot.toml gets a polite answer and nothing else.
        let stranger = Person::login(&synapse.url, "stranger").await;
        let stranger_room = stranger.dm_with_fyr().await;
        stranger.say(&stranger_room, "hej").await;
        stranger.expect("egen personal").await;
    });
    fyr.kill();
    // Nothing pending would ping Magnus again about the escalation.
    let store = fyr::store::SledStore::open(&dir.path().join("fyr-data")).unwrap();
    use fyr::store::Store;
    let keys: Vec<String> = store.timers().unwrap().into_iter().map(|t| t.key).collect();
    assert!(
        !keys
            .iter()
            .any(|k| k.contains("/remind/manager/") || k.contains("/advance/manager/")),
        "{keys:?}"
    );
}

#[test]
fn a_restarted_fyr_keeps_its_device_and_answers_what_was_sent_while_it_was_down() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let synapse = Synapse::start(&dir.path().join("synapse"), "auto");
    let session = dir.path().join("matrix-store/session.json");
    let device = |path: &Path| {
        let text = std::fs::read_to_string(path).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let id = json.get("meta").unwrap_or(&json)["device_id"].as_str();
        id.unwrap_or_else(|| panic!("no device id in {text}"))
            .to_string()
    };
    // A wrong password stops Fyr at once with a clear error.
    let wrong = tempfile::tempdir().unwrap();
    let out = Command::new(fyr_bin())
        .arg("run")
        .arg("--config")
        .arg(bot_toml(wrong.path(), &synapse.url))
        .arg("--data")
        .arg(wrong.path().join("fyr-data"))
        .env("FYR_MATRIX_PASSWORD", "not-the-password")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("refused the login for @fyr:localhost"),
        "{stderr}"
    );

    let fyr = Fyr::start(dir.path(), &synapse.url);
    let first_device = device(&session);
    fyr.wait_for_log("recovery key written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let key = dir.path().join("matrix-store/recovery-key.txt");
        let mode = std::fs::metadata(&key)
            .expect("the recovery key is written")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the recovery key is private");
        assert_eq!(
            std::fs::metadata(&session).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    runtime().block_on(async {
        let sara = Person::login(&synapse.url, "sara").await;
        let room = sara.dm_with_fyr().await;
        sara.say(&room, "hej").await;
        sara.expect("Hej Sara").await;
        fyr.kill();
        sara.say(&room, "2").await; // while Fyr is down
        let fyr = Fyr::start(dir.path(), &synapse.url);
        sara.expect("Vad har hänt?").await;
        sara.say(&room, "3").await;
        sara.expect("uthängd på nätet").await;
        assert_eq!(sara.count("Vad har hänt?"), 1, "answered once");
        drop(fyr);
    });
    assert_eq!(
        device(&session),
        first_device,
        "the same device after a restart"
    );
}

#[test]
fn a_homeserver_outage_loses_nothing_and_duplicates_nothing() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let synapse_dir = dir.path().join("synapse");
    let synapse = Synapse::start(&synapse_dir, "auto");
    let fyr = Fyr::start(dir.path(), &synapse.url);
    runtime().block_on(async {
        let sara = Person::login(&synapse.url, "sara").await;
        let room = sara.dm_with_fyr().await;
        sara.say(&room, "hej").await;
        sara.expect("Hej Sara").await;
        sara.say(&room, "2").await;
        sara.expect("Vad har hänt?").await;
        synapse.stop();
        tokio::time::sleep(Duration::from_secs(20)).await;
        let _again = Synapse::start(&synapse_dir, &synapse.port);
        fyr.wait_for_log("homeserver unreachable");
        sara.say(&room, "1").await;
        sara.expect("Ett hot är allvarligt").await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert_eq!(sara.count("Ett hot är allvarligt"), 1, "answered once");
        assert_eq!(sara.count("Vad har hänt?"), 1, "nothing repeated");
    });
    drop(fyr);
}

#[test]
fn doctor_logs_in_to_the_homeserver_and_explains_a_wrong_password() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let synapse = Synapse::start(&dir.path().join("synapse"), "auto");
    let config = bot_toml(dir.path(), &synapse.url);
    let doctor = |password: &str| {
        let out = Command::new(crate::support::fyr_bin())
            .arg("doctor")
            .arg("--config")
            .arg(&config)
            .arg("--data")
            .arg(dir.path().join("fyr-data"))
            .env("FYR_MATRIX_PASSWORD", password)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, report) = doctor("fyr-password");
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report.contains("ok    matrix login   @fyr:localhost logs in"),
        "{report}"
    );
    let (code, report) = doctor("not-the-password");
    assert_eq!(code, Some(1), "{report}");
    assert!(
        report.contains("FAIL  matrix login   @fyr:localhost cannot log in (403"),
        "{report}"
    );
    assert!(
        report.contains("fix: check user_id in bot.toml and the password"),
        "{report}"
    );
    synapse.stop();
}
