//! Hand-over and postmortem, end to end: search, close, export (Markdown and JSON bundles),
//! import and merge.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{assert_one_error_line, TestEnv};
use serde_json::Value;

/// A realistic case: an incident with events at several offsets, hypotheses confirmed and
/// refuted, evidence for and against, a `run` whose output is full of backticks, actions,
/// and text that tries to break tables (pipes, line breaks).
fn realistic_case(env: &TestEnv) -> String {
    let slug = env.json(&[
        "new",
        "T8604 UIDVALIDITY error: endless resync loop",
        "--ticket",
        "T8604",
        "--ticket",
        "https://tracker.example/T8604",
        "--tag",
        "imap",
    ])["slug"]
        .as_str()
        .unwrap()
        .to_string();
    let w = |args: &[&str]| env.ok(args);
    w(&[
        "event",
        "--at",
        "2016-04-06T15:01:11-04:00",
        "deploy of v2.3 to production",
    ]);
    w(&[
        "event",
        "--at",
        "2016-04-06 21:30 +02:00",
        "first customer report: mailbox resyncs forever",
    ]);
    w(&[
        "hypo",
        "--at",
        "2016-04-06T15:40:00-04:00",
        "UIDVALIDITY changes on every SELECT",
    ]); // #3
    w(&[
        "ev",
        "--supports",
        "3",
        "--at",
        "2016-04-06T15:45:00-04:00",
        "server log shows | UIDVALIDITY 17 then 18\nand 19 a second later",
    ]); // #4
    w(&[
        "hypo",
        "--at",
        "2016-04-06T15:50:00-04:00",
        "the client cache is corrupt",
    ]); // #5
    w(&[
        "dead",
        "--of",
        "5",
        "--at",
        "2016-04-06T16:00:00-04:00",
        "wiping the cache did not help",
    ]); // #6
    w(&[
        "hypo",
        "--at",
        "2016-04-06T16:05:00-04:00",
        "clock skew between replicas",
    ]); // #7
    w(&[
        "ev",
        "--refutes",
        "7",
        "--at",
        "2016-04-06T16:10:00-04:00",
        "ntp offsets under 2 ms",
    ]); // #8
        // #9: `run` exits with the command's own status (2).
    let out = env
        .cmd()
        .args([
            "run",
            "--supports",
            "3",
            "--",
            "sh",
            "-c",
            "printf 'select ok\\n```` fence-breaker ````\\n`one` ``two``\\n'; exit 2",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    w(&["confirm", "3", "--because", "4"]);
    w(&["todo", "add a regression test for UIDVALIDITY"]); // #10
    w(&["todo", "alert on resync loops"]); // #11
    w(&["done", "10"]);
    w(&[
        "note",
        "--at",
        "2016-04-06T16:30:00-04:00",
        "pair-debugged with Sam; <b>not</b> html",
    ]);
    slug
}

fn close_fully(env: &TestEnv) {
    env.ok(&[
        "close",
        "--resolved",
        "--summary",
        "Mailboxes resynced forever after the v2.3 deploy.",
        "--impact",
        "About 3% of IMAP users | 40 support tickets.",
        "--root-cause",
        "The replica returned a fresh UIDVALIDITY on every SELECT.",
        "--fix",
        "Pin UIDVALIDITY to the mailbox creation time.",
        "--lessons",
        "Test mailbox identity across replicas.",
    ]);
}

fn search_json(env: &TestEnv, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    match env.json(&all) {
        Value::Array(items) => items,
        other => panic!("search --json is not an array: {other}"),
    }
}

fn numbers(hits: &[Value]) -> Vec<i64> {
    hits.iter().map(|h| h["number"].as_i64().unwrap()).collect()
}

// ---------------------------------------------------------------- search

#[test]
fn search_ranks_best_matches_first_and_highlights() {
    let env = TestEnv::new();
    env.new_case("ranking");
    env.ok(&["note", "the weather was fine, nothing about queues"]);
    env.ok(&["note", "timeout timeout timeout: the timeout is everywhere"]); // #2
    env.ok(&[
        "note",
        "one timeout among many other words in a much longer note about other things entirely",
    ]);
    let hits = search_json(&env, &["timeout"]);
    assert_eq!(numbers(&hits), [2, 3], "{hits:?}");
    let first = &hits[0];
    assert_eq!(first["case"], "ranking");
    assert_eq!(first["kind"], "note");
    assert!(
        first["snippet"].as_str().unwrap().contains("**timeout**"),
        "{first}"
    );
    assert!(first["time"].as_str().unwrap().contains('T'));

    // Text output: slug, #N, kind, and the snippet with the match marked.
    let text = env.ok(&["search", "timeout"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ranking #2 note"), "{text}");
    assert!(lines[1].contains("**timeout**"), "{text}");

    // Stemming: the plural finds the singular.
    assert_eq!(numbers(&search_json(&env, &["timeouts"])), [2, 3]);
}

#[test]
fn search_shows_state_and_searches_run_output_and_text_attachments() {
    let env = TestEnv::new();
    env.new_case("kinds");
    env.ok(&["hypo", "the pool is exhausted"]);
    env.ok(&["confirm", "1"]);
    env.ok(&["run", "--", "sh", "-c", "echo kaboomerang happened"]);
    let file = env.work().join("trace.log");
    std::fs::write(&file, "line one\nsegfault in zebrafish_alloc\n").unwrap();
    env.ok(&["ev", "see the trace", "--file", file.to_str().unwrap()]);

    let hits = search_json(&env, &["pool"]);
    assert_eq!(hits[0]["state"], "confirmed");
    assert_eq!(hits[0]["kind"], "hypothesis");
    assert_eq!(numbers(&search_json(&env, &["kaboomerang"])), [2]);
    assert_eq!(numbers(&search_json(&env, &["zebrafish_alloc"])), [3]);
}

#[test]
fn search_phrases_and_prefixes() {
    let env = TestEnv::new();
    env.new_case("phrases");
    env.ok(&["note", "connection reset by peer"]); // #1
    env.ok(&["note", "reset the connection pool"]); // #2
    env.ok(&["note", "UIDVALIDITY resynchronisation started"]); // #3
                                                                // Both words: both notes. The phrase: only the first.
    assert_eq!(
        numbers(&search_json(&env, &["connection", "reset"])).len(),
        2
    );
    assert_eq!(numbers(&search_json(&env, &["\"connection reset\""])), [1]);
    // An argument quoted in the shell (one argv with a space) is a phrase too.
    assert_eq!(numbers(&search_json(&env, &["connection reset"])), [1]);
    // Prefix.
    assert_eq!(numbers(&search_json(&env, &["resynch*"])), [3]);
    assert_eq!(numbers(&search_json(&env, &["uidval*"])), [3]);
    // FTS5 syntax characters are just text, never an error.
    for odd in ["AND", "(", "a:b", "NEAR(", "\"unbalanced", "*", "^x"] {
        env.ok(&["search", odd]);
    }
    env.ok(&["search", "--", "-x"]);
}

#[test]
fn no_match_is_exit_0_and_no_output() {
    let env = TestEnv::new();
    env.new_case("empty search");
    env.ok(&["note", "something"]);
    let out = env
        .cmd()
        .args(["search", "nothingmatches"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
    let out = env.ok(&["search", "nothingmatches", "--json"]);
    assert_eq!(out.trim(), "[]");
    let out = env.ok(&["search", "--all", "nothingmatches", "--json"]);
    assert_eq!(out.trim(), "[]");
}

#[test]
fn search_all_covers_every_case_and_plain_search_only_the_current_one() {
    let env = TestEnv::new();
    env.new_case("first case");
    env.ok(&["note", "kernel panic in the first case"]);
    env.new_case("second case");
    env.ok(&["note", "kernel panic again, second case"]);
    let here = search_json(&env, &["kernel"]);
    assert_eq!(here.len(), 1);
    assert_eq!(here[0]["case"], "second-case");
    let all = search_json(&env, &["--all", "kernel"]);
    let mut cases: Vec<&str> = all.iter().map(|h| h["case"].as_str().unwrap()).collect();
    cases.sort();
    assert_eq!(cases, ["first-case", "second-case"]);
    // -C picks the case.
    assert_eq!(
        search_json(&env, &["-C", "first-case", "kernel"])[0]["case"],
        "first-case"
    );
}

#[test]
fn the_index_is_private_and_can_be_deleted() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.new_case("private");
    env.ok(&["note", "secretive words"]);
    env.ok(&["search", "--all", "secretive"]);
    let index = env.home().join("index.sqlite");
    let mode = std::fs::metadata(&index).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // Derived data: a garbage or missing index is rebuilt.
    std::fs::write(&index, b"garbage, not sqlite at all").unwrap();
    assert_eq!(numbers(&search_json(&env, &["--all", "secretive"])), [1]);
    std::fs::remove_file(&index).unwrap();
    assert_eq!(numbers(&search_json(&env, &["secretive"])), [1]);
}

#[test]
fn the_index_follows_edits_states_imports_copies_and_deletions() {
    let env = TestEnv::new();
    env.new_case("moving target");
    env.ok(&["hypo", "alpha particles flip bits"]);
    assert_eq!(numbers(&search_json(&env, &["--all", "alpha"])), [1]);

    // An edit: the old word is gone, the new one found.
    env.cmd()
        .args(["edit", "1"])
        .env("EDITOR", "sed -i s/alpha/gamma/")
        .assert()
        .success();
    assert!(search_json(&env, &["--all", "alpha"]).is_empty());
    assert_eq!(numbers(&search_json(&env, &["--all", "gamma"])), [1]);

    // A state change shows in the result.
    env.ok(&["refute", "1"]);
    assert_eq!(search_json(&env, &["gamma"])[0]["state"], "refuted");

    // An import of a bundle from elsewhere.
    let other = TestEnv::new();
    other.new_case("from elsewhere");
    other.ok(&["note", "imported quokka sighting"]);
    let bundle = other.work().join("b.json");
    other.ok(&["export", "--format", "json", "-o", bundle.to_str().unwrap()]);
    env.ok(&["import", bundle.to_str().unwrap()]);
    let hits = search_json(&env, &["--all", "quokka"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["case"], "from-elsewhere");
    // … and a note added to it afterwards.
    env.ok(&["-C", "from-elsewhere", "note", "second quokka"]);
    assert_eq!(search_json(&env, &["--all", "quokka"]).len(), 2);

    // A case file copied in by hand.
    let third = TestEnv::new();
    third.new_case("copied by hand");
    third.ok(&["note", "wombat in the server room"]);
    std::fs::copy(
        third.case_file("copied-by-hand"),
        env.case_file("copied-by-hand"),
    )
    .unwrap();
    let wal = |p: &Path| p.with_extension("sqlite-wal");
    if wal(&third.case_file("copied-by-hand")).exists() {
        std::fs::copy(
            wal(&third.case_file("copied-by-hand")),
            wal(&env.case_file("copied-by-hand")),
        )
        .unwrap();
    }
    let hits = search_json(&env, &["--all", "wombat"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["case"], "copied-by-hand");

    // A deleted case disappears from the results.
    for suffix in ["", "-wal", "-shm"] {
        let mut p = env.case_file("copied-by-hand").into_os_string();
        p.push(suffix);
        std::fs::remove_file(p).ok();
    }
    assert!(search_json(&env, &["--all", "wombat"]).is_empty());
    assert_eq!(search_json(&env, &["--all", "quokka"]).len(), 2);
}

// ---------------------------------------------------------------- close

#[test]
fn close_with_every_flag_records_the_postmortem_fields() {
    let env = TestEnv::new();
    let slug = realistic_case(&env);
    close_fully(&env);
    let status = env.json(&["status"]);
    let case = &status["case"];
    assert_eq!(case["state"], "resolved");
    assert!(case["closed_at"].is_string());
    let info = env.json(&["list", "--closed"]);
    assert_eq!(info[0]["slug"], slug);
    assert_eq!(
        info[0]["summary"],
        "Mailboxes resynced forever after the v2.3 deploy."
    );
    assert_eq!(info[0]["lessons"], "Test mailbox identity across replicas.");
    assert!(
        env.ok(&["list"]).trim().is_empty(),
        "closed case listed as open"
    );

    // Abandoned, after a reopen.
    env.ok(&["reopen-case", &slug]);
    assert_eq!(env.json(&["status"])["case"]["state"], "open");
    assert!(env.json(&["status"])["case"]["closed_at"].is_null());
    env.ok(&["close", "--abandoned"]);
    let case = env.json(&["status"])["case"].clone();
    assert_eq!(case["state"], "abandoned");
    // The fields given at the first close are kept.
    assert_eq!(case["summary"], info[0]["summary"]);
    // Closing a closed case without anything to change is an error.
    let err = env.fails(&["close"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("reopen-case"), "{err}");
    let err = env.fails(&["reopen-case", "no-such-case"], 1);
    assert_one_error_line(&err);
}

#[test]
fn close_warns_about_open_work_and_never_asks_without_a_terminal() {
    let env = TestEnv::new();
    env.new_case("loose ends");
    env.ok(&["hypo", "maybe the cache"]);
    env.ok(&["todo", "check the cache"]);
    // stdin is not a terminal (a closed pipe); the command must not wait for answers.
    let out = env
        .cmd()
        .arg("close")
        .timeout(std::time::Duration::from_secs(20))
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 hypothesis is still open (#1)"),
        "{stderr}"
    );
    assert!(stderr.contains("1 action is still open (#2)"), "{stderr}");
    assert!(
        !stderr.contains("Summary"),
        "asked without a terminal: {stderr}"
    );
    let case = env.json(&["status"])["case"].clone();
    assert_eq!(case["state"], "resolved");
    assert!(case["summary"].is_null());
}

#[test]
fn interactive_close_asks_for_what_is_missing() {
    use expectrl::{Eof, Expect, Session};
    let env = TestEnv::new();
    env.new_case("interactive close");
    env.ok(&["hypo", "open question"]);
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("casefile"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.user_home())
        .env("CASEFILE_HOME", env.home())
        .env("CASEFILE_CONFIG", env.config_path())
        .env("USER", "tester")
        .env("TZ", "UTC")
        .env("TERM", "dumb")
        .current_dir(env.work())
        .args(["close", "--impact", "given on the command line"]);
    let mut p = Session::spawn(cmd).expect("spawn in a pty");
    p.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    p.expect("1 hypothesis is still open").unwrap();
    p.expect("Summary").unwrap();
    p.send_line("typed summary").unwrap();
    // Impact was given: not asked. Root cause is next.
    p.expect("Root cause").unwrap();
    p.send_line("typed root cause").unwrap();
    p.expect("Trigger").unwrap();
    p.send_line("typed trigger").unwrap();
    p.expect("Detection").unwrap();
    p.send_line("").unwrap();
    p.expect("Mitigation").unwrap();
    p.send_line("").unwrap();
    p.expect("Fix").unwrap();
    p.send_line("").unwrap();
    p.expect("Lessons").unwrap();
    p.send_line("typed lessons").unwrap();
    p.expect("What went well").unwrap();
    p.send_line("typed went well").unwrap();
    p.expect("What went wrong").unwrap();
    p.send_line("").unwrap();
    p.expect("Where we got lucky").unwrap();
    p.send_line("").unwrap();
    p.expect("closed interactive-close as resolved").unwrap();
    p.expect(Eof).ok();
    let case = env.json(&["status"])["case"].clone();
    assert_eq!(case["state"], "resolved");
    assert_eq!(case["summary"], "typed summary");
    assert_eq!(case["impact"], "given on the command line");
    assert_eq!(case["root_cause"], "typed root cause");
    assert!(case["fix"].is_null());
    assert_eq!(case["lessons"], "typed lessons");
    assert_eq!(case["trigger"], "typed trigger");
    assert_eq!(case["went_well"], "typed went well");
    assert!(case["detection"].is_null());
}

// ---------------------------------------------------------------- postmortem

#[test]
fn the_postmortem_is_well_formed_markdown() {
    use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
    let env = TestEnv::new();
    realistic_case(&env);
    close_fully(&env);
    let md = env.ok(&["export"]);

    let mut headings: Vec<(HeadingLevel, String)> = Vec::new();
    let mut in_heading: Option<(HeadingLevel, String)> = None;
    let mut code_blocks: Vec<(String, String)> = Vec::new();
    let mut in_code: Option<(String, String)> = None;
    let mut table_rows: Vec<usize> = Vec::new();
    let mut cells = 0;
    let mut header_cells = 0;
    let mut in_head = false;
    let mut tasks: Vec<bool> = Vec::new();
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => in_heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => headings.extend(in_heading.take()),
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => "indented".to_string(),
                };
                in_code = Some((info, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => code_blocks.extend(in_code.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = in_heading.as_mut() {
                    h.push_str(&t);
                }
                if let Some((_, c)) = in_code.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::Start(Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableCell) => {
                cells += 1;
                if in_head {
                    header_cells += 1;
                }
            }
            Event::End(TagEnd::TableRow) => table_rows.push(cells),
            Event::TaskListMarker(done) => tasks.push(done),
            _ => {}
        }
    }
    let titles: Vec<&str> = headings.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(titles[0], "T8604 UIDVALIDITY error: endless resync loop");
    for wanted in [
        "When",
        "Summary",
        "Impact",
        "Root cause",
        "Fix",
        "Lessons learned",
        "What happened",
        "Investigation timeline",
        "Hypotheses",
        "Confirmed",
        "Ruled out",
        "Dead ends",
        "Actions",
        "Participants",
        "Attachments",
        "Evidence appendix",
    ] {
        assert!(titles.contains(&wanted), "no heading {wanted}: {titles:?}");
    }
    assert_eq!(headings[0].0, HeadingLevel::H1);

    // Tables: the clock (3 columns), the timeline (5, one row per entry), the participants.
    assert_eq!(header_cells, 3 + 5 + 3);
    assert_eq!(table_rows.len(), 6 + 12 + 1, "{table_rows:?}");
    assert!(table_rows[6..18].iter().all(|&n| n == 5), "{table_rows:?}");

    // No diagram; the run output keeps its backticks inside its fence.
    assert!(code_blocks.iter().all(|(info, _)| info != "mermaid"));
    let output = code_blocks
        .iter()
        .find(|(info, _)| info == "text")
        .expect("run output block");
    assert!(output.1.contains("```` fence-breaker ````"), "{output:?}");
    assert!(output.1.contains("`one` ``two``"), "{output:?}");
    // Outside its fence the output never appears: only the command line mentions it.
    assert_eq!(md.matches("select ok\n").count(), 1);

    // Actions as a checklist: one done, one open.
    assert_eq!(tasks, [true, false]);

    // One zone for the document (the first event's offset), named at the top, and the
    // timeline in instant order.
    assert!(md.contains("- **Times:** in UTC-04:00 (the offset of the first event)"));
    let a = md
        .find("| 2016-04-06 15:01:11 -04:00")
        .expect("deploy time");
    let b = md
        .find("| 2016-04-06 15:40:00 -04:00")
        .expect("hypothesis time");
    let c = md
        .find("| 2016-04-06 15:30:00 -04:00")
        .expect("report time (21:30 +02:00)");
    assert!(a < c && c < b, "timeline not ordered by instant");
    assert!(!md.contains("+02:00"), "one zone for the document");
    // The incident started with the first event.
    assert!(
        md.contains("| Incident started | 2016-04-06 15:01:11 -04:00 | (the first event, #1) |")
    );
    // Evidence for and against each hypothesis, and why ruled-out ones were, each once.
    // #4 supports #3 and is the reason it was confirmed: listed once, as the reason.
    assert!(md.contains("Because: **#4**"), "{md}");
    assert!(!md.contains("For: **#4**"), "{md}");
    assert!(md.contains("For: **#9**"), "{md}");
    assert!(md.contains("Against: **#8**"), "{md}");
    assert!(md.contains("Ruled out by: **#6**"), "{md}");
    assert_eq!(
        md.matches("wiping the cache did not help").count(),
        2,
        "table + reason"
    );
    assert!(md.contains("&lt;b&gt;not&lt;/b&gt; html"));
    assert!(
        md.contains("server log shows \\| UIDVALIDITY 17 then 18<br>and 19"),
        "{md}"
    );
}

#[test]
fn postmortem_snapshot() {
    let env = TestEnv::new();
    realistic_case(&env);
    close_fully(&env);
    let md = env.ok(&["export"]);
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "[UUID]",
    );
    // Times written now (in the test's UTC) vary; the ones given with --at (other offsets) stay.
    settings.add_filter(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? \+00:00", "[NOW]");
    // The document's zone is the first event's (-04:00): times written now are shown in it.
    settings.add_filter(
        r"20[2-9]\d-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}",
        "[NOW]",
    );
    settings.add_filter(r"open \d+[smhdwy]( \d+[smhdwy])?", "open [DURATION]");
    settings.add_filter(r"- \*\*Duration:\*\* .*", "- **Duration:** [DURATION]");
    settings.add_filter(r"after \d+ ms", "after [N] ms");
    settings.bind(|| insta::assert_snapshot!("postmortem", md));
}

#[test]
fn export_to_a_file_is_atomic_and_templates_render() {
    let env = TestEnv::new();
    realistic_case(&env);
    let out = env.work().join("pm.md");
    env.ok(&["export", "-o", out.to_str().unwrap()]);
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("# T8604"));
    let leftovers: Vec<_> = std::fs::read_dir(env.work())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A template, given on the command line or in the config.
    let tpl = env.work().join("short.md.j2");
    std::fs::write(
        &tpl,
        "{{ case.title }} has {{ entries | length }} entries; #{{ entries[0].number }} is a {{ entries[0].kind }}\n",
    )
    .unwrap();
    let text = env.ok(&["export", "--template", tpl.to_str().unwrap()]);
    assert_eq!(
        text,
        "T8604 UIDVALIDITY error: endless resync loop has 12 entries; #1 is a event\n"
    );
    env.write_config(&format!(
        "[export]\ntemplate = {:?}\n",
        tpl.to_str().unwrap()
    ));
    assert_eq!(env.ok(&["export"]), text);

    // The shipped default template renders the same sections.
    let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/postmortem.md.j2");
    let md = env.ok(&["export", "--template", default.to_str().unwrap()]);
    for section in [
        "## When",
        "## Investigation timeline",
        "## Hypotheses",
        "## Dead ends",
        "## Evidence appendix",
        "## Actions",
    ] {
        assert!(md.contains(section), "{section} missing:\n{md}");
    }
    assert!(md.contains("`````text\nselect ok"), "{md}");
    // The built-in ones by name, and the list of them.
    let sre = env.ok(&["export", "--template", "sre"]);
    assert!(sre.starts_with("# Postmortem: T8604"), "{sre}");
    let aar = env.ok(&["export", "--template", "aar"]);
    assert!(aar.starts_with("# After-action review: T8604"), "{aar}");
    let list = env.ok(&["export", "--list-templates"]);
    for name in ["default", "sre", "aar"] {
        assert!(list.lines().any(|l| l.starts_with(name)), "{list}");
    }

    // A broken template is one error line.
    std::fs::write(&tpl, "{% for x in %}").unwrap();
    let err = env.fails(&["export", "--template", tpl.to_str().unwrap()], 1);
    assert_one_error_line(&err);
    let err = env.fails(&["export", "--template", "/no/such/file"], 1);
    assert_one_error_line(&err);
}

// ---------------------------------------------------------------- bundles

fn bundle(env: &TestEnv, case: &str) -> Value {
    let text = env.ok(&["-C", case, "export", "--format", "json"]);
    serde_json::from_str(&text).unwrap()
}

/// A bundle without what legitimately differs between two copies of a case.
fn comparable(mut b: Value) -> Value {
    b.as_object_mut().unwrap().remove("exported_at");
    b
}

#[test]
fn a_bundle_has_the_documented_shape() {
    let env = TestEnv::new();
    let slug = realistic_case(&env);
    let file = env.work().join("with-attachment.txt");
    std::fs::write(&file, b"attached bytes \x00\x01\x02").unwrap();
    env.ok(&["note", "with a file", "--file", file.to_str().unwrap()]);
    let b = bundle(&env, &slug);
    assert_eq!(b["format"], "casefile-bundle");
    assert!(b["version"].is_i64());
    assert_eq!(b["case"]["slug"], slug);
    assert!(b["case"]["uuid"].is_string());
    let entries = b["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 13);
    let hypo = &entries[2];
    assert_eq!(hypo["kind"], "hypothesis");
    assert_eq!(hypo["state"], "confirmed");
    assert_eq!(hypo["states"][0]["state"], "confirmed");
    assert!(hypo["states"][0]["uuid"].is_string());
    let ev = &entries[3];
    assert_eq!(ev["links"][0]["type"], "supports");
    assert_eq!(ev["links"][0]["target"], 3);
    assert_eq!(ev["links"][0]["target_uuid"], hypo["uuid"]);
    let att = &entries[12]["attachments"][0];
    assert_eq!(att["name"], "with-attachment.txt");
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(att["content"].as_str().unwrap())
        .unwrap();
    assert_eq!(bytes, b"attached bytes \x00\x01\x02");
    let run = &entries[8];
    assert_eq!(run["command"]["exit_code"], 2);
    assert!(run["output"].as_str().unwrap().contains("fence-breaker"));
}

#[test]
fn export_then_import_into_an_empty_home_reproduces_the_case() {
    let a = TestEnv::new();
    let slug = realistic_case(&a);
    let file = a.work().join("blob.bin");
    std::fs::write(&file, (0u8..=255).collect::<Vec<u8>>()).unwrap();
    a.ok(&["ev", "binary evidence", "--file", file.to_str().unwrap()]);
    a.cmd()
        .args(["edit", "1"])
        .env("EDITOR", "sed -i s/deploy/rollout/")
        .assert()
        .success();
    close_fully(&a);
    let original = bundle(&a, &slug);
    let path = a.work().join("bundle.json");
    std::fs::write(&path, serde_json::to_string(&original).unwrap()).unwrap();

    let b = TestEnv::new();
    let line = b.ok(&["import", path.to_str().unwrap()]);
    assert!(line.starts_with("imported 13 entries"), "{line}");
    assert!(line.contains(&slug), "{line}");
    let copy = bundle(&b, &slug);
    assert_eq!(comparable(copy), comparable(original.clone()));
    // The attachment comes back out byte for byte.
    let out = b
        .cmd()
        .args(["-C", &slug, "attachment", "13"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, (0u8..=255).collect::<Vec<u8>>());

    // Importing the same bundle again changes nothing.
    let line = b.ok(&["import", path.to_str().unwrap()]);
    assert_eq!(
        line.trim(),
        format!("imported 0 entries, 0 state changes into {slug} (13 already known)")
    );
    assert_eq!(comparable(bundle(&b, &slug)), comparable(original));

    // From stdin too, with --json.
    let v: Value = serde_json::from_slice(
        &b.cmd()
            .args(["import", "-", "--json"])
            .pipe_stdin(&path)
            .unwrap()
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(v["entries_known"], 13);
    assert_eq!(v["entries_added"], 0);
}

/// uuid → (kind, text, state, sorted link target uuids, sorted state change uuids)
fn by_uuid(b: &Value) -> BTreeMap<String, Value> {
    b["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut links: Vec<String> = e["links"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| format!("{} {}", l["type"], l["target_uuid"]))
                .collect();
            links.sort();
            let mut states: Vec<String> = e["states"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["uuid"].as_str().unwrap().to_string())
                .collect();
            states.sort();
            (
                e["uuid"].as_str().unwrap().to_string(),
                serde_json::json!([
                    e["kind"],
                    e["text"],
                    e["state"],
                    links,
                    states,
                    e["occurred_at"],
                    e["recorded_at"]
                ]),
            )
        })
        .collect()
}

#[test]
fn two_people_exchange_bundles_and_converge() {
    let alice = TestEnv::new();
    let slug = alice.new_case("shared incident");
    alice.ok(&["hypo", "the disk is full"]); // #1
    alice.ok(&["hypo", "the network is partitioned"]); // #2
    alice.ok(&["todo", "check df"]); // #3
    let start = alice.work().join("start.json");
    alice.ok(&["export", "--format", "json", "-o", start.to_str().unwrap()]);

    let bob = TestEnv::new();
    bob.ok(&["import", start.to_str().unwrap()]);
    bob.ok(&["use", &slug]);

    // Both carry on independently.
    alice.ok(&["ev", "--supports", "1", "df shows 100% on /var"]); // alice #4
    alice.ok(&["confirm", "1", "--because", "4"]);
    alice.ok(&["done", "3"]);
    bob.ok(&["ev", "--refutes", "2", "ping works between all nodes"]); // bob #4
    bob.ok(&["refute", "2"]);
    bob.ok(&["todo", "add disk alerts"]); // bob #5

    let from_alice = alice.work().join("alice.json");
    alice.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        from_alice.to_str().unwrap(),
    ]);
    let from_bob = bob.work().join("bob.json");
    bob.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        from_bob.to_str().unwrap(),
    ]);
    let line = alice.ok(&["import", from_bob.to_str().unwrap()]);
    assert!(
        line.starts_with("imported 2 entries, 1 state change"),
        "{line}"
    );
    assert!(line.contains("(3 already known)"), "{line}");
    bob.ok(&["import", from_alice.to_str().unwrap()]);

    let a = by_uuid(&bundle(&alice, &slug));
    let b = by_uuid(&bundle(&bob, &slug));
    assert_eq!(a.len(), 6);
    assert_eq!(a, b);
    // The states combine: #1 confirmed (alice), #2 refuted (bob), #3 done (alice).
    let status = alice.json(&["status"]);
    assert_eq!(status["confirmed"][0]["text"], "the disk is full");
    assert_eq!(status["dead_ends"][0]["text"], "the network is partitioned");
    assert_eq!(status["open_actions"][0]["text"], "add disk alerts");
    // Numbers are local: alice's new entries from bob came after hers.
    let nums: Vec<i64> = bundle(&alice, &slug)["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_i64().unwrap())
        .collect();
    assert_eq!(nums, [1, 2, 3, 4, 5, 6]);

    // A later reopen by bob and close by alice: case state merges by latest event.
    alice.ok(&["close", "--summary", "disk full"]);
    let closed = alice.work().join("closed.json");
    alice.ok(&["export", "--format", "json", "-o", closed.to_str().unwrap()]);
    bob.ok(&["import", closed.to_str().unwrap()]);
    assert_eq!(bob.json(&["status"])["case"]["state"], "resolved");
    assert_eq!(bob.json(&["status"])["case"]["summary"], "disk full");
    // The counts kept with every write survived the merges on both sides.
    for env in [&alice, &bob] {
        let slug = env.json(&["status"])["case"]["slug"]
            .as_str()
            .unwrap()
            .to_string();
        common::assert_counts_match(&env.case_file(&slug));
    }
}

#[test]
fn a_slug_taken_by_another_case_needs_as() {
    let a = TestEnv::new();
    a.new_case("same name");
    a.ok(&["note", "from a"]);
    let path = a.work().join("a.json");
    a.ok(&["export", "--format", "json", "-o", path.to_str().unwrap()]);

    let b = TestEnv::new();
    b.new_case("same name");
    let err = b.fails(&["import", path.to_str().unwrap()], 1);
    assert_one_error_line(&err);
    assert!(err.contains("--as"), "{err}");
    let line = b.ok(&["import", path.to_str().unwrap(), "--as", "same-name-from-a"]);
    assert!(line.contains("same-name-from-a"), "{line}");
    // Found again by UUID under its new slug.
    let line = b.ok(&["import", path.to_str().unwrap()]);
    assert!(
        line.contains("into same-name-from-a (1 already known)"),
        "{line}"
    );
}

fn file_bytes(env: &TestEnv) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(env.home().join("cases"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .filter(|(n, _)| !n.ends_with("-shm"))
        .collect();
    all.sort();
    all
}

#[test]
fn bad_bundles_change_nothing() {
    let a = TestEnv::new();
    let slug = realistic_case(&a);
    let good = a.ok(&["export", "--format", "json"]);
    let good_value: Value = serde_json::from_str(&good).unwrap();

    // Into the same home (merge target exists) and into a fresh one (would create a case).
    let b = TestEnv::new();
    b.new_case("bystander");
    let mut with_new_entry = good_value.clone();
    with_new_entry["entries"][0]["uuid"] = Value::from("01a20bde-0000-7000-8000-00000000abcd");
    with_new_entry["entries"][1]["attachments"] =
        serde_json::json!([{"name": "x", "size": 3, "sha256": "00", "content": "!!!"}]);
    let mut missing_target = good_value.clone();
    missing_target["entries"][3]["links"][0]["target_uuid"] =
        Value::from("01a20bde-0000-7000-8000-00000000ffff");
    let mut bad_state = good_value.clone();
    bad_state["entries"][0]["states"] = serde_json::json!([{"uuid": "01a20bde-0000-7000-8000-00000000eeee", "state": "done", "at": "2026-01-01T00:00:00Z", "author": "x"}]);

    let bad: Vec<(&str, String)> = vec![
        (
            "malformed",
            "{\"format\": \"casefile-bundle\", \"version\": 1, ".to_string(),
        ),
        ("truncated", good[..good.len() * 2 / 3].to_string()),
        (
            "future version",
            good.replacen("\"version\":1", "\"version\":999", 1),
        ),
        (
            "wrong format",
            good.replacen("casefile-bundle", "casefile-backup", 1),
        ),
        ("not json", "hello".to_string()),
        ("empty", String::new()),
        ("bad attachment", with_new_entry.to_string()),
        ("dangling link", missing_target.to_string()),
        ("state for a kind without states", bad_state.to_string()),
    ];
    assert!(good.contains("\"version\":1"));
    for env in [&a, &b] {
        let before = file_bytes(env);
        let before_count = env.json(&["list", "--all"]).as_array().unwrap().len();
        for (what, text) in &bad {
            let path = env.work().join("bad.json");
            std::fs::write(&path, text).unwrap();
            let err = env.fails(&["import", path.to_str().unwrap()], 1);
            assert_one_error_line(&err);
            if *what == "future version" {
                assert!(err.contains("newer casefile"), "{what}: {err}");
            }
            assert_eq!(file_bytes(env), before, "{what} changed the case files");
        }
        assert_eq!(
            env.json(&["list", "--all"]).as_array().unwrap().len(),
            before_count
        );
    }
    assert_eq!(
        a.json(&["-C", &slug, "log"]).as_array().unwrap().len(),
        12,
        "entry count changed"
    );
}

/// A bundle of `rounds` × (hypothesis, `run` evidence for it, action), with texts long enough
/// that every section of the postmortem outgrows what it keeps in memory.
fn large_bundle(rounds: usize) -> Value {
    let uuid = |n: usize, part: u32| format!("01a20c64-{part:04x}-7000-8000-{n:012x}");
    let at = |n: usize| 1_795_504_232_000_i64 + n as i64 * 1_000;
    let time = |n: usize| {
        chrono::DateTime::from_timestamp_millis(at(n))
            .unwrap()
            .fixed_offset()
            .to_rfc3339()
    };
    let padding = "x".repeat(200);
    let mut entries = Vec::new();
    for i in 0..rounds {
        let (h, e, a) = (3 * i + 1, 3 * i + 2, 3 * i + 3);
        let state = ["confirmed", "refuted", "open"][i % 3];
        let states = if state == "open" {
            serde_json::json!([])
        } else {
            serde_json::json!([{"uuid": uuid(h, 2), "state": state, "at": time(h), "at_ms": at(h), "author": "t"}])
        };
        entries.push(serde_json::json!({
            "number": h, "uuid": uuid(h, 1), "kind": "hypothesis",
            "text": format!("hypothesis H{i}: {}", padding.repeat(4)), "author": "t",
            "recorded_at": time(h), "occurred_at": null, "at_ms": at(h), "state": state,
            "tags": [], "links": [], "context": {}, "attachments": [], "history": [],
            "states": states,
        }));
        entries.push(serde_json::json!({
            "number": e, "uuid": uuid(e, 1), "kind": "evidence",
            "text": format!("run R{i}"), "author": "t",
            "recorded_at": time(e), "occurred_at": null, "at_ms": at(e), "state": null,
            "tags": [],
            "links": [{"uuid": uuid(e, 3), "type": "supports", "target": h, "target_uuid": uuid(h, 1)}],
            "context": {}, "attachments": [], "history": [], "states": [],
            "command": {"argv": ["./repro", format!("{i}")], "exit_code": 1, "duration_ms": 5},
            "output": if i == 7 {
                format!("output of R{i}\n{}end of the long output\n", "long line\n".repeat(10_000))
            } else {
                format!("output of R{i}\n{padding}\n")
            },
        }));
        entries.push(serde_json::json!({
            "number": a, "uuid": uuid(a, 1), "kind": "action",
            "text": format!("action A{i}: {padding}"), "author": "t",
            "recorded_at": time(a), "occurred_at": null, "at_ms": at(a), "state": "open",
            "tags": [], "links": [], "context": {}, "attachments": [], "history": [], "states": [],
        }));
    }
    serde_json::json!({
        "format": "casefile-bundle", "version": 1,
        "case": {
            "uuid": "01a20c64-0000-7000-8000-000000000000", "slug": "large", "title": "Large",
            "state": "open", "opened_at": time(0), "closed_at": null, "tickets": [], "tags": [],
            "events": [],
        },
        "entries": entries,
    })
}

/// The `### `/`## ` section of `md` that starts with `heading`.
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md.find(&format!("\n{heading}\n")).expect(heading) + heading.len() + 2;
    let level = heading.split(' ').next().unwrap();
    let end = md[start..]
        .match_indices('\n')
        .map(|(i, _)| start + i + 1)
        .find(|&i| {
            let line = &md[i..];
            line.starts_with("## ") || (level == "###" && line.starts_with("### "))
        })
        .unwrap_or(md.len());
    &md[start..end]
}

/// Markers like `A12` in the order they appear.
fn markers(text: &str, prefix: char) -> Vec<usize> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter_map(|w| w.strip_prefix(prefix)?.parse().ok())
        .collect()
}

#[test]
fn a_large_postmortem_keeps_every_section_whole_and_in_order() {
    // 300 rounds: each section is larger than what a section keeps in memory, so it goes
    // through a temporary file (one `run` output is larger than that on its own); the result
    // must be the same as for a small case.
    let rounds = 300;
    let env = TestEnv::new();
    // Whole outputs, so that one is larger than a section keeps in memory.
    env.write_config("[export]\nrun_lines = 100000\n");
    let path = env.work().join("large.json");
    std::fs::write(&path, large_bundle(rounds).to_string()).unwrap();
    env.ok(&["import", path.to_str().unwrap()]);
    let md = env.ok(&["-C", "large", "export"]);
    assert!(md.len() > 300_000, "{}", md.len());

    let every = |step: usize, from: usize| (from..rounds).step_by(step).collect::<Vec<_>>();
    let confirmed = section(&md, "### Confirmed");
    assert_eq!(markers(confirmed, 'H'), every(3, 0));
    assert_eq!(markers(confirmed, 'R'), every(3, 0), "evidence under each");
    assert_eq!(markers(section(&md, "### Ruled out"), 'H'), every(3, 1));
    assert_eq!(markers(section(&md, "### Still open"), 'H'), every(3, 2));
    // Each fact once: refuted hypotheses are under "Ruled out", not again under dead ends.
    assert_eq!(
        markers(section(&md, "## Dead ends"), 'H'),
        Vec::<usize>::new()
    );
    let appendix = section(&md, "## Evidence appendix");
    assert_eq!(appendix.matches("\n### #").count(), rounds);
    assert_eq!(
        markers(appendix, 'R'),
        every(1, 0)
            .into_iter()
            .flat_map(|i| [i, i])
            .collect::<Vec<_>>()
    );
    assert!(appendix.contains(&format!(
        "{}end of the long output\n",
        "long line\n".repeat(10_000)
    )));
    let actions = section(&md, "## Actions");
    assert_eq!(markers(actions, 'A'), every(1, 0));
    assert_eq!(actions.matches("- [ ] ").count(), rounds);
    for (name, part) in [
        ("confirmed", confirmed),
        ("actions", actions),
        ("appendix", appendix),
    ] {
        assert!(
            part.len() > 2 * casefile::export::SPILL_IN_MEMORY,
            "{name}: {} bytes",
            part.len()
        );
    }

    // The same document through `-o` (a file, copied by the kernel) as on stdout (a pipe).
    let out = env.work().join("large.md");
    env.ok(&["-C", "large", "export", "-o", out.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), md);
    // Nothing is left behind in the home: spill files are anonymous.
    let leftovers: Vec<_> = std::fs::read_dir(env.home())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "cases" && n != "current" && !n.starts_with("index"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
