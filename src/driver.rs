//! The driver: the one path every message takes. It resolves the sender from the configuration,
//! loads their session, interprets the text, runs one engine step, commits the new state, and
//! renders the effects in each recipient's language. Adapters (console now; Matrix and Discord
//! later) only translate between their platform and `Driver::handle`.

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::config::{Config, Person};
use crate::engine::{self, command, Effect, Env, Session};
use crate::i18n::{Localizer, Rendered};
use crate::model::{CaseId, Language, PersonId};
use crate::store::{Commit, Store, StoreError};

#[derive(Debug, Error)]
pub enum DriverError {
    /// The sender is not in bot.toml. Adapters answer with a localized message or ignore it.
    #[error("unknown person")]
    UnknownPerson,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Where fresh case references come from.
pub trait CaseIds: Send {
    fn next_case_id(&mut self) -> CaseId;
}

/// Random, neutral references such as `F-7K3M-Q9XD`: 40 bits from the OS, in Crockford base32
/// (no I, L, O or U), so they are easy to read aloud and reveal nothing.
#[derive(Debug, Default)]
pub struct RandomCaseIds;

impl CaseIds for RandomCaseIds {
    fn next_case_id(&mut self) -> CaseId {
        let mut bytes = [0u8; 5];
        if getrandom::getrandom(&mut bytes).is_err() {
            // No OS randomness is a broken machine; fall back to the clock's nanoseconds rather
            // than refusing to help someone in distress.
            let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
            bytes.copy_from_slice(&nanos.to_be_bytes()[3..8]);
        }
        CaseId::new(format_case_id(u64::from_be_bytes([
            0, 0, 0, bytes[0], bytes[1], bytes[2], bytes[3], bytes[4],
        ])))
    }
}

/// Deterministic references for tests and golden transcripts.
#[derive(Debug, Default)]
pub struct SequentialCaseIds(u64);

impl CaseIds for SequentialCaseIds {
    fn next_case_id(&mut self) -> CaseId {
        self.0 += 1;
        CaseId::new(format_case_id(self.0))
    }
}

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn format_case_id(n: u64) -> String {
    let digits: String = (0..8)
        .rev()
        .map(|i| CROCKFORD[((n >> (i * 5)) & 31) as usize] as char)
        .collect();
    format!("F-{}-{}", &digits[..4], &digits[4..])
}

pub struct Driver<S: Store> {
    config: Config,
    store: S,
    localizer: Localizer,
    case_ids: Box<dyn CaseIds>,
}

impl<S: Store> Driver<S> {
    pub fn new(config: Config, store: S, localizer: Localizer, case_ids: Box<dyn CaseIds>) -> Self {
        Driver {
            config,
            store,
            localizer,
            case_ids,
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn localizer(&self) -> &Localizer {
        &self.localizer
    }

    /// The language a person reads: chosen in chat, else configured.
    pub fn language_of(&self, person: &Person) -> Result<Language, DriverError> {
        Ok(self
            .store
            .load_session(&person.id)?
            .and_then(|s| s.conversation.language)
            .unwrap_or(person.language))
    }

    /// Handle one message from `from` at `now`; returns the messages to deliver.
    pub fn handle(
        &mut self,
        from: &PersonId,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<Rendered>, DriverError> {
        let person = self
            .config
            .person(from.as_str())
            .ok_or(DriverError::UnknownPerson)?
            .clone();
        let session = self
            .store
            .load_session(&person.id)?
            .unwrap_or_else(|| Session::new(person.id.clone(), now));
        let profile = self.config.profile(&person);
        let fresh_case_id = self.case_ids.next_case_id();
        let env = Env {
            now,
            profile: &profile,
            fresh_case_id: &fresh_case_id,
        };
        let language = session.conversation.language.unwrap_or(person.language);
        let labels: Vec<String> = engine::current_options(&session, &env)
            .into_iter()
            .map(|id| self.localizer.text(language, &engine::Msg::new(id)))
            .collect();
        let input = command::interpret(text, &labels);
        let (next, effects) = engine::step(&session, &input, &env);
        self.store.commit(&Commit::from(&next))?;
        tracing::debug!(
            case = next.case.as_ref().map(|c| c.id.as_str()),
            step = next.conversation.step.as_deref(),
            "step committed"
        );
        let mut out = Vec::new();
        for effect in effects {
            match effect {
                Effect::Send(message) => {
                    let language = if message.to == person.id {
                        next.conversation.language.unwrap_or(person.language)
                    } else {
                        match self.config.person(message.to.as_str()) {
                            Some(recipient) => self.language_of(&recipient.clone())?,
                            None => {
                                tracing::error!(
                                    "effect addressed to a person not in the configuration"
                                );
                                continue;
                            }
                        }
                    };
                    out.push(self.localizer.render(language, &message));
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_ids_are_neutral_and_well_formed() {
        let mut ids = SequentialCaseIds::default();
        assert_eq!(ids.next_case_id().as_str(), "F-0000-0001");
        let mut random = RandomCaseIds;
        let a = random.next_case_id();
        let b = random.next_case_id();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), "F-0000-0000".len());
        assert!(a.as_str()[2..]
            .chars()
            .all(|c| c == '-' || CROCKFORD.contains(&(c as u8))));
    }
}
