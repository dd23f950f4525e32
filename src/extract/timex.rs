//! Time expressions: finding them in English news text and normalising them to dated spans.
//!
//! Finding and resolving are two stages, like a permissive raw parse and a validated one. The
//! scan ([`scan`]) reads one sentence at a time and turns each expression into a symbolic
//! [`Expr`] ("July 14" is a month and a day with no year, "last week" is one week back from
//! the anchor) together with the tense of the clause around it. Resolution ([`resolve`]) then
//! dates each one against the publication date, the way a careful reader does: a past reading
//! for reported events ("In August" in a November article is the August before), a future
//! reading where the clause says so ("is set to stream ... on January 20"), and chaining to the
//! date just mentioned ("on July 14, with departure logged the following day"). The split lets
//! the model re-resolve an article once its publication date has been inferred, without
//! scanning twice, and lets publication-date inference read expressions no date has anchored.
//!
//! Nothing reads the wall clock. An expression that needs an anchor it does not have (no
//! publication date, or no date just mentioned to chain to) is not resolved and is left out
//! of the article's timexes; [`scan`] still reports it. "now", "recently" and "currently" are
//! not timexes here: their TimeML values (`PRESENT_REF`, `PAST_REF`) are not dates.
//!
//! The scan is cheap by construction, since most sentences of news hold no date. Every time
//! expression holds an anchor: date-like digits, or one of about seventy words (month and
//! weekday names, "day", "year", "tonight", "summer"...). One pass over a sentence's bytes,
//! looking words up in a bit table by their first two letters, last letter and length, rules
//! out the sentences without one before anything is tokenised. In the rest, only numbers,
//! apostrophes and the hundred-odd words that can start an expression (a hashed bit table
//! again) are looked at more closely; every rule looks a bounded number of tokens around it,
//! and the tense is read outward from each expression, so the whole is linear. On the seeds,
//! repeated to 20 MB, the scan runs at about 200 MB/s on one core (release build).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::text::Span;
use crate::time::{CALENDAR_WORDS, DateValue, Precision, Season, WEEKDAYS, add_months};

use super::{Anchor, Timex};

/// The time of the clause an expression stands in: the cue for a past or future reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// Present tense or no cue at all.
    Unknown,
}

/// A calendar unit of a relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
}

/// "last", "this" or "next" before a month, weekday, season or quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    None,
    Last,
    This,
    Next,
}

/// A time expression as written, before it is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// Needs no anchor: "Dec 20, 2024", "In 2017", "August 2024", "the 1990s".
    Absolute(DateValue),
    /// A day without a year: "July 14", "the 6th of January", "Christmas".
    MonthDay { month: u32, day: u32 },
    /// A month without a year: "In August", "last March".
    Month { month: u32, shift: Shift },
    /// A month of the year `years` from the publication year: "March last year" (-1), "in
    /// June of next year" (1), "May this year" (0).
    MonthOfYear { month: u32, years: i32 },
    /// "on Wednesday", "last Friday", "Thursday night".
    Weekday { day: Weekday, shift: Shift },
    /// "this summer", "in the fall".
    Season { season: Season, shift: Shift },
    /// "the third quarter"; the shift says which year ("of last year").
    Quarter { quarter: u32, shift: Shift },
    /// "the weekend", "over the weekend": the nearest one the tense allows.
    Weekend,
    /// `n` units from the publication date: "last week" (Week, -1), "today" (Day, 0),
    /// "two years ago" (Year, -2).
    Relative { unit: Unit, n: i32 },
    /// `n` units from the date just mentioned: "the following day" (Day, 1), "that year"
    /// (Year, 0). `exact` for counted phrases ("a week later" is a day when the anchor is one).
    Chained { unit: Unit, n: i32, exact: bool },
    /// "the following Monday": the first such weekday after the date just mentioned.
    ChainedWeekday { day: Weekday },
    /// A vague stretch before or after the publication date: "in recent weeks",
    /// "in the coming months".
    Vague { unit: Unit, future: bool },
}

/// One expression found by [`scan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raw {
    pub span: Span,
    pub expr: Expr,
    pub tense: Tense,
    pub sentence: usize,
}

/// Finds and resolves the time expressions of one article against its publication date.
pub fn find(body: &str, sentences: &[Span], published: Option<NaiveDate>) -> Vec<Timex> {
    resolve(&scan(body, sentences), published.map(|p| (p, p)))
}

/// Every time expression of the body, in text order, unresolved.
pub fn scan(body: &str, sentences: &[Span]) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut toks = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let text = sentence.of(body);
        if text.is_empty() {
            continue;
        }
        // Most sentences hold no date: one cheap pass over the bytes rules them out before
        // anything is tokenised.
        if !worth_scanning(text.as_bytes()) {
            continue;
        }
        tokenize(text, &mut toks);
        let s = Sent { text, toks: &toks };
        let mut i = 0;
        while i < toks.len() {
            match match_at(&s, i) {
                Some(hit) => {
                    out.push(Raw {
                        span: Span::new(
                            sentence.start() + toks[hit.first].start,
                            sentence.start() + toks[hit.end - 1].end,
                        ),
                        expr: hit.expr,
                        tense: tense_near(&s, hit.first, hit.end),
                        sentence: si,
                    });
                    i = hit.end;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Dates the expressions of one article. `published` is the span of days the publication date
/// is known to lie in (one day when it is given; a range when it was inferred): an expression
/// that needs it is resolved only when every day of the span gives it the same value, so an
/// uncertain publication date never makes up a precise one. Vague ranges are widened to cover
/// the span instead.
pub fn resolve(raws: &[Raw], published: Option<(NaiveDate, NaiveDate)>) -> Vec<Timex> {
    let mut out: Vec<Timex> = Vec::with_capacity(raws.len());
    for raw in raws {
        let resolved = match raw.expr {
            Expr::Absolute(v) => Some((v, Anchor::Absolute)),
            Expr::Chained { .. } | Expr::ChainedWeekday { .. } => {
                chain_anchor(&out, raw).and_then(|(i, a)| {
                    let v = resolve_chained(raw.expr, a)?;
                    Some((v, Anchor::Timex(i)))
                })
            }
            Expr::Vague { .. } => published.and_then(|(first, last)| {
                let a = resolve_on(raw.expr, raw.tense, first)?;
                let b = resolve_on(raw.expr, raw.tense, last)?;
                Some((DateValue::range(a.start, b.end), Anchor::Published))
            }),
            _ => published.and_then(|(first, last)| {
                let a = resolve_on(raw.expr, raw.tense, first)?;
                (first == last || resolve_on(raw.expr, raw.tense, last) == Some(a))
                    .then_some((a, Anchor::Published))
            }),
        };
        if let Some((value, anchor)) = resolved {
            out.push(Timex {
                span: raw.span,
                value,
                vague: matches!(raw.expr, Expr::Vague { .. }),
                anchor,
                sentence: raw.sentence,
            });
        }
    }
    out
}

/// The date a chained expression counts from: the latest date mentioned in the same sentence
/// or the three before it that is fine enough for the unit ("the following day" needs a day).
fn chain_anchor<'t>(out: &'t [Timex], raw: &Raw) -> Option<(usize, &'t DateValue)> {
    let need = match raw.expr {
        Expr::Chained {
            unit: Unit::Day, ..
        }
        | Expr::ChainedWeekday { .. } => Precision::Day,
        Expr::Chained {
            unit: Unit::Week | Unit::Weekend,
            ..
        } => Precision::Week,
        Expr::Chained {
            unit: Unit::Month, ..
        } => Precision::Month,
        Expr::Chained {
            unit: Unit::Quarter,
            ..
        } => Precision::Quarter,
        _ => Precision::Year,
    };
    out.iter()
        .enumerate()
        .rev()
        .take_while(|(_, t)| t.sentence + 3 >= raw.sentence)
        .find(|(_, t)| !t.vague && t.value.precision <= need && t.span.end() <= raw.span.start())
        .map(|(i, t)| (i, &t.value))
}

fn resolve_chained(expr: Expr, a: &DateValue) -> Option<DateValue> {
    let d = a.start;
    match expr {
        Expr::ChainedWeekday { day } => {
            let ahead = (7 + day.num_days_from_monday() as i64
                - d.weekday().num_days_from_monday() as i64)
                % 7;
            let ahead = if ahead == 0 { 7 } else { ahead };
            Some(DateValue::day(d + Duration::days(ahead)))
        }
        Expr::Chained { unit, n, exact } => match unit {
            Unit::Day => Some(DateValue::day(d + Duration::days(n as i64))),
            Unit::Week if exact && a.precision == Precision::Day => {
                Some(DateValue::day(d + Duration::days(7 * n as i64)))
            }
            Unit::Week => Some(DateValue::week_of(d + Duration::days(7 * n as i64))),
            Unit::Weekend => Some(DateValue::weekend_of(d + Duration::days(7 * n as i64))),
            Unit::Month => {
                let m = add_months(d, n)?;
                DateValue::month(m.year(), m.month())
            }
            Unit::Quarter => {
                let m = add_months(d, 3 * n)?;
                DateValue::quarter(m.year(), m.month0() / 3 + 1)
            }
            // "a year earlier" after a quarter or a month is that quarter or month.
            Unit::Year if exact && matches!(a.precision, Precision::Quarter | Precision::Month) => {
                let m = add_months(d, 12 * n)?;
                match a.precision {
                    Precision::Quarter => DateValue::quarter(m.year(), m.month0() / 3 + 1),
                    _ => DateValue::month(m.year(), m.month()),
                }
            }
            Unit::Year => DateValue::year(d.year() + n),
            Unit::Decade => DateValue::decade(d.year() + 10 * n),
        },
        _ => None,
    }
}

/// Dates an expression that counts from the publication day `p`.
fn resolve_on(expr: Expr, tense: Tense, p: NaiveDate) -> Option<DateValue> {
    match expr {
        Expr::Absolute(v) => Some(v),
        Expr::MonthDay { month, day } => {
            // Candidate years around p; Feb 29 only exists in leap years, so look further.
            let cands =
                (-4..=4).filter_map(|dy| NaiveDate::from_ymd_opt(p.year() + dy, month, day));
            pick(cands, p, tense, |d| d).map(DateValue::day)
        }
        Expr::MonthOfYear { month, years } => DateValue::month(p.year() + years, month),
        Expr::Month { month, shift } => {
            let cands = (-1..=1).filter_map(|dy| NaiveDate::from_ymd_opt(p.year() + dy, month, 1));
            let this_month = NaiveDate::from_ymd_opt(p.year(), p.month(), 1)?;
            let d = match shift {
                Shift::Last => cands.filter(|d| *d < this_month).max()?,
                Shift::Next => cands.filter(|d| *d > this_month).min()?,
                Shift::This => NaiveDate::from_ymd_opt(p.year(), month, 1)?,
                Shift::None => pick(cands, this_month, tense, |d| d)?,
            };
            DateValue::month(d.year(), d.month())
        }
        Expr::Weekday { day, shift } => {
            let back = (7 + p.weekday().num_days_from_monday() as i64
                - day.num_days_from_monday() as i64)
                % 7;
            let prev = p - Duration::days(back);
            let next = if back == 0 {
                p
            } else {
                prev + Duration::days(7)
            };
            let d = match (shift, tense) {
                (Shift::Last, _) if back == 0 => p - Duration::days(7),
                (Shift::Last, _) => prev,
                (Shift::Next, _) if back == 0 => p + Duration::days(7),
                (Shift::Next, _) => next,
                (_, Tense::Past) => prev,
                (_, Tense::Future) => next,
                (Shift::This, Tense::Unknown) => next,
                // No cue: the nearer one, the past on a tie.
                (_, Tense::Unknown) if back <= 3 => prev,
                (_, Tense::Unknown) => next,
            };
            Some(DateValue::day(d))
        }
        Expr::Season { season, shift } => {
            let (py, ps) = Season::of(p);
            let here = DateValue::season(py, ps)?;
            let cands: Vec<DateValue> = (-2..=2)
                .filter_map(|dy| DateValue::season(p.year() + dy, season))
                .collect();
            match shift {
                Shift::Last => cands.into_iter().filter(|v| v.end < p).max(),
                Shift::Next => cands.into_iter().filter(|v| v.start > p).min(),
                Shift::This if ps == season => Some(here),
                Shift::This => DateValue::season(p.year(), season),
                Shift::None if ps == season => Some(here),
                Shift::None => pick(cands.into_iter(), p, tense, |v| v.start),
            }
        }
        Expr::Quarter { quarter, shift } => {
            let y = match shift {
                Shift::Last => p.year() - 1,
                Shift::Next => p.year() + 1,
                Shift::This => p.year(),
                Shift::None => {
                    let cands =
                        (-1..=1).filter_map(|dy| DateValue::quarter(p.year() + dy, quarter));
                    let here = DateValue::quarter(p.year(), p.month0() / 3 + 1)?;
                    return pick(cands, here.start, tense, |v| v.start);
                }
            };
            DateValue::quarter(y, quarter)
        }
        Expr::Weekend => {
            let this = DateValue::weekend_of(p);
            match tense {
                Tense::Future => Some(this),
                _ if this.start <= p => Some(this),
                _ => Some(DateValue::weekend_of(p - Duration::days(7))),
            }
        }
        Expr::Relative { unit, n } => shift_unit(p, unit, n),
        Expr::Vague { unit, future } => {
            let (back, fwd) = match unit {
                Unit::Day => (Duration::days(7), Duration::days(7)),
                Unit::Week | Unit::Weekend => (Duration::days(28), Duration::days(28)),
                Unit::Month | Unit::Quarter => {
                    let b = add_months(p, -3)?;
                    let f = add_months(p, 3)?;
                    (p - b, f - p)
                }
                Unit::Year | Unit::Decade => {
                    let b = add_months(p, -36)?;
                    let f = add_months(p, 36)?;
                    (p - b, f - p)
                }
            };
            Some(if future {
                DateValue::range(p, p + fwd)
            } else {
                DateValue::range(p - back, p)
            })
        }
        Expr::Chained { .. } | Expr::ChainedWeekday { .. } => None,
    }
}

/// `p` moved by `n` units, at the unit's precision.
fn shift_unit(p: NaiveDate, unit: Unit, n: i32) -> Option<DateValue> {
    match unit {
        Unit::Day => Some(DateValue::day(p + Duration::days(n as i64))),
        Unit::Week => Some(DateValue::week_of(p + Duration::days(7 * n as i64))),
        Unit::Weekend => Some(DateValue::weekend_of(p + Duration::days(7 * n as i64))),
        Unit::Month => {
            let m = add_months(p, n)?;
            DateValue::month(m.year(), m.month())
        }
        Unit::Quarter => {
            let m = add_months(p, 3 * n)?;
            DateValue::quarter(m.year(), m.month0() / 3 + 1)
        }
        Unit::Year => DateValue::year(p.year() + n),
        Unit::Decade => DateValue::decade(p.year() + 10 * n),
    }
}

/// Chooses among the occurrences of a yearless date the one the tense points to: the latest
/// at or before `p` for the past, the earliest at or after it for the future, and with no cue
/// the nearest one (the past on a tie: news mostly reports what has happened).
fn pick<T: Copy>(
    cands: impl Iterator<Item = T>,
    p: NaiveDate,
    tense: Tense,
    key: impl Fn(T) -> NaiveDate,
) -> Option<T> {
    let mut before: Option<T> = None;
    let mut after: Option<T> = None;
    for c in cands {
        let d = key(c);
        if d <= p && before.is_none_or(|b| key(b) < d) {
            before = Some(c);
        }
        if d >= p && after.is_none_or(|a| key(a) > d) {
            after = Some(c);
        }
    }
    match tense {
        Tense::Past => before,
        Tense::Future => after,
        Tense::Unknown => match (before, after) {
            (Some(b), Some(a)) => {
                if (key(a) - p) < (p - key(b)) {
                    Some(a)
                } else {
                    Some(b)
                }
            }
            (b, a) => b.or(a),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: K,
}

/// Splits a sentence into runs of letters, runs of ASCII digits, and single other characters
/// (whitespace dropped). "20th" is a number and a word with no gap; "2024's" is a number, an
/// apostrophe and "s".
fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let n = b.len();
    // A non-ASCII char at `i`: its length, and whether it is a letter or a space. Curly
    // quotes and dashes (the General Punctuation block) are neither, without a table lookup.
    let wide = |i: usize| -> (usize, bool, bool) {
        let ch = text[i..].chars().next().unwrap_or(' ');
        let letter = !('\u{2000}'..='\u{206f}').contains(&ch) && ch.is_alphabetic();
        (ch.len_utf8(), letter, !letter && ch.is_whitespace())
    };
    let mut i = 0;
    while i < n {
        let c = b[i];
        let start = i;
        if c.is_ascii_digit() {
            i += 1;
            while i < n && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Tok {
                start,
                end: i,
                kind: K::Num,
            });
            continue;
        }
        let letter = if c.is_ascii_alphabetic() {
            i += 1;
            true
        } else if c < 0x80 {
            i += 1;
            if !c.is_ascii_whitespace() {
                out.push(Tok {
                    start,
                    end: i,
                    kind: K::Punct,
                });
            }
            false
        } else {
            let (len, letter, space) = wide(i);
            i += len;
            if !letter && !space {
                out.push(Tok {
                    start,
                    end: i,
                    kind: K::Punct,
                });
            }
            letter
        };
        if letter {
            while i < n {
                if b[i].is_ascii_alphabetic() {
                    i += 1;
                } else if b[i] >= 0x80 && wide(i).1 {
                    i += wide(i).0;
                } else {
                    break;
                }
            }
            out.push(Tok {
                start,
                end: i,
                kind: K::Word,
            });
        }
    }
}

/// Words besides [`CALENDAR_WORDS`] one of which every time expression without date-like
/// digits contains.
const ANCHOR_WORDS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "quarter",
    "year",
    "years",
    "decade",
    "decades",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "christmas",
    "halloween",
];

/// Whether a sentence can hold a time expression: it has an anchor word, four digits in a
/// row, digits next to a slash or hyphen (2024-12-20, 12/20), or digits after an apostrophe
/// or a Q ('90s, Q3). One pass over the bytes, no allocation, no hashing: a word is looked up
/// by its first two letters, last letter and length.
fn worth_scanning(b: &[u8]) -> bool {
    let anchors = anchor_keys();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let start = i;
            i += 1;
            while i < n && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let len = i - start;
            if (3..=10).contains(&len) && anchors.contains(AnchorKeys::key(&b[start..i])) {
                return true;
            }
        } else if c.is_ascii_digit() {
            let start = i;
            i += 1;
            while i < n && b[i].is_ascii_digit() {
                i += 1;
            }
            let before = start.checked_sub(1).map(|j| b[j]);
            let after = b.get(i).copied();
            if i - start == 4
                || matches!(after, Some(b'/' | b'-'))
                || matches!(before, Some(b'/' | b'-' | b'\'' | 0x99 | b'Q' | b'q'))
            {
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

/// The anchor words as a bit table keyed by first two letters, last letter and length: exact
/// enough that few other words share a key ("match" shares "march"'s, and is then tokenised
/// for nothing).
#[derive(Debug)]
struct AnchorKeys(Vec<u64>);

impl AnchorKeys {
    /// For ASCII words of 3 to 10 letters: 5 bits for each letter kept, 3 for the length.
    fn key(w: &[u8]) -> usize {
        let l = |c: u8| (c & 31) as usize;
        (l(w[0]) << 13) | (l(w[1]) << 8) | (l(w[w.len() - 1]) << 3) | ((w.len() - 3) & 7)
    }

    fn contains(&self, k: usize) -> bool {
        self.0[k >> 6] & (1 << (k & 63)) != 0
    }
}

fn anchor_keys() -> &'static AnchorKeys {
    static BITS: std::sync::OnceLock<AnchorKeys> = std::sync::OnceLock::new();
    BITS.get_or_init(|| {
        let mut bits = vec![0u64; (1 << 18) / 64];
        for w in CALENDAR_WORDS.iter().chain(ANCHOR_WORDS) {
            let k = AnchorKeys::key(w.as_bytes());
            bits[k >> 6] |= 1 << (k & 63);
        }
        AnchorKeys(bits)
    })
}

/// Every lowercase word besides [`CALENDAR_WORDS`] that can start a time expression;
/// [`match_at`] looks at no other word.
const START_WORDS: &[&str] = &[
    // Quarters ("Q3").
    "q",
    // Holidays.
    "christmas",
    "halloween",
    "new",
    "valentine",
    // Trigger words.
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "last",
    "this",
    "next",
    "past",
    "coming",
    "earlier",
    "later",
    "early",
    "late",
    "mid",
    "following",
    "previous",
    "prior",
    "that",
    "same",
    "day",
    "night",
    "recent",
    "days",
    "weeks",
    "months",
    "years",
    "weekend",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "final",
    "end",
    "beginning",
    "start",
    "middle",
    // Counts.
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
];

/// A set of words (any case) as a bit table over a hash, built once: a test of a few
/// instructions that rejects almost every word not in the set (false positives are only
/// looked at more closely).
#[derive(Debug)]
struct WordBits(Vec<u64>);

impl WordBits {
    const BITS: u32 = 1 << 15;

    fn hash(w: &[u8]) -> u32 {
        w.iter().fold(0x811c9dc5, |h, &c| {
            (h ^ c.to_ascii_lowercase() as u32).wrapping_mul(0x01000193)
        })
    }

    fn build<'a>(words: impl IntoIterator<Item = &'a &'a str>) -> WordBits {
        let mut bits = vec![0u64; (Self::BITS / 64) as usize];
        for w in words {
            let h = Self::hash(w.as_bytes()) % Self::BITS;
            bits[(h / 64) as usize] |= 1 << (h % 64);
        }
        WordBits(bits)
    }

    fn contains(&self, w: &[u8]) -> bool {
        let h = Self::hash(w) % Self::BITS;
        self.0[(h / 64) as usize] & (1 << (h % 64)) != 0
    }
}

fn start_words() -> &'static WordBits {
    static BITS: std::sync::OnceLock<WordBits> = std::sync::OnceLock::new();
    BITS.get_or_init(|| WordBits::build(CALENDAR_WORDS.iter().chain(START_WORDS)))
}

struct Sent<'a> {
    text: &'a str,
    toks: &'a [Tok],
}

impl<'a> Sent<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == K::Word).then(|| &self.text[t.start..t.end])
    }

    /// Whether token `i` is the word `w` (any case).
    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|x| ws.iter().any(|w| x.eq_ignore_ascii_case(w)))
    }

    /// A number of at most four digits, with its digit count.
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        let s = &self.text[t.start..t.end];
        if t.kind != K::Num || s.len() > 4 {
            return None;
        }
        s.parse().ok().map(|n| (n, s.len()))
    }

    fn punct(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i)?;
        (t.kind == K::Punct)
            .then(|| self.text[t.start..].chars().next())
            .flatten()
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    fn touch(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn capitalised(&self, i: usize) -> bool {
        self.word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Nothing more of the clause follows token `i`: the end, or punctuation.
    fn clause_ends_after(&self, i: usize) -> bool {
        i + 1 >= self.toks.len() || self.toks[i + 1].kind == K::Punct
    }

    /// An apostrophe-s after token `i` ("2024's", "Monday's").
    fn possessive_after(&self, i: usize) -> bool {
        matches!(self.punct(i + 1), Some('\'' | '’')) && self.touch(i) && self.is(i + 2, "s")
    }
}

fn is_apostrophe(c: Option<char>) -> bool {
    matches!(c, Some('\'' | '’'))
}

// ---------------------------------------------------------------------------------------------
// Word lists: general English, lowercase.

/// Full month names are taken on their own where they cannot be another word; "March",
/// "May", "June", "April" and "August" need a date context (a day, a year, a preposition).
fn month_word(w: &str) -> Option<(u32, bool)> {
    if w.len() < 3 || w.len() > 9 {
        return None;
    }
    for (i, name) in CALENDAR_WORDS[..12].iter().enumerate() {
        if w.eq_ignore_ascii_case(name) {
            return Some((i as u32 + 1, false));
        }
        if w.len() == 3 && name[..3].eq_ignore_ascii_case(w) {
            return Some((i as u32 + 1, true));
        }
    }
    w.eq_ignore_ascii_case("sept").then_some((9, true))
}

/// Months whose name is rarely anything else when capitalised mid-sentence.
fn unambiguous_month(m: u32) -> bool {
    matches!(m, 1 | 2 | 7 | 9 | 10 | 11 | 12)
}

fn weekday_word(w: &str) -> Option<Weekday> {
    if w.len() < 6 {
        return None;
    }
    WEEKDAYS
        .iter()
        .find(|(n, _)| w.eq_ignore_ascii_case(n))
        .map(|&(_, d)| d)
}

fn unit_word(w: &str) -> Option<Unit> {
    let l = w.len();
    if !(3..=8).contains(&l) {
        return None;
    }
    let b = w.as_bytes();
    let stem = if b[l - 1].eq_ignore_ascii_case(&b's') {
        &w[..l - 1]
    } else {
        w
    };
    let is = |x: &str| stem.eq_ignore_ascii_case(x);
    if is("day") {
        Some(Unit::Day)
    } else if is("week") {
        Some(Unit::Week)
    } else if is("weekend") {
        Some(Unit::Weekend)
    } else if is("month") {
        Some(Unit::Month)
    } else if is("quarter") {
        Some(Unit::Quarter)
    } else if is("year") {
        Some(Unit::Year)
    } else if is("decade") {
        Some(Unit::Decade)
    } else {
        None
    }
}

fn is_plural(w: &str) -> bool {
    w.len() > 3 && (w.ends_with('s') || w.ends_with('S'))
}

/// Count words for "two days later", "a year ago".
fn count_word(w: &str) -> Option<i32> {
    const WORDS: [(&str, i32); 17] = [
        ("a", 1),
        ("an", 1),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("fifteen", 15),
        ("twenty", 20),
        ("thirty", 30),
    ];
    WORDS
        .iter()
        .find(|(n, _)| w.eq_ignore_ascii_case(n))
        .map(|&(_, v)| v)
}

/// Parts of the day that may follow a day expression and belong to it ("Wednesday night").
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Words before a bare month or year that make it a date ("In August", "since 2016").
const DATE_PREPS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "thru",
    "throughout",
    "during",
    "before",
    "after",
    "from",
    "of",
    "for",
    "between",
    "around",
    "circa",
    "early",
    "mid",
    "late",
    "last",
    "next",
    "this",
    "past",
    "fiscal",
    "year",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "the",
    "as",
    "end",
    "start",
    "beginning",
];

/// Plural nouns that show a four-digit number is a count, not a year ("2000 people").
const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "votes",
    "voters",
    "members",
    "troops",
    "soldiers",
    "workers",
    "jobs",
    "employees",
    "residents",
    "students",
    "cases",
    "deaths",
    "homes",
    "houses",
    "units",
    "copies",
    "times",
    "points",
    "miles",
    "kilometers",
    "kilometres",
    "feet",
    "meters",
    "metres",
    "dollars",
    "euros",
    "pounds",
    "shares",
    "barrels",
    "tons",
    "tonnes",
    "acres",
    "words",
    "pages",
    "signatures",
    "users",
    "customers",
    "patients",
    "children",
    "men",
    "women",
    "vehicles",
    "cars",
    "flights",
    "calories",
    "hours",
    "minutes",
    "seconds",
    "days",
    "weeks",
    "months",
    "years",
    "percent",
    "per",
];

// ---------------------------------------------------------------------------------------------
// Matching

struct Hit {
    first: usize,
    end: usize,
    expr: Expr,
}

fn hit(first: usize, end: usize, expr: Expr) -> Option<Hit> {
    Some(Hit { first, end, expr })
}

/// The expression that starts at token `i`, if any.
fn match_at(s: &Sent, i: usize) -> Option<Hit> {
    let t = *s.toks.get(i)?;
    match t.kind {
        K::Num => match_number(s, i),
        K::Punct => match_decade_apostrophe(s, i),
        K::Word => {
            let w = &s.text[t.start..t.end];
            if w.len() > 10 || !start_words().contains(w.as_bytes()) {
                return None;
            }
            let first = w.as_bytes()[0];
            if first.is_ascii_uppercase() {
                if let Some(h) = match_month(s, i, false) {
                    return Some(h);
                }
                if let Some(h) = match_weekday(s, i, Shift::None, i) {
                    return Some(h);
                }
                if let Some(h) = match_holiday(s, i) {
                    return Some(h);
                }
                if w.len() == 1 && (w == "Q") {
                    return match_q_quarter(s, i);
                }
            }
            match_trigger(s, i, w)
        }
    }
}

/// A year at token `i` in a date (after a month or day): four digits, 1000 to 2999.
fn year_at(s: &Sent, i: usize) -> Option<i32> {
    let (n, digits) = s.num(i)?;
    // "2024" but not "2024th" or "20245".
    let glued = s.touch(i) && s.toks[i + 1].kind != K::Punct;
    (digits == 4 && (1000..=2999).contains(&n) && !glued).then_some(n as i32)
}

/// A day of the month at token `i` ("20", "20th"), with the token after it.
fn day_at(s: &Sent, i: usize) -> Option<(u32, usize)> {
    let (n, digits) = s.num(i)?;
    if digits > 2 || !(1..=31).contains(&n) {
        return None;
    }
    if s.touch(i) {
        if let Some(w) = s.word(i + 1) {
            let ok = ["st", "nd", "rd", "th"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x));
            return ok.then_some((n, i + 2));
        }
        // "14:30", "14.5", "14%", "14/7" are not days.
        if matches!(s.punct(i + 1), Some(':' | '.' | '%' | '/' | ',')) && s.touch(i + 1) {
            return None;
        }
    }
    Some((n, i + 1))
}

fn count_noun_at(s: &Sent, i: usize) -> bool {
    s.word(i).is_some_and(|w| {
        w.as_bytes()[0].is_ascii_lowercase()
            && COUNT_NOUNS.iter().any(|c| w.eq_ignore_ascii_case(c))
    })
}

/// Month names: "Dec 20, 2024", "December 20th", "January 2025", "In August", "last March".
/// `ctx` says a preceding word already made it a date (a modifier rule calls with it set).
fn match_month(s: &Sent, i: usize, ctx: bool) -> Option<Hit> {
    let w = s.word(i)?;
    let (m, abbrev) = month_word(w)?;
    if !s.capitalised(i) {
        return None;
    }
    let mut j = i + 1;
    let dotted = s.is_punct(j, '.') && s.touch(i);
    if dotted && abbrev {
        j += 1;
    }
    // Month and day, with or without a year.
    if let Some((d, k)) = day_at(s, j) {
        // "May 5 people": a count, not a date.
        if count_noun_at(s, k) {
            return None;
        }
        let mut k2 = k;
        if s.is_punct(k2, ',') {
            k2 += 1;
        }
        if let Some(y) = year_at(s, k2) {
            if let Some(v) = DateValue::ymd(y, m, d) {
                return hit(i, k2 + 1, Expr::Absolute(v));
            }
            return None;
        }
        // The day must exist in some year (Feb 29 does).
        NaiveDate::from_ymd_opt(2024, m, d)?;
        return hit(i, k, Expr::MonthDay { month: m, day: d });
    }
    // Month and year: "December 2024", "December of 2024".
    let j_year = if s.is(j, "of") { j + 1 } else { j };
    if let Some(y) = year_at(s, j_year) {
        return hit(i, j_year + 1, Expr::Absolute(DateValue::month(y, m)?));
    }
    // Month and a year counted from the publication's: "March last year", "June of next
    // year"; not a name's word ("Theresa May last year", "the Women's March last year").
    let name_word = |k: usize| s.capitalised(k) && !s.is_any(k, DATE_PREPS);
    let named = i > 0 && name_word(i - 1) || i > 2 && s.is(i - 1, "s") && name_word(i - 3);
    if (dotted || !abbrev) && !named && s.is(j_year + 1, "year") {
        let years = match s.word(j_year).map(str::to_ascii_lowercase).as_deref() {
            Some("last") => Some(-1),
            Some("this") => Some(0),
            Some("next") => Some(1),
            _ => None,
        };
        if let Some(years) = years {
            return hit(i, j_year + 2, Expr::MonthOfYear { month: m, years });
        }
    }
    if abbrev && !dotted {
        return None;
    }
    // A bare month: a preposition or modifier before it, a possessive after it, or a name
    // that is nothing but a month.
    let prev_ok = i > 0 && s.is_any(i - 1, DATE_PREPS)
        || i > 1 && s.is_punct(i - 1, '-') && s.is(i - 2, "mid")
        || i > 0 && s.is_any(i - 1, &["and", "or", "to"]) && i > 1 && month_before(s, i - 2);
    let ctx = ctx || prev_ok || s.possessive_after(i) || !abbrev && unambiguous_month(m);
    if !ctx {
        return None;
    }
    // "March on Washington", "March for Our Lives": the march, not the month.
    if m == 3 && s.is_any(i + 1, &["on", "for", "against", "to"]) {
        return None;
    }
    // "May" is a modal verb unless a preposition made it a month.
    if m == 5 && !(prev_ok || ctx && i > 0 && !s.capitalised(i - 1)) {
        return None;
    }
    // A month inside a run of capitalised words is a name ("the July Revolution" stays, but
    // "October Films" should not): a capitalised word right after it that is not a sentence
    // start means a name.
    if s.capitalised(i + 1) && !s.possessive_after(i) {
        return None;
    }
    hit(
        i,
        i + 1 + usize::from(dotted && abbrev),
        Expr::Month {
            month: m,
            shift: Shift::None,
        },
    )
}

fn month_before(s: &Sent, i: usize) -> bool {
    s.word(i).and_then(month_word).is_some() && s.capitalised(i)
}

/// Weekday names: "Wednesday", "Wednesday night", "Friday, Dec. 20, 2024". `first` is where
/// the hit starts (a modifier before it).
fn match_weekday(s: &Sent, i: usize, shift: Shift, first: usize) -> Option<Hit> {
    let w = s.word(i)?;
    if !s.capitalised(i) {
        return None;
    }
    // "on a Wednesday", "every Monday": any such day, not a date; "the Sunday Times": a name.
    if i > 0 && s.is_any(i - 1, &["a", "every", "each", "any"]) {
        return None;
    }
    if i > 0 && s.is(i - 1, "the") && s.capitalised(i + 1) {
        return None;
    }
    let Some(day) = weekday_word(w) else {
        // "Fri., Dec. 20": an abbreviated weekday only before a full date.
        let short = w.len() <= 5
            && [
                "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun",
            ]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x));
        let mut j = i + 1;
        if short && s.is_punct(j, '.') {
            j += 1;
        }
        if short && s.is_punct(j, ',') {
            if let Some(h) = match_month(s, j + 1, false) {
                if matches!(h.expr, Expr::Absolute(_) | Expr::MonthDay { .. }) {
                    return hit(first, h.end, h.expr);
                }
            }
        }
        return None;
    };
    // "Wednesday, December 18": the date says more than the weekday.
    if s.is_punct(i + 1, ',') {
        if let Some(h) = match_month(s, i + 2, false) {
            if matches!(h.expr, Expr::Absolute(_) | Expr::MonthDay { .. }) {
                return hit(first, h.end, h.expr);
            }
        }
    }
    let end = if s.is_any(i + 1, DAY_PARTS) {
        i + 2
    } else {
        i + 1
    };
    hit(first, end, Expr::Weekday { day, shift })
}

/// Fixed-date holidays, as a day without a year.
fn match_holiday(s: &Sent, i: usize) -> Option<Hit> {
    let w = s.word(i)?;
    let md = |month, day| Expr::MonthDay { month, day };
    if w == "Christmas" {
        if s.is(i + 1, "Eve") {
            return hit(i, i + 2, md(12, 24));
        }
        if s.is(i + 1, "Day") {
            return hit(i, i + 2, md(12, 25));
        }
        let prep = i > 0
            && s.is_any(
                i - 1,
                &[
                    "on", "at", "by", "before", "after", "until", "since", "over", "for",
                ],
            );
        return (prep && s.clause_ends_after(i)).then(|| Hit {
            first: i,
            end: i + 1,
            expr: md(12, 25),
        });
    }
    if w == "Halloween" {
        return hit(i, i + 1, md(10, 31));
    }
    // "New Year's Day", "New Year's Eve", "Valentine's Day".
    if w == "New" && s.is(i + 1, "Year") && s.possessive_after(i + 1) {
        if s.is(i + 4, "Eve") {
            return hit(i, i + 5, md(12, 31));
        }
        if s.is(i + 4, "Day") {
            return hit(i, i + 5, md(1, 1));
        }
    }
    if w == "Valentine" && s.possessive_after(i) && s.is(i + 3, "Day") {
        return hit(i, i + 4, md(2, 14));
    }
    None
}

/// "Q3", "Q3 2024".
fn match_q_quarter(s: &Sent, i: usize) -> Option<Hit> {
    if !s.touch(i) {
        return None;
    }
    let (q, digits) = s.num(i + 1)?;
    if digits != 1 || !(1..=4).contains(&q) || s.touch(i + 1) && s.word(i + 2).is_some() {
        return None;
    }
    if let Some(y) = year_at(s, i + 2) {
        return hit(i, i + 3, Expr::Absolute(DateValue::quarter(y, q)?));
    }
    hit(
        i,
        i + 2,
        Expr::Quarter {
            quarter: q,
            shift: Shift::None,
        },
    )
}

/// Numbers: ISO and numeric dates, day-first dates, years, decades, and counted relative
/// expressions ("2 days ago").
fn match_number(s: &Sent, i: usize) -> Option<Hit> {
    let (n, digits) = s.num(i)?;
    // A number glued to a letter before it ("A320", "G7") or after a currency sign is no date.
    if i > 0 && s.toks[i - 1].end == s.toks[i].start {
        if s.toks[i - 1].kind == K::Word {
            return None;
        }
        if matches!(
            s.punct(i - 1),
            Some('$' | '£' | '€' | '¥' | '#' | '.' | ',')
        ) {
            return None;
        }
    }
    if i > 0 && matches!(s.punct(i - 1), Some('$' | '£' | '€' | '¥' | '#')) {
        return None;
    }
    // 2024-12-20, 2024/12/20.
    if digits == 4 {
        let sep = s.punct(i + 1);
        if matches!(sep, Some('-' | '/'))
            && s.touch(i)
            && s.touch(i + 1)
            && s.touch(i + 2)
            && s.punct(i + 3) == sep
            && s.touch(i + 3)
        {
            if let (Some((m, 1..=2)), Some((d, 1..=2))) = (s.num(i + 2), s.num(i + 4)) {
                if !s.touch(i + 4) || s.punct(i + 5).is_some_and(|c| c != '-' && c != '/') {
                    return DateValue::ymd(n as i32, m, d).map(|v| Hit {
                        first: i,
                        end: i + 5,
                        expr: Expr::Absolute(v),
                    });
                }
            }
        }
    }
    // 12/20/2024 (month first, as in American news; day first when the first can't be a month).
    if digits <= 2 && s.is_punct(i + 1, '/') && s.touch(i) && s.touch(i + 1) {
        if let (Some((b, 1..=2)), true, true) = (
            s.num(i + 2),
            s.is_punct(i + 3, '/'),
            s.touch(i + 2) && s.touch(i + 3),
        ) {
            if let Some((y, yd @ (2 | 4))) = s.num(i + 4) {
                if !s.touch(i + 4) || s.word(i + 5).is_none() && s.num(i + 5).is_none() {
                    let y = if yd == 2 { 2000 + y as i32 } else { y as i32 };
                    let (m, d) = if n > 12 { (b, n) } else { (n, b) };
                    return DateValue::ymd(y, m, d).map(|v| Hit {
                        first: i,
                        end: i + 5,
                        expr: Expr::Absolute(v),
                    });
                }
            }
        }
    }
    // 20 December 2024, 6th of January, 20 Dec.
    if digits <= 2 {
        if let Some((d, mut j)) = day_at(s, i) {
            if s.is(j, "of") {
                j += 1;
            }
            if let Some((m, abbrev)) = s.word(j).and_then(month_word) {
                if s.capitalised(j) && (m != 5 || s.toks[i].end + 1 >= s.toks[j].start) {
                    let mut k = j + 1;
                    if abbrev && s.is_punct(k, '.') {
                        k += 1;
                    }
                    let mut k2 = k;
                    if s.is_punct(k2, ',') {
                        k2 += 1;
                    }
                    if let Some(y) = year_at(s, k2) {
                        return DateValue::ymd(y, m, d).map(|v| Hit {
                            first: i,
                            end: k2 + 1,
                            expr: Expr::Absolute(v),
                        });
                    }
                    NaiveDate::from_ymd_opt(2024, m, d)?;
                    return hit(i, k, Expr::MonthDay { month: m, day: d });
                }
            }
        }
        return match_counted(s, i, n as i32, i);
    }
    if digits != 4 {
        return None;
    }
    match_year(s, i, n as i32)
}

/// A year on its own: "In 2017", "the 2020 election", "2024's", "2017-2019", "the 1990s".
fn match_year(s: &Sent, i: usize, y: i32) -> Option<Hit> {
    if !(1000..=2999).contains(&y) {
        return None;
    }
    // "1990s": a decade.
    if s.touch(i) && s.is(i + 1, "s") && y % 10 == 0 {
        return hit(i, i + 2, Expr::Absolute(DateValue::decade(y)?));
    }
    // Digits or letters glued after ("2024ish", "2024.5", "2024,000", "2024%") are not a year.
    if s.touch(i) {
        match s.punct(i + 1) {
            Some('.' | ',' | ':' | '/')
                if s.toks.get(i + 2).is_some_and(|t| t.kind == K::Num) && s.touch(i + 1) =>
            {
                return None;
            }
            Some('%') => return None,
            Some(_) => {}
            None => return None,
        }
    }
    if s.is_any(i + 1, &["percent", "per"]) || count_noun_at(s, i + 1) {
        return None;
    }
    let common = (1900..=2099).contains(&y);
    let ok = if s.possessive_after(i) {
        true
    } else if i == 0 || matches!(s.punct(i - 1), Some('(' | '"' | '“' | '‘')) {
        // Sentence start: "2024 was a year of ..."; not "2024 people".
        common
            && (s
                .word(i + 1)
                .is_some_and(|w| w.as_bytes()[0].is_ascii_lowercase())
                || s.is_punct(i + 1, ',')
                || s.is_punct(i + 1, ')'))
    } else if matches!(s.punct(i - 1), Some('-' | '–' | '—'))
        || s.is_any(i - 1, &["and", "or", "to"])
    {
        // The second year of "2017-2019", "between 2017 and 2019".
        i >= 2
            && s.num(i - 2)
                .is_some_and(|(p, d)| d == 4 && (1000..=2999).contains(&p))
    } else if s.is(i - 1, "the") {
        common
    } else {
        s.is_any(i - 1, DATE_PREPS) && (common || !s.word(i + 1).is_some_and(is_plural))
    };
    if !ok {
        return None;
    }
    hit(i, i + 1, Expr::Absolute(DateValue::year(y)?))
}

/// "'90s".
fn match_decade_apostrophe(s: &Sent, i: usize) -> Option<Hit> {
    if !is_apostrophe(s.punct(i)) || !s.touch(i) {
        return None;
    }
    let (n, digits) = s.num(i + 1)?;
    if digits != 2 || n % 10 != 0 || !s.touch(i + 1) || !s.is(i + 2, "s") {
        return None;
    }
    let y = if n >= 30 { 1900 + n } else { 2000 + n } as i32;
    hit(i, i + 3, Expr::Absolute(DateValue::decade(y)?))
}

/// "two days later", "a year ago", "5 weeks earlier", starting at the count (token `i`,
/// value `n`); `first` is where the hit starts.
fn match_counted(s: &Sent, i: usize, n: i32, first: usize) -> Option<Hit> {
    let unit = s.word(i + 1).and_then(unit_word)?;
    let k = i + 2;
    if s.is(k, "ago") {
        return hit(first, k + 1, Expr::Relative { unit, n: -n });
    }
    if s.is(k, "from") && s.is(k + 1, "now") {
        return hit(first, k + 2, Expr::Relative { unit, n });
    }
    // "later"/"earlier" count from the date just mentioned; "after"/"before" only when nothing
    // follows ("a day after the vote" counts from the vote, not a date).
    let dir = if s.is_any(k, &["later", "afterward", "afterwards"])
        || s.is(k, "after") && s.clause_ends_after(k)
    {
        1
    } else if s.is(k, "earlier") || s.is(k, "before") && s.clause_ends_after(k) {
        -1
    } else {
        return None;
    };
    hit(
        first,
        k + 1,
        Expr::Chained {
            unit,
            n: dir * n,
            exact: true,
        },
    )
}

/// Trigger words: today, yesterday, last/this/next ..., the following ..., recent weeks,
/// early/late/mid ..., seasons, quarters, counted phrases.
fn match_trigger(s: &Sent, i: usize, w: &str) -> Option<Hit> {
    if w.len() > 10 {
        return None;
    }
    let mut buf = [0u8; 10];
    let lw = lower(w, &mut buf)?;
    // Include a "the" (or "that") before the trigger when it is free.
    let with_the = |i: usize| {
        if i > 0 && s.is(i - 1, "the") {
            i - 1
        } else {
            i
        }
    };
    let day_part_end = |j: usize| if s.is_any(j, DAY_PARTS) { j + 1 } else { j };
    match lw {
        "today" => hit(
            i,
            day_part_end(i + 1),
            Expr::Relative {
                unit: Unit::Day,
                n: 0,
            },
        ),
        "tonight" => hit(
            i,
            i + 1,
            Expr::Relative {
                unit: Unit::Day,
                n: 0,
            },
        ),
        "yesterday" => hit(
            i,
            day_part_end(i + 1),
            Expr::Relative {
                unit: Unit::Day,
                n: -1,
            },
        ),
        "tomorrow" => hit(
            i,
            day_part_end(i + 1),
            Expr::Relative {
                unit: Unit::Day,
                n: 1,
            },
        ),
        "last" | "this" | "next" | "past" | "coming" => match_shifted(s, i, lw),
        "earlier" | "later" => {
            // "earlier this year", "later today", "later that day".
            let h = match_at(s, i + 1)?;
            matches!(
                h.expr,
                Expr::Relative { n: 0, .. } | Expr::Chained { n: 0, .. }
            )
            .then_some(Hit { first: i, ..h })
        }
        "early" | "late" | "mid" => {
            // "late March", "early 2024", "mid-December", "early next year", "late last week".
            let j = if s.is_punct(i + 1, '-') && s.touch(i) {
                i + 2
            } else {
                i + 1
            };
            let h = if s.num(j).is_some_and(|(_, d)| d == 4) {
                let y = s.num(j)?.0 as i32;
                if s.touch(j) && s.is(j + 1, "s") && y % 10 == 0 {
                    Hit {
                        first: j,
                        end: j + 2,
                        expr: Expr::Absolute(DateValue::decade(y)?),
                    }
                } else {
                    Hit {
                        first: j,
                        end: j + 1,
                        expr: Expr::Absolute(DateValue::year(y)?),
                    }
                }
            } else if let Some(h) = match_month(s, j, true) {
                h
            } else {
                let h = match_at(s, j)?;
                if !matches!(
                    h.expr,
                    Expr::Relative { .. }
                        | Expr::Season { .. }
                        | Expr::Absolute(_)
                        | Expr::Weekday { .. }
                ) {
                    return None;
                }
                h
            };
            (h.first == j).then_some(Hit { first: i, ..h })
        }
        "following" | "previous" | "prior" => {
            let n = if lw == "following" { 1 } else { -1 };
            let first = with_the(i);
            if let Some(day) = s.word(i + 1).filter(|_| n == 1).and_then(weekday_word) {
                return hit(first, i + 2, Expr::ChainedWeekday { day });
            }
            if s.is_any(i + 1, &["morning", "night", "evening", "afternoon"]) {
                return hit(
                    first,
                    i + 2,
                    Expr::Chained {
                        unit: Unit::Day,
                        n,
                        exact: false,
                    },
                );
            }
            let unit = s
                .word(i + 1)
                .filter(|w| !is_plural(w))
                .and_then(unit_word)?;
            hit(
                first,
                i + 2,
                Expr::Chained {
                    unit,
                    n,
                    exact: false,
                },
            )
        }
        "that" | "same" => {
            // "that day", "the same day", "that same year".
            let j = if lw == "that" && s.is(i + 1, "same") {
                i + 2
            } else {
                i + 1
            };
            let first = if lw == "same" { with_the(i) } else { i };
            if lw == "same" && first == i && !(i > 0 && s.is(i - 1, "that")) {
                return None;
            }
            let first = if lw == "same" && i > 0 && s.is(i - 1, "that") {
                i - 1
            } else {
                first
            };
            let unit = s.word(j).filter(|w| !is_plural(w)).and_then(unit_word)?;
            if unit == Unit::Weekend || unit == Unit::Decade || unit == Unit::Quarter {
                return None;
            }
            // "that day care": the unit word must end the phrase.
            if s.word(j + 1)
                .is_some_and(|w| w.as_bytes()[0].is_ascii_lowercase() && !s.possessive_after(j))
                && !s.is_any(
                    j + 1,
                    &[
                        "and", "or", "in", "on", "at", "when", "as", "the", "he", "she", "they",
                        "it", "we", "i", "to", "before", "after", "was", "were", "by", "with",
                        "for", "alone",
                    ],
                )
            {
                return None;
            }
            hit(
                first,
                j + 1,
                Expr::Chained {
                    unit,
                    n: 0,
                    exact: false,
                },
            )
        }
        "day" | "night" => {
            // "the day before", "the night before", "the day after" (ending the clause).
            if !(i > 0 && s.is(i - 1, "the")) {
                return None;
            }
            let n = if s.is(i + 1, "before") {
                -1
            } else if s.is(i + 1, "after") {
                1
            } else {
                return None;
            };
            s.clause_ends_after(i + 1).then(|| Hit {
                first: i - 1,
                end: i + 2,
                expr: Expr::Chained {
                    unit: Unit::Day,
                    n,
                    exact: false,
                },
            })
        }
        "end" | "beginning" | "start" | "middle" => {
            // "the end of the year", "the beginning of March", "the end of 2025".
            if !(i > 0 && s.is(i - 1, "the") && s.is(i + 1, "of")) {
                return None;
            }
            let j = i + 2;
            if s.is(j, "the") {
                let unit = s
                    .word(j + 1)
                    .filter(|w| !is_plural(w))
                    .and_then(unit_word)?;
                if !matches!(unit, Unit::Week | Unit::Month | Unit::Year | Unit::Quarter) {
                    return None;
                }
                return hit(i - 1, j + 2, Expr::Relative { unit, n: 0 });
            }
            let h = match_at(s, j)?;
            if h.first != j || matches!(h.expr, Expr::Chained { .. } | Expr::Vague { .. }) {
                return None;
            }
            Some(Hit { first: i - 1, ..h })
        }
        "recent" => {
            let unit = s.word(i + 1).filter(|w| is_plural(w)).and_then(unit_word)?;
            hit(
                i,
                i + 2,
                Expr::Vague {
                    unit,
                    future: false,
                },
            )
        }
        "days" | "weeks" | "months" | "years" => {
            // "the months ahead", "the weeks to come".
            let unit = unit_word(w)?;
            if !(i > 0 && s.is(i - 1, "the")) {
                return None;
            }
            if s.is(i + 1, "ahead") {
                return hit(i - 1, i + 2, Expr::Vague { unit, future: true });
            }
            if s.is(i + 1, "to") && s.is(i + 2, "come") {
                return hit(i - 1, i + 3, Expr::Vague { unit, future: true });
            }
            None
        }
        "weekend" => {
            // "over the weekend", "at the weekend".
            (i > 1
                && s.is(i - 1, "the")
                && s.is_any(i - 2, &["over", "at", "on", "during", "this", "by"]))
            .then(|| Hit {
                first: i - 1,
                end: i + 1,
                expr: Expr::Weekend,
            })
        }
        "spring" | "summer" | "autumn" | "fall" | "winter" => match_season(s, i, Shift::None, i),
        "first" | "second" | "third" | "fourth" | "fifth" | "sixth" | "seventh" | "eighth"
        | "ninth" | "tenth"
            if s.is(i + 1, "of")
                && s.capitalised(i + 2)
                && s.word(i + 2)
                    .and_then(month_word)
                    .is_some_and(|(_, abbrev)| !abbrev) =>
        {
            let day = [
                "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth", "tenth",
            ]
            .iter()
            .position(|x| *x == lw)? as u32
                + 1;
            let (month, _) = month_word(s.word(i + 2)?)?;
            hit(with_the(i), i + 3, Expr::MonthDay { month, day })
        }
        "first" | "second" | "third" | "fourth" | "final" => {
            // "the third quarter", "the second-quarter", "the first quarter of 2024".
            let j = if s.is_punct(i + 1, '-') { i + 2 } else { i + 1 };
            if !s.is(j, "quarter") {
                return None;
            }
            let quarter = match lw {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                _ => 4,
            };
            let first = with_the(i);
            quarter_tail(s, first, j + 1, quarter)
        }
        _ => {
            let n = count_word(lw)?;
            match_counted(s, i, n, i)
        }
    }
}

/// What may follow "the third quarter": "of 2024", ", 2024", "of last year", "of the year".
fn quarter_tail(s: &Sent, first: usize, j: usize, quarter: u32) -> Option<Hit> {
    let k = if s.is(j, "of") || s.is_punct(j, ',') {
        j + 1
    } else {
        j
    };
    if let Some(y) = year_at(s, k) {
        return hit(
            first,
            k + 1,
            Expr::Absolute(DateValue::quarter(y, quarter)?),
        );
    }
    if s.is(j, "of") && s.is(k + 1, "year") {
        let shift = if s.is(k, "last") {
            Shift::Last
        } else if s.is(k, "next") {
            Shift::Next
        } else if s.is_any(k, &["this", "the"]) {
            Shift::This
        } else {
            Shift::None
        };
        if shift != Shift::None {
            return hit(first, k + 2, Expr::Quarter { quarter, shift });
        }
    }
    hit(
        first,
        j,
        Expr::Quarter {
            quarter,
            shift: Shift::None,
        },
    )
}

/// Seasons: "summer 2024", "the summer of 2024", "in the summer", "this fall" (`shift`, with
/// the hit starting at `first`).
fn match_season(s: &Sent, i: usize, shift: Shift, first: usize) -> Option<Hit> {
    let season = Season::from_name(s.word(i)?)?;
    let after_of = if s.is(i + 1, "of") { i + 2 } else { i + 1 };
    if let Some(y) = year_at(s, after_of) {
        let first = if first == i && i > 0 && s.is(i - 1, "the") {
            i - 1
        } else {
            first
        };
        return hit(
            first,
            after_of + 1,
            Expr::Absolute(DateValue::season(y, season)?),
        );
    }
    if shift != Shift::None {
        return hit(first, i + 1, Expr::Season { season, shift });
    }
    // A bare season needs a preposition ("in the fall", "during winter"), and "fall" needs the
    // article too; "in the fall of the regime" is not a season.
    let preps = [
        "in",
        "during",
        "over",
        "through",
        "throughout",
        "by",
        "until",
        "since",
        "before",
        "after",
    ];
    let (ok, first) = if i > 1 && s.is(i - 1, "the") && s.is_any(i - 2, &preps) {
        (true, i - 1)
    } else {
        (
            season != Season::Fall && i > 0 && s.is_any(i - 1, &preps),
            i,
        )
    };
    if !ok
        || s.is(i + 1, "of")
        || s.word(i + 1).is_some_and(|w| {
            w.as_bytes()[0].is_ascii_lowercase()
                && !s.is_any(
                    i + 1,
                    &[
                        "and", "or", "when", "as", "to", "the", "he", "she", "they", "it", "we",
                    ],
                )
        })
    {
        return None;
    }
    hit(
        first,
        i + 1,
        Expr::Season {
            season,
            shift: Shift::None,
        },
    )
}

/// After "last", "this", "next", "past", "coming" (lowercase `lw`) at token `i`.
fn match_shifted(s: &Sent, i: usize, lw: &str) -> Option<Hit> {
    let shift = match lw {
        "last" => Shift::Last,
        "this" => Shift::This,
        "next" => Shift::Next,
        _ => Shift::None,
    };
    let with_the = if i > 0 && s.is(i - 1, "the") {
        i - 1
    } else {
        i
    };
    // "the past few weeks", "the last few months", "the coming weeks".
    if lw == "coming" {
        let unit = s.word(i + 1).filter(|w| is_plural(w)).and_then(unit_word)?;
        return (with_the < i).then(|| Hit {
            first: with_the,
            end: i + 2,
            expr: Expr::Vague { unit, future: true },
        });
    }
    if (lw == "past" || lw == "last") && s.is(i + 1, "few") {
        let unit = s.word(i + 2).filter(|w| is_plural(w)).and_then(unit_word)?;
        return hit(
            with_the,
            i + 3,
            Expr::Vague {
                unit,
                future: false,
            },
        );
    }
    if lw == "past" {
        // "this past weekend", "the past weekend": the weekend just gone.
        if s.is(i + 1, "weekend") {
            let first = if i > 0 && s.is(i - 1, "this") {
                i - 1
            } else {
                with_the
            };
            return hit(
                first,
                i + 2,
                Expr::Relative {
                    unit: Unit::Weekend,
                    n: -1,
                },
            );
        }
        return None;
    }
    if lw == "this" && s.is(i + 1, "past") && s.is(i + 2, "weekend") {
        return hit(
            i,
            i + 3,
            Expr::Relative {
                unit: Unit::Weekend,
                n: -1,
            },
        );
    }
    let j = i + 1;
    if let Some(h) = match_month(s, j, true) {
        if let Expr::Month { month, .. } = h.expr {
            return hit(i, h.end, Expr::Month { month, shift });
        }
        return None;
    }
    if let Some(h) = match_weekday(s, j, shift, i) {
        return Some(h);
    }
    if let Some(h) = match_season(s, j, shift, i) {
        return Some(h);
    }
    let w = s.word(j)?;
    if lw == "last" && w.eq_ignore_ascii_case("night") {
        return hit(
            i,
            j + 1,
            Expr::Relative {
                unit: Unit::Day,
                n: -1,
            },
        );
    }
    if lw == "this" && s.is_any(j, &["morning", "afternoon", "evening"]) {
        return hit(
            i,
            j + 1,
            Expr::Relative {
                unit: Unit::Day,
                n: 0,
            },
        );
    }
    if lw == "next" && s.is_any(j, &["day", "morning"]) {
        // "the next day": counted from the date just mentioned.
        return (with_the < i).then(|| Hit {
            first: with_the,
            end: j + 1,
            expr: Expr::Chained {
                unit: Unit::Day,
                n: 1,
                exact: false,
            },
        });
    }
    if is_plural(w) {
        return None;
    }
    let unit = unit_word(w)?;
    // "the next week" and "the last year" are durations ("in the next week"), not dates;
    // "last year" is a date.
    if with_the < i && lw != "this" {
        return None;
    }
    if unit == Unit::Day {
        return None;
    }
    let n = match shift {
        Shift::Last => -1,
        Shift::Next => 1,
        _ => 0,
    };
    hit(i, j + 1, Expr::Relative { unit, n })
}

/// `w` in lowercase ASCII, in `buf`; `None` for words with other letters.
fn lower<'b>(w: &str, buf: &'b mut [u8; 10]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    for (o, c) in buf.iter_mut().zip(b) {
        *o = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

// ---------------------------------------------------------------------------------------------
// Tense

/// Words that may stand between "will" and its verb ("will not have been held").
const VERB_GROUP: &[&str] = &["be", "have", "been", "not", "also", "only", "still", "t"];

/// Whether token `i` is in a verb group after "will", "shall", "'ll", "won't" or "to be": such
/// a group is future whatever its form ("will be held", "is to be signed").
fn in_future_group(s: &Sent, i: usize) -> bool {
    // Every auxiliary and group word is short: most words are ruled out by the one before.
    if i == 0 || s.toks[i - 1].end - s.toks[i - 1].start > 5 {
        return false;
    }
    let mut j = i;
    while j > 0 && s.is_any(j - 1, VERB_GROUP) {
        j -= 1;
    }
    let Some(aux) = j.checked_sub(1) else {
        return false;
    };
    s.is_any(aux, &["will", "shall"])
        || s.is(aux, "ll") && aux > 0 && is_apostrophe(s.punct(aux - 1))
        || is_apostrophe(s.punct(aux)) && aux > 0 && s.is(aux - 1, "won") && s.is(j, "t")
        || s.is(aux, "to") && s.is(j, "be") && j < i
}

/// The tense token `i` signals, if any: future auxiliaries and plans ("will", "set to",
/// "takes effect"), past forms ("was", "met", "-ed").
fn cue_at(s: &Sent, i: usize) -> Option<Tense> {
    let w = s.word(i)?;
    if in_future_group(s, i) {
        return (w.len() > 3).then_some(Tense::Future);
    }
    if w.len() > 10 {
        return (w.ends_with("ed")).then_some(Tense::Past);
    }
    let mut buf = [0u8; 10];
    let lw = lower(w, &mut buf)?;
    let next_to = || s.is(i + 1, "to");
    let future = match lw {
        "will" | "shall" | "upcoming" | "slated" | "scheduled" => true,
        // "won't" and "'ll".
        "won" => is_apostrophe(s.punct(i + 1)) && s.is(i + 2, "t"),
        "ll" => i > 0 && is_apostrophe(s.punct(i - 1)),
        "set" | "expected" | "going" | "plans" | "plan" | "planning" | "aims" | "intends"
        | "poised" | "due" | "hopes" => next_to(),
        "ahead" => s.is(i + 1, "of"),
        "next" | "tomorrow" | "coming" | "would" | "starting" | "effective" => true,
        // Present-tense verbs of schedules: "takes effect Jan. 1", "opens Monday".
        "takes" | "begins" | "starts" | "opens" | "expires" | "resumes" | "reopens" | "returns"
        | "arrives" | "launches" | "premieres" | "airs" | "convenes" | "reconvenes" | "kicks"
        | "debuts" => true,
        // "is meeting on Thursday": the present progressive of a plan.
        "is" | "are" | "am" => {
            let j = if s.is(i + 1, "not") { i + 2 } else { i + 1 };
            s.word(j).is_some_and(|v| v.len() > 4 && v.ends_with("ing")) && !s.is(j, "being")
        }
        _ => false,
    };
    if future {
        return Some(Tense::Future);
    }
    let past = match lw {
        "was" | "were" | "had" | "did" | "ago" | "earlier" | "yesterday" | "last" | "met"
        | "went" | "came" | "took" | "gave" | "made" | "held" | "spent" | "sent" | "wrote"
        | "found" | "saw" | "left" | "began" | "lost" | "paid" | "sold" | "bought" | "brought"
        | "thought" | "told" | "said" | "got" | "knew" | "led" | "ran" | "rose" | "fell"
        | "spoke" | "broke" | "chose" | "drew" | "flew" | "grew" | "became" | "felt" | "kept"
        | "heard" | "built" | "sat" | "stood" | "struck" | "threw" | "taught" | "caught"
        | "fought" | "sought" | "won" | "withdrew" | "fled" | "meant" | "shook" | "dined"
        | "ate" | "wore" | "drove" | "swore" | "forgot" | "hid" | "stole" => true,
        // Regular past forms; "need", "speed", "hundred" and the like are not.
        _ => {
            lw.len() > 4
                && lw.ends_with("ed")
                && !lw.ends_with("eed")
                && !matches!(
                    lw,
                    "hundred" | "kindred" | "sacred" | "naked" | "wicked" | "embed"
                )
        }
    };
    past.then_some(Tense::Past)
}

/// Punctuation that sets off a clause, and words that open one.
fn is_boundary(s: &Sent, i: usize) -> bool {
    match s.toks.get(i).map(|t| t.kind) {
        Some(K::Punct) => matches!(
            s.punct(i),
            Some(',' | ';' | ':' | '—' | '–' | '(' | ')' | '"' | '“' | '”')
        ),
        Some(K::Word) => s.is_any(
            i,
            &[
                "that", "which", "who", "but", "because", "although", "while", "whereas",
            ],
        ),
        _ => false,
    }
}

/// The tense of the cue nearest to tokens `first..end`: a cue inside the span wins ("two days
/// ago"); otherwise the distance in tokens, where each clause boundary crossed counts ten (in
/// "said on Saturday that he would", the Saturday is the saying's). On a tie the cue before
/// wins. Read outward from the span, so it costs a few tokens, not a sentence.
fn tense_near(s: &Sent, first: usize, end: usize) -> Tense {
    const LIMIT: usize = 60;
    if let Some(t) = (first..end).find_map(|i| cue_at(s, i)) {
        return t;
    }
    let mut best: Option<(usize, Tense)> = None;
    let mut crossed = usize::from(is_boundary(s, first));
    let mut at = first;
    while at > 0 && first - at < LIMIT {
        at -= 1;
        if let Some(t) = cue_at(s, at) {
            best = Some((first - at + 10 * crossed, t));
            break;
        }
        crossed += usize::from(is_boundary(s, at));
    }
    let mut crossed = (first + 1..end).filter(|&i| is_boundary(s, i)).count();
    let mut at = end;
    while at < s.toks.len() && at - end < LIMIT {
        crossed += usize::from(is_boundary(s, at));
        let d = at - end + 1 + 10 * crossed;
        if best.is_some_and(|(b, _)| d >= b) {
            break;
        }
        if let Some(t) = cue_at(s, at) {
            best = Some((d, t));
            break;
        }
        at += 1;
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences;

    fn on(text: &str, published: &str) -> Vec<(String, String)> {
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
        let sents = sentences::split(text);
        find(text, &sents, Some(p))
            .into_iter()
            .map(|t| (t.span.of(text).to_string(), t.value.value()))
            .collect()
    }

    fn one(text: &str, published: &str) -> String {
        let got = on(text, published);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        got[0].1.clone()
    }

    #[test]
    fn tokens_keep_byte_offsets() {
        let mut toks = Vec::new();
        tokenize("On Dec. 20th, 2024’s “x”", &mut toks);
        let text = "On Dec. 20th, 2024’s “x”";
        let parts: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            parts,
            [
                "On", "Dec", ".", "20", "th", ",", "2024", "’", "s", "“", "x", "”"
            ]
        );
    }

    #[test]
    fn a_month_of_a_year_counted_from_publication() {
        // One expression, in the year it names: not the nearest March and a separate year.
        assert_eq!(one("She sued in March last year.", "2026-04-22"), "2025-03");
        assert_eq!(
            one("It opens in June of next year.", "2026-04-22"),
            "2027-06"
        );
        assert_eq!(
            one("It closed in Sept. this year.", "2026-04-22"),
            "2026-09"
        );
        // "last March" is the latest March before the publication month.
        assert_eq!(one("She sued last March.", "2026-04-22"), "2026-03");
        assert_eq!(
            one("In March last year, it rained.", "2026-04-22"),
            "2025-03"
        );
        // A name's word is no month: only "last year" is a date.
        assert_eq!(one("Theresa May last year resigned.", "2026-04-22"), "2025");
        assert_eq!(
            one("The Women's March last year drew crowds.", "2026-04-22"),
            "2025"
        );
    }

    #[test]
    fn full_dates() {
        assert_eq!(
            one("It was signed Dec 20, 2024 in Paris.", "2025-03-01"),
            "2024-12-20"
        );
        assert_eq!(
            one("On 20 December 2024 it rained.", "2025-03-01"),
            "2024-12-20"
        );
        assert_eq!(
            one("The filing (2024-12-20) was late.", "2025-03-01"),
            "2024-12-20"
        );
        assert_eq!(one("It was due 12/20/2024.", "2025-03-01"), "2024-12-20");
        assert_eq!(
            one("Friday, Dec. 20, 2024 was cold.", "2025-03-01"),
            "2024-12-20"
        );
        assert_eq!(one("By August 2024 it was over.", "2025-03-01"), "2024-08");
    }

    #[test]
    fn every_expression_passes_the_cheap_filter() {
        // The filter must let through every sentence the rules can match in.
        for phrase in [
            "the end of the year",
            "this morning",
            "Q3",
            "the '90s",
            "the ’90s",
            "mid-2024",
            "the Fourth of July",
            "a year ago",
            "the following Monday",
            "the same day",
            "later that day",
            "earlier this week",
            "recent weeks",
            "the coming months",
            "the past few days",
            "this past weekend",
            "in the fall",
            "Christmas Eve",
            "Halloween",
            "New Year's Eve",
            "Valentine's Day",
            "12/20/2024",
            "2024-12-20",
            "the third quarter",
            "last night",
            "tonight",
            "this afternoon",
            "Sept. 3",
            "Dec 20",
            "the next morning",
            "over the weekend",
            "late Wednesday",
            "two decades ago",
            "1990s",
        ] {
            assert!(worth_scanning(phrase.as_bytes()), "{phrase}");
            let sents = sentences::split(phrase);
            assert!(!scan(phrase, &sents).is_empty(), "{phrase}");
        }
        assert!(!worth_scanning(
            b"He said the company would grow, and it did."
        ));
        assert!(!worth_scanning(b"It cost $1 million, or 2,000 euros."));
    }

    #[test]
    fn chaining_needs_an_anchor() {
        let text = "It landed on July 14, with departure logged the following day.";
        let got = on(text, "2025-07-25");
        assert_eq!(got[1], ("the following day".into(), "2025-07-15".into()));
        // No date to chain to: nothing.
        assert!(on("He left the following day.", "2025-07-25").is_empty());
    }
}
