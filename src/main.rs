//! The `casefile` binary: parse the command line, run the command, print any error once.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use casefile::cli::Cli;

fn main() -> ExitCode {
    // A shell asking for completions (`COMPLETE=bash casefile -- …`) is answered and exits
    // here; an ordinary run only looks up one environment variable.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let cli = parse();
    match casefile::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => casefile::commands::report(err),
    }
}

/// `Cli::parse()`, but clap's command tree is left for the process's exit to free: every
/// command runs once and ends, and dropping the tree node by node was 7 % of a write.
fn parse() -> Cli {
    let mut command = Cli::command();
    let cli = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
        .unwrap_or_else(|err| err.format(&mut command).exit());
    std::mem::forget(command);
    cli
}
