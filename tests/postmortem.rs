//! The postmortem's structure cannot be changed by user text: every export is rendered with a
//! real CommonMark renderer (pulldown-cmark with GFM tables, task lists and strikethrough) and
//! its rendered structure checked — the document's own headings and no others at their level,
//! every table row with its cells, no HTML or link/emphasis element that came from entry
//! text, every fenced block closed where the document closes it — over hostile inputs (the
//! ones issue 16 found with GitHub's, GitLab's and markdown-it's renderers) and generated ones.

mod common;

use common::TestEnv;
use proptest::prelude::*;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use casefile::render::markdown::{self, Place};

/// Entry texts that changed the structure or meaning of the old postmortem.
const HOSTILE: &[&str] = &[
    "<!-- everything after this is hidden",
    "<pre>grey raw text from here on",
    "<details><summary>folded</summary>",
    ">>>\nswallows the rest on GitLab",
    "<img src=x onerror=alert(1)>",
    "# a heading line",
    "a title ending in #",
    "```\na fence that never closes",
    "~~~\nanother fence",
    "src/**/*.py and `code` and ``double``",
    "\\d+ and C:\\Users\\x\\_tmp and a \\* b",
    "*stars* _under_ ~~struck~~ [link](http://x) ![img](http://y)",
    "&copy; &amp; &#35; &lt;b&gt;",
    "pipe | in | a | cell",
    "line one\nline two\r\nline three",
    "Setext\n===",
    "Setext two\n---",
    "- a list\n- of items",
    "1. numbered",
    "    indented code",
    "`unclosed code span",
    "<https://autolink.example>",
    "$math$ and $$block$$",
    "| a | b |\n| --- | --- |\n| c | d |",
    "[ref]: http://example.com",
    "trailing backslash \\",
];

/// Close texts: Markdown on purpose, and the constructs that swallowed what followed.
const HOSTILE_CLOSE: &[&str] = &[
    "<!-- hidden until the end",
    "<pre>",
    "<details>\n<summary>x</summary>",
    ">>>\nGitLab quote\n",
    "<img src=x onerror=alert(1)>",
    "# Heading\n## Subheading\n###### Deep",
    "Paragraph\n===\nand\n---",
    "```\nunbalanced fence",
    "````sh\n```\nstill inside\n",
    "  ```\nindented fence",
    "- item\n\n  ```\n  fence in a list item",
    "> ```\n> quoted fence\n```\nafter",
    "text with `Vec<u8>` and <b>bold</b>",
    "a ` dangling\nthen ` <pre> ` across lines",
    "~~~\ntilde fence",
    "\t```\ntabbed fence",
];

/// What a rendered document is made of.
#[derive(Debug, Default)]
struct Structure {
    headings: Vec<(HeadingLevel, String)>,
    /// Per table: (header cells, cells of each row).
    tables: Vec<(usize, Vec<usize>)>,
    code_blocks: Vec<(String, String)>,
    /// Raw HTML that reached the output (block or inline).
    html: Vec<String>,
    /// Links, images, emphasis, strikethrough: (what, their text).
    inline: Vec<(String, String)>,
}

fn structure(md: &str) -> Structure {
    let mut s = Structure::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut code: Option<(String, String)> = None;
    let mut inline: Vec<(String, String)> = Vec::new();
    let mut in_head = false;
    let mut cells = 0;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => s.headings.extend(heading.take()),
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => "indented".to_string(),
                };
                code = Some((info, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => s.code_blocks.extend(code.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                if let Some((_, c)) = code.as_mut() {
                    c.push_str(&t);
                }
                for (_, text) in inline.iter_mut() {
                    text.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => s.html.push(h.to_string()),
            Event::Start(Tag::Table(_)) => s.tables.push((0, Vec::new())),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                cells = 0;
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                if let Some(t) = s.tables.last_mut() {
                    t.0 = cells;
                }
            }
            Event::Start(Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableRow) if !in_head => {
                if let Some(t) = s.tables.last_mut() {
                    t.1.push(cells);
                }
            }
            Event::Start(
                tag @ (Tag::Link { .. } | Tag::Image { .. } | Tag::Emphasis | Tag::Strikethrough),
            ) => inline.push((format!("{tag:?}").chars().take(12).collect(), String::new())),
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::Emphasis | TagEnd::Strikethrough) => {
                s.inline.extend(inline.pop())
            }
            _ => {}
        }
    }
    s
}

/// Tables: every row has as many cells as its header.
fn assert_tables_whole(s: &Structure, md: &str) {
    for (head, rows) in &s.tables {
        assert!(
            rows.iter().all(|r| r == head),
            "a row with the wrong number of cells ({head} expected): {rows:?}\n{md}"
        );
    }
}

/// Only the `<br>` line breaks the document writes itself.
fn assert_no_user_html(s: &Structure, md: &str) {
    let stray: Vec<&String> = s.html.iter().filter(|h| h.trim() != "<br>").collect();
    assert!(stray.is_empty(), "HTML from user text: {stray:?}\n{md}");
}

/// The level 1 and 2 headings, in order.
fn outline(s: &Structure) -> Vec<String> {
    s.headings
        .iter()
        .filter(|(l, _)| *l <= HeadingLevel::H2)
        .map(|(_, t)| t.clone())
        .collect()
}

const OUTLINE: &[&str] = &[
    "When",
    "Summary",
    "Impact",
    "Root cause",
    "Trigger",
    "Detection",
    "Mitigation",
    "Fix",
    "Lessons learned",
    "What happened",
    "Investigation timeline",
    "Hypotheses",
    "Dead ends",
    "Actions",
    "Participants",
    "Attachments",
    "Evidence appendix",
];

/// A case with `text` in every kind of entry and in a run's command and output.
fn case_with(env: &TestEnv, text: &str) {
    env.ok(&["new", "Hostile input", "--slug", "hostile"]);
    env.ok(&["event", "--at", "2016-04-06T15:01:11-04:00", "deploy"]);
    env.ok(&["event", "--at", "2016-04-06T15:02:11-04:00", "--", text]);
    env.ok(&["hypo", "--", text]); // #3
    env.ok(&["ev", "--supports", "3", "--", text]); // #4
    env.ok(&["hypo", "--", text]); // #5
    env.ok(&["dead", "--of", "5", "--", text]); // #6
    env.ok(&["dead", "--", text]); // #7
    env.ok(&["note", "--", text]);
    env.ok(&["todo", "--", text]);
    env.ok(&["refute", "3", "--because", text]);
    let out = env
        .cmd()
        .args(["run", "--", "printf", "%s\\n", text])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

fn entries(env: &TestEnv) -> usize {
    env.json(&["log"]).as_array().unwrap().len()
}

#[test]
fn hostile_entry_text_changes_nothing() {
    for text in HOSTILE {
        let env = TestEnv::new();
        case_with(&env, text);
        env.ok(&[
            "close",
            "--summary",
            "s",
            "--impact",
            "i",
            "--root-cause",
            "r",
            "--trigger",
            "t",
            "--detection",
            "d",
            "--mitigation",
            "m",
            "--fix",
            "f",
            "--lessons",
            "l",
        ]);
        let md = env.ok(&["export"]);
        let s = structure(&md);
        assert_eq!(s.headings[0].1, "Hostile input", "{text:?}\n{md}");
        let expected: Vec<String> = std::iter::once("Hostile input")
            .chain(OUTLINE.iter().copied())
            .map(String::from)
            .collect();
        assert_eq!(outline(&s), expected, "{text:?}\n{md}");
        // Below level 2: only the document's own headings (hypothesis groups, runs).
        for (level, h) in s.headings.iter().filter(|(l, _)| *l > HeadingLevel::H2) {
            assert!(
                ["Confirmed", "Ruled out", "Still open"].contains(&h.as_str())
                    || h.starts_with('#'),
                "{level:?} heading {h:?} from user text {text:?}\n{md}"
            );
        }
        assert_tables_whole(&s, &md);
        // The clock, the timeline (one row per entry) and the participants.
        assert_eq!(s.tables.len(), 3, "{text:?}\n{md}");
        assert_eq!(s.tables[1].1.len(), entries(&env), "{text:?}\n{md}");
        assert_no_user_html(&s, &md);
        // Emphasis, links, images, strikethrough: only the document's own (`_None._`).
        let from_user: Vec<_> = s
            .inline
            .iter()
            .filter(|(_, t)| !t.trim().is_empty() && text.contains(t.trim()))
            .collect();
        assert!(from_user.is_empty(), "{text:?}: {from_user:?}\n{md}");
        // Code blocks: a multi-line command, the run's output; closed before the end.
        assert!(
            s.code_blocks
                .iter()
                .all(|(info, _)| info == "text" || info == "sh"),
            "{text:?}: {:?}\n{md}",
            s.code_blocks
        );
        let output = &s.code_blocks.last().expect("the run's output").1;
        assert!(
            output.contains(text.lines().last().unwrap_or("").trim_end_matches('\r')),
            "{text:?}: {output:?}"
        );
        for template in ["sre", "aar", "default"] {
            let md = env.ok(&["export", "--template", template]);
            let s = structure(&md);
            assert_tables_whole(&s, &md);
            assert_no_user_html(&s, &md);
            assert!(
                s.headings
                    .iter()
                    .all(|(_, h)| h.starts_with('#') || !h.contains("heading line")),
                "{template}: a heading from user text {text:?}\n{md}"
            );
        }
    }
}

#[test]
fn hostile_close_texts_cannot_swallow_the_document() {
    for text in HOSTILE_CLOSE {
        let env = TestEnv::new();
        case_with(&env, "plain text");
        env.ok(&[
            "close",
            "--summary",
            text,
            "--impact",
            text,
            "--root-cause",
            text,
            "--trigger",
            text,
            "--detection",
            text,
            "--mitigation",
            text,
            "--fix",
            text,
            "--lessons",
            text,
            "--went-well",
            text,
            "--went-wrong",
            text,
            "--lucky",
            text,
        ]);
        let md = env.ok(&["export"]);
        let s = structure(&md);
        let expected: Vec<String> = std::iter::once("Hostile input")
            .chain(OUTLINE.iter().copied())
            .map(String::from)
            .collect();
        assert_eq!(outline(&s), expected, "{text:?}\n{md}");
        // Headings the author wrote are demoted below the section they are in.
        for (level, h) in &s.headings {
            if ["Heading", "Subheading", "Deep"].contains(&h.as_str()) {
                assert!(*level >= HeadingLevel::H3, "{h} at {level:?}");
            }
        }
        assert_tables_whole(&s, &md);
        assert_no_user_html(&s, &md);
        // No code block runs into the document's own text.
        for (_, body) in &s.code_blocks {
            assert!(
                !body.contains("## ") && !body.contains("| Moment |"),
                "a fence swallowed the document ({text:?}):\n{md}"
            );
        }
        for template in ["sre", "aar", "default"] {
            let md = env.ok(&["export", "--template", template]);
            let s = structure(&md);
            assert_tables_whole(&s, &md);
            assert_no_user_html(&s, &md);
            let last = s
                .headings
                .last()
                .map(|(_, h)| h.clone())
                .unwrap_or_default();
            let want = match template {
                "sre" => "Supporting information",
                "aar" => "Follow-ups",
                _ => "Evidence appendix",
            };
            let has = s
                .headings
                .iter()
                .any(|(l, h)| *l == HeadingLevel::H2 && h == want);
            assert!(
                has,
                "{template}: {want} swallowed by {text:?} (last {last})\n{md}"
            );
            for (_, body) in &s.code_blocks {
                assert!(
                    !body.contains("## "),
                    "{template}: fence swallowed ({text:?}):\n{md}"
                );
            }
        }
    }
}

/// A document around a piece of entry text and a close text, as the postmortem builds it.
fn around(entry: &str, close: &str) -> String {
    format!(
        "# Title {}\n\n## Summary\n\n{}\n\n## Timeline\n\n| When | Entry |\n| --- | --- |\n| now | {} |\n\n- **#1** {}\n\n## End\n",
        markdown::text(entry, Place::Heading),
        markdown::block(close, 2),
        markdown::text(entry, Place::Cell),
        markdown::text(entry, Place::Line),
    )
}

/// Pieces that Markdown reads as syntax, joined into generated texts.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("```".to_string()),
        Just("~~~".to_string()),
        Just("````".to_string()),
        Just("`".to_string()),
        Just("``".to_string()),
        Just("<!--".to_string()),
        Just("<pre>".to_string()),
        Just("<details>".to_string()),
        Just("<b>".to_string()),
        Just(">>>".to_string()),
        Just(">".to_string()),
        Just("#".to_string()),
        Just("##".to_string()),
        Just("===".to_string()),
        Just("---".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("*".to_string()),
        Just("_".to_string()),
        Just("|".to_string()),
        Just("[x](y)".to_string()),
        Just("\\".to_string()),
        Just("&amp;".to_string()),
        Just("    ".to_string()),
        Just("  ".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        "[a-z]{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generated_text_never_changes_the_structure(
        entry in proptest::collection::vec(fragment(), 0..12).prop_map(|v| v.concat()),
        close in proptest::collection::vec(fragment(), 0..16).prop_map(|v| v.concat()),
    ) {
        let md = around(&entry, &close);
        let s = structure(&md);
        let own: Vec<String> = s
            .headings
            .iter()
            .filter(|(l, _)| *l <= HeadingLevel::H2)
            .map(|(_, t)| t.clone())
            .collect();
        prop_assert_eq!(own.len(), 4, "{}", md);
        prop_assert!(own[0].starts_with("Title"), "{}", md);
        prop_assert_eq!(&own[1..], &["Summary".to_string(), "Timeline".into(), "End".into()], "{}", md);
        prop_assert_eq!(s.tables.len(), 1, "{}", md);
        prop_assert_eq!(&s.tables[0], &(2, vec![2]), "{}", md);
        let stray: Vec<&String> = s.html.iter().filter(|h| h.trim() != "<br>").collect();
        prop_assert!(stray.is_empty(), "{:?}\n{}", stray, md);
        for (_, body) in &s.code_blocks {
            prop_assert!(!body.contains("## Timeline") && !body.contains("| now |"), "{}", md);
        }
    }

    #[test]
    fn generated_entry_text_is_shown_literally(
        entry in proptest::collection::vec(fragment(), 1..10).prop_map(|v| v.concat()),
    ) {
        // No emphasis, link or strikethrough element from entry text, in a cell or a line.
        let md = format!(
            "| a |\n| --- |\n| {} |\n\n- **#1** {}\n",
            markdown::text(&entry, Place::Cell),
            markdown::text(&entry, Place::Line)
        );
        let s = structure(&md);
        prop_assert!(s.inline.is_empty(), "{:?}\n{}", s.inline, md);
        prop_assert!(s.html.iter().all(|h| h.trim() == "<br>"), "{:?}\n{}", s.html, md);
        prop_assert_eq!(&s.tables, &vec![(1, vec![1])], "{}", md);
        prop_assert!(s.headings.is_empty(), "{}", md);
    }
}

/// A worked incident: two people, events marked good and bad, hypotheses settled both ways,
/// a dead end, a long note, a long `run` output, actions with owner, due and ticket, an
/// attachment, a retracted entry, and a close with the whole review.
fn worked_case(env: &TestEnv) {
    env.write_config("timezone = \"America/New_York\"\n[export]\nrun_lines = 6\n");
    let as_who = |who: &str, args: &[&str]| {
        let out = env
            .cmd()
            .env("CASEFILE_AUTHOR", who)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
    };
    let dana = |args: &[&str]| as_who("Dana Whitfield", args);
    let sam = |args: &[&str]| as_who("Sam Okafor", args);
    dana(&[
        "new",
        "Checkout 502s after the pool change",
        "--slug",
        "checkout",
        "--ticket",
        "INC-2231",
    ]);
    dana(&[
        "event",
        "--good",
        "--at",
        "2016-11-17T13:55:00-05:00",
        "last clean deploy check",
    ]); // #1
    dana(&[
        "event",
        "--at",
        "2016-11-17T14:02:00-05:00",
        "deploy: pool size 20 -> 10",
    ]); // #2
    dana(&[
        "event",
        "--bad",
        "--at",
        "2016-11-17T14:09:30-05:00",
        "first 502 on /pay",
    ]); // #3
    dana(&[
        "hypo",
        "--at",
        "2016-11-17T14:20:00-05:00",
        "the smaller pool runs dry under load",
    ]); // #4
    sam(&[
        "ev",
        "--supports",
        "4",
        "--at",
        "2016-11-17T14:25:00-05:00",
        "QueuePool limit of size 10 overflow 0 reached in 37 lines",
    ]); // #5
    sam(&[
        "hypo",
        "--at",
        "2016-11-17T14:30:00-05:00",
        "the payment provider is slow",
    ]); // #6
    sam(&[
        "dead",
        "--of",
        "6",
        "--at",
        "2016-11-17T14:40:00-05:00",
        "provider p99 is flat at 180 ms all afternoon",
    ]); // #7
    dana(&[
        "note",
        "--at",
        "2016-11-17T14:45:00-05:00",
        &"a long note about what the pool does when it is exhausted: ".repeat(8),
    ]); // #8
    let log: String = (1..=30)
        .map(|i| format!("2016-11-17 14:{i:02}:11 ERROR pool exhausted\n"))
        .collect();
    let file = env.work().join("checkout.log");
    std::fs::write(&file, &log).unwrap();
    let out = env
        .cmd()
        .env("CASEFILE_AUTHOR", "Sam Okafor")
        .args(["run", "--supports", "4", "--", "cat", "checkout.log"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}"); // #9
    dana(&["confirm", "4", "--because", "5"]);
    dana(&[
        "todo",
        "--owner",
        "Sam Okafor",
        "--due",
        "2016-11-24T17:00:00-05:00",
        "--ticket",
        "OPS-88",
        "alert on pool exhaustion",
    ]); // #10
    dana(&["todo", "--owner", "Dana Whitfield", "revert the pool size"]); // #11
    dana(&["done", "11"]);
    dana(&["note", "--file", file.to_str().unwrap(), "the checkout log"]); // #12
    dana(&["note", "written in the wrong case"]); // #13
    dana(&["retract", "13"]);
    dana(&[
        "close",
        "--summary",
        "Checkout returned 502s for 41 minutes after the pool was shrunk.",
        "--impact",
        "About 6% of payments failed; **no** data was lost.",
        "--root-cause",
        "The pool (10) was smaller than peak concurrency (14).",
        "--trigger",
        "Deploy `a41f9c` halved `pool_size`.",
        "--detection",
        "Customer reports, 12 minutes before the first alert.",
        "--mitigation",
        "Reverted the pool size at 14:50.",
        "--fix",
        "Size the pool from measured concurrency; alert on exhaustion.",
        "--lessons",
        "Config changes need the same canary as code.",
        "--went-well",
        "The `run` capture made the cause plain in minutes.",
        "--went-wrong",
        "No alert on pool exhaustion.",
        "--lucky",
        "It happened on a quiet afternoon.",
        "--started",
        "2016-11-17T14:09:30-05:00",
        "--detected",
        "2016-11-17T14:15:00-05:00",
        "--mitigated",
        "2016-11-17T14:50:00-05:00",
        "--resolved-at",
        "2016-11-18T10:00:00-05:00",
    ]);
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    // Times written now (case open/close, actions done, `run`) vary; those given do not.
    settings.add_filter(
        r"20[2-9]\d-(0[1-9]|1[0-2])-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}",
        "[TIME]",
    );
    settings.add_filter(
        r"case open \d+[smhdwy]( \d+[smhdwy])?",
        "case open [DURATION]",
    );
    // How long a hypothesis of the worked case stayed open depends on how fast the machine
    // wrote it (0s or 1s under load): the worked case sets no times for its state changes.
    settings.add_filter(r"_open \d+[smhdwy]( \d+[smhdwy])?;", "_open [DURATION];");
    settings.add_filter(r"after \d+ ms", "after [N] ms");
    settings.add_filter(r"\*\*Duration:\*\* \d+ ms", "**Duration:** [N] ms");
    settings
}

#[test]
fn a_worked_case_in_every_built_in_template() {
    let env = TestEnv::new();
    worked_case(&env);
    let default = env.ok(&["export"]);
    // The facts the issue asked for, in the streamed default.
    for wanted in [
        "- **Times:** in America/New_York (the configured time zone)",
        "| Detected | 2016-11-17 14:15:00 -05:00 | 5m (time to detect) |",
        "| Mitigated | 2016-11-17 14:50:00 -05:00 | 40m (time to mitigate) |",
        "| Resolved | 2016-11-18 10:00:00 -05:00 | 19h 50m (time to resolve) |",
        "between **#1** (last good, 2016-11-17 13:55:00 -05:00) and **#3** (first bad, 2016-11-17 14:09:30 -05:00): a window of 14m",
        "## Trigger\n\nDeploy `a41f9c` halved `pool_size`.",
        "### Where we got lucky\n\nIt happened on a quiet afternoon.",
        "alert on pool exhaustion — owner: Sam Okafor — ticket: OPS-88 — due: 2016-11-24 17:00:00 -05:00",
        "- [x] **#11** revert the pool size — owner: Dana Whitfield — done by Dana Whitfield",
        "| Sam Okafor | 4 | 1 hypothesis (1 refuted), 2 evidence (1 run), 1 dead end |",
        "| #12 | checkout.log | 1.2 KiB | `",
        "_… 24 lines left out; the whole output: `casefile show 9`._",
        "worked by Dana Whitfield, Sam Okafor",
        "… (whole under Entries in full)",
        "## Entries in full",
    ] {
        assert!(default.contains(wanted), "missing {wanted:?}:\n{default}");
    }
    assert!(
        !default.contains("wrong case"),
        "a retracted entry showed:\n{default}"
    );
    let settings = snapshot_settings();
    settings.bind(|| insta::assert_snapshot!("worked_default", default));
    for template in ["default", "sre", "aar"] {
        let path = format!(
            "docs/postmortem{}.md.j2",
            if template == "default" {
                String::new()
            } else {
                format!("-{template}")
            }
        );
        let md = env.ok(&[
            "export",
            "--template",
            &path.replace("docs/", &format!("{}/docs/", env!("CARGO_MANIFEST_DIR"))),
        ]);
        assert!(
            !md.contains("wrong case"),
            "{template}: a retracted entry showed:\n{md}"
        );
        let s = structure(&md);
        assert_tables_whole(&s, &md);
        assert_no_user_html(&s, &md);
        settings.bind(|| insta::assert_snapshot!(format!("worked_template_{template}"), md));
    }
}

#[test]
fn each_fact_once_after_a_reopen() {
    // A confirm reason stays the confirm's reason after reopen + dead end; the dead end is
    // the refutation's reason, listed once (under the hypothesis, not again as a dead end).
    let env = TestEnv::new();
    env.ok(&["new", "Reopened"]);
    env.ok(&["hypo", "the cache is stale"]); // #1
    env.ok(&["confirm", "1", "--because", "hit ratio dropped to 2 %"]); // #2
    env.ok(&["reopen", "1"]);
    env.ok(&["dead", "--of", "1", "flushing the cache changed nothing"]); // #3
    let md = env.ok(&["export"]);
    assert!(
        md.contains("  - Because: **#2** (evidence) hit ratio dropped to 2 %"),
        "{md}"
    );
    assert!(
        md.contains("  - Ruled out by: **#3** (dead-end) flushing the cache changed nothing"),
        "{md}"
    );
    assert!(!md.contains("Ruled out by: **#2**"), "{md}");
    assert!(!md.contains("For: **#2**"), "{md}");
    // Once in the table, once as the reason: the Dead ends section does not repeat it.
    assert_eq!(
        md.matches("flushing the cache changed nothing").count(),
        2,
        "{md}"
    );
    assert_eq!(md.matches("the cache is stale").count(), 2, "{md}");
}

#[test]
fn the_incident_keeps_its_start_and_end_when_capped() {
    let env = TestEnv::new();
    env.ok(&["new", "Many events"]);
    for i in 0..30 {
        let at = format!("2016-04-06T{:02}:{:02}:00-04:00", 8 + i / 60, i % 60);
        env.ok(&["event", "--at", &at, &format!("event number {i} happened")]);
    }
    let md = env.ok(&["export"]);
    let part = &md[md.find("## What happened").unwrap()..md.find("## Investigation").unwrap()];
    assert!(part.contains("event number 0 happened"), "{part}");
    assert!(part.contains("event number 11 happened"), "{part}");
    assert!(!part.contains("event number 12 happened"), "{part}");
    assert!(part.contains("- … 6 more events"), "{part}");
    assert!(part.contains("event number 18 happened"), "{part}");
    assert!(part.contains("event number 29 happened"), "{part}");
    // The table has all of them.
    assert!(
        md.contains("| event |  | event number 12 happened |"),
        "{md}"
    );
    // A retracted event is not counted, nor shown, at either end.
    env.ok(&["retract", "15"]);
    env.ok(&["retract", "30"]);
    let md = env.ok(&["export"]);
    let part = &md[md.find("## What happened").unwrap()..md.find("## Investigation").unwrap()];
    assert!(part.contains("- … 4 more events"), "{part}");
    assert!(!part.contains("event number 29 happened"), "{part}");
    assert!(part.contains("event number 17 happened"), "{part}");
    assert!(part.contains("event number 28 happened"), "{part}");
}
