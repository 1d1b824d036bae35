//! HEAD and refs: `HEAD`, loose refs (per-worktree ones in the git dir, the rest in the
//! common dir) and `packed-refs`, read as files.
//!
//! Why by hand: every journal write records the branch and commit, and reading these few
//! small files costs next to nothing (see the module docs of `git`); a symbolic ref is
//! followed a few levels at most and a ref name that could leave the git dir is refused, so a
//! hostile or broken HEAD gives "unknown", never a wrong answer or a loop.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use super::{read_small, Head, Repo};

/// How many symbolic refs deep [`Repo::head`] follows before giving up.
const MAX_SYMREF_DEPTH: usize = 5;

impl Repo {
    /// HEAD, and whether it was read with certainty: `false` when HEAD or a ref it points to
    /// is missing where it must exist, unparseable, or in a backend we do not read, so that
    /// a missing commit is not mistaken for an unborn branch.
    pub(super) fn read_head(&self) -> (Head, bool) {
        let Some(text) = read_head_file(&self.git_dir.join("HEAD")) else {
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
}

/// HEAD's text; a symlink into `refs/` (`core.preferSymlinkRefs`) reads as the symbolic ref
/// it is, as git reads it (a symlink elsewhere is read through, also as git does).
fn read_head_file(path: &Path) -> Option<String> {
    // The link first: it may point to a branch not born yet.
    if let Ok(target) = fs::read_link(path) {
        if let Some(t) = target.to_str().filter(|t| t.starts_with("refs/")) {
            return Some(format!("ref: {t}"));
        }
    }
    read_small(path)
}

/// Whether `path` is a HEAD git accepts (its `validate_headref`): a symlink into `refs/`, a
/// symbolic ref, or an object id.
pub(super) fn valid_head_file(path: &Path) -> bool {
    let Some(text) = read_head_file(path) else {
        return false;
    };
    let t = text.trim();
    match t.strip_prefix("ref:") {
        Some(target) => target.trim().starts_with("refs/"),
        None => parse_hex_oid(t).is_some(),
    }
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
}
