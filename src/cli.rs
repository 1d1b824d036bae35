//! The command-line surface: every subcommand, flag and alias, as clap types.
//!
//! Doc comments here are the `--help` text. Nothing in this file does any work; `commands`
//! receives these values and calls into the library.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::ArgValueCandidates;

use crate::model::EntryRef;

pub mod parse;

/// A terminal-first investigation journal: hypotheses, evidence, dead ends, and a postmortem
/// at the end.
///
/// With no subcommand, prints the status of the current case.
#[derive(Debug, Parser)]
#[command(name = "casefile", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// Act on this case instead of the current one (else $CASEFILE_CASE, else `casefile use`).
    #[arg(short = 'C', long = "case", global = true, value_name = "SLUG", add = ArgValueCandidates::new(crate::complete::case_slugs))]
    pub case: Option<String>,

    /// Print JSON instead of text (writes print the entry).
    #[arg(long, global = true)]
    pub json: bool,

    /// When to use colour.
    #[arg(long, global = true, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    /// Print nothing on success.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Show times in this zone (an IANA name such as America/New_York) in status, log and list.
    #[arg(long, global = true, value_name = "ZONE")]
    pub tz: Option<String>,

    /// Show times in UTC in status, log and list.
    #[arg(long, global = true, conflicts_with = "tz")]
    pub utc: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// `defer`: a subcommand's arguments are built only when that subcommand is the one used,
/// not for all ~30 at every start (a quarter of a write's start-up).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Create a case and make it current.
    New(NewArgs),
    /// List cases: slug, title, state, open hypotheses, entries, last activity.
    #[command(visible_alias = "ls")]
    List(ListArgs),
    /// Make a case current.
    Use(UseArgs),

    /// Write a note: anything worth keeping.
    #[command(visible_alias = "n")]
    Note(NoteArgs),
    /// Write a hypothesis: a suspected cause.
    #[command(visible_aliases = ["hypothesis", "h"])]
    Hypo(WriteArgs),
    /// Write evidence: an observation, log excerpt, trace or command output.
    #[command(visible_aliases = ["evidence", "e"])]
    Ev(EvidenceArgs),
    /// Write a dead end: a path tried and ruled out, and why.
    #[command(visible_aliases = ["dead-end", "d"])]
    Dead(DeadArgs),
    /// Write an event: something that happened at a time (deploy, first report, data lost).
    #[command(visible_alias = "at")]
    Event(EventArgs),
    /// Write an action: a next step or follow-up.
    #[command(visible_aliases = ["action", "a"])]
    Todo(TodoArgs),

    /// Mark a hypothesis confirmed.
    Confirm(StateArgs),
    /// Mark a hypothesis refuted (it becomes a dead end).
    Refute(StateArgs),
    /// Reopen a confirmed or refuted hypothesis, or a done action.
    Reopen(StateArgs),
    /// Mark an action done.
    Done(DoneArgs),
    /// Pin an entry: pinned entries head `casefile status` in full.
    Pin(EntryArgs),
    /// Unpin an entry.
    Unpin(EntryArgs),
    /// Say you are on a hypothesis or action now (shown in status; ends when it is settled).
    Claim(EntryArgs),
    /// Let go of a claim.
    Unclaim(EntryArgs),
    /// Withdraw an entry written by mistake: it leaves status, log, search and the postmortem.
    Retract(RetractArgs),
    /// Bring back a retracted entry.
    Unretract(EntryArgs),
    /// Remove the link between two entries (either direction).
    Unlink(UnlinkArgs),

    /// Run a command, show its output live, and record it as evidence.
    #[command(after_long_help = CONTEXT_HELP)]
    Run(RunArgs),

    /// The hand-over briefing of the current case.
    Status,
    /// The timeline, oldest first.
    Log(LogArgs),
    /// One entry whole, with links, context, attachments and history.
    #[command(after_long_help = CONTEXT_HELP)]
    Show(ShowArgs),
    /// Amend an entry's text in $VISUAL/$EDITOR (earlier text is kept as history).
    Edit(EditArgs),
    /// Full-text search in the current case, or every case with --all.
    Search(SearchArgs),

    /// Close the current case.
    Close(Box<CloseArgs>),
    /// Reopen a closed case.
    #[command(name = "reopen-case")]
    ReopenCase(ReopenCaseArgs),
    /// Export the postmortem (Markdown) or the whole case as a JSON bundle.
    Export(ExportArgs),
    /// What each person did across all cases in a period, as Markdown for a weekly call.
    Minutes(MinutesArgs),
    /// Merge a JSON bundle into the case with the bundle's UUID.
    Import(ImportArgs),
    /// Write an attachment back out.
    Attachment(AttachmentArgs),

    /// Install, remove or inspect the git post-commit hook.
    Hook(HookArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Show the configuration file's path or the effective configuration.
    Config(ConfigArgs),
    /// Exchange cases with a git remote: fetch every case there, send the shared ones.
    Sync(SyncArgs),
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The case title (words are joined with spaces).
    #[arg(required = true, num_args = 1..)]
    pub title: Vec<String>,
    /// Use this slug instead of deriving one from the title.
    #[arg(long)]
    pub slug: Option<String>,
    /// A ticket reference (repeatable).
    #[arg(long = "ticket", value_name = "REF")]
    pub tickets: Vec<String>,
    /// A tag (repeatable).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// The problem statement (what was reported, how to reproduce, when it is worse), written
    /// as the case's first note and pinned; `-d -` reads it from stdin.
    #[arg(short = 'd', long, value_name = "TEXT", allow_hyphen_values = true)]
    pub description: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only open cases (the default).
    #[arg(long, conflicts_with_all = ["closed", "all"])]
    pub open: bool,
    /// Only closed cases (resolved or abandoned).
    #[arg(long, conflicts_with = "all")]
    pub closed: bool,
    /// Every case.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct UseArgs {
    /// The slug of the case to make current.
    #[arg(add = ArgValueCandidates::new(crate::complete::case_slugs))]
    pub slug: String,
}

// Flags shared by every write. (A plain comment: with `defer`, a doc comment here would become
// the description of every write command.)
#[derive(Debug, Args, Clone, Default)]
pub struct CommonWriteArgs {
    /// The text (words are joined with spaces; read from stdin when omitted and stdin is not a terminal).
    pub text: Vec<String>,
    /// When it happened, as logs, mail and trackers print it: RFC 3339, `YYYY-MM-DD HH:MM[:SS] [zone]`, `HH:MM`, RFC 2822, ctime, nginx, syslog, `Sep 20 2017, 11:02 AM`, epoch, `10m ago`, `yesterday 14:00`.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// When it happened: the first timestamp in the text itself (a pasted log line).
    #[arg(long, conflicts_with = "at")]
    pub at_text: bool,
    /// A tag (repeatable).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Attach a file (repeatable).
    #[arg(long = "file", value_name = "PATH")]
    pub files: Vec<PathBuf>,
    /// Write the text in $VISUAL/$EDITOR.
    #[arg(short, long)]
    pub edit: bool,
    /// Store the text and attachments as they are, without secret redaction.
    #[arg(long)]
    pub no_redact: bool,
}

#[derive(Debug, Args)]
pub struct WriteArgs {
    #[command(flatten)]
    pub common: CommonWriteArgs,
}

#[derive(Debug, Args)]
pub struct NoteArgs {
    #[command(flatten)]
    pub common: CommonWriteArgs,
    /// Pin the note: pinned entries head `casefile status` in full (a hand-over note).
    #[arg(long)]
    pub pin: bool,
}

#[derive(Debug, Args)]
pub struct EventArgs {
    #[command(flatten)]
    pub common: CommonWriteArgs,
    /// A moment known to be before the fault (the last known good), like `git bisect good`.
    #[arg(long, conflicts_with = "bad")]
    pub good: bool,
    /// A moment known to be after the fault (the first known bad), like `git bisect bad`.
    #[arg(long)]
    pub bad: bool,
}

#[derive(Debug, Args)]
pub struct TodoArgs {
    #[command(flatten)]
    pub common: CommonWriteArgs,
    /// Who will do it.
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// When it is due (same forms as --at; `tomorrow 09:00`, `2026-12-05 17:00`).
    #[arg(long, value_name = "TIME")]
    pub due: Option<String>,
    /// The ticket that tracks it.
    #[arg(long, value_name = "REF")]
    pub ticket: Option<String>,
}

#[derive(Debug, Args)]
pub struct EvidenceArgs {
    #[command(flatten)]
    pub common: CommonWriteArgs,
    /// The hypothesis this evidence supports.
    #[arg(long, value_name = "N", conflicts_with = "refutes", add = ArgValueCandidates::new(crate::complete::hypotheses))]
    pub supports: Option<EntryRef>,
    /// The hypothesis this evidence refutes.
    #[arg(long, value_name = "N", add = ArgValueCandidates::new(crate::complete::hypotheses))]
    pub refutes: Option<EntryRef>,
}

#[derive(Debug, Args)]
pub struct DeadArgs {
    #[command(flatten)]
    pub common: CommonWriteArgs,
    /// The hypothesis this dead end rules out (it becomes refuted).
    #[arg(long, value_name = "N", add = ArgValueCandidates::new(crate::complete::hypotheses))]
    pub of: Option<EntryRef>,
}

#[derive(Debug, Args)]
pub struct StateArgs {
    /// The entry: its number (`7` or `#7`) or its short id (a prefix of its UUID).
    #[arg(add = ArgValueCandidates::new(crate::complete::state_targets))]
    pub number: EntryRef,
    /// Why: an entry number, or text recorded as new evidence and linked.
    #[arg(long, value_name = "M|TEXT", num_args = 1.., allow_hyphen_values = true)]
    pub because: Option<Vec<String>>,
}

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// The action: its number (`7` or `#7`) or its short id.
    #[arg(add = ArgValueCandidates::new(crate::complete::open_actions))]
    pub number: EntryRef,
}

#[derive(Debug, Args)]
pub struct EntryArgs {
    /// The entry: its number (`7` or `#7`) or its short id (a prefix of its UUID).
    #[arg(add = ArgValueCandidates::new(crate::complete::any_entry))]
    pub number: EntryRef,
}

#[derive(Debug, Args)]
pub struct RetractArgs {
    /// The entry: its number (`7` or `#7`) or its short id (a prefix of its UUID).
    #[arg(add = ArgValueCandidates::new(crate::complete::any_entry))]
    pub number: EntryRef,
    /// Why it is withdrawn (kept with the change, shown by `show`).
    #[arg(long, value_name = "TEXT", num_args = 1.., allow_hyphen_values = true)]
    pub because: Option<Vec<String>>,
}

#[derive(Debug, Args)]
pub struct UnlinkArgs {
    /// One end of the link.
    #[arg(add = ArgValueCandidates::new(crate::complete::any_entry))]
    pub number: EntryRef,
    /// The other end.
    #[arg(add = ArgValueCandidates::new(crate::complete::any_entry))]
    pub other: EntryRef,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The hypothesis this run supports.
    #[arg(long, value_name = "N", conflicts_with = "refutes", add = ArgValueCandidates::new(crate::complete::hypotheses))]
    pub supports: Option<EntryRef>,
    /// The hypothesis this run refutes.
    #[arg(long, value_name = "N", add = ArgValueCandidates::new(crate::complete::hypotheses))]
    pub refutes: Option<EntryRef>,
    /// A tag (repeatable).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Store the output as it is, without secret redaction.
    #[arg(long)]
    pub no_redact: bool,
    /// A caption for the run, shown as its headline (the command and its status follow).
    #[arg(short, long, value_name = "TEXT")]
    pub message: Option<String>,
    /// Run the command on a pseudo-terminal, for programs that buffer or drop colour when
    /// piped (its stdout and stderr are then one stream, recorded together).
    #[arg(long)]
    pub pty: bool,
    /// The command and its arguments (after `--`).
    #[arg(last = true, required = true, num_args = 1.., value_name = "CMD")]
    pub argv: Vec<std::ffi::OsString>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only entries of this kind (repeatable): note, hypothesis, evidence, dead-end, event, action.
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<crate::model::Kind>,
    /// Only entries at or after this time.
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Keep only the latest N entries.
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// Only entries written by this author (repeatable).
    #[arg(long = "author", value_name = "NAME")]
    pub authors: Vec<String>,
    /// Also show retracted entries.
    #[arg(long)]
    pub all: bool,
}

/// What an entry's git context means (`show --help`, `run --help`; docs/commands.md says the
/// same).
const CONTEXT_HELP: &str = "\
Git context: inside a git work tree each entry records the branch, the HEAD commit and
whether the tree was dirty. Dirty means what `git describe --dirty` means: a tracked file
differs from the index, or the index from HEAD (staged changes); untracked files do not
count. A fact is recorded right or not at all: null means unknown, never a guess.

An ordinary write (note, hypo, ...) must stay instant, so it reads .git itself and records
dirty as null when it cannot decide exactly within about a millisecond (a large tree) or in a
repository shape it does not model (line-ending conversion or filters, conditional config
includes, a sparse checkout's file reappearing, submodules configured with `ignore`, no work
tree, ...). Branch and commit are read from either ref format (files or reftable). A branch
name that is not UTF-8 is recorded with each byte outside UTF-8 written \\xHH (git forbids
a backslash in ref names, so git's bytes can be read back exactly).

`run` and the git hook ask git itself (`git status --porcelain=v2 --untracked-files=no`),
so their facts are null only outside a repository, without a work tree (dirty), or when git
cannot be run. `run` asks before it starts the command: the context describes the tree the
command ran on, not what the command changed.";

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The entry: its number (`7` or `#7`) or its short id (a prefix of its UUID).
    #[arg(add = ArgValueCandidates::new(crate::complete::any_entry))]
    pub number: EntryRef,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The entry: its number (`7` or `#7`) or its short id (a prefix of its UUID).
    #[arg(add = ArgValueCandidates::new(crate::complete::any_entry))]
    pub number: EntryRef,
    /// Correct when it happened instead of editing the text (the earlier time is kept in
    /// its history; same forms as `--at` of a write).
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Store the new text as it is, without secret redaction.
    #[arg(long)]
    pub no_redact: bool,
}

#[derive(Debug, Args)]
pub struct MinutesArgs {
    /// From this time (default: 7 days ago).
    #[arg(long, value_name = "TIME", conflicts_with = "all")]
    pub since: Option<String>,
    /// Up to this time (default: now).
    #[arg(long, value_name = "TIME", conflicts_with = "all")]
    pub until: Option<String>,
    /// Only this person (repeatable).
    #[arg(long, value_name = "NAME")]
    pub author: Vec<String>,
    /// All time, not a period.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words, "a phrase", or prefix*.
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Search every case, not only the current one.
    #[arg(long)]
    pub all: bool,
    /// At most this many results.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: u32,
}

#[derive(Debug, Args)]
pub struct CloseArgs {
    /// Close as resolved (the default).
    #[arg(long, conflicts_with = "abandoned")]
    pub resolved: bool,
    /// Close as abandoned.
    #[arg(long)]
    pub abandoned: bool,
    /// What happened, in a few sentences.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub summary: Option<String>,
    /// Who or what was affected, and how much.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub impact: Option<String>,
    /// The root cause.
    #[arg(long = "root-cause", value_name = "TEXT", allow_hyphen_values = true)]
    pub root_cause: Option<String>,
    /// The fix.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub fix: Option<String>,
    /// Lessons learned.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub lessons: Option<String>,
    /// What set the fault off (the SRE postmortem's "trigger").
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub trigger: Option<String>,
    /// How the incident was noticed.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub detection: Option<String>,
    /// What stopped the harm, as against the permanent fix.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub mitigation: Option<String>,
    /// Lessons: what went well.
    #[arg(long = "went-well", value_name = "TEXT", allow_hyphen_values = true)]
    pub went_well: Option<String>,
    /// Lessons: what went wrong.
    #[arg(long = "went-wrong", value_name = "TEXT", allow_hyphen_values = true)]
    pub went_wrong: Option<String>,
    /// Lessons: where we got lucky.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub lucky: Option<String>,
    /// When the incident started (else the postmortem takes the first event).
    #[arg(long, value_name = "TIME")]
    pub started: Option<String>,
    /// When the incident was detected.
    #[arg(long, value_name = "TIME")]
    pub detected: Option<String>,
    /// When the harm stopped (mitigated).
    #[arg(long, value_name = "TIME")]
    pub mitigated: Option<String>,
    /// When the incident was resolved for good.
    #[arg(long = "resolved-at", value_name = "TIME")]
    pub resolved_at: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReopenCaseArgs {
    /// The case to reopen (default: the current case).
    #[arg(add = ArgValueCandidates::new(crate::complete::case_slugs))]
    pub slug: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    #[default]
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(long, value_name = "FORMAT", default_value = "markdown")]
    pub format: ExportFormat,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Render the postmortem with a template: a built-in one (`default`, `sre`, `aar`) or
    /// the path of a MiniJinja template (its context is the JSON bundle; `./sre` for a file
    /// called `sre`).
    #[arg(long, value_name = "NAME|PATH")]
    pub template: Option<PathBuf>,
    /// List the built-in templates and exit.
    #[arg(long, conflicts_with_all = ["template", "output", "format"])]
    pub list_templates: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The bundle file, or `-` for stdin.
    pub path: PathBuf,
    /// Create the case under this slug when the bundle's slug is taken by another case.
    #[arg(long = "as", value_name = "SLUG")]
    pub as_slug: Option<String>,
}

#[derive(Debug, Args)]
pub struct AttachmentArgs {
    /// The entry: its number (`7` or `#7`) or its short id (a prefix of its UUID).
    #[arg(add = ArgValueCandidates::new(crate::complete::any_entry))]
    pub number: EntryRef,
    /// The attachment's name (needed when the entry has several).
    pub name: Option<String>,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct HookArgs {
    #[command(subcommand)]
    pub action: HookAction,
}

#[derive(Debug, Subcommand)]
pub enum HookAction {
    /// Add the post-commit hook to a repository (an existing hook is kept and still runs).
    Install(HookRepoArgs),
    /// Remove the hook, leaving exactly what was there before.
    Uninstall(HookRepoArgs),
    /// Whether the hook is installed, and which case commits now feed.
    Status(HookRepoArgs),
    /// The hook's own entry point, called by the installed script.
    #[command(name = "post-commit", hide = true)]
    PostCommit(HookRepoArgs),
}

#[derive(Debug, Args)]
pub struct HookRepoArgs {
    /// The repository (default: the one containing the current directory).
    #[arg(long, value_name = "PATH")]
    pub repo: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate for.
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Anything `git` can fetch from and push to (a path, ssh or https URL); else config
    /// `sync.remote`.
    pub remote: Option<String>,
    /// Share every local case (else the current one, or `-C`, joins the shared ones).
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: Option<ConfigAction>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print the path of the configuration file.
    Path,
    /// Print the effective configuration and where each value came from.
    Show,
    /// Print the effective value of one setting (e.g. `author`, `claims.expire`).
    Get {
        /// The setting's name, dotted for tables: `status.recent`.
        key: String,
    },
    /// Write one setting into the config file, keeping its comments and order.
    Set {
        /// The setting's name, dotted for tables: `claims.expire`.
        key: String,
        /// The value (a number for numeric settings).
        value: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn text_words_are_collected_without_quotes() {
        let cli = Cli::try_parse_from(["casefile", "note", "saw", "it", "again"]).unwrap();
        match cli.command {
            Some(Command::Note(w)) => assert_eq!(w.common.text, ["saw", "it", "again"]),
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn aliases_reach_their_commands() {
        for (alias, expect) in [
            ("n", "note"),
            ("h", "hypo"),
            ("hypothesis", "hypo"),
            ("e", "ev"),
            ("evidence", "ev"),
            ("d", "dead"),
            ("dead-end", "dead"),
            ("at", "event"),
            ("a", "todo"),
            ("action", "todo"),
        ] {
            let cli = Cli::try_parse_from(["casefile", alias, "x"]).unwrap();
            let name = match cli.command {
                Some(Command::Note(_)) => "note",
                Some(Command::Hypo(_)) => "hypo",
                Some(Command::Ev(_)) => "ev",
                Some(Command::Dead(_)) => "dead",
                Some(Command::Event(_)) => "event",
                Some(Command::Todo(_)) => "todo",
                _ => "other",
            };
            assert_eq!(name, expect, "alias {alias}");
        }
    }
}
