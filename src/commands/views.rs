//! `status`, `log` and `show`: reading a case.

use anyhow::Result;

use super::Ctx;
use crate::cli::{LogArgs, ShowArgs};
use crate::error::invalid;
use crate::render::{self, Palette};
use crate::store::entries::{self, TimelineFilter};

pub fn status(ctx: &Ctx) -> Result<()> {
    let store = ctx.open_case()?;
    let config = ctx.config()?;
    let recent = config.status_recent();
    let json = ctx.global.json;
    let now = crate::time::reference_now();
    // The text view shows only the newest few of each list; JSON carries them whole.
    let bounds = crate::briefing::Bounds {
        per_list: (!json).then_some(render::status::SHOW_PER_LIST),
        shown: (!json).then_some(render::status::SHOWN),
        evidence: (!json).then_some(render::status::SHOW_EVIDENCE),
        recent,
        unlinked: if json {
            20
        } else {
            render::status::LOAD_UNLINKED
        },
        events: if json {
            50
        } else {
            render::status::LOAD_EVENTS
        },
        claim_expiry: config.claim_expiry(),
        now_ms: now.timestamp_millis(),
        whole_entries: json,
    };
    let snapshot = store.snapshot()?;
    let briefing = crate::briefing::briefing(store.conn(), bounds)?;
    drop(snapshot);
    store.close_at_exit();
    if json {
        return ctx.print_json(&briefing);
    }
    let screen = render::status::Screen {
        width: render::width(),
        view: ctx.view_zone()?,
        now,
        palette: Palette::new(ctx.color()),
    };
    ctx.print(&render::status::render(&briefing, &screen))
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
    // Each linked entry is named by its telling line.
    let mut headlines = std::collections::HashMap::new();
    let linked = entry.links.iter().map(|l| l.target);
    for n in linked.chain(incoming.iter().map(|(n, _)| *n)) {
        if let std::collections::hash_map::Entry::Vacant(slot) = headlines.entry(n) {
            if let Some(text) = entries::headline_of(store.conn(), n)? {
                slot.insert(text);
            }
        }
    }
    ctx.print(&render::entry::show(
        &entry,
        &incoming,
        &headlines,
        render::width(),
        Palette::new(ctx.color()),
    ))
}
