//! `casefile import`: merge a JSON bundle.

use anyhow::Result;

use super::Ctx;
use crate::cli::ImportArgs;

pub fn import(_ctx: &Ctx, _args: ImportArgs) -> Result<()> {
    Err(crate::error::invalid(
        "`casefile import` is not available in this build yet",
    ))
}
