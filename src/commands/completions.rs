//! `casefile completions <shell>`: the static completion script for a shell, generated from
//! the clap definition (the same scripts are checked in under `completions/`, and a test keeps
//! them current). They complete subcommands, flags and fixed values without running casefile.
//!
//! Completing case slugs and entry numbers needs the data, so it is done by the binary itself
//! through clap_complete's `CompleteEnv` (`source <(COMPLETE=bash casefile)`), answered in
//! `main` before anything else runs; see docs/guide.md.

use anyhow::Result;
use clap::CommandFactory;

use super::Ctx;
use crate::cli::{Cli, CompletionsArgs};

pub fn completions(ctx: &Ctx, args: CompletionsArgs) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "casefile", &mut script);
    ctx.print(&String::from_utf8_lossy(&script))
}
