//! `casefile sync [REMOTE] [--all]`: exchange cases with a git remote (see `crate::sync`).
//!
//! Like `git fetch`/`git push`, it reports on stderr: one line per case that changed
//! (`amy-dc-tag: 3 new from ken, 2 sent`), nothing with `-q`.

use std::io::Write as _;

use anyhow::Result;

use super::Ctx;
use crate::cli::SyncArgs;
use crate::error::invalid;
use crate::sync::{self, CaseLine, Options};

pub fn sync(ctx: &Ctx, args: SyncArgs) -> Result<()> {
    let config = ctx.config()?;
    let url = match args.remote.or_else(|| config.sync.remote.clone()) {
        Some(url) if !url.trim().is_empty() => url,
        _ => {
            return Err(invalid(
                "no remote to sync with; give one (`casefile sync <git-url-or-path>`) or set it once with `casefile config set sync.remote <url>`",
            ))
        }
    };
    // A local path is named absolutely, so the remote is the same one from any folder.
    let url = match std::fs::canonicalize(&url) {
        Ok(path) if !url.contains("://") => path.display().to_string(),
        _ => url,
    };
    let share = if args.all {
        None
    } else {
        // The case this sync shares: `-C` must exist; a stale `current` is left alone.
        match ctx.case_slug() {
            Ok(slug) => match ctx.home.existing_case(&slug) {
                Ok(_) => Some(slug),
                Err(err) if ctx.global.case.is_some() => return Err(err.into()),
                Err(_) => None,
            },
            Err(_) if ctx.global.case.is_none() => None,
            Err(err) => return Err(err),
        }
    };
    let options = Options {
        url,
        all: args.all,
        share,
        author: crate::context::author(config.author.as_deref()),
    };
    let outcome = sync::sync(&ctx.home, &options)?;
    // Numbers that changed are said even with -q, as `import` does.
    for line in &outcome.lines {
        if let Some(notice) = crate::store::merge::renumber_notice(&line.renumbered) {
            eprintln!("{}: {notice}", line.slug);
        }
    }
    if !ctx.global.quiet {
        let mut err = std::io::stderr().lock();
        for line in &outcome.lines {
            writeln!(err, "{}", describe(line))?;
        }
        if outcome.lines.is_empty() && outcome.damaged.is_empty() {
            let n = outcome.cases;
            writeln!(
                err,
                "up to date ({n} case{})",
                if n == 1 { "" } else { "s" }
            )?;
        }
    }
    if let Some(first) = outcome.damaged.first() {
        let more = outcome.damaged.len() - 1;
        return Err(invalid(if more == 0 {
            first.clone()
        } else {
            format!("{first} (and {more} more damaged case(s))")
        }));
    }
    Ok(())
}

/// `amy-dc-tag: 3 new from ken, 1 change, 2 sent`.
fn describe(line: &CaseLine) -> String {
    let mut parts = Vec::new();
    if line.received > 0 || line.created {
        let from: Vec<&str> = line.from.iter().map(String::as_str).collect();
        let mut part = format!("{} new", line.received);
        if !from.is_empty() {
            part.push_str(&format!(" from {}", from.join(", ")));
        }
        parts.push(part);
    }
    if line.changes > 0 {
        parts.push(format!(
            "{} change{}",
            line.changes,
            if line.changes == 1 { "" } else { "s" }
        ));
    }
    if line.sent > 0 {
        parts.push(format!("{} sent", line.sent));
    }
    let mut text = format!("{}: {}", line.slug, parts.join(", "));
    if line.created {
        text.push_str(" (new case)");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_like_the_contract() {
        let line = CaseLine {
            slug: "amy-dc-tag".into(),
            received: 3,
            from: ["ken".to_string()].into_iter().collect(),
            sent: 2,
            ..CaseLine::default()
        };
        assert_eq!(describe(&line), "amy-dc-tag: 3 new from ken, 2 sent");
        let line = CaseLine {
            slug: "x".into(),
            changes: 1,
            ..CaseLine::default()
        };
        assert_eq!(describe(&line), "x: 1 change");
    }
}
