//! Generator: gitleaks' rule file → `src/redact/rules.rs` (the data the build embeds).
//!
//! `cargo run --example gitleaks_rules` reads `data/gitleaks/gitleaks.toml` and rewrites
//! `src/redact/rules.rs`; `docs/secrets.md` says how to refresh the TOML from a newer gitleaks.
//!
//! Why an example rather than a script or build.rs: it uses the crate's own `toml` and `regex`
//! versions, so "converts" means "compiles with the regex engine casefile runs", checked here
//! and not only in a test; and unlike build.rs it does not run (or parse 200 KB of TOML) on
//! every build, and the generated file stays reviewable in git.
//!
//! What it keeps per rule: id, regex (converted), secretGroup, keywords, entropy and the
//! allowlists' regexes (with their target: secret, match or line), stop words and condition.
//! Paths are dropped: a capture has no file path (an allowlist that is only paths, or that ANDs
//! paths with other checks, can never apply and is dropped; a rule that gitleaks limits to
//! some file paths runs on all text, since a capture may be such a file's content). Every
//! rule or allowlist regex that is not converted is printed with the reason.
//!
//! Conversion from Go's RE2 to Rust's `regex`: both are RE2-style, and the rules compile as
//! byte regexes with Unicode off (`(?-u)`), which gives Go's ASCII meaning of `\w`, `\d`,
//! `\s` and `\b` and compiles several times faster. Go-only syntax is rewritten:
//! a `{` that opens no counted repetition is a literal in Go and is escaped; `\C` (any byte)
//! becomes `(?s-u:.)`; `\Q…\E` quoting is expanded to escaped literals. One deliberate
//! widening: the token terminator gitleaks appends to most rules also accepts `,)]}<>&|` and a `.` that ends a sentence
//! (see [`TOKEN_END`]), which follow tokens in logs and JSON, and a quote ends a bare
//! `curl -u user:pass` as a blank does. (JSON-escaped text is not
//! a widening of the rules: casefile runs them over each escaped JSON string unescaped too,
//! `src/redact/escaped.rs`.)

use std::fmt::Write as _;
use std::path::Path;

#[derive(serde::Deserialize)]
struct File {
    #[serde(default)]
    allowlist: Option<Allowlist>,
    #[serde(default)]
    allowlists: Vec<Allowlist>,
    rules: Vec<Rule>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: String,
    regex: Option<String>,
    #[serde(default)]
    secret_group: usize,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    entropy: f64,
    path: Option<String>,
    #[serde(default)]
    allowlists: Vec<Allowlist>,
}

#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Allowlist {
    #[serde(default)]
    regexes: Vec<String>,
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    commits: Vec<String>,
    regex_target: Option<String>,
    condition: Option<String>,
}

/// gitleaks' token terminator (`utils.GenerateUniqueTokenRegex`).
const TOKEN_END: &str = r#"(?:[\x60'"\s;]|\\[nr]|$)"#;

/// Go RE2 → Rust `regex` (byte regex, Unicode off). `Err` says why it cannot be converted.
fn convert(go: &str) -> Result<String, String> {
    let mut out = String::with_capacity(go.len() + 8);
    let mut chars = go.chars().peekable();
    let mut rest = go;
    while let Some(c) = chars.next() {
        let here = rest;
        rest = &rest[c.len_utf8()..];
        if c == '{' && !is_repetition(here) {
            // Go reads a `{` that opens no `{n}`, `{n,}` or `{n,m}` as a literal; Rust
            // rejects it.
            out.push_str("\\{");
            continue;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        if let Some(d) = chars.peek() {
            rest = &rest[d.len_utf8()..];
        }
        match chars.next() {
            Some('Q') => {
                // \Q…\E: everything literal up to \E (or the end).
                let mut lit = String::new();
                while let Some(d) = chars.next() {
                    rest = &rest[d.len_utf8()..];
                    if d == '\\' && chars.peek() == Some(&'E') {
                        chars.next();
                        rest = &rest[1..];
                        break;
                    }
                    lit.push(d);
                }
                out.push_str(&regex::escape(&lit));
            }
            Some('C') => out.push_str("(?s-u:.)"),
            Some(d) => {
                out.push('\\');
                out.push(d);
            }
            None => return Err("trailing backslash".to_owned()),
        }
    }
    // gitleaks ends most tokens with `(?:[\x60'"\s;]|\\[nr]|$)` (source code: a quote, a
    // blank, `;`). Captured output also puts `,`, `)`, `]`, `}`, `>`, `<`, `&` and `|` right
    // after a token (JSON, logs, URLs, markup), and a full stop before a blank or a quote, so those end
    // a token too (not any `.`: `video_box.ico-<32 hex>.png` is a file name).
    let out = out.replace(
        TOKEN_END,
        r#"(?:[\x60'"\s;,)\]}<>&|]|\.(?:[\s\x60'"]|\\[nr]|$)|\\[nr]|$)"#,
    );
    // `curl-auth-user` ends its bare `user:pass` at a blank or the text's end; a quote ends
    // it too (the string it was logged in: `{"cmd":"curl -u user:pass"}`).
    let out = out.replace(r"(?:\s|\z)", r#"(?:[\s'"\x60]|\z)"#);
    let rust = format!("(?-u){out}");
    regex::bytes::RegexBuilder::new(&rust)
        .size_limit(1 << 24)
        .build()
        .map_err(|e| e.to_string().replace('\n', " "))?;
    Ok(out)
}

/// Whether `s` (starting at `{`) opens a counted repetition.
fn is_repetition(s: &str) -> bool {
    let Some(body) = s.strip_prefix('{').and_then(|b| b.split_once('}')) else {
        return false;
    };
    let (min, max) = body.0.split_once(',').unwrap_or((body.0, "0"));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    !min.is_empty() && digits(min) && digits(max)
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| lit(s)).collect();
    format!("&[{}]", inner.join(", "))
}

/// The allowlist as Rust, or `None` when it can never apply to a capture.
fn allowlist(a: &Allowlist, skipped: &mut Vec<String>, owner: &str) -> Option<String> {
    let and = a
        .condition
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case("and"));
    let has_other = !a.regexes.is_empty() || !a.stopwords.is_empty();
    if (!a.paths.is_empty() || !a.commits.is_empty()) && (and || !has_other) {
        return None;
    }
    if !has_other {
        return None;
    }
    let target = match a.regex_target.as_deref() {
        None | Some("secret") => "Target::Secret",
        Some("match") => "Target::Match",
        Some("line") => "Target::Line",
        Some(other) => {
            skipped.push(format!(
                "{owner}: allowlist with regexTarget {other:?} dropped"
            ));
            return None;
        }
    };
    let mut regexes = Vec::new();
    for r in &a.regexes {
        match convert(r) {
            Ok(c) => regexes.push(c),
            Err(e) => skipped.push(format!("{owner}: allowlist regex {r:?} dropped: {e}")),
        }
    }
    let stopwords: Vec<String> = a.stopwords.iter().map(|s| s.to_lowercase()).collect();
    Some(format!(
        "Allow {{ target: {target}, and: {and}, regexes: {}, stopwords: {} }}",
        list(&regexes),
        list(&stopwords)
    ))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = std::env::args()
        .nth(1)
        .map_or_else(|| root.join("data/gitleaks/gitleaks.toml"), Into::into);
    let output = root.join("src/redact/rules.rs");
    let file: File = toml::from_str(&std::fs::read_to_string(&input)?)?;

    let mut skipped = Vec::new();
    let mut out = String::new();
    out.push_str(
        "// @generated by `cargo run --example gitleaks_rules` from data/gitleaks/gitleaks.toml.\n\
         // Do not edit: change the generator (examples/gitleaks_rules.rs) or refresh the TOML\n\
         // (docs/secrets.md).\n\
         //\n\
         // The rules are gitleaks' (https://github.com/gitleaks/gitleaks, config/gitleaks.toml),\n\
         // MIT License, Copyright (c) 2019 Zachary Rice; see data/gitleaks/LICENSE.\n\n\
         use super::gitleaks::{Allow, Rule, Target};\n\n",
    );

    let globals: Vec<&Allowlist> = file.allowlist.iter().chain(&file.allowlists).collect();
    out.push_str("/// The global allowlists (checked for every rule).\n");
    out.push_str("pub(super) static GLOBAL_ALLOW: &[Allow] = &[\n");
    for a in globals {
        if let Some(a) = allowlist(a, &mut skipped, "global") {
            let _ = writeln!(out, "    {a},");
        }
    }
    out.push_str("];\n\n");

    out.push_str("/// The rules, in gitleaks' order.\n");
    out.push_str("pub(super) static RULES: &[Rule] = &[\n");
    let mut kept = 0;
    for r in &file.rules {
        let Some(regex) = &r.regex else {
            skipped.push(format!("{}: no regex (a file-path-only rule)", r.id));
            continue;
        };
        if let Some(p) = &r.path {
            // gitleaks runs these only on files matching `path`; a capture has no path but
            // may well be such a file's text (`cat main.tf`), so the rule runs everywhere.
            println!(
                "note: {} is limited to files matching {p:?} in gitleaks; kept",
                r.id
            );
        }
        if r.keywords.is_empty() {
            skipped.push(format!("{}: no keywords (would run on every text)", r.id));
            continue;
        }
        let regex = match convert(regex) {
            Ok(c) => c,
            Err(e) => {
                skipped.push(format!("{}: regex does not convert: {e}", r.id));
                continue;
            }
        };
        let allows: Vec<String> = r
            .allowlists
            .iter()
            .filter_map(|a| allowlist(a, &mut skipped, &r.id))
            .collect();
        let keywords: Vec<String> = r.keywords.iter().map(|k| k.to_lowercase()).collect();
        let _ = writeln!(
            out,
            "    Rule {{\n        id: {},\n        regex: {},\n        secret_group: {},\n        \
             keywords: {},\n        entropy: {:?},\n        allow: &[{}],\n    }},",
            lit(&r.id),
            lit(&regex),
            r.secret_group,
            list(&keywords),
            r.entropy,
            allows.join(", "),
        );
        kept += 1;
    }
    out.push_str("];\n");
    std::fs::write(&output, out)?;
    println!(
        "{} of {} rules written to {}",
        kept,
        file.rules.len(),
        output.display()
    );
    for s in &skipped {
        println!("not converted: {s}");
    }
    Ok(())
}
