//! `close` and `reopen-case`: ending a case and taking it up again.

use anyhow::Result;

use super::Ctx;
use crate::cli::{CloseArgs, ReopenCaseArgs};

pub fn close(_ctx: &Ctx, _args: CloseArgs) -> Result<()> {
    Err(crate::error::invalid(
        "`casefile close` is not available in this build yet",
    ))
}

pub fn reopen_case(_ctx: &Ctx, _args: ReopenCaseArgs) -> Result<()> {
    Err(crate::error::invalid(
        "`casefile reopen-case` is not available in this build yet",
    ))
}
