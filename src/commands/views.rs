//! `status`, `log` and `show`: reading a case.

use anyhow::Result;

use super::Ctx;
use crate::cli::{LogArgs, ShowArgs};
use crate::error::invalid;
use crate::render::{self, Palette};
use crate::store::entries::{self, TimelineFilter};

pub fn status(ctx: &Ctx) -> Result<()> {
    let store = ctx.open_case()?;
    let recent = ctx.config()?.status_recent();
    // The text view shows only the newest few of each list; JSON carries them whole.
    let bounds = crate::briefing::Bounds {
        per_list: (!ctx.global.json).then_some(render::status::SHOW_PER_LIST),
        evidence: (!ctx.global.json).then_some(render::status::SHOW_EVIDENCE),
        recent,
        whole_entries: ctx.global.json,
    };
    let snapshot = store.snapshot()?;
    let briefing = crate::briefing::briefing(store.conn(), bounds)?;
    drop(snapshot);
    store.close_at_exit();
    if ctx.global.json {
        return ctx.print_json(&briefing);
    }
    let now = crate::time::unix_ms(&crate::time::Zone::Local.now());
    ctx.print(&render::status::render(
        &briefing,
        &ctx.view_zone()?,
        now,
        render::width(),
        Palette::new(ctx.color()),
    ))
}

pub fn log(ctx: &Ctx, args: LogArgs) -> Result<()> {
    let store = ctx.open_case()?;
    let since_ms = match &args.since {
        Some(since) => {
            let zone = ctx.config()?.zone();
            let t = crate::time::parse_time(since, crate::time::reference_now(), &zone)
                .map_err(|e| invalid(format!("--since: {e}")))?;
            Some(crate::time::unix_ms(&t))
        }
        None => None,
    };
    let filter = TimelineFilter {
        kinds: args.kinds,
        since_ms,
        limit: args.limit,
        // The text timeline is one line an entry: no tags, links or attachments needed.
        headlines_only: !ctx.global.json,
        include_retracted: args.all,
        authors: args.authors,
    };
    let snapshot = store.snapshot()?;
    let timeline = entries::timeline(store.conn(), &filter)?;
    drop(snapshot);
    store.close_at_exit();
    if ctx.global.json {
        return ctx.print_json(&timeline);
    }
    let width = render::width();
    let palette = Palette::new(ctx.color());
    let view = ctx.view_zone()?;
    let mut out = String::new();
    for e in &timeline {
        out.push_str(&render::entry::log_line(e, &view, width, palette));
    }
    ctx.print(&out)
}

pub fn show(ctx: &Ctx, args: ShowArgs) -> Result<()> {
    let store = ctx.open_case()?;
    let _snapshot = store.snapshot()?;
    let mut entry = store.entry(store.resolve(&args.number)?.0)?;
    let now = crate::time::unix_ms(&crate::time::Zone::Local.now());
    entry.drop_lapsed_claim(now, ctx.config()?.claim_expiry());
    if ctx.global.json {
        return ctx.print_json(&entry);
    }
    let incoming = entries::incoming_links(store.conn(), entry.number)?;
    ctx.print(&render::entry::show(
        &entry,
        &incoming,
        Palette::new(ctx.color()),
    ))
}
