//! Property tests: no sequence of inputs panics the engine or strands a conversation without a
//! way forward, and no text at all breaks the interpreter or the driver.

use chrono::Duration;
use fyr::driver::{Driver, SequentialCaseIds};
use fyr::engine::command::interpret;
use fyr::engine::{
    current_options, employee::EMPLOYEE, step, Command, Env, Input, Profile, Session,
};
use fyr::i18n::Localizer;
use fyr::model::{CaseId, Country, Language, PersonId};
use fyr::store::MemoryStore;
use proptest::prelude::*;

use crate::support::{monday_morning, sample_config};

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        6 => (0u32..14).prop_map(Input::Choose),
        1 => Just(Input::Choose(u32::MAX)),
        1 => Just(Input::Command(Command::Help)),
        2 => Just(Input::Command(Command::Back)),
        1 => Just(Input::Command(Command::Menu)),
        1 => Just(Input::Command(Command::Stop)),
        1 => Just(Input::Command(Command::Language(None))),
        1 => prop::sample::select(Language::ALL.to_vec()).prop_map(|l| Input::Command(Command::Language(Some(l)))),
        1 => Just(Input::Danger),
        1 => Just(Input::Unrecognized),
        1 => Just(Input::TooLong),
        1 => Just(Input::Empty),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_input_sequence_strands_a_conversation(
        denmark in any::<bool>(),
        inputs in prop::collection::vec(input(), 1..80),
    ) {
        let profile = Profile {
            person: PersonId::new("p"),
            display_name: "P".into(),
            country: if denmark { Country::Denmark } else { Country::Sweden },
            contacts: vec![],
            incident_system: None,
        };
        let fresh = CaseId::new("F-PROP");
        let mut now = monday_morning();
        let mut session = Session::new(PersonId::new("p"), now);
        for input in &inputs {
            now += Duration::seconds(30);
            let env = Env { now, profile: &profile, fresh_case_id: &fresh };
            let (next, effects) = step(&session, input, &env);
            prop_assert!(!effects.is_empty(), "every input gets an answer");
            let at = next.conversation.step.clone().expect("greeted after any input");
            prop_assert!(EMPLOYEE.step(&at).is_some(), "at a real step: {}", at);
            if !next.conversation.paused {
                prop_assert!(!current_options(&next, &env).is_empty(), "a way forward from {}", at);
            }
            prop_assert!(next.conversation.back.len() <= 32);
            prop_assert_eq!(next.case.as_ref().map(|c| c.id.clone()), next.conversation.case.clone());
            session = next;
        }
    }

    #[test]
    fn any_text_is_interpreted_without_panicking(text in any::<String>(), labels in prop::collection::vec(any::<String>(), 0..6)) {
        let _ = interpret(&text, &labels);
    }

    #[test]
    fn any_text_gets_an_answer_from_the_driver(texts in prop::collection::vec(any::<String>(), 1..12)) {
        let mut driver = Driver::new(sample_config(), MemoryStore::new(), Localizer::new().unwrap(), Box::new(SequentialCaseIds::default()));
        let who = PersonId::new("se-employee");
        for text in &texts {
            let out = driver.handle(&who, text, monday_morning()).expect("no store failure in memory");
            prop_assert!(!out.is_empty());
            prop_assert!(out.iter().all(|m| !m.text.is_empty()));
        }
    }
}
