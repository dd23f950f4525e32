//! Kind evidence for a candidate name: what the name itself says (given names, surnames,
//! the gazetteer, organisation and place cue words, nationalities, its shape) and what the
//! words around it say ("X CEO Y", "CEO of X", "X's <person>", "in X", "X said", "X,
//! Ohio", an acronym in parentheses). Weights are rough log-odds: a title before a name or
//! a legal-form suffix is near-certain, a preposition is a hint. The model sums the votes of
//! every mention of an entity, so hints add up over a corpus.

// Candidates, groups and union-find parents are parallel arrays indexed together.
#![allow(clippy::needless_range_loop)]

use std::rc::Rc;

use crate::assets::word;
use crate::assets::{Assets, CuePosition};
use crate::extract::{Kind, KindVotes};
use crate::text::Span;

use super::tokens::Tok;
use super::{Cand, Sent, TitleClass, TitleRef, Words};

/// Evidence from the name itself. `words` are its lowercase word tokens.
pub(super) fn name(
    words: &Words,
    key: &str,
    toks: &[Tok<'_>],
    a: usize,
    b: usize,
    assets: &Assets,
) -> KindVotes {
    let mut v = KindVotes::default();
    let n = words.len();
    if n == 0 {
        return v;
    }
    let first = words.head();
    let last = words.last();
    let upper = n == 1 && toks[a].is_upper();
    // The gazetteer: countries and states are near-certain, small towns a hint (many share
    // a name with something else).
    let place = place_weight(key, assets);
    if place > 0.0 {
        v.add(Kind::Place, place);
    }
    if assets.nationalities.contains_key(key) {
        v.add(Kind::Other, 2.0);
    } else if n == 1
        && key.contains('-')
        && key
            .rsplit('-')
            .next()
            .is_some_and(|l| assets.nationalities.contains_key(l))
    {
        // "Franco-German", "Anglo-American", "Sino-Russian".
        v.add(Kind::Other, 1.5);
    }
    // Organisation cues on the last word (or last two: "Air Force", "Task Force").
    let last_two = (n >= 2 && assets.lexicon.is(last, word::CUE_TAIL)).then(|| words.last_two());
    let cue = last_two
        .and_then(|k| assets.org_cues.get(k))
        .or_else(|| assets.org_cues.get(last));
    let mut org_cue = false;
    if let Some(c) = cue.filter(|_| n >= 2 || toks[a].is_upper()) {
        org_cue = true;
        let w = match c.position {
            CuePosition::Suffix => 2.0,
            CuePosition::Head => 1.5,
            CuePosition::Media if first == "the" => 1.6,
            CuePosition::Media => 1.2,
        };
        v.add(Kind::Org, w);
    }
    // A club's prefix in capitals: "FC Porto", "SV Werder Bremen" (a sports head cue).
    if !org_cue
        && n >= 2
        && toks[a].is_upper()
        && assets
            .org_cues
            .get(first)
            .is_some_and(|c| c.position == CuePosition::Head && c.class == "sport")
    {
        org_cue = true;
        v.add(Kind::Org, 1.5);
    }
    let of_inside = words.iter().any(|w| w == "of" || w == "for");
    if !org_cue
        && n >= 3
        && of_inside
        && let Some(c) = assets.org_cues.get(first)
        && c.position == CuePosition::Head
    {
        org_cue = true;
        v.add(Kind::Org, 1.5);
    }
    // Place cues: "Napa Valley", "Heathrow Airport", "Gulf of Mexico".
    if !org_cue && n >= 2 {
        let lt = last_two.is_some_and(|k| assets.place_cues.contains_key(k));
        if lt
            || assets.lexicon.is(last, word::PLACE_CUE)
            || (of_inside && assets.place_cues.contains_key(first))
        {
            v.add(Kind::Place, 1.2);
        }
    }
    // Personal names: a given name first ("Jeff", "Kamala"), a surname last.
    let given_first = n >= 2 && !upper && assets.lexicon.is(first, word::GIVEN) && !org_cue;
    // The census spells "O'Brien" as "Obrien".
    let surname_last = if last.contains(['\'', '’']) {
        assets
            .lexicon
            .is(&last.replace(['\'', '’'], ""), word::SURNAME)
    } else {
        assets.lexicon.is(last, word::SURNAME)
    };
    // "Santa Clara" is a city before it is a woman; "Meta Platforms" (a rare given name
    // before an ordinary word) is more likely a company.
    if given_first && place < 0.5 {
        let ordinary = assets.lexicon.is(last, word::COMMON)
            || last
                .strip_suffix('s')
                .is_some_and(|l| assets.lexicon.is(l, word::COMMON));
        if surname_last || !ordinary {
            v.add(Kind::Person, 1.0);
        } else {
            v.add(Kind::Person, 0.2);
            v.add(Kind::Org, 0.25);
        }
        if surname_last {
            v.add(Kind::Person, 0.5);
        }
    } else if n >= 2 && toks[a].is_initial() && !org_cue {
        v.add(Kind::Person, 0.6);
    }
    if n == 1 && !upper && !assets.lexicon.is(first, word::COMMON) && place < 1.0 {
        if assets.lexicon.is(first, word::SURNAME) {
            v.add(Kind::Person, 0.3);
        } else if assets.lexicon.is(first, word::GIVEN) {
            v.add(Kind::Person, 0.2);
        }
    }
    if upper && place == 0.0 && !assets.nationalities.contains_key(key) {
        v.add(Kind::Org, 0.6);
    }
    // Inner capitals ("PayPal", "YouTube") mark brands; "McDonald", "DeSantis", "O'Brien"
    // are surnames.
    if n == 1 && !upper && is_camel(toks[a].text) {
        v.add(Kind::Org, 0.5);
    }
    // Model numbers: "G700", "MI400", "F-35".
    if (a..b).any(|k| toks[k].is_word() && toks[k].text.chars().any(|c| c.is_ascii_digit())) {
        v.add(Kind::Other, 0.4);
    }
    if v.total() == 0.0 {
        // No evidence at all: two or three rare capitalised words are most often a person
        // ("Olaf Scholz"); names made of ordinary words or a single word most often an
        // organisation or a brand ("Royal Mail", "Spotify").
        let plain =
            (a..b).all(|k| !toks[k].is_word() || toks[k].text.chars().all(char::is_alphabetic));
        let rare = words
            .iter()
            .all(|w| !assets.lexicon.is(w, word::COMMON) && !assets.lexicon.is(w, word::STOP));
        if (2..=3).contains(&n) && plain && rare {
            v.add(Kind::Person, 0.3);
        } else {
            v.add(Kind::Org, 0.15);
        }
    }
    v
}

fn is_camel(w: &str) -> bool {
    let body = ["Mc", "Mac", "O'", "O’", "De", "Di", "La", "Le", "Van", "Du"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .map_or(w, |_| "");
    let mut chars = body.chars();
    chars.next();
    let rest: String = chars.collect();
    rest.chars().any(char::is_uppercase) && rest.chars().any(char::is_lowercase) && !w.contains('-')
}

/// How much the gazetteer says a name is a place.
pub(super) fn place_weight(key: &str, assets: &Assets) -> f32 {
    let mut best = assets.places.weight(key);
    if let Some(class) = assets.regions.get(key) {
        best = best.max(if class == "country-alias" { 2.0 } else { 1.5 });
    }
    best
}

/// Whether the name carries evidence strong enough to stand in a heading on its own.
pub(super) fn strong_name(words: &Words, v: &KindVotes, titled: bool, assets: &Assets) -> bool {
    let common_first = words
        .first()
        .is_some_and(|w| assets.lexicon.is(w, word::COMMON));
    titled
        || (v.0[Kind::Person as usize] >= 1.0 && !common_first)
        || v.0[Kind::Place as usize] >= 1.5
        || v.0[Kind::Org as usize] >= 1.5
}

/// Whether a title before the name says "person": not when the name is plainly an
/// organisation or a place ("executive Committee").
pub(super) fn title_fits(v: &KindVotes) -> bool {
    v.0[Kind::Org as usize] < 1.0 && v.0[Kind::Place as usize] < 1.0
}

/// Verbs of saying after a name: people, sometimes organisations.
const SAY: &[&str] = &[
    "said",
    "says",
    "told",
    "wrote",
    "added",
    "argued",
    "tweeted",
    "posted",
    "stated",
    "explained",
    "noted",
    "insisted",
    "responded",
    "replied",
    "asked",
    "recalled",
    "admitted",
    "warned",
    "claimed",
    "thinks",
    "believes",
    "feels",
    "wants",
];

/// People who work at an organisation ("analysts at X").
const WORKERS: &[&str] = &[
    "analysts",
    "analyst",
    "economists",
    "economist",
    "researchers",
    "researcher",
    "scientists",
    "scientist",
    "engineers",
    "engineer",
    "executives",
    "executive",
    "employees",
    "employee",
    "staff",
    "workers",
    "strategists",
    "strategist",
    "officials",
    "official",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "lawyers",
    "bankers",
    "traders",
    "professor",
    "professors",
    "students",
    "student",
    "doctors",
    "investors",
    "managers",
    "experts",
    "colleagues",
];

/// Prepositions before a place.
const IN: &[&str] = &[
    "in",
    "near",
    "across",
    "throughout",
    "outside",
    "inside",
    "within",
];

/// Context evidence for the candidates `first..` of one sentence; may add role mentions.
pub(super) fn context(
    body: &str,
    sent: &Sent<'_>,
    cands: &mut Vec<Cand>,
    first: usize,
    assets: &Assets,
) {
    let end = cands.len();
    let toks = &sent.toks;
    let n = toks.len();
    // Title directly before a name that has none yet (lower-case titles are outside runs:
    // "adviser Jane Doe", "then-President Smith").
    for ci in first..end {
        if cands[ci].title.is_some() {
            continue;
        }
        let a = cands[ci].a;
        let max = assets.title_max_words + 1;
        for k in a.saturating_sub(max)..a {
            if let Some(t) = &sent.titles[k]
                && k + t.len == a
                && !t.plural
            {
                let title = TitleRef {
                    span: Span::new(toks[k].start, toks[a - 1].end),
                };
                let c = &mut cands[ci];
                if title_fits(&c.votes) {
                    c.votes.add(Kind::Person, 2.0);
                    c.title = Some(title);
                    c.weak = false;
                }
                break;
            }
        }
    }
    let mut roles: Vec<Cand> = Vec::new();
    for ci in first..end {
        let (a, b) = (cands[ci].a, cands[ci].b);
        let poss = toks[b - 1].poss || toks[b - 1].affix.is_some();
        if matches!(toks[b - 1].affix, Some("based" | "born" | "headquartered")) {
            cands[ci].votes.add(Kind::Place, 1.0);
        }
        // "X CEO Y", "X founder Y", "Acme's founder": a role after the name.
        if let Some(t) = sent.titles.get(b).and_then(Option::as_ref) {
            let tb = b + t.len;
            let named = tb < n && toks[tb].is_cap();
            if t.class == TitleClass::Business {
                cands[ci].votes.add(Kind::Org, if poss { 1.0 } else { 1.5 });
            }
            let bindable = t.class.binds();
            let the_before = a > 0 && sent.is_word(a - 1, "the") && !toks[a - 1].is_cap();
            if bindable && !named && the_before && !poss {
                let span = Span::new(toks[a].start, toks[tb - 1].end);
                let name = super::squash(span.of(body));
                let mut votes = KindVotes::default();
                votes.add(Kind::Person, 1.0);
                roles.push(Cand {
                    sentence: sent.index,
                    a,
                    b: tb,
                    span,
                    key: super::link_key(&name, assets).into(),
                    words: Rc::new(Words::lower_of(&name)),
                    name: name.into(),
                    votes,
                    title: None,
                    role: None,
                    weak: false,
                    same_as: None,
                    role_ref: true,
                    drop: false,
                });
            }
            if bindable
                && named
                && let Some(y) = by_start(cands, first, end, tb)
            {
                let phrase = format!(
                    "{} {}",
                    cands[ci].name,
                    Span::new(toks[b].start, toks[tb - 1].end).of(body)
                );
                cands[y].role = Some(super::squash(&phrase));
            }
        }
        // "X's <person>": "Acme's Jane Doe".
        if poss && let Some(y) = by_start(cands, first, end, b) {
            let yv = &cands[y];
            let personal = yv.title.is_none()
                && yv.words.len() >= 2
                && assets.lexicon.is(yv.words.head(), word::GIVEN);
            if personal {
                cands[ci].votes.add(Kind::Org, 1.0);
            }
        }
        // "CEO of X", "President of France".
        if a >= 2 && sent.is_word(a - 1, "of") {
            let title = (a.saturating_sub(assets.title_max_words + 1)..a - 1)
                .find_map(|k| sent.titles[k].as_ref().filter(|t| k + t.len == a - 1));
            match title.map(|t| t.class) {
                Some(TitleClass::Business) => cands[ci].votes.add(Kind::Org, 1.5),
                Some(TitleClass::Political) => cands[ci].votes.add(Kind::Place, 1.0),
                _ => {}
            }
        }
        // An ordinary word capitalised after a determiner and a modifier is a capitalised
        // noun, not a name, unless the corpus shows otherwise: "the second Test", "the new
        // Budget".
        if b - a == 1
            && a >= 2
            && sent.has(a, word::COMMON)
            && toks[a - 1].is_word()
            && !toks[a - 1].is_cap()
            && !sent.has(a - 1, word::STOP)
            && !SAY.contains(&sent.low(a - 1))
            && matches!(
                sent.low(a - 2),
                "the" | "a" | "an" | "this" | "that" | "its" | "his" | "her" | "their" | "our"
            )
        {
            cands[ci].weak = true;
        }
        // "the carmaker X", "the investment bank X", "the dockworkers' union, X,": a lower-case
        // noun that says what sort of organisation follows, after a determiner (lower-case
        // words or a nationality between); with a comma, only as an appositive closed by one
        // (not "in a letter to the board, X accused"). Not a personal name: "the company Jane
        // Roe founded", "the firm Smith runs".
        let noun = match a.checked_sub(1) {
            Some(c) if toks[c].is_punct(',') => {
                (c >= 1 && toks.get(b).is_some_and(|t| t.is_punct(','))).then(|| c - 1)
            }
            other => other,
        };
        if let Some(noun) = noun
            && a >= 2
            && !poss
            && toks[noun].is_word()
            && !toks[noun].is_cap()
            && sent.has(noun, word::ORG_DESCRIPTOR | word::ORG_HEAD)
            && !sent.has(a, word::GIVEN)
            && !(b - a == 1 && sent.has(a, word::SURNAME))
        {
            let determined = (noun.saturating_sub(4)..noun)
                .rev()
                .try_fold(false, |_, k| {
                    if !toks[k].is_word() {
                        return Err(false);
                    }
                    match sent.low(k) {
                        "the" | "a" | "an" | "its" | "their" => Err(true),
                        _ if toks[k].is_cap() && !sent.has(k, word::NATIONALITY) => Err(false),
                        _ => Ok(false),
                    }
                });
            if determined == Err(true) {
                cands[ci].votes.add(Kind::Org, 1.5);
            }
        }
        // Prepositions and articles before.
        let mut p = a;
        let mut the = false;
        if p >= 1 && sent.is_word(p - 1, "the") && !toks[p - 1].is_cap() {
            the = true;
            p -= 1;
        }
        let next_lower_word = b < n && toks[b].is_word() && !toks[b].is_cap();
        if p >= 1 && toks[p - 1].is_word() && !poss {
            let w = sent.low(p - 1);
            if IN.contains(&w) {
                cands[ci].votes.add(Kind::Place, 0.6);
            } else if w == "at" {
                // "analysts at X", "a spokesperson at X": people work at organisations.
                let staff = p >= 2 && toks[p - 2].is_word() && WORKERS.contains(&sent.low(p - 2));
                if staff {
                    cands[ci].votes.add(Kind::Org, 1.5);
                } else {
                    cands[ci].votes.add(Kind::Place, 0.3);
                }
            } else if matches!(w, "to" | "from" | "visited" | "visit" | "into") {
                cands[ci].votes.add(Kind::Place, 0.15);
            }
        }
        if the && !next_lower_word && !poss {
            cands[ci].votes.add(Kind::Org, 0.3);
            cands[ci].votes.add(Kind::Place, 0.1);
        }
        // What follows.
        if !poss && b < n {
            if toks[b].is_word() {
                let w = sent.low(b);
                if SAY.contains(&w) {
                    cands[ci].votes.add(Kind::Person, 0.4);
                    cands[ci].votes.add(Kind::Org, 0.1);
                } else if matches!(w, "reported" | "reports" | "announced" | "declined") {
                    cands[ci].votes.add(Kind::Org, 0.3);
                }
            } else if toks[b].is_punct(',') {
                if sent.is_word(b + 1, "who") {
                    cands[ci].votes.add(Kind::Person, 1.0);
                } else if sent.is_word(b + 1, "which") {
                    cands[ci].votes.add(Kind::Org, 0.4);
                    cands[ci].votes.add(Kind::Place, 0.3);
                } else if let Some(y) = by_start(cands, first, end, b + 1) {
                    // "Dayton, Ohio", "Lyon, France", "Portland, Ore.".
                    let state = place_weight(&cands[y].key, assets);
                    let y_end = cands[y].b;
                    let ends = !toks[y_end - 1].poss && (y_end >= n || !toks[y_end].is_word());
                    if state >= 1.6 && ends {
                        cands[ci].votes.add(Kind::Place, 1.5);
                    } else if place_weight(&cands[ci].key, assets) >= 0.9
                        && toks[cands[y].a].text.contains('.')
                        && cands[y].words.len() == 1
                    {
                        cands[y].votes.add(Kind::Place, 1.5);
                    }
                }
            }
        }
        // "Jane Doe, CEO of Acme and Globex": an appositive role bound to the name.
        if !poss && toks.get(b).is_some_and(|t| t.is_punct(',')) {
            let mut k = b + 1;
            if k < n && toks[k].is_word() && matches!(sent.low(k), "the" | "a" | "an" | "former") {
                k += 1;
            }
            if let Some(t) = sent.titles.get(k).and_then(Option::as_ref)
                && matches!(t.class, TitleClass::Business | TitleClass::Political)
                && sent.is_word(k + t.len, "of")
            {
                let org_start = k + t.len + 1;
                if let Some(z) = by_start(cands, first, end, org_start) {
                    let mut z_end = cands[z].b;
                    let mut w = z;
                    // "… of Acme and Globex": coordinated organisations.
                    while z_end + 1 < n && (sent.is_word(z_end, "and") || toks[z_end].is_punct(','))
                    {
                        let Some(next) = by_start(cands, first, end, z_end + 1) else {
                            break;
                        };
                        if t.class == TitleClass::Business {
                            cands[next].votes.add(Kind::Org, 1.5);
                        }
                        w = next;
                        z_end = cands[next].b;
                    }
                    let phrase = Span::new(toks[k].start, cands[w].span.end()).of(body);
                    cands[ci].role = Some(super::squash(phrase));
                    if title_fits(&cands[ci].votes) {
                        cands[ci].votes.add(Kind::Person, 1.0);
                    }
                }
            }
        }
        // An acronym in parentheses: "National Rifle Association (NRA)" names the
        // same thing; "gross domestic product (GDP)" abbreviates common words and is no name.
        if b - a == 1
            && toks[a].is_upper()
            && a >= 2
            && toks[a - 1].is_punct('(')
            && toks.get(b).is_some_and(|t| t.is_punct(')'))
        {
            let letters: Vec<char> = toks[a]
                .text
                .chars()
                .filter(|c| c.is_alphabetic())
                .map(fold)
                .collect();
            if let Some(k) = acronym_start(sent, a - 1, &letters, assets) {
                if let Some(y) = cover(assets, body, sent, cands, first, end, k, a - 1) {
                    cands[ci].same_as = Some(y);
                    cands[ci].weak = false;
                }
            } else if defines_acronym(sent, a - 1, sent.low(a)) {
                cands[ci].drop = true;
            }
        }
    }
    // Coordinated names share a little evidence: "Spotify and Deezer".
    let snapshot: Vec<KindVotes> = cands[first..end].iter().map(|c| c.votes).collect();
    for ci in first..end.saturating_sub(1) {
        let (c1, c2) = (&cands[ci], &cands[ci + 1]);
        let between = c2.a == c1.b + 1
            && !toks[c1.b - 1].poss
            && (sent.is_word(c1.b, "and") || sent.is_word(c1.b, "or") || toks[c1.b].is_punct(','));
        if between {
            let (v1, v2) = (snapshot[ci - first], snapshot[ci + 1 - first]);
            for k in Kind::ALL {
                cands[ci].votes.add(k, 0.3 * v2.0[k as usize]);
                cands[ci + 1].votes.add(k, 0.3 * v1.0[k as usize]);
            }
        }
    }
    cands.extend(roles);
}

/// Lower case without the commonest Latin accents, for comparing initials.
fn fold(c: char) -> char {
    crate::assets::unaccented(c.to_lowercase().next().unwrap_or(c))
}

/// Lower-case words an organisation name may keep inside it, which an acronym may or may
/// not take a letter from ("Bank of England (BOE)", "Office for Budget
/// Responsibility (OBR)").
pub(super) const NAME_INNER: &[&str] = &[
    "of", "for", "in", "and", "on", "the", "de", "du", "des", "la", "le", "et", "und", "der",
    "die", "das", "di", "del", "da", "y",
];

/// The first token of the shortest span before `paren` whose capitalised words spell the
/// acronym by their initials (all-caps words by all their letters).
fn acronym_start(
    sent: &Sent<'_>,
    paren: usize,
    letters: &[char],
    assets: &Assets,
) -> Option<usize> {
    // (letters the word must give, letters it may give)
    let mut words: Vec<(Vec<char>, bool)> = Vec::new();
    let mut k = paren;
    while k > 0 && words.len() < 12 {
        k -= 1;
        let t = &sent.toks[k];
        if t.is_punct('&') || t.is_punct('-') || t.is_punct(',') {
            continue;
        }
        // A legal form may or may not lend a letter ("Acme Holdings Inc. (AHI)").
        if t.is_word()
            && words.is_empty()
            && assets
                .org_cues
                .get(sent.low(k))
                .is_some_and(|c| c.position == CuePosition::Suffix)
        {
            words.push((t.text.chars().next().map(fold).into_iter().collect(), false));
            continue;
        }
        if !t.is_word() {
            return None;
        }
        let text = t
            .text
            .trim_start_matches(|c: char| c.is_lowercase() || c == '\'' || c == '’');
        let text = if t.is_cap() && !text.is_empty() {
            text
        } else {
            t.text
        };
        if t.is_cap() {
            let chars: Vec<char> = if t.is_upper() {
                text.chars()
                    .filter(|c| c.is_alphabetic())
                    .map(fold)
                    .collect()
            } else {
                text.chars().next().map(fold).into_iter().collect()
            };
            words.push((chars, true));
        } else if NAME_INNER.contains(&sent.low(k)) {
            words.push((
                sent.low(k).chars().next().map(fold).into_iter().collect(),
                false,
            ));
        } else {
            return None;
        }
        if words.last().is_some_and(|w| w.1) {
            let span: Vec<(Vec<char>, bool)> = words.iter().rev().cloned().collect();
            if fits(&span, letters) {
                return Some(k);
            }
        }
    }
    None
}

fn fits(words: &[(Vec<char>, bool)], letters: &[char]) -> bool {
    let Some((w, required)) = words.first() else {
        return letters.is_empty();
    };
    let take = letters.starts_with(w) && fits(&words[1..], &letters[w.len()..]);
    take || (!required && fits(&words[1..], letters))
}

/// The candidate spanning tokens `k..end_tok` of the sentence: an existing one, or the
/// first candidate there extended over the rest ("Board of Control for Cricket" + "in
/// India" before "(BCCI)"), the others dropped.
#[allow(clippy::too_many_arguments)]
fn cover(
    assets: &Assets,
    body: &str,
    sent: &Sent<'_>,
    cands: &mut [Cand],
    first: usize,
    end: usize,
    k: usize,
    end_tok: usize,
) -> Option<usize> {
    let y = by_start(cands, first, end, k)?;
    if cands[y].b == end_tok {
        return Some(y);
    }
    if cands[y].b > end_tok {
        return None;
    }
    for j in first..end {
        if j != y && cands[j].a >= k && cands[j].b <= end_tok && !cands[j].role_ref {
            cands[j].drop = true;
        }
    }
    let toks = &sent.toks;
    let c = &mut cands[y];
    c.b = end_tok;
    c.span = Span::new(toks[k].start, toks[end_tok - 1].end);
    let name = super::squash(c.span.of(body));
    c.key = super::link_key(&name, assets).into();
    c.name = name.into();
    let mut words = Words::default();
    for i in (k..end_tok).filter(|&i| toks[i].is_word()) {
        words.push(sent.low(i));
    }
    c.words = Rc::new(words);
    c.votes.add(Kind::Org, 0.5);
    Some(y)
}

fn by_start(cands: &[Cand], first: usize, end: usize, a: usize) -> Option<usize> {
    // A sentence's candidates are made in text order, one per starting token: a binary
    // search, so that a sentence of many names stays linear (a scan made one of 30,000 names
    // take 17 s).
    let j = first + cands[first..end].partition_point(|c| c.a < a);
    (j < end && cands[j].a == a).then_some(j)
}

/// Whether the words before `paren` (the index of "(") spell `acronym` by their initials.
fn defines_acronym(sent: &Sent<'_>, paren: usize, acronym: &str) -> bool {
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    let mut initials: Vec<char> = Vec::new();
    let mut k = paren;
    while k > 0 && initials.len() < letters.len() {
        k -= 1;
        let t = &sent.toks[k];
        if !t.is_word() {
            return false;
        }
        for part in sent.low(k).rsplit('-') {
            if let Some(c) = part.chars().next() {
                initials.push(c);
            }
        }
    }
    initials.reverse();
    initials.len() >= letters.len() && initials[initials.len() - letters.len()..] == letters[..]
}
