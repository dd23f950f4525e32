//! The corpus: finding, reading and cleaning article files. It knows nothing of entities.
//!
//! Reading is permissive and lossless in the sense that matters: every file either becomes
//! articles or a [`Problem`] with its path and reason, and the load goes on. Each article keeps
//! its original text for citation; the cleaned, sanitised `body` is what the extractor reads
//! and the reader shows, and `body_map` maps any body offset back into the original.
//!
//! The original is kept as what the body leaves out ([`Original`]): most of an article's
//! original is its body, and holding both in full doubled the text a corpus keeps in memory.
//! [`RawArticle::original`] rebuilds it, byte for byte.

mod clean;
mod read;
pub mod sanitize;

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::time::DateValue;

pub use read::{Input, bundled_inputs, find_files, load, load_files, load_paths};

/// Where a publication date came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub date: DateValue,
    /// True when the date was inferred from the text rather than stated as the article's date.
    pub inferred: bool,
    /// `metadata`, `dateline`, or for inferred dates the phrase the inference rests on.
    pub basis: String,
}

/// A stretch of the body copied from the original text: `len` bytes at `body` in the body are
/// the `len` bytes at `original` in the original text. Offsets are `u32` (12 bytes a segment
/// rather than 24): an article is refused when its text or its body is longer than a span can
/// address ([`crate::text::MAX_BODY`]), and cleaning stops at a body offset past it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    body: u32,
    original: u32,
    len: u32,
}

impl Segment {
    pub fn new(body: usize, original: usize, len: usize) -> Segment {
        let offset = |x: usize| u32::try_from(x).expect("offsets are checked against MAX_BODY");
        Segment {
            body: offset(body),
            original: offset(original),
            len: offset(len),
        }
    }

    /// Where the stretch starts in the body.
    pub fn body(&self) -> usize {
        self.body as usize
    }

    /// Where the stretch starts in the original text.
    pub fn original(&self) -> usize {
        self.original as usize
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Never true of a body's segment (cleaning keeps no empty stretch).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// One article as read from its file, before any extraction.
#[derive(Debug, Clone)]
pub struct RawArticle {
    /// File stem; `stem#N` for the Nth record of a JSON or JSONL file; `-2`, `-3` appended when
    /// two files share a stem.
    pub id: String,
    /// The path as given (display form, sanitised).
    pub path: String,
    pub title: String,
    /// Whether the title was given (metadata or headline line) rather than taken from the
    /// first sentence.
    pub title_given: bool,
    pub byline: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<Published>,
    /// The article text as decoded from the file (front matter removed), for citation: kept as
    /// its difference from the body ([`RawArticle::original`] rebuilds it).
    pub original: Original,
    /// Cleaned, sanitised text: paragraphs separated by one blank line.
    pub body: String,
    pub body_map: Vec<Segment>,
    /// Id of an earlier article with the same body.
    pub duplicate_of: Option<String>,
}

/// An article's original text as its difference from the body: the original is the body's
/// segments ([`RawArticle::body_map`]) in order, with the text cleaning dropped between them,
/// and the characters the sanitiser replaced put back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Original {
    /// The original's length in bytes.
    len: usize,
    /// What cleaning dropped, in order: the text before the first segment, between each two,
    /// and after the last.
    dropped: String,
    /// Characters of the original that the body shows sanitised: (original offset, character).
    /// Each replacement has the character's UTF-8 length.
    replaced: Vec<(usize, char)>,
}

impl Original {
    /// The difference between `original` and `body`, which holds `original`'s segments (laid
    /// out by `map`) sanitised ([`sanitize`](crate::corpus::sanitize)).
    pub(crate) fn diff(original: &str, body: &str, map: &[Segment]) -> Original {
        let mut dropped = String::new();
        let mut replaced = Vec::new();
        let mut pos = 0;
        for s in map {
            dropped.push_str(&original[pos..s.original()]);
            pos = s.original() + s.len();
            let kept = &original[s.original()..pos];
            // Bytes compare faster than characters decode: only a segment the sanitiser
            // changed is searched for what it replaced.
            if kept.as_bytes() != &body.as_bytes()[s.body()..s.body() + s.len()] {
                replaced.extend(
                    kept.char_indices()
                        .filter(|&(_, c)| sanitize::is_unsafe(c))
                        .map(|(i, c)| (s.original() + i, c)),
                );
            }
        }
        dropped.push_str(&original[pos..]);
        Original {
            len: original.len(),
            dropped: crate::exact::string(dropped),
            replaced,
        }
    }
}

impl RawArticle {
    /// The article text as decoded from the file (front matter removed), rebuilt from the body
    /// and what cleaning dropped.
    pub fn original(&self) -> String {
        let o = &self.original;
        let mut out = String::with_capacity(o.len);
        let (mut pos, mut at) = (0, 0);
        for s in &self.body_map {
            let gap = s.original() - pos;
            out.push_str(&o.dropped[at..at + gap]);
            at += gap;
            out.push_str(&self.body[s.body()..s.body() + s.len()]);
            pos = s.original() + s.len();
        }
        out.push_str(&o.dropped[at..]);
        for &(i, c) in &o.replaced {
            out.replace_range(i..i + c.len_utf8(), c.encode_utf8(&mut [0; 4]));
        }
        out
    }

    /// Maps a body offset to an offset into `original`.
    pub fn original_offset(&self, body_offset: usize) -> Option<usize> {
        self.body_map
            .iter()
            .find(|s| s.body() <= body_offset && body_offset <= s.body() + s.len())
            .map(|s| s.original() + (body_offset - s.body()))
    }
}

/// What went wrong with one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    Unreadable,
    NotUtf8,
    Binary,
    Empty,
    MalformedJson,
    BadRecord,
    UnknownExtension,
    UnclosedFrontMatter,
    /// An article longer than storyline reads ([`crate::text::MAX_BODY`], 1 GiB).
    TooLarge,
}

/// A file skipped or repaired at load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
    /// Whether the input (or the record) was skipped; otherwise it was loaded after a repair.
    pub skipped: bool,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.skipped { "skipped" } else { "repaired" };
        write!(f, "{}: {what}: {}", self.path, self.message)
    }
}

/// Everything read from the inputs.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<RawArticle>,
    pub problems: Vec<Problem>,
}

/// Paths given on the command line, or the bundled seeds.
#[derive(Debug, Clone)]
pub enum Source {
    Bundled,
    Paths(Vec<PathBuf>),
}
