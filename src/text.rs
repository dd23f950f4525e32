//! Byte spans into article text, and the small string helpers every layer needs: char-boundary
//! safe slicing and display-width truncation. News text is full of curly quotes and em dashes,
//! so nothing here slices by a byte index that was not checked.

use serde::Serialize;
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// A half-open range of UTF-8 byte offsets into one article's body. Offsets are stored as
/// `u32` (8 bytes a span rather than 16: the model holds millions of them); the reader refuses
/// an article whose body does not fit ([`MAX_BODY`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    start: u32,
    end: u32,
}

/// The longest body storyline reads, in bytes (1 GiB): a span's `u32` offsets address it with
/// room to spare, and an article has fewer than 2^30 of anything, so a mention can keep two
/// flags in the top bits of an index ([`crate::extract::Mention`]).
pub const MAX_BODY: usize = 1 << 30;

impl Span {
    /// Panics when an offset does not fit in a `u32` (bodies are checked against
    /// [`MAX_BODY`], well under it, when read).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        let offset = |o: usize| u32::try_from(o).expect("span offset within MAX_BODY");
        Span {
            start: offset(start),
            end: offset(end),
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text of this span, or "" when it does not lie on char boundaries of `s`.
    pub fn of<'a>(&self, s: &'a str) -> &'a str {
        s.get(self.range()).unwrap_or("")
    }
}

/// Truncates `s` to at most `width` terminal columns, adding `…` when something was cut; `s`
/// itself when it fits.
pub fn truncate_owned(s: String, width: usize) -> String {
    if fits(&s, width) {
        return s;
    }
    truncate_to_width(&s, width)
}

/// Whether `s` is at most `width` terminal columns wide. No character is wider in columns than
/// in UTF-8 bytes: a short string fits uncounted.
pub fn fits(s: &str, width: usize) -> bool {
    s.len() <= width || display_width(s) <= width
}

/// Truncates `s` to at most `width` terminal columns, adding `…` when something was cut.
pub fn truncate_to_width(s: &str, width: usize) -> String {
    if fits(s, width) {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The head of a wire dateline opening `s`, up to its dash: "LONDON, Oct. 14, 2025 (Reuters)"
/// of "LONDON, Oct. 14, 2025 (Reuters) - Shares rose", "GENEVA (AP)", "SACRAMENTO, Calif.",
/// "SAN FRANCISCO". Its place, before any comma or parenthesis, is in capitals; the head is
/// at most 80 bytes. Leading whitespace is part of it; trailing whitespace is not.
pub fn dateline_head(s: &str) -> Option<&str> {
    let t = s.trim_start();
    let end = ["—", "–", " -- ", " - "]
        .iter()
        .filter_map(|d| t.find(d))
        .min()?;
    let head = t[..end].trim_end();
    let place = head.split([',', '(']).next().unwrap_or("");
    (head.len() <= 80
        && place.chars().any(char::is_alphabetic)
        && !place.chars().any(char::is_lowercase))
    .then(|| &s[..s.len() - t.len() + head.len()])
}

/// "NATO", "FTC", "U.S.": one word, every letter a capital, at least two letters.
pub fn is_acronym(name: &str) -> bool {
    !name.contains(' ')
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !name.chars().any(char::is_lowercase)
}

/// Display width of `s` in terminal columns.
pub fn display_width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Collapses runs of whitespace to one space and trims: for titles and summaries.
pub fn squash_whitespace(s: &str) -> String {
    squashed(s).into_owned()
}

/// Like [`squash_whitespace`], borrowing `s` when it is already squashed (most names and
/// sentences are).
pub fn squashed(s: &str) -> std::borrow::Cow<'_, str> {
    if is_squashed(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    std::borrow::Cow::Owned(out)
}

/// Whether `s` has no whitespace at its ends and none inside but single spaces, read byte by
/// byte: whitespace outside ASCII (what `char::is_whitespace` counts: U+0085, U+00A0,
/// U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) starts with one of four
/// lead bytes, which are never inside another character.
fn is_squashed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let at = |i: usize| b.get(i).copied();
    let mut space = false;
    for (i, &x) in b.iter().enumerate() {
        let white = match x {
            b' ' if space => return false,
            b' ' => {
                space = true;
                continue;
            }
            b'\t'..=b'\r' => true,
            0xC2 => matches!(at(i + 1), Some(0x85 | 0xA0)),
            0xE1 => (at(i + 1), at(i + 2)) == (Some(0x9A), Some(0x80)),
            0xE2 => matches!(
                (at(i + 1), at(i + 2)),
                (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F))
            ),
            0xE3 => (at(i + 1), at(i + 2)) == (Some(0x80), Some(0x80)),
            _ => false,
        };
        if white {
            return false;
        }
        space = false;
    }
    true
}

/// Wraps `text` to `width` columns: each line a byte range of `text`; an empty range is a blank
/// line between paragraphs.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut offset = 0;
    for para in text.split('\n') {
        let base = offset;
        offset += para.len() + 1;
        if para.trim().is_empty() {
            out.push(base..base);
            continue;
        }
        let mut line_start: Option<usize> = None;
        let mut line_end = 0;
        let mut line_w = 0;
        for (ws, word) in words(para) {
            let w = display_width(word);
            let (s, e) = (base + ws, base + ws + word.len());
            match line_start {
                Some(_) if line_w + 1 + w <= width => {
                    line_end = e;
                    line_w += 1 + w;
                }
                _ => {
                    if let Some(ls) = line_start {
                        out.push(ls..line_end);
                    }
                    if w <= width {
                        line_start = Some(s);
                        line_end = e;
                        line_w = w;
                    } else {
                        // A word wider than the pane is broken by characters.
                        let mut cs = s;
                        let mut cw = 0;
                        for (i, c) in text[s..e].char_indices() {
                            let chw = c.width().unwrap_or(0);
                            if cw + chw > width && cw > 0 {
                                out.push(cs..s + i);
                                cs = s + i;
                                cw = 0;
                            }
                            cw += chw;
                        }
                        line_start = Some(cs);
                        line_end = e;
                        line_w = cw;
                    }
                }
            }
        }
        if let Some(ls) = line_start {
            out.push(ls..line_end);
        }
    }
    out
}

fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(' ')
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// The one `'static` copy of a short string from a small, bounded vocabulary (event kinds
/// from the assets): each distinct string is leaked once, so records can carry it without an
/// allocation each.
pub fn intern(s: &str) -> &'static str {
    use std::collections::BTreeSet;
    use std::sync::Mutex;
    static SEEN: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&s) = seen.get(s) {
        return s;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    seen.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_heads_are_a_place_in_capitals_before_a_dash() {
        let head = |s| dateline_head(s);
        assert_eq!(
            head("LONDON, Oct. 14, 2025 (Reuters) - Shares rose."),
            Some("LONDON, Oct. 14, 2025 (Reuters)")
        );
        assert_eq!(head("GENEVA (AP) — Talks resumed."), Some("GENEVA (AP)"));
        assert_eq!(
            head("  SAN FRANCISCO — A chipmaker"),
            Some("  SAN FRANCISCO")
        );
        assert_eq!(
            head("Talks resumed — at last."),
            None,
            "no place in capitals"
        );
        assert_eq!(head("No dash here."), None);
        assert_eq!(head("  —"), None, "nothing before the dash");
        let long = format!("{} — text", "A".repeat(81));
        assert_eq!(head(&long), None, "longer than a dateline");
    }

    #[test]
    fn wraps_by_display_width_and_keeps_paragraph_breaks() {
        let text = "one two three four\n\n“quoted” words here";
        let lines: Vec<&str> = wrap(text, 9).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            lines,
            vec!["one two", "three", "four", "", "“quoted”", "words", "here"]
        );
    }

    #[test]
    fn long_words_break_on_char_boundaries() {
        let text = "日本語日本語日本語";
        for r in wrap(text, 4) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert!(display_width(&text[r]) <= 4);
        }
    }

    #[test]
    fn truncation_respects_wide_and_multibyte_chars() {
        assert_eq!(truncate_to_width("Bezos’s “deal”", 8), "Bezos’s…");
        assert_eq!(truncate_to_width("日本語のテキスト", 7), "日本語…");
        assert_eq!(truncate_to_width("short", 10), "short");
        assert_eq!(truncate_to_width("abc", 0), "");
    }

    #[test]
    fn the_byte_scan_knows_a_squashed_string() {
        // Every character up to U+3000 (all the whitespace) and a sample above, in the places
        // where whitespace counts, against squashing by `split_whitespace`.
        let chars = (0..=0x3000).chain((0x3001..=0x10FFFF).step_by(61));
        for c in chars.filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("a{c}é"),
                format!("a {c}b"),
                format!("{c} b"),
                format!("“a”{c}"),
            ] {
                let want = s.split_whitespace().collect::<Vec<_>>().join(" ") == s;
                assert_eq!(is_squashed(&s), want, "{s:?}");
                assert_eq!(
                    squashed(&s),
                    s.split_whitespace().collect::<Vec<_>>().join(" ")
                );
            }
        }
        assert!(is_squashed("") && !is_squashed(" ") && !is_squashed("a  b"));
    }

    #[test]
    fn span_of_off_boundary_is_empty() {
        let s = "a’b";
        assert_eq!(Span::new(1, 2).of(s), "");
        assert_eq!(Span::new(1, 4).of(s), "’");
    }
}
