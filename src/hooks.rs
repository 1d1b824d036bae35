//! The git `post-commit` hook: installing it, removing it, and what it does after a commit.
//!
//! # How the hook is installed, and why this way
//!
//! The hook file is a few lines of POSIX `sh` that call `casefile hook post-commit`, so all the
//! logic lives in the binary and can be tested. An existing `post-commit` hook is *renamed*
//! to `post-commit.casefile-orig` beside it, and our script runs it first, with the same
//! arguments and stdin, and exits with its status (so git sees what it always saw). A rename
//! keeps the file's bytes, mode, owner, times and inode (and a symlink stays a symlink), so
//! `uninstall` — remove our script, rename the original back — leaves exactly what was there
//! before. Editing a marked block into the existing script was rejected: it cannot be undone
//! byte for byte once someone edits the file, it changes the file's mode and times, and it
//! does not work for hooks that are not shell scripts or that `exit` early.
//!
//! The hooks folder is `core.hooksPath` when set, else `<common git dir>/hooks`, which linked
//! worktrees share. Installing twice only refreshes our script; installing over a hook while a
//! `post-commit.casefile-orig` already exists is refused rather than clobbering either.
//!
//! # What a commit records (see [`Operation`])
//!
//! While a case is current and open, each commit becomes an `event`
//! (`commit 1a2b3c4 on main: subject`), and on a terminal the hook then asks for one line
//! about what the commit tried, recorded as a note. To keep a rebase or a long cherry-pick
//! from flooding the prompt or the timeline:
//! * during a rebase (`rebase-merge/` or `rebase-apply/` in the git dir) nothing is recorded:
//!   the commits are rewrites of ones already made;
//! * an amend, cherry-pick, revert or `git am` commit is recorded, without a prompt;
//! * only a plain `git commit` (or the commit that concludes a merge) asks.
//!
//! The prompt is written to and read from `/dev/tty`, only when it opens, the process is in
//! the terminal's foreground process group (a background `git commit &` must never be
//! stopped by SIGTTIN), git's stderr is a terminal, and `GIT_TERMINAL_PROMPT` is not `0`. It
//! gives up after the configured timeout (`hook.prompt_timeout`, default 60 s; 0 never asks).

use std::fs;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context as _, Result};

use crate::error::invalid;
use crate::git::Repo;

/// The hook casefile installs.
pub const HOOK_NAME: &str = "post-commit";
/// Suffix under which a hook that was already there is kept (and still run).
pub const KEPT_SUFFIX: &str = ".casefile-orig";
/// The line that marks a hook file as ours.
const MARKER: &str = "# casefile-hook v1";
/// The line that records that `install` created the hooks folder (so `uninstall` removes it).
const CREATED_DIR_MARKER: &str = "# casefile created this hooks folder";
/// The longest answer kept from the prompt.
const MAX_ANSWER: usize = 4096;

/// Where the hook lives in one repository.
#[derive(Debug, Clone)]
pub struct HookPaths {
    /// The hooks folder (`core.hooksPath`, else `<common dir>/hooks`).
    pub dir: PathBuf,
    /// `<dir>/post-commit`.
    pub hook: PathBuf,
    /// `<dir>/post-commit.casefile-orig`: the hook that was there before ours.
    pub kept: PathBuf,
}

impl HookPaths {
    pub fn of(repo: &Repo) -> HookPaths {
        let dir = repo.hooks_dir();
        HookPaths {
            hook: dir.join(HOOK_NAME),
            kept: dir.join(format!("{HOOK_NAME}{KEPT_SUFFIX}")),
            dir,
        }
    }
}

/// What is at `<hooks>/post-commit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Installed {
    /// Nothing.
    No,
    /// casefile's script.
    Ours,
    /// Some other hook (a file, symlink, or anything else).
    Other,
}

/// What is in the hooks folder now.
pub fn inspect(paths: &HookPaths) -> Installed {
    match fs::symlink_metadata(&paths.hook) {
        Err(_) => Installed::No,
        Ok(meta) if meta.file_type().is_file() => match fs::read(&paths.hook) {
            Ok(bytes) if is_ours(&bytes) => Installed::Ours,
            _ => Installed::Other,
        },
        Ok(_) => Installed::Other,
    }
}

fn is_ours(bytes: &[u8]) -> bool {
    bytes
        .split(|&b| b == b'\n')
        .take(4)
        .any(|line| line == MARKER.as_bytes())
}

/// Whether a hook that was there before ours is kept beside it.
pub fn has_kept(paths: &HookPaths) -> bool {
    fs::symlink_metadata(&paths.kept).is_ok()
}

/// The hook script. `fallback` is the binary to run when `casefile` is not on `PATH` (git
/// GUIs often run hooks with a short `PATH`); a fallback that no longer exists is skipped.
pub fn script(fallback: Option<&Path>, created_dir: bool) -> Vec<u8> {
    const HEAD: &str = r#"#!/bin/sh
# casefile-hook v1
# Records each commit in the current casefile case; never fails or blocks a commit.
# Installed by `casefile hook install`; `casefile hook uninstall` removes this file and puts
# back the hook that was here before (kept as post-commit.casefile-orig, which runs first
# and whose exit status is the one git sees).
"#;
    const RUN_KEPT: &str = r#"status=0
if [ -x "$0.casefile-orig" ]; then
    "$0.casefile-orig" "$@"
    status=$?
fi
"#;
    const RUN_CASEFILE: &str = r#"
if command -v casefile >/dev/null 2>&1; then
    casefile hook post-commit </dev/null || :
elif [ -n "$fallback" ] && [ -x "$fallback" ]; then
    "$fallback" hook post-commit </dev/null || :
fi
exit $status
"#;
    debug_assert!(HEAD.lines().nth(1) == Some(MARKER));
    let mut s = Vec::new();
    s.extend_from_slice(HEAD.as_bytes());
    if created_dir {
        s.extend_from_slice(CREATED_DIR_MARKER.as_bytes());
        s.push(b'\n');
    }
    s.extend_from_slice(RUN_KEPT.as_bytes());
    s.extend_from_slice(b"fallback=");
    match fallback {
        Some(path) => s.extend_from_slice(&shell_quote(path)),
        None => s.extend_from_slice(b"''"),
    }
    s.extend_from_slice(RUN_CASEFILE.as_bytes());
    s
}

/// Quote a path for `sh` with single quotes (`'` becomes `'\''`), byte for byte.
fn shell_quote(path: &Path) -> Vec<u8> {
    let bytes = path_bytes(path);
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b'\'');
    for &b in bytes.iter() {
        if b == b'\'' {
            out.extend_from_slice(b"'\\''");
        } else {
            out.push(b);
        }
    }
    out.push(b'\'');
    out
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

/// The fallback binary recorded in one of our scripts.
pub fn script_fallback(paths: &HookPaths) -> Option<PathBuf> {
    let bytes = fs::read(&paths.hook).ok()?;
    let line = bytes
        .split(|&b| b == b'\n')
        .find_map(|line| line.strip_prefix(b"fallback=".as_slice()))?;
    let unquoted = unquote(line)?;
    if unquoted.is_empty() {
        return None;
    }
    Some(path_from_bytes(unquoted))
}

fn unquote(quoted: &[u8]) -> Option<Vec<u8>> {
    let inner = quoted.strip_prefix(b"'")?.strip_suffix(b"'")?;
    let text = inner.to_vec();
    // Undo `'\''`.
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with(b"'\\''") {
            out.push(b'\'');
            i += 4;
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// What `install` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstallOutcome {
    /// Installed; `kept_previous` when an existing hook was kept (and will run first).
    Installed { kept_previous: bool },
    /// It was already installed (the script was refreshed if it had changed).
    AlreadyInstalled,
}

/// Install the hook in `repo`. `fallback` is the binary the script runs when `casefile` is
/// not on `PATH` (normally this very executable).
pub fn install(repo: &Repo, fallback: Option<&Path>) -> Result<(HookPaths, InstallOutcome)> {
    let paths = HookPaths::of(repo);
    match inspect(&paths) {
        Installed::Ours => {
            let current = fs::read(&paths.hook).unwrap_or_default();
            let created = current
                .split(|&b| b == b'\n')
                .any(|l| l == CREATED_DIR_MARKER.as_bytes());
            let wanted = script(fallback, created);
            if current != wanted {
                write_script(&paths.hook, &wanted)?;
            }
            Ok((paths, InstallOutcome::AlreadyInstalled))
        }
        Installed::Other => {
            if has_kept(&paths) {
                return Err(invalid(format!(
                    "{} is not casefile's hook, and {} already exists; move one of them away and run `casefile hook install` again",
                    paths.hook.display(),
                    paths.kept.display()
                )));
            }
            let meta = fs::symlink_metadata(&paths.hook)
                .with_context(|| format!("cannot read {}", paths.hook.display()))?;
            if meta.is_dir() {
                return Err(invalid(format!(
                    "{} is a folder, not a hook; move it away and run `casefile hook install` again",
                    paths.hook.display()
                )));
            }
            fs::rename(&paths.hook, &paths.kept).with_context(|| {
                format!("cannot keep the existing hook as {}", paths.kept.display())
            })?;
            if let Err(e) = write_script(&paths.hook, &script(fallback, false)) {
                // Put the user's hook back: a failed install changes nothing.
                fs::rename(&paths.kept, &paths.hook).ok();
                return Err(e);
            }
            Ok((
                paths,
                InstallOutcome::Installed {
                    kept_previous: true,
                },
            ))
        }
        Installed::No => {
            if has_kept(&paths) {
                return Err(invalid(format!(
                    "{} exists but {} does not; rename it back to `{HOOK_NAME}` (or remove it) and run `casefile hook install` again",
                    paths.kept.display(),
                    paths.hook.display()
                )));
            }
            let created = !paths.dir.is_dir();
            if created {
                fs::create_dir_all(&paths.dir).with_context(|| {
                    format!("cannot create the hooks folder {}", paths.dir.display())
                })?;
                set_mode(&paths.dir, 0o755).ok();
            }
            write_script(&paths.hook, &script(fallback, created))?;
            Ok((
                paths,
                InstallOutcome::Installed {
                    kept_previous: false,
                },
            ))
        }
    }
}

/// What `uninstall` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UninstallOutcome {
    /// Our hook was removed; `restored_previous` when the kept hook was put back.
    Removed { restored_previous: bool },
    /// Our hook was not there (`other` when some other hook is).
    NotInstalled { other: bool },
}

/// Remove the hook from `repo`, putting back what was there before.
pub fn uninstall(repo: &Repo) -> Result<(HookPaths, UninstallOutcome)> {
    let paths = HookPaths::of(repo);
    match inspect(&paths) {
        Installed::No => Ok((paths, UninstallOutcome::NotInstalled { other: false })),
        Installed::Other => Ok((paths, UninstallOutcome::NotInstalled { other: true })),
        Installed::Ours => {
            let created_dir = fs::read(&paths.hook)
                .unwrap_or_default()
                .split(|&b| b == b'\n')
                .any(|l| l == CREATED_DIR_MARKER.as_bytes());
            fs::remove_file(&paths.hook)
                .with_context(|| format!("cannot remove {}", paths.hook.display()))?;
            let restored_previous = has_kept(&paths);
            if restored_previous {
                fs::rename(&paths.kept, &paths.hook).with_context(|| {
                    format!(
                        "cannot put the previous hook back: rename {} to {} by hand",
                        paths.kept.display(),
                        paths.hook.display()
                    )
                })?;
            } else if created_dir {
                // Only removes the folder when it is empty.
                fs::remove_dir(&paths.dir).ok();
            }
            Ok((paths, UninstallOutcome::Removed { restored_previous }))
        }
    }
}

/// Write our script atomically (a temporary sibling renamed over the target), mode 0755.
fn write_script(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".{HOOK_NAME}.casefile-tmp{}", std::process::id()));
    let result = (|| -> io::Result<()> {
        fs::write(&tmp, bytes)?;
        set_mode(&tmp, 0o755)?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        fs::remove_file(&tmp).ok();
        return Err(e).with_context(|| format!("cannot write the hook {}", path.display()));
    }
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// This executable's path as the hook should name it. On Linux, when the binary was replaced
/// while it ran (an upgrade, a rebuild), the kernel reports `<path> (deleted)`; the path
/// without the suffix is where the new binary is.
pub fn live_path(exe: PathBuf) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = exe.as_os_str().as_bytes();
        if let Some(stripped) = bytes.strip_suffix(b" (deleted)") {
            let candidate = path_from_bytes(stripped.to_vec());
            if !exe.exists() && candidate.exists() {
                return candidate;
            }
        }
    }
    exe
}

/// Find `casefile` on `PATH` as the hook script's `command -v` would.
pub fn binary_on_path() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join("casefile"))
        .find(|candidate| is_executable(candidate))
}

/// Whether `path` is an executable file.
pub fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// What kind of commit just happened, from git's own traces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// A plain `git commit` (or one concluding a merge): recorded, and the prompt may ask.
    Commit,
    /// `git commit --amend`: recorded, no prompt.
    Amend,
    /// A commit made by cherry-pick, revert or `git am`: recorded, no prompt.
    Replay(&'static str),
    /// A commit made while a rebase is in progress: not recorded at all.
    Rebase,
}

impl Operation {
    /// Whether a commit of this kind is recorded as an event.
    pub fn records(self) -> bool {
        self != Operation::Rebase
    }

    /// Whether the one-line prompt may ask after it.
    pub fn asks(self) -> bool {
        self == Operation::Commit
    }

    /// What the event says in brackets, if anything.
    fn label(self) -> Option<&'static str> {
        match self {
            Operation::Commit | Operation::Rebase => None,
            Operation::Amend => Some("amend"),
            Operation::Replay(what) => Some(what),
        }
    }
}

/// Work out what kind of commit just happened: the rebase folders in the git dir, then the
/// newest line of HEAD's reflog (`commit (amend): …`, `cherry-pick: …`), then
/// `GIT_REFLOG_ACTION`, which git's sequencer sets for the commands it runs.
pub fn operation(repo: &Repo) -> Operation {
    let git_dir = repo.git_dir();
    if git_dir.join("rebase-merge").is_dir() {
        return Operation::Rebase;
    }
    let apply = git_dir.join("rebase-apply");
    if apply.is_dir() {
        return if apply.join("applying").exists() {
            Operation::Replay("am")
        } else {
            Operation::Rebase
        };
    }
    let action = last_reflog_message(&git_dir.join("logs").join("HEAD"))
        .or_else(|| std::env::var("GIT_REFLOG_ACTION").ok())
        .unwrap_or_default();
    classify(&action)
}

/// Classify a reflog message (or `GIT_REFLOG_ACTION`).
pub fn classify(action: &str) -> Operation {
    let action = action.trim_start();
    let head = action.split(':').next().unwrap_or("");
    if head.starts_with("commit (amend)") {
        Operation::Amend
    } else if head.starts_with("commit") || action.is_empty() {
        Operation::Commit
    } else if head.starts_with("rebase") || head.starts_with("pull --rebase") {
        Operation::Rebase
    } else if head.starts_with("cherry-pick") {
        Operation::Replay("cherry-pick")
    } else if head.starts_with("revert") {
        Operation::Replay("revert")
    } else if head.starts_with("am") {
        Operation::Replay("am")
    } else {
        Operation::Replay("other")
    }
}

/// The message of the last line of a reflog file (after the tab), reading only its tail.
fn last_reflog_message(path: &Path) -> Option<String> {
    let mut file = fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let start = len.saturating_sub(8192);
    file.seek(SeekFrom::Start(start)).ok()?;
    let mut tail = Vec::new();
    file.take(8192).read_to_end(&mut tail).ok()?;
    let text = String::from_utf8_lossy(&tail);
    let line = text.trim_end_matches('\n').rsplit('\n').next()?;
    let (_, message) = line.split_once('\t')?;
    Some(message.to_string())
}

/// The commit that was just made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitInfo {
    /// Abbreviated hash as git abbreviates it (`core.abbrev`).
    pub short: String,
    pub subject: String,
    /// `None` when HEAD is detached.
    pub branch: Option<String>,
}

/// Read HEAD's abbreviated hash and subject with `git log -1` in the work tree (the hook is
/// not on the write path, so one spawn is fine), and the branch from `.git`.
pub fn commit_info(repo: &Repo) -> Result<CommitInfo> {
    let head = repo.head();
    let output = std::process::Command::new("git")
        .args([
            "log",
            "-1",
            "--no-show-signature",
            "--format=%h%x00%s",
            "HEAD",
            "--",
        ])
        .current_dir(repo.work_tree())
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output();
    let parsed = output.ok().filter(|o| o.status.success()).and_then(|o| {
        let text = String::from_utf8_lossy(&o.stdout).trim_end().to_string();
        let (short, subject) = text.split_once('\0')?;
        Some((short.to_string(), subject.to_string()))
    });
    let (short, subject) = match parsed {
        Some(found) => found,
        None => {
            let commit = head
                .commit
                .clone()
                .context("cannot read the commit that was just made")?;
            (commit.chars().take(7).collect(), String::new())
        }
    };
    Ok(CommitInfo {
        short,
        subject,
        branch: head.branch,
    })
}

/// The event's text: `commit 1a2b3c4 on main: subject`, with `(amend)`, `(cherry-pick)`…
/// and `(detached HEAD)` when it applies.
pub fn event_text(info: &CommitInfo, op: Operation) -> String {
    let mut text = format!("commit {}", info.short);
    match &info.branch {
        Some(branch) => text.push_str(&format!(" on {branch}")),
        None => text.push_str(" (detached HEAD)"),
    }
    if let Some(label) = op.label() {
        text.push_str(&format!(" ({label})"));
    }
    if !info.subject.is_empty() {
        text.push_str(": ");
        text.push_str(&info.subject);
    }
    text
}

/// Ask one question on the controlling terminal and wait at most `timeout` for a line.
///
/// Returns `None` (without writing anything) when there is no terminal to ask on, and `None`
/// on a timeout, end of input or an empty answer. Never blocks past `timeout`, and never
/// reads from a terminal whose foreground this process is not in.
pub fn ask_on_tty(question: &str, timeout: Duration) -> Option<String> {
    if timeout.is_zero() || std::env::var("GIT_TERMINAL_PROMPT").is_ok_and(|v| v == "0") {
        return None;
    }
    #[cfg(unix)]
    {
        tty::ask(question, timeout)
    }
    #[cfg(not(unix))]
    {
        let _ = question;
        None
    }
}

#[cfg(unix)]
mod tty {
    use std::fs::OpenOptions;
    use std::io::{IsTerminal, Read, Write};
    use std::os::unix::io::AsRawFd;
    use std::time::{Duration, Instant};

    use super::MAX_ANSWER;

    pub fn ask(question: &str, timeout: Duration) -> Option<String> {
        // git's stderr is ours: when it is not a terminal, nobody is watching this commit.
        if !std::io::stderr().is_terminal() {
            return None;
        }
        let mut tty = OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .ok()?;
        let fd = tty.as_raw_fd();
        // SAFETY: plain queries on a valid descriptor and on this process.
        let (fg, own) = unsafe { (libc::tcgetpgrp(fd), libc::getpgrp()) };
        if fg < 0 || fg != own {
            return None;
        }
        tty.write_all(question.as_bytes()).ok()?;
        tty.flush().ok()?;
        let deadline = Instant::now() + timeout;
        let mut answer = Vec::new();
        let mut buf = [0u8; 512];
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                let _ = tty.write_all(b"\n(no answer; nothing recorded)\n");
                return None;
            }
            let mut pfd = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            let ms = left.as_millis().min(i32::MAX as u128) as i32;
            // SAFETY: one valid pollfd, count 1.
            let ready = unsafe { libc::poll(&mut pfd, 1, ms.max(1)) };
            if ready < 0 {
                if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return None;
            }
            if ready == 0 {
                continue;
            }
            if pfd.revents & (libc::POLLERR | libc::POLLHUP | libc::POLLNVAL) != 0
                && pfd.revents & libc::POLLIN == 0
            {
                return None;
            }
            let n = match tty.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return None,
            };
            let chunk = &buf[..n];
            if let Some(end) = chunk.iter().position(|&b| b == b'\n' || b == b'\r') {
                answer.extend_from_slice(&chunk[..end]);
                break;
            }
            answer.extend_from_slice(chunk);
            if answer.len() > MAX_ANSWER {
                break;
            }
        }
        answer.truncate(MAX_ANSWER);
        let text = String::from_utf8_lossy(&answer).trim().to_string();
        (!text.is_empty()).then_some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn reflog_messages_are_classified() {
        assert_eq!(classify("commit: fix the pool"), Operation::Commit);
        assert_eq!(classify("commit (initial): first"), Operation::Commit);
        assert_eq!(
            classify("commit (merge): Merge branch x"),
            Operation::Commit
        );
        assert_eq!(classify("commit (amend): fix the pool"), Operation::Amend);
        assert_eq!(classify("rebase (pick): fix"), Operation::Rebase);
        assert_eq!(classify("rebase -i (pick): fix"), Operation::Rebase);
        assert_eq!(
            classify("cherry-pick: fix"),
            Operation::Replay("cherry-pick")
        );
        assert_eq!(
            classify("revert: Revert \"x\""),
            Operation::Replay("revert")
        );
        assert_eq!(classify("am: patch"), Operation::Replay("am"));
        assert_eq!(classify(""), Operation::Commit);
        assert!(!Operation::Rebase.records());
        assert!(Operation::Amend.records() && !Operation::Amend.asks());
    }

    #[test]
    fn event_text_names_hash_branch_and_kind() {
        let info = CommitInfo {
            short: "1a2b3c4".into(),
            subject: "Raise the pool size".into(),
            branch: Some("main".into()),
        };
        assert_eq!(
            event_text(&info, Operation::Commit),
            "commit 1a2b3c4 on main: Raise the pool size"
        );
        assert_eq!(
            event_text(&info, Operation::Amend),
            "commit 1a2b3c4 on main (amend): Raise the pool size"
        );
        let detached = CommitInfo {
            branch: None,
            ..info
        };
        assert_eq!(
            event_text(&detached, Operation::Replay("cherry-pick")),
            "commit 1a2b3c4 (detached HEAD) (cherry-pick): Raise the pool size"
        );
    }

    #[test]
    fn script_quotes_the_fallback_and_reads_it_back() {
        let dir = tempfile::tempdir().unwrap();
        let paths = HookPaths {
            dir: dir.path().to_path_buf(),
            hook: dir.path().join(HOOK_NAME),
            kept: dir.path().join("kept"),
        };
        let odd = Path::new("/opt/it's here/casefile");
        fs::write(&paths.hook, script(Some(odd), false)).unwrap();
        assert_eq!(inspect(&paths), Installed::Ours);
        assert_eq!(script_fallback(&paths).as_deref(), Some(odd));
        let text = String::from_utf8(script(Some(odd), false)).unwrap();
        assert!(
            text.contains("fallback='/opt/it'\\''s here/casefile'"),
            "{text}"
        );
        fs::write(&paths.hook, "#!/bin/sh\necho hi\n").unwrap();
        assert_eq!(inspect(&paths), Installed::Other);
    }

    #[test]
    fn the_script_is_valid_sh() {
        let dir = tempfile::tempdir().unwrap();
        for (fallback, created) in [(None, false), (Some(Path::new("/x/it's/casefile")), true)] {
            let path = dir.path().join("post-commit");
            fs::write(&path, script(fallback, created)).unwrap();
            let status = std::process::Command::new("sh")
                .arg("-n")
                .arg(&path)
                .status()
                .unwrap();
            assert!(status.success());
        }
    }

    #[test]
    fn no_terminal_means_no_question() {
        // Tests run without a controlling terminal or with stderr captured; either way the
        // answer is None and it returns at once.
        let start = Instant::now();
        if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            assert_eq!(ask_on_tty("q? ", Duration::from_secs(30)), None);
            assert!(start.elapsed() < Duration::from_secs(5));
        }
        assert_eq!(ask_on_tty("q? ", Duration::ZERO), None);
    }
}
