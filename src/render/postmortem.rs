//! The postmortem: a case rendered as Markdown that reads well on GitHub and GitLab.
//!
//! [`Postmortem`] writes section by section into any `Write` as the command feeds it rows, so
//! a case of 100,000 entries renders in the memory of a small one. User text goes through
//! [`crate::render::markdown`]: entry text literally, close texts as Markdown that cannot
//! swallow what follows. The same helpers are the filters of templates ([`template_env`]);
//! the built-in templates (`default`, `sre`, `aar`) live in `docs/` for users to copy.
//!
//! One time zone for the whole document ([`DocZone`]): the configured `timezone`, else the
//! offset of the incident's first event, named at the top.

use std::io::Write;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Offset};

use crate::model::{CaseInfo, Kind, LinkType, State};
use crate::render::entry::shell_join;
use crate::render::markdown::{self, Place};
use crate::store::dump::{
    AttachmentRow, IncidentEvent, LinkRow, Related, RunRow, StateTable, TimelineRow,
};

/// The default template (what `export` renders without one), shipped in `docs/` to copy.
pub const DEFAULT_TEMPLATE: &str = include_str!("../../docs/postmortem.md.j2");
/// `--template sre`: the Google SRE book's postmortem layout.
pub const SRE_TEMPLATE: &str = include_str!("../../docs/postmortem-sre.md.j2");
/// `--template aar`: an after-action review.
pub const AAR_TEMPLATE: &str = include_str!("../../docs/postmortem-aar.md.j2");

/// The built-in templates: name, what it is, its text.
pub const BUILT_IN: [(&str, &str, &str); 3] = [
    (
        "default",
        "the postmortem casefile writes (streamed; this template is its copyable twin)",
        DEFAULT_TEMPLATE,
    ),
    (
        "sre",
        "the Google SRE book's layout: summary, impact, root causes, trigger, resolution, detection, action items, lessons, timeline",
        SRE_TEMPLATE,
    ),
    (
        "aar",
        "an after-action review: intent, what happened, outcome, discussion, follow-ups",
        AAR_TEMPLATE,
    ),
];

/// How much of an entry's text a mention under another entry shows.
pub const MENTION_LEN: usize = 160;

/// How many characters of an entry the timeline table shows before it cuts at a word (the
/// whole text is in the entry's own section, or under "Entries in full").
pub const CELL_LEN: usize = 280;

/// Default for `export.run_lines`: how many lines of a `run`'s output the appendix shows
/// (half from the start, half from the end).
pub const DEFAULT_RUN_LINES: usize = 40;

/// How many incident events "What happened" lists (half from the start, half from the end).
pub const INCIDENT_LIMIT: usize = 24;

/// The one zone a postmortem shows its times in.
#[derive(Debug, Clone)]
pub enum DocZone {
    /// An IANA zone (config `timezone`).
    Named(chrono_tz::Tz),
    /// A fixed offset (the first event's); `suffix` is it as stored (`-04:00`).
    Fixed { offset: FixedOffset, suffix: String },
}

impl DocZone {
    /// The configured zone, else the offset of `first` (a stored time), else UTC.
    pub fn choose(configured: Option<chrono_tz::Tz>, first: Option<&str>) -> DocZone {
        if let Some(tz) = configured {
            return DocZone::Named(tz);
        }
        let offset = first
            .and_then(|s| crate::time::parse_stored(s).ok())
            .map(|t| *t.offset())
            .unwrap_or_else(|| chrono::Utc.fix());
        let suffix = DateTime::<FixedOffset>::from_naive_utc_and_offset(
            chrono::NaiveDateTime::default(),
            offset,
        )
        .format("%:z")
        .to_string();
        DocZone::Fixed { offset, suffix }
    }

    /// `America/New_York`, or `UTC-04:00`.
    pub fn name(&self) -> String {
        match self {
            DocZone::Named(tz) => tz.name().to_string(),
            DocZone::Fixed { suffix, .. } => format!("UTC{suffix}"),
        }
    }

    /// A stored time in this zone: `2016-04-06 15:01:11 -04:00`.
    pub fn when(&self, stored: &str) -> String {
        let mut out = Vec::with_capacity(27);
        // Writing into a `Vec` cannot fail.
        let _ = self.write_when(&mut out, stored);
        String::from_utf8(out).unwrap_or_else(|_| stored.to_string())
    }

    fn write_when(&self, o: &mut impl Write, stored: &str) -> std::io::Result<()> {
        // Fast path: already in the document's offset (`2016-04-06T15:01:11-04:00`).
        let b = stored.as_bytes();
        if let DocZone::Fixed { suffix, .. } = self {
            if b.len() == 25 && b[10] == b'T' && &b[19..] == suffix.as_bytes() && b.is_ascii() {
                // One write (every row has a time): `date time offset`.
                let mut shown = [b' '; 26];
                shown[..10].copy_from_slice(&b[..10]);
                shown[11..19].copy_from_slice(&b[11..19]);
                shown[20..].copy_from_slice(&b[19..]);
                return o.write_all(&shown);
            }
        }
        match crate::time::parse_stored(stored) {
            Ok(t) => {
                let t = match self {
                    DocZone::Named(tz) => t.with_timezone(tz).fixed_offset(),
                    DocZone::Fixed { offset, .. } => t.with_timezone(offset),
                };
                write!(o, "{}", t.format("%Y-%m-%d %H:%M:%S %:z"))
            }
            Err(_) => o.write_all(b),
        }
    }
}

/// The incident's clock: its own moments, and the case's.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Stored time of the start and where it came from (`close --started`, the first event).
    pub started: Option<(String, String)>,
    pub detected: Option<String>,
    pub mitigated: Option<String>,
    pub resolved: Option<String>,
}

impl Clock {
    pub fn new(case: &CaseInfo, first_event: Option<&IncidentEvent>) -> Clock {
        let r = &case.review;
        let started = match (&r.started_at, first_event) {
            (Some(at), _) => Some((at.clone(), "given at close".to_string())),
            (None, Some(e)) => Some((e.when.clone(), format!("the first event, #{}", e.number))),
            (None, None) => None,
        };
        Clock {
            started,
            detected: r.detected_at.clone(),
            mitigated: r.mitigated_at.clone(),
            resolved: r.resolved_at.clone(),
        }
    }
}

/// What one person did in a case, counted as the timeline goes by.
#[derive(Debug, Clone, Default)]
pub struct Participant {
    pub entries: u32,
    pub by_kind: [u32; 6],
    pub runs: u32,
    pub confirmed: u32,
    pub refuted: u32,
    pub done: u32,
}

/// Everyone who wrote in the case, by name.
#[derive(Debug, Default)]
pub struct Participants {
    /// By name (a sorted list: a case has a handful of people).
    people: Vec<(String, Participant)>,
    /// Where the last entry's author is in `people`: consecutive entries are mostly by the
    /// same person, who is then found by one comparison.
    last: usize,
}

impl Participants {
    pub fn add(&mut self, e: &TimelineRow<'_>) {
        let i = match self.people.get(self.last) {
            Some((name, _)) if name == e.author => self.last,
            _ => {
                let i = match self
                    .people
                    .binary_search_by(|(name, _)| name.as_str().cmp(e.author))
                {
                    Ok(i) => i,
                    Err(i) => {
                        self.people
                            .insert(i, (e.author.to_string(), Participant::default()));
                        i
                    }
                };
                self.last = i;
                i
            }
        };
        let p = &mut self.people[i].1;
        p.entries += 1;
        p.by_kind[kind_index(e.kind)] += 1;
        if e.run.is_some() {
            p.runs += 1;
        }
        match e.state {
            Some(State::Confirmed) => p.confirmed += 1,
            Some(State::Refuted) => p.refuted += 1,
            Some(State::Done) => p.done += 1,
            _ => {}
        }
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// (name, entries, what they did), by name.
    pub fn summary(&self) -> Vec<(String, u32, String)> {
        self.people
            .iter()
            .map(|(n, p)| (n.clone(), p.entries, did(p)))
            .collect()
    }
}

fn kind_index(k: Kind) -> usize {
    match k {
        Kind::Note => 0,
        Kind::Hypothesis => 1,
        Kind::Evidence => 2,
        Kind::DeadEnd => 3,
        Kind::Event => 4,
        Kind::Action => 5,
    }
}

/// "3 hypotheses (1 confirmed, 2 refuted), 4 evidence (2 runs), …".
fn did(p: &Participant) -> String {
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    let k = &p.by_kind;
    if k[1] > 0 {
        let mut s = plural(k[1], "hypothesis", "hypotheses");
        let mut settled = Vec::new();
        if p.confirmed > 0 {
            settled.push(format!("{} confirmed", p.confirmed));
        }
        if p.refuted > 0 {
            settled.push(format!("{} refuted", p.refuted));
        }
        if !settled.is_empty() {
            s.push_str(&format!(" ({})", settled.join(", ")));
        }
        parts.push(s);
    }
    if k[2] > 0 {
        let mut s = format!("{} evidence", k[2]);
        if p.runs > 0 {
            s.push_str(&format!(" ({})", plural(p.runs, "run", "runs")));
        }
        parts.push(s);
    }
    if k[3] > 0 {
        parts.push(plural(k[3], "dead end", "dead ends"));
    }
    if k[4] > 0 {
        parts.push(plural(k[4], "event", "events"));
    }
    if k[5] > 0 {
        let mut s = plural(k[5], "action", "actions");
        if p.done > 0 {
            s.push_str(&format!(" ({} done)", p.done));
        }
        parts.push(s);
    }
    if k[0] > 0 {
        parts.push(plural(k[0], "note", "notes"));
    }
    parts.join(", ")
}

/// How much a [`Postmortem`] gathers before it hands it to its writer.
const BLOCK: usize = 8 * 1024;

/// A postmortem being written.
pub struct Postmortem<W: Write> {
    /// A row is a dozen small writes (cells, separators, escaped runs): buffered here they are
    /// copies into memory, where each was a call into the writer (a tenth of a large export).
    /// A piece larger than the buffer goes straight through.
    out: std::io::BufWriter<W>,
    items: usize,
    zone: DocZone,
    /// Scratch for [`Postmortem::hypothesis`]: who worked it, joined, and where each name is;
    /// the labels chosen (rank, label, index in the related entries).
    names: String,
    name_spans: Vec<std::ops::Range<usize>>,
    best: Vec<(u8, &'static str, usize)>,
}

impl<W: Write> Postmortem<W> {
    pub fn new(out: W, zone: DocZone) -> Self {
        Postmortem {
            out: std::io::BufWriter::with_capacity(BLOCK, out),
            items: 0,
            zone,
            names: String::new(),
            name_spans: Vec::new(),
            best: Vec::new(),
        }
    }

    /// Hand back the writer, with everything written.
    pub fn into_inner(self) -> std::io::Result<W> {
        self.out.into_inner().map_err(|e| e.into_error())
    }

    /// How many items were written since the last [`Postmortem::section`] (or the start).
    pub fn items(&self) -> usize {
        self.items
    }

    /// The writer, with everything written so far, to add a part rendered elsewhere (e.g.
    /// into a spill file).
    pub fn get_mut(&mut self) -> std::io::Result<&mut W> {
        self.out.flush()?;
        Ok(self.out.get_mut())
    }

    /// The note for a section with nothing in it: `_None recorded._`.
    pub fn empty_note(&mut self, empty: &str) -> Result<()> {
        writeln!(self.out, "_{empty}_")?;
        Ok(())
    }

    /// Title and facts: tickets, tags, state, and the zone every time is in.
    pub fn header(&mut self, case: &CaseInfo, zone_source: &str) -> Result<()> {
        let o = &mut self.out;
        o.write_all(b"# ")?;
        markdown::write_text(o, &case.title, Place::Heading)?;
        writeln!(o, "\n")?;
        writeln!(o, "- **Case:** {}", markdown::code_span(&case.slug, false))?;
        if !case.tickets.is_empty() {
            let t: Vec<String> = case
                .tickets
                .iter()
                .map(|t| markdown::text(t, Place::Line))
                .collect();
            writeln!(o, "- **Tickets:** {}", t.join(", "))?;
        }
        if !case.tags.is_empty() {
            let t: Vec<String> = case
                .tags
                .iter()
                .map(|t| markdown::code_span(t, false))
                .collect();
            writeln!(o, "- **Tags:** {}", t.join(", "))?;
        }
        writeln!(o, "- **State:** {}", case.state)?;
        writeln!(o, "- **Times:** in {} ({zone_source})", self.zone.name())?;
        Ok(())
    }

    /// The incident's clock beside the case's: start, detected, mitigated, resolved with the
    /// time from the start to each, then the case's own open and close.
    pub fn clock(&mut self, case: &CaseInfo, clock: &Clock, now_ms: i64) -> Result<()> {
        let zone = self.zone.clone();
        let o = &mut self.out;
        writeln!(o, "\n## When\n")?;
        writeln!(o, "| Moment | Time | Since the start |")?;
        writeln!(o, "| --- | --- | --- |")?;
        let start_ms = clock.started.as_ref().and_then(|(s, _)| ms(s));
        match &clock.started {
            Some((at, source)) => {
                writeln!(o, "| Incident started | {} | ({source}) |", zone.when(at))?
            }
            None => writeln!(o, "| Incident started | _not recorded_ | |")?,
        }
        for (label, value, what) in [
            ("Detected", &clock.detected, "time to detect"),
            ("Mitigated", &clock.mitigated, "time to mitigate"),
            ("Resolved", &clock.resolved, "time to resolve"),
        ] {
            match value {
                Some(at) => {
                    let since = match (start_ms, ms(at)) {
                        (Some(a), Some(b)) => format!("{} ({what})", duration(b - a)),
                        _ => String::new(),
                    };
                    writeln!(o, "| {label} | {} | {since} |", zone.when(at))?;
                }
                None => writeln!(o, "| {label} | _not recorded_ | |")?,
            }
        }
        writeln!(o, "| Case opened | {} | |", zone.when(&case.opened_at))?;
        let opened_ms = ms(&case.opened_at);
        match &case.closed_at {
            Some(closed) => {
                let open_for = match (opened_ms, ms(closed)) {
                    (Some(a), Some(b)) => format!("case open {}", duration(b - a)),
                    _ => String::new(),
                };
                writeln!(o, "| Case closed | {} | {open_for} |", zone.when(closed))?;
            }
            None => {
                let so_far = opened_ms
                    .map(|a| format!("case open {} so far", duration(now_ms - a)))
                    .unwrap_or_default();
                writeln!(o, "| Case closed | _still open_ | {so_far} |")?;
            }
        }
        Ok(())
    }

    /// The close texts: the five of every postmortem ("not recorded" when missing), and the
    /// SRE / after-action ones when given.
    pub fn close_texts(&mut self, case: &CaseInfo) -> Result<()> {
        let r = &case.review;
        let o = &mut self.out;
        let always = |t: &'static str, v: &Option<String>| (t, v.clone(), true);
        let given = |t: &'static str, v: &Option<String>| (t, v.clone(), false);
        for (title, value, required) in [
            always("Summary", &case.summary),
            always("Impact", &case.impact),
            always("Root cause", &case.root_cause),
            given("Trigger", &r.trigger),
            given("Detection", &r.detection),
            given("Mitigation", &r.mitigation),
            always("Fix", &case.fix),
        ] {
            write_close_text(o, 2, title, value.as_deref(), required)?;
        }
        write_close_text(o, 2, "Lessons learned", case.lessons.as_deref(), true)?;
        for (title, value) in [
            ("What went well", &r.went_well),
            ("What went wrong", &r.went_wrong),
            ("Where we got lucky", &r.lucky),
        ] {
            write_close_text(o, 3, title, value.as_deref(), false)?;
        }
        Ok(())
    }

    /// The incident's own timeline: its events by occurrence, apart from the investigation.
    /// When there are more than [`INCIDENT_LIMIT`], the first and the last half of that.
    pub fn incident(
        &mut self,
        head: &[IncidentEvent],
        tail: &[IncidentEvent],
        total: i64,
        window: &(Option<IncidentEvent>, Option<IncidentEvent>),
    ) -> Result<()> {
        let zone = self.zone.clone();
        let o = &mut self.out;
        writeln!(o, "\n## What happened\n")?;
        if head.is_empty() {
            writeln!(o, "_No events recorded._")?;
            return Ok(());
        }
        match window {
            (Some(g), Some(b)) => writeln!(
                o,
                "The fault began between **#{}** (last good, {}) and **#{}** (first bad, {}): a window of {}.\n",
                g.number,
                zone.when(&g.when),
                b.number,
                zone.when(&b.when),
                duration(b.at_ms - g.at_ms)
            )?,
            (Some(g), None) => writeln!(
                o,
                "The last moment known good: **#{}** ({}); no moment is marked bad.\n",
                g.number,
                zone.when(&g.when)
            )?,
            (None, Some(b)) => writeln!(
                o,
                "The first moment known bad: **#{}** ({}); no moment is marked good.\n",
                b.number,
                zone.when(&b.when)
            )?,
            (None, None) => {}
        }
        let shown = (head.len() + tail.len()) as i64;
        let write = |o: &mut std::io::BufWriter<W>, e: &IncidentEvent| -> Result<()> {
            o.write_all(b"- ")?;
            zone.write_when(o, &e.when)?;
            o.write_all(" — **#".as_bytes())?;
            write_number(o, e.number)?;
            o.write_all(b"** ")?;
            match e.mark {
                Some(crate::model::Mark::Good) => o.write_all(b"(good) ")?,
                Some(crate::model::Mark::Bad) => o.write_all(b"(bad) ")?,
                None => {}
            }
            let (line, cut) = crate::model::first_line_cut(&e.text, MENTION_LEN);
            markdown::write_text(o, line, Place::Line)?;
            if cut {
                o.write_all("…".as_bytes())?;
            }
            o.write_all(b"\n")?;
            Ok(())
        };
        for e in head {
            write(o, e)?;
        }
        if total > shown {
            writeln!(
                o,
                "- … {} more events (all are in the investigation timeline below)",
                total - shown
            )?;
        }
        for e in tail
            .iter()
            .filter(|t| head.iter().all(|h| h.number != t.number))
        {
            write(o, e)?;
        }
        Ok(())
    }

    pub fn timeline_begin(&mut self) -> Result<()> {
        writeln!(self.out, "\n## Investigation timeline\n")?;
        writeln!(self.out, "| When | # | Kind | State | Entry |")?;
        writeln!(self.out, "| --- | --- | --- | --- | --- |")?;
        self.items = 0;
        Ok(())
    }

    /// One row of the timeline table; `links` are the links the entry holds. A long text is
    /// cut at a word; the return value says so (the caller shows it whole elsewhere).
    pub fn timeline_row(&mut self, e: &TimelineRow<'_>, links: &[LinkRow]) -> Result<bool> {
        self.items += 1;
        let o = &mut self.out;
        o.write_all(b"| ")?;
        self.zone.write_when(o, e.when)?;
        o.write_all(b" | #")?;
        write_number(o, e.number)?;
        o.write_all(b" | ")?;
        o.write_all(e.kind.as_str().as_bytes())?;
        o.write_all(b" | ")?;
        o.write_all(e.state.map_or("", State::as_str).as_bytes())?;
        o.write_all(b" | ")?;
        let (text, cut) = cut_at_word(e.text, CELL_LEN);
        write_entry(o, text, Place::Cell)?;
        if cut {
            o.write_all(match e.kind {
                Kind::Hypothesis => " … (whole under Hypotheses)".as_bytes(),
                Kind::DeadEnd => " … (whole under Dead ends)".as_bytes(),
                Kind::Action => " … (whole under Actions)".as_bytes(),
                _ => " … (whole under Entries in full)".as_bytes(),
            })?;
        }
        for link in links {
            o.write_all(b" (")?;
            o.write_all(link.link_type.as_str().as_bytes())?;
            o.write_all(b" #")?;
            write_number(o, link.target)?;
            o.write_all(b")")?;
        }
        o.write_all(b" |\n")?;
        Ok(cut)
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

    /// One hypothesis with its evidence and reasons, how long it stayed open and who worked
    /// it. Each related entry is listed once, under the one label that says most. `related` is
    /// by number, as [`crate::store::dump::RelatedReader`] gives it.
    pub fn hypothesis(
        &mut self,
        h: &TimelineRow<'_>,
        related: &[Related],
        states: &StateTable,
    ) -> Result<()> {
        debug_assert!(related.windows(2).all(|w| w[0].number <= w[1].number));
        self.items += 1;
        // The scratch buffers are reused from one hypothesis to the next.
        let Postmortem {
            out: o,
            names,
            name_spans,
            best,
            ..
        } = self;
        o.write_all(b"- **#")?;
        write_number(o, h.number)?;
        o.write_all(b"** ")?;
        write_entry(o, h.text, Place::Line)?;
        o.write_all(b"\n")?;
        let refuted = h.state == Some(State::Refuted);
        // Who worked it: its author, whoever changed its state, whoever linked evidence; each
        // once, joined by `, `.
        let last = states.last(h.number);
        let people = std::iter::once(h.author)
            .chain(last.into_iter().flat_map(|(_, authors)| authors.split(',')))
            .chain(related.iter().map(|r| r.author.as_str()));
        names.clear();
        name_spans.clear();
        for p in people {
            if p.is_empty() || name_spans.iter().any(|s| &names[s.clone()] == p) {
                continue;
            }
            if !name_spans.is_empty() {
                names.push_str(", ");
            }
            name_spans.push(names.len()..names.len() + p.len());
            names.push_str(p);
        }
        o.write_all(b"  - _")?;
        match (h.state, last) {
            // From when it was written down to when it was settled (both clocks of the
            // recording: `--at` may put the hypothesis years back).
            (Some(State::Confirmed | State::Refuted), Some((at, _))) => {
                let from = h.recorded_at.and_then(ms).or(h.at_ms).unwrap_or(0);
                write!(o, "open {}", duration(at - from))?;
            }
            _ => o.write_all(b"still open")?,
        }
        o.write_all(b"; worked by ")?;
        markdown::write_text(o, names, Place::Line)?;
        o.write_all(b"_\n")?;

        // One label per related entry (the links of one entry are next to each other): a
        // reason beats a mention.
        best.clear();
        let mut i = 0;
        while i < related.len() {
            let number = related[i].number;
            let links = related[i..]
                .iter()
                .take_while(|r| r.number == number)
                .count();
            let group = &related[i..i + links];
            let supports = group
                .iter()
                .any(|x| x.link == LinkType::Supports && !x.outgoing);
            let mut pick: Option<(u8, &'static str)> = None;
            for r in group {
                let label = match (r.link, r.outgoing) {
                    (LinkType::RulesOut, false) => (0, "Ruled out by"),
                    // `confirm/refute --because M`: a reason for the state it gave. After
                    // reopen and refute, a reason that supports the hypothesis was the
                    // confirmation's.
                    (LinkType::Because, true) if refuted && !supports => (0, "Ruled out by"),
                    (LinkType::Because, true) => (1, "Because"),
                    (LinkType::Refutes, false) => (2, "Against"),
                    (LinkType::Supports, false) => (3, "For"),
                    _ => continue,
                };
                if pick.is_none_or(|p| label.0 < p.0) {
                    pick = Some(label);
                }
            }
            if let Some((rank, label)) = pick {
                best.push((rank, label, i));
            }
            i += links;
        }
        if best.is_empty() {
            o.write_all(b"  - _No evidence linked._\n")?;
        }
        // By rank, then number (they were pushed by number; the sort is stable).
        best.sort_by_key(|&(rank, _, _)| rank);
        for &(_, label, i) in best.iter() {
            let r = &related[i];
            o.write_all(b"  - ")?;
            o.write_all(label.as_bytes())?;
            o.write_all(b": **#")?;
            write_number(o, r.number)?;
            o.write_all(b"** (")?;
            o.write_all(r.kind.as_str().as_bytes())?;
            o.write_all(b") ")?;
            write_entry(o, &r.mention, Place::Line)?;
            if r.cut {
                o.write_all("…".as_bytes())?;
            }
            o.write_all(b"\n")?;
        }
        Ok(())
    }

    /// A dead end that rules out no hypothesis (those are the reasons under "Ruled out").
    pub fn dead_end(&mut self, e: &TimelineRow<'_>) -> Result<()> {
        self.items += 1;
        let o = &mut self.out;
        o.write_all(b"- **#")?;
        write_number(o, e.number)?;
        o.write_all(b"** ")?;
        markdown::write_text(o, e.text, Place::Line)?;
        o.write_all(b"\n")?;
        Ok(())
    }

    /// One `run` evidence: command, exit status, duration, and its output cut to `run_lines`
    /// (head and tail, with what was left out and where the whole is).
    pub fn run(
        &mut self,
        e: &TimelineRow<'_>,
        run: &RunRow<'_>,
        links: &[LinkRow],
        run_lines: usize,
    ) -> Result<()> {
        self.items += 1;
        let o = &mut self.out;
        o.write_all(b"\n### #")?;
        write_number(o, e.number)?;
        o.write_all(b" ")?;
        let (line, cut) = crate::model::first_line_cut(e.text, MENTION_LEN);
        write_entry(o, line, Place::Heading)?;
        if cut {
            o.write_all("…".as_bytes())?;
        }
        let command = shell_join(&run.argv());
        if command.contains('\n') {
            o.write_all(b"\n\n- **Command:**\n\n")?;
            markdown::write_fenced(o, &command, "sh")?;
            o.write_all(b"\n")?;
        } else {
            o.write_all(b"\n\n- **Command:** ")?;
            markdown::write_code_span_in(o, &command, false)?;
        }
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
        self.zone.write_when(o, e.when)?;
        o.write_all(b"\n")?;
        for link in links {
            let label = match link.link_type {
                LinkType::Supports => "- **Supports:** #",
                LinkType::Refutes => "- **Refutes:** #",
                LinkType::Because => "- **Because:** #",
                LinkType::RulesOut => "- **Rules out:** #",
            };
            o.write_all(label.as_bytes())?;
            write_number(o, link.target)?;
            o.write_all(b"\n")?;
        }
        write_output(o, run.output, run_lines, e.number)?;
        Ok(())
    }

    /// An action as a checklist item, with when it was done and by whom.
    pub fn action(&mut self, e: &TimelineRow<'_>, states: &StateTable) -> Result<()> {
        self.items += 1;
        let o = &mut self.out;
        let done = e.state == Some(State::Done);
        o.write_all(if done { b"- [x] **#" } else { b"- [ ] **#" })?;
        write_number(o, e.number)?;
        o.write_all(b"** ")?;
        markdown::write_text(o, e.text, Place::Line)?;
        for (label, value) in [(" — owner: ", e.owner), (" — ticket: ", e.ticket)] {
            if let Some(v) = value {
                o.write_all(label.as_bytes())?;
                markdown::write_text(o, v, Place::Line)?;
            }
        }
        if let Some(due) = e.due {
            o.write_all(" — due: ".as_bytes())?;
            self.zone.write_when(o, due)?;
        }
        if done {
            if let Some((_, by)) = states.last(e.number) {
                o.write_all(" — done by ".as_bytes())?;
                markdown::write_text(o, by, Place::Line)?;
            }
        }
        o.write_all(b"\n")?;
        Ok(())
    }

    /// An entry the timeline table cut, whole.
    pub fn in_full(&mut self, e: &TimelineRow<'_>) -> Result<()> {
        self.items += 1;
        let o = &mut self.out;
        o.write_all(b"- **#")?;
        write_number(o, e.number)?;
        o.write_all(b"** (")?;
        o.write_all(e.kind.as_str().as_bytes())?;
        o.write_all(b") ")?;
        write_entry(o, e.text, Place::Line)?;
        o.write_all(b"\n")?;
        Ok(())
    }

    /// Who took part and what each did.
    pub fn participants(&mut self, people: &Participants) -> Result<()> {
        let o = &mut self.out;
        writeln!(o, "\n## Participants\n")?;
        if people.is_empty() {
            writeln!(o, "_No one wrote in this case._")?;
            return Ok(());
        }
        writeln!(o, "| Who | Entries | What they did |")?;
        writeln!(o, "| --- | --- | --- |")?;
        for (name, p) in &people.people {
            writeln!(
                o,
                "| {} | {} | {} |",
                markdown::text(name, Place::Cell),
                p.entries,
                did(p)
            )?;
        }
        Ok(())
    }

    /// The attachments, with size and SHA-256 (their content is in the case and the bundle).
    pub fn attachments(&mut self, list: &[AttachmentRow]) -> Result<()> {
        let o = &mut self.out;
        writeln!(o, "\n## Attachments\n")?;
        if list.is_empty() {
            writeln!(o, "_None._")?;
            return Ok(());
        }
        writeln!(o, "| Entry | Name | Size | SHA-256 |")?;
        writeln!(o, "| --- | --- | --- | --- |")?;
        for a in list {
            writeln!(
                o,
                "| #{} | {} | {} | `{}` |",
                a.entry,
                markdown::text(&a.name, Place::Cell),
                size(a.size),
                a.sha256
            )?;
        }
        Ok(())
    }

    pub fn finish(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

/// Entry text, literally (see [`markdown::write_text`]). A `run`'s own text ("`cmd` exited 2
/// after 1 s") shows its command as one code span, whatever backticks the command holds.
fn write_entry(o: &mut impl Write, text: &str, place: Place) -> std::io::Result<()> {
    if text.starts_with('`') {
        let end = ["` exited ", "` was killed by "]
            .iter()
            .filter_map(|m| text.rfind(m))
            .max();
        if let Some(end) = end.filter(|&e| e > 1 && !text[..e].contains('\n')) {
            markdown::write_code_span_in(o, &text[1..end], place == Place::Cell)?;
            return markdown::write_text(o, &text[end + 1..], Place::Cell);
        }
    }
    markdown::write_text(o, text, place)
}

/// A close text under `## title` (or `###`), as Markdown that cannot break the document.
fn write_close_text(
    o: &mut impl Write,
    level: usize,
    title: &str,
    value: Option<&str>,
    required: bool,
) -> Result<()> {
    let value = value.map(str::trim).filter(|v| !v.is_empty());
    if value.is_none() && !required {
        return Ok(());
    }
    writeln!(o, "\n{} {title}\n", "#".repeat(level))?;
    match value {
        Some(text) => writeln!(o, "{}", markdown::block(text, level))?,
        None => writeln!(o, "_Not recorded._")?,
    }
    Ok(())
}

/// `run` output in a fence; past `lines` lines, its head and tail with what was left out.
fn write_output(
    o: &mut impl Write,
    output: &str,
    lines: usize,
    number: i64,
) -> std::io::Result<()> {
    if output.is_empty() {
        return o.write_all(b"\n_No output._\n");
    }
    let body = output.strip_suffix('\n').unwrap_or(output);
    let count = memchr::memchr_iter(b'\n', body.as_bytes()).count() + 1;
    o.write_all(b"\n")?;
    if count <= lines.max(2) {
        markdown::write_fenced(o, body, "text")?;
        return o.write_all(b"\n");
    }
    let head_n = lines.max(2) / 2;
    let tail_n = lines.max(2) - head_n;
    let head_end = memchr::memchr_iter(b'\n', body.as_bytes())
        .nth(head_n - 1)
        .unwrap_or(body.len());
    let tail_start = memchr::memrchr_iter(b'\n', body.as_bytes())
        .nth(tail_n - 1)
        .map_or(0, |i| i + 1);
    markdown::write_fenced(o, &body[..head_end], "text")?;
    let left_out = count - head_n - tail_n;
    write!(
        o,
        "\n\n_… {left_out} lines left out; the whole output: `casefile show {number}`._\n\n"
    )?;
    markdown::write_fenced(o, &body[tail_start..], "text")?;
    o.write_all(b"\n")
}

/// The start of `text` up to about `max` characters, cut after a whole word; true when cut.
pub fn cut_at_word(text: &str, max: usize) -> (&str, bool) {
    let text = text.trim_end();
    if text.len() <= max {
        return (text, false);
    }
    // An ASCII head (most text) is its first `max` bytes, and its whitespace is ASCII's (as
    // `char::is_whitespace` has it, VT included): no walk over its characters.
    let ascii = text.as_bytes()[..max].is_ascii();
    let end = if ascii {
        max
    } else {
        match text.char_indices().nth(max) {
            Some((i, _)) => i,
            None => return (text, false),
        }
    };
    let head = &text[..end];
    // The last whitespace in the head; a single huge word is cut where it must be.
    let space = if ascii {
        head.bytes()
            .rposition(|b| matches!(b, b'\t'..=b'\r' | b' '))
    } else {
        head.rfind(char::is_whitespace)
    };
    match space {
        Some(i) if i > max / 2 => (head[..i].trim_end(), true),
        _ => (head, true),
    }
}

fn ms(stored: &str) -> Option<i64> {
    crate::time::parse_stored(stored)
        .ok()
        .map(|t| crate::time::unix_ms(&t))
}

/// A stored time with its original offset: `2016-04-06 15:01:11 -04:00`.
pub fn when(stored: &str) -> String {
    match crate::time::parse_stored(stored) {
        Ok(t) => t.format("%Y-%m-%d %H:%M:%S %:z").to_string(),
        Err(_) => stored.to_string(),
    }
}

fn write_number(o: &mut impl Write, n: i64) -> std::io::Result<()> {
    o.write_all(itoa::Buffer::new().format(n).as_bytes())
}

fn duration(ms: i64) -> String {
    crate::time::humanize_duration(chrono::Duration::milliseconds(ms))
}

/// `12 B`, `3.4 KiB`, `1.2 MiB`.
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KiB", b as f64 / 1024.0),
        b => format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0)),
    }
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

/// A MiniJinja environment for templates, with the escaping helpers as filters (see
/// `docs/postmortem.md.j2` for the list). `zone` is the document's.
pub fn template_env(zone: DocZone, run_lines: usize) -> minijinja::Environment<'static> {
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
    env.add_filter("text", |s: String| markdown::text(&s, Place::Line));
    env.add_filter("inline", |s: String| markdown::text(&s, Place::Line));
    env.add_filter("heading", |s: String| markdown::text(&s, Place::Heading));
    env.add_filter("cell", |s: String, len: Option<usize>| {
        let (t, cut) = cut_at_word(&s, len.unwrap_or(usize::MAX));
        let mut out = markdown::text(t, Place::Cell);
        if cut {
            out.push_str(" …");
        }
        out
    });
    env.add_filter("headline", |s: String| {
        let (line, cut) = crate::model::first_line_cut(&s, MENTION_LEN);
        let mut out = markdown::text(line, Place::Line);
        if cut {
            out.push('…');
        }
        out
    });
    env.add_filter("md", |s: String, level: Option<usize>| {
        markdown::block(&s, level.unwrap_or(2))
    });
    env.add_filter("fenced", |s: String, info: Option<String>| {
        markdown::fenced(&s, info.as_deref().unwrap_or("text"))
    });
    env.add_filter("output", move |s: String, number: i64| {
        let mut out = Vec::new();
        // Writing into a `Vec` cannot fail.
        let _ = write_output(&mut out, &s, run_lines, number);
        String::from_utf8(out)
            .unwrap_or_default()
            .trim()
            .to_string()
    });
    env.add_filter("code", |s: String| markdown::code_span(&s, false));
    let z = zone.clone();
    env.add_filter("when", move |s: String| z.when(&s));
    env.add_filter("duration_ms", |n: i64| duration_precise(n.max(0) as u64));
    env.add_filter("duration", |n: i64| duration(n));
    env.add_filter("size", |n: i64| size(n.max(0) as u64));
    env.add_filter("shell_join", |argv: Vec<String>| shell_join(&argv));
    env.add_filter("command", |argv: Vec<String>| {
        let command = shell_join(&argv);
        if command.contains('\n') {
            format!("\n\n{}\n", markdown::fenced(&command, "sh"))
        } else {
            markdown::code_span(&command, false)
        }
    });
    env.add_function("since", |a: String, b: String| -> String {
        match (ms(&a), ms(&b)) {
            (Some(a), Some(b)) => duration(b - a),
            _ => String::new(),
        }
    });
    env
}

/// Render `template` over `context` (the bundle and what the postmortem derives from it).
pub fn render_template(
    template: &str,
    name: &str,
    context: &impl serde::Serialize,
    zone: DocZone,
    run_lines: usize,
) -> Result<String> {
    let mut env = template_env(zone, run_lines);
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
    fn long_text_is_cut_at_a_word() {
        let text = "alpha beta gamma delta";
        assert_eq!(cut_at_word(text, 13), ("alpha beta", true));
        assert_eq!(cut_at_word(text, 100), (text, false));
        assert_eq!(cut_at_word("abcdefghij", 4), ("abcd", true));
        // The ASCII shortcut cuts where walking the characters does.
        let by_chars = |text: &str, max: usize| -> (String, bool) {
            let text = text.trim_end();
            let Some((end, _)) = text.char_indices().nth(max) else {
                return (text.to_string(), false);
            };
            let head = &text[..end];
            match head.rfind(char::is_whitespace) {
                Some(i) if i > max / 2 => (head[..i].trim_end().to_string(), true),
                _ => (head.to_string(), true),
            }
        };
        let words = [
            "alpha",
            "é",
            "beta\u{b}",
            "γάμμα",
            "x\ty",
            "\u{85}",
            "delta\r\n",
            "  ",
        ];
        for n in 0..400usize {
            let text: String = (0..n % 23)
                .map(|i| words[(n * 7 + i * 3) % words.len()])
                .collect::<Vec<_>>()
                .join(if n % 2 == 0 { " " } else { "" });
            for max in [1, 3, 8, 13, 20, 40] {
                let (cut, was) = cut_at_word(&text, max);
                assert_eq!(
                    (cut.to_string(), was),
                    by_chars(&text, max),
                    "{text:?} at {max}"
                );
            }
        }
    }

    #[test]
    fn run_output_keeps_head_and_tail() {
        let output: String = (1..=100).map(|i| format!("line {i}\n")).collect();
        let mut out = Vec::new();
        write_output(&mut out, &output, 10, 7).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("line 5\n```"), "{out}");
        assert!(!out.contains("line 6\n"), "{out}");
        assert!(out.contains("90 lines left out"), "{out}");
        assert!(out.contains("`casefile show 7`"), "{out}");
        assert!(out.contains("```text\nline 96\n"), "{out}");
        assert!(out.contains("line 100\n```"), "{out}");
    }

    #[test]
    fn the_document_zone_converts_every_time() {
        let z = DocZone::choose(None, Some("2016-04-06T15:01:11-04:00"));
        assert_eq!(z.name(), "UTC-04:00");
        assert_eq!(
            z.when("2016-04-06T21:30:00+02:00"),
            "2016-04-06 15:30:00 -04:00"
        );
        let ny = DocZone::choose(Some(chrono_tz::America::New_York), None);
        assert_eq!(
            ny.when("2016-01-06T20:00:00+00:00"),
            "2016-01-06 15:00:00 -05:00"
        );
    }

    #[test]
    fn built_in_templates_compile() {
        for (name, _, text) in BUILT_IN {
            let mut env = template_env(DocZone::choose(None, None), 40);
            env.add_template(name, text).unwrap();
        }
    }
}
