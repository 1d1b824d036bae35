//! Queries on entries, links, state changes, history and attachments.
//!
//! Every function takes a `&Connection` (a `Transaction` derefs to one), so the same code
//! serves a single write and a whole import. Numbers are allocated here, inside the caller's
//! `BEGIN IMMEDIATE` transaction, which is what keeps parallel writers from colliding.
//!
//! Parameters compared with indexed columns are written `+?1`, not `?1`: with the bundled
//! SQLite's STAT4 planner a bare parameter there marks the statement to be re-prepared
//! whenever it is bound, which made re-parsing 60 % of `status` on a large case. The unary
//! plus keeps the index usable (the briefing's query-plan test checks it) and the plan fixed.

use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::model::{
    AttachmentInfo, Claim, CommandInfo, Context, Entry, HistoryItem, Kind, Link, LinkType, Mark,
    State,
};
use crate::store::{mentions, numbering};

/// An entry about to be written. Times are already formatted (RFC 3339 with offset).
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    pub uuid: &'a str,
    pub kind: Kind,
    pub text: &'a str,
    pub author: &'a str,
    pub recorded_at: &'a str,
    pub occurred_at: Option<&'a str>,
    /// The instant the entry is about (occurred, else recorded), Unix ms.
    pub at_ms: i64,
    pub state: Option<State>,
    pub context: &'a Context,
    pub tags: &'a [String],
    pub command: Option<&'a CommandInfo>,
    pub output: Option<&'a str>,
    /// Facts an action or event is written with (`todo --owner/--due/--ticket`,
    /// `event --good/--bad`); `None` for everything else.
    pub facts: Option<&'a EntryFacts>,
}

/// What `todo` and `event` may carry besides their text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryFacts {
    pub owner: Option<String>,
    /// RFC 3339.
    pub due: Option<String>,
    pub ticket: Option<String>,
    pub mark: Option<Mark>,
}

/// Insert an entry with the next number and ordering key (see `store::numbering`), and record
/// the `#N` mentions in its text; returns the number.
pub fn insert_entry(conn: &Connection, e: &NewEntry<'_>) -> Result<i64> {
    let (last, highest) = numbering::last(conn)?;
    let number = last + 1;
    insert_entry_numbered(
        conn,
        number,
        numbering::next_key(highest, numbering::now_ms()),
        e,
    )?;
    mentions::record(conn, e.uuid, e.text)?;
    Ok(number)
}

/// Insert an entry under a given number and ordering key (a merge places entries itself).
pub fn insert_entry_numbered(
    conn: &Connection,
    number: i64,
    seq: i64,
    e: &NewEntry<'_>,
) -> Result<()> {
    let argv = e
        .command
        .map(|c| serde_json::to_string(&c.argv))
        .transpose()?;
    conn.prepare_cached(
        "INSERT INTO entry (number, uuid, kind, text, author, recorded_at, occurred_at, at_ms, state,
                            cwd, git_branch, git_commit, git_dirty, host,
                            command_argv, exit_code, duration_ms, output, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?
    .execute(params![
        number,
        e.uuid,
        e.kind.as_str(),
        e.text,
        e.author,
        e.recorded_at,
        e.occurred_at,
        e.at_ms,
        e.state.map(State::as_str),
        e.context.cwd,
        e.context.git_branch,
        e.context.git_commit,
        e.context.git_dirty,
        e.context.host,
        argv,
        e.command.and_then(|c| c.exit_code),
        e.command.map(|c| c.duration_ms as i64),
        e.output,
        seq,
    ])?;
    // When it was written, for the people line's "last seen" (kept with the counts).
    let recorded_ms = crate::time::parse_stored(e.recorded_at)
        .map(|t| crate::time::unix_ms(&t))
        .unwrap_or(e.at_ms);
    count_entry(conn, e.kind, e.state, e.author, recorded_ms, 1)?;
    if let Some(facts) = e.facts {
        conn.prepare_cached(
            "UPDATE entry SET owner = ?2, due = ?3, ticket = ?4, mark = ?5 WHERE number = +?1",
        )?
        .execute(params![
            number,
            facts.owner,
            facts.due,
            facts.ticket,
            facts.mark.map(Mark::as_str)
        ])?;
    }
    for tag in e.tags {
        let tag = tag.trim();
        if !tag.is_empty() {
            conn.prepare_cached("INSERT OR IGNORE INTO entry_tag (entry, tag) VALUES (?1, ?2)")?
                .execute(params![number, tag])?;
        }
    }
    Ok(())
}

/// The highest entry number (0 for an empty case).
pub fn last_number(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(number), 0) FROM entry", [], |r| {
            r.get(0)
        })?,
    )
}

/// The kind and state of one entry, if it exists.
pub fn kind_and_state(conn: &Connection, number: i64) -> Result<Option<(Kind, Option<State>)>> {
    let row: Option<(String, Option<String>)> = conn
        .prepare_cached("SELECT kind, state FROM entry WHERE number = +?1")?
        .query_row([number], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.and_then(|(kind, state)| {
        Some((Kind::parse(&kind)?, state.as_deref().and_then(State::parse)))
    }))
}

/// Add a link from `source` to `target`. Returns false when the same link already existed.
pub fn insert_link(
    conn: &Connection,
    uuid: &str,
    source: i64,
    link_type: LinkType,
    target: i64,
) -> Result<bool> {
    let changed = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO link (uuid, source, type, target) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![uuid, source, link_type.as_str(), target])?;
    Ok(changed > 0)
}

/// Record a state change and make the entry's state its latest change.
pub fn insert_state_change(
    conn: &Connection,
    uuid: &str,
    entry: i64,
    state: State,
    at: &str,
    at_ms: i64,
    author: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO state_change (uuid, entry, state, at, at_ms, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![uuid, entry, state.as_str(), at, at_ms, author])?;
    refresh_state(conn, entry)
}

/// Recompute an entry's cached state: its latest change (by instant, then UUID so that every
/// machine picks the same one), else the kind's initial state.
pub fn refresh_state(conn: &Connection, entry: i64) -> Result<()> {
    let Some((kind, before)) = kind_and_state(conn, entry)? else {
        return Ok(());
    };
    let retracted = is_retracted(conn, entry)?;
    let (after, author): (Option<String>, String) = conn
        .prepare_cached(
            "UPDATE entry SET state = coalesce(
                 (SELECT state FROM state_change WHERE entry = +?1 ORDER BY at_ms DESC, uuid DESC LIMIT 1),
                 CASE kind WHEN 'hypothesis' THEN 'open' WHEN 'action' THEN 'open' END)
             WHERE number = +?1 RETURNING state, author",
        )?
        .query_row([entry], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let after = after.as_deref().and_then(State::parse);
    // Settling a hypothesis or action ends a claim on it.
    if after != before && has_claim(conn, entry)? {
        crate::store::changes::refresh_changes(conn, entry)?;
    }
    // A retracted entry is in no count (see `changes::refresh_changes`).
    if after != before && !retracted {
        count_entry(conn, kind, before, &author, 0, -1)?;
        count_entry(conn, kind, after, &author, 0, 1)?;
    }
    Ok(())
}

fn has_claim(conn: &Connection, entry: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT claimed_by IS NOT NULL FROM entry WHERE number = +?1")?
        .query_row([entry], |r| r.get::<_, bool>(0))
        .optional()?
        .unwrap_or(false))
}

/// Whether an entry has been retracted.
pub fn is_retracted(conn: &Connection, entry: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT retracted FROM entry WHERE number = +?1")?
        .query_row([entry], |r| r.get::<_, bool>(0))
        .optional()?
        .unwrap_or(false))
}

/// Who wrote an entry (for its row of the counts), if it exists.
pub fn author_of(conn: &Connection, entry: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT author FROM entry WHERE number = +?1")?
        .query_row([entry], |r| r.get(0))
        .optional()?)
}

/// Add `delta` to the count of entries of `kind` in `state` by `author` (see schema v3 and
/// `entry_count_by_author`), and move the author's last write to `recorded_ms` if later:
/// called in the same transaction as every statement that adds an entry or changes its state
/// (or retracts it).
pub(crate) fn count_entry(
    conn: &Connection,
    kind: Kind,
    state: Option<State>,
    author: &str,
    recorded_ms: i64,
    delta: i64,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO entry_count (kind, state, author, n, last_ms) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (kind, state, author)
             DO UPDATE SET n = n + excluded.n, last_ms = max(last_ms, excluded.last_ms)",
    )?
    .execute(params![
        kind.as_str(),
        state.map_or("", State::as_str),
        author,
        delta,
        recorded_ms
    ])?;
    Ok(())
}

/// How many entries of `kind` are in `state`, from the counts kept by [`count_entry`].
pub fn count_of(conn: &Connection, kind: Kind, state: State) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(sum(n), 0) FROM entry_count WHERE kind = ?1 AND state = ?2",
        )?
        .query_row(params![kind.as_str(), state.as_str()], |r| r.get(0))?)
}

/// Store an attachment's bytes.
pub fn insert_attachment(
    conn: &Connection,
    entry: i64,
    name: &str,
    sha256: &str,
    content: &[u8],
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO attachment (entry, name, size, sha256, content) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![entry, name, content.len() as i64, sha256, content])?;
    Ok(())
}

/// One attachment's bytes.
pub fn attachment_content(conn: &Connection, entry: i64, name: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT content FROM attachment WHERE entry = +?1 AND name = ?2")?
        .query_row(params![entry, name], |r| r.get(0))
        .optional()?)
}

/// Replace an entry's text, keeping the earlier text as history.
pub fn amend_text(
    conn: &Connection,
    entry: i64,
    new_text: &str,
    history_uuid: &str,
    edited_at: &str,
    edited_ms: i64,
    author: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO entry_history (uuid, entry, text, edited_at, edited_ms, author)
         SELECT ?1, number, text, ?2, ?3, ?4 FROM entry WHERE number = +?5",
    )?
    .execute(params![history_uuid, edited_at, edited_ms, author, entry])?;
    let uuid: String = conn
        .prepare_cached("UPDATE entry SET text = ?1 WHERE number = +?2 RETURNING uuid")?
        .query_row(params![new_text, entry], |r| r.get(0))?;
    // The earlier text keeps its mentions; the new one's `#N` are resolved as it is written.
    mentions::move_source(conn, &uuid, history_uuid)?;
    mentions::record(conn, &uuid, new_text)?;
    Ok(())
}

/// The columns [`entry_from_row`] reads, in order; use as `SELECT {ENTRY_COLUMNS} FROM entry`.
pub const ENTRY_COLUMNS: &str =
    "number, uuid, kind, text, author, recorded_at, occurred_at, state, \
     cwd, git_branch, git_commit, git_dirty, host, command_argv, exit_code, duration_ms, output, \
     pinned, retracted, claimed_by, claimed_at, owner, due, ticket, mark";

/// How many columns [`ENTRY_COLUMNS`] names: the index of a column selected after them.
pub const ENTRY_COLUMN_COUNT: usize = 25;

/// [`ENTRY_COLUMNS`] with only what a headline shows (number, kind, text, state, times); the
/// rest empty. For text views, which show one line an entry.
pub const HEADLINE_COLUMNS: &str =
    "number, '', kind, text, author, recorded_at, occurred_at, state, \
     NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
     pinned, retracted, claimed_by, claimed_at, owner, due, ticket, mark";

/// Build an entry from a row of [`ENTRY_COLUMNS`]; tags, links and attachments are empty until
/// [`hydrate`] fills them.
pub fn entry_from_row(r: &Row<'_>) -> rusqlite::Result<Entry> {
    let kind: String = r.get(2)?;
    let state: Option<String> = r.get(7)?;
    let argv: Option<String> = r.get(13)?;
    let command = match argv {
        Some(json) => Some(CommandInfo {
            argv: serde_json::from_str(&json).unwrap_or_default(),
            exit_code: r.get(14)?,
            duration_ms: r.get::<_, Option<i64>>(15)?.unwrap_or(0).max(0) as u64,
        }),
        None => None,
    };
    Ok(Entry {
        number: r.get(0)?,
        uuid: r.get(1)?,
        short_id: String::new(),
        kind: Kind::parse(&kind).unwrap_or(Kind::Note),
        text: r.get(3)?,
        author: r.get(4)?,
        recorded_at: r.get(5)?,
        occurred_at: r.get(6)?,
        state: state.as_deref().and_then(State::parse),
        tags: Vec::new(),
        links: Vec::new(),
        context: Context {
            cwd: r.get(8)?,
            git_branch: r.get(9)?,
            git_commit: r.get(10)?,
            git_dirty: r.get(11)?,
            host: r.get(12)?,
        },
        attachments: Vec::new(),
        command,
        output: r.get(16)?,
        history: Vec::new(),
        pinned: r.get(17)?,
        retracted: r.get(18)?,
        claim: match (
            r.get::<_, Option<String>>(19)?,
            r.get::<_, Option<String>>(20)?,
        ) {
            (Some(author), Some(since)) => Some(Claim { author, since }),
            _ => None,
        },
        owner: r.get(21)?,
        due: r.get(22)?,
        ticket: r.get(23)?,
        mark: r
            .get::<_, Option<String>>(24)?
            .as_deref()
            .and_then(Mark::parse),
        changes: Vec::new(),
    })
}

/// Fill an entry's tags, outgoing links and attachment list.
pub fn hydrate(conn: &Connection, entry: &mut Entry) -> Result<()> {
    let n = entry.number;
    entry.short_id = numbering::short_id(conn, &entry.uuid)?;
    entry.tags = conn
        .prepare_cached("SELECT tag FROM entry_tag WHERE entry = +?1 ORDER BY tag")?
        .query_map([n], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    entry.links = conn
        .prepare_cached("SELECT type, target FROM link WHERE source = +?1 ORDER BY rowid")?
        .query_map([n], |r| {
            let t: String = r.get(0)?;
            Ok((t, r.get::<_, i64>(1)?))
        })?
        .filter_map(|row| match row {
            Ok((t, target)) => LinkType::parse(&t).map(|link_type| Ok(Link { link_type, target })),
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;
    entry.attachments = conn
        .prepare_cached(
            "SELECT name, size, sha256 FROM attachment WHERE entry = +?1 ORDER BY name",
        )?
        .query_map([n], |r| {
            Ok(AttachmentInfo {
                name: r.get(0)?,
                size: r.get::<_, i64>(1)?.max(0) as u64,
                sha256: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// Fill an entry's edit history, oldest first.
pub fn load_history(conn: &Connection, entry: &mut Entry) -> Result<()> {
    entry.history = conn
        .prepare_cached(
            "SELECT text, edited_at, author FROM entry_history WHERE entry = +?1 ORDER BY edited_ms, rowid",
        )?
        .query_map([entry.number], |r| {
            Ok(HistoryItem {
                text: r.get(0)?,
                edited_at: r.get(1)?,
                author: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// One entry, whole (with history), if it exists.
pub fn load_entry(conn: &Connection, number: i64) -> Result<Option<Entry>> {
    let entry = conn
        .prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM entry WHERE number = +?1"
        ))?
        .query_row([number], entry_from_row)
        .optional()?;
    match entry {
        Some(mut entry) => {
            hydrate(conn, &mut entry)?;
            load_history(conn, &mut entry)?;
            crate::store::changes::load_changes(conn, &mut entry)?;
            Ok(Some(entry))
        }
        None => Ok(None),
    }
}

/// Entries selected by `sql` (which must select [`ENTRY_COLUMNS`]), hydrated.
pub fn query_entries(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Entry>> {
    query_entries_with(conn, sql, params, true)
}

/// [`query_entries`], hydrating only when `whole`: one-line views need no tags, links or
/// attachments, and skipping them saves three statements an entry.
pub fn query_entries_with(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    whole: bool,
) -> Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = conn
        .prepare_cached(sql)?
        .query_map(params, entry_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    if whole {
        for entry in &mut entries {
            hydrate(conn, entry)?;
        }
    }
    Ok(entries)
}

/// Entries of one kind in one state, oldest first.
pub fn by_kind_and_state(conn: &Connection, kind: Kind, state: State) -> Result<Vec<Entry>> {
    query_entries(
        conn,
        &format!(
            "SELECT {ENTRY_COLUMNS} FROM entry WHERE kind = +?1 AND state = +?2 ORDER BY number"
        ),
        params![kind.as_str(), state.as_str()],
    )
}

/// Entries linked to `target` with `link_type` (e.g. the evidence supporting a hypothesis).
pub fn linked_to(conn: &Connection, target: i64, link_type: LinkType) -> Result<Vec<Entry>> {
    query_entries(
        conn,
        &format!(
            "SELECT {ENTRY_COLUMNS} FROM entry WHERE number IN
                 (SELECT source FROM link WHERE target = +?1 AND type = +?2) ORDER BY number"
        ),
        params![target, link_type.as_str()],
    )
}

/// Filters for the timeline.
#[derive(Debug, Default, Clone)]
pub struct TimelineFilter {
    pub kinds: Vec<Kind>,
    pub since_ms: Option<i64>,
    pub limit: Option<u32>,
    /// Leave out tags, links and attachments (for one-line views).
    pub headlines_only: bool,
    /// Keep retracted entries (`log --all`).
    pub include_retracted: bool,
    /// Only entries by this author (`log --author`, repeatable: any of them).
    pub authors: Vec<String>,
}

/// The timeline, oldest first, by instant then number; `limit` keeps the latest N.
pub fn timeline(conn: &Connection, filter: &TimelineFilter) -> Result<Vec<Entry>> {
    let mut clauses: Vec<String> = Vec::new();
    if !filter.kinds.is_empty() {
        let kinds: Vec<String> = filter
            .kinds
            .iter()
            .map(|k| format!("'{}'", k.as_str()))
            .collect();
        clauses.push(format!("kind IN ({})", kinds.join(", ")));
    }
    if let Some(since) = filter.since_ms {
        clauses.push(format!("at_ms >= {since}"));
    }
    if !filter.include_retracted {
        clauses.push("NOT retracted".to_string());
    }
    if !filter.authors.is_empty() {
        // Quoted as SQL strings (the only values written into this statement).
        let authors: Vec<String> = filter
            .authors
            .iter()
            .map(|a| format!("'{}'", a.replace('\'', "''")))
            .collect();
        clauses.push(format!("author IN ({})", authors.join(", ")));
    }
    let filter_sql = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let columns = if filter.headlines_only {
        HEADLINE_COLUMNS
    } else {
        ENTRY_COLUMNS
    };
    let sql = match filter.limit {
        Some(limit) => format!(
            "SELECT * FROM (SELECT {columns}, at_ms FROM entry {filter_sql}
                 ORDER BY at_ms DESC, number DESC LIMIT {limit}) ORDER BY at_ms, number"
        ),
        None => format!("SELECT {columns} FROM entry {filter_sql} ORDER BY at_ms, number"),
    };
    query_entries_with(conn, &sql, [], !filter.headlines_only)
}

/// Entry counts for `list`: all entries and open hypotheses.
pub fn counts(conn: &Connection) -> Result<(i64, i64)> {
    Ok((
        last_number(conn)?,
        count_of(conn, Kind::Hypothesis, State::Open)?,
    ))
}

/// The latest time anything happened to the case, for "last activity" in `list`: an entry
/// recorded, a state change, a change after writing, an edit, a close or reopen. Entries are
/// numbered in the order they reach the case, so the newest recording is among the highest
/// numbers; the last 32 are compared by instant (an import appends entries recorded elsewhere,
/// not necessarily in order), the other tables by their instant columns.
pub fn last_activity(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT t FROM (
                 SELECT recorded_at AS t, CAST(unixepoch(recorded_at, 'subsec') * 1000 AS INTEGER) AS ms
                     FROM (SELECT recorded_at FROM entry ORDER BY number DESC LIMIT 32)
                 UNION ALL SELECT at, at_ms FROM (SELECT at, at_ms FROM state_change ORDER BY at_ms DESC LIMIT 1)
                 UNION ALL SELECT at, at_ms FROM (SELECT at, at_ms FROM entry_change ORDER BY at_ms DESC LIMIT 1)
                 UNION ALL SELECT edited_at, edited_ms FROM (SELECT edited_at, edited_ms FROM entry_history ORDER BY edited_ms DESC LIMIT 1)
                 UNION ALL SELECT at, at_ms FROM (SELECT at, at_ms FROM case_event ORDER BY at_ms DESC LIMIT 1)
             ) WHERE ms IS NOT NULL ORDER BY ms DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?)
}

/// Links pointing at `target`, as (source, type), in the order they were made.
pub fn incoming_links(conn: &Connection, target: i64) -> Result<Vec<(i64, LinkType)>> {
    let rows = conn
        .prepare_cached("SELECT source, type FROM link WHERE target = +?1 ORDER BY rowid")?
        .query_map([target], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(source, t)| LinkType::parse(&t).map(|t| (source, t)))
        .collect())
}

/// The telling line of entry `number` ([`crate::model::telling_line`]), if it exists.
pub fn headline_of(conn: &Connection, number: i64) -> Result<Option<String>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT text FROM entry WHERE number = +?1")?
        .query_row([number], |r| r.get(0))
        .optional()?;
    Ok(text.map(|t| crate::model::headline(&t).into_owned()))
}

/// One line of an entry, for shell completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    pub number: i64,
    pub kind: Kind,
    pub state: Option<State>,
    /// The text's telling line ([`crate::model::telling_line`]).
    pub text: String,
}

/// The newest `limit` entries' headlines, newest first, without tags, links or attachments:
/// what shell completion shows, cheaply.
pub fn headlines(conn: &Connection, limit: u32) -> Result<Vec<Headline>> {
    let rows = conn
        .prepare_cached(
            // The whole text: a traceback's telling line is usually its last.
            "SELECT number, kind, state, text FROM entry ORDER BY number DESC LIMIT ?1",
        )?
        .query_map([limit], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(number, kind, state, text)| {
            Some(Headline {
                number,
                kind: Kind::parse(&kind)?,
                state: state.as_deref().and_then(State::parse),
                text: crate::model::headline(&text).into_owned(),
            })
        })
        .collect())
}
