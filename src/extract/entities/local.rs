//! Linking inside one article, where a reporter's conventions make it safe: after "Angela
//! Merkel" a bare "Merkel" is her, after "Olaf Brenner" a bare "Olaf" is him, and "Office
//! for Budget Responsibility (OBR)" makes "OBR" an alias. A short name that fits two full
//! names of the article ("Harlow" after "Joe Harlow" and "Hunter Harlow") stays
//! unlinked. Linked mentions share their kind votes, so every mention carries the article's
//! verdict, and a heading word or sentence-initial capital is confirmed by a plain mention of
//! the same name. Role mentions ("the Acme founder") resolve to the one person the article
//! bound that role to.

// Candidates, groups and union-find parents are parallel arrays indexed together.
#![allow(clippy::needless_range_loop)]

use std::rc::Rc;

use foldhash::{HashMap, HashSet};

use crate::assets::Assets;
use crate::assets::word;
use crate::extract::{Kind, KindVotes};
use crate::text::Span;

use super::votes::NAME_INNER;
use super::{Cand, Words, link_key, link_key_into, name_key};

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// The keys a role phrase is known by: "Acme founder" → ["acme founder"]; "CEO of Acme
/// and Globex" → ["acme ceo", "globex ceo"].
pub(crate) fn role_keys(role: &str) -> Vec<String> {
    let key = name_key(role);
    if let Some((title, orgs)) = key.split_once(" of ") {
        orgs.split([',', '&'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(|o| format!("{o} {title}"))
            .collect()
    } else {
        vec![key]
    }
}

/// Whether a candidate looks like a full personal name that shorter forms may join.
fn personal(c: &Cand) -> bool {
    let v = &c.votes.0;
    c.words.len() >= 2
        && !c.role_ref
        && v[Kind::Person as usize] > 0.0
        && v[Kind::Person as usize] >= v[Kind::Org as usize]
        && v[Kind::Person as usize] >= v[Kind::Place as usize]
}

/// The one full name (its key) a one-word name fits: among those `w` indexes in `main`, else,
/// when `also` says the word may stand for one that way, in `other`; `None` when none fits or
/// several do (a surname shared by two people joins neither).
fn sole_fit<'k>(
    w: &str,
    main: &HashMap<&str, HashSet<&'k str>>,
    other: &HashMap<&str, HashSet<&'k str>>,
    also: impl FnOnce() -> bool,
) -> Option<&'k str> {
    let fits = match main.get(w) {
        Some(fits) => fits,
        None if also() => other.get(w)?,
        None => return None,
    };
    (fits.len() == 1).then(|| *fits.iter().next().expect("one"))
}

/// Whether a candidate looks like a full organisation name that a shorter form may stand for.
fn organisational(c: &Cand) -> bool {
    let v = &c.votes.0;
    c.words.len() >= 2
        && !c.role_ref
        && !c.drop
        && v[Kind::Org as usize] >= 1.0
        && v[Kind::Org as usize] >= v[Kind::Person as usize]
        && v[Kind::Org as usize] >= v[Kind::Place as usize]
}

/// Splits names that are two names of the article run together ("his Lake Como Villa
/// Aurora estate", when both "Lake Como" and "Villa Aurora" stand alone elsewhere in the
/// article). Organisation names, which often contain a place ("Boston Globe"), and personal
/// names, whose parts stand alone as first name and surname, are kept whole.
pub(super) fn split_joined(body: &str, cands: &mut Vec<Cand>, assets: &Assets) {
    // Which candidates split, and where: decided on the candidates as they are (keys
    // borrowed), then applied.
    let mut splits: Vec<(usize, usize)> = Vec::new();
    {
        let mut alone: HashSet<&str> =
            HashSet::with_capacity_and_hasher(cands.len(), Default::default());
        alone.extend(cands.iter().filter(|c| !c.role_ref).map(|c| &*c.key));
        let (mut lk, mut rk) = (String::new(), String::new());
        for (ci, c) in cands.iter().enumerate() {
            if c.role_ref
                || c.words.len() < 2
                || c.votes.0[Kind::Org as usize] >= 1.0
                || c.title.is_some()
            {
                continue;
            }
            let text = c.span.of(body);
            // A person's name is never a name and a surname: "Jane Roe" stays whole when the
            // article also calls her "Jane" and "Roe" ("Her Florence Villa Medici estate" is
            // still two).
            let person = personal(c);
            for (cut, _) in text.match_indices(' ') {
                let (l, r) = (text[..cut].trim_end(), text[cut..].trim_start());
                if person && !r.contains(' ') {
                    continue;
                }
                link_key_into(l, assets, &mut lk);
                if !alone.contains(lk.as_str()) {
                    continue;
                }
                link_key_into(r, assets, &mut rk);
                if alone.contains(rk.as_str()) {
                    splits.push((ci, cut));
                    break;
                }
            }
        }
    }
    let mut extra = Vec::with_capacity(splits.len());
    for (ci, cut) in splits {
        let c = &mut cands[ci];
        let text = c.span.of(body);
        let (l, r) = (text[..cut].trim_end(), text[cut..].trim_start());
        let r_start = c.span.start() + (text.len() - r.len());
        let mut right = c.clone();
        right.span = Span::new(r_start, c.span.end());
        let name = super::squash(r);
        right.key = link_key(&name, assets).into();
        right.words = Rc::new(Words::lower_of(&name));
        right.name = name.into();
        right.title = None;
        right.role = None;
        c.span = Span::new(c.span.start(), c.span.start() + l.len());
        let name = super::squash(l);
        c.key = link_key(&name, assets).into();
        c.words = Rc::new(Words::lower_of(&name));
        c.name = name.into();
        extra.push(right);
    }
    cands.extend(extra);
}

pub(super) fn link(cands: &mut [Cand], assets: &Assets) {
    let n = cands.len();
    // The keys are borrowed by the indexes below while the candidates change: shared
    // copies.
    let keys: Vec<Rc<str>> = cands.iter().map(|c| c.key.clone()).collect();
    // A stopword in capitals ("WHO", "IT") is a name only where the article defines it in
    // parentheses: "World Health Organization (WHO)".
    let mut defined: Option<HashSet<&str>> = None;
    for i in 0..n {
        let c = &cands[i];
        if c.words.len() == 1
            && !c.drop
            && c.same_as.is_none()
            && crate::text::is_acronym(&c.name)
            && assets.lexicon.is(c.words.head(), word::STOP)
        {
            let defined = defined.get_or_insert_with(|| {
                (0..n)
                    .filter(|&j| cands[j].same_as.is_some())
                    .map(|j| &*keys[j])
                    .collect()
            });
            if !defined.contains(&*keys[i]) {
                cands[i].drop = true;
            }
        }
    }
    let mut parent: Vec<usize> = (0..n).collect();
    let mut first_of: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(n, Default::default());
    for i in 0..n {
        if cands[i].role_ref || cands[i].drop {
            continue;
        }
        match first_of.get(&*keys[i]) {
            Some(&f) => union(&mut parent, f, i),
            None => {
                first_of.insert(&keys[i], i);
            }
        }
    }
    // Acronyms in parentheses, found by the context pass.
    for i in 0..n {
        if let Some(y) = cands[i].same_as {
            union(&mut parent, y, i);
        }
    }
    // Full personal names by their last and first words.
    let mut by_last: HashMap<&str, HashSet<&str>> = HashMap::default();
    let mut by_first: HashMap<&str, HashSet<&str>> = HashMap::default();
    for i in 0..n {
        if personal(&cands[i]) {
            let w = &cands[i].words;
            by_last.entry(w.last()).or_default().insert(&keys[i]);
            by_first.entry(w.head()).or_default().insert(&keys[i]);
        }
    }
    // By cluster root (a candidate's index).
    let mut surname_used = vec![false; n];
    for i in 0..n {
        let c = &cands[i];
        if c.words.len() != 1 || c.role_ref || c.drop || c.same_as.is_some() {
            continue;
        }
        let v = &c.votes.0;
        if v[Kind::Place as usize] >= 1.0
            || v[Kind::Org as usize] >= 1.0
            || v[Kind::Other as usize] >= 1.0
        {
            continue;
        }
        let w = c.words.head();
        // By its last word ("Roe"), else by its first: a first name ("Jane"), or the surname
        // of a name written surname first ("Chen" of "Chen Weiming"). A word no full name
        // ends in has no other person of the article to stand for.
        let full = sole_fit(w, &by_last, &by_first, || true);
        if let Some(k) = full {
            let f = first_of[k];
            union(&mut parent, f, i);
            surname_used[find(&mut parent, f)] = true;
        }
    }
    // Organisations shortened: "Norvale" after "Norvale Semiconductor", "the Commission" after
    // "European Commission" (only a head word such as "Commission" or "Ministry" stands for
    // the whole by its last word). As with surnames, only when one organisation of the
    // article fits, and a name a person of the article already took is left alone.
    let mut org_by_first: HashMap<&str, HashSet<&str>> = HashMap::default();
    let mut org_by_last: HashMap<&str, HashSet<&str>> = HashMap::default();
    let mut org_by_initials: HashMap<String, HashSet<&str>> = HashMap::default();
    for i in 0..n {
        if organisational(&cands[i]) {
            let w = &cands[i].words;
            // By its first word only when the rest is organisation words ("Norvale
            // Semiconductor", "Tessaly Systems"): "Chicago" is not the "Chicago Tribune".
            let cue = word::ORG_HEAD | word::ORG_SUFFIX;
            if w.iter().skip(1).all(|x| assets.lexicon.is(x, cue)) {
                org_by_first.entry(w.head()).or_default().insert(&keys[i]);
            }
            org_by_last.entry(w.last()).or_default().insert(&keys[i]);
            // By its initials, with or without its inner small words ("Bank of England":
            // "BE", "BOE"), never a legal form's ("Apple Inc" is no "AI"), three letters at
            // least.
            for inner in [false, true] {
                let initials: String = w
                    .iter()
                    .filter(|x| inner || !NAME_INNER.contains(x))
                    .filter(|x| !assets.lexicon.is(x, word::ORG_SUFFIX))
                    .filter_map(|x| x.chars().next())
                    .collect();
                if initials.chars().count() >= 3 {
                    org_by_initials
                        .entry(initials)
                        .or_default()
                        .insert(&keys[i]);
                }
            }
        }
    }
    // Clusters that already hold another name (a surname joined to its full name).
    let mut mixed = vec![false; n];
    for j in 0..n {
        let r = find(&mut parent, j);
        if keys[j] != keys[r] {
            mixed[r] = true;
        }
    }
    for i in 0..n {
        let c = &cands[i];
        if c.words.len() != 1 || c.role_ref || c.drop || c.same_as.is_some() {
            continue;
        }
        if mixed[find(&mut parent, i)] {
            continue;
        }
        let v = &c.votes.0;
        if v[Kind::Person as usize] >= 1.0 || v[Kind::Place as usize] >= 1.0 {
            continue;
        }
        let w = c.words.head();
        // An acronym stands for the one organisation of the article it spells: "FTC" after
        // "Federal Trade Commission".
        let initials = || {
            let letters: String = w.chars().filter(|x| x.is_alphabetic()).collect();
            org_by_initials
                .get(&letters)
                .filter(|fits| fits.len() == 1)
                .and_then(|fits| fits.iter().next().copied())
        };
        let full = crate::text::is_acronym(&c.name)
            .then(initials)
            .flatten()
            .or_else(|| {
                sole_fit(w, &org_by_first, &org_by_last, || {
                    assets.lexicon.is(w, word::ORG_HEAD)
                })
            });
        if let Some(k) = full
            && !by_last.contains_key(w)
        {
            union(&mut parent, first_of[k], i);
        }
    }
    // Clusters: summed votes, strength, representative (most words, then first).
    // Indexed by cluster root.
    let mut votes = vec![KindVotes::default(); n];
    let mut strong = vec![false; n];
    let mut rep = vec![usize::MAX; n];
    for i in 0..n {
        if cands[i].role_ref || cands[i].drop {
            continue;
        }
        let r = find(&mut parent, i);
        votes[r].merge(&cands[i].votes);
        if !cands[i].weak {
            strong[r] = true;
        }
        if rep[r] == usize::MAX || cands[i].words.len() > cands[rep[r]].words.len() {
            rep[r] = i;
        }
    }
    for r in (0..n).filter(|&r| surname_used[r]) {
        // Reporters shorten people to their surname, rarely organisations.
        votes[r].add(Kind::Person, 1.0);
    }
    // Names that open with the first word of an organisation of the article are its
    // relatives ("Siemens Gamesa" beside "Siemens Energy AG").
    let mut org_first: HashSet<&str> = HashSet::default();
    for i in 0..n {
        if cands[i].words.len() >= 2
            && cands[i].votes.0[Kind::Org as usize] >= 1.5
            && !cands[i].role_ref
        {
            org_first.insert(cands[i].words.head());
        }
    }
    for i in 0..n {
        let c = &cands[i];
        if c.words.len() >= 2 && !c.role_ref && !c.drop && org_first.contains(c.words.head()) {
            let r = find(&mut parent, i);
            votes[r].add(Kind::Org, 0.5);
        }
    }
    for i in 0..n {
        if cands[i].role_ref || cands[i].drop {
            continue;
        }
        let r = find(&mut parent, i);
        let head = rep[r];
        cands[i].votes = votes[r];
        cands[i].weak = !strong[r];
        cands[i].same_as = (head != i && keys[head] != keys[i]).then_some(head);
    }
    // Role mentions: the one person the article bound the role to.
    let mut bound: HashMap<String, HashSet<usize>> = HashMap::default();
    for i in 0..n {
        if let Some(role) = &cands[i].role {
            let r = find(&mut parent, i);
            for k in role_keys(role) {
                bound.entry(k).or_default().insert(rep[r]);
            }
        }
    }
    for i in 0..n {
        if !cands[i].role_ref {
            continue;
        }
        let targets: HashSet<usize> = role_keys(&cands[i].name)
            .iter()
            .filter_map(|k| bound.get(k))
            .flatten()
            .copied()
            .collect();
        if targets.len() == 1 {
            let t = *targets.iter().next().expect("one");
            cands[i].same_as = Some(t);
            cands[i].votes = cands[t].votes;
        }
    }
}
