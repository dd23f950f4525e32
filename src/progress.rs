//! Counters a long load updates from its worker threads and a loading screen reads: how many
//! files and bytes are read and how many articles are extracted. Plain atomics; nothing here
//! knows about the terminal.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Progress of one model build.
#[derive(Debug, Default)]
pub struct Progress {
    pub files_total: AtomicUsize,
    pub files_read: AtomicUsize,
    pub bytes_read: AtomicU64,
    pub articles_total: AtomicUsize,
    pub articles_done: AtomicUsize,
}

/// A consistent-enough copy of the counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub files_total: usize,
    pub files_read: usize,
    pub bytes_read: u64,
    pub articles_total: usize,
    pub articles_done: usize,
}

impl Progress {
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            files_total: self.files_total.load(Ordering::Relaxed),
            files_read: self.files_read.load(Ordering::Relaxed),
            bytes_read: self.bytes_read.load(Ordering::Relaxed),
            articles_total: self.articles_total.load(Ordering::Relaxed),
            articles_done: self.articles_done.load(Ordering::Relaxed),
        }
    }

    pub(crate) fn add(counter: &AtomicUsize, n: usize) {
        counter.fetch_add(n, Ordering::Relaxed);
    }
}

impl Snapshot {
    /// The fraction done, reading counting for the first half and extraction for the second.
    pub fn fraction(&self) -> f64 {
        let read = if self.files_total == 0 {
            0.0
        } else {
            self.files_read as f64 / self.files_total as f64
        };
        let done = if self.articles_total == 0 {
            0.0
        } else {
            self.articles_done as f64 / self.articles_total as f64
        };
        (read + done) / 2.0
    }
}

/// Stage timings for measuring a build: with `STORYLINE_TIMINGS` set in the environment, each
/// [`Stopwatch::lap`] prints the stage's wall time (and the resident memory) to stderr. Off by default, and never part of
/// any output on stdout.
#[derive(Debug)]
pub struct Stopwatch {
    last: Option<std::time::Instant>,
}

impl Stopwatch {
    pub fn start() -> Stopwatch {
        Stopwatch {
            last: std::env::var_os("STORYLINE_TIMINGS").map(|_| std::time::Instant::now()),
        }
    }

    /// Prints the time since the last lap (or the start) under `stage`.
    pub fn lap(&mut self, stage: &str) {
        if let Some(last) = self.last {
            let now = std::time::Instant::now();
            // Resident memory after the stage, where the system says (Linux).
            let rss = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
                .map_or(String::new(), |pages| {
                    format!("  rss {:6} MB", (pages * 4096) >> 20)
                });
            eprintln!(
                "{stage:>12}: {:8.1} ms{rss}",
                (now - last).as_secs_f64() * 1e3
            );
            self.last = Some(now);
        }
    }
}
