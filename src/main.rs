//! The `casefile` binary: parse the command line, run the command, print any error once.

use std::process::ExitCode;

use clap::CommandFactory;

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

/// `Cli::parse()`, without clap's start-up copies where the line does not need them (see
/// `casefile::cli::parse`).
fn parse() -> Cli {
    casefile::cli::parse::parse_from(std::env::args_os().collect()).unwrap_or_else(|err| err.exit())
}
