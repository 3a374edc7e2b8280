//! Exporting a case for the police, a registration or a court: a PDF report in the owner's
//! language (incident, timeline, evidence with times and hashes, actions, who was told and who
//! acknowledged), a zip of the original evidence, and a JSON manifest of hashes that
//! `fyr verify --manifest` checks against the zip.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::config::Config;
use crate::engine::evidence::{self, EvidenceItem, EvidenceKind, GENESIS};
use crate::engine::playbook::{Task, TaskStatus};
use crate::engine::state::{CaseEvent, TrackState};
use crate::engine::{Arg, Case, Msg};
use crate::i18n::Localizer;
use crate::model::{CaseId, Language};
use crate::report::dates;
use crate::report::pdf::{self, Block, PdfError};
use crate::report::stats::{bcp47, l10n_page};
use crate::store::{Store, StoreError};

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("there is no case {0}")]
    NoCase(CaseId),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write {path}: {detail}")]
    Write { path: PathBuf, detail: String },
    #[error("cannot read the manifest {path}: {detail}")]
    Manifest { path: PathBuf, detail: String },
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

/// One evidence item in the manifest, with the file it is stored as in the zip.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ManifestItem {
    #[serde(flatten)]
    pub item: EvidenceItem,
    pub file: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub case: CaseId,
    pub exported_at: DateTime<Utc>,
    pub zip: String,
    pub chain_head: Option<String>,
    pub items: Vec<ManifestItem>,
}

/// What an export wrote.
#[derive(Debug)]
pub struct Exported {
    pub pdf: PathBuf,
    pub zip: PathBuf,
    pub manifest: PathBuf,
}

fn file_name(item: &EvidenceItem) -> String {
    let name = match &item.kind {
        EvidenceKind::Note => "note.txt".to_string(),
        EvidenceKind::Link => "link.txt".to_string(),
        EvidenceKind::File { name } => name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || ".-_".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect(),
    };
    format!("{:03}-{name}", item.seq)
}

/// A file of an export, in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A case's export in memory: the PDF report, the zip of originals and the manifest, in that
/// order, so it can be written to a folder or sent as chat attachments without a plaintext copy
/// on disk.
pub fn build_export(
    store: &dyn Store,
    config: &Config,
    localizer: &Localizer,
    id: &CaseId,
    now: DateTime<Utc>,
) -> Result<[ExportFile; 3], ExportError> {
    let case = store
        .load_case(id)?
        .ok_or_else(|| ExportError::NoCase(id.clone()))?;
    let items = store.evidence_of(id)?;

    // The originals.
    let zip_name = format!("{id}-evidence.zip");
    let zip_err = |e: zip::result::ZipError| ExportError::Write {
        path: PathBuf::from(&zip_name),
        detail: e.to_string(),
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut manifest_items = Vec::new();
    for item in &items {
        let content = store.evidence_content(id, item.seq)?.unwrap_or_default();
        let name = file_name(item);
        zip.start_file(name.clone(), options).map_err(zip_err)?;
        zip.write_all(&content).map_err(|e| ExportError::Write {
            path: PathBuf::from(&zip_name),
            detail: e.to_string(),
        })?;
        manifest_items.push(ManifestItem {
            item: item.clone(),
            file: name,
        });
    }
    let zip_bytes = zip.finish().map_err(zip_err)?.into_inner();

    let manifest = Manifest {
        case: id.clone(),
        exported_at: now,
        zip: zip_name.clone(),
        chain_head: case.evidence_head.clone(),
        items: manifest_items,
    };
    let manifest_bytes =
        serde_json::to_vec_pretty(&manifest).expect("a manifest always serializes");

    let language = config
        .person(case.owner.as_str())
        .map_or(Language::Sv, |p| p.language);
    let blocks = report(&case, &items, config, localizer, language, now);
    let title = localizer.text(
        language,
        &Msg::new("report-title").str("case", id.to_string()),
    );
    let pdf_bytes = pdf::render(&pdf::Document {
        title: title.clone(),
        lang: bcp47(language).to_string(),
        running_head: title,
        confidential: Some(localizer.text(language, &Msg::new("report-confidential"))),
        page_label: l10n_page(localizer, language),
        created: now,
        blocks,
    })?;
    Ok([
        ExportFile {
            name: format!("{id}-report.pdf"),
            bytes: pdf_bytes,
        },
        ExportFile {
            name: zip_name,
            bytes: zip_bytes,
        },
        ExportFile {
            name: format!("{id}-manifest.json"),
            bytes: manifest_bytes,
        },
    ])
}

/// Export a case into `out` (created if missing).
pub fn export_case(
    store: &dyn Store,
    config: &Config,
    localizer: &Localizer,
    id: &CaseId,
    out: &Path,
    now: DateTime<Utc>,
) -> Result<Exported, ExportError> {
    let files = build_export(store, config, localizer, id, now)?;
    let [pdf, zip, manifest] = write_private(out, &files)?;
    Ok(Exported { pdf, zip, manifest })
}

fn kind_code(case: &Case) -> &'static str {
    use crate::model::IncidentKind::*;
    match case.kind {
        Some(Threat) => "threat",
        Some(Harassment) => "harassment",
        Some(OnlineExposure) => "online-exposure",
        Some(Criticism) => "criticism",
        Some(HardContact) => "hard-contact",
        Some(Other) | None => "other",
    }
}

fn event_code(event: &CaseEvent) -> &'static str {
    match event {
        CaseEvent::Opened => "opened",
        CaseEvent::ImmediateDanger => "immediate-danger",
        CaseEvent::ConsentGiven { .. } => "consent-given",
        CaseEvent::ConsentWithdrawn => "consent-withdrawn",
        CaseEvent::Notified {
            reminder: false, ..
        } => "notified",
        CaseEvent::Notified { reminder: true, .. } => "reminded",
        CaseEvent::Acknowledged { .. } => "acknowledged",
        CaseEvent::AckRefused { .. } => "ack-refused",
        CaseEvent::ChainExhausted { .. } => "chain-exhausted",
        CaseEvent::CheckInSent { .. } => "check-in",
        CaseEvent::CheckInAnswered => "check-in-answered",
        CaseEvent::Snoozed => "snoozed",
        CaseEvent::FollowUpSent { .. } => "follow-up",
        CaseEvent::DutyReminded { .. } => "duty-reminded",
        CaseEvent::DutyDone { .. } => "duty-done",
        CaseEvent::DutyNotApplicable { .. } => "duty-not-applicable",
        CaseEvent::EvidenceSealed { .. } => "evidence-sealed",
        CaseEvent::HelperInvited { .. } => "helper-invited",
        CaseEvent::HelperRemoved { .. } => "helper-removed",
        CaseEvent::HelperRefused { .. } => "helper-refused",
        CaseEvent::Closed => "closed",
    }
}

/// A SHA-256 in groups of four, so it can be read aloud and compared by eye.
pub fn readable_fingerprint(hex: &str) -> String {
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

fn report(
    case: &Case,
    items: &[EvidenceItem],
    config: &Config,
    l10n: &Localizer,
    lang: Language,
    now: DateTime<Utc>,
) -> Vec<Block> {
    let tz = config.unit(&case.unit).map(|u| u.timezone);
    let local = |at: DateTime<Utc>| dates::date_time(l10n, lang, at, tz);
    let name = |p: &crate::model::PersonId| {
        config
            .person(p.as_str())
            .map_or_else(|| p.to_string(), |p| p.name.clone())
    };
    let t = |msg: Msg| l10n.text(lang, &msg);
    let mut blocks = vec![
        Block::Title(t(Msg::new("report-title").str("case", case.id.to_string()))),
        Block::Paragraph(t(Msg::new("report-generated").str("date", local(now)))),
        Block::Heading(t(Msg::new("report-incident"))),
        Block::Paragraph(t(Msg::new("report-kind").str("kind", kind_code(case)))),
        Block::Paragraph(t(
            Msg::new("report-opened").str("date", local(case.opened_at))
        )),
        Block::Paragraph(t(Msg::new("report-employee").str("name", name(&case.owner)))),
        Block::Heading(t(Msg::new("report-timeline"))),
    ];
    for entry in &case.log {
        let who = match &entry.event {
            CaseEvent::Notified { to, .. } => name(to),
            CaseEvent::Acknowledged { by, .. }
            | CaseEvent::DutyDone { by, .. }
            | CaseEvent::DutyNotApplicable { by, .. } => name(by),
            CaseEvent::HelperInvited { person } | CaseEvent::HelperRemoved { person } => {
                name(person)
            }
            _ => String::new(),
        };
        let text = t(Msg::new("report-event")
            .str("event", event_code(&entry.event))
            .str("who", who));
        blocks.push(Block::Paragraph(format!("{}: {text}", local(entry.at))));
    }
    blocks.push(Block::Heading(t(Msg::new("report-evidence"))));
    if items.is_empty() {
        blocks.push(Block::Paragraph(t(Msg::new("report-no-evidence"))));
    }
    for item in items {
        let kind = match &item.kind {
            EvidenceKind::Note => t(Msg::new("report-item-note")),
            EvidenceKind::Link => t(Msg::new("report-item-link")),
            EvidenceKind::File { name } => {
                t(Msg::new("report-item-file").str("file", name.clone()))
            }
        };
        blocks.push(Block::Paragraph(format!(
            "{}. {}: {kind} ({})",
            item.seq,
            local(item.received_at),
            file_name(item)
        )));
        blocks
            .push(Block::Detail(t(Msg::new("report-fingerprint")
                .str("hash", readable_fingerprint(&item.content_hash)))));
        if item.added_by != case.owner {
            blocks.push(Block::Detail(t(
                Msg::new("report-item-added-by").str("who", name(&item.added_by))
            )));
        }
    }
    blocks.push(Block::Heading(t(Msg::new("report-actions"))));
    let marked = Task::ALL
        .iter()
        .filter(|t| t.label().starts_with("task-"))
        .any(|task| case.tasks.contains_key(task));
    if !marked {
        blocks.push(Block::Paragraph(t(Msg::new("report-no-actions"))));
    }
    for task in Task::ALL.iter().filter(|t| t.label().starts_with("task-")) {
        if let Some(status) = case.tasks.get(task) {
            let state = match status {
                TaskStatus::Done => "done",
                TaskStatus::Later => "later",
                TaskStatus::NotRelevant => "not-relevant",
            };
            blocks.push(Block::Paragraph(format!(
                "{}: {}",
                t(Msg::new(task.label())),
                t(Msg::new("report-status").str("status", state))
            )));
        }
    }
    blocks.push(Block::Heading(t(Msg::new("report-notified"))));
    if case.tracks.is_empty() {
        blocks.push(Block::Paragraph(t(Msg::new("status-nobody-told"))));
    }
    for track in &case.tracks {
        let asked: Vec<String> = track.asked.iter().map(name).collect();
        let state = match (&track.acknowledged_by, track.state) {
            (Some(by), _) => t(Msg::new("status-acknowledged")
                .str("who", name(by))
                .str("role", track.kind.code())
                .str("country", case.country.code())),
            (None, TrackState::Withdrawn) => t(Msg::new("status-withdrawn")
                .str("role", track.kind.code())
                .str("country", case.country.code())),
            (None, TrackState::Open) => t(Msg::new("status-waiting")
                .str("who", track.asked.last().map(name).unwrap_or_default())
                .str("role", track.kind.code())
                .str("country", case.country.code())),
            (None, _) => t(Msg::new("status-nobody-answered")
                .str("role", track.kind.code())
                .str("country", case.country.code())),
        };
        blocks.push(Block::Paragraph(format!(
            "{state} ({})",
            t(Msg::new("report-asked").str("who", asked.join(", ")))
        )));
    }
    blocks.push(Block::Paragraph(t(
        Msg::new("report-footer").arg("count", Arg::Num(items.len() as i64))
    )));
    blocks
}

/// Check an exported manifest against its zip: every file's hash, every chain link, the head.
pub fn verify_manifest(path: &Path) -> Result<Vec<String>, ExportError> {
    let err = |detail: String| ExportError::Manifest {
        path: path.to_path_buf(),
        detail,
    };
    let text = std::fs::read(path).map_err(|e| err(e.to_string()))?;
    let manifest: Manifest = serde_json::from_slice(&text).map_err(|e| err(e.to_string()))?;
    let zip_path = path.with_file_name(&manifest.zip);
    let file =
        std::fs::File::open(&zip_path).map_err(|e| err(format!("{}: {e}", zip_path.display())))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| err(e.to_string()))?;
    let mut problems = planted_or_escaping(&manifest, &mut archive);
    let mut prev = GENESIS.to_string();
    for entry in &manifest.items {
        let item = &entry.item;
        if !is_plain_name(&entry.file) {
            // Never opened: a name that climbs out of the folder is refused outright.
            prev = item.chain.clone();
            continue;
        }
        let mut content = Vec::new();
        match archive.by_name(&entry.file) {
            Ok(mut f) => {
                if f.read_to_end(&mut content).is_err() {
                    problems.push(format!("item {}: {} cannot be read", item.seq, entry.file));
                    continue;
                }
            }
            Err(_) => {
                problems.push(format!(
                    "item {}: {} is missing from the zip",
                    item.seq, entry.file
                ));
                continue;
            }
        }
        if evidence::sha256_hex(&content) != item.content_hash {
            problems.push(format!(
                "item {}: {} does not match its hash",
                item.seq, entry.file
            ));
        }
        if evidence::chain_hash(item) != item.chain || item.prev != prev {
            problems.push(format!("item {}: the chain is broken here", item.seq));
        }
        prev = item.chain.clone();
    }
    let head = manifest.items.last().map(|i| i.item.chain.clone());
    if head != manifest.chain_head {
        problems.push("the last item is not the head of the chain: items are missing".into());
    }
    Ok(problems)
}

/// The problems of names in an export: a zip entry the manifest does not list (planted), and a
/// name in the zip or the manifest that is not a plain file name (it could be written outside
/// the folder it is unpacked in).
fn planted_or_escaping<R: Read + std::io::Seek>(
    manifest: &Manifest,
    archive: &mut zip::ZipArchive<R>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for entry in &manifest.items {
        if !is_plain_name(&entry.file) {
            problems.push(format!(
                "item {}: the manifest names {:?}, a path outside the export folder",
                entry.item.seq, entry.file
            ));
        }
    }
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    for name in names {
        if !is_plain_name(&name) {
            problems.push(format!(
                "the zip holds {name:?}, a path outside the export folder"
            ));
        } else if !manifest.items.iter().any(|i| i.file == name) {
            problems.push(format!(
                "{name} is not in the manifest: it was added to the zip after the export"
            ));
        }
    }
    problems
}

/// A plain file name as Fyr writes them: no folder, no `..`, no drive or root.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', ':', '\0'])
}

/// Write an export's files into `out`, readable by their owner only (0600); a folder Fyr
/// creates for them is 0700.
pub fn write_private(out: &Path, files: &[ExportFile; 3]) -> Result<[PathBuf; 3], ExportError> {
    let failed = |path: &Path, e: std::io::Error| ExportError::Write {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let mut folder = std::fs::DirBuilder::new();
    folder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        folder.mode(0o700);
    }
    folder.create(out).map_err(|e| failed(out, e))?;
    let mut paths = Vec::new();
    for file in files {
        let path = out.join(&file.name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut f = options.open(&path).map_err(|e| failed(&path, e))?;
        // A file that was there already keeps its mode through `open`: make it private.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            f.set_permissions(std::fs::Permissions::from_mode(0o600))
                .map_err(|e| failed(&path, e))?;
        }
        f.write_all(&file.bytes).map_err(|e| failed(&path, e))?;
        f.sync_all().map_err(|e| failed(&path, e))?;
        paths.push(path);
    }
    Ok(paths.try_into().expect("three files"))
}

/// The names of a case's export files.
pub fn export_file_names(id: &CaseId) -> [String; 3] {
    [
        format!("{id}-report.pdf"),
        format!("{id}-evidence.zip"),
        format!("{id}-manifest.json"),
    ]
}

/// Remove a case's export from `folder`: its three files, then the folder if that leaves it
/// empty. Returns the files removed; a file already gone is no error.
pub fn remove_export(folder: &Path, id: &CaseId) -> std::io::Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    for name in export_file_names(id) {
        let path = folder.join(name);
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    // Only an empty folder goes; anything else in it is not Fyr's.
    let _ = std::fs::remove_dir(folder);
    Ok(removed)
}

/// Refuse an export folder inside the data folder: exports are plaintext, the data folder is
/// what is backed up and encrypted, and erasing the data folder's content must not meet them.
pub fn outside_data_folder(out: &Path, data: &Path) -> Result<(), String> {
    let resolve = |p: &Path| -> PathBuf {
        // The nearest part that exists, resolved, with the rest appended.
        let absolute = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        let mut existing = absolute.as_path();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent;
                }
                _ => break,
            }
        }
        let mut resolved = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.into());
        for name in rest.iter().rev() {
            resolved.push(name);
        }
        resolved
    };
    let (out_at, data_at) = (resolve(out), resolve(data));
    if out_at.starts_with(&data_at) {
        return Err(format!(
            "--out {} is inside the data folder {}\n  help: exports are not encrypted: write them to a folder of their own outside {}, e.g. --out ./fyr-export",
            out.display(),
            data.display(),
            data.display()
        ));
    }
    Ok(())
}
