//! Application state and the one place it changes: [`App::update`] applies an [`Action`].
//! No drawing here; `ui/` reads this state each frame. Keys and mouse events become actions
//! through the keymap (data, in `keymap.rs`), so the app is driven headless in tests.
//!
//! The panes are linked through the *subject*: nothing, one entity, or a pair. The subject
//! filters the article list, marks mentions in the reader, and chooses the timeline's events.
//! Every change of subject or of the open article pushes the previous view on a history that
//! Esc and Backspace step back through.

pub mod finder;
pub mod keymap;

use crate::extract::Kind;
use crate::model::{ArticleId, EntityId, EventId, Model};
use crate::search::Target;
use crate::text::Span;
use finder::Finder;

/// Lines the reader shows above the body: date, byline/source/path, a blank line.
pub const READER_HEADER_LINES: usize = 3;

/// The four panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Articles,
    Reader,
    Entities,
    Timeline,
}

impl Pane {
    pub const ORDER: [Pane; 4] = [Pane::Articles, Pane::Reader, Pane::Entities, Pane::Timeline];

    fn next(self) -> Pane {
        let i = Self::ORDER.iter().position(|&p| p == self).unwrap_or(0);
        Self::ORDER[(i + 1) % 4]
    }

    fn prev(self) -> Pane {
        let i = Self::ORDER.iter().position(|&p| p == self).unwrap_or(0);
        Self::ORDER[(i + 3) % 4]
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Articles => "Articles",
            Pane::Reader => "Reader",
            Pane::Entities => "Entities",
            Pane::Timeline => "Timeline",
        }
    }
}

/// A popup over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Problems,
    Finder,
}

/// What the panes are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    All,
    Entity(EntityId),
    Pair(EntityId, EntityId),
}

impl Subject {
    pub fn entities(self) -> Vec<EntityId> {
        match self {
            Subject::All => Vec::new(),
            Subject::Entity(e) => vec![e],
            Subject::Pair(a, b) => vec![a, b],
        }
    }
}

/// How the article list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Date,
    Title,
}

/// Everything the user can do. `update` is the only place state changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Focus the pane after the focused one.
    FocusNextPane,
    /// Focus the pane before the focused one.
    FocusPrevPane,
    /// Move the selection (or scroll the reader) one row down.
    SelectNext,
    /// Move the selection (or scroll the reader) one row up.
    SelectPrev,
    /// Move a page down.
    PageDown,
    /// Move a page up.
    PageUp,
    /// Go to the first row or the top.
    Top,
    /// Go to the last row or the bottom.
    Bottom,
    /// Act on the selected row: open an article, choose an entity (a second one makes a pair),
    /// open a timeline event's evidence (again: its next source).
    Open,
    /// Step back to the previous view, or close the popup.
    Back,
    /// Show every view again: no subject, no filter.
    ClearSubject,
    /// Toggle the article order between date and title.
    ToggleSort,
    /// Jump the reader to the next mention of the subject.
    NextMention,
    /// Jump the reader to the previous mention of the subject.
    PrevMention,
    /// Jump the timeline to the next year.
    NextYear,
    /// Jump the timeline to the previous year.
    PrevYear,
    /// Show or hide the key help.
    ToggleHelp,
    /// Show or hide the problems found at load.
    ToggleProblems,
    /// Open the fuzzy finder.
    OpenFinder,
    /// Type into the finder.
    FinderInput(char),
    /// Delete the finder's last character.
    FinderBackspace,
    /// Jump to the finder's selected match.
    FinderAccept,
    /// Focus a pane and select the row at this index of its list (a mouse click).
    Click(Pane, usize),
    /// Scroll a pane by this many rows (the mouse wheel).
    Scroll(Pane, isize),
}

/// One row of the entity sidebar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EntityRow {
    /// A kind heading.
    Heading(Kind),
    /// An entity.
    Entity(EntityId),
    /// The subject's aliases, shown under the "About" heading.
    Aliases(EntityId),
    /// "Connections" heading.
    ConnectionsHeading,
    /// A connection of the subject: the other entity, its event count and mean tone.
    Connection(EntityId, usize, f32),
}

impl EntityRow {
    fn selectable(&self) -> bool {
        matches!(self, EntityRow::Entity(_) | EntityRow::Connection(..))
    }
}

/// A view to step back to.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Snapshot {
    subject: Subject,
    focus: Pane,
    article: Option<ArticleId>,
    article_selected: usize,
    reader_scroll: usize,
    highlight: Option<Span>,
    entity_selected: usize,
    timeline_selected: usize,
}

/// The explorer's state.
#[derive(Debug)]
pub struct App {
    pub model: Model,
    pub focus: Pane,
    pub overlay: Option<Overlay>,
    pub subject: Subject,
    pub sort: SortBy,
    /// Articles shown, in list order.
    pub article_rows: Vec<ArticleId>,
    pub article_selected: usize,
    /// The article in the reader.
    pub open_article: Option<ArticleId>,
    /// First visible line of the reader.
    pub reader_scroll: usize,
    /// The sentence or mention to highlight in the reader.
    pub highlight: Option<Span>,
    pub entity_rows: Vec<EntityRow>,
    pub entity_selected: usize,
    /// Events on the timeline, in time order, undated last.
    pub timeline_rows: Vec<EventId>,
    pub timeline_selected: usize,
    /// Which source of the selected event was opened last.
    evidence_index: usize,
    pub finder: Finder,
    pub help_scroll: usize,
    /// A short message for the status bar ("no more mentions").
    pub message: Option<String>,
    /// Rows a page moves and the reader's text width; the run loop sets them from the last
    /// drawn frame.
    pub page_rows: usize,
    pub reader_width: usize,
    /// Rows visible in each list pane (articles, entities, timeline), from the last frame.
    pub list_rows: [usize; 3],
    history: Vec<Snapshot>,
    pub should_quit: bool,
}

/// The first row to show so that `selected` is visible in `rows` rows.
pub fn scroll_offset(selected: usize, rows: usize) -> usize {
    if rows == 0 {
        0
    } else {
        selected.saturating_sub(rows - 1)
    }
}

impl App {
    pub fn new(model: Model) -> App {
        let finder = Finder::new(&model);
        let mut app = App {
            model,
            focus: Pane::Articles,
            overlay: None,
            subject: Subject::All,
            sort: SortBy::Date,
            article_rows: Vec::new(),
            article_selected: 0,
            open_article: None,
            reader_scroll: 0,
            highlight: None,
            entity_rows: Vec::new(),
            entity_selected: 0,
            timeline_rows: Vec::new(),
            timeline_selected: 0,
            evidence_index: 0,
            finder,
            help_scroll: 0,
            message: None,
            page_rows: 10,
            reader_width: 60,
            list_rows: [10; 3],
            history: Vec::new(),
            should_quit: false,
        };
        app.refresh();
        app.open_article = app.article_rows.first().copied();
        app.entity_selected = app
            .entity_rows
            .iter()
            .position(EntityRow::selectable)
            .unwrap_or(0);
        app
    }

    /// Recomputes the lists from the subject and clamps every selection.
    fn refresh(&mut self) {
        let m = &self.model;
        let wanted = self.subject.entities();
        let mut rows: Vec<ArticleId> = (0..m.articles.len())
            .map(|i| ArticleId(i as u32))
            .filter(|&a| wanted.iter().all(|e| m.entity(*e).articles.contains(&a)))
            .collect();
        match self.sort {
            SortBy::Date => rows.sort_by(|&a, &b| {
                let (da, db) = (m.published(a), m.published(b));
                db.is_some()
                    .cmp(&da.is_some())
                    .then(db.cmp(&da))
                    .then(m.article(a).id().cmp(m.article(b).id()))
            }),
            SortBy::Title => rows.sort_by(|&a, &b| {
                let (ta, tb) = (&m.article(a).raw.title, &m.article(b).raw.title);
                ta.to_lowercase().cmp(&tb.to_lowercase()).then(a.cmp(&b))
            }),
        }
        self.article_rows = rows;
        self.article_selected = clamp(self.article_selected, self.article_rows.len());

        self.timeline_rows = match self.subject {
            Subject::Pair(a, b) => m.pair_events(a, b).to_vec(),
            _ => m
                .events
                .iter()
                .filter(|e| wanted.iter().all(|w| e.participants.contains(w)))
                .map(|e| e.id)
                .collect(),
        };
        self.timeline_selected = clamp(self.timeline_selected, self.timeline_rows.len());

        let mut entity_rows = Vec::new();
        if let Subject::Entity(e) | Subject::Pair(e, _) = self.subject {
            entity_rows.push(EntityRow::Aliases(e));
            let conns = self.connections(e);
            if !conns.is_empty() {
                entity_rows.push(EntityRow::ConnectionsHeading);
                entity_rows.extend(
                    conns
                        .into_iter()
                        .take(10)
                        .map(|(o, n, t)| EntityRow::Connection(o, n, t)),
                );
            }
        }
        for kind in Kind::ALL {
            let mut ents: Vec<EntityId> = m
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| e.id)
                .collect();
            if ents.is_empty() {
                continue;
            }
            ents.sort_by(|&a, &b| {
                let (ea, eb) = (m.entity(a), m.entity(b));
                eb.mentions
                    .len()
                    .cmp(&ea.mentions.len())
                    .then(ea.name.cmp(&eb.name))
            });
            entity_rows.push(EntityRow::Heading(kind));
            entity_rows.extend(ents.into_iter().map(EntityRow::Entity));
        }
        self.entity_rows = entity_rows;
        self.entity_selected = clamp(self.entity_selected, self.entity_rows.len());
        if !self
            .entity_rows
            .get(self.entity_selected)
            .is_some_and(EntityRow::selectable)
        {
            self.entity_selected = self
                .entity_rows
                .iter()
                .position(EntityRow::selectable)
                .unwrap_or(0);
        }
    }

    /// The entities `e` has events with: (other, number of events, mean tone), strongest first.
    pub fn connections(&self, e: EntityId) -> Vec<(EntityId, usize, f32)> {
        let mut out: Vec<(EntityId, usize, f32)> = self
            .model
            .relationships
            .iter()
            .filter_map(|r| {
                let other = if r.a == e {
                    r.b
                } else if r.b == e {
                    r.a
                } else {
                    return None;
                };
                let tone = r
                    .events
                    .iter()
                    .map(|&ev| self.model.event(ev).tone)
                    .sum::<f32>()
                    / r.events.len().max(1) as f32;
                Some((other, r.events.len(), tone))
            })
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    pub fn selected_article(&self) -> Option<ArticleId> {
        self.article_rows.get(self.article_selected).copied()
    }

    /// The entity under the sidebar selection (an entity row or a connection).
    pub fn selected_entity(&self) -> Option<EntityId> {
        match self.entity_rows.get(self.entity_selected) {
            Some(EntityRow::Entity(e)) | Some(EntityRow::Connection(e, ..)) => Some(*e),
            _ => None,
        }
    }

    pub fn selected_event(&self) -> Option<EventId> {
        self.timeline_rows.get(self.timeline_selected).copied()
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            subject: self.subject,
            focus: self.focus,
            article: self.open_article,
            article_selected: self.article_selected,
            reader_scroll: self.reader_scroll,
            highlight: self.highlight,
            entity_selected: self.entity_selected,
            timeline_selected: self.timeline_selected,
        }
    }

    fn push_history(&mut self) {
        let s = self.snapshot();
        if self.history.last() != Some(&s) {
            self.history.push(s);
        }
    }

    fn restore(&mut self, s: Snapshot) {
        self.subject = s.subject;
        self.refresh();
        self.focus = s.focus;
        self.open_article = s.article;
        self.article_selected = clamp(s.article_selected, self.article_rows.len());
        self.reader_scroll = s.reader_scroll;
        self.highlight = s.highlight;
        self.entity_selected = clamp(s.entity_selected, self.entity_rows.len());
        self.timeline_selected = clamp(s.timeline_selected, self.timeline_rows.len());
    }

    /// Makes `subject` the subject, remembering the current view.
    pub fn set_subject(&mut self, subject: Subject) {
        if subject == self.subject {
            return;
        }
        self.push_history();
        self.subject = subject;
        self.article_selected = 0;
        self.timeline_selected = 0;
        self.refresh();
        // Keep the open article if it still belongs to the subject, else open the first.
        if !self
            .open_article
            .is_some_and(|a| self.article_rows.contains(&a))
        {
            self.open_article = self.article_rows.first().copied();
            self.reader_scroll = 0;
            self.highlight = None;
        }
    }

    /// Opens `article` in the reader with `highlight` scrolled into view.
    pub fn open(&mut self, article: ArticleId, highlight: Option<Span>) {
        self.push_history();
        self.open_article = Some(article);
        self.highlight = highlight;
        self.reader_scroll =
            highlight.map_or(0, |h| self.line_of(article, h.start()).saturating_sub(2));
        if let Some(i) = self.article_rows.iter().position(|&a| a == article) {
            self.article_selected = i;
        }
        self.focus = Pane::Reader;
    }

    /// The reader line (header included) on which body offset `at` is drawn.
    fn line_of(&self, article: ArticleId, at: usize) -> usize {
        let lines = crate::text::wrap(self.model.article(article).body(), self.reader_width.max(1));
        READER_HEADER_LINES
            + lines
                .iter()
                .position(|r| r.end >= at && r.start <= at)
                .unwrap_or(0)
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if self.overlay == Some(Overlay::Finder) {
            return self.update_finder(action);
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::ToggleHelp => self.toggle(Overlay::Help),
            Action::ToggleProblems => self.toggle(Overlay::Problems),
            Action::OpenFinder => {
                self.finder.reset();
                self.overlay = Some(Overlay::Finder);
            }
            Action::Back if self.overlay.is_some() => self.overlay = None,
            _ if self.overlay.is_some() => self.update_overlay(action),
            Action::Back => match self.history.pop() {
                Some(s) => self.restore(s),
                None => self.message = Some("nothing to go back to".into()),
            },
            Action::ClearSubject => self.set_subject(Subject::All),
            Action::FocusNextPane => self.focus = self.focus.next(),
            Action::FocusPrevPane => self.focus = self.focus.prev(),
            Action::Open => self.open_selected(),
            Action::ToggleSort => {
                self.sort = if self.sort == SortBy::Date {
                    SortBy::Title
                } else {
                    SortBy::Date
                };
                let keep = self.selected_article();
                self.refresh();
                if let Some(i) = keep.and_then(|k| self.article_rows.iter().position(|&a| a == k)) {
                    self.article_selected = i;
                }
            }
            Action::NextMention => self.jump_mention(true),
            Action::PrevMention => self.jump_mention(false),
            Action::NextYear => self.jump_year(true),
            Action::PrevYear => self.jump_year(false),
            Action::SelectNext => self.move_by(self.focus, 1),
            Action::SelectPrev => self.move_by(self.focus, -1),
            Action::PageDown => self.move_by(self.focus, self.page_rows as isize),
            Action::PageUp => self.move_by(self.focus, -(self.page_rows as isize)),
            Action::Top => self.move_by(self.focus, isize::MIN / 2),
            Action::Bottom => self.move_by(self.focus, isize::MAX / 2),
            Action::Click(pane, row) => {
                self.focus = pane;
                self.click(pane, row);
            }
            Action::Scroll(pane, delta) => self.move_by(pane, delta),
            Action::FinderInput(_) | Action::FinderBackspace | Action::FinderAccept => {}
        }
    }

    fn toggle(&mut self, o: Overlay) {
        self.overlay = if self.overlay == Some(o) {
            None
        } else {
            Some(o)
        };
        self.help_scroll = 0;
    }

    fn update_finder(&mut self, action: Action) {
        match action {
            Action::FinderInput(c) => self.finder.push(c),
            Action::FinderBackspace => self.finder.pop(),
            Action::SelectNext | Action::Scroll(_, 1..) => self.finder.select_by(1),
            Action::SelectPrev | Action::Scroll(..) => self.finder.select_by(-1),
            Action::PageDown => self.finder.select_by(self.page_rows as isize),
            Action::PageUp => self.finder.select_by(-(self.page_rows as isize)),
            Action::Back => self.overlay = None,
            Action::Quit => self.should_quit = true,
            Action::FinderAccept | Action::Open => {
                self.overlay = None;
                match self.finder.target() {
                    Some(Target::Entity(e)) => {
                        self.set_subject(Subject::Entity(e));
                        self.focus = Pane::Timeline;
                        if let Some(i) = self
                            .entity_rows
                            .iter()
                            .position(|r| *r == EntityRow::Entity(e))
                        {
                            self.entity_selected = i;
                        }
                    }
                    Some(Target::Article(a)) => self.open(a, None),
                    None => self.message = Some("no match".into()),
                }
            }
            _ => {}
        }
    }

    fn update_overlay(&mut self, action: Action) {
        let step: isize = match action {
            Action::SelectNext => 1,
            Action::SelectPrev => -1,
            Action::Scroll(_, d) => d,
            Action::PageDown => self.page_rows as isize,
            Action::PageUp => -(self.page_rows as isize),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => 0,
        };
        self.help_scroll = self.help_scroll.saturating_add_signed(step);
    }

    fn open_selected(&mut self) {
        match self.focus {
            Pane::Articles => {
                if let Some(a) = self.selected_article() {
                    self.open(a, None);
                }
            }
            Pane::Reader => {}
            Pane::Entities => {
                let Some(e) = self.selected_entity() else {
                    return;
                };
                let next = match self.subject {
                    Subject::Entity(s) if s != e => Subject::Pair(s, e),
                    Subject::Pair(s, _) if s != e => Subject::Pair(s, e),
                    _ => Subject::Entity(e),
                };
                self.set_subject(next);
            }
            Pane::Timeline => {
                let Some(ev) = self.selected_event() else {
                    return;
                };
                let evidence = &self.model.event(ev).evidence;
                if evidence.is_empty() {
                    return;
                }
                // Enter again on the same event opens its next source.
                let same = self.highlight.is_some_and(|h| {
                    evidence
                        .iter()
                        .any(|x| x.span == h && Some(x.article) == self.open_article)
                });
                self.evidence_index = if same {
                    (self.evidence_index + 1) % evidence.len()
                } else {
                    0
                };
                let ev = evidence[self.evidence_index].clone();
                if evidence.len() > 1 {
                    self.message = Some(format!(
                        "source {} of {}",
                        self.evidence_index + 1,
                        evidence.len()
                    ));
                }
                self.open(ev.article, Some(ev.span));
                self.focus = Pane::Timeline;
            }
        }
    }

    /// Mention spans of the subject's entities in the open article, in text order.
    pub fn subject_mentions(&self) -> Vec<Span> {
        let Some(a) = self.open_article else {
            return Vec::new();
        };
        let wanted = self.subject.entities();
        self.model
            .article_mentions(a)
            .iter()
            .filter(|m| wanted.contains(&m.entity))
            .map(|m| m.span)
            .collect()
    }

    fn jump_mention(&mut self, forward: bool) {
        let spans = self.subject_mentions();
        let Some(a) = self.open_article else { return };
        if spans.is_empty() {
            self.message = Some(if self.subject == Subject::All {
                "choose an entity first (Enter in the entity list, or /)".into()
            } else {
                "no mention in this article".into()
            });
            return;
        }
        let current = self.highlight.map(|h| h.start());
        let next = if forward {
            spans.iter().find(|s| current.is_none_or(|c| s.start() > c))
        } else {
            spans
                .iter()
                .rev()
                .find(|s| current.is_some_and(|c| s.start() < c))
        };
        match next {
            Some(&s) => {
                self.highlight = Some(s);
                let line = self.line_of(a, s.start());
                if line < self.reader_scroll || line >= self.reader_scroll + self.page_rows {
                    self.reader_scroll = line.saturating_sub(2);
                }
                let i = spans.iter().position(|x| *x == s).unwrap_or(0);
                self.message = Some(format!("mention {} of {}", i + 1, spans.len()));
            }
            None => self.message = Some("no more mentions".into()),
        }
    }

    fn jump_year(&mut self, forward: bool) {
        use chrono::Datelike;
        let year = |i: usize| {
            self.timeline_rows
                .get(i)
                .and_then(|&e| self.model.event(e).when)
                .map(|w| w.value.start.year())
        };
        let Some(cur) = year(self.timeline_selected) else {
            return;
        };
        let found = if forward {
            (self.timeline_selected..self.timeline_rows.len())
                .find(|&i| year(i).is_some_and(|y| y > cur))
        } else {
            let target = (0..self.timeline_selected)
                .rev()
                .find_map(|i| year(i).filter(|&y| y < cur));
            target.and_then(|t| (0..self.timeline_rows.len()).find(|&i| year(i) == Some(t)))
        };
        match found {
            Some(i) => self.timeline_selected = i,
            None => self.message = Some("no other year".into()),
        }
    }

    fn click(&mut self, pane: Pane, row: usize) {
        let rows = |i: usize| self.list_rows[i];
        match pane {
            Pane::Articles => {
                let i = scroll_offset(self.article_selected, rows(0)) + row;
                if i < self.article_rows.len() {
                    self.article_selected = i;
                }
            }
            Pane::Entities => {
                let i = scroll_offset(self.entity_selected, rows(1)) + row;
                if self.entity_rows.get(i).is_some_and(EntityRow::selectable) {
                    self.entity_selected = i;
                }
            }
            Pane::Timeline => {
                let i = scroll_offset(self.timeline_selected, rows(2)) + row;
                if i < self.timeline_rows.len() {
                    self.timeline_selected = i;
                }
            }
            Pane::Reader => {}
        }
    }

    fn move_by(&mut self, pane: Pane, delta: isize) {
        let step = |cur: usize, len: usize| -> usize {
            if len == 0 {
                0
            } else {
                cur.saturating_add_signed(delta).min(len - 1)
            }
        };
        match pane {
            Pane::Articles => {
                self.article_selected = step(self.article_selected, self.article_rows.len())
            }
            // The view clamps the reader at its last line, where the wrapped height is known.
            Pane::Reader => self.reader_scroll = self.reader_scroll.saturating_add_signed(delta),
            Pane::Entities => {
                let mut i = step(self.entity_selected, self.entity_rows.len());
                // Headings are not selectable: skip them in the direction of travel.
                while !self.entity_rows.get(i).is_some_and(EntityRow::selectable) {
                    let next = if delta >= 0 { i + 1 } else { i.wrapping_sub(1) };
                    if next >= self.entity_rows.len() {
                        i = self.entity_selected;
                        break;
                    }
                    i = next;
                }
                self.entity_selected = i;
            }
            Pane::Timeline => {
                self.timeline_selected = step(self.timeline_selected, self.timeline_rows.len())
            }
        }
    }

    /// Clamps the reader scroll to the wrapped height of the open article.
    pub fn clamp_reader(&mut self, total_lines: usize, visible: usize) {
        self.reader_scroll = self.reader_scroll.min(total_lines.saturating_sub(visible));
    }
}

fn clamp(i: usize, len: usize) -> usize {
    i.min(len.saturating_sub(1))
}

#[cfg(test)]
mod tests;
