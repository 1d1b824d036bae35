//! Reading a whole case as a stream, for `export`.
//!
//! A case of 100,000 entries must export in the memory of a small one, so nothing here
//! collects the case: each function walks one ordered query and calls back per entry. What
//! hangs off an entry (tags, links, state changes, history, attachments) comes from side
//! queries ordered by entry number and merged in step with the main one (a merge join), which
//! costs one pass over each table instead of five lookups per entry.

use std::iter::Peekable;

use anyhow::Result;
use rusqlite::Connection;

use crate::bundle::{
    encode, BundleAttachment, BundleChange, BundleEntry, BundleHistory, BundleLink, BundleMention,
    BundleStateChange,
};
use crate::model::{first_line_cut, ChangeOp, Kind, LinkType, State};
use crate::store::entries::{entry_from_row, ENTRY_COLUMNS, ENTRY_COLUMN_COUNT};

/// Rows keyed by entry number, in ascending order, taken group by group.
struct Grouped<T, I: Iterator<Item = rusqlite::Result<(i64, T)>>> {
    rows: Peekable<I>,
}

impl<T, I: Iterator<Item = rusqlite::Result<(i64, T)>>> Grouped<T, I> {
    fn new(rows: I) -> Self {
        Grouped {
            rows: rows.peekable(),
        }
    }

    /// The rows for `key` (keys below it are skipped: they belong to no visited entry).
    fn take(&mut self, key: i64) -> Result<Vec<T>> {
        let mut out = Vec::new();
        loop {
            let next_key = match self.rows.peek() {
                None => break,
                Some(Err(_)) => {
                    if let Some(Err(e)) = self.rows.next() {
                        return Err(e.into());
                    }
                    continue;
                }
                Some(Ok((k, _))) => *k,
            };
            if next_key > key {
                break;
            }
            if let Some(Ok((k, value))) = self.rows.next() {
                if k == key {
                    out.push(value);
                }
            }
        }
        Ok(out)
    }
}

/// Visit every entry whole (as a bundle carries it), in number order.
pub fn each_bundle_entry(
    conn: &Connection,
    visit: impl FnMut(&BundleEntry) -> Result<()>,
) -> Result<()> {
    each_bundle_entry_of(conn, None, visit)
}

/// Visit entries whole, in number order: every entry, or only those numbered in `only` (what
/// `sync` sends when a few entries of a large case changed; its cost follows `only`).
pub fn each_bundle_entry_of(
    conn: &Connection,
    only: Option<&[i64]>,
    mut visit: impl FnMut(&BundleEntry) -> Result<()>,
) -> Result<()> {
    // Numbers are integers, so the list is written into the SQL as it is.
    let within = |column: &str| match only {
        None => String::new(),
        Some(numbers) => {
            let list: Vec<String> = numbers.iter().map(i64::to_string).collect();
            format!("WHERE {column} IN ({})", list.join(","))
        }
    };
    let mut tags_stmt = conn.prepare(&format!(
        "SELECT entry, tag FROM entry_tag {} ORDER BY entry, tag",
        within("entry")
    ))?;
    let mut tags = Grouped::new(tags_stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?);
    let mut links_stmt = conn.prepare(&format!(
        "SELECT l.source, l.uuid, l.type, l.target, t.uuid FROM link l
         JOIN entry t ON t.number = l.target {} ORDER BY l.source, l.type, l.target",
        within("l.source")
    ))?;
    let mut links = Grouped::new(links_stmt.query_map([], |r| {
        let link_type: String = r.get(2)?;
        Ok((
            r.get(0)?,
            (
                r.get::<_, String>(1)?,
                link_type,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
            ),
        ))
    })?);
    let mut states_stmt = conn.prepare(&format!(
        "SELECT entry, uuid, state, at, at_ms, author FROM state_change {} ORDER BY entry, at_ms",
        within("entry")
    ))?;
    let mut states = Grouped::new(states_stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            (
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, String>(5)?,
            ),
        ))
    })?);
    let mut history_stmt = conn.prepare(&format!(
        "SELECT entry, uuid, text, edited_at, edited_ms, author FROM entry_history {} ORDER BY entry, edited_ms",
        within("entry")
    ))?;
    let mut history = Grouped::new(history_stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            BundleHistory {
                uuid: r.get(1)?,
                text: r.get(2)?,
                edited_at: r.get(3)?,
                edited_ms: r.get(4)?,
                author: r.get(5)?,
                mentions: Vec::new(),
            },
        ))
    })?);
    let mut changes_stmt = conn.prepare(&format!(
        "SELECT entry, uuid, op, value, previous, at, at_ms, author FROM entry_change {}
         ORDER BY entry, at_ms, uuid",
        within("entry")
    ))?;
    let mut changes = Grouped::new(changes_stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            (
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, String>(7)?,
            ),
        ))
    })?);
    let mut attachments_stmt = conn.prepare(&format!(
        "SELECT entry, name, size, sha256, content FROM attachment {} ORDER BY entry, name",
        within("entry")
    ))?;
    let mut attachments = Grouped::new(attachments_stmt.query_map([], |r| {
        let content: Vec<u8> = r.get(4)?;
        Ok((
            r.get(0)?,
            BundleAttachment {
                name: r.get(1)?,
                size: r.get::<_, i64>(2)?.max(0) as u64,
                sha256: r.get(3)?,
                content: encode(&content),
            },
        ))
    })?);

    let mut main = conn.prepare(&format!(
        "SELECT {ENTRY_COLUMNS}, at_ms, seq FROM entry {} ORDER BY number",
        within("number")
    ))?;
    let mut rows = main.query([])?;
    while let Some(row) = rows.next()? {
        let e = entry_from_row(row)?;
        let at_ms: i64 = row.get(ENTRY_COLUMN_COUNT)?;
        let seq: i64 = row.get(ENTRY_COLUMN_COUNT + 1)?;
        let n = e.number;
        // Only a text with `#` can hold a mention: the rest cost no lookup.
        let mentions = bundle_mentions(conn, &e.uuid, &e.text)?;
        let mut history = history.take(n)?;
        for h in &mut history {
            h.mentions = bundle_mentions(conn, &h.uuid, &h.text)?;
        }
        let entry = BundleEntry {
            number: n,
            seq: Some(seq),
            mentions,
            uuid: e.uuid,
            kind: e.kind,
            text: e.text,
            author: e.author,
            recorded_at: e.recorded_at,
            occurred_at: e.occurred_at,
            at_ms: Some(at_ms),
            state: e.state,
            tags: tags.take(n)?,
            links: links
                .take(n)?
                .into_iter()
                .filter_map(|(uuid, t, target, target_uuid)| {
                    Some(BundleLink {
                        uuid,
                        link_type: LinkType::parse(&t)?,
                        target,
                        target_uuid: Some(target_uuid),
                    })
                })
                .collect(),
            context: e.context,
            attachments: attachments.take(n)?,
            command: e.command,
            output: e.output,
            history,
            states: states
                .take(n)?
                .into_iter()
                .filter_map(|(uuid, state, at, at_ms, author)| {
                    Some(BundleStateChange {
                        uuid,
                        state: State::parse(&state)?,
                        at,
                        at_ms: Some(at_ms),
                        author,
                    })
                })
                .collect(),
            owner: e.owner,
            due: e.due,
            ticket: e.ticket,
            mark: e.mark,
            changes: changes
                .take(n)?
                .into_iter()
                .filter_map(|(uuid, op, value, previous, at, at_ms, author)| {
                    Some(BundleChange {
                        uuid,
                        op: ChangeOp::parse(&op)?,
                        value,
                        previous,
                        at,
                        at_ms: Some(at_ms),
                        author,
                        mentions: Vec::new(),
                    })
                })
                .collect(),
        };
        let mut entry = entry;
        for c in &mut entry.changes {
            if let Some(text) = c.previous.as_ref().or(c.value.as_ref()) {
                c.mentions = bundle_mentions(conn, &c.uuid, text)?;
            }
        }
        visit(&entry)?;
    }
    Ok(())
}

/// The mentions in the text of `source`, for a bundle (none without a `#`).
fn bundle_mentions(conn: &Connection, source: &str, text: &str) -> Result<Vec<BundleMention>> {
    if memchr::memchr(b'#', text.as_bytes()).is_none() {
        return Ok(Vec::new());
    }
    Ok(crate::store::mentions::of(conn, source)?
        .into_iter()
        .map(|m| BundleMention {
            start: m.start,
            len: m.len,
            target: m.target,
        })
        .collect())
}

/// One entry as the postmortem's timeline reads it: borrowed from SQLite's row, so a row
/// costs no allocation.
#[derive(Debug, Clone, Copy)]
pub struct TimelineRow<'a> {
    pub number: i64,
    pub kind: Kind,
    pub state: Option<State>,
    /// The time the entry is about: `occurred_at` when given, else `recorded_at`.
    pub when: &'a str,
    /// The instant, Unix ms: read for hypotheses only (the start of how long each stayed
    /// open when its recording time does not parse), `None` for the rest.
    pub at_ms: Option<i64>,
    /// When it was written down: read for hypotheses only (how long each stayed open), the
    /// one place it shows; `None` for the rest.
    pub recorded_at: Option<&'a str>,
    /// An action's owner, due time and ticket (`todo --owner/--due/--ticket`); read for
    /// actions only, `None` for the rest.
    pub owner: Option<&'a str>,
    pub due: Option<&'a str>,
    pub ticket: Option<&'a str>,
    pub text: &'a str,
    pub author: &'a str,
    /// What `run` recorded, for `run` evidence.
    pub run: Option<RunRow<'a>>,
}

/// What `run` recorded with an evidence entry.
#[derive(Debug, Clone, Copy)]
pub struct RunRow<'a> {
    /// The command as stored: a JSON array of strings.
    pub argv_json: &'a str,
    pub exit_code: Option<i32>,
    pub duration_ms: u64,
    pub output: &'a str,
}

impl RunRow<'_> {
    /// The command's words.
    pub fn argv(&self) -> Vec<String> {
        serde_json::from_str(self.argv_json).unwrap_or_default()
    }
}

/// The numbers of the retracted entries, ascending. They are few (usually none), so views that
/// walk every entry read them once and skip them, where `NOT retracted` in the walk's query
/// read that column of every row.
pub fn retracted_numbers(conn: &Connection) -> Result<Vec<i64>> {
    Ok(conn
        .prepare("SELECT number FROM entry WHERE retracted = 1 ORDER BY number")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The timeline's query. `ticket`, the 25th column, comes first: SQLite decodes a row's header
/// up to the last column asked for, in one pass when that one is asked for first, where asked
/// for in table order it took a pass for each (a tenth of the query at 10,000 entries).
/// Retracted entries are skipped in Rust (see [`retracted_numbers`]).
const TIMELINE_SQL: &str =
    "SELECT ticket, due, owner, output, duration_ms, exit_code, command_argv,
        state, occurred_at, recorded_at, author, text, kind, number, at_ms
 FROM entry ORDER BY at_ms, number";

/// Visit every entry in timeline order (by instant, then number).
pub fn each_timeline_row(
    conn: &Connection,
    mut visit: impl FnMut(&TimelineRow<'_>) -> Result<()>,
) -> Result<()> {
    let retracted = retracted_numbers(conn)?;
    let mut stmt = conn.prepare(TIMELINE_SQL)?;
    let mut rows = stmt.query([])?;
    // Each column read costs a few calls into SQLite and a UTF-8 check: at 10,000 rows the
    // columns only one kind shows are read for that kind alone.
    #[inline(always)]
    fn text_or_null<'r>(
        row: &'r rusqlite::Row<'_>,
        i: usize,
        read: bool,
    ) -> Result<Option<&'r str>> {
        Ok(if read {
            row.get_ref(i)?.as_str_or_null()?
        } else {
            None
        })
    }
    while let Some(row) = rows.next()? {
        let number = row.get_ref(13)?.as_i64()?;
        if !retracted.is_empty() && retracted.binary_search(&number).is_ok() {
            continue;
        }
        // Kind and state are matched as bytes: no UTF-8 check for a word of a few letters.
        let kind = row.get_ref(12)?.as_bytes()?;
        let kind = Kind::ALL
            .into_iter()
            .find(|k| k.as_str().as_bytes() == kind)
            .unwrap_or(Kind::Note);
        let state = row
            .get_ref(7)?
            .as_bytes_or_null()?
            .and_then(State::from_bytes);
        let action = kind == Kind::Action;
        let hypothesis = kind == Kind::Hypothesis;
        let run = match row.get_ref(6)?.as_str_or_null()? {
            None => None,
            Some(argv_json) => Some(RunRow {
                argv_json,
                exit_code: row.get(5)?,
                duration_ms: row.get::<_, Option<i64>>(4)?.unwrap_or(0).max(0) as u64,
                output: row.get_ref(3)?.as_str_or_null()?.unwrap_or(""),
            }),
        };
        let recorded_at = row.get_ref(9)?.as_str()?;
        visit(&TimelineRow {
            number,
            kind,
            state,
            when: row.get_ref(8)?.as_str_or_null()?.unwrap_or(recorded_at),
            at_ms: if hypothesis {
                Some(row.get_ref(14)?.as_i64()?)
            } else {
                None
            },
            recorded_at: hypothesis.then_some(recorded_at),
            owner: text_or_null(row, 2, action)?,
            due: text_or_null(row, 1, action)?,
            ticket: text_or_null(row, 0, action)?,
            text: row.get_ref(11)?.as_str()?,
            author: row.get_ref(10)?.as_str()?,
            run,
        })?;
    }
    Ok(())
}

/// An event of the incident, for its own timeline and clock.
#[derive(Debug, Clone)]
pub struct IncidentEvent {
    pub number: i64,
    /// `occurred_at`, else `recorded_at`.
    pub when: String,
    pub at_ms: i64,
    pub text: String,
    /// `event --good|--bad`: known to be before or after the fault.
    pub mark: Option<crate::model::Mark>,
}

/// The first `limit` events by occurrence, or the last `limit` (returned oldest first).
pub fn incident_events(conn: &Connection, limit: u32, last: bool) -> Result<Vec<IncidentEvent>> {
    let order = if last { "DESC" } else { "" };
    // `INDEXED BY` the events' own index (v7), already in this order: `limit` rows are
    // read. Left to itself the planner takes `entry_kind_state` for `kind = ?`, reads every
    // event's row and sorts them (a tenth of a 10,000-entry export, for 12 rows).
    let mut stmt = conn.prepare(&format!(
        "SELECT number, coalesce(occurred_at, recorded_at), at_ms, text, mark
         FROM entry INDEXED BY entry_event_at
         WHERE kind = 'event' AND NOT retracted
         ORDER BY at_ms {order}, number {order} LIMIT {limit}"
    ))?;
    let mut events = stmt
        .query_map([], |r| {
            Ok(IncidentEvent {
                number: r.get(0)?,
                when: r.get(1)?,
                at_ms: r.get(2)?,
                text: r.get(3)?,
                mark: r
                    .get::<_, Option<String>>(4)?
                    .and_then(|m| crate::model::Mark::parse(&m)),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if last {
        events.reverse();
    }
    Ok(events)
}

/// How many events the incident has.
pub fn event_count(conn: &Connection) -> Result<i64> {
    // All events, counted in their partial index without reading a row, less the retracted
    // ones, found through theirs (`NOT retracted` on each event would read every event's row).
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM entry INDEXED BY entry_event_at WHERE kind = 'event')
              - (SELECT count(*) FROM entry INDEXED BY entry_retracted
                 WHERE retracted = 1 AND kind = 'event')",
        [],
        |r| r.get(0),
    )?)
}

/// The fault's window from `event --good/--bad`: the last good moment and the first bad one
/// after it (or the first bad one at all), as events.
pub fn window(conn: &Connection) -> Result<(Option<IncidentEvent>, Option<IncidentEvent>)> {
    let one = |sql: &str, after: i64| -> Result<Option<IncidentEvent>> {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([after])?;
        Ok(match rows.next()? {
            Some(r) => Some(IncidentEvent {
                number: r.get(0)?,
                when: r.get(1)?,
                at_ms: r.get(2)?,
                text: r.get(3)?,
                mark: r
                    .get::<_, Option<String>>(4)?
                    .and_then(|m| crate::model::Mark::parse(&m)),
            }),
            None => None,
        })
    };
    let cols = "number, coalesce(occurred_at, recorded_at), at_ms, text, mark";
    let good = one(
        &format!("SELECT {cols} FROM entry WHERE kind = 'event' AND mark = 'good' AND NOT retracted AND at_ms > ?1 ORDER BY at_ms DESC, number DESC LIMIT 1"),
        i64::MIN,
    )?;
    let bad = one(
        &format!("SELECT {cols} FROM entry WHERE kind = 'event' AND mark = 'bad' AND NOT retracted AND at_ms >= ?1 ORDER BY at_ms, number LIMIT 1"),
        good.as_ref().map_or(i64::MIN, |g| g.at_ms),
    )?;
    Ok((good, bad))
}

/// When each entry's state last changed, and who changed it: for how long a hypothesis
/// stayed open and who worked it. One row per entry with state changes, held in memory like
/// the [`LinkTable`] (a few per hypothesis and action, not per entry).
pub struct StateTable {
    /// (entry, last change in Unix ms, the authors of its changes), by entry.
    rows: Vec<(i64, i64, String)>,
}

impl StateTable {
    pub fn load(conn: &Connection) -> Result<StateTable> {
        // Grouped here, not with `group_concat(DISTINCT author)`: SQLite builds and drops a
        // temporary b-tree per entry for that DISTINCT. The authors come in the index's
        // order (entry, time), each once, joined by `,` as group_concat did.
        let mut stmt =
            conn.prepare("SELECT entry, at_ms, author FROM state_change ORDER BY entry, at_ms")?;
        let mut rows: Vec<(i64, i64, String)> = Vec::new();
        // Where each author of the current entry is in its string.
        let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
        let mut query = stmt.query([])?;
        while let Some(r) = query.next()? {
            let (entry, at) = (r.get_ref(0)?.as_i64()?, r.get_ref(1)?.as_i64()?);
            let author = r.get_ref(2)?.as_str()?;
            match rows.last_mut() {
                Some(last) if last.0 == entry => last.1 = last.1.max(at),
                _ => {
                    rows.push((entry, at, String::new()));
                    spans.clear();
                }
            }
            if let Some((_, _, authors)) = rows.last_mut() {
                if !spans.iter().any(|s| &authors[s.clone()] == author) {
                    if !spans.is_empty() {
                        authors.push(',');
                    }
                    spans.push(authors.len()..authors.len() + author.len());
                    authors.push_str(author);
                }
            }
        }
        Ok(StateTable { rows })
    }

    /// The last change of `number` and who made the changes (comma-separated).
    pub fn last(&self, number: i64) -> Option<(i64, &str)> {
        let i = self.rows.binary_search_by_key(&number, |r| r.0).ok()?;
        let (_, at, authors) = &self.rows[i];
        Some((*at, authors.as_str()))
    }
}

/// An attachment as the postmortem lists it.
#[derive(Debug, Clone)]
pub struct AttachmentRow {
    pub entry: i64,
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

/// Every attachment (without its content), by entry and name.
pub fn attachments(conn: &Connection) -> Result<Vec<AttachmentRow>> {
    let mut stmt = conn.prepare(
        "SELECT entry, name, size, sha256 FROM attachment
         WHERE entry NOT IN (SELECT number FROM entry WHERE retracted = 1)
         ORDER BY entry, name",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(AttachmentRow {
                entry: r.get(0)?,
                name: r.get(1)?,
                size: r.get::<_, i64>(2)?.max(0) as u64,
                sha256: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One link: `source` holds it and points at `target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkRow {
    pub source: i64,
    pub link_type: LinkType,
    pub target: i64,
}

/// Every link of a case, held in memory for the postmortem.
///
/// The timeline visits entries by instant, not by number, so looking up each entry's links
/// would be one index seek per row (a correlated subquery per row was a fifth of the export).
/// Links are far fewer than entries (evidence, dead ends, `--because`) and small (20 bytes
/// with both orders: entry numbers are local and count up from 1, so they fit 32 bits), so
/// they are read once, in one pass over an index, and found by binary search.
pub struct LinkTable {
    /// By source, then type, then target (the order the timeline lists them in).
    by_source: Vec<PackedLink>,
    /// (target, position in `by_source`), in that order.
    by_target: Vec<(u32, u32)>,
    /// Where the last [`LinkTable::outgoing`] ended: the next number's links start there
    /// when entries come in number order (most cases), which saves the binary search.
    next: std::cell::Cell<usize>,
}

#[derive(Debug, Clone, Copy)]
struct PackedLink {
    source: u32,
    target: u32,
    link_type: LinkType,
}

impl PackedLink {
    fn unpack(self) -> LinkRow {
        LinkRow {
            source: self.source.into(),
            link_type: self.link_type,
            target: self.target.into(),
        }
    }
}

impl LinkTable {
    pub fn load(conn: &Connection) -> Result<LinkTable> {
        // Links to or from a retracted entry are left out. The retracted are few (and
        // usually none): read once, sorted, and looked up here, where two `NOT IN` subqueries
        // cost a probe each per link.
        let retracted = retracted_numbers(conn)?;
        let live = |n: i64| retracted.is_empty() || retracted.binary_search(&n).is_err();
        let mut stmt =
            conn.prepare("SELECT source, type, target FROM link ORDER BY source, type, target")?;
        let number = |n: i64| {
            u32::try_from(n)
                .map_err(|_| anyhow::anyhow!("entry number {n} is out of range in a link"))
        };
        let mut by_source = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let (source, target) = (row.get_ref(0)?.as_i64()?, row.get_ref(2)?.as_i64()?);
            if !live(source) || !live(target) {
                continue;
            }
            // A link type this build does not know (from a newer one) is left out. Matched as
            // bytes: no UTF-8 check for a word.
            if let Some(link_type) = LinkType::from_bytes(row.get_ref(1)?.as_bytes()?) {
                by_source.push(PackedLink {
                    source: number(source)?,
                    target: number(target)?,
                    link_type,
                });
            }
        }
        let mut by_target: Vec<(u32, u32)> = by_source
            .iter()
            .zip(0..)
            .map(|(l, i)| (l.target, i))
            .collect();
        by_target.sort_unstable();
        Ok(LinkTable {
            by_source,
            by_target,
            next: std::cell::Cell::new(0),
        })
    }

    /// The links `number` holds, by type then target.
    pub fn outgoing(&self, number: i64) -> impl Iterator<Item = LinkRow> + Clone + '_ {
        let links = &self.by_source;
        let hint = self.next.get();
        // The first link of `number` or after it: the hint when it is that place.
        let from = if hint <= links.len()
            && links
                .get(hint)
                .is_none_or(|l| i64::from(l.source) >= number)
            && (hint == 0 || i64::from(links[hint - 1].source) < number)
        {
            hint
        } else {
            links.partition_point(|l| i64::from(l.source) < number)
        };
        let to = from
            + links[from..]
                .iter()
                .take_while(|l| i64::from(l.source) == number)
                .count();
        self.next.set(to);
        links[from..to].iter().map(|l| l.unpack())
    }

    /// (target, source) of the links that point at `number` or after it, by target.
    pub fn incoming_from(&self, number: i64) -> impl Iterator<Item = (i64, i64)> + '_ {
        let from = self
            .by_target
            .partition_point(|&(t, _)| i64::from(t) < number);
        self.by_target[from..]
            .iter()
            .map(|&(t, i)| (i64::from(t), i64::from(self.by_source[i as usize].source)))
    }

    /// The links that point at `number`, by source.
    pub fn incoming(&self, number: i64) -> impl Iterator<Item = LinkRow> + Clone + '_ {
        let from = self
            .by_target
            .partition_point(|&(t, _)| i64::from(t) < number);
        let to = from + self.by_target[from..].partition_point(|&(t, _)| i64::from(t) <= number);
        self.by_target[from..to]
            .iter()
            .map(|&(_, i)| self.by_source[i as usize].unpack())
    }
}

/// An entry related to a hypothesis, as the postmortem mentions it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub number: i64,
    pub kind: Kind,
    /// The start of its text's first line, as a mention shows it.
    pub mention: String,
    /// True when `mention` was cut short.
    pub cut: bool,
    pub link: LinkType,
    /// True when the hypothesis holds the link (`confirm N --because M`: N → M).
    pub outgoing: bool,
    pub author: String,
}

/// How many links' entries [`RelatedReader`] reads ahead in one query.
const RELATED_AHEAD: usize = 256;

/// The entries numbered in a list (`rusqlite`'s `rarray`), each found by its number. No `NOT
/// retracted`: the [`LinkTable`] holds no link to or from a retracted entry.
const RELATED_SQL: &str = "SELECT e.number, e.kind, e.text, e.author FROM rarray(?1) AS n
 JOIN entry AS e ON e.number = n.value";

/// Reads the entries linked to and from each hypothesis (numbers from the [`LinkTable`]; kind,
/// author and the start of the text from the entry table) as the timeline reaches it.
///
/// A query per related entry cost more in its setup than in its read (a sixth of a 10,000-entry
/// export), so one query reads many: the entries that link to the hypothesis and to the entries
/// after it by number, up to [`RELATED_AHEAD`] links. Hypotheses come in number order in most
/// cases, so each entry is read once; a hypothesis that comes before its number's turn (`hypo
/// --at` back in time), and what a hypothesis links to itself, are read on their own, so a
/// timeline in any order costs at most a query per hypothesis besides. What is held is bounded
/// by [`RELATED_AHEAD`] (and the links of one hypothesis), whatever the size of the case.
pub struct RelatedReader<'c> {
    stmt: rusqlite::Statement<'c>,
    mention_len: usize,
    /// The entries read ahead, and the targets whose linking entries they all are.
    ahead: Mentions,
    covers: Option<(i64, i64)>,
    /// The entries one hypothesis needed besides.
    besides: Mentions,
    /// The numbers to read (reused).
    wanted: Vec<i64>,
}

/// Entries as mentions, by number: kind, the start of the first line, author. The strings are
/// ranges of one buffer, reused from one read to the next.
#[derive(Default)]
struct Mentions {
    read: Vec<Mention>,
    text: String,
}

struct Mention {
    number: i64,
    kind: Kind,
    cut: bool,
    mention: std::ops::Range<usize>,
    author: std::ops::Range<usize>,
}

impl Mentions {
    fn get(&self, number: i64) -> Option<(&Mention, &str, &str)> {
        let i = self.read.binary_search_by_key(&number, |e| e.number).ok()?;
        let e = &self.read[i];
        Some((
            e,
            &self.text[e.mention.clone()],
            &self.text[e.author.clone()],
        ))
    }

    /// Replace what is held with the entries numbered in `numbers` (sorted, distinct).
    fn read(
        &mut self,
        stmt: &mut rusqlite::Statement<'_>,
        numbers: &[i64],
        mention_len: usize,
    ) -> Result<()> {
        self.read.clear();
        self.text.clear();
        if numbers.is_empty() {
            return Ok(());
        }
        let list: Vec<rusqlite::types::Value> = numbers
            .iter()
            .map(|&n| rusqlite::types::Value::Integer(n))
            .collect();
        let mut rows = stmt.query([std::rc::Rc::new(list)])?;
        while let Some(row) = rows.next()? {
            let number = row.get_ref(0)?.as_i64()?;
            let Some(kind) = Kind::parse(row.get_ref(1)?.as_str()?) else {
                continue;
            };
            let (mention, cut) = first_line_cut(row.get_ref(2)?.as_str()?, mention_len);
            let start = self.text.len();
            self.text.push_str(mention);
            let middle = self.text.len();
            self.text.push_str(row.get_ref(3)?.as_str()?);
            self.read.push(Mention {
                number,
                kind,
                cut,
                mention: start..middle,
                author: middle..self.text.len(),
            });
        }
        // The query walks the list in its order; sorted again whatever the plan.
        if !self.read.is_sorted_by_key(|e| e.number) {
            self.read.sort_by_key(|e| e.number);
        }
        Ok(())
    }
}

impl<'c> RelatedReader<'c> {
    /// `mention_len`: how much of an entry's first line a mention shows.
    pub fn new(conn: &'c Connection, mention_len: usize) -> Result<Self> {
        rusqlite::vtab::array::load_module(conn)?;
        let stmt = conn.prepare(RELATED_SQL)?;
        Ok(RelatedReader {
            stmt,
            mention_len,
            ahead: Mentions::default(),
            covers: None,
            besides: Mentions::default(),
            wanted: Vec::new(),
        })
    }

    /// The entries linked to and from hypothesis `number`, by number (`into` is reused).
    pub fn related(
        &mut self,
        links: &LinkTable,
        number: i64,
        into: &mut Vec<Related>,
    ) -> Result<()> {
        let incoming = links
            .incoming(number)
            .map(|l| (l.source, l.link_type, false));
        let outgoing = links
            .outgoing(number)
            .map(|l| (l.target, l.link_type, true));
        let covered = match self.covers {
            Some((from, to)) => (from..=to).contains(&number),
            None => false,
        };
        let behind = self.covers.is_some_and(|(from, _)| number < from);
        if !covered && !behind {
            self.read_ahead(links, number)?;
        }
        // Read on its own: what is not among the entries read ahead.
        self.wanted.clear();
        if behind {
            self.wanted.extend(incoming.clone().map(|l| l.0));
        }
        self.wanted.extend(
            outgoing
                .clone()
                .map(|l| l.0)
                .filter(|&n| self.ahead.get(n).is_none()),
        );
        self.wanted.sort_unstable();
        self.wanted.dedup();
        self.besides
            .read(&mut self.stmt, &self.wanted, self.mention_len)?;

        // `into` keeps its items between hypotheses: their strings are refilled, not
        // allocated again for every related entry.
        let mut used = 0;
        for (other, link, outgoing) in incoming.chain(outgoing) {
            let found = self.ahead.get(other).or_else(|| self.besides.get(other));
            let Some((e, mention, author)) = found else {
                continue;
            };
            if used == into.len() {
                into.push(Related {
                    number: other,
                    kind: e.kind,
                    mention: String::new(),
                    cut: e.cut,
                    link,
                    outgoing,
                    author: String::new(),
                });
            }
            let r = &mut into[used];
            (r.number, r.kind, r.cut, r.link, r.outgoing) = (other, e.kind, e.cut, link, outgoing);
            r.mention.clear();
            r.mention.push_str(mention);
            r.author.clear();
            r.author.push_str(author);
            used += 1;
        }
        into.truncate(used);
        into.sort_by_key(|r| r.number);
        Ok(())
    }

    /// Read the entries that link to `number` and to the entries after it, up to
    /// [`RELATED_AHEAD`] links (all of the last one's).
    fn read_ahead(&mut self, links: &LinkTable, number: i64) -> Result<()> {
        self.wanted.clear();
        let mut last = number;
        let mut ended = true;
        for (target, source) in links.incoming_from(number) {
            if self.wanted.len() >= RELATED_AHEAD && target != last {
                ended = false;
                break;
            }
            self.wanted.push(source);
            last = target;
        }
        self.wanted.sort_unstable();
        self.wanted.dedup();
        self.ahead
            .read(&mut self.stmt, &self.wanted, self.mention_len)?;
        self.covers = Some((number, if ended { i64::MAX } else { last }));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Context;
    use crate::store::entries::{self, NewEntry};

    /// Deterministic numbers for building cases (xorshift).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    fn add(conn: &Connection, kind: Kind, text: &str, author: &str, at_ms: i64) -> i64 {
        let n: i64 = conn
            .query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
            .unwrap();
        entries::insert_entry(
            conn,
            &NewEntry {
                uuid: &format!("00000000-0000-7000-8000-{:012}", n + 1),
                kind,
                text,
                author,
                recorded_at: "2026-12-01T10:00:00+00:00",
                occurred_at: None,
                at_ms,
                state: kind.initial_state(),
                context: &Context::default(),
                tags: &[],
                command: None,
                output: None,
                facts: None,
            },
        )
        .unwrap()
    }

    fn link(conn: &Connection, source: i64, link_type: LinkType, target: i64) {
        let uuid = format!("10000000-0000-7000-8000-{source:06}{target:06}");
        entries::insert_link(conn, &uuid, source, link_type, target).unwrap();
    }

    /// 60 hypotheses and 700 entries linked to them (more than one read-ahead), some
    /// hypotheses linking to entries and to other hypotheses, long and multi-line texts, a
    /// few entries retracted.
    fn linked_case() -> (Connection, Vec<i64>) {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::schema::migrate(&mut conn, "mem").unwrap();
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let mut hypotheses = Vec::new();
        for i in 0..760 {
            let at = i as i64 * 1000;
            if i % 13 == 0 || hypotheses.is_empty() {
                let n = add(
                    &conn,
                    Kind::Hypothesis,
                    &format!("hypothesis {i}"),
                    "ann",
                    at,
                );
                hypotheses.push(n);
                continue;
            }
            let (kind, link_type) = match rng.below(4) {
                0 => (Kind::DeadEnd, LinkType::RulesOut),
                1 => (Kind::Evidence, LinkType::Refutes),
                _ => (Kind::Evidence, LinkType::Supports),
            };
            let text = match rng.below(3) {
                0 => format!("entry {i} {}", "word ".repeat(60)),
                1 => format!("entry {i}\nsecond line"),
                _ => format!("entry {i}"),
            };
            let author = ["ann", "bob", "cy"][rng.below(3)];
            let n = add(&conn, kind, &text, author, at);
            let target = hypotheses[rng.below(hypotheses.len())];
            link(&conn, n, link_type, target);
            if rng.below(10) == 0 {
                // `confirm H --because N`, and a hypothesis given as another's reason.
                let h = hypotheses[rng.below(hypotheses.len())];
                link(&conn, h, LinkType::Because, n);
                let other = hypotheses[rng.below(hypotheses.len())];
                if other != h {
                    link(&conn, h, LinkType::Because, other);
                }
            }
        }
        conn.execute_batch("UPDATE entry SET retracted = 1 WHERE number IN (5, 77, 131, 400)")
            .unwrap();
        hypotheses.retain(|&h| ![5, 77, 131, 400].contains(&h));
        (conn, hypotheses)
    }

    /// What [`RelatedReader::related`] must give: each linked entry read on its own.
    fn one_by_one(conn: &Connection, links: &LinkTable, number: i64) -> Vec<Related> {
        let incoming = links
            .incoming(number)
            .map(|l| (l.source, l.link_type, false));
        let outgoing = links
            .outgoing(number)
            .map(|l| (l.target, l.link_type, true));
        let mut out: Vec<Related> = incoming
            .chain(outgoing)
            .map(|(other, link, outgoing)| {
                let (kind, text, author): (String, String, String) = conn
                    .query_row(
                        "SELECT kind, text, author FROM entry WHERE number = ?1",
                        [other],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .unwrap();
                let (mention, cut) = first_line_cut(&text, 40);
                Related {
                    number: other,
                    kind: Kind::parse(&kind).unwrap(),
                    mention: mention.to_string(),
                    cut,
                    link,
                    outgoing,
                    author,
                }
            })
            .collect();
        out.sort_by_key(|r| r.number);
        out
    }

    #[test]
    fn related_entries_are_the_same_in_any_order_of_hypotheses() {
        let (conn, hypotheses) = linked_case();
        let links = LinkTable::load(&conn).unwrap();
        let mut shuffled = hypotheses.clone();
        let mut rng = Rng(7);
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        let interleaved: Vec<i64> = hypotheses
            .iter()
            .zip(hypotheses.iter().rev())
            .flat_map(|(a, b)| [*a, *b])
            .collect();
        let backwards: Vec<i64> = hypotheses.iter().rev().copied().collect();
        let mut some = 0;
        for order in [&hypotheses, &backwards, &shuffled, &interleaved] {
            let mut reader = RelatedReader::new(&conn, 40).unwrap();
            let mut related = Vec::new();
            for &h in order {
                reader.related(&links, h, &mut related).unwrap();
                assert_eq!(related, one_by_one(&conn, &links, h), "hypothesis #{h}");
                some += related.len();
                // Nothing retracted is mentioned.
                assert!(related
                    .iter()
                    .all(|r| ![5, 77, 131, 400].contains(&r.number)));
            }
        }
        assert!(
            some > 4 * RELATED_AHEAD,
            "the case reads ahead more than once"
        );
    }

    #[test]
    fn the_queries_walk_their_indexes() {
        let (conn, _) = linked_case();
        rusqlite::vtab::array::load_module(&conn).unwrap();
        let plan = |sql: &str| -> String {
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let rows = stmt
                .query_map(
                    [std::rc::Rc::new(Vec::<rusqlite::types::Value>::new())],
                    |r| r.get::<_, String>(3),
                )
                .unwrap_or_else(|_| panic!("{sql}"));
            rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("; ")
        };
        // The timeline: the instant's index, in its order, no sort.
        let timeline = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {TIMELINE_SQL}"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect::<Vec<_>>()
            .join("; ");
        assert_eq!(timeline, "SCAN entry USING INDEX entry_at");
        // The entries read ahead: the list, then each entry by its number.
        let related = plan(RELATED_SQL);
        assert!(
            related.starts_with("SCAN n VIRTUAL TABLE")
                && related.ends_with("SEARCH e USING INTEGER PRIMARY KEY (rowid=?)"),
            "{related}"
        );
    }

    #[test]
    fn the_timeline_skips_the_retracted_and_reads_what_each_kind_shows() {
        let (conn, _) = linked_case();
        conn.execute_batch(
            "UPDATE entry SET occurred_at = '2016-01-01T00:00:00+00:00', owner = 'ann',
             due = '2026-12-24T00:00:00+00:00', ticket = 'T-1', kind = 'action', state = 'open'
             WHERE number = 2;
             UPDATE entry SET occurred_at = '2016-02-02T00:00:00+00:00' WHERE number = 1",
        )
        .unwrap();
        let mut seen = Vec::new();
        each_timeline_row(&conn, |e| {
            seen.push(e.number);
            match e.number {
                1 => {
                    assert_eq!(e.kind, Kind::Hypothesis);
                    assert_eq!(e.when, "2016-02-02T00:00:00+00:00");
                    assert_eq!(e.recorded_at, Some("2026-12-01T10:00:00+00:00"));
                    assert_eq!(e.at_ms, Some(0));
                }
                2 => {
                    assert_eq!(e.kind, Kind::Action);
                    assert_eq!(e.state, Some(State::Open));
                    assert_eq!(e.when, "2016-01-01T00:00:00+00:00");
                    assert_eq!(
                        (e.owner, e.due, e.ticket),
                        (Some("ann"), Some("2026-12-24T00:00:00+00:00"), Some("T-1"))
                    );
                    assert_eq!((e.recorded_at, e.at_ms), (None, None));
                }
                _ => {
                    assert_eq!(e.when, "2026-12-01T10:00:00+00:00");
                    assert_eq!(e.owner, None);
                }
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(seen.len(), 760 - 4);
        assert!(
            seen.windows(2).all(|w| w[0] < w[1]),
            "in the instant's order"
        );
        assert!(![5, 77, 131, 400].iter().any(|n| seen.contains(n)));
    }
}
