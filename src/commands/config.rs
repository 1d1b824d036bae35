//! `casefile config [path|show]`.

use anyhow::Result;

use super::Ctx;
use crate::cli::{ConfigAction, ConfigArgs};
use crate::config::Config;

pub fn config(ctx: &Ctx, args: ConfigArgs) -> Result<()> {
    match args.action.unwrap_or(ConfigAction::Show) {
        ConfigAction::Path => {
            let path = Config::path()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            ctx.print(&format!("{path}\n"))
        }
        ConfigAction::Show => {
            let config = ctx.config()?;
            ctx.print(&format!("{config:#?}\n"))
        }
    }
}
