//! What changed in a case file since a mark: the local half of `sync`'s "cost grows with the
//! change, not the case".
//!
//! A mark is, for every table that has rowids, its largest rowid and its row count. Everything
//! a case records is an appended row (an entry, a state change, an edit's history row, a link,
//! a case event, a change…), and whatever rewrites a row in place (an entry's text or cached
//! state) does so beside an appended row that names the entry. So the entries changed since a
//! mark are those appended since, and those named (through a foreign key to `entry`) by rows
//! appended since; a case-level table that grew means the case record changed. The tables are
//! read from the schema, so tables added by later migrations are covered without a change
//! here. When the counts say rows went away or were renumbered (a row count that does not match
//! the rows appended), the answer is "everything", and the caller sends the whole case.
//!
//! `WITHOUT ROWID` tables are left out: `entry_count` is derived, and `entry_tag` only grows
//! with a new entry or a merge (no command tags an existing entry).

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// Per table: the largest rowid and the row count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks(pub BTreeMap<String, (i64, i64)>);

/// What changed since a mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// These entries (by number) and, when `case` is set, the case record and its events.
    Some { entries: BTreeSet<i64>, case: bool },
    /// Rows went away or moved: treat the whole case as changed.
    Everything,
}

impl Changed {
    pub fn is_nothing(&self) -> bool {
        matches!(self, Changed::Some { entries, case: false } if entries.is_empty())
    }
}

/// A rowid table and its columns that refer to `entry`.
struct Table {
    name: String,
    entry_refs: Vec<String>,
}

/// The rowid tables, by name, with their columns that refer to `entry`: one statement over
/// the schema SQLite has already parsed (a statement per table cost more than the counting).
fn tables(conn: &Connection) -> Result<Vec<Table>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name, f.\"from\" FROM pragma_table_list AS t
             LEFT JOIN pragma_foreign_key_list(t.name) AS f ON f.\"table\" = 'entry'
         WHERE t.schema = 'main' AND t.type = 'table' AND t.wr = 0
             AND t.name NOT LIKE 'sqlite_%'
         ORDER BY t.name",
    )?;
    let mut out: Vec<Table> = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let name: String = row.get(0)?;
        let column: Option<String> = row.get(1)?;
        if out.last().is_none_or(|t| t.name != name) {
            out.push(Table {
                name,
                entry_refs: Vec::new(),
            });
        }
        if let (Some(column), Some(table)) = (column, out.last_mut()) {
            table.entry_refs.push(column);
        }
    }
    Ok(out)
}

/// Quote a table or column name read from the schema.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The mark of the case as it is now.
pub fn marks(conn: &Connection) -> Result<Marks> {
    let tables = tables(conn)?;
    let counts = max_and_count(conn, &tables)?;
    Ok(Marks(
        tables.into_iter().map(|t| t.name).zip(counts).collect(),
    ))
}

fn counts_sql(tables: &[Table]) -> String {
    let columns: Vec<String> = tables
        .iter()
        .map(|t| {
            let table = ident(&t.name);
            format!("(SELECT max(rowid) FROM {table}), (SELECT count(*) FROM {table})")
        })
        .collect();
    format!("SELECT {}", columns.join(", "))
}

/// Each table's largest rowid and row count, in one statement.
fn max_and_count(conn: &Connection, tables: &[Table]) -> Result<Vec<(i64, i64)>> {
    if tables.is_empty() {
        return Ok(Vec::new());
    }
    // Separate scalar subqueries, because each keeps SQLite's shortcut: `max(rowid)` reads the
    // last row of the table's b-tree, `count(*)` sums the cells of its pages (asked together in
    // one SELECT they step through every row). One statement, because preparing two per table
    // cost more than running them.
    let mut stmt = conn.prepare_cached(&counts_sql(tables))?;
    let values = stmt.query_row([], |r| {
        (0..tables.len())
            .map(|i| {
                let max: Option<i64> = r.get(2 * i)?;
                Ok((max.unwrap_or(0), r.get(2 * i + 1)?))
            })
            .collect::<rusqlite::Result<Vec<(i64, i64)>>>()
    })?;
    Ok(values)
}

/// What changed since `old`, and the mark of the case now.
pub fn since(conn: &Connection, old: &Marks) -> Result<(Changed, Marks)> {
    let mut entries = BTreeSet::new();
    let mut case = false;
    let mut everything = false;
    let mut now = BTreeMap::new();
    let tables = tables(conn)?;
    let counts = max_and_count(conn, &tables)?;
    for (table, (max, count)) in tables.into_iter().zip(counts) {
        let (old_max, old_count) = old.0.get(&table.name).copied().unwrap_or((0, 0));
        now.insert(table.name.clone(), (max, count));
        if (max, count) == (old_max, old_count) || everything {
            continue;
        }
        let quoted = ident(&table.name);
        let appended: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {quoted} WHERE rowid > ?1"),
            [old_max],
            |r| r.get(0),
        )?;
        if count - old_count != appended {
            everything = true;
            continue;
        }
        let mut columns: Vec<String> = table.entry_refs.iter().map(|c| ident(c)).collect();
        if table.name == "entry" {
            // `number` is the rowid of `entry`.
            columns.push("rowid".into());
        }
        if columns.is_empty() {
            case = true;
            continue;
        }
        for column in columns {
            let mut stmt = conn.prepare(&format!(
                "SELECT DISTINCT {column} FROM {quoted} WHERE rowid > ?1 AND {column} IS NOT NULL"
            ))?;
            let rows = stmt.query_map([old_max], |r| r.get::<_, i64>(0))?;
            for n in rows {
                entries.insert(n?);
            }
        }
    }
    let changed = if everything {
        Changed::Everything
    } else {
        Changed::Some { entries, case }
    };
    Ok((changed, Marks(now)))
}

/// The numbers of entries with these UUIDs (those not in the case are left out).
pub fn numbers_of(conn: &Connection, uuids: &[&str]) -> Result<BTreeMap<String, i64>> {
    let mut out = BTreeMap::new();
    let mut stmt = conn.prepare_cached("SELECT number FROM entry WHERE uuid = ?1")?;
    for uuid in uuids {
        if let Some(n) = stmt.query_row([uuid], |r| r.get(0)).optional()? {
            out.insert(uuid.to_string(), n);
        }
    }
    Ok(out)
}

/// The bytes of an attachment by SHA-256, from whichever entry holds them (for sync: a
/// fetched entry may name bytes this case already has).
pub fn attachment_bytes(conn: &Connection, sha256: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT content FROM attachment WHERE sha256 = ?1 LIMIT 1")?
        .query_row([sha256], |r| r.get(0))
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::schema::migrate(&mut conn, "mem").unwrap();
        conn.execute_batch(
            "INSERT INTO case_meta (id, uuid, slug, title, opened_at) VALUES (1, 'u', 's', 'T', '2026-01-01T00:00:00Z');
             INSERT INTO entry (number, uuid, kind, text, author, recorded_at, at_ms) VALUES
               (1, 'a', 'note', 'one', 'x', '2026-01-01T00:00:00Z', 1),
               (2, 'b', 'hypothesis', 'two', 'x', '2026-01-01T00:00:00Z', 2);",
        )
        .unwrap();
        conn
    }

    #[test]
    fn nothing_changed_is_nothing() {
        let conn = case();
        let mark = marks(&conn).unwrap();
        let (changed, again) = since(&conn, &mark).unwrap();
        assert!(changed.is_nothing(), "{changed:?}");
        assert_eq!(again, mark);
    }

    #[test]
    fn new_entries_and_rows_naming_old_entries_are_found() {
        let conn = case();
        let mark = marks(&conn).unwrap();
        conn.execute_batch(
            "INSERT INTO entry (number, uuid, kind, text, author, recorded_at, at_ms) VALUES
               (3, 'c', 'note', 'three', 'x', '2026-01-01T00:00:00Z', 3);
             INSERT INTO state_change (uuid, entry, state, at, at_ms, author) VALUES
               ('s', 2, 'confirmed', '2026-01-01T00:00:00Z', 4, 'x');",
        )
        .unwrap();
        let (changed, _) = since(&conn, &mark).unwrap();
        assert_eq!(
            changed,
            Changed::Some {
                entries: [2, 3].into_iter().collect(),
                case: false
            }
        );
    }

    #[test]
    fn a_case_event_changes_the_case_and_a_deletion_changes_everything() {
        let conn = case();
        let mark = marks(&conn).unwrap();
        conn.execute(
            "INSERT INTO case_event (uuid, state, at, at_ms, author) VALUES ('e', 'closed', 'x', 1, 'x')",
            [],
        )
        .unwrap();
        let (changed, mark) = since(&conn, &mark).unwrap();
        assert_eq!(
            changed,
            Changed::Some {
                entries: BTreeSet::new(),
                case: true
            }
        );
        conn.execute("DELETE FROM entry WHERE number = 1", [])
            .unwrap();
        let (changed, _) = since(&conn, &mark).unwrap();
        assert_eq!(changed, Changed::Everything);
    }

    #[test]
    fn the_mark_reads_every_rowid_table_by_its_shortcuts() {
        let conn = case();
        let tables = tables(&conn).unwrap();
        let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        assert!(
            names.contains(&"entry") && names.contains(&"case_meta"),
            "{names:?}"
        );
        assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted: {names:?}");
        // A table referring to `entry` through two columns lists both.
        let link = tables.iter().find(|t| t.name == "link").unwrap();
        assert!(link.entry_refs.len() >= 2, "{:?}", link.entry_refs);
        let case_meta = tables.iter().find(|t| t.name == "case_meta").unwrap();
        assert!(case_meta.entry_refs.is_empty());
        // The counts agree with plain queries.
        let counts = max_and_count(&conn, &tables).unwrap();
        let entry = names.iter().position(|n| *n == "entry").unwrap();
        assert_eq!(counts[entry], (2, 2));
        // No table is stepped through row by row: one `Count` and one `Last` per table, and no
        // loop (`Next`) in the program.
        let mut stmt = conn
            .prepare(&format!("EXPLAIN {}", counts_sql(&tables)))
            .unwrap();
        let ops: Vec<String> = stmt
            .query_map([], |r| r.get::<_, String>(1))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let count = |op: &str| ops.iter().filter(|o| *o == op).count();
        assert_eq!(count("Count"), tables.len(), "{ops:?}");
        assert_eq!(count("Last"), tables.len(), "{ops:?}");
        assert_eq!(count("Next"), 0, "{ops:?}");
    }
}
