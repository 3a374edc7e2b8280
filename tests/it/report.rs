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
        "F-7K3M-Q9XD",
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
    assert_eq!(text.matches("Fyr – ärende F-7K3M-Q9XD").count(), pages + 1);
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
        "F-2B8N-W4HC",
    );
    let text = pdftotext(&case_report(dir.path(), &config, &store, &id));
    for exact in [
        "Nguyễn Văn Ánh",
        "Łucja Øhlenschlæger",
        "2. marts 2026 kl. 14.05",
        "Fortroligt",
        "Side 1 af",
        "Fyr – sag F-2B8N-W4HC",
    ] {
        assert!(
            text.contains(exact),
            "{exact:?} is not in the report:\n{text}"
        );
    }
}

/// A case opened at `opened` whose first notification is acknowledged `ack_after` later.
fn counted_case(
    id: &str,
    unit: &str,
    kind: IncidentKind,
    opened: chrono::DateTime<Utc>,
    ack_after: Option<Duration>,
) -> Case {
    let mut case = Case::new(
        CaseId::new(id),
        PersonId::new(format!("{}-employee", &unit[..2])),
        UnitId::new(unit),
        if unit.starts_with("se") {
            Country::Sweden
        } else {
            Country::Denmark
        },
        opened,
    );
    case.kind = Some(kind);
    let manager = PersonId::new(format!("{}-manager", &unit[..2]));
    let told = opened + Duration::minutes(10);
    case.record(
        told,
        CaseEvent::Notified {
            to: manager.clone(),
            track: TrackKind::Manager,
            reminder: false,
        },
    );
    if let Some(after) = ack_after {
        case.record(
            told + after,
            CaseEvent::Acknowledged {
                by: manager,
                track: TrackKind::Manager,
            },
        );
    }
    case
}

/// January: 7 threats. February: 6 threats, 2 harassment, 1 online exposure in Sweden, and 5
/// threats in Denmark. Acknowledged after 1 to 9 hours, some not at all.
fn winter_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let jan = Utc.with_ymd_and_hms(2026, 1, 12, 9, 0, 0).unwrap();
    let feb = Utc.with_ymd_and_hms(2026, 2, 9, 9, 0, 0).unwrap();
    for i in 0..7 {
        let ack = (i < 6).then(|| Duration::hours(i + 1));
        cases.push(counted_case(
            &format!("SE-J{i}"),
            "se-unit",
            IncidentKind::Threat,
            jan + Duration::days(i),
            ack,
        ));
    }
    let feb_kinds = [IncidentKind::Threat; 6].into_iter().chain([
        IncidentKind::Harassment,
        IncidentKind::Harassment,
        IncidentKind::OnlineExposure,
    ]);
    for (i, kind) in feb_kinds.enumerate() {
        let ack = Some(Duration::hours(2 + i as i64));
        cases.push(counted_case(
            &format!("SE-F{i}"),
            "se-unit",
            kind,
            feb + Duration::days(i as i64),
            ack,
        ));
    }
    for i in 0..5 {
        cases.push(counted_case(
            &format!("DK-F{i}"),
            "dk-unit",
            IncidentKind::Threat,
            feb + Duration::days(i),
            Some(Duration::hours(1)),
        ));
    }
    cases
}

/// A year in one Swedish unit, March 2025 to February 2026, with every kind: the picture in the
/// README. The hours to the first acknowledgement cycle through 1 to 12.
fn a_year_of_cases() -> Vec<Case> {
    let per_month: [(IncidentKind, [usize; 12]); 5] = [
        (IncidentKind::Threat, [6, 8, 5, 9, 3, 7, 10, 6, 12, 8, 7, 9]),
        (
            IncidentKind::Harassment,
            [5, 3, 6, 2, 5, 4, 6, 5, 7, 3, 5, 6],
        ),
        (
            IncidentKind::OnlineExposure,
            [2, 5, 3, 6, 2, 1, 5, 7, 2, 5, 6, 3],
        ),
        (
            IncidentKind::Criticism,
            [1, 0, 2, 1, 0, 1, 2, 0, 1, 1, 0, 2],
        ),
        (
            IncidentKind::HardContact,
            [0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0],
        ),
    ];
    let mut cases = Vec::new();
    for (kind, counts) in per_month {
        for (m, n) in counts.into_iter().enumerate() {
            let (year, month) = if m < 10 {
                (2025, m as u32 + 3)
            } else {
                (2026, m as u32 - 9)
            };
            for i in 0..n {
                let opened = Utc
                    .with_ymd_and_hms(year, month, 3 + i as u32, 9, 0, 0)
                    .unwrap();
                let hours = (cases.len() % 12) as i64 + 1;
                let ack = (cases.len() % 9 != 0).then(|| Duration::hours(hours));
                let mut case = counted_case(
                    &format!("SE-Y{}", cases.len()),
                    "se-unit",
                    kind,
                    opened,
                    ack,
                );
                // Most cases are closed after two months; the last months' are still open.
                if m < 10 && i % 4 != 0 {
                    case.record(opened + Duration::days(60), CaseEvent::Closed);
                }
                cases.push(case);
            }
        }
    }
    cases
}

fn stats_store(cases: Vec<Case>) -> MemoryStore {
    let store = MemoryStore::new();
    store
        .commit(Commit {
            cases,
            ..Default::default()
        })
        .unwrap();
    store
}

/// Both reports of every language written to `dir`; the text of the Swedish PDF.
fn write_reports(dir: &Path, store: &MemoryStore, now: chrono::DateTime<Utc>) -> Vec<PathBuf> {
    let config = crate::support::sample_config();
    fyr::ops::stats_reports(&config, store, &Localizer::new().unwrap(), dir, now).unwrap()
}

#[test]
fn statistics_count_closed_months_round_and_combine_small_groups() {
    let store = stats_store(winter_cases());
    let dir = tempfile::tempdir().unwrap();
    let march = Utc.with_ymd_and_hms(2026, 3, 10, 10, 0, 0).unwrap();
    let written = write_reports(dir.path(), &store, march);
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "fyr-stats-sv.html",
            "fyr-stats-sv.pdf",
            "fyr-stats-da.html",
            "fyr-stats-da.pdf"
        ]
    );
    let html = std::fs::read_to_string(&written[0]).unwrap();
    let text = pdftotext(&written[1]);
    for shown in [
        // Seven threats in January are "5"; nine cases in February are "10", the two kinds
        // with fewer than five cases in the period are one group, and that group is "<5".
        "januari 2026: 5 (Hot 5)",
        "februari 2026: 10 (Hot 5, Små grupper (sammanslagna) &lt;5)",
        "Exempelförvaltningen: 15",
        "Totalt under perioden: 15 ärenden.",
        "Perioden 1 mars 2025 – 28 februari 2026.",
        // 15 acknowledged: hours 1–6 and 2–10.
        "Hälften kvitterades inom 5 timmar.",
        "Nio av tio kvitterades inom 9 timmar.",
        "Andel ärenden där chefen fick veta: 100 procent.",
    ] {
        assert!(
            html.contains(shown),
            "{shown:?} is not in the page:\n{html}"
        );
        let plain = shown.replace("&lt;", "<");
        assert!(
            text.contains(&plain),
            "{plain:?} is not in the PDF:\n{text}"
        );
    }
    // No names, ids, units of the other language or free text.
    for private in [
        "SE-J",
        "SE-F",
        "se-employee",
        "se-unit",
        "Sara",
        "Magnus",
        "Eksempelforvaltningen",
    ] {
        assert!(
            !html.contains(private) && !text.contains(private),
            "{private}"
        );
    }
    assert!(!html.contains("<script"), "no script");
    assert_eq!(
        html.matches("://").count(),
        html.matches("http://www.w3.org/2000/svg").count(),
        "no address but the SVG namespace"
    );
    assert!(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"));
    assert!(html.matches("<svg").count() == 2);

    // The Danish units get their own report, in Danish.
    let da = std::fs::read_to_string(&written[2]).unwrap();
    assert!(
        da.contains("<html lang=\"da\">") && da.contains("Sager pr. måned og art"),
        "{da}"
    );
    assert!(da.contains("februar 2026: 5 (Trusler 5)"), "{da}");
    let da_text = pdftotext(&written[3]);
    assert!(
        da_text.contains("Side 1 af") && da_text.contains("arbejdsmiljøudvalget"),
        "{da_text}"
    );
}

#[test]
fn one_new_case_between_two_reports_changes_nothing_visible() {
    let store = stats_store(winter_cases());
    let config = crate::support::sample_config();
    let march = Utc.with_ymd_and_hms(2026, 3, 10, 10, 0, 0).unwrap();
    let before = tempfile::tempdir().unwrap();
    let first = write_reports(before.path(), &store, march);
    let table_before = fyr::ops::stats(&config, &store, march).unwrap();

    // A new case, and the January case nobody had acknowledged acknowledged now: both after
    // the period ended.
    let mut late = winter_cases().swap_remove(6);
    assert!(late
        .log
        .iter()
        .all(|e| !matches!(e.event, CaseEvent::Acknowledged { .. })));
    late.record(
        march,
        CaseEvent::Acknowledged {
            by: PersonId::new("se-manager"),
            track: TrackKind::Manager,
        },
    );
    store
        .commit(Commit {
            cases: vec![
                counted_case(
                    "SE-M1",
                    "se-unit",
                    IncidentKind::Threat,
                    march,
                    Some(Duration::hours(1)),
                ),
                late,
            ],
            ..Default::default()
        })
        .unwrap();
    let later = march + Duration::days(5);
    let after = tempfile::tempdir().unwrap();
    let second = write_reports(after.path(), &store, later);
    for (a, b) in first.iter().zip(&second) {
        let (a_bytes, b_bytes) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
        assert!(
            a_bytes == b_bytes,
            "{} differs between the two runs",
            b.display()
        );
    }
    assert_eq!(
        table_before,
        fyr::ops::stats(&config, &store, later).unwrap()
    );

    // Once March has ended, the new case is counted — with the whole month, rounded.
    let april = tempfile::tempdir().unwrap();
    let third = write_reports(
        april.path(),
        &store,
        Utc.with_ymd_and_hms(2026, 4, 2, 10, 0, 0).unwrap(),
    );
    let html = std::fs::read_to_string(&third[0]).unwrap();
    assert!(html.contains("mars 2026: &lt;5"), "{html}");
}

/// A WebDriver session with chromedriver driving headless Chromium, spoken to over plain HTTP on
/// the loopback interface.
struct Chrome {
    port: u16,
    session: String,
    driver: std::process::Child,
    _profile: tempfile::TempDir,
}

/// One HTTP/1.1 request to chromedriver; the JSON it answers.
fn webdriver(
    port: u16,
    method: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> serde_json::Value {
    use std::io::{Read, Write};
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    // chromedriver may keep the connection open: read the head, then as much as it announces.
    let mut answer = Vec::new();
    let mut buf = [0u8; 65536];
    let split = loop {
        if let Some(at) = answer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "chromedriver closed the connection before answering");
        answer.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&answer[..split]).to_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map(|v| v.trim().parse().unwrap())
        .expect("chromedriver announces the length of its answer");
    while answer.len() < split + length {
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "chromedriver closed the connection mid-answer");
        answer.extend_from_slice(&buf[..n]);
    }
    let content = &answer[split..split + length];
    serde_json::from_slice(content).unwrap_or_else(|e| {
        panic!(
            "chromedriver answered {method} {path} with no JSON ({e}): {}",
            String::from_utf8_lossy(content)
        )
    })
}

impl Chrome {
    fn start() -> Chrome {
        let driver_bin = tool("chromedriver", "chromium-driver");
        let chromium = tool("chromium", "chromium");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed().as_secs() < 20,
                "chromedriver did not start"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--no-first-run".into(),
            "--hide-scrollbars".into(),
            "--window-size=900,1500".into(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let session = webdriver(
            port,
            "POST",
            "/session",
            Some(serde_json::json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {"binary": chromium, "args": args},
                "goog:loggingPrefs": {"browser": "ALL", "performance": "ALL"},
            }}})),
        );
        let id = session["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {session}"))
            .to_string();
        Chrome {
            port,
            session: id,
            driver,
            _profile: profile,
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<serde_json::Value>) -> serde_json::Value {
        let answer = webdriver(
            self.port,
            method,
            &format!("/session/{}{path}", self.session),
            body,
        );
        answer["value"].clone()
    }
}

impl Drop for Chrome {
    fn drop(&mut self) {
        webdriver(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Standard base64, as WebDriver sends screenshots.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, c)| n | u32::from(value(*c)) << (18 - 6 * i));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    out
}

#[test]
fn the_statistics_page_draws_its_charts_in_headless_chromium() {
    let store = stats_store(a_year_of_cases());
    let dir = tempfile::tempdir().unwrap();
    let march = Utc.with_ymd_and_hms(2026, 3, 10, 10, 0, 0).unwrap();
    let html = write_reports(dir.path(), &store, march).remove(0);
    let chrome = Chrome::start();
    let url = format!("file://{}", html.display());
    chrome.call("POST", "/url", Some(serde_json::json!({ "url": url })));
    let counts = chrome.call(
        "POST",
        "/execute/sync",
        Some(serde_json::json!({
            "script": "const box = document.querySelector('svg.chart').getBoundingClientRect(); \
                       return [document.querySelectorAll('svg.chart').length, \
                               document.querySelectorAll('svg.chart rect').length, \
                               document.querySelectorAll('script').length, \
                               Math.round(box.width), Math.round(box.height)];",
            "args": [],
        })),
    );
    let counts: Vec<i64> = counts
        .as_array()
        .unwrap_or_else(|| panic!("{counts}"))
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(counts[0], 2, "two charts");
    // Twelve months of stacked segments, the unit's bar, the legend.
    assert!(counts[1] >= 40, "{counts:?}");
    assert_eq!(counts[2], 0, "no script");
    assert!(
        counts[3] > 300 && counts[4] > 100,
        "the chart is drawn at size: {counts:?}"
    );

    // Nothing went wrong on the console, and the page asked for nothing but itself.
    let console = chrome.call(
        "POST",
        "/se/log",
        Some(serde_json::json!({"type": "browser"})),
    );
    assert_eq!(
        console.as_array().map(Vec::len),
        Some(0),
        "console: {console}"
    );
    let performance = chrome.call(
        "POST",
        "/se/log",
        Some(serde_json::json!({"type": "performance"})),
    );
    let mut requested = Vec::new();
    for entry in performance.as_array().unwrap() {
        let message: serde_json::Value =
            serde_json::from_str(entry["message"].as_str().unwrap()).unwrap();
        // Requests the page made (not the browser's own start page before it).
        let params = &message["message"]["params"];
        if message["message"]["method"] == "Network.requestWillBeSent"
            && params["documentURL"].as_str() == Some(url.as_str())
        {
            requested.push(
                message["message"]["params"]["request"]["url"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            );
        }
    }
    assert_eq!(requested, [url], "the page requests nothing else");

    let png = base64(chrome.call("GET", "/screenshot", None).as_str().unwrap());
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    // A blank page compresses to a few kilobytes; one with text and charts does not.
    assert!(
        png.len() > 30_000,
        "the screenshot has content: {} bytes",
        png.len()
    );
    // `FYR_UPDATE_PICTURE=1` refreshes the picture in the README from this run.
    if std::env::var_os("FYR_UPDATE_PICTURE").is_some() {
        std::fs::write(crate::support::root().join("docs/stats-report.png"), &png).unwrap();
    }
}

#[test]
fn fyr_stats_report_writes_the_page_and_the_pdf_for_each_language() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut store = fyr::store::SledStore::open(&data).unwrap();
    store
        .commit(Commit {
            cases: winter_cases(),
            ..Default::default()
        })
        .unwrap();
    store.close().unwrap();
    drop(store);
    let out = dir.path().join("reports");
    let run = crate::support::FyrCmd::new()
        .arg("stats")
        .arg("--report")
        .arg(&out)
        .arg("--config")
        .arg(crate::support::root().join("bot.toml"))
        .arg("--data")
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let printed = String::from_utf8(run.stdout).unwrap();
    for name in [
        "fyr-stats-sv.html",
        "fyr-stats-sv.pdf",
        "fyr-stats-da.html",
        "fyr-stats-da.pdf",
    ] {
        assert!(printed.contains(name), "{printed}");
        assert!(
            std::fs::metadata(out.join(name)).unwrap().len() > 1000,
            "{name}"
        );
    }
    // Winter 2026 has ended by the time this runs: its cases are in the report.
    let text = pdftotext(&out.join("fyr-stats-sv.pdf"));
    assert!(text.contains("Ärenden per månad och slag"), "{text}");
}

/// Every Rust file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn only_the_report_module_knows_krilla_and_rustybuzz() {
    let src = crate::support::root().join("src");
    for file in rust_files(&src) {
        if file.starts_with(src.join("report")) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            assert!(
                !line.contains("krilla::") && !line.contains("rustybuzz::"),
                "{}:{} uses the PDF crates directly",
                file.display(),
                n + 1
            );
        }
    }
}
