//! Views: functions of the app state. Nothing here changes the state; the only thing a frame
//! hands back is what the run loop needs to know about the layout it drew (the reader's height
//! and wrapped length, for paging and clamping).

pub mod reader;
pub mod theme;

use std::cell::RefCell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::keymap::{self, Scope};
use crate::app::{App, EntityRow, Overlay, Pane};
use crate::model::{ArticleId, Model};
use crate::text::truncate_to_width;
use reader::WrapCache;
use theme::Theme;

/// Below this the panes cannot be drawn usefully; a message is shown instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Display options and the per-article caches.
#[derive(Debug)]
pub struct Ui {
    pub theme: Theme,
    pub ascii: bool,
    wrap: RefCell<WrapCache>,
}

/// What the run loop learns from a drawn frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Drawn {
    /// Rows of text the reader showed.
    pub reader_rows: usize,
    /// Wrapped lines of the open article, header included.
    pub reader_lines: usize,
}

impl Ui {
    pub fn new(theme: Theme, ascii: bool) -> Ui {
        Ui {
            theme,
            ascii,
            wrap: RefCell::new(WrapCache::default()),
        }
    }

    fn block<'a>(&self, title: String, focused: bool) -> Block<'a> {
        let style = if focused {
            self.theme.border_focused
        } else {
            self.theme.border
        };
        Block::default()
            .borders(Borders::ALL)
            .border_set(if self.ascii {
                ascii_border()
            } else {
                border::PLAIN
            })
            .border_style(style)
            .title(Span::styled(format!(" {title} "), self.theme.title))
    }

    /// Draws the whole screen.
    pub fn draw(&self, frame: &mut Frame<'_>, app: &App) -> Drawn {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let msg = format!(
                "Terminal too small: {}x{}. storyline needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Enlarge the window, or press q to quit.",
                area.width, area.height
            );
            frame.render_widget(
                Paragraph::new(msg)
                    .style(self.theme.warning)
                    .wrap(Wrap { trim: true }),
                area,
            );
            return Drawn::default();
        }
        let [main, status] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
        let [top, timeline] =
            Layout::vertical([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(main);
        let [list, reader, entities] = Layout::horizontal([
            Constraint::Percentage(27),
            Constraint::Percentage(48),
            Constraint::Percentage(25),
        ])
        .areas(top);
        self.draw_articles(frame, app, list);
        let drawn = self.draw_reader(frame, app, reader);
        self.draw_entities(frame, app, entities);
        self.draw_timeline(frame, app, timeline);
        self.draw_status(frame, app, status);
        match app.overlay {
            Some(Overlay::Help) => self.draw_help(frame, app, main),
            Some(Overlay::Problems) => self.draw_problems(frame, app, main),
            None => {}
        }
        drawn
    }

    fn draw_articles(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        let m = &app.model;
        let block = self.block(
            format!("Articles ({})", app.article_rows.len()),
            app.focus == Pane::Articles,
        );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let rows = inner.height as usize;
        let offset = scroll_offset(app.article_selected, rows);
        let width = inner.width as usize;
        let lines: Vec<Line> = app
            .article_rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .map(|(i, &a)| {
                let date = date_label(m, a);
                let title = truncate_to_width(&m.article(a).raw.title, width.saturating_sub(12));
                let style = if i == app.article_selected {
                    self.theme.selected
                } else {
                    self.theme.text
                };
                Line::from(vec![
                    Span::styled(format!("{date:<11} "), self.theme.dim),
                    Span::raw(title),
                ])
                .style(style)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    fn draw_reader(&self, frame: &mut Frame<'_>, app: &App, area: Rect) -> Drawn {
        let m = &app.model;
        let Some(aid) = app.open_article else {
            let block = self.block("Reader".into(), app.focus == Pane::Reader);
            frame.render_widget(Paragraph::new("No article open.").block(block), area);
            return Drawn::default();
        };
        let a = m.article(aid);
        let title_w = area.width.saturating_sub(14) as usize;
        let block = self.block(
            format!("Reader: {}", truncate_to_width(&a.raw.title, title_w)),
            app.focus == Pane::Reader,
        );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = inner.width.saturating_sub(1).max(1) as usize;
        let mut header: Vec<Line> = Vec::new();
        let date = match &a.published {
            Some(p) if p.inferred => format!("~{} · inferred from {}", p.date.value(), p.basis),
            Some(p) => format!("{} · from the {}", p.date.value(), p.basis),
            None => "undated".to_string(),
        };
        header.push(Line::styled(
            truncate_to_width(&date, width),
            self.theme.dim,
        ));
        let mut meta = Vec::new();
        if let Some(b) = &a.raw.byline {
            meta.push(format!("By {b}"));
        }
        if let Some(s) = &a.raw.source {
            meta.push(s.clone());
        }
        meta.push(a.raw.path.clone());
        header.push(Line::styled(
            truncate_to_width(&meta.join(" · "), width),
            self.theme.dim,
        ));
        header.push(Line::raw(""));
        let wrapped = WrapCache::get(&self.wrap, m, aid, width);
        let total = header.len() + wrapped.len();
        let rows = inner.height as usize;
        let scroll = app.reader_scroll.min(total.saturating_sub(rows));
        let marks = reader::marks(m, aid, &self.theme);
        let body = a.body();
        let mut lines: Vec<Line> = Vec::with_capacity(rows);
        for i in scroll..(scroll + rows).min(total) {
            if i < header.len() {
                lines.push(header[i].clone());
            } else {
                let r = wrapped[i - header.len()].clone();
                lines.push(reader::styled_line(body, r, &marks, self.theme.text));
            }
        }
        frame.render_widget(Paragraph::new(lines), inner);
        Drawn {
            reader_rows: rows,
            reader_lines: total,
        }
    }

    fn draw_entities(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        let m = &app.model;
        let block = self.block(
            format!("Entities ({})", m.entities.len()),
            app.focus == Pane::Entities,
        );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let rows = inner.height as usize;
        let width = inner.width as usize;
        let offset = scroll_offset(app.entity_selected, rows);
        let lines: Vec<Line> = app
            .entity_rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .map(|(i, row)| match *row {
                EntityRow::Heading(k) => Line::styled(k.as_str(), self.theme.heading),
                EntityRow::Entity(e) => {
                    let ent = m.entity(e);
                    let count = ent.mentions.len().to_string();
                    let name_w = width.saturating_sub(count.len() + 3);
                    let name = truncate_to_width(&ent.name, name_w);
                    let pad =
                        width.saturating_sub(crate::text::display_width(&name) + count.len() + 2);
                    let style = if i == app.entity_selected {
                        self.theme.selected
                    } else {
                        self.theme.text
                    };
                    Line::from(vec![
                        Span::raw(" "),
                        Span::styled(name, self.theme.kind(ent.kind)),
                        Span::raw(" ".repeat(pad)),
                        Span::styled(count, self.theme.dim),
                    ])
                    .style(style)
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    fn draw_timeline(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        let m = &app.model;
        let block = self.block(
            format!("Timeline ({} events)", m.events.len()),
            app.focus == Pane::Timeline,
        );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if m.events.is_empty() {
            let msg = "No relationship events in this corpus.";
            frame.render_widget(Paragraph::new(Line::styled(msg, self.theme.dim)), inner);
            return;
        }
        let rows = inner.height as usize;
        let offset = scroll_offset(app.timeline_selected, rows);
        let width = inner.width as usize;
        let lines: Vec<Line> = m
            .events
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .map(|(i, e)| {
                let date = e.when.map_or("undated".to_string(), |w| {
                    format!("{}{}", if w.inferred { "~" } else { "" }, w.value.value())
                });
                let (glyph, tone) = if e.tone > 0.5 {
                    ("▲", self.theme.cooperative)
                } else if e.tone < -0.5 {
                    ("▼", self.theme.hostile)
                } else {
                    ("•", self.theme.neutral)
                };
                let srcs = format!("{} src", e.evidence.len());
                let summary_w = width.saturating_sub(12 + 2 + 14 + srcs.len() + 2);
                let style = if i == app.timeline_selected {
                    self.theme.selected
                } else {
                    self.theme.text
                };
                Line::from(vec![
                    Span::styled(format!("{date:<12}"), self.theme.dim),
                    Span::styled(format!("{glyph} "), tone),
                    Span::styled(format!("{:<13} ", e.kind), tone),
                    Span::raw(truncate_to_width(&e.summary, summary_w)),
                    Span::styled(format!("  {srcs}"), self.theme.dim),
                ])
                .style(style)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    fn draw_status(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        let m = &app.model;
        let mut spans = vec![Span::styled(" ", self.theme.status)];
        for b in keymap::hints(app.focus) {
            spans.push(Span::styled(b.label, self.theme.status_key));
            spans.push(Span::styled(
                format!(" {}  ", b.hint.unwrap_or(b.description)),
                self.theme.status,
            ));
        }
        let counts = format!(
            "{} articles · {} entities · {} events · {} problems ",
            m.articles.len(),
            m.entities.len(),
            m.events.len(),
            m.problems.len()
        );
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let pad = (area.width as usize).saturating_sub(used + counts.len());
        spans.push(Span::styled(" ".repeat(pad), self.theme.status));
        spans.push(Span::styled(counts, self.theme.status));
        frame.render_widget(
            Paragraph::new(Line::from(spans)).style(self.theme.status),
            area,
        );
    }

    fn popup(
        &self,
        frame: &mut Frame<'_>,
        area: Rect,
        title: &str,
        lines: Vec<Line<'_>>,
        scroll: usize,
    ) {
        let content = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
        let w = content
            .max(title.chars().count() as u16 + 6)
            .clamp(40, (area.width * 9 / 10).max(40))
            .min(area.width);
        let h = (lines.len() as u16 + 2)
            .min(area.height * 4 / 5)
            .max(5)
            .min(area.height);
        let r = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + (area.height - h) / 2,
            width: w,
            height: h,
        };
        frame.render_widget(Clear, r);
        let block = self.block(title.to_string(), true);
        let rows = block.inner(r).height as usize;
        let scroll = scroll.min(lines.len().saturating_sub(rows));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .scroll((scroll as u16, 0)),
            r,
        );
    }

    fn draw_help(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        let mut lines = Vec::new();
        let scopes = [
            (Scope::Global, "Everywhere"),
            (Scope::Pane(Pane::Articles), "Articles"),
            (Scope::Pane(Pane::Reader), "Reader"),
            (Scope::Pane(Pane::Entities), "Entities"),
            (Scope::Pane(Pane::Timeline), "Timeline"),
        ];
        for (scope, name) in scopes {
            let bindings: Vec<_> = keymap::BINDINGS
                .iter()
                .filter(|b| b.scope == scope)
                .collect();
            if bindings.is_empty() {
                continue;
            }
            lines.push(Line::styled(name, self.theme.heading));
            for b in bindings {
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("  {:<10}", b.label),
                        self.theme
                            .status_key
                            .patch(Style::new().bg(ratatui::style::Color::Reset)),
                    ),
                    Span::raw(b.description),
                ]));
            }
        }
        self.popup(frame, area, "Keys (Esc closes)", lines, app.help_scroll);
    }

    fn draw_problems(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        let lines: Vec<Line> = if app.model.problems.is_empty() {
            vec![Line::raw("Every file loaded cleanly.")]
        } else {
            app.model
                .problems
                .iter()
                .map(|p| Line::raw(p.to_string()))
                .collect()
        };
        let title = format!("Problems ({}) (Esc closes)", app.model.problems.len());
        self.popup(frame, area, &title, lines, app.help_scroll);
    }
}

/// The first row to show so that `selected` is visible in `rows` rows.
fn scroll_offset(selected: usize, rows: usize) -> usize {
    if rows == 0 {
        0
    } else {
        selected.saturating_sub(rows - 1)
    }
}

/// An article's date for lists: precision-aware, `~` when inferred.
pub fn date_label(m: &Model, a: ArticleId) -> String {
    match &m.article(a).published {
        Some(p) => format!("{}{}", if p.inferred { "~" } else { "" }, p.date.value()),
        None => "undated".into(),
    }
}

fn ascii_border() -> border::Set<'static> {
    border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    }
}
