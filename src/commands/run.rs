//! `casefile run`: run a command, show its output live, record it as evidence.
//!
//! Everything that can fail on our side (no case, a bad `--supports` target, a bad redaction
//! pattern) is checked before the command starts, so a user never waits for a slow test only
//! to learn that nothing could be recorded. The child's output goes to our stdout and stderr
//! unchanged, which is why the confirmation line (`#7 evidence`) goes to stderr here, not to
//! stdout as with the other writes; `--json` prints the entry on stdout after the output.

use std::ffi::OsString;
use std::io::Write as _;

use anyhow::{Context as _, Result};

use super::write::{new_uuid, require_kind, Redaction};
use super::Ctx;
use crate::cli::RunArgs;
use crate::context::{self, DirtyCheck};
use crate::error::{ExitWith, SilentExit};
use crate::model::{CommandInfo, EntryNumber, Kind, LinkType};
use crate::render::entry::shell_join;
use crate::runner::{self, Ending, Outcome, SignalGuard};
use crate::store::entries::{self, NewEntry};

/// The longest command line quoted in the entry's one-line text (the whole argv is kept in
/// `command.argv`).
const SUMMARY_COMMAND_CHARS: usize = 100;

pub fn run(ctx: &Ctx, args: RunArgs) -> Result<()> {
    let config = ctx.config()?;
    let cap = config.run_output_cap();
    let mut store = ctx.open_case()?;
    let slug = store.slug().to_string();

    let mut links: Vec<(LinkType, EntryNumber)> = Vec::new();
    if let Some(r) = &args.supports {
        links.push((LinkType::Supports, store.resolve(r)?));
    }
    if let Some(r) = &args.refutes {
        links.push((LinkType::Refutes, store.resolve(r)?));
    }
    for (_, target) in &links {
        require_kind(
            store.conn(),
            slug.clone(),
            *target,
            Kind::Hypothesis,
            "a hypothesis",
        )?;
    }
    let redaction = Redaction::for_write(ctx, args.no_redact)?;
    // The context comes from git itself and describes the tree before the command ran: git
    // answers before the command starts, since a command running alongside could change the
    // files git is reading (a build, `git stash`). It costs a few milliseconds of start-up.
    let captured = context::capture(config.author.as_deref(), DirtyCheck::Exact);

    let guard = SignalGuard::install();
    let outcome = match runner::run(&args.argv, cap, args.pty) {
        Ok(outcome) => outcome,
        Err(spawn) => {
            drop(guard);
            return Err(ExitWith {
                code: 127,
                message: format!("{spawn}; nothing was recorded"),
            }
            .into());
        }
    };

    let argv = redact_argv(&args.argv, &redaction);
    let output = redaction.apply(&outcome.output);
    // A caption (`-m`) heads the entry; the line saying what ran and how it ended follows.
    let text = match args.message.as_deref().map(str::trim) {
        Some(message) if !message.is_empty() => {
            format!("{}\n{}", redaction.apply(message), summary(&argv, &outcome))
        }
        _ => summary(&argv, &outcome),
    };
    let command = CommandInfo {
        argv,
        exit_code: outcome.ending.recorded_code(),
        duration_ms: u64::try_from(outcome.duration.as_millis()).unwrap_or(u64::MAX),
    };
    let now = config.zone().now();
    let recorded_at = crate::time::format_rfc3339(&now);
    let uuid = new_uuid();
    let number = store.write(|tx| {
        for (_, target) in &links {
            require_kind(tx, slug.clone(), *target, Kind::Hypothesis, "a hypothesis")?;
        }
        let number = entries::insert_entry(
            tx,
            &NewEntry {
                uuid: &uuid,
                kind: Kind::Evidence,
                text: &text,
                author: &captured.author,
                recorded_at: &recorded_at,
                occurred_at: None,
                at_ms: crate::time::unix_ms(&now),
                state: None,
                context: &captured.context,
                tags: &args.tags,
                command: Some(&command),
                output: Some(&output),
                facts: None,
            },
        )?;
        for (link_type, target) in &links {
            entries::insert_link(tx, &new_uuid(), number, *link_type, target.0)?;
        }
        Ok(number)
    })?;
    drop(guard);

    if ctx.global.json {
        let entry = entries::load_entry(store.conn(), number)?
            .context("the entry just written cannot be read back")?;
        ctx.print_json(&entry)?;
    } else if !ctx.global.quiet {
        // stdout carries the child's output; our one line goes to stderr so that
        // `casefile run -- cmd > out.txt` leaves out.txt exactly as `cmd > out.txt` would.
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "#{number} evidence");
    }
    match outcome.ending.exit_code() {
        0 => Ok(()),
        code => Err(SilentExit(code).into()),
    }
}

/// The argv as recorded: each argument redacted, and a value that follows a flag such as
/// `--password` or `--token` redacted as if written `password=value`.
fn redact_argv(argv: &[OsString], redaction: &Redaction) -> Vec<String> {
    let raw: Vec<String> = argv
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut out: Vec<String> = raw.iter().map(|a| redaction.apply(a)).collect();
    for i in 1..raw.len() {
        let flag = &raw[i - 1];
        let key = flag.trim_start_matches('-');
        if key.len() == flag.len() || key.is_empty() || flag.contains('=') {
            continue;
        }
        let joined = format!("{key}={}", raw[i]);
        let redacted = redaction.apply(&joined);
        if redacted != joined {
            if let Some(value) = redacted.strip_prefix(&format!("{key}=")) {
                if value != raw[i] {
                    out[i] = value.to_string();
                }
            }
        }
    }
    out
}

/// The entry's one-line text: "`cargo test` exited 101 after 2.3 s".
fn summary(argv: &[String], outcome: &Outcome) -> String {
    let mut shown = shell_join(argv);
    if shown.chars().count() > SUMMARY_COMMAND_CHARS {
        shown = shown.chars().take(SUMMARY_COMMAND_CHARS - 1).collect();
        shown.push('…');
    }
    let after = runner::human_duration(outcome.duration);
    match outcome.ending {
        Ending::Exited(code) => format!("`{shown}` exited {code} after {after}"),
        Ending::Signaled(signal) => format!(
            "`{shown}` was killed by {} after {after}",
            runner::signal_name(signal)
        ),
    }
}
