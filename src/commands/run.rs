//! `casefile run`: run a command, show its output live, record it as evidence.

use anyhow::Result;

use super::Ctx;
use crate::cli::RunArgs;

pub fn run(_ctx: &Ctx, _args: RunArgs) -> Result<()> {
    Err(crate::error::invalid(
        "`casefile run` is not available in this build yet",
    ))
}
