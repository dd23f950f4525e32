//! The storyline binary: parses arguments, runs a subcommand or the TUI. One terminal
//! lifecycle: `color_eyre::install()`, then `ratatui::run`, which restores the terminal on
//! return, on error and on panic.

use std::io;
use std::process::ExitCode;

use clap::Parser;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

use storyline::app::{App, keymap};
use storyline::cli::{self, Cli, Command};
use storyline::ui::Ui;
use storyline::ui::theme::Theme;

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
    ratatui::run(|terminal| event_loop(terminal, &mut app, &ui))
}

/// Draws after every event and only then: an idle explorer uses no CPU.
fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, ui: &Ui) -> io::Result<()> {
    loop {
        let mut drawn = Default::default();
        terminal.draw(|frame| drawn = ui.draw(frame, app))?;
        app.page_rows = drawn.reader_rows.max(1);
        app.clamp_reader(drawn.reader_lines, drawn.reader_rows);
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                if let Some(action) = keymap::action_for(key, app.focus) {
                    app.update(action);
                }
            }
            _ => {}
        }
        if app.should_quit {
            return Ok(());
        }
    }
}
