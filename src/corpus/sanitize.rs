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

/// Whether `s` has an unsafe character (or, unless `keep_newline`, a newline), read byte by
/// byte: every unsafe character is a byte below 0x20, DEL, or starts with one of three lead
/// bytes (C1 controls with 0xC2, U+061C with 0xD8, the other bidi controls with 0xE2), and a
/// lead byte is never inside another character. Most text has none of them, and this is what
/// most text costs: a stretch of printable ASCII is passed over 32 bytes at a time.
fn has_unsafe(s: &str, keep_newline: bool) -> bool {
    let b = s.as_bytes();
    let plain = |x: u8| (0x20..0x7F).contains(&x) || (keep_newline && x == b'\n');
    let unsafe_at = |i: usize| match b[i] {
        b'\n' => !keep_newline,
        0..0x20 | 0x7F => true,
        0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
        0xD8 => b.get(i + 1) == Some(&0x9C),
        0xE2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x8E | 0x8F | 0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    };
    const CHUNK: usize = 32;
    b.chunks(CHUNK).enumerate().any(|(k, c)| {
        // `fold`, not `all`: no early exit, so the check is vectorised.
        !c.iter().fold(true, |all, &x| all & plain(x))
            && (k * CHUNK..k * CHUNK + c.len()).any(unsafe_at)
    })
}

/// Same-length replacement of every unsafe character; `\n` is kept.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !has_unsafe(s, true) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(replacement).collect())
}

/// Like [`sanitize`], for text shown on one line: newlines become spaces too.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    if !has_unsafe(s, false) {
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

    #[test]
    fn the_byte_scan_finds_exactly_the_unsafe_characters() {
        // Every character up to U+2FFF (all the unsafe ones are below U+2070) and a sample
        // above, alone, between others, and across the scan's 32-byte steps, against the
        // definition by character.
        let chars = (0..0x3000).chain((0x3000..=0x10FFFF).step_by(61));
        for c in chars.filter_map(char::from_u32) {
            let long = format!("{}{c}{}", "x".repeat(31), "y".repeat(40));
            for s in [c.to_string(), format!("“{c}é"), long] {
                let want = s.chars().any(is_unsafe);
                assert_eq!(has_unsafe(&s, true), want, "{c:?}");
                assert_eq!(has_unsafe(&s, false), want || c == '\n', "{c:?}");
            }
        }
    }
}
