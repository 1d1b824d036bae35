//! `casefile edit <N>`: amend an entry's text in the editor; the earlier text becomes history.
//! `casefile edit <N> --at T`: correct when it happened; the earlier time is kept.

use anyhow::Result;

use super::write::{announce, new_uuid, require_entry, Redaction};
use super::Ctx;
use crate::cli::EditArgs;
use crate::context;
use crate::error::invalid;
use crate::model::{ChangeOp, EntryRef};
use crate::store::{changes, entries};

pub fn edit(ctx: &Ctx, args: EditArgs) -> Result<()> {
    if let Some(at) = &args.at {
        return correct_time(ctx, &args.number, at);
    }
    let config = ctx.config()?;
    let mut store = ctx.open_case()?;
    let n = store.resolve(&args.number)?;
    let entry = store.entry(n.0)?;
    let edited = crate::editor::amend(
        &entry.text,
        &format!("{n} ({})", entry.kind),
        config.editor.as_deref(),
    )?;
    if edited.trim().is_empty() {
        return Err(invalid("the edited text is empty; nothing was changed"));
    }
    let text = Redaction::for_write(ctx, args.no_redact)?.apply(&edited);
    if text == entry.text {
        ctx.say(&format!("{n} unchanged"))?;
        return Ok(());
    }
    let now = config.zone().now();
    // The entry keeps its own context; the history item needs only who edited it.
    let author = context::author(config.author.as_deref());
    store.write(|tx| {
        entries::amend_text(
            tx,
            n.0,
            &text,
            &new_uuid(),
            &crate::time::format_rfc3339(&now),
            crate::time::unix_ms(&now),
            &author,
        )
    })?;
    announce(ctx, &store, n.0, entry.kind)
}

/// `edit N --at T`: correct when something happened. A change with its own UUID (so it
/// merges), keeping the earlier time; the timeline re-sorts by the new instant.
fn correct_time(ctx: &Ctx, r: &EntryRef, at: &str) -> Result<()> {
    let config = ctx.config()?;
    let zone = config.zone();
    let now = zone.now();
    let when = crate::time::parse_time(at, crate::time::reference_now(), &zone)
        .map_err(|e| invalid(format!("--at: {e}")))?;
    let value = crate::time::format_written(&when);
    let author = context::author(config.author.as_deref());
    let mut store = ctx.open_case()?;
    let n = store.resolve(r)?;
    let slug = store.slug().to_string();
    let entry = store.write(|tx| {
        let entry = require_entry(tx, &slug, n)?;
        if entry.occurred_at.as_deref() == Some(value.as_str()) {
            return Err(invalid(format!("{n} already happened at {value}")));
        }
        changes::insert_change(
            tx,
            &changes::NewChange {
                uuid: &new_uuid(),
                entry: n.0,
                op: ChangeOp::At,
                value: Some(&value),
                previous: entry.occurred_at.as_deref(),
                at: &crate::time::format_rfc3339(&now),
                at_ms: crate::time::unix_ms(&now),
                author: &author,
            },
        )?;
        Ok(entry)
    })?;
    if ctx.global.json {
        return announce(ctx, &store, n.0, entry.kind);
    }
    ctx.say(&format!("{n} happened at {value}"))
}
