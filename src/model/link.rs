//! Entity linking across the corpus: the reduce step over every article's mentions. Each
//! article already linked what is safe inside it (a surname to its full name, an acronym to
//! the name it abbreviates, a role mention to its person); here mentions meet by name key
//! ("The Boston Globe" = "Boston Globe", "U.S." = "US", curly and straight apostrophes
//! alike), an acronym defined in one article names the same thing in the others, a surname
//! left alone in its article joins the one full personal name of the corpus that ends in it,
//! and a role phrase ("the Acme founder") resolves to the one person any article bound it
//! to. Ambiguity stays unmerged. A name seen only where capitals prove nothing (a heading, a
//! sentence-initial common word) is kept only if some article confirms it.
//!
//! Everything is keyed by hashed name keys, so linking is linear in the mentions.

// Candidates, groups and union-find parents are parallel arrays indexed together.
#![allow(clippy::needless_range_loop)]

use std::collections::BTreeMap;

use foldhash::{HashMap, HashSet};

use crate::extract::entities::role_keys;
use crate::extract::{Facts, Kind, KindVotes, Mention};

use super::{Entity, EntityId};

pub(super) struct Linked {
    pub entities: Vec<Entity>,
    /// For each article, for each of its mentions, the entity it was linked to.
    pub assignment: Vec<Vec<Option<EntityId>>>,
}

/// Mentions under one name key. Keys, forms and titles borrow from the facts.
#[derive(Default)]
struct Group<'a> {
    key: &'a str,
    votes: KindVotes,
    forms: BTreeMap<&'a str, usize>,
    titles: BTreeMap<&'a str, usize>,
    count: usize,
    strong: bool,
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Merges group `from` into `to` (both roots).
fn union_into(parent: &mut [usize], from: usize, to: usize) {
    if from != to {
        parent[from] = to;
    }
}

/// The key a mention is grouped under: its own, or that of the mention it names again.
fn mention_key<'a>(mentions: &'a [Mention], m: &'a Mention) -> &'a str {
    match m.same_as.and_then(|h| mentions.get(h as usize)) {
        Some(h) if !h.role_ref => &h.key,
        _ => &m.key,
    }
}

pub(super) fn link(facts: &[Facts]) -> Linked {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<&str, usize> = HashMap::default();
    // Group of each mention (role mentions resolved later).
    let mut of_mention: Vec<Vec<Option<usize>>> = Vec::with_capacity(facts.len());
    for f in facts {
        let mut row = Vec::with_capacity(f.mentions.len());
        for m in &f.mentions {
            if m.role_ref {
                row.push(None);
                continue;
            }
            let key = mention_key(&f.mentions, m);
            let g = *by_key.entry(key).or_insert_with(|| {
                groups.push(Group {
                    key,
                    ..Group::default()
                });
                groups.len() - 1
            });
            let grp = &mut groups[g];
            grp.votes.merge(&m.votes);
            *grp.forms.entry(&m.name).or_default() += 1;
            for t in m.title.iter().chain(m.role.iter()) {
                *grp.titles.entry(t).or_default() += 1;
            }
            grp.count += 1;
            grp.strong |= !m.weak;
            row.push(Some(g));
        }
        of_mention.push(row);
    }
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    // An acronym defined in one article ("(NRA)") is an alias everywhere, when it was
    // defined as one thing only.
    let mut acronyms: HashMap<&str, HashSet<usize>> = HashMap::default();
    for (f, row) in facts.iter().zip(&of_mention) {
        for (m, g) in f.mentions.iter().zip(row) {
            if let (Some(h), Some(g)) = (m.same_as, g)
                && !m.role_ref
                && is_acronym(&m.name)
                && f.mentions.get(h as usize).is_some_and(|h| !h.role_ref)
            {
                acronyms.entry(&m.key).or_default().insert(*g);
            }
        }
    }
    // In key order: the unions, and so which group is the root, never depend on hashing.
    let mut acronyms: Vec<_> = acronyms.into_iter().collect();
    acronyms.sort_unstable_by_key(|(k, _)| *k);
    for (acr, targets) in &acronyms {
        if let (Some(&g), [t]) = (
            by_key.get(*acr),
            targets.iter().collect::<Vec<_>>().as_slice(),
        ) {
            let (rg, rt) = (find(&mut parent, g), find(&mut parent, **t));
            union_into(&mut parent, rg, rt);
        }
    }
    // A one-word name joins the one full personal name of the corpus that ends in it.
    let mut by_last: HashMap<&str, HashSet<usize>> = HashMap::default();
    for (g, grp) in groups.iter().enumerate() {
        let words: Vec<&str> = grp.key.split(' ').collect();
        if words.len() >= 2 && grp.votes.best() == Kind::Person && find(&mut parent, g) == g {
            by_last.entry(words[words.len() - 1]).or_default().insert(g);
        }
    }
    for g in 0..groups.len() {
        if groups[g].key.contains(' ') || find(&mut parent, g) != g {
            continue;
        }
        let v = &groups[g].votes;
        let person = v.0[Kind::Person as usize];
        let other = v.0[Kind::Org as usize]
            .max(v.0[Kind::Place as usize])
            .max(v.0[Kind::Other as usize]);
        if other >= 1.0 && other > person {
            continue;
        }
        if let Some(set) = by_last.get(groups[g].key)
            && set.len() == 1
        {
            let t = *set.iter().next().expect("one");
            let rt = find(&mut parent, t);
            union_into(&mut parent, g, rt);
        }
    }
    // Merge groups into their roots.
    let mut merged: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    for g in 0..merged.len() {
        let r = find(&mut parent, g);
        if r != g {
            let from = merged[g].take().expect("each group merged once");
            let to = merged[r].as_mut().expect("roots stay");
            to.votes.merge(&from.votes);
            for (f, n) in from.forms {
                *to.forms.entry(f).or_default() += n;
            }
            for (f, n) in from.titles {
                *to.titles.entry(f).or_default() += n;
            }
            to.count += from.count;
            to.strong |= from.strong;
        }
    }
    // Role phrases bound anywhere, to the groups they were bound to.
    let mut bound: HashMap<String, HashSet<usize>> = HashMap::default();
    for (f, row) in facts.iter().zip(&of_mention) {
        for (m, g) in f.mentions.iter().zip(row) {
            if let (Some(role), Some(g)) = (&m.role, g) {
                for k in role_keys(role) {
                    bound.entry(k).or_default().insert(find(&mut parent, *g));
                }
            }
        }
    }
    let mut role_of: Vec<Vec<Option<usize>>> = Vec::with_capacity(facts.len());
    for (f, row) in facts.iter().zip(&of_mention) {
        let mut out = Vec::with_capacity(row.len());
        for (m, g) in f.mentions.iter().zip(row) {
            let resolved = if !m.role_ref {
                g.map(|g| find(&mut parent, g))
            } else if let Some(h) = m.same_as {
                row.get(h as usize)
                    .copied()
                    .flatten()
                    .map(|g| find(&mut parent, g))
            } else {
                let targets: HashSet<usize> = role_keys(&m.name)
                    .iter()
                    .filter_map(|k| bound.get(k))
                    .flatten()
                    .copied()
                    .collect();
                (targets.len() == 1).then(|| *targets.iter().next().expect("one"))
            };
            if let (true, Some(r)) = (m.role_ref, resolved)
                && let Some(grp) = merged[r].as_mut()
            {
                *grp.titles.entry(&m.name).or_default() += 1;
                grp.count += 1;
            }
            out.push(resolved);
        }
        role_of.push(out);
    }
    // Entities: confirmed groups, canonical name the fullest form, then the most frequent.
    let mut entities: Vec<(usize, Entity, usize)> = merged
        .into_iter()
        .enumerate()
        .filter_map(|(g, grp)| grp.filter(|x| x.strong).map(|x| (g, x)))
        .map(|(g, grp)| {
            let name = grp
                .forms
                .iter()
                .max_by(|a, b| {
                    let wa = a.0.split_whitespace().count();
                    let wb = b.0.split_whitespace().count();
                    wa.cmp(&wb).then(a.1.cmp(b.1)).then(b.0.cmp(a.0))
                })
                .map(|(f, _)| f.to_string())
                .unwrap_or_default();
            let mut aliases: Vec<String> = grp
                .forms
                .keys()
                .filter(|f| **f != name)
                .map(|f| f.to_string())
                .collect();
            aliases.sort();
            let titles = grp.titles.keys().map(|t| t.to_string()).collect();
            let e = Entity {
                id: EntityId(0),
                name,
                kind: grp.votes.best(),
                aliases,
                titles,
                mentions: Vec::new(),
                articles: Vec::new(),
            };
            (g, e, grp.count)
        })
        .collect();
    entities.sort_by(|a, b| {
        a.1.kind
            .cmp(&b.1.kind)
            .then(b.2.cmp(&a.2))
            .then(a.1.name.cmp(&b.1.name))
    });
    let mut index: HashMap<usize, EntityId> = HashMap::default();
    for (i, (g, e, _)) in entities.iter_mut().enumerate() {
        e.id = EntityId(i as u32);
        index.insert(*g, e.id);
    }
    let assignment = role_of
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|g| g.and_then(|g| index.get(&g).copied()))
                .collect()
        })
        .collect();
    Linked {
        entities: entities.into_iter().map(|(_, e, _)| e).collect(),
        assignment,
    }
}

/// "NATO", "FTC", "U.S.": every letter a capital, at least two letters.
fn is_acronym(name: &str) -> bool {
    !name.contains(' ')
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !name.chars().any(char::is_lowercase)
}
