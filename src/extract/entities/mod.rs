//! The entity finder: one article's names, each with its kind evidence, its title and role,
//! and its links to other mentions of the same article. It owns what a reporter reads off
//! the page without knowing the people: which capitalised words form a name ("Department of
//! Justice", "Ocasio-Cortez", "U.S."), which capitals say nothing (a sentence-initial
//! "However", a title-case heading), what is a title or possessive rather than part of the
//! name, and what the context says about the kind ("X CEO Y", "CEO of X", "in X", "X,
//! Ohio"). General knowledge comes from the assets; what is true of one name across the
//! corpus (a vote over all its mentions, a surname that joins a full name seen in another
//! article) is the model's merge (`model::link`).
//!
//! Per sentence: tokens (`tokens`), title spans, runs of name words with joining words,
//! runs split at titles and stopwords into candidates, then kind votes from the name and
//! its context (`votes`). Per article: surnames, first names, acronyms and role phrases are
//! linked to the full names they stand for and the kind votes are shared (`local`).

mod local;
pub(crate) use local::role_keys;
mod tokens;
mod votes;

use std::rc::Rc;

use crate::assets::word;
use crate::assets::{Assets, CuePosition};
use crate::text::Span;

use super::{Kind, KindVotes, MentionTexts, Mentions, MentionsBuilder};
use tokens::{Tok, tokenize_into};

/// A title found in the tokens: `len` tokens from `at`, with its class from the assets.
#[derive(Debug, Clone)]
pub(crate) struct TitleMark {
    pub len: usize,
    pub class: TitleClass,
    /// "CEOs", "Doctors": a plural names no single person after it ("Doctors Without
    /// Borders" is no doctor called Borders).
    pub plural: bool,
}

/// The class of a title, as far as the finder cares: a business role says the name before
/// it is an organisation ("Acme CEO"); business, political and role titles bind a role
/// phrase to the person after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleClass {
    Business,
    Political,
    Role,
    Other,
}

impl TitleClass {
    fn of(class: &str) -> TitleClass {
        match class {
            "business" => TitleClass::Business,
            "political" => TitleClass::Political,
            "role" => TitleClass::Role,
            _ => TitleClass::Other,
        }
    }

    /// Binds a role phrase: "Acme founder Jane Doe", "Labour leader John Smith".
    pub fn binds(self) -> bool {
        self != TitleClass::Other
    }
}

/// One sentence, tokenised, with what the candidate finder needs to know about each token.
#[derive(Debug)]
pub(crate) struct Sent<'a> {
    pub toks: Vec<Tok<'a>>,
    /// Lowercase text of the word tokens not in lower case already, one buffer for the
    /// sentence (`lower_at` gives each token's range; punctuation and words in lower case
    /// have an empty one: [`Sent::low`] reads those from the token).
    pub lower: String,
    pub lower_at: Vec<(u32, u32)>,
    /// Lexicon flags of each word token (0 for punctuation), looked up when first asked for
    /// ([`Sent::has`]): only the words near a name are, and most words are not.
    flags: Vec<std::cell::Cell<u16>>,
    lexicon: &'a crate::assets::Lexicon,
    /// Tokens that can be part of a name (capitalised, not a contraction or party label).
    pub name_word: Vec<bool>,
    /// The title starting at each token, if any.
    pub titles: Vec<Option<TitleMark>>,
    /// Tokens whose capital is explained by their position: the first word of the sentence,
    /// and the first word after an opening quote or a colon.
    pub initial: Vec<bool>,
    /// The sentence is a title-case (or all-caps) heading line.
    pub heading: bool,
    pub index: usize,
}

/// A word's flags not looked up yet (no word has every flag).
const UNKNOWN: u16 = u16::MAX;

impl<'a> Sent<'a> {
    /// An empty sentence, to be filled by `sentence` (its buffers are reused sentence after
    /// sentence).
    fn empty(assets: &'a Assets) -> Self {
        Sent {
            toks: Vec::new(),
            lower: String::new(),
            lower_at: Vec::new(),
            flags: Vec::new(),
            lexicon: &assets.lexicon,
            name_word: Vec::new(),
            titles: Vec::new(),
            initial: Vec::new(),
            heading: false,
            index: 0,
        }
    }

    /// Whether word `i` has any of the lexicon `flags`.
    pub fn has(&self, i: usize, flags: u16) -> bool {
        let cell = &self.flags[i];
        if cell.get() == UNKNOWN {
            cell.set(if self.toks[i].is_word() {
                self.lexicon.flags(self.low(i))
            } else {
                0
            });
        }
        cell.get() & flags != 0
    }

    /// The lowercase text of token `i` ("" for punctuation).
    pub fn low(&self, i: usize) -> &str {
        let t = &self.toks[i];
        if t.lower_ascii {
            return t.text;
        }
        let (a, b) = self.lower_at[i];
        &self.lower[a as usize..b as usize]
    }

    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word()) && self.low(i) == w
    }

    /// Whether word `i` is a stopword standing as one: not in capitals among words that are
    /// not, where it may be an acronym ("WHO", "IT"). Such a name is kept only if its article
    /// defines it ([`local::link`]).
    pub fn is_stop(&self, i: usize) -> bool {
        let upper = |k: usize| self.toks.get(k).is_some_and(|t| t.is_upper());
        // After a number it is a unit: "9 AM".
        let number = i > 0
            && self.toks[i - 1]
                .text
                .starts_with(|c: char| c.is_ascii_digit());
        self.has(i, word::STOP)
            && (self.heading || !upper(i) || upper(i + 1) || i > 0 && upper(i - 1) || number)
    }
}

/// A title attached to a candidate: its span in the body.
#[derive(Debug, Clone)]
pub(crate) struct TitleRef {
    pub span: Span,
}

/// A candidate name: tokens `a..b` of a sentence, with what was found around it.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub sentence: usize,
    pub a: usize,
    pub b: usize,
    pub span: Span,
    /// The name's texts are shared: the mentions of one name in an article are many, and
    /// each owning copies of its texts was three allocations a mention.
    pub name: Rc<str>,
    /// `link_key` of the name.
    pub key: Rc<str>,
    /// Lowercase words of the name, for lookups.
    pub words: Rc<Words>,
    pub votes: KindVotes,
    /// The title before the name.
    pub title: Option<TitleRef>,
    pub role: Option<String>,
    pub weak: bool,
    pub same_as: Option<usize>,
    pub role_ref: bool,
    /// Drop this candidate (an acronym defined by common words, "(GDP)").
    pub drop: bool,
}

/// The lowercase words of a name, in one buffer, separated by single spaces (no word
/// contains whitespace): one allocation per name instead of one per word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    text: String,
    n: usize,
}

impl Words {
    /// Appends a word that is already lower case.
    pub fn push(&mut self, w: &str) {
        if self.n > 0 {
            self.text.push(' ');
        }
        self.text.push_str(w);
        self.n += 1;
    }

    /// The words of `name` split at whitespace, each lowercased as a whole
    /// (`str::to_lowercase`).
    pub fn lower_of(name: &str) -> Words {
        let mut out = Words {
            text: String::with_capacity(name.len()),
            n: 0,
        };
        for w in name.split_whitespace() {
            if w.is_ascii() {
                if out.n > 0 {
                    out.text.push(' ');
                }
                out.text
                    .extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
                out.n += 1;
            } else {
                out.push(&w.to_lowercase());
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.text.split(' ').take(self.n)
    }

    /// The first word; `None` when there are none.
    pub fn first(&self) -> Option<&str> {
        self.iter().next()
    }

    /// The first word (there must be one).
    pub fn head(&self) -> &str {
        self.first().expect("a word")
    }

    /// The last word (there must be one).
    pub fn last(&self) -> &str {
        debug_assert!(self.n > 0);
        self.text.rsplit(' ').next().unwrap_or("")
    }

    /// The last two words with their space, "air force" (there must be two).
    pub fn last_two(&self) -> &str {
        debug_assert!(self.n >= 2);
        let i = self.text.rfind(' ').unwrap_or(0);
        let j = self.text[..i].rfind(' ').map_or(0, |j| j + 1);
        &self.text[j..]
    }
}

/// Particles inside personal and place names ("Charles de Gaulle", "von der Leyen").
const PARTICLES: &[&str] = &[
    "de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "del", "della", "dos",
    "das", "bin", "ibn", "al", "ter", "ten", "y", "e", "zu",
];

/// Words a title may carry before it ("former President", "then-President").
const TITLE_MODIFIERS: &[&str] = &[
    "then", "ex", "former", "acting", "interim", "late", "incoming", "outgoing", "deputy", "vice",
];

/// The key under which surface forms are the same name: lower case, one kind of apostrophe,
/// no leading "the", no periods in a dotted abbreviation ("U.S." = "US"), whitespace
/// squashed. Shared with the model's linking.
pub(crate) fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    name_key_into(name, &mut out);
    out
}

/// `name_key` appended to `out`.
fn name_key_into(name: &str, out: &mut String) {
    let mut words = name.split_whitespace().peekable();
    if words.peek().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.next();
    }
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        let dotted =
            w.len() >= 3 && w.contains('.') && w.split('.').all(|p| p.chars().count() <= 1);
        for c in w.chars() {
            match c {
                '.' if dotted => {}
                '’' => out.push('\''),
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// Runs of whitespace squashed to one space, trimmed: a name as written.
pub(crate) use crate::text::squash_whitespace as squash;

/// `name_key` without a trailing legal-form suffix ("Siemens Energy AG", "Acme Inc.").
pub(crate) fn link_key(name: &str, assets: &Assets) -> String {
    let key = name_key(name);
    if let Some((head, last)) = key.rsplit_once(' ')
        && assets
            .org_cues
            .get(last)
            .is_some_and(|c| c.position == CuePosition::Suffix)
    {
        return head.trim_end_matches(',').to_string();
    }
    key
}

/// `link_key` into `out` (cleared first), without allocating a new string.
pub(crate) fn link_key_into(name: &str, assets: &Assets, out: &mut String) {
    out.clear();
    name_key_into(name, out);
    if let Some((head, last)) = out.rsplit_once(' ')
        && assets
            .org_cues
            .get(last)
            .is_some_and(|c| c.position == CuePosition::Suffix)
    {
        let len = head.trim_end_matches(',').len();
        out.truncate(len);
    }
}

/// Finds the entity mentions of one article, in text order.
pub fn find(body: &str, sentences: &[Span], assets: &Assets) -> Mentions {
    let mut cands = Vec::new();
    let mut sent = Sent::empty(assets);
    let mut next_name = Vec::new();
    // About one distinct name for every 150 bytes of news (the synthetic corpus: 130).
    let mut memo = NameMemo::with_capacity_and_hasher(body.len() / 150, Default::default());
    for (si, &span) in sentences.iter().enumerate() {
        sentence(body, span, si, assets, &mut sent, &mut next_name);
        let first = cands.len();
        candidates(body, &sent, assets, &mut memo, &mut cands);
        votes::context(body, &sent, &mut cands, first, assets);
    }
    local::split_joined(body, &mut cands, assets);
    local::link(&mut cands, assets);
    // `same_as` indexes the candidates as they are now; map them through the span after
    // dropping and sorting (spans are unique per candidate).
    let old: Vec<Span> = cands.iter().map(|c| c.span).collect();
    cands.retain(|c| !c.drop);
    cands.sort_by_key(|c| c.span); // Spans order by start, then end.
    let index = |span: Span| cands.binary_search_by_key(&span, |c| c.span).ok();
    let mut mentions = MentionsBuilder::with_capacity(cands.len());
    for c in &cands {
        mentions.push(
            c.span,
            MentionTexts {
                name: &c.name,
                key: &c.key,
                title: c.title.as_ref().map(|t| t.span.of(body)),
                role: c.role.as_deref(),
            },
            c.votes,
            c.sentence as u32,
            c.weak,
            c.same_as.and_then(|s| index(old[s]).map(|i| i as u32)),
            c.role_ref,
        );
    }
    mentions.finish()
}

// Tokens and their per-token facts are parallel arrays indexed together.
/// Fills `sent` with sentence `index` (at `span`), reusing its buffers; `next_name` is
/// scratch.
#[allow(clippy::needless_range_loop)]
fn sentence<'a>(
    body: &'a str,
    span: Span,
    index: usize,
    assets: &Assets,
    sent: &mut Sent<'a>,
    next_name: &mut Vec<usize>,
) {
    tokenize_into(body, span.start(), span.end(), assets, &mut sent.toks);
    let toks = &sent.toks;
    let n = toks.len();
    let lower = &mut sent.lower;
    lower.clear();
    lower.reserve(span.len());
    sent.lower_at.clear();
    for t in toks {
        let a = lower.len() as u32;
        // A word in lower case already is its own lowercase text (`Sent::low`).
        if t.is_word() && !t.lower_ascii {
            if t.text.is_ascii() {
                lower.extend(t.text.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                lower.extend(t.text.chars().flat_map(char::to_lowercase));
            }
        }
        sent.lower_at.push((a, lower.len() as u32));
    }
    sent.initial.clear();
    sent.initial.resize(n, false);
    let mut seen_word = false;
    for i in 0..n {
        if toks[i].is_word() {
            let after_opener = i > 0
                && matches!(
                    toks[i - 1].kind,
                    tokens::TokKind::Punct('“' | '‘' | ':' | '"' | '(')
                );
            sent.initial[i] = !seen_word || after_opener;
            seen_word = true;
        }
    }
    sent.titles.clear();
    sent.titles.resize(n, None);
    sent.flags.clear();
    sent.flags.resize(n, std::cell::Cell::new(UNKNOWN));
    sent.name_word.clear();
    sent.name_word.extend(sent.toks.iter().map(name_word));
    sent.index = index;
    sent.heading = false;
    sent.heading = is_heading(body, span, sent);
    // Titles matter only near a name: before it ("adviser Jane Doe"), inside its run, or
    // just after it ("Acme founder", ", CEO of"). Most words are nowhere near one.
    let reach = assets.title_max_words + 1;
    let mut last_name: Option<usize> = None;
    next_name.clear();
    next_name.resize(n + 1, usize::MAX);
    for i in (0..n).rev() {
        next_name[i] = if sent.name_word[i] {
            i
        } else {
            next_name[i + 1]
        };
    }
    for i in 0..n {
        if sent.name_word[i] {
            last_name = Some(i);
        }
        let after = last_name.is_some_and(|l| i - l <= 3);
        let before = next_name[i] != usize::MAX && next_name[i] - i <= reach;
        if (after || before) && sent.toks[i].is_word() {
            sent.titles[i] = title_at(sent, i, assets);
        }
    }
}

/// Small words a title-case heading leaves in lower case.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "vs", "via", "into", "over", "is", "are", "be", "s", "up", "off",
];

/// A heading: a whole line, short, not ending like a sentence, every content word
/// capitalised (or most words in capitals).
fn is_heading(body: &str, span: Span, sent: &Sent<'_>) -> bool {
    let line_start = span.start() == 0 || body[..span.start()].ends_with('\n');
    let line_end = span.end() == body.len() || body[span.end()..].starts_with(['\n', '\r']);
    if !line_start || !line_end {
        return false;
    }
    let text = span.of(body).trim_end();
    if text.ends_with(['.', ',', ';']) {
        return false;
    }
    let words = (0..sent.toks.len()).filter(|&i| {
        sent.toks[i].is_word()
            && sent.toks[i]
                .text
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
    });
    let count = words.clone().count();
    if count > 14 || count == 0 {
        return false;
    }
    let upper = words.clone().filter(|&i| sent.toks[i].is_upper()).count();
    if count >= 3 && upper * 5 >= count * 4 {
        return true;
    }
    let mut content = 0;
    for i in words.filter(|&i| !MINOR_WORDS.contains(&sent.low(i).trim_end_matches('.'))) {
        if !sent.toks[i].is_cap() {
            return false;
        }
        content += 1;
    }
    content >= 2
}

/// The longest title starting at token `i` ("Vice President", "President-elect",
/// "then-President", "Chancellor of the Exchequer").
fn title_at(sent: &Sent<'_>, i: usize, assets: &Assets) -> Option<TitleMark> {
    if !sent.toks[i].is_word() {
        return None;
    }
    let first = sent.low(i);
    // "then-President": the modifier prefix is stripped below; any other word opens a
    // title only if the lexicon says so (one lookup per word, done once per sentence).
    if !sent.has(i, word::TITLE_FIRST) && !first.contains('-') {
        return None;
    }
    let first = TITLE_MODIFIERS
        .iter()
        .find_map(|m| first.strip_prefix(m).and_then(|r| r.strip_prefix('-')))
        .unwrap_or(first);
    if first != sent.low(i) && !assets.lexicon.is(first, word::TITLE_FIRST) {
        return None;
    }
    let max = assets.title_max_words.max(1);
    let mut key = String::from(first);
    let mut best = None;
    for len in 1..=max {
        let j = i + len - 1;
        if j >= sent.toks.len() || !sent.toks[j].is_word() {
            break;
        }
        if len > 1 {
            key.push(' ');
            key.push_str(sent.low(j));
        }
        // Plural titles ("CEOs", "founders") are titles too.
        let singular = assets.titles.get(&key);
        let class = singular.or_else(|| {
            key.strip_suffix('s')
                .filter(|k| k.len() >= 2)
                .and_then(|k| assets.titles.get(k))
        });
        if let Some(class) = class {
            best = Some(TitleMark {
                len,
                class: TitleClass::of(class),
                plural: singular.is_none(),
            });
        }
        // No longer title begins with these words (a plural ends a title).
        if !assets.title_prefixes.contains(&key) {
            break;
        }
    }
    best
}

fn is_stopword(lower: &str, assets: &Assets) -> bool {
    assets.lexicon.is(lower, word::STOP)
}

/// "I'm", "you've", "they'll": a pronoun with a contraction, never a name.
fn is_contraction(t: &Tok<'_>) -> bool {
    t.text.split_once(['\'', '’']).is_some_and(|(_, rest)| {
        matches!(
            rest.to_lowercase().as_str(),
            "m" | "ve" | "ll" | "re" | "d" | "t"
        )
    })
}

fn is_name_word(sent: &Sent<'_>, i: usize) -> bool {
    sent.name_word[i]
}

fn name_word(t: &Tok<'_>) -> bool {
    t.is_cap() && !is_contraction(t) && !is_party_label(t.text)
}

/// "R-Texas", "D-Calif.": a lawmaker's party and state, not a name.
fn is_party_label(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Whether "of"/"for" after `words` continues the name ("Ministry of Defence", "Bank of
/// America", "Gulf of Mexico", "University of Oxford").
fn joins_of(sent: &Sent<'_>, a: usize, j: usize, assets: &Assets) -> bool {
    let last = sent.low(j - 1);
    if let Some(cue) = assets.org_cues.get(last) {
        return cue.position == CuePosition::Head;
    }
    if assets.lexicon.is(last, word::PLACE_CUE) {
        return true;
    }
    if matches!(
        last,
        "republic"
            | "kingdom"
            | "state"
            | "states"
            | "city"
            | "commonwealth"
            | "house"
            | "chamber"
            | "church"
            | "statue"
            | "isle"
            | "bureau"
            | "centers"
            | "friends"
            | "sisters"
    ) {
        return true;
    }
    // "Secretary of State" and the like are titles, handled before runs are built; a run
    // of one head word with "of" ("Queen of") is not a name.
    let _ = a;
    false
}

/// Builds the candidates of one sentence.
fn candidates<'a>(
    body: &'a str,
    sent: &Sent<'_>,
    assets: &Assets,
    memo: &mut NameMemo<'a>,
    out: &mut Vec<Cand>,
) {
    let toks = &sent.toks;
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if !is_name_word(sent, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        // Once a name has taken "of" after an organisation word, later ones belong to it too:
        // "Board of Control for Cricket".
        let mut joined_of = false;
        loop {
            if j > i && (toks[j - 1].poss || toks[j - 1].affix.is_some()) {
                break;
            }
            if j >= n {
                break;
            }
            // A title is one unit, even with lower-case words inside ("Chief of Staff").
            if let Some(t) = &sent.titles[j]
                && is_name_word(sent, j)
            {
                j += t.len;
                continue;
            }
            if is_name_word(sent, j) {
                j += 1;
                continue;
            }
            if j > i && toks[j].is_word() {
                let w = sent.low(j);
                // Particles, possibly several: "von der Leyen".
                let mut k = j;
                while k < n && toks[k].is_word() && PARTICLES.contains(&sent.low(k)) {
                    k += 1;
                }
                if k > j && k < n && is_name_word(sent, k) && !toks[j].is_cap() {
                    j = k;
                    continue;
                }
                // A place the gazetteer knows with a short lower-case word inside: "Dar es
                // Salaam", "Trinidad and Tobago" (not "Smith and Jones").
                if w.len() <= 3
                    && j - i <= 2
                    && !toks[j].is_cap()
                    && j + 1 < n
                    && is_name_word(sent, j + 1)
                {
                    let place = body[toks[i].start..toks[j + 1].end].to_lowercase();
                    if assets.places.weight(&place) > 0.0 {
                        j += 2;
                        continue;
                    }
                }
                if matches!(w, "of" | "for") && (joined_of || joins_of(sent, i, j, assets)) {
                    joined_of = true;
                    let mut k = j + 1;
                    if sent.is_word(k, "the") {
                        k += 1;
                    }
                    if k < n && is_name_word(sent, k) && !sent.is_word(k, "the") {
                        j = k;
                        continue;
                    }
                }
            }
            // "AT & T", "Johnson & Johnson".
            if j > i && toks[j].is_punct('&') && j + 1 < n && is_name_word(sent, j + 1) {
                j += 2;
                continue;
            }
            break;
        }
        split_run(body, sent, i, j, assets, memo, out);
        i = j.max(i + 1);
    }
}

/// Splits a run of name words at titles and stopwords into candidates.
fn split_run<'a>(
    body: &'a str,
    sent: &Sent<'_>,
    i: usize,
    j: usize,
    assets: &Assets,
    memo: &mut NameMemo<'a>,
    out: &mut Vec<Cand>,
) {
    let mut cur = i;
    let mut pending_title: Option<TitleRef> = None;
    let mut p = i;
    while p < j {
        if let Some(t) = &sent.titles[p] {
            let after = p + t.len;
            let followed = !t.plural
                && after < j
                && is_name_word(sent, after)
                && !org_guard(sent, after, j, assets);
            // A role after a name ends it: "Acme CEO", "Labour MPs"; not a surname that is
            // also a title ("John Bishop").
            let role_end = after >= j
                && p > cur
                && t.class.binds()
                && !sent.has(p, word::SURNAME)
                && !sent.has(p, word::GIVEN);
            // "General Motors", "Justice Department": the title word is part of an
            // organisation name that ends in a cue.
            // A title alone ("the President-elect", "Acme's CEO") is no name.
            if after >= j && p == cur {
                cur = after;
                p = after;
                continue;
            }
            if followed || role_end {
                piece(body, sent, cur, p, pending_title.take(), assets, memo, out);
                pending_title = Some(TitleRef {
                    span: Span::new(sent.toks[p].start, sent.toks[after - 1].end),
                });
                cur = after;
                p = after;
                continue;
            }
        }
        p += 1;
    }
    if cur < j {
        piece(body, sent, cur, j, pending_title, assets, memo, out);
    }
}

/// Whether tokens `a..b` end in an organisation or place cue, so a title word before them
/// belongs to the name ("General Electric", "Justice Department").
fn org_guard(sent: &Sent<'_>, a: usize, b: usize, assets: &Assets) -> bool {
    let last = sent.low(b - 1);
    b - a <= 2 && (assets.org_cues.contains_key(last) || assets.lexicon.is(last, word::PLACE_CUE))
}

/// Trims one piece of a run (leading "The", stopwords at the ends), splits it at inner
/// stopwords and emits the candidates.
#[allow(clippy::too_many_arguments)]
fn piece<'a>(
    body: &'a str,
    sent: &Sent<'_>,
    mut a: usize,
    mut b: usize,
    title: Option<TitleRef>,
    assets: &Assets,
    memo: &mut NameMemo<'a>,
    out: &mut Vec<Cand>,
) {
    let keep_the = |a: usize, b: usize| {
        if !sent.is_word(a, "the") || b - a < 2 {
            return false;
        }
        let last = sent.low(b - 1);
        let media = assets
            .org_cues
            .get(last)
            .is_some_and(|c| c.position == CuePosition::Media);
        // Mid-sentence after a lower-case word ("reported by The Independent"), a
        // capital "The" is part of the name; after a dateline dash it only opens the
        // sentence.
        let after_word = a > 0 && sent.toks[a - 1].is_word() && !sent.toks[a - 1].is_cap();
        media || (after_word && !sent.heading)
    };
    let mut has_the = false;
    if keep_the(a, b) {
        has_the = true;
    }
    // Leading stopwords: "Both Smith", "However", "The Smith administration".
    while a < b && !has_the && sent.is_stop(a) {
        a += 1;
    }
    while b > a {
        let l = sent.low(b - 1);
        let name_like = b - a >= 2
            && (assets.lexicon.is(l, word::SURNAME) || assets.lexicon.is(l, word::GIVEN));
        if (sent.heading && is_stopword(l, assets) && !name_like)
            || PARTICLES.contains(&l)
            || matches!(l, "of" | "for")
            || !sent.toks[b - 1].is_word()
        {
            b -= 1;
        } else {
            break;
        }
    }
    if a >= b {
        return;
    }
    // Inner stopwords split the piece ("Smith On Jones" in a heading); names that are also
    // stopwords ("Theresa May") stay.
    let mut start = a;
    let mut title = title;
    for k in a + 1..b {
        let l = sent.low(k);
        if sent.heading
            && is_stopword(l, assets)
            && !(has_the && k == a)
            && !assets.lexicon.is(l, word::SURNAME)
            && !assets.lexicon.is(l, word::GIVEN)
            && sent.toks[k].is_cap()
        {
            if start < k {
                emit(body, sent, start, k, title.take(), assets, memo, out);
            }
            start = k + 1;
        }
    }
    if start < b {
        emit(body, sent, start, b, title, assets, memo, out);
    }
}

/// What a name's own text says, the same wherever the article repeats it: its name as
/// written, key, lowercase words and kind votes ([`votes::name`] reads only the name's
/// tokens, which its text determines).
#[derive(Debug, Clone)]
struct NameFacts {
    name: Rc<str>,
    key: Rc<str>,
    words: Rc<Words>,
    votes: KindVotes,
}

/// One article's [`NameFacts`] by the name's text in the body: an article names the same
/// people again and again, and working out a name's votes was a tenth of entity finding.
type NameMemo<'a> = foldhash::HashMap<&'a str, Option<NameFacts>>;

#[allow(clippy::too_many_arguments)]
fn emit<'a>(
    body: &'a str,
    sent: &Sent<'_>,
    a: usize,
    b: usize,
    title: Option<TitleRef>,
    assets: &Assets,
    memo: &mut NameMemo<'a>,
    out: &mut Vec<Cand>,
) {
    let toks = &sent.toks;
    // A lone "The" or stopword left over.
    if b - a == 1 && sent.is_stop(a) {
        return;
    }
    let span = Span::new(toks[a].start, toks[b - 1].end);
    let facts = memo.entry(span.of(body)).or_insert_with(|| {
        let name = squash(span.of(body));
        if name.is_empty() {
            return None;
        }
        let mut words = Words::default();
        for k in (a..b).filter(|&k| toks[k].is_word()) {
            words.push(sent.low(k));
        }
        let key = link_key(&name, assets);
        let votes = votes::name(&words, &key, toks, a, b, assets);
        Some(NameFacts {
            name: name.into(),
            key: key.into(),
            words: Rc::new(words),
            votes,
        })
    });
    let Some(facts) = facts else {
        return;
    };
    let NameFacts {
        name,
        key,
        words,
        mut votes,
    } = facts.clone();
    if title.is_some() && votes::title_fits(&votes) {
        votes.add(Kind::Person, 2.0);
    }
    let single = b - a == 1;
    let weak = if sent.heading {
        !votes::strong_name(&words, &votes, title.is_some(), assets)
    } else if sent.initial[a] && single && title.is_none() {
        let w = words.head();
        let acronym = toks[a].is_upper() && !assets.lexicon.is(w, word::COMMON);
        let known_place = votes.0[Kind::Place as usize] >= 0.9;
        !(acronym || known_place)
    } else {
        false
    };
    out.push(Cand {
        sentence: sent.index,
        a,
        b,
        span,
        name,
        key,
        words,
        votes,
        title,
        role: None,
        weak,
        same_as: None,
        role_ref: false,
        drop: false,
    });
}

#[cfg(test)]
mod tests;
