//! Turning a step into a message for one reader: which conditions hold for them, which
//! paragraphs and options they see, and the dynamic parts (contacts, summary, notification
//! status, the preview of a notification). Language-free: the output is message ids and
//! arguments.

use std::borrow::Cow;

use super::playbook::{Choice, Cond, Para, Step, Task, TaskStatus};
use super::state::{Case, Conversation, Request, TrackKind, TrackState, World};
use super::{context_case, find_step, Arg, Env, Msg, Outgoing, Profile, Style, UnitPolicy};
use crate::model::IncidentKind;

/// Everything a condition or a message may depend on, for one reader.
pub struct Ctx<'a> {
    pub case: Option<&'a Case>,
    pub profile: &'a Profile,
    /// The policy of the case's unit, else of the reader's unit.
    pub policy: Option<&'a UnitPolicy>,
    pub env: &'a Env<'a>,
    /// The reader's notifications still waiting for an acknowledgement.
    pub pending: &'a [super::state::Pending],
}

impl<'a> Ctx<'a> {
    pub fn new(
        world: &'a World,
        conversation: &'a Conversation,
        profile: &'a Profile,
        env: &'a Env<'a>,
    ) -> Ctx<'a> {
        let case = context_case(world, conversation);
        Ctx {
            pending: &conversation.pending,
            ..Ctx::for_case(case, profile, env)
        }
    }

    pub fn for_case(case: Option<&'a Case>, profile: &'a Profile, env: &'a Env<'a>) -> Ctx<'a> {
        let unit = case.map_or(&profile.unit, |c| &c.unit);
        Ctx {
            case,
            profile,
            policy: env.directory.policy(unit),
            env,
            pending: &[],
        }
    }
}

/// Whether a condition holds for this reader and case (or, before a case exists, their unit).
pub fn holds(cond: Cond, ctx: &Ctx) -> bool {
    let case = ctx.case;
    let country = case.map_or(ctx.profile.country, |c| c.country);
    let kind = case.and_then(|c| c.kind);
    let asked_as = |track: TrackKind| {
        case.and_then(|c| c.track(track))
            .is_some_and(|t| t.was_asked(&ctx.profile.person))
    };
    let has_system = ctx.policy.is_some_and(|p| p.incident_system.is_some());
    let consent = case.is_some_and(Case::consent_active);
    let alerted = case.is_some_and(|c| c.track(TrackKind::Manager).is_some());
    let as_safety_rep = asked_as(TrackKind::SafetyRep) && !asked_as(TrackKind::Manager);
    let told = case.is_some_and(|c| !c.tracks.is_empty());
    match cond {
        Cond::Always => true,
        Cond::In(c) => country == c,
        Cond::Kinds(kinds) => kind.is_some_and(|k| kinds.contains(&k)),
        Cond::InKinds(c, kinds) => country == c && kind.is_some_and(|k| kinds.contains(&k)),
        Cond::KindUnknown => kind.is_none(),
        Cond::KindKnown => kind.is_some(),
        Cond::HasIncidentSystem => has_system,
        Cond::NoIncidentSystem => !has_system,
        Cond::ConsentActive => consent,
        Cond::NoConsent => !consent,
        Cond::Alerted => alerted,
        Cond::NotAlerted => !alerted,
        Cond::Online => match (kind, case.and_then(|c| c.channel)) {
            (Some(IncidentKind::OnlineExposure), _) => true,
            (_, Some(channel)) => channel == super::state::Channel::Online,
            (Some(k), None) => [
                IncidentKind::Threat,
                IncidentKind::Harassment,
                IncidentKind::Other,
            ]
            .contains(&k),
            (None, None) => false,
        },
        Cond::Via(channel) => case.and_then(|c| c.channel) == Some(channel),
        Cond::NotVia(channel) => case.and_then(|c| c.channel) != Some(channel),
        Cond::DangerAlarm => case.is_some_and(Case::danger_alarm),
        Cond::NoDangerAlarm => !case.is_some_and(Case::danger_alarm),
        Cond::WaitsForWorkday => {
            let on_call_first = case
                .and_then(|c| c.track(TrackKind::Manager))
                .is_some_and(|t| t.out_of_hours_first && t.state == TrackState::Open);
            ctx.policy
                .is_some_and(|p| !p.calendar.is_working(ctx.env.now))
                && !on_call_first
        }
        Cond::Urgent => case.is_some_and(Case::urgent),
        Cond::ForSafetyRep => as_safety_rep,
        Cond::ForManager => !as_safety_rep,
        Cond::InUrgent(c) => country == c && case.is_some_and(Case::urgent),
        Cond::All2(a, b) => holds(*a, ctx) && holds(*b, ctx),
        Cond::NobodyTold => !told,
        Cond::ReaderIsManager => ctx
            .env
            .directory
            .policy(&ctx.profile.unit)
            .is_some_and(|p| p.manager_chain.contains(&ctx.profile.person)),
        Cond::ReaderIsSafetyRep => ctx
            .env
            .directory
            .policy(&ctx.profile.unit)
            .is_some_and(|p| p.safety_reps.contains(&ctx.profile.person)),
        Cond::ReaderIsOnlySafetyRep => {
            holds(Cond::ReaderIsSafetyRep, ctx) && !holds(Cond::ReaderIsManager, ctx)
        }
        Cond::ReaderIsNeither => {
            !holds(Cond::ReaderIsSafetyRep, ctx) && !holds(Cond::ReaderIsManager, ctx)
        }
        Cond::DirectorRequired => ctx.policy.is_some_and(|p| p.inform_director),
        Cond::LocalItem(i) => local_item(ctx, i).is_some_and(|item| {
            (item.kinds.is_empty() || kind.is_some_and(|k| item.kinds.contains(&k)))
                && item
                    .urgent
                    .is_none_or(|u| case.is_some_and(|c| c.urgent()) == u)
        }),
        Cond::HasHelpers => case.is_some_and(|c| c.helpers.iter().any(|h| h.removed_at.is_none())),
        Cond::ReaderHelps => case.is_some_and(|c| c.active_helper(&ctx.profile.person).is_some()),
        Cond::Fills(slot) => (super::jurisdiction::of(country).paragraphs)(slot)
            .iter()
            .any(|p| matches!(*p, Para::Text(c, _) if holds(c, ctx))),
        Cond::Reaches => reaches(ctx),
        Cond::ReachesNobody => !reaches(ctx),
        Cond::ReachedNobody => case
            .is_some_and(|c| !c.tracks.is_empty() && c.tracks.iter().all(|t| t.asked.is_empty())),
        Cond::ReachedSomeone => case.is_some_and(|c| c.tracks.iter().any(|t| !t.asked.is_empty())),
        Cond::ReaderAcknowledged => case.is_some_and(|c| {
            c.tracks
                .iter()
                .any(|t| t.acknowledged_by.as_ref() == Some(&ctx.profile.person))
        }),
    }
}

/// The options a reader sees on a step, as messages. The alarm button names who it alerts.
pub fn option_msgs(step: &'static Step, ctx: &Ctx) -> Vec<Msg> {
    let country = ctx.case.map_or(ctx.profile.country, |c| c.country).code();
    visible_choices(step, ctx)
        .map(|c| {
            // The country, for labels that name a role ("Skyddsombudet", "Arbejdsmiljø-
            // repræsentanten (AMR)").
            let msg = Msg::new(c.label).str("country", country);
            if c.label == "opt-alert-manager" {
                let (role, who) = alarm_recipient(ctx);
                msg.str("role", role).str("who", who)
            } else {
                msg
            }
        })
        .collect()
}

/// Who "alert my manager now" reaches first, and as what: the out-of-hours contact at night if
/// the unit has one, else the line manager; "none" when nobody is configured.
fn alarm_recipient(ctx: &Ctx) -> (&'static str, String) {
    let (Some(policy), owner) = (ctx.policy, &ctx.profile.person) else {
        return ("none", String::new());
    };
    let owner = ctx.case.map_or(owner, |c| &c.owner);
    let chain = super::escalation::chain_for(
        policy,
        ctx.env.directory,
        owner,
        TrackKind::Manager,
        true,
        ctx.env.now,
    );
    match chain.people.first() {
        Some(first) if chain.out_of_hours_first => ("out-of-hours", full_name(ctx.env, first)),
        Some(first) => ("manager", full_name(ctx.env, first)),
        None => ("none", String::new()),
    }
}

pub fn visible_choices<'c>(
    step: &'static Step,
    ctx: &'c Ctx<'c>,
) -> impl Iterator<Item = &'static Choice> + 'c {
    step.choices.iter().filter(move |c| holds(c.when, ctx))
}

pub(crate) fn kind_code(kind: Option<IncidentKind>) -> &'static str {
    match kind {
        Some(IncidentKind::Threat) => "threat",
        Some(IncidentKind::Harassment) => "harassment",
        Some(IncidentKind::OnlineExposure) => "online-exposure",
        Some(IncidentKind::Criticism) => "criticism",
        Some(IncidentKind::HardContact) => "hard-contact",
        Some(IncidentKind::Other) | None => "other",
    }
}

/// The full name of a person, for telling others about them.
pub fn full_name(env: &Env, person: &crate::model::PersonId) -> String {
    env.directory
        .profile(person)
        .map_or_else(|| person.to_string(), |p| p.full_name)
}

/// Arguments every message of a step may use. Without a case, templates are filled with the
/// reader's own name, today's date and "other".
fn common_args(ctx: &Ctx) -> Vec<(Cow<'static, str>, Arg)> {
    let blank = Msg {
        id: Cow::Borrowed(""),
        args: Vec::new(),
        style: Style::default(),
    };
    let mut msg = blank.str("name", ctx.profile.display_name.clone());
    if let Some(policy) = ctx.policy {
        let start = policy
            .calendar
            .add_working(ctx.env.now, chrono::Duration::zero());
        msg = msg.str("next_work", local_minute(policy, start));
    }
    if let Some(system) = ctx.policy.and_then(|p| p.incident_system.clone()) {
        msg = msg.str("system", system);
    }
    let local_date = |at: chrono::DateTime<chrono::Utc>| {
        use chrono::Datelike;
        let day = match ctx.policy {
            Some(p) => at.with_timezone(&p.calendar.timezone).date_naive(),
            None => at.date_naive(),
        };
        // What `%Y-%m-%d` writes, for the years a case has, without parsing a format string.
        format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
    };
    let msg = match ctx.case {
        Some(case) => {
            let request = case
                .request
                .or(case.draft.request)
                .unwrap_or(Request::JustKnow);
            msg.str("case", case.id.to_string())
                .str("country", case.country.code())
                .str("employee", full_name(ctx.env, &case.owner))
                .str("kind", kind_code(case.kind))
                .str("request", request.code())
                .str("date", local_date(case.opened_at))
        }
        None => msg
            .str("country", ctx.profile.country.code())
            .str("case", "-")
            .str("employee", ctx.profile.full_name.clone())
            .str("kind", "other")
            .str("date", local_date(ctx.env.now)),
    };
    msg.args
}

/// Render a step for the reader in `ctx`, after any notes.
pub fn render_step(step: &'static Step, ctx: &Ctx, notes: Vec<Msg>) -> Outgoing {
    let mut body = notes;
    // The common arguments are the same for every paragraph: made once, on first need.
    let mut common: Option<Vec<(Cow<'static, str>, Arg)>> = None;
    let mut common_args = |msg: Msg, ctx: &Ctx| -> Msg {
        let args = common.get_or_insert_with(|| common_args(ctx));
        let mut msg = msg;
        msg.args.extend(args.iter().cloned());
        msg
    };
    for para in step.body {
        match *para {
            Para::Text(cond, id) => {
                if holds(cond, ctx) {
                    body.push(common_args(Msg::new(id), ctx));
                }
            }
            Para::Slot(slot) => {
                let country = ctx.case.map_or(ctx.profile.country, |c| c.country);
                for para in (super::jurisdiction::of(country).paragraphs)(slot) {
                    if let Para::Text(cond, id) = *para {
                        if holds(cond, ctx) {
                            body.push(common_args(Msg::new(id), ctx));
                        }
                    }
                }
            }
            Para::Contacts => body.extend(contacts(ctx)),
            Para::Contact(kind) => body.extend(
                ctx.policy
                    .into_iter()
                    .flat_map(|p| p.contacts.iter())
                    .filter(|(k, _)| *k == kind)
                    .map(|(k, value)| {
                        Msg::new(k.message_id())
                            .str("value", value.clone())
                            .styled(Style::Item)
                    }),
            ),
            Para::Summary => body.extend(summary(ctx)),
            Para::Notifications => body.extend(notifications(ctx)),
            Para::Preview => body.extend(preview(ctx)),
            Para::Recipients => body.extend(recipients(ctx)),
            Para::Pending => body.extend(pending(ctx)),
            Para::ManagerChecklist => body.extend(checklist(ctx)),
            Para::ManagerOpen => {
                let open = open_manager_tasks(ctx);
                if !open.is_empty() {
                    body.push(common_args(Msg::new("mgr-open-reminder"), ctx));
                    body.extend(open.iter().map(|t| task_msg(*t, ctx).styled(Style::Item)));
                }
            }
            Para::LocalItem(i) => {
                if let Some(item) = local_item(ctx, i) {
                    body.push(Msg {
                        id: Cow::Owned(item.id.clone()),
                        args: Vec::new(),
                        style: Style::Paragraph,
                    });
                }
            }
            Para::WhoFiles => body.extend(who_files(ctx)),
            Para::Template(id) => body.push(common_args(Msg::new(id), ctx)),
            Para::WithHelper(id) => {
                let helper = ctx.case.and_then(|c| {
                    c.draft
                        .helper
                        .as_ref()
                        .or(c.helpers.last().map(|h| &h.person))
                });
                let name = helper.map(|p| full_name(ctx.env, p)).unwrap_or_default();
                body.push(common_args(Msg::new(id), ctx).str("helper", name));
            }
            Para::Helpers => body.extend(helpers(ctx)),
            Para::HelperItems => body.extend(helper_items(ctx)),
        }
    }
    let options = option_msgs(step, ctx);
    Outgoing {
        to: ctx.profile.person.clone(),
        body,
        options,
    }
}

/// The colleagues who help the employee now.
fn helpers(ctx: &Ctx) -> Vec<Msg> {
    let active: Vec<_> = ctx
        .case
        .map(|c| {
            c.helpers
                .iter()
                .filter(|h| h.removed_at.is_none())
                .collect()
        })
        .unwrap_or_default();
    if active.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Msg::new("helpers-current")];
    out.extend(active.iter().map(|h| {
        Msg::new("helpers-current-item")
            .str("helper", full_name(ctx.env, &h.person))
            .arg("count", super::Arg::Num(h.added.len() as i64))
            .styled(Style::Item)
    }));
    out
}

/// What the reader added to the case they help with. Never anything else of the case.
fn helper_items(ctx: &Ctx) -> Vec<Msg> {
    let added = ctx
        .case
        .and_then(|c| c.helpers.iter().find(|h| h.person == ctx.profile.person))
        .map(|h| h.added.as_slice())
        .unwrap_or_default();
    if added.is_empty() {
        return vec![Msg::new("helper-mine-none")];
    }
    let local = |at: chrono::DateTime<chrono::Utc>| match ctx.policy {
        Some(p) => at
            .with_timezone(&p.calendar.timezone)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        None => at.format("%Y-%m-%d %H:%M UTC").to_string(),
    };
    let mut out = vec![Msg::new("helper-mine-heading")];
    out.extend(added.iter().map(|a| {
        Msg::new("helper-mine-item")
            .arg("n", super::Arg::Num(i64::from(a.seq)))
            .str("time", local(a.at))
            .str("hash", a.hash.clone())
            .styled(Style::Item)
    }));
    out
}

fn contacts(ctx: &Ctx) -> Vec<Msg> {
    let contacts: Vec<_> = ctx
        .policy
        .map(|p| p.contacts.as_slice())
        .unwrap_or(&[])
        .iter()
        .filter(|(kind, _)| kind.for_employees())
        .collect();
    if contacts.is_empty() {
        return vec![Msg::new("contact-none").styled(Style::Item)];
    }
    contacts
        .into_iter()
        .map(|(kind, value)| {
            Msg::new(kind.message_id())
                .str("value", value.clone())
                .styled(Style::Item)
        })
        .collect()
}

/// Which tasks of a playbook apply to this case: those whose step applies.
fn relevant_tasks(book: &super::playbook::Playbook, ctx: &Ctx) -> Vec<Task> {
    book.steps
        .iter()
        .filter(|s| holds(s.when, ctx))
        .filter_map(|s| s.task)
        .collect()
}

fn summary(ctx: &Ctx) -> Vec<Msg> {
    let case = ctx.case;
    let status = |t: Task| case.and_then(|c| c.tasks.get(&t).copied());
    let tasks = relevant_tasks(&super::employee::EMPLOYEE, ctx);
    let done: Vec<Task> = tasks
        .iter()
        .copied()
        .filter(|t| status(*t) == Some(TaskStatus::Done))
        .collect();
    let left: Vec<Task> = tasks
        .iter()
        .copied()
        .filter(|t| matches!(status(*t), None | Some(TaskStatus::Later)))
        .collect();
    let mut out = Vec::new();
    if case.is_some_and(|c| c.immediate_danger_at.is_some()) {
        out.push(Msg::new("summary-danger"));
    }
    if done.is_empty() {
        out.push(Msg::new("summary-done-none"));
    } else {
        out.push(Msg::new("summary-done"));
        out.extend(done.iter().map(|t| Msg::new(t.label()).styled(Style::Item)));
    }
    if left.is_empty() {
        out.push(Msg::new("summary-left-none"));
    } else {
        out.push(Msg::new("summary-left"));
        out.extend(left.iter().map(|t| Msg::new(t.label()).styled(Style::Item)));
    }
    out.extend(notifications(ctx));
    out
}

/// Who was told and who acknowledged, for the employee.
fn notifications(ctx: &Ctx) -> Vec<Msg> {
    let Some(case) = ctx.case else {
        return Vec::new();
    };
    if case.tracks.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Msg::new("status-heading").str("case", case.id.to_string())];
    let on_call = ctx.policy.and_then(|p| p.out_of_hours.as_ref());
    for track in &case.tracks {
        let shown = track.acknowledged_by.as_ref().or(track.asked.last());
        let role = if track.kind == TrackKind::Manager && shown.is_some() && shown == on_call {
            "out-of-hours"
        } else {
            track.kind.code()
        };
        let line = match (&track.acknowledged_by, track.state) {
            (Some(by), _) => Msg::new("status-acknowledged").str("who", full_name(ctx.env, by)),
            (None, TrackState::Withdrawn) => Msg::new("status-withdrawn"),
            (None, TrackState::Exhausted) => Msg::new("status-nobody-answered"),
            (None, _) => {
                let asked = track.asked.last().map(|p| full_name(ctx.env, p));
                Msg::new("status-waiting").str("who", asked.unwrap_or_default())
            }
        };
        out.push(
            line.str("role", role)
                .str("country", case.country.code())
                .styled(Style::Item),
        );
    }
    if case.consent.as_ref().is_some_and(|c| !c.active()) {
        out.push(Msg::new("status-consent-withdrawn"));
    }
    out
}

/// Exactly what the people told will read, quoted, for the employee to confirm — and the name
/// and role of everyone who may receive it, in the order they would: the out-of-hours contact
/// first at night for an urgent case, the line manager, then the rest of the chain; the safety
/// representatives in turn. Outside working hours with nobody on call it says when the first
/// person may see it.
fn preview(ctx: &Ctx) -> Vec<Msg> {
    let Some(case) = ctx.case else {
        return Vec::new();
    };
    let mut draft = case.clone();
    draft.request = case.draft.request;
    let (_, notified) = find_step(super::recipient::NOTIFIED)
        .expect("the recipient playbook has the notification step");
    let recipient = Profile {
        person: crate::model::PersonId::new("preview"),
        display_name: String::new(),
        full_name: String::new(),
        unit: case.unit.clone(),
        country: case.country,
    };
    let reader = Ctx::for_case(Some(&draft), &recipient, ctx.env);
    let shown = render_step(notified, &reader, Vec::new());
    let mut out: Vec<Msg> = shown
        .body
        .into_iter()
        .map(|m| m.styled(Style::Quote))
        .collect();
    out.extend(recipients(ctx));
    out
}

/// Everyone who may receive the notification the employee is about to send, in the order they
/// would, with their roles; when it is outside working hours, when the first may see it.
/// The reader's other notifications still waiting for an acknowledgement, oldest first: the
/// reference, the kind and when it came — nothing the notification itself did not show.
fn pending(ctx: &Ctx) -> Vec<Msg> {
    let current = ctx.case.map(|c| &c.id);
    let others: Vec<&super::state::Pending> = ctx
        .pending
        .iter()
        .filter(|p| Some(&p.case) != current)
        .collect();
    if others.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Msg::new("pending-heading").arg("count", Arg::Num(others.len() as i64))];
    for p in others {
        let when = match ctx.policy {
            Some(policy) => local_minute(policy, p.at),
            None => p.at.format("%Y-%m-%dT%H:%M").to_string(),
        };
        out.push(
            Msg::new("pending-item")
                .str("case", p.case.to_string())
                .str("kind", p.what.clone())
                .str("when", when)
                .styled(Style::Item),
        );
    }
    out
}

/// Whether the employee's chosen recipients (the draft scope) include anyone Fyr can reach.
fn reaches(ctx: &Ctx) -> bool {
    let (Some(case), Some(policy)) = (ctx.case, ctx.policy) else {
        return false;
    };
    let Some(scope) = case.draft.scope else {
        return false;
    };
    [TrackKind::Manager, TrackKind::SafetyRep]
        .into_iter()
        .filter(|kind| scope.includes(*kind))
        .any(|kind| {
            let urgent = kind == TrackKind::Manager && case.urgent();
            !super::escalation::chain_for(
                policy,
                ctx.env.directory,
                &case.owner,
                kind,
                urgent,
                ctx.env.now,
            )
            .people
            .is_empty()
        })
}

fn recipients(ctx: &Ctx) -> Vec<Msg> {
    let Some(case) = ctx.case else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let Some(policy) = ctx.policy else {
        out.push(Msg::new("preview-own-language"));
        return out;
    };
    let now = ctx.env.now;
    let names = |people: &[crate::model::PersonId]| -> String {
        people
            .iter()
            .map(|p| full_name(ctx.env, p))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let country = case.country.code();
    let chain_of = |kind: TrackKind| {
        let urgent = kind == TrackKind::Manager && case.urgent();
        super::escalation::chain_for(policy, ctx.env.directory, &case.owner, kind, urgent, now)
    };
    let managers = chain_of(TrackKind::Manager);
    let reps = chain_of(TrackKind::SafetyRep);
    let scope = case.draft.scope;
    let to_managers = scope.is_some_and(|s| s.includes(TrackKind::Manager));
    let to_reps = scope.is_some_and(|s| s.includes(TrackKind::SafetyRep));
    let mut first_reader = None;
    // Somebody the employee chose cannot be told, or nobody comes after the last manager:
    // another recipient is suggested.
    let mut gap = false;
    if to_managers {
        let chain = &managers.people;
        let rest = if managers.out_of_hours_first {
            out.push(Msg::new("preview-out-of-hours").str("who", names(&chain[..1])));
            if let Some(manager) = chain.get(1) {
                let morning = policy.calendar.add_working(now, chrono::Duration::zero());
                out.push(
                    Msg::new("preview-handover")
                        .str("who", full_name(ctx.env, manager))
                        .str("when", local_minute(policy, morning)),
                );
            }
            chain.get(2..).unwrap_or_default()
        } else if let Some(manager) = chain.first() {
            first_reader = Some(manager.clone());
            out.push(Msg::new("preview-to-manager").str("who", full_name(ctx.env, manager)));
            &chain[1..]
        } else {
            &chain[..]
        };
        if !rest.is_empty() {
            out.push(Msg::new("preview-chain").str("then", names(rest)));
        }
        if !managers.unreachable.is_empty() {
            gap = true;
            out.push(Msg::new("preview-unreachable").str("who", names(&managers.unreachable)));
        }
        match chain.last() {
            None => {
                gap = true;
                out.push(Msg::new("preview-no-manager-reachable"));
            }
            Some(last) if rest.is_empty() && !(managers.out_of_hours_first && chain.len() == 1) => {
                gap = true;
                out.push(Msg::new("preview-no-next").str("who", full_name(ctx.env, last)));
            }
            Some(_) => {}
        }
    }
    if to_reps {
        if let Some(first) = reps.people.first() {
            first_reader.get_or_insert_with(|| first.clone());
            out.push(
                Msg::new("preview-to-safety-rep")
                    .str("who", full_name(ctx.env, first))
                    .str("country", country),
            );
        }
        if reps.people.len() > 1 {
            out.push(Msg::new("preview-rep-chain").str("then", names(&reps.people[1..])));
        }
        if !reps.unreachable.is_empty() {
            gap = true;
            out.push(Msg::new("preview-unreachable").str("who", names(&reps.unreachable)));
        }
        if reps.people.is_empty() {
            gap = true;
            out.push(Msg::new("preview-no-rep-reachable").str("country", country));
        }
    }
    if gap {
        match (to_managers, to_reps) {
            (true, false) if !reps.people.is_empty() => out.push(
                Msg::new("preview-suggest-rep")
                    .str("who", full_name(ctx.env, &reps.people[0]))
                    .str("country", country),
            ),
            (false, true) if !managers.people.is_empty() => out.push(
                Msg::new("preview-suggest-manager")
                    .str("who", full_name(ctx.env, &managers.people[0])),
            ),
            _ => {}
        }
        if let Some((_, hr)) = policy
            .contacts
            .iter()
            .find(|(kind, _)| *kind == super::ContactKind::HrCrisisLine)
        {
            out.push(Msg::new("preview-suggest-hr").str("value", hr.clone()));
        }
    }
    if let Some(first) = first_reader.filter(|_| !policy.calendar.is_working(now)) {
        let morning = policy.calendar.add_working(now, chrono::Duration::zero());
        out.push(
            Msg::new("preview-after-hours")
                .str("who", full_name(ctx.env, &first))
                .str("when", local_minute(policy, morning))
                .str("country", country),
        );
    }
    out.push(Msg::new("preview-own-language"));
    out
}

/// A moment as the unit's local date and time, `2026-03-02T14:05`, for `DATE()` in a message.
pub fn local_minute(policy: &UnitPolicy, at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&policy.calendar.timezone)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// The manager's checklist for the case: what is done and what is still open.
pub fn checklist(ctx: &Ctx) -> Vec<Msg> {
    let status = |t: Task| ctx.case.and_then(|c| c.tasks.get(&t).copied());
    let tasks: Vec<Task> = relevant_tasks(&super::recipient::RECIPIENT, ctx);
    let done: Vec<Task> = tasks
        .iter()
        .copied()
        .filter(|t| status(*t) == Some(TaskStatus::Done))
        .collect();
    let open = open_manager_tasks(ctx);
    let mut out = Vec::new();
    if !done.is_empty() {
        out.push(Msg::new("mgr-summary-done"));
        out.extend(done.iter().map(|t| task_msg(*t, ctx).styled(Style::Item)));
    }
    if open.is_empty() {
        out.push(Msg::new("mgr-summary-none-left"));
    } else {
        out.push(Msg::new("mgr-summary-left"));
        out.extend(open.iter().map(|t| task_msg(*t, ctx).styled(Style::Item)));
    }
    out
}

/// The organisation's own checklist item with this index, from the unit's policy.
fn local_item<'c>(ctx: &Ctx<'c>, i: usize) -> Option<&'c super::LocalItem> {
    ctx.policy.and_then(|p| p.local_checklist.get(i))
}

/// A manager's checklist item as listed: its label, or for the organisation's own items their
/// own text.
fn task_msg(task: Task, ctx: &Ctx) -> Msg {
    match task.local().and_then(|i| local_item(ctx, i)) {
        Some(item) => Msg {
            id: Cow::Owned(item.label.clone().unwrap_or_else(|| item.id.clone())),
            args: Vec::new(),
            style: Style::Paragraph,
        },
        None => Msg::new(task.label()),
    }
}

/// The manager's checklist items not yet done (nor judged not relevant).
pub fn open_manager_tasks(ctx: &Ctx) -> Vec<Task> {
    let status = |t: Task| ctx.case.and_then(|c| c.tasks.get(&t).copied());
    relevant_tasks(&super::recipient::RECIPIENT, ctx)
        .into_iter()
        .filter(|t| matches!(status(*t), None | Some(TaskStatus::Later)))
        .collect()
}

/// Who reports what, and the law that may apply, for the case's country (else the reader's).
fn who_files(ctx: &Ctx) -> Vec<Msg> {
    let country = ctx.case.map_or(ctx.profile.country, |c| c.country);
    let rules = super::jurisdiction::rules(country);
    let mut out = vec![Msg::new("who-intro")];
    out.extend(
        [
            rules.police_report,
            rules.incident_registration,
            rules.authority_notification,
            rules.victim_support,
        ]
        .into_iter()
        .map(|id| Msg::new(id).styled(Style::Item)),
    );
    out.push(Msg::new("who-law-intro"));
    out.extend(rules.laws.iter().map(|id| Msg::new(id).styled(Style::Item)));
    out
}
