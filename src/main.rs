//! The storyline binary: parses arguments, runs a subcommand or the TUI. One terminal
//! lifecycle: `color_eyre::install()`, then `ratatui::run`, which restores the terminal on
//! return, on error and on panic.

use std::io;
use std::process::ExitCode;

use clap::Parser;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEvent,
    MouseEventKind,
};
use ratatui::crossterm::execute;

use storyline::app::{Action, App, Overlay, keymap};
use storyline::cli::{self, Cli, Command};
use storyline::ui::theme::Theme;
use storyline::ui::{Drawn, Ui};

fn main() -> ExitCode {
    if let Err(e) = color_eyre::install() {
        eprintln!("storyline: {e}");
    }
    let args = Cli::parse();
    let stdout = io::stdout();
    let result = match &args.command {
        Some(Command::Export { pretty, paths }) => cli::export(paths, *pretty, &mut stdout.lock()),
        Some(Command::Find {
            query,
            stdin,
            limit,
            paths,
        }) => cli::find(query, *stdin, *limit, paths, &mut stdout.lock()),
        Some(Command::Timeline { args }) => cli::timeline(args, &mut stdout.lock()),
        None => run_tui(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`storyline export | head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("storyline: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_tui(args: &Cli) -> io::Result<()> {
    let model = cli::build_model(&cli::source(&args.paths))?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let ui = Ui::new(Theme::named(&args.theme, no_color), args.ascii);
    let mut app = App::new(model);
    ratatui::run(|terminal| {
        execute!(io::stdout(), EnableMouseCapture)?;
        let result = event_loop(terminal, &mut app, &ui);
        // Mouse capture is ours to undo; ratatui restores the rest.
        let _ = execute!(io::stdout(), DisableMouseCapture);
        result
    })
}

/// Draws after every event and only then: an idle explorer uses no CPU.
fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, ui: &Ui) -> io::Result<()> {
    loop {
        let mut drawn = Drawn::default();
        terminal.draw(|frame| drawn = ui.draw(frame, app))?;
        app.page_rows = drawn.reader_rows.max(1);
        if drawn.reader_width > 0 {
            app.reader_width = drawn.reader_width;
        }
        app.list_rows = drawn.list_rows;
        app.clamp_reader(drawn.reader_lines, drawn.reader_rows);
        let action = match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                keymap::action_for(key, app.focus, app.overlay == Some(Overlay::Finder))
            }
            Event::Mouse(mouse) => mouse_action(&drawn, mouse),
            _ => None,
        };
        if let Some(action) = action {
            app.update(action);
        }
        if app.should_quit {
            return Ok(());
        }
    }
}

/// A click selects the row under it; the wheel scrolls the pane under it.
fn mouse_action(drawn: &Drawn, mouse: MouseEvent) -> Option<Action> {
    let (pane, row) = drawn.hit(mouse.column, mouse.row)?;
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(pane, row)),
        MouseEventKind::ScrollDown => Some(Action::Scroll(pane, 3)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(pane, -3)),
        _ => None,
    }
}
