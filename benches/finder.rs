//! The finder's re-rank per keystroke: typing a name one character at a time over 10,000 and
//! 100,000 names, narrowing incrementally. `finder_typing` ranks and sorts every hit each time
//! (`rank_subset`, as `storyline find` does); the TUI sorts only what it shows.
//!
//! `finder_keystroke/100000/PREFIX` times the one keystroke that completes PREFIX in the TUI's
//! finder (`Finder::push`), with the rest of PREFIX already typed: the first characters match
//! most names ('a' and 'e' about 83% of them), the later ones narrow. The median and the worst
//! over these are the per-keystroke figures in the README.

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use storyline::app::finder::Finder;
use storyline::model::ArticleId;
use storyline::search::{self, Candidate, Target};
use storyline::synth::Rng;

// The allocator the binary ships with (the matcher allocates per call).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn names(n: usize) -> Vec<Candidate> {
    let assets = storyline::assets::bundled();
    let mut given: Vec<&String> = assets.given_names.iter().collect();
    let mut sur: Vec<&String> = assets.surnames.iter().collect();
    given.sort();
    sur.sort();
    let mut rng = Rng::new(3);
    (0..n)
        .map(|i| {
            Candidate::new(
                format!("{} {}", rng.pick(&given), rng.pick(&sur)),
                Target::Article(ArticleId(i as u32)),
                rng.below(100),
            )
        })
        .collect()
}

fn keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("finder_typing");
    for n in [10_000, 100_000] {
        let cands = names(n);
        let query = "mary smith";
        group.bench_with_input(BenchmarkId::new("whole_name", n), &cands, |b, cands| {
            b.iter(|| {
                // One full typing of the query: each keystroke re-ranks the previous hits.
                let mut within: Option<Vec<usize>> = None;
                for end in 1..=query.len() {
                    let hits = search::rank_subset(cands, &query[..end], within.as_deref());
                    within = Some(hits.iter().map(|h| h.candidate).collect());
                }
                within
            })
        });
        group.bench_with_input(
            BenchmarkId::new("first_keystroke", n),
            &cands,
            |b, cands| b.iter(|| search::rank_subset(cands, "m", None).len()),
        );
    }
    group.finish();
}

/// Each keystroke of typing these names into the TUI's finder over 100,000 names.
const TYPED: [&str; 3] = ["mary smith", "elena garcia", "arthur"];

fn finder_keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("finder_keystroke");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let n = 100_000;
    let mut finder = Finder::with_candidates(names(n));
    for name in TYPED {
        finder.reset();
        for (end, ch) in name.char_indices() {
            let id = format!("{n}/{}", name[..=end].replace(' ', "_"));
            group.bench_function(id, |b| {
                b.iter_custom(|iters| {
                    let mut spent = Duration::ZERO;
                    for _ in 0..iters {
                        let t = Instant::now();
                        finder.push(ch);
                        spent += t.elapsed();
                        std::hint::black_box(finder.hits.len());
                        finder.pop();
                    }
                    spent
                })
            });
            finder.push(ch);
        }
    }
    group.finish();
}

criterion_group!(benches, keystrokes, finder_keystrokes);
criterion_main!(benches);
