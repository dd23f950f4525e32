//! General knowledge as data: the files under `assets/`, compiled into the binary and parsed
//! once on first use. Code asks questions of it ("is this a given name?", "what kind of event
//! does this word trigger, with what tone?"); it never names anyone itself. See
//! `assets/README.md` for each file's source, licence and format.

use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

/// How an organisation cue word marks a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CuePosition {
    /// Heads or ends an organisation name: "Department", "Commission", "University".
    Head,
    /// A legal-form suffix: "Inc", "Ltd", "LLC".
    Suffix,
    /// A media name word: "Post", "Times", "Journal".
    Media,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgCue {
    pub position: CuePosition,
    pub class: String,
}

/// The gazetteer: how much each name (lowercase) says "place", from the most telling of
/// the places it names. Only that weight is kept: the lookups ask nothing else, and one
/// number a name is a fifth of the memory of each row's kind, country and population.
#[derive(Debug, Default)]
pub struct Gazetteer {
    weights: HashMap<Box<str>, f32>,
}

impl Gazetteer {
    /// The place weight of a lowercase name (0 when it names no place): a country 2.0, a
    /// state 1.6, a city of a million people or more 1.2, of 100,000 or more 0.9, any
    /// other 0.5.
    pub fn weight(&self, name: &str) -> f32 {
        self.weights.get(name).copied().unwrap_or(0.0)
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// The weight one gazetteer row gives its name (`kind` and population columns).
fn place_row_weight(kind: &str, population: u64) -> f32 {
    match kind {
        "country" => 2.0,
        "state" => 1.6,
        _ if population >= 1_000_000 => 1.2,
        _ if population >= 100_000 => 0.9,
        _ => 0.5,
    }
}

/// The gazetteer's rows: name as written, kind and population (0 when not given).
fn place_rows(text: &str) -> impl Iterator<Item = (&str, &str, u64)> {
    rows(text).filter(|r| r.len() >= 2).map(|r| {
        (
            r[0],
            r[1],
            r.get(3).and_then(|p| p.parse().ok()).unwrap_or(0),
        )
    })
}

/// The names (lowercase) of the bundled gazetteer's cities of more than `population`
/// people, for the corpus generator.
pub fn cities_over(population: u64) -> Vec<String> {
    place_rows(include_str!("../assets/places.tsv"))
        .filter(|&(_, kind, p)| kind == "city" && p > population)
        .map(|(name, _, _)| lower(name))
        .collect()
}

/// An event trigger: a word or phrase, the event kind it signals and its Goldstein tone.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub form: String,
    /// Interned: events carry it by reference.
    pub kind: &'static str,
    pub tone: f32,
    pub lemma: String,
}

/// Everything in `assets/`, parsed. Keys of the sets and maps are lowercase.
#[derive(Debug, Default)]
pub struct Assets {
    pub given_names: HashSet<String>,
    pub surnames: HashSet<String>,
    pub places: Gazetteer,
    pub regions: HashMap<String, String>,
    pub common_words: HashSet<String>,
    pub stopwords: HashSet<String>,
    /// Title (lowercase, may be several words or hyphenated) to its class.
    pub titles: HashMap<String, String>,
    pub org_cues: HashMap<String, OrgCue>,
    /// Lower-case nouns that say an organisation's name follows ("the carmaker X"): the
    /// `descriptor` rows of `org_cues.tsv`, which are no part of names.
    pub org_descriptors: HashSet<String>,
    pub nationalities: HashMap<String, String>,
    pub triggers: Vec<Trigger>,
    /// Cue (lowercase word or phrase) to modality: negated, planned, hypothetical; or
    /// `ended`, an ending cue ("settled"), or `asserted` for a phrase that only looks like one.
    pub modality: Vec<(String, String)>,
    pub tone_modifiers: HashMap<String, f32>,
    /// Evaluative words (lowercase) and whether they are positive: what a statement's words
    /// say of their subject ("misleading", "outstanding").
    pub evaluative: HashMap<String, bool>,
    /// Words that end a place name ("Valley", "River", "Airport") to their class.
    pub place_cues: HashMap<String, String>,
    /// The most words any title has ("chancellor of the exchequer": 4), so title lookups
    /// try a bounded number of lengths.
    pub title_max_words: usize,
    /// The first word of every title, so most words are ruled out with one lookup.
    pub title_first_words: HashSet<String>,
    /// Every title's first words short of the whole title ("chief", "chief executive" of
    /// "chief executive officer"), so a title lookup stops at the first length no longer
    /// title begins with.
    pub title_prefixes: HashSet<String>,
    /// Every single word of the lists above with what it is, so the entity finder asks one
    /// question per word.
    pub lexicon: Lexicon,
}

/// Bit flags of [`Lexicon::flags`].
pub mod word {
    pub const GIVEN: u16 = 1;
    pub const SURNAME: u16 = 1 << 1;
    pub const COMMON: u16 = 1 << 2;
    pub const STOP: u16 = 1 << 3;
    pub const TITLE_FIRST: u16 = 1 << 4;
    pub const ORG_HEAD: u16 = 1 << 5;
    pub const ORG_SUFFIX: u16 = 1 << 6;
    pub const ORG_MEDIA: u16 = 1 << 7;
    pub const PLACE_CUE: u16 = 1 << 8;
    pub const NATIONALITY: u16 = 1 << 9;
    /// The last word of a multi-word organisation or place cue ("force" of "Air Force").
    pub const CUE_TAIL: u16 = 1 << 10;
    /// A lower-case noun that says an organisation's name follows: "the carmaker X".
    pub const ORG_DESCRIPTOR: u16 = 1 << 11;
}

/// Single lowercase words to their [`word`] flags.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: HashMap<String, u16>,
}

impl Lexicon {
    /// The flags of a lowercase word (0 when it is in no list). A word with accents the lists
    /// lack is looked up without them: the census spells "Ramón" as "ramon".
    pub fn flags(&self, w: &str) -> u16 {
        match self.words.get(w) {
            Some(&f) => f,
            None if !w.is_ascii() => {
                let plain: String = w.chars().map(unaccented).collect();
                if plain == w {
                    0
                } else {
                    self.words.get(&plain).copied().unwrap_or(0)
                }
            }
            None => 0,
        }
    }

    /// Whether a lowercase word has any of `flags`.
    pub fn is(&self, w: &str, flags: u16) -> bool {
        self.flags(w) & flags != 0
    }

    fn mark<'a>(&mut self, words: impl Iterator<Item = &'a String>, flag: u16) {
        for w in words {
            *self.words.entry(w.clone()).or_default() |= flag;
        }
    }
}

/// A lower-case letter without the commonest Latin accents.
pub(crate) fn unaccented(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    }
}

/// The bundled assets, parsed on first use.
pub fn bundled() -> &'static Assets {
    static ASSETS: OnceLock<Assets> = OnceLock::new();
    ASSETS.get_or_init(|| {
        Assets::parse(&Sources {
            given_names: include_str!("../assets/given_names.txt"),
            surnames: include_str!("../assets/surnames.txt"),
            places: include_str!("../assets/places.tsv"),
            regions: include_str!("../assets/regions.tsv"),
            common_words: include_str!("../assets/common_words.txt"),
            stopwords: include_str!("../assets/stopwords.txt"),
            titles: include_str!("../assets/titles.tsv"),
            org_cues: include_str!("../assets/org_cues.tsv"),
            nationalities: include_str!("../assets/nationalities.tsv"),
            triggers: include_str!("../assets/triggers.tsv"),
            modality: include_str!("../assets/modality.tsv"),
            tone_modifiers: include_str!("../assets/tone_modifiers.tsv"),
            evaluative: include_str!("../assets/evaluative.tsv"),
            place_cues: include_str!("../assets/place_cues.tsv"),
        })
    })
}

/// The text of each asset file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sources<'a> {
    pub given_names: &'a str,
    pub surnames: &'a str,
    pub places: &'a str,
    pub regions: &'a str,
    pub common_words: &'a str,
    pub stopwords: &'a str,
    pub titles: &'a str,
    pub org_cues: &'a str,
    pub nationalities: &'a str,
    pub triggers: &'a str,
    pub modality: &'a str,
    pub tone_modifiers: &'a str,
    pub evaluative: &'a str,
    pub place_cues: &'a str,
}

/// The tab-separated fields of one data line (at most [`Row::MAX`]; the rest are ignored).
struct Row<'a> {
    fields: [&'a str; Row::MAX],
    len: usize,
}

impl<'a> Row<'a> {
    const MAX: usize = 6;

    fn len(&self) -> usize {
        self.len
    }

    fn get(&self, i: usize) -> Option<&&'a str> {
        self.fields[..self.len].get(i)
    }
}

impl<'a> std::ops::Index<usize> for Row<'a> {
    type Output = &'a str;

    fn index(&self, i: usize) -> &&'a str {
        &self.fields[..self.len][i]
    }
}

/// Data lines: not blank, not a `#` comment.
fn rows(text: &str) -> impl Iterator<Item = Row<'_>> {
    split_at_byte(text, b'\n')
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut row = Row {
                fields: [""; Row::MAX],
                len: 0,
            };
            for f in split_at_byte(l, b'\t').take(Row::MAX) {
                row.fields[row.len] = f.trim();
                row.len += 1;
            }
            row
        })
}

/// `s` split at an ASCII byte, like `str::split` with that character, which calls `memcmp`
/// on every match: a call per field of the gazetteer's 40,000 rows, and a third of the
/// assets' start-up time.
fn split_at_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

fn words(text: &str) -> HashSet<String> {
    // Sized for one word a line up front (the rows cannot say how many there are), so the
    // set is not rebuilt as it grows.
    let lines = text.bytes().filter(|&b| b == b'\n').count();
    let mut set = HashSet::with_capacity_and_hasher(lines, Default::default());
    set.extend(rows(text).map(|r| lower(r[0])));
    set
}

/// Lower case, with the quick path for ASCII that most asset lines take.
fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

fn parse_places(text: &str) -> Gazetteer {
    let mut weights: HashMap<Box<str>, f32> =
        HashMap::with_capacity_and_hasher(text.len() / 24, Default::default());
    for (name, kind, population) in place_rows(text) {
        let w = place_row_weight(kind, population);
        let best = weights.entry(lower(name).into_boxed_str()).or_default();
        *best = best.max(w);
    }
    Gazetteer { weights }
}

impl Assets {
    /// Parses the asset files; the largest, the place list, beside the others.
    pub fn parse(src: &Sources<'static>) -> Assets {
        let (places, mut a) = rayon::join(|| parse_places(src.places), || Self::parse_rest(src));
        a.places = places;
        a
    }

    fn parse_rest(src: &Sources<'static>) -> Assets {
        let pairs = |text: &str| -> HashMap<String, String> {
            rows(text)
                .filter(|r| r.len() >= 2)
                .map(|r| (lower(r[0]), r[1].to_string()))
                .collect()
        };
        let org_descriptors: HashSet<String> = rows(src.org_cues)
            .filter(|r| r.get(1) == Some(&"descriptor"))
            .map(|r| lower(r[0]))
            .collect();
        let org_cues = rows(src.org_cues)
            .filter(|r| r.len() >= 2)
            .filter_map(|r| {
                let position = match r[1] {
                    "head" => CuePosition::Head,
                    "suffix" => CuePosition::Suffix,
                    "media" => CuePosition::Media,
                    _ => return None,
                };
                let class = r.get(2).unwrap_or(&"").to_string();
                Some((lower(r[0]), OrgCue { position, class }))
            })
            .collect();
        let triggers = rows(src.triggers)
            .filter(|r| r.len() >= 3)
            .filter_map(|r| {
                Some(Trigger {
                    form: lower(r[0]),
                    kind: crate::text::intern(r[1]),
                    tone: r[2].parse().ok()?,
                    lemma: lower(r.get(3).unwrap_or(&r[0])),
                })
            })
            .collect();
        let titles = pairs(src.titles);
        let title_first_words: HashSet<String> = titles
            .keys()
            .filter_map(|t| t.split_whitespace().next())
            .map(str::to_string)
            .collect();
        let title_prefixes: HashSet<String> = titles
            .keys()
            .flat_map(|t| {
                let words: Vec<&str> = t.split_whitespace().collect();
                (1..words.len()).map(move |n| words[..n].join(" "))
            })
            .collect();
        let title_max_words = titles
            .keys()
            .map(|t| t.split_whitespace().count())
            .max()
            .unwrap_or(0);
        let mut a = Assets {
            given_names: words(src.given_names),
            surnames: words(src.surnames),
            places: Gazetteer::default(),
            regions: pairs(src.regions),
            common_words: words(src.common_words),
            stopwords: words(src.stopwords),
            titles,
            title_max_words,
            title_first_words,
            title_prefixes,
            lexicon: Lexicon::default(),
            place_cues: pairs(src.place_cues),
            org_cues,
            org_descriptors,
            nationalities: pairs(src.nationalities),
            triggers,
            modality: rows(src.modality)
                .filter(|r| r.len() >= 2)
                .map(|r| (lower(r[0]), r[1].to_string()))
                .collect(),
            tone_modifiers: rows(src.tone_modifiers)
                .filter(|r| r.len() >= 2)
                .filter_map(|r| Some((lower(r[0]), r[1].parse().ok()?)))
                .collect(),
            evaluative: rows(src.evaluative)
                .filter(|r| r.len() >= 2 && matches!(r[1], "+" | "-"))
                .map(|r| (lower(r[0]), r[1] == "+"))
                .collect(),
        };
        a.lexicon = a.build_lexicon();
        a
    }

    fn build_lexicon(&self) -> Lexicon {
        let mut lex = Lexicon::default();
        lex.words.reserve(
            self.given_names.len()
                + self.surnames.len()
                + self.common_words.len()
                + self.stopwords.len(),
        );
        lex.mark(self.given_names.iter(), word::GIVEN);
        lex.mark(self.surnames.iter(), word::SURNAME);
        lex.mark(self.common_words.iter(), word::COMMON);
        lex.mark(self.stopwords.iter(), word::STOP);
        lex.mark(self.title_first_words.iter(), word::TITLE_FIRST);
        // Plurals open titles too ("CEOs", "founders").
        let plurals: Vec<String> = self
            .title_first_words
            .iter()
            .map(|w| format!("{w}s"))
            .collect();
        lex.mark(plurals.iter(), word::TITLE_FIRST);
        lex.mark(self.org_descriptors.iter(), word::ORG_DESCRIPTOR);
        for (w, cue) in &self.org_cues {
            let flag = match cue.position {
                CuePosition::Head => word::ORG_HEAD,
                CuePosition::Suffix => word::ORG_SUFFIX,
                CuePosition::Media => word::ORG_MEDIA,
            };
            lex.mark(std::iter::once(w), flag);
        }
        lex.mark(self.place_cues.keys(), word::PLACE_CUE);
        let tails: Vec<String> = self
            .org_cues
            .keys()
            .chain(self.place_cues.keys())
            .filter_map(|k| k.rsplit_once(' ').map(|(_, t)| t.to_string()))
            .collect();
        lex.mark(tails.iter(), word::CUE_TAIL);
        lex.mark(self.nationalities.keys(), word::NATIONALITY);
        lex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_name_weighs_what_its_most_telling_row_says() {
        let places = "# comment\n\
            Springfield\tcity\tUS\t150000\n\
            springfield\tcity\tUS\t2000\n\
            Georgia\tcity\tUS\t5000\n\
            Georgia\tcountry\tGE\t3700000\n\
            Big City\tcity\tXX\t1000000\n\
            Nowhere\tcity\tXX\n\
            \n\
            São Paulo \tcity\tBR\t12000000\r\n\
            Texas\tstate\tUS\t0";
        let g = parse_places(places);
        assert_eq!(g.len(), 6, "one entry per lowercase name");
        for (name, w) in [
            ("springfield", 0.9),
            ("georgia", 2.0),
            ("big city", 1.2),
            ("nowhere", 0.5),
            ("são paulo", 1.2),
            ("texas", 1.6),
            ("Texas", 0.0),
            ("atlantis", 0.0),
        ] {
            assert_eq!(g.weight(name), w, "{name}");
        }
    }

    #[test]
    fn split_at_byte_splits_like_str_split() {
        for s in [
            "",
            "a",
            "\t",
            "a\tb",
            "\ta\t\tb\t",
            "é\tü\t\t",
            "no tabs at all",
        ] {
            let ours: Vec<&str> = split_at_byte(s, b'\t').collect();
            let std: Vec<&str> = s.split('\t').collect();
            assert_eq!(ours, std, "{s:?}");
        }
    }

    #[test]
    fn the_bundled_gazetteer_knows_countries_and_big_cities() {
        let a = bundled();
        // GeoNames lists every country; a country outweighs any city of the same name.
        assert_eq!(a.places.weight("france"), 2.0);
        assert!(a.places.len() > 30_000);
        assert!(cities_over(500_000).len() > 100);
        assert!(
            cities_over(500_000)
                .iter()
                .all(|c| a.places.weight(c) >= 0.9)
        );
    }
}
