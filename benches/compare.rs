//! The benchmark: casefile against its peers, side by side.
//!
//! `cargo bench --bench compare` (or `bench/run`) builds the floor program (`bench/floor`: a
//! minimal clap + rusqlite insert/read/dump), generates the data sets with the casefile
//! library, and for every performance target in the contract runs the casefile command and its
//! peer in alternation, many times, printing medians and the ratio of medians. It writes
//! `docs/benchmarks.md` with the machine, the figures and the targets, and says where a target
//! is missed. `--quick` runs fewer rounds on smaller data (CI); the full run is the one the
//! figures in the docs come from.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use casefile::home::Home;
use casefile::model::{CommandInfo, Context, Kind, LinkType, State};
use casefile::store::entries::{self, NewEntry};
use casefile::store::{CaseStore, NewCase};

const CASEFILE: &str = env!("CARGO_BIN_EXE_casefile");

struct Options {
    quick: bool,
    rounds: usize,
    write_doc: bool,
    /// `--only write,export`: the groups to run (all when empty).
    only: Vec<String>,
}

impl Options {
    fn wants(&self, group: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|g| g == group)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    // `cargo bench` passes `--bench`; ignore anything we do not know.
    let rounds = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|r| r.parse().ok())
        .unwrap_or(if quick { 15 } else { 200 });
    let only: Vec<String> = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .map(|groups| groups.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    let opts = Options {
        quick,
        rounds,
        // A partial run does not rewrite the report.
        write_doc: !quick && only.is_empty() && !args.iter().any(|a| a == "--no-doc"),
        only,
    };
    if let Err(err) = run(&opts) {
        eprintln!("bench: error: {err}");
        std::process::exit(1);
    }
}

/// One comparison: casefile's median, the peer's median, the ratio and the target.
struct Figure {
    group: &'static str,
    what: String,
    peer: String,
    ours_ms: f64,
    peer_ms: f64,
    target: Option<f64>,
}

impl Figure {
    fn ratio(&self) -> f64 {
        self.ours_ms / self.peer_ms
    }

    fn verdict(&self) -> &'static str {
        match self.target {
            Some(t) if self.ratio() <= t => "met",
            Some(_) => "MISSED",
            None => "—",
        }
    }
}

struct Memory {
    what: String,
    kib: Vec<(usize, u64)>,
}

fn run(opts: &Options) -> Result<(), String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let floor = build_floor(&root)?;
    let work = root.join("target").join("bench-work");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    // Measure with no config file and no current case: every command names its case.
    std::env::set_var("CASEFILE_CONFIG", work.join("no-config.toml"));
    std::env::set_var("CASEFILE_CASE", "bench");
    std::env::remove_var("CASEFILE_HOME");
    let mut figures: Vec<Figure> = Vec::new();
    let mut memory: Vec<Memory> = Vec::new();
    let mut notes: Vec<String> = Vec::new();

    // ---- writes, outside any git work tree, on disk and on tmpfs
    let plain = work.join("plain");
    std::fs::create_dir_all(&plain).map_err(|e| e.to_string())?;
    let home = work.join("home");
    make_case(&home, "bench", 0)?;
    let floor_db = work.join("floor-write.sqlite");
    if opts.wants("write") {
        for (kind, args) in [
            ("note", vec!["note"]),
            ("hypo", vec!["hypo"]),
            ("ev", vec!["ev"]),
            ("dead", vec!["dead"]),
            ("event", vec!["event"]),
            ("todo", vec!["todo"]),
        ] {
            let mut ours = args.clone();
            ours.extend([
                "the", "resync", "loop", "started", "again", "after", "failover",
            ]);
            let fig = pair(
                opts.rounds,
                &plain,
                &[("CASEFILE_HOME", home.as_os_str())],
                CASEFILE,
                &ours,
                floor.to_str().unwrap_or_default(),
                &[
                    floor_db.to_str().unwrap_or_default(),
                    "the resync loop started again after failover",
                ],
            )?;
            figures.push(Figure {
                group: "write",
                what: format!("`casefile {kind} …`"),
                peer: "floor insert".into(),
                ours_ms: fig.0,
                peer_ms: fig.1,
                target: Some(1.25),
            });
        }
        if Path::new("/dev/shm").is_dir() {
            let shm = tempfile::Builder::new()
                .prefix("casefile-bench")
                .tempdir_in("/dev/shm")
                .map_err(|e| e.to_string())?;
            let shm_home = shm.path().join("home");
            make_case(&shm_home, "bench", 0)?;
            let shm_floor = shm.path().join("floor.sqlite");
            let fig = pair(
                opts.rounds,
                &plain,
                &[("CASEFILE_HOME", shm_home.as_os_str())],
                CASEFILE,
                &["note", "the", "resync", "loop", "started", "again"],
                floor.to_str().unwrap_or_default(),
                &[
                    shm_floor.to_str().unwrap_or_default(),
                    "the resync loop started again",
                ],
            )?;
            figures.push(Figure {
                group: "write",
                what: "`casefile note …`, home on tmpfs (CPU cost)".into(),
                peer: "floor insert on tmpfs".into(),
                ours_ms: fig.0,
                peer_ms: fig.1,
                target: None,
            });
        }
    }
    // ---- capture: a pasted log of a few KiB, clean and with secrets in it (issue 13 asks the
    // benchmark to report both; the bar on writes is the group above)
    if opts.wants("write") {
        for (what, text) in [
            ("clean", capture_text(false)),
            ("secret-laden", capture_text(true)),
        ] {
            let mut ours = vec!["ev"];
            ours.push(&text);
            let fig = pair(
                opts.rounds,
                &plain,
                &[("CASEFILE_HOME", home.as_os_str())],
                CASEFILE,
                &ours,
                floor.to_str().unwrap_or_default(),
                &[floor_db.to_str().unwrap_or_default(), &text],
            )?;
            figures.push(Figure {
                group: "write",
                what: format!("`casefile ev …`, a {} B {what} log excerpt", text.len()),
                peer: "floor insert of the same text".into(),
                ours_ms: fig.0,
                peer_ms: fig.1,
                target: None,
            });
        }
    }
    // ---- a write inside a git work tree of 5,000 files
    if opts.wants("git") {
        let files = if opts.quick { 1_000 } else { 5_000 };
        match make_git_tree(&work.join("repo"), files) {
            Ok(repo) => {
                let fig = pair(
                    opts.rounds,
                    &repo,
                    &[("CASEFILE_HOME", home.as_os_str())],
                    CASEFILE,
                    &["note", "tried", "the", "patch", "on", "staging"],
                    floor.to_str().unwrap_or_default(),
                    &[
                        floor_db.to_str().unwrap_or_default(),
                        "tried the patch on staging",
                    ],
                )?;
                figures.push(Figure {
                    group: "write",
                    what: format!("`casefile note …` inside a git work tree of {files} files"),
                    peer: "floor insert".into(),
                    ours_ms: fig.0,
                    peer_ms: fig.1,
                    target: Some(1.5),
                });
            }
            Err(e) => notes.push(format!("git work tree benchmark skipped: {e}")),
        }
    }
    // ---- run -- true against true
    if opts.wants("run") {
        let t = which("true").unwrap_or_else(|| PathBuf::from("/bin/true"));
        let fig = pair(
            opts.rounds,
            &plain,
            &[("CASEFILE_HOME", home.as_os_str())],
            CASEFILE,
            &["run", "--", t.to_str().unwrap_or("true")],
            t.to_str().unwrap_or("true"),
            &[],
        )?;
        figures.push(Figure {
            group: "write",
            what: "`casefile run -- true`".into(),
            peer: "`true`".into(),
            ours_ms: fig.0,
            peer_ms: fig.1,
            target: None,
        });
    }
    // ---- reads on a 10,000-entry case
    let big = if opts.quick { 2_000 } else { 10_000 };
    let big_home = work.join("home-big");
    make_case(&big_home, "big", big)?;
    let big_floor = work.join("floor-big.sqlite");
    make_floor_db(&big_floor, big)?;
    let env_big = [("CASEFILE_HOME", big_home.as_os_str())];
    let floor_s = floor.to_str().unwrap_or_default();
    let big_floor_s = big_floor.to_str().unwrap_or_default();
    if opts.wants("read") {
        for (what, args, target) in [
            ("status", vec!["-C", "big", "status"], 1.5),
            (
                "log --limit 20",
                vec!["-C", "big", "log", "--limit", "20"],
                1.5,
            ),
        ] {
            let fig = pair(
                opts.rounds,
                &plain,
                &env_big,
                CASEFILE,
                &args,
                floor_s,
                &[big_floor_s, "--read"],
            )?;
            figures.push(Figure {
                group: "read",
                what: format!("`casefile {what}` at {big} entries"),
                peer: "floor --read".into(),
                ours_ms: fig.0,
                peer_ms: fig.1,
                target: Some(target),
            });
        }
    }
    // ---- export
    let export_rounds = (opts.rounds / 4).max(5);
    if opts.wants("export") {
        for (what, args, target) in [
            ("export (Markdown)", vec!["-C", "big", "export"], 3.0),
            (
                "export --format json",
                vec!["-C", "big", "export", "--format", "json"],
                5.0,
            ),
        ] {
            match pair(
                export_rounds,
                &plain,
                &env_big,
                CASEFILE,
                &args,
                floor_s,
                &[big_floor_s, "--dump"],
            ) {
                Ok(fig) => figures.push(Figure {
                    group: "export",
                    what: format!("`casefile {what}` at {big} entries"),
                    peer: "floor --dump".into(),
                    ours_ms: fig.0,
                    peer_ms: fig.1,
                    target: Some(target),
                }),
                Err(e) => notes.push(format!("{what}: {e}")),
            }
        }
    }
    // ---- import of a bundle of the big case
    if opts.wants("import") {
        let bundle = work.join("big-bundle.json");
        let exported = Command::new(CASEFILE)
            .args(["-C", "big", "export", "--format", "json", "-o"])
            .arg(&bundle)
            .env("CASEFILE_HOME", &big_home)
            .output()
            .map_err(|e| e.to_string())?;
        if exported.status.success() {
            let mut times = Vec::new();
            for i in 0..export_rounds.min(7) {
                let home = work.join(format!("import-{i}"));
                let started = Instant::now();
                let out = Command::new(CASEFILE)
                    .arg("import")
                    .arg(&bundle)
                    .env("CASEFILE_HOME", &home)
                    .output()
                    .map_err(|e| e.to_string())?;
                if !out.status.success() {
                    notes.push(format!(
                        "import failed: {}",
                        String::from_utf8_lossy(&out.stderr).trim()
                    ));
                    break;
                }
                times.push(ms(started.elapsed()));
            }
            if !times.is_empty() {
                let dump = median_of(export_rounds, || {
                    time_once(&plain, &[], floor_s, &[big_floor_s, "--dump"])
                })?;
                figures.push(Figure {
                    group: "export",
                    what: format!("`casefile import` of a {big}-entry bundle into an empty home"),
                    peer: "floor --dump".into(),
                    ours_ms: median(&mut times),
                    peer_ms: dump,
                    target: None,
                });
            }
        } else {
            notes.push(format!(
                "import benchmark skipped: export --format json failed: {}",
                String::from_utf8_lossy(&exported.stderr).trim()
            ));
        }
    }
    // ---- search --all against ripgrep
    if opts.wants("search") {
        if opts.quick {
            notes.push("search --all over 200 × 1,000 entries: full run only".into());
        } else {
            match search_figures(&work, opts.rounds.min(50)) {
                Ok(mut f) => figures.append(&mut f),
                Err(e) => notes.push(format!("search benchmark: {e}")),
            }
        }
    }
    // ---- sync through a bare repository on this machine
    if opts.wants("sync") {
        match sync_figures(&work, &plain, opts) {
            Ok(mut f) => figures.append(&mut f),
            Err(e) => notes.push(format!("sync benchmark: {e}")),
        }
    }
    // ---- minutes --all against ripgrep
    if opts.wants("minutes") {
        // Building 200,000 entries is slow: in quick mode only when asked for by name.
        if opts.quick && !opts.only.iter().any(|g| g == "minutes") {
            notes.push("minutes --all over 200 × 1,000 entries: full run or --only minutes".into());
        } else {
            match minutes_figures(&work, opts.rounds.min(50)) {
                Ok(mut f) => figures.append(&mut f),
                Err(e) => notes.push(format!("minutes benchmark: {e}")),
            }
        }
    }
    // ---- peak memory
    if opts.wants("memory") {
        let sizes: Vec<usize> = if opts.quick {
            vec![1_000, 5_000]
        } else {
            vec![1_000, 10_000, 100_000]
        };
        let mut status_mem = Memory {
            what: "status".into(),
            kib: Vec::new(),
        };
        let mut export_mem = Memory {
            what: "export (Markdown)".into(),
            kib: Vec::new(),
        };
        let mut json_mem = Memory {
            what: "export --format json".into(),
            kib: Vec::new(),
        };
        for &n in &sizes {
            let home = work.join(format!("home-mem-{n}"));
            make_case(&home, "mem", n)?;
            let env = [("CASEFILE_HOME", home.as_os_str())];
            status_mem.kib.push((
                n,
                peak_kib(&plain, &env, CASEFILE, &["-C", "mem", "status"])?,
            ));
            export_mem.kib.push((
                n,
                peak_kib(&plain, &env, CASEFILE, &["-C", "mem", "export"])?,
            ));
            json_mem.kib.push((
                n,
                peak_kib(
                    &plain,
                    &env,
                    CASEFILE,
                    &["-C", "mem", "export", "--format", "json"],
                )?,
            ));
        }
        memory.extend([status_mem, export_mem, json_mem]);
    }
    let report = report(opts, &figures, &memory, &notes);
    print!("{report}");
    if opts.write_doc {
        std::fs::write(root.join("docs").join("benchmarks.md"), &report)
            .map_err(|e| e.to_string())?;
        println!("\nwrote docs/benchmarks.md");
    }
    Ok(())
}

/// `sync` against `git fetch` from the same bare repository: the first push of a 10,000-entry
/// case (against the contract's 3 s), a sync with nothing new, and a sync after one new entry.
fn sync_figures(work: &Path, plain: &Path, opts: &Options) -> Result<Vec<Figure>, String> {
    let n = 10_000;
    let home = work.join("home-sync");
    make_case(&home, "sync", n)?;
    let remote = work.join("sync-remote.git");
    let peer = work.join("sync-peer.git");
    let git = |args: &[&str]| -> Result<(), String> {
        let out = Command::new("git")
            .args(args)
            .output()
            .map_err(|e| format!("git: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "git {args:?}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    };
    let remote_s = remote.to_str().unwrap_or_default();
    let peer_s = peer.to_str().unwrap_or_default();
    let env = [("CASEFILE_HOME", home.as_os_str())];
    let sync_args = ["-C", "sync", "sync", remote_s];
    let mut figures = Vec::new();

    // First push: a fresh remote and a fresh sync repository each time.
    let mut first = Vec::new();
    for _ in 0..if opts.quick { 2 } else { 5 } {
        let _ = std::fs::remove_dir_all(&remote);
        let _ = std::fs::remove_dir_all(home.join("sync.git"));
        git(&["init", "--bare", "-q", remote_s])?;
        first.push(time_once(plain, &env, CASEFILE, &sync_args)?);
    }
    figures.push(Figure {
        group: "sync",
        what: format!("first `sync` (push) of a {n}-entry case"),
        peer: "3 s (absolute)".into(),
        ours_ms: median(&mut first),
        peer_ms: 3000.0,
        target: Some(1.0),
    });

    // The peer: `git fetch` of the same refs, with nothing new, into a repository of its own.
    let _ = std::fs::remove_dir_all(&peer);
    git(&["init", "--bare", "-q", peer_s])?;
    let fetch_args = [
        "--git-dir",
        peer_s,
        "fetch",
        "--quiet",
        remote_s,
        "+refs/casefile/cases/*:refs/casefile/remote/x/cases/*",
    ];
    git(&fetch_args)?;
    let rounds = opts.rounds.min(60);
    let fig = pair(
        rounds,
        plain,
        &env,
        CASEFILE,
        &sync_args,
        "git",
        &fetch_args,
    )?;
    figures.push(Figure {
        group: "sync",
        what: format!("`sync` with nothing new ({n}-entry case)"),
        peer: "git fetch, nothing new".into(),
        ours_ms: fig.0,
        peer_ms: fig.1,
        target: Some(1.5),
    });

    // One new entry, then sync (the write itself is not timed). Beside it, in the same rounds,
    // the transport's own floor: plain `git push` of a commit of one small file to a bare
    // repository of its own, which any sync that sends something has to do.
    let pusher = work.join("plain-push.git");
    let push_remote = work.join("plain-push-remote.git");
    for dir in [&pusher, &push_remote] {
        let _ = std::fs::remove_dir_all(dir);
        git(&["init", "--bare", "-q", dir.to_str().unwrap_or_default()])?;
    }
    let push_args = [
        "--git-dir",
        pusher.to_str().unwrap_or_default(),
        "push",
        "--quiet",
        "--porcelain",
        "--no-verify",
        push_remote.to_str().unwrap_or_default(),
        "refs/casefile/cases/plain",
    ];
    let (mut ours, mut theirs, mut pushes) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        time_once(
            plain,
            &env,
            CASEFILE,
            &["-C", "sync", "note", "one more line"],
        )?;
        ours.push(time_once(plain, &env, CASEFILE, &sync_args)?);
        // The peer catches up with what sync pushed, then is timed with nothing new.
        time_once(plain, &[], "git", &fetch_args)?;
        theirs.push(time_once(plain, &[], "git", &fetch_args)?);
        one_file_commit(&pusher, "refs/casefile/cases/plain", round)?;
        pushes.push(time_once(plain, &[], "git", &push_args)?);
    }
    let fetch_ms = median(&mut theirs);
    figures.push(Figure {
        group: "sync",
        what: format!("one new entry, then `sync` ({n}-entry case)"),
        peer: "git fetch, nothing new".into(),
        ours_ms: median(&mut ours),
        peer_ms: fetch_ms,
        target: Some(2.0),
    });
    figures.push(Figure {
        group: "sync",
        what: "for reference: plain `git push` of a one-file commit (no casefile)".into(),
        peer: "git fetch, nothing new".into(),
        ours_ms: median(&mut pushes),
        peer_ms: fetch_ms,
        target: None,
    });
    Ok(figures)
}

/// Put a new commit holding one small file on top of `refname` in the bare repository `dir`
/// (with git's plumbing; not timed).
fn one_file_commit(dir: &Path, refname: &str, round: usize) -> Result<(), String> {
    let run = |args: &[&str], input: Option<&str>| -> Result<String, String> {
        let mut child = Command::new("git")
            .arg("--git-dir")
            .arg(dir)
            .args(args)
            .env("GIT_AUTHOR_NAME", "bench")
            .env("GIT_AUTHOR_EMAIL", "bench@example.invalid")
            .env("GIT_COMMITTER_NAME", "bench")
            .env("GIT_COMMITTER_EMAIL", "bench@example.invalid")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("git: {e}"))?;
        if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
            use std::io::Write as _;
            stdin
                .write_all(text.as_bytes())
                .map_err(|e| format!("git: {e}"))?;
        }
        let out = child.wait_with_output().map_err(|e| format!("git: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "git {args:?}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    let blob = run(
        &["hash-object", "-w", "--stdin"],
        Some(&format!("{{\"text\": \"one more line {round}\"}}\n")),
    )?;
    let tree = run(
        &["mktree"],
        Some(&format!("100644 blob {blob}\tentry-{round}.json\n")),
    )?;
    let parent = run(&["rev-parse", "-q", "--verify", refname], None).ok();
    let mut args = vec!["commit-tree", tree.as_str(), "-m", "one entry"];
    if let Some(p) = parent.as_deref().filter(|p| !p.is_empty()) {
        args.extend(["-p", p]);
    }
    let commit = run(&args, None)?;
    run(&["update-ref", refname, &commit], None)?;
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return f64::NAN;
    }
    let mid = v.len() / 2;
    if v.len() % 2 == 0 {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    }
}

fn median_of(rounds: usize, mut f: impl FnMut() -> Result<f64, String>) -> Result<f64, String> {
    let mut v = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        v.push(f()?);
    }
    Ok(median(&mut v))
}

/// Run a program once; its wall time in ms. Output is discarded; failure is an error.
fn time_once(
    cwd: &Path,
    env: &[(&str, &std::ffi::OsStr)],
    program: &str,
    args: &[&str],
) -> Result<f64, String> {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let out = cmd.output().map_err(|e| format!("{program}: {e}"))?;
    let elapsed = started.elapsed();
    if !out.status.success() {
        return Err(format!(
            "{program} {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(ms(elapsed))
}

/// Alternate A and B `rounds` times (after a warm-up); the medians of each.
fn pair(
    rounds: usize,
    cwd: &Path,
    env: &[(&str, &std::ffi::OsStr)],
    a: &str,
    a_args: &[&str],
    b: &str,
    b_args: &[&str],
) -> Result<(f64, f64), String> {
    for _ in 0..3.min(rounds) {
        time_once(cwd, env, a, a_args)?;
        time_once(cwd, env, b, b_args)?;
    }
    let mut ta = Vec::with_capacity(rounds);
    let mut tb = Vec::with_capacity(rounds);
    for i in 0..rounds {
        // Alternate which goes first, so neither always runs on a warmer cache.
        if i % 2 == 0 {
            ta.push(time_once(cwd, env, a, a_args)?);
            tb.push(time_once(cwd, env, b, b_args)?);
        } else {
            tb.push(time_once(cwd, env, b, b_args)?);
            ta.push(time_once(cwd, env, a, a_args)?);
        }
    }
    Ok((median(&mut ta), median(&mut tb)))
}

/// Peak resident memory (KiB) of one run, from wait4's rusage.
fn peak_kib(
    cwd: &Path,
    env: &[(&str, &std::ffi::OsStr)],
    program: &str,
    args: &[&str],
) -> Result<u64, String> {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = cmd.spawn().map_err(|e| e.to_string())?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data we own; wait4 reaps the child we spawned (Child is then
    // dropped without waiting again).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if rc < 0 {
        return Err("wait4 failed".into());
    }
    if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        return Err(format!("{program} {args:?} failed"));
    }
    Ok(usage.ru_maxrss as u64)
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

fn build_floor(root: &Path) -> Result<PathBuf, String> {
    let target = root.join("target").join("floor");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(root.join("bench/floor/Cargo.toml"))
        .arg("--target-dir")
        .arg(&target)
        .status()
        .map_err(|e| format!("cannot build the floor: {e}"))?;
    if !status.success() {
        return Err("building bench/floor failed".into());
    }
    Ok(target.join("release").join("floor"))
}

// ------------------------------------------------------------------ data sets

/// About 3 KiB of service log as people paste it; with `secrets`, a third of its lines carry
/// credentials of the kinds gitleaks knows (the values are made up).
fn capture_text(secrets: bool) -> String {
    let mut out = String::new();
    for i in 0..24 {
        let line = match (secrets, i % 3) {
            (true, 0) => format!(
                "2026-12-03T09:{i:02}:11Z WARN retrying upload AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8xT3vLp{i:02} token=ghp_{i:02}aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\n"
            ),
            (true, 1) => format!(
                "2026-12-03T09:{i:02}:12Z INFO connect postgres://app:S3cr3tPassw0rd{i}@db.internal:5432/orders\n"
            ),
            _ => format!(
                "2026-12-03T09:{i:02}:13Z INFO worker {i} finished batch of 512 rows in 38 ms (queue depth 7)\n"
            ),
        };
        out.push_str(&line);
    }
    out
}

/// A small deterministic generator (no extra dependency).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "server",
    "client",
    "resync",
    "loop",
    "cache",
    "failover",
    "replica",
    "timeout",
    "retry",
    "latency",
    "spike",
    "after",
    "deploy",
    "log",
    "shows",
    "connection",
    "reset",
    "by",
    "peer",
    "uidvalidity",
    "changed",
    "mailbox",
    "index",
    "rebuild",
    "slow",
    "query",
    "plan",
    "lock",
    "contention",
    "thread",
    "pool",
    "exhausted",
    "kernel",
    "oom",
    "killer",
    "memory",
    "leak",
    "heap",
    "profile",
    "flame",
    "graph",
    "hot",
    "path",
    "config",
    "flag",
    "rollback",
    "canary",
    "metric",
    "dashboard",
    "alert",
    "fired",
    "pager",
    "on",
    "call",
    "customer",
    "report",
    "ticket",
    "database",
    "migration",
    "schema",
    "column",
    "null",
    "constraint",
    "violated",
    "disk",
    "full",
    "inode",
    "network",
    "partition",
    "dns",
    "ttl",
    "certificate",
    "expired",
    "tls",
    "handshake",
    "failed",
    "load",
    "balancer",
    "health",
    "check",
    "flapping",
    "queue",
    "backlog",
    "consumer",
    "lag",
    "offset",
    "commit",
    "checksum",
    "mismatch",
    "corrupt",
    "block",
    "we",
    "saw",
    "it",
    "again",
    "not",
    "reproducible",
    "locally",
    "only",
    "in",
    "production",
    "with",
    "traffic",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len())]);
    }
    s
}

/// A case of `n` realistic entries: a mix of kinds, links from evidence to hypotheses,
/// states, and `run` output on some evidence.
fn make_case(home_dir: &Path, slug: &str, n: usize) -> Result<(), String> {
    let home = Home::at(home_dir);
    let opened = "2026-11-01T09:00:00-05:00";
    let mut store = CaseStore::create(
        &home,
        &NewCase {
            uuid: &uuid::Uuid::now_v7().to_string(),
            slug,
            title: "Benchmark case: endless resync loop after failover",
            opened_at: opened,
            tickets: &["T8604".to_string()],
            tags: &["bench".to_string()],
        },
    )
    .map_err(|e| format!("{e:#}"))?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    let context = Context {
        cwd: Some("/home/dev/src/imapd".into()),
        git_branch: Some("main".into()),
        git_commit: Some("0123456789abcdef0123456789abcdef01234567".into()),
        git_dirty: Some(false),
        host: Some("bench".into()),
    };
    let start_ms: i64 = 1_793_541_600_000; // 2026-11-01
    store
        .write(|tx| {
            let mut hypotheses: Vec<i64> = Vec::new();
            for i in 0..n {
                let kind = match rng.below(20) {
                    0..=1 => Kind::Hypothesis,
                    2..=7 => Kind::Evidence,
                    8 => Kind::DeadEnd,
                    9..=10 => Kind::Event,
                    11..=12 => Kind::Action,
                    _ => Kind::Note,
                };
                let at_ms = start_ms + i as i64 * 60_000;
                let when = chrono::DateTime::from_timestamp_millis(at_ms)
                    .unwrap_or_default()
                    .fixed_offset()
                    .to_rfc3339();
                let words = 12 + rng.below(30);
                let text = sentence(&mut rng, words);
                let run = kind == Kind::Evidence && rng.below(4) == 0;
                let output = run.then(|| {
                    (0..20)
                        .map(|l| format!("{l:>3} | {}", sentence(&mut rng, 10)))
                        .collect::<Vec<_>>()
                        .join("\n")
                });
                let command = run.then(|| CommandInfo {
                    argv: vec!["./repro.sh".into(), "--verbose".into()],
                    exit_code: Some(1),
                    duration_ms: 1234,
                });
                let number = entries::insert_entry(
                    tx,
                    &NewEntry {
                        uuid: &uuid::Uuid::now_v7().to_string(),
                        kind,
                        text: &text,
                        author: "bench",
                        recorded_at: &when,
                        occurred_at: None,
                        at_ms,
                        state: kind.initial_state(),
                        context: &context,
                        tags: &[],
                        command: command.as_ref(),
                        output: output.as_deref(),
                        facts: None,
                    },
                )?;
                match kind {
                    Kind::Hypothesis => hypotheses.push(number),
                    Kind::Evidence if !hypotheses.is_empty() => {
                        let target = hypotheses[rng.below(hypotheses.len())];
                        let link = if rng.below(3) == 0 {
                            LinkType::Refutes
                        } else {
                            LinkType::Supports
                        };
                        entries::insert_link(
                            tx,
                            &uuid::Uuid::now_v7().to_string(),
                            number,
                            link,
                            target,
                        )?;
                    }
                    _ => {}
                }
                // Settle most hypotheses so the open list stays realistic.
                if kind == Kind::Hypothesis && rng.below(4) != 0 {
                    let state = if rng.below(3) == 0 {
                        State::Confirmed
                    } else {
                        State::Refuted
                    };
                    entries::insert_state_change(
                        tx,
                        &uuid::Uuid::now_v7().to_string(),
                        number,
                        state,
                        &when,
                        at_ms,
                        "bench",
                    )?;
                }
            }
            Ok(())
        })
        .map_err(|e| format!("{e:#}"))?;
    Ok(())
}

/// The floor's database with `n` rows of similar text.
fn make_floor_db(path: &Path, n: usize) -> Result<(), String> {
    let mut conn = rusqlite::Connection::open(path).map_err(|e| e.to_string())?;
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS entry (id INTEGER PRIMARY KEY, at TEXT NOT NULL, text TEXT NOT NULL)",
    )
    .map_err(|e| e.to_string())?;
    let tx = conn.transaction().map_err(|e| e.to_string())?;
    let mut rng = Rng(42);
    for _ in 0..n {
        let words = 12 + rng.below(30);
        let text = sentence(&mut rng, words);
        tx.execute(
            "INSERT INTO entry (at, text) VALUES (datetime('now'), ?1)",
            [text],
        )
        .map_err(|e| e.to_string())?;
    }
    tx.commit().map_err(|e| e.to_string())
}

/// A committed git work tree of `files` small files.
fn make_git_tree(dir: &Path, files: usize) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    for i in 0..files {
        let sub = dir.join(format!("d{:02}", i % 50));
        std::fs::create_dir_all(&sub).map_err(|e| e.to_string())?;
        std::fs::write(sub.join(format!("f{i}.txt")), format!("file {i}\n"))
            .map_err(|e| e.to_string())?;
    }
    let git = |args: &[&str]| -> Result<(), String> {
        let out = Command::new("git")
            .args([
                "-c",
                "user.name=bench",
                "-c",
                "user.email=b@e",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(dir)
            .output()
            .map_err(|e| format!("git: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    };
    git(&["init", "-q"])?;
    git(&["add", "."])?;
    git(&["commit", "-qm", "bench tree"])?;
    // Refresh the index so its stat data matches, as after any `git status`.
    git(&["status", "--porcelain"])?;
    Ok(dir.to_path_buf())
}

/// search --all over 200 cases × 1,000 entries of ~100 words, against ripgrep over the same
/// text as 200 plain files.
fn search_figures(work: &Path, rounds: usize) -> Result<Vec<Figure>, String> {
    let rg = which("rg").ok_or("ripgrep (rg) is not installed; `apt-get install ripgrep`")?;
    let (home_dir, plain) = search_data(work)?;
    let env = [("CASEFILE_HOME", home_dir.as_os_str())];
    let rg_s = rg.to_str().unwrap_or("rg");
    let plain_s = plain.to_str().unwrap_or_default();
    let mut out = Vec::new();
    for (label, query, rg_args) in [
        (
            "a rare word",
            vec!["zanzibarite"],
            vec!["-i", "zanzibarite", plain_s],
        ),
        (
            "a word in ~2 % of entries",
            vec!["quarantined"],
            vec!["-i", "quarantined", plain_s],
        ),
        (
            "a two-word query",
            vec!["quarantined", "failover"],
            vec!["-i", "quarantined.*failover|failover.*quarantined", plain_s],
        ),
    ] {
        let mut args = vec!["search", "--all"];
        args.extend(query.iter().copied());
        // rg exits 1 when nothing matches; every query here matches.
        let fig = pair(rounds, work, &env, CASEFILE, &args, rg_s, &rg_args)?;
        out.push(Figure {
            group: "search",
            what: format!("`casefile search --all`, {label}"),
            peer: "ripgrep over 200 plain files".into(),
            ours_ms: fig.0,
            peer_ms: fig.1,
            target: Some(2.0),
        });
    }
    Ok(out)
}

/// `minutes --all` over the search benchmark's 200 × 1,000 entries, against ripgrep looking
/// for a rare word in the same text (the whole text read once, as minutes read every case).
fn minutes_figures(work: &Path, rounds: usize) -> Result<Vec<Figure>, String> {
    let rg = which("rg").ok_or("ripgrep (rg) is not installed; `apt-get install ripgrep`")?;
    let (home_dir, plain) = search_data(work)?;
    let env = [("CASEFILE_HOME", home_dir.as_os_str())];
    let rg_s = rg.to_str().unwrap_or("rg");
    let plain_s = plain.to_str().unwrap_or_default();
    let fig = pair(
        rounds,
        work,
        &env,
        CASEFILE,
        &["minutes", "--all"],
        rg_s,
        &["-i", "zanzibarite", plain_s],
    )?;
    Ok(vec![Figure {
        group: "minutes",
        what: "`casefile minutes --all`, 200 cases × 1,000 entries".into(),
        peer: "ripgrep over 200 plain files".into(),
        ours_ms: fig.0,
        peer_ms: fig.1,
        target: Some(2.0),
    }])
}

/// The 200 cases × 1,000 entries of ~100 words, and the same text as 200 plain files (built
/// once per run; both the search and the minutes groups read them).
fn search_data(work: &Path) -> Result<(PathBuf, PathBuf), String> {
    let home_dir = work.join("home-search");
    let plain = work.join("search-plain");
    if plain.join("case-199.txt").exists() {
        return Ok((home_dir, plain));
    }
    std::fs::create_dir_all(&plain).map_err(|e| e.to_string())?;
    let home = Home::at(&home_dir);
    let mut rng = Rng(7);
    let mut entry_index = 0usize;
    for c in 0..200 {
        let slug = format!("case-{c:03}");
        let mut store = CaseStore::create(
            &home,
            &NewCase {
                uuid: &uuid::Uuid::now_v7().to_string(),
                slug: &slug,
                title: &format!("search bench case {c}"),
                opened_at: "2026-11-01T09:00:00+00:00",
                tickets: &[],
                tags: &[],
            },
        )
        .map_err(|e| format!("{e:#}"))?;
        let mut text_file = String::new();
        store
            .write(|tx| {
                for i in 0..1000 {
                    entry_index += 1;
                    let mut text = sentence(&mut rng, 100);
                    // A rare word in 3 entries of the whole set; a mid word in ~2 %.
                    if entry_index % 66_667 == 0 {
                        text.push_str(" zanzibarite");
                    }
                    if entry_index % 50 == 7 {
                        text.push_str(" quarantined");
                    }
                    let _ = writeln!(text_file, "#{} {text}", i + 1);
                    entries::insert_entry(
                        tx,
                        &NewEntry {
                            uuid: &uuid::Uuid::now_v7().to_string(),
                            kind: Kind::Note,
                            text: &text,
                            author: "bench",
                            recorded_at: "2026-11-01T09:00:00+00:00",
                            occurred_at: None,
                            at_ms: 1_793_541_600_000 + i,
                            state: None,
                            context: &Context::default(),
                            tags: &[],
                            command: None,
                            output: None,
                            facts: None,
                        },
                    )?;
                }
                Ok(())
            })
            .map_err(|e| format!("{e:#}"))?;
        std::fs::write(plain.join(format!("{slug}.txt")), text_file).map_err(|e| e.to_string())?;
    }
    Ok((home_dir, plain))
}

// ------------------------------------------------------------------ report

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_string())
        })
        .and_then(|kb| kb.parse::<u64>().ok())
        .map(|kb| format!("{:.0} GiB", kb as f64 / 1024.0 / 1024.0))
        .unwrap_or_default();
    format!("{cpu}, {cores} cores, {mem} RAM, {}", std::env::consts::OS)
}

fn report(opts: &Options, figures: &[Figure], memory: &[Memory], notes: &[String]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Benchmarks\n");
    let _ = writeln!(
        s,
        "Generated by `bench/run` (`cargo bench --bench compare`){}. Each figure alternates casefile and its \
         peer in one run ({} rounds after a warm-up, medians); the ratio is casefile's median over the peer's. \
         Release build. The floor is `bench/floor`, a copy of the minimal clap + rusqlite program the \
         contract measures against.\n",
        if opts.quick { " in quick mode" } else { "" },
        opts.rounds
    );
    let _ = writeln!(s, "Machine: {}\n", machine());
    let _ = writeln!(
        s,
        "| group | casefile | peer | casefile ms | peer ms | ratio | target | verdict |"
    );
    let _ = writeln!(s, "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |");
    for f in figures {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {:.2} | {:.2} | {:.2}× | {} | {} |",
            f.group,
            f.what,
            f.peer,
            f.ours_ms,
            f.peer_ms,
            f.ratio(),
            f.target.map_or("—".to_string(), |t| format!("≤ {t}×")),
            f.verdict()
        );
    }
    let _ = writeln!(s, "\n## Peak memory (max RSS, KiB)\n");
    if let Some(first) = memory.first() {
        let sizes: Vec<String> = first
            .kib
            .iter()
            .map(|(n, _)| format!("{n} entries"))
            .collect();
        let _ = writeln!(
            s,
            "| command | {} | largest ÷ smallest | target |",
            sizes.join(" | ")
        );
        let _ = writeln!(s, "| --- |{} ---: | --- |", " ---: |".repeat(sizes.len()));
        for m in memory {
            let values: Vec<String> = m.kib.iter().map(|(_, k)| k.to_string()).collect();
            let growth = match (m.kib.first(), m.kib.last()) {
                (Some((_, a)), Some((_, b))) if *a > 0 => *b as f64 / *a as f64,
                _ => f64::NAN,
            };
            let verdict = if growth <= 1.5 { "met" } else { "MISSED" };
            let _ = writeln!(
                s,
                "| `{}` | {} | {growth:.2}× | ≤ 1.5× ({verdict}) |",
                m.what,
                values.join(" | ")
            );
        }
    }
    let missed: Vec<&Figure> = figures.iter().filter(|f| f.verdict() == "MISSED").collect();
    let _ = writeln!(s, "\n## Targets missed\n");
    if missed.is_empty() {
        let _ = writeln!(s, "None in this run.");
    } else {
        for f in missed {
            let _ = writeln!(
                s,
                "- {}: {:.2}× against a target of {}×.",
                f.what,
                f.ratio(),
                f.target.unwrap_or(0.0)
            );
        }
    }
    if !notes.is_empty() {
        let _ = writeln!(s, "\n## Notes\n");
        for n in notes {
            let _ = writeln!(s, "- {n}");
        }
    }
    s
}
