//! `new`, `list` and `use`: creating cases and choosing the current one.

use anyhow::Result;

use super::write::new_uuid;
use super::Ctx;
use crate::cli::{ListArgs, NewArgs, UseArgs};
use crate::error::invalid;
use crate::model::{slugify, validate_slug, CaseSummary};
use crate::render;
use crate::store::{entries, CaseStore, NewCase};

pub fn new(ctx: &Ctx, args: NewArgs) -> Result<()> {
    let title = args.title.join(" ").trim().to_string();
    if title.is_empty() {
        return Err(invalid("a case needs a title: casefile new <title…>"));
    }
    let slug = match args.slug {
        Some(slug) => {
            validate_slug(&slug).map_err(invalid)?;
            slug
        }
        None => slugify(&title).ok_or_else(|| {
            invalid("cannot derive a slug from this title (no ASCII letters or digits); give one with --slug")
        })?,
    };
    let config = ctx.config()?;
    let now = config.zone().now();
    let store = CaseStore::create(
        &ctx.home,
        &NewCase {
            uuid: &new_uuid(),
            slug: &slug,
            title: &title,
            opened_at: &crate::time::format_rfc3339(&now),
            tickets: &args.tickets,
            tags: &args.tags,
        },
    )?;
    ctx.home.set_current(&slug)?;
    if ctx.global.json {
        return ctx.print_json(&store.case_info()?);
    }
    ctx.say(&format!("{slug} (new case, now current)"))
}

pub fn list(ctx: &Ctx, args: ListArgs) -> Result<()> {
    let current = ctx.home.current_slug().ok().flatten();
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for slug in ctx.home.slugs()? {
        let summary = (|| -> Result<CaseSummary> {
            let store = CaseStore::open(&ctx.home.case_path(&slug), &slug)?;
            let case = store.case_info()?;
            let (entries, open_hypotheses) = entries::counts(store.conn())?;
            let last_activity =
                entries::last_activity(store.conn())?.unwrap_or_else(|| case.opened_at.clone());
            Ok(CaseSummary {
                current: current.as_deref() == Some(slug.as_str()),
                case,
                open_hypotheses,
                entries,
                last_activity,
            })
        })();
        match summary {
            Ok(summary) => {
                let open = summary.case.state.is_open();
                let wanted = if args.all {
                    true
                } else if args.closed {
                    !open
                } else {
                    open
                };
                if wanted {
                    rows.push(summary);
                }
            }
            Err(err) => unreadable.push((slug, crate::error::one_line(&err))),
        }
    }
    rows.sort_by_key(|row| std::cmp::Reverse(row.last_activity_ms()));
    if ctx.global.json {
        return ctx.print_json(&rows);
    }
    if rows.is_empty() && unreadable.is_empty() {
        if !ctx.global.quiet {
            let hint = if args.all {
                "no cases yet; start one with `casefile new <title>`"
            } else if args.closed {
                "no closed cases"
            } else {
                "no open cases; start one with `casefile new <title>` (closed ones: `casefile list --all`)"
            };
            eprintln!("{hint}");
        }
        return Ok(());
    }
    ctx.print(&render::tables::case_list(
        &rows,
        &ctx.view_zone()?,
        ctx.color(),
    ))?;
    for (slug, err) in unreadable {
        eprintln!("warning: skipped case `{slug}`: {err}");
    }
    Ok(())
}

pub fn use_case(ctx: &Ctx, args: UseArgs) -> Result<()> {
    let path = ctx.home.existing_case(&args.slug)?;
    let store = CaseStore::open(&path, &args.slug)?;
    let info = store.case_info()?;
    ctx.home.set_current(&args.slug)?;
    if ctx.global.json {
        return ctx.print_json(&info);
    }
    ctx.say(&format!("{} ({}, now current)", info.slug, info.state))
}
