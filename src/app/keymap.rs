//! The keymap as data: every binding with the keys that trigger it, the pane it applies in and
//! a description. Key handling, the status-bar hints and the `?` help are all generated from
//! this one table, so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Action, Pane};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Pane(Pane),
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

macro_rules! b {
    ($keys:expr, $label:expr, $action:expr, $scope:expr, $desc:expr, $hint:expr) => {
        Binding {
            keys: $keys,
            label: $label,
            action: $action,
            scope: $scope,
            description: $desc,
            hint: $hint,
        }
    };
}

/// Every binding, in the order help shows them.
pub const BINDINGS: &[Binding] = &[
    b!(
        &[(KeyCode::Tab, NONE)],
        "Tab",
        Action::FocusNextPane,
        Scope::Global,
        "next pane",
        Some("panes")
    ),
    b!(
        &[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)],
        "S-Tab",
        Action::FocusPrevPane,
        Scope::Global,
        "previous pane",
        None
    ),
    b!(
        &[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)],
        "j/↓",
        Action::SelectNext,
        Scope::Global,
        "move down",
        None
    ),
    b!(
        &[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)],
        "k/↑",
        Action::SelectPrev,
        Scope::Global,
        "move up",
        None
    ),
    b!(
        &[
            (KeyCode::PageDown, NONE),
            (KeyCode::Char('f'), CTRL),
            (KeyCode::Char(' '), NONE)
        ],
        "PgDn",
        Action::PageDown,
        Scope::Global,
        "page down",
        None
    ),
    b!(
        &[(KeyCode::PageUp, NONE), (KeyCode::Char('b'), CTRL)],
        "PgUp",
        Action::PageUp,
        Scope::Global,
        "page up",
        None
    ),
    b!(
        &[(KeyCode::Home, NONE), (KeyCode::Char('g'), NONE)],
        "g/Home",
        Action::Top,
        Scope::Global,
        "first row / top",
        None
    ),
    b!(
        &[
            (KeyCode::End, NONE),
            (KeyCode::Char('G'), SHIFT),
            (KeyCode::Char('G'), NONE)
        ],
        "G/End",
        Action::Bottom,
        Scope::Global,
        "last row / bottom",
        None
    ),
    b!(
        &[(KeyCode::Enter, NONE), (KeyCode::Char('l'), NONE)],
        "Enter",
        Action::Open,
        Scope::Pane(Pane::Articles),
        "open the article in the reader",
        Some("open")
    ),
    b!(
        &[(KeyCode::Char('?'), NONE), (KeyCode::Char('?'), SHIFT)],
        "?",
        Action::ToggleHelp,
        Scope::Global,
        "show or hide this help",
        Some("help")
    ),
    b!(
        &[(KeyCode::Char('!'), NONE), (KeyCode::Char('!'), SHIFT)],
        "!",
        Action::ToggleProblems,
        Scope::Global,
        "show files skipped or repaired at load",
        None
    ),
    b!(
        &[(KeyCode::Esc, NONE)],
        "Esc",
        Action::Back,
        Scope::Global,
        "close the popup",
        None
    ),
    b!(
        &[(KeyCode::Char('q'), NONE), (KeyCode::Char('c'), CTRL)],
        "q",
        Action::Quit,
        Scope::Global,
        "quit",
        Some("quit")
    ),
];

/// The action bound to a key press in the focused pane, if any.
pub fn action_for(key: KeyEvent, focus: Pane) -> Option<Action> {
    let mods = key.modifiers & (KeyModifiers::SHIFT | KeyModifiers::CONTROL | KeyModifiers::ALT);
    BINDINGS
        .iter()
        .filter(|b| b.scope == Scope::Global || b.scope == Scope::Pane(focus))
        .find(|b| {
            b.keys
                .iter()
                .any(|&(code, m)| code == key.code && m == mods)
        })
        .map(|b| b.action)
}

/// The bindings worth a hint in the status bar for the focused pane.
pub fn hints(focus: Pane) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| {
        b.hint.is_some() && (b.scope == Scope::Global || b.scope == Scope::Pane(focus))
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
    fn pane_bindings_only_apply_in_their_pane() {
        let enter = KeyEvent::new(KeyCode::Enter, NONE);
        assert_eq!(action_for(enter, Pane::Articles), Some(Action::Open));
        assert_eq!(action_for(enter, Pane::Timeline), None);
        let q = KeyEvent::new(KeyCode::Char('q'), NONE);
        assert_eq!(action_for(q, Pane::Reader), Some(Action::Quit));
    }
}
