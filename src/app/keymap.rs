//! The keymap as data: every binding with the keys that trigger it, where it applies and a
//! description. Key handling, the status-bar hints, the `?` help and the README's key table
//! (checked by a test) all come from this one table, so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Action, Pane};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Pane(Pane),
    /// While the fuzzy finder is open (printable keys type into it).
    Finder,
}

impl Scope {
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::Pane(p) => p.title(),
            Scope::Finder => "Finder (/)",
        }
    }

    /// Every scope, in the order help shows them.
    pub const ALL: [Scope; 6] = [
        Scope::Global,
        Scope::Pane(Pane::Articles),
        Scope::Pane(Pane::Reader),
        Scope::Pane(Pane::Entities),
        Scope::Pane(Pane::Timeline),
        Scope::Finder,
    ];
}

/// One key binding.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in help and hints.
    pub label: &'static str,
    pub action: Action,
    pub scope: Scope,
    pub description: &'static str,
    /// A short word for the status bar, for the bindings worth a hint there.
    pub hint: Option<&'static str>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn bind(
    keys: &'static [(KeyCode, KeyModifiers)],
    label: &'static str,
    action: Action,
    scope: Scope,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        scope,
        description,
        hint,
    }
}

use Scope::{Finder, Global};

/// Every binding, in the order help shows them.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(&[(KeyCode::Tab, NONE)], "Tab", Action::FocusNextPane, Global, "next pane", Some("panes")),
    bind(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)], "S-Tab", Action::FocusPrevPane, Global, "previous pane", None),
    bind(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "j ↓", Action::SelectNext, Global, "move down", None),
    bind(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "k ↑", Action::SelectPrev, Global, "move up", None),
    bind(&[(KeyCode::PageDown, NONE), (KeyCode::Char('f'), CTRL), (KeyCode::Char(' '), NONE)], "PgDn", Action::PageDown, Global, "page down", None),
    bind(&[(KeyCode::PageUp, NONE), (KeyCode::Char('b'), CTRL)], "PgUp", Action::PageUp, Global, "page up", None),
    bind(&[(KeyCode::Home, NONE), (KeyCode::Char('g'), NONE)], "g Home", Action::Top, Global, "first row / top", None),
    bind(&[(KeyCode::End, NONE), (KeyCode::Char('G'), SHIFT), (KeyCode::Char('G'), NONE)], "G End", Action::Bottom, Global, "last row / bottom", None),
    bind(&[(KeyCode::Char('/'), NONE)], "/", Action::OpenFinder, Global, "find a name or title", Some("find")),
    bind(&[(KeyCode::Esc, NONE), (KeyCode::Backspace, NONE)], "Esc Bksp", Action::Back, Global, "step back / close the popup", Some("back")),
    bind(&[(KeyCode::Char('c'), NONE)], "c", Action::ClearSubject, Global, "clear the chosen entity: show everything", None),
    bind(&[(KeyCode::Char('?'), NONE), (KeyCode::Char('?'), SHIFT)], "?", Action::ToggleHelp, Global, "show or hide this help", Some("help")),
    bind(&[(KeyCode::Char('!'), NONE), (KeyCode::Char('!'), SHIFT)], "!", Action::ToggleProblems, Global, "show files skipped or repaired at load", None),
    bind(&[(KeyCode::Char('q'), NONE), (KeyCode::Char('c'), CTRL)], "q", Action::Quit, Global, "quit", Some("quit")),
    bind(&[(KeyCode::Enter, NONE), (KeyCode::Char('l'), NONE)], "Enter", Action::Open, Scope::Pane(Pane::Articles), "open the article in the reader", Some("open")),
    bind(&[(KeyCode::Char('s'), NONE)], "s", Action::ToggleSort, Scope::Pane(Pane::Articles), "sort by date or by title", Some("sort")),
    bind(&[(KeyCode::Char('n'), NONE)], "n", Action::NextMention, Scope::Pane(Pane::Reader), "next mention of the chosen entity", Some("next mention")),
    bind(&[(KeyCode::Char('N'), SHIFT), (KeyCode::Char('N'), NONE)], "N", Action::PrevMention, Scope::Pane(Pane::Reader), "previous mention of the chosen entity", None),
    bind(&[(KeyCode::Enter, NONE), (KeyCode::Char('l'), NONE)], "Enter", Action::Open, Scope::Pane(Pane::Entities), "choose the entity (a second one: the pair)", Some("choose")),
    bind(&[(KeyCode::Enter, NONE), (KeyCode::Char('l'), NONE)], "Enter", Action::Open, Scope::Pane(Pane::Timeline), "open the event's evidence (again: next source)", Some("evidence")),
    bind(&[(KeyCode::Char(']'), NONE)], "]", Action::NextYear, Scope::Pane(Pane::Timeline), "jump to the next year", Some("year")),
    bind(&[(KeyCode::Char('['), NONE)], "[", Action::PrevYear, Scope::Pane(Pane::Timeline), "jump to the previous year", None),
    bind(&[(KeyCode::Enter, NONE)], "Enter", Action::FinderAccept, Finder, "jump to the match", Some("jump")),
    bind(&[(KeyCode::Down, NONE), (KeyCode::Char('n'), CTRL), (KeyCode::Tab, NONE)], "↓ C-n", Action::SelectNext, Finder, "next match", None),
    bind(&[(KeyCode::Up, NONE), (KeyCode::Char('p'), CTRL), (KeyCode::BackTab, SHIFT)], "↑ C-p", Action::SelectPrev, Finder, "previous match", None),
    bind(&[(KeyCode::Backspace, NONE)], "Bksp", Action::FinderBackspace, Finder, "delete a character", None),
    bind(&[(KeyCode::Esc, NONE)], "Esc", Action::Back, Finder, "cancel", Some("cancel")),
];

/// The action bound to a key press, given the focused pane and whether the finder is open.
pub fn action_for(key: KeyEvent, focus: Pane, finder: bool) -> Option<Action> {
    let mods = key.modifiers & (KeyModifiers::SHIFT | KeyModifiers::CONTROL | KeyModifiers::ALT);
    let matches = |b: &&Binding| {
        b.keys
            .iter()
            .any(|&(code, m)| code == key.code && m == mods)
    };
    if finder {
        if let Some(b) = BINDINGS.iter().filter(|b| b.scope == Finder).find(matches) {
            return Some(b.action);
        }
        if let KeyCode::Char(c) = key.code {
            if !mods.contains(KeyModifiers::CONTROL) && !mods.contains(KeyModifiers::ALT) {
                return Some(Action::FinderInput(c));
            }
        }
        return (key.code == KeyCode::Char('c') && mods == CTRL).then_some(Action::Quit);
    }
    // Pane bindings first, so Enter means what it means in the focused pane.
    BINDINGS
        .iter()
        .filter(|b| b.scope == Scope::Pane(focus))
        .find(matches)
        .or_else(|| BINDINGS.iter().filter(|b| b.scope == Global).find(matches))
        .map(|b| b.action)
}

/// The bindings worth a hint in the status bar.
pub fn hints(focus: Pane, finder: bool) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| {
        b.hint.is_some()
            && if finder {
                b.scope == Finder
            } else {
                b.scope == Global || b.scope == Scope::Pane(focus)
            }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_has_keys_and_a_description() {
        for b in BINDINGS {
            assert!(!b.keys.is_empty(), "{:?}", b.action);
            assert!(!b.description.is_empty());
        }
    }

    #[test]
    fn enter_means_what_the_focused_pane_says() {
        let enter = KeyEvent::new(KeyCode::Enter, NONE);
        assert_eq!(action_for(enter, Pane::Articles, false), Some(Action::Open));
        assert_eq!(action_for(enter, Pane::Reader, false), None);
        assert_eq!(
            action_for(enter, Pane::Articles, true),
            Some(Action::FinderAccept)
        );
        let q = KeyEvent::new(KeyCode::Char('q'), NONE);
        assert_eq!(action_for(q, Pane::Reader, false), Some(Action::Quit));
        assert_eq!(
            action_for(q, Pane::Reader, true),
            Some(Action::FinderInput('q')),
            "q types in the finder"
        );
        let n = KeyEvent::new(KeyCode::Char('n'), NONE);
        assert_eq!(
            action_for(n, Pane::Reader, false),
            Some(Action::NextMention)
        );
        assert_eq!(action_for(n, Pane::Timeline, false), None);
    }

    #[test]
    fn no_two_bindings_in_one_scope_share_a_key() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.scope == b.scope {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{:?} bound twice in {:?}", k, a.scope);
                    }
                }
            }
        }
    }
}
