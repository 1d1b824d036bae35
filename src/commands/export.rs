//! `casefile export`: the postmortem (Markdown) or the JSON bundle.
//!
//! The writing itself is [`crate::export`]: both default paths stream rows from SQLite to
//! the output in constant memory, and `-o` is written atomically. `--template` (or config
//! `[export] template`) renders a MiniJinja template over the whole bundle, which it holds in
//! memory.

use std::fs;
use std::io::Write;

use anyhow::{Context as _, Result};

use super::Ctx;
use crate::cli::{ExportArgs, ExportFormat};
use crate::error::invalid;
use crate::export::{load_bundle, write_bundle, write_markdown, Output};
use crate::render::postmortem;

pub fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let store = ctx.open_case()?;
    // One read transaction: a consistent case, and one lock instead of one per statement.
    let _snapshot = store.snapshot()?;
    let template = match (&args.template, args.format) {
        (Some(_), ExportFormat::Json) => {
            return Err(invalid(
                "--template renders Markdown; leave out --format json (or --template)",
            ))
        }
        (Some(path), _) => Some(path.clone()),
        (None, ExportFormat::Markdown) => ctx.config()?.export.template.clone(),
        (None, ExportFormat::Json) => None,
    };
    let now = crate::time::Zone::Local.now();
    let exported_at = crate::time::format_rfc3339(&now);
    let mut out = Output::open(args.output.as_deref())?;
    match (args.format, template) {
        (ExportFormat::Json, _) => write_bundle(&store, &mut out, &exported_at)?,
        (ExportFormat::Markdown, Some(path)) => {
            let text = fs::read_to_string(&path)
                .with_context(|| format!("cannot read the template {}", path.display()))?;
            let bundle = load_bundle(&store, &exported_at)?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "template".into());
            let rendered = postmortem::render_template(&text, &name, &bundle)?;
            out.write_all(rendered.as_bytes())?;
        }
        (ExportFormat::Markdown, None) => write_markdown(
            &store,
            ctx.home.root(),
            &mut out,
            crate::time::unix_ms(&now),
        )?,
    }
    out.commit()
}
