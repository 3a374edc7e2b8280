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
        let mut users: Vec<String> = USERS.iter().map(|(u, p)| format!("{u}:{p}")).collect();
        // A server admin, for the admin API (rate limits).
        users.push("admin:admin-password:admin".into());
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

/// `fyr run` with this bot.toml: its exit code and stderr.
fn run_once(dir: &Path, config: &Path, env: &[(&str, &str)]) -> (Option<i32>, String) {
    let mut command = Command::new(fyr_bin());
    command
        .arg("run")
        .arg("--config")
        .arg(config)
        .arg("--data")
        .arg(dir.join("fyr-data"))
        .stdin(Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The device id in a session.json (or device.json).
fn device_in(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["device_id"]
        .as_str()
        .unwrap_or_else(|| panic!("no device id in {text}"))
        .to_string()
}

fn token_in(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["access_token"].as_str().unwrap().to_string()
}

/// A password login through the client-server API: (access token, device id).
async fn http_login(url: &str, user: &str, password: &str) -> (String, String) {
    let body = serde_json::json!({
        "type": "m.login.password",
        "identifier": {"type": "m.id.user", "user": user},
        "password": password,
    });
    let response = matrix_sdk::reqwest::Client::new()
        .post(format!("{url}/_matrix/client/v3/login"))
        .body(body.to_string())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let response: serde_json::Value = serde_json::from_slice(&response).unwrap();
    (
        response["access_token"].as_str().unwrap().to_string(),
        response["device_id"].as_str().unwrap().to_string(),
    )
}

/// The account's devices, as the homeserver lists them.
async fn devices(url: &str, token: &str) -> Vec<String> {
    let response = matrix_sdk::reqwest::Client::new()
        .get(format!("{url}/_matrix/client/v3/devices"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let response: serde_json::Value = serde_json::from_slice(&response).unwrap();
    response["devices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["device_id"].as_str().unwrap().to_string())
        .collect()
}

/// Whether any of the crypto store's files contains `needle` in plain form.
fn crypto_store_contains(sdk: &Path, needle: &str) -> bool {
    std::fs::read_dir(sdk).unwrap().flatten().any(|entry| {
        let name = entry.file_name().to_string_lossy().into_owned();
        name.contains("crypto")
            && std::fs::read(entry.path())
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
    })
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A tiny HTTP server that is not a homeserver: every request gets a 404 page.
fn not_matrix_server() -> u16 {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 13\r\nConnection: close\r\n\r\n<h1>nope</h1>",
            );
        }
    });
    port
}

#[test]
fn each_wrong_homeserver_address_gets_its_own_message_and_fix() {
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let web = not_matrix_server();
    let cases = [
        (
            format!("http://127.0.0.1:{closed}"),
            "connection refused",
            "check the port",
        ),
        (
            "https://matrix.fyr-test.invalid".to_string(),
            "does not resolve",
            "getent hosts matrix.fyr-test.invalid",
        ),
        (
            format!("http://127.0.0.1:{web}"),
            "is not a Matrix homeserver",
            ".well-known/matrix/client",
        ),
        (
            format!("https://127.0.0.1:{web}"),
            "does not answer in https",
            "plain http",
        ),
    ];
    for (url, cause, fix) in cases {
        let dir = tempfile::tempdir().unwrap();
        let config = bot_toml(dir.path(), &url);
        let (code, stderr) = run_once(dir.path(), &config, &[("FYR_MATRIX_PASSWORD", "x")]);
        assert_eq!(code, Some(1), "{url}: {stderr}");
        assert!(stderr.contains(cause), "{url}: no `{cause}` in:\n{stderr}");
        assert!(stderr.contains(fix), "{url}: no `{fix}` in:\n{stderr}");
        assert!(
            !stderr.contains("password"),
            "{url}: blames the password:\n{stderr}"
        );
    }
}

#[test]
fn the_crypto_store_is_encrypted_and_private_and_an_unencrypted_one_is_migrated_once() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let synapse = Synapse::start(&dir.path().join("synapse"), "auto");
    let store = dir.path().join("matrix-store");
    let sdk = store.join("sdk");
    // What an older Fyr left: an unencrypted sqlite store, cross-signing set up, session.json.
    let old_device = runtime().block_on(async {
        let client = Client::builder()
            .homeserver_url(&synapse.url)
            .sqlite_store(&sdk, None)
            .with_encryption_settings(matrix_sdk::encryption::EncryptionSettings {
                auto_enable_cross_signing: true,
                ..Default::default()
            })
            .build()
            .await
            .unwrap();
        client
            .matrix_auth()
            .login_username("fyr", "fyr-password")
            .initial_device_display_name("Fyr")
            .await
            .unwrap();
        client
            .encryption()
            .wait_for_e2ee_initialization_tasks()
            .await;
        client.sync_once(SyncSettings::default()).await.unwrap();
        let session = client.matrix_auth().session().unwrap();
        std::fs::write(
            store.join("session.json"),
            serde_json::to_string(&session).unwrap(),
        )
        .unwrap();
        session.meta.device_id.to_string()
    });
    assert!(
        crypto_store_contains(&sdk, "@fyr:localhost"),
        "the old store is readable as it is"
    );

    let fyr = Fyr::start(dir.path(), &synapse.url);
    let log = fyr.log();
    assert!(log.contains("the crypto store was unencrypted"), "{log}");
    assert!(log.contains("cross-signed: yes"), "{log}");
    let device = device_in(&store.join("session.json"));
    assert_ne!(device, old_device);
    assert_eq!(device_in(&store.join("device.json")), device);
    assert!(!store.join("sdk-unencrypted").exists());
    assert!(
        !crypto_store_contains(&sdk, "@fyr:localhost"),
        "the crypto store is encrypted"
    );
    let token = token_in(&store.join("session.json"));
    runtime().block_on(async {
        let listed = devices(&synapse.url, &token).await;
        assert!(
            !listed.contains(&old_device),
            "the old device is removed: {listed:?}"
        );
        let sara = Person::login(&synapse.url, "sara").await;
        let room = sara.dm_with_fyr().await;
        sara.say(&room, "hej").await;
        sara.expect("Hej Sara").await;
    });
    #[cfg(unix)]
    {
        assert_eq!(mode(&store), 0o700);
        assert_eq!(mode(&sdk), 0o700);
        for entry in std::fs::read_dir(&sdk).unwrap().flatten() {
            assert_eq!(mode(&entry.path()), 0o600, "{}", entry.path().display());
        }
        for file in ["session.json", "device.json"] {
            assert_eq!(mode(&store.join(file)), 0o600, "{file}");
        }
    }
    fyr.kill();

    // A store other users can read is refused, with the fix.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let db = sdk.join("matrix-sdk-crypto.sqlite3");
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        let config = bot_toml(dir.path(), &synapse.url);
        let (code, stderr) = run_once(
            dir.path(),
            &config,
            &[("FYR_MATRIX_PASSWORD", "fyr-password")],
        );
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stderr.contains("can be read by other users"), "{stderr}");
        assert!(
            stderr.contains(&format!("chmod -R go-rwx {}", store.display())),
            "{stderr}"
        );
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    // Migrated once: the next start keeps the device.
    let fyr = Fyr::start(dir.path(), &synapse.url);
    assert!(!fyr.log().contains("unencrypted"), "{}", fyr.log());
    assert_eq!(device_in(&store.join("session.json")), device);
    drop(fyr);
}

#[test]
fn a_revoked_token_stops_fyr_with_a_message_and_it_comes_back_as_the_same_device() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let synapse = Synapse::start(&dir.path().join("synapse"), "auto");
    let session = dir.path().join("matrix-store/session.json");
    let fyr = Fyr::start(dir.path(), &synapse.url);
    fyr.wait_for_log("recovery key written");
    let device = device_in(&session);
    runtime().block_on(async {
        let sara = Person::login(&synapse.url, "sara").await;
        let room = sara.dm_with_fyr().await;
        sara.say(&room, "hej").await;
        sara.expect("Hej Sara").await;
        // Someone logs Fyr's device out (as "sign out of this session" in a client does).
        let status = matrix_sdk::reqwest::Client::new()
            .post(format!("{}/_matrix/client/v3/logout", synapse.url))
            .bearer_auth(token_in(&session))
            .body("{}")
            .send()
            .await
            .unwrap()
            .status();
        assert!(status.is_success());
        let (code, log) = fyr.wait_exit();
        assert_eq!(code, Some(1), "{log}");
        assert!(log.contains("revoked Fyr's Matrix access token"), "{log}");
        assert!(
            log.contains("logs in with the configured password"),
            "{log}"
        );

        let fyr = Fyr::start(dir.path(), &synapse.url);
        assert_eq!(device_in(&session), device, "the same device");
        let log = fyr.log();
        assert!(log.contains("logging in again"), "{log}");
        assert!(log.contains("cross-signed: yes"), "{log}");
        sara.say(&room, "2").await;
        sara.expect("Vad har hänt?").await;
        drop(fyr);
    });
}

#[test]
fn a_lost_session_file_reuses_the_recorded_device_and_a_foreign_session_is_refused() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let synapse = Synapse::start(&dir.path().join("synapse"), "auto");
    let session = dir.path().join("matrix-store/session.json");
    let fyr = Fyr::start(dir.path(), &synapse.url);
    fyr.wait_for_log("recovery key written");
    let device = device_in(&session);
    // The account's devices (registering it made one too).
    let before = runtime().block_on(devices(&synapse.url, &token_in(&session)));
    assert!(before.contains(&device));
    // A clean stop says so.
    fyr.interrupt();
    let (code, log) = fyr.wait_exit();
    assert_eq!(code, Some(0), "{log}");
    assert!(log.contains("stopping: disconnected"), "{log}");

    std::fs::remove_file(&session).unwrap();
    let fyr = Fyr::start(dir.path(), &synapse.url);
    let log = fyr.log();
    assert!(log.contains("session.json is missing"), "{log}");
    assert_eq!(device_in(&session), device, "the recorded device");
    let listed = runtime().block_on(devices(&synapse.url, &token_in(&session)));
    assert_eq!(listed, before, "no orphan device");
    fyr.kill();

    // A session.json of another device does not fit this crypto store.
    let (token, other) = runtime().block_on(http_login(&synapse.url, "fyr", "fyr-password"));
    std::fs::write(
        &session,
        serde_json::json!({"user_id": user("fyr"), "device_id": other, "access_token": token})
            .to_string(),
    )
    .unwrap();
    let config = bot_toml(dir.path(), &synapse.url);
    let (code, stderr) = run_once(
        dir.path(),
        &config,
        &[("FYR_MATRIX_PASSWORD", "fyr-password")],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("does not fit"), "{stderr}");
    assert!(stderr.contains(&format!("device {device}")), "{stderr}");
    assert!(stderr.contains(&format!("device {other}")), "{stderr}");

    // The crypto store opens only with the data folder (key file) it was made with.
    let elsewhere = tempfile::tempdir().unwrap();
    let (code, stderr) = run_once(
        elsewhere.path(),
        &config,
        &[("FYR_MATRIX_PASSWORD", "fyr-password")],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("another data folder's key"), "{stderr}");
}

#[test]
fn fyr_logs_in_with_an_access_token_from_the_environment() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let synapse = Synapse::start(&dir.path().join("synapse"), "auto");
    let (token, device) = runtime().block_on(http_login(&synapse.url, "fyr", "fyr-password"));
    let config = bot_toml(dir.path(), &synapse.url);
    let text = std::fs::read_to_string(&config).unwrap().replace(
        "password_env = \"FYR_MATRIX_PASSWORD\"",
        "access_token_env = \"FYR_MATRIX_TOKEN\"",
    );
    std::fs::write(&config, text).unwrap();
    // At the default log level (no FYR_LOG), the start says who Fyr is.
    let log = dir.path().join("default-level.log");
    let mut child = Command::new(fyr_bin())
        .arg("run")
        .arg("--config")
        .arg(&config)
        .arg("--data")
        .arg(dir.path().join("fyr-data"))
        .env_remove("FYR_LOG")
        .env("FYR_MATRIX_TOKEN", &token)
        .stdin(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    let line = loop {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        if let Some(line) = text.lines().find(|l| l.contains("connected to Matrix as")) {
            break line.to_string();
        }
        assert!(Instant::now() < deadline, "no start line:\n{text}");
        std::thread::sleep(Duration::from_millis(100));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(line.contains(&user("fyr")), "{line}");
    assert!(line.contains(&format!("device {device}")), "{line}");
    assert!(line.contains("cross-signed: "), "{line}");
    assert!(line.contains(" rooms"), "{line}");

    let fyr = FyrRun::spawn(dir.path(), &config, &[("FYR_MATRIX_TOKEN", &token)]);
    fyr.wait_for_log("connected to Matrix");
    runtime().block_on(async {
        let sara = Person::login(&synapse.url, "sara").await;
        let room = sara.dm_with_fyr().await;
        sara.say(&room, "hej").await;
        sara.expect("Hej Sara").await;
    });
    drop(fyr);
}

#[test]
fn a_moved_installation_is_cross_signed_again_with_the_recovery_key() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let old = tempfile::tempdir().unwrap();
    let synapse = Synapse::start(&old.path().join("synapse"), "auto");
    let fyr = Fyr::start(old.path(), &synapse.url);
    fyr.wait_for_log("recovery key written");
    let first = device_in(&old.path().join("matrix-store/session.json"));
    fyr.kill();

    // The new machine gets the data folder, its key and the recovery key; nothing else.
    let new = tempfile::tempdir().unwrap();
    let copy = |from: &Path, to: &Path| {
        let status = Command::new("cp")
            .arg("-a")
            .arg(from)
            .arg(to)
            .status()
            .unwrap();
        assert!(status.success());
    };
    copy(&old.path().join("fyr-data"), &new.path().join("fyr-data"));
    copy(
        &old.path().join("fyr-data.key"),
        &new.path().join("fyr-data.key"),
    );
    std::fs::create_dir(new.path().join("matrix-store")).unwrap();
    copy(
        &old.path().join("matrix-store/recovery-key.txt"),
        &new.path().join("matrix-store/recovery-key.txt"),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perms = std::fs::Permissions::from_mode(0o700);
        std::fs::set_permissions(new.path().join("matrix-store"), perms).unwrap();
    }
    let fyr = Fyr::start(new.path(), &synapse.url);
    let log = fyr.log();
    assert!(log.contains("restored with the recovery key"), "{log}");
    assert!(log.contains("cross-signed: yes"), "{log}");
    assert_ne!(
        device_in(&new.path().join("matrix-store/session.json")),
        first
    );
    drop(fyr);
}

#[test]
fn fyr_says_when_the_homeserver_rate_limits_it_and_still_answers() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let synapse = Synapse::start(&dir.path().join("synapse"), "auto");
    let fyr = Fyr::start(dir.path(), &synapse.url);
    runtime().block_on(async {
        // The bot account gets a tight message limit (as on a homeserver's defaults).
        let (admin, _) = http_login(&synapse.url, "admin", "admin-password").await;
        let status = matrix_sdk::reqwest::Client::new()
            .post(format!(
                "{}/_synapse/admin/v1/users/{}/override_ratelimit",
                synapse.url,
                user("fyr")
            ))
            .bearer_auth(admin)
            .body(r#"{"messages_per_second": 1, "burst_count": 1}"#)
            .send()
            .await
            .unwrap()
            .status();
        assert!(status.is_success(), "{status}");
        let sara = Person::login(&synapse.url, "sara").await;
        let room = sara.dm_with_fyr().await;
        sara.say(&room, "hej").await;
        sara.expect("Hej Sara").await;
        // Two answers at once: Fyr's two replies come faster than the limit allows.
        sara.say(&room, "2").await;
        sara.say(&room, "3").await;
        sara.expect("Vad har hänt?").await;
        sara.expect("uthängd på nätet").await;
    });
    let log = fyr.log();
    let said: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("the homeserver is rate-limiting Fyr's messages"))
        .collect();
    assert_eq!(said.len(), 1, "said once:\n{log}");
    assert!(
        !said[0].contains("sara") && !said[0].contains("Sara") && !said[0].contains("Vad"),
        "no names or text: {}",
        said[0]
    );
    drop(fyr);
}

/// Whether Fyr is (per the homeserver, not a cache) a joined member of `room`.
async fn fyr_in(person: &Person, room: &OwnedRoomId) -> bool {
    let fyr = UserId::parse(user("fyr")).unwrap();
    let request = joined_members::v3::Request::new(room.clone());
    match person.client.send(request).await {
        Ok(response) => response.joined.contains_key(&fyr),
        Err(_) => false,
    }
}

/// Wait until `check` holds, or fail saying `what`.
async fn until(what: &str, mut check: impl AsyncFnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !check().await {
        assert!(Instant::now() < deadline, "{what}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// A room created with `is_direct` and these invites, without encryption. With `trusted`,
/// the people invited get the creator's power (so Fyr may turn encryption on).
async fn plain_direct_room(person: &Person, invite: &[&str], trusted: bool) -> OwnedRoomId {
    use matrix_sdk::ruma::api::client::room::create_room::v3::{Request, RoomPreset};
    let mut request = Request::new();
    request.is_direct = true;
    request.preset = Some(if trusted {
        RoomPreset::TrustedPrivateChat
    } else {
        RoomPreset::PrivateChat
    });
    request.invite = invite
        .iter()
        .map(|u| UserId::parse(user(u)).unwrap())
        .collect();
    person
        .client
        .create_room(request)
        .await
        .unwrap()
        .room_id()
        .to_owned()
}

#[test]
fn fyr_talks_only_one_to_one_and_encrypted_and_a_reaction_counts_only_on_its_own_message() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let synapse = Synapse::start(&dir.path().join("synapse"), "auto");
    let fyr = Fyr::start(dir.path(), &synapse.url);
    runtime().block_on(async {
        let sara = Person::login(&synapse.url, "sara").await;
        let room = sara.dm_with_fyr().await;
        sara.say(&room, "hej").await;
        let greeting = sara.expect("Hej Sara").await;
        sara.say(&room, "2").await;
        sara.expect("Vad har hänt?").await;
        // 1️⃣ on the greeting: an earlier question, not an answer to "what happened?".
        sara.react(&room, greeting, "1\u{fe0f}\u{20e3}").await;
        sara.expect("tidigare fråga").await;
        until("the open question shown again", async || {
            sara.count("Vad har hänt?") == 2
        })
        .await;
        // 1️⃣ on the question shown again answers it.
        let open = sara
            .notices
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find(|(_, b)| b.contains("Vad har hänt?"))
            .unwrap()
            .0
            .clone();
        let before = sara.notices.lock().unwrap().len();
        sara.react(&room, open, "1\u{fe0f}\u{20e3}").await;
        until("an answer to the reaction", async || {
            sara.notices.lock().unwrap().len() > before
        })
        .await;
        assert_eq!(sara.count("tidigare fråga"), 1);

        // A third person is invited into the DM: Fyr leaves and tells Sara why, in a new DM.
        let dorthe = Person::login(&synapse.url, "dorthe").await;
        let dm = sara.client.get_room(&room).unwrap();
        dm.invite_user_by_id(&UserId::parse(user("dorthe")).unwrap())
            .await
            .unwrap();
        sara.expect("på tu man hand").await;
        until("Fyr left the shared room", async || {
            !fyr_in(&sara, &room).await
        })
        .await;
        assert_eq!(
            dorthe.count("tu man hand"),
            0,
            "Dorthe was told nothing about Sara"
        );

        // A "direct message" with three in it from the start: Fyr leaves it too.
        let magnus = Person::login(&synapse.url, "magnus").await;
        let three = plain_direct_room(&sara, &["fyr", "magnus"], false).await;
        until("Sara told again", async || {
            sara.count("på tu man hand") == 2
        })
        .await;
        until("Fyr left the three-person room", async || {
            !fyr_in(&sara, &three).await
        })
        .await;

        until("Magnus told too", async || {
            magnus.count("på tu man hand") >= 1
        })
        .await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert_eq!(magnus.count("på tu man hand"), 1, "told once");

        // A DM opened without encryption: Fyr turns it on before it answers.
        let plain = plain_direct_room(&magnus, &["fyr"], true).await;
        until("Fyr joined the plain DM", async || {
            fyr_in(&magnus, &plain).await
        })
        .await;
        let room = magnus.client.get_room(&plain).unwrap();
        until("encryption turned on", async || {
            room.latest_encryption_state().await.unwrap().is_encrypted()
        })
        .await;
        room.send(RoomMessageEventContent::text_plain("hej"))
            .await
            .unwrap();
        magnus.expect("Hej Magnus").await;
        // Where Fyr may not turn it on, it leaves, and says why in a new, encrypted DM.
        let plain = plain_direct_room(&magnus, &["fyr"], false).await;
        magnus.expect("krypterat").await;
        until("Fyr left the plain DM", async || {
            !fyr_in(&magnus, &plain).await
        })
        .await;
    });
    fyr.kill();
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
