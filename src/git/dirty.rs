//! The time-bounded dirty check behind [`Repo::dirty`](super::Repo::dirty) (Unix only).
//!
//! Why bounded: an exact dirty check costs ~2.6 µs per tracked file here, and a journal write
//! must stay near a millisecond, so the check takes a deadline and answers `None` when it runs
//! out. It looks where a change is likeliest first: unmerged entries while streaming the
//! index, then the staged side (HEAD's tree against the index's), then the most recently
//! changed files, then every other file in index order.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{self, Read};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use sha1::{Digest, Sha1};

use super::config::{config_has_any, parse_bool};
use super::index::{
    stream_tree, Entry, IndexReader, EXT_INTENT_TO_ADD, EXT_SKIP_WORKTREE, FLAG_ASSUME_VALID,
    FLAG_STAGE, MODE_FILE, MODE_GITLINK, MODE_SYMLINK, MODE_TYPE,
};
use super::objects::{head_tree, HeadTree};
use super::Repo;

/// How often (in index entries) the dirty check looks at the clock.
const CLOCK_EVERY: usize = 4;
/// How many of the most recently changed index entries are checked first.
const RECENT_FIRST: usize = 32;

/// [`Repo::dirty`] with a deadline; `checked` counts the files examined (for benchmarks).
pub(super) fn check(repo: &Repo, deadline: Option<Instant>, checked: &mut usize) -> Option<bool> {
    if expired(deadline) || repo.no_work_tree {
        return None;
    }
    let oid_len = repo.oid_len()?;
    let file = match File::open(repo.index_path()) {
        Ok(f) => f,
        // No index: nothing staged yet. Clean on an unborn branch or when HEAD's tree is
        // empty; otherwise every file of HEAD is staged for removal.
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return match head_tree(repo, oid_len) {
                HeadTree::Unborn => Some(false),
                HeadTree::Tree(t) => Some(t != empty_tree(oid_len)?),
                HeadTree::Unknown => None,
            };
        }
        Err(_) => return None,
    };
    let meta = file.metadata().ok()?;
    let index_mtime = (meta.mtime() as u32, meta.mtime_nsec() as u32);
    let mut rd = IndexReader::new(file, meta.len(), oid_len)?;

    // First pass: check the structure, find unmerged and intent-to-add entries (dirty
    // outright), keep the most recently changed entries, read the extensions.
    let keep = if rd.count as usize > RECENT_FIRST * 4 {
        RECENT_FIRST
    } else {
        0
    };
    let mut recent = Recent::new(keep);
    let mut ordinal = 0u32;
    let mut tracked_attributes = false;
    while let Some(e) = rd.next_entry().ok()? {
        if e.flags & FLAG_STAGE != 0 || e.ext_flags & EXT_INTENT_TO_ADD != 0 {
            return Some(true);
        }
        if is_attributes_file(rd.path()) {
            tracked_attributes = true;
        }
        if plain(&e) {
            recent.offer(ordinal, &e, rd.path());
        }
        ordinal += 1;
        if ordinal % 256 == 0 && expired(deadline) {
            return None;
        }
    }
    let ext = rd.extensions()?;
    if ext.split {
        return None;
    }

    // The staged side: HEAD's tree against the index's. The index's is the cache tree's
    // root when valid, else hashed in a pass that reuses every valid subtree (after
    // `git add`, only the directories on the way to the added files).
    let head = head_tree(repo, oid_len);
    let staged = match &head {
        HeadTree::Unborn => Some(rd.count > 0),
        HeadTree::Unknown => None,
        HeadTree::Tree(t) => match ext.cache_tree.as_ref().and_then(|c| c.oid.as_deref()) {
            Some(root) => Some(root != t.as_slice()),
            None => {
                rd.rewind()?;
                match stream_tree(&mut rd, ext.cache_tree.as_ref(), deadline) {
                    Some(tree) => Some(tree != *t),
                    None if expired(deadline) => return None,
                    None => None,
                }
            }
        },
    };
    if staged == Some(true) {
        return Some(true);
    }

    // The unstaged side: the newest entries first, then the rest in index order.
    let mut ctx = FileCheck {
        repo,
        index_mtime,
        deadline,
        oid_len,
        base: Vec::with_capacity(repo.work_tree.as_os_str().len() + 256),
        filemode: None,
        symlinks: None,
        conversion: tracked_attributes.then_some(true),
        submodule_ignore: None,
        real_dirs: Vec::new(),
        checked: 0,
    };
    ctx.base
        .extend_from_slice(repo.work_tree.as_os_str().as_bytes());
    ctx.base.push(b'/');
    let newest = recent.into_newest_first();
    let mut k = 0usize;
    for (_, e, path) in &newest {
        if k % CLOCK_EVERY == 0 && expired(deadline) {
            return None;
        }
        k += 1;
        *checked += 1;
        match ctx.check(e, path) {
            Some(false) => {}
            other => return other,
        }
    }
    let mut done: Vec<u32> = newest.iter().map(|(o, _, _)| *o).collect();
    done.sort_unstable();
    let mut done = done.into_iter().peekable();
    rd.rewind()?;
    let mut ordinal = 0u32;
    while let Some(e) = rd.next_entry().ok()? {
        let this = ordinal;
        ordinal += 1;
        if done.peek() == Some(&this) {
            done.next();
            continue;
        }
        if e.flags & FLAG_ASSUME_VALID != 0 {
            // git does not look at these either.
            continue;
        }
        if k % CLOCK_EVERY == 0 && expired(deadline) {
            return None;
        }
        k += 1;
        *checked += 1;
        match ctx.check(&e, rd.path()) {
            Some(false) => {}
            other => return other,
        }
    }

    // Every file matched: clean if the staged side was known to be.
    *checked += ctx.checked;
    staged
}

/// Entries compared by their stat data (checked first when recently changed): not
/// skip-worktree, not assume-unchanged, not a submodule.
fn plain(e: &Entry) -> bool {
    e.flags & FLAG_ASSUME_VALID == 0
        && e.ext_flags & EXT_SKIP_WORKTREE == 0
        && e.mode & MODE_TYPE != MODE_GITLINK
}

/// A `.gitattributes` path (at the top or in any folder).
fn is_attributes_file(path: &[u8]) -> bool {
    path.strip_suffix(b".gitattributes")
        .is_some_and(|rest| rest.is_empty() || rest.ends_with(b"/"))
}

/// The id of the empty tree.
fn empty_tree(oid_len: usize) -> Option<Vec<u8>> {
    let hex: &[u8] = match oid_len {
        20 => b"4b825dc642cb6eb9a060e54bf8d69288fbee4904",
        32 => b"6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321",
        _ => return None,
    };
    hex.chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok())
        .collect()
}

fn absent(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    )
}

/// The repository-wide sources of conversion (see [`FileCheck::may_convert`]).
fn repo_may_convert(repo: &Repo) -> bool {
    let autocrlf = repo.config_lookup("core", "autocrlf");
    if !autocrlf.certain
        || autocrlf
            .value
            .is_some_and(|v| parse_bool(&v) != Some(false))
    {
        return true;
    }
    let attributes_file = repo.config_lookup("core", "attributesfile");
    if !attributes_file.certain || attributes_file.value.is_some() {
        return true;
    }
    let env = &repo.env;
    let global = match (&env.xdg_config_home, &env.home) {
        (Some(x), _) => Some(Path::new(x).join("git/attributes")),
        (None, Some(h)) => Some(Path::new(h).join(".config/git/attributes")),
        (None, None) => None,
    };
    let exists = |p: &Path| fs::symlink_metadata(p).is_ok();
    global.is_some_and(|g| exists(&g))
        || exists(Path::new("/etc/gitattributes"))
        || exists(&repo.common_dir.join("info/attributes"))
}

/// Whether anything sets `ignore` for submodules: `diff.ignoreSubmodules`, or
/// `submodule.<name>.ignore` in the config or `.gitmodules`. `None` when not certain.
fn submodule_ignore(repo: &Repo) -> Option<bool> {
    let diff = repo.config_lookup("diff", "ignoresubmodules");
    if !diff.certain {
        return None;
    }
    let mut files = repo.config_files();
    files.push(repo.work_tree.join(".gitmodules"));
    Some(diff.value.is_some() || config_has_any(&files, "submodule", "ignore", &repo.env))
}

fn expired(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|d| Instant::now() >= d)
}

/// The `keep` entries with the newest mtimes seen so far (a min-heap over slots).
struct Recent {
    keep: usize,
    heap: BinaryHeap<Reverse<(u64, u32, usize)>>,
    slots: Vec<(u32, Entry, Vec<u8>)>,
}

impl Recent {
    fn new(keep: usize) -> Recent {
        Recent {
            keep,
            heap: BinaryHeap::with_capacity(keep),
            slots: Vec::with_capacity(keep),
        }
    }

    fn offer(&mut self, ordinal: u32, e: &Entry, path: &[u8]) {
        if self.keep == 0 {
            return;
        }
        let key = e.mtime_key();
        if self.slots.len() < self.keep {
            self.heap.push(Reverse((key, ordinal, self.slots.len())));
            self.slots.push((ordinal, *e, path.to_vec()));
            return;
        }
        if let Some(&Reverse((min, _, slot))) = self.heap.peek() {
            if key > min {
                self.heap.pop();
                let s = &mut self.slots[slot];
                s.0 = ordinal;
                s.1 = *e;
                s.2.clear();
                s.2.extend_from_slice(path);
                self.heap.push(Reverse((key, ordinal, slot)));
            }
        }
    }

    fn into_newest_first(mut self) -> Vec<(u32, Entry, Vec<u8>)> {
        self.slots
            .sort_unstable_by_key(|(o, e, _)| Reverse((e.mtime_key(), Reverse(*o))));
        self.slots
    }
}

struct FileCheck<'a> {
    repo: &'a Repo,
    index_mtime: (u32, u32),
    deadline: Option<Instant>,
    oid_len: usize,
    /// `<work tree>/`, reused for every path (the entry's path appended while it is checked).
    base: Vec<u8>,
    /// `core.filemode`, `core.symlinks` (`None` inside: not certain).
    filemode: Option<Option<bool>>,
    symlinks: Option<Option<bool>>,
    /// Whether files may be converted on their way in (end-of-line conversion, filters),
    /// from sources that hold for the whole repository; found out the first time a file's
    /// content must be hashed.
    conversion: Option<bool>,
    /// Whether anything configures `ignore` for submodules (`None` inside: not certain).
    submodule_ignore: Option<Option<bool>>,
    /// A folder (relative, ending in `/`) whose every component was found a real folder,
    /// not a symlink: git does not follow symlinks in a tracked path.
    real_dirs: Vec<u8>,
    /// Files examined inside submodules.
    checked: usize,
}

/// `core.<key>` as a boolean, default true (`core.filemode`, `core.symlinks`); `None` when
/// the config cannot be read with certainty (a conditional include sets it, `git -c`).
fn core_bool(repo: &Repo, key: &str) -> Option<bool> {
    let found = repo.config_lookup("core", key);
    if !found.certain {
        return None;
    }
    match found.value {
        None => Some(true),
        Some(v) => parse_bool(&v),
    }
}

impl FileCheck<'_> {
    /// `Some(true)` changed, `Some(false)` unchanged, `None` unknown.
    fn check(&mut self, e: &Entry, rel: &[u8]) -> Option<bool> {
        let mut full = std::mem::take(&mut self.base);
        let base_len = full.len();
        full.extend_from_slice(rel);
        let result = self.check_path(e, &full, base_len);
        full.truncate(base_len);
        self.base = full;
        result
    }

    /// Whether every folder on the way to the path in `base` (relative part from
    /// `rel_start`) is a real folder; `None` when one cannot be read.
    fn leading_dirs_real(&mut self, full: &[u8], rel_start: usize) -> Option<bool> {
        let rel = &full[rel_start..];
        let Some(slash) = rel.iter().rposition(|&b| b == b'/') else {
            return Some(true);
        };
        let dir = &rel[..=slash];
        if dir == self.real_dirs.as_slice() {
            return Some(true);
        }
        // The longest prefix already known real, ending at a component boundary.
        let same = dir
            .iter()
            .zip(&self.real_dirs)
            .take_while(|(a, b)| a == b)
            .count();
        let known = dir[..same]
            .iter()
            .rposition(|&b| b == b'/')
            .map_or(0, |p| p + 1);
        for (i, &b) in dir.iter().enumerate().skip(known) {
            if b != b'/' {
                continue;
            }
            let p = Path::new(OsStr::from_bytes(&full[..rel_start + i]));
            match fs::symlink_metadata(p) {
                Ok(m) if m.is_dir() => {}
                Ok(_) => return Some(false),
                Err(err) if absent(&err) => return Some(false),
                Err(_) => return None,
            }
        }
        self.real_dirs.clear();
        self.real_dirs.extend_from_slice(dir);
        Some(true)
    }

    /// Whether git may convert the file at `full` on its way in: `core.autocrlf`, an
    /// attributes file that applies to it (`.gitattributes` in its folder or above, tracked
    /// anywhere, `info/attributes`, `core.attributesFile`, the global or system one).
    /// `None` when that cannot be told.
    fn may_convert(&mut self, full: &[u8], rel_start: usize) -> Option<bool> {
        if *self
            .conversion
            .get_or_insert_with(|| repo_may_convert(self.repo))
        {
            return Some(true);
        }
        let rel = &full[rel_start..];
        let mut dir = PathBuf::from(OsStr::from_bytes(&full[..rel_start]));
        let mut parts = rel.split(|&b| b == b'/').peekable();
        loop {
            match fs::symlink_metadata(dir.join(".gitattributes")) {
                Ok(_) => return Some(true),
                Err(err) if absent(&err) => {}
                Err(_) => return None,
            }
            let Some(part) = parts.next() else {
                return Some(false);
            };
            if parts.peek().is_none() {
                return Some(false);
            }
            dir.push(OsStr::from_bytes(part));
        }
    }

    /// A submodule (gitlink) as `git status` sees it: not checked out (no `.git` inside) is
    /// unchanged; checked out, changed when its HEAD is not the recorded commit or its own
    /// tree is dirty (untracked files aside). Unknown when anything configures `ignore` for
    /// submodules, or the folder is missing or not a folder.
    fn check_submodule(&mut self, e: &Entry, path: &Path) -> Option<bool> {
        match fs::symlink_metadata(path) {
            Ok(m) if m.is_dir() => {}
            _ => return None,
        }
        let dotgit = path.join(".git");
        match fs::symlink_metadata(&dotgit) {
            Err(err) if absent(&err) => return Some(false),
            Err(_) => return None,
            Ok(_) => {}
        }
        let ignore = *self
            .submodule_ignore
            .get_or_insert_with(|| submodule_ignore(self.repo));
        if ignore != Some(false) {
            return None;
        }
        let env = super::Env {
            git_dir: None,
            work_tree: None,
            common_dir: None,
            index_file: None,
            object_dir: None,
            ..self.repo.env.clone()
        };
        let sub = Repo::discover_with(path, env)?;
        if sub.work_tree != path || sub.no_work_tree {
            return None;
        }
        let (head, certain) = sub.read_head();
        let commit = head.commit.filter(|_| certain)?;
        let recorded: String = e.oid[..self.oid_len]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if commit != recorded {
            return Some(true);
        }
        check(&sub, self.deadline, &mut self.checked)
    }

    /// Checks the entry whose work-tree path is `full` (the work tree is `full[..rel_start]`).
    fn check_path(&mut self, e: &Entry, full: &[u8], rel_start: usize) -> Option<bool> {
        let path = Path::new(OsStr::from_bytes(full));
        let kind = e.mode & MODE_TYPE;
        if e.ext_flags & EXT_SKIP_WORKTREE != 0 {
            // git ignores a skip-worktree file that is absent. In a sparse checkout, one
            // present on disk (a file outside the cone reappearing) loses the bit and is
            // compared after all: unknown here.
            return match fs::symlink_metadata(path) {
                Err(err) if absent(&err) => Some(false),
                Err(_) => None,
                Ok(_) => match self.repo.config_lookup("core", "sparsecheckout") {
                    l if !l.certain => None,
                    l if l
                        .value
                        .as_deref()
                        .is_some_and(|v| parse_bool(v) != Some(false)) =>
                    {
                        None
                    }
                    _ => Some(false),
                },
            };
        }
        let leading_real = self.leading_dirs_real(full, rel_start)?;
        if !leading_real {
            // Behind a symlink or a file: git sees the entry as deleted (not for submodules,
            // which we do not model there).
            return (kind != MODE_GITLINK).then_some(true);
        }
        if kind == MODE_GITLINK {
            return self.check_submodule(e, path);
        }
        let meta = match fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(err) if absent(&err) => return Some(true),
            Err(_) => return None,
        };
        let ft = meta.file_type();
        let repo = self.repo;
        let kind = e.mode & MODE_TYPE;
        let as_file = match kind {
            MODE_FILE => {
                if !ft.is_file() {
                    return Some(true);
                }
                true
            }
            MODE_SYMLINK => {
                if ft.is_symlink() {
                    false
                } else if ft.is_file()
                    && !(*self
                        .symlinks
                        .get_or_insert_with(|| core_bool(repo, "symlinks")))?
                {
                    // core.symlinks=false: the link is checked out as a plain file.
                    true
                } else {
                    return Some(true);
                }
            }
            _ => return None,
        };
        if kind == MODE_FILE
            && (e.mode ^ meta.mode()) & 0o100 != 0
            && (*self
                .filemode
                .get_or_insert_with(|| core_bool(repo, "filemode")))?
        {
            return Some(true);
        }
        let size = meta.size() as u32;
        if size != e.size && e.size != 0 {
            return Some(true);
        }
        let same_stat = size == e.size
            && meta.mtime() as u32 == e.mtime_s
            && meta.mtime_nsec() as u32 == e.mtime_ns
            && meta.ctime() as u32 == e.ctime_s
            && meta.ctime_nsec() as u32 == e.ctime_ns
            && meta.ino() as u32 == e.ino;
        // Racily clean: changed in the same tick the index was written, so equal stat data
        // proves nothing (git compares these entries' content too).
        let racy = (e.mtime_s, e.mtime_ns) >= self.index_mtime;
        if same_stat && !racy {
            return Some(false);
        }
        // Only times, inode or a smudged (zeroed) size differ: compare content. git compares
        // a regular file's content after its conversions (end of line, filters), which we do
        // not apply: where one may apply, unknown.
        let oid = &e.oid[..self.oid_len];
        if kind == MODE_FILE && self.may_convert(full, rel_start)? {
            return None;
        }
        let matches = if as_file {
            hash_file_matches(path, meta.size(), oid, self.deadline)?
        } else {
            let target = fs::read_link(path).ok()?;
            blob_matches(target.as_os_str().as_bytes(), oid)?
        };
        Some(!matches)
    }
}

/// Hashes a file as a git blob and compares it with `oid`; `None` when unreadable, out of
/// time, or the repository is not SHA-1.
fn hash_file_matches(path: &Path, len: u64, oid: &[u8], deadline: Option<Instant>) -> Option<bool> {
    if oid.len() != 20 {
        return None;
    }
    let mut f = File::open(path).ok()?;
    let mut h = Sha1::new();
    h.update(format!("blob {len}\0").as_bytes());
    let mut buf = [0u8; 16 * 1024];
    let mut total = 0u64;
    loop {
        let n = match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        total += n as u64;
        if total > len {
            // Grew while we read it: changed.
            return Some(false);
        }
        h.update(&buf[..n]);
        if expired(deadline) {
            return None;
        }
    }
    if total != len {
        return Some(false);
    }
    Some(h.finalize()[..] == *oid)
}

fn blob_matches(content: &[u8], oid: &[u8]) -> Option<bool> {
    if oid.len() != 20 {
        return None;
    }
    let mut h = Sha1::new();
    h.update(format!("blob {}\0", content.len()).as_bytes());
    h.update(content);
    Some(h.finalize()[..] == *oid)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;
    use super::*;

    #[test]
    fn dirty_clean_modified_touched_deleted_untracked() {
        let t = repo_with_files(20);
        let repo = discover(t.path()).expect("repo");
        assert_eq!(repo.dirty(None), Some(false), "clean");
        let f = t.path().join("d3/f3.txt");
        // Touch only: stat differs, content the same.
        set_mtime(&f, 5);
        assert_eq!(repo.dirty(None), Some(false), "touched");
        // Same size, different content, mtime moved.
        write(&f, "file 99999\n");
        set_mtime(&f, 3);
        assert_eq!(repo.dirty(None), Some(true), "modified");
        git(t.path(), &["checkout", "--", "d3/f3.txt"]);
        assert_eq!(repo.dirty(None), Some(false), "restored");
        fs::remove_file(&f).expect("rm");
        assert_eq!(repo.dirty(None), Some(true), "deleted");
        git(t.path(), &["checkout", "--", "d3/f3.txt"]);
        write(&t.path().join("new.txt"), "untracked");
        fs::create_dir_all(t.path().join("newdir")).expect("mkdir");
        assert_eq!(repo.dirty(None), Some(false), "untracked");
        // Same content, same size, different size via growth.
        write(&f, "file 00003\nmore\n");
        assert_eq!(repo.dirty(None), Some(true), "grown");
    }

    #[test]
    fn dirty_content_change_with_preserved_mtime() {
        // Same size, mtime put back (as `cp -p` or `touch -r` would): ctime gives it away.
        let t = repo_with_files(3);
        let repo = discover(t.path()).expect("repo");
        let f = t.path().join("d1/f1.txt");
        let before = fs::symlink_metadata(&f).expect("stat");
        write(&f, "file 77777\n");
        let mt = before.modified().expect("mtime");
        File::options()
            .write(true)
            .open(&f)
            .expect("open")
            .set_modified(mt)
            .expect("set");
        assert_eq!(repo.dirty(None), Some(true));
    }

    #[test]
    fn dirty_staged_only_counts() {
        let t = repo_with_files(10);
        let repo = discover(t.path()).expect("repo");
        write(&t.path().join("d2/f2.txt"), "staged change\n");
        git(t.path(), &["add", "d2/f2.txt"]);
        assert_eq!(repo.dirty(None), Some(true), "staged modification");
        git(t.path(), &["commit", "-q", "-m", "two"]);
        assert_eq!(repo.dirty(None), Some(false));
        write(&t.path().join("brand/new.txt"), "new\n");
        git(t.path(), &["add", "brand/new.txt"]);
        assert_eq!(repo.dirty(None), Some(true), "staged new file");
        git(t.path(), &["reset", "-q"]);
        assert_eq!(
            repo.dirty(None),
            Some(false),
            "unstaged again: untracked only"
        );
        git(t.path(), &["rm", "-q", "--cached", "d0/f0.txt"]);
        assert_eq!(repo.dirty(None), Some(true), "staged removal");
        git(t.path(), &["reset", "-q"]);
        // `git reset --soft` moves HEAD, index keeps the newer tree.
        git(t.path(), &["reset", "-q", "--soft", "HEAD~1"]);
        assert_eq!(repo.dirty(None), Some(true), "soft reset");
    }

    #[test]
    fn dirty_exec_bit_and_symlink() {
        use std::os::unix::fs::PermissionsExt;
        let t = repo_with_files(2);
        std::os::unix::fs::symlink("d0/f0.txt", t.path().join("link")).expect("symlink");
        git(t.path(), &["add", "link"]);
        git(t.path(), &["commit", "-q", "-m", "link"]);
        let repo = discover(t.path()).expect("repo");
        assert_eq!(repo.dirty(None), Some(false));
        let f = t.path().join("d1/f1.txt");
        fs::set_permissions(&f, fs::Permissions::from_mode(0o755)).expect("chmod");
        assert_eq!(repo.dirty(None), Some(true), "exec bit");
        fs::set_permissions(&f, fs::Permissions::from_mode(0o644)).expect("chmod");
        assert_eq!(repo.dirty(None), Some(false), "exec bit back");
        fs::remove_file(t.path().join("link")).expect("rm");
        std::os::unix::fs::symlink("d1/f1.txt", t.path().join("link")).expect("symlink");
        assert_eq!(
            repo.dirty(None),
            Some(true),
            "symlink retargeted (same length)"
        );
        fs::remove_file(t.path().join("link")).expect("rm");
        std::os::unix::fs::symlink("d0/f0.txt", t.path().join("link")).expect("symlink");
        assert_eq!(repo.dirty(None), Some(false), "symlink restored");
        fs::remove_file(t.path().join("link")).expect("rm");
        write(&t.path().join("link"), "d0/f0.txt");
        assert_eq!(repo.dirty(None), Some(true), "symlink became a file");
    }

    #[test]
    fn dirty_skip_worktree_and_assume_unchanged_and_submodule() {
        let t = repo_with_files(4);
        let sub = repo_with_files(1);
        git(
            t.path(),
            &[
                "-c",
                "protocol.file.allow=always",
                "submodule",
                "add",
                "-q",
                sub.path().to_str().expect("utf8"),
                "sub",
            ],
        );
        git(t.path(), &["commit", "-q", "-m", "sub"]);
        let repo = discover(t.path()).expect("repo");
        assert_eq!(repo.dirty(None), Some(false));
        // Inside the submodule, discovery finds the submodule (a gitfile to .git/modules/sub).
        let subrepo = discover(&t.path().join("sub")).expect("sub");
        assert_eq!(subrepo.git_dir(), t.path().join(".git/modules/sub"));
        assert_eq!(
            subrepo.head().commit.as_deref(),
            Some(git(sub.path(), &["rev-parse", "HEAD"]).as_str())
        );
        git(
            t.path(),
            &["update-index", "--assume-unchanged", "d0/f0.txt"],
        );
        write(&t.path().join("d0/f0.txt"), "hidden change\n");
        git(t.path(), &["update-index", "--skip-worktree", "d1/f1.txt"]);
        fs::remove_file(t.path().join("d1/f1.txt")).expect("rm");
        assert_eq!(repo.dirty(None), Some(false));
    }

    #[test]
    fn budget_zero_is_unknown() {
        let t = repo_with_files(200);
        let repo = discover(t.path()).expect("repo");
        assert_eq!(repo.dirty(Some(Duration::ZERO)), None);
        assert_eq!(repo.dirty(Some(Duration::from_secs(60))), Some(false));
        write(&t.path().join("d0/f0.txt"), "changed\n");
        assert_eq!(repo.dirty(Some(Duration::from_secs(60))), Some(true));
    }

    #[test]
    fn recently_changed_files_are_checked_first() {
        let t = repo_with_files(400);
        // Re-commit one file late so its index mtime is the newest, then modify it again.
        let f = t.path().join("d6/f398.txt");
        std::thread::sleep(Duration::from_millis(20));
        write(&f, "file 5\n");
        git(t.path(), &["commit", "-q", "-am", "again"]);
        write(&f, "file 6\n");
        let repo = discover(t.path()).expect("repo");
        let mut checked = 0;
        let deadline = Instant::now() + Duration::from_secs(60);
        assert_eq!(repo.dirty_counted(Some(deadline), &mut checked), Some(true));
        assert!(checked <= RECENT_FIRST * 2, "checked {checked}");
    }

    #[test]
    fn sha256_repository() {
        let t = tempfile::tempdir().expect("tempdir");
        git(t.path(), &["init", "-q", "--object-format=sha256"]);
        for i in 0..5 {
            let f = t.path().join(format!("f{i}"));
            write(&f, &format!("content {i}\n"));
            // In the past, so that no entry is racily clean (that would need a hash).
            set_mtime(&f, 100);
        }
        git(t.path(), &["add", "-A"]);
        git(t.path(), &["commit", "-q", "-m", "one"]);
        let repo = discover(t.path()).expect("repo");
        let head = repo.head();
        assert_eq!(head.commit.as_deref().map(str::len), Some(64));
        assert_eq!(
            head.commit.as_deref(),
            Some(git(t.path(), &["rev-parse", "HEAD"]).as_str())
        );
        assert_eq!(repo.dirty(None), Some(false));
        write(&t.path().join("f1"), "longer content\n");
        assert_eq!(repo.dirty(None), Some(true), "size changed");
        git(t.path(), &["checkout", "--", "f1"]);
        set_mtime(&t.path().join("f1"), 50);
        assert_eq!(repo.dirty(None), None, "touched: needs a SHA-256 hash");
        write(&t.path().join("g"), "new\n");
        set_mtime(&t.path().join("g"), 100);
        git(t.path(), &["add", "g"]);
        // The cache tree is invalidated and recomputing it would need SHA-256.
        assert_eq!(repo.dirty(None), None, "staged, tree unknown");
        git(t.path(), &["commit", "-q", "-m", "two"]);
        git(t.path(), &["reset", "-q", "--soft", "HEAD~1"]);
        assert_eq!(
            repo.dirty(None),
            Some(true),
            "staged, cache tree valid and different"
        );
    }

    /// Random edits, each followed by a comparison with `git status` (which also counts
    /// staged changes and ignores untracked files with `-uno`).
    #[test]
    fn dirty_agrees_with_git_status() {
        let t = repo_with_files(24);
        let repo = discover(t.path()).expect("repo");
        let files: Vec<PathBuf> = (0..24)
            .map(|i| t.path().join(format!("d{}/f{i}.txt", i % 7)))
            .collect();
        let mut seed = std::env::var("DIRTY_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0x9e37_79b9_7f4a_7c15u64);
        let mut rand = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for step in 0..160 {
            let f = &files[rand(files.len() as u64)];
            let op = rand(13);
            match op {
                0 if f.exists() => {
                    let mut text = fs::read(f).expect("read");
                    text[0] = if text[0] == b'x' { b'y' } else { b'x' };
                    fs::write(f, text).expect("write");
                }
                1 => write(f, &format!("size {step}\n")),
                2 if f.exists() => set_mtime(f, rand(100) as u64 + 1),
                3 if f.exists() => fs::remove_file(f).expect("rm"),
                4 => {
                    git(t.path(), &["checkout", "-q", "--", "."]);
                }
                5 => {
                    git(t.path(), &["add", "-A", "."]);
                }
                6 => {
                    git(
                        t.path(),
                        &["commit", "-q", "-a", "--allow-empty", "-m", "step"],
                    );
                }
                7 => write(&t.path().join(format!("untracked{step}")), "u"),
                8 if f.exists() => {
                    use std::os::unix::fs::PermissionsExt;
                    let mode = if rand(2) == 0 { 0o755 } else { 0o644 };
                    fs::set_permissions(f, fs::Permissions::from_mode(mode)).expect("chmod");
                }
                9 if f.exists() => {
                    let text = fs::read(f).expect("read");
                    fs::write(f, text).expect("write");
                }
                10 => {
                    git(t.path(), &["reset", "-q"]);
                }
                11 => {
                    git(
                        t.path(),
                        &[
                            "update-index",
                            "--index-version",
                            if rand(2) == 0 { "2" } else { "4" },
                        ],
                    );
                }
                12 if f.exists() => {
                    // Same size and mtime as before, different content.
                    let before = fs::symlink_metadata(f).expect("stat");
                    let mut text = fs::read(f).expect("read");
                    text[0] ^= 1;
                    fs::write(f, text).expect("write");
                    File::options()
                        .write(true)
                        .open(f)
                        .expect("open")
                        .set_modified(before.modified().expect("mtime"))
                        .expect("set");
                }
                _ => continue,
            }
            let ours = repo.dirty(None);
            let truth = dirty_by_content(t.path());
            assert_eq!(ours, Some(truth), "step {step} op {op}");
            // (`git status` is not the oracle: this git ignores nanoseconds, so a same-size
            // rewrite within one second, as op 12 does, looks clean to it.)
        }
    }

    /// Dirty by content, ignoring stat data: staged changes (`diff-index --cached`, a tree
    /// comparison) or a tracked file whose content or exec bit differs from its index entry.
    fn dirty_by_content(dir: &Path) -> bool {
        use std::os::unix::fs::PermissionsExt;
        let staged = git_command(dir)
            .args(["diff-index", "--cached", "--quiet", "HEAD", "--"])
            .status()
            .expect("git");
        if !staged.success() {
            return true;
        }
        let mut paths = String::new();
        let mut oids = Vec::new();
        for line in git(dir, &["ls-files", "-s"]).lines() {
            let (meta, path) = line.split_once('\t').expect("tab");
            let mut it = meta.split(' ');
            let (mode, oid) = (it.next().expect("mode"), it.next().expect("oid"));
            let Ok(m) = fs::symlink_metadata(dir.join(path)) else {
                return true;
            };
            if (mode == "100755") != (m.permissions().mode() & 0o100 != 0) {
                return true;
            }
            paths.push_str(path);
            paths.push('\n');
            oids.push(oid.to_string());
        }
        let mut child = git_command(dir)
            .args(["hash-object", "--no-filters", "--stdin-paths"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("git");
        std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), paths.as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("git");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .ne(oids.iter().map(String::as_str))
    }

    /// Timings: `cargo test --release -- --ignored --nocapture bench_`.
    #[test]
    #[ignore]
    fn bench_discover_head_and_dirty() {
        let t = tempfile::tempdir().expect("tempdir");
        git(t.path(), &["init", "-q"]);
        let n = 5000;
        for i in 0..n {
            write(
                &t.path().join(format!("src/m{}/f{i}.rs", i % 50)),
                &format!("// file {i}\nfn f{i}() {{}}\n"),
            );
        }
        git(t.path(), &["add", "-A"]);
        git(t.path(), &["commit", "-q", "-m", "5000"]);
        let start = t.path().join("src/m7");
        let runs = 2000;
        let t0 = Instant::now();
        for _ in 0..runs {
            let r = Repo::discover(&start).expect("repo");
            std::hint::black_box(r.head());
        }
        println!(
            "discover+head: {:.1} µs",
            t0.elapsed().as_secs_f64() * 1e6 / runs as f64
        );
        let repo = Repo::discover(t.path()).expect("repo");
        let t0 = Instant::now();
        let runs = 20;
        for _ in 0..runs {
            assert_eq!(repo.dirty(None), Some(false));
        }
        let per = t0.elapsed().as_secs_f64() * 1e6 / runs as f64;
        println!(
            "dirty(None) clean, {n} files: {per:.0} µs = {:.2} µs/file",
            per / n as f64
        );
        for budget_us in [300u64, 700, 1000] {
            let mut total = 0;
            let runs = 20;
            for _ in 0..runs {
                let mut checked = 0;
                let deadline = Instant::now() + Duration::from_micros(budget_us);
                assert_eq!(repo.dirty_counted(Some(deadline), &mut checked), None);
                total += checked;
            }
            println!("budget {budget_us} µs: {} files checked", total / runs);
        }
        let runs = 200;
        let t0 = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(read_index(&repo));
        }
        println!(
            "stream the whole index: {:.0} µs",
            t0.elapsed().as_secs_f64() * 1e6 / runs as f64
        );
        let t0 = Instant::now();
        for _ in 0..runs {
            let f = File::open(repo.git_dir().join("index")).expect("index");
            let len = f.metadata().expect("meta").len();
            let mut rd = IndexReader::new(f, len, 20).expect("header");
            let mut n = 0u64;
            while let Some(e) = rd.next_entry().expect("entry") {
                n = n
                    .wrapping_add(e.mtime_key())
                    .wrapping_add(rd.path().len() as u64);
            }
            std::hint::black_box((n, rd.extensions().map(|e| e.split)));
        }
        println!(
            "stream the index, keeping nothing: {:.0} µs",
            t0.elapsed().as_secs_f64() * 1e6 / runs as f64
        );
        let t0 = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(head_tree(&repo, 20));
        }
        println!(
            "HEAD's tree id (loose commit): {:.0} µs",
            t0.elapsed().as_secs_f64() * 1e6 / runs as f64
        );
        let t0 = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(index_tree_from_scratch(&repo));
        }
        println!(
            "index tree hashed from scratch: {:.0} µs",
            t0.elapsed().as_secs_f64() * 1e6 / runs as f64
        );
        // Dirty: a recently committed file edited again.
        let f = t.path().join("src/m3/f4003.rs");
        write(&f, "// x\n");
        git(t.path(), &["commit", "-q", "-am", "x"]);
        write(&f, "// y\n");
        let mut checked = 0;
        let deadline = Instant::now() + Duration::from_micros(700);
        let r = repo.dirty_counted(Some(deadline), &mut checked);
        println!("recent edit: {r:?} after {checked} files");
        let t0 = Instant::now();
        let found = (0..runs)
            .filter(|_| repo.dirty(Some(Duration::from_micros(700))) == Some(true))
            .count();
        println!(
            "dirty (recent file edited), budget 700 µs: {:.0} µs, found {found}/{runs}",
            t0.elapsed().as_secs_f64() * 1e6 / runs as f64
        );
    }
}
