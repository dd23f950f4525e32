//! Byte spans into article text, and the small string helpers every layer needs: char-boundary
//! safe slicing and display-width truncation. News text is full of curly quotes and em dashes,
//! so nothing here slices by a byte index that was not checked.

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

/// A half-open range of UTF-8 byte offsets into one article's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text of this span, or "" when it does not lie on char boundaries of `s`.
    pub fn of<'a>(&self, s: &'a str) -> &'a str {
        s.get(self.start..self.end).unwrap_or("")
    }
}

/// Truncates `s` to at most `width` terminal columns, adding `…` when something was cut.
pub fn truncate_to_width(s: &str, width: usize) -> String {
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
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

/// Display width of `s` in terminal columns.
pub fn display_width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Collapses runs of whitespace to one space and trims: for titles and summaries.
pub fn squash_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_respects_wide_and_multibyte_chars() {
        assert_eq!(truncate_to_width("Bezos’s “deal”", 8), "Bezos’s…");
        assert_eq!(truncate_to_width("日本語のテキスト", 7), "日本語…");
        assert_eq!(truncate_to_width("short", 10), "short");
        assert_eq!(truncate_to_width("abc", 0), "");
    }

    #[test]
    fn span_of_off_boundary_is_empty() {
        let s = "a’b";
        assert_eq!(Span::new(1, 2).of(s), "");
        assert_eq!(Span::new(1, 4).of(s), "’");
    }
}
