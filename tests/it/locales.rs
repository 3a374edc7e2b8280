//! Locale parity: every id exists in sv, da and en with the same variables, and the files parse.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use fyr::i18n::{ids_in, LocaleError, Localizer, SOURCES};
use fyr::model::Language;

#[test]
fn every_id_exists_in_every_locale() {
    let en: BTreeSet<String> = ids_in(Language::En, SOURCES).into_iter().collect();
    assert!(
        en.len() > 100,
        "expected the full English set, got {}",
        en.len()
    );
    for lang in [Language::Sv, Language::Da] {
        let ids: BTreeSet<String> = ids_in(lang, SOURCES).into_iter().collect();
        let missing: Vec<_> = en.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
    }
}

fn variables(lang: Language) -> BTreeMap<String, BTreeSet<String>> {
    fn walk(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expr(expression, out);
            }
        }
    }
    fn expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(inline) => inline_expr(inline, out),
            ast::Expression::Select { selector, variants } => {
                inline_expr(selector, out);
                for v in variants {
                    walk(&v.value, out);
                }
            }
        }
    }
    fn inline_expr(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    let mut all = BTreeMap::new();
    for (_, _, source) in SOURCES.iter().filter(|(l, _, _)| *l == lang) {
        let resource =
            fluent_syntax::parser::parse(*source).expect("locale files parse without errors");
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    walk(value, &mut vars);
                }
                all.insert(m.id.name.to_string(), vars);
            }
        }
    }
    all
}

#[test]
fn every_message_uses_the_same_variables_in_every_locale() {
    let en = variables(Language::En);
    for lang in [Language::Sv, Language::Da] {
        let other = variables(lang);
        for (id, vars) in &en {
            assert_eq!(
                other.get(id),
                Some(vars),
                "{lang}: variables of {id} differ from English"
            );
        }
    }
}

#[test]
fn no_bidi_isolation_marks_in_chat_text() {
    let l10n = Localizer::new().unwrap();
    let msg =
        fyr::engine::Msg::new("summary-intro").arg("case", fyr::engine::Arg::Str("F-1".into()));
    for lang in Language::ALL {
        let text = l10n.text(lang, &msg);
        assert!(text.contains("F-1"), "{lang}: {text}");
        assert!(
            !text.contains('\u{2068}') && !text.contains('\u{2069}'),
            "{lang}: {text:?}"
        );
    }
}

#[test]
fn a_broken_fluent_file_is_reported_with_its_line() {
    let broken = "ok = fine\n= no id here\nalso-ok = fine\n";
    let err = Localizer::from_sources(&[(Language::Sv, "common.ftl", broken)]).unwrap_err();
    match &err {
        LocaleError::Syntax { line, file, .. } => {
            assert_eq!(file, "common.ftl");
            assert_eq!(*line, 2);
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(err.to_string().contains("locales/sv/common.ftl"), "{err}");
}

#[test]
fn a_missing_id_falls_back_to_english_then_to_the_id() {
    let l10n =
        Localizer::from_sources(&[(Language::En, "common.ftl", "only-en = In English\n")]).unwrap();
    assert_eq!(
        l10n.text(Language::Sv, &fyr::engine::Msg::new("only-en")),
        "In English"
    );
    assert_eq!(
        l10n.text(Language::Da, &fyr::engine::Msg::new("nowhere")),
        "nowhere"
    );
}

/// A Fluent file that is not compiled in would be silently missing (a new country's file, say).
#[test]
fn every_fluent_file_on_disk_is_compiled_in() {
    for lang in Language::ALL {
        let dir = crate::support::root().join("locales").join(lang.code());
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().to_string();
            assert!(
                SOURCES
                    .iter()
                    .any(|(l, file, _)| *l == lang && *file == name),
                "locales/{}/{name} is not in i18n::SOURCES",
                lang.code()
            );
        }
    }
}
