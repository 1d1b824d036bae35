//! `casefile completions <shell>`: shell completion scripts from the clap definition.

use anyhow::Result;
use clap::CommandFactory;

use super::Ctx;
use crate::cli::{Cli, CompletionsArgs};

pub fn completions(ctx: &Ctx, args: CompletionsArgs) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "casefile", &mut script);
    ctx.print(&String::from_utf8_lossy(&script))
}
