//! `casefile attachment <N> [name] [-o PATH]`: write an attachment back out, byte for byte.
//!
//! Without `-o` (or with `-o -`) the bytes go to stdout; binary content is not poured onto a
//! terminal unless `-o -` asks for it, since it can leave the terminal in a broken state.

use std::io::{IsTerminal, Write};

use anyhow::{Context as _, Result};

use super::Ctx;
use crate::cli::AttachmentArgs;
use crate::error::invalid;
use crate::store::entries;

pub fn attachment(ctx: &Ctx, args: AttachmentArgs) -> Result<()> {
    let store = ctx.open_case()?;
    let n = store.resolve(&args.number)?;
    let entry = store.entry(n.0)?;
    let names: Vec<&str> = entry.attachments.iter().map(|a| a.name.as_str()).collect();
    let name = match (&args.name, names.as_slice()) {
        (Some(name), _) if names.contains(&name.as_str()) => name.clone(),
        (_, []) => {
            return Err(invalid(format!("{n} has no attachments")));
        }
        (Some(name), list) => {
            return Err(invalid(format!(
                "{n} has no attachment named `{name}`; it has: {}",
                list.join(", ")
            )))
        }
        (None, [one]) => one.to_string(),
        (None, list) => {
            return Err(invalid(format!(
                "{n} has {} attachments; name one: {}",
                list.len(),
                list.join(", ")
            )))
        }
    };
    let content = entries::attachment_content(store.conn(), n.0, &name)?
        .with_context(|| format!("attachment `{name}` of {n} vanished"))?;
    let forced = args.output.as_deref() == Some(std::path::Path::new("-"));
    match args.output.as_deref() {
        Some(path) if !forced => crate::home::write_atomically(path, &content),
        _ => {
            let mut out = std::io::stdout().lock();
            if !forced && out.is_terminal() && std::str::from_utf8(&content).is_err() {
                return Err(invalid(format!(
                    "`{name}` is binary and stdout is a terminal; write it to a file with -o <path> (`-o -` writes it here anyway)"
                )));
            }
            out.write_all(&content)?;
            out.flush()?;
            Ok(())
        }
    }
}
