//! The recorded git context never lies: in real repositories of every shape that misled the
//! instant reader before (issue 14), an ordinary write records git's branch and commit (or
//! `null`) and git's dirty answer or `null`; `run` records git's answer for all three.
//!
//! The oracle is git itself, asked after casefile (`git status` refreshes the index, which
//! would hide what casefile had to work out): `symbolic-ref`, `rev-parse`, and
//! `status --porcelain=v2 --untracked-files=no` (dirty: any record at all).

mod common;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::TestEnv;
use serde_json::Value;

/// A test world: casefile's isolated environment, with a git identity and defaults in the
/// fake user's global config (which casefile reads too).
struct World {
    env: TestEnv,
    /// Extra variables for both casefile and the oracle (`GIT_DIR`, ceilings, …).
    vars: Vec<(String, PathBuf)>,
}

impl World {
    fn new() -> World {
        let env = TestEnv::new();
        fs::write(
            env.user_home().join(".gitconfig"),
            "[user]\n\tname = Ada\n\temail = ada@example.com\n[init]\n\tdefaultBranch = main\n\
             [protocol \"file\"]\n\tallow = always\n[commit]\n\tgpgsign = false\n",
        )
        .expect("gitconfig");
        env.new_case("context");
        World {
            env,
            vars: Vec::new(),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.env.dir.path().join(rel)
    }

    fn git_cmd(&self, cwd: &Path) -> Command {
        let mut c = Command::new("git");
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.env.user_home())
            .env("XDG_CONFIG_HOME", self.env.user_home().join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("LC_ALL", "C")
            // For the post-commit hook, which runs casefile.
            .env("CASEFILE_HOME", self.env.home())
            .env("CASEFILE_CONFIG", self.env.config_path())
            .env("USER", "tester")
            .current_dir(cwd)
            .stdin(Stdio::null());
        for (k, v) in &self.vars {
            c.env(k, v);
        }
        c
    }

    fn git(&self, cwd: &Path, args: &[&str]) -> String {
        let out = self.git_cmd(cwd).args(args).output().expect("git");
        assert!(
            out.status.success(),
            "git {args:?} in {}: {}",
            cwd.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// A repository with a few committed files (`a.txt`, `d/b.txt`, `d/e/c.txt`, `run.sh`).
    fn repo(&self, rel: &str, init: &[&str]) -> PathBuf {
        let dir = self.path(rel);
        fs::create_dir_all(&dir).expect("mkdir");
        let mut args = vec!["init", "-q"];
        args.extend_from_slice(init);
        self.git(&dir, &args);
        write(&dir.join("a.txt"), "alpha\n");
        write(&dir.join("d/b.txt"), "bravo\n");
        write(&dir.join("d/e/c.txt"), "charlie\n");
        write(&dir.join("run.sh"), "echo hi\n");
        self.git(&dir, &["add", "-A"]);
        self.git(&dir, &["commit", "-qm", "one"]);
        dir
    }

    fn casefile(&self, cwd: &Path, args: &[&str]) -> Value {
        let mut cmd = self.env.cmd_in(cwd);
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        let out = cmd.arg("--json").args(args).output().expect("casefile");
        assert!(
            out.status.success(),
            "casefile {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).expect("json");
        v["context"].clone()
    }

    /// git's own answer in `cwd`: (branch as git's bytes, commit, dirty), `None` where git
    /// has none.
    fn truth(&self, cwd: &Path) -> (Option<Vec<u8>>, Option<String>, Option<bool>) {
        let out = |args: &[&str]| -> Output { self.git_cmd(cwd).args(args).output().expect("git") };
        let sym = out(&["symbolic-ref", "-q", "HEAD"]);
        let branch = sym.status.success().then(|| {
            let name = sym.stdout.trim_ascii_end();
            name.strip_prefix(b"refs/heads/").unwrap_or(name).to_vec()
        });
        let rev = out(&["rev-parse", "-q", "--verify", "HEAD^{commit}"]);
        let commit = rev
            .status
            .success()
            .then(|| String::from_utf8_lossy(&rev.stdout).trim().to_string());
        let st = out(&["status", "--porcelain=v2", "--untracked-files=no", "-z"]);
        let dirty = st.status.success().then_some(!st.stdout.is_empty());
        (branch, commit, dirty)
    }

    /// Asserts the bars in `cwd`: an ordinary write says git's branch and commit, and git's
    /// dirty answer or `null`; `run` says git's answer for all three. Returns the ordinary
    /// write's dirty for callers that want to see it known.
    fn check(&self, cwd: &Path) -> Value {
        let note = self.casefile(cwd, &["note", "context check"]);
        let run = self.casefile(cwd, &["run", "--", "true"]);
        let (branch, commit, dirty) = self.truth(cwd);
        let dirty_json = dirty.map_or(Value::Null, Value::Bool);
        let at = cwd.display();
        for (what, got) in [("note", &note), ("run", &run)] {
            let head = (branch_bytes(&got["git_branch"]), got["git_commit"].as_str());
            assert!(
                head == (branch.clone(), commit.as_deref()),
                "{at}: {what} branch/commit {} {}, git says {:?} {commit:?}",
                got["git_branch"],
                got["git_commit"],
                branch.as_deref().map(String::from_utf8_lossy),
            );
        }
        let got = &note["git_dirty"];
        assert!(
            *got == dirty_json || got.is_null(),
            "{at}: note git_dirty {got}, git says {dirty_json}"
        );
        assert_eq!(run["git_dirty"], dirty_json, "{at}: run git_dirty");
        got.clone()
    }
}

/// A recorded branch back to git's bytes. The documented form (docs/commands.md, "Git
/// context"): the name as is, except that a byte outside valid UTF-8 is written `\xHH`;
/// git forbids `\` in ref names. Decoded here independently of casefile's encoder.
fn branch_bytes(v: &Value) -> Option<Vec<u8>> {
    let s = v.as_str()?;
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.extend_from_slice(&rest.as_bytes()[..i]);
        let hex = rest
            .get(i + 2..i + 4)
            .filter(|_| rest[i + 1..].starts_with('x'));
        let byte = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
        out.push(byte.unwrap_or_else(|| panic!("bad escape in {s:?}")));
        rest = &rest[i + 4..];
    }
    out.extend_from_slice(rest.as_bytes());
    Some(out)
}

/// Whether this git has the reftable backend (2.45 and later); CI's distribution git may
/// not, and the reftable parts of these tests are skipped there, saying so.
fn git_has_reftable(w: &World) -> bool {
    let probe = w.path("reftable-probe");
    fs::create_dir_all(&probe).expect("mkdir");
    let ok = w
        .git_cmd(&probe)
        .args(["init", "-q", "--ref-format=reftable"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: this git has no reftable backend (git 2.45 or later)");
    }
    ok
}

fn write(path: &Path, text: &str) {
    if let Some(p) = path.parent() {
        fs::create_dir_all(p).expect("mkdir");
    }
    fs::write(path, text).expect("write");
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Sets a file's mtime some seconds into the past, as an old checkout would have it.
fn age(path: &Path, secs: u64) {
    let f = fs::File::options().write(true).open(path).expect("open");
    f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(secs))
        .expect("mtime");
}

#[test]
fn submodule_at_another_commit_or_edited_inside() {
    let w = World::new();
    let lib = w.repo("lib", &[]);
    let top = w.repo("top", &[]);
    w.git(
        &top,
        &["submodule", "add", "-q", lib.to_str().expect("utf8"), "sub"],
    );
    w.git(&top, &["commit", "-qm", "sub"]);
    w.check(&top);
    let sub = top.join("sub");
    // Edited inside.
    write(&sub.join("a.txt"), "edited in the submodule\n");
    w.check(&top);
    w.check(&sub);
    w.git(&sub, &["checkout", "--", "a.txt"]);
    w.check(&top);
    // Checked out at another commit.
    write(&sub.join("new.txt"), "n\n");
    w.git(&sub, &["add", "new.txt"]);
    w.git(&sub, &["commit", "-qm", "two"]);
    w.check(&top);
    // Untracked files inside do not count.
    w.git(&sub, &["checkout", "-q", "HEAD~1"]);
    write(&sub.join("untracked.txt"), "u\n");
    w.check(&top);
    // Not checked out at all.
    let clone = w.path("clone");
    w.git(
        w.env.dir.path(),
        &["clone", "-q", top.to_str().expect("utf8"), "clone"],
    );
    w.check(&clone);
    // An ignore setting changes git's answer: right or null.
    w.git(&top, &["config", "submodule.sub.ignore", "all"]);
    write(&sub.join("a.txt"), "edited again\n");
    w.check(&top);
}

#[test]
fn sparse_checkout_file_reappearing_outside_the_cone() {
    let w = World::new();
    let r = w.repo("r", &[]);
    write(&r.join("out/o.txt"), "outside\n");
    w.git(&r, &["add", "out/o.txt"]);
    w.git(&r, &["commit", "-qm", "out"]);
    w.git(&r, &["sparse-checkout", "set", "--cone", "d"]);
    assert!(!r.join("out/o.txt").exists());
    w.check(&r);
    write(&r.join("out/o.txt"), "edited outside the cone\n");
    w.check(&r);
    write(&r.join("out/o.txt"), "outside\n");
    w.check(&r);
}

#[test]
fn tracked_folder_replaced_by_a_symlink_to_a_copy() {
    let w = World::new();
    let r = w.repo("r", &[]);
    w.check(&r);
    let copy = w.path("copy-of-d");
    fs::rename(r.join("d"), &copy).expect("mv");
    symlink(&copy, r.join("d")).expect("symlink");
    // The symlinked folder is found without any hashing: known. (Every check compares with
    // git; on a loaded machine one may run out of the write's time budget and say `null`,
    // which is allowed, so a few tries are given for the known answer.)
    let dirty: Vec<Value> = (0..5).map(|_| w.check(&r)).collect();
    assert!(dirty.contains(&Value::Bool(true)), "{dirty:?}");
}

#[test]
fn line_ending_conversion_fresh_clone_untouched_and_touched() {
    let w = World::new();
    let src = w.path("src");
    fs::create_dir_all(&src).expect("mkdir");
    w.git(&src, &["init", "-q"]);
    write(&src.join(".gitattributes"), "*.bat text eol=crlf\n");
    write(&src.join("x.bat"), "echo one\necho two\n");
    write(&src.join("plain.txt"), "text\n");
    w.git(&src, &["add", "-A"]);
    w.git(&src, &["commit", "-qm", "bat"]);
    w.git(
        w.env.dir.path(),
        &["clone", "-q", src.to_str().expect("utf8"), "clone"],
    );
    let clone = w.path("clone");
    assert_eq!(
        fs::read(clone.join("x.bat")).expect("bat"),
        b"echo one\r\necho two\r\n"
    );
    w.check(&clone);
    age(&clone.join("x.bat"), 10);
    w.check(&clone);
    write(&clone.join("x.bat"), "echo one\r\necho 2!\r\n");
    w.check(&clone);

    // core.autocrlf=true, set before the clone checks out.
    let src2 = w.repo("src2", &[]);
    let _ = src2;
    w.git(
        w.env.dir.path(),
        &[
            "clone",
            "-q",
            "-c",
            "core.autocrlf=true",
            w.path("src2").to_str().expect("utf8"),
            "crlf",
        ],
    );
    let crlf = w.path("crlf");
    assert_eq!(fs::read(crlf.join("a.txt")).expect("a"), b"alpha\r\n");
    w.check(&crlf);
    age(&crlf.join("a.txt"), 10);
    w.check(&crlf);
}

#[test]
fn file_mode_false_through_include_path_and_include_if() {
    let w = World::new();
    let r = w.repo("r", &[]);
    write(&w.path("inc.cfg"), "[core]\n\tfileMode = false\n");
    w.git(
        &r,
        &[
            "config",
            "include.path",
            w.path("inc.cfg").to_str().expect("utf8"),
        ],
    );
    chmod(&r.join("run.sh"), 0o755);
    w.check(&r);
    // Relative to the including file, through a second level.
    w.git(&r, &["config", "--unset", "include.path"]);
    write(
        &r.join(".git/level1.cfg"),
        "[include]\n\tpath = ../../inc.cfg\n",
    );
    w.git(&r, &["config", "include.path", "level1.cfg"]);
    w.check(&r);
    // A conditional include that may set it: git's answer or null.
    w.git(&r, &["config", "--unset", "include.path"]);
    let cond = format!("includeIf.gitdir:{}/.path", r.display());
    w.git(
        &r,
        &["config", &cond, w.path("inc.cfg").to_str().expect("utf8")],
    );
    w.check(&r);
    let cond_other = "includeIf.gitdir:/nowhere/.path";
    w.git(
        &r,
        &[
            "config",
            "--remove-section",
            &format!("includeIf.gitdir:{}/", r.display()),
        ],
    );
    w.git(
        &r,
        &[
            "config",
            cond_other,
            w.path("inc.cfg").to_str().expect("utf8"),
        ],
    );
    w.check(&r);
}

#[test]
fn core_worktree_with_git_dir_from_a_subdirectory() {
    let mut w = World::new();
    let r = w.repo("r", &[]);
    let gd = w.path("store.git");
    fs::rename(r.join(".git"), &gd).expect("mv");
    w.git(
        w.env.dir.path(),
        &[
            "--git-dir",
            gd.to_str().expect("utf8"),
            "config",
            "core.worktree",
            r.to_str().expect("utf8"),
        ],
    );
    w.vars.push(("GIT_DIR".into(), gd.clone()));
    let sub = r.join("d/e");
    w.check(&sub);
    write(&r.join("d/b.txt"), "changed\n");
    w.check(&sub);
    // Outside the work tree, git has no work tree there: dirty unknown for everyone.
    let outside = w.path("work");
    w.check(&outside);
}

#[test]
fn stray_git_folder_holding_only_head_is_no_repository() {
    let w = World::new();
    let r = w.repo("r", &[]);
    let inner = r.join("d/inner");
    fs::create_dir_all(inner.join(".git")).expect("mkdir");
    fs::write(inner.join(".git/HEAD"), "ref: refs/heads/other\n").expect("HEAD");
    let dirty = w.check(&inner);
    let _ = dirty;
    let note = w.casefile(&inner, &["note", "x"]);
    assert_eq!(note["git_branch"], "main");
}

#[test]
fn head_as_a_symlink_prefer_symlink_refs() {
    let w = World::new();
    let r = w.repo("r", &[]);
    w.git(&r, &["config", "core.preferSymlinkRefs", "true"]);
    w.git(&r, &["checkout", "-qb", "topic"]);
    assert!(fs::symlink_metadata(r.join(".git/HEAD"))
        .expect("HEAD")
        .file_type()
        .is_symlink());
    w.check(&r);
    let note = w.casefile(&r, &["note", "x"]);
    assert_eq!(note["git_branch"], "topic");
    // An unborn branch through a dangling symlink.
    fs::remove_file(r.join(".git/HEAD")).expect("rm");
    symlink("refs/heads/unborn", r.join(".git/HEAD")).expect("symlink");
    w.check(&r);
    assert_eq!(w.casefile(&r, &["note", "x"])["git_branch"], "unborn");
}

#[test]
fn bare_repository_inside_a_work_tree() {
    let w = World::new();
    let r = w.repo("r", &[]);
    w.git(&r, &["clone", "-q", "--bare", ".", "inner.git"]);
    w.git(
        &r.join("inner.git"),
        &["branch", "-q", "-m", "main", "bare-branch"],
    );
    w.check(&r.join("inner.git"));
    w.check(&r.join("inner.git/refs"));
    assert_eq!(
        w.casefile(&r.join("inner.git"), &["note", "x"])["git_branch"],
        "bare-branch"
    );
}

#[test]
fn run_is_exact_in_sha256_reftable_split_index_shared_and_non_utf8_branch() {
    let w = World::new();
    let sha = w.repo("sha", &["--object-format=sha256"]);
    w.check(&sha);
    write(&sha.join("a.txt"), "edited\n");
    w.check(&sha);
    if git_has_reftable(&w) {
        let rt = w.repo("rt", &["--ref-format=reftable"]);
        w.check(&rt);
        write(&rt.join("a.txt"), "edited\n");
        w.check(&rt);
        w.git(&rt, &["checkout", "-qb", "topic"]);
        w.check(&rt);
        w.git(&rt, &["commit", "-qam", "two"]);
        w.git(&rt, &["checkout", "-q", "--detach", "main"]);
        w.check(&rt);
    }
    let split = w.repo("split", &[]);
    w.git(&split, &["update-index", "--split-index"]);
    w.check(&split);
    w.git(&split, &["rm", "-q", "--cached", "a.txt"]);
    w.check(&split);
    w.git(
        w.env.dir.path(),
        &[
            "clone",
            "-q",
            "--shared",
            sha_free(&w).to_str().expect("utf8"),
            "shared",
        ],
    );
    let shared = w.path("shared");
    w.check(&shared);
    write(&shared.join("d/b.txt"), "b!\n");
    w.git(&shared, &["add", "-A"]);
    w.check(&shared);
    // A branch name that is not UTF-8: git's bytes, escaped losslessly, in both paths.
    let r = w.repo("latin1", &[]);
    let name = OsStr::from_bytes(b"caf\xe9-\xc3\xa9");
    let out = w
        .git_cmd(&r)
        .arg("checkout")
        .arg("-qb")
        .arg(name)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    w.check(&r);
    let run = w.casefile(&r, &["run", "--", "true"]);
    assert_eq!(run["git_branch"], "caf\\xe9-\u{e9}");
    let note = w.casefile(&r, &["note", "x"]);
    assert_eq!(note["git_branch"], "caf\\xe9-\u{e9}");
}

#[test]
fn symbolic_ref_chains_and_linked_worktrees() {
    let w = World::new();
    let r = w.repo("r", &[]);
    // HEAD → alias → main: git names the branch at the end of the chain.
    w.git(&r, &["symbolic-ref", "refs/heads/alias", "refs/heads/main"]);
    w.git(&r, &["symbolic-ref", "HEAD", "refs/heads/alias"]);
    w.check(&r);
    assert_eq!(w.casefile(&r, &["note", "x"])["git_branch"], "main");
    w.git(&r, &["symbolic-ref", "HEAD", "refs/heads/main"]);
    let mut formats = vec![("files", w.path("files-wt"), r.clone())];
    if git_has_reftable(&w) {
        let rt = w.repo("rt", &["--ref-format=reftable"]);
        formats.push(("reftable", w.path("reftable-wt"), rt));
    }
    for (what, wt, repo) in formats {
        let wt_arg = wt.to_str().expect("utf8");
        w.git(&repo, &["worktree", "add", "-q", "-b", what, wt_arg]);
        w.check(&wt);
        assert_eq!(w.casefile(&wt, &["note", "x"])["git_branch"], what);
        write(&wt.join("a.txt"), "edited in the worktree\n");
        w.git(&wt, &["commit", "-qam", "in the worktree"]);
        w.git(&wt, &["checkout", "-q", "--detach", "HEAD~1"]);
        w.check(&wt);
        w.check(&repo);
        // Packed (or compacted) refs, with the worktree's branch moved by `update-ref`.
        w.git(&repo, &["pack-refs", "--all"]);
        w.git(&wt, &["checkout", "-q", what]);
        w.git(
            &repo,
            &["update-ref", &format!("refs/heads/{what}"), "main"],
        );
        w.check(&wt);
    }
}

/// A plain repository to clone with `--shared` (objects through alternates).
fn sha_free(w: &World) -> PathBuf {
    w.repo("origin-for-shared", &[])
}

#[test]
fn ceiling_directories_stop_discovery() {
    let mut w = World::new();
    let r = w.repo("r", &[]);
    let deep = r.join("d/e");
    w.vars.push(("GIT_CEILING_DIRECTORIES".into(), r.join("d")));
    let note = w.casefile(&deep, &["note", "x"]);
    assert_eq!(note["git_commit"], Value::Null);
    w.check(&deep);
    // The ceiling itself is still searched when it is where we start.
    w.check(&r.join("d"));
}

#[test]
fn run_describes_the_tree_before_the_command() {
    let w = World::new();
    let r = w.repo("r", &[]);
    let run = w.casefile(&r, &["run", "--", "sh", "-c", "echo changed > a.txt"]);
    assert_eq!(
        run["git_dirty"], false,
        "the tree was clean when the command started"
    );
    let run = w.casefile(&r, &["run", "--", "git", "checkout", "--", "a.txt"]);
    assert_eq!(run["git_dirty"], true);
    assert_eq!(w.truth(&r).2, Some(false));
}

/// Random small histories; after each step the instant path says git's branch and commit
/// and git's dirty answer or null, and `run` says git's answer. Seed with `CONTEXT_SEED`,
/// steps with `CONTEXT_STEPS`.
#[test]
fn random_histories_agree_with_git() {
    let w = World::new();
    let lib = w.repo("lib", &[]);
    let r = w.repo("r", &[]);
    w.git(
        &r,
        &["submodule", "add", "-q", lib.to_str().expect("utf8"), "sub"],
    );
    w.git(&r, &["commit", "-qm", "sub"]);
    random_history(&w, &r, 120, 25);
}

/// The same in a reftable repository, where branch switches, `update-ref`, deletions and
/// `pack-refs` (compaction) grow and shrink the table stack.
#[test]
fn random_histories_agree_with_git_in_a_reftable_repository() {
    let w = World::new();
    if !git_has_reftable(&w) {
        return;
    }
    let r = w.repo("r", &["--ref-format=reftable"]);
    random_history(&w, &r, 60, 15);
}

fn random_history(w: &World, r: &Path, default_steps: usize, max_secs: u64) {
    let mut seed: u64 = std::env::var("CONTEXT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x2545_f491_4f6c_dd1d);
    let steps: usize = std::env::var("CONTEXT_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default_steps);
    let mut rand = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let files = [
        "a.txt",
        "d/b.txt",
        "d/e/c.txt",
        "run.sh",
        "x.bat",
        "d/n.txt",
        "link",
    ];
    let branches: [&[u8]; 5] = [b"main", b"topic", b"feature/x", b"caf\xe9", b"zz"];
    let started = std::time::Instant::now();
    let (mut known, mut done, mut detached, mut on_branch) = (0, 0, 0, 0);
    for step in 0..steps {
        if started.elapsed().as_secs() > max_secs {
            break;
        }
        done += 1;
        let f = files[rand(files.len())];
        let p = r.join(f);
        let op = rand(22);
        let git_ok = |args: &[&OsStr]| {
            w.git_cmd(r)
                .args(args)
                .output()
                .is_ok_and(|o| o.status.success())
        };
        let run_git = |args: &[&str]| {
            let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
            git_ok(&args);
        };
        let branch = OsStr::from_bytes(branches[rand(branches.len())]);
        match op {
            0 => write(&p, &format!("edit {step}\n")),
            1 if p.is_file() => {
                let mut t = fs::read(&p).expect("read");
                t[0] ^= 1;
                fs::write(&p, t).expect("write");
            }
            2 => run_git(&["add", "-A"]),
            3 => run_git(&["commit", "-qam", "step"]),
            4 if p.is_file() => chmod(&p, if rand(2) == 0 { 0o755 } else { 0o644 }),
            5 if p.exists() => {
                let _ = fs::remove_file(&p);
            }
            6 => run_git(&["mv", "-k", f, &format!("{f}.moved")]),
            7 => {
                let _ = fs::remove_file(r.join("link"));
                let _ = symlink(
                    if rand(2) == 0 { "a.txt" } else { "d/b.txt" },
                    r.join("link"),
                );
            }
            8 => run_git(&["checkout", "-q", "--", "."]),
            9 => run_git(&["reset", "-q"]),
            10 if r.join(".gitmodules").exists() => {
                let to = if r.join("sub").exists() {
                    "moved-sub"
                } else {
                    "sub"
                };
                let from = if to == "sub" { "moved-sub" } else { "sub" };
                run_git(&["mv", from, to]);
            }
            11 if r.join(".gitmodules").exists() => {
                let sub = if r.join("sub").exists() {
                    r.join("sub")
                } else {
                    r.join("moved-sub")
                };
                write(&sub.join("a.txt"), &format!("sub edit {step}\n"));
                if rand(2) == 0 {
                    let _ = w
                        .git_cmd(&sub)
                        .args(["commit", "-qam", "sub step"])
                        .output();
                }
            }
            12 => write(
                &r.join(".gitattributes"),
                ["*.bat text eol=crlf\n", "*.txt text\n", "*.sh -text\n"][rand(3)],
            ),
            13 if p.is_file() => age(&p, 1 + rand(100) as u64),
            14 => run_git(&["commit", "-qm", "staged only", "--allow-empty"]),
            15 => run_git(&["stash", "-q"]),
            // Branch switches (an existing branch, else a new one here), with or without
            // carrying the changes along.
            16 | 17 => {
                let force: &[&OsStr] = if op == 17 { &["-f".as_ref()] } else { &[] };
                let co = [OsStr::new("checkout"), OsStr::new("-q")];
                if !git_ok(&[&co[..], force, &[branch]].concat()) {
                    git_ok(&[&co[..], &["-b".as_ref(), branch]].concat());
                }
            }
            18 => run_git(&["checkout", "-q", "--detach", ["HEAD", "HEAD~1"][rand(2)]]),
            19 => run_git(&["pack-refs", "--all"]),
            // A branch moved under HEAD or beside it, or deleted (HEAD's branch unborn then).
            20 => {
                let mut full = b"refs/heads/".to_vec();
                full.extend_from_slice(branch.as_bytes());
                let full = OsStr::from_bytes(&full);
                let args: Vec<&OsStr> = match rand(3) {
                    0 => vec!["update-ref".as_ref(), "-d".as_ref(), full],
                    1 => vec!["update-ref".as_ref(), full, "HEAD~1".as_ref()],
                    _ => vec!["update-ref".as_ref(), full, "HEAD".as_ref()],
                };
                git_ok(&args);
            }
            21 => {
                let mut full = b"refs/heads/".to_vec();
                full.extend_from_slice(branch.as_bytes());
                git_ok(&[
                    "symbolic-ref".as_ref(),
                    "HEAD".as_ref(),
                    OsStr::from_bytes(&full),
                ]);
            }
            _ => continue,
        }
        // Shown with a failure: the history that led to it.
        eprintln!("step {step}: op {op} on {f}");
        let note = w.check(r);
        if !note.is_null() {
            known += 1;
        }
        match w.truth(r).0 {
            Some(_) => on_branch += 1,
            None => detached += 1,
        }
    }
    eprintln!(
        "{known} of {done} steps known by the instant path; {detached} detached, {on_branch} on a branch"
    );
    assert!(known > 0, "the instant path never knew");
    assert!(detached > 0 && on_branch > 0, "the history never switched");
}

#[test]
fn show_and_run_help_say_what_the_context_means() {
    let w = World::new();
    for cmd in ["show", "run"] {
        let out = w.env.ok(&[cmd, "--help"]);
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        for needle in [
            "what `git describe --dirty` means",
            "untracked files do not count",
            "null means unknown",
            "before it starts the command",
            "either ref format (files or reftable)",
            "outside UTF-8 written \\xHH",
        ] {
            assert!(
                flat.contains(needle),
                "{cmd} --help lacks {needle:?}:\n{out}"
            );
        }
    }
}

#[test]
fn git_c_and_git_work_tree_variables() {
    let mut w = World::new();
    let r = w.repo("r", &[]);
    chmod(&r.join("run.sh"), 0o755);
    // `git -c core.fileMode=false` as a hook or alias passes it on.
    w.vars.push((
        "GIT_CONFIG_PARAMETERS".into(),
        PathBuf::from("'core.filemode'='false'"),
    ));
    w.check(&r);
    w.vars.clear();
    w.check(&r);
    chmod(&r.join("run.sh"), 0o644);
    // GIT_WORK_TREE alone names the work tree for the discovered repository.
    let copy = w.path("copy");
    fs::create_dir_all(&copy).expect("mkdir");
    for f in ["a.txt", "run.sh"] {
        fs::copy(r.join(f), copy.join(f)).expect("cp");
    }
    w.vars.push(("GIT_WORK_TREE".into(), copy.clone()));
    w.check(&r);
}

#[test]
fn the_hook_records_git_answer_after_partial_and_all_commits() {
    let w = World::new();
    for (name, init) in [("plain", &[][..]), ("sha", &["--object-format=sha256"][..])] {
        let r = w.repo(name, init);
        w.env
            .ok(&["hook", "install", "--repo", r.to_str().expect("utf8")]);
        let cases: [(&str, &[&str]); 3] = [
            // A partial commit leaves another staged change and an unstaged one.
            ("partial", &["commit", "-qm", "partial", "a.txt"]),
            ("all", &["commit", "-qam", "all"]),
            ("amend", &["commit", "-q", "--amend", "-m", "amended"]),
        ];
        for (what, args) in cases {
            write(&r.join("a.txt"), &format!("{what} a\n"));
            write(&r.join("d/b.txt"), &format!("{what} b\n"));
            w.git(&r, &["add", "d/b.txt"]);
            write(&r.join("d/e/c.txt"), &format!("{what} c\n"));
            w.git(&r, args);
            let out = w.env.ok(&["--json", "log", "--kind", "event"]);
            let v: Value = serde_json::from_str(&out).expect("json");
            let list = v
                .as_array()
                .or_else(|| v["entries"].as_array())
                .expect("entries");
            let last = &list[list.len() - 1]["context"];
            let (branch, commit, dirty) = w.truth(&r);
            assert_eq!(
                branch_bytes(&last["git_branch"]),
                Some(branch.expect("branch")),
                "{name} {what}"
            );
            assert_eq!(
                last["git_commit"],
                commit.expect("commit").as_str(),
                "{name} {what}"
            );
            assert_eq!(last["git_dirty"], dirty.expect("dirty"), "{name} {what}");
            w.git(&r, &["commit", "-qam", "clean up", "--allow-empty"]);
        }
    }
}

#[test]
fn without_git_run_falls_back_to_the_instant_reader() {
    let w = World::new();
    let r = w.repo("r", &[]);
    let commit = w.git(&r, &["rev-parse", "HEAD"]);
    let t = ["/bin/true", "/usr/bin/true"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("true");
    let out = w
        .env
        .cmd_in(&r)
        .env("PATH", w.path("empty-path"))
        .args(["--json", "run", "--", t])
        .output()
        .expect("casefile");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["context"]["git_commit"], commit.as_str());
    assert_eq!(v["context"]["git_branch"], "main");
    assert!(matches!(
        v["context"]["git_dirty"],
        Value::Bool(false) | Value::Null
    ));
}
