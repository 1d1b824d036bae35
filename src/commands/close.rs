//! `close` and `reopen-case`: ending a case and taking it up again.
//!
//! Both are recorded as case events with UUIDs (see `store::lifecycle`), so that a close made
//! on one machine and a reopen made on another merge like state changes do. `close` asks for
//! the missing postmortem fields only when stdin and stderr are both terminals; with no
//! terminal it never asks (scripts and hooks get exactly what their flags say).

use std::io::IsTerminal;

use anyhow::Result;

use super::write::{new_uuid, Redaction};
use super::Ctx;
use crate::bundle::CaseEvent;
use crate::cli::{CloseArgs, ReopenCaseArgs};
use crate::error::invalid;
use crate::model::{CaseInfo, CaseState, Review};
use crate::store::{lifecycle, CaseStore};

/// The postmortem texts, in the order they are asked for: the five fields of every
/// postmortem, then the SRE / after-action ones.
const FIELDS: [(&str, &str); 11] = [
    ("summary", "Summary (what happened)"),
    ("impact", "Impact (who or what was affected)"),
    ("root-cause", "Root cause"),
    ("trigger", "Trigger (what set it off)"),
    ("detection", "Detection (how it was noticed)"),
    ("mitigation", "Mitigation (what stopped the harm)"),
    ("fix", "Fix (the permanent one)"),
    ("lessons", "Lessons learned"),
    ("went-well", "What went well"),
    ("went-wrong", "What went wrong"),
    ("lucky", "Where we got lucky"),
];

/// The texts of a case or a close, in [`FIELDS`] order.
fn texts(info: &CaseInfo) -> [&Option<String>; 11] {
    let r = &info.review;
    [
        &info.summary,
        &info.impact,
        &info.root_cause,
        &r.trigger,
        &r.detection,
        &r.mitigation,
        &info.fix,
        &info.lessons,
        &r.went_well,
        &r.went_wrong,
        &r.lucky,
    ]
}

pub fn close(ctx: &Ctx, args: CloseArgs) -> Result<()> {
    let config = ctx.config()?;
    let mut store = ctx.open_case()?;
    let info = store.case_info()?;
    // The incident's clock: read like `--at`, kept with the offset written.
    let zone = config.zone();
    let now_utc = chrono::Utc::now();
    let mut clock: [Option<String>; 4] = Default::default();
    for (slot, (flag, value)) in clock.iter_mut().zip([
        ("--started", &args.started),
        ("--detected", &args.detected),
        ("--mitigated", &args.mitigated),
        ("--resolved-at", &args.resolved_at),
    ]) {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            let t = crate::time::parse_time(v, now_utc, &zone)
                .map_err(|e| invalid(format!("{flag}: {e}")))?;
            *slot = Some(crate::time::format_rfc3339(&t));
        }
    }
    let mut values: [Option<String>; 11] = [
        args.summary,
        args.impact,
        args.root_cause,
        args.trigger,
        args.detection,
        args.mitigation,
        args.fix,
        args.lessons,
        args.went_well,
        args.went_wrong,
        args.lucky,
    ];
    for value in values.iter_mut() {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            *value = None;
        }
    }
    let state = if args.abandoned {
        CaseState::Abandoned
    } else if args.resolved || info.state.is_open() {
        CaseState::Resolved
    } else {
        info.state
    };
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let existing = texts(&info);
    let anything_to_ask = interactive
        && existing
            .iter()
            .zip(values.iter())
            .any(|(old, new)| old.is_none() && new.is_none());
    if !info.state.is_open()
        && !args.resolved
        && !args.abandoned
        && values.iter().all(Option::is_none)
        && clock.iter().all(Option::is_none)
        && !anything_to_ask
    {
        return Err(invalid(format!(
            "case `{}` is already {}; reopen it with `casefile reopen-case {}`, or give --summary, --lessons … to amend the postmortem",
            info.slug, info.state, info.slug
        )));
    }

    if !ctx.global.quiet {
        for warning in open_work_warnings(&store)? {
            eprintln!("warning: {warning}");
        }
    }
    if interactive {
        for (i, (_, prompt)) in FIELDS.iter().enumerate() {
            if values[i].is_some() || existing[i].is_some() {
                continue;
            }
            let answer: String = dialoguer::Input::new()
                .with_prompt(format!("{prompt} (empty to skip)"))
                .allow_empty(true)
                .interact_text()
                .map_err(|e| {
                    invalid(format!("cannot read the answer ({e}); nothing was changed"))
                })?;
            let answer = answer.trim();
            if !answer.is_empty() {
                values[i] = Some(answer.to_string());
            }
        }
    }

    let redaction = Redaction::for_write(ctx, false)?;
    let [summary, impact, root_cause, trigger, detection, mitigation, fix, lessons, went_well, went_wrong, lucky] =
        values.map(|v| v.map(|text| redaction.apply(&text)));
    let [started_at, detected_at, mitigated_at, resolved_at] = clock;
    let now = config.zone().now();
    let author = crate::context::author(config.author.as_deref());
    let event = CaseEvent {
        uuid: new_uuid(),
        state,
        at: crate::time::format_rfc3339(&now),
        at_ms: None,
        author,
        summary,
        impact,
        root_cause,
        fix,
        lessons,
        review: Review {
            started_at,
            detected_at,
            mitigated_at,
            resolved_at,
            trigger,
            detection,
            mitigation,
            went_well,
            went_wrong,
            lucky,
        },
    };
    record(&mut store, &event, crate::time::unix_ms(&now))?;
    if ctx.global.json {
        return ctx.print_json(&store.case_info()?);
    }
    ctx.say(&format!("closed {} as {state}", store.slug()))
}

pub fn reopen_case(ctx: &Ctx, args: ReopenCaseArgs) -> Result<()> {
    let config = ctx.config()?;
    let mut store = match &args.slug {
        Some(slug) => {
            let path = ctx.home.existing_case(slug)?;
            CaseStore::open(&path, slug)?
        }
        None => ctx.open_case()?,
    };
    let info = store.case_info()?;
    if info.state.is_open() {
        return Err(invalid(format!("case `{}` is already open", info.slug)));
    }
    let now = config.zone().now();
    let event = CaseEvent {
        uuid: new_uuid(),
        state: CaseState::Open,
        at: crate::time::format_rfc3339(&now),
        at_ms: None,
        author: crate::context::author(config.author.as_deref()),
        summary: None,
        impact: None,
        root_cause: None,
        fix: None,
        lessons: None,
        review: Review::default(),
    };
    record(&mut store, &event, crate::time::unix_ms(&now))?;
    if ctx.global.json {
        return ctx.print_json(&store.case_info()?);
    }
    ctx.say(&format!("reopened {}", store.slug()))
}

fn record(store: &mut CaseStore, event: &CaseEvent, at_ms: i64) -> Result<()> {
    store.write(|tx| {
        lifecycle::insert_event(tx, event, at_ms)?;
        lifecycle::refresh_case(tx)
    })
}

/// "2 hypotheses are still open (#3, #5)"-style lines for what a close leaves behind.
fn open_work_warnings(store: &CaseStore) -> Result<Vec<String>> {
    let (hypotheses, actions) = lifecycle::open_work(store.conn())?;
    let mut lines = Vec::new();
    let list = |numbers: &[i64]| {
        let shown: Vec<String> = numbers.iter().take(8).map(|n| format!("#{n}")).collect();
        let more = if numbers.len() > 8 { ", …" } else { "" };
        format!("({}{more})", shown.join(", "))
    };
    match hypotheses.len() {
        0 => {}
        1 => lines.push(format!("1 hypothesis is still open {}", list(&hypotheses))),
        n => lines.push(format!(
            "{n} hypotheses are still open {}",
            list(&hypotheses)
        )),
    }
    match actions.len() {
        0 => {}
        1 => lines.push(format!("1 action is still open {}", list(&actions))),
        n => lines.push(format!("{n} actions are still open {}", list(&actions))),
    }
    Ok(lines)
}
