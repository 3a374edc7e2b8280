//! Erasure and exports against misuse (issue 18, items 1–3): what "delete" promises is what is
//! gone — the case, its timers and pending notifications, the plaintext exports Fyr wrote, the
//! person's id in the audit log — and nobody is left inside a case that no longer exists.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::Duration;
use fyr::model::{CaseId, PersonId};
use fyr::store::Store;

use crate::support::{console, root, run_with, FyrCmd, Harness};

/// From the greeting to "send" for a threat: Sara tells her manager, who should call today.
const TELL_MANAGER: &[&str] = &["", "2", "1", "2", "2", "2", "2", "1", "2", "1", "1", "1"];

/// Sara tells her manager (the same steps as a script for `fyr chat`).
const TELL_MANAGER_SCRIPT: &str = "2\n1\n2\n2\n2\n2\n1\n2\n1\n1\n1\n";

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn an_erased_case_tells_the_notified_only_that_it_was_closed_and_leaves_nobody_inside_it() {
    let mut h = Harness::new();
    h.says("se-employee", TELL_MANAGER);
    let case = h.case("se-employee").id;
    let first = h.shown_to("se-manager");
    assert_eq!(first.len(), 1, "the manager was notified");
    assert!(first[0].contains("Sara Lind"));
    assert!(!h.driver.store().timers().unwrap().is_empty());

    let erased = fyr::erasure::erase_case(h.driver.store(), &case, "operator", h.now).unwrap();
    assert!(erased.existed);
    assert!(h.driver.store().timers().unwrap().is_empty(), "timers gone");

    // The manager hears only that the case was closed: no content, no names.
    h.advance(Duration::minutes(1));
    let shown = h.shown_to("se-manager");
    assert_eq!(shown.len(), 2, "{shown:#?}");
    let notice = &shown[1];
    assert!(notice.contains(case.as_str()), "{notice}");
    for secret in ["Sara", "Lind", "Magnus", "hot", "utsatts", "ringa"] {
        assert!(
            !notice.contains(secret),
            "`{secret}` in the notice:\n{notice}"
        );
    }

    // Whatever the manager answers, no alert is shown again — least of all about himself.
    for answer in ["1", "hej"] {
        let reply = h.say("se-manager", answer);
        for false_alert in ["Magnus Berg", "har utsatts för", "Sara Lind", case.as_str()] {
            assert!(
                !reply.contains(false_alert),
                "after `{answer}` the manager sees `{false_alert}`:\n{reply}"
            );
        }
    }

    // The employee is back at the start, with no case left that no longer exists.
    let reply = h.say("se-employee", "");
    assert!(!reply.contains(case.as_str()), "{reply}");
    let conversation = h
        .driver
        .store()
        .load_conversation(&PersonId::new("se-employee"))
        .unwrap()
        .unwrap();
    assert_eq!(conversation.case, None);

    // Days later: no reminder, no escalation, no check-in of the erased case.
    let before = h.sink.shown.len();
    h.advance(Duration::days(10));
    let later = &h.sink.shown[before..];
    assert!(
        later
            .iter()
            .all(|(key, r)| !key.contains(case.as_str()) && !r.text.contains(case.as_str())),
        "{later:#?}"
    );
}

#[test]
fn deleting_my_data_in_the_chat_tells_the_manager_only_that_the_case_was_closed() {
    let mut h = Harness::new();
    h.says("se-employee", TELL_MANAGER);
    let case = h.case("se-employee").id;
    h.says("se-employee", &["meny", "14", "1"]);
    assert!(h.driver.store().all_cases().unwrap().is_empty());
    let shown = h.shown_to("se-manager");
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(shown[1].contains(case.as_str()) && !shown[1].contains("Sara"));
    let reply = h.say("se-manager", "1");
    assert!(!reply.contains("Magnus Berg") && !reply.contains("har utsatts"));
    // The audit log keeps no line naming Sara.
    let log = h.driver.store().audit_log().unwrap();
    assert!(log.iter().all(|e| e.who != "se-employee"), "{log:#?}");
    assert!(log
        .iter()
        .any(|e| e.action == "case-erased" && e.case.as_ref() == Some(&case)));
}

fn fyr(args: &[&str], data: &Path) -> std::process::Output {
    FyrCmd::new()
        .args(args)
        .arg("--data")
        .arg(data)
        .output()
        .unwrap()
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

#[test]
fn an_operator_export_is_private_said_in_the_chat_and_erased_with_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut chat = crate::support::fyr_chat(&data)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        &mut chat.stdin.take().unwrap(),
        TELL_MANAGER_SCRIPT.as_bytes(),
    )
    .unwrap();
    assert!(chat.wait_with_output().unwrap().status.success());
    let case = crate::support::reopen(&data).all_cases().unwrap()[0]
        .id
        .clone();
    let config = root().join("bot.toml");
    let export = |out: &Path| {
        FyrCmd::new()
            .args(["export", case.as_str(), "--out"])
            .arg(out)
            .arg("--config")
            .arg(&config)
            .arg("--data")
            .arg(&data)
            .output()
            .unwrap()
    };

    // Never into the data folder (or below it).
    for inside in [data.clone(), data.join("exports")] {
        let refused = export(&inside);
        assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
        assert!(
            text(&refused.stderr).contains("inside the data folder"),
            "{}",
            text(&refused.stderr)
        );
        assert!(!inside.join(format!("{case}-report.pdf")).exists());
    }

    let out = dir.path().join("for-police");
    let done = export(&out);
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert_eq!(mode(&out), 0o700, "the folder is private");
    let files: Vec<_> = ["report.pdf", "evidence.zip", "manifest.json"]
        .iter()
        .map(|f| out.join(format!("{case}-{f}")))
        .collect();
    for f in &files {
        assert_eq!(mode(f), 0o600, "{} is private", f.display());
    }

    // The employee is told in the chat where the operator's export went.
    // (On the system clock, as the operator's command ran.)
    let chat = std::process::Command::new(crate::support::fyr_bin())
        .args(["chat", "--as", "se-employee", "--config"])
        .arg(&config)
        .arg("--data")
        .arg(&data)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let said = text(&chat.stdout);
    let place = std::fs::canonicalize(&out).unwrap();
    assert!(
        said.contains(&place.display().to_string()) && said.contains(case.as_str()),
        "{said}\n{}",
        text(&chat.stderr)
    );

    // Erased with the case.
    let erased = fyr(&["erase", case.as_str()], &data);
    assert!(erased.status.success(), "{}", text(&erased.stderr));
    for f in &files {
        assert!(!f.exists(), "{} is left behind", f.display());
    }
    assert!(!out.exists(), "the empty export folder is gone too");
}

#[test]
fn after_erasure_verify_and_audit_speak_of_an_erased_case_and_name_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut chat = crate::support::fyr_chat(&data)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        &mut chat.stdin.take().unwrap(),
        TELL_MANAGER_SCRIPT.as_bytes(),
    )
    .unwrap();
    assert!(chat.wait_with_output().unwrap().status.success());
    let case = crate::support::reopen(&data).all_cases().unwrap()[0]
        .id
        .clone();
    let before = text(&fyr(&["audit", case.as_str()], &data).stdout);
    assert!(before.contains("se-employee") && before.contains("se-manager"));

    assert!(fyr(&["erase", case.as_str()], &data).status.success());

    let verify = fyr(&["verify", case.as_str()], &data);
    let said = text(&verify.stdout);
    assert!(
        said.contains(&format!("case {case} was erased")),
        "verify: {said}"
    );
    assert!(!said.contains("all evidence chains verify"), "{said}");

    let unknown = fyr(&["verify", "F-ZZZZ-ZZZZ"], &data);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("there is no case F-ZZZZ-ZZZZ"));

    let audit = text(&fyr(&["audit", case.as_str()], &data).stdout);
    assert!(audit.contains("case-erased"), "{audit}");
    for person in ["se-employee", "se-manager"] {
        assert!(!audit.contains(person), "`{person}` is still in:\n{audit}");
    }
    // The same person is the same pseudonym within the case.
    let pseudonyms: std::collections::BTreeSet<&str> = audit
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap())
        .filter(|w| w.starts_with("p:"))
        .collect();
    assert_eq!(pseudonyms.len(), 2, "{audit}");
}

#[test]
fn an_export_from_the_chat_is_private_and_goes_when_the_employee_deletes_their_data() {
    let dir = tempfile::tempdir().unwrap();
    let store = fyr::store::SledStore::open(&dir.path().join("data")).unwrap();
    let mut c = console(store, "se-employee");
    let exports = dir.path().join("fyr-export");
    c.driver.set_export_dir(exports.clone());
    let t = run_with(&mut c, "2\n3\n1\n4\nEn anteckning.\n1\nmeny\n15\n");
    let case: CaseId = c.driver.store().all_cases().unwrap()[0].id.clone();
    let folder = exports.join(case.as_str());
    assert!(t.contains(&folder.display().to_string()), "{t}");
    assert_eq!(mode(&exports), 0o700);
    assert_eq!(mode(&folder), 0o700);
    let pdf = folder.join(format!("{case}-report.pdf"));
    assert_eq!(mode(&pdf), 0o600);

    run_with(&mut c, "meny\n14\n1\n");
    assert!(c.driver.store().all_cases().unwrap().is_empty());
    assert!(!pdf.exists(), "the plaintext report is left behind");
    assert!(!folder.exists());
}

#[test]
fn a_step_about_a_case_that_is_gone_is_never_shown_with_anyone_s_name() {
    use fyr::engine::{self, Conversation, Effect, Env, Event, Input, World};
    let config = crate::support::sample_config();
    let now = crate::support::monday_morning();
    let manager = PersonId::new("se-manager");
    // The manager is at a notification about a case that is no longer in the world.
    let mut conversation = Conversation::new(manager.clone(), now);
    conversation.step = Some(engine::recipient::NOTIFIED.into());
    conversation.about = Some(CaseId::new("F-GONE-0001"));
    let mut world = World::default();
    world.conversations.insert(manager.clone(), conversation);
    let fresh = CaseId::new("F-0000-0009");
    let env = Env {
        now,
        directory: &config,
        fresh_case_id: &fresh,
    };
    for input in [Input::Empty, Input::Choose(1), Input::Choose(2)] {
        let event = Event::Message {
            from: manager.clone(),
            input: input.clone(),
        };
        let (after, effects) = engine::step(&world, &event, &env);
        for effect in &effects {
            let Effect::Reply(reply) = effect else {
                continue;
            };
            // Nothing of a notification: it would tell the reader that they themselves were
            // targeted (the reader's name stands in when there is no case).
            for msg in &reply.body {
                assert!(
                    !msg.id.starts_with("notify-") && !msg.id.starts_with("acked-"),
                    "{input:?}: `{}` shown about a case that is gone",
                    msg.id
                );
            }
        }
        // An answer all the same: the start.
        let starts = effects.iter().any(
            |e| matches!(e, Effect::Reply(r) if r.body.iter().any(|m| m.id.starts_with("start-"))),
        );
        assert!(starts, "{input:?}: {effects:#?}");
        assert!(after.conversations.contains_key(&manager));
    }
}
