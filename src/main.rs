//! The `casefile` binary: parse the command line, run the command, print any error once.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = casefile::cli::Cli::parse();
    match casefile::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => casefile::commands::report(err),
    }
}
