//! Themes: named styles, never a colour inline in a view. Dark is the default; `NO_COLOR`
//! (any value) selects monochrome, which uses only bold, underline and reverse.

use ratatui::style::{Color, Modifier, Style};

use crate::extract::Kind;

/// Every style the views use.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub selected: Style,
    pub heading: Style,
    pub dim: Style,
    pub text: Style,
    pub person: Style,
    pub org: Style,
    pub place: Style,
    pub other: Style,
    pub timex: Style,
    pub cooperative: Style,
    pub hostile: Style,
    pub neutral: Style,
    pub status: Style,
    pub status_key: Style,
    pub warning: Style,
    /// The evidence sentence or the current mention in the reader.
    pub highlight: Style,
    /// Mentions of the chosen entities in the reader.
    pub subject: Style,
    /// Matched characters in the finder.
    pub matched: Style,
}

impl Theme {
    pub fn dark() -> Theme {
        Theme {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Rgb(40, 60, 90))
                .add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::Gray),
            text: Style::new(),
            person: Style::new().fg(Color::LightCyan),
            org: Style::new().fg(Color::LightMagenta),
            place: Style::new().fg(Color::LightGreen),
            other: Style::new().fg(Color::LightYellow),
            timex: Style::new().add_modifier(Modifier::UNDERLINED),
            cooperative: Style::new().fg(Color::Green),
            hostile: Style::new().fg(Color::Red),
            neutral: Style::new().fg(Color::Gray),
            status: Style::new().bg(Color::Rgb(30, 30, 30)).fg(Color::Gray),
            status_key: Style::new()
                .bg(Color::Rgb(30, 30, 30))
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            warning: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            highlight: Style::new().bg(Color::Rgb(70, 60, 20)),
            subject: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        }
    }

    pub fn light() -> Theme {
        Theme {
            border: Style::new().fg(Color::Gray),
            border_focused: Style::new().fg(Color::Blue),
            selected: Style::new()
                .bg(Color::Rgb(200, 220, 250))
                .add_modifier(Modifier::BOLD),
            heading: Style::new()
                .fg(Color::Rgb(150, 90, 0))
                .add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            person: Style::new().fg(Color::Blue),
            org: Style::new().fg(Color::Magenta),
            place: Style::new().fg(Color::Rgb(0, 120, 0)),
            other: Style::new().fg(Color::Rgb(140, 100, 0)),
            status: Style::new().bg(Color::Rgb(225, 225, 225)).fg(Color::Black),
            status_key: Style::new()
                .bg(Color::Rgb(225, 225, 225))
                .fg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            highlight: Style::new().bg(Color::Rgb(250, 240, 180)),
            matched: Style::new()
                .fg(Color::Rgb(180, 80, 0))
                .add_modifier(Modifier::BOLD),
            ..Theme::dark()
        }
    }

    pub fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            border: plain,
            border_focused: plain.add_modifier(Modifier::BOLD),
            title: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            heading: plain.add_modifier(Modifier::BOLD),
            dim: plain,
            text: plain,
            person: plain.add_modifier(Modifier::BOLD),
            org: plain.add_modifier(Modifier::BOLD),
            place: plain.add_modifier(Modifier::BOLD),
            other: plain.add_modifier(Modifier::BOLD),
            timex: plain.add_modifier(Modifier::UNDERLINED),
            cooperative: plain,
            hostile: plain.add_modifier(Modifier::BOLD),
            neutral: plain,
            status: plain.add_modifier(Modifier::REVERSED),
            status_key: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            warning: plain.add_modifier(Modifier::BOLD),
            highlight: plain.add_modifier(Modifier::REVERSED),
            subject: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            matched: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        }
    }

    /// The theme by name (`dark`, `light`, `mono`), with `NO_COLOR` forcing mono.
    pub fn named(name: &str, no_color: bool) -> Theme {
        if no_color {
            return Theme::mono();
        }
        match name {
            "light" => Theme::light(),
            "mono" | "monochrome" => Theme::mono(),
            _ => Theme::dark(),
        }
    }

    pub fn kind(&self, kind: Kind) -> Style {
        match kind {
            Kind::Person => self.person,
            Kind::Org => self.org,
            Kind::Place => self.place,
            Kind::Other => self.other,
        }
    }
}
