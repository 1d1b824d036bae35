//! `casefile sync` end to end: several homes, local bare repositories as remotes, real git.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use common::{assert_no_panic, assert_one_error_line, TestEnv};
use serde_json::Value;

/// A bare repository for the homes to share.
fn bare_remote(env: &TestEnv, name: &str) -> PathBuf {
    let path = env.dir.path().join(name);
    git(&["init", "--bare", "-q", path.to_str().unwrap()]);
    path
}

fn git(args: &[&str]) -> String {
    let out = Process::new("git")
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A person: a home whose entries carry `name`.
fn person(name: &str) -> TestEnv {
    let env = TestEnv::new();
    env.write_config(&format!("author = \"{name}\"\n"));
    env
}

/// Run `casefile sync <args>`; returns (success, stderr).
fn sync(env: &TestEnv, remote: &Path, args: &[&str]) -> (bool, String) {
    let mut all = vec!["sync", remote.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = env.cmd().args(&all).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_no_panic(&stderr);
    (out.status.success(), stderr)
}

fn sync_ok(env: &TestEnv, remote: &Path) -> String {
    let (ok, stderr) = sync(env, remote, &[]);
    assert!(ok, "sync failed: {stderr}");
    stderr
}

fn bundle(env: &TestEnv, slug: &str) -> Value {
    serde_json::from_str(&env.ok(&["-C", slug, "export", "--format", "json"])).unwrap()
}

/// What must agree between homes, by entry UUID: kind, text, state, links, state changes,
/// history.
fn facts(env: &TestEnv, slug: &str) -> BTreeMap<String, Value> {
    let b = bundle(env, slug);
    let mut out = BTreeMap::new();
    for e in b["entries"].as_array().unwrap() {
        let mut links: Vec<(String, String)> = e["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["type"].as_str().unwrap().to_string(),
                    l["target_uuid"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        links.sort();
        let uuids = |key: &str| {
            let mut v: Vec<String> = e[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["uuid"].as_str().unwrap().to_string())
                .collect();
            v.sort();
            v
        };
        out.insert(
            e["uuid"].as_str().unwrap().to_string(),
            serde_json::json!({
                "kind": e["kind"], "text": e["text"], "state": e["state"], "links": links,
                "states": uuids("states"), "history": uuids("history"),
                "attachments": e["attachments"],
            }),
        );
    }
    out
}

fn texts(env: &TestEnv, slug: &str) -> Vec<String> {
    let mut v: Vec<String> = facts(env, slug)
        .values()
        .map(|f| f["text"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

fn case_ref_log(remote: &Path) -> Vec<String> {
    git(&[
        "--git-dir",
        remote.to_str().unwrap(),
        "for-each-ref",
        "--format=%(refname)",
        "refs/casefile/cases/",
    ])
    .lines()
    .map(str::to_string)
    .collect()
}

#[test]
fn a_case_goes_round_trip_between_two_homes() {
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    amy.ok(&["new", "DC tag mismatch", "--slug", "amy-dc-tag"]);
    amy.ok(&["hypo", "clock skew between the DCs"]);
    amy.ok(&["note", "seen on dc2 only"]);
    let out = sync_ok(&amy, &remote);
    assert_eq!(out, "amy-dc-tag: 2 sent\n");
    // Cases live under their own namespace, never on branches.
    let refs = case_ref_log(&remote);
    assert_eq!(refs.len(), 1, "{refs:?}");
    assert!(git(&["--git-dir", remote.to_str().unwrap(), "branch"]).is_empty());

    let out = sync_ok(&ken, &remote);
    assert_eq!(out, "amy-dc-tag: 2 new from amy (new case)\n");
    // The first fetched case becomes current.
    assert!(ken.ok(&["status"]).contains("clock skew"));
    assert_eq!(facts(&ken, "amy-dc-tag"), facts(&amy, "amy-dc-tag"));

    ken.ok(&["ev", "NTP off by 4 s on dc2", "--supports", "1"]);
    ken.ok(&["hypo", "stale cache"]);
    ken.ok(&["confirm", "1"]);
    assert_eq!(sync_ok(&ken, &remote), "amy-dc-tag: 3 sent\n");
    assert_eq!(
        sync_ok(&amy, &remote),
        "amy-dc-tag: 2 new from ken, 2 changes\n"
    );
    assert_eq!(facts(&ken, "amy-dc-tag"), facts(&amy, "amy-dc-tag"));
    let shown = amy.ok(&["show", "1"]);
    assert!(shown.contains("confirmed"), "{shown}");

    // Nothing new anywhere: nothing to say, nothing pushed.
    let before = git(&["--git-dir", remote.to_str().unwrap(), "rev-parse", &refs[0]]);
    assert_eq!(sync_ok(&amy, &remote), "up to date (1 case)\n");
    assert_eq!(sync_ok(&ken, &remote), "up to date (1 case)\n");
    let after = git(&["--git-dir", remote.to_str().unwrap(), "rev-parse", &refs[0]]);
    assert_eq!(before, after);
    assert!(amy.ok(&["sync", remote.to_str().unwrap(), "-q"]).is_empty());
}

#[test]
fn writing_offline_on_both_sides_converges_in_either_order() {
    for amy_first in [true, false] {
        let amy = person("amy");
        let ken = person("ken");
        let remote = bare_remote(&amy, "team.git");
        amy.ok(&["new", "Login loop", "--slug", "login-loop"]);
        amy.ok(&["hypo", "cookie domain"]);
        sync_ok(&amy, &remote);
        sync_ok(&ken, &remote);

        // Offline, both write and change states.
        amy.ok(&["note", "amy 1"]);
        amy.ok(&["refute", "1"]);
        amy.ok(&["todo", "amy: check the proxy"]);
        ken.ok(&["note", "ken 1"]);
        ken.ok(&["ev", "ken: cookie set for .example.org", "--supports", "1"]);
        let out = ken
            .cmd()
            .env("VISUAL", "sed -i s/cookie/COOKIE/")
            .args(["edit", "1"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );

        let (first, second) = if amy_first {
            (&amy, &ken)
        } else {
            (&ken, &amy)
        };
        sync_ok(first, &remote);
        sync_ok(second, &remote);
        sync_ok(first, &remote);
        let a = facts(&amy, "login-loop");
        assert_eq!(a, facts(&ken, "login-loop"), "amy first: {amy_first}");
        assert_eq!(a.len(), 5);
        assert!(texts(&amy, "login-loop").contains(&"ken 1".to_string()));
        assert!(texts(&amy, "login-loop").contains(&"COOKIE domain".to_string()));
        assert!(texts(&ken, "login-loop").contains(&"amy: check the proxy".to_string()));
    }
}

#[test]
fn racing_syncs_lose_nothing_and_never_force_the_remote() {
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    git(&[
        "--git-dir",
        remote.to_str().unwrap(),
        "config",
        "core.logAllRefUpdates",
        "always",
    ]);
    amy.ok(&["new", "Race", "--slug", "race"]);
    amy.ok(&["note", "start"]);
    sync_ok(&amy, &remote);
    sync_ok(&ken, &remote);
    for round in 0..4 {
        amy.ok(&["note", &format!("amy {round}")]);
        ken.ok(&["note", &format!("ken {round}")]);
        let mut a = amy.cmd();
        a.args(["sync", remote.to_str().unwrap()]);
        let a = a.spawn_output();
        let mut k = ken.cmd();
        k.args(["sync", remote.to_str().unwrap()]);
        let k = k.spawn_output();
        let (a, k) = (a.join().unwrap(), k.join().unwrap());
        assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
        assert!(k.status.success(), "{}", String::from_utf8_lossy(&k.stderr));
    }
    sync_ok(&amy, &remote);
    sync_ok(&ken, &remote);
    let all = texts(&amy, "race");
    assert_eq!(all.len(), 9, "{all:?}");
    assert_eq!(all, texts(&ken, "race"));

    // Every update of the case ref was a fast-forward of the one before.
    let refname = &case_ref_log(&remote)[0];
    let log = git(&[
        "--git-dir",
        remote.to_str().unwrap(),
        "reflog",
        "show",
        "--format=%H",
        refname,
    ]);
    let tips: Vec<&str> = log.lines().collect();
    assert!(tips.len() >= 5, "{tips:?}");
    for pair in tips.windows(2) {
        let (newer, older) = (pair[0], pair[1]);
        let status = Process::new("git")
            .args(["--git-dir", remote.to_str().unwrap()])
            .args(["merge-base", "--is-ancestor", older, newer])
            .status()
            .unwrap();
        assert!(status.success(), "{older} is not an ancestor of {newer}");
    }
}

/// `Command::output` on a thread, so two processes run at once.
trait SpawnOutput {
    fn spawn_output(self) -> std::thread::JoinHandle<std::process::Output>;
}

impl SpawnOutput for assert_cmd::Command {
    fn spawn_output(mut self) -> std::thread::JoinHandle<std::process::Output> {
        std::thread::spawn(move || self.output().unwrap())
    }
}

/// A bundle of `n` notes, for cases too large to write one command at a time.
fn notes_bundle(case_uuid: &str, slug: &str, n: usize) -> Value {
    let entries: Vec<Value> = (1..=n)
        .map(|i| {
            let ms = 1_795_504_232_000_i64 + i as i64 * 1_000;
            let at = chrono::DateTime::from_timestamp_millis(ms)
                .unwrap()
                .fixed_offset()
                .to_rfc3339();
            serde_json::json!({
                "number": i, "uuid": format!("01a20c64-0000-7000-8000-{i:012x}"),
                "kind": "note", "text": format!("note {i}: {}", "words ".repeat(20)),
                "author": "bulk", "recorded_at": at, "occurred_at": null, "at_ms": ms,
                "state": null, "tags": [], "links": [], "context": {}, "attachments": [],
                "history": [], "states": [],
            })
        })
        .collect();
    serde_json::json!({
        "format": "casefile-bundle", "version": 1,
        "case": {"uuid": case_uuid, "slug": slug, "title": "Bulk", "state": "open",
                 "opened_at": "2026-11-24T10:00:00+00:00", "closed_at": null,
                 "tickets": [], "tags": []},
        "entries": entries,
    })
}

fn import(env: &TestEnv, bundle: &Value) {
    let path = env.work().join("bulk.json");
    std::fs::write(&path, serde_json::to_vec(bundle).unwrap()).unwrap();
    env.ok(&["import", path.to_str().unwrap()]);
}

/// Run `casefile sync` in `env`, killed with SIGKILL when it reaches `point` (see
/// `sync::die_at`); asserts that it was.
fn sync_killed_at(env: &TestEnv, remote: &Path, point: &str) {
    let out = env
        .cmd()
        .args(["sync", remote.to_str().unwrap()])
        .env("CASEFILE_SYNC_DIE_AT", point)
        .output()
        .unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(
        out.status.signal(),
        Some(9),
        "not killed at {point}: {:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

fn case_files(env: &TestEnv) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.home().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sqlite"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_sync_killed_midway_changes_nothing_and_the_next_one_completes() {
    // Killed (SIGKILL) at every moment that matters, in turn: after the fetch, with the merges
    // open, with the commits written, after the push, after committing one case, while
    // creating a case fetched for the first time, and before saving what it did.
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    ken.ok(&["new", "Ken's case", "--slug", "kens"]);
    ken.ok(&["note", "from ken"]);
    sync_ok(&ken, &remote);
    import(
        &amy,
        &notes_bundle("01a20c64-0000-7000-8000-00000000beef", "bulk", 1500),
    );
    amy.ok(&["use", "bulk"]);
    let before = facts(&amy, "bulk");
    for point in ["fetched", "merged", "built"] {
        sync_killed_at(&amy, &remote, point);
        // Every case as it was, nothing new here, nothing on the remote.
        assert_eq!(facts(&amy, "bulk"), before, "killed at {point}");
        common::assert_counts_match(&amy.case_file("bulk"));
        assert_eq!(case_files(&amy), ["bulk.sqlite"], "killed at {point}");
        assert_eq!(case_ref_log(&remote).len(), 1, "killed at {point}");
    }
    // From here the push was taken; the cases are committed one by one.
    for point in ["pushed", "committed-one", "creating", "committed"] {
        sync_killed_at(&amy, &remote, point);
        assert_eq!(facts(&amy, "bulk"), before, "killed at {point}");
        common::assert_counts_match(&amy.case_file("bulk"));
        assert_eq!(case_ref_log(&remote).len(), 2, "killed at {point}");
        // The case fetched for the first time is there whole or not at all... or, killed
        // while it was being created, there empty, to be completed by the next sync.
        if amy.case_file("kens").exists() && point != "creating" {
            assert_eq!(texts(&amy, "kens"), ["from ken"], "killed at {point}");
        }
    }
    sync_ok(&amy, &remote);
    assert_eq!(facts(&amy, "bulk"), before);
    assert_eq!(texts(&amy, "kens"), ["from ken"]);
    // Not created twice, whatever the kills interrupted.
    assert_eq!(case_files(&amy), ["bulk.sqlite", "kens.sqlite"]);
    sync_ok(&ken, &remote);
    assert_eq!(facts(&ken, "bulk"), before);
    // And once more, nothing is left to do on either side.
    assert_eq!(sync_ok(&amy, &remote), "up to date (2 cases)\n");
    assert_eq!(sync_ok(&ken, &remote), "up to date (2 cases)\n");
}

#[test]
fn what_changed_here_is_pushed_while_the_fetch_runs_and_a_kill_then_loses_nothing() {
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    amy.ok(&["new", "Early", "--slug", "early"]);
    amy.ok(&["note", "one"]);
    sync_ok(&amy, &remote);
    sync_ok(&ken, &remote);
    let before_tip = tip(&remote);
    amy.ok(&["note", "two"]);
    let before = facts(&amy, "early");
    // Killed once the early push is done, before anything was fetched or recorded here.
    sync_killed_at(&amy, &remote, "pushed-early");
    let pushed = tip(&remote);
    assert_ne!(pushed, before_tip, "nothing was pushed before the fetch");
    let parents = git(&[
        "--git-dir",
        remote.to_str().unwrap(),
        "rev-parse",
        &format!("{pushed}^@"),
    ]);
    assert_eq!(parents.trim(), before_tip);
    assert_eq!(facts(&amy, "early"), before);
    // The next sync finds its own commit there and completes; nothing is sent twice as new.
    sync_ok(&amy, &remote);
    assert_eq!(sync_ok(&ken, &remote), "early: 1 new from amy\n");
    assert_eq!(texts(&ken, "early"), ["one", "two"]);
    assert_eq!(facts(&ken, "early"), facts(&amy, "early"));

    // The remote moved meanwhile: the early push is refused (never forced), and the usual
    // fetch, merge and push follow in the same sync.
    ken.ok(&["note", "ken's"]);
    sync_ok(&ken, &remote);
    amy.ok(&["note", "three"]);
    let out = sync_ok(&amy, &remote);
    // Ken wrote first, so amy's new entry moves up one.
    assert_eq!(
        out,
        "early: renumbered: #3→#4 (merged entries written concurrently)\nearly: 1 new from ken, 1 sent\n"
    );
    sync_ok(&ken, &remote);
    assert_eq!(texts(&ken, "early"), ["ken's", "one", "three", "two"]);
    assert_eq!(facts(&ken, "early"), facts(&amy, "early"));
}

#[test]
fn a_users_git_settings_do_not_change_what_is_read() {
    // Settings that change `git log`'s output: the first commit's files, merges shown
    // combined, colour. A home with them reads a history with a merge like any other.
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    amy.ok(&["new", "Settings", "--slug", "settings"]);
    amy.ok(&["note", "one"]);
    sync_ok(&amy, &remote);
    sync_ok(&ken, &remote);
    ken.ok(&["note", "ken's"]);
    amy.ok(&["note", "amy's"]);
    sync_ok(&ken, &remote);
    sync_ok(&amy, &remote); // a commit with two parents
    let lee = person("lee");
    sync_with_git_config(
        &lee,
        &remote,
        &[
            ("log.showRoot", "false"),
            ("log.diffMerges", "combined"),
            ("color.ui", "always"),
            ("log.showSignature", "true"),
        ],
    );
    assert_eq!(texts(&lee, "settings"), ["amy's", "ken's", "one"]);
    assert_eq!(facts(&lee, "settings"), facts(&amy, "settings"));
}

/// `casefile sync <remote>` with these settings in the user's git config (git reads
/// `GIT_CONFIG_COUNT`/`KEY_n`/`VALUE_n` like its config files); asserts success, returns stderr.
fn sync_with_git_config(env: &TestEnv, remote: &Path, settings: &[(&str, &str)]) -> String {
    let mut cmd = env.cmd();
    cmd.args(["sync", remote.to_str().unwrap()])
        .env("GIT_CONFIG_COUNT", settings.len().to_string());
    for (i, (key, value)) in settings.iter().enumerate() {
        cmd.env(format!("GIT_CONFIG_KEY_{i}"), key)
            .env(format!("GIT_CONFIG_VALUE_{i}"), value);
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    stderr
}

/// A user whose git creates reftable repositories gets a `sync.git` with refs as files (read
/// without a process); one whose `sync.git` already keeps reftable refs syncs through git.
/// Either way, round trips lose nothing and a second sync finds nothing new.
#[test]
fn a_reftable_default_or_a_reftable_sync_repository_syncs_alike() {
    let supports_reftable = Process::new("git")
        .args(["init", "--bare", "-q", "--ref-format=reftable"])
        .arg(tempfile::tempdir().unwrap().path().join("probe.git"))
        .output()
        .unwrap()
        .status
        .success();
    if !supports_reftable {
        eprintln!("git before 2.45 has no reftable backend: nothing to test");
        return;
    }
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    amy.ok(&["new", "Backends", "--slug", "backends"]);
    amy.ok(&["note", "one"]);
    let reftable_default = |env: &TestEnv| {
        sync_with_git_config(env, &remote, &[("init.defaultRefFormat", "reftable")])
    };
    reftable_default(&amy);
    let config = std::fs::read_to_string(amy.home().join("sync.git/config")).unwrap();
    assert!(!config.to_lowercase().contains("reftable"), "{config}");
    // Ken's sync repository was made with reftable refs before this casefile.
    std::fs::create_dir_all(ken.home()).unwrap();
    git(&[
        "init",
        "--bare",
        "-q",
        "--ref-format=reftable",
        ken.home().join("sync.git").to_str().unwrap(),
    ]);
    sync_ok(&ken, &remote);
    assert_eq!(texts(&ken, "backends"), ["one"]);
    ken.ok(&["-C", "backends", "note", "ken's"]);
    sync_ok(&ken, &remote);
    amy.ok(&["note", "amy's"]);
    let sent = reftable_default(&amy);
    assert!(sent.contains("1 sent"), "{sent}");
    // Right after a push, the record of the remote already holds what was pushed.
    assert_eq!(
        object_ids(&amy.home().join("sync.git"), "refs/casefile/remote/"),
        object_ids(&remote, "refs/casefile/cases/"),
    );
    sync_ok(&ken, &remote);
    assert_eq!(texts(&ken, "backends"), ["amy's", "ken's", "one"]);
    assert_eq!(facts(&ken, "backends"), facts(&amy, "backends"));
    // Nothing new on either side: quiet, and nothing sent.
    let again = sync_ok(&ken, &remote);
    assert!(!again.contains("sent"), "{again}");
    let again = reftable_default(&amy);
    assert!(!again.contains("sent"), "{again}");
    assert_eq!(
        object_ids(&ken.home().join("sync.git"), "refs/casefile/remote/"),
        object_ids(&remote, "refs/casefile/cases/"),
        "the record of the remote is the remote"
    );
}

/// An early push that fails for any reason (here the remote's hook refuses it once) is only a
/// shortcut missed: the sync goes on through its usual fetch, merge and push, which succeeds,
/// and nothing is lost or sent twice.
#[test]
fn an_early_push_that_fails_is_done_again_by_the_sync() {
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    amy.ok(&["new", "Early", "--slug", "early"]);
    amy.ok(&["note", "one"]);
    sync_ok(&amy, &remote);
    // From now on the remote refuses the first push it is offered, then takes the next.
    let armed = amy.dir.path().join("refuse-once");
    std::fs::write(&armed, "").unwrap();
    pre_receive_hook(
        &remote,
        &format!(
            "cat >/dev/null\nif [ -e '{0}' ]; then rm -f '{0}'; echo refused once >&2; exit 1; fi\nexit 0",
            armed.display()
        ),
    );
    amy.ok(&["note", "two"]);
    let said = sync_ok(&amy, &remote);
    assert!(!armed.exists(), "the hook was never asked: {said}");
    assert!(said.contains("1 sent"), "{said}");
    sync_ok(&ken, &remote);
    assert_eq!(texts(&ken, "early"), ["one", "two"]);
    assert_eq!(facts(&ken, "early"), facts(&amy, "early"));
    // Nothing was left to send.
    let again = sync_ok(&amy, &remote);
    assert!(!again.contains("sent"), "{again}");
}

/// Give the bare repository `remote` a `pre-receive` hook running this shell `script`.
fn pre_receive_hook(remote: &Path, script: &str) {
    use std::os::unix::fs::PermissionsExt;
    let hook = remote.join("hooks").join("pre-receive");
    std::fs::write(&hook, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// The object ids of the refs under `prefix` in the repository `dir`, one per line.
fn object_ids(dir: &Path, prefix: &str) -> String {
    git(&[
        "--git-dir",
        dir.to_str().unwrap(),
        "for-each-ref",
        "--format=%(objectname)",
        prefix,
    ])
    .trim()
    .to_string()
}

/// Feed `script` to `git fast-import` in `remote`.
fn fast_import(remote: &Path, script: &[u8]) {
    let mut child = Process::new("git")
        .args([
            "--git-dir",
            remote.to_str().unwrap(),
            "fast-import",
            "--quiet",
        ])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(script).unwrap();
    assert!(child.wait().unwrap().success());
}

/// Put a commit on the remote's case ref that adds `path` with `data` (as a broken client or a
/// damaged disk would).
fn plant(remote: &Path, refname: &str, path: &str, data: &[u8]) {
    let mut script = format!(
        "commit {refname}\ncommitter x <> 1700000000 +0000\ndata 5\nbad!\nfrom {refname}^0\nM 100644 inline {path}\ndata {}\n",
        data.len()
    )
    .into_bytes();
    script.extend_from_slice(data);
    script.extend_from_slice(b"\n");
    fast_import(remote, &script);
}

#[test]
fn a_remote_holding_a_damaged_blob_is_named_and_nothing_is_merged() {
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    amy.ok(&["new", "Damage", "--slug", "damage"]);
    amy.ok(&["note", "fine"]);
    sync_ok(&amy, &remote);
    sync_ok(&ken, &remote);
    ken.ok(&["note", "ken's good entry"]);
    sync_ok(&ken, &remote);
    let refname = case_ref_log(&remote)[0].clone();
    let bad = "entries/ee/01a20c64-0000-7000-8000-0000000000ee.json";
    plant(&remote, &refname, bad, b"{\"uuid\": oops");

    let before = facts(&amy, "damage");
    let (ok, err) = sync(&amy, &remote, &[]);
    assert!(!ok);
    assert_one_error_line(&err);
    assert!(err.contains(bad), "{err}");
    assert!(err.contains("damage"), "{err}");
    // Nothing merged: not even ken's good entry from the same fetch.
    assert_eq!(facts(&amy, "damage"), before);

    // A home that never had the case does not create it.
    let lee = person("lee");
    let (ok, err) = sync(&lee, &remote, &[]);
    assert!(!ok);
    assert_one_error_line(&err);
    assert!(err.contains(bad), "{err}");
    assert!(!lee.case_file("damage").exists());
}

#[test]
fn an_unreachable_remote_is_one_error_line_and_changes_nothing() {
    let amy = person("amy");
    amy.ok(&["new", "Offline", "--slug", "offline"]);
    amy.ok(&["note", "one"]);
    let missing = amy.dir.path().join("no-such-remote.git");
    let (ok, err) = sync(&amy, &missing, &[]);
    assert!(!ok);
    assert_one_error_line(&err);
    assert!(err.contains("cannot fetch from"), "{err}");
    // git's cause, not the advice it prints after it.
    assert!(
        err.contains("does not appear to be a git repository"),
        "{err}"
    );

    // A remote that refuses pushes: what was fetched is not kept either.
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    ken.ok(&["new", "Ken", "--slug", "ken-case"]);
    ken.ok(&["note", "ken one"]);
    sync_ok(&ken, &remote);
    sync_ok(&amy, &remote);
    ken.ok(&["note", "ken two"]);
    sync_ok(&ken, &remote);
    pre_receive_hook(&remote, "echo 'no permission' >&2\nexit 1");
    amy.ok(&["-C", "ken-case", "note", "amy's"]);
    let before = facts(&amy, "ken-case");
    let (ok, err) = sync(&amy, &remote, &[]);
    assert!(!ok);
    assert_one_error_line(&err);
    assert!(err.contains("cannot push"), "{err}");
    assert_eq!(facts(&amy, "ken-case"), before);

    // Once the remote takes pushes again, the next sync completes.
    std::fs::remove_file(remote.join("hooks").join("pre-receive")).unwrap();
    sync_ok(&amy, &remote);
    sync_ok(&ken, &remote);
    assert_eq!(texts(&amy, "ken-case"), ["amy's", "ken one", "ken two"]);
    assert_eq!(facts(&amy, "ken-case"), facts(&ken, "ken-case"));
    assert_eq!(texts(&amy, "offline"), ["one"]);
}

#[test]
fn only_shared_cases_are_sent_and_all_shares_every_case() {
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    amy.ok(&["new", "Private", "--slug", "private"]);
    amy.ok(&["note", "mine"]);
    amy.ok(&["new", "Team", "--slug", "team"]);
    amy.ok(&["note", "ours"]);
    sync_ok(&amy, &remote);
    assert_eq!(case_ref_log(&remote).len(), 1);
    // `-C` shares that case too.
    amy.ok(&["use", "private"]);
    amy.ok(&["note", "still mine"]);
    amy.ok(&["use", "team"]);
    sync_ok(&amy, &remote);
    assert_eq!(case_ref_log(&remote).len(), 1);

    amy.ok(&["new", "Third", "--slug", "third"]);
    amy.ok(&["note", "three"]);
    amy.ok(&["use", "team"]);
    let out = amy
        .cmd()
        .args(["sync", remote.to_str().unwrap(), "--all"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(case_ref_log(&remote).len(), 3);
    // Shared once, sent from then on, whichever case is current.
    amy.ok(&["-C", "third", "note", "three again"]);
    sync_ok(&amy, &remote);
    sync_ok(&ken, &remote);
    assert_eq!(texts(&ken, "third"), ["three", "three again"]);
    assert_eq!(texts(&ken, "private"), ["mine", "still mine"]);
}

#[test]
fn the_remote_comes_from_config_or_the_error_says_how_to_set_it() {
    let amy = person("amy");
    amy.ok(&["new", "Configured", "--slug", "configured"]);
    let err = amy.fails(&["sync"], 1);
    assert_one_error_line(&err);
    assert!(err.contains("sync.remote"), "{err}");
    let remote = bare_remote(&amy, "team.git");
    amy.write_config(&format!(
        "author = \"amy\"\n[sync]\nremote = \"{}\"\n",
        remote.display()
    ));
    let out = amy.cmd().args(["sync"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(case_ref_log(&remote).len(), 1);
    let shown = amy.ok(&["config", "show"]);
    assert!(shown.contains(remote.to_str().unwrap()), "{shown}");
}

#[test]
fn attachments_and_closes_travel() {
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    amy.ok(&["new", "Files", "--slug", "files"]);
    let file = amy.work().join("trace.bin");
    std::fs::write(&file, b"\x00\x01binary trace\xff").unwrap();
    amy.ok(&["note", "trace", "--file", file.to_str().unwrap()]);
    sync_ok(&amy, &remote);
    sync_ok(&ken, &remote);
    let out = ken
        .cmd()
        .args(["-C", "files", "attachment", "1"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, b"\x00\x01binary trace\xff");
    ken.ok(&["close", "--summary", "found it"]);
    sync_ok(&ken, &remote);
    sync_ok(&amy, &remote);
    assert_eq!(bundle(&amy, "files")["case"]["state"], "resolved");
}

// ------------------------------------------------------------------ convergence property

#[derive(Debug, Clone)]
enum Op {
    /// A hypothesis (true) or a note in a home.
    Write(usize, bool),
    /// Confirm (true) or refute entry N (by that home's numbering); may not apply.
    Judge(usize, i64, bool),
    /// Evidence supporting entry N; may not apply.
    Support(usize, i64),
    Sync(usize),
}

fn op() -> impl proptest::strategy::Strategy<Value = Op> {
    use proptest::prelude::*;
    prop_oneof![
        3 => (0..3usize, any::<bool>()).prop_map(|(h, k)| Op::Write(h, k)),
        1 => (0..3usize, 1..6i64, any::<bool>()).prop_map(|(h, n, c)| Op::Judge(h, n, c)),
        1 => (0..3usize, 1..6i64).prop_map(|(h, n)| Op::Support(h, n)),
        2 => (0..3usize).prop_map(Op::Sync),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config {
        cases: 8,
        max_shrink_iters: 20,
        ..proptest::test_runner::Config::default()
    })]

    /// Any interleaving of writes, state changes, links and syncs across three homes ends, once
    /// each has synced twice, with the same entries, numbers, texts, states and links
    /// everywhere, and every write, state change and link that was acknowledged is there.
    #[test]
    fn three_homes_converge(ops in proptest::collection::vec(op(), 1..14)) {
        let homes = [person("amy"), person("ken"), person("lee")];
        let remote = bare_remote(&homes[0], "team.git");
        homes[0].ok(&["new", "Shared", "--slug", "shared"]);
        homes[0].ok(&["hypo", "h0"]);
        sync_ok(&homes[0], &remote);
        sync_ok(&homes[1], &remote);
        sync_ok(&homes[2], &remote);
        let mut written = vec!["h0".to_string()];
        // State changes and links a command acknowledged (exit 0), as the home held them then.
        let mut acked = Acked::default();
        for (i, op) in ops.iter().enumerate() {
            match op {
                Op::Write(h, hypo) => {
                    let text = format!("w{i} by {h}");
                    homes[*h].ok(&[if *hypo { "hypo" } else { "note" }, &text]);
                    written.push(text);
                }
                Op::Judge(h, n, confirm) => {
                    let verb = if *confirm { "confirm" } else { "refute" };
                    let out = homes[*h].cmd().args([verb, &n.to_string()]).output().unwrap();
                    if out.status.success() {
                        acked.add(&homes[*h]);
                    }
                }
                Op::Support(h, n) => {
                    let text = format!("e{i} by {h}");
                    let out = homes[*h]
                        .cmd()
                        .args(["ev", &text, "--supports", &n.to_string()])
                        .output()
                        .unwrap();
                    if out.status.success() {
                        written.push(text);
                        acked.add(&homes[*h]);
                    }
                }
                Op::Sync(h) => {
                    sync_ok(&homes[*h], &remote);
                }
            }
        }
        for _ in 0..2 {
            for home in &homes {
                sync_ok(home, &remote);
            }
        }
        let first = facts(&homes[0], "shared");
        let first_numbers = numbers(&homes[0], "shared");
        for home in &homes[1..] {
            proptest::prop_assert_eq!(&facts(home, "shared"), &first);
            // The same entry has the same number in every home.
            proptest::prop_assert_eq!(&numbers(home, "shared"), &first_numbers);
        }
        let mut taken: Vec<i64> = first_numbers.values().copied().collect();
        taken.sort();
        proptest::prop_assert_eq!(taken, (1..=first.len() as i64).collect::<Vec<_>>());
        for home in &homes {
            let held = Acked::of(home);
            proptest::prop_assert!(acked.states.is_subset(&held.states), "a state change was lost");
            proptest::prop_assert!(acked.links.is_subset(&held.links), "a link was lost");
        }
        let mut all = texts(&homes[0], "shared");
        all.sort();
        written.sort();
        proptest::prop_assert_eq!(all, written);
    }
}

/// Each entry's number, by UUID.
fn numbers(env: &TestEnv, slug: &str) -> BTreeMap<String, i64> {
    bundle(env, slug)["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["uuid"].as_str().unwrap().to_string(),
                e["number"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// State changes (by UUID) and links (source, type, target UUIDs) of the shared case.
#[derive(Default)]
struct Acked {
    states: std::collections::BTreeSet<String>,
    links: std::collections::BTreeSet<(String, String, String)>,
}

impl Acked {
    fn of(env: &TestEnv) -> Acked {
        let mut out = Acked::default();
        out.add(env);
        out
    }

    fn add(&mut self, env: &TestEnv) {
        for (uuid, f) in facts(env, "shared") {
            for s in f["states"].as_array().unwrap() {
                self.states.insert(s.as_str().unwrap().to_string());
            }
            for l in f["links"].as_array().unwrap() {
                self.links.insert((
                    uuid.clone(),
                    l[0].as_str().unwrap().to_string(),
                    l[1].as_str().unwrap().to_string(),
                ));
            }
        }
    }
}

/// Every entry whole, as the bundle carries it, by UUID, without what is local to a home
/// (numbers).
fn whole(env: &TestEnv, slug: &str) -> BTreeMap<String, Value> {
    let b = bundle(env, slug);
    b["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut e = e.clone();
            let map = e.as_object_mut().unwrap();
            map.remove("number");
            if let Some(Value::Array(links)) = map.get_mut("links") {
                for l in links.iter_mut() {
                    l.as_object_mut().unwrap().remove("target");
                }
                links.sort_by_key(|l| l["uuid"].as_str().unwrap().to_string());
            }
            (e["uuid"].as_str().unwrap().to_string(), e)
        })
        .collect()
}

#[test]
fn pins_claims_retractions_time_corrections_and_unlinks_cross_homes() {
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    amy.ok(&["new", "Changes", "--slug", "changes"]);
    amy.ok(&["hypo", "the cache is stale"]);
    amy.ok(&["ev", "cache age 3 h", "--supports", "1"]);
    amy.ok(&["note", "test entry, ignore"]);
    amy.ok(&["todo", "flush the cache"]);
    sync_ok(&amy, &remote);
    sync_ok(&ken, &remote);

    ken.ok(&["pin", "2"]);
    ken.ok(&["claim", "4"]);
    ken.ok(&["retract", "3", "--because", "a test"]);
    ken.ok(&["edit", "2", "--at", "2026-11-20 09:30 +00:00"]);
    ken.ok(&["unlink", "2", "1"]);
    assert_eq!(sync_ok(&ken, &remote), "changes: 4 sent\n");
    let out = sync_ok(&amy, &remote);
    assert!(out.starts_with("changes: "), "{out}");
    assert_eq!(whole(&amy, "changes"), whole(&ken, "changes"));
    let b = bundle(&amy, "changes");
    let ev = &b["entries"].as_array().unwrap()[1];
    assert!(ev["links"].as_array().unwrap().is_empty(), "{ev}");
    assert!(
        ev["occurred_at"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-20T09:30"),
        "{ev}"
    );
    // The retracted note is out of amy's log too.
    assert!(!amy.ok(&["log"]).contains("test entry"));
    let claimed = amy.ok(&["show", "4"]);
    assert!(claimed.contains("ken"), "{claimed}");

    // Undoing on the other side travels back.
    amy.ok(&["unretract", "3"]);
    amy.ok(&["unpin", "2"]);
    sync_ok(&amy, &remote);
    sync_ok(&ken, &remote);
    assert_eq!(whole(&amy, "changes"), whole(&ken, "changes"));
    assert!(ken.ok(&["log"]).contains("test entry"));
}

// ------------------------------------------------------------------ layouts

/// A commit in the layout casefile wrote before this one: the whole case in every commit's
/// tree (as `sync::tree` splits a bundle), on top of `parent`. Returns its id.
fn plant_snapshot(remote: &Path, env: &TestEnv, slug: &str, parent: Option<&str>) -> String {
    let text = env.ok(&["-C", slug, "export", "--format", "json"]);
    let b = casefile::bundle::parse(text.as_bytes()).unwrap();
    let mut blobs = Vec::new();
    casefile::sync::tree::case_blobs(&b.case, &mut blobs).unwrap();
    for e in &b.entries {
        casefile::sync::tree::entry_blobs(e, true, &mut blobs).unwrap();
    }
    let refname = format!("refs/casefile/cases/{}", b.case.info.uuid);
    let mut script = format!(
        "reset {refname}\ncommit {refname}\nmark :1\ncommitter old <> 1700000000 +0000\ndata 4\nold\n"
    )
    .into_bytes();
    if let Some(p) = parent {
        script.extend_from_slice(format!("from {p}\n").as_bytes());
    }
    for blob in &blobs {
        script.extend_from_slice(
            format!("M 100644 inline {}\ndata {}\n", blob.path, blob.data.len()).as_bytes(),
        );
        script.extend_from_slice(&blob.data);
        script.push(b'\n');
    }
    script.extend_from_slice(b"\n");
    fast_import(remote, &script);
    git(&["--git-dir", remote.to_str().unwrap(), "rev-parse", &refname])
        .trim()
        .to_string()
}

fn files_in(remote: &Path, commit: &str) -> Vec<String> {
    git(&[
        "--git-dir",
        remote.to_str().unwrap(),
        "ls-tree",
        "-r",
        "--name-only",
        commit,
    ])
    .lines()
    .map(str::to_string)
    .collect()
}

fn tip(remote: &Path) -> String {
    let refname = &case_ref_log(remote)[0];
    git(&["--git-dir", remote.to_str().unwrap(), "rev-parse", refname])
        .trim()
        .to_string()
}

#[test]
fn a_sync_commit_carries_what_changed_not_the_whole_case() {
    let amy = person("amy");
    let ken = person("ken");
    let remote = bare_remote(&amy, "team.git");
    import(
        &amy,
        &notes_bundle("01a20c64-0000-7000-8000-00000000ca5e", "big", 300),
    );
    amy.ok(&["use", "big"]);
    sync_ok(&amy, &remote);
    // The first push holds the case: its record and one blob and one number per entry.
    assert_eq!(files_in(&remote, &tip(&remote)).len(), 1 + 2 * 300);

    amy.ok(&["note", "one more"]);
    assert_eq!(sync_ok(&amy, &remote), "big: 1 sent\n");
    let files = files_in(&remote, &tip(&remote));
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files.iter().all(|f| f.starts_with("entries/")), "{files:?}");

    // A state change sends the entry it changed, not the case.
    amy.ok(&["hypo", "a guess"]);
    sync_ok(&amy, &remote);
    amy.ok(&["refute", "302"]);
    sync_ok(&amy, &remote);
    let files = files_in(&remote, &tip(&remote));
    assert!(files.len() <= 3, "{files:?}");
    assert!(files.iter().any(|f| f.contains(".states.")), "{files:?}");

    // Another home reads the whole history: everything, with its state.
    sync_ok(&ken, &remote);
    assert_eq!(facts(&ken, "big"), facts(&amy, "big"));
    assert_eq!(facts(&ken, "big").len(), 302);
}

#[test]
fn a_remote_written_in_the_earlier_layout_is_read_and_carried_on() {
    // The earlier layout put the whole case in every commit. Such a ref is read (whole and
    // incrementally), and new commits go on top of it as fast-forwards.
    let writer = person("old");
    let amy = person("amy");
    let lee = person("lee");
    let remote = bare_remote(&amy, "team.git");
    writer.ok(&["new", "Old layout", "--slug", "old"]);
    writer.ok(&["hypo", "the disk is full"]);
    writer.ok(&["note", "first look"]);
    let c1 = plant_snapshot(&remote, &writer, "old", None);
    sync_ok(&amy, &remote);
    assert_eq!(texts(&amy, "old"), ["first look", "the disk is full"]);

    // The old client writes again: a new entry, a state change and an edited text.
    writer.ok(&["note", "df says 100%"]);
    writer.ok(&["confirm", "1"]);
    let editor = writer.dir.path().join("ed.sh");
    std::fs::write(&editor, "#!/bin/sh\necho 'a second look' > \"$1\"\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = writer
        .cmd()
        .env("EDITOR", &editor)
        .args(["-C", "old", "edit", "2"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c2 = plant_snapshot(&remote, &writer, "old", Some(&c1));
    let out = sync_ok(&amy, &remote);
    assert!(out.starts_with("old: 1 new from old"), "{out}");
    let mut want = facts(&writer, "old");
    assert_eq!(facts(&amy, "old"), want);

    // This casefile's commit goes on top of the old one, carrying only its own files.
    amy.ok(&["-C", "old", "note", "amy was here"]);
    assert_eq!(sync_ok(&amy, &remote), "old: 1 sent\n");
    let c3 = tip(&remote);
    let parents = git(&[
        "--git-dir",
        remote.to_str().unwrap(),
        "rev-parse",
        &format!("{c3}^@"),
    ]);
    assert_eq!(parents.trim(), c2);
    assert_eq!(files_in(&remote, &c3).len(), 2);

    // A home new to the case reads the mixed history whole.
    sync_ok(&lee, &remote);
    let a = facts(&amy, "old");
    assert_eq!(facts(&lee, "old"), a);
    assert_eq!(a.len(), 4);
    want.retain(|uuid, _| a.contains_key(uuid));
    assert_eq!(want.len(), 3);
    assert!(texts(&lee, "old").contains(&"a second look".to_string()));
}

#[test]
fn a_remote_ref_deleted_or_rewritten_by_another_tool_is_healed() {
    let amy = person("amy");
    let remote = bare_remote(&amy, "team.git");
    let r = remote.to_str().unwrap();
    amy.ok(&["new", "Healed", "--slug", "healed"]);
    amy.ok(&["note", "one"]);
    sync_ok(&amy, &remote);
    amy.ok(&["note", "two"]);
    sync_ok(&amy, &remote);
    let refname = case_ref_log(&remote)[0].clone();

    // Deleted: the next sync pushes the case again.
    git(&["--git-dir", r, "update-ref", "-d", &refname]);
    sync_ok(&amy, &remote);
    let lee = person("lee");
    sync_ok(&lee, &remote);
    assert_eq!(texts(&lee, "healed"), ["one", "two"]);

    // Rewritten to a history of its own that holds only the case record: the next sync
    // pushes the whole case on top of it (a fast-forward), so nothing is lost.
    let root = git(&["--git-dir", r, "rev-list", "--max-parents=0", &refname]);
    let case_json = git(&[
        "--git-dir",
        r,
        "rev-parse",
        &format!("{}:case.json", root.trim()),
    ]);
    let script = format!(
        "reset {refname}\ncommit {refname}\ncommitter x <> 1700000000 +0000\ndata 3\nnew\nM 100644 {} case.json\n\n",
        case_json.trim()
    );
    let mut child = Process::new("git")
        .args(["--git-dir", r, "fast-import", "--quiet", "--force"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let rewritten = tip(&remote);
    sync_ok(&amy, &remote);
    let healed = tip(&remote);
    let status = Process::new("git")
        .args([
            "--git-dir",
            r,
            "merge-base",
            "--is-ancestor",
            &rewritten,
            &healed,
        ])
        .status()
        .unwrap();
    assert!(status.success(), "the healing push was not a fast-forward");
    let ken = person("ken");
    sync_ok(&ken, &remote);
    assert_eq!(texts(&ken, "healed"), ["one", "two"]);
    assert_eq!(facts(&ken, "healed"), facts(&amy, "healed"));
}
