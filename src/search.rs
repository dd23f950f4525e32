//! The fuzzy finder: ranks entity names and aliases (and, in the TUI, article titles) against a
//! query with fuzzy-matcher's Skim algorithm, smart-case. Ties break by mention count, then by
//! name, so the ranking is deterministic.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::{ArticleId, EntityId, Model};

/// What a finder row points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Entity(EntityId),
    Article(ArticleId),
}

impl Candidate {
    pub fn new(text: String, target: Target, weight: usize) -> Candidate {
        Candidate {
            mask: mask(&text),
            text,
            target,
            weight,
        }
    }
}

/// One searchable string.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub text: String,
    /// [`mask`] of `text`.
    pub mask: u64,
    pub target: Target,
    /// Larger is more important (mention count for entities).
    pub weight: usize,
}

/// A ranked match (the matched positions, for display, come from [`indices`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub candidate: usize,
    pub score: i64,
}

/// The entity names and aliases of a model, plus article titles when `titles` is set.
pub fn candidates(model: &Model, titles: bool) -> Vec<Candidate> {
    let mut out = Vec::new();
    for e in &model.entities {
        let weight = e.mentions.len();
        out.push(Candidate::new(e.name.clone(), Target::Entity(e.id), weight));
        for a in &e.aliases {
            out.push(Candidate::new(a.clone(), Target::Entity(e.id), weight));
        }
    }
    if titles {
        for (i, a) in model.articles.iter().enumerate() {
            out.push(Candidate::new(
                a.raw.title.clone(),
                Target::Article(ArticleId(i as u32)),
                0,
            ));
        }
    }
    out
}

/// Ranks `candidates` against `query`, best first; an empty query keeps every candidate in
/// weight order.
pub fn rank(candidates: &[Candidate], query: &str) -> Vec<Hit> {
    rank_subset(candidates, query, None)
}

/// Like [`rank`], but only over the candidates at `within` when given (the hits of a query
/// this one extends).
///
/// Two things keep a keystroke fast over 100,000 names: a candidate whose character mask lacks
/// one of the query's characters cannot match and is skipped without running the matcher, and
/// large sets are ranked on every core with one matcher per thread. Hits carry no match
/// positions; [`indices`] computes them for the rows a view shows.
pub fn rank_subset(candidates: &[Candidate], query: &str, within: Option<&[usize]>) -> Vec<Hit> {
    use rayon::prelude::*;
    let need = mask(query);
    let score = |m: &SkimMatcherV2, i: usize| -> Option<Hit> {
        let c = &candidates[i];
        if query.is_empty() {
            return Some(Hit {
                candidate: i,
                score: 0,
            });
        }
        if c.mask & need != need {
            return None;
        }
        m.fuzzy_match(&c.text, query).map(|score| Hit {
            candidate: i,
            score,
        })
    };
    let new_matcher = || SkimMatcherV2::default().smart_case();
    let mut hits: Vec<Hit> = match within {
        Some(w) if w.len() < PARALLEL_FROM => {
            let m = new_matcher();
            w.iter().filter_map(|&i| score(&m, i)).collect()
        }
        Some(w) => w
            .par_iter()
            .map_init(new_matcher, |m, &i| score(m, i))
            .flatten()
            .collect(),
        None if candidates.len() < PARALLEL_FROM => {
            let m = new_matcher();
            (0..candidates.len()).filter_map(|i| score(&m, i)).collect()
        }
        None => (0..candidates.len())
            .into_par_iter()
            .map_init(new_matcher, |m, i| score(m, i))
            .flatten()
            .collect(),
    };
    let order = |a: &Hit, b: &Hit| {
        let (ca, cb) = (&candidates[a.candidate], &candidates[b.candidate]);
        b.score
            .cmp(&a.score)
            .then(cb.weight.cmp(&ca.weight))
            .then(ca.text.cmp(&cb.text))
            .then(a.candidate.cmp(&b.candidate))
    };
    if hits.len() >= PARALLEL_FROM {
        hits.par_sort_unstable_by(order);
    } else {
        hits.sort_unstable_by(order);
    }
    hits
}

/// Below this many candidates one thread is faster than dividing the work.
const PARALLEL_FROM: usize = 20_000;

/// The char indices of `text` that `query` matches, for highlighting a shown row.
pub fn indices(text: &str, query: &str) -> Vec<usize> {
    if query.is_empty() {
        return Vec::new();
    }
    SkimMatcherV2::default()
        .smart_case()
        .fuzzy_indices(text, query)
        .map_or_else(Vec::new, |(_, i)| i)
}

/// A 64-bit set of the characters of `s`, folded to lowercase: letters, digits, and other
/// characters hashed into the remaining bits. Spaces are left out (the matcher skips them).
pub fn mask(s: &str) -> u64 {
    let mut m = 0u64;
    for c in s.chars() {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            'A'..='Z' => c as u32 - 'A' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            ' ' => continue,
            _ => 36 + c.to_lowercase().next().map_or(0, |l| l as u32) % 28,
        };
        m |= 1 << bit;
    }
    m
}

/// The best hit per target, in rank order: an entity found by name and alias appears once.
pub fn best_per_target(candidates: &[Candidate], hits: Vec<Hit>) -> Vec<Hit> {
    let mut seen = std::collections::HashSet::new();
    hits.into_iter()
        .filter(|h| seen.insert(candidates[h.candidate].target))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The prefilter is only an optimisation: whatever the matcher accepts, the mask keeps.
        #[test]
        fn the_mask_never_rejects_a_match(text in "\\PC{0,40}", query in "\\PC{1,6}") {
            let matcher = SkimMatcherV2::default().smart_case();
            if matcher.fuzzy_match(&text, &query).is_some() {
                prop_assert_eq!(mask(&text) & mask(&query), mask(&query));
            }
        }

        #[test]
        fn the_mask_never_rejects_a_match_on_names(text in "[A-Za-zÀ-ÿ .'-]{0,30}", query in "[A-Za-zÀ-ÿ ]{1,5}") {
            let matcher = SkimMatcherV2::default().smart_case();
            if matcher.fuzzy_match(&text, &query).is_some() {
                prop_assert_eq!(mask(&text) & mask(&query), mask(&query));
            }
        }
    }

    #[test]
    fn narrowing_gives_the_same_ranking_as_starting_over() {
        let names = [
            "Maria Lopez",
            "Mario Lopes",
            "Marta Long",
            "Karl Lund",
            "Lopez Maria",
            "Mara Olsen",
        ];
        let cands: Vec<Candidate> = names
            .iter()
            .enumerate()
            .map(|(i, n)| Candidate::new(n.to_string(), Target::Article(ArticleId(i as u32)), 0))
            .collect();
        let first = rank_subset(&cands, "mar", None);
        let within: Vec<usize> = first.iter().map(|h| h.candidate).collect();
        assert_eq!(
            rank_subset(&cands, "marlo", Some(&within)),
            rank_subset(&cands, "marlo", None)
        );
    }
}
