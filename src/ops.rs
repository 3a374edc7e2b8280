//! Operator commands over the data folder: verify evidence chains, erase a case, and the
//! anonymous statistics for the work environment committee.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::engine::evidence::{self, Tamper};
use crate::i18n::Localizer;
use crate::model::CaseId;
use crate::store::{Store, StoreError};

/// Counts below this are shown as "<5", so nobody can be recognised in a small unit.
pub use crate::report::stats::SUPPRESS_BELOW;

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

/// Check the store itself: every case the audit log knows and that was not erased is there
/// and readable. Returns each case that is not, with what is wrong.
pub fn check_store(store: &dyn Store) -> Result<Vec<(CaseId, String)>, StoreError> {
    let mut known: Vec<CaseId> = Vec::new();
    let mut erased = std::collections::HashSet::new();
    for line in store.audit_log()? {
        let Some(case) = line.case else { continue };
        if line.action == crate::erasure::CASE_ERASED {
            erased.insert(case);
        } else if !known.contains(&case) {
            known.push(case);
        }
    }
    let mut problems = Vec::new();
    for case in known.into_iter().filter(|c| !erased.contains(c)) {
        match store.load_case(&case) {
            Ok(Some(_)) => {}
            Ok(None) => problems.push((
                case,
                "the case record is missing, though the audit log shows the case and no erasure"
                    .to_string(),
            )),
            Err(e) => problems.push((case, format!("the case record cannot be read: {e}"))),
        }
    }
    Ok(problems)
}

/// Cases per unit, closed month and incident kind, with the reports' privacy rules (see
/// `report::stats`): only months that have ended, counts below 5 as "<5", others rounded.
pub fn stats(config: &Config, store: &dyn Store, now: DateTime<Utc>) -> Result<String, StoreError> {
    Ok(crate::report::stats::table(
        config,
        &store.all_cases()?,
        now,
    ))
}

/// The statistics reports for the work environment committee: for each language of the
/// configured units, `fyr-stats-<lang>.html` and `fyr-stats-<lang>.pdf` in `dir`.
pub fn stats_reports(
    config: &Config,
    store: &dyn Store,
    localizer: &Localizer,
    dir: &Path,
    now: DateTime<Utc>,
) -> Result<Vec<PathBuf>, ReportError> {
    use crate::report::stats;
    let cases = store.all_cases()?;
    std::fs::create_dir_all(dir).map_err(|e| ReportError::Write {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    })?;
    let mut written = Vec::new();
    for lang in stats::languages(config) {
        let statistics = stats::compute(config, &cases, localizer, lang, now);
        let html = dir.join(format!("fyr-stats-{lang}.html"));
        let pdf = dir.join(format!("fyr-stats-{lang}.pdf"));
        let pdf_bytes = stats::pdf(&statistics, localizer)?;
        for (path, bytes) in [
            (&html, stats::html(&statistics, localizer).into_bytes()),
            (&pdf, pdf_bytes),
        ] {
            std::fs::write(path, bytes).map_err(|e| ReportError::Write {
                path: path.clone(),
                detail: e.to_string(),
            })?;
        }
        written.extend([html, pdf]);
    }
    Ok(written)
}

/// Why the statistics reports could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Pdf(#[from] crate::report::pdf::PdfError),
    #[error("cannot write {path}: {detail}")]
    Write { path: PathBuf, detail: String },
}
