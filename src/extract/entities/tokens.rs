//! Tokens of one sentence for the entity finder: words with their byte spans, possessive
//! marks taken off, and every other non-space character as a punctuation token, because
//! commas, parentheses, colons and quotes carry the context the finder reads ("X, Ohio",
//! "(NATO)", "X: Y"). A word keeps inner hyphens and apostrophes ("Ocasio-Cortez", "O'Brien"),
//! dotted abbreviations keep their periods ("U.S.", "D.C."), and an initial or a listed
//! abbreviation keeps its period ("J.", "Mr.", "Inc."); any other period is punctuation.

use crate::assets::Assets;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    /// Byte span of the word in the body, possessive excluded.
    pub start: usize,
    pub end: usize,
    /// End including a possessive suffix (`'s`, `’s`, a bare `'` after s).
    pub full_end: usize,
    pub text: &'a str,
    pub kind: TokKind,
    pub poss: bool,
    /// A lower-case compound suffix cut off the word: "based" in "Paris-based", "backed" in
    /// "Kremlin-backed". Like a possessive, it ends a name.
    pub affix: Option<&'a str>,
    /// ASCII without a capital letter, as the tokenizer read it: neither capitalised nor in
    /// capitals, told without reading the word again (most words of any text).
    pub lower_ascii: bool,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }

    /// Capitalised like a name: an upper-case first letter, an inner capital after a
    /// lower-case start ("iPhone", "eBay"), or an Arabic article prefix before a capital
    /// ("al-Assad").
    pub fn is_cap(&self) -> bool {
        if !self.is_word() || self.lower_ascii {
            return false;
        }
        let bytes = self.text.as_bytes();
        let Some(&b0) = bytes.first() else {
            return false;
        };
        // Fast paths for plain ASCII words, most of any English text.
        if b0.is_ascii_uppercase() {
            return true;
        }
        if b0.is_ascii() && !b0.is_ascii_lowercase() {
            return false;
        }
        if b0.is_ascii_lowercase()
            && bytes
                .iter()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            return false;
        }
        let mut chars = self.text.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        if first.is_uppercase() {
            return true;
        }
        if !first.is_lowercase() {
            return false;
        }
        // French and Italian elisions before a capital: "d'Électricité", "l'Oréal".
        for pre in ["d'", "d’", "l'", "l’"] {
            if let Some(rest) = self.text.strip_prefix(pre) {
                return rest.chars().next().is_some_and(char::is_uppercase);
            }
        }
        if let Some((pre, rest)) = self.text.split_once('-') {
            return matches!(
                pre,
                "al" | "el" | "ad" | "as" | "ash" | "an" | "bin" | "ibn" | "abu"
            ) && rest.chars().next().is_some_and(char::is_uppercase);
        }
        self.text.chars().any(char::is_uppercase) && !self.text.contains(['\'', '’'])
    }

    /// Every letter upper case, at least two letters: "FTC", "U.S.", "AT&T".
    pub fn is_upper(&self) -> bool {
        self.is_word()
            && !self.lower_ascii
            && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }

    /// A single capital letter with or without its period ("J.", "X").
    pub fn is_initial(&self) -> bool {
        let t = self.text.strip_suffix('.').unwrap_or(self.text);
        let mut c = t.chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_none()
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Characters that may sit inside a word between two alphanumerics.
fn is_inner(c: char) -> bool {
    is_apostrophe(c) || matches!(c, '-' | '.' | '&' | '‑')
}

/// Abbreviations that keep their period even though no asset lists them as titles or
/// organisation suffixes.
const KEEP_PERIOD: &[&str] = &["jr", "sr", "st", "mt", "ft", "vs", "no"];

/// Compound suffixes after a name: "Paris-based", "Kremlin-backed", "Soviet-era".
const AFFIXES: &[&str] = &[
    "based",
    "born",
    "headquartered",
    "led",
    "backed",
    "owned",
    "funded",
    "run",
    "controlled",
    "linked",
    "affiliated",
    "allied",
    "aligned",
    "style",
    "era",
    "made",
    "bred",
    "raised",
    "focused",
    "related",
    "friendly",
    "inspired",
    "sponsored",
    "appointed",
    "dominated",
];

/// The tokens of `body[start..end]`, in order.
#[cfg(test)]
pub(crate) fn tokenize<'a>(
    body: &'a str,
    start: usize,
    end: usize,
    assets: &Assets,
) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    tokenize_into(body, start, end, assets, &mut out);
    out
}

/// The tokens of `body[start..end]`, in order, into `out` (cleared first).
pub(crate) fn tokenize_into<'a>(
    body: &'a str,
    start: usize,
    end: usize,
    assets: &Assets,
    out: &mut Vec<Tok<'a>>,
) {
    let s = &body[start..end];
    out.clear();
    out.reserve(s.len() / 5 + 4);
    // Each character is read once: a word's characters are passed over as it is read, and a
    // period or apostrophe it takes is skipped after it.
    let mut next = 0;
    while let Some(c) = s[next..].chars().next() {
        let i = next;
        next += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                start: start + i,
                end: start + i + c.len_utf8(),
                full_end: start + i + c.len_utf8(),
                text: &s[i..i + c.len_utf8()],
                kind: TokKind::Punct(c),
                poss: false,
                affix: None,
                lower_ascii: false,
            });
            continue;
        }
        // A word: alphanumerics, and inner characters that are followed by an alphanumeric.
        let mut j = i + c.len_utf8();
        let bytes = s.as_bytes();
        let mut caps_or_wide = !c.is_ascii() || c.is_ascii_uppercase();
        // Inner characters the checks below look for, noted as the word is read.
        let (mut apostrophe, mut hyphen) = (false, false);
        loop {
            // ASCII letters and digits, most of any English word, without decoding.
            while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                caps_or_wide |= bytes[j].is_ascii_uppercase();
                j += 1;
            }
            let rest = &s[j..];
            let mut rc = rest.chars();
            match rc.next() {
                Some(x)
                    if x.is_alphanumeric()
                        || (is_inner(x) && rc.next().is_some_and(char::is_alphanumeric)) =>
                {
                    caps_or_wide |= !x.is_ascii();
                    apostrophe |= is_apostrophe(x);
                    hyphen |= x == '-';
                    j += x.len_utf8();
                }
                _ => break,
            }
        }
        next = j;
        let mut w_end = j;
        let word = &s[i..j];
        // An initial keeps its period unless the period ends the sentence ("posted on X.").
        if s[j..].starts_with('.') {
            let last_in_sentence = s.len() == j + 1;
            let initial = word.chars().nth(1).is_none();
            if keeps_period(word, assets) && !(initial && last_in_sentence) {
                w_end = j + 1;
                next = w_end;
            }
        }
        let mut tok = Tok {
            start: start + i,
            end: start + w_end,
            full_end: start + w_end,
            text: &s[i..w_end],
            kind: TokKind::Word,
            poss: false,
            affix: None,
            lower_ascii: !caps_or_wide,
        };
        // Possessives: "Smith's", "Jones’s", and a bare apostrophe after s ("Jones'").
        let t = tok.text;
        for suf in ["'s", "’s", "'S", "’S"].iter().filter(|_| apostrophe) {
            if t.len() > suf.len() && t.ends_with(suf) {
                tok.end -= suf.len();
                tok.text = &t[..t.len() - suf.len()];
                tok.poss = true;
                break;
            }
        }
        if !tok.poss && w_end == j && (t.ends_with('s') || t.ends_with('S')) {
            let mut after = s[j..].chars();
            if let Some(a) = after.next().filter(|&a| is_apostrophe(a))
                && !after.next().is_some_and(char::is_alphanumeric)
            {
                tok.full_end += a.len_utf8();
                tok.poss = true;
                next += a.len_utf8();
            }
        }
        // "Paris-based", "Kremlin-backed": the name is the part before the suffix.
        if !tok.poss
            && hyphen
            && tok.text.len() > 4
            && tok.text.as_bytes()[1..].contains(&b'-')
            && let Some((head, suffix)) = tok.text.rsplit_once('-')
            && AFFIXES.contains(&suffix)
            && !head.is_empty()
        {
            tok.end = tok.start + head.len();
            tok.text = head;
            tok.affix = Some(suffix);
        }
        out.push(tok);
    }
}

/// Whether a word directly followed by a period keeps it: dotted abbreviations ("U.S"),
/// initials ("J"), and listed abbreviations ("Mr", "Inc", "Gov").
fn keeps_period(word: &str, assets: &Assets) -> bool {
    if word.contains('.') {
        // "U.S", "D.C", "e.g": single letters between periods.
        return word.split('.').all(|p| p.chars().count() == 1);
    }
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_uppercase) && chars.next().is_none() {
        return true;
    }
    if word.len() > 6 {
        return false;
    }
    let lower = word.to_lowercase();
    if KEEP_PERIOD.contains(&lower.as_str()) {
        return true;
    }
    let dotted = format!("{lower}.");
    assets.titles.contains_key(&dotted) || assets.org_cues.contains_key(&dotted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(String, bool)> {
        let a = crate::assets::bundled();
        tokenize(s, 0, s.len(), a)
            .into_iter()
            .map(|t| (t.text.to_string(), t.poss))
            .collect()
    }

    #[test]
    fn abbreviations_possessives_and_punctuation() {
        let w = words("Mr. O'Brien met U.S. officials in D.C. with Bezos’ and Trump's aide.");
        let texts: Vec<&str> = w.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Mr.",
                "O'Brien",
                "met",
                "U.S.",
                "officials",
                "in",
                "D.C.",
                "with",
                "Bezos",
                "and",
                "Trump",
                "aide",
                "."
            ]
        );
        assert!(w[8].1 && w[10].1 && !w[1].1);
    }

    #[test]
    fn hyphens_dashes_and_inner_capitals() {
        let s = "Ocasio-Cortez and Bezos–Trump (DOGE) at Mar-a-Lago; OpenAI's iPhone";
        let t = tokenize(s, 0, s.len(), crate::assets::bundled());
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            vec![
                "Ocasio-Cortez",
                "and",
                "Bezos",
                "–",
                "Trump",
                "(",
                "DOGE",
                ")",
                "at",
                "Mar-a-Lago",
                ";",
                "OpenAI",
                "iPhone"
            ]
        );
        assert!(t[12].is_cap() && t[6].is_upper() && !t[1].is_cap());
    }
}
