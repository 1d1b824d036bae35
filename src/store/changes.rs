//! Changes to an entry after it was written: pin/unpin, claim/unclaim, retract/unretract,
//! `edit --at` and unlink (schema v4).
//!
//! Each change is a row of `entry_change` with a UUID of its own, so two people's changes merge
//! by union like state changes do. The entry's columns (`pinned`, `retracted`, `claimed_by`,
//! `claimed_at`, `occurred_at`/`at_ms`) cache the outcome, recomputed by [`refresh_changes`]
//! from the latest change of each pair (by instant, then UUID, so every home picks the same
//! one). An unlink deletes the link row; its change row is the tombstone that keeps a merge
//! from bringing the link back.

use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension};

use crate::model::{ChangeItem, ChangeOp, Entry, Kind};
use crate::store::entries;

/// A change about to be recorded.
#[derive(Debug, Clone)]
pub struct NewChange<'a> {
    pub uuid: &'a str,
    pub entry: i64,
    pub op: ChangeOp,
    pub value: Option<&'a str>,
    pub previous: Option<&'a str>,
    pub at: &'a str,
    pub at_ms: i64,
    pub author: &'a str,
}

/// Record a change and bring the entry's cached columns up to date. Returns false when a
/// change with this UUID was already there (a merge seeing it again).
pub fn insert_change(conn: &Connection, c: &NewChange<'_>) -> Result<bool> {
    let added = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO entry_change (uuid, entry, op, value, previous, at, at_ms, author)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            c.uuid,
            c.entry,
            c.op.as_str(),
            c.value,
            c.previous,
            c.at,
            c.at_ms,
            c.author
        ])?;
    if added == 0 {
        return Ok(false);
    }
    if c.op == ChangeOp::Unlink {
        if let Some(link) = c.value {
            conn.prepare_cached("DELETE FROM link WHERE uuid = ?1")?
                .execute([link])?;
        }
    }
    refresh_changes(conn, c.entry)?;
    Ok(true)
}

/// Pin an entry in the transaction that writes it (`note --pin`, `new -d`).
pub fn pin_new(
    conn: &Connection,
    uuid: &str,
    entry: i64,
    at: &str,
    at_ms: i64,
    author: &str,
) -> Result<bool> {
    insert_change(
        conn,
        &NewChange {
            uuid,
            entry,
            op: ChangeOp::Pin,
            value: None,
            previous: None,
            at,
            at_ms,
            author,
        },
    )
}

/// Whether a link was removed (a merge must not add it again).
pub fn link_removed(conn: &Connection, link_uuid: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM entry_change WHERE op = 'unlink' AND value = ?1 LIMIT 1")?
        .query_row([link_uuid], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The latest change of a pair: (op, value, at, at_ms, author).
type Latest = (ChangeOp, Option<String>, String, i64, String);

/// The latest change of `ops` for an entry.
fn latest(conn: &Connection, entry: i64, ops: [ChangeOp; 2]) -> Result<Option<Latest>> {
    let row = conn
        .prepare_cached(
            "SELECT op, value, at, at_ms, author FROM entry_change
             WHERE entry = +?1 AND op IN (?2, ?3) ORDER BY at_ms DESC, uuid DESC LIMIT 1",
        )?
        .query_row(params![entry, ops[0].as_str(), ops[1].as_str()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
            ))
        })
        .optional()?;
    Ok(row.and_then(|(op, value, at, at_ms, author)| {
        Some((ChangeOp::parse(&op)?, value, at, at_ms, author))
    }))
}

/// Recompute an entry's cached columns from its changes (and its state changes, which end a
/// claim). Keeps the entry counts right when the entry is retracted or brought back.
pub fn refresh_changes(conn: &Connection, entry: i64) -> Result<()> {
    let Some((kind, state)) = entries::kind_and_state(conn, entry)? else {
        return Ok(());
    };
    let was_retracted = entries::is_retracted(conn, entry)?;
    let pinned = matches!(
        latest(conn, entry, [ChangeOp::Pin, ChangeOp::Unpin])?,
        Some((ChangeOp::Pin, ..))
    );
    let retracted = matches!(
        latest(conn, entry, [ChangeOp::Retract, ChangeOp::Unretract])?,
        Some((ChangeOp::Retract, ..))
    );
    // A claim holds until unclaimed or until the hypothesis/action is settled after it.
    let claim = match latest(conn, entry, [ChangeOp::Claim, ChangeOp::Unclaim])? {
        Some((ChangeOp::Claim, _, at, at_ms, author)) => {
            let settled_after: bool = conn
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM state_change WHERE entry = +?1 AND at_ms >= ?2
                         AND state IN ('confirmed', 'refuted', 'done'))",
                )?
                .query_row(params![entry, at_ms], |r| r.get(0))?;
            (!settled_after).then_some((author, at))
        }
        _ => None,
    };
    conn.prepare_cached(
        "UPDATE entry SET pinned = ?2, retracted = ?3, claimed_by = ?4, claimed_at = ?5
         WHERE number = +?1",
    )?
    .execute(params![
        entry,
        pinned,
        retracted,
        claim.as_ref().map(|c| &c.0),
        claim.as_ref().map(|c| &c.1)
    ])?;
    if let Some((_, Some(when), ..)) = latest(conn, entry, [ChangeOp::At, ChangeOp::At])? {
        if let Ok(t) = crate::time::parse_stored(&when) {
            conn.prepare_cached(
                "UPDATE entry SET occurred_at = ?2, at_ms = ?3 WHERE number = +?1",
            )?
            .execute(params![entry, when, crate::time::unix_ms(&t)])?;
        }
    }
    if retracted != was_retracted {
        let delta = if retracted { -1 } else { 1 };
        let author = entries::author_of(conn, entry)?.unwrap_or_default();
        entries::count_entry(conn, kind, state, &author, 0, delta)?;
    }
    Ok(())
}

/// An entry's changes, oldest first (for `show` and JSON).
pub fn load_changes(conn: &Connection, entry: &mut Entry) -> Result<()> {
    entry.changes = conn
        .prepare_cached(
            "SELECT op, value, previous, at, author FROM entry_change
             WHERE entry = +?1 ORDER BY at_ms, uuid",
        )?
        .query_map([entry.number], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .filter_map(|row| match row {
            Ok((op, value, previous, at, author)) => ChangeOp::parse(&op).map(|op| {
                Ok(ChangeItem {
                    op,
                    value,
                    previous,
                    at,
                    author,
                })
            }),
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// The links between two entries, either way: (link uuid, source, type, target).
pub fn links_between(conn: &Connection, a: i64, b: i64) -> Result<Vec<(String, i64, String, i64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT uuid, source, type, target FROM link
             WHERE (source = +?1 AND target = +?2) OR (source = +?2 AND target = +?1)
             ORDER BY rowid",
        )?
        .query_map(params![a, b], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Whether claims make sense for this kind (hypotheses and actions are worked on).
pub fn claimable(kind: Kind) -> bool {
    matches!(kind, Kind::Hypothesis | Kind::Action)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Context;
    use crate::store::entries::NewEntry;

    fn case() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::schema::migrate(&mut conn, "mem").unwrap();
        let context = Context::default();
        for (i, kind) in [Kind::Hypothesis, Kind::Evidence].into_iter().enumerate() {
            entries::insert_entry(
                &conn,
                &NewEntry {
                    uuid: &format!("00000000-0000-7000-8000-00000000000{i}"),
                    kind,
                    text: "t",
                    author: "a",
                    recorded_at: "2026-12-01T10:00:00+00:00",
                    occurred_at: None,
                    at_ms: 0,
                    state: kind.initial_state(),
                    context: &context,
                    tags: &[],
                    command: None,
                    output: None,
                    facts: None,
                },
            )
            .unwrap();
        }
        conn
    }

    fn change(conn: &Connection, uuid: &str, op: ChangeOp, at_ms: i64) -> bool {
        insert_change(
            conn,
            &NewChange {
                uuid,
                entry: 1,
                op,
                value: None,
                previous: None,
                at: "2026-12-01T10:00:00+00:00",
                at_ms,
                author: "a",
            },
        )
        .unwrap()
    }

    fn pinned(conn: &Connection) -> bool {
        conn.query_row("SELECT pinned FROM entry WHERE number = 1", [], |r| {
            r.get(0)
        })
        .unwrap()
    }

    #[test]
    fn the_latest_change_wins_whatever_order_they_arrive_in() {
        // Two homes: pin at t=2, unpin at t=1 (made concurrently elsewhere, arriving later).
        let a = case();
        change(&a, "u-pin", ChangeOp::Pin, 2);
        change(&a, "u-unpin", ChangeOp::Unpin, 1);
        let b = case();
        change(&b, "u-unpin", ChangeOp::Unpin, 1);
        change(&b, "u-pin", ChangeOp::Pin, 2);
        assert!(pinned(&a) && pinned(&b));
        // Same instant: the UUID decides, the same way everywhere.
        let c = case();
        change(&c, "u-2", ChangeOp::Unpin, 5);
        change(&c, "u-1", ChangeOp::Pin, 5);
        assert!(!pinned(&c));
        // Seeing a change again adds nothing.
        assert!(!change(&c, "u-1", ChangeOp::Pin, 5));
    }

    #[test]
    fn retracting_takes_the_entry_out_of_its_count_and_back() {
        let conn = case();
        let open =
            || entries::count_of(&conn, Kind::Hypothesis, crate::model::State::Open).unwrap();
        assert_eq!(open(), 1);
        change(&conn, "r1", ChangeOp::Retract, 1);
        assert_eq!(open(), 0);
        // A state change while retracted does not count it again.
        entries::insert_state_change(
            &conn,
            "s1",
            1,
            crate::model::State::Confirmed,
            "2026-12-01T10:00:00+00:00",
            2,
            "a",
        )
        .unwrap();
        assert_eq!(open(), 0);
        change(&conn, "r2", ChangeOp::Unretract, 3);
        assert_eq!(open(), 0);
        assert_eq!(
            entries::count_of(&conn, Kind::Hypothesis, crate::model::State::Confirmed).unwrap(),
            1
        );
    }

    #[test]
    fn an_unlinked_link_stays_removed() {
        let conn = case();
        entries::insert_link(&conn, "l1", 2, crate::model::LinkType::Supports, 1).unwrap();
        insert_change(
            &conn,
            &NewChange {
                uuid: "c1",
                entry: 2,
                op: ChangeOp::Unlink,
                value: Some("l1"),
                previous: Some("#2 supports #1"),
                at: "2026-12-01T10:00:00+00:00",
                at_ms: 1,
                author: "a",
            },
        )
        .unwrap();
        assert!(links_between(&conn, 1, 2).unwrap().is_empty());
        assert!(link_removed(&conn, "l1").unwrap());
        assert!(!link_removed(&conn, "l2").unwrap());
    }
}
