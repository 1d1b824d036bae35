//! The case file's schema, as a numbered list of migrations on `PRAGMA user_version`.
//!
//! Each migration runs in its own transaction; a file written by an older build is brought up
//! to date when it is opened, and a file from a newer build is refused rather than damaged.
//! Append new migrations at the end; never edit one that has shipped.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::CaseFileError;

/// One schema step: the SQL (or code) that takes a file from version `n` to `n + 1`.
type Migration = fn(&rusqlite::Transaction) -> rusqlite::Result<()>;

/// Migrations in order; the file's `user_version` is the number of them applied.
const MIGRATIONS: &[Migration] = &[
    v1_initial,
    v2_case_events,
    v3_entry_counts,
    v4_entry_changes,
    v5_close_review,
    v6_entry_count_by_author,
    v7_event_occurrence_index,
    numbering_keys_and_mentions,
    link_pairing_indexes,
];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

fn v1_initial(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        -- The case itself: exactly one row.
        CREATE TABLE case_meta (
            id          INTEGER PRIMARY KEY CHECK (id = 1),
            uuid        TEXT NOT NULL,
            slug        TEXT NOT NULL,
            title       TEXT NOT NULL,
            state       TEXT NOT NULL DEFAULT 'open',
            opened_at   TEXT NOT NULL,
            closed_at   TEXT,
            summary     TEXT,
            impact      TEXT,
            root_cause  TEXT,
            fix         TEXT,
            lessons     TEXT
        );
        CREATE TABLE case_ticket (position INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE);
        CREATE TABLE case_tag (position INTEGER PRIMARY KEY, tag TEXT NOT NULL UNIQUE);

        -- Every kind of entry. `at_ms` is the instant the entry is about (occurred, else
        -- recorded) in Unix milliseconds, so the timeline orders by instant whatever the offsets.
        -- `state` caches the latest row of `state_change` for the entry.
        CREATE TABLE entry (
            number        INTEGER PRIMARY KEY,
            uuid          TEXT NOT NULL UNIQUE,
            kind          TEXT NOT NULL,
            text          TEXT NOT NULL,
            author        TEXT NOT NULL,
            recorded_at   TEXT NOT NULL,
            occurred_at   TEXT,
            at_ms         INTEGER NOT NULL,
            state         TEXT,
            cwd           TEXT,
            git_branch    TEXT,
            git_commit    TEXT,
            git_dirty     INTEGER,
            host          TEXT,
            command_argv  TEXT,
            exit_code     INTEGER,
            duration_ms   INTEGER,
            output        TEXT
        );
        CREATE INDEX entry_kind_state ON entry(kind, state, number);
        CREATE INDEX entry_at ON entry(at_ms, number);

        CREATE TABLE entry_tag (
            entry INTEGER NOT NULL REFERENCES entry(number),
            tag   TEXT NOT NULL,
            PRIMARY KEY (entry, tag)
        ) WITHOUT ROWID;

        CREATE TABLE link (
            uuid    TEXT PRIMARY KEY,
            source  INTEGER NOT NULL REFERENCES entry(number),
            type    TEXT NOT NULL,
            target  INTEGER NOT NULL REFERENCES entry(number),
            UNIQUE (source, type, target)
        );
        CREATE INDEX link_target ON link(target, type);

        -- Confirm, refute, reopen, done: each has its own UUID so that trails merge.
        CREATE TABLE state_change (
            uuid    TEXT PRIMARY KEY,
            entry   INTEGER NOT NULL REFERENCES entry(number),
            state   TEXT NOT NULL,
            at      TEXT NOT NULL,
            at_ms   INTEGER NOT NULL,
            author  TEXT NOT NULL
        );
        CREATE INDEX state_change_entry ON state_change(entry, at_ms);

        -- Earlier texts of edited entries, oldest first.
        CREATE TABLE entry_history (
            uuid       TEXT PRIMARY KEY,
            entry      INTEGER NOT NULL REFERENCES entry(number),
            text       TEXT NOT NULL,
            edited_at  TEXT NOT NULL,
            edited_ms  INTEGER NOT NULL,
            author     TEXT NOT NULL
        );
        CREATE INDEX entry_history_entry ON entry_history(entry, edited_ms);

        CREATE TABLE attachment (
            entry    INTEGER NOT NULL REFERENCES entry(number),
            name     TEXT NOT NULL,
            size     INTEGER NOT NULL,
            sha256   TEXT NOT NULL,
            content  BLOB NOT NULL,
            PRIMARY KEY (entry, name)
        );
        ",
    )
}

/// v2: closing and reopening a case are recorded as events with UUIDs, so that two people's
/// trails merge: the case's state (and `closed_at`) is its latest event, by instant then UUID,
/// like an entry's state is its latest state change. A close event also carries the
/// postmortem fields given with it; each field of `case_meta` is the latest non-null one.
fn v2_case_events(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        CREATE TABLE case_event (
            uuid        TEXT PRIMARY KEY,
            state       TEXT NOT NULL,
            at          TEXT NOT NULL,
            at_ms       INTEGER NOT NULL,
            author      TEXT NOT NULL,
            summary     TEXT,
            impact      TEXT,
            root_cause  TEXT,
            fix         TEXT,
            lessons     TEXT
        );
        CREATE INDEX case_event_at ON case_event(at_ms, uuid);
        ",
    )
}

/// v3: how many entries each kind has in each state, kept up to date by the two statements
/// that add an entry or change its state (`store::entries`), in the same transaction. `status`
/// and `list` read the counts in a few rows instead of walking every open hypothesis, dead
/// end and open action, which grew with the case (a quarter of `status` at 10,000 entries).
/// Kinds without states count under `''`. (Triggers did the same at +19 % of a write's
/// instructions: SQLite compiles them into every INSERT it prepares.)
fn v3_entry_counts(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        CREATE TABLE entry_count (
            kind   TEXT NOT NULL,
            state  TEXT NOT NULL,
            n      INTEGER NOT NULL,
            PRIMARY KEY (kind, state)
        ) WITHOUT ROWID;
        INSERT INTO entry_count (kind, state, n)
            SELECT kind, coalesce(state, ''), count(*) FROM entry GROUP BY 1, 2;
        ",
    )
}

/// v4: changes to an entry after it was written, each with a UUID of its own so that they
/// merge and sync like state changes: pin/unpin, claim/unclaim, retract/unretract, `at`
/// (`edit N --at`: `value` is the new occurred time, `previous` the one before) and unlink
/// (`value` is the link's UUID, `previous` describes it; the link row is deleted and this row is
/// its tombstone, so a merge does not bring it back). The entry's columns cache the latest
/// change of each pair (by instant, then UUID), as `state` caches `state_change`.
/// Also the facts an action or event is written with: `owner`, `due`, `ticket`, `mark`
/// (`good`/`bad`: a moment known to be before or after the fault).
fn v4_entry_changes(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        ALTER TABLE entry ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE entry ADD COLUMN retracted INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE entry ADD COLUMN claimed_by TEXT;
        ALTER TABLE entry ADD COLUMN claimed_at TEXT;
        ALTER TABLE entry ADD COLUMN owner TEXT;
        ALTER TABLE entry ADD COLUMN due TEXT;
        ALTER TABLE entry ADD COLUMN ticket TEXT;
        ALTER TABLE entry ADD COLUMN mark TEXT;
        CREATE TABLE entry_change (
            uuid      TEXT PRIMARY KEY,
            entry     INTEGER NOT NULL REFERENCES entry(number),
            op        TEXT NOT NULL,
            value     TEXT,
            previous  TEXT,
            at        TEXT NOT NULL,
            at_ms     INTEGER NOT NULL,
            author    TEXT NOT NULL
        );
        CREATE INDEX entry_change_entry ON entry_change(entry, at_ms);
        -- Pinned and retracted entries are few: found without a scan.
        CREATE INDEX entry_pinned ON entry(number) WHERE pinned = 1;
        CREATE INDEX entry_retracted ON entry(number) WHERE retracted = 1;
        ",
    )
}

/// The review a close records beside the postmortem fields: the incident's own clock (when it
/// started, was detected, mitigated and resolved: RFC 3339 with the written offset) and the
/// SRE / after-action texts (trigger, detection, mitigation, what went well, what went wrong,
/// where we got lucky). On `case_event` like the other fields, and cached on `case_meta`.
fn v5_close_review(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    // Written out rather than taken from `model::REVIEW_COLUMNS`: a shipped migration must not
    // change when the model does.
    const COLUMNS: [&str; 10] = [
        "started_at",
        "detected_at",
        "mitigated_at",
        "resolved_at",
        "incident_trigger",
        "detection",
        "mitigation",
        "went_well",
        "went_wrong",
        "lucky",
    ];
    for table in ["case_event", "case_meta"] {
        for column in COLUMNS {
            tx.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} TEXT"))?;
        }
    }
    Ok(())
}

/// v6: the entry counts of v3 kept per author too, with the author's last write (Unix ms of
/// `recorded_at`): the briefing's people line (who wrote, how much, last seen) reads a few
/// rows instead of grouping every entry, and the write path keeps its one counting statement.
/// Retracted entries are in no count, as since v4.
fn v6_entry_count_by_author(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        CREATE TABLE entry_count_new (
            kind     TEXT NOT NULL,
            state    TEXT NOT NULL,
            author   TEXT NOT NULL,
            n        INTEGER NOT NULL,
            last_ms  INTEGER NOT NULL,
            PRIMARY KEY (kind, state, author)
        ) WITHOUT ROWID;
        INSERT INTO entry_count_new (kind, state, author, n, last_ms)
            SELECT kind, coalesce(state, ''), author, count(*),
                   coalesce(max(CAST(unixepoch(recorded_at, 'subsec') * 1000 AS INTEGER)), 0)
            FROM entry WHERE NOT retracted GROUP BY 1, 2, 3;
        DROP TABLE entry_count;
        ALTER TABLE entry_count_new RENAME TO entry_count;
        ",
    )
}

/// v7: events by when they happened, for the briefing's "When" (the first event, the latest
/// ones), and marked moments (`event --good/--bad`) by mark and time, for its window: partial
/// indexes, so writes of other kinds do not maintain them.
fn v7_event_occurrence_index(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE INDEX IF NOT EXISTS entry_event_at ON entry(at_ms, number) WHERE kind = 'event';
         CREATE INDEX IF NOT EXISTS entry_mark_at ON entry(mark, at_ms) WHERE mark IS NOT NULL;",
    )
}

/// Numbers that agree across homes, and mentions kept by UUID.
///
/// `entry.seq` is each entry's immutable ordering key, written once (a Lamport-like clock:
/// the wall clock in ms, but always above every key already in the case) and carried in
/// bundles; an entry's number is its rank by `(seq, uuid)`, so two homes holding the same
/// entries number them alike. Existing entries take `seq = number`, which keeps every number.
///
/// `mention` records each `#N` written in a text that named an entry when it was written:
/// `source` is the UUID of the entry (or `entry_history` row) whose text holds it, `start` and
/// `len` its byte span there, `target` the UUID of the entry it names. Texts are stored with
/// the local numbers, so no renderer changes; when numbers change (a merge renumbers, or a
/// text arrives from another home) the spans are rewritten from this table.
fn numbering_keys_and_mentions(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "
        ALTER TABLE entry ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
        UPDATE entry SET seq = number;
        CREATE TABLE mention (
            source  TEXT NOT NULL,
            start   INTEGER NOT NULL,
            len     INTEGER NOT NULL,
            target  TEXT NOT NULL,
            PRIMARY KEY (source, start)
        ) WITHOUT ROWID;
        CREATE INDEX mention_target ON mention(target);
        ",
    )?;
    // The `#N` already written name the entries those numbers name here, from now on.
    let texts: Vec<(String, String)> = tx
        .prepare(
            "SELECT uuid, text FROM entry WHERE instr(text, '#') > 0
             UNION ALL SELECT uuid, text FROM entry_history WHERE instr(text, '#') > 0",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (source, text) in texts {
        crate::store::mentions::record(tx, &source, &text)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
    }
    Ok(())
}

/// The links that pair a dead end with the hypothesis it rules out (`dead --of`, `rules-out`:
/// dead end -> hypothesis) or explains (`refute N --because M`, `because`: hypothesis -> M),
/// so that the briefing counts the dead ends it shows as a refutation's reason rather than as
/// items of their own without reading every link. Partial: evidence links (`supports`,
/// `refutes`), the common ones, do not touch them.
fn link_pairing_indexes(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE INDEX IF NOT EXISTS link_rules_out ON link(source, target) WHERE type = 'rules-out';
         CREATE INDEX IF NOT EXISTS link_because ON link(target, source) WHERE type = 'because';",
    )
}

/// Bring the file to [`CURRENT_VERSION`], or refuse a newer one.
pub fn migrate(conn: &mut Connection, path_for_errors: &str) -> Result<(), CaseFileError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version == CURRENT_VERSION {
        return Ok(());
    }
    if version > CURRENT_VERSION {
        return Err(CaseFileError::NewerSchema {
            path: path_for_errors.to_string(),
            found: version,
            known: CURRENT_VERSION,
        });
    }
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now > index as i64 {
            continue;
        }
        migration(&tx)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_reaches_the_current_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "mem").unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, CURRENT_VERSION);
        // Migrating again is a no-op.
        migrate(&mut conn, "mem").unwrap();
    }

    #[test]
    fn a_newer_file_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", CURRENT_VERSION + 1)
            .unwrap();
        let err = migrate(&mut conn, "x.sqlite").unwrap_err();
        assert!(matches!(err, CaseFileError::NewerSchema { .. }), "{err}");
    }

    #[test]
    fn counts_by_author_are_built_from_the_entries_of_a_v3_file() {
        let mut conn = Connection::open_in_memory().unwrap();
        for m in &MIGRATIONS[..3] {
            let tx = conn.transaction().unwrap();
            m(&tx).unwrap();
            tx.commit().unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        for (n, (author, at)) in [
            ("Dana", "2026-11-18T14:12:00-05:00"),
            ("Ken", "2026-11-18T20:30:00+00:00"),
            ("Dana", "2026-11-18T14:40:00-05:00"),
        ]
        .into_iter()
        .enumerate()
        {
            conn.execute(
                "INSERT INTO entry (number, uuid, kind, text, author, recorded_at, at_ms)
                 VALUES (?1, ?1, 'note', 'x', ?2, ?3, 0)",
                rusqlite::params![n as i64 + 1, author, at],
            )
            .unwrap();
        }
        migrate(&mut conn, "mem").unwrap();
        let rows: Vec<(String, i64, i64)> = conn
            .prepare("SELECT author, n, last_ms FROM entry_count ORDER BY author")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        // 14:40 -05:00 is 19:40 UTC.
        assert_eq!(
            rows,
            [
                ("Dana".to_string(), 2, 1_795_030_800_000),
                ("Ken".to_string(), 1, 1_795_033_800_000)
            ]
        );
    }

    #[test]
    fn each_migration_applies_on_top_of_the_previous_one() {
        let mut conn = Connection::open_in_memory().unwrap();
        for (i, m) in MIGRATIONS.iter().enumerate() {
            let tx = conn.transaction().unwrap();
            m(&tx).unwrap_or_else(|e| panic!("migration {} failed: {e}", i + 1));
            tx.commit().unwrap();
        }
    }
}
