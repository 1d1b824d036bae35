//! End-to-end tests of the core journal: cases, entries, links, states, views, context and
//! errors (issue 3). Each test runs the real binary in a fresh home.

mod common;

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;

use common::{assert_no_panic, assert_one_error_line, TestEnv};
use serde_json::Value;

const EXAMPLE_TITLE: &str = "T8604 UIDVALIDITY error: endless resync loop";
const EXAMPLE_SLUG: &str = "t8604-uidvalidity-error-endless-resync-loop";

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().expect("object").keys().cloned().collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------- cases

#[test]
fn new_derives_the_contract_slug_and_makes_the_case_current() {
    let env = TestEnv::new();
    let out = env.ok(&[
        "new",
        "T8604",
        "UIDVALIDITY",
        "error:",
        "endless",
        "resync",
        "loop",
    ]);
    assert!(out.starts_with(EXAMPLE_SLUG), "{out}");
    assert_eq!(out.lines().count(), 1);
    assert!(env.case_file(EXAMPLE_SLUG).is_file());
    let current = std::fs::read_to_string(env.home().join("current")).unwrap();
    assert_eq!(current.trim(), EXAMPLE_SLUG);
    let status = env.json(&["status"]);
    assert_eq!(status["case"]["title"], EXAMPLE_TITLE);
    assert_eq!(status["case"]["state"], "open");
}

#[test]
fn new_takes_slug_tickets_and_tags() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "Login loop",
        "--slug",
        "login",
        "--ticket",
        "T-1",
        "--ticket",
        "T-2",
        "--tag",
        "auth",
    ]);
    let case = &env.json(&["status"])["case"];
    assert_eq!(case["slug"], "login");
    assert_eq!(case["tickets"], serde_json::json!(["T-1", "T-2"]));
    assert_eq!(case["tags"], serde_json::json!(["auth"]));
}

#[test]
fn a_slug_clash_names_the_existing_case_and_changes_nothing() {
    let env = TestEnv::new();
    env.ok(&["new", EXAMPLE_TITLE]);
    env.ok(&["note", "first"]);
    let before = std::fs::read(env.case_file(EXAMPLE_SLUG)).unwrap();
    let err = env.fails(&["new", EXAMPLE_TITLE], 1);
    assert_one_error_line(&err);
    assert!(
        err.contains(EXAMPLE_SLUG) && err.contains(EXAMPLE_TITLE),
        "{err}"
    );
    assert!(err.contains("--slug"), "{err}");
    assert_eq!(std::fs::read(env.case_file(EXAMPLE_SLUG)).unwrap(), before);
    assert_eq!(env.json(&["log"]).as_array().unwrap().len(), 1);
}

#[test]
fn bad_slugs_and_titles_are_errors() {
    let env = TestEnv::new();
    for bad in ["Has Caps", "../escape", "a b", "-lead", &"x".repeat(65)] {
        let err = env.fails(&["new", "title", &format!("--slug={bad}")], 1);
        assert_one_error_line(&err);
    }
    let err = env.fails(&["new", "!!!"], 1);
    assert!(err.contains("--slug"), "{err}");
    env.fails(&["new"], 2);
    assert!(!env.home().join("cases").exists() || env.ok(&["list", "--all"]).is_empty());
}

#[test]
fn a_ten_thousand_character_title_is_handled() {
    let env = TestEnv::new();
    let title = "word ".repeat(2_000);
    let out = env.ok(&["new", &title]);
    let slug = out.split_whitespace().next().unwrap();
    assert!(slug.len() <= 64, "{slug}");
    assert_eq!(env.json(&["status"])["case"]["title"], title.trim());
}

#[test]
fn the_current_case_comes_from_flag_then_env_then_file() {
    let env = TestEnv::new();
    env.ok(&["new", "first case"]);
    env.ok(&["new", "second case"]);
    env.ok(&["use", "first-case"]);
    env.ok(&["note", "in first"]);
    env.ok(&["-C", "second-case", "note", "in second via flag"]);
    let out = env
        .cmd()
        .env("CASEFILE_CASE", "second-case")
        .args(["note", "in second via env", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    // The flag beats the environment.
    let out2 = env
        .cmd()
        .env("CASEFILE_CASE", "second-case")
        .args(["-C", "first-case", "note", "flag wins"])
        .output()
        .unwrap();
    assert!(out2.status.success());
    let first: Vec<String> = env
        .json(&["-C", "first-case", "log"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap().to_string())
        .collect();
    let second: Vec<String> = env
        .json(&["--case", "second-case", "log"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(first, ["in first", "flag wins"]);
    assert_eq!(second, ["in second via flag", "in second via env"]);
}

#[test]
fn no_current_case_says_how_to_make_one() {
    let env = TestEnv::new();
    for args in [&["note", "x"][..], &["status"], &[]] {
        let err = env.fails(args, 1);
        assert_one_error_line(&err);
        assert!(
            err.contains("casefile new") && err.contains("casefile use"),
            "{err}"
        );
    }
}

#[test]
fn an_unknown_slug_lists_the_nearest_ones() {
    let env = TestEnv::new();
    env.ok(&["new", "database timeout", "--slug", "db-timeout"]);
    env.ok(&["new", "dns flapping", "--slug", "dns-flap"]);
    let err = env.fails(&["use", "db-timout"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("db-timeout"), "{err}");
    let err = env.fails(&["-C", "dnsflap", "status"], 1);
    assert!(err.contains("dns-flap"), "{err}");
}

#[test]
fn list_filters_by_state_and_prints_json() {
    let env = TestEnv::new();
    env.ok(&["new", "alpha case"]);
    env.ok(&["hypo", "a thing"]);
    env.ok(&["note", "x"]);
    env.ok(&["new", "beta case"]);
    let table = env.ok(&["list"]);
    for col in ["slug", "title", "state", "entries", "last activity"] {
        assert!(table.contains(col), "{col} missing: {table}");
    }
    assert!(
        table.contains("alpha-case") && table.contains("beta-case"),
        "{table}"
    );
    let rows = env.json(&["list", "--all"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let alpha = rows.iter().find(|r| r["slug"] == "alpha-case").unwrap();
    assert_eq!(alpha["entries"], 2);
    assert_eq!(alpha["open_hypotheses"], 1);
    assert_eq!(alpha["state"], "open");
    assert!(env
        .json(&["list", "--closed"])
        .as_array()
        .unwrap()
        .is_empty());
    env.fails(&["list", "--open", "--closed"], 2);
}

#[test]
fn use_switches_the_current_case() {
    let env = TestEnv::new();
    env.ok(&["new", "one"]);
    env.ok(&["new", "two"]);
    assert_eq!(env.json(&["status"])["case"]["slug"], "two");
    env.ok(&["use", "one"]);
    assert_eq!(env.json(&["status"])["case"]["slug"], "one");
}

// ---------------------------------------------------------------- writes

#[test]
fn every_write_kind_and_alias_prints_one_short_line() {
    let env = TestEnv::new();
    env.new_case("kinds");
    let cases: &[(&[&str], &str)] = &[
        (&["note"], "note"),
        (&["n"], "note"),
        (&["hypo"], "hypothesis"),
        (&["hypothesis"], "hypothesis"),
        (&["h"], "hypothesis"),
        (&["ev"], "evidence"),
        (&["evidence"], "evidence"),
        (&["e"], "evidence"),
        (&["dead"], "dead-end"),
        (&["dead-end"], "dead-end"),
        (&["d"], "dead-end"),
        (&["event"], "event"),
        (&["at"], "event"),
        (&["todo"], "action"),
        (&["action"], "action"),
        (&["a"], "action"),
    ];
    for (i, (cmd, kind)) in cases.iter().enumerate() {
        let mut args = cmd.to_vec();
        args.extend(["some", "words", "here"]);
        let out = env.ok(&args);
        assert_eq!(out, format!("#{} {kind}\n", i + 1), "{cmd:?}");
    }
    let log = env.json(&["log"]);
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), cases.len());
    for (entry, (_, kind)) in log.iter().zip(cases) {
        assert_eq!(entry["kind"], *kind);
        assert_eq!(entry["text"], "some words here");
    }
}

#[test]
fn quiet_writes_print_nothing_and_json_writes_print_the_entry() {
    let env = TestEnv::new();
    env.new_case("quiet");
    assert_eq!(env.ok(&["-q", "note", "shh"]), "");
    assert_eq!(env.ok(&["note", "shh", "--quiet"]), "");
    let entry = env.json(&["hypo", "the cache", "--tag", "cache", "--tag", "perf"]);
    assert_eq!(entry["number"], 3);
    assert_eq!(entry["kind"], "hypothesis");
    assert_eq!(entry["state"], "open");
    assert_eq!(entry["tags"], serde_json::json!(["cache", "perf"]));
}

#[test]
fn entry_json_has_exactly_the_contract_fields() {
    let env = TestEnv::new();
    env.new_case("fields");
    let e = env.json(&["note", "hello"]);
    assert_eq!(
        keys(&e),
        set(&[
            "number",
            "uuid",
            "short_id",
            "kind",
            "text",
            "author",
            "recorded_at",
            "occurred_at",
            "state",
            "tags",
            "links",
            "context",
            "attachments",
            "pinned",
            "retracted",
            "claim",
            "owner",
            "due",
            "ticket",
            "mark"
        ])
    );
    assert_eq!(
        keys(&e["context"]),
        set(&["cwd", "git_branch", "git_commit", "git_dirty", "host"])
    );
    assert_eq!(e["state"], Value::Null);
    assert_eq!(e["occurred_at"], Value::Null);
    assert_eq!(e["author"], "tester");
    let uuid = uuid::Uuid::parse_str(e["uuid"].as_str().unwrap()).unwrap();
    assert_eq!(uuid.get_version_num(), 7);
    chrono::DateTime::parse_from_rfc3339(e["recorded_at"].as_str().unwrap()).unwrap();
    assert_eq!(e["context"]["cwd"], env.work().display().to_string());
}

#[test]
fn the_body_is_read_from_stdin_when_no_text_is_given() {
    let env = TestEnv::new();
    env.new_case("stdin");
    let out = env
        .cmd()
        .args(["ev"])
        .write_stdin("line one\nline two\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "#1 evidence\n");
    let e = env.json(&["show", "1"]);
    assert_eq!(e["text"], "line one\nline two");
}

#[test]
fn an_empty_body_is_an_error_and_writes_nothing() {
    let env = TestEnv::new();
    env.new_case("empty");
    let out = env
        .cmd()
        .args(["note"])
        .write_stdin("  \n\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_error_line(&String::from_utf8_lossy(&out.stderr));
    let out = env
        .cmd()
        .args(["note", "", " "])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(env.json(&["log"]).as_array().unwrap().is_empty());
}

#[test]
fn invalid_utf8_on_stdin_is_an_error() {
    let env = TestEnv::new();
    env.new_case("bytes");
    let out = env
        .cmd()
        .args(["note"])
        .write_stdin(vec![0xff, 0xfe, b'a', 0x80])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_one_error_line(&err);
    assert!(err.contains("UTF-8") && err.contains("--file"), "{err}");
    assert!(env.json(&["log"]).as_array().unwrap().is_empty());
}

#[test]
fn at_keeps_the_written_offset_and_orders_by_instant() {
    let env = TestEnv::new();
    env.new_case("times");
    // Recorded in this order, but happened in another.
    env.ok(&["event", "deploy", "--at", "2016-04-06T15:01:11-04:00"]);
    env.ok(&["event", "first report", "--at", "2016-04-06 18:30 Z"]);
    env.ok(&["event", "alert", "--at", "2016-04-06 20:00:00+02:00"]);
    env.ok(&["event", "noticed", "--at", "2016-04-06 19:10+0000"]);
    let log = env.json(&["log"]);
    let texts: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    // 18:00Z alert, 18:30Z first report, 19:01Z deploy, 19:10Z noticed.
    assert_eq!(texts, ["alert", "first report", "deploy", "noticed"]);
    let deploy = env.json(&["show", "1"]);
    assert_eq!(deploy["occurred_at"], "2016-04-06T15:01:11-04:00");
    let alert = env.json(&["show", "3"]);
    assert_eq!(alert["occurred_at"], "2016-04-06T20:00:00+02:00");
    // The text timeline shows one zone (the viewer's: UTC here) and marks the times written
    // at another offset; `show` keeps the written offset.
    let text = env.ok(&["log"]);
    assert!(text.contains("2016-04-06 19:01 +00:00*"), "{text}");
    assert!(text.contains("2016-04-06 18:00 +00:00*"), "{text}");
    assert!(text.contains("2016-04-06 18:30 +00:00 "), "{text}");
    assert!(
        !text.contains("-04:00") && !text.contains("+02:00"),
        "{text}"
    );
    assert!(env.ok(&["show", "1"]).contains("2016-04-06 15:01 -04:00"));
    assert!(env.ok(&["show", "3"]).contains("2016-04-06 20:00 +02:00"));
}

#[test]
fn at_reads_naive_times_in_the_configured_zone() {
    let env = TestEnv::new();
    env.write_config("timezone = \"America/New_York\"\n");
    env.new_case("zones");
    let winter = env.json(&["event", "w", "--at", "2026-01-15 09:00"]);
    assert_eq!(winter["occurred_at"], "2026-01-15T09:00:00-05:00");
    let summer = env.json(&["event", "s", "--at", "2026-07-15 09:00"]);
    assert_eq!(summer["occurred_at"], "2026-07-15T09:00:00-04:00");
    let rel = env.json(&["note", "r", "--at", "10m ago"]);
    assert!(
        rel["occurred_at"].as_str().unwrap().ends_with(":00"),
        "{rel}"
    );
    let hm = env.json(&["note", "hm", "--at", "14:00"]);
    assert!(
        hm["occurred_at"].as_str().unwrap().contains("T14:00:00-0"),
        "{hm}"
    );
    env.json(&["note", "y", "--at", "yesterday 14:00"]);
    env.json(&["note", "h", "--at", "2h ago"]);
}

#[test]
fn a_bad_at_lists_the_accepted_forms_and_writes_nothing() {
    let env = TestEnv::new();
    env.new_case("badtime");
    for bad in ["tomorrowish", "25:00", "2026-13-01 10:00", ""] {
        let err = env.fails(&["note", "x", "--at", bad], 1);
        assert_one_error_line(&err);
        assert!(
            err.contains("RFC 3339") && err.contains("10m ago") && err.contains("HH:MM"),
            "{err}"
        );
    }
    assert!(env.json(&["log"]).as_array().unwrap().is_empty());
}

// ---------------------------------------------------------------- links and states

#[test]
fn evidence_links_to_hypotheses_and_status_shows_it() {
    let env = TestEnv::new();
    env.new_case("links");
    env.ok(&["hypo", "server resets UIDVALIDITY on failover"]);
    let e = env.json(&["ev", "--supports", "1", "log shows the change at 14:02"]);
    assert_eq!(
        e["links"],
        serde_json::json!([{"type": "supports", "target": 1}])
    );
    let e = env.json(&["ev", "--refutes", "#1", "no failover that night"]);
    assert_eq!(
        e["links"],
        serde_json::json!([{"type": "refutes", "target": 1}])
    );
    let status = env.json(&["status"]);
    let open = &status["open_hypotheses"][0];
    assert_eq!(open["number"], 1);
    assert_eq!(open["supported_by"][0]["number"], 2);
    assert_eq!(open["refuted_by"][0]["number"], 3);
    let text = env.ok(&["status"]);
    assert!(text.contains("#2") && text.contains("#3"), "{text}");
}

#[test]
fn operations_on_the_wrong_kind_name_the_kind() {
    let env = TestEnv::new();
    env.new_case("kinds");
    env.ok(&["note", "a note"]); // #1
    env.ok(&["hypo", "a hypothesis"]); // #2
    env.ok(&["ev", "evidence"]); // #3
    env.ok(&["todo", "an action"]); // #4
    let err = env.fails(&["confirm", "1"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("#1 is a note"), "{err}");
    let err = env.fails(&["done", "2"], 1);
    assert!(
        err.contains("#2 is a hypothesis") && err.contains("action"),
        "{err}"
    );
    let err = env.fails(&["ev", "x", "--supports", "3"], 1);
    assert!(err.contains("#3 is evidence"), "{err}");
    let err = env.fails(&["dead", "x", "--of", "4"], 1);
    assert!(err.contains("#4 is an action"), "{err}");
    // None of the failed writes stored anything.
    assert_eq!(env.json(&["log"]).as_array().unwrap().len(), 4);
}

#[test]
fn dead_of_refutes_the_hypothesis_and_it_counts_as_a_dead_end() {
    let env = TestEnv::new();
    env.new_case("dead");
    env.ok(&["hypo", "cache corruption"]);
    let d = env.json(&["dead", "--of", "1", "cache checksums all verify"]);
    assert_eq!(d["kind"], "dead-end");
    assert_eq!(
        d["links"],
        serde_json::json!([{"type": "rules-out", "target": 1}])
    );
    assert_eq!(env.json(&["show", "1"])["state"], "refuted");
    let status = env.json(&["status"]);
    let dead: Vec<i64> = status["dead_ends"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_i64().unwrap())
        .collect();
    assert_eq!(dead, [1, 2]);
    assert!(status["open_hypotheses"].as_array().unwrap().is_empty());
}

#[test]
fn confirm_refute_reopen_and_done_change_states() {
    let env = TestEnv::new();
    env.new_case("states");
    env.ok(&["hypo", "A"]); // 1
    env.ok(&["ev", "proof"]); // 2
    assert_eq!(
        env.ok(&["confirm", "1", "--because", "2"]),
        "#1 hypothesis confirmed\n"
    );
    let h = env.json(&["show", "1"]);
    assert_eq!(h["state"], "confirmed");
    assert_eq!(
        h["links"],
        serde_json::json!([{"type": "because", "target": 2}])
    );
    let err = env.fails(&["confirm", "1"], 1);
    assert!(err.contains("already confirmed"), "{err}");
    env.ok(&["reopen", "1"]);
    assert_eq!(env.json(&["show", "1"])["state"], "open");
    // Refute with text: a new evidence entry that refutes #1, and #1 because it.
    let out = env.ok(&["refute", "#1", "--because", "the", "timestamps", "disagree"]);
    assert_eq!(out, "#1 hypothesis refuted (because #3 evidence)\n");
    let ev = env.json(&["show", "3"]);
    assert_eq!(ev["kind"], "evidence");
    assert_eq!(ev["text"], "the timestamps disagree");
    assert_eq!(
        ev["links"],
        serde_json::json!([{"type": "refutes", "target": 1}])
    );
    let h = env.json(&["show", "1"]);
    assert_eq!(h["state"], "refuted");
    assert!(h["links"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!({"type": "because", "target": 3})));
    // Confirm with text: the new evidence supports.
    env.ok(&["hypo", "B"]); // 4
    env.ok(&["confirm", "4", "--because", "repro with the patch"]); // 5
    assert_eq!(
        env.json(&["show", "5"])["links"],
        serde_json::json!([{"type": "supports", "target": 4}])
    );
    // Actions.
    env.ok(&["todo", "check logs"]); // 6
    assert_eq!(env.json(&["show", "6"])["state"], "open");
    assert_eq!(env.ok(&["done", "6"]), "#6 action done\n");
    assert_eq!(env.json(&["show", "6"])["state"], "done");
    env.fails(&["done", "6"], 1);
    env.ok(&["reopen", "6"]);
    assert_eq!(env.json(&["show", "6"])["state"], "open");
    let d = env.json(&["done", "6"]);
    assert_eq!(d["number"], 6);
    assert_eq!(d["state"], "done");
}

#[test]
fn because_pointing_nowhere_is_an_error_and_changes_nothing() {
    let env = TestEnv::new();
    env.new_case("because");
    env.ok(&["hypo", "A"]);
    let err = env.fails(&["confirm", "1", "--because", "99"], 1);
    assert!(err.contains("#99"), "{err}");
    assert_eq!(env.json(&["show", "1"])["state"], "open");
}

// ---------------------------------------------------------------- views

fn realistic_case(env: &TestEnv) {
    env.ok(&["new", EXAMPLE_TITLE, "--ticket", "T8604", "--tag", "imap"]);
    env.ok(&[
        "event",
        "first report from support",
        "--at",
        "2026-11-20 09:12 -05:00",
    ]);
    env.ok(&["hypo", "server resets UIDVALIDITY on failover"]);
    env.ok(&[
        "ev",
        "--supports",
        "2",
        "imap log: UIDVALIDITY changed 1001 -> 1002 at 14:02",
    ]);
    env.ok(&["hypo", "client cache corrupts the UID map"]);
    env.ok(&[
        "dead",
        "--of",
        "4",
        "cache checksums verify after the loop starts",
    ]);
    env.ok(&["hypo", "clock skew between replicas"]);
    env.ok(&[
        "ev",
        "--refutes",
        "6",
        "ntp offsets under 2 ms on all replicas",
    ]);
    env.ok(&["todo", "read the failover runbook"]);
    env.ok(&["todo", "ask infra for the failover timeline"]);
    env.ok(&["note", "loop stops after a client restart"]);
}

#[test]
fn status_is_the_handover_briefing_and_fits_one_screen() {
    let env = TestEnv::new();
    realistic_case(&env);
    let text = env.ok(&["status"]);
    assert!(text.contains(EXAMPLE_TITLE), "{text}");
    assert!(text.contains("open") && text.contains("T8604"), "{text}");
    for section in ["Open hypotheses", "Ruled out", "Next", "Recent"] {
        assert!(text.contains(section), "{section} missing:\n{text}");
    }
    assert!(text.contains("server resets UIDVALIDITY"), "{text}");
    assert!(text.contains("read the failover runbook"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    // One screen: about 40 lines (the briefing grew people, reasons, "When"; issue 11).
    assert!(lines.len() <= 40, "{} lines:\n{text}", lines.len());
    assert!(
        lines.iter().all(|l| l.chars().count() <= 80),
        "too wide:\n{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "colour without a terminal:\n{text}"
    );
    // `casefile` alone prints the same (at the same moment: the header says how long ago).
    let at_now = |args: &[&str]| {
        let out = env
            .cmd()
            .env("CASEFILE_NOW", "2026-11-21T12:00:00Z")
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(at_now(&[]), at_now(&["status"]));
    assert!(at_now(&[]).contains("incident going 21h 48m (first event #1 at 11-20 14:12*)"));
}

#[test]
fn status_json_has_the_contract_shape() {
    let env = TestEnv::new();
    realistic_case(&env);
    let s = env.json(&["status"]);
    for key in [
        "case",
        "open_hypotheses",
        "confirmed",
        "dead_ends",
        "open_actions",
        "recent",
    ] {
        assert!(s.get(key).is_some(), "{key} missing");
    }
    let case_keys = keys(&s["case"]);
    for key in [
        "slug",
        "title",
        "state",
        "opened_at",
        "closed_at",
        "tickets",
        "tags",
    ] {
        assert!(case_keys.contains(key), "case.{key} missing");
    }
    let open: Vec<i64> = s["open_hypotheses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_i64().unwrap())
        .collect();
    assert_eq!(open, [2, 6]);
    let dead: Vec<i64> = s["dead_ends"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_i64().unwrap())
        .collect();
    assert_eq!(dead, [4, 5]);
    assert_eq!(s["open_actions"].as_array().unwrap().len(), 2);
    assert!(!s["recent"].as_array().unwrap().is_empty());
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let env = TestEnv::new();
    realistic_case(&env);
    let coloured = env.ok(&["status", "--color", "always"]);
    assert!(coloured.contains('\u{1b}'));
    let plain = env.ok(&["status", "--color", "never"]);
    assert!(!plain.contains('\u{1b}'));
    let out = env
        .cmd()
        .env("NO_COLOR", "1")
        .args(["log"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
    env.fails(&["status", "--color", "sometimes"], 2);
}

#[test]
fn log_filters_by_kind_since_and_limit() {
    let env = TestEnv::new();
    env.new_case("log");
    env.ok(&["note", "n1", "--at", "2026-01-01 10:00 Z"]);
    env.ok(&["hypo", "h1", "--at", "2026-01-02 10:00 Z"]);
    env.ok(&["note", "n2", "--at", "2026-01-03 10:00 Z"]);
    env.ok(&["event", "e1", "--at", "2026-01-04 10:00 Z"]);
    let texts = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["log"];
        all.extend(args);
        env.json(&all)
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(texts(&[]), ["n1", "h1", "n2", "e1"]);
    assert_eq!(texts(&["--kind", "note"]), ["n1", "n2"]);
    assert_eq!(
        texts(&["--kind", "note", "--kind", "event"]),
        ["n1", "n2", "e1"]
    );
    assert_eq!(texts(&["--since", "2026-01-02 12:00 Z"]), ["n2", "e1"]);
    assert_eq!(texts(&["--limit", "2"]), ["n2", "e1"]);
    assert_eq!(texts(&["--kind", "note", "--limit", "1"]), ["n2"]);
    let text = env.ok(&["log"]);
    assert_eq!(text.lines().count(), 4);
    assert!(text.lines().next().unwrap().contains("#1"));
    env.fails(&["log", "--kind", "bogus"], 2);
    let err = env.fails(&["log", "--since", "whenever"], 1);
    assert!(err.contains("10m ago"), "{err}");
}

#[test]
fn show_prints_links_context_and_both_directions() {
    let env = TestEnv::new();
    realistic_case(&env);
    let text = env.ok(&["show", "2"]);
    assert!(
        text.contains("server resets UIDVALIDITY on failover"),
        "{text}"
    );
    assert!(
        text.contains("supported by") && text.contains("#3"),
        "{text}"
    );
    assert!(text.contains(&env.work().display().to_string()), "{text}");
    let text = env.ok(&["show", "#3"]);
    assert!(text.contains("supports") && text.contains("#2"), "{text}");
}

#[test]
fn bad_entry_numbers_never_panic() {
    let env = TestEnv::new();
    env.new_case("numbers");
    env.ok(&["hypo", "A"]);
    for bad in ["0", "abc", "#", "1.5"] {
        let err = env.fails(&["show", bad], 2);
        assert!(err.contains("error:"), "{err}");
    }
    // `-1` looks like a flag to the parser: still a usage error, no panic.
    env.fails(&["show", "-1"], 2);
    let err = env.fails(&["show", "99999"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("#99999") && err.contains("#1"), "{err}");
    for cmd in ["confirm", "refute", "reopen", "done"] {
        let err = env.fails(&[cmd, "99999"], 1);
        assert_one_error_line(&err);
    }
    env.fails(&["ev", "x", "--supports", "0"], 2);
    env.fails(&["show", "99999999999999999999999"], 2);
}

// ---------------------------------------------------------------- storage and safety

#[test]
fn files_and_folders_are_private_from_creation() {
    let env = TestEnv::new();
    let slug = env.new_case("private");
    env.ok(&["note", "secret-ish"]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&env.home()), 0o700);
    assert_eq!(mode(&env.home().join("cases")), 0o700);
    assert_eq!(mode(&env.home().join("current")), 0o600);
    for entry in std::fs::read_dir(env.home().join("cases")).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    assert!(env.case_file(&slug).is_file());
}

#[test]
fn a_case_file_that_is_not_sqlite_is_an_error_and_left_untouched() {
    let env = TestEnv::new();
    env.new_case("broken");
    let path = env.case_file("broken");
    let junk = b"this is not a database, just some text that happens to be here\n".repeat(100);
    for content in [junk.clone(), vec![0u8; 8192]] {
        for ext in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
        }
        std::fs::write(&path, &content).unwrap();
        for args in [&["note", "x"][..], &["status"], &["log"]] {
            let err = env.fails(args, 1);
            assert_one_error_line(&err);
            assert!(
                err.contains("broken.sqlite") && err.contains("not"),
                "{err}"
            );
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            content,
            "the file was changed"
        );
    }
}

#[test]
fn a_foreign_sqlite_database_is_refused() {
    let env = TestEnv::new();
    env.new_case("real");
    let path = env.case_file("foreign");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let err = env.fails(&["-C", "foreign", "note", "x"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("not a casefile"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_newer_schema_is_refused_rather_than_damaged() {
    let env = TestEnv::new();
    env.new_case("future");
    env.ok(&["note", "x"]);
    let path = env.case_file("future");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 9999).unwrap();
    drop(conn);
    let err = env.fails(&["note", "y"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("newer casefile"), "{err}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_read_only_home_is_a_clear_error() {
    let env = TestEnv::new();
    if unsafe_is_root() {
        // root ignores permission bits; the read-only case is covered by the mode test below.
        let ro = env.dir.path().join("ro-file");
        std::fs::write(&ro, "x").unwrap();
        let out = env
            .cmd()
            .env("CASEFILE_HOME", ro.join("sub"))
            .args(["new", "x"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_one_error_line(&String::from_utf8_lossy(&out.stderr));
        return;
    }
    std::fs::create_dir_all(env.home()).unwrap();
    std::fs::set_permissions(env.home(), std::fs::Permissions::from_mode(0o500)).unwrap();
    let err = env.fails(&["new", "x"], 1);
    assert_one_error_line(&err);
}

fn unsafe_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0"))
        .unwrap_or(false)
}

#[test]
fn cases_made_by_older_schemas_open_and_are_upgraded() {
    // A file as the first release (schema 1), the second (schema 2) and the third (schema 3)
    // wrote it: the same case without what later migrations added. It opens, is upgraded, and
    // its counts (v3) are those of its entries.
    for version in [1, 2, 3] {
        let env = TestEnv::new();
        let slug = env.new_case("old");
        env.ok(&["hypo", "the pool runs dry"]);
        env.ok(&["hypo", "the cache is cold"]);
        env.ok(&["todo", "add a finally block"]);
        env.ok(&["confirm", "1"]);
        env.ok(&["note", "before"]);
        let conn = rusqlite::Connection::open(env.case_file(&slug)).unwrap();
        // Undo the briefing's pairing indexes.
        conn.execute_batch("DROP INDEX link_rules_out; DROP INDEX link_because;")
            .unwrap();
        // Undo the ordering keys and mentions.
        conn.execute_batch("DROP TABLE mention; ALTER TABLE entry DROP COLUMN seq;")
            .unwrap();
        // Undo the close review (the incident's clock and the SRE / after-action texts).
        for table in ["case_event", "case_meta"] {
            for column in casefile::model::REVIEW_COLUMNS {
                conn.execute_batch(&format!("ALTER TABLE {table} DROP COLUMN {column}"))
                    .unwrap();
            }
        }
        // Undo the briefing's migrations (counts per author, event and mark indexes).
        conn.execute_batch(
            "DROP INDEX entry_event_at; DROP INDEX entry_mark_at;
             CREATE TABLE entry_count_v3 (kind TEXT NOT NULL, state TEXT NOT NULL,
                 n INTEGER NOT NULL, PRIMARY KEY (kind, state)) WITHOUT ROWID;
             INSERT INTO entry_count_v3 SELECT kind, state, sum(n) FROM entry_count GROUP BY 1, 2;
             DROP TABLE entry_count; ALTER TABLE entry_count_v3 RENAME TO entry_count;",
        )
        .unwrap();
        // Undo v4 (changes after writing, action and event facts).
        conn.execute_batch(
            "DROP INDEX entry_pinned; DROP INDEX entry_retracted; DROP TABLE entry_change;
             ALTER TABLE entry DROP COLUMN pinned; ALTER TABLE entry DROP COLUMN retracted;
             ALTER TABLE entry DROP COLUMN claimed_by; ALTER TABLE entry DROP COLUMN claimed_at;
             ALTER TABLE entry DROP COLUMN owner; ALTER TABLE entry DROP COLUMN due;
             ALTER TABLE entry DROP COLUMN ticket; ALTER TABLE entry DROP COLUMN mark;",
        )
        .unwrap();
        if version < 3 {
            conn.execute_batch("DROP TABLE entry_count").unwrap();
        }
        if version == 1 {
            conn.execute_batch("DROP TABLE case_event").unwrap();
        }
        conn.pragma_update(None, "user_version", version).unwrap();
        drop(conn);

        let status = env.json(&["status"]);
        assert_eq!(
            status["counts"]["open_hypotheses"], 1,
            "v{version}: {status}"
        );
        assert_eq!(status["counts"]["confirmed"], 1, "v{version}");
        assert_eq!(status["counts"]["open_actions"], 1, "v{version}");
        env.ok(&["note", "after"]);
        env.ok(&["done", "3"]);
        assert_eq!(env.json(&["status"])["counts"]["open_actions"], 0);
        assert_eq!(env.json(&["log"]).as_array().unwrap().len(), 5);
        let conn = rusqlite::Connection::open(env.case_file(&slug)).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, casefile::store::schema::CURRENT_VERSION);
        let pairing: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('link_rules_out', 'link_because')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(pairing, 2, "v{version}: the briefing's pairing indexes");
        drop(conn);
        common::assert_counts_match(&env.case_file(&slug));
    }
}

#[test]
fn counts_follow_every_state_change() {
    let env = TestEnv::new();
    let slug = env.new_case("counts");
    for text in ["a", "b", "c", "d"] {
        env.ok(&["hypo", text]);
    }
    env.ok(&["todo", "x"]);
    env.ok(&["todo", "y"]);
    env.ok(&["dead", "tried z"]);
    env.ok(&["confirm", "1"]);
    env.ok(&["refute", "2"]);
    env.ok(&["refute", "3"]);
    env.ok(&["reopen", "3"]);
    env.ok(&["confirm", "3"]);
    // Confirming what is already confirmed is refused and changes nothing.
    env.fails(&["confirm", "1"], 1);
    env.ok(&["done", "5"]);
    let counts = env.json(&["status"])["counts"].clone();
    assert_eq!(counts["entries"], 7);
    assert_eq!(counts["open_hypotheses"], 1, "{counts}");
    assert_eq!(counts["confirmed"], 2, "{counts}");
    assert_eq!(counts["dead_ends"], 2, "{counts}");
    assert_eq!(counts["open_actions"], 1, "{counts}");
    common::assert_counts_match(&env.case_file(&slug));
    // `list` reads the same counts.
    let list = env.json(&["list"]);
    assert_eq!(list[0]["open_hypotheses"], 1, "{list}");
}

#[test]
fn parallel_writers_never_collide_or_skip() {
    let env = TestEnv::new();
    env.new_case("parallel");
    let bin = assert_cmd::cargo::cargo_bin("casefile");
    let mut children = Vec::new();
    for w in 0..8 {
        let script = format!(
            "for i in $(seq 1 50); do \"{}\" note writer {w} note $i || exit 1; done",
            bin.display()
        );
        let child = std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", env.user_home())
            .env("CASEFILE_HOME", env.home())
            .env("CASEFILE_CONFIG", env.config_path())
            .current_dir(env.work())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        children.push(child);
    }
    for child in children {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "writer failed: {err}");
        assert!(!err.contains("locked"), "{err}");
    }
    let log = env.json(&["log"]);
    let numbers: Vec<i64> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_i64().unwrap())
        .collect();
    let mut sorted = numbers.clone();
    sorted.sort();
    assert_eq!(sorted, (1..=400).collect::<Vec<i64>>());
    let texts: BTreeSet<String> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts.len(), 400, "a note was lost or duplicated");
}

// ---------------------------------------------------------------- context

fn git(dir: &std::path::Path, args: &[&str]) {
    let ok = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=Git Person",
            "-c",
            "user.email=g@example.com",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

fn rev_parse(dir: &std::path::Path) -> String {
    let out = std::process::Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(dir)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// `git_dirty` is bounded by time: on a loaded machine a write may record `null` (unknown),
/// but never the wrong answer, and on a two-file repository it is known almost always.
fn assert_dirty_reads(env: &TestEnv, repo: &std::path::Path, expected: bool) {
    let mut known = 0;
    for _ in 0..5 {
        let out = env
            .cmd_in(repo)
            .args(["note", "x", "--json"])
            .output()
            .unwrap();
        let e: Value = serde_json::from_slice(&out.stdout).unwrap();
        match &e["context"]["git_dirty"] {
            Value::Bool(b) => {
                assert_eq!(*b, expected, "git_dirty is wrong");
                known += 1;
            }
            Value::Null => {}
            other => panic!("git_dirty is {other}"),
        }
    }
    assert!(known > 0, "git_dirty was never known in 5 writes");
}

#[test]
fn context_inside_a_git_work_tree_has_branch_commit_and_dirty() {
    let env = TestEnv::new();
    env.new_case("git");
    let repo = env.dir.path().join("repo");
    std::fs::create_dir_all(repo.join("sub")).unwrap();
    git(&repo, &["init", "-q"]);
    std::fs::write(repo.join("a.txt"), "one\n").unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-qm", "first"]);
    git(&repo, &["checkout", "-qb", "feature/loop"]);
    let out = env
        .cmd_in(&repo.join("sub"))
        .args(["note", "clean", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["context"]["git_branch"], "feature/loop");
    assert_eq!(e["context"]["git_commit"], rev_parse(&repo));
    assert_dirty_reads(&env, &repo, false);
    std::fs::write(repo.join("a.txt"), "two\n").unwrap();
    assert_dirty_reads(&env, &repo, true);
    // Detached HEAD: no branch, still a commit.
    git(&repo, &["checkout", "-q", "--detach"]);
    let out = env
        .cmd_in(&repo)
        .args(["note", "detached", "--json"])
        .output()
        .unwrap();
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["context"]["git_branch"], Value::Null);
    assert_eq!(e["context"]["git_commit"], rev_parse(&repo));
}

#[test]
fn the_author_comes_from_config_then_git_then_user() {
    let env = TestEnv::new();
    env.new_case("author");
    assert_eq!(env.json(&["note", "x"])["author"], "tester");
    std::fs::write(
        env.user_home().join(".gitconfig"),
        "[user]\n\tname = Gitty McGit\n",
    )
    .unwrap();
    assert_eq!(env.json(&["note", "x"])["author"], "Gitty McGit");
    env.write_config("author = \"Config Person\"\n");
    assert_eq!(env.json(&["note", "x"])["author"], "Config Person");
}

#[test]
fn errors_are_one_line_without_backtraces_even_with_rust_backtrace_set() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env("RUST_BACKTRACE", "1")
        .args(["show", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_error_line(&String::from_utf8_lossy(&out.stderr));
    let out = env.cmd().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_no_panic(&String::from_utf8_lossy(&out.stderr));
}

#[test]
fn output_to_a_closed_pipe_exits_quietly() {
    let env = TestEnv::new();
    env.new_case("pipe");
    for i in 0..300 {
        env.ok(&[
            "-q",
            "note",
            &format!("line {i} with some text to fill the pipe buffer quickly"),
        ]);
    }
    let bin = assert_cmd::cargo::cargo_bin("casefile");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("\"{}\" log | head -n 1", bin.display()))
        .env("CASEFILE_HOME", env.home())
        .env("CASEFILE_CONFIG", env.config_path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.is_empty(), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn status_text_is_bounded_and_json_is_whole() {
    let env = TestEnv::new();
    env.new_case("many");
    for i in 1..=8 {
        env.ok(&["-q", "hypo", &format!("suspect number {i}")]);
    }
    for _ in 0..3 {
        env.ok(&["-q", "ev", "--supports", "8", "more proof"]);
    }
    let text = env.ok(&["status"]);
    assert!(text.contains("Open hypotheses (8)"), "{text}");
    assert!(text.contains("… and 5 more"), "{text}");
    assert!(
        text.contains("suspect number 8") && !text.contains("suspect number 1\n"),
        "{text}"
    );
    assert!(text.contains("[3 for, 0 against]"), "{text}");
    // The newest piece of evidence each way is shown; the rest are counted.
    assert!(text.contains("+ #11 more proof"), "{text}");
    assert!(text.contains("… 2 more (casefile show 8)"), "{text}");
    assert!(text.lines().count() <= 40, "{text}");
    let json = env.json(&["status"]);
    assert_eq!(json["open_hypotheses"].as_array().unwrap().len(), 8);
    assert_eq!(json["counts"]["open_hypotheses"], 8);
    let h8 = &json["open_hypotheses"][7];
    assert_eq!(h8["supported_by"].as_array().unwrap().len(), 3);
    assert_eq!(h8["supported_count"], 3);
}
