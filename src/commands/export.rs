//! `casefile export`: the postmortem (Markdown) or the JSON bundle.

use anyhow::Result;

use super::Ctx;
use crate::cli::ExportArgs;

pub fn export(_ctx: &Ctx, _args: ExportArgs) -> Result<()> {
    Err(crate::error::invalid(
        "`casefile export` is not available in this build yet",
    ))
}
