//! The reader's text layout: the body word-wrapped to the pane width as byte ranges into the
//! body, so styling (mentions, time expressions) is applied by offset when a line is drawn.
//! The wrapped lines are cached per article and width; a frame styles only the visible rows.

use std::cell::RefCell;
use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};

use crate::model::{ArticleId, Model};
use crate::text::display_width;

use super::theme::Theme;

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
                            let chw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
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

/// Wrapped lines of one article at one width.
#[derive(Debug, Default)]
pub struct WrapCache {
    key: Option<(ArticleId, usize)>,
    lines: Vec<Range<usize>>,
}

impl WrapCache {
    /// The wrapped lines, computed once per article and width.
    pub fn get<'a>(
        cell: &'a RefCell<WrapCache>,
        model: &Model,
        article: ArticleId,
        width: usize,
    ) -> std::cell::Ref<'a, Vec<Range<usize>>> {
        if cell.borrow().key != Some((article, width)) {
            let mut c = cell.borrow_mut();
            c.lines = wrap(model.article(article).body(), width);
            c.key = Some((article, width));
        }
        std::cell::Ref::map(cell.borrow(), |c| &c.lines)
    }
}

/// A styled range of the body.
#[derive(Debug, Clone)]
pub struct Mark {
    pub range: Range<usize>,
    pub style: Style,
}

/// The marks of an article: entity mentions by kind, then time expressions; sorted by start.
pub fn marks(model: &Model, article: ArticleId, theme: &Theme) -> Vec<Mark> {
    let a = model.article(article);
    let mut out: Vec<Mark> = a
        .mentions
        .iter()
        .map(|&m| {
            let rec = &model.mentions[m];
            Mark {
                range: rec.span.start..rec.span.end,
                style: theme.kind(model.entity(rec.entity).kind),
            }
        })
        .chain(a.timexes.iter().map(|&t| {
            let s = model.timexes[t].timex.span;
            Mark {
                range: s.start..s.end,
                style: theme.timex,
            }
        }))
        .collect();
    out.sort_by_key(|m| (m.range.start, m.range.end));
    out
}

/// One wrapped line with the marks that overlap it applied.
pub fn styled_line<'a>(
    body: &'a str,
    range: Range<usize>,
    marks: &[Mark],
    base: Style,
) -> Line<'a> {
    let mut spans = Vec::new();
    let mut pos = range.start;
    let first = marks.partition_point(|m| m.range.end <= range.start);
    for m in marks[first..]
        .iter()
        .take_while(|m| m.range.start < range.end)
    {
        let s = m.range.start.max(pos);
        let e = m.range.end.min(range.end);
        if s >= e || !body.is_char_boundary(s) || !body.is_char_boundary(e) {
            continue;
        }
        if s > pos {
            spans.push(TextSpan::styled(&body[pos..s], base));
        }
        spans.push(TextSpan::styled(&body[s..e], base.patch(m.style)));
        pos = e;
    }
    if pos < range.end {
        spans.push(TextSpan::styled(&body[pos..range.end], base));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
