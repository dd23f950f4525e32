//! A synthetic news corpus for benchmarks and scale tests: N distinct articles of about 2 KB,
//! each with a dateline, a byline, people (given names and surnames from the assets), places,
//! organisations built from organisation cue words, and sentences that report meetings,
//! praise, criticism, donations and the like between them, dated relative to the article.
//! Deterministic for a given seed (a small xorshift generator; no wall clock, no `rand`).

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
        let mut places: Vec<String> = assets
            .places
            .iter()
            .filter(|(_, ps)| {
                ps.iter()
                    .any(|p| p.kind == "city" && p.population > 500_000)
            })
            .map(|(name, _)| name.split(' ').map(title).collect::<Vec<_>>().join(" "))
            .collect();
        places.sort();
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

/// One article's text: dateline, byline, headline-free body of about 2 KB.
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
        &|_| {
            format!(
                "{} harshly criticized {} over the {} deal last week.",
                surname(&cast[1]),
                cast[2],
                org.split(' ').next().unwrap_or("")
            )
        },
        &|r| {
            format!(
                "In {}, {} praised {} for {} work at {}.",
                MONTHS[r.below(12)],
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
                "\"We will not back down,\" {} said on {}, a day after {} threatened to sue {}.",
                surname(&cast[1]),
                ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][r.below(5)],
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
                "The {} has opened an investigation into {} after reports in {}.",
                org,
                cast[0],
                year - r.below(2) as i32
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
    while len < 2000 {
        let first = templates[(k + rng.below(7)) % templates.len()];
        let second = templates[(k + 1 + rng.below(6)) % templates.len()];
        let para = format!("{} {}", first(rng), second(rng));
        len += para.len() + 1;
        let _ = writeln!(s, "{para}");
        k += 1;
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
