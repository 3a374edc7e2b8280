//! Statistics for the work environment committee (skyddskommitté, arbejdsmiljøudvalg/MED):
//! cases per month stacked by kind, per unit, time to the first acknowledgement, the share of
//! cases where the manager was told and follow-ups still going on — as a self-contained HTML
//! page with inline SVG and as a PDF, in the language of the units it covers.
//!
//! Privacy is the design, not a filter at the end:
//! - only whole months that have ended count (the last twelve), and every figure is computed as
//!   it stood when the period ended, so a report made today and one made next week are the same
//!   until another month has closed: one new case between two runs changes nothing;
//! - counts below 5 are suppressed ("<5"), the others are rounded to the nearest five;
//! - kinds and units with fewer than 5 cases in the period are combined into one group, and
//!   shares and the 90th percentile need at least 10 cases;
//! - no name, case reference or free text is ever read into the statistics.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use super::chart::{esc, Bar, BarChart, Segment, Series, PALETTE};
use super::dates;
use super::pdf::{self, Block, PdfError};
use crate::config::Config;
use crate::engine::state::{CaseEvent, TrackKind};
use crate::engine::{Arg, Case, Msg};
use crate::i18n::Localizer;
use crate::model::{IncidentKind, Language};

/// Counts below this are shown as "<5", so nobody can be recognised in a small unit.
pub const SUPPRESS_BELOW: usize = 5;
/// Shares and the 90th percentile need this many cases.
pub const SHARE_NEEDS: usize = 10;
/// How many closed months a report covers.
pub const MONTHS: usize = 12;

/// A count as it may be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Zero,
    /// 1 to 4.
    Suppressed,
    /// Rounded to the nearest five.
    About(u32),
}

impl Shown {
    pub fn of(n: usize) -> Shown {
        match n {
            0 => Shown::Zero,
            n if n < SUPPRESS_BELOW => Shown::Suppressed,
            n => Shown::About(((n + 2) / 5 * 5) as u32),
        }
    }

    /// The value a chart segment gets (None for a suppressed count).
    fn value(self) -> Option<u32> {
        match self {
            Shown::Zero => Some(0),
            Shown::Suppressed => None,
            Shown::About(n) => Some(n),
        }
    }

    pub fn text(self) -> String {
        match self {
            Shown::Zero => "0".into(),
            Shown::Suppressed => format!("<{SUPPRESS_BELOW}"),
            Shown::About(n) => n.to_string(),
        }
    }
}

/// A month, (year, month 1–12).
pub type Month = (i32, u32);

fn next(month: Month) -> Month {
    if month.1 == 12 {
        (month.0 + 1, 1)
    } else {
        (month.0, month.1 + 1)
    }
}

fn start_of(month: Month, tz: Tz) -> DateTime<Utc> {
    let day = NaiveDate::from_ymd_opt(month.0, month.1, 1)
        .expect("the first of a month exists")
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists");
    // Midnight exists in every zone Fyr's units use (DST changes at 02:00 or 03:00).
    tz.from_local_datetime(&day)
        .earliest()
        .map_or_else(|| day.and_utc(), |t| t.with_timezone(&Utc))
}

/// The last `MONTHS` months that have ended at `now` in every one of these zones, oldest first.
pub fn closed_months(now: DateTime<Utc>, zones: &[Tz]) -> Vec<Month> {
    let current = zones
        .iter()
        .map(|tz| {
            let local = now.with_timezone(tz);
            (local.year(), local.month())
        })
        .min()
        .unwrap_or((now.year(), now.month()));
    let mut months = Vec::with_capacity(MONTHS);
    let mut m = current;
    for _ in 0..MONTHS {
        m = if m.1 == 1 {
            (m.0 - 1, 12)
        } else {
            (m.0, m.1 - 1)
        };
        months.push(m);
    }
    months.reverse();
    months
}

/// What one case contributes, as it stood at the end of the period. No id, name or text.
struct Counted {
    unit: usize,
    month: usize,
    kind: &'static str,
    /// Hours from the first notification to the first acknowledgement, rounded up.
    ack_hours: Option<u32>,
    manager_told: bool,
    follow_up_open: bool,
}

fn kind_code(kind: Option<IncidentKind>) -> &'static str {
    match kind {
        Some(IncidentKind::Threat) => "threat",
        Some(IncidentKind::Harassment) => "harassment",
        Some(IncidentKind::OnlineExposure) => "online-exposure",
        Some(IncidentKind::Criticism) => "criticism",
        Some(IncidentKind::HardContact) => "hard-contact",
        Some(IncidentKind::Other) | None => "other",
    }
}

const KINDS: [&str; 6] = [
    "threat",
    "harassment",
    "online-exposure",
    "criticism",
    "hard-contact",
    "other",
];

fn count(
    case: &Case,
    unit: usize,
    month: usize,
    as_of: DateTime<Utc>,
    followups: usize,
) -> Counted {
    let log = || case.log.iter().filter(|e| e.at < as_of);
    let first_told = log()
        .find(|e| {
            matches!(
                e.event,
                CaseEvent::Notified {
                    reminder: false,
                    ..
                }
            )
        })
        .map(|e| e.at);
    let first_ack = log()
        .find(|e| matches!(e.event, CaseEvent::Acknowledged { .. }))
        .map(|e| e.at);
    let ack_hours = match (first_told, first_ack) {
        (Some(told), Some(ack)) if ack >= told => {
            let minutes = (ack - told).num_minutes().max(0);
            Some(((minutes + 59) / 60).max(1) as u32)
        }
        _ => None,
    };
    let manager_told = log().any(|e| {
        matches!(
            e.event,
            CaseEvent::Notified {
                track: TrackKind::Manager,
                ..
            }
        )
    });
    let manager_ack = log().any(|e| {
        matches!(
            e.event,
            CaseEvent::Acknowledged {
                track: TrackKind::Manager,
                ..
            }
        )
    });
    let closed = log().any(|e| matches!(e.event, CaseEvent::Closed));
    let sent = log()
        .filter(|e| matches!(e.event, CaseEvent::FollowUpSent { .. }))
        .count();
    Counted {
        unit,
        month,
        kind: kind_code(case.kind),
        ack_hours,
        manager_told,
        follow_up_open: manager_ack && !closed && sent < followups,
    }
}

/// The statistics of one language's units, ready to be drawn. Everything in it may be shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Statistics {
    pub lang: Language,
    pub months: Vec<Month>,
    pub total: Shown,
    pub per_month: BarChart,
    pub per_unit: BarChart,
    /// Median and 90th percentile in hours; None when too few.
    pub ack_median: Option<u32>,
    pub ack_p90: Option<u32>,
    /// Percent, rounded to tens; None when too few cases.
    pub manager_share: Option<u32>,
    pub followups_open: Shown,
    /// Lines of text that say what the charts show, for the tables and text alternatives.
    pub month_lines: Vec<String>,
    pub unit_lines: Vec<String>,
}

/// The value at quantile `q` of sorted values (nearest rank).
fn quantile(sorted: &[u32], q: f64) -> u32 {
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// The statistics of the units whose language is `lang`, at `now`.
pub fn compute(
    config: &Config,
    cases: &[Case],
    l10n: &Localizer,
    lang: Language,
    now: DateTime<Utc>,
) -> Statistics {
    let units: Vec<&crate::config::Unit> =
        config.units.iter().filter(|u| u.language == lang).collect();
    let zones: Vec<Tz> = units.iter().map(|u| u.timezone).collect();
    let months = closed_months(now, &zones);
    let t = |msg: Msg| l10n.text(lang, &msg);

    let mut counted = Vec::new();
    for case in cases {
        let Some(unit_index) = units.iter().position(|u| u.id == case.unit) else {
            continue;
        };
        let unit = units[unit_index];
        let local = case.opened_at.with_timezone(&unit.timezone);
        let Some(month) = months
            .iter()
            .position(|m| *m == (local.year(), local.month()))
        else {
            continue;
        };
        let end = start_of(next(*months.last().expect("twelve months")), unit.timezone);
        counted.push(count(
            case,
            unit_index,
            month,
            end,
            unit.policy.manager_followups.len(),
        ));
    }

    // Kinds with fewer than 5 cases in the whole period are combined.
    let mut kind_totals: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &counted {
        *kind_totals.entry(c.kind).or_default() += 1;
    }
    let mut series_kinds: Vec<&str> = KINDS
        .iter()
        .copied()
        .filter(|k| kind_totals.get(k).copied().unwrap_or(0) >= SUPPRESS_BELOW)
        .collect();
    let small = kind_totals
        .iter()
        .any(|(k, n)| *n > 0 && !series_kinds.contains(k));
    if small {
        series_kinds.push("small");
    }
    let series_of = |kind: &str| {
        series_kinds
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(series_kinds.len() - 1)
    };
    let series: Vec<Series> = series_kinds
        .iter()
        .enumerate()
        .map(|(i, k)| Series {
            name: t(Msg::new("stats-kind").str("kind", *k)),
            color: if *k == "small" {
                PALETTE[6]
            } else {
                PALETTE[i % 6]
            },
        })
        .collect();
    let suppressed = t(Msg::new("stats-suppressed"));
    let mut cells = vec![vec![0usize; series.len()]; months.len()];
    for c in &counted {
        cells[c.month][series_of(c.kind)] += 1;
    }
    let mut bars = Vec::new();
    let mut month_lines = Vec::new();
    for (m, row) in months.iter().zip(&cells) {
        let label = t(Msg::new("report-month-short")
            .arg("month", Arg::Num(i64::from(m.1)))
            .str("year", m.0.to_string()));
        let segments: Vec<Segment> = row
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(s, n)| Segment {
                series: s,
                value: Shown::of(*n).value(),
            })
            .collect();
        let total: usize = row.iter().sum();
        let parts: Vec<String> = row
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(s, n)| format!("{} {}", series[s].name, Shown::of(*n).text()))
            .collect();
        let mut line = format!(
            "{}: {}",
            dates::month(l10n, lang, m.0, m.1),
            Shown::of(total).text()
        );
        if !parts.is_empty() {
            line.push_str(&format!(" ({})", parts.join(", ")));
        }
        month_lines.push(line);
        bars.push(Bar { label, segments });
    }
    let per_month = BarChart {
        title: t(Msg::new("stats-per-month")),
        alt: format!(
            "{}. {}",
            t(Msg::new("stats-per-month")),
            month_lines.join("; ")
        ),
        series,
        bars,
        suppressed: suppressed.clone(),
    };

    // Units with fewer than 5 cases are combined.
    let mut unit_totals = vec![0usize; units.len()];
    for c in &counted {
        unit_totals[c.unit] += 1;
    }
    let mut unit_bars = Vec::new();
    let mut unit_lines = Vec::new();
    let mut others = 0;
    for (unit, n) in units.iter().zip(&unit_totals) {
        if *n >= SUPPRESS_BELOW {
            unit_bars.push((unit.name.clone(), *n));
        } else {
            others += n;
        }
    }
    if others > 0 {
        unit_bars.push((t(Msg::new("stats-other-units")), others));
    }
    let unit_series = vec![Series {
        name: t(Msg::new("stats-per-unit")),
        color: PALETTE[0],
    }];
    let per_unit = BarChart {
        title: t(Msg::new("stats-per-unit")),
        alt: String::new(),
        series: unit_series,
        bars: unit_bars
            .iter()
            .map(|(name, n)| Bar {
                label: name.clone(),
                segments: vec![Segment {
                    series: 0,
                    value: Shown::of(*n).value(),
                }],
            })
            .collect(),
        suppressed,
    };
    for (name, n) in &unit_bars {
        unit_lines.push(format!("{name}: {}", Shown::of(*n).text()));
    }
    let per_unit = BarChart {
        alt: format!("{}. {}", per_unit.title, unit_lines.join("; ")),
        ..per_unit
    };

    let mut ack: Vec<u32> = counted.iter().filter_map(|c| c.ack_hours).collect();
    ack.sort_unstable();
    let ack_median = (ack.len() >= SUPPRESS_BELOW).then(|| quantile(&ack, 0.5));
    let ack_p90 = (ack.len() >= SHARE_NEEDS).then(|| quantile(&ack, 0.9));
    let told = counted.iter().filter(|c| c.manager_told).count();
    let manager_share = (counted.len() >= SHARE_NEEDS).then(|| {
        let percent = told as f64 * 100.0 / counted.len() as f64;
        ((percent / 10.0).round() * 10.0) as u32
    });
    let followups_open = Shown::of(counted.iter().filter(|c| c.follow_up_open).count());

    Statistics {
        lang,
        total: Shown::of(counted.len()),
        months,
        per_month,
        per_unit,
        ack_median,
        ack_p90,
        manager_share,
        followups_open,
        month_lines,
        unit_lines,
    }
}

/// The text of every section, shared by the HTML page and the PDF.
struct Texts {
    title: String,
    period: String,
    privacy: String,
    how: String,
    total: String,
    ack_title: String,
    ack: Vec<String>,
    manager_title: String,
    manager: String,
    followups_title: String,
    followups: String,
}

fn texts(s: &Statistics, l10n: &Localizer) -> Texts {
    let lang = s.lang;
    let t = |msg: Msg| l10n.text(lang, &msg);
    let first = s.months.first().copied().unwrap_or((1970, 1));
    let last = s.months.last().copied().unwrap_or((1970, 1));
    let last_day = NaiveDate::from_ymd_opt(next(last).0, next(last).1, 1)
        .and_then(|d| d.pred_opt())
        .map_or(1, |d| d.day());
    let hours = |h: u32| t(Msg::new("stats-hours").arg("hours", Arg::Num(i64::from(h))));
    let too_few = t(Msg::new("stats-too-few"));
    let mut ack = vec![t(Msg::new("stats-ack-about"))];
    match s.ack_median {
        Some(m) => ack.push(t(Msg::new("stats-ack-median").str("time", hours(m)))),
        None => ack.push(too_few.clone()),
    }
    if let Some(p) = s.ack_p90 {
        ack.push(t(Msg::new("stats-ack-p90").str("time", hours(p))));
    }
    Texts {
        title: t(Msg::new("stats-title")),
        period: t(Msg::new("stats-period")
            .str("from", dates::date(l10n, lang, first.0, first.1, 1))
            .str("to", dates::date(l10n, lang, last.0, last.1, last_day))),
        privacy: t(Msg::new("stats-privacy")),
        how: t(Msg::new("stats-how")),
        total: if s.total == Shown::Zero {
            t(Msg::new("stats-none"))
        } else {
            t(Msg::new("stats-total").str("count", s.total.text()))
        },
        ack_title: t(Msg::new("stats-ack")),
        ack,
        manager_title: t(Msg::new("stats-manager")),
        manager: s.manager_share.map_or(too_few, |p| {
            t(Msg::new("stats-manager-share").str("share", p.to_string()))
        }),
        followups_title: t(Msg::new("stats-followups")),
        followups: t(Msg::new("stats-followups-open").str("count", s.followups_open.text())),
    }
}

/// The statistics as one self-contained HTML page: inline CSS and SVG, no script, and a
/// content security policy that forbids every request.
pub fn html(s: &Statistics, l10n: &Localizer) -> String {
    let x = texts(s, l10n);
    let list = |lines: &[String]| {
        let items: String = lines
            .iter()
            .map(|l| format!("<li>{}</li>", esc(l)))
            .collect();
        format!("<ul class=\"data\">{items}</ul>")
    };
    let ack: String = x.ack.iter().map(|l| format!("<p>{}</p>", esc(l))).collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: "Noto Sans", "DejaVu Sans", sans-serif; max-width: 760px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }}
h1 {{ font-size: 1.5em; }} h2 {{ font-size: 1.15em; margin-top: 1.6em; }}
.note {{ color: #555; font-size: 0.9em; }}
.data {{ font-size: 0.9em; color: #333; columns: 2; }}
svg.chart {{ max-width: 100%; height: auto; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{period}</p>
<p class="note">{privacy}</p>
<p>{total}</p>
<h2>{month_title}</h2>
{month_svg}
{month_list}
<p class="note">{how}</p>
<h2>{unit_title}</h2>
{unit_svg}
{unit_list}
<h2>{ack_title}</h2>
{ack}
<h2>{manager_title}</h2>
<p>{manager}</p>
<h2>{followups_title}</h2>
<p>{followups}</p>
</body>
</html>
"#,
        lang = s.lang.code(),
        title = esc(&x.title),
        period = esc(&x.period),
        privacy = esc(&x.privacy),
        total = esc(&x.total),
        month_title = esc(&s.per_month.title),
        month_svg = s.per_month.svg(),
        month_list = list(&s.month_lines),
        how = esc(&x.how),
        unit_title = esc(&s.per_unit.title),
        unit_svg = s.per_unit.svg(),
        unit_list = list(&s.unit_lines),
        ack_title = esc(&x.ack_title),
        manager_title = esc(&x.manager_title),
        manager = esc(&x.manager),
        followups_title = esc(&x.followups_title),
        followups = esc(&x.followups),
    )
}

/// The statistics as a PDF with the same sections and charts as the HTML page. The document
/// carries no creation time of its own beyond the period's end, so it too is the same between
/// two runs in one month.
pub fn pdf(s: &Statistics, l10n: &Localizer) -> Result<Vec<u8>, PdfError> {
    let x = texts(s, l10n);
    let lang = s.lang;
    let mut blocks = vec![
        Block::Title(x.title.clone()),
        Block::Paragraph(x.period),
        Block::Detail(x.privacy),
        Block::Paragraph(x.total),
        Block::Heading(s.per_month.title.clone()),
        Block::Chart(s.per_month.clone()),
    ];
    blocks.extend(s.month_lines.iter().cloned().map(Block::Detail));
    blocks.push(Block::Detail(x.how));
    blocks.push(Block::Heading(s.per_unit.title.clone()));
    blocks.push(Block::Chart(s.per_unit.clone()));
    blocks.extend(s.unit_lines.iter().cloned().map(Block::Detail));
    blocks.push(Block::Heading(x.ack_title));
    blocks.extend(x.ack.into_iter().map(Block::Paragraph));
    blocks.push(Block::Heading(x.manager_title));
    blocks.push(Block::Paragraph(x.manager));
    blocks.push(Block::Heading(x.followups_title));
    blocks.push(Block::Paragraph(x.followups));
    let page = l10n_page(l10n, lang);
    let end = s
        .months
        .last()
        .map_or(DateTime::UNIX_EPOCH, |m| start_of(next(*m), chrono_tz::UTC));
    pdf::render(&pdf::Document {
        title: x.title.clone(),
        lang: bcp47(lang).to_string(),
        running_head: x.title,
        confidential: None,
        page_label: page,
        created: end,
        blocks,
    })
}

/// "Sida 1 av 3" in the language.
pub(crate) fn l10n_page(l10n: &Localizer, lang: Language) -> Box<dyn Fn(usize, usize) -> String> {
    let template = l10n.text(
        lang,
        &Msg::new("report-page")
            .str("page", "\u{1}")
            .str("pages", "\u{2}"),
    );
    Box::new(move |page, pages| {
        template
            .replace('\u{1}', &page.to_string())
            .replace('\u{2}', &pages.to_string())
    })
}

/// The language tag a PDF reader's speech output needs.
pub(crate) fn bcp47(lang: Language) -> &'static str {
    match lang {
        Language::Sv => "sv-SE",
        Language::Da => "da-DK",
        Language::En => "en",
    }
}

/// The languages of the configured units, each once, in order of first appearance.
pub fn languages(config: &Config) -> Vec<Language> {
    let mut out = Vec::new();
    for unit in &config.units {
        if !out.contains(&unit.language) {
            out.push(unit.language);
        }
    }
    out
}

/// The text table `fyr stats` prints: per unit, closed month and kind, with the same privacy
/// rules as the reports (closed months only, "<5", rounded to fives).
pub fn table(config: &Config, cases: &[Case], now: DateTime<Utc>) -> String {
    let zones: Vec<Tz> = config.units.iter().map(|u| u.timezone).collect();
    let months = closed_months(now, &zones);
    let mut counts: BTreeMap<(String, Month, &'static str), usize> = BTreeMap::new();
    for case in cases {
        let Some(unit) = config.unit(&case.unit) else {
            continue;
        };
        let local = case.opened_at.with_timezone(&unit.timezone);
        let month = (local.year(), local.month());
        if months.contains(&month) {
            *counts
                .entry((unit.id.to_string(), month, kind_code(case.kind)))
                .or_default() += 1;
        }
    }
    let mut out = String::from("unit\tmonth\tkind\tcases\n");
    for ((unit, (year, month), kind), n) in counts {
        out.push_str(&format!(
            "{unit}\t{year}-{month:02}\t{kind}\t{}\n",
            Shown::of(n).text()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_suppressed_below_five_and_rounded_to_fives() {
        let shown: Vec<String> = [0, 1, 4, 5, 6, 7, 8, 12, 13]
            .into_iter()
            .map(|n| Shown::of(n).text())
            .collect();
        assert_eq!(shown, ["0", "<5", "<5", "5", "5", "5", "10", "10", "15"]);
    }

    #[test]
    fn the_period_is_the_twelve_months_before_the_current_one() {
        let now = Utc.with_ymd_and_hms(2026, 3, 31, 23, 30, 0).unwrap();
        // Still March in UTC, already April in Stockholm: March has not ended everywhere.
        let months = closed_months(now, &[chrono_tz::Europe::Stockholm, chrono_tz::UTC]);
        assert_eq!(months.first(), Some(&(2025, 3)));
        assert_eq!(months.last(), Some(&(2026, 2)));
        let months = closed_months(now, &[chrono_tz::Europe::Stockholm]);
        assert_eq!(months.last(), Some(&(2026, 3)));
        assert_eq!(quantile(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9);
        assert_eq!(quantile(&[1, 2, 3, 4, 5], 0.5), 3);
    }
}
