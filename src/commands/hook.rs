//! `casefile hook`: the git post-commit hook.

use anyhow::Result;

use super::Ctx;
use crate::cli::HookArgs;

pub fn hook(_ctx: &Ctx, _args: HookArgs) -> Result<()> {
    Err(crate::error::invalid(
        "`casefile hook` is not available in this build yet",
    ))
}
