//! Property tests: no sequence of inputs and timers panics the engine, strands a conversation
//! without a way forward, or tells anyone but the employee about a case without consent; and no
//! text at all breaks the interpreter or the driver.

use std::collections::BTreeMap;

use chrono::Duration;
use fyr::driver::{Driver, SequentialCaseIds};
use fyr::engine::command::interpret;
use fyr::engine::{
    current_options, find_step, step, Command, Effect, Env, Event, Input, Timer, World,
};
use fyr::i18n::Localizer;
use fyr::model::{CaseId, Language, PersonId};
use fyr::store::MemoryStore;
use proptest::prelude::*;

use crate::support::{monday_morning, sample_config};

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        8 => (0u32..12).prop_map(Input::Choose),
        1 => Just(Input::Choose(u32::MAX)),
        1 => Just(Input::Command(Command::Help)),
        2 => Just(Input::Command(Command::Back)),
        1 => Just(Input::Command(Command::Menu)),
        1 => Just(Input::Command(Command::Stop)),
        1 => Just(Input::Command(Command::Language(None))),
        1 => prop::sample::select(Language::ALL.to_vec()).prop_map(|l| Input::Command(Command::Language(Some(l)))),
        1 => Just(Input::Command(Command::Ack("F-0000-0001".into()))),
        1 => Just(Input::Danger),
        1 => Just(Input::Unrecognized),
        1 => Just(Input::TooLong),
        1 => Just(Input::Empty),
        // A colleague's name, where the employee invites a helper (else an unknown answer).
        1 => Just(Input::Text("Kim Strand".into())),
        1 => Just(Input::Text("Sven Ek".into())),
    ]
}

#[derive(Clone, Debug)]
enum Act {
    Say(usize, Input),
    /// Let time pass and fire the earliest pending timer.
    Wait(u16),
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        6 => (0usize..3, input()).prop_map(|(who, i)| Act::Say(who, i)),
        1 => (1u16..600).prop_map(Act::Wait),
    ]
}

const PEOPLE: [&str; 3] = ["se-employee", "se-manager", "se-safety-rep"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_sequence_strands_anyone_or_tells_without_consent(acts in prop::collection::vec(act(), 1..90)) {
        let config = sample_config();
        let fresh = CaseId::new("F-0000-0001");
        let mut now = monday_morning();
        let mut world = World::default();
        let mut timers: BTreeMap<String, Timer> = BTreeMap::new();
        for act in &acts {
            let event = match act {
                Act::Say(who, input) => Event::Message { from: PersonId::new(PEOPLE[*who]), input: input.clone() },
                Act::Wait(minutes) => {
                    now += Duration::minutes(i64::from(*minutes));
                    let Some(timer) = timers.values().filter(|t| t.at <= now).min_by_key(|t| t.at).cloned() else { continue };
                    timers.remove(&timer.key);
                    Event::Timer(timer)
                }
            };
            now += Duration::seconds(30);
            let env = Env { now, directory: &config, fresh_case_id: &fresh };
            let (next, effects) = step(&world, &event, &env);
            for effect in &effects {
                match effect {
                    Effect::SetTimer(t) => { timers.insert(t.key.clone(), t.clone()); }
                    Effect::CancelTimer(k) => { timers.remove(k); }
                    Effect::Notify { key, message } => {
                        let case_id = CaseId::new(key.split('/').next().unwrap_or_default());
                        let case = &next.cases[&case_id];
                        if message.to != case.owner {
                            // Either the employee consented to telling the manager chain or
                            // safety reps, or they invited this colleague to help.
                            let invited = case.helpers.iter().any(|h| h.person == message.to);
                            prop_assert!(case.consent.is_some() || invited, "{} was told without consent", message.to);
                        }
                    }
                    Effect::Reply(_)
                    | Effect::SealEvidence { .. }
                    | Effect::EraseOwner(_)
                    | Effect::EraseCase(_)
                    | Effect::Export { .. } => {}
                }
            }
            if let Event::Message { from, input } = &event {
                prop_assert!(effects.iter().any(|e| matches!(e, Effect::Reply(_))), "every message gets an answer");
                if matches!(input, Input::Command(Command::Ack(_))) {
                    // Acknowledging by reference answers without moving the conversation.
                    world = next;
                    continue;
                }
                let conversation = &next.conversations[from];
                let at = conversation.step.clone().expect("greeted after any input");
                prop_assert!(find_step(&at).is_some(), "at a real step: {}", at);
                if !conversation.paused {
                    prop_assert!(!current_options(&next, from, &env).is_empty(), "a way forward from {}", at);
                }
                prop_assert!(conversation.back.len() <= 32);
            }
            world = next;
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
