//! Operator commands over the data folder: verify evidence chains, erase a case, and the
//! anonymous statistics for the work environment committee.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::engine::evidence::{self, Tamper};
use crate::model::CaseId;
use crate::store::{Store, StoreError};

/// Counts below this are shown as "<5", so nobody can be recognised in a small unit.
pub const SUPPRESS_BELOW: usize = 5;

/// Recompute the evidence chains of one case or of all; every problem, precisely.
pub fn verify(
    store: &dyn Store,
    only: Option<&CaseId>,
) -> Result<Vec<(CaseId, Tamper)>, StoreError> {
    let cases = match only {
        Some(id) => store.load_case(id)?.into_iter().collect(),
        None => store.all_cases()?,
    };
    let mut problems = Vec::new();
    for case in cases {
        let items = store.evidence_of(&case.id)?;
        let found = evidence::verify(&case, &items, |seq| {
            match store.evidence_content(&case.id, seq) {
                Ok(content) => content,
                // Content that no longer decrypts was changed after it was sealed: hand back
                // something that cannot match its hash, so it is reported as changed.
                Err(_) => Some(Vec::new()),
            }
        });
        problems.extend(found.into_iter().map(|t| (case.id.clone(), t)));
    }
    Ok(problems)
}

/// Cases per unit, month and incident kind, with small counts suppressed.
pub fn stats(config: &Config, store: &dyn Store) -> Result<String, StoreError> {
    let mut counts: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for case in store.all_cases()? {
        let unit = config.unit(&case.unit);
        let month = match unit {
            Some(u) => case
                .opened_at
                .with_timezone(&u.timezone)
                .format("%Y-%m")
                .to_string(),
            None => case.opened_at.format("%Y-%m").to_string(),
        };
        let kind = case.kind.map_or_else(
            || "unknown".to_string(),
            |k| {
                serde_json::to_value(k)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            },
        );
        *counts
            .entry((case.unit.to_string(), month, kind))
            .or_default() += 1;
    }
    let mut out = String::from("unit\tmonth\tkind\tcases\n");
    for ((unit, month, kind), n) in counts {
        let shown = if n < SUPPRESS_BELOW {
            format!("<{SUPPRESS_BELOW}")
        } else {
            n.to_string()
        };
        out.push_str(&format!("{unit}\t{month}\t{kind}\t{shown}\n"));
    }
    Ok(out)
}
