//! The test environment for end-to-end tests: a fresh home per test, a cleared environment,
//! and helpers to run the real binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// One isolated world: its own `CASEFILE_HOME`, `HOME`, config path and working directory.
pub struct TestEnv {
    pub dir: TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().expect("tempdir");
        // `home` is left for casefile to create, so its mode can be checked.
        for sub in ["user", "work"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        }
        TestEnv { dir }
    }

    /// `CASEFILE_HOME` (not created until casefile creates it).
    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// `$HOME` of the fake user (git config lives here).
    pub fn user_home(&self) -> PathBuf {
        self.dir.path().join("user")
    }

    /// The working directory commands run in (not a git repository).
    pub fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    /// The config file path (`CASEFILE_CONFIG`); absent unless a test writes it.
    pub fn config_path(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    pub fn write_config(&self, text: &str) {
        std::fs::write(self.config_path(), text).expect("write config");
    }

    pub fn case_file(&self, slug: &str) -> PathBuf {
        self.home().join("cases").join(format!("{slug}.sqlite"))
    }

    /// `casefile` with a cleared environment, run in [`TestEnv::work`].
    pub fn cmd(&self) -> Command {
        self.cmd_in(&self.work())
    }

    pub fn cmd_in(&self, cwd: &Path) -> Command {
        let mut cmd = Command::cargo_bin("casefile").expect("binary");
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.user_home())
            .env("XDG_CONFIG_HOME", self.user_home().join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("CASEFILE_HOME", self.home())
            .env("CASEFILE_CONFIG", self.config_path())
            .env("USER", "tester")
            .env("TZ", "UTC")
            .current_dir(cwd);
        cmd
    }

    /// Run `casefile <args>`, assert success, return stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("run");
        assert!(
            out.status.success(),
            "casefile {args:?} failed with {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Run `casefile <args>`, assert it failed with `code`, return stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd().args(args).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(code),
            "casefile {args:?}: expected exit {code}\nstdout: {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_no_panic(&stderr);
        stderr
    }

    /// Run with `--json` and parse stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self.ok(&all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }

    /// Create a case (made current) and return its slug.
    pub fn new_case(&self, title: &str) -> String {
        let v = self.json(&["new", title]);
        v["slug"].as_str().expect("slug").to_string()
    }
}

/// An error message is one `error: …` line and never a panic or backtrace.
pub fn assert_no_panic(stderr: &str) {
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    assert!(
        !stderr.contains("RUST_BACKTRACE"),
        "backtrace hint: {stderr}"
    );
    assert!(!stderr.contains("stack backtrace"), "backtrace: {stderr}");
}

/// Assert stderr is exactly one `error: …` line.
pub fn assert_one_error_line(stderr: &str) {
    assert_no_panic(stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line, got: {stderr:?}");
    assert!(
        lines[0].starts_with("error: "),
        "not an error line: {stderr:?}"
    );
}

/// The entry counts kept with every write (schema v3) match a count of the entries
/// themselves.
#[allow(dead_code)]
pub fn assert_counts_match(case_file: &std::path::Path) {
    let conn = rusqlite::Connection::open(case_file).unwrap();
    let rows = |sql: &str| -> Vec<(String, String, i64)> {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        rows.map(Result::unwrap).collect()
    };
    // Kept per author too (`entry_count_by_author`): compare by kind and state, then by author.
    let kept = rows(
        "SELECT kind, state, sum(n) FROM entry_count GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2",
    );
    let actual =
        rows("SELECT kind, coalesce(state, ''), count(*) FROM entry WHERE NOT retracted GROUP BY 1, 2 ORDER BY 1, 2");
    assert_eq!(kept, actual, "entry_count is out of step with the entries");
    let kept =
        rows("SELECT author, '', sum(n) FROM entry_count GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1");
    let actual = rows("SELECT author, '', count(*) FROM entry GROUP BY 1 ORDER BY 1");
    assert_eq!(kept, actual, "entry_count is out of step with the authors");
}
