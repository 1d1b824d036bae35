//! `confirm`, `refute`, `reopen` and `done`: state changes, each with its own UUID so that
//! two people's trails merge (an entry's state is its latest change).

use anyhow::Result;

use super::write::{announce, new_uuid, require_kind};
use super::Ctx;
use crate::cli::{DoneArgs, StateArgs};
use crate::context::{self, DirtyCheck};
use crate::error::{invalid, CaseFileError};
use crate::model::{EntryNumber, EntryRef, Kind, LinkType, State};
use crate::store::entries::{self, NewEntry};
use crate::store::numbering::{self, Found};
use crate::store::CaseStore;

#[derive(Debug, Clone, Copy)]
pub enum Change {
    Confirm,
    Refute,
    Reopen,
}

/// What `--because` names: an existing entry, or text for a new evidence entry.
enum Because {
    Entry(EntryNumber),
    Text(String),
}

fn parse_because(store: &CaseStore, words: Option<Vec<String>>) -> Result<Option<Because>> {
    let Some(words) = words else { return Ok(None) };
    let joined = words.join(" ");
    let trimmed = joined.trim();
    if trimmed.is_empty() {
        return Err(invalid(
            "--because needs an entry number (7 or #7) or some text",
        ));
    }
    let looks_like_number = trimmed
        .strip_prefix('#')
        .unwrap_or(trimmed)
        .bytes()
        .all(|b| b.is_ascii_digit());
    if looks_like_number {
        let number: EntryNumber = trimmed
            .parse()
            .map_err(|e: String| invalid(format!("--because: {e}")))?;
        return Ok(Some(Because::Entry(number)));
    }
    // One word that is the short id of exactly one entry names that entry; any other text
    // (even a hex-looking word that names nothing, or several) is the reason itself.
    if let Ok(EntryRef::Short(hex)) = trimmed.parse::<EntryRef>() {
        if !trimmed.contains(char::is_whitespace) {
            if let Found::One(n) = numbering::find_short(store.conn(), &hex)? {
                return Ok(Some(Because::Entry(EntryNumber(n))));
            }
        }
    }
    Ok(Some(Because::Text(trimmed.to_string())))
}

pub fn change(ctx: &Ctx, change: Change, args: StateArgs) -> Result<()> {
    let config = ctx.config()?;
    let mut store = ctx.open_case()?;
    let because = parse_because(&store, args.because)?;
    let slug = store.slug().to_string();
    let target = store.resolve(&args.number)?;
    let because_text = match &because {
        Some(Because::Text(text)) => {
            Some(super::write::Redaction::for_write(ctx, false)?.apply(text))
        }
        _ => None,
    };
    let zone = config.zone();
    let now = zone.now();
    let at = crate::time::format_rfc3339(&now);
    let at_ms = crate::time::unix_ms(&now);
    let captured = context::capture(config.author.as_deref(), DirtyCheck::Bounded);

    let evidence_number = store.write(|tx| {
        let current = match (change, entries::kind_and_state(tx, target.0)?) {
            // `reopen` also takes back a `done`.
            (Change::Reopen, Some((Kind::Action, state))) => state,
            _ => require_kind(tx, slug.clone(), target, Kind::Hypothesis, "a hypothesis")?,
        };
        let new_state = match change {
            Change::Confirm => State::Confirmed,
            Change::Refute => State::Refuted,
            Change::Reopen => State::Open,
        };
        if current == Some(new_state) {
            return Err(invalid(format!("{target} is already {new_state}")));
        }
        let mut evidence_number = None;
        let because_target = match &because {
            Some(Because::Entry(m)) => {
                if entries::kind_and_state(tx, m.0)?.is_none() {
                    return Err(CaseFileError::NoSuchEntry {
                        number: m.0,
                        slug: slug.clone(),
                        last: entries::last_number(tx)?,
                    }
                    .into());
                }
                if *m == target {
                    return Err(invalid(format!("{target} cannot be its own reason")));
                }
                Some(m.0)
            }
            Some(Because::Text(_)) => {
                let text = because_text.as_deref().unwrap_or_default();
                let number = entries::insert_entry(
                    tx,
                    &NewEntry {
                        uuid: &new_uuid(),
                        kind: Kind::Evidence,
                        text,
                        author: &captured.author,
                        recorded_at: &at,
                        occurred_at: None,
                        at_ms,
                        state: None,
                        context: &captured.context,
                        tags: &[],
                        command: None,
                        output: None,
                        facts: None,
                    },
                )?;
                let evidence_link = match change {
                    Change::Confirm => Some(LinkType::Supports),
                    Change::Refute => Some(LinkType::Refutes),
                    Change::Reopen => None,
                };
                if let Some(link) = evidence_link {
                    entries::insert_link(tx, &new_uuid(), number, link, target.0)?;
                }
                evidence_number = Some(number);
                Some(number)
            }
            None => None,
        };
        if let Some(reason) = because_target {
            entries::insert_link(tx, &new_uuid(), target.0, LinkType::Because, reason)?;
        }
        entries::insert_state_change(
            tx,
            &new_uuid(),
            target.0,
            new_state,
            &at,
            at_ms,
            &captured.author,
        )?;
        Ok(evidence_number)
    })?;

    let kind =
        entries::kind_and_state(store.conn(), target.0)?.map_or(Kind::Hypothesis, |(k, _)| k);
    if ctx.global.json {
        return announce(ctx, &store, target.0, kind);
    }
    let verb = match change {
        Change::Confirm => "confirmed",
        Change::Refute => "refuted",
        Change::Reopen => "reopened",
    };
    match evidence_number {
        Some(ev) => ctx.say(&format!("{target} {kind} {verb} (because #{ev} evidence)")),
        None => ctx.say(&format!("{target} {kind} {verb}")),
    }
}

pub fn done(ctx: &Ctx, args: DoneArgs) -> Result<()> {
    let config = ctx.config()?;
    let mut store = ctx.open_case()?;
    let slug = store.slug().to_string();
    let target = store.resolve(&args.number)?;
    let now = config.zone().now();
    let author = context::author(config.author.as_deref());
    store.write(|tx| {
        let current = require_kind(tx, slug.clone(), target, Kind::Action, "an action")?;
        if current == Some(State::Done) {
            return Err(invalid(format!("action {target} is already done")));
        }
        entries::insert_state_change(
            tx,
            &new_uuid(),
            target.0,
            State::Done,
            &crate::time::format_rfc3339(&now),
            crate::time::unix_ms(&now),
            &author,
        )
    })?;
    if ctx.global.json {
        return announce(ctx, &store, target.0, Kind::Action);
    }
    ctx.say(&format!("{target} action done"))
}
