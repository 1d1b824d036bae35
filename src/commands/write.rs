//! `note`, `hypo`, `ev`, `dead`, `event`, `todo`: the writes, casefile's hot path.
//!
//! Everything that can fail on bad input (the body, `--at`, attachments, link targets) is
//! checked before or inside the one transaction, so a failed write stores nothing.

use std::io::{IsTerminal, Read};

use anyhow::{Context as _, Result};

use super::Ctx;
use crate::cli::{
    CommonWriteArgs, DeadArgs, EventArgs, EvidenceArgs, NoteArgs, TodoArgs, WriteArgs,
};
use crate::context::{self, DirtyCheck};
use crate::error::{invalid, CaseFileError};
use crate::model::{EntryNumber, EntryRef, Kind, LinkType, Mark, State};
use crate::store::changes;
use crate::store::entries::{self, EntryFacts, NewEntry};
use crate::store::CaseStore;

pub fn simple(ctx: &Ctx, kind: Kind, args: WriteArgs) -> Result<()> {
    write(ctx, kind, args.common, &[], None, Extras::default())
}

pub fn note(ctx: &Ctx, args: NoteArgs) -> Result<()> {
    let extras = Extras {
        pin: args.pin,
        ..Extras::default()
    };
    write(ctx, Kind::Note, args.common, &[], None, extras)
}

pub fn event(ctx: &Ctx, args: EventArgs) -> Result<()> {
    let mark = match (args.good, args.bad) {
        (true, _) => Some(Mark::Good),
        (_, true) => Some(Mark::Bad),
        _ => None,
    };
    let extras = Extras {
        facts: mark.map(|mark| EntryFacts {
            mark: Some(mark),
            ..EntryFacts::default()
        }),
        ..Extras::default()
    };
    write(ctx, Kind::Event, args.common, &[], None, extras)
}

pub fn todo(ctx: &Ctx, args: TodoArgs) -> Result<()> {
    let name = |flag: &str, value: Option<String>| -> Result<Option<String>> {
        match value.map(|v| v.trim().to_string()) {
            Some(v) if v.is_empty() => Err(invalid(format!("{flag} needs a value"))),
            other => Ok(other),
        }
    };
    let due = match &args.due {
        Some(due) => {
            let zone = ctx.config()?.zone();
            let t = crate::time::parse_time(due, zone.now().to_utc(), &zone)
                .map_err(|e| invalid(format!("--due: {e}")))?;
            Some(crate::time::format_rfc3339(&t))
        }
        None => None,
    };
    let facts = EntryFacts {
        owner: name("--owner", args.owner)?,
        due,
        ticket: name("--ticket", args.ticket)?,
        mark: None,
    };
    let extras = Extras {
        facts: (facts != EntryFacts::default()).then_some(facts),
        ..Extras::default()
    };
    write(ctx, Kind::Action, args.common, &[], None, extras)
}

/// What some kinds of write carry besides the common flags.
#[derive(Debug, Default)]
struct Extras {
    /// Pin the entry as it is written (`note --pin`).
    pin: bool,
    facts: Option<EntryFacts>,
}

pub fn evidence(ctx: &Ctx, args: EvidenceArgs) -> Result<()> {
    let mut links = Vec::new();
    if let Some(n) = args.supports {
        links.push((LinkType::Supports, n));
    }
    if let Some(n) = args.refutes {
        links.push((LinkType::Refutes, n));
    }
    write(
        ctx,
        Kind::Evidence,
        args.common,
        &links,
        None,
        Extras::default(),
    )
}

pub fn dead_end(ctx: &Ctx, args: DeadArgs) -> Result<()> {
    let links: Vec<_> = args
        .of
        .clone()
        .map(|r| (LinkType::RulesOut, r))
        .into_iter()
        .collect();
    write(
        ctx,
        Kind::DeadEnd,
        args.common,
        &links,
        args.of,
        Extras::default(),
    )
}

/// Write one entry of `kind` with links to existing hypotheses; `refutes` becomes refuted.
fn write(
    ctx: &Ctx,
    kind: Kind,
    args: CommonWriteArgs,
    named: &[(LinkType, EntryRef)],
    refutes: Option<EntryRef>,
    extras: Extras,
) -> Result<()> {
    let config = ctx.config()?;
    let mut store = ctx.open_case()?;
    // Numbers or short ids, resolved by the one resolver.
    let mut links: Vec<(LinkType, EntryNumber)> = Vec::with_capacity(named.len());
    for (link_type, r) in named {
        links.push((*link_type, store.resolve(r)?));
    }
    let refutes = refutes.map(|r| store.resolve(&r)).transpose()?;
    let redactor = Redaction::for_write(ctx, args.no_redact)?;
    // Attachments before the body: a missing file fails before the editor takes the user's time.
    let attachments = crate::attach::prepare(&args.files, redactor.redactor())?;
    let raw = read_body(ctx, kind, &args)?;
    let text = redactor.apply(&raw);
    let zone = config.zone();
    let now = zone.now();
    // Only a write that gives a time reads one: without `--at` nothing below is set up.
    let occurred = match &args.at {
        Some(at) => Some(occurred_at(at, &zone)?),
        None if args.at_text => Some(occurred_in_text(&raw, &zone)?),
        None => None,
    };
    let captured = context::capture(config.author.as_deref(), DirtyCheck::Bounded);
    let recorded_at = crate::time::format_rfc3339(&now);
    let occurred_at = occurred.as_ref().map(crate::time::format_written);
    let at_ms = crate::time::unix_ms(occurred.as_ref().unwrap_or(&now));
    let uuid = new_uuid();
    let slug = store.slug().to_string();

    let number = store.write(|tx| {
        for (_, target) in &links {
            require_kind(tx, slug.clone(), *target, Kind::Hypothesis, "a hypothesis")?;
        }
        let number = entries::insert_entry(
            tx,
            &NewEntry {
                uuid: &uuid,
                kind,
                text: &text,
                author: &captured.author,
                recorded_at: &recorded_at,
                occurred_at: occurred_at.as_deref(),
                at_ms,
                state: kind.initial_state(),
                context: &captured.context,
                tags: &args.tags,
                command: None,
                output: None,
                facts: extras.facts.as_ref(),
            },
        )?;
        if extras.pin {
            changes::pin_new(
                tx,
                &new_uuid(),
                number,
                &recorded_at,
                crate::time::unix_ms(&now),
                &captured.author,
            )?;
        }
        for (link_type, target) in &links {
            entries::insert_link(tx, &new_uuid(), number, *link_type, target.0)?;
        }
        if let Some(target) = refutes {
            if entries::kind_and_state(tx, target.0)?.and_then(|(_, s)| s) != Some(State::Refuted) {
                entries::insert_state_change(
                    tx,
                    &new_uuid(),
                    target.0,
                    State::Refuted,
                    &recorded_at,
                    crate::time::unix_ms(&now),
                    &captured.author,
                )?;
            }
        }
        for attachment in &attachments {
            entries::insert_attachment(
                tx,
                number,
                &attachment.name,
                &attachment.sha256,
                &attachment.content,
            )?;
        }
        Ok(number)
    })?;
    announce(ctx, &store, number, kind)?;
    // Committed and synced above; closing would only finalize statements and free memory,
    // which the process's exit does anyway (~115K instructions of a write, callgrind).
    store.close_at_exit();
    Ok(())
}

/// Read `--at`: the written offset is kept; a time well in the future is written with a
/// warning on stderr.
fn occurred_at(
    at: &str,
    zone: &crate::time::Zone,
) -> Result<chrono::DateTime<chrono::FixedOffset>> {
    let reference = crate::time::reference_now();
    let t =
        crate::time::parse_time(at, reference, zone).map_err(|e| invalid(format!("--at: {e}")))?;
    if let Some(warning) = crate::time::future_warning(&t, reference) {
        eprintln!("{warning}");
    }
    Ok(t)
}

/// `--at-text`: the first timestamp in the entry's own text, read as `--at` reads it.
fn occurred_in_text(
    text: &str,
    zone: &crate::time::Zone,
) -> Result<chrono::DateTime<chrono::FixedOffset>> {
    let reference = crate::time::reference_now();
    let found = crate::time::first_timestamp(text, reference, zone)
        .map_err(|e| invalid(format!("--at-text: {e}")))?;
    let Some((t, _)) = found else {
        return Err(invalid(
            "--at-text: no timestamp found in the text (such as 2016-04-06 15:01:11, \
             Dec  2 12:31:02, 06/Apr/2016:15:01:11 -0400 or Mon, 26 Aug 2019 07:31:18 -0400); \
             give the time with --at",
        ));
    };
    if let Some(warning) = crate::time::future_warning(&t, reference) {
        eprintln!("{warning}");
    }
    Ok(t)
}

/// Print what a write wrote: `#7 hypothesis`, or the entry with `--json`.
pub fn announce(ctx: &Ctx, store: &CaseStore, number: i64, kind: Kind) -> Result<()> {
    if ctx.global.json {
        let entry = entries::load_entry(store.conn(), number)?
            .context("the entry just written cannot be read back")?;
        return ctx.print_json(&entry);
    }
    ctx.say(&format!("#{number} {kind}"))
}

/// The entry's text: the arguments, else the editor (`-e`), else stdin when it is not a
/// terminal. With `-` among the arguments, the words are a caption and stdin the body after it.
/// Text given without `-` never reads stdin (a write inside `… | while read x` must not eat the
/// loop's input, nor wait on a pipe nobody writes); if data is waiting there, one line on
/// stderr says it was left alone. Empty text is an error.
pub fn read_body(ctx: &Ctx, kind: Kind, args: &CommonWriteArgs) -> Result<String> {
    let dash = args.text.iter().any(|w| w == "-");
    let words: Vec<&str> = args
        .text
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "-")
        .collect();
    let joined = words.join(" ");
    let body = if dash {
        if args.edit {
            return Err(invalid(
                "`-` reads the body from stdin and -e from the editor: use one of them",
            ));
        }
        if std::io::stdin().is_terminal() {
            return Err(invalid(format!(
                "`-` reads the body from stdin, but nothing is piped in; \
                 pipe it (… | casefile {} <caption> -) or leave out the `-`",
                command_name(kind)
            )));
        }
        let piped = read_stdin()?;
        match (joined.trim().is_empty(), piped.trim().is_empty()) {
            (true, _) => piped,
            (false, true) => joined,
            (false, false) => format!("{joined}\n{}", piped.trim_start_matches(['\n', '\r'])),
        }
    } else if args.edit {
        let editor = ctx.config()?.editor.clone();
        crate::editor::compose(kind, &joined, editor.as_deref())?
    } else if joined.trim().is_empty() && !std::io::stdin().is_terminal() {
        read_stdin()?
    } else {
        if crate::stdin::has_waiting_data() {
            eprintln!(
                "warning: stdin was not read (the text came from the arguments); \
                 to add it as the body: … | casefile {} <caption> -",
                command_name(kind)
            );
        }
        joined
    };
    let body = body.trim_end().to_string();
    if body.trim().is_empty() {
        return Err(invalid(format!(
            "nothing to write: give the {kind} as arguments (casefile {} <text…>), on stdin, or with -e",
            command_name(kind)
        )));
    }
    Ok(body)
}

/// Read all of stdin as UTF-8 text.
pub fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .context("cannot read stdin")?;
    String::from_utf8(bytes).map_err(|_| {
        invalid("stdin is not valid UTF-8 text; attach binary data with --file <path> instead")
    })
}

fn command_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Note => "note",
        Kind::Hypothesis => "hypo",
        Kind::Evidence => "ev",
        Kind::DeadEnd => "dead",
        Kind::Event => "event",
        Kind::Action => "todo",
    }
}

/// The redaction that applies to one capture: the built-in rules plus the config's, or none
/// with `--no-redact`.
pub struct Redaction(Option<crate::redact::Redactor>);

impl Redaction {
    pub fn for_write(ctx: &Ctx, no_redact: bool) -> Result<Redaction> {
        if no_redact {
            return Ok(Redaction(None));
        }
        let patterns = ctx.config()?.custom_patterns();
        let redactor = if patterns.is_empty() {
            crate::redact::Redactor::builtin()
        } else {
            crate::redact::Redactor::with_custom(&patterns).map_err(|e| {
                let crate::redact::RedactError::InvalidPattern { name, .. } = &e;
                invalid(format!("{}: {e}", crate::config::pattern_location(name)))
            })?
        };
        Ok(Redaction(Some(redactor)))
    }

    pub fn apply(&self, text: &str) -> String {
        match &self.0 {
            Some(redactor) => redactor.redact(text).into_owned(),
            None => text.to_string(),
        }
    }

    pub fn redactor(&self) -> Option<&crate::redact::Redactor> {
        self.0.as_ref()
    }
}

/// A fresh time-ordered UUID (v7).
pub fn new_uuid() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Check that entry `number` exists and is of `kind`; returns its state.
pub fn require_kind(
    conn: &rusqlite::Connection,
    slug: String,
    number: EntryNumber,
    kind: Kind,
    expected: &str,
) -> Result<Option<State>> {
    match entries::kind_and_state(conn, number.0)? {
        None => Err(CaseFileError::NoSuchEntry {
            number: number.0,
            slug,
            last: entries::last_number(conn)?,
        }
        .into()),
        Some((found, _)) if found != kind => Err(CaseFileError::WrongKind {
            number: number.0,
            kind: found,
            expected: expected.to_string(),
        }
        .into()),
        Some((_, state)) => Ok(state),
    }
}

/// The entry `number` (headline columns and the cached change columns), or the error that
/// names the case and its last number.
pub fn require_entry(
    conn: &rusqlite::Connection,
    slug: &str,
    number: EntryNumber,
) -> Result<crate::model::Entry> {
    match entries::load_entry(conn, number.0)? {
        Some(entry) => Ok(entry),
        None => Err(CaseFileError::NoSuchEntry {
            number: number.0,
            slug: slug.to_string(),
            last: entries::last_number(conn)?,
        }
        .into()),
    }
}
