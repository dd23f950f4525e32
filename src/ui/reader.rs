//! The reader's text layout: the body word-wrapped to the pane width as byte ranges into the
//! body, so styling (mentions, time expressions) is applied by offset when a line is drawn.
//! The wrapped lines are cached per article and width; a frame styles only the visible rows.

use std::cell::RefCell;
use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};

use crate::model::{ArticleId, Model};

use super::theme::Theme;

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
            c.lines = crate::text::wrap(model.article(article).body(), width);
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

/// The marks of an article: entity mentions by kind (the chosen entities' also emphasised),
/// time expressions, and the highlighted sentence or mention; sorted by start. Marks may
/// overlap: a highlight spans mentions, so it is applied as a background under them.
pub fn marks(
    model: &Model,
    article: ArticleId,
    theme: &Theme,
    subject: &[crate::model::EntityId],
) -> Vec<Mark> {
    let mut out: Vec<Mark> = model
        .article_mentions(article)
        .iter()
        .map(|rec| {
            let mut style = theme.kind(model.entity(rec.entity).kind);
            if subject.contains(&rec.entity) {
                style = style.patch(theme.subject);
            }
            Mark {
                range: rec.span.range(),
                style,
            }
        })
        .chain(model.article_timexes(article).iter().map(|t| {
            let s = t.timex.span;
            Mark {
                range: s.range(),
                style: theme.timex,
            }
        }))
        .collect();
    out.sort_by_key(|m| (m.range.start, m.range.end));
    out
}

/// One wrapped line with the marks that overlap it applied; `highlight` is a background
/// under everything else.
pub fn styled_line<'a>(
    body: &'a str,
    range: Range<usize>,
    marks: &[Mark],
    base: Style,
    highlight: Option<(Range<usize>, Style)>,
) -> Line<'a> {
    if let Some((h, hs)) = highlight {
        let (s, e) = (h.start.max(range.start), h.end.min(range.end));
        if s < e && body.is_char_boundary(s) && body.is_char_boundary(e) {
            let mut line = Line::default();
            for part in [range.start..s, s..e, e..range.end] {
                if part.is_empty() {
                    continue;
                }
                let style = if part == (s..e) { base.patch(hs) } else { base };
                line.spans
                    .extend(styled_line(body, part, marks, style, None).spans);
            }
            return line;
        }
    }
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
