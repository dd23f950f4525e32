//! The `storyline/1` JSON export (schema in `README.md`). The export structs borrow from the
//! model and mirror the schema field for field, so the schema is visible in one place.

use std::borrow::Cow;
use std::io::Write as _;

use serde::Serialize;

use super::{Modality, Model};
use crate::extract::Anchor;
use crate::text::Span;
use crate::time::{DateText, iso_day};

#[derive(Serialize)]
struct PublishedOut<'a> {
    date: DateText,
    precision: &'static str,
    inferred: bool,
    basis: &'a str,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    byline: Option<&'a str>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<PublishedOut<'a>>,
    chars: usize,
    /// Sentence spans as `[start, end]` byte offsets into the body.
    sentences: Pairs<'a>,
    duplicate_of: Option<&'a str>,
    /// The cleaned body all offsets point into.
    body: &'a str,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: u32,
    name: &'a str,
    kind: &'static str,
    aliases: &'a [Box<str>],
    titles: &'a [Box<str>],
    mentions: usize,
    /// Collected before serialising (like events' evidence): looking the ids up while
    /// serialising, through a lazy sequence, measured slower on the 10k corpus.
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    entity: u32,
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct TimexOut<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    value: DateText,
    precision: &'static str,
    vague: bool,
    anchor: Cow<'static, str>,
}

#[derive(Serialize)]
struct WhenOut {
    start: DateText,
    end: DateText,
    precision: &'static str,
    inferred: bool,
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: u32,
    kind: &'a str,
    tone: f32,
    modality: &'static str,
    actor: Option<u32>,
    target: Option<u32>,
    participants: &'a [super::EntityId],
    when: Option<WhenOut>,
    summary: Cow<'a, str>,
    evidence: Vec<EvidenceOut<'a>>,
}

#[derive(Serialize)]
struct RelationshipOut<'a> {
    a: u32,
    b: u32,
    events: &'a [super::EventId],
}

impl Serialize for super::EventId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

impl Serialize for super::EntityId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

/// Spans as an array of `[start, end]` pairs, written as they are read.
struct Pairs<'a>(&'a [Span]);

impl Serialize for Pairs<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|span| [span.start(), span.end()]))
    }
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    value: &'a str,
    article: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct ConflictOut<'a> {
    entity: u32,
    about: &'a str,
    claims: Vec<ClaimOut<'a>>,
}

fn modality(m: Modality) -> &'static str {
    m.as_str()
}

/// The model as `storyline/1` JSON.
pub fn to_json(model: &Model, pretty: bool) -> String {
    let mut out = Vec::new();
    write_json(model, pretty, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// The model as `storyline/1` JSON, streamed to `out`: a corpus's export is never held in
/// memory whole. Each section's records are serialised in parallel, in chunks, and written in
/// order; the bytes are those of serde_json's writer over the whole document (compact or
/// pretty), so the output does not depend on the number of threads.
pub fn write_json(
    model: &Model,
    pretty: bool,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut w = Writer {
        out: std::io::BufWriter::with_capacity(1 << 16, out),
        pretty,
        fields: 0,
        chunks: Vec::new(),
    };
    w.out.write_all(b"{")?;
    w.field("schema", |out| {
        serde_json::to_writer(out, "storyline/1").map_err(Into::into)
    })?;
    w.section("articles", &model.articles, ARTICLE_CHUNK, cold, |_, a| {
        article(a)
    })?;
    w.section(
        "entities",
        &model.entities,
        CHUNK,
        |e| warm_entity(model, e),
        |_, e| entity(model, e),
    )?;
    // Each mention's article, in a list made once (4 bytes a mention, only while writing).
    // Found by a binary search over the articles for each mention instead, the mentions
    // section at 100,000 articles took 276-304 ms rather than 192-253.
    let article_of: Vec<u32> = {
        use rayon::prelude::*;
        model
            .articles
            .par_iter()
            .enumerate()
            .flat_map_iter(|(ai, a)| std::iter::repeat_n(ai as u32, a.mentions.len()))
            .collect()
    };
    w.section("mentions", &model.mentions, CHUNK, cold, |i, m| {
        let a = &model.articles[article_of[i] as usize];
        MentionOut {
            entity: m.entity.0,
            article: a.id(),
            start: m.span.start(),
            end: m.span.end(),
            text: m.span.of(a.body()),
        }
    })?;
    w.section("timexes", &model.timexes, CHUNK, cold, |_, t| {
        timex(model, t)
    })?;
    w.section(
        "events",
        &model.events,
        CHUNK,
        |e| warm_event(model, e),
        |_, e| event(model, e),
    )?;
    w.section(
        "relationships",
        &model.relationships,
        CHUNK,
        cold,
        |_, r| RelationshipOut {
            a: r.a.0,
            b: r.b.0,
            events: &r.events,
        },
    )?;
    w.section("conflicts", &model.conflicts, CHUNK, cold, |_, c| {
        conflict(model, c)
    })?;
    w.section("problems", &model.problems, CHUNK, cold, |_, p| p)?;
    w.out.write_all(if pretty { b"\n}\n" } else { b"}\n" })?;
    w.out.flush()
}

/// Writes the top-level object field by field, in serde_json's compact or pretty layout.
struct Writer<W: std::io::Write> {
    out: std::io::BufWriter<W>,
    pretty: bool,
    fields: usize,
    /// One buffer per parallel chunk.
    chunks: Vec<Vec<u8>>,
}

/// Records whose scattered reads are made together, before they are written.
const WARM: usize = 32;

/// For a section whose records read nothing scattered.
fn cold<T>(_: &T) -> usize {
    0
}

/// Reads the first byte of what writing event `e` will read from elsewhere in memory: its
/// participants, and each article record, id and text it cites. Events are in time order and
/// cite articles anywhere in the corpus, so each of these reads misses the cache. Made for many
/// events in a row, with nothing waiting on them, the misses overlap; made while writing each
/// event, they came one at a time (the JSON stage at 100,000 articles: 1.8-2.0 s before,
/// 1.25-1.45 s after).
fn warm_event(model: &Model, e: &super::Event) -> usize {
    let cited = |v: &super::Evidence| {
        let a = model.article(v.article);
        byte_at(a.id(), 0) ^ byte_at(a.body(), v.span.start())
    };
    let participant = e.participants.first().map_or(0, |p| p.0 as usize);
    e.evidence
        .iter()
        .fold(participant ^ cited(&e.summary), |n, v| n ^ cited(v))
}

/// Like [`warm_event`], for an entity's articles' ids.
fn warm_entity(model: &Model, e: &super::Entity) -> usize {
    e.articles
        .iter()
        .fold(0, |n, &a| n ^ byte_at(model.article(a).id(), 0))
}

/// The byte at `at` of `s` (0 past its end), read for [`warm_event`].
fn byte_at(s: &str, at: usize) -> usize {
    usize::from(s.as_bytes().get(at).copied().unwrap_or(0))
}

/// Parallel tasks per thread in each group of chunks: with one, a thread whose chunk wrote
/// faster waited for the other's (the JSON stage at 100,000 articles was 0.1 s slower).
const TASKS_PER_THREAD: usize = 4;

/// Records serialised per parallel task.
const CHUNK: usize = 2048;

/// Articles serialised per parallel task: an article carries its body, so a task's buffer of
/// `CHUNK` articles was megabytes (the export's peak at 10k); smaller chunks of the small
/// records measured slower.
const ARTICLE_CHUNK: usize = 256;

/// serde_json's pretty layout (`PrettyFormatter`, two-space indent) for a record that is an
/// element of a section: it starts two levels deep (in the top-level object, in the section's
/// array), so its lines are indented as they are in the whole document. Each line break and
/// its indent is one write.
struct RecordLayout {
    depth: usize,
    has_value: bool,
}

impl RecordLayout {
    fn new() -> Self {
        RecordLayout {
            depth: 2,
            has_value: false,
        }
    }

    /// An array or object opens: one level deeper, nothing in it yet.
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// An array or object closes: on a line of its own unless it was empty.
    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, false)?;
        }
        w.write_all(bracket)
    }

    /// A line break (after a comma if `comma`) and the current depth's indent.
    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W, comma: bool) -> std::io::Result<()> {
        const BREAK: &[u8] = b",\n                                ";
        let from = if comma { 0 } else { 1 };
        let spaces = 2 * self.depth;
        match BREAK.get(from..2 + spaces) {
            Some(line) => w.write_all(line),
            None => {
                w.write_all(&BREAK[from..2])?;
                (0..spaces).try_for_each(|_| w.write_all(b" "))
            }
        }
    }
}

impl serde_json::ser::Formatter for RecordLayout {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, !first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, !first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

impl<W: std::io::Write> Writer<W> {
    fn field(
        &mut self,
        name: &str,
        value: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let mut buf = Vec::new();
        if self.fields > 0 {
            buf.push(b',');
        }
        if self.pretty {
            buf.extend_from_slice(b"\n  ");
        }
        serde_json::to_writer(&mut buf, name)?;
        buf.extend_from_slice(if self.pretty { b": " } else { b":" });
        value(&mut buf)?;
        self.fields += 1;
        self.out.write_all(&buf)
    }

    /// A field whose value is the array of `items`, each written as `record` makes it from
    /// its index and itself, `per_task` records to a parallel task. A task first reads, for
    /// [`WARM`] records at a time, what `warm` reads of each (see [`warm_event`]), then
    /// writes them.
    fn section<'a, T: Sync, O: Serialize>(
        &mut self,
        name: &str,
        items: &'a [T],
        per_task: usize,
        warm: impl Fn(&'a T) -> usize + Sync,
        record: impl Fn(usize, &'a T) -> O + Sync,
    ) -> std::io::Result<()> {
        use rayon::prelude::*;
        let pretty = self.pretty;
        self.field(name, |buf| {
            buf.push(b'[');
            Ok(())
        })?;
        // A few chunks at a time per thread, written in order: memory stays bounded. The
        // chunks' buffers are reused from group to group and section to section.
        let tasks = rayon::current_num_threads().max(1) * TASKS_PER_THREAD;
        if self.chunks.len() < tasks {
            self.chunks.resize_with(tasks, Vec::new);
        }
        for (gi, group) in items.chunks(per_task * tasks).enumerate() {
            let bufs = &mut self.chunks[..group.len().div_ceil(per_task)];
            bufs.par_iter_mut()
                .zip(group.par_chunks(per_task))
                .enumerate()
                .try_for_each(|(ci, (slot, chunk))| -> std::io::Result<()> {
                    // Written through a Vec of this task's own: the slots' Vec headers share a
                    // cache line, and updating one from every thread would be false sharing.
                    let mut buf = std::mem::take(slot);
                    buf.clear();
                    for (i, item) in chunk.iter().enumerate() {
                        if i % WARM == 0 {
                            let ahead = chunk[i..].iter().take(WARM);
                            std::hint::black_box(ahead.fold(0, |n, x| n ^ warm(x)));
                        }
                        if gi > 0 || ci > 0 || i > 0 {
                            buf.push(b',');
                        }
                        let index = (gi * tasks + ci) * per_task + i;
                        if pretty {
                            buf.extend_from_slice(b"\n    ");
                            let mut ser = serde_json::Serializer::with_formatter(
                                &mut buf,
                                RecordLayout::new(),
                            );
                            record(index, item).serialize(&mut ser)?;
                        } else {
                            serde_json::to_writer(&mut buf, &record(index, item))?;
                        }
                    }
                    *slot = buf;
                    Ok(())
                })?;
            for buf in bufs.iter() {
                self.out.write_all(buf)?;
            }
        }
        if pretty && !items.is_empty() {
            self.out.write_all(b"\n  ")?;
        }
        self.out.write_all(b"]")
    }
}

fn article(a: &super::Article) -> ArticleOut<'_> {
    ArticleOut {
        id: a.id(),
        path: &a.raw.path,
        title: &a.raw.title,
        byline: a.raw.byline.as_deref(),
        source: a.raw.source.as_deref(),
        url: a.raw.url.as_deref(),
        published: a.published().map(|p| PublishedOut {
            date: p.date.text(),
            precision: p.date.precision.as_str(),
            inferred: p.inferred,
            basis: &p.basis,
        }),
        chars: a.body().chars().count(),
        sentences: Pairs(&a.sentences),
        duplicate_of: a.raw.duplicate_of.as_deref(),
        body: a.body(),
    }
}

fn entity<'a>(model: &'a Model, e: &'a super::Entity) -> EntityOut<'a> {
    EntityOut {
        id: e.id.0,
        name: &e.name,
        kind: e.kind.as_str(),
        aliases: &e.aliases,
        titles: &e.titles,
        mentions: e.mentions.len(),
        articles: e.articles.iter().map(|&a| model.article(a).id()).collect(),
    }
}

fn timex<'a>(model: &'a Model, t: &'a super::TimexRec) -> TimexOut<'a> {
    let x = &t.timex;
    let anchor = match x.anchor {
        Anchor::Absolute => "absolute".into(),
        Anchor::Published => "published".into(),
        Anchor::Corpus => "corpus".into(),
        Anchor::Timex(i) => {
            let at = model.article_timexes(t.article).get(i).map(|g| &g.timex);
            at.map_or("timex".into(), |a| {
                format!("timex:{}", a.span.start()).into()
            })
        }
    };
    TimexOut {
        article: model.article(t.article).id(),
        start: x.span.start(),
        end: x.span.end(),
        text: x.span.of(model.article(t.article).body()),
        value: x.value.text(),
        precision: x.value.precision.as_str(),
        vague: x.vague,
        anchor,
    }
}

fn event<'a>(model: &'a Model, e: &'a super::Event) -> EventOut<'a> {
    EventOut {
        id: e.id.0,
        kind: e.kind,
        tone: e.tone,
        modality: modality(e.modality),
        actor: e.actor.map(|x| x.0),
        target: e.target.map(|x| x.0),
        participants: &e.participants,
        when: e.when.map(|w| WhenOut {
            start: iso_day(w.value.start),
            end: iso_day(w.value.end),
            precision: w.value.precision.as_str(),
            inferred: w.inferred,
        }),
        summary: model.summary(e),
        evidence: e
            .evidence
            .iter()
            .map(|ev| EvidenceOut {
                article: model.article(ev.article).id(),
                start: ev.span.start(),
                end: ev.span.end(),
                text: ev.span.of(model.article(ev.article).body()),
            })
            .collect(),
    }
}

fn conflict<'a>(model: &'a Model, c: &'a super::Conflict) -> ConflictOut<'a> {
    ConflictOut {
        entity: c.entity.0,
        about: &c.about,
        claims: c
            .claims
            .iter()
            .map(|cl| ClaimOut {
                value: &cl.value,
                article: model.article(cl.article).id(),
                text: cl.span.of(model.article(cl.article).body()),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `value` as serde_json's `PrettyFormatter` lays it out, each line re-indented two levels.
    fn reindented(value: &impl Serialize) -> String {
        serde_json::to_string_pretty(value)
            .unwrap()
            .replace('\n', "\n    ")
    }

    fn laid_out(value: &impl Serialize) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, RecordLayout::new());
        value.serialize(&mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn same_layout(value: &impl Serialize) {
        assert_eq!(laid_out(value), reindented(value));
    }

    #[test]
    fn record_layout_is_pretty_formatters_two_levels_deep() {
        let model = crate::cli::build_model(&crate::corpus::Source::Bundled).unwrap();
        let m = &model;
        m.articles.iter().for_each(|a| same_layout(&article(a)));
        m.entities.iter().for_each(|e| same_layout(&entity(m, e)));
        m.timexes.iter().for_each(|t| same_layout(&timex(m, t)));
        m.events.iter().for_each(|e| same_layout(&event(m, e)));
        m.conflicts
            .iter()
            .for_each(|c| same_layout(&conflict(m, c)));
        // Empty containers, and nesting deeper than one write of indent covers.
        let mut deep = serde_json::json!({"a": [], "b": {}, "c": [1, {"d": null}], "e": "x\ny"});
        for _ in 0..20 {
            deep = serde_json::json!([{"k": deep, "l": []}, {}]);
        }
        same_layout(&deep);
    }
}
