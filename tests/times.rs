//! Times as logs print them (`--at`, `--at-text`), one zone per view (`--tz`, `--utc`), a
//! caption with a piped body, and stdin left alone by writes that have text.

mod common;

use std::io::Write as _;
use std::process::Stdio;

use common::{assert_no_panic, assert_one_error_line, TestEnv};
use serde_json::Value;

/// 2026-01-15 12:00 in New York (-05:00).
const NOW: &str = "2026-01-15T17:00:00Z";

fn data(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/logs")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// A case in a New York home, "now" fixed at [`NOW`].
fn new_york() -> TestEnv {
    let env = TestEnv::new();
    env.write_config("timezone = \"America/New_York\"\n");
    env.new_case("times");
    env
}

fn cmd(env: &TestEnv) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env("CASEFILE_NOW", NOW);
    c
}

/// Write an event at `at`; return the entry as JSON.
fn event_at(env: &TestEnv, at: &str) -> Value {
    let out = cmd(env)
        .args(["--json", "event", "something", "--at", at])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "--at {at:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn at_reads_times_as_logs_mail_and_trackers_print_them() {
    let env = new_york();
    for (at, stored) in [
        ("Sep 20 2017, 11:02 AM", "2017-09-20T11:02:00-04:00"),
        ("Wed Apr 6 15:01:11 2016", "2016-04-06T15:01:11-04:00"),
        ("Mon Aug 26 07:31:18 EDT 2019", "2019-08-26T07:31:18-04:00"),
        (
            "Mon, 26 Aug 2019 07:31:18 -0400",
            "2019-08-26T07:31:18-04:00",
        ),
        (
            "Fri, 21 Nov 1997 09:55:06 -0600",
            "1997-11-21T09:55:06-06:00",
        ),
        ("06/Apr/2016:15:01:11 -0400", "2016-04-06T15:01:11-04:00"),
        ("[10/Oct/2000:13:55:36 -0700]", "2000-10-10T13:55:36-07:00"),
        ("2016-04-06 17:00 UTC-4", "2016-04-06T17:00:00-04:00"),
        ("2016-04-06 15:01:11,123", "2016-04-06T15:01:11.123-04:00"),
        ("1459969271", "2016-04-06T19:01:11+00:00"),
        ("1459969271123", "2016-04-06T19:01:11.123+00:00"),
        ("15:01:11 EDT", "2026-01-15T15:01:11-04:00"),
        (
            "2016-04-06 15:01 America/New_York",
            "2016-04-06T15:01:00-04:00",
        ),
        ("2016-04-06 15:01 Asia/Tokyo", "2016-04-06T15:01:00+09:00"),
        ("07:31 -05:00", "2026-01-15T07:31:00-05:00"),
        // Kept as written, not converted to the configured zone.
        ("07:31Z", "2026-01-15T07:31:00+00:00"),
        ("2016-04-06T19:01:11.123Z", "2016-04-06T19:01:11.123+00:00"),
        // Syslog has no year: the latest such moment not in the future, in the configured zone.
        ("Dec  2 12:31:02", "2025-12-02T12:31:02-05:00"),
        ("Feb 29 08:00:00", "2024-02-29T08:00:00-05:00"),
    ] {
        let e = event_at(&env, at);
        assert_eq!(e["occurred_at"], stored, "--at {at:?}");
    }
}

#[test]
fn syslog_across_new_year_and_dst_edges() {
    let env = new_york();
    let at = |now: &str, at: &str| {
        let out = env
            .cmd()
            .env("CASEFILE_NOW", now)
            .args(["--json", "event", "x", "--at", at])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["occurred_at"].as_str().unwrap().to_string()
    };
    // Ten minutes into 2026 in New York, yesterday's syslog line is from 2025.
    let new_year = "2026-01-01T05:10:00Z";
    assert_eq!(at(new_year, "Dec 31 23:59:58"), "2025-12-31T23:59:58-05:00");
    assert_eq!(at(new_year, "Jan  1 00:05:00"), "2026-01-01T00:05:00-05:00");
    // Fall back: 01:30 happens twice; the earlier unless the zone is written.
    assert_eq!(
        at("2026-11-02T00:00:00Z", "Nov  1 01:30:00"),
        "2026-11-01T01:30:00-04:00"
    );
    assert_eq!(
        at("2026-11-02T00:00:00Z", "Sun Nov  1 01:30:00 EST 2026"),
        "2026-11-01T01:30:00-05:00"
    );
    // Spring forward: 02:30 does not exist on 8 March 2026; one error line, nothing written.
    let out = env
        .cmd()
        .env("CASEFILE_NOW", "2026-03-10T00:00:00Z")
        .args(["event", "x", "--at", "Mar  8 02:30:00"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_one_error_line(&stderr);
    assert!(
        stderr.contains("does not exist in America/New_York"),
        "{stderr}"
    );
}

#[test]
fn milliseconds_order_the_timeline() {
    let env = new_york();
    // Written in the wrong order; the same second, 333 ms apart.
    event_at(&env, "2016-04-06 15:01:11,456");
    event_at(&env, "2016-04-06 15:01:11,123");
    let log: Value = serde_json::from_str(&env.ok(&["log", "--json"])).unwrap();
    let times: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["occurred_at"].as_str().unwrap())
        .collect();
    assert_eq!(
        times,
        [
            "2016-04-06T15:01:11.123-04:00",
            "2016-04-06T15:01:11.456-04:00"
        ]
    );
}

#[test]
fn a_time_in_the_future_is_written_with_a_warning() {
    let env = new_york();
    let out = cmd(&env)
        .args(["event", "deploy", "--at", "2026-01-15 13:00"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "#1 event\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("warning: 2026-01-15T13:00:00-05:00 is 1h in the future"),
        "{stderr}"
    );
    // A few minutes ahead (another host's clock) is not worth a warning.
    let out = cmd(&env)
        .args(["event", "deploy", "--at", "2026-01-15 12:03"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        env.json(&["show", "1"])["occurred_at"],
        "2026-01-15T13:00:00-05:00"
    );
}

#[test]
fn bad_and_ambiguous_times_are_one_error_line() {
    let env = new_york();
    for (at, says) in [
        ("not a time", "syslog (Dec"),
        ("Aug 26 2019 07:31 FOO", "RFC 2822"),
        (
            "15:01 IST",
            "+05:30 India Standard Time, +01:00 Irish Standard Time",
        ),
        (
            "Mon Aug 26 07:31:18 CST 2019",
            "-06:00 Central Standard Time",
        ),
        ("Feb 29 2025, 10:00 AM", "epoch seconds or milliseconds"),
    ] {
        let out = cmd(&env).args(["event", "x", "--at", at]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{at}");
        // Nothing on stdout (dtparse prints unknown zone names there; it must never get one).
        assert_eq!(String::from_utf8_lossy(&out.stdout), "", "{at}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_one_error_line(&stderr);
        assert!(stderr.contains(says), "{at}: {stderr}");
    }
    assert_eq!(env.json(&["log"]), serde_json::json!([]));
}

/// Real log lines: the time each one printed is what `--at` stores.
#[test]
fn times_from_real_log_lines() {
    let env = new_york();
    let access = data("access.log");
    let syslog = data("syslog");
    let python = data("python.log");
    let mail = data("mail.txt");
    let bracketed = |line: &str| {
        let start = line.find('[').unwrap();
        let end = line.find(']').unwrap();
        line[start + 1..end].to_string()
    };
    let cases = [
        (
            bracketed(access.lines().next().unwrap()),
            "2000-10-10T13:55:36-07:00",
        ),
        (
            bracketed(access.lines().nth(1).unwrap()),
            "2016-04-06T15:01:11-04:00",
        ),
        (
            syslog.lines().next().unwrap()[..15].to_string(),
            "2025-12-02T12:31:02-05:00",
        ),
        (
            python.lines().next().unwrap()[..23].to_string(),
            "2016-04-06T15:01:11.123-04:00",
        ),
        (
            mail.lines()
                .find_map(|l| l.strip_prefix("Date: "))
                .unwrap()
                .to_string(),
            "1997-11-21T09:55:06-06:00",
        ),
    ];
    for (at, stored) in cases {
        assert_eq!(event_at(&env, &at)["occurred_at"], stored, "--at {at:?}");
    }
}

#[test]
fn an_error_never_panics_on_odd_input() {
    let env = new_york();
    for at in [
        "Jan-",
        "Sep of",
        "99999999999999999999999 Jan",
        "Feb 30 12:00:00",
    ] {
        let out = cmd(&env).args(["event", "x", "--at", at]).output().unwrap();
        assert_no_panic(&String::from_utf8_lossy(&out.stderr));
        assert!(!String::from_utf8_lossy(&out.stdout).contains("tzname"));
    }
}

fn pipe_into(env: &TestEnv, args: &[&str], input: &str) -> std::process::Output {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("casefile"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.user_home())
        .env("CASEFILE_HOME", env.home())
        .env("CASEFILE_CONFIG", env.config_path())
        .env("USER", "tester")
        .env("TZ", "UTC")
        .current_dir(env.work())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn caption_and_piped_body_for_every_write_kind() {
    let env = TestEnv::new();
    env.new_case("piped");
    env.ok(&["hypo", "the disk is full"]);
    let log = data("python.log");
    let secret = "password=Tr0ub4dor-and-3-horses";
    let piped = format!("{log}{secret}\n");
    for (n, kind, args) in [
        (2, "note", vec!["note", "from", "the", "worker:", "-"]),
        (3, "hypothesis", vec!["hypo", "from", "the", "worker:", "-"]),
        (
            4,
            "evidence",
            vec!["ev", "from", "the", "worker:", "-", "--supports", "1"],
        ),
        (5, "dead-end", vec!["dead", "from", "the", "worker:", "-"]),
        (6, "event", vec!["event", "from", "the", "worker:", "-"]),
        (7, "action", vec!["todo", "from", "the", "worker:", "-"]),
    ] {
        let out = pipe_into(&env, &args, &piped);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
        let e = env.json(&["show", &n.to_string()]);
        assert_eq!(e["kind"], kind);
        let text = e["text"].as_str().unwrap();
        let (caption, body) = text.split_once('\n').unwrap();
        assert_eq!(caption, "from the worker:", "{args:?}");
        assert!(body.starts_with(log.lines().next().unwrap()), "{text}");
        assert!(body.contains("upload to s3://backups/pg failed"), "{text}");
        // Redacted as usual.
        assert!(!text.contains("Tr0ub4dor"), "{text}");
        assert!(text.contains("[REDACTED"), "{text}");
    }
    // `-` alone: the body is the piped text.
    let out = pipe_into(&env, &["note", "-"], "only the body\n");
    assert!(out.status.success());
    assert_eq!(env.json(&["show", "8"])["text"], "only the body");
    // `-` with nothing piped in (stdin a terminal is the only way to have "nothing"): with an
    // empty pipe the caption alone is written.
    let out = pipe_into(&env, &["note", "caption", "only", "-"], "");
    assert!(out.status.success());
    assert_eq!(env.json(&["show", "9"])["text"], "caption only");
}

#[test]
fn text_without_dash_leaves_stdin_alone_and_says_so() {
    let env = TestEnv::new();
    env.new_case("piped");
    let out = pipe_into(&env, &["ev", "caption:"], &data("syslog"));
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("warning: stdin was not read"),
        "{stderr}"
    );
    assert!(stderr.contains("| casefile ev <caption> -"), "{stderr}");
    assert_eq!(env.json(&["show", "1"])["text"], "caption:");
}

#[test]
fn a_write_inside_a_while_read_loop_leaves_the_loop_input_alone() {
    let env = TestEnv::new();
    env.new_case("loop");
    let bin = assert_cmd::cargo::cargo_bin("casefile");
    let script = format!(
        "while read -r line; do '{}' -q note \"seen: $line\"; done",
        bin.display()
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.user_home())
        .env("CASEFILE_HOME", env.home())
        .env("CASEFILE_CONFIG", env.config_path())
        .env("USER", "tester")
        .env("TZ", "UTC")
        .current_dir(env.work())
        .stdin(
            std::fs::File::open(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/logs/access.log"),
            )
            .unwrap(),
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = env.json(&["log"]);
    let texts: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    let access = data("access.log");
    let want: Vec<String> = access.lines().map(|l| format!("seen: {l}")).collect();
    assert_eq!(texts, want);
}

#[test]
fn an_open_pipe_that_is_never_written_does_not_make_a_write_wait() {
    let env = TestEnv::new();
    env.new_case("idle");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("casefile"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.user_home())
        .env("CASEFILE_HOME", env.home())
        .env("CASEFILE_CONFIG", env.config_path())
        .env("USER", "tester")
        .current_dir(env.work())
        .args(["note", "not", "waiting"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Keep the write end open and never write to it.
    let _held = child.stdin.take().unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > std::time::Duration::from_secs(10) {
            let _ = child.kill();
            panic!("the write waited on an idle pipe");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(status.success());
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(stderr, "", "nothing was waiting, so no warning");
    assert_eq!(env.json(&["show", "1"])["text"], "not waiting");
}

#[test]
fn a_dash_word_after_double_dash_is_text() {
    let env = TestEnv::new();
    env.new_case("dashes");
    env.ok(&["note", "--", "-l"]);
    env.ok(&["note", "ls", "--", "-l", "--at"]);
    env.ok(&["note", "a -> b; c | d"]);
    let texts: Vec<Value> = env
        .json(&["log"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].clone())
        .collect();
    assert_eq!(texts, ["-l", "ls -l --at", "a -> b; c | d"]);
    // Without `--`, clap says how to pass it.
    let stderr = env.fails(&["note", "-l"], 2);
    assert!(stderr.contains("-- -l"), "{stderr}");
}

#[test]
fn views_show_one_zone_and_mark_times_written_at_another_offset() {
    let env = new_york();
    // A UTC log line, a New York wall-clock time, a colleague in Sydney.
    event_at(&env, "2016-04-06T19:01:11Z");
    event_at(&env, "2016-04-06 15:30");
    event_at(&env, "2016-04-07T06:00:00+10:00");
    let lines = |args: &[&str]| -> Vec<String> {
        env.ok(args)
            .lines()
            .map(|l| l[6..].split("  ").next().unwrap_or("").trim().to_string())
            .collect()
    };
    // The configured zone (New York, -04:00 in April); marked: written at another offset.
    assert_eq!(
        lines(&["log"]),
        [
            "2016-04-06 15:01 -04:00*",
            "2016-04-06 15:30 -04:00",
            "2016-04-06 16:00 -04:00*"
        ]
    );
    assert_eq!(
        lines(&["log", "--tz", "Asia/Tokyo"]),
        [
            "2016-04-07 04:01 +09:00*",
            "2016-04-07 04:30 +09:00*",
            "2016-04-07 05:00 +09:00*"
        ]
    );
    assert_eq!(
        lines(&["--utc", "log"]),
        [
            "2016-04-06 19:01 +00:00",
            "2016-04-06 19:30 +00:00*",
            "2016-04-06 20:00 +00:00*"
        ]
    );
    // status: the events under "When" (the briefing lists them there, not again under
    // "Recent"), in the same zone, marked the same way.
    let status = env.ok(&["status"]);
    assert!(status.contains("2016-04-06 15:01 -04:00*  #1 "), "{status}");
    assert!(status.contains("2016-04-06 15:30 -04:00  #2 "), "{status}");
    assert!(status.contains("2016-04-06 16:00 -04:00*  #3 "), "{status}");
    assert!(
        status.contains("(first event #1 at 2016-04-06 15:01*)"),
        "{status}"
    );
    let status = env.ok(&["status", "--tz", "Europe/London"]);
    assert!(status.contains("2016-04-06 20:01 +01:00*  #1 "), "{status}");
    assert!(status.contains("2016-04-06 21:00 +01:00*  #3 "), "{status}");
    // list: last activity was recorded in New York; marked only in another zone.
    let activity = |args: &[&str]| {
        let out = env.ok(args);
        let row = out
            .lines()
            .find(|l| l.contains("times"))
            .unwrap()
            .to_string();
        row.split_whitespace()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(!activity(&["list"]).contains('*'));
    assert!(activity(&["list", "--tz", "Asia/Kolkata"]).contains('*'));
    assert!(activity(&["list", "--utc"]).contains('*'));
    // show, JSON and bundles keep the written offset.
    let show = env.ok(&["show", "3"]);
    assert!(show.contains("2016-04-07 06:00 +10:00"), "{show}");
    assert_eq!(
        env.json(&["show", "1", "--utc"])["occurred_at"],
        "2016-04-06T19:01:11+00:00"
    );
    let bundle: Value = serde_json::from_str(&env.ok(&["export", "--format", "json"])).unwrap();
    let text = bundle.to_string();
    assert!(text.contains("2016-04-07T06:00:00+10:00"), "{text}");
    // A zone that does not exist: one error line.
    let stderr = env.fails(&["log", "--tz", "Mars/Olympus"], 1);
    assert_one_error_line(&stderr);
    assert!(stderr.contains("Mars/Olympus"), "{stderr}");
}

#[test]
fn at_text_takes_the_time_from_the_first_timestamp_in_the_text() {
    let env = new_york();
    let mut c = cmd(&env);
    c.env("CASEFILE_NOW", NOW)
        .args(["--json", "ev", "postfix dropped it:", "-", "--at-text"])
        .write_stdin(data("syslog"));
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["occurred_at"], "2025-12-02T12:31:02-05:00");
    assert!(e["text"]
        .as_str()
        .unwrap()
        .starts_with("postfix dropped it:\nDec  2 12:31:02"));
    // From the arguments, each real format.
    let line = data("access.log").lines().nth(1).unwrap().to_string();
    let out = cmd(&env)
        .args(["--json", "ev", &line, "--at-text"])
        .output()
        .unwrap();
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["occurred_at"], "2016-04-06T15:01:11-04:00");
    let line = data("python.log").lines().nth(1).unwrap().to_string();
    let out = cmd(&env)
        .args(["--json", "event", &line, "--at-text"])
        .output()
        .unwrap();
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["occurred_at"], "2016-04-06T15:01:11.456-04:00");
    // No timestamp: one error line, nothing written.
    let before = env.json(&["log"]).as_array().unwrap().len();
    let out = cmd(&env)
        .args(["note", "the pool ran dry again", "--at-text"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_one_error_line(&stderr);
    assert!(stderr.contains("no timestamp found"), "{stderr}");
    assert_eq!(env.json(&["log"]).as_array().unwrap().len(), before);
    // Not both.
    env.fails(&["note", "x", "--at", "10:00", "--at-text"], 2);
}

fn run_output(env: &TestEnv, args: &[&str]) -> (std::process::Output, Value) {
    let out = env.cmd().args(args).output().unwrap();
    let log = env.json(&["log"]);
    let last = log.as_array().unwrap().last().unwrap()["number"].to_string();
    (out, env.json(&["show", &last]))
}

#[test]
fn run_keeps_lines_whole_and_in_the_order_they_completed() {
    let env = TestEnv::new();
    env.new_case("run");
    // The garbling case: stdout starts a line, stderr writes one, stdout ends its line.
    let (out, e) = run_output(
        &env,
        &[
            "run",
            "--",
            "sh",
            "-c",
            "printf tick; sleep 0.2; echo 'err 0' >&2; sleep 0.2; echo ' 0'",
        ],
    );
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "tick 0\n");
    assert_eq!(e["output"], "[stderr] err 0\ntick 0\n");

    // Fast interleaving: every line whole, each stream in its own order.
    let (out, e) = run_output(
        &env,
        &[
            "run",
            "--",
            "sh",
            "-c",
            "i=0; while [ $i -lt 400 ]; do printf 'out %d\\n' $i; printf 'err %d\\n' $i >&2; i=$((i+1)); done",
        ],
    );
    assert!(out.status.success());
    let output = e["output"].as_str().unwrap();
    let (mut outs, mut errs) = (Vec::new(), Vec::new());
    for line in output.lines() {
        if let Some(n) = line.strip_prefix("[stderr] err ") {
            errs.push(
                n.parse::<u32>()
                    .unwrap_or_else(|_| panic!("garbled: {line:?}")),
            );
        } else if let Some(n) = line.strip_prefix("out ") {
            outs.push(
                n.parse::<u32>()
                    .unwrap_or_else(|_| panic!("garbled: {line:?}")),
            );
        } else {
            panic!("garbled line {line:?}");
        }
    }
    let want: Vec<u32> = (0..400).collect();
    assert_eq!(outs, want);
    assert_eq!(errs, want);
}

#[test]
fn run_with_a_partial_line_then_a_pause_shows_it_live_and_records_it_whole() {
    let env = TestEnv::new();
    env.new_case("run");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("casefile"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.user_home())
        .env("CASEFILE_HOME", env.home())
        .env("CASEFILE_CONFIG", env.config_path())
        .env("USER", "tester")
        .current_dir(env.work())
        .args([
            "run",
            "--",
            "sh",
            "-c",
            "printf 'waiting for lock...'; sleep 1; echo 'warn: slow' >&2; sleep 0.3; echo ' got it'",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The partial line is shown before the command goes on.
    let mut stdout = child.stdout.take().unwrap();
    let mut seen = [0u8; 19];
    std::io::Read::read_exact(&mut stdout, &mut seen).unwrap();
    assert_eq!(&seen, b"waiting for lock...");
    assert!(
        child.try_wait().unwrap().is_none(),
        "shown before the command ended"
    );
    assert!(child.wait().unwrap().success());
    let e = env.json(&["show", "1"]);
    assert_eq!(
        e["output"],
        "[stderr] warn: slow\nwaiting for lock... got it\n"
    );
}

#[test]
fn run_message_is_the_headline() {
    let env = TestEnv::new();
    env.new_case("run");
    let (out, e) = run_output(
        &env,
        &[
            "run",
            "-m",
            "pool test after the fix",
            "--",
            "sh",
            "-c",
            "echo 12 passed",
        ],
    );
    assert!(out.status.success());
    let text = e["text"].as_str().unwrap();
    let (caption, rest) = text.split_once('\n').unwrap();
    assert_eq!(caption, "pool test after the fix");
    assert!(
        rest.starts_with("`sh -c 'echo 12 passed'` exited 0"),
        "{rest}"
    );
    let log = env.ok(&["log"]);
    assert!(log.contains("pool test after the fix"), "{log}");
    let status = env.ok(&["status"]);
    assert!(status.contains("pool test after the fix"), "{status}");
}

#[test]
fn run_on_a_pseudo_terminal() {
    let env = TestEnv::new();
    env.new_case("run");
    // The pause makes the two lines complete at clearly different moments: lines finished
    // within microseconds on two pipes are ordered by when casefile reads them.
    let script = "if [ -t 1 ]; then echo 'stdout is a tty'; else echo 'stdout is a pipe'; fi; sleep 0.2; echo 'to stderr' >&2";
    let (out, e) = run_output(&env, &["run", "--pty", "--", "sh", "-c", script]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Live: both streams come through the terminal (with its \r\n), on our stdout.
    let live = String::from_utf8_lossy(&out.stdout);
    assert!(live.contains("stdout is a tty"), "{live}");
    assert!(live.contains("to stderr"), "{live}");
    // Recorded: one merged stream, as a reader wants it.
    assert_eq!(e["output"], "stdout is a tty\nto stderr\n");
    // Without --pty the same command sees a pipe.
    let (_, e) = run_output(&env, &["run", "--", "sh", "-c", script]);
    assert_eq!(e["output"], "stdout is a pipe\n[stderr] to stderr\n");
    // The exit status still passes through.
    let out = env
        .cmd()
        .args(["run", "--pty", "--", "sh", "-c", "exit 3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
}
