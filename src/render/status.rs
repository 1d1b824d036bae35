//! The `status` briefing as text: one screen for the next person.
//!
//! In the order a newcomer needs it: what the case is and who is on it, how long the incident
//! has been going, what is suspected (with the newest evidence each way), what is confirmed,
//! what is ruled out and why, evidence nobody has tied to a suspect yet, what was about to be
//! done, when things happened, and the latest entries. Every section is bounded, ending with
//! `… and N more (command)`; every item is word-wrapped to the width with a hanging indent and
//! a line budget, past which it ends at a word with a pointer to `casefile show N`.

use std::collections::HashSet;
use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::wrap::{self, Layout};
use super::Palette;
use crate::briefing::{Briefing, DeadEndView, HypothesisView};
use crate::model::{Entry, Kind, LinkType};
use crate::time::Zone;

/// How many items of each list the text view loads; each section shows fewer.
pub const SHOW_PER_LIST: u32 = 5;
/// How many pieces of evidence for, and against, each open hypothesis are loaded and shown.
pub const SHOW_EVIDENCE: u32 = 1;
/// How many pieces of unlinked evidence are loaded (one more than shown, to know there are
/// more).
pub const LOAD_UNLINKED: u32 = SHOW_UNLINKED as u32 + 1;
/// How many events by occurrence are loaded (one more than shown).
pub const LOAD_EVENTS: u32 = SHOW_EVENTS as u32 + 1;
const SHOW_HYPOTHESES: usize = 3;
const SHOW_CONFIRMED: usize = 2;
const SHOW_DEAD_ENDS: usize = 3;
const SHOW_UNLINKED: usize = 2;
const SHOW_ACTIONS: usize = 3;
const SHOW_EVENTS: usize = 4;
const SHOW_PEOPLE: usize = 4;
const SHOW_PINNED: usize = 3;

/// Line budgets of each kind of item.
const LINES_HYPOTHESIS: usize = 3;
const LINES_EVIDENCE: usize = 2;
const LINES_RULED_OUT: usize = 2;
const LINES_REASON: usize = 2;
const LINES_ACTION: usize = 3;
const LINES_ITEM: usize = 2;
const LINES_PINNED: usize = 8;

/// Where the entry number column ends: items start their text here and wrap back to it.
const ITEM_INDENT: usize = 8;
/// Under an item (evidence, reasons): the marker column and the text's hanging indent.
const SUB_INDENT: usize = 8;

/// What the screen is: its width, the viewer's zone, the time now and colour.
#[derive(Debug, Clone)]
pub struct Screen {
    pub width: usize,
    pub zone: Zone,
    pub now: DateTime<Utc>,
    pub palette: Palette,
}

/// Render the briefing.
pub fn render(b: &Briefing, s: &Screen) -> String {
    let mut out = String::new();
    let p = s.palette;
    header(&mut out, b, s);
    if b.counts.entries == 0 {
        let _ = writeln!(
            out,
            "\nNo entries yet. Start with `casefile hypo <what you suspect>` or `casefile note <text>`."
        );
        return out;
    }
    let c = &b.counts;

    if !b.pinned.is_empty() {
        section(&mut out, p, "Pinned", None);
        for e in newest(&b.pinned, SHOW_PINNED) {
            entry_item(&mut out, e, "", LINES_PINNED, true, s);
        }
        more(
            &mut out,
            p,
            b.pinned_count - shown(&b.pinned, SHOW_PINNED),
            "casefile status --json",
        );
    }

    section(&mut out, p, "Open hypotheses", Some(c.open_hypotheses));
    for h in newest(&b.open_hypotheses, SHOW_HYPOTHESES) {
        hypothesis(&mut out, h, s);
    }
    more(
        &mut out,
        p,
        c.open_hypotheses - shown(&b.open_hypotheses, SHOW_HYPOTHESES),
        "casefile log --kind hypothesis",
    );

    section(&mut out, p, "Confirmed", Some(c.confirmed));
    for h in newest(&b.confirmed, SHOW_CONFIRMED) {
        entry_item(&mut out, &h.entry, "", LINES_ITEM, false, s);
    }
    more(
        &mut out,
        p,
        c.confirmed - shown(&b.confirmed, SHOW_CONFIRMED),
        "casefile log --kind hypothesis",
    );

    ruled_out(&mut out, b, s);

    if !b.unlinked_evidence.is_empty() {
        section(&mut out, p, "Unlinked evidence", None);
        for e in newest(&b.unlinked_evidence, SHOW_UNLINKED) {
            entry_item(&mut out, e, "", LINES_EVIDENCE, false, s);
        }
        if b.unlinked_evidence.len() > SHOW_UNLINKED {
            let _ = writeln!(
                out,
                "  {}",
                p.dim("… and more (casefile log --kind evidence)")
            );
        }
    }

    section(&mut out, p, "Next (open actions)", Some(c.open_actions));
    for e in newest(&b.open_actions, SHOW_ACTIONS) {
        entry_item(&mut out, e, &action_facts(e, s), LINES_ACTION, false, s);
    }
    more(
        &mut out,
        p,
        c.open_actions - shown(&b.open_actions, SHOW_ACTIONS),
        "casefile log --kind action",
    );

    when(&mut out, b, s);

    if !b.recent.is_empty() {
        section(&mut out, p, "Recent", None);
        for e in &b.recent {
            let time = crate::time::format_compact(e.when(), &s.zone, s.now);
            let num = number(e);
            let kind = e.kind.as_str();
            let prefix = format!("  {time} {num} {kind} ");
            let painted = format!("  {} {} {} ", p.dim(&time), p.number(&num), p.dim(kind));
            one_line(&mut out, &prefix, &painted, e.headline(), s);
        }
    }
    out
}

/// Title, state, how long, labels, people.
fn header(out: &mut String, b: &Briefing, s: &Screen) {
    let p = s.palette;
    let case = &b.case;
    for line in wrap::wrap(&case.title, &plain(s.width, 0, 0, 3, "…")) {
        let _ = writeln!(out, "{}", p.heading(&line));
    }
    let state = match case.state {
        crate::model::CaseState::Open => p.warn(case.state.as_str()),
        crate::model::CaseState::Resolved => p.good(case.state.as_str()),
        crate::model::CaseState::Abandoned => p.dim(case.state.as_str()),
    };
    let entries = format!("{} entries", b.counts.entries);
    let width = s.width;
    if wrap::width(&case.slug) + wrap::width(case.state.as_str()) + entries.len() + 6 <= width {
        let _ = writeln!(out, "{} · {state} · {}", p.dim(&case.slug), p.dim(&entries));
    } else {
        for line in wrap::wrap(&case.slug, &plain(width, 0, 0, 2, "…")) {
            let _ = writeln!(out, "{}", p.dim(&line));
        }
        let _ = writeln!(out, "{state} · {}", p.dim(&entries));
    }

    let now_ms = s.now.timestamp_millis();
    let ago = |stored: &str| -> Option<String> {
        let t = crate::time::parse_stored(stored).ok()?;
        let ms = now_ms - crate::time::unix_ms(&t);
        Some(crate::time::humanize_duration(
            chrono::Duration::milliseconds(ms.max(0)),
        ))
    };
    let mut times = Vec::new();
    if let Some(first) = &b.first_event {
        if let Some(age) = ago(first.when()) {
            let since = crate::time::parse_stored(first.when())
                .map(|t| crate::time::format_short(&t))
                .unwrap_or_default();
            let going = if case.state.is_open() {
                format!(
                    "incident going {age} (first event #{} at {since})",
                    first.number
                )
            } else {
                format!("first event #{} at {since}", first.number)
            };
            times.push(going);
        }
    }
    if let Some(age) = ago(&case.opened_at) {
        times.push(format!("case opened {age} ago"));
    }
    if let Some(closed) = &case.closed_at {
        times.push(format!(
            "closed {}",
            crate::time::format_compact(closed, &s.zone, s.now)
        ));
    }
    labels(out, &times.join(" · "), p, width);

    let mut tags = Vec::new();
    if !case.tickets.is_empty() {
        tags.push(format!("tickets: {}", case.tickets.join(", ")));
    }
    if !case.tags.is_empty() {
        tags.push(format!("tags: {}", case.tags.join(", ")));
    }
    labels(out, &tags.join(" · "), p, width);

    if !b.people.is_empty() {
        let mut people: Vec<String> = b
            .people
            .iter()
            .take(SHOW_PEOPLE)
            .map(|person| {
                let seen = person
                    .last_seen
                    .as_deref()
                    .and_then(ago)
                    .map(|a| format!(", last {a} ago"))
                    .unwrap_or_default();
                format!("{} ({}{seen})", person.author, person.entries)
            })
            .collect();
        if b.people.len() > SHOW_PEOPLE {
            people.push(format!("and {} more", b.people.len() - SHOW_PEOPLE));
        }
        labels(out, &format!("people: {}", people.join(", ")), p, width);
    }
}

/// A wrapped line of labels under the title (at most two lines).
fn labels(out: &mut String, text: &str, p: Palette, width: usize) {
    if text.is_empty() {
        return;
    }
    for (i, line) in wrap::wrap(text, &plain(width, 0, 2, 2, "…"))
        .iter()
        .enumerate()
    {
        let indent = if i == 0 { "" } else { "  " };
        let _ = writeln!(out, "{indent}{}", p.dim(line));
    }
}

fn hypothesis(out: &mut String, h: &HypothesisView, s: &Screen) {
    let p = s.palette;
    let mut facts = Vec::new();
    if (h.supported_count, h.refuted_count) != (0, 0) {
        facts.push(format!(
            "[{} for, {} against]",
            h.supported_count, h.refuted_count
        ));
    }
    facts.extend(claim(&h.entry, s));
    entry_item(
        out,
        &h.entry,
        &facts.join(" · "),
        LINES_HYPOTHESIS,
        false,
        s,
    );
    // The newest evidence each way, newest first.
    let mut shown = 0;
    let evidence = [
        (p.good("+"), h.supported_by.last()),
        (p.bad("-"), h.refuted_by.last()),
    ];
    let mut evidence: Vec<_> = evidence
        .into_iter()
        .filter_map(|(sign, e)| e.map(|e| (sign, e)))
        .collect();
    evidence.sort_by_key(|(_, e)| std::cmp::Reverse(e.number));
    for (sign, e) in evidence {
        let num = number(e);
        let plain_prefix = format!("{:SUB_INDENT$}+ {num} ", "");
        let painted = format!("{:SUB_INDENT$}{sign} {} ", "", p.number(&num));
        sub_item(out, &plain_prefix, &painted, e, LINES_EVIDENCE, s);
        shown += 1;
    }
    let total = h.supported_count + h.refuted_count;
    if total > shown {
        let _ = writeln!(
            out,
            "{:SUB_INDENT$}{}",
            "",
            p.dim(&format!(
                "… {} more (casefile show {})",
                total - shown,
                h.entry.number
            ))
        );
    }
}

/// "Ruled out": each refuted hypothesis once with why; dead ends of their own as they are.
fn ruled_out(out: &mut String, b: &Briefing, s: &Screen) {
    let p = s.palette;
    let refuted: HashSet<i64> = b
        .dead_ends
        .iter()
        .filter(|d| d.entry.kind == Kind::Hypothesis)
        .map(|d| d.entry.number)
        .collect();
    let reasons: HashSet<i64> = b
        .dead_ends
        .iter()
        .filter_map(|d| d.reason.as_ref().map(|r| r.number))
        .collect();
    // A dead end that is the reason of a listed refutation is shown with it, not again.
    let paired = |d: &DeadEndView| {
        d.entry.kind == Kind::DeadEnd
            && (d.rules_out.is_some_and(|h| refuted.contains(&h))
                || reasons.contains(&d.entry.number))
    };
    let items: Vec<&DeadEndView> = b.dead_ends.iter().filter(|d| !paired(d)).collect();
    let shown_items = newest(&items, SHOW_DEAD_ENDS);
    section(out, p, "Ruled out", Some(b.counts.dead_ends));
    let mut covered = 0;
    for d in shown_items {
        covered += 1;
        let e = &d.entry;
        entry_item(out, e, "", LINES_RULED_OUT, false, s);
        if e.kind != Kind::Hypothesis {
            continue;
        }
        match &d.reason {
            Some(r) => {
                // The reason is listed here; count it as shown when it is in the list.
                if b.dead_ends.iter().any(|x| x.entry.number == r.number) {
                    covered += 1;
                }
                let label = match r.via {
                    LinkType::RulesOut => "ruled out by",
                    LinkType::Because => "because",
                    _ => "refuted by",
                };
                let num = format!("#{}", r.number);
                let plain_prefix = format!("{:SUB_INDENT$}{label} {num}: ", "");
                let painted = format!(
                    "{:SUB_INDENT$}{} {}{} ",
                    "",
                    p.dim(label),
                    p.number(&num),
                    p.dim(":")
                );
                let text = crate::model::telling_line(&r.text);
                let more = format!("… casefile show {}", r.number);
                let shape = (SUB_INDENT + 2, LINES_REASON, false);
                item_lines(out, &plain_prefix, &painted, text, shape, &more, s);
            }
            None => {
                let _ = writeln!(out, "{:SUB_INDENT$}{}", "", p.dim("(no reason recorded)"));
            }
        }
    }
    more(
        out,
        p,
        b.counts.dead_ends - covered,
        "casefile log --kind dead-end --kind hypothesis",
    );
}

/// `Ken on it since 11-18 14:20` for a claimed entry.
fn claim(e: &Entry, s: &Screen) -> Option<String> {
    let c = e.claim.as_ref()?;
    Some(format!(
        "{} on it since {}",
        c.author,
        crate::time::format_compact(&c.since, &s.zone, s.now)
    ))
}

/// An action's owner, due time (marked when overdue), ticket and claim.
fn action_facts(e: &Entry, s: &Screen) -> String {
    let mut facts = Vec::new();
    if let Some(owner) = &e.owner {
        facts.push(format!("owner {owner}"));
    }
    if let Some(due) = &e.due {
        let overdue = crate::time::parse_stored(due).is_ok_and(|t| t.with_timezone(&Utc) < s.now);
        let when = crate::time::format_compact(due, &s.zone, s.now);
        facts.push(if overdue {
            format!("due {when}, OVERDUE")
        } else {
            format!("due {when}")
        });
    }
    if let Some(ticket) = &e.ticket {
        facts.push(format!("ticket {ticket}"));
    }
    facts.extend(claim(e, s));
    facts.join(" · ")
}

/// The window between the last good and the first bad moment (`event --good/--bad`).
fn window(out: &mut String, b: &Briefing, s: &Screen) {
    let p = s.palette;
    let w = &b.window;
    let parse = |e: &Entry| crate::time::parse_stored(e.when()).ok();
    let full = |e: &Entry| {
        parse(e)
            .map(|t| crate::time::format_full(&t))
            .unwrap_or_else(|| e.when().to_string())
    };
    let line = match (&w.last_good, &w.first_bad) {
        (Some(g), Some(bad)) => match (parse(g), parse(bad)) {
            (Some(gt), Some(bt)) => {
                format!("the fault began {}", crate::time::format_span(&gt, &bt))
            }
            _ => return,
        },
        (None, Some(bad)) => format!(
            "first known bad {} (no good moment marked before it)",
            full(bad)
        ),
        (Some(g), None) => format!("last known good {} (no bad moment marked yet)", full(g)),
        (None, None) => return,
    };
    labels_at(out, &line, p, s.width, 2);
    for (label, e) in [("last good", &w.last_good), ("first bad", &w.first_bad)] {
        if let Some(e) = e {
            let num = number(e);
            let prefix = format!("    {label} {num} ");
            let painted = format!("    {} {} ", p.dim(label), p.number(&num));
            one_line(out, &prefix, &painted, e.headline(), s);
        }
    }
    if let (Some(g), Some(bad)) = (&w.contradiction, &w.first_bad) {
        let text = format!(
            "contradiction: #{} is marked good at {}, after the first bad #{} at {}: one of \
             the marks is wrong",
            g.number,
            full(g),
            bad.number,
            full(bad)
        );
        for (i, line) in wrap::wrap(&text, &plain(s.width, 2, 4, 3, "…"))
            .iter()
            .enumerate()
        {
            let indent = if i == 0 { "  " } else { "    " };
            let _ = writeln!(out, "{indent}{}", p.bad(line));
        }
    }
}

/// A wrapped dim line at `indent`, continuing two columns further in.
fn labels_at(out: &mut String, text: &str, p: Palette, width: usize, indent: usize) {
    let layout = plain(width, indent, indent + 2, 3, "…");
    for (i, line) in wrap::wrap(text, &layout).iter().enumerate() {
        let pad = if i == 0 { indent } else { indent + 2 };
        let _ = writeln!(out, "{:pad$}{}", "", p.dim(line));
    }
}

/// "When": the window, then the latest events by when they happened, with the first one
/// (the incident's start) kept in view.
fn when(out: &mut String, b: &Briefing, s: &Screen) {
    let has_window = b.window.last_good.is_some() || b.window.first_bad.is_some();
    if b.events.is_empty() && !has_window {
        return;
    }
    let p = s.palette;
    section(out, p, "When", None);
    window(out, b, s);
    let shown = newest(&b.events, SHOW_EVENTS);
    let mut lines: Vec<&Entry> = Vec::new();
    let first_in_view = b
        .first_event
        .as_ref()
        .is_some_and(|f| shown.iter().any(|e| e.number == f.number));
    if let (Some(first), false) = (&b.first_event, first_in_view) {
        lines.push(first);
    }
    let skipped = b.counts.events - shown.len() as i64 - lines.len() as i64;
    for e in &lines {
        event_line(out, e, s);
    }
    if skipped > 0 {
        let _ = writeln!(
            out,
            "  {}",
            p.dim(&format!("… {skipped} more (casefile log --kind event)"))
        );
    }
    for e in shown {
        event_line(out, e, s);
    }
}

fn event_line(out: &mut String, e: &Entry, s: &Screen) {
    let p = s.palette;
    let time = crate::time::parse_stored(e.when())
        .map(|t| crate::time::format_short(&t))
        .unwrap_or_else(|_| e.when().to_string());
    let num = number(e);
    let mark = match e.mark {
        Some(crate::model::Mark::Good) => "good ",
        Some(crate::model::Mark::Bad) => "bad ",
        None => "",
    };
    let prefix = format!("  {time}  {num} {mark}");
    let painted_mark = match e.mark {
        Some(crate::model::Mark::Good) => format!("{} ", p.good("good")),
        Some(crate::model::Mark::Bad) => format!("{} ", p.bad("bad")),
        None => String::new(),
    };
    let painted = format!("  {}  {} {painted_mark}", p.dim(&time), p.number(&num));
    one_line(out, &prefix, &painted, e.headline(), s);
}

/// An item of a list: `  #12   text` wrapped under the text, with `suffix` (dimmed) after it.
fn entry_item(
    out: &mut String,
    e: &Entry,
    suffix: &str,
    budget: usize,
    keep_breaks: bool,
    s: &Screen,
) {
    let p = s.palette;
    let num = number(e);
    let pad = ITEM_INDENT.saturating_sub(num.len() + 2).max(1);
    let plain_prefix = format!("  {num}{:pad$}", "");
    let painted = format!("  {}{:pad$}", p.number(&num), "");
    let text = super::item_text(e);
    let more = format!("… casefile show {}", e.number);
    let indent = wrap::width(&plain_prefix);
    let start = out.len();
    item_lines(
        out,
        &plain_prefix,
        &painted,
        text,
        (indent, budget, keep_breaks),
        &more,
        s,
    );
    if !suffix.is_empty() {
        // On the item's last line when it fits there, else on a line of its own.
        let last_start = out[..out.len() - 1].rfind('\n').map_or(start, |i| i + 1);
        let last = &out[last_start..out.len() - 1];
        let last_width = wrap::width(&strip_ansi(last));
        if last_width + 2 + wrap::width(suffix) <= s.width {
            out.pop();
            let _ = writeln!(out, "  {}", p.dim(suffix));
        } else {
            let _ = writeln!(out, "{:indent$}{}", "", p.dim(suffix));
        }
    }
}

/// Evidence or a reason under an item.
fn sub_item(
    out: &mut String,
    plain_prefix: &str,
    painted: &str,
    e: &Entry,
    budget: usize,
    s: &Screen,
) {
    let more = format!("… casefile show {}", e.number);
    item_lines(
        out,
        plain_prefix,
        painted,
        e.headline(),
        (SUB_INDENT + 2, budget, false),
        &more,
        s,
    );
}

/// Write `text` wrapped after a prefix (given plain, for its width, and painted); `shape` is
/// the hanging indent, the line budget and whether line breaks are kept.
fn item_lines(
    out: &mut String,
    plain_prefix: &str,
    painted: &str,
    text: &str,
    shape: (usize, usize, bool),
    more: &str,
    s: &Screen,
) {
    let (indent, budget, keep_breaks) = shape;
    let layout = Layout {
        width: s.width,
        first: wrap::width(plain_prefix),
        indent,
        max_lines: budget,
        more,
        keep_breaks,
    };
    for (i, line) in wrap::wrap(text, &layout).iter().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "{painted}{line}");
        } else {
            let _ = writeln!(out, "{:indent$}{line}", "");
        }
    }
}

/// One line of a list where the number leads (events, recent): the text ends at a word with
/// `…` when it does not fit.
fn one_line(out: &mut String, plain_prefix: &str, painted: &str, text: &str, s: &Screen) {
    let layout = Layout {
        width: s.width,
        first: wrap::width(plain_prefix),
        indent: 0,
        max_lines: 1,
        more: "…",
        keep_breaks: false,
    };
    let line = wrap::wrap(text, &layout).swap_remove(0);
    let _ = writeln!(out, "{painted}{line}");
}

fn plain(width: usize, first: usize, indent: usize, max_lines: usize, more: &str) -> Layout<'_> {
    Layout {
        width,
        first,
        indent,
        max_lines,
        more,
        keep_breaks: false,
    }
}

/// The newest `n` items of an oldest-first list, still oldest first.
fn newest<T>(list: &[T], n: usize) -> &[T] {
    &list[list.len().saturating_sub(n)..]
}

fn shown<T>(list: &[T], n: usize) -> i64 {
    list.len().min(n) as i64
}

fn number(e: &Entry) -> String {
    format!("#{}", e.number)
}

fn section(out: &mut String, p: Palette, title: &str, count: Option<i64>) {
    match count {
        Some(0) => {}
        Some(n) => {
            let _ = writeln!(out, "\n{}", p.heading(&format!("{title} ({n})")));
        }
        None => {
            let _ = writeln!(out, "\n{}", p.heading(title));
        }
    }
}

fn more(out: &mut String, p: Palette, hidden: i64, hint: &str) {
    if hidden > 0 {
        let _ = writeln!(out, "  {}", p.dim(&format!("… and {hidden} more ({hint})")));
    }
}

/// `text` without ANSI colour sequences, for measuring a painted line.
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
