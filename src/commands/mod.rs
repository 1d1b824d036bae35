//! One file per command or small family of commands. Each takes its clap arguments and the
//! shared [`Ctx`], calls into the library, and prints through `render`.
//!
//! [`run`] is the single dispatch point; [`report`] turns any error into the one `error: …`
//! line and the exit status.

mod attachment;
mod case;
mod change;
mod close;
mod completions;
mod config;
mod edit;
mod export;
mod hook;
mod import;
mod minutes;
mod run;
mod search;
mod state;
mod sync;
mod views;
mod write;

use std::cell::OnceCell;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, ColorChoice, Command, GlobalArgs};
use crate::config::Config;
use crate::error::{CaseFileError, ExitWith, SilentExit};
use crate::home::Home;
use crate::model::ChangeOp;
use crate::store::CaseStore;

/// Run one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx::new(cli.global)?;
    // `-C ''` (often an unset variable in a script) is a mistake, never "no flag": every
    // command refuses it, including those that do not open a case (`list`, `search --all`).
    if ctx
        .global
        .case
        .as_deref()
        .is_some_and(|c| c.trim().is_empty())
    {
        return Err(crate::error::invalid(
            "-C/--case needs a slug (or a unique prefix of one); see `casefile list`",
        ));
    }
    let Some(command) = cli.command else {
        return views::status(&ctx);
    };
    match command {
        Command::New(args) => case::new(&ctx, args),
        Command::List(args) => case::list(&ctx, args),
        Command::Use(args) => case::use_case(&ctx, args),
        Command::Close(args) => close::close(&ctx, *args),
        Command::ReopenCase(args) => close::reopen_case(&ctx, args),

        Command::Note(args) => write::note(&ctx, args),
        Command::Hypo(args) => write::simple(&ctx, crate::model::Kind::Hypothesis, args),
        Command::Event(args) => write::event(&ctx, args),
        Command::Todo(args) => write::todo(&ctx, args),
        Command::Ev(args) => write::evidence(&ctx, args),
        Command::Dead(args) => write::dead_end(&ctx, args),

        Command::Confirm(args) => state::change(&ctx, state::Change::Confirm, args),
        Command::Refute(args) => state::change(&ctx, state::Change::Refute, args),
        Command::Reopen(args) => state::change(&ctx, state::Change::Reopen, args),
        Command::Done(args) => state::done(&ctx, args),
        Command::Pin(args) => change::toggle(&ctx, ChangeOp::Pin, args),
        Command::Unpin(args) => change::toggle(&ctx, ChangeOp::Unpin, args),
        Command::Claim(args) => change::toggle(&ctx, ChangeOp::Claim, args),
        Command::Unclaim(args) => change::toggle(&ctx, ChangeOp::Unclaim, args),
        Command::Retract(args) => change::retract(&ctx, args),
        Command::Unretract(args) => change::toggle(&ctx, ChangeOp::Unretract, args),
        Command::Unlink(args) => change::unlink(&ctx, args),

        Command::Run(args) => run::run(&ctx, args),
        Command::Status => views::status(&ctx),
        Command::Log(args) => views::log(&ctx, args),
        Command::Show(args) => views::show(&ctx, args),
        Command::Edit(args) => edit::edit(&ctx, args),
        Command::Search(args) => search::search(&ctx, args),
        Command::Export(args) => export::export(&ctx, args),
        Command::Minutes(args) => minutes::minutes(&ctx, args),
        Command::Import(args) => import::import(&ctx, args),
        Command::Attachment(args) => attachment::attachment(&ctx, args),
        Command::Hook(args) => hook::hook(&ctx, args),
        Command::Completions(args) => completions::completions(&ctx, args),
        Command::Config(args) => config::config(&ctx, args),
        Command::Sync(args) => sync::sync(&ctx, args),
    }
}

/// Print an error once and choose the exit status.
pub fn report(err: anyhow::Error) -> ExitCode {
    if let Some(SilentExit(code)) = err.downcast_ref::<SilentExit>() {
        return ExitCode::from(*code);
    }
    if crate::error::is_broken_pipe(&err) {
        return ExitCode::SUCCESS;
    }
    let code = err.downcast_ref::<ExitWith>().map_or(1, |e| e.code);
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "error: {}", crate::error::one_line(&err));
    ExitCode::from(code)
}

/// What every command shares: the global flags, the home, and the config (read on first use).
pub struct Ctx {
    pub global: GlobalArgs,
    pub home: Home,
    config: OnceCell<Config>,
}

impl Ctx {
    pub fn new(global: GlobalArgs) -> Result<Ctx> {
        Ok(Ctx {
            global,
            home: Home::locate()?,
            config: OnceCell::new(),
        })
    }

    /// The config, read the first time a command asks for it.
    pub fn config(&self) -> Result<&Config> {
        if let Some(config) = self.config.get() {
            return Ok(config);
        }
        let config = Config::load()?;
        Ok(self.config.get_or_init(|| config))
    }

    /// The slug of the case this command acts on: `-C`, else `CASEFILE_CASE`, else `current`.
    /// `-C` and `CASEFILE_CASE` take any unique prefix of a slug.
    pub fn case_slug(&self) -> Result<String> {
        if let Some(slug) = self.global.case.as_deref() {
            if slug.trim().is_empty() {
                return Err(crate::error::invalid(
                    "-C/--case needs a slug (or a unique prefix of one); see `casefile list`",
                ));
            }
            return Ok(self.home.resolve_slug(slug)?);
        }
        if let Ok(slug) = std::env::var("CASEFILE_CASE") {
            if !slug.trim().is_empty() {
                return Ok(self.home.resolve_slug(&slug)?);
            }
        }
        self.home
            .current_slug()?
            .ok_or_else(|| CaseFileError::NoCurrentCase.into())
    }

    /// Open the case this command acts on.
    pub fn open_case(&self) -> Result<CaseStore> {
        let slug = self.case_slug()?;
        let path = self.home.existing_case(&slug)?;
        Ok(CaseStore::open(&path, &slug)?)
    }

    /// The zone views show times in (see `time::view`): `--utc`, `--tz`, config, local.
    pub fn view_zone(&self) -> Result<crate::time::view::ViewZone> {
        let configured = if self.global.utc || self.global.tz.is_some() {
            crate::time::Zone::Local
        } else {
            self.config()?.zone()
        };
        crate::time::view::ViewZone::choose(self.global.tz.as_deref(), self.global.utc, configured)
            .map_err(|e| crate::error::invalid(format!("--tz: {e}")))
    }

    /// Whether to colour what goes to stdout.
    pub fn color(&self) -> bool {
        let choice = match self.global.color {
            Some(choice) => choice,
            None => self
                .config()
                .ok()
                .and_then(|c| c.color)
                .map_or(ColorChoice::Auto, Into::into),
        };
        match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
                if set("NO_COLOR") {
                    false
                } else if set("CLICOLOR_FORCE")
                    && std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0")
                {
                    true
                } else {
                    std::io::stdout().is_terminal()
                }
            }
        }
    }

    /// Print text to stdout (a broken pipe surfaces as an error that exits quietly).
    pub fn print(&self, text: &str) -> Result<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(())
    }

    /// Print a value as one pretty JSON document.
    pub fn print_json<T: serde::Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let mut text = serde_json::to_string_pretty(value)?;
        text.push('\n');
        self.print(&text)
    }

    /// The confirmation line of a write (`#7 hypothesis`), unless `-q`.
    pub fn say(&self, line: &str) -> Result<()> {
        if self.global.quiet {
            return Ok(());
        }
        self.print(&format!("{line}\n"))
    }
}
