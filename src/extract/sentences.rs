//! Sentence segmentation with byte spans. Paragraph and line breaks always end a sentence;
//! inside a paragraph a sentence ends at `.`, `!` or `?` (after any closing quotes or brackets)
//! followed by space and a capital, digit or opening quote, unless the period belongs to an
//! abbreviation ("Mr.", "Gov.", "Sept."), an initial ("J. K."), or a dotted abbreviation
//! ("U.S.", "D.C.") that the next word shows to be mid-sentence.

use crate::text::Span;

/// Abbreviations whose period does not end a sentence (compared without the period,
/// case-insensitively).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "gov", "sen", "rep", "reps", "lt",
    "col", "sgt", "capt", "cmdr", "adm", "maj", "rev", "hon", "pres", "supt", "det", "insp", "inc",
    "corp", "ltd", "co", "bros", "vs", "v", "etc", "no", "nos", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "mt", "ft", "ave", "blvd", "approx", "est", "fig", "vol", "dept",
    "univ", "assn", "op", "al",
];

/// Words that start sentences and rarely follow a dotted abbreviation inside one: after "U.S."
/// one of these means the abbreviation ended the sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "If",
    "So",
    "Yet",
    "Still",
    "However",
    "Meanwhile",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
}

/// The sentences of `text`, as trimmed byte spans, in order.
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        split_line(text, line_start, line, &mut out);
        line_start += line.len() + 1;
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

fn split_line(text: &str, base: usize, line: &str, out: &mut Vec<Span>) {
    // Byte positions throughout: the terminators are ASCII or '…', so a byte that is not one
    // is passed over without decoding (a character never starts with a continuation byte).
    let bytes = line.as_bytes();
    let next_char = |at: usize| line[at..].chars().next();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = match bytes[i] {
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            _ if bytes[i..].starts_with("…".as_bytes()) => '…',
            _ => {
                i += 1;
                continue;
            }
        };
        // Extend over repeated terminators and closing quotes/brackets.
        let mut j = i + c.len_utf8();
        while let Some(x) = next_char(j).filter(|&x| matches!(x, '.' | '!' | '?') || is_closing(x))
        {
            j += x.len_utf8();
        }
        let end = j;
        // Needs whitespace, then a plausible sentence start.
        let mut k = j;
        while let Some(x) = next_char(k).filter(|x| x.is_whitespace()) {
            k += x.len_utf8();
        }
        if k > j
            && let Some(next) = next_char(k)
        {
            let next_ok = next.is_uppercase() || next.is_ascii_digit() || is_opening(next);
            if next_ok && !(c == '.' && is_abbreviation_period(line, i, &line[k..])) && c != '…' {
                push_trimmed(text, base + start, base + end, out);
                start = k;
                i = k;
                continue;
            }
        }
        i = j;
    }
    push_trimmed(text, base + start, base + line.len(), out);
}

/// Whether the period at `pos` in `line` belongs to an abbreviation that does not end the
/// sentence, given what follows.
fn is_abbreviation_period(line: &str, pos: usize, following: &str) -> bool {
    let before = &line[..pos];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || is_opening(c) || c == '—' || c == '–')
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let next_word: String = following
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    // A single capital letter: an initial ("J. K. Rowling"), unless it ends a sentence before
    // an obvious starter.
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return !SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    // Dotted abbreviations: "U.S", "D.C", "a.m", "e.g".
    if word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        let lower = word.to_lowercase();
        if lower == "e.g" || lower == "i.e" {
            return true;
        }
        return !SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        split(s).iter().map(|sp| sp.of(s)).collect()
    }

    #[test]
    fn abbreviations_initials_and_quotes() {
        let s = "U.S. President Joe Smith met Mr. Jones in Washington, D.C. on Monday. \
                 J. K. Rowling wrote it. He said the dinner \"was great.\" Then he left! \
                 She moved to the U.S. The next day she spoke.";
        assert_eq!(
            texts(s),
            vec![
                "U.S. President Joe Smith met Mr. Jones in Washington, D.C. on Monday.",
                "J. K. Rowling wrote it.",
                "He said the dinner \"was great.\"",
                "Then he left!",
                "She moved to the U.S.",
                "The next day she spoke.",
            ]
        );
    }

    #[test]
    fn curly_quotes_and_paragraphs() {
        let s = "He called it “terrific.” Others disagreed.\n\nA new paragraph’s start. And more";
        assert_eq!(
            texts(s),
            vec![
                "He called it “terrific.”",
                "Others disagreed.",
                "A new paragraph’s start.",
                "And more"
            ]
        );
    }

    #[test]
    fn lowercase_after_question_in_quote_is_one_sentence() {
        assert_eq!(
            texts("“Why not?” she asked. Fine."),
            vec!["“Why not?” she asked.", "Fine."]
        );
    }
}
