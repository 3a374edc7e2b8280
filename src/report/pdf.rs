//! Fyr's PDF writer on krilla: a document of titled sections (title, headings, paragraphs,
//! indented details, charts) laid out on A4 with the embedded fonts' real widths, a running head
//! (the case reference or the report's title, and "Confidential" in the reader's language) and
//! "page n of m" on every page. The output is PDF/A-2b (archival) and PDF/UA-1 (tagged: the
//! reading order is the tag tree, headings are H1/H2, charts are figures with a text
//! alternative, the running head and page numbers are artifacts).

use std::num::NonZeroU16;

use chrono::{DateTime, Datelike, Timelike, Utc};
use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime as PdfDateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::{Document as KrillaDocument, SerializeSettings};
use thiserror::Error;

use super::chart::{BarChart, STUB};
use super::fonts::{Fonts, Weight};

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.0;
const TOP: f32 = 78.0;
const BOTTOM: f32 = 70.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const INDENT: f32 = 18.0;
const CHART_HEIGHT: f32 = 210.0;

#[derive(Debug, Error)]
pub enum PdfError {
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// One piece of a document, in reading order.
#[derive(Clone, Debug)]
pub enum Block {
    /// The document's title (H1), once at the top.
    Title(String),
    /// A section heading (H2).
    Heading(String),
    Paragraph(String),
    /// A smaller, indented paragraph that belongs to the one before it.
    Detail(String),
    Chart(BarChart),
}

/// A document to render.
pub struct Document {
    /// The title in the document's metadata (shown by readers as the window title).
    pub title: String,
    /// BCP 47, "sv-SE".
    pub lang: String,
    /// Left of the running head: the case reference or the report's name.
    pub running_head: String,
    /// Right of the running head: "Konfidentiellt", if the document is.
    pub confidential: Option<String>,
    /// "Sida 1 av 3" for page 1 of 3.
    pub page_label: Box<dyn Fn(usize, usize) -> String>,
    pub created: DateTime<Utc>,
    pub blocks: Vec<Block>,
}

impl Block {
    fn style(&self) -> (f32, Weight, f32) {
        // Size, weight, left indent.
        match self {
            Block::Title(_) => (17.0, Weight::Bold, 0.0),
            Block::Heading(_) => (13.0, Weight::Bold, 0.0),
            Block::Paragraph(_) => (10.5, Weight::Regular, 0.0),
            Block::Detail(_) => (9.5, Weight::Regular, INDENT),
            Block::Chart(_) => (9.0, Weight::Regular, 0.0),
        }
    }

    /// Space before the block, in points.
    fn space_before(&self) -> f32 {
        match self {
            Block::Title(_) => 0.0,
            Block::Heading(_) => 14.0,
            Block::Paragraph(_) => 3.0,
            Block::Detail(_) => 0.0,
            Block::Chart(_) => 8.0,
        }
    }
}

/// Something placed on a page: a line of a block, or a chart.
enum Placed {
    Line {
        block: usize,
        x: f32,
        baseline: f32,
        size: f32,
        weight: Weight,
        text: String,
    },
    Chart {
        block: usize,
        top: f32,
    },
}

/// Break printable text into lines no wider than `width` at this size and weight, at spaces;
/// a word wider than a line (a URL, a hash) is broken between characters.
pub fn wrap(fonts: &Fonts, text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if fonts.width(&candidate, weight, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone: break it if it does not fit either.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if fonts.width(&piece, weight, size) > width && piece.chars().count() > 1 {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

fn layout(fonts: &Fonts, blocks: &[Block]) -> Vec<Vec<Placed>> {
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let mut y = TOP;
    let bottom = PAGE_HEIGHT - BOTTOM;
    for (index, block) in blocks.iter().enumerate() {
        let (size, weight, indent) = block.style();
        let at_top = pages.last().is_some_and(Vec::is_empty);
        if !at_top {
            y += block.space_before();
        }
        match block {
            Block::Chart(_) => {
                if y + CHART_HEIGHT > bottom && !at_top {
                    pages.push(Vec::new());
                    y = TOP;
                }
                pages
                    .last_mut()
                    .expect("there is always a page")
                    .push(Placed::Chart {
                        block: index,
                        top: y,
                    });
                y += CHART_HEIGHT;
            }
            Block::Title(text)
            | Block::Heading(text)
            | Block::Paragraph(text)
            | Block::Detail(text) => {
                let leading = size * 1.4;
                let lines = wrap(
                    fonts,
                    &fonts.printable(text),
                    weight,
                    size,
                    TEXT_WIDTH - indent,
                );
                // Keep a heading with what follows: a chart, or the first lines of text.
                let keep = match (block, blocks.get(index + 1)) {
                    (Block::Heading(_), Some(Block::Chart(_))) => leading + CHART_HEIGHT + 8.0,
                    (Block::Heading(_), _) => leading + 3.0 * 10.5 * 1.4,
                    _ => leading,
                };
                if y + keep > bottom && !pages.last().is_some_and(Vec::is_empty) {
                    pages.push(Vec::new());
                    y = TOP;
                }
                for text in lines {
                    if y + leading > bottom {
                        pages.push(Vec::new());
                        y = TOP;
                    }
                    y += leading;
                    pages
                        .last_mut()
                        .expect("there is always a page")
                        .push(Placed::Line {
                            block: index,
                            x: MARGIN + indent,
                            baseline: y - size * 0.3,
                            size,
                            weight,
                            text,
                        });
                }
            }
        }
    }
    pages
}

fn draw_text(
    surface: &mut Surface,
    fonts: &Fonts,
    x: f32,
    baseline: f32,
    size: f32,
    weight: Weight,
    text: &str,
) {
    let mut x = x;
    for run in fonts.shape(text, weight) {
        surface.draw_glyphs(
            Point::from_xy(x, baseline),
            &run.glyphs,
            run.font.clone(),
            &run.text,
            size,
            false,
        );
        x += run.width * size;
    }
}

fn fill(color: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn rect(surface: &mut Surface, x: f32, y: f32, w: f32, h: f32) {
    if let Some(r) = Rect::from_xywh(x, y, w.max(0.1), h.max(0.1)) {
        let mut pb = PathBuilder::new();
        pb.push_rect(r);
        if let Some(path) = pb.finish() {
            surface.draw_path(&path);
        }
    }
}

fn draw_chart(surface: &mut Surface, fonts: &Fonts, chart: &BarChart, top: f32) {
    let black = (40, 40, 40);
    let (left, plot_w) = (MARGIN + 30.0, TEXT_WIDTH - 30.0);
    // The section's heading names the chart (its title leads the text alternative).
    let title_h = 6.0;
    let legend_h = 18.0;
    let labels_h = 14.0;
    let plot_top = top + title_h;
    let plot_h = CHART_HEIGHT - title_h - labels_h - legend_h - 6.0;
    let step = chart.tick_step();
    let max = (chart.max_total() / step as f32).ceil() * step as f32;
    let y = |v: f32| plot_top + plot_h - v / max * plot_h;
    surface.set_fill(Some(fill(black)));
    let mut tick = 0;
    while tick as f32 <= max {
        let ty = y(tick as f32);
        surface.set_fill(Some(fill((220, 220, 220))));
        rect(surface, left, ty - 0.25, plot_w, 0.5);
        surface.set_fill(Some(fill(black)));
        let label = tick.to_string();
        let w = fonts.width(&label, Weight::Regular, 8.0);
        draw_text(
            surface,
            fonts,
            left - 5.0 - w,
            ty + 3.0,
            8.0,
            Weight::Regular,
            &label,
        );
        tick += step;
    }
    let slot = plot_w / chart.bars.len().max(1) as f32;
    let bar_w = (slot * 0.7).min(36.0);
    for (i, bar) in chart.bars.iter().enumerate() {
        let x = left + slot * i as f32 + (slot - bar_w) / 2.0;
        let mut base = 0.0;
        for seg in &bar.segments {
            let color = chart.series[seg.series].color;
            let h = seg.value.map_or(STUB, |v| v as f32);
            let (y0, y1) = (y(base + h), y(base));
            match seg.value {
                Some(_) => {
                    surface.set_fill(Some(fill(color)));
                    rect(surface, x, y0, bar_w, y1 - y0);
                }
                None => {
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke {
                        paint: rgb::Color::new(color.0, color.1, color.2).into(),
                        width: 0.8,
                        dash: Some(StrokeDash {
                            array: vec![2.0, 1.5],
                            offset: 0.0,
                        }),
                        ..Default::default()
                    }));
                    rect(surface, x, y0, bar_w, y1 - y0);
                    surface.set_stroke(None);
                }
            }
            base += h;
        }
        surface.set_fill(Some(fill(black)));
        if bar.segments.len() == 1 {
            let label = bar.segments[0]
                .value
                .map_or(chart.suppressed.clone(), |v| v.to_string());
            let w = fonts.width(&label, Weight::Regular, 7.5);
            draw_text(
                surface,
                fonts,
                x + (bar_w - w) / 2.0,
                y(base) - 3.0,
                7.5,
                Weight::Regular,
                &label,
            );
        }
        let label = fonts.printable(&bar.label);
        let mut size = 7.5;
        while fonts.width(&label, Weight::Regular, size) > slot - 2.0 && size > 4.5 {
            size -= 0.5;
        }
        let w = fonts.width(&label, Weight::Regular, size);
        draw_text(
            surface,
            fonts,
            x + (bar_w - w) / 2.0,
            plot_top + plot_h + 11.0,
            size,
            Weight::Regular,
            &label,
        );
    }
    surface.set_fill(Some(fill(black)));
    rect(surface, left, plot_top + plot_h - 0.4, plot_w, 0.8);
    let mut lx = MARGIN;
    let ly = plot_top + plot_h + labels_h + 6.0;
    let legend = if chart.series.len() > 1 {
        &chart.series[..]
    } else {
        &[]
    };
    for series in legend {
        surface.set_fill(Some(fill(series.color)));
        rect(surface, lx, ly, 8.0, 8.0);
        surface.set_fill(Some(fill(black)));
        let name = fonts.printable(&series.name);
        draw_text(
            surface,
            fonts,
            lx + 11.0,
            ly + 7.0,
            8.0,
            Weight::Regular,
            &name,
        );
        lx += 22.0 + fonts.width(&name, Weight::Regular, 8.0);
    }
    surface.set_fill(None);
}

/// Bookmarks: the title, with a child for every heading (PDF/UA asks for an outline).
fn outline(blocks: &[Block], starts: &[Option<(usize, f32)>]) -> Outline {
    let mut outline = Outline::new();
    let mut title: Option<OutlineNode> = None;
    for (block, start) in blocks.iter().zip(starts) {
        let Some((page, y)) = *start else { continue };
        let at = XyzDestination::new(page, Point::from_xy(MARGIN, y.max(0.0)));
        match block {
            Block::Title(text) => {
                if let Some(done) = title.take() {
                    outline.push_child(done);
                }
                title = Some(OutlineNode::new(text.clone(), at).with_open(true));
            }
            Block::Heading(text) => {
                let node = OutlineNode::new(text.clone(), at);
                match title.as_mut() {
                    Some(parent) => parent.push_child(node),
                    None => outline.push_child(node),
                }
            }
            _ => {}
        }
    }
    if let Some(done) = title {
        outline.push_child(done);
    }
    outline
}

fn pdf_date(at: DateTime<Utc>) -> PdfDateTime {
    PdfDateTime::new(at.year().clamp(0, 9999) as u16)
        .month(at.month() as u8)
        .day(at.day() as u8)
        .hour(at.hour() as u8)
        .minute(at.minute() as u8)
        .second(at.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// Render the document: PDF/A-2b, tagged to PDF/UA-1.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::get();
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_B)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = KrillaDocument::new_with(settings);
    let pages = layout(fonts, &doc.blocks);
    let count = pages.len();
    let mut leaves: Vec<Vec<Identifier>> = vec![Vec::new(); doc.blocks.len()];
    // Where each block starts: the outline (bookmarks) points there.
    let mut starts: Vec<Option<(usize, f32)>> = vec![None; doc.blocks.len()];
    for (n, placed) in pages.iter().enumerate() {
        let settings =
            PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 has a positive size");
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        surface.set_fill(Some(fill((90, 90, 90))));
        surface.start_tagged(ContentTag::Artifact(Artifact::new(
            ArtifactType::Header,
            None,
        )));
        let head = fonts.printable(&doc.running_head);
        draw_text(
            &mut surface,
            fonts,
            MARGIN,
            44.0,
            8.5,
            Weight::Regular,
            &head,
        );
        if let Some(confidential) = &doc.confidential {
            let text = fonts.printable(confidential);
            let w = fonts.width(&text, Weight::Bold, 8.5);
            draw_text(
                &mut surface,
                fonts,
                PAGE_WIDTH - MARGIN - w,
                44.0,
                8.5,
                Weight::Bold,
                &text,
            );
        }
        rect(&mut surface, MARGIN, 50.0, TEXT_WIDTH, 0.5);
        surface.end_tagged();
        surface.start_tagged(ContentTag::Artifact(Artifact::new(
            ArtifactType::Footer,
            None,
        )));
        let label = fonts.printable(&(doc.page_label)(n + 1, count));
        let w = fonts.width(&label, Weight::Regular, 8.5);
        draw_text(
            &mut surface,
            fonts,
            (PAGE_WIDTH - w) / 2.0,
            PAGE_HEIGHT - 40.0,
            8.5,
            Weight::Regular,
            &label,
        );
        surface.end_tagged();
        surface.set_fill(Some(fill((0, 0, 0))));
        for item in placed {
            match item {
                Placed::Line {
                    block,
                    x,
                    baseline,
                    size,
                    weight,
                    text,
                } => {
                    starts[*block].get_or_insert((n, baseline - size));
                    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                    draw_text(&mut surface, fonts, *x, *baseline, *size, *weight, text);
                    surface.end_tagged();
                    leaves[*block].push(id);
                }
                Placed::Chart { block, top } => {
                    if let Block::Chart(chart) = &doc.blocks[*block] {
                        let id = surface.start_tagged(ContentTag::Other);
                        draw_chart(&mut surface, fonts, chart, *top);
                        surface.end_tagged();
                        leaves[*block].push(id);
                        surface.set_fill(Some(fill((0, 0, 0))));
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }

    let mut tree = TagTree::new().with_lang(Some(doc.lang.clone()));
    for (block, ids) in doc.blocks.iter().zip(leaves) {
        if ids.is_empty() {
            continue;
        }
        let kind: TagKind = match block {
            Block::Title(text) => Tag::Hn(NonZeroU16::MIN, Some(text.clone())).into(),
            Block::Heading(text) => Tag::Hn(
                NonZeroU16::new(2).expect("2 is not zero"),
                Some(text.clone()),
            )
            .into(),
            Block::Paragraph(_) | Block::Detail(_) => Tag::P.into(),
            Block::Chart(chart) => Tag::Figure(Some(chart.alt.clone())).into(),
        };
        let mut group = TagGroup::new(kind);
        for id in ids {
            group.push(id);
        }
        tree.push(group);
    }
    document.set_tag_tree(tree);
    document.set_outline(outline(&doc.blocks, &starts));
    document.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language(doc.lang.clone())
            .creator("Fyr".to_string())
            .producer("Fyr (krilla)".to_string())
            .creation_date(pdf_date(doc.created)),
    );
    document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_break_and_lines_fit_the_width() {
        let fonts = Fonts::get();
        let url = format!("https://example.org/{}", "a".repeat(300));
        let lines = wrap(
            fonts,
            &format!("Se {url} och mer"),
            Weight::Regular,
            10.5,
            TEXT_WIDTH,
        );
        assert!(lines.len() >= 3, "{lines:?}");
        for line in &lines {
            assert!(
                fonts.width(line, Weight::Regular, 10.5) <= TEXT_WIDTH + 0.01,
                "{line}"
            );
        }
        assert_eq!(lines.concat().replace(' ', ""), format!("Se{url}ochmer"));
    }

    #[test]
    fn long_documents_flow_onto_more_pages_with_page_numbers() {
        let doc = Document {
            title: "Lång".into(),
            lang: "sv-SE".into(),
            running_head: "SE-1".into(),
            confidential: Some("Konfidentiellt".into()),
            page_label: Box::new(|n, of| format!("Sida {n} av {of}")),
            created: chrono::DateTime::UNIX_EPOCH,
            blocks: (0..200)
                .map(|i| Block::Paragraph(format!("Rad {i}")))
                .collect(),
        };
        // 39 paragraphs of 10.5 pt (14.7 pt lines, 3 pt apart) fit between the running head
        // and the page number: 200 need six pages.
        assert_eq!(layout(Fonts::get(), &doc.blocks).len(), 6);
        let pdf = render(&doc).unwrap();
        assert!(pdf.starts_with(b"%PDF-1.7"));
    }
}
