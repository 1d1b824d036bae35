//! `pin`, `unpin`, `claim`, `unclaim`, `retract`, `unretract`, `unlink`: changes to an entry
//! after it was written. Each is a row with a UUID of its own (see `store::changes`), so it
//! merges and syncs like confirm/refute/done, and `show` keeps what was there before.

use anyhow::Result;

use super::write::{new_uuid, require_entry};
use super::Ctx;
use crate::cli::{EntryArgs, RetractArgs, UnlinkArgs};
use crate::error::invalid;
use crate::model::{ChangeOp, Entry, EntryNumber, EntryRef, State};
use crate::store::{changes, entries, mentions};

/// What a change is about to do, known before the transaction.
struct Moment {
    at: String,
    at_ms: i64,
    author: String,
}

fn moment(ctx: &Ctx) -> Result<Moment> {
    let config = ctx.config()?;
    let now = config.zone().now();
    Ok(Moment {
        at: crate::time::format_rfc3339(&now),
        at_ms: crate::time::unix_ms(&now),
        // A change records only who made it; the entry keeps its own context.
        author: crate::context::author(config.author.as_deref()),
    })
}

/// pin, unpin, claim, unclaim, unretract.
pub fn toggle(ctx: &Ctx, op: ChangeOp, args: EntryArgs) -> Result<()> {
    apply(ctx, op, &args.number, None)
}

pub fn retract(ctx: &Ctx, args: RetractArgs) -> Result<()> {
    let because = match args.because {
        Some(words) => {
            let text = words.join(" ").trim().to_string();
            if text.is_empty() {
                return Err(invalid("--because needs some text: why is it withdrawn?"));
            }
            Some(super::write::Redaction::for_write(ctx, false)?.apply(&text))
        }
        None => None,
    };
    apply(ctx, ChangeOp::Retract, &args.number, because)
}

fn apply(ctx: &Ctx, op: ChangeOp, r: &EntryRef, value: Option<String>) -> Result<()> {
    let config = ctx.config()?;
    let expiry = config.claim_expiry();
    let when = moment(ctx)?;
    let mut store = ctx.open_case()?;
    let number = store.resolve(r)?;
    let slug = store.slug().to_string();
    let warning = store.write(|tx| {
        let entry = require_entry(tx, &slug, number)?;
        let warning = check(&entry, op, &when, expiry)?;
        let change = new_uuid();
        changes::insert_change(
            tx,
            &changes::NewChange {
                uuid: &change,
                entry: entry.number,
                op,
                value: value.as_deref(),
                previous: None,
                at: &when.at,
                at_ms: when.at_ms,
                author: &when.author,
            },
        )?;
        // A reason (`retract --because "dup of #5"`) keeps its mentions like any text.
        if let Some(reason) = &value {
            mentions::record(tx, &change, reason)?;
        }
        Ok(warning)
    })?;
    if let Some(warning) = warning {
        eprintln!("warning: {warning}");
    }
    let done = match op {
        ChangeOp::Pin => "pinned".to_string(),
        ChangeOp::Unpin => "unpinned".to_string(),
        ChangeOp::Claim => format!("claimed by {}", when.author),
        ChangeOp::Unclaim => "unclaimed".to_string(),
        ChangeOp::Retract => "retracted".to_string(),
        ChangeOp::Unretract => "back (unretracted)".to_string(),
        ChangeOp::At | ChangeOp::Unlink => "changed".to_string(),
    };
    announce(ctx, &store, number, &done)
}

/// Whether `op` makes sense for the entry now; a warning to print when it proceeds over
/// someone else's claim.
fn check(
    entry: &Entry,
    op: ChangeOp,
    when: &Moment,
    expiry: std::time::Duration,
) -> Result<Option<String>> {
    let n = EntryNumber(entry.number);
    let live_claim = entry.claim.as_ref().filter(|c| c.holds(when.at_ms, expiry));
    let refuse = |why: String| Err(invalid(why));
    match op {
        ChangeOp::Pin if entry.pinned => refuse(format!("{n} is already pinned")),
        ChangeOp::Unpin if !entry.pinned => refuse(format!("{n} is not pinned")),
        ChangeOp::Retract if entry.retracted => refuse(format!("{n} is already retracted")),
        ChangeOp::Unretract if !entry.retracted => refuse(format!("{n} is not retracted")),
        ChangeOp::Claim | ChangeOp::Unclaim if !changes::claimable(entry.kind) => refuse(format!(
            "{n} is {}; only hypotheses and actions are claimed",
            entry.kind.with_article()
        )),
        ChangeOp::Claim => match entry.state {
            Some(state @ (State::Confirmed | State::Refuted | State::Done)) => refuse(format!(
                "{n} is {state}: there is nothing left to claim (reopen it first)"
            )),
            _ => Ok(live_claim.filter(|c| c.author != when.author).map(|c| {
                format!(
                    "{n} was claimed by {} since {}; it is yours now",
                    c.author, c.since
                )
            })),
        },
        ChangeOp::Unclaim if live_claim.is_none() => refuse(format!("{n} is not claimed")),
        ChangeOp::Unclaim => Ok(live_claim
            .filter(|c| c.author != when.author)
            .map(|c| format!("{n} was claimed by {}; the claim is let go", c.author))),
        _ => Ok(None),
    }
}

/// `unlink N M`: remove every link between the two entries, whichever way it points.
pub fn unlink(ctx: &Ctx, args: UnlinkArgs) -> Result<()> {
    let when = moment(ctx)?;
    let mut store = ctx.open_case()?;
    let slug = store.slug().to_string();
    let (a, b) = (store.resolve(&args.number)?, store.resolve(&args.other)?);
    let removed = store.write(|tx| {
        require_entry(tx, &slug, a)?;
        require_entry(tx, &slug, b)?;
        let links = changes::links_between(tx, a.0, b.0)?;
        if links.is_empty() {
            return Err(invalid(format!("{a} and {b} are not linked")));
        }
        for (uuid, source, link_type, target) in &links {
            let previous = format!("#{source} {link_type} #{target}");
            let change = new_uuid();
            changes::insert_change(
                tx,
                &changes::NewChange {
                    uuid: &change,
                    entry: *source,
                    op: ChangeOp::Unlink,
                    value: Some(uuid),
                    previous: Some(&previous),
                    at: &when.at,
                    at_ms: when.at_ms,
                    author: &when.author,
                },
            )?;
            // The description names both ends by number: kept by UUID like any mention.
            mentions::record(tx, &change, &previous)?;
        }
        Ok(links)
    })?;
    if ctx.global.json {
        let entry = store.entry(a.0)?;
        return ctx.print_json(&entry);
    }
    let lines: Vec<String> = removed
        .iter()
        .map(|(_, source, link_type, target)| format!("unlinked #{source} {link_type} #{target}"))
        .collect();
    ctx.say(&lines.join("\n"))
}

/// `#7 pinned`, or the entry with `--json`.
fn announce(ctx: &Ctx, store: &crate::store::CaseStore, n: EntryNumber, done: &str) -> Result<()> {
    if ctx.global.json {
        let entry = entries::load_entry(store.conn(), n.0)?;
        return ctx.print_json(&entry);
    }
    ctx.say(&format!("{n} {done}"))
}
