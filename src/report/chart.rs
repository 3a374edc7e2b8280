//! Bar charts as data, drawn by Fyr itself: as inline SVG for the HTML report (no script, no
//! external request) and with krilla's paths for the PDF (`report::pdf`). A segment whose count
//! is suppressed has no value: it is drawn as an outlined stub labelled "<5", never as a number.

use std::fmt::Write as _;

/// One colour of the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub color: (u8, u8, u8),
}

/// A part of a bar: the series it belongs to and its (already rounded) value, or None when the
/// count is too small to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub series: usize,
    pub value: Option<u32>,
}

/// One bar (a month, a unit) with its segments bottom-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub segments: Vec<Segment>,
}

/// A stacked bar chart with a title and a text alternative for screen readers.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub alt: String,
    pub series: Vec<Series>,
    pub bars: Vec<Bar>,
    /// Shown for a suppressed segment.
    pub suppressed: String,
}

/// The height a suppressed segment is drawn with, in counts.
pub const STUB: f32 = 2.0;

/// A palette that stays distinguishable for the common colour-vision deficiencies (Okabe–Ito).
pub const PALETTE: [(u8, u8, u8); 7] = [
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
    (213, 94, 0),
    (120, 120, 120),
];

impl BarChart {
    /// The largest bar total, counting a suppressed segment as a stub; at least 5 so an empty
    /// chart still has a scale.
    pub fn max_total(&self) -> f32 {
        self.bars
            .iter()
            .map(|b| {
                b.segments
                    .iter()
                    .map(|s| s.value.map_or(STUB, |v| v as f32))
                    .sum::<f32>()
            })
            .fold(5.0, f32::max)
    }

    /// A round step for the value axis.
    pub fn tick_step(&self) -> u32 {
        let max = self.max_total();
        [5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
            .into_iter()
            .find(|step| max / *step as f32 <= 5.0)
            .unwrap_or(1000)
    }

    /// The chart as an SVG element (to be put inline in HTML).
    pub fn svg(&self) -> String {
        let (width, height) = (720.0_f32, 300.0_f32);
        let (left, right, top, bottom) = (44.0, 12.0, 12.0, 56.0);
        let plot_w = width - left - right;
        let plot_h = height - top - bottom;
        let step = self.tick_step();
        let max = (self.max_total() / step as f32).ceil() * step as f32;
        let y = |v: f32| top + plot_h - v / max * plot_h;
        let mut s = String::new();
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="{id}-t {id}-d" class="chart">"#,
            id = slug(&self.title)
        );
        let _ = write!(
            s,
            r#"<title id="{}-t">{}</title><desc id="{}-d">{}</desc>"#,
            slug(&self.title),
            esc(&self.title),
            slug(&self.title),
            esc(&self.alt)
        );
        let mut tick = 0;
        while tick as f32 <= max {
            let ty = y(tick as f32);
            let _ = write!(
                s,
                r##"<line x1="{left}" x2="{}" y1="{ty:.1}" y2="{ty:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" font-size="11" text-anchor="end" fill="#333">{tick}</text>"##,
                left + plot_w,
                left - 6.0,
                ty + 4.0
            );
            tick += step;
        }
        let slot = plot_w / self.bars.len().max(1) as f32;
        let bar_w = (slot * 0.7).min(48.0);
        for (i, bar) in self.bars.iter().enumerate() {
            let x = left + slot * i as f32 + (slot - bar_w) / 2.0;
            let mut base = 0.0;
            for seg in &bar.segments {
                let (r, g, b) = self.series[seg.series].color;
                let h = seg.value.map_or(STUB, |v| v as f32);
                let (y0, y1) = (y(base + h), y(base));
                let name = esc(&self.series[seg.series].name);
                match seg.value {
                    Some(v) => {
                        let _ = write!(
                            s,
                            r#"<rect x="{x:.1}" y="{y0:.1}" width="{bar_w:.1}" height="{:.1}" fill="rgb({r},{g},{b})"><title>{}: {name} {v}</title></rect>"#,
                            y1 - y0,
                            esc(&bar.label)
                        );
                    }
                    None => {
                        let _ = write!(
                            s,
                            r#"<rect x="{x:.1}" y="{y0:.1}" width="{bar_w:.1}" height="{:.1}" fill="white" stroke="rgb({r},{g},{b})" stroke-dasharray="3 2"><title>{}: {name} {}</title></rect>"#,
                            y1 - y0,
                            esc(&bar.label),
                            esc(&self.suppressed)
                        );
                    }
                }
                base += h;
            }
            let total: Vec<String> = bar
                .segments
                .iter()
                .map(|s| s.value.map_or(self.suppressed.clone(), |v| v.to_string()))
                .collect();
            if !bar.segments.is_empty() {
                let label = if bar.segments.len() == 1 {
                    total[0].clone()
                } else {
                    String::new()
                };
                if !label.is_empty() {
                    let _ = write!(
                        s,
                        r##"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#333">{}</text>"##,
                        x + bar_w / 2.0,
                        y(base) - 4.0,
                        esc(&label)
                    );
                }
            }
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#333">{}</text>"##,
                x + bar_w / 2.0,
                top + plot_h + 16.0,
                esc(&bar.label)
            );
        }
        let _ = write!(
            s,
            r##"<line x1="{left}" x2="{}" y1="{:.1}" y2="{:.1}" stroke="#333"/>"##,
            left + plot_w,
            top + plot_h,
            top + plot_h
        );
        // The legend, one row under the labels (a single series needs none: the title says it).
        let mut lx = left;
        let legend = if self.series.len() > 1 {
            &self.series[..]
        } else {
            &[]
        };
        for series in legend {
            let (r, g, b) = series.color;
            let _ = write!(
                s,
                r##"<rect x="{lx:.1}" y="{:.1}" width="10" height="10" fill="rgb({r},{g},{b})"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#333">{}</text>"##,
                height - 20.0,
                lx + 14.0,
                height - 11.0,
                esc(&series.name)
            );
            lx += 24.0 + 6.5 * series.name.chars().count() as f32;
        }
        s.push_str("</svg>");
        s
    }
}

/// Text escaped for HTML and SVG.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An id for an element, from its title.
fn slug(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("c-{}", s.trim_matches('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suppressed_segment_is_an_outline_and_text_is_escaped() {
        let chart = BarChart {
            title: "Ärenden <per> månad".into(),
            alt: "a & b".into(),
            series: vec![Series {
                name: "Hot".into(),
                color: PALETTE[0],
            }],
            bars: vec![
                Bar {
                    label: "jan".into(),
                    segments: vec![Segment {
                        series: 0,
                        value: Some(10),
                    }],
                },
                Bar {
                    label: "feb".into(),
                    segments: vec![Segment {
                        series: 0,
                        value: None,
                    }],
                },
            ],
            suppressed: "<5".into(),
        };
        let svg = chart.svg();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("Ärenden &lt;per&gt; månad"));
        assert!(svg.contains("a &amp; b"));
        assert!(
            svg.contains("stroke-dasharray"),
            "the suppressed bar is outlined"
        );
        assert!(svg.contains("&lt;5"));
        assert_eq!(chart.tick_step(), 5);
    }
}
