//! Dynamic shell completion: case slugs after `-C`/`use`/`reopen-case`, and entry numbers
//! (with their text as the description) after `confirm`, `show`, `--supports` and the like.
//!
//! These functions run only when the shell asks for completions (`COMPLETE=<shell> casefile …`,
//! through clap_complete's `CompleteEnv`, checked first thing in `main`); an ordinary command
//! never calls them. They read the data home directly, never print, and treat any error as
//! "no candidates": a completion must never spill an error into the user's prompt.

use clap_complete::CompletionCandidate;

use crate::home::Home;
use crate::model::{Kind, State};
use crate::store::CaseStore;

/// At most this many entries are offered (the newest).
const MAX_ENTRIES: u32 = 2000;

/// Which entries a number argument accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    Any,
    /// Hypotheses (for `--supports`, `--refutes`, `--of`, `confirm`, `refute`).
    Hypotheses,
    /// Hypotheses, and done actions (for `confirm`, `refute` and `reopen`, which share flags).
    StateTargets,
    /// Open actions (for `done`).
    OpenActions,
}

/// Every case's slug, with its title as the description (open cases first).
pub fn case_slugs() -> Vec<CompletionCandidate> {
    let Ok(home) = Home::locate() else {
        return Vec::new();
    };
    let mut open = Vec::new();
    let mut closed = Vec::new();
    for slug in home.slugs().unwrap_or_default() {
        let info = CaseStore::open(&home.case_path(&slug), &slug)
            .ok()
            .and_then(|store| store.case_info().ok());
        let (help, is_open) = match info {
            Some(info) if info.state.is_open() => (info.title, true),
            Some(info) => (format!("{} ({})", info.title, info.state), false),
            None => (String::new(), true),
        };
        let candidate = CompletionCandidate::new(slug).help(Some(help.into()));
        if is_open {
            open.push(candidate);
        } else {
            closed.push(candidate);
        }
    }
    open.extend(closed);
    open
}

pub fn any_entry() -> Vec<CompletionCandidate> {
    entries(Wanted::Any)
}

pub fn hypotheses() -> Vec<CompletionCandidate> {
    entries(Wanted::Hypotheses)
}

pub fn state_targets() -> Vec<CompletionCandidate> {
    entries(Wanted::StateTargets)
}

pub fn open_actions() -> Vec<CompletionCandidate> {
    entries(Wanted::OpenActions)
}

/// Entry numbers of the current case (`CASEFILE_CASE`, else `current`), newest first, each
/// with its kind and text as the description.
fn entries(wanted: Wanted) -> Vec<CompletionCandidate> {
    let Ok(home) = Home::locate() else {
        return Vec::new();
    };
    let slug = match std::env::var("CASEFILE_CASE") {
        Ok(slug) if !slug.trim().is_empty() => slug.trim().to_string(),
        _ => match home.current_slug() {
            Ok(Some(slug)) => slug,
            _ => return Vec::new(),
        },
    };
    let Ok(path) = home.existing_case(&slug) else {
        return Vec::new();
    };
    let Ok(store) = CaseStore::open(&path, &slug) else {
        return Vec::new();
    };
    // The newest entries are the ones worth completing; a huge case stays quick.
    let Ok(rows) = crate::store::entries::headlines(store.conn(), MAX_ENTRIES) else {
        return Vec::new();
    };
    rows.into_iter()
        .filter(|h| accepts(wanted, h.kind, h.state))
        .map(|h| {
            let state = h.state.map(|s| format!(", {s}")).unwrap_or_default();
            let help = format!("{}{state}: {}", h.kind, crate::render::fit(&h.text, 60));
            CompletionCandidate::new(h.number.to_string()).help(Some(help.into()))
        })
        .collect()
}

fn accepts(wanted: Wanted, kind: Kind, state: Option<State>) -> bool {
    match wanted {
        Wanted::Any => true,
        Wanted::Hypotheses => kind == Kind::Hypothesis,
        Wanted::StateTargets => {
            kind == Kind::Hypothesis || (kind == Kind::Action && state == Some(State::Done))
        }
        Wanted::OpenActions => kind == Kind::Action && state == Some(State::Open),
    }
}
