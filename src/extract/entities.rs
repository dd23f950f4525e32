//! A first entity finder: runs of capitalised words in a sentence, with titles and possessives
//! taken off, sentence-initial function words dropped, and a kind voted from the assets (given
//! names, places, organisation cue words, nationalities). Linking across mentions is the
//! model's job.

use crate::assets::{Assets, CuePosition};
use crate::text::Span;

use super::{Kind, KindVotes, Mention};

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    start: usize,
    text: &'a str,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '.' | '-' | '&')
}

/// Words of a sentence with their offsets in `body`; trailing periods and quotes are not part
/// of a word unless it is a dotted abbreviation ("U.S.").
fn tokens(body: &str, span: Span) -> Vec<Token<'_>> {
    let s = span.of(body);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (start, is_word_char(c) && i < s.len()) {
            (None, true) => start = Some(i),
            (Some(st), false) => {
                let mut w = &s[st..i];
                let dotted = w.len() > 2 && w.matches('.').count() >= 2;
                if !dotted {
                    w = w.trim_end_matches(['.', '-', '&']);
                }
                w = w.trim_start_matches(['\'', '’', '-', '.', '&']);
                if !w.is_empty() {
                    let lead = s[st..i].find(w).unwrap_or(0);
                    out.push(Token {
                        start: span.start + st + lead,
                        text: w,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// "Bezos'", "Bezos’s", "Trump's" → the name without the possessive.
fn strip_possessive(w: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(x) = w.strip_suffix(suffix) {
            return x;
        }
    }
    if (w.ends_with("s'") || w.ends_with("s’")) && w.chars().count() > 2 {
        return &w[..w.len() - w.chars().last().map_or(0, char::len_utf8)];
    }
    w.trim_end_matches(['\'', '’'])
}

const JOINERS: [&str; 4] = ["of", "for", "de", "van"];

/// Finds the entity mentions of one article.
pub fn find(body: &str, sentences: &[Span], assets: &Assets) -> Vec<Mention> {
    let mut out = Vec::new();
    for (si, &sentence) in sentences.iter().enumerate() {
        let toks = tokens(body, sentence);
        let mut i = 0;
        while i < toks.len() {
            if !is_capitalised(toks[i].text) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() {
                let t = toks[j].text;
                let prev_possessive = strip_possessive(toks[j - 1].text) != toks[j - 1].text;
                if prev_possessive {
                    break;
                }
                if is_capitalised(t) {
                    j += 1;
                } else if JOINERS.contains(&t)
                    && toks.get(j + 1).is_some_and(|n| is_capitalised(n.text))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            if let Some(m) = mention_from_run(body, &toks[i..j], i == 0, si, assets) {
                out.push(m);
            }
            i = j;
        }
    }
    out
}

fn mention_from_run(
    body: &str,
    run: &[Token<'_>],
    sentence_initial: bool,
    sentence: usize,
    assets: &Assets,
) -> Option<Mention> {
    let mut run = run;
    let mut title = None;
    // Sentence-initial function words ("Both", "However") are not part of a name.
    if sentence_initial {
        let lower = strip_possessive(run[0].text).to_lowercase();
        if assets.stopwords.contains(&lower)
            || (run.len() == 1 && assets.common_words.contains(&lower))
        {
            run = &run[1..];
        }
    }
    // Titles before the name: "President-elect", "then-President", "Vice President".
    loop {
        if run.is_empty() {
            return None;
        }
        let first = run[0].text.to_lowercase();
        let bare = ["then-", "ex-", "former-"]
            .iter()
            .find_map(|p| first.strip_prefix(p))
            .unwrap_or(&first);
        let two = run
            .get(1)
            .map(|t| format!("{bare} {}", t.text.to_lowercase()));
        if let Some(two) = two.filter(|t| assets.titles.contains_key(t)) {
            title = Some(two);
            run = &run[2..];
        } else if assets.titles.contains_key(bare) && run.len() > 1 {
            title = Some(bare.to_string());
            run = &run[1..];
        } else {
            break;
        }
    }
    // Joiners may not end a name.
    while run.last().is_some_and(|t| JOINERS.contains(&t.text)) {
        run = &run[..run.len() - 1];
    }
    let last = run.last()?;
    let last_text = strip_possessive(last.text);
    let start = run[0].start;
    let end = last.start + last_text.len();
    if end <= start {
        return None;
    }
    let span = Span::new(start, end);
    let name = span
        .of(body)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let lower = name.to_lowercase();
    if run.iter().all(|t| {
        assets
            .stopwords
            .contains(&strip_possessive(t.text).to_lowercase())
    }) {
        return None;
    }
    let mut votes = KindVotes::default();
    let first_lower = run[0].text.to_lowercase();
    if run.len() >= 2 && assets.given_names.contains(&first_lower) {
        votes.add(Kind::Person, 1.0);
    }
    if title.is_some() {
        votes.add(Kind::Person, 1.0);
    }
    if assets.places.contains_key(&lower) || assets.regions.contains_key(&lower) {
        votes.add(Kind::Place, 1.2);
    }
    if let Some(cue) = assets.org_cues.get(&last_text.to_lowercase()) {
        let w = if cue.position == CuePosition::Media {
            0.8
        } else {
            1.5
        };
        votes.add(Kind::Org, w);
    }
    if assets.nationalities.contains_key(&lower) {
        votes.add(Kind::Other, 1.5);
    }
    if name.len() >= 2
        && name
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&')
    {
        votes.add(Kind::Org, 0.5);
    }
    Some(Mention {
        span,
        name,
        votes,
        title,
        role: None,
        sentence,
    })
}
