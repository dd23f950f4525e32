//! Read + extract + merge over arbitrary bytes: the first byte picks the format, the rest is
//! split on 0xFF into up to four files. Every span the model gives must lie on char boundaries
//! of its article's body.

#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline::corpus::{self, Input};
use storyline::model::Model;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let ext = ["txt", "md", "json", "jsonl"][first as usize % 4];
    let inputs: Vec<Input> = rest
        .split(|&b| b == 0xFF)
        .take(4)
        .enumerate()
        .map(|(i, bytes)| Input { path: format!("f{i}.{ext}"), bytes: bytes.to_vec() })
        .collect();
    let model = Model::build(corpus::load(inputs, Vec::new()), storyline::assets::bundled());
    for (i, m) in model.mentions.iter().enumerate() {
        assert!(model.article(model.mention_article(i)).body().get(m.span.range()).is_some());
    }
    for t in &model.timexes {
        assert!(model.article(t.article).body().get(t.timex.span.range()).is_some());
    }
    for e in &model.events {
        for v in &e.evidence {
            assert!(model.article(v.article).body().get(v.span.range()).is_some());
        }
    }
    let _ = storyline::model::to_json(&model, false);
});
