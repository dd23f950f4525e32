//! Unit tests of the finder on sentences written for them.

use super::*;

fn found(text: &str) -> Mentions {
    let sentences = crate::extract::sentences::split(text);
    find(text, &sentences, crate::assets::bundled())
}

fn names(text: &str) -> Vec<String> {
    let m = found(text);
    m.iter()
        .filter(|x| !x.weak())
        .map(|x| m.name(x).into())
        .collect()
}

#[test]
fn titles_and_possessives_are_not_names() {
    let t = "President-elect Maria Lopez met Okafor’s lawyers. Vice President Ana Silva spoke.";
    assert_eq!(names(t), vec!["Maria Lopez", "Okafor", "Ana Silva"]);
}

#[test]
fn sentence_openers_and_headings_need_evidence() {
    let t = "Historically, the firm grew.\n\nHowever Acme Corp said no.\n\nFrom Jail Threats to Gratitude\n\nSitting down, Jane Doe smiled.";
    let strong = names(t);
    assert_eq!(strong, vec!["Acme Corp", "Jane Doe"]);
    let m = found(t);
    let weak: Vec<&str> = m.iter().filter(|x| x.weak()).map(|x| m.name(x)).collect();
    assert_eq!(weak, vec!["Jail Threats", "Gratitude", "Sitting"]);
}

#[test]
fn acronyms_in_parentheses_alias_or_vanish() {
    let t =
        "The National Rifle Association (NRA) sued. Growth in gross domestic product (GDP) slowed.";
    let m = found(t);
    let nra = m.iter().position(|x| m.name(x) == "NRA").expect("NRA");
    let full = m
        .iter()
        .position(|x| m.name(x) == "National Rifle Association")
        .expect("full");
    assert_eq!(m[nra].same_as(), Some(full as u32));
    assert!(m.iter().all(|x| m.name(x) != "GDP"));
}

#[test]
fn stopwords_in_capitals_are_names_only_where_the_article_defines_them() {
    let t = "The World Health Organization (WHO) warned. WHO chief Ann Lee spoke. The IT budget \
             fell. THE WHO IS A BAND.";
    let m = found(t);
    let full = m
        .iter()
        .position(|x| m.name(x) == "World Health Organization")
        .expect("full");
    let who: Vec<_> = m.iter().filter(|x| m.name(x) == "WHO").collect();
    assert_eq!(who.len(), 2, "{:?}", names(t));
    assert_eq!(who[0].same_as(), Some(full as u32));
    assert!(
        names(t).iter().all(|n| n != "IT" && !n.contains("THE")),
        "{:?}",
        names(t)
    );
    // Without the definition, "WHO" in capitals is the pronoun in an acronym's dress.
    let bare = names("WHO chief Ann Lee spoke. The IT budget fell.");
    assert_eq!(bare, vec!["Ann Lee"]);
}

#[test]
fn roles_bind_and_resolve_within_the_article() {
    let t = "Acme founder Jane Doe spoke. Later the Acme founder left.";
    let m = found(t);
    let jane = m
        .iter()
        .position(|x| m.name(x) == "Jane Doe")
        .expect("Jane");
    assert_eq!(m.role(&m[jane]), Some("Acme founder"));
    assert_eq!(m.title(&m[jane]), Some("founder"));
    let role = m.iter().find(|x| x.role_ref()).expect("role mention");
    assert_eq!(m.name(role), "Acme founder");
    assert_eq!(role.same_as(), Some(jane as u32));
    let acme = m.iter().find(|x| m.name(x) == "Acme").expect("Acme");
    assert_eq!(m.votes(acme).best(), Kind::Org);
}

#[test]
fn compounds_party_labels_and_initials() {
    let t = "Sen. Ted Vance, R-Ohio, praised the Paris-based group and posted on X.";
    let m = found(t);
    let names: Vec<&str> = m.iter().map(|x| m.name(x)).collect();
    assert_eq!(names, vec!["Ted Vance", "Paris", "X"]);
    assert_eq!(m.votes(&m[1]).best(), Kind::Place);
}
