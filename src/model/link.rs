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
//! Everything is keyed by hashed name keys, so linking is linear in the mentions. Grouping by
//! key is one pass in corpus order; the later passes over every mention (acronyms, role
//! phrases, the final assignment) and the making of entities run in parallel.

// Candidates, groups and union-find parents are parallel arrays indexed together.
#![allow(clippy::needless_range_loop)]

use foldhash::{HashMap, HashSet};

use crate::extract::entities::role_keys;
use crate::extract::{Facts, Kind, KindVotes, Mention, Mentions};

use super::{Entity, EntityId};
use crate::assets::{Assets, Gazetteer};

pub(super) struct Linked {
    pub entities: Vec<Entity>,
    /// For each article, for each of its mentions, the entity it was linked to.
    pub assignment: Vec<Assigned>,
}

/// One article's mentions' entities: entity indexes, [`NONE`] for a mention of no entity (4
/// bytes a mention, where an `Option<EntityId>` takes 8). Made in place from the resolved
/// group row.
pub(super) struct Assigned(Vec<u32>);

impl Assigned {
    /// The entity of the article's mention `mi`.
    pub fn get(&self, mi: usize) -> Option<EntityId> {
        let e = self.0[mi];
        (e != NONE).then_some(EntityId(e))
    }

    /// The entity of each mention, in order.
    pub fn iter(&self) -> impl Iterator<Item = Option<EntityId>> + '_ {
        self.0.iter().map(|&e| (e != NONE).then_some(EntityId(e)))
    }
}

/// Mentions under one name key. Keys, forms and titles borrow from the facts. Most names
/// have no title: the titles are boxed when there are any, so that a group (one per name key
/// of the corpus) is 80 bytes rather than 112.
#[derive(Default)]
struct Group<'a> {
    key: &'a str,
    votes: KindVotes,
    forms: Counts<'a>,
    titles: Option<Box<Counts<'a>>>,
    /// Mentions (`u32`: a corpus has fewer than 4 billion).
    count: u32,
    strong: bool,
}

impl<'a> Group<'a> {
    fn titles(&mut self) -> &mut Counts<'a> {
        self.titles.get_or_insert_default()
    }
}

/// One group's place in linking's one list: the group, then the entity made of it, in the
/// same place. At 100,000 articles there are about a million groups: a list of groups and a
/// list of entities held side by side (each about 85 MB) were linking's live peak; one list
/// holds one of the two at a time.
enum Slot<'a> {
    Group(Group<'a>),
    Entity(Entity),
    /// Merged into another group, or made no entity.
    Empty,
}

impl<'a> Slot<'a> {
    /// The group, while it is one (until it is merged into another or its entity is made).
    fn group(&mut self) -> Option<&mut Group<'a>> {
        match self {
            Slot::Group(g) => Some(g),
            _ => None,
        }
    }

    fn entity(&self) -> Option<&Entity> {
        match self {
            Slot::Entity(e) => Some(e),
            _ => None,
        }
    }
}

/// Texts and how often each was seen, in the order first seen. A name has few forms and
/// titles: a short list searched in order, indexed by a hash map only once it grows long (a
/// tree per group cost an allocation and string comparisons for every mention). Most names
/// have one form: the list starts with room for one, and the rare index is boxed, so that a
/// group (one per name key of the corpus) stays small.
#[derive(Default)]
struct Counts<'a> {
    list: Vec<(&'a str, usize)>,
    index: Option<Box<HashMap<&'a str, usize>>>,
}

impl<'a> Counts<'a> {
    /// A list this long gets its index.
    const SHORT: usize = 16;

    fn add(&mut self, text: &'a str, n: usize) {
        let at = match &self.index {
            Some(index) => index.get(text).copied(),
            None => self.list.iter().position(|(t, _)| *t == text),
        };
        match at {
            Some(i) => self.list[i].1 += n,
            None => {
                if let Some(index) = &mut self.index {
                    index.insert(text, self.list.len());
                }
                if self.list.capacity() == 0 {
                    self.list.reserve_exact(1);
                }
                self.list.push((text, n));
                if self.index.is_none() && self.list.len() > Self::SHORT {
                    self.index = Some(Box::new(
                        self.list
                            .iter()
                            .enumerate()
                            .map(|(i, &(t, _))| (t, i))
                            .collect(),
                    ));
                }
            }
        }
    }

    /// Puts the texts in order (`list`, with their counts).
    fn sort(&mut self) {
        self.list.sort_unstable();
    }
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
fn mention_key<'a>(mentions: &'a Mentions, m: &'a Mention) -> &'a str {
    match m.same_as().and_then(|h| mentions.get(h as usize)) {
        Some(h) if !h.role_ref() => mentions.key(h),
        _ => mentions.key(m),
    }
}

/// One article's mentions' groups (role mentions resolved), and the role mentions that title
/// the group they resolve to.
type Resolved<'a> = (Vec<u32>, Vec<(u32, &'a str)>);

/// No group: a role mention before it is resolved, or a mention of nothing.
const NONE: u32 = u32::MAX;

/// Where each mention's group is, once every name key has its group.
struct Grouped<'a> {
    /// The group of each mention, flat: article `a`'s mentions are
    /// `of_mention[base[a]..base[a + 1]]`; [`NONE`] for role mentions.
    of_mention: Vec<u32>,
    base: Vec<usize>,
    by_key: HashMap<&'a str, u32>,
}

impl Grouped<'_> {
    fn row(&self, a: usize) -> &[u32] {
        &self.of_mention[self.base[a]..self.base[a + 1]]
    }
}

/// Groups every non-role mention under its name key, numbered in the order of their first
/// mention. One pass in corpus order: it reads the mentions as they lie in memory, which
/// measured faster than sharding the keys across threads (each shard then reads scattered
/// mentions).
fn group(facts: &[Facts]) -> (Vec<Slot<'_>>, Grouped<'_>) {
    let mut groups: Vec<Slot> = Vec::new();
    let mut by_key: HashMap<&str, u32> = HashMap::default();
    let mut base = Vec::with_capacity(facts.len() + 1);
    let mut of_mention = Vec::with_capacity(facts.iter().map(|f| f.mentions.len()).sum());
    for f in facts {
        base.push(of_mention.len());
        for m in f.mentions.iter() {
            if m.role_ref() {
                of_mention.push(NONE);
                continue;
            }
            let key = mention_key(&f.mentions, m);
            let g = *by_key.entry(key).or_insert_with(|| {
                groups.push(Slot::Group(Group {
                    key,
                    ..Group::default()
                }));
                (groups.len() - 1) as u32
            });
            let grp = groups[g as usize].group().expect("a group while grouping");
            grp.votes.merge(f.mentions.votes(m));
            grp.forms.add(f.mentions.name(m), 1);
            for t in f.mentions.title(m).into_iter().chain(f.mentions.role(m)) {
                grp.titles().add(t, 1);
            }
            grp.count += 1;
            grp.strong |= !m.weak();
            of_mention.push(g);
        }
    }
    base.push(of_mention.len());
    (
        groups,
        Grouped {
            of_mention,
            base,
            by_key,
        },
    )
}

pub(super) fn link(facts: &[Facts], assets: &Assets) -> Linked {
    use rayon::prelude::*;
    let (mut slots, grouped) = group(facts);
    let mut parent: Vec<usize> = (0..slots.len()).collect();
    // An acronym defined in one article ("(NRA)") is an alias everywhere, when it was
    // defined as one thing only. In key order: the unions, and so which group is the root,
    // never depend on hashing.
    let mut acronyms: Vec<(&str, u32)> = facts
        .par_iter()
        .enumerate()
        .flat_map_iter(|(a, f)| {
            let row = grouped.row(a);
            f.mentions
                .iter()
                .zip(row)
                .filter(|&(m, &g)| {
                    g != NONE
                        && !m.role_ref()
                        && m.same_as()
                            .and_then(|h| f.mentions.get(h as usize))
                            .is_some_and(|h| !h.role_ref())
                        && crate::text::is_acronym(f.mentions.name(m))
                })
                .map(|(m, &g)| (f.mentions.key(m), g))
                .collect::<Vec<_>>()
        })
        .collect();
    acronyms.par_sort_unstable();
    acronyms.dedup();
    for run in acronyms.chunk_by(|x, y| x.0 == y.0) {
        if let (Some(g), [(_, t)]) = (grouped.by_key.get(run[0].0).copied(), run) {
            let (rg, rt) = (
                find(&mut parent, g as usize),
                find(&mut parent, *t as usize),
            );
            union_into(&mut parent, rg, rt);
        }
    }
    drop(acronyms);
    // A one-word name joins the one full personal name of the corpus that ends in it. Each
    // last word's full name, or `None` when several end in it.
    let mut by_last: HashMap<&str, Option<usize>> = HashMap::default();
    for (g, slot) in slots.iter().enumerate() {
        if let Slot::Group(grp) = slot
            && let Some((_, last)) = grp.key.rsplit_once(' ')
            && grp.votes.best() == Kind::Person
            && find(&mut parent, g) == g
        {
            by_last
                .entry(last)
                .and_modify(|one| *one = None)
                .or_insert(Some(g));
        }
    }
    for g in 0..slots.len() {
        let Slot::Group(grp) = &slots[g] else {
            continue;
        };
        if grp.key.contains(' ') || find(&mut parent, g) != g {
            continue;
        }
        let v = &grp.votes;
        let person = v.0[Kind::Person as usize];
        let other = v.0[Kind::Org as usize]
            .max(v.0[Kind::Place as usize])
            .max(v.0[Kind::Other as usize]);
        if other >= 1.0 && other > person {
            continue;
        }
        if let Some(&Some(t)) = by_last.get(grp.key) {
            let rt = find(&mut parent, t);
            union_into(&mut parent, g, rt);
        }
    }
    drop(by_last);
    // No unions after this point: every group's root, read-only from here on.
    let root: Vec<u32> = (0..slots.len())
        .map(|g| find(&mut parent, g) as u32)
        .collect();
    let root_of = |g: u32| (g != NONE).then(|| root[g as usize]);
    // Merge groups into their roots.
    for g in 0..slots.len() {
        let r = root[g] as usize;
        if r != g {
            let Slot::Group(from) = std::mem::replace(&mut slots[g], Slot::Empty) else {
                unreachable!("each group merged once");
            };
            let to = slots[r].group().expect("roots stay");
            to.votes.merge(&from.votes);
            for (f, n) in from.forms.list {
                to.forms.add(f, n);
            }
            for (t, n) in from.titles.map(|t| t.list).unwrap_or_default() {
                to.titles().add(t, n);
            }
            to.count += from.count;
            to.strong |= from.strong;
        }
    }
    // Role phrases bound anywhere, to the groups they were bound to.
    let bound_pairs: Vec<(String, u32)> = facts
        .par_iter()
        .enumerate()
        .flat_map_iter(|(a, f)| {
            let row = grouped.row(a);
            let root_of = &root_of;
            f.mentions
                .iter()
                .zip(row)
                .filter_map(move |(m, &g)| Some((f.mentions.role(m)?, root_of(g)?)))
                .flat_map(|(role, r)| role_keys(role).into_iter().map(move |k| (k, r)))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut bound: HashMap<String, HashSet<u32>> = HashMap::default();
    for (k, r) in bound_pairs {
        bound.entry(k).or_default().insert(r);
    }
    // Each mention's group (a role mention's, resolved), and the role mentions that add a
    // title to the group they resolve to.
    let resolved: Vec<Resolved> = facts
        .par_iter()
        .enumerate()
        .map(|(a, f)| {
            let row = grouped.row(a);
            let mut out = Vec::with_capacity(row.len());
            let mut titled = Vec::new();
            for (m, &g) in f.mentions.iter().zip(row) {
                let resolved = if !m.role_ref() {
                    root_of(g)
                } else if let Some(h) = m.same_as() {
                    row.get(h as usize).copied().and_then(root_of)
                } else {
                    let targets: HashSet<u32> = role_keys(f.mentions.name(m))
                        .iter()
                        .filter_map(|k| bound.get(k))
                        .flatten()
                        .copied()
                        .collect();
                    (targets.len() == 1).then(|| *targets.iter().next().expect("one"))
                };
                if let (true, Some(r)) = (m.role_ref(), resolved) {
                    titled.push((r, f.mentions.name(m)));
                }
                out.push(resolved.unwrap_or(NONE));
            }
            (out, titled)
        })
        .collect();
    // What is left is made of the groups: the indexes go before the entities are made (the
    // peak of linking).
    drop(bound);
    drop(grouped);
    for (_, titled) in &resolved {
        for &(r, name) in titled {
            if let Some(grp) = slots[r as usize].group() {
                grp.titles().add(name, 1);
                grp.count += 1;
            }
        }
    }
    // Entities: confirmed groups, named as `entity` says.
    // Each made in its group's slot, the group freed as its entity is made; nearly every
    // group is a root and confirmed.
    let counts: Vec<u32> = slots
        .iter()
        .map(|s| match s {
            Slot::Group(g) => g.count,
            _ => 0,
        })
        .collect();
    slots.par_iter_mut().for_each(|slot| {
        *slot = match std::mem::replace(slot, Slot::Empty) {
            Slot::Group(grp) if grp.strong => Slot::Entity(entity(grp, &assets.places)),
            _ => Slot::Empty,
        }
    });
    // The entities' order: kind, most mentioned, name, then group. The slots are put in that
    // order in place (the empty ones last, then cut), so no entity is ever held twice.
    let kept = slots.iter().filter(|s| s.entity().is_some()).count();
    let order = entity_order(&slots, counts);
    // Each group's entity index, NONE for a group that made no entity.
    let mut index: Vec<u32> = vec![NONE; root.len()];
    for (i, &g) in order[..kept].iter().enumerate() {
        index[g] = i as u32;
    }
    super::permute(&mut slots, order);
    slots.truncate(kept);
    // In place: a slot is the size of an `Entity`. The list keeps the room of the cut slots
    // (the groups merged into others or unconfirmed, about 5% at 100k): a copy at the exact
    // size would hold every entity twice at linking's end, and mimalloc does not shrink a
    // block that stays half used.
    const _: () = assert!(size_of::<Slot>() == size_of::<Entity>());
    let mut entities: Vec<Entity> = slots
        .into_iter()
        .map(|s| match s {
            Slot::Entity(e) => e,
            _ => unreachable!("the kept slots come first"),
        })
        .collect();
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = EntityId(i as u32);
    }
    let assignment = resolved
        .into_par_iter()
        .map(|(mut row, _)| {
            for g in &mut row {
                if *g != NONE {
                    *g = index[*g as usize];
                }
            }
            Assigned(row)
        })
        .collect();
    Linked {
        entities,
        assignment,
    }
}

/// The entity a confirmed group names: its canonical name the fullest form; for a place, then
/// one not in capitals; then the most frequent.
fn entity(mut grp: Group, places: &Gazetteer) -> Entity {
    grp.forms.sort();
    let forms = &grp.forms.list;
    let kind = grp.votes.best();
    // The fullest form; for a place, then one not in capitals ("Geneva" over a dateline's
    // "GENEVA"); then the most frequent.
    let name = forms
        .iter()
        .max_by(|a, b| {
            let wa = a.0.split_whitespace().count();
            let wb = b.0.split_whitespace().count();
            let calm = |f: &str| kind == Kind::Place && !shouted(f);
            wa.cmp(&wb)
                .then(calm(a.0).cmp(&calm(b.0)))
                .then(a.1.cmp(&b.1))
                .then(b.0.cmp(a.0))
        })
        .map_or("", |(f, _)| f);
    let mut aliases = forms
        .iter()
        .filter(|(f, _)| *f != name)
        .map(|&(f, _)| f.into())
        .collect::<Vec<_>>();
    let titles = grp.titles.map_or_else(Vec::new, |mut t| {
        t.sort();
        t.list.iter().map(|&(t, _)| t.into()).collect()
    });
    // A place of the gazetteer seen only in capitals (a dateline's "SAN FRANCISCO") is named
    // as places are written; the form seen stays an alias. "USSR" is no such place.
    let written = (kind == Kind::Place && shouted(name))
        .then(|| title_case(name))
        .filter(|t| places.weight(&t.to_lowercase()) > 0.0);
    let name: Box<str> = match written {
        Some(t) => {
            aliases.push(name.into());
            aliases.sort_unstable();
            t.into()
        }
        None => name.into(),
    };
    Entity {
        id: EntityId(0),
        name,
        kind,
        aliases: crate::exact::boxed(aliases),
        titles: crate::exact::boxed(titles),
        mentions: Box::default(),
        articles: Box::default(),
    }
}

/// A name written in capitals, as a dateline writes its place: capitals and no lower-case
/// letter, no period, and a word of four letters or more ("GENEVA", "SAN FRANCISCO"; also
/// "USSR", which only the gazetteer tells from a place; not "UK", "U.S."). A script without
/// case has no capitals. Unlike [`crate::text::is_acronym`] it takes several words and no periods.
fn shouted(name: &str) -> bool {
    !name.contains('.')
        && name.chars().any(char::is_uppercase)
        && !name.chars().any(char::is_lowercase)
        && name
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 4)
}

/// Words of a place name in lower case after its first word: "Rio de Janeiro", "Stratford
/// upon Avon".
const PLACE_PARTICLES: [&str; 26] = [
    "a", "al", "am", "an", "and", "au", "aux", "da", "das", "de", "del", "della", "den", "der",
    "des", "di", "do", "dos", "du", "el", "en", "im", "la", "le", "of", "upon",
];

/// "SAN FRANCISCO" as "San Francisco", "WINSTON-SALEM" as "Winston-Salem", "RIO DE JANEIRO"
/// as "Rio de Janeiro", "N'DJAMENA" as "N'Djamena": each word's first letter kept and the
/// rest in lower case; a particle after the first word in lower case; a letter after a
/// one-letter prefix and an apostrophe kept.
fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (k, word) in name.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if k > 0 && PLACE_PARTICLES.contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        let mut start = true;
        // Letters since the last other character.
        let mut letters = 0;
        for c in word.chars() {
            if start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            if c.is_alphabetic() {
                letters += 1;
                start = false;
            } else {
                // A word starts again after a hyphen, and after an apostrophe when one letter
                // came before it ("N'Djamena", not "Martha'S").
                start = !matches!(c, '\'' | '’') || letters == 1;
                letters = 0;
            }
        }
    }
    out
}

/// The slots in the entities' order (see [`OrderKey`]): the group at each place.
fn entity_order(slots: &[Slot], counts: Vec<u32>) -> Vec<usize> {
    use rayon::prelude::*;
    let mut keys: Vec<OrderKey> = slots
        .par_iter()
        .zip(&counts)
        .enumerate()
        .map(|(g, (s, &count))| OrderKey::new(g, s.entity(), count))
        .collect();
    drop(counts);
    keys.par_sort_unstable_by(|a, b| {
        a.rank()
            .cmp(&b.rank())
            .then(a.prefix.cmp(&b.prefix))
            .then_with(
                || match (slots[a.group()].entity(), slots[b.group()].entity()) {
                    (Some(x), Some(y)) => x.name.cmp(&y.name),
                    _ => std::cmp::Ordering::Equal,
                },
            )
            .then(a.group().cmp(&b.group()))
    });
    keys.into_iter().map(|k| k.group()).collect()
}

/// A group's place in the entities' order, as far as it can be known without reading the
/// entity again: the empty slots last, then kind, most mentioned first, the name's first eight
/// bytes; a tie is broken by the whole name, then the group. Sorting these, rather than group
/// numbers whose every comparison read both entities (about 90 MB of them at 100,000
/// articles, far larger than the cache), took the sort and reordering from 240-255 ms to
/// 95-120.
struct OrderKey {
    /// Empty slot (1 bit), kind (2 bits), the count's complement (32 bits), group (29 bits).
    head: u64,
    /// The name's first eight bytes, big-endian, zero-padded: compared as numbers, they order
    /// as the bytes do.
    prefix: u64,
}

impl OrderKey {
    const GROUP_BITS: u32 = 29;

    fn new(group: usize, entity: Option<&Entity>, count: u32) -> OrderKey {
        assert!(group < 1 << Self::GROUP_BITS, "fewer than 2^29 name groups");
        let (empty, kind, prefix) = match entity {
            Some(e) => {
                let mut bytes = [0u8; 8];
                let name = e.name.as_bytes();
                let n = name.len().min(8);
                bytes[..n].copy_from_slice(&name[..n]);
                (0, e.kind as u64, u64::from_be_bytes(bytes))
            }
            None => (1, 0, 0),
        };
        debug_assert!(kind < 4);
        let count = if entity.is_some() { !count } else { 0 };
        OrderKey {
            head: empty << 63 | kind << 61 | u64::from(count) << Self::GROUP_BITS | group as u64,
            prefix,
        }
    }

    /// Empty, kind and count: what is compared before the name.
    fn rank(&self) -> u64 {
        self.head >> Self::GROUP_BITS
    }

    fn group(&self) -> usize {
        (self.head & ((1 << Self::GROUP_BITS) - 1)) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn entity_order_is_kind_then_count_then_name_then_group() {
        use crate::extract::Kind;
        // Names that share their first eight bytes or more, one that is a prefix of another,
        // non-ASCII bytes, equal names, and empty slots among them.
        let names = [
            "Jonathan Smith",
            "Jonathan Smithers",
            "Jonathan",
            "Jonathan ",
            "Zoë Adams",
            "Zoe Adams",
            "A",
            "Jonathan Smith",
            "Émile Zola",
            "",
        ];
        let kinds = Kind::ALL;
        let mut slots = Vec::new();
        let mut counts = Vec::new();
        for i in 0..200usize {
            let entity = (i % 7 != 3).then(|| super::Entity {
                id: super::EntityId(0),
                name: names[(i * 7) % names.len()].into(),
                kind: kinds[(i * 5) % 4],
                aliases: Box::default(),
                titles: Box::default(),
                mentions: Box::default(),
                articles: Box::default(),
            });
            slots.push(entity.map_or(super::Slot::Empty, super::Slot::Entity));
            counts.push([1, 2, u32::MAX][i % 3]);
        }
        // The order as the comparison of the entities themselves gives it.
        let mut want: Vec<usize> = (0..slots.len()).collect();
        want.sort_by(|&a, &b| match (slots[a].entity(), slots[b].entity()) {
            (Some(x), Some(y)) => x
                .kind
                .cmp(&y.kind)
                .then(counts[b].cmp(&counts[a]))
                .then(x.name.cmp(&y.name))
                .then(a.cmp(&b)),
            (x, y) => y.is_some().cmp(&x.is_some()).then(a.cmp(&b)),
        });
        assert_eq!(super::entity_order(&slots, counts), want);
    }

    #[test]
    fn shouted_places_are_title_cased_as_places_are_written() {
        use super::{shouted, title_case};
        for (caps, written) in [
            ("SAN FRANCISCO", "San Francisco"),
            ("WINSTON-SALEM", "Winston-Salem"),
            ("RIO DE JANEIRO", "Rio de Janeiro"),
            ("N'DJAMENA", "N'Djamena"),
            ("ZÜRICH", "Zürich"),
            ("MARTHA'S VINEYARD", "Martha's Vineyard"),
        ] {
            assert!(shouted(caps), "{caps}");
            assert_eq!(title_case(caps), written);
        }
        for calm in ["UK", "U.S.", "Geneva", "乌鲁木齐", "NEW YORK, N.Y."] {
            assert!(!shouted(calm), "{calm}");
        }
    }

    #[test]
    fn counts_agree_with_a_tree_before_and_after_the_list_gets_its_index() {
        let texts: Vec<String> = (0..40).map(|i| format!("t{}", (i * 7) % 23)).collect();
        let mut counts = Counts::default();
        let mut tree = std::collections::BTreeMap::new();
        for (i, t) in texts.iter().enumerate() {
            counts.add(t, i % 3 + 1);
            *tree.entry(t.as_str()).or_insert(0) += i % 3 + 1;
        }
        assert!(
            counts.index.is_some(),
            "23 distinct texts are past the short list"
        );
        counts.sort();
        assert_eq!(counts.list, tree.into_iter().collect::<Vec<_>>());
    }
}
