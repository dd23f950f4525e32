//! The fuzzy finder: ranks entity names and aliases (and, in the TUI, article titles) against a
//! query with fuzzy-matcher's Skim algorithm, smart-case. Ties break by mention count, then by
//! name, so the ranking is deterministic.

use std::cmp::Ordering;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

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
            ascii: text.is_ascii(),
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
    /// `text` is ASCII: the fast paths read bytes instead of decoding chars.
    ascii: bool,
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
        out.push(Candidate::new(
            e.name.to_string(),
            Target::Entity(e.id),
            weight,
        ));
        for a in &e.aliases {
            out.push(Candidate::new(a.to_string(), Target::Entity(e.id), weight));
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
pub fn rank_subset(candidates: &[Candidate], query: &str, within: Option<&[usize]>) -> Vec<Hit> {
    let mut ranked = Ranked::new(candidates, query, within);
    ranked.order_first(candidates, usize::MAX);
    ranked.hits(0..ranked.len()).collect()
}

/// Every hit of a query, put in rank order only as far as asked ([`Ranked::order_first`]): a
/// view that shows a screenful of a hundred thousand hits sorts a few hundred of them.
///
/// Rank order is by score (best first), then weight (largest first), then text, then
/// candidate index. What keeps a keystroke fast over 100,000 names:
/// - a candidate whose character mask lacks one of the query's characters cannot match and
///   is skipped without running the matcher, and so is one without the query's characters
///   in order;
/// - one- and two-character queries (the first keystrokes, which match most names) are
///   scored by [`score_one`] and [`score_two`], which give the matcher's score without its
///   general dynamic programme (tests compare them with the matcher);
/// - large sets are scored on every core, in chunks with one matcher each;
/// - each hit carries its order packed in integers (score, weight, the text's first 16
///   bytes), so sorting rarely touches the strings; and only the asked-for prefix is sorted.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    entries: Vec<Entry>,
    /// `entries[..ordered]` are the best hits in rank order; the rest are unordered.
    ordered: usize,
    /// The candidate index of every hit, in the order scored (ascending, unless `within` was
    /// not): a narrower query then reads the candidates in memory order (in rank order, cache
    /// misses were half its time).
    matched: Vec<usize>,
}

/// A hit with its rank order packed: see [`Entry::rank_cmp`].
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The flipped score (high half) and the flipped weight, saturated (low half): smaller
    /// is better.
    key: u64,
    /// The first 16 bytes of the text ([`prefix`]): comparing these orders most pairs of
    /// names without touching the strings.
    prefix: u128,
    candidate: u32,
}

impl Entry {
    fn new(score: i64, weight: usize, prefix: u128, candidate: usize) -> Entry {
        let score = score.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
        let score = (score as u32) ^ 0x8000_0000; // order-preserving as unsigned
        let weight = u32::try_from(weight).unwrap_or(u32::MAX);
        Entry {
            key: (u64::from(!score) << 32) | u64::from(!weight),
            prefix,
            candidate: candidate as u32,
        }
    }

    fn score(&self) -> i64 {
        (!((self.key >> 32) as u32) ^ 0x8000_0000) as i32 as i64
    }

    /// Rank order: score, then weight (in full when it does not fit the key), then text,
    /// then candidate index.
    fn rank_cmp<T: Texts + ?Sized>(&self, other: &Entry, items: &T) -> Ordering {
        let (a, b) = (self.candidate as usize, other.candidate as usize);
        self.key
            .cmp(&other.key)
            .then_with(|| {
                if self.key as u32 == 0 {
                    // Both weights saturated the key: compare them in full.
                    items.weight(b).cmp(&items.weight(a))
                } else {
                    Ordering::Equal
                }
            })
            .then(self.prefix.cmp(&other.prefix))
            .then_with(|| items.text(a).cmp(items.text(b)))
            .then(self.candidate.cmp(&other.candidate))
    }
}

/// What ranking reads of the ranked items: candidates, or plain lines of weight 0.
trait Texts: Sync {
    fn text(&self, i: usize) -> &str;
    fn weight(&self, i: usize) -> usize;
}

impl Texts for [Candidate] {
    fn text(&self, i: usize) -> &str {
        &self[i].text
    }
    fn weight(&self, i: usize) -> usize {
        self[i].weight
    }
}

impl Texts for [&str] {
    fn text(&self, i: usize) -> &str {
        self[i]
    }
    fn weight(&self, _: usize) -> usize {
        0
    }
}

/// The first 16 bytes of `text`, big-endian, zero-padded.
fn prefix(text: &str) -> u128 {
    let mut prefix = [0u8; 16];
    let n = text.len().min(16);
    prefix[..n].copy_from_slice(&text.as_bytes()[..n]);
    u128::from_be_bytes(prefix)
}

/// Puts `entries` in rank order down to (at least) `n`, given that the first `ordered` are;
/// returns how many are in order now.
fn order_first<T: Texts + ?Sized>(
    entries: &mut [Entry],
    ordered: usize,
    items: &T,
    n: usize,
) -> usize {
    let n = n.min(entries.len());
    if n <= ordered {
        return ordered;
    }
    let order = |a: &Entry, b: &Entry| a.rank_cmp(b, items);
    let rest = &mut entries[ordered..];
    let want = n - ordered;
    // Sorting everything is cheaper than selecting most of it first.
    if want >= rest.len() / 2 {
        if rest.len() >= PARALLEL_FROM {
            rest.par_sort_unstable_by(order);
        } else {
            rest.sort_unstable_by(order);
        }
        entries.len()
    } else {
        rest.select_nth_unstable_by(want - 1, order);
        rest[..want].sort_unstable_by(order);
        n
    }
}

/// The indices of the lines of `lines` that match `query`, in rank order (score, then text,
/// then index), the first `limit` only: `storyline find --stdin`. Lines are not copied nor
/// prepared: there is one query.
pub fn rank_lines(lines: &[&str], query: &str, limit: usize) -> Vec<usize> {
    assert!(u32::try_from(lines.len()).is_ok(), "at most u32::MAX lines");
    let q = Query::new(query);
    let mut entries = scan(lines.len(), |m, i| {
        let line = lines[i];
        q.score_text(m, line, line.is_ascii())
            .map(|score| Entry::new(score, 0, prefix(line), i))
    });
    let n = order_first(&mut entries, 0, lines, limit);
    entries[..n.min(limit)]
        .iter()
        .map(|e| e.candidate as usize)
        .collect()
}

impl Ranked {
    /// Scores `candidates` (only those at `within`, when given) against `query`; an empty
    /// query keeps every candidate with score 0.
    pub fn new(candidates: &[Candidate], query: &str, within: Option<&[usize]>) -> Ranked {
        assert!(
            u32::try_from(candidates.len()).is_ok(),
            "at most u32::MAX candidates"
        );
        let q = Query::new(query);
        let entry = |m: &SkimMatcherV2, i: usize| -> Option<Entry> {
            let c = &candidates[i];
            q.score(m, c)
                .map(|score| Entry::new(score, c.weight, prefix(&c.text), i))
        };
        let entries = match within {
            Some(w) => scan(w.len(), |m, k| entry(m, w[k])),
            None => scan(candidates.len(), entry),
        };
        Ranked {
            matched: entries.iter().map(|e| e.candidate as usize).collect(),
            entries,
            ordered: 0,
        }
    }

    /// How many candidates matched.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many of the best hits are in rank order.
    pub fn ordered(&self) -> usize {
        self.ordered
    }

    /// Puts (at least) the best `n` hits in rank order; the rest stay unordered.
    pub fn order_first(&mut self, candidates: &[Candidate], n: usize) {
        self.ordered = order_first(&mut self.entries, self.ordered, candidates, n);
    }

    /// The hits at `range`, which must be within [`Ranked::ordered`] to be in rank order.
    pub fn hits(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = Hit> + '_ {
        self.entries[range].iter().map(|e| Hit {
            candidate: e.candidate as usize,
            score: e.score(),
        })
    }

    /// The candidate index of every hit, in the order scored: ascending, unless the `within`
    /// given to [`Ranked::new`] was not.
    pub fn candidates(&self) -> &[usize] {
        &self.matched
    }
}

/// The entries `entry` gives for `0..n`, in that order: on every core for large `n`, in
/// chunks with one matcher each.
fn scan<F>(n: usize, entry: F) -> Vec<Entry>
where
    F: Fn(&SkimMatcherV2, usize) -> Option<Entry> + Sync,
{
    let new_matcher = || SkimMatcherV2::default().smart_case();
    if n < PARALLEL_FROM {
        let m = new_matcher();
        return (0..n).filter_map(|k| entry(&m, k)).collect();
    }
    let parts: Vec<Vec<Entry>> = (0..n.div_ceil(CHUNK))
        .into_par_iter()
        .map_init(new_matcher, |m, part| {
            let range = part * CHUNK..((part + 1) * CHUNK).min(n);
            let mut out = Vec::with_capacity(range.len());
            out.extend(range.filter_map(|k| entry(m, k)));
            out
        })
        .collect();
    parts.concat()
}

/// Below this many candidates one thread is faster than dividing the work.
const PARALLEL_FROM: usize = 20_000;
/// Candidates per parallel task: small enough to balance two cores, large enough that the
/// per-task cost is noise next to the fast paths' few nanoseconds per name.
const CHUNK: usize = 4096;

/// A query prepared once for scoring many candidates.
struct Query<'q> {
    text: &'q str,
    mask: u64,
    /// The query's characters when it has one or two (the fast paths).
    short: Option<(char, Option<char>)>,
    /// Smart case, as the matcher decides it: an ASCII capital makes the match exact-case.
    case_sensitive: bool,
    /// The query's characters, for the in-order check.
    pats: Vec<Pat>,
}

impl<'q> Query<'q> {
    fn new(text: &'q str) -> Query<'q> {
        let mut chars = text.chars();
        let short = match (chars.next(), chars.next(), chars.next()) {
            (Some(a), b, None) => Some((a, b)),
            _ => None,
        };
        let case_sensitive = text.chars().any(|c| c.is_ascii_uppercase());
        Query {
            text,
            mask: mask(text),
            short,
            case_sensitive,
            pats: text.chars().map(|c| Pat::new(c, case_sensitive)).collect(),
        }
    }

    /// Whether the query's characters appear in `text` in order, as the matcher first checks
    /// (it returns no match otherwise): a few nanoseconds that spare a call to it.
    fn in_order(&self, text: impl Iterator<Item = char>) -> bool {
        let mut pats = self.pats.iter();
        let Some(mut p) = pats.next() else {
            return true;
        };
        for c in text {
            if p.score(c).is_some() {
                match pats.next() {
                    Some(next) => p = next,
                    None => return true,
                }
            }
        }
        false
    }

    /// The matcher's score of `c`, or `None` when it does not match.
    fn score(&self, m: &SkimMatcherV2, c: &Candidate) -> Option<i64> {
        if c.mask & self.mask != self.mask {
            return None;
        }
        self.score_text(m, &c.text, c.ascii)
    }

    /// [`Query::score`] without the prefilter; `ascii` says whether `text` is.
    fn score_text(&self, m: &SkimMatcherV2, text: &str, ascii: bool) -> Option<i64> {
        if self.text.is_empty() {
            return Some(0);
        }
        let cs = self.case_sensitive;
        let score = match self.short {
            Some((a, None)) if ascii => score_one(text.bytes().map(char::from), a, cs),
            Some((a, None)) => score_one(text.chars(), a, cs),
            Some((a, Some(b))) if ascii => score_two(text.bytes().map(char::from), a, b, cs),
            Some((a, Some(b))) => score_two(text.chars(), a, b, cs),
            None => {
                let in_order = if ascii {
                    self.in_order(text.bytes().map(char::from))
                } else {
                    self.in_order(text.chars())
                };
                return if in_order {
                    m.fuzzy_match(text, self.text)
                } else {
                    None
                };
            }
        };
        score.map(i64::from)
    }
}

// The fast paths reproduce fuzzy-matcher 0.3.7's SkimMatcherV2 (default score configuration,
// smart case, `fuzzy_match`) for patterns of one and two characters: its character classes,
// in-place bonuses and the recurrences of its two-row score matrix, cell for cell. Tests
// check them against the matcher on names and on arbitrary strings, so a fuzzy-matcher that
// scored differently would fail them.

/// `fuzzy_matcher::skim::CharType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

#[inline]
fn class(c: char) -> Class {
    match ASCII_CLASS.get(c as usize) {
        Some(&k) => k,
        None => Class::Lower,
    }
}

/// [`class`] of each ASCII character, looked up.
const ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Lower; 128];
    let mut i = 0;
    while i < 128 {
        table[i] = match i as u8 {
            b'\0' => Class::Empty,
            b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::HardSep,
            b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => Class::SoftSep,
            b'0'..=b'9' => Class::Number,
            b'A'..=b'Z' => Class::Upper,
            _ => Class::Lower,
        };
        i += 1;
    }
    table
};

/// The matcher's in-place bonus of a character of class `cur` after one of class `prev`
/// (head of a word 8, after punctuation 7, camel case 6); the first character's is doubled.
#[inline]
fn bonus(prev: Class, cur: Class) -> i32 {
    match (prev, cur) {
        (Class::Empty | Class::HardSep, _) => 8,
        (Class::SoftSep, _) => 7,
        (Class::Lower | Class::Number, Class::Upper) => 6,
        _ => 0,
    }
}

/// A pattern character and what it matches: itself (score 16), and when matching ignores
/// case, its other ASCII case (16, less 2 for the case difference).
#[derive(Debug, Clone, Copy)]
struct Pat {
    exact: char,
    other: char,
}

impl Pat {
    fn new(p: char, case_sensitive: bool) -> Pat {
        let other = if case_sensitive {
            p
        } else if p.is_ascii_lowercase() {
            p.to_ascii_uppercase()
        } else {
            p.to_ascii_lowercase()
        };
        Pat { exact: p, other }
    }

    fn score(self, c: char) -> Option<i32> {
        if c == self.exact {
            Some(16)
        } else if c == self.other {
            Some(14)
        } else {
            None
        }
    }
}

/// The in-place bonus of `c` at char index `k`, after `prev` (`'\0'` at the start); the
/// first character's is doubled.
#[inline]
fn bonus_at(k: usize, prev: char, c: char) -> i32 {
    let b = bonus(class(prev), class(c));
    if k == 0 { 2 * b } else { b }
}

/// The matrix's "minus infinity".
const NEG: i32 = i16::MIN as i32;
/// Gap start plus gap extension, and gap extension.
const GAP_OPEN: i32 = -4;
const GAP_EXTEND: i32 = -1;
/// The least bonus a consecutive match gets.
const CONSECUTIVE: i32 = 4;
/// The best one-character score: the first character, in the same case.
const BEST_ONE: i32 = GAP_EXTEND + 16 + 16;

/// The best in-place bonus over the positions `p` matches, plus the match score, less one
/// (the empty row's gap): the one-character pattern's score.
fn score_one(text: impl Iterator<Item = char>, p: char, case_sensitive: bool) -> Option<i32> {
    let p = Pat::new(p, case_sensitive);
    let mut best: Option<i32> = None;
    let mut prev = '\0';
    for (k, c) in text.enumerate() {
        if let Some(s) = p.score(c) {
            let v = GAP_EXTEND + bonus_at(k, prev, c) + s;
            best = Some(best.map_or(v, |x| x.max(v)));
            if v == BEST_ONE {
                break;
            }
        }
        prev = c;
    }
    best
}

/// The two-character pattern's score: row one of the matrix (`m1`, `p1`: best alignment of
/// the first character ending in a match, or in a gap, at the previous column) is carried
/// along while row two's matches are scored from it.
fn score_two(
    text: impl Iterator<Item = char>,
    a: char,
    b: char,
    case_sensitive: bool,
) -> Option<i32> {
    let (a, b) = (Pat::new(a, case_sensitive), Pat::new(b, case_sensitive));
    let (mut m1, mut p1) = (NEG, NEG);
    let mut seen_a = false;
    let mut best: Option<i32> = None;
    let mut prev = '\0';
    for (k, c) in text.enumerate() {
        if !seen_a {
            if let Some(s) = a.score(c) {
                seen_a = true;
                m1 = GAP_EXTEND + bonus_at(k, prev, c) + s;
                p1 = (GAP_OPEN + NEG).max(GAP_EXTEND + NEG);
            }
            prev = c;
            continue;
        }
        let (sa, sb) = (a.score(c), b.score(c));
        let bonus = if sa.is_some() || sb.is_some() {
            bonus_at(k, prev, c)
        } else {
            0
        };
        // Row two at this column, from row one at the previous column. Before the first
        // match of `b` row two is minus infinity, and so are its cells that do not match.
        if let Some(s) = sb {
            let consecutive = m1 + bonus.max(CONSECUTIVE);
            let skipped = p1 + bonus;
            let v = consecutive.max(skipped) + s;
            best = Some(best.map_or(v.max(NEG), |x| x.max(v)));
        }
        // Row one at this column.
        p1 = (GAP_OPEN + m1).max(GAP_EXTEND + p1);
        m1 = match sa {
            Some(s) => GAP_EXTEND + bonus + s,
            None => NEG,
        };
        prev = c;
    }
    best
}

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

/// The targets already shown, as two bitsets (entity ids, article ids): keeping the best hit
/// per target without hashing.
#[derive(Debug, Clone, Default)]
pub struct TargetSet {
    entities: Vec<u64>,
    articles: Vec<u64>,
}

impl TargetSet {
    /// Adds `t`; true when it was not there.
    pub fn insert(&mut self, t: Target) -> bool {
        let (bits, i) = match t {
            Target::Entity(e) => (&mut self.entities, e.index()),
            Target::Article(a) => (&mut self.articles, a.index()),
        };
        let (word, bit) = (i / 64, 1u64 << (i % 64));
        if word >= bits.len() {
            bits.resize(word + 1, 0);
        }
        let new = bits[word] & bit == 0;
        bits[word] |= bit;
        new
    }

    pub fn clear(&mut self) {
        self.entities.clear();
        self.articles.clear();
    }
}

/// The best hit per target, in rank order: an entity found by name and alias appears once.
pub fn best_per_target(candidates: &[Candidate], hits: Vec<Hit>) -> Vec<Hit> {
    let mut seen = TargetSet::default();
    hits.into_iter()
        .filter(|h| seen.insert(candidates[h.candidate].target))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn matcher() -> SkimMatcherV2 {
        SkimMatcherV2::default().smart_case()
    }

    /// The score the finder gives `text` for `query` (fast paths or matcher, prefilters
    /// included), and the matcher's own.
    fn both(text: &str, query: &str) -> (Option<i64>, Option<i64>) {
        let m = matcher();
        let c = Candidate::new(text.to_string(), Target::Article(ArticleId(0)), 0);
        (Query::new(query).score(&m, &c), m.fuzzy_match(text, query))
    }

    /// The bundled given names and surnames, and some "Given Surname" pairs.
    fn bundled_names() -> Vec<String> {
        let assets = crate::assets::bundled();
        let mut given: Vec<&String> = assets.given_names.iter().collect();
        let mut sur: Vec<&String> = assets.surnames.iter().collect();
        given.sort();
        sur.sort();
        let mut names: Vec<String> = given.iter().chain(&sur).map(|s| s.to_string()).collect();
        for (i, g) in given.iter().enumerate().step_by(7) {
            names.push(format!("{g} {}", sur[(i * 31) % sur.len()]));
        }
        names
    }

    /// The reference ranking: the matcher's score for every candidate, then a full sort by
    /// score, weight, text and index.
    fn reference_rank(cands: &[Candidate], query: &str) -> Vec<Hit> {
        let m = matcher();
        let mut hits: Vec<Hit> = cands
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let score = if query.is_empty() {
                    Some(0)
                } else {
                    m.fuzzy_match(&c.text, query)
                };
                score.map(|score| Hit {
                    candidate: i,
                    score,
                })
            })
            .collect();
        hits.sort_by(|a, b| {
            let (ca, cb) = (&cands[a.candidate], &cands[b.candidate]);
            b.score
                .cmp(&a.score)
                .then(cb.weight.cmp(&ca.weight))
                .then(ca.text.cmp(&cb.text))
                .then(a.candidate.cmp(&b.candidate))
        });
        hits
    }

    fn cands_of(names: &[(String, usize, u32)]) -> Vec<Candidate> {
        names
            .iter()
            .map(|(n, w, t)| Candidate::new(n.clone(), Target::Entity(EntityId(*t)), *w))
            .collect()
    }

    #[test]
    fn one_character_scores_equal_the_matchers_on_every_bundled_name() {
        let names = bundled_names();
        let queries: Vec<char> = (' '..='~').collect();
        for name in &names {
            for &q in &queries {
                let q = q.to_string();
                let (fast, reference) = both(name, &q);
                assert_eq!(fast, reference, "{name:?} {q:?}");
            }
        }
    }

    #[test]
    fn two_character_scores_equal_the_matchers_on_bundled_names() {
        let names = bundled_names();
        let letters: Vec<char> = ('a'..='z').chain(['A', 'M', 'S', ' ', '-', '\'']).collect();
        for name in names.iter().step_by(5) {
            for &a in &letters {
                for &b in &letters {
                    let q: String = [a, b].into_iter().collect();
                    let (fast, reference) = both(name, &q);
                    assert_eq!(fast, reference, "{name:?} {q:?}");
                }
            }
        }
    }

    #[test]
    fn short_scores_equal_the_matchers_on_awkward_text() {
        let texts = [
            "",
            "a",
            "A",
            "aa",
            "AA",
            "aAaA",
            "a\0a",
            "\0a",
            "x-a",
            "x.A",
            "x/a",
            "(a)",
            "a1A",
            "1a",
            "éa",
            "aé",
            "ÉA",
            "a é a",
            "  a",
            "llama",
            "Allan Lill",
            "a\u{301}a",
        ];
        let queries = [
            "a", "A", "aa", "AA", "aA", "Aa", "é", "éa", "a ", " a", "\0", "l", "ll",
        ];
        for t in texts {
            for q in queries {
                let (fast, reference) = both(t, q);
                assert_eq!(fast, reference, "{t:?} {q:?}");
            }
        }
        // Text past the matrix's minus infinity (i16::MIN) in length.
        let long = format!("a{}b", "x".repeat(40_000));
        assert_eq!(both(&long, "ab").0, both(&long, "ab").1);
        assert_eq!(both(&long, "b").0, both(&long, "b").1);
    }

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

        #[test]
        fn scores_equal_the_matchers(text in "\\PC{0,40}", query in "\\PC{1,4}") {
            let (fast, reference) = both(&text, &query);
            prop_assert_eq!(fast, reference);
        }

        #[test]
        fn scores_equal_the_matchers_on_names(
            text in "[A-Za-z0-9 .'/()_-]{0,30}",
            query in "[A-Za-z0-9 .'-]{1,4}",
        ) {
            let (fast, reference) = both(&text, &query);
            prop_assert_eq!(fast, reference);
        }

        /// A small alphabet: repeated and adjacent matches, case and word boundaries often.
        #[test]
        fn scores_equal_the_matchers_on_few_letters(
            text in "[aAbB1 ./-]{0,24}",
            query in "[aAbB1 .]{1,4}",
        ) {
            let (fast, reference) = both(&text, &query);
            prop_assert_eq!(fast, reference);
        }

        /// Fast paths, packed keys and partial ordering change nothing: the ranking is the
        /// matcher's scores fully sorted, and the first `n` ordered hits are its first `n`.
        #[test]
        fn the_ranking_equals_the_reference(
            names in prop::collection::vec(("[A-Ca-c .]{0,12}", 0usize..4, 0u32..40), 0..60),
            query in "[A-Ca-c .]{0,3}",
            n in 0usize..70,
        ) {
            let cands = cands_of(&names);
            let expected = reference_rank(&cands, &query);
            prop_assert_eq!(rank(&cands, &query), expected.clone());
            let mut partial = Ranked::new(&cands, &query, None);
            partial.order_first(&cands, n);
            let k = partial.ordered();
            prop_assert!(k >= n.min(expected.len()));
            prop_assert_eq!(partial.hits(0..k).collect::<Vec<_>>(), expected[..k].to_vec());
            prop_assert_eq!(
                best_per_target(&cands, expected.clone()).len(),
                {
                    let mut seen = std::collections::HashSet::new();
                    expected.iter().filter(|h| seen.insert(cands[h.candidate].target)).count()
                }
            );
        }
    }

    proptest! {
        /// `find --stdin`'s ranking of plain lines is the candidates' ranking at weight 0.
        #[test]
        fn lines_rank_as_candidates_of_weight_zero(
            lines in prop::collection::vec("[A-Ca-cé .]{0,20}", 0..60),
            query in "[A-Ca-cé .]{0,4}",
            limit in 0usize..70,
        ) {
            let cands: Vec<Candidate> = lines
                .iter()
                .enumerate()
                .map(|(i, l)| Candidate::new(l.clone(), Target::Article(ArticleId(i as u32)), 0))
                .collect();
            let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
            let expected: Vec<usize> = reference_rank(&cands, &query)
                .iter()
                .take(limit)
                .map(|h| h.candidate)
                .collect();
            prop_assert_eq!(rank_lines(&refs, &query, limit), expected);
        }
    }

    #[test]
    fn ties_break_by_weight_then_text_then_index() {
        // Long equal prefixes (past the packed 16 bytes), equal texts, and weights too large
        // for the packed key.
        let names = [
            ("Maria Lopez-Garcia Marquez".to_string(), 3, 0),
            ("Maria Lopez-Garcia Martinez".to_string(), 3, 1),
            ("Maria Lopez-Garcia Marquez".to_string(), 3, 2),
            ("Maria".to_string(), 3, 3),
            ("Maria Lopez".to_string(), usize::MAX, 4),
            ("Maria Lopez".to_string(), usize::MAX - 1, 5),
            ("Maria Lopez".to_string(), u32::MAX as usize, 6),
            ("Maria".to_string(), 0, 7),
        ];
        let cands = cands_of(&names);
        for q in ["", "m", "ma", "mar", "M"] {
            assert_eq!(rank(&cands, q), reference_rank(&cands, q), "{q:?}");
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

    #[test]
    fn large_sets_rank_in_parallel_as_they_would_in_sequence() {
        // Above PARALLEL_FROM: the parallel scoring and sort give the reference order.
        let names = bundled_names();
        let cands: Vec<Candidate> = (0..PARALLEL_FROM + 5000)
            .map(|i| {
                Candidate::new(
                    names[(i * 7919) % names.len()].clone(),
                    Target::Article(ArticleId(i as u32)),
                    i % 3,
                )
            })
            .collect();
        for q in ["a", "ma", "mar", "Ma"] {
            let all = rank(&cands, q);
            assert_eq!(all, reference_rank(&cands, q), "{q:?}");
            let within: Vec<usize> = all.iter().map(|h| h.candidate).collect();
            let longer = format!("{q}y");
            assert_eq!(
                rank_subset(&cands, &longer, Some(&within)),
                reference_rank(&cands, &longer)
            );
        }
    }
}
