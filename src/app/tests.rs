//! The app state driven by actions, with no terminal.

use super::*;

fn app() -> App {
    let corpus = crate::corpus::load(crate::corpus::bundled_inputs(), Vec::new());
    App::new(Model::build(corpus, crate::assets::bundled()))
}

/// A small corpus the test writes itself, so the expectations do not hang on the seeds.
fn small() -> App {
    let inputs = vec![
        crate::corpus::Input {
            path: "a.txt".into(),
            bytes: b"---\ndate: 2021-03-04\n---\nMaria Lopez met Carlos Ruiz in Madrid on March 3, 2021. Maria Lopez praised Carlos Ruiz.".to_vec(),
        },
        crate::corpus::Input {
            path: "b.txt".into(),
            bytes: b"---\ndate: 2022-05-06\n---\nCarlos Ruiz criticised Ana Silva on May 2, 2022. Ana Silva sued Carlos Ruiz.".to_vec(),
        },
        crate::corpus::Input {
            path: "c.txt".into(),
            bytes: b"---\ndate: 2020-01-01\n---\nThe weather in Lisbon was mild all week.".to_vec(),
        },
    ];
    let corpus = crate::corpus::load(inputs, Vec::new());
    App::new(Model::build(corpus, crate::assets::bundled()))
}

fn entity(a: &App, name: &str) -> EntityId {
    a.model
        .entities
        .iter()
        .find(|e| *e.name == *name)
        .unwrap_or_else(|| panic!("no entity {name}"))
        .id
}

#[test]
fn tab_cycles_panes_both_ways() {
    let mut a = app();
    for _ in 0..4 {
        a.update(Action::FocusNextPane);
    }
    assert_eq!(a.focus, Pane::Articles);
    a.update(Action::FocusPrevPane);
    assert_eq!(a.focus, Pane::Timeline);
}

#[test]
fn selection_is_clamped_and_open_moves_to_reader() {
    let mut a = app();
    a.update(Action::Bottom);
    assert_eq!(a.article_selected, a.article_rows.len() - 1);
    a.update(Action::SelectNext);
    assert_eq!(a.article_selected, a.article_rows.len() - 1);
    a.update(Action::Top);
    a.update(Action::SelectPrev);
    assert_eq!(a.article_selected, 0);
    a.update(Action::SelectNext);
    a.update(Action::Open);
    assert_eq!(a.focus, Pane::Reader);
    assert_eq!(a.open_article, a.article_rows.get(1).copied());
}

#[test]
fn entity_selection_skips_headings() {
    let mut a = app();
    a.focus = Pane::Entities;
    for _ in 0..a.entity_rows.len() + 3 {
        a.update(Action::SelectNext);
        assert!(a.selected_entity().is_some());
    }
    for _ in 0..a.entity_rows.len() + 3 {
        a.update(Action::SelectPrev);
        assert!(a.selected_entity().is_some());
    }
}

#[test]
fn choosing_an_entity_filters_articles_and_timeline_then_back_restores() {
    let mut a = small();
    assert_eq!(a.article_rows.len(), 3);
    let ruiz = entity(&a, "Carlos Ruiz");
    a.set_subject(Subject::Entity(ruiz));
    assert_eq!(
        a.article_rows.len(),
        2,
        "only the articles that mention him"
    );
    assert!(!a.timeline_rows.is_empty());
    for &e in &a.timeline_rows {
        assert!(a.model.event(e).participants.contains(&ruiz));
    }
    // A second entity narrows to the pair.
    let silva = entity(&a, "Ana Silva");
    a.focus = Pane::Entities;
    a.entity_selected = a
        .entity_rows
        .iter()
        .position(|r| *r == EntityRow::Entity(silva))
        .unwrap();
    a.update(Action::Open);
    assert_eq!(a.subject, Subject::Pair(ruiz, silva));
    assert_eq!(a.article_rows.len(), 1);
    for &e in &a.timeline_rows {
        let p = &a.model.event(e).participants;
        assert!(p.contains(&ruiz) && p.contains(&silva));
    }
    a.update(Action::Back);
    assert_eq!(a.subject, Subject::Entity(ruiz));
    a.update(Action::Back);
    assert_eq!(a.subject, Subject::All);
    assert_eq!(a.article_rows.len(), 3);
    a.update(Action::Back);
    assert_eq!(a.message.as_deref(), Some("nothing to go back to"));
}

#[test]
fn selections_are_clamped_when_a_list_shrinks() {
    let mut a = small();
    a.update(Action::Bottom);
    assert_eq!(a.article_selected, 2);
    a.set_subject(Subject::Entity(entity(&a, "Ana Silva")));
    assert_eq!(a.article_rows.len(), 1);
    assert_eq!(a.article_selected, 0);
    assert!(a.selected_article().is_some());
    // An entity in no event: the timeline empties and its selection stays valid.
    a.timeline_selected = 5;
    a.set_subject(Subject::Entity(entity(&a, "Lisbon")));
    assert!(a.timeline_rows.is_empty());
    assert_eq!(a.timeline_selected, 0);
    assert_eq!(a.selected_event(), None);
    a.focus = Pane::Timeline;
    a.update(Action::Open);
    a.update(Action::SelectNext);
    assert_eq!(a.selected_event(), None);
}

#[test]
fn opening_an_event_opens_its_evidence_highlighted() {
    let mut a = small();
    a.focus = Pane::Timeline;
    let ev = a.selected_event().expect("events in the small corpus");
    a.update(Action::Open);
    let evidence = &a.model.event(ev).evidence[0];
    assert_eq!(a.open_article, Some(evidence.article));
    assert_eq!(a.highlight, Some(evidence.span));
}

#[test]
fn next_mention_walks_the_subjects_mentions() {
    let mut a = small();
    let lopez = entity(&a, "Maria Lopez");
    a.set_subject(Subject::Entity(lopez));
    a.focus = Pane::Reader;
    let spans = a.subject_mentions();
    assert_eq!(spans.len(), 2);
    a.update(Action::NextMention);
    assert_eq!(a.highlight, Some(spans[0]));
    a.update(Action::NextMention);
    assert_eq!(a.highlight, Some(spans[1]));
    a.update(Action::NextMention);
    assert_eq!(a.message.as_deref(), Some("no more mentions"));
    a.update(Action::PrevMention);
    assert_eq!(a.highlight, Some(spans[0]));
}

#[test]
fn the_finder_ranks_narrows_and_jumps() {
    let mut a = small();
    a.update(Action::OpenFinder);
    assert_eq!(a.overlay, Some(Overlay::Finder));
    for c in "aslv".chars() {
        a.update(Action::FinderInput(c));
    }
    let top = a.finder.target();
    assert_eq!(
        top,
        Some(Target::Entity(entity(&a, "Ana Silva"))),
        "{:?}",
        a.finder.hits
    );
    a.update(Action::FinderBackspace);
    assert_eq!(a.finder.query, "asl");
    a.update(Action::FinderInput('v'));
    a.update(Action::FinderAccept);
    assert_eq!(a.overlay, None);
    assert_eq!(a.subject, Subject::Entity(entity(&a, "Ana Silva")));
    // Esc cancels without changing anything.
    a.update(Action::OpenFinder);
    a.update(Action::FinderInput('z'));
    a.update(Action::Back);
    assert_eq!(a.overlay, None);
    assert_eq!(a.subject, Subject::Entity(entity(&a, "Ana Silva")));
}

#[test]
fn the_finder_with_no_match_says_so() {
    let mut a = small();
    a.update(Action::OpenFinder);
    for c in "qqqxz".chars() {
        a.update(Action::FinderInput(c));
    }
    assert!(a.finder.hits.is_empty());
    a.update(Action::FinderAccept);
    assert_eq!(a.message.as_deref(), Some("no match"));
}

#[test]
fn help_opens_and_esc_closes_it() {
    let mut a = app();
    a.update(Action::ToggleHelp);
    assert_eq!(a.overlay, Some(Overlay::Help));
    a.update(Action::SelectNext);
    assert_eq!(a.article_selected, 0, "keys scroll the popup, not the pane");
    a.update(Action::Back);
    assert_eq!(a.overlay, None);
}

#[test]
fn sorting_by_title_keeps_the_selected_article() {
    let mut a = small();
    a.update(Action::SelectNext);
    let chosen = a.selected_article();
    a.update(Action::ToggleSort);
    assert_eq!(a.sort, SortBy::Title);
    assert_eq!(a.selected_article(), chosen);
    let titles: Vec<String> = a
        .article_rows
        .iter()
        .map(|&x| a.model.article(x).raw.title.to_lowercase())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
}

#[test]
fn clicks_select_rows_and_the_wheel_scrolls() {
    let mut a = small();
    a.update(Action::Click(Pane::Articles, 2));
    assert_eq!(a.focus, Pane::Articles);
    assert_eq!(a.article_selected, 2);
    a.update(Action::Click(Pane::Articles, 40));
    assert_eq!(
        a.article_selected, 2,
        "a click below the list changes nothing"
    );
    a.update(Action::Scroll(Pane::Reader, 3));
    assert_eq!(a.reader_scroll, 3);
}
