//! Changing the record after writing, end to end: pins, claims, retractions, corrected times
//! and removed links (each a change with its own UUID that merges through bundles); the facts
//! actions and events carry; authors; slug prefixes; `config get|set`.

mod common;

use std::fs;

use common::{assert_one_error_line, TestEnv};
use serde_json::Value;

fn show(env: &TestEnv, n: &str) -> Value {
    env.json(&["show", n])
}

/// Export the current case of `from` as a bundle and import it into `into`.
fn hand_over(from: &TestEnv, into: &TestEnv) -> String {
    let bundle = from.dir.path().join("bundle.json");
    from.ok(&["export", "--format", "json", "-o", bundle.to_str().unwrap()]);
    into.ok(&["import", bundle.to_str().unwrap()])
}

fn numbers(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_i64().unwrap())
        .collect()
}

#[test]
fn new_with_a_description_pins_it_as_the_first_note() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "disk fills nightly",
        "-d",
        "ops report /var full at 02:00 every night since the 20th",
    ]);
    let first = show(&env, "1");
    assert_eq!(first["kind"], "note");
    assert_eq!(first["pinned"], true);
    assert_eq!(
        first["text"],
        "ops report /var full at 02:00 every night since the 20th"
    );

    // `-d -` reads it from stdin.
    let out = env
        .cmd()
        .args(["new", "second case", "-d", "-"])
        .write_stdin("pasted from the ticket\nline two\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let first = show(&env, "1");
    assert_eq!(first["text"], "pasted from the ticket\nline two");
    assert_eq!(first["pinned"], true);

    // Without -d, `new` never reads stdin and writes no entry.
    let out = env
        .cmd()
        .args(["new", "third case"])
        .write_stdin("not for new\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(env.json(&["log"]).as_array().unwrap().len(), 0);

    // An empty description is an error and creates no case.
    let err = env.fails(&["new", "fourth case", "-d", "  "], 1);
    assert_one_error_line(&err);
    assert!(!env.case_file("fourth-case").exists());
}

#[test]
fn pin_unpin_and_note_pin() {
    let env = TestEnv::new();
    env.new_case("pins");
    env.ok(&[
        "note",
        "handing over to Ken: repro is on staging-3",
        "--pin",
    ]);
    env.ok(&["hypo", "the pool runs dry"]);
    assert_eq!(show(&env, "1")["pinned"], true);
    assert_eq!(show(&env, "2")["pinned"], false);
    assert_eq!(env.ok(&["pin", "#2"]), "#2 pinned\n");
    assert_eq!(show(&env, "2")["pinned"], true);
    let err = env.fails(&["pin", "2"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("already pinned"), "{err}");
    env.ok(&["unpin", "2"]);
    assert_eq!(show(&env, "2")["pinned"], false);
    assert!(env.fails(&["unpin", "2"], 1).contains("not pinned"));
    let err = env.fails(&["pin", "9"], 1);
    assert_one_error_line(&err);
    // The history of pins is kept.
    let changes = show(&env, "2")["changes"].clone();
    let ops: Vec<&str> = changes
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["op"].as_str().unwrap())
        .collect();
    assert_eq!(ops, ["pin", "unpin"]);
    assert!(env.ok(&["show", "2"]).contains("unpinned"));
}

#[test]
fn claims_warn_over_another_holder_and_end_when_settled_or_expired() {
    let env = TestEnv::new();
    env.new_case("claims");
    env.ok(&["hypo", "the pool runs dry"]);
    env.ok(&["todo", "add a finally block"]);
    env.ok(&["note", "just a note"]);

    let out = env
        .cmd()
        .env("CASEFILE_AUTHOR", "amy")
        .args(["claim", "1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{out:?}");
    assert_eq!(show(&env, "1")["claim"]["author"], "amy");

    // Ken takes it over: a warning, and it proceeds.
    let out = env
        .cmd()
        .env("CASEFILE_AUTHOR", "ken")
        .args(["claim", "1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("warning: #1 was claimed by amy"),
        "{stderr}"
    );
    assert_eq!(show(&env, "1")["claim"]["author"], "ken");
    assert!(env.ok(&["show", "1"]).contains("claimed by: ken since"));

    // Confirming ends the claim; a settled hypothesis cannot be claimed.
    env.ok(&["confirm", "1"]);
    assert_eq!(show(&env, "1")["claim"], Value::Null);
    let err = env.fails(&["claim", "1"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("confirmed"), "{err}");

    // Only hypotheses and actions are claimed.
    assert!(env
        .fails(&["claim", "3"], 1)
        .contains("only hypotheses and actions"));

    // Done ends an action's claim; unclaim lets go.
    env.ok(&["claim", "2"]);
    env.ok(&["unclaim", "2"]);
    assert_eq!(show(&env, "2")["claim"], Value::Null);
    assert!(env.fails(&["unclaim", "2"], 1).contains("not claimed"));
    env.ok(&["claim", "2"]);
    env.ok(&["done", "2"]);
    assert_eq!(show(&env, "2")["claim"], Value::Null);

    // A claim lapses after claims.expire.
    env.ok(&["reopen", "2"]);
    env.ok(&["claim", "2"]);
    assert_eq!(show(&env, "2")["claim"]["author"], "tester");
    env.write_config("[claims]\nexpire = \"1ms\"\n");
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(show(&env, "2")["claim"], Value::Null);
    env.write_config("[claims]\nexpire = \"soon\"\n");
    let err = env.fails(&["show", "2"], 1);
    assert!(err.contains("claims.expire"), "{err}");
}

#[test]
fn retracted_entries_leave_every_view_but_show_and_log_all() {
    let env = TestEnv::new();
    let slug = env.new_case("retract");
    env.ok(&["hypo", "the pool runs dry"]);
    env.ok(&["ev", "--supports", "1", "zebrafish pool exhausted at 09:14"]);
    env.ok(&["todo", "wrong case: restart the printer"]);
    env.ok(&["note", "kept note"]);
    let before = env.json(&["status"]);
    assert_eq!(before["counts"]["open_actions"], 1);

    let out = env.ok(&[
        "retract",
        "2",
        "--because",
        "pasted",
        "into",
        "the",
        "wrong",
        "case",
    ]);
    assert_eq!(out, "#2 retracted\n");
    env.ok(&["retract", "3"]);
    let err = env.fails(&["retract", "3"], 1);
    assert!(err.contains("already retracted"), "{err}");

    assert_eq!(numbers(&env.json(&["log"])), [1, 4]);
    assert_eq!(numbers(&env.json(&["log", "--all"])), [1, 2, 3, 4]);
    assert!(env.ok(&["log", "--all"]).contains("(retracted)"));
    assert_eq!(env.ok(&["search", "zebrafish"]), "");
    let status = env.json(&["status"]);
    assert_eq!(status["counts"]["open_actions"], 0);
    assert_eq!(status["open_actions"].as_array().unwrap().len(), 0);
    let text = status.to_string();
    assert!(!text.contains("zebrafish"), "{text}");
    assert!(!text.contains("printer"), "{text}");
    let md = env.ok(&["export"]);
    assert!(!md.contains("zebrafish") && !md.contains("printer"), "{md}");
    common::assert_counts_match(&env.case_file(&slug));

    let two = show(&env, "2");
    assert_eq!(two["retracted"], true);
    assert_eq!(two["changes"][0]["value"], "pasted into the wrong case");

    // The bundle carries it, and the retraction with it.
    let other = TestEnv::new();
    hand_over(&env, &other);
    assert_eq!(numbers(&other.json(&["log"])), [1, 4]);
    assert_eq!(other.json(&["show", "2"])["retracted"], true);
    common::assert_counts_match(&other.case_file(&slug));

    env.ok(&["unretract", "3"]);
    assert_eq!(env.json(&["status"])["counts"]["open_actions"], 1);
    assert_eq!(numbers(&env.json(&["log"])), [1, 3, 4]);
    assert!(env.fails(&["unretract", "3"], 1).contains("not retracted"));
    common::assert_counts_match(&env.case_file(&slug));
    // ... and the unretraction merges too.
    hand_over(&env, &other);
    assert_eq!(numbers(&other.json(&["log"])), [1, 3, 4]);
    common::assert_counts_match(&other.case_file(&slug));
}

#[test]
fn edit_at_corrects_the_time_and_keeps_the_earlier_one() {
    let env = TestEnv::new();
    env.new_case("times");
    env.ok(&["event", "deploy 4.2", "--at", "2026-11-20 10:00 -05:00"]);
    env.ok(&["event", "first alert", "--at", "2026-11-20 10:30 -05:00"]);
    assert_eq!(numbers(&env.json(&["log"])), [1, 2]);
    let out = env.ok(&["edit", "1", "--at", "2026-11-20 10:45 -05:00"]);
    assert_eq!(out, "#1 happened at 2026-11-20T10:45:00-05:00\n");
    let one = show(&env, "1");
    assert_eq!(one["occurred_at"], "2026-11-20T10:45:00-05:00");
    assert_eq!(one["changes"][0]["op"], "at");
    assert_eq!(one["changes"][0]["previous"], "2026-11-20T10:00:00-05:00");
    // The timeline re-sorts by the corrected instant.
    assert_eq!(numbers(&env.json(&["log"])), [2, 1]);
    assert!(env
        .ok(&["show", "1"])
        .contains("was 2026-11-20 10:00 -05:00"));
    let err = env.fails(&["edit", "1", "--at", "not a time"], 1);
    assert_one_error_line(&err);

    let other = TestEnv::new();
    hand_over(&env, &other);
    assert_eq!(
        other.json(&["show", "1"])["occurred_at"],
        "2026-11-20T10:45:00-05:00"
    );
    assert_eq!(numbers(&other.json(&["log"])), [2, 1]);
}

#[test]
fn unlink_removes_a_link_and_a_merge_does_not_bring_it_back() {
    let env = TestEnv::new();
    env.new_case("links");
    env.ok(&["hypo", "the pool runs dry"]);
    env.ok(&["ev", "--refutes", "1", "pool has 40 idle connections"]);
    let other = TestEnv::new();
    hand_over(&env, &other);
    assert_eq!(other.json(&["show", "2"])["links"][0]["type"], "refutes");

    // The link was a mistake: remove it on one side.
    assert_eq!(env.ok(&["unlink", "1", "2"]), "unlinked #2 refutes #1\n");
    assert_eq!(show(&env, "2")["links"], serde_json::json!([]));
    assert_eq!(show(&env, "2")["changes"][0]["previous"], "#2 refutes #1");
    let err = env.fails(&["unlink", "1", "2"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("not linked"), "{err}");

    // The other home still has the link; merging its bundle here does not restore it.
    hand_over(&other, &env);
    assert_eq!(show(&env, "2")["links"], serde_json::json!([]));
    // And the removal reaches the other home.
    hand_over(&env, &other);
    assert_eq!(other.json(&["show", "2"])["links"], serde_json::json!([]));
}

#[test]
fn actions_and_events_carry_owner_due_ticket_and_marks() {
    let env = TestEnv::new();
    env.new_case("facts");
    env.ok(&[
        "todo",
        "add a finally block",
        "--owner",
        "ken",
        "--due",
        "2026-12-05 17:00 -05:00",
        "--ticket",
        "OPS-12",
    ]);
    env.ok(&[
        "event",
        "last good backup",
        "--good",
        "--at",
        "2026-11-20 09:12:04 -05:00",
    ]);
    env.ok(&[
        "event",
        "first failed backup",
        "--bad",
        "--at",
        "2026-11-20 09:40:51 -05:00",
    ]);
    env.ok(&["event", "plain event"]);
    let action = show(&env, "1");
    assert_eq!(action["owner"], "ken");
    assert_eq!(action["due"], "2026-12-05T17:00:00-05:00");
    assert_eq!(action["ticket"], "OPS-12");
    assert_eq!(show(&env, "2")["mark"], "good");
    assert_eq!(show(&env, "3")["mark"], "bad");
    assert_eq!(show(&env, "4")["mark"], Value::Null);
    let text = env.ok(&["show", "1"]);
    assert!(
        text.contains("owner: ken") && text.contains("ticket: OPS-12"),
        "{text}"
    );

    env.fails(&["event", "x", "--good", "--bad"], 2);
    let err = env.fails(&["todo", "x", "--due", "whenever"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("--due"), "{err}");
    assert!(env
        .fails(&["todo", "x", "--owner", " "], 1)
        .contains("--owner"));

    // They travel in the bundle.
    let other = TestEnv::new();
    hand_over(&env, &other);
    assert_eq!(other.json(&["show", "1"])["owner"], "ken");
    assert_eq!(other.json(&["show", "3"])["mark"], "bad");
}

#[test]
fn the_author_comes_from_casefile_author_first_and_log_filters_by_it() {
    let env = TestEnv::new();
    env.new_case("authors");
    env.write_config("author = \"config person\"\n");
    env.ok(&["note", "by config"]);
    let out = env
        .cmd()
        .env("CASEFILE_AUTHOR", "Ken")
        .args(["note", "by ken", "--json"])
        .output()
        .unwrap();
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["author"], "Ken");
    assert_eq!(show(&env, "1")["author"], "config person");
    assert_eq!(numbers(&env.json(&["log", "--author", "Ken"])), [2]);
    assert_eq!(
        numbers(&env.json(&["log", "--author", "Ken", "--author", "config person"])),
        [1, 2]
    );
    let log = env.ok(&["log"]);
    assert!(log.contains("Ken") && log.contains("config pers"), "{log}");
    let explained = env
        .cmd()
        .env("CASEFILE_AUTHOR", "Ken")
        .args(["config", "get", "author"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&explained.stdout), "Ken\n");
}

#[test]
fn config_set_keeps_comments_and_refuses_bad_values() {
    let env = TestEnv::new();
    let original =
        "# who I am\nauthor = \"amy\" # set by hand\n\n[status]\n# how many\nrecent = 5\n";
    env.write_config(original);
    env.ok(&["config", "set", "status.recent", "8"]);
    env.ok(&["config", "set", "claims.expire", "12h"]);
    env.ok(&["config", "set", "author", "Amy Pond"]);
    let text = fs::read_to_string(env.config_path()).unwrap();
    for kept in ["# who I am", "# set by hand", "# how many"] {
        assert!(text.contains(kept), "{kept} lost: {text}");
    }
    assert!(text.contains("recent = 8"), "{text}");
    assert!(text.contains("author = \"Amy Pond\""), "{text}");
    assert_eq!(env.ok(&["config", "get", "status.recent"]), "8\n");
    assert_eq!(env.ok(&["config", "get", "claims.expire"]), "12h\n");

    // Bad input changes nothing.
    for (key, value) in [
        ("nope", "1"),
        ("claims.expire", "soon"),
        ("status.recent", "many"),
    ] {
        let err = env.fails(&["config", "set", key, value], 1);
        assert_one_error_line(&err);
        assert_eq!(fs::read_to_string(env.config_path()).unwrap(), text);
    }
    let err = env.fails(&["config", "get", "nope"], 1);
    assert!(err.contains("known settings"), "{err}");

    // A missing file is created.
    let fresh = TestEnv::new();
    fresh.ok(&["config", "set", "timezone", "America/New_York"]);
    assert_eq!(
        fs::read_to_string(fresh.config_path()).unwrap(),
        "timezone = \"America/New_York\"\n"
    );
}

#[test]
fn use_and_dash_c_take_unique_prefixes() {
    let env = TestEnv::new();
    env.ok(&["new", "database timeout", "--slug", "db-timeout"]);
    env.ok(&["new", "dns flapping", "--slug", "dns-flap"]);
    env.ok(&["new", "dns resolver slow", "--slug", "dns-resolver"]);
    assert!(env.ok(&["use", "db"]).starts_with("db-timeout"));
    assert_eq!(env.json(&["status"])["case"]["slug"], "db-timeout");
    env.ok(&["-C", "dns-f", "note", "flap again"]);
    assert_eq!(
        env.json(&["-C", "dns-flap", "log"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let err = env.fails(&["use", "dns"], 1);
    assert_one_error_line(&err);
    assert!(
        err.contains("dns-flap") && err.contains("dns-resolver"),
        "{err}"
    );
    let err = env.fails(&["-C", "dns", "status"], 1);
    assert!(err.contains("more than one case"), "{err}");
    assert_one_error_line(&env.fails(&["-C", "", "status"], 1));
    assert_one_error_line(&env.fails(&["use", ""], 1));
    let out = env
        .cmd()
        .env("CASEFILE_CASE", "dns-r")
        .args(["status", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["case"]["slug"], "dns-resolver");
}

#[test]
fn import_makes_the_case_current_when_none_is() {
    let env = TestEnv::new();
    env.new_case("handed over");
    env.ok(&["note", "x"]);
    let fresh = TestEnv::new();
    let out = hand_over(&env, &fresh);
    assert!(out.trim_end().ends_with("now current"), "{out}");
    assert_eq!(fresh.json(&["status"])["case"]["slug"], "handed-over");

    // With a current case, import leaves it.
    let busy = TestEnv::new();
    busy.new_case("my own");
    let out = hand_over(&env, &busy);
    assert!(!out.contains("now current"), "{out}");
    assert_eq!(busy.json(&["status"])["case"]["slug"], "my-own");
}

#[test]
fn list_shows_the_latest_time_of_anything_in_the_case() {
    let alice = TestEnv::new();
    alice.new_case("shared");
    alice.ok(&["note", "alice early"]);
    let bob = TestEnv::new();
    hand_over(&alice, &bob);
    // Bob writes later than Alice's next entry is recorded...
    alice.ok(&["note", "alice second"]);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let bob_note = bob.json(&["note", "bob later"]);
    // ... then imports Alice's: her entry takes the highest number but is older.
    hand_over(&alice, &bob);
    let list = bob.json(&["list"]);
    assert_eq!(list[0]["last_activity"], bob_note["recorded_at"], "{list}");
    // A later state change counts as activity.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    bob.ok(&["pin", "1"]);
    let changed = bob.json(&["show", "1"])["changes"][0]["at"].clone();
    assert_eq!(bob.json(&["list"])[0]["last_activity"], changed);
}
