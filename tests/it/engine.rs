//! The engine on its own: a pure function of world, event and time.

use chrono::{Duration, Utc};
use fyr::engine::playbook::{Task, TaskStatus};
use fyr::engine::{step, Command, Effect, Env, Event, Input, Msg, World, PLAYBOOKS};
use fyr::model::{CaseId, IncidentKind, Language, PersonId};

use crate::support::{monday_morning, sample_config};

const SE: &str = "se-employee";
const DK: &str = "dk-employee";

/// Feed inputs from one person; return the final world and the last step's effects.
fn run(person: &str, inputs: &[Input]) -> (World, Vec<Effect>) {
    let config = sample_config();
    let id = CaseId::new("F-TEST-0001");
    let mut now = monday_morning();
    let mut world = World::default();
    let mut effects = Vec::new();
    for input in inputs {
        now += Duration::minutes(1);
        let env = Env {
            now,
            directory: &config,
            fresh_case_id: &id,
        };
        let event = Event::Message {
            from: PersonId::new(person),
            input: input.clone(),
        };
        (world, effects) = step(&world, &event, &env);
    }
    (world, effects)
}

fn at<'w>(world: &'w World, person: &str) -> &'w str {
    world.conversations[&PersonId::new(person)]
        .step
        .as_deref()
        .unwrap_or("")
}

fn case<'w>(world: &'w World, person: &str) -> Option<&'w fyr::engine::Case> {
    let id = world.conversations[&PersonId::new(person)].case.as_ref()?;
    world.cases.get(id)
}

fn body_ids(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Reply(o) => Some(
                o.body
                    .iter()
                    .map(|m: &Msg| m.id.to_string())
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect()
}

use Input::{Choose, Command as Cmd};

#[test]
fn the_first_message_is_a_greeting_that_mentions_112() {
    let (w, fx) = run(SE, &[Input::Unrecognized]);
    assert_eq!(at(&w, SE), "start");
    assert!(body_ids(&fx).contains(&"start-danger".to_string()));
    let l10n = fyr::i18n::Localizer::new().unwrap();
    for lang in Language::ALL {
        assert!(
            l10n.text(lang, &Msg::new("start-danger")).contains("112"),
            "{lang}"
        );
    }
}

#[test]
fn danger_words_reach_the_danger_step_from_every_step() {
    let config = sample_config();
    let id = CaseId::new("F-TEST-0001");
    let now = Utc::now();
    let env = Env {
        now,
        directory: &config,
        fresh_case_id: &id,
    };
    for book in PLAYBOOKS {
        for s in book.steps {
            for paused in [false, true] {
                let mut world = World::default();
                let mut c = fyr::engine::Conversation::new(PersonId::new(DK), now);
                c.step = Some(s.id.into());
                c.paused = paused;
                world.conversations.insert(PersonId::new(DK), c);
                let event = Event::Message {
                    from: PersonId::new(DK),
                    input: Input::Danger,
                };
                let (next, fx) = step(&world, &event, &env);
                assert_eq!(at(&next, DK), "danger", "from {}", s.id);
                assert!(!next.conversations[&PersonId::new(DK)].paused);
                assert_eq!(case(&next, DK).unwrap().immediate_danger_at, Some(now));
                assert!(!body_ids(&fx).is_empty());
            }
        }
    }
}

#[test]
fn in_danger_fyr_stays_until_the_person_is_safe() {
    let (w, fx) = run(SE, &[Input::Empty, Choose(1), Input::Unrecognized]);
    assert_eq!(at(&w, SE), "danger");
    assert_eq!(body_ids(&fx), ["danger-still-here"]);
    let (w, _) = run(SE, &[Input::Empty, Choose(1), Choose(1)]);
    assert_eq!(at(&w, SE), "danger-after");
}

#[test]
fn after_danger_the_person_returns_to_where_they_were() {
    // start → kind → threat → evidence; danger; safe; continue → evidence again.
    let (w, _) = run(
        DK,
        &[
            Input::Empty,
            Choose(2),
            Choose(1),
            Choose(2),
            Input::Danger,
            Choose(1),
            Choose(1),
        ],
    );
    assert_eq!(at(&w, DK), "evidence-save");
    assert_eq!(case(&w, DK).unwrap().kind, Some(IncidentKind::Threat));
}

#[test]
fn back_goes_to_the_previous_step_and_says_so_when_there_is_none() {
    let (w, _) = run(SE, &[Input::Empty, Choose(2), Cmd(Command::Back)]);
    assert_eq!(at(&w, SE), "start");
    let (w, fx) = run(SE, &[Input::Empty, Cmd(Command::Back)]);
    assert_eq!(at(&w, SE), "start");
    assert!(body_ids(&fx).contains(&"error-nothing-to-go-back-to".to_string()));
}

#[test]
fn stop_pauses_and_any_message_resumes_where_the_person_was() {
    let (w, fx) = run(SE, &[Input::Empty, Choose(2), Cmd(Command::Stop)]);
    assert!(w.conversations[&PersonId::new(SE)].paused);
    assert_eq!(body_ids(&fx), ["paused"]);
    let (w, fx) = run(
        SE,
        &[Input::Empty, Choose(2), Cmd(Command::Stop), Choose(3)],
    );
    assert!(!w.conversations[&PersonId::new(SE)].paused);
    assert_eq!(
        at(&w, SE),
        "kind",
        "the answer after a pause is not taken blindly"
    );
    assert_eq!(body_ids(&fx)[0], "resumed");
}

#[test]
fn language_can_change_anywhere_without_losing_the_place() {
    let (w, fx) = run(
        SE,
        &[
            Input::Empty,
            Choose(2),
            Cmd(Command::Language(Some(Language::Da))),
        ],
    );
    assert_eq!(
        w.conversations[&PersonId::new(SE)].language,
        Some(Language::Da)
    );
    assert_eq!(at(&w, SE), "kind");
    assert_eq!(body_ids(&fx)[0], "language-changed");
    let (w, _) = run(
        SE,
        &[
            Input::Empty,
            Choose(2),
            Cmd(Command::Language(None)),
            Choose(2),
        ],
    );
    assert_eq!(
        w.conversations[&PersonId::new(SE)].language,
        Some(Language::Da)
    );
    assert_eq!(at(&w, SE), "kind");
}

#[test]
fn a_number_out_of_range_changes_nothing() {
    let inputs = [Input::Empty, Choose(2), Choose(1), Choose(2), Choose(1)];
    let (before, _) = run(SE, &inputs);
    let mut more = inputs.to_vec();
    more.push(Choose(9));
    let (after, fx) = run(SE, &more);
    assert_eq!(at(&after, SE), at(&before, SE));
    assert_eq!(
        case(&after, SE).unwrap().tasks,
        case(&before, SE).unwrap().tasks
    );
    assert!(body_ids(&fx).contains(&"error-out-of-range".to_string()));
}

#[test]
fn answers_are_recorded_and_summarised() {
    // threat: start(2) kind(1) first(2) evidence-save(1 done) notes(2 later)
    let (w, _) = run(
        SE,
        &[
            Input::Empty,
            Choose(2),
            Choose(1),
            Choose(2),
            Choose(1),
            Choose(2),
        ],
    );
    let c = case(&w, SE).unwrap();
    assert_eq!(c.tasks.get(&Task::EvidenceSaved), Some(&TaskStatus::Done));
    assert_eq!(c.tasks.get(&Task::NotesWritten), Some(&TaskStatus::Later));
    assert_eq!(c.country, fyr::model::Country::Sweden);
}

#[test]
fn the_menu_jumps_and_continue_returns() {
    let (w, _) = run(
        SE,
        &[Input::Empty, Choose(2), Cmd(Command::Menu), Choose(1)],
    );
    assert_eq!(at(&w, SE), "kind");
    let (w, _) = run(
        SE,
        &[Input::Empty, Choose(2), Cmd(Command::Menu), Choose(8)],
    );
    assert_eq!(at(&w, SE), "support");
}

#[test]
fn a_new_case_leaves_the_old_one_and_starts_over() {
    let (w, _) = run(
        SE,
        &[
            Input::Empty,
            Choose(2),
            Choose(6),
            Cmd(Command::Menu),
            Choose(10),
            Choose(3),
        ],
    );
    assert_eq!(
        at(&w, SE),
        "new-incident",
        "a new incident starts with the safety question"
    );
    assert!(w.conversations[&PersonId::new(SE)].case.is_none());
    assert_eq!(w.cases.len(), 1, "the old case is kept");
}

#[test]
fn nothing_is_sent_to_anyone_else_without_consent() {
    // Walk the whole playbook saying "not now" and "later" everywhere.
    let mut inputs = vec![Input::Empty, Choose(2), Choose(1), Choose(2)];
    inputs.extend(std::iter::repeat_n(Choose(2), 30));
    let config = sample_config();
    let id = CaseId::new("F-TEST-0001");
    let mut world = World::default();
    let mut now = monday_morning();
    for input in inputs {
        now += Duration::minutes(1);
        let env = Env {
            now,
            directory: &config,
            fresh_case_id: &id,
        };
        let event = Event::Message {
            from: PersonId::new(SE),
            input,
        };
        let (next, effects) = step(&world, &event, &env);
        for e in &effects {
            if let Effect::Notify { message, .. } = e {
                assert_eq!(
                    message.to,
                    PersonId::new(SE),
                    "notified someone else without consent"
                );
            }
        }
        world = next;
    }
    assert!(case(&world, SE).unwrap().consent.is_none());
}

#[test]
fn the_engine_is_deterministic() {
    let inputs = [
        Input::Empty,
        Choose(2),
        Choose(3),
        Input::Unrecognized,
        Choose(1),
        Cmd(Command::Help),
    ];
    assert_eq!(run(DK, &inputs), run(DK, &inputs));
}
