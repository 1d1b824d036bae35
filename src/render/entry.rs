//! Entries as text: one line each for `log`, whole for `show`.

use std::fmt::Write as _;

use super::{fit, Palette};
use crate::model::{ChangeOp, Entry, Link, Mark, State};
use crate::time::view::ViewZone;

/// One timeline line: `#7  2026-11-24 14:03 -05:00  ken  hypothesis [open]  text`, the time in
/// the view's zone (`*` after it: written at another offset).
pub fn log_line(e: &Entry, view: &ViewZone, width: usize, p: Palette) -> String {
    let when = view.format_instant(e.when());
    let state = e.state.map(|s| format!(" [{s}]")).unwrap_or_default();
    let retracted = if e.retracted { " (retracted)" } else { "" };
    let num = format!("#{}", e.number);
    let author = fit(&e.author, 12);
    let head = format!(
        "{num:<5} {when}  {author:<12}  {}{state}{retracted}  ",
        e.kind
    );
    let room = width.saturating_sub(head.chars().count()).max(20);
    format!(
        "{} {}  {:<12}  {}{}{}  {}\n",
        p.number(&format!("{num:<5}")),
        p.dim(&when),
        author,
        e.kind,
        paint_state(e.state, &state, p),
        p.dim(retracted),
        fit(&e.text, room)
    )
}

fn paint_state(state: Option<State>, text: &str, p: Palette) -> String {
    match state {
        Some(State::Confirmed) | Some(State::Done) => p.good(text),
        Some(State::Refuted) => p.bad(text),
        Some(State::Open) => p.warn(text),
        None => text.to_string(),
    }
}

fn short_time(stored: &str) -> String {
    crate::time::parse_stored(stored)
        .map(|t| crate::time::format_short(&t))
        .unwrap_or_else(|_| stored.to_string())
}

/// Links into this entry from others, as (source, type).
pub type Incoming = [(i64, crate::model::LinkType)];

/// The whole entry for `show`.
pub fn show(e: &Entry, incoming: &Incoming, p: Palette) -> String {
    let mut out = String::new();
    let state = e.state.map(|s| format!(" [{s}]")).unwrap_or_default();
    let marks: String = [
        (e.pinned, " [pinned]"),
        (e.retracted, " [retracted]"),
        (e.mark == Some(Mark::Good), " [good]"),
        (e.mark == Some(Mark::Bad), " [bad]"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, label)| *label)
    .collect();
    let _ = writeln!(
        out,
        "{} {}{}{}",
        p.number(&format!("#{}", e.number)),
        p.heading(e.kind.as_str()),
        paint_state(e.state, &state, p),
        p.warn(&marks)
    );
    let _ = writeln!(out, "\n{}\n", e.text);
    field(&mut out, p, "recorded", &short_time(&e.recorded_at));
    if let Some(at) = &e.occurred_at {
        field(&mut out, p, "occurred", &short_time(at));
    }
    field(&mut out, p, "author", &e.author);
    if !e.short_id.is_empty() {
        field(&mut out, p, "id", &e.short_id);
    }
    if let Some(claim) = &e.claim {
        let since = short_time(&claim.since);
        field(
            &mut out,
            p,
            "claimed by",
            &format!("{} since {since}", claim.author),
        );
    }
    if let Some(owner) = &e.owner {
        field(&mut out, p, "owner", owner);
    }
    if let Some(due) = &e.due {
        field(&mut out, p, "due", &short_time(due));
    }
    if let Some(ticket) = &e.ticket {
        field(&mut out, p, "ticket", ticket);
    }
    if !e.tags.is_empty() {
        field(&mut out, p, "tags", &e.tags.join(", "));
    }
    for Link { link_type, target } in &e.links {
        field(&mut out, p, link_type.as_str(), &format!("#{target}"));
    }
    for (source, link_type) in incoming {
        let label = match link_type {
            crate::model::LinkType::Supports => "supported by",
            crate::model::LinkType::Refutes => "refuted by",
            crate::model::LinkType::Because => "reason for",
            crate::model::LinkType::RulesOut => "ruled out by",
        };
        field(&mut out, p, label, &format!("#{source}"));
    }
    let c = &e.context;
    if let Some(cwd) = &c.cwd {
        field(&mut out, p, "cwd", cwd);
    }
    if let Some(host) = &c.host {
        field(&mut out, p, "host", host);
    }
    if c.git_branch.is_some() || c.git_commit.is_some() {
        let commit = c
            .git_commit
            .as_deref()
            .map(|h| &h[..h.len().min(12)])
            .unwrap_or("(no commit)");
        let dirty = match c.git_dirty {
            Some(true) => ", dirty",
            Some(false) => ", clean",
            None => "",
        };
        let branch = c.git_branch.as_deref().unwrap_or("(detached)");
        field(&mut out, p, "git", &format!("{branch} @ {commit}{dirty}"));
    }
    if let Some(cmd) = &e.command {
        let status = cmd
            .exit_code
            .map_or("killed".to_string(), |c| format!("exit {c}"));
        field(
            &mut out,
            p,
            "command",
            &format!(
                "{} ({status}, {} ms)",
                shell_join(&cmd.argv),
                cmd.duration_ms
            ),
        );
    }
    for a in &e.attachments {
        field(
            &mut out,
            p,
            "attachment",
            &format!(
                "{} ({} bytes, sha256 {})",
                a.name,
                a.size,
                &a.sha256[..a.sha256.len().min(16)]
            ),
        );
    }
    if let Some(output) = &e.output {
        let _ = writeln!(out, "\n{}", p.heading("output"));
        let _ = writeln!(out, "{}", output.trim_end());
    }
    if !e.changes.is_empty() {
        let _ = writeln!(out, "\n{}", p.heading("changes (oldest first)"));
        for c in &e.changes {
            let what = match (c.op, &c.value, &c.previous) {
                (ChangeOp::At, Some(new), Some(old)) => {
                    format!(
                        "time corrected to {} (was {})",
                        short_time(new),
                        short_time(old)
                    )
                }
                (ChangeOp::At, Some(new), None) => {
                    format!(
                        "time corrected to {} (was its recording time)",
                        short_time(new)
                    )
                }
                (ChangeOp::Unlink, _, Some(link)) => format!("unlinked {link}"),
                (ChangeOp::Retract, Some(why), _) => format!("retracted: {why}"),
                (op, _, _) => past_tense(op).to_string(),
            };
            let _ = writeln!(out, "  {} {}  {what}", p.dim(&short_time(&c.at)), c.author);
        }
    }
    if !e.history.is_empty() {
        let _ = writeln!(out, "\n{}", p.heading("history (oldest first)"));
        for h in &e.history {
            let _ = writeln!(
                out,
                "  {} {} replaced:",
                p.dim(&short_time(&h.edited_at)),
                h.author
            );
            for line in h.text.lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    out
}

fn past_tense(op: ChangeOp) -> &'static str {
    match op {
        ChangeOp::Pin => "pinned",
        ChangeOp::Unpin => "unpinned",
        ChangeOp::Claim => "claimed",
        ChangeOp::Unclaim => "unclaimed",
        ChangeOp::Retract => "retracted",
        ChangeOp::Unretract => "unretracted",
        ChangeOp::At => "time corrected",
        ChangeOp::Unlink => "unlinked",
    }
}

fn field(out: &mut String, p: Palette, label: &str, value: &str) {
    let _ = writeln!(out, "{} {value}", p.dim(&format!("{label:>12}:")));
}

/// Join argv for display, quoting words that need it.
pub fn shell_join(argv: &[String]) -> String {
    argv.iter()
        .map(|a| {
            if !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c))
            {
                a.clone()
            } else {
                format!("'{}'", a.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
