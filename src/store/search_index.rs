//! The search index: one derived SQLite FTS5 file, `<home>/index.sqlite`, over every case.
//!
//! Why one index and not an FTS table in each case file: opening 200 case files costs
//! 23–55 ms before any search starts, and keeping an FTS table up to date inside each case
//! would put tokenising on every write, casefile's hot path. The index is derived data
//! instead, brought up to date *at search time*: for each case file it remembers a signature
//! (inode, size and mtime of the file and of its `-wal`), and only the cases whose signature
//! changed are re-read and re-indexed. Edits, imports, state changes, a case file copied in
//! by hand and a deleted case are all noticed that way, and writes stay untouched. A file
//! changed in the last two seconds is indexed but not trusted (the "racy git" rule: mtime
//! granularity could hide a second change in the same tick), so it is checked again next time.
//! The index can be deleted at any time; it is rebuilt on the next search.
//!
//! Tokenizer: `porter unicode61 remove_diacritics 2`. Users search a journal for words
//! ("timeout", "deploy") and phrases, and stemming lets `timeouts` find `timeout` and
//! `retrying` find `retry`; `prefix*` covers partial words. `trigram` would find substrings
//! (`validity` in `UIDVALIDITY`) but cannot stem, ignores queries shorter than three
//! characters, makes bm25 rank by character soup, and triples the index size; a prefix query
//! (`uidval*`) covers the common substring need.
//!
//! Ranking: bm25 with the entry text weighted twice the output/attachments. bm25 costs about
//! 2 µs a hit, so for a term that is everywhere the ranking is bounded: only the newest
//! [`RANK_BOUND`] matches (by index order) are ranked, and `snippet()` is computed only for the
//! rows shown.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{Context as _, Result};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::home::{make_private, Home};
use crate::store::CaseStore;

/// The index schema; a file with another version is rebuilt.
const INDEX_VERSION: i64 = 1;
/// `PRAGMA application_id` of the index: "CFIX".
const INDEX_APP_ID: i32 = 0x4346_4958;
/// At most this many matches are ranked by bm25 (the newest ones).
pub const RANK_BOUND: i64 = 4000;
/// How recent a change must be for a signature not to be trusted.
const RACY_WINDOW: Duration = Duration::from_secs(2);
/// Highlight markers inside snippets (replaced by the renderer).
pub const MARK_START: char = '\u{1}';
pub const MARK_END: char = '\u{2}';

/// One search result.
#[derive(Debug, Clone)]
pub struct Hit {
    pub slug: String,
    pub number: i64,
    pub kind: String,
    pub state: Option<String>,
    /// When the entry happened (occurred, else recorded), as stored.
    pub at: String,
    /// A snippet with matches between [`MARK_START`] and [`MARK_END`].
    pub snippet: String,
    /// The entry's whole text (as indexed: the case's text at the last sync).
    pub text: String,
    /// bm25 score (lower is better).
    pub score: f64,
}

/// The open index.
pub struct SearchIndex {
    conn: Connection,
    home: Home,
}

/// Which cases a sync looks at.
pub enum Scope<'a> {
    All,
    One(&'a str),
}

impl SearchIndex {
    pub fn path(home: &Home) -> PathBuf {
        home.root().join("index.sqlite")
    }

    /// Open (or create, or rebuild when unreadable or of another version) the index.
    pub fn open(home: &Home) -> Result<SearchIndex> {
        home.ensure()?;
        make_private();
        let path = SearchIndex::path(home);
        match open_checked(&path) {
            Ok(conn) => Ok(SearchIndex {
                conn,
                home: home.clone(),
            }),
            Err(_) => {
                // Derived data: start over.
                for suffix in ["", "-journal", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    std::fs::remove_file(p).ok();
                }
                let conn = open_checked(&path).with_context(|| {
                    format!("cannot create the search index {}", path.display())
                })?;
                Ok(SearchIndex {
                    conn,
                    home: home.clone(),
                })
            }
        }
    }

    /// Bring the index up to date with the case files in `scope`; returns warnings about
    /// case files that could not be read.
    pub fn sync(&mut self, scope: Scope<'_>) -> Result<Vec<String>> {
        let slugs = match scope {
            Scope::All => self.home.slugs()?,
            Scope::One(slug) => vec![slug.to_string()],
        };
        let all = matches!(scope, Scope::All);
        if self.stale(&slugs, all)?.is_empty() {
            return Ok(Vec::new());
        }
        // Re-indexing writes many FTS pages: a bigger page cache (only now, when something
        // changed) keeps segment merges from spilling to disk half-way.
        self.conn.execute_batch("PRAGMA cache_size = -32768;")?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut warnings = Vec::new();
        // Another search may have done the work while we waited for the lock.
        let stale = stale_in(&tx, &self.home, &slugs, all)?;
        for change in stale {
            match change {
                Change::Gone(slug) => remove_case(&tx, &slug)?,
                Change::Changed(slug, sig) => {
                    let path = self.home.case_path(&slug);
                    if let Err(err) = reindex_case(&tx, &path, &slug, &sig) {
                        remove_case(&tx, &slug)?;
                        warnings.push(format!(
                            "skipped case `{slug}`: {}",
                            crate::error::one_line(&err)
                        ));
                    }
                }
            }
        }
        tx.commit()?;
        Ok(warnings)
    }

    fn stale(&self, slugs: &[String], all: bool) -> Result<Vec<Change>> {
        stale_in(&self.conn, &self.home, slugs, all)
    }

    /// Search; `case` restricts to one case (by slug). Best matches first.
    pub fn search(&self, query: &str, case: Option<&str>, limit: u32) -> Result<Vec<Hit>> {
        let (lo, hi) = match case {
            Some(slug) => {
                let id: Option<i64> = self
                    .conn
                    .query_row("SELECT id FROM indexed_case WHERE slug = ?1", [slug], |r| {
                        r.get(0)
                    })
                    .optional()?;
                match id {
                    Some(id) => (id << 32, (id << 32) | 0xFFFF_FFFF_i64),
                    None => return Ok(Vec::new()),
                }
            }
            None => (0, i64::MAX),
        };
        // Bound the ranking: rank only the newest RANK_BOUND matches.
        let bound: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT rowid FROM hit WHERE hit MATCH ?1 AND rowid BETWEEN ?2 AND ?3
                 ORDER BY rowid DESC LIMIT 1 OFFSET ?4",
            )?
            .query_row(params![query, lo, hi, RANK_BOUND - 1], |r| r.get(0))
            .optional()?;
        let lo = bound.unwrap_or(lo);
        let slugs: HashMap<i64, String> = self
            .conn
            .prepare_cached("SELECT id, slug FROM indexed_case")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, kind, state, at,
                    snippet(hit, -1, char(1), char(2), '…', 14), rank, text
             FROM hit WHERE hit MATCH ?1 AND rowid BETWEEN ?2 AND ?3
             ORDER BY rank LIMIT ?4",
        )?;
        let rows = stmt.query_map(params![query, lo, hi, limit], |r| {
            let rowid: i64 = r.get(0)?;
            Ok(Hit {
                slug: slugs.get(&(rowid >> 32)).cloned().unwrap_or_default(),
                number: rowid & 0xFFFF_FFFF_i64,
                kind: r.get(1)?,
                state: r.get(2)?,
                at: r.get(3)?,
                snippet: r.get(4)?,
                score: r.get(5)?,
                text: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

fn open_checked(path: &Path) -> Result<Connection> {
    open_derived(
        path,
        "search",
        INDEX_VERSION,
        INDEX_APP_ID,
        "CREATE TABLE indexed_case (
             id    INTEGER PRIMARY KEY,
             slug  TEXT NOT NULL UNIQUE,
             sig   TEXT NOT NULL
         );
         CREATE VIRTUAL TABLE hit USING fts5(
             text, extra, kind UNINDEXED, state UNINDEXED, at UNINDEXED,
             tokenize = 'porter unicode61 remove_diacritics 2'
         );
         INSERT INTO hit (hit, rank) VALUES ('rank', 'bm25(2.0, 1.0)');",
    )
}

/// Open a derived index (`search.sqlite`, `activity.sqlite`): a file casefile can always
/// rebuild from the cases. A fresh file gets `schema` and is stamped with `version` and
/// `app_id`; a file stamped otherwise is an error the caller answers by rebuilding it.
pub(crate) fn open_derived(
    path: &Path,
    what: &str,
    version: i64,
    app_id: i32,
    schema: &str,
) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(30))?;
    conn.execute_batch("PRAGMA synchronous = NORMAL;")?;
    let (found_version, found_app_id): (i64, i32) = conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version), (SELECT application_id FROM pragma_application_id)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if found_version == version && found_app_id == app_id {
        return Ok(conn);
    }
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if tables > 0 {
        anyhow::bail!("the {what} index has another version; rebuilding");
    }
    conn.execute_batch(&format!(
        "BEGIN IMMEDIATE;
         {schema}
         PRAGMA application_id = {app_id};
         PRAGMA user_version = {version};
         COMMIT;"
    ))?;
    Ok(conn)
}

enum Change {
    /// The case file is gone: drop its rows.
    Gone(String),
    /// The case file is new or changed: re-index it and store this signature.
    Changed(String, String),
}

fn stale_in(conn: &Connection, home: &Home, slugs: &[String], all: bool) -> Result<Vec<Change>> {
    let known: HashMap<String, String> = conn
        .prepare_cached("SELECT slug, sig FROM indexed_case")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut changes = Vec::new();
    let now = SystemTime::now();
    for slug in slugs {
        let sig = signature(&home.case_path(slug), now);
        match (sig, known.get(slug)) {
            (None, Some(_)) => changes.push(Change::Gone(slug.clone())),
            (None, None) => {}
            (Some(sig), Some(old)) if *old == sig && !sig.starts_with('!') => {}
            (Some(sig), _) => changes.push(Change::Changed(slug.clone(), sig)),
        }
    }
    if all {
        let present: HashSet<&String> = slugs.iter().collect();
        for slug in known.keys() {
            if !present.contains(slug) {
                changes.push(Change::Gone(slug.clone()));
            }
        }
    }
    Ok(changes)
}

/// What identifies a version of a case file without opening it. `None` when it is missing;
/// starts with `!` when it changed too recently to be trusted.
pub(crate) fn signature(path: &Path, now: SystemTime) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    let mut wal = path.to_path_buf().into_os_string();
    wal.push("-wal");
    let wal_meta = std::fs::metadata(&wal).ok();
    let mut newest = meta.modified().ok()?;
    let wal_part = match &wal_meta {
        Some(w) => {
            if let Ok(m) = w.modified() {
                newest = newest.max(m);
            }
            format!("{}:{}.{}", w.size(), w.mtime(), w.mtime_nsec())
        }
        None => "-".to_string(),
    };
    let racy = now
        .duration_since(newest)
        .map(|age| age < RACY_WINDOW)
        .unwrap_or(true);
    Some(format!(
        "{}{}:{}:{}.{}/{wal_part}",
        if racy { "!" } else { "" },
        meta.ino(),
        meta.size(),
        meta.mtime(),
        meta.mtime_nsec()
    ))
}

fn remove_case(conn: &Connection, slug: &str) -> Result<()> {
    let id: Option<i64> = conn
        .query_row("SELECT id FROM indexed_case WHERE slug = ?1", [slug], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(id) = id {
        conn.execute(
            "DELETE FROM hit WHERE rowid BETWEEN ?1 AND ?2",
            params![id << 32, (id << 32) | 0xFFFF_FFFF_i64],
        )?;
        conn.execute("DELETE FROM indexed_case WHERE id = ?1", [id])?;
    }
    Ok(())
}

/// Replace the rows of one case with what its file holds now.
fn reindex_case(index: &Connection, path: &Path, slug: &str, sig: &str) -> Result<()> {
    let store = CaseStore::open(path, slug)?;
    let id: i64 = match index
        .query_row("SELECT id FROM indexed_case WHERE slug = ?1", [slug], |r| {
            r.get(0)
        })
        .optional()?
    {
        Some(id) => {
            index.execute(
                "DELETE FROM hit WHERE rowid BETWEEN ?1 AND ?2",
                params![id << 32, (id << 32) | 0xFFFF_FFFF_i64],
            )?;
            index.execute(
                "UPDATE indexed_case SET sig = ?1 WHERE id = ?2",
                params![sig, id],
            )?;
            id
        }
        None => {
            index.execute(
                "INSERT INTO indexed_case (slug, sig) VALUES (?1, ?2)",
                params![slug, sig],
            )?;
            index.last_insert_rowid()
        }
    };
    let conn = store.conn();
    let with_attachments: HashSet<i64> = conn
        .prepare("SELECT DISTINCT entry FROM attachment")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut insert = index.prepare_cached(
        "INSERT INTO hit (rowid, text, extra, kind, state, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut attachments =
        conn.prepare("SELECT content FROM attachment WHERE entry = +?1 ORDER BY name")?;
    let mut stmt = conn.prepare(
        "SELECT number, kind, state, coalesce(occurred_at, recorded_at), text, output FROM entry
         WHERE NOT retracted",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let number: i64 = row.get(0)?;
        if !(0..=0xFFFF_FFFF_i64).contains(&number) {
            continue;
        }
        let mut extra: Option<String> = row.get(5)?;
        if with_attachments.contains(&number) {
            let mut text = extra.take().unwrap_or_default();
            let mut contents = attachments.query([number])?;
            while let Some(a) = contents.next()? {
                let bytes: Vec<u8> = a.get(0)?;
                if let Ok(s) = std::str::from_utf8(&bytes) {
                    if !s.contains('\0') {
                        text.push('\n');
                        text.push_str(s);
                    }
                }
            }
            extra = Some(text);
        }
        insert.execute(params![
            (id << 32) | number,
            row.get::<_, String>(4)?,
            extra,
            row.get::<_, String>(1)?,
            row.get::<_, Option<String>>(2)?,
            row.get::<_, String>(3)?,
        ])?;
    }
    Ok(())
}

/// Turn what the user typed into an FTS5 query: every word and "quoted phrase" must match
/// (words are quoted, so `-`, `:` or `AND` are just text); a trailing `*` makes a prefix.
/// An argument with spaces in it (quoted in the shell) is a phrase. Returns `None` when
/// nothing searchable is left.
pub fn fts_query(args: &[String]) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut push = |text: &str, prefix: bool| {
        if text.chars().any(char::is_alphanumeric) {
            let quoted = format!("\"{}\"", text.replace('"', "\"\""));
            terms.push(if prefix { format!("{quoted}*") } else { quoted });
        }
    };
    for arg in args {
        if arg.contains('"') {
            // Split on quotes: odd pieces are phrases, even pieces are words.
            for (i, piece) in arg.split('"').enumerate() {
                if i % 2 == 1 {
                    push(piece, false);
                } else {
                    word_terms(piece, &mut push);
                }
            }
        } else if arg.trim().contains(char::is_whitespace) {
            let t = arg.trim();
            match t.strip_suffix('*') {
                Some(p) => push(p, true),
                None => push(t, false),
            }
        } else {
            word_terms(arg, &mut push);
        }
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

fn word_terms(text: &str, push: &mut impl FnMut(&str, bool)) {
    for word in text.split_whitespace() {
        match word.strip_suffix('*') {
            Some(p) => push(p, true),
            None => push(word, false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(args: &[&str]) -> Option<String> {
        fts_query(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn queries_quote_every_term() {
        assert_eq!(q(&["db", "timeout"]).unwrap(), "\"db\" \"timeout\"");
        assert_eq!(q(&["conn*"]).unwrap(), "\"conn\"*");
        assert_eq!(
            q(&["\"connection reset\" by"]).unwrap(),
            "\"connection reset\" \"by\""
        );
        assert_eq!(q(&["connection reset"]).unwrap(), "\"connection reset\"");
        assert_eq!(q(&["a-b", "OR", "c:d"]).unwrap(), "\"a-b\" \"OR\" \"c:d\"");
        assert_eq!(q(&["say \"\"hi"]).unwrap(), "\"say\" \"hi\"");
        assert_eq!(q(&["---", "*"]), None);
    }

    #[test]
    fn queries_never_break_fts5() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2');
             INSERT INTO t VALUES ('the connection-reset happened: AND NOT OR near(x)');",
        )
        .unwrap();
        for input in [
            "connection-reset",
            "AND",
            "NOT OR",
            "near(x)",
            "happen*",
            "\"the connection\"",
            "x:y",
            "(((",
            "\"unbalanced",
            "^start",
        ] {
            if let Some(query) = q(&[input]) {
                let n: i64 = conn
                    .query_row("SELECT count(*) FROM t WHERE t MATCH ?1", [&query], |r| {
                        r.get(0)
                    })
                    .unwrap_or_else(|e| panic!("{input:?} → {query}: {e}"));
                assert!(n <= 1);
            }
        }
    }
}
