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
use crate::time::view::ViewZone;

/// How many dead ends and refuted hypotheses the text view loads: more than "Ruled out"
/// shows, since it leaves out the dead ends shown as a reason.
pub const SHOW_PER_LIST: u32 = 5;
/// How many items of the other bounded lists the text view shows (and so loads).
pub const SHOWN: crate::briefing::Shown = crate::briefing::Shown {
    open_hypotheses: SHOW_HYPOTHESES as u32,
    confirmed: SHOW_CONFIRMED as u32,
    open_actions: SHOW_ACTIONS as u32,
    pinned: SHOW_PINNED as u32,
};
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
/// The least room a prefix must leave for text on its line (else it takes a line of its own).
const MIN_ROOM: usize = 12;
/// Under an item (evidence, reasons): the marker column and the text's hanging indent.
const SUB_INDENT: usize = 8;

/// What the screen is: its width, the viewer's zone, the time now and colour.
#[derive(Debug, Clone)]
pub struct Screen {
    pub width: usize,
    /// The viewer's zone (`--utc`, `--tz`, config): every time shown goes through it.
    pub view: ViewZone,
    pub now: DateTime<Utc>,
    pub palette: Palette,
}

/// Render the briefing.
pub fn render(b: &Briefing, s: &Screen) -> String {
    let mut out = String::new();
    let p = s.palette;
    header(&mut out, b, s);
    if b.counts.entries == 0 {
        out.push('\n');
        let hint = "No entries yet. Start with `casefile hypo <what you suspect>` or \
                    `casefile note <text>`.";
        for line in wrap::wrap(hint, &plain(s.width, 0, 0, 4, "…")) {
            let _ = writeln!(out, "{line}");
        }
        return out;
    }
    let c = &b.counts;
    // One blank line between the header and the sections.
    out.push('\n');

    if !b.pinned.is_empty() {
        section(&mut out, s, "Pinned", None);
        for e in newest(&b.pinned, SHOW_PINNED) {
            entry_item(&mut out, e, "", "", LINES_PINNED, true, s);
        }
        more(
            &mut out,
            s,
            b.pinned_count - shown(&b.pinned, SHOW_PINNED),
            "casefile status --json",
        );
    }

    section(&mut out, s, "Open hypotheses", Some(c.open_hypotheses));
    for h in newest(&b.open_hypotheses, SHOW_HYPOTHESES) {
        hypothesis(&mut out, h, s);
    }
    more(
        &mut out,
        s,
        c.open_hypotheses - shown(&b.open_hypotheses, SHOW_HYPOTHESES),
        "casefile log --kind hypothesis",
    );

    section(&mut out, s, "Confirmed", Some(c.confirmed));
    for h in newest(&b.confirmed, SHOW_CONFIRMED) {
        entry_item(&mut out, &h.entry, "", "", LINES_ITEM, false, s);
    }
    more(
        &mut out,
        s,
        c.confirmed - shown(&b.confirmed, SHOW_CONFIRMED),
        "casefile log --kind hypothesis",
    );

    ruled_out(&mut out, b, s);

    if !b.unlinked_evidence.is_empty() {
        section(&mut out, s, "Unlinked evidence", None);
        for e in newest(&b.unlinked_evidence, SHOW_UNLINKED) {
            entry_item(&mut out, e, "", "", LINES_EVIDENCE, false, s);
        }
        if b.unlinked_evidence.len() > SHOW_UNLINKED {
            let hint = "… and more (casefile log --kind evidence)";
            labels_at(&mut out, hint, p, s.width, 2);
        }
    }

    section(&mut out, s, "Next (open actions)", Some(c.open_actions));
    for e in newest(&b.open_actions, SHOW_ACTIONS) {
        entry_item(&mut out, e, &action_facts(e, s), "", LINES_ACTION, false, s);
    }
    more(
        &mut out,
        s,
        c.open_actions - shown(&b.open_actions, SHOW_ACTIONS),
        "casefile log --kind action",
    );

    when(&mut out, b, s);

    if !b.recent.is_empty() {
        // Entries shown above are named in the heading, not repeated.
        let above = shown_above(b);
        let (repeated, new): (Vec<&Entry>, Vec<&Entry>) =
            b.recent.iter().partition(|e| above.contains(&e.number));
        let title = if repeated.is_empty() {
            "Recent".to_string()
        } else {
            let numbers: Vec<String> = repeated.iter().map(|e| number(e)).collect();
            format!("Recent (also shown above: {})", numbers.join(", "))
        };
        section(&mut out, s, &title, None);
        for e in new {
            let time = s.view.format_recent(e.when(), s.now);
            let num = number(e);
            let kind = e.kind.as_str();
            let prefix = format!("  {time} {num} {kind} ");
            let painted = format!("  {} {} {} ", p.dim(&time), p.number(&num), p.dim(kind));
            one_line(&mut out, &prefix, &painted, &e.headline(), s);
        }
    }
    out
}

/// The numbers of the entries the sections above "Recent" show (as they choose them).
fn shown_above(b: &Briefing) -> HashSet<i64> {
    let mut above = HashSet::new();
    above.extend(newest(&b.pinned, SHOW_PINNED).iter().map(|e| e.number));
    for h in newest(&b.open_hypotheses, SHOW_HYPOTHESES) {
        above.insert(h.entry.number);
        above.extend(h.supported_by.last().map(|e| e.number));
        above.extend(h.refuted_by.last().map(|e| e.number));
    }
    above.extend(
        newest(&b.confirmed, SHOW_CONFIRMED)
            .iter()
            .map(|h| h.entry.number),
    );
    for d in &b.dead_ends {
        above.insert(d.entry.number);
        above.extend(d.reason.as_ref().map(|r| r.number));
    }
    above.extend(
        newest(&b.unlinked_evidence, SHOW_UNLINKED)
            .iter()
            .map(|e| e.number),
    );
    above.extend(
        newest(&b.open_actions, SHOW_ACTIONS)
            .iter()
            .map(|e| e.number),
    );
    above.extend(newest(&b.events, SHOW_EVENTS).iter().map(|e| e.number));
    above.extend(b.first_event.as_ref().map(|e| e.number));
    let w = &b.window;
    above.extend(
        [&w.last_good, &w.first_bad, &w.contradiction]
            .into_iter()
            .flatten()
            .map(|e| e.number),
    );
    above
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
        // `slug · state · N entries` on one line when it fits.
        let _ = writeln!(out, "{} · {state} · {}", p.dim(&case.slug), p.dim(&entries));
    } else {
        for line in wrap::wrap(&case.slug, &plain(width, 0, 0, 2, "…")) {
            let _ = writeln!(out, "{}", p.dim(&line));
        }
        if wrap::width(case.state.as_str()) + 3 + entries.len() <= width {
            let _ = writeln!(out, "{state} · {}", p.dim(&entries));
        } else {
            let _ = writeln!(out, "{state}");
            let _ = writeln!(out, "{}", p.dim(&entries));
        }
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
            let since = s.view.format_recent(first.when(), s.now);
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
        times.push(format!("closed {}", s.view.format_recent(closed, s.now)));
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
    let counts = match (h.supported_count, h.refuted_count) {
        (0, 0) => String::new(),
        (f, a) => format!("[{f} for, {a} against]"),
    };
    let claim = claim(&h.entry, s).unwrap_or_default();
    entry_item(out, &h.entry, &claim, &counts, LINES_HYPOTHESIS, false, s);
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
        let hint = format!(
            "… {} more (casefile show {})",
            total - shown,
            h.entry.number
        );
        labels_at(out, &hint, p, s.width, SUB_INDENT);
    }
}

/// "Ruled out": each refuted hypothesis once with why; dead ends of their own as they are.
fn ruled_out(out: &mut String, b: &Briefing, s: &Screen) {
    let p = s.palette;
    // A dead end that is a refuted hypothesis's reason is shown with it, not again.
    let paired = |d: &DeadEndView| {
        d.entry.kind == Kind::DeadEnd && b.paired_dead_ends.contains(&d.entry.number)
    };
    let items: Vec<&DeadEndView> = b.dead_ends.iter().filter(|d| !paired(d)).collect();
    let shown_items = newest(&items, SHOW_DEAD_ENDS);
    section(out, s, "Ruled out", Some(b.counts.ruled_out));
    let mut covered = 0;
    for d in shown_items {
        covered += 1;
        let e = &d.entry;
        entry_item(out, e, "", "", LINES_RULED_OUT, false, s);
        if e.kind != Kind::Hypothesis {
            continue;
        }
        match &d.reason {
            Some(r) => {
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
                let text = crate::model::headline(&r.text);
                let more = format!("… casefile show {}", r.number);
                let shape = (SUB_INDENT + 2, LINES_REASON, false);
                item_lines(out, &plain_prefix, &painted, &text, shape, &more, s);
            }
            None => {
                labels_at(out, "(no reason recorded)", p, s.width, SUB_INDENT);
            }
        }
    }
    more(
        out,
        s,
        b.counts.ruled_out - covered,
        "casefile log --kind dead-end --kind hypothesis",
    );
}

/// `Ken on it since 11-18 14:20` for a claimed entry.
fn claim(e: &Entry, s: &Screen) -> Option<String> {
    let c = e.claim.as_ref()?;
    Some(format!(
        "{} on it since {}",
        c.author,
        s.view.format_recent(&c.since, s.now)
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
        let when = s.view.format_recent(due, s.now);
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

/// The window between the last good and the first bad moment (`event --good/--bad`): when
/// the fault began, as far as the case knows.
/// Returns the numbers of the moments the window names, which the event list then leaves out.
fn window(out: &mut String, b: &Briefing, s: &Screen) -> Vec<i64> {
    let p = s.palette;
    let w = &b.window;
    // In the viewer's zone, like every time a view shows.
    let parse = |e: &Entry| s.view.convert(e.when()).map(|(t, _)| t);
    let full = |e: &Entry| {
        parse(e)
            .map(|t| crate::time::format_full(&t))
            .unwrap_or_else(|| e.when().to_string())
    };
    let line = match (&w.last_good, &w.first_bad) {
        (Some(g), Some(bad)) => match (parse(g), parse(bad)) {
            (Some(gt), Some(bt)) => format!(
                "good #{}, bad #{}: {}",
                g.number,
                bad.number,
                crate::time::format_span(&gt, &bt)
            ),
            _ => return Vec::new(),
        },
        (None, Some(bad)) => format!(
            "first known bad #{} at {} (no good moment marked before it)",
            bad.number,
            full(bad)
        ),
        (Some(g), None) => format!(
            "last known good #{} at {} (no bad moment marked yet)",
            g.number,
            full(g)
        ),
        (None, None) => return Vec::new(),
    };
    labels_at(out, &line, p, s.width, 2);
    let mut named: Vec<i64> = [&w.last_good, &w.first_bad]
        .into_iter()
        .flatten()
        .map(|e| e.number)
        .collect();
    if let (Some(g), Some(bad)) = (&w.contradiction, &w.first_bad) {
        named.push(g.number);
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
    named
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
    section(out, s, "When", None);
    // The moments the window line names (with their times) are not listed again.
    let named = window(out, b, s);
    let shown: Vec<&Entry> = newest(&b.events, SHOW_EVENTS)
        .iter()
        .filter(|e| !named.contains(&e.number))
        .collect();
    let mut lines: Vec<&Entry> = Vec::new();
    let first_in_view = b
        .first_event
        .as_ref()
        .is_some_and(|f| named.contains(&f.number) || shown.iter().any(|e| e.number == f.number));
    if let (Some(first), false) = (&b.first_event, first_in_view) {
        lines.push(first);
    }
    // Every event is shown, named by the window, or counted here.
    let mut accounted: HashSet<i64> = named.iter().copied().collect();
    accounted.extend(shown.iter().chain(&lines).map(|e| e.number));
    let skipped = b.counts.events - accounted.len() as i64;
    for e in &lines {
        event_line(out, e, s);
    }
    if skipped > 0 {
        let hint = format!("… {skipped} more (casefile log --kind event)");
        labels_at(out, &hint, p, s.width, 2);
    }
    for e in shown {
        event_line(out, e, s);
    }
}

fn event_line(out: &mut String, e: &Entry, s: &Screen) {
    let p = s.palette;
    let time = s.view.format_instant(e.when());
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
    one_line(out, &prefix, &painted, &e.headline(), s);
}

/// An item of a list: `  #12   text` wrapped under the text, with `suffix` (dimmed) after it.
#[allow(clippy::too_many_arguments)]
fn entry_item(
    out: &mut String,
    e: &Entry,
    lead: &str,
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
    // Facts (who, when due) lead the text, so that a cut never drops them.
    let lead = if lead.is_empty() {
        String::new()
    } else {
        format!("({lead})")
    };
    let text = match lead.as_str() {
        "" => super::item_text(e),
        lead => std::borrow::Cow::Owned(format!("{lead} {}", super::item_text(e))),
    };
    let more = format!("… casefile show {}", e.number);
    let indent = wrap::width(&plain_prefix);
    let start = out.len();
    item_lines(
        out,
        &plain_prefix,
        &painted,
        &text,
        (indent, budget, keep_breaks),
        &more,
        s,
    );
    if !lead.is_empty() {
        // Painted when it stayed whole on one line.
        if let Some(at) = out[start..].find(&lead) {
            let at = start + at;
            out.replace_range(at..at + lead.len(), &p.warn(&lead));
        }
    }
    if !suffix.is_empty() {
        // On the item's last line when it fits there, else on a line of its own.
        let last_start = out[..out.len() - 1].rfind('\n').map_or(start, |i| i + 1);
        let last = &out[last_start..out.len() - 1];
        let last_width = wrap::width(&strip_ansi(last));
        if last_width + 2 + wrap::width(suffix) <= s.width {
            out.pop();
            let _ = writeln!(out, "  {}", p.dim(suffix));
        } else {
            labels_at(out, suffix, p, s.width, indent);
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
        &e.headline(),
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
    // On a narrow screen, keep room for the text: indents shrink, and a prefix that leaves
    // too little room goes on its own line(s), unpainted.
    let indent = indent.min(s.width / 4);
    let (first, painted) = if wrap::width(plain_prefix) + MIN_ROOM > s.width {
        let lead = plain_prefix.len() - plain_prefix.trim_start().len();
        labels_at(
            out,
            plain_prefix.trim(),
            s.palette,
            s.width,
            lead.min(indent),
        );
        (indent, " ".repeat(indent))
    } else {
        (wrap::width(plain_prefix), painted.to_string())
    };
    let layout = Layout {
        width: s.width,
        first,
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
    item_lines(out, plain_prefix, painted, text, (4, 1, false), "…", s);
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

fn section(out: &mut String, s: &Screen, title: &str, count: Option<i64>) {
    let title = match count {
        Some(0) => return,
        Some(n) => format!("{title} ({n})"),
        None => title.to_string(),
    };
    // Sections follow one another without blank lines (their headings separate them): one
    // screen holds more.
    for line in wrap::wrap(&title, &plain(s.width, 0, 0, 2, "…")) {
        let _ = writeln!(out, "{}", s.palette.heading(&line));
    }
}

fn more(out: &mut String, s: &Screen, hidden: i64, hint: &str) {
    if hidden > 0 {
        let text = format!("… and {hidden} more ({hint})");
        labels_at(out, &text, s.palette, s.width, 2);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{ClaimView, Counts, Person, Reason, Window};
    use crate::model::{CaseInfo, CaseState};

    fn entry(number: i64, kind: Kind, text: &str) -> Entry {
        let mut e: Entry = serde_json::from_value(serde_json::json!({
            "number": number, "uuid": "u", "kind": kind.as_str(), "text": text,
            "author": text, "recorded_at": "2026-11-18T14:12:00-05:00",
            "occurred_at": "2025-11-18T14:12:00+05:30", "state": null, "tags": [],
            "links": [], "context": {}, "attachments": [],
        }))
        .unwrap();
        e.owner = Some(text.to_string());
        e.due = Some("2026-11-18T15:00:00-05:00".into());
        e.ticket = Some(text.to_string());
        e.claim = Some(crate::model::Claim {
            author: text.to_string(),
            since: "2026-11-18T14:12:00-05:00".into(),
        });
        e
    }

    /// A briefing with `text` in every place a user's text can be.
    fn briefing(text: &str) -> Briefing {
        let h = |n| HypothesisView {
            entry: entry(n, Kind::Hypothesis, text),
            supported_by: vec![entry(n + 100, Kind::Evidence, text)],
            refuted_by: vec![entry(n + 200, Kind::Evidence, text)],
            supported_count: 3,
            refuted_count: 1,
        };
        let dead = |n, kind| DeadEndView {
            entry: entry(n, kind, text),
            reason: (kind == Kind::Hypothesis).then(|| Reason {
                via: LinkType::RulesOut,
                number: n + 1,
                kind: Kind::DeadEnd,
                text: text.to_string(),
            }),
            rules_out: None,
        };
        let e = |n, kind| entry(n, kind, text);
        Briefing {
            case: CaseInfo {
                uuid: "u".into(),
                slug: "a".repeat(64),
                title: text.to_string(),
                state: CaseState::Open,
                opened_at: "2026-11-18T14:12:00-05:00".into(),
                closed_at: None,
                tickets: vec![text.to_string()],
                tags: vec![text.to_string()],
                summary: None,
                impact: None,
                root_cause: None,
                fix: None,
                lessons: None,
                review: Default::default(),
            },
            counts: Counts {
                entries: 99_999,
                open_hypotheses: 9,
                confirmed: 9,
                dead_ends: 9,
                ruled_out: 9,
                open_actions: 9,
                events: 9,
                evidence: 9,
            },
            people: vec![Person {
                author: text.to_string(),
                entries: 3,
                last_seen: Some("2026-11-18T19:12:00+00:00".into()),
                last_seen_ms: 0,
            }],
            pinned: vec![e(1, Kind::Note)],
            pinned_count: 9,
            claims: vec![ClaimView {
                number: 2,
                kind: Kind::Hypothesis,
                author: text.to_string(),
                since: "2026-11-18T14:12:00-05:00".into(),
            }],
            window: Window {
                last_good: Some(e(3, Kind::Event)),
                first_bad: Some(e(4, Kind::Event)),
                span_ms: Some(1),
                contradiction: Some(e(5, Kind::Event)),
            },
            first_event: Some(e(3, Kind::Event)),
            open_hypotheses: vec![h(10), h(11)],
            confirmed: vec![h(12)],
            dead_ends: vec![dead(20, Kind::Hypothesis), dead(22, Kind::DeadEnd)],
            paired_dead_ends: Default::default(),
            unlinked_evidence: vec![e(30, Kind::Evidence), e(31, Kind::Evidence)],
            open_actions: vec![e(40, Kind::Action)],
            events: vec![e(50, Kind::Event), e(10_000, Kind::Event)],
            recent: vec![e(60, Kind::Note), e(99_999, Kind::Evidence)],
        }
    }

    fn screen(width: usize, color: bool) -> Screen {
        Screen {
            width,
            view: ViewZone::new(crate::time::Zone::parse("America/New_York").unwrap()),
            now: "2026-11-18T20:05:00Z".parse().unwrap(),
            palette: Palette::new(color),
        }
    }

    #[test]
    fn every_section_renders_and_fits() {
        let text = "a request path does not return its connection to the pool";
        let out = render(&briefing(text), &screen(80, false));
        for heading in [
            "Pinned",
            "Open hypotheses (9)",
            "Confirmed (9)",
            "Ruled out (9)",
            "Unlinked evidence",
            "Next (open actions) (9)",
            "When",
            "Recent",
            "contradiction: #5",
        ] {
            assert!(out.contains(heading), "{heading}:\n{out}");
        }
        assert!(out.lines().all(|l| wrap::width(l) <= 80), "{out}");
    }

    proptest::proptest! {
        /// No line of status, log or show is wider than the screen, whatever the text: ASCII,
        /// CJK, emoji, combining marks, tabs, line breaks, control characters, very long words.
        #[test]
        fn no_line_is_wider_than_the_screen(
            text in "([a-z]{1,12}|[日本語の中文한국어]{1,8}|🦀|👩‍👩‍👧|❤\u{fe0f}|e\u{301}|\t|\n| {1,3}|[\u{0}-\u{1f}\u{7f}]|[a-z0-9/._-]{50,130}){1,30}",
            width in 20usize..140,
            color: bool,
        ) {
            let b = briefing(&text);
            let s = screen(width, color);
            let mut all = render(&b, &s);
            for e in b.recent.iter().chain(&b.unlinked_evidence) {
                all.push_str(&crate::render::entry::log_line(e, &s.view, width, s.palette));
                let headlines = std::collections::HashMap::from([(1, text.clone())]);
                let mut e = e.clone();
                e.links = vec![crate::model::Link { link_type: LinkType::Supports, target: 1 }];
                e.output = Some(text.clone());
                all.push_str(&crate::render::entry::show(&e, &[(1, LinkType::Refutes)], &headlines, width, s.palette));
            }
            for line in strip_ansi(&all).lines() {
                proptest::prop_assert!(wrap::width(line) <= width, "{} > {width}: {:?}", wrap::width(line), line);
                proptest::prop_assert!(!line.chars().any(|c| c.is_control() && c != '\u{1b}'), "{:?}", line);
            }
        }
    }
}
