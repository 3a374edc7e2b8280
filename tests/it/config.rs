//! bot.toml: the sample is valid, and every kind of mistake is reported with file:line:column and
//! a fix — all of them at once, not one per run.

use std::path::Path;
use std::process::Command;

use fyr::config::{Config, ConfigError};
use fyr::model::{Country, Language};

use crate::support::{fyr_bin, root, sample_config};

fn problems(text: &str) -> Vec<String> {
    match Config::parse(text, Path::new("bot.toml")) {
        Ok(_) => panic!("expected problems in:\n{text}"),
        Err(e) => e.problems().iter().map(|p| p.to_string()).collect(),
    }
}

const GOOD: &str = r#"
[organisation]
name = "Test"

[[unit]]
id = "u"
name = "Unit"
country = "SE"
timezone = "Europe/Stockholm"
language = "sv"
manager = "m"
safety_reps = ["r"]

[[person]]
id = "m"
name = "Manager"
unit = "u"

[[person]]
id = "r"
name = "Rep"
unit = "u"
language = "da"
"#;

#[test]
fn the_sample_describes_a_swedish_and_a_danish_unit() {
    let c = sample_config();
    let ids: Vec<_> = c.persons.iter().map(|p| p.id.as_str()).collect();
    for role in ["employee", "manager", "deputy", "safety-rep", "colleague"] {
        for country in ["se", "dk"] {
            assert!(
                ids.contains(&format!("{country}-{role}").as_str()),
                "{country}-{role} missing"
            );
        }
    }
    let se = c
        .units
        .iter()
        .find(|u| u.country == Country::Sweden)
        .unwrap();
    let dk = c
        .units
        .iter()
        .find(|u| u.country == Country::Denmark)
        .unwrap();
    assert_eq!(
        (se.timezone.name(), se.language),
        ("Europe/Stockholm", Language::Sv)
    );
    assert_eq!(
        (dk.timezone.name(), dk.language),
        ("Europe/Copenhagen", Language::Da)
    );
    assert_eq!(c.person("se-employee").unwrap().language, Language::Sv);
    assert_eq!(c.person("dk-employee").unwrap().language, Language::Da);
    assert!(!se.contacts.is_empty() && !dk.contacts.is_empty());
}

#[test]
fn a_minimal_file_is_valid_and_a_person_may_choose_a_language() {
    let c = Config::parse(GOOD, Path::new("bot.toml")).unwrap();
    assert_eq!(c.person("r").unwrap().language, Language::Da);
    assert_eq!(c.person("m").unwrap().language, Language::Sv);
}

#[test]
fn an_unknown_key_is_rejected_with_its_position() {
    let text = GOOD.replace("language = \"sv\"", "language = \"sv\"\nmanagr = \"m\"");
    let p = problems(&text);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("bot.toml:11:1: error: unknown field `managr`"),
        "{}",
        p[0]
    );
    assert!(p[0].contains("help:"), "{}", p[0]);
}

#[test]
fn a_wrong_type_and_a_wrong_country_are_explained() {
    let p = problems(&GOOD.replace("name = \"Unit\"", "name = 5"));
    assert!(
        p[0].starts_with("bot.toml:7:8: error: invalid type"),
        "{}",
        p[0]
    );
    let p = problems(&GOOD.replace("country = \"SE\"", "country = \"NO\""));
    assert!(
        p[0].starts_with("bot.toml:8:11: error: unknown variant `NO`"),
        "{}",
        p[0]
    );
}

#[test]
fn a_toml_syntax_error_has_a_position() {
    let p = problems("[organisation\nname = 1\n");
    assert!(p[0].starts_with("bot.toml:1:"), "{}", p[0]);
}

#[test]
fn every_broken_reference_is_reported_at_once() {
    let text = GOOD
        .replace(
            "timezone = \"Europe/Stockholm\"",
            "timezone = \"Europe/Stokholm\"",
        )
        .replace("manager = \"m\"", "manager = \"nobody\"")
        .replace("unit = \"u\"\nlanguage", "unit = \"elsewhere\"\nlanguage");
    let p = problems(&text);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(
        p[0].starts_with("bot.toml:9:12: error: unknown time zone `Europe/Stokholm`"),
        "{}",
        p[0]
    );
    assert!(
        p[1].starts_with("bot.toml:11:11: error: `manager` names `nobody`"),
        "{}",
        p[1]
    );
    assert!(
        p[1].contains("use one of the configured person ids: m, r"),
        "{}",
        p[1]
    );
    assert!(
        p[2].starts_with("bot.toml:22:8: error: person `r` belongs to unit `elsewhere`"),
        "{}",
        p[2]
    );
}

#[test]
fn duplicate_ids_and_bad_ids_are_reported() {
    let text = format!("{GOOD}\n[[person]]\nid = \"m\"\nname = \"Again\"\nunit = \"u\"\n\n[[person]]\nid = \"Bad Id\"\nname = \"X\"\nunit = \"u\"\n");
    let p = problems(&text);
    assert!(
        p.iter().any(|p| p.contains("person id `m` is used twice")),
        "{p:#?}"
    );
    assert!(
        p.iter().any(|p| p.contains("`Bad Id` is not a valid id")),
        "{p:#?}"
    );
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let err = Config::load(Path::new("/nonexistent/bot.toml")).unwrap_err();
    assert!(matches!(err, ConfigError::Read { .. }));
    assert!(err.to_string().contains("/nonexistent/bot.toml"), "{err}");
}

#[test]
fn check_config_exits_zero_on_the_sample_and_non_zero_with_positions_on_a_bad_file() {
    let ok = Command::new(fyr_bin())
        .arg("check-config")
        .arg(root().join("bot.toml"))
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bot.toml");
    std::fs::write(
        &bad,
        GOOD.replace("manager = \"m\"", "manager = \"x\"\nextra = 1"),
    )
    .unwrap();
    let out = Command::new(fyr_bin())
        .arg("check-config")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:12:1: error: unknown field `extra`",
            bad.display()
        )),
        "{stderr}"
    );
}

#[test]
fn a_broken_escalation_chain_is_reported_with_positions() {
    // The tables belong to the unit, so they go before the persons.
    let (unit, persons) = GOOD.split_at(GOOD.find("[[person]]").unwrap());
    let text = format!(
        "{unit}[unit.escalation]\nchain = [\"m\", \"ghost\", \"m\"]\nout_of_hours = \"nobody\"\nurgent_reminder = \"soon\"\n\n[unit.working_hours]\nstart = \"9\"\nholidays = [\"2026-02-30\"]\ndays = [\"mon\", \"funday\"]\n\n{persons}"
    );
    let p = problems(&text);
    let joined = p.join("\n");
    for expected in [
        "bot.toml:15:15: error: `escalation.chain` names `ghost`, who is not a [[person]]",
        "bot.toml:15:24: error: `m` appears twice in the escalation chain: that is a loop",
        "bot.toml:16:16: error: `escalation.out_of_hours` names `nobody`",
        "bot.toml:17:19: error: `soon` is not a duration",
        "bot.toml:20:9: error: `9` is not a time of day",
        "bot.toml:21:13: error: `2026-02-30` is not a date",
        "bot.toml:22:16: error: `funday` is not a day",
    ] {
        assert!(
            joined.contains(expected),
            "missing `{expected}` in:\n{joined}"
        );
    }
}

#[test]
fn the_sample_chain_and_working_hours_are_read() {
    let c = sample_config();
    let se = c
        .units
        .iter()
        .find(|u| u.country == Country::Sweden)
        .unwrap();
    let chain: Vec<_> = se.policy.manager_chain.iter().map(|p| p.as_str()).collect();
    assert_eq!(chain, ["se-manager", "se-deputy", "se-director"]);
    assert_eq!(
        se.policy.out_of_hours.as_ref().map(|p| p.as_str()),
        Some("se-on-call")
    );
    assert_eq!(se.policy.urgent.reminder, chrono::Duration::minutes(30));
    assert_eq!(
        se.policy.normal.next,
        chrono::Duration::minutes(8 * 60 + 30),
        "one working day of 08:00–16:30"
    );
    assert!(se
        .policy
        .calendar
        .holidays
        .contains(&chrono::NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()));
}

/// An organisation's own Fluent files are checked like bot.toml: a syntax error, an id Fyr does
/// not have, a variable the built-in message does not have, and an id given in one language
/// only — each with its file, line and column and what to do.
#[test]
fn broken_local_texts_are_reported_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(crate::support::root().join("bot.toml"))
        .unwrap()
        .replacen("# texts = \"local/\"", "texts = \"local/\"", 1);
    let toml = dir.path().join("bot.toml");
    std::fs::write(&toml, text).unwrap();
    let write = |lang: &str, body: &str| {
        let folder = dir.path().join("local").join(lang);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("local.ftl"), body).unwrap();
    };
    write(
        "sv",
        "start-greeting = Hej { $name }!\nno-such-message = x\nopt-next = Vidare { $who }\npaused = { oops\n",
    );
    write("da", "start-greeting = Hej { $name }!\n");
    write("en", "opt-next = On\n");
    let err = fyr::config::Config::load(&toml).expect_err("the overrides are broken");
    let shown = err.to_string();
    let sv = dir.path().join("local/sv/local.ftl").display().to_string();
    for expected in [
        format!("{sv}:2:1"),
        "there is no message `no-such-message` in Fyr".to_string(),
        format!("{sv}:3:1"),
        "uses the variable $who".to_string(),
        "Fluent syntax error".to_string(),
        "`start-greeting` is overridden here but not in en".to_string(),
    ] {
        assert!(
            shown.contains(&expected),
            "missing {expected:?} in:\n{shown}"
        );
    }
}

/// `fyr texts --lang da` prints every message with its current text, the organisation's own
/// wording where it has some, so HR can review the whole content in one file.
#[test]
fn fyr_texts_prints_every_message_with_its_current_text() {
    let root = crate::support::root();
    let run = |config: &std::path::Path| {
        let out = std::process::Command::new(crate::support::fyr_bin())
            .args(["texts", "--lang", "da", "--config"])
            .arg(config)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let built_in = run(&root.join("bot.toml"));
    let lines = built_in.lines().filter(|l| !l.starts_with(' ')).count();
    assert!(lines > 400, "only {lines} messages");
    assert!(
        built_in.contains("start-greeting = Hej {$name}, jeg hedder Fyr."),
        "{built_in}"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bot.toml"),
        std::fs::read_to_string(root.join("bot.toml"))
            .unwrap()
            .replacen(
                "# texts = \"local/\"",
                &format!("texts = {:?}", root.join("local")),
                1,
            ),
    )
    .unwrap();
    let local = run(&dir.path().join("bot.toml"));
    assert!(
        local.contains("start-greeting = Hej {$name}! Det her er Fyr, Demoorganisationens"),
        "{local}"
    );
}

/// A bot.toml with the demo organisation's `local/` wording and, for the Swedish unit, a folder
/// of its own (`unit-se/`) with `files` in it (language, body).
fn with_unit_texts(files: &[(&str, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let root = crate::support::root();
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root.join("bot.toml"))
        .unwrap()
        .replacen(
            "# texts = \"local/\"",
            &format!("texts = {:?}", root.join("local")),
            1,
        )
        .replacen(
            "retention_months = 24",
            "retention_months = 24\ntexts = \"unit-se/\"",
            1,
        );
    let toml = dir.path().join("bot.toml");
    std::fs::write(&toml, text).unwrap();
    for (lang, body) in files {
        let folder = dir.path().join("unit-se").join(lang);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("unit.ftl"), body).unwrap();
    }
    (dir, toml)
}

/// `[[unit]] texts`: a unit's own wording changes a line only for the people of that unit, in
/// every language they read; the organisation's wording still holds where the unit has none.
#[test]
fn a_units_own_wording_is_read_only_by_its_people() {
    use fyr::engine::{Msg, Outgoing};
    use fyr::model::{Language, PersonId};
    let (_dir, toml) = with_unit_texts(&[
        (
            "sv",
            "start-danger = Ring 112. Ring sedan enhetens vakt, 054-111 11 11.\n",
        ),
        (
            "da",
            "start-danger = Ring 112. Ring så enhedens vagt, 054-111 11 11.\n",
        ),
        (
            "en",
            "start-danger = Call 112. Then call the unit's guard, 054-111 11 11.\n",
        ),
    ]);
    let config = fyr::config::Config::load(&toml).expect("valid");
    let l10n = fyr::i18n::Localizer::for_config(&config).unwrap();
    let shown = |to: &str, lang: Language| {
        l10n.render(
            lang,
            &Outgoing {
                to: PersonId::new(to),
                body: vec![
                    Msg::new("start-greeting").str("name", "X"),
                    Msg::new("start-danger"),
                ],
                options: Vec::new(),
            },
        )
        .text
    };
    let sara = shown("se-employee", Language::Sv);
    assert!(sara.contains("enhetens vakt"), "{sara}");
    assert!(sara.contains("Demoorganisationens stöd"), "{sara}");
    let sara_da = shown("se-employee", Language::Da);
    assert!(sara_da.contains("enhedens vagt"), "{sara_da}");
    let dorthe = shown("dk-employee", Language::Da);
    assert!(!dorthe.contains("enhedens vagt"), "{dorthe}");
    assert!(dorthe.contains("Demoorganisationens støtte"), "{dorthe}");
    let dorthe_sv = shown("dk-employee", Language::Sv);
    assert!(!dorthe_sv.contains("enhetens vakt"), "{dorthe_sv}");
    assert_eq!(
        l10n.text_for(
            &PersonId::new("se-manager"),
            Language::En,
            &Msg::new("start-danger")
        ),
        "Call 112. Then call the unit's guard, 054-111 11 11."
    );
}

/// A unit's own Fluent files are checked like the organisation's, each problem located.
#[test]
fn broken_unit_texts_are_reported_with_their_place() {
    let (dir, toml) = with_unit_texts(&[
        ("sv", "start-danger = Ring 112.\nno-such-message = x\n"),
        ("da", "start-danger = Ring 112.\n"),
    ]);
    let shown = fyr::config::Config::load(&toml)
        .expect_err("the unit's texts are broken")
        .to_string();
    let sv = dir.path().join("unit-se/sv/unit.ftl").display().to_string();
    for expected in [
        format!("{sv}:2:1"),
        "there is no message `no-such-message` in Fyr".to_string(),
        "`start-danger` is overridden here but not in en".to_string(),
    ] {
        assert!(
            shown.contains(&expected),
            "missing {expected:?} in:\n{shown}"
        );
    }
    std::fs::remove_dir_all(dir.path().join("unit-se")).unwrap();
    let shown = fyr::config::Config::load(&toml).unwrap_err().to_string();
    assert!(
        shown.contains("texts folder `unit-se/` does not exist"),
        "{shown}"
    );
    assert!(shown.contains("bot.toml:"), "{shown}");
}

/// A unit's own label for an option is understood when typed in words too (and a pressed
/// button matches the label as shown): answers are read in the wording the person was shown.
#[test]
fn a_units_own_option_label_is_understood_when_typed() {
    use fyr::model::PersonId;
    let sara = PersonId::new("se-employee");
    let now = crate::support::monday_morning();
    let driver_for = |toml: &std::path::Path| {
        let config = fyr::config::Config::load(toml).expect("valid");
        let l10n = fyr::i18n::Localizer::for_config(&config).unwrap();
        fyr::driver::Driver::new(
            config,
            fyr::store::MemoryStore::new(),
            l10n,
            Box::new(fyr::driver::SequentialCaseIds::default()),
        )
    };
    // Which option the greeting offers first.
    let mut plain = crate::support::Harness::new();
    plain.driver.handle(&sara, "", now).unwrap();
    let greeting = plain.driver.options_for(&sara, now).unwrap();
    let first = greeting[0];
    let label = "Enhetens egen etikett för det första valet";
    let own = format!("{first} = {label}\n");
    let (_dir, toml) = with_unit_texts(&[("sv", &own), ("da", &own), ("en", &own)]);
    let mut driver = driver_for(&toml);
    let shown = driver.handle(&sara, "", now).unwrap();
    assert!(shown.iter().any(|r| r.options.iter().any(|o| o == label)));
    driver.handle(&sara, label, now).unwrap();
    assert_ne!(
        driver.options_for(&sara, now).unwrap(),
        greeting,
        "the label she was shown, typed, was not understood"
    );
}
