//! The storyline binary: parses arguments, runs a subcommand or the TUI. One terminal
//! lifecycle: `color_eyre::install()`, then `ratatui::run`, which restores the terminal on
//! return, on error and on panic.

use std::io;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGTERM};

use clap::Parser;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;

use storyline::app::{Action, App, Overlay, keymap};
use storyline::cli::{self, Cli, Command};
use storyline::model::Model;
use storyline::progress::Progress;
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
    // Output is buffered: a million-line `find --stdin` is not a million writes.
    let mut out = io::BufWriter::with_capacity(1 << 16, plain_stdout());
    let result = match &args.command {
        Some(Command::Export { pretty, paths }) => cli::export(paths, *pretty, &mut out),
        Some(Command::Find {
            query,
            stdin,
            limit,
            paths,
        }) => cli::find(query, *stdin, *limit, paths, &mut out),
        Some(Command::Timeline { args }) => cli::timeline(args, &mut out),
        Some(Command::Synth { n, dir, seed }) => cli::synth(*n, dir, *seed),
        None => run_tui(&args),
    };
    let result = result.and_then(|()| io::Write::flush(&mut out));
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

/// Standard output without the standard library's line buffering, which looks for the last
/// newline in every write it is given (a gigabyte export spent a tenth of its serial time
/// there): a duplicate of its descriptor, as a file. `Stdout` itself if it cannot be
/// duplicated.
fn plain_stdout() -> Box<dyn io::Write> {
    use std::os::fd::AsFd;
    match io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => Box::new(std::fs::File::from(fd)),
        Err(_) => Box::new(io::stdout()),
    }
}

fn run_tui(args: &Cli) -> io::Result<()> {
    let source = cli::source(&args.paths);
    // Before the terminal is taken over: a mistyped path is one line on stderr.
    let found = cli::find_files(&source)?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let ui = Ui::new(Theme::named(&args.theme, no_color), args.ascii);
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    // The event loop sees the flag within half a second, but not when the terminal is gone:
    // crossterm's poll never returns on a hung-up tty. A watchdog then restores what it can
    // and ends the process, so a closed terminal never leaves a spinning storyline behind.
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            std::thread::sleep(Duration::from_secs(1));
            let _ = execute!(io::stdout(), DisableMouseCapture);
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
    // The model builds on worker threads while the screen shows progress.
    let progress = Arc::new(Progress::default());
    let (tx, rx) = mpsc::channel();
    {
        let progress = Arc::clone(&progress);
        let source = source.clone();
        std::thread::spawn(move || {
            let _ = tx.send(cli::build_found(&source, found, &progress));
        });
    }
    ratatui::run(|terminal| {
        execute!(io::stdout(), EnableMouseCapture)?;
        let result = match load(terminal, &ui, &rx, &progress, &stop) {
            Ok(Some(model)) => event_loop(terminal, &mut App::new(model), &ui, &stop),
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        };
        // Mouse capture is ours to undo; ratatui restores the rest.
        let _ = execute!(io::stdout(), DisableMouseCapture);
        result
    })
}

/// Waits for the model, drawing a progress screen; `None` when the user quit first.
fn load(
    terminal: &mut DefaultTerminal,
    ui: &Ui,
    rx: &mpsc::Receiver<io::Result<Model>>,
    progress: &Progress,
    stop: &AtomicBool,
) -> io::Result<Option<Model>> {
    let start = Instant::now();
    // A small corpus is ready before a loading screen would be worth showing.
    let mut wait = Duration::from_millis(40);
    loop {
        match rx.recv_timeout(wait) {
            Ok(model) => return model.map(Some),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(io::Error::other("the loader stopped unexpectedly"));
            }
        }
        wait = Duration::from_millis(100);
        if stop.load(Ordering::Relaxed) {
            return Ok(None);
        }
        terminal.draw(|frame| ui.draw_loading(frame, progress.snapshot(), start.elapsed()))?;
        while event::poll(Duration::ZERO)? {
            if let Event::Key(key) = event::read()? {
                let ctrl_c =
                    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
                if key.kind == KeyEventKind::Press && (key.code == KeyCode::Char('q') || ctrl_c) {
                    return Ok(None);
                }
            }
        }
    }
}

/// Draws after every event and only then: an idle explorer uses no CPU (it wakes twice a
/// second only to see whether SIGTERM or SIGHUP asked it to leave, which it does through the
/// same clean return as `q`, so the terminal is restored).
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    ui: &Ui,
    stop: &AtomicBool,
) -> io::Result<()> {
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
        // For the pseudo-terminal test of restoring the terminal after a panic, and only when
        // the environment asks for it.
        Event::Key(key)
            if key.code == KeyCode::F(12) && std::env::var_os("STORYLINE_TEST_PANIC").is_some() =>
        {
            panic!("panic requested by STORYLINE_TEST_PANIC")
        }
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

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
