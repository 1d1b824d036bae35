//! Merging a bundle into a case: the SQL half of `import`, run inside one transaction.
//!
//! Everything is keyed by UUID, so merging is a union and importing the same bundle twice adds
//! nothing: entries with a known UUID are skipped (their new links, tags, state changes and
//! history still merge), new entries take the next local numbers and their links are
//! remapped through UUIDs. States are recomputed from the merged state changes (latest by
//! instant, then UUID), the case's state from the merged case events, and an entry edited on
//! both sides keeps the text of the later edit (both earlier texts stay in its history), so
//! two people exchanging bundles end with the same case whatever the order.

use std::collections::{BTreeSet, HashMap};

use anyhow::{Context as _, Result};
use rusqlite::{params, Connection, OptionalExtension};

use crate::bundle::{self, Bundle};
use crate::model::CommandInfo;
use crate::store::{changes, entries, lifecycle};

/// What a merge changed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct MergeReport {
    pub entries_added: usize,
    pub entries_known: usize,
    pub state_changes_added: usize,
    pub links_added: usize,
    pub edits_added: usize,
    pub attachments_added: usize,
    pub case_events_added: usize,
    pub changes_added: usize,
}

impl MergeReport {
    /// Whether the merge added anything at all.
    pub fn changed_anything(&self) -> bool {
        self.entries_added
            + self.state_changes_added
            + self.links_added
            + self.edits_added
            + self.attachments_added
            + self.case_events_added
            + self.changes_added
            > 0
    }
}

/// Merge `bundle` into the case open on `conn` (a transaction). `fresh` is true when the case
/// was just created for this bundle: it then also takes the bundle's case fields as they are.
pub fn merge(conn: &Connection, bundle: &Bundle, fresh: bool) -> Result<MergeReport> {
    let mut report = MergeReport::default();
    let mut local: HashMap<String, i64> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT uuid, number FROM entry")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (uuid, number) = row?;
            local.insert(uuid, number);
        }
    }
    let by_bundle_number: HashMap<i64, &str> = bundle
        .entries
        .iter()
        .map(|e| (e.number, e.uuid.as_str()))
        .collect();

    let mut ordered: Vec<&bundle::BundleEntry> = bundle.entries.iter().collect();
    ordered.sort_by_key(|e| e.number);
    let mut next = entries::last_number(conn)? + 1;
    let mut touched: BTreeSet<i64> = BTreeSet::new();

    for e in &ordered {
        let known = local.contains_key(&e.uuid);
        let number = match local.get(&e.uuid) {
            Some(&n) => {
                report.entries_known += 1;
                for tag in &e.tags {
                    conn.prepare_cached(
                        "INSERT OR IGNORE INTO entry_tag (entry, tag) VALUES (?1, ?2)",
                    )?
                    .execute(params![n, tag.trim()])?;
                }
                n
            }
            None => {
                let number = next;
                next += 1;
                let command: Option<CommandInfo> = e.command.clone();
                entries::insert_entry_numbered(
                    conn,
                    number,
                    &entries::NewEntry {
                        uuid: &e.uuid,
                        kind: e.kind,
                        text: &e.text,
                        author: &e.author,
                        recorded_at: &e.recorded_at,
                        occurred_at: e.occurred_at.as_deref(),
                        at_ms: bundle::instant(
                            e.at_ms,
                            e.occurred_at.as_deref().unwrap_or(&e.recorded_at),
                        ),
                        state: e.kind.initial_state(),
                        context: &e.context,
                        tags: &e.tags,
                        command: command.as_ref(),
                        output: e.output.as_deref(),
                        facts: Some(&entries::EntryFacts {
                            owner: e.owner.clone(),
                            due: e.due.clone(),
                            ticket: e.ticket.clone(),
                            mark: e.mark,
                        }),
                    },
                )
                .with_context(|| format!("cannot add entry {}", e.uuid))?;
                local.insert(e.uuid.clone(), number);
                touched.insert(number);
                report.entries_added += 1;
                number
            }
        };
        for a in &e.attachments {
            let bytes = bundle::decode(a)?;
            let added = conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO attachment (entry, name, size, sha256, content) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![number, a.name, bytes.len() as i64, a.sha256, bytes])?;
            if known {
                report.attachments_added += added;
            }
        }
    }

    for e in &ordered {
        let Some(&source) = local.get(&e.uuid) else {
            continue;
        };
        for link in &e.links {
            let target_uuid = match &link.target_uuid {
                Some(u) => Some(u.as_str()),
                None => by_bundle_number.get(&link.target).copied(),
            };
            let Some(&target) = target_uuid.and_then(|u| local.get(u)) else {
                continue;
            };
            // Removed here or there: its tombstone keeps it out.
            if changes::link_removed(conn, &link.uuid)? {
                continue;
            }
            if entries::insert_link(conn, &link.uuid, source, link.link_type, target)? {
                report.links_added += 1;
            }
        }

        // Text: the side whose latest edit is later wins (both histories are kept).
        let local_latest: Option<(i64, String)> = conn
            .prepare_cached(
                "SELECT edited_ms, uuid FROM entry_history WHERE entry = +?1 ORDER BY edited_ms DESC, uuid DESC LIMIT 1",
            )?
            .query_row([source], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let bundle_latest: Option<(i64, String)> = e
            .history
            .iter()
            .map(|h| (bundle::instant(h.edited_ms, &h.edited_at), h.uuid.clone()))
            .max();
        for h in &e.history {
            let added = conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO entry_history (uuid, entry, text, edited_at, edited_ms, author)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    h.uuid,
                    source,
                    h.text,
                    h.edited_at,
                    bundle::instant(h.edited_ms, &h.edited_at),
                    h.author
                ])?;
            report.edits_added += added;
        }
        if bundle_latest.is_some() && bundle_latest > local_latest {
            conn.prepare_cached("UPDATE entry SET text = ?1 WHERE number = ?2 AND text <> ?1")?
                .execute(params![e.text, source])?;
        }

        for s in &e.states {
            let added = conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO state_change (uuid, entry, state, at, at_ms, author)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    s.uuid,
                    source,
                    s.state.as_str(),
                    s.at,
                    bundle::instant(s.at_ms, &s.at),
                    s.author
                ])?;
            if added > 0 {
                report.state_changes_added += added;
                touched.insert(source);
            }
        }
    }
    for number in touched {
        entries::refresh_state(conn, number)?;
    }
    // Changes after writing come last: an unlink must find its link, a claim the states.
    for e in &ordered {
        let Some(&entry) = local.get(&e.uuid) else {
            continue;
        };
        for c in &e.changes {
            let added = changes::insert_change(
                conn,
                &changes::NewChange {
                    uuid: &c.uuid,
                    entry,
                    op: c.op,
                    value: c.value.as_deref(),
                    previous: c.previous.as_deref(),
                    at: &c.at,
                    at_ms: bundle::instant(c.at_ms, &c.at),
                    author: &c.author,
                },
            )?;
            if added {
                report.changes_added += 1;
            }
        }
    }

    let case = &bundle.case.info;
    if fresh {
        conn.execute(
            "UPDATE case_meta SET state = ?1, closed_at = ?2, summary = ?3, impact = ?4,
                 root_cause = ?5, fix = ?6, lessons = ?7 WHERE id = 1",
            params![
                case.state.as_str(),
                case.closed_at,
                case.summary,
                case.impact,
                case.root_cause,
                case.fix,
                case.lessons
            ],
        )?;
    }
    lifecycle::add_tickets_and_tags(conn, &case.tickets, &case.tags)?;
    for event in &bundle.case.events {
        if lifecycle::insert_event(conn, event, bundle::instant(event.at_ms, &event.at))? {
            report.case_events_added += 1;
        }
    }
    if report.case_events_added > 0 {
        lifecycle::refresh_case(conn)?;
    }
    Ok(report)
}

/// The UUID of the case in an open case file.
pub fn case_uuid(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT uuid FROM case_meta WHERE id = 1", [], |r| r.get(0))
        .optional()?)
}
