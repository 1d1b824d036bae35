//! Entries as text: a few lines each for `log`, whole for `show`, wrapped to the width.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::wrap::{self, Layout};
use super::Palette;
use crate::model::{ChangeOp, Entry, Link, Mark, State};
use crate::time::view::ViewZone;

/// How many lines an entry may take in `log` before it ends with a pointer to `show`.
const LOG_LINES: usize = 2;
/// The hanging indent of `log`'s continuation lines (under the time).
const LOG_INDENT: usize = 6;
/// Where `show`'s field values start (`    recorded: …`).
const FIELD_INDENT: usize = 14;
/// The least room `log`'s head must leave for text on its line.
const LOG_MIN_ROOM: usize = 12;
/// The author column of `log`, in display columns.
const AUTHOR_WIDTH: usize = 12;

/// One timeline item: `#7    2026-11-24 14:03 -05:00  ken  hypothesis [open]  text`, the time
/// in the view's zone (`*` after it: written at another offset), the text word-wrapped under
/// the time within [`LOG_LINES`].
pub fn log_line(e: &Entry, view: &ViewZone, width: usize, p: Palette) -> String {
    let when = view.format_instant(e.when());
    let state = e.state.map(|s| format!(" [{s}]")).unwrap_or_default();
    let retracted = if e.retracted { " (retracted)" } else { "" };
    let num = format!("#{}", e.number);
    let author = wrap::pad(&wrap::cut(&e.author, AUTHOR_WIDTH), AUTHOR_WIDTH);
    let head = format!("{num:<5} {when}  {author}  {}{state}{retracted}  ", e.kind);
    let more = format!("… casefile show {}", e.number);
    let layout = Layout {
        width,
        first: wrap::width(&head),
        indent: LOG_INDENT,
        max_lines: LOG_LINES,
        more: &more,
        keep_breaks: false,
    };
    let mut out = format!(
        "{} {}  {}  {}{}{}  ",
        p.number(&format!("{num:<5}")),
        p.dim(&when),
        author,
        e.kind,
        paint_state(e.state, &state, p),
        p.dim(retracted),
    );
    let mut layout = layout;
    if layout.first + LOG_MIN_ROOM > width {
        // A narrow screen: the head wrapped on its own lines, the text under it.
        out.clear();
        let head_layout = Layout {
            first: 0,
            indent: LOG_INDENT.min(width / 4),
            max_lines: usize::MAX,
            ..layout
        };
        for (i, line) in wrap::wrap(&head, &head_layout).iter().enumerate() {
            let pad = if i == 0 { 0 } else { head_layout.indent };
            let _ = writeln!(out, "{:pad$}{}", "", p.dim(line));
        }
        layout.first = head_layout.indent;
        layout.indent = head_layout.indent;
        let _ = write!(out, "{:1$}", "", layout.first);
    }
    for (i, line) in wrap::wrap(&super::item_text(e), &layout).iter().enumerate() {
        if i > 0 {
            let _ = write!(out, "{:1$}", "", layout.indent);
        }
        out.push_str(line);
        out.push('\n');
    }
    out
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

/// The whole entry for `show`, wrapped to `width`; `headlines` holds the telling line of each
/// linked entry.
pub fn show(
    e: &Entry,
    incoming: &Incoming,
    headlines: &HashMap<i64, String>,
    width: usize,
    p: Palette,
) -> String {
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
    out.push('\n');
    for line in body_lines(&e.text, width) {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
    let field = |out: &mut String, label: &str, value: &str| field(out, p, label, value, width);
    field(&mut out, "recorded", &short_time(&e.recorded_at));
    if let Some(at) = &e.occurred_at {
        field(&mut out, "occurred", &short_time(at));
    }
    field(&mut out, "author", &e.author);
    if !e.short_id.is_empty() {
        field(&mut out, "id", &e.short_id);
    }
    if let Some(claim) = &e.claim {
        let since = short_time(&claim.since);
        field(
            &mut out,
            "claimed by",
            &format!("{} since {since}", claim.author),
        );
    }
    if let Some(owner) = &e.owner {
        field(&mut out, "owner", owner);
    }
    if let Some(due) = &e.due {
        field(&mut out, "due", &short_time(due));
    }
    if let Some(ticket) = &e.ticket {
        field(&mut out, "ticket", ticket);
    }
    if !e.tags.is_empty() {
        field(&mut out, "tags", &e.tags.join(", "));
    }
    let linked = |n: i64| match headlines.get(&n) {
        Some(h) if !h.is_empty() => format!("#{n} {h}"),
        _ => format!("#{n}"),
    };
    for Link { link_type, target } in &e.links {
        field(&mut out, link_type.as_str(), &linked(*target));
    }
    for (source, link_type) in incoming {
        let label = match link_type {
            crate::model::LinkType::Supports => "supported by",
            crate::model::LinkType::Refutes => "refuted by",
            crate::model::LinkType::Because => "reason for",
            crate::model::LinkType::RulesOut => "ruled out by",
        };
        field(&mut out, label, &linked(*source));
    }
    let c = &e.context;
    if let Some(cwd) = &c.cwd {
        field(&mut out, "cwd", cwd);
    }
    if let Some(host) = &c.host {
        field(&mut out, "host", host);
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
        field(&mut out, "git", &format!("{branch} @ {commit}{dirty}"));
    }
    if let Some(cmd) = &e.command {
        let status = cmd
            .exit_code
            .map_or("killed".to_string(), |c| format!("exit {c}"));
        field(
            &mut out,
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
        // Command output keeps its spacing; long lines are broken at the width.
        for line in output.trim_end().lines() {
            for piece in wrap::hard_wrap(line, width) {
                let _ = writeln!(out, "{piece}");
            }
        }
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
            let head = format!("  {} {} replaced:", short_time(&h.edited_at), h.author);
            for (i, line) in wrap::wrap(&head, &plain(width, 4)).iter().enumerate() {
                let indent = if i == 0 { "" } else { "    " };
                let _ = writeln!(out, "{indent}{}", p.dim(line));
            }
            let body = Layout {
                first: 4,
                indent: 4,
                keep_breaks: true,
                ..plain(width, 4)
            };
            for line in wrap::wrap(&h.text, &body) {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    out
}

/// An entry's text for `show`: each line as written (tabs expanded, control characters
/// dropped), a line wider than the screen word-wrapped under its own indentation, so that a
/// pasted traceback keeps its shape and a long sentence its words.
pub fn body_lines(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.trim_end().lines() {
        let pieces = wrap::hard_wrap(line, usize::MAX);
        let line = pieces.concat();
        if wrap::width(&line) <= width {
            out.push(line.trim_end().to_string());
            continue;
        }
        let body = line.trim_start();
        let lead = (line.len() - body.len()).min(width / 2);
        let layout = Layout {
            first: lead,
            indent: lead,
            ..plain(width, lead)
        };
        for piece in wrap::wrap(body, &layout) {
            out.push(format!("{:lead$}{piece}", ""));
        }
    }
    out
}

fn plain(width: usize, indent: usize) -> Layout<'static> {
    Layout {
        width,
        first: 0,
        indent,
        max_lines: usize::MAX,
        more: "",
        keep_breaks: false,
    }
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

/// `    label: value`, the value wrapped under itself.
fn field(out: &mut String, p: Palette, label: &str, value: &str, width: usize) {
    let label = format!("{label:>12}:");
    let layout = Layout {
        first: FIELD_INDENT,
        indent: FIELD_INDENT,
        ..plain(width, FIELD_INDENT)
    };
    for (i, line) in wrap::wrap(value, &layout).iter().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "{} {line}", p.dim(&label));
        } else {
            let _ = writeln!(out, "{:FIELD_INDENT$}{line}", "");
        }
    }
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
