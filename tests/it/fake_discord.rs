//! A fake Discord on 127.0.0.1 for the Discord tests: the REST API (axum) and the gateway
//! (tokio-tungstenite), just enough of both for serenity 0.12, unmodified, to run Fyr's
//! adapter against it. It records every request and gateway frame, can push events (DMs,
//! button presses, `/fyr`), drop the connection to force a RESUME, answer 429s, refuse the
//! token or close with 4014 (disallowed intents).
//!
//! The payloads are built by the fixture functions at the bottom; `discord.rs` checks that each
//! deserializes into serenity's own types, because serenity drops an event it cannot read
//! without failing anything.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message as Ws;

/// The bot's own user id and application id.
pub const BOT: u64 = 900_000_000_000_000_001;
pub const APP: u64 = 900_000_000_000_000_002;
/// A server the tests use for `/fyr`.
pub const GUILD: u64 = 800_000_000_000_000_001;

/// One REST request the bot made.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub body: Value,
}

enum Out {
    Frame(String),
    /// Drop the TCP connection without a close frame, as a network failure would.
    Drop,
}

#[derive(Default)]
pub struct State {
    pub requests: Vec<Request>,
    /// Every frame the bot sent on the gateway (IDENTIFY, RESUME, heartbeats).
    pub frames: Vec<Value>,
    /// Answer this many message posts with 429 first.
    pub rate_limit_posts: u32,
    /// The wait a 429 asks for, in seconds (the body's `retry_after` and the `Retry-After`
    /// header both say it).
    pub retry_after: f64,
    /// Answer this many interaction callbacks with 500 first.
    pub fail_callbacks: u32,
    /// Answer this many DM openings with 500 first.
    pub fail_dm_opens: u32,
    /// Refuse every DM opening with 403 and Discord's code 50007 (the person's settings).
    pub refuse_dms: bool,
    /// Answer GET /users/@me with 401.
    pub reject_token: bool,
    /// Close the gateway with 4014 after IDENTIFY.
    pub refuse_intents: bool,
    pub connections: u32,
    conn: Option<UnboundedSender<Out>>,
    ready: bool,
    seq: u64,
    next_id: u64,
    /// Messages the bot posted, per channel, with a read cursor for `expect`.
    posted: HashMap<u64, (Vec<Value>, usize)>,
    pub files: HashMap<String, Vec<u8>>,
}

pub struct Fake {
    pub base: String,
    state: Arc<Mutex<State>>,
    /// Serves the fake until the test drops it.
    _runtime: tokio::runtime::Runtime,
}

/// A person's DM channel with the bot.
pub fn dm(user: u64) -> u64 {
    user + 10_000
}

impl Fake {
    pub fn start() -> Fake {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let state = Arc::new(Mutex::new(State {
            next_id: 1_000_000,
            ..State::default()
        }));
        let (rest, gateway) = runtime.block_on(async {
            let rest = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let gateway = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            (rest, gateway)
        });
        let base = format!("http://{}", rest.local_addr().unwrap());
        let ws_url = format!("ws://{}", gateway.local_addr().unwrap());
        let app = {
            let state = state.clone();
            let ws_url = ws_url.clone();
            let base = base.clone();
            axum::Router::new().fallback(
                move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                    let state = state.clone();
                    let ws_url = ws_url.clone();
                    let base = base.clone();
                    async move { rest_call(&state, &ws_url, &base, method, uri, &headers, body) }
                },
            )
        };
        runtime.spawn(async move { axum::serve(rest, app).await.unwrap() });
        let gw_state = state.clone();
        runtime.spawn(async move {
            while let Ok((socket, _)) = gateway.accept().await {
                let state = gw_state.clone();
                let ws_url = ws_url.clone();
                tokio::spawn(async move { serve_gateway(state, socket, ws_url).await });
            }
        });
        Fake {
            base,
            state,
            _runtime: runtime,
        }
    }

    pub fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        f(&mut self.state.lock().unwrap())
    }

    /// Wait until `f` finds something, or fail the test with what was seen.
    pub fn wait_for<T>(&self, what: &str, mut f: impl FnMut(&mut State) -> Option<T>) -> T {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(found) = self.with(&mut f) {
                return found;
            }
            if Instant::now() > deadline {
                let seen: Vec<String> = self.with(|s| {
                    s.requests
                        .iter()
                        .map(|r| format!("{} {} {}", r.method, r.path, r.body))
                        .collect()
                });
                panic!("the fake never saw {what}; requests:\n{}", seen.join("\n"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until the bot is connected and identified (or resumed).
    pub fn wait_ready(&self) {
        self.wait_for("a ready gateway connection", |s| s.ready.then_some(()));
    }

    /// Push a gateway event to the bot.
    pub fn dispatch(&self, event: &str, data: Value) {
        self.wait_ready();
        self.with(|s| {
            s.seq += 1;
            let frame = json!({"op": 0, "t": event, "s": s.seq, "d": data});
            s.conn
                .as_ref()
                .expect("connected")
                .send(Out::Frame(frame.to_string()))
                .unwrap();
        });
    }

    /// Drop the gateway connection, as a network failure would; the bot should RESUME.
    pub fn drop_connection(&self) {
        self.with(|s| {
            s.ready = false;
            if let Some(conn) = s.conn.take() {
                let _ = conn.send(Out::Drop);
            }
        });
    }

    fn id(&self) -> u64 {
        self.with(|s| {
            s.next_id += 1;
            s.next_id
        })
    }

    /// `user` writes `text` to the bot in their DM.
    pub fn say(&self, user: u64, text: &str) {
        let id = self.id();
        self.dispatch(
            "MESSAGE_CREATE",
            message(id, dm(user), user_json(user, false), text),
        );
    }

    /// `user` posts a file in their DM, served by the fake at its attachment URL.
    pub fn send_file(&self, user: u64, name: &str, bytes: &[u8]) {
        let id = self.id();
        self.with(|s| s.files.insert(name.to_string(), bytes.to_vec()));
        let mut m = message(id, dm(user), user_json(user, false), "");
        m["attachments"] = json!([attachment(id, name, bytes.len(), &self.base)]);
        self.dispatch("MESSAGE_CREATE", m);
    }

    /// `user` presses the button `custom_id` under `message` (a message the bot posted).
    pub fn press(&self, user: u64, message: &Value, custom_id: &str) {
        let id = self.id();
        self.dispatch(
            "INTERACTION_CREATE",
            button_press(id, user, message.clone(), custom_id),
        );
    }

    /// `user` types `/fyr` in a server.
    pub fn slash(&self, user: u64, guild: u64) {
        let id = self.id();
        self.dispatch("INTERACTION_CREATE", slash_command(id, user, guild));
    }

    /// The next message the bot posts in `channel` that contains `needle` (messages before
    /// it are skipped).
    pub fn expect(&self, channel: u64, needle: &str) -> Value {
        self.wait_for(
            &format!("a message in {channel} containing `{needle}`"),
            |s| {
                let (messages, cursor) = s.posted.entry(channel).or_default();
                let at = messages[*cursor..]
                    .iter()
                    .position(|m| m["content"].as_str().unwrap_or("").contains(needle))?;
                *cursor += at + 1;
                Some(messages[*cursor - 1].clone())
            },
        )
    }

    /// Every message the bot has posted in `channel`.
    pub fn posted(&self, channel: u64) -> Vec<Value> {
        self.with(|s| {
            s.posted
                .get(&channel)
                .map(|p| p.0.clone())
                .unwrap_or_default()
        })
    }

    /// The id the fake gave the last interaction it dispatched.
    pub fn last_id(&self) -> u64 {
        self.with(|s| s.next_id)
    }
}

fn server_error() -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        axum::Json(json!({"message": "500: Internal Server Error", "code": 0})),
    )
        .into_response()
}

fn rest_call(
    state: &Mutex<State>,
    ws_url: &str,
    base: &str,
    method: Method,
    uri: Uri,
    headers: &HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_string();
    let (body, files) = match multipart_boundary(headers) {
        Some(boundary) => multipart(&body, &boundary),
        None => (
            serde_json::from_slice(&body).unwrap_or(Value::Null),
            Vec::new(),
        ),
    };
    let mut s = state.lock().unwrap();
    s.requests.push(Request {
        method: method.to_string(),
        path: path.clone(),
        body: body.clone(),
    });
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let ok = |v: Value| (StatusCode::OK, axum::Json(v)).into_response();
    match (method.as_str(), parts.as_slice()) {
        ("GET", ["api", "v10", "gateway"]) => ok(json!({"url": ws_url})),
        ("GET", ["api", "v10", "gateway", "bot"]) => ok(json!({
            "url": ws_url, "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        })),
        ("GET", ["api", "v10", "users", "@me"]) => {
            if s.reject_token {
                (
                    StatusCode::UNAUTHORIZED,
                    axum::Json(json!({"message": "401: Unauthorized", "code": 0})),
                )
                    .into_response()
            } else {
                ok(user_json(BOT, true))
            }
        }
        ("POST", ["api", "v10", "users", "@me", "channels"]) => {
            if s.refuse_dms {
                return (
                    StatusCode::FORBIDDEN,
                    axum::Json(
                        json!({"message": "Cannot send messages to this user", "code": 50007}),
                    ),
                )
                    .into_response();
            }
            if s.fail_dm_opens > 0 {
                s.fail_dm_opens -= 1;
                return server_error();
            }
            let user: u64 = body["recipient_id"]
                .as_str()
                .and_then(|r| r.parse().ok())
                .or_else(|| body["recipient_id"].as_u64())
                .unwrap_or(0);
            ok(json!({
                "id": dm(user).to_string(), "type": 1, "last_message_id": null,
                "recipients": [user_json(user, false)]
            }))
        }
        ("POST", ["api", "v10", "channels", channel, "messages"]) => {
            if s.rate_limit_posts > 0 {
                s.rate_limit_posts -= 1;
                let wait = if s.retry_after > 0.0 {
                    s.retry_after
                } else {
                    0.5
                };
                return (
                    StatusCode::TOO_MANY_REQUESTS,
                    [("retry-after", format!("{}", wait.ceil()))],
                    axum::Json(json!({"message": "You are being rate limited.", "retry_after": wait, "global": false, "code": 0})),
                )
                    .into_response();
            }
            let channel: u64 = channel.parse().unwrap_or(0);
            s.next_id += 1;
            let mut m = message(
                s.next_id,
                channel,
                user_json(BOT, true),
                body["content"].as_str().unwrap_or(""),
            );
            m["components"] = body.get("components").cloned().unwrap_or(json!([]));
            m["nonce"] = body.get("nonce").cloned().unwrap_or(Value::Null);
            m["attachments"] = files
                .iter()
                .enumerate()
                .map(|(i, (name, bytes))| attachment(i as u64 + 1, name, bytes.len(), base))
                .collect();
            for (name, bytes) in files {
                s.files.insert(name, bytes);
            }
            s.posted.entry(channel).or_default().0.push(m.clone());
            // Discord echoes the bot's own DM messages back on the gateway.
            s.seq += 1;
            let echo = json!({"op": 0, "t": "MESSAGE_CREATE", "s": s.seq, "d": m.clone()});
            if let Some(conn) = &s.conn {
                let _ = conn.send(Out::Frame(echo.to_string()));
            }
            ok(m)
        }
        ("POST", ["api", "v10", "interactions", _, _, "callback"]) => {
            if s.fail_callbacks > 0 {
                s.fail_callbacks -= 1;
                return server_error();
            }
            StatusCode::NO_CONTENT.into_response()
        }
        ("POST", ["api", "v10", "applications", _, "commands"]) => ok(json!({
            "id": "700000000000000001", "type": 1, "application_id": APP.to_string(),
            "name": body["name"], "description": body["description"],
            "description_localizations": body["description_localizations"],
            "version": "1", "default_member_permissions": null
        })),
        ("GET", ["files", name]) => match s.files.get(*name) {
            Some(bytes) => (StatusCode::OK, bytes.clone()).into_response(),
            None => StatusCode::NOT_FOUND.into_response(),
        },
        _ => (
            StatusCode::NOT_FOUND,
            axum::Json(json!({"message": "404: Not Found", "code": 0})),
        )
            .into_response(),
    }
}

async fn serve_gateway(state: Arc<Mutex<State>>, socket: tokio::net::TcpStream, ws_url: String) {
    let Ok(ws) = tokio_tungstenite::accept_async(socket).await else {
        return;
    };
    let (mut sink, mut stream) = ws.split();
    let (tx, mut rx) = unbounded_channel::<Out>();
    state.lock().unwrap().connections += 1;
    let hello = json!({"op": 10, "d": {"heartbeat_interval": 41250}});
    if sink.send(Ws::Text(hello.to_string())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            out = rx.recv() => match out {
                Some(Out::Frame(text)) => {
                    if sink.send(Ws::Text(text)).await.is_err() { return; }
                }
                Some(Out::Drop) | None => return,
            },
            frame = stream.next() => {
                let Some(Ok(Ws::Text(text))) = frame else { return };
                let Ok(frame) = serde_json::from_str::<Value>(&text) else { continue };
                let op = frame["op"].as_u64().unwrap_or(99);
                state.lock().unwrap().frames.push(frame.clone());
                match op {
                    1 => {
                        let ack = json!({"op": 11});
                        if sink.send(Ws::Text(ack.to_string())).await.is_err() { return; }
                    }
                    2 => {
                        if state.lock().unwrap().refuse_intents {
                            let close = CloseFrame { code: CloseCode::from(4014), reason: "Disallowed intent(s).".into() };
                            let _ = sink.send(Ws::Close(Some(close))).await;
                            return;
                        }
                        let ready = {
                            let mut s = state.lock().unwrap();
                            s.seq += 1;
                            json!({"op": 0, "t": "READY", "s": s.seq, "d": ready(&ws_url)})
                        };
                        if sink.send(Ws::Text(ready.to_string())).await.is_err() { return; }
                        let mut s = state.lock().unwrap();
                        s.conn = Some(tx.clone());
                        s.ready = true;
                    }
                    6 => {
                        let resumed = {
                            let mut s = state.lock().unwrap();
                            s.seq += 1;
                            json!({"op": 0, "t": "RESUMED", "s": s.seq, "d": {}})
                        };
                        if sink.send(Ws::Text(resumed.to_string())).await.is_err() { return; }
                        let mut s = state.lock().unwrap();
                        s.conn = Some(tx.clone());
                        s.ready = true;
                    }
                    _ => {}
                }
            }
        }
    }
}

fn multipart_boundary(headers: &HeaderMap) -> Option<String> {
    let kind = headers.get("content-type")?.to_str().ok()?;
    kind.strip_prefix("multipart/form-data; boundary=")
        .map(|b| b.trim_matches('"').to_string())
}

/// The JSON part (`payload_json`) and the files of a multipart message post.
fn multipart(body: &[u8], boundary: &str) -> (Value, Vec<(String, Vec<u8>)>) {
    let delimiter = format!("--{boundary}");
    let mut json_part = Value::Null;
    let mut files = Vec::new();
    for part in split_bytes(body, delimiter.as_bytes()) {
        let Some(split) = find(part, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..split]).to_string();
        let mut content = &part[split + 4..];
        if content.ends_with(b"\r\n") {
            content = &content[..content.len() - 2];
        }
        if head.contains("name=\"payload_json\"") {
            json_part = serde_json::from_slice(content).unwrap_or(Value::Null);
        } else if let Some(name) = head.split("filename=\"").nth(1) {
            let name = name.split('"').next().unwrap_or("").to_string();
            files.push((name, content.to_vec()));
        }
    }
    (json_part, files)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split_bytes<'a>(mut body: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    while let Some(at) = find(body, delimiter) {
        if at > 0 {
            parts.push(&body[..at]);
        }
        body = &body[at + delimiter.len()..];
    }
    parts
}

// --- Fixtures: the gateway payloads the adapter relies on ---

pub fn user_json(id: u64, bot: bool) -> Value {
    let name = match id {
        BOT => "Fyr".to_string(),
        other => format!("user{other}"),
    };
    json!({
        "id": id.to_string(), "username": name, "discriminator": "0",
        "global_name": name, "avatar": null, "bot": bot
    })
}

pub fn ready(ws_url: &str) -> Value {
    json!({
        "v": 10,
        "user": user_json(BOT, true),
        "guilds": [],
        "session_id": "fake-session-1",
        "resume_gateway_url": ws_url,
        "shard": [0, 1],
        "application": {"id": APP.to_string(), "flags": 0}
    })
}

pub fn message(id: u64, channel: u64, author: Value, content: &str) -> Value {
    json!({
        "id": id.to_string(), "channel_id": channel.to_string(), "author": author,
        "content": content, "timestamp": "2026-11-27T09:00:00.000000+00:00",
        "edited_timestamp": null, "tts": false, "mention_everyone": false,
        "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
        "pinned": false, "type": 0, "components": []
    })
}

pub fn attachment(id: u64, name: &str, size: usize, base: &str) -> Value {
    json!({
        "id": id.to_string(), "filename": name, "size": size,
        "url": format!("{base}/files/{name}"), "proxy_url": format!("{base}/files/{name}"),
        "content_type": "image/png"
    })
}

fn interaction_common(id: u64, kind: u8) -> Value {
    json!({
        "id": id.to_string(), "application_id": APP.to_string(), "type": kind,
        "token": format!("token-{id}"), "version": 1, "app_permissions": "0",
        "locale": "sv-SE", "entitlements": [], "authorizing_integration_owners": {},
        "attachment_size_limit": 10_485_760
    })
}

pub fn button_press(id: u64, user: u64, message: Value, custom_id: &str) -> Value {
    let mut i = interaction_common(id, 3);
    let channel: u64 = message["channel_id"]
        .as_str()
        .and_then(|c| c.parse().ok())
        .unwrap_or(dm(user));
    i["channel_id"] = json!(channel.to_string());
    i["channel"] = json!({"id": channel.to_string(), "type": 1});
    i["user"] = user_json(user, false);
    i["message"] = message;
    i["data"] = json!({"custom_id": custom_id, "component_type": 2});
    i["context"] = json!(1);
    i
}

pub fn slash_command(id: u64, user: u64, guild: u64) -> Value {
    let mut i = interaction_common(id, 2);
    i["guild_id"] = json!(guild.to_string());
    i["channel_id"] = json!("600000000000000001");
    i["channel"] = json!({"id": "600000000000000001", "type": 0, "guild_id": guild.to_string()});
    i["guild_locale"] = json!("sv-SE");
    i["member"] = json!({
        "user": user_json(user, false), "roles": [], "joined_at": "2026-01-01T00:00:00.000000+00:00",
        "deaf": false, "mute": false, "flags": 0, "permissions": "0"
    });
    i["data"] = json!({"id": "700000000000000001", "name": "fyr", "type": 1});
    i["context"] = json!(0);
    i
}
