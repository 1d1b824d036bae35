//! `casefile search`: full-text search in one case or all of them.
//!
//! The work is in `store::search_index`: the derived index is brought up to date with the
//! case files that changed, then queried. No match is not an error: exit 0 and no output
//! (`[]` with `--json`).

use anyhow::Result;

use super::Ctx;
use crate::cli::SearchArgs;
use crate::render;
use crate::store::search_index::{fts_query, Scope, SearchIndex};

pub fn search(ctx: &Ctx, args: SearchArgs) -> Result<()> {
    let slug = if args.all {
        None
    } else {
        let slug = ctx.case_slug()?;
        ctx.home.existing_case(&slug)?;
        Some(slug)
    };
    let hits = match fts_query(&args.query) {
        None => Vec::new(),
        Some(query) => {
            let mut index = SearchIndex::open(&ctx.home)?;
            let warnings = index.sync(match &slug {
                Some(slug) => Scope::One(slug),
                None => Scope::All,
            })?;
            if !ctx.global.quiet {
                for w in warnings {
                    eprintln!("warning: {w}");
                }
            }
            index.search(&query, slug.as_deref(), args.limit)?
        }
    };
    if ctx.global.json {
        return ctx.print_json(&render::search::json(&hits));
    }
    if hits.is_empty() {
        return Ok(());
    }
    ctx.print(&render::search::text(&hits, ctx.color()))
}
