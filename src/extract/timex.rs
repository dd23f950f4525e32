//! A first time-expression finder: fully specified dates ("Dec 20, 2024", "2024-12-20"),
//! month-and-day dates resolved to the publication year with a past bias ("July 14"), and
//! years after a preposition ("In 2017"). Nothing reads the wall clock: without a publication
//! date, a date with no year is not resolved.

use chrono::{Datelike, NaiveDate};

use crate::text::Span;
use crate::time::{DateValue, month_number};

use super::{Anchor, Timex};

fn words_with_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let wordy = i < s.len() && (c.is_alphanumeric() || c == '.');
        match (start, wordy) {
            (None, true) => start = Some(i),
            (Some(st), false) => {
                out.push((st, s[st..i].trim_end_matches('.')));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i32> {
    (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2199).contains(y))
}

/// Finds and resolves the time expressions of one article.
pub fn find(body: &str, sentences: &[Span], published: Option<NaiveDate>) -> Vec<Timex> {
    let mut out = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let s = sentence.of(body);
        let w = words_with_offsets(s);
        let mut i = 0;
        while i < w.len() {
            let (off, word) = w[i];
            let mk = |len: usize, value: DateValue, anchor: Anchor| {
                let end = w[i + len - 1].0 + w[i + len - 1].1.len();
                let span = Span::new(sentence.start + off, sentence.start + end);
                Timex {
                    span,
                    text: span.of(body).to_string(),
                    value,
                    vague: false,
                    anchor,
                    sentence: si,
                }
            };
            // Month-name dates; "May" and "March" only with a day number.
            if let Some(m) =
                month_number(word).filter(|_| word.chars().next().is_some_and(char::is_uppercase))
            {
                let day = w.get(i + 1).and_then(|x| day_number(x.1));
                let year_after_day = w.get(i + 2).and_then(|x| year_number(x.1));
                let year_after_month = w.get(i + 1).and_then(|x| year_number(x.1));
                match (day, year_after_day, year_after_month) {
                    (Some(d), Some(y), _) => {
                        if let Some(v) = DateValue::ymd(y, m, d) {
                            out.push(mk(3, v, Anchor::Absolute));
                            i += 3;
                            continue;
                        }
                    }
                    (Some(d), None, _) => {
                        if let Some(v) = published.and_then(|p| past_biased_day(p, m, d)) {
                            out.push(mk(2, v, Anchor::Published));
                            i += 2;
                            continue;
                        }
                    }
                    (None, _, Some(y)) => {
                        if let Some(v) = DateValue::month(y, m) {
                            out.push(mk(2, v, Anchor::Absolute));
                            i += 2;
                            continue;
                        }
                    }
                    _ => {}
                }
            }
            // "In 2017", "in 2019", "since 2016".
            if let Some(y) = year_number(word) {
                let prev = i.checked_sub(1).map(|j| w[j].1.to_lowercase());
                if prev
                    .as_deref()
                    .is_some_and(|p| matches!(p, "in" | "since" | "by" | "until" | "of" | "from"))
                {
                    if let Some(v) = DateValue::year(y) {
                        out.push(mk(1, v, Anchor::Absolute));
                    }
                }
            }
            i += 1;
        }
    }
    out
}

/// The most recent `month`/`day` on or before `published` (news reports the past), or the next
/// one when it falls within the coming week of an article (a date just ahead).
fn past_biased_day(published: NaiveDate, month: u32, day: u32) -> Option<DateValue> {
    let this_year = NaiveDate::from_ymd_opt(published.year(), month, day);
    match this_year {
        Some(d) if d <= published => Some(DateValue::day(d)),
        Some(d) if (d - published).num_days() <= 7 => Some(DateValue::day(d)),
        _ => NaiveDate::from_ymd_opt(published.year() - 1, month, day).map(DateValue::day),
    }
}
