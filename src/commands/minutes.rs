//! `casefile minutes`: what each person did across all cases in a period, for a weekly call.
//!
//! Read from the derived activity index (`store::activity_index`), brought up to date from
//! the case files that changed since the last read; rendered by `render::minutes`.

use anyhow::Result;

use super::Ctx;
use crate::cli::MinutesArgs;
use crate::error::invalid;
use crate::render::minutes::{self, Minutes};
use crate::store::activity_index::ActivityIndex;

/// How many items of each kind a person's case lists (the rest are counted).
const NEWEST: u32 = 5;

pub fn minutes(ctx: &Ctx, args: MinutesArgs) -> Result<()> {
    let zone = ctx.config()?.zone();
    let now = chrono::Utc::now();
    let parse = |flag: &str, value: &str| -> Result<i64> {
        let t = crate::time::parse_time(value, now, &zone)
            .map_err(|e| invalid(format!("{flag}: {e}")))?;
        Ok(crate::time::unix_ms(&t))
    };
    let (since, until) = if args.all {
        (None, None)
    } else {
        let since = match &args.since {
            Some(s) => parse("--since", s)?,
            None => now.timestamp_millis() - 7 * 24 * 3600 * 1000,
        };
        let until = match &args.until {
            Some(u) => Some(parse("--until", u)?),
            None => None,
        };
        if until.is_some_and(|u| u <= since) {
            return Err(invalid("--until must be later than --since"));
        }
        (Some(since), until)
    };
    let mut index = ActivityIndex::open(&ctx.home)?;
    for warning in index.sync()? {
        eprintln!("warning: {warning}");
    }
    let cases = index.cases()?;
    let activity = index.activity(since, until, &args.author, NEWEST)?;
    let report = Minutes::new(since, until, cases, activity, zone);
    if ctx.global.json {
        return ctx.print_json(&report);
    }
    ctx.print(&minutes::markdown(&report))
}
