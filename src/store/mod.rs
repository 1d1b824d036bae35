//! SQLite storage: one file per case.
//!
//! Opening is on every command's hot path, so it does the least it can: set the busy timeout
//! and durability pragmas, read `user_version` and `application_id` in one statement, and only
//! migrate when the version is old. WAL is set once, when the case is created (it persists in
//! the file). Writes run in `BEGIN IMMEDIATE` transactions so that parallel writers queue on
//! the lock instead of failing, and entry numbers are allocated inside them.

pub mod activity_index;
pub mod changes;
pub mod dump;
pub mod entries;
pub mod lifecycle;
pub mod marks;
pub mod mentions;
pub mod merge;
pub mod numbering;
pub mod schema;
pub mod search_index;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context as _, Result};
use rusqlite::config::DbConfig;
use rusqlite::{
    params, Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};

use crate::error::CaseFileError;
use crate::home::{make_private, Home};
use crate::model::{CaseInfo, CaseState};

/// `PRAGMA application_id` of every case file: "CASE" in ASCII. A SQLite file without it is
/// somebody else's database and is never written to.
pub const APPLICATION_ID: i32 = 0x4341_5345;

/// The WAL size past which a write checkpoints and truncates it.
///
/// Every open reads the whole WAL (see [`CaseStore::keep_wal_small`]), ~3,000 instructions a
/// 4 KiB frame; a checkpoint costs two fsyncs. At 256 KiB a write checkpoints about every
/// dozen writes and an open reads 128 KiB of WAL on average; 1 MiB and 128 KiB measured the
/// same within noise.
pub const WAL_LIMIT: u64 = 256 * 1024;

/// How long a writer waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// An open case file.
pub struct CaseStore {
    conn: Connection,
    path: PathBuf,
    slug: String,
}

/// What `casefile new` (and an import that creates a case) writes into a fresh file.
pub struct NewCase<'a> {
    pub uuid: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub opened_at: &'a str,
    pub tickets: &'a [String],
    pub tags: &'a [String],
}

impl CaseStore {
    /// Create the case file for `new.slug`. The file appears complete or not at all: it is
    /// built under a temporary name and linked into place, which also fails if the slug exists.
    pub fn create(home: &Home, new: &NewCase<'_>) -> Result<CaseStore> {
        configure_sqlite();
        home.ensure()?;
        let path = home.case_path(new.slug);
        if path.exists() {
            return Err(slug_taken(&path, new.slug).into());
        }
        let tmp = home
            .cases_dir()
            .join(format!(".{}.sqlite.new{}", new.slug, std::process::id()));
        let built = (|| -> Result<()> {
            let mut conn = Connection::open(&tmp)?;
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            schema::migrate(&mut conn, &tmp.display().to_string())?;
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO case_meta (id, uuid, slug, title, state, opened_at) VALUES (1, ?1, ?2, ?3, 'open', ?4)",
                params![new.uuid, new.slug, new.title, new.opened_at],
            )?;
            for ticket in dedup(new.tickets) {
                tx.execute("INSERT INTO case_ticket (ref) VALUES (?1)", [ticket])?;
            }
            for tag in dedup(new.tags) {
                tx.execute("INSERT INTO case_tag (tag) VALUES (?1)", [tag])?;
            }
            tx.commit()?;
            conn.close().map_err(|(_, e)| e)?;
            Ok(())
        })();
        let linked = built.and_then(|()| match fs::hard_link(&tmp, &path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(slug_taken(&path, new.slug).into())
            }
            Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
        });
        fs::remove_file(&tmp).ok();
        linked?;
        let store = CaseStore::open(&path, new.slug)?;
        store.conn.pragma_update(None, "journal_mode", "WAL")?;
        Ok(store)
    }

    /// Open an existing case file, bringing its schema up to date.
    pub fn open(path: &Path, slug: &str) -> Result<CaseStore, CaseFileError> {
        make_private();
        configure_sqlite();
        let shown = path.display().to_string();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not_a_case_file(&shown, e))?;
        let mut store = CaseStore {
            conn,
            path: path.to_path_buf(),
            slug: slug.to_string(),
        };
        store
            .prepare_connection()
            .map_err(|e| not_a_case_file(&shown, e))?;
        let (version, app_id): (i64, i32) = store
            .conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), (SELECT application_id FROM pragma_application_id)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| not_a_case_file(&shown, e))?;
        if app_id != APPLICATION_ID {
            return Err(CaseFileError::NotACaseFile {
                path: shown,
                reason: "it is not a casefile database".into(),
            });
        }
        if version != schema::CURRENT_VERSION {
            schema::migrate(&mut store.conn, &shown)?;
        }
        Ok(store)
    }

    fn prepare_connection(&self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // Leave checkpointing to SQLite's automatic checkpoints: closing without one saves two
        // fsyncs per write and stays durable (the WAL is synced at every commit).
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        self.conn
            .execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        Ok(())
    }

    pub fn slug(&self) -> &str {
        &self.slug
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Run `f` in one `BEGIN IMMEDIATE` transaction: all of it is stored, or none.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .with_context(|| format!("cannot write to {}", self.path.display()))?;
        let value = f(&tx)?;
        tx.commit()
            .with_context(|| format!("cannot write to {}", self.path.display()))?;
        self.keep_wal_small();
        Ok(value)
    }

    /// Fold the WAL back into the case file once it has grown past [`WAL_LIMIT`].
    ///
    /// Every command is a new process, so every open is the first connection and SQLite
    /// rebuilds its WAL index by reading the whole WAL; and since connections close without a
    /// checkpoint (two fsyncs saved per write), nothing else bounds it. One `stat` per write
    /// keeps that cost flat; the occasional checkpoint costs what the skipped ones would have.
    fn keep_wal_small(&self) {
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        let large = fs::metadata(&wal).is_ok_and(|m| m.len() > WAL_LIMIT);
        if large {
            // A busy checkpoint (another reader) is harmless: the next write tries again.
            let _ = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
    }

    /// End a read-only command's use of the case, leaving the connection for the process's
    /// exit to close. Nothing is left to write back (no transaction is open, and connections
    /// never checkpoint on close), and finalizing the cached statements one by one cost ~5 %
    /// of `status`.
    pub fn close_at_exit(self) {
        std::mem::forget(self);
    }

    /// Start a read transaction for the rest of a read-only command (dropped: rolled back).
    ///
    /// Outside a transaction every statement takes and releases SQLite's shared lock and
    /// re-checks the file (~7 syscalls); `status` runs ~40 statements. One snapshot also
    /// makes every list agree with the others.
    pub fn snapshot(&self) -> Result<Transaction<'_>> {
        Ok(self.conn.unchecked_transaction()?)
    }

    /// One entry, whole, or the error that names the case and the valid range.
    pub fn entry(&self, number: i64) -> Result<crate::model::Entry> {
        match entries::load_entry(&self.conn, number)? {
            Some(entry) => Ok(entry),
            None => Err(CaseFileError::NoSuchEntry {
                number,
                slug: self.slug.clone(),
                last: entries::last_number(&self.conn).unwrap_or(0),
            }
            .into()),
        }
    }

    /// The number of the entry the command line named (a number or a short id): the one
    /// resolver behind every command that takes an entry.
    pub fn resolve(&self, r: &crate::model::EntryRef) -> Result<crate::model::EntryNumber> {
        numbering::resolve(&self.conn, r, &self.slug)
    }

    /// The case's own record.
    pub fn case_info(&self) -> Result<CaseInfo> {
        case_info(&self.conn)
    }
}

/// Read the case record through any connection or transaction.
pub fn case_info(conn: &Connection) -> Result<CaseInfo> {
    let mut info = conn
        .query_row(
            &format!(
                "SELECT uuid, slug, title, state, opened_at, closed_at, summary, impact, root_cause, fix, lessons, {} FROM case_meta WHERE id = 1",
                crate::model::REVIEW_COLUMNS.join(", ")
            ),
            [],
            |r| {
                let state: String = r.get(3)?;
                Ok(CaseInfo {
                    uuid: r.get(0)?,
                    slug: r.get(1)?,
                    title: r.get(2)?,
                    state: CaseState::parse(&state).unwrap_or(CaseState::Open),
                    opened_at: r.get(4)?,
                    closed_at: r.get(5)?,
                    tickets: Vec::new(),
                    tags: Vec::new(),
                    summary: r.get(6)?,
                    impact: r.get(7)?,
                    root_cause: r.get(8)?,
                    fix: r.get(9)?,
                    lessons: r.get(10)?,
                    review: lifecycle::review_from_row(r, 11)?,
                })
            },
        )
        .optional()?
        .context("the case file has no case record; it may be damaged")?;
    info.tickets = strings(conn, "SELECT ref FROM case_ticket ORDER BY position")?;
    info.tags = strings(conn, "SELECT tag FROM case_tag ORDER BY position")?;
    Ok(info)
}

fn strings(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

fn dedup(items: &[String]) -> Vec<&str> {
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        let item = item.trim();
        if !item.is_empty() && !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

fn slug_taken(path: &Path, slug: &str) -> CaseFileError {
    let title = CaseStore::open(path, slug)
        .ok()
        .and_then(|s| s.case_info().ok())
        .map(|info| info.title)
        .unwrap_or_else(|| "unreadable".to_string());
    CaseFileError::SlugTaken {
        slug: slug.to_string(),
        title,
    }
}

fn not_a_case_file(path: &str, err: rusqlite::Error) -> CaseFileError {
    use rusqlite::ErrorCode;
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => CaseFileError::NotACaseFile {
            path: path.to_string(),
            reason: "it is not a SQLite database".into(),
        },
        Some(ErrorCode::DatabaseCorrupt) => CaseFileError::NotACaseFile {
            path: path.to_string(),
            reason: "the database is damaged".into(),
        },
        Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) | Some(ErrorCode::ReadOnly) => {
            CaseFileError::Invalid(format!(
                "cannot open {path}: {err}; check that the file and its folder are readable and writable"
            ))
        }
        _ => CaseFileError::Sqlite(err),
    }
}

/// Process-wide SQLite settings, made once before the first connection.
///
/// Memory statistics off: with them on, every allocation SQLite makes (thousands while it
/// compiles a statement) takes and releases a global mutex to keep counts casefile never
/// reads; ~8 % of `status`.
fn configure_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: SQLITE_CONFIG_MEMSTATUS takes one int. sqlite3_config is only valid before
        // SQLite initializes; this runs before any connection is opened, and if SQLite was
        // already initialized it returns SQLITE_MISUSE and changes nothing, which is harmless.
        unsafe {
            rusqlite::ffi::sqlite3_config(
                rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS,
                0 as std::os::raw::c_int,
            );
        }
    });
}
