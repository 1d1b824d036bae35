//! The `status` briefing as text: one screen for the next person.

use std::fmt::Write as _;

use super::{fit, Palette};
use crate::briefing::{Briefing, HypothesisView};
use crate::model::{Entry, Kind};
use crate::time::view::ViewZone;

/// How many items of each list the text view loads; each section shows fewer.
pub const SHOW_PER_LIST: u32 = 5;
/// How many pieces of evidence are shown under each open hypothesis.
pub const SHOW_EVIDENCE: u32 = 2;
const SHOW_HYPOTHESES: usize = 5;
const SHOW_CONFIRMED: usize = 3;
const SHOW_DEAD_ENDS: usize = 4;
const SHOW_ACTIONS: usize = 4;

/// Render the briefing; `now_ms` is used for the case's age, `view` shows times (see
/// `time::view`).
pub fn render(b: &Briefing, view: &ViewZone, now_ms: i64, width: usize, p: Palette) -> String {
    let mut out = String::new();
    let case = &b.case;
    let _ = writeln!(out, "{}", p.heading(&fit(&case.title, width)));
    let age = crate::time::parse_stored(&case.opened_at)
        .map(|t| {
            let ms = now_ms - crate::time::unix_ms(&t);
            crate::time::humanize_duration(chrono::Duration::milliseconds(ms.max(0)))
        })
        .unwrap_or_default();
    let state = match case.state {
        crate::model::CaseState::Open => p.warn(case.state.as_str()),
        crate::model::CaseState::Resolved => p.good(case.state.as_str()),
        crate::model::CaseState::Abandoned => p.dim(case.state.as_str()),
    };
    let mut line = format!("{} · {state} · opened {age} ago", case.slug);
    if let Some(closed) = &case.closed_at {
        line.push_str(&format!(" · closed {}", view.format_compact(closed)));
    }
    line.push_str(&format!(" · {} entries", b.counts.entries));
    let _ = writeln!(out, "{}", p.dim(&line));
    let mut labels = Vec::new();
    if !case.tickets.is_empty() {
        labels.push(format!("tickets: {}", case.tickets.join(", ")));
    }
    if !case.tags.is_empty() {
        labels.push(format!("tags: {}", case.tags.join(", ")));
    }
    if !labels.is_empty() {
        let _ = writeln!(out, "{}", fit(&labels.join(" · "), width));
    }

    if b.counts.entries == 0 {
        let _ = writeln!(
            out,
            "\nNo entries yet. Start with `casefile hypo <what you suspect>` or `casefile note <text>`."
        );
        return out;
    }

    let c = &b.counts;
    let hint_h = "casefile log --kind hypothesis";
    section(&mut out, p, "Open hypotheses", c.open_hypotheses);
    for h in newest(&b.open_hypotheses, SHOW_HYPOTHESES) {
        hypothesis(&mut out, h, width, p);
    }
    more(&mut out, p, c.open_hypotheses, SHOW_HYPOTHESES, hint_h);

    section(&mut out, p, "Confirmed", c.confirmed);
    for h in newest(&b.confirmed, SHOW_CONFIRMED) {
        item(&mut out, &h.entry, "", width, p);
    }
    more(&mut out, p, c.confirmed, SHOW_CONFIRMED, hint_h);

    section(&mut out, p, "Ruled out", c.dead_ends);
    for e in newest(&b.dead_ends, SHOW_DEAD_ENDS) {
        let note = if e.kind == Kind::Hypothesis {
            "refuted: "
        } else {
            ""
        };
        item(&mut out, e, note, width, p);
    }
    more(
        &mut out,
        p,
        c.dead_ends,
        SHOW_DEAD_ENDS,
        "casefile log --kind dead-end",
    );

    section(&mut out, p, "Next (open actions)", c.open_actions);
    for e in newest(&b.open_actions, SHOW_ACTIONS) {
        item(&mut out, e, "", width, p);
    }
    more(
        &mut out,
        p,
        c.open_actions,
        SHOW_ACTIONS,
        "casefile log --kind action",
    );

    if !b.recent.is_empty() {
        let _ = writeln!(out, "\n{}", p.heading("Recent"));
        for e in &b.recent {
            let when = view.format_compact(e.when());
            let prefix = format!("  {when} {} {} ", number(e), e.kind);
            let room = width.saturating_sub(prefix.chars().count()).max(10);
            let _ = writeln!(
                out,
                "  {} {} {} {}",
                p.dim(&when),
                p.number(&number(e)),
                p.dim(e.kind.as_str()),
                fit(e.headline(), room)
            );
        }
    }
    out
}

/// The newest `n` items of an oldest-first list, still oldest first.
fn newest<T>(list: &[T], n: usize) -> &[T] {
    &list[list.len().saturating_sub(n)..]
}

fn number(e: &Entry) -> String {
    format!("#{}", e.number)
}

fn section(out: &mut String, p: Palette, title: &str, count: i64) {
    if count > 0 {
        let _ = writeln!(out, "\n{}", p.heading(&format!("{title} ({count})")));
    }
}

fn more(out: &mut String, p: Palette, total: i64, shown: usize, hint: &str) {
    let shown = shown as i64;
    if total > shown {
        let _ = writeln!(
            out,
            "  {}",
            p.dim(&format!("… and {} more ({hint})", total - shown))
        );
    }
}

fn item(out: &mut String, e: &Entry, note: &str, width: usize, p: Palette) {
    let num = number(e);
    let room = width.saturating_sub(num.len() + 4 + note.len()).max(10);
    let _ = writeln!(
        out,
        "  {:<5} {note}{}",
        p.number(&num),
        fit(e.headline(), room)
    );
}

fn hypothesis(out: &mut String, h: &HypothesisView, width: usize, p: Palette) {
    let counts = match (h.supported_count, h.refuted_count) {
        (0, 0) => String::new(),
        (f, a) => format!("  [{f} for, {a} against]"),
    };
    let num = number(&h.entry);
    let room = width.saturating_sub(num.len() + 4 + counts.len()).max(10);
    let _ = writeln!(
        out,
        "  {:<5} {}{}",
        p.number(&num),
        fit(h.entry.headline(), room),
        p.dim(&counts)
    );
    let evidence = h
        .supported_by
        .iter()
        .map(|e| (p.good("+"), e))
        .chain(h.refuted_by.iter().map(|e| (p.bad("-"), e)));
    let mut evidence: Vec<_> = evidence.collect();
    evidence.sort_by_key(|(_, e)| std::cmp::Reverse(e.number));
    let total = (h.supported_count + h.refuted_count) as usize;
    let shown = SHOW_EVIDENCE as usize;
    for (sign, e) in evidence.iter().take(shown) {
        let num = number(e);
        let room = width.saturating_sub(num.len() + 10).max(10);
        let _ = writeln!(
            out,
            "        {sign} {} {}",
            p.number(&num),
            fit(e.headline(), room)
        );
    }
    if total > shown {
        let _ = writeln!(
            out,
            "        {}",
            p.dim(&format!(
                "… {} more (casefile show {})",
                total - shown,
                h.entry.number
            ))
        );
    }
}
