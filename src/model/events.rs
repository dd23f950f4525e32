//! The event merge: one event per real-world event. Sentence-level events from every article,
//! their participants linked to entities, are clustered when they are of the same family
//! (a dinner, a visit and a meeting are one family), share a pair of participants, and have
//! dates that agree (an event dated only by its article's publication date may lie up to a
//! month before it). Each pair of participants becomes a relationship; amounts and dates that
//! articles give differently for the same actor and fact become conflicts.
//!
//! Cost: events are bucketed by (family, pair) and each bucket is swept in date order, so the
//! merge is O(n log n) in the number of events, with no all-pairs comparison.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};

use crate::extract::events::{AmountClaim, EventTime, Modality, family};
use crate::text::Span;
use crate::time::DateValue;

use super::{
    Article, ArticleId, Claim, Conflict, EntityId, Event, EventId, Evidence, Relationship, When,
    permute,
};

/// A sentence-level event after linking.
#[derive(Debug, Clone)]
pub(super) struct Pending {
    /// The participants, then the context ([`Pending::participants`], [`Pending::context`]):
    /// one allocation for both, as a corpus has millions of reports.
    pub entities: Box<[EntityId]>,
    /// How many of `entities` are participants.
    pub n_participants: u32,
    pub article: ArticleId,
    pub kind: &'static str,
    pub tone: f32,
    pub modality: Modality,
    /// The span the summary is made of, in the article's body.
    pub summary: Span,
    pub sentence: Span,
    pub actor: Option<EntityId>,
    pub target: Option<EntityId>,
    pub when: Option<When>,
}

impl Pending {
    /// The entities the event is between, in sentence order.
    pub fn participants(&self) -> &[EntityId] {
        &self.entities[..self.n_participants as usize]
    }

    /// Every entity named in the reporting sentence (places too), sorted: what a coarse-dated
    /// report can be matched on besides the pair ("at the resort", "with the company").
    pub fn context(&self) -> &[EntityId] {
        &self.entities[self.n_participants as usize..]
    }
}

/// An amount claim after linking.
#[derive(Debug, Clone)]
pub(super) struct PendingAmount {
    pub article: ArticleId,
    pub claim: AmountClaim,
    pub actor: EntityId,
    pub sentence: Span,
}

/// The days an event may have happened on, for deciding whether two reports agree.
fn window(w: &When) -> (chrono::NaiveDate, chrono::NaiveDate) {
    if w.inferred {
        (w.value.start - Duration::days(31), w.value.end)
    } else {
        (w.value.start, w.value.end)
    }
}

/// Only a date narrower than this can place two reports on the same occasion by overlap; a
/// year or a vague range says too little ("in 2024" holds many dinners).
const MAX_MERGE_SPAN_DAYS: i64 = 31;

/// Whether a report's date is narrow enough to merge by overlap.
fn narrow(w: &When) -> bool {
    (w.value.end - w.value.start).num_days() <= MAX_MERGE_SPAN_DAYS
}

/// Whether two reports (already of one family and one pair) can be of one event:
/// - narrow dates whose windows overlap;
/// - a coarse date ("~2024", "this year") whose window overlaps the other's, when both are
///   coarse and from one article, or the two name a third entity in common (the venue, the
///   company): a year says too little on its own;
/// - or the same kind with the same stated coarse date ("In 2017").
fn compatible(a: &Pending, b: &Pending) -> bool {
    let (Some(wa), Some(wb)) = (a.when, b.when) else {
        return false;
    };
    let overlap = overlaps(window(&wa), window(&wb));
    if narrow(&wa) && narrow(&wb) {
        return overlap;
    }
    // Two vague reports in one article are one occasion; a vague report joins a dated one only
    // through a third entity in common (a dated report in the same article that names nothing
    // else is, by its date, another occasion).
    let both_coarse = !narrow(&wa) && !narrow(&wb);
    if overlap && ((both_coarse && a.article == b.article) || shares_third(a, b)) {
        return true;
    }
    !wa.inferred && !wb.inferred && wa.value == wb.value && a.kind == b.kind
}

/// Whether two windows (first and last day) share a day.
fn overlaps((sa, ea): (NaiveDate, NaiveDate), (sb, eb): (NaiveDate, NaiveDate)) -> bool {
    sa <= eb && sb <= ea
}

/// Whether two reports name an entity in common beyond the participants they share.
fn shares_third(a: &Pending, b: &Pending) -> bool {
    let shared = |e: &EntityId| a.participants().contains(e) && b.participants().contains(e);
    a.context()
        .iter()
        .any(|e| !shared(e) && b.context().binary_search(e).is_ok())
}

/// How many earlier reports of the same pair and family a report is compared with: enough for
/// any real story, and a bound that keeps the merge linear on pathological corpora.
const MAX_LOOK_BACK: usize = 64;

/// At most this many participants make every pair an interaction; a sentence naming more is a
/// list, and only its actor and target interact.
const MAX_ALL_PAIRS: usize = 3;

/// The pairs of entities an event relates.
pub(super) fn related_pairs(
    participants: &[EntityId],
    actor: Option<EntityId>,
    target: Option<EntityId>,
) -> Vec<(EntityId, EntityId)> {
    if participants.len() <= MAX_ALL_PAIRS {
        return pairs(participants);
    }
    let ordered = |a: EntityId, b: EntityId| if a < b { (a, b) } else { (b, a) };
    match (actor, target) {
        (Some(a), Some(t)) if a != t => vec![ordered(a, t)],
        // The target is not named ("praised the former president"): the actor with each of
        // the others is all the sentence offers.
        (Some(a), None) => participants
            .iter()
            .filter(|&&p| p != a)
            .map(|&p| ordered(a, p))
            .collect(),
        _ => Vec::new(),
    }
}

/// The date an event's time resolves to.
pub(super) fn when_of(
    time: EventTime,
    timexes: &[impl AsRef<crate::extract::Timex>],
    published: Option<DateValue>,
) -> Option<When> {
    match time {
        EventTime::Timex(i) => timexes.get(i).map(|t| When {
            value: t.as_ref().value,
            inferred: false,
        }),
        EventTime::Published => published.map(|value| When {
            value,
            inferred: true,
        }),
    }
}

/// Clusters of reports. Each cluster keeps the intersection of its members' narrow date
/// windows, and a union that would leave it empty is refused: coarse reports ("~2024") may
/// join a cluster, but never bridge two occasions whose narrow dates disagree.
struct Clusters {
    /// `u32`: a corpus has fewer than 4 billion reports.
    parent: Vec<u32>,
    window: Vec<Option<(NaiveDate, NaiveDate)>>,
}

impl Clusters {
    fn new<'a>(pending: impl Iterator<Item = &'a Pending>) -> Clusters {
        let window: Vec<_> = pending
            .map(|p| p.when.filter(narrow).map(|w| window(&w)))
            .collect();
        Clusters {
            parent: (0..window.len() as u32).collect(),
            window,
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] as usize != i {
            self.parent[i] = self.parent[self.parent[i] as usize];
            i = self.parent[i] as usize;
        }
        i
    }

    /// Joins the clusters of `a` and `b` when their narrow windows agree; whether they are one.
    fn try_union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let joined = match (self.window[ra], self.window[rb]) {
            (Some((s1, e1)), Some((s2, e2))) => {
                if s1.max(s2) > e1.min(e2) {
                    return false;
                }
                Some((s1.max(s2), e1.min(e2)))
            }
            (w, None) | (None, w) => w,
        };
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[hi] = lo as u32;
        self.window[lo] = joined;
        true
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

/// The pair of participants that reports of one family must share to be one event.
type Pair = (EntityId, EntityId);

/// The reports, each article's in a vector of its own, read by their index in article order;
/// an article's vector is freed once all its reports are merged.
struct Reports {
    lists: Vec<Vec<Pending>>,
    /// The index of each article's first report.
    first: Vec<usize>,
    /// The article (its index in `lists`) of each report: a report is found without a search.
    list_of: Vec<u32>,
    /// The articles before this one are freed.
    freed: usize,
}

impl Reports {
    fn new(lists: Vec<Vec<Pending>>) -> Reports {
        let mut first = Vec::with_capacity(lists.len());
        let mut list_of = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        for (a, l) in lists.iter().enumerate() {
            first.push(list_of.len());
            let a = u32::try_from(a).expect("fewer than 4 billion articles");
            list_of.extend(std::iter::repeat_n(a, l.len()));
        }
        Reports {
            lists,
            first,
            list_of,
            freed: 0,
        }
    }

    fn get(&self, i: usize) -> &Pending {
        let a = self.list_of[i] as usize;
        &self.lists[a][i - self.first[a]]
    }

    /// Frees the vectors of the articles whose reports all come before report `end`.
    fn free_before(&mut self, end: usize) {
        while let Some(l) = self.lists.get_mut(self.freed) {
            if self.first[self.freed] + l.len() > end {
                break;
            }
            *l = Vec::new();
            self.freed += 1;
        }
    }
}

/// Groups merged at a time: an article's reports are freed once every group whose first
/// report comes before its last is merged, so the reports and the events are never all held
/// at once.
const MERGE_CHUNK: usize = 1 << 14;

/// Clusters the pending events (each article's in a vector of its own) into events,
/// relationships and date conflicts. The reports are taken, and freed once merged.
pub(super) fn cluster(
    reports: Vec<Vec<Pending>>,
) -> (Vec<Event>, Vec<Relationship>, Vec<Conflict>) {
    use rayon::prelude::*;
    let mut reports = Reports::new(reports);
    let n_reports: usize = reports.lists.iter().map(Vec::len).sum();
    let mut uf = Clusters::new(reports.lists.iter().flatten());
    // Buckets of one family and one pair, each in date order: one sort of (pair, date, report)
    // keys per family, families in name order, then runs of equal pair. The order is that of
    // one sort of every key by family first (the sweep's unions depend on it), but only one
    // family's keys are held at a time.
    //
    // Each family's keys are counted first, so that its list is allocated once at its exact
    // size and filled in parallel, an article's reports into their own part (a parallel
    // collect of unknown length held every key twice at its end).
    let families: Vec<&'static str> = reports
        .lists
        .par_iter()
        .fold(BTreeSet::new, |mut set, r| {
            set.extend(r.iter().map(|p| family(p.kind)));
            set
        })
        .reduce(BTreeSet::new, |mut a, b| {
            a.extend(b);
            a
        })
        .into_iter()
        .collect();
    // A report's pairs, its window, and whether its date is narrow.
    let pairs_of = |p: &Pending| {
        // Statements are too common and too vague to be the same event by pair and date.
        match p.when.filter(|_| p.kind != "statement") {
            Some(when) => (
                related_pairs(p.participants(), p.actor, p.target),
                window(&when),
                narrow(&when),
            ),
            None => (Vec::new(), (NaiveDate::MIN, NaiveDate::MIN), false),
        }
    };
    // Each report's family and number of keys.
    let meta: Vec<(u16, u32)> = reports
        .lists
        .par_iter()
        .flat_map_iter(|r| {
            r.iter().map(|p| {
                let f = families
                    .binary_search(&family(p.kind))
                    .expect("every family is listed");
                let f = u16::try_from(f).expect("fewer than 65,536 event families");
                let n = u32::try_from(pairs_of(p).0.len()).expect("fewer than 4 billion pairs");
                (f, n)
            })
        })
        .collect();
    // Every family is some report's, so the conversion above covers this one.
    for f in 0..families.len() as u16 {
        let of_family = |first: usize, n: usize| {
            meta[first..first + n]
                .iter()
                .filter(|m| m.0 == f)
                .map(|m| m.1 as usize)
                .sum::<usize>()
        };
        let counts: Vec<usize> = reports
            .lists
            .par_iter()
            .zip(&reports.first)
            .map(|(r, &first)| of_family(first, r.len()))
            .collect();
        let blank = (
            (EntityId(0), EntityId(0)),
            (NaiveDate::MIN, NaiveDate::MIN),
            0,
            false,
        );
        // The report as u32: a corpus has fewer than 4 billion reports. Its narrowness last,
        // where it changes no order (reports are unique): two narrow reports are compatible
        // by their windows alone, and the sweep need not read them.
        let mut keyed: Vec<(Pair, (NaiveDate, NaiveDate), u32, bool)> =
            vec![blank; counts.iter().sum()];
        let mut parts = Vec::with_capacity(reports.lists.len());
        let mut rest = &mut keyed[..];
        for ((r, &n), &first) in reports.lists.iter().zip(&counts).zip(&reports.first) {
            let (part, tail) = rest.split_at_mut(n);
            parts.push((r, part, first));
            rest = tail;
        }
        parts.into_par_iter().for_each(|(r, part, first)| {
            let keys = r
                .iter()
                .enumerate()
                .filter(|&(j, _)| meta[first + j].0 == f)
                .flat_map(|(j, p)| {
                    let (pairs, w, narrow) = pairs_of(p);
                    pairs
                        .into_iter()
                        .map(move |pair| (pair, w, (first + j) as u32, narrow))
                });
            for (slot, key) in part.iter_mut().zip(keys) {
                *slot = key;
            }
        });
        drop(counts);
        keyed.par_sort_unstable();
        for run in keyed.chunk_by(|x, y| x.0 == y.0) {
            // Sweep in date order: a report joins an earlier one it is compatible with,
            // looking back only while windows can still overlap (the list is sorted by window
            // start).
            for (x, &(_, (start, end), i, narrow_i)) in run.iter().enumerate() {
                for &(_, (start_j, end_j), j, narrow_j) in run[..x].iter().rev().take(MAX_LOOK_BACK)
                {
                    let (i, j) = (i as usize, j as usize);
                    // What `compatible` decides, for two narrow dates.
                    let fits = if narrow_i && narrow_j {
                        overlaps((start, end), (start_j, end_j))
                    } else {
                        compatible(reports.get(i), reports.get(j))
                    };
                    if fits && uf.try_union(i, j) {
                        break;
                    }
                    if end_j + Duration::days(MAX_MERGE_SPAN_DAYS * 2) < start {
                        break;
                    }
                }
            }
        }
    }
    drop(meta);
    // Groups in order of their first report (a cluster's root is its first report); each
    // merged on its own, in parallel, a chunk of groups at a time.
    // (root, report) as u32: a corpus has fewer than 4 billion reports.
    let mut members: Vec<(u32, u32)> = (0..n_reports)
        .map(|i| (uf.find(i) as u32, i as u32))
        .collect();
    members.sort_unstable();
    drop(uf);
    let n_groups = members.chunk_by(|a, b| a.0 == b.0).count();
    let mut events = Vec::with_capacity(n_groups);
    let mut conflicts = Vec::new();
    let mut groups = members.chunk_by(|a, b| a.0 == b.0).peekable();
    while groups.peek().is_some() {
        let chunk: Vec<&[(u32, u32)]> = groups.by_ref().take(MERGE_CHUNK).collect();
        let (made, disputed): (Vec<Event>, Vec<Option<Box<Conflict>>>) = chunk
            .par_iter()
            .map(|members| merge_group(&reports, members))
            .unzip();
        events.extend(made);
        conflicts.extend(disputed.into_iter().flatten().map(|c| *c));
        // Every report up to the next group's first has been merged.
        reports.free_before(groups.peek().map_or(n_reports, |g| g[0].0 as usize));
    }
    drop(members);
    drop(reports);
    // Time order, then first evidence, then kind; ties keep group order. The keys are sorted
    // (with the group index as the last key, so equal keys keep their order), then the events
    // are put in that order in place.
    let mut order: Vec<_> = events
        .par_iter()
        .enumerate()
        .map(|(i, e)| {
            (
                e.when.is_none(),
                e.when.map(|w| (w.value.start, w.value.end)),
                e.evidence.first().map(|v| (v.article, v.span.start())),
                e.kind,
                i,
            )
        })
        .collect();
    order.par_sort_unstable();
    let from: Vec<usize> = order.into_iter().map(|k| k.4).collect();
    permute(&mut events, from);
    for (id, e) in events.iter_mut().enumerate() {
        e.id = EventId(id as u32);
    }
    // Relationships: each pair's events in id order, pairs in order.
    let mut rel: Vec<((EntityId, EntityId), EventId)> = events
        .par_iter()
        .flat_map_iter(|e| e.pairs.iter().map(move |&pair| (pair, e.id)))
        .collect();
    rel.par_sort_unstable();
    let relationships = rel
        .chunk_by(|x, y| x.0 == y.0)
        .map(|run| Relationship {
            a: run[0].0.0,
            b: run[0].0.1,
            events: run.iter().map(|x| x.1).collect(),
        })
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

/// One event from its reports (`members` are (cluster, report) pairs), and its date conflict:
/// boxed, as there is one slot per event and conflicts are rare (an unboxed `Option<Conflict>`
/// is 56 bytes a slot).
fn merge_group(reports: &Reports, members: &[(u32, u32)]) -> (Event, Option<Box<Conflict>>) {
    if let &[(_, i)] = members {
        return (single(reports.get(i as usize)), None);
    }
    let ms: Vec<&Pending> = members
        .iter()
        .map(|&(_, i)| reports.get(i as usize))
        .collect();
    let (event, conflict) = merge_reports(&ms);
    (event, conflict.map(Box::new))
}

/// One event from its reports, counting their votes: kind, modality, actor and target by
/// majority, the best-dated report's date and summary, every report's evidence.
fn merge_reports(ms: &[&Pending]) -> (Event, Option<Conflict>) {
    let kind = {
        let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
        for m in ms {
            *counts.entry(m.kind).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| k)
            .unwrap_or_default()
    };
    let asserted: Vec<&&Pending> = ms
        .iter()
        .filter(|m| m.modality == Modality::Asserted)
        .collect();
    let modality = if asserted.is_empty() {
        most_common(ms.iter().map(|m| m.modality)).unwrap_or(Modality::Asserted)
    } else {
        Modality::Asserted
    };
    let toned: Vec<f32> = if asserted.is_empty() {
        ms.iter().map(|m| m.tone).collect()
    } else {
        asserted.iter().map(|m| m.tone).collect()
    };
    let tone = mean_tone(&toned);
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
    for m in ms {
        for &p in m.participants() {
            *counts.entry(p).or_default() += 1;
        }
    }
    let mut participants: Vec<EntityId> = counts.keys().copied().collect();
    participants.sort_by(|a, b| counts[b].cmp(&counts[a]).then(a.cmp(b)));
    let mut pairs: Vec<(EntityId, EntityId)> = ms
        .iter()
        .flat_map(|m| related_pairs(m.participants(), m.actor, m.target))
        .collect();
    pairs.sort();
    pairs.dedup();
    let mut evidence: Vec<Evidence> = ms
        .iter()
        .map(|m| Evidence {
            article: m.article,
            span: m.sentence,
        })
        .collect();
    evidence.sort_by_key(|e| (e.article, e.span.start()));
    evidence.dedup();
    let conflict = date_conflict(ms, kind);
    // The target is voted among the reports' other parties: reports that give the roles the
    // other way round ("X congratulated Y", "Y thanked X") never make an event its own target.
    let actor = most_common(ms.iter().filter_map(|m| m.actor));
    let target = most_common(
        ms.iter()
            .filter_map(|m| m.target)
            .filter(|&t| Some(t) != actor),
    );
    let event = Event {
        id: EventId(0),
        kind,
        tone,
        modality,
        actor,
        target,
        participants: participants.into(),
        pairs: crate::exact::boxed(pairs),
        when: best.when,
        summary: Evidence {
            article: best.article,
            span: best.summary,
        },
        evidence: crate::exact::boxed(evidence),
    };
    (event, conflict)
}

/// The mean of the reports' tones, to one decimal.
fn mean_tone(toned: &[f32]) -> f32 {
    (toned.iter().sum::<f32>() / toned.len().max(1) as f32 * 10.0).round() / 10.0
}

/// The event of a single report: what [`merge_reports`] makes of it, without the counting
/// (most reports are alone in their group; a test holds the two to the same result). A single
/// report has no date conflict.
fn single(m: &Pending) -> Event {
    // The participants are distinct, each counted once: in id order.
    let mut participants = m.participants().to_vec();
    participants.sort_unstable();
    let mut pairs = related_pairs(m.participants(), m.actor, m.target);
    pairs.sort_unstable();
    pairs.dedup();
    Event {
        id: EventId(0),
        kind: m.kind,
        tone: mean_tone(&[m.tone]),
        modality: m.modality,
        actor: m.actor,
        target: m.target,
        participants: participants.into(),
        pairs: crate::exact::boxed(pairs),
        when: m.when,
        summary: Evidence {
            article: m.article,
            span: m.summary,
        },
        evidence: Box::new([Evidence {
            article: m.article,
            span: m.sentence,
        }]),
    }
}

/// Reports of one event from different articles that state different days.
fn date_conflict(ms: &[&Pending], kind: &str) -> Option<Conflict> {
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
        return None;
    }
    let entity = ms
        .iter()
        .find_map(|m| m.actor)
        .or_else(|| ms[0].participants().first().copied())?;
    let claims = stated
        .iter()
        .map(|m| Claim {
            value: m.when.expect("filtered").value.value(),
            article: m.article,
            span: m.sentence,
        })
        .collect();
    Some(Conflict {
        entity,
        about: format!("date of the {kind}"),
        claims,
    })
}

/// Words that say what an amount was for: long, lowercase, not names; sorted, each once.
fn purpose_words(text: &str) -> Vec<&str> {
    let mut words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 6 && w.chars().all(|c| c.is_lowercase()))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The words of two sorted lists that are in both, in order.
fn shared_words<'a>(a: &[&'a str], b: &[&str]) -> Vec<&'a str> {
    a.iter()
        .copied()
        .filter(|w| b.binary_search(w).is_ok())
        .collect()
}

/// Amounts given for the same actor's support in different articles that differ, where the
/// sentences share a word of purpose ("campaign"): both claims, with their sources. The
/// sentences are read in `articles` (the model's). Each actor's claims are compared on their
/// own, in parallel; the conflicts are in actor order.
pub(super) fn amount_conflicts(amounts: &[PendingAmount], articles: &[Article]) -> Vec<Conflict> {
    use rayon::prelude::*;
    let mut by_actor: BTreeMap<EntityId, Vec<&PendingAmount>> = BTreeMap::new();
    for a in amounts {
        by_actor.entry(a.actor).or_default().push(a);
    }
    let by_actor: Vec<(EntityId, Vec<&PendingAmount>)> = by_actor.into_iter().collect();
    let of_actor = |(actor, claims): &(EntityId, Vec<&PendingAmount>)| {
        let mut out = Vec::new();
        let words: Vec<Vec<&str>> = claims
            .iter()
            .map(|c| purpose_words(c.sentence.of(articles[c.article.index()].body())))
            .collect();
        for (i, a) in claims.iter().enumerate() {
            for (j, b) in claims.iter().enumerate().skip(i + 1) {
                if a.article == b.article || a.claim.value == b.claim.value {
                    continue;
                }
                let shared = shared_words(&words[i], &words[j]);
                if shared.is_empty() {
                    continue;
                }
                out.push(Conflict {
                    entity: *actor,
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
        out
    };
    let per_actor: Vec<Vec<Conflict>> = by_actor.par_iter().map(of_actor).collect();
    per_actor.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, EntityId};

    #[test]
    fn a_single_report_makes_the_event_the_counting_would() {
        // The event keeps the report's spans (the summary's a part of the sentence's); no text
        // is read.
        let sentence = Span::new(0, 64);
        let summary = Span::new(10, 64);
        let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 5).expect("a date");
        let e = |i| EntityId(i);
        let report = |participants: &[u32], actor, target, modality, tone, when| Pending {
            // The sentence names the participants only.
            entities: [participants, participants]
                .concat()
                .into_iter()
                .map(e)
                .collect(),
            n_participants: participants.len() as u32,
            article: ArticleId(0),
            kind: "meeting",
            tone,
            modality,
            summary,
            sentence,
            actor,
            target,
            when,
        };
        let dated = Some(When {
            value: DateValue::day(day),
            inferred: false,
        });
        for p in [
            report(
                &[3, 1],
                Some(e(3)),
                Some(e(1)),
                Modality::Asserted,
                1.0,
                dated,
            ),
            report(
                &[2, 5, 4, 1],
                Some(e(5)),
                None,
                Modality::Planned,
                -0.35,
                None,
            ),
            report(&[2, 5, 4, 1, 7], None, None, Modality::Negated, 0.25, dated),
        ] {
            let (merged, conflict) = merge_reports(&[&p]);
            assert!(conflict.is_none());
            assert_eq!(format!("{:?}", single(&p)), format!("{merged:?}"));
        }
    }
}
