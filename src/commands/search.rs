//! `casefile search`: full-text search in one case or all of them.

use anyhow::Result;

use super::Ctx;
use crate::cli::SearchArgs;

pub fn search(_ctx: &Ctx, _args: SearchArgs) -> Result<()> {
    Err(crate::error::invalid(
        "`casefile search` is not available in this build yet",
    ))
}
