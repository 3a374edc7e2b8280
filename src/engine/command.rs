//! Turns what a person typed into an engine input: a number, a command (help, back, menu, stop,
//! language), an answer in words, or words of acute danger. A pure function with its own tests;
//! the option labels to match against are rendered by the driver in the person's language.

use crate::model::Language;

/// Longer messages are refused with a polite note (the answer is not lost: nothing is recorded).
pub const MAX_MESSAGE_CHARS: usize = 4_000;

/// A command available at every step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Back,
    Menu,
    /// Pause the conversation; any later message resumes it.
    Stop,
    /// Change language: `None` asks which, `Some` switches at once.
    Language(Option<Language>),
    /// Acknowledge a notification by its case reference ("ok F-7K3M-Q9XD").
    Ack(String),
}

/// Words that acknowledge a notification when followed by a case reference.
const ACK_WORDS: &[&str] = &[
    "ok",
    "okay",
    "kvittera",
    "kvitterer",
    "kvitter",
    "ack",
    "acknowledge",
];

/// One input to the engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// An option number as typed or clicked, 1-based. May be out of range.
    Choose(u32),
    Command(Command),
    /// Words of acute danger: go straight to the immediate-danger step.
    Danger,
    /// Text that matched no option or command.
    Unrecognized,
    /// A greeting or a question in words: answered briefly, then the current question again.
    Said(Said),
    TooLong,
    Empty,
    /// Free text where a step takes it (an evidence note or a link); the driver decides.
    Text(String),
    /// A file or picture, to be sealed as evidence.
    File {
        name: String,
        bytes: Vec<u8>,
    },
}

/// What a person wrote in words that Fyr can answer without an option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    Greeting,
    /// A question: should I answer or contact them?
    Contact,
    /// Is this a crime? (Fyr never gives a legal verdict.)
    Crime,
    Police,
    Evidence,
    /// Any other question.
    Question,
}

impl Said {
    /// The message that answers it.
    pub fn message_id(self) -> &'static str {
        match self {
            Said::Greeting => "said-greeting",
            Said::Contact => "said-contact",
            Said::Crime => "said-crime",
            Said::Police => "said-police",
            Said::Evidence => "said-evidence",
            Said::Question => "said-question",
        }
    }
}

const GREETINGS: &[&str] = &[
    "hej",
    "hejsan",
    "hej hej",
    "hallå",
    "tjena",
    "tja",
    "god morgon",
    "goddag",
    "god dag",
    "godmorgen",
    "god morgen",
    "halløj",
    "hallo",
    "dav",
    "hi",
    "hello",
    "hey",
    "good morning",
];

/// Words that start a question, in Swedish, Danish and English.
const QUESTION_STARTS: &[&str] = &[
    "ska", "skall", "skal", "kan", "får", "må", "måste", "bør", "bör", "är", "er", "hur",
    "hvordan", "vad", "hvad", "varför", "hvorfor", "vem", "hvem", "när", "hvornår", "should",
    "can", "may", "must", "is", "are", "how", "what", "why", "who", "when", "do", "does",
];

/// Topics of a question, tried in order; each word is the start of a word in the question.
const TOPICS: &[(Said, &[&str])] = &[
    (
        Said::Crime,
        &[
            "brott",
            "olagl",
            "straffbar",
            "forbrydelse",
            "ulovlig",
            "strafbar",
            "crime",
            "criminal",
            "illegal",
            "lagligt",
            "lovligt",
            "legal",
        ],
    ),
    (
        Said::Contact,
        &[
            "svara", "svare", "reply", "respond", "answer", "kontakt", "contact", "skriva",
            "skrive", "write", "ringa", "ringe", "blocker", "blokere", "block",
        ],
    ),
    (
        Said::Police,
        &["polis", "politi", "police", "anmäl", "anmeld", "report"],
    ),
    (
        Said::Evidence,
        &[
            "bevis",
            "skärmdump",
            "skærmbillede",
            "screenshot",
            "evidence",
            "spara",
            "gemme",
            "save",
        ],
    ),
];

/// A greeting, or a question asked in words (a question mark, or a question word first).
pub fn said(normal: &str, raw: &str) -> Option<Said> {
    let bare = normal.trim_end_matches(['!', '?', '.', ',']).trim();
    if GREETINGS.contains(&bare) {
        return Some(Said::Greeting);
    }
    let first = normal.split_whitespace().next().unwrap_or_default();
    let asks = raw.trim_end().ends_with('?') || QUESTION_STARTS.contains(&first);
    if !asks || normal.split_whitespace().count() < 2 {
        return None;
    }
    let words: Vec<&str> = normal
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let topic = TOPICS.iter().find(|(_, stems)| {
        words
            .iter()
            .any(|w| stems.iter().any(|stem| w.starts_with(stem)))
    });
    Some(topic.map_or(Said::Question, |(said, _)| *said))
}

const COMMANDS: &[(&str, Command)] = &[
    ("hjälp", Command::Help),
    ("hjælp", Command::Help),
    ("help", Command::Help),
    ("?", Command::Help),
    ("tillbaka", Command::Back),
    ("bakåt", Command::Back),
    ("tilbage", Command::Back),
    ("back", Command::Back),
    ("meny", Command::Menu),
    ("menu", Command::Menu),
    ("stopp", Command::Stop),
    ("stop", Command::Stop),
    ("paus", Command::Stop),
    ("pause", Command::Stop),
    ("språk", Command::Language(None)),
    ("sprog", Command::Language(None)),
    ("language", Command::Language(None)),
    ("svenska", Command::Language(Some(Language::Sv))),
    ("svensk", Command::Language(Some(Language::Sv))),
    ("dansk", Command::Language(Some(Language::Da))),
    ("danska", Command::Language(Some(Language::Da))),
    ("english", Command::Language(Some(Language::En))),
    ("engelska", Command::Language(Some(Language::En))),
    ("engelsk", Command::Language(Some(Language::En))),
];

/// Interpret a message. `labels` are the current options as the person sees them.
pub fn interpret(text: &str, labels: &[String]) -> Input {
    interpret_with(text, || labels.to_vec())
}

/// `interpret`, with the option labels made only if the text needs them (most answers are a
/// number or a command).
pub fn interpret_with(text: &str, labels: impl FnOnce() -> Vec<String>) -> Input {
    let cleaned = clean(text);
    let normal = normalize(&cleaned);
    if normal.is_empty() {
        return Input::Empty;
    }
    if normal == "112" {
        return Input::Danger;
    }
    if let Some(number) = as_number(&normal) {
        return Input::Choose(number);
    }
    if let Some((_, command)) = COMMANDS.iter().find(|(word, _)| *word == normal) {
        return Input::Command(command.clone());
    }
    if let Some(reference) = ack_reference(&normal) {
        return Input::Command(Command::Ack(reference));
    }
    if mentions_danger(&cleaned) {
        return Input::Danger;
    }
    if cleaned.chars().count() > MAX_MESSAGE_CHARS {
        return Input::TooLong;
    }
    match match_label(&normal, &labels()) {
        Some(index) => Input::Choose(index),
        None => said(&normal, &cleaned).map_or(Input::Unrecognized, Input::Said),
    }
}

/// Whether the text speaks of acute danger, in the person's own words (see `danger`).
pub fn mentions_danger(text: &str) -> bool {
    super::danger::mentions_danger(text)
}

/// "ok f-7k3m-q9xd" → "F-7K3M-Q9XD": an acknowledgement word, then something shaped like a
/// case reference.
fn ack_reference(normal: &str) -> Option<String> {
    let mut words = normal.split_whitespace();
    let word = words.next()?;
    let reference = words.next()?;
    let shaped = reference.starts_with("f-")
        && reference.len() <= 16
        && reference
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    (ACK_WORDS.contains(&word) && shaped && words.next().is_none())
        .then(|| reference.to_uppercase())
}

/// Drop control, zero-width and bidi-override characters; keep ordinary whitespace.
fn clean(text: &str) -> String {
    let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
    let control = |c: char| c.is_control() && c != '\n' && c != '\t';
    text.chars()
        .filter(|&c| !invisible(c) && !control(c))
        .collect()
}

fn normalize(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let stripped = lower
        .trim_start_matches('/')
        .trim_end_matches(['.', '!', ')', ':'])
        .trim();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn as_number(normal: &str) -> Option<u32> {
    if normal.is_empty() || !normal.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // An absurdly long number is simply out of range.
    Some(normal.parse().unwrap_or(u32::MAX))
}

/// The 1-based index of the option the words name: an exact match, else the one option that
/// starts with them (at least three letters).
fn match_label(normal: &str, labels: &[String]) -> Option<u32> {
    let labels: Vec<String> = labels.iter().map(|l| normalize(l)).collect();
    let index = labels.iter().position(|l| *l == normal).or_else(|| {
        if normal.chars().count() < 3 {
            return None;
        }
        let mut starts = labels
            .iter()
            .enumerate()
            .filter(|(_, l)| l.starts_with(normal));
        match (starts.next(), starts.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    })?;
    u32::try_from(index + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn numbers_and_commands() {
        assert_eq!(
            interpret_with("2", || unreachable!("a number needs no labels")),
            Input::Choose(2)
        );
        assert_eq!(
            interpret_with("hjälp", || unreachable!("a command needs no labels")),
            Input::Command(Command::Help)
        );
        assert_eq!(
            interpret_with("Berätta mer", || vec![
                "Säkra bevis".into(),
                "Berätta mer".into()
            ]),
            Input::Choose(2)
        );
        assert_eq!(interpret(" 2 ", &[]), Input::Choose(2));
        assert_eq!(interpret("3)", &[]), Input::Choose(3));
        assert_eq!(interpret("99999999999999", &[]), Input::Choose(u32::MAX));
        assert_eq!(interpret("Hjälp", &[]), Input::Command(Command::Help));
        assert_eq!(interpret("/tilbage", &[]), Input::Command(Command::Back));
        assert_eq!(interpret("MENY", &[]), Input::Command(Command::Menu));
        assert_eq!(interpret("stopp", &[]), Input::Command(Command::Stop));
        assert_eq!(
            interpret("dansk", &[]),
            Input::Command(Command::Language(Some(Language::Da)))
        );
        assert_eq!(
            interpret("sprog", &[]),
            Input::Command(Command::Language(None))
        );
        assert_eq!(interpret("   ", &[]), Input::Empty);
        assert_eq!(interpret("\u{200B}\u{202E}", &[]), Input::Empty);
    }

    #[test]
    fn acknowledgement_by_reference() {
        assert_eq!(
            interpret("OK F-0000-0001", &[]),
            Input::Command(Command::Ack("F-0000-0001".into()))
        );
        assert_eq!(
            interpret("kvittera f-7k3m-q9xd", &[]),
            Input::Command(Command::Ack("F-7K3M-Q9XD".into()))
        );
        assert_eq!(interpret("ok", &[]), Input::Unrecognized);
        assert_eq!(interpret("ok tack", &[]), Input::Unrecognized);
    }

    #[test]
    fn danger_words_in_both_languages() {
        assert_eq!(interpret("han har en kniv", &[]), Input::Danger);
        assert_eq!(interpret("Jeg er i fare!", &[]), Input::Danger);
        assert_eq!(interpret("någon följer efter mig", &[]), Input::Danger);
        assert_eq!(interpret("en mand følger efter mig", &[]), Input::Danger);
        assert_eq!(interpret("han slår", &[]), Input::Danger);
        assert_eq!(interpret("112", &[]), Input::Danger);
        assert_eq!(interpret("ingen fara", &[]), Input::Unrecognized);
        assert_eq!(interpret("jeg er ikke i fare", &[]), Input::Unrecognized);
        assert_eq!(interpret("farao", &[]), Input::Unrecognized);
    }

    #[test]
    fn answers_in_words() {
        let l = labels(&["Ja, jag är i fara nu", "Nej", "Byt språk"]);
        assert_eq!(interpret("nej", &l), Input::Choose(2));
        assert_eq!(interpret("Byt språk.", &l), Input::Choose(3));
        assert_eq!(interpret("byt", &l), Input::Choose(3));
        assert_eq!(interpret("kanske", &l), Input::Unrecognized);
        let ambiguous = labels(&["Klart", "Klart senare"]);
        assert_eq!(interpret("kla", &ambiguous), Input::Unrecognized);
        assert_eq!(interpret("klart", &ambiguous), Input::Choose(1));
    }

    #[test]
    fn long_text_is_refused_but_danger_still_seen() {
        let long = "a".repeat(MAX_MESSAGE_CHARS + 1);
        assert_eq!(interpret(&long, &[]), Input::TooLong);
        let long_danger = format!("{long} kniv");
        assert_eq!(interpret(&long_danger, &[]), Input::Danger);
    }
}
