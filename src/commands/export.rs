//! `casefile export`: the postmortem (Markdown) or the JSON bundle.
//!
//! The writing itself is [`crate::export`]: both default paths stream rows from SQLite to
//! the output in constant memory, and `-o` is written atomically. `--template` (or config
//! `[export] template`) renders a MiniJinja template, built-in (`sre`, `aar`, `default`) or
//! from a file, over the whole bundle, which it holds in memory.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};

use super::Ctx;
use crate::cli::{ExportArgs, ExportFormat};
use crate::error::invalid;
use crate::export::{render_template, write_bundle, write_markdown, MarkdownOptions, Output};
use crate::render::postmortem::BUILT_IN;

pub fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    if args.list_templates {
        let mut text = String::new();
        for (name, what, _) in BUILT_IN {
            text.push_str(&format!("{name:<8} {what}\n"));
        }
        text.push_str("or the path of a MiniJinja template (see docs/postmortem.md.j2)\n");
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        return Ok(());
    }
    let store = ctx.open_case()?;
    // One read transaction: a consistent case, and one lock instead of one per statement.
    let _snapshot = store.snapshot()?;
    let config = ctx.config()?;
    let template = match (&args.template, args.format) {
        (Some(_), ExportFormat::Json) => {
            return Err(invalid(
                "--template renders Markdown; leave out --format json (or --template)",
            ))
        }
        (Some(path), _) => Some(path.clone()),
        (None, ExportFormat::Markdown) => config.export.template.clone(),
        (None, ExportFormat::Json) => None,
    };
    let now = crate::time::Zone::Local.now();
    let exported_at = crate::time::format_rfc3339(&now);
    let opts = MarkdownOptions {
        zone: config
            .timezone
            .as_deref()
            .and_then(|z| z.trim().parse::<chrono_tz::Tz>().ok()),
        run_lines: config.export_run_lines(),
        now_ms: crate::time::unix_ms(&now),
    };
    // The built-in default is streamed; any other template is rendered.
    let template = template.filter(|t| t.as_os_str() != "default");
    let template = match &template {
        Some(t) => Some(load_template(t)?),
        None => None,
    };
    let mut out = Output::open(args.output.as_deref())?;
    match (args.format, template) {
        (ExportFormat::Json, _) => write_bundle(&store, &mut out, &exported_at)?,
        (ExportFormat::Markdown, Some((name, text))) => {
            let rendered = render_template(&store, &text, &name, &exported_at, &opts)?;
            out.write_all(rendered.as_bytes())?;
        }
        (ExportFormat::Markdown, None) => write_markdown(&store, ctx.home.root(), &mut out, &opts)?,
    }
    out.commit()
}

/// A built-in template by name, else a template file: (name for errors, text).
fn load_template(t: &Path) -> Result<(String, String)> {
    if let Some((name, _, text)) = BUILT_IN.iter().find(|(n, _, _)| t.as_os_str() == *n) {
        return Ok((format!("{name}.md.j2"), text.to_string()));
    }
    let text = fs::read_to_string(t).with_context(|| {
        format!(
            "cannot read the template {} (built-in ones: default, sre, aar)",
            t.display()
        )
    })?;
    let name = t
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "template".into());
    Ok((name, text))
}
