//! bot.toml: the organisation, its units (country, time zone, language, who manages and who is
//! safety rep, local support contacts) and its persons. Parsed in two stages, like ripgrep: the
//! raw file (`raw`, unknown keys rejected) and then a validated `Config` whose references all
//! resolve. Every problem is reported with file:line:column and what to do about it.

pub mod directory;
mod policy;
mod raw;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono_tz::Tz;
use thiserror::Error;
use toml::Spanned;

use crate::engine::{ContactKind, Directory, Profile, UnitPolicy};
use crate::model::{Country, Language, PersonId, UnitId};

/// The configuration `fyr run` uses now, replaced whole by a reload (SIGHUP). Adapters look a
/// sender up here, so that a person added by a reload can write at once; None before
/// `fyr run` has set it (tests that run the driver thread directly, the console).
pub fn current() -> Option<std::sync::Arc<Config>> {
    CURRENT.read().unwrap_or_else(|p| p.into_inner()).clone()
}

/// Make `config` the one `current` returns (`fyr run` at start and at every reload).
pub fn set_current(config: std::sync::Arc<Config>) {
    *CURRENT.write().unwrap_or_else(|p| p.into_inner()) = Some(config);
}

static CURRENT: std::sync::RwLock<Option<std::sync::Arc<Config>>> = std::sync::RwLock::new(None);

/// A validated configuration. Every id referenced in it exists.
#[derive(Clone, Debug)]
pub struct Config {
    pub source: PathBuf,
    pub organisation: String,
    pub units: Vec<Unit>,
    pub persons: Vec<Person>,
    pub matrix: Option<MatrixConfig>,
    pub discord: Option<DiscordConfig>,
    /// The largest file accepted as evidence.
    pub max_file_bytes: u64,
    /// The master key file, if bot.toml names one (relative to bot.toml).
    pub key_file: Option<PathBuf>,
    /// The staff directory the persons (also) come from, if bot.toml names one.
    pub directory: Option<PathBuf>,
    /// Where the metrics endpoint listens (`[metrics]`); None: off.
    pub metrics: Option<std::net::SocketAddr>,
    /// The organisation's own wording over Fyr's texts (`[organisation] texts`), checked.
    pub texts: Option<crate::i18n::Overrides>,
    /// Everyone is reached in the console (`fyr chat`): nobody needs a platform id.
    pub console: bool,
    /// Where each person id is in `persons` (looked up several times per step).
    person_index: rustc_hash::FxHashMap<String, usize>,
    /// Where each Matrix and Discord id is in `persons` (looked up for every message).
    matrix_index: rustc_hash::FxHashMap<String, usize>,
    discord_index: rustc_hash::FxHashMap<u64, usize>,
}

/// The Discord bot Fyr runs as.
#[derive(Clone, Debug)]
pub struct DiscordConfig {
    pub token: Secret,
    /// Discord's API, or a fake in tests.
    pub api_base: Option<String>,
    /// The servers where `/fyr` is answered; empty: every server the bot is in.
    pub servers: Vec<u64>,
    /// Whether exports asked for in the chat are sent as attachments on Discord.
    pub export_attachments: bool,
}

/// Where a secret comes from. Secrets are never written in bot.toml.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Secret {
    Env(String),
    File(PathBuf),
}

impl Secret {
    /// Read the secret; the error says where it was looked for.
    pub fn read(&self) -> Result<String, String> {
        let (value, place) = match self {
            Secret::Env(name) => (
                std::env::var(name)
                    .map_err(|_| format!("the environment variable {name} is not set"))?,
                format!("the environment variable {name}"),
            ),
            Secret::File(path) => (
                std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
                path.display().to_string(),
            ),
        };
        let value = value.trim();
        if value.is_empty() {
            return Err(format!("{place} is empty"));
        }
        Ok(value.to_string())
    }
}

/// The Matrix account Fyr runs as.
#[derive(Clone, Debug)]
pub struct MatrixConfig {
    pub homeserver: String,
    pub user_id: String,
    /// How Fyr logs in: a password, or an access token made elsewhere (single sign-on).
    pub login: MatrixLogin,
    pub store: PathBuf,
}

/// The Matrix credential, read when it is needed and never stored in the configuration.
#[derive(Clone, Debug)]
pub enum MatrixLogin {
    Password(Secret),
    AccessToken(Secret),
}

#[derive(Clone, Debug)]
pub struct Unit {
    pub id: UnitId,
    pub name: String,
    pub country: Country,
    pub timezone: Tz,
    pub language: Language,
    pub manager: PersonId,
    pub deputies: Vec<PersonId>,
    pub safety_reps: Vec<PersonId>,
    pub incident_system: Option<String>,
    pub contacts: Vec<(ContactKind, String)>,
    /// Working time, escalation and follow-up rules, as the engine uses them.
    pub policy: UnitPolicy,
    /// The unit's own wording over the organisation's and Fyr's (`[[unit]] texts`), checked.
    pub texts: Option<crate::i18n::Overrides>,
}

#[derive(Clone, Debug)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub unit: UnitId,
    pub language: Language,
    /// The person's Matrix user id, if they use Fyr on Matrix.
    pub matrix: Option<String>,
    /// The person's Discord user id, if they use Fyr on Discord.
    pub discord: Option<u64>,
    /// The person's own manager (the directory's manager column).
    pub manager: Option<PersonId>,
    /// The person's e-mail address (the directory's e-mail column).
    pub email: Option<String>,
}

/// One problem in a configuration file, located and with a fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error: {}\n  help: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message,
            self.help
        )
    }
}

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}\n  help: pass the path of a bot.toml with --config, or run Fyr from the folder that holds bot.toml")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
}

impl ConfigError {
    pub fn problems(&self) -> &[Problem] {
        match self {
            ConfigError::Invalid(p) => p,
            ConfigError::Read { .. } => &[],
        }
    }
}

impl Config {
    /// Read and validate a bot.toml.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let bytes = std::fs::read(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| not_utf8(path, &e))?;
        Config::parse(&text, path)
    }

    /// Read and validate a bot.toml with another staff directory than the one it names (what
    /// `fyr import-directory` checks before it replaces the file).
    pub fn load_with_directory(path: &Path, directory: &Path) -> Result<Config, ConfigError> {
        let bytes = std::fs::read(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| not_utf8(path, &e))?;
        Config::parse_with(&text, path, Some(directory))
    }

    /// Validate the text of a bot.toml; `path` is used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        Config::parse_with(text, path, None)
    }

    fn parse_with(
        text: &str,
        path: &Path,
        directory: Option<&Path>,
    ) -> Result<Config, ConfigError> {
        let at = |span: std::ops::Range<usize>, message: String, help: &str| {
            let (line, column) = line_column(text, span.start);
            Problem {
                file: path.to_path_buf(),
                line,
                column,
                message,
                help: help.to_string(),
            }
        };
        let raw: raw::RawConfig = toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_string();
            let help = if message.starts_with("unknown field `password`")
                || message.starts_with("unknown field `access_token`")
                || message.starts_with("unknown field `token`")
            {
                "secrets never go in bot.toml: name an environment variable (password_env / token_env) or a file (password_file / token_file)"
            } else if message.starts_with("unknown field") {
                "remove this key or correct its spelling; the sample bot.toml in the repository shows every key"
            } else if message.starts_with("missing field") {
                "add the missing key to this table; the sample bot.toml in the repository shows every key"
            } else if message.starts_with("unknown variant") {
                "use one of the values listed in the message"
            } else if message.starts_with("invalid type") {
                "write the value with the expected type (text in quotes, lists in [ ])"
            } else {
                "correct the TOML syntax here (see https://toml.io)"
            };
            ConfigError::Invalid(vec![at(span, message, help)])
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        let named = raw.directory.as_ref().map(|d| base.join(d.get_ref()));
        let directory = directory.map(Path::to_path_buf).or(named);
        let mut staff = Vec::new();
        let mut problems = Vec::new();
        if let Some(file) = &directory {
            let units: Vec<directory::UnitRef<'_>> = raw
                .unit
                .iter()
                .map(|u| directory::UnitRef {
                    id: u.id.get_ref(),
                    name: u.name.get_ref(),
                })
                .collect();
            match std::fs::read(file) {
                Ok(bytes) => match directory::parse(&bytes, file, &units) {
                    Ok(persons) => staff = persons,
                    Err(p) => problems = p,
                },
                Err(e) => {
                    let span = raw.directory.as_ref().map_or(0..0, |d| d.span());
                    problems.push(at(
                        span,
                        format!("cannot read the staff directory {}: {e}", file.display()),
                        "export the directory from the HR system to this path, or correct the path (relative to bot.toml)",
                    ));
                }
            }
        }
        if !problems.is_empty() {
            // bot.toml's references to the directory's persons cannot be checked without it.
            return Err(ConfigError::Invalid(problems));
        }
        Validator { problems, at: &at }.validate(raw, path, staff, directory)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        match self.person_index.get(id).and_then(|&i| self.persons.get(i)) {
            Some(p) if p.id.as_str() == id => Some(p),
            // `persons` was changed after loading (tests do): look it up the long way.
            _ => self.persons.iter().find(|p| p.id.as_str() == id),
        }
    }

    /// The person with this Discord user id.
    pub fn person_by_discord(&self, user_id: u64) -> Option<&Person> {
        match self
            .discord_index
            .get(&user_id)
            .and_then(|&i| self.persons.get(i))
        {
            Some(p) if p.discord == Some(user_id) => Some(p),
            _ => self.persons.iter().find(|p| p.discord == Some(user_id)),
        }
    }

    /// The person with this Matrix user id.
    pub fn person_by_matrix(&self, user_id: &str) -> Option<&Person> {
        match self
            .matrix_index
            .get(user_id)
            .and_then(|&i| self.persons.get(i))
        {
            Some(p) if p.matrix.as_deref() == Some(user_id) => Some(p),
            _ => self
                .persons
                .iter()
                .find(|p| p.matrix.as_deref() == Some(user_id)),
        }
    }

    pub fn unit(&self, id: &UnitId) -> Option<&Unit> {
        self.units.iter().find(|u| &u.id == id)
    }

    /// What the engine needs to know about a person.
    pub fn profile_of(&self, person: &Person) -> Profile {
        let unit = self
            .unit(&person.unit)
            .expect("validated config: every person's unit exists");
        Profile {
            person: person.id.clone(),
            display_name: first_name(&person.name).to_string(),
            full_name: person.name.clone(),
            unit: unit.id.clone(),
            country: unit.country,
        }
    }
}

impl Directory for Config {
    fn profile(&self, person: &PersonId) -> Option<Profile> {
        self.person(person.as_str()).map(|p| self.profile_of(p))
    }

    fn policy(&self, unit: &UnitId) -> Option<&UnitPolicy> {
        self.unit(unit).map(|u| &u.policy)
    }

    /// In the console everyone is reached; with no chat platform configured the console is the
    /// only way in. Otherwise a person is reached through an id on a configured platform.
    fn reachable(&self, person: &PersonId) -> bool {
        let Some(p) = self.person(person.as_str()) else {
            return false;
        };
        self.console
            || (self.matrix.is_none() && self.discord.is_none())
            || (self.matrix.is_some() && p.matrix.is_some())
            || (self.discord.is_some() && p.discord.is_some())
    }

    fn find_by_name(&self, name: &str) -> Vec<PersonId> {
        let wanted = normalize_name(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        let full: Vec<PersonId> = self
            .persons
            .iter()
            .filter(|p| normalize_name(&p.name) == wanted)
            .map(|p| p.id.clone())
            .collect();
        if !full.is_empty() {
            return full;
        }
        self.persons
            .iter()
            .filter(|p| normalize_name(first_name(&p.name)) == wanted)
            .map(|p| p.id.clone())
            .collect()
    }
}

/// Lower case, single spaces, no invisible characters: how names are compared.
fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| {
                    !c.is_control()
                        && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}')
                })
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The person most of a unit's directory rows name as their manager (the first such in the
/// file on a tie): a unit's manager when neither bot.toml nor the role column says.
fn most_named_manager(staff: &[directory::StaffPerson], unit: &str) -> Option<PersonId> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for p in staff.iter().filter(|p| p.unit == unit) {
        if let Some(m) = &p.manager {
            match counts.iter_mut().find(|(id, _)| id == m) {
                Some((_, n)) => *n += 1,
                None => counts.push((m, 1)),
            }
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(id, _)| PersonId::new(id))
}

/// A chat greets by first name.
fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

pub(crate) struct Validator<'a> {
    problems: Vec<Problem>,
    at: &'a dyn Fn(std::ops::Range<usize>, String, &str) -> Problem,
}

impl Validator<'_> {
    fn problem(&mut self, span: std::ops::Range<usize>, message: String, help: &str) {
        self.problems.push((self.at)(span, message, help));
    }

    fn validate(
        mut self,
        raw: raw::RawConfig,
        path: &Path,
        staff: Vec<directory::StaffPerson>,
        directory: Option<PathBuf>,
    ) -> Result<Config, ConfigError> {
        if raw.unit.is_empty() {
            self.problem(
                0..0,
                "no [[unit]] is configured".into(),
                "add at least one [[unit]] table with id, name, country, timezone, language, manager and safety_reps",
            );
        }
        if raw.person.is_empty() && staff.is_empty() && directory.is_none() {
            self.problem(
                0..0,
                "no [[person]] is configured".into(),
                "add a [[person]] table with id, name and unit for everyone who may use Fyr",
            );
        }
        self.non_empty(&raw.organisation.name, "organisation.name");

        let mut person_ids: HashSet<&str> = HashSet::new();
        for p in &raw.person {
            self.id_syntax(&p.id);
            if matches!(p.id.get_ref().as_str(), "fyr" | "operator") {
                // The audit log writes these for Fyr itself and the command line.
                self.problem(
                    p.id.span(),
                    format!("person id `{}` is reserved", p.id.get_ref()),
                    "give this person another id, e.g. their name in lowercase",
                );
            }
            self.non_empty(&p.name, "person.name");
            if !person_ids.insert(p.id.get_ref().as_str()) {
                self.problem(
                    p.id.span(),
                    format!("person id `{}` is used twice", p.id.get_ref()),
                    "give every [[person]] its own id",
                );
            }
        }
        // The directory's persons: a person in both bot.toml and the directory is a mistake.
        for p in &staff {
            if !person_ids.insert(p.id.as_str()) {
                let file = directory.clone().unwrap_or_default();
                self.problems.push(Problem {
                    file,
                    line: p.line,
                    column: p.id_column,
                    message: format!("person id `{}` is also a [[person]] in bot.toml", p.id),
                    help: "keep each person in one place: remove the [[person]] from bot.toml or the row from the directory".into(),
                });
            }
        }
        let mut unit_ids = HashSet::new();
        for u in &raw.unit {
            self.id_syntax(&u.id);
            self.non_empty(&u.name, "unit.name");
            if !unit_ids.insert(u.id.get_ref().as_str()) {
                self.problem(
                    u.id.span(),
                    format!("unit id `{}` is used twice", u.id.get_ref()),
                    "give every [[unit]] its own id",
                );
            }
        }
        let known_persons = || {
            let mut ids: Vec<_> = person_ids.iter().copied().collect();
            ids.sort_unstable();
            if ids.len() > 20 {
                let more = ids.len() - 20;
                ids.truncate(20);
                return format!("{} … and {more} more", ids.join(", "));
            }
            ids.join(", ")
        };
        // The unit each person belongs to, from bot.toml and the directory.
        let home_unit: HashMap<&str, &str> = raw
            .person
            .iter()
            .map(|p| (p.id.get_ref().as_str(), p.unit.get_ref().as_str()))
            .chain(staff.iter().map(|p| (p.id.as_str(), p.unit.as_str())))
            .collect();
        let staff_index: HashMap<&str, usize> = staff
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        // The directory's roles per unit, in file order.
        let mut roles: HashMap<(&str, directory::Role), Vec<&directory::StaffPerson>> =
            HashMap::new();
        for p in &staff {
            for role in &p.roles {
                roles.entry((p.unit.as_str(), *role)).or_default().push(p);
            }
        }

        let mut units = Vec::new();
        for u in &raw.unit {
            let timezone = match Tz::from_str(u.timezone.get_ref()) {
                Ok(tz) => tz,
                Err(_) => {
                    self.problem(
                        u.timezone.span(),
                        format!("unknown time zone `{}`", u.timezone.get_ref()),
                        "use an IANA time zone name such as \"Europe/Stockholm\" or \"Europe/Copenhagen\"",
                    );
                    Tz::UTC
                }
            };
            let mut person_ref = |r: &Spanned<String>, key: &str| {
                if !person_ids.contains(r.get_ref().as_str()) {
                    self.problem(
                        r.span(),
                        format!("`{key}` names `{}`, who is not a [[person]]", r.get_ref()),
                        &format!("use one of the configured person ids: {}", known_persons()),
                    );
                }
                PersonId::new(r.get_ref().clone())
            };
            let manager = u.manager.as_ref().map(|m| person_ref(m, "manager"));
            let toml_deputies: Vec<PersonId> = u
                .deputies
                .iter()
                .map(|d| person_ref(d, "deputies"))
                .collect();
            let toml_reps: Vec<PersonId> = u
                .safety_reps
                .iter()
                .map(|d| person_ref(d, "safety_reps"))
                .collect();
            let unit_id = u.id.get_ref().as_str();
            let of_role = |role| roles.get(&(unit_id, role)).cloned().unwrap_or_default();
            let dir_problem = |p: &directory::StaffPerson, message: String, help: &str| Problem {
                file: directory.clone().unwrap_or_default(),
                line: p.line,
                column: p.role_column,
                message,
                help: help.to_string(),
            };
            let managers = of_role(directory::Role::Manager);
            let manager = manager.or_else(|| {
                if let Some(second) = managers.get(1) {
                    let problem = dir_problem(
                        second,
                        format!(
                            "unit `{unit_id}` has two managers in the directory: `{}` and `{}`",
                            managers[0].id, second.id
                        ),
                        "give one of them the role deputy, or name the manager in bot.toml with manager = \"ID\"",
                    );
                    self.problems.push(problem);
                }
                managers
                    .first()
                    .map(|p| PersonId::new(p.id.clone()))
                    .or_else(|| most_named_manager(&staff, unit_id))
            });
            let manager = match manager {
                Some(m) => m,
                None => {
                    self.problem(
                        u.id.span(),
                        format!("unit `{unit_id}` has no manager"),
                        "add manager = \"ID\" to this [[unit]], or give a person of this unit the role manager in the directory",
                    );
                    PersonId::new(String::new())
                }
            };
            let deputies: Vec<PersonId> = toml_deputies
                .into_iter()
                .chain(
                    of_role(directory::Role::Deputy)
                        .iter()
                        .map(|p| PersonId::new(p.id.clone())),
                )
                .collect();
            let safety_reps: Vec<PersonId> = toml_reps
                .into_iter()
                .chain(
                    of_role(directory::Role::SafetyRep)
                        .iter()
                        .map(|p| PersonId::new(p.id.clone())),
                )
                .collect();
            // A safety representative is told the employee is "in your unit": they must be.
            for rep in &u.safety_reps {
                let home = home_unit.get(rep.get_ref().as_str()).copied();
                // (A person whose unit does not exist is reported with the person.)
                let elsewhere = home.filter(|home| {
                    *home != u.id.get_ref() && raw.unit.iter().any(|o| o.id.get_ref() == home)
                });
                if let Some(home) = elsewhere {
                    let fix = if staff_index.contains_key(rep.get_ref().as_str()) {
                        "correct the unit column of their row in the directory"
                    } else {
                        "set unit = \"UNIT\" in their [[person]]"
                    };
                    self.problem(
                        rep.span(),
                        format!(
                            "safety representative `{}` belongs to unit `{home}`, not `{}`",
                            rep.get_ref(),
                            u.id.get_ref()
                        ),
                        &format!(
                            "name a safety representative of unit `{}` here, or move `{}` to that unit ({})",
                            u.id.get_ref(),
                            rep.get_ref(),
                            fix.replace("UNIT", u.id.get_ref())
                        ),
                    );
                }
            }
            if safety_reps.is_empty() {
                self.problem(
                    u.id.span(),
                    format!("unit `{}` has no safety representative", u.id.get_ref()),
                    "add at least one person id to safety_reps (skyddsombud / arbejdsmiljørepræsentant), or give a person of this unit the role safety rep in the directory",
                );
            }
            if deputies.contains(&manager) {
                let span = u.manager.as_ref().map_or(u.id.span(), |m| m.span());
                self.problem(
                    span,
                    format!(
                        "`{}` is both manager and deputy of unit `{}`",
                        manager.as_str(),
                        u.id.get_ref()
                    ),
                    "a deputy must be someone other than the manager",
                );
            }
            let mut contacts = Vec::new();
            for (kind, value) in [
                (ContactKind::HrCrisisLine, &u.contacts.hr_crisis_line),
                (
                    ContactKind::SecurityCoordinator,
                    &u.contacts.security_coordinator,
                ),
                (
                    ContactKind::OccupationalHealth,
                    &u.contacts.occupational_health,
                ),
                (
                    ContactKind::CrisisPsychologist,
                    &u.contacts.crisis_psychologist,
                ),
                (ContactKind::Communicator, &u.contacts.communicator),
                (ContactKind::Secretariat, &u.contacts.secretariat),
                (ContactKind::Routine, &u.contacts.routine),
            ] {
                if let Some(v) = value {
                    self.non_empty(v, "contacts");
                    contacts.push((kind, v.get_ref().trim().to_string()));
                }
            }
            if let Some(system) = &u.incident_system {
                self.non_empty(system, "incident_system");
            }
            let exists = |id: &str| person_ids.contains(id);
            let mut policy = self.policy(u, timezone, &exists, &known_persons());
            policy.contacts = contacts.clone();
            if u.escalation.chain.is_none() {
                // Manager, deputies, then the manager's own manager (the directory's manager
                // column), if there is one outside the unit's chain.
                let mut chain = vec![manager.clone()];
                chain.extend(deputies.iter().cloned());
                let above = staff_index
                    .get(manager.as_str())
                    .and_then(|&i| staff[i].manager.as_ref());
                if let Some(above) = above {
                    let above = PersonId::new(above.clone());
                    if !chain.contains(&above) {
                        chain.push(above);
                    }
                }
                policy.manager_chain = chain;
            }
            policy.safety_reps = safety_reps.clone();
            if policy.out_of_hours.is_none() {
                policy.out_of_hours = of_role(directory::Role::OnCall)
                    .first()
                    .map(|p| PersonId::new(p.id.clone()));
            }
            units.push(Unit {
                id: UnitId::new(u.id.get_ref().clone()),
                name: u.name.get_ref().clone(),
                country: u.country,
                timezone,
                language: u.language,
                manager,
                deputies,
                safety_reps,
                incident_system: u.incident_system.as_ref().map(|s| s.get_ref().clone()),
                contacts,
                policy,
                texts: u.texts.as_ref().and_then(|t| self.texts_folder(t, path)),
            });
        }

        let mut persons = Vec::with_capacity(raw.person.len() + staff.len());
        let mut matrix_taken: HashSet<String> = HashSet::new();
        let mut discord_taken: HashSet<u64> = HashSet::new();
        for p in &raw.person {
            let unit = units.iter().find(|u| u.id.as_str() == p.unit.get_ref());
            if unit.is_none() {
                let mut ids: Vec<_> = raw.unit.iter().map(|u| u.id.get_ref().as_str()).collect();
                ids.sort_unstable();
                self.problem(
                    p.unit.span(),
                    format!(
                        "person `{}` belongs to unit `{}`, which is not a [[unit]]",
                        p.id.get_ref(),
                        p.unit.get_ref()
                    ),
                    &format!("use one of the configured unit ids: {}", ids.join(", ")),
                );
            }
            if let Some(m) = &p.matrix {
                self.matrix_user_id(m);
                if !matrix_taken.insert(m.get_ref().clone()) {
                    self.problem(
                        m.span(),
                        format!("the Matrix id `{}` is given to two persons", m.get_ref()),
                        "each Matrix account belongs to one person",
                    );
                }
            }
            let discord = p.discord.as_ref().and_then(|d| {
                let id = d.get_ref().parse::<u64>().ok().filter(|id| *id > 0);
                if id.is_none() {
                    self.problem(
                        d.span(),
                        format!("`{}` is not a Discord user id", d.get_ref()),
                        "use the person's numeric user id (Discord: Settings → Advanced → Developer Mode, then Copy User ID)",
                    );
                }
                id
            });
            if let Some(id) = discord {
                if !discord_taken.insert(id) {
                    self.problem(
                        p.discord.as_ref().map_or(0..0, |d| d.span()),
                        format!("the Discord id `{id}` is given to two persons"),
                        "each Discord account belongs to one person",
                    );
                }
            }
            persons.push(Person {
                id: PersonId::new(p.id.get_ref().clone()),
                name: p.name.get_ref().clone(),
                unit: UnitId::new(p.unit.get_ref().clone()),
                language: p
                    .language
                    .or(unit.map(|u| u.language))
                    .unwrap_or(Language::En),
                matrix: p.matrix.as_ref().map(|m| m.get_ref().clone()),
                discord,
                manager: None,
                email: None,
            });
        }
        for p in staff {
            let file = directory.clone().unwrap_or_default();
            let clash = |what: &str, id: &str| Problem {
                file: file.clone(),
                line: p.line,
                column: 1,
                message: format!(
                    "the {what} id `{id}` of person `{}` is also given to a [[person]] in bot.toml",
                    p.id
                ),
                help: "each account belongs to one person: correct the row or the [[person]]"
                    .into(),
            };
            if let Some(m) = &p.matrix {
                if !matrix_taken.insert(m.clone()) {
                    self.problems.push(clash("Matrix", m));
                }
            }
            if let Some(d) = p.discord {
                if !discord_taken.insert(d) {
                    self.problems.push(clash("Discord", &d.to_string()));
                }
            }
            let language = p.language.or_else(|| {
                units
                    .iter()
                    .find(|u| u.id.as_str() == p.unit)
                    .map(|u| u.language)
            });
            persons.push(Person {
                id: PersonId::new(p.id),
                name: p.name,
                unit: UnitId::new(p.unit),
                language: language.unwrap_or(Language::En),
                matrix: p.matrix,
                discord: p.discord,
                manager: p.manager.map(PersonId::new),
                email: p.email,
            });
        }
        let matrix = raw.matrix.as_ref().map(|m| self.matrix(m, path));
        let discord = raw.discord.as_ref().map(|d| self.discord(d, path));
        let metrics = raw.metrics.as_ref().and_then(|m| {
            let parsed = m.address.get_ref().parse::<std::net::SocketAddr>().ok();
            if parsed.is_none() {
                self.problem(
                    m.address.span(),
                    format!("`{}` is not an address and port", m.address.get_ref()),
                    "write an IP address and a port, e.g. \"127.0.0.1:9464\" (this machine only), or leave [metrics] out",
                );
            }
            parsed
        });
        let key_file = raw.organisation.key_file.as_ref().map(|k| {
            let file = path.parent().unwrap_or(Path::new(".")).join(k.get_ref());
            // Only a folder is a mistake in bot.toml; the file's mode is checked at start.
            if let Err(crate::store::vault::KeyFileProblem::Folder { example, .. }) =
                crate::store::vault::check_key_file(&file)
            {
                let example = Path::new(k.get_ref()).join(example.file_name().unwrap_or_default());
                self.problem(
                    k.span(),
                    format!("key_file `{}` is a folder, not a key file", k.get_ref()),
                    &format!(
                        "name the key file itself, e.g. key_file = \"{}\" (Fyr creates it, readable only by you, when the data folder is new)",
                        example.display()
                    ),
                );
            }
            file
        });
        let texts = raw
            .organisation
            .texts
            .as_ref()
            .and_then(|t| self.texts_folder(t, path));
        let local_checklist = self.local_checklist(&raw, texts.as_ref());
        for unit in &mut units {
            unit.policy.local_checklist = local_checklist.clone();
        }

        if !self.problems.is_empty() {
            // bot.toml's problems first, then the directory's, each in file order.
            self.problems.sort_by(|a, b| {
                (a.file != path, a.line, a.column).cmp(&(b.file != path, b.line, b.column))
            });
            return Err(ConfigError::Invalid(self.problems));
        }
        let person_index = persons
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str().to_string(), i))
            .collect();
        let matrix_index = persons
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.matrix.clone().map(|m| (m, i)))
            .collect();
        let discord_index = persons
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.discord.map(|d| (d, i)))
            .collect();
        Ok(Config {
            source: path.to_path_buf(),
            organisation: raw.organisation.name.get_ref().clone(),
            units,
            persons,
            person_index,
            matrix_index,
            discord_index,
            directory,
            metrics,
            matrix,
            discord,
            max_file_bytes: u64::from(raw.organisation.max_file_mb.unwrap_or(25)) * 1024 * 1024,
            key_file,
            texts,
            console: false,
        })
    }

    /// `[[organisation.checklist]]`: each id one of the organisation's own texts, at most
    /// `MAX_LOCAL_ITEMS`.
    fn local_checklist(
        &mut self,
        raw: &raw::RawConfig,
        texts: Option<&crate::i18n::Overrides>,
    ) -> Vec<crate::engine::LocalItem> {
        let items = &raw.organisation.checklist;
        if let Some(extra) = items.get(crate::engine::MAX_LOCAL_ITEMS) {
            self.problem(
                extra.id.span(),
                format!(
                    "at most {} checklist items of your own",
                    crate::engine::MAX_LOCAL_ITEMS
                ),
                "keep the few that matter most; more belong in your routine document (contacts.routine)",
            );
        }
        let mut out = Vec::new();
        for item in items.iter().take(crate::engine::MAX_LOCAL_ITEMS) {
            let id = item.id.get_ref();
            if !id.starts_with(crate::i18n::LOCAL_PREFIX) {
                self.problem(
                    item.id.span(),
                    format!("checklist item `{id}` is not one of your own ids"),
                    "name it local-… and give its text in your texts folder, in sv, da and en",
                );
                continue;
            }
            if !texts.is_some_and(|t| t.defines(id)) {
                self.problem(
                    item.id.span(),
                    format!("checklist item `{id}` has no text in your texts folder"),
                    &format!(
                        "set [organisation] texts = \"local/\" and write `{id} = …` in local/sv/, local/da/ and local/en/"
                    ),
                );
                continue;
            }
            if out.iter().any(|o: &crate::engine::LocalItem| o.id == *id) {
                self.problem(
                    item.id.span(),
                    format!("checklist item `{id}` is listed twice"),
                    "list each item once",
                );
                continue;
            }
            let label = format!("{id}-label");
            out.push(crate::engine::LocalItem {
                label: texts.is_some_and(|t| t.defines(&label)).then_some(label),
                id: id.clone(),
                kinds: item.when.kinds.clone(),
                urgent: item.when.urgent,
            });
        }
        out
    }

    /// A folder of own wording (`[organisation] texts` or `[[unit]] texts`), read and checked;
    /// its problems are located in bot.toml or in the Fluent files themselves.
    fn texts_folder(&mut self, t: &Spanned<String>, path: &Path) -> Option<crate::i18n::Overrides> {
        let dir = path.parent().unwrap_or(Path::new(".")).join(t.get_ref());
        if !dir.is_dir() {
            self.problem(
                t.span(),
                format!("texts folder `{}` does not exist", t.get_ref()),
                "name a folder (relative to bot.toml) with sv/, da/ and en/ inside, each holding .ftl files",
            );
            return None;
        }
        match crate::i18n::Overrides::load(&dir) {
            Ok(overrides) => Some(overrides),
            Err(problems) => {
                self.problems.extend(problems.into_iter().map(|p| Problem {
                    file: p.file,
                    line: p.line,
                    column: p.column,
                    message: p.message,
                    help: p.help,
                }));
                None
            }
        }
    }

    fn discord(&mut self, d: &raw::RawDiscord, path: &Path) -> DiscordConfig {
        let base = path.parent().unwrap_or(Path::new("."));
        let token = match (&d.token_env, &d.token_file) {
            (Some(env), None) => Secret::Env(env.get_ref().clone()),
            (None, Some(file)) => Secret::File(base.join(file.get_ref())),
            _ => {
                let span = d.api_base.as_ref().map_or(0..0, |a| a.span());
                self.problem(
                    span,
                    "[discord] needs exactly one of token_env and token_file".into(),
                    "set token_env = \"FYR_DISCORD_TOKEN\" (an environment variable) or token_file = \"PATH\"",
                );
                Secret::Env(String::new())
            }
        };
        if let Some(api) = &d.api_base {
            let url = api.get_ref();
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                self.problem(
                    api.span(),
                    format!("`{url}` is not a URL"),
                    "leave api_base out to use Discord itself",
                );
            }
        }
        let mut servers = Vec::new();
        for server in d.servers.iter().flatten() {
            match server.get_ref().parse::<u64>() {
                Ok(id) => servers.push(id),
                Err(_) => self.problem(
                    server.span(),
                    format!("`{}` is not a Discord server id", server.get_ref()),
                    "use the server's numeric id (Developer Mode, then right-click the server → Copy Server ID)",
                ),
            }
        }
        DiscordConfig {
            token,
            servers,
            export_attachments: d.export_attachments.unwrap_or(true),
            api_base: d
                .api_base
                .as_ref()
                .map(|a| a.get_ref().trim_end_matches('/').to_string()),
        }
    }

    fn matrix_user_id(&mut self, id: &Spanned<String>) {
        let s = id.get_ref();
        let ok = s.starts_with('@') && s.contains(':') && !s.contains(char::is_whitespace);
        if !ok {
            self.problem(
                id.span(),
                format!("`{s}` is not a Matrix user id"),
                "write it as \"@name:server\", e.g. \"@sara:example.org\"",
            );
        }
    }

    fn matrix(&mut self, m: &raw::RawMatrix, path: &Path) -> MatrixConfig {
        self.matrix_user_id(&m.user_id);
        let url = m.homeserver.get_ref();
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            self.problem(
                m.homeserver.span(),
                format!("`{url}` is not a homeserver URL"),
                "write the full URL, e.g. \"https://matrix.example.org\"",
            );
        }
        let base = path.parent().unwrap_or(Path::new("."));
        let secret =
            |env: &Option<Spanned<String>>, file: &Option<Spanned<String>>| match (env, file) {
                (Some(env), None) => Some(Secret::Env(env.get_ref().clone())),
                (None, Some(file)) => Some(Secret::File(base.join(file.get_ref()))),
                _ => None,
            };
        let given = [
            &m.password_env,
            &m.password_file,
            &m.access_token_env,
            &m.access_token_file,
        ]
        .iter()
        .filter(|k| k.is_some())
        .count();
        let login = match (
            secret(&m.password_env, &m.password_file),
            secret(&m.access_token_env, &m.access_token_file),
        ) {
            (Some(password), None) if given == 1 => MatrixLogin::Password(password),
            (None, Some(token)) if given == 1 => MatrixLogin::AccessToken(token),
            _ => {
                self.problem(
                    m.user_id.span(),
                    "[matrix] needs exactly one of password_env, password_file, access_token_env and access_token_file".into(),
                    "set password_env = \"FYR_MATRIX_PASSWORD\" (an environment variable) or password_file = \"PATH\"; on a homeserver with single sign-on only, access_token_env or access_token_file",
                );
                MatrixLogin::Password(Secret::Env(String::new()))
            }
        };
        let store = m
            .store
            .as_ref()
            .map_or_else(|| base.join("fyr-matrix"), |s| base.join(s.get_ref()));
        MatrixConfig {
            homeserver: url.clone(),
            user_id: m.user_id.get_ref().clone(),
            login,
            store,
        }
    }

    fn non_empty(&mut self, value: &Spanned<String>, key: &str) {
        if value.get_ref().trim().is_empty() {
            self.problem(
                value.span(),
                format!("`{key}` is empty"),
                "write a value between the quotes, or remove the key if it is optional",
            );
        }
    }

    fn id_syntax(&mut self, id: &Spanned<String>) {
        let s = id.get_ref();
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !ok {
            self.problem(
                id.span(),
                format!("`{s}` is not a valid id"),
                "ids use lowercase a-z, digits, '-' and '_' (at most 64 characters), e.g. \"se-employee\"",
            );
        }
    }
}

/// A bot.toml that is not UTF-8 (saved as Latin-1 or UTF-16, say): located at its first
/// byte that is not.
fn not_utf8(path: &Path, e: &std::string::FromUtf8Error) -> ConfigError {
    let bytes = e.as_bytes();
    let at = e.utf8_error().valid_up_to();
    let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let (line, column) = line_column(valid, at);
    ConfigError::Invalid(vec![Problem {
        file: path.to_path_buf(),
        line,
        column,
        message: format!(
            "the file is not UTF-8 text (byte 0x{:02x} here)",
            bytes[at]
        ),
        help: "save bot.toml with the encoding UTF-8 (in most editors: Save as… → Encoding: UTF-8), then check it again".into(),
    }])
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        let text = "a = 1\nbå = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, text.find('=').unwrap()), (1, 3));
        let second_eq = text.rfind('=').unwrap();
        assert_eq!(line_column(text, second_eq), (2, 4));
    }
}
