//! The real binary in a pseudo-terminal: it starts, draws the four panes, and quits on `q` with
//! status 0, leaving the alternate screen. Runs with no terminal on stdin (as CI does).

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    /// Kept open for the session's life (its reader holds a copy of it, so dropping it would
    /// not close the terminal anyway).
    _master: Box<dyn portable_pty::MasterPty + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    /// Set when the reader saw the end of the output (the child and its terminal are gone).
    done: Arc<std::sync::atomic::AtomicBool>,
    rows: u16,
    cols: u16,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Self::start_with(args, cols, rows, &[])
    }

    fn start_with(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_storyline"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let finished = Arc::clone(&done);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            finished.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        Session {
            child,
            writer,
            output,
            _master: pair.master,
            done,
            rows,
            cols,
        }
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child has a pid")
    }

    fn screen(&self) -> vt100::Parser {
        let rows = std::num::NonZeroU16::new(self.rows).unwrap();
        let cols = std::num::NonZeroU16::new(self.cols).unwrap();
        let mut p = vt100::Parser::new(rows, cols, 0);
        p.process(&self.output.lock().unwrap());
        p
    }

    fn wait_for(&self, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = self.screen().screen().contents();
            if text.contains(what) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what:?}; screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Everything the program wrote before exiting, restore sequences included,
                // is read before anyone looks at the screen.
                while !self.done.load(std::sync::atomic::Ordering::SeqCst)
                    && Instant::now() < deadline
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                return status;
            }
            assert!(Instant::now() < deadline, "the program did not exit");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn starts_shows_four_panes_and_quits_on_q() {
    let mut s = Session::start(&[], 120, 36);
    let text = s.wait_for("Timeline");
    for title in ["Articles", "Reader", "Entities", "Timeline"] {
        assert!(text.contains(title), "{title} missing:\n{text}");
    }
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let screen = s.screen();
    assert!(
        !screen.screen().alternate_screen(),
        "left the alternate screen"
    );
    assert!(!screen.screen().hide_cursor(), "cursor shown again");
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "---\ntitle: Lopez and Ruiz meet\ndate: 2021-03-04\n---\nMaria Lopez met Carlos Ruiz in Madrid on March 3, 2021. Maria Lopez praised Carlos Ruiz.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "---\ntitle: A falling-out\ndate: 2022-05-06\n---\nCarlos Ruiz criticised Maria Lopez on May 2, 2022. Maria Lopez sued Carlos Ruiz.",
    )
    .unwrap();
    dir
}

#[test]
fn find_an_entity_see_its_timeline_open_an_event_and_quit() {
    let dir = corpus();
    let path = dir.path().to_str().unwrap();
    let mut s = Session::start(&[path], 120, 36);
    s.wait_for("Timeline");
    s.send("/");
    s.wait_for("Find (");
    s.send("ruiz");
    s.wait_for("> ruiz");
    s.send("\r");
    let text = s.wait_for("Timeline: Carlos Ruiz");
    assert!(
        text.contains("criticism"),
        "the timeline shows his events:\n{text}"
    );
    assert!(text.contains("Articles (2)"), "{text}");
    // The timeline is focused after a jump; Enter opens the first event's evidence.
    s.send("\r");
    s.wait_for("Reader: Lopez and Ruiz meet");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn sigterm_and_ctrl_c_leave_a_clean_terminal() {
    let mut s = Session::start(&[], 100, 30);
    s.wait_for("Timeline");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &s.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    s.wait_exit();
    let screen = s.screen();
    assert!(
        !screen.screen().alternate_screen(),
        "SIGTERM left the alternate screen"
    );
    assert!(
        !screen.screen().hide_cursor(),
        "SIGTERM showed the cursor again"
    );

    let mut s = Session::start(&[], 100, 30);
    s.wait_for("Timeline");
    s.send("\u{3}");
    assert!(s.wait_exit().success(), "Ctrl-C quits cleanly");
    assert!(!s.screen().screen().alternate_screen());
}

#[test]
fn a_panic_restores_the_terminal_and_says_what_happened() {
    // The default a user has: no backtrace asked for.
    let env = [
        ("STORYLINE_TEST_PANIC", "1"),
        ("RUST_BACKTRACE", "0"),
        ("RUST_LIB_BACKTRACE", "0"),
    ];
    let mut s = Session::start_with(&[], 100, 30, &env);
    s.wait_for("Timeline");
    s.send("\u{1b}[24~"); // F12
    let status = s.wait_exit();
    assert!(!status.success(), "a panic exits with failure");
    let screen = s.screen();
    assert!(
        !screen.screen().alternate_screen(),
        "the panic left the alternate screen"
    );
    assert!(!screen.screen().hide_cursor(), "the cursor is shown again");
    assert!(
        screen.screen().contents().contains("panic requested"),
        "the panic message is shown:\n{}",
        screen.screen().contents()
    );
}

#[test]
fn sighup_leaves_a_clean_terminal() {
    let mut s = Session::start(&[], 100, 30);
    s.wait_for("Timeline");
    let status = std::process::Command::new("kill")
        .args(["-HUP", &s.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    s.wait_exit();
    assert!(!s.screen().screen().alternate_screen());
}
