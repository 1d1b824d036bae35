//! The `casefile` binary: parse the command line, run the command, print any error once.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A shell asking for completions (`COMPLETE=bash casefile -- …`) is answered and exits
    // here; an ordinary run only looks up one environment variable.
    clap_complete::CompleteEnv::with_factory(<casefile::cli::Cli as clap::CommandFactory>::command)
        .complete();
    let cli = casefile::cli::Cli::parse();
    match casefile::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => casefile::commands::report(err),
    }
}
