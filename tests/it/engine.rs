//! The engine on its own: a pure function of session, input and time.

use chrono::{Duration, Utc};
use fyr::engine::playbook::{Task, TaskStatus};
use fyr::engine::{
    employee::EMPLOYEE, step, Command, ContactKind, Effect, Env, Input, Msg, Profile, Session,
};
use fyr::model::{CaseId, Country, IncidentKind, Language, PersonId};

fn profile(country: Country) -> Profile {
    Profile {
        person: PersonId::new("p"),
        display_name: "Pat".into(),
        country,
        contacts: vec![(ContactKind::HrCrisisLine, "555".into())],
        incident_system: None,
    }
}

/// Feed inputs one by one; return the final session and the last step's effects.
fn run(country: Country, inputs: &[Input]) -> (Session, Vec<Effect>) {
    let profile = profile(country);
    let id = CaseId::new("F-TEST-0001");
    let mut now = crate::support::monday_morning();
    let mut session = Session::new(PersonId::new("p"), now);
    let mut effects = Vec::new();
    for input in inputs {
        now += Duration::minutes(1);
        let env = Env {
            now,
            profile: &profile,
            fresh_case_id: &id,
        };
        (session, effects) = step(&session, input, &env);
    }
    (session, effects)
}

fn at(session: &Session) -> &str {
    session.conversation.step.as_deref().unwrap_or("")
}

fn body_ids(effects: &[Effect]) -> Vec<&'static str> {
    effects
        .iter()
        .flat_map(|Effect::Send(o)| o.body.iter().map(|m: &Msg| m.id))
        .collect()
}

use Input::{Choose, Command as Cmd};

#[test]
fn the_first_message_is_a_greeting_that_mentions_112() {
    let (s, fx) = run(Country::Sweden, &[Input::Unrecognized]);
    assert_eq!(at(&s), "start");
    assert!(body_ids(&fx).contains(&"start-danger"));
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
    let profile = profile(Country::Denmark);
    let id = CaseId::new("F-TEST-0001");
    let now = Utc::now();
    let env = Env {
        now,
        profile: &profile,
        fresh_case_id: &id,
    };
    for s in EMPLOYEE.steps {
        let mut session = Session::new(PersonId::new("p"), now);
        session.conversation.step = Some(s.id.to_string());
        for paused in [false, true] {
            session.conversation.paused = paused;
            let (next, fx) = step(&session, &Input::Danger, &env);
            assert_eq!(at(&next), EMPLOYEE.danger, "from {}", s.id);
            assert!(!next.conversation.paused);
            assert_eq!(next.case.as_ref().unwrap().immediate_danger_at, Some(now));
            assert!(!body_ids(&fx).is_empty());
        }
    }
}

#[test]
fn in_danger_fyr_stays_until_the_person_is_safe() {
    let (s, fx) = run(
        Country::Sweden,
        &[Input::Empty, Choose(1), Input::Unrecognized],
    );
    assert_eq!(at(&s), "danger");
    assert_eq!(body_ids(&fx), ["danger-still-here"]);
    let (s, _) = run(Country::Sweden, &[Input::Empty, Choose(1), Choose(1)]);
    assert_eq!(at(&s), "danger-after");
}

#[test]
fn after_danger_the_person_returns_to_where_they_were() {
    // start → kind → threat → evidence; danger; safe; continue → evidence again.
    let (s, _) = run(
        Country::Denmark,
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
    assert_eq!(at(&s), "evidence-save");
    assert_eq!(s.case.unwrap().kind, Some(IncidentKind::Threat));
}

#[test]
fn back_goes_to_the_previous_step_and_says_so_when_there_is_none() {
    let (s, _) = run(
        Country::Sweden,
        &[Input::Empty, Choose(2), Cmd(Command::Back)],
    );
    assert_eq!(at(&s), "start");
    let (s, fx) = run(Country::Sweden, &[Input::Empty, Cmd(Command::Back)]);
    assert_eq!(at(&s), "start");
    assert!(body_ids(&fx).contains(&"error-nothing-to-go-back-to"));
}

#[test]
fn stop_pauses_and_any_message_resumes_where_the_person_was() {
    let (s, fx) = run(
        Country::Sweden,
        &[Input::Empty, Choose(2), Cmd(Command::Stop)],
    );
    assert!(s.conversation.paused);
    assert_eq!(body_ids(&fx), ["paused"]);
    let (s, fx) = run(
        Country::Sweden,
        &[Input::Empty, Choose(2), Cmd(Command::Stop), Choose(3)],
    );
    assert!(!s.conversation.paused);
    assert_eq!(
        at(&s),
        "kind",
        "the answer after a pause is not taken blindly"
    );
    assert_eq!(body_ids(&fx)[0], "resumed");
}

#[test]
fn language_can_change_anywhere_without_losing_the_place() {
    let (s, fx) = run(
        Country::Sweden,
        &[
            Input::Empty,
            Choose(2),
            Cmd(Command::Language(Some(Language::Da))),
        ],
    );
    assert_eq!(s.conversation.language, Some(Language::Da));
    assert_eq!(at(&s), "kind");
    assert_eq!(body_ids(&fx)[0], "language-changed");
    // Through the language step: choose Dansk, come back to the kind question.
    let (s, _) = run(
        Country::Sweden,
        &[
            Input::Empty,
            Choose(2),
            Cmd(Command::Language(None)),
            Choose(2),
        ],
    );
    assert_eq!(s.conversation.language, Some(Language::Da));
    assert_eq!(at(&s), "kind");
}

#[test]
fn a_number_out_of_range_changes_nothing() {
    let inputs = [Input::Empty, Choose(2), Choose(1), Choose(2), Choose(1)];
    let (before, _) = run(Country::Sweden, &inputs);
    let mut more = inputs.to_vec();
    more.push(Choose(9));
    let (after, fx) = run(Country::Sweden, &more);
    assert_eq!(at(&after), at(&before));
    assert_eq!(
        after.case.as_ref().unwrap().tasks,
        before.case.as_ref().unwrap().tasks
    );
    assert!(body_ids(&fx).contains(&"error-out-of-range"));
}

#[test]
fn answers_are_recorded_and_summarised() {
    // threat: start(2) kind(1) first(2) evidence-save(1 done) notes(2 later)
    let (s, _) = run(
        Country::Sweden,
        &[
            Input::Empty,
            Choose(2),
            Choose(1),
            Choose(2),
            Choose(1),
            Choose(2),
        ],
    );
    let case = s.case.unwrap();
    assert_eq!(
        case.tasks.get(&Task::EvidenceSaved),
        Some(&TaskStatus::Done)
    );
    assert_eq!(
        case.tasks.get(&Task::NotesWritten),
        Some(&TaskStatus::Later)
    );
    assert_eq!(case.country, Country::Sweden);
}

#[test]
fn the_menu_jumps_and_continue_returns() {
    let (s, _) = run(
        Country::Sweden,
        &[Input::Empty, Choose(2), Cmd(Command::Menu), Choose(1)],
    );
    assert_eq!(at(&s), "kind");
    let (s, _) = run(
        Country::Sweden,
        &[Input::Empty, Choose(2), Cmd(Command::Menu), Choose(8)],
    );
    assert_eq!(at(&s), "support");
}

#[test]
fn a_new_case_leaves_the_old_one_and_starts_over() {
    let (s, _) = run(
        Country::Sweden,
        &[
            Input::Empty,
            Choose(2),
            Choose(6),
            Cmd(Command::Menu),
            Choose(9),
            Choose(3),
        ],
    );
    assert_eq!(at(&s), "kind");
    assert!(s.case.is_none() && s.conversation.case.is_none());
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
    assert_eq!(
        run(Country::Denmark, &inputs),
        run(Country::Denmark, &inputs)
    );
}
