//! Robustness: parallel writers, writers killed mid-write, damaged case files, a full disk.
//!
//! The quick form runs in CI. Set `CASEFILE_LONG_TESTS=1` for the long form (8 × 500 parallel
//! writes, more kill rounds): `CASEFILE_LONG_TESTS=1 cargo test --release --test robustness`.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::{assert_one_error_line, TestEnv};

fn long() -> bool {
    std::env::var_os("CASEFILE_LONG_TESTS").is_some_and(|v| v == "1")
}

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("casefile")
}

fn shell(env: &TestEnv, script: &str) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(script)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.user_home())
        .env("CASEFILE_HOME", env.home())
        .env("CASEFILE_CONFIG", env.config_path())
        .env("CF", bin())
        .current_dir(env.work());
    cmd
}

fn numbers(env: &TestEnv) -> Vec<i64> {
    let log = env.json(&["log"]);
    let mut n: Vec<i64> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_i64().unwrap())
        .collect();
    n.sort();
    n
}

fn integrity(env: &TestEnv, slug: &str) -> String {
    let conn = rusqlite::Connection::open(env.case_file(slug)).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn parallel_writers_lose_nothing_and_never_report_locked() {
    let env = TestEnv::new();
    env.new_case("stress");
    let per = if long() { 500 } else { 60 };
    let children: Vec<_> = (0..8)
        .map(|w| {
            shell(
                &env,
                &format!("i=0; while [ $i -lt {per} ]; do i=$((i+1)); \"$CF\" -q note w{w} n$i || exit 1; done"),
            )
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "a writer failed: {err}");
        assert!(!err.to_lowercase().contains("locked"), "{err}");
    }
    assert_eq!(numbers(&env), (1..=8 * per as i64).collect::<Vec<_>>());
    assert_eq!(integrity(&env, "stress"), "ok");
    common::assert_counts_match(&env.case_file("stress"));
}

#[test]
fn writers_killed_at_random_moments_leave_a_sound_case() {
    let env = TestEnv::new();
    env.new_case("killed");
    let rounds = if long() { 60 } else { 12 };
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for round in 0..rounds {
        let mut child = shell(
            &env,
            &format!("while true; do \"$CF\" -q note round {round} with a little text; done"),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(20 + seed % 80));
        // SIGKILL the whole group: the shell and the casefile it is running, mid-write.
        unsafe {
            libc::kill(-(child.id() as i32), libc::SIGKILL);
        }
        let _ = child.wait();
        assert_eq!(integrity(&env, "killed"), "ok", "round {round}");
        // The counts kept with each write commit or roll back with it.
        common::assert_counts_match(&env.case_file("killed"));
    }
    let n = numbers(&env);
    assert!(!n.is_empty());
    assert_eq!(
        n,
        (1..=n.len() as i64).collect::<Vec<_>>(),
        "numbers are not contiguous"
    );
    // And the case still takes writes.
    env.ok(&["note", "after the storm"]);
}

use std::os::unix::process::CommandExt;

#[test]
fn a_truncated_case_file_is_a_clear_error_and_never_overwritten() {
    let env = TestEnv::new();
    env.new_case("trunc");
    for i in 0..200 {
        env.ok(&[
            "-q",
            "note",
            &format!("entry {i} with enough text to span several pages of the database file"),
        ]);
    }
    // Fold the WAL into the main file so the truncation hits real data.
    let conn = rusqlite::Connection::open(env.case_file("trunc")).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;")
        .unwrap();
    drop(conn);
    let path = env.case_file("trunc");
    let full = std::fs::read(&path).unwrap();
    assert!(full.len() > 8192, "{}", full.len());
    let cut = &full[..full.len() / 3];
    std::fs::write(&path, cut).unwrap();
    for args in [&["note", "x"][..], &["status"], &["log"], &["show", "1"]] {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_one_error_line(&err);
        assert!(err.contains("trunc.sqlite"), "{err}");
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        cut,
        "the damaged file was modified"
    );
}

#[test]
fn a_full_disk_is_a_clear_error_and_the_case_stays_intact() {
    let env = TestEnv::new();
    env.new_case("full");
    env.ok(&["note", "before the disk filled"]);
    // Simulate a full disk with a file-size limit: writes past it fail with EFBIG.
    let out = shell(
        &env,
        "trap '' XFSZ; ulimit -f 64; head -c 400000 /dev/zero | tr '\\0' x | \"$CF\" note",
    )
    .output()
    .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_one_error_line(&err);
    assert_eq!(integrity(&env, "full"), "ok");
    let log = env.json(&["log"]);
    assert_eq!(
        log.as_array().unwrap().len(),
        1,
        "a partial write was stored"
    );
    env.ok(&["note", "after"]);
}

#[test]
fn the_wal_stays_small_across_many_single_writes() {
    // Each command is its own connection and closes without a checkpoint; without a bound the
    // WAL (re-read on every open) would grow with every write.
    let env = TestEnv::new();
    env.new_case("wal");
    let text = "a note of ordinary length about what was tried and what happened next ".repeat(3);
    for _ in 0..150 {
        env.ok(&["-q", "note", &text]);
    }
    let wal = std::fs::metadata(format!("{}-wal", env.case_file("wal").display()))
        .map(|m| m.len())
        .unwrap_or(0);
    assert!(
        wal <= casefile::store::WAL_LIMIT + 64 * 1024,
        "WAL is {wal} bytes after 150 writes"
    );
    assert_eq!(numbers(&env).len(), 150);
    assert_eq!(integrity(&env, "wal"), "ok");
}
