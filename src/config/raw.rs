//! Stage one of configuration: bot.toml exactly as written, with source spans on the values that
//! validation may have to point at. Unknown keys are rejected here.

use serde::Deserialize;
use toml::Spanned;

use crate::model::{Country, Language};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// The staff directory (CSV from the HR system or AD), relative to bot.toml.
    pub directory: Option<Spanned<String>>,
    pub organisation: RawOrganisation,
    #[serde(default)]
    pub unit: Vec<RawUnit>,
    #[serde(default)]
    pub person: Vec<RawPerson>,
    pub matrix: Option<RawMatrix>,
    pub discord: Option<RawDiscord>,
    pub metrics: Option<RawMetrics>,
}

/// The metrics endpoint (off when the table is left out).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMetrics {
    /// Where `GET /metrics` is served, e.g. "127.0.0.1:9464".
    pub address: Spanned<String>,
}

/// The Discord bot Fyr runs as. The token is never in bot.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDiscord {
    pub token_env: Option<Spanned<String>>,
    pub token_file: Option<Spanned<String>>,
    /// The API's base URL; the default is Discord's own. Tests point it at a fake.
    pub api_base: Option<Spanned<String>>,
    /// The servers (guild ids) where `/fyr` is answered; left out, every server the bot is in.
    pub servers: Option<Vec<Spanned<String>>>,
    /// Whether an export asked for in the chat is sent as attachments (default true). Discord
    /// DMs are not end-to-end encrypted: an organisation may keep exports off Discord.
    pub export_attachments: Option<bool>,
}

/// The Matrix account Fyr runs as. The password is never in bot.toml: it is read from an
/// environment variable or a file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMatrix {
    pub homeserver: Spanned<String>,
    pub user_id: Spanned<String>,
    pub password_env: Option<Spanned<String>>,
    pub password_file: Option<Spanned<String>>,
    /// Log in with an access token instead (homeservers with single sign-on only).
    pub access_token_env: Option<Spanned<String>>,
    pub access_token_file: Option<Spanned<String>>,
    /// Folder for the SDK's encrypted state and crypto store, the session and the recovery key.
    pub store: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    pub name: Spanned<String>,
    /// The largest file Fyr accepts as evidence, in MB (default 25).
    pub max_file_mb: Option<u32>,
    /// The master key that encrypts the data folder (default: `<data folder>.key`).
    pub key_file: Option<Spanned<String>>,
    /// A folder of the organisation's own wording: `<folder>/{sv,da,en}/*.ftl`.
    pub texts: Option<Spanned<String>>,
    /// Managers' checklist items of the organisation's own, after Fyr's (at most three).
    #[serde(default)]
    pub checklist: Vec<RawChecklistItem>,
}

/// `[[organisation.checklist]]`: a text id of the organisation's own (`local-…`, in `texts`) and
/// the cases it is for.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChecklistItem {
    pub id: Spanned<String>,
    #[serde(default)]
    pub when: RawWhen,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWhen {
    /// The incident kinds it is for (left out: every kind).
    #[serde(default)]
    pub kinds: Vec<crate::model::IncidentKind>,
    /// Only urgent cases (true) or only the others (false); left out: both.
    pub urgent: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub country: Country,
    pub timezone: Spanned<String>,
    pub language: Language,
    /// Left out with a directory: its manager (role column, else the manager column).
    pub manager: Option<Spanned<String>>,
    #[serde(default)]
    pub deputies: Vec<Spanned<String>>,
    /// Left out with a directory: its safety reps come from the role column.
    #[serde(default)]
    pub safety_reps: Vec<Spanned<String>>,
    /// The name of the employer's system for incident reports (e.g. "SafetyNet").
    pub incident_system: Option<Spanned<String>>,
    /// Whether managers should tell the director about incidents (a checklist item).
    #[serde(default)]
    pub inform_director: bool,
    /// Closed cases are erased this many months after closing.
    pub retention_months: Option<u32>,
    /// A folder of the unit's own wording, over the organisation's: `<folder>/{sv,da,en}/*.ftl`.
    pub texts: Option<Spanned<String>>,
    #[serde(default)]
    pub contacts: RawContacts,
    #[serde(default)]
    pub working_hours: RawWorkingHours,
    #[serde(default)]
    pub escalation: RawEscalation,
    #[serde(default)]
    pub follow_up: RawFollowUp,
}

/// Working days and hours in the unit's time zone, and its public holidays.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWorkingHours {
    pub days: Option<Vec<Spanned<String>>>,
    pub start: Option<Spanned<String>>,
    pub end: Option<Spanned<String>>,
    #[serde(default)]
    pub holidays: Vec<Spanned<String>>,
}

/// Who is asked in which order, and how long to wait (in working time).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEscalation {
    /// Default: the manager, then the deputies.
    pub chain: Option<Vec<Spanned<String>>>,
    pub out_of_hours: Option<Spanned<String>>,
    pub urgent_reminder: Option<Spanned<String>>,
    pub urgent_next: Option<Spanned<String>>,
    pub normal_reminder: Option<Spanned<String>>,
    pub normal_next: Option<Spanned<String>>,
}

/// When the employee is asked how they are, and when the manager is reminded to follow up.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFollowUp {
    pub employee: Option<Vec<Spanned<String>>>,
    pub manager: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContacts {
    pub hr_crisis_line: Option<Spanned<String>>,
    pub security_coordinator: Option<Spanned<String>>,
    pub occupational_health: Option<Spanned<String>>,
    pub crisis_psychologist: Option<Spanned<String>>,
    /// Communications (media monitoring when someone is exposed); shown to managers.
    pub communicator: Option<Spanned<String>>,
    /// The secretariat or head of the authority to inform; shown to managers.
    pub secretariat: Option<Spanned<String>>,
    /// The unit's routine for threats and harassment (a link); shown to everyone.
    pub routine: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub unit: Spanned<String>,
    /// Defaults to the unit's language.
    pub language: Option<Language>,
    /// The person's Matrix user id, e.g. "@sara:example.org".
    pub matrix: Option<Spanned<String>>,
    /// The person's Discord user id (a number), e.g. "112233445566778899".
    pub discord: Option<Spanned<String>>,
}
