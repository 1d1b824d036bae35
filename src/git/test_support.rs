//! Fixtures shared by the `git` module's tests: an isolated `git` command, throwaway
//! repositories, and direct readers of the index for tests that look below the public API.

use std::fs::{self, File};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::index::{stream_tree, Entry, Extensions, IndexReader};
use super::{Env, Repo};

/// `git` in `dir`, isolated from the user's config and from any repository variables
/// (tests may run inside a git hook).
pub(super) fn git_command(dir: &Path) -> Command {
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

pub(super) fn git(dir: &Path, args: &[&str]) -> String {
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

/// `git update-ref --stdin` in `dir`, fed `commands` (one ref update a line).
pub(super) fn update_refs(dir: &Path, commands: &str) {
    let mut child = git_command(dir)
        .args(["update-ref", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("git");
    std::io::Write::write_all(child.stdin.as_mut().expect("stdin"), commands.as_bytes())
        .expect("stdin");
    assert!(child.wait().expect("git").success());
}

/// An environment with no git variables and an empty home.
pub(super) fn env_with_home(home: &Path) -> Env {
    Env {
        home: Some(home.into()),
        config_nosystem: true,
        ..Env::default()
    }
}

pub(super) fn discover(start: &Path) -> Option<Repo> {
    Repo::discover_with(
        start,
        Env {
            config_nosystem: true,
            ..Env::default()
        },
    )
}

pub(super) fn write(path: &Path, text: &str) {
    if let Some(p) = path.parent() {
        fs::create_dir_all(p).expect("mkdir");
    }
    fs::write(path, text).expect("write");
}

/// A repository with a few committed files.
pub(super) fn repo_with_files(n: usize) -> tempfile::TempDir {
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

pub(super) fn set_mtime(path: &Path, secs_ago: u64) {
    let f = File::options().write(true).open(path).expect("open");
    let t = std::time::SystemTime::now() - Duration::from_secs(secs_ago);
    f.set_modified(t).expect("set mtime");
}

/// Every entry of the repository's index with its path, and the extensions.
pub(super) fn read_index(repo: &Repo) -> (Vec<(Vec<u8>, Entry)>, Extensions) {
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
pub(super) fn index_tree_from_scratch(repo: &Repo) -> Vec<u8> {
    let f = File::open(repo.git_dir().join("index")).expect("index");
    let len = f.metadata().expect("meta").len();
    let mut rd = IndexReader::new(f, len, 20).expect("header");
    stream_tree(&mut rd, None, None).expect("tree")
}

pub(super) fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
