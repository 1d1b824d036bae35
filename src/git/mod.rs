//! Git context for journal entries: read straight from `.git` on the instant write path,
//! asked of git itself ([`exact`]) where time allows.
//!
//! # Why by hand
//!
//! Every journal write records the branch, the HEAD commit and whether the work tree was dirty,
//! and a write must stay within about a millisecond of a bare SQLite insert. Measured on the
//! project's machines: reading the HEAD file, the loose ref, `packed-refs` and `gitdir:` files
//! costs 1.03× the floor; spawning `git rev-parse` costs 2.3×; an exact dirty check by any
//! method (`git status`, gix, git2, a stat loop) cost 2.5–4.5× in a 709-file checkout. gix
//! 0.91 (`sha1` + `status` features, 134 crates, ~10 min to build here) spent ~2.3 ms of CPU
//! on discover + HEAD alone in a fresh process, more than `git rev-parse` (~1.8 ms), and
//! ~17 ms on its dirty check in a 5,000-file tree, against ~9 ms for `git status`. So the
//! write path never spawns `git` and links no git library: it reads the few files it needs,
//! and the dirty check takes a time budget. `run` and the hook ask git (see [`exact`]).
//!
//! # Right or absent
//!
//! The reader answers only what it knows exactly. Whatever it does not model gives `None`
//! (`null` in the entry), never a guess: see [`Repo::dirty`] for the list. Every shape that
//! once misled it is an end-to-end test against git's own answer (`tests/git_context.rs`).
//!
//! # What is read
//!
//! * [`Repo::discover`] finds the repository as git's discovery does: valid git dirs only
//!   (`HEAD`, `objects/`, `refs/`), `.git` files (`gitdir: <path>`, linked worktrees and
//!   submodules) with their `commondir`, bare repositories (a HEAD, no work tree),
//!   `GIT_CEILING_DIRECTORIES`, the filesystem boundary (`GIT_DISCOVERY_ACROSS_FILESYSTEM`),
//!   `GIT_DIR`, `GIT_WORK_TREE`, `core.worktree`, `core.bare`, `GIT_COMMON_DIR`,
//!   `GIT_INDEX_FILE`, `safe.bareRepository=explicit`. Not modelled: `safe.directory`
//!   (ownership), `GIT_IMPLICIT_WORK_TREE`.
//! * [`Repo::head`] reads `HEAD` (a symlink into `refs/` too, as `core.preferSymlinkRefs`
//!   writes it) and follows symbolic refs a few levels, through loose refs and `packed-refs`,
//!   or, in a repository using the reftable ref backend (`extensions.refStorage`, read with
//!   `core.bare` in discovery's one config read), through its table stacks (`reftable`). The
//!   branch is the name at the end of the chain, as git names it; a name that is not UTF-8 is
//!   recorded losslessly (`\xHH` for each byte outside UTF-8, see `refs::ref_name_text`).
//! * [`Repo::dirty`] streams the index (versions 2, 3 and 4, sparse or not) through a small
//!   window, compares its tree with HEAD's (the staged side; HEAD's commit is read loose or
//!   from a pack through delta chains, inflated with `miniz_oxide`, pure Rust)
//!   and lstats every tracked file (the unstaged side), within a time budget. See its docs.
//! * [`Repo::config_value`] and [`global_config_value`] read git's INI files in git's order,
//!   following `include.path`; a value that an `includeIf` file or `git -c` may set is
//!   uncertain, and the dirty check does not use an uncertain value.
//!
//! # Cost
//!
//! Release build on the project's 2-core machine (measured while other builds kept it loaded,
//! so fresh-process figures are pessimistic):
//!
//! * `discover` + `head`: ~20 µs in a warm loop, 30–55 µs as the first thing a process does.
//!   In a reftable repository `head` reads `tables.list` and each table's ref blocks from
//!   the newest until the name is found: ~36,000 instructions in a small repository, ~90,000
//!   among 10,000 branches, against ~520,000 for spawning `git rev-parse` (see `reftable`).
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
//!
//! # Layout
//!
//! This file holds [`Repo`], [`Head`], discovery and the public API; the rest is by concern:
//! `refs` (HEAD, loose and packed refs), `config` (config files), `index` (the index reader,
//! the cache tree, the index's tree hash), `objects` (HEAD's commit from loose objects or
//! packs), `dirty` (the bounded dirty check, Unix only) and `test_support` (test fixtures).

#![cfg_attr(not(unix), allow(dead_code))]

mod config;
pub use config::{keeps_refs_in_files, names_objects_by_sha1};
#[cfg(unix)]
mod dirty;
pub mod exact;
mod index;
mod objects;
mod refs;
mod reftable;
#[cfg(test)]
mod test_support;

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

use config::{config_lookup, parse_bool};

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
    /// No work tree to compare (a bare repository, `core.bare`, or a `core.worktree` that
    /// does not hold the starting directory): dirty is unknown, `work_tree` is the git dir.
    no_work_tree: bool,
    /// Where the refs are kept (`extensions.refStorage`).
    refs: RefBackend,
    env: Env,
}

/// The ref backends git has (`extensions.refStorage`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum RefBackend {
    /// Loose files under `refs/` and `packed-refs` (git's default).
    #[default]
    Files,
    /// `reftable/` tables (`git init --ref-format=reftable`, git 2.45 and later).
    Reftable,
    /// A backend we do not read, or a config git itself would refuse: HEAD is unknown.
    Unknown,
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
    /// `GIT_CEILING_DIRECTORIES`.
    ceilings: Option<OsString>,
    /// `GIT_DISCOVERY_ACROSS_FILESYSTEM` is true.
    across_fs: bool,
    /// `GIT_OBJECT_DIRECTORY`.
    object_dir: Option<OsString>,
    /// Every key `git -c` set for us (`GIT_CONFIG_PARAMETERS`, `GIT_CONFIG_KEY_<n>`),
    /// lower-cased, only to tell that a key may be set there.
    config_params: Option<String>,
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
            ceilings: get("GIT_CEILING_DIRECTORIES"),
            across_fs: get("GIT_DISCOVERY_ACROSS_FILESYSTEM")
                .is_some_and(|v| parse_bool(&v.to_string_lossy()) == Some(true)),
            object_dir: get("GIT_OBJECT_DIRECTORY"),
            config_params: config_params(),
        }
    }

    /// The ceiling directories, made physical as git does (entries after an empty one are
    /// taken as written); relative entries are ignored.
    fn ceiling_dirs(&self) -> Vec<PathBuf> {
        let Some(list) = &self.ceilings else {
            return Vec::new();
        };
        let mut resolve = true;
        let mut out = Vec::new();
        for dir in std::env::split_paths(list) {
            if dir.as_os_str().is_empty() {
                resolve = false;
                continue;
            }
            if !dir.is_absolute() {
                continue;
            }
            let dir = if resolve {
                fs::canonicalize(&dir).unwrap_or(dir)
            } else {
                normalize(&dir)
            };
            out.push(dir);
        }
        out
    }
}

/// The config keys set through `git -c`, lower-cased and joined (see [`Env::config_params`]).
fn config_params() -> Option<String> {
    let mut out = std::env::var("GIT_CONFIG_PARAMETERS").unwrap_or_default();
    let count = std::env::var("GIT_CONFIG_COUNT")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .unwrap_or(0);
    for i in 0..count.min(10_000) {
        out.push('\n');
        out.push_str(&std::env::var(format!("GIT_CONFIG_KEY_{i}")).unwrap_or_default());
    }
    (!out.trim().is_empty()).then(|| out.to_ascii_lowercase())
}

impl Repo {
    /// Finds the repository around `start` (a file or directory, relative to the current
    /// directory if relative) as git does: in each directory from `start` up, first a `.git`
    /// directory that looks like a repository (a valid `HEAD`, `objects/` and `refs/`, in the
    /// common dir for a linked worktree) or a `.git` file (`gitdir: <path>`, relative paths
    /// resolved against the file's folder), then the directory itself as a bare repository.
    /// The walk stops below `GIT_CEILING_DIRECTORIES` and, unless
    /// `GIT_DISCOVERY_ACROSS_FILESYSTEM` is set, at a filesystem boundary.
    ///
    /// `GIT_DIR` is honoured as git does (hooks may run with it set; relative to the current
    /// directory): the work tree is then `GIT_WORK_TREE`, else `core.worktree`, else none if
    /// `core.bare`, else the parent of a git dir named `.git`, else the worktree a linked
    /// worktree's git dir names in its `gitdir` file, else `start`. Without `GIT_DIR`,
    /// `GIT_WORK_TREE` and `core.worktree` still name the work tree. `GIT_COMMON_DIR` and
    /// `GIT_INDEX_FILE` are honoured too.
    ///
    /// A repository without a work tree around `start` (bare, `core.bare`, a `core.worktree`
    /// elsewhere) is found, for its HEAD, but its dirty state is unknown.
    ///
    /// Returns `None` outside a repository or on anything unexpected; it never fails loudly.
    pub fn discover(start: &Path) -> Option<Repo> {
        Repo::discover_with(start, Env::from_process())
    }

    fn discover_with(start: &Path, env: Env) -> Option<Repo> {
        let start = absolute(start)?;
        if let Some(gd) = env.git_dir.clone() {
            let git_dir = normalize(&absolute(Path::new(&gd))?);
            if !is_git_dir(&git_dir, &env) {
                return None;
            }
            // With `GIT_DIR` and nothing naming a work tree, git takes the current directory.
            return Some(Repo::assemble(&start, start.clone(), git_dir, env, true));
        }
        let ceilings = env.ceiling_dirs();
        #[cfg(unix)]
        let start_dev = {
            use std::os::unix::fs::MetadataExt;
            fs::metadata(&start).ok().map(|m| m.dev())
        };
        let mut dir = start.as_path();
        loop {
            let dotgit = dir.join(".git");
            if let Ok(meta) = fs::metadata(&dotgit) {
                if meta.is_dir() {
                    if is_git_dir(&dotgit, &env) {
                        let wt = dir.to_path_buf();
                        return Some(Repo::assemble(&start, wt, dotgit, env, false));
                    }
                    // Not a git dir (git keeps looking, here and upwards).
                } else if meta.is_file() {
                    // A broken gitfile is an error for git; for us it is "no repository".
                    let git_dir = read_gitfile(&dotgit, dir)?;
                    let wt = dir.to_path_buf();
                    return is_git_dir(&git_dir, &env)
                        .then(|| Repo::assemble(&start, wt, git_dir, env, true));
                }
            }
            if is_git_dir(dir, &env) {
                // A bare repository; git refuses one it was not pointed at explicitly when
                // `safe.bareRepository` is `explicit`.
                let safe =
                    config_lookup(&env.global_config_files(), "safe", "barerepository", &env);
                if !safe.certain
                    || safe
                        .value
                        .is_some_and(|v| v.eq_ignore_ascii_case("explicit"))
                {
                    return None;
                }
                let gd = dir.to_path_buf();
                let mut repo = Repo::assemble(&start, gd.clone(), gd, env, false);
                repo.no_work_tree = true;
                repo.work_tree = repo.git_dir.clone();
                return Some(repo);
            }
            let parent = dir.parent()?;
            // git does not go up into a ceiling directory (nor above one).
            if ceilings.iter().any(|c| parent.starts_with(c)) {
                return None;
            }
            #[cfg(unix)]
            if !env.across_fs {
                use std::os::unix::fs::MetadataExt;
                if fs::metadata(parent).ok().map(|m| m.dev()) != start_dev {
                    return None;
                }
            }
            dir = parent;
        }
    }

    /// Puts a repository together from its git dir. `default_tree` is the work tree when
    /// neither `GIT_WORK_TREE` nor `core.worktree` says otherwise.
    fn assemble(
        start: &Path,
        default_tree: PathBuf,
        git_dir: PathBuf,
        env: Env,
        linked: bool,
    ) -> Repo {
        let common_dir = common_dir_of(&git_dir, &env, linked).unwrap_or_else(|| git_dir.clone());
        let index_file = env.index_file.as_ref().and_then(|p| absolute(Path::new(p)));
        let mut repo = Repo {
            work_tree: default_tree,
            git_dir,
            common_dir,
            index_file,
            no_work_tree: false,
            refs: RefBackend::Files,
            env,
        };
        let setup = repo.setup_config();
        repo.refs = setup.refs;
        let core_worktree = setup.worktree;
        let bare = setup.bare.is_some_and(|v| parse_bool(&v) != Some(false));
        // git's order: GIT_WORK_TREE, then core.bare, then core.worktree (relative to the git
        // dir), then the default.
        if let Some(wt) = repo.env.work_tree.clone() {
            match absolute(Path::new(&wt)) {
                Some(wt) => repo.work_tree = normalize(&wt),
                None => repo.no_work_tree = true,
            }
        } else if bare {
            repo.no_work_tree = true;
        } else if let Some(wt) = core_worktree {
            let wt = expand_home(Path::new(&wt), &repo.env);
            repo.work_tree = normalize(&repo.git_dir.join(wt));
        }
        if !start.starts_with(&repo.work_tree) {
            // git has no work tree here (`status` refuses to run).
            repo.no_work_tree = true;
        }
        if repo.no_work_tree {
            repo.work_tree = repo.git_dir.clone();
        }
        repo
    }

    /// Whether there is a work tree to compare (not a bare repository, not outside
    /// `core.worktree`).
    pub fn has_work_tree(&self) -> bool {
        !self.no_work_tree
    }

    /// The top of the work tree (the git dir when there is none).
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

    /// The checked-out branch and HEAD commit. Follows symbolic refs up to a few levels,
    /// through loose refs (per-worktree ones in the git dir, the rest in the common dir) and
    /// then `packed-refs`, or through the reftable stacks (the worktree's, then the shared
    /// one). Both fields are `None` when nothing can be read (a damaged ref store, a ref
    /// backend git would refuse or we do not know, a symbolic-ref loop).
    pub fn head(&self) -> Head {
        self.read_head().0
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
        self.config_lookup(section, key).value
    }

    /// The config files git reads for this repository, lowest priority first.
    fn config_files(&self) -> Vec<PathBuf> {
        let mut files = self.env.global_config_files();
        files.push(self.common_dir.join("config"));
        if self
            .repo_config_value("extensions", "worktreeconfig")
            .is_some_and(|v| parse_bool(&v) == Some(true))
        {
            files.push(self.git_dir.join("config.worktree"));
        }
        files
    }

    /// [`Repo::config_value`] with whether the value is certain (see [`config::Lookup`]).
    fn config_lookup(&self, section: &str, key: &str) -> config::Lookup {
        config_lookup(&self.config_files(), section, key, &self.env)
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
    /// differs from the index, or the index differs from HEAD (staged changes), or a
    /// checked-out submodule is at another commit or dirty itself. Untracked files do not
    /// count. The oracle in the tests is `git status --porcelain=v2 --untracked-files=no`.
    ///
    /// * `Some(true)` as soon as one real change is found (a modified, deleted or
    ///   type-changed tracked file, an exec-bit change, a file behind a symlinked folder, an
    ///   unmerged or intent-to-add entry, a submodule at another commit or dirty, or an
    ///   index whose tree differs from HEAD's).
    /// * `Some(false)` when every entry was checked and HEAD's tree matched.
    /// * `None` when `budget` ran out first (the clock is read every 4 files), or the answer
    ///   depends on something not modelled: no work tree here (bare, `core.bare`, outside
    ///   `core.worktree`); a corrupt index or a split index; HEAD's commit in an alternate
    ///   object store or missing (partial clone); HEAD unknown; a content hash
    ///   needed in a SHA-256 repository; a file whose content must be compared where git may
    ///   convert it (`core.autocrlf`, any applicable attributes file: `text`, `eol`, filters
    ///   and git-lfs would make git's comparison differ from ours); `core.fileMode` or
    ///   `core.symlinks` possibly set by `includeIf` or `git -c`; a skip-worktree file present
    ///   on disk in a sparse checkout (git compares it then); a submodule folder missing or
    ///   replaced, or any `ignore` setting for submodules.
    ///
    /// `budget: None` means no limit (tests). The budget counts from the call and covers
    /// everything, reading the index included.
    ///
    /// Order of work: one pass over the index (structure, unmerged entries, the 32 entries
    /// with the newest mtimes); the staged side (HEAD's commit, read loose or from a pack
    /// through delta chains, against the index's cache-tree root, or against a tree hashed
    /// from the index reusing every valid cache-tree record when the root is invalid, as after
    /// `git add`); then the newest entries' files, so that a file edited again after being
    /// committed is found first; then every other file in index order.
    ///
    /// How a file is checked: every folder on its path must be a real folder (git does not
    /// follow symlinks there), then lstat, then compare type, exec bit, size, mtime and ctime
    /// (seconds and nanoseconds) and inode with the index entry. When only times or the inode
    /// differ, or the entry is "racily clean" (changed in the same tick the index was
    /// written), the file is hashed as a git blob to rule out a mere `touch` (where no
    /// conversion may apply). Entries marked assume-unchanged are not checked, nor are
    /// skip-worktree entries absent from disk; a submodule not checked out is unchanged.
    ///
    /// Limits: the index checksum is not verified (structure is). git without nanosecond
    /// timestamps may call a same-second, same-size rewrite with a restored mtime clean where
    /// this finds it changed. Unix only: elsewhere this returns `None`.
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
}

/// A config value from the system and global config files only, for use outside a
/// repository (same order and syntax as [`Repo::config_value`]).
pub fn global_config_value(section: &str, key: &str) -> Option<String> {
    let env = Env::from_process();
    config_lookup(&env.global_config_files(), section, key, &env).value
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

/// `commondir` of a linked worktree's git dir (or `GIT_COMMON_DIR`), when there is one.
fn common_dir_of(git_dir: &Path, env: &Env, linked: bool) -> Option<PathBuf> {
    match &env.common_dir {
        Some(c) => absolute(Path::new(c)).map(|p| normalize(&p)),
        None if !linked => None,
        None => read_small(&git_dir.join("commondir")).and_then(|s| {
            let s = s.trim_end_matches(['\n', '\r']);
            (!s.is_empty()).then(|| normalize(&git_dir.join(s)))
        }),
    }
}

/// Whether `dir` looks like a git dir, as git's `is_git_directory` decides: a valid `HEAD`
/// (a symbolic ref, an object id, or a symlink into `refs/`), and `objects/` and `refs/`
/// folders (in the common dir for a linked worktree; `GIT_OBJECT_DIRECTORY` replaces
/// `objects/`). A stray `.git` folder holding only a `HEAD` is no repository.
fn is_git_dir(dir: &Path, env: &Env) -> bool {
    if !refs::valid_head_file(&dir.join("HEAD")) {
        return false;
    }
    let common = if dir.join("commondir").exists() {
        match common_dir_of(dir, &Env::default(), true) {
            Some(c) => c,
            None => return false,
        }
    } else {
        dir.to_path_buf()
    };
    let objects = match &env.object_dir {
        Some(o) => PathBuf::from(o),
        None => common.join("objects"),
    };
    let is_dir = |p: &Path| fs::metadata(p).is_ok_and(|m| m.is_dir());
    is_dir(&objects) && is_dir(&common.join("refs"))
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

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

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
        let repo = Repo::discover_with(elsewhere.path(), env.clone()).expect("repo");
        // As git: with GIT_DIR and nothing naming a work tree, the current directory is one
        // (so every tracked file is missing there).
        assert_eq!(repo.work_tree(), elsewhere.path());
        assert_eq!(repo.head().branch.as_deref(), Some("main"));
        assert_eq!(repo.dirty(None), Some(true));
        let repo = Repo::discover_with(t.path(), env).expect("repo");
        assert_eq!(repo.work_tree(), t.path());
        assert_eq!(repo.dirty(None), Some(false));
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
        let repo = Repo::discover_with(&wt_path, env).expect("repo");
        assert_eq!(repo.work_tree(), wt_path);
        assert_eq!(repo.common_dir(), t.path().join(".git"));
        assert_eq!(repo.head().branch.as_deref(), Some("w"));
    }

    #[test]
    fn bare_repository_has_a_head_and_no_work_tree() {
        let t = repo_with_files(1);
        let b = t.path().join("b.git");
        git(t.path(), &["init", "-q", "--bare", "b.git"]);
        // Found, not the outer repository: its own (unborn) HEAD, dirty unknown.
        for start in [b.clone(), b.join("refs/heads")] {
            let repo = discover(&start).expect("bare");
            assert_eq!(repo.git_dir(), b);
            assert_eq!(
                repo.head(),
                Head {
                    branch: Some("main".into()),
                    commit: None
                }
            );
            assert_eq!(repo.dirty(None), None);
        }
    }
}
