//! Search results: one heading line per hit (case, number, kind, state, time) and an indented
//! snippet with the matches highlighted: in colour on a terminal, else between `**` (which
//! also reads as bold when pasted into Markdown).

use serde::Serialize;

use crate::render::Palette;
use crate::store::search_index::{Hit, MARK_END, MARK_START};

/// A hit as `search --json` prints it.
#[derive(Debug, Serialize)]
pub struct HitJson<'a> {
    pub case: &'a str,
    pub number: i64,
    pub kind: &'a str,
    pub state: Option<&'a str>,
    pub time: &'a str,
    pub snippet: String,
    pub score: f64,
    /// The entry's whole text, and its telling line (what one-line views show of it).
    pub text: &'a str,
    pub headline: std::borrow::Cow<'a, str>,
}

pub fn json(hits: &[Hit]) -> Vec<HitJson<'_>> {
    hits.iter()
        .map(|h| HitJson {
            case: &h.slug,
            number: h.number,
            kind: &h.kind,
            state: h.state.as_deref(),
            time: &h.at,
            snippet: highlight(&h.snippet, "**", "**"),
            score: h.score,
            text: &h.text,
            headline: crate::model::headline(&h.text),
        })
        .collect()
}

pub fn text(hits: &[Hit], color: bool) -> String {
    let p = Palette::new(color);
    let (start, end) = if color {
        let style = anstyle::Style::new()
            .bold()
            .fg_color(Some(anstyle::AnsiColor::Red.into()));
        (style.render().to_string(), style.render_reset().to_string())
    } else {
        ("**".to_string(), "**".to_string())
    };
    let mut out = String::new();
    for h in hits {
        let state = h
            .state
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        out.push_str(&format!(
            "{} {} {}{} {}\n    {}\n",
            p.heading(&h.slug),
            p.number(&format!("#{}", h.number)),
            h.kind,
            state,
            p.dim(&crate::render::postmortem::when(&h.at)),
            highlight(&h.snippet, &start, &end)
        ));
    }
    out
}

/// Replace the index's markers and fold the snippet onto one line.
fn highlight(snippet: &str, start: &str, end: &str) -> String {
    let mut out = String::with_capacity(snippet.len() + 16);
    let mut last_space = false;
    for ch in snippet.chars() {
        match ch {
            MARK_START => out.push_str(start),
            MARK_END => out.push_str(end),
            c if c.is_whitespace() => {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
                continue;
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
        last_space = false;
    }
    out.trim().to_string()
}
