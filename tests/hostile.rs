//! Hostile input: a corpus of everything that goes wrong in the wild, written by the test
//! itself. Every file loads or is reported; nothing panics; the good files are all there; and
//! no raw control character, escape sequence or bidi control reaches the model's strings, the
//! screen (`TestBackend` cells) or the CLI's output. A property test runs the whole pipeline
//! over arbitrary bytes and arbitrary Unicode.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use storyline::app::{Action, App, Pane};
use storyline::cli::{build_model, source};
use storyline::corpus::sanitize::is_unsafe;
use storyline::corpus::{self, Input};
use storyline::model::{Model, to_json};
use storyline::ui::Ui;
use storyline::ui::theme::Theme;

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(name);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

/// Text that must never reach a terminal raw.
fn clean(s: &str) -> bool {
    !s.chars().any(|c| c != '\n' && is_unsafe(c))
}

const GOOD: &[(&str, &str)] = &[
    (
        "good/ansi.txt",
        "Anna Berg \u{1b}[31mmet\u{1b}[0m Karl Lund in Oslo.\u{1b}]0;owned title\u{7} The \u{1b}]52;c;ZXZpbA==\u{7}clipboard and \u{1b}]8;;http://example.org\u{1b}\\a link\u{1b}]8;;\u{1b}\\ stay inert.",
    ),
    (
        "good/c1.txt",
        "\u{9b}2J Anna Berg\u{85} criticized Karl Lund on Monday.\u{7f}",
    ),
    (
        "good/bidi.txt",
        "\u{202E}Anna Berg\u{202C} met \u{2067}Karl Lund\u{2069} and \u{200F}Ola Nordmann\u{200E}.",
    ),
    (
        "good/zero_width.txt",
        "Ann\u{200B}a Be\u{301}rg met 👩‍👩‍👧 Karl Lund. 日本語の記事です。Ωμέγα.",
    ),
    (
        "good/crlf.txt",
        "Title line\r\nAnna Berg met Karl Lund.\r\rKarl Lund praised Anna Berg.\r",
    ),
    ("good/bom.txt", "\u{feff}Anna Berg met Karl Lund in Bergen."),
    (
        "good/front_matter.md",
        "---\ntitle: \u{1b}[2JA title with an escape\nbyline: \u{202E}Evil Byline\n---\nBody text about Oslo.",
    ),
    (
        "good/array.json",
        r#"[{"title": "One", "text": "Anna Berg met Karl Lund."}, {"title": "Two", "body": "Karl Lund sued Anna Berg."}]"#,
    ),
    (
        "good/lines.jsonl",
        "{\"title\": \"L\", \"content\": \"Anna Berg praised Karl Lund.\"}\n",
    ),
];

fn hostile_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, text) in GOOD {
        write(d, name, text);
    }
    write(d, "bad/nul.txt", b"Anna\x00Berg\x00\x00\x00 met\x00");
    write(
        d,
        "bad/invalid_utf8.txt",
        b"Anna Berg met Karl \xff\xfe Lund.",
    );
    write(
        d,
        "bad/binary.txt",
        [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0],
    );
    write(d, "bad/empty.txt", b"");
    write(
        d,
        "bad/truncated.json",
        b"[{\"title\": \"x\", \"text\": \"Anna",
    );
    write(
        d,
        "bad/wrong_types.json",
        br#"{"title": ["not", "a", "string"], "text": 42}"#,
    );
    write(
        d,
        "bad/truncated.jsonl",
        b"{\"text\": \"fine record\"}\n{\"text\": \"cut",
    );
    write(
        d,
        "bad/unclosed.md",
        b"---\ntitle: never closed\nAnna Berg met Karl Lund.",
    );
    write(d, "bad/image.png", b"\x89PNG");
    // One line of 20 MB.
    let line: String = "Anna Berg met Karl Lund in Oslo and then ".repeat(20 * 1024 * 1024 / 41);
    write(d, "big/one_line.txt", line);
    // 10,000 tiny files.
    for i in 0..10_000 {
        write(
            d,
            &format!("many/{:02}/{i:05}.txt", i % 50),
            format!("Note {i}: Anna Berg met Karl Lund."),
        );
    }
    // Deep folders, a symlink loop and a link to nowhere.
    let deep: String = (0..60).map(|i| format!("d{i}/")).collect();
    write(
        d,
        &format!("{deep}deep.txt"),
        "Deep down, Anna Berg met Karl Lund.",
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(d.join("good"), d.join("good/loop")).unwrap();
        std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("bad/dangling.txt")).unwrap();
    }
    dir
}

#[test]
fn a_hostile_corpus_loads_or_is_reported_and_nothing_raw_gets_through() {
    let dir = hostile_corpus();
    let model = build_model(&source(&[dir.path().to_path_buf()])).expect("the good files load");

    // Every good file is there, with its records.
    let paths: BTreeSet<&str> = model.articles.iter().map(|a| a.raw.path.as_str()).collect();
    for (name, _) in GOOD {
        assert!(paths.iter().any(|p| p.ends_with(name)), "{name} not loaded");
    }
    let many = model
        .articles
        .iter()
        .filter(|a| a.raw.path.contains("/many/"))
        .count();
    assert_eq!(many, 10_000);
    assert!(paths.iter().any(|p| p.ends_with("deep.txt")));
    assert!(paths.iter().any(|p| p.ends_with("one_line.txt")));
    let loops = model
        .articles
        .iter()
        .filter(|a| a.raw.path.contains("/loop/"))
        .count();
    assert_eq!(
        loops, 0,
        "the symlink loop is not followed back into a folder already read"
    );

    // Every bad file is loaded after a repair, or reported with its path.
    let reported: BTreeSet<&str> = model.problems.iter().map(|p| p.path.as_str()).collect();
    for bad in [
        "nul.txt",
        "binary.txt",
        "empty.txt",
        "truncated.json",
        "wrong_types.json",
        "image.png",
        "dangling.txt",
        "invalid_utf8.txt",
        "unclosed.md",
        "truncated.jsonl",
    ] {
        assert!(
            reported.iter().any(|p| p.ends_with(bad)),
            "{bad} not reported: {reported:?}"
        );
    }
    assert!(
        paths.iter().any(|p| p.ends_with("invalid_utf8.txt")),
        "repaired files still load"
    );
    assert!(
        paths.iter().any(|p| p.ends_with("truncated.jsonl")),
        "the good record of a broken JSONL file loads"
    );

    // Nothing unsafe in any string the model will show.
    for a in &model.articles {
        for s in [a.body(), a.raw.title.as_str(), a.raw.path.as_str()] {
            assert!(clean(s), "{:?}", &s[..s.len().min(80)]);
        }
        for s in [&a.raw.byline, &a.raw.source, &a.raw.url]
            .into_iter()
            .flatten()
        {
            assert!(clean(s), "{s:?}");
        }
    }
    for e in &model.entities {
        assert!(
            clean(&e.name) && e.aliases.iter().all(|a| clean(a)),
            "{:?}",
            e.name
        );
    }
    for p in &model.problems {
        assert!(clean(&p.path) && clean(&p.message), "{p}");
    }
    assert!(to_json(&model, false).is_ascii() || clean(&to_json(&model, false)));
}

/// Every symbol of every cell, as drawn.
fn cells(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    buf.content().iter().map(|c| c.symbol()).collect()
}

#[test]
fn the_screen_never_shows_a_raw_control_character() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in GOOD {
        write(dir.path(), name, text);
    }
    write(
        dir.path(),
        "\u{1b}[31mevil\u{7}name.txt",
        "A file whose name carries an escape. Anna Berg met Karl Lund.",
    );
    let model = build_model(&source(&[dir.path().to_path_buf()])).unwrap();
    let mut app = App::new(model);
    let ui = Ui::new(Theme::dark(), false);
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut screens = Vec::new();
    for i in 0..app.article_rows.len() {
        app.article_selected = i;
        app.focus = Pane::Articles;
        app.update(Action::Open);
        t.draw(|f| {
            ui.draw(f, &app);
        })
        .unwrap();
        screens.push(cells(&t));
    }
    for action in [
        Action::ToggleProblems,
        Action::Back,
        Action::OpenFinder,
        Action::FinderInput('a'),
    ] {
        app.update(action);
        t.draw(|f| {
            ui.draw(f, &app);
        })
        .unwrap();
        screens.push(cells(&t));
    }
    for s in &screens {
        assert!(
            !s.chars().any(|c| c.is_control() || is_unsafe(c)),
            "raw control on screen"
        );
    }
    assert!(
        screens.iter().any(|s| s.contains("Anna")),
        "the text itself is shown"
    );
}

#[test]
fn cli_output_is_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "\u{1b}]0;x\u{7}Anna \u{202E}Berg met Karl Lund.",
    );
    let mut out = Vec::new();
    storyline::cli::find("berg", false, 0, &[dir.path().to_path_buf()], &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Berg"), "{text}");
    assert!(clean(&text), "{text:?}");
    let mut out = Vec::new();
    storyline::cli::timeline(&["Anna".into(), dir.path().display().to_string()], &mut out).unwrap();
    assert!(clean(&String::from_utf8(out).unwrap()));
}

/// Builds a model from raw inputs and checks every span the export will give.
fn check_pipeline(inputs: Vec<Input>) {
    let corpus = corpus::load(inputs, Vec::new());
    let model = Model::build(corpus, storyline::assets::bundled());
    let json = to_json(&model, false);
    serde_json::from_str::<serde_json::Value>(&json).expect("the export is valid JSON");
    for a in &model.articles {
        let body = a.body();
        for s in &a.sentences {
            assert!(
                body.get(s.range()).is_some(),
                "sentence span off a char boundary"
            );
        }
    }
    for (i, m) in model.mentions.iter().enumerate() {
        let a = model.mention_article(i);
        assert!(model.article(a).mentions.contains(&i));
        assert!(model.article(a).body().get(m.span.range()).is_some());
    }
    for t in &model.timexes {
        assert!(
            model
                .article(t.article)
                .body()
                .get(t.timex.span.range())
                .is_some()
        );
    }
    for e in &model.events {
        for v in &e.evidence {
            assert!(
                model
                    .article(v.article)
                    .body()
                    .get(v.span.range())
                    .is_some()
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(files in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..1500), 1..4)) {
        let inputs = files.into_iter().enumerate().map(|(i, bytes)| {
            let ext = ["txt", "md", "json", "jsonl"][i % 4];
            Input { path: format!("f{i}.{ext}"), bytes }
        }).collect();
        check_pipeline(inputs);
    }

    #[test]
    fn arbitrary_unicode_never_panics(texts in prop::collection::vec("\\PC{0,600}", 1..4)) {
        let inputs = texts.into_iter().enumerate().map(|(i, t)| Input { path: format!("t{i}.txt"), bytes: t.into_bytes() }).collect();
        check_pipeline(inputs);
    }

    /// The original is kept as its difference from the body; whatever cleaning dropped or the
    /// sanitiser replaced, it comes back byte for byte.
    #[test]
    fn the_original_is_rebuilt_byte_for_byte(lines in prop::collection::vec(prop::sample::select(vec![
        "Headline Without A Stop", "Dec 20, 2024 11:54 AM EST", "By Evan Williams", "Getty Images",
        "Cover photo: a harbour", "Read more:", "- A linked story", "* Another link", "See More",
        "# A heading", "## ", "", "  ", "\u{a0}", "\t", "Anna Berg met the minister in Lisbon.",
        "  indented text with trailing space  ", "red \u{1b}[31malert\u{7} and \u{9b}2J",
        "evil \u{202E}txet\u{2066} mark\u{200F}", "carriage\r", "Teaser paragraph ends […]",
        "Personalized Feed", "“Quoted,” she said.",
    ]), 0..40), crlf in any::<bool>()) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        let corpus = corpus::load(vec![Input { path: "o.txt".into(), bytes: text.clone().into_bytes() }], Vec::new());
        for a in &corpus.articles {
            prop_assert_eq!(a.original(), text.clone());
            for seg in &a.body_map {
                let original = a.original();
                let kept = &original[seg.original()..seg.original() + seg.len()];
                prop_assert_eq!(kept.len(), seg.len());
                prop_assert_eq!(&*storyline::corpus::sanitize::sanitize(kept), &a.body[seg.body()..seg.body() + seg.len()]);
            }
        }
    }

    #[test]
    fn news_like_text_never_panics(words in prop::collection::vec(prop::sample::select(vec![
        "Anna", "Berg", "met", "the", "U.S.", "Mr.", "Dept.", "of", "In", "July", "14", "2024", ",", ".", "“", "”", "’s",
        "—", "criticized", "$5", "million", "last", "week", "Inc.", "(FTC)", "said", "\n\n", "O'Brien", "Ocasio-Cortez",
    ]), 0..300)) {
        let text = words.join(" ");
        check_pipeline(vec![Input { path: "n.txt".into(), bytes: text.into_bytes() }]);
    }
}
