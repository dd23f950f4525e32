//! Model build (read + extract + merge) on synthetic corpora, reported per byte of article
//! text: the cost per article must stay flat from 1,000 articles up.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use storyline::corpus::{self, Input};
use storyline::model::Model;

fn inputs(n: usize) -> Vec<Input> {
    storyline::synth::corpus(storyline::assets::bundled(), n, 1)
        .into_iter()
        .map(|(path, text)| Input {
            path,
            bytes: text.into_bytes(),
        })
        .collect()
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("model_build");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let inputs = inputs(n);
        let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &inputs, |b, inputs| {
            // The load takes the inputs (their bytes become the texts): each run gets a copy,
            // made outside the timing.
            b.iter_batched(
                || inputs.clone(),
                |inputs| {
                    Model::build(
                        corpus::load(inputs, Vec::new()),
                        storyline::assets::bundled(),
                    )
                },
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, build);
criterion_main!(benches);
