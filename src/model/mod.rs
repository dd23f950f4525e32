//! The model: the merge of every article's facts into one immutable, indexed whole. Ids are
//! newtypes that index the model's `Vec`s. Everything is sorted deterministically, so the same
//! inputs give the same model (and the same export bytes) whatever the file-system order.

mod dates;
mod events;
mod export;
mod link;

use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;

use crate::assets::Assets;
use crate::corpus::{Corpus, Problem, Published, RawArticle};
use crate::extract::{self, Kind, Timex};
use crate::text::Span;

pub use export::{to_json, write_json};

macro_rules! id_type {
    ($name:ident, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(ArticleId, "Index into [`Model::articles`].");
id_type!(EntityId, "Index into [`Model::entities`].");
id_type!(EventId, "Index into [`Model::events`].");

/// An article with its extracted structure.
#[derive(Debug, Clone)]
pub struct Article {
    pub raw: RawArticle,
    pub sentences: Vec<Span>,
    /// Its part of [`Model::mentions`], in text order ([`Model::article_mentions`]).
    pub mentions: Range<usize>,
    /// Its part of [`Model::timexes`], in text order ([`Model::article_timexes`]).
    pub timexes: Range<usize>,
}

impl Article {
    pub fn id(&self) -> &str {
        &self.raw.id
    }

    pub fn body(&self) -> &str {
        &self.raw.body
    }

    /// The publication date: given, or inferred from the text or the corpus.
    pub fn published(&self) -> Option<&Published> {
        self.raw.published.as_ref()
    }
}

/// A person, organisation, place or other named thing, with its merged names.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: EntityId,
    /// Boxed strings and lists (no spare room, 8 bytes less than a `String` or `Vec`): a
    /// corpus has hundreds of thousands of entities.
    pub name: Box<str>,
    pub kind: Kind,
    /// Other surface forms, sorted.
    pub aliases: Box<[Box<str>]>,
    /// Titles and roles seen with the name ("President-elect", "Acme founder"), sorted.
    pub titles: Box<[Box<str>]>,
    /// Indexes into [`Model::mentions`] (`u32`: a model holds fewer than 4 billion mentions).
    pub mentions: Box<[u32]>,
    /// Articles that mention it, in model order.
    pub articles: Box<[ArticleId]>,
}

/// One linked mention. Its article is the one whose range holds it ([`Model::mention_article`];
/// not stored: 12 bytes a mention rather than 16, and a corpus has millions).
#[derive(Debug, Clone)]
pub struct MentionRec {
    pub entity: EntityId,
    pub span: Span,
}

/// One time expression with its article.
#[derive(Debug, Clone)]
pub struct TimexRec {
    pub article: ArticleId,
    pub timex: Timex,
}

impl AsRef<Timex> for TimexRec {
    fn as_ref(&self) -> &Timex {
        &self.timex
    }
}

/// A sentence that reports an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub article: ArticleId,
    pub span: Span,
}

pub use crate::extract::events::Modality;

/// When an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct When {
    pub value: crate::time::DateValue,
    /// True when the date is not stated for the event itself (the publication date stood in).
    pub inferred: bool,
}

/// A typed, toned interaction between entities.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: EventId,
    pub kind: &'static str,
    pub tone: f32,
    pub modality: Modality,
    pub actor: Option<EntityId>,
    pub target: Option<EntityId>,
    pub participants: Box<[EntityId]>,
    /// The pairs of participants the reports relate (all pairs of a short sentence, actor and
    /// target of a long one), sorted: what the relationships index.
    pub pairs: Box<[(EntityId, EntityId)]>,
    pub when: Option<When>,
    /// Where the summary is: the best-dated report's summary span in its article
    /// ([`Model::summary`] makes the text). A span rather than a copy: the text is read only
    /// for the rows on screen and for the export.
    pub summary: Evidence,
    pub evidence: Box<[Evidence]>,
}

/// A pair of entities and their events in time order.
#[derive(Debug, Clone)]
pub struct Relationship {
    pub a: EntityId,
    pub b: EntityId,
    pub events: Box<[EventId]>,
}

/// One side of a disagreement between articles.
#[derive(Debug, Clone)]
pub struct Claim {
    pub value: String,
    pub article: ArticleId,
    pub span: Span,
}

/// Articles that disagree on a fact about the same entity.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub entity: EntityId,
    pub about: String,
    pub claims: Vec<Claim>,
}

/// Everything storyline knows about a corpus.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub articles: Vec<Article>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<MentionRec>,
    pub timexes: Vec<TimexRec>,
    pub events: Vec<Event>,
    pub relationships: Vec<Relationship>,
    pub conflicts: Vec<Conflict>,
    pub problems: Vec<Problem>,
}

/// One article's part of the model that is made on its own (in parallel) in the merge.
struct Records {
    pending: Vec<events::Pending>,
    amounts: Vec<events::PendingAmount>,
}

/// An article's sentence-level events and amount claims. Frees the mentions of `f`, once
/// read: the model keeps only the linked ones, copied before.
fn records(
    article: ArticleId,
    a: &Article,
    timexes: &[TimexRec],
    f: &mut extract::Facts,
    found: Vec<extract::events::RawEvent>,
    amount_claims: Vec<extract::events::AmountClaim>,
    assignment: &link::Assigned,
) -> Records {
    let link = |mi: usize| assignment.get(mi);
    let (raw, sentences) = (&a.raw, &a.sentences[..]);
    let published = raw.published.as_ref().map(|p| p.date);
    // Mentions by sentence, once per article: an event's context is its sentence's.
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for (mi, m) in f.mentions.iter().enumerate() {
        if let Some(v) = by_sentence.get_mut(m.sentence as usize) {
            v.push(mi);
        }
    }
    f.mentions = extract::Mentions::default();
    let mut pending = Vec::new();
    for ev in found {
        let mut participants: Vec<EntityId> = Vec::new();
        for e in ev.participants.iter().filter_map(|&mi| link(mi)) {
            if !participants.contains(&e) {
                participants.push(e);
            }
        }
        if participants.len() < 2 {
            continue;
        }
        let actor = ev.actor.and_then(link);
        let target = ev.target.and_then(link).filter(|t| Some(*t) != actor);
        let mut context: Vec<EntityId> = by_sentence
            .get(ev.sentence)
            .into_iter()
            .flatten()
            .filter_map(|&mi| link(mi))
            .collect();
        context.sort();
        context.dedup();
        let when = events::when_of(
            extract::events::governing_time(
                &raw.body,
                sentences,
                timexes,
                ev.sentence,
                ev.trigger.start(),
            ),
            timexes,
            published,
        );
        let n_participants = participants.len() as u32;
        participants.extend(context);
        pending.push(events::Pending {
            entities: crate::exact::boxed(participants),
            n_participants,
            article,
            kind: ev.kind,
            tone: ev.tone,
            modality: ev.modality,
            summary: ev.summary,
            sentence: sentences[ev.sentence],
            actor,
            target,
            when,
        });
    }
    let mut amounts = Vec::new();
    for claim in amount_claims {
        if let Some(actor) = link(claim.actor) {
            let sentence = sentences[claim.sentence];
            amounts.push(events::PendingAmount {
                article,
                actor,
                sentence,
                claim,
            });
        }
    }
    Records { pending, amounts }
}

impl Model {
    /// Extracts every article and merges the facts.
    pub fn build(corpus: Corpus, assets: &Assets) -> Model {
        Self::build_with_progress(corpus, assets, &crate::progress::Progress::default())
    }

    /// Like [`Model::build`], counting extracted articles in `progress`.
    pub fn build_with_progress(
        corpus: Corpus,
        assets: &Assets,
        progress: &crate::progress::Progress,
    ) -> Model {
        use rayon::prelude::*;
        let mut watch = crate::progress::Stopwatch::start();
        progress
            .articles_total
            .store(corpus.articles.len(), std::sync::atomic::Ordering::Relaxed);
        // Extraction is a pure function of one article: the map step, in parallel.
        let facts: Vec<extract::Facts> = corpus
            .articles
            .par_iter()
            .map(|a| {
                let published = a.published.as_ref().map(|p| p.date.start);
                let facts = extract::extract(&a.body, published, assets);
                crate::progress::Progress::add(&progress.articles_done, 1);
                facts
            })
            .collect();
        watch.lap("extract");
        let model = Self::merge(corpus, facts, assets);
        watch.lap("merge");
        model
    }

    /// The reduce step: link entities across articles and index everything.
    pub fn merge(corpus: Corpus, mut facts: Vec<extract::Facts>, assets: &Assets) -> Model {
        let Corpus {
            articles: mut raws,
            problems,
        } = corpus;
        let mut watch = crate::progress::Stopwatch::start();
        // Articles without a date get one inferred (from their text, then the corpus), and
        // their time expressions are resolved against it.
        dates::infer(&mut raws, &mut facts);
        watch.lap("dates");
        // The articles, each with its sentences: made once, here, so that they are never
        // copied while the corpus's events are held.
        let mut articles: Vec<Article> = raws
            .into_iter()
            .zip(&mut facts)
            .map(|(raw, f)| Article {
                raw,
                sentences: crate::exact::vec(std::mem::take(&mut f.sentences)),
                mentions: 0..0,
                timexes: 0..0,
            })
            .collect();
        // The time expressions move into the model now, before linking's peak (the events
        // read them there): moved later, while the corpus's mentions and events are held, they
        // would be held twice at once.
        let mut timexes = Vec::with_capacity(facts.iter().map(|f| f.timexes.len()).sum());
        for (ai, (f, a)) in facts.iter_mut().zip(&mut articles).enumerate() {
            let start = timexes.len();
            let article = ArticleId(ai as u32);
            timexes.extend(
                std::mem::take(&mut f.timexes)
                    .into_iter()
                    .map(|timex| TimexRec { article, timex }),
            );
            a.timexes = start..timexes.len();
        }
        let linked = link::link(&facts, assets);
        watch.lap("link");
        let mut model = Model {
            articles,
            timexes,
            problems,
            ..Model::default()
        };
        let mut amounts = Vec::new();
        model.entities = linked.entities;
        // The linked mentions go straight into the model, in article order (a copy of 12
        // bytes each: serial is fast enough).
        let nm = linked
            .assignment
            .iter()
            .flat_map(|row| row.iter().flatten())
            .count();
        model.mentions.reserve_exact(nm);
        for (ai, (f, row)) in facts.iter().zip(&linked.assignment).enumerate() {
            let start = model.mentions.len();
            for (m, e) in f.mentions.iter().zip(row.iter()) {
                if let Some(entity) = e {
                    model.mentions.push(MentionRec {
                        entity,
                        span: m.span,
                    });
                }
            }
            model.articles[ai].mentions = start..model.mentions.len();
        }
        // Events are found per article with the kinds the corpus gave the entities, and made
        // into the article's records, in parallel like extraction. One pass: an article's
        // mentions are freed as soon as its events are made, so they and the corpus's events
        // are never all held at once.
        let records: Vec<Records> = {
            use rayon::prelude::*;
            let (entities, timexes) = (&model.entities, &model.timexes);
            model
                .articles
                .par_iter()
                .zip(facts.par_iter_mut())
                .enumerate()
                .map(|(ai, (a, f))| {
                    let assignment = &linked.assignment[ai];
                    let kinds: Vec<Option<Kind>> = assignment
                        .iter()
                        .map(|e| e.map(|e| entities[e.index()].kind))
                        .collect();
                    let (body, sentences) = (a.body(), &a.sentences[..]);
                    let found = extract::events::find(body, sentences, &f.mentions, &kinds, assets);
                    let claims = extract::events::amount_claims(
                        body,
                        sentences,
                        &f.mentions,
                        &kinds,
                        assets,
                    );
                    records(
                        ArticleId(ai as u32),
                        a,
                        &timexes[a.timexes.clone()],
                        f,
                        found,
                        claims,
                        assignment,
                    )
                })
                .collect()
        };
        watch.lap("events");
        drop(facts);
        // Each article's events stay in its own vector.
        let mut pending = Vec::with_capacity(records.len());
        for r in records {
            pending.push(r.pending);
            amounts.extend(r.amounts);
        }
        watch.lap("records");
        drop(linked.assignment);
        // Amount conflicts first, so that the claims are freed before the events are clustered;
        // they are listed after the date conflicts.
        let amount_conflicts = events::amount_conflicts(&amounts, &model.articles);
        drop(amounts);
        let (events, relationships, mut conflicts) = events::cluster(pending);
        conflicts.extend(amount_conflicts);
        watch.lap("cluster");
        model.events = events;
        model.relationships = relationships;
        model.conflicts = conflicts;
        model.index_mentions();
        model
    }

    /// Fills each entity's mention and article lists, counted first so that each list is
    /// allocated once at its exact size. Mentions are in article order, so an entity's
    /// articles come out in model order without duplicates.
    fn index_mentions(&mut self) {
        // Each mention with its article: the articles' ranges are in order.
        let with_article = || {
            self.articles
                .iter()
                .enumerate()
                .flat_map(|(a, art)| art.mentions.clone().map(move |i| (i, ArticleId(a as u32))))
        };
        let mut counts = vec![(0usize, 0usize, None); self.entities.len()];
        for (i, article) in with_article() {
            let (mentions, articles, last) = &mut counts[self.mentions[i].entity.index()];
            *mentions += 1;
            if *last != Some(article) {
                *articles += 1;
                *last = Some(article);
            }
        }
        let mut lists: Vec<(Vec<u32>, Vec<ArticleId>)> = counts
            .into_iter()
            .map(|(m, a, _)| (Vec::with_capacity(m), Vec::with_capacity(a)))
            .collect();
        for (i, article) in with_article() {
            let (mentions, articles) = &mut lists[self.mentions[i].entity.index()];
            mentions.push(u32::try_from(i).expect("fewer than 4 billion mentions"));
            if articles.last() != Some(&article) {
                articles.push(article);
            }
        }
        for (e, (mentions, articles)) in self.entities.iter_mut().zip(lists) {
            e.mentions = mentions.into_boxed_slice();
            e.articles = articles.into_boxed_slice();
        }
    }

    pub fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id.index()]
    }

    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.index()]
    }

    pub fn event(&self, id: EventId) -> &Event {
        &self.events[id.index()]
    }

    /// The linked mentions of an article, in text order.
    pub fn article_mentions(&self, id: ArticleId) -> &[MentionRec] {
        &self.mentions[self.article(id).mentions.clone()]
    }

    /// An entity's mentions with their articles, in model order.
    pub fn entity_mentions(&self, id: EntityId) -> impl Iterator<Item = (ArticleId, &MentionRec)> {
        let e = self.entity(id);
        e.mentions.iter().map(|&i| {
            let i = i as usize;
            (self.mention_article(i), &self.mentions[i])
        })
    }

    /// The article of mention `i` (of [`Model::mentions`]).
    pub fn mention_article(&self, i: usize) -> ArticleId {
        ArticleId(self.articles.partition_point(|a| a.mentions.end <= i) as u32)
    }

    /// A mention as written in its article's body.
    pub fn mention_text(&self, article: ArticleId, m: &MentionRec) -> &str {
        m.span.of(self.article(article).body())
    }

    /// The time expressions of an article, in text order.
    pub fn article_timexes(&self, id: ArticleId) -> &[TimexRec] {
        &self.timexes[self.article(id).timexes.clone()]
    }

    /// The article with this id string.
    pub fn article_by_id(&self, id: &str) -> Option<ArticleId> {
        self.articles
            .iter()
            .position(|a| a.id() == id)
            .map(|i| ArticleId(i as u32))
    }

    /// The events that relate `a` and `b`, in time order (empty when none).
    pub fn pair_events(&self, a: EntityId, b: EntityId) -> &[EventId] {
        let key = if a < b { (a, b) } else { (b, a) };
        self.relationships
            .binary_search_by(|r| (r.a, r.b).cmp(&key))
            .map_or(&[], |i| &self.relationships[i].events)
    }

    /// An event's summary: its summary span, whitespace squashed, cut at 200 columns (views cut
    /// it to fit).
    pub fn summary(&self, e: &Event) -> std::borrow::Cow<'_, str> {
        extract::events::summary(self.article(e.summary.article).body(), e.summary.span)
    }

    /// The publication date of an article, if known or inferred.
    pub fn published(&self, id: ArticleId) -> Option<NaiveDate> {
        self.article(id).published().map(|p| p.date.start)
    }
}

/// Reorders `items` in place so that position `k` holds the item that was at `from[k]`
/// (`from` is a permutation): each cycle of the permutation is followed with swaps.
fn permute<T>(items: &mut [T], mut from: Vec<usize>) {
    debug_assert_eq!(items.len(), from.len());
    for start in 0..items.len() {
        let mut at = start;
        // A position whose item is in place is marked by pointing at itself.
        while from[at] != start {
            let next = from[at];
            items.swap(at, next);
            from[at] = at;
            at = next;
        }
        from[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_puts_each_item_where_its_index_says() {
        // Fixed points, a swap, a long cycle and several cycles at once.
        for from in [
            vec![0, 1, 2, 3, 4, 5],
            vec![1, 0, 2, 3, 5, 4],
            vec![5, 0, 1, 2, 3, 4],
            vec![2, 4, 0, 5, 1, 3],
        ] {
            let items: Vec<char> = "abcdef".chars().collect();
            let want: Vec<char> = from.iter().map(|&i| items[i]).collect();
            let mut got = items.clone();
            permute(&mut got, from.clone());
            assert_eq!(got, want, "{from:?}");
        }
    }
}
