//! The corpus and the model on the bundled seeds and on inputs the tests write themselves:
//! formats, metadata, cleaning, problems, duplicates and determinism.

use std::fs;
use std::path::Path;

use storyline::cli::{build_model, source};
use storyline::corpus::{self, ProblemKind};
use storyline::model::{Model, to_json};

fn seeds() -> Model {
    build_model(&source(&[])).expect("the bundled seeds load")
}

#[test]
fn seeds_load_as_five_articles_with_their_header() {
    let m = seeds();
    assert_eq!(m.articles.len(), 5);
    assert!(m.problems.is_empty(), "{:?}", m.problems);
    let a = &m.articles[m.article_by_id("000_e126f8108d4afafb").unwrap().index()];
    let p = a.published().expect("dateline gives the date");
    assert_eq!(p.date.value(), "2024-12-20");
    assert!(!p.inferred);
    assert_eq!(p.basis, "dateline");
    assert_eq!(a.raw.byline.as_deref(), Some("Evan Williams"));
    assert!(
        !a.body().contains("Dec 20, 2024"),
        "the dateline is not body text"
    );
    assert!(!a.body().starts_with("By "), "the byline is not body text");
}

#[test]
fn page_furniture_is_not_in_bodies_but_stays_in_the_original() {
    let m = seeds();
    let furniture = [
        "Cover photo",
        "Getty Images",
        "More on ",
        "Read more:",
        "Personalized Feed",
        "See More",
        "[…]",
        "most deepfaked figures",
    ];
    for a in &m.articles {
        for f in furniture {
            assert!(
                !a.body().contains(f),
                "{f:?} left in the body of {}",
                a.id()
            );
        }
    }
    let a = &m.articles[m.article_by_id("000_e126f8108d4afafb").unwrap().index()];
    assert!(
        a.raw.original().contains("Cover photo"),
        "the original keeps everything for citation"
    );
}

#[test]
fn the_repeated_teaser_is_dropped_and_the_paragraph_kept_once() {
    let m = seeds();
    let a = &m.articles[m.article_by_id("004_b90516f353409529").unwrap().index()];
    assert_eq!(a.body().matches("visited Mar-a-Lago this week").count(), 1);
    assert_eq!(
        a.body()
            .matches("described Zuckerberg as a potential partner in")
            .count(),
        1
    );
    assert!(
        a.body().contains("partner in the “reform movement”"),
        "the full paragraph stays"
    );
}

#[test]
fn the_original_text_is_kept_byte_for_byte() {
    // The seeds have no front matter: each original is its file as it is.
    let m = seeds();
    for (input, a) in corpus::bundled_inputs().iter().zip(&m.articles) {
        assert_eq!(a.raw.original().as_bytes(), &input.bytes[..], "{}", a.id());
    }
    // Front matter is not part of the original; a BOM is not either.
    let dir = tempfile::tempdir().unwrap();
    let text = "Headline Here\r\n\r\nBy Ann Lee\r\nAnna Berg met Lars Olsen.\u{1b}[2J\r\n\r\nGetty Images\r\n";
    let front = "---\ntitle: T\ndate: 2024-01-02\n---\n";
    std::fs::write(dir.path().join("a.md"), format!("\u{feff}{front}{text}")).unwrap();
    let c = corpus::load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(c.articles[0].original(), text);
    assert!(!c.articles[0].body.contains('\u{1b}'));
}

#[test]
fn body_offsets_map_back_into_the_original_text() {
    let m = seeds();
    for a in &m.articles {
        let original = a.raw.original();
        for s in &a.sentences {
            let text = s.of(a.body());
            assert!(!text.is_empty());
            let o = a
                .raw
                .original_offset(s.start())
                .expect("every body offset maps back");
            assert!(original[o..].starts_with(text), "{}: {text:?}", a.id());
        }
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let p = dir.join(name);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

#[test]
fn every_format_loads_and_every_bad_file_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.json", br#"{"title": "One", "date": "2023-05-04", "source": "Wire", "url": "https://example.org/1", "byline": "Ann Lee", "text": "Ann Lee reported from Oslo. The minister spoke."}"#);
    write(d, "b.json", br#"[{"title": "Two", "published": "2023-05-05", "body": "First record body."}, {"title": "Three", "content": "Second record body."}, {"title": 5, "text": "wrong type"}]"#);
    write(d, "c.jsonl", b"{\"title\": \"L1\", \"text\": \"Line one body.\"}\n\n{\"title\": \"L2\", \"text\": \"Line two body.\"}\n{not json}\n");
    write(d, "d.md", b"---\ntitle: Front Matter\ndate: 2022-01-31\nsource: Gazette\n---\n# Heading kept as title?\nParagraph one.\n");
    write(
        d,
        "sub/e.txt",
        b"Plain text article without any header at all. It has two sentences.",
    );
    write(
        d,
        "bad_utf8.txt",
        b"Caf\xe9 owners in Lyon met the mayor. Fine.",
    );
    write(d, "binary.txt", b"\x00\x01\x02\x03binary\x00stuff");
    write(d, "empty.txt", b"   \n");
    write(d, "malformed.json", b"{\"title\": \"x\",\n  \"text\": }");
    write(d, "notes.csv", b"a,b,c");
    write(
        d,
        "unclosed.md",
        b"---\ntitle: Never closed\nThe body goes on.",
    );
    let model =
        build_model(&source(&[d.to_path_buf()])).expect("a folder with some good files loads");

    let ids: Vec<&str> = model.articles.iter().map(|a| a.id()).collect();
    assert_eq!(
        ids,
        vec![
            "a", "b#1", "b#2", "bad_utf8", "c#1", "c#2", "d", "e", "unclosed"
        ]
    );
    let a = &model.articles[0];
    assert_eq!(a.raw.title, "One");
    assert_eq!(a.raw.source.as_deref(), Some("Wire"));
    assert_eq!(a.raw.byline.as_deref(), Some("Ann Lee"));
    assert_eq!(a.published().unwrap().basis, "metadata");
    let d_md = &model.articles[6];
    assert_eq!(d_md.raw.title, "Front Matter");
    assert_eq!(d_md.published().unwrap().date.value(), "2022-01-31");
    assert_eq!(d_md.raw.source.as_deref(), Some("Gazette"));
    let bad = &model.articles[3];
    assert!(
        bad.body().contains("Caf\u{FFFD} owners"),
        "invalid UTF-8 is decoded lossily"
    );

    let kinds = |kind: ProblemKind| model.problems.iter().filter(|p| p.kind == kind).count();
    assert_eq!(kinds(ProblemKind::NotUtf8), 1);
    assert_eq!(kinds(ProblemKind::Binary), 1);
    assert_eq!(kinds(ProblemKind::Empty), 1);
    assert_eq!(
        kinds(ProblemKind::MalformedJson),
        2,
        "malformed.json and the bad JSONL line"
    );
    assert_eq!(
        kinds(ProblemKind::BadRecord),
        1,
        "the record whose title is a number"
    );
    assert_eq!(kinds(ProblemKind::UnknownExtension), 1);
    assert_eq!(kinds(ProblemKind::UnclosedFrontMatter), 1);
    for p in &model.problems {
        assert!(
            p.path.starts_with(&d.display().to_string()),
            "problems carry their path: {p}"
        );
    }
    let malformed = model
        .problems
        .iter()
        .find(|p| p.path.ends_with("malformed.json"))
        .unwrap();
    assert!(
        malformed.message.contains("line 2"),
        "{}",
        malformed.message
    );
    let jsonl = model
        .problems
        .iter()
        .find(|p| p.path.ends_with("c.jsonl"))
        .unwrap();
    assert!(jsonl.message.contains("line 4"), "{}", jsonl.message);
}

#[test]
fn identical_articles_are_marked_as_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "first.txt",
        b"The council met on Monday. It voted.",
    );
    write(
        dir.path(),
        "second.txt",
        b"The council met on Monday.\r\nIt voted.",
    );
    // The same words with other whitespace, some of it not ASCII, and accented words.
    write(
        dir.path(),
        "third.txt",
        "The council met on\u{a0}Monday.\u{2003}It voted.".as_bytes(),
    );
    write(dir.path(), "x1.txt", "Zoë met José in Málaga.".as_bytes());
    write(
        dir.path(),
        "x2.txt",
        "Zoë  met\tJosé\u{a0}in Málaga.".as_bytes(),
    );
    // Not a duplicate: the same letters, other words.
    write(dir.path(), "x3.txt", "Zoë met José in Mál aga.".as_bytes());
    let model = build_model(&source(&[dir.path().to_path_buf()])).unwrap();
    let dup = |id: &str| {
        let a = model.article_by_id(id).unwrap();
        model.article(a).raw.duplicate_of.clone()
    };
    assert_eq!(dup("first"), None);
    assert_eq!(dup("second").as_deref(), Some("first"));
    assert_eq!(dup("third").as_deref(), Some("first"));
    assert_eq!(dup("x1"), None);
    assert_eq!(dup("x2").as_deref(), Some("x1"));
    assert_eq!(dup("x3"), None);
}

#[test]
fn missing_paths_and_empty_folders_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = build_model(&source(&[dir.path().join("nope")])).unwrap_err();
    assert!(err.to_string().contains("no such file"), "{err}");
    let err = build_model(&source(&[dir.path().to_path_buf()])).unwrap_err();
    assert!(err.to_string().contains("no articles found"), "{err}");
}

#[test]
fn export_is_deterministic_across_runs_and_argument_order() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x/one.txt",
        b"Maria Lopez met Carlos Ruiz in Madrid on March 3, 2021.",
    );
    write(
        dir.path(),
        "y/two.txt",
        b"Carlos Ruiz later criticised Maria Lopez.",
    );
    let (x, y) = (dir.path().join("x"), dir.path().join("y"));
    let one = to_json(
        &build_model(&source(&[x.clone(), y.clone()])).unwrap(),
        false,
    );
    let two = to_json(&build_model(&source(&[y, x])).unwrap(), false);
    assert_eq!(one, two);
    assert_eq!(to_json(&seeds(), true), to_json(&seeds(), true));
}

#[test]
fn export_bytes_do_not_depend_on_threads_and_pretty_is_the_same_document() {
    // Enough articles that the mentions and timexes span several of the writer's parallel
    // chunks.
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in storyline::synth::corpus(storyline::assets::bundled(), 200, 7) {
        write(dir.path(), &name, text.as_bytes());
    }
    let model = build_model(&source(&[dir.path().to_path_buf()])).unwrap();
    assert!(model.mentions.len() > 5000, "{}", model.mentions.len());
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let serial = one_thread.install(|| to_json(&model, false));
    let parallel = to_json(&model, false);
    assert_eq!(serial, parallel);
    let compact: serde_json::Value = serde_json::from_str(&parallel).unwrap();
    let pretty = to_json(&model, true);
    assert_eq!(
        compact,
        serde_json::from_str::<serde_json::Value>(&pretty).unwrap()
    );
    assert!(pretty.starts_with(
        "{\n  \"schema\": \"storyline/1\",\n  \"articles\": [\n    {\n      \"id\": "
    ));
}

#[test]
fn export_has_every_schema_key() {
    let json: serde_json::Value = serde_json::from_str(&to_json(&seeds(), false)).unwrap();
    assert_eq!(json["schema"], "storyline/1");
    for key in [
        "articles",
        "entities",
        "mentions",
        "timexes",
        "events",
        "relationships",
        "conflicts",
    ] {
        assert!(json[key].is_array(), "{key}");
    }
    let a = &json["articles"][0];
    for key in [
        "id",
        "path",
        "title",
        "byline",
        "source",
        "url",
        "published",
        "chars",
        "sentences",
        "duplicate_of",
    ] {
        assert!(a.get(key).is_some(), "article key {key}");
    }
    for key in ["date", "precision", "inferred", "basis"] {
        assert!(a["published"].get(key).is_some(), "published key {key}");
    }
    let e = &json["entities"][0];
    for key in ["id", "name", "kind", "aliases", "mentions", "articles"] {
        assert!(e.get(key).is_some(), "entity key {key}");
    }
    let m = &json["mentions"][0];
    for key in ["entity", "article", "start", "end", "text"] {
        assert!(m.get(key).is_some(), "mention key {key}");
    }
}

#[test]
fn bundled_inputs_are_the_seed_files_byte_for_byte() {
    for input in corpus::bundled_inputs() {
        let on_disk = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(&input.path)).unwrap();
        assert_eq!(on_disk, input.bytes, "{}", input.path);
    }
}

#[test]
fn a_header_block_without_fences_is_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.txt",
        b"Title: Judge blocks grocers' merger\nPublished: 2026-02-11\nSource: Valley Ledger\nByline: By Marta Oyelaran\nURL: https://example.org/a\n\nA federal judge blocked the merger on Tuesday.\n",
    );
    // Not a header: an unknown key, and a known one with the body right under it.
    write(d, "b.txt", b"Note: this is the body.\n\nIt goes on here.\n");
    write(
        d,
        "c.txt",
        b"Source: the body starts at once\nand goes on here.\n",
    );
    let m = build_model(&source(&[d.to_path_buf()])).unwrap();
    let a = m.articles.iter().find(|a| a.id() == "a").unwrap();
    assert_eq!(a.raw.title, "Judge blocks grocers' merger");
    assert_eq!(a.raw.source.as_deref(), Some("Valley Ledger"));
    assert_eq!(a.raw.byline.as_deref(), Some("Marta Oyelaran"));
    assert_eq!(a.raw.url.as_deref(), Some("https://example.org/a"));
    let p = a.raw.published.as_ref().unwrap();
    assert_eq!(
        (p.date.start.to_string(), &*p.basis),
        ("2026-02-11".to_string(), "metadata")
    );
    assert_eq!(a.body(), "A federal judge blocked the merger on Tuesday.");
    let b = m.articles.iter().find(|a| a.id() == "b").unwrap();
    assert!(b.body().starts_with("Note: this is the body."));
    let c = m.articles.iter().find(|a| a.id() == "c").unwrap();
    assert_eq!(
        c.raw.source, None,
        "a field line with the text right under it is text"
    );
    assert!(b.raw.title.starts_with("Note: this is the body."));
}
