//! A clean write compiles no regex: the whole `note` command, run in-process, leaves the
//! redactor's process-wide compile counter at zero. Its own test binary, because the counter
//! is global to the process and other tests would move it.

use casefile::redact::Redactor;
use clap::Parser;

fn casefile(args: &[&str]) {
    let mut argv = vec!["casefile", "-q"];
    argv.extend_from_slice(args);
    let cli = casefile::cli::Cli::parse_from(argv);
    casefile::commands::run(cli).expect("command succeeds");
}

#[test]
fn a_clean_write_compiles_no_regex_and_a_secret_compiles_only_what_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    // SAFETY (edition 2021: safe fns): this binary has one test, so no other thread reads the
    // environment while it is set.
    std::env::set_var("CASEFILE_HOME", dir.path().join("home"));
    std::env::set_var("CASEFILE_CONFIG", dir.path().join("config.toml"));
    std::env::set_var("HOME", dir.path());
    std::env::set_var("USER", "tester");
    std::env::remove_var("CASEFILE_CASE");
    std::env::set_current_dir(&work).unwrap();
    std::fs::write(
        work.join("clean.txt"),
        "an ordinary log line\nanother one\n",
    )
    .unwrap();

    casefile(&["new", "regex count"]);
    casefile(&[
        "note",
        "the password reset flow sends two emails; commit 9fceb02d0ae5",
    ]);
    casefile(&["hypo", "the cache is stale", "--file", "clean.txt"]);
    casefile(&["ev", "--supports", "2", "latency", "doubled", "at", "14:02"]);
    assert_eq!(
        Redactor::compiled_count(),
        0,
        "a clean write compiled a regex"
    );

    // The counter is live: a secret compiles the rule it needs, and not every rule.
    let token = format!("ghp_{}", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8");
    casefile(&["note", "leaked", &token]);
    let compiled = Redactor::compiled_count();
    assert!(
        compiled >= 1,
        "a secret compiled nothing: the counter is dead"
    );
    assert!(compiled <= 3, "{compiled} regexes compiled for one token");
}
