//! The storyline binary: parses arguments, runs a subcommand or the TUI. One terminal
//! lifecycle: `color_eyre::install()`, then `ratatui::run`, which restores the terminal on
//! return, on error and on panic.

use std::io;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGTERM};

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
    let args = match Cli::try_parse() {
        Ok(args) => args,
        // Help and version are printed as clap formats them; a usage error is one line.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let msg = e.to_string();
            let first = msg.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!("storyline: {first} (see storyline --help)");
            return ExitCode::from(2);
        }
    };
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
        Some(Command::Synth { n, dir, seed }) => cli::synth(*n, dir, *seed),
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

/// Draws after every event and only then: an idle explorer uses no CPU (it wakes twice a
/// second only to see whether SIGTERM or SIGHUP asked it to leave, which it does through the
/// same clean return as `q`, so the terminal is restored).
fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, ui: &Ui) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut dirty = true;
    let mut drawn = Drawn::default();
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if !dirty {
            if event::poll(Duration::from_millis(500))? {
                dirty = handle(app, &drawn, event::read()?);
            }
            if app.should_quit {
                return Ok(());
            }
            continue;
        }
        dirty = false;
        terminal.draw(|frame| drawn = ui.draw(frame, app))?;
        app.page_rows = drawn.reader_rows.max(1);
        if drawn.reader_width > 0 {
            app.reader_width = drawn.reader_width;
        }
        app.list_rows = drawn.list_rows;
        app.clamp_reader(drawn.reader_lines, drawn.reader_rows);
    }
}

/// Applies one terminal event; whether the screen needs drawing again.
fn handle(app: &mut App, drawn: &Drawn, event: Event) -> bool {
    let action = match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            keymap::action_for(key, app.focus, app.overlay == Some(Overlay::Finder))
        }
        Event::Mouse(mouse) => mouse_action(drawn, mouse),
        Event::Resize(..) => return true,
        _ => None,
    };
    match action {
        Some(action) => {
            app.update(action);
            true
        }
        None => false,
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
