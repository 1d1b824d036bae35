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
    /// The instant, Unix ms.
    pub at_ms: i64,
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

/// Visit every entry in timeline order (by instant, then number).
pub fn each_timeline_row(
    conn: &Connection,
    mut visit: impl FnMut(&TimelineRow<'_>) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT number, kind, state, coalesce(occurred_at, recorded_at), text, command_argv,
                exit_code, duration_ms, output, author, at_ms, recorded_at, owner, due, ticket
         FROM entry WHERE NOT retracted ORDER BY at_ms, number",
    )?;
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
        // Kind and state are matched as bytes: no UTF-8 check for a word of a few letters.
        let kind = row.get_ref(1)?.as_bytes()?;
        let kind = Kind::ALL
            .into_iter()
            .find(|k| k.as_str().as_bytes() == kind)
            .unwrap_or(Kind::Note);
        let state = row.get_ref(2)?.as_bytes_or_null()?.and_then(|state| {
            [State::Open, State::Confirmed, State::Refuted, State::Done]
                .into_iter()
                .find(|s| s.as_str().as_bytes() == state)
        });
        let action = kind == Kind::Action;
        let run = match row.get_ref(5)?.as_str_or_null()? {
            None => None,
            Some(argv_json) => Some(RunRow {
                argv_json,
                exit_code: row.get(6)?,
                duration_ms: row.get::<_, Option<i64>>(7)?.unwrap_or(0).max(0) as u64,
                output: row.get_ref(8)?.as_str_or_null()?.unwrap_or(""),
            }),
        };
        visit(&TimelineRow {
            number: row.get(0)?,
            kind,
            state,
            when: row.get_ref(3)?.as_str()?,
            at_ms: row.get(10)?,
            recorded_at: text_or_null(row, 11, kind == Kind::Hypothesis)?,
            owner: text_or_null(row, 12, action)?,
            due: text_or_null(row, 13, action)?,
            ticket: text_or_null(row, 14, action)?,
            text: row.get_ref(4)?.as_str()?,
            author: row.get_ref(9)?.as_str()?,
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
        let mut authors: Vec<String> = Vec::new();
        let flush = |rows: &mut Vec<(i64, i64, String)>, authors: &mut Vec<String>| {
            if let Some(last) = rows.last_mut() {
                last.2 = authors.join(",");
            }
            authors.clear();
        };
        let mut query = stmt.query([])?;
        while let Some(r) = query.next()? {
            let (entry, at): (i64, i64) = (r.get(0)?, r.get(1)?);
            let author = r.get_ref(2)?.as_str()?;
            match rows.last_mut() {
                Some(last) if last.0 == entry => last.1 = last.1.max(at),
                _ => {
                    flush(&mut rows, &mut authors);
                    rows.push((entry, at, String::new()));
                }
            }
            if !authors.iter().any(|a| a == author) {
                authors.push(author.to_string());
            }
        }
        flush(&mut rows, &mut authors);
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
        let retracted: Vec<i64> = conn
            .prepare("SELECT number FROM entry WHERE retracted = 1 ORDER BY number")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
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
            let (source, target): (i64, i64) = (row.get(0)?, row.get(2)?);
            if !live(source) || !live(target) {
                continue;
            }
            // A link type this build does not know (from a newer one) is left out.
            if let Some(link_type) = LinkType::parse(row.get_ref(1)?.as_str()?) {
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
    pub fn outgoing(&self, number: i64) -> impl Iterator<Item = LinkRow> + '_ {
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

    /// The links that point at `number`, by source.
    pub fn incoming(&self, number: i64) -> impl Iterator<Item = LinkRow> + '_ {
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
#[derive(Debug, Clone)]
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

/// Reads the entries linked to and from a hypothesis: numbers from the [`LinkTable`], kind and
/// the start of the text by rowid, one prepared statement for all of them.
pub struct RelatedReader<'c> {
    stmt: rusqlite::CachedStatement<'c>,
}

impl<'c> RelatedReader<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        // `+?1`: with SQLite's STAT4 planner a bare parameter made every execution re-prepare
        // the statement while the timeline query was active. No `NOT retracted`: the
        // [`LinkTable`] holds no link to or from a retracted entry.
        let stmt =
            conn.prepare_cached("SELECT kind, text, author FROM entry WHERE number = +?1")?;
        Ok(RelatedReader { stmt })
    }

    /// The entries linked to and from hypothesis `number`, by number, each with the first
    /// line of its text cut to `mention_len` characters (`into` is reused).
    pub fn related(
        &mut self,
        links: &LinkTable,
        number: i64,
        mention_len: usize,
        into: &mut Vec<Related>,
    ) -> Result<()> {
        // `into` keeps its items between hypotheses: their strings are refilled, not
        // allocated again for every related entry.
        let mut used = 0;
        let incoming = links
            .incoming(number)
            .map(|l| (l.source, l.link_type, false));
        let outgoing = links
            .outgoing(number)
            .map(|l| (l.target, l.link_type, true));
        for (other, link, outgoing) in incoming.chain(outgoing) {
            let mut rows = self.stmt.query([other])?;
            if let Some(row) = rows.next()? {
                if let Some(kind) = Kind::parse(row.get_ref(0)?.as_str()?) {
                    let (mention, cut) = first_line_cut(row.get_ref(1)?.as_str()?, mention_len);
                    let author = row.get_ref(2)?.as_str()?;
                    if used == into.len() {
                        into.push(Related {
                            number: other,
                            kind,
                            mention: String::new(),
                            cut,
                            link,
                            outgoing,
                            author: String::new(),
                        });
                    }
                    let r = &mut into[used];
                    (r.number, r.kind, r.cut, r.link, r.outgoing) =
                        (other, kind, cut, link, outgoing);
                    r.mention.clear();
                    r.mention.push_str(mention);
                    r.author.clear();
                    r.author.push_str(author);
                    used += 1;
                }
            }
        }
        into.truncate(used);
        into.sort_by_key(|r| r.number);
        Ok(())
    }
}
