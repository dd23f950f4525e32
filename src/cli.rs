//! The command line: arguments, subcommands and what each prints. The TUI's terminal
//! lifecycle lives in `main.rs`; everything here writes plain text or JSON to stdout.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::corpus::{self, Source};
use crate::model::Model;
use crate::search::{self, Target};

/// storyline: explore the people, organisations and places in news articles, and how their
/// relationships change over time.
#[derive(Debug, Parser)]
#[command(name = "storyline", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files and folders of articles (.txt, .md, .json, .jsonl); none: the bundled samples.
    pub paths: Vec<PathBuf>,
    /// Colour theme: dark, light or mono (NO_COLOR forces mono).
    #[arg(long, default_value = "dark", value_parser = ["dark", "light", "mono"])]
    pub theme: String,
    /// Draw borders with ASCII characters only.
    #[arg(long)]
    pub ascii: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the whole model as JSON (schema storyline/1) to stdout.
    Export {
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
        paths: Vec<PathBuf>,
    },
    /// Print the timeline of one entity, or of a pair. Arguments that exist on disk are paths;
    /// the first one or two others are names.
    Timeline {
        #[arg(required = true, num_args = 1..)]
        args: Vec<String>,
    },
    /// Write a synthetic corpus of N articles into DIR (for benchmarks).
    #[command(hide = true)]
    Synth {
        n: usize,
        dir: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print the best fuzzy matches among entity names and aliases.
    Find {
        query: String,
        /// Rank the lines read from stdin instead (like `fzf --filter`).
        #[arg(long)]
        stdin: bool,
        /// How many matches to print (0: all).
        #[arg(long, default_value_t = 20)]
        limit: usize,
        paths: Vec<PathBuf>,
    },
}

/// The source for a list of paths: the bundled seeds when empty.
pub fn source(paths: &[PathBuf]) -> Source {
    if paths.is_empty() {
        Source::Bundled
    } else {
        Source::Paths(paths.to_vec())
    }
}

/// Reads, extracts and merges. An input path that does not exist, or inputs with no article
/// in them, are errors; problems with individual files are kept in the model.
pub fn build_model(source: &Source) -> io::Result<Model> {
    let files = find_files(source)?;
    build_found(source, files, &crate::progress::Progress::default())
}

/// The files of a source: nothing for the bundled seeds. Fails at once on a missing path.
pub fn find_files(source: &Source) -> io::Result<(Vec<PathBuf>, Vec<crate::corpus::Problem>)> {
    match source {
        Source::Bundled => Ok((Vec::new(), Vec::new())),
        Source::Paths(p) => corpus::find_files(p),
    }
}

/// Reads the files found by [`find_files`] and builds the model, counting in `progress`.
pub fn build_found(
    source: &Source,
    (files, problems): (Vec<PathBuf>, Vec<crate::corpus::Problem>),
    progress: &crate::progress::Progress,
) -> io::Result<Model> {
    let mut watch = crate::progress::Stopwatch::start();
    let corpus = match source {
        Source::Bundled => corpus::load(corpus::bundled_inputs(), problems),
        Source::Paths(_) => corpus::load_files(&files, problems, progress),
    };
    watch.lap("read");
    let assets = crate::assets::bundled();
    watch.lap("assets");
    if corpus.articles.is_empty() {
        let mut msg = "no articles found".to_string();
        if let Source::Paths(p) = source {
            let names: Vec<String> = p.iter().map(|p| p.display().to_string()).collect();
            msg = format!("no articles found in {}", names.join(", "));
        }
        if !corpus.problems.is_empty() {
            msg.push_str(&format!(
                " ({} files skipped; first: {})",
                corpus.problems.len(),
                corpus.problems[0]
            ));
        }
        return Err(io::Error::new(io::ErrorKind::InvalidInput, msg));
    }
    Ok(Model::build_with_progress(corpus, assets, progress))
}

/// `storyline export`.
pub fn export(paths: &[PathBuf], pretty: bool, out: &mut impl Write) -> io::Result<()> {
    let model = build_model(&source(paths))?;
    let mut watch = crate::progress::Stopwatch::start();
    crate::model::write_json(&model, pretty, out)?;
    watch.lap("json");
    // The process ends after the export: freeing a large model piece by piece would only
    // spend time (about a second at 100,000 articles) on memory the exit returns anyway.
    std::mem::forget(model);
    Ok(())
}

/// `storyline find`.
pub fn find(
    query: &str,
    stdin: bool,
    limit: usize,
    paths: &[PathBuf],
    out: &mut impl Write,
) -> io::Result<()> {
    let limit = if limit == 0 { usize::MAX } else { limit };
    if stdin {
        // Bytes, decoded with replacement: a stray invalid byte costs a character, not the
        // whole run. Decoding the whole input decodes each line alike (a newline is never part
        // of a multi-byte sequence), and valid UTF-8 is not copied.
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut io::stdin().lock(), &mut bytes)?;
        let text = String::from_utf8_lossy(&bytes);
        let lines: Vec<&str> = text
            .split('\n')
            .filter(|l| !l.is_empty())
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        for i in search::rank_lines(&lines, query, limit) {
            let line = lines[i];
            // Printable ASCII is safe as it is: skip the character-by-character check.
            if line.bytes().all(|b| (0x20..0x7f).contains(&b)) {
                out.write_all(line.as_bytes())?;
            } else {
                out.write_all(crate::corpus::sanitize::sanitize_line(line).as_bytes())?;
            }
            out.write_all(b"\n")?;
        }
        return Ok(());
    }
    let model = build_model(&source(paths))?;
    let cands = search::candidates(&model, false);
    let hits = search::best_per_target(&cands, search::rank(&cands, query));
    for h in hits.into_iter().take(limit) {
        if let Target::Entity(e) = cands[h.candidate].target {
            let ent = model.entity(e);
            let via = &cands[h.candidate].text;
            let alias = if **via != *ent.name {
                format!("  (as {via})")
            } else {
                String::new()
            };
            writeln!(
                out,
                "{:<7} {:>5}  {}{alias}",
                ent.kind.as_str(),
                ent.mentions.len(),
                ent.name
            )?;
        }
    }
    Ok(())
}

/// `storyline timeline NAME [NAME] [PATH]...`.
pub fn timeline(args: &[String], out: &mut impl Write) -> io::Result<()> {
    let (paths, names): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|a| std::path::Path::new(a).exists());
    if names.is_empty() || names.len() > 2 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "timeline takes one or two names",
        ));
    }
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let model = build_model(&source(&paths))?;
    let cands = search::candidates(&model, false);
    let mut ids = Vec::new();
    for n in &names {
        let hits = search::rank(&cands, n);
        let Some(h) = hits.first() else {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("no entity matches {n:?}"),
            ));
        };
        let Target::Entity(e) = cands[h.candidate].target else {
            unreachable!("entity candidates only")
        };
        ids.push(e);
    }
    let header: Vec<&str> = ids.iter().map(|&e| &*model.entity(e).name).collect();
    writeln!(out, "{}", header.join(" ↔ "))?;
    let events: Vec<_> = match ids.as_slice() {
        [a, b] => model
            .pair_events(*a, *b)
            .iter()
            .map(|&e| model.event(e))
            .collect(),
        _ => model
            .events
            .iter()
            .filter(|ev| ev.participants.contains(&ids[0]))
            .collect(),
    };
    if events.is_empty() {
        writeln!(out, "(no events)")?;
    }
    for ev in events {
        let date = ev.when.map_or("undated".into(), |w| {
            format!("{}{}", if w.inferred { "~" } else { "" }, w.value.value())
        });
        let sign = if ev.tone > 0.5 {
            '+'
        } else if ev.tone < -0.5 {
            '-'
        } else {
            '='
        };
        writeln!(
            out,
            "{date:<12} {sign} {:<14} {}  [{} src]",
            ev.kind,
            model.summary(ev),
            ev.evidence.len()
        )?;
    }
    Ok(())
}

/// `storyline synth N DIR`: a synthetic corpus for benchmarks, in folders of 1,000 files.
pub fn synth(n: usize, dir: &std::path::Path, seed: u64) -> io::Result<()> {
    for (i, (name, text)) in crate::synth::corpus(crate::assets::bundled(), n, seed)
        .into_iter()
        .enumerate()
    {
        let sub = dir.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub)?;
        std::fs::write(sub.join(name), text)?;
    }
    Ok(())
}
