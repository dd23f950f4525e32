//! The event merge: one event per real-world event. Sentence-level events from every article,
//! their participants linked to entities, are clustered when they are of the same family
//! (a dinner, a visit and a meeting are one family), share a pair of participants, and have
//! dates that agree (an event dated only by its article's publication date may lie up to a
//! month before it). Each pair of participants becomes a relationship; amounts and dates that
//! articles give differently for the same actor and fact become conflicts.
//!
//! Cost: events are bucketed by (family, pair) and each bucket is swept in date order, so the
//! merge is O(n log n) in the number of events, with no all-pairs comparison.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Duration;

use crate::extract::events::{AmountClaim, EventTime, Modality, RawEvent, family};
use crate::text::Span;
use crate::time::DateValue;

use super::{ArticleId, Claim, Conflict, EntityId, Event, EventId, Evidence, Relationship, When};

/// A sentence-level event after linking.
#[derive(Debug, Clone)]
pub(super) struct Pending {
    pub article: ArticleId,
    pub raw: RawEvent,
    pub sentence: Span,
    pub actor: Option<EntityId>,
    pub target: Option<EntityId>,
    pub participants: Vec<EntityId>,
    pub when: Option<When>,
}

/// An amount claim after linking.
#[derive(Debug, Clone)]
pub(super) struct PendingAmount {
    pub article: ArticleId,
    pub claim: AmountClaim,
    pub actor: EntityId,
    pub sentence: Span,
    pub sentence_text: String,
}

/// The days an event may have happened on, for deciding whether two reports agree.
fn window(w: &When) -> (chrono::NaiveDate, chrono::NaiveDate) {
    if w.inferred {
        (w.value.start - Duration::days(31), w.value.end)
    } else {
        (w.value.start, w.value.end)
    }
}

/// The date an event's time resolves to.
pub(super) fn when_of(
    time: EventTime,
    timexes: &[crate::extract::Timex],
    published: Option<DateValue>,
) -> Option<When> {
    match time {
        EventTime::Timex(i) => timexes.get(i).map(|t| When {
            value: t.value,
            inferred: false,
        }),
        EventTime::Published => published.map(|value| When {
            value,
            inferred: true,
        }),
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// At most this many participants of one event form pairs: a sentence listing twenty names
/// is a list, not twenty interactions.
const MAX_PAIRED: usize = 6;

fn pairs(participants: &[EntityId]) -> Vec<(EntityId, EntityId)> {
    let p = &participants[..participants.len().min(MAX_PAIRED)];
    let mut out = Vec::new();
    for (i, &a) in p.iter().enumerate() {
        for &b in &p[i + 1..] {
            out.push(if a < b { (a, b) } else { (b, a) });
        }
    }
    out
}

/// Clusters the pending events into events, relationships and date conflicts.
pub(super) fn cluster(pending: Vec<Pending>) -> (Vec<Event>, Vec<Relationship>, Vec<Conflict>) {
    let mut uf = UnionFind((0..pending.len()).collect());
    let mut buckets: HashMap<(&str, EntityId, EntityId), Vec<usize>> = HashMap::new();
    for (i, p) in pending.iter().enumerate() {
        // Statements are too common and too vague to be the same event by pair and date.
        if p.raw.kind == "statement" || p.when.is_none() {
            continue;
        }
        for (a, b) in pairs(&p.participants) {
            buckets
                .entry((family(&p.raw.kind), a, b))
                .or_default()
                .push(i);
        }
    }
    let mut keys: Vec<_> = buckets.keys().copied().collect();
    keys.sort();
    for k in keys {
        let mut members = buckets.remove(&k).unwrap_or_default();
        members.sort_by_key(|&i| (window(&pending[i].when.expect("dated")), i));
        // Sweep: each event joins the one before it when their windows overlap.
        let mut reach: Option<(chrono::NaiveDate, usize)> = None;
        for &i in &members {
            let (s, e) = window(&pending[i].when.expect("dated"));
            match reach {
                Some((end, j)) if s <= end => {
                    uf.union(i, j);
                    reach = Some((end.max(e), j));
                }
                _ => reach = Some((e, i)),
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..pending.len() {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    let mut conflicts = Vec::new();
    let mut events: Vec<Event> = groups
        .into_values()
        .map(|members| merge_group(&pending, &members, &mut conflicts))
        .collect();
    events.sort_by(|a, b| {
        let key = |e: &Event| {
            (
                e.when.is_none(),
                e.when.map(|w| (w.value.start, w.value.end)),
                e.evidence.first().map(|v| (v.article, v.span.start)),
            )
        };
        key(a).cmp(&key(b)).then(a.kind.cmp(&b.kind))
    });
    for (i, e) in events.iter_mut().enumerate() {
        e.id = EventId(i as u32);
    }
    let mut rel: BTreeMap<(EntityId, EntityId), Vec<EventId>> = BTreeMap::new();
    for e in &events {
        for pair in pairs(&e.participants) {
            rel.entry(pair).or_default().push(e.id);
        }
    }
    let relationships = rel
        .into_iter()
        .map(|((a, b), events)| Relationship { a, b, events })
        .collect();
    (events, relationships, conflicts)
}

fn most_common<T: Ord + Copy>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(t, _)| t)
}

fn merge_group(pending: &[Pending], members: &[usize], conflicts: &mut Vec<Conflict>) -> Event {
    let ms: Vec<&Pending> = members.iter().map(|&i| &pending[i]).collect();
    let kind = {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &ms {
            *counts.entry(m.raw.kind.as_str()).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| k.to_string())
            .unwrap_or_default()
    };
    let asserted: Vec<&&Pending> = ms
        .iter()
        .filter(|m| m.raw.modality == Modality::Asserted)
        .collect();
    let modality = if asserted.is_empty() {
        most_common(ms.iter().map(|m| m.raw.modality)).unwrap_or(Modality::Asserted)
    } else {
        Modality::Asserted
    };
    let toned: Vec<f32> = if asserted.is_empty() {
        ms.iter().map(|m| m.raw.tone).collect()
    } else {
        asserted.iter().map(|m| m.raw.tone).collect()
    };
    let tone = (toned.iter().sum::<f32>() / toned.len().max(1) as f32 * 10.0).round() / 10.0;
    // The best-dated report: stated before inferred, then the narrowest span.
    let best = ms
        .iter()
        .filter(|m| m.when.is_some())
        .min_by_key(|m| {
            let w = m.when.expect("filtered");
            (
                w.inferred,
                (w.value.end - w.value.start).num_days(),
                w.value.start,
            )
        })
        .copied()
        .unwrap_or(ms[0]);
    let mut counts: BTreeMap<EntityId, usize> = BTreeMap::new();
    for m in &ms {
        for &p in &m.participants {
            *counts.entry(p).or_default() += 1;
        }
    }
    let mut participants: Vec<EntityId> = counts.keys().copied().collect();
    participants.sort_by(|a, b| counts[b].cmp(&counts[a]).then(a.cmp(b)));
    let mut evidence: Vec<Evidence> = ms
        .iter()
        .map(|m| Evidence {
            article: m.article,
            span: m.sentence,
        })
        .collect();
    evidence.sort_by_key(|e| (e.article, e.span.start));
    evidence.dedup();
    date_conflicts(&ms, &kind, conflicts);
    Event {
        id: EventId(0),
        kind,
        tone,
        modality,
        actor: most_common(ms.iter().filter_map(|m| m.actor)),
        target: most_common(ms.iter().filter_map(|m| m.target)),
        participants,
        when: best.when,
        summary: best.raw.summary.clone(),
        evidence,
    }
}

/// Reports of one event from different articles that state different days.
fn date_conflicts(ms: &[&Pending], kind: &str, conflicts: &mut Vec<Conflict>) {
    let stated: Vec<&&Pending> = ms
        .iter()
        .filter(|m| {
            m.when
                .is_some_and(|w| !w.inferred && w.value.precision == crate::time::Precision::Day)
        })
        .collect();
    let days: BTreeSet<_> = stated
        .iter()
        .map(|m| m.when.expect("filtered").value.start)
        .collect();
    let articles: BTreeSet<_> = stated.iter().map(|m| m.article).collect();
    if days.len() < 2 || articles.len() < 2 {
        return;
    }
    let Some(entity) = ms
        .iter()
        .find_map(|m| m.actor)
        .or_else(|| ms[0].participants.first().copied())
    else {
        return;
    };
    let claims = stated
        .iter()
        .map(|m| Claim {
            value: m.when.expect("filtered").value.value(),
            article: m.article,
            span: m.sentence,
        })
        .collect();
    conflicts.push(Conflict {
        entity,
        about: format!("date of the {kind}"),
        claims,
    });
}

/// Words that say what an amount was for: long, lowercase, not names.
fn purpose_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 6 && w.chars().all(|c| c.is_lowercase()))
        .map(str::to_string)
        .collect()
}

/// Amounts given for the same actor's support in different articles that differ, where the
/// sentences share a word of purpose ("campaign"): both claims, with their sources.
pub(super) fn amount_conflicts(amounts: &[PendingAmount]) -> Vec<Conflict> {
    let mut by_actor: BTreeMap<EntityId, Vec<&PendingAmount>> = BTreeMap::new();
    for a in amounts {
        by_actor.entry(a.actor).or_default().push(a);
    }
    let mut out = Vec::new();
    for (actor, claims) in by_actor {
        let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
        for (i, a) in claims.iter().enumerate() {
            for (j, b) in claims.iter().enumerate().skip(i + 1) {
                if a.article == b.article || a.claim.value == b.claim.value {
                    continue;
                }
                let shared: Vec<String> = purpose_words(&a.sentence_text)
                    .intersection(&purpose_words(&b.sentence_text))
                    .cloned()
                    .collect();
                if shared.is_empty() || !seen.insert((i, j)) {
                    continue;
                }
                out.push(Conflict {
                    entity: actor,
                    about: format!("amount ({})", shared.join(", ")),
                    claims: [a, b]
                        .iter()
                        .map(|c| Claim {
                            value: c.claim.text.clone(),
                            article: c.article,
                            span: c.sentence,
                        })
                        .collect(),
                });
            }
        }
    }
    out
}
