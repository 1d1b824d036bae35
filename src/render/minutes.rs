//! Minutes for a weekly call: per person, per case (newest first), what they did.
//!
//! Entry text goes through [`crate::render::markdown`], like the postmortem's.

use std::collections::HashMap;

use serde::Serialize;

use crate::render::markdown::{self, Place};
use crate::store::activity_index::{Group, IndexedCase};

/// The report, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct Minutes {
    /// The period, RFC 3339; absent when unbounded.
    pub since: Option<String>,
    pub until: Option<String>,
    pub people: Vec<Person>,
}

#[derive(Debug, Serialize)]
pub struct Person {
    pub name: String,
    pub cases: Vec<PersonCase>,
}

#[derive(Debug, Serialize)]
pub struct PersonCase {
    #[serde(flatten)]
    pub case: IndexedCase,
    /// Each kind of activity: `what` (`hypothesis`, `confirmed`, `refuted`, `dead-end`,
    /// `evidence`, `run`, `event`, `commit`, `note`, `action`, `done`, `open-action`,
    /// `opened`, `closed`), how many, and the newest few.
    pub activity: Vec<Group>,
}

impl Minutes {
    pub fn new(
        since: Option<i64>,
        until: Option<i64>,
        cases: Vec<IndexedCase>,
        activity: Vec<(String, i64, Vec<Group>)>,
        zone: crate::time::Zone,
    ) -> Minutes {
        let stamp = |ms: i64| {
            chrono::DateTime::from_timestamp_millis(ms)
                .map(|t| crate::time::format_rfc3339(&zone.from_utc(t)))
        };
        let order: HashMap<i64, usize> = cases.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let mut people: Vec<Person> = Vec::new();
        for (author, case_id, groups) in activity {
            let Some(&i) = order.get(&case_id) else {
                continue;
            };
            let pc = PersonCase {
                case: cases[i].clone(),
                activity: groups,
            };
            match people.last_mut() {
                Some(p) if p.name == author => p.cases.push(pc),
                _ => people.push(Person {
                    name: author,
                    cases: vec![pc],
                }),
            }
        }
        // Newest case first (the order of `cases`).
        for p in &mut people {
            p.cases
                .sort_by_key(|c| order.get(&c.case.id).copied().unwrap_or(usize::MAX));
        }
        Minutes {
            since: since.and_then(stamp),
            until: until.and_then(stamp),
            people,
        }
    }
}

fn label(what: &str) -> &str {
    match what {
        "opened" => "opened the case",
        "closed" => "closed the case",
        "hypothesis" => "hypotheses opened",
        "confirmed" => "confirmed",
        "refuted" => "refuted",
        "dead-end" => "dead ends",
        "evidence" => "evidence",
        "run" => "runs",
        "event" => "events",
        "commit" => "commits (git hook)",
        "note" => "notes",
        "action" => "actions written",
        "done" => "actions done",
        "open-action" => "actions still open",
        other => other,
    }
}

/// The report as Markdown.
pub fn markdown(m: &Minutes) -> String {
    let day = |s: &Option<String>| s.as_deref().map(|s| s.get(..10).unwrap_or(s).to_string());
    let mut out = match (day(&m.since), day(&m.until)) {
        (Some(a), Some(b)) => format!("# Minutes: {a} to {b}\n"),
        (Some(a), None) => format!("# Minutes: since {a}\n"),
        (None, Some(b)) => format!("# Minutes: until {b}\n"),
        (None, None) => "# Minutes: all time\n".to_string(),
    };
    if m.people.is_empty() {
        out.push_str("\n_Nothing recorded in this period._\n");
        return out;
    }
    for p in &m.people {
        out.push_str(&format!(
            "\n## {}\n",
            markdown::text(&p.name, Place::Heading)
        ));
        for c in &p.cases {
            out.push_str(&format!(
                "\n### {} {} ({})\n\n",
                markdown::code_span(&c.case.slug, false),
                markdown::text(&c.case.title, Place::Heading),
                c.case.state
            ));
            for g in &c.activity {
                if g.what == "opened" || g.what == "closed" {
                    let text = g.newest.first().map_or("", |i| i.text.as_str());
                    let text = if g.what == "opened" { "" } else { text };
                    out.push_str(&format!(
                        "- {}{}\n",
                        label(&g.what),
                        if text.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", markdown::text(text, Place::Line))
                        }
                    ));
                    continue;
                }
                let items: Vec<String> = g
                    .newest
                    .iter()
                    .map(|i| match i.number {
                        Some(n) => format!("#{n} {}", markdown::text(&i.text, Place::Cell)),
                        None => markdown::text(&i.text, Place::Cell),
                    })
                    .collect();
                let more = g.count - g.newest.len() as i64;
                out.push_str(&format!(
                    "- {} ({}): {}{}\n",
                    label(&g.what),
                    g.count,
                    items.join("; "),
                    if more > 0 {
                        format!("; … and {more} more")
                    } else {
                        String::new()
                    }
                ));
            }
        }
    }
    out
}
