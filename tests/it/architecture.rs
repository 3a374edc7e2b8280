//! The invariants in ARCHITECTURE.md, checked against the source tree and the running binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use fyr::i18n::Localizer;
use fyr::model::Language;

use crate::support::{fyr_bin, root};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn code_lines(path: &Path) -> Vec<(usize, String)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

/// A line with its string literals blanked out (a log filter naming a crate is not a use).
fn without_strings(line: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in line.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                out.push(c);
            }
        } else {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
    }
    out
}

/// Invariant 1: the engine does no I/O, reads no clock and knows no runtime, store, SDK,
/// configuration or rendering.
#[test]
fn the_engine_is_pure() {
    let forbidden = [
        "tokio",
        "sled",
        "serenity",
        "matrix_sdk",
        "std::fs",
        "std::net",
        "std::io",
        "std::env",
        "Utc::now",
        "Local::now",
        "SystemTime",
        "Instant::now",
        "getrandom",
        "tracing",
        "crate::store",
        "crate::config",
        "crate::i18n",
        "crate::driver",
        "crate::console",
    ];
    let mut found = Vec::new();
    for file in rust_files(&root().join("src/engine")) {
        for (n, line) in code_lines(&file) {
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!("{}:{n}: {word}", file.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the engine must stay pure:\n{}",
        found.join("\n")
    );
}

/// Invariant 2: only the store knows sled.
#[test]
fn only_the_store_knows_sled() {
    for file in rust_files(&root().join("src")) {
        if file.starts_with(root().join("src/store")) {
            continue;
        }
        for (n, line) in code_lines(&file) {
            assert!(!line.contains("sled::"), "{}:{n} uses sled", file.display());
        }
    }
}

/// Invariant 2: only the Matrix adapter knows matrix-sdk.
#[test]
fn only_the_matrix_adapter_knows_matrix_sdk() {
    for file in rust_files(&root().join("src")) {
        if file.ends_with("matrix.rs") {
            continue;
        }
        for (n, line) in code_lines(&file) {
            let code = without_strings(&line);
            assert!(
                !code.contains("matrix_sdk"),
                "{}:{n} uses matrix_sdk",
                file.display()
            );
        }
    }
}

#[test]
fn only_the_discord_adapter_knows_serenity() {
    for file in rust_files(&root().join("src")) {
        if file.ends_with("discord.rs") {
            continue;
        }
        for (n, line) in code_lines(&file) {
            let code = without_strings(&line);
            assert!(
                !code.contains("serenity"),
                "{}:{n} uses serenity",
                file.display()
            );
        }
    }
}

/// Invariant 3: every message id written in the code exists in every locale.
#[test]
fn every_message_id_in_the_code_exists_in_every_locale() {
    let l10n = Localizer::new().unwrap();
    let mut ids = Vec::new();
    for file in rust_files(&root().join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for part in text.split("Msg::new(\"").skip(1) {
            ids.push(part.split('"').next().unwrap().to_string());
        }
    }
    assert!(ids.len() > 10, "the scan found the ids ({})", ids.len());
    for id in &ids {
        for lang in Language::ALL {
            assert!(l10n.has(lang, id), "`{id}` is missing in {lang}");
        }
    }
}

/// Every module says what it is for.
#[test]
fn every_module_opens_with_a_doc_comment() {
    for dir in ["src", "tests/it"] {
        for file in rust_files(&root().join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(
                text.starts_with("//!"),
                "{} must open with a //! comment",
                file.display()
            );
        }
    }
}

/// Invariant 6: no message text and no names in the logs, even at the most verbose level.
#[test]
fn logs_carry_no_message_text_or_names() {
    let data = tempfile::tempdir().unwrap();
    let secret = "grannen Olle skrev hemska saker om mig";
    let mut child = Command::new(fyr_bin())
        .args([
            "chat",
            "--as",
            "se-employee",
            "--clock",
            "simulated",
            "--start",
            "2026-03-02T08:00:00Z",
            "--config",
        ])
        .arg(root().join("bot.toml"))
        .arg("--data")
        .arg(data.path())
        .env("FYR_LOG", "trace")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        // A full flow: a sealed note with the secret, consent, a notification, an
        // acknowledgement, and timers firing.
        writeln!(
            stdin,
            "2\n3\n1\n4\n{secret}\n1\n1\n1\n1\n1\n1\n1\n1\n1\n/as se-manager\n1\n/advance 8d"
        )
        .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let logs = String::from_utf8_lossy(&out.stderr);
    assert!(
        logs.contains("step committed"),
        "trace logging is on: {logs}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Sparat som nummer 1"),
        "the flow ran:\n{stdout}"
    );
    assert!(
        stdout.contains("→ se-manager"),
        "the manager was notified:\n{stdout}"
    );
    for private in [secret, "Olle", "Sara", "Lind", "Magnus", "Berg"] {
        assert!(
            !logs.contains(private),
            "the log shows `{private}`:\n{logs}"
        );
    }
}

/// Every test ARCHITECTURE.md names for an invariant exists: each `module::test_name` in the
/// invariants section is a `fn test_name` somewhere in `src/` or `tests/`.
#[test]
fn every_invariant_names_a_test_that_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let invariants = doc
        .split("## Invariants")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("ARCHITECTURE.md has an Invariants section");
    let mut sources = String::new();
    for dir in ["src", "tests"] {
        for file in rust_files(&root.join(dir)) {
            sources.push_str(&std::fs::read_to_string(file).unwrap());
        }
    }
    let mut named = 0;
    let mut missing = Vec::new();
    for quoted in invariants.split('`').skip(1).step_by(2) {
        let Some((_, name)) = quoted.rsplit_once("::") else {
            continue;
        };
        let is_test_name = name.contains('_')
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !is_test_name {
            continue;
        }
        named += 1;
        if !sources.contains(&format!("fn {name}(")) {
            missing.push(quoted.to_string());
        }
    }
    assert!(named >= 30, "only {named} tests named by the invariants");
    assert!(
        missing.is_empty(),
        "named in ARCHITECTURE.md but not found: {missing:#?}"
    );
}

/// Invariant: no import cycles between the modules of `src/` (the adapters implement the
/// contract in `adapters`; the service depends on it, never the other way round). Each
/// top-level module's files are scanned for `crate::<module>` (doc comments included: a doc
/// link is a dependency too); a cycle is named.
#[test]
fn src_has_no_import_cycles() {
    use std::collections::{BTreeMap, BTreeSet};
    let src = root().join("src");
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&src) {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib" || top == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests may reach anywhere.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        let deps = uses.entry(top.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            let name: String = text[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() && name != top {
                deps.insert(name);
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        uses: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in uses.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, uses, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    assert!(uses.contains_key("adapters") && uses.contains_key("service"));
    let mut done = BTreeSet::new();
    for node in uses.keys() {
        if let Some(cycle) = visit(node, &uses, &mut Vec::new(), &mut done) {
            panic!("an import cycle in src/: {}", cycle.join(" → "));
        }
    }
}
