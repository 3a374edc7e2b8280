//! Walks every step of every playbook: every transition target exists, every message id exists in
//! every locale, every step offers a way forward in every situation, every step is reachable and
//! every step leads on to the summary or back to where the person was.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use chrono::Utc;
use fyr::engine::playbook::{Cond, Goto, Para, Playbook, Target};
use fyr::engine::render::{holds, Ctx};
use fyr::engine::state::{Basis, Consent, Scope, Track, TrackKind, TrackState};
use fyr::engine::{employee, helper, recipient, Case, ContactKind, Env, Profile, PLAYBOOKS};
use fyr::i18n::Localizer;
use fyr::model::{CaseId, Country, IncidentKind, Language, PersonId, UnitId};

use crate::support::sample_config;

/// Every combination of country, incident kind (or none yet), consent, and the reader's role.
fn situations() -> Vec<(Profile, Option<Case>)> {
    let mut out = Vec::new();
    for (country, unit) in [(Country::Sweden, "se-unit"), (Country::Denmark, "dk-unit")] {
        let profile = Profile {
            person: PersonId::new("reader"),
            display_name: "R".into(),
            full_name: "R R".into(),
            unit: UnitId::new(unit),
            country,
        };
        out.push((profile.clone(), None));
        for kind in std::iter::once(None).chain(IncidentKind::ALL.map(Some)) {
            for consent in [false, true] {
                for reader in [TrackKind::Manager, TrackKind::SafetyRep] {
                    let now = Utc::now();
                    let mut case = Case::new(
                        CaseId::new("F-TEST"),
                        PersonId::new("owner"),
                        UnitId::new(unit),
                        country,
                        now,
                    );
                    case.kind = kind;
                    if consent {
                        case.consent = Some(Consent {
                            scope: Scope::Both,
                            basis: Basis::Chat,
                            given_at: now,
                            withdrawn_at: None,
                        });
                        case.tracks.push(Track {
                            kind: reader,
                            urgent: false,
                            chain: vec![PersonId::new("reader")],
                            stage: 0,
                            out_of_hours_first: false,
                            state: TrackState::Open,
                            started_at: now,
                            asked: vec![PersonId::new("reader")],
                            acknowledged_by: None,
                        });
                    }
                    out.push((profile.clone(), Some(case)));
                }
            }
        }
    }
    out
}

fn gotos(book: &'static Playbook) -> impl Iterator<Item = (&'static str, &'static [Goto])> {
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
                        fyr::engine::find_step(to).is_some(),
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
                let config = sample_config();
                let id = CaseId::new("F-NEW");
                let env = Env {
                    now: Utc::now(),
                    directory: &config,
                    fresh_case_id: &id,
                };
                let ctx = Ctx::for_case(case.as_ref(), &profile, &env);
                let visible = step.choices.iter().filter(|c| holds(c.when, &ctx)).count();
                assert!(
                    visible > 0,
                    "{}: step {} offers no option for {:?} / {:?}",
                    book.name,
                    step.id,
                    profile.country,
                    case.as_ref().and_then(|c| c.kind)
                );
                let body = step.body.iter().filter(|p| match p {
                    Para::Text(cond, _) => holds(*cond, &ctx),
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
fn every_step_is_reachable_and_leads_somewhere() {
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut exits: BTreeSet<&str> = BTreeSet::from(["summary"]);
    for book in PLAYBOOKS {
        for (from, goto) in gotos(book) {
            for g in goto {
                match g.to {
                    Target::Step(to) => {
                        edges.entry(from).or_default().insert(to);
                    }
                    // "Back" returns the person to where they were: a way out.
                    Target::Back => {
                        exits.insert(from);
                    }
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
    }
    // Writing a colleague's name at the helper question leads to the confirmation (code, not a
    // choice: the name is free text).
    edges
        .entry(employee::HELPER_ASK)
        .or_default()
        .insert("helper-confirm");
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
    // Where conversations begin: the greeting, and what notifications and timers put in front
    // of someone.
    let entries = [
        employee::EMPLOYEE.first,
        employee::CHECKIN,
        recipient::NOTIFIED,
        recipient::DUTY_AUTHORITY,
        recipient::DUTY_REGISTRATION,
        recipient::FOLLOWUP_REMINDER,
        helper::HELPER_INVITED,
        helper::HELPER_ENDED,
    ];
    let reachable: BTreeSet<&str> = entries.iter().flat_map(|e| reach(e)).collect();
    for book in PLAYBOOKS {
        for step in book.steps {
            assert!(
                reachable.contains(step.id),
                "{}: {} is unreachable",
                book.name,
                step.id
            );
            assert!(
                reach(step.id).iter().any(|s| exits.contains(s)),
                "{}: {} leads neither to the summary nor back",
                book.name,
                step.id
            );
        }
    }
}

/// Whether every language has `id`.
fn in_every_locale(l10n: &Localizer) -> impl Fn(&str) -> bool + '_ {
    move |id| Language::ALL.into_iter().all(|lang| l10n.has(lang, id))
}

#[test]
fn every_country_fills_every_slot_the_playbooks_use() {
    use fyr::engine::jurisdiction::{self, Slot};
    let l10n = Localizer::new().unwrap();
    assert!(jurisdiction::used_slots().len() == Slot::ALL.len());
    for j in jurisdiction::ALL {
        let problems = jurisdiction::problems(j, in_every_locale(&l10n));
        assert!(problems.is_empty(), "{problems:#?}");
    }
}

/// A Norwegian jurisdiction made in this test only, with the Swedish content except that its
/// police slot is forgotten: the walk names the missing paragraph.
#[test]
fn a_third_country_that_forgets_a_paragraph_is_caught() {
    use fyr::engine::jurisdiction::{self, Jurisdiction, Rules, Slot};
    fn norwegian(slot: Slot) -> &'static [Para] {
        match slot {
            Slot::Police => &[],
            other => (jurisdiction::of(Country::Sweden).paragraphs)(other),
        }
    }
    let norway = Jurisdiction {
        code: "NO",
        rules: Rules {
            police_report: "who-no-police",
            ..jurisdiction::of(Country::Sweden).rules
        },
        paragraphs: norwegian,
        duties: &[],
    };
    let l10n = Localizer::new().unwrap();
    let problems = jurisdiction::problems(&norway, in_every_locale(&l10n));
    assert!(
        problems.contains(&"NO: no paragraph for Police".to_string()),
        "{problems:#?}"
    );
    assert!(
        problems.contains(&"NO: who-no-police is not in the locales".to_string()),
        "{problems:#?}"
    );
}
