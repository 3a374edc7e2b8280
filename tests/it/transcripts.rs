//! Golden transcripts of whole conversations, reviewed like code: a Swedish employee exposed
//! online, a Danish employee threatened, and the immediate-danger path in both countries. Also
//! checks that nobody reads the other country's law, numbers or channels.

use crate::support::{run_script, walk};

/// Sara, a Swedish employee, is exposed online. She asks for help, answers once in words,
/// goes back once, and finishes with a summary.
const SE_ONLINE_EXPOSURE: &str = "\
2
hjälp
3
1
Klart
1
tillbaka
1
2
1
1
2
1
2
1
1
1
";

/// Dorthe, a Danish employee, has been threatened.
const DK_THREAT: &str = "\
2
1
2
1
1
1
1
2
1
2
2
1
1
1
";

const SE_DANGER: &str = "\
1
vad ska jag göra
1
1
";

/// Mid-conversation, Dorthe writes that someone is following her.
const DK_DANGER_WORDS: &str = "\
2
1
2
en mand følger efter mig
1
1
";

#[test]
fn swedish_employee_online_exposure() {
    let t = run_script("se-employee", SE_ONLINE_EXPOSURE);
    insta::assert_snapshot!("se_employee_online_exposure", t);
}

#[test]
fn danish_employee_threat() {
    let t = run_script("dk-employee", DK_THREAT);
    insta::assert_snapshot!("dk_employee_threat", t);
}

#[test]
fn swedish_immediate_danger() {
    let t = run_script("se-employee", SE_DANGER);
    insta::assert_snapshot!("se_immediate_danger", t);
}

#[test]
fn danish_danger_words_at_any_step() {
    let t = run_script("dk-employee", DK_DANGER_WORDS);
    insta::assert_snapshot!("dk_danger_words", t);
}

/// Words that only belong in one country's content.
const SWEDISH_ONLY: &[&str] = &[
    "polisen.se",
    "114 14",
    "Brottsofferjouren",
    "skyddsombud",
    "otillåten påverkan",
    "målsägande",
    "Arbetsmiljöverket",
    "Institutet för juridik",
    "KIA",
];
const DANISH_ONLY: &[&str] = &[
    "politi.dk",
    "SafetyNet",
    "Offerrådgivningen",
    "arbejdsmiljørepræsentant",
    "arbejdsskade",
    "anmelder",
    "mindre vold",
    "egen læge",
    "Krisekorps",
];

fn assert_absent(transcript: &str, words: &[&str], who: &str) {
    for word in words {
        assert!(
            !transcript.contains(word),
            "{who} was shown `{word}`:\n{transcript}"
        );
    }
}

#[test]
fn jurisdiction_decides_content_not_language() {
    for kind in 1..=6 {
        for language in ["svenska", "dansk", "english"] {
            let se = walk("se-employee", language, kind);
            assert_absent(
                &se,
                DANISH_ONLY,
                &format!("a Swedish employee ({language}, kind {kind})"),
            );
            assert!(
                se.contains("114 14"),
                "SE content missing for kind {kind} in {language}"
            );
            let dk = walk("dk-employee", language, kind);
            assert_absent(
                &dk,
                SWEDISH_ONLY,
                &format!("a Danish employee ({language}, kind {kind})"),
            );
            assert!(
                dk.contains("politi.dk"),
                "DK content missing for kind {kind} in {language}"
            );
        }
    }
}

#[test]
fn a_danish_employee_reading_swedish_gets_danish_law_in_swedish() {
    let t = walk("dk-employee", "svenska", 3);
    assert!(t.contains("politi.dk"));
    assert!(t.contains("Ring 112"), "the Swedish text is used:\n{t}");
    assert_absent(&t, SWEDISH_ONLY, "a Danish employee reading Swedish");
}
