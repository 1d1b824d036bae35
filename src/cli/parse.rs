//! Turning the command line into a [`Cli`]: clap's parse, without copying the global options
//! into every subcommand when the line does not need them there.
//!
//! Before it parses, clap copies each `global = true` argument into every subcommand (6
//! arguments × 36 subcommands). Measured on a clean `note`: 216 `Arg` clones, 185K of the
//! write's instructions, and 179 KiB of heap (each subcommand's argument list grows to eight
//! 640-byte slots), so about 45 more page faults, which cost 2–4 µs each on the VMs measured.
//! The copies are only needed when a global option is written after the subcommand.
//!
//! So when no word after the subcommand could be a global option (most lines: `casefile note
//! the resync loop…`, `casefile -C slug hypo …`), the line is parsed with those options marked
//! non-global: the same tree, the same top-level parse, no copies. The result is used only when
//! that parse succeeds and selected the subcommand expected; anything else (a help request, a
//! usage error, a global option after the subcommand) is parsed by clap as always, so every
//! message and every result is exactly clap's.

use std::ffi::OsString;

use clap::{Arg, Command, CommandFactory, FromArgMatches};

use super::Cli;

/// Parse `args` (the program name first) as [`Cli`], or clap's error for them.
pub fn parse_from(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    if let Some(cli) = parse_without_global_copies(&args) {
        return Ok(cli);
    }
    let mut command = Cli::command();
    let parsed = command
        .try_get_matches_from_mut(args)
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
        .map_err(|err| err.format(&mut command));
    // The tree is left for the process's exit to free: every command runs once and ends,
    // and dropping it node by node was 7 % of a write.
    std::mem::forget(command);
    parsed
}

/// The parse described in the module's comment, or `None` to let clap parse as always.
fn parse_without_global_copies(args: &[OsString]) -> Option<Cli> {
    let command = Cli::command();
    let (name, at) = named_subcommand(&command, args)?;
    let globals: Vec<&Arg> = command
        .get_arguments()
        .filter(|a| a.is_global_set())
        .collect();
    // Past a `--` every word is a value, with or without the copies.
    let mut after = args[at + 1..].iter().take_while(|w| *w != "--");
    if after.any(|word| could_be_one_of(&globals, word)) {
        return None;
    }
    let ids: Vec<clap::Id> = globals.iter().map(|a| a.get_id().clone()).collect();
    let mut local = command;
    for id in &ids {
        local = local.mut_arg(id, |arg| arg.global(false));
    }
    let parsed = local
        .try_get_matches_from_mut(args)
        .ok()
        .filter(|matches| matches.subcommand_name() == Some(name.as_str()))
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches).ok());
    std::mem::forget(local);
    parsed
}

/// The subcommand the line names and where: its first word that is not an option or an
/// option's value. A wrong guess costs a second parse, never a wrong result.
fn named_subcommand(command: &Command, args: &[OsString]) -> Option<(String, usize)> {
    let mut words = args.iter().enumerate().skip(1);
    while let Some((at, word)) = words.next() {
        let word = word.to_str()?;
        if word == "--" {
            return None;
        }
        if let Some(long) = word.strip_prefix("--") {
            if !long.contains('=') && takes_value(command, |a| a.get_long() == Some(long)) {
                words.next();
            }
            continue;
        }
        if let Some(shorts) = word.strip_prefix('-') {
            // `-C slug` takes the next word; `-Cslug` and `-qCslug` do not, as clap reads them.
            let takes_next = shorts.chars().enumerate().find_map(|(i, c)| {
                takes_value(command, |a| a.get_short() == Some(c))
                    .then_some(i + c.len_utf8() == shorts.len())
            });
            if takes_next == Some(true) {
                words.next();
            }
            continue;
        }
        let sub = command.find_subcommand(word)?;
        return Some((sub.get_name().to_owned(), at));
    }
    None
}

/// Whether the top-level argument picked by `which` takes a value.
fn takes_value(command: &Command, which: impl Fn(&Arg) -> bool) -> bool {
    command
        .get_arguments()
        .find(|a| which(a))
        .is_some_and(|a| a.get_action().takes_values())
}

/// Whether clap could read `word` as one of `globals` (any word that is not UTF-8 and starts
/// with `-` counts, to be safe).
fn could_be_one_of(globals: &[&Arg], word: &OsString) -> bool {
    let Some(word) = word.to_str() else {
        return word.as_encoded_bytes().starts_with(b"-");
    };
    if let Some(long) = word.strip_prefix("--") {
        let long = long.split('=').next().unwrap_or(long);
        return globals.iter().any(|a| {
            a.get_long() == Some(long) || a.get_all_aliases().is_some_and(|v| v.contains(&long))
        });
    }
    if let Some(shorts) = word.strip_prefix('-') {
        return shorts.chars().any(|c| {
            globals.iter().any(|a| {
                a.get_short() == Some(c)
                    || a.get_all_short_aliases().is_some_and(|v| v.contains(&c))
            })
        });
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answer of clap parsing with the global options copied, as it always does.
    fn clap_as_always(args: &[&str]) -> Result<Cli, clap::Error> {
        let mut command = Cli::command();
        command
            .try_get_matches_from_mut(args)
            .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
    }

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    /// Every line parses to the same value, or the same error, as clap gives.
    #[test]
    fn the_parse_agrees_with_clap_on_every_shape_of_line() {
        let lines: &[&[&str]] = &[
            &["casefile"],
            &["casefile", "note", "the", "resync", "loop"],
            &["casefile", "n", "an", "alias"],
            &["casefile", "hypo", "-C", "note", "x"],
            &[
                "casefile", "-C", "note", "hypo", "the", "slug", "is", "a", "command",
            ],
            &["casefile", "--case", "note", "hypo", "x"],
            &["casefile", "--case=note", "hypo", "x"],
            &["casefile", "-Cnote", "hypo", "x"],
            &["casefile", "-qC", "note", "hypo", "x"],
            &["casefile", "-q", "note", "x"],
            &["casefile", "--tz", "UTC", "log", "--limit", "3"],
            &["casefile", "log", "--tz", "UTC", "--limit", "3"],
            &["casefile", "--tz", "UTC", "--utc", "log"],
            &["casefile", "--tz", "UTC", "log", "--utc"],
            &["casefile", "--color", "never", "status"],
            &["casefile", "--json", "note", "x"],
            &["casefile", "note", "--json", "-q", "x"],
            &["casefile", "note", "x", "--json"],
            &["casefile", "-C", "a", "note", "-C", "b", "x"],
            &["casefile", "note", "--utc", "--tz", "UTC", "x"],
            &["casefile", "ev", "--tag", "t", "saw", "it"],
            &["casefile", "new", "A case", "-d", "-q"],
            &["casefile", "new", "A case", "-d", "--json"],
            &["casefile", "close", "--summary", "--json", "--json"],
            &["casefile", "note", "--", "-x", "--json", "is", "text"],
            &["casefile", "--", "note"],
            &["casefile", "note"],
            &["casefile", "note", "-"],
            &["casefile", "note", "--help"],
            &["casefile", "note", "-h"],
            &["casefile", "help", "note"],
            &["casefile", "--help"],
            &["casefile", "--version"],
            &["casefile", "nope", "x"],
            &["casefile", "note", "--no-such-flag", "x"],
            &["casefile", "config", "set", "author", "Ken"],
            &["casefile", "config", "get", "author", "--json"],
            &["casefile", "sync", "--all"],
            &["casefile", "-C"],
        ];
        for line in lines {
            match (parse_from(os(line)), clap_as_always(line)) {
                (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "{line:?}"),
                (Err(a), Err(b)) => {
                    assert_eq!(a.kind(), b.kind(), "{line:?}");
                    assert_eq!(a.to_string(), b.to_string(), "{line:?}");
                }
                (a, b) => panic!("{line:?}: here {a:?}, clap {b:?}"),
            }
        }
    }

    #[test]
    fn the_subcommand_is_found_past_options_and_their_values() {
        let command = Cli::command();
        let find = |line: &[&str]| named_subcommand(&command, &os(line));
        assert_eq!(find(&["casefile", "note", "x"]), Some(("note".into(), 1)));
        assert_eq!(find(&["casefile", "n", "x"]), Some(("note".into(), 1)));
        assert_eq!(
            find(&["casefile", "-C", "log", "note"]),
            Some(("note".into(), 3))
        );
        assert_eq!(
            find(&["casefile", "-Clog", "note"]),
            Some(("note".into(), 2))
        );
        assert_eq!(
            find(&["casefile", "--case", "log", "note"]),
            Some(("note".into(), 3))
        );
        assert_eq!(
            find(&["casefile", "--json", "log"]),
            Some(("log".into(), 2))
        );
        assert_eq!(find(&["casefile", "--", "note"]), None);
        assert_eq!(find(&["casefile", "nope"]), None);
        assert_eq!(find(&["casefile"]), None);
    }

    /// The reason this module exists: ordinary lines are parsed without the copies, and a
    /// global option after the subcommand, or help, goes to clap as always.
    #[test]
    fn ordinary_lines_skip_the_copies_and_the_others_do_not() {
        for line in [
            &["casefile", "note", "the", "resync", "loop"][..],
            &["casefile", "-C", "log", "hypo", "x"],
            &["casefile", "--json", "ev", "--tag", "t", "x"],
            &["casefile", "note", "--", "--json"],
            &["casefile", "status"],
        ] {
            assert!(parse_without_global_copies(&os(line)).is_some(), "{line:?}");
        }
        for line in [
            &["casefile", "note", "--json", "x"][..],
            &["casefile", "note", "x", "-qC", "s"],
            &["casefile", "log", "--tz=UTC"],
            &["casefile", "note", "--help"],
            &["casefile", "note", "--no-such-flag"],
            &["casefile"],
        ] {
            assert!(parse_without_global_copies(&os(line)).is_none(), "{line:?}");
        }
    }
}
