//! Neutralises what must never reach a terminal raw: C0 and C1 control characters (and so every
//! escape sequence, which starts with one), DEL, and bidi overrides, embeddings, isolates and
//! marks. Each is replaced by a character of the same UTF-8 length, so byte offsets computed on
//! the sanitised text are valid in the original too: a one-byte control becomes a space, a
//! two-byte C1 control becomes `·`, a three-byte bidi control becomes U+FFFD.

use std::borrow::Cow;

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` must be replaced before display. Newlines are kept (they structure text);
/// callers that display a single line replace them too via [`sanitize_line`].
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_control(c)
}

/// Same-length replacement of every unsafe character; `\n` is kept.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(replacement).collect())
}

/// Like [`sanitize`], for text shown on one line: newlines become spaces too.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) || c == '\n') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if c == '\n' { ' ' } else { replacement(c) })
            .collect(),
    )
}

fn replacement(c: char) -> char {
    if !is_unsafe(c) {
        return c;
    }
    match c.len_utf8() {
        1 => ' ',
        2 => '·',
        _ => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_are_neutralised_with_the_same_length() {
        let hostile = "a\u{1b}[31mred\u{7}\u{9b}2J\u{202E}evil\u{2066}\r\nnext";
        let clean = sanitize(hostile);
        assert_eq!(clean.len(), hostile.len());
        assert!(!clean.chars().any(is_unsafe));
        assert!(clean.contains("\nnext"));
        assert!(!sanitize_line(hostile).contains('\n'));
        assert!(matches!(sanitize("plain “text”"), Cow::Borrowed(_)));
    }
}
