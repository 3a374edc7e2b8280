//! The Discord adapter (feature `discord`): employees write to the bot in direct messages, or
//! type `/fyr` in a server, which answers only them (ephemeral) and opens a DM. Options are
//! buttons; pressing one updates that message (its buttons go, the choice is shown) and passes
//! the choice on with a fingerprint of the question, so a button from an old message cannot
//! answer a new one. Managers and safety representatives get notifications by DM with the same
//! buttons, acknowledge included. Files posted in the DM are downloaded and handed on as
//! evidence.
//!
//! The mapping between serenity's model and Fyr's envelopes is pure (`plan_message`,
//! `plan_outbound`, `button_id`), so most of it is tested without a network; the end-to-end
//! tests run this adapter, unmodified, against a fake gateway and REST API (tests/it/fake_discord.rs).
//!
//! Against Discord itself serenity's rate limiter honours `retry-after`. With `api_base` set
//! (a proxy, or the fake), serenity hands 429s back to us without the wait they asked for
//! (serenity 0.12 keeps neither the headers nor the body's `retry_after` of an error), so
//! sends are retried here with a growing wait before the outbox takes over. Answers to
//! interactions, DM openings and edits are also retried after a 5xx or a lost connection:
//! repeating them shows nothing twice.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use serenity::all::{
    ButtonStyle, ChannelId, CommandInteraction, ComponentInteraction, Context, CreateActionRow,
    CreateButton, CreateCommand, CreateInteractionResponse, CreateInteractionResponseMessage,
    CreateMessage, EventHandler, GatewayIntents, HttpBuilder, Interaction, Message, Nonce, Ready,
    UserId,
};
use serenity::async_trait;
use serenity::http::{Http, HttpError};
use sha2::{Digest, Sha256};
use thiserror::Error;
use tokio::runtime::Handle;

use crate::adapters::{ChoiceVerdict, Envelope, Outlet, Sender, What};
use crate::config::{Config, Person};
use crate::engine::Msg;
use crate::i18n::{Localizer, Rendered};
use crate::model::Language;

/// Discord's limit on one message's text.
pub const MAX_CONTENT: usize = 2000;
/// Discord's limit on a button's label.
pub const MAX_LABEL: usize = 80;
/// At most five rows of five buttons fit under one message.
pub const MAX_BUTTONS: usize = 25;
/// The most Fyr attaches to one message: under Discord's 10 MB upload limit for bots.
pub const MAX_ATTACHMENTS: u64 = 9 * 1024 * 1024;
/// The slash command that opens a private conversation.
pub const COMMAND: &str = "fyr";

#[derive(Debug, Error)]
pub enum DiscordError {
    #[error("cannot read the Discord bot token: {0}\n  help: set the environment variable or file named in [discord] token_env / token_file")]
    Token(String),
    #[error("Discord refused the bot token\n  help: copy the token again from the Discord developer portal (Bot → Reset Token) into the variable or file named in [discord]")]
    BadToken,
    #[error("Discord refused the gateway intents Fyr asks for (direct messages)\n  help: check the bot's settings under Bot → Privileged Gateway Intents in the Discord developer portal")]
    DisallowedIntents,
    #[error("cannot reach Discord at {base}: {detail}\n  help: check the network, or [discord] api_base in bot.toml")]
    Unreachable { base: String, detail: String },
    #[error("the connection to Discord ended: {0}")]
    Gateway(String),
}

/// A button's custom id: the tag of the message it sits under (unique to that message, see
/// [`crate::adapters::Outlet::send`]) and the option's number.
pub fn button_id(tag: &str, n: u32) -> String {
    format!("fyr:{tag}:{n}")
}

/// The tag and number in a button id made by [`button_id`]; None for anything else.
pub fn parse_button_id(id: &str) -> Option<(String, u32)> {
    let mut parts = id.split(':');
    let (Some("fyr"), Some(tag), Some(n), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if tag.len() != 16 || !tag.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let n: u32 = n.parse().ok()?;
    (n >= 1).then_some(())?;
    Some((tag.to_string(), n))
}

/// How long a button press waits for the driver's verdict before it is acknowledged without
/// one (Discord wants an answer within 3 s).
const VERDICT_WAIT: Duration = Duration::from_secs(2);

/// A pressed message as it reads once the choice is taken: its text and "» label".
fn chosen_content(press: &ComponentInteraction, n: u32) -> String {
    let label = press
        .message
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            serenity::all::ActionRowComponent::Button(b) => match &b.data {
                serenity::all::ButtonKind::NonLink { custom_id, .. }
                    if *custom_id == press.data.custom_id =>
                {
                    b.label.clone()
                }
                _ => None,
            },
            _ => None,
        })
        .unwrap_or_else(|| n.to_string());
    let content = format!("{}\n\n» {label}", press.message.content);
    split_content(&content, MAX_CONTENT).remove(0)
}

/// A button as Fyr wants it drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Button {
    pub id: String,
    pub label: String,
}

/// One rendered message as Discord messages: the text in pieces of at most 2000 characters,
/// and the buttons that go under the last piece.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outbound {
    pub pieces: Vec<String>,
    pub buttons: Vec<Button>,
}

/// How a rendered message is shown on Discord. Options become buttons labelled with their
/// number; when a label had to be shortened, or there are more options than buttons fit, the
/// text also lists them in full, so nothing is hidden and typing the number always works.
/// The buttons carry `tag`, the message's own id.
pub fn plan_outbound(message: &Rendered, tag: &str) -> Outbound {
    let mut buttons = Vec::new();
    let mut complete = message.options.len() <= MAX_BUTTONS;
    for (i, option) in message.options.iter().enumerate().take(MAX_BUTTONS) {
        let n = i as u32 + 1;
        let full = format!("{n}. {option}");
        let label = if full.chars().count() > MAX_LABEL {
            complete = false;
            let mut short: String = full.chars().take(MAX_LABEL - 1).collect();
            short.push('…');
            short
        } else {
            full
        };
        buttons.push(Button {
            id: button_id(tag, n),
            label,
        });
    }
    let text = if complete {
        message.text.clone()
    } else {
        message.numbered()
    };
    Outbound {
        pieces: split_content(&text, MAX_CONTENT),
        buttons,
    }
}

/// Split text into pieces of at most `max` characters, at paragraph breaks where possible,
/// else at line breaks, else anywhere (on a character boundary).
pub fn split_content(text: &str, max: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = text.trim_end();
    while rest.chars().count() > max {
        let cut = rest
            .char_indices()
            .nth(max)
            .map_or(rest.len(), |(byte, _)| byte);
        let head = &rest[..cut];
        let at = head
            .rfind("\n\n")
            .or_else(|| head.rfind('\n'))
            .filter(|&at| at > 0)
            .unwrap_or(cut);
        pieces.push(rest[..at].trim_end().to_string());
        rest = rest[at..].trim_start_matches('\n');
    }
    if !rest.is_empty() || pieces.is_empty() {
        pieces.push(rest.to_string());
    }
    pieces
}

/// A Discord nonce (at most 25 characters) derived from an outbox key and the piece number:
/// sending the same key again within Discord's window shows the message once.
pub fn nonce_for(key: &str, piece: usize) -> String {
    let digest = Sha256::digest(format!("{key}#{piece}").as_bytes());
    data_encoding::HEXLOWER.encode(&digest[..12])
}

/// A file in a message, before it is fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilePlan {
    /// Download the message's attachment number `index`.
    Fetch {
        index: usize,
        name: String,
    },
    TooBig,
}

/// What to do with one message the bot can see.
#[derive(Debug, PartialEq, Eq)]
pub enum MessagePlan {
    /// Not for Fyr: the bot's own echo, another bot, or a server channel. The reason is logged.
    Ignore(&'static str),
    /// Someone not in bot.toml wrote in a DM: answered politely, nothing stored.
    Stranger { channel: String },
    /// A person in bot.toml wrote in a DM.
    Person {
        person: crate::model::PersonId,
        channel: String,
        text: Option<String>,
        files: Vec<FilePlan>,
    },
}

/// Map a message to what Fyr does with it (pure: no network).
pub fn plan_message(config: &Config, bot: u64, msg: &Message, max_file_bytes: u64) -> MessagePlan {
    if msg.author.id.get() == bot {
        return MessagePlan::Ignore("own message");
    }
    if msg.author.bot {
        return MessagePlan::Ignore("from a bot");
    }
    if msg.guild_id.is_some() {
        return MessagePlan::Ignore("not a direct message");
    }
    let channel = msg.channel_id.get().to_string();
    let Some(person) = config.person_by_discord(msg.author.id.get()) else {
        return MessagePlan::Stranger { channel };
    };
    let files = msg
        .attachments
        .iter()
        .enumerate()
        .map(|(index, a)| {
            if u64::from(a.size) > max_file_bytes {
                FilePlan::TooBig
            } else {
                FilePlan::Fetch {
                    index,
                    name: a.filename.clone(),
                }
            }
        })
        .collect();
    let text = Some(msg.content.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    MessagePlan::Person {
        person: person.id.clone(),
        channel,
        text,
        files,
    }
}

/// The UI language for someone pressing a button or typing `/fyr`: their own setting when
/// they are in bot.toml, else Discord's locale for them, else Swedish and Danish both.
fn language_for(person: Option<&Person>, locale: &str) -> Option<Language> {
    if let Some(p) = person {
        return Some(p.language);
    }
    match locale.split('-').next() {
        Some("sv") => Some(Language::Sv),
        Some("da") => Some(Language::Da),
        _ => None,
    }
}

/// Retry a request that Discord (or a proxy) answered with 429, waiting longer each time, and
/// with `server_errors` also one answered with a 5xx or not answered at all (for requests that
/// are safe to repeat: answering an interaction, opening a DM, editing a message); any other
/// outcome is returned as it is.
pub async fn retry_discord<T, F, Fut>(
    server_errors: bool,
    mut request: F,
) -> Result<T, serenity::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, serenity::Error>>,
{
    let mut wait = Duration::from_millis(500);
    let mut attempt = 0;
    loop {
        let outcome = request().await;
        let retry = match &outcome {
            Err(serenity::Error::Http(HttpError::UnsuccessfulRequest(r))) => {
                let status = r.status_code.as_u16();
                if status == 429 {
                    tracing::warn!(
                        "Discord asked Fyr to slow down; retrying in {} ms",
                        wait.as_millis()
                    );
                    true
                } else {
                    server_errors && status >= 500
                }
            }
            Err(serenity::Error::Http(HttpError::Request(_))) => server_errors,
            _ => false,
        };
        if !retry || attempt >= 4 {
            return outcome;
        }
        let limited = matches!(&outcome, Err(serenity::Error::Http(HttpError::UnsuccessfulRequest(r))) if r.status_code.as_u16() == 429);
        if !limited {
            tracing::warn!(
                "a Discord request failed; retrying in {} ms",
                wait.as_millis()
            );
        }
        tokio::time::sleep(wait).await;
        wait *= 2;
        attempt += 1;
    }
}

/// Retry a request that Discord (or a proxy) answered with 429 (see [`retry_discord`]).
pub async fn retry_rate_limited<T, F, Fut>(request: F) -> Result<T, serenity::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, serenity::Error>>,
{
    retry_discord(false, request).await
}

/// Whether Discord refused to open a DM because of the person's privacy settings (50007:
/// "Cannot send messages to this user").
fn is_dm_refused(e: &serenity::Error) -> bool {
    matches!(e, serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.error.code == 50007)
}

fn is_unauthorized(e: &serenity::Error) -> bool {
    matches!(e, serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 401)
}

/// Puts one channel's messages and button presses back in the order the person made them.
///
/// serenity hands each gateway event to its own task, so two answers given in quick
/// succession can reach the handler in either order. Each item waits a moment (`hold`), then
/// everything pending in its channel up to its own id (Discord ids grow with time) is passed on
/// in id order, under one lock, so a person's answers reach the driver as they were given.
pub struct Sequencer<T> {
    hold: Duration,
    pending: Mutex<HashMap<u64, std::collections::BTreeMap<u64, T>>>,
}

impl<T> Sequencer<T> {
    pub fn new(hold: Duration) -> Self {
        Sequencer {
            hold,
            pending: Mutex::new(HashMap::new()),
        }
    }

    pub async fn submit(&self, channel: u64, id: u64, item: T, mut forward: impl FnMut(T)) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.entry(channel).or_default().insert(id, item);
        }
        tokio::time::sleep(self.hold).await;
        let Ok(mut pending) = self.pending.lock() else {
            return;
        };
        let Some(queue) = pending.get_mut(&channel) else {
            return;
        };
        let later = queue.split_off(&id.saturating_add(1));
        let ready = std::mem::replace(queue, later);
        if queue.is_empty() {
            pending.remove(&channel);
        }
        for item in ready.into_values() {
            forward(item);
        }
    }
}

struct Handler {
    config: Arc<Config>,
    localizer: Localizer,
    tx: Mutex<mpsc::Sender<Envelope>>,
    adapter: usize,
    /// The bot's own user id, from READY.
    me: AtomicU64,
    order: Sequencer<Envelope>,
}

impl Handler {
    /// The configuration now: after a reload (SIGHUP) the new one, so new persons can write.
    fn config(&self) -> Arc<Config> {
        crate::config::current().unwrap_or_else(|| self.config.clone())
    }

    fn envelope(&self, via: String, from: Sender, what: What) -> Envelope {
        Envelope {
            adapter: self.adapter,
            via,
            from,
            what,
        }
    }

    fn forward(&self, envelope: Envelope) {
        if let Ok(tx) = self.tx.lock() {
            // If the driver thread has gone, Fyr is stopping.
            let _ = tx.send(envelope);
        }
    }

    fn send(&self, via: String, from: Sender, what: What) {
        self.forward(self.envelope(via, from, what));
    }

    /// Pass on in the order the person acted (see [`Sequencer`]).
    async fn send_in_order(&self, channel: u64, id: u64, from: Sender, what: What) {
        let envelope = self.envelope(channel.to_string(), from, what);
        self.order
            .submit(channel, id, envelope, |e| self.forward(e))
            .await;
    }

    /// A localized text in one language, or in Swedish and Danish when the language is unknown.
    fn text(&self, language: Option<Language>, id: &'static str) -> String {
        match language {
            Some(l) => self.localizer.text(l, &Msg::new(id)),
            None => [Language::Sv, Language::Da]
                .map(|l| self.localizer.text(l, &Msg::new(id)))
                .join("\n\n"),
        }
    }

    fn serves(&self, guild: Option<u64>) -> bool {
        let servers = self
            .config
            .discord
            .as_ref()
            .map(|d| d.servers.as_slice())
            .unwrap_or_default();
        match guild {
            Some(g) => servers.is_empty() || servers.contains(&g),
            None => true,
        }
    }

    async fn ephemeral(&self, http: &Http, interaction: &Interaction, text: String) {
        let response = CreateInteractionResponse::Message(
            CreateInteractionResponseMessage::new()
                .content(text)
                .ephemeral(true),
        );
        let result = match interaction {
            Interaction::Command(c) => {
                retry_discord(true, || c.create_response(http, response.clone())).await
            }
            Interaction::Component(c) => {
                retry_discord(true, || c.create_response(http, response.clone())).await
            }
            _ => Ok(()),
        };
        if let Err(e) = result {
            tracing::warn!("an interaction could not be answered: {e}");
        }
    }

    async fn slash(&self, ctx: &Context, command: &CommandInteraction, whole: &Interaction) {
        let config = self.config();
        let person = config.person_by_discord(command.user.id.get());
        let language = language_for(person, &command.locale);
        if !self.serves(command.guild_id.map(|g| g.get())) {
            tracing::info!("/fyr used in a server Fyr does not serve");
            let text = self.text(language, "discord-server-not-served");
            return self.ephemeral(&ctx.http, whole, text).await;
        }
        let Some(person) = person else {
            tracing::info!("/fyr from someone not in bot.toml");
            let text = self.text(None, "not-staff");
            return self.ephemeral(&ctx.http, whole, text).await;
        };
        let user = command.user.id;
        match retry_discord(true, || user.create_dm_channel(&ctx.http)).await {
            Ok(dm) => {
                let text = self.text(language, "discord-dm-opened");
                self.ephemeral(&ctx.http, whole, text).await;
                self.send(
                    dm.id.get().to_string(),
                    Sender::Person(person.id.clone()),
                    What::Open,
                );
            }
            Err(e) => {
                tracing::warn!("a direct message channel could not be opened: {e}");
                // Only Discord's 50007 means the person's settings refuse DMs.
                let id = if is_dm_refused(&e) {
                    "discord-dm-failed"
                } else {
                    "discord-dm-error"
                };
                let text = self.text(language, id);
                self.ephemeral(&ctx.http, whole, text).await;
            }
        }
    }

    async fn button(&self, ctx: &Context, press: &ComponentInteraction, whole: &Interaction) {
        let config = self.config();
        let person = config.person_by_discord(press.user.id.get());
        let language = language_for(person, &press.locale);
        let Some(person) = person else {
            tracing::info!("a button pressed by someone not in bot.toml");
            let text = self.text(None, "not-staff");
            return self.ephemeral(&ctx.http, whole, text).await;
        };
        let Some((tag, n)) = parse_button_id(&press.data.custom_id) else {
            tracing::info!("a button Fyr does not know was pressed");
            let text = self.text(language, "discord-button-unknown");
            return self.ephemeral(&ctx.http, whole, text).await;
        };
        // The choice goes to the driver thread, which says whether it answered the open
        // question. Only then is the press shown as chosen (the choice in place of the
        // buttons); a press on an earlier question leaves its message as it was, and Fyr
        // says so and shows the current one.
        let (said, mut heard) = tokio::sync::oneshot::channel::<bool>();
        let verdict = ChoiceVerdict(Box::new(move |taken| {
            let _ = said.send(taken);
        }));
        self.send_in_order(
            press.channel_id.get(),
            press.id.get(),
            Sender::Person(person.id.clone()),
            What::Choice {
                n,
                tag,
                verdict: Some(verdict),
            },
        )
        .await;
        let chosen = chosen_content(press, n);
        // Discord wants an answer within 3 s: wait for the verdict at most 2 s.
        match tokio::time::timeout(VERDICT_WAIT, &mut heard).await {
            Ok(Ok(true)) => {
                let update = CreateInteractionResponse::UpdateMessage(
                    CreateInteractionResponseMessage::new()
                        .content(chosen)
                        .components(Vec::new()),
                );
                let answered =
                    retry_discord(true, || press.create_response(&ctx.http, update.clone())).await;
                if let Err(e) = answered {
                    tracing::warn!("a button press could not be answered: {}", e);
                }
            }
            Ok(_) => self.acknowledge(&ctx.http, press).await,
            Err(_) => {
                // The driver is busy: acknowledge now, show the choice when it is taken.
                self.acknowledge(&ctx.http, press).await;
                let (http, channel, message) =
                    (ctx.http.clone(), press.channel_id, press.message.id);
                tokio::spawn(async move {
                    if heard.await.unwrap_or(false) {
                        let edit = serenity::all::EditMessage::new()
                            .content(chosen)
                            .components(Vec::new());
                        let edited = retry_discord(true, || {
                            channel.edit_message(&http, message, edit.clone())
                        })
                        .await;
                        if let Err(e) = edited {
                            tracing::warn!("a chosen option could not be shown: {}", e);
                        }
                    }
                });
            }
        }
    }

    /// Answer a button press without changing its message.
    async fn acknowledge(&self, http: &Http, press: &ComponentInteraction) {
        let answered = retry_discord(true, || {
            press.create_response(http, CreateInteractionResponse::Acknowledge)
        })
        .await;
        if let Err(e) = answered {
            tracing::warn!("a button press could not be answered: {}", e);
        }
    }

    /// Download one planned attachment, refusing it as soon as it passes the limit.
    async fn fetch(&self, msg: &Message, plan: FilePlan) -> What {
        let (index, name) = match plan {
            FilePlan::TooBig => return What::FileTooBig,
            FilePlan::Fetch { index, name } => (index, name),
        };
        let Some(attachment) = msg.attachments.get(index) else {
            return What::Attachment;
        };
        match attachment.download().await {
            Ok(bytes) if bytes.len() as u64 <= self.config.max_file_bytes => {
                What::File { name, bytes }
            }
            Ok(_) => What::FileTooBig,
            Err(e) => {
                tracing::warn!("an attachment could not be downloaded: {e}");
                What::Attachment
            }
        }
    }
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        self.me.store(ready.user.id.get(), Ordering::SeqCst);
        tracing::info!("connected to Discord");
        let mut command = CreateCommand::new(COMMAND).description(
            self.localizer
                .text(Language::En, &Msg::new("discord-command")),
        );
        for (locale, language) in [("sv-SE", Language::Sv), ("da", Language::Da)] {
            command = command.description_localized(
                locale,
                self.localizer.text(language, &Msg::new("discord-command")),
            );
        }
        let http = ctx.http.clone();
        let created = retry_rate_limited(|| {
            serenity::all::Command::create_global_command(&http, command.clone())
        })
        .await;
        if let Err(e) = created {
            tracing::error!("the /fyr command could not be registered: {e}");
        }
    }

    async fn resume(&self, _ctx: Context, _event: serenity::all::ResumedEvent) {
        tracing::info!("the Discord session was resumed");
    }

    async fn message(&self, _ctx: Context, msg: Message) {
        let bot = self.me.load(Ordering::SeqCst);
        let config = self.config();
        match plan_message(&config, bot, &msg, config.max_file_bytes) {
            MessagePlan::Ignore(reason) => tracing::debug!("message ignored: {reason}"),
            MessagePlan::Stranger { channel } => {
                tracing::info!("a direct message from someone not in bot.toml");
                self.send(channel, Sender::Stranger, What::Text(String::new()));
            }
            MessagePlan::Person {
                person,
                channel,
                text,
                files,
            } => {
                if let Some(text) = text {
                    self.send_in_order(
                        msg.channel_id.get(),
                        msg.id.get(),
                        Sender::Person(person.clone()),
                        What::Text(text),
                    )
                    .await;
                }
                for file in files {
                    let what = self.fetch(&msg, file).await;
                    self.send(channel.clone(), Sender::Person(person.clone()), what);
                }
            }
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        match &interaction {
            Interaction::Command(c) if c.data.name == COMMAND => {
                self.slash(&ctx, c, &interaction).await;
            }
            Interaction::Component(c) => self.button(&ctx, c, &interaction).await,
            _ => tracing::debug!("an interaction Fyr does not handle"),
        }
    }
}

/// Connect to Discord: check the token, start the gateway in the background and return the
/// outlet the driver thread sends through. A gateway failure that cannot heal (a revoked
/// token, refused intents) is reported on `fatal`, and Fyr stops.
pub async fn start(
    config: Arc<Config>,
    tx: mpsc::Sender<Envelope>,
    adapter: usize,
    fatal: tokio::sync::mpsc::UnboundedSender<String>,
) -> Result<Box<dyn Outlet>, DiscordError> {
    let discord = config
        .discord
        .clone()
        .ok_or_else(|| DiscordError::Gateway("no [discord] section".into()))?;
    let token = discord.token.read().map_err(DiscordError::Token)?;
    let base = discord
        .api_base
        .clone()
        .unwrap_or_else(|| "https://discord.com".to_string());
    let http = match &discord.api_base {
        Some(base) => HttpBuilder::new(&token)
            .proxy(base.clone())
            .ratelimiter_disabled(true)
            .build(),
        None => HttpBuilder::new(&token).build(),
    };
    match http.get_current_user().await {
        Ok(me) => tracing::info!("Discord accepted the token for bot user {}", me.id),
        Err(e) if is_unauthorized(&e) => return Err(DiscordError::BadToken),
        Err(e) => {
            return Err(DiscordError::Unreachable {
                base,
                detail: e.to_string(),
            })
        }
    }
    let handler = Handler {
        config: config.clone(),
        localizer: Localizer::for_config(&config)
            .map_err(|e| DiscordError::Gateway(e.to_string()))?,
        tx: Mutex::new(tx),
        adapter,
        me: AtomicU64::new(0),
        order: Sequencer::new(Duration::from_millis(30)),
    };
    // Direct messages only: no privileged intent, and message content in DMs needs none.
    let intents = GatewayIntents::DIRECT_MESSAGES;
    let mut client = serenity::all::ClientBuilder::new_with_http(http, intents)
        .event_handler(handler)
        .await
        .map_err(|e| DiscordError::Gateway(e.to_string()))?;
    let http = client.http.clone();
    tokio::spawn(async move {
        let why = match client.start().await {
            Ok(()) => "the gateway stopped".to_string(),
            Err(serenity::Error::Gateway(
                serenity::all::GatewayError::DisallowedGatewayIntents,
            )) => DiscordError::DisallowedIntents.to_string(),
            Err(serenity::Error::Gateway(serenity::all::GatewayError::InvalidAuthentication)) => {
                DiscordError::BadToken.to_string()
            }
            Err(e) => DiscordError::Gateway(e.to_string()).to_string(),
        };
        let _ = fatal.send(why);
    });
    Ok(Box::new(DiscordOutlet {
        handle: Handle::current(),
        http,
        dms: Mutex::new(HashMap::new()),
        attachments: discord.export_attachments,
    }))
}

/// Sends to people's direct-message channels, from the service's delivery queues.
struct DiscordOutlet {
    handle: Handle,
    http: Arc<Http>,
    /// Each person's DM channel, once opened.
    dms: Mutex<HashMap<u64, ChannelId>>,
    /// Whether exports go out as attachments (`[discord] export_attachments`).
    attachments: bool,
}

impl DiscordOutlet {
    fn dm_for(&self, user: u64) -> Result<ChannelId, String> {
        if let Some(channel) = self
            .dms
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&user)
        {
            return Ok(*channel);
        }
        let http = self.http.clone();
        let channel = self.handle.block_on(async move {
            retry_discord(true, || UserId::new(user).create_dm_channel(&http))
                .await
                .map(|dm| dm.id)
                .map_err(|e| e.to_string())
        })?;
        self.dms
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(user, channel);
        Ok(channel)
    }

    fn post(
        &self,
        channel: ChannelId,
        plan: Outbound,
        files: &[crate::export::ExportFile],
        key: Option<&str>,
    ) -> Result<(), String> {
        let last = plan.pieces.len() - 1;
        let http = self.http.clone();
        self.handle.block_on(async move {
            for (i, piece) in plan.pieces.into_iter().enumerate() {
                let mut message = CreateMessage::new().content(piece);
                if let Some(key) = key {
                    message = message
                        .nonce(Nonce::String(nonce_for(key, i)))
                        .enforce_nonce(true);
                }
                if i == last && !plan.buttons.is_empty() {
                    message = message.components(rows(&plan.buttons));
                }
                if i == last {
                    for file in files {
                        message = message.add_file(serenity::all::CreateAttachment::bytes(
                            file.bytes.clone(),
                            file.name.clone(),
                        ));
                    }
                }
                retry_rate_limited(|| channel.send_message(&http, message.clone()))
                    .await
                    .map_err(|e| e.to_string())?;
            }
            Ok(())
        })
    }
}

/// Buttons in rows of five.
fn rows(buttons: &[Button]) -> Vec<CreateActionRow> {
    buttons
        .chunks(5)
        .map(|row| {
            CreateActionRow::Buttons(
                row.iter()
                    .map(|b| {
                        CreateButton::new(b.id.clone())
                            .label(b.label.clone())
                            .style(ButtonStyle::Secondary)
                    })
                    .collect(),
            )
        })
        .collect()
}

impl Outlet for DiscordOutlet {
    fn reaches(&self, person: &Person) -> bool {
        person.discord.is_some()
    }

    fn platform(&self) -> &'static str {
        "discord"
    }

    fn send(
        &self,
        to: &Person,
        via: Option<&str>,
        message: &Rendered,
        key: Option<&str>,
        tag: Option<&str>,
    ) -> Result<(), String> {
        let channel = match via.and_then(|v| v.parse::<u64>().ok()).filter(|&v| v != 0) {
            Some(id) => ChannelId::new(id),
            None => {
                let user = to
                    .discord
                    .ok_or_else(|| format!("{} has no Discord id", to.id))?;
                self.dm_for(user)?
            }
        };
        let plan = plan_outbound(message, tag.unwrap_or_default());
        self.post(channel, plan, &message.files, key)
    }

    fn send_text(&self, via: &str, text: &str) -> Result<(), String> {
        let channel = via
            .parse::<u64>()
            .ok()
            .filter(|&v| v != 0)
            .map(ChannelId::new)
            .ok_or_else(|| "unknown channel".to_string())?;
        let plan = Outbound {
            pieces: split_content(text, MAX_CONTENT),
            buttons: Vec::new(),
        };
        self.post(channel, plan, &[], None)
    }

    fn max_attachment_bytes(&self) -> u64 {
        if self.attachments {
            MAX_ATTACHMENTS
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn button_ids_round_trip_and_reject_others() {
        let id = button_id("00000000deadbeef", 3);
        assert_eq!(parse_button_id(&id), Some(("00000000deadbeef".into(), 3)));
        for bad in [
            "",
            "fyr",
            "fyr:1:1",
            "fyr:0000000zdeadbeef:1",
            "fyr:00000000deadbeef:0",
            "fyr:00000000deadbeef:x",
            "xyz:00000000deadbeef:1",
            "fyr:00000000deadbeef:1:2",
        ] {
            assert_eq!(parse_button_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn long_text_is_split_at_paragraphs_and_never_over_the_limit() {
        let paragraph = "å".repeat(900);
        let text = [paragraph.as_str(); 5].join("\n\n");
        let pieces = split_content(&text, MAX_CONTENT);
        assert_eq!(pieces.len(), 3);
        assert!(pieces.iter().all(|p| p.chars().count() <= MAX_CONTENT));
        assert_eq!(pieces.concat().chars().filter(|&c| c == 'å').count(), 4500);
        let one_line = "ø".repeat(4500);
        let pieces = split_content(&one_line, MAX_CONTENT);
        assert_eq!(
            pieces.iter().map(|p| p.chars().count()).collect::<Vec<_>>(),
            [2000, 2000, 500]
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_sequencer_restores_the_order_of_answers_that_arrive_swapped() {
        let sequencer = Arc::new(Sequencer::new(Duration::from_millis(30)));
        let seen = Arc::new(Mutex::new(Vec::new()));
        // Ids 3, 1, 2 arrive in that order within the hold; another channel is independent.
        let mut tasks = Vec::new();
        for (channel, id) in [(7u64, 3u64), (7, 1), (9, 5), (7, 2)] {
            let (sequencer, seen) = (sequencer.clone(), seen.clone());
            tasks.push(tokio::spawn(async move {
                sequencer
                    .submit(channel, id, (channel, id), |item| {
                        seen.lock().unwrap().push(item)
                    })
                    .await;
            }));
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        for task in tasks {
            task.await.unwrap();
        }
        let seen = seen.lock().unwrap().clone();
        let in_seven: Vec<u64> = seen.iter().filter(|(c, _)| *c == 7).map(|x| x.1).collect();
        assert_eq!(in_seven, [1, 2, 3]);
        assert!(seen.contains(&(9, 5)));
        assert!(sequencer.pending.lock().unwrap().is_empty());
    }

    #[test]
    fn nonces_fit_discord_and_differ_per_piece() {
        let a = nonce_for("F-0000-0001/3/mgr", 0);
        assert_eq!(a.len(), 24);
        assert_eq!(a, nonce_for("F-0000-0001/3/mgr", 0));
        assert_ne!(a, nonce_for("F-0000-0001/3/mgr", 1));
    }
}
