//! Moving a person through a playbook: commands (help, back, menu, stop, language), choices and
//! what they record, acute danger from anywhere, and putting a step in front of someone else
//! (a notification or a check-in).

use std::borrow::Cow;

use super::command::{Command, Input};
use super::employee::{EMPLOYEE, HELPER_ASK};
use super::escalation;
use super::evidence::{self, EvidenceKind};
use super::helper::{HELPER, HELPER_ADD, HELPER_ENDED, HELPER_INVITED};
use super::playbook::{Act, Context, Goto, Phase, Target};
use super::playbook::{Task, TaskStatus};
use super::render::{render_step, visible_choices, Ctx};
use super::state::{Added, Basis, Case, CaseEvent, Duty, Helper};
use super::{find_step, Msg, Outgoing, Profile, Step, Tx};
use crate::model::Country;
use crate::model::{CaseId, PersonId};

/// How many steps "back" remembers.
const BACK_LIMIT: usize = 32;

pub(crate) fn message(tx: &mut Tx, from: &PersonId, input: &Input) {
    let Some(profile) = tx.env.directory.profile(from) else {
        // The driver only passes known persons; an unknown one gets no state at all.
        return;
    };
    if let Input::Command(Command::Ack(reference)) = input {
        escalation::ack_by_reference(tx, &profile, reference);
        return;
    }
    let now = tx.now();
    tx.conversation_mut(from).updated_at = now;
    if let Input::File { name, bytes } = input {
        // Files are evidence wherever they are sent: sealed to the person's own case, or, on a
        // helper's steps, to the case they help with (if they still do).
        let current = tx.world.conversations[from]
            .step
            .as_deref()
            .and_then(find_step)
            .map(|(_, s)| s);
        let kind = EvidenceKind::File { name: name.clone() };
        let saved = if current.is_some_and(|s| is_helper_step(s.id)) {
            seal_as_helper(tx, &profile, kind, bytes)
        } else {
            seal(tx, &profile, kind, bytes)
        };
        let target = current.map_or(EMPLOYEE.first, |s| s.id);
        show(tx, &profile, current, target, input, vec![saved]);
        return;
    }
    let conversation = tx.world.conversations[from].clone();
    let current = conversation
        .step
        .as_deref()
        .and_then(find_step)
        // A step about a case that is gone (erased) is no place to be: start again. Shown
        // without its case, it would name the reader as the one who was targeted.
        .filter(|(book, _)| {
            book.context != Context::About
                || super::context_case(&tx.world, &conversation).is_some()
        })
        .map(|(_, s)| s);
    let mut notes = Vec::new();

    let target: &'static str = match (current, input) {
        // Acute danger always wins, wherever the person is.
        (_, Input::Danger) => {
            tx.conversation_mut(from).paused = false;
            enter_danger(tx, &profile, current);
            EMPLOYEE.danger
        }
        (None, Input::Command(Command::Language(Some(lang)))) => {
            tx.conversation_mut(from).language = Some(*lang);
            EMPLOYEE.first
        }
        (None, _) => EMPLOYEE.first,
        (Some(current), _) if conversation.paused => {
            if *input == Input::Command(Command::Stop) {
                notes.push(Msg::new("paused"));
                tx.reply(note_only(&profile, notes));
                return;
            }
            tx.conversation_mut(from).paused = false;
            notes.push(Msg::new("resumed"));
            current.id
        }
        (Some(current), Input::Command(command)) => match command {
            Command::Help => {
                notes.push(Msg::new("help"));
                current.id
            }
            Command::Stop => {
                tx.conversation_mut(from).paused = true;
                tx.reply(note_only(&profile, vec![Msg::new("paused")]));
                return;
            }
            Command::Back => match pop_back(tx, from) {
                Some(previous) => previous,
                None => {
                    notes.push(Msg::new("error-nothing-to-go-back-to"));
                    current.id
                }
            },
            Command::Menu => {
                remember(tx, from, current);
                "menu"
            }
            Command::Language(None) => {
                remember(tx, from, current);
                "language"
            }
            Command::Language(Some(lang)) => {
                tx.conversation_mut(from).language = Some(*lang);
                notes.push(Msg::new("language-changed"));
                current.id
            }
            Command::Ack(_) => unreachable!("handled above"),
        },
        (Some(current), Input::Choose(n)) => choose(tx, &profile, current, *n, &mut notes),
        (Some(current), Input::Unrecognized) => {
            let max = visible_count(tx, &profile, current);
            notes.push(Msg::new("error-not-understood").arg("max", super::Arg::Num(max)));
            current.id
        }
        (Some(current), Input::Said(said)) => {
            notes.push(Msg::new(said.message_id()));
            current.id
        }
        (Some(current), Input::TooLong) => {
            notes.push(Msg::new("error-too-long"));
            current.id
        }
        (Some(current), Input::Empty) => current.id,
        (Some(current), Input::Text(text)) if current.id == HELPER_ASK => {
            name_helper(tx, &profile, current, text, &mut notes)
        }
        (Some(current), Input::Text(text)) if current.id == HELPER_ADD => {
            let trimmed = text.trim();
            notes.push(seal_as_helper(
                tx,
                &profile,
                evidence_kind(trimmed),
                trimmed.as_bytes(),
            ));
            current.id
        }
        (Some(current), Input::Text(text)) if super::takes_text(current.id) => {
            let trimmed = text.trim();
            notes.push(seal(
                tx,
                &profile,
                evidence_kind(trimmed),
                trimmed.as_bytes(),
            ));
            if super::command::mentions_danger(trimmed) {
                notes.push(Msg::new("evidence-danger-reminder"));
            }
            current.id
        }
        (Some(current), Input::Text(_)) => {
            let max = visible_count(tx, &profile, current);
            notes.push(Msg::new("error-not-understood").arg("max", super::Arg::Num(max)));
            current.id
        }
        (Some(current), Input::File { .. }) => current.id,
    };
    show(tx, &profile, current, target, input, notes);
}

fn note_only(profile: &Profile, body: Vec<Msg>) -> Outgoing {
    Outgoing {
        to: profile.person.clone(),
        body,
        options: Vec::new(),
    }
}

fn visible_count(tx: &Tx, profile: &Profile, step: &'static Step) -> i64 {
    let conversation = &tx.world.conversations[&profile.person];
    let ctx = Ctx::new(&tx.world, conversation, profile, &tx.env);
    visible_choices(step, &ctx).count() as i64
}

fn choose(
    tx: &mut Tx,
    profile: &Profile,
    current: &'static Step,
    n: u32,
    notes: &mut Vec<Msg>,
) -> &'static str {
    let person = &profile.person;
    let choice = {
        let conversation = &tx.world.conversations[person];
        let ctx = Ctx::new(&tx.world, conversation, profile, &tx.env);
        let visible: Vec<_> = visible_choices(current, &ctx).collect();
        match usize::try_from(n)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| visible.get(i))
        {
            Some(choice) => **choice,
            None => {
                notes.push(
                    Msg::new("error-out-of-range")
                        .arg("max", super::Arg::Num(visible.len() as i64)),
                );
                return current.id;
            }
        }
    };
    apply(tx, profile, choice.act, current, notes);
    let goto = choice.goto.unwrap_or(current.next);
    match resolve(tx, profile, goto) {
        // Going back must not push the step we leave.
        Target::Back => pop_back(tx, person).unwrap_or(EMPLOYEE.first),
        Target::Step(id) => {
            let id = skip_inapplicable(tx, profile, id);
            if id != current.id {
                remember(tx, person, current);
            }
            id
        }
    }
}

fn resolve(tx: &Tx, profile: &Profile, goto: &[Goto]) -> Target {
    let conversation = &tx.world.conversations[&profile.person];
    let ctx = Ctx::new(&tx.world, conversation, profile, &tx.env);
    goto.iter()
        .find(|g| super::render::holds(g.when, &ctx))
        .map_or(Target::Back, |g| g.to)
}

/// Follow default transitions past steps that do not apply to this case.
fn skip_inapplicable(tx: &Tx, profile: &Profile, mut id: &'static str) -> &'static str {
    let conversation = &tx.world.conversations[&profile.person];
    for _ in 0..EMPLOYEE.steps.len() {
        let Some((_, step)) = find_step(id) else {
            return id;
        };
        let ctx = Ctx::new(&tx.world, conversation, profile, &tx.env);
        // A manager walking the checklist again (from a reminder) sees only what is still open.
        let answered = step.task.filter(|t| t.is_manager()).is_some_and(|t| {
            ctx.case.is_some_and(|c| {
                matches!(
                    c.tasks.get(&t),
                    Some(TaskStatus::Done | TaskStatus::NotRelevant)
                )
            })
        });
        if super::render::holds(step.when, &ctx) && !answered {
            return id;
        }
        match step
            .next
            .iter()
            .find(|g| super::render::holds(g.when, &ctx))
            .map_or(Target::Back, |g| g.to)
        {
            Target::Step(next) => id = next,
            Target::Back => return id,
        }
    }
    id
}

/// The case an act on this step is about: someone else's for recipient steps, else the
/// person's own (opened if needed).
fn act_case(tx: &mut Tx, profile: &Profile, step: &Step) -> Option<CaseId> {
    let is_about = find_step(step.id).is_some_and(|(book, _)| book.context == Context::About);
    if is_about {
        tx.world.conversations[&profile.person].about.clone()
    } else {
        Some(ensure_case(tx, profile))
    }
}

fn apply(tx: &mut Tx, profile: &Profile, act: Act, step: &Step, notes: &mut Vec<Msg>) {
    let now = tx.now();
    let person = &profile.person;
    match act {
        Act::Nothing => return,
        Act::Language(lang) => {
            tx.conversation_mut(person).language = Some(lang);
            return;
        }
        Act::NewCase => {
            let conversation = tx.conversation_mut(person);
            conversation.case = None;
            conversation.back.clear();
            return;
        }
        _ => {}
    }
    let Some(case_id) = act_case(tx, profile, step) else {
        return;
    };
    let Some(case) = tx.world.cases.get_mut(&case_id) else {
        return;
    };
    match act {
        Act::Decline => {
            if let Some(task) = step.task {
                case.tasks.insert(task, TaskStatus::Later);
            }
            notes.push(Msg::new("tell-declined"));
        }
        Act::Status(status) => {
            if let Some(task) = step.task {
                case.tasks.insert(task, status);
                // The checklist's "reported/registered" is the reporting duty Fyr reminds of.
                if task == Task::MgrReport && status == TaskStatus::Done {
                    let duty = match case.country {
                        Country::Sweden => Duty::WorkEnvironmentAuthority,
                        Country::Denmark => Duty::Registration,
                    };
                    escalation::duty_done(tx, profile, &case_id, duty);
                }
            }
        }
        Act::Kind(kind) => case.kind = Some(kind),
        Act::Channel(channel) => case.channel = Some(channel),
        Act::Danger => {
            case.immediate_danger_at = Some(now);
            case.record(now, CaseEvent::ImmediateDanger);
        }
        Act::Scope(scope) => case.draft.scope = Some(scope),
        Act::Request(request) => case.draft.request = Some(request),
        Act::SendConsent => escalation::consent(tx, &case_id, Basis::Chat),
        Act::Withdraw => escalation::withdraw(tx, &case_id),
        Act::AlertNow => {
            escalation::alert_now(tx, &case_id);
            notes.extend(escalation::alerted_notes(tx, &case_id));
        }
        Act::Ack => escalation::ack(tx, profile, &case_id, notes),
        Act::DutyDone(duty) => escalation::duty_done(tx, profile, &case_id, duty),
        Act::DutyNotApplicable(duty) => {
            escalation::duty_not_applicable(tx, profile, &case_id, duty)
        }
        Act::CheckInAnswered => case.record(now, CaseEvent::CheckInAnswered),
        Act::Snooze => escalation::snooze(tx, &case_id),
        Act::CloseCase => escalation::close(tx, &case_id),
        Act::InviteHelper => invite_helper(tx, &case_id, notes),
        Act::RemoveHelpers => remove_helpers(tx, &case_id),
        Act::Export => tx.effects.push(super::Effect::Export {
            case: case_id.clone(),
            to: person.clone(),
        }),
        Act::EraseMine => {
            // Everything of the person's goes: their cases (in the store, by the driver) and
            // where they were in the conversation.
            tx.world.cases.retain(|_, c| c.owner != *person);
            let language = tx.world.conversations[person].language;
            let fresh = super::Conversation::new(person.clone(), now);
            tx.world
                .conversations
                .insert(person.clone(), super::Conversation { language, ..fresh });
            tx.effects.push(super::Effect::EraseOwner(person.clone()));
        }
        Act::Nothing | Act::Language(_) | Act::NewCase => {}
    }
}

/// A link if the text is one URL, else a note.
fn evidence_kind(text: &str) -> EvidenceKind {
    let is_link = (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace);
    if is_link {
        EvidenceKind::Link
    } else {
        EvidenceKind::Note
    }
}

fn is_helper_step(id: &str) -> bool {
    HELPER.step(id).is_some()
}

/// The employee wrote a colleague's name: one match is put in the draft and shown for
/// confirmation; none, several or themselves get a note and the question again.
fn name_helper(
    tx: &mut Tx,
    profile: &Profile,
    current: &'static Step,
    text: &str,
    notes: &mut Vec<Msg>,
) -> &'static str {
    let found = tx.env.directory.find_by_name(text);
    match found.as_slice() {
        [] => notes.push(Msg::new("helper-not-found")),
        [one] if *one == profile.person => notes.push(Msg::new("helper-not-yourself")),
        [one] => {
            let id = ensure_case(tx, profile);
            if let Some(case) = tx.world.cases.get_mut(&id) {
                case.draft.helper = Some(one.clone());
            }
            remember(tx, &profile.person, current);
            return "helper-confirm";
        }
        _ => notes.push(Msg::new("helper-ambiguous")),
    }
    current.id
}

/// Invite the colleague in the draft: recorded on the case, and they are told.
fn invite_helper(tx: &mut Tx, case_id: &CaseId, notes: &mut Vec<Msg>) {
    let now = tx.now();
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        return;
    };
    let Some(helper) = case.draft.helper.take() else {
        return;
    };
    if case.active_helper(&helper).is_some() {
        notes.push(Msg::new("helper-already"));
        return;
    }
    case.helpers.push(Helper {
        person: helper.clone(),
        invited_at: now,
        removed_at: None,
        added: Vec::new(),
    });
    case.record(
        now,
        CaseEvent::HelperInvited {
            person: helper.clone(),
        },
    );
    prompt(tx, &helper, HELPER_INVITED, case_id, Vec::new());
}

/// End every helper's access; each is told, without any detail of the case.
fn remove_helpers(tx: &mut Tx, case_id: &CaseId) {
    let now = tx.now();
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        return;
    };
    let mut removed = Vec::new();
    for helper in case.helpers.iter_mut().filter(|h| h.removed_at.is_none()) {
        helper.removed_at = Some(now);
        removed.push(helper.person.clone());
    }
    for person in &removed {
        case.record(
            now,
            CaseEvent::HelperRemoved {
                person: person.clone(),
            },
        );
    }
    for person in removed {
        prompt(tx, &person, HELPER_ENDED, case_id, Vec::new());
    }
}

/// Seal content from a helper onto the case they help with. Someone who does not (or no
/// longer) help is refused, and the attempt is recorded on the case.
fn seal_as_helper(tx: &mut Tx, profile: &Profile, kind: EvidenceKind, content: &[u8]) -> Msg {
    let now = tx.now();
    let person = &profile.person;
    let about = tx.world.conversations[person].about.clone();
    let Some((id, case)) = about.and_then(|id| tx.world.cases.get_mut(&id).map(|c| (id, c))) else {
        return Msg::new("helper-not-active");
    };
    if case.active_helper(person).is_none() {
        case.record(now, CaseEvent::HelperRefused { by: person.clone() });
        return Msg::new("helper-not-active");
    }
    let item = evidence::seal(case, kind, content, person, "chat", now);
    case.record(now, CaseEvent::EvidenceSealed { seq: item.seq });
    if let Some(helper) = case
        .helpers
        .iter_mut()
        .find(|h| h.person == *person && h.removed_at.is_none())
    {
        helper.added.push(Added {
            seq: item.seq,
            at: now,
            hash: item.content_hash[..12].to_string(),
        });
    }
    let saved = Msg::new("helper-saved")
        .arg("n", super::Arg::Num(i64::from(item.seq)))
        .str("hash", item.content_hash[..12].to_string())
        .str("case", id.to_string());
    tx.effects.push(super::Effect::SealEvidence {
        item,
        content: content.to_vec(),
    });
    saved
}

/// Seal content as evidence on the person's own case; returns the note telling them so.
fn seal(tx: &mut Tx, profile: &Profile, kind: EvidenceKind, content: &[u8]) -> Msg {
    let now = tx.now();
    let id = ensure_case(tx, profile);
    let case = tx
        .world
        .cases
        .get_mut(&id)
        .expect("ensure_case leaves the case in the world");
    let item = evidence::seal(case, kind, content, &profile.person, "chat", now);
    case.record(now, CaseEvent::EvidenceSealed { seq: item.seq });
    let saved = Msg::new("evidence-saved")
        .arg("n", super::Arg::Num(i64::from(item.seq)))
        .str("hash", item.content_hash[..12].to_string())
        .str("case", id.to_string());
    tx.effects.push(super::Effect::SealEvidence {
        item,
        content: content.to_vec(),
    });
    saved
}

/// The person's own current case, opened now if there is none.
fn ensure_case(tx: &mut Tx, profile: &Profile) -> CaseId {
    let person = &profile.person;
    if let Some(id) = tx.world.conversations[person].case.clone() {
        if tx.world.cases.contains_key(&id) {
            return id;
        }
    }
    let id = tx.env.fresh_case_id.clone();
    let case = Case::new(
        id.clone(),
        person.clone(),
        profile.unit.clone(),
        profile.country,
        tx.now(),
    );
    tx.world.cases.insert(id.clone(), case);
    tx.conversation_mut(person).case = Some(id.clone());
    escalation::case_opened(tx, &id);
    id
}

fn enter_danger(tx: &mut Tx, profile: &Profile, current: Option<&'static Step>) {
    let now = tx.now();
    let id = ensure_case(tx, profile);
    if let Some(case) = tx.world.cases.get_mut(&id) {
        case.immediate_danger_at = Some(now);
        case.record(now, CaseEvent::ImmediateDanger);
    }
    if let Some(current) = current {
        remember(tx, &profile.person, current);
    }
}

fn remember(tx: &mut Tx, person: &PersonId, current: &Step) {
    if current.transient {
        return;
    }
    let back = &mut tx.conversation_mut(person).back;
    if back.last().map(|id| &**id) != Some(current.id) {
        back.push(Cow::Borrowed(current.id));
    }
    if back.len() > BACK_LIMIT {
        back.remove(0);
    }
}

fn pop_back(tx: &mut Tx, person: &PersonId) -> Option<&'static str> {
    let conversation = tx.conversation_mut(person);
    while let Some(id) = conversation.back.pop() {
        if let Some((_, step)) = find_step(&id) {
            return Some(step.id);
        }
    }
    None
}

/// Move the writer to `target` and answer with it.
fn show(
    tx: &mut Tx,
    profile: &Profile,
    previous: Option<&'static Step>,
    target: &'static str,
    input: &Input,
    notes: Vec<Msg>,
) {
    let (_, target) =
        find_step(target).expect("every transition target exists (playbook walk test)");
    let stays_in_danger = target.id == EMPLOYEE.danger
        && previous.is_some_and(|s| s.id == EMPLOYEE.danger)
        && !matches!(input, Input::Command(Command::Language(_)))
        && notes.iter().all(|n| n.id != "danger-alerted");
    // Not understood, or answered in words: the note, then only the question and its options
    // again — not the whole step.
    let short = matches!(input, Input::Unrecognized | Input::Said(_))
        && previous.is_some_and(|s| s.id == target.id);
    let noted = notes.len();
    let out = place(tx, profile, target, None, notes);
    let out = if short {
        let mut body = out.body;
        let question = body[noted..]
            .iter()
            .rposition(|m| m.style == super::Style::Paragraph)
            .map(|i| body[noted + i].clone());
        body.truncate(noted);
        body.extend(question);
        Outgoing { body, ..out }
    } else {
        out
    };
    let out = if stays_in_danger {
        // Anything but "I am safe" while in danger: stay, short and calm, with 112 first.
        Outgoing {
            body: vec![Msg::new("danger-still-here")],
            ..out
        }
    } else {
        out
    };
    tx.reply(out);
}

/// Put `step` in front of `profile`'s person (about `about`, for recipient steps) and render it.
fn place(
    tx: &mut Tx,
    profile: &Profile,
    step: &'static Step,
    about: Option<&CaseId>,
    notes: Vec<Msg>,
) -> Outgoing {
    let person = &profile.person;
    let conversation = tx.conversation_mut(person);
    conversation.step = Some(Cow::Borrowed(step.id));
    if let Some(about) = about {
        conversation.about = Some(about.clone());
    }
    let conversation = tx.world.conversations[person].clone();
    let phase_case = super::context_case(&tx.world, &conversation).map(|c| c.id.clone());
    let now = tx.now();
    if let Some(case) = phase_case.and_then(|id| tx.world.cases.get_mut(&id)) {
        if !step.transient && step.phase != Phase::Start && case.owner == *person {
            case.phase = step.phase;
        }
        case.updated_at = now;
    }
    let ctx = Ctx::new(&tx.world, &conversation, profile, &tx.env);
    render_step(step, &ctx, notes)
}

/// Put a step in front of someone other than the writer — a notification, a reminder, a
/// check-in — and queue it in the outbox. Their place is remembered, so "back" returns to it.
pub(crate) fn prompt(
    tx: &mut Tx,
    person: &PersonId,
    step_id: &str,
    case: &CaseId,
    notes: Vec<Msg>,
) {
    let Some(profile) = tx.env.directory.profile(person) else {
        return;
    };
    let Some((book, step)) = find_step(step_id) else {
        return;
    };
    if let Some(current) = tx
        .conversation_mut(person)
        .step
        .clone()
        .as_deref()
        .and_then(find_step)
    {
        if current.1.id != step.id {
            remember(tx, person, current.1);
        }
    }
    let about = match book.context {
        Context::About => Some(case),
        Context::Own => {
            tx.conversation_mut(person).case = Some(case.clone());
            None
        }
    };
    let conversation = tx.conversation_mut(person);
    conversation.paused = false;
    let message = place(tx, &profile, step, about, notes);
    tx.notify(case, message);
}

/// Answer the writer with a recipient step about `case` (after acknowledging by reference).
pub(crate) fn show_about(
    tx: &mut Tx,
    profile: &Profile,
    step_id: &str,
    case: &CaseId,
    notes: Vec<Msg>,
) {
    let Some((_, step)) = find_step(step_id) else {
        return;
    };
    let current = tx.world.conversations[&profile.person]
        .step
        .as_deref()
        .and_then(find_step);
    if let Some((_, current)) = current {
        if current.id != step.id {
            remember(tx, &profile.person, current);
        }
    }
    let out = place(tx, profile, step, Some(case), notes);
    tx.reply(out);
}
