//! Unit tests of the finder on sentences written for them.

use super::*;

fn found(text: &str) -> Vec<Mention> {
    let sentences = crate::extract::sentences::split(text);
    find(text, &sentences, crate::assets::bundled())
}

fn names(text: &str) -> Vec<String> {
    found(text)
        .into_iter()
        .filter(|m| !m.weak)
        .map(|m| m.name)
        .collect()
}

#[test]
fn titles_and_possessives_are_not_names() {
    let t = "President-elect Donald Trump met Bezos’s lawyers. Vice President Kamala Harris spoke.";
    assert_eq!(names(t), vec!["Donald Trump", "Bezos", "Kamala Harris"]);
}
