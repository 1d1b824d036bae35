//! The activity index for `minutes`: one derived SQLite file, `<home>/activity.sqlite`, with a
//! row for everything a person did in any case (wrote an entry, confirmed, refuted, marked
//! done, opened or closed a case), kept up to date exactly like the search index: at read
//! time, re-reading only the case files whose signature (inode, size, mtime of the file and its
//! `-wal`) changed. Writes stay untouched; the file can be deleted at any time.
//!
//! `minutes` asks, per person, case and kind of activity, "how many in the period, and which
//! are the newest few": rows are grouped by an index on `(author, case, what, at_ms)` and a
//! summary table lists the groups, so a report is a few thousand index seeks whatever the
//! size of the cases, instead of a walk over every entry of every case.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Context as _, Result};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::home::{make_private, Home};
use crate::model::first_line_cut;
use crate::store::search_index::signature;
use crate::store::CaseStore;

const INDEX_VERSION: i64 = 1;
/// `PRAGMA application_id`: "CFAC".
const INDEX_APP_ID: i32 = 0x4346_4143;
/// How much of an entry's first line the index keeps (what minutes show).
pub const HEADLINE_LEN: usize = 120;

/// What a person did, as a row of the index.
pub const WHAT: [&str; 14] = [
    "opened",
    "closed",
    "hypothesis",
    "confirmed",
    "refuted",
    "dead-end",
    "evidence",
    "run",
    "event",
    "commit",
    "note",
    "action",
    "done",
    "open-action",
];

/// A case as the index knows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct IndexedCase {
    #[serde(skip)]
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub state: String,
    pub opened_at: String,
    #[serde(skip)]
    pub opened_ms: i64,
}

/// One thing done, as minutes list it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Item {
    /// The entry's number (none for opening or closing the case).
    pub number: Option<i64>,
    pub at: String,
    pub text: String,
}

/// One kind of activity of one person in one case: how many in the period, the newest few.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Group {
    pub what: String,
    pub count: i64,
    pub newest: Vec<Item>,
}

/// The open index.
pub struct ActivityIndex {
    conn: Connection,
    home: Home,
}

impl ActivityIndex {
    pub fn path(home: &Home) -> PathBuf {
        home.root().join("activity.sqlite")
    }

    /// Open (or create, or rebuild when unreadable or of another version) the index.
    pub fn open(home: &Home) -> Result<ActivityIndex> {
        home.ensure()?;
        make_private();
        let path = ActivityIndex::path(home);
        let conn = match open_checked(&path) {
            Ok(conn) => conn,
            Err(_) => {
                // Derived data: start over.
                for suffix in ["", "-journal", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    std::fs::remove_file(p).ok();
                }
                open_checked(&path).with_context(|| {
                    format!("cannot create the activity index {}", path.display())
                })?
            }
        };
        Ok(ActivityIndex {
            conn,
            home: home.clone(),
        })
    }

    /// Bring the index up to date with every case file; warnings name unreadable cases.
    pub fn sync(&mut self) -> Result<Vec<String>> {
        let slugs = self.home.slugs()?;
        let known: HashMap<String, String> = self
            .conn
            .prepare_cached("SELECT slug, sig FROM indexed_case")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let now = SystemTime::now();
        let mut changed = Vec::new();
        for slug in &slugs {
            match (signature(&self.home.case_path(slug), now), known.get(slug)) {
                (Some(sig), Some(old)) if *old == sig && !sig.starts_with('!') => {}
                (Some(sig), _) => changed.push((slug.clone(), sig)),
                (None, _) => {}
            }
        }
        let present: HashSet<&String> = slugs.iter().collect();
        let gone: Vec<&String> = known.keys().filter(|s| !present.contains(s)).collect();
        if changed.is_empty() && gone.is_empty() {
            return Ok(Vec::new());
        }
        self.conn.execute_batch("PRAGMA cache_size = -32768;")?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut warnings = Vec::new();
        for slug in gone {
            remove_case(&tx, slug)?;
        }
        for (slug, sig) in changed {
            let path = self.home.case_path(&slug);
            if let Err(err) = reindex_case(&tx, &path, &slug, &sig) {
                remove_case(&tx, &slug)?;
                warnings.push(format!(
                    "skipped case `{slug}`: {}",
                    crate::error::one_line(&err)
                ));
            }
        }
        tx.commit()?;
        Ok(warnings)
    }

    /// Every indexed case, newest first.
    pub fn cases(&self) -> Result<Vec<IndexedCase>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, slug, title, state, opened_at, opened_ms FROM indexed_case
             ORDER BY opened_ms DESC, slug",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(IndexedCase {
                id: r.get(0)?,
                slug: r.get(1)?,
                title: r.get(2)?,
                state: r.get(3)?,
                opened_at: r.get(4)?,
                opened_ms: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What each person did in `[since, until)` (Unix ms; `None`: unbounded), keeping the
    /// `newest` latest items of each group: (author, case id) → groups in [`WHAT`] order.
    pub fn activity(
        &self,
        since: Option<i64>,
        until: Option<i64>,
        authors: &[String],
        newest: u32,
    ) -> Result<Vec<(String, i64, Vec<Group>)>> {
        let (lo, hi) = (since.unwrap_or(i64::MIN), until.unwrap_or(i64::MAX));
        let bounded = since.is_some() || until.is_some();
        let mut groups = self
            .conn
            .prepare("SELECT author, case_id, what, n FROM act_group ORDER BY author, case_id")?;
        let mut count = self.conn.prepare_cached(
            "SELECT count(*) FROM act
             WHERE author = ?1 AND case_id = ?2 AND what = ?3 AND at_ms >= ?4 AND at_ms < ?5",
        )?;
        let mut items = self.conn.prepare_cached(
            "SELECT number, at, text FROM act
             WHERE author = ?1 AND case_id = ?2 AND what = ?3 AND at_ms >= ?4 AND at_ms < ?5
             ORDER BY at_ms DESC LIMIT ?6",
        )?;
        let mut out: Vec<(String, i64, Vec<Group>)> = Vec::new();
        let mut rows = groups.query([])?;
        while let Some(row) = rows.next()? {
            let author: String = row.get(0)?;
            if !authors.is_empty() && !authors.iter().any(|a| a.eq_ignore_ascii_case(&author)) {
                continue;
            }
            let case_id: i64 = row.get(1)?;
            let what: String = row.get(2)?;
            // Still-open actions are listed if they were written before the period ended,
            // however long ago: they are still open.
            let (ilo, ihi) = if what == "open-action" {
                (i64::MIN, hi)
            } else {
                (lo, hi)
            };
            let n: i64 = if bounded {
                count.query_row(params![author, case_id, what, ilo, ihi], |r| r.get(0))?
            } else {
                row.get(3)?
            };
            if n == 0 {
                continue;
            }
            let newest: Vec<Item> = items
                .query_map(params![author, case_id, what, ilo, ihi, newest], |r| {
                    Ok(Item {
                        number: r.get(0)?,
                        at: r.get(1)?,
                        text: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let group = Group {
                what,
                count: n,
                newest,
            };
            match out.last_mut() {
                Some((a, c, gs)) if *a == author && *c == case_id => gs.push(group),
                _ => out.push((author, case_id, vec![group])),
            }
        }
        for (_, _, gs) in &mut out {
            gs.sort_by_key(|g| WHAT.iter().position(|w| *w == g.what).unwrap_or(WHAT.len()));
        }
        Ok(out)
    }
}

fn open_checked(path: &Path) -> Result<Connection> {
    crate::store::search_index::open_derived(
        path,
        "activity",
        INDEX_VERSION,
        INDEX_APP_ID,
        "CREATE TABLE indexed_case (
             id         INTEGER PRIMARY KEY,
             slug       TEXT NOT NULL UNIQUE,
             sig        TEXT NOT NULL,
             title      TEXT NOT NULL,
             state      TEXT NOT NULL,
             opened_at  TEXT NOT NULL,
             opened_ms  INTEGER NOT NULL
         );
         CREATE TABLE act (
             case_id  INTEGER NOT NULL,
             author   TEXT NOT NULL,
             what     TEXT NOT NULL,
             at_ms    INTEGER NOT NULL,
             at       TEXT NOT NULL,
             number   INTEGER,
             text     TEXT NOT NULL
         );
         CREATE INDEX act_group_at ON act(author, case_id, what, at_ms);
         CREATE INDEX act_case ON act(case_id);
         CREATE TABLE act_group (
             author   TEXT NOT NULL,
             case_id  INTEGER NOT NULL,
             what     TEXT NOT NULL,
             n        INTEGER NOT NULL,
             PRIMARY KEY (author, case_id, what)
         ) WITHOUT ROWID;",
    )
}

fn remove_case(conn: &Connection, slug: &str) -> Result<()> {
    let id: Option<i64> = conn
        .query_row("SELECT id FROM indexed_case WHERE slug = ?1", [slug], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(id) = id {
        conn.execute("DELETE FROM act WHERE case_id = ?1", [id])?;
        conn.execute("DELETE FROM act_group WHERE case_id = ?1", [id])?;
        conn.execute("DELETE FROM indexed_case WHERE id = ?1", [id])?;
    }
    Ok(())
}

fn ms(stored: &str) -> i64 {
    crate::time::parse_stored(stored)
        .map(|t| crate::time::unix_ms(&t))
        .unwrap_or(0)
}

/// Replace the rows of one case with what its file holds now. Activity is dated by when it
/// was recorded (what someone did that week), not by `--at`.
fn reindex_case(index: &Connection, path: &Path, slug: &str, sig: &str) -> Result<()> {
    let store = CaseStore::open(path, slug)?;
    let info = store.case_info()?;
    remove_case(index, slug)?;
    index.execute(
        "INSERT INTO indexed_case (slug, sig, title, state, opened_at, opened_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            slug,
            sig,
            info.title,
            info.state.as_str(),
            info.opened_at,
            ms(&info.opened_at)
        ],
    )?;
    let id = index.last_insert_rowid();
    let conn = store.conn();
    let mut insert = index.prepare_cached(
        "INSERT INTO act (case_id, author, what, at_ms, at, number, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut add = |author: &str, what: &str, at: &str, number: Option<i64>, text: &str| {
        let (line, cut) = first_line_cut(text, HEADLINE_LEN);
        let text = if cut {
            format!("{line}…")
        } else {
            line.to_string()
        };
        insert.execute(params![id, author, what, ms(at), at, number, text])
    };
    // Who opened the case: the author of its first entry (the case row keeps no author).
    let opener: Option<String> = conn
        .query_row(
            "SELECT author FROM entry ORDER BY number LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(opener) = &opener {
        add(opener, "opened", &info.opened_at, None, &info.title)?;
    }
    let mut events = conn.prepare("SELECT state, at, author FROM case_event ORDER BY at_ms")?;
    let mut rows = events.query([])?;
    while let Some(r) = rows.next()? {
        let state: String = r.get(0)?;
        if state != "open" {
            let at: String = r.get(1)?;
            let author: String = r.get(2)?;
            add(&author, "closed", &at, None, &format!("closed as {state}"))?;
        }
    }
    let mut entries = conn.prepare(
        "SELECT number, kind, state, recorded_at, author, text, command_argv IS NOT NULL,
                coalesce(owner, author)
         FROM entry WHERE NOT retracted",
    )?;
    let mut rows = entries.query([])?;
    while let Some(r) = rows.next()? {
        let number: i64 = r.get(0)?;
        let kind = r.get_ref(1)?.as_str()?;
        let state = r.get_ref(2)?.as_str_or_null()?;
        let at = r.get_ref(3)?.as_str()?;
        let author = r.get_ref(4)?.as_str()?;
        let text = r.get_ref(5)?.as_str()?;
        let run: bool = r.get(6)?;
        let what = match kind {
            "evidence" if run => "run",
            "event" if text.starts_with("commit ") => "commit",
            k => k,
        };
        add(author, what, at, Some(number), text)?;
        if kind == "action" && state == Some("open") {
            let owner = r.get_ref(7)?.as_str()?;
            add(owner, "open-action", at, Some(number), text)?;
        }
    }
    let mut changes = conn.prepare(
        "SELECT s.entry, s.state, s.at, s.author, e.text FROM state_change s
         JOIN entry e ON e.number = s.entry
         WHERE NOT e.retracted AND s.state IN ('confirmed', 'refuted', 'done')",
    )?;
    let mut rows = changes.query([])?;
    while let Some(r) = rows.next()? {
        let number: i64 = r.get(0)?;
        let state = r.get_ref(1)?.as_str()?.to_string();
        let at = r.get_ref(2)?.as_str()?.to_string();
        let author = r.get_ref(3)?.as_str()?.to_string();
        let text = r.get_ref(4)?.as_str()?.to_string();
        add(&author, &state, &at, Some(number), &text)?;
    }
    index.execute(
        "INSERT INTO act_group (author, case_id, what, n)
         SELECT author, case_id, what, count(*) FROM act WHERE case_id = ?1
         GROUP BY author, case_id, what",
        [id],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_kind_of_activity_has_a_place() {
        for kind in [
            "note",
            "hypothesis",
            "evidence",
            "dead-end",
            "event",
            "action",
        ] {
            assert!(super::WHAT.contains(&kind), "{kind}");
        }
    }
}
