//! The postmortem: a case rendered as Markdown that reads well on GitHub and GitLab.
//!
//! [`Postmortem`] writes section by section into any `Write` as the command feeds it rows, so
//! a case of 100,000 entries renders in the memory of a small one. The escaping helpers
//! ([`cell`], [`inline`], [`fenced`], [`code_span`], [`mermaid_label`]) keep user text from
//! breaking the document: a `|` cannot end a table cell, a line break cannot end a row, and
//! command output sits in a fence longer than any backtick run inside it. The same helpers are
//! the filters of `--template` templates ([`template_env`]); `docs/postmortem.md.j2` is a
//! template users can copy and change.

use std::io::Write;

use anyhow::Result;

use crate::model::{CaseInfo, Entry, Kind, LinkType, State};
use crate::render::entry::shell_join;
use crate::store::dump::Related;

/// The default template, shipped in `docs/` for users to copy.
pub const DEFAULT_TEMPLATE: &str = include_str!("../../docs/postmortem.md.j2");

/// How much of an entry's text a mention under another entry shows (the timeline has it all).
pub const MENTION_LEN: usize = 160;

/// How many nodes the Mermaid timeline shows at most (GitHub stops rendering huge diagrams).
pub const DIAGRAM_LIMIT: usize = 40;

/// A postmortem being written.
pub struct Postmortem<W: Write> {
    out: W,
    items: usize,
}

impl<W: Write> Postmortem<W> {
    pub fn new(out: W) -> Self {
        Postmortem { out, items: 0 }
    }

    /// Hand back the writer.
    pub fn into_inner(self) -> W {
        self.out
    }

    /// How many items were written since the last [`Postmortem::section`] (or the start).
    pub fn items(&self) -> usize {
        self.items
    }

    /// Write a section's text as it is (a part rendered elsewhere, e.g. into a spill file).
    pub fn raw(&mut self, part: &mut impl std::io::Read) -> Result<()> {
        std::io::copy(part, &mut self.out)?;
        Ok(())
    }

    /// The note for a section with nothing in it: `_None recorded._`.
    pub fn empty_note(&mut self, empty: &str) -> Result<()> {
        writeln!(self.out, "_{empty}_")?;
        Ok(())
    }

    /// Title, facts (tickets, tags, state, opened/closed, duration) and the written sections.
    pub fn header(&mut self, case: &CaseInfo, now_ms: i64) -> Result<()> {
        let o = &mut self.out;
        writeln!(o, "# {}\n", inline(&case.title))?;
        writeln!(o, "- **Case:** {}", code_span(&case.slug))?;
        if !case.tickets.is_empty() {
            let t: Vec<String> = case.tickets.iter().map(|t| inline(t)).collect();
            writeln!(o, "- **Tickets:** {}", t.join(", "))?;
        }
        if !case.tags.is_empty() {
            let t: Vec<String> = case.tags.iter().map(|t| code_span(t)).collect();
            writeln!(o, "- **Tags:** {}", t.join(", "))?;
        }
        writeln!(o, "- **State:** {}", case.state)?;
        writeln!(o, "- **Opened:** {}", when(&case.opened_at))?;
        let opened_ms = ms(&case.opened_at);
        match &case.closed_at {
            Some(closed) => {
                writeln!(o, "- **Closed:** {}", when(closed))?;
                if let (Some(a), Some(b)) = (opened_ms, ms(closed)) {
                    writeln!(o, "- **Duration:** {}", duration(b - a))?;
                }
            }
            None => {
                if let Some(a) = opened_ms {
                    writeln!(
                        o,
                        "- **Duration:** {} so far (still open)",
                        duration(now_ms - a)
                    )?;
                }
            }
        }
        for (title, value) in [
            ("Summary", &case.summary),
            ("Impact", &case.impact),
            ("Root cause", &case.root_cause),
            ("Fix", &case.fix),
            ("Lessons learned", &case.lessons),
        ] {
            writeln!(o, "\n## {title}\n")?;
            match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                Some(text) => writeln!(o, "{}", block(text))?,
                None => writeln!(o, "_Not recorded._")?,
            }
        }
        Ok(())
    }

    /// The Mermaid diagram of the story (events, hypotheses, dead ends); `more` is how many
    /// were left out.
    pub fn diagram(&mut self, entries: &[Entry], more: i64) -> Result<()> {
        let o = &mut self.out;
        writeln!(o, "\n## Timeline\n")?;
        if entries.is_empty() {
            return Ok(());
        }
        writeln!(o, "```mermaid\nflowchart TD")?;
        for (i, e) in entries.iter().enumerate() {
            let what = format!(
                "#{} {}{}: {}",
                e.number,
                e.kind,
                e.state
                    .filter(|s| *s != State::Open)
                    .map(|s| format!(" ({s})"))
                    .unwrap_or_default(),
                crate::render::fit(e.headline(), 60),
            );
            let label = format!(
                "{}<br/>{}",
                mermaid_label(&short_when(e.when())),
                mermaid_label(&what)
            );
            let (open, close) = match e.kind {
                Kind::Event => ("([", "])"),
                Kind::Hypothesis => ("{{", "}}"),
                Kind::DeadEnd => ("[/", "/]"),
                _ => ("[", "]"),
            };
            writeln!(o, "    n{i}{open}\"{label}\"{close}")?;
            if i > 0 {
                writeln!(o, "    n{} --> n{i}", i - 1)?;
            }
        }
        if more > 0 {
            let i = entries.len();
            writeln!(o, "    n{i}[\"… {more} more in the table below\"]")?;
            writeln!(o, "    n{} --> n{i}", i - 1)?;
        }
        writeln!(o, "```\n")?;
        Ok(())
    }

    pub fn timeline_begin(&mut self) -> Result<()> {
        writeln!(self.out, "| When | # | Kind | State | Entry |")?;
        writeln!(self.out, "| --- | --- | --- | --- | --- |")?;
        self.items = 0;
        Ok(())
    }

    pub fn timeline_row(&mut self, e: &Entry) -> Result<()> {
        self.items += 1;
        let mut text = cell(&e.text);
        for link in &e.links {
            text.push_str(&format!(" ({} #{})", link.link_type.as_str(), link.target));
        }
        // `when` has nothing to escape; pieces go straight to the writer.
        let o = &mut self.out;
        o.write_all(b"| ")?;
        o.write_all(when(e.when()).as_bytes())?;
        write!(o, " | #{} | ", e.number)?;
        o.write_all(e.kind.as_str().as_bytes())?;
        o.write_all(b" | ")?;
        o.write_all(e.state.map_or("", State::as_str).as_bytes())?;
        o.write_all(b" | ")?;
        o.write_all(text.as_bytes())?;
        o.write_all(b" |\n")?;
        Ok(())
    }

    pub fn timeline_end(&mut self) -> Result<()> {
        if self.items == 0 {
            writeln!(self.out, "| | | | | _No entries._ |")?;
        }
        Ok(())
    }

    /// Start a section (`## title`) whose items follow; [`Postmortem::section_end`] notes an
    /// empty one.
    pub fn section(&mut self, level: usize, title: &str) -> Result<()> {
        writeln!(self.out, "\n{} {title}\n", "#".repeat(level))?;
        self.items = 0;
        Ok(())
    }

    pub fn section_end(&mut self, empty: &str) -> Result<()> {
        if self.items == 0 {
            writeln!(self.out, "_{empty}_")?;
        }
        Ok(())
    }

    /// One hypothesis with its evidence for and against (and why it was ruled out).
    pub fn hypothesis(&mut self, h: &Entry, related: &[Related]) -> Result<()> {
        self.items += 1;
        let o = &mut self.out;
        writeln!(
            o,
            "- **#{}** {} — {}",
            h.number,
            inline(&h.text),
            h.state.map_or("open", State::as_str)
        )?;
        let refuted = h.state == Some(State::Refuted);
        let mut groups: [(&str, Vec<&Related>); 3] = [
            ("For", Vec::new()),
            ("Against", Vec::new()),
            (if refuted { "Ruled out by" } else { "Because" }, Vec::new()),
        ];
        for r in related {
            let slot = match (r.link, r.outgoing) {
                (LinkType::Supports, false) => 0,
                (LinkType::Refutes, false) => 1,
                (LinkType::RulesOut, false) => 2,
                (LinkType::Because, true) => {
                    if refuted {
                        2
                    } else {
                        0
                    }
                }
                _ => continue,
            };
            if !groups[slot].1.iter().any(|seen| seen.number == r.number) {
                groups[slot].1.push(r);
            }
        }
        if groups.iter().all(|(_, g)| g.is_empty()) {
            writeln!(o, "  - _No evidence linked._")?;
        }
        for (label, group) in groups {
            for r in group {
                writeln!(
                    o,
                    "  - {label}: **#{}** ({}) {}",
                    r.number,
                    r.kind,
                    mention(&r.text)
                )?;
            }
        }
        Ok(())
    }

    /// A dead end, or a refuted hypothesis listed among them.
    pub fn dead_end(&mut self, e: &Entry) -> Result<()> {
        self.items += 1;
        let mut suffix = String::new();
        if e.kind == Kind::Hypothesis {
            suffix.push_str(" — refuted hypothesis");
        }
        for link in &e.links {
            if link.link_type == LinkType::RulesOut {
                suffix.push_str(&format!(" — rules out #{}", link.target));
            }
        }
        let text = if e.kind == Kind::Hypothesis {
            mention(&e.text)
        } else {
            inline(&e.text)
        };
        writeln!(self.out, "- **#{}** {text}{suffix}", e.number)?;
        Ok(())
    }

    /// One `run` evidence: command, exit status, duration, output.
    pub fn run(&mut self, e: &Entry) -> Result<()> {
        self.items += 1;
        let o = &mut self.out;
        writeln!(o, "\n### #{} {}\n", e.number, mention(&e.text))?;
        if let Some(c) = &e.command {
            writeln!(o, "- **Command:** {}", code_span(&shell_join(&c.argv)))?;
            match c.exit_code {
                Some(code) => writeln!(o, "- **Exit status:** {code}")?,
                None => writeln!(o, "- **Exit status:** none (ended by a signal)")?,
            }
            writeln!(o, "- **Duration:** {}", duration_precise(c.duration_ms))?;
        }
        writeln!(o, "- **Recorded:** {}", when(e.when()))?;
        for link in &e.links {
            writeln!(
                o,
                "- **{}:** #{}",
                capitalised(link.link_type.as_str()),
                link.target
            )?;
        }
        let output = e.output.as_deref().unwrap_or("");
        if output.is_empty() {
            writeln!(o, "\n_No output._")?;
        } else {
            writeln!(o, "\n{}", fenced(output, "text"))?;
        }
        Ok(())
    }

    /// An action as a checklist item.
    pub fn action(&mut self, e: &Entry) -> Result<()> {
        self.items += 1;
        let mark = if e.state == Some(State::Done) {
            "x"
        } else {
            " "
        };
        writeln!(self.out, "- [{mark}] **#{}** {}", e.number, inline(&e.text))?;
        Ok(())
    }

    pub fn finish(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

fn ms(stored: &str) -> Option<i64> {
    crate::time::parse_stored(stored)
        .ok()
        .map(|t| crate::time::unix_ms(&t))
}

/// A stored time with its original offset: `2016-04-06 15:01:11 -04:00`.
pub fn when(stored: &str) -> String {
    // Fast path for what casefile stores (`2016-04-06T15:01:11-04:00`): cut and join.
    let b = stored.as_bytes();
    if b.len() == 25
        && b[10] == b'T'
        && (b[19] == b'+' || b[19] == b'-')
        && b.iter().all(u8::is_ascii)
    {
        let mut out = String::with_capacity(27);
        out.push_str(&stored[..10]);
        out.push(' ');
        out.push_str(&stored[11..19]);
        out.push(' ');
        out.push_str(&stored[19..]);
        return out;
    }
    match crate::time::parse_stored(stored) {
        Ok(t) => t.format("%Y-%m-%d %H:%M:%S %:z").to_string(),
        Err(_) => stored.to_string(),
    }
}

fn short_when(stored: &str) -> String {
    match crate::time::parse_stored(stored) {
        Ok(t) => t.format("%Y-%m-%d %H:%M %:z").to_string(),
        Err(_) => stored.to_string(),
    }
}

fn duration(ms: i64) -> String {
    crate::time::humanize_duration(chrono::Duration::milliseconds(ms))
}

/// `850 ms`, `12.3 s`, `4m 10s`.
pub fn duration_precise(ms: u64) -> String {
    if ms < 1000 {
        format!("{ms} ms")
    } else if ms < 60_000 {
        format!("{:.1} s", ms as f64 / 1000.0)
    } else {
        duration(ms as i64)
    }
}

/// Text for one table cell: `|` escaped, line breaks as `<br>`, HTML tags defused.
pub fn cell(text: &str) -> String {
    escape(text, true)
}

/// Text on one Markdown line (a list item): line breaks as `<br>`, `<` defused.
pub fn inline(text: &str) -> String {
    escape(text, false)
}

/// Copy the runs between the few characters that need escaping (all ASCII, so every cut is
/// on a UTF-8 boundary), finding them with SIMD `memchr`: this runs for every row of a
/// postmortem, and most texts have none.
fn escape(text: &str, pipes: bool) -> String {
    let text = text.trim_end();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    let mut start = 0;
    while start < bytes.len() {
        let rest = &bytes[start..];
        let a = memchr::memchr3(b'<', b'>', b'\n', rest);
        let b = if pipes {
            memchr::memchr2(b'|', b'\r', rest)
        } else {
            memchr::memchr(b'\r', rest)
        };
        let at = match (a, b) {
            (Some(a), Some(b)) => a.min(b),
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => break,
        };
        let i = start + at;
        out.push_str(&text[start..i]);
        out.push_str(match bytes[i] {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\n' => "<br>",
            b'|' => "\\|",
            _ => "",
        });
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out
}

/// The start of a text for a mention: its first line, cut to [`MENTION_LEN`] characters.
fn mention(text: &str) -> String {
    let line = first_line(text);
    match line.char_indices().nth(MENTION_LEN) {
        None => inline(line),
        Some(_) => {
            let cut = line
                .char_indices()
                .nth(MENTION_LEN - 1)
                .map_or(line.len(), |(i, _)| i);
            let mut short = inline(&line[..cut]);
            short.push('…');
            short
        }
    }
}

/// A paragraph of user text (summary, lessons …): kept as written, but a line that would open
/// a code fence is defused so it cannot swallow the rest of the document.
pub fn block(text: &str) -> String {
    text.lines()
        .map(|line| {
            let t = line.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                format!("\\{t}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text in a fenced block whose fence is longer than any run of backticks inside it.
pub fn fenced(text: &str, info: &str) -> String {
    let fence = "`".repeat(longest_backtick_run(text).max(2) + 1);
    let body = text.strip_suffix('\n').unwrap_or(text);
    format!("{fence}{info}\n{body}\n{fence}")
}

/// Text in a code span that backticks inside cannot end.
pub fn code_span(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let ticks = "`".repeat(longest_backtick_run(&flat) + 1);
    let pad = if flat.starts_with('`') || flat.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{flat}{pad}{ticks}").replace('|', "\\|")
}

fn longest_backtick_run(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for b in text.bytes() {
        if b == b'`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

/// Text inside a quoted Mermaid label: quotes, brackets and `#` become entity codes.
pub fn mermaid_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            ';' => out.push_str("#59;"),
            '`' => out.push_str("#96;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A MiniJinja environment for `--template`, with the escaping helpers as filters:
/// `cell`, `inline`, `fenced`, `code`, `when`, `duration_ms`, `mermaid`.
pub fn template_env() -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env.add_filter("cell", |s: String| cell(&s));
    env.add_filter("inline", |s: String| inline(&s));
    env.add_filter("fenced", |s: String, info: Option<String>| {
        fenced(&s, info.as_deref().unwrap_or("text"))
    });
    env.add_filter("code", |s: String| code_span(&s));
    env.add_filter("when", |s: String| when(&s));
    env.add_filter("duration_ms", |n: i64| duration_precise(n.max(0) as u64));
    env.add_filter("mermaid", |s: String| mermaid_label(&s));
    env.add_filter("shell_join", |argv: Vec<String>| shell_join(&argv));
    env
}

/// Render `template` over `context` (the JSON bundle).
pub fn render_template(
    template: &str,
    name: &str,
    context: &impl serde::Serialize,
) -> Result<String> {
    let mut env = template_env();
    env.add_template_owned(name.to_string(), template.to_string())
        .map_err(|e| crate::error::invalid(format!("template {name}: {e}")))?;
    let tmpl = env
        .get_template(name)
        .map_err(|e| crate::error::invalid(format!("template {name}: {e}")))?;
    tmpl.render(minijinja::value::Serde(context))
        .map_err(|e| crate::error::invalid(format!("template {name}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_outgrow_backticks_inside() {
        let out = fenced("a ```` b\n``` c\n", "text");
        assert!(out.starts_with("`````text\n"), "{out}");
        assert!(out.ends_with("\n`````"), "{out}");
        assert!(fenced("plain", "").starts_with("```\n"));
    }

    #[test]
    fn cells_escape_pipes_and_lines() {
        assert_eq!(cell("a|b\nc<d>"), "a\\|b<br>c&lt;d&gt;");
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x`"), "`` `x` ``");
    }

    #[test]
    fn mermaid_labels_have_no_quotes_or_hashes() {
        let l = mermaid_label("say \"hi\" #3; <b>");
        assert!(!l.contains('"') && !l.contains('<'), "{l}");
    }

    #[test]
    fn default_template_compiles() {
        let mut env = template_env();
        env.add_template("postmortem.md.j2", DEFAULT_TEMPLATE)
            .unwrap();
    }
}
