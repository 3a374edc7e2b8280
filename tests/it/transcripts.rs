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
5
1
2
1
1
1
";

/// Dorthe, a Danish employee, has been threatened. She has told her leader herself.
const DK_THREAT: &str = "\
2
1
2
1
1
1
1
2
4
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
/// Glosses of a role in the other country's term, removed before the jurisdiction check.
const GLOSSES: &[&str] = &[
    "(arbejdsmiljørepræsentant)",
    "(den svenske arbejdsmiljørepræsentant)",
    "(skyddsombud)",
];

pub const SWEDISH_ONLY: &[&str] = &[
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
pub const DANISH_ONLY: &[&str] = &[
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

pub fn assert_absent(transcript: &str, words: &[&str], who: &str) {
    // A role of the unit's country is glossed in the reader's language with the other
    // country's term in brackets ("skyddsombud (arbejdsmiljørepræsentant)"): a translation aid,
    // not the other country's content.
    let mut transcript = transcript.to_string();
    for gloss in GLOSSES {
        transcript = transcript.replace(gloss, "");
    }
    let transcript = transcript.as_str();
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

/// Sara is threatened and asks Fyr to tell her manager. Nobody acknowledges: a reminder after 30
/// working minutes, the deputy after one working hour, the next level after two, then Sara is
/// told to call directly.
const SE_THREAT_NO_ACK: &str = "\
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
/advance 30m
/advance 30m
/advance 1h
/advance 1h
/advance 1d
";

/// Dorthe tells her leader and the AMR; both acknowledge at once, and nobody is pinged again
/// about the escalation. The leader gets the registration reminder the next working day.
const DK_ACK_AT_ONCE: &str = "\
2
1
2
2
2
2
1
2
3
2
1
/as dk-manager
1
/as dk-safety-rep
1
/as dk-employee
/advance 4h
/advance 1d
";

/// Sara tells her manager about harassment, then withdraws her consent: no reminder comes, and a
/// late acknowledgement is answered clearly.
const SE_CONSENT_WITHDRAWN: &str = "\
2
2
1
2
2
2
1
2
1
3
1
meny
9
1
1
/advance 4h
/advance 1d
/as se-manager
1
";

#[test]
fn swedish_threat_without_acknowledgement_escalates() {
    insta::assert_snapshot!(
        "se_threat_no_ack",
        run_script("se-employee", SE_THREAT_NO_ACK)
    );
}

#[test]
fn danish_case_acknowledged_at_once() {
    insta::assert_snapshot!("dk_ack_at_once", run_script("dk-employee", DK_ACK_AT_ONCE));
}

#[test]
fn swedish_consent_withdrawn() {
    insta::assert_snapshot!(
        "se_consent_withdrawn",
        run_script("se-employee", SE_CONSENT_WITHDRAWN)
    );
}

#[test]
fn a_restart_in_the_middle_of_an_escalation() {
    use crate::support::{console, run_with};
    let dir = tempfile::tempdir().unwrap();
    {
        let store = crate::support::reopen(dir.path());
        run_with(
            &mut console(store, "se-employee"),
            "2\n1\n2\n2\n2\n2\n1\n2\n1\n1\n1\n",
        );
    }
    // Fyr is down for 45 minutes: the reminder due after 30 comes once at start-up, the deputy
    // at one working hour.
    let store = crate::support::reopen(dir.path());
    let mut console = console(store, "se-employee");
    console.clock = fyr::clock::Clock::Simulated(
        crate::support::monday_morning() + chrono::Duration::minutes(45),
    );
    let t = run_with(&mut console, "/advance 15m\n");
    assert_eq!(t.matches("→ se-manager").count(), 1, "{t}");
    insta::assert_snapshot!("restart_mid_escalation", t);
}

/// Every golden transcript of a Swedish unit is free of Danish law, numbers and channels, and
/// the reverse — whatever the language it was read in.
#[test]
fn no_golden_transcript_crosses_jurisdictions() {
    let dir = crate::support::root().join("tests/it/snapshots");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let (se, dk) = (text.contains("→ se-"), text.contains("→ dk-"));
        let name = path.display().to_string();
        match (se, dk) {
            (true, false) => assert_absent(&text, DANISH_ONLY, &name),
            (false, true) => assert_absent(&text, SWEDISH_ONLY, &name),
            (false, false) => continue,
            (true, true) => panic!("{name} mixes a Swedish and a Danish unit"),
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} transcripts checked");
}

/// Monday 2 March 2026, 22:00 in Stockholm and 22:00 in Copenhagen: outside working hours.
fn monday_night() -> chrono::DateTime<chrono::Utc> {
    crate::support::monday_morning() + chrono::Duration::hours(13)
}

/// Sara is threatened at night and tells her manager. The preview names the out-of-hours
/// contact first (with the role) and the manager who takes over in the morning; the on-call
/// contact acknowledges; at the start of the working day the manager is handed the case and
/// Sara is told.
const SE_NIGHT: &str = "\
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
/as se-on-call
1
/as se-employee
/advance 11h
";

#[test]
fn swedish_consent_at_night_names_the_on_call_contact_and_hands_over_in_the_morning() {
    let t = crate::support::run_script_at("se-employee", SE_NIGHT, monday_night());
    assert!(
        t.contains("Olle Vaktberg, som är kontaktperson utanför arbetstid"),
        "{t}"
    );
    assert!(
        t.contains("går det också till din chef, Magnus Berg"),
        "{t}"
    );
    assert!(
        t.contains("lämnas det över till dig som chef"),
        "the manager is told in the morning:\n{t}"
    );
    insta::assert_snapshot!("se_night_consent", t);
}

/// Dorthe is threatened at night; her unit has no out-of-hours contact. The preview and the
/// confirmation say honestly that her leader may not read it before the working day, and what
/// to do meanwhile.
const DK_NIGHT: &str = "\
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
";

#[test]
fn danish_consent_at_night_says_when_the_leader_may_see_it() {
    let t = crate::support::run_script_at("dk-employee", DK_NIGHT, monday_night());
    assert!(
        t.contains("læser den måske først 3. marts 2026 kl. 08.00"),
        "{t}"
    );
    assert!(t.contains("ring 112"), "{t}");
    insta::assert_snapshot!("dk_night_consent", t);
}

/// Sara tells only the safety representative. The rep is not sent to the manager; Sara's
/// status does not say the manager was told.
const SE_REP_ONLY: &str = "\
2
2
1
2
2
2
1
2
2
3
1
/as se-safety-rep
1
1
/as se-employee
meny
10
";

#[test]
fn swedish_safety_rep_only() {
    let t = run_script("se-employee", SE_REP_ONLY);
    assert!(
        t.contains("Bara du har fått veta det här via Fyr – inte chefen"),
        "{t}"
    );
    assert!(!t.contains("Stäm av med chefen"), "{t}");
    insta::assert_snapshot!("se_rep_only", t);
}

/// In the middle of the guidance Sara writes, in her own words, that he is outside the door.
/// She raises the alarm; her manager reads plainly that it is an acute danger alarm.
const SE_DANGER_OWN_WORDS: &str = "\
2
1
han står utanför dörren
2
1
/as se-manager
1
";

#[test]
fn swedish_danger_in_own_words_mid_flow_and_the_alarm() {
    let t = run_script("se-employee", SE_DANGER_OWN_WORDS);
    assert!(t.contains("Ring 112 nu"), "{t}");
    assert!(t.contains("har slagit larm om akut fara via Fyr"), "{t}");
    assert!(!t.contains("påtryckning"), "{t}");
    insta::assert_snapshot!("se_danger_own_words", t);
}

/// Sara greets Fyr, then asks questions in words mid-flow and types something Fyr does not
/// understand: each gets a short answer and only the question again, never the whole step.
const SE_FREE_TEXT: &str = "\
hej
2
hej
ska jag svara honom?
är det här ett brott?
blablabla
";

#[test]
fn swedish_greetings_and_questions_in_words() {
    let t = run_script("se-employee", SE_FREE_TEXT);
    assert!(t.contains("svara inte själv"), "{t}");
    assert!(t.contains("det kan jag inte bedöma"), "{t}");
    assert_eq!(t.matches("Jag förstod inte riktigt").count(), 1, "{t}");
    insta::assert_snapshot!("se_free_text", t);
}

const DK_FREE_TEXT: &str = "\
2
1
skal jeg skrive til ham?
";

#[test]
fn danish_question_in_words() {
    let t = run_script("dk-employee", DK_FREE_TEXT);
    assert!(t.contains("svar ikke selv"), "{t}");
    assert!(!t.contains("Det forstod jeg ikke"), "{t}");
    insta::assert_snapshot!("dk_free_text", t);
}

/// Sara gets hostile criticism: the short track — the four-step answer, relief, her manager if
/// she wants — and no police or incident-report track unless a line was crossed.
const SE_CRITICISM: &str = "\
2
4
2
1
2
";

#[test]
fn swedish_criticism_takes_the_short_track() {
    let t = run_script("se-employee", SE_CRITICISM);
    assert!(t.contains("i fyra steg"), "{t}");
    assert!(
        !t.contains("Polisanmäl"),
        "no police track for criticism:\n{t}"
    );
    assert!(!t.contains("Anmäl inläggen till plattformen"), "{t}");
    insta::assert_snapshot!("se_criticism_short_track", t);
}

/// Dorthe has a hard call with a citizen; she tells her leader. The Danish short track never
/// says "do not contact the citizen" about ordinary casework.
const DK_HARD_CALL: &str = "\
2
5
2
1
1
3
1
1
";

#[test]
fn danish_hard_call_takes_the_short_track() {
    let t = run_script("dk-employee", DK_HARD_CALL);
    assert!(t.contains("fire trin"), "{t}");
    assert!(!t.contains("Tag ikke selv kontakt"), "{t}");
    insta::assert_snapshot!("dk_hard_call_short_track", t);
}

/// Sara is threatened by phone: no platform step, no links; then a second incident from the
/// summary starts with the safety question and the kind.
const SE_PHONE_THREAT_THEN_ANOTHER: &str = "\
2
1
4
2
2
2
1
5
meny
10
3
";

#[test]
fn swedish_phone_threat_and_a_second_incident() {
    let t = run_script("se-employee", SE_PHONE_THREAT_THEN_ANOTHER);
    assert!(!t.contains("Anmäl inläggen till plattformen"), "{t}");
    assert!(!t.contains("länkarna"), "{t}");
    assert!(
        t.contains("Först: är du eller någon annan i fara just nu?"),
        "{t}"
    );
    insta::assert_snapshot!("se_phone_threat_then_another", t);
}

/// The demo organisation's own wording (`local/`) and its routine link: the greeting is theirs,
/// and the link is shown with the support contacts and on the manager's checklist, which ends
/// with the organisation's own item (`[[organisation.checklist]]`).
/// bot.toml with the demo organisation's `local/` wording, routine link and checklist item.
fn demo_local_config() -> fyr::config::Config {
    let root = crate::support::root();
    let text = std::fs::read_to_string(root.join("bot.toml"))
        .unwrap()
        .replacen("# texts = \"local/\"", "texts = \"local/\"", 1)
        .replacen(
            "# routine = \"https://intranet.example.se/rutin-hot\"",
            "routine = \"https://intranet.example.se/rutin-hot\"",
            1,
        )
        .replacen(
            "# [[organisation.checklist]]\n# id",
            "[[organisation.checklist]]\nid",
            1,
        )
        .replacen("# when = { kinds", "when = { kinds", 1);
    fyr::config::Config::parse(&text, &root.join("bot.toml")).expect("valid")
}

#[test]
fn an_organisations_own_wording_and_routine_link() {
    let config = demo_local_config();
    let mut console =
        crate::support::console_with(config, fyr::store::MemoryStore::new(), "se-employee");
    let t = crate::support::run_with(
        &mut console,
        "2\n6\n1\nmeny\n8\n1\nmeny\n6\n1\n1\n1\n/as se-manager\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n",
    );
    assert!(t.contains("Demoorganisationens stöd"), "{t}");
    assert!(t.contains("https://intranet.example.se/rutin-hot"), "{t}");
    assert!(
        t.contains("Enligt vår rutin: meddela säkerhetssamordnaren"),
        "{t}"
    );
    assert!(t.contains("• Säkerhetssamordnaren meddelad"), "{t}");
    insta::assert_snapshot!("se_local_wording", t);
}

/// An organisation's own checklist item left for later is in the manager's follow-up reminder,
/// like Fyr's own items.
#[test]
fn an_organisations_own_checklist_item_left_for_later_is_reminded() {
    let mut console = crate::support::console_with(
        demo_local_config(),
        fyr::store::MemoryStore::new(),
        "se-employee",
    );
    let t = crate::support::run_with(
        &mut console,
        "2\n6\n1\nmeny\n6\n1\n1\n1\n/as se-manager\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n2\n/advance 1w\n",
    );
    let (walk, reminder) = t.split_once("/advance 1w").expect("the reminder comes");
    assert!(walk.contains("Enligt vår rutin: meddela"), "{walk}");
    assert!(
        reminder.contains("• Säkerhetssamordnaren meddelad"),
        "{reminder}"
    );
    assert!(
        !reminder.contains("• Samtal med medarbetaren samma dag"),
        "{reminder}"
    );
}

/// Dorthe tells only the AMR, who is not sent to her leader.
const DK_REP_ONLY: &str = "\
2
2
1
2
2
2
1
2
2
3
1
/as dk-safety-rep
1
1
";

#[test]
fn danish_safety_rep_only() {
    let t = run_script("dk-employee", DK_REP_ONLY);
    assert!(
        t.contains("Kun du har fået besked gennem Fyr – ikke lederen"),
        "{t}"
    );
    assert!(!t.contains("Tjek med lederen"), "{t}");
    insta::assert_snapshot!("dk_rep_only", t);
}

/// Mid-guidance Dorthe writes that he is outside the door; she raises the alarm and her leader
/// reads a plain alarm.
const DK_DANGER_OWN_WORDS: &str = "\
2
1
han står udenfor døren
2
1
";

#[test]
fn danish_danger_in_own_words_mid_flow_and_the_alarm() {
    let t = run_script("dk-employee", DK_DANGER_OWN_WORDS);
    assert!(t.contains("Ring 112 nu"), "{t}");
    assert!(t.contains("har slået alarm om akut fare gennem Fyr"), "{t}");
    insta::assert_snapshot!("dk_danger_own_words", t);
}
