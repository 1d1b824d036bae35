//! The hand-over briefing behind `status`: what is suspected, what is confirmed, what is
//! ruled out, what was about to be tried, and what happened last.
//!
//! Each list is one indexed query, bounded when the caller asks for a bound (the text view
//! shows only the newest few of each list plus counts), so `status` costs the same on a case
//! of 10,000 entries as on one of 10; the `EXPLAIN QUERY PLAN` test below keeps every query
//! off a full table scan. `--json` asks for whole lists (but `recent` is always bounded).

use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::model::{CaseInfo, Entry, Kind, LinkType, State};
use crate::store::case_info;
use crate::store::entries::{self, ENTRY_COLUMNS};

/// A hypothesis with the evidence for and against it.
#[derive(Debug, Clone, Serialize)]
pub struct HypothesisView {
    #[serde(flatten)]
    pub entry: Entry,
    pub supported_by: Vec<Entry>,
    pub refuted_by: Vec<Entry>,
    /// How many entries support / refute it in all (the lists may be cut).
    pub supported_count: i64,
    pub refuted_count: i64,
}

/// Why a hypothesis was refuted: the entry that says so, and how it is linked.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    /// `rules-out` (a dead end written with `dead --of`), `because` (`refute N --because M`)
    /// or `refutes` (the newest evidence against it), in that order of preference.
    pub via: LinkType,
    pub number: i64,
    pub kind: Kind,
    pub text: String,
}

/// A dead end or refuted hypothesis, with the briefing's pairing: a refuted hypothesis has its
/// reason; a dead end that rules out a hypothesis names it.
#[derive(Debug, Clone, Serialize)]
pub struct DeadEndView {
    #[serde(flatten)]
    pub entry: Entry,
    /// For a refuted hypothesis: why (null when nothing in the case says).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// For a dead end: the hypothesis it rules out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules_out: Option<i64>,
}

/// Someone who wrote in the case.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub author: String,
    pub entries: i64,
    /// When they last wrote (RFC 3339, UTC).
    pub last_seen: Option<String>,
    #[serde(skip)]
    pub last_seen_ms: i64,
}

/// How many entries each list holds in all.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub entries: i64,
    pub open_hypotheses: i64,
    pub confirmed: i64,
    pub dead_ends: i64,
    pub open_actions: i64,
    pub events: i64,
    pub evidence: i64,
}

/// The window in which the fault began, from events marked `--good` and `--bad`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Window {
    /// The last moment known good before the first bad one (else the last good one).
    pub last_good: Option<Entry>,
    /// The first moment known bad.
    pub first_bad: Option<Entry>,
    /// Milliseconds between them, when both are known and in order.
    pub span_ms: Option<i64>,
    /// A moment marked good after the first bad one: one of the two marks is wrong.
    pub contradiction: Option<Entry>,
}

/// Someone at work on a hypothesis or action now (`claim`).
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    pub number: i64,
    pub kind: Kind,
    pub author: String,
    pub since: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Briefing {
    pub case: CaseInfo,
    pub counts: Counts,
    /// Who wrote, how much, last seen; the most active first.
    pub people: Vec<Person>,
    /// Pinned entries (the problem statement, a hand-over note), oldest first.
    pub pinned: Vec<Entry>,
    /// How many entries are pinned in all.
    pub pinned_count: i64,
    /// Open hypotheses and actions someone has claimed, from the lists below.
    pub claims: Vec<ClaimView>,
    pub window: Window,
    /// The first event by when it happened: when the incident began, as far as the case knows.
    pub first_event: Option<Entry>,
    pub open_hypotheses: Vec<HypothesisView>,
    pub confirmed: Vec<HypothesisView>,
    pub dead_ends: Vec<DeadEndView>,
    /// The newest evidence linked to no hypothesis, oldest first.
    pub unlinked_evidence: Vec<Entry>,
    pub open_actions: Vec<Entry>,
    /// The latest events by when they happened, oldest first.
    pub events: Vec<Entry>,
    pub recent: Vec<Entry>,
}

/// How much of each list to load.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// The newest this many of each list; `None` for all.
    pub per_list: Option<u32>,
    /// The newest this many pieces of evidence for and against each hypothesis.
    pub evidence: Option<u32>,
    /// The latest this many entries of the timeline.
    pub recent: u32,
    /// The newest this many pieces of unlinked evidence.
    pub unlinked: u32,
    /// The latest this many events by occurrence.
    pub events: u32,
    /// How long a claim holds, and now (Unix ms): a lapsed claim is not shown.
    pub claim_expiry: std::time::Duration,
    pub now_ms: i64,
    /// Load each entry whole (tags, links, attachments) and the evidence of confirmed
    /// hypotheses too; the text view needs only headlines.
    pub whole_entries: bool,
}

/// How far back (in evidence entries) unlinked evidence is looked for: the section is about
/// what was seen lately, and the bound keeps `status` from walking every piece of evidence of
/// a large case whose evidence is all linked.
const UNLINKED_WINDOW: u32 = 200;

/// Assemble the briefing. Lists come oldest first (of the newest ones loaded).
pub fn briefing(conn: &Connection, bounds: Bounds) -> Result<Briefing> {
    let case = case_info(conn)?;
    let limit = |b: Option<u32>| b.map_or(-1, i64::from);
    let (counts, people) = counts(conn)?;
    let whole = bounds.whole_entries;
    let with_evidence = |state: State, evidence_limit: i64| -> Result<Vec<HypothesisView>> {
        newest(conn, Kind::Hypothesis, state, limit(bounds.per_list), whole)?
            .into_iter()
            .map(|entry| {
                let n = entry.number;
                let (supported_count, refuted_count) = count_links(conn, n)?;
                let list = |link, count| match count {
                    0 => Ok(Vec::new()),
                    _ => evidence(conn, n, link, evidence_limit, whole),
                };
                Ok(HypothesisView {
                    supported_by: list(LinkType::Supports, supported_count)?,
                    refuted_by: list(LinkType::Refutes, refuted_count)?,
                    supported_count,
                    refuted_count,
                    entry,
                })
            })
            .collect()
    };
    let open_hypotheses = with_evidence(State::Open, limit(bounds.evidence))?;
    // The text view lists confirmed hypotheses without their evidence.
    let confirmed = with_evidence(
        State::Confirmed,
        if whole { limit(bounds.evidence) } else { 0 },
    )?;
    let mut dead_ends = entries::query_entries_with(
        conn,
        &dead_ends_sql(columns(whole), limit(bounds.per_list)),
        [],
        whole,
    )?;
    dead_ends.reverse();
    let dead_ends = dead_ends
        .into_iter()
        .map(|entry| {
            let (reason, rules_out) = if entry.kind == Kind::Hypothesis {
                (reason(conn, entry.number)?, None)
            } else {
                (None, rules_out(conn, entry.number)?)
            };
            Ok(DeadEndView {
                entry,
                reason,
                rules_out,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let open_actions = newest(
        conn,
        Kind::Action,
        State::Open,
        limit(bounds.per_list),
        whole,
    )?;
    let unlinked_evidence = if counts.evidence > 0 && bounds.unlinked > 0 {
        let mut list = entries::query_entries_with(
            conn,
            &unlinked_sql(columns(whole), bounds.unlinked),
            [],
            whole,
        )?;
        list.reverse();
        list
    } else {
        Vec::new()
    };
    let (first_event, events) = if counts.events > 0 {
        let first =
            entries::query_entries_with(conn, &first_event_sql(columns(whole)), [], whole)?.pop();
        let mut events = entries::query_entries_with(
            conn,
            &latest_events_sql(columns(whole), bounds.events),
            [],
            whole,
        )?;
        events.reverse();
        (first, events)
    } else {
        (None, Vec::new())
    };
    let recent = entries::timeline(
        conn,
        &entries::TimelineFilter {
            limit: Some(bounds.recent),
            headlines_only: !whole,
            ..Default::default()
        },
    )?;
    let (pinned_count, pinned) = pinned(conn, limit(bounds.per_list), whole)?;
    let window = if counts.events > 0 {
        window(conn, whole)?
    } else {
        Window::default()
    };
    let mut open_hypotheses = open_hypotheses;
    let mut open_actions = open_actions;
    for e in open_hypotheses
        .iter_mut()
        .map(|h| &mut h.entry)
        .chain(open_actions.iter_mut())
    {
        e.drop_lapsed_claim(bounds.now_ms, bounds.claim_expiry);
    }
    let claims = open_hypotheses
        .iter()
        .map(|h| &h.entry)
        .chain(open_actions.iter())
        .filter_map(|e| {
            let c = e.claim.as_ref()?;
            Some(ClaimView {
                number: e.number,
                kind: e.kind,
                author: c.author.clone(),
                since: c.since.clone(),
            })
        })
        .collect();
    Ok(Briefing {
        case,
        counts,
        people,
        pinned,
        pinned_count,
        claims,
        window,
        first_event,
        open_hypotheses,
        confirmed,
        dead_ends,
        unlinked_evidence,
        open_actions,
        events,
        recent,
    })
}

const NEWEST_SQL: &str =
    "WHERE kind = +?1 AND state = +?2 AND NOT retracted ORDER BY number DESC LIMIT";
/// How many entries support and refute one hypothesis.
const LINK_COUNT_SQL: &str = "SELECT count(*) FILTER (WHERE type = 'supports'), \
     count(*) FILTER (WHERE type = 'refutes') FROM link \
     WHERE target = +?1 AND source NOT IN (SELECT number FROM entry WHERE retracted = 1)";
const EVIDENCE_SQL: &str =
    "WHERE number IN (SELECT source FROM link WHERE target = +?1 AND type = +?2) \
     AND NOT retracted ORDER BY number DESC LIMIT";
/// Why hypothesis ?1 was refuted: the dead end that rules it out, else its `because` entry,
/// else the newest evidence against it (each kind newest first). Retracted entries give no
/// reason.
const REASON_SQL: &str = "SELECT r.via, e.number, e.kind, e.text FROM ( \
       SELECT source AS n, 'rules-out' AS via, 1 AS rank FROM link WHERE target = +?1 AND type = 'rules-out' \
       UNION ALL SELECT target, 'because', 2 FROM link WHERE source = +?1 AND type = 'because' \
       UNION ALL SELECT source, 'refutes', 3 FROM link WHERE target = +?1 AND type = 'refutes' \
     ) AS r JOIN entry AS e ON e.number = r.n WHERE NOT e.retracted \
     ORDER BY r.rank, r.n DESC LIMIT 1";
/// The hypothesis dead end ?1 rules out.
const RULES_OUT_SQL: &str =
    "SELECT target FROM link WHERE source = +?1 AND type = 'rules-out' ORDER BY target LIMIT 1";

/// The columns to read: whole entries, or (for the text view) what a headline shows, the
/// rest left empty so that fewer values are copied out of SQLite.
fn columns(whole: bool) -> &'static str {
    if whole {
        ENTRY_COLUMNS
    } else {
        entries::HEADLINE_COLUMNS
    }
}

/// Dead ends and refuted hypotheses (a refuted hypothesis is a dead end in every view). The
/// limits are written into the SQL rather than bound: a bound `LIMIT ?` is another parameter
/// the STAT4 planner re-prepares the statement for on every run.
fn dead_ends_sql(columns: &str, limit: i64) -> String {
    format!(
        "SELECT * FROM (SELECT {columns} FROM entry WHERE kind = 'dead-end' AND state IS NULL \
         AND NOT retracted \
         UNION ALL SELECT {columns} FROM entry WHERE kind = 'hypothesis' AND state = 'refuted' \
         AND NOT retracted) \
         ORDER BY number DESC LIMIT {limit}"
    )
}

/// The newest `limit` pieces of evidence (among the newest [`UNLINKED_WINDOW`]) that support,
/// refute and explain nothing, newest first.
fn unlinked_sql(columns: &str, limit: u32) -> String {
    format!(
        "SELECT {columns} FROM entry WHERE number IN (\
           SELECT number FROM entry WHERE kind = 'evidence' AND state IS NULL \
           ORDER BY number DESC LIMIT {UNLINKED_WINDOW}) \
         AND NOT retracted \
         AND NOT EXISTS (SELECT 1 FROM link WHERE source = entry.number) \
         AND NOT EXISTS (SELECT 1 FROM link WHERE target = entry.number AND type = 'because') \
         ORDER BY number DESC LIMIT {limit}"
    )
}

/// Pinned entries, newest first (the partial index `entry_pinned`).
fn pinned_sql(columns: &str, limit: i64) -> String {
    format!(
        "SELECT {columns} FROM entry WHERE pinned = 1 AND NOT retracted \
         ORDER BY number DESC LIMIT {limit}"
    )
}

const PINNED_COUNT_SQL: &str = "SELECT count(*) FROM entry WHERE pinned = 1 AND NOT retracted";

/// The moment marked `mark` that is first (`ASC`) or last (`DESC`) by occurrence, optionally
/// before the instant `?1` (the partial index `entry_mark_at`).
fn mark_sql(columns: &str, mark: &str, order: &str, before: bool) -> String {
    let bound = if before { "AND at_ms < +?1" } else { "" };
    format!(
        "SELECT {columns} FROM entry WHERE mark = '{mark}' AND NOT retracted {bound} \
         ORDER BY at_ms {order}, number {order} LIMIT 1"
    )
}

/// The first event by when it happened. `INDEXED BY` the partial index of events by
/// occurrence: without statistics the planner prefers `entry_kind_state` and sorts every
/// event.
fn first_event_sql(columns: &str) -> String {
    format!(
        "SELECT {columns} FROM entry INDEXED BY entry_event_at \
         WHERE kind = 'event' AND NOT retracted ORDER BY at_ms, number LIMIT 1"
    )
}

/// The latest `limit` events by when they happened, latest first.
fn latest_events_sql(columns: &str, limit: u32) -> String {
    format!(
        "SELECT {columns} FROM entry INDEXED BY entry_event_at \
         WHERE kind = 'event' AND NOT retracted ORDER BY at_ms DESC, number DESC LIMIT {limit}"
    )
}

/// The counts kept with every write (schema v3, per author since `entry_count_by_author`): a
/// few rows, whatever the case's size. Also the people line.
fn counts(conn: &Connection) -> Result<(Counts, Vec<Person>)> {
    let mut counts = Counts {
        // Numbers are contiguous from 1 and entries are never deleted, so the highest number
        // is the count: one index probe instead of a scan of the whole table.
        entries: entries::last_number(conn)?,
        ..Counts::default()
    };
    let mut people: Vec<Person> = Vec::new();
    let mut stmt =
        conn.prepare_cached("SELECT kind, state, author, n, last_ms FROM entry_count")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let n: i64 = row.get(3)?;
        let author = row.get_ref(2)?.as_str()?;
        let last_ms: i64 = row.get(4)?;
        match people.iter_mut().find(|p| p.author == author) {
            Some(p) => {
                p.entries += n;
                p.last_seen_ms = p.last_seen_ms.max(last_ms);
            }
            None => people.push(Person {
                author: author.to_string(),
                entries: n,
                last_seen: None,
                last_seen_ms: last_ms,
            }),
        }
        let slot = match (row.get_ref(0)?.as_str()?, row.get_ref(1)?.as_str()?) {
            ("hypothesis", "open") => &mut counts.open_hypotheses,
            ("hypothesis", "confirmed") => &mut counts.confirmed,
            // A refuted hypothesis is a dead end in every view.
            ("hypothesis", "refuted") | ("dead-end", _) => &mut counts.dead_ends,
            ("action", "open") => &mut counts.open_actions,
            ("event", _) => &mut counts.events,
            ("evidence", _) => &mut counts.evidence,
            _ => continue,
        };
        *slot += n;
    }
    people.retain(|p| p.entries > 0);
    for p in &mut people {
        p.last_seen = chrono::DateTime::from_timestamp_millis(p.last_seen_ms)
            .filter(|_| p.last_seen_ms > 0)
            .map(|t| crate::time::format_rfc3339(&t.fixed_offset()));
    }
    people.sort_by(|a, b| {
        b.entries
            .cmp(&a.entries)
            .then(b.last_seen_ms.cmp(&a.last_seen_ms))
            .then(a.author.cmp(&b.author))
    });
    Ok((counts, people))
}

fn pinned(conn: &Connection, limit: i64, whole: bool) -> Result<(i64, Vec<Entry>)> {
    let count: i64 = conn
        .prepare_cached(PINNED_COUNT_SQL)?
        .query_row([], |r| r.get(0))?;
    if count == 0 {
        return Ok((0, Vec::new()));
    }
    let mut list =
        entries::query_entries_with(conn, &pinned_sql(columns(whole), limit), [], whole)?;
    list.reverse();
    Ok((count, list))
}

fn window(conn: &Connection, whole: bool) -> Result<Window> {
    let one = |sql: String, before: Option<i64>| -> Result<Option<Entry>> {
        Ok(match before {
            Some(ms) => entries::query_entries_with(conn, &sql, [ms], whole)?,
            None => entries::query_entries_with(conn, &sql, [], whole)?,
        }
        .pop())
    };
    let cols = columns(whole);
    let first_bad = one(mark_sql(cols, "bad", "ASC", false), None)?;
    let bad_ms = first_bad.as_ref().and_then(at_ms);
    let last_good = one(mark_sql(cols, "good", "DESC", bad_ms.is_some()), bad_ms)?;
    // A good moment after the first bad one contradicts it.
    let contradiction = match bad_ms {
        Some(_) => one(mark_sql(cols, "good", "DESC", false), None)?
            .filter(|g| at_ms(g).zip(bad_ms).is_some_and(|(g, b)| g > b)),
        None => None,
    };
    let span_ms = match (&last_good, bad_ms) {
        (Some(g), Some(b)) => at_ms(g).map(|g| b - g),
        _ => None,
    };
    Ok(Window {
        last_good,
        first_bad,
        span_ms,
        contradiction,
    })
}

/// The instant an entry is about, in Unix ms.
fn at_ms(e: &Entry) -> Option<i64> {
    crate::time::parse_stored(e.when())
        .ok()
        .map(|t| crate::time::unix_ms(&t))
}

fn count_links(conn: &Connection, target: i64) -> Result<(i64, i64)> {
    Ok(conn
        .prepare_cached(LINK_COUNT_SQL)?
        .query_row([target], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

fn reason(conn: &Connection, hypothesis: i64) -> Result<Option<Reason>> {
    let row = conn
        .prepare_cached(REASON_SQL)?
        .query_row([hypothesis], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })
        .optional()?;
    Ok(row.and_then(|(via, number, kind, text)| {
        Some(Reason {
            via: LinkType::parse(&via)?,
            number,
            kind: Kind::parse(&kind)?,
            text,
        })
    }))
}

fn rules_out(conn: &Connection, dead_end: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(RULES_OUT_SQL)?
        .query_row([dead_end], |r| r.get(0))
        .optional()?)
}

fn newest(
    conn: &Connection,
    kind: Kind,
    state: State,
    limit: i64,
    whole: bool,
) -> Result<Vec<Entry>> {
    let sql = format!("SELECT {} FROM entry {NEWEST_SQL} {limit}", columns(whole));
    let params = params![kind.as_str(), state.as_str()];
    let mut list = entries::query_entries_with(conn, &sql, params, whole)?;
    list.reverse();
    Ok(list)
}

fn evidence(
    conn: &Connection,
    target: i64,
    link: LinkType,
    limit: i64,
    whole: bool,
) -> Result<Vec<Entry>> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {} FROM entry {EVIDENCE_SQL} {limit}",
        columns(whole)
    );
    let params = params![target, link.as_str()];
    let mut list = entries::query_entries_with(conn, &sql, params, whole)?;
    list.reverse();
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(conn: &Connection, sql: &str) -> String {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let n = stmt.parameter_count();
        let params: Vec<rusqlite::types::Value> = (0..n)
            .map(|_| rusqlite::types::Value::Text("x".into()))
            .collect();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                r.get::<_, String>(3)
            })
            .unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn no_status_query_scans_the_entry_table() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::schema::migrate(&mut conn, "mem").unwrap();
        let queries = [
            "SELECT kind, state, author, n, last_ms FROM entry_count".to_string(),
            REASON_SQL.to_string(),
            RULES_OUT_SQL.to_string(),
            unlinked_sql(ENTRY_COLUMNS, 3),
            first_event_sql(ENTRY_COLUMNS),
            pinned_sql(ENTRY_COLUMNS, 5),
            PINNED_COUNT_SQL.to_string(),
            mark_sql(ENTRY_COLUMNS, "good", "DESC", true),
            mark_sql(ENTRY_COLUMNS, "bad", "ASC", false),
            latest_events_sql(entries::HEADLINE_COLUMNS, 5),
            LINK_COUNT_SQL.to_string(),
            format!("SELECT {ENTRY_COLUMNS} FROM entry {NEWEST_SQL} 5"),
            format!("SELECT {ENTRY_COLUMNS} FROM entry {EVIDENCE_SQL} 5"),
            dead_ends_sql(ENTRY_COLUMNS, 5),
            dead_ends_sql(entries::HEADLINE_COLUMNS, 5),
            format!("SELECT * FROM (SELECT {ENTRY_COLUMNS}, at_ms FROM entry WHERE NOT retracted ORDER BY at_ms DESC, number DESC LIMIT 5) ORDER BY at_ms, number"),
        ];
        for sql in queries {
            let plan = plan(&conn, &sql);
            for line in plan.lines() {
                // `entry_count` holds a few rows whatever the case's size; scanning it is fine.
                let scans = |table: &str| {
                    line == format!("SCAN {table}") || line.starts_with(&format!("SCAN {table} "))
                };
                let full_scan = (scans("entry") || scans("link")) && !line.contains("USING");
                assert!(!full_scan, "full scan in\n{sql}\nplan:\n{plan}");
                // Sorting the few rows a bounded subquery returned is fine; sorting the table is not.
                let sorts_table = line.contains("USE TEMP B-TREE FOR ORDER BY")
                    && !plan.contains("subquery")
                    && !plan.contains("COMPOUND");
                assert!(!sorts_table, "sort without index in\n{sql}\nplan:\n{plan}");
            }
        }
    }
}
