//! Errors that callers match on, and how every error reaches the user.
//!
//! The library returns [`CaseFileError`] where a caller (or a test) needs to tell failures
//! apart, and `anyhow::Error` with context elsewhere. `main` prints any error once, as one
//! `error: …` line with its cause chain, and exits 1; [`SilentExit`] carries a child's exit
//! status through `casefile run` without printing anything.

use std::fmt;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum CaseFileError {
    #[error("no current case; create one with `casefile new <title>` or pick one with `casefile use <slug>`")]
    NoCurrentCase,

    #[error("no case named `{slug}`{}", nearest_hint(.nearest))]
    UnknownCase { slug: String, nearest: Vec<String> },

    #[error("`{prefix}` names more than one case: {}; type more of the slug", .matches.join(", "))]
    AmbiguousCase {
        prefix: String,
        matches: Vec<String>,
    },

    #[error("a case with slug `{slug}` already exists (\"{title}\"); choose another with --slug")]
    SlugTaken { slug: String, title: String },

    #[error("{path} is not a casefile case file ({reason}); it was left untouched")]
    NotACaseFile { path: String, reason: String },

    #[error("{path} was written by a newer casefile (schema {found}, this build knows {known}); upgrade casefile to open it")]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },

    #[error("no entry #{number} in case `{slug}`{}", last_hint(*.last))]
    NoSuchEntry {
        number: i64,
        slug: String,
        last: i64,
    },

    #[error("#{number} is {}, not {expected}", .kind.with_article())]
    WrongKind {
        number: i64,
        kind: crate::model::Kind,
        expected: String,
    },

    #[error("{0}")]
    Invalid(String),

    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

fn nearest_hint(nearest: &[String]) -> String {
    match nearest {
        [] => "; see `casefile list --all`".to_string(),
        [one] => format!("; did you mean `{one}`?"),
        many => format!(
            "; did you mean one of: {}?",
            many.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn last_hint(last: i64) -> String {
    if last == 0 {
        " (the case has no entries yet)".to_string()
    } else {
        format!(" (entries go from #1 to #{last})")
    }
}

/// Exit with this status and print nothing (the child of `casefile run` already spoke).
#[derive(Debug)]
pub struct SilentExit(pub u8);

impl fmt::Display for SilentExit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "exit status {}", self.0)
    }
}

impl std::error::Error for SilentExit {}

/// An error that should be reported with a specific exit status (e.g. 127 when `run` cannot
/// start its program).
#[derive(Debug)]
pub struct ExitWith {
    pub code: u8,
    pub message: String,
}

impl fmt::Display for ExitWith {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ExitWith {}

/// Shorthand for a user-facing invalid-input error.
pub fn invalid(message: impl Into<String>) -> anyhow::Error {
    CaseFileError::Invalid(message.into()).into()
}

/// Whether an error chain comes from writing to a closed pipe (`casefile log | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The one line printed for an error: the message and its causes, joined with `: `, with
/// line breaks folded so the output stays one line.
pub fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for (i, cause) in err.chain().enumerate() {
        let text = cause.to_string();
        if i > 0 {
            // Skip a cause whose text the previous message already includes.
            if line.contains(&text) {
                continue;
            }
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}
