//! Relationship events: the seeds' arcs, one event per real-world event, conflicts, and
//! passages the tests write themselves for each kind, for modality and for merging.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use storyline::cli::{build_model, source};
use storyline::model::{EntityId, Event, Modality, Model};

fn seeds() -> Model {
    build_model(&source(&[])).unwrap()
}

fn corpus(files: &[(&str, &str)]) -> Model {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    build_model(&source(&[dir.path().to_path_buf()])).unwrap()
}

fn entity(m: &Model, name: &str) -> EntityId {
    m.entities
        .iter()
        .find(|e| *e.name == *name)
        .unwrap_or_else(|| panic!("no entity {name:?}"))
        .id
}

fn pair<'a>(m: &'a Model, a: &str, b: &str) -> Vec<&'a Event> {
    m.pair_events(entity(m, a), entity(m, b))
        .iter()
        .map(|&e| m.event(e))
        .collect()
}

fn day(y: i32, mo: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, mo, d).unwrap()
}

/// The first event of one of `kinds` whose date span contains `on`.
fn find<'a>(events: &[&'a Event], kinds: &[&str], on: NaiveDate) -> Option<&'a Event> {
    events
        .iter()
        .copied()
        .find(|e| kinds.contains(&e.kind) && e.when.is_some_and(|w| w.value.contains(on)))
}

#[test]
fn trump_and_bezos_from_feud_to_white_house_meeting() {
    let m = seeds();
    let events = pair(&m, "Donald Trump", "Jeff Bezos");
    let criticism =
        find(&events, &["criticism", "insult"], day(2017, 6, 1)).expect("criticism in 2017");
    let praise = find(&events, &["praise"], day(2024, 7, 15)).expect("praise in July 2024");
    let dinner =
        find(&events, &["dinner", "meeting"], day(2024, 12, 18)).expect("the December 2024 dinner");
    let inauguration = find(&events, &["meeting", "donation"], day(2025, 1, 20))
        .expect("the January 2025 inauguration");
    let april = find(&events, &["praise"], day(2025, 4, 15)).expect("praise in April 2025");
    let july = find(&events, &["meeting", "visit"], day(2025, 7, 16))
        .expect("the July 2025 White House meeting");
    let order: Vec<usize> = [criticism, praise, dinner, inauguration, april, july]
        .iter()
        .map(|e| events.iter().position(|x| x.id == e.id).unwrap())
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "the timeline is in time order");
    assert!(criticism.tone < 0.0);
    for e in [praise, dinner, inauguration, april, july] {
        assert!(e.tone > 0.0, "{} {}", e.kind, m.summary(e));
    }
    assert!(
        july.evidence.len() >= 2,
        "the meeting is reported more than once in its article"
    );
    // Hostile before 2024, cooperative after: the mean tone of dated events on each side.
    let mean = |f: &dyn Fn(NaiveDate) -> bool| {
        let t: Vec<f32> = events
            .iter()
            .filter(|e| e.when.is_some_and(|w| f(w.value.start)))
            .map(|e| e.tone)
            .collect();
        t.iter().sum::<f32>() / t.len() as f32
    };
    assert!(mean(&|d| d < day(2024, 1, 1)) < 0.0);
    assert!(mean(&|d| d >= day(2024, 7, 1)) > 0.0);
}

#[test]
fn trump_and_zuckerberg_from_ban_and_threat_to_dinner_and_donation() {
    let m = seeds();
    let events = pair(&m, "Donald Trump", "Mark Zuckerberg");
    let has = |kinds: &[&str], sign: f32| {
        events
            .iter()
            .any(|e| kinds.contains(&e.kind) && e.tone * sign > 0.0)
    };
    assert!(
        has(&["ban", "suspension"], -1.0),
        "the ban after the Capitol riot"
    );
    assert!(
        find(&events, &["criticism", "threat"], day(2024, 8, 15)).is_some_and(|e| e.tone < 0.0),
        "the August 2024 prison threat"
    );
    assert!(
        find(&events, &["praise"], day(2024, 7, 15)).is_some(),
        "July 2024 praise"
    );
    assert!(
        find(
            &events,
            &["reconciliation", "praise", "meeting"],
            day(2024, 10, 15)
        )
        .is_some_and(|e| e.tone > 0.0),
        "October 2024 warmth"
    );
    assert!(
        has(&["donation", "support"], 1.0),
        "the inauguration donation"
    );
}

#[test]
fn the_mar_a_lago_dinner_is_one_event_with_three_sources() {
    let m = seeds();
    let events = pair(&m, "Donald Trump", "Mark Zuckerberg");
    let dinners: Vec<&&Event> = events
        .iter()
        .filter(|e| e.kind == "dinner")
        .filter(|e| {
            e.evidence.iter().any(|v| {
                v.span
                    .of(m.article(v.article).body())
                    .contains("Mar-a-Lago")
            })
        })
        .collect();
    assert_eq!(
        dinners.len(),
        1,
        "{:#?}",
        dinners.iter().map(|e| m.summary(e)).collect::<Vec<_>>()
    );
    let articles: BTreeSet<_> = dinners[0]
        .evidence
        .iter()
        .map(|v| m.article(v.article).id())
        .collect();
    assert!(articles.len() >= 3, "{articles:?}");
}

#[test]
fn the_campaign_support_amounts_conflict() {
    let m = seeds();
    let musk = entity(&m, "Elon Musk");
    let c = m
        .conflicts
        .iter()
        .find(|c| c.entity == musk)
        .expect("a conflict about Musk");
    let values: BTreeSet<&str> = c.claims.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(values, BTreeSet::from(["$100 million", "$250 million"]));
    let articles: BTreeSet<_> = c.claims.iter().map(|c| c.article).collect();
    assert_eq!(articles.len(), 2, "each claim with its own source");
}

/// One sentence per kind, between people the tests invent.
#[test]
fn each_kind_from_a_passage_of_our_own() {
    let cases = [
        ("Maria Lopez met Carlos Ruiz in Madrid.", "meeting", 1.0),
        (
            "Maria Lopez dined with Carlos Ruiz at a restaurant.",
            "dinner",
            1.0,
        ),
        ("Maria Lopez visited Carlos Ruiz at his home.", "visit", 1.0),
        ("Maria Lopez donated money to Carlos Ruiz.", "donation", 1.0),
        (
            "Maria Lopez endorsed Carlos Ruiz for mayor.",
            "endorsement",
            1.0,
        ),
        ("Maria Lopez praised Carlos Ruiz.", "praise", 1.0),
        ("Maria Lopez criticized Carlos Ruiz.", "criticism", -1.0),
        ("Maria Lopez threatened Carlos Ruiz.", "threat", -1.0),
        ("Maria Lopez sued Carlos Ruiz.", "lawsuit", -1.0),
        (
            "Maria Lopez appointed Carlos Ruiz as her deputy.",
            "appointment",
            1.0,
        ),
    ];
    for (i, (text, kind, sign)) in cases.iter().enumerate() {
        let doc = format!("---\ndate: 2023-03-0{}\n---\n{text}", i % 9 + 1);
        let m = corpus(&[("a.txt", &doc)]);
        let events = pair(&m, "Maria Lopez", "Carlos Ruiz");
        let e = events.iter().find(|e| e.kind == *kind).unwrap_or_else(|| {
            panic!(
                "{text:?}: no {kind}, got {:?}",
                events.iter().map(|e| &e.kind).collect::<Vec<_>>()
            )
        });
        assert!(e.tone * sign > 0.0, "{text:?}: tone {}", e.tone);
        assert_eq!(e.actor, Some(entity(&m, "Maria Lopez")), "{text:?}");
        assert_eq!(e.target, Some(entity(&m, "Carlos Ruiz")), "{text:?}");
        assert_eq!(e.modality, Modality::Asserted);
        assert!(
            e.when.unwrap().inferred,
            "{text:?}: undated events take the publication date, marked"
        );
    }
}

#[test]
fn negation_plans_and_hypotheticals_are_not_plain_facts() {
    let m = corpus(&[(
        "a.txt",
        "---\ndate: 2023-05-10\n---\nMaria Lopez did not endorse Carlos Ruiz.\n\nAna Silva is set to meet Pedro Gomez on Friday.\n\nJuan Perez could sue Elena Torres.\n\n\
         Helen Marsh urged Oliver Brandt to resume negotiations with Carmen Salazar.",
    )]);
    let neg = pair(&m, "Maria Lopez", "Carlos Ruiz");
    assert_eq!(neg[0].modality, Modality::Negated);
    assert_eq!(
        neg[0].tone, 0.0,
        "a negated endorsement is not an endorsement"
    );
    let planned = pair(&m, "Ana Silva", "Pedro Gomez");
    assert_eq!(planned[0].modality, Modality::Planned);
    assert_eq!(
        planned[0].when.unwrap().value.start,
        day(2023, 5, 12),
        "the Friday ahead"
    );
    let hypothetical = pair(&m, "Juan Perez", "Elena Torres");
    assert_eq!(hypothetical[0].modality, Modality::Hypothetical);
    // What one party urges is not yet done.
    let urged = pair(&m, "Oliver Brandt", "Carmen Salazar");
    assert_eq!(urged[0].kind, "meeting");
    assert_eq!(urged[0].modality, Modality::Hypothetical);
}

#[test]
fn an_ending_hostility_is_a_settlement() {
    let m = corpus(&[(
        "a.txt",
        "---\ndate: 2023-05-10\n---\nMaria Lopez signed the deal, ending a year-long dispute with Carlos Ruiz.\n\nAna Silva settled her lawsuit against Pedro Gomez.\n\nJuan Perez ended up criticizing Elena Torres.\n\nLuis Ortega did not end his feud with Sofia Vega.\n\nJohn Settle criticized Mary Ending.\n\nRosa Diaz ended her silence and attacked Tomas Vidal.\n\nMarta Gil settled in Lisbon and sued Hugo Sanz.",
    )]);
    for (a, b) in [("Maria Lopez", "Carlos Ruiz"), ("Ana Silva", "Pedro Gomez")] {
        let e = pair(&m, a, b);
        let settled = e.iter().find(|e| e.kind == "reconciliation");
        assert!(
            settled.is_some_and(|e| e.modality == Modality::Asserted && e.tone > 0.0),
            "{a} and {b}: {e:?}"
        );
        assert!(e.iter().all(|e| e.tone >= 0.0), "nothing hostile: {e:?}");
    }
    // "ended up" only looks like an ending.
    let e = pair(&m, "Juan Perez", "Elena Torres");
    assert_eq!(e[0].kind, "criticism");
    assert!(e[0].tone < 0.0);
    // Names are no cues.
    let e = pair(&m, "John Settle", "Mary Ending");
    assert_eq!(e[0].kind, "criticism");
    // An ending that governs something else ends nothing hostile.
    for (a, b) in [("Rosa Diaz", "Tomas Vidal"), ("Marta Gil", "Hugo Sanz")] {
        let e = pair(&m, a, b);
        assert!(
            e.iter()
                .any(|e| e.tone < 0.0 && e.modality == Modality::Asserted)
                && e.iter().all(|e| e.kind != "reconciliation"),
            "{a} and {b}: {e:?}"
        );
    }
    // A settlement that did not happen.
    let e = pair(&m, "Luis Ortega", "Sofia Vega");
    assert_eq!(
        (e[0].kind, e[0].modality),
        ("reconciliation", Modality::Negated)
    );
}

#[test]
fn words_change_the_tone() {
    let m = corpus(&[(
        "a.txt",
        "---\ndate: 2023-05-10\n---\nMaria Lopez criticized Carlos Ruiz.\n\nAna Silva harshly criticized Pedro Gomez.",
    )]);
    let mild = pair(&m, "Maria Lopez", "Carlos Ruiz")[0].tone;
    let harsh = pair(&m, "Ana Silva", "Pedro Gomez")[0].tone;
    assert!(harsh < mild && mild < 0.0, "{harsh} < {mild} < 0");
}

#[test]
fn the_same_meeting_in_two_articles_is_one_event_and_another_date_is_another() {
    let m = corpus(&[
        (
            "a.txt",
            "---\ndate: 2023-05-10\n---\nMaria Lopez met Carlos Ruiz in Lisbon on May 8, 2023.",
        ),
        (
            "b.txt",
            "---\ndate: 2023-05-11\n---\nCarlos Ruiz held talks with Maria Lopez on Monday in Lisbon.",
        ),
        (
            "c.txt",
            "---\ndate: 2023-09-20\n---\nMaria Lopez met Carlos Ruiz again on September 18, 2023.",
        ),
    ]);
    let events = pair(&m, "Maria Lopez", "Carlos Ruiz");
    let may: Vec<&&Event> = events
        .iter()
        .filter(|e| e.when.is_some_and(|w| w.value.contains(day(2023, 5, 8))))
        .collect();
    assert_eq!(may.len(), 1, "{events:#?}");
    assert_eq!(may[0].evidence.len(), 2, "both articles are its sources");
    assert!(
        find(&events, &["meeting"], day(2023, 9, 18)).is_some(),
        "the September meeting stays apart"
    );
}

#[test]
fn the_timeline_command_prints_the_pair_in_time_order() {
    let mut out = Vec::new();
    storyline::cli::timeline(&["Trump".into(), "Bezos".into()], &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Donald Trump ↔ Jeff Bezos"));
    let dates: Vec<String> = lines
        .filter_map(|l| l.split_whitespace().next())
        .filter(|d| d.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) || d.starts_with('~'))
        .map(|d| d.trim_start_matches('~').chars().take(4).collect())
        .collect();
    assert!(dates.len() >= 6, "{text}");
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "{text}");
}

/// Trigger words that are mostly nouns in news ("funding delays", "froze funds") make no
/// donation; signing "the" agreement is one; settling a dispute is a reconciliation, not a
/// feud.
#[test]
fn noun_uses_of_money_words_are_not_donations_and_settling_is_not_a_feud() {
    let m = corpus(&[(
        "a.txt",
        "Madrid, March 3, 2025\n\n\
         Prime Minister Pedro Alvarado criticized the European Commission over funding delays.\n\
         Alvarado and Prime Minister Miguel Costa signed the agreement in Lisbon on Tuesday.\n\
         Costa called Alvarado to settle a dispute over fishing rights.\n\
         The European Union froze funds for Hungarian Telecom, said Viktor Halmi.\n",
    )]);
    let kinds: BTreeSet<&str> = m.events.iter().map(|e| e.kind).collect();
    assert!(!kinds.contains("donation"), "{kinds:?}");
    assert!(!kinds.contains("feud"), "{kinds:?}");
    let leaders = pair(&m, "Pedro Alvarado", "Miguel Costa");
    let leader_kinds: BTreeSet<&str> = leaders.iter().map(|e| e.kind).collect();
    assert!(leader_kinds.contains("alliance"), "{leader_kinds:?}");
    assert!(leader_kinds.contains("reconciliation"), "{leader_kinds:?}");
}

#[test]
fn coordinated_clauses_with_subjects_of_their_own_keep_their_parties_apart() {
    let m = corpus(&[(
        "a.txt",
        "---\ndate: 2025-09-08\n---\nThe Federal Trade Commission sued Halden Foods in 2023, and \
         Senator Gloria Whitfield criticised the deal on Monday.\n\n\
         Ruth Okafor praised Simon Lake on Monday, and Tom Vik praised Ana Ruiz.\n\n\
         Dana Moss criticised Orin Vale, Pia Lund, and Tess Hale over the vote.",
    )]);
    let some = |name: &str| m.entities.iter().find(|e| *e.name == *name).map(|e| e.id);
    let whitfield = entity(&m, "Gloria Whitfield");
    let ftc = entity(&m, "Federal Trade Commission");
    assert!(
        m.pair_events(ftc, whitfield).is_empty(),
        "the lawsuit and the criticism are each their own clause's"
    );
    let lawsuit = pair(&m, "Federal Trade Commission", "Halden Foods");
    assert_eq!(lawsuit[0].kind, "lawsuit");
    assert_eq!(lawsuit[0].actor, Some(ftc));
    // Each clause its own event, though both are praise.
    let first = pair(&m, "Ruth Okafor", "Simon Lake");
    assert_eq!(first[0].actor, some("Ruth Okafor"));
    let second = pair(&m, "Tom Vik", "Ana Ruiz");
    assert_eq!(
        second.len(),
        1,
        "the second clause's praise is an event of its own"
    );
    assert_eq!(second[0].actor, some("Tom Vik"));
    assert!(!second[0].participants.contains(&entity(&m, "Ruth Okafor")));
    // A list is no clause: "and Tess Hale" is still a party to the criticism.
    let criticism = pair(&m, "Dana Moss", "Orin Vale");
    assert_eq!(criticism[0].kind, "criticism");
    assert!(criticism[0].participants.contains(&entity(&m, "Tess Hale")));
}

#[test]
fn an_owned_trigger_and_a_later_clause_have_parties_of_their_own() {
    let m = corpus(&[(
        "a.txt",
        "---\ndate: 2025-09-08\n---\nHalden Group criticized Ana Ruiz's takeover of Tessaly Systems.\n\n\
         Tom Vik's suspension from Orbis Media angered his fans.\n\n\
         Ana Ruiz was banned from Orbis Media in 2021, and she later sued Tom Vik.\n\n\
         Dana Moss called for Tom Vik to resign, a day after Halden Group agreed to buy Corvex Labs.",
    )]);
    let ruiz = entity(&m, "Ana Ruiz");
    let vik = entity(&m, "Tom Vik");
    // "X's takeover of Y": X acts on Y, and they are its only parties.
    let takeover = pair(&m, "Ana Ruiz", "Tessaly Systems");
    let alliance = takeover
        .iter()
        .find(|e| e.kind == "alliance")
        .expect("the takeover");
    assert_eq!(alliance.actor, Some(ruiz));
    assert_eq!(alliance.participants.len(), 2);
    // "X's suspension from Y": Y acts on X.
    let suspension = pair(&m, "Tom Vik", "Orbis Media");
    assert_eq!(suspension[0].actor, Some(entity(&m, "Orbis Media")));
    assert_eq!(suspension[0].target, Some(vik));
    // A later clause's "she" is the sentence's first person.
    let lawsuit = pair(&m, "Ana Ruiz", "Tom Vik");
    let lawsuit = lawsuit
        .iter()
        .find(|e| e.kind == "lawsuit")
        .expect("the lawsuit");
    assert_eq!(lawsuit.actor, Some(ruiz));
    // A clause after "a day after" has its own subject: Moss is no party to the purchase.
    let moss = pair(&m, "Dana Moss", "Tom Vik");
    assert_eq!(moss[0].kind, "statement");
    assert!(
        m.pair_events(entity(&m, "Dana Moss"), entity(&m, "Corvex Labs"))
            .is_empty()
    );
    assert_eq!(pair(&m, "Halden Group", "Corvex Labs")[0].kind, "alliance");
}

#[test]
fn passives_auxiliary_clauses_spokespeople_and_coordinated_subjects() {
    let m = corpus(&[(
        "a.txt",
        "---\ndate: 2026-02-11\n---\nGerald Pruitt is accused of steering contracts to Hollister Construction.\n\n\
         Eleanor Whitcombe, a Democrat, had urged Raymond Castellano to allow a vote and accused \
         him of lying.\n\n\
         A Vantor spokesperson, Tina Alvarez, said the agency welcomed the cooperation.\n\n\
         The Orbis Space Agency and Japan's space agency, Kaiyo Labs, signed an agreement.\n\n\
         Mark Lowe was grateful to Ann Fry for the invitation.",
    )]);
    let some = |name: &str| m.entities.iter().find(|e| *e.name == *name).map(|e| e.id);
    // A passive names its agent after "by" or "from" only.
    let accused = pair(&m, "Gerald Pruitt", "Hollister Construction");
    assert!(
        accused
            .iter()
            .all(|e| e.actor != some("Hollister Construction"))
    );
    // A clause opening with an auxiliary has the sentence's subject; "accused" is not urged.
    let criticism = pair(&m, "Eleanor Whitcombe", "Raymond Castellano");
    let criticism = criticism.iter().find(|e| e.kind == "criticism").unwrap();
    assert_eq!(criticism.actor, some("Eleanor Whitcombe"));
    assert_eq!(criticism.modality, Modality::Asserted);
    // "A Vantor spokesperson, Tina Alvarez": Vantor is hers.
    assert!(
        m.pair_events(entity(&m, "Tina Alvarez"), entity(&m, "Vantor"))
            .is_empty()
    );
    // The subject's partner in "X and Y signed" is the target.
    let alliance = pair(&m, "Orbis Space Agency", "Kaiyo Labs");
    assert_eq!(alliance[0].target, some("Kaiyo Labs"));
    // "was grateful" is no passive.
    let praise = pair(&m, "Mark Lowe", "Ann Fry");
    assert_eq!(praise[0].actor, some("Mark Lowe"));
}

#[test]
fn roles_topics_lists_and_names_do_not_make_events_of_their_own() {
    let m = corpus(&[(
        "a.txt",
        "---\ndate: 2024-03-01\n---\nThe Kremlin's praise for President Joe Biden surprised analysts.\n\n\
         Jane Doe, Acme Corp's litigation director, sued Beta Inc on Monday.\n\n\
         Beta Inc asked a federal judge to dismiss the lawsuit filed by Acme Corp.\n\n\
         Jane Smith sued Orbis Media, Vale Group and Gamma LLC over the merger.\n\n\
         Best Buy sued Hollin Labs on Monday.\n\n\
         Vantor Group welcomed the ruling against Orbis Media.\n\n\
         Stefan Lindqvist joined Kingsbridge Rovers in 2024. Ana Ruiz joined Tom Vik at the summit.\n\n\
         Ruth Okafor criticised Simon Lake, but he praised her.",
    )]);
    let some = |name: &str| m.entities.iter().find(|e| *e.name == *name).map(|e| e.id);
    // "praise for President X" is no role of the Kremlin's.
    let praise = pair(&m, "Kremlin", "Joe Biden");
    assert_eq!(praise[0].kind, "praise");
    // "X, Acme Corp's litigation director, sued": Acme is hers, and "litigation" no trigger.
    let lawsuit = pair(&m, "Jane Doe", "Beta Inc");
    assert_eq!(lawsuit[0].actor, some("Jane Doe"));
    assert!(!lawsuit[0].participants.contains(&entity(&m, "Acme Corp")));
    // What a party asks a judge to do to a lawsuit is no hypothetical lawsuit.
    let asked = pair(&m, "Beta Inc", "Acme Corp");
    assert!(asked.iter().all(|e| e.modality == Modality::Asserted));
    // A list is one clause, and "over the merger" is a topic, no alliance.
    let listed = pair(&m, "Jane Smith", "Orbis Media");
    assert_eq!(
        listed.len(),
        1,
        "{:?}",
        listed.iter().map(|e| e.kind).collect::<Vec<_>>()
    );
    assert!(listed[0].participants.contains(&entity(&m, "Gamma LLC")));
    // "Buy" in a name is no trigger.
    assert!(
        pair(&m, "Best Buy", "Hollin Labs")
            .iter()
            .all(|e| e.kind == "lawsuit")
    );
    // Welcoming a ruling is praise, no visit.
    let welcomed = pair(&m, "Vantor Group", "Orbis Media");
    assert_eq!(welcomed[0].kind, "praise");
    // Joining an organisation is a move to it; joining a person, a meeting.
    assert_eq!(
        pair(&m, "Stefan Lindqvist", "Kingsbridge Rovers")[0].kind,
        "appointment"
    );
    assert_eq!(pair(&m, "Ana Ruiz", "Tom Vik")[0].kind, "meeting");
    // "he" after two people stands for neither.
    let okafor = pair(&m, "Ruth Okafor", "Simon Lake");
    assert!(
        okafor
            .iter()
            .all(|e| e.kind != "praise" || e.actor == some("Simon Lake"))
    );
}

#[test]
fn a_persons_own_organisation_named_with_their_title_is_no_party() {
    let m = corpus(&[(
        "a.txt",
        "---\ndate: 2023-05-10\n---\nBrightwater Shipping chief executive Paul Okonkwo criticized the fine.\n\nAcme Corp CEO Jane Doe praised John Roe.\n\n\
         A judge ruled for NetChoice. NetChoice's litigation director, Paul Ferreira, welcomed \
         the decision. Halden Group's \
         chief executive, Ines Maro, praised Tom Vik.",
    )]);
    let org = |name: &str| {
        m.entities
            .iter()
            .find(|e| *e.name == *name)
            .map(|e| e.id)
            .unwrap_or_else(|| panic!("no entity {name:?}"))
    };
    // Okonkwo criticised the fine, not his own company.
    assert!(
        m.pair_events(entity(&m, "Paul Okonkwo"), org("Brightwater Shipping"))
            .is_empty(),
        "no event between a chief executive and his company"
    );
    let praise = pair(&m, "Jane Doe", "John Roe");
    assert_eq!(praise[0].kind, "praise");
    assert!(
        !praise[0].participants.contains(&org("Acme Corp")),
        "Acme is Jane Doe's, not a party to the praise"
    );
    // "X's litigation director, Y": X is Y's own, and "litigation" is no lawsuit.
    assert!(
        m.pair_events(entity(&m, "Paul Ferreira"), org("NetChoice"))
            .is_empty(),
        "no event between a director and her group"
    );
    let praise = pair(&m, "Ines Maro", "Tom Vik");
    assert_eq!(praise[0].actor, Some(entity(&m, "Ines Maro")));
    assert!(!praise[0].participants.contains(&org("Halden Group")));
    assert!(
        m.summary(praise[0])
            .starts_with("Halden Group's chief executive"),
        "the summary keeps whose chief executive she is: {:?}",
        m.summary(praise[0])
    );
}

#[test]
fn who_is_a_party_to_a_sentences_event_and_who_acts() {
    let m = corpus(&[
        (
            "a.txt",
            "---\ndate: 2025-09-18\n---\nGENEVA (Meridian Wire) — Irena Vasko met Tomas Reyl on Thursday.\n\n\
         Graham Whitfield attended. Carla Mendes said she was hopeful.\n\n\
         Rajesh Iyer's lawyer, Deborah Fiske, criticized Lumenar Semiconductor on Friday.\n\n\
         Hannah Cole's outreach to Peter Vance began with a donation.\n\n\
         Premier Tom Addley flew to Ottawa. Governor Jorge Ventana welcomed him at the airport.",
        ),
        (
            "b.txt",
            "---\ndate: 2025-09-19\n---\nUNICEF, the United Nations children's agency — praised Governor Alan Breck on Tuesday.\n\n\
         Rita Moss spoke first. Lena Park argued with Omar Haddad after Vita Group fined him.\n\n\
         Dana Whitlock's statement thanked Rafael Ostrander and criticized Governor Alan Breck for the delay.",
        ),
        (
            "c.txt",
            "---\ndate: 2025-09-20\n---\nPhilip Achterberg, a Republican who served two terms, called Denise Kowalski to congratulate her.",
        ),
        (
            "d.txt",
            "---\ndate: 2025-09-21\n---\nRuth Okafor praised Simon Lake on Monday. Simon Lake thanked Ruth Okafor on Monday.",
        ),
    ]);
    let some = |name: &str| m.entities.iter().find(|e| *e.name == *name).map(|e| e.id);
    // The agency filed the story: the meeting is the ministers' alone.
    let meeting = pair(&m, "Irena Vasko", "Tomas Reyl");
    assert_eq!(meeting[0].kind, "meeting");
    if let Some(agency) = some("Meridian Wire") {
        assert!(
            !meeting[0].participants.contains(&agency),
            "the dateline's agency is no party"
        );
    }
    // "she" after Carla Mendes is Carla Mendes, not the person of the sentence before.
    assert!(
        pair(&m, "Graham Whitfield", "Carla Mendes").is_empty(),
        "a pronoun after a person named in its sentence is that person"
    );
    // The lawyer criticised; her client is whose lawyer she is.
    let criticism = pair(&m, "Deborah Fiske", "Lumenar Semiconductor");
    assert_eq!(criticism[0].kind, "criticism");
    assert_eq!(criticism[0].actor, Some(entity(&m, "Deborah Fiske")));
    assert!(
        m.summary(criticism[0]).starts_with("Rajesh Iyer's lawyer"),
        "the summary keeps whose lawyer she is: {:?}",
        m.summary(criticism[0])
    );
    // "X's outreach to Y": the possessive is the actor.
    let donation = pair(&m, "Hannah Cole", "Peter Vance");
    assert_eq!(donation[0].actor, Some(entity(&m, "Hannah Cole")));
    // "him" after the sentence's one person is the person before.
    assert!(
        !pair(&m, "Jorge Ventana", "Tom Addley").is_empty(),
        "an object pronoun is not its clause's subject"
    );
    // A dash after capitals with no agency in parentheses is no dateline.
    assert_eq!(pair(&m, "UNICEF", "Alan Breck")[0].kind, "praise");
    // After two persons, "him" is likelier one of them than the person before.
    // "X's statement thanked Y": a statement is no role, and Y is no holder of it.
    let whitlock = pair(&m, "Dana Whitlock", "Alan Breck");
    let criticism = whitlock.iter().find(|e| e.kind == "criticism").unwrap();
    assert_eq!(criticism.actor, Some(entity(&m, "Dana Whitlock")));
    // ", called Y to ...": a clause led by its verb has the sentence's subject.
    let praise = pair(&m, "Philip Achterberg", "Denise Kowalski");
    assert_eq!(praise[0].actor, Some(entity(&m, "Philip Achterberg")));
    // Reports with the roles the other way round never make an event its own target.
    let thanks = pair(&m, "Ruth Okafor", "Simon Lake");
    assert_eq!(thanks.len(), 1, "one praise event");
    assert_ne!(thanks[0].actor, thanks[0].target);
    let argued = pair(&m, "Lena Park", "Omar Haddad");
    assert!(!argued[0].participants.contains(&entity(&m, "Rita Moss")));
}

#[test]
fn a_quotation_is_its_speakers_and_the_speakers_employer_is_no_party() {
    let m = corpus(&[(
        "q.txt",
        "---\ndate: 2025-11-04\n---\n\"We would like to thank Rhys Calder for his hard work,\" \
         chairman Owen Pell said in a statement.\n\n\
         \"Tamsin Grove has undervalued this company,\" said Ilse Brandvik, head of equities \
         at Nordholm Capital.\n\n\
         \"Founder disputes rarely reach a judgment,\" said Carla Menzies, a professor of law \
         at Dunmore University.\n",
    )]);
    // Said in the quotation with its subject unnamed there: the speaker's act, as asserted
    // ("would like to thank" thanks).
    let thanks = pair(&m, "Owen Pell", "Rhys Calder");
    assert_eq!(thanks.len(), 1, "{thanks:?}");
    assert_eq!(thanks[0].kind, "praise");
    assert_eq!(thanks[0].actor, Some(entity(&m, "Owen Pell")));
    assert_eq!(thanks[0].modality, Modality::Asserted);
    assert!(m.summary(thanks[0]).starts_with("\"We would like to thank"));
    // "said X, head of equities at Y": X said it, about whom the quotation names; Y is X's.
    let said = pair(&m, "Ilse Brandvik", "Tamsin Grove");
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].actor, Some(entity(&m, "Ilse Brandvik")));
    assert_eq!(said[0].target, Some(entity(&m, "Tamsin Grove")));
    assert!(
        !said[0]
            .participants
            .contains(&entity(&m, "Nordholm Capital"))
    );
    // A quotation that names nobody relates the speaker to nobody, her employer included.
    assert!(
        m.pair_events(
            entity(&m, "Carla Menzies"),
            entity(&m, "Dunmore University")
        )
        .is_empty()
    );
}

#[test]
fn where_it_happened_and_the_paper_it_was_said_in_are_no_parties() {
    let m = corpus(&[(
        "v.txt",
        "---\ndate: 2025-11-04\n---\nTeresa Okoro filed the lawsuit on Tuesday at the Regional \
         Court in Lyon.\n\n\
         Arvind Rao criticised the plan in a letter to The Sentinel.\n\n\
         Arvind Rao met Li Wei at the Grand Hyatt Hotel.\n\n\
         Teresa Okoro took a swipe at Dunmore University.\n",
    )]);
    let id = |name: &str| entity(&m, name);
    for (person, org) in [
        ("Teresa Okoro", "Regional Court"),
        ("Arvind Rao", "The Sentinel"),
        ("Arvind Rao", "Grand Hyatt Hotel"),
    ] {
        assert!(
            m.pair_events(id(person), id(org)).is_empty(),
            "{org} is where, not with whom {person} acted"
        );
    }
    let met = pair(&m, "Arvind Rao", "Li Wei");
    assert_eq!(met[0].kind, "meeting");
    assert!(!met[0].participants.contains(&id("Grand Hyatt Hotel")));
    // Aimed at, not held at.
    let swipe = pair(&m, "Teresa Okoro", "Dunmore University");
    assert_eq!(swipe[0].target, Some(id("Dunmore University")));
}

#[test]
fn a_statement_in_words_of_blame_or_praise_is_criticism_or_praise() {
    let m = corpus(&[(
        "e.txt",
        "---\ndate: 2025-11-04\n---\nJudge Ana Lindqvist said Corvane Pay's disclosures were \
         \"buried, confusing and in places plainly wrong.\"\n\n\
         Ramon Ortega said Gerald Ashby was an outstanding leader.\n\n\
         Ramon Ortega said Corvane Pay was not wrong.\n",
    )]);
    let blame = pair(&m, "Ana Lindqvist", "Corvane Pay");
    assert_eq!(blame[0].kind, "criticism");
    assert!(blame[0].tone < 0.0);
    let praise = pair(&m, "Ramon Ortega", "Gerald Ashby");
    assert_eq!(praise[0].kind, "praise");
    // Negated words say nothing either way.
    let said = pair(&m, "Ramon Ortega", "Corvane Pay");
    assert_eq!(said[0].kind, "statement");
}

#[test]
fn a_quotation_is_speech_only_when_the_sentence_is_it_and_its_attribution() {
    let m = corpus(&[(
        "r.txt",
        "---\ndate: 2025-11-04\n---\n\"The deal is dead,\" Nora Quist told Piet Aalders.\n\n\
         \"She is brilliant,\" Piet Aalders said of Nora Quist.\n\n\
         Venn Holdings' plan was \"reckless,\" Odile Marchetti said.\n\n\
         Odile Marchetti criticised the plan in a letter to Venn Holdings on Monday.\n",
    )]);
    // Whom the attribution says it was told or said of is the target.
    let told = pair(&m, "Nora Quist", "Piet Aalders");
    assert!(
        told.iter()
            .any(|e| e.actor == Some(entity(&m, "Nora Quist"))),
        "{told:?}"
    );
    assert!(
        told.iter()
            .any(|e| e.kind == "praise" && e.actor == Some(entity(&m, "Piet Aalders"))),
        "{told:?}"
    );
    // A scare quote inside a sentence and a letter to a company keep their parties.
    let both = pair(&m, "Odile Marchetti", "Venn Holdings");
    assert!(both.len() >= 2, "{both:?}");
}
