//! The case report and the committee's statistics as people get them: the PDF read back through
//! poppler (pdftotext, pdffonts, pdftoppm), the HTML page drawn by headless Chromium through
//! chromedriver. The tools are installed by .ci/run; a test says clearly when one is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{Duration, TimeZone, Utc};

use fyr::config::Config;
use fyr::engine::evidence::{seal, EvidenceKind};
use fyr::engine::state::{CaseEvent, Track, TrackKind, TrackState};
use fyr::engine::Case;
use fyr::i18n::Localizer;
use fyr::model::{CaseId, Country, IncidentKind, PersonId, UnitId};
use fyr::store::{Commit, MemoryStore, Store};

/// A system tool the test needs, or a panic that says how to get it.
fn tool(name: &str, package: &str) -> PathBuf {
    for dir in ["/usr/bin", "/usr/local/bin", "/bin"] {
        let path = Path::new(dir).join(name);
        if path.exists() {
            return path;
        }
    }
    panic!(
        "{name} is missing: install the Debian package {package} (.ci/run does it when missing)"
    );
}

/// The sample configuration with the names of the people in the test set.
fn names_config(dir: &Path) -> Config {
    let text = std::fs::read_to_string(crate::support::root().join("bot.toml")).unwrap();
    let text = text
        .replace("\"Sara Lind\"", "\"Łucja Dvořák\"")
        .replace("\"Magnus Berg\"", "\"Şule Nguyễn\"")
        .replace("\"Dalia Nord\"", "\"李娜\"")
        .replace("\"Kim Strand\"", "\"Bjørn Kæmpe\"")
        .replace("\"Dorthe Holm\"", "\"Nguyễn Văn Ánh\"")
        .replace("\"Mads Krog\"", "\"Łucja Øhlenschlæger\"");
    let path = dir.join("bot.toml");
    std::fs::write(&path, text).unwrap();
    Config::load(&path).unwrap()
}

/// A case told to the manager chain, acknowledged by the deputy, with a note, a long link and
/// a file a helper added.
fn told_case(store: &MemoryStore, unit: &str, owner: &str, chain: [&str; 2], id: &str) -> CaseId {
    let opened = crate::support::monday_morning();
    let id = CaseId::new(id);
    let mut case = Case::new(
        id.clone(),
        PersonId::new(owner),
        UnitId::new(unit),
        if unit.starts_with("se") {
            Country::Sweden
        } else {
            Country::Denmark
        },
        opened,
    );
    case.kind = Some(IncidentKind::Threat);
    let [manager, deputy] = chain.map(PersonId::new);
    // 13:05 UTC: 14.05 in Stockholm and Copenhagen.
    let told = Utc.with_ymd_and_hms(2026, 3, 2, 13, 5, 0).unwrap();
    case.record(
        told,
        CaseEvent::Notified {
            to: manager.clone(),
            track: TrackKind::Manager,
            reminder: false,
        },
    );
    case.record(
        told + Duration::hours(1),
        CaseEvent::Notified {
            to: deputy.clone(),
            track: TrackKind::Manager,
            reminder: false,
        },
    );
    case.record(
        told + Duration::minutes(90),
        CaseEvent::Acknowledged {
            by: deputy.clone(),
            track: TrackKind::Manager,
        },
    );
    case.tracks.push(Track {
        kind: TrackKind::Manager,
        urgent: false,
        chain: vec![manager.clone(), deputy.clone()],
        stage: 1,
        out_of_hours_first: false,
        state: TrackState::Acknowledged,
        started_at: told,
        asked: vec![manager, deputy.clone()],
        acknowledged_by: Some(deputy),
    });
    let helper = PersonId::new(format!("{}-colleague", &unit[..2]));
    case.record(
        told + Duration::hours(2),
        CaseEvent::HelperInvited {
            person: helper.clone(),
        },
    );
    let owner = PersonId::new(owner);
    let note = "Han skrev att han vet var jag bor.".as_bytes().to_vec();
    let link = format!(
        "https://example.org/forum/thread/{}?comment=98765",
        "a-very-long-slug-".repeat(8)
    )
    .into_bytes();
    let file = b"\x89PNG fake screenshot bytes".to_vec();
    let mut evidence = Vec::new();
    for (kind, content, by) in [
        (EvidenceKind::Note, note, &owner),
        (EvidenceKind::Link, link, &owner),
        (
            EvidenceKind::File {
                name: "李-skärmdump.png".into(),
            },
            file,
            &helper,
        ),
    ] {
        let item = seal(&mut case, kind, &content, by, "console", told);
        evidence.push((item, content));
    }
    store
        .commit(Commit {
            cases: vec![case],
            evidence,
            ..Default::default()
        })
        .unwrap();
    id
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new(tool("pdftotext", "poppler-utils"))
        .arg("-enc")
        .arg("UTF-8")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "pdftotext complains: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The case report of `id` written to `dir`.
fn case_report(dir: &Path, config: &Config, store: &MemoryStore, id: &CaseId) -> PathBuf {
    let now = Utc.with_ymd_and_hms(2026, 3, 9, 9, 30, 0).unwrap();
    let [pdf, _, _] =
        fyr::export::build_export(store, config, &Localizer::new().unwrap(), id, now).unwrap();
    let path = dir.join(&pdf.name);
    std::fs::write(&path, &pdf.bytes).unwrap();
    path
}

#[test]
fn the_case_report_prints_every_name_exactly_and_embeds_its_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let config = names_config(dir.path());
    let store = MemoryStore::new();
    let id = told_case(
        &store,
        "se-unit",
        "se-employee",
        ["se-manager", "se-deputy"],
        "SE-TEST1",
    );
    let pdf = case_report(dir.path(), &config, &store, &id);
    let text = pdftotext(&pdf);
    for exact in [
        "Łucja Dvořák",
        "Şule Nguyễn",
        "李娜",
        "Bjørn Kæmpe",
        "李-skärmdump.png",
        "Ärende",
        "å",
        "ä",
        "ö",
        "æ",
        "ø",
        // Dates as Swedish prose in the unit's time zone, not ISO.
        "2 mars 2026 kl. 14.05",
        "9 mars 2026 kl. 10.30",
        // The case reference and "Confidential" on every page, and page numbers.
        "Konfidentiellt",
        "Sida 1 av",
    ] {
        assert!(
            text.contains(exact),
            "{exact:?} is not in the report:\n{text}"
        );
    }
    assert!(!text.contains('?'), "nothing printed as ?:\n{text}");
    assert!(
        !text.contains("2026-03-02"),
        "no ISO dates in the prose:\n{text}"
    );
    let pages = text.matches('\u{c}').count();
    assert_eq!(
        text.matches("Konfidentiellt").count(),
        pages,
        "every page is marked:\n{text}"
    );
    assert_eq!(text.matches("Fyr – ärende SE-TEST1").count(), pages + 1);
    // The fingerprint once per item, in groups of four.
    let items = fyr::store::Store::evidence_of(&store, &id).unwrap();
    for item in &items {
        let readable = fyr::export::readable_fingerprint(&item.content_hash);
        assert_eq!(text.matches(&readable).count(), 1, "{readable}\n{text}");
    }
    insta::assert_snapshot!("case_report_text", text);

    // Every font is embedded (a subset), Noto Sans among them.
    let fonts = Command::new(tool("pdffonts", "poppler-utils"))
        .arg(&pdf)
        .output()
        .unwrap();
    let fonts = String::from_utf8(fonts.stdout).unwrap();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(
        rows.len() >= 3,
        "regular, bold and the CJK fallback:\n{fonts}"
    );
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "embedded subset with ToUnicode: {row}"
        );
    }
    assert!(
        fonts.contains("NotoSans-Regular") && fonts.contains("NotoSans-Bold"),
        "{fonts}"
    );

    // Archival and accessibility claims are in the metadata, and the document is tagged.
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A-2");
    assert!(
        raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "PDF/A-2b"
    );
    assert!(raw.contains("<pdfuaid:part>1</pdfuaid:part>"), "PDF/UA-1");
    assert!(
        raw.contains("/StructTreeRoot") && raw.contains("/Marked true"),
        "tagged"
    );

    // The pages render without a complaint.
    let out = Command::new(tool("pdftoppm", "poppler-utils"))
        .args(["-r", "40", "-png"])
        .arg(&pdf)
        .arg(dir.path().join("page"))
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rendered: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    assert_eq!(rendered.len(), pages);
    for png in rendered {
        assert!(
            std::fs::metadata(&png).unwrap().len() > 1000,
            "{}",
            png.display()
        );
    }
}

#[test]
fn a_danish_case_report_is_danish_in_words_dates_and_marking() {
    let dir = tempfile::tempdir().unwrap();
    let config = names_config(dir.path());
    let store = MemoryStore::new();
    let id = told_case(
        &store,
        "dk-unit",
        "dk-employee",
        ["dk-manager", "dk-deputy"],
        "DK-TEST1",
    );
    let text = pdftotext(&case_report(dir.path(), &config, &store, &id));
    for exact in [
        "Nguyễn Văn Ánh",
        "Łucja Øhlenschlæger",
        "2. marts 2026 kl. 14.05",
        "Fortroligt",
        "Side 1 af",
        "Fyr – sag DK-TEST1",
    ] {
        assert!(
            text.contains(exact),
            "{exact:?} is not in the report:\n{text}"
        );
    }
}
