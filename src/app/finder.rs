//! The fuzzy finder's state: the query, the ranked hits over entity names, aliases and article
//! titles, and the selection. When a query extends the previous one, only the previous hits
//! are re-ranked: a keystroke narrows instead of starting over.

use crate::model::Model;
use crate::search::{self, Candidate, Hit};

/// The `/` popup.
#[derive(Debug, Default)]
pub struct Finder {
    pub query: String,
    pub candidates: Vec<Candidate>,
    /// Best hit per target, best first.
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// Every candidate that matched the current query (before keeping one per target), for
    /// narrowing on the next keystroke.
    matched: Vec<usize>,
}

impl Finder {
    pub fn new(model: &Model) -> Finder {
        Finder::with_candidates(search::candidates(model, true))
    }

    /// A finder over any candidates (benchmarks and tests use plain name lists).
    pub fn with_candidates(candidates: Vec<Candidate>) -> Finder {
        let mut f = Finder {
            candidates,
            ..Finder::default()
        };
        f.rerank(None);
        f
    }

    /// Clears the query and shows every candidate.
    pub fn reset(&mut self) {
        self.query.clear();
        self.rerank(None);
    }

    pub fn push(&mut self, c: char) {
        self.query.push(c);
        // The new query extends the old one: only what matched before can match now.
        let previous = std::mem::take(&mut self.matched);
        self.rerank(Some(previous));
    }

    pub fn pop(&mut self) {
        self.query.pop();
        self.rerank(None);
    }

    fn rerank(&mut self, within: Option<Vec<usize>>) {
        let all = search::rank_subset(&self.candidates, &self.query, within.as_deref());
        self.matched = all.iter().map(|h| h.candidate).collect();
        self.hits = search::best_per_target(&self.candidates, all);
        self.selected = 0;
    }

    pub fn select_by(&mut self, delta: isize) {
        if self.hits.is_empty() {
            self.selected = 0;
        } else {
            self.selected = self
                .selected
                .saturating_add_signed(delta)
                .min(self.hits.len() - 1);
        }
    }

    /// The selected hit's target.
    pub fn target(&self) -> Option<search::Target> {
        self.hits
            .get(self.selected)
            .map(|h| self.candidates[h.candidate].target)
    }
}
