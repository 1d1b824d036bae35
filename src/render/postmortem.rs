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
use crate::store::dump::{LinkRow, Related, RunRow, TimelineRow};

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

    /// The writer, to add a part rendered elsewhere (e.g. into a spill file).
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.out
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

    /// One row of the timeline table; `links` are the links the entry holds.
    pub fn timeline_row(&mut self, e: &TimelineRow<'_>, links: &[LinkRow]) -> Result<()> {
        self.items += 1;
        let o = &mut self.out;
        o.write_all(b"| ")?;
        write_when(o, e.when)?;
        o.write_all(b" | #")?;
        write_number(o, e.number)?;
        o.write_all(b" | ")?;
        o.write_all(e.kind.as_str().as_bytes())?;
        o.write_all(b" | ")?;
        o.write_all(e.state.map_or("", State::as_str).as_bytes())?;
        o.write_all(b" | ")?;
        write_escaped(o, e.text, true)?;
        for link in links {
            o.write_all(b" (")?;
            o.write_all(link.link_type.as_str().as_bytes())?;
            o.write_all(b" #")?;
            write_number(o, link.target)?;
            o.write_all(b")")?;
        }
        o.write_all(b" |\n")?;
        Ok(())
    }

    pub fn timeline_end(&mut self) -> Result<()> {
        if self.items == 0 {
            writeln!(self.out, "| | | | | _No entries._ |")?;
        }
        Ok(())
    }

    /// Start a section (`## title`) whose items follow; [`Postmortem::empty_note`] stands in
    /// for an empty one.
    pub fn section(&mut self, level: usize, title: &str) -> Result<()> {
        writeln!(self.out, "\n{} {title}\n", "#".repeat(level))?;
        self.items = 0;
        Ok(())
    }

    /// One hypothesis with its evidence for and against (and why it was ruled out); `related`
    /// is by number.
    pub fn hypothesis(&mut self, h: &TimelineRow<'_>, related: &[Related]) -> Result<()> {
        self.items += 1;
        let o = &mut self.out;
        o.write_all(b"- **#")?;
        write_number(o, h.number)?;
        o.write_all(b"** ")?;
        write_escaped(o, h.text, false)?;
        o.write_all(" — ".as_bytes())?;
        o.write_all(h.state.map_or("open", State::as_str).as_bytes())?;
        o.write_all(b"\n")?;
        let refuted = h.state == Some(State::Refuted);
        // Which group a related entry goes in, if any.
        let slot = |r: &Related| match (r.link, r.outgoing) {
            (LinkType::Supports, false) => Some(0),
            (LinkType::Refutes, false) => Some(1),
            (LinkType::RulesOut, false) => Some(2),
            (LinkType::Because, true) => Some(if refuted { 2 } else { 0 }),
            _ => None,
        };
        if !related.iter().any(|r| slot(r).is_some()) {
            o.write_all(b"  - _No evidence linked._\n")?;
        }
        let labels = [
            "For",
            "Against",
            if refuted { "Ruled out by" } else { "Because" },
        ];
        for (i, label) in labels.into_iter().enumerate() {
            let mut last = None;
            for r in related.iter().filter(|r| slot(r) == Some(i)) {
                // An entry linked twice the same way is listed once.
                if last == Some(r.number) {
                    continue;
                }
                last = Some(r.number);
                o.write_all(b"  - ")?;
                o.write_all(label.as_bytes())?;
                o.write_all(b": **#")?;
                write_number(o, r.number)?;
                o.write_all(b"** (")?;
                o.write_all(r.kind.as_str().as_bytes())?;
                o.write_all(b") ")?;
                write_escaped(o, &r.mention, false)?;
                if r.cut {
                    o.write_all("…".as_bytes())?;
                }
                o.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// A dead end, or a refuted hypothesis listed among them; `links` are those it holds.
    pub fn dead_end(&mut self, e: &TimelineRow<'_>, links: &[LinkRow]) -> Result<()> {
        self.items += 1;
        let o = &mut self.out;
        o.write_all(b"- **#")?;
        write_number(o, e.number)?;
        o.write_all(b"** ")?;
        if e.kind == Kind::Hypothesis {
            write_mention(o, e.text)?;
            o.write_all(" — refuted hypothesis".as_bytes())?;
        } else {
            write_escaped(o, e.text, false)?;
        }
        for link in links {
            if link.link_type == LinkType::RulesOut {
                o.write_all(" — rules out #".as_bytes())?;
                write_number(o, link.target)?;
            }
        }
        o.write_all(b"\n")?;
        Ok(())
    }

    /// One `run` evidence: command, exit status, duration, output; `links` are those it holds.
    pub fn run(&mut self, e: &TimelineRow<'_>, run: &RunRow<'_>, links: &[LinkRow]) -> Result<()> {
        self.items += 1;
        let o = &mut self.out;
        o.write_all(b"\n### #")?;
        write_number(o, e.number)?;
        o.write_all(b" ")?;
        write_mention(o, e.text)?;
        o.write_all(b"\n\n- **Command:** ")?;
        write_code_span(o, &shell_join(&run.argv()))?;
        match run.exit_code {
            Some(code) => {
                o.write_all(b"\n- **Exit status:** ")?;
                write_number(o, code.into())?;
            }
            None => o.write_all(b"\n- **Exit status:** none (ended by a signal)")?,
        }
        o.write_all(b"\n- **Duration:** ")?;
        write_duration_precise(o, run.duration_ms)?;
        o.write_all(b"\n- **Recorded:** ")?;
        write_when(o, e.when)?;
        o.write_all(b"\n")?;
        for link in links {
            let label = match link.link_type {
                LinkType::Supports => "- **Supports:** #",
                LinkType::Refutes => "- **Refutes:** #",
                LinkType::Because => "- **Because:** #",
                LinkType::RulesOut => "- **Rules-out:** #",
            };
            o.write_all(label.as_bytes())?;
            write_number(o, link.target)?;
            o.write_all(b"\n")?;
        }
        match run.output {
            "" => o.write_all(b"\n_No output._\n")?,
            output => {
                o.write_all(b"\n")?;
                write_fenced(o, output, "text")?;
                o.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// An action as a checklist item.
    pub fn action(&mut self, e: &TimelineRow<'_>) -> Result<()> {
        self.items += 1;
        let o = &mut self.out;
        o.write_all(if e.state == Some(State::Done) {
            b"- [x] **#"
        } else {
            b"- [ ] **#"
        })?;
        write_number(o, e.number)?;
        o.write_all(b"** ")?;
        write_escaped(o, e.text, false)?;
        o.write_all(b"\n")?;
        Ok(())
    }

    pub fn finish(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

fn ms(stored: &str) -> Option<i64> {
    crate::time::parse_stored(stored)
        .ok()
        .map(|t| crate::time::unix_ms(&t))
}

/// A stored time with its original offset: `2016-04-06 15:01:11 -04:00`.
pub fn when(stored: &str) -> String {
    let mut out = Vec::with_capacity(27);
    // Writing into a `Vec` cannot fail.
    let _ = write_when(&mut out, stored);
    String::from_utf8(out).unwrap_or_else(|_| stored.to_string())
}

fn write_when(o: &mut impl Write, stored: &str) -> std::io::Result<()> {
    // Fast path for what casefile stores (`2016-04-06T15:01:11-04:00`): cut and join.
    let b = stored.as_bytes();
    if b.len() == 25
        && b[10] == b'T'
        && (b[19] == b'+' || b[19] == b'-')
        && b.iter().all(u8::is_ascii)
    {
        o.write_all(&b[..10])?;
        o.write_all(b" ")?;
        o.write_all(&b[11..19])?;
        o.write_all(b" ")?;
        return o.write_all(&b[19..]);
    }
    match crate::time::parse_stored(stored) {
        Ok(t) => write!(o, "{}", t.format("%Y-%m-%d %H:%M:%S %:z")),
        Err(_) => o.write_all(b),
    }
}

fn write_number(o: &mut impl Write, n: i64) -> std::io::Result<()> {
    o.write_all(itoa::Buffer::new().format(n).as_bytes())
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
    let mut out = Vec::new();
    // Writing into a `Vec` cannot fail.
    let _ = write_duration_precise(&mut out, ms);
    String::from_utf8(out).unwrap_or_default()
}

fn write_duration_precise(o: &mut impl Write, ms: u64) -> std::io::Result<()> {
    if ms < 1000 {
        o.write_all(itoa::Buffer::new().format(ms).as_bytes())?;
        o.write_all(b" ms")
    } else if ms < 60_000 {
        // Tenths, rounded half to even like `{:.1}` of the seconds would.
        write!(o, "{:.1} s", ms as f64 / 1000.0)
    } else {
        o.write_all(duration(ms as i64).as_bytes())
    }
}

/// Text for one table cell: `|` escaped, line breaks as `<br>`, HTML tags defused.
pub fn cell(text: &str) -> String {
    escaped(text, true)
}

/// Text on one Markdown line (a list item): line breaks as `<br>`, `<` defused.
pub fn inline(text: &str) -> String {
    escaped(text, false)
}

fn escaped(text: &str, pipes: bool) -> String {
    let mut out = Vec::with_capacity(text.len() + 16);
    // Writing into a `Vec` cannot fail, and only whole UTF-8 runs and ASCII are written.
    let _ = write_escaped(&mut out, text, pipes);
    String::from_utf8(out).unwrap_or_default()
}

/// Write `text` with the few characters that need it escaped: copy the runs between them (all
/// ASCII, so every cut is on a UTF-8 boundary), found with SIMD `memchr`. This runs for every
/// row of a postmortem, and most texts have none.
fn write_escaped(o: &mut impl Write, text: &str, pipes: bool) -> std::io::Result<()> {
    let bytes = text.trim_end().as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let rest = &bytes[start..];
        let a = memchr::memchr3(b'<', b'>', b'\n', rest);
        // Only look as far as the first of `<>\n`.
        let rest = &rest[..a.unwrap_or(rest.len())];
        let b = if pipes {
            memchr::memchr2(b'|', b'\r', rest)
        } else {
            memchr::memchr(b'\r', rest)
        };
        let Some(at) = b.or(a) else { break };
        let i = start + at;
        o.write_all(&bytes[start..i])?;
        o.write_all(match bytes[i] {
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'\n' => b"<br>",
            b'|' => b"\\|",
            _ => b"",
        })?;
        start = i + 1;
    }
    o.write_all(&bytes[start..])
}

/// The start of a text for a mention: its first line, cut to [`MENTION_LEN`] characters.
fn write_mention(o: &mut impl Write, text: &str) -> std::io::Result<()> {
    let (line, cut) = crate::model::first_line_cut(text, MENTION_LEN);
    write_escaped(o, line, false)?;
    if cut {
        o.write_all("…".as_bytes())?;
    }
    Ok(())
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
    let mut out = Vec::with_capacity(text.len() + 16);
    // Writing into a `Vec` cannot fail.
    let _ = write_fenced(&mut out, text, info);
    String::from_utf8(out).unwrap_or_default()
}

fn write_fenced(o: &mut impl Write, text: &str, info: &str) -> std::io::Result<()> {
    let ticks = longest_backtick_run(text).max(2) + 1;
    let body = text.strip_suffix('\n').unwrap_or(text);
    let fence = |o: &mut dyn Write| (0..ticks).try_for_each(|_| o.write_all(b"`"));
    fence(o)?;
    o.write_all(info.as_bytes())?;
    o.write_all(b"\n")?;
    o.write_all(body.as_bytes())?;
    o.write_all(b"\n")?;
    fence(o)
}

/// Text in a code span that backticks inside cannot end (line breaks become spaces).
///
/// A `|` is left as it is: outside a table a backslash before it would show, and every code
/// span of the postmortem is in a list item, not a table cell.
pub fn code_span(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + 4);
    // Writing into a `Vec` cannot fail.
    let _ = write_code_span(&mut out, text);
    String::from_utf8(out).unwrap_or_default()
}

fn write_code_span(o: &mut impl Write, text: &str) -> std::io::Result<()> {
    let ticks = longest_backtick_run(text) + 1;
    let pad: &[u8] = if text.starts_with('`') || text.ends_with('`') {
        b" "
    } else {
        b""
    };
    let fence = |o: &mut dyn Write| (0..ticks).try_for_each(|_| o.write_all(b"`"));
    fence(o)?;
    o.write_all(pad)?;
    // Line breaks (as ASCII, every cut is on a character boundary) become spaces.
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(i) = memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
        o.write_all(&bytes[start..start + i])?;
        o.write_all(b" ")?;
        start += i + 1;
    }
    o.write_all(&bytes[start..])?;
    o.write_all(pad)?;
    fence(o)
}

fn longest_backtick_run(text: &str) -> usize {
    // Backticks are rare in command output: jump between them with `memchr`.
    let bytes = text.as_bytes();
    let (mut longest, mut at) = (0, 0);
    while let Some(i) = memchr::memchr(b'`', &bytes[at..]) {
        let start = at + i;
        let run = bytes[start..].iter().take_while(|&&b| b == b'`').count();
        longest = longest.max(run);
        at = start + run;
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
        assert_eq!(code_span("a\nb"), "`a b`");
        // Outside a table a backslash would show: `'a|b'` stays as it is.
        assert_eq!(code_span("grep 'a|b'"), "`grep 'a|b'`");
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
