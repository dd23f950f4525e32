//! Extraction: one article in, its facts out (sentences, entity mentions, time expressions).
//! Events are found per article too (`events`), but in the merge: who acts on whom depends on
//! the kinds the corpus gives the entities. A pure function of the article body, its publication date and the assets, so the
//! corpus is extracted in parallel and nothing here sees another article; linking across
//! articles is the model's merge.

pub mod entities;
pub mod events;
pub mod pubdate;
pub mod sentences;
pub mod timex;

use chrono::NaiveDate;
use serde::Serialize;

use crate::assets::Assets;
use crate::text::Span;
use crate::time::DateValue;

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Org,
    Place,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Person, Kind::Org, Kind::Place, Kind::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Org => "org",
            Kind::Place => "place",
            Kind::Other => "other",
        }
    }
}

/// Evidence for each kind, summed over mentions when entities are merged.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct KindVotes(pub [f32; 4]);

impl KindVotes {
    pub fn add(&mut self, kind: Kind, weight: f32) {
        self.0[kind as usize] += weight;
    }

    pub fn merge(&mut self, other: &KindVotes) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }

    /// The summed weight of all kinds.
    pub fn total(&self) -> f32 {
        self.0.iter().sum()
    }

    /// The kind with the most evidence; `Other` when there is none.
    pub fn best(&self) -> Kind {
        let mut best = Kind::Other;
        let mut score = 0.0;
        for k in Kind::ALL {
            if self.0[k as usize] > score {
                best = k;
                score = self.0[k as usize];
            }
        }
        best
    }
}

/// One mention of a named entity in an article. Its texts (name, key, title, role) and kind
/// votes live in the article's [`Mentions`], which reads them: a corpus has millions of
/// mentions, so a mention is small (40 bytes: its two flags are the top bits of `same_as`).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The name itself: no title before it, no possessive after it. For a role mention
    /// (`role_ref`), the role phrase ("Acme founder" in "the Acme founder said").
    pub span: Span,
    /// The name as written, whitespace squashed ([`Mentions::name`]).
    name: TextRef,
    /// The key under which mentions are the same name ([`Mentions::key`]).
    key: TextRef,
    /// Index of the sentence the mention is in.
    pub sentence: u32,
    /// [`Mention::same_as`] ([`SAME_AS`] bits, all set for none), [`Mention::weak`] ([`WEAK`])
    /// and [`Mention::role_ref`] ([`ROLE_REF`]).
    same_as: u32,
    /// Index of its kind votes in [`Mentions`] ([`Mentions::votes`]).
    votes: u32,
    /// Index of its title and role in [`Mentions`] ([`Mentions::title`], [`Mentions::role`]);
    /// [`NONE`] when it has neither, as most mentions do.
    extra: u32,
}

const _: () = assert!(size_of::<Mention>() == 40);

/// No index.
const NONE: u32 = u32::MAX;

/// The bits of [`Mention`]'s `same_as` that hold the index (an article has fewer than 2^30
/// mentions: its body is at most [`crate::text::MAX_BODY`] bytes).
const SAME_AS: u32 = (1 << 30) - 1;
/// The bit of `same_as` that says the mention is weak.
const WEAK: u32 = 1 << 30;
/// The bit of `same_as` that says the mention is a role reference.
const ROLE_REF: u32 = 1 << 31;

impl Mention {
    /// Index (into the article's mentions) of the mention this one names again: the full
    /// name a surname or first name stands for, the name an acronym in parentheses
    /// abbreviates, the person a role mention refers to. Always a mention with `same_as`
    /// unset.
    pub fn same_as(&self) -> Option<u32> {
        let i = self.same_as & SAME_AS;
        (i != SAME_AS).then_some(i)
    }

    /// Capitalised only where capitals say little (a sentence-initial common word, a word
    /// of a title-case heading) and not confirmed in the article: the model keeps it only if
    /// the corpus confirms the name elsewhere.
    pub fn weak(&self) -> bool {
        self.same_as & WEAK != 0
    }

    /// This mention is a role phrase standing for a person ("the Acme founder"); it refers
    /// to whoever the role was bound to, in the article (`same_as`) or in the corpus.
    pub fn role_ref(&self) -> bool {
        self.same_as & ROLE_REF != 0
    }
}

/// Byte offsets of one text in [`Mentions`]' buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextRef {
    start: u32,
    end: u32,
}

impl TextRef {
    /// No text: a range no text has (it ends before it starts).
    const NONE: TextRef = TextRef {
        start: u32::MAX,
        end: 0,
    };
}

/// The texts of a new [`Mention`].
#[derive(Debug, Clone, Copy)]
pub struct MentionTexts<'a> {
    pub name: &'a str,
    pub key: &'a str,
    pub title: Option<&'a str>,
    pub role: Option<&'a str>,
}

/// One article's mentions, in text order, and the texts and votes they carry: one buffer of
/// texts per article rather than small allocations per mention (a corpus has millions of
/// mentions, and their names and keys were most of the memory extraction held).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mentions {
    list: Vec<Mention>,
    text: String,
    /// The distinct kind votes: the mentions of one name in an article share theirs.
    votes: Vec<KindVotes>,
    /// Title and role ([`TextRef::NONE`] when absent) of the mentions that have either.
    extras: Vec<(TextRef, TextRef)>,
}

impl std::ops::Deref for Mentions {
    type Target = [Mention];

    fn deref(&self) -> &[Mention] {
        &self.list
    }
}

/// Builds one article's [`Mentions`], storing each distinct text once: an article names the
/// same people again and again, and a name and its key written once per mention were most of
/// the buffer.
#[derive(Debug)]
pub struct MentionsBuilder<'a> {
    list: Vec<Mention>,
    /// Each distinct text and where it will be in the buffer.
    seen: foldhash::HashMap<&'a str, TextRef>,
    /// The distinct texts in buffer order.
    order: Vec<&'a str>,
    len: u32,
    votes: Vec<KindVotes>,
    extras: Vec<(TextRef, TextRef)>,
}

/// How far back a mention's votes are looked for among the article's distinct votes: an
/// article has a few dozen names, and a miss only stores the votes twice.
const VOTES_LOOK_BACK: usize = 64;

impl<'a> MentionsBuilder<'a> {
    /// Room for `n` mentions.
    pub fn with_capacity(n: usize) -> MentionsBuilder<'a> {
        MentionsBuilder {
            list: Vec::with_capacity(n),
            // About one distinct name and key for every two mentions.
            seen: foldhash::HashMap::with_capacity_and_hasher(n, Default::default()),
            order: Vec::new(),
            len: 0,
            votes: Vec::new(),
            extras: Vec::new(),
        }
    }

    /// Adds a mention; its texts are stored once each.
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        span: Span,
        texts: MentionTexts<'a>,
        votes: KindVotes,
        sentence: u32,
        weak: bool,
        same_as: Option<u32>,
        role_ref: bool,
    ) {
        let name = self.put(texts.name);
        let key = self.put(texts.key);
        let title = texts.title.map_or(TextRef::NONE, |t| self.put(t));
        let role = texts.role.map_or(TextRef::NONE, |r| self.put(r));
        let extra = if title == TextRef::NONE && role == TextRef::NONE {
            NONE
        } else {
            self.extras.push((title, role));
            index(self.extras.len() - 1)
        };
        let n = self.votes.len();
        let votes = match self.votes[n.saturating_sub(VOTES_LOOK_BACK)..]
            .iter()
            .rposition(|v| *v == votes)
        {
            Some(i) => index(n.saturating_sub(VOTES_LOOK_BACK) + i),
            None => {
                self.votes.push(votes);
                index(n)
            }
        };
        let same_as = same_as.map_or(SAME_AS, |i| {
            assert!(i < SAME_AS, "fewer than 2^30 mentions per article");
            i
        });
        self.list.push(Mention {
            span,
            name,
            key,
            sentence,
            same_as: same_as | if weak { WEAK } else { 0 } | if role_ref { ROLE_REF } else { 0 },
            votes,
            extra,
        });
    }

    fn put(&mut self, s: &'a str) -> TextRef {
        *self.seen.entry(s).or_insert_with(|| {
            let start = self.len;
            self.len = u32::try_from(start as usize + s.len())
                .expect("an article's distinct mention texts are under 4 GiB");
            self.order.push(s);
            TextRef {
                start,
                end: self.len,
            }
        })
    }

    /// The mentions, with their texts in one buffer of exact size.
    pub fn finish(self) -> Mentions {
        let mut text = String::with_capacity(self.len as usize);
        for s in self.order {
            text.push_str(s);
        }
        Mentions {
            list: self.list,
            text,
            votes: self.votes,
            extras: self.extras,
        }
    }
}

/// An index into one article's mentions or their tables (an article has fewer than 4 billion
/// of each; [`NONE`] is never one).
fn index(i: usize) -> u32 {
    u32::try_from(i)
        .ok()
        .filter(|&i| i != NONE)
        .expect("fewer than 4 billion per article")
}

impl Mentions {
    fn get(&self, r: TextRef) -> &str {
        &self.text[r.start as usize..r.end as usize]
    }

    fn get_some(&self, r: TextRef) -> Option<&str> {
        (r != TextRef::NONE).then(|| self.get(r))
    }

    /// The name as written, whitespace squashed.
    pub fn name(&self, m: &Mention) -> &str {
        self.get(m.name)
    }

    /// The key under which mentions are the same name: lower case, one kind of apostrophe,
    /// no leading "the", no periods in a dotted abbreviation, no legal-form suffix
    /// ("Siemens Energy AG" = "Siemens Energy"; "U.S." = "US").
    pub fn key(&self, m: &Mention) -> &str {
        self.get(m.key)
    }

    /// A title or role word that preceded the name ("President-elect", "CEO").
    pub fn title(&self, m: &Mention) -> Option<&str> {
        self.get_some(self.extras.get(m.extra as usize)?.0)
    }

    /// An appositive role phrase bound to the name ("Acme founder" in "Acme founder X",
    /// "CEO of Acme and Globex" in "X, CEO of Acme and Globex").
    pub fn role(&self, m: &Mention) -> Option<&str> {
        self.get_some(self.extras.get(m.extra as usize)?.1)
    }

    /// Kind evidence of the mention's name in the article (shared by the mentions linked in
    /// it; the model sums it over the corpus).
    pub fn votes(&self, m: &Mention) -> &KindVotes {
        &self.votes[m.votes as usize]
    }
}

/// What a time expression was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Fully specified in the text ("Dec 20, 2024").
    Absolute,
    /// The article's publication date.
    Published,
    /// An earlier time expression of the same article (its index).
    Timex(usize),
    /// The same fact as dated by another article of the corpus (the article had no date).
    Corpus,
}

/// A time expression with its normalised value.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub span: Span,
    pub value: DateValue,
    /// A vague range ("in recent weeks").
    pub vague: bool,
    pub anchor: Anchor,
    pub sentence: usize,
}

impl AsRef<Timex> for Timex {
    fn as_ref(&self) -> &Timex {
        self
    }
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub sentences: Vec<Span>,
    pub mentions: Mentions,
    pub timexes: Vec<Timex>,
}

/// Extracts the facts of one article body.
pub fn extract(body: &str, published: Option<NaiveDate>, assets: &Assets) -> Facts {
    let sentences = sentences::split(body);
    let mentions = entities::find(body, &sentences, assets);
    let timexes = timex::find(body, &sentences, published);
    Facts {
        sentences,
        mentions,
        timexes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_text_is_stored_once_and_each_mention_reads_its_own() {
        let person = {
            let mut v = KindVotes::default();
            v.add(Kind::Person, 2.0);
            v
        };
        let place = {
            let mut v = KindVotes::default();
            v.add(Kind::Place, 1.0);
            v
        };
        // (span, name, key, title, votes, same_as)
        let given = [
            (
                (0, 9),
                "Ana Silva",
                "ana silva",
                Some("Minister"),
                person,
                None,
            ),
            ((20, 25), "Silva", "silva", None, person, Some(0)),
            ((30, 36), "Lisbon", "lisbon", None, place, None),
            (
                (40, 49),
                "Ana Silva",
                "ana silva",
                Some("Minister"),
                person,
                None,
            ),
        ];
        let mut b = MentionsBuilder::with_capacity(given.len());
        for (i, &((start, end), name, key, title, votes, same_as)) in given.iter().enumerate() {
            let texts = MentionTexts {
                name,
                key,
                title,
                role: None,
            };
            b.push(
                Span::new(start, end),
                texts,
                votes,
                i as u32,
                i % 2 == 1,
                same_as,
                i == 3,
            );
        }
        let m = b.finish();
        // Each distinct text once, in an allocation of its length; each distinct vote once.
        let distinct = "Ana Silvaana silvaMinisterSilvasilvaLisbonlisbon";
        assert_eq!(
            (m.text.len(), m.text.capacity()),
            (distinct.len(), distinct.len())
        );
        assert_eq!(m.votes.len(), 2);
        assert_eq!(m.extras.len(), 2, "only the titled mentions have extras");
        for (i, (x, &(_, name, key, title, votes, same_as))) in m.iter().zip(&given).enumerate() {
            assert_eq!(
                (m.name(x), m.key(x), m.title(x), m.role(x)),
                (name, key, title, None)
            );
            assert_eq!((*m.votes(x), x.same_as()), (votes, same_as));
            // The flags share `same_as`'s word, and leave its index alone.
            assert_eq!((x.weak(), x.role_ref()), (i % 2 == 1, i == 3));
        }
    }
}
