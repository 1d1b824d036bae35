//! `casefile sync`: cases exchanged through any git remote, merged by UUID, never forced.
//!
//! Each case is one ref, `refs/casefile/cases/<case-uuid>`. Each of its commits holds the
//! files of what one sync sent, split one blob per entry, state change, case event, change and
//! attachment ([`tree`]); the case is the union of the trees of its history (as git-bug keeps
//! its entities), so writing, pushing and reading a sync cost what changed, not the size of the
//! case. (Refs written by the earlier layout held the whole case in every commit; they read
//! the same way, see [`transport::Git::new_files`].) A sync:
//!
//! 1. fetches every case ref of the remote into scratch refs
//!    (`refs/casefile/remote/<remote-id>/cases/*`) of casefile's own bare repository,
//!    `<home>/sync.git`, by running the user's `git` ([`transport`]);
//! 2. for each case whose remote ref moved, reads the files of the commits this home has not
//!    seen ([`transport::Git::new_files`]), makes them a bundle (with what it needs beside
//!    them from the case itself) and merges it with the import merge, inside a transaction
//!    left open;
//! 3. for each shared case that changed here (found by [`crate::store::marks`] without
//!    reading the case), writes the changed entries' blobs into a commit whose parents are
//!    the last known commit and the fetched one ([`objects`], or `git fast-import` for many);
//! 4. pushes those commits without `+`. Only then are the transactions committed and the
//!    state saved. A case whose push was refused because the remote moved is rolled back and
//!    goes round again (fetch, merge, push), up to [`ATTEMPTS`] times.
//!
//! So a failed or killed sync changes no case (its transactions were never committed), and
//! the next one redoes the work: merging is idempotent, and what was pushed already is simply
//! found on the remote. A case that did not change on either side costs one `stat`.

pub mod objects;
pub mod state;
pub mod transport;
pub mod tree;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;

use anyhow::{anyhow, Context as _, Result};

use crate::bundle;
use crate::error::invalid;
use crate::home::Home;
use crate::store::marks::{self as changes, Changed, Marks};
use crate::store::{dump, lifecycle, merge, numbering, CaseStore, NewCase};
use state::{CaseRecord, State, Synced};
use transport::{Git, TreeChange, CASES};

/// How many times a sync fetches, merges and pushes again when the remote moved meanwhile.
pub const ATTEMPTS: usize = 5;

/// What `sync` is asked to do.
pub struct Options {
    /// Anything `git` can fetch from and push to.
    pub url: String,
    /// Share every local case.
    pub all: bool,
    /// Share this case (the current one, or `-C`).
    pub share: Option<String>,
    /// Whose name goes on the commits.
    pub author: String,
}

/// What happened to one case.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CaseLine {
    pub slug: String,
    /// The case was not here before this sync.
    pub created: bool,
    /// New entries fetched, and who wrote them.
    pub received: usize,
    pub from: BTreeSet<String>,
    /// Other changes fetched (state changes, edits, links, closes…).
    pub changes: usize,
    /// Entries sent.
    pub sent: usize,
    /// Local entries the merge renumbered, (old, new) (see `store::numbering`).
    pub renumbered: Vec<(i64, i64)>,
}

impl CaseLine {
    fn is_quiet(&self) -> bool {
        !self.created && self.received == 0 && self.changes == 0 && self.sent == 0
    }
}

/// What a sync did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Cases that changed, one line each.
    pub lines: Vec<CaseLine>,
    /// Cases looked at (shared here or on the remote).
    pub cases: usize,
    /// Cases whose remote copy is damaged: one message each, nothing merged for them.
    pub damaged: Vec<String>,
}

/// Sync the home with a remote.
pub fn sync(home: &Home, options: &Options) -> Result<Outcome> {
    home.ensure()?;
    let git = Git::open_or_init(&home.root().join("sync.git"))?;
    let _lock = state::Lock::take(&git.dir().join("casefile.lock"))?;
    git.clear_stale_locks();
    let state_path = git.dir().join("casefile.json");
    let mut st = State::load(&state_path);
    let remote_id = remote_id(&options.url);
    let scratch = format!("refs/casefile/remote/{remote_id}/cases/");

    // The fetch depends on nothing here: it runs while this home's changes are read and
    // pushed. From a thread, because starting a process waits until the process has started
    // (about a millisecond and a half here), and the early push is what the sync waits for.
    let mut fetching = Some({
        let (git, url, scratch) = (git.clone(), options.url.clone(), scratch.clone());
        std::thread::spawn(move || git.fetch(&url, &scratch))
    });
    let mut dirty = share(home, &mut st, options)?;
    let mut outcome = Outcome::default();
    let mut pending: Option<BTreeSet<String>> = None;
    let mut first_created: Option<String> = None;
    let mut early = Some(start_early(home, &git, &st, &remote_id, options)?);
    let mut early_lines: BTreeMap<String, CaseLine> = BTreeMap::new();
    let mut early_stores: BTreeMap<String, EarlyStore> = BTreeMap::new();
    for attempt in 1..=ATTEMPTS {
        let fetched = match fetching.take() {
            Some(thread) => thread
                .join()
                .unwrap_or_else(|_| Err(anyhow!("the fetch stopped unexpectedly"))),
            None => git.fetch(&options.url, &scratch),
        };
        let mut taken_early: BTreeMap<String, (String, String)> = BTreeMap::new();
        if let Some(Early {
            pushing,
            cases,
            mut stores,
        }) = early.take()
        {
            let pushed = match pushing {
                Some(p) => p.finish(),
                None => Ok(transport::PushOutcome::default()),
            };
            // Nothing was written here for these pushes: a failed one leaves every case as
            // it was, and the cases go through the round below like any other, whose push
            // reports a failure that is real. (git itself can fail this push when the remote
            // moved: it may find the remote's new commit named but not yet readable here,
            // while the fetch running beside it is writing that commit into `sync.git`.)
            let pushed = pushed.unwrap_or_default();
            die_at("pushed-early");
            for (uuid, (commit, known, synced, line)) in cases {
                if !pushed.accepted.contains(&uuid) {
                    continue;
                }
                let entry = st.cases.entry(uuid.clone()).or_default();
                entry.remotes.insert(remote_id.clone(), synced);
                dirty = true;
                early_lines.insert(uuid.clone(), line);
                if let Some(store) = stores.remove(&uuid) {
                    early_stores.insert(uuid.clone(), store);
                }
                taken_early.insert(uuid, (known, commit));
            }
        }
        fetched?;
        die_at("fetched");
        let mut remote = git.refs(&scratch)?;
        // A fetch that ran before an early push landed still shows the commit it went on
        // top of (or no ref, when the push made it again); the remote has the pushed one (or,
        // pushed later by someone, its children).
        let mut landed = Vec::new();
        for (uuid, (known, commit)) in taken_early {
            match remote.get_mut(&uuid) {
                Some(theirs) if *theirs == known => {
                    landed.push((uuid, commit.clone()));
                    *theirs = commit;
                }
                Some(_) => {}
                None => {
                    landed.push((uuid.clone(), commit.clone()));
                    remote.insert(uuid, commit);
                }
            }
        }
        git.set_refs(&scratch, &landed);
        let mut round = Round {
            home,
            git: &git,
            st: &st,
            remote_id: &remote_id,
            remote: &remote,
            early_stores: &mut early_stores,
            works: Vec::new(),
            damaged: Vec::new(),
        };
        let mut uuids: BTreeSet<String> = remote.keys().cloned().collect();
        uuids.extend(
            st.cases
                .iter()
                .filter(|(_, r)| r.shared)
                .map(|(u, _)| u.clone()),
        );
        if let Some(only) = &pending {
            uuids.retain(|u| only.contains(u));
        }
        if attempt == 1 {
            outcome.cases = uuids.len();
        }
        for uuid in &uuids {
            round.plan(uuid)?;
        }
        let Round {
            mut works, damaged, ..
        } = round;
        outcome.damaged.extend(damaged);

        die_at("merged");
        let built = build(&git, &mut works, &options.author)?;
        die_at("built");
        let pushed = match git.push(&options.url, &built) {
            Ok(p) => p,
            Err(err) => {
                // Nothing is committed: every case stays as it was.
                for w in &mut works {
                    w.rollback();
                }
                return Err(err);
            }
        };
        die_at("pushed");
        let accepted: BTreeSet<&str> = pushed.accepted.iter().map(String::as_str).collect();
        let moved: BTreeSet<String> = pushed.moved.iter().cloned().collect();
        let landed: Vec<(String, String)> = works
            .iter()
            .filter(|w| accepted.contains(w.uuid.as_str()))
            .filter_map(|w| Some((w.uuid.clone(), w.pushing.clone()?)))
            .collect();
        git.set_refs(&scratch, &landed);
        for w in works {
            if moved.contains(&w.uuid) {
                let mut w = w;
                w.rollback();
                continue;
            }
            if w.pushing.is_some() && !accepted.contains(w.uuid.as_str()) {
                // Neither taken nor refused as moved: git said nothing about it.
                let mut w = w;
                w.rollback();
                return Err(invalid(format!(
                    "cannot push to {}: git did not report on case {}",
                    options.url, w.slug
                )));
            }
            let (uuid, record, mut line, created) = w.commit(home)?;
            die_at("committed-one");
            if let Some(sent) = early_lines.remove(&uuid) {
                line.sent += sent.sent;
            }
            if created && first_created.is_none() {
                first_created = Some(record.slug.clone());
            }
            let entry = st.cases.entry(uuid).or_default();
            entry.slug = record.slug;
            entry.shared = true;
            if let Some(synced) = record.synced {
                entry.remotes.insert(remote_id.clone(), synced);
            }
            dirty = true;
            if !line.is_quiet() {
                outcome.lines.push(line);
            }
        }
        if moved.is_empty() {
            pending = None;
            break;
        }
        if attempt == ATTEMPTS {
            if dirty {
                st.save(&state_path)?;
            }
            return Err(invalid(format!(
                "the remote kept moving: {} case(s) could not be pushed after {ATTEMPTS} tries; run `casefile sync` again",
                moved.len()
            )));
        }
        pending = Some(moved);
        // Back off before the next round: the other writer (or a push killed a moment ago
        // whose `receive-pack` still holds the remote's ref lock) needs time to finish, and two
        // racing syncs retrying in lockstep would collide again. 100, 200, 400, 800 ms.
        std::thread::sleep(std::time::Duration::from_millis(50 << attempt.min(5)));
    }
    debug_assert!(pending.is_none());
    // Cases whose early push was all there was to do.
    outcome
        .lines
        .extend(early_lines.into_values().filter(|l| !l.is_quiet()));
    outcome.lines.sort_by(|a, b| a.slug.cmp(&b.slug));
    die_at("committed");
    if dirty {
        st.save(&state_path)?;
    }
    if let Some(slug) = first_created {
        if home.current_slug()?.is_none() {
            home.set_current(&slug)?;
        }
    }
    Ok(outcome)
}

/// Where a test may stop a sync as `kill -9` would: `CASEFILE_SYNC_DIE_AT=<point>` kills the
/// process with SIGKILL when it gets there (no destructor, no rollback, git children left to
/// their parent-death signal). It lets the tests stop a sync at each moment that matters
/// instead of guessing one with a timer.
fn die_at(point: &str) {
    if std::env::var_os("CASEFILE_SYNC_DIE_AT").is_some_and(|v| v == point) {
        // SAFETY: kill(2) on this very process; it does not return.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
    }
}

/// A short, ref-safe name for a remote URL (its scratch refs live under it).
fn remote_id(url: &str) -> String {
    use sha1::{Digest, Sha1};
    let digest = Sha1::digest(url.trim().as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Mark the cases this sync shares; true when the state changed.
fn share(home: &Home, st: &mut State, options: &Options) -> Result<bool> {
    let slugs = if options.all {
        home.slugs()?
    } else {
        options.share.iter().cloned().collect()
    };
    let mut changed = false;
    for slug in slugs {
        let uuid = match st.uuid_of(&slug) {
            Some(u) => u.to_string(),
            None => {
                let path = home.existing_case(&slug)?;
                let store = CaseStore::open(&path, &slug)?;
                merge::case_uuid(store.conn())?
                    .with_context(|| format!("case {slug} has no UUID; it may be damaged"))?
            }
        };
        let record = st.cases.entry(uuid).or_insert_with(|| CaseRecord {
            slug: slug.clone(),
            ..CaseRecord::default()
        });
        if !record.shared || record.slug != slug {
            record.shared = true;
            record.slug = slug;
            changed = true;
        }
    }
    Ok(changed)
}

/// One case's work in one round.
struct Work {
    uuid: String,
    slug: String,
    /// The case file, with a write transaction open (committed after the push).
    store: Option<CaseStore>,
    /// A case new here, to create after the push phase.
    create: Option<bundle::Bundle>,
    /// The commit to record as on the remote when this round succeeds.
    record: Option<String>,
    /// The commit to build: parents and files.
    build: Option<Build>,
    /// The commit built, being pushed.
    pushing: Option<String>,
    marks: Marks,
    line: CaseLine,
}

/// A commit to write. Its tree holds only the files of this round (what changed here); the
/// case is the union of the trees of its history, so writing and pushing it cost what
/// changed, not the size of the case.
struct Build {
    parents: Vec<String>,
    blobs: Vec<tree::Blob>,
}

impl Work {
    fn rollback(&mut self) {
        if let Some(store) = self.store.take() {
            let _ = store.conn().execute_batch("ROLLBACK");
        }
    }

    /// Make this case's round permanent: commit the merge, or create the new case.
    fn commit(mut self, home: &Home) -> Result<(String, Committed, CaseLine, bool)> {
        let mut created = false;
        if let Some(store) = self.store.take() {
            store
                .conn()
                .execute_batch("COMMIT")
                .with_context(|| format!("cannot write to {}", store.path().display()))?;
        }
        if let Some(bundle) = self.create.take() {
            self.slug = create_case(home, &bundle, &self.slug)?;
            self.line.slug = self.slug.clone();
            let store = CaseStore::open(&home.case_path(&self.slug), &self.slug)?;
            self.marks = changes::marks(store.conn())?;
            created = true;
        }
        let commit = self.pushing.clone().or(self.record.clone());
        let synced = commit.map(|commit| Synced {
            commit,
            marks: self.marks.clone(),
            sig: state::signature(&home.case_path(&self.slug)),
        });
        Ok((
            self.uuid,
            Committed {
                slug: self.slug,
                synced,
            },
            self.line,
            created,
        ))
    }
}

struct Committed {
    slug: String,
    synced: Option<Synced>,
}

/// The planning of one round: what each case needs.
struct Round<'a> {
    home: &'a Home,
    git: &'a Git,
    st: &'a State,
    remote_id: &'a str,
    remote: &'a BTreeMap<String, String>,
    /// Case files an early push that was taken read, still open.
    early_stores: &'a mut BTreeMap<String, EarlyStore>,
    works: Vec<Work>,
    damaged: Vec<String>,
}

impl Round<'_> {
    fn plan(&mut self, uuid: &str) -> Result<()> {
        let record = self.st.cases.get(uuid);
        let synced = record.and_then(|r| r.remotes.get(self.remote_id));
        let known = synced.map(|s| s.commit.as_str());
        let theirs = self.remote.get(uuid).map(String::as_str);
        let local = record
            .map(|r| r.slug.clone())
            .filter(|slug| self.home.case_path(slug).is_file());

        let Some(slug) = local else {
            let Some(theirs) = theirs else { return Ok(()) };
            return self.plan_new(uuid, record.map(|r| r.slug.as_str()), theirs);
        };
        self.plan_local(uuid, slug, synced, known, theirs)
    }

    /// A case this home has, under `slug`.
    fn plan_local(
        &mut self,
        uuid: &str,
        slug: String,
        synced: Option<&Synced>,
        known: Option<&str>,
        theirs: Option<&str>,
    ) -> Result<()> {
        let path = self.home.case_path(&slug);
        let early = self.early_stores.remove(uuid);
        if theirs.is_some() && theirs == known {
            if early.as_ref().is_some_and(EarlyStore::unchanged) {
                // Pushed early, and nothing was written since it was read.
                return Ok(());
            }
            if let (Some(s), Some(now)) = (synced, state::signature(&path)) {
                if s.sig.as_deref() == Some(now.as_str()) {
                    return Ok(());
                }
            }
        }

        let store = match early {
            Some(e) => e.store,
            None => CaseStore::open(&path, &slug)?,
        };
        store
            .conn()
            .execute_batch("BEGIN IMMEDIATE")
            .with_context(|| format!("cannot write to {}", path.display()))?;
        let mut work = Work {
            uuid: uuid.to_string(),
            slug: slug.clone(),
            store: Some(store),
            create: None,
            record: None,
            build: None,
            pushing: None,
            marks: Marks::default(),
            line: CaseLine {
                slug: slug.clone(),
                ..CaseLine::default()
            },
        };
        match self.plan_existing(&mut work, synced, known, theirs) {
            Ok(()) => {
                self.works.push(work);
                Ok(())
            }
            Err(err) => {
                work.rollback();
                if err.downcast_ref::<Damaged>().is_some() {
                    self.damaged.push(format!("case {slug}: {err}"));
                    Ok(())
                } else {
                    Err(err)
                }
            }
        }
    }

    fn plan_existing(
        &self,
        work: &mut Work,
        synced: Option<&Synced>,
        known: Option<&str>,
        theirs: Option<&str>,
    ) -> Result<()> {
        let Some(store) = work.store.as_ref() else {
            return Ok(());
        };
        let conn = store.conn();
        let no_marks = Marks::default();
        let old_marks = synced.map_or(&no_marks, |s| &s.marks);
        let (mine, marks_before) = changes::since(conn, old_marks)?;
        // The merge below may renumber entries (`store::numbering`): hold ours by UUID.
        let mine_uuids = match &mine {
            Changed::Some { entries, .. } => {
                Some(numbering::uuids_of(conn, entries.iter().copied())?)
            }
            Changed::Everything => None,
        };

        // Their side: what the remote's new commits brought since the one this home last knew.
        let mut read_any = false;
        let mut from_remote: BTreeSet<String> = BTreeSet::new();
        // A ref the remote no longer has (deleted there by hand), or rewritten by some other
        // tool so that it no longer holds what this home last saw there: the whole case is
        // pushed again on top of both.
        let mut lost_on_remote = theirs.is_none() && known.is_some();
        if let Some(theirs) = theirs.filter(|t| Some(*t) != known) {
            if let Some(known) = known {
                lost_on_remote = !self.git.is_ancestor(known, theirs)?;
            }
            let (assembly, files) = read_remote(self.git, Some(conn), known, theirs)?;
            read_any = !files.is_empty();
            from_remote = files
                .iter()
                .filter_map(|c| tree::entry_of(&c.path).map(str::to_string))
                .collect();
            if assembly.has_case() {
                merge_assembly(conn, assembly, &mut work.line)?;
            }
        }
        work.marks = if read_any {
            changes::marks(conn)?
        } else {
            marks_before
        };
        let mine = match (mine, mine_uuids) {
            (Changed::Some { case, .. }, Some(uuids)) => {
                let uuids: Vec<&str> = uuids.iter().map(String::as_str).collect();
                Changed::Some {
                    entries: changes::numbers_of(conn, &uuids)?.into_values().collect(),
                    case,
                }
            }
            (mine, _) => mine,
        };

        let nothing_here = mine.is_nothing() && known.is_some();
        if nothing_here && !lost_on_remote {
            // The remote has everything this case has: take its commit as it is.
            work.record = theirs.map(str::to_string).or(known.map(str::to_string));
            return Ok(());
        }

        // Our side: the blobs of what changed here.
        let mut blobs = Vec::new();
        let new_here_after = old_marks.0.get("entry").map_or(0, |m| m.0);
        let (only, case_changed) = match (&mine, known) {
            (Changed::Some { entries, case }, Some(_)) if !lost_on_remote => {
                (Some(entries.iter().copied().collect::<Vec<i64>>()), *case)
            }
            _ => (None, true),
        };
        let sent = own_blobs(
            conn,
            only.as_deref(),
            case_changed,
            new_here_after,
            &from_remote,
            &mut blobs,
        )?;
        work.line.sent = sent;
        let mut parents: Vec<String> = known.into_iter().map(str::to_string).collect();
        if let Some(t) = theirs {
            if !parents.iter().any(|p| p == t) {
                parents.push(t.to_string());
            }
        }
        work.build = Some(Build { parents, blobs });
        Ok(())
    }

    /// A case on the remote that is not here: read it whole, to create after the push phase.
    fn plan_new(&mut self, uuid: &str, slug_before: Option<&str>, theirs: &str) -> Result<()> {
        let read = read_remote(self.git, None, None, theirs).and_then(|(assembly, _)| {
            let bytes = assembly.into_bundle().map_err(damaged)?;
            bundle::parse(&bytes).map_err(damaged)
        });
        let bundle = match read {
            Ok(b) => b,
            Err(err) if err.downcast_ref::<Damaged>().is_some() => {
                self.damaged.push(format!("case {uuid}: {err}"));
                return Ok(());
            }
            Err(err) => return Err(err),
        };
        if bundle.case.info.uuid != uuid {
            self.damaged.push(format!(
                "case {uuid}: its case.json names case {}; nothing was merged for it",
                bundle.case.info.uuid
            ));
            return Ok(());
        }
        let slug = slug_before.unwrap_or(&bundle.case.info.slug).to_string();
        // The case may be here already, unrecorded: created by a sync killed before it saved
        // what it did, or a copy of the case file. It is merged into, not created twice.
        let path = self.home.case_path(&slug);
        if path.is_file() {
            let store = CaseStore::open(&path, &slug)?;
            if merge::case_uuid(store.conn())?.as_deref() == Some(uuid) {
                drop(store);
                return self.plan_local(uuid, slug, None, None, Some(theirs));
            }
        }
        let line = CaseLine {
            slug: slug.clone(),
            created: true,
            received: bundle.entries.len(),
            from: bundle.entries.iter().map(|e| e.author.clone()).collect(),
            ..CaseLine::default()
        };
        self.works.push(Work {
            uuid: uuid.to_string(),
            slug,
            store: None,
            create: Some(bundle),
            record: Some(theirs.to_string()),
            build: None,
            pushing: None,
            marks: Marks::default(),
            line,
        });
        Ok(())
    }
}

/// The files of what changed here: the case record and its events when `case_changed`, and
/// the entries numbered `only` (all when `None`) with their items, a `number` hint for those
/// written here after `new_here_after`. Entries in `from_remote` arrived from the remote in
/// this round: carried again, not counted as sent. Returns how many were sent.
fn own_blobs(
    conn: &rusqlite::Connection,
    only: Option<&[i64]>,
    case_changed: bool,
    new_here_after: i64,
    from_remote: &BTreeSet<String>,
    blobs: &mut Vec<tree::Blob>,
) -> Result<usize> {
    if case_changed {
        let case = bundle::BundleCase {
            info: crate::store::case_info(conn)?,
            events: lifecycle::events(conn)?,
        };
        tree::case_blobs(&case, blobs)?;
    }
    let mut sent = 0;
    dump::each_bundle_entry_of(conn, only, |e| {
        let theirs_too = from_remote.contains(&e.uuid);
        if !theirs_too {
            sent += 1;
        }
        let new_here = only.is_none() || e.number > new_here_after;
        tree::entry_blobs(e, new_here && !theirs_too, blobs)
    })?;
    Ok(sent)
}

/// A push started before the fetch: the commits of the shared cases that changed here since
/// their last sync, on top of the commit last seen on the remote.
///
/// Most syncs find the remote where this home left it, so these commits are pushed while the
/// fetch runs instead of after it: a sync then costs about one round trip, not two. Nothing
/// local is written for them: if the remote moved meanwhile, git refuses the push (it is not a
/// fast-forward; it is never forced) and the case goes through the usual fetch, merge and push.
/// An accepted push is one the remote held nothing new against: everything on it was already
/// merged here.
struct Early {
    pushing: Option<transport::Pushing>,
    /// By case UUID: the commit pushed, the commit it went on top of, and the record to keep
    /// when it is taken.
    cases: BTreeMap<String, (String, String, Synced, CaseLine)>,
    /// The case files read for those commits, kept open for the round (see [`EarlyStore`]).
    stores: BTreeMap<String, EarlyStore>,
}

/// A case file an early push was read from, still open.
///
/// When the push is taken, the round that follows has to know whether the case changed after
/// it was read. The file's signature cannot tell when the last write is a moment old (the
/// usual case: a note, then `sync`), but the connection can: SQLite's `data_version` changes
/// when any other connection commits to the file. Unchanged, the case needs nothing more;
/// changed, the round works on this connection instead of opening the file again.
struct EarlyStore {
    store: CaseStore,
    data_version: i64,
}

impl EarlyStore {
    fn unchanged(&self) -> bool {
        data_version(self.store.conn()).is_ok_and(|v| v == self.data_version)
    }
}

fn data_version(conn: &rusqlite::Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// What a case changed since its last sync, read in one snapshot for an early push.
struct EarlyRead {
    blobs: Vec<tree::Blob>,
    sent: usize,
    marks: Marks,
    data_version: i64,
}

/// Read what changed in the case open on `conn` since `synced` (`None`: nothing).
fn read_early(conn: &rusqlite::Connection, synced: &Synced) -> Result<Option<EarlyRead>> {
    let data_version = data_version(conn)?;
    let (mine, marks) = changes::since(conn, &synced.marks)?;
    let Changed::Some { entries, case } = mine else {
        return Ok(None);
    };
    if entries.is_empty() && !case {
        return Ok(None);
    }
    let only: Vec<i64> = entries.into_iter().collect();
    let new_here_after = synced.marks.0.get("entry").map_or(0, |m| m.0);
    let mut blobs = Vec::new();
    let sent = own_blobs(
        conn,
        Some(&only),
        case,
        new_here_after,
        &BTreeSet::new(),
        &mut blobs,
    )?;
    Ok(Some(EarlyRead {
        blobs,
        sent,
        marks,
        data_version,
    }))
}

fn start_early(
    home: &Home,
    git: &Git,
    st: &State,
    remote_id: &str,
    options: &Options,
) -> Result<Early> {
    let mut works = Vec::new();
    let mut known_of = BTreeMap::new();
    let mut stores = BTreeMap::new();
    for (uuid, record) in &st.cases {
        let Some(synced) = record.remotes.get(remote_id).filter(|_| record.shared) else {
            continue;
        };
        let path = home.case_path(&record.slug);
        if !path.is_file() {
            continue;
        }
        // Taken before reading the marks, so a write after them changes it.
        let sig = state::signature(&path);
        if sig.is_some() && synced.sig == sig {
            continue;
        }
        let store = CaseStore::open(&path, &record.slug)?;
        let conn = store.conn();
        // One snapshot for the marks and the entries.
        conn.execute_batch("BEGIN")?;
        let read = read_early(conn, synced);
        let _ = conn.execute_batch("COMMIT");
        let Some(EarlyRead {
            blobs,
            sent,
            marks,
            data_version,
        }) = read?
        else {
            continue;
        };
        stores.insert(
            uuid.clone(),
            EarlyStore {
                store,
                data_version,
            },
        );
        known_of.insert(uuid.clone(), (synced.commit.clone(), marks, sig));
        works.push(Work {
            uuid: uuid.clone(),
            slug: record.slug.clone(),
            store: None,
            create: None,
            record: None,
            build: Some(Build {
                parents: vec![synced.commit.clone()],
                blobs,
            }),
            pushing: None,
            marks: Marks::default(),
            line: CaseLine {
                slug: record.slug.clone(),
                sent,
                ..CaseLine::default()
            },
        });
    }
    let built = build(git, &mut works, &options.author)?;
    let pushing = git.start_push(&options.url, &built)?;
    let mut cases = BTreeMap::new();
    for w in works {
        let (Some(commit), Some((known, marks, sig))) = (w.pushing, known_of.remove(&w.uuid))
        else {
            continue;
        };
        let synced = Synced {
            commit: commit.clone(),
            marks,
            sig,
        };
        cases.insert(w.uuid, (commit, known, synced, w.line));
    }
    Ok(Early {
        pushing,
        cases,
        stores,
    })
}

/// A remote copy that cannot be merged: the error names what is wrong.
#[derive(Debug)]
struct Damaged(String);

impl std::fmt::Display for Damaged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the remote's copy is damaged: {}; nothing was merged for it",
            self.0
        )
    }
}

impl std::error::Error for Damaged {}

fn damaged(err: anyhow::Error) -> anyhow::Error {
    let text = crate::error::one_line(&err).replace("; nothing was imported", "");
    anyhow!(Damaged(text))
}

/// Read what the commits of `to` that `from` lacks brought into an assembly: their files,
/// then what a bundle needs beside them (the case record, the entries that only gained items
/// or are link targets, attachment bytes seen before). That context comes from the open case
/// `conn` when it has it (everything `from` brought was merged into it), else from `to`'s tree
/// (a ref written in the earlier layout holds the whole case in each commit); missing from
/// both, the remote's copy is damaged.
fn read_remote(
    git: &Git,
    conn: Option<&rusqlite::Connection>,
    from: Option<&str>,
    to: &str,
) -> Result<(tree::Assembly, Vec<TreeChange>)> {
    let files = git.new_files(from, to).map_err(damaged)?;
    let specs: Vec<String> = files.iter().map(|c| c.oid.clone()).collect();
    let data = git.read_many(&specs).map_err(damaged)?;
    let mut assembly = tree::Assembly::default();
    for (change, data) in files.iter().zip(data) {
        let data = data.ok_or_else(|| damaged(anyhow!("{} is missing", change.path)))?;
        assembly.add(&change.path, &data).map_err(damaged)?;
    }
    if files.is_empty() {
        return Ok((assembly, files));
    }
    // Second round: what the bundle needs that did not change.
    let mut context: Vec<String> = assembly.entries_missing();
    context.extend(assembly.link_targets_missing());
    context.sort();
    context.dedup();
    let mut paths = Vec::new();
    let mut need_case = !assembly.has_case();
    let mut shas = assembly.attachments_missing();
    if let Some(conn) = conn {
        let mut blobs = Vec::new();
        if need_case {
            let case = bundle::BundleCase {
                info: crate::store::case_info(conn)?,
                events: Vec::new(),
            };
            tree::case_blobs(&case, &mut blobs)?;
            need_case = false;
        }
        let uuids: Vec<&str> = context.iter().map(String::as_str).collect();
        let numbers: Vec<i64> = changes::numbers_of(conn, &uuids)?.into_values().collect();
        if !numbers.is_empty() {
            dump::each_bundle_entry_of(conn, Some(&numbers), |e| {
                tree::entry_blobs(e, false, &mut blobs)
            })?;
        }
        for blob in blobs {
            if blob.path == "case.json"
                || tree::entry_of(&blob.path).is_some_and(|u| tree::entry_path(u) == blob.path)
            {
                assembly.add(&blob.path, &blob.data)?;
            }
        }
        let mut still = Vec::new();
        for sha in shas {
            match changes::attachment_bytes(conn, &sha)? {
                Some(bytes) => assembly.add(&tree::attachment_path(&sha), &bytes)?,
                None => still.push(sha),
            }
        }
        shas = still;
    }
    if need_case {
        paths.push("case.json".to_string());
    }
    paths.extend(
        context
            .iter()
            .filter(|u| !assembly.has_entry(u))
            .map(|u| tree::entry_path(u)),
    );
    paths.extend(shas.iter().map(|sha| tree::attachment_path(sha)));
    let specs: Vec<String> = paths.iter().map(|p| format!("{to}:{p}")).collect();
    let data = git.read_many(&specs).map_err(damaged)?;
    for (path, data) in paths.iter().zip(data) {
        let data = data.ok_or_else(|| damaged(anyhow!("{path} is missing")))?;
        assembly.add(path, &data).map_err(damaged)?;
    }
    for uuid in &context {
        assembly.drop_attachments_of(uuid);
    }
    Ok((assembly, files))
}

/// Merge what was read into the open case and count it on the line.
fn merge_assembly(
    conn: &rusqlite::Connection,
    assembly: tree::Assembly,
    line: &mut CaseLine,
) -> Result<()> {
    let authors = assembly.entry_authors();
    let item_authors = assembly.item_authors();
    let bytes = assembly.into_bundle().map_err(damaged)?;
    let bundle = bundle::parse(&bytes).map_err(damaged)?;
    let uuids: Vec<&str> = bundle.entries.iter().map(|e| e.uuid.as_str()).collect();
    let known = changes::numbers_of(conn, &uuids)?;
    let before = changes::marks(conn)?;
    let report = merge::merge(conn, &bundle, false)?;
    line.renumbered.extend(report.renumbered.iter().copied());
    // Counted from the rows the merge appended, whatever tables the bundle fills.
    let after = changes::marks(conn)?;
    let appended: i64 = after
        .0
        .iter()
        .filter(|(table, _)| table.as_str() != "entry")
        .map(|(table, (max, _))| (max - before.0.get(table).map_or(0, |m| m.0)).max(0))
        .sum();
    line.received += report.entries_added;
    line.changes += usize::try_from(appended).unwrap_or(0);
    if report.entries_added > 0 {
        line.from.extend(
            authors
                .into_iter()
                .filter(|(uuid, _)| !known.contains_key(uuid))
                .map(|(_, author)| author),
        );
    }
    if appended > 0 {
        line.from.extend(item_authors);
    }
    Ok(())
}

/// Write the commits of every case that has one to build: small ones here ([`objects`]), the
/// others with one `git fast-import`. Returns the `(commit, case uuid)` pairs to push.
fn build(git: &Git, works: &mut [Work], author: &str) -> Result<Vec<(String, String)>> {
    let mut script = Vec::new();
    let mut marks = Vec::new();
    let name: String = author
        .chars()
        .filter(|c| !matches!(c, '<' | '>' | '\n'))
        .collect();
    let name = if name.trim().is_empty() {
        "casefile".to_string()
    } else {
        name.trim().to_string()
    };
    let now = chrono::Utc::now().timestamp();
    let direct = objects::writes_sha1(git.dir());
    let mut out = Vec::new();
    for (i, w) in works.iter_mut().enumerate() {
        let Some(b) = &w.build else { continue };
        let message = format!("casefile sync: {} ({} sent)\n", w.slug, w.line.sent);
        if direct && b.blobs.len() <= objects::DIRECT_LIMIT {
            // A few files: written here, without a process (see `objects`).
            let oid = objects::commit(git.dir(), &b.blobs, &b.parents, &name, now, &message)?;
            w.pushing = Some(oid.clone());
            out.push((oid, w.uuid.clone()));
            continue;
        }
        let mark = i as u64 + 1;
        if b.parents.is_empty() {
            // A first commit: no parent, whatever a stale local build ref says.
            writeln!(script, "reset {CASES}{}", w.uuid)?;
        }
        write!(
            script,
            "commit {CASES}{}\nmark :{mark}\ncommitter {name} <> {now} +0000\ndata {}\n{message}",
            w.uuid,
            message.len()
        )?;
        for (j, parent) in b.parents.iter().enumerate() {
            writeln!(script, "{} {parent}", if j == 0 { "from" } else { "merge" })?;
        }
        // The tree holds this commit's own files only, whatever the parent's tree holds.
        script.extend_from_slice(b"deleteall\n");
        for blob in &b.blobs {
            write!(
                script,
                "M 100644 inline {}\ndata {}\n",
                blob.path,
                blob.data.len()
            )?;
            script.extend_from_slice(&blob.data);
            script.push(b'\n');
        }
        script.push(b'\n');
        marks.push((mark, i));
    }
    if marks.is_empty() {
        return Ok(out);
    }
    let oids = git.fast_import(&script)?;
    for (mark, i) in marks {
        let oid = oids
            .get(&mark)
            .cloned()
            .ok_or_else(|| anyhow!("git fast-import did not report commit :{mark}"))?;
        works[i].pushing = Some(oid.clone());
        out.push((oid, works[i].uuid.clone()));
    }
    Ok(out)
}

/// Create a case fetched from the remote, under its slug or, when another case has it, under
/// the slug with the case UUID's last characters. Returns the slug used.
fn create_case(home: &Home, bundle: &bundle::Bundle, slug: &str) -> Result<String> {
    let info = &bundle.case.info;
    let mut slug = slug.to_string();
    if home.case_path(&slug).exists() {
        let tail: String = info
            .uuid
            .chars()
            .rev()
            .take(8)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let keep = 64 - tail.len() - 1;
        let head: String = slug.chars().take(keep).collect();
        slug = format!("{}-{tail}", head.trim_end_matches('-'));
    }
    let mut store = CaseStore::create(
        home,
        &NewCase {
            uuid: &info.uuid,
            slug: &slug,
            title: &info.title,
            opened_at: &info.opened_at,
            tickets: &info.tickets,
            tags: &info.tags,
        },
    )?;
    let path = store.path().to_path_buf();
    die_at("creating");
    if let Err(err) = store.write(|tx| merge::merge(tx, bundle, true)) {
        drop(store);
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.clone().into_os_string();
            p.push(suffix);
            std::fs::remove_file(p).ok();
        }
        return Err(err);
    }
    Ok(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_ids_are_short_stable_and_distinct() {
        assert_eq!(remote_id("/srv/cases.git"), remote_id("/srv/cases.git"));
        assert_ne!(remote_id("/srv/cases.git"), remote_id("/srv/other.git"));
        assert_eq!(remote_id("x").len(), 16);
    }

    /// An early-read case counts as unchanged only while no other connection has committed
    /// to its file, however soon after the read the write comes (its signature could not tell).
    #[test]
    fn an_early_read_case_sees_any_later_write() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::at(dir.path());
        let store = CaseStore::create(
            &home,
            &NewCase {
                uuid: "0190d0a0-0000-7000-8000-000000000001",
                slug: "c",
                title: "T",
                opened_at: "2026-01-01T00:00:00Z",
                tickets: &[],
                tags: &[],
            },
        )
        .unwrap();
        let path = store.path().to_path_buf();
        drop(store);
        let reader = CaseStore::open(&path, "c").unwrap();
        reader.conn().execute_batch("BEGIN").unwrap();
        let version = data_version(reader.conn()).unwrap();
        reader.conn().execute_batch("COMMIT").unwrap();
        let early = EarlyStore {
            store: reader,
            data_version: version,
        };
        assert!(early.unchanged());
        // Reading from another connection changes nothing.
        let other = CaseStore::open(&path, "c").unwrap();
        other
            .conn()
            .query_row("SELECT count(*) FROM entry", [], |r| r.get::<_, i64>(0))
            .unwrap();
        assert!(early.unchanged());
        other
            .conn()
            .execute_batch(
                "INSERT INTO entry (number, uuid, kind, text, author, recorded_at, at_ms)
                 VALUES (1, 'a', 'note', 'one', 'x', '2026-01-01T00:00:00Z', 1)",
            )
            .unwrap();
        assert!(!early.unchanged());
    }
}
