//! The hand-over briefing behind `status`: what is suspected, what is confirmed, what is
//! ruled out, what was about to be tried, and what happened last.
//!
//! Each list is one indexed query, bounded when the caller asks for a bound (the text view
//! shows only the newest few of each list plus counts), so `status` costs the same on a case
//! of 10,000 entries as on one of 10; the `EXPLAIN QUERY PLAN` test below keeps every query
//! off a full table scan. `--json` asks for whole lists (but `recent` is always bounded).

use anyhow::Result;
use rusqlite::{params, Connection};
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

/// How many entries each list holds in all.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub entries: i64,
    pub open_hypotheses: i64,
    pub confirmed: i64,
    pub dead_ends: i64,
    pub open_actions: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Briefing {
    pub case: CaseInfo,
    pub counts: Counts,
    pub open_hypotheses: Vec<HypothesisView>,
    pub confirmed: Vec<HypothesisView>,
    pub dead_ends: Vec<Entry>,
    pub open_actions: Vec<Entry>,
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
    /// Load each entry whole (tags, links, attachments) and the evidence of confirmed
    /// hypotheses too; the text view needs only headlines.
    pub whole_entries: bool,
}

/// Assemble the briefing. Lists come oldest first (of the newest ones loaded).
pub fn briefing(conn: &Connection, bounds: Bounds) -> Result<Briefing> {
    let case = case_info(conn)?;
    let limit = |b: Option<u32>| b.map_or(-1, i64::from);
    let counts = counts(conn)?;
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
    let open_actions = newest(
        conn,
        Kind::Action,
        State::Open,
        limit(bounds.per_list),
        whole,
    )?;
    let recent = entries::timeline(
        conn,
        &entries::TimelineFilter {
            limit: Some(bounds.recent),
            headlines_only: !whole,
            ..Default::default()
        },
    )?;
    Ok(Briefing {
        case,
        counts,
        open_hypotheses,
        confirmed,
        dead_ends,
        open_actions,
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

/// The counts kept with every write (schema v3): a few rows, whatever the case's size.
fn counts(conn: &Connection) -> Result<Counts> {
    let mut counts = Counts {
        // Numbers are contiguous from 1 and entries are never deleted, so the highest number
        // is the count: one index probe instead of a scan of the whole table.
        entries: entries::last_number(conn)?,
        ..Counts::default()
    };
    let mut stmt = conn.prepare_cached("SELECT kind, state, n FROM entry_count")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let n: i64 = row.get(2)?;
        let slot = match (row.get_ref(0)?.as_str()?, row.get_ref(1)?.as_str()?) {
            ("hypothesis", "open") => &mut counts.open_hypotheses,
            ("hypothesis", "confirmed") => &mut counts.confirmed,
            // A refuted hypothesis is a dead end in every view.
            ("hypothesis", "refuted") | ("dead-end", _) => &mut counts.dead_ends,
            ("action", "open") => &mut counts.open_actions,
            _ => continue,
        };
        *slot += n;
    }
    Ok(counts)
}

fn count_links(conn: &Connection, target: i64) -> Result<(i64, i64)> {
    Ok(conn
        .prepare_cached(LINK_COUNT_SQL)?
        .query_row([target], |r| Ok((r.get(0)?, r.get(1)?)))?)
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
            "SELECT kind, state, n FROM entry_count".to_string(),
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
