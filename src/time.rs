//! Date values with a precision, shared by the corpus (publication dates from metadata and
//! datelines) and the extractor (time expressions). A value is always a span of days plus the
//! precision it was stated with, so "December 2024" is 2024-12-01..2024-12-31 at month precision
//! and prints as `2024-12`. Nothing here reads the wall clock.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

/// How precisely a date was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    /// An explicit or vague range of days ("in recent weeks", "2017-2019").
    Range,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Range => "range",
        }
    }
}

/// A span of days, first and last inclusive, with the precision it was stated with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

impl DateValue {
    pub fn day(d: NaiveDate) -> Self {
        DateValue {
            start: d,
            end: d,
            precision: Precision::Day,
        }
    }

    pub fn ymd(y: i32, m: u32, d: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(y, m, d).map(Self::day)
    }

    pub fn month(y: i32, m: u32) -> Option<Self> {
        let start = NaiveDate::from_ymd_opt(y, m, 1)?;
        let end = last_day_of_month(y, m)?;
        Some(DateValue {
            start,
            end,
            precision: Precision::Month,
        })
    }

    pub fn year(y: i32) -> Option<Self> {
        Some(DateValue {
            start: NaiveDate::from_ymd_opt(y, 1, 1)?,
            end: NaiveDate::from_ymd_opt(y, 12, 31)?,
            precision: Precision::Year,
        })
    }

    /// The ISO week containing `d` (Monday to Sunday).
    pub fn week_of(d: NaiveDate) -> Self {
        let start = d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64);
        DateValue {
            start,
            end: start + chrono::Duration::days(6),
            precision: Precision::Week,
        }
    }

    pub fn quarter(y: i32, q: u32) -> Option<Self> {
        if !(1..=4).contains(&q) {
            return None;
        }
        let start = NaiveDate::from_ymd_opt(y, 3 * q - 2, 1)?;
        let end = last_day_of_month(y, 3 * q)?;
        Some(DateValue {
            start,
            end,
            precision: Precision::Quarter,
        })
    }

    /// A meteorological season: spring is March to May, summer June to August, fall September
    /// to November, and the winter of `y` runs from December of `y` to February of `y + 1`
    /// (so it prints as `y-WI`).
    pub fn season(y: i32, season: Season) -> Option<Self> {
        let (first, last) = match season {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Fall => (9, 11),
            Season::Winter => (12, 14),
        };
        let start = NaiveDate::from_ymd_opt(y, first, 1)?;
        let end = if last > 12 {
            last_day_of_month(y + 1, last - 12)?
        } else {
            last_day_of_month(y, last)?
        };
        Some(DateValue {
            start,
            end,
            precision: Precision::Season,
        })
    }

    /// The Saturday and Sunday of the ISO week containing `d`, as a two-day range.
    pub fn weekend_of(d: NaiveDate) -> Self {
        let monday = d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64);
        DateValue::range(
            monday + chrono::Duration::days(5),
            monday + chrono::Duration::days(6),
        )
    }

    pub fn decade(first_year: i32) -> Option<Self> {
        let y = first_year - first_year.rem_euclid(10);
        Some(DateValue {
            start: NaiveDate::from_ymd_opt(y, 1, 1)?,
            end: NaiveDate::from_ymd_opt(y + 9, 12, 31)?,
            precision: Precision::Decade,
        })
    }

    pub fn range(start: NaiveDate, end: NaiveDate) -> Self {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        DateValue {
            start,
            end,
            precision: Precision::Range,
        }
    }

    /// The ISO 8601 / TIMEX3 form: `2024-12-18`, `2024-W51`, `2024-12`, `2024-Q3`, `2024-SU`,
    /// `2024`, `201` (the 2010s), or `start/end` for a range.
    pub fn value(&self) -> String {
        self.text().as_str().to_string()
    }

    /// [`DateValue::value`] without allocating.
    pub fn text(&self) -> DateText {
        use std::fmt::Write as _;
        let s = self.start;
        let mut t = DateText::default();
        let written = match self.precision {
            Precision::Day => {
                t.push_ymd(s);
                Ok(())
            }
            Precision::Week => {
                let w = s.iso_week();
                write!(t, "{:04}-W{:02}", w.year(), w.week())
            }
            Precision::Month => {
                t.push_year(s.year());
                t.push_byte(b'-');
                t.push_two(s.month());
                Ok(())
            }
            Precision::Quarter => write!(t, "{:04}-Q{}", s.year(), (s.month() - 1) / 3 + 1),
            Precision::Season => {
                let code = match s.month() {
                    3..=5 => "SP",
                    6..=8 => "SU",
                    9..=11 => "FA",
                    _ => "WI",
                };
                write!(t, "{:04}-{code}", s.year())
            }
            Precision::Year => write!(t, "{:04}", s.year()),
            Precision::Decade => write!(t, "{:03}", s.year().div_euclid(10)),
            Precision::Range => {
                t.push_ymd(s);
                t.push_byte(b'/');
                t.push_ymd(self.end);
                Ok(())
            }
        };
        written.expect("every form fits in DateText");
        t
    }

    /// Whether `d` lies within this span.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
}

/// A date's text, formatted on the stack: [`DateValue::text`] and [`iso_day`]. Serialises as a
/// string.
#[derive(Clone, Copy)]
pub struct DateText {
    len: usize,
    buf: [u8; DateText::CAP],
}

impl DateText {
    /// Room for the longest form, a range of two six-digit signed years (29 bytes).
    const CAP: usize = 32;

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).expect("dates are ASCII")
    }

    fn push_byte(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }

    /// Two digits, zero-padded (`n` < 100).
    fn push_two(&mut self, n: u32) {
        self.push_byte(b'0' + (n / 10) as u8);
        self.push_byte(b'0' + (n % 10) as u8);
    }

    /// `y` as chrono's `%Y` prints it: four digits, zero-padded, for 0 to 9999; otherwise a
    /// sign and at least four digits (`-0044`, `+10000`).
    fn push_year(&mut self, y: i32) {
        if !(0..=9999).contains(&y) {
            self.push_byte(if y < 0 { b'-' } else { b'+' });
        }
        let mut digits = [0u8; 10];
        let mut n = y.unsigned_abs();
        let mut i = digits.len();
        while n > 0 || digits.len() - i < 4 {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        for &d in &digits[i..] {
            self.push_byte(d);
        }
    }

    /// `d` as chrono's `%Y-%m-%d` prints it.
    fn push_ymd(&mut self, d: NaiveDate) {
        self.push_year(d.year());
        self.push_byte(b'-');
        self.push_two(d.month());
        self.push_byte(b'-');
        self.push_two(d.day());
    }
}

impl Default for DateText {
    fn default() -> Self {
        DateText {
            len: 0,
            buf: [0; DateText::CAP],
        }
    }
}

impl std::fmt::Write for DateText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        self.buf
            .get_mut(self.len..end)
            .ok_or(std::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl std::fmt::Debug for DateText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for DateText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DateText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// `d` as `2024-12-18`: chrono's `%Y-%m-%d`, without allocating.
pub fn iso_day(d: NaiveDate) -> DateText {
    let mut t = DateText::default();
    t.push_ymd(d);
    t
}

/// A season of the year, for [`DateValue::season`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// The season of an English season word ("autumn" and "fall" are one).
    pub fn from_name(word: &str) -> Option<Season> {
        let w = word.as_bytes();
        let is = |name: &str| w.eq_ignore_ascii_case(name.as_bytes());
        if is("spring") {
            Some(Season::Spring)
        } else if is("summer") {
            Some(Season::Summer)
        } else if is("fall") || is("autumn") {
            Some(Season::Fall)
        } else if is("winter") {
            Some(Season::Winter)
        } else {
            None
        }
    }

    /// The season a day falls in, with the year the season is named by (a January day is in
    /// the winter of the year before).
    pub fn of(d: NaiveDate) -> (i32, Season) {
        match d.month() {
            3..=5 => (d.year(), Season::Spring),
            6..=8 => (d.year(), Season::Summer),
            9..=11 => (d.year(), Season::Fall),
            12 => (d.year(), Season::Winter),
            _ => (d.year() - 1, Season::Winter),
        }
    }
}

/// `d` moved by `n` months, the day clamped to the end of the target month (Jan 31 + 1 month is
/// Feb 28 or 29). `None` only outside chrono's range.
pub fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    let total = d.year() * 12 + d.month0() as i32 + n;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let last = last_day_of_month(y, m)?;
    NaiveDate::from_ymd_opt(y, m, d.day().min(last.day()))
}

pub fn last_day_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).map(|d| d - chrono::Duration::days(1))
}

/// English month and weekday names, full and in their usual short forms: the words every
/// date finder starts from.
pub const CALENDAR_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "weds",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// The month number of an English month name or its usual abbreviation ("Sept", "Dec.").
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    for (i, name) in CALENDAR_WORDS[..12].iter().enumerate() {
        if w == *name || (w.len() >= 3 && name.starts_with(&w) && (w.len() == 3 || w == "sept")) {
            return Some(i as u32 + 1);
        }
    }
    None
}

/// The weekdays by their full English names, Monday first.
pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// The weekday of an English weekday name or abbreviation.
pub fn weekday_from_name(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    // Full names, three-letter forms, and the usual longer ones ("Tues", "Weds", "Thurs").
    WEEKDAYS
        .iter()
        .find(|(name, _)| {
            w == *name
                || (w.len() >= 3 && name.starts_with(&w) && w.len() <= 5)
                || (w == "weds" && *name == "wednesday")
        })
        .map(|&(_, d)| d)
}

/// Parses a date as metadata and datelines give it: `2024-12-20`, `2024-12-20T11:54:00Z`,
/// `2024/12/20`, `Dec 20, 2024`, `December 20th, 2024`, `20 December 2024`, `2024-12`, `2024`,
/// the month-name forms optionally after a weekday (`Tuesday, 14 October 2025`), and optionally
/// followed by a clock time and zone (`11:54 AM EST`), which is ignored.
/// Returns `None` when `s` is anything more than a date.
pub fn parse_date(s: &str) -> Option<DateValue> {
    let s = s.trim().trim_matches(|c| c == '"' || c == '\'');
    if s.is_empty() {
        return None;
    }
    // ISO forms first.
    let iso_head: String = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '/')
        .collect();
    if !iso_head.is_empty() {
        let rest = &s[iso_head.len()..];
        let rest_ok = rest.is_empty()
            || rest.starts_with('T')
            || rest.starts_with(' ') && is_clock_tail(rest.trim());
        if rest_ok {
            let parts: Vec<&str> = iso_head.split(['-', '/']).collect();
            let nums: Option<Vec<i64>> = parts.iter().map(|p| p.parse::<i64>().ok()).collect();
            if let Some(n) = nums {
                match (n.as_slice(), parts.first().map(|p| p.len())) {
                    ([y, m, d], Some(4)) => return DateValue::ymd(*y as i32, *m as u32, *d as u32),
                    ([y, m], Some(4)) => return DateValue::month(*y as i32, *m as u32),
                    ([y], Some(4)) if (1000..=2999).contains(y) => {
                        return DateValue::year(*y as i32);
                    }
                    _ => {}
                }
            }
        }
    }
    // Month-name forms.
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // A weekday before the date: "Tuesday, 14 October 2025".
    let skip = usize::from(words.len() > 1 && weekday_from_name(words[0]).is_some());
    let (date, used) = parse_month_name_date(&words[skip..])?;
    let tail = words[skip + used..].join(" ");
    if tail.is_empty() || is_clock_tail(&tail) {
        Some(date)
    } else {
        None
    }
}

/// `Dec 20 2024`, `December 20th 2024`, `20 December 2024`, `December 2024` (words already split
/// on spaces and commas). Returns the date and how many words it used.
fn parse_month_name_date(words: &[&str]) -> Option<(DateValue, usize)> {
    let num = |w: &str| -> Option<u32> {
        let t = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        if t.is_empty() || t.len() > 2 || !w[t.len()..].chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let suffix = &w[t.len()..];
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        t.parse().ok()
    };
    let year = |w: &str| -> Option<i32> {
        (w.len() == 4)
            .then(|| w.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1000..=2999).contains(y))
    };
    match words {
        [m, d, y, ..] if month_number(m).is_some() && num(d).is_some() && year(y).is_some() => {
            Some((DateValue::ymd(year(y)?, month_number(m)?, num(d)?)?, 3))
        }
        [d, m, y, ..] if num(d).is_some() && month_number(m).is_some() && year(y).is_some() => {
            Some((DateValue::ymd(year(y)?, month_number(m)?, num(d)?)?, 3))
        }
        [m, y, ..] if month_number(m).is_some() && year(y).is_some() => {
            Some((DateValue::month(year(y)?, month_number(m)?)?, 2))
        }
        _ => None,
    }
}

/// `11:54 AM EST`, `11:54`, `9 a.m. ET`, `(updated)`: what may follow a dateline's date.
fn is_clock_tail(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else {
        return true;
    };
    let clock = first
        .split(':')
        .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
        && first.contains(':');
    if !clock {
        return false;
    }
    words.all(|w| {
        let w = w.trim_matches(|c| c == '(' || c == ')');
        matches!(
            w.to_ascii_lowercase().as_str(),
            "am" | "pm" | "a.m." | "p.m."
        ) || (w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase()))
            || w.starts_with(['+', '-'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_in_iso_forms() {
        let d = NaiveDate::from_ymd_opt(2024, 12, 18).unwrap();
        assert_eq!(DateValue::day(d).value(), "2024-12-18");
        assert_eq!(DateValue::week_of(d).value(), "2024-W51");
        assert_eq!(
            DateValue::month(2024, 2).unwrap().end,
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        assert_eq!(DateValue::quarter(2024, 3).unwrap().value(), "2024-Q3");
        assert_eq!(DateValue::decade(2017).unwrap().value(), "201");
        assert_eq!(DateValue::year(2017).unwrap().value(), "2017");
    }

    /// `value()` as it was written with chrono's strftime, before it was formatted by hand.
    fn value_by_chrono(v: &DateValue) -> String {
        let s = v.start;
        match v.precision {
            Precision::Day => s.format("%Y-%m-%d").to_string(),
            Precision::Month => s.format("%Y-%m").to_string(),
            Precision::Range => format!("{}/{}", s.format("%Y-%m-%d"), v.end.format("%Y-%m-%d")),
            _ => unreachable!("only the strftime forms were replaced"),
        }
    }

    #[test]
    fn hand_formatted_dates_match_chrono() {
        let check = |d: NaiveDate| {
            assert_eq!(iso_day(d).as_str(), d.format("%Y-%m-%d").to_string());
            let day = DateValue::day(d);
            assert_eq!(day.value(), value_by_chrono(&day));
            let month = DateValue {
                precision: Precision::Month,
                ..day
            };
            assert_eq!(month.value(), value_by_chrono(&month));
            let other = d.with_year(2024 - d.year()).unwrap_or(d);
            let range = DateValue::range(d, other);
            assert_eq!(range.value(), value_by_chrono(&range));
        };
        // Every day around the edges of four-digit years, and two days of every year chrono
        // can represent (its range is about ±262,000 years).
        for y in [
            -10_001, -1_000, -1, 0, 1, 999, 1_000, 9_999, 10_000, 99_999, 100_000,
        ] {
            let first = NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
            for d in first.iter_days().take(366) {
                check(d);
            }
        }
        for y in NaiveDate::MIN.year()..=NaiveDate::MAX.year() {
            for (m, d) in [(1, 1), (12, 31)] {
                if let Some(d) = NaiveDate::from_ymd_opt(y, m, d) {
                    check(d);
                }
            }
        }
        check(NaiveDate::MIN);
        check(NaiveDate::MAX);
    }

    #[test]
    fn parses_metadata_and_dateline_dates() {
        let day = |y, m, d| DateValue::ymd(y, m, d);
        assert_eq!(parse_date("Dec 20, 2024 11:54 AM EST"), day(2024, 12, 20));
        assert_eq!(parse_date("2024-12-20"), day(2024, 12, 20));
        assert_eq!(parse_date("2024-12-20T11:54:00Z"), day(2024, 12, 20));
        assert_eq!(parse_date("20 December 2024"), day(2024, 12, 20));
        assert_eq!(parse_date("December 20th, 2024"), day(2024, 12, 20));
        assert_eq!(parse_date("Sept. 3, 2023"), day(2023, 9, 3));
        assert_eq!(parse_date("2024-12"), DateValue::month(2024, 12));
        assert_eq!(parse_date("December 2024"), DateValue::month(2024, 12));
        assert_eq!(parse_date("Elon Musk and Jeff Bezos joined"), None);
        assert_eq!(parse_date("May 5 people were hurt"), None);
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("Tuesday 14 October 2025"), day(2025, 10, 14));
        assert_eq!(
            parse_date("Tue., Oct. 14, 2025 9:30 AM ET"),
            day(2025, 10, 14)
        );
        assert_eq!(parse_date("Tuesday"), None);
        assert_eq!(parse_date("Monday May 5 people were hurt"), None);
    }

    #[test]
    fn month_and_weekday_names() {
        assert_eq!(month_number("Dec"), Some(12));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(weekday_from_name("Wed"), Some(Weekday::Wed));
        assert_eq!(weekday_from_name("Thurs"), Some(Weekday::Thu));
        assert_eq!(weekday_from_name("Weds"), Some(Weekday::Wed));
        assert_eq!(weekday_from_name("We"), None);
    }

    #[test]
    fn seasons_weekends_and_month_arithmetic() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let w = DateValue::season(2024, Season::Winter).unwrap();
        assert_eq!((w.start, w.end), (d(2024, 12, 1), d(2025, 2, 28)));
        assert_eq!(w.value(), "2024-WI");
        assert_eq!(
            DateValue::season(2024, Season::Summer).unwrap().value(),
            "2024-SU"
        );
        assert_eq!(Season::of(d(2025, 1, 15)), (2024, Season::Winter));
        assert_eq!(Season::from_name("Autumn"), Some(Season::Fall));
        let we = DateValue::weekend_of(d(2024, 12, 18));
        assert_eq!((we.start, we.end), (d(2024, 12, 21), d(2024, 12, 22)));
        assert_eq!(add_months(d(2024, 1, 31), 1), Some(d(2024, 2, 29)));
        assert_eq!(add_months(d(2024, 2, 29), 12), Some(d(2025, 2, 28)));
        assert_eq!(add_months(d(2025, 1, 15), -1), Some(d(2024, 12, 15)));
    }
}
