//! Localization: renders the engine's message ids into Swedish, Danish or English text with
//! Fluent. The `.ftl` files under `locales/` are compiled into the binary, so Fyr runs from any
//! folder. A missing id falls back to English, then to the id itself — never a panic.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use thiserror::Error;

use crate::engine::{Arg, Msg, Outgoing, Style};
use crate::model::{Language, PersonId};

/// The Fluent sources of every language for the given areas (file stems under `locales/<lang>/`).
macro_rules! sources {
    ($($area:literal),* $(,)?) => {
        &[
            $((Language::Sv, concat!($area, ".ftl"), include_str!(concat!("../locales/sv/", $area, ".ftl"))),)*
            $((Language::Da, concat!($area, ".ftl"), include_str!(concat!("../locales/da/", $area, ".ftl"))),)*
            $((Language::En, concat!($area, ".ftl"), include_str!(concat!("../locales/en/", $area, ".ftl"))),)*
        ]
    };
}

/// The Fluent sources, per language and area.
pub const SOURCES: &[(Language, &str, &str)] = sources!(
    "common",
    "employee",
    "recipient",
    "advice",
    "roles",
    "reference",
    "report",
    "country-se",
    "country-dk",
);

#[derive(Debug, Error)]
pub enum LocaleError {
    #[error("locales/{lang}/{file}:{line}:{column}: Fluent syntax error: {detail}{more}")]
    Syntax {
        lang: Language,
        file: String,
        line: usize,
        column: usize,
        detail: String,
        /// How many further errors the file has, said in words (empty when none).
        more: String,
    },
    #[error("locales/{lang}/{file}: {detail}")]
    Bundle {
        lang: Language,
        file: String,
        detail: String,
    },
}

/// A date (`2026-03-02`) or local date and time (`2026-03-02T14:05`) as it is written in prose:
/// "2 mars 2026 kl. 14.05", "2. marts 2026 kl. 14.05", "2 March 2026 at 14:05". Fluent messages
/// use it as `{ DATE($when) }`; text that is not a date is returned as it is.
pub fn long_date(lang: Language, iso: &str) -> String {
    use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
    let (date, time) = match NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M") {
        Ok(at) => (at.date(), Some((at.hour(), at.minute()))),
        Err(_) => match NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
            Ok(day) => (day, None),
            Err(_) => return iso.to_string(),
        },
    };
    const SV: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const DA: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = date.month0() as usize;
    let (day, year) = (date.day(), date.year());
    let day_text = match lang {
        Language::Sv => format!("{day} {} {year}", SV[month]),
        Language::Da => format!("{day}. {} {year}", DA[month]),
        Language::En => format!("{day} {} {year}", EN[month]),
    };
    match (time, lang) {
        (None, _) => day_text,
        (Some((h, m)), Language::Sv) => format!("{day_text} kl. {h:02}.{m:02}"),
        (Some((h, m)), Language::Da) => format!("{day_text} kl. {h:02}.{m:02}"),
        (Some((h, m)), Language::En) => format!("{day_text} at {h:02}:{m:02}"),
    }
}

/// A problem in an organisation's own Fluent files (`[organisation] texts`), located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverrideProblem {
    pub file: std::path::PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: String,
}

/// An organisation's own wording: `<dir>/<lang>/*.ftl` for sv, da and en, each message replacing
/// the built-in one of the same id. Checked before use: Fluent syntax, ids Fyr has, no variable
/// the built-in message does not have, and every id in all three languages.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// Per language, the sources in file order: (path, text).
    sources: Vec<(Language, std::path::PathBuf, String)>,
    /// Every id given (in all three languages).
    ids: std::collections::BTreeSet<String>,
}

/// How the ids an organisation adds of its own begin.
pub const LOCAL_PREFIX: &str = "local-";

impl Overrides {
    /// Whether the folder gives this id (in every language).
    pub fn defines(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// Read and check the folder.
    pub fn load(dir: &std::path::Path) -> Result<Overrides, Vec<OverrideProblem>> {
        let builtin = Localizer::new().expect("the built-in locales load");
        let mut problems = Vec::new();
        let mut sources = Vec::new();
        // id -> languages that override it, and where it was first seen.
        let mut seen: std::collections::BTreeMap<
            String,
            (Vec<Language>, std::path::PathBuf, usize, usize),
        > = Default::default();
        for lang in Language::ALL {
            let folder = dir.join(lang.code());
            let mut files: Vec<_> = std::fs::read_dir(&folder)
                .map(|entries| {
                    entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            for path in files {
                let text = match std::fs::read_to_string(&path) {
                    Ok(t) => t,
                    Err(e) => {
                        problems.push(OverrideProblem {
                            file: path.clone(),
                            line: 1,
                            column: 1,
                            message: format!("cannot read this file: {e}"),
                            help: "the file must be readable UTF-8 text".into(),
                        });
                        continue;
                    }
                };
                let at = |byte: usize| line_column(&text, byte);
                let resource = match fluent_syntax::parser::parse(text.as_str()) {
                    Ok(r) => r,
                    Err((partial, errors)) => {
                        // Every error is reported, and the entries that did parse are checked
                        // too.
                        for e in errors {
                            let (line, column) = at(e.pos.start);
                            problems.push(OverrideProblem {
                                file: path.clone(),
                                line,
                                column,
                                message: format!("Fluent syntax error: {}", e.kind),
                                help: "see https://projectfluent.org/fluent/guide/ for the syntax; `fyr texts --lang sv` prints every message as it is now".into(),
                            });
                        }
                        partial
                    }
                };
                for entry in &resource.body {
                    let fluent_syntax::ast::Entry::Message(message) = entry else {
                        continue;
                    };
                    let id = message.id.name;
                    let offset = id.as_ptr() as usize - text.as_ptr() as usize;
                    let (line, column) = at(offset);
                    let problem = |message: String, help: &str| OverrideProblem {
                        file: path.clone(),
                        line,
                        column,
                        message,
                        help: help.to_string(),
                    };
                    // An id of the organisation's own (`local-…`, e.g. a checklist item) is added,
                    // without variables.
                    let original = match builtin.variables(lang, id) {
                        Some(original) => original,
                        None if id.starts_with(LOCAL_PREFIX) => Default::default(),
                        None => {
                            problems.push(problem(
                                format!("there is no message `{id}` in Fyr"),
                                "override only ids that Fyr has (`fyr texts --lang sv` lists them), or add your own as `local-…`",
                            ));
                            continue;
                        }
                    };
                    let used = message
                        .value
                        .as_ref()
                        .map(pattern_variables)
                        .unwrap_or_default();
                    for variable in used.difference(&original) {
                        problems.push(problem(
                            format!("`{id}` uses the variable ${variable}, which Fyr does not give this message"),
                            &format!(
                                "use only {}",
                                if original.is_empty() {
                                    "plain text here".to_string()
                                } else {
                                    original.iter().map(|v| format!("${v}")).collect::<Vec<_>>().join(", ")
                                }
                            ),
                        ));
                    }
                    let entry = seen
                        .entry(id.to_string())
                        .or_insert_with(|| (Vec::new(), path.clone(), line, column));
                    entry.0.push(lang);
                }
                sources.push((lang, path, text));
            }
        }
        for (id, (langs, file, line, column)) in &seen {
            let missing: Vec<&str> = Language::ALL
                .iter()
                .filter(|l| !langs.contains(l))
                .map(|l| l.code())
                .collect();
            if !missing.is_empty() {
                problems.push(OverrideProblem {
                    file: file.clone(),
                    line: *line,
                    column: *column,
                    message: format!("`{id}` is overridden here but not in {}", missing.join(", ")),
                    help: format!(
                        "give `{id}` in {} too, so nobody reads the built-in text in one language and yours in another",
                        missing
                            .iter()
                            .map(|l| format!("{}/", dir.join(l).display()))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ),
                });
            }
        }
        if problems.is_empty() {
            Ok(Overrides {
                sources,
                ids: seen.into_keys().collect(),
            })
        } else {
            Err(problems)
        }
    }
}

/// The variables a Fluent pattern uses (`$name`), in selectors and nested placeables too.
fn pattern_variables(
    pattern: &fluent_syntax::ast::Pattern<&str>,
) -> std::collections::BTreeSet<String> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            InlineExpression::Placeable { expression } => expression_(expression, out),
            _ => {}
        }
    }
    fn expression_(e: &Expression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    walk(&v.value, out);
                }
            }
        }
    }
    fn walk(p: &fluent_syntax::ast::Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
        for element in &p.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_(expression, out);
            }
        }
    }
    let mut out = Default::default();
    walk(pattern, &mut out);
    out
}

/// A message rendered for one person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub to: PersonId,
    pub text: String,
    pub options: Vec<String>,
    /// Files sent with the message (an export), for adapters that can attach them.
    pub files: Vec<crate::export::ExportFile>,
}

impl Rendered {
    /// The text with its options as a numbered list, for chats without buttons.
    pub fn numbered(&self) -> String {
        let mut text = self.text.clone();
        for (i, option) in self.options.iter().enumerate() {
            text.push_str(if i == 0 { "\n\n" } else { "\n" });
            text.push_str(&format!("{}) {option}", i + 1));
        }
        text
    }
}

/// One bundle per language.
type Bundles = Vec<(Language, FluentBundle<FluentResource>)>;

/// Fyr's texts: the built-in ones with the organisation's own wording over them, and for each
/// unit with its own wording (`[[unit]] texts`) a layer more. A person's messages use their
/// unit's wording first, then the organisation's, then the built-in text.
pub struct Localizer {
    bundles: Bundles,
    /// Per unit with its own wording: the organisation's texts with the unit's over them.
    units: Vec<(crate::model::UnitId, Bundles)>,
    /// Each person of such a unit, and the index of their unit in `units`.
    people: std::collections::HashMap<PersonId, usize>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer").finish_non_exhaustive()
    }
}

impl Localizer {
    /// Load the compiled-in locales.
    pub fn new() -> Result<Localizer, LocaleError> {
        Localizer::from_sources(SOURCES)
    }

    /// Load the given sources (tests use this to feed broken files).
    pub fn from_sources(sources: &[(Language, &str, &str)]) -> Result<Localizer, LocaleError> {
        Ok(Localizer {
            bundles: Localizer::bundles_of(sources)?,
            units: Vec::new(),
            people: Default::default(),
        })
    }

    fn bundles_of(sources: &[(Language, &str, &str)]) -> Result<Bundles, LocaleError> {
        let mut bundles = Vec::new();
        for lang in Language::ALL {
            let langid = lang
                .code()
                .parse()
                .expect("sv, da and en are valid language identifiers");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            bundle
                .add_function("DATE", move |positional, _named| match positional.first() {
                    Some(FluentValue::String(s)) => FluentValue::from(long_date(lang, s)),
                    _ => FluentValue::Error,
                })
                .expect("DATE is added once per bundle");
            for (_, file, source) in sources.iter().filter(|(l, _, _)| *l == lang) {
                let resource =
                    FluentResource::try_new(source.to_string()).map_err(|(_, errors)| {
                        let first = &errors[0];
                        let (line, column) = line_column(source, first.pos.start);
                        LocaleError::Syntax {
                            lang,
                            file: file.to_string(),
                            line,
                            column,
                            detail: first.kind.to_string(),
                            more: match errors.len() {
                                1 => String::new(),
                                2 => " (and 1 more error)".into(),
                                n => format!(" (and {} more errors)", n - 1),
                            },
                        }
                    })?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| LocaleError::Bundle {
                        lang,
                        file: file.to_string(),
                        detail: errors
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; "),
                    })?;
            }
            bundles.push((lang, bundle));
        }
        Ok(bundles)
    }

    /// The built-in texts with an organisation's own wording over them (already checked by
    /// `Overrides::load`).
    pub fn with_overrides(overrides: &Overrides) -> Result<Localizer, LocaleError> {
        let mut localizer = Localizer::new()?;
        overlay(&mut localizer.bundles, overrides)?;
        Ok(localizer)
    }

    /// Fyr's texts as configured: the built-in ones, with the organisation's own wording over
    /// them when bot.toml names a texts folder, and each unit's own wording over that for the
    /// unit's people.
    pub fn for_config(config: &crate::config::Config) -> Result<Localizer, LocaleError> {
        let mut localizer = match &config.texts {
            Some(overrides) => Localizer::with_overrides(overrides)?,
            None => Localizer::new()?,
        };
        for unit in &config.units {
            let Some(own) = &unit.texts else {
                continue;
            };
            let mut bundles = Localizer::bundles_of(SOURCES)?;
            if let Some(organisation) = &config.texts {
                overlay(&mut bundles, organisation)?;
            }
            overlay(&mut bundles, own)?;
            localizer.units.push((unit.id.clone(), bundles));
        }
        for person in &config.persons {
            if let Some(i) = localizer.units.iter().position(|(u, _)| *u == person.unit) {
                localizer.people.insert(person.id.clone(), i);
            }
        }
        Ok(localizer)
    }

    /// The bundles a person's messages are rendered with: their unit's, else the organisation's.
    fn bundles_for(&self, person: &PersonId) -> &Bundles {
        self.people
            .get(person)
            .map_or(&self.bundles, |&i| &self.units[i].1)
    }

    /// The variables the message `id` uses in `lang`; None when it does not exist there.
    pub fn variables(
        &self,
        lang: Language,
        id: &str,
    ) -> Option<std::collections::BTreeSet<String>> {
        let message = self.bundle(lang)?.get_message(id)?;
        Some(message.value().map(pattern_variables).unwrap_or_default())
    }

    /// Every message id of a language, sorted.
    pub fn ids(&self, lang: Language) -> Vec<String> {
        let mut ids: Vec<String> = SOURCES
            .iter()
            .filter(|(l, _, _)| *l == lang)
            .flat_map(|(_, _, source)| {
                fluent_syntax::parser::parse(*source)
                    .map(|r| {
                        r.body
                            .iter()
                            .filter_map(|e| match e {
                                fluent_syntax::ast::Entry::Message(m) => {
                                    Some(m.id.name.to_string())
                                }
                                _ => None,
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
            .collect();
        ids.sort();
        ids
    }

    /// The current text of a message for review, each variable shown as `{$name}` (selectors
    /// show their default variant).
    pub fn review_text(&self, lang: Language, id: &str) -> Option<String> {
        let bundle = self.bundle(lang)?;
        let pattern = bundle.get_message(id)?.value()?;
        let variables = self.variables(lang, id).unwrap_or_default();
        let shown: Vec<String> = variables.iter().map(|v| format!("{{${v}}}")).collect();
        let mut args = FluentArgs::new();
        for (name, value) in variables.iter().zip(&shown) {
            args.set(name.as_str(), FluentValue::from(value.as_str()));
        }
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned(),
        )
    }

    fn bundle(&self, lang: Language) -> Option<&FluentBundle<FluentResource>> {
        bundle_in(&self.bundles, lang)
    }

    /// Whether `id` exists in `lang`'s bundle (without fallback).
    pub fn has(&self, lang: Language, id: &str) -> bool {
        self.bundle(lang).is_some_and(|b| b.has_message(id))
    }

    /// Render one message in `lang`, falling back to English, then to the bare id.
    pub fn text(&self, lang: Language, msg: &Msg) -> String {
        self.format(lang, msg)
    }

    /// Render one message for a person: in their unit's own wording where it has one.
    pub fn text_for(&self, person: &PersonId, lang: Language, msg: &Msg) -> String {
        format_in(self.bundles_for(person), lang, msg)
    }

    fn format(&self, lang: Language, msg: &Msg) -> String {
        format_in(&self.bundles, lang, msg)
    }

    /// Render a whole outgoing message for its reader (in their unit's own wording where it
    /// has one): paragraphs separated by blank lines, list items as
    /// bullets, options as separate strings (the adapter numbers them).
    pub fn render(&self, lang: Language, out: &Outgoing) -> Rendered {
        let bundles = self.bundles_for(&out.to);
        let mut text = String::new();
        for msg in &out.body {
            let line = format_in(bundles, lang, msg);
            if !text.is_empty() {
                // A list hangs under its heading; a paragraph after a list gets a blank line.
                text.push_str(if msg.style == Style::Paragraph {
                    "\n\n"
                } else {
                    "\n"
                });
            }
            match msg.style {
                Style::Paragraph => text.push_str(&line),
                Style::Item => {
                    text.push_str("• ");
                    text.push_str(&line);
                }
                Style::Quote => {
                    let quoted: Vec<String> = line.lines().map(|l| format!("│ {l}")).collect();
                    text.push_str(&quoted.join("\n"));
                }
            }
        }
        Rendered {
            to: out.to.clone(),
            text,
            options: out
                .options
                .iter()
                .map(|m| format_in(bundles, lang, m))
                .collect(),
            files: Vec::new(),
        }
    }
}

fn bundle_in(bundles: &Bundles, lang: Language) -> Option<&FluentBundle<FluentResource>> {
    bundles.iter().find(|(l, _)| *l == lang).map(|(_, b)| b)
}

/// Add checked own wording over bundles, each message replacing the one of the same id.
fn overlay(bundles: &mut Bundles, overrides: &Overrides) -> Result<(), LocaleError> {
    for (lang, path, text) in &overrides.sources {
        let resource = FluentResource::try_new(text.clone()).map_err(|_| LocaleError::Bundle {
            lang: *lang,
            file: path.display().to_string(),
            detail: "the file no longer parses".into(),
        })?;
        if let Some((_, bundle)) = bundles.iter_mut().find(|(l, _)| l == lang) {
            bundle.add_resource_overriding(resource);
        }
    }
    Ok(())
}

/// Render one message in `lang` with these bundles, falling back to English, then to the id.
fn format_in(bundles: &Bundles, lang: Language, msg: &Msg) -> String {
    let mut args = FluentArgs::with_capacity(msg.args.len());
    for (name, value) in &msg.args {
        match value {
            Arg::Str(s) => args.set(&**name, FluentValue::from(&**s)),
            Arg::Num(n) => args.set(&**name, FluentValue::from(*n)),
        }
    }
    for lang in [lang, Language::En] {
        let Some(bundle) = bundle_in(bundles, lang) else {
            continue;
        };
        let Some(pattern) = bundle.get_message(&msg.id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(id = %msg.id, %lang, "Fluent formatting errors: {errors:?}");
        }
        return text.into_owned();
    }
    tracing::error!(id = %msg.id, "message id missing in every locale");
    msg.id.to_string()
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(source: &str, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(source.len());
    while !source.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &source[..byte];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

/// All message ids defined in one language's sources.
pub fn ids_in(lang: Language, sources: &[(Language, &str, &str)]) -> Vec<String> {
    use fluent_syntax::ast::Entry;
    let mut ids = Vec::new();
    for (_, _, source) in sources.iter().filter(|(l, _, _)| *l == lang) {
        let resource = match fluent_syntax::parser::parse(*source) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        for entry in resource.body {
            match entry {
                Entry::Message(m) => ids.push(m.id.name.to_string()),
                Entry::Term(t) => ids.push(format!("-{}", t.id.name)),
                _ => {}
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_prose_are_written_as_each_language_writes_them() {
        assert_eq!(
            long_date(Language::Sv, "2026-03-02T14:05"),
            "2 mars 2026 kl. 14.05"
        );
        assert_eq!(
            long_date(Language::Da, "2026-03-02T14:05"),
            "2. marts 2026 kl. 14.05"
        );
        assert_eq!(
            long_date(Language::En, "2026-03-02T08:00"),
            "2 March 2026 at 08:00"
        );
        assert_eq!(long_date(Language::Da, "2026-12-24"), "24. december 2026");
        assert_eq!(long_date(Language::Sv, "not a date"), "not a date");
    }

    #[test]
    fn a_text_that_uses_no_argument_is_the_same_with_arguments_and_one_that_does_differs() {
        let l = Localizer::new().unwrap();
        let plain = Msg::new("start-danger");
        let with_args = Msg::new("start-danger").str("name", "Sara");
        assert_eq!(
            l.text(Language::Sv, &with_args),
            l.format(Language::Sv, &plain)
        );
        assert_eq!(
            l.text(Language::Sv, &with_args),
            l.text(Language::Sv, &with_args)
        );
        let sara = l.text(
            Language::Sv,
            &Msg::new("start-greeting").str("name", "Sara"),
        );
        let omar = l.text(
            Language::Sv,
            &Msg::new("start-greeting").str("name", "Omar"),
        );
        assert!(
            sara.contains("Sara") && omar.contains("Omar"),
            "{sara} / {omar}"
        );
        // Per language.
        assert_ne!(
            l.text(Language::Da, &with_args),
            l.text(Language::Sv, &with_args)
        );
    }
}
