//! `casefile minutes`: per person, across all cases, what they did in a period.

mod common;

use common::TestEnv;

fn as_who(env: &TestEnv, who: &str, args: &[&str]) -> String {
    let out = env
        .cmd()
        .env("CASEFILE_AUTHOR", who)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn two_cases(env: &TestEnv) {
    as_who(env, "Dana", &["new", "Older case", "--slug", "older"]);
    as_who(env, "Dana", &["hypo", "the pool runs dry"]); // #1
    as_who(
        env,
        "Sam",
        &["ev", "--supports", "1", "37 pool errors in the log"],
    ); // #2
    as_who(env, "Dana", &["confirm", "1"]);
    as_who(env, "Sam", &["hypo", "the provider is slow"]); // #3
    as_who(env, "Sam", &["dead", "--of", "3", "provider p99 flat"]); // #4
    as_who(
        env,
        "Sam",
        &["todo", "--owner", "Sam", "alert on exhaustion"],
    ); // #5
    as_who(env, "Dana", &["todo", "revert the pool"]); // #6
    as_who(env, "Dana", &["done", "6"]);
    as_who(
        env,
        "Dana",
        &["event", "commit 1a2b3c4 on main: shrink pool"],
    ); // #7
    as_who(env, "Dana", &["note", "written by mistake"]); // #8
    as_who(env, "Dana", &["retract", "8"]);
    as_who(env, "Dana", &["close", "--summary", "done"]);
    // Opened a moment later: the newer case.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    as_who(env, "Sam", &["new", "Newer case", "--slug", "newer"]);
    as_who(env, "Dana", &["run", "--", "true"]); // #1
}

#[test]
fn minutes_list_what_each_person_did_newest_case_first() {
    let env = TestEnv::new();
    two_cases(&env);
    let md = env.ok(&["minutes"]);
    assert!(md.starts_with("# Minutes: since "), "{md}");
    let dana = md.find("\n## Dana\n").expect("Dana");
    let sam = md.find("\n## Sam\n").expect("Sam");
    assert!(dana < sam, "people by name:\n{md}");
    let dana_part = &md[dana..sam];
    let sam_part = &md[sam..];
    // Newest case first.
    let newer = dana_part.find("### `newer`").expect("newer case");
    let older = dana_part.find("### `older`").expect("older case");
    assert!(newer < older, "{md}");
    for wanted in [
        "- runs (1): #1 `true` exited 0",
        "- hypotheses opened (1): #1 the pool runs dry",
        "- confirmed (1): #1 the pool runs dry",
        "- actions done (1): #6 revert the pool",
        "- commits (git hook) (1): #7 commit 1a2b3c4 on main: shrink pool",
        "- closed the case (closed as resolved)",
        "- opened the case",
    ] {
        assert!(dana_part.contains(wanted), "Dana: {wanted:?}\n{md}");
    }
    for wanted in [
        "- evidence (1): #2 37 pool errors in the log",
        "- dead ends (1): #4 provider p99 flat",
        "- actions still open (1): #5 alert on exhaustion",
    ] {
        assert!(sam_part.contains(wanted), "Sam: {wanted:?}\n{md}");
    }
    assert!(!md.contains("written by mistake"), "retracted:\n{md}");

    // Only some people; JSON carries the same.
    let only = env.ok(&["minutes", "--author", "sam"]);
    assert!(!only.contains("## Dana"), "{only}");
    let json = env.json(&["minutes", "--author", "Sam"]);
    let people = json["people"].as_array().unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0]["name"], "Sam");
    // A case records no author of its own: "opened" goes to the author of its first entry,
    // so Sam (who only created the newer case) did nothing there.
    assert_eq!(people[0]["cases"].as_array().unwrap().len(), 1);
    let older = &people[0]["cases"][0];
    assert_eq!(older["slug"], "older");
    let dead = older["activity"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["what"] == "dead-end")
        .unwrap();
    assert_eq!(dead["count"], 1);
    assert_eq!(dead["newest"][0]["number"], 4);

    // A period before anything happened lists nothing; a new write shows up at once.
    let empty = env.ok(&["minutes", "--since", "2016-01-01", "--until", "2016-01-08"]);
    assert!(
        empty.contains("_Nothing recorded in this period._"),
        "{empty}"
    );
    as_who(&env, "Lee", &["-C", "older", "note", "a late thought"]);
    assert!(env.ok(&["minutes"]).contains("## Lee"));
    assert!(env
        .ok(&["minutes", "--all"])
        .starts_with("# Minutes: all time"));
    // Bad input: one error line.
    let err = env.fails(&["minutes", "--since", "not a time"], 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    let err = env.fails(
        &["minutes", "--since", "2016-01-08", "--until", "2016-01-01"],
        1,
    );
    assert!(err.contains("--until"), "{err}");
}
