//! The briefing (`status`) end to end: a worked case from the guide's investigation,
//! snapshotted at 80 and 120 columns, and one test for each thing issue 11 asked of it.

mod common;

use std::path::Path;

use common::{assert_one_error_line, TestEnv};
use serde_json::Value;

/// The moment the worked case is read: 15:05 in New York on Wednesday, November 18, 2026,
/// just after Dana hands over to Ken.
const NOW: &str = "2026-11-18T20:05:00Z";

/// One command of a script: the New York wall-clock time it was typed, who typed it, what.
struct Step<'a> {
    at: &'a str,
    author: &'a str,
    args: &'a [&'a str],
    stdin: Option<&'a str>,
}

fn step<'a>(at: &'a str, author: &'a str, args: &'a [&'a str]) -> Step<'a> {
    Step {
        at,
        author,
        args,
        stdin: None,
    }
}

/// A traceback as Python 3.11 printed it for the guide's failure (SQLAlchemy's pool timeout).
const POOL_TRACEBACK: &str = "Traceback (most recent call last):
  File \"/srv/checkout/app/payment.py\", line 88, in charge
    conn = engine.connect()
           ^^^^^^^^^^^^^^^^
  File \"/srv/checkout/.venv/lib/python3.11/site-packages/sqlalchemy/pool/impl.py\", line 168, in _do_get
    raise exc.TimeoutError(
sqlalchemy.exc.TimeoutError: QueuePool limit of size 20 overflow 0 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)
";

/// Run the script in `env`, pinning each step's times to its wall clock (so the snapshot is
/// the same on every run), and return the case's slug.
fn run_script(env: &TestEnv, steps: &[Step<'_>]) -> String {
    env.write_config("timezone = \"America/New_York\"\n");
    let mut slug = String::new();
    for s in steps {
        let before = if slug.is_empty() {
            0
        } else {
            max_number(env, &slug)
        };
        let started = chrono::Utc::now().timestamp_millis() - 1;
        let mut cmd = env.cmd();
        cmd.env("CASEFILE_AUTHOR", s.author)
            .env("TZ", "America/New_York")
            .args(s.args);
        if let Some(input) = s.stdin {
            cmd.write_stdin(input);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{:?}: {}",
            s.args,
            String::from_utf8_lossy(&out.stderr)
        );
        if s.args[0] == "new" {
            slug = String::from_utf8(out.stdout)
                .unwrap()
                .split_whitespace()
                .next()
                .unwrap()
                .to_string();
        }
        retime(&env.case_file(&slug), s.at, before, started, s.args[0]);
    }
    slug
}

fn max_number(env: &TestEnv, slug: &str) -> i64 {
    rusqlite::Connection::open(env.case_file(slug))
        .unwrap()
        .query_row("SELECT coalesce(max(number), 0) FROM entry", [], |r| {
            r.get(0)
        })
        .unwrap()
}

/// Make what the last command wrote look written at `hh:mm` New York time on Nov 18.
fn retime(db: &Path, hhmm: &str, before: i64, started_ms: i64, command: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let at = format!("2026-11-18T{hhmm}:00-05:00");
    let ms = chrono::DateTime::parse_from_rfc3339(&at)
        .unwrap()
        .timestamp_millis();
    conn.execute(
        "UPDATE entry SET recorded_at = ?1,
             at_ms = CASE WHEN occurred_at IS NULL THEN ?2 ELSE at_ms END,
             cwd = '/home/dana/src/checkout', host = 'dana-laptop'
         WHERE number > ?3",
        rusqlite::params![at, ms, before],
    )
    .unwrap();
    for table in ["state_change", "entry_change"] {
        conn.execute(
            &format!("UPDATE {table} SET at = ?1, at_ms = ?2 WHERE at_ms >= ?3"),
            rusqlite::params![at, ms, started_ms],
        )
        .unwrap();
    }
    // The caches of the rows just retimed: claims, the people line's last write.
    conn.execute_batch(
        "UPDATE entry SET claimed_at = (SELECT at FROM entry_change c
             WHERE c.entry = entry.number AND c.op = 'claim' ORDER BY at_ms DESC LIMIT 1)
         WHERE claimed_by IS NOT NULL;
         UPDATE entry_count SET last_ms = coalesce((SELECT max(CAST(unixepoch(recorded_at) AS INTEGER) * 1000)
             FROM entry e WHERE e.author = entry_count.author), 0);",
    )
    .unwrap();
    if command == "new" {
        conn.execute("UPDATE case_meta SET opened_at = ?1", [&at])
            .unwrap();
    }
}

/// The guide's investigation (docs/guide.md: checkout answers 502 at the payment step every
/// afternoon), as it stood at the hand-over at 15:00, written the way issue 11 asks: the
/// report as the case's description, the moments known good and bad, a pasted traceback, a
/// code reading nobody linked yet, a claim, an action with an owner and a due time, and a
/// pinned hand-over note.
fn worked_case(env: &TestEnv) -> String {
    let steps = [
        step("14:12", "Dana Whitfield", &[
            "new", "Checkout returns 502 at payment every afternoon", "--ticket", "OPS-2291",
            "--tag", "checkout", "--tag", "incident", "-d",
            "Customers see 502 Bad Gateway at the payment step, every afternoon since Monday Nov 16; a retry usually works. Worst between 13:30 and 17:00 New York time, when traffic peaks. About 4% of payment attempts fail.",
        ]),
        step("14:12", "Dana Whitfield", &[
            "event", "--at", "2026-11-18 14:05", "first alert: load balancer 5xx rate on checkout above 4 percent",
        ]),
        step("14:13", "Dana Whitfield", &[
            "event", "--at", "2026-11-18 13:58", "support ticket: customers see Bad Gateway when paying, a retry usually works",
        ]),
        step("14:14", "Dana Whitfield", &[
            "event", "--good", "--at", "2026-11-16 09:12:04", "synthetic checkout probe passes; no 502 in the LB log since the weekend",
        ]),
        step("14:14", "Dana Whitfield", &[
            "event", "--bad", "--at", "2026-11-16 09:40:51", "first 502 at the payment step in the LB access log",
        ]),
        step("14:16", "Dana Whitfield", &[
            "hypo", "the load balancer reuses keep-alive connections the app has already closed, because its idle timeout is longer than the app server keep-alive",
        ]),
        step("14:17", "Dana Whitfield", &[
            "hypo", "the database failed over and the pool is holding dead connections",
        ]),
        step("14:18", "Dana Whitfield", &[
            "hypo", "a request path does not return its connection to the pool, so the pool runs dry as afternoon traffic builds and requests wait 30 s for a connection",
        ]),
        step("14:19", "Dana Whitfield", &[
            "todo", "ask the DBA whether anything happened to the primary on Monday",
        ]),
        step("14:31", "Dana Whitfield", &[
            "ev", "--refutes", "6", "LB access log: every 502 has target_processing_time 30.0 s, so the app accepted the request and then timed out",
        ]),
        step("14:32", "Dana Whitfield", &["refute", "6", "--because", "10"]),
        step("14:40", "Dana Whitfield", &[
            "dead", "--of", "7", "RDS events show no failover or restart since Nov 2, and pg_stat_activity shows healthy idle connections",
        ]),
        step("14:40", "Dana Whitfield", &["done", "9"]),
        Step {
            at: "14:44",
            author: "Dana Whitfield",
            args: &["ev"],
            stdin: Some(POOL_TRACEBACK),
        },
        step("14:48", "Dana Whitfield", &[
            "ev", "--supports", "8", "pool gauge: 20 of 20 connections checked out during every 502 burst, 3 of 20 in the morning",
        ]),
        step("14:52", "Dana Whitfield", &[
            "ev", "PaymentClient.charge returns early on a provider timeout, before the finally block that would close its connection (payment.py line 102)",
        ]),
        step("14:55", "Dana Whitfield", &[
            "todo", "--owner", "Ken Ito", "--due", "2026-11-18 16:00", "deploy the checkout-tracking build to one pod and see which code path holds the connections that never come back",
        ]),
        step("14:56", "Dana Whitfield", &[
            "todo", "--owner", "Dana Whitfield", "--due", "2026-11-18 15:00", "ask the payment provider since when their timeouts rose",
        ]),
        step("14:58", "Dana Whitfield", &[
            "note", "--pin", "handing over to Ken: repro is on staging-3 (run `make load-payments` and watch the pool gauge); the tracking build is ready in CI but not deployed",
        ]),
        step("15:02", "Ken Ito", &["claim", "8"]),
        step("15:03", "Ken Ito", &[
            "note", "picked it up; starting with the tracking build",
        ]),
    ];
    run_script(env, &steps)
}

/// `casefile status` as a reader at 15:05 in New York sees it, at `columns` wide.
fn briefing(env: &TestEnv, columns: usize) -> String {
    let out = env
        .cmd()
        .env("CASEFILE_NOW", NOW)
        .env("TZ", "America/New_York")
        .env("COLUMNS", columns.to_string())
        .arg("status")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn widest(text: &str) -> usize {
    text.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// The hand-over questions the issue lists, and where the briefing answers each (the
/// snapshot is `tests/snapshots/briefing__worked_case_80.snap`):
/// 1. What was reported, and when is it worse? — "Pinned", #1 (the case's description,
///    `new -d`), first in the briefing.
/// 2. What is suspected, and what does the suspected code path do? — "Open hypotheses", #8 in
///    full (the pool runs dry as traffic builds, requests wait 30 s for a connection).
/// 3. What backs the leading idea? — under #8, `+ #13` (the pool gauge) and `[1 for, 0
///    against]`; the traceback #12 is under "Unlinked evidence" as its exception line
///    (`sqlalchemy.exc.TimeoutError: QueuePool limit …`), not `Traceback (most recent …`.
/// 4. What is ruled out, and why? — "Ruled out": #6 "because #10" (the LB log), #7 "ruled out
///    by #11" (no failover); each once, each with its reason; #11 is not listed again.
/// 5. What was about to be tried, and what was the check meant to show? — "Next": #15 in full
///    (see which code path holds the connections that never come back), owner Ken Ito, due
///    16:00; #16 is OVERDUE.
/// 6. When did it start, and how long has it been going? — the header ("incident going 2d
///    5h", first event #4; "case opened 53m ago") and "When": good #4, bad #5, between
///    09:12:04 and 09:40:51 -05:00 on 2026-11-16 (28m), then the key events with date, time
///    and offset.
/// 7. Who is on it, who wrote what? — the people line (Dana Whitfield 17 entries, Ken Ito 1,
///    last seen), and "Ken Ito on it since 11-18 15:02" leading #8.
/// 8. What did the last person leave for me? — "Pinned", #17 (the hand-over note), which stays
///    at the top however many entries follow.
/// 9. Which clue has nobody tied to a suspect yet? — "Unlinked evidence": #14, the code
///    reading (an early return skips the finally block), and the traceback #12.
#[test]
fn the_worked_case_answers_the_hand_over_questions_at_80_and_120_columns() {
    let env = TestEnv::new();
    worked_case(&env);
    let at80 = briefing(&env, 80);
    let at120 = briefing(&env, 120);
    assert!(widest(&at80) <= 80, "{at80}");
    assert!(widest(&at120) <= 120, "{at120}");
    // One screen at 80 columns (a rich case: two pinned notes, a window, four events).
    assert!(
        at80.lines().count() <= 44,
        "{} lines:\n{at80}",
        at80.lines().count()
    );
    for answer in [
        "Customers see 502 Bad Gateway",
        "handing over to Ken",
        "requests wait 30 s",
        "because #10:",
        "ruled out by #11:",
        "+ #13 pool gauge",
        "sqlalchemy.exc.TimeoutError: QueuePool limit of size 20 overflow 0",
        "PaymentClient.charge returns early",
        "owner Ken Ito · due 11-18 16:00",
        "OVERDUE",
        "good #4, bad #5: between 09:12:04 and 09:40:51 -05:00 on 2026-11-16 (28m)",
        "incident going 2d 5h (first event #4 at 11-16 09:12)",
        "case opened 53m ago",
        "Ken Ito on it since 11-18 15:02",
        "people: Dana Whitfield (17, last 7m ago), Ken Ito (1, last 2m ago)",
        "2026-11-18 13:58 -05:00  #3 support ticket",
    ] {
        // Wherever the wrapping put the line breaks.
        let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let answer = flat(answer);
        assert!(
            flat(&at80).contains(&answer),
            "{answer:?} missing at 80:\n{at80}"
        );
        assert!(
            flat(&at120).contains(&answer),
            "{answer:?} missing at 120:\n{at120}"
        );
    }
    // Not the useless first line of the traceback.
    assert!(
        !at80.contains("Traceback (most recent call last)"),
        "{at80}"
    );
    // The hypotheses refuted are listed once each; the dead end that ruled #7 out is its
    // reason, not another item.
    assert_eq!(at80.matches("#6 ").count(), 1, "{at80}");
    assert!(!at80.contains("  #11 "), "{at80}");
    insta::assert_snapshot!("worked_case_80", at80);
    insta::assert_snapshot!("worked_case_120", at120);
}

fn status_at(env: &TestEnv, columns: usize) -> String {
    let out = env
        .cmd()
        .env("COLUMNS", columns.to_string())
        .arg("status")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn run_at(env: &TestEnv, columns: usize, args: &[&str]) -> String {
    let out = env
        .cmd()
        .env("COLUMNS", columns.to_string())
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn items_are_whole_sentences_wrapped_by_display_width_and_cut_at_a_word_with_a_pointer() {
    let env = TestEnv::new();
    env.new_case("wrapping");
    let suspect = "a request path does not return its connection to the pool, so the pool runs dry as afternoon traffic builds";
    env.ok(&["hypo", suspect]);
    let long: String = (1..=80).map(|i| format!("word{i} ")).collect();
    env.ok(&["todo", long.trim()]);
    let cjk = "接続プールが枯渇している：午後のトラフィックで決済経路が接続を返さない 🦀🦀 e\u{301}e\u{301} \tタブ";
    env.ok(&["ev", cjk]);
    let url = format!("https://example.com/{}", "x".repeat(150));
    env.ok(&["note", &url]);
    for columns in [40, 80, 120] {
        let text = status_at(&env, columns);
        assert!(widest(&text) <= columns, "{columns}:\n{text}");
        // The suspect is whole, in its words, wherever the lines break (at 40 columns it
        // is longer than its three lines, and ends with the pointer).
        if columns >= 80 {
            assert!(flat(&text).contains(suspect), "{columns}:\n{text}");
        } else {
            assert!(flat(&text).contains("… casefile show 1"), "{text}");
        }
        for args in [&["log"][..], &["show", "2"], &["show", "3"], &["show", "4"]] {
            let out = run_at(&env, columns, args);
            assert!(widest(&out) <= columns, "{args:?} at {columns}:\n{out}");
            assert!(!out.contains('\t'), "{out}");
        }
    }
    // The long action is cut at a word, with a pointer; the words before it are the text's.
    let text = status_at(&env, 80);
    // The item's first line and its continuation lines (indented under its text).
    let action: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("#2 "))
        .enumerate()
        .take_while(|(i, l)| *i == 0 || l.starts_with("        "))
        .map(|(_, l)| l)
        .collect();
    let action = flat(&action.join(" "));
    assert!(action.ends_with("… casefile show 2"), "{text}");
    let kept = action
        .trim_start_matches("#2 ")
        .trim_end_matches("… casefile show 2")
        .trim();
    assert!(long.starts_with(&format!("{kept} ")), "{kept:?}");
    assert!(kept.split(' ').count() >= 20, "{kept}");
    // CJK counts two columns: the evidence wraps within 40 columns with all its text.
    let at40 = status_at(&env, 40);
    assert!(
        flat(&at40)
            .replace(' ', "")
            .contains("接続プールが枯渇している"),
        "{at40}"
    );
}

#[test]
fn the_problem_statement_and_hand_over_notes_are_pinned_at_the_top() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "Checkout 502",
        "-d",
        "Customers see 502 at the payment step; worse in the afternoon",
    ]);
    env.ok(&["hypo", "the pool runs dry"]);
    env.ok(&[
        "note",
        "--pin",
        "handing over to Ken: repro is on staging-3",
    ]);
    for i in 0..12 {
        env.ok(&["-q", "note", &format!("routine note {i}")]);
    }
    let text = status_at(&env, 80);
    let pinned = text.find("Pinned").expect("a Pinned section");
    assert!(pinned < text.find("Open hypotheses").unwrap(), "{text}");
    assert!(text.contains("#1    Customers see 502 at the payment step; worse in the afternoon"));
    assert!(
        text.contains("#3    handing over to Ken: repro is on staging-3"),
        "{text}"
    );
    let json = env.json(&["status"]);
    let numbers: Vec<i64> = json["pinned"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 3]);
    assert_eq!(json["pinned"][0]["pinned"], true);
    env.ok(&["unpin", "3"]);
    env.ok(&["pin", "2"]);
    let text = status_at(&env, 80);
    assert!(!text[..text.find("Open hypotheses").unwrap()].contains("handing over"));
    assert!(text.contains("#2    the pool runs dry"), "{text}");
    // A retracted pin is no longer shown.
    env.ok(&["retract", "1"]);
    assert!(!status_at(&env, 80).contains("Customers see 502"));
}

#[test]
fn ruled_out_counts_the_items_it_lists() {
    let env = TestEnv::new();
    env.new_case("ruled out count");
    env.ok(&["hypo", "the pool runs dry"]); // 1
    env.ok(&["dead", "raised the pool to 40: 502s unchanged"]); // 2
    env.ok(&["refute", "1", "--because", "2"]);
    env.ok(&["hypo", "the database failed over"]); // 3
    env.ok(&["dead", "--of", "3", "RDS shows no failover"]); // 4
    env.ok(&["dead", "rolled back the deploy: no change"]); // 5
    let heading = || {
        let text = status_at(&env, 100);
        let at = text.find("Ruled out").unwrap();
        text[at..at + text[at..].find('\n').unwrap()].to_string()
    };
    // #1 with its `because` #2, #3 with the dead end #4 that ruled it out, and #5: three
    // items, though the case holds five dead ends and refutations.
    assert_eq!(heading(), "Ruled out (3)");
    let counts = env.json(&["status"])["counts"].clone();
    assert_eq!(counts["dead_ends"], 5, "{counts}");
    assert_eq!(counts["ruled_out"], 3, "{counts}");
    // A retracted reason pairs nothing: #2 no longer explains #1, which has no reason now.
    env.ok(&["retract", "2"]);
    assert_eq!(heading(), "Ruled out (3)");
    assert!(status_at(&env, 100).contains("(no reason recorded)"));
    // Reopened, #3 is no longer ruled out, so #4 is an item of its own: #1, #4, #5.
    env.ok(&["reopen", "3"]);
    assert_eq!(heading(), "Ruled out (3)");
    assert!(status_at(&env, 100).contains("#4    RDS shows no failover"));
}

#[test]
fn each_refuted_hypothesis_appears_once_with_its_reason() {
    let env = TestEnv::new();
    env.new_case("reasons");
    env.ok(&[
        "hypo",
        "the load balancer reuses closed keep-alive connections",
    ]); // 1
    env.ok(&["hypo", "the database failed over"]); // 2
    env.ok(&["hypo", "the cache is cold after deploys"]); // 3
    env.ok(&["hypo", "a noisy neighbour steals CPU"]); // 4
    env.ok(&["ev", "LB log: every 502 waited exactly 30 s"]); // 5
    env.ok(&["refute", "1", "--because", "5"]);
    env.ok(&[
        "dead",
        "--of",
        "2",
        "RDS events show no failover since Nov 2",
    ]); // 6
    let ruled_out = || {
        let text = status_at(&env, 100);
        let ruled = text[text.find("Ruled out").unwrap()..].to_string();
        // The heading and its items (indented), up to the next heading.
        let mut lines = ruled.lines();
        let heading = lines.next().unwrap().to_string();
        lines
            .take_while(|l| l.starts_with(' '))
            .fold(heading, |all, l| all + "\n" + l)
    };
    let ruled = ruled_out();
    // Two items: #6 is #2's reason, not an item of its own.
    assert!(ruled.starts_with("Ruled out (2)"), "{ruled}");
    assert!(
        ruled.contains("because #5: LB log: every 502 waited exactly 30 s"),
        "{ruled}"
    );
    assert!(
        ruled.contains("ruled out by #6: RDS events show no failover"),
        "{ruled}"
    );
    // The dead end that ruled #2 out is its reason, not another item; nothing is hidden.
    assert!(!ruled.contains("#6    "), "{ruled}");
    assert!(!ruled.contains("more"), "{ruled}");
    env.ok(&[
        "ev",
        "--refutes",
        "3",
        "502s continue on days without a deploy",
    ]); // 7
    env.ok(&["refute", "3"]);
    env.ok(&["refute", "4"]);
    env.ok(&["dead", "tried raising the pool to 40: 502s unchanged"]); // 8
    let ruled = ruled_out();
    assert!(
        ruled.contains("refuted by #7: 502s continue on days without a deploy"),
        "{ruled}"
    );
    assert!(ruled.contains("(no reason recorded)"), "{ruled}");
    // A dead end of its own is listed as it is.
    assert!(
        ruled.contains("#8    tried raising the pool to 40"),
        "{ruled}"
    );
    // Five items (#1, #2, #3, #4, #8; #6 is #2's reason). The section is bounded: the
    // newest three items, and a pointer to the other two.
    assert!(ruled.starts_with("Ruled out (5)"), "{ruled}");
    assert!(
        ruled.contains("… and 2 more (casefile log --kind dead-end --kind hypothesis)"),
        "{ruled}"
    );
    for n in 3..=4 {
        assert_eq!(
            ruled.matches(&format!("#{n}    ")).count(),
            1,
            "#{n}:\n{ruled}"
        );
    }
    let json = env.json(&["status"]);
    let dead: Vec<&Value> = json["dead_ends"].as_array().unwrap().iter().collect();
    let by = |n: i64| dead.iter().find(|d| d["number"] == n).unwrap();
    assert_eq!(by(1)["reason"]["via"], "because");
    assert_eq!(by(1)["reason"]["number"], 5);
    assert_eq!(by(2)["reason"]["via"], "rules-out");
    assert_eq!(by(3)["reason"]["via"], "refutes");
    assert!(by(4).get("reason").is_none());
    assert_eq!(by(6)["rules_out"], 2);
    // Every refuted hypothesis and every dead end, as before.
    assert_eq!(dead.len(), 6);
}

#[test]
fn evidence_in_reach_newest_each_way_and_unlinked_evidence() {
    let env = TestEnv::new();
    env.new_case("evidence");
    env.ok(&["hypo", "the pool runs dry"]); // 1
    env.ok(&["ev", "--supports", "1", "older support"]); // 2
    env.ok(&["ev", "--supports", "1", "pool gauge at 20 of 20"]); // 3
    env.ok(&["ev", "--refutes", "1", "morning traffic is fine"]); // 4
    let trace = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tracebacks/python-chained.txt"),
    )
    .unwrap();
    env.cmd().arg("ev").write_stdin(trace).assert().success(); // 5
    env.ok(&["ev", "PaymentClient.charge returns early on timeout"]); // 6
    env.ok(&["ev", "written by mistake"]); // 7
    env.ok(&["retract", "7"]);
    let text = status_at(&env, 100);
    assert!(text.contains("+ #3 pool gauge at 20 of 20"), "{text}");
    assert!(text.contains("- #4 morning traffic is fine"), "{text}");
    let under = &text[text.find("Open hypotheses").unwrap()..text.find("Unlinked").unwrap()];
    assert!(!under.contains("older support"), "{text}");
    assert!(text.contains("… 1 more (casefile show 1)"), "{text}");
    // Retracted evidence is in no list and no count.
    assert!(text.contains("people: tester (6,"), "{text}");
    let unlinked = &text[text.find("Unlinked evidence").expect(&text)..];
    assert!(
        unlinked.contains("#5    RuntimeError: config could not be loaded"),
        "{text}"
    );
    assert!(
        unlinked.contains("#6    PaymentClient.charge returns early"),
        "{text}"
    );
    assert!(!text.contains("written by mistake"), "{text}");
    assert!(
        !text.contains("Traceback (most recent call last)"),
        "{text}"
    );
    let json = env.json(&["status"]);
    let unlinked: Vec<i64> = json["unlinked_evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_i64().unwrap())
        .collect();
    assert_eq!(unlinked, [5, 6]);
}

#[test]
fn the_telling_line_is_shown_wherever_a_headline_is() {
    let env = TestEnv::new();
    let slug = env.new_case("tracebacks");
    env.ok(&["hypo", "the config file is missing on new pods"]); // 1
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tracebacks");
    let cases = [
        ("python-keyerror.txt", "KeyError: 'user_id'"),
        (
            "go-nil-pointer.txt",
            "panic: runtime error: invalid memory address",
        ),
        (
            "java-caused-by.txt",
            "Caused by: java.io.IOException: Connection reset by peer",
        ),
        (
            "node-typeerror.txt",
            "TypeError: Cannot read properties of undefined",
        ),
        ("ruby-zerodivision.txt", "divided by 0 (ZeroDivisionError)"),
        (
            "rust-unwrap.txt",
            "called `Option::unwrap()` on a `None` value",
        ),
    ];
    for (i, (file, _)) in cases.iter().enumerate() {
        let trace = std::fs::read_to_string(data.join(file)).unwrap();
        let mut cmd = env.cmd();
        if i == 0 {
            cmd.args(["ev", "--supports", "1"]);
        } else {
            cmd.arg("ev");
        }
        cmd.write_stdin(trace).assert().success();
    }
    let log = run_at(&env, 200, &["log"]);
    let status = status_at(&env, 200);
    for (n, (_, line)) in cases.iter().enumerate() {
        let n = n as i64 + 2;
        assert!(
            log.lines()
                .any(|l| l.starts_with(&format!("#{n} ")) && l.contains(line)),
            "#{n} {line}:\n{log}"
        );
    }
    assert!(status.contains("+ #2 KeyError: 'user_id'"), "{status}");
    assert!(!status.contains("Traceback"), "{status}");
    assert!(!log.contains("Traceback"), "{log}");
    // search --json: the whole text, and the telling line.
    let hits = env.json(&["search", "KeyError"]);
    assert_eq!(hits[0]["number"], 2);
    assert_eq!(hits[0]["headline"], "KeyError: 'user_id'");
    assert!(hits[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("Traceback (most recent call last):"));
    assert_eq!(hits[0]["case"], slug.as_str());
    assert_eq!(hits[0]["kind"], "evidence");
    // show names linked entries by their telling line.
    let show = run_at(&env, 120, &["show", "1"]);
    assert!(
        show.contains("supported by: #2 KeyError: 'user_id'"),
        "{show}"
    );
    // A postmortem mention of #2 starts with its telling line.
    env.ok(&["note", "see #4 for the root cause"]);
    let md = env.ok(&["export"]);
    assert!(md.contains("Caused by: java.io.IOException"), "{md}");
    // Completion describes entries by their telling line.
    let out = env
        .cmd()
        .env("COMPLETE", "fish")
        .args(["--", "casefile", "show", ""])
        .output()
        .unwrap();
    let completions = String::from_utf8_lossy(&out.stdout);
    assert!(
        completions.contains("2\tevidence: KeyError: 'user_id'"),
        "{completions}"
    );
    assert!(!completions.contains("Traceback"), "{completions}");
}

#[test]
fn a_trace_written_under_a_caption_keeps_the_caption_in_its_headline() {
    let env = TestEnv::new();
    env.new_case("captions");
    env.ok(&["hypo", "the config file is missing on new pods"]); // 1
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tracebacks");
    let python = std::fs::read_to_string(data.join("python-chained.txt")).unwrap();
    let java = std::fs::read_to_string(data.join("java-caused-by.txt")).unwrap();
    // A caption and a piped body (`ev "caption:" -`).
    env.cmd()
        .args(["ev", "--supports", "1", "deploy failed:", "-"])
        .write_stdin(python.clone())
        .assert()
        .success(); // 2
                    // A caption line followed by the trace, piped whole.
    env.cmd()
        .arg("ev")
        .write_stdin(format!("payment worker after the 14:02 deploy\n{java}"))
        .assert()
        .success(); // 3
                    // A trace on its own is still its exception line.
    env.cmd().arg("ev").write_stdin(python).assert().success(); // 4
    let two = "deploy failed: RuntimeError: config could not be loaded";
    let three = "payment worker after the 14:02 deploy: Caused by: java.io.IOException: \
                 Connection reset by peer";
    let four = "RuntimeError: config could not be loaded";
    let status = status_at(&env, 200);
    assert!(status.contains(&format!("+ #2 {two}")), "{status}");
    assert!(status.contains(&format!("#3    {three}")), "{status}");
    assert!(status.contains(&format!("#4    {four}")), "{status}");
    let log = run_at(&env, 200, &["log"]);
    for (n, line) in [(2, two), (3, three), (4, four)] {
        assert!(
            log.lines()
                .any(|l| l.starts_with(&format!("#{n} ")) && l.ends_with(line)),
            "#{n} {line}:\n{log}"
        );
    }
    assert!(!log.contains("Traceback"), "{log}");
    let show = run_at(&env, 200, &["show", "1"]);
    assert!(show.contains(&format!("supported by: #2 {two}")), "{show}");
    let hits = env.json(&["search", "IOException"]);
    assert_eq!(hits[0]["headline"], three);
}

#[test]
fn when_shows_the_window_the_key_events_and_how_long_the_incident_has_been_going() {
    let env = TestEnv::new();
    env.write_config("timezone = \"America/New_York\"\n");
    env.new_case("when");
    env.ok(&[
        "event",
        "--at",
        "2026-11-16 09:10 -05:00",
        "provider status page: timeouts up",
    ]); // 1
    env.ok(&[
        "event",
        "--good",
        "--at",
        "2026-11-18 09:12:04 -05:00",
        "probe passes",
    ]); // 2
    env.ok(&[
        "event",
        "--bad",
        "--at",
        "2026-11-18 09:40:51 -05:00",
        "first 502",
    ]); // 3
    env.ok(&[
        "event",
        "--at",
        "2025-12-31 23:00 +01:00",
        "last year's deploy in Berlin",
    ]); // 4
    let now = |args: &[&str]| {
        let out = env
            .cmd()
            .env("CASEFILE_NOW", "2026-11-18T20:00:00Z")
            .env("TZ", "America/New_York")
            .env("COLUMNS", "100")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let text = now(&["status"]);
    assert!(
        text.contains("good #2, bad #3: between 09:12:04 and 09:40:51 -05:00 on 2026-11-18 (28m)"),
        "{text}"
    );
    // Key events by occurrence, with date, time and offset; the first is kept in view.
    let when = &text[text.find("\nWhen").unwrap()..];
    let events: Vec<&str> = when.lines().filter(|l| l.contains("  #")).collect();
    // In the viewer's zone, marked `*` when written at another offset.
    assert!(events[0].contains("2025-12-31 17:00 -05:00*  #4"), "{when}");
    assert!(events[1].contains("2026-11-16 09:10 -05:00  #1"), "{when}");
    // The good and bad moments are named, with their times, on the window's line, and not
    // listed again.
    assert_eq!(events.len(), 2, "{when}");
    assert!(!when.contains("#3 bad first 502"), "{when}");
    // The incident began with its first event, a year before the case was opened.
    assert!(
        text.contains("incident going 45w 6d (first event #4 at 2025-12-31 17:00*)"),
        "{text}"
    );
    assert!(text.contains("case opened"), "{text}");
    // A good moment after the first bad one is a contradiction.
    env.ok(&[
        "event",
        "--good",
        "--at",
        "2026-11-18 10:05 -05:00",
        "probe passes again",
    ]); // 6
    let text = now(&["status"]);
    assert!(text.contains("contradiction: #5 is marked good"), "{text}");
    assert!(text.contains("after the first bad #3"), "{text}");
    let json = env.json(&["status"]);
    assert_eq!(json["window"]["last_good"]["number"], 2);
    assert_eq!(json["window"]["first_bad"]["number"], 3);
    assert_eq!(json["window"]["span_ms"], 1_727_000);
    assert_eq!(json["window"]["contradiction"]["number"], 5);
    assert_eq!(json["first_event"]["number"], 4);
    assert_eq!(json["events"].as_array().unwrap().len(), 5);
}

#[test]
fn recent_shows_the_year_and_marks_times_written_at_another_offset() {
    let env = TestEnv::new();
    env.write_config("timezone = \"America/New_York\"\n");
    env.new_case("recent");
    env.ok(&[
        "note",
        "--at",
        "2025-06-01 10:00 -04:00",
        "last summer, here",
    ]);
    env.ok(&[
        "note",
        "--at",
        "2026-11-18 16:00 +01:00",
        "this year, in Berlin",
    ]);
    env.ok(&["note", "--at", "2026-11-18 09:00 -05:00", "this year, here"]);
    let out = env
        .cmd()
        .env("CASEFILE_NOW", "2026-11-18T20:00:00Z")
        .env("TZ", "America/New_York")
        .arg("status")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let recent = &text[text.find("Recent").unwrap()..];
    assert!(recent.contains("2025-06-01 10:00 #1"), "{recent}");
    assert!(recent.contains("11-18 10:00* #2"), "{recent}");
    assert!(recent.contains("11-18 09:00 #3"), "{recent}");
}

#[test]
fn people_and_the_actions_owner_due_time_and_claims() {
    let env = TestEnv::new();
    env.new_case("people");
    let as_author = |author: &str, args: &[&str]| {
        env.cmd()
            .env("CASEFILE_AUTHOR", author)
            .args(args)
            .assert()
            .success();
    };
    as_author("Dana", &["hypo", "the pool runs dry"]); // 1
    as_author("Dana", &["note", "one"]);
    as_author(
        "Ken",
        &[
            "todo",
            "--owner",
            "Ken",
            "--due",
            "2020-01-01 10:00 +00:00",
            "--ticket",
            "OPS-7",
            "add a finally block",
        ],
    ); // 3
    as_author(
        "Ken",
        &[
            "todo",
            "--owner",
            "Ana",
            "--due",
            "2099-01-01 10:00 +00:00",
            "add an alert",
        ],
    ); // 4
    as_author("Ken", &["claim", "1"]);
    as_author("Ana", &["claim", "4"]);
    let text = status_at(&env, 100);
    // Equal counts: the one seen last first, which depends on the clock's second here.
    assert!(text.contains("people: Dana (2, last") || text.contains("people: Ken (2, last"));
    assert!(text.contains("Dana (2, last"), "{text}");
    assert!(text.contains("Ken (2, last"), "{text}");
    assert!(
        text.contains(
            "#3    (owner Ken · due 2020-01-01 10:00, OVERDUE · ticket OPS-7) add a finally block"
        ),
        "{text}"
    );
    assert!(text.contains("(owner Ana · due 2099-01-01 10:00"), "{text}");
    assert!(!text.contains("2099-01-01 10:00, OVERDUE"), "{text}");
    assert!(text.contains("#1    (Ken on it since"), "{text}");
    assert!(text.contains("Ana on it since"), "{text}");
    let json = env.json(&["status"]);
    let people: Vec<(String, i64)> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["author"].as_str().unwrap().to_string(),
                p["entries"].as_i64().unwrap(),
            )
        })
        .collect();
    let mut people = people;
    people.sort();
    assert_eq!(people, [("Dana".to_string(), 2), ("Ken".to_string(), 2)]);
    assert!(json["people"][0]["last_seen"]
        .as_str()
        .unwrap()
        .ends_with("+00:00"));
    let claims: Vec<(i64, String)> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["number"].as_i64().unwrap(),
                c["author"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(claims, [(1, "Ken".to_string()), (4, "Ana".to_string())]);
    // A claim ends when the hypothesis is settled.
    env.ok(&["confirm", "1"]);
    assert!(!status_at(&env, 100).contains("Ken on it"));
}

#[test]
fn one_screen_with_every_section_bounded_and_json_with_all_of_it() {
    let env = TestEnv::new();
    env.ok(&["new", "Bounded", "-d", "what was reported"]);
    for i in 0..8 {
        env.ok(&["-q", "hypo", &format!("suspect {i} with a sentence long enough to need two lines at eighty columns, or nearly")]);
        env.ok(&["-q", "todo", &format!("step {i} with a sentence long enough to need two lines at eighty columns, or nearly")]);
        env.ok(&["-q", "ev", &format!("clue {i} linked to nothing")]);
        env.ok(&[
            "-q",
            "event",
            "--at",
            &format!("2026-11-1{i} 10:00 +00:00"),
            &format!("event {i}"),
        ]);
        env.ok(&["-q", "dead", &format!("dead end {i}")]);
        env.ok(&["-q", "note", "--pin", &format!("pinned note {i}")]);
    }
    let text = status_at(&env, 80);
    assert!(
        text.lines().count() <= 60,
        "{} lines:\n{text}",
        text.lines().count()
    );
    assert!(widest(&text) <= 80, "{text}");
    for bound in [
        "… and 6 more (casefile status --json)",
        "… and 5 more (casefile log --kind hypothesis)",
        "… and 5 more (casefile log --kind action)",
        "… and 5 more (casefile log --kind dead-end --kind hypothesis)",
        "… and more (casefile log --kind evidence)",
        "more (casefile log --kind event)",
    ] {
        assert!(text.contains(bound), "{bound}:\n{text}");
    }
    // Newcomer-first order.
    let order: Vec<usize> = [
        "Pinned",
        "Open hypotheses",
        "Ruled out",
        "Unlinked evidence",
        "Next",
        "When",
        "Recent",
    ]
    .iter()
    .map(|h| {
        text.find(&format!("\n{h}"))
            .unwrap_or_else(|| panic!("{h}:\n{text}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}\n{text}");
    let json = env.json(&["status"]);
    for key in [
        "case",
        "counts",
        "people",
        "pinned",
        "pinned_count",
        "claims",
        "window",
        "first_event",
        "open_hypotheses",
        "confirmed",
        "dead_ends",
        "unlinked_evidence",
        "open_actions",
        "events",
        "recent",
    ] {
        assert!(json.get(key).is_some(), "{key} missing");
    }
    assert_eq!(json["open_hypotheses"].as_array().unwrap().len(), 8);
    assert_eq!(json["pinned"].as_array().unwrap().len(), 9);
    assert_eq!(json["dead_ends"].as_array().unwrap().len(), 8);
}

#[test]
fn an_empty_case_flag_is_an_error_for_every_command() {
    let env = TestEnv::new();
    env.new_case("one");
    for args in [
        &["-C", "", "status"][..],
        &["-C", "", "list"],
        &["-C", " ", "search", "x", "--all"],
        &["-C", "", "note", "x"],
    ] {
        let err = env.fails(args, 1);
        assert_one_error_line(&err);
        assert!(err.contains("-C/--case needs a slug"), "{err}");
    }
    // Nothing was written.
    assert_eq!(env.json(&["log"]).as_array().unwrap().len(), 0);
}

#[test]
fn pins_marks_and_the_window_travel_through_export_and_import() {
    let env = TestEnv::new();
    env.ok(&["new", "Travels", "-d", "the problem statement"]);
    env.ok(&[
        "event",
        "--good",
        "--at",
        "2026-11-18 09:12:04 -05:00",
        "probe passes",
    ]);
    env.ok(&[
        "event",
        "--bad",
        "--at",
        "2026-11-18 09:40:51 -05:00",
        "first 502",
    ]);
    env.ok(&["hypo", "the pool runs dry"]);
    env.ok(&["claim", "4"]);
    env.ok(&["note", "--pin", "handing over"]);
    env.ok(&[
        "todo",
        "--owner",
        "Ken",
        "--due",
        "2026-11-19 10:00 -05:00",
        "deploy the tracking build",
    ]);
    let bundle = env.dir.path().join("case.json");
    env.ok(&["export", "--format", "json", "-o", bundle.to_str().unwrap()]);
    let other = TestEnv::new();
    other.ok(&["import", bundle.to_str().unwrap()]);
    let (a, b) = (env.json(&["status"]), other.json(&["status"]));
    for key in [
        "pinned",
        "window",
        "claims",
        "people",
        "open_actions",
        "first_event",
    ] {
        assert_eq!(a[key], b[key], "{key}");
    }
    assert_eq!(b["pinned"].as_array().unwrap().len(), 2);
    assert_eq!(b["window"]["span_ms"], 1_727_000);
    let text = status_at(&other, 100);
    // Shown in the viewer's zone (UTC here).
    assert!(
        text.contains("good #2, bad #3: between 14:12:04 and 14:40:51 +00:00 on 2026-11-18 (28m)"),
        "{text}"
    );
    assert!(text.contains("#5    handing over"), "{text}");
    assert!(text.contains("owner Ken"), "{text}");
}
