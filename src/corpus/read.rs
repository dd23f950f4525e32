//! Finding inputs and turning their bytes into raw articles: the walk, decoding, and the three
//! formats (plain text/Markdown with optional front matter, JSON, JSONL).

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::clean::{self, Meta};
use super::sanitize::sanitize_line;
use super::{Corpus, Problem, ProblemKind, RawArticle};
use crate::time::parse_date;

/// One file's bytes, named by its display path.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: String,
    pub bytes: Vec<u8>,
}

const SEEDS: [(&str, &[u8]); 5] = [
    (
        "seeds/000_e126f8108d4afafb.txt",
        include_bytes!("../../seeds/000_e126f8108d4afafb.txt"),
    ),
    (
        "seeds/001_2ce521499c96dae8.txt",
        include_bytes!("../../seeds/001_2ce521499c96dae8.txt"),
    ),
    (
        "seeds/002_9f9615c6eb7a91fa.txt",
        include_bytes!("../../seeds/002_9f9615c6eb7a91fa.txt"),
    ),
    (
        "seeds/003_7debd8783ed00d29.txt",
        include_bytes!("../../seeds/003_7debd8783ed00d29.txt"),
    ),
    (
        "seeds/004_b90516f353409529.txt",
        include_bytes!("../../seeds/004_b90516f353409529.txt"),
    ),
];

/// The sample articles compiled into the binary, so `storyline` works from any directory.
pub fn bundled_inputs() -> Vec<Input> {
    SEEDS
        .iter()
        .map(|(p, b)| Input {
            path: (*p).to_string(),
            bytes: b.to_vec(),
        })
        .collect()
}

const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "json", "jsonl"];

/// Reads every file under `paths` (folders recursively, in sorted order; hidden entries whose
/// name starts with `.` are not articles and are passed over) into a corpus. A path that does
/// not exist is an error: the user mistyped something and should be told at once. Anything
/// wrong with a file found inside is a [`Problem`] and the walk goes on.
pub fn load_paths(paths: &[PathBuf]) -> io::Result<Corpus> {
    let (files, problems) = find_files(paths)?;
    Ok(load_files(
        &files,
        problems,
        &crate::progress::Progress::default(),
    ))
}

/// The article files under `paths`, sorted, with the problems of the walk. Fast: nothing is
/// read, so a mistyped path is reported before any work.
pub fn find_files(paths: &[PathBuf]) -> io::Result<(Vec<PathBuf>, Vec<Problem>)> {
    for p in paths {
        if fs::metadata(p).is_err() && fs::symlink_metadata(p).is_err() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{}: no such file or directory", p.display()),
            ));
        }
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut seen_dirs = HashSet::new();
    for p in paths {
        walk(p, &mut files, &mut problems, &mut seen_dirs);
    }
    // Sorted by path, so the same files given in any order load identically.
    files.sort();
    files.dedup();
    Ok((files, problems))
}

/// Threads that read files. Reading a corpus that is not in the page cache waits on the disk,
/// and a disk answers several requests at once: eight readers read a cold 100,000-file corpus
/// about three times as fast as two (the cores).
const READERS: usize = 8;

/// Reads `files` (in parallel, in order) into a corpus, counting files and bytes in
/// `progress`. Each reader decodes and cleans the file it read before it reads the next, so a
/// file's bytes are freed as soon as its article is made: the corpus's raw bytes are never all
/// held beside its articles (at 100,000 articles that was 200 MB more, and the holes they left
/// stayed resident), and the cleaning of one file overlaps the reading of others.
pub fn load_files(
    files: &[PathBuf],
    problems: Vec<Problem>,
    progress: &crate::progress::Progress,
) -> Corpus {
    use std::sync::atomic::{AtomicUsize, Ordering};
    progress.files_total.store(files.len(), Ordering::Relaxed);
    let next = AtomicUsize::new(0);
    let read = |f: &PathBuf| {
        let path = display_path(f);
        let parsed = match fs::read(f) {
            Ok(bytes) => {
                progress
                    .bytes_read
                    .fetch_add(bytes.len() as u64, Ordering::Relaxed);
                parse(Input { path, bytes })
            }
            Err(e) => (
                Vec::new(),
                vec![Problem {
                    path,
                    kind: ProblemKind::Unreadable,
                    skipped: true,
                    message: format!("cannot read: {e}"),
                }],
            ),
        };
        crate::progress::Progress::add(&progress.files_read, 1);
        parsed
    };
    // Each reader takes the next file and keeps what it made of it with its index. This
    // thread is one of them, so the files are read even where no thread can be started.
    let reader = || {
        let mut got = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(f) = files.get(i) else { break got };
            got.push((i, read(f)));
        }
    };
    let mut results: Vec<(usize, Parsed)> = std::thread::scope(|s| {
        let others: Vec<_> = (1..READERS.min(files.len()))
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(s, reader).ok())
            .collect();
        let mut results = reader();
        for r in others {
            results.extend(r.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        results
    });
    results.sort_unstable_by_key(|r| r.0);
    let parsed: Vec<Parsed> = results.into_iter().map(|(_, p)| p).collect();
    // The walk's problems come first, then each file's, in file order.
    finish(parsed, problems)
}

fn display_path(p: &Path) -> String {
    sanitize_line(&p.to_string_lossy()).into_owned()
}

fn walk(
    p: &Path,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
    seen_dirs: &mut HashSet<PathBuf>,
) {
    let meta = match fs::metadata(p) {
        Ok(m) => m,
        Err(e) => {
            problems.push(Problem {
                path: display_path(p),
                kind: ProblemKind::Unreadable,
                skipped: true,
                message: format!("cannot read: {e}"),
            });
            return;
        }
    };
    if meta.is_dir() {
        // A symlink loop or a folder reached twice is read once.
        let canon = fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if !seen_dirs.insert(canon) {
            return;
        }
        let entries = match fs::read_dir(p) {
            Ok(rd) => rd,
            Err(e) => {
                problems.push(Problem {
                    path: display_path(p),
                    kind: ProblemKind::Unreadable,
                    skipped: true,
                    message: format!("cannot list folder: {e}"),
                });
                return;
            }
        };
        // The listing says which entries are plain files: those need no `stat` of their own
        // (a cold 100,000-file folder spent seconds on them). Anything else (a folder, a
        // link) is walked as a path.
        let mut children: Vec<(PathBuf, bool)> = entries
            .filter_map(|e| {
                let e = e.ok()?;
                Some((e.path(), e.file_type().is_ok_and(|t| t.is_file())))
            })
            .collect();
        children.sort();
        for (c, plain) in children {
            let hidden = c
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if plain {
                file(c, files, problems);
            } else {
                walk(&c, files, problems, seen_dirs);
            }
        }
    } else {
        file(p.to_path_buf(), files, problems);
    }
}

/// A file found by the walk: an article file, or a problem.
fn file(p: PathBuf, files: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    if has_article_extension(&p) {
        files.push(p);
    } else {
        problems.push(Problem {
            path: display_path(&p),
            kind: ProblemKind::UnknownExtension,
            skipped: true,
            message: "not an article file (expected .txt, .md, .json or .jsonl)".into(),
        });
    }
}

fn has_article_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Decodes and parses every input into articles, in input order; then gives ids and marks
/// duplicates. Never fails: what cannot be read becomes a problem.
pub fn load(inputs: Vec<Input>, problems: Vec<Problem>) -> Corpus {
    use rayon::prelude::*;
    // Each input is decoded and cleaned on its own, in parallel. The inputs are taken: a
    // file's bytes become its text without a copy.
    finish(inputs.into_par_iter().map(parse).collect(), problems)
}

/// One input's articles and problems.
type Parsed = (Vec<RawArticle>, Vec<Problem>);

/// Decodes and parses one input.
fn parse(input: Input) -> Parsed {
    // Room for one article: most files hold one, and an empty vector's first push would
    // make room for four (over a kilobyte a file, until the join).
    let (mut articles, mut problems) = (Vec::with_capacity(1), Vec::new());
    read_input(input, &mut articles, &mut problems);
    (articles, problems)
}

/// Joins the inputs' articles and problems in input order, after `problems`; then gives ids
/// and marks duplicates.
fn finish(parsed: Vec<Parsed>, mut problems: Vec<Problem>) -> Corpus {
    let mut articles = Vec::with_capacity(parsed.iter().map(|r| r.0.len()).sum());
    for (a, p) in parsed {
        articles.extend(a);
        problems.extend(p);
    }
    assign_unique_ids(&mut articles);
    mark_duplicates(&mut articles);
    Corpus { articles, problems }
}

fn extension(path: &str) -> String {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn stem(path: &str) -> String {
    let s = Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    sanitize_line(s).into_owned()
}

fn problem(path: &str, kind: ProblemKind, skipped: bool, message: impl Into<String>) -> Problem {
    Problem {
        path: path.to_string(),
        kind,
        skipped,
        message: message.into(),
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

/// Decodes the input's bytes as UTF-8 (BOM removed), lossily with a problem when they are not
/// valid. Takes the bytes: valid text becomes the string without a copy.
fn decode(input: &mut Input, problems: &mut Vec<Problem>) -> Option<String> {
    let bytes = &input.bytes;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        problems.push(problem(&input.path, ProblemKind::Empty, true, "empty file"));
        return None;
    }
    if looks_binary(bytes) {
        problems.push(problem(
            &input.path,
            ProblemKind::Binary,
            true,
            "binary file, not text",
        ));
        return None;
    }
    let mut bytes = std::mem::take(&mut input.bytes);
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(s) => Some(s),
        Err(e) => {
            problems.push(problem(
                &input.path,
                ProblemKind::NotUtf8,
                false,
                format!(
                    "not valid UTF-8 (first bad byte at offset {}); decoded with replacement characters",
                    e.utf8_error().valid_up_to()
                ),
            ));
            Some(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}

fn read_input(mut input: Input, articles: &mut Vec<RawArticle>, problems: &mut Vec<Problem>) {
    let Some(text) = decode(&mut input, problems) else {
        return;
    };
    let input = &input;
    match extension(&input.path).as_str() {
        "json" => read_json(input, &text, articles, problems),
        "jsonl" => read_jsonl(input, &text, articles, problems),
        _ => read_text(input, text, articles, problems),
    }
}

fn read_text(
    input: &Input,
    text: String,
    articles: &mut Vec<RawArticle>,
    problems: &mut Vec<Problem>,
) {
    let (meta, rest) = match clean::split_front_matter(&text) {
        Ok((meta, rest)) => (meta, text.len() - rest.len()),
        Err(msg) => {
            problems.push(problem(
                &input.path,
                ProblemKind::UnclosedFrontMatter,
                false,
                msg,
            ));
            (Meta::default(), 0)
        }
    };
    push_article(
        input,
        stem(&input.path),
        meta,
        &text[rest..],
        articles,
        problems,
    );
}

fn push_article(
    input: &Input,
    id: String,
    meta: Meta,
    original: &str,
    articles: &mut Vec<RawArticle>,
    problems: &mut Vec<Problem>,
) {
    let too_large = || {
        problem(
            &input.path,
            ProblemKind::TooLarge,
            true,
            format!(
                "article text over {} bytes, more than storyline reads",
                crate::text::MAX_BODY
            ),
        )
    };
    if original.len() > crate::text::MAX_BODY {
        problems.push(too_large());
        return;
    }
    match clean::build_article(id, &input.path, meta, original) {
        Some(a) if a.body.len() > crate::text::MAX_BODY => problems.push(too_large()),
        Some(a) => articles.push(a),
        None => problems.push(problem(
            &input.path,
            ProblemKind::Empty,
            true,
            "no article text",
        )),
    }
}

fn read_json(
    input: &Input,
    text: &str,
    articles: &mut Vec<RawArticle>,
    problems: &mut Vec<Problem>,
) {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            problems.push(problem(
                &input.path,
                ProblemKind::MalformedJson,
                true,
                format!(
                    "malformed JSON at line {}, column {}: {e}",
                    e.line(),
                    e.column()
                ),
            ));
            return;
        }
    };
    let stem = stem(&input.path);
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let id = format!("{stem}#{}", i + 1);
                read_record(
                    input,
                    id,
                    item,
                    &format!("record {}", i + 1),
                    articles,
                    problems,
                );
            }
        }
        other => read_record(
            input,
            stem,
            &other,
            "the top-level value",
            articles,
            problems,
        ),
    }
}

fn read_jsonl(
    input: &Input,
    text: &str,
    articles: &mut Vec<RawArticle>,
    problems: &mut Vec<Problem>,
) {
    let stem = stem(&input.path);
    let mut n = 0;
    for (lineno, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        let at = format!("line {}", lineno + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(v) => read_record(input, format!("{stem}#{n}"), &v, &at, articles, problems),
            Err(e) => problems.push(problem(
                &input.path,
                ProblemKind::MalformedJson,
                true,
                format!(
                    "malformed JSON at line {}, column {}: {e}; record skipped",
                    lineno + 1,
                    e.column()
                ),
            )),
        }
    }
}

/// One JSON article object. Unknown fields are ignored; a known field of the wrong type is a
/// problem for that record, which is skipped.
fn read_record(
    input: &Input,
    id: String,
    value: &Value,
    at: &str,
    articles: &mut Vec<RawArticle>,
    problems: &mut Vec<Problem>,
) {
    let Value::Object(obj) = value else {
        problems.push(problem(
            &input.path,
            ProblemKind::BadRecord,
            true,
            format!("{at}: not an article object"),
        ));
        return;
    };
    let mut bad = Vec::new();
    let mut field = |names: &[&str]| -> Option<String> {
        for n in names {
            match obj.get(*n) {
                Some(Value::String(s)) => return Some(s.clone()),
                Some(Value::Null) | None => {}
                Some(_) => bad.push(format!("`{n}` is not a string")),
            }
        }
        None
    };
    let meta = Meta {
        title: field(&["title", "headline"]),
        date: field(&["date", "published", "published_at", "datePublished"]),
        source: field(&["source", "publisher"]),
        url: field(&["url", "link"]),
        byline: field(&["byline", "author"]),
    };
    let body = field(&["text", "body", "content"]);
    if !bad.is_empty() {
        problems.push(problem(
            &input.path,
            ProblemKind::BadRecord,
            true,
            format!("{at}: {}", bad.join(", ")),
        ));
        return;
    }
    let Some(body) = body else {
        problems.push(problem(
            &input.path,
            ProblemKind::BadRecord,
            true,
            format!("{at}: no `text`, `body` or `content` field"),
        ));
        return;
    };
    if meta
        .date
        .as_deref()
        .is_some_and(|d| parse_date(d).is_none())
    {
        problems.push(problem(
            &input.path,
            ProblemKind::BadRecord,
            false,
            format!(
                "{at}: date {:?} not understood; left undated",
                meta.date.as_deref().unwrap_or("")
            ),
        ));
    }
    push_article(input, id, meta, &body, articles, problems);
}

fn assign_unique_ids(articles: &mut [RawArticle]) {
    let mut used: HashMap<String, usize> = HashMap::new();
    for a in articles.iter_mut() {
        let n = used.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            a.id = format!("{}-{}", a.id, n);
        }
    }
}

fn mark_duplicates(articles: &mut [RawArticle]) {
    use rayon::prelude::*;
    use std::hash::{BuildHasher, Hasher};
    // Bodies are compared word by word (whitespace does not count): by a hash first, then in
    // full on a hash match. The hash reads the printable ASCII bytes, in runs: bodies with the
    // same words have the same runs, whatever whitespace (ASCII or not) lies between them.
    let hashes: Vec<u64> = articles
        .par_iter()
        .map(|a| {
            // The project's hasher, with a fixed seed: only equal hashes are compared further.
            let mut h = foldhash::fast::FixedState::default().build_hasher();
            for run in a.body.as_bytes().split(|b| !b.is_ascii_graphic()) {
                if !run.is_empty() {
                    h.write(run);
                }
            }
            h.finish()
        })
        .collect();
    let mut first: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, &h) in hashes.iter().enumerate() {
        let earlier = first.entry(h).or_default();
        let same = earlier.iter().copied().find(|&j| {
            articles[j]
                .body
                .split_whitespace()
                .eq(articles[i].body.split_whitespace())
        });
        match same {
            Some(j) => articles[i].duplicate_of = Some(articles[j].id.clone()),
            None => earlier.push(i),
        }
    }
}
