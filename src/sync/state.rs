//! What sync remembers between runs, kept beside its repository: `<home>/sync.git/casefile.json`.
//!
//! Per case: its slug, whether it is shared, and per remote the last commit known to be on
//! that remote (pushed or fetched) with the case file's mark and signature when that commit
//! was made. Kept in the home rather than in each case file because the commit ids mean
//! something only in this home's repository (a case file copied to another home starts
//! unshared there), and because the case file's write path stays untouched.
//!
//! Losing or damaging this file is safe: sync then rebuilds each case whole and merges
//! whatever the remote has, which the union merge makes idempotent.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::Path;
use std::time::{Duration, SystemTime};

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::error::invalid;
use crate::store::marks::Marks;

/// A file changed this recently may change again within the same mtime tick unseen (git's
/// "racy" rule), so its signature is not trusted.
const RACY_WINDOW: Duration = Duration::from_secs(2);

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    pub cases: BTreeMap<String, CaseRecord>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CaseRecord {
    pub slug: String,
    #[serde(default)]
    pub shared: bool,
    /// By remote id.
    #[serde(default)]
    pub remotes: BTreeMap<String, Synced>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Synced {
    /// The last commit of this case known to be on the remote.
    pub commit: String,
    /// The case file's mark when that commit was made (what changed since is sent next).
    pub marks: Marks,
    /// The case file's signature then, when it was old enough to be trusted.
    #[serde(default)]
    pub sig: Option<String>,
}

impl State {
    /// Read the state; a missing or unreadable file is an empty state (see the module doc).
    pub fn load(path: &Path) -> State {
        fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Write the state whole (a temporary file renamed over it). Not synced to disk: losing
    /// the last write to a crash only makes the next sync redo work (see the module doc).
    pub fn save(&self, path: &Path) -> Result<()> {
        let tmp = path.with_extension(format!("json.tmp{}", std::process::id()));
        let written =
            fs::write(&tmp, serde_json::to_vec(self)?).and_then(|()| fs::rename(&tmp, path));
        if let Err(e) = written {
            fs::remove_file(&tmp).ok();
            return Err(invalid(format!("cannot write {}: {e}", path.display())));
        }
        Ok(())
    }

    /// The UUID of the case recorded under `slug`.
    pub fn uuid_of(&self, slug: &str) -> Option<&str> {
        self.cases
            .iter()
            .find(|(_, r)| r.slug == slug)
            .map(|(u, _)| u.as_str())
    }
}

/// What identifies a version of a case file without opening it (inode, size and mtime of the
/// file and its `-wal`), or `None` when it changed too recently to be trusted.
pub fn signature(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(path).ok()?;
    let mut wal = path.to_path_buf().into_os_string();
    wal.push("-wal");
    let wal_meta = fs::metadata(&wal).ok();
    let mut newest = meta.modified().ok()?;
    let wal_part = match &wal_meta {
        Some(w) => {
            newest = newest.max(w.modified().ok()?);
            format!("{}:{}.{}", w.size(), w.mtime(), w.mtime_nsec())
        }
        None => "-".into(),
    };
    let age = SystemTime::now().duration_since(newest).ok()?;
    if age < RACY_WINDOW {
        return None;
    }
    Some(format!(
        "{}:{}:{}.{}/{wal_part}",
        meta.ino(),
        meta.size(),
        meta.mtime(),
        meta.mtime_nsec()
    ))
}

/// An exclusive lock on the home's sync, held while the value lives.
pub struct Lock(#[allow(dead_code)] File);

impl Lock {
    pub fn take(path: &Path) -> Result<Lock> {
        use std::os::unix::io::AsRawFd;
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(|e| invalid(format!("cannot open {}: {e}", path.display())))?;
        // SAFETY: flock on a descriptor we own; released when the file is closed.
        let taken = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
        if !taken {
            return Err(invalid(
                "another sync is running in this casefile home; wait for it to finish",
            ));
        }
        Ok(Lock(file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_state_reads_as_empty_and_a_saved_one_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("casefile.json");
        fs::write(&path, b"{broken").unwrap();
        assert!(State::load(&path).cases.is_empty());
        let mut state = State::default();
        state.cases.insert(
            "u".into(),
            CaseRecord {
                slug: "s".into(),
                shared: true,
                remotes: BTreeMap::new(),
            },
        );
        state.save(&path).unwrap();
        assert_eq!(State::load(&path).uuid_of("s"), Some("u"));
    }

    #[test]
    fn a_second_lock_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lock");
        let _first = Lock::take(&path).unwrap();
        let err = Lock::take(&path).err().unwrap().to_string();
        assert!(err.contains("another sync"), "{err}");
    }

    #[test]
    fn a_fresh_file_has_no_trusted_signature() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.sqlite");
        fs::write(&path, b"x").unwrap();
        assert_eq!(signature(&path), None);
    }
}
