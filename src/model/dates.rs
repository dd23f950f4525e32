//! Publication dates across the corpus: the part of date inference that needs other articles.
//!
//! An undated article often names a day or month without its year ("In January, ... the
//! inauguration") or a year only relative to itself ("this year's election"), while another
//! article dates the same fact ("the inauguration on January 20" in an article of December
//! 2024; "the 2024 election"). Such an expression borrows the year when the sentences share
//! enough content words, summed over every article that dates the fact, and a clear winner
//! exists. With the borrowed values, `extract::pubdate` infers the article's date from its own
//! text, and its time expressions are resolved again against that date. Articles dated this way
//! lend their own dates in a second round, so a chain of undated articles can be dated.
//!
//! Only undated articles are touched, and the index holds only facts for the keys they ask
//! about, so a corpus of dated articles pays nothing beyond one pass over its timexes.

use std::collections::{HashMap, HashSet};

use chrono::Datelike;

use crate::corpus::{Published, RawArticle};
use crate::extract::pubdate::{self, Lent};
use crate::extract::timex::{self, Expr, Raw, Unit};
use crate::extract::{Anchor, Facts, Timex};
use crate::time::{DateValue, Precision};

/// What an undated expression can be matched on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    /// A month and day ("January 20").
    Day(u32, u32),
    /// A month ("In January").
    Month(u32),
    /// A year, followed by the same noun ("this year's election" and "the 2024 election").
    Year(u64),
}

fn key_of(raw: &Raw, head: Option<u64>) -> Option<Key> {
    match raw.expr {
        Expr::MonthDay { month, day } => Some(Key::Day(month, day)),
        Expr::Month { month, .. } => Some(Key::Month(month)),
        Expr::Relative {
            unit: Unit::Year, ..
        } => head.map(Key::Year),
        _ => None,
    }
}

/// The dated expressions of the corpus for one key, with an inverted index from the content
/// words of their sentences.
#[derive(Default)]
struct KeyFacts {
    /// (article, value) of each fact.
    facts: Vec<(usize, DateValue)>,
    /// Content word to the facts whose sentence has it.
    postings: HashMap<u64, Vec<u32>>,
}

/// A word shared with more facts than this says nothing about which fact is the same one,
/// and following it would make matching quadratic in the corpus: it is skipped.
const MAX_POSTING: usize = 256;

/// Infers the publication date of every article that has none, and re-resolves its time
/// expressions against it. Articles keep `None` when nothing supports a date.
pub(crate) fn infer(articles: &mut [RawArticle], facts: &mut [Facts]) {
    let mut undated: Vec<usize> = (0..articles.len())
        .filter(|&i| articles[i].published.is_none())
        .collect();
    if undated.is_empty() {
        return;
    }
    let scans: HashMap<usize, Vec<Raw>> = undated
        .iter()
        .map(|&i| (i, timex::scan(&articles[i].body, &facts[i].sentences)))
        .collect();
    // Two rounds: articles dated in the first lend their dates in the second.
    for _round in 0..2 {
        let wanted = wanted_keys(articles, &undated, &scans);
        let index = build_index(articles, facts, &wanted);
        let mut dated_now = 0;
        for &u in &undated {
            let body = &articles[u].body;
            let raws = &scans[&u];
            let lent: Vec<Option<Lent>> = raws
                .iter()
                .map(|r| lend(articles, facts, &index, u, r))
                .collect();
            let Some(inf) = pubdate::infer(body, raws, &lent) else {
                continue;
            };
            let mut timexes = timex::resolve(raws, Some(inf.window));
            add_lent(raws, &lent, &mut timexes);
            facts[u].timexes = timexes;
            articles[u].published = Some(Published {
                date: inf.date,
                inferred: true,
                basis: inf.basis,
            });
            dated_now += 1;
        }
        if dated_now == 0 {
            break;
        }
        undated.retain(|&u| articles[u].published.is_none());
        if undated.is_empty() {
            break;
        }
    }
}

/// The keys the still-undated articles ask about.
fn wanted_keys(
    articles: &[RawArticle],
    undated: &[usize],
    scans: &HashMap<usize, Vec<Raw>>,
) -> HashSet<Key> {
    let mut keys = HashSet::new();
    for &u in undated {
        for r in &scans[&u] {
            let head = head_after(&articles[u].body, r.span.end());
            if let Some(k) = key_of(r, head) {
                keys.insert(k);
            }
        }
    }
    keys
}

/// Facts for the wanted keys: every resolved, non-vague timex of a dated article, and the
/// absolute ones of undated articles.
fn build_index(
    articles: &[RawArticle],
    facts: &[Facts],
    wanted: &HashSet<Key>,
) -> HashMap<Key, KeyFacts> {
    let mut index: HashMap<Key, KeyFacts> = HashMap::new();
    if wanted.is_empty() {
        return index;
    }
    for (ai, (a, f)) in articles.iter().zip(facts).enumerate() {
        let dated = a.published.is_some();
        for t in &f.timexes {
            if t.vague || !(dated && t.anchor != Anchor::Corpus || t.anchor == Anchor::Absolute) {
                continue;
            }
            let v = t.value;
            let mut keys = Vec::with_capacity(2);
            if v.precision == Precision::Day {
                keys.push(Key::Day(v.start.month(), v.start.day()));
            }
            if v.precision <= Precision::Month {
                keys.push(Key::Month(v.start.month()));
            }
            if v.precision == Precision::Year {
                if let Some(h) = head_after(&a.body, t.span.end()) {
                    keys.push(Key::Year(h));
                }
            }
            let mut words: Option<Vec<u64>> = None;
            for k in keys {
                if !wanted.contains(&k) {
                    continue;
                }
                let words = words.get_or_insert_with(|| {
                    content_words(f.sentences.get(t.sentence).map_or("", |s| s.of(&a.body)))
                });
                let entry = index.entry(k).or_default();
                let id = entry.facts.len() as u32;
                entry.facts.push((ai, v));
                for w in words.iter() {
                    entry.postings.entry(*w).or_default().push(id);
                }
            }
        }
    }
    index
}

/// The value the corpus lends `raw` of article `u`: the one most supported by sentences
/// sharing at least two content words with its own, when it clearly wins.
fn lend(
    articles: &[RawArticle],
    facts: &[Facts],
    index: &HashMap<Key, KeyFacts>,
    u: usize,
    raw: &Raw,
) -> Option<Lent> {
    let body = &articles[u].body;
    let key = key_of(raw, head_after(body, raw.span.end()))?;
    let kf = index.get(&key)?;
    let own = facts[u]
        .sentences
        .get(raw.sentence)
        .map_or(Vec::new(), |s| content_words(s.of(body)));
    // Shared words per fact, through the postings of the sentence's words.
    let mut shared: HashMap<u32, usize> = HashMap::new();
    for w in &own {
        if let Some(p) = kf.postings.get(w).filter(|p| p.len() <= MAX_POSTING) {
            for &id in p {
                *shared.entry(id).or_default() += 1;
            }
        }
    }
    let mut matched: Vec<(u32, usize)> = shared.into_iter().filter(|&(_, n)| n >= 2).collect();
    matched.sort_unstable();
    // Votes per value, as the raw would read it (a day's month for "In January").
    let mut votes: Vec<(DateValue, usize, usize)> = Vec::new();
    for (id, shared) in matched {
        let (article, value) = kf.facts[id as usize];
        if article == u {
            continue;
        }
        let value = match key {
            Key::Month(_) => DateValue::month(value.start.year(), value.start.month())?,
            _ => value,
        };
        match votes.iter_mut().find(|(v, _, _)| *v == value) {
            Some(e) => e.1 += shared,
            None => votes.push((value, shared, article)),
        }
    }
    votes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let (value, score, from) = *votes.first()?;
    if votes.get(1).is_some_and(|second| second.1 == score) {
        return None;
    }
    let from = &articles[from].id;
    Some(Lent {
        value,
        note: format!("{} in {from}", value.value()),
    })
}

/// Adds the lent values the article's own reading could not resolve, anchored on the corpus,
/// where the tense agrees with the publication date.
fn add_lent(raws: &[Raw], lent: &[Option<Lent>], timexes: &mut Vec<Timex>) {
    let mut added = false;
    for (r, l) in raws.iter().zip(lent) {
        let Some(l) = l else { continue };
        if matches!(r.expr, Expr::Relative { .. }) {
            continue;
        }
        if timexes.iter().any(|t| t.span == r.span) {
            continue;
        }
        timexes.push(Timex {
            span: r.span,
            value: l.value,
            vague: false,
            anchor: Anchor::Corpus,
            sentence: r.sentence,
        });
        added = true;
    }
    if added {
        // Keep text order; chained anchors point at earlier timexes, so renumber them.
        let mut order: Vec<usize> = (0..timexes.len()).collect();
        order.sort_by_key(|&i| timexes[i].span.start());
        let mut new_index = vec![0; timexes.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut sorted: Vec<Timex> = order.iter().map(|&i| timexes[i].clone()).collect();
        for t in &mut sorted {
            if let Anchor::Timex(i) = t.anchor {
                t.anchor = Anchor::Timex(new_index[i]);
            }
        }
        *timexes = sorted;
    }
}

/// The noun right after a year expression ("election" in "the 2024 election" and in "this
/// year's election"), skipping a possessive, as a word hash.
fn head_after(body: &str, at: usize) -> Option<u64> {
    let rest = body.get(at..)?;
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest);
    let word: String = rest
        .trim_start_matches([' ', '-'])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    (word.len() >= 4 && word.chars().next().is_some_and(char::is_lowercase))
        .then(|| hash_word(&word))
}

/// Lowercase words of four letters or more that are not function words or time words, with
/// a plural or possessive "s" removed, hashed and sorted.
fn content_words(sentence: &str) -> Vec<u64> {
    let mut out: Vec<u64> = sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 4)
        .map(|w| w.to_lowercase())
        .filter(|w| {
            !STOP.contains(&w.as_str()) && !crate::time::CALENDAR_WORDS.contains(&w.as_str())
        })
        .map(|w| {
            let w = if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
                &w[..w.len() - 1]
            } else {
                &w[..]
            };
            hash_word(w)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// FNV-1a: stable across runs, so matching is deterministic.
fn hash_word(w: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in w.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Function words, time words and the commonest news verbs: shared by any two sentences.
const STOP: &[&str] = &[
    "about",
    "after",
    "again",
    "against",
    "also",
    "among",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "could",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "from",
    "further",
    "have",
    "having",
    "here",
    "himself",
    "herself",
    "into",
    "itself",
    "just",
    "last",
    "like",
    "made",
    "make",
    "many",
    "more",
    "most",
    "much",
    "must",
    "next",
    "only",
    "other",
    "over",
    "said",
    "same",
    "says",
    "should",
    "since",
    "some",
    "still",
    "such",
    "than",
    "that",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "told",
    "under",
    "until",
    "very",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "would",
    "your",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "days",
    "today",
    "yesterday",
    "tomorrow",
    "earlier",
    "later",
    "recent",
    "recently",
    "first",
    "second",
    "third",
    "according",
    "people",
    "time",
    "however",
    "already",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_drop_function_and_time_words() {
        let a = content_words("In January, the inauguration committee met in Washington.");
        let b = content_words("The inauguration on January 20 was held in Washington.");
        assert_eq!(a.iter().filter(|w| b.contains(w)).count(), 2);
        assert_eq!(
            head_after("this year's election cycle", 9),
            Some(hash_word("election"))
        );
        assert_eq!(
            head_after("the 2024 election", 8),
            Some(hash_word("election"))
        );
        assert_eq!(head_after("in 2024, he", 7), None);
    }
}
