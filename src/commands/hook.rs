//! `casefile hook install|uninstall|status`, and `hook post-commit`, the hook's entry point.
//!
//! The logic lives in [`crate::hooks`]; this file resolves the repository, records entries
//! and prints. `post-commit` runs inside somebody's `git commit`: it always exits 0, and an
//! error is at most one `casefile: …` warning line on stderr (a missing or closed case is not
//! an error and prints nothing).

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context as _, Result};

use super::write::{new_uuid, Redaction};
use super::Ctx;
use crate::cli::{HookAction, HookArgs, HookRepoArgs};
use crate::context::{self, Captured, DirtyCheck};
use crate::error::{invalid, CaseFileError};
use crate::git::Repo;
use crate::hooks::{self, HookPaths, InstallOutcome, Installed, UninstallOutcome};
use crate::model::Kind;
use crate::store::entries::{self, NewEntry};
use crate::store::CaseStore;

/// How long the hook waits for another writer to release the case before giving up.
const HOOK_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

pub fn hook(ctx: &Ctx, args: HookArgs) -> Result<()> {
    match args.action {
        HookAction::Install(repo) => install(ctx, repo),
        HookAction::Uninstall(repo) => uninstall(ctx, repo),
        HookAction::Status(repo) => status(ctx, repo),
        HookAction::PostCommit(repo) => {
            post_commit(ctx, repo);
            Ok(())
        }
    }
}

fn find_repo(args: &HookRepoArgs) -> Result<Repo> {
    let start = match &args.repo {
        Some(path) => path.clone(),
        None => std::env::current_dir().context("cannot read the current directory")?,
    };
    Repo::discover(&start)
        .filter(Repo::has_work_tree)
        .ok_or_else(|| {
            invalid(format!(
                "{} is not inside a git work tree; run this in a repository or pass --repo <path>",
                start.display()
            ))
        })
}

fn install(ctx: &Ctx, args: HookRepoArgs) -> Result<()> {
    let repo = find_repo(&args)?;
    let exe = std::env::current_exe().ok().map(hooks::live_path);
    let (paths, outcome) = hooks::install(&repo, exe.as_deref())?;
    let line = match outcome {
        InstallOutcome::Installed {
            kept_previous: false,
        } => format!("installed {}", paths.hook.display()),
        InstallOutcome::Installed {
            kept_previous: true,
        } => format!(
            "installed {} (the existing hook is kept as {} and runs first)",
            paths.hook.display(),
            paths.kept.display()
        ),
        InstallOutcome::AlreadyInstalled => {
            format!("already installed in {}", paths.hook.display())
        }
    };
    ctx.say(&line)
}

fn uninstall(ctx: &Ctx, args: HookRepoArgs) -> Result<()> {
    let repo = find_repo(&args)?;
    let (paths, outcome) = hooks::uninstall(&repo)?;
    let line = match outcome {
        UninstallOutcome::Removed {
            restored_previous: false,
        } => format!("removed {}", paths.hook.display()),
        UninstallOutcome::Removed {
            restored_previous: true,
        } => format!(
            "removed casefile's hook; {} is the previous hook again",
            paths.hook.display()
        ),
        UninstallOutcome::NotInstalled { other: false } => {
            format!("not installed in {}; nothing to do", paths.dir.display())
        }
        UninstallOutcome::NotInstalled { other: true } => format!(
            "not installed: {} is another hook; left untouched",
            paths.hook.display()
        ),
    };
    ctx.say(&line)
}

/// Which case a commit made now would feed, and why not when it would not.
enum Feed {
    Case { slug: String, title: String },
    Closed { slug: String, state: String },
    NoCase,
    Broken { slug: String, error: String },
}

fn feed(ctx: &Ctx) -> Feed {
    let slug = match ctx.case_slug() {
        Ok(slug) => slug,
        Err(_) => return Feed::NoCase,
    };
    let opened = ctx
        .home
        .existing_case(&slug)
        .map_err(anyhow::Error::from)
        .and_then(|path| Ok(CaseStore::open(&path, &slug)?))
        .and_then(|store| store.case_info());
    match opened {
        Ok(info) if info.state.is_open() => Feed::Case {
            slug,
            title: info.title,
        },
        Ok(info) => Feed::Closed {
            slug,
            state: info.state.to_string(),
        },
        Err(e) => Feed::Broken {
            slug,
            error: crate::error::one_line(&e),
        },
    }
}

fn status(ctx: &Ctx, args: HookRepoArgs) -> Result<()> {
    let repo = find_repo(&args)?;
    let paths = HookPaths::of(&repo);
    let installed = hooks::inspect(&paths);
    let kept = hooks::has_kept(&paths);
    let on_path = hooks::binary_on_path();
    let fallback = (installed == Installed::Ours)
        .then(|| hooks::script_fallback(&paths))
        .flatten();
    let runs: Option<PathBuf> = on_path
        .clone()
        .or_else(|| fallback.clone().filter(|p| hooks::is_executable(p)));
    let feed = feed(ctx);
    if ctx.global.json {
        let (case, case_state, feeds, problem) = match &feed {
            Feed::Case { slug, .. } => (Some(slug.clone()), Some("open".to_string()), true, None),
            Feed::Closed { slug, state } => (Some(slug.clone()), Some(state.clone()), false, None),
            Feed::NoCase => (None, None, false, None),
            Feed::Broken { slug, error } => (Some(slug.clone()), None, false, Some(error.clone())),
        };
        return ctx.print_json(&serde_json::json!({
            "installed": installed == Installed::Ours,
            "hooks_dir": paths.dir.display().to_string(),
            "hook": paths.hook.display().to_string(),
            "other_hook": installed == Installed::Other,
            "previous_hook_kept": (installed == Installed::Ours && kept)
                .then(|| paths.kept.display().to_string()),
            "binary": runs.as_ref().map(|p| p.display().to_string()),
            "case": case,
            "case_state": case_state,
            "feeds": installed == Installed::Ours && feeds && runs.is_some(),
            "problem": problem,
        }));
    }
    let mut out = String::new();
    match installed {
        Installed::Ours => {
            out.push_str(&format!("hook: installed ({})\n", paths.hook.display()));
            if kept {
                out.push_str(&format!(
                    "previous hook: kept as {} (runs first)\n",
                    paths.kept.display()
                ));
            }
            match &runs {
                Some(bin) => out.push_str(&format!("runs: {}\n", bin.display())),
                None => out.push_str(
                    "runs: nothing: `casefile` is not on PATH and the installed path is gone; run `casefile hook install` again\n",
                ),
            }
        }
        Installed::Other => out.push_str(&format!(
            "hook: not installed; {} is another hook (`casefile hook install` keeps it and runs it first)\n",
            paths.hook.display()
        )),
        Installed::No => out.push_str(&format!(
            "hook: not installed in {} (run `casefile hook install`)\n",
            paths.dir.display()
        )),
    }
    let verb = if installed == Installed::Ours {
        "commits feed"
    } else {
        "commits would feed"
    };
    match feed {
        Feed::Case { slug, title } => {
            out.push_str(&format!("{verb}: {slug} ({title})\n"));
        }
        Feed::Closed { slug, state } => out.push_str(&format!(
            "commits feed: nothing (case {slug} is {state}; `casefile reopen-case` or `casefile use` another)\n"
        )),
        Feed::NoCase => out.push_str(
            "commits feed: nothing (no current case; `casefile new` or `casefile use`)\n",
        ),
        Feed::Broken { slug, error } => {
            out.push_str(&format!("commits feed: nothing (case {slug}: {error})\n"))
        }
    }
    ctx.print(&out)
}

/// The hook's entry point: record the commit, maybe ask for a line. Never fails.
fn post_commit(ctx: &Ctx, args: HookRepoArgs) {
    // A panic must not become a backtrace in the middle of someone's commit.
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(
            std::io::stderr(),
            "casefile: the post-commit hook failed ({what}); the commit is fine but was not recorded"
        );
    }));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| record(ctx, &args)));
    if let Ok(Err(err)) = result {
        let _ = writeln!(
            std::io::stderr(),
            "casefile: this commit was not recorded: {}",
            crate::error::one_line(&err)
        );
    }
}

fn record(ctx: &Ctx, args: &HookRepoArgs) -> Result<()> {
    let Ok(repo) = find_repo(args) else {
        return Ok(());
    };
    let op = hooks::operation(&repo);
    if !op.records() {
        return Ok(());
    }
    let slug = match ctx.case_slug() {
        Ok(slug) => slug,
        Err(e) if matches!(e.downcast_ref(), Some(CaseFileError::NoCurrentCase)) => return Ok(()),
        Err(e) => return Err(e),
    };
    let path = ctx.home.existing_case(&slug)?;
    let mut store = CaseStore::open(&path, &slug)?;
    // Another writer holding the case (a big import) must not hold up the commit for long.
    store.conn().busy_timeout(HOOK_BUSY_TIMEOUT)?;
    if !store.case_info()?.state.is_open() {
        return Ok(());
    }
    let config = ctx.config()?;
    let redaction = Redaction::for_write(ctx, false)?;
    let info = hooks::commit_info(&repo)?;
    let text = redaction.apply(&hooks::event_text(&info, op));
    // Context as of the commit, from the work tree (the hook runs there, but --repo may not).
    if std::env::current_dir().ok().as_deref() != Some(repo.work_tree()) {
        std::env::set_current_dir(repo.work_tree()).ok();
    }
    let captured = context::capture(config.author.as_deref(), DirtyCheck::Exact);
    let number = insert(&mut store, ctx, Kind::Event, &text, &captured)?;
    if !op.asks() {
        return Ok(());
    }
    let question = format!(
        "casefile: #{number} commit {}. What did it try? (one line; Enter skips) ",
        info.short
    );
    let Some(answer) = hooks::ask_on_tty(&question, config.hook_prompt_timeout()) else {
        return Ok(());
    };
    let answer = redaction.apply(&answer);
    insert(&mut store, ctx, Kind::Note, &answer, &captured)?;
    Ok(())
}

fn insert(
    store: &mut CaseStore,
    ctx: &Ctx,
    kind: Kind,
    text: &str,
    captured: &Captured,
) -> Result<i64> {
    let zone = ctx.config()?.zone();
    let now = zone.now();
    let recorded_at = crate::time::format_rfc3339(&now);
    let uuid = new_uuid();
    store.write(|tx| {
        entries::insert_entry(
            tx,
            &NewEntry {
                uuid: &uuid,
                kind,
                text,
                author: &captured.author,
                recorded_at: &recorded_at,
                occurred_at: None,
                at_ms: crate::time::unix_ms(&now),
                state: kind.initial_state(),
                context: &captured.context,
                tags: &[],
                command: None,
                output: None,
                facts: None,
            },
        )
    })
}
