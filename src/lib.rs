//! storyline: a terminal explorer for the people, organisations and places in a set of news
//! articles, and for how their relationships change over time.
//!
//! The data flows one way (see `README.md`):
//! files → [`corpus`] (raw articles, problems) → [`extract`] (per article, facts) →
//! [`model`] (merge over the corpus) → [`app`] state → [`ui`].
//! Neither `corpus`, `extract` nor `model` knows about the terminal.

pub mod app;
pub mod assets;
pub mod cli;
pub mod corpus;
pub mod exact;
pub mod extract;
pub mod model;
pub mod progress;
pub mod search;
pub mod synth;
pub mod text;
pub mod time;
pub mod ui;
