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

/// One searchable string.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub text: String,
    pub target: Target,
    /// Larger is more important (mention count for entities).
    pub weight: usize,
}

/// A ranked match with the char indices of `text` that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub candidate: usize,
    pub score: i64,
    pub indices: Vec<usize>,
}

/// The entity names and aliases of a model, plus article titles when `titles` is set.
pub fn candidates(model: &Model, titles: bool) -> Vec<Candidate> {
    let mut out = Vec::new();
    for e in &model.entities {
        let weight = e.mentions.len();
        out.push(Candidate {
            text: e.name.clone(),
            target: Target::Entity(e.id),
            weight,
        });
        for a in &e.aliases {
            out.push(Candidate {
                text: a.clone(),
                target: Target::Entity(e.id),
                weight,
            });
        }
    }
    if titles {
        for (i, a) in model.articles.iter().enumerate() {
            out.push(Candidate {
                text: a.raw.title.clone(),
                target: Target::Article(ArticleId(i as u32)),
                weight: 0,
            });
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
pub fn rank_subset(candidates: &[Candidate], query: &str, within: Option<&[usize]>) -> Vec<Hit> {
    let matcher = SkimMatcherV2::default().smart_case();
    let all: Vec<usize>;
    let indices = match within {
        Some(w) => w,
        None => {
            all = (0..candidates.len()).collect();
            &all
        }
    };
    let mut hits: Vec<Hit> = indices
        .iter()
        .map(|&i| (i, &candidates[i]))
        .filter_map(|(i, c)| {
            if query.is_empty() {
                return Some(Hit {
                    candidate: i,
                    score: 0,
                    indices: Vec::new(),
                });
            }
            matcher
                .fuzzy_indices(&c.text, query)
                .map(|(score, indices)| Hit {
                    candidate: i,
                    score,
                    indices,
                })
        })
        .collect();
    hits.sort_by(|a, b| {
        let (ca, cb) = (&candidates[a.candidate], &candidates[b.candidate]);
        b.score
            .cmp(&a.score)
            .then(cb.weight.cmp(&ca.weight))
            .then(ca.text.cmp(&cb.text))
    });
    hits
}

/// The best hit per target, in rank order: an entity found by name and alias appears once.
pub fn best_per_target(candidates: &[Candidate], hits: Vec<Hit>) -> Vec<Hit> {
    let mut seen = std::collections::HashSet::new();
    hits.into_iter()
        .filter(|h| seen.insert(candidates[h.candidate].target))
        .collect()
}
