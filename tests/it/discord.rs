//! Fyr on Discord. Three layers: the fake's payloads deserialize into serenity's own types (a
//! missing field would make serenity drop the event silently); the pure mapping between
//! serenity's model and Fyr's envelopes and buttons; and end to end, the real `fyr run` binary
//! with serenity, unmodified, against the fake gateway and REST API in fake_discord.rs.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use fyr::adapters::discord::{
    button_id, parse_button_id, plan_message, plan_outbound, FilePlan, MessagePlan, MAX_LABEL,
};
use fyr::i18n::Rendered;
use fyr::model::PersonId;
use serde_json::{json, Value};

use crate::fake_discord::{self as fake, dm, Fake, APP, BOT, GUILD};
use crate::support::{chat_platform_toml, sample_config, FyrRun};

/// One end-to-end Discord test at a time: each runs Fyr and a fake on two cores.
static SERIAL: Mutex<()> = Mutex::new(());

const SARA: u64 = 100_000_000_000_000_001;
const DORTHE: u64 = 100_000_000_000_000_002;
const MAGNUS: u64 = 100_000_000_000_000_003;
const KIM: u64 = 100_000_000_000_000_004;
const STRANGER: u64 = 100_000_000_000_000_099;

// --- Fixtures ---

#[test]
fn every_payload_the_adapter_relies_on_deserializes_into_serenity_types() {
    use serenity::all::{
        Attachment, Command as SlashCommand, CurrentUser, Interaction, Message, PrivateChannel,
        Ready,
    };
    let ready: Ready = serde_json::from_value(fake::ready("ws://127.0.0.1:1")).unwrap();
    assert_eq!(ready.user.id.get(), BOT);
    assert_eq!(ready.application.id.get(), APP);
    let _: CurrentUser = serde_json::from_value(fake::user_json(BOT, true)).unwrap();

    let m: Message = serde_json::from_value(fake::message(
        7,
        dm(SARA),
        fake::user_json(SARA, false),
        "hej",
    ))
    .unwrap();
    assert_eq!((m.author.id.get(), m.content.as_str()), (SARA, "hej"));
    assert!(m.guild_id.is_none());

    let a: Attachment =
        serde_json::from_value(fake::attachment(8, "bild.png", 12, "http://x")).unwrap();
    assert_eq!((a.filename.as_str(), a.size), ("bild.png", 12));

    let mut posted = fake::message(9, dm(SARA), fake::user_json(BOT, true), "Fråga");
    posted["components"] = json!([{"type": 1, "components": [
        {"type": 2, "style": 2, "label": "1. Ja", "custom_id": button_id("0000000000000001", 1)}
    ]}]);
    let press: Interaction = serde_json::from_value(fake::button_press(
        10,
        SARA,
        posted,
        &button_id("0000000000000001", 1),
    ))
    .unwrap();
    let Interaction::Component(press) = press else {
        panic!("a button press is a component interaction")
    };
    assert_eq!(press.data.custom_id, button_id("0000000000000001", 1));
    assert_eq!(press.message.components.len(), 1);

    let slash: Interaction = serde_json::from_value(fake::slash_command(11, SARA, GUILD)).unwrap();
    let Interaction::Command(slash) = slash else {
        panic!("/fyr is a command interaction")
    };
    assert_eq!(slash.data.name, "fyr");
    assert_eq!(slash.user.id.get(), SARA);
    assert_eq!(slash.guild_id.map(|g| g.get()), Some(GUILD));

    let channel: PrivateChannel = serde_json::from_value(json!({
        "id": dm(SARA).to_string(), "type": 1, "last_message_id": null,
        "recipients": [fake::user_json(SARA, false)]
    }))
    .unwrap();
    assert_eq!(channel.id.get(), dm(SARA));
    let _: SlashCommand = serde_json::from_value(json!({
        "id": "1", "type": 1, "application_id": APP.to_string(), "name": "fyr",
        "description": "x", "version": "1", "default_member_permissions": null
    }))
    .unwrap();
}

// --- Pure mapping ---

fn discord_config() -> fyr::config::Config {
    let mut config = sample_config();
    for p in &mut config.persons {
        p.discord = match p.id.as_str() {
            "se-employee" => Some(SARA),
            "dk-employee" => Some(DORTHE),
            "se-manager" => Some(MAGNUS),
            _ => None,
        };
    }
    config
}

fn msg(author: Value, content: &str) -> serenity::all::Message {
    serde_json::from_value(fake::message(1, dm(SARA), author, content)).unwrap()
}

#[test]
fn messages_map_to_people_strangers_or_nothing() {
    let config = discord_config();
    let limit = 10 * 1024 * 1024;
    assert_eq!(
        plan_message(&config, BOT, &msg(fake::user_json(BOT, true), "x"), limit),
        MessagePlan::Ignore("own message")
    );
    let mut other_bot = fake::user_json(555, true);
    other_bot["id"] = json!("555");
    assert_eq!(
        plan_message(&config, BOT, &msg(other_bot, "x"), limit),
        MessagePlan::Ignore("from a bot")
    );
    let mut in_server = fake::message(1, 5, fake::user_json(SARA, false), "hej");
    in_server["guild_id"] = json!(GUILD.to_string());
    let in_server = serde_json::from_value(in_server).unwrap();
    assert_eq!(
        plan_message(&config, BOT, &in_server, limit),
        MessagePlan::Ignore("not a direct message")
    );
    assert_eq!(
        plan_message(
            &config,
            BOT,
            &msg(fake::user_json(STRANGER, false), "hej"),
            limit
        ),
        MessagePlan::Stranger {
            channel: dm(SARA).to_string()
        }
    );
    let mut with_files = fake::message(1, dm(SARA), fake::user_json(SARA, false), "  se bild ");
    with_files["attachments"] = json!([
        fake::attachment(2, "liten.png", 100, "http://f"),
        fake::attachment(3, "stor.mov", 200 * 1024 * 1024, "http://f"),
    ]);
    let with_files = serde_json::from_value(with_files).unwrap();
    assert_eq!(
        plan_message(&config, BOT, &with_files, limit),
        MessagePlan::Person {
            person: PersonId::new("se-employee"),
            channel: dm(SARA).to_string(),
            text: Some("se bild".into()),
            files: vec![
                FilePlan::Fetch {
                    index: 0,
                    name: "liten.png".into()
                },
                FilePlan::TooBig
            ],
        }
    );
}

#[test]
fn options_become_numbered_buttons_carrying_the_message_tag() {
    let options = vec!["Ja".to_string(), "Nej, inte nu".to_string()];
    let rendered = Rendered {
        to: PersonId::new("se-employee"),
        text: "Vill du fortsätta?".into(),
        options: options.clone(),
        files: Vec::new(),
    };
    let plan = plan_outbound(&rendered, "0123456789abcdef");
    assert_eq!(plan.pieces, ["Vill du fortsätta?"]);
    let labels: Vec<&str> = plan.buttons.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["1. Ja", "2. Nej, inte nu"]);
    for (i, b) in plan.buttons.iter().enumerate() {
        assert_eq!(
            parse_button_id(&b.id),
            Some(("0123456789abcdef".to_string(), i as u32 + 1))
        );
    }

    // A label too long for a button is shortened, and the full list goes into the text.
    let long = "å".repeat(120);
    let rendered = Rendered {
        options: vec![long.clone(), "Kort".into()],
        ..rendered
    };
    let plan = plan_outbound(&rendered, "0123456789abcdef");
    assert_eq!(plan.buttons[0].label.chars().count(), MAX_LABEL);
    assert!(plan.buttons[0].label.ends_with('…'));
    assert!(plan.pieces[0].contains(&format!("1) {long}")));
    assert!(plan.pieces[0].contains("2) Kort"));
}

// --- End to end ---

/// The sample organisation with Discord ids, and Fyr pointed at the fake.
fn bot_toml(dir: &Path, base: &str, extra: &str) -> PathBuf {
    let ids = [
        ("se-employee", format!("discord = \"{SARA}\"")),
        ("dk-employee", format!("discord = \"{DORTHE}\"")),
        ("se-manager", format!("discord = \"{MAGNUS}\"")),
        ("se-colleague", format!("discord = \"{KIM}\"")),
    ];
    let tail =
        format!("\n[discord]\ntoken_env = \"FYR_DISCORD_TOKEN\"\napi_base = \"{base}\"\n{extra}");
    chat_platform_toml(dir, &ids, &tail)
}

/// The real `fyr run`, pointed at the fake.
struct Fyr;

impl Fyr {
    fn spawn(dir: &Path, fake: &Fake, extra: &str, token: Option<&str>) -> FyrRun {
        let config = bot_toml(dir, &fake.base, extra);
        // An empty variable is a missing token too (Fyr trims what it reads).
        FyrRun::spawn(dir, &config, &[("FYR_DISCORD_TOKEN", token.unwrap_or(""))])
    }

    fn start(dir: &Path, fake: &Fake, extra: &str) -> FyrRun {
        let fyr = Fyr::spawn(dir, fake, extra, Some("fake-token"));
        fyr.wait_for_log("connected to Discord");
        fake.wait_ready();
        fyr
    }
}

/// The custom id of button `n` under a message the bot posted.
fn button(message: &Value, n: usize) -> String {
    let ids: Vec<String> = message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["custom_id"].as_str().map(str::to_string))
        .collect();
    ids.get(n - 1)
        .cloned()
        .unwrap_or_else(|| panic!("no button {n} under {message}"))
}

/// The interaction callbacks (type and data) the bot made for the last dispatched interaction.
fn callback(fake: &Fake) -> Value {
    let id = fake.last_id().to_string();
    fake.wait_for(&format!("a callback for interaction {id}"), |s| {
        s.requests
            .iter()
            .find(|r| r.path.starts_with(&format!("/api/v10/interactions/{id}/")))
            .map(|r| r.body.clone())
    })
}

fn text_of(callback: &Value) -> String {
    callback["data"]["content"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn employees_talk_in_swedish_and_danish_and_a_manager_acknowledges_by_button() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();
    let fyr = Fyr::start(dir.path(), &fake, "");
    // /fyr is registered at start, with Swedish and Danish descriptions.
    let registered = fake.wait_for("the /fyr command", |s| {
        s.requests
            .iter()
            .find(|r| r.path == format!("/api/v10/applications/{APP}/commands"))
            .map(|r| r.body.clone())
    });
    assert_eq!(registered["name"], "fyr");
    assert!(registered["description_localizations"]["sv-SE"]
        .as_str()
        .unwrap()
        .contains("privat meddelande"));
    assert!(registered["description_localizations"]["da"]
        .as_str()
        .unwrap()
        .contains("privat besked"));

    fake.say(SARA, "hej");
    let greeting = fake.expect(dm(SARA), "Hej Sara");
    // The button answers the question and the message is updated in place.
    fake.press(SARA, &greeting, &button(&greeting, 2));
    let update = callback(&fake);
    assert_eq!(update["type"], 7, "{update}");
    assert_eq!(update["data"]["components"], json!([]));
    assert!(text_of(&update).contains("» 2."), "{update}");
    fake.expect(dm(SARA), "Vad har hänt?");

    // A picture in the DM is downloaded and sealed as evidence.
    fake.send_file(SARA, "skärmdump.png", b"\x89PNG not really a picture");
    fake.expect(dm(SARA), "Sparat som nummer 1");

    fake.say(DORTHE, "hej");
    fake.expect(dm(DORTHE), "Hej Dorthe");
    fake.say(DORTHE, "2");
    fake.expect(dm(DORTHE), "Hvad er der sket?");

    // Sara: threat → continue → evidence later ×3 → stop → platform later → tell manager →
    // call today → send. Each answer waits for Fyr's reply and comes a second after the
    // previous one, as a person's would (faster, flood control steps in: tests/it/flood.rs).
    for answer in ["1", "2", "2", "2", "2", "1", "2", "1", "1"] {
        let before = fake.with(|s| fake_posted_len(s, dm(SARA)));
        std::thread::sleep(Duration::from_millis(1000));
        fake.say(SARA, answer);
        fake.wait_for("a reply", |s| {
            (fake_posted_len(s, dm(SARA)) > before).then_some(())
        });
    }
    fake.expect(dm(SARA), "Ska jag skicka det?");
    fake.say(SARA, "1");
    let notification = fake.expect(dm(MAGNUS), "Sara Lind på din enhet");
    // The notification is sent with a nonce, so a retried delivery shows once.
    assert_eq!(notification["nonce"].as_str().map(str::len), Some(24));
    fake.press(MAGNUS, &notification, &button(&notification, 1));
    assert_eq!(callback(&fake)["type"], 7);
    fake.expect(dm(MAGNUS), "Tack. Jag har meddelat Sara Lind");
    fake.expect(dm(SARA), "Magnus Berg har kvitterat");

    // Someone not in bot.toml gets a polite answer; another bot is ignored.
    let mut other_bot = fake::user_json(555, true);
    other_bot["id"] = json!("555");
    fake.dispatch("MESSAGE_CREATE", fake::message(77, 4242, other_bot, "hej"));
    fake.say(STRANGER, "hej");
    fake.expect(dm(STRANGER), "egen personal");
    assert!(fake.posted(4242).is_empty());
    // Fyr ignored its own echoed messages: each reply to Sara was answered once, not again.
    assert_eq!(
        fake.posted(dm(MAGNUS))
            .iter()
            .filter(|m| m["content"].as_str().unwrap().contains("Påminnelse"))
            .count(),
        0
    );
    assert!(!fyr.log().contains("hej"), "no message text in the log");
    fyr.kill();

    // Nothing pending would ping Magnus again about the escalation.
    let store = crate::support::reopen(&dir.path().join("fyr-data"));
    use fyr::store::Store;
    let keys: Vec<String> = store.timers().unwrap().into_iter().map(|t| t.key).collect();
    assert!(
        !keys
            .iter()
            .any(|k| k.contains("/remind/manager/") || k.contains("/advance/manager/")),
        "{keys:?}"
    );
}

fn fake_posted_len(s: &mut fake::State, channel: u64) -> usize {
    s.requests
        .iter()
        .filter(|r| r.method == "POST" && r.path == format!("/api/v10/channels/{channel}/messages"))
        .count()
}

#[test]
fn slash_command_answers_only_the_person_and_opens_a_dm_and_odd_interactions_get_clear_answers() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();
    let fyr = Fyr::start(dir.path(), &fake, &format!("servers = [\"{GUILD}\"]\n"));

    fake.slash(SARA, GUILD);
    let answer = callback(&fake);
    assert_eq!(answer["type"], 4);
    assert_eq!(answer["data"]["flags"], 64, "ephemeral: {answer}");
    assert!(text_of(&answer).contains("privat meddelande"), "{answer}");
    let greeting = fake.expect(dm(SARA), "Hej Sara");
    assert!(fake.with(|s| s
        .requests
        .iter()
        .any(|r| r.path == "/api/v10/users/@me/channels"
            && r.body["recipient_id"]
                .to_string()
                .contains(&SARA.to_string()))));

    // In a server Fyr does not serve: a clear answer, to that person only.
    fake.slash(SARA, GUILD + 1);
    let answer = callback(&fake);
    assert_eq!(answer["data"]["flags"], 64);
    assert!(text_of(&answer).contains("inte inställt"), "{answer}");

    // Someone not in bot.toml.
    fake.slash(STRANGER, GUILD);
    let answer = callback(&fake);
    assert_eq!(answer["data"]["flags"], 64);
    assert!(text_of(&answer).contains("egen personal"), "{answer}");

    // A button Fyr never made.
    fake.press(SARA, &greeting, "something-else");
    let answer = callback(&fake);
    assert_eq!(
        (answer["type"].clone(), answer["data"]["flags"].clone()),
        (json!(4), json!(64))
    );
    assert!(
        text_of(&answer).contains("känner jag inte igen"),
        "{answer}"
    );

    // A button from an earlier question: the message is updated, and Fyr shows the current one.
    fake.say(SARA, "2");
    fake.expect(dm(SARA), "Vad har hänt?");
    fake.press(SARA, &greeting, &button(&greeting, 3));
    assert_eq!(callback(&fake)["type"], 6, "not shown as chosen");
    fake.expect(dm(SARA), "tidigare fråga");

    // The export from the menu arrives as attachments in the DM.
    fake.say(SARA, "meny");
    fake.expect(dm(SARA), "Vart vill du gå?");
    fake.say(SARA, "15");
    let export = fake.expect(dm(SARA), "Här är exporten");
    let names: Vec<&str> = export["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["filename"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 3, "{export}");
    assert!(names[0].ends_with("-report.pdf"), "{names:?}");
    let pdf = fake.with(|s| s.files.get(names[0]).cloned().unwrap());
    assert!(pdf.starts_with(b"%PDF"));

    fyr.kill();
}

#[test]
fn a_dropped_gateway_connection_resumes_and_rate_limits_are_waited_out() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();
    // This organisation keeps exports out of Discord.
    let fyr = Fyr::start(dir.path(), &fake, "export_attachments = false\n");
    fake.say(SARA, "hej");
    fake.expect(dm(SARA), "Hej Sara");

    fake.drop_connection();
    let resume = fake.wait_for("a RESUME", |s| {
        s.frames.iter().find(|f| f["op"] == 6).cloned()
    });
    assert_eq!(resume["d"]["session_id"], "fake-session-1");
    assert!(resume["d"]["seq"].as_u64().unwrap() >= 1);
    fake.wait_ready();
    fake.say(SARA, "2");
    fake.expect(dm(SARA), "Vad har hänt?");
    assert_eq!(fake.with(|s| s.connections), 2);
    assert_eq!(
        fake.with(|s| s.frames.iter().filter(|f| f["op"] == 2).count()),
        1,
        "resumed, not identified again"
    );

    // Two 429s, then the message goes through, once.
    fake.with(|s| s.rate_limit_posts = 2);
    let before = fake.with(|s| fake_posted_len(s, dm(SARA)));
    fake.say(SARA, "meny");
    fake.wait_for("the menu, after two 429s", |s| {
        (fake_posted_len(s, dm(SARA)) >= before + 3).then_some(())
    });
    std::thread::sleep(Duration::from_millis(500));
    let after = fake.with(|s| fake_posted_len(s, dm(SARA)));
    assert_eq!(after - before, 3, "two refused, one accepted");
    assert_eq!(fake.posted(dm(SARA)).len(), 3, "shown once");
    assert!(fyr.log().contains("slow down"));

    // With export_attachments = false the export gives the reference for the operator.
    fake.say(SARA, "15");
    let answer = fake.expect(dm(SARA), "administratör");
    assert_eq!(answer["attachments"], json!([]));
    fyr.kill();
}

#[test]
fn a_bad_token_or_refused_intents_stop_fyr_with_a_clear_error() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();

    let (code, log) = Fyr::spawn(dir.path(), &fake, "", None).wait_exit();
    assert_ne!(code, Some(0));
    assert!(log.contains("FYR_DISCORD_TOKEN"), "{log}");

    fake.with(|s| s.reject_token = true);
    let (code, log) = Fyr::spawn(dir.path(), &fake, "", Some("wrong")).wait_exit();
    assert_ne!(code, Some(0));
    assert!(log.contains("Discord refused the bot token"), "{log}");
    assert!(log.contains("help:"), "{log}");

    fake.with(|s| {
        s.reject_token = false;
        s.refuse_intents = true;
    });
    let (code, log) = Fyr::spawn(dir.path(), &fake, "", Some("fake-token")).wait_exit();
    assert_ne!(code, Some(0));
    assert!(log.contains("gateway intents"), "{log}");
}

/// The last message the bot posted in `channel` that has buttons.
fn last_with_buttons(fake: &Fake, channel: u64) -> Value {
    fake.posted(channel)
        .into_iter()
        .rev()
        .find(|m| m["components"].as_array().is_some_and(|c| !c.is_empty()))
        .unwrap_or_else(|| panic!("no message with buttons in {channel}"))
}

/// Whether any message the bot posted in `channel` contains `needle`.
fn said(fake: &Fake, channel: u64, needle: &str) -> bool {
    fake.posted(channel)
        .iter()
        .any(|m| m["content"].as_str().unwrap_or("").contains(needle))
}

/// Sara and Kim each report a threat and have their manager Magnus told, answering a second
/// apart as people would (flood control: tests/it/flood.rs). Returns Magnus's two
/// notifications, Sara's first.
fn two_cases_notified(fake: &Fake) -> (Value, Value) {
    for (who, name) in [(SARA, "Hej Sara"), (KIM, "Hej Kim")] {
        fake.say(who, "hej");
        fake.expect(dm(who), name);
    }
    let answers = ["2", "1", "2", "2", "2", "2", "1", "2", "1", "1"];
    for who in [SARA, KIM] {
        for answer in answers {
            let before = fake.with(|s| fake_posted_len(s, dm(who)));
            std::thread::sleep(Duration::from_millis(1000));
            fake.say(who, answer);
            fake.wait_for("a reply", |s| {
                (fake_posted_len(s, dm(who)) > before).then_some(())
            });
        }
        fake.expect(dm(who), "Ska jag skicka det?");
        fake.say(who, "1");
        if who == SARA {
            fake.expect(dm(MAGNUS), "Sara Lind på din enhet");
        }
    }
    let kims = fake.expect(dm(MAGNUS), "Kim Strand på din enhet");
    let saras = fake
        .posted(dm(MAGNUS))
        .into_iter()
        .find(|m| {
            m["content"]
                .as_str()
                .unwrap_or("")
                .contains("Sara Lind på din enhet")
        })
        .unwrap();
    (saras, kims)
}

#[test]
fn a_button_acknowledges_only_the_case_of_the_message_it_sits_under() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();
    let fyr = Fyr::start(dir.path(), &fake, "");
    let (saras, kims) = two_cases_notified(&fake);
    // Every notification has its own buttons, though the options read the same.
    assert_ne!(button(&saras, 1), button(&kims, 1));

    // "Kvittera" on Sara's older notification: not Kim's case, not Sara's either — an earlier
    // question, and the open one again; the message is not marked as answered.
    fake.press(MAGNUS, &saras, &button(&saras, 1));
    let answer = callback(&fake);
    assert_ne!(
        answer["type"], 7,
        "shown as chosen although refused: {answer}"
    );
    fake.expect(dm(MAGNUS), "tidigare fråga");
    std::thread::sleep(Duration::from_millis(1500));
    for who in [SARA, KIM] {
        assert!(
            !said(&fake, dm(who), "har kvitterat ditt meddelande"),
            "acknowledged by a stale press"
        );
    }

    // The open question, shown again, acknowledges the case it names.
    let open = last_with_buttons(&fake, dm(MAGNUS));
    let content = open["content"].as_str().unwrap().to_string();
    fake.press(MAGNUS, &open, &button(&open, 1));
    let update = callback(&fake);
    assert_eq!(update["type"], 7, "{update}");
    assert!(text_of(&update).contains("» 1."), "{update}");
    let (named, other) = if content.contains("Kim Strand") {
        (KIM, SARA)
    } else {
        (SARA, KIM)
    };
    fake.expect(dm(named), "har kvitterat ditt meddelande");
    std::thread::sleep(Duration::from_millis(500));
    assert!(!said(&fake, dm(other), "har kvitterat ditt meddelande"));
    // Kim's original notification is an earlier question now too: it acknowledges nothing.
    let stale_count = fake
        .posted(dm(MAGNUS))
        .iter()
        .filter(|m| {
            m["content"]
                .as_str()
                .unwrap_or("")
                .contains("tidigare fråga")
        })
        .count();
    fake.press(MAGNUS, &kims, &button(&kims, 1));
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while fake
        .posted(dm(MAGNUS))
        .iter()
        .filter(|m| {
            m["content"]
                .as_str()
                .unwrap_or("")
                .contains("tidigare fråga")
        })
        .count()
        == stale_count
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no second 'earlier question'"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    fyr.kill();
}

#[test]
fn a_press_shows_as_chosen_only_once_taken_and_answers_and_dm_openings_are_retried() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();
    let fyr = Fyr::start(dir.path(), &fake, "");

    // One failed DM opening is retried: the person still gets their DM.
    fake.with(|s| s.fail_dm_opens = 1);
    fake.slash(SARA, GUILD);
    assert!(text_of(&callback(&fake)).contains("privat meddelande"));
    let greeting = fake.expect(dm(SARA), "Hej Sara");

    // An answer to a button that fails once is sent again.
    fake.with(|s| s.fail_callbacks = 1);
    fake.press(SARA, &greeting, &button(&greeting, 2));
    let id = fake.last_id().to_string();
    fake.expect(dm(SARA), "Vad har hänt?");
    let answers = fake.wait_for("the retried answer", |s| {
        let bodies: Vec<Value> = s
            .requests
            .iter()
            .filter(|r| r.path.starts_with(&format!("/api/v10/interactions/{id}/")))
            .map(|r| r.body.clone())
            .collect();
        (bodies.len() >= 2).then_some(bodies)
    });
    assert_eq!(answers.len(), 2, "one refused, one accepted");
    assert_eq!(answers[1]["type"], 7);
    assert!(text_of(&answers[1]).contains("» 2."));

    // A press on the greeting now is refused: its message stays as it was.
    fake.press(SARA, &greeting, &button(&greeting, 3));
    assert_eq!(
        callback(&fake)["type"],
        6,
        "acknowledged, not shown as chosen"
    );
    fake.expect(dm(SARA), "tidigare fråga");

    // A DM opening that keeps failing does not blame the person's settings...
    fake.with(|s| s.fail_dm_opens = 10);
    fake.slash(SARA, GUILD);
    let answer = text_of(&callback(&fake));
    assert!(!answer.contains("Integritetsinställningar"), "{answer}");
    assert!(answer.contains("skriv /fyr igen"), "{answer}");
    // ...unless Discord said they refuse DMs (50007).
    fake.with(|s| {
        s.fail_dm_opens = 0;
        s.refuse_dms = true;
    });
    fake.slash(SARA, GUILD);
    let answer = text_of(&callback(&fake));
    assert!(answer.contains("Integritetsinställningar"), "{answer}");
    fyr.kill();
}

#[test]
fn a_message_serenity_cannot_read_leaves_no_text_in_the_log_at_any_level() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();
    let config = bot_toml(dir.path(), &fake.base, "");
    let fyr = FyrRun::spawn(
        dir.path(),
        &config,
        &[("FYR_DISCORD_TOKEN", "fake-token"), ("FYR_LOG", "trace")],
    );
    fyr.wait_for_log("connected to Discord");
    fake.wait_ready();
    // A DM whose id serenity cannot read, then an ordinary one.
    let mut bad = fake::message(1, dm(SARA), fake::user_json(SARA, false), "hemligt-ord-ett");
    bad["id"] = json!("inte-ett-nummer");
    fake.dispatch("MESSAGE_CREATE", bad);
    fake.say(SARA, "hemligt-ord-två");
    fake.expect(dm(SARA), "Hej Sara");
    fake.say(SARA, "2");
    fake.expect(dm(SARA), "Vad har hänt?");
    std::thread::sleep(Duration::from_millis(500));
    let log = fyr.log();
    assert!(log.contains("connected to Discord"), "the log works");
    for secret in [
        "hemligt-ord-ett",
        "hemligt-ord-två",
        "Hej Sara",
        "Vad har hänt",
    ] {
        assert!(!log.contains(secret), "`{secret}` in the log");
    }
    fyr.kill();
}

#[test]
fn sigterm_stops_fyr_run_cleanly_within_seconds() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();
    let fyr = Fyr::start(dir.path(), &fake, "");
    fake.say(SARA, "hej");
    fake.expect(dm(SARA), "Hej Sara");
    let pid_file = dir.path().join("fyr-data/fyr.pid");
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let started = std::time::Instant::now();
    let status = std::process::Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .unwrap();
    assert!(status.success());
    let (code, log) = fyr.wait_exit();
    assert_eq!(code, Some(0), "{log}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(log.contains("stopped: the store is flushed"), "{log}");
    assert!(!pid_file.exists(), "the pid file is removed");
    // What Sara said is there after the stop.
    let store = crate::support::reopen(&dir.path().join("fyr-data"));
    assert!(
        fyr::store::Store::load_conversation(&store, &PersonId::new("se-employee"))
            .unwrap()
            .is_some()
    );
}

/// One HTTP GET on this machine, the body returned.
fn http_get(port: u16, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn the_metrics_endpoint_serves_counts_and_nothing_else() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let fake = Fake::start();
    let extra = format!("\n[metrics]\naddress = \"127.0.0.1:{port}\"\n");
    let fyr = Fyr::start(dir.path(), &fake, &extra);
    fyr.wait_for_log("metrics on http://127.0.0.1:");
    fake.say(SARA, "hej");
    fake.expect(dm(SARA), "Hej Sara");
    std::thread::sleep(Duration::from_millis(1000));
    fake.say(SARA, "2");
    fake.expect(dm(SARA), "Vad har hänt?");
    std::thread::sleep(Duration::from_millis(1000));
    fake.say(SARA, "1");
    // The gauges are refreshed every few seconds: Sara's case shows up as one open case.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let body = loop {
        let response = http_get(port, "/metrics");
        assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
        assert!(response.contains("Content-Type: text/plain; version=0.0.4"));
        let body = response.split("\r\n\r\n").nth(1).unwrap().to_string();
        if body.contains("fyr_open_cases 1\n") {
            break body;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no open case:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    for name in [
        "fyr_pending_timers ",
        "fyr_outbox_backlog ",
        "fyr_outbox_oldest_age_seconds ",
        "fyr_reminders_sent ",
        "fyr_delivery_failures_total{platform=\"discord\"} ",
        "fyr_seconds_since_last_event{platform=\"discord\"} ",
    ] {
        assert!(body.contains(name), "{name} missing:\n{body}");
    }
    // Counts only: every line is a comment or `name{platform="…"} number`.
    for line in body.lines() {
        let ok = line.starts_with("# HELP fyr_")
            || line.starts_with("# TYPE fyr_")
            || line.rsplit_once(' ').is_some_and(|(name, value)| {
                value.parse::<u64>().is_ok()
                    && name.starts_with("fyr_")
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || "_{}=\"".contains(c))
            });
        assert!(ok, "not a count: {line}");
    }
    for secret in [
        "se-employee",
        "Sara",
        "Lind",
        &SARA.to_string(),
        "hej",
        "F-",
    ] {
        assert!(!body.contains(secret), "`{secret}` in the metrics:\n{body}");
    }
    assert!(http_get(port, "/").starts_with("HTTP/1.1 404"));
    drop(fyr);
}

#[test]
fn fyr_log_format_json_writes_one_json_object_per_line() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();
    let config = bot_toml(dir.path(), &fake.base, "");
    let fyr = FyrRun::spawn(
        dir.path(),
        &config,
        &[
            ("FYR_DISCORD_TOKEN", "fake-token"),
            ("FYR_LOG_FORMAT", "json"),
        ],
    );
    fyr.wait_for_log("connected to Discord");
    let log = fyr.log();
    let mut lines = 0;
    for line in log.lines().filter(|l| !l.trim().is_empty()) {
        let value: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}\n{log}"));
        assert!(
            value["level"].is_string() && value["timestamp"].is_string(),
            "{line}"
        );
        lines += 1;
    }
    assert!(lines >= 1, "{log}");
}

#[test]
fn after_fyr_reload_a_person_added_to_the_configuration_can_write_at_once() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();
    let fyr = Fyr::start(dir.path(), &fake, "");
    fake.say(STRANGER, "hej");
    fake.expect(dm(STRANGER), "egen personal");

    let config = dir.path().join("bot.toml");
    let text = std::fs::read_to_string(&config).unwrap().replace(
        "id = \"se-deputy\"",
        &format!("id = \"se-deputy\"\ndiscord = \"{STRANGER}\""),
    );
    std::fs::write(&config, text).unwrap();
    let out = std::process::Command::new(crate::support::fyr_bin())
        .arg("reload")
        .arg("--data")
        .arg(dir.path().join("fyr-data"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fyr.wait_for_log("configuration reloaded");
    std::thread::sleep(Duration::from_millis(1000));
    fake.say(STRANGER, "hej");
    fake.expect(dm(STRANGER), "Hej Dalia");
}

#[test]
fn doctor_checks_the_discord_token() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::start();
    let config = bot_toml(dir.path(), &fake.base, "");
    let doctor = || {
        let out = std::process::Command::new(crate::support::fyr_bin())
            .arg("doctor")
            .arg("--config")
            .arg(&config)
            .arg("--data")
            .arg(dir.path().join("fyr-data"))
            .env("FYR_DISCORD_TOKEN", "fake-token")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, report) = doctor();
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report.contains("ok    discord        the bot token is valid"),
        "{report}"
    );
    fake.with(|s| s.reject_token = true);
    let (code, report) = doctor();
    assert_eq!(code, Some(1), "{report}");
    assert!(
        report.contains("FAIL  discord        Discord refuses the bot token (401)"),
        "{report}"
    );
    assert!(report.contains("fix: copy a new token"), "{report}");
}
