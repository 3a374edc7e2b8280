//! A small, dependency-free PDF writer for Fyr's case reports: A4 pages of wrapped text in
//! Helvetica. The standard fonts need no embedding, and their WinAnsi encoding covers Swedish and
//! Danish (å ä ö æ ø Å Ä Ö Æ Ø), the en dash, typographic quotes and the bullet. Characters
//! outside it are replaced by "?" rather than dropped silently.

/// One line of the report: text and size in points.
#[derive(Clone, Debug)]
pub struct Line {
    pub text: String,
    pub size: f32,
}

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;

/// The WinAnsi byte for a character, if it has one.
fn win_ansi(c: char) -> Option<u8> {
    let code = c as u32;
    match code {
        0x20..=0x7e | 0xa0..=0xff => Some(code as u8),
        _ => match c {
            '€' => Some(0x80),
            '‚' => Some(0x82),
            '„' => Some(0x84),
            '…' => Some(0x85),
            '‘' => Some(0x91),
            '’' => Some(0x92),
            '“' => Some(0x93),
            '”' => Some(0x94),
            '•' => Some(0x95),
            '–' => Some(0x96),
            '—' => Some(0x97),
            '│' => Some(b'|'),
            '→' => Some(b'>'),
            _ => None,
        },
    }
}

/// A PDF string literal in WinAnsi, with ( ) \ escaped.
fn pdf_string(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for c in text.chars() {
        let b = win_ansi(c).unwrap_or(b'?');
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

/// Split text into lines that fit the page at this size (Helvetica averages about half an em).
fn wrap(text: &str, size: f32) -> Vec<String> {
    let max = ((PAGE_WIDTH - 2.0 * MARGIN) / (size * 0.5)) as usize;
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// Render the lines to a PDF document.
pub fn render(title: &str, lines: &[Line]) -> Vec<u8> {
    // Lay out: each page is a content stream.
    let mut pages: Vec<Vec<u8>> = Vec::new();
    let mut content = Vec::new();
    let mut y = PAGE_HEIGHT - MARGIN;
    for line in lines {
        for piece in wrap(&line.text, line.size) {
            let leading = line.size * 1.35;
            if y - leading < MARGIN {
                pages.push(std::mem::take(&mut content));
                y = PAGE_HEIGHT - MARGIN;
            }
            y -= leading;
            content.extend_from_slice(
                format!("BT /F1 {} Tf {} {} Td ", line.size, MARGIN, y).as_bytes(),
            );
            content.extend(pdf_string(&piece));
            content.extend_from_slice(b" Tj ET\n");
        }
    }
    pages.push(content);

    let mut objects: Vec<Vec<u8>> = Vec::new();
    // 1: catalog, 2: pages, 3: font, 4: info, then per page a page object and its content.
    let page_ids: Vec<usize> = (0..pages.len()).map(|i| 5 + 2 * i).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = page_ids.iter().map(|id| format!("{id} 0 R")).collect();
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    let mut info = b"<< /Producer (Fyr) /Title ".to_vec();
    info.extend(pdf_string(title));
    info.extend_from_slice(b" >>");
    objects.push(info);
    for (i, stream) in pages.iter().enumerate() {
        let content_id = page_ids[i] + 1;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
            )
            .into_bytes(),
        );
        let mut obj = format!("<< /Length {} >>\nstream\n", stream.len()).into_bytes();
        obj.extend_from_slice(stream);
        obj.extend_from_slice(b"\nendstream");
        objects.push(obj);
    }

    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, obj) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(obj);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nordic_letters_are_encoded_and_the_xref_points_at_the_objects() {
        let lines = vec![Line {
            text: "Hälsning från Malmö – æøå ÆØÅ ”citat” • (parentes) → 🙂".into(),
            size: 11.0,
        }];
        let pdf = render("Ärende", &lines);
        assert!(pdf.starts_with(b"%PDF-1.4"));
        let needle = [b'H', 0xe4, b'l', b's'];
        assert!(pdf.windows(4).any(|w| w == needle), "ä is WinAnsi 0xE4");
        for byte in [0xe6u8, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0x96, 0x94, 0x95] {
            assert!(pdf.contains(&byte), "byte {byte:#x} present");
        }
        assert!(
            pdf.windows(11).any(|w| w == b"\\(parentes\\"),
            "parentheses escaped"
        );
        // Every xref offset points at "N 0 obj" (work on bytes: the file is not UTF-8).
        let marker = b"startxref\n";
        let at = pdf
            .windows(marker.len())
            .rposition(|w| w == marker)
            .unwrap()
            + marker.len();
        let tail = String::from_utf8_lossy(&pdf[at..]);
        let xref_at: usize = tail.lines().next().unwrap().parse().unwrap();
        let table = String::from_utf8_lossy(&pdf[xref_at..]).into_owned();
        assert!(table.starts_with("xref"));
        for (n, line) in table.lines().skip(3).take(5).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(pdf[offset..].starts_with(format!("{} 0 obj", n + 1).as_bytes()));
        }
    }

    #[test]
    fn long_reports_flow_onto_more_pages() {
        let lines: Vec<Line> = (0..200)
            .map(|i| Line {
                text: format!("Rad {i}"),
                size: 11.0,
            })
            .collect();
        let pdf = render("Lång", &lines);
        let text = String::from_utf8_lossy(&pdf);
        // 49 lines of 11 pt fit between the margins of an A4 page: 200 lines need five.
        assert!(
            text.contains("/Count 5"),
            "200 lines at 11 pt need five A4 pages"
        );
    }
}
