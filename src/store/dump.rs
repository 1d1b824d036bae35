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
    encode, BundleAttachment, BundleEntry, BundleHistory, BundleLink, BundleStateChange,
};
use crate::model::{Entry, Kind, Link, LinkType, State};
use crate::store::entries::{entry_from_row, ENTRY_COLUMNS};

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
    mut visit: impl FnMut(&BundleEntry) -> Result<()>,
) -> Result<()> {
    let mut tags_stmt = conn.prepare("SELECT entry, tag FROM entry_tag ORDER BY entry, tag")?;
    let mut tags = Grouped::new(tags_stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?);
    let mut links_stmt = conn.prepare(
        "SELECT l.source, l.uuid, l.type, l.target, t.uuid FROM link l
         JOIN entry t ON t.number = l.target ORDER BY l.source, l.type, l.target",
    )?;
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
    let mut states_stmt = conn.prepare(
        "SELECT entry, uuid, state, at, at_ms, author FROM state_change ORDER BY entry, at_ms",
    )?;
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
    let mut history_stmt = conn.prepare(
        "SELECT entry, uuid, text, edited_at, edited_ms, author FROM entry_history ORDER BY entry, edited_ms",
    )?;
    let mut history = Grouped::new(history_stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            BundleHistory {
                uuid: r.get(1)?,
                text: r.get(2)?,
                edited_at: r.get(3)?,
                edited_ms: r.get(4)?,
                author: r.get(5)?,
            },
        ))
    })?);
    let mut attachments_stmt = conn.prepare(
        "SELECT entry, name, size, sha256, content FROM attachment ORDER BY entry, name",
    )?;
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
        "SELECT {ENTRY_COLUMNS}, at_ms FROM entry ORDER BY number"
    ))?;
    let mut rows = main.query([])?;
    while let Some(row) = rows.next()? {
        let e = entry_from_row(row)?;
        let at_ms: i64 = row.get(17)?;
        let n = e.number;
        let entry = BundleEntry {
            number: n,
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
            history: history.take(n)?,
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
        };
        visit(&entry)?;
    }
    Ok(())
}

/// Which entries [`each_entry`] visits, and in what order.
#[derive(Debug, Clone, Copy)]
pub enum Selection {
    /// Every entry, by instant then number (the timeline).
    Timeline,
    /// Events, hypotheses and dead ends, by instant then number (the diagram).
    Story,
    /// Entries of one kind, by state then number (actions: done, then open).
    Kind(Kind),
    /// Refuted hypotheses (dead ends in every view), by number.
    Refuted,
    /// `run` evidence (with a recorded command), by number.
    Runs,
}

impl Selection {
    /// The WHERE clause. Every selection is chosen so that SQLite walks an index in the
    /// wanted order (no temporary sort, whose memory would grow with the case).
    fn filter(self) -> String {
        match self {
            Selection::Timeline => String::new(),
            // `+kind`: walk `entry_at` in instant order and stop at the limit.
            Selection::Story => "WHERE +kind IN ('event', 'hypothesis', 'dead-end')".to_string(),
            Selection::Kind(kind) => format!("WHERE kind = '{}'", kind.as_str()),
            Selection::Refuted => "WHERE kind = 'hypothesis' AND state = 'refuted'".to_string(),
            Selection::Runs => "WHERE kind = 'evidence' AND command_argv IS NOT NULL".to_string(),
        }
    }

    fn order(self) -> &'static str {
        match self {
            Selection::Timeline | Selection::Story => "ORDER BY at_ms, number",
            // `entry_kind_state` order: (state, number) within a kind; for actions that is
            // done before open, for kinds without states it is recording order.
            Selection::Kind(_) | Selection::Runs | Selection::Refuted => "ORDER BY state, number",
        }
    }
}

/// [`ENTRY_COLUMNS`] with what the postmortem never shows (UUID, author, context) left empty:
/// five fewer strings to copy and allocate per row.
const POSTMORTEM_COLUMNS: &str = "number, '', kind, text, '', recorded_at, occurred_at, state, \
     NULL, NULL, NULL, NULL, NULL, command_argv, exit_code, duration_ms, output";

/// Visit entries one at a time, with their outgoing links; for the postmortem, so without
/// UUID, author, context, tags or attachments.
pub fn each_entry(
    conn: &Connection,
    selection: Selection,
    limit: Option<u32>,
    mut visit: impl FnMut(Entry) -> Result<()>,
) -> Result<()> {
    let order = selection.order();
    let limit = limit.map(|n| format!("LIMIT {n}")).unwrap_or_default();
    let mut stmt = conn.prepare(&format!(
        "SELECT {POSTMORTEM_COLUMNS},
                (SELECT group_concat(type || ' ' || target, ',') FROM link WHERE source = entry.number)
         FROM entry {} {order} {limit}",
        selection.filter()
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let mut entry = entry_from_row(row)?;
        let links: Option<String> = row.get(17)?;
        if let Some(links) = links {
            entry.links = links
                .split(',')
                .filter_map(|l| {
                    let (t, target) = l.split_once(' ')?;
                    Some(Link {
                        link_type: LinkType::parse(t)?,
                        target: target.parse().ok()?,
                    })
                })
                .collect();
        }
        visit(entry)?;
    }
    Ok(())
}

/// How many entries a selection would visit (for "… and N more").
pub fn count(conn: &Connection, selection: Selection) -> Result<i64> {
    Ok(conn.query_row(
        &format!(
            "SELECT count(*) FROM entry {}",
            selection.filter().replace("+kind", "kind")
        ),
        [],
        |r| r.get(0),
    )?)
}

/// An entry related to a hypothesis, as the postmortem mentions it.
#[derive(Debug, Clone)]
pub struct Related {
    pub number: i64,
    pub kind: Kind,
    pub state: Option<State>,
    pub text: String,
    pub link: LinkType,
    /// True when the hypothesis holds the link (`confirm N --because M`: N → M).
    pub outgoing: bool,
}

/// The entries linked to and from one hypothesis, by number.
///
/// Two indexed lookups (`link_target` and the `(source, type, target)` key); scanning the
/// whole link table per section cost a row fetch per link. Mentions only need the start of a
/// text, so at most [`MENTION_CHARS`] characters of it are copied out of SQLite. The
/// parameters are written `+?1`: with SQLite's STAT4 planner, a plain `?1` on an indexed
/// column made every execution re-prepare the statement while the timeline query was active
/// (1,667 re-prepares for 1,667 hypotheses, half of the export's time).
pub fn related_to(conn: &Connection, number: i64) -> Result<Vec<Related>> {
    let related = |r: &rusqlite::Row<'_>, outgoing: bool| -> rusqlite::Result<Option<Related>> {
        let link: String = r.get(0)?;
        let kind: String = r.get(2)?;
        let state: Option<String> = r.get(3)?;
        Ok(match (LinkType::parse(&link), Kind::parse(&kind)) {
            (Some(link), Some(kind)) => Some(Related {
                number: r.get(1)?,
                kind,
                state: state.as_deref().and_then(State::parse),
                text: r.get(4)?,
                link,
                outgoing,
            }),
            _ => None,
        })
    };
    let mut all: Vec<Related> = Vec::new();
    let mut incoming = conn.prepare_cached(&format!(
        "SELECT l.type, s.number, s.kind, s.state, substr(s.text, 1, {MENTION_CHARS}) FROM link l
         JOIN entry s ON s.number = l.source WHERE l.target = +?1 ORDER BY l.type, l.rowid"
    ))?;
    for r in incoming.query_map([number], |r| related(r, false))? {
        all.extend(r?);
    }
    let mut outgoing = conn.prepare_cached(&format!(
        "SELECT l.type, t.number, t.kind, t.state, substr(t.text, 1, {MENTION_CHARS}) FROM link l
         JOIN entry t ON t.number = l.target WHERE l.source = +?1 ORDER BY l.type, l.target"
    ))?;
    for r in outgoing.query_map([number], |r| related(r, true))? {
        all.extend(r?);
    }
    all.sort_by_key(|r| r.number);
    Ok(all)
}

/// How many characters of a related entry's text are read for a mention.
pub const MENTION_CHARS: usize = 400;
