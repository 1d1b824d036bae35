//! HEAD and refs: `HEAD`, loose refs (per-worktree ones in the git dir, the rest in the
//! common dir) and `packed-refs`, read as files; or the reftable stacks (see `reftable`).
//!
//! Why by hand: every journal write records the branch and commit, and reading these few
//! small files costs next to nothing (see the module docs of `git`); a symbolic ref is
//! followed a few levels at most and a ref name that could leave the git dir is refused, so a
//! hostile or broken HEAD gives "unknown", never a wrong answer or a loop.
//!
//! Ref names are bytes, as git keeps them; a branch is recorded as text through
//! [`ref_name_text`], which is lossless for names that are not UTF-8.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::reftable::{self, Value};
use super::{Head, RefBackend, Repo};

/// How many symbolic refs deep [`Repo::head`] follows before giving up.
const MAX_SYMREF_DEPTH: usize = 5;

impl Repo {
    /// HEAD, and whether it was read with certainty: `false` when HEAD or a ref it points to
    /// is missing where it must exist, unparseable, or in a backend we do not read, so that
    /// a missing commit is not mistaken for an unborn branch.
    pub(super) fn read_head(&self) -> (Head, bool) {
        let head = match self.lookup(b"HEAD") {
            Ok(Value::Symbolic(target)) => target,
            Ok(Value::Oid(commit)) => {
                return (
                    Head {
                        branch: None,
                        commit: Some(commit),
                    },
                    true,
                )
            }
            Ok(Value::Missing) | Err(()) => return (Head::default(), false),
        };
        // git names the branch at the end of a chain of symbolic refs (HEAD → alias → main
        // is on `main`), as `symbolic-ref` and `status` print it.
        let mut name = head;
        for _ in 0..MAX_SYMREF_DEPTH {
            // `refs/heads/.invalid` (what the reftable backend leaves in the HEAD file) is
            // refused here with every other name git would refuse.
            if !valid_ref_name(&name) {
                return (Head::default(), false);
            }
            let value = self.lookup(&name);
            if let Ok(Value::Symbolic(target)) = value {
                name = target;
                continue;
            }
            let branch = Some(ref_name_text(
                name.strip_prefix(b"refs/heads/").unwrap_or(&name),
            ));
            return match value {
                Ok(Value::Oid(commit)) => (
                    Head {
                        branch,
                        commit: Some(commit),
                    },
                    true,
                ),
                Ok(_) => (
                    Head {
                        branch,
                        commit: None,
                    },
                    true,
                ),
                Err(()) => (
                    Head {
                        branch,
                        commit: None,
                    },
                    false,
                ),
            };
        }
        (Head::default(), false)
    }

    /// One ref's record in whichever backend the repository uses; `name` is `HEAD` or has
    /// passed [`valid_ref_name`].
    fn lookup(&self, name: &[u8]) -> Result<Value, ()> {
        let dir = if is_per_worktree_ref(name) {
            &self.git_dir
        } else {
            &self.common_dir
        };
        match self.refs {
            RefBackend::Files if name == b"HEAD" => {
                let text = read_head_file(&dir.join("HEAD")).ok_or(())?;
                parse_ref_text(&text)
            }
            RefBackend::Files => match read_ref_file(&dir.join(path_of(name)?))? {
                Some(text) => parse_ref_text(&text),
                None => find_packed_ref(&self.common_dir.join("packed-refs"), name),
            },
            RefBackend::Reftable => reftable::lookup(dir, name),
            RefBackend::Unknown => Err(()),
        }
    }
}

/// A branch or ref name as recorded text: the name itself when it is UTF-8 (nearly always);
/// otherwise each byte that is not part of a valid UTF-8 sequence is written `\xHH` (two
/// lower-case hex digits), as Python's `backslashreplace` does. git forbids `\` in ref
/// names, so the text is unambiguous and gives git's bytes back exactly.
pub(super) fn ref_name_text(name: &[u8]) -> String {
    let mut out = String::with_capacity(name.len());
    for chunk in name.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// A ref name as a path below a git dir.
fn path_of(name: &[u8]) -> Result<PathBuf, ()> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Ok(PathBuf::from(std::ffi::OsStr::from_bytes(name)))
    }
    #[cfg(not(unix))]
    {
        std::str::from_utf8(name).map(PathBuf::from).map_err(|_| ())
    }
}

/// A loose ref's or HEAD's text: `ref: <name>` or an object id.
fn parse_ref_text(text: &[u8]) -> Result<Value, ()> {
    let text = text.trim_ascii();
    match text.strip_prefix(b"ref:") {
        Some(target) => Ok(Value::Symbolic(target.trim_ascii().to_vec())),
        None => parse_hex_oid(text).map(Value::Oid).ok_or(()),
    }
}

/// HEAD's bytes; a symlink into `refs/` (`core.preferSymlinkRefs`) reads as the symbolic ref
/// it is, as git reads it (a symlink elsewhere is read through, also as git does).
fn read_head_file(path: &Path) -> Option<Vec<u8>> {
    // The link first: it may point to a branch not born yet.
    if let Ok(target) = fs::read_link(path) {
        #[cfg(unix)]
        let target = {
            use std::os::unix::ffi::OsStrExt;
            target.as_os_str().as_bytes().to_vec()
        };
        #[cfg(not(unix))]
        let target = target.to_str()?.as_bytes().to_vec();
        if target.starts_with(b"refs/") {
            let mut text = b"ref: ".to_vec();
            text.extend_from_slice(&target);
            return Some(text);
        }
    }
    let f = File::open(path).ok()?;
    let mut text = Vec::new();
    f.take(64 * 1024).read_to_end(&mut text).ok()?;
    Some(text)
}

/// Whether `path` is a HEAD git accepts (its `validate_headref`): a symlink into `refs/`, a
/// symbolic ref, or an object id.
pub(super) fn valid_head_file(path: &Path) -> bool {
    let Some(text) = read_head_file(path) else {
        return false;
    };
    match parse_ref_text(&text) {
        Ok(Value::Symbolic(target)) => target.starts_with(b"refs/"),
        Ok(_) => true,
        Err(()) => false,
    }
}

/// A lower-case hex object id of SHA-1 or SHA-256 length.
fn parse_hex_oid(s: &[u8]) -> Option<String> {
    let ok = matches!(s.len(), 40 | 64) && s.iter().all(u8::is_ascii_hexdigit);
    ok.then(|| String::from_utf8_lossy(s).to_ascii_lowercase())
}

/// Accepts `HEAD`-like pseudo refs and `refs/...` names without `..`, empty or hidden
/// components or a character git forbids, so a hostile HEAD cannot point outside the git dir.
fn valid_ref_name(name: &[u8]) -> bool {
    if name.is_empty() || name.len() > 1024 {
        return false;
    }
    if name
        .iter()
        .any(|&b| b < 0x20 || b == 0x7f || b"\\ ~^:?*[".contains(&b))
    {
        return false;
    }
    if name.starts_with(b"refs/") {
        name.split(|&b| b == b'/')
            .all(|c| !c.is_empty() && !c.starts_with(b"."))
    } else {
        name.iter().all(|&b| b.is_ascii_uppercase() || b == b'_')
    }
}

fn is_per_worktree_ref(name: &[u8]) -> bool {
    !name.starts_with(b"refs/")
        || name.starts_with(b"refs/bisect/")
        || name.starts_with(b"refs/worktree/")
        || name.starts_with(b"refs/rewritten/")
}

/// Reads a loose ref: `Ok(None)` when there is none (missing, or a folder of refs).
fn read_ref_file(path: &Path) -> Result<Option<Vec<u8>>, ()> {
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
    let mut s = Vec::new();
    match f.take(4096).read_to_end(&mut s) {
        Ok(_) => Ok(Some(s)),
        Err(e) if absent(&e) => Ok(None),
        Err(_) => Err(()),
    }
}

/// Looks `name` up in a `packed-refs` file, skipping comments and `^` peeled lines.
fn find_packed_ref(path: &Path, name: &[u8]) -> Result<Value, ()> {
    let data = match fs::read(path) {
        Ok(d) => d,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Value::Missing),
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
        if &line[sp + 1..] == name {
            return parse_hex_oid(&line[..sp]).map(Value::Oid).ok_or(());
        }
    }
    Ok(Value::Missing)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

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

    /// git's own answer for HEAD in `dir`, the branch put through [`ref_name_text`].
    fn gits_head(dir: &Path) -> Head {
        let sym = git_command(dir)
            .args(["symbolic-ref", "-q", "HEAD"])
            .output()
            .expect("git");
        let branch = sym.status.success().then(|| {
            let name = sym.stdout.trim_ascii_end();
            ref_name_text(name.strip_prefix(b"refs/heads/").unwrap_or(name))
        });
        let rev = git_command(dir)
            .args(["rev-parse", "-q", "--verify", "HEAD"])
            .output()
            .expect("git");
        let commit = rev
            .status
            .success()
            .then(|| String::from_utf8_lossy(rev.stdout.trim_ascii_end()).to_string());
        Head { branch, commit }
    }

    fn assert_head_is_gits(dir: &Path, what: &str) {
        let repo = discover(dir).expect("repo");
        let (head, certain) = repo.read_head();
        assert_eq!(head, gits_head(dir), "{what}");
        assert!(certain, "{what}");
    }

    /// A reftable repository with one commit, or `None` (and a note) where this git is older
    /// than 2.45 and has no reftable backend: CI's distribution git may be.
    fn reftable_repo(extra: &[&str]) -> Option<tempfile::TempDir> {
        let t = tempfile::tempdir().expect("tempdir");
        let ok = git_command(t.path())
            .args(["-c", "init.defaultBranch=main", "init", "-q"])
            .arg("--ref-format=reftable")
            .args(extra)
            .output()
            .expect("git")
            .status
            .success();
        if !ok {
            eprintln!("skipped: this git has no reftable backend (git 2.45 or later)");
            return None;
        }
        write(&t.path().join("a"), "a\n");
        git(t.path(), &["add", "a"]);
        git(t.path(), &["commit", "-q", "-m", "one"]);
        assert!(t.path().join(".git/reftable/tables.list").exists());
        Some(t)
    }

    #[test]
    fn reftable_head_follows_git_through_the_stack() {
        let Some(t) = reftable_repo(&[]) else { return };
        let d = t.path();
        assert_head_is_gits(d, "first commit");
        git(d, &["checkout", "-q", "-b", "feature/x"]);
        assert_head_is_gits(d, "new branch");
        write(&d.join("a"), "b\n");
        git(d, &["commit", "-qam", "two"]);
        assert_head_is_gits(d, "second commit");
        git(d, &["checkout", "-q", "--detach", "main"]);
        assert_head_is_gits(d, "detached");
        git(d, &["checkout", "-q", "main"]);
        let two = git(d, &["rev-parse", "feature/x"]);
        git(d, &["update-ref", "refs/heads/main", &two]);
        assert_head_is_gits(d, "update-ref");
        // `git stash` leaves a log-only table (a reflog entry for an unchanged HEAD) on top.
        // (Whether it stays on top depends on git's auto-compaction: stash until it does.)
        let mut log_only = false;
        for i in 0..6 {
            write(&d.join("a"), &format!("stashed {i}\n"));
            git(d, &["stash", "-q"]);
            assert_head_is_gits(d, "after stash");
            let list = fs::read_to_string(d.join(".git/reftable/tables.list")).expect("list");
            let newest = list.lines().last().expect("a table");
            let newest = fs::read(d.join(".git/reftable").join(newest)).expect("table");
            if newest.get(24) == Some(&b'g') {
                log_only = true;
                break;
            }
        }
        assert!(log_only, "no log-only table on top");
        // Enough refs for several 4 KiB ref blocks, HEAD's branch sorting after them.
        let mut stdin = String::new();
        for i in 0..400 {
            stdin.push_str(&format!("create refs/heads/aa/branch-{i:04} {two}\n"));
        }
        update_refs(d, &stdin);
        git(d, &["checkout", "-q", "-b", "zz-last"]);
        assert_head_is_gits(d, "many refs");
        git(d, &["checkout", "-q", "aa/branch-0123"]);
        assert_head_is_gits(d, "a branch in a middle block");
        // Compaction into one table.
        git(d, &["pack-refs", "--all"]);
        let tables = fs::read_to_string(d.join(".git/reftable/tables.list")).expect("list");
        assert_eq!(tables.lines().count(), 1, "{tables}");
        let size = fs::metadata(d.join(".git/reftable").join(tables.trim()))
            .expect("table")
            .len();
        assert!(size > 3 * 4096, "several blocks: {size} bytes");
        assert_head_is_gits(d, "compacted");
        git(d, &["checkout", "-q", "zz-last"]);
        // A deletion record in a newer table hides the branch in an older one: unborn.
        git(d, &["update-ref", "-d", "refs/heads/zz-last"]);
        assert_head_is_gits(d, "deleted under HEAD");
        assert_eq!(discover(d).expect("repo").head().commit, None);
        // A symbolic ref through a symbolic ref.
        git(d, &["symbolic-ref", "refs/heads/alias", "refs/heads/main"]);
        git(d, &["symbolic-ref", "HEAD", "refs/heads/alias"]);
        assert_head_is_gits(d, "symref chain");
        git(d, &["checkout", "-q", "--orphan", "unborn"]);
        assert_head_is_gits(d, "orphan");
        // The dirty check reads HEAD's commit through this backend too.
        git(d, &["checkout", "-q", "-f", "main"]);
        let repo = discover(d).expect("repo");
        assert_eq!(repo.dirty(None), Some(false));
        write(&d.join("a"), "changed\n");
        assert_eq!(repo.dirty(None), Some(true));
    }

    #[test]
    fn reftable_small_blocks_with_an_index_and_object_blocks() {
        let Some(t) = reftable_repo(&[]) else { return };
        let d = t.path();
        // Many 300-byte blocks, a restart point at every record, a ref index and obj blocks
        // after the refs: every section the scan must stop at.
        git(d, &["config", "reftable.blockSize", "300"]);
        git(d, &["config", "reftable.restartInterval", "1"]);
        git(d, &["config", "reftable.indexObjects", "true"]);
        let one = git(d, &["rev-parse", "HEAD"]);
        let mut stdin = String::new();
        for i in 0..300 {
            stdin.push_str(&format!("create refs/heads/b/{i} {one}\n"));
        }
        update_refs(d, &stdin);
        git(d, &["pack-refs", "--all"]);
        let list = fs::read_to_string(d.join(".git/reftable/tables.list")).expect("list");
        let table = fs::read(d.join(".git/reftable").join(list.trim())).expect("table");
        assert_eq!(&table[5..8], &[0, 1, 0x2c], "block size 300");
        let footer = &table[table.len() - 68..];
        assert_ne!(&footer[24..32], &[0; 8], "a ref index");
        for branch in ["b/0", "b/150", "b/299", "b/99", "main"] {
            git(d, &["checkout", "-q", branch]);
            git(d, &["pack-refs", "--all"]);
            assert_head_is_gits(d, branch);
        }
        git(d, &["update-ref", "-d", "refs/heads/b/99"]);
        git(d, &["symbolic-ref", "HEAD", "refs/heads/b/99"]);
        assert_head_is_gits(d, "deleted, unborn");
    }

    #[test]
    fn reftable_sha256_and_linked_worktrees() {
        let Some(t) = reftable_repo(&["--object-format=sha256"]) else {
            return;
        };
        let d = t.path();
        assert_head_is_gits(d, "sha256");
        assert_eq!(
            discover(d).expect("repo").head().commit.map(|c| c.len()),
            Some(64)
        );
        let wt = tempfile::tempdir().expect("tempdir");
        let wt_path = wt.path().join("wt");
        git(
            d,
            &[
                "worktree",
                "add",
                "-q",
                "-b",
                "side",
                wt_path.to_str().expect("utf8"),
            ],
        );
        // The worktree's HEAD lives in its own stack, its branch in the shared one.
        assert!(d.join(".git/worktrees/wt/reftable/tables.list").exists());
        assert_head_is_gits(&wt_path, "linked worktree");
        git(&wt_path, &["checkout", "-q", "--detach"]);
        assert_head_is_gits(&wt_path, "linked worktree, detached");
        assert_head_is_gits(d, "main worktree unchanged");
    }

    #[test]
    fn reftable_damage_is_unknown() {
        let Some(t) = reftable_repo(&[]) else { return };
        let d = t.path();
        let list = d.join(".git/reftable/tables.list");
        let table = d
            .join(".git/reftable")
            .join(fs::read_to_string(&list).expect("list").trim());
        let good = fs::read(&table).expect("table");
        let mut bad = good.clone();
        let n = bad.len();
        bad[n - 20] ^= 1; // Inside the footer: the CRC catches it.
        fs::write(&table, &bad).expect("write");
        assert_eq!(
            discover(d).expect("repo").read_head(),
            (Head::default(), false)
        );
        fs::write(&table, &good[..good.len() / 2]).expect("write");
        assert_eq!(discover(d).expect("repo").head(), Head::default());
        fs::remove_file(&table).expect("rm");
        assert_eq!(discover(d).expect("repo").head(), Head::default());
        write(&list, "../../escape\n");
        assert_eq!(discover(d).expect("repo").head(), Head::default());
        // A backend we do not know, and one git refuses in a version-0 repository.
        fs::write(&table, &good).expect("write");
        write(
            &list,
            table.file_name().and_then(|f| f.to_str()).expect("name"),
        );
        assert_head_is_gits(d, "restored");
        // (git refuses to write these with `git config`.)
        let config = d.join(".git/config");
        let text = fs::read_to_string(&config).expect("config");
        assert!(text.contains("refstorage = reftable"), "{text}");
        fs::write(
            &config,
            text.replace("refstorage = reftable", "refstorage = other"),
        )
        .expect("config");
        assert_eq!(discover(d).expect("repo").head(), Head::default());
        let v0 = text.replace("repositoryformatversion = 1", "repositoryformatversion = 0");
        assert_ne!(v0, text);
        fs::write(&config, v0).expect("config");
        assert_eq!(discover(d).expect("repo").head(), Head::default());
    }

    #[test]
    fn branch_name_that_is_not_utf8_is_escaped_losslessly() {
        use std::os::unix::ffi::OsStrExt;
        let files = repo_with_files(1);
        let reftable = reftable_repo(&[]);
        let mut dirs = vec![files.path()];
        dirs.extend(reftable.as_ref().map(|t| t.path()));
        for d in dirs {
            let out = git_command(d)
                .args(["checkout", "-q", "-b"])
                .arg(std::ffi::OsStr::from_bytes(b"caf\xe9/\xff-ok\xc3\xa9"))
                .output()
                .expect("git");
            assert!(out.status.success());
            let head = discover(d).expect("repo").head();
            assert_eq!(head.branch.as_deref(), Some("caf\\xe9/\\xff-ok\u{e9}"));
            assert_eq!(head, gits_head(d));
        }
        assert_eq!(ref_name_text(b"plain/caf\xc3\xa9"), "plain/caf\u{e9}");
        assert_eq!(ref_name_text(b"\xc3"), "\\xc3", "a cut sequence");
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
        // A symbolic ref loop ends, in "unknown" (git names the branch at the chain's end,
        // and this chain has none).
        write(&t.path().join(".git/HEAD"), "ref: refs/heads/a");
        write(&t.path().join(".git/refs/heads/a"), "ref: refs/heads/b");
        write(&t.path().join(".git/refs/heads/b"), "ref: refs/heads/a");
        assert_eq!(repo.read_head(), (Head::default(), false));
    }
}
