//! Numbers that agree across homes, and short ids.
//!
//! An entry's number is its rank in the case by `(seq, uuid)`, where `seq` is an ordering key
//! written once with the entry and carried in bundles (schema: `numbering_keys_and_mentions`).
//! Numbering is therefore a function of the *set* of entries: two homes that hold the same
//! entries number them alike, whatever order they learnt them in.
//!
//! - A local write takes `seq = max(now_ms, highest seq + 1)` (a Lamport clock on the wall
//!   clock): it sorts after everything the writer has seen, so it takes `max(number) + 1` and
//!   nothing is renumbered. The highest seq is the highest number's row, so the write path
//!   still reads one row.
//! - A merge inserts the incoming entries at their rank; the entries that sort below every
//!   incoming one (everything from before the fork) keep their numbers, and only the tail the
//!   incoming entries sort into is renumbered ([`renumber`]), every table that holds entry
//!   numbers in the same transaction.
//! - Should two homes disagree about an entry's key (files from before keys existed took
//!   `seq = number`, and numbers had diverged), the smaller key wins everywhere, so that too
//!   converges.

use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::invalid;
use crate::model::{EntryNumber, EntryRef};

/// The key of a new local entry: the wall clock, but above every key already in the case.
pub fn next_key(highest: i64, now_ms: i64) -> i64 {
    now_ms.max(highest.saturating_add(1))
}

/// The number and key of the case's last entry, `(0, 0)` for an empty case.
pub fn last(conn: &Connection) -> Result<(i64, i64)> {
    Ok(conn
        .prepare_cached("SELECT number, seq FROM entry ORDER BY number DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, 0)))
}

/// The current time in Unix ms.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Every (table, column) that holds entry numbers: the entry's own key and each column that
/// references it, found in the schema so a table added later is never left behind.
fn number_columns(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut columns = vec![("entry".to_string(), "number".to_string())];
    let rows = conn
        .prepare(
            "SELECT m.name, f.\"from\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
             WHERE m.type = 'table' AND f.\"table\" = 'entry' ORDER BY m.name, f.\"from\"",
        )?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    columns.extend(rows);
    Ok(columns)
}

/// Give entries new numbers: `moves` is (old, new) pairs, a bijection between the entries it
/// names and numbers that are free once they have moved. Runs inside the caller's transaction:
/// every number is shifted to a free (negative) range first, then to its place, so no unique
/// key clashes half-way; foreign keys are checked at commit.
pub fn renumber(conn: &Connection, moves: &[(i64, i64)]) -> Result<()> {
    if moves.is_empty() {
        return Ok(());
    }
    conn.execute_batch(
        "PRAGMA defer_foreign_keys = ON;
         CREATE TEMP TABLE IF NOT EXISTS renumber_move (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
         DELETE FROM temp.renumber_move;",
    )?;
    {
        let mut insert =
            conn.prepare_cached("INSERT INTO temp.renumber_move (old, new) VALUES (?1, ?2)")?;
        for (old, new) in moves {
            insert.execute(params![old, new])?;
        }
    }
    let columns = number_columns(conn)?;
    for (table, column) in &columns {
        conn.execute(
            &format!(
                "UPDATE \"{table}\" SET \"{column}\" = -\"{column}\"
                 WHERE \"{column}\" IN (SELECT old FROM temp.renumber_move)"
            ),
            [],
        )?;
    }
    for (table, column) in &columns {
        conn.execute(
            &format!(
                "UPDATE \"{table}\" SET \"{column}\" =
                     (SELECT new FROM temp.renumber_move WHERE old = -\"{table}\".\"{column}\")
                 WHERE \"{column}\" < 0"
            ),
            [],
        )?;
    }
    conn.execute("DELETE FROM temp.renumber_move", [])?;
    Ok(())
}

/// The UUIDs of the entries numbered `numbers` (those that exist): what to hold on to across
/// a merge, which may renumber them.
pub fn uuids_of(conn: &Connection, numbers: impl IntoIterator<Item = i64>) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT uuid FROM entry WHERE number = +?1")?;
    let mut out = Vec::new();
    for n in numbers {
        if let Some(uuid) = stmt.query_row([n], |r| r.get(0)).optional()? {
            out.push(uuid);
        }
    }
    Ok(out)
}

/// The fewest hex digits a displayed short id has (git shows 7; a v7 UUID's first 8 are
/// its minute, so fewer would rarely be unique anyway).
pub const SHORT_ID_MIN: usize = 8;

/// The short id of `uuid`: its shortest prefix that no other entry of the case shares, at
/// least [`SHORT_ID_MIN`] hex digits, and holding a letter so that it never reads as a number.
/// Two indexed lookups: the neighbours of `uuid` in UUID order are the only prefixes that
/// could clash.
pub fn short_id(conn: &Connection, uuid: &str) -> Result<String> {
    let before: Option<String> = conn
        .prepare_cached("SELECT uuid FROM entry WHERE uuid < ?1 ORDER BY uuid DESC LIMIT 1")?
        .query_row([uuid], |r| r.get(0))
        .optional()?;
    let after: Option<String> = conn
        .prepare_cached("SELECT uuid FROM entry WHERE uuid > ?1 ORDER BY uuid LIMIT 1")?
        .query_row([uuid], |r| r.get(0))
        .optional()?;
    Ok(shortest_unique(
        uuid,
        [before.as_deref(), after.as_deref()].into_iter().flatten(),
    ))
}

/// The shortest prefix of `uuid` not shared with any of `others` (see [`short_id`]).
pub fn shortest_unique<'a>(uuid: &str, others: impl Iterator<Item = &'a str>) -> String {
    let common = others
        .map(|o| {
            uuid.bytes()
                .zip(o.bytes())
                .take_while(|(a, b)| a == b)
                .count()
        })
        .max()
        .unwrap_or(0);
    let mut end = 0;
    let mut hex = 0;
    let mut letter = false;
    for (i, b) in uuid.bytes().enumerate() {
        end = i + 1;
        if b == b'-' {
            continue;
        }
        hex += 1;
        letter |= b.is_ascii_alphabetic();
        if hex >= SHORT_ID_MIN && end > common && letter {
            break;
        }
    }
    uuid[..end].to_string()
}

/// The UUID prefix `hex` (digits only) with the hyphens of a canonical UUID put back.
fn canonical_prefix(hex: &str) -> String {
    let mut out = String::with_capacity(hex.len() + 4);
    for (i, c) in hex.chars().enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// What a short id matched.
pub enum Found {
    None,
    One(i64),
    /// Several entries: (number, uuid) of the first few.
    Many(Vec<(i64, String)>),
}

/// The entries whose UUID starts with the short id `hex`.
pub fn find_short(conn: &Connection, hex: &str) -> Result<Found> {
    let prefix = canonical_prefix(hex);
    // UUIDs hold only hex digits and `-`, all below `~`: this range is exactly the prefix.
    let upper = format!("{prefix}~");
    let rows = conn
        .prepare_cached(
            "SELECT number, uuid FROM entry WHERE uuid >= ?1 AND uuid < ?2 ORDER BY number LIMIT 6",
        )?
        .query_map(params![prefix, upper], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(i64, String)>>>()?;
    Ok(match rows.len() {
        0 => Found::None,
        1 => Found::One(rows[0].0),
        _ => Found::Many(rows),
    })
}

/// Resolve how the command line named an entry to its number in this case. A number is
/// returned as it is (the command checks that it exists and is of the right kind, with its
/// own message); a short id must match exactly one entry.
pub fn resolve(conn: &Connection, r: &EntryRef, slug: &str) -> Result<EntryNumber> {
    match r {
        EntryRef::Number(n) => Ok(*n),
        EntryRef::Short(hex) => match find_short(conn, hex)? {
            Found::One(n) => Ok(EntryNumber(n)),
            Found::None => Err(invalid(format!(
                "no entry of case `{slug}` has an id starting with `{hex}`; `casefile log` lists the entries"
            ))),
            Found::Many(rows) => {
                let list: Vec<String> = rows
                    .iter()
                    .take(5)
                    .map(|(n, u)| format!("#{n} ({u})"))
                    .collect();
                Err(invalid(format!(
                    "`{hex}` is ambiguous in case `{slug}`: it starts the ids of {}{}; give more of the id",
                    list.join(", "),
                    if rows.len() > 5 { ", …" } else { "" }
                )))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_clock_but_never_go_back() {
        assert_eq!(next_key(0, 1_700_000_000_000), 1_700_000_000_000);
        assert_eq!(
            next_key(1_800_000_000_000, 1_700_000_000_000),
            1_800_000_000_001
        );
        assert_eq!(next_key(5, 3), 6);
    }

    #[test]
    fn short_ids_are_unique_prefixes_with_a_letter() {
        let a = "0193a4f2-3b7c-7d00-8000-000000000001";
        let b = "0193a4f2-3b7c-7d00-8000-000000000002";
        assert_eq!(shortest_unique(a, [b].into_iter()), a);
        let c = "0193a4f2-3b7d-7000-8000-000000000000";
        assert_eq!(shortest_unique(a, [c].into_iter()), "0193a4f2-3b7c");
        assert_eq!(shortest_unique(a, std::iter::empty()), "0193a4f2");
        // Eight digits and no letter yet: go on to the first letter.
        let d = "01934512-3b7c-7d00-8000-000000000001";
        assert_eq!(shortest_unique(d, std::iter::empty()), "01934512-3b");
    }

    #[test]
    fn canonical_prefixes_put_hyphens_back() {
        assert_eq!(canonical_prefix("0193a4f2"), "0193a4f2");
        assert_eq!(canonical_prefix("0193a4f23b7c7"), "0193a4f2-3b7c-7");
    }
}
