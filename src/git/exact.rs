//! The exact git context, from git itself, for the commands that are not instant anyway
//! (`run`, the post-commit hook).
//!
//! Why spawn git here and not on the write path: one `git status` costs a few milliseconds
//! (2.3× the floor's whole write for a bare `git rev-parse`), far past a write's budget, but
//! `run` waits for a command and the hook for a commit, so a few milliseconds are invisible
//! there. Asking git means every repository shape git supports (reftable, SHA-256, split
//! index, alternates, submodules, attributes, includes, sparse checkouts, …) is answered as
//! git answers it, with no parser of ours in between.
//!
//! One process answers all three facts: `git status --porcelain=v2 --branch
//! --untracked-files=no` prints `# branch.oid` and `# branch.head` headers, then one record
//! per change (staged or not, submodules included, untracked files left out: the meaning of
//! `git describe --dirty`). `--no-optional-locks` keeps it from refreshing the index, so it
//! never takes `index.lock` under a command (`casefile run -- git commit …`) or a hook.

use std::path::Path;
use std::process::{Command, Stdio};

use super::refs::ref_name_text;

/// What git said about the repository around a directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// The branch without `refs/heads/` (a symbolic HEAD pointing elsewhere keeps its full
    /// name); `None` when detached. A name that is not UTF-8 is escaped losslessly, as the
    /// instant reader does (see `ref_name_text`).
    pub branch: Option<String>,
    /// HEAD's full commit id; `None` on an unborn branch.
    pub commit: Option<String>,
    /// Staged or unstaged changes to tracked files (untracked files do not count); `None`
    /// only where git has no work tree to look at (a bare repository, `core.worktree`
    /// elsewhere).
    pub dirty: Option<bool>,
}

/// What git answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Repository(Facts),
    /// git says `dir` is in no repository (or refuses it, as for dubious ownership).
    NotARepository,
    /// git could not be run, or answered something unexpected: the caller falls back to the
    /// instant reader, which is right or absent.
    NoAnswer,
}

/// Git's answer for `dir`.
pub fn ask_git(dir: &Path) -> Answer {
    match ask(dir) {
        Ok(Some(facts)) => Answer::Repository(facts),
        Ok(None) => Answer::NotARepository,
        Err(()) => Answer::NoAnswer,
    }
}

fn ask(dir: &Path) -> Result<Option<Facts>, ()> {
    let out = git(dir)
        .args([
            "--no-optional-locks",
            "status",
            "--porcelain=v2",
            "--branch",
            "--no-ahead-behind",
            "--untracked-files=no",
            "-z",
        ])
        .output()
        .map_err(|_| ())?;
    if out.status.success() {
        return parse_status(&out.stdout, dir).map(Some);
    }
    // No work tree (a bare repository, or `core.worktree` elsewhere) or no repository:
    // HEAD alone, from the plumbing.
    let symref = git(dir)
        .args(["symbolic-ref", "-q", "HEAD"])
        .output()
        .map_err(|_| ())?;
    let branch = match symref.status.code() {
        Some(0) => Some(branch_name(&symref.stdout)),
        Some(1) => None,
        // 128: not a repository (or git refuses it, as for dubious ownership).
        _ => return Ok(None),
    };
    let commit = git(dir)
        .args(["rev-parse", "-q", "--verify", "HEAD^{commit}"])
        .output()
        .map_err(|_| ())?;
    let commit = match commit.status.code() {
        Some(0) => Some(oid(trim(&commit.stdout)).ok_or(())?),
        Some(1) => None,
        _ => return Err(()),
    };
    Ok(Some(Facts {
        branch,
        commit,
        dirty: None,
    }))
}

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.current_dir(dir)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        // Paths and branch names as bytes, never translated.
        .env("LC_ALL", "C");
    c
}

/// Parses `status --porcelain=v2 --branch -z`.
fn parse_status(out: &[u8], dir: &Path) -> Result<Facts, ()> {
    let mut facts = Facts {
        dirty: Some(false),
        ..Facts::default()
    };
    let mut detached = false;
    let mut seen_oid = false;
    for record in out.split(|&b| b == 0).filter(|r| !r.is_empty()) {
        if let Some(v) = record.strip_prefix(b"# branch.oid ") {
            seen_oid = true;
            facts.commit = match v {
                b"(initial)" => None,
                v => Some(oid(v).ok_or(())?),
            };
        } else if let Some(v) = record.strip_prefix(b"# branch.head ") {
            if v == b"(detached)" {
                detached = true;
            } else {
                facts.branch = Some(ref_name_text(v));
            }
        } else if record.starts_with(b"#") {
            // Other headers (upstream, stash): not ours.
        } else {
            // A change record (`1`, `2`, `u`), or the second path of a rename.
            facts.dirty = Some(true);
        }
    }
    if !seen_oid {
        return Err(());
    }
    if detached {
        // "(detached)" is also a legal branch name: ask which it is.
        let symref = git(dir)
            .args(["symbolic-ref", "-q", "HEAD"])
            .output()
            .map_err(|_| ())?;
        if symref.status.success() {
            facts.branch = Some(branch_name(&symref.stdout));
        }
    }
    Ok(facts)
}

/// `refs/heads/x` → `x`; other symbolic targets keep their full name.
fn branch_name(stdout: &[u8]) -> String {
    let name = trim(stdout);
    ref_name_text(name.strip_prefix(b"refs/heads/").unwrap_or(name))
}

fn trim(b: &[u8]) -> &[u8] {
    let b = b.strip_suffix(b"\n").unwrap_or(b);
    b.strip_suffix(b"\r").unwrap_or(b)
}

/// A full hex object id (SHA-1 or SHA-256).
fn oid(v: &[u8]) -> Option<String> {
    let ok = matches!(v.len(), 40 | 64) && v.iter().all(u8::is_ascii_hexdigit);
    let s = std::str::from_utf8(v).ok()?;
    ok.then(|| s.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_headers_and_records() {
        let dir = Path::new(".");
        let c = "a".repeat(40);
        let out = format!("# branch.oid {c}\0# branch.head main\0# branch.upstream o/main\0");
        let f = parse_status(out.as_bytes(), dir).expect("parse");
        assert_eq!(f.branch.as_deref(), Some("main"));
        assert_eq!(f.commit.as_deref(), Some(c.as_str()));
        assert_eq!(f.dirty, Some(false));
        let out = "# branch.oid (initial)\0# branch.head dev\x001 .M N... x\0";
        let f = parse_status(out.as_bytes(), dir).expect("parse");
        assert_eq!((f.commit, f.dirty), (None, Some(true)));
        let out = b"# branch.oid 0123\0# branch.head x\0";
        assert_eq!(parse_status(out, dir), Err(()));
        assert_eq!(parse_status(b"", dir), Err(()));
        let out = format!("# branch.oid {c}\0# branch.head caf\u{e9}\0");
        let mut bytes = out.into_bytes();
        let n = bytes.len();
        bytes[n - 3] = 0xe9; // Latin-1, not UTF-8.
        bytes.remove(n - 2);
        let f = parse_status(&bytes, dir).expect("parse");
        assert_eq!(
            f.branch.as_deref(),
            Some("caf\\xe9"),
            "a name that is not UTF-8 is escaped, not lossy"
        );
        assert_eq!(f.commit.as_deref(), Some(c.as_str()));
    }
}
