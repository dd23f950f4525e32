//! Entity linking across the corpus, first version: mentions with the same normalised name are
//! one entity ("The Washington Post" = "Washington Post", curly and straight apostrophes
//! alike), and a one-word name joins the one multi-word person name it is the surname or given
//! name of, when exactly one such name exists. Ambiguity stays unmerged.

use std::collections::BTreeMap;

use crate::extract::{Facts, Kind, KindVotes};

use super::{Entity, EntityId};

pub(super) struct Linked {
    pub entities: Vec<Entity>,
    /// For each article, for each of its mentions, the entity it was linked to.
    pub assignment: Vec<Vec<Option<EntityId>>>,
}

/// The key under which surface forms are the same name.
pub(crate) fn normalise(name: &str) -> String {
    let lower = name.to_lowercase().replace('’', "'");
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Group {
    votes: KindVotes,
    forms: BTreeMap<String, usize>,
    titles: BTreeMap<String, usize>,
    count: usize,
}

pub(super) fn link(facts: &[Facts]) -> Linked {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for f in facts {
        for m in &f.mentions {
            let g = groups.entry(normalise(&m.name)).or_default();
            g.votes.merge(&m.votes);
            *g.forms.entry(m.name.clone()).or_default() += 1;
            if let Some(t) = m.title.as_ref().or(m.role.as_ref()) {
                *g.titles.entry(t.clone()).or_default() += 1;
            }
            g.count += 1;
        }
    }
    // One-word names join the unique multi-word person name that contains them at an end.
    let keys: Vec<String> = groups.keys().cloned().collect();
    let mut target: BTreeMap<String, String> = BTreeMap::new();
    for k in keys.iter().filter(|k| !k.contains(' ')) {
        let candidates: Vec<&String> = keys
            .iter()
            .filter(|full| {
                let words: Vec<&str> = full.split(' ').collect();
                words.len() >= 2
                    && (words.last() == Some(&k.as_str()) || words.first() == Some(&k.as_str()))
                    && groups[*full].votes.best() == Kind::Person
            })
            .collect();
        if let [only] = candidates.as_slice() {
            target.insert(k.clone(), (*only).clone());
        }
    }
    for (from, to) in &target {
        if let Some(g) = groups.remove(from) {
            let t = groups.get_mut(to).expect("merge target exists");
            t.votes.merge(&g.votes);
            for (f, n) in g.forms {
                *t.forms.entry(f).or_default() += n;
            }
            for (f, n) in g.titles {
                *t.titles.entry(f).or_default() += n;
            }
            t.count += g.count;
        }
    }
    // Canonical name: the longest form, then the most frequent, then the first in order.
    let mut entities: Vec<(String, Entity, usize)> = groups
        .into_iter()
        .map(|(key, g)| {
            let name = g
                .forms
                .iter()
                .max_by(|a, b| {
                    let wa = a.0.split_whitespace().count();
                    let wb = b.0.split_whitespace().count();
                    wa.cmp(&wb).then(a.1.cmp(b.1)).then(b.0.cmp(a.0))
                })
                .map(|(f, _)| f.clone())
                .unwrap_or_default();
            let aliases = g.forms.keys().filter(|f| **f != name).cloned().collect();
            let titles = g.titles.keys().cloned().collect();
            let kind = g.votes.best();
            let e = Entity {
                id: EntityId(0),
                name,
                kind,
                aliases,
                titles,
                mentions: Vec::new(),
                articles: Vec::new(),
            };
            (key, e, g.count)
        })
        .collect();
    entities.sort_by(|a, b| {
        a.1.kind
            .cmp(&b.1.kind)
            .then(b.2.cmp(&a.2))
            .then(a.1.name.cmp(&b.1.name))
    });
    let mut index: BTreeMap<String, EntityId> = BTreeMap::new();
    for (i, (key, e, _)) in entities.iter_mut().enumerate() {
        e.id = EntityId(i as u32);
        index.insert(key.clone(), e.id);
    }
    let assignment = facts
        .iter()
        .map(|f| {
            f.mentions
                .iter()
                .map(|m| {
                    let k = normalise(&m.name);
                    let k = target.get(&k).cloned().unwrap_or(k);
                    index.get(&k).copied()
                })
                .collect()
        })
        .collect();
    Linked {
        entities: entities.into_iter().map(|(_, e, _)| e).collect(),
        assignment,
    }
}
