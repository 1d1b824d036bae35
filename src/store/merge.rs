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
use crate::store::{changes, entries, lifecycle, mentions, numbering};

/// The one line that names renumbered entries, `(old, new)` pairs by old number:
/// `renumbered: #39→#40, #41-#45→#43-#47 (merged entries written concurrently)`, runs that
/// moved together written as ranges; `None` when no number changed.
pub fn renumber_notice(moves: &[(i64, i64)]) -> Option<String> {
    if moves.is_empty() {
        return None;
    }
    let mut runs: Vec<(i64, i64, i64)> = Vec::new(); // (first old, last old, shift)
    for &(old, new) in moves {
        match runs.last_mut() {
            Some((_, last, shift)) if *last + 1 == old && *shift == new - old => *last = old,
            _ => runs.push((old, old, new - old)),
        }
    }
    let parts: Vec<String> = runs
        .into_iter()
        .map(|(first, last, shift)| {
            if first == last {
                format!("#{first}→#{}", first + shift)
            } else {
                format!("#{first}-#{last}→#{}-#{}", first + shift, last + shift)
            }
        })
        .collect();
    Some(format!(
        "renumbered: {} (merged entries written concurrently)",
        parts.join(", ")
    ))
}

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
    /// Local entries whose number changed, as (old, new), by old number: entries written
    /// concurrently elsewhere sorted in before them.
    pub renumbered: Vec<(i64, i64)>,
}

impl MergeReport {
    /// The one line that names the renumbered entries (`renumbered: #39→#40, #40→#41 (…)`),
    /// runs that moved together written as ranges; `None` when no number changed. For the
    /// import and sync commands to print on stderr.
    pub fn renumber_notice(&self) -> Option<String> {
        renumber_notice(&self.renumbered)
    }

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
    let by_bundle_number: HashMap<i64, &str> = bundle
        .entries
        .iter()
        .map(|e| (e.number, e.uuid.as_str()))
        .collect();
    let placed = place(conn, bundle)?;
    report.renumbered = placed.moves.clone();
    let local = placed.numbers;

    let mut ordered: Vec<&bundle::BundleEntry> = bundle.entries.iter().collect();
    ordered.sort_by_key(|e| e.number);
    let mut touched: BTreeSet<i64> = BTreeSet::new();
    // Texts that arrive with the exporting home's numbers in their mentions.
    let mut to_rewrite: Vec<String> = Vec::new();

    for e in &ordered {
        let new = placed.new.get(&e.uuid);
        let number = match new {
            None => {
                let n = local
                    .get(&e.uuid)
                    .copied()
                    .context("an entry lost its place")?;
                report.entries_known += 1;
                for tag in &e.tags {
                    conn.prepare_cached(
                        "INSERT OR IGNORE INTO entry_tag (entry, tag) VALUES (?1, ?2)",
                    )?
                    .execute(params![n, tag.trim()])?;
                }
                n
            }
            Some(&(number, seq)) => {
                let command: Option<CommandInfo> = e.command.clone();
                entries::insert_entry_numbered(
                    conn,
                    number,
                    seq,
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
            if new.is_none() {
                report.attachments_added += added;
            }
        }
    }
    for e in &ordered {
        if placed.new.contains_key(&e.uuid) && !e.mentions.is_empty() {
            mentions::replace(conn, &e.uuid, &e.text, &from_bundle(&e.mentions))?;
            to_rewrite.push(e.uuid.clone());
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
            if added > 0 && !h.mentions.is_empty() {
                mentions::replace(conn, &h.uuid, &h.text, &from_bundle(&h.mentions))?;
                to_rewrite.push(h.uuid.clone());
            }
        }
        if bundle_latest.is_some() && bundle_latest > local_latest {
            conn.prepare_cached("UPDATE entry SET text = ?1 WHERE number = ?2 AND text <> ?1")?
                .execute(params![e.text, source])?;
            // The text is the bundle's now, and so are its mentions.
            mentions::replace(conn, &e.uuid, &e.text, &from_bundle(&e.mentions))?;
            to_rewrite.push(e.uuid.clone());
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
                // The text with mentions: an unlink's description, else a reason.
                let text = c.previous.as_ref().or(c.value.as_ref());
                if let (Some(text), false) = (text, c.mentions.is_empty()) {
                    mentions::replace(conn, &c.uuid, text, &from_bundle(&c.mentions))?;
                    to_rewrite.push(c.uuid.clone());
                }
            }
        }
    }
    // Texts that mention a renumbered entry show its new number.
    to_rewrite.extend(mentions::sources_naming(conn, &placed.moved_uuids)?);
    to_rewrite.sort();
    to_rewrite.dedup();
    for source in &to_rewrite {
        mentions::rewrite(conn, source)?;
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

fn from_bundle(list: &[bundle::BundleMention]) -> Vec<mentions::Mention> {
    list.iter()
        .map(|m| mentions::Mention {
            start: m.start,
            len: m.len,
            target: m.target.clone(),
        })
        .collect()
}

/// Where the merged entries go (see `store::numbering`).
struct Placement {
    /// Every entry's number once merged, by UUID, local and new.
    numbers: HashMap<String, i64>,
    /// The new entries' numbers and keys, by UUID.
    new: HashMap<String, (i64, i64)>,
    /// Local entries whose number changed, (old, new), by old number.
    moves: Vec<(i64, i64)>,
    /// Their UUIDs.
    moved_uuids: Vec<String>,
}

/// Rank the incoming entries among the local ones by `(seq, uuid)`: record the keys that
/// drop (an entry both homes hold under different keys takes the smaller), renumber the local
/// tail the incoming entries sort into, and say which numbers the new entries take. Entries
/// below every incoming key keep their numbers; nothing is inserted yet.
fn place(conn: &Connection, bundle: &Bundle) -> Result<Placement> {
    // uuid -> (number, seq)
    let mut local: HashMap<String, (i64, i64)> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT uuid, number, seq FROM entry")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (uuid, number, seq) = row?;
            local.insert(uuid, (number, seq));
        }
    }
    // The lowest key anything changes at: below it, every number stays.
    let mut lowest: Option<(i64, &str)> = None;
    fn lower<'a>(key: (i64, &'a str), lowest: &mut Option<(i64, &'a str)>) {
        if lowest.is_none_or(|l| key < l) {
            *lowest = Some(key);
        }
    }
    let mut incoming: Vec<(i64, &str)> = Vec::new();
    let mut dropped: Vec<(&str, i64)> = Vec::new();
    for e in &bundle.entries {
        // A bundle from before keys existed: its numbers are what its home's keys became.
        let key = e.seq.unwrap_or(e.number);
        match local.get(e.uuid.as_str()) {
            None => {
                lower((key, &e.uuid), &mut lowest);
                incoming.push((key, &e.uuid));
            }
            Some(&(_, seq)) if key < seq => {
                lower((key, &e.uuid), &mut lowest);
                lower((seq, &e.uuid), &mut lowest);
                dropped.push((&e.uuid, key));
            }
            Some(_) => {}
        }
    }
    let mut numbers: HashMap<String, i64> =
        local.iter().map(|(u, (n, _))| (u.clone(), *n)).collect();
    let Some(lowest) = lowest else {
        return Ok(Placement {
            numbers,
            new: HashMap::new(),
            moves: Vec::new(),
            moved_uuids: Vec::new(),
        });
    };
    for (uuid, key) in &dropped {
        if let Some(entry) = local.get_mut(*uuid) {
            entry.1 = *key;
        }
        conn.prepare_cached("UPDATE entry SET seq = ?1 WHERE uuid = ?2")?
            .execute(params![key, uuid])?;
    }
    let mut base = 0;
    // (key, uuid, local number)
    let mut tail: Vec<(i64, &str, Option<i64>)> = Vec::new();
    for (uuid, &(number, seq)) in &local {
        if (seq, uuid.as_str()) < lowest {
            base = base.max(number);
        } else {
            tail.push((seq, uuid, Some(number)));
        }
    }
    tail.extend(incoming.iter().map(|&(key, uuid)| (key, uuid, None)));
    tail.sort_unstable();
    let mut new = HashMap::new();
    let mut moves = Vec::new();
    let mut moved_uuids = Vec::new();
    for (i, (key, uuid, old)) in tail.into_iter().enumerate() {
        let number = base + 1 + i as i64;
        match old {
            Some(old) if old != number => {
                moves.push((old, number));
                moved_uuids.push(uuid.to_string());
                numbers.insert(uuid.to_string(), number);
            }
            Some(_) => {}
            None => {
                new.insert(uuid.to_string(), (number, key));
                numbers.insert(uuid.to_string(), number);
            }
        }
    }
    moves.sort_unstable();
    numbering::renumber(conn, &moves)?;
    Ok(Placement {
        numbers,
        new,
        moves,
        moved_uuids,
    })
}
