//! Closing and reopening a case, recorded as `case_event` rows with UUIDs.
//!
//! `case_meta.state`, `closed_at` and the postmortem fields are a cache of the events, like an
//! entry's `state` is a cache of its state changes: [`refresh_case`] recomputes them from the
//! latest event (by instant, then UUID, so every machine picks the same one). That makes a
//! merge of two people's trails converge whatever order the bundles are imported in.

use anyhow::Result;
use rusqlite::{params, Connection};

use crate::bundle::CaseEvent;
use crate::model::{CaseState, Review, REVIEW_COLUMNS};

/// The review columns of a row, from column `first` on (in [`REVIEW_COLUMNS`] order).
pub fn review_from_row(r: &rusqlite::Row, first: usize) -> rusqlite::Result<Review> {
    let mut review = Review::default();
    for (i, field) in review.fields_mut().into_iter().enumerate() {
        *field = r.get(first + i)?;
    }
    Ok(review)
}

/// Record one close or reopen (ignored when its UUID is already known) without refreshing.
pub fn insert_event(conn: &Connection, e: &CaseEvent, at_ms: i64) -> Result<bool> {
    let changed = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO case_event (uuid, state, at, at_ms, author, summary, impact, root_cause, fix, lessons)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            e.uuid,
            e.state.as_str(),
            e.at,
            at_ms,
            e.author,
            e.summary,
            e.impact,
            e.root_cause,
            e.fix,
            e.lessons
        ])?;
    if changed > 0 && !e.review.is_empty() {
        let sets: Vec<String> = REVIEW_COLUMNS
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c} = ?{}", i + 2))
            .collect();
        let sql = format!("UPDATE case_event SET {} WHERE uuid = ?1", sets.join(", "));
        let f = e.review.fields();
        conn.prepare_cached(&sql)?.execute(params![
            e.uuid, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]
        ])?;
    }
    Ok(changed > 0)
}

/// Make `case_meta` reflect the events: state and `closed_at` from the latest event, each
/// postmortem field from the latest event that set it. A case without events keeps its row.
pub fn refresh_case(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "UPDATE case_meta SET
            state = coalesce((SELECT state FROM case_event ORDER BY at_ms DESC, uuid DESC LIMIT 1), state),
            closed_at = CASE
                WHEN NOT EXISTS (SELECT 1 FROM case_event) THEN closed_at
                ELSE (SELECT CASE WHEN state = 'open' THEN NULL ELSE at END
                      FROM case_event ORDER BY at_ms DESC, uuid DESC LIMIT 1) END,
            summary = coalesce((SELECT summary FROM case_event WHERE summary IS NOT NULL ORDER BY at_ms DESC, uuid DESC LIMIT 1), summary),
            impact = coalesce((SELECT impact FROM case_event WHERE impact IS NOT NULL ORDER BY at_ms DESC, uuid DESC LIMIT 1), impact),
            root_cause = coalesce((SELECT root_cause FROM case_event WHERE root_cause IS NOT NULL ORDER BY at_ms DESC, uuid DESC LIMIT 1), root_cause),
            fix = coalesce((SELECT fix FROM case_event WHERE fix IS NOT NULL ORDER BY at_ms DESC, uuid DESC LIMIT 1), fix),
            lessons = coalesce((SELECT lessons FROM case_event WHERE lessons IS NOT NULL ORDER BY at_ms DESC, uuid DESC LIMIT 1), lessons)
         WHERE id = 1",
    )?;
    let sets: Vec<String> = REVIEW_COLUMNS
        .iter()
        .map(|c| format!("{c} = coalesce((SELECT {c} FROM case_event WHERE {c} IS NOT NULL ORDER BY at_ms DESC, uuid DESC LIMIT 1), {c})"))
        .collect();
    conn.execute_batch(&format!(
        "UPDATE case_meta SET {} WHERE id = 1",
        sets.join(",\n")
    ))?;
    Ok(())
}

/// Every event, oldest first.
pub fn events(conn: &Connection) -> Result<Vec<CaseEvent>> {
    let rows = conn
        .prepare_cached(&format!(
            "SELECT uuid, state, at, at_ms, author, summary, impact, root_cause, fix, lessons, {}
                 FROM case_event ORDER BY at_ms, uuid",
            REVIEW_COLUMNS.join(", ")
        ))?
        .query_map([], |r| {
            let state: String = r.get(1)?;
            Ok(CaseEvent {
                uuid: r.get(0)?,
                state: CaseState::parse(&state).unwrap_or(CaseState::Open),
                at: r.get(2)?,
                at_ms: r.get(3)?,
                author: r.get(4)?,
                summary: r.get(5)?,
                impact: r.get(6)?,
                root_cause: r.get(7)?,
                fix: r.get(8)?,
                lessons: r.get(9)?,
                review: review_from_row(r, 10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Add tickets and tags (a merge takes the union).
pub fn add_tickets_and_tags(conn: &Connection, tickets: &[String], tags: &[String]) -> Result<()> {
    for t in tickets.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        conn.prepare_cached("INSERT OR IGNORE INTO case_ticket (ref) VALUES (?1)")?
            .execute([t])?;
    }
    for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        conn.prepare_cached("INSERT OR IGNORE INTO case_tag (tag) VALUES (?1)")?
            .execute([t])?;
    }
    Ok(())
}

/// The numbers of open hypotheses and open actions (what a close leaves behind).
pub fn open_work(conn: &Connection) -> Result<(Vec<i64>, Vec<i64>)> {
    let numbers = |kind: &str| -> Result<Vec<i64>> {
        Ok(conn
            .prepare_cached(
                "SELECT number FROM entry WHERE kind = ?1 AND state = 'open' ORDER BY number",
            )?
            .query_map([kind], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?)
    };
    Ok((numbers("hypothesis")?, numbers("action")?))
}
