//! The safety net: consent, notifying the manager chain and the safety representative,
//! acknowledgement, re-escalation in working time, check-ins, follow-ups and reporting-deadline
//! reminders. Every deadline becomes a persisted timer; every message to someone else goes
//! through the outbox with an idempotency key. Nothing reaches anyone but the employee without
//! a recorded consent — the employee's own "alert my manager now" in immediate danger included.

use chrono::{DateTime, Duration, Utc};

use super::flow::prompt;
use super::recipient::{ACKED, DUTY_AUTHORITY, DUTY_REGISTRATION, FOLLOWUP_REMINDER, NOTIFIED};
use super::render::full_name;
use super::state::{
    Basis, CaseEvent, Consent, Duty, Request, Scope, Timer, TimerKind, Track, TrackKind, TrackState,
};
use super::{FollowUpAt, Msg, Outgoing, Profile, Style, Tx, UnitPolicy};
use crate::engine::playbook::{Task, TaskStatus};
use crate::model::{CaseId, PersonId};

use super::jurisdiction::{self, Applies, Deadline, MAX_DUTY_REMINDERS};
/// Check-ins asked again after a snooze get numbers from here on, so their keys stay unique.
const SNOOZED_CHECKIN_BASE: usize = 1000;

fn policy<'e>(tx: &Tx<'e>, case: &CaseId) -> Option<&'e UnitPolicy> {
    let unit = tx.world.cases.get(case)?.unit.clone();
    tx.env.directory.policy(&unit)
}

fn at(
    policy: &UnitPolicy,
    from: chrono::DateTime<chrono::Utc>,
    when: FollowUpAt,
) -> chrono::DateTime<chrono::Utc> {
    match when {
        FollowUpAt::NextWorkingDay => policy.calendar.next_working_day_start(from),
        FollowUpAt::Days(days) => policy.calendar.working_day_after(from, days),
        FollowUpAt::Months(months) => policy.calendar.working_day_after_months(from, months),
    }
}

/// A new case: schedule the employee's check-ins.
pub(crate) fn case_opened(tx: &mut Tx, case: &CaseId) {
    let Some(policy) = policy(tx, case) else {
        return;
    };
    let now = tx.now();
    for (n, when) in policy.employee_checkins.iter().enumerate() {
        tx.set_timer(case, at(policy, now, *when), TimerKind::CheckIn { n });
    }
}

/// The employee confirmed the preview: record consent and start the tracks in scope.
pub(crate) fn consent(tx: &mut Tx, case_id: &CaseId, basis: Basis) {
    let now = tx.now();
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        return;
    };
    let Some(scope) = case.draft.scope else {
        return;
    };
    case.request = Some(case.draft.request.unwrap_or(Request::JustKnow));
    case.consent = Some(Consent {
        scope,
        basis,
        given_at: now,
        withdrawn_at: None,
    });
    case.record(now, CaseEvent::ConsentGiven { scope, basis });
    if scope.includes(TrackKind::Manager) {
        case.tasks.insert(Task::ManagerTold, TaskStatus::Done);
    }
    // A renewed consent replaces tracks that were withdrawn.
    case.tracks.retain(|t| t.state != TrackState::Withdrawn);
    let missing: Vec<TrackKind> = [TrackKind::Manager, TrackKind::SafetyRep]
        .into_iter()
        .filter(|kind| scope.includes(*kind) && case.track(*kind).is_none())
        .collect();
    for kind in missing {
        start_track(tx, case_id, kind);
    }
}

/// Immediate danger: the employee asked Fyr to alert the manager chain at once.
pub(crate) fn alert_now(tx: &mut Tx, case_id: &CaseId) {
    let now = tx.now();
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        return;
    };
    case.immediate_danger_at.get_or_insert(now);
    case.request = Some(Request::Urgent);
    let scope = match &case.consent {
        Some(c) if c.active() && c.scope.includes(TrackKind::SafetyRep) => Scope::Both,
        _ => Scope::Manager,
    };
    case.consent = Some(Consent {
        scope,
        basis: Basis::ImmediateDanger,
        given_at: now,
        withdrawn_at: None,
    });
    case.record(
        now,
        CaseEvent::ConsentGiven {
            scope: Scope::Manager,
            basis: Basis::ImmediateDanger,
        },
    );
    case.tracks
        .retain(|t| !(t.kind == TrackKind::Manager && t.state == TrackState::Withdrawn));
    if case.track(TrackKind::Manager).is_none() {
        start_track(tx, case_id, TrackKind::Manager);
    }
}

/// Who a track asks, in turn, and who it cannot ask.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chain {
    /// Asked in this order; each can be reached.
    pub people: Vec<PersonId>,
    /// The out-of-hours contact leads.
    pub out_of_hours_first: bool,
    /// Configured for the track but unreachable (no id on a chat platform Fyr uses): never
    /// asked, and named to the employee before they consent.
    pub unreachable: Vec<PersonId>,
}

/// Who a track asks, in turn: the manager chain (or the safety representatives), with the
/// out-of-hours contact first for an urgent case outside working hours. Never the employee,
/// nobody twice, and nobody Fyr cannot reach (they are listed apart). The consent preview and
/// the alarm button name exactly these people.
pub fn chain_for(
    policy: &UnitPolicy,
    directory: &dyn super::Directory,
    owner: &PersonId,
    kind: TrackKind,
    urgent: bool,
    now: DateTime<Utc>,
) -> Chain {
    let mut configured: Vec<PersonId> = match kind {
        TrackKind::Manager => policy.manager_chain.clone(),
        TrackKind::SafetyRep => policy.safety_reps.clone(),
    };
    let out_of_hours = policy
        .out_of_hours
        .clone()
        .filter(|_| kind == TrackKind::Manager && urgent && !policy.calendar.is_working(now));
    if let Some(contact) = &out_of_hours {
        configured.insert(0, contact.clone());
    }
    let mut chain = Chain::default();
    for p in configured {
        if p == *owner || chain.people.contains(&p) || chain.unreachable.contains(&p) {
            continue;
        }
        if directory.reachable(&p) {
            if out_of_hours.as_ref() == Some(&p) && chain.people.is_empty() {
                chain.out_of_hours_first = true;
            }
            chain.people.push(p);
        } else {
            chain.unreachable.push(p);
        }
    }
    chain
}

/// What the employee is told after "alert my manager now": who was alerted, in which role, and,
/// outside working hours with nobody on call, when they may first see it.
pub(crate) fn alerted_notes(tx: &Tx, case_id: &CaseId) -> Vec<Msg> {
    let Some(case) = tx.world.cases.get(case_id) else {
        return Vec::new();
    };
    let Some(track) = case.track(TrackKind::Manager) else {
        return Vec::new();
    };
    let Some(asked) = track.asked.last() else {
        // Nobody could be asked: the employee has been told so (escalation-nobody-configured).
        return Vec::new();
    };
    let on_call = track.out_of_hours_first && track.stage == 0;
    let role = if on_call { "out-of-hours" } else { "manager" };
    let mut notes = vec![Msg::new("danger-alerted")
        .str("who", full_name(&tx.env, asked))
        .str("role", role)];
    if let Some(policy) = policy(tx, case_id) {
        let now = tx.now();
        if !on_call && !policy.calendar.is_working(now) {
            let when = policy.calendar.add_working(now, Duration::zero());
            notes.push(
                Msg::new("alerted-after-hours")
                    .str("who", full_name(&tx.env, asked))
                    .str("when", super::render::local_minute(policy, when))
                    .str("country", case.country.code()),
            );
        }
    }
    notes
}

fn start_track(tx: &mut Tx, case_id: &CaseId, kind: TrackKind) {
    let now = tx.now();
    let Some(policy) = policy(tx, case_id) else {
        return;
    };
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        return;
    };
    let urgent = case.urgent();
    let Chain {
        people: chain,
        out_of_hours_first,
        ..
    } = chain_for(policy, tx.env.directory, &case.owner, kind, urgent, now);
    let empty = chain.is_empty();
    case.tracks.push(Track {
        kind,
        urgent,
        chain,
        stage: 0,
        out_of_hours_first,
        state: if empty {
            TrackState::Exhausted
        } else {
            TrackState::Open
        },
        started_at: now,
        asked: Vec::new(),
        acknowledged_by: None,
    });
    if empty {
        case.record(now, CaseEvent::ChainExhausted { track: kind });
        tell_owner(tx, case_id, vec![Msg::new("escalation-nobody-configured")]);
        return;
    }
    ask(tx, case_id, kind, 0, false);
}

/// Ask (or remind) the person at `stage` of a track, and set the track's next deadlines.
fn ask(tx: &mut Tx, case_id: &CaseId, kind: TrackKind, stage: usize, reminder: bool) {
    let notes = if reminder {
        vec![Msg::new("notify-reminder")]
    } else {
        Vec::new()
    };
    ask_inner(tx, case_id, kind, stage, reminder, notes);
}

/// Ask the person at `stage` for the first time, with notes above the notification.
fn ask_with(tx: &mut Tx, case_id: &CaseId, kind: TrackKind, stage: usize, notes: Vec<Msg>) {
    ask_inner(tx, case_id, kind, stage, false, notes);
}

fn ask_inner(
    tx: &mut Tx,
    case_id: &CaseId,
    kind: TrackKind,
    stage: usize,
    reminder: bool,
    notes: Vec<Msg>,
) {
    let now = tx.now();
    let Some(policy) = policy(tx, case_id) else {
        return;
    };
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        return;
    };
    let Some(track) = case.track_mut(kind) else {
        return;
    };
    let Some(person) = track.chain.get(stage).cloned() else {
        return;
    };
    if !track.asked.contains(&person) {
        track.asked.push(person.clone());
    }
    let urgent = track.urgent;
    let off_hours_stage = track.out_of_hours_first && stage == 0;
    case.record(
        now,
        CaseEvent::Notified {
            to: person.clone(),
            track: kind,
            reminder,
        },
    );
    let what = if case.danger_alarm() {
        "alarm"
    } else {
        super::render::kind_code(case.kind)
    };
    let pending = &mut tx.conversation_mut(&person).pending;
    if !pending.iter().any(|p| p.case == *case_id) {
        pending.push(super::state::Pending {
            case: case_id.clone(),
            what: what.to_string(),
            at: now,
        });
    }
    prompt(tx, &person, NOTIFIED, case_id, notes);
    if reminder {
        return;
    }
    let waits = if urgent { policy.urgent } else { policy.normal };
    let (remind_at, advance_at) = if off_hours_stage {
        // The out-of-hours contact is asked on the clock; the chain proper starts when the
        // working day does.
        (
            now + waits.reminder,
            policy.calendar.add_working(now, Duration::zero()),
        )
    } else {
        (
            policy.calendar.add_working(now, waits.reminder),
            policy.calendar.add_working(now, waits.next),
        )
    };
    if remind_at < advance_at {
        tx.set_timer(case_id, remind_at, TimerKind::Remind { track: kind, stage });
    }
    tx.set_timer(
        case_id,
        advance_at,
        TimerKind::Advance { track: kind, stage },
    );
}

/// Nobody waits to acknowledge `case_id` any more (it was acknowledged, withdrawn or closed):
/// it leaves every pending list it is on. Everyone asked is loaded with the case.
fn clear_pending(tx: &mut Tx, case_id: &CaseId) {
    for conversation in tx.world.conversations.values_mut() {
        conversation.pending.retain(|p| p.case != *case_id);
    }
}

fn tell_owner(tx: &mut Tx, case_id: &CaseId, body: Vec<Msg>) {
    let Some(owner) = tx.world.cases.get(case_id).map(|c| c.owner.clone()) else {
        return;
    };
    let country = tx.world.cases[case_id].country;
    let body = body
        .into_iter()
        .map(|m| {
            m.str("case", case_id.to_string())
                .str("country", country.code())
        })
        .collect();
    tx.notify(
        case_id,
        Outgoing {
            to: owner,
            body,
            options: Vec::new(),
        },
    );
}

/// A timer came due.
pub(crate) fn fire(tx: &mut Tx, timer: &Timer) {
    let now = tx.now();
    let case_id = &timer.case;
    let Some(case) = tx.world.cases.get(case_id) else {
        return;
    };
    let closed = case.closed_at.is_some();
    let consent = case.consent_active();
    match timer.kind {
        TimerKind::Remind { track, stage } => {
            let open = case
                .track(track)
                .is_some_and(|t| t.state == TrackState::Open && t.stage == stage);
            if open && consent && !closed {
                ask(tx, case_id, track, stage, true);
            }
        }
        TimerKind::Advance { track, stage } => {
            let Some(t) = case.track(track) else { return };
            if t.state != TrackState::Open || t.stage != stage || !consent || closed {
                return;
            }
            if stage + 1 < t.chain.len() {
                let next = t.chain[stage + 1].clone();
                if let Some(t) = tx
                    .world
                    .cases
                    .get_mut(case_id)
                    .and_then(|c| c.track_mut(track))
                {
                    t.stage = stage + 1;
                }
                ask(tx, case_id, track, stage + 1, false);
                let who = full_name(&tx.env, &next);
                tell_owner(
                    tx,
                    case_id,
                    vec![Msg::new("escalation-next")
                        .str("who", who)
                        .str("role", track.code())],
                );
            } else {
                if let Some(case) = tx.world.cases.get_mut(case_id) {
                    if let Some(t) = case.track_mut(track) {
                        t.state = TrackState::Exhausted;
                    }
                    case.record(now, CaseEvent::ChainExhausted { track });
                }
                // Who did acknowledge (the manager, when only the rep did not) is said, so the
                // employee is not sent to call someone who already answered.
                let manager_acked = tx.world.cases.get(case_id).and_then(|c| {
                    c.track(TrackKind::Manager)
                        .and_then(|t| t.acknowledged_by.clone())
                });
                let first = match (track, manager_acked) {
                    (TrackKind::SafetyRep, Some(manager)) => {
                        Msg::new("escalation-rep-nobody-answered-manager-knows")
                            .str("manager", full_name(&tx.env, &manager))
                    }
                    (TrackKind::SafetyRep, None) => Msg::new("escalation-rep-nobody-answered"),
                    (TrackKind::Manager, _) => Msg::new("escalation-nobody-answered"),
                };
                let mut body = vec![first.str("role", track.code())];
                if let Some(policy) = policy(tx, case_id) {
                    body.extend(
                        policy
                            .contacts
                            .iter()
                            .filter(|(k, _)| k.for_employees())
                            .map(|(kind, value)| {
                                Msg::new(kind.message_id())
                                    .str("value", value.clone())
                                    .styled(Style::Item)
                            }),
                    );
                }
                tell_owner(tx, case_id, body);
            }
        }
        TimerKind::Handover { track } => {
            let Some(t) = case.track(track) else { return };
            let handed = t.state == TrackState::Acknowledged
                && t.out_of_hours_first
                && t.stage == 0
                && t.chain.len() > 1;
            if !handed || !consent || closed {
                return;
            }
            let on_call = t.acknowledged_by.clone();
            let manager = t.chain[1].clone();
            if let Some(t) = tx
                .world
                .cases
                .get_mut(case_id)
                .and_then(|c| c.track_mut(track))
            {
                t.stage = 1;
                t.state = TrackState::Open;
                t.acknowledged_by = None;
            }
            let note = Msg::new("notify-handover").str(
                "who",
                on_call.map(|p| full_name(&tx.env, &p)).unwrap_or_default(),
            );
            ask_with(tx, case_id, track, 1, vec![note]);
            let who = full_name(&tx.env, &manager);
            tell_owner(
                tx,
                case_id,
                vec![Msg::new("handover-told-employee").str("who", who)],
            );
        }
        TimerKind::Retention => {
            if closed {
                tx.world.cases.remove(case_id);
                tx.effects.push(super::Effect::EraseCase(case_id.clone()));
            }
        }
        TimerKind::CheckIn { n } => {
            if closed {
                return;
            }
            let owner = case.owner.clone();
            if let Some(case) = tx.world.cases.get_mut(case_id) {
                case.record(now, CaseEvent::CheckInSent { n });
            }
            prompt(tx, &owner, super::employee::CHECKIN, case_id, Vec::new());
        }
        TimerKind::FollowUp { n } => {
            let Some(manager) = acknowledging_manager(tx, case_id) else {
                return;
            };
            if !consent || closed {
                return;
            }
            if let Some(case) = tx.world.cases.get_mut(case_id) {
                case.record(now, CaseEvent::FollowUpSent { n });
            }
            prompt(tx, &manager, FOLLOWUP_REMINDER, case_id, Vec::new());
        }
        TimerKind::Duty { duty, n } => {
            let done = case.duties_done.contains_key(&duty);
            let country = case.country;
            let Some(manager) = acknowledging_manager(tx, case_id) else {
                return;
            };
            if done || !consent || closed {
                return;
            }
            if let Some(case) = tx.world.cases.get_mut(case_id) {
                case.record(now, CaseEvent::DutyReminded { duty });
            }
            let step = match duty {
                Duty::WorkEnvironmentAuthority => DUTY_AUTHORITY,
                Duty::Registration => DUTY_REGISTRATION,
            };
            prompt(tx, &manager, step, case_id, Vec::new());
            let daily = jurisdiction::of(country)
                .duties
                .iter()
                .find(|r| r.duty == duty)
                .map_or(0, |r| r.daily_reminders);
            if n < daily {
                if let Some(policy) = policy(tx, case_id) {
                    let next = policy.calendar.next_working_day_start(now);
                    tx.set_timer(case_id, next, TimerKind::Duty { duty, n: n + 1 });
                }
            }
        }
    }
}

fn acknowledging_manager(tx: &Tx, case_id: &CaseId) -> Option<PersonId> {
    tx.world
        .cases
        .get(case_id)?
        .track(TrackKind::Manager)?
        .acknowledged_by
        .clone()
}

/// `profile`'s person acknowledges the case they were asked about.
pub(crate) fn ack(tx: &mut Tx, profile: &Profile, case_id: &CaseId, notes: &mut Vec<Msg>) {
    let now = tx.now();
    let person = &profile.person;
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        notes.push(Msg::new("ack-unknown-case").str("case", case_id.to_string()));
        return;
    };
    let Some(kind) = case
        .tracks
        .iter()
        .find(|t| t.was_asked(person))
        .map(|t| t.kind)
    else {
        // Someone who was not asked: refuse without revealing that the case exists.
        case.record(now, CaseEvent::AckRefused { by: person.clone() });
        notes.push(Msg::new("ack-unknown-case").str("case", case_id.to_string()));
        return;
    };
    if !case.consent_active() || case.closed_at.is_some() {
        notes.push(Msg::new("ack-stale").str("case", case_id.to_string()));
        return;
    }
    let country = case.country;
    let urgent = case.urgent();
    let kind_of_case = case.kind;
    let track = case.track_mut(kind).expect("the track was just found");
    if let Some(by) = track.acknowledged_by.clone() {
        let msg = if by == *person {
            Msg::new("ack-already")
        } else {
            Msg::new("ack-already-by").str("who", full_name(&tx.env, &by))
        };
        notes.push(msg.str("case", case_id.to_string()));
        return;
    }
    track.acknowledged_by = Some(person.clone());
    track.state = TrackState::Acknowledged;
    let stage = track.stage;
    let started = track.started_at;
    case.record(
        now,
        CaseEvent::Acknowledged {
            by: person.clone(),
            track: kind,
        },
    );
    tx.cancel_timer(case_id, &TimerKind::Remind { track: kind, stage });
    tx.cancel_timer(case_id, &TimerKind::Advance { track: kind, stage });
    // Those asked on this track need not acknowledge any more; someone also asked on a track
    // still open keeps it on their list.
    let case = &tx.world.cases[case_id];
    let done: Vec<PersonId> = case
        .track(kind)
        .map(|t| t.asked.clone())
        .unwrap_or_default()
        .into_iter()
        .filter(|p| {
            !case
                .tracks
                .iter()
                .any(|t| t.kind != kind && t.state == TrackState::Open && t.was_asked(p))
        })
        .collect();
    for p in done {
        if let Some(conversation) = tx.world.conversations.get_mut(&p) {
            conversation.pending.retain(|p| p.case != *case_id);
        }
    }
    let who = full_name(&tx.env, person);
    tell_owner(
        tx,
        case_id,
        vec![Msg::new("ack-told-employee")
            .str("who", who)
            .str("role", kind.code())],
    );
    if kind != TrackKind::Manager {
        return;
    }
    let Some(policy) = policy(tx, case_id) else {
        return;
    };
    let on_call = tx.world.cases[case_id]
        .track(kind)
        .is_some_and(|t| t.out_of_hours_first && stage == 0 && t.chain.len() > 1);
    if on_call {
        // The on-call contact took it for the night; the line manager takes over in the morning.
        let morning = policy.calendar.add_working(now, Duration::zero());
        tx.set_timer(case_id, morning, TimerKind::Handover { track: kind });
    }
    for (n, when) in policy.manager_followups.iter().enumerate() {
        tx.set_timer(case_id, at(policy, now, *when), TimerKind::FollowUp { n });
    }
    for rule in jurisdiction::of(country).duties {
        let applies = match rule.applies {
            Applies::Urgent => urgent,
            Applies::ExceptKinds(kinds) => !kind_of_case.is_some_and(|k| kinds.contains(&k)),
        };
        if !applies {
            continue;
        }
        let duty = rule.duty;
        let first = match rule.first {
            Deadline::Hours(hours) => now + Duration::hours(hours),
            Deadline::NextWorkingDay => policy.calendar.next_working_day_start(now),
        };
        tx.set_timer(case_id, first, TimerKind::Duty { duty, n: 1 });
        if let Some(hours) = rule.last_after_hours {
            let late = started + Duration::hours(hours);
            if late > first {
                tx.set_timer(case_id, late, TimerKind::Duty { duty, n: 2 });
            }
        }
    }
}

/// "ok F-XXXX-XXXX": acknowledge by reference, from anywhere.
pub(crate) fn ack_by_reference(tx: &mut Tx, profile: &Profile, reference: &str) {
    let case_id = CaseId::new(reference.trim().to_uppercase());
    let mut notes = Vec::new();
    let asked = tx
        .world
        .cases
        .get(&case_id)
        .is_some_and(|c| c.tracks.iter().any(|t| t.was_asked(&profile.person)));
    ack(tx, profile, &case_id, &mut notes);
    let acknowledged = tx.world.cases.get(&case_id).is_some_and(|c| {
        c.tracks
            .iter()
            .any(|t| t.acknowledged_by.as_ref() == Some(&profile.person))
    });
    if asked && acknowledged && notes.is_empty() {
        super::flow::show_about(tx, profile, ACKED, &case_id, notes);
    } else {
        tx.reply(Outgoing {
            to: profile.person.clone(),
            body: notes,
            options: Vec::new(),
        });
    }
}

/// The employee withdraws consent: every open track stops, and no further notification about
/// the case reaches anyone else. What was already delivered cannot be recalled.
pub(crate) fn withdraw(tx: &mut Tx, case_id: &CaseId) {
    let now = tx.now();
    let followups = policy(tx, case_id).map_or(0, |p| p.manager_followups.len());
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        return;
    };
    let Some(consent) = case.consent.as_mut().filter(|c| c.active()) else {
        return;
    };
    consent.withdrawn_at = Some(now);
    case.record(now, CaseEvent::ConsentWithdrawn);
    let mut cancel = stop_open_tracks(case);
    cancel.extend((0..followups).map(|n| TimerKind::FollowUp { n }));
    for duty in [Duty::WorkEnvironmentAuthority, Duty::Registration] {
        cancel.extend((1..=MAX_DUTY_REMINDERS).map(|n| TimerKind::Duty { duty, n }));
    }
    for kind in cancel {
        tx.cancel_timer(case_id, &kind);
    }
    clear_pending(tx, case_id);
}

/// Stop every open escalation track of a case; returns the timers to cancel.
fn stop_open_tracks(case: &mut super::Case) -> Vec<TimerKind> {
    let mut cancel = Vec::new();
    for track in case
        .tracks
        .iter_mut()
        .filter(|t| t.state == TrackState::Open)
    {
        track.state = TrackState::Withdrawn;
        cancel.push(TimerKind::Remind {
            track: track.kind,
            stage: track.stage,
        });
        cancel.push(TimerKind::Advance {
            track: track.kind,
            stage: track.stage,
        });
    }
    cancel
}

pub(crate) fn duty_done(tx: &mut Tx, profile: &Profile, case_id: &CaseId, duty: Duty) {
    let now = tx.now();
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        return;
    };
    case.duties_done.insert(duty, now);
    // The checklist item it belongs to is closed too: never listed as open again.
    case.tasks.insert(Task::MgrReport, TaskStatus::Done);
    case.record(
        now,
        CaseEvent::DutyDone {
            duty,
            by: profile.person.clone(),
        },
    );
    for n in 1..=MAX_DUTY_REMINDERS {
        tx.cancel_timer(case_id, &TimerKind::Duty { duty, n });
    }
}

/// The manager assessed that a duty does not apply (in Sweden: not a serious incident, so no
/// report to Arbetsmiljöverket). Its reminders stop; the incident report itself stays on the
/// checklist.
pub(crate) fn duty_not_applicable(tx: &mut Tx, profile: &Profile, case_id: &CaseId, duty: Duty) {
    let now = tx.now();
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        return;
    };
    case.duties_done.insert(duty, now);
    case.record(
        now,
        CaseEvent::DutyNotApplicable {
            duty,
            by: profile.person.clone(),
        },
    );
    for n in 1..=MAX_DUTY_REMINDERS {
        tx.cancel_timer(case_id, &TimerKind::Duty { duty, n });
    }
}

/// Ask the check-in again on the next working day.
pub(crate) fn snooze(tx: &mut Tx, case_id: &CaseId) {
    let now = tx.now();
    let Some(policy) = policy(tx, case_id) else {
        return;
    };
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        return;
    };
    case.record(now, CaseEvent::Snoozed);
    let n = SNOOZED_CHECKIN_BASE + case.next_seq() as usize;
    let next = policy.calendar.next_working_day_start(now);
    tx.set_timer(case_id, next, TimerKind::CheckIn { n });
}

/// The employee closes the case: open escalations stop, and no more check-ins come. If the
/// unit has a retention period, erasure is scheduled.
pub(crate) fn close(tx: &mut Tx, case_id: &CaseId) {
    let now = tx.now();
    if let Some(months) = policy(tx, case_id).and_then(|p| p.retention_months) {
        let at = now
            .checked_add_months(chrono::Months::new(months))
            .unwrap_or(now);
        tx.set_timer(case_id, at, TimerKind::Retention);
    }
    let Some(case) = tx.world.cases.get_mut(case_id) else {
        return;
    };
    case.closed_at = Some(now);
    case.record(now, CaseEvent::Closed);
    let cancel = stop_open_tracks(case);
    for kind in cancel {
        tx.cancel_timer(case_id, &kind);
    }
    clear_pending(tx, case_id);
}
