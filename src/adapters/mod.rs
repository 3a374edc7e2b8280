//! The adapter contract. A chat platform hands the service [`Envelope`]s (who wrote, where,
//! what) through a channel, and the service asks it, through [`Outlet`], whether it reaches a
//! person and to send them a message under an idempotency key. The service depends on this
//! module; the adapters below implement it and know nothing of the service (no import cycles:
//! `architecture::src_has_no_import_cycles`).
//!
//! Adding a platform (Teams is next) is one new file here and one line where `service::run`
//! starts the configured adapters.

pub mod console;
#[cfg(feature = "discord")]
pub mod discord;
#[cfg(feature = "matrix")]
pub mod matrix;

use crate::config::Person;
use crate::i18n::Rendered;
use crate::model::PersonId;

/// Who wrote.
#[derive(Debug)]
pub enum Sender {
    Person(PersonId),
    /// Someone not in bot.toml: answered politely, nothing stored.
    Stranger,
}

/// What an adapter received.
#[derive(Debug)]
pub enum What {
    Text(String),
    /// A button pressed (or a number reaction): option `n` of the message that carried `tag`
    /// (see [`Outlet::send`]; empty when the adapter does not know the message). It answers
    /// only if that message is the person's open question; else Fyr says it was an earlier
    /// question and shows the current one. `verdict` hears whether the choice was taken.
    Choice {
        n: u32,
        tag: String,
        verdict: Option<ChoiceVerdict>,
    },
    /// A message that could not be decrypted.
    Undecryptable,
    /// A file or picture that could not be fetched.
    Attachment,
    /// A file or picture, downloaded: sealed as evidence.
    File {
        name: String,
        bytes: Vec<u8>,
    },
    /// A file over the configured limit.
    FileTooBig,
    /// Open (or reopen) the conversation, e.g. from a slash command.
    Open,
}

/// Told, once, whether a pressed choice was taken (true) or was from an earlier question
/// (false), so the adapter shows the press as chosen only when it counted.
pub struct ChoiceVerdict(pub Box<dyn FnOnce(bool) + Send>);

impl std::fmt::Debug for ChoiceVerdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChoiceVerdict")
    }
}

/// One inbound event, tagged with the adapter and the channel it came from.
#[derive(Debug)]
pub struct Envelope {
    /// The adapter's place in the service's list.
    pub adapter: usize,
    /// The adapter's channel or room to answer in.
    pub via: String,
    pub from: Sender,
    pub what: What,
}

/// One chat platform, as the service's delivery queues see it. Sends for different people run
/// at the same time (one queue each), so an outlet is shared between threads; one person's
/// messages are sent one after the other, in order.
pub trait Outlet: Send + Sync {
    /// Whether this platform can reach the person (they have an id there).
    fn reaches(&self, person: &Person) -> bool;
    /// Send to a person, in `via` if given (where they last wrote), else in their direct
    /// channel. With a `key`, sending the same key twice shows the message once (Matrix
    /// transaction id, Discord nonce). A message with options comes with a `tag` unique to
    /// it: its buttons (or, on Matrix, the message a reaction points at) must hand it back in
    /// [`What::Choice`]. An error is retried later with the same key.
    fn send(
        &self,
        to: &Person,
        via: Option<&str>,
        message: &Rendered,
        key: Option<&str>,
        tag: Option<&str>,
    ) -> Result<(), String>;
    /// Plain text in a channel (for strangers).
    fn send_text(&self, via: &str, text: &str) -> Result<(), String>;
    /// The most a message's attachments may weigh here; 0: this platform gets no files.
    fn max_attachment_bytes(&self) -> u64 {
        0
    }
    /// The platform's name in the metrics.
    fn platform(&self) -> &'static str {
        "other"
    }
}

/// A short, stable fingerprint of a message's options: a tagged message's options are
/// remembered by it, so a press on the last question sent counts only while that question is
/// still the open one.
pub fn options_hash(options: &[String]) -> u64 {
    // FNV-1a: tiny and stable across builds (unlike std's hasher).
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for byte in options.join("\u{1f}").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A fresh tag for a message with options: 16 hex digits from the OS's randomness.
pub fn new_tag() -> String {
    let mut bytes = [0u8; 8];
    if getrandom::getrandom(&mut bytes).is_err() {
        let nanos = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
        bytes = nanos.to_be_bytes();
    }
    data_encoding::HEXLOWER.encode(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_hash_is_stable_and_tells_questions_apart() {
        let a = vec!["Ja".to_string(), "Nej".to_string()];
        let b = vec!["Ja".to_string(), "Nej, inte nu".to_string()];
        assert_eq!(options_hash(&a), options_hash(&a.clone()));
        assert_ne!(options_hash(&a), options_hash(&b));
        assert_eq!(options_hash(&[]), 0xcbf2_9ce4_8422_2325);
    }
}
