//! The finder's re-rank per keystroke: typing a name one character at a time over 10,000 and
//! 100,000 names, narrowing incrementally as the TUI does.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use storyline::model::ArticleId;
use storyline::search::{self, Candidate, Target};
use storyline::synth::Rng;

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

criterion_group!(benches, keystrokes);
criterion_main!(benches);
