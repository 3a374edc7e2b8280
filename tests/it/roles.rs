//! The other people Fyr serves: managers (with a checklist per case and reminders of what is
//! open), safety representatives, colleagues, and the advice topics anyone can open. Golden
//! transcripts in both languages, and the jurisdiction check over all of them.

use crate::support::run_script;
use crate::transcripts::{assert_absent, DANISH_ONLY, SWEDISH_ONLY};

/// The employee asks Fyr to tell her manager about a threat; the manager acknowledges, works
/// through the checklist, and a week later is reminded of what is still open.
const SE_MANAGER: &str = "\
2
1
2
2
2
2
1
2
1
1
1
/as se-manager
1
1
1
1
2
1
2
1
3
1
1
/advance 7d
";

const DK_MANAGER: &str = "\
2
1
2
2
2
2
1
2
1
2
1
/as dk-manager
1
1
1
1
1
1
1
2
1
4
1
1
1
/advance 7d
";

#[test]
fn swedish_manager_checklist() {
    let t = run_script("se-employee", SE_MANAGER);
    assert_absent(&t, DANISH_ONLY, "a Swedish manager");
    insta::assert_snapshot!("se_manager", t);
}

#[test]
fn danish_manager_checklist_with_the_letter_template() {
    let t = run_script("dk-employee", DK_MANAGER);
    assert_absent(&t, SWEDISH_ONLY, "a Danish manager");
    assert!(t.contains("§ 119"), "the letter cites the provision:\n{t}");
    insta::assert_snapshot!("dk_manager", t);
}

#[test]
fn swedish_safety_rep() {
    let t = run_script("se-safety-rep", "3\n1\n");
    assert_absent(&t, DANISH_ONLY, "a Swedish safety rep");
    assert!(
        t.contains("17 kap. 1 §"),
        "who files what lists the Swedish law:\n{t}"
    );
    insta::assert_snapshot!("se_safety_rep", t);
}

#[test]
fn danish_safety_rep() {
    let t = run_script("dk-safety-rep", "3\n1\n");
    assert_absent(&t, SWEDISH_ONLY, "a Danish safety rep");
    assert!(t.contains("§ 119 a") || t.contains("§ 119a"), "{t}");
    insta::assert_snapshot!("dk_safety_rep", t);
}

#[test]
fn swedish_colleague() {
    let t = run_script("se-colleague", "3\n1\n");
    assert_absent(&t, DANISH_ONLY, "a Swedish colleague");
    insta::assert_snapshot!("se_colleague", t);
}

#[test]
fn danish_colleague() {
    let t = run_script("dk-colleague", "3\n1\n");
    assert_absent(&t, SWEDISH_ONLY, "a Danish colleague");
    insta::assert_snapshot!("dk_colleague", t);
}

#[test]
fn advice_topics_in_each_language() {
    // Employee start: 4 = advice topics. 1 = criticism, then more topics, 2 = trolls.
    for (who, lang, name) in [
        ("se-employee", "", "advice_sv"),
        ("dk-employee", "", "advice_da"),
        ("se-employee", "english\n", "advice_en"),
    ] {
        let t = run_script(who, &format!("{lang}4\n1\n1\n2\n"));
        insta::assert_snapshot!(name, t);
    }
}

#[test]
fn a_colleague_gets_general_guidance_but_no_case_data() {
    let t = run_script(
        "se-employee",
        "2\n1\n2\n2\n2\n2\n1\n2\n1\n1\n1\n/as se-colleague\nhej\n3\nok F-0000-0001\n",
    );
    let colleague = &t[t.find("se-colleague>").unwrap()..];
    assert!(
        !colleague.contains("Sara Lind"),
        "no case data for a colleague:\n{colleague}"
    );
    let l10n = fyr::i18n::Localizer::new().unwrap();
    let manager_option = l10n.text(
        fyr::model::Language::Sv,
        &fyr::engine::Msg::new("opt-start-manager"),
    );
    assert!(
        !colleague.contains(&manager_option),
        "no manager checklist offered:\n{colleague}"
    );
    let colleague_help = l10n.text(
        fyr::model::Language::Sv,
        &fyr::engine::Msg::new("col-intro"),
    );
    assert!(
        colleague.contains(&colleague_help),
        "the colleague guidance is given:\n{colleague}"
    );
}
