//! Application state and the one place it changes: [`App::update`] applies an [`Action`].
//! No drawing here; `ui/` reads this state each frame. Keys become actions through the keymap
//! (data, in `keymap.rs`), so the app can be driven headless in tests.

pub mod keymap;

use crate::extract::Kind;
use crate::model::{ArticleId, EntityId, Model};

/// The four panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Articles,
    Reader,
    Entities,
    Timeline,
}

impl Pane {
    const ORDER: [Pane; 4] = [Pane::Articles, Pane::Reader, Pane::Entities, Pane::Timeline];

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
    /// Open the selected article in the reader.
    Open,
    /// Show or hide the key help.
    ToggleHelp,
    /// Show or hide the problems found at load.
    ToggleProblems,
    /// Close the popup.
    Back,
}

/// One row of the entity sidebar: a kind heading or an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityRow {
    Heading(Kind),
    Entity(EntityId),
}

/// The explorer's state.
#[derive(Debug)]
pub struct App {
    pub model: Model,
    pub focus: Pane,
    pub overlay: Option<Overlay>,
    /// Articles in list order (newest first, undated last).
    pub article_rows: Vec<ArticleId>,
    pub article_selected: usize,
    /// The article in the reader.
    pub open_article: Option<ArticleId>,
    /// First visible wrapped line of the reader.
    pub reader_scroll: usize,
    pub entity_rows: Vec<EntityRow>,
    pub entity_selected: usize,
    pub timeline_selected: usize,
    pub help_scroll: usize,
    /// Rows a page moves; the run loop sets it from the last drawn frame.
    pub page_rows: usize,
    pub should_quit: bool,
}

impl App {
    pub fn new(model: Model) -> App {
        let mut article_rows: Vec<ArticleId> = (0..model.articles.len())
            .map(|i| ArticleId(i as u32))
            .collect();
        article_rows.sort_by(|&a, &b| {
            let (da, db) = (model.published(a), model.published(b));
            // Dated before undated, newest first, then by id.
            db.is_some()
                .cmp(&da.is_some())
                .then(db.cmp(&da))
                .then(model.article(a).id().cmp(model.article(b).id()))
        });
        let mut entity_rows = Vec::new();
        for kind in Kind::ALL {
            let mut ents: Vec<EntityId> = model
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| e.id)
                .collect();
            if ents.is_empty() {
                continue;
            }
            ents.sort_by(|&a, &b| {
                let (ea, eb) = (model.entity(a), model.entity(b));
                eb.mentions
                    .len()
                    .cmp(&ea.mentions.len())
                    .then(ea.name.cmp(&eb.name))
            });
            entity_rows.push(EntityRow::Heading(kind));
            entity_rows.extend(ents.into_iter().map(EntityRow::Entity));
        }
        let open_article = article_rows.first().copied();
        let mut app = App {
            model,
            focus: Pane::Articles,
            overlay: None,
            article_rows,
            article_selected: 0,
            open_article,
            reader_scroll: 0,
            entity_rows,
            entity_selected: 0,
            timeline_selected: 0,
            help_scroll: 0,
            page_rows: 10,
            should_quit: false,
        };
        app.entity_selected = app.first_entity_row().unwrap_or(0);
        app
    }

    fn first_entity_row(&self) -> Option<usize> {
        self.entity_rows
            .iter()
            .position(|r| matches!(r, EntityRow::Entity(_)))
    }

    /// The selected article row's id.
    pub fn selected_article(&self) -> Option<ArticleId> {
        self.article_rows.get(self.article_selected).copied()
    }

    /// The selected entity, if the selection is on an entity row.
    pub fn selected_entity(&self) -> Option<EntityId> {
        match self.entity_rows.get(self.entity_selected) {
            Some(EntityRow::Entity(e)) => Some(*e),
            _ => None,
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.should_quit = true,
            Action::ToggleHelp => {
                self.overlay = if self.overlay == Some(Overlay::Help) {
                    None
                } else {
                    Some(Overlay::Help)
                };
                self.help_scroll = 0;
            }
            Action::ToggleProblems => {
                self.overlay = if self.overlay == Some(Overlay::Problems) {
                    None
                } else {
                    Some(Overlay::Problems)
                };
                self.help_scroll = 0;
            }
            Action::Back => self.overlay = None,
            _ if self.overlay.is_some() => self.update_overlay(action),
            Action::FocusNextPane => self.focus = self.focus.next(),
            Action::FocusPrevPane => self.focus = self.focus.prev(),
            Action::Open => {
                if let Some(a) = self.selected_article() {
                    self.open_article = Some(a);
                    self.reader_scroll = 0;
                    self.focus = Pane::Reader;
                }
            }
            Action::SelectNext => self.move_by(1),
            Action::SelectPrev => self.move_by(-1),
            Action::PageDown => self.move_by(self.page_rows as isize),
            Action::PageUp => self.move_by(-(self.page_rows as isize)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
        }
    }

    fn update_overlay(&mut self, action: Action) {
        let step: isize = match action {
            Action::SelectNext => 1,
            Action::SelectPrev => -1,
            Action::PageDown => self.page_rows as isize,
            Action::PageUp => -(self.page_rows as isize),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => 0,
        };
        self.help_scroll = self.help_scroll.saturating_add_signed(step);
    }

    fn move_by(&mut self, delta: isize) {
        let step = |cur: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            cur.saturating_add_signed(delta).min(len - 1)
        };
        match self.focus {
            Pane::Articles => {
                self.article_selected = step(self.article_selected, self.article_rows.len())
            }
            // The view clamps the reader at its last line, where the wrapped height is known.
            Pane::Reader => self.reader_scroll = self.reader_scroll.saturating_add_signed(delta),
            Pane::Entities => {
                let mut i = step(self.entity_selected, self.entity_rows.len());
                // Headings are not selectable: skip them in the direction of travel.
                while let Some(EntityRow::Heading(_)) = self.entity_rows.get(i) {
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
                self.timeline_selected = step(self.timeline_selected, self.model.events.len())
            }
        }
    }

    /// Clamps the reader scroll to the wrapped height of the open article (set by the view's
    /// line count for the current width).
    pub fn clamp_reader(&mut self, total_lines: usize, visible: usize) {
        self.reader_scroll = self.reader_scroll.min(total_lines.saturating_sub(visible));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let corpus = crate::corpus::load(&crate::corpus::bundled_inputs(), Vec::new());
        App::new(Model::build(corpus, crate::assets::bundled()))
    }

    #[test]
    fn tab_cycles_panes_both_ways() {
        let mut a = app();
        let start = a.focus;
        for _ in 0..4 {
            a.update(Action::FocusNextPane);
        }
        assert_eq!(a.focus, start);
        a.update(Action::FocusPrevPane);
        assert_eq!(a.focus, Pane::Timeline);
    }

    #[test]
    fn selection_is_clamped_and_open_moves_to_reader() {
        let mut a = app();
        a.update(Action::Bottom);
        assert_eq!(a.article_selected, a.article_rows.len() - 1);
        a.update(Action::SelectNext);
        assert_eq!(a.article_selected, a.article_rows.len() - 1);
        a.update(Action::Top);
        a.update(Action::SelectPrev);
        assert_eq!(a.article_selected, 0);
        a.update(Action::SelectNext);
        a.update(Action::Open);
        assert_eq!(a.focus, Pane::Reader);
        assert_eq!(a.open_article, a.article_rows.get(1).copied());
    }

    #[test]
    fn entity_selection_skips_headings() {
        let mut a = app();
        a.focus = Pane::Entities;
        for _ in 0..a.entity_rows.len() + 3 {
            a.update(Action::SelectNext);
            assert!(a.selected_entity().is_some());
        }
        for _ in 0..a.entity_rows.len() + 3 {
            a.update(Action::SelectPrev);
            assert!(a.selected_entity().is_some());
        }
    }

    #[test]
    fn help_opens_and_esc_closes_it() {
        let mut a = app();
        a.update(Action::ToggleHelp);
        assert_eq!(a.overlay, Some(Overlay::Help));
        a.update(Action::SelectNext);
        assert_eq!(a.article_selected, 0, "keys scroll the popup, not the pane");
        a.update(Action::Back);
        assert_eq!(a.overlay, None);
    }
}
