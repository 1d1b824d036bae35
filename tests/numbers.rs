//! Numbers that agree across homes, mentions kept by UUID, and short ids (issue 12, item 2).
//!
//! Each home is its own `CASEFILE_HOME`; they exchange JSON bundles with `export` / `import`.

mod common;

use std::path::PathBuf;

use common::{assert_one_error_line, TestEnv};
use serde_json::Value;

/// A home holding the shared case under `slug` (current).
struct Home {
    env: TestEnv,
    slug: String,
    name: &'static str,
}

impl Home {
    fn start(name: &'static str, title: &str) -> Home {
        let env = TestEnv::new();
        let slug = env.new_case(title);
        Home { env, slug, name }
    }

    /// A home that starts from another's bundle.
    fn from(name: &'static str, other: &Home) -> Home {
        let env = TestEnv::new();
        let bundle = other.export();
        env.ok(&["import", bundle.to_str().unwrap()]);
        env.ok(&["use", &other.slug]);
        Home {
            env,
            slug: other.slug.clone(),
            name,
        }
    }

    fn ok(&self, args: &[&str]) -> String {
        self.env.ok(args)
    }

    fn export(&self) -> PathBuf {
        let n = std::fs::read_dir(self.env.work()).unwrap().count();
        let path = self.env.work().join(format!("{}-{n}.json", self.name));
        self.ok(&["export", "--format", "json", "-o", path.to_str().unwrap()]);
        path
    }

    /// Import `other`'s bundle; returns stderr.
    fn import_from(&self, other: &Home) -> String {
        let bundle = other.export();
        let out = self
            .env
            .cmd()
            .args(["import", bundle.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    /// (number, uuid, text) of every entry, by number.
    fn entries(&self) -> Vec<(i64, String, String)> {
        let b: Value = serde_json::from_str(&self.ok(&["export", "--format", "json"])).unwrap();
        b["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["number"].as_i64().unwrap(),
                    e["uuid"].as_str().unwrap().to_string(),
                    e["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    fn number_of(&self, text: &str) -> i64 {
        self.entries()
            .into_iter()
            .find(|(_, _, t)| t == text)
            .unwrap_or_else(|| panic!("{}: no entry {text:?}", self.name))
            .0
    }

    fn text_of(&self, number: i64) -> String {
        self.env.json(&["show", &number.to_string()])["text"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

#[test]
fn numbers_agree_after_round_trips_with_concurrent_writes() {
    let a = Home::start("a", "shared incident");
    a.ok(&["hypo", "the disk is full"]); // #1
    a.ok(&["note", "paged at 03:10"]); // #2
    let b = Home::from("b", &a);

    // Both write offline: b first, then a, then b again.
    b.ok(&["ev", "--supports", "1", "df says 100%"]); // b #3
    a.ok(&["note", "a: restarted the writer"]); // a #3
    a.ok(&["todo", "a: add an alert"]); // a #4
    b.ok(&["note", "b: rotated logs"]); // b #4

    // A → B: b's #4 sorts after a's two entries (written later), b's #3 before them.
    let notice = b.import_from(&a);
    assert_eq!(
        notice.trim(),
        "renumbered: #4→#6 (merged entries written concurrently)"
    );
    // B → A: a's entries move up one, after b's #3.
    let notice = a.import_from(&b);
    assert_eq!(
        notice.trim(),
        "renumbered: #3-#4→#4-#5 (merged entries written concurrently)"
    );
    assert_eq!(a.entries(), b.entries());
    let texts: Vec<String> = a.entries().into_iter().map(|(_, _, t)| t).collect();
    assert_eq!(
        texts,
        [
            "the disk is full",
            "paged at 03:10",
            "df says 100%",
            "a: restarted the writer",
            "a: add an alert",
            "b: rotated logs"
        ]
    );

    // Another round: concurrent again, then A → B → A → B.
    a.ok(&["confirm", "1", "--because", "3"]);
    b.ok(&["note", "b: second round"]);
    a.ok(&["note", "a: second round"]);
    b.import_from(&a);
    a.import_from(&b);
    b.import_from(&a);
    assert_eq!(a.entries(), b.entries());
    assert_eq!(a.entries().len(), 8);
    // Entries from before the fork kept their numbers throughout.
    assert_eq!(a.number_of("the disk is full"), 1);
    assert_eq!(b.number_of("paged at 03:10"), 2);
    // Links and states follow the renumbered entries.
    let shown = b.env.json(&["show", "1"]);
    assert_eq!(shown["state"], "confirmed");
    let supporting = b
        .env
        .json(&["show", &b.number_of("df says 100%").to_string()]);
    assert_eq!(supporting["links"][0]["target"], 1);
    // Importing the same bundle again renumbers nothing and says nothing.
    assert_eq!(b.import_from(&a).trim(), "");
    for home in [&a, &b] {
        common::assert_counts_match(&home.env.case_file(&home.slug));
    }
}

#[test]
fn import_json_lists_the_renumbered_entries() {
    let a = Home::start("a", "json notice");
    a.ok(&["note", "base"]);
    let b = Home::from("b", &a);
    a.ok(&["note", "a first"]);
    b.ok(&["note", "b later"]);
    let bundle = a.export();
    let v = b.env.json(&["import", bundle.to_str().unwrap()]);
    assert_eq!(v["renumbered"], serde_json::json!([{"from": 2, "to": 3}]));
    assert_eq!(b.number_of("a first"), 2);
}

#[test]
fn mentions_keep_their_entry_across_renumbering_and_homes() {
    let a = Home::start("a", "mentions");
    a.ok(&["hypo", "the pool runs dry"]); // #1
    let b = Home::from("b", &a);
    a.ok(&["ev", "a: 10 connections busy"]); // a #2
    b.ok(&["note", "b: pool size is 10"]); // b #2, becomes #3 below
                                           // Mentions written in b: its own #2, #1, a number that names nothing, and not-mentions.
    b.ok(&[
        "note",
        "see #2 (and #1); #99 is nothing, issue#2 is text, &#2; too",
    ]); // b #3, becomes #4
    b.ok(&["refute", "1", "--because", "#2 says the pool is big enough"]); // b #4 → #5

    b.import_from(&a);
    let pool = b.number_of("b: pool size is 10");
    assert_eq!(pool, 3, "b's #2 was renumbered after a's entry");
    let mention = b.number_of("see #3 (and #1); #99 is nothing, issue#2 is text, &#2; too");
    assert_eq!(mention, 4);
    assert_eq!(
        b.text_of(5),
        "#3 says the pool is big enough",
        "--because text keeps its mention"
    );

    // In a, after importing b's bundle, the mentions name the same entries with a's numbers.
    a.import_from(&b);
    assert_eq!(a.entries(), b.entries());
    assert_eq!(
        a.text_of(4),
        "see #3 (and #1); #99 is nothing, issue#2 is text, &#2; too"
    );

    // Edit: the new text's mentions are resolved when written, the old text keeps its own.
    let env = &a.env;
    let editor = env.dir.path().join("ed.sh");
    std::fs::write(&editor, "#!/bin/sh\nprintf 'now about #2 only' > \"$1\"\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = env
        .cmd()
        .env("EDITOR", &editor)
        .args(["edit", "4"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    assert_eq!(a.text_of(4), "now about #2 only");

    // A third home forks from b before the edit; all three write concurrently, c first.
    let c = Home::from("c", &b);
    c.ok(&["note", "c: early note"]); // c #6
    b.ok(&["note", "b: later note"]); // b #6, becomes #7
    b.ok(&["note", "b: see #6 for later"]); // b #7, becomes #8
    a.ok(&["note", "a: mentions #4 and #2"]); // a #6, becomes #9
    let notice = b.import_from(&c);
    assert_eq!(
        notice.trim(),
        "renumbered: #6-#7→#7-#8 (merged entries written concurrently)"
    );
    a.import_from(&b);
    c.import_from(&a);
    b.import_from(&a);
    assert_eq!(a.entries(), b.entries());
    assert_eq!(a.entries(), c.entries());
    // Every mention names the entry it named when written, with each home's number.
    for home in [&a, &b, &c] {
        assert_eq!(home.text_of(6), "c: early note", "{}", home.name);
        assert_eq!(home.text_of(8), "b: see #7 for later", "{}", home.name);
        assert_eq!(home.text_of(7), "b: later note", "{}", home.name);
        assert_eq!(home.text_of(9), "a: mentions #4 and #2", "{}", home.name);
        // The edit travelled, and the earlier text (with its mentions) is history.
        let edited = home.env.json(&["show", "4"]);
        assert_eq!(edited["text"], "now about #2 only", "{}", home.name);
        assert_eq!(
            edited["history"][0]["text"],
            "see #3 (and #1); #99 is nothing, issue#2 is text, &#2; too"
        );
    }
    // The timeline and the postmortem show the local numbers too.
    let log = c.ok(&["log"]);
    assert!(log.contains("b: see #7 for later"), "{log}");
    let markdown = c.ok(&["export"]);
    assert!(markdown.contains("b: see #7 for later"), "{markdown}");
}

#[test]
fn short_ids_are_accepted_wherever_a_number_is() {
    let env = TestEnv::new();
    env.new_case("short ids");
    env.ok(&["hypo", "the cache is stale"]); // #1
    env.ok(&["todo", "flush the cache"]); // #2
    let hypo = env.json(&["show", "1"]);
    let short = hypo["short_id"].as_str().unwrap().to_string();
    let uuid = hypo["uuid"].as_str().unwrap().to_string();
    assert!(uuid.starts_with(&short), "{short} / {uuid}");
    assert!(short.replace('-', "").len() >= 8, "{short}");
    assert!(short.chars().any(|c| c.is_ascii_alphabetic()), "{short}");
    // Unique: the other entry's id does not start with it.
    let todo = env.json(&["show", "2"]);
    assert!(!todo["uuid"].as_str().unwrap().starts_with(&short));

    // `show` prints it and takes it (with or without `#`, hyphens or not, any case).
    let text = env.ok(&["show", &short]);
    assert!(text.contains(&format!("id: {short}")), "{text}");
    assert!(text.contains("the cache is stale"));
    let upper = format!("#{}", short.replace('-', "").to_uppercase());
    assert_eq!(env.json(&["show", &upper])["number"], 1);
    assert_eq!(env.json(&["show", &uuid])["number"], 1);

    // Links, states and reasons take short ids too.
    let ev = env.json(&["ev", "--supports", &short, "keys from yesterday"]);
    assert_eq!(ev["links"][0]["target"], 1);
    let ev_short = ev["short_id"].as_str().unwrap().to_string();
    env.ok(&["confirm", &short, "--because", &ev_short]);
    let confirmed = env.json(&["show", "1"]);
    assert_eq!(confirmed["state"], "confirmed");
    assert_eq!(confirmed["links"][0]["type"], "because");
    assert_eq!(confirmed["links"][0]["target"], 3);
    env.ok(&["reopen", &short]);
    env.ok(&["refute", &short]);
    let todo_short = env.json(&["show", "2"])["short_id"]
        .as_str()
        .unwrap()
        .to_string();
    env.ok(&["done", &todo_short]);
    assert_eq!(env.json(&["show", "2"])["state"], "done");
    let dead = env.json(&["dead", "--of", &short, "not the cache"]);
    assert_eq!(dead["links"][0]["target"], 1);

    // `run --supports` and `edit` too.
    env.ok(&["run", "--supports", &short, "--", "true"]);
    let log = env.json(&["log"]);
    let run = log.as_array().unwrap().last().unwrap();
    assert_eq!(run["command"]["argv"][0], "true");
    assert_eq!(run["links"][0]["target"], 1);
    let editor = env.dir.path().join("ed.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'the cache is very stale' > \"$1\"\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = env
        .cmd()
        .env("EDITOR", &editor)
        .args(["edit", &short])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.json(&["show", "1"])["text"], "the cache is very stale");

    // Attachments by short id.
    let file = env.work().join("trace.txt");
    std::fs::write(&file, "line one\n").unwrap();
    let with_file = env.json(&["note", "trace", "--file", file.to_str().unwrap()]);
    let note_short = with_file["short_id"].as_str().unwrap().to_string();
    assert_eq!(env.ok(&["attachment", &note_short]), "line one\n");

    // A prefix every entry shares is ambiguous; one no entry has is unknown. One line each.
    let shared = &uuid[..4];
    let err = env.fails(&["show", shared], 1);
    assert_one_error_line(&err);
    assert!(err.contains("ambiguous"), "{err}");
    assert!(err.contains("#1 ("), "{err}");
    let unknown = if uuid.starts_with('f') {
        "eeee"
    } else {
        "ffff"
    };
    let err = env.fails(&["confirm", unknown], 1);
    assert_one_error_line(&err);
    assert!(err.contains(&format!("starting with `{unknown}`")), "{err}");
    // Something that is neither a number nor an id is a usage error.
    let err = env.fails(&["show", "zz-top"], 2);
    assert!(err.contains("not an entry number or id"), "{err}");
    // A hex-looking `--because` word that names no entry is the reason's text.
    env.ok(&["reopen", "1"]);
    env.ok(&["refute", "1", "--because", "deadbeef"]);
    assert_eq!(env.text_of_last(), "deadbeef");
}

trait Last {
    fn text_of_last(&self) -> String;
}

impl Last for TestEnv {
    fn text_of_last(&self) -> String {
        let log = self.json(&["log"]);
        let all = log.as_array().unwrap();
        all.iter()
            .max_by_key(|e| e["number"].as_i64().unwrap())
            .unwrap()["text"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

#[test]
fn a_file_from_before_ordering_keys_opens_and_keeps_its_numbers() {
    let env = TestEnv::new();
    let slug = env.new_case("old file");
    env.ok(&["hypo", "one"]);
    env.ok(&["note", "two about #1"]);
    env.ok(&["ev", "--supports", "1", "three"]);
    let before = env.json(&["log"]);
    // Make it the file the schema before ordering keys wrote (the last migrations but one,
    // the briefing's link pairing indexes): no keys, no mentions, no pairing indexes.
    // (`cases_made_by_older_schemas_open_and_are_upgraded` covers v1 to v3.)
    let conn = rusqlite::Connection::open(env.case_file(&slug)).unwrap();
    conn.execute_batch(
        "DROP TABLE mention; ALTER TABLE entry DROP COLUMN seq;
         DROP INDEX link_rules_out; DROP INDEX link_because;",
    )
    .unwrap();
    conn.pragma_update(
        None,
        "user_version",
        casefile::store::schema::CURRENT_VERSION - 2,
    )
    .unwrap();
    drop(conn);

    let after = env.json(&["log"]);
    assert_eq!(before, after);
    let conn = rusqlite::Connection::open(env.case_file(&slug)).unwrap();
    let keys: Vec<(i64, i64)> = conn
        .prepare("SELECT number, seq FROM entry ORDER BY number")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(keys, [(1, 1), (2, 2), (3, 3)]);
    drop(conn);
    // The `#1` written before mentions existed is kept by UUID from now on.
    let bundle: Value = serde_json::from_str(&env.ok(&["export", "--format", "json"])).unwrap();
    let entries = bundle["entries"].as_array().unwrap();
    assert_eq!(
        entries[1]["mentions"],
        serde_json::json!([{"start": 10, "len": 2, "target": entries[0]["uuid"]}])
    );
    // New writes follow, and a bundle from the upgraded file imports with the same numbers.
    assert_eq!(env.json(&["note", "four"])["number"], 4);
    let path = env.work().join("old.json");
    env.ok(&["export", "--format", "json", "-o", path.to_str().unwrap()]);
    let other = TestEnv::new();
    other.ok(&["import", path.to_str().unwrap()]);
    other.ok(&["use", &slug]);
    assert_eq!(other.json(&["log"]), env.json(&["log"]));
}

#[test]
fn a_bundle_without_keys_imports_in_its_own_order() {
    // Bundles written before keys existed have neither `seq` nor `mentions`.
    let a = Home::start("a", "old bundle");
    a.ok(&["note", "one"]);
    a.ok(&["note", "two"]);
    let path = a.export();
    let mut b: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for e in b["entries"].as_array_mut().unwrap() {
        let e = e.as_object_mut().unwrap();
        assert!(e.remove("seq").is_some());
        e.remove("mentions");
    }
    std::fs::write(&path, b.to_string()).unwrap();
    let env = TestEnv::new();
    env.ok(&["import", path.to_str().unwrap()]);
    env.ok(&["use", &a.slug]);
    let texts: Vec<Value> = env
        .json(&["log"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].clone())
        .collect();
    assert_eq!(texts, ["one", "two"]);
}

#[test]
fn search_and_postmortem_show_the_new_numbers() {
    let a = Home::start("a", "search after renumber");
    a.ok(&["hypo", "base hypothesis"]);
    let b = Home::from("b", &a);
    a.ok(&["note", "a earlier"]);
    b.ok(&["note", "zanzibar appears in b"]);
    // Search once, so the index holds the old number.
    let hits = b.env.json(&["search", "zanzibar"]);
    assert_eq!(hits[0]["number"], 2, "{hits}");
    b.ok(&["note", "mentions #2 zanzibar"]);
    b.import_from(&a);
    let moved = b.number_of("zanzibar appears in b");
    let hits = b.env.json(&["search", "zanzibar", "--limit", "5"]);
    let mut numbers: Vec<i64> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["number"].as_i64().unwrap())
        .collect();
    numbers.sort();
    let mut expected = vec![moved, b.number_of(&format!("mentions #{moved} zanzibar"))];
    expected.sort();
    assert_eq!(numbers, expected);
    let markdown = b.ok(&["export"]);
    assert!(
        markdown.contains(&format!("mentions #{moved} zanzibar")),
        "{markdown}"
    );
    let log = b.ok(&["log"]);
    assert!(
        log.contains(&format!("mentions #{moved} zanzibar")),
        "{log}"
    );
}

#[test]
fn homes_whose_numbers_diverged_before_keys_existed_converge() {
    // Two homes as an older casefile left them: the same two entries under swapped numbers
    // (its import appended unknown entries), migrated to keys equal to their numbers.
    let a = Home::start("a", "diverged");
    a.ok(&["note", "base"]);
    let b = Home::from("b", &a);
    a.ok(&["note", "x from a"]);
    b.ok(&["note", "y from b"]);
    let pin = |home: &Home, swap: bool| {
        let conn = rusqlite::Connection::open(home.env.case_file(&home.slug)).unwrap();
        if swap {
            conn.execute_batch(
                "UPDATE entry SET number = -number WHERE number IN (2, 3);
                 UPDATE entry SET number = 5 + number WHERE number < 0;",
            )
            .unwrap();
        }
        conn.execute_batch("UPDATE entry SET seq = number").unwrap();
    };
    a.import_from(&b);
    b.import_from(&a);
    // a: x=#2, y=#3; b (as if by an old import): y=#2, x=#3.
    pin(&a, false);
    pin(&b, true);
    let (ax, bx) = (a.number_of("x from a"), b.number_of("x from a"));
    assert_ne!(ax, bx, "the set-up should have diverged numbers");

    // Exchanging once each way makes them agree, and says which moved.
    let notice_b = b.import_from(&a);
    let notice_a = a.import_from(&b);
    assert_eq!(a.entries(), b.entries());
    assert_eq!(
        notice_b.trim(),
        "renumbered: #2→#3, #3→#2 (merged entries written concurrently)"
    );
    assert_eq!(notice_a.trim(), "");
    assert_eq!(b.number_of("x from a"), 2);
}

#[test]
fn changes_after_writing_take_short_ids_and_follow_renumbering() {
    let a = Home::start("a", "changes and short ids");
    a.ok(&["hypo", "the pool runs dry"]); // #1
    let b = Home::from("b", &a);
    a.ok(&["note", "a: first"]); // a #2
    b.ok(&["ev", "--supports", "1", "b: 10 busy"]); // b #2, becomes #3
    let id = |home: &Home, n: i64, field: &str| {
        home.env.json(&["show", &n.to_string()])[field]
            .as_str()
            .unwrap()
            .to_string()
    };
    let short = |home: &Home, n: i64| id(home, n, "short_id");
    let ev = short(&b, 2);
    let hypo = short(&b, 1);
    // After the exchange the entries are looked up by whole UUID (also a prefix): a short id
    // is unique when shown, and entries written elsewhere at the same moment may share it.
    let (ev_uuid, hypo_uuid) = (id(&b, 2, "uuid"), id(&b, 1, "uuid"));
    b.ok(&["pin", &ev]);
    b.ok(&["claim", &hypo]);
    b.ok(&["edit", &ev, "--at", "2026-01-02 10:00 +00:00"]);
    b.ok(&["unlink", &ev, &hypo]);
    b.ok(&["note", "b: a test entry"]); // b #3, becomes #4
    let test_entry = short(&b, 3);
    b.ok(&["retract", &test_entry, "--because", "only a test, like #2"]);
    let test_uuid = id(&b, 3, "uuid");
    let notice = b.import_from(&a);
    assert_eq!(
        notice.trim(),
        "renumbered: #2-#3→#3-#4 (merged entries written concurrently)"
    );
    a.import_from(&b);
    for home in [&a, &b] {
        let moved = home.env.json(&["show", &ev_uuid]);
        assert_eq!(moved["number"], 3, "{}", home.name);
        assert_eq!(moved["pinned"], true, "{}", home.name);
        assert_eq!(moved["links"], serde_json::json!([]), "{}", home.name);
        // b wrote "#2 supports #1"; the unlinked evidence is #3 now, in both homes.
        let unlinked: Vec<&Value> = moved["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["op"] == "unlink")
            .collect();
        assert_eq!(unlinked.len(), 1, "{}", home.name);
        assert_eq!(unlinked[0]["previous"], "#3 supports #1", "{}", home.name);
        assert!(
            moved["occurred_at"]
                .as_str()
                .unwrap()
                .starts_with("2026-01-02T10:00"),
            "{}",
            home.name
        );
        assert!(home.env.json(&["show", &hypo_uuid])["claim"].is_object());
        let retracted = home.env.json(&["show", &test_uuid]);
        assert_eq!(retracted["number"], 4, "{}", home.name);
        assert_eq!(retracted["retracted"], true, "{}", home.name);
        let reason = &retracted["changes"].as_array().unwrap()[0];
        assert_eq!(reason["value"], "only a test, like #3", "{}", home.name);
    }
    assert_eq!(a.entries(), b.entries());
}

#[test]
fn numbers_and_mentions_agree_across_sync_and_the_notice_names_the_moves() {
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let amy = Home::start("amy", "login loop");
    let remote = amy.env.dir.path().join("team.git");
    git(&["init", "--bare", "-q", remote.to_str().unwrap()]);
    let remote = remote.to_str().unwrap();
    let sync = |home: &Home| -> String {
        let out = home
            .env
            .cmd()
            .args(["-C", &home.slug, "sync", remote])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{}: {stderr}", home.name);
        stderr
    };
    amy.ok(&["hypo", "cookie domain"]); // #1
    sync(&amy);
    let ken = Home {
        env: TestEnv::new(),
        slug: amy.slug.clone(),
        name: "ken",
    };
    let out = ken.env.cmd().args(["sync", remote]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Offline: amy writes first, ken after; ken syncs first all the same.
    amy.ok(&["note", "amy: proxy strips the cookie"]); // #2
    ken.ok(&["-C", &ken.slug, "note", "ken: later note"]); // ken #2, becomes #3
    ken.ok(&["-C", &ken.slug, "note", "ken: see #2 and #1"]); // ken #3, becomes #4
    assert_eq!(sync(&ken).matches("renumbered").count(), 0);
    assert_eq!(sync(&amy).matches("renumbered").count(), 0);
    let notice = sync(&ken);
    assert!(
        notice.contains(&format!(
            "{}: renumbered: #2-#3→#3-#4 (merged entries written concurrently)",
            ken.slug
        )),
        "{notice}"
    );
    let args = ["-C", &ken.slug, "export", "--format", "json"];
    let entries = |home: &Home| -> Vec<(i64, String, String)> {
        let b: Value = serde_json::from_str(&home.ok(&args)).unwrap();
        b["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["number"].as_i64().unwrap(),
                    e["uuid"].as_str().unwrap().to_string(),
                    e["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(entries(&amy), entries(&ken));
    let texts: Vec<String> = entries(&ken).into_iter().map(|(_, _, t)| t).collect();
    assert_eq!(
        texts,
        [
            "cookie domain",
            "amy: proxy strips the cookie",
            "ken: later note",
            "ken: see #3 and #1"
        ]
    );
}
