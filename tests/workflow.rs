//! End-to-end tests for the workflow around the journal: the git post-commit hook (in real
//! temporary repositories), shell completions, the man page, config, and the guide's example.
//!
//! Generated files (completions/, docs/man/, docs/example-postmortem.md) are compared with
//! what the code produces now; run with `UPDATE_GENERATED=1` to rewrite them.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{assert_no_panic, assert_one_error_line, TestEnv};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// helpers

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("casefile")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `PATH` with the casefile binary's folder first (as after `cargo install`).
fn path_with_binary() -> std::ffi::OsString {
    let mut dirs = vec![binary().parent().unwrap().to_path_buf()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).unwrap()
}

/// `PATH` with no folder that holds a `casefile`.
fn path_without_binary() -> std::ffi::OsString {
    let dirs: Vec<PathBuf> = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .filter(|d| !d.join("casefile").exists())
        .collect();
    std::env::join_paths(dirs).unwrap()
}

/// A git command isolated from the user's and system's config, with casefile's test env.
fn git_cmd(env: &TestEnv, cwd: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.env_clear()
        .env("PATH", path_with_binary())
        .env("HOME", env.user_home())
        .env("XDG_CONFIG_HOME", env.user_home().join(".config"))
        .env("GIT_CONFIG_GLOBAL", env.user_home().join(".gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("CASEFILE_HOME", env.home())
        .env("CASEFILE_CONFIG", env.config_path())
        .env("USER", "tester")
        .env("TZ", "UTC")
        .env("GIT_AUTHOR_NAME", "Ada Lovelace")
        .env("GIT_AUTHOR_EMAIL", "ada@example.com")
        .env("GIT_COMMITTER_NAME", "Ada Lovelace")
        .env("GIT_COMMITTER_EMAIL", "ada@example.com")
        .current_dir(cwd)
        .stdin(Stdio::null());
    detach_from_terminal(&mut cmd);
    cmd
}

/// Run the child in a new session: it has no controlling terminal, so `/dev/tty` cannot be
/// opened (whoever runs the tests, from a terminal or not).
fn detach_from_terminal(cmd: &mut Command) {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: setsid is async-signal-safe and touches only the child.
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
    }
}

fn git(env: &TestEnv, cwd: &Path, args: &[&str]) -> Output {
    let out = git_cmd(env, cwd).args(args).output().expect("git");
    assert!(
        out.status.success(),
        "git {args:?} failed\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn git_out(env: &TestEnv, cwd: &Path, args: &[&str]) -> String {
    String::from_utf8(git(env, cwd, args).stdout)
        .unwrap()
        .trim()
        .to_string()
}

/// A fresh repository with one commit, on branch `main`.
fn repo(env: &TestEnv, name: &str) -> PathBuf {
    let dir = env.dir.path().join(name);
    fs::create_dir_all(&dir).unwrap();
    git(env, &dir, &["init", "-q", "-b", "main"]);
    fs::write(dir.join("README"), "hello\n").unwrap();
    git(env, &dir, &["add", "README"]);
    git(env, &dir, &["commit", "-q", "-m", "Initial commit"]);
    dir
}

/// Change a file and commit it; returns the commit's output (it must succeed).
fn commit(env: &TestEnv, dir: &Path, subject: &str) -> Output {
    // One file per subject, so branches never conflict.
    let name: String = subject
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let file = format!("{name}.txt");
    fs::write(dir.join(&file), format!("{subject}\n")).unwrap();
    git(env, dir, &["add", &file]);
    let out = git(env, dir, &["commit", "-q", "-m", subject]);
    assert_no_panic(&String::from_utf8_lossy(&out.stderr));
    out
}

fn casefile_in(env: &TestEnv, dir: &Path, args: &[&str]) -> String {
    let out = env.cmd_in(dir).args(args).output().expect("run");
    assert!(
        out.status.success(),
        "casefile {args:?} failed\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn events(env: &TestEnv) -> Vec<Value> {
    env.json(&["log", "--kind", "event"])
        .as_array()
        .unwrap()
        .clone()
}

fn entries(env: &TestEnv) -> Vec<Value> {
    env.json(&["log"]).as_array().unwrap().clone()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::symlink_metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn write_executable(path: &Path, text: &str, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".sample"))
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------------------------
// git hooks

#[test]
fn a_commit_without_a_terminal_is_recorded_as_an_event_and_succeeds() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    let slug = env.new_case("Pool timeouts under load");
    let said = casefile_in(&env, &dir, &["hook", "install"]);
    assert!(said.starts_with("installed "), "{said}");
    let hook = dir.join(".git/hooks/post-commit");
    assert!(hook.is_file());
    #[cfg(unix)]
    assert_eq!(mode(&hook), 0o755);

    let out = commit(&env, &dir, "Raise the pool size to 50");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.trim().is_empty(), "hook printed: {stderr}");

    let short = git_out(&env, &dir, &["rev-parse", "--short", "HEAD"]);
    let full = git_out(&env, &dir, &["rev-parse", "HEAD"]);
    let all = entries(&env);
    assert_eq!(
        all.len(),
        1,
        "one event, no note without a terminal: {all:#?}"
    );
    let e = &all[0];
    assert_eq!(e["kind"], "event");
    assert_eq!(
        e["text"],
        format!("commit {short} on main: Raise the pool size to 50")
    );
    assert_eq!(e["context"]["git_branch"], "main");
    assert_eq!(e["context"]["git_commit"], full.as_str());
    // The hook determines dirtiness exactly: the tree is clean right after this commit.
    assert_eq!(e["context"]["git_dirty"], false);
    assert_eq!(e["author"], "tester");

    let status = casefile_in(&env, &dir, &["hook", "status"]);
    assert!(status.contains("hook: installed"), "{status}");
    assert!(
        status.contains(&format!("commits feed: {slug}")),
        "{status}"
    );
}

#[test]
fn the_hook_records_dirty_state_exactly() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Dirty tree");
    casefile_in(&env, &dir, &["hook", "install"]);
    fs::write(dir.join("README"), "changed but not committed\n").unwrap();
    commit(&env, &dir, "Partial commit");
    assert_eq!(events(&env)[0]["context"]["git_dirty"], true);
}

#[test]
fn an_existing_hook_keeps_running_and_uninstall_restores_it_byte_for_byte() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Existing hook");
    let hook = dir.join(".git/hooks/post-commit");
    let original = "#!/bin/sh\n# the team's hook\necho ran >> \"$(git rev-parse --git-dir)/team-hook-ran\"\nexit 3\n";
    write_executable(&hook, original, 0o750);
    let before_meta = fs::metadata(&hook).unwrap();
    let before_names = names_in(&dir.join(".git/hooks"));

    let said = casefile_in(&env, &dir, &["hook", "install"]);
    assert!(said.contains("kept as"), "{said}");
    let kept = dir.join(".git/hooks/post-commit.casefile-orig");
    assert_eq!(fs::read_to_string(&kept).unwrap(), original);

    commit(&env, &dir, "First try");
    commit(&env, &dir, "Second try");
    // The team's hook ran for each commit, and casefile recorded each.
    assert_eq!(
        fs::read_to_string(dir.join(".git/team-hook-ran")).unwrap(),
        "ran\nran\n"
    );
    assert_eq!(events(&env).len(), 2);

    // The exit status git sees is the existing hook's.
    let status = Command::new(&hook)
        .current_dir(&dir)
        .env("PATH", path_without_binary())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(3));

    let status = casefile_in(&env, &dir, &["hook", "status"]);
    assert!(status.contains("previous hook: kept as"), "{status}");

    let said = casefile_in(&env, &dir, &["hook", "uninstall"]);
    assert!(said.contains("previous hook again"), "{said}");
    assert_eq!(fs::read_to_string(&hook).unwrap(), original);
    assert!(!kept.exists());
    assert_eq!(names_in(&dir.join(".git/hooks")), before_names);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let after = fs::metadata(&hook).unwrap();
        assert_eq!(mode(&hook), 0o750);
        assert_eq!(after.ino(), before_meta.ino(), "the same file, not a copy");
        assert_eq!(after.mtime(), before_meta.mtime());
        assert_eq!(after.mtime_nsec(), before_meta.mtime_nsec());
    }
    // Commits after uninstall are not recorded.
    commit(&env, &dir, "Third try");
    assert_eq!(events(&env).len(), 2);
}

#[test]
fn a_non_executable_existing_hook_stays_inert_and_comes_back_unchanged() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Inert hook");
    let hook = dir.join(".git/hooks/post-commit");
    write_executable(&hook, "#!/bin/sh\ntouch should-not-exist\n", 0o644);
    casefile_in(&env, &dir, &["hook", "install"]);
    commit(&env, &dir, "A commit");
    assert!(
        !dir.join("should-not-exist").exists(),
        "git would not have run it either"
    );
    assert_eq!(events(&env).len(), 1);
    casefile_in(&env, &dir, &["hook", "uninstall"]);
    #[cfg(unix)]
    assert_eq!(mode(&hook), 0o644);
    assert_eq!(
        fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\ntouch should-not-exist\n"
    );
}

#[test]
fn installing_twice_is_harmless() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Twice");
    let hooks = dir.join(".git/hooks");
    let before = names_in(&hooks);
    casefile_in(&env, &dir, &["hook", "install"]);
    let first = fs::read(hooks.join("post-commit")).unwrap();
    let said = casefile_in(&env, &dir, &["hook", "install"]);
    assert!(said.starts_with("already installed"), "{said}");
    assert_eq!(fs::read(hooks.join("post-commit")).unwrap(), first);
    assert!(!hooks.join("post-commit.casefile-orig").exists());
    commit(&env, &dir, "Once");
    assert_eq!(events(&env).len(), 1, "one event per commit, not two");
    casefile_in(&env, &dir, &["hook", "uninstall"]);
    assert_eq!(names_in(&hooks), before);
    let said = casefile_in(&env, &dir, &["hook", "uninstall"]);
    assert!(said.starts_with("not installed"), "{said}");
    assert_eq!(names_in(&hooks), before);
}

#[test]
fn installing_twice_over_an_existing_hook_keeps_the_original_once() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    let hook = dir.join(".git/hooks/post-commit");
    write_executable(&hook, "#!/bin/sh\nexit 0\n", 0o755);
    casefile_in(&env, &dir, &["hook", "install"]);
    casefile_in(&env, &dir, &["hook", "install"]);
    assert_eq!(
        fs::read_to_string(dir.join(".git/hooks/post-commit.casefile-orig")).unwrap(),
        "#!/bin/sh\nexit 0\n"
    );
    casefile_in(&env, &dir, &["hook", "uninstall"]);
    assert_eq!(fs::read_to_string(&hook).unwrap(), "#!/bin/sh\nexit 0\n");
}

#[test]
fn core_hooks_path_is_honoured_and_a_created_folder_is_removed_again() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Hooks path");
    git(&env, &dir, &["config", "core.hooksPath", ".githooks"]);
    let said = casefile_in(&env, &dir, &["hook", "install"]);
    assert!(said.contains(".githooks"), "{said}");
    assert!(dir.join(".githooks/post-commit").is_file());
    assert!(!dir.join(".git/hooks/post-commit").exists());
    commit(&env, &dir, "Through hooksPath");
    assert_eq!(events(&env).len(), 1);
    casefile_in(&env, &dir, &["hook", "uninstall"]);
    assert!(
        !dir.join(".githooks").exists(),
        "the folder install created is gone"
    );
}

#[test]
fn core_hooks_path_with_an_existing_hook_and_repo_flag() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Shared hooks");
    let shared = env.dir.path().join("shared-hooks");
    let hook = shared.join("post-commit");
    write_executable(
        &hook,
        "#!/bin/sh\necho shared >> \"$HOME/shared-ran\"\n",
        0o755,
    );
    git(
        &env,
        &dir,
        &["config", "core.hooksPath", shared.to_str().unwrap()],
    );
    // --repo from outside the repository.
    let work = env.work();
    casefile_in(
        &env,
        &work,
        &["hook", "install", "--repo", dir.to_str().unwrap()],
    );
    assert!(shared.join("post-commit.casefile-orig").is_file());
    commit(&env, &dir, "Shared");
    assert_eq!(events(&env).len(), 1);
    assert_eq!(
        fs::read_to_string(env.user_home().join("shared-ran")).unwrap(),
        "shared\n"
    );
    casefile_in(
        &env,
        &work,
        &["hook", "uninstall", "--repo", dir.to_str().unwrap()],
    );
    assert_eq!(names_in(&shared), ["post-commit"]);
}

#[test]
fn a_linked_worktree_shares_the_hook_and_records_its_own_branch() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Worktree");
    let wt = env.dir.path().join("wt");
    git(
        &env,
        &dir,
        &[
            "worktree",
            "add",
            "-q",
            "-b",
            "feature",
            wt.to_str().unwrap(),
        ],
    );
    // Installed from inside the worktree, into the shared hooks folder.
    let said = casefile_in(&env, &wt, &["hook", "install"]);
    assert!(
        said.contains(&format!("repo{}.git", std::path::MAIN_SEPARATOR)),
        "{said}"
    );
    commit(&env, &wt, "Try on the feature branch");
    commit(&env, &dir, "Try on main");
    let ev = events(&env);
    assert_eq!(ev.len(), 2);
    let wt_short = git_out(&env, &wt, &["rev-parse", "--short", "HEAD"]);
    assert_eq!(
        ev[0]["text"],
        format!("commit {wt_short} on feature: Try on the feature branch")
    );
    assert_eq!(ev[0]["context"]["git_branch"], "feature");
    assert_eq!(ev[1]["context"]["git_branch"], "main");
    let status = casefile_in(&env, &wt, &["hook", "status"]);
    assert!(status.contains("hook: installed"), "{status}");
}

#[test]
fn no_case_means_nothing_recorded_and_a_silent_success() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    casefile_in(&env, &dir, &["hook", "install"]);
    let out = commit(&env, &dir, "No case yet");
    assert!(String::from_utf8_lossy(&out.stderr).trim().is_empty());
    let status = casefile_in(&env, &dir, &["hook", "status"]);
    assert!(
        status.contains("commits feed: nothing (no current case"),
        "{status}"
    );
}

#[test]
fn a_closed_case_is_not_fed() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    let slug = env.new_case("Closed already");
    env.ok(&["close", "--summary", "done"]);
    casefile_in(&env, &dir, &["hook", "install"]);
    let out = commit(&env, &dir, "After closing");
    assert!(String::from_utf8_lossy(&out.stderr).trim().is_empty());
    assert!(env
        .json(&["log", "--kind", "event", "-C", &slug])
        .as_array()
        .unwrap()
        .is_empty());
    let status = casefile_in(&env, &dir, &["hook", "status"]);
    assert!(status.contains("is resolved"), "{status}");
}

#[test]
fn a_corrupt_case_file_warns_once_and_the_commit_succeeds() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    let slug = env.new_case("Soon corrupt");
    casefile_in(&env, &dir, &["hook", "install"]);
    let case = env.case_file(&slug);
    for suffix in ["-wal", "-shm"] {
        let mut p = case.clone().into_os_string();
        p.push(suffix);
        fs::remove_file(p).ok();
    }
    fs::write(&case, b"this is not a database at all, sorry").unwrap();
    let out = commit(&env, &dir, "Commit over a corrupt case");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_no_panic(&stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with("casefile: this commit was not recorded:"),
        "{stderr}"
    );
    assert!(lines[0].contains(&slug), "{stderr}");
    assert_eq!(
        fs::read(&case).unwrap(),
        b"this is not a database at all, sorry",
        "left untouched"
    );
}

#[test]
fn a_missing_binary_means_no_hook_and_no_failure() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Missing binary");
    // Install with a copy of the binary, then remove the copy: the script's fallback is gone
    // and `casefile` is not on PATH.
    let bin_dir = env.dir.path().join("bin");
    fs::create_dir_all(&bin_dir).unwrap();
    let copy = bin_dir.join("casefile");
    fs::copy(binary(), &copy).unwrap();
    // A fresh copy can be briefly "text file busy" while another test thread forks with the
    // copy's write handle open (it is closed at that child's exec): try again then.
    let out = (0..50)
        .find_map(|_| {
            match Command::new(&copy)
                .args(["hook", "install"])
                .current_dir(&dir)
                .env("PATH", path_without_binary())
                .env("CASEFILE_HOME", env.home())
                .output()
            {
                Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                    std::thread::sleep(Duration::from_millis(20));
                    None
                }
                other => Some(other.unwrap()),
            }
        })
        .expect("the copied binary stayed busy for a second");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let script = fs::read_to_string(dir.join(".git/hooks/post-commit")).unwrap();
    assert!(script.contains(copy.to_str().unwrap()), "{script}");

    // While the fallback exists it is used even without casefile on PATH.
    let mut cmd = git_cmd(&env, &dir);
    fs::write(dir.join("a.txt"), "a\n").unwrap();
    git(&env, &dir, &["add", "a.txt"]);
    let out = cmd
        .env("PATH", path_without_binary())
        .args(["commit", "-q", "-m", "Via the fallback"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(events(&env).len(), 1);

    fs::remove_file(&copy).unwrap();
    fs::write(dir.join("b.txt"), "b\n").unwrap();
    git(&env, &dir, &["add", "b.txt"]);
    let start = Instant::now();
    let out = git_cmd(&env, &dir)
        .env("PATH", path_without_binary())
        .args(["commit", "-q", "-m", "No binary anywhere"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(
        String::from_utf8_lossy(&out.stderr).trim().is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(events(&env).len(), 1);
    let status = casefile_in(&env, &dir, &["hook", "status"]);
    assert!(status.contains("hook: installed"), "{status}");
}

#[test]
fn the_hook_script_itself_exits_zero_with_nothing_to_do() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    casefile_in(&env, &dir, &["hook", "install"]);
    // Run the script as git would, with no case, no terminal and a broken home.
    let mut cmd = Command::new(dir.join(".git/hooks/post-commit"));
    cmd.current_dir(&dir)
        .env_clear()
        .env("PATH", path_with_binary())
        .env("CASEFILE_HOME", "/dev/null/not-a-folder")
        .stdin(Stdio::null());
    detach_from_terminal(&mut cmd);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_no_panic(&String::from_utf8_lossy(&out.stderr));
}

#[test]
fn amend_is_recorded_without_a_prompt_and_rebase_records_nothing() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Rewrites");
    casefile_in(&env, &dir, &["hook", "install"]);
    commit(&env, &dir, "One");
    commit(&env, &dir, "Two");
    git(
        &env,
        &dir,
        &["commit", "-q", "--amend", "-m", "Two, amended"],
    );
    let ev = events(&env);
    assert_eq!(ev.len(), 3);
    let short = git_out(&env, &dir, &["rev-parse", "--short", "HEAD"]);
    assert_eq!(
        ev[2]["text"],
        format!("commit {short} on main (amend): Two, amended")
    );

    // A rebase that rewrites both commits records nothing.
    git(&env, &dir, &["checkout", "-q", "-b", "side", "HEAD~2"]);
    commit(&env, &dir, "Side work");
    assert_eq!(events(&env).len(), 4);
    git(&env, &dir, &["checkout", "-q", "main"]);
    git(&env, &dir, &["rebase", "-q", "side"]);
    assert_eq!(events(&env).len(), 4, "{:#?}", events(&env));

    // A cherry-pick is recorded, marked.
    git(&env, &dir, &["checkout", "-q", "side"]);
    git(&env, &dir, &["cherry-pick", "main"]);
    let ev = events(&env);
    assert_eq!(ev.len(), 5);
    assert!(
        ev[4]["text"]
            .as_str()
            .unwrap()
            .contains("on side (cherry-pick): Two, amended"),
        "{}",
        ev[4]["text"]
    );
}

#[test]
fn case_env_var_chooses_the_case_the_hook_feeds() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    let first = env.new_case("First case");
    let second = env.new_case("Second case");
    casefile_in(&env, &dir, &["hook", "install"]);
    fs::write(dir.join("x.txt"), "x\n").unwrap();
    git(&env, &dir, &["add", "x.txt"]);
    git_cmd(&env, &dir)
        .env("CASEFILE_CASE", &first)
        .args(["commit", "-q", "-m", "For the first case"])
        .output()
        .unwrap();
    assert_eq!(
        env.json(&["log", "-C", &first]).as_array().unwrap().len(),
        1
    );
    assert!(env
        .json(&["log", "-C", &second])
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn hook_status_json_and_outside_a_repository() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    let slug = env.new_case("Status");
    let v: Value =
        serde_json::from_str(&casefile_in(&env, &dir, &["hook", "status", "--json"])).unwrap();
    assert_eq!(v["installed"], false);
    assert_eq!(v["case"], slug.as_str());
    casefile_in(&env, &dir, &["hook", "install"]);
    let v: Value =
        serde_json::from_str(&casefile_in(&env, &dir, &["hook", "status", "--json"])).unwrap();
    assert_eq!(v["installed"], true);
    assert_eq!(v["feeds"], true);
    assert_eq!(v["case_state"], "open");

    let err = env.fails(&["hook", "install"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("not inside a git work tree"), "{err}");
}

#[test]
fn install_refuses_to_clobber_a_kept_hook() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    let hooks = dir.join(".git/hooks");
    write_executable(&hooks.join("post-commit"), "#!/bin/sh\necho new\n", 0o755);
    write_executable(
        &hooks.join("post-commit.casefile-orig"),
        "#!/bin/sh\necho old\n",
        0o755,
    );
    let out = env.cmd_in(&dir).args(["hook", "install"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_error_line(&String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        fs::read_to_string(hooks.join("post-commit")).unwrap(),
        "#!/bin/sh\necho new\n"
    );
    assert_eq!(
        fs::read_to_string(hooks.join("post-commit.casefile-orig")).unwrap(),
        "#!/bin/sh\necho old\n"
    );
}

/// `script(1)` gives the commit a pseudo-terminal, so the hook can ask.
fn has_script() -> bool {
    Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Run `git commit` on a pseudo-terminal (via `script`), typing `typed` after a moment.
fn commit_on_a_terminal(
    env: &TestEnv,
    dir: &Path,
    subject: &str,
    typed: Option<&str>,
    wait: Duration,
) -> Output {
    fs::write(dir.join(format!("{}.txt", subject.len())), subject).unwrap();
    git(env, dir, &["add", "-A"]);
    git_on_a_terminal(
        env,
        dir,
        &format!("git commit -q -m '{subject}'"),
        typed,
        wait,
    )
}

/// Run a shell command line on a pseudo-terminal (via `script`), typing `typed` after `wait`.
fn git_on_a_terminal(
    env: &TestEnv,
    dir: &Path,
    line: &str,
    typed: Option<&str>,
    wait: Duration,
) -> Output {
    let mut cmd = Command::new("script");
    cmd.args(["-q", "-e", "-c", line, "/dev/null"])
        .env_clear()
        .envs(
            git_cmd(env, dir)
                .get_envs()
                .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))),
        )
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    detach_from_terminal(&mut cmd);
    let mut child = cmd.spawn().expect("script");
    let mut stdin = child.stdin.take().unwrap();
    std::thread::sleep(wait);
    if let Some(text) = typed {
        use std::io::Write;
        // The commit may be over already (when nothing asks); a closed pipe is fine.
        let _ = stdin.write_all(text.as_bytes());
        let _ = stdin.flush();
    }
    let out = child.wait_with_output().unwrap();
    drop(stdin);
    out
}

#[test]
fn on_a_terminal_the_hook_asks_for_one_line_and_records_it_as_a_note() {
    if !has_script() {
        eprintln!("skipped: script(1) is not installed");
        return;
    }
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Prompt");
    casefile_in(&env, &dir, &["hook", "install"]);
    let out = commit_on_a_terminal(
        &env,
        &dir,
        "Bump pool",
        Some("checking whether a bigger pool hides the leak\n"),
        Duration::from_millis(1500),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.contains("What did it try?"), "{screen}");
    let all = entries(&env);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0]["kind"], "event");
    assert_eq!(all[1]["kind"], "note");
    assert_eq!(
        all[1]["text"],
        "checking whether a bigger pool hides the leak"
    );

    // An empty answer records nothing more.
    let out = commit_on_a_terminal(
        &env,
        &dir,
        "Second",
        Some("\n"),
        Duration::from_millis(1500),
    );
    assert!(out.status.success());
    let all = entries(&env);
    assert_eq!(all.len(), 3, "{all:#?}");
}

#[test]
fn on_a_terminal_amend_and_cherry_pick_are_recorded_without_asking() {
    if !has_script() {
        eprintln!("skipped: script(1) is not installed");
        return;
    }
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("No prompt for rewrites");
    casefile_in(&env, &dir, &["hook", "install"]);
    commit(&env, &dir, "Base");
    let out = git_on_a_terminal(
        &env,
        &dir,
        "git commit -q --amend -m 'Base, amended'",
        Some("should not be read\n"),
        Duration::from_millis(1000),
    );
    assert!(out.status.success());
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(!screen.contains("What did it try?"), "{screen}");
    git(&env, &dir, &["checkout", "-q", "-b", "side", "HEAD~1"]);
    let out = git_on_a_terminal(
        &env,
        &dir,
        "git cherry-pick main",
        Some("should not be read either\n"),
        Duration::from_millis(1000),
    );
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("What did it try?"));
    let kinds: Vec<String> = entries(&env)
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["kind"].as_str().unwrap(),
                e["text"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(kinds.len(), 3, "{kinds:#?}");
    assert!(kinds[1].contains("(amend): Base, amended"), "{kinds:#?}");
    assert!(
        kinds[2].contains("on side (cherry-pick): Base, amended"),
        "{kinds:#?}"
    );
}

#[test]
fn a_background_commit_on_a_terminal_is_never_stopped_by_the_prompt() {
    if !has_script() {
        eprintln!("skipped: script(1) is not installed");
        return;
    }
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Background commit");
    casefile_in(&env, &dir, &["hook", "install"]);
    fs::write(dir.join("bg.txt"), "bg\n").unwrap();
    git(&env, &dir, &["add", "bg.txt"]);
    // `set -m`: job control, so `&` puts the commit in a background process group, as an
    // interactive shell does. Reading the terminal from there would stop the commit (SIGTTIN);
    // `timeout` turns such a hang into a failure instead of a stuck test.
    let start = Instant::now();
    let out = git_on_a_terminal(
        &env,
        &dir,
        "set -m; timeout 20 git commit -q -m 'In the background' & wait $!",
        None,
        Duration::ZERO,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(start.elapsed() < Duration::from_secs(15));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("What did it try?"));
    assert_eq!(events(&env).len(), 1);
}

#[test]
fn the_prompt_gives_up_after_its_timeout() {
    if !has_script() {
        eprintln!("skipped: script(1) is not installed");
        return;
    }
    let env = TestEnv::new();
    env.write_config("[hook]\nprompt_timeout = 1\n");
    let dir = repo(&env, "repo");
    env.new_case("Timeout");
    casefile_in(&env, &dir, &["hook", "install"]);
    let start = Instant::now();
    // Nobody types; stdin stays open for 8 s.
    let out = commit_on_a_terminal(&env, &dir, "Nobody answers", None, Duration::from_secs(0));
    let took = start.elapsed();
    assert!(out.status.success());
    assert!(took < Duration::from_secs(6), "took {took:?}");
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.contains("no answer"), "{screen}");
    assert_eq!(entries(&env).len(), 1);
}

// ---------------------------------------------------------------------------------------------
// generated files: completions, man page

fn update_generated() -> bool {
    std::env::var_os("UPDATE_GENERATED").is_some_and(|v| v != "0" && !v.is_empty())
}

/// Compare `actual` with the checked-in file (or rewrite it with UPDATE_GENERATED=1).
fn check_generated(path: &Path, actual: &[u8]) {
    if update_generated() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, actual).unwrap();
        return;
    }
    let expected = fs::read(path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} is out of date; regenerate with `UPDATE_GENERATED=1 cargo test --test workflow`",
        path.display()
    );
}

#[test]
fn completion_scripts_are_current() {
    let env = TestEnv::new();
    for (shell, file) in [
        ("bash", "casefile.bash"),
        ("zsh", "_casefile"),
        ("fish", "casefile.fish"),
        ("elvish", "casefile.elv"),
        ("powershell", "_casefile.ps1"),
    ] {
        let out = env.cmd().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        assert!(!out.stdout.is_empty());
        check_generated(&root().join("completions").join(file), &out.stdout);
    }
    let err = env.fails(&["completions", "tcsh"], 2);
    assert!(err.contains("tcsh"), "{err}");
}

/// Ask the binary for completions as fish would (`COMPLETE=fish casefile -- casefile …`).
fn dynamic_completions(env: &TestEnv, words: &[&str]) -> Vec<String> {
    let mut args = vec!["--", "casefile"];
    args.extend_from_slice(words);
    let out = env
        .cmd()
        .env("COMPLETE", "fish")
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('-'))
        .map(str::to_string)
        .collect()
}

#[test]
fn dynamic_completion_offers_case_slugs_and_entry_numbers_with_their_text() {
    let env = TestEnv::new();
    let first = env.new_case("Pool timeouts under load");
    env.ok(&["hypo", "the pool runs dry"]);
    env.ok(&["todo", "add a finally block"]);
    env.ok(&["note", "just a note"]);
    let second = env.new_case("Login loop");
    env.ok(&["close", "--abandoned", "--summary", "gave up"]);
    env.ok(&["use", &first]);

    let slugs = dynamic_completions(&env, &["use", ""]);
    assert_eq!(
        slugs,
        [
            format!("{first}\tPool timeouts under load"),
            format!("{second}\tLogin loop (abandoned)")
        ]
    );
    assert_eq!(dynamic_completions(&env, &["-C", ""]).len(), 2);
    assert_eq!(
        dynamic_completions(&env, &["confirm", ""]),
        ["1\thypothesis, open: the pool runs dry"]
    );
    assert_eq!(
        dynamic_completions(&env, &["done", ""]),
        ["2\taction, open: add a finally block"]
    );
    assert_eq!(dynamic_completions(&env, &["show", ""]).len(), 3);
    assert_eq!(
        dynamic_completions(&env, &["ev", "--supports", ""]),
        ["1\thypothesis, open: the pool runs dry"]
    );

    // The registration script comes from the binary itself.
    let out = env.cmd().env("COMPLETE", "bash").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("complete -o nospace"));
    // Without a case nothing is offered, and nothing fails.
    let empty = TestEnv::new();
    assert!(dynamic_completions(&empty, &["show", ""]).is_empty());
    // An ordinary command is untouched by COMPLETE being unset or empty.
    let out = env
        .cmd()
        .env("COMPLETE", "")
        .args(["note", "still works"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "#4 note\n");
}

#[test]
fn man_pages_are_current() {
    use clap::CommandFactory;
    let dir = tempfile::tempdir().unwrap();
    clap_mangen::generate_to(casefile::cli::Cli::command(), dir.path()).unwrap();
    let man = root().join("docs/man");
    let mut generated = names_in(dir.path());
    generated.sort();
    assert!(generated.contains(&"casefile.1".to_string()));
    assert!(generated.contains(&"casefile-note.1".to_string()));
    for name in &generated {
        check_generated(&man.join(name), &fs::read(dir.path().join(name)).unwrap());
    }
    if update_generated() {
        for stale in names_in(&man) {
            if !generated.contains(&stale) {
                fs::remove_file(man.join(stale)).unwrap();
            }
        }
    } else {
        assert_eq!(
            names_in(&man),
            generated,
            "docs/man has stale or missing pages"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// config

#[test]
fn an_unknown_config_key_names_the_file_line_and_key() {
    let env = TestEnv::new();
    env.write_config("author = \"Ada\"\n\n[status]\nrecnet = 3\n");
    // A command that needs the config fails with one line naming the file.
    let err = env.fails(&["new", "Config check"], 1);
    assert_one_error_line(&err);
    assert!(
        err.contains(&env.config_path().display().to_string()),
        "{err}"
    );
    let err = env.fails(&["config", "show"], 1);
    assert_one_error_line(&err);
    let path = env.config_path().display().to_string();
    assert!(err.contains(&format!("{path}:4")), "{err}");
    assert!(err.contains("status.recnet"), "{err}");
}

#[test]
fn a_bad_config_value_names_the_file_line_and_key() {
    let env = TestEnv::new();
    let path = env.config_path().display().to_string();
    for (text, want) in [
        ("color = \"sometimes\"\n", format!("{path}:1: key `color`")),
        (
            "[run]\noutput_cap = \"big\"\n",
            format!("{path}:2: key `run.output_cap`"),
        ),
        (
            "timezone = \"Mars/Olympus\"\n",
            format!("{path}:1: key `timezone`"),
        ),
        (
            "[hook]\nprompt_timeout = -1\n",
            format!("{path}:2: key `hook.prompt_timeout`"),
        ),
        ("author = \n", format!("{path}:1")),
    ] {
        env.write_config(text);
        let err = env.fails(&["config", "show"], 1);
        assert_one_error_line(&err);
        assert!(err.contains(&want), "{text:?}: {err}");
    }
}

#[test]
fn config_is_read_only_by_commands_that_need_it() {
    let env = TestEnv::new();
    env.write_config("this is = not toml [\n");
    let out = env.ok(&["config", "path"]);
    assert_eq!(out.trim(), env.config_path().display().to_string());
    env.ok(&["completions", "bash"]);
    env.ok(&["--help"]);
    env.fails(&["config", "show"], 1);
}

#[test]
fn config_show_tells_where_each_value_came_from() {
    let env = TestEnv::new();
    env.write_config("# mine\nauthor = \"Ada\"\n\n[status]\nrecent = 9\n\n[[redact.pattern]]\nname = \"ticket\"\nregex = \"TS-[0-9]{6}\"\n");
    let out = env
        .cmd()
        .env("EDITOR", "nano")
        .args(["config", "show"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let path = env.config_path().display().to_string();
    let line = |key: &str| -> String {
        text.lines()
            .find(|l| l.starts_with(&format!("{key} ")))
            .unwrap_or_else(|| panic!("no {key} in {text}"))
            .to_string()
    };
    assert!(
        text.starts_with(&format!("config file: {path} (from $CASEFILE_CONFIG)\n")),
        "{text}"
    );
    assert!(
        line("author").contains("Ada") && line("author").contains(&format!("config file {path}:2")),
        "{text}"
    );
    assert!(
        line("status.recent").contains(&format!("{path}:5")),
        "{text}"
    );
    assert!(
        line("redact.pattern").contains("ticket = TS-[0-9]{6}"),
        "{text}"
    );
    assert!(
        line("editor").contains("nano") && line("editor").contains("environment $EDITOR"),
        "{text}"
    );
    assert!(
        line("timezone").contains("UTC") && line("timezone").contains("environment $TZ"),
        "{text}"
    );
    assert!(line("run.output_cap").contains("(default)"), "{text}");
    assert!(line("hook.prompt_timeout").contains("60"), "{text}");

    let v: Value = serde_json::from_str(
        &String::from_utf8(
            env.cmd()
                .args(["config", "show", "--json", "--color", "never"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap(),
    )
    .unwrap();
    let settings = v["settings"].as_array().unwrap();
    let color = settings.iter().find(|s| s["key"] == "color").unwrap();
    assert_eq!(color["value"], "never");
    assert_eq!(color["origin"], "command-line");
    let recent = settings
        .iter()
        .find(|s| s["key"] == "status.recent")
        .unwrap();
    assert_eq!(recent["origin"], "file");
    assert_eq!(recent["line"], 5);

    // Without a file: defaults, and the path says it is missing.
    fs::remove_file(env.config_path()).unwrap();
    let text = env.ok(&["config"]);
    assert!(text.contains("not found"), "{text}");
    assert!(
        text.contains("status.recent") && text.contains("(default)"),
        "{text}"
    );
}

#[test]
fn the_config_prompt_timeout_of_zero_never_asks() {
    if !has_script() {
        return;
    }
    let env = TestEnv::new();
    env.write_config("[hook]\nprompt_timeout = 0\n");
    let dir = repo(&env, "repo");
    env.new_case("Never ask");
    casefile_in(&env, &dir, &["hook", "install"]);
    let out = commit_on_a_terminal(
        &env,
        &dir,
        "Quiet",
        Some("typed anyway\n"),
        Duration::from_millis(500),
    );
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("What did it try?"));
    assert_eq!(entries(&env).len(), 1);
}

// ---------------------------------------------------------------------------------------------
// docs

#[test]
fn the_command_reference_mentions_every_command_alias_and_flag() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, doc: &str, missing: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            if arg.is_hide_set() {
                continue;
            }
            if let Some(long) = arg.get_long() {
                if !doc.contains(&format!("--{long}")) {
                    missing.push(format!("{} --{long}", cmd.get_name()));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            if sub.is_hide_set() || sub.get_name() == "help" {
                continue;
            }
            let names = std::iter::once(sub.get_name()).chain(sub.get_visible_aliases());
            for name in names {
                let word =
                    regex::Regex::new(&format!(r"[`\s|(]{}[`\s|)]", regex::escape(name))).unwrap();
                if !word.is_match(doc) {
                    missing.push(format!("command {name}"));
                }
            }
            walk(sub, doc, missing);
        }
    }
    let doc = fs::read_to_string(root().join("docs/commands.md")).unwrap();
    let mut missing = Vec::new();
    // Subcommands are deferred (built only when used): build them all to see every flag.
    let mut cli = casefile::cli::Cli::command();
    cli.build();
    assert!(cli
        .find_subcommand("note")
        .unwrap()
        .get_arguments()
        .any(|a| a.get_long() == Some("at")));
    walk(&cli, &doc, &mut missing);
    assert!(
        missing.is_empty(),
        "docs/commands.md does not mention: {missing:?}"
    );
}

#[test]
fn every_command_has_its_own_description() {
    use clap::CommandFactory;
    let mut cli = casefile::cli::Cli::command();
    cli.build();
    let mut seen = std::collections::BTreeMap::new();
    for sub in cli.get_subcommands() {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        assert!(!about.is_empty(), "{} has no description", sub.get_name());
        if let Some(other) = seen.insert(about.clone(), sub.get_name().to_string()) {
            panic!(
                "{} and {other} share the description {about:?}",
                sub.get_name()
            );
        }
    }
    // And as a user sees it.
    let env = TestEnv::new();
    for (command, first_line) in [
        ("note", "Write a note: anything worth keeping"),
        ("hypo", "Write a hypothesis: a suspected cause"),
        ("todo", "Write an action: a next step or follow-up"),
    ] {
        let help = env.ok(&[command, "--help"]);
        assert_eq!(help.lines().next(), Some(first_line), "{help}");
    }
}

/// One `[HH:MM] $ casefile …` line of the guide and the output printed under it.
struct GuideStep {
    time: (u32, u32),
    words: Vec<String>,
    expected: Vec<String>,
}

/// The `console` blocks of docs/guide.md, as steps.
fn guide_steps(guide: &str) -> Vec<GuideStep> {
    let mut steps: Vec<GuideStep> = Vec::new();
    let mut in_console = false;
    for line in guide.lines() {
        if line.starts_with("```") {
            in_console = line.trim() == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        let parsed = line
            .strip_prefix('[')
            .and_then(|rest| rest.split_once("] $ "))
            .and_then(|(time, command)| {
                let (h, m) = time.split_once(':')?;
                Some(((h.parse().ok()?, m.parse().ok()?), command))
            });
        match parsed {
            Some((time, command)) => steps.push(GuideStep {
                time,
                words: shell_words::split(command).expect("guide command parses"),
                expected: Vec::new(),
            }),
            None => steps
                .last_mut()
                .expect("output before any command in the guide")
                .expected
                .push(line.to_string()),
        }
    }
    steps
}

/// Set the times of everything a guide step wrote to the step's wall-clock time (the guide's
/// day is Wednesday 2026-11-18 in New York), and the context to the guide's machine.
fn retime(db: &Path, step: &GuideStep, before_max: i64, started_ms: i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let (h, m) = step.time;
    let at = format!("2026-11-18T{h:02}:{m:02}:00-05:00");
    let ms = chrono::DateTime::parse_from_rfc3339(&at)
        .unwrap()
        .timestamp_millis();
    conn.execute(
        "UPDATE entry SET recorded_at = ?1, at_ms = CASE WHEN occurred_at IS NULL THEN ?2 ELSE at_ms END,
                          cwd = '/home/dana/src/checkout', host = 'dana-laptop',
                          duration_ms = CASE WHEN duration_ms IS NULL THEN NULL ELSE 2140 END
         WHERE number > ?3",
        rusqlite::params![at, ms, before_max],
    )
    .unwrap();
    // `run` evidence says how long the command took; pin that too.
    let took = regex::Regex::new(r"after [0-9][0-9.]* ?[a-z]+").unwrap();
    let runs: Vec<(i64, String)> = conn
        .prepare("SELECT number, text FROM entry WHERE number > ?1 AND duration_ms IS NOT NULL")
        .unwrap()
        .query_map([before_max], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (number, text) in runs {
        let text = took.replace(&text, "after 2.1 s");
        conn.execute(
            "UPDATE entry SET text = ?1 WHERE number = ?2",
            rusqlite::params![text, number],
        )
        .unwrap();
    }
    conn.execute(
        "UPDATE state_change SET at = ?1, at_ms = ?2 WHERE at_ms >= ?3",
        rusqlite::params![at, ms, started_ms],
    )
    .unwrap();
    let has_case_event: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'case_event'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
        > 0;
    if has_case_event {
        conn.execute(
            "UPDATE case_event SET at = ?1, at_ms = ?2 WHERE at_ms >= ?3",
            rusqlite::params![at, ms, started_ms],
        )
        .unwrap();
    }
    match step.words.get(1).map(String::as_str) {
        Some("new") => {
            conn.execute("UPDATE case_meta SET opened_at = ?1", [&at])
                .unwrap();
        }
        Some("close") => {
            conn.execute("UPDATE case_meta SET closed_at = ?1", [&at])
                .unwrap();
        }
        _ => {}
    }
}

#[test]
fn the_guide_runs_and_its_postmortem_is_current() {
    let guide = fs::read_to_string(root().join("docs/guide.md")).unwrap();
    let steps = guide_steps(&guide);
    assert!(steps.len() > 20, "the guide's commands were not found");
    let env = TestEnv::new();
    env.write_config("author = \"Dana Whitfield\"\ntimezone = \"America/New_York\"\n");
    // The application log the guide's `run` step counts in: 37 pool-exhaustion lines.
    let mut log = String::new();
    for i in 0..120 {
        if i % 3 == 0 && i / 3 < 37 {
            log.push_str(&format!("2026-11-17 14:{:02}:11 ERROR sqlalchemy.pool: QueuePool limit of size 20 overflow 0 reached, connection timed out, timeout 30.00\n", i % 60));
        } else {
            log.push_str(&format!(
                "2026-11-17 14:{:02}:09 INFO checkout: POST /pay 200\n",
                i % 60
            ));
        }
    }
    fs::write(env.work().join("checkout.log"), log).unwrap();

    let mut slug: Option<String> = None;
    for step in &steps {
        assert_eq!(
            step.words[0], "casefile",
            "guide commands start with casefile"
        );
        let before_max: i64 = match &slug {
            Some(slug) => rusqlite::Connection::open(env.case_file(slug))
                .unwrap()
                .query_row("SELECT coalesce(max(number), 0) FROM entry", [], |r| {
                    r.get(0)
                })
                .unwrap(),
            None => 0,
        };
        let started_ms = chrono::Utc::now().timestamp_millis() - 1;
        // stdout and stderr through one pipe, in the order a terminal shows them.
        let out = Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" \"$@\" 2>&1")
            .arg(binary())
            .args(&step.words[1..])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", env.user_home())
            .env("XDG_CONFIG_HOME", env.user_home().join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("CASEFILE_HOME", env.home())
            .env("CASEFILE_CONFIG", env.config_path())
            .env("USER", "dana")
            .env("TZ", "America/New_York")
            .current_dir(env.work())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let printed = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "guide step {:?} failed: {printed}",
            step.words
        );
        let printed: Vec<&str> = printed.lines().collect();
        assert_eq!(printed, step.expected, "guide step {:?}", step.words);
        if step.words[1] == "new" {
            slug = Some(printed[0].split_whitespace().next().unwrap().to_string());
        }
        retime(
            &env.case_file(slug.as_deref().unwrap()),
            step,
            before_max,
            started_ms,
        );
    }
    // Every example postmortem in docs/ is the guide's case, exported again.
    for name in ["postmortem.md", "postmortem-sre.md", "postmortem-aar.md"] {
        let exported = fs::read(env.work().join(name)).expect("the guide exports it");
        check_generated(&root().join(format!("docs/example-{name}")), &exported);
    }
}

#[test]
fn a_case_locked_by_another_writer_does_not_hold_up_the_commit() {
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    let slug = env.new_case("Locked");
    casefile_in(&env, &dir, &["hook", "install"]);
    // Another writer holds the case's write lock for the whole commit.
    let holder = rusqlite::Connection::open(env.case_file(&slug)).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let start = Instant::now();
    let out = commit(&env, &dir, "While the case is locked");
    let took = start.elapsed();
    assert!(out.status.success());
    assert!(took < Duration::from_secs(10), "the commit took {took:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("casefile: this commit was not recorded:"),
        "{stderr}"
    );
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert!(events(&env).is_empty());
}

#[test]
fn git_terminal_prompt_zero_silences_the_question() {
    if !has_script() {
        eprintln!("skipped: script(1) is not installed");
        return;
    }
    let env = TestEnv::new();
    let dir = repo(&env, "repo");
    env.new_case("Quiet git");
    casefile_in(&env, &dir, &["hook", "install"]);
    fs::write(dir.join("q.txt"), "q\n").unwrap();
    git(&env, &dir, &["add", "q.txt"]);
    let out = git_on_a_terminal(
        &env,
        &dir,
        "GIT_TERMINAL_PROMPT=0 git commit -q -m 'Quietly'",
        Some("typed anyway\n"),
        Duration::from_millis(500),
    );
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("What did it try?"));
    assert_eq!(entries(&env).len(), 1);
}

#[test]
fn a_bad_redaction_pattern_names_the_file_line_and_key_when_it_is_used() {
    let env = TestEnv::new();
    env.new_case("Bad pattern");
    env.write_config(
        "author = \"Ada\"\n\n[[redact.pattern]]\nname = \"fine\"\nregex = \"TS-[0-9]+\"\n\n[[redact.pattern]]\nname = \"broken\"\nregex = \"(unclosed\"\n",
    );
    let err = env.fails(&["note", "some text"], 1);
    assert_one_error_line(&err);
    let path = env.config_path().display().to_string();
    assert!(
        err.contains(&format!("{path}:7: key `redact.pattern[1]`")),
        "{err}"
    );
    assert!(err.contains("broken"), "{err}");
    assert!(env.json(&["log"]).as_array().unwrap().is_empty());
}
