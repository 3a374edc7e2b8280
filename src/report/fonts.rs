//! The fonts Fyr's PDFs are set in, compiled into the binary, and the shaping that measures and
//! places text with them: Noto Sans (regular and bold; Latin with Latin Extended and Vietnamese,
//! Greek, Cyrillic) and Droid Sans Fallback for what Noto Sans lacks (Chinese, Japanese, Korean).
//! A character neither font has is written as its code point ("[U+0645]"), never as a blank box
//! or "?": a name in a report for the police must be exactly what was given or visibly marked.

use std::sync::OnceLock;

use krilla::text::{Font, GlyphId, KrillaGlyph};

static NOTO_SANS_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static NOTO_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
static FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// Regular or bold text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// Which of the embedded faces a run is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FaceId {
    Regular,
    Bold,
    Fallback,
}

struct Loaded {
    face: rustybuzz::Face<'static>,
    font: Font,
    units_per_em: f32,
}

impl Loaded {
    fn new(bytes: &'static [u8]) -> Loaded {
        let face = rustybuzz::Face::from_slice(bytes, 0)
            .expect("the embedded fonts are valid TrueType files");
        let font = Font::new(bytes.into(), 0).expect("the embedded fonts are valid TrueType files");
        let units_per_em = face.units_per_em() as f32;
        Loaded {
            face,
            font,
            units_per_em,
        }
    }

    fn has(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }
}

/// The embedded faces, parsed once.
pub struct Fonts {
    regular: Loaded,
    bold: Loaded,
    fallback: Loaded,
}

/// A piece of one line set in one face: its text, shaped glyphs and width in ems.
#[derive(Clone, Debug)]
pub struct Run {
    pub text: String,
    pub font: Font,
    pub glyphs: Vec<KrillaGlyph>,
    /// The advance of the whole run at 1 pt.
    pub width: f32,
}

/// Characters that belong to the one before them (combining marks, variation selectors,
/// joiners): they stay in the same face so shaping can place them.
fn attaches(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x200C | 0x200D | 0xE0100..=0xE01EF)
}

impl Fonts {
    /// The embedded fonts (parsed on first use).
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts {
            regular: Loaded::new(NOTO_SANS_REGULAR),
            bold: Loaded::new(NOTO_SANS_BOLD),
            fallback: Loaded::new(FALLBACK),
        })
    }

    fn loaded(&self, id: FaceId) -> &Loaded {
        match id {
            FaceId::Regular => &self.regular,
            FaceId::Bold => &self.bold,
            FaceId::Fallback => &self.fallback,
        }
    }

    /// Whether some embedded face has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.regular.has(c) || self.bold.has(c) || self.fallback.has(c)
    }

    /// The text as it can be printed: control characters become spaces, and a character no
    /// embedded face has is written as its code point.
    pub fn printable(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_control() {
                out.push(' ');
            } else if self.covers(c) || attaches(c) {
                out.push(c);
            } else {
                out.push_str(&format!("[U+{:04X}]", c as u32));
            }
        }
        out
    }

    /// Split printable text into runs by face (the weight's Noto Sans first, then the fallback)
    /// and shape each run.
    pub fn shape(&self, text: &str, weight: Weight) -> Vec<Run> {
        let primary = match weight {
            Weight::Regular => FaceId::Regular,
            Weight::Bold => FaceId::Bold,
        };
        let mut pieces: Vec<(FaceId, String)> = Vec::new();
        for c in text.chars() {
            let face = match pieces.last() {
                Some((face, _)) if attaches(c) => *face,
                _ if self.loaded(primary).has(c) || c == ' ' => primary,
                _ if self.fallback.has(c) => FaceId::Fallback,
                _ => primary,
            };
            match pieces.last_mut() {
                Some((f, s)) if *f == face => s.push(c),
                _ => pieces.push((face, c.to_string())),
            }
        }
        pieces
            .into_iter()
            .map(|(face, text)| self.shape_run(face, text))
            .collect()
    }

    fn shape_run(&self, id: FaceId, text: String) -> Run {
        let loaded = self.loaded(id);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&text);
        buffer.guess_segment_properties();
        // Reports are left to right; a right-to-left run keeps its logical order here.
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        let output = rustybuzz::shape(&loaded.face, &[], buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let em = loaded.units_per_em;
        let mut glyphs = Vec::with_capacity(infos.len());
        let mut width = 0.0;
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = info.cluster as usize;
            let end = infos[i + 1..]
                .iter()
                .map(|next| next.cluster as usize)
                .find(|&c| c != start)
                .unwrap_or(text.len());
            let advance = pos.x_advance as f32 / em;
            width += advance;
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                advance,
                pos.x_offset as f32 / em,
                pos.y_offset as f32 / em,
                pos.y_advance as f32 / em,
                start..end.max(start),
                None,
            ));
        }
        Run {
            text,
            font: loaded.font.clone(),
            glyphs,
            width,
        }
    }

    /// The width of printable text at `size` points.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        self.shape(text, weight)
            .iter()
            .map(|r| r.width)
            .sum::<f32>()
            * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_in_the_test_set_has_a_glyph_and_nothing_is_replaced() {
        let fonts = Fonts::get();
        for name in [
            "Łucja",
            "Şule",
            "Dvořák",
            "Nguyễn",
            "李",
            "åäöæøÅÄÖÆØ",
            // Decomposed: e, circumflex, tilde.
            "Nguye\u{302}\u{303}n",
        ] {
            assert_eq!(fonts.printable(name), name);
        }
        // An Arabic letter is in neither face: it is written as its code point, visibly.
        assert_eq!(fonts.printable("م"), "[U+0645]");
    }

    #[test]
    fn chinese_falls_back_and_latin_stays_in_noto_sans() {
        let runs = Fonts::get().shape("Li 李 Wei", Weight::Regular);
        let texts: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["Li ", "李", " Wei"]);
        assert!(runs
            .iter()
            .all(|r| r.glyphs.iter().all(|g| g.glyph_id.to_u32() != 0)));
    }

    #[test]
    fn widths_are_the_fonts_own_and_bold_is_wider() {
        let fonts = Fonts::get();
        let narrow = fonts.width("iiiiiiiiii", Weight::Regular, 10.0);
        let wide = fonts.width("WWWWWWWWWW", Weight::Regular, 10.0);
        assert!(wide > 3.0 * narrow, "{narrow} {wide}");
        assert!(
            fonts.width("Bevis", Weight::Bold, 10.0) > fonts.width("Bevis", Weight::Regular, 10.0)
        );
    }
}
