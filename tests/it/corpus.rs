//! The bad-input corpus under tests/corpus/: each file is a case with its expected outcome in
//! its first line ("# expect: …"). Every one gets a clear, located error, never a panic.

use fyr::config::Config;

use crate::support::{root, run_script};

#[test]
fn every_broken_config_in_the_corpus_gets_its_located_error() {
    let dir = root().join("tests/corpus/config");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let expect = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{} has no `# expect:` line", path.display()));
        let err = Config::load(&path).expect_err("a corpus config is broken");
        let shown = err.to_string();
        assert!(
            shown.contains(expect),
            "{}: expected `{expect}` in:\n{shown}",
            path.display()
        );
        for problem in err.problems() {
            assert_eq!(problem.file, path, "every problem names the file");
            assert!(problem.line >= 1 && problem.column >= 1);
            assert!(!problem.help.is_empty(), "every problem says what to do");
        }
        checked += 1;
    }
    assert!(checked >= 8, "the corpus has its cases ({checked})");
}

#[test]
fn hostile_messages_get_answers_not_crashes() {
    let megabyte = "å".repeat(512 * 1024);
    let cases: &[(&str, &str)] = &[
        // A 1 MB message: refused politely, nothing recorded.
        (&megabyte, "Meddelandet blev för långt"),
        // Right-to-left override and zero-width characters around a valid answer.
        ("\u{202E}\u{200B}\u{2066}2\u{2069}", "Vad har hänt?"),
        // A spoofed identity switch: refused, the speaker stays who they were.
        (
            "/as se-manager; rm -rf /",
            "Det finns ingen med id ”se-manager;”",
        ),
        // A message that pretends to come from someone else.
        ("se-manager> 1", "Jag förstod inte riktigt"),
        // Control characters and an escape sequence.
        ("\u{1b}[2J\u{7}\u{0}", "Svara med numret"),
    ];
    for (message, expected) in cases {
        let t = run_script("se-employee", &format!("{message}\n"));
        assert!(
            t.contains(expected),
            "`{}…` → expected `{expected}`",
            message.chars().take(12).collect::<String>()
        );
    }
}
