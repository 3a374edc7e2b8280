//! Matrix latency, measured side by side in one run against a real local Synapse:
//! (a) the floor — a minimal raw client-server-API echo bot (benches/echo.py) in an unencrypted
//! room — and (b) Fyr answering an employee over end-to-end encryption. The same matrix-sdk
//! client sends in both, interleaved, 100 round trips each. Prints p50, p99 and the ratios b/a.
//!
//! Run: `cargo bench --bench matrix_latency` (release build; starts Synapse with
//! scripts/synapse-up.sh).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::api::client::membership::joined_members;
use matrix_sdk::ruma::api::client::room::create_room;
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedRoomId, UserId};
use matrix_sdk::Client;

const ROUNDS: usize = 100;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

struct Guard(Vec<Child>, PathBuf);

impl Drop for Guard {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
        let _ = Command::new("bash")
            .arg(root().join("scripts/synapse-down.sh"))
            .arg(&self.1)
            .status();
    }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let synapse_dir = dir.path().join("synapse");
    let out = Command::new("bash")
        .arg(root().join("scripts/synapse-up.sh"))
        .arg(&synapse_dir)
        .args([
            "auto",
            "fyr:fyr-password",
            "echo:echo-password",
            "sara:sara-password",
        ])
        .stderr(Stdio::inherit())
        .output()
        .unwrap();
    assert!(out.status.success());
    let url = String::from_utf8(out.stdout)
        .unwrap()
        .trim()
        .lines()
        .last()
        .unwrap()
        .to_string();
    let mut guard = Guard(Vec::new(), synapse_dir.clone());

    // (a) the raw echo bot, with the Python of Synapse's venv.
    let venv = std::env::var("SYNAPSE_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap()).join(".cache/synapse-venv")
        });
    let mut echo = Command::new(venv.join("bin/python"))
        .arg(root().join("benches/echo.py"))
        .args([&url, "echo", "echo-password"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut ready = [0u8; 6];
    std::io::Read::read_exact(echo.stdout.as_mut().unwrap(), &mut ready).unwrap();
    guard.0.push(echo);

    // (b) Fyr, the release binary.
    let config = bot_toml(dir.path(), &url);
    let log = dir.path().join("fyr.log");
    let fyr = Command::new(env!("CARGO_BIN_EXE_fyr"))
        .args(["run", "--config"])
        .arg(&config)
        .arg("--data")
        .arg(dir.path().join("fyr-data"))
        .env("FYR_MATRIX_PASSWORD", "fyr-password")
        .env("FYR_LOG", "info")
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    guard.0.push(fyr);
    wait_for_log(&log, "connected to Matrix");

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (floor, fyr) = runtime.block_on(measure(&url));
    report(&floor, &fyr);
    drop(guard);
}

fn bot_toml(dir: &Path, url: &str) -> PathBuf {
    let sample = std::fs::read_to_string(root().join("bot.toml")).unwrap();
    let mut text = sample.replace(
        "id = \"se-employee\"",
        "id = \"se-employee\"\nmatrix = \"@sara:localhost\"",
    );
    text.push_str(&format!(
        "\n[matrix]\nhomeserver = \"{url}\"\nuser_id = \"@fyr:localhost\"\npassword_env = \"FYR_MATRIX_PASSWORD\"\nstore = \"matrix-store\"\n"
    ));
    let path = dir.join("bot.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn wait_for_log(log: &Path, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !std::fs::read_to_string(log)
        .unwrap_or_default()
        .contains(text)
    {
        assert!(Instant::now() < deadline, "Fyr did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
}

async fn measure(url: &str) -> (Vec<Duration>, Vec<Duration>) {
    let store = tempfile::tempdir().unwrap();
    let client = Client::builder()
        .homeserver_url(url)
        .sqlite_store(store.path(), None)
        .build()
        .await
        .unwrap();
    client
        .matrix_auth()
        .login_username("sara", "sara-password")
        .await
        .unwrap();
    let received: Arc<Mutex<Vec<(OwnedRoomId, Instant)>>> = Arc::default();
    let sink = received.clone();
    client.add_event_handler(
        move |ev: OriginalSyncRoomMessageEvent, room: matrix_sdk::Room| {
            let sink = sink.clone();
            async move {
                if matches!(ev.content.msgtype, MessageType::Notice(_)) {
                    sink.lock()
                        .unwrap()
                        .push((room.room_id().to_owned(), Instant::now()));
                }
            }
        },
    );
    let syncing = client.clone();
    tokio::spawn(async move {
        loop {
            let _ = syncing
                .sync_once(SyncSettings::default().timeout(Duration::from_secs(30)))
                .await;
        }
    });

    let echo = UserId::parse("@echo:localhost").unwrap();
    let request = create_room::v3::Request::new();
    let mut request = request;
    request.invite = vec![echo.clone()];
    let plain = client.create_room(request).await.unwrap();
    joined(&client, plain.room_id(), &echo).await;
    let fyr = UserId::parse("@fyr:localhost").unwrap();
    let dm = client.create_dm(&fyr).await.unwrap();
    joined(&client, dm.room_id(), &fyr).await;
    // Warm up both paths (keys shared, filters uploaded).
    for room in [&plain, &dm] {
        round_trip(room, &received, "hjälp").await;
    }
    let (mut floor, mut fyr_times) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        floor.push(round_trip(&plain, &received, "hjälp").await);
        fyr_times.push(round_trip(&dm, &received, "hjälp").await);
    }
    (floor, fyr_times)
}

async fn joined(client: &Client, room: &matrix_sdk::ruma::RoomId, who: &UserId) {
    loop {
        let request = joined_members::v3::Request::new(room.to_owned());
        if client
            .send(request)
            .await
            .map(|r| r.joined.contains_key(who))
            .unwrap_or(false)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn round_trip(
    room: &matrix_sdk::Room,
    received: &Arc<Mutex<Vec<(OwnedRoomId, Instant)>>>,
    text: &str,
) -> Duration {
    let before = received
        .lock()
        .unwrap()
        .iter()
        .filter(|(r, _)| r == room.room_id())
        .count();
    let start = Instant::now();
    room.send(RoomMessageEventContent::text_plain(text))
        .await
        .unwrap();
    let deadline = start + Duration::from_secs(30);
    loop {
        if let Some((_, at)) = received
            .lock()
            .unwrap()
            .iter()
            .filter(|(r, _)| r == room.room_id())
            .nth(before)
        {
            return *at - start;
        }
        assert!(Instant::now() < deadline, "no answer within 30 s");
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn report(floor: &[Duration], fyr: &[Duration]) {
    let mut a = floor.to_vec();
    let mut b = fyr.to_vec();
    a.sort();
    b.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (a50, a99, b50, b99) = (
        percentile(&a, 0.5),
        percentile(&a, 0.99),
        percentile(&b, 0.5),
        percentile(&b, 0.99),
    );
    println!("Matrix round trips, {ROUNDS} each, interleaved, local Synapse:");
    println!(
        "  (a) raw echo, unencrypted : p50 {:7.1} ms   p99 {:7.1} ms",
        ms(a50),
        ms(a99)
    );
    println!(
        "  (b) Fyr over E2EE         : p50 {:7.1} ms   p99 {:7.1} ms",
        ms(b50),
        ms(b99)
    );
    println!(
        "  ratio b/a                 : p50 {:.2} (target ≤ 1.15)   p99 {:.2} (target ≤ 1.5)",
        ms(b50) / ms(a50),
        ms(b99) / ms(a99)
    );
}
