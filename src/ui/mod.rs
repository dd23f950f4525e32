//! Views: functions of the app state. Nothing here changes the state; a frame hands back only
//! what the run loop needs to know about the layout it drew (pane rectangles for the mouse,
//! the reader's size for paging and clamping).

pub mod reader;
pub mod theme;

use std::cell::RefCell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::keymap::{self, Scope};
use crate::app::{App, EntityRow, Overlay, Pane, SortBy, Subject, scroll_offset};
use crate::model::{ArticleId, Model};
use crate::search::Target;
use crate::text::{display_width, truncate_to_width};
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
    /// Columns the reader wraps to.
    pub reader_width: usize,
    /// The inner area of each pane, in `Pane::ORDER`, for mouse hits.
    pub panes: [Rect; 4],
    /// The first list row's y in the articles, entities and timeline panes.
    pub list_top: [u16; 3],
    /// Rows of the lists in the articles, entities and timeline panes.
    pub list_rows: [usize; 3],
}

impl Drawn {
    /// The pane at a screen position and the list row under it.
    pub fn hit(&self, x: u16, y: u16) -> Option<(Pane, usize)> {
        let i = self
            .panes
            .iter()
            .position(|r| r.contains(Position { x, y }))?;
        let pane = Pane::ORDER[i];
        let top = match pane {
            Pane::Articles => self.list_top[0],
            Pane::Entities => self.list_top[1],
            Pane::Timeline => self.list_top[2],
            Pane::Reader => self.panes[1].y,
        };
        Some((pane, y.saturating_sub(top) as usize))
    }
}

fn tone_glyph(tone: f32) -> &'static str {
    if tone > 0.5 {
        "▲"
    } else if tone < -0.5 {
        "▼"
    } else {
        "•"
    }
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

    fn tone_style(&self, tone: f32) -> Style {
        if tone > 0.5 {
            self.theme.cooperative
        } else if tone < -0.5 {
            self.theme.hostile
        } else {
            self.theme.neutral
        }
    }

    /// The loading screen: a progress bar with files, megabytes and articles per second.
    pub fn draw_loading(
        &self,
        frame: &mut Frame<'_>,
        p: crate::progress::Snapshot,
        elapsed: std::time::Duration,
    ) {
        let area = frame.area();
        let secs = elapsed.as_secs_f64().max(0.001);
        let mb = p.bytes_read as f64 / 1e6;
        let lines = vec![
            Line::styled("storyline is reading the articles", self.theme.title),
            Line::raw(""),
            Line::raw(format!(
                "files read {}/{} · {mb:.1} MB · {:.1} MB/s",
                p.files_read,
                p.files_total,
                mb / secs
            )),
            Line::raw(format!(
                "articles extracted {}/{} · {:.0} articles/s",
                p.articles_done,
                p.articles_total,
                p.articles_done as f64 / secs
            )),
            Line::raw(""),
            Line::styled("q quits", self.theme.dim),
        ];
        let w = area.width.min(70);
        let h = (lines.len() as u16 + 3).min(area.height);
        let r = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + (area.height - h) / 2,
            width: w,
            height: h,
        };
        let block = self.block("Loading".into(), true);
        let inner = block.inner(r);
        frame.render_widget(block, r);
        let [text, bar] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
        frame.render_widget(Paragraph::new(lines), text);
        let gauge = ratatui::widgets::Gauge::default()
            .gauge_style(self.theme.border_focused)
            .ratio(p.fraction().clamp(0.0, 1.0));
        frame.render_widget(gauge, bar);
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
            Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(main);
        let [list, reader, entities] = Layout::horizontal([
            Constraint::Percentage(27),
            Constraint::Percentage(48),
            Constraint::Percentage(25),
        ])
        .areas(top);
        let mut drawn = Drawn::default();
        self.draw_articles(frame, app, list, &mut drawn);
        self.draw_reader(frame, app, reader, &mut drawn);
        self.draw_entities(frame, app, entities, &mut drawn);
        self.draw_timeline(frame, app, timeline, &mut drawn);
        self.draw_status(frame, app, status);
        match app.overlay {
            Some(Overlay::Help) => self.draw_help(frame, app, main),
            Some(Overlay::Problems) => self.draw_problems(frame, app, main),
            Some(Overlay::Finder) => self.draw_finder(frame, app, main),
            None => {}
        }
        drawn
    }

    fn subject_label(&self, m: &Model, subject: Subject) -> Option<String> {
        match subject {
            Subject::All => None,
            Subject::Entity(e) => Some(m.entity(e).name.to_string()),
            Subject::Pair(a, b) => Some(format!("{} ↔ {}", m.entity(a).name, m.entity(b).name)),
        }
    }

    fn draw_articles(&self, frame: &mut Frame<'_>, app: &App, area: Rect, drawn: &mut Drawn) {
        let m = &app.model;
        let sort = if app.sort == SortBy::Title {
            " by title"
        } else {
            ""
        };
        let count = if app.article_rows.len() == m.articles.len() {
            format!("{}", m.articles.len())
        } else {
            format!("{}/{}", app.article_rows.len(), m.articles.len())
        };
        let block = self.block(
            format!("Articles ({count}){sort}"),
            app.focus == Pane::Articles,
        );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        drawn.panes[0] = inner;
        drawn.list_top[0] = inner.y;
        drawn.list_rows[0] = inner.height as usize;
        if app.article_rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled("No article matches.", self.theme.dim)),
                inner,
            );
            return;
        }
        let rows = inner.height as usize;
        let width = inner.width as usize;
        let lines: Vec<Line> = visible(&app.article_rows, app.article_selected, rows)
            .map(|(i, &a)| {
                let art = m.article(a);
                let date = date_label(m, a);
                let mut title = art.raw.title.clone();
                if let Some(src) = &art.raw.source {
                    title = format!("{title} · {src}");
                }
                let title = truncate_to_width(&title, width.saturating_sub(12));
                let mut style = if i == app.article_selected {
                    self.theme.selected
                } else {
                    self.theme.text
                };
                if app.open_article == Some(a) {
                    style = style.patch(self.theme.title);
                }
                Line::from(vec![
                    Span::styled(format!("{date:<11} "), self.theme.dim),
                    Span::raw(title),
                ])
                .style(style)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    fn draw_reader(&self, frame: &mut Frame<'_>, app: &App, area: Rect, drawn: &mut Drawn) {
        let m = &app.model;
        let Some(aid) = app.open_article else {
            let block = self.block("Reader".into(), app.focus == Pane::Reader);
            drawn.panes[1] = block.inner(area);
            frame.render_widget(Paragraph::new("No article open.").block(block), area);
            return;
        };
        let a = m.article(aid);
        let title_w = area.width.saturating_sub(14) as usize;
        let block = self.block(
            format!("Reader: {}", truncate_to_width(&a.raw.title, title_w)),
            app.focus == Pane::Reader,
        );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        drawn.panes[1] = inner;
        let width = inner.width.saturating_sub(1).max(1) as usize;
        let mut header: Vec<Line> = Vec::new();
        let date = match a.published() {
            Some(p) if p.inferred => format!("~{} · inferred from {}", p.date.value(), p.basis),
            Some(p) => format!("{} · from the {}", p.date.value(), p.basis),
            None => "undated: no date in the file or the text".to_string(),
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
        debug_assert_eq!(header.len(), crate::app::READER_HEADER_LINES);
        let wrapped = WrapCache::get(&self.wrap, m, aid, width);
        let total = header.len() + wrapped.len();
        let rows = inner.height as usize;
        let scroll = app.reader_scroll.min(total.saturating_sub(rows));
        let marks = reader::marks(m, aid, &self.theme, &app.subject.entities());
        let highlight = app.highlight.map(|h| (h.range(), self.theme.highlight));
        let body = a.body();
        let mut lines: Vec<Line> = Vec::with_capacity(rows);
        for i in scroll..(scroll + rows).min(total) {
            if i < header.len() {
                lines.push(header[i].clone());
            } else {
                let r = wrapped[i - header.len()].clone();
                lines.push(reader::styled_line(
                    body,
                    r,
                    &marks,
                    self.theme.text,
                    highlight.clone(),
                ));
            }
        }
        frame.render_widget(Paragraph::new(lines), inner);
        drawn.reader_rows = rows;
        drawn.reader_lines = total;
        drawn.reader_width = width;
    }

    fn draw_entities(&self, frame: &mut Frame<'_>, app: &App, area: Rect, drawn: &mut Drawn) {
        let m = &app.model;
        let title = match self.subject_label(m, app.subject) {
            Some(s) => format!("Entities · {s}"),
            None => format!("Entities ({})", m.entities.len()),
        };
        let block = self.block(title, app.focus == Pane::Entities);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        drawn.panes[2] = inner;
        drawn.list_top[1] = inner.y;
        drawn.list_rows[1] = inner.height as usize;
        let rows = inner.height as usize;
        let width = inner.width as usize;
        let row_line = |name: String,
                        style: Style,
                        right: String,
                        right_style: Style,
                        prefix: Span<'static>| {
            let name_w = width.saturating_sub(right.len() + 3);
            let name = truncate_to_width(&name, name_w);
            let pad = width.saturating_sub(display_width(&name) + right.len() + 2);
            Line::from(vec![
                prefix,
                Span::styled(name, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(right, right_style),
            ])
        };
        let lines: Vec<Line> = visible(&app.entity_rows, app.entity_selected, rows)
            .map(|(i, row)| {
                let selected = if i == app.entity_selected {
                    self.theme.selected
                } else {
                    Style::new()
                };
                match *row {
                    EntityRow::Heading(k) => Line::styled(k.as_str(), self.theme.heading),
                    EntityRow::Aliases(e) => {
                        let ent = m.entity(e);
                        let mut text = format!(
                            "{}: {}, {} mentions",
                            ent.name,
                            ent.kind.as_str(),
                            ent.mentions.len()
                        );
                        if !ent.aliases.is_empty() {
                            text.push_str(&format!(" · aka {}", ent.aliases.join(", ")));
                        }
                        if !ent.titles.is_empty() {
                            text.push_str(&format!(" · {}", ent.titles.join(", ")));
                        }
                        Line::styled(truncate_to_width(&text, width), self.theme.dim)
                    }
                    EntityRow::ConnectionsHeading => {
                        Line::styled("connections", self.theme.heading)
                    }
                    EntityRow::Connection(o, n, tone) => {
                        let ent = m.entity(o);
                        let glyph =
                            Span::styled(format!("{} ", tone_glyph(tone)), self.tone_style(tone));
                        row_line(
                            ent.name.to_string(),
                            self.theme.kind(ent.kind),
                            n.to_string(),
                            self.theme.dim,
                            glyph,
                        )
                        .style(selected)
                    }
                    EntityRow::Entity(e) => {
                        let ent = m.entity(e);
                        let style = self.theme.kind(ent.kind);
                        let chosen = app.subject.entities().contains(&e);
                        let mark = Span::raw(if chosen { "•" } else { " " });
                        row_line(
                            ent.name.to_string(),
                            style,
                            ent.mentions.len().to_string(),
                            self.theme.dim,
                            mark,
                        )
                        .style(selected)
                    }
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    /// Tone by month over the timeline's dated events: one cell a month, height by the
    /// strength of the mean tone, colour by its sign.
    fn tone_strip(&self, app: &App, width: usize) -> Option<Line<'static>> {
        use chrono::Datelike;
        let m = &app.model;
        let dated: Vec<(i32, f32)> = app
            .timeline_rows
            .iter()
            .filter_map(|&e| {
                let ev = m.event(e);
                ev.when.map(|w| {
                    (
                        w.value.start.year() * 12 + w.value.start.month0() as i32,
                        ev.tone,
                    )
                })
            })
            .collect();
        let (first, last) = (
            dated.iter().map(|d| d.0).min()?,
            dated.iter().map(|d| d.0).max()?,
        );
        let label_w = 24;
        let cells = width.saturating_sub(label_w).max(1);
        // Months per cell: one, or more when the span is longer than the pane is wide.
        let span = (last - first + 1) as usize;
        let per = span.div_ceil(cells).max(1);
        let n = span.div_ceil(per);
        let mut sums = vec![(0.0f32, 0usize); n];
        for (month, tone) in dated {
            let c = (month - first) as usize / per;
            sums[c].0 += tone;
            sums[c].1 += 1;
        }
        const BARS: [&str; 8] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
        let mut spans = Vec::new();
        for (sum, count) in sums {
            if count == 0 {
                spans.push(Span::styled("·", self.theme.dim));
                continue;
            }
            let mean = sum / count as f32;
            let level = ((mean.abs() / 10.0 * 7.0).round() as usize).clamp(0, 7);
            spans.push(Span::styled(BARS[level], self.tone_style(mean)));
        }
        let fmt = |mi: i32| format!("{}-{:02}", mi.div_euclid(12), mi.rem_euclid(12) + 1);
        let unit = if per == 1 {
            "month".to_string()
        } else {
            format!("{per} months")
        };
        spans.push(Span::styled(
            format!("  tone by {unit}, {} – {}", fmt(first), fmt(last)),
            self.theme.dim,
        ));
        Some(Line::from(spans))
    }

    fn draw_timeline(&self, frame: &mut Frame<'_>, app: &App, area: Rect, drawn: &mut Drawn) {
        let m = &app.model;
        let title = match self.subject_label(m, app.subject) {
            Some(s) => format!("Timeline: {s} ({})", app.timeline_rows.len()),
            None => format!("Timeline: all events ({})", app.timeline_rows.len()),
        };
        let block = self.block(title, app.focus == Pane::Timeline);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        drawn.panes[3] = inner;
        let width = inner.width as usize;
        if app.timeline_rows.is_empty() {
            let msg = match app.subject {
                Subject::All => "No relationship events in this corpus.",
                _ => "No events for this choice. Esc steps back.",
            };
            frame.render_widget(Paragraph::new(Line::styled(msg, self.theme.dim)), inner);
            drawn.list_top[2] = inner.y;
            return;
        }
        let mut list_area = inner;
        if let Some(strip) = self.tone_strip(app, width) {
            let [s, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
            frame.render_widget(Paragraph::new(strip), s);
            list_area = rest;
        }
        drawn.list_top[2] = list_area.y;
        drawn.list_rows[2] = list_area.height as usize;
        let rows = list_area.height as usize;
        let lines: Vec<Line> = visible(&app.timeline_rows, app.timeline_selected, rows)
            .map(|(i, &id)| {
                let e = m.event(id);
                let date = e.when.map_or("undated".to_string(), |w| {
                    format!("{}{}", if w.inferred { "~" } else { "" }, w.value.value())
                });
                let tone = self.tone_style(e.tone);
                let mut summary = m.summary(e);
                if e.modality != crate::model::Modality::Asserted {
                    summary = format!("[{}] {summary}", e.modality.as_str()).into();
                }
                let srcs = format!("{} src", e.evidence.len());
                let summary_w = width.saturating_sub(13 + 2 + 13 + srcs.len() + 2);
                let style = if i == app.timeline_selected {
                    self.theme.selected
                } else {
                    self.theme.text
                };
                Line::from(vec![
                    Span::styled(
                        format!("{:<13}", truncate_to_width(&date, 12)),
                        self.theme.dim,
                    ),
                    Span::styled(format!("{} ", tone_glyph(e.tone)), tone),
                    Span::styled(format!("{:<12} ", truncate_to_width(e.kind, 12)), tone),
                    Span::raw(truncate_to_width(&summary, summary_w)),
                    Span::styled(format!("  {srcs}"), self.theme.dim),
                ])
                .style(style)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list_area);
    }

    fn draw_status(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        let m = &app.model;
        let mut spans = vec![Span::styled(" ", self.theme.status)];
        let finder = app.overlay == Some(Overlay::Finder);
        for b in keymap::hints(app.focus, finder) {
            spans.push(Span::styled(b.label, self.theme.status_key));
            spans.push(Span::styled(
                format!(" {}  ", b.hint.unwrap_or(b.description)),
                self.theme.status,
            ));
        }
        if let Some(msg) = &app.message {
            spans.push(Span::styled(format!("{msg}  "), self.theme.status_key));
        }
        let counts = format!(
            "{}/{} articles · {} entities · {} events · {} problems ",
            app.article_rows.len(),
            m.articles.len(),
            m.entities.len(),
            m.events.len(),
            m.problems.len()
        );
        let used: usize = spans.iter().map(|s| s.width()).sum();
        if used + display_width(&counts) <= area.width as usize {
            let pad = area.width as usize - used - display_width(&counts);
            spans.push(Span::styled(" ".repeat(pad), self.theme.status));
            spans.push(Span::styled(counts, self.theme.status));
        }
        frame.render_widget(
            Paragraph::new(Line::from(spans)).style(self.theme.status),
            area,
        );
    }

    fn popup_rect(&self, area: Rect, width: u16, height: u16) -> Rect {
        let w = width
            .clamp(40.min(area.width), (area.width * 9 / 10).max(40))
            .min(area.width);
        let h = height.min(area.height * 4 / 5).max(5).min(area.height);
        Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + (area.height - h) / 2,
            width: w,
            height: h,
        }
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
        let r = self.popup_rect(
            area,
            content.max(title.chars().count() as u16 + 6),
            lines.len() as u16 + 2,
        );
        frame.render_widget(Clear, r);
        let block = self.block(title.to_string(), true);
        let rows = block.inner(r).height as usize;
        let scroll = scroll.min(lines.len().saturating_sub(rows));
        let text = Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false });
        frame.render_widget(text.scroll((scroll as u16, 0)), r);
    }

    fn draw_help(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        let mut lines = Vec::new();
        for scope in Scope::ALL {
            let bindings: Vec<_> = keymap::BINDINGS
                .iter()
                .filter(|b| b.scope == scope)
                .collect();
            if bindings.is_empty() {
                continue;
            }
            lines.push(Line::styled(scope.name(), self.theme.heading));
            for b in bindings {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<10}", b.label), self.theme.title),
                    Span::raw(b.description),
                ]));
            }
        }
        lines.push(Line::styled(
            "Mouse: click a row to select it, the wheel scrolls the pane under it.",
            self.theme.dim,
        ));
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

    fn draw_finder(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        let f = &app.finder;
        let m = &app.model;
        let r = self.popup_rect(area, 72, area.height * 3 / 4);
        frame.render_widget(Clear, r);
        let title = format!("Find ({} of {})", f.total, f.candidates.len());
        let block = self.block(title, true);
        let inner = block.inner(r);
        frame.render_widget(block, r);
        let [input, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
        let prompt = Line::from(vec![
            Span::styled("> ", self.theme.heading),
            Span::raw(f.query.clone()),
            Span::styled("█", self.theme.dim),
        ]);
        frame.render_widget(Paragraph::new(prompt), input);
        let rows = list.height as usize;
        let width = list.width as usize;
        let lines: Vec<Line> = visible(&f.hits, f.selected, rows)
            .map(|(i, h)| {
                let c = &f.candidates[h.candidate];
                let (tag, style, extra) = match c.target {
                    Target::Entity(e) => {
                        let ent = m.entity(e);
                        let extra = if *c.text != *ent.name {
                            format!(" → {}", ent.name)
                        } else {
                            String::new()
                        };
                        (ent.kind.as_str(), self.theme.kind(ent.kind), extra)
                    }
                    Target::Article(_) => ("article", self.theme.text, String::new()),
                };
                let mut spans = vec![Span::styled(format!("{tag:<8}"), self.theme.dim)];
                let budget = width.saturating_sub(8 + display_width(&extra) + 1);
                let shown = truncate_to_width(&c.text, budget);
                let matched = crate::search::indices(&c.text, &f.query);
                for (ci, ch) in shown.chars().enumerate() {
                    let st = if matched.contains(&ci) {
                        style.patch(self.theme.matched)
                    } else {
                        style
                    };
                    spans.push(Span::styled(ch.to_string(), st));
                }
                spans.push(Span::styled(extra, self.theme.dim));
                let line = Line::from(spans);
                if i == f.selected {
                    line.style(self.theme.selected)
                } else {
                    line
                }
            })
            .collect();
        if lines.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled("No match.", self.theme.dim)),
                list,
            );
        } else {
            frame.render_widget(Paragraph::new(lines), list);
        }
    }
}

/// The rows of a list that fit in `rows` lines with `selected` in view, with their indexes.
fn visible<T>(items: &[T], selected: usize, rows: usize) -> impl Iterator<Item = (usize, &T)> {
    items
        .iter()
        .enumerate()
        .skip(scroll_offset(selected, rows))
        .take(rows)
}

/// An article's date for lists: precision-aware, `~` when inferred.
pub fn date_label(m: &Model, a: ArticleId) -> String {
    match m.article(a).published() {
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
