//! The context captured with every entry: author, working directory, host, and git state.
//!
//! Two ways to the git facts, one meaning (see "Context captured with each entry" in the
//! product contract): `git_dirty` is what `git describe --dirty` means, staged or unstaged
//! changes to tracked files, untracked files not counting.
//!
//! * Ordinary writes are instant, so they read `.git` by hand (`crate::git`) and bound the
//!   dirty check by time. That reader answers only what it knows exactly: past the budget, and
//!   in every repository shape it does not model, a fact is `null`, never a guess.
//! * `run` and the git hook, which are not instant anyway, ask git itself
//!   (`crate::git::exact`). `run` asks before it starts the command, so the entry describes
//!   the tree the command ran on, not what the command made of it.

use std::time::Duration;

use crate::git::exact::{self, Answer};
use crate::git::Repo;
use crate::model::Context;

/// How long a write may spend finding out whether the tree is dirty.
pub const DIRTY_BUDGET: Duration = Duration::from_micros(700);

/// Where the git facts come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirtyCheck {
    /// The instant reader, dirty within [`DIRTY_BUDGET`], else unknown.
    Bounded,
    /// git itself (a few milliseconds); the instant reader only if git cannot be run.
    Exact,
}

/// Everything captured about where and by whom an entry was written.
#[derive(Debug, Clone)]
pub struct Captured {
    pub author: String,
    pub context: Context,
}

/// Capture the context of a write made now, in the current directory.
pub fn capture(config_author: Option<&str>, dirty: DirtyCheck) -> Captured {
    let cwd = std::env::current_dir().ok();
    let repo = cwd.as_deref().and_then(Repo::discover);
    let mut context = Context {
        cwd: cwd.as_deref().map(|p| p.display().to_string()),
        host: hostname(),
        ..Context::default()
    };
    let asked = match (dirty, cwd.as_deref()) {
        (DirtyCheck::Exact, Some(dir)) => exact::ask_git(dir),
        _ => Answer::NoAnswer,
    };
    match asked {
        Answer::Repository(facts) => {
            context.git_branch = facts.branch;
            context.git_commit = facts.commit;
            context.git_dirty = facts.dirty;
        }
        // git says this is no repository (it refuses some our reader would accept).
        Answer::NotARepository => {}
        Answer::NoAnswer => {
            if let Some(repo) = &repo {
                let head = repo.head();
                context.git_branch = head.branch;
                context.git_commit = head.commit;
                context.git_dirty = repo.dirty(Some(DIRTY_BUDGET));
            }
        }
    }
    let author = resolve_author(config_author, repo.as_ref());
    Captured { author, context }
}

/// Only the author of a change made now, in the current directory (no dirty check, no host):
/// for state changes, edits and case events, which carry no context of their own.
pub fn author(config_author: Option<&str>) -> String {
    let repo = std::env::current_dir()
        .ok()
        .and_then(|cwd| Repo::discover(&cwd));
    resolve_author(config_author, repo.as_ref())
}

/// `$CASEFILE_AUTHOR`, else config `author`, else git `user.name`, else `$USER`, else
/// "unknown". The variable comes first so that one machine shared by several people (or a
/// script writing for a bot) can name the writer per shell.
pub fn resolve_author(config_author: Option<&str>, repo: Option<&Repo>) -> String {
    if let Some(author) = std::env::var("CASEFILE_AUTHOR")
        .ok()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
    {
        return author;
    }
    if let Some(author) = config_author.map(str::trim).filter(|a| !a.is_empty()) {
        return author.to_string();
    }
    let git_name = match repo {
        Some(repo) => repo.config_value("user", "name"),
        None => crate::git::global_config_value("user", "name"),
    };
    if let Some(name) = git_name
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
    {
        return name;
    }
    for var in ["USER", "USERNAME", "LOGNAME"] {
        if let Ok(user) = std::env::var(var) {
            if !user.trim().is_empty() {
                return user.trim().to_string();
            }
        }
    }
    "unknown".to_string()
}

/// The machine's host name, without spawning anything.
pub fn hostname() -> Option<String> {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; gethostname writes at most that much.
        let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if rc != 0 {
            return None;
        }
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        let name = String::from_utf8_lossy(&buf[..end]).trim().to_string();
        (!name.is_empty()).then_some(name)
    }
    #[cfg(not(unix))]
    {
        std::env::var("COMPUTERNAME").ok()
    }
}
