//! A synthetic news corpus for benchmarks and scale tests: N distinct articles of about 2 KB,
//! each with a dateline, a byline, people (given names and surnames from the assets), places,
//! organisations built from organisation cue words, and sentences that report meetings,
//! praise, criticism, donations and the like between them, dated relative to the article,
//! mixed about half and half with background sentences, no sentence twice in an article.
//! Its density is the bundled seeds' (per KB: 16 mentions against 17, 2.5 time expressions
//! against 2.0, 4.3 events against 4.3), so that figures measured on it say something about
//! real news. Deterministic for a given seed (a small xorshift generator; no wall clock, no
//! `rand`).

use std::fmt::Write as _;

use crate::assets::Assets;

/// A tiny deterministic PRNG.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Title-cases a lowercase asset key ("mary" → "Mary").
fn title(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// The word lists a corpus is drawn from.
#[derive(Debug)]
pub struct Vocabulary {
    given: Vec<String>,
    surnames: Vec<String>,
    places: Vec<String>,
    orgs: Vec<String>,
}

impl Vocabulary {
    pub fn from_assets(assets: &Assets) -> Vocabulary {
        let sorted = |set: &foldhash::HashSet<String>| {
            let mut v: Vec<String> = set
                .iter()
                .filter(|w| w.len() > 2)
                .map(|w| title(w))
                .collect();
            v.sort();
            v
        };
        let mut places: Vec<String> = crate::assets::cities_over(500_000)
            .iter()
            .map(|name| name.split(' ').map(title).collect::<Vec<_>>().join(" "))
            .collect();
        places.sort();
        places.dedup();
        let surnames = sorted(&assets.surnames);
        let mut heads: Vec<String> = assets
            .org_cues
            .iter()
            .filter(|(w, c)| {
                c.position == crate::assets::CuePosition::Head && w.len() > 3 && !w.contains(' ')
            })
            .map(|(w, _)| title(w))
            .collect();
        heads.sort();
        let mut orgs = Vec::new();
        for (i, h) in heads.iter().enumerate().take(60) {
            orgs.push(format!("{} {h}", surnames[(i * 37) % surnames.len()]));
        }
        Vocabulary {
            given: sorted(&assets.given_names),
            surnames,
            places,
            orgs,
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Background sentences: the context, numbers and reaction around the news, with no person
/// in them and seldom a date. About half of a real article's sentences are like this (the
/// bundled seeds have 17 mentions and 2 time expressions per KB); a corpus of nothing but
/// event sentences would be twice as dense in names and four times in dates.
fn background(rng: &mut Rng, org: &str, place: &str) -> String {
    const WHO: [&str; 12] = [
        "Officials",
        "Critics",
        "Supporters",
        "Lawmakers",
        "Investors",
        "Regulators",
        "Residents",
        "Economists",
        "Industry groups",
        "Analysts",
        "Union leaders",
        "Local business owners",
    ];
    const SAY: [&str; 6] = [
        "have warned that",
        "have argued that",
        "said privately that",
        "noted that",
        "expect that",
        "have questioned whether",
    ];
    const GROUPS: [&str; 8] = [
        "small businesses",
        "consumers",
        "local governments",
        "farmers",
        "hospitals",
        "schools",
        "employers",
        "renters",
    ];
    const GOODS: [&str; 8] = [
        "electric vehicles",
        "cloud services",
        "housing",
        "steel",
        "advertising",
        "semiconductors",
        "insurance",
        "shipping",
    ];
    let group = *rng.pick(&GROUPS);
    let goods = *rng.pick(&GOODS);
    let clause = match rng.below(6) {
        0 => format!("the plan would raise costs for {group}"),
        1 => "the measure could take months to take effect".to_string(),
        2 => format!("demand for {goods} had slowed more than expected"),
        3 => "the dispute was unlikely to be resolved soon".to_string(),
        4 => format!("spending on {goods} would keep rising"),
        _ => format!("the rules were too vague to protect {group}"),
    };
    match rng.below(9) {
        0..=2 => format!("{} {} {clause}.", rng.pick(&WHO), rng.pick(&SAY)),
        3 => format!(
            "Shares of the company fell {} percent in afternoon trading, while the wider market was little changed.",
            1 + rng.below(12)
        ),
        4 => "Representatives did not immediately respond to requests for comment.".to_string(),
        5 => format!(
            "The {} has struggled for years with rising costs and a shortage of workers in {}.",
            ["region", "city", "sector", "industry"][rng.below(4)],
            place
        ),
        6 => format!(
            "About {},{:03} people work for {org}, which did not say how many jobs would be affected.",
            1 + rng.below(40),
            rng.below(1000)
        ),
        7 => format!(
            "The figures, which could not be independently verified, suggest that {group} bear most of the cost of {goods}."
        ),
        _ => format!(
            "Whether the {} will hold is far from clear, and much depends on how {group} respond.",
            ["agreement", "truce", "plan", "arrangement"][rng.below(4)]
        ),
    }
}

/// One article's text: dateline, byline, headline-free body of about 2 KB: a lead that
/// reports a meeting, then paragraphs that mix event sentences (meetings, praise, criticism,
/// donations, threats, investigations between its cast) with background sentences.
pub fn article(vocab: &Vocabulary, rng: &mut Rng, index: usize) -> String {
    let year = 2015 + rng.below(10) as i32;
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let person =
        |rng: &mut Rng| format!("{} {}", rng.pick(&vocab.given), rng.pick(&vocab.surnames));
    let cast: Vec<String> = (0..4).map(|_| person(rng)).collect();
    let org = rng.pick(&vocab.orgs).clone();
    let place = rng.pick(&vocab.places).clone();
    let mut s = String::with_capacity(2400);
    let _ = writeln!(
        s,
        "{} {day}, {year} 10:{:02} AM EST",
        &MONTHS[month - 1][..3],
        rng.below(60)
    );
    let _ = writeln!(s, "By {}", person(rng));
    let surname = |p: &str| p.rsplit(' ').next().unwrap_or(p).to_string();
    let templates: [&dyn Fn(&mut Rng) -> String; 8] = [
        &|r| {
            format!(
                "{} met {} in {} on {} {}, {}.",
                cast[0],
                cast[1],
                place,
                MONTHS[r.below(12)],
                1 + r.below(28),
                year - r.below(3) as i32
            )
        },
        &|r| {
            format!(
                "{} harshly criticized {} over the {} deal{}.",
                surname(&cast[1]),
                cast[2],
                org.split(' ').next().unwrap_or(""),
                [" last week", "", ", calling it a giveaway"][r.below(3)]
            )
        },
        &|r| {
            let when = if r.below(3) == 0 {
                format!("In {}, ", MONTHS[r.below(12)])
            } else {
                String::new()
            };
            format!(
                "{when}{} praised {} for {} work at {}.",
                cast[2],
                surname(&cast[0]),
                ["steady", "tireless", "careful"][r.below(3)],
                org
            )
        },
        &|r| {
            format!(
                "{} donated ${} million to the campaign of {}, according to filings.",
                cast[3],
                1 + r.below(90),
                cast[0]
            )
        },
        &|r| {
            format!(
                "\"We will not back down,\" {} said{}, a day after {} threatened to sue {}.",
                surname(&cast[1]),
                [" on Monday", " on Thursday", "", " in an interview"][r.below(4)],
                surname(&cast[2]),
                org
            )
        },
        &|_| {
            format!(
                "{} CEO {} is set to meet with {} next month in {}.",
                org, cast[3], cast[1], place
            )
        },
        &|r| {
            format!(
                "The {} has opened an investigation into {} after reports {}.",
                org,
                cast[0],
                ["in the press", "of missing funds"][r.below(2)]
            )
        },
        &|_| {
            format!(
                "Analysts said the rivalry between {} and {} would shape the year ahead.",
                surname(&cast[0]),
                surname(&cast[3])
            )
        },
    ];
    let _ = writeln!(s, "{}", templates[0](rng));
    let mut len = s.len();
    let mut k = index;
    let mut seen = std::collections::HashSet::new();
    while len < 2000 {
        // A paragraph of two or three sentences: about half of them background.
        let mut para = String::new();
        for _ in 0..2 + rng.below(2) {
            // No sentence twice in an article: a few tries for a new one.
            let Some(sentence) = (0..8)
                .map(|_| {
                    if rng.below(2) == 0 {
                        templates[(k + 1 + rng.below(7)) % templates.len()](rng)
                    } else {
                        background(rng, &org, &place)
                    }
                })
                .find(|t| seen.insert(t.clone()))
            else {
                continue;
            };
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(&sentence);
            k += 1;
        }
        len += para.len() + 1;
        let _ = writeln!(s, "{para}");
    }
    s
}

/// `n` articles as (file name, text).
pub fn corpus(assets: &Assets, n: usize, seed: u64) -> Vec<(String, String)> {
    let vocab = Vocabulary::from_assets(assets);
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| (format!("{i:06}.txt"), article(&vocab, &mut rng, i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_distinct_deterministic_and_about_two_kilobytes() {
        let a = corpus(crate::assets::bundled(), 50, 7);
        let b = corpus(crate::assets::bundled(), 50, 7);
        assert_eq!(a, b);
        let mut texts: Vec<&String> = a.iter().map(|(_, t)| t).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), 50);
        for (_, t) in &a {
            assert!((1800..3500).contains(&t.len()), "{}", t.len());
        }
    }
}
