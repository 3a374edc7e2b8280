//! Acute danger in a person's own words, in Swedish, Danish and English.
//!
//! People in danger do not type keywords: they write "han står utanför dörren", "nogen hamrer på
//! døren", "he's here now". So danger is recognised from a small lexicon per language and a few
//! rules that combine its word classes within a sentence:
//!
//! - an **alarm** word or phrase on its own (a weapon, violence, being followed, a threat to
//!   kill, someone breaking in);
//! - a **harm** verb (hit, kick, push, spit, choke…) with a person doing it or a victim it is
//!   done to, or after a passive auxiliary ("jag blev slagen");
//! - a **person** and a **place** near each other (the offender outside, here, at the door, in
//!   the car, at my home), unless the sentence only speaks of having been there earlier;
//! - a **door** with something forced on it (banging, hammering, kicking);
//! - **fear** ("jag är rädd", "jeg er bange"), and **safety denied** ("I don't feel safe");
//! - a short call for help ("hjälp mig!").
//!
//! A negation near the match cancels it ("jag är inte rädd", "ingen står utanför"), unless a word
//! of stopping sits in between ("han slutar inte följa efter mig"). A sentence that places the
//! event in the past ("i går", "for to uger siden", "last week") is not acute unless it also says
//! "now" or "still". The person's language does not matter: every lexicon is tried, each with its
//! own words only, so an English "her" is never read as the Danish "here".
//!
//! Word patterns: `word` exactly, `stem*` any word starting with `stem`, and `?` any one word;
//! a pattern of several words matches consecutive words. Å/ä/æ and ö/ø are folded so a Danish
//! keyboard typing Swedish (and the other way round) still matches.

/// One language's danger vocabulary. The rules that combine the classes are the same for all.
pub struct Lexicon {
    /// For tests and diagnostics only; never logged with the text.
    pub language: &'static str,
    /// Words or phrases that on their own mean danger.
    pub alarms: &'static [&'static str],
    /// Calls for help, alarming only in a short sentence ("hjälp mig", not "hjälp mig att skriva").
    pub short_alarms: &'static [&'static str],
    /// Verbs of bodily harm, all tenses and participles.
    pub harm: &'static [&'static str],
    /// Right after a harm verb these give it another meaning ("slog igen dörren", "slår op").
    pub harm_particles: &'static [&'static str],
    /// Subjects that are not a person ("det slår mig att…").
    pub not_persons: &'static [&'static str],
    /// Passive auxiliaries: "blev" + harm participle.
    pub passive: &'static [&'static str],
    /// Who may be the offender: third persons and people a public service meets.
    pub persons: &'static [&'static str],
    /// To whom harm is done.
    pub victims: &'static [&'static str],
    /// Being somewhere now.
    pub present: &'static [&'static str],
    /// Having been somewhere.
    pub past: &'static [&'static str],
    /// Where an offender's presence is alarming.
    pub places: &'static [&'static str],
    pub doors: &'static [&'static str],
    /// What is done to a door when someone tries to get in.
    pub forcing: &'static [&'static str],
    pub fear: &'static [&'static str],
    /// Right after a fear word these make it an idiom ("rädd om", "afraid that").
    pub not_fear_after: &'static [&'static str],
    /// Safety, alarming when denied.
    pub safe: &'static [&'static str],
    pub negations: &'static [&'static str],
    /// Words of stopping: a negation before them does not negate the danger.
    pub cessation: &'static [&'static str],
    /// Another time than now: earlier ("i går", "for to uger siden") or later ("i morgon").
    pub not_now: &'static [&'static str],
    /// Before a place word these make it a demonstrative ("de här mejlen", "det her").
    pub demonstratives: &'static [&'static str],
    pub now: &'static [&'static str],
}

#[rustfmt::skip]
pub static SWEDISH: Lexicon = Lexicon {
    language: "sv",
    alarms: &[
        "fara", "faran", "livsfara", "nödläge", "akut fara", "kniv", "kniven", "knivar",
        "knivarna", "knivhögg*", "knivhugg*", "knivskur*", "vapen", "vapnet", "pistol", "pistolen",
        "gevär", "geväret", "yxa", "yxan", "bomb", "bomben", "våld", "våldet", "våldsam",
        "våldsamt", "våldsamma", "misshandl*", "misshandel", "överfall*", "överföll", "attackerar",
        "attackerade", "attackerad", "attackerat", "angriper", "angrep", "angripen", "gisslan",
        "blöder", "blodet", "följer efter", "följde efter", "följt efter", "följa efter", "förfölja", "förföljt", "förföljer",
        "förföljde", "förföljd", "förföljda", "förföljs", "skuggar mig", "smyger efter",
        "väntar på mig", "väntar utanför", "står och väntar", "ute efter mig", "vet var jag bor",
        "hotar mig", "hotar oss", "döda mig", "dödar mig", "döda oss", "mörda*", "slå ihjäl",
        "slår ihjäl", "ta livet av", "skjuta mig", "skjuter mig", "skjuta på", "skjuter på",
        "bryter sig in", "bröt sig in", "försöker komma in", "försöker ta sig in", "tar sig in",
        "trängde sig in", "tränger sig in", "försöker öppna dörren", "tog tag i mig",
        "tar tag i mig", "grep tag i mig", "höll fast mig", "håller fast mig", "stryptag",
        "ring polisen", "ringt polisen", "ringer polisen", "larma polisen", "vågar inte gå",
        "vågar inte lämna", "kommer inte ut", "inlåst",
    ],
    short_alarms: &[
        "hjälp mig", "snälla hjälp", "rädda mig", "kom hit", "skynda",
    ],
    harm: &[
        "slå", "slår", "slog", "slagit", "slagen", "slagna", "nedslagen", "sparka", "sparkar",
        "sparkade", "sparkat", "knuffa", "knuffar", "knuffade", "knuffat", "knuffad", "putta",
        "puttar", "puttade", "drämde", "drämmer", "örfila*", "boxa*", "nypa", "nyper", "nöp",
        "spotta", "spottar", "spottade", "spottat", "bita", "biter", "bet", "bitit", "riva",
        "river", "rev", "strypa", "stryper", "ströp", "strypt", "kväva", "kväver", "kvävde",
        "hugga", "hugger", "högg", "huggit", "skjuter", "sköt", "skjutit", "skjuten",
        "skadade mig",
    ],
    harm_particles: &[
        "igen", "av", "upp", "op", "fast", "ihop", "in", "om", "ut", "på", "sönder", "bort",
    ],
    not_persons: &["det", "detta", "vilket", "som"],
    passive: &["blev", "blivit", "blir"],
    persons: &[
        "han", "hon", "hen", "de", "dom", "någon", "nån", "en man", "en kvinna", "mannen",
        "kvinnan", "killen", "tjejen", "personen", "medborgaren", "kunden", "klienten", "brukaren",
        "eleven", "patienten", "pappan", "mamman", "föräldern", "gärningsmannen", "förövaren",
        "grannen", "exet", "någon person",
    ],
    victims: &[
        "mig", "mej", "oss", "dig", "henne", "honom", "hen", "dem", "kollegan", "min kollega",
        "barnen", "mitt barn",
    ],
    present: &[
        "är", "står", "sitter", "väntar", "finns", "går", "kommer", "lurar", "smyger", "springer",
        "hänger", "befinner",
    ],
    past: &[
        "stod", "satt", "väntade", "var", "fanns", "kom", "gick", "dök",
    ],
    places: &[
        "här", "hit", "utanför", "där ute", "härute", "dörren", "ytterdörren", "dörr", "entrén",
        "receptionen", "parkeringen", "trapphuset", "korridoren", "fönstret", "väntrummet",
        "gården", "nedanför", "hemma hos mig", "hemma hos oss", "hem till mig", "hem till oss",
        "mitt hem", "mitt hus", "min bostad", "min lägenhet", "där jag bor", "i bilen",
        "vid bilen", "min bil", "bakom mig", "ute på", "nere i", "porten",
    ],
    doors: &[
        "dörr", "dörren", "dörrarna", "ytterdörren", "porten", "fönstret", "fönster",
    ],
    forcing: &[
        "bankar", "bankade", "bultar", "bultade", "hamrar", "hamrade", "sparkar", "sparkade",
        "rycker", "ryckte", "drar i", "slår på", "slog på", "bänder", "bände",
    ],
    fear: &[
        "rädd", "rädda", "livrädd", "livrädda", "skräckslagen", "skraj", "panik", "paniken",
        "skräck", "dödsrädd",
    ],
    not_fear_after: &["om"],
    safe: &["trygg", "tryggt", "i säkerhet", "säker nu"],
    negations: &["inte", "ej", "ingen", "inget", "inga", "aldrig", "icke"],
    cessation: &["slutar", "sluta", "ger", "upphör", "lägger"],
    not_now: &[
        "i går", "igår", "i förrgår", "förra", "i fjol", "i somras", "i våras", "i höstas",
        "för ? sedan", "för ? ? sedan", "för ? ? ? sedan", "tidigare i år", "i morgon", "imorgon",
        "nästa vecka", "i övermorgon",
    ],
    demonstratives: &["de", "den", "det", "dem"],
    now: &["nu", "fortfarande", "just nu", "kvar", "nyss", "alldeles nyss", "för en stund sedan"],
};

#[rustfmt::skip]
pub static DANISH: Lexicon = Lexicon {
    language: "da",
    alarms: &[
        "fare", "livsfare", "nødsituation", "akut fare", "kniv", "kniven", "knive", "knivene",
        "knivstak", "knivstukket", "knivstikker", "våben", "våbnet", "pistol", "pistolen", "gevær",
        "geværet", "økse", "øksen", "bombe", "bomben", "vold", "volden", "voldelig", "voldelige",
        "overfald", "overfaldet", "overfaldt", "overfalder", "gidsel", "bløder", "blodet",
        "følger efter", "fulgte efter", "fulgt efter", "følge efter", "forfølge", "forfølger", "forfulgte", "forfulgt",
        "forfølges", "skygger mig", "venter på mig", "venter udenfor", "står og venter",
        "ude efter mig", "ved hvor jeg bor", "truer mig", "truer os", "dræbe mig", "dræber mig",
        "dræbe os", "myrde*", "slå mig ihjel", "slå ihjel", "slår mig ihjel", "slår ihjel",
        "tage livet af", "skyde mig", "skyder på", "skyde på", "bryder ind", "brød ind",
        "prøver at komme ind", "forsøger at komme ind", "trænger ind", "trængte ind",
        "prøver at åbne døren", "tog fat i mig", "tager fat i mig", "hev fat i mig",
        "holdt mig fast", "holder mig fast", "kvælertag", "ring til politiet", "ring politiet",
        "ringet til politiet", "ringer til politiet", "tør ikke gå", "tør ikke forlade",
        "kan ikke komme ud", "låst inde",
    ],
    short_alarms: &["hjælp mig", "red mig", "kom herhen", "skynd jer"],
    harm: &[
        "slå", "slår", "slog", "slået", "sparke", "sparker", "sparkede", "skubbe", "skubber",
        "skubbede", "skubbet", "spytte", "spytter", "spyttede", "spyttet", "bide", "bider", "bed",
        "bidt", "kradse", "kradser", "kradsede", "kvæle", "kvæler", "kvalte", "kvalt", "stikke",
        "stikker", "stak", "stukket", "skyde", "skyder", "skød", "skudt", "nive", "niver", "kneb",
        "angreb", "angriber", "angrebet", "slog ned",
    ],
    harm_particles: &[
        "op", "upp", "igen", "fast", "af", "ind", "sammen", "om", "på", "til", "igennem", "over",
        "ud", "fra",
    ],
    not_persons: &["det", "der", "hvilket", "som"],
    passive: &["blev", "blevet", "bliver"],
    persons: &[
        "han", "hun", "de", "nogen", "en mand", "en kvinde", "manden", "kvinden", "fyren",
        "personen", "borgeren", "kunden", "klienten", "brugeren", "eleven", "patienten", "faderen",
        "moderen", "forælderen", "gerningsmanden", "naboen",
    ],
    victims: &[
        "mig", "os", "dig", "hende", "ham", "dem", "kollegaen", "min kollega", "kollegen",
        "børnene", "mit barn",
    ],
    present: &[
        "er", "står", "sidder", "venter", "findes", "går", "kommer", "lurer", "sniger", "løber",
        "hænger", "befinder",
    ],
    past: &["stod", "sad", "ventede", "var", "kom", "gik", "dukkede"],
    places: &[
        "her", "herhen", "udenfor", "derude", "herude", "døren", "hoveddøren", "dør", "indgangen",
        "receptionen", "parkeringspladsen", "p-pladsen", "opgangen", "trappen", "gangen",
        "vinduet", "venteværelset", "gården", "nedenfor", "hjemme hos mig", "hjemme hos os",
        "hjem til mig", "hjem til os", "mit hjem", "mit hus", "min bolig", "min lejlighed",
        "hvor jeg bor", "i bilen", "ved bilen", "min bil", "bag mig", "porten",
    ],
    doors: &[
        "dør", "døren", "dørene", "hoveddøren", "porten", "vinduet", "vindue",
    ],
    forcing: &[
        "hamrer", "hamrede", "banker", "bankede", "sparker", "sparkede", "rykker", "rykkede",
        "hiver i", "hev i", "slår på", "slog på", "bryder", "brækker",
    ],
    fear: &[
        "bange", "rædselsslagen", "skrækslagen", "livrædd", "panik", "panikken", "dødsens angst",
        "rædsel",
    ],
    not_fear_after: &[],
    safe: &["tryg", "trygt", "i sikkerhed"],
    negations: &["ikke", "ik", "ingen", "intet", "aldrig", "ej"],
    cessation: &["holder", "stopper", "stoppe", "ophører", "giver"],
    not_now: &[
        "i går", "igår", "i forgårs", "sidste", "sidst", "i fjor", "sidste år", "for ? siden",
        "for ? ? siden", "for ? ? ? siden", "tidligere i år", "i morgen", "imorgen", "næste uge",
        "i overmorgen",
    ],
    demonstratives: &["de", "den", "det"],
    now: &["nu", "stadig", "stadigvæk", "lige nu", "endnu", "for lidt siden", "lige før"],
};

#[rustfmt::skip]
pub static ENGLISH: Lexicon = Lexicon {
    language: "en",
    alarms: &[
        "danger", "dangerous", "emergency", "knife", "knives", "weapon", "weapons", "gun",
        "pistol", "axe", "bomb", "violence", "violent", "assault*", "attacked", "attacking",
        "stabbed", "stabbing", "stalking", "stalked", "stalker", "hostage", "bleeding",
        "following me", "followed me", "being followed", "follows me", "waiting for me",
        "after me", "knows where i live", "threatening me", "threatening us", "kill me", "kill us",
        "going to kill", "gonna kill", "murder*", "shoot me", "shooting", "break in",
        "breaking in", "broke in", "trying to get in", "forcing his way", "forcing her way",
        "grabbed me", "grabbing me", "holding me", "won t let me", "call the police",
        "called the police", "calling the police", "call 911", "can t get out", "locked in",
        "afraid to go",
    ],
    short_alarms: &["help me", "please help", "save me", "hurry"],
    harm: &[
        "hit", "hits", "hitting", "punch", "punched", "punching", "kick", "kicked", "kicking",
        "kicks", "push", "pushed", "pushing", "shoved", "slap", "slapped", "slapping", "choke",
        "choked", "choking", "strangled", "strangling", "beat", "beating", "beaten", "spat",
        "spit", "spitting", "bit", "bitten", "shot", "injured",
    ],
    harm_particles: &["on", "up", "off", "out", "back", "the"],
    not_persons: &["it", "that", "this", "which"],
    passive: &["was", "got", "been", "being", "were"],
    persons: &[
        "he", "she", "they", "someone", "somebody", "a man", "a woman", "the man", "the woman",
        "guy", "the citizen", "the client", "the customer", "the resident", "the father",
        "the mother", "the parent", "the patient", "the neighbour", "the neighbor",
    ],
    victims: &[
        "me", "us", "you", "her", "him", "them", "my colleague", "my child", "the kids",
    ],
    present: &[
        "is", "s", "are", "re", "standing", "waiting", "sitting", "lurking", "coming", "hanging",
        "stands", "waits", "sits",
    ],
    past: &["was", "were", "stood", "waited", "sat", "came"],
    places: &[
        "here", "outside", "out there", "at the door", "the door", "front door", "in the car",
        "by the car", "my car", "parking", "car park", "lobby", "reception", "downstairs",
        "my house", "my home", "my flat", "my apartment", "where i live", "behind me",
        "in the hallway", "at my window", "waiting room",
    ],
    doors: &["door", "doors", "window", "windows", "gate"],
    forcing: &[
        "banging", "banged", "bangs", "pounding", "pounded", "hammering", "hammered", "kicking",
        "kicked", "rattling", "rattled", "forcing", "forced",
    ],
    fear: &[
        "scared", "afraid", "terrified", "frightened", "petrified", "panicking", "panic",
        "fear for my life",
    ],
    not_fear_after: &["i", "that", "not", "so", "of making"],
    safe: &["safe"],
    negations: &[
        "not", "no", "never", "t", "nobody", "nothing", "none", "nowhere",
    ],
    cessation: &["stop", "stops", "stopping", "quit", "leave"],
    not_now: &[
        "yesterday", "last week", "last month", "last year", "last night", "last time", "ago",
        "the other day", "earlier this year", "in the past", "tomorrow", "next week",
    ],
    demonstratives: &["this", "that"],
    now: &["now", "still", "right now", "again", "just now", "a minute ago", "minutes ago"],
};

/// Every lexicon, tried in turn.
pub static LEXICONS: &[&Lexicon] = &[&SWEDISH, &DANISH, &ENGLISH];

/// A sentence with more words than this is treated as running text: only its alarms count
/// towards a call for help (`short_alarms`).
const SHORT_SENTENCE: usize = 4;
/// How far apart (in words) a person and a place may be and still be read together.
const NEAR: usize = 6;
/// How far around a match a negation is looked for.
const NEGATION_BEFORE: usize = 3;
const NEGATION_AFTER: usize = 1;

/// Whether the text speaks of acute danger, in any of the languages.
pub fn mentions_danger(text: &str) -> bool {
    sentences(text).any(|words| LEXICONS.iter().any(|lex| sentence_in_danger(lex, &words)))
}

/// Whether a sentence may be about now: it names no other time, or it also says "now". Time
/// words of every language count ("i morgon" in a sentence otherwise read as Danish).
fn is_now(words: &[String]) -> bool {
    let other_time = LEXICONS.iter().any(|l| any_in(l.not_now, words));
    !other_time || LEXICONS.iter().any(|l| any_in(l.now, words))
}

/// Whether one lexicon finds danger in the text (for tests of one language at a time).
pub fn mentions_danger_in(lex: &Lexicon, text: &str) -> bool {
    sentences(text).any(|words| sentence_in_danger(lex, &words))
}

/// Lower-cased, folded words per sentence.
/// "But" starts a sentence of its own: "han var här i går, men nu är han borta".
fn sentences(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.split(['.', '!', '?', ';', '\n', '¡', '¿'])
        .flat_map(|sentence| {
            let words = words(sentence);
            words
                .split(|w| BUT.contains(&w.as_str()))
                .map(<[String]>::to_vec)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
}

/// Words that begin a contrasting clause, in every language.
const BUT: &[&str] = &["men", "but"];

fn words(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// Lower case, with the Nordic letters that differ between Swedish and Danish keyboards made one.
fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'æ' => 'ä',
            'ø' => 'ö',
            other => other,
        })
        .collect()
}

/// Where a pattern matches: `(start, end)` word ranges.
fn find(pattern: &str, words: &[String]) -> Vec<(usize, usize)> {
    let parts: Vec<String> = pattern.split(' ').map(fold).collect();
    if parts.len() > words.len() {
        return Vec::new();
    }
    (0..=words.len() - parts.len())
        .filter(|&i| {
            parts
                .iter()
                .zip(&words[i..])
                .all(|(p, w)| word_matches(p, w))
        })
        .map(|i| (i, i + parts.len()))
        .collect()
}

fn word_matches(pattern: &str, word: &str) -> bool {
    if pattern == "?" {
        return true;
    }
    match pattern.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => pattern == word,
    }
}

fn find_any(patterns: &[&str], words: &[String]) -> Vec<(usize, usize)> {
    patterns.iter().flat_map(|p| find(p, words)).collect()
}

fn any_in(patterns: &[&str], words: &[String]) -> bool {
    patterns.iter().any(|p| !find(p, words).is_empty())
}

fn is_one_of(patterns: &[&str], word: Option<&String>) -> bool {
    word.is_some_and(|w| patterns.iter().any(|p| word_matches(&fold(p), w)))
}

/// Whether a negation near `start..end` cancels a match there. Words of the matched pattern
/// itself (`own`) never count ("vågar inte gå" is an alarm because of its "inte").
fn negated(words: &[String], (start, end): (usize, usize), own: bool) -> bool {
    let from = start.saturating_sub(NEGATION_BEFORE);
    let to = (end + NEGATION_AFTER).min(words.len());
    (from..to).any(|j| {
        if own && (start..end).contains(&j) {
            return false;
        }
        if !LEXICONS
            .iter()
            .any(|l| is_one_of(l.negations, words.get(j)))
        {
            return false;
        }
        // "han slutar inte …", "he won't stop …": the negation is of stopping.
        let around = j.saturating_sub(2)..(j + 3).min(words.len()).min(start.max(j + 1));
        let stopping = around.clone().chain(j..start.max(j)).any(|k| {
            LEXICONS
                .iter()
                .any(|l| is_one_of(l.cessation, words.get(k)))
        });
        !stopping
    })
}

fn sentence_in_danger(lex: &Lexicon, words: &[String]) -> bool {
    // A calm account of something earlier is not acute, unless it also says "now".
    if !is_now(words) {
        return false;
    }
    let clear = |span: (usize, usize), own: bool| !negated(words, span, own);

    let alarm = find_any(lex.alarms, words)
        .into_iter()
        .any(|s| clear(s, true));
    let short = words.len() <= SHORT_SENTENCE
        && find_any(lex.short_alarms, words)
            .into_iter()
            .any(|s| clear(s, true));
    alarm
        || short
        || harm(lex, words, &clear)
        || presence(lex, words, &clear)
        || forcing(lex, words, &clear)
        || fear(lex, words, &clear)
        || safety_denied(lex, words)
}

/// A harm verb with someone doing it, someone it is done to, or a passive auxiliary.
fn harm(lex: &Lexicon, words: &[String], clear: &dyn Fn((usize, usize), bool) -> bool) -> bool {
    let persons = find_any(lex.persons, words);
    let victims = find_any(lex.victims, words);
    find_any(lex.harm, words).into_iter().any(|(start, end)| {
        if start > 0 && is_one_of(lex.not_persons, words.get(start - 1)) {
            return false;
        }
        let particle = is_one_of(lex.harm_particles, words.get(end));
        let victim = victims
            .iter()
            .find(|(v, _)| *v >= end && *v <= end + 1 && !(particle && *v == end))
            .map(|&(_, v_end)| (start, v_end));
        let doer = (!particle)
            .then(|| {
                persons
                    .iter()
                    .find(|(_, p_end)| *p_end <= start && start - p_end <= 2)
                    .map(|&(p, _)| (p, end))
            })
            .flatten();
        let passive =
            (start > 0 && is_one_of(lex.passive, words.get(start - 1))).then_some((start - 1, end));
        [victim, doer, passive]
            .into_iter()
            .flatten()
            .any(|span| clear(span, false))
    })
}

/// The offender somewhere alarming, now: a person and a place near each other, with a verb of
/// being there in the present next to them or a "now" in the sentence.
fn presence(lex: &Lexicon, words: &[String], clear: &dyn Fn((usize, usize), bool) -> bool) -> bool {
    let persons = find_any(lex.persons, words);
    if persons.is_empty() {
        return false;
    }
    let places: Vec<_> = find_any(lex.places, words)
        .into_iter()
        .filter(|&(l, _)| l == 0 || !is_one_of(lex.demonstratives, words.get(l - 1)))
        .collect();
    let present = find_any(lex.present, words);
    let now = LEXICONS.iter().any(|l| any_in(l.now, words));
    persons.iter().any(|&(p, p_end)| {
        places.iter().any(|&(l, l_end)| {
            let span = (p.min(l), p_end.max(l_end));
            let apart = if l >= p_end {
                l - p_end
            } else {
                p.saturating_sub(l_end)
            };
            let near = |&(v, v_end): &(usize, usize)| {
                [(p, p_end), (l, l_end)]
                    .iter()
                    .any(|&(a, a_end)| v_end + 2 >= a && v <= a_end + 1)
            };
            apart <= NEAR && (now || present.iter().any(near)) && clear(span, false)
        })
    })
}

/// Someone forcing a door or a window.
fn forcing(lex: &Lexicon, words: &[String], clear: &dyn Fn((usize, usize), bool) -> bool) -> bool {
    let doors = find_any(lex.doors, words);
    find_any(lex.forcing, words).into_iter().any(|(f, f_end)| {
        doors.iter().any(|&(d, d_end)| {
            let apart = if d >= f_end {
                d - f_end
            } else {
                f.saturating_sub(d_end)
            };
            apart <= 3 && clear((f.min(d), f_end.max(d_end)), false)
        })
    })
}

fn fear(lex: &Lexicon, words: &[String], clear: &dyn Fn((usize, usize), bool) -> bool) -> bool {
    find_any(lex.fear, words).into_iter().any(|(start, end)| {
        let idiom = lex
            .not_fear_after
            .iter()
            .any(|p| find(p, &words[end..]).first().is_some_and(|&(s, _)| s == 0));
        !idiom && clear((start, end), false)
    })
}

/// "Jag känner mig inte trygg", "I'm not safe": a negation right before a word of safety.
fn safety_denied(lex: &Lexicon, words: &[String]) -> bool {
    find_any(lex.safe, words).into_iter().any(|(start, _)| {
        (start.saturating_sub(NEGATION_BEFORE)..start)
            .any(|j| is_one_of(lex.negations, words.get(j)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_fold_and_match_stems() {
        assert!(mentions_danger("Han står udenfor døren"));
        assert!(mentions_danger("han står utanför dörren"));
        assert!(mentions_danger("hon MISSHANDLADE honom"));
        assert!(!mentions_danger("farao"));
        assert!(!mentions_danger(""));
    }

    #[test]
    fn a_negation_cancels_unless_it_is_of_stopping() {
        assert!(!mentions_danger("jag är inte rädd"));
        assert!(!mentions_danger("ingen står utanför"));
        assert!(mentions_danger("han slutar inte följa efter mig"));
        assert!(mentions_danger("he won't stop following me"));
        assert!(mentions_danger("jag vågar inte gå hem"));
    }

    #[test]
    fn an_earlier_event_is_not_acute_unless_now() {
        assert!(!mentions_danger("han stod utanför dörren i går"));
        assert!(mentions_danger(
            "han stod utanför i går och nu är han här igen"
        ));
        assert!(!mentions_danger("he hit me last year"));
    }

    #[test]
    fn languages_keep_their_own_words() {
        // English "her" is not the Danish "here".
        assert!(!mentions_danger("she is with her sister"));
        assert!(mentions_danger("hun er her"));
    }
}
