//! The `storyline/1` JSON export (schema in `README.md`). The export structs borrow from the
//! model and mirror the schema field for field, so the schema is visible in one place.

use std::io::Write as _;

use serde::Serialize;

use super::{Modality, Model};
use crate::extract::Anchor;

#[derive(Serialize)]
struct Export<'a> {
    schema: &'static str,
    articles: Vec<ArticleOut<'a>>,
    entities: Vec<EntityOut<'a>>,
    mentions: Vec<MentionOut<'a>>,
    timexes: Vec<TimexOut<'a>>,
    events: Vec<EventOut<'a>>,
    relationships: Vec<RelationshipOut<'a>>,
    conflicts: Vec<ConflictOut<'a>>,
    problems: Vec<&'a crate::corpus::Problem>,
}

#[derive(Serialize)]
struct PublishedOut<'a> {
    date: String,
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
    sentences: Vec<[usize; 2]>,
    duplicate_of: Option<&'a str>,
    /// The cleaned body all offsets point into.
    body: &'a str,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: u32,
    name: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    titles: &'a [String],
    mentions: usize,
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
    value: String,
    precision: &'static str,
    vague: bool,
    anchor: String,
}

#[derive(Serialize)]
struct WhenOut {
    start: String,
    end: String,
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
    participants: Vec<u32>,
    when: Option<WhenOut>,
    summary: &'a str,
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
/// memory whole.
pub fn write_json(
    model: &Model,
    pretty: bool,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let aid = |a: super::ArticleId| model.article(a).id();
    let articles = model
        .articles
        .iter()
        .map(|a| ArticleOut {
            id: a.id(),
            path: &a.raw.path,
            title: &a.raw.title,
            byline: a.raw.byline.as_deref(),
            source: a.raw.source.as_deref(),
            url: a.raw.url.as_deref(),
            published: a.published.as_ref().map(|p| PublishedOut {
                date: p.date.value(),
                precision: p.date.precision.as_str(),
                inferred: p.inferred,
                basis: &p.basis,
            }),
            chars: a.body().chars().count(),
            sentences: a.sentences.iter().map(|s| [s.start, s.end]).collect(),
            duplicate_of: a.raw.duplicate_of.as_deref(),
            body: a.body(),
        })
        .collect();
    let entities = model
        .entities
        .iter()
        .map(|e| EntityOut {
            id: e.id.0,
            name: &e.name,
            kind: e.kind.as_str(),
            aliases: &e.aliases,
            titles: &e.titles,
            mentions: e.mentions.len(),
            articles: e.articles.iter().map(|&a| aid(a)).collect(),
        })
        .collect();
    let mentions = model
        .mentions
        .iter()
        .map(|m| MentionOut {
            entity: m.entity.0,
            article: aid(m.article),
            start: m.span.start,
            end: m.span.end,
            text: m.text(model),
        })
        .collect();
    let timexes = model
        .timexes
        .iter()
        .map(|t| {
            let x = &t.timex;
            let anchor = match x.anchor {
                Anchor::Absolute => "absolute".to_string(),
                Anchor::Published => "published".to_string(),
                Anchor::Corpus => "corpus".to_string(),
                Anchor::Timex(i) => {
                    let article = model.article(t.article);
                    let at = article.timexes.get(i).map(|&g| &model.timexes[g].timex);
                    at.map_or("timex".to_string(), |a| format!("timex:{}", a.span.start))
                }
            };
            TimexOut {
                article: aid(t.article),
                start: x.span.start,
                end: x.span.end,
                text: &x.text,
                value: x.value.value(),
                precision: x.value.precision.as_str(),
                vague: x.vague,
                anchor,
            }
        })
        .collect();
    let events = model
        .events
        .iter()
        .map(|e| EventOut {
            id: e.id.0,
            kind: &e.kind,
            tone: e.tone,
            modality: modality(e.modality),
            actor: e.actor.map(|x| x.0),
            target: e.target.map(|x| x.0),
            participants: e.participants.iter().map(|x| x.0).collect(),
            when: e.when.map(|w| WhenOut {
                start: w.value.start.format("%Y-%m-%d").to_string(),
                end: w.value.end.format("%Y-%m-%d").to_string(),
                precision: w.value.precision.as_str(),
                inferred: w.inferred,
            }),
            summary: &e.summary,
            evidence: e
                .evidence
                .iter()
                .map(|ev| EvidenceOut {
                    article: aid(ev.article),
                    start: ev.span.start,
                    end: ev.span.end,
                    text: ev.span.of(model.article(ev.article).body()),
                })
                .collect(),
        })
        .collect();
    let relationships = model
        .relationships
        .iter()
        .map(|r| RelationshipOut {
            a: r.a.0,
            b: r.b.0,
            events: &r.events,
        })
        .collect();
    let conflicts = model
        .conflicts
        .iter()
        .map(|c| ConflictOut {
            entity: c.entity.0,
            about: &c.about,
            claims: c
                .claims
                .iter()
                .map(|cl| ClaimOut {
                    value: &cl.value,
                    article: aid(cl.article),
                    text: cl.span.of(model.article(cl.article).body()),
                })
                .collect(),
        })
        .collect();
    let export = Export {
        schema: "storyline/1",
        articles,
        entities,
        mentions,
        timexes,
        events,
        relationships,
        conflicts,
        problems: model.problems.iter().collect(),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    if pretty {
        serde_json::to_writer_pretty(&mut out, &export)?;
    } else {
        serde_json::to_writer(&mut out, &export)?;
    }
    out.write_all(b"\n")?;
    out.flush()
}
