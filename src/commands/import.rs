//! `casefile import`: merge a JSON bundle into the case with the bundle's UUID.
//!
//! The bundle is read and checked whole before anything is written (`bundle::parse`), and the
//! merge runs in one transaction, so a bad bundle changes nothing. When no case has the
//! bundle's UUID, one is created under the bundle's slug (or `--as`); if the merge into a new
//! case fails, the new file is removed again.

use std::io::Read;
use std::path::Path;

use anyhow::{Context as _, Result};

use super::Ctx;
use crate::bundle::{self, Bundle};
use crate::cli::ImportArgs;
use crate::error::invalid;
use crate::model::validate_slug;
use crate::store::merge::{self, MergeReport};
use crate::store::{CaseStore, NewCase};

pub fn import(ctx: &Ctx, args: ImportArgs) -> Result<()> {
    let bytes = read_input(&args.path)?;
    let bundle = bundle::parse(&bytes)?;
    drop(bytes);
    if let Some(slug) = &args.as_slug {
        validate_slug(slug).map_err(|e| invalid(format!("--as: {e}")))?;
    }

    let (slug, report, created) = match find_case(ctx, &bundle)? {
        Some(mut store) => {
            let report = store.write(|tx| merge::merge(tx, &bundle, false))?;
            (store.slug().to_string(), report, false)
        }
        None => {
            let slug = args
                .as_slug
                .clone()
                .unwrap_or_else(|| bundle.case.info.slug.clone());
            let report = create_and_merge(ctx, &bundle, &slug)?;
            (slug, report, true)
        }
    };

    if let Some(notice) = report.renumber_notice() {
        eprintln!("{notice}");
    }
    // With no current case, the imported one becomes current (as `new` does): the next
    // command is almost always `casefile status` on it.
    let made_current = ctx.home.current_slug()?.is_none();
    if made_current {
        ctx.home.set_current(&slug)?;
    }

    if ctx.global.json {
        let renumbered: Vec<_> = report
            .renumbered
            .iter()
            .map(|(from, to)| serde_json::json!({"from": from, "to": to}))
            .collect();
        return ctx.print_json(&serde_json::json!({
            "renumbered": renumbered,
            "case": slug,
            "created": created,
            "current": made_current,
            "changes_added": report.changes_added,
            "entries_added": report.entries_added,
            "entries_known": report.entries_known,
            "state_changes_added": report.state_changes_added,
            "links_added": report.links_added,
            "edits_added": report.edits_added,
            "attachments_added": report.attachments_added,
            "case_events_added": report.case_events_added,
        }));
    }
    let mut line = summary(&slug, &report, created);
    if made_current {
        line.push_str(", now current");
    }
    ctx.say(&line)
}

/// `imported 12 entries, 3 state changes into <slug> (5 already known)`.
fn summary(slug: &str, r: &MergeReport, created: bool) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = vec![
        plural(r.entries_added, "entry", "entries"),
        plural(r.state_changes_added, "state change", "state changes"),
    ];
    if r.links_added > 0 {
        parts.push(plural(r.links_added, "link", "links"));
    }
    if r.edits_added > 0 {
        parts.push(plural(r.edits_added, "edit", "edits"));
    }
    if r.changes_added > 0 {
        parts.push(plural(r.changes_added, "change", "changes"));
    }
    if r.case_events_added > 0 {
        parts.push(plural(
            r.case_events_added,
            "close/reopen",
            "closes/reopens",
        ));
    }
    let mut line = format!("imported {} into {slug}", parts.join(", "));
    if created {
        line.push_str(" (new case)");
    } else {
        line.push_str(&format!(" ({} already known)", r.entries_known));
    }
    line
}

fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("cannot read the bundle from stdin")?;
        return Ok(bytes);
    }
    std::fs::read(path).with_context(|| format!("cannot read the bundle {}", path.display()))
}

/// The case whose UUID is the bundle's: the one under the bundle's slug first, then any.
fn find_case(ctx: &Ctx, bundle: &Bundle) -> Result<Option<CaseStore>> {
    let wanted = &bundle.case.info.uuid;
    let mut slugs = ctx.home.slugs()?;
    if let Some(i) = slugs.iter().position(|s| *s == bundle.case.info.slug) {
        let first = slugs.remove(i);
        slugs.insert(0, first);
    }
    for slug in slugs {
        let Ok(store) = CaseStore::open(&ctx.home.case_path(&slug), &slug) else {
            continue;
        };
        if merge::case_uuid(store.conn())?.as_deref() == Some(wanted.as_str()) {
            return Ok(Some(store));
        }
    }
    Ok(None)
}

fn create_and_merge(ctx: &Ctx, bundle: &Bundle, slug: &str) -> Result<MergeReport> {
    let path = ctx.home.case_path(slug);
    if path.exists() {
        let title = CaseStore::open(&path, slug)
            .ok()
            .and_then(|s| s.case_info().ok())
            .map(|i| i.title)
            .unwrap_or_else(|| "unreadable".into());
        return Err(invalid(format!(
            "slug `{slug}` is taken by another case (\"{title}\"); import under another slug with `casefile import --as <slug> …`"
        )));
    }
    let info = &bundle.case.info;
    let mut store = CaseStore::create(
        &ctx.home,
        &NewCase {
            uuid: &info.uuid,
            slug,
            title: &info.title,
            opened_at: &info.opened_at,
            tickets: &info.tickets,
            tags: &info.tags,
        },
    )?;
    match store.write(|tx| merge::merge(tx, bundle, true)) {
        Ok(report) => Ok(report),
        Err(err) => {
            drop(store);
            for suffix in ["", "-wal", "-shm"] {
                let mut p = path.clone().into_os_string();
                p.push(suffix);
                std::fs::remove_file(p).ok();
            }
            Err(err)
        }
    }
}
