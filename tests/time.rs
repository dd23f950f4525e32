//! Time expressions and publication dates: the bundled seeds, read by hand, and sentences
//! written here for each family of expression, on publication dates that fall on different
//! weekdays, at month ends, on a leap day and across a year boundary; and the words that only
//! look like dates.

use chrono::NaiveDate;
use storyline::corpus::Source;
use storyline::extract::{Anchor, sentences, timex};
use storyline::model::Model;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// (text, value) of every timex of `text` published on `published`.
fn tx(text: &str, published: &str) -> Vec<(String, String)> {
    let sents = sentences::split(text);
    timex::find(text, &sents, Some(date(published)))
        .into_iter()
        .map(|t| (t.span.of(text).to_string(), t.value.value()))
        .collect()
}

/// The value of the timex whose text is `phrase`.
fn value_of(text: &str, published: &str, phrase: &str) -> String {
    let all = tx(text, published);
    all.iter()
        .find(|(t, _)| t == phrase)
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| panic!("{phrase:?} not found in {text:?}: {all:?}"))
}

fn check(published: &str, cases: &[(&str, &str, &str)]) {
    for (text, phrase, want) in cases {
        assert_eq!(
            value_of(text, published, phrase),
            *want,
            "{phrase:?} in {text:?} published {published}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The seeds

fn seeds() -> Model {
    storyline::cli::build_model(&Source::Bundled).expect("the bundled seeds load")
}

fn seed_timexes(m: &Model, id_prefix: &str) -> Vec<(String, String, String)> {
    let a = m
        .articles
        .iter()
        .position(|a| a.id().starts_with(id_prefix))
        .unwrap();
    let id = storyline::model::ArticleId(a as u32);
    m.article_timexes(id)
        .iter()
        .map(|t| {
            let x = &t.timex;
            let anchor = match x.anchor {
                Anchor::Absolute => "absolute".to_string(),
                Anchor::Published => "published".to_string(),
                Anchor::Corpus => "corpus".to_string(),
                Anchor::Timex(i) => {
                    let at = &m.article_timexes(id)[i].timex;
                    format!("timex {}", at.span.of(m.articles[a].body()))
                }
            };
            (
                x.span.of(m.articles[a].body()).to_string(),
                x.value.value(),
                anchor,
            )
        })
        .collect()
}

fn has(got: &[(String, String, String)], text: &str, value: &str) {
    assert!(
        got.iter().any(|(t, v, _)| t == text && v == value),
        "{text:?} = {value} not in {got:?}"
    );
}

#[test]
fn seed_000_dateline_and_its_expressions() {
    let m = seeds();
    let a = m.article_by_id("000_e126f8108d4afafb").unwrap();
    let p = m.article(a).published().unwrap();
    assert_eq!(p.date.value(), "2024-12-20");
    assert!(!p.inferred);
    assert_eq!(p.basis, "dateline");
    let got = seed_timexes(&m, "000_");
    // Published on a Friday: the dinner was on the Wednesday before.
    has(&got, "Wednesday night", "2024-12-18");
    // "is set to stream ... on January 20": the next January 20.
    has(&got, "January 20", "2025-01-20");
    // "set to meet with Trump on Thursday": the coming Thursday.
    has(&got, "Thursday", "2024-12-26");
    has(&got, "2017", "2017");
    has(&got, "2019", "2019");
    has(&got, "December", "2024-12");
    let vague: Vec<_> = m
        .article_timexes(a)
        .iter()
        .map(|t| &t.timex)
        .filter(|t| t.vague)
        .map(|t| t.span.of(m.articles[a.index()].body()))
        .collect();
    assert_eq!(vague, ["recent weeks", "recent months"]);
    // "a second Trump term", "we do have": not dates.
    assert!(got.iter().all(|(t, _, _)| t != "second" && t != "we"));
}

#[test]
fn seed_003_inferred_date_and_the_following_day() {
    let m = seeds();
    let a = m.article_by_id("003_7debd8783ed00d29").unwrap();
    let p = m.article(a).published().unwrap();
    assert!(p.inferred);
    // The meeting was "last week"; the flight landed July 14 (the year from the inauguration
    // in January that another article dates).
    assert_eq!(p.date.value(), "2025-07");
    assert_eq!(p.basis, "\"July 14\"");
    let got = seed_timexes(&m, "003_");
    has(&got, "July 14", "2025-07-14");
    assert!(got.contains(&(
        "the following day".into(),
        "2025-07-15".into(),
        "timex July 14".into()
    )));
    has(&got, "last week", "2025-W29");
    has(&got, "January", "2025-01");
    has(&got, "April", "2025-04");
    has(&got, "this year", "2025");
}

#[test]
fn seeds_undated_get_consistent_inferred_dates() {
    let m = seeds();
    let published = |id: &str| {
        let a = m.article_by_id(id).unwrap();
        m.article(a).published().cloned()
    };
    // After the 2024 election, before the January inauguration: 2024, honestly no finer.
    for id in [
        "001_2ce521499c96dae8",
        "002_9f9615c6eb7a91fa",
        "004_b90516f353409529",
    ] {
        let p = published(id).unwrap_or_else(|| panic!("{id} undated"));
        assert!(p.inferred, "{id}");
        assert_eq!(p.date.value(), "2024", "{id}");
        assert!(p.basis.starts_with('"'), "{id}: {}", p.basis);
    }
    let got = seed_timexes(&m, "002_");
    has(&got, "August", "2024-08");
    has(&got, "October", "2024-10");
    has(&got, "earlier this year", "2024");
    let got = seed_timexes(&m, "001_");
    has(&got, "January 20th", "2025-01-20");
    has(&got, "July", "2024-07");
    // "this week" in 004 cannot be placed within 2024: left out, not made up.
    let got = seed_timexes(&m, "004_");
    assert!(got.iter().all(|(t, _, _)| t != "this week"), "{got:?}");
    has(&got, "this year", "2024");
}

#[test]
fn seed_export_lists_every_timex_with_span_value_precision_anchor() {
    let m = seeds();
    let json: serde_json::Value =
        serde_json::from_str(&storyline::model::to_json(&m, false)).unwrap();
    let timexes = json["timexes"].as_array().unwrap();
    assert_eq!(timexes.len(), m.timexes.len());
    for t in timexes {
        for key in [
            "article",
            "start",
            "end",
            "text",
            "value",
            "precision",
            "anchor",
        ] {
            assert!(!t[key].is_null(), "{key} missing in {t}");
        }
    }
    let art = &json["articles"][3];
    assert_eq!(art["published"]["inferred"], true);
    assert_eq!(art["published"]["basis"], "\"July 14\"");
}

// ---------------------------------------------------------------------------------------------
// Families, on a Friday (2024-12-20)

#[test]
fn full_and_partial_dates() {
    check(
        "2024-12-20",
        &[
            (
                "The filing is dated Dec 20, 2024.",
                "Dec 20, 2024",
                "2024-12-20",
            ),
            (
                "It arrived on 20 December 2024.",
                "20 December 2024",
                "2024-12-20",
            ),
            ("The log reads 2024-12-20.", "2024-12-20", "2024-12-20"),
            (
                "It was signed December 20th.",
                "December 20th",
                "2024-12-20",
            ),
            (
                "Crowds stormed the Capitol on January 6th.",
                "January 6th",
                "2024-01-06",
            ),
            (
                "The ceremony will be held on January 20.",
                "January 20",
                "2025-01-20",
            ),
            ("The ship docked on July 14.", "July 14", "2024-07-14"),
            (
                "Fans celebrated on the 4th of July.",
                "4th of July",
                "2024-07-04",
            ),
            (
                "Markets closed on Sept. 3, 2023.",
                "Sept. 3, 2023",
                "2023-09-03",
            ),
            (
                "It happened on Friday, Dec. 13, 2024.",
                "Friday, Dec. 13, 2024",
                "2024-12-13",
            ),
            ("He retired in August 2019.", "August 2019", "2019-08"),
            ("The form was due 11/05/2024.", "11/05/2024", "2024-11-05"),
        ],
    );
}

#[test]
fn months_with_past_bias_and_future_cues() {
    check(
        "2024-11-15",
        &[
            ("In August, Trump criticized him.", "August", "2024-08"),
            ("By October, his tone had softened.", "October", "2024-10"),
            ("He said so earlier in November.", "November", "2024-11"),
            ("Prices fell in late March.", "late March", "2024-03"),
            ("Talks will resume in January.", "January", "2025-01"),
            (
                "The law is set to take effect in February.",
                "February",
                "2025-02",
            ),
            ("He was hired last March.", "last March", "2024-03"),
            ("They plan to marry next June.", "next June", "2025-06"),
            ("Sales rose in mid-September.", "mid-September", "2024-09"),
        ],
    );
}

#[test]
fn years_and_decades() {
    check(
        "2024-12-20",
        &[
            ("In 2017, he criticized Amazon.", "2017", "2017"),
            ("She won the 2020 election.", "2020", "2020"),
            ("2024's biggest story was the vote.", "2024", "2024"),
            ("He has led since 2016.", "2016", "2016"),
            ("Growth slowed in early 2023.", "early 2023", "2023"),
            ("Music of the 1990s returned.", "1990s", "199"),
            ("It was a hit in the '80s.", "'80s", "198"),
            ("The feud ran from 2017 to 2019.", "2019", "2019"),
        ],
    );
}

#[test]
fn weekdays_by_tense_on_several_weekdays() {
    // Friday.
    check(
        "2024-12-20",
        &[
            (
                "They dined on Wednesday night.",
                "Wednesday night",
                "2024-12-18",
            ),
            (
                "He said on Friday that he would run.",
                "Friday",
                "2024-12-20",
            ),
            (
                "The CEO is set to meet with him on Thursday.",
                "Thursday",
                "2024-12-26",
            ),
            ("The board will meet on Monday.", "Monday", "2024-12-23"),
            ("She resigned last Friday.", "last Friday", "2024-12-13"),
            ("The vote is next Tuesday.", "next Tuesday", "2024-12-24"),
        ],
    );
    // Sunday.
    check(
        "2024-12-22",
        &[
            ("Crowds gathered on Sunday.", "Sunday", "2024-12-22"),
            ("Police arrested him on Saturday.", "Saturday", "2024-12-21"),
            ("The team will play on Saturday.", "Saturday", "2024-12-28"),
        ],
    );
    // Monday; no tense cue: the nearer one.
    check(
        "2024-12-16",
        &[
            (
                "Officials said on Friday the talks failed.",
                "Friday",
                "2024-12-13",
            ),
            ("Thursday's summit is in Rome.", "Thursday", "2024-12-19"),
        ],
    );
}

#[test]
fn relative_to_publication() {
    check(
        "2024-12-20",
        &[
            ("They met last week.", "last week", "2024-W50"),
            ("They meet this week.", "this week", "2024-W51"),
            ("Sales fell last month.", "last month", "2024-11"),
            (
                "He announced it earlier this year.",
                "earlier this year",
                "2024",
            ),
            ("The plan starts next year.", "next year", "2025"),
            ("It was a record this year.", "this year", "2024"),
            ("She left a year ago.", "a year ago", "2023"),
            ("He arrived two days ago.", "two days ago", "2024-12-18"),
            ("It happened yesterday.", "yesterday", "2024-12-19"),
            ("The vote is tomorrow.", "tomorrow", "2024-12-21"),
            ("He spoke this morning.", "this morning", "2024-12-20"),
            (
                "Shops were busy last weekend.",
                "last weekend",
                "2024-12-14/2024-12-15",
            ),
            (
                "Profits rose in the third quarter.",
                "the third quarter",
                "2024-Q3",
            ),
            (
                "Profits rose in the fourth quarter of last year.",
                "the fourth quarter of last year",
                "2023-Q4",
            ),
            ("The show opens this summer.", "this summer", "2024-SU"),
            ("The show opened last winter.", "last winter", "2023-WI"),
            ("It opens next spring.", "next spring", "2025-SP"),
        ],
    );
}

#[test]
fn tense_follows_the_clause_of_the_expression() {
    // Thursday 2024-08-15.
    check(
        "2024-08-15",
        &[
            (
                "The measure, first proposed in 2021, takes effect Jan. 1.",
                "Jan. 1",
                "2025-01-01",
            ),
            (
                "He said on Saturday that he would impose tariffs starting Feb. 1.",
                "Saturday",
                "2024-08-10",
            ),
            (
                "He said on Saturday that he would impose tariffs starting Feb. 1.",
                "Feb. 1",
                "2025-02-01",
            ),
            (
                "The ceremony will be held on January 20.",
                "January 20",
                "2025-01-20",
            ),
            (
                "The storm made landfall late Wednesday.",
                "late Wednesday",
                "2024-08-14",
            ),
            (
                "At the end of the year, the program expires.",
                "the end of the year",
                "2024",
            ),
            (
                "By the end of 2025, the plant will close.",
                "the end of 2025",
                "2025",
            ),
            (
                "Crowds gathered on the Fourth of July.",
                "the Fourth of July",
                "2024-07-04",
            ),
        ],
    );
    // Any such day is not a date.
    assert!(
        tx(
            "Christmas falls on a Wednesday. The group meets every Monday.",
            "2024-08-15"
        )
        .is_empty()
    );
}

#[test]
fn chained_to_the_date_just_mentioned() {
    check(
        "2025-07-25",
        &[
            (
                "It landed on July 14, with departure logged the following day.",
                "the following day",
                "2025-07-15",
            ),
            (
                "The talks began on March 3. Two days later, they collapsed.",
                "Two days later",
                "2025-03-05",
            ),
            (
                "He was elected in 2016. The following year he moved.",
                "The following year",
                "2017",
            ),
            (
                "She flew out on May 2 and returned the next day.",
                "the next day",
                "2025-05-03",
            ),
            (
                "The storm hit on June 10. The day before, crowds fled.",
                "The day before",
                "2025-06-09",
            ),
            (
                "The deal closed on June 10, 2020. A week later, it failed.",
                "A week later",
                "2020-06-17",
            ),
            (
                "Profit rose in the second quarter, up from $2 billion a year earlier.",
                "a year earlier",
                "2024-Q2",
            ),
        ],
    );
    // Nothing to chain to: nothing made up.
    assert!(tx("They left the following day.", "2025-07-25").is_empty());
}

#[test]
fn vague_ranges() {
    let text = "Three executives have dined with him in recent weeks, and more will follow in \
                the coming months.";
    let sents = sentences::split(text);
    let got = timex::find(text, &sents, Some(date("2024-12-20")));
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|t| t.vague));
    assert_eq!(got[0].value.value(), "2024-11-22/2024-12-20");
    assert_eq!(got[1].value.start, date("2024-12-20"));
}

// ---------------------------------------------------------------------------------------------
// Month ends, leap days, year boundaries

#[test]
fn leap_day_publication() {
    // Thursday 2024-02-29.
    check(
        "2024-02-29",
        &[
            ("It was revealed a year ago.", "a year ago", "2023"),
            ("He quit yesterday.", "yesterday", "2024-02-28"),
            ("Results come tomorrow.", "tomorrow", "2024-03-01"),
            ("Rates rise next month.", "next month", "2024-03"),
            ("Rates rose last month.", "last month", "2024-01"),
            ("They met on Monday.", "Monday", "2024-02-26"),
            ("They met last week.", "last week", "2024-W08"),
            ("It was born on February 29.", "February 29", "2024-02-29"),
        ],
    );
    // A leap day mentioned in a year without one: the last one there was.
    check(
        "2025-03-01",
        &[("It was born on February 29.", "February 29", "2024-02-29")],
    );
}

#[test]
fn month_end_publication() {
    // Wednesday 2024-01-31.
    check(
        "2024-01-31",
        &[
            ("Sales fell last month.", "last month", "2023-12"),
            ("Sales rise next month.", "next month", "2024-02"),
            ("The deal was signed in December.", "December", "2023-12"),
            (
                "The deal was signed on December 31.",
                "December 31",
                "2023-12-31",
            ),
            (
                "The fair opens this weekend.",
                "this weekend",
                "2024-02-03/2024-02-04",
            ),
        ],
    );
}

#[test]
fn year_boundary_publication() {
    // Thursday 2025-01-02, ISO week 2025-W01 (which starts on Monday 2024-12-30).
    check(
        "2025-01-02",
        &[
            ("In December, the board said no.", "December", "2024-12"),
            ("It was a bad year, last year.", "last year", "2024"),
            ("They spoke on Monday.", "Monday", "2024-12-30"),
            ("They spoke last week.", "last week", "2024-W52"),
            ("They meet next week.", "next week", "2025-W02"),
            (
                "The ship docked on December 28.",
                "December 28",
                "2024-12-28",
            ),
            (
                "The law takes effect on January 15.",
                "January 15",
                "2025-01-15",
            ),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// False friends and missing anchors

#[test]
fn words_that_only_look_like_dates() {
    for text in [
        "We may see more of this.",
        "May I ask a question?",
        "Thousands joined the march on Washington.",
        "The Women's March drew crowds.",
        "They will March on the capital.",
        "Wait a second, he said.",
        "He won a second term.",
        "Now is the time.",
        "There were 2024 votes cast.",
        "The bid was $2024.",
        "The man, aged 45, was arrested.",
        "He is 45 years old.",
        "The Independent reports that talks stalled.",
        "He flew to Mar-a-Lago.",
        "She sat down with him.",
        "He read the Sun every day.",
        "He writes for the Sunday Times.",
        "The fall of the regime was swift.",
        "A spring in his step.",
        "The day after the election was calm.",
        "It cost 2,024 dollars.",
        "The meeting is at 10:30.",
        "Room 2024 was empty.",
        "May 5 people join?",
        "He recently said it again.",
        "The Airbus A320 landed.",
    ] {
        assert!(
            tx(text, "2024-12-20").is_empty(),
            "{text:?}: {:?}",
            tx(text, "2024-12-20")
        );
    }
}

#[test]
fn without_a_publication_date_only_what_the_text_fixes() {
    let text = "On July 14, 2025, it landed, and it left the following day. They met last week, \
                on Wednesday, and again in August.";
    let sents = sentences::split(text);
    let got: Vec<(String, String)> = timex::find(text, &sents, None)
        .into_iter()
        .map(|t| (t.span.of(text).to_string(), t.value.value()))
        .collect();
    assert_eq!(
        got,
        [
            ("July 14, 2025".to_string(), "2025-07-14".to_string()),
            ("the following day".to_string(), "2025-07-15".to_string()),
        ]
    );
}

#[test]
fn spans_are_char_boundaries_in_curly_text() {
    let text = "“In August,” she said — “and again on Wednesday night’s call, the 2024’s race.”";
    let sents = sentences::split(text);
    for t in timex::find(text, &sents, Some(date("2024-12-20"))) {
        assert!(text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end()));
        let said = t.span.of(text);
        assert!(!said.is_empty() && said.trim() == said, "{said:?}");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(s in "\\PC{0,200}", day in 0i64..40000) {
            let p = date("1950-01-01") + chrono::Duration::days(day);
            let sents = sentences::split(&s);
            for t in timex::find(&s, &sents, Some(p)) {
                prop_assert!(s.is_char_boundary(t.span.start()) && s.is_char_boundary(t.span.end()));
                prop_assert!(t.value.start <= t.value.end);
            }
        }

        #[test]
        fn date_like_soup_never_panics(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("May"), Just("March"), Just("the"), Just("last"), Just("next"),
                    Just("following"), Just("day"), Just("2024"), Just("29"), Just("February"),
                    Just("'"), Just("s"), Just("-"), Just("/"), Just("12"), Just("Q"), Just("4"),
                    Just("early"), Just("mid"), Just("ago"), Just("two"), Just("weeks"),
                    Just("Wednesday"), Just(","), Just("."), Just("summer"), Just("of"),
                    Just("’"), Just("90"), Just("that"), Just("same"), Just("recent"),
                ],
                0..30,
            ),
            day in 0i64..40000,
        ) {
            let s = words.join(" ");
            let glued = words.concat();
            let p = date("1950-01-01") + chrono::Duration::days(day);
            for text in [&s, &glued] {
                let sents = sentences::split(text);
                let _ = timex::find(text, &sents, Some(p));
                let _ = timex::find(text, &sents, None);
            }
        }
    }
}
