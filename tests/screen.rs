//! The screen through ratatui's `TestBackend`: snapshots at fixed sizes (reviewed by hand
//! before they were accepted), and checks that no cell carries a raw control character.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use storyline::app::{Action, App};
use storyline::cli::{build_model, source};
use storyline::ui::Ui;
use storyline::ui::theme::Theme;

fn app() -> App {
    App::new(build_model(&source(&[])).unwrap())
}

fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let ui = Ui::new(Theme::mono(), false);
    t.draw(|f| {
        ui.draw(f, app);
    })
    .unwrap();
    t
}

fn screen_text(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn first_frame_at_120x36() {
    let t = render(&app(), 120, 36);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn help_is_generated_from_the_keymap() {
    let mut a = app();
    a.update(Action::ToggleHelp);
    let t = render(&a, 120, 60);
    let text = screen_text(&t);
    for b in storyline::app::keymap::BINDINGS {
        assert!(
            text.contains(b.description),
            "help lacks {:?}",
            b.description
        );
    }
}

#[test]
fn a_tiny_terminal_gets_a_message_not_a_panic() {
    for (w, h) in [(1, 1), (20, 5), (59, 30), (120, 15)] {
        let t = render(&app(), w, h);
        let text: String = screen_text(&t)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains("Terminal") || w < 12, "{w}x{h}: {text}");
    }
}

#[test]
fn opening_an_article_and_scrolling_changes_the_reader() {
    let mut a = app();
    a.update(Action::SelectNext);
    a.update(Action::Open);
    let before = screen_text(&render(&a, 120, 36));
    a.update(Action::PageDown);
    let after = screen_text(&render(&a, 120, 36));
    assert_ne!(before, after);
    let title = &a.model.article(a.open_article.unwrap()).raw.title;
    let head: String = title.chars().take(20).collect();
    assert!(before.contains(&head), "reader title shows {head:?}");
}

#[test]
fn the_readme_key_table_names_every_binding() {
    let readme = include_str!("../README.md");
    for b in storyline::app::keymap::BINDINGS {
        assert!(
            readme.contains(b.description),
            "README lacks {:?}",
            b.description
        );
    }
}

/// A corpus the test writes itself, with problems, so snapshots show every view.
fn small_app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &[u8]| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a.txt",
        b"---\ntitle: Lopez and Ruiz meet\ndate: 2021-03-04\n---\nMaria Lopez met Carlos Ruiz in Madrid on March 3, 2021. Maria Lopez praised Carlos Ruiz.",
    );
    write(
        "b.txt",
        b"---\ntitle: A falling-out\ndate: 2022-05-06\n---\nCarlos Ruiz criticised Maria Lopez on May 2, 2022. Maria Lopez sued Carlos Ruiz.",
    );
    write("broken.json", b"{\"title\": ");
    write("empty.txt", b"");
    let mut model = build_model(&source(&[dir.path().to_path_buf()])).unwrap();
    // Paths in snapshots must not depend on the temp dir's name.
    let base = dir.path().display().to_string();
    for a in &mut model.articles {
        a.raw.path = a.raw.path.replace(&base, "corpus");
    }
    for p in &mut model.problems {
        p.path = p.path.replace(&base, "corpus");
    }
    App::new(model)
}

#[test]
fn snapshot_finder_open() {
    let mut a = small_app();
    a.update(Action::OpenFinder);
    for c in "ruiz".chars() {
        a.update(Action::FinderInput(c));
    }
    insta::assert_snapshot!(render(&a, 100, 30).backend());
}

#[test]
fn snapshot_help() {
    let mut a = small_app();
    a.update(Action::ToggleHelp);
    insta::assert_snapshot!(render(&a, 100, 44).backend());
}

#[test]
fn snapshot_problems() {
    let mut a = small_app();
    a.update(Action::ToggleProblems);
    insta::assert_snapshot!(render(&a, 100, 30).backend());
}

#[test]
fn snapshot_tiny_terminal() {
    insta::assert_snapshot!(render(&small_app(), 40, 10).backend());
}

#[test]
fn snapshot_pair_timeline_with_evidence_open() {
    let mut a = small_app();
    let id = |a: &App, n: &str| a.model.entities.iter().find(|e| *e.name == *n).unwrap().id;
    let (lopez, ruiz) = (id(&a, "Maria Lopez"), id(&a, "Carlos Ruiz"));
    a.set_subject(storyline::app::Subject::Pair(lopez, ruiz));
    a.focus = storyline::app::Pane::Timeline;
    a.update(Action::SelectNext);
    a.update(Action::Open);
    insta::assert_snapshot!(render(&a, 120, 36).backend());
}

#[test]
fn ascii_borders_use_no_box_drawing() {
    let a = small_app();
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let ui = Ui::new(Theme::mono(), true);
    t.draw(|f| {
        ui.draw(f, &a);
    })
    .unwrap();
    let text = screen_text(&t);
    assert!(text.contains("+ Articles"), "{text}");
    assert!(!text.contains('┌') && !text.contains('│'));
}
