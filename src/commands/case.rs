//! `new`, `list` and `use`: creating cases and choosing the current one.

use std::io::IsTerminal;

use anyhow::Result;

use super::write::new_uuid;
use super::Ctx;
use crate::cli::{ListArgs, NewArgs, UseArgs};
use crate::error::invalid;
use crate::model::{slugify, validate_slug, CaseSummary, Kind};
use crate::render;
use crate::store::{changes, entries, CaseStore, NewCase};

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
    let description = description_text(args.description)?;
    let config = ctx.config()?;
    let now = config.zone().now();
    let mut store = CaseStore::create(
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
    if let Some(description) = description {
        write_description(ctx, store, &description, &now)?;
        store = CaseStore::open(&ctx.home.case_path(&slug), &slug)?;
    }
    if ctx.global.json {
        return ctx.print_json(&store.case_info()?);
    }
    ctx.say(&format!("{slug} (new case, now current)"))
}

/// `new -d`: the problem statement, the case's first note, pinned so that it heads the
/// briefing. Written in one transaction with its pin.
fn write_description(
    ctx: &Ctx,
    mut store: CaseStore,
    description: &str,
    now: &chrono::DateTime<chrono::FixedOffset>,
) -> Result<()> {
    let config = ctx.config()?;
    let text = super::write::Redaction::for_write(ctx, false)?.apply(description);
    let captured = crate::context::capture(
        config.author.as_deref(),
        crate::context::DirtyCheck::Bounded,
    );
    let at = crate::time::format_rfc3339(now);
    let at_ms = crate::time::unix_ms(now);
    store.write(|tx| {
        let number = entries::insert_entry(
            tx,
            &entries::NewEntry {
                uuid: &new_uuid(),
                kind: Kind::Note,
                text: &text,
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
        changes::pin_new(tx, &new_uuid(), number, &at, at_ms, &captured.author)
    })?;
    Ok(())
}

/// The text of `-d/--description`: the argument, or stdin for `-`. Checked before the case
/// is created, so a bad description leaves nothing behind.
fn description_text(arg: Option<String>) -> Result<Option<String>> {
    let Some(arg) = arg else { return Ok(None) };
    let text = if arg.trim() == "-" {
        if std::io::stdin().is_terminal() {
            return Err(invalid(
                "-d - reads the description from stdin, but stdin is a terminal; pipe it in or give the text",
            ));
        }
        super::write::read_stdin()?
    } else {
        arg
    };
    let text = text.trim_end().to_string();
    if text.trim().is_empty() {
        return Err(invalid(
            "the description is empty; give some text with -d, or leave -d out",
        ));
    }
    Ok(Some(text))
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
    if args.slug.trim().is_empty() {
        return Err(invalid(
            "use needs a slug (or a unique prefix of one); see `casefile list`",
        ));
    }
    let slug = ctx.home.resolve_slug(&args.slug)?;
    let path = ctx.home.existing_case(&slug)?;
    let store = CaseStore::open(&path, &slug)?;
    let info = store.case_info()?;
    ctx.home.set_current(&slug)?;
    if ctx.global.json {
        return ctx.print_json(&info);
    }
    ctx.say(&format!("{} ({}, now current)", info.slug, info.state))
}
