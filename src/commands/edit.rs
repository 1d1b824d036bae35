//! `casefile edit <N>`: amend an entry's text in the editor; the earlier text becomes history.

use anyhow::Result;

use super::write::{announce, new_uuid, Redaction};
use super::Ctx;
use crate::cli::EditArgs;
use crate::context;
use crate::error::invalid;
use crate::store::entries;

pub fn edit(ctx: &Ctx, args: EditArgs) -> Result<()> {
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
