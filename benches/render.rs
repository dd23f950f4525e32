//! One full frame at 200x60 with a long article open, and the reader scrolled.

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use storyline::app::{Action, App};
use storyline::corpus::{self, Input};
use storyline::model::Model;
use storyline::ui::Ui;
use storyline::ui::theme::Theme;

fn app() -> App {
    let mut inputs: Vec<Input> = storyline::synth::corpus(storyline::assets::bundled(), 200, 5)
        .into_iter()
        .map(|(path, text)| Input {
            path,
            bytes: text.into_bytes(),
        })
        .collect();
    // A long article: twenty ordinary ones end to end.
    let long: String = inputs
        .iter()
        .take(20)
        .map(|i| String::from_utf8_lossy(&i.bytes).into_owned())
        .collect();
    inputs.push(Input {
        path: "long.txt".into(),
        bytes: long.into_bytes(),
    });
    let mut app = App::new(Model::build(
        corpus::load(inputs, Vec::new()),
        storyline::assets::bundled(),
    ));
    let long_id = app
        .model
        .article_by_id("long")
        .expect("the long article loads");
    app.open(long_id, None);
    app
}

fn frames(c: &mut Criterion) {
    let mut app = app();
    let ui = Ui::new(Theme::dark(), false);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("frame_200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    ui.draw(f, &app);
                })
                .unwrap();
        })
    });
    c.bench_function("reader_scroll_frame_200x60", |b| {
        b.iter(|| {
            app.update(Action::Scroll(storyline::app::Pane::Reader, 1));
            terminal
                .draw(|f| {
                    ui.draw(f, &app);
                })
                .unwrap();
        })
    });
}

criterion_group!(benches, frames);
criterion_main!(benches);
