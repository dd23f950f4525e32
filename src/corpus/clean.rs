//! From decoded text to a raw article: front matter, the news header (dateline, byline,
//! headline), and the page furniture that news pages leave behind (photo credits, "Read more:"
//! and "More on ...:" link lists, teasers cut off with `[…]`, feed widgets, embedded links to
//! other stories). Furniture is recognised by its shape, never by naming a site or an agency.
//! Dropped lines stay in `original`; the body is built from the kept lines with a map back.

use super::sanitize::{sanitize, sanitize_line};
use super::{Published, RawArticle, Segment};
use crate::text::squash_whitespace;
use crate::time::parse_date;

/// Metadata given by the file itself (front matter or JSON fields).
#[derive(Debug, Clone, Default)]
pub(super) struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
}

/// Splits optional `---` front matter from the text. `Err` when it opens and never closes; the
/// caller then reads the whole file as text. Without it, a header block of the same fields
/// ends at the first blank line: `Title: ...`, `Published: ...`, `Source: ...` lines, as text
/// saved from news sites and feeds often starts.
pub(super) fn split_front_matter(text: &str) -> Result<(Meta, &str), String> {
    let mut meta = Meta::default();
    let Some(first_end) = text.find('\n') else {
        return Ok((meta, text));
    };
    if text[..first_end].trim_end() != "---" {
        return Ok(header_block(text).unwrap_or((meta, text)));
    }
    let mut pos = first_end + 1;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..end].trim_end_matches('\r');
        let next = (end + 1).min(text.len());
        if line.trim() == "---" || line.trim() == "..." {
            return Ok((meta, &text[next..]));
        }
        if let Some((k, v)) = line.split_once(':') {
            meta.set(k, v);
        }
        pos = next;
    }
    Err("front matter opened with `---` never closes; the whole file was read as text".into())
}

/// The header block opening `text`: every line up to the first blank one is a field
/// [`Meta::set`] knows (`Title: ...`), with at least one line. The rest of the text follows it.
fn header_block(text: &str) -> Option<(Meta, &str)> {
    let mut meta = Meta::default();
    let mut pos = 0;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..end].trim_end_matches('\r');
        let next = (end + 1).min(text.len());
        if line.trim().is_empty() {
            return (pos > 0).then(|| (meta, &text[next..]));
        }
        let (k, v) = line.split_once(':')?;
        if !meta.set(k, v) {
            return None;
        }
        pos = next;
    }
    None
}

impl Meta {
    /// Sets the field named `key` (any case: `title`, `date`, `published`, ...) to `value`,
    /// unless it was set before. Whether the key names a field.
    fn set(&mut self, key: &str, value: &str) -> bool {
        let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
        let key = key.trim().to_ascii_lowercase();
        // "Byline: By Jane Doe" is Jane Doe's.
        let v = match key.as_str() {
            "byline" | "author" | "authors" => v.strip_prefix("By ").unwrap_or(v),
            _ => v,
        };
        let slot = match key.as_str() {
            "title" | "headline" => &mut self.title,
            "date" | "published" | "published_at" | "pubdate" => &mut self.date,
            "source" | "publisher" | "site" => &mut self.source,
            "url" | "link" => &mut self.url,
            "byline" | "author" | "authors" => &mut self.byline,
            _ => return false,
        };
        if !v.is_empty() && slot.is_none() {
            *slot = Some(v.to_string());
        }
        true
    }
}

/// A line of the text with its byte offset.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
}

/// Splits on `\n`, `\r\n` and lone `\r`.
fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            out.push(Line {
                start,
                text: &text[start..i],
            });
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(Line {
            start,
            text: &text[start..],
        });
    }
    out
}

/// Text wrapped at a fixed width, with blank lines between paragraphs: every line at most
/// [`WRAP_WIDTH`] characters, some blank line, and some line followed directly by another.
/// Text written a paragraph to a line (most web text, and the bundled seeds) has longer lines.
fn is_hard_wrapped(all: &[Line<'_>]) -> bool {
    let blank = |l: &Line<'_>| is_blank(l.text);
    all.iter().any(blank)
        && all.windows(2).any(|w| !blank(&w[0]) && !blank(&w[1]))
        && all.iter().all(|l| l.text.chars().count() <= WRAP_WIDTH)
}

/// The longest line of text that [`is_hard_wrapped`] takes for wrapped (editors and mail wrap
/// at 72 to 80 columns).
const WRAP_WIDTH: usize = 100;

fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

fn ends_like_sentence(s: &str) -> bool {
    let s = s.trim_end();
    s.ends_with(['.', '!', '?', '"', '”', '’', ':', ';', ')'])
}

/// A photo credit: "Cover photo: ...", "Photo: ...", or a short unpunctuated line naming an
/// image source ("... Images", "... /Photographer").
fn is_photo_credit(s: &str) -> bool {
    let t = s.trim();
    const LEADS: [&str; 7] = [
        "cover photo",
        "photo:",
        "photo credit",
        "image:",
        "image credit",
        "credit:",
        "photograph:",
    ];
    if LEADS.iter().any(|l| starts_with_ignore_case(t, l)) {
        return true;
    }
    // Only whether there are more than eight words matters.
    let words = t.split_whitespace().take(9).count();
    if words == 0 || words > 8 || ends_like_sentence(t) {
        return false;
    }
    let last = t.split_whitespace().last().unwrap_or("");
    ["images", "photos", "photo", "pictures", "photography"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
        || (t.contains('/')
            && !t.contains("://")
            && words <= 5
            && t.chars().next().is_some_and(char::is_uppercase))
}

/// Whether `s` starts with `lead` (lowercase ASCII) in any case. The same as comparing
/// `s.to_lowercase()`, without lowering a whole paragraph to read its first words: only two
/// characters outside ASCII lower to ASCII letters, and neither can complete a match here.
/// The Kelvin sign lowers to `k`, which no lead or pattern has; `İ` lowers to `i` followed by
/// a combining dot, which no lead or pattern has after an `i` (nor does any end in `i`).
fn starts_with_ignore_case(s: &str, lead: &str) -> bool {
    s.len() >= lead.len() && s.as_bytes()[..lead.len()].eq_ignore_ascii_case(lead.as_bytes())
}

/// Like [`starts_with_ignore_case`], at the end.
fn ends_with_ignore_case(s: &str, tail: &str) -> bool {
    s.len() >= tail.len()
        && s.as_bytes()[s.len() - tail.len()..].eq_ignore_ascii_case(tail.as_bytes())
}

/// "Read more: ...", "Related: ...", "See also: ...".
fn is_link_line(s: &str) -> bool {
    let t = s.trim();
    const LEADS: [&str; 8] = [
        "read more",
        "related:",
        "related stories",
        "see also",
        "also read",
        "read also",
        "recommended:",
        "watch:",
    ];
    LEADS.iter().any(|l| starts_with_ignore_case(t, l))
}

/// "More on X:", "More from X:": the header of a link list.
fn is_link_list_header(s: &str) -> bool {
    let t = s.trim();
    (t.starts_with("More on ") || t.starts_with("More from ") || t.starts_with("More about "))
        && t.ends_with(':')
        && t.split_whitespace().count() <= 8
}

fn is_list_item(s: &str) -> bool {
    let t = s.trim_start();
    t.starts_with("- ") || t.starts_with("• ") || t.starts_with("* ") || t.starts_with("– ")
}

/// A teaser cut off by the site: ends in `[…]` or `[...]`.
fn is_teaser(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with("[…]") || t.ends_with("[...]") || t.ends_with("[ … ]")
}

/// Feed and subscription widgets.
fn is_widget(s: &str) -> bool {
    let t = s.trim();
    const WHOLE: [&str; 12] = [
        "personalized feed",
        "advertisement",
        "sponsored",
        "most read",
        "trending",
        "subscribe",
        "sign up",
        "newsletter",
        "share this article",
        "share",
        "comments",
        "show comments",
    ];
    WHOLE.iter().any(|w| t.eq_ignore_ascii_case(w))
        || ["see more", "show more", "load more"]
            .iter()
            .any(|w| ends_with_ignore_case(t, w))
}

fn is_dateline(s: &str) -> Option<crate::time::DateValue> {
    let t = s.trim();
    let t = [
        "Published:",
        "Published",
        "Updated:",
        "Updated",
        "Posted:",
        "Posted",
        "Posted on",
    ]
    .iter()
    .find_map(|p| t.strip_prefix(p))
    .unwrap_or(t);
    if t.len() > 60 {
        return None;
    }
    parse_date(t.trim())
}

/// The date of a wire-style dateline opening a paragraph: `LONDON, Oct. 14, 2025 (Reuters) -`,
/// `PORTSMOUTH, Tuesday 14 October 2025 —`, `WASHINGTON, D.C., Oct. 14, 2025 --`: a place in
/// capitals, a comma, a date that parses whole, an optional agency in parentheses, a dash. The
/// date is the day the story was filed. A date without its year, as wires often write it
/// (`LONDON, Oct 14 (Reuters) -`), says nothing certain and is left to the inference.
fn lead_dateline(s: &str) -> Option<crate::time::DateValue> {
    let mut head = crate::text::dateline_head(s)?;
    if let Some(open) = head.strip_suffix(')').and_then(|h| h.rfind('(')) {
        head = head[..open].trim_end();
    }
    let (_, mut rest) = head.split_once(',')?;
    // The date follows the place, or the place's state or country ("WASHINGTON, D.C., ...").
    loop {
        if let Some(d) = parse_date(rest) {
            return Some(d);
        }
        rest = rest.split_once(',')?.1;
    }
}

/// `By Jane Doe`, `By Jane Doe and John Roe`, `By Jane Doe, Reuters`.
fn byline_of(s: &str) -> Option<String> {
    let t = s.trim();
    let rest = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY "))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 || ends_like_sentence(rest) && !rest.ends_with('.') {
        return None;
    }
    let first = words[0].chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    // A byline names people: most of its words are capitalised.
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    (capitalised * 2 > words.len()).then(|| rest.trim_end_matches('.').to_string())
}

/// Builds the article from `original` (the decoded text, front matter removed), which it
/// keeps for citation as its difference from the body: header, furniture, body and its map.
/// `None` when nothing is left.
pub(super) fn build_article(
    id: String,
    path: &str,
    meta: Meta,
    original: &str,
) -> Option<RawArticle> {
    let text = original;
    let all = lines(text);
    let mut keep = vec![true; all.len()];
    let mut published = meta
        .date
        .as_deref()
        .and_then(parse_date)
        .map(|date| Published {
            date,
            inferred: false,
            basis: "metadata".into(),
        });
    let mut byline = meta.byline.clone();
    let mut title = meta.title.clone();
    let mut title_given = title.is_some();

    // The header: the first few non-blank lines may be a dateline, a byline, a credit.
    let dated = |date| Published {
        date,
        inferred: false,
        basis: "dateline".into(),
    };
    let mut seen = 0;
    // A paragraph (a line that ends like a sentence) has been passed: a wire dateline only
    // opens the first one.
    let mut past_first_paragraph = false;
    for (i, l) in all.iter().enumerate() {
        if is_blank(l.text) {
            continue;
        }
        seen += 1;
        if seen > 5 {
            break;
        }
        if let Some(d) = is_dateline(l.text) {
            keep[i] = false;
            published.get_or_insert_with(|| dated(d));
        } else if let Some(b) = byline_of(l.text) {
            keep[i] = false;
            byline.get_or_insert(b);
        } else {
            if !past_first_paragraph
                && published.is_none()
                && let Some(d) = lead_dateline(l.text)
            {
                // The dateline stays in the paragraph it opens.
                published = Some(dated(d));
            }
            past_first_paragraph |= ends_like_sentence(l.text);
        }
    }

    // Furniture anywhere.
    let mut in_link_list = false;
    for (i, l) in all.iter().enumerate() {
        let t = l.text;
        if is_blank(t) {
            in_link_list = false;
            continue;
        }
        if in_link_list && is_list_item(t) {
            keep[i] = false;
            continue;
        }
        in_link_list = false;
        if is_link_list_header(t) {
            keep[i] = false;
            in_link_list = true;
        } else if is_photo_credit(t)
            || is_link_line(t)
            || is_teaser(t)
            || is_widget(t)
            || is_embedded_link(&all, i)
        {
            keep[i] = false;
        }
    }

    // A headline: a first line that does not read as a sentence. In hard-wrapped text, a
    // first line that goes straight on into another kept line is the start of a paragraph.
    let wrapped = is_hard_wrapped(&all);
    let first_kept = (0..all.len()).find(|&i| keep[i] && !is_blank(all[i].text));
    let runs_on = |i: usize| {
        wrapped
            && all
                .get(i + 1)
                .is_some_and(|n| keep[i + 1] && !is_blank(n.text))
    };
    if let Some(i) = first_kept {
        let t = all[i].text.trim();
        let md = t
            .strip_prefix('#')
            .map(|s| s.trim_start_matches('#').trim());
        if title.is_none() {
            if let Some(h) = md {
                title = Some(h.to_string());
                title_given = true;
                keep[i] = false;
            } else if t.chars().count() <= 150
                && !ends_like_sentence(t)
                && all.len() > 1
                && !runs_on(i)
            {
                title = Some(t.to_string());
                title_given = true;
                keep[i] = false;
            }
        }
    }

    // The body: kept lines, trimmed, markdown heading marks removed, one blank line between.
    // Sized once (kept text plus separators rarely outgrows the input) and trimmed to fit: a
    // corpus holds every body for the whole session.
    let mut body = String::with_capacity(text.len() + text.len() / 16);
    let mut body_map = Vec::new();
    // The line the body's last paragraph ends with.
    let mut last: Option<usize> = None;
    for (i, l) in all.iter().enumerate() {
        if !keep[i] || is_blank(l.text) {
            continue;
        }
        let lead_ws = l.text.len() - l.text.trim_start().len();
        let mut start = l.start + lead_ws;
        let mut t = l.text.trim();
        if t.starts_with('#') {
            let stripped = t.trim_start_matches('#').trim_start();
            start += t.len() - stripped.len();
            t = stripped;
        }
        if t.is_empty() {
            continue;
        }
        // In hard-wrapped text, a line goes on the paragraph of the line right above it unless
        // that one ends like a sentence (a break there splits no sentence) or either is a
        // list item or a heading.
        let continues = wrapped
            && i > 0
            && last == Some(i - 1)
            && !ends_like_sentence(all[i - 1].text)
            && ![all[i - 1].text, l.text]
                .iter()
                .any(|x| is_list_item(x) || x.trim_start().starts_with('#'));
        if !body.is_empty() {
            body.push_str(if continues { " " } else { "\n\n" });
        }
        last = Some(i);
        if body.len() > crate::text::MAX_BODY {
            // The separators made the body longer than the original, past what a segment (and
            // a span) can address: the caller skips the article as too large.
            break;
        }
        body_map.push(Segment::new(body.len(), start, t.len()));
        body.push_str(&sanitize(t));
    }
    if body.trim().is_empty() {
        return None;
    }
    let body = crate::exact::string(body);
    let body_map = crate::exact::vec(body_map);
    let title = match title {
        Some(t) => squash_whitespace(&sanitize_line(&t)),
        None => first_sentence_title(&body),
    };
    let clean = |s: Option<String>| {
        s.map(|s| squash_whitespace(&sanitize_line(&s)))
            .filter(|s| !s.is_empty())
    };
    Some(RawArticle {
        id,
        path: path.to_string(),
        title,
        title_given,
        byline: clean(byline),
        source: clean(meta.source),
        url: clean(meta.url),
        published,
        original: super::Original::diff(original, &body, &body_map),
        body,
        body_map,
        duplicate_of: None,
    })
}

/// A short unpunctuated line set apart by whitespace-only lines that carry a non-breaking
/// space: how pages render an embedded card linking to another story.
fn is_embedded_link(all: &[Line<'_>], i: usize) -> bool {
    let spacer = |j: Option<usize>| {
        j.and_then(|j| all.get(j))
            .is_some_and(|l| is_blank(l.text) && l.text.contains('\u{a0}'))
    };
    let prev = (0..i).rev().find(|&j| !all[j].text.is_empty());
    let next = (i + 1..all.len()).find(|&j| !all[j].text.is_empty());
    let t = all[i].text.trim();
    spacer(prev) && spacer(next) && !ends_like_sentence(t) && t.split_whitespace().count() <= 20
}

/// The first sentence of the body, cut at a word boundary: the title of an article without one.
fn first_sentence_title(body: &str) -> String {
    // Only the first paragraph: the whole body is split again, once, by the extractor.
    let para = body.split("\n\n").next().unwrap_or(body);
    let first = crate::extract::sentences::split(para)
        .first()
        .map_or(para, |s| s.of(para));
    let sentence = squash_whitespace(&sanitize_line(first));
    if sentence.chars().count() <= 100 {
        return sentence;
    }
    let mut out = String::new();
    for w in sentence.split(' ') {
        if out.chars().count() + w.chars().count() + 1 > 99 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_furniture_leave_the_body() {
        let text = "Dec 20, 2024 11:54 AM EST\nA standfirst sentence that is here.\nBy Jane Roe\nBody one.\nCover photo: Collage: Agency/Someone/Photo Images\nMore on Someone:\n- link one\n- link two\n";
        let a = build_article("x".into(), "x.txt", Meta::default(), text).unwrap();
        assert_eq!(a.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(a.published.as_ref().unwrap().date.value(), "2024-12-20");
        assert_eq!(a.body, "A standfirst sentence that is here.\n\nBody one.");
        assert_eq!(a.title, "A standfirst sentence that is here.");
        // The map leads back into the original.
        let off = a.body.find("Body one").unwrap();
        let orig = a.original_offset(off).unwrap();
        assert!(a.original()[orig..].starts_with("Body one"));
    }

    #[test]
    fn a_wire_dateline_opening_the_first_paragraph_dates_the_article() {
        let date = |text: &str| {
            build_article("x".into(), "x.txt", Meta::default(), text)
                .unwrap()
                .published
                .map(|p| (p.date.value(), p.basis))
        };
        let dated = |v: &str| Some((v.to_string(), "dateline".to_string()));
        let body = "Headline here\n\nPORTSMOUTH, Tuesday 14 October 2025 — The board met.";
        assert_eq!(date(body), dated("2025-10-14"));
        let a = build_article("x".into(), "x.txt", Meta::default(), body).unwrap();
        assert!(
            a.body.contains("PORTSMOUTH, Tuesday"),
            "the dateline stays in the text"
        );
        assert_eq!(
            date("LONDON, Oct. 14, 2025 (Reuters) - The bank said."),
            dated("2025-10-14")
        );
        assert_eq!(
            date("WASHINGTON, D.C., March 3, 2024 -- Lawmakers voted."),
            dated("2024-03-03")
        );
        // Only the first paragraph's opening counts.
        assert_eq!(
            date(
                "Markets rally\n\nShares rose on Monday.\n\nLONDON, Jan. 5, 2019 (Reuters) - A report."
            ),
            None
        );
        // No year, a place not in capitals, or no dash: no date.
        assert_eq!(date("LONDON, Oct 14 (Reuters) - The bank said."), None);
        assert_eq!(date("In London, March 3, 2024 — lawmakers voted."), None);
        assert_eq!(date("LONDON, March 3, 2024, lawmakers voted."), None);
        // Metadata wins over the dateline.
        let meta = Meta {
            date: Some("2025-10-15".into()),
            ..Meta::default()
        };
        let a = build_article("x".into(), "x.txt", meta, body).unwrap();
        assert_eq!(a.published.unwrap().basis, "metadata");
    }

    #[test]
    fn hard_wrapped_lines_join_their_paragraph() {
        let build = |text: &str| build_article("x".into(), "x.txt", Meta::default(), text).unwrap();
        let wrapped = "Harbour board approves plan\n\nThe board on Monday approved a\n\
                       £40 million plan put forward by its chair, Ingrid\n\
                       Lindqvist.\nA second paragraph starts on a line of its own.\n\n\
                       - a list item\n- another item\n";
        let a = build(wrapped);
        assert_eq!(
            a.body,
            "The board on Monday approved a £40 million plan put forward by its chair, Ingrid \
             Lindqvist.\n\nA second paragraph starts on a line of its own.\n\n- a list item\n\n\
             - another item"
        );
        assert_eq!(a.original(), wrapped);
        let off = a.body.find("Lindqvist").unwrap();
        assert!(wrapped[a.original_offset(off).unwrap()..].starts_with("Lindqvist"));
        // Without a headline, the first line is the start of the first paragraph, not a title.
        let a = build("The board on Monday approved a plan put forward by\nits chair.\n\nMore.");
        assert_eq!(
            a.body,
            "The board on Monday approved a plan put forward by its chair.\n\nMore."
        );
        // A paragraph to a line, without blank lines, or with a line longer than a wrap: each
        // line stays a paragraph.
        let unwrapped = "Title line here\nOne short paragraph\nAnother short one";
        assert_eq!(
            build(unwrapped).body,
            "One short paragraph\n\nAnother short one"
        );
        let long = format!("Title\n\nA line that goes on\n{}.", "and on ".repeat(20));
        assert!(
            build(&long)
                .body
                .starts_with("A line that goes on\n\nand on")
        );
    }

    #[test]
    fn front_matter_is_read_and_unclosed_is_an_error() {
        let (m, rest) =
            split_front_matter("---\ntitle: Hello\ndate: 2024-01-02\n---\nText.").unwrap();
        assert_eq!(m.title.as_deref(), Some("Hello"));
        assert_eq!(m.date.as_deref(), Some("2024-01-02"));
        assert_eq!(rest, "Text.");
        assert!(split_front_matter("---\ntitle: Hello\nText never closes.").is_err());
    }

    #[test]
    fn widgets_teasers_and_credits_are_recognised_by_shape() {
        assert!(is_widget("A Coffee With... See More"));
        assert!(is_widget("Personalized Feed"));
        assert!(is_teaser("Some teaser that goes on in […]"));
        assert!(is_photo_credit("Some Agency Images"));
        assert!(is_photo_credit("Cover photo: Collage"));
        assert!(!is_photo_credit("The company bought new images."));
        assert!(is_link_line("Read more: What comes next?"));
        // In any case, and only as a whole line or its lead: not a paragraph that mentions
        // them, nor a lookalike outside ASCII.
        assert!(is_widget("SHARE") && is_widget("  Show Comments ") && !is_widget("Share it"));
        assert!(is_link_line("RELATED: More") && !is_link_line("He read more books."));
        assert!(is_photo_credit("PHOTO: Someone") && is_photo_credit("Getty IMAGES"));
        assert!(!is_photo_credit("Getty İmages") && !is_widget("İmages See Mor"));
        let long = "One two three four five six seven eight nine Photos";
        assert!(!is_photo_credit(long) && is_photo_credit(&long[40..]));
        assert!(byline_of("By Jane Roe and John Doe").is_some());
        assert!(byline_of("By the end of the year, prices rose.").is_none());
    }
}
