//! Event extraction for one article: a sentence that holds a trigger word from
//! `assets/triggers.tsv` and at least two participants (named people or organisations, or one
//! and a pronoun that refers back to a person) becomes an event with a kind, a Goldstein tone
//! (scaled by modifiers such as "harshly"), a modality (asserted, planned, hypothetical,
//! negated, from the cues in `assets/modality.tsv` just before the trigger), an actor and a
//! target where word order or a passive gives them, and the time expression that governs it.
//! Clustering the same real-world event across articles is the model's job.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::assets::{Assets, word};
use crate::text::Span;

use super::{Kind, Mentions, Timex};

/// How an event is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Modality {
    Asserted,
    Planned,
    Hypothetical,
    Negated,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
        }
    }
}

/// Where an event's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventTime {
    /// A time expression of the article (index into `Facts::timexes`).
    Timex(usize),
    /// Nothing in the text dates it: the publication date stands in.
    Published,
}

/// One event as one sentence reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawEvent {
    pub kind: &'static str,
    pub tone: f32,
    pub modality: Modality,
    /// Indexes into `Facts::mentions`.
    pub actor: Option<usize>,
    pub target: Option<usize>,
    pub participants: Vec<usize>,
    /// A pronoun that stood for a participant named in an earlier sentence.
    pub sentence: usize,
    pub trigger: Span,
    /// What the summary is made of: the sentence from the actor on (see [`summary`]).
    pub summary: Span,
}

/// The trigger and modality automata, built once from the assets.
struct Lexicon {
    triggers: AhoCorasick,
    modality: AhoCorasick,
    /// The trigger a hostile event becomes when an ending cue comes before it ("ending a
    /// year-long dispute"): the first whose lemma is "settle", if the assets have one.
    settle: Option<usize>,
    /// What joining an organisation is: the first trigger whose lemma is "appoint".
    appoint: Option<usize>,
    /// What a statement in evaluative words is: the first trigger whose lemma is "praise",
    /// and the first whose lemma is "criticize".
    praise: Option<usize>,
    criticize: Option<usize>,
}

fn lexicon(assets: &Assets) -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let build = |pats: Vec<&str>| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(pats)
                .expect("lexicon patterns are plain strings")
        };
        Lexicon {
            triggers: build(assets.triggers.iter().map(|t| t.form.as_str()).collect()),
            modality: build(assets.modality.iter().map(|(c, _)| c.as_str()).collect()),
            settle: assets.triggers.iter().position(|t| t.lemma == "settle"),
            appoint: assets.triggers.iter().position(|t| t.lemma == "appoint"),
            praise: assets.triggers.iter().position(|t| t.lemma == "praise"),
            criticize: assets.triggers.iter().position(|t| t.lemma == "criticize"),
        }
    })
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80
}

/// Whether `start..end` of `s` is a whole word or phrase.
fn on_word_boundaries(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    (start == 0 || !is_word_byte(b[start - 1])) && (end == b.len() || !is_word_byte(b[end]))
}

/// Words ending like a verb that open a clause with a subject of its own: ", during talks X
/// met Y", ", notwithstanding ...".
const CLAUSE_OPENERS: [&str; 5] = [
    "during",
    "notwithstanding",
    "regarding",
    "concerning",
    "including",
];

/// Words after which "her" is an object ("praised her for", "called her a liar"), not a
/// possessive ("her record").
const AFTER_OBJECT: [&str; 26] = [
    "a", "an", "the", "for", "at", "on", "in", "to", "with", "as", "and", "or", "but", "after",
    "before", "over", "during", "by", "from", "about", "of", "that", "when", "while", "again",
    "twice",
];
const PASSIVE_AUX: [&str; 8] = ["was", "were", "been", "being", "is", "are", "be", "got"];

/// Past participles of trigger verbs that end in neither "-ed" nor "-en".
const IRREGULAR_PARTICIPLES: [&str; 14] = [
    "met", "hit", "beat", "sought", "brought", "caught", "fought", "bought", "sold", "told",
    "held", "led", "paid", "struck",
];

/// Auxiliary verbs: a clause that opens with one ("had urged X ... and accused Y") has the
/// sentence's subject.
const AUXILIARIES: [&str; 16] = [
    "had", "has", "have", "was", "were", "is", "are", "will", "would", "could", "should", "may",
    "might", "must", "did", "does",
];

/// Finds the events of one article. `kinds` gives each mention's kind as the corpus decided
/// it (the entity it was linked to), `None` for a mention left unlinked: a lone surname is
/// weak evidence in one article, so this runs in the merge, once entities are linked.
pub fn find(
    body: &str,
    sentences: &[Span],
    mentions: &Mentions,
    kinds: &[Option<Kind>],
    assets: &Assets,
) -> Vec<RawEvent> {
    let kind = |i: usize| kinds.get(i).copied().flatten();
    let lex = lexicon(assets);
    let mut out = Vec::new();
    let mut last_person: Option<usize> = None;
    // Mentions by sentence, in text order within each.
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for (i, m) in mentions.iter().enumerate() {
        if let Some(v) = by_sentence.get_mut(m.sentence as usize) {
            v.push(i);
        }
    }
    for v in &mut by_sentence {
        v.sort_by_key(|&i| mentions[i].span.start());
    }
    for (si, sentence) in sentences.iter().enumerate() {
        let s = sentence.of(body);
        // The agency of a wire dateline opening the article ("GENEVA (Reuters) —") filed the
        // story; it is no party to what the first sentence reports.
        let agency = (si == 0)
            .then(|| crate::text::dateline_head(s))
            .flatten()
            .and_then(|head| {
                let open = head.strip_suffix(')')?.rfind('(')?;
                Some(sentence.start() + open..sentence.start() + head.len())
            });
        let named: Vec<usize> = by_sentence[si]
            .iter()
            .copied()
            .filter(|&i| matches!(kind(i), Some(Kind::Person | Kind::Org)))
            .filter(|&i| {
                agency
                    .as_ref()
                    .is_none_or(|a| !a.contains(&mentions[i].span.start()))
            })
            .collect();
        let all = Scene {
            base: sentence.start(),
            s,
            mentions,
            kinds,
            here: &named,
            assets,
        };
        // "Brightwater chief executive Paul Okonkwo", "NetChoice's litigation director, Paul
        // Ferreira": the organisation named with a person's title is that person's own, not a
        // party to what the sentence reports, and the words of the title are no trigger
        // ("litigation"). The title's stretch, from the organisation's end to the person.
        let mut titles: Vec<std::ops::Range<usize>> = Vec::new();
        let here: Vec<usize> = named
            .iter()
            .enumerate()
            .filter(|&(k, &i)| {
                if kind(i) != Some(Kind::Org) {
                    return true;
                }
                let holder = named
                    .get(k + 1)
                    .copied()
                    .filter(|&p| kind(p) == Some(Kind::Person) && titled_by(body, mentions, i, p))
                    .or_else(|| holder_of(&all, i));
                let end = holder
                    .map(|p| mentions[p].span.start())
                    .or_else(|| role_after(&all, i));
                if let Some(end) = end {
                    titles.push(mentions[i].span.end()..end);
                }
                end.is_none()
            })
            .map(|(_, &i)| i)
            .collect();
        // No person or organisation named: at most a pronoun's one participant, no event,
        // and no person to remember.
        if here.is_empty() {
            continue;
        }
        let triggers: Vec<(usize, usize, usize)> = lex
            .triggers
            .find_iter(s)
            .filter(|m| on_word_boundaries(s, m.start(), m.end()))
            .filter({
                // Triggers, titles and names are each in text order: one cursor each keeps a
                // sentence of any length linear.
                let (mut ti, mut ni) = (0, 0);
                let (titles, named) = (&titles, &named);
                move |m| {
                    let at = sentence.start() + m.start();
                    while titles.get(ti).is_some_and(|t| t.end <= at) {
                        ti += 1;
                    }
                    while named.get(ni).is_some_and(|&i| mentions[i].span.end() <= at) {
                        ni += 1;
                    }
                    // Nor a word of a name: "Best Buy", "the Takeover Panel"; nor the topic of
                    // another act: "sued X over the merger".
                    titles.get(ti).is_none_or(|t| !t.contains(&at))
                        && named.get(ni).is_none_or(|&i| mentions[i].span.start() > at)
                        && !topic(s, m.start())
                }
            })
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        // Where it happened and the paper it was said in are no parties (asked only where
        // there is an event to be party to).
        let mut here = here;
        if !triggers.is_empty() {
            here.retain(|&i| !setting(&all, i));
        }
        // A pronoun stands for the last person named before this sentence (see
        // [`refers_back`]).
        let pronoun = refers_back(s, |at| {
            here.iter()
                .filter(|&&i| kind(i) == Some(Kind::Person))
                .filter(|&&i| mentions[i].span.start() - sentence.start() < at)
                .count()
        });
        let mut via_pronoun = None;
        if pronoun {
            if let Some(p) = last_person {
                let name = mentions.name(&mentions[p]);
                if !here.iter().any(|&i| mentions.name(&mentions[i]) == name) {
                    via_pronoun = Some(p);
                }
            }
        }
        // Coordinated clauses with subjects of their own ("X sued Y in 2023, and Z criticised
        // the deal"): a trigger's parties are its clause's. The pronoun is the first clause's.
        // The sentence's parties and triggers are in text order: each clause takes the next
        // run of each.
        let at = |i: usize| mentions[i].span.start() - sentence.start();
        let bounds = clause_bounds(s, &triggers, |from, to| {
            let k = here.partition_point(|&i| at(i) < from);
            here.get(k).is_some_and(|&i| at(i) < to)
        });
        let whole: &[usize] = &here;
        // A quotation the sentence ends by attributing: what is said in it, and the saying,
        // are its speaker's.
        let quotation = (!triggers.is_empty())
            .then(|| quoted(&Scene { here: whole, ..all }))
            .flatten();
        let (mut hi, mut ti) = (0, 0);
        // The one person named before the clause, if only one is ("X was banned ..., and he
        // later threatened Y"); `Some(None)` when two are.
        let mut person_before: Option<Option<usize>> = None;
        for (k, clause) in bounds.windows(2).enumerate() {
            let inside = clause[0]..clause[1];
            let h_end = hi + whole[hi..].partition_point(|&i| at(i) < inside.end);
            let here = &whole[hi..h_end];
            let t_end = ti + triggers[ti..].partition_point(|t| t.1 < inside.end);
            let in_clause = &triggers[ti..t_end];
            (hi, ti) = (h_end, t_end);
            // A later clause's "he" or "she" is the sentence's one person before it; in "X
            // criticised Y, but he praised her" it is no more X than Y.
            let via_pronoun = if k == 0 {
                via_pronoun
            } else {
                let opens = s[inside.clone()]
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .take(4)
                    .any(|w| matches!(w, "he" | "she"));
                match person_before {
                    _ if !opens => None,
                    Some(one) => one,
                    None => via_pronoun,
                }
            };
            for &i in here.iter().filter(|&&i| kind(i) == Some(Kind::Person)) {
                let same = |p: usize| mentions.name(&mentions[p]) == mentions.name(&mentions[i]);
                person_before = match person_before {
                    None => Some(Some(i)),
                    Some(Some(p)) if same(p) => Some(Some(p)),
                    Some(_) => Some(None),
                };
            }
            if in_clause.is_empty() {
                continue;
            }
            let participants: Vec<usize> = via_pronoun
                .into_iter()
                .chain(here.iter().copied())
                .collect();
            if distinct_names(mentions, &participants) < 2 {
                continue;
            }
            let chosen = choose_triggers(assets, in_clause);
            for (pat, ts, te) in chosen {
                let t = &assets.triggers[pat];
                // Triggers are in text order: the last to end before this one.
                let before = triggers.partition_point(|x| x.2 <= ts);
                let earlier = before.checked_sub(1).map(|k| &triggers[k]);
                let floor = earlier.map_or(0, |x| x.2);
                let (mut modality, ended) = modality_before(lex, assets, s, (ts, te), floor);
                // "urged both sides to resume negotiations": what one party urges is not yet
                // done.
                if modality == Modality::Asserted
                    && earlier.is_some_and(|x| assets.triggers[x.0].lemma == "urge")
                    && urged(&s[floor..ts])
                {
                    modality = Modality::Hypothetical;
                }
                // "ending a year-long dispute", "settled the lawsuit": the hostility is
                // what ends; the event is its settlement.
                let t = match lex.settle {
                    Some(settle) if ended && t.tone < 0.0 => &assets.triggers[settle],
                    _ => t,
                };
                let scene = Scene {
                    base: sentence.start(),
                    s,
                    mentions,
                    kinds,
                    here,
                    assets,
                };
                let (mut actor, mut target, owned) = roles(&scene, (ts, te), via_pronoun);
                let mut participants = participants.clone();
                let mut spoken = false;
                if let Some(q) = &quotation {
                    let inside = |i: usize| {
                        q.quote
                            .contains(&(mentions[i].span.start() - sentence.start()))
                    };
                    // Said in the quotation, its subject unnamed there ("\"We thank X,\" Y
                    // said"), or the saying itself. A third person before the trigger is its
                    // subject, not the speaker ("\"He blamed X,\" said Y").
                    let third_person = s[q.quote.start..ts.max(q.quote.start)]
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| matches!(w, "he" | "He" | "she" | "She" | "they" | "They"));
                    spoken = (q.quote.start <= ts
                        && te <= q.quote.end
                        && !third_person
                        && !whole.iter().any(|&i| {
                            inside(i) && mentions[i].span.start() - sentence.start() < ts
                        }))
                        || (ts >= q.attribution.start && t.kind == "statement");
                    if spoken {
                        let same = |i: usize| {
                            mentions.name(&mentions[i]) == mentions.name(&mentions[q.speaker])
                        };
                        // Whom the quotation names, and whom the attribution says it was
                        // told or said of ("X told Y", "X said of Y", "adding that Y ...").
                        let addressed = |i: usize| {
                            let at = mentions[i].span.start() - sentence.start();
                            at >= q.attribution.start && {
                                let mut before = s[q.attribution.start..at]
                                    .split(|c: char| !c.is_alphanumeric())
                                    .filter(|w| !w.is_empty())
                                    .rev();
                                match (before.next(), before.next()) {
                                    (Some("told" | "tells" | "telling" | "that"), _) => true,
                                    (Some("of" | "about" | "to"), Some(w)) => SPEECH.contains(&w),
                                    _ => false,
                                }
                            }
                        };
                        let quoted: Vec<usize> = whole
                            .iter()
                            .copied()
                            .filter(|&i| (inside(i) || addressed(i)) && !same(i))
                            .collect();
                        let object = |from: usize| {
                            let mut later = quoted
                                .iter()
                                .copied()
                                .filter(|&i| mentions[i].span.start() - sentence.start() >= from);
                            later
                                .clone()
                                .find(|&i| kind(i) == Some(Kind::Person))
                                .or_else(|| later.next())
                        };
                        // Else whom a pronoun of the quotation stands for ("\"He seems to
                        // have energy,\" X said").
                        let pronoun = via_pronoun.filter(|&p| !same(p));
                        actor = Some(q.speaker);
                        target = object(te.min(q.quote.end))
                            .or_else(|| object(0))
                            .or(pronoun);
                        // The speaker's own affiliation ("a professor at Y") is no party.
                        participants = std::iter::once(q.speaker)
                            .chain(pronoun)
                            .chain(quoted)
                            .collect();
                        if distinct_names(mentions, &participants) < 2 {
                            continue;
                        }
                    }
                }
                // "joined Rovers from FC Zwolle": joining an organisation is a move to it, no
                // meeting.
                let t = match lex.appoint {
                    Some(appoint)
                        if t.lemma == "join"
                            && target.is_some_and(|x| kind(x) == Some(Kind::Org)) =>
                    {
                        &assets.triggers[appoint]
                    }
                    _ => t,
                };
                // "X said Y's figures were misleading": a statement whose words about its
                // target only blame is criticism, one whose words only commend is praise.
                let t = match (t.kind, target) {
                    ("statement", Some(o)) if modality == Modality::Asserted => {
                        let what = match &quotation {
                            Some(q) if spoken => q.quote.clone(),
                            _ => te..inside.end,
                        };
                        // What was said is about the target: it is named in the quotation (or
                        // is a pronoun's person of an earlier sentence), or it opens the
                        // reported words ("said Y's figures were ...", not "said the attack
                        // on Y was ...").
                        let about = match mentions[o].span.start().checked_sub(sentence.start()) {
                            Some(at) if spoken => at >= what.start,
                            Some(at) => {
                                at >= what.start
                                    && s[what.start..at]
                                        .split_whitespace()
                                        .all(|w| matches!(w, "that" | "the"))
                            }
                            None => spoken,
                        };
                        let verdict = about.then(|| verdict(&s[what], assets)).flatten();
                        match verdict.and_then(|good| if good { lex.praise } else { lex.criticize })
                        {
                            Some(k) => &assets.triggers[k],
                            None => t,
                        }
                    }
                    _ => t,
                };
                let tone = scaled_tone(assets, s, ts, t.tone, modality);
                // An owned trigger's parties are its owner and its object alone.
                if owned {
                    participants = actor.into_iter().chain(target).collect();
                }
                out.push(RawEvent {
                    kind: t.kind,
                    tone,
                    modality,
                    actor,
                    target,
                    participants,
                    sentence: si,
                    trigger: Span::new(sentence.start() + ts, sentence.start() + te),
                    // From the actor on, with whose role the actor holds ("X's lawyer, Y").
                    // A quotation's event: the whole sentence, the quotation first.
                    summary: summary_span(
                        sentence,
                        actor.filter(|_| !spoken).map(|a| {
                            // Whose role it is names the actor right before it, in text order.
                            let start = mentions[a].span.start();
                            let k = named.partition_point(|&o| mentions[o].span.start() < start);
                            k.checked_sub(1)
                                .map(|k| named[k])
                                .filter(|&o| holder_of(&all, o) == Some(a))
                                .map_or(start, |o| mentions[o].span.start())
                        }),
                    ),
                });
            }
        }
        if let Some(&p) = here.iter().rev().find(|&&i| kind(i) == Some(Kind::Person)) {
            last_person = Some(p);
        }
    }
    out
}

/// Whether a trigger at `at` in `s` is the topic of another act: "sued X over the merger",
/// "a probe into their deal", "talks about the takeover". Only the 40 bytes before it are read.
fn topic(s: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(40);
    while !s.is_char_boundary(from) {
        from -= 1;
    }
    let mut words = s[from..at].split_whitespace().rev();
    let (Some(det), Some(prep)) = (words.next(), words.next()) else {
        return false;
    };
    matches!(det, "the" | "a" | "an" | "its" | "their" | "his" | "her")
        && matches!(
            prep,
            "over" | "about" | "regarding" | "concerning" | "into" | "amid" | "despite"
        )
}

/// Whether the text between an urging trigger and a later one makes the later one what is
/// urged: "urged both sides to resume [negotiations]", "urged X to [meet]"; not "urged X to
/// allow a vote and [accused] Y", "asked a judge to dismiss the [lawsuit]", "requested
/// documents related to Acme's [takeover]" (at most two plain lower-case words after the last
/// "to", no article or "and", no comma or semicolon).
fn urged(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    !between.contains([',', ';'])
        && words.iter().rposition(|&w| w == "to").is_some_and(|k| {
            let after = &words[k + 1..];
            after.len() <= 2
                && after.iter().all(|w| {
                    w.chars().all(|c| c.is_ascii_lowercase())
                        && !matches!(
                            *w,
                            "the" | "a" | "an" | "and" | "his" | "her" | "its" | "their"
                        )
                })
        })
}

/// Words that open a clause right after a comma.
const COORDINATORS: [&str; 2] = ["and", "but"];

/// Words that open a clause within three words of a comma ("a day after").
const SUBORDINATORS: [&str; 10] = [
    "while", "whereas", "after", "before", "when", "because", "since", "although", "though",
    "until",
];

/// Words that may be a clause's subject when it names nobody: "after the company agreed".
const UNNAMED_SUBJECTS: [&str; 8] = ["he", "she", "it", "they", "we", "the", "its", "their"];

/// Where a sentence's clauses with subjects of their own start and end (byte offsets in `s`,
/// from 0 to its length). It is cut at a semicolon, or at a comma followed by a coordinator
/// ([`COORDINATORS`]) or within three words by a subordinator ([`SUBORDINATORS`]), when a
/// trigger comes before the cut and, after it, a subject (a party `named(from, to)`, or
/// [`UNNAMED_SUBJECTS`]) before the next trigger with no other comma between. "A, B, and C",
/// "X sued A, B and C", "X met Y, and praised Z" and "Y, after the election, met Z" are one
/// clause; "X sued Y, and Z criticised the deal" and "X called for Y to resign, two weeks after
/// the company agreed to buy Z" are two.
fn clause_bounds(
    s: &str,
    triggers: &[(usize, usize, usize)],
    named: impl Fn(usize, usize) -> bool,
) -> Vec<usize> {
    let mut bounds = vec![0];
    // A cut needs a trigger on each side.
    if triggers.len() >= 2 {
        for (p, c) in s.match_indices([',', ';']) {
            // Triggers are in text order.
            if triggers.first().is_none_or(|t| t.2 > p) {
                continue;
            }
            let Some(next) = triggers
                .get(triggers.partition_point(|t| t.1 <= p))
                .map(|t| t.1)
            else {
                continue;
            };
            // The subject comes before any other comma: "and Senator X, a Democrat from Ohio,
            // criticised"; not "Y, after the election, met Z".
            let comma = s[p + 1..next].find([',', ';']).map(|k| p + 1 + k);
            // "A, B, and C, and Y praised Z": an item of a list, not a subject.
            let listed = comma.is_some_and(|k| {
                let after = s[k + 1..].split_whitespace().next();
                matches!(after, Some("and" | "or"))
            });
            if listed {
                continue;
            }
            let window = &s[p + 1..comma.unwrap_or(next)];
            let words: Vec<&str> = window
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .collect();
            let low = |k: usize| words.get(k).map(|w| w.to_ascii_lowercase());
            let join = if c == ";" {
                Some(0)
            } else if low(0).is_some_and(|w| COORDINATORS.contains(&w.as_str())) {
                Some(1)
            } else {
                (0..3)
                    .find(|&k| low(k).is_some_and(|w| SUBORDINATORS.contains(&w.as_str())))
                    .map(|k| k + 1)
            };
            let subject = join.is_some_and(|k| {
                named(p, p + 1 + window.len())
                    || comma.is_none()
                        && words[k..]
                            .iter()
                            .any(|w| UNNAMED_SUBJECTS.contains(&w.to_ascii_lowercase().as_str()))
            });
            if subject {
                bounds.push(p);
            }
        }
    }
    bounds.push(s.len());
    // Each clause may report an event of every kind, and each event cites its whole sentence:
    // a sentence of more clauses than news writes (text without full stops) stays one clause,
    // so that what it reports stays bounded.
    if bounds.len() > MAX_CLAUSES + 1 {
        bounds = vec![0, s.len()];
    }
    bounds
}

/// The most clauses a sentence is cut into.
const MAX_CLAUSES: usize = 8;

/// Whether a pronoun among the sentence's first twelve words stands for a person of an earlier
/// sentence. `people_before` counts the persons the sentence names before a byte offset. "he"
/// or "she" only before every one of them: in "X said she would ..." it is X. "him", or "her"
/// as an object ("praised her for ..."), after at most one: that one is its clause's subject,
/// which the pronoun is not ("Y welcomed him"); after two, it is likelier one of them ("X
/// clashed with Y after Z banned him"). A capitalised one counts only as the first word:
/// inside a sentence, "Her" is a name.
fn refers_back(s: &str, people_before: impl Fn(usize) -> usize) -> bool {
    let mut words = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .enumerate()
        .peekable();
    while let Some((k, w)) = words.next() {
        if k > 0 && w.starts_with(char::is_uppercase) {
            continue;
        }
        let is = |p: &str| w.eq_ignore_ascii_case(p);
        if !(is("he") || is("she") || is("him") || is("her")) {
            continue;
        }
        // The word's offset in the sentence (it is a slice of it).
        let before = people_before(w.as_ptr() as usize - s.as_ptr() as usize);
        let found = if is("he") || is("she") {
            before == 0
        } else {
            before <= 1
                && (is("him")
                    || words
                        .peek()
                        .is_none_or(|&(_, next)| AFTER_OBJECT.contains(&next)))
        };
        if found {
            return true;
        }
    }
    false
}

/// Whether mention `org` is followed directly by the title of mention `person`: "Brightwater
/// chief executive Paul Okonkwo", "Acme's CEO Jane Doe".
fn titled_by(body: &str, mentions: &Mentions, org: usize, person: usize) -> bool {
    let (m, p) = (&mentions[org], &mentions[person]);
    m.span.end() <= p.span.start()
        && mentions.title(p).is_some_and(|title| {
            let gap = &body[m.span.end()..p.span.start()];
            let gap = gap.trim_start_matches(['\'', '’']).trim_start_matches('s');
            gap.trim() == title
        })
}

fn distinct_names(mentions: &Mentions, idx: &[usize]) -> usize {
    let mut names: Vec<&str> = idx.iter().map(|&i| mentions.name(&mentions[i])).collect();
    names.sort_unstable();
    names.dedup();
    names.len()
}

/// One trigger per family of kinds in a sentence (the first: "dined ... to meet" is one
/// event); a plain statement only when nothing more specific is there.
fn choose_triggers(assets: &Assets, found: &[(usize, usize, usize)]) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for &f in found {
        let fam = family(assets.triggers[f.0].kind);
        if !out.iter().any(|o| family(assets.triggers[o.0].kind) == fam) {
            out.push(f);
        }
    }
    if out.iter().any(|o| assets.triggers[o.0].kind != "statement") {
        out.retain(|o| assets.triggers[o.0].kind != "statement");
    }
    out
}

/// Words that put a clause of its own between an ending cue and a trigger after it.
const ENDING_BREAKS: [&str; 9] = [
    "and", "or", "but", "then", "to", "before", "after", "while", "when",
];

/// The modality cue closest before the trigger within its clause, after any earlier trigger
/// and at most four words back: "did not endorse X's opponent" negates the endorsement only.
/// With it, whether an ending cue (modality `ended` in the assets: "ending", "settled") is in
/// the same window.
fn modality_before(
    lex: &Lexicon,
    assets: &Assets,
    s: &str,
    (trigger_start, trigger_end): (usize, usize),
    floor: usize,
) -> (Modality, bool) {
    let clause_start = s[..trigger_start]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | '—' | '(' | ':'))
        .map_or(0, |(i, c)| i + c.len_utf8())
        .max(floor);
    let mut window_start = trigger_start;
    let mut words = 0;
    for (i, c) in s[clause_start..trigger_start].char_indices().rev() {
        if c.is_whitespace() {
            words += 1;
            if words > 4 {
                break;
            }
        }
        window_start = clause_start + i;
    }
    // Through the trigger, for the phrases that only look like cues and take the trigger in
    // ("would like to thank" thanks): nothing else may reach into it.
    let window = &s[window_start..trigger_end];
    let mut found = Modality::Asserted;
    let mut ended = false;
    for m in lex.modality.find_iter(window) {
        let cue = assets.modality[m.pattern().as_usize()].1.as_str();
        if !on_word_boundaries(window, m.start(), m.end())
            || (m.end() > trigger_start - window_start && cue != "asserted")
        {
            continue;
        }
        found = match cue {
            "negated" => Modality::Negated,
            "planned" => Modality::Planned,
            "hypothetical" => Modality::Hypothetical,
            // Only in lower case (a capitalised "Settle" is more often a name), and only when
            // it governs the trigger: no clause of its own between them ("ended her silence
            // and attacked X" ends nothing hostile).
            "ended" => {
                ended |= !window[m.start()..].starts_with(|c: char| c.is_uppercase())
                    && !window[m.end()..]
                        .split_whitespace()
                        .any(|w| ENDING_BREAKS.contains(&w));
                found
            }
            _ => found,
        };
    }
    // A noun trigger right after "potential"/"possible" is covered above; a sentence that
    // opens with "If" makes everything in it hypothetical.
    if s.trim_start().to_ascii_lowercase().starts_with("if ") {
        return (Modality::Hypothetical, ended);
    }
    (found, ended)
}

/// The trigger's tone scaled by a modifier in the three words before it ("harshly criticized");
/// a negated event carries no tone of its own.
fn scaled_tone(
    assets: &Assets,
    s: &str,
    trigger_start: usize,
    tone: f32,
    modality: Modality,
) -> f32 {
    if modality == Modality::Negated {
        return 0.0;
    }
    let factor = s[..trigger_start]
        .split_whitespace()
        .rev()
        .take(3)
        .filter_map(|w| {
            assets.tone_modifiers.get(
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase(),
            )
        })
        .copied()
        .next()
        .unwrap_or(1.0);
    ((tone * factor * 10.0).round() / 10.0).clamp(-10.0, 10.0)
}

/// One sentence as the role rules read it.
struct Scene<'a> {
    /// Where the sentence starts in the body.
    base: usize,
    /// Its text.
    s: &'a str,
    mentions: &'a Mentions,
    kinds: &'a [Option<Kind>],
    /// Its persons and organisations that are parties to its events.
    here: &'a [usize],
    assets: &'a Assets,
}

/// The classes of organisation cues (`org_cues.tsv`) that name a place one goes to: "at the
/// Regional Court", "at City Hall", "at Dunmore University" say where, not with whom.
const VENUE_CLASSES: [&str; 6] = [
    "court",
    "education",
    "health",
    "culture",
    "religious",
    "venue",
];

/// Words before "at" that aim at a party rather than say where: "took a swipe at", "lashed out
/// at", "angry at".
const AIMED_AT: [&str; 22] = [
    "aim",
    "swipe",
    "jab",
    "dig",
    "shot",
    "shots",
    "out",
    "back",
    "angry",
    "furious",
    "pointed",
    "directed",
    "aimed",
    "targeted",
    "criticism",
    "attack",
    "attacks",
    "blame",
    "anger",
    "outrage",
    "fury",
    "insults",
];

/// Whether organisation mention `i` is where the sentence's events happen or the channel they
/// go through, no party to them: "at the Regional Court", "at City Hall", "in a letter to The
/// Times", "in an interview with the Sentinel".
fn setting(scene: &Scene, i: usize) -> bool {
    let &Scene {
        base,
        s,
        mentions,
        kinds,
        assets,
        ..
    } = scene;
    if kinds.get(i).copied().flatten() != Some(Kind::Org) {
        return false;
    }
    let mut words = s[..mentions[i].span.start() - base]
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(4)
        .map(str::to_ascii_lowercase);
    let mut near = words.next();
    if matches!(near.as_deref(), Some("the" | "a" | "an")) {
        near = words.next();
    }
    let before = words.next();
    match (near.as_deref(), before.as_deref()) {
        (Some("at"), before) => {
            let name = mentions.name(&mentions[i]);
            let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
            assets
                .org_cues
                .get(&last)
                .is_some_and(|cue| VENUE_CLASSES.contains(&cue.class.as_str()))
                && before.is_none_or(|b| !AIMED_AT.contains(&b))
        }
        // Where one posts, not whom.
        (Some("on"), Some("post" | "posts")) => true,
        // A paper or broadcaster written to or spoken with: a letter to a company is to it.
        (Some("to"), Some("letter" | "speaking"))
        | (Some("with"), Some("interview" | "interviews"))
        | (Some("in" | "for"), Some("op-ed" | "column" | "article" | "editorial" | "writing"))
        | (Some("on"), Some("appearance")) => mentions
            .name(&mentions[i])
            .split(' ')
            .any(|w| assets.lexicon.is(&w.to_lowercase(), word::ORG_MEDIA)),
        _ => false,
    }
}

/// What evaluative words say of what a statement is about: `Some(false)` when they only
/// blame ("misleading", "a mistake"), `Some(true)` when they only commend, `None` when they
/// are mixed, absent, or negated ("not wrong").
fn verdict(words: &str, assets: &Assets) -> Option<bool> {
    let (mut good, mut bad) = (false, false);
    for w in words
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
    {
        // Most words are lower case already: lowered only when they are not.
        let w = if w.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
            std::borrow::Cow::Borrowed(w)
        } else {
            std::borrow::Cow::Owned(w.to_lowercase())
        };
        if matches!(&*w, "not" | "never" | "no" | "nothing" | "hardly")
            || w.ends_with("n't")
            || w.ends_with("n’t")
        {
            return None;
        }
        match assets.evaluative.get(&*w) {
            Some(true) => good = true,
            Some(false) => bad = true,
            None => {}
        }
    }
    match (good, bad) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Words that attribute a quotation to its speaker ("\"…,\" said X", "\"…,\" X told reporters").
const SPEECH: [&str; 22] = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "asked",
    "replied",
    "explained",
    "argued",
    "insisted",
    "noted",
    "stated",
    "declared",
    "continued",
    "recalled",
    "warned",
    "tweeted",
    "posted",
];

/// A quotation in a sentence that ends with its attribution, and who said it.
struct Quoted {
    /// The quotation, quotation marks included (sentence offsets).
    quote: std::ops::Range<usize>,
    /// Its attribution: from the closing quotation mark to the sentence's end.
    attribution: std::ops::Range<usize>,
    /// The speaker: the first person the attribution names, not one whose role the speaker
    /// holds ("X's lawyer, Y, said"); else the first organisation.
    speaker: usize,
}

/// The sentence's last quotation, when the rest of the sentence attributes it: "\"…,\" said X,
/// a professor at Y." or "\"…,\" X said." A quotation that a sentence only closes (it opened in
/// the sentence before) runs from the sentence's start.
fn quoted(scene: &Scene) -> Option<Quoted> {
    let &Scene {
        base,
        s,
        mentions,
        kinds,
        here,
        ..
    } = scene;
    let straight = s.bytes().filter(|&b| b == b'"').count();
    // The open quotation mark, and whether it is curly: a mark of the other kind inside a
    // quotation is a quotation within it.
    let mut open = (straight % 2 == 1).then_some((0, false));
    let mut last = None;
    for (i, c) in s.char_indices() {
        match (c, open) {
            ('“', None) => open = Some((i, true)),
            ('”', None | Some((_, true))) => {
                last = Some(open.take().map_or(0, |o| o.0)..i + c.len_utf8());
            }
            ('"', Some((o, false))) if !(o == 0 && i == 0) => {
                last = Some(o..i + 1);
                open = None;
            }
            ('"', None) => open = Some((i, false)),
            _ => {}
        }
    }
    // The sentence is the quotation and its attribution: a quotation inside a sentence ("the
    // so-called \"Acme files\"", "the plan was \"reckless,\" X said") is no one's speech.
    let quote = last.filter(|q| open.is_none() && s[..q.start].trim().is_empty())?;
    let attribution = quote.end..s.len();
    let kind = |i: usize| kinds.get(i).copied().flatten();
    let in_attribution: Vec<usize> = here
        .iter()
        .copied()
        .filter(|&i| mentions[i].span.start() >= base + attribution.start)
        .collect();
    let possessive =
        |i: usize| after_possessive(&s[mentions[i].span.end() - base..], false).is_some();
    // The speaker stands next to the verb of saying: "said X", "X said", "X, a lawyer, said".
    let next_to_speech = |i: usize| {
        let m = &mentions[i].span;
        let before = s[attribution.start..m.start() - base]
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty());
        let after = s[m.end() - base..]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(8)
            .collect::<Vec<_>>();
        before.is_some_and(|w| SPEECH.contains(&w))
            || after.first().is_some_and(|w| SPEECH.contains(w))
            || s[m.end() - base..].starts_with(',') && after.iter().any(|w| SPEECH.contains(w))
    };
    let speaker = [Kind::Person, Kind::Org].into_iter().find_map(|k| {
        in_attribution
            .iter()
            .copied()
            .find(|&i| kind(i) == Some(k) && !possessive(i) && next_to_speech(i))
    })?;
    Some(Quoted {
        quote,
        attribution,
        speaker,
    })
}

/// The person named with mention `i`'s role: Y of "X's lawyer, Y" or "X's chief executive
/// Y" (a possessive, one to three words ending in a title of the assets, maybe a comma, the
/// person), or of "a NASA spokesperson, Y" (an organisation, the title, a comma). "X's
/// outreach to Y" and "X's statement thanked Y" name none.
fn holder_of(scene: &Scene, i: usize) -> Option<usize> {
    let &Scene {
        base,
        s,
        mentions,
        kinds,
        here,
        assets,
    } = scene;
    let rest = &s[mentions[i].span.end() - base..];
    let possessive = after_possessive(rest, false);
    if possessive.is_none() && kinds.get(i).copied().flatten() != Some(Kind::Org) {
        return None;
    }
    let from = s.len() - possessive.unwrap_or(rest).len();
    // `here` is in text order.
    let j = *here.get(here.partition_point(|&j| mentions[j].span.start() < base + from))?;
    if kinds.get(j).copied().flatten() != Some(Kind::Person) {
        return None;
    }
    let gap = s[from..mentions[j].span.start() - base].trim_end();
    let comma = gap.strip_suffix(',');
    if possessive.is_none() && comma.is_none() {
        return None;
    }
    is_role(comma.unwrap_or(gap), assets).then_some(j)
}

/// What follows a possessive's "'s" (or "’s") at the start of `rest`; with `bare`, also a bare
/// apostrophe ("Jonas' takeover").
fn after_possessive(rest: &str, bare: bool) -> Option<&str> {
    let marks: &[&str] = if bare {
        &["'s", "’s", "'", "’"]
    } else {
        &["'s", "’s"]
    };
    marks.iter().find_map(|p| rest.strip_prefix(p))
}

/// Words that end a role's modifiers: "praise for President X" and "criticism of Senator X" are
/// no roles.
const ROLE_BREAKS: [&str; 13] = [
    "for", "of", "to", "with", "against", "on", "at", "by", "from", "in", "over", "about", "and",
];

/// Whether `gap` is a role: one to four words ending in a title of the assets (of up to three
/// words: "chief of staff"), the words before it no [`ROLE_BREAKS`].
fn is_role(gap: &str, assets: &Assets) -> bool {
    let gap = gap.to_lowercase();
    let words: Vec<&str> = gap.split_whitespace().collect();
    if !(1..=4).contains(&words.len()) || !words.iter().all(|w| w.chars().all(char::is_alphabetic))
    {
        return false;
    }
    (1..=3.min(words.len())).any(|n| {
        let (modifiers, title) = words.split_at(words.len() - n);
        assets.titles.contains_key(&title.join(" "))
            && !modifiers.iter().any(|w| ROLE_BREAKS.contains(w))
    })
}

/// Where the role after organisation `i`'s possessive ends, when a comma closes it: "Jane Doe,
/// Acme Corp's litigation director, sued Beta" (the role is Jane Doe's; Acme Corp is hers).
fn role_after(scene: &Scene, i: usize) -> Option<usize> {
    let &Scene {
        base,
        s,
        mentions,
        assets,
        ..
    } = scene;
    let rest = &s[mentions[i].span.end() - base..];
    let rest = after_possessive(rest, false)?;
    // A role is a few words: the comma is looked for in the next 80 characters only.
    let (comma, _) = rest.char_indices().take(80).find(|&(_, c)| c == ',')?;
    is_role(&rest[..comma], assets).then(|| base + s.len() - rest.len() + comma)
}

/// Actor and target: the nearest participant before the trigger acts on the first one after
/// it, unless the trigger is passive ("was banned from X", "was praised by X"); and whether
/// the trigger is owned ("X's takeover of Y"), when its parties are those two alone.
fn roles(
    scene: &Scene,
    (ts, te): (usize, usize),
    via_pronoun: Option<usize>,
) -> (Option<usize>, Option<usize>, bool) {
    let &Scene {
        base,
        s,
        mentions,
        kinds,
        here,
        ..
    } = scene;
    let person = |i: usize| kinds.get(i).copied().flatten() == Some(Kind::Person);
    let before: Vec<usize> = here
        .iter()
        .copied()
        .filter(|&i| mentions[i].span.end() <= base + ts)
        .collect();
    let after: Vec<usize> = here
        .iter()
        .copied()
        .filter(|&i| mentions[i].span.start() >= base + te)
        .collect();
    let prev_word = s[..ts]
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_ascii_lowercase();
    // A participle after the auxiliary: "was banned", "was met"; not "was grateful".
    let participle = s[ts..te].split_whitespace().next().is_some_and(|w| {
        let w = w.to_ascii_lowercase();
        ["ed", "en", "wn"].iter().any(|e| w.ends_with(e)) || IRREGULAR_PARTICIPLES.contains(&&*w)
    });
    let passive = participle && PASSIVE_AUX.contains(&prev_word.as_str());
    // "Halden's takeover of the Ardmore Gazette": a trigger owned by a party is that party's
    // act, on what follows; "Vik's suspension from Orbis" is done to the owner, by what
    // follows.
    // Up to two words may come between: "Acme's hostile takeover", "X's $2 billion
    // acquisition".
    let owner = before.last().copied().filter(|&i| {
        let gap = &s[mentions[i].span.end() - base..ts];
        let Some(rest) = after_possessive(gap, true) else {
            return false;
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        (rest.is_empty() || rest.starts_with(char::is_whitespace))
            && words.len() <= 2
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '$')
            })
    });
    if let Some(owner) = owner
        && let Some(&next) = after.first()
    {
        let next_word = s[te..].split_whitespace().next().unwrap_or("");
        return if matches!(next_word, "from" | "by") {
            (Some(next), Some(owner), true)
        } else {
            (Some(owner), Some(next), true)
        };
    }
    // A person is a likelier actor than the organisation named with them ("Acme CEO X").
    // The clause's subject: the first person named in the trigger's clause before it ("After
    // an attack on Y in July, X praised ..."), else the first person before it ("In April, X
    // publicly called Y ..."), else the first participant.
    let clause_start = base
        + s[..ts]
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, ',' | ';' | '—' | '('))
            .map_or(0, |(i, c)| i + c.len_utf8());
    // A clause that opens with a verb ("called", "thanking") or a relative pronoun has no
    // subject of its own: in "X, a Republican who served two terms, called Y to congratulate
    // her" the subject is X, not Y.
    let verb_led = s[clause_start - base..]
        .split_whitespace()
        .next()
        .is_some_and(|w| {
            matches!(w, "who" | "whom" | "whose")
                || AUXILIARIES.contains(&w)
                || w.len() >= 4
                    && (w.ends_with("ed") || w.ends_with("ing"))
                    && w.chars().all(|c| c.is_ascii_lowercase())
                    && !CLAUSE_OPENERS.contains(&w)
        });
    let clause_start = (!verb_led).then_some(clause_start);
    // In "X's lawyer, Y, said" the subject is Y: X is whose the subject is.
    let owner = |i: usize| holder_of(scene, i).is_some();
    let person_in = |from: usize, owners: bool| {
        before
            .iter()
            .copied()
            .find(|&i| person(i) && mentions[i].span.start() >= from && (owners || !owner(i)))
    };
    let in_clause = |owners: bool| clause_start.and_then(|c| person_in(c, owners));
    let subject = in_clause(false)
        .or_else(|| person_in(0, false))
        .or_else(|| in_clause(true))
        .or_else(|| person_in(0, true))
        .or(before.first().copied())
        .or(via_pronoun);
    // The object: a person named after the trigger; else the one other person of the sentence
    // (who "the former president" after the trigger most likely is); else what follows.
    let same = |a: usize, b: usize| mentions.name(&mentions[a]) == mentions.name(&mentions[b]);
    // Nor whose role the subject holds: in "X's lawyer, Y, said he would fight the charges", X
    // is Y's client, not Y's target.
    let others: Vec<usize> = here
        .iter()
        .copied()
        .filter(|&i| person(i))
        .filter(|&i| subject.is_none_or(|s| !same(s, i) && holder_of(scene, i) != Some(s)))
        .collect();
    let object = after
        .iter()
        .copied()
        .find(|&i| person(i))
        .or(if let [only] = others.as_slice() {
            Some(*only)
        } else {
            None
        })
        .or(after.first().copied());
    if passive {
        // The agent of a passive is named after "by" or "from" ("was praised by X", "was
        // banned from X"); "is accused of steering contracts to X" names none.
        let agent = object.filter(|&o| {
            let start = mentions[o].span.start() - base;
            start >= te && matches!(s[te..start].split_whitespace().last(), Some("by" | "from"))
        });
        (agent, subject, false)
    } else {
        // Else a party before the subject ("As Y prepares ..., X and Z want to be allies"), or
        // one joined to it by "and" ("X and Y signed an agreement", "X and Z's agency, Y,
        // signed"); not "X, who scored for Y, praised".
        let earlier = || {
            let s_ = subject?;
            let x = &mentions[s_];
            let first = before
                .first()
                .copied()
                .filter(|&b| !same(s_, b) && mentions[b].span.start() < x.span.start());
            first.or_else(|| {
                before.iter().copied().find(|&b| {
                    let y = &mentions[b];
                    !same(s_, b)
                        && x.span.end() <= y.span.start()
                        && s[x.span.end() - base..y.span.start() - base]
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| w == "and")
                })
            })
        };
        (subject, object.or_else(earlier), false)
    }
}

/// The time expression governing a trigger: the nearest one in its sentence; else one that
/// frames the sentence before ("In 2017, X criticised Y. X also criticised Z."): it opens that
/// sentence, after at most one word; else the publication date. A date inside the previous
/// sentence's clause ("after the riot of January 6th") governs only that sentence.
///
/// It is computed in the merge, from an article's final time expressions: an undated article's
/// expressions are resolved again once its date is inferred.
pub fn governing_time(
    body: &str,
    sentences: &[Span],
    timexes: &[impl AsRef<Timex>],
    si: usize,
    at: usize,
) -> EventTime {
    let in_sentence = timexes
        .iter()
        .map(AsRef::as_ref)
        .enumerate()
        .filter(|(_, t)| t.sentence == si)
        .min_by_key(|(_, t)| t.span.start().abs_diff(at));
    if let Some((i, _)) = in_sentence {
        return EventTime::Timex(i);
    }
    if let Some(prev) = si.checked_sub(1).and_then(|p| sentences.get(p)) {
        let framing = timexes
            .iter()
            .map(AsRef::as_ref)
            .enumerate()
            .find(|(_, t)| {
                t.sentence + 1 == si
                    && body
                        .get(prev.start()..t.span.start())
                        .is_some_and(|lead| lead.split_whitespace().count() <= 1)
            });
        if let Some((i, _)) = framing {
            return EventTime::Timex(i);
        }
    }
    EventTime::Published
}

/// The sentence from the actor on (or from its start).
fn summary_span(sentence: &Span, actor_start: Option<usize>) -> Span {
    let from = actor_start
        .filter(|&a| a >= sentence.start() && a < sentence.end())
        .unwrap_or(sentence.start());
    Span::new(from, sentence.end())
}

/// An event's summary: its summary span of `body`, whitespace squashed, cut at 200 columns;
/// views cut it to fit. Made once per merged event, not per report; borrowed from the body
/// when it is its text as it stands (most are).
pub fn summary(body: &str, span: Span) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    const WIDTH: usize = 200;
    match crate::text::squashed(span.of(body)) {
        Cow::Borrowed(s) if crate::text::fits(s, WIDTH) => Cow::Borrowed(s),
        s => Cow::Owned(crate::text::truncate_owned(s.into_owned(), WIDTH)),
    }
}

/// Kinds that name the same real-world event when other things agree: a dinner, a visit and
/// a meeting between the same people on the same days are one event.
pub fn family(kind: &str) -> &str {
    match kind {
        "meeting" | "visit" | "dinner" => "meeting",
        "donation" | "support" | "endorsement" => "support",
        "criticism" | "insult" | "feud" => "criticism",
        "ban" | "suspension" => "ban",
        "lawsuit" | "investigation" => "lawsuit",
        "rivalry" | "competition" => "rivalry",
        other => other,
    }
}

/// A money amount stated for a donation or support by an actor: the raw material of conflicts
/// between articles ("over $100 million" against "more than $250 million").
#[derive(Debug, Clone, PartialEq)]
pub struct AmountClaim {
    /// Index into `Facts::mentions` of the giver.
    pub actor: usize,
    /// The amount as written, without qualifiers: "$250 million".
    pub text: String,
    /// The amount in units of its currency.
    pub value: f64,
    pub sentence: usize,
}

/// Money amounts in sentences that report a donation or support, with the nearest person or
/// organisation before the amount as the giver.
pub fn amount_claims(
    body: &str,
    sentences: &[Span],
    mentions: &Mentions,
    kinds: &[Option<Kind>],
    assets: &Assets,
) -> Vec<AmountClaim> {
    let lex = lexicon(assets);
    let mut out = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let s = sentence.of(body);
        if !s.contains(['$', '£', '€']) {
            continue;
        }
        let supportive = lex.triggers.find_iter(s).any(|m| {
            on_word_boundaries(s, m.start(), m.end())
                && matches!(
                    assets.triggers[m.pattern().as_usize()].kind,
                    "donation" | "support"
                )
        });
        if !supportive {
            continue;
        }
        for (at, text, value) in money(s) {
            let abs = sentence.start() + at;
            let actor = mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.sentence as usize == si && m.span.end() <= abs)
                .filter(|(i, _)| {
                    matches!(
                        kinds.get(*i).copied().flatten(),
                        Some(Kind::Person | Kind::Org)
                    )
                })
                .map(|(i, _)| i)
                .next();
            if let Some(actor) = actor {
                out.push(AmountClaim {
                    actor,
                    text,
                    value,
                    sentence: si,
                });
            }
        }
    }
    out
}

/// `$1 million`, `$2.5bn`, `£40,000`: (offset, normalised text, value).
fn money(s: &str) -> Vec<(usize, String, f64)> {
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if !matches!(c, '$' | '£' | '€') {
            continue;
        }
        let rest = &s[i + c.len_utf8()..];
        let num: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        let Ok(n) = num.replace(',', "").trim_end_matches('.').parse::<f64>() else {
            continue;
        };
        let after = rest[num.len()..].trim_start();
        let word: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let (mult, unit) = match word.to_ascii_lowercase().as_str() {
            "million" | "m" | "mn" => (1e6, " million"),
            "billion" | "bn" | "b" => (1e9, " billion"),
            "trillion" | "tn" => (1e12, " trillion"),
            _ => (1.0, ""),
        };
        let text = format!("{c}{}{unit}", num.trim_end_matches(['.', ',']));
        out.push((i, text, n * mult));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_cuts_stop_at_a_bound() {
        // (pattern, start, end) of each "sued" and the cuts' named test: any stretch names.
        let clauses = |n: usize| {
            let s = vec!["A sued B"; n].join(", and ");
            let triggers: Vec<(usize, usize, usize)> = s
                .match_indices("sued")
                .map(|(i, w)| (0, i, i + w.len()))
                .collect();
            clause_bounds(&s, &triggers, |_, _| true).len() - 1
        };
        assert_eq!(clauses(3), 3);
        assert_eq!(clauses(MAX_CLAUSES), MAX_CLAUSES);
        // More clauses than news writes: one clause, so its events stay bounded.
        assert_eq!(clauses(MAX_CLAUSES + 1), 1);
        assert_eq!(clauses(4000), 1);
    }

    #[test]
    fn money_amounts_are_read_with_their_scale() {
        let m = money("spent more than $250 million, then £40,000 and €2.5bn.");
        let got: Vec<(String, f64)> = m.into_iter().map(|(_, t, v)| (t, v)).collect();
        assert_eq!(
            got,
            vec![
                ("$250 million".to_string(), 250e6),
                ("£40,000".to_string(), 40_000.0),
                ("€2.5 billion".to_string(), 2.5e9)
            ]
        );
    }

    #[test]
    fn word_boundaries_reject_partial_words() {
        assert!(on_word_boundaries("he met her", 3, 6));
        assert!(!on_word_boundaries("metal", 0, 3));
        assert!(!on_word_boundaries("unmet", 2, 5));
    }
}
