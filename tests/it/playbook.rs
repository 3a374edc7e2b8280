//! Walks every step of every playbook: every transition target exists, every message id exists in
//! every locale, every step offers a way forward in every situation, every step is reachable and
//! the summary is reachable from every step.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use chrono::Utc;
use fyr::engine::playbook::{Cond, Goto, Para, Playbook, Target};
use fyr::engine::{employee::EMPLOYEE, holds, Case, ContactKind, Env, Profile};
use fyr::i18n::Localizer;
use fyr::model::{CaseId, Country, IncidentKind, Language, PersonId};

const PLAYBOOKS: &[&Playbook] = &[&EMPLOYEE];

/// Every combination of country, incident kind (or none yet) and configured incident system.
fn situations() -> Vec<(Profile, Option<Case>)> {
    let mut out = Vec::new();
    for country in [Country::Sweden, Country::Denmark] {
        for system in [None, Some("SafetyNet".to_string())] {
            let profile = Profile {
                person: PersonId::new("p"),
                display_name: "P".into(),
                country,
                contacts: vec![],
                incident_system: system,
            };
            out.push((profile.clone(), None));
            for kind in std::iter::once(None).chain(IncidentKind::ALL.map(Some)) {
                let case = Case {
                    id: CaseId::new("F-TEST"),
                    owner: PersonId::new("p"),
                    country,
                    kind,
                    phase: fyr::engine::playbook::Phase::Triage,
                    opened_at: Utc::now(),
                    updated_at: Utc::now(),
                    immediate_danger_at: None,
                    tasks: BTreeMap::new(),
                };
                out.push((profile.clone(), Some(case)));
            }
        }
    }
    out
}

fn gotos(book: &Playbook) -> impl Iterator<Item = (&'static str, &'static [Goto])> + '_ {
    book.steps.iter().flat_map(|s| {
        std::iter::once((s.id, s.next)).chain(
            s.choices
                .iter()
                .filter_map(move |c| c.goto.map(|g| (s.id, g))),
        )
    })
}

#[test]
fn every_target_exists_and_every_transition_has_a_fallback() {
    for book in PLAYBOOKS {
        assert!(
            book.step(book.first).is_some(),
            "{}: first step missing",
            book.name
        );
        let mut ids = BTreeSet::new();
        for step in book.steps {
            assert!(
                ids.insert(step.id),
                "{}: step id {} used twice",
                book.name,
                step.id
            );
        }
        for (from, goto) in gotos(book) {
            assert!(
                !goto.is_empty(),
                "{}: {from} has an empty transition list",
                book.name
            );
            assert!(
                matches!(goto.last().unwrap().when, Cond::Always),
                "{}: {from}: the last transition must be unconditional, or some case has no way on",
                book.name
            );
            for g in goto {
                if let Target::Step(to) = g.to {
                    assert!(
                        book.step(to).is_some(),
                        "{}: {from} → {to}, which does not exist",
                        book.name
                    );
                }
            }
        }
    }
}

#[test]
fn every_message_id_exists_in_every_locale() {
    let l10n = Localizer::new().unwrap();
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    for book in PLAYBOOKS {
        for step in book.steps {
            for para in step.body {
                if let Para::Text(_, id) = para {
                    ids.insert(id);
                }
            }
            for choice in step.choices {
                ids.insert(choice.label);
            }
        }
    }
    ids.extend(fyr::engine::playbook::Task::ALL.map(|t| t.label()));
    ids.extend(ContactKind::ALL.map(|k| k.message_id()));
    for lang in Language::ALL {
        let missing: Vec<_> = ids.iter().filter(|id| !l10n.has(lang, id)).collect();
        assert!(missing.is_empty(), "locale {lang} lacks {missing:?}");
    }
}

#[test]
fn every_step_offers_a_way_forward_in_every_situation() {
    for book in PLAYBOOKS {
        for step in book.steps {
            for (profile, case) in situations() {
                let id = CaseId::new("F-NEW");
                let env = Env {
                    now: Utc::now(),
                    profile: &profile,
                    fresh_case_id: &id,
                };
                let visible = step
                    .choices
                    .iter()
                    .filter(|c| holds(c.when, case.as_ref(), &env))
                    .count();
                assert!(
                    visible > 0,
                    "{}: step {} offers no option for {:?} / {:?}",
                    book.name,
                    step.id,
                    profile.country,
                    case.as_ref().and_then(|c| c.kind)
                );
                let body = step.body.iter().filter(|p| match p {
                    Para::Text(cond, _) => holds(*cond, case.as_ref(), &env),
                    _ => true,
                });
                assert!(
                    body.count() > 0,
                    "{}: step {} says nothing",
                    book.name,
                    step.id
                );
            }
        }
    }
}

#[test]
fn every_step_is_reachable_and_can_reach_the_summary() {
    for book in PLAYBOOKS {
        let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (from, goto) in gotos(book) {
            for g in goto {
                if let Target::Step(to) = g.to {
                    edges.entry(from).or_default().insert(to);
                }
            }
        }
        // The menu and the danger step are reachable from every step by command.
        for step in book.steps {
            edges
                .entry(step.id)
                .or_default()
                .extend(["menu", book.danger]);
        }
        let reach = |from: &'static str| {
            let mut seen = BTreeSet::from([from]);
            let mut queue = VecDeque::from([from]);
            while let Some(s) = queue.pop_front() {
                for &next in edges.get(s).into_iter().flatten() {
                    if seen.insert(next) {
                        queue.push_back(next);
                    }
                }
            }
            seen
        };
        let from_start = reach(book.first);
        for step in book.steps {
            assert!(
                from_start.contains(step.id),
                "{}: {} is unreachable",
                book.name,
                step.id
            );
            assert!(
                reach(step.id).contains("summary"),
                "{}: {} cannot reach the summary",
                book.name,
                step.id
            );
        }
    }
}
