//! Git context for journal entries, read straight from `.git`.
//!
//! # Why by hand
//!
//! Every journal write records the branch, the HEAD commit and whether the work tree was dirty,
//! and a write must stay within about a millisecond of a bare SQLite insert. Measured on the
//! project's machines: reading the HEAD file, the loose ref, `packed-refs` and `gitdir:` files
//! costs 1.03× the floor; spawning `git rev-parse` costs 2.3×; an exact dirty check by any
//! method (`git status`, gix, git2, a stat loop) cost 2.5–4.5× in a 709-file checkout. So this
//! module never spawns `git` and links no git library: it reads the few files it needs, and
//! the dirty check takes a time budget and answers "unknown" (`None`) when the budget runs out.
//!
//! # What is read
//!
//! * [`Repo::discover`] walks up from a directory to the first `.git` directory or `.git` file
//!   (`gitdir: <path>`, used by linked worktrees and submodules), then reads `commondir` when
//!   present. `GIT_DIR`, `GIT_WORK_TREE`, `GIT_COMMON_DIR` and `GIT_INDEX_FILE` are honoured
//!   (git sets some of them for hooks). Not honoured: `GIT_CEILING_DIRECTORIES`,
//!   `GIT_DISCOVERY_ACROSS_FILESYSTEM`, `core.worktree`, `safe.directory`; bare repositories
//!   are not recognised (no work tree, so no context to capture).
//! * [`Repo::head`] reads `HEAD`, follows symbolic refs a few levels through loose refs and
//!   `packed-refs`. Repositories using the reftable ref backend give an empty [`Head`].
//! * [`Repo::dirty`] streams the index (versions 2, 3 and 4, sparse or not) through a small
//!   window, compares its tree with HEAD's (the staged side; HEAD's commit is read loose or
//!   from a pack through delta chains, inflated with `flate2`'s pure-Rust backend)
//!   and lstats every tracked file (the unstaged side), within a time budget. See its docs.
//! * [`Repo::config_value`] and [`global_config_value`] read git's INI files in git's order.
//!   `include`/`includeIf`, `GIT_CONFIG_PARAMETERS`/`GIT_CONFIG_COUNT` and `git -c` are not
//!   honoured.
//!
//! # Cost
//!
//! Release build on the project's 2-core machine (measured while other builds kept it loaded,
//! so fresh-process figures are pessimistic):
//!
//! * `discover` + `head`: ~20 µs in a warm loop, 30–55 µs as the first thing a process does.
//! * `dirty`: ~2.6 µs per tracked file (one lstat costs ~2.5 µs here), plus ~30 µs per 1,000
//!   index entries to stream the index. A 0.7 ms budget covers ~200–250 files: checkouts up
//!   to ~200 files get an exact answer; in a 5,000-file checkout it answers `None` unless it
//!   finds a change first, which for staged changes and for a file edited after it was last
//!   committed or checked out (the newest entries are checked first) took 0.3–0.5 ms.
//!   Unbounded, a clean 5,000-file checkout took ~13 ms warm (27–39 ms in loaded fresh
//!   processes). Threads did not pay: spawning one cost ~200 µs and two cores gave 1.35×.
//!
//! Nothing here panics or errors on odd input: a missing, truncated or unexpected file gives
//! `None`, never a loud failure, and no allocation is sized by a number read from disk beyond
//! the size of the file it was read from.

#![cfg_attr(not(unix), allow(dead_code))]

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

use sha1::{Digest, Sha1};

/// How many symbolic refs deep [`Repo::head`] follows before giving up.
const MAX_SYMREF_DEPTH: usize = 5;
/// How often (in index entries) the dirty check looks at the clock.
const CLOCK_EVERY: usize = 4;
/// How many of the most recently changed index entries are checked first.
const RECENT_FIRST: usize = 32;
/// Nesting limit for paths and cache-tree records; deeper means "unknown", never a stack overflow.
const MAX_DEPTH: usize = 1024;

/// A git work tree found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repo {
    work_tree: PathBuf,
    /// Per-worktree git directory (`.git`, or `.git/worktrees/<name>` for a linked worktree).
    git_dir: PathBuf,
    /// Shared git directory: refs, objects, config, hooks.
    common_dir: PathBuf,
    /// `GIT_INDEX_FILE` when it was set at discovery.
    index_file: Option<PathBuf>,
    env: Env,
}

/// The checked-out branch and commit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// Branch name without `refs/heads/`; `None` when HEAD is detached.
    pub branch: Option<String>,
    /// Full hex commit id (40 or 64 characters); `None` on an unborn branch.
    pub commit: Option<String>,
}

/// The environment variables this module reads, captured once so that tests can supply their
/// own without touching the process environment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Env {
    git_dir: Option<OsString>,
    work_tree: Option<OsString>,
    common_dir: Option<OsString>,
    index_file: Option<OsString>,
    home: Option<OsString>,
    xdg_config_home: Option<OsString>,
    config_global: Option<OsString>,
    config_system: Option<OsString>,
    config_nosystem: bool,
}

impl Env {
    fn from_process() -> Env {
        let get = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
        Env {
            git_dir: get("GIT_DIR"),
            work_tree: get("GIT_WORK_TREE"),
            common_dir: get("GIT_COMMON_DIR"),
            index_file: get("GIT_INDEX_FILE"),
            home: get("HOME"),
            xdg_config_home: get("XDG_CONFIG_HOME"),
            // An empty GIT_CONFIG_GLOBAL still overrides (git reads no global file then).
            config_global: std::env::var_os("GIT_CONFIG_GLOBAL"),
            config_system: std::env::var_os("GIT_CONFIG_SYSTEM"),
            config_nosystem: get("GIT_CONFIG_NOSYSTEM")
                .is_some_and(|v| parse_bool(&v.to_string_lossy()) != Some(false)),
        }
    }

    /// The config files git reads before the repository's own, lowest priority first.
    fn global_config_files(&self) -> Vec<PathBuf> {
        let mut files = Vec::with_capacity(3);
        if !self.config_nosystem {
            match &self.config_system {
                Some(p) if !p.is_empty() => files.push(PathBuf::from(p)),
                Some(_) => {}
                None => files.push(PathBuf::from("/etc/gitconfig")),
            }
        }
        match &self.config_global {
            Some(p) if !p.is_empty() => files.push(expand_home(Path::new(p), self)),
            Some(_) => {}
            None => {
                match (&self.xdg_config_home, &self.home) {
                    (Some(x), _) => files.push(Path::new(x).join("git/config")),
                    (None, Some(h)) => files.push(Path::new(h).join(".config/git/config")),
                    (None, None) => {}
                }
                if let Some(h) = &self.home {
                    files.push(Path::new(h).join(".gitconfig"));
                }
            }
        }
        files
    }
}

impl Repo {
    /// Finds the work tree containing `start` (a file or directory, relative to the current
    /// directory if relative) by walking up to the first `.git` directory or `.git` file
    /// (`gitdir: <path>`, relative paths resolved against the file's folder), stopping at the
    /// filesystem root. For a linked worktree the git dir is `.git/worktrees/<name>` and the
    /// common dir comes from its `commondir` file.
    ///
    /// `GIT_DIR` is honoured as git does (hooks may run with it set; relative to the current
    /// directory): the work tree is then `GIT_WORK_TREE`, else the parent of a git dir named
    /// `.git`, else the worktree a linked worktree's git dir names in its `gitdir` file, else
    /// `start`. `GIT_COMMON_DIR` and `GIT_INDEX_FILE` are honoured too.
    ///
    /// Returns `None` outside a repository or on anything unexpected; it never fails loudly.
    pub fn discover(start: &Path) -> Option<Repo> {
        Repo::discover_with(start, Env::from_process())
    }

    fn discover_with(start: &Path, env: Env) -> Option<Repo> {
        let start = absolute(start)?;
        if let Some(gd) = env.git_dir.clone() {
            let git_dir = normalize(&absolute(Path::new(&gd))?);
            if !is_git_dir(&git_dir) {
                return None;
            }
            let work_tree = match &env.work_tree {
                Some(wt) => normalize(&absolute(Path::new(wt))?),
                None if git_dir.file_name() == Some(OsStr::new(".git")) => {
                    git_dir.parent()?.to_path_buf()
                }
                // A linked worktree's git dir records where its `.git` file is.
                None => read_small(&git_dir.join("gitdir"))
                    .map(|s| PathBuf::from(s.trim_end_matches(['\n', '\r'])))
                    .filter(|p| p.is_absolute())
                    .and_then(|p| p.parent().map(Path::to_path_buf))
                    .unwrap_or(start),
            };
            return Some(Repo::assemble(work_tree, git_dir, env, true));
        }
        for dir in start.ancestors() {
            let dotgit = dir.join(".git");
            let Ok(meta) = fs::metadata(&dotgit) else {
                continue;
            };
            if meta.is_dir() {
                if is_git_dir(&dotgit) {
                    // A `.git` folder is a main worktree's: it has no `commondir`.
                    return Some(Repo::assemble(dir.to_path_buf(), dotgit, env, false));
                }
                // Not a git dir (git keeps looking upwards too).
            } else if meta.is_file() {
                // A broken gitfile is an error for git; for us it is "no repository".
                let git_dir = read_gitfile(&dotgit, dir)?;
                return is_git_dir(&git_dir)
                    .then(|| Repo::assemble(dir.to_path_buf(), git_dir, env, true));
            }
        }
        None
    }

    fn assemble(work_tree: PathBuf, git_dir: PathBuf, env: Env, linked: bool) -> Repo {
        let common_dir = match &env.common_dir {
            Some(c) => absolute(Path::new(c)).map(|p| normalize(&p)),
            None if !linked => None,
            None => fs::read_to_string(git_dir.join("commondir"))
                .ok()
                .and_then(|s| {
                    let s = s.trim_end_matches(['\n', '\r']);
                    (!s.is_empty()).then(|| normalize(&git_dir.join(s)))
                }),
        }
        .unwrap_or_else(|| git_dir.clone());
        let index_file = env.index_file.as_ref().and_then(|p| absolute(Path::new(p)));
        Repo {
            work_tree,
            git_dir,
            common_dir,
            index_file,
            env,
        }
    }

    /// The top of the work tree.
    pub fn work_tree(&self) -> &Path {
        &self.work_tree
    }

    /// The per-worktree git directory (`HEAD`, `index`).
    pub fn git_dir(&self) -> &Path {
        &self.git_dir
    }

    /// The shared git directory (refs, objects, config, hooks); equals [`Repo::git_dir`]
    /// except in a linked worktree.
    pub fn common_dir(&self) -> &Path {
        &self.common_dir
    }

    /// The checked-out branch and HEAD commit. Follows symbolic refs up to
    /// a few levels, through loose refs (per-worktree ones in the git dir, the rest in the
    /// common dir) and then `packed-refs`. Both fields are `None` when nothing can be read
    /// (including repositories using the reftable backend).
    pub fn head(&self) -> Head {
        self.read_head().0
    }

    /// HEAD, and whether it was read with certainty: `false` when HEAD or a ref it points to
    /// is missing where it must exist, unparseable, or in a backend we do not read, so that
    /// a missing commit is not mistaken for an unborn branch.
    fn read_head(&self) -> (Head, bool) {
        let Some(text) = read_small(&self.git_dir.join("HEAD")) else {
            return (Head::default(), false);
        };
        let text = text.trim();
        if let Some(target) = text.strip_prefix("ref:") {
            let target = target.trim();
            if !valid_ref_name(target) || target == "refs/heads/.invalid" {
                // `.invalid` is what the reftable backend leaves in HEAD.
                return (Head::default(), false);
            }
            let branch = Some(
                target
                    .strip_prefix("refs/heads/")
                    .unwrap_or(target)
                    .to_string(),
            );
            match self.resolve_ref(target, MAX_SYMREF_DEPTH) {
                Ok(commit) => (Head { branch, commit }, true),
                Err(()) => (
                    Head {
                        branch,
                        commit: None,
                    },
                    false,
                ),
            }
        } else {
            let commit = parse_hex_oid(text);
            let certain = commit.is_some();
            (
                Head {
                    branch: None,
                    commit,
                },
                certain,
            )
        }
    }

    /// Resolves a full ref name to a commit id: `Ok(None)` when the ref does not exist,
    /// `Err` when it cannot be told.
    fn resolve_ref(&self, name: &str, depth: usize) -> Result<Option<String>, ()> {
        if depth == 0 || !valid_ref_name(name) {
            return Err(());
        }
        let dir = if is_per_worktree_ref(name) {
            &self.git_dir
        } else {
            &self.common_dir
        };
        match read_ref_file(&dir.join(name))? {
            Some(text) => {
                let text = text.trim();
                match text.strip_prefix("ref:") {
                    Some(target) => self.resolve_ref(target.trim(), depth - 1),
                    None => parse_hex_oid(text).map(Some).ok_or(()),
                }
            }
            None => find_packed_ref(&self.common_dir.join("packed-refs"), name),
        }
    }

    /// A config value (e.g. `("user", "name")`, or `("remote.origin", "url")` for a
    /// subsection) looked up as git does: system config (`/etc/gitconfig`, or
    /// `GIT_CONFIG_SYSTEM`; skipped with `GIT_CONFIG_NOSYSTEM`), global config
    /// (`GIT_CONFIG_GLOBAL` if set, else `$XDG_CONFIG_HOME/git/config` or
    /// `~/.config/git/config`, then `~/.gitconfig`), the repository's `config`, and
    /// `config.worktree` when `extensions.worktreeConfig` is on. Later files win. Section and
    /// key names are case-insensitive, subsections case-sensitive. `include` and `includeIf`
    /// are not followed.
    pub fn config_value(&self, section: &str, key: &str) -> Option<String> {
        let mut files = self.env.global_config_files();
        files.push(self.common_dir.join("config"));
        if self
            .repo_config_value("extensions", "worktreeconfig")
            .is_some_and(|v| parse_bool(&v) == Some(true))
        {
            files.push(self.git_dir.join("config.worktree"));
        }
        config_lookup(&files, section, key)
    }

    /// A value from the repository's own config file only.
    fn repo_config_value(&self, section: &str, key: &str) -> Option<String> {
        config_lookup(&[self.common_dir.join("config")], section, key)
    }

    /// Where hooks go: `core.hooksPath` (`~/` expanded, relative paths taken from the top of
    /// the work tree, as git runs hooks there), else `<common dir>/hooks`.
    pub fn hooks_dir(&self) -> PathBuf {
        match self.config_value("core", "hookspath") {
            Some(p) if !p.is_empty() => {
                let p = expand_home(Path::new(&p), &self.env);
                if p.is_absolute() {
                    p
                } else {
                    self.work_tree.join(p)
                }
            }
            _ => self.common_dir.join("hooks"),
        }
    }

    /// Whether the work tree is dirty in the sense of `git describe --dirty`: a tracked file
    /// differs from the index, or the index differs from HEAD (staged changes). Untracked
    /// files do not count.
    ///
    /// * `Some(true)` as soon as one real change is found (a modified, deleted or
    ///   type-changed tracked file, an exec-bit change, an unmerged or intent-to-add entry,
    ///   or an index whose tree differs from HEAD's).
    /// * `Some(false)` when every entry was checked and HEAD's tree matched.
    /// * `None` when `budget` ran out first (the clock is read every 4 files), or anything
    ///   was unreadable or unsupported: a corrupt index, a split index, HEAD's commit in an
    ///   alternate object store or missing (partial clone), a reftable repository, or a
    ///   content hash needed in a SHA-256 repository.
    ///
    /// `budget: None` means no limit (for `run` and hooks). The budget counts from the call
    /// and covers everything, reading the index included.
    ///
    /// Order of work: one pass over the index (structure, unmerged entries, the 32 entries
    /// with the newest mtimes); the staged side (HEAD's commit, read loose or from a pack
    /// through delta chains, against the index's cache-tree root, or against a tree hashed
    /// from the index reusing every valid cache-tree record when the root is invalid, as after
    /// `git add`); then the newest entries' files, so that a file edited again after being
    /// committed is found first; then every other file in index order.
    ///
    /// How a file is checked: lstat, then compare type, exec bit, size, mtime and ctime
    /// (seconds and nanoseconds) and inode with the index entry. When only times or the inode
    /// differ, or the entry is "racily clean" (changed in the same tick the index was
    /// written), the file is hashed as a git blob to rule out a mere `touch`. Entries marked
    /// skip-worktree or assume-unchanged, and submodules (gitlinks), are not checked.
    ///
    /// Limits: files with clean filters or end-of-line conversion (`core.autocrlf`,
    /// `.gitattributes` `text`/`eol`, git-lfs) hash differently on disk than in the index, so a
    /// merely touched one reads as dirty; git would re-filter it. The index checksum is not
    /// verified (structure is). Unix only: elsewhere this returns `None`.
    pub fn dirty(&self, budget: Option<Duration>) -> Option<bool> {
        let deadline = budget.and_then(|b| Instant::now().checked_add(b));
        self.dirty_counted(deadline, &mut 0)
    }

    /// [`Repo::dirty`] that also reports how many entries were examined (for benchmarks).
    fn dirty_counted(&self, deadline: Option<Instant>, checked: &mut usize) -> Option<bool> {
        #[cfg(unix)]
        {
            dirty::check(self, deadline, checked)
        }
        #[cfg(not(unix))]
        {
            let _ = (deadline, checked);
            None
        }
    }

    fn index_path(&self) -> PathBuf {
        self.index_file
            .clone()
            .unwrap_or_else(|| self.git_dir.join("index"))
    }

    /// The object id length of the repository's hash (20 for SHA-1, 32 for SHA-256).
    fn oid_len(&self) -> Option<usize> {
        match self.repo_config_value("extensions", "objectformat") {
            None => Some(20),
            Some(f) if f.eq_ignore_ascii_case("sha1") => Some(20),
            Some(f) if f.eq_ignore_ascii_case("sha256") => Some(32),
            Some(_) => None,
        }
    }
}

/// A config value from the system and global config files only, for use outside a
/// repository (same order and syntax as [`Repo::config_value`]).
pub fn global_config_value(section: &str, key: &str) -> Option<String> {
    config_lookup(&Env::from_process().global_config_files(), section, key)
}

// ---------------------------------------------------------------------------------------------
// Paths and small files

/// Makes `p` absolute against the current directory without touching the filesystem further.
fn absolute(p: &Path) -> Option<PathBuf> {
    if p.is_absolute() {
        Some(p.to_path_buf())
    } else {
        std::env::current_dir()
            .ok()
            .map(|cwd| normalize(&cwd.join(p)))
    }
}

/// Removes `.` and `name/..` pairs lexically (git's own files never rely on symlinked `..`).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn expand_home(p: &Path, env: &Env) -> PathBuf {
    if let (Ok(rest), Some(home)) = (p.strip_prefix("~"), &env.home) {
        return Path::new(home).join(rest);
    }
    p.to_path_buf()
}

/// A git dir has a `HEAD` file (git also checks `objects/` and `refs/`; one stat is enough to
/// tell a repository from a stray `.git` folder).
fn is_git_dir(dir: &Path) -> bool {
    fs::metadata(dir.join("HEAD")).is_ok_and(|m| m.is_file())
}

/// Reads a `.git` file: `gitdir: <path>`, relative to the folder holding the file.
fn read_gitfile(dotgit: &Path, dir: &Path) -> Option<PathBuf> {
    let text = read_small(dotgit)?;
    let target = text.strip_prefix("gitdir:")?.trim();
    if target.is_empty() {
        return None;
    }
    Some(normalize(&dir.join(target)))
}

/// Reads a small text file (HEAD, refs, gitfiles); `None` if missing, huge or not UTF-8.
fn read_small(path: &Path) -> Option<String> {
    let f = File::open(path).ok()?;
    let mut s = String::new();
    f.take(64 * 1024).read_to_string(&mut s).ok()?;
    Some(s)
}

/// A lower-case hex object id of SHA-1 or SHA-256 length.
fn parse_hex_oid(s: &str) -> Option<String> {
    let ok = matches!(s.len(), 40 | 64) && s.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| s.to_ascii_lowercase())
}

/// Accepts `HEAD`-like pseudo refs and `refs/...` names without `..`, empty or hidden
/// components, so a hostile HEAD cannot point outside the git dir.
fn valid_ref_name(name: &str) -> bool {
    if name.is_empty() || name.len() > 1024 || name.contains(['\\', '\0', ' ', '\n']) {
        return false;
    }
    if name.starts_with("refs/") {
        name.split('/')
            .all(|c| !c.is_empty() && !c.starts_with('.'))
    } else {
        name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
    }
}

fn is_per_worktree_ref(name: &str) -> bool {
    !name.starts_with("refs/")
        || name.starts_with("refs/bisect/")
        || name.starts_with("refs/worktree/")
        || name.starts_with("refs/rewritten/")
}

/// Reads a loose ref: `Ok(None)` when there is none (missing, or a folder of refs).
fn read_ref_file(path: &Path) -> Result<Option<String>, ()> {
    let absent = |e: &io::Error| {
        matches!(
            e.kind(),
            io::ErrorKind::NotFound | io::ErrorKind::NotADirectory | io::ErrorKind::IsADirectory
        )
    };
    let f = match File::open(path) {
        Ok(f) => f,
        Err(e) if absent(&e) => return Ok(None),
        Err(_) => return Err(()),
    };
    let mut s = String::new();
    match f.take(4096).read_to_string(&mut s) {
        Ok(_) => Ok(Some(s)),
        Err(e) if absent(&e) => Ok(None),
        Err(_) => Err(()),
    }
}

/// Looks `name` up in a `packed-refs` file, skipping comments and `^` peeled lines.
fn find_packed_ref(path: &Path, name: &str) -> Result<Option<String>, ()> {
    let data = match fs::read(path) {
        Ok(d) => d,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(()),
    };
    for line in data.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() || line[0] == b'#' || line[0] == b'^' {
            continue;
        }
        let Some(sp) = line.iter().position(|&b| b == b' ') else {
            continue;
        };
        if &line[sp + 1..] == name.as_bytes() {
            let hex = std::str::from_utf8(&line[..sp]).map_err(|_| ())?;
            return parse_hex_oid(hex).map(Some).ok_or(());
        }
    }
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// Config files

fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Some(true),
        "false" | "no" | "off" | "0" | "" => Some(false),
        _ => None,
    }
}

/// Looks a key up in `files` in order; the last value found wins.
fn config_lookup(files: &[PathBuf], section: &str, key: &str) -> Option<String> {
    let (sec, sub) = match section.split_once('.') {
        Some((s, sub)) => (s, Some(sub)),
        None => (section, None),
    };
    let mut found = None;
    for f in files {
        if let Ok(bytes) = fs::read(f) {
            scan_config(&String::from_utf8_lossy(&bytes), sec, sub, key, &mut found);
        }
    }
    found
}

/// Scans one config file's text, setting `found` for every matching `key = value`.
fn scan_config(text: &str, sec: &str, sub: Option<&str>, key: &str, found: &mut Option<String>) {
    let mut chars = text.chars().peekable();
    let mut cur_sec = String::new();
    let mut cur_sub: Option<String> = None;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '#' || c == ';' {
            for c in chars.by_ref() {
                if c == '\n' {
                    break;
                }
            }
        } else if c == '[' {
            chars.next();
            let (s, sb) = parse_section_header(&mut chars);
            cur_sec = s;
            cur_sub = sb;
        } else if c.is_ascii_alphanumeric() {
            let mut name = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_alphanumeric() || c == '-' {
                    name.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            while chars.next_if(|&c| c == ' ' || c == '\t').is_some() {}
            let value = if chars.next_if_eq(&'=').is_some() {
                parse_config_value(&mut chars)
            } else {
                // `key` alone means true; skip whatever else is on the line.
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                "true".to_string()
            };
            if cur_sec.eq_ignore_ascii_case(sec)
                && cur_sub.as_deref() == sub
                && name.eq_ignore_ascii_case(key)
            {
                *found = Some(value);
            }
        } else {
            // Not valid config syntax: skip the line.
            for c in chars.by_ref() {
                if c == '\n' {
                    break;
                }
            }
        }
    }
}

/// Parses `section]`, `section "sub"]` or the legacy `section.sub]` after the `[`.
fn parse_section_header(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
) -> (String, Option<String>) {
    let mut name = String::new();
    let mut sub = None;
    while let Some(c) = chars.next() {
        match c {
            ']' | '\n' => break,
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' | '\n' => break,
                        '\\' => {
                            if let Some(n) = chars.next() {
                                s.push(n);
                            }
                        }
                        c => s.push(c),
                    }
                }
                sub = Some(s);
            }
            c if c.is_whitespace() => {}
            c => name.push(c),
        }
    }
    match name.split_once('.') {
        Some((s, legacy)) if sub.is_none() => (s.to_string(), Some(legacy.to_ascii_lowercase())),
        _ => (name, sub),
    }
}

/// Parses a value after `=`: quotes, escapes, `#`/`;` comments, line continuations; internal
/// unquoted whitespace runs become single spaces per character, outer whitespace is dropped.
fn parse_config_value(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let mut spaces = 0usize;
    let mut comment = false;
    while let Some(c) = chars.next() {
        if c == '\n' {
            break;
        }
        if comment {
            continue;
        }
        if !quoted && (c == ' ' || c == '\t' || c == '\r') {
            if !out.is_empty() {
                spaces += 1;
            }
            continue;
        }
        if !quoted && (c == '#' || c == ';') {
            comment = true;
            continue;
        }
        out.extend(std::iter::repeat_n(' ', spaces));
        spaces = 0;
        match c {
            '"' => quoted = !quoted,
            '\\' => match chars.next() {
                Some('\n') => {}
                Some('\r') => {
                    chars.next_if_eq(&'\n');
                }
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('b') => out.push('\u{8}'),
                Some(o) => out.push(o),
                None => {}
            },
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The index, streamed
//
// The index is read through a small window rather than whole: on the project's machines a
// fresh process pays ~3–4 µs per page of memory it first touches, so reading a 400 KB index
// (5,000 files) into one buffer cost ~450 µs, against ~80 µs through a 32 KB window.

/// The stat data, object id and flags of one index entry (its path is `IndexReader::path`).
#[derive(Debug, Clone, Copy)]
struct Entry {
    ctime_s: u32,
    ctime_ns: u32,
    mtime_s: u32,
    mtime_ns: u32,
    ino: u32,
    mode: u32,
    size: u32,
    flags: u16,
    ext_flags: u16,
    oid: [u8; 32],
}

impl Entry {
    fn mtime_key(&self) -> u64 {
        (u64::from(self.mtime_s) << 32) | u64::from(self.mtime_ns)
    }
}

const FLAG_ASSUME_VALID: u16 = 0x8000;
const FLAG_EXTENDED: u16 = 0x4000;
const FLAG_STAGE: u16 = 0x3000;
const FLAG_NAME_MASK: u16 = 0x0fff;
const EXT_SKIP_WORKTREE: u16 = 0x4000;
const EXT_INTENT_TO_ADD: u16 = 0x2000;

const MODE_TYPE: u32 = 0o170000;
const MODE_FILE: u32 = 0o100000;
const MODE_SYMLINK: u32 = 0o120000;
const MODE_GITLINK: u32 = 0o160000;
const MODE_DIR: u32 = 0o040000;

/// Bytes read from the index at a time.
const CHUNK: usize = 32 * 1024;
/// Largest single entry or extension accepted (the window grows to hold it).
const MAX_WINDOW: usize = 64 << 20;

/// What follows the entries.
struct Extensions {
    /// The `TREE` extension, when present and parseable.
    cache_tree: Option<CacheTree>,
    /// A `link` extension: a split index, whose other half we do not read.
    split: bool,
}

/// Streams the entries of an index file (versions 2, 3, 4), pass after pass.
struct IndexReader {
    file: File,
    /// Where the entries and extensions end and the trailing checksum starts.
    data_end: u64,
    buf: Vec<u8>,
    /// The unread window is `buf[lo..hi]`; `buf[0]` is at file offset `base`.
    lo: usize,
    hi: usize,
    base: u64,
    version: u32,
    count: u32,
    oid_len: usize,
    /// Entries read in the current pass.
    seen: u32,
    /// Where the last entry's path is in `buf` (v2, v3; valid until the next read).
    name: (usize, usize),
    /// The last entry's path (v4, where each path is stored relative to the previous one).
    v4_path: Vec<u8>,
}

impl IndexReader {
    /// Reads the header; `None` unless it is a v2–v4 index.
    fn new(file: File, len: u64, oid_len: usize) -> Option<IndexReader> {
        let data_end = len.checked_sub(oid_len as u64)?;
        let size = usize::try_from(len).unwrap_or(CHUNK).min(CHUNK);
        let mut r = IndexReader {
            file,
            data_end,
            buf: vec![0; size],
            lo: 0,
            hi: 0,
            base: 0,
            version: 0,
            count: 0,
            oid_len,
            seen: 0,
            name: (0, 0),
            v4_path: Vec::new(),
        };
        r.fill(12)?;
        let head = &r.buf[..12];
        if &head[..4] != b"DIRC" {
            return None;
        }
        r.version = u32::from_be_bytes([head[4], head[5], head[6], head[7]]);
        r.count = u32::from_be_bytes([head[8], head[9], head[10], head[11]]);
        if !(2..=4).contains(&r.version) || data_end < 12 {
            return None;
        }
        r.lo = 12;
        Some(r)
    }

    /// The path of the entry last returned by `next_entry`.
    fn path(&self) -> &[u8] {
        if self.version == 4 {
            &self.v4_path
        } else {
            &self.buf[self.name.0..self.name.1]
        }
    }

    fn pos(&self) -> u64 {
        self.base + self.lo as u64
    }

    /// Makes at least `need` unread bytes available in the window.
    #[inline]
    fn fill(&mut self, need: usize) -> Option<()> {
        if self.hi - self.lo >= need {
            return Some(());
        }
        self.refill(need)
    }

    #[inline(never)]
    fn refill(&mut self, need: usize) -> Option<()> {
        if need > MAX_WINDOW {
            return None;
        }
        self.buf.copy_within(self.lo..self.hi, 0);
        self.base += self.lo as u64;
        self.hi -= self.lo;
        self.lo = 0;
        if self.buf.len() < need {
            self.buf.resize(need.max(self.buf.len() * 2), 0);
        }
        while self.hi < need {
            match self.file.read(&mut self.buf[self.hi..]) {
                Ok(0) => return None,
                Ok(n) => self.hi += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        Some(())
    }

    /// Starts a new pass over the entries.
    fn rewind(&mut self) -> Option<()> {
        self.seen = 0;
        self.v4_path.clear();
        if self.base == 0 && self.hi >= 12 {
            // The header is still in the window (always so for an index smaller than a chunk).
            self.lo = 12;
            return Some(());
        }
        self.file.seek(SeekFrom::Start(0)).ok()?;
        self.base = 0;
        self.lo = 0;
        self.hi = 0;
        self.fill(12)?;
        self.lo = 12;
        Some(())
    }

    /// Position of the first NUL at or after `from` (relative to the window), reading more
    /// as needed.
    fn find_nul(&mut self, from: usize) -> Option<usize> {
        let mut searched = from;
        loop {
            let window = &self.buf[self.lo..self.hi];
            if let Some(p) = window.get(searched..)?.iter().position(|&b| b == 0) {
                return Some(searched + p);
            }
            searched = window.len();
            self.fill(window.len() + 1)?;
        }
    }

    /// The next entry of this pass: `Ok(None)` after the last, `Err` on a malformed index.
    fn next_entry(&mut self) -> Result<Option<Entry>, ()> {
        if self.seen == self.count {
            return Ok(None);
        }
        let fixed = 40 + self.oid_len + 2;
        self.fill(fixed + 2).ok_or(())?;
        let w = &self.buf[self.lo..self.hi];
        let st: &[u8; 40] = w.get(..40).and_then(|s| s.try_into().ok()).ok_or(())?;
        let word =
            |i: usize| u32::from_be_bytes([st[i * 4], st[i * 4 + 1], st[i * 4 + 2], st[i * 4 + 3]]);
        let mut oid = [0u8; 32];
        oid[..self.oid_len].copy_from_slice(&w[40..40 + self.oid_len]);
        let flags = u16::from_be_bytes([w[fixed - 2], w[fixed - 1]]);
        let mut e = Entry {
            ctime_s: word(0),
            ctime_ns: word(1),
            mtime_s: word(2),
            mtime_ns: word(3),
            ino: word(5),
            mode: word(6),
            size: word(9),
            flags,
            ext_flags: 0,
            oid,
        };
        let mut header = fixed;
        if flags & FLAG_EXTENDED != 0 {
            if self.version < 3 {
                return Err(());
            }
            e.ext_flags = u16::from_be_bytes([w[fixed], w[fixed + 1]]);
            header += 2;
        }
        let used = if self.version == 4 {
            // A varint of bytes to drop from the previous path, then a NUL-terminated suffix.
            self.fill(header + 10).ok_or(())?;
            let mut c = Cursor {
                data: &self.buf[self.lo + header..self.hi],
                pos: 0,
            };
            let strip = c.varint().ok_or(())?;
            let suffix_at = header + c.pos;
            let keep = usize::try_from(strip)
                .ok()
                .and_then(|s| self.v4_path.len().checked_sub(s))
                .ok_or(())?;
            let nul = self.find_nul(suffix_at).ok_or(())?;
            self.v4_path.truncate(keep);
            self.v4_path
                .extend_from_slice(&self.buf[self.lo + suffix_at..self.lo + nul]);
            if self.v4_path.is_empty() {
                return Err(());
            }
            nul + 1
        } else {
            let len = match usize::from(flags & FLAG_NAME_MASK) {
                n if n == usize::from(FLAG_NAME_MASK) => self.find_nul(header).ok_or(())? - header,
                n => n,
            };
            // NUL-padded to a multiple of 8 bytes, with at least one NUL.
            let total = (header + len + 8) & !7;
            self.fill(total).ok_or(())?;
            if len == 0 || self.buf[self.lo + header + len] != 0 {
                return Err(());
            }
            self.name = (self.lo + header, self.lo + header + len);
            total
        };
        self.lo += used;
        self.seen += 1;
        if self.pos() > self.data_end {
            return Err(());
        }
        Ok(Some(e))
    }

    /// Reads the extensions; call after the last entry.
    fn extensions(&mut self) -> Option<Extensions> {
        let mut ext = Extensions {
            cache_tree: None,
            split: false,
        };
        if self.seen != self.count {
            return None;
        }
        while self.pos() < self.data_end {
            self.fill(8)?;
            let w = &self.buf[self.lo..self.lo + 8];
            let sig = [w[0], w[1], w[2], w[3]];
            let size = u32::from_be_bytes([w[4], w[5], w[6], w[7]]) as u64;
            self.lo += 8;
            if self.pos() + size > self.data_end {
                return None;
            }
            match &sig {
                b"TREE" => {
                    let size = usize::try_from(size).ok()?;
                    self.fill(size)?;
                    let body = &self.buf[self.lo..self.lo + size];
                    ext.cache_tree = CacheTree::parse_root(body, self.oid_len);
                }
                b"link" => ext.split = true,
                // Optional extensions (upper case) and the sparse-index marker.
                _ if sig[0].is_ascii_uppercase() || &sig == b"sdir" => {}
                _ => return None,
            }
            self.skip(size)?;
        }
        Some(ext)
    }

    fn skip(&mut self, n: u64) -> Option<()> {
        let avail = (self.hi - self.lo) as u64;
        if n <= avail {
            self.lo += n as usize;
            return Some(());
        }
        let to = self.pos() + n;
        self.file.seek(SeekFrom::Start(to)).ok()?;
        self.base = to;
        self.lo = 0;
        self.hi = 0;
        Some(())
    }
}

/// A git-style cursor over bytes, bounds-checked.
struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.data.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }

    /// git's offset varint (index v4 path prefixes, pack offset deltas).
    fn varint(&mut self) -> Option<u64> {
        let mut c = self.take(1)?[0];
        let mut val = u64::from(c & 0x7f);
        while c & 0x80 != 0 {
            val = val.checked_add(1)?;
            if val >> 57 != 0 {
                return None;
            }
            c = self.take(1)?[0];
            val = (val << 7) | u64::from(c & 0x7f);
        }
        Some(val)
    }
}

/// The index's cache of tree ids (`TREE` extension): one record per directory.
#[derive(Debug)]
struct CacheTree {
    name: Vec<u8>,
    /// The tree id when the record is valid.
    oid: Option<Vec<u8>>,
    children: Vec<CacheTree>,
}

impl CacheTree {
    fn parse_root(body: &[u8], oid_len: usize) -> Option<CacheTree> {
        let mut r = Cursor { data: body, pos: 0 };
        CacheTree::parse(&mut r, oid_len, 0)
    }

    fn parse(r: &mut Cursor<'_>, oid_len: usize, depth: usize) -> Option<CacheTree> {
        if depth > MAX_DEPTH {
            return None;
        }
        let rest = &r.data[r.pos..];
        let nul = rest.iter().position(|&b| b == 0)?;
        let name = rest[..nul].to_vec();
        r.pos += nul + 1;
        let rest = &r.data[r.pos..];
        let nl = rest.iter().position(|&b| b == b'\n')?;
        let line = std::str::from_utf8(&rest[..nl]).ok()?;
        r.pos += nl + 1;
        let (count, subtrees) = line.split_once(' ')?;
        let count: i64 = count.parse().ok()?;
        let subtrees: usize = subtrees.parse().ok()?;
        let oid = if count >= 0 {
            Some(r.take(oid_len)?.to_vec())
        } else {
            None
        };
        // Each record takes at least 4 bytes: a bogus count fails fast, no huge reservation.
        let mut children = Vec::with_capacity(subtrees.min(r.data.len() / 4));
        for _ in 0..subtrees {
            children.push(CacheTree::parse(r, oid_len, depth + 1)?);
        }
        Some(CacheTree {
            name,
            oid,
            children,
        })
    }
}

/// HEAD's root tree, as far as it can be read.
enum HeadTree {
    /// No commit yet: every index entry is staged.
    Unborn,
    Tree(Vec<u8>),
    Unknown,
}

#[cfg_attr(not(unix), allow(dead_code))]
fn head_tree(repo: &Repo, oid_len: usize) -> HeadTree {
    match repo.read_head() {
        (
            Head {
                commit: Some(c), ..
            },
            _,
        ) => match commit_tree(repo, &c, oid_len) {
            Some(t) => HeadTree::Tree(t),
            None => HeadTree::Unknown,
        },
        (_, true) => HeadTree::Unborn,
        (_, false) => HeadTree::Unknown,
    }
}

/// One open directory while `stream_tree` walks the sorted index.
struct TreeLevel<'a> {
    /// Length of this directory's path, with its `/` (a prefix of every path inside it).
    len: usize,
    cached: Option<&'a CacheTree>,
    /// Valid in the cache tree (or inside such a directory): nothing to hash here.
    reuse: bool,
    /// The tree object being built: `<mode> <name>\0<id>` per entry.
    body: Vec<u8>,
}

/// Hashes the index's root tree in one pass over its entries (as `git write-tree` would),
/// taking every valid cache-tree record as it is instead of hashing below it.
fn stream_tree(
    rd: &mut IndexReader,
    cache: Option<&CacheTree>,
    deadline: Option<Instant>,
) -> Option<Vec<u8>> {
    if rd.oid_len != 20 {
        return None;
    }
    let reuse_root = cache.is_some_and(|c| c.oid.is_some());
    let mut levels = vec![TreeLevel {
        len: 0,
        cached: cache,
        reuse: reuse_root,
        body: Vec::new(),
    }];
    // The path of the innermost open directory.
    let mut dir: Vec<u8> = Vec::new();
    let mut n = 0u32;
    while let Some(e) = rd.next_entry().ok()? {
        n += 1;
        if n % 256 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
            return None;
        }
        let path = rd.path();
        while levels.len() > 1 && !path.starts_with(&dir) {
            close_level(&mut levels, &mut dir)?;
        }
        loop {
            let top = levels.last()?;
            let rest = &path[top.len..];
            let Some(k) = rest.iter().position(|&b| b == b'/') else {
                break;
            };
            if k + 1 == rest.len() {
                break; // a sparse directory entry, "name/"
            }
            if k == 0 || levels.len() > MAX_DEPTH {
                return None;
            }
            let name = &rest[..k];
            let cached = if top.reuse {
                None
            } else {
                top.cached
                    .and_then(|c| c.children.iter().find(|t| t.name == name))
            };
            let reuse = top.reuse || cached.is_some_and(|c| c.oid.is_some());
            let len = top.len + k + 1;
            dir.truncate(top.len);
            dir.extend_from_slice(&rest[..=k]);
            levels.push(TreeLevel {
                len,
                cached,
                reuse,
                body: Vec::new(),
            });
        }
        let top = levels.last_mut()?;
        if top.reuse {
            continue;
        }
        let rest = &path[top.len..];
        let (mode, name): (&[u8], &[u8]) = match rest.strip_suffix(b"/") {
            Some(name) if e.mode & MODE_TYPE == MODE_DIR => (b"40000 ", name),
            Some(_) => return None,
            None => match e.mode & MODE_TYPE {
                MODE_FILE if e.mode & 0o100 == 0 => (b"100644 ", rest),
                MODE_FILE => (b"100755 ", rest),
                MODE_SYMLINK => (b"120000 ", rest),
                MODE_GITLINK => (b"160000 ", rest),
                _ => return None,
            },
        };
        top.body.extend_from_slice(mode);
        top.body.extend_from_slice(name);
        top.body.push(0);
        top.body.extend_from_slice(&e.oid[..20]);
    }
    while levels.len() > 1 {
        close_level(&mut levels, &mut dir)?;
    }
    let root = levels.pop()?;
    if root.reuse {
        return root.cached?.oid.clone();
    }
    Some(hash_tree(&root.body))
}

/// Finishes the innermost directory of `stream_tree`, adding its entry to its parent.
fn close_level(levels: &mut Vec<TreeLevel<'_>>, dir: &mut Vec<u8>) -> Option<()> {
    let done = levels.pop()?;
    let parent = levels.last_mut()?;
    if !parent.reuse {
        let oid = if done.reuse {
            done.cached?.oid.clone()?
        } else {
            hash_tree(&done.body)
        };
        parent.body.extend_from_slice(b"40000 ");
        parent
            .body
            .extend_from_slice(dir.get(parent.len..done.len.checked_sub(1)?)?);
        parent.body.push(0);
        parent.body.extend_from_slice(&oid);
    }
    dir.truncate(parent.len);
    Some(())
}

fn hash_tree(body: &[u8]) -> Vec<u8> {
    let mut h = Sha1::new();
    h.update(format!("tree {}\0", body.len()).as_bytes());
    h.update(body);
    h.finalize()[..].to_vec()
}

// ---------------------------------------------------------------------------------------------
// The dirty check

#[cfg(unix)]
mod dirty {
    use super::*;
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::MetadataExt;

    pub(super) fn check(
        repo: &Repo,
        deadline: Option<Instant>,
        checked: &mut usize,
    ) -> Option<bool> {
        if expired(deadline) {
            return None;
        }
        let oid_len = repo.oid_len()?;
        let file = match File::open(repo.index_path()) {
            Ok(f) => f,
            // No index: nothing staged yet (clean) unless there is a commit (all deleted).
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return match repo.read_head() {
                    (_, false) => None,
                    (head, true) => Some(head.commit.is_some()),
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
        while let Some(e) = rd.next_entry().ok()? {
            if e.flags & FLAG_STAGE != 0 || e.ext_flags & EXT_INTENT_TO_ADD != 0 {
                return Some(true);
            }
            if checkable(&e) {
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
            if !checkable(&e) {
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
        staged
    }

    /// Entries whose work-tree file is compared: not skip-worktree, not assume-unchanged, not
    /// a submodule.
    fn checkable(e: &Entry) -> bool {
        e.flags & FLAG_ASSUME_VALID == 0
            && e.ext_flags & EXT_SKIP_WORKTREE == 0
            && e.mode & MODE_TYPE != MODE_GITLINK
    }

    pub(super) fn expired(deadline: Option<Instant>) -> bool {
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
        /// `<work tree>/`, reused for every path.
        base: Vec<u8>,
        filemode: Option<bool>,
        symlinks: Option<bool>,
    }

    /// `core.<key>` as a boolean, default true (`core.filemode`, `core.symlinks`).
    fn core_bool(repo: &Repo, key: &str) -> bool {
        repo.config_value("core", key)
            .and_then(|v| parse_bool(&v))
            .unwrap_or(true)
    }

    impl FileCheck<'_> {
        /// `Some(true)` changed, `Some(false)` unchanged, `None` unknown.
        fn check(&mut self, e: &Entry, rel: &[u8]) -> Option<bool> {
            let base_len = self.base.len();
            self.base.extend_from_slice(rel);
            let result = self.check_path(e);
            self.base.truncate(base_len);
            result
        }

        fn check_path(&mut self, e: &Entry) -> Option<bool> {
            let path = Path::new(OsStr::from_bytes(&self.base));
            let meta = match fs::symlink_metadata(path) {
                Ok(m) => m,
                Err(err)
                    if matches!(
                        err.kind(),
                        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                    ) =>
                {
                    return Some(true);
                }
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
                        && !*self
                            .symlinks
                            .get_or_insert_with(|| core_bool(repo, "symlinks"))
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
                && *self
                    .filemode
                    .get_or_insert_with(|| core_bool(repo, "filemode"))
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
            // Only times, inode or a smudged (zeroed) size differ: compare content.
            let oid = &e.oid[..self.oid_len];
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
    fn hash_file_matches(
        path: &Path,
        len: u64,
        oid: &[u8],
        deadline: Option<Instant>,
    ) -> Option<bool> {
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
}

// ---------------------------------------------------------------------------------------------
// Reading one commit header from the object store

/// The binary tree id of commit `hex`, read from a loose object or a pack.
fn commit_tree(repo: &Repo, hex: &str, oid_len: usize) -> Option<Vec<u8>> {
    let oid = hex_decode(hex)?;
    if oid.len() != oid_len {
        return None;
    }
    let objects = repo.common_dir.join("objects");
    // "tree " + hex + "\n" follows the loose header ("commit <size>\0", ≤ 32 bytes).
    let want = 5 + oid_len * 2 + 1;
    let body = match fs::read(objects.join(&hex[..2]).join(&hex[2..])) {
        Ok(z) => {
            let raw = zlib_inflate_prefix(&z, want + 32)?;
            let nul = raw.iter().position(|&b| b == 0)?;
            if !raw.starts_with(b"commit ") {
                return None;
            }
            raw[nul + 1..].to_vec()
        }
        Err(_) => packed_commit_prefix(&objects.join("pack"), &oid, want)?,
    };
    let line = body.strip_prefix(b"tree ")?.get(..oid_len * 2)?;
    hex_decode(std::str::from_utf8(line).ok()?)
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    let digit = |b: u8| (b as char).to_digit(16);
    s.as_bytes()
        .chunks(2)
        .map(|p| Some((digit(p[0])? * 16 + digit(p[1])?) as u8))
        .collect()
}

/// Finds `oid` in the pack indexes under `pack_dir` and returns the first `want` bytes of
/// the object if it is a commit (following delta chains). `None` if absent or unreadable.
fn packed_commit_prefix(pack_dir: &Path, oid: &[u8], want: usize) -> Option<Vec<u8>> {
    for ent in fs::read_dir(pack_dir).ok()?.flatten() {
        let idx = ent.path();
        if idx.extension() != Some(OsStr::new("idx")) {
            continue;
        }
        if let Some(offset) = pack_index_lookup(&idx, oid) {
            let mut pack = File::open(idx.with_extension("pack")).ok()?;
            let (kind, prefix) = pack_entry_prefix(&mut pack, &idx, offset, want, 0)?;
            return (kind == 1).then_some(prefix);
        }
    }
    None
}

/// Longest delta chain followed (git's default `--depth` is 50).
const MAX_DELTA_CHAIN: usize = 64;
/// Largest delta stream inflated while following a chain.
const MAX_DELTA_SIZE: usize = 64 * 1024;

/// The object type (1 commit, 2 tree, 3 blob, 4 tag) and first `want` bytes of the pack entry
/// at `offset`, resolving offset and ref deltas against the same pack.
fn pack_entry_prefix(
    pack: &mut File,
    idx: &Path,
    offset: u64,
    want: usize,
    depth: usize,
) -> Option<(u8, Vec<u8>)> {
    if depth > MAX_DELTA_CHAIN {
        return None;
    }
    pack.seek(SeekFrom::Start(offset)).ok()?;
    // Objects stored whole need little input for `want` bytes; deltas need their whole stream.
    let mut buf = Vec::with_capacity(4096);
    (&mut *pack).take(4096).read_to_end(&mut buf).ok()?;
    let mut cur = Cursor { data: &buf, pos: 0 };
    let c = cur.take(1)?[0];
    let kind = (c >> 4) & 7;
    let mut size = u64::from(c & 0x0f);
    let mut shift = 4;
    let mut more = c & 0x80 != 0;
    while more {
        let b = cur.take(1)?[0];
        if shift > 56 {
            return None;
        }
        size |= u64::from(b & 0x7f) << shift;
        shift += 7;
        more = b & 0x80 != 0;
    }
    match kind {
        1..=4 => {
            let limit = usize::try_from(size).ok()?.min(want);
            Some((kind, zlib_inflate_prefix(&buf[cur.pos..], limit)?))
        }
        6 | 7 => {
            let base_offset = if kind == 6 {
                // Offset back to the base: git's offset varint.
                let rel = cur.varint()?;
                offset.checked_sub(rel)?
            } else {
                let base_oid = cur.take(20)?.to_vec();
                pack_index_lookup(idx, &base_oid)?
            };
            let delta_size = usize::try_from(size).ok()?;
            if delta_size > MAX_DELTA_SIZE {
                return None;
            }
            let at = cur.pos;
            if buf.len() == 4096 {
                (&mut *pack)
                    .take(MAX_DELTA_SIZE as u64)
                    .read_to_end(&mut buf)
                    .ok()?;
            }
            let delta = zlib_inflate_prefix(&buf[at..], delta_size)?;
            apply_delta_prefix(&delta, want, |need| {
                pack_entry_prefix(pack, idx, base_offset, need, depth + 1)
            })
        }
        _ => None,
    }
}

/// Applies a git delta far enough to produce `want` bytes, asking `base` for just the prefix
/// of the base object that those bytes copy from.
fn apply_delta_prefix(
    delta: &[u8],
    want: usize,
    base: impl FnOnce(usize) -> Option<(u8, Vec<u8>)>,
) -> Option<(u8, Vec<u8>)> {
    let mut r = Cursor {
        data: delta,
        pos: 0,
    };
    let size = |r: &mut Cursor<'_>| -> Option<u64> {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = r.take(1)?[0];
            if shift > 56 {
                return None;
            }
            v |= u64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
    };
    let base_size = usize::try_from(size(&mut r)?).ok()?;
    let result_size = usize::try_from(size(&mut r)?).ok()?;
    let want = want.min(result_size);
    // Two passes: find how much of the base is needed, then build the output.
    let mut ops = Vec::new();
    let mut produced = 0usize;
    let mut need = 0usize;
    while produced < want {
        let c = r.take(1)?[0];
        if c & 0x80 != 0 {
            let mut off = 0u32;
            let mut len = 0u32;
            for i in 0..4 {
                if c & (1 << i) != 0 {
                    off |= u32::from(r.take(1)?[0]) << (8 * i);
                }
            }
            for i in 0..3 {
                if c & (0x10 << i) != 0 {
                    len |= u32::from(r.take(1)?[0]) << (8 * i);
                }
            }
            let len = if len == 0 { 0x10000 } else { len as usize };
            let (off, used) = (off as usize, len.min(want - produced));
            need = need.max(off.checked_add(used)?);
            // Copies stay inside the base; a commit's first line never lies far into it.
            if need > base_size || need > MAX_DELTA_SIZE {
                return None;
            }
            ops.push((true, off, used));
            produced += used;
        } else if c != 0 {
            let len = usize::from(c);
            let at = r.pos;
            r.take(len)?;
            let used = len.min(want - produced);
            ops.push((false, at, used));
            produced += used;
        } else {
            return None;
        }
    }
    let (kind, base_bytes) = base(need)?;
    if base_bytes.len() < need {
        return None;
    }
    let mut out = Vec::with_capacity(want);
    for (copy, at, len) in ops {
        let src = if copy {
            &base_bytes[at..at + len]
        } else {
            &delta[at..at + len]
        };
        out.extend_from_slice(src);
    }
    Some((kind, out))
}

/// Looks `oid` up in a version-2 pack index, reading only the fan-out bucket it falls in.
fn pack_index_lookup(idx: &Path, oid: &[u8]) -> Option<u64> {
    let mut f = File::open(idx).ok()?;
    let file_len = f.metadata().ok()?.len();
    let mut head = [0u8; 8 + 256 * 4];
    f.read_exact(&mut head).ok()?;
    if head[..8] != [0xff, b't', b'O', b'c', 0, 0, 0, 2] {
        return None;
    }
    let fan = |i: usize| {
        u32::from_be_bytes([
            head[8 + i * 4],
            head[9 + i * 4],
            head[10 + i * 4],
            head[11 + i * 4],
        ]) as u64
    };
    let first = usize::from(*oid.first()?);
    let lo = if first == 0 { 0 } else { fan(first - 1) };
    let hi = fan(first);
    let n = fan(255);
    let w = oid.len() as u64;
    if lo > hi || hi > n || 8 + 1024 + n * (w + 8) > file_len {
        return None;
    }
    f.seek(SeekFrom::Start(8 + 1024 + lo * w)).ok()?;
    let mut bucket = vec![0u8; usize::try_from((hi - lo) * w).ok()?];
    f.read_exact(&mut bucket).ok()?;
    let pos = lo
        + bucket
            .chunks_exact(oid.len())
            .collect::<Vec<_>>()
            .binary_search(&oid)
            .ok()? as u64;
    let mut b4 = [0u8; 4];
    f.seek(SeekFrom::Start(8 + 1024 + n * (w + 4) + pos * 4))
        .ok()?;
    f.read_exact(&mut b4).ok()?;
    let off = u32::from_be_bytes(b4);
    if off & 0x8000_0000 == 0 {
        return Some(u64::from(off));
    }
    let mut b8 = [0u8; 8];
    f.seek(SeekFrom::Start(
        8 + 1024 + n * (w + 8) + u64::from(off & 0x7fff_ffff) * 8,
    ))
    .ok()?;
    f.read_exact(&mut b8).ok()?;
    Some(u64::from_be_bytes(b8))
}

// ---------------------------------------------------------------------------------------------
// Inflating (zlib, via flate2)

/// Inflates a zlib stream until `limit` bytes are out (or the stream ends); `None` on a
/// corrupt or truncated stream. At most `limit` bytes are ever produced, so a bogus size read
/// from a pack never sizes an allocation.
fn zlib_inflate_prefix(z: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(limit.min(4096));
    flate2::bufread::ZlibDecoder::new(z)
        .take(u64::try_from(limit).ok()?)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// `git` in `dir`, isolated from the user's config and from any repository variables
    /// (tests may run inside a git hook).
    fn git_command(dir: &Path) -> Command {
        let mut c = Command::new("git");
        c.current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .env_remove("GIT_COMMON_DIR")
            .env_remove("GIT_OBJECT_DIRECTORY");
        c
    }

    fn git(dir: &Path, args: &[&str]) -> String {
        let out = git_command(dir)
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@e",
                "-c",
                "init.defaultBranch=main",
            ])
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "core.hooksPath=/dev/null",
            ])
            .args(args)
            .output()
            .expect("spawn git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .expect("utf8")
            .trim()
            .to_string()
    }

    /// An environment with no git variables and an empty home.
    fn env_with_home(home: &Path) -> Env {
        Env {
            home: Some(home.into()),
            config_nosystem: true,
            ..Env::default()
        }
    }

    fn discover(start: &Path) -> Option<Repo> {
        Repo::discover_with(
            start,
            Env {
                config_nosystem: true,
                ..Env::default()
            },
        )
    }

    fn write(path: &Path, text: &str) {
        if let Some(p) = path.parent() {
            fs::create_dir_all(p).expect("mkdir");
        }
        fs::write(path, text).expect("write");
    }

    /// A repository with a few committed files.
    fn repo_with_files(n: usize) -> tempfile::TempDir {
        let t = tempfile::tempdir().expect("tempdir");
        git(t.path(), &["init", "-q"]);
        for i in 0..n {
            write(
                &t.path().join(format!("d{}/f{i}.txt", i % 7)),
                &format!("file {i:05}\n"),
            );
        }
        git(t.path(), &["add", "-A"]);
        git(t.path(), &["commit", "-q", "-m", "init"]);
        t
    }

    fn set_mtime(path: &Path, secs_ago: u64) {
        let f = File::options().write(true).open(path).expect("open");
        let t = std::time::SystemTime::now() - Duration::from_secs(secs_ago);
        f.set_modified(t).expect("set mtime");
    }

    #[test]
    fn branch_and_commit_match_git() {
        let t = repo_with_files(3);
        let repo = discover(t.path()).expect("repo");
        let head = repo.head();
        assert_eq!(
            head.commit.as_deref(),
            Some(git(t.path(), &["rev-parse", "HEAD"]).as_str())
        );
        assert_eq!(
            head.branch.as_deref(),
            Some(git(t.path(), &["symbolic-ref", "--short", "HEAD"]).as_str())
        );
        assert_eq!(repo.work_tree(), t.path());
        assert_eq!(repo.git_dir(), t.path().join(".git"));
        assert_eq!(repo.common_dir(), t.path().join(".git"));
    }

    #[test]
    fn branch_with_slashes() {
        let t = repo_with_files(1);
        git(t.path(), &["checkout", "-q", "-b", "feature/x/y"]);
        let head = discover(t.path()).expect("repo").head();
        assert_eq!(head.branch.as_deref(), Some("feature/x/y"));
        assert_eq!(
            head.commit.as_deref(),
            Some(git(t.path(), &["rev-parse", "HEAD"]).as_str())
        );
    }

    #[test]
    fn detached_head() {
        let t = repo_with_files(1);
        let commit = git(t.path(), &["rev-parse", "HEAD"]);
        git(t.path(), &["checkout", "-q", "--detach"]);
        let head = discover(t.path()).expect("repo").head();
        assert_eq!(
            head,
            Head {
                branch: None,
                commit: Some(commit)
            }
        );
    }

    #[test]
    fn unborn_branch() {
        let t = tempfile::tempdir().expect("tempdir");
        git(t.path(), &["init", "-q"]);
        let repo = discover(t.path()).expect("repo");
        assert_eq!(
            repo.head(),
            Head {
                branch: Some("main".into()),
                commit: None
            }
        );
        assert_eq!(repo.dirty(None), Some(false));
        write(&t.path().join("a"), "a");
        assert_eq!(repo.dirty(None), Some(false), "untracked only");
        git(t.path(), &["add", "a"]);
        assert_eq!(repo.dirty(None), Some(true), "staged in an unborn branch");
    }

    #[test]
    fn packed_refs_only() {
        let t = repo_with_files(1);
        git(t.path(), &["pack-refs", "--all"]);
        assert!(!t.path().join(".git/refs/heads/main").exists());
        let head = discover(t.path()).expect("repo").head();
        assert_eq!(head.branch.as_deref(), Some("main"));
        assert_eq!(
            head.commit.as_deref(),
            Some(git(t.path(), &["rev-parse", "HEAD"]).as_str())
        );
    }

    #[test]
    fn packed_refs_with_peeled_tags_and_comments() {
        let t = repo_with_files(1);
        git(t.path(), &["tag", "-a", "-m", "v", "v1"]);
        git(t.path(), &["checkout", "-q", "-b", "zz"]);
        git(t.path(), &["pack-refs", "--all"]);
        let packed = fs::read_to_string(t.path().join(".git/packed-refs")).expect("packed");
        assert!(packed.starts_with('#') && packed.contains("\n^"));
        let head = discover(t.path()).expect("repo").head();
        assert_eq!(
            head.commit.as_deref(),
            Some(git(t.path(), &["rev-parse", "HEAD"]).as_str())
        );
    }

    #[test]
    fn nested_subdirectory_and_file_start() {
        let t = repo_with_files(3);
        let deep = t.path().join("d1/x/y");
        fs::create_dir_all(&deep).expect("mkdir");
        assert_eq!(discover(&deep).expect("repo").work_tree(), t.path());
        assert_eq!(
            discover(&t.path().join("d1/f1.txt"))
                .expect("repo")
                .work_tree(),
            t.path()
        );
    }

    #[test]
    fn not_a_repo() {
        let t = tempfile::tempdir().expect("tempdir");
        assert_eq!(discover(t.path()), None);
        // A `.git` folder that is not a repository is skipped, a broken gitfile is no repo.
        fs::create_dir(t.path().join(".git")).expect("mkdir");
        assert_eq!(discover(t.path()), None);
        let u = tempfile::tempdir().expect("tempdir");
        write(&u.path().join(".git"), "nonsense");
        assert_eq!(discover(u.path()), None);
        write(&u.path().join(".git"), "gitdir: /nonexistent/path");
        assert_eq!(discover(u.path()), None);
    }

    #[test]
    fn linked_worktree_reads_branch_from_common_dir() {
        let t = repo_with_files(2);
        let wt = tempfile::tempdir().expect("tempdir");
        let wt_path = wt.path().join("wt");
        git(
            t.path(),
            &[
                "worktree",
                "add",
                "-q",
                "-b",
                "side/branch",
                wt_path.to_str().expect("utf8"),
            ],
        );
        let repo = discover(&wt_path).expect("repo");
        assert_eq!(repo.work_tree(), wt_path);
        assert_eq!(repo.git_dir(), t.path().join(".git/worktrees/wt"));
        assert_eq!(repo.common_dir(), t.path().join(".git"));
        assert!(!repo.git_dir().join("refs/heads/side/branch").exists());
        let head = repo.head();
        assert_eq!(head.branch.as_deref(), Some("side/branch"));
        assert_eq!(
            head.commit.as_deref(),
            Some(git(&wt_path, &["rev-parse", "HEAD"]).as_str())
        );
        assert_eq!(repo.dirty(None), Some(false));
        write(&wt_path.join("d0/f0.txt"), "changed!!!\n");
        assert_eq!(repo.dirty(None), Some(true));
        assert_eq!(repo.hooks_dir(), t.path().join(".git/hooks"));
    }

    #[test]
    fn gitfile_absolute_and_relative() {
        let t = repo_with_files(1);
        let commit = git(t.path(), &["rev-parse", "HEAD"]);
        // Move .git elsewhere and point at it with a gitfile (as `git init --separate-git-dir`).
        let store = tempfile::tempdir().expect("tempdir");
        let moved = store.path().join("store.git");
        fs::rename(t.path().join(".git"), &moved).expect("rename");
        write(
            &t.path().join(".git"),
            &format!("gitdir: {}\n", moved.display()),
        );
        let repo = discover(&t.path().join("d0")).expect("repo");
        assert_eq!(repo.git_dir(), moved);
        assert_eq!(repo.head().commit.as_deref(), Some(commit.as_str()));
        // Relative to the folder holding the gitfile.
        let inner = t.path().join("inner");
        fs::create_dir(&inner).expect("mkdir");
        fs::rename(&moved, inner.join("gd")).expect("rename");
        write(&t.path().join(".git"), "gitdir: inner/gd\n");
        let repo = discover(t.path()).expect("repo");
        assert_eq!(repo.git_dir(), inner.join("gd"));
        assert_eq!(repo.head().commit.as_deref(), Some(commit.as_str()));
    }

    #[test]
    fn git_dir_env_is_honoured() {
        let t = repo_with_files(1);
        let elsewhere = tempfile::tempdir().expect("tempdir");
        let env = Env {
            git_dir: Some(t.path().join(".git").into()),
            config_nosystem: true,
            ..Env::default()
        };
        let repo = Repo::discover_with(elsewhere.path(), env).expect("repo");
        assert_eq!(repo.work_tree(), t.path());
        assert_eq!(repo.head().branch.as_deref(), Some("main"));
        let env = Env {
            git_dir: Some(elsewhere.path().into()),
            ..Env::default()
        };
        assert_eq!(Repo::discover_with(t.path(), env), None);
    }

    #[test]
    fn git_dir_env_for_a_linked_worktree() {
        let t = repo_with_files(1);
        let wt = tempfile::tempdir().expect("tempdir");
        let wt_path = wt.path().join("w");
        git(
            t.path(),
            &[
                "worktree",
                "add",
                "-q",
                "-b",
                "w",
                wt_path.to_str().expect("utf8"),
            ],
        );
        let env = Env {
            git_dir: Some(t.path().join(".git/worktrees/w").into()),
            config_nosystem: true,
            ..Env::default()
        };
        let repo = Repo::discover_with(Path::new("/"), env).expect("repo");
        assert_eq!(repo.work_tree(), wt_path);
        assert_eq!(repo.common_dir(), t.path().join(".git"));
        assert_eq!(repo.head().branch.as_deref(), Some("w"));
    }

    #[test]
    fn bare_repository_is_not_a_work_tree() {
        let t = tempfile::tempdir().expect("tempdir");
        git(t.path(), &["init", "-q", "--bare", "b.git"]);
        assert_eq!(discover(&t.path().join("b.git")), None);
        assert_eq!(discover(&t.path().join("b.git/refs/heads")), None);
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

    #[test]
    fn reftable_repository_is_unknown_not_unborn() {
        let t = tempfile::tempdir().expect("tempdir");
        git(t.path(), &["init", "-q", "--ref-format=reftable"]);
        write(&t.path().join("a"), "a\n");
        git(t.path(), &["add", "a"]);
        git(t.path(), &["commit", "-q", "-m", "one"]);
        let repo = discover(t.path()).expect("repo");
        assert_eq!(repo.head(), Head::default());
        assert_eq!(repo.dirty(None), None);
    }

    #[test]
    fn hostile_head_is_ignored() {
        let t = repo_with_files(1);
        let repo = discover(t.path()).expect("repo");
        for bad in [
            "ref: ../../../etc/passwd",
            "ref: refs/../config",
            "ref: ",
            "garbage",
            "",
        ] {
            write(&t.path().join(".git/HEAD"), bad);
            assert_eq!(repo.head().commit, None, "{bad}");
        }
        // A symbolic ref loop ends.
        write(&t.path().join(".git/HEAD"), "ref: refs/heads/a");
        write(&t.path().join(".git/refs/heads/a"), "ref: refs/heads/b");
        write(&t.path().join(".git/refs/heads/b"), "ref: refs/heads/a");
        assert_eq!(
            repo.head(),
            Head {
                branch: Some("a".into()),
                commit: None
            }
        );
    }

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
    fn dirty_staged_with_packed_objects() {
        let t = repo_with_files(30);
        write(&t.path().join("d1/f1.txt"), "second\n");
        git(t.path(), &["commit", "-q", "-am", "two"]);
        git(t.path(), &["gc", "-q", "--aggressive"]);
        let repo = discover(t.path()).expect("repo");
        assert_eq!(repo.dirty(None), Some(false));
        write(&t.path().join("d1/f1.txt"), "third\n");
        git(t.path(), &["add", "-A"]);
        assert_eq!(repo.dirty(None), Some(true));
        git(t.path(), &["reset", "-q", "--hard"]);
        assert_eq!(repo.dirty(None), Some(false));
    }

    #[test]
    fn head_commit_stored_as_a_delta() {
        // Similar commit messages make git store older commits as deltas against newer ones.
        let t = tempfile::tempdir().expect("tempdir");
        git(t.path(), &["init", "-q"]);
        let msg = "lorem ipsum dolor sit amet ".repeat(40);
        let mut commits = Vec::new();
        for i in 0..12 {
            write(&t.path().join("f"), &format!("{i}\n"));
            git(t.path(), &["add", "f"]);
            git(t.path(), &["commit", "-q", "-m", &format!("{msg} {i}")]);
            commits.push(git(t.path(), &["rev-parse", "HEAD"]));
        }
        for (offset_deltas, flag) in [(true, "true"), (false, "false")] {
            git(
                t.path(),
                &[
                    "-c",
                    &format!("repack.useDeltaBaseOffset={flag}"),
                    "repack",
                    "-adfq",
                    "--window=50",
                    "--depth=50",
                ],
            );
            let idx = fs::read_dir(t.path().join(".git/objects/pack"))
                .expect("pack dir")
                .flatten()
                .map(|e| e.path())
                .find(|p| p.extension() == Some(OsStr::new("idx")))
                .expect("idx");
            let verify = git(
                t.path(),
                &["verify-pack", "-v", idx.to_str().expect("utf8")],
            );
            let deltas: Vec<&str> = verify
                .lines()
                .filter(|l| {
                    l.contains(" commit ") && l.split(' ').filter(|w| !w.is_empty()).count() == 7
                })
                .collect();
            assert!(deltas.len() >= 5, "offset deltas {offset_deltas}: {verify}");
            let repo = discover(t.path()).expect("repo");
            for c in &commits {
                git(t.path(), &["checkout", "-q", "--detach", c]);
                assert_eq!(repo.dirty(None), Some(false), "{c}");
                let tree = commit_tree(&repo, c, 20).expect("tree");
                assert_eq!(
                    hex(&tree),
                    git(t.path(), &["rev-parse", &format!("{c}^{{tree}}")])
                );
            }
        }
    }

    #[test]
    fn sparse_index() {
        let t = repo_with_files(30);
        git(
            t.path(),
            &["sparse-checkout", "set", "--cone", "--sparse-index", "d0"],
        );
        let repo = discover(t.path()).expect("repo");
        let (entries, _) = read_index(&repo);
        assert!(entries.iter().any(|(_, e)| e.mode & MODE_TYPE == MODE_DIR));
        assert_eq!(repo.dirty(None), Some(false));
        let f = t.path().join("d0/f0.txt");
        write(&f, "staged\n");
        git(t.path(), &["add", "d0/f0.txt"]);
        assert_eq!(repo.dirty(None), Some(true), "staged");
        write(&f, "file 00000\n");
        git(t.path(), &["add", "d0/f0.txt"]);
        // The cache tree was invalidated; rebuilt over sparse directory entries.
        let (_, ext) = read_index(&repo);
        assert!(ext.cache_tree.as_ref().is_none_or(|c| c.oid.is_none()));
        let tree = index_tree_from_scratch(&repo);
        assert_eq!(hex(&tree), git(t.path(), &["rev-parse", "HEAD^{tree}"]));
        assert_eq!(repo.dirty(None), Some(false), "staged back");
        write(&f, "unstaged\n");
        assert_eq!(repo.dirty(None), Some(true), "unstaged");
    }

    #[test]
    fn dirty_invalidated_cache_tree_is_recomputed() {
        // Stage a change and stage it back: the cache tree is invalid but the index tree
        // equals HEAD's.
        let t = repo_with_files(15);
        let repo = discover(t.path()).expect("repo");
        let f = t.path().join("d4/f4.txt");
        write(&f, "temp\n");
        git(t.path(), &["add", "d4/f4.txt"]);
        write(&f, "file 00004\n");
        git(t.path(), &["add", "d4/f4.txt"]);
        let (_, ext) = read_index(&repo);
        let cache = ext.cache_tree.expect("cache tree");
        assert!(cache.oid.is_none(), "root invalidated");
        assert!(
            cache.children.iter().any(|c| c.oid.is_some()),
            "others still valid"
        );
        assert_eq!(repo.dirty(None), Some(false));
        // And with no cache tree at all.
        let head_tree = commit_tree(&repo, &repo.head().commit.expect("commit"), 20).expect("tree");
        assert_eq!(index_tree_from_scratch(&repo), head_tree);
        assert_eq!(
            hex(&head_tree),
            git(t.path(), &["rev-parse", "HEAD^{tree}"])
        );
    }

    /// Every entry of the repository's index with its path, and the extensions.
    fn read_index(repo: &Repo) -> (Vec<(Vec<u8>, Entry)>, Extensions) {
        let f = File::open(repo.git_dir().join("index")).expect("index");
        let len = f.metadata().expect("meta").len();
        let mut rd = IndexReader::new(f, len, 20).expect("header");
        let mut out = Vec::new();
        while let Some(e) = rd.next_entry().expect("entry") {
            out.push((rd.path().to_vec(), e));
        }
        let ext = rd.extensions().expect("extensions");
        (out, ext)
    }

    /// The index's root tree, hashed without the cache tree.
    fn index_tree_from_scratch(repo: &Repo) -> Vec<u8> {
        let f = File::open(repo.git_dir().join("index")).expect("index");
        let len = f.metadata().expect("meta").len();
        let mut rd = IndexReader::new(f, len, 20).expect("header");
        stream_tree(&mut rd, None, None).expect("tree")
    }

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
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
    fn dirty_index_versions_2_3_4() {
        let t = repo_with_files(40);
        let repo = discover(t.path()).expect("repo");
        // (`--index-version 3` writes 2 unless some entry has extended flags.)
        for v in ["4", "2", "4"] {
            git(t.path(), &["update-index", "--index-version", v]);
            let data = fs::read(repo.git_dir().join("index")).expect("index");
            assert_eq!(data[7].to_string(), v);
            let (entries, _) = read_index(&repo);
            assert_eq!(entries.len(), 40);
            let listed = git(t.path(), &["ls-files"]);
            let ours: Vec<_> = entries
                .iter()
                .map(|(p, _)| String::from_utf8_lossy(p).into_owned())
                .collect();
            assert_eq!(ours.join("\n"), listed);
            assert_eq!(repo.dirty(None), Some(false), "v{v} clean");
            write(&t.path().join("d5/f12.txt"), "file 12345\n");
            assert_eq!(repo.dirty(None), Some(true), "v{v} dirty");
            git(t.path(), &["checkout", "--", "d5/f12.txt"]);
        }
        // Extended flags (skip-worktree) make it v3; then the same as v4.
        git(t.path(), &["update-index", "--index-version", "2"]);
        git(t.path(), &["update-index", "--skip-worktree", "d2/f2.txt"]);
        for v in [3u8, 4] {
            if v == 4 {
                git(t.path(), &["update-index", "--index-version", "4"]);
            }
            let data = fs::read(repo.git_dir().join("index")).expect("index");
            assert_eq!(data[7], v);
            let (entries, _) = read_index(&repo);
            let skipped: Vec<_> = entries
                .iter()
                .filter(|(_, e)| e.ext_flags & EXT_SKIP_WORKTREE != 0)
                .collect();
            assert_eq!(skipped.len(), 1);
            assert_eq!(skipped[0].0, b"d2/f2.txt");
            assert_eq!(repo.dirty(None), Some(false), "v{v} clean");
            write(&t.path().join("d2/f2.txt"), "ignored: skip-worktree\n");
            assert_eq!(repo.dirty(None), Some(false), "v{v} skip-worktree change");
            write(&t.path().join("d5/f12.txt"), "file 12345\n");
            assert_eq!(repo.dirty(None), Some(true), "v{v} dirty");
            git(t.path(), &["checkout", "--", "d5/f12.txt"]);
        }
    }

    #[test]
    fn index_larger_than_the_read_window() {
        let t = tempfile::tempdir().expect("tempdir");
        git(t.path(), &["init", "-q"]);
        let n = 1500;
        for i in 0..n {
            let name = format!(
                "dir{}/sub{}/a-rather-long-file-name-number-{i:05}.txt",
                i % 13,
                i % 5
            );
            write(&t.path().join(name), &format!("{i}\n"));
        }
        git(t.path(), &["add", "-A"]);
        git(t.path(), &["commit", "-q", "-m", "many"]);
        let repo = discover(t.path()).expect("repo");
        let listed = git(t.path(), &["ls-files"]);
        for v in ["2", "4"] {
            git(t.path(), &["update-index", "--index-version", v]);
            let len = fs::metadata(repo.git_dir().join("index"))
                .expect("index")
                .len();
            assert!(len > 2 * CHUNK as u64 || v == "4", "{len}");
            let (entries, ext) = read_index(&repo);
            let ours: Vec<_> = entries
                .iter()
                .map(|(p, _)| String::from_utf8_lossy(p).into_owned())
                .collect();
            assert_eq!(ours.join("\n"), listed, "v{v}");
            assert!(ext.cache_tree.is_some());
            assert_eq!(
                hex(&index_tree_from_scratch(&repo)),
                git(t.path(), &["rev-parse", "HEAD^{tree}"])
            );
            assert_eq!(repo.dirty(None), Some(false), "v{v}");
            let last = t
                .path()
                .join("dir4/sub4/a-rather-long-file-name-number-01499.txt");
            write(&last, "changed\n");
            assert_eq!(repo.dirty(None), Some(true), "v{v}");
            git(t.path(), &["checkout", "--", "."]);
        }
    }

    #[test]
    fn corrupt_index_is_unknown() {
        // 500 entries: an index larger than the 32 KB read window.
        let t = repo_with_files(500);
        let repo = discover(t.path()).expect("repo");
        let path = repo.git_dir().join("index");
        let good = fs::read(&path).expect("index");
        let cases: Vec<Vec<u8>> = vec![
            good[..good.len() / 2].to_vec(),
            good[..13].to_vec(),
            Vec::new(),
            b"DIRC\0\0\0\x02\xff\xff\xff\xff".to_vec(),
            {
                let mut b = good.clone();
                b[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
                b
            },
            {
                let mut b = good.clone();
                b[7] = 9;
                b
            },
            {
                let mut b = good.clone();
                b[0] = b'X';
                b
            },
        ];
        for (i, bad) in cases.iter().enumerate() {
            fs::write(&path, bad).expect("write");
            assert_eq!(repo.dirty(None), None, "case {i}");
        }
        // Random corruption and truncation anywhere, in v2 and v4, never panics.
        let iterations: usize = std::env::var("FUZZ_ITERATIONS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(150);
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut rand = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for version in ["2", "4"] {
            fs::write(&path, &good).expect("write");
            git(t.path(), &["update-index", "--index-version", version]);
            let good = fs::read(&path).expect("index");
            for i in 0..iterations {
                let mut b = good.clone();
                for _ in 0..1 + i % 4 {
                    let r = rand();
                    let at = (r % b.len() as u64) as usize;
                    b[at] = (r >> 32) as u8;
                }
                if i % 5 == 0 {
                    b.truncate((rand() % b.len() as u64) as usize);
                }
                fs::write(&path, &b).expect("write");
                let _ = repo.dirty(None);
                let _ = repo.dirty(Some(Duration::from_millis(50)));
            }
        }
        fs::remove_file(&path).expect("rm");
        assert_eq!(
            repo.dirty(None),
            Some(true),
            "missing index: everything staged for removal"
        );
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
    fn config_order_and_syntax() {
        let home = tempfile::tempdir().expect("tempdir");
        let t = repo_with_files(1);
        let env = env_with_home(home.path());
        let repo = Repo::discover_with(t.path(), env.clone()).expect("repo");
        assert_eq!(repo.config_value("user", "name"), None);
        write(
            &home.path().join(".gitconfig"),
            "[user]\n\tname = Global Person\n\temail = g@e\n",
        );
        assert_eq!(
            repo.config_value("user", "name").as_deref(),
            Some("Global Person")
        );
        assert_eq!(
            repo.config_value("USER", "Name").as_deref(),
            Some("Global Person")
        );
        // XDG is read before ~/.gitconfig, so ~/.gitconfig wins.
        write(
            &home.path().join(".config/git/config"),
            "[user]\nname = Xdg\n",
        );
        assert_eq!(
            repo.config_value("user", "name").as_deref(),
            Some("Global Person")
        );
        fs::remove_file(home.path().join(".gitconfig")).expect("rm");
        assert_eq!(repo.config_value("user", "name").as_deref(), Some("Xdg"));
        // The repository's config overrides global config.
        git(t.path(), &["config", "user.name", "Repo \"Quoted\" Person"]);
        assert_eq!(
            repo.config_value("user", "name").as_deref(),
            Some("Repo \"Quoted\" Person")
        );
        // GIT_CONFIG_GLOBAL replaces the global files.
        let g = home.path().join("other.cfg");
        write(&g, "[core]\nhooksPath = ~/hooks-here\n");
        let env2 = Env {
            config_global: Some(g.clone().into()),
            ..env.clone()
        };
        let repo2 = Repo::discover_with(t.path(), env2).expect("repo");
        assert_eq!(repo2.hooks_dir(), home.path().join("hooks-here"));
        assert_eq!(
            repo2.config_value("user", "name").as_deref(),
            Some("Repo \"Quoted\" Person")
        );
    }

    #[test]
    fn config_parser_details() {
        let text = "# comment\n; other\n[User]\n  Name = \"  spaced  \" out # trailing\n\
                    [user \"Sub\"]\nname = sub value\n[core.Legacy]\nkey=legacy\n[a]b = c\\\n  d\n\
                    [flags]\nbare\n[x] y = \"a;b#c\" ; comment\n[esc]\nv = tab\\there\\\\\n";
        let get = |s: &str, sub: Option<&str>, k: &str| {
            let mut found = None;
            scan_config(text, s, sub, k, &mut found);
            found
        };
        assert_eq!(get("user", None, "name").as_deref(), Some("  spaced   out"));
        assert_eq!(
            get("user", Some("Sub"), "name").as_deref(),
            Some("sub value")
        );
        assert_eq!(get("user", Some("sub"), "name"), None);
        assert_eq!(
            get("core", Some("legacy"), "key").as_deref(),
            Some("legacy")
        );
        assert_eq!(get("a", None, "b").as_deref(), Some("c  d"));
        assert_eq!(get("flags", None, "bare").as_deref(), Some("true"));
        assert_eq!(get("x", None, "y").as_deref(), Some("a;b#c"));
        assert_eq!(get("esc", None, "v").as_deref(), Some("tab\there\\"));
    }

    #[test]
    fn global_config_value_reads_home() {
        // Only checks that it runs; the process environment is not ours to change.
        let _ = global_config_value("user", "name");
        let home = tempfile::tempdir().expect("tempdir");
        write(&home.path().join(".gitconfig"), "[user]\nname = Home\n");
        let files = env_with_home(home.path()).global_config_files();
        assert_eq!(
            config_lookup(&files, "user", "name").as_deref(),
            Some("Home")
        );
    }

    #[test]
    fn hooks_dir_default_relative_absolute() {
        let home = tempfile::tempdir().expect("tempdir");
        let t = repo_with_files(1);
        let repo =
            Repo::discover_with(&t.path().join("d0"), env_with_home(home.path())).expect("repo");
        assert_eq!(repo.hooks_dir(), t.path().join(".git/hooks"));
        git(t.path(), &["config", "core.hooksPath", ".githooks"]);
        assert_eq!(repo.hooks_dir(), t.path().join(".githooks"));
        git(t.path(), &["config", "core.hooksPath", "/opt/hooks"]);
        assert_eq!(repo.hooks_dir(), PathBuf::from("/opt/hooks"));
        git(t.path(), &["config", "core.hooksPath", "~/my-hooks"]);
        assert_eq!(repo.hooks_dir(), home.path().join("my-hooks"));
    }

    #[test]
    fn inflate_matches_git_objects() {
        // Every loose object git wrote must inflate to its own header.
        let t = repo_with_files(5);
        let objects = t.path().join(".git/objects");
        let mut seen = 0;
        for dir in fs::read_dir(&objects).expect("objects").flatten() {
            let name = dir.file_name();
            if name.len() != 2 {
                continue;
            }
            for obj in fs::read_dir(dir.path()).expect("dir").flatten() {
                let z = fs::read(obj.path()).expect("read");
                let raw = zlib_inflate_prefix(&z, 1 << 20).expect("inflate");
                let id = format!(
                    "{}{}",
                    name.to_string_lossy(),
                    obj.file_name().to_string_lossy()
                );
                let mut h = Sha1::new();
                h.update(&raw);
                assert_eq!(hex(&h.finalize()[..]), id);
                seen += 1;
            }
        }
        assert!(seen >= 10);
    }

    #[test]
    fn corrupt_objects_never_panic() {
        let t = repo_with_files(5);
        let repo = discover(t.path()).expect("repo");
        let commit = repo.head().commit.expect("commit");
        let loose = t
            .path()
            .join(".git/objects")
            .join(&commit[..2])
            .join(&commit[2..]);
        let good = fs::read(&loose).expect("object");
        let mut seed = 0x1234_5678_9abc_def1u64;
        let mut rand = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for i in 0..2000 {
            let mut b = good.clone();
            let r = rand();
            let at = (r % b.len() as u64) as usize;
            b[at] ^= 1 << (r >> 61);
            if i % 3 == 0 {
                b.truncate((rand() % b.len() as u64) as usize);
            }
            let _ = zlib_inflate_prefix(&b, 1 << 16);
            let delta: Vec<u8> = (0..(rand() % 64)).map(|_| rand() as u8).collect();
            let _ = apply_delta_prefix(&delta, 64, |need| Some((1, vec![b'x'; need])));
        }
        // A corrupt pack gives "unknown", not a panic.
        git(t.path(), &["gc", "-q"]);
        let pack_dir = t.path().join(".git/objects/pack");
        let pack = fs::read_dir(&pack_dir)
            .expect("pack dir")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension() == Some(OsStr::new("pack")))
            .expect("pack");
        let good = fs::read(&pack).expect("pack");
        for _ in 0..300 {
            let mut b = good.clone();
            let r = rand();
            let at = 12 + (r % (b.len() as u64 - 12)) as usize;
            b[at] = (r >> 40) as u8;
            fs::write(&pack, &b).expect("write");
            let _ = commit_tree(&repo, &commit, 20);
            let _ = repo.dirty(None);
        }
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
                n += e.mtime_key() + rd.path().len() as u64;
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
