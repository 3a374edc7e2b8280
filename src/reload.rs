//! Reloading bot.toml and the staff directory without a restart (SIGHUP, `fyr reload`).
//!
//! New persons can write at once. A person who left keeps their cases (erasable, kept per the
//! unit's retention) and is no longer asked in any escalation; an open escalation whose unit has
//! another manager (or other deputies, safety reps, on-call) asks the new people at its next
//! stage. Everything is audited: one `directory-reloaded` line, an `escalation-updated` line per
//! case whose chain changed, a `left-directory` line per case of a person who left. Audit lines
//! carry ids, never names.

use chrono::{DateTime, Utc};

use crate::config::directory::{changes, Changes};
use crate::config::Config;
use crate::driver::Driver;
use crate::engine::escalation::chain_for;
use crate::engine::state::TrackState;
use crate::store::{AuditEntry, Commit, Store, StoreError};

/// What a reload did.
#[derive(Debug, Default)]
pub struct Reloaded {
    pub changes: Changes,
    /// Open cases whose escalation now asks other people next.
    pub escalations_updated: usize,
}

/// Put `new` in place of the driver's configuration, update the open escalations and audit it.
pub fn apply<S: Store>(
    driver: &mut Driver<S>,
    mut new: Config,
    now: DateTime<Utc>,
) -> Result<Reloaded, StoreError> {
    // The console reaches everyone, before the reload as after it.
    new.console = driver.config().console;
    let changes = changes(driver.config(), &new);
    let mut commit = Commit::default();
    let mut updated = 0;
    for mut case in driver.store().all_cases()? {
        if case.closed_at.is_some() {
            continue;
        }
        if new.person(case.owner.as_str()).is_none() {
            commit.audit.push(AuditEntry {
                at: now,
                who: case.owner.as_str().to_string(),
                action: "left-directory".into(),
                case: Some(case.id.clone()),
                place: None,
            });
        }
        let Some(policy) = new.unit(&case.unit).map(|u| &u.policy) else {
            continue;
        };
        let mut changed = false;
        for track in &mut case.tracks {
            if track.state != TrackState::Open || track.chain.is_empty() {
                continue;
            }
            let fresh = chain_for(policy, &new, &case.owner, track.kind, track.urgent, now).people;
            // Who was asked (up to the current stage) stays; who comes next is the unit's
            // chain now, without anyone asked already or no longer in the directory.
            let asked_upto = track.stage.min(track.chain.len() - 1) + 1;
            let mut chain = track.chain[..asked_upto].to_vec();
            for p in fresh {
                if !chain.contains(&p)
                    && !track.asked.contains(&p)
                    && new.person(p.as_str()).is_some()
                {
                    chain.push(p);
                }
            }
            if chain != track.chain {
                track.chain = chain;
                changed = true;
            }
        }
        if changed {
            updated += 1;
            commit.audit.push(AuditEntry {
                at: now,
                who: "operator".into(),
                action: "escalation-updated".into(),
                case: Some(case.id.clone()),
                place: None,
            });
            commit.cases.push(case);
        }
    }
    commit.audit.push(AuditEntry {
        at: now,
        who: "operator".into(),
        action: "directory-reloaded".into(),
        case: None,
        place: None,
    });
    driver.store().commit(commit)?;
    driver.replace_config(new);
    Ok(Reloaded {
        changes,
        escalations_updated: updated,
    })
}

/// Read the configuration again from where the driver's came from and apply it; a broken one
/// leaves everything as it was. Logged without names: counts only.
pub fn reload_from_disk<S: Store>(driver: &mut Driver<S>, now: DateTime<Utc>) -> Option<Reloaded> {
    let source = driver.config().source.clone();
    match Config::load(&source) {
        Ok(new) => match apply(driver, new, now) {
            Ok(r) => {
                tracing::info!(
                    added = r.changes.added.len(),
                    removed = r.changes.removed.len(),
                    moved = r.changes.moved.len(),
                    new_managers = r.changes.new_managers.len(),
                    escalations_updated = r.escalations_updated,
                    "configuration reloaded"
                );
                Some(r)
            }
            Err(e) => {
                tracing::error!("reload failed, the previous configuration stays: {e}");
                None
            }
        },
        Err(e) => {
            tracing::error!(
                problems = e.problems().len(),
                "the new configuration is broken, the previous one stays; run `fyr check-config` to see why"
            );
            None
        }
    }
}
