//! `fyr doctor`: green on the demo setup (console only), and each broken variant gets its red
//! line with what to do and exit 1.

use std::path::Path;
use std::process::{Output, Stdio};

use crate::support::{fyr_bin, fyr_chat, root};

fn doctor(config: &Path, data: &Path) -> (Option<i32>, String) {
    let Output { status, stdout, .. } = std::process::Command::new(fyr_bin())
        .arg("doctor")
        .arg("--config")
        .arg(config)
        .arg("--data")
        .arg(data)
        .output()
        .unwrap();
    (status.code(), String::from_utf8_lossy(&stdout).into_owned())
}

/// A data folder as `fyr chat` leaves it.
fn demo_data(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("fyr-data");
    let mut chat = fyr_chat(&data)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    chat.stdin.take().unwrap().write_all(b"2\n/quit\n").unwrap();
    assert!(chat.wait().unwrap().success());
    data
}

/// The line of one check.
fn line<'a>(report: &'a str, name: &str) -> &'a str {
    report
        .lines()
        .find(|l| l[6..].starts_with(name))
        .unwrap_or_else(|| panic!("no `{name}` line in:\n{report}"))
}

#[test]
fn doctor_is_green_on_the_demo_setup() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo_data(dir.path());
    let (code, report) = doctor(&root().join("bot.toml"), &data);
    assert_eq!(code, Some(0), "{report}");
    for name in [
        "configuration",
        "key file",
        "data folder",
        "store",
        "time zones",
    ] {
        assert!(line(&report, name).starts_with("ok "), "{report}");
    }
    assert!(report.contains("all 5 checks passed"), "{report}");
    assert!(
        line(&report, "store").contains("opens with the key"),
        "{report}"
    );
}

#[test]
fn doctor_explains_a_missing_and_a_world_readable_key() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo_data(dir.path());
    let key = dir.path().join("fyr-data.key");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (code, report) = doctor(&root().join("bot.toml"), &data);
    assert_eq!(code, Some(1), "{report}");
    let red = line(&report, "key file");
    assert!(
        red.starts_with("FAIL") && red.contains("can be read by other users"),
        "{report}"
    );
    assert!(report.contains("fix: chmod 600"), "{report}");

    std::fs::remove_file(&key).unwrap();
    let (code, report) = doctor(&root().join("bot.toml"), &data);
    assert_eq!(code, Some(1), "{report}");
    assert!(line(&report, "key file").starts_with("FAIL"), "{report}");
    assert!(report.contains("fix: restore the key file"), "{report}");
    assert!(line(&report, "store").starts_with("FAIL"), "{report}");
}

#[test]
fn doctor_explains_an_unwritable_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    // A folder inside a file cannot be written, not even by root.
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "").unwrap();
    let (code, report) = doctor(&root().join("bot.toml"), &file.join("fyr-data"));
    assert_eq!(code, Some(1), "{report}");
    let red = line(&report, "data folder");
    assert!(
        red.starts_with("FAIL") && red.contains("is not writable"),
        "{report}"
    );
    assert!(
        report.contains("fix: give the user Fyr runs as write access"),
        "{report}"
    );
}

#[test]
fn doctor_explains_a_broken_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let (code, report) = doctor(
        &root().join("tests/corpus/config/chain-loop.toml"),
        &dir.path().join("fyr-data"),
    );
    assert_eq!(code, Some(1), "{report}");
    assert!(
        line(&report, "configuration").contains("appears twice"),
        "{report}"
    );
    assert!(report.contains("fix: run `fyr check-config"), "{report}");
}

#[cfg(feature = "matrix")]
#[test]
fn doctor_explains_an_unreachable_homeserver() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo_data(dir.path());
    let mut text = std::fs::read_to_string(root().join("bot.toml")).unwrap();
    // Port 9 (discard) on this machine: nothing listens there.
    text.push_str(
        "\n[matrix]\nhomeserver = \"http://127.0.0.1:9\"\nuser_id = \"@fyr:example.org\"\npassword_env = \"FYR_DOCTOR_TEST_PASSWORD\"\n",
    );
    let config = dir.path().join("bot.toml");
    std::fs::write(&config, text).unwrap();
    let (code, report) = doctor(&config, &data);
    assert_eq!(code, Some(1), "{report}");
    let red = line(&report, "matrix");
    assert!(
        red.starts_with("FAIL") && red.contains("cannot be reached"),
        "{report}"
    );
    assert!(
        report.contains("fix: check homeserver in bot.toml"),
        "{report}"
    );
    assert!(
        line(&report, "store").starts_with("ok"),
        "the rest is still checked:\n{report}"
    );
}
