//! End-to-end tests for capture: `run`, attachments, the editor, edit history, redaction.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{assert_no_panic, assert_one_error_line, TestEnv};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// helpers

/// A `std::process::Command` for the binary with the same environment as `TestEnv::cmd`, for
/// tests that need to watch a running process.
fn std_cmd(env: &TestEnv) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("casefile"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.user_home())
        .env("XDG_CONFIG_HOME", env.user_home().join(".config"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("CASEFILE_HOME", env.home())
        .env("CASEFILE_CONFIG", env.config_path())
        .env("USER", "tester")
        .env("TZ", "UTC")
        .current_dir(env.work());
    cmd
}

fn entries(env: &TestEnv) -> Vec<Value> {
    env.json(&["log"]).as_array().expect("array").clone()
}

fn show(env: &TestEnv, n: u32) -> Value {
    env.json(&["show", &n.to_string()])
}

/// Write an executable shell script (a fake `$EDITOR`) and return its path.
fn script(env: &TestEnv, name: &str, body: &str) -> PathBuf {
    let path = env.dir.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

fn run_with_editor(env: &TestEnv, editor: &Path, args: &[&str]) -> std::process::Output {
    env.cmd()
        .env("EDITOR", editor)
        .args(args)
        .output()
        .expect("run")
}

// ---------------------------------------------------------------------------------------------
// run

#[test]
fn run_shows_output_live_before_the_command_ends() {
    let env = TestEnv::new();
    env.new_case("live");
    let mut child = std_cmd(&env)
        .args(["run", "--", "sh", "-c", "echo first; sleep 3; echo second"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        while let Some(Ok(line)) = lines.next() {
            if tx.send((line, Instant::now())).is_err() {
                break;
            }
        }
    });
    let (first, _) = rx
        .recv_timeout(Duration::from_secs(2))
        .expect("the first line did not arrive within 2 s of starting");
    assert_eq!(first, "first");
    assert!(
        child.try_wait().unwrap().is_none(),
        "the first line must be visible while the command still runs"
    );
    let (second, _) = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(second, "second");
    let status = child.wait().unwrap();
    assert!(status.success());
    let e = show(&env, 1);
    assert_eq!(e["output"], "first\nsecond\n");
}

#[test]
fn run_records_command_status_duration_and_both_streams_in_order() {
    let env = TestEnv::new();
    env.new_case("order");
    let out = env
        .cmd()
        .args([
            "run",
            "--",
            "sh",
            "-c",
            "echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three; sleep 0.1",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "one\nthree\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr, "two\n#1 evidence\n");
    let e = show(&env, 1);
    assert_eq!(e["kind"], "evidence");
    // stderr lines are marked in the record (the live output is as the command wrote it).
    assert_eq!(e["output"], "one\n[stderr] two\nthree\n");
    assert_eq!(
        e["command"]["argv"],
        serde_json::json!([
            "sh",
            "-c",
            "echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three; sleep 0.1"
        ])
    );
    assert_eq!(e["command"]["exit_code"], 0);
    let ms = e["command"]["duration_ms"].as_u64().unwrap();
    assert!((500..10_000).contains(&ms), "duration {ms} ms");
    let text = e["text"].as_str().unwrap();
    assert!(text.starts_with("`sh -c "), "{text}");
    assert!(text.contains("exited 0 after"), "{text}");
}

#[test]
fn run_exits_with_the_command_status() {
    let env = TestEnv::new();
    env.new_case("status");
    let out = env
        .cmd()
        .args(["run", "--", "sh", "-c", "exit 3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_no_panic(&String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("error"));
    let e = show(&env, 1);
    assert_eq!(e["command"]["exit_code"], 3);
    assert!(e["text"].as_str().unwrap().contains("exited 3"));
}

#[test]
fn run_killed_by_a_signal_exits_128_plus_the_signal() {
    let env = TestEnv::new();
    env.new_case("signal");
    let out = env
        .cmd()
        .args(["run", "--", "sh", "-c", "echo before; kill -TERM $$"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(143));
    let e = show(&env, 1);
    assert_eq!(e["command"]["exit_code"], Value::Null);
    assert_eq!(e["output"], "before\n");
    assert!(
        e["text"].as_str().unwrap().contains("killed by SIGTERM"),
        "{}",
        e["text"]
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_reaches_the_command_and_what_ran_is_recorded() {
    use std::os::unix::process::CommandExt;
    let env = TestEnv::new();
    env.new_case("interrupt");
    // Its own process group, like a shell's foreground job; Ctrl-C signals the whole group.
    let mut child = std_cmd(&env)
        .args(["run", "--", "sh", "-c", "echo ready; exec sleep 30"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    let pgid = child.id() as i32;
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert_eq!(lines.next().unwrap().unwrap(), "ready");
    // SAFETY: signalling the process group we just created.
    assert_eq!(unsafe { libc::kill(-pgid, libc::SIGINT) }, 0);
    let started = Instant::now();
    let status = child.wait().unwrap();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        status.code(),
        Some(130),
        "casefile must survive and exit 128+2"
    );
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(stderr, "#1 evidence\n");
    let e = show(&env, 1);
    assert_eq!(e["output"], "ready\n");
    assert!(e["text"].as_str().unwrap().contains("SIGINT"));
}

#[test]
fn a_missing_program_exits_127_and_records_nothing() {
    let env = TestEnv::new();
    env.new_case("missing");
    let stderr = env.fails(&["run", "--", "casefile-no-such-program-xyz", "a"], 127);
    assert_one_error_line(&stderr);
    assert!(stderr.contains("casefile-no-such-program-xyz"), "{stderr}");
    assert!(entries(&env).is_empty());
}

#[test]
fn run_passes_stdin_through() {
    let env = TestEnv::new();
    env.new_case("stdin");
    let out = env
        .cmd()
        .args(["run", "--", "cat"])
        .write_stdin("piped in\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "piped in\n");
    assert_eq!(show(&env, 1)["output"], "piped in\n");
}

#[test]
fn huge_output_keeps_head_and_tail_with_a_marker() {
    let env = TestEnv::new();
    env.write_config("[run]\noutput_cap = 2000\n");
    env.new_case("cap");
    let out = env
        .cmd()
        .args(["run", "--", "seq", "1", "20000"])
        .output()
        .unwrap();
    assert!(out.status.success());
    // The live output is complete; only the record is capped.
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 20000);
    let e = show(&env, 1);
    let output = e["output"].as_str().unwrap();
    assert!(output.len() <= 2200, "{} bytes kept", output.len());
    assert!(output.starts_with("1\n2\n3\n"), "{output}");
    assert!(output.ends_with("19999\n20000\n"), "{output}");
    assert!(output.contains("casefile cut"), "{output}");
    let lines: Vec<&str> = output.lines().collect();
    let marker = lines
        .iter()
        .position(|l| l.contains("casefile cut"))
        .unwrap();
    // Whole lines on both sides of the marker.
    assert!(lines[..marker].iter().all(|l| l.parse::<u32>().is_ok()));
    assert!(lines[marker + 1..].iter().all(|l| l.parse::<u32>().is_ok()));
}

#[test]
fn the_default_cap_keeps_a_case_small() {
    let env = TestEnv::new();
    env.new_case("default cap");
    env.ok(&["-q", "run", "--", "seq", "1", "300000"]);
    let output = show(&env, 1)["output"].as_str().unwrap().len();
    assert!(output < 300 * 1024, "{output} bytes kept");
    assert!(output > 100 * 1024, "{output} bytes kept");
}

#[test]
fn run_links_to_a_hypothesis_and_checks_it_before_running() {
    let env = TestEnv::new();
    env.new_case("links");
    env.ok(&["hypo", "the cache is stale"]);
    env.ok(&["note", "just a note"]);
    env.ok(&["-q", "run", "--supports", "1", "--", "true"]);
    assert_eq!(
        show(&env, 3)["links"],
        serde_json::json!([{"type": "supports", "target": 1}])
    );
    env.ok(&["-q", "run", "--refutes", "#1", "--", "true"]);
    assert_eq!(
        show(&env, 4)["links"],
        serde_json::json!([{"type": "refutes", "target": 1}])
    );

    // A bad target fails before the command runs: the marker file is never created.
    let marker = env.work().join("ran");
    let stderr = env.fails(&["run", "--supports", "2", "--", "touch", "ran"], 1);
    assert_one_error_line(&stderr);
    assert!(stderr.contains("#2"), "{stderr}");
    assert!(
        !marker.exists(),
        "the command ran although the target was bad"
    );
    env.fails(&["run", "--refutes", "99", "--", "touch", "ran"], 1);
    assert!(!marker.exists());
    assert_eq!(entries(&env).len(), 4);
}

#[test]
fn run_without_a_case_fails_before_running() {
    let env = TestEnv::new();
    let stderr = env.fails(&["run", "--", "touch", "ran"], 1);
    assert_one_error_line(&stderr);
    assert!(!env.work().join("ran").exists());
}

#[test]
fn run_quiet_and_json() {
    let env = TestEnv::new();
    env.new_case("quiet");
    let out = env
        .cmd()
        .args(["-q", "run", "--", "echo", "hi"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hi\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");

    let out = env
        .cmd()
        .args(["--json", "run", "--", "echo", "hi"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let json = stdout.strip_prefix("hi\n").expect("the output comes first");
    let v: Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["number"], 2);
    assert_eq!(v["command"]["argv"], serde_json::json!(["echo", "hi"]));
    assert_eq!(v["output"], "hi\n");
}

#[test]
fn a_failing_command_with_json_still_prints_the_entry_and_passes_the_status() {
    let env = TestEnv::new();
    env.new_case("json fail");
    let out = env
        .cmd()
        .args(["--json", "run", "--", "sh", "-c", "echo x; exit 7"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let v: Value = serde_json::from_str(stdout.strip_prefix("x\n").unwrap()).unwrap();
    assert_eq!(v["command"]["exit_code"], 7);
}

#[test]
fn a_background_grandchild_holding_the_pipes_does_not_hang_run() {
    let env = TestEnv::new();
    env.new_case("grandchild");
    let started = Instant::now();
    let out = env
        .cmd()
        .args(["run", "--", "sh", "-c", "echo main; (sleep 5; echo late) &"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "run waited for the background job: {:?}",
        started.elapsed()
    );
    assert_eq!(show(&env, 1)["output"], "main\n");
}

#[test]
fn colour_codes_and_progress_redraws_are_shown_live_but_not_recorded() {
    let env = TestEnv::new();
    env.new_case("colour");
    let out = env
        .cmd()
        .args([
            "-q",
            "run",
            "--",
            "printf",
            "\\033[31mred\\033[0m\\n10%%\\r100%%\\n",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, b"\x1b[31mred\x1b[0m\n10%\r100%\n");
    assert_eq!(show(&env, 1)["output"], "red\n100%\n");
}

#[test]
fn run_requires_a_command() {
    let env = TestEnv::new();
    env.new_case("usage");
    env.fails(&["run"], 2);
    env.fails(&["run", "--"], 2);
}

// ---------------------------------------------------------------------------------------------
// attachments

fn all_bytes_file(env: &TestEnv) -> (PathBuf, Vec<u8>) {
    let mut bytes: Vec<u8> = (0..=255u8).collect();
    bytes.extend((0..=255u8).rev());
    let path = env.work().join("blob.bin");
    std::fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

#[test]
fn a_binary_attachment_round_trips_byte_for_byte() {
    let env = TestEnv::new();
    env.new_case("attach");
    let (_, bytes) = all_bytes_file(&env);
    env.ok(&["ev", "core dump", "--file", "blob.bin"]);
    let e = show(&env, 1);
    let a = &e["attachments"][0];
    assert_eq!(a["name"], "blob.bin");
    assert_eq!(a["size"], 512);
    let sha = a["sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);

    let shown = env.ok(&["show", "1"]);
    assert!(shown.contains("blob.bin"), "{shown}");
    assert!(shown.contains("512 bytes"), "{shown}");

    env.ok(&["attachment", "1", "-o", "out.bin"]);
    assert_eq!(std::fs::read(env.work().join("out.bin")).unwrap(), bytes);

    let out = env.cmd().args(["attachment", "#1"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, bytes);
    let out = env
        .cmd()
        .args(["attachment", "1", "blob.bin"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, bytes);
}

#[test]
fn several_attachments_are_named_and_picked_by_name() {
    let env = TestEnv::new();
    env.new_case("several");
    std::fs::write(env.work().join("a.txt"), "alpha\n").unwrap();
    std::fs::create_dir(env.work().join("sub")).unwrap();
    std::fs::write(env.work().join("sub/a.txt"), "other alpha\n").unwrap();
    std::fs::write(env.work().join("b.log"), "beta\n").unwrap();
    env.ok(&[
        "note",
        "logs",
        "--file",
        "a.txt",
        "--file",
        "b.log",
        "--file",
        "sub/a.txt",
    ]);
    let names: Vec<String> = show(&env, 1)["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 3);
    assert!(names.contains(&"a.txt".to_string()));
    assert!(names.contains(&"b.log".to_string()));
    let stderr = env.fails(&["attachment", "1"], 1);
    assert_one_error_line(&stderr);
    assert!(stderr.contains("b.log"), "{stderr}");
    assert_eq!(env.ok(&["attachment", "1", "b.log"]), "beta\n");
    assert_eq!(env.ok(&["attachment", "1", "a.txt"]), "alpha\n");
    let other = names.iter().find(|n| n.starts_with("a.txt.")).unwrap();
    assert_eq!(env.ok(&["attachment", "1", other]), "other alpha\n");
    let stderr = env.fails(&["attachment", "1", "nope.txt"], 1);
    assert_one_error_line(&stderr);
    env.ok(&["note", "no files"]);
    assert_one_error_line(&env.fails(&["attachment", "2"], 1));
}

#[cfg(target_os = "linux")]
#[test]
fn a_pipe_can_be_attached() {
    let env = TestEnv::new();
    env.new_case("pipe");
    env.cmd()
        .args(["note", "from a pipe", "--file", "/dev/stdin"])
        .write_stdin("piped data\n")
        .assert()
        .success();
    let e = show(&env, 1);
    assert_eq!(e["attachments"][0]["size"], 11);
    assert_eq!(env.ok(&["attachment", "1"]), "piped data\n");
}

#[test]
fn a_missing_file_is_an_error_and_nothing_is_written() {
    let env = TestEnv::new();
    env.new_case("missing file");
    std::fs::write(env.work().join("here.txt"), "x").unwrap();
    let stderr = env.fails(
        &[
            "note",
            "with files",
            "--file",
            "here.txt",
            "--file",
            "gone.txt",
        ],
        1,
    );
    assert_one_error_line(&stderr);
    assert!(stderr.contains("gone.txt"), "{stderr}");
    assert!(entries(&env).is_empty());
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_and_nothing_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.new_case("unreadable");
    let path = env.work().join("secret.txt");
    std::fs::write(&path, "x").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        return; // running as root: every file is readable
    }
    let stderr = env.fails(&["note", "x", "--file", "secret.txt"], 1);
    assert_one_error_line(&stderr);
    assert!(entries(&env).is_empty());
}

#[test]
fn an_oversized_file_is_refused_with_a_clear_error() {
    let env = TestEnv::new();
    env.new_case("big");
    let path = env.work().join("huge.img");
    // Sparse: the size is what counts, no disk is used.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let stderr = env.fails(&["note", "x", "--file", "huge.img"], 1);
    assert_one_error_line(&stderr);
    assert!(
        stderr.contains("huge.img") && stderr.contains("limit"),
        "{stderr}"
    );
    assert!(entries(&env).is_empty());
    let stderr = env.fails(&["note", "x", "--file", "."], 1);
    assert_one_error_line(&stderr);
}

// ---------------------------------------------------------------------------------------------
// the editor

#[test]
fn edit_flag_writes_what_the_editor_saved() {
    let env = TestEnv::new();
    env.new_case("editor");
    let seen = env.dir.path().join("template.txt");
    let editor = script(
        &env,
        "ed.sh",
        &format!(
            "cp \"$1\" '{}'\nprintf 'from the editor\\nsecond line\\n#: a hint\\n' > \"$1\"",
            seen.display()
        ),
    );
    let out = run_with_editor(&env, &editor, &["hypo", "-e", "start", "text"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "#1 hypothesis\n");
    let template = std::fs::read_to_string(&seen).unwrap();
    assert!(template.starts_with("start text\n"), "{template}");
    assert!(
        template.contains("hypothesis"),
        "the template names the kind: {template}"
    );
    assert_eq!(show(&env, 1)["text"], "from the editor\nsecond line");
}

#[test]
fn visual_wins_over_editor_and_config_wins_over_both() {
    let env = TestEnv::new();
    env.new_case("which editor");
    let a = script(&env, "a.sh", "echo from-visual > \"$1\"");
    let b = script(&env, "b.sh", "echo from-editor > \"$1\"");
    let c = script(&env, "c.sh", "echo from-config > \"$1\"");
    env.cmd()
        .env("VISUAL", &a)
        .env("EDITOR", &b)
        .args(["note", "-e"])
        .assert()
        .success();
    assert_eq!(show(&env, 1)["text"], "from-visual");
    env.write_config(&format!("editor = '{}'\n", c.display()));
    env.cmd()
        .env("VISUAL", &a)
        .env("EDITOR", &b)
        .args(["note", "-e"])
        .assert()
        .success();
    assert_eq!(show(&env, 2)["text"], "from-config");
}

#[test]
fn an_editor_result_of_only_comments_aborts_with_nothing_written() {
    let env = TestEnv::new();
    env.new_case("empty");
    let editor = script(&env, "ed.sh", "printf '#: only\\n#: hints\\n\\n' > \"$1\"");
    let out = run_with_editor(&env, &editor, &["note", "-e"]);
    assert_eq!(out.status.code(), Some(1));
    assert_one_error_line(&String::from_utf8_lossy(&out.stderr));
    assert!(entries(&env).is_empty());
}

#[test]
fn a_failing_editor_writes_nothing() {
    let env = TestEnv::new();
    env.new_case("fails");
    let editor = script(&env, "ed.sh", "echo 'saved anyway' > \"$1\"\nexit 1");
    let out = run_with_editor(&env, &editor, &["note", "-e", "draft"]);
    assert_eq!(out.status.code(), Some(1));
    assert_one_error_line(&String::from_utf8_lossy(&out.stderr));
    assert!(entries(&env).is_empty());
}

#[test]
fn a_missing_editor_is_one_error_line() {
    let env = TestEnv::new();
    env.new_case("no editor");
    let out = env
        .cmd()
        .env("EDITOR", "casefile-no-such-editor --wait")
        .args(["note", "-e"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_one_error_line(&stderr);
    assert!(stderr.contains("casefile-no-such-editor"), "{stderr}");
    assert!(entries(&env).is_empty());
}

#[test]
fn a_missing_attachment_fails_before_the_editor_opens() {
    let env = TestEnv::new();
    env.new_case("attach first");
    let opened = env.dir.path().join("opened");
    let editor = script(
        &env,
        "ed.sh",
        &format!("touch '{}'\necho text > \"$1\"", opened.display()),
    );
    let out = run_with_editor(&env, &editor, &["note", "-e", "--file", "gone.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !opened.exists(),
        "the user typed text that is then thrown away"
    );
    assert!(entries(&env).is_empty());
}

#[test]
fn edit_keeps_every_earlier_text_as_history() {
    let env = TestEnv::new();
    env.new_case("history");
    env.ok(&["hypo", "first text"]);
    let third = script(&env, "e3.sh", "echo 'third text' > \"$1\"");
    let seen = env.dir.path().join("seen.txt");
    let copy = script(
        &env,
        "look.sh",
        &format!(
            "cp \"$1\" '{}'\necho 'second text' > \"$1\"",
            seen.display()
        ),
    );
    let out = run_with_editor(&env, &copy, &["edit", "1"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(&seen)
        .unwrap()
        .starts_with("first text\n"));
    let out = run_with_editor(&env, &third, &["edit", "#1"]);
    assert!(out.status.success());

    let e = show(&env, 1);
    assert_eq!(e["text"], "third text");
    let history = e["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["text"], "first text");
    assert_eq!(history[1]["text"], "second text");
    for h in history {
        assert_eq!(h["author"], "tester");
        assert!(h["edited_at"].as_str().unwrap().contains('T'));
    }
    // The state is untouched by an edit.
    assert_eq!(e["state"], "open");

    let shown = env.ok(&["show", "1"]);
    assert!(shown.contains("third text"));
    let first = shown.find("first text").expect("history in show");
    let second = shown.find("second text").expect("history in show");
    assert!(first < second, "oldest first: {shown}");
}

#[test]
fn a_failing_or_empty_edit_changes_nothing() {
    let env = TestEnv::new();
    env.new_case("edit fails");
    env.ok(&["note", "original"]);
    let failing = script(&env, "fail.sh", "echo changed > \"$1\"\nexit 1");
    let out = run_with_editor(&env, &failing, &["edit", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert_one_error_line(&String::from_utf8_lossy(&out.stderr));
    let empty = script(&env, "empty.sh", "printf '#: nothing\\n' > \"$1\"");
    let out = run_with_editor(&env, &empty, &["edit", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert_one_error_line(&String::from_utf8_lossy(&out.stderr));
    let e = show(&env, 1);
    assert_eq!(e["text"], "original");
    assert!(e.get("history").is_none() || e["history"].as_array().unwrap().is_empty());
    assert_one_error_line(&env.fails(&["edit", "5"], 1));
}

// ---------------------------------------------------------------------------------------------
// redaction

/// Secrets that must never be stored, built at run time so this file holds no live-looking
/// token. Each is embedded in ordinary text when used.
fn secrets() -> Vec<(&'static str, String)> {
    let alnum36 = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    vec![
        ("aws key id", format!("AKIA{}", "Q7ZBXW4M2N5KJ3PL")),
        ("github", format!("ghp_{alnum36}")),
        ("github oauth", format!("gho_{alnum36}")),
        (
            "github pat",
            format!(
                "github_pat_{}_{}",
                "11ABCDEFG0123456789abc",
                "QRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLM"
            ),
        ),
        ("gitlab", format!("glpat-{}", "x9Y8w7V6u5T4s3R2q1P0")),
        (
            "slack",
            format!(
                "xoxb-{}-{}-{}",
                "123456789012", "1234567890123", "AbCdEfGhIjKlMnOpQrStUvWx"
            ),
        ),
        ("stripe", format!("sk_live_{}", "4eC39HqLyjWDarjtT1zdp7dc")),
        (
            "google",
            format!("AIza{}", "SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"),
        ),
        (
            "jwt",
            format!(
                "{}.{}.{}",
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
                "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0",
                "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
            ),
        ),
        ("password", "password=Tr0ub4dor-and-3".to_string()),
        (
            "url",
            "https://deploy:s3cr3tPassw0rd@git.example.com/repo".to_string(),
        ),
        (
            "bearer",
            format!("Authorization: Bearer {}", "abcDEF123456ghiJKL789mno"),
        ),
    ]
}

/// The part of a secret sample that must not survive (for `password=…` and the like, the
/// value; for a token, the token).
fn secret_core(sample: &str) -> &str {
    if let Some((_, value)) = sample.split_once("password=") {
        return value;
    }
    if let Some(rest) = sample.strip_prefix("https://deploy:") {
        return rest.split('@').next().unwrap();
    }
    if let Some(token) = sample.strip_prefix("Authorization: Bearer ") {
        return token;
    }
    sample
}

/// Text that must be stored unchanged.
fn clean_samples() -> Vec<&'static str> {
    vec![
        "request 3f2b8c1e-9d4a-4b7e-8f21-6c5d3e2a1b09 timed out",
        "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "bisected to commit 9fceb02d0ae598e95dc970b74767f19372d61af8 on main",
        "the password reset flow sends two emails; the token bucket refills every second",
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "T8604 UIDVALIDITY error: endless resync loop after 14:02 deploy",
    ]
}

fn assert_redacted(stored: &str, sample: &str, what: &str) {
    let core = secret_core(sample);
    assert!(
        !stored.contains(core),
        "{what}: secret {core:?} survived in {stored:?}"
    );
    assert!(
        stored.contains("[REDACTED:"),
        "{what}: no marker in {stored:?}"
    );
}

#[test]
fn secrets_in_arguments_are_redacted_and_clean_text_is_not() {
    let env = TestEnv::new();
    env.new_case("args");
    let mut n = 0;
    for (what, sample) in secrets() {
        env.ok(&["note", "saw", &sample, "in the log"]);
        n += 1;
        let e = show(&env, n);
        assert_redacted(e["text"].as_str().unwrap(), &sample, what);
        assert!(e["text"].as_str().unwrap().starts_with("saw "));
    }
    for sample in clean_samples() {
        env.ok(&["note", sample]);
        n += 1;
        assert_eq!(show(&env, n)["text"], sample, "a clean text was changed");
    }
}

#[test]
fn secrets_on_stdin_are_redacted() {
    let env = TestEnv::new();
    env.new_case("stdin");
    let all: Vec<String> = secrets().into_iter().map(|(_, s)| s).collect();
    let body = format!("log excerpt:\n{}\n", all.join("\nnext line: "));
    env.cmd().args(["ev"]).write_stdin(body).assert().success();
    let text = show(&env, 1)["text"].as_str().unwrap().to_string();
    for (what, sample) in secrets() {
        assert_redacted(&text, &sample, what);
    }
    assert!(text.starts_with("log excerpt:"));
}

#[test]
fn secrets_in_run_output_and_argv_are_redacted() {
    let env = TestEnv::new();
    env.new_case("run secrets");
    let mut n = 0;
    for (what, sample) in secrets() {
        let out = env
            .cmd()
            .args(["run", "--", "echo", "token:", &sample])
            .output()
            .unwrap();
        assert!(out.status.success());
        // The live output is the command's own, unchanged.
        assert!(String::from_utf8_lossy(&out.stdout).contains(&sample));
        n += 1;
        let json = env.ok(&["show", &n.to_string(), "--json"]);
        assert!(!json.contains(secret_core(&sample)), "{what}: {json}");
        let e: Value = serde_json::from_str(&json).unwrap();
        assert_redacted(e["output"].as_str().unwrap(), &sample, what);
        assert_redacted(&e["command"]["argv"].to_string(), &sample, what);
        assert_redacted(e["text"].as_str().unwrap(), &sample, what);
    }
    // A value given after a flag is redacted like `password=value`.
    env.ok(&["-q", "run", "--", "echo", "--password", "Tr0ub4dor-and-3"]);
    n += 1;
    let json = env.ok(&["show", &n.to_string(), "--json"]);
    assert!(!json.contains("Tr0ub4dor-and-3"), "{json}");
    for sample in clean_samples() {
        env.ok(&["-q", "run", "--", "echo", sample]);
        n += 1;
        let e = show(&env, n);
        assert_eq!(e["output"], format!("{sample}\n"));
        assert_eq!(e["command"]["argv"][1], sample);
    }
}

#[test]
fn text_attachments_are_redacted_and_binary_ones_are_not() {
    let env = TestEnv::new();
    env.new_case("attachments");
    let all: Vec<String> = secrets().into_iter().map(|(_, s)| s).collect();
    std::fs::write(env.work().join("env.txt"), all.join("\n")).unwrap();
    let mut binary: Vec<u8> = vec![0xff, 0xfe, 0x00];
    binary.extend_from_slice(all[1].as_bytes());
    std::fs::write(env.work().join("dump.bin"), &binary).unwrap();
    env.ok(&["note", "files", "--file", "env.txt", "--file", "dump.bin"]);
    let text = env.ok(&["attachment", "1", "env.txt"]);
    for (what, sample) in secrets() {
        assert_redacted(&text, &sample, what);
    }
    let out = env
        .cmd()
        .args(["attachment", "1", "dump.bin"])
        .output()
        .unwrap();
    assert_eq!(
        out.stdout, binary,
        "binary attachments are stored as they are"
    );
}

#[test]
fn no_redact_keeps_captures_raw() {
    let env = TestEnv::new();
    env.new_case("raw");
    let token = secrets()[1].1.clone();
    env.ok(&["note", "--no-redact", "raw", &token]);
    assert_eq!(show(&env, 1)["text"], format!("raw {token}"));
    env.ok(&["-q", "run", "--no-redact", "--", "echo", &token]);
    let e = show(&env, 2);
    assert_eq!(e["output"], format!("{token}\n"));
    assert_eq!(e["command"]["argv"][1], token.as_str());
    std::fs::write(env.work().join("t.txt"), &token).unwrap();
    env.ok(&["note", "--no-redact", "file", "--file", "t.txt"]);
    assert_eq!(env.ok(&["attachment", "3"]), token);
    let editor = script(&env, "ed.sh", &format!("echo 'now {token}' > \"$1\""));
    let out = run_with_editor(&env, &editor, &["edit", "--no-redact", "1"]);
    assert!(out.status.success());
    assert_eq!(show(&env, 1)["text"], format!("now {token}"));
}

#[test]
fn edited_text_is_redacted() {
    let env = TestEnv::new();
    env.new_case("edit redact");
    env.ok(&["note", "plain"]);
    let token = secrets()[1].1.clone();
    let editor = script(&env, "ed.sh", &format!("echo 'pasted {token}' > \"$1\""));
    let out = run_with_editor(&env, &editor, &["edit", "1"]);
    assert!(out.status.success());
    assert_redacted(show(&env, 1)["text"].as_str().unwrap(), &token, "edit");
    let out = run_with_editor(&env, &editor, &["note", "-e"]);
    assert!(out.status.success());
    assert_redacted(show(&env, 2)["text"].as_str().unwrap(), &token, "-e");
}

#[test]
fn a_custom_pattern_from_config_redacts() {
    let env = TestEnv::new();
    env.write_config("[[redact.pattern]]\nname = \"ticket-secret\"\nregex = \"TS-[0-9]{6}\"\n");
    env.new_case("custom");
    env.ok(&["note", "code TS-123456 leaked"]);
    let text = show(&env, 1)["text"].as_str().unwrap().to_string();
    assert!(!text.contains("TS-123456"), "{text}");
    assert!(text.contains("[REDACTED:ticket-secret]"), "{text}");
    env.ok(&["-q", "run", "--", "echo", "TS-654321"]);
    let json = env.ok(&["show", "2", "--json"]);
    assert!(!json.contains("TS-654321"), "{json}");
    // The built-in rules still apply next to the custom one.
    let token = secrets()[1].1.clone();
    env.ok(&["note", &token]);
    assert_redacted(show(&env, 3)["text"].as_str().unwrap(), &token, "builtin");
}

#[test]
fn an_invalid_custom_pattern_is_an_error_naming_it() {
    let env = TestEnv::new();
    env.new_case("invalid");
    env.write_config("[[redact.pattern]]\nname = \"broken-one\"\nregex = \"([unclosed\"\n");
    let stderr = env.fails(&["note", "hello"], 1);
    assert_one_error_line(&stderr);
    assert!(stderr.contains("broken-one"), "{stderr}");
    let stderr = env.fails(&["run", "--", "touch", "ran"], 1);
    assert!(stderr.contains("broken-one"), "{stderr}");
    assert!(!env.work().join("ran").exists(), "checked before running");
    assert!(entries(&env).is_empty());
}

/// gitleaks' own true-positive samples (tests/data/gitleaks/samples.json, MIT, Copyright (c)
/// 2019 Zachary Rice), one rule in three, through `casefile run`: what is stored is exactly
/// what the library's redaction makes of the output, and it is redacted. (Every rule and form
/// is covered in-process by `redact::coverage`; this proves the run path applies it.)
#[test]
fn gitleaks_samples_in_run_output_are_redacted() {
    let samples: Value = serde_json::from_str(include_str!("data/gitleaks/samples.json")).unwrap();
    let red = casefile::redact::Redactor::builtin();
    let env = TestEnv::new();
    env.new_case("gitleaks samples");
    let mut n = 0;
    let rules = samples["rules"].as_object().unwrap();
    // Rules whose sources gitleaks keeps out of its config (gcp-service-account) are not run.
    let kinds: Vec<&str> = casefile::redact::Redactor::builtin_kinds().collect();
    let with_tps = rules
        .iter()
        .filter(|(id, _)| kinds.contains(&id.as_str()))
        .filter_map(|(id, s)| {
            let tp = s["tps"].as_array()?.first()?.as_str()?;
            Some((id, tp))
        });
    for (i, (id, tp)) in with_tps.enumerate() {
        if i % 3 != 0 || tp.contains('\0') {
            continue;
        }
        env.ok(&["-q", "run", "--", "printf", "%s\\n", tp]);
        n += 1;
        let e = show(&env, n);
        let expected = red.redact(&format!("{tp}\n")).into_owned();
        assert_ne!(
            expected,
            format!("{tp}\n"),
            "{id}: nothing redacted in {tp:?}"
        );
        assert_eq!(e["output"], expected, "{id}");
        assert!(e["output"].as_str().unwrap().contains("[REDACTED:"), "{id}");
    }
    assert!(n >= 15, "only {n} samples ran");
}
