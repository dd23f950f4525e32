//! Publication dates for articles that carry none, inferred from the article's own time
//! expressions (and from values the corpus lends to some of them, see `model::dates`).
//!
//! The reasoning is a reader's: an event reported in the past tense happened before the article
//! was written, so the latest fully dated past event is a lower bound ("landed ... on July 14"
//! means the article is from July 14 or later); a dated event still to come is an upper bound.
//! A yearless past date counts once the year is known ("By October, ..." in an article whose
//! latest year is 2024). "last week", "this week", "yesterday" or a matching weekday tie the
//! article to the week after, or of, its latest dated event. The result is a window of days the
//! publication date lies in, used to resolve the article's relative expressions (only those the
//! whole window agrees on), and a display value whose precision never claims more than the
//! window supports. An article with no dated past event and no year gets nothing: no guess.
//!
//! One assumption is made and is worth stating: without anything later, an article is taken to
//! be from the year of the latest year it reports in the past tense.

use chrono::{Datelike, Duration, NaiveDate};

use crate::time::{DateValue, Precision};

use super::timex::{Expr, Raw, Shift, Tense, Unit};

/// An inferred publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inferred {
    /// What is shown: the window at the finest precision that contains it.
    pub date: DateValue,
    /// The first and last day the publication date can be, for resolving relative expressions.
    pub window: (NaiveDate, NaiveDate),
    /// The phrase the inference rests on, quoted: `"July 14"`.
    pub basis: String,
}

/// A value the corpus gives one of the article's expressions (the same fact dated by another
/// article), with a note on where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lent {
    pub value: DateValue,
    pub note: String,
}

/// Infers the publication date of an article from its expressions (`raws`, from
/// [`super::timex::scan`]); `lent[i]`, when given, is a value the corpus lends `raws[i]`.
pub fn infer(body: &str, raws: &[Raw], lent: &[Option<Lent>]) -> Option<Inferred> {
    let lent_at = |i: usize| lent.get(i).and_then(Option::as_ref);
    let quote = |i: usize| {
        let text = raws[i]
            .span
            .of(body)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        match lent_at(i) {
            Some(l) => format!("\"{text}\" ({})", l.note),
            None => format!("\"{text}\""),
        }
    };

    // Bounds from dated expressions: the past ones from below, the future ones from above.
    let mut lower: Option<(NaiveDate, usize)> = None;
    let mut upper: Option<NaiveDate> = None;
    let mut pinned: Option<(i32, usize)> = None;
    for (i, r) in raws.iter().enumerate() {
        let value = match r.expr {
            Expr::Absolute(v) => v,
            _ => match lent_at(i) {
                Some(l) => l.value,
                None => continue,
            },
        };
        // "this year's election" dated by the corpus pins the year itself.
        if let Expr::Relative {
            unit: Unit::Year,
            n,
        } = r.expr
        {
            if pinned.is_none() {
                pinned = Some((value.start.year() - n, i));
            }
            continue;
        }
        if !matches!(
            r.expr,
            Expr::Absolute(_) | Expr::MonthDay { .. } | Expr::Month { .. }
        ) {
            continue;
        }
        match r.tense {
            Tense::Past if lower.is_none_or(|(d, _)| value.start > d) => {
                lower = Some((value.start, i));
            }
            Tense::Future if upper.is_none_or(|d| value.end < d) => upper = Some(value.end),
            _ => {}
        }
    }
    if let Some((y, i)) = pinned {
        let (first, last) = (
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
        );
        // A pin that contradicts the article's own dates is a bad match: drop it.
        if lower.is_none_or(|(d, _)| d <= last) {
            if lower.is_none_or(|(d, _)| d < first) {
                lower = Some((first, i));
            }
            upper = Some(upper.map_or(last, |u| u.min(last)));
        }
    }
    let (mut low, mut low_at) = lower?;
    let year_at = low_at;
    let year = low.year();
    let upper = upper.filter(|u| *u >= low);

    // Yearless past dates, read in that year, raise the bound ("By October" after "2024").
    for (i, r) in raws.iter().enumerate() {
        if r.tense != Tense::Past || lent_at(i).is_some() {
            continue;
        }
        let d = match r.expr {
            Expr::MonthDay { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            Expr::Month {
                month,
                shift: Shift::None,
            } => NaiveDate::from_ymd_opt(year, month, 1),
            _ => None,
        };
        if let Some(d) = d.filter(|d| *d > low && upper.is_none_or(|u| *d <= u)) {
            (low, low_at) = (d, i);
        }
    }
    let low_is_day = match raws[low_at].expr {
        Expr::Absolute(v) => v.precision == Precision::Day,
        Expr::MonthDay { .. } => true,
        _ => lent_at(low_at).is_some_and(|l| l.value.precision == Precision::Day),
    };

    let (window, exact) = if low_is_day {
        tie_to_recent(raws, low, raws[low_at].sentence)
    } else {
        // Only the year is known: the rest of that year.
        let end = NaiveDate::from_ymd_opt(year, 12, 31)?.max(low);
        ((low, end), false)
    };
    let window = match upper {
        Some(u) if u < window.1 => (window.0, u.max(window.0)),
        _ => window,
    };
    let date = display(window, exact);
    let basis = if date.precision == Precision::Year && date.start.year() == year {
        quote(year_at)
    } else {
        quote(low_at)
    };
    Some(Inferred {
        date,
        window,
        basis,
    })
}

/// The publication window after the latest dated past event `d` (in sentence `at`), from the
/// recency phrase nearest to it: "yesterday" is the day after, "this week" the rest of its
/// week, "last week" the week after, a matching weekday the six days after. Without one, the
/// two weeks after (news is written soon after the events it reports). Exact when the phrase
/// is in the same sentence as the date.
fn tie_to_recent(raws: &[Raw], d: NaiveDate, at: usize) -> ((NaiveDate, NaiveDate), bool) {
    let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
    let mut best: Option<(usize, (NaiveDate, NaiveDate))> = None;
    for r in raws {
        let window = match r.expr {
            Expr::Relative {
                unit: Unit::Day,
                n: -1,
            } => (d + Duration::days(1), d + Duration::days(1)),
            Expr::Relative {
                unit: Unit::Day,
                n: 0,
            } => (d, d),
            Expr::Relative {
                unit: Unit::Week,
                n: 0,
            } => (d, monday + Duration::days(6)),
            Expr::Relative {
                unit: Unit::Week,
                n: -1,
            } => (monday + Duration::days(7), monday + Duration::days(13)),
            Expr::Weekday {
                day,
                shift: Shift::None | Shift::Last,
            } if day == d.weekday() => (d, d + Duration::days(6)),
            _ => continue,
        };
        let distance = r.sentence.abs_diff(at);
        if best.is_none_or(|(b, _)| distance < b) {
            best = Some((distance, window));
        }
    }
    match best {
        Some((distance, window)) => (window, distance == 0),
        None => ((d, d + Duration::days(13)), false),
    }
}

/// The window as a value: a day or a week when the tie was exact, otherwise the month or the
/// year that holds it, or the range itself.
fn display((first, last): (NaiveDate, NaiveDate), exact: bool) -> DateValue {
    if exact && first == last {
        return DateValue::day(first);
    }
    if exact && DateValue::week_of(first).contains(last) {
        return DateValue::week_of(first);
    }
    if (first.year(), first.month()) == (last.year(), last.month()) {
        if let Some(m) = DateValue::month(first.year(), first.month()) {
            return m;
        }
    }
    if first.year() == last.year() {
        if let Some(y) = DateValue::year(first.year()) {
            return y;
        }
    }
    DateValue::range(first, last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{sentences, timex};

    fn infer_text(text: &str) -> Option<Inferred> {
        let sents = sentences::split(text);
        let raws = timex::scan(text, &sents);
        infer(text, &raws, &vec![None; raws.len()])
    }

    #[test]
    fn latest_past_date_with_last_week() {
        let text = "The two met last week. Records show he landed on July 14, 2025, and left \
                    the following day.";
        let inf = infer_text(text).unwrap();
        assert_eq!(inf.date.value(), "2025-07");
        assert_eq!(inf.basis, "\"July 14, 2025\"");
        let d = |m, dd| NaiveDate::from_ymd_opt(2025, m, dd).unwrap();
        assert_eq!(inf.window, (d(7, 21), d(7, 27)));
    }

    #[test]
    fn same_sentence_tie_is_exact() {
        let inf =
            infer_text("On Wednesday, Dec. 18, 2024, they dined; he left yesterday.").unwrap();
        assert_eq!(inf.date.value(), "2024-12-19");
    }

    #[test]
    fn year_then_months_raise_the_bound() {
        let text = "He meddled in the 2024 election. In August, he was criticised. By October, \
                    the tone had softened.";
        let inf = infer_text(text).unwrap();
        assert_eq!(inf.date.value(), "2024");
        assert_eq!(inf.basis, "\"2024\"");
        assert_eq!(inf.window.0, NaiveDate::from_ymd_opt(2024, 10, 1).unwrap());
    }

    #[test]
    fn future_dates_bound_from_above() {
        let text = "The deal was signed on March 3, 2025. The merger will close on March 10, 2025.";
        let inf = infer_text(text).unwrap();
        let d = |m, dd| NaiveDate::from_ymd_opt(2025, m, dd).unwrap();
        assert_eq!(inf.window, (d(3, 3), d(3, 10)));
    }

    #[test]
    fn nothing_to_go_on_gives_nothing() {
        assert_eq!(
            infer_text("They met last week and will meet again on Thursday."),
            None
        );
        assert_eq!(infer_text("In August, he said so."), None);
    }
}
