//! The fuzzy finder's state: the query, the ranked hits over entity names, aliases and article
//! titles, and the selection. When a query extends the previous one, only the previous hits
//! are re-ranked: a keystroke narrows instead of starting over, and a backspace returns to the
//! state before that keystroke. Only the hits down to a screenful past the selection are put
//! in order; moving the selection orders more.

use crate::model::Model;
use crate::search::{self, Candidate, Hit, Ranked, TargetSet};

/// The `/` popup.
#[derive(Debug, Default)]
pub struct Finder {
    pub query: String,
    pub candidates: Vec<Candidate>,
    /// Best hit per target, best first: at least down to [`AHEAD`] rows past the selection
    /// (all of them when fewer match).
    pub hits: Vec<Hit>,
    /// How many targets match in all (the length `hits` would have in full).
    pub total: usize,
    pub selected: usize,
    /// Every candidate that matched the current query, ordered as far as `hits` reaches.
    ranked: Ranked,
    /// The targets in `hits`.
    shown: TargetSet,
    /// The states for each shorter prefix of the query, for backspace.
    earlier: Vec<State>,
    /// Each candidate's target as a small number (entities, then articles), for counting
    /// the matching targets without reading the candidates.
    target_of: Vec<usize>,
}

/// What a keystroke changes, kept to undo it.
#[derive(Debug)]
struct State {
    hits: Vec<Hit>,
    total: usize,
    ranked: Ranked,
    shown: TargetSet,
}

/// How far past the selection the hits are kept in order: more than a screen's rows.
const AHEAD: usize = 256;

impl Finder {
    pub fn new(model: &Model) -> Finder {
        Finder::with_candidates(search::candidates(model, true))
    }

    /// A finder over any candidates (benchmarks and tests use plain name lists).
    pub fn with_candidates(candidates: Vec<Candidate>) -> Finder {
        let entities = candidates
            .iter()
            .filter_map(|c| match c.target {
                search::Target::Entity(e) => Some(e.0 as usize + 1),
                search::Target::Article(_) => None,
            })
            .max()
            .unwrap_or(0);
        let target_of = candidates
            .iter()
            .map(|c| match c.target {
                search::Target::Entity(e) => e.index(),
                search::Target::Article(a) => entities + a.index(),
            })
            .collect();
        let mut f = Finder {
            candidates,
            target_of,
            ..Finder::default()
        };
        f.rerank(None);
        f
    }

    /// Clears the query and shows every candidate.
    pub fn reset(&mut self) {
        self.query.clear();
        self.earlier.clear();
        self.rerank(None);
    }

    pub fn push(&mut self, c: char) {
        self.query.push(c);
        // The new query extends the old one: only what matched before can match now.
        let state = State {
            hits: std::mem::take(&mut self.hits),
            total: self.total,
            ranked: std::mem::take(&mut self.ranked),
            shown: std::mem::take(&mut self.shown),
        };
        let previous = state.ranked.candidates();
        self.rerank(Some(previous));
        self.earlier.push(state);
    }

    pub fn pop(&mut self) {
        if self.query.pop().is_none() {
            return;
        }
        match self.earlier.pop() {
            Some(s) => {
                self.hits = s.hits;
                self.total = s.total;
                self.ranked = s.ranked;
                self.shown = s.shown;
                self.selected = 0;
            }
            None => self.rerank(None),
        }
    }

    fn rerank(&mut self, within: Option<&[usize]>) {
        self.ranked = Ranked::new(&self.candidates, &self.query, within);
        let mut all: Vec<u64> = Vec::new();
        for &i in self.ranked.candidates() {
            let t = self.target_of[i];
            if t / 64 >= all.len() {
                all.resize(t / 64 + 1, 0);
            }
            all[t / 64] |= 1 << (t % 64);
        }
        self.total = all.iter().map(|w| w.count_ones() as usize).sum();
        self.hits.clear();
        self.shown.clear();
        self.selected = 0;
        self.order_down_to(AHEAD);
    }

    /// Extends `hits` to `rows` rows (or all there are).
    fn order_down_to(&mut self, rows: usize) {
        let rows = rows.min(self.total);
        while self.hits.len() < rows {
            let from = self.ranked.ordered();
            // Some hits may be a target already shown: order a little more than needed, and
            // twice as much each round.
            let want = (rows - self.hits.len()).max(from) + 16;
            self.ranked.order_first(&self.candidates, from + want);
            let to = self.ranked.ordered();
            if to == from {
                break;
            }
            for h in self.ranked.hits(from..to) {
                if self.shown.insert(self.candidates[h.candidate].target) {
                    self.hits.push(h);
                }
            }
        }
    }

    pub fn select_by(&mut self, delta: isize) {
        if self.total == 0 {
            self.selected = 0;
        } else {
            self.selected = self
                .selected
                .saturating_add_signed(delta)
                .min(self.total - 1);
            self.order_down_to(self.selected + AHEAD);
        }
    }

    /// The selected hit's target.
    pub fn target(&self) -> Option<search::Target> {
        self.hits
            .get(self.selected)
            .map(|h| self.candidates[h.candidate].target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, EntityId};
    use crate::search::Target;

    /// Many names, several per target (as an entity's aliases), with weights.
    fn finder(n: usize) -> Finder {
        let assets = crate::assets::bundled();
        let mut given: Vec<&String> = assets.given_names.iter().collect();
        let mut sur: Vec<&String> = assets.surnames.iter().collect();
        given.sort();
        sur.sort();
        let cands = (0..n)
            .map(|i| {
                let text = format!(
                    "{} {}",
                    given[(i * 7) % given.len()],
                    sur[(i * 13) % sur.len()]
                );
                let target = if i % 5 == 0 {
                    Target::Article(ArticleId((i / 10) as u32))
                } else {
                    Target::Entity(EntityId((i / 3) as u32))
                };
                Candidate::new(text, target, i % 4)
            })
            .collect();
        Finder::with_candidates(cands)
    }

    /// The whole list the finder stands for: every hit, best per target.
    fn expected(f: &Finder) -> Vec<Hit> {
        search::best_per_target(&f.candidates, search::rank(&f.candidates, &f.query))
    }

    /// Scrolls to the end, so that `hits` is complete, and checks it.
    fn check_in_full(f: &mut Finder) {
        let want = expected(f);
        assert_eq!(f.total, want.len(), "{:?}", f.query);
        assert_eq!(f.hits[..], want[..f.hits.len()], "{:?}", f.query);
        assert!(f.hits.len() >= want.len().min(AHEAD), "{:?}", f.query);
        f.select_by(isize::MAX);
        assert_eq!(f.selected, want.len().saturating_sub(1));
        assert_eq!(f.hits, want, "{:?}", f.query);
    }

    #[test]
    fn typing_and_deleting_show_what_ranking_from_scratch_shows() {
        let mut f = finder(3000);
        check_in_full(&mut f);
        for c in "mar sm".chars() {
            f.push(c);
            check_in_full(&mut f);
        }
        for _ in 0..3 {
            f.pop();
            assert_eq!(f.selected, 0);
            check_in_full(&mut f);
        }
        f.push('x');
        check_in_full(&mut f);
        for _ in 0..10 {
            f.pop();
        }
        assert_eq!(f.query, "");
        check_in_full(&mut f);
        f.push('e');
        f.reset();
        assert_eq!(f.query, "");
        check_in_full(&mut f);
    }

    #[test]
    fn moving_down_orders_more_hits_a_page_at_a_time() {
        let mut f = finder(3000);
        f.push('a');
        let want = expected(&f);
        assert!(want.len() > 4 * AHEAD, "enough hits to page through");
        assert!(
            f.hits.len() < want.len(),
            "only the top is ordered at first"
        );
        for step in [1, 40, AHEAD as isize, 3 * AHEAD as isize, -5] {
            f.select_by(step);
            assert!(f.hits.len() > f.selected + AHEAD.min(want.len() - 1 - f.selected));
            assert_eq!(f.hits[..], want[..f.hits.len()]);
            assert_eq!(
                f.target(),
                Some(f.candidates[want[f.selected].candidate].target)
            );
        }
    }

    #[test]
    fn no_match_leaves_nothing_to_select() {
        let mut f = finder(100);
        for c in "qqxz".chars() {
            f.push(c);
        }
        assert_eq!((f.total, f.hits.len()), (0, 0));
        f.select_by(3);
        assert_eq!(f.selected, 0);
        assert_eq!(f.target(), None);
    }
}
