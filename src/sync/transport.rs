//! Running the user's `git`: the transport (fetch, push) and the local object work.
//!
//! Why the `git` binary and not a library: as jj found (issues 4937, 5531, and its
//! `git.subprocess` default since 0.27), only git itself honours everything a user has set up
//! to reach a remote: `~/.ssh/config`, `GIT_SSH_COMMAND`, credential helpers, proxies,
//! `insteadOf` rewrites. Local object work goes through long-lived batch processes
//! (`fast-import` to write, `cat-file --batch` to read, one `log` to list what changed),
//! never one process per object.
//!
//! Every git process runs against casefile's own bare repository (`--git-dir`), with the
//! variables a git hook would leak (`GIT_DIR`, `GIT_WORK_TREE`, …) removed, and on Linux dies
//! with casefile (a parent-death signal), so a killed sync leaves no git writing behind it.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context as _, Result};

use crate::error::invalid;

/// The namespace of cases on a remote (and of the local builds): one ref per case.
pub const CASES: &str = "refs/casefile/cases/";

/// Variables that point git at another repository; a sync started from a git hook inherits them.
const REPO_VARIABLES: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_PREFIX",
    "GIT_QUARANTINE_PATH",
];

/// casefile's bare repository inside the data home.
#[derive(Clone)]
pub struct Git {
    dir: PathBuf,
    /// Refs are loose files and `packed-refs` (what casefile creates), so they are read and
    /// written here without a process; otherwise (a reftable repository) git does it.
    files: bool,
}

/// A file a commit added or changed: its path and blob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeChange {
    pub path: String,
    pub oid: String,
}

/// What the remote said about each ref a push offered.
#[derive(Debug, Default)]
pub struct PushOutcome {
    /// Refs the remote took (or already had).
    pub accepted: Vec<String>,
    /// Refs refused because the remote moved (fetch, merge and push again).
    pub moved: Vec<String>,
}

impl Git {
    /// Open casefile's repository at `dir`, creating it (bare, private) if it is missing.
    pub fn open_or_init(dir: &Path) -> Result<Git> {
        let mut git = Git {
            dir: dir.to_path_buf(),
            files: true,
        };
        if !dir.join("HEAD").is_file() {
            crate::home::make_private();
            let out = git
                .plain()
                // Refs as files whatever the user's default (git ignores the setting before
                // 2.45, where files are the only backend).
                .args(["-c", "init.defaultRefFormat=files"])
                .args(["init", "--bare", "--quiet"])
                .arg(dir)
                .stdin(Stdio::null())
                .output()
                .map_err(spawn_error)?;
            if !out.status.success() {
                return Err(invalid(format!(
                    "cannot create {}: {}",
                    dir.display(),
                    git_error_line(&out.stderr)
                )));
            }
        }
        git.files = crate::git::keeps_refs_in_files(dir);
        Ok(git)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `git` with a clean environment, not yet pointed at a repository.
    fn plain(&self) -> Command {
        let mut cmd = Command::new("git");
        for name in REPO_VARIABLES {
            cmd.env_remove(name);
        }
        die_with_parent(&mut cmd);
        cmd
    }

    /// `git --git-dir=<casefile's repository>`.
    fn cmd(&self) -> Command {
        let mut cmd = self.plain();
        cmd.arg("--git-dir").arg(&self.dir);
        cmd
    }

    /// Remove lock files a killed git left behind. Only called while casefile's own sync lock
    /// is held, so no other git is working in this repository.
    pub fn clear_stale_locks(&self) {
        fn walk(dir: &Path) {
            let Ok(items) = fs::read_dir(dir) else { return };
            for item in items.flatten() {
                let path = item.path();
                // The type comes with the directory listing: no stat per ref.
                if item.file_type().is_ok_and(|t| t.is_dir()) {
                    walk(&path);
                } else if path.extension().is_some_and(|e| e == "lock") {
                    fs::remove_file(&path).ok();
                }
            }
        }
        walk(&self.dir.join("refs"));
        fs::remove_file(self.dir.join("packed-refs.lock")).ok();
    }

    /// Fetch every case ref of `url` into the scratch namespace `scratch` (a prefix ending in
    /// `/`). The scratch refs are casefile's record of the remote, so they follow it (`+`);
    /// nothing is ever pushed from them.
    pub fn fetch(&self, url: &str, scratch: &str) -> Result<()> {
        let out = self
            .cmd()
            .args([
                "fetch",
                "--quiet",
                // A case ref deleted on the remote goes from the record too, so that the case
                // is pushed again whole (see `Round::plan_existing`).
                "--prune",
                "--no-tags",
                "--no-write-fetch-head",
                "--no-auto-maintenance",
                "--",
                url,
            ])
            .arg(format!("+{CASES}*:{scratch}*"))
            .stdin(Stdio::null())
            .output()
            .map_err(spawn_error)?;
        if !out.status.success() {
            return Err(invalid(format!(
                "cannot fetch from {url}: {}",
                git_error_line(&out.stderr)
            )));
        }
        Ok(())
    }

    /// Record that the remote's case refs are at these commits (`(name, oid)` under `prefix`),
    /// as a fetch would: after a push the remote took, so that the next fetch finds nothing
    /// new instead of updating the scratch refs (and checking the objects it already has).
    /// The scratch refs are only a record of the remote, which every fetch overwrites: a ref
    /// that cannot be written now is left for the next fetch.
    pub fn set_refs(&self, prefix: &str, refs: &[(String, String)]) {
        if refs.is_empty() {
            return;
        }
        if !self.files {
            let script: String = refs
                .iter()
                .map(|(name, oid)| format!("update {prefix}{name} {oid}\n"))
                .collect();
            let child = self
                .cmd()
                .args(["update-ref", "--stdin"])
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn();
            if let Ok(mut child) = child {
                if let Some(mut stdin) = child.stdin.take() {
                    let _ = stdin.write_all(script.as_bytes());
                }
                let _ = child.wait();
            }
            return;
        }
        for (name, oid) in refs {
            let path = self.dir.join(prefix).join(name);
            // As git writes a loose ref: into `<ref>.lock`, created only if no one holds it,
            // then renamed over the ref.
            let mut lock = path.clone().into_os_string();
            lock.push(".lock");
            let lock = PathBuf::from(lock);
            let written = path
                .parent()
                .map_or(Ok(()), fs::create_dir_all)
                .and_then(|()| {
                    fs::OpenOptions::new()
                        .write(true)
                        .create_new(true)
                        .open(&lock)
                })
                .and_then(|mut file| {
                    let result = file.write_all(format!("{oid}\n").as_bytes());
                    drop(file);
                    result.and_then(|()| fs::rename(&lock, &path))
                });
            if written.is_err() {
                fs::remove_file(&lock).ok();
            }
        }
    }

    /// The refs under `prefix`, by the rest of their name: loose refs over `packed-refs`,
    /// read from the files (no process).
    pub fn refs(&self, prefix: &str) -> Result<BTreeMap<String, String>> {
        if !self.files {
            return self.refs_from_git(prefix);
        }
        let mut out = BTreeMap::new();
        if let Ok(text) = fs::read_to_string(self.dir.join("packed-refs")) {
            for line in text.lines() {
                if line.starts_with('#') || line.starts_with('^') {
                    continue;
                }
                if let Some((oid, name)) = line.split_once(' ') {
                    if let Some(rest) = name.strip_prefix(prefix) {
                        out.insert(rest.to_string(), oid.to_string());
                    }
                }
            }
        }
        let dir = self.dir.join(prefix);
        if let Ok(items) = fs::read_dir(&dir) {
            for item in items.flatten() {
                let Some(name) = item.file_name().to_str().map(str::to_string) else {
                    continue;
                };
                if name.ends_with(".lock") {
                    continue;
                }
                let Ok(text) = fs::read_to_string(item.path()) else {
                    continue;
                };
                let oid = text.trim();
                if oid.len() >= 40 && oid.bytes().all(|b| b.is_ascii_hexdigit()) {
                    out.insert(name, oid.to_string());
                }
            }
        }
        Ok(out)
    }

    /// [`Git::refs`] asked of git (`for-each-ref`), for a repository whose refs are not files.
    fn refs_from_git(&self, prefix: &str) -> Result<BTreeMap<String, String>> {
        let out = self
            .cmd()
            .args(["for-each-ref", "--format=%(objectname) %(refname)", prefix])
            .stdin(Stdio::null())
            .output()
            .map_err(spawn_error)?;
        if !out.status.success() {
            return Err(invalid(format!(
                "cannot read the refs of {}: {}",
                self.dir.display(),
                git_error_line(&out.stderr)
            )));
        }
        Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|line| {
                let (oid, name) = line.split_once(' ')?;
                Some((name.strip_prefix(prefix)?.to_string(), oid.to_string()))
            })
            .collect())
    }

    /// Every file the commits of `to` that `from` lacks added or changed against their
    /// parents (all of `to`'s history when `from` is `None`), oldest commit first and, for a
    /// path written more than once, only its newest version: one `git log`.
    ///
    /// This reads both layouts a case ref has had. A commit that carries only its own files
    /// (what this casefile writes) lists them; a commit that carried the whole case (the
    /// earlier layout) lists what changed since its parents. Either way the union of the
    /// lists over the new commits, with what `from` already brought, is the whole case.
    /// Deletions are not listed: a case only grows.
    pub fn new_files(&self, from: Option<&str>, to: &str) -> Result<Vec<TreeChange>> {
        let mut cmd = self.cmd();
        // The output is parsed: a user's settings must not change it (a root commit's files
        // left out, a merge shown combined, signatures or colour in the stream).
        for setting in [
            "log.showRoot=true",
            "log.diffMerges=separate",
            "log.showSignature=false",
            "color.ui=never",
        ] {
            cmd.args(["-c", setting]);
        }
        cmd.args([
            "log",
            "--format=",
            "-m",
            "--raw",
            "-z",
            "--no-renames",
            "--no-abbrev",
            "--topo-order",
            "--reverse",
            to,
        ]);
        if let Some(from) = from {
            cmd.arg(format!("^{from}"));
        }
        let out = cmd
            .arg("--")
            .stdin(Stdio::null())
            .output()
            .map_err(spawn_error)?;
        if !out.status.success() {
            return Err(invalid(format!(
                "cannot read the fetched commit {to}: {}",
                git_error_line(&out.stderr)
            )));
        }
        // Newest version of each path, in the order the paths first appeared.
        let mut order: Vec<String> = Vec::new();
        let mut newest: BTreeMap<String, String> = BTreeMap::new();
        let mut fields = out.stdout.split(|&b| b == 0);
        while let Some(field) = fields.next() {
            // A commit's (empty) header leaves newlines before its first line.
            let meta = String::from_utf8_lossy(field);
            let meta = meta.trim_start_matches('\n');
            let Some(meta) = meta.strip_prefix(':') else {
                continue;
            };
            let Some(path) = fields.next() else { break };
            // "100644 100644 <old> <new> M"
            let parts: Vec<&str> = meta.split(' ').collect();
            if parts.len() < 5 || parts[4].starts_with('D') {
                continue;
            }
            let path = String::from_utf8_lossy(path).into_owned();
            if newest.insert(path.clone(), parts[3].to_string()).is_none() {
                order.push(path);
            }
        }
        Ok(order
            .into_iter()
            .map(|path| TreeChange {
                oid: newest[&path].clone(),
                path,
            })
            .collect())
    }

    /// Whether commit `a` is `b` or one of its ancestors. A commit this repository does not
    /// hold is not.
    pub fn is_ancestor(&self, a: &str, b: &str) -> Result<bool> {
        let status = self
            .cmd()
            .args(["merge-base", "--is-ancestor", a, b])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(spawn_error)?;
        Ok(status.success())
    }

    /// The contents of many objects (`<oid>` or `<commit>:<path>`), in order, through one
    /// `cat-file --batch`; `None` for one that does not exist. A damaged object is an error.
    pub fn read_many(&self, specs: &[String]) -> Result<Vec<Option<Vec<u8>>>> {
        if specs.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = self
            .cmd()
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(spawn_error)?;
        let mut stdin = child.stdin.take().context("git cat-file has no stdin")?;
        let input: Vec<u8> = specs
            .iter()
            .flat_map(|s| format!("{s}\n").into_bytes())
            .collect();
        // Written from a thread: git answers while we are still asking, and both pipes are finite.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let stdout = child.stdout.take().context("git cat-file has no stdout")?;
        let mut reader = BufReader::new(stdout);
        let mut out = Vec::with_capacity(specs.len());
        let mut failed = None;
        for spec in specs {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 {
                failed = Some(spec.clone());
                break;
            }
            let header = header.trim_end();
            if header.ends_with(" missing") || header.ends_with(" ambiguous") {
                out.push(None);
                continue;
            }
            let size: usize = header
                .rsplit(' ')
                .next()
                .and_then(|s| s.parse().ok())
                .with_context(|| format!("git cat-file answered {header:?}"))?;
            let mut data = vec![0; size + 1];
            if reader.read_exact(&mut data).is_err() {
                failed = Some(spec.clone());
                break;
            }
            data.pop();
            out.push(Some(data));
        }
        drop(reader);
        let _ = writer.join();
        let result = child.wait_with_output()?;
        if let Some(spec) = failed {
            return Err(invalid(format!(
                "cannot read {spec} from the fetched data (damaged?): {}",
                git_error_line(&result.stderr)
            )));
        }
        Ok(out)
    }

    /// Run one `git fast-import` script and return the object ids of its marks.
    ///
    /// fast-import updates the local build refs (`refs/casefile/cases/*`) when it ends.
    /// `--force` lets a local build ref move to a rebuilt commit after a push was refused;
    /// it concerns this repository only: pushes to a remote are never forced.
    pub fn fast_import(&self, script: &[u8]) -> Result<BTreeMap<u64, String>> {
        let marks = self
            .dir
            .join(format!("casefile-marks.{}", std::process::id()));
        let mut child = self
            .cmd()
            .args(["fast-import", "--quiet", "--force", "--done"])
            .envs(heap_kept())
            .arg(format!("--export-marks={}", marks.display()))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(spawn_error)?;
        let mut stdin = child.stdin.take().context("git fast-import has no stdin")?;
        let written = stdin
            .write_all(script)
            .and_then(|()| stdin.write_all(b"done\n"));
        drop(stdin);
        let result = child.wait_with_output()?;
        if written.is_err() || !result.status.success() {
            fs::remove_file(&marks).ok();
            return Err(invalid(format!(
                "cannot write the sync commits into {}: {}",
                self.dir.display(),
                git_error_line(&result.stderr)
            )));
        }
        let text = fs::read_to_string(&marks).unwrap_or_default();
        fs::remove_file(&marks).ok();
        let mut out = BTreeMap::new();
        for line in text.lines() {
            if let Some((mark, oid)) = line.split_once(' ') {
                if let Ok(n) = mark.trim_start_matches(':').parse() {
                    out.insert(n, oid.to_string());
                }
            }
        }
        Ok(out)
    }

    /// Push commits to case refs of `url`: `(oid, uuid)` pairs. Never forced: a ref the remote
    /// moved comes back in [`PushOutcome::moved`]; any other refusal is an error.
    pub fn push(&self, url: &str, updates: &[(String, String)]) -> Result<PushOutcome> {
        match self.start_push(url, updates)? {
            Some(push) => push.finish(),
            None => Ok(PushOutcome::default()),
        }
    }

    /// Start [`Git::push`] and return while git works (`None` when there is nothing to push),
    /// so that something else can run meanwhile.
    pub fn start_push(&self, url: &str, updates: &[(String, String)]) -> Result<Option<Pushing>> {
        if updates.is_empty() {
            return Ok(None);
        }
        let mut cmd = self.cmd();
        cmd.envs(heap_kept());
        cmd.args(["push", "--porcelain", "--no-verify", "--", url]);
        for (oid, uuid) in updates {
            // No leading `+`: the remote takes it only as a fast-forward.
            cmd.arg(format!("{oid}:{CASES}{uuid}"));
        }
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(spawn_error)?;
        Ok(Some(Pushing {
            child,
            url: url.to_string(),
        }))
    }
}

/// A `git push` under way ([`Git::start_push`]).
pub struct Pushing {
    child: std::process::Child,
    url: String,
}

impl Pushing {
    /// Wait for the push and read what the remote said about each ref.
    pub fn finish(self) -> Result<PushOutcome> {
        let url = self.url;
        let out = self.child.wait_with_output()?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut outcome = PushOutcome::default();
        let mut other = None;
        for line in stdout.lines() {
            let mut parts = line.splitn(3, '\t');
            let (Some(flag), Some(refs), Some(summary)) =
                (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let Some(uuid) = refs
                .split_once(':')
                .and_then(|(_, dst)| dst.strip_prefix(CASES))
            else {
                continue;
            };
            match flag {
                // Not a fast-forward, or another push updating the ref at the same moment
                // (the remote could not take its lock): the remote moved.
                "!" if summary.starts_with("[rejected]")
                    || summary.contains("failed to update ref")
                    || summary.contains("failed to lock") =>
                {
                    outcome.moved.push(uuid.to_string())
                }
                "!" => {
                    other.get_or_insert_with(|| {
                        format!("the remote refused case {uuid}: {summary}")
                    });
                }
                _ => outcome.accepted.push(uuid.to_string()),
            }
        }
        if let Some(message) = other {
            return Err(invalid(format!("cannot push to {url}: {message}")));
        }
        if !out.status.success() && outcome.moved.is_empty() {
            return Err(invalid(format!(
                "cannot push to {url}: {}",
                git_error_line(&out.stderr)
            )));
        }
        Ok(outcome)
    }
}

/// glibc settings for a git that writes or packs many objects (`fast-import`, and the
/// `pack-objects` of a push): keep freed memory instead of giving it back at once.
///
/// git sets up a zlib stream for each object (a few hundred KB); with glibc's defaults each
/// one is mapped and unmapped again or grows and trims the heap, and every unmap or trim
/// flushes the TLB. Measured on the first push of a 10,000-entry case (20,000 objects),
/// alternating with and without: 2.1–2.5 s → 1.1–1.3 s (wall and CPU alike). A user's own
/// `GLIBC_TUNABLES` is left as it is; other C libraries ignore the variable.
fn heap_kept() -> Vec<(&'static str, &'static str)> {
    if std::env::var_os("GLIBC_TUNABLES").is_some() {
        return Vec::new();
    }
    vec![(
        "GLIBC_TUNABLES",
        "glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=33554432",
    )]
}

/// The line of git's stderr that says what went wrong: its first `fatal:` or `error:` line
/// (git follows an unreachable remote's cause with advice over several lines, "Please make
/// sure you have the correct access rights / and the repository exists."), else its last
/// non-empty line.
fn git_error_line(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    lines
        .clone()
        .find(|l| l.starts_with("fatal:") || l.starts_with("error:"))
        .or_else(|| lines.next_back())
        .unwrap_or("git failed without a message")
        .to_string()
}

fn spawn_error(err: std::io::Error) -> anyhow::Error {
    if err.kind() == std::io::ErrorKind::NotFound {
        invalid("sync needs git, and `git` is not on PATH; install git")
    } else {
        invalid(format!("cannot run git: {err}"))
    }
}

/// On Linux, have the kernel send git SIGTERM when casefile dies (even by SIGKILL), so a
/// killed sync does not leave a fetch or push running on its own; git removes its lock files
/// on SIGTERM.
fn die_with_parent(cmd: &mut Command) {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: prctl is async-signal-safe and touches only the child being started.
        unsafe {
            cmd.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                Ok(())
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = cmd;
}

#[cfg(test)]
mod tests {
    use super::super::objects::tests::git as git_in;
    use super::*;

    #[test]
    fn the_error_line_is_gits_cause() {
        assert_eq!(
            git_error_line(b"hint: x\nfatal: '/nope' does not appear to be a git repository\n\n"),
            "fatal: '/nope' does not appear to be a git repository"
        );
        assert_eq!(git_error_line(b""), "git failed without a message");
        // The cause, not the advice git prints after it.
        assert_eq!(
            git_error_line(
                b"fatal: '/nope/remote.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n"
            ),
            "fatal: '/nope/remote.git' does not appear to be a git repository"
        );
        assert_eq!(
            git_error_line(b"hint: one\nsomething broke\n"),
            "something broke"
        );
    }

    /// A commit with one file, written through fast-import on top of `parent`.
    fn commit(git: &Git, uuid: &str, parent: Option<&str>, text: &str) -> String {
        let mut script = format!(
            "reset {CASES}{uuid}\ncommit {CASES}{uuid}\nmark :1\ncommitter t <> 1 +0000\ndata 1\nx\n"
        );
        if let Some(p) = parent {
            script.push_str(&format!("from {p}\n"));
        }
        script.push_str(&format!(
            "M 100644 inline f\ndata {}\n{text}\n\n",
            text.len()
        ));
        git.fast_import(script.as_bytes()).unwrap()[&1].clone()
    }

    #[test]
    fn a_push_that_is_not_a_fast_forward_comes_back_as_moved_and_the_remote_keeps_its_commit() {
        let dir = tempfile::tempdir().unwrap();
        let remote = dir.path().join("remote.git");
        Git::open_or_init(&remote).unwrap();
        let url = remote.display().to_string();
        let git = Git::open_or_init(&dir.path().join("local.git")).unwrap();
        let base = commit(&git, "c", None, "base");
        let out = git.push(&url, &[(base.clone(), "c".into())]).unwrap();
        assert_eq!(out.accepted, ["c"]);
        let theirs = commit(&git, "c", Some(&base), "theirs");
        git.push(&url, &[(theirs.clone(), "c".into())]).unwrap();
        // A commit made without `theirs`: refused, never forced.
        let stale = commit(&git, "c", Some(&base), "stale");
        let out = git.push(&url, &[(stale, "c".into())]).unwrap();
        assert_eq!(out.moved, ["c"]);
        assert!(out.accepted.is_empty());
        let remote_git = Git::open_or_init(&remote).unwrap();
        assert_eq!(remote_git.refs(CASES).unwrap()["c"], theirs);
        // Fetched into scratch refs, the remote's commit is there to merge.
        git.fetch(&url, "refs/casefile/remote/x/cases/").unwrap();
        assert_eq!(
            git.refs("refs/casefile/remote/x/cases/").unwrap()["c"],
            theirs
        );
    }

    #[test]
    fn refs_set_here_are_the_refs_git_reads_in_either_ref_backend() {
        let dir = tempfile::tempdir().unwrap();
        let git = Git::open_or_init(&dir.path().join("ours.git")).unwrap();
        assert!(git.files);
        // A reftable repository (git 2.45 and later), made by the user's git.
        let reftable = dir.path().join("reftable.git");
        let made = Command::new("git")
            .args(["init", "--bare", "-q", "--ref-format=reftable"])
            .arg(&reftable)
            .status()
            .unwrap()
            .success();
        let mut repos = vec![git];
        if made {
            let other = Git::open_or_init(&reftable).unwrap();
            assert!(!other.files);
            repos.push(other);
        }
        for git in repos {
            let first = commit(&git, "c", None, "one");
            let second = commit(&git, "c", Some(&first), "two");
            let prefix = "refs/casefile/remote/x/cases/";
            git.set_refs(
                prefix,
                &[("c".into(), first.clone()), ("d".into(), first.clone())],
            );
            git.set_refs(prefix, &[("c".into(), second.clone())]);
            let refs = git.refs(prefix).unwrap();
            assert_eq!(refs.get("c"), Some(&second), "{}", git.dir().display());
            assert_eq!(refs.get("d"), Some(&first));
            assert_eq!(refs.len(), 2);
            assert_eq!(
                git_in(git.dir(), &["rev-parse", &format!("{prefix}c")]).trim(),
                second
            );
            assert_eq!(
                git_in(git.dir(), &["rev-parse", &format!("{prefix}d")]).trim(),
                first
            );
            // No lock file is left behind.
            let leftover = walkdir(git.dir())
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "lock"))
                .collect::<Vec<_>>();
            assert!(leftover.is_empty(), "{leftover:?}");
        }
    }

    fn walkdir(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for item in fs::read_dir(dir).unwrap().flatten() {
            let path = item.path();
            if path.is_dir() {
                out.extend(walkdir(&path));
            } else {
                out.push(path);
            }
        }
        out
    }

    #[test]
    fn refs_are_read_loose_over_packed() {
        let dir = tempfile::tempdir().unwrap();
        let git = Git::open_or_init(&dir.path().join("r.git")).unwrap();
        let a = "a".repeat(40);
        let b = "b".repeat(40);
        fs::write(
            git.dir().join("packed-refs"),
            format!("# pack-refs with: peeled\n{a} refs/casefile/cases/one\n{a} refs/casefile/cases/two\n"),
        )
        .unwrap();
        fs::create_dir_all(git.dir().join("refs/casefile/cases")).unwrap();
        fs::write(git.dir().join("refs/casefile/cases/two"), format!("{b}\n")).unwrap();
        let refs = git.refs(CASES).unwrap();
        assert_eq!(refs.get("one"), Some(&a));
        assert_eq!(refs.get("two"), Some(&b));
    }
}
