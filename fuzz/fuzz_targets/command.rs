//! Fuzz target `command`: any text as what people type. Each line goes through the command
//! interpreter on its own, with the other lines as option labels; then, as a message from the
//! current speaker, through the interpreter with the labels the engine really offers (rendered
//! in the speaker's language) and into `engine::step` with a small `World` over the sample
//! bot.toml — so answers, commands, acknowledgements, danger words and evidence notes reach the
//! engine, its timers fire, and every reply and notification is rendered.
//!
//! Checked on every step: no panic, every message gets a non-empty answer, the conversation is
//! at a real step, and nobody but the employee hears of a case without a recorded consent.
//!
//! Console-like lines steer the run: `/as N` switches the speaker (N indexes `PEOPLE`),
//! `/wait M` lets M minutes pass and fires the timers that came due, `/file NAME` hands in the
//! rest of the input as an evidence file.
#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{DateTime, Duration, Utc};
use fyr::config::Config;
use fyr::driver::MAX_NOTE_CHARS;
use fyr::engine::command::interpret;
use fyr::engine::{
    current_options, find_step, step, takes_text, Command, Effect, Env, Event, Input, Msg,
    Outgoing, Timer, World,
};
use fyr::i18n::Localizer;
use fyr::model::{CaseId, PersonId};
use libfuzzer_sys::fuzz_target;

const PEOPLE: [&str; 6] = [
    "se-employee",
    "se-manager",
    "se-safety-rep",
    "dk-employee",
    "dk-manager",
    "se-deputy",
];

/// At most this many lines per run, so one input stays fast.
const MAX_LINES: usize = 48;

/// The sample bot.toml and the compiled-in locales, loaded once per process.
fn fixtures() -> &'static (Config, Localizer) {
    static FIXTURES: OnceLock<(Config, Localizer)> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let config = Config::parse(
            include_str!("../../bot.toml"),
            std::path::Path::new("bot.toml"),
        )
        .expect("the sample bot.toml is valid");
        (config, Localizer::new().expect("built-in locales load"))
    })
}

struct Run<'a> {
    config: &'a Config,
    localizer: &'a Localizer,
    world: World,
    timers: BTreeMap<String, Timer>,
    now: DateTime<Utc>,
    cases: u64,
}

impl Run<'_> {
    fn render(&self, out: &Outgoing) {
        let language = self
            .world
            .conversations
            .get(&out.to)
            .and_then(|c| c.language)
            .or_else(|| self.config.person(out.to.as_str()).map(|p| p.language))
            .expect("messages go to configured persons");
        let rendered = self.localizer.render(language, out);
        assert!(!rendered.text.is_empty(), "empty message to {}", out.to);
    }

    /// One engine step; applies and checks its effects. Returns whether a reply was given.
    fn step(&mut self, event: &Event) -> bool {
        self.cases += 1;
        let fresh = CaseId::new(format!("F-0000-{:04}", self.cases));
        let env = Env {
            now: self.now,
            directory: self.config,
            fresh_case_id: &fresh,
        };
        let (next, effects) = step(&self.world, event, &env);
        self.world = next;
        let mut replied = false;
        for effect in &effects {
            match effect {
                Effect::Reply(out) => {
                    replied = true;
                    self.render(out);
                }
                Effect::Notify { key, message } => {
                    let case = CaseId::new(key.split('/').next().unwrap_or_default());
                    if let Some(case) = self.world.cases.get(&case) {
                        assert!(
                            message.to == case.owner || case.consent.is_some(),
                            "{} was told without consent",
                            message.to
                        );
                    }
                    self.render(message);
                }
                Effect::SetTimer(timer) => {
                    self.timers.insert(timer.key.clone(), timer.clone());
                }
                Effect::CancelTimer(key) => {
                    self.timers.remove(key);
                }
                Effect::SealEvidence { .. }
                | Effect::EraseOwner(_)
                | Effect::EraseCase(_)
                | Effect::Export { .. } => {}
            }
        }
        replied
    }

    fn say(&mut self, from: &PersonId, input: Input) {
        let event = Event::Message {
            from: from.clone(),
            input,
        };
        let ack = matches!(
            event,
            Event::Message {
                input: Input::Command(Command::Ack(_)),
                ..
            }
        );
        assert!(self.step(&event), "every message gets an answer");
        if ack {
            // Acknowledging by reference answers without moving (or starting) a conversation.
            return;
        }
        let conversation = &self.world.conversations[from];
        let at = conversation
            .step
            .as_deref()
            .expect("greeted after any input");
        assert!(find_step(at).is_some(), "at a real step: {at}");
    }

    /// The options the speaker sees, as text in their language (what the driver matches).
    fn labels(&self, person: &PersonId) -> Vec<String> {
        let fresh = CaseId::new("F-ZZZZ-ZZZZ");
        let env = Env {
            now: self.now,
            directory: self.config,
            fresh_case_id: &fresh,
        };
        let language = self
            .world
            .conversations
            .get(person)
            .and_then(|c| c.language)
            .or_else(|| self.config.person(person.as_str()).map(|p| p.language))
            .expect("a configured person");
        current_options(&self.world, person, &env)
            .into_iter()
            .map(|id| self.localizer.text(language, &Msg::new(id)))
            .collect()
    }

    fn wait(&mut self, minutes: u16) {
        self.now += Duration::minutes(i64::from(minutes));
        for _ in 0..64 {
            let due = self
                .timers
                .values()
                .filter(|t| t.at <= self.now)
                .min_by_key(|t| t.at)
                .cloned();
            let Some(timer) = due else { break };
            self.timers.remove(&timer.key);
            self.step(&Event::Timer(timer));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines: Vec<&str> = text.split('\n').take(MAX_LINES).collect();

    // The interpreter alone, against arbitrary labels.
    let labels: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    for line in &lines {
        let _ = interpret(line, &labels);
    }

    // Through the engine.
    let (config, localizer) = fixtures();
    let mut run = Run {
        config,
        localizer,
        world: World::default(),
        timers: BTreeMap::new(),
        now: "2026-03-02T08:00:00Z".parse().unwrap(),
        cases: 0,
    };
    let mut speaker = PersonId::new(PEOPLE[0]);
    for (i, line) in lines.iter().enumerate() {
        run.now += Duration::seconds(30);
        if let Some(n) = line.strip_prefix("/as ") {
            let n: usize = n.trim().parse().unwrap_or(0);
            speaker = PersonId::new(PEOPLE[n % PEOPLE.len()]);
            continue;
        }
        if let Some(m) = line.strip_prefix("/wait ") {
            run.wait(m.trim().parse().unwrap_or(60));
            continue;
        }
        if let Some(name) = line.strip_prefix("/file ") {
            let bytes = lines[i + 1..].join("\n").into_bytes();
            run.say(
                &speaker,
                Input::File {
                    name: name.to_string(),
                    bytes,
                },
            );
            break;
        }
        let mut input = interpret(line, &run.labels(&speaker));
        // As the driver does: where a step takes free text, unmatched text is a note.
        let at = run
            .world
            .conversations
            .get(&speaker)
            .and_then(|c| c.step.clone());
        if at.as_deref().is_some_and(takes_text)
            && matches!(input, Input::Unrecognized | Input::Danger | Input::TooLong)
            && line.chars().count() <= MAX_NOTE_CHARS
        {
            input = Input::Text(line.to_string());
        }
        run.say(&speaker, input);
    }
    run.wait(u16::MAX);
});
