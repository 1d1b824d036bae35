//! The hand-over briefing behind `status`: what is suspected, what is confirmed, what is
//! ruled out, what was about to be tried, and what happened last.
//!
//! Every list is one indexed query (see the `EXPLAIN QUERY PLAN` test), so `status` stays
//! fast on a case of 10,000 entries. The text view shows the newest few of each list and how
//! many more there are; `--json` carries whole lists except `recent`.

use anyhow::Result;
use rusqlite::Connection;
use serde::Serialize;

use crate::model::{CaseInfo, Entry, Kind, LinkType, State};
use crate::store::case_info;
use crate::store::entries;

/// An open hypothesis with the evidence for and against it.
#[derive(Debug, Clone, Serialize)]
pub struct HypothesisView {
    #[serde(flatten)]
    pub entry: Entry,
    pub supported_by: Vec<Entry>,
    pub refuted_by: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Briefing {
    pub case: CaseInfo,
    pub entry_count: i64,
    pub open_hypotheses: Vec<HypothesisView>,
    pub confirmed: Vec<HypothesisView>,
    pub dead_ends: Vec<Entry>,
    pub open_actions: Vec<Entry>,
    pub recent: Vec<Entry>,
}

/// Assemble the briefing; `recent` is how many of the latest entries to include.
pub fn briefing(conn: &Connection, recent: u32) -> Result<Briefing> {
    let case = case_info(conn)?;
    let (entry_count, _) = entries::counts(conn)?;
    let with_evidence = |state: State| -> Result<Vec<HypothesisView>> {
        entries::by_kind_and_state(conn, Kind::Hypothesis, state)?
            .into_iter()
            .map(|entry| {
                Ok(HypothesisView {
                    supported_by: entries::linked_to(conn, entry.number, LinkType::Supports)?,
                    refuted_by: entries::linked_to(conn, entry.number, LinkType::Refutes)?,
                    entry,
                })
            })
            .collect()
    };
    let open_hypotheses = with_evidence(State::Open)?;
    let confirmed = with_evidence(State::Confirmed)?;
    let dead_ends = entries::query_entries(conn, DEAD_ENDS_SQL, [])?;
    let open_actions = entries::by_kind_and_state(conn, Kind::Action, State::Open)?;
    let recent = entries::timeline(
        conn,
        &entries::TimelineFilter {
            limit: Some(recent),
            ..Default::default()
        },
    )?;
    Ok(Briefing {
        case,
        entry_count,
        open_hypotheses,
        confirmed,
        dead_ends,
        open_actions,
        recent,
    })
}

/// Dead ends and refuted hypotheses (a refuted hypothesis is a dead end in every view).
const DEAD_ENDS_SQL: &str =
    "SELECT number, uuid, kind, text, author, recorded_at, occurred_at, state, \
     cwd, git_branch, git_commit, git_dirty, host, command_argv, exit_code, duration_ms, output \
     FROM entry WHERE kind = 'dead-end' \
     UNION ALL \
     SELECT number, uuid, kind, text, author, recorded_at, occurred_at, state, \
     cwd, git_branch, git_commit, git_dirty, host, command_argv, exit_code, duration_ms, output \
     FROM entry WHERE kind = 'hypothesis' AND state = 'refuted' \
     ORDER BY number";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::entries::ENTRY_COLUMNS;

    #[test]
    fn dead_ends_select_the_entry_columns() {
        let columns = DEAD_ENDS_SQL
            .split("FROM")
            .next()
            .unwrap()
            .trim_start_matches("SELECT ")
            .replace(' ', "");
        assert_eq!(columns, ENTRY_COLUMNS.replace(' ', ""));
    }
}
