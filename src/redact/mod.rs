//! Redaction of secrets in captured text.
//!
//! Everything casefile captures (arguments, stdin, command output, text
//! attachments) passes through [`Redactor::redact`] before it is stored, unless
//! the capture was made with `--no-redact`. Secrets are replaced by
//! `[REDACTED:<kind>]`; `[[redact.pattern]]` entries in the config add named
//! patterns ([`Redactor::with_custom`]). `docs/secrets.md` is the user's view.
//!
//! # Rules
//!
//! - gitleaks' rule set (`gitleaks.rs`, the data in `rules.rs` generated from
//!   `data/gitleaks/gitleaks.toml` by `cargo run --example gitleaks_rules`): the
//!   kind is the gitleaks rule id.
//! - casefile's own rules (`RULES`): private keys (also cut short), JWTs, AWS
//!   keys, URL credentials, `Authorization: Bearer|Basic`, the older token
//!   shapes as a backstop where gitleaks' entropy thresholds let one pass, and
//!   the secret-named assignments (`KV_TEMPLATE`, checks in `assign.rs`).
//!
//! # Cost model
//!
//! Compiling all rules costs far more than a small write's whole budget. So
//! nothing is compiled up front:
//!
//! 1. One Aho–Corasick pass over gitleaks' keywords (`gitleaks::candidates`)
//!    and casefile's keyword pre-check (`pre_check`) pick the rules whose
//!    keywords occur, with a cheap context check where a keyword is an ordinary
//!    word (`password` counts only when an assignment follows), so prose such
//!    as "the password was wrong" leaves every regex uncompiled.
//! 2. Only those rules' regexes are compiled, each once per process. They are
//!    byte regexes with Unicode off (ASCII classes, as Go's), which compile
//!    several times faster.
//! 3. Each rule's secrets are collected against the same text; overlapping ones
//!    merge and take the kind of the most specific rule (`priority`), and the
//!    output is built once.
//!
//! Clean text therefore compiles no regex and allocates nothing: the result is
//! `Cow::Borrowed`.
//!
//! # Output shape
//!
//! Only the secret itself is replaced; the surrounding context stays readable:
//! `Authorization: Bearer [REDACTED:bearer-token]`, `password=[REDACTED:password]`,
//! `"api_key": "[REDACTED:api-key]"`, `GITHUB_TOKEN=[REDACTED:github-pat]`, and
//! for credentials in URLs the scheme, user and host stay while the password
//! goes: `https://user:[REDACTED:url-credentials]@host/path`. A private key is
//! replaced whole, from `-----BEGIN` to `-----END … PRIVATE KEY-----` (or, if the
//! capture was cut short, to the last key line).
//!
//! Redaction is idempotent: text inside an existing `[REDACTED:<kind>]` marker is
//! never matched again.
//!
//! # Attribution
//!
//! The rules in `rules.rs` and `data/gitleaks/` are gitleaks'
//! (<https://github.com/gitleaks/gitleaks>, MIT License, Copyright (c) 2019
//! Zachary Rice); several of casefile's own regexes are adapted from them. The
//! table layout of `RULES` (kind, keywords, regex, samples that must match)
//! follows atuin's `crates/atuin-client/src/secrets.rs` (MIT License).
//!
//! # Limits
//!
//! Heuristics, not a guarantee. A bare password on its own line, `-p hunter2` or
//! a YAML block scalar is stored as is. Values that look like code or
//! placeholders are left alone: `password: &str`, `token=self.token`, type
//! names, `$VAR`/`${VAR}` references, `****` and `xxxxxxxx` masks,
//! `<your-token>`, and common log words (`token: expired`).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use regex::bytes::Regex as BytesRegex;

mod assign;
#[cfg(test)]
mod coverage;
mod escaped;
mod gitleaks;
mod rules;
use regex::Regex;

/// A redaction pattern from the config (`[[redact.pattern]] name = … regex = …`).
#[derive(Clone, Debug, PartialEq)]
pub struct CustomPattern {
    /// Shown in the marker: `[REDACTED:<name>]`.
    pub name: String,
    /// Regex (Rust `regex` syntax). If it has a group named `secret`, only that
    /// group is redacted; else if it has any group, the first; else the match.
    pub regex: String,
}

/// Errors from building a [`Redactor`].
#[derive(Debug, thiserror::Error)]
pub enum RedactError {
    #[error("invalid redaction pattern \"{name}\": {message}")]
    InvalidPattern { name: String, message: String },
}

/// Replaces secrets in captured text with `[REDACTED:<kind>]`.
///
/// Cheap to build: the built-in rules are compiled lazily, once per process,
/// and only when their keywords occur in text being redacted.
pub struct Redactor {
    custom: Vec<CompiledCustom>,
    /// How many times this redactor ran a built-in regex (each run needs it
    /// compiled); see [`Redactor::builtin_regex_runs`].
    builtin_runs: AtomicUsize,
}

struct CompiledCustom {
    name: String,
    regex: Regex,
    /// Capture group holding the secret: `secret` if named, else 1, else 0.
    group: usize,
}

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Redactor")
            .field(
                "custom",
                &self
                    .custom
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Default for Redactor {
    fn default() -> Self {
        Redactor::builtin()
    }
}

/// Regexes compiled so far in this process (built-in and custom).
pub(super) static COMPILED: AtomicUsize = AtomicUsize::new(0);

/// Longest custom pattern name (keeps markers recognisable, see [`marker_end`]).
const MAX_NAME_LEN: usize = 64;

impl Redactor {
    /// Built-in rules only; compiles nothing up front.
    pub fn builtin() -> Redactor {
        Redactor {
            custom: Vec::new(),
            builtin_runs: AtomicUsize::new(0),
        }
    }

    /// Built-in rules plus config patterns. The config patterns are compiled
    /// now; an invalid one (bad regex, or a name that is empty, longer than 64
    /// bytes or not made of letters, digits, `-`, `_` and `.`) is an error
    /// naming it. Config patterns run first, on every text, and their kind is
    /// their name: `[REDACTED:<name>]`.
    pub fn with_custom(custom: &[CustomPattern]) -> Result<Redactor, RedactError> {
        let mut compiled = Vec::with_capacity(custom.len());
        for p in custom {
            if p.name.is_empty() || p.name.len() > MAX_NAME_LEN || !p.name.bytes().all(is_name_byte)
            {
                return Err(RedactError::InvalidPattern {
                    name: p.name.clone(),
                    message: "the name must be 1 to 64 letters, digits, '-', '_' or '.'".to_owned(),
                });
            }
            let regex = Regex::new(&p.regex).map_err(|e| RedactError::InvalidPattern {
                name: p.name.clone(),
                message: e.to_string(),
            })?;
            COMPILED.fetch_add(1, Ordering::Relaxed);
            let group = regex
                .capture_names()
                .position(|n| n == Some("secret"))
                .unwrap_or(if regex.captures_len() > 1 { 1 } else { 0 });
            compiled.push(CompiledCustom {
                name: p.name.clone(),
                regex,
                group,
            });
        }
        Ok(Redactor {
            custom: compiled,
            builtin_runs: AtomicUsize::new(0),
        })
    }

    /// Replace every secret with `[REDACTED:<kind>]`. Borrowed when nothing
    /// matched (clean text allocates nothing and compiles no regex).
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.redact_impl(text, false)
    }

    /// How many regexes have been compiled so far in this process (built-in
    /// rules compiled on demand plus custom patterns).
    pub fn compiled_count() -> usize {
        COMPILED.load(Ordering::Relaxed)
    }

    /// How many times this redactor has run a built-in rule's regex. Every run
    /// needs the regex compiled, so a count that stays at zero over a text
    /// shows that text compiled nothing (independent of other threads).
    pub fn builtin_regex_runs(&self) -> usize {
        self.builtin_runs.load(Ordering::Relaxed)
    }

    /// The kinds the built-in rules produce, in priority order.
    pub fn builtin_kinds() -> impl Iterator<Item = &'static str> {
        let mut seen = std::collections::HashSet::new();
        gitleaks::ids()
            .chain(RULES.iter().map(|r| r.kind))
            .filter(move |k| seen.insert(*k))
    }

    /// `force_all` skips the pre-check and runs every rule (the tests compare
    /// both paths).
    fn redact_impl<'a>(&self, text: &'a str, force_all: bool) -> Cow<'a, str> {
        let mut out = Cow::Borrowed(text);
        for c in &self.custom {
            let replaced = replace_custom(&out, c);
            if let Some(s) = replaced {
                out = Cow::Owned(s);
            }
        }
        // As `candidates`, spelled out: this is every clean write's path.
        let active = if force_all {
            ALL_RULES
        } else {
            pre_check(&out)
        };
        let (gl, hits) = if force_all {
            (vec![u64::MAX; gitleaks::len().div_ceil(64)], Vec::new())
        } else {
            gitleaks::candidates_with_hits(out.as_bytes())
        };
        if active == 0 && gl.iter().all(|&w| w == 0) {
            return out;
        }
        let base: &str = &out;
        let mut spans = Vec::new();
        self.collect(base, active, &gl, &hits, &mut spans);
        // A secret inside a JSON string value (`\"`, `\\` in its context): the rules
        // also run over the string as it held the text, and their secrets map back.
        if let Some(view) = escaped::View::of(base) {
            let (active, gl, hits) = candidates(&view.text, force_all);
            let mut found = Vec::new();
            self.collect(&view.text, active, &gl, &hits, &mut found);
            let mut ranges = Vec::new();
            for s in found {
                ranges.clear();
                view.original(s.start..s.end, &mut ranges);
                spans.extend(ranges.iter().map(|r| Span {
                    start: r.start,
                    end: r.end,
                    rule: s.rule,
                }));
            }
        }
        match build_output(base, spans) {
            Some(s) => Cow::Owned(s),
            None => out,
        }
    }

    /// Run the rules picked by [`candidates`] over `base` and add their secrets to `spans`.
    fn collect(
        &self,
        base: &str,
        active: u32,
        gl: &[u64],
        hits: &[Vec<usize>],
        spans: &mut Vec<Span>,
    ) {
        let has_markers = base.contains(MARKER_OPEN);
        let mut found = Vec::new();
        for g in 0..gitleaks::len() {
            if gitleaks::is_candidate(gl, g) {
                self.builtin_runs.fetch_add(1, Ordering::Relaxed);
                found.clear();
                match hits.get(g) {
                    Some(h) => gitleaks::find_near(g, base.as_bytes(), h, &mut found),
                    None => gitleaks::find(g, base.as_bytes(), &mut found),
                }
                for r in &found {
                    let span = snap_to_chars(base, r.clone());
                    if has_markers && overlaps_marker(base, &span) {
                        continue;
                    }
                    spans.push(Span {
                        start: span.start,
                        end: span.end,
                        rule: g,
                    });
                }
            }
        }
        for i in 0..N_RULES {
            if active & (1 << i) != 0 {
                self.builtin_runs.fetch_add(1, Ordering::Relaxed);
                collect_spans(i, builtin_regex(i), base, has_markers, spans);
            }
        }
    }
}

/// The rules that may match `text`: casefile's (a bit set) and gitleaks' (a bit set, and
/// where their keywords occur). `force_all` picks every rule (the tests compare both).
#[allow(clippy::type_complexity)]
fn candidates(text: &str, force_all: bool) -> (u32, Vec<u64>, Vec<Vec<usize>>) {
    if force_all {
        return (
            ALL_RULES,
            vec![u64::MAX; gitleaks::len().div_ceil(64)],
            Vec::new(),
        );
    }
    let active = pre_check(text);
    let (gl, hits) = gitleaks::candidates_with_hits(text.as_bytes());
    (active, gl, hits)
}

// ---------------------------------------------------------------------------
// Replacement

const MARKER_OPEN: &str = "[REDACTED:";

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'
}

/// If a marker `[REDACTED:<name>]` starts at `start`, where it ends.
fn marker_end(text: &str, start: usize) -> Option<usize> {
    let rest = text.get(start..)?.strip_prefix(MARKER_OPEN)?;
    let name_len = rest
        .bytes()
        .take(MAX_NAME_LEN + 1)
        .take_while(|&b| is_name_byte(b))
        .count();
    if name_len == 0 || name_len > MAX_NAME_LEN || rest.as_bytes().get(name_len) != Some(&b']') {
        return None;
    }
    Some(start + MARKER_OPEN.len() + name_len + 1)
}

/// Whether `span` overlaps an existing `[REDACTED:<name>]` marker.
fn overlaps_marker(text: &str, span: &Range<usize>) -> bool {
    first_marker_overlapping(text, span).is_some()
}

/// The start of the first `[REDACTED:<name>]` marker overlapping `span`.
fn first_marker_overlapping(text: &str, span: &Range<usize>) -> Option<usize> {
    const LONGEST: usize = MARKER_OPEN.len() + MAX_NAME_LEN + 1;
    let mut lo = span.start.saturating_sub(LONGEST);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    // A marker starting before `span.end` may open past it.
    let mut hi = (span.end + MARKER_OPEN.len() - 1).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let window = text.get(lo..hi)?;
    if !window.as_bytes().contains(&b'[') {
        return None;
    }
    window
        .match_indices(MARKER_OPEN)
        .map(|(i, _)| lo + i)
        .find(|&start| {
            marker_end(text, start).is_some_and(|end| start < span.end && span.start < end)
        })
}

fn push_marker(out: &mut String, kind: &str) {
    out.push_str(MARKER_OPEN);
    out.push_str(kind);
    out.push(']');
}

/// Apply one config pattern. `None` when nothing was replaced.
fn replace_custom(text: &str, c: &CompiledCustom) -> Option<String> {
    let mut out: Option<String> = None;
    let mut last = 0;
    for caps in c.regex.captures_iter(text) {
        let Some(span) = caps.get(c.group).or_else(|| caps.get(0)).map(|m| m.range()) else {
            continue;
        };
        if span.is_empty() || span.start < last || overlaps_marker(text, &span) {
            continue;
        }
        let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 32));
        o.push_str(&text[last..span.start]);
        push_marker(o, &c.name);
        last = span.end;
    }
    let mut o = out?;
    o.push_str(&text[last..]);
    Some(o)
}

/// A secret found by built-in rule `rule`.
struct Span {
    start: usize,
    end: usize,
    rule: usize,
}

/// Run built-in rule `rule` over `text` and keep the accepted secrets. After a
/// rejected match the search resumes one character after its start, so a
/// rejected candidate never hides a secret it overlaps.
fn collect_spans(
    rule: usize,
    compiled: &'static CompiledRule,
    text: &str,
    has_markers: bool,
    spans: &mut Vec<Span>,
) {
    let mut at = 0;
    // Searches normally see the whole text; a match whose secret runs into an
    // existing marker is retried once on the text cut at that marker (so the
    // truncated private key before a marker is still found).
    let mut limit = text.len();
    while at <= limit {
        let Some(hay) = text.get(..limit) else {
            break;
        };
        let Some(m) = compiled.regex.find_at(hay.as_bytes(), at) else {
            if limit < text.len() {
                (at, limit) = (next_boundary(text, at), text.len());
                continue;
            }
            break;
        };
        let found = locate(rule, compiled, hay, m.range())
            .filter(|f| !f.secret.is_empty() && f.value().is_some() && (RULES[rule].accept)(f));
        let marker = |f: &Found<'_>| {
            if has_markers {
                first_marker_overlapping(text, &f.secret)
            } else {
                None
            }
        };
        match found.map(|f| (marker(&f), f)) {
            Some((None, f)) => {
                spans.push(Span {
                    start: f.secret.start,
                    end: f.secret.end,
                    rule: gitleaks::len() + rule,
                });
                at = m.end().max(at + 1);
                limit = text.len();
            }
            Some((Some(marker), _)) if marker > m.start() && limit == text.len() => {
                (at, limit) = (m.start(), marker);
            }
            _ => (at, limit) = (next_boundary(text, m.start()), text.len()),
        }
    }
}

/// The first char boundary after `i`.
fn next_boundary(text: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < text.len() && !text.is_char_boundary(j) {
        j += 1;
    }
    j
}

/// A match of a built-in rule, split into its parts.
#[derive(Clone, Debug, PartialEq)]
struct Found<'h> {
    hay: &'h str,
    whole: Range<usize>,
    /// Name of the secret's group (`secret`, `secret_dq`, `secret_arg`, …).
    group: &'h str,
    secret: Range<usize>,
    /// Key/value rules: the keyword (and `_key` suffix) and whether a quote
    /// closes the key.
    key: Option<Range<usize>>,
    key_quoted: bool,
}

impl Found<'_> {
    /// The secret's text. Spans always fall on char boundaries (every class
    /// boundary in the rules is an ASCII byte); `get` keeps that an invariant
    /// rather than a panic.
    fn value(&self) -> Option<&str> {
        self.hay.get(self.secret.clone())
    }
}

/// Split the match `whole` of rule `rule`: by the rule's [`Split`] when it has
/// one (no capture engine, which costs far more than finding the match), else
/// with the regex's capture groups.
fn locate<'h>(
    rule: usize,
    compiled: &'static CompiledRule,
    hay: &'h str,
    whole: Range<usize>,
) -> Option<Found<'h>> {
    split_fast(rule, hay, whole.clone()).or_else(|| locate_by_captures(compiled, hay, whole))
}

/// The [`Split`] of rule `rule` applied to its match `whole`.
fn split_fast(rule: usize, hay: &str, whole: Range<usize>) -> Option<Found<'_>> {
    match RULES[rule].split {
        Split::Whole => Some(Found {
            hay,
            whole: whole.clone(),
            group: "secret",
            secret: whole.clone(),
            key: None,
            key_quoted: false,
        }),
        Split::Bearer => split_bearer(hay, whole.clone()),
        Split::KeyValue => split_key_value(hay, whole.clone(), RULES[rule].keywords),
        Split::Captures => None,
    }
}

fn locate_by_captures<'h>(
    compiled: &'static CompiledRule,
    hay: &'h str,
    whole: Range<usize>,
) -> Option<Found<'h>> {
    // From the match's start, the leftmost-first match is the same match.
    let caps = compiled.regex.captures_at(hay.as_bytes(), whole.start)?;
    let (m, name) = compiled
        .secret_groups
        .iter()
        .find_map(|(idx, name)| caps.get(*idx).map(|m| (m, name.as_str())))?;
    Some(Found {
        hay,
        whole: caps.get(0)?.range(),
        group: name,
        secret: m.range(),
        key: caps.name("key").map(|k| k.range()),
        key_quoted: caps.name("kq").is_some(),
    })
}

/// `bearer` + blanks + secret (the regex matched, so the shape holds).
fn split_bearer(hay: &str, whole: Range<usize>) -> Option<Found<'_>> {
    let b = hay.as_bytes();
    let mut j = whole.start + "bearer".len();
    while j < whole.end && matches!(b[j], b' ' | b'\t') {
        j += 1;
    }
    Some(Found {
        hay,
        whole: whole.clone(),
        group: "secret",
        secret: j..whole.end,
        key: None,
        key_quoted: false,
    })
}

/// Split a [`KV_TEMPLATE`] match by walking its structure, which the template
/// keeps deterministic (each step is decided by the next byte); a test checks
/// this against the capture groups. `None` falls back to the groups.
fn split_key_value<'h>(
    hay: &'h str,
    whole: Range<usize>,
    keywords: &[Keyword],
) -> Option<Found<'h>> {
    let b = hay.as_bytes();
    let (s, e) = (whole.start, whole.end);
    let kw = keywords
        .iter()
        .filter(|k| starts_with_ci(b, s, k.text.as_bytes()))
        .map(|k| k.text.len())
        .max()?;
    let mut j = s + kw;
    if starts_with_ci(b, j, b"key") {
        j += 3;
    } else if matches!(b.get(j), Some(b'_' | b'-')) && starts_with_ci(b, j + 1, b"key") {
        j += 4;
    }
    let key = s..j;
    let mut key_quoted = false;
    if b.get(j) == Some(&b'\\') && matches!(b.get(j + 1), Some(b'"' | b'\'')) {
        j += 2;
        key_quoted = true;
    } else if matches!(b.get(j), Some(b'"' | b'\'')) {
        j += 1;
        key_quoted = true;
    }
    // `ENV["X"] =`
    let bracket = b.get(j) == Some(&b']');
    if bracket {
        j += 1;
    }
    let blanks_from = j;
    while j < e && matches!(b[j], b' ' | b'\t') {
        j += 1;
    }
    // Go's `var token string = …` (only when an operator follows; else `string` is a flag's
    // value).
    if j > blanks_from && b.get(j..j + 6) == Some(b"string") {
        let mut k = j + 6;
        while k < e && matches!(b[k], b' ' | b'\t') {
            k += 1;
        }
        if assign::operator_end(b, k).is_some_and(|o| o <= e) {
            j = k;
        }
    }
    let found = |group: &'static str, secret: Range<usize>| {
        (secret.start <= secret.end && secret.end <= e).then(|| Found {
            hay,
            whole: whole.clone(),
            group,
            secret,
            key: Some(key.clone()),
            key_quoted,
        })
    };
    let j_before_op = j;
    match assign::operator_end(b, j).filter(|&o| o <= e) {
        Some(o) => {
            j = o;
            while j < e && matches!(b[j], b' ' | b'\t') {
                j += 1;
            }
            let starts_value = match b.get(j)? {
                b'"' | b'\'' | b'`' => true,
                b'\\' => matches!(b.get(j + 1), Some(b'"')),
                c => {
                    !is_kv_terminator(*c)
                        && !matches!(c, b':' | b'=' | b'$' | b'|' | b'(' | b'{' | b'[' | b'>')
                }
            };
            if !starts_value {
                // No value after the operator: the regex falls back to `--key value`.
                return (o > blanks_from && blanks_from < j_before_op && !bracket)
                    .then(|| found("secret_arg", j_before_op..e))
                    .flatten();
            }
            match b.get(j)? {
                b'`' => found("secret_bq", j + 1..e.checked_sub(1)?),
                b'\\' => found("secret_esc", j + 2..e.checked_sub(2)?),
                b'"' => found("secret_dq", j + 1..e.checked_sub(1)?),
                b'\'' => found("secret_sq", j + 1..e.checked_sub(1)?),
                _ => {
                    let terminated = e > j && is_kv_terminator(b[e - 1]);
                    let end = if terminated { e - 1 } else { e };
                    // The template's bare value cannot hold these bytes: where the match
                    // has one, the regex took the `key value` branch instead.
                    let bare = b.get(j + 1..end).is_some_and(|v| {
                        !v.iter()
                            .any(|c| c.is_ascii_whitespace() || b"\"'`,;&(){}[]<>\\".contains(c))
                    });
                    if !bare {
                        return (o > blanks_from && blanks_from < j_before_op && !bracket)
                            .then(|| found("secret_arg", j_before_op..e))
                            .flatten();
                    }
                    found("secret", j..end)
                }
            }
        }
        None if j > blanks_from && !bracket => found("secret_arg", j..e),
        None => None,
    }
}

/// Bytes that end a bare key/value value (the template's terminator class).
fn is_kv_terminator(c: u8) -> bool {
    matches!(
        c,
        b' ' | b'\t'
            | b'\n'
            | 0x0b
            | 0x0c
            | b'\r'
            | b','
            | b';'
            | b'&'
            | b'"'
            | b'\''
            | b'`'
            | b')'
            | b'}'
            | b']'
            | b'<'
            | b'\\'
    )
}

/// The kind shown for span rule index `rule`: gitleaks' rules first, then [`RULES`].
fn kind_of(rule: usize) -> &'static str {
    match rule.checked_sub(gitleaks::len()) {
        None => gitleaks::id(rule),
        Some(i) => RULES.get(i).map_or("secret", |r| r.kind),
    }
}

/// Which kind a merged secret takes (lowest first): private keys and authorization
/// headers, then gitleaks' rules (a token's own name beats the key it is assigned to:
/// `GITHUB_TOKEN=[REDACTED:github-pat]`), then casefile's older token shapes (a backstop for
/// tokens gitleaks' entropy or allowlists let pass, such as AWS's documented example key),
/// URL credentials and key/value rules (`client_secret: [REDACTED:secret]`), and last
/// gitleaks' generic rule.
fn priority(rule: usize) -> usize {
    match rule.checked_sub(gitleaks::len()) {
        // gitleaks' generic rules name no token: any specific rule says more.
        None if gitleaks::id(rule).starts_with("generic") => 2000,
        None => 100 + rule,
        Some(i) => match RULES.get(i) {
            // Whole blocks and authorization headers: their own kind, as before.
            Some(r)
                if matches!(
                    r.kind,
                    "private-key" | "jwt" | "bearer-token" | "basic-auth"
                ) =>
            {
                i
            }
            Some(r) if r.split != Split::KeyValue && r.kind != "url-credentials" => 500 + i,
            _ => 1000 + i,
        },
    }
}

/// Whether `next` continues a secret-named assignment's value that ended at `end` (only
/// blanks between, one of the two from a key/value rule, the other a token shape):
/// `FLY_API_TOKEN: FlyV1 fm2_…` is one secret, the scheme word included.
fn joins_value(text: &str, end: usize, next: &Span, rule: usize) -> bool {
    let is_kv = |r: usize| {
        r.checked_sub(gitleaks::len())
            .and_then(|i| RULES.get(i))
            .is_some_and(|r| r.split == Split::KeyValue)
    };
    next.start >= end
        && is_kv(rule) != is_kv(next.rule)
        && text
            .as_bytes()
            .get(end..next.start)
            .is_some_and(|gap| !gap.is_empty() && gap.iter().all(|&b| b == b' ' || b == b'\t'))
}

/// `r` adjusted so that replacing it keeps JSON valid: a marker never cuts an escape (the
/// backslash of one cut at the end stays out, of one cut at the start goes in), and never
/// takes the closing quote of a string it does not open (a rule whose match ends with the
/// byte after the token: `…(?:[^a-zA-Z0-9+/]|\z)`). Only ASCII bytes move: char
/// boundaries stay.
fn json_safe(b: &[u8], mut r: Range<usize>) -> Range<usize> {
    // Whether the byte at `i` is escaped: an odd run of backslashes before it.
    let escaped = |i: usize| {
        b.get(..i)
            .is_some_and(|before| before.iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 1)
    };
    if r.end > r.start + 1
        && b.get(r.end - 1) == Some(&b'"')
        && b.get(r.start) != Some(&b'"')
        && !escaped(r.end - 1)
    {
        r.end -= 1;
    }
    if r.end > r.start && r.end < b.len() && escaped(r.end) {
        r.end -= 1;
    }
    if r.start > 0 && r.start < r.end && escaped(r.start) {
        r.start -= 1;
    }
    r
}

/// `r` widened to char boundaries (byte regexes may cut a multi-byte char).
fn snap_to_chars(text: &str, r: Range<usize>) -> Range<usize> {
    let (mut s, mut e) = (r.start.min(text.len()), r.end.min(text.len()));
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    s..e
}

/// Replace the spans (overlapping ones merged, kind of the earliest rule).
/// `None` when there are none.
fn build_output(text: &str, mut spans: Vec<Span>) -> Option<String> {
    if spans.is_empty() {
        return None;
    }
    // Each rule's spans are already sorted, so the stable (run-merging) sort
    // is cheap.
    spans.sort_by_key(|s| (s.start, s.rule));
    let mut out = String::with_capacity(text.len() + 32);
    let mut last = 0;
    let mut i = 0;
    while i < spans.len() {
        let start = spans[i].start;
        let mut end = spans[i].end;
        let mut rule = spans[i].rule;
        i += 1;
        while i < spans.len() && (spans[i].start < end || joins_value(text, end, &spans[i], rule)) {
            end = end.max(spans[i].end);
            if priority(spans[i].rule) < priority(rule) {
                rule = spans[i].rule;
            }
            i += 1;
        }
        let Range { start, end } = json_safe(text.as_bytes(), start.max(last)..end);
        if start >= end {
            continue;
        }
        // Spans lie on char boundaries (see `Found::value`); were one not to,
        // dropping text is the safe failure.
        out.push_str(text.get(last..start).unwrap_or(""));
        push_marker(&mut out, kind_of(rule));
        last = end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    Some(out)
}

// ---------------------------------------------------------------------------
// Rules

/// Extra condition on a keyword occurrence, checked on the original bytes.
/// Each one is implied by every accepted match of its rule, so it never hides
/// a secret (`pre_check_never_hides_a_match` tests that).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Ctx {
    /// The keyword alone is enough.
    Any,
    /// `key = v`, `key: v`, `"key": v`, `--key v` shapes (see [`kv_context`]).
    KeyValue,
    /// As `KeyValue`, and the value looks generated ([`assign::weak_value_follows`]).
    WeakKeyValue,
    /// `://` followed by `user:pass@` (see [`url_context`]).
    UrlCredentials,
    /// `bearer` followed by a long token, or on an `Authorization` line.
    Bearer,
}

#[derive(Clone, Copy, Debug)]
struct Keyword {
    text: &'static str,
    /// ASCII case-insensitive (`text` is then lower-case).
    ci: bool,
    ctx: Ctx,
}

const fn exact(text: &'static str) -> Keyword {
    Keyword {
        text,
        ci: false,
        ctx: Ctx::Any,
    }
}

const fn ci(text: &'static str) -> Keyword {
    Keyword {
        text,
        ci: true,
        ctx: Ctx::Any,
    }
}

const fn kv(text: &'static str) -> Keyword {
    Keyword {
        text,
        ci: true,
        ctx: Ctx::KeyValue,
    }
}

/// A weakly secret key name: its value must look generated.
const fn weak(text: &'static str) -> Keyword {
    Keyword {
        text,
        ci: true,
        ctx: Ctx::WeakKeyValue,
    }
}

enum Source {
    /// A complete regex.
    Static(&'static str),
    /// The key/value template ([`KV_TEMPLATE`]) with `KEYS` replaced. `KEYS`
    /// has no two alternatives matching at one place (`passw(?:or)?d`, not
    /// `password|passwd`), so [`split_key_value`] can walk a match.
    KeyValue(&'static str),
}

/// Decides whether a match is a secret (its secret text is non-empty).
type Accept = fn(&Found<'_>) -> bool;

/// How to find the secret inside a match without the capture engine.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Split {
    /// The whole match is the secret.
    Whole,
    /// `bearer` + blanks + secret.
    Bearer,
    /// [`KV_TEMPLATE`] structure ([`split_key_value`]).
    KeyValue,
    /// Use the regex's capture groups.
    Captures,
}

struct Rule {
    /// `<kind>` in `[REDACTED:<kind>]`: short, stable, kebab-case.
    kind: &'static str,
    /// The rule runs only if one of these occurs (every match contains one).
    keywords: &'static [Keyword],
    /// Built as a byte regex with Unicode off (`(?-u)`: ASCII classes, ASCII
    /// case folding), which compiles several times faster. Groups whose names
    /// start with `secret` hold the secret (first participating one wins); the
    /// rest of the match stays visible. Without such a group the whole match
    /// is the secret.
    source: Source,
    split: Split,
    accept: Accept,
    /// `(input, expected output)`; tested alone and embedded in a log line.
    #[cfg_attr(not(test), allow(dead_code))]
    samples: &'static [(&'static str, &'static str)],
}

impl Rule {
    fn source(&self) -> String {
        let body = match self.source {
            Source::Static(s) => Cow::Borrowed(s),
            Source::KeyValue(keys) => Cow::Owned(KV_TEMPLATE.replace("KEYS", keys)),
        };
        format!("(?-u){body}")
    }
}

/// Key/value forms: `key=value`, `key: value`, `"key": "value"`, `key='value'`,
/// `\"key\":\"value\"` (JSON inside a string), env-file `DB_PASSWORD=value`,
/// and the command-line flag `--key value`. `KEYS` is an alternation of
/// keywords; the key may have any prefix (`DB_`, `client_`, `x-`; it is not
/// part of the regex, so the keyword is a literal prefix the regex engine
/// searches for fast) and a `_key`/`-key`/`key` suffix, but must otherwise end
/// with the keyword (so `max_tokens` and `token_count` are not keys). A bare
/// value must end at a blank, quote, `,;&)}]` or the end, so `Token::new(…)` is
/// not a value. [`accept_kv`] checks the `--flag` shape and the key's prefix.
const KV_TEMPLATE: &str = concat!(
    r#"(?P<key>(?i:KEYS)(?i:[_-]?key)?)(?P<kq>\\?["'])?"#,
    // `ENV["X"] =`, Go's `var x string =`, then the operator.
    r#"(?:\]?(?:[ \t]+string)?[ \t]*(?::{1,3}=|[?.+]?=|=>?|:|,|>)[ \t]*"#,
    r#"(?:\\"(?P<secret_esc>[^"\\\r\n]+)\\"|"(?P<secret_dq>(?:[^"\\\r\n]|\\.)+)""#,
    r#"|'(?P<secret_sq>[^'\r\n]+)'|`(?P<secret_bq>[^`\r\n]+)`"#,
    r#"|(?P<secret>[^\s"'`,;&(){}\[\]<>:=$|\\][^\s"'`,;&(){}\[\]<>\\]*)(?:[\s,;&"'`)}\]<\\]|$))"#,
    r#"|[ \t]+(?P<secret_arg>[^\s"'`<>\[\]{}()$|\\:=-][^\s"'`]*))"#,
);

const PRIVATE_KEY: &str = concat!(
    r"-----BEGIN[ A-Z0-9_-]*PRIVATE KEY(?: BLOCK)?-----",
    // The whole block …
    r"(?:[\s\S]*?-----END[ A-Z0-9_-]*PRIVATE KEY(?: BLOCK)?-----",
    // … or, when the capture was cut before the END line, the key lines that follow.
    r"|(?:(?:[ \t]*(?:\r?\n|\\n))+(?:[A-Za-z0-9+/=]{16,}|(?:Proc-Type|DEK-Info|Comment):[^\r\n\\]*))*)",
);

const N_RULES: usize = 21;
const ALL_RULES: u32 = (1 << N_RULES) - 1;

/// casefile's own rules, after gitleaks' ([`gitleaks`]) in priority, so that
/// `GITHUB_TOKEN=ghp_…` says `github-pat`: shapes gitleaks leaves out (a private key cut
/// before its END line, AWS keys including the documented example ones, credentials in
/// URLs, bearer and basic authorization) and the secret-named assignments.
static RULES: [Rule; N_RULES] = [
    Rule {
        kind: "private-key",
        keywords: &[exact("PRIVATE KEY")],
        source: Source::Static(PRIVATE_KEY),
        split: Split::Whole,
        accept: accept_private_key,
        samples: &[
            (
                "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\nZ1BjP5CE/Wm/Rr500P\n-----END RSA PRIVATE KEY-----",
                "[REDACTED:private-key]",
            ),
            (
                "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\\n-----END OPENSSH PRIVATE KEY-----",
                "[REDACTED:private-key]",
            ),
            (
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nVJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dV",
                "[REDACTED:private-key]",
            ),
        ],
    },
    Rule {
        kind: "jwt",
        keywords: &[exact("eyJ")],
        source: Source::Static(
            r"\b(?P<secret>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*={0,2})",
        ),
        split: Split::Whole,
        accept: accept_any,
        samples: &[(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
            "[REDACTED:jwt]",
        )],
    },
    Rule {
        kind: "github-token",
        keywords: &[
            exact("ghp_"),
            exact("gho_"),
            exact("ghu_"),
            exact("ghs_"),
            exact("ghr_"),
            exact("github_pat_"),
        ],
        source: Source::Static(
            r"\b(?P<secret>gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b",
        ),
        split: Split::Whole,
        accept: accept_token_shape,
        samples: &[
            ("ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "[REDACTED:github-token]"),
            ("gho_16C7e42F292c6912E7710c838347Ae178B4a", "[REDACTED:github-token]"),
            ("ghu_16C7e42F292c6912E7710c838347Ae178B4a", "[REDACTED:github-token]"),
            ("ghs_16C7e42F292c6912E7710c838347Ae178B4a", "[REDACTED:github-token]"),
            ("ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498", "[REDACTED:github-token]"),
            (
                "github_pat_11ABCDEFG0aBcDeFgHiJkLmN_oPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ012345678",
                "[REDACTED:github-token]",
            ),
            (
                "git clone https://x-access-token:ghs_16C7e42F292c6912E7710c838347Ae178B4a@github.com/o/r.git",
                "git clone https://x-access-token:[REDACTED:github-token]@github.com/o/r.git",
            ),
        ],
    },
    Rule {
        kind: "gitlab-token",
        keywords: &[
            exact("glpat-"),
            exact("gldt-"),
            exact("glrt-"),
            exact("glptt-"),
            exact("glcbt-"),
        ],
        source: Source::Static(
            r"\b(?P<secret>gl(?:pat|dt|rt|ptt|cbt)-[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]+)*)",
        ),
        split: Split::Whole,
        accept: accept_token_shape,
        samples: &[
            ("glpat-xYz12AbC34dEf56GhI78", "[REDACTED:gitlab-token]"),
            ("glrt-2CR8_eVxiioB1QmzPZwa", "[REDACTED:gitlab-token]"),
        ],
    },
    Rule {
        kind: "slack-token",
        keywords: &[
            exact("xoxa-"),
            exact("xoxb-"),
            exact("xoxe-"),
            exact("xoxo-"),
            exact("xoxp-"),
            exact("xoxr-"),
            exact("xoxs-"),
            exact("xapp-"),
        ],
        source: Source::Static(
            r"\b(?P<secret>(?:xox[abeoprs]|xapp)-[A-Za-z0-9-]{10,})",
        ),
        split: Split::Whole,
        accept: accept_token_shape,
        samples: &[
            ("xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", "[REDACTED:slack-token]"),
            ("xoxp-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", "[REDACTED:slack-token]"),
            ("xapp-1-A0123BCDEFG-1234567890123-abcdef0123456789", "[REDACTED:slack-token]"),
        ],
    },
    Rule {
        kind: "slack-webhook",
        keywords: &[ci("hooks.slack.com")],
        source: Source::Static(
            r"(?i:hooks\.slack\.com)/(?:services|workflows|triggers)/(?P<secret>[A-Za-z0-9+/_-]{20,})",
        ),
        split: Split::Captures,
        accept: accept_any,
        samples: &[(
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            // gitleaks' `slack-webhook-url` takes the whole URL (it is the credential).
            "[REDACTED:slack-webhook]",
        )],
    },
    Rule {
        kind: "stripe-key",
        keywords: &[
            exact("sk_live_"),
            exact("rk_live_"),
            exact("sk_test_"),
            exact("rk_test_"),
        ],
        source: Source::Static(
            r"\b(?P<secret>[rs]k_(?:live|test)_[A-Za-z0-9]{10,})\b",
        ),
        split: Split::Whole,
        accept: accept_token_shape,
        samples: &[
            ("sk_live_4eC39HqLyjWDarjtT1zdp7dc", "[REDACTED:stripe-key]"),
            ("rk_live_51H8abcdEFGHijklMNOPqrst", "[REDACTED:stripe-key]"),
        ],
    },
    Rule {
        kind: "google-api-key",
        keywords: &[exact("AIza")],
        source: Source::Static(
            r"\b(?P<secret>AIza[A-Za-z0-9_-]{35})(?:[^A-Za-z0-9_-]|$)",
        ),
        split: Split::Captures,
        accept: accept_token_shape,
        samples: &[(
            "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
            "[REDACTED:google-api-key]",
        )],
    },
    Rule {
        kind: "npm-token",
        keywords: &[exact("npm_")],
        source: Source::Static(r"\b(?P<secret>npm_[A-Za-z0-9]{36})\b"),
        split: Split::Whole,
        accept: accept_token_shape,
        samples: &[(
            "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",
            "[REDACTED:npm-token]",
        )],
    },
    Rule {
        kind: "pypi-token",
        keywords: &[exact("pypi-AgE")],
        source: Source::Static(r"\b(?P<secret>pypi-AgE[A-Za-z0-9_-]{50,})"),
        split: Split::Whole,
        accept: accept_token_shape,
        samples: &[(
            "pypi-AgEIcHlwaS5vcmcCJGE0ZTJkNDMwLTk3ZWMtNGU4Yy1hYjQ4LWRmMmI2MjE3ZTcyZAACKlszLCJiMWE5",
            "[REDACTED:pypi-token]",
        )],
    },
    Rule {
        kind: "aws-access-key-id",
        keywords: &[
            exact("AKIA"),
            exact("ASIA"),
            exact("ABIA"),
            exact("ACCA"),
            exact("A3T"),
        ],
        source: Source::Static(
            r"\b(?P<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b",
        ),
        split: Split::Whole,
        accept: accept_token_shape,
        samples: &[
            ("AKIAIOSFODNN7EXAMPLE", "[REDACTED:aws-access-key-id]"),
            ("ASIA2OGYBAH6QX7LMNPZ", "[REDACTED:aws-access-key-id]"),
        ],
    },
    Rule {
        kind: "aws-secret-key",
        keywords: &[
            ci("secret_access_key"),
            ci("secretaccesskey"),
            ci("secret-access-key"),
            ci("aws_secret_key"),
            ci("awssecretkey"),
        ],
        source: Source::Static(concat!(
            r#"(?i:secret_access_key|secretaccesskey|secret-access-key|aws_secret_key|awssecretkey)"#,
            r#"\\?["']?[ \t]*(?::=|=>|[:=])[ \t]*\\?["']?(?P<secret>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"#,
        )),
        split: Split::Captures,
        accept: accept_any,
        samples: &[
            (
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "aws_secret_access_key = [REDACTED:aws-secret-key]",
            ),
            (
                r#""SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","#,
                r#""SecretAccessKey": "[REDACTED:aws-secret-key]","#,
            ),
            (
                "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "AWS_SECRET_ACCESS_KEY=[REDACTED:aws-secret-key]",
            ),
        ],
    },
    Rule {
        kind: "url-credentials",
        keywords: &[Keyword {
            text: "://",
            ci: false,
            ctx: Ctx::UrlCredentials,
        }],
        source: Source::Static(
            r#"\b[A-Za-z][A-Za-z0-9+.-]*://(?P<user>[^\s:/?#@\[\]"'<>]*):(?P<secret>[^\s/?#\[\]"'<>]+)@"#,
        ),
        split: Split::Captures,
        accept: accept_not_placeholder,
        samples: &[
            (
                "https://jane:s3cr3t-Pa55@example.com/repo.git",
                "https://jane:[REDACTED:url-credentials]@example.com/repo.git",
            ),
            (
                "DATABASE_URL=postgres://app:hunter2@db.internal:5432/app",
                "DATABASE_URL=postgres://app:[REDACTED:url-credentials]@db.internal:5432/app",
            ),
            (
                "redis://:p4ssw0rd@cache:6379/0",
                "redis://:[REDACTED:url-credentials]@cache:6379/0",
            ),
            (
                "ftp://jane:p@ss@files.example.com/",
                "ftp://jane:[REDACTED:url-credentials]@files.example.com/",
            ),
        ],
    },
    Rule {
        kind: "bearer-token",
        keywords: &[Keyword {
            text: "bearer",
            ci: true,
            ctx: Ctx::Bearer,
        }],
        source: Source::Static(r"(?i:\bbearer)[ \t]+(?P<secret>[A-Za-z0-9._~+/-]+=*)"),
        split: Split::Bearer,
        accept: accept_bearer,
        samples: &[
            (
                "Authorization: Bearer abc123def456",
                "Authorization: Bearer [REDACTED:bearer-token]",
            ),
            (
                r#"curl -H "Authorization: Bearer 8f14e45fceea167a5a36dedd4bea2543" https://api.example.com"#,
                r#"curl -H "Authorization: Bearer [REDACTED:bearer-token]" https://api.example.com"#,
            ),
            (
                "using bearer ya29.a0AfH6SMBx3kq9Zt7LmN0pQrS",
                "using bearer [REDACTED:bearer-token]",
            ),
        ],
    },
    Rule {
        kind: "basic-auth",
        keywords: &[ci("authorization")],
        source: Source::Static(concat!(
            r#"(?i:authorization)\\?["']?[ \t]*[:=][ \t]*\\?["']?(?i:basic)[ \t]+"#,
            r#"(?P<secret>[A-Za-z0-9+/]+={0,2})"#,
        )),
        split: Split::Captures,
        accept: accept_not_placeholder,
        samples: &[
            (
                "Authorization: Basic dXNlcjpwYXNzd29yZA==",
                "Authorization: Basic [REDACTED:basic-auth]",
            ),
            (
                r#"{"Authorization": "Basic YWxhZGRpbjpvcGVuc2VzYW1l"}"#,
                r#"{"Authorization": "Basic [REDACTED:basic-auth]"}"#,
            ),
        ],
    },
    Rule {
        kind: "password",
        keywords: &[kv("password"), kv("passwd"), weak("pwd")],
        source: Source::KeyValue("passw(?:or)?d|pwd"),
        split: Split::KeyValue,
        accept: accept_kv,
        samples: &[
            ("password=hunter2", "password=[REDACTED:password]"),
            ("DB_PASSWORD=hunter2", "DB_PASSWORD=[REDACTED:password]"),
            (
                "export PGPASSWORD='c0rrect horse'",
                "export PGPASSWORD='[REDACTED:password]'",
            ),
            (r#""password": "hunter2""#, r#""password": "[REDACTED:password]""#),
            (
                r#"{\"user\":\"jane\",\"password\":\"hunter2\"}"#,
                r#"{\"user\":\"jane\",\"password\":\"[REDACTED:password]\"}"#,
            ),
            ("  password: hunter2", "  password: [REDACTED:password]"),
            (
                "mysql --user=root --password=hunter2 app",
                "mysql --user=root --password=[REDACTED:password] app",
            ),
            (
                "mysql --user root --password Hunter2 app",
                "mysql --user root --password [REDACTED:password] app",
            ),
            ("passwd: s3cret!", "passwd: [REDACTED:password]"),
            (
                "?user=jane&password=hunter2&next=/",
                "?user=jane&password=[REDACTED:password]&next=/",
            ),
        ],
    },
    Rule {
        kind: "secret",
        keywords: &[kv("secret")],
        source: Source::KeyValue("secret"),
        split: Split::KeyValue,
        accept: accept_kv,
        samples: &[
            ("client_secret=9f8e7d6c5b4a", "client_secret=[REDACTED:secret]"),
            ("SECRET_KEY=a1b2c3d4e5f6", "SECRET_KEY=[REDACTED:secret]"),
            (
                r#"'client_secret': 'GOCSPX-abcdef'"#,
                r#"'client_secret': '[REDACTED:secret]'"#,
            ),
        ],
    },
    Rule {
        kind: "api-key",
        keywords: &[kv("api_key"), kv("api-key"), kv("apikey")],
        source: Source::KeyValue("api[_-]?key"),
        split: Split::KeyValue,
        accept: accept_kv,
        samples: &[
            ("api_key=abc123xyz", "api_key=[REDACTED:api-key]"),
            (r#""api_key": "abc123xyz""#, r#""api_key": "[REDACTED:api-key]""#),
            ("X-API-Key: 0123456789abcdef", "X-API-Key: [REDACTED:api-key]"),
            ("apiKey: \"abc123xyz\"", "apiKey: \"[REDACTED:api-key]\""),
            ("OPENAI_APIKEY=sk-abc123", "OPENAI_APIKEY=[REDACTED:api-key]"),
        ],
    },
    Rule {
        kind: "token",
        keywords: &[kv("token")],
        source: Source::KeyValue("token"),
        split: Split::KeyValue,
        accept: accept_kv,
        samples: &[
            ("token=abc123", "token=[REDACTED:token]"),
            ("access_token: ya29.a0AfH6SMB", "access_token: [REDACTED:token]"),
            (
                r#"{"refresh_token":"def456","token_type":"bearer"}"#,
                r#"{"refresh_token":"[REDACTED:token]","token_type":"bearer"}"#,
            ),
            (
                "//registry.npmjs.org/:_authToken=0f1e2d3c",
                "//registry.npmjs.org/:_authToken=[REDACTED:token]",
            ),
            ("GITHUB_TOKEN=abc123def", "GITHUB_TOKEN=[REDACTED:token]"),
            (
                "gh auth login --token 0123abcd",
                "gh auth login --token [REDACTED:token]",
            ),
        ],
    },
    Rule {
        kind: "key",
        keywords: &[weak("key")],
        source: Source::KeyValue("key"),
        split: Split::KeyValue,
        accept: accept_kv_weak,
        samples: &[
            (
                "SNYK_KEY=3f2a9c1e7b4d8a6f0e5c2b9d",
                "SNYK_KEY=[REDACTED:key]",
            ),
            (
                "access_key: 8Hq2xP0vLm4Ns7Kd1Rt9",
                "access_key: [REDACTED:key]",
            ),
            (
                r#"<add key="ACCESSKEY" value="x" /><ACCESSKEY>Zq81mVx0Lp3Tn6Rb</ACCESSKEY>"#,
                r#"<add key="ACCESSKEY" value="x" /><ACCESSKEY>[REDACTED:key]</ACCESSKEY>"#,
            ),
        ],
    },
    Rule {
        kind: "credential",
        keywords: &[
            weak("credential"),
            weak("credentials"),
            weak("creds"),
            weak("login"),
            weak("auth"),
        ],
        source: Source::KeyValue("credentials?|creds|login|auth"),
        split: Split::KeyValue,
        accept: accept_kv_weak,
        samples: &[
            (
                "SONAR_LOGIN=squ_8f0b2c4d6e8a0b2c4d6e8a0b2c4d6e8a0b2c4d6e",
                "SONAR_LOGIN=[REDACTED:credential]",
            ),
            (
                "db_credentials := \"Yk29dL0pQx7Vb3Nm\"",
                "db_credentials := \"[REDACTED:credential]\"",
            ),
            (
                "--auth c2VydmljZTpoNHJkMXBhc3M=",
                "--auth [REDACTED:credential]",
            ),
        ],
    },
];

struct CompiledRule {
    regex: BytesRegex,
    /// `(group index, name)` of the groups whose names start with `secret`
    /// (or the whole match when there are none).
    secret_groups: Vec<(usize, String)>,
}

static BUILTIN: [OnceLock<CompiledRule>; N_RULES] = [const { OnceLock::new() }; N_RULES];

/// The compiled regex of built-in rule `i`, compiling it on first use.
fn builtin_regex(i: usize) -> &'static CompiledRule {
    BUILTIN[i].get_or_init(|| {
        COMPILED.fetch_add(1, Ordering::Relaxed);
        // A literal from the table above; `every_builtin_rule_compiles` covers it.
        let regex = BytesRegex::new(&RULES[i].source()).expect("built-in redaction regex compiles");
        let mut secret_groups: Vec<(usize, String)> = regex
            .capture_names()
            .enumerate()
            .filter_map(|(idx, n)| {
                n.filter(|n| n.starts_with("secret"))
                    .map(|n| (idx, n.to_owned()))
            })
            .collect();
        if secret_groups.is_empty() {
            secret_groups.push((0, "secret".to_owned()));
        }
        CompiledRule {
            regex,
            secret_groups,
        }
    })
}

// ---------------------------------------------------------------------------
// Accepting matches

fn accept_any(_: &Found<'_>) -> bool {
    true
}

/// casefile's older token shapes back gitleaks' rules up for tokens its entropy thresholds
/// let pass; they still leave placeholders (`ghp_xxxx…`, `glc_1111…`) and the keys
/// gitleaks allows (Google's public browser keys in `gcp-api-key`'s allowlist).
fn accept_token_shape(f: &Found<'_>) -> bool {
    let Some(v) = f.value() else {
        return false;
    };
    let public_google_key = || {
        v.starts_with("AIza")
            && gitleaks::allowed_by("gcp-api-key", f.hay.as_bytes(), &f.whole, v.as_bytes())
    };
    // Slack tokens carry a team or user number (9+ digits): `xoxb-abcdef-abcdef`,
    // `xoxo-indieweb-1` are not tokens.
    let slack_without_ids = (v.starts_with("xox") || v.starts_with("xapp"))
        && !v
            .split('-')
            .any(|g| g.len() >= 9 && g.bytes().all(|c| c.is_ascii_digit()));
    !assign::has_placeholder_run(v.as_bytes()) && !public_google_key() && !slack_without_ids
}

/// A private key block with some key material in it (not `-----BEGIN PRIVATE KEY-----
/// anything -----END…`, a documentation example). A block cut before its END line is
/// redacted whatever follows the header.
fn accept_private_key(f: &Found<'_>) -> bool {
    f.value().is_some_and(|v| {
        if !v.contains("-----END") {
            return true;
        }
        // Between the header and the END line: some upper-case letter, digit, `+`, `/`,
        // `=` or a 6-letter run (base64 material; an empty block is an example).
        let body_start = v.find("-----").map_or(0, |i| i + 5);
        let body_start = v[body_start..]
            .find("-----")
            .map_or(v.len(), |i| body_start + i + 5);
        let body_end = v.rfind("-----END").unwrap_or(v.len()).max(body_start);
        let mut run = 0;
        v[body_start..body_end].bytes().any(|c| {
            run = if c.is_ascii_alphanumeric() {
                run + 1
            } else {
                0
            };
            run >= 6
                || c.is_ascii_uppercase()
                || c.is_ascii_digit()
                || matches!(c, b'+' | b'/' | b'=')
        })
    })
}

fn accept_not_placeholder(f: &Found<'_>) -> bool {
    f.value().is_some_and(|v| !is_placeholder(v))
}

/// With `Authorization` earlier on the line anything goes; a bare `bearer xyz`
/// must look like a token (16+ characters, not a plain word) so prose stays.
fn accept_bearer(f: &Found<'_>) -> bool {
    let Some(secret) = f.value() else {
        return false;
    };
    if is_placeholder(secret) {
        return false;
    }
    // Context ends at an earlier marker as at a line break: the text a
    // redaction removed (maybe with a line break in it) must not change what
    // a second pass sees.
    let line = line_before(f.hay.as_bytes(), f.whole.start);
    let since_marker = f
        .hay
        .get(line.clone())
        .and_then(|l| {
            l.rmatch_indices(MARKER_OPEN)
                .find_map(|(i, _)| marker_end(f.hay, line.start + i))
        })
        .filter(|&end| end <= line.end)
        .unwrap_or(line.start);
    has_authorization(&f.hay.as_bytes()[since_marker..line.end])
        || (secret.len() >= 16 && looks_random(secret))
}

/// The part of the line before byte `pos`.
fn line_before(b: &[u8], pos: usize) -> Range<usize> {
    let pos = pos.min(b.len());
    let start = b[..pos]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    start..pos
}

/// Whether `authorization` (any case) occurs in `b`.
fn has_authorization(b: &[u8]) -> bool {
    b.windows(b"authorization".len())
        .any(|w| w[0] | 0x20 == b'a' && w.eq_ignore_ascii_case(b"authorization"))
}

/// Has a digit, a symbol, or an upper-case letter after the first character.
fn looks_random(s: &str) -> bool {
    s.bytes()
        .enumerate()
        .any(|(i, b)| !b.is_ascii_alphabetic() || (i > 0 && b.is_ascii_uppercase()))
}

/// Values that are not secrets: type names, null-ish words, log words, masks,
/// `$VAR` references and `<placeholders>`.
fn is_placeholder(v: &str) -> bool {
    if is_stop_word(v) || v.starts_with(MARKER_OPEN) {
        return true;
    }
    // Masks: ****, xxxx, ••••, ...
    if v.chars()
        .all(|c| matches!(c, '*' | 'x' | 'X' | '•' | '.' | '#' | '-' | '_'))
    {
        return true;
    }
    // <your-token-here>
    if v.starts_with('<') && v.ends_with('>') {
        return true;
    }
    // pnu_XXXXXXXXXXXXXXXX, sha256~XXXX_PUT_YOUR_TOKEN_HERE, aaaaaaaaaaaaaaaa
    if assign::has_placeholder_run(v.as_bytes())
        || assign::says_placeholder(v)
        || v.ends_with("...")
    {
        return true;
    }
    is_var_ref(v)
}

/// Type names, null-ish words and log words (ASCII case-insensitive).
fn is_stop_word(v: &str) -> bool {
    let mut buf = [0u8; 10];
    let Some(lower) = buf.get_mut(..v.len()) else {
        return false; // longer than any stop word
    };
    lower.copy_from_slice(v.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"string"
            | b"str"
            | b"bool"
            | b"boolean"
            | b"int"
            | b"integer"
            | b"number"
            | b"float"
            | b"u8"
            | b"u16"
            | b"u32"
            | b"u64"
            | b"u128"
            | b"usize"
            | b"i8"
            | b"i16"
            | b"i32"
            | b"i64"
            | b"i128"
            | b"isize"
            | b"char"
            | b"vec"
            | b"option"
            | b"none"
            | b"null"
            | b"nil"
            | b"undefined"
            | b"true"
            | b"false"
            | b"self"
            | b"impl"
            | b"dyn"
            | b"mut"
            | b"ref"
            | b"any"
            | b"object"
            | b"bytes"
            | b"text"
            | b"required"
            | b"optional"
            | b"invalid"
            | b"expired"
            | b"missing"
            | b"empty"
            | b"unknown"
            | b"error"
            | b"failed"
            | b"denied"
            | b"wrong"
            | b"incorrect"
            | b"changed"
            | b"updated"
            | b"reset"
            | b"set"
            | b"unset"
            | b"yes"
            | b"no"
            | b"not"
            | b"ok"
            | b"redacted"
            | b"hidden"
            | b"masked"
            | b"password"
            | b"passwd"
            | b"secret"
            | b"token"
            | b"api_key"
            | b"apikey"
            | b"api-key"
            | b"n/a"
            // nsswitch.conf: `passwd: files systemd`
            | b"files"
            | b"compat"
            | b"systemd"
    )
}

fn is_ident(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| !b.is_ascii_digit())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `$NAME`, `${NAME}`, `${{ secrets.NAME }}`, `%NAME%`.
fn is_var_ref(v: &str) -> bool {
    if let Some(rest) = v.strip_prefix("${") {
        return rest.ends_with('}');
    }
    if let Some(rest) = v.strip_prefix('$') {
        return is_ident(rest);
    }
    if let Some(rest) = v.strip_prefix('%').and_then(|r| r.strip_suffix('%')) {
        return is_ident(rest);
    }
    false
}

/// Whether `s` contains a key/value keyword (ASCII case-insensitive).
fn contains_kv_keyword(s: &str) -> bool {
    let b = s.as_bytes();
    [
        "password", "passwd", "secret", "token", "api_key", "apikey", "api-key",
    ]
    .iter()
    .any(|k| {
        b.windows(k.len())
            .any(|w| w.eq_ignore_ascii_case(k.as_bytes()))
    })
}

/// `self.token`, `process.env.API_KEY`, `settings.SECRET_KEY`: code, not values.
fn is_code_path(v: &str) -> bool {
    v.contains('.')
        && v.split('.').all(is_ident)
        && v.rsplit('.').next().is_some_and(contains_kv_keyword)
}

/// `SecretString`, `TokenKind`: letters only, upper-case first, another
/// upper-case letter later, some lower-case.
fn is_type_name(v: &str) -> bool {
    let b = v.as_bytes();
    b.first().is_some_and(u8::is_ascii_uppercase)
        && b.iter().all(u8::is_ascii_alphabetic)
        && b[1..].iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
}

/// A weakly secret name (`…key`, `…login`, `auth`, `credentials`): as [`accept_kv`], and
/// the value must look generated, and the key must not name a public key.
fn accept_kv_weak(f: &Found<'_>) -> bool {
    let public = f.key.clone().is_some_and(|k| {
        let b = f.hay.as_bytes();
        let mut s = k.start;
        while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b"_.-".contains(&b[s - 1])) {
            s -= 1;
        }
        b[s..k.end]
            .windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"pub"))
    });
    let allowed = || {
        f.value().is_some_and(|v| {
            let whole = key_start(f)..f.whole.end;
            gitleaks::allowed_by("generic-api-key", f.hay.as_bytes(), &whole, v.as_bytes())
        })
    };
    !public && f.value().is_some_and(assign::looks_like_secret) && accept_kv(f) && !allowed()
}

/// Where the key containing `f`'s keyword starts (`DB_` of `DB_PASSWORD`).
fn key_start(f: &Found<'_>) -> usize {
    let b = f.hay.as_bytes();
    let mut s = f.key.as_ref().map_or(f.whole.start, |k| k.start);
    while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b"_.-".contains(&b[s - 1])) {
        s -= 1;
    }
    s
}

fn accept_kv(f: &Found<'_>) -> bool {
    let Some(value) = f.value() else {
        return false;
    };
    if value.chars().count() < 2 || is_placeholder(value) || is_code_path(value) {
        return false;
    }
    let Some(key) = f.key.clone() else {
        return false;
    };
    let b = f.hay.as_bytes();
    // The whole key: the keyword plus the identifier before it (`DB_PASSWORD`).
    let mut key_start = key.start;
    while key_start > 0
        && (b[key_start - 1].is_ascii_alphanumeric() || b"_.-".contains(&b[key_start - 1]))
    {
        key_start -= 1;
    }
    // `/etc/passwd: Permission denied` (only the byte right before the
    // keyword counts, so a redaction further left cannot change the verdict)
    if key.start > 0 && matches!(b[key.start - 1], b'/' | b'\\') {
        return false;
    }
    // `https://x-access-token:…@host`: URL user info, url-credentials' job.
    if b[..key_start].ends_with(b"://") {
        return false;
    }
    // `PWD=/home/jane`: `pwd` alone is a weak name.
    // Compare the key's last three bytes in place: lower-casing the text up to every match
    // made a 1 MiB log take 75 ms instead of 13 ms.
    let ends_in_pwd = key.end >= 3 && b[key.end - 3..key.end].eq_ignore_ascii_case(b"pwd");
    if ends_in_pwd && !assign::looks_like_secret(value) {
        return false;
    }
    // The operator: the text between the key (and its quote) and the value.
    let op: Vec<u8> = b
        .get(key.end..f.secret.start)
        .unwrap_or(&[])
        .iter()
        .copied()
        .filter(|c| !matches!(c, b' ' | b'\t' | b'"' | b'\'' | b'`' | b'\\' | b']'))
        .collect();
    let quoted_value = matches!(
        f.group,
        "secret_dq" | "secret_sq" | "secret_esc" | "secret_bq"
    );
    // `ENV["X_TOKEN"] = …`: the bracket closes a quoted key (not `[REDACTED:token] = x`).
    let between = b.get(key.end..f.secret.start).unwrap_or(&[]);
    if between.contains(&b']') && !f.key_quoted {
        return false;
    }
    // `setProperty("X_TOKEN", "…")`: a call's next argument, both quoted.
    if op == b"," && !(f.key_quoted && quoted_value) {
        return false;
    }
    // `<token>…</token>`: an XML element.
    if op == b">" && !(key_start > 0 && b[key_start - 1] == b'<') {
        return false;
    }
    if f.group == "secret_arg" {
        // `--flag value`: a `-` starts the word (after a blank or a line
        // start), and blanks, not a quote, separate it from the value.
        if f.key_quoted || !dash_word_before(b, key.start) {
            return false;
        }
        // `--token instead`: prose mentioning a flag.
        if value.bytes().all(|c| c.is_ascii_lowercase()) {
            return false;
        }
    }
    // `'secrets': No such file` — a quoted key wants a quoted value.
    if f.key_quoted && f.group == "secret" {
        return false;
    }
    // `password: SecretString,` — a type name in code. Quoted values are
    // literals, so this only applies to bare values.
    if matches!(f.group, "secret" | "secret_arg") && is_type_name(value) {
        return false;
    }
    // `token=token`, `password: self.password` (pass-through in code).
    let key = f
        .hay
        .get(key_start..key.end)
        .unwrap_or("")
        .trim_start_matches('-');
    let last = key.rsplit('.').next().unwrap_or(key);
    if value.eq_ignore_ascii_case(key) || value.eq_ignore_ascii_case(last) {
        return false;
    }
    // Last, as it is the dearest check: gitleaks' generic rule's allowlists on the key and line (`csrf-token=…`,
    // `publicToken = …`, `io.jsonwebtoken:jjwt-…`); not its stop words, which would keep
    // `password=admin2024`.
    // (Not for passwords: `password=hunter2` compiles one regex, not three.)
    let is_password = f.key.as_ref().is_some_and(|k| {
        let key = f.hay.as_bytes()[k.clone()].to_ascii_lowercase();
        key.starts_with(b"passw") || key.starts_with(b"pwd")
    });
    if !is_password
        && gitleaks::allowed_by_context(
            "generic-api-key",
            f.hay.as_bytes(),
            &(key_start..f.whole.end),
        )
    {
        return false;
    }
    true
}

// ---------------------------------------------------------------------------
// Keyword pre-check

/// Keyword lookup built from [`RULES`] at compile time (plain tables, no regex), so that a
/// clean write neither builds nor zeroes anything (building it at run time cost 90K
/// instructions per process, measured with callgrind).
struct KeywordTable {
    /// Bit `(a << 8) | b` is set when some keyword starts with bytes `a b`
    /// (every case variant for case-insensitive keywords).
    pairs: [u64; 1024],
    /// Per byte, the keywords (bit = index in `keywords`) whose first byte it is.
    by_first: [u64; 256],
    /// Per byte, the keywords whose second byte it is.
    by_second: [u64; 256],
    /// `(rule index, keyword)`; the first `len` are used.
    keywords: [(usize, Keyword); 64],
    len: usize,
    /// Per rule, its keywords' bits.
    rule_mask: [u64; N_RULES],
}

static KEYWORD_TABLE: KeywordTable = keyword_table_of(&RULES);

fn keyword_table() -> &'static KeywordTable {
    &KEYWORD_TABLE
}

const fn keyword_table_of(rules: &[Rule; N_RULES]) -> KeywordTable {
    let mut t = KeywordTable {
        pairs: [0; 1024],
        by_first: [0; 256],
        by_second: [0; 256],
        keywords: [(0, exact("")); 64],
        len: 0,
        rule_mask: [0; N_RULES],
    };
    let mut r = 0;
    while r < N_RULES {
        let mut n = 0;
        while n < rules[r].keywords.len() {
            let kw = rules[r].keywords[n];
            // More than 64 keywords do not fit the bit sets: a compile error.
            let bit = 1u64 << t.len;
            t.keywords[t.len] = (r, kw);
            t.len += 1;
            t.rule_mask[r] |= bit;
            let k = kw.text.as_bytes();
            let firsts = case_variants(k[0], kw.ci);
            let seconds = case_variants(k[1], kw.ci);
            let mut i = 0;
            while i < 2 {
                t.by_second[seconds[i] as usize] |= bit;
                t.by_first[firsts[i] as usize] |= bit;
                let mut j = 0;
                while j < 2 {
                    let p = (firsts[i] as usize) << 8 | seconds[j] as usize;
                    t.pairs[p / 64] |= 1 << (p % 64);
                    j += 1;
                }
                i += 1;
            }
            n += 1;
        }
        r += 1;
    }
    t
}

const fn case_variants(b: u8, ci: bool) -> [u8; 2] {
    if ci {
        [b.to_ascii_lowercase(), b.to_ascii_uppercase()]
    } else {
        [b, b]
    }
}

/// One pass over the text: bit `i` is set when rule `i`'s keywords (with
/// their context) occur. No allocation.
fn pre_check(text: &str) -> u32 {
    let t = keyword_table();
    let b = text.as_bytes();
    let mut active = 0u32;
    // Keywords of the rules not found yet.
    let mut wanted: u64 = t.rule_mask.iter().fold(0, |m, r| m | r);
    let Some(&first) = b.first() else {
        return active;
    };
    // The last two bytes seen, as `(previous << 8) | current`.
    let mut pair = u16::from(first);
    for (i, &y) in b[1..].iter().enumerate() {
        pair = pair << 8 | u16::from(y);
        if t.pairs[usize::from(pair >> 6)] & (1 << (pair & 63)) == 0 {
            continue;
        }
        // A keyword may start at byte `i`, the pair's first byte.
        let mut m = t.by_first[usize::from(pair >> 8)] & t.by_second[usize::from(y)] & wanted;
        while m != 0 {
            let k = m.trailing_zeros() as usize;
            m &= m - 1;
            let (r, kw) = t.keywords[k];
            let lit = kw.text.as_bytes();
            let found = b.get(i..i + lit.len()).is_some_and(|at| {
                if kw.ci {
                    at.eq_ignore_ascii_case(lit)
                } else {
                    at == lit
                }
            });
            if found && context_ok(kw.ctx, b, i, lit.len()) {
                active |= 1 << r;
                wanted &= !t.rule_mask[r];
                m &= wanted;
            }
        }
        if wanted == 0 {
            break;
        }
    }
    active
}

fn context_ok(ctx: Ctx, b: &[u8], pos: usize, klen: usize) -> bool {
    match ctx {
        Ctx::Any => true,
        Ctx::KeyValue => kv_context(b, pos, pos + klen, false),
        Ctx::WeakKeyValue => kv_context(b, pos, pos + klen, true),
        Ctx::UrlCredentials => url_context(b, pos + klen),
        Ctx::Bearer => bearer_context(b, pos, pos + klen),
    }
}

fn starts_with_ci(b: &[u8], at: usize, lit: &[u8]) -> bool {
    b.get(at..at + lit.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(lit))
}

/// After a key keyword ending at `after`: an optional `_key`/`-key`/`key`
/// suffix, an optional (escaped) quote, blanks, then `:` or `=`; or a
/// `--flag value` shape.
fn kv_context(b: &[u8], pos: usize, after: usize, weak: bool) -> bool {
    // `<db_password>`: an XML element's name.
    let mut key_start = pos;
    while key_start > 0
        && (b[key_start - 1].is_ascii_alphanumeric() || b"_.-".contains(&b[key_start - 1]))
    {
        key_start -= 1;
    }
    let element = key_start > 0 && b[key_start - 1] == b'<';
    let sep_follows = |mut j: usize| {
        let mut quoted = false;
        if b.get(j) == Some(&b'\\') && matches!(b.get(j + 1), Some(b'"' | b'\'')) {
            j += 2;
            quoted = true;
        } else if matches!(b.get(j), Some(b'"' | b'\'')) {
            j += 1;
            quoted = true;
        }
        if b.get(j) == Some(&b']') {
            j += 1;
        }
        while matches!(b.get(j), Some(b' ' | b'\t')) {
            j += 1;
        }
        if b.get(j..j + 6) == Some(b"string") {
            j += 6;
            while matches!(b.get(j), Some(b' ' | b'\t')) {
                j += 1;
            }
        }
        // A call's `,` needs a quoted key, an element's `>` an opening `<` (as accept_kv).
        let op_ok = match b.get(j) {
            Some(b',') => quoted,
            Some(b'>') => element,
            _ => true,
        };
        op_ok
            && assign::operator_end(b, j).is_some_and(|k| !weak || assign::weak_value_follows(b, k))
    };
    let suffixed = if starts_with_ci(b, after, b"key") {
        Some(after + 3)
    } else if matches!(b.get(after), Some(b'_' | b'-')) && starts_with_ci(b, after + 1, b"key") {
        Some(after + 4)
    } else {
        None
    };
    let blank_follows = |j: usize| {
        matches!(b.get(j), Some(b' ' | b'\t')) && (!weak || assign::weak_value_follows(b, j))
    };
    [Some(after), suffixed]
        .into_iter()
        .flatten()
        .any(|j| sep_follows(j) || (blank_follows(j) && dash_word_before(b, pos)))
}

/// Whether the word ending at `pos` (letters, digits, `_`, `-`) starts with
/// `-` and follows a blank or a line start: `--db-password`.
fn dash_word_before(b: &[u8], pos: usize) -> bool {
    let mut s = pos;
    while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'-' || b[s - 1] == b'_') {
        s -= 1;
    }
    s < pos && b[s] == b'-' && (s == 0 || matches!(b[s - 1], b' ' | b'\t' | b'\n'))
}

/// After `://`: a run without blanks, `/ ? # @ " ' < > [ ]` that contains `:`
/// and ends at `@`.
fn url_context(b: &[u8], after: usize) -> bool {
    let mut colon = false;
    for &c in b.get(after..).unwrap_or(&[]) {
        match c {
            b'@' => return colon,
            b':' => colon = true,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'/' | b'?' | b'#' | b'"' | b'\''
            | b'<' | b'>' | b'[' | b']' => return false,
            _ => {}
        }
    }
    false
}

/// `bearer` + blanks + a token of 16+ characters, or `Authorization` earlier on
/// the line.
fn bearer_context(b: &[u8], pos: usize, after: usize) -> bool {
    let mut j = after;
    while matches!(b.get(j), Some(b' ' | b'\t')) {
        j += 1;
    }
    if j == after {
        return false;
    }
    let token_len = b[j..]
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || b"._~+/-=".contains(&c))
        .count();
    if token_len >= 16 {
        return true;
    }
    has_authorization(&b[line_before(b, pos)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::time::{Duration, Instant};

    const CLEAN_CORPUS: &str = include_str!("../../tests/data/redaction/clean.txt");
    const SECRETS_CORPUS: &str = include_str!("../../tests/data/redaction/secrets.txt");
    const SECRETS_REDACTED: &str = include_str!("../../tests/data/redaction/secrets.redacted.txt");

    fn r(text: &str) -> String {
        Redactor::builtin().redact(text).into_owned()
    }

    /// `[REDACTED:<kind>]` → `[REDACTED:*]`.
    fn any_kind(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find(MARKER_OPEN) {
            out.push_str(&rest[..i]);
            let end = marker_end(rest, i).unwrap_or(i + MARKER_OPEN.len());
            out.push_str(if end > i + MARKER_OPEN.len() {
                "[REDACTED:*]"
            } else {
                MARKER_OPEN
            });
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    fn embed(s: &str) -> String {
        format!("2025-03-04T10:11:12Z worker[7]: step 3 {s} next\n")
    }

    #[test]
    fn every_builtin_rule_compiles_and_has_a_secret_group() {
        for (i, rule) in RULES.iter().enumerate() {
            let c = builtin_regex(i);
            assert!(!c.secret_groups.is_empty(), "{}", rule.kind);
        }
        assert!(Redactor::compiled_count() >= N_RULES);
    }

    #[test]
    fn kinds_are_unique_kebab_case() {
        let kinds: Vec<_> = Redactor::builtin_kinds().collect();
        for k in &kinds {
            assert!(
                // gitleaks' ids have digits (`1password-secret-key`).
                k.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{k}"
            );
            assert_eq!(kinds.iter().filter(|x| *x == k).count(), 1, "{k}");
        }
    }

    #[test]
    fn keywords_fit_the_table_and_are_lower_case_when_case_insensitive() {
        assert!(keyword_table().len <= 64);
        for rule in &RULES {
            assert!(!rule.keywords.is_empty(), "{}", rule.kind);
            for kw in rule.keywords {
                assert!(kw.text.len() >= 2, "{}", kw.text);
                if kw.ci {
                    assert_eq!(kw.text, kw.text.to_ascii_lowercase());
                }
            }
        }
    }

    #[test]
    fn every_rule_redacts_its_samples_alone_and_embedded() {
        for rule in &RULES {
            assert!(!rule.samples.is_empty(), "{} has no sample", rule.kind);
            for (input, expected) in rule.samples {
                assert!(
                    expected.contains(&format!("[REDACTED:{}]", rule.kind)),
                    "{}: sample {input:?} expects another kind",
                    rule.kind
                );
                // gitleaks' rules run first and may name the token more exactly
                // (`github-oauth` for a `gho_` token): compare with kinds blanked out.
                assert_eq!(
                    any_kind(&r(input)),
                    any_kind(expected),
                    "{} alone",
                    rule.kind
                );
                assert_eq!(
                    any_kind(&r(&embed(input))),
                    any_kind(&embed(expected)),
                    "{} embedded",
                    rule.kind
                );
                // Idempotent.
                assert_eq!(&r(expected), expected, "{} twice", rule.kind);
            }
        }
    }

    #[test]
    fn every_sample_passes_its_rules_pre_check() {
        for (i, rule) in RULES.iter().enumerate() {
            for (input, _) in rule.samples {
                assert!(pre_check(input) & (1 << i) != 0, "{}: {input}", rule.kind);
            }
        }
    }

    fn paragraphs(corpus: &str) -> impl Iterator<Item = &str> {
        corpus.split("\n\n").filter(|p| !p.trim().is_empty())
    }

    #[test]
    fn negative_corpus_is_unchanged_and_borrowed() {
        let red = Redactor::builtin();
        for text in std::iter::once(CLEAN_CORPUS)
            .chain(paragraphs(CLEAN_CORPUS))
            .chain(CLEAN_CORPUS.lines())
        {
            let out = red.redact(text);
            assert!(
                matches!(out, Cow::Borrowed(_)),
                "changed:\n{text}\n---\n{out}"
            );
        }
    }

    #[test]
    fn clean_text_runs_no_builtin_regex() {
        // Prose, logs, hashes, ids, URLs and paths: the pre-check rejects all
        // of it, so no built-in regex runs (and none is compiled on its behalf).
        let texts = [
            "",
            "ok",
            "The password was wrong, the token expired and the secret sauce is patience.",
            "Bearer of bad news: basic authentication is disabled.",
            "4b825dc642cb6eb9a060e54bf8d69288fbee4904 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "f47ac10b-58cc-4372-a567-0e02b2c3d479 01890a5d-ac96-774b-bcce-b302099a8057",
            "see https://example.com:8443/a?b=c#d and ssh://git@github.com:22/org/repo.git",
            "max_tokens: 4096 token_count=128 tokenizer=bpe secret_name=db-credentials",
            "2025-03-04T10:11:12.346Z WARN auth: token refresh failed: upstream timeout",
            "Compiling casefile v0.1.0 (/work/main)\n    Finished `release` profile",
        ];
        let red = Redactor::builtin();
        for t in texts {
            assert!(matches!(red.redact(t), Cow::Borrowed(_)), "{t}");
            assert_eq!(red.builtin_regex_runs(), 0, "a regex ran for {t:?}");
        }
        // The corpus paragraphs before the code snippets and logs.
        for p in paragraphs(CLEAN_CORPUS).take(7) {
            assert!(matches!(red.redact(p), Cow::Borrowed(_)), "{p}");
            assert_eq!(red.builtin_regex_runs(), 0, "a regex ran for {p:?}");
        }
        // And the counter does move when there is something to look at.
        assert_eq!(red.redact("token=abc123"), "token=[REDACTED:token]");
        assert!(red.builtin_regex_runs() > 0);
    }

    const FRESH_PROCESS_ENV: &str = "CASEFILE_REDACT_FRESH_PROCESS";

    /// Runs itself in a fresh process (where no regex has been compiled yet)
    /// and checks the process-wide counter there.
    #[test]
    fn fresh_process_compiles_nothing_for_clean_text() {
        if std::env::var_os(FRESH_PROCESS_ENV).is_some() {
            assert_eq!(Redactor::compiled_count(), 0);
            let red = Redactor::builtin();
            let clean =
                "INFO GET /api/v1/users/42 status=200 the password was wrong, token expired";
            assert!(matches!(red.redact(clean), Cow::Borrowed(_)));
            assert_eq!(Redactor::compiled_count(), 0, "clean text compiled a regex");
            assert_eq!(
                red.redact("password=hunter2"),
                "password=[REDACTED:password]"
            );
            assert_eq!(Redactor::compiled_count(), 1);
            return;
        }
        let module = module_path!();
        let module = module.split_once("::").map_or(module, |(_, rest)| rest);
        let name = format!("{module}::fresh_process_compiles_nothing_for_clean_text");
        let exe = std::env::current_exe().expect("test binary path");
        let out = std::process::Command::new(exe)
            .args([
                name.as_str(),
                "--exact",
                "--test-threads=1",
                "--include-ignored",
            ])
            .env(FRESH_PROCESS_ENV, "1")
            .output()
            .expect("run test binary");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains("1 passed"), "child ran no test: {stdout}");
    }

    #[test]
    fn positive_corpus_matches_golden_and_leaks_nothing() {
        let out = r(SECRETS_CORPUS);
        if out != SECRETS_REDACTED {
            for (i, (a, b)) in out.lines().zip(SECRETS_REDACTED.lines()).enumerate() {
                assert_eq!(a, b, "line {}", i + 1);
            }
            assert_eq!(out, SECRETS_REDACTED);
        }
        for leaked in [
            "hunter2",
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI",
            "ghp_",
            "glpat-",
            "xoxb-",
            "sk_live_",
            "AIzaSy",
            "npm_pNN",
            "pypi-AgE",
            "eyJhbGci",
            "MIIEow",
            "s3cr3t",
            "dXNlcjpwYXNz",
            "T00000000/B00000000",
        ] {
            assert!(!out.contains(leaked), "{leaked} survived");
        }
        assert_eq!(r(&out), out, "not idempotent");
    }

    #[test]
    fn context_stays_visible() {
        assert_eq!(
            r("curl -H 'Authorization: Bearer abc.def-ghi' https://x"),
            "curl -H 'Authorization: Bearer [REDACTED:bearer-token]' https://x"
        );
        assert_eq!(
            r("https://jane:pa55@example.com:8443/x?y=1"),
            "https://jane:[REDACTED:url-credentials]@example.com:8443/x?y=1"
        );
        assert_eq!(
            // gitleaks allows the alphabet (a stop word), so a real-looking token.
            r("GITHUB_TOKEN=ghp_R8kq2Vx0LmT4nB7wZ1yQ5sJ9dH3fC6gP0aEu"),
            "GITHUB_TOKEN=[REDACTED:github-pat]"
        );
        assert_eq!(
            r(
                r#"{"token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"}"#
            ),
            r#"{"token": "[REDACTED:jwt]"}"#
        );
        assert_eq!(
            r("key AKIAIOSFODNN7EXAMPLE and AKIAI44QH8DHBEXAMPLE."),
            "key [REDACTED:aws-access-key-id] and [REDACTED:aws-access-key-id]."
        );
    }

    /// Cases the property tests found.
    #[test]
    fn regressions() {
        // A match that runs into an existing marker is retried before it.
        let once = r("-----BEGIN RSA PRIVATE KEY-----[REDACTED:token]-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\n-----END RSA PRIVATE KEY-----");
        assert_eq!(
            once,
            "[REDACTED:private-key][REDACTED:token][REDACTED:private-key]"
        );
        // A redaction that removes a line break changes no verdict.
        let text = "Authorization: x\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- Bearer abcdefghij";
        let once = r(text);
        assert_eq!(
            once,
            "Authorization: x\n[REDACTED:private-key] Bearer abcdefghij"
        );
        assert_eq!(r(&once), once);
        // URL user info is url-credentials' business, not a `token:` value.
        assert_eq!(
            r("https://oauth2-token:s3cr3t@host/x"),
            "https://oauth2-token:[REDACTED:url-credentials]@host/x"
        );
        // A rejected candidate does not hide a secret after it.
        assert_eq!(
            r("password password=hunter2"),
            "password password=[REDACTED:password]"
        );
    }

    #[test]
    fn secrets_inside_json_strings_only_the_secret_goes_and_json_stays() {
        let gh = "ghp_R8kq2Vx0LmT4nB7wZ1yQ5sJ9dH3fC6gP0aEu";
        let cases = [
            // A docker JSON log of a curl command.
            (
                r#"{"log":"+ curl -sS -H \"Authorization: Token 22cb987851bc5659229114c62e60c79abd0d2c08\" https://api.example.com\n","stream":"stderr"}"#,
                r#"{"log":"+ curl -sS -H \"Authorization: Token [REDACTED:curl-auth-header]\" https://api.example.com\n","stream":"stderr"}"#,
            ),
            // A config held as a string, inside a structured log line.
            (
                r#"2025-03-04T10:11:12Z INFO {"msg":"loaded","config":"{\"db_password\": \"Zq81mVx0Lp3Tn6RbW2\", \"pool\": 4}"}"#,
                // (gitleaks' `hashicorp-tf-password` takes the value's quotes with it.)
                r#"2025-03-04T10:11:12Z INFO {"msg":"loaded","config":"{\"db_password\": [REDACTED:hashicorp-tf-password], \"pool\": 4}"}"#,
            ),
            // An env dump, lines joined by `\n`, the token at the string's end.
            (
                &format!(r#"{{"env":"HOME=/root\nGITHUB_TOKEN={gh}"}}"#),
                r#"{"env":"HOME=/root\nGITHUB_TOKEN=[REDACTED:github-pat]"}"#,
            ),
            (
                r#"{"cmd":"curl -k -u developer:yqDVtkqPECriaLRi"}"#,
                r#"{"cmd":"curl -k -u [REDACTED:curl-auth-user]"}"#,
            ),
        ];
        for (text, want) in cases {
            let out = r(text);
            assert_eq!(out, want, "{text}");
            assert_eq!(r(&out), out, "idempotent: {text}");
            let json = out.find('{').map_or("", |i| &out[i..]);
            assert!(
                serde_json::from_str::<serde_json::Value>(json).is_ok(),
                "no longer JSON: {out}"
            );
        }
        // Escaped paths, hashes and prose stay.
        for text in [
            r#"{"path":"C:\\Users\\jane\\AppData\\Local\\token-cache.lock","msg":"the \"token\" expired"}"#,
            r#"{"msg":"commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\tsecret rotation: done"}"#,
        ] {
            assert_eq!(r(text), text);
        }
    }

    #[test]
    fn key_value_non_secrets_are_kept() {
        for t in [
            "password=",
            "password=\n",
            "password: \"\"",
            "token = ''",
            "password=[REDACTED:password]",
            "\"api_key\": \"[REDACTED:api-key]\"",
            "token=$GITHUB_TOKEN",
            "password: ${DB_PASSWORD}",
            "token: ${{ secrets.GITHUB_TOKEN }}",
            "password=********",
            "api_key=<your-api-key>",
            "if token == expected {",
            "let token = Token::new(&secret);",
            "fn f(password: &str, token: Option<String>) -> Result<(), E>",
            "password: String,",
            "token: u64,",
            "secret: Vec<u8>,",
            "Client(token=token, password=password)",
            "verify(token=self.token, api_key=process.env.API_KEY)",
            "println!(\"token: {}\", t);",
            "format!(\"password={password}\")",
            "grep: /etc/passwd: Permission denied",
            "passwd:         files systemd",
            "ls: cannot access 'secrets': No such file or directory",
            "ls: cannot access 'token': No such file or directory",
            "error: token: expired",
            "use --token instead of --password here",
            "docker login --password-stdin",
            "SECRET_KEY_BASE_DUMMY=1",
            "token_type: bearer",
            "max_tokens=100",
            "WWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\"",
            "the bearer token expired",
            "http://localhost:8080/health",
            "ssh://git@github.com:22/org/repo.git",
            "postgres://db.internal:5432/app",
            "https://user:****@example.com",
            "https://hooks.slack.com/services/",
        ] {
            assert_eq!(r(t), t, "{t:?}");
        }
    }

    #[test]
    fn custom_patterns() {
        let red = Redactor::with_custom(&[
            CustomPattern {
                name: "acme-key".into(),
                regex: r"\bACME-[0-9A-F]{12}\b".into(),
            },
            CustomPattern {
                name: "ticket-secret".into(),
                regex: r"ticket/(?P<secret>[a-z0-9]{8})/(?:view|edit)".into(),
            },
            CustomPattern {
                name: "pin".into(),
                regex: r"\bpin ([0-9]{4,6})\b".into(),
            },
            CustomPattern {
                name: "empty".into(),
                regex: r"x*".into(),
            },
        ])
        .expect("valid patterns");
        let text = "key ACME-0123456789AB at ticket/ab12cd34/view, pin 1234; token=abc123";
        let want = "key [REDACTED:acme-key] at ticket/[REDACTED:ticket-secret]/view, \
                    pin [REDACTED:pin]; token=[REDACTED:token]";
        assert_eq!(red.redact(text), want);
        assert_eq!(red.redact(want), want);
        assert!(matches!(red.redact("nothing here"), Cow::Borrowed(_)));

        let err = Redactor::with_custom(&[CustomPattern {
            name: "broken".into(),
            regex: "(unclosed".into(),
        }])
        .expect_err("invalid regex");
        let msg = err.to_string();
        assert!(
            msg.starts_with("invalid redaction pattern \"broken\": "),
            "{msg}"
        );

        let err = Redactor::with_custom(&[CustomPattern {
            name: "has space]".into(),
            regex: "x".into(),
        }])
        .expect_err("invalid name");
        assert!(err.to_string().contains("\"has space]\""));
    }

    #[test]
    fn custom_pattern_cannot_eat_markers() {
        let red = Redactor::with_custom(&[CustomPattern {
            name: "word".into(),
            regex: r"[A-Z]{5,}".into(),
        }])
        .expect("valid");
        let once = red.redact("password=hunter2 and SHOUTING");
        assert_eq!(once, "password=[REDACTED:password] and [REDACTED:word]");
        assert_eq!(red.redact(&once), once);
    }

    /// Every match of every rule with a [`Split`], from every restart point,
    /// splits exactly as the regex's capture groups say.
    fn check_split_agrees(text: &str) -> Result<(), String> {
        for (i, rule) in RULES.iter().enumerate() {
            if rule.split == Split::Captures {
                continue;
            }
            let c = builtin_regex(i);
            let mut at = 0;
            while let Some(m) = c.regex.find_at(text.as_bytes(), at) {
                let fast = split_fast(i, text, m.range());
                let slow = locate_by_captures(c, text, m.range());
                if fast.is_none() || fast != slow {
                    return Err(format!("{}: {fast:?} != {slow:?}", rule.kind));
                }
                at = m.start() + 1;
                while !text.is_char_boundary(at) {
                    at += 1;
                }
            }
        }
        Ok(())
    }

    #[test]
    fn splits_agree_with_capture_groups_on_the_corpora() {
        for text in [CLEAN_CORPUS, SECRETS_CORPUS, SECRETS_REDACTED] {
            check_split_agrees(text).unwrap_or_else(|e| panic!("{e}"));
        }
        for rule in &RULES {
            for (input, _) in rule.samples {
                check_split_agrees(input).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }

    // -- property tests -----------------------------------------------------

    /// Fragments that exercise the rules' edges when glued together at random.
    const FRAGMENTS: &[&str] = &[
        "password",
        "PassWord",
        "passwd",
        "token",
        "TOKEN",
        "secret",
        "api_key",
        "apiKey",
        "api-key",
        "_key",
        "-key",
        "key",
        "DB_",
        "x-",
        "self.",
        "=",
        ":",
        ": ",
        " = ",
        "==",
        ":=",
        "=>",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\"",
        "'",
        "\\\"",
        "\\",
        "--",
        "-",
        "_",
        ".",
        ",",
        ";",
        "&",
        "(",
        ")",
        "{",
        "}",
        "[",
        "]",
        "<",
        ">",
        "$",
        "*",
        "/",
        "@",
        "#",
        "?",
        "bearer",
        "Bearer ",
        "authorization",
        "Authorization: ",
        "Basic ",
        "basic ",
        "://",
        "https",
        "redis",
        "user",
        "host",
        "abc123XYZ",
        "hunter2",
        "value",
        "None",
        "é",
        "\u{212a}",
        "\u{a0}",
        "[REDACTED:token]",
        "[REDACTED:",
        "eyJhbGciOiJIUzI1NiJ9",
        "eyJzdWIiOiIxIn0",
        "ghp_",
        "0123456789abcdefghijklmnopqrstuvwxyzAB",
        "AKIA",
        "ABCDEFGHIJKLMNOP",
        "-----BEGIN RSA PRIVATE KEY-----",
        "-----END RSA PRIVATE KEY-----",
        "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi",
        "hooks.slack.com/services/",
        "aws_secret_access_key",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "glpat-",
        "xoxb-",
        "sk_live_",
        "AIza",
        "npm_",
        "pypi-AgE",
    ];

    fn fragment_soup() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.concat())
    }

    fn prose() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9 ,.:=\n-]{0,60}"
    }

    fn planted_secret() -> impl Strategy<Value = String> {
        prop_oneof![
            "ghp_[A-Za-z0-9]{36}",
            "github_pat_[A-Za-z0-9_]{82}",
            "AKIA[A-Z2-7]{16}",
            "glpat-[A-Za-z0-9_-]{20}",
            "xoxb-[0-9]{11}-[0-9]{11}-[A-Za-z0-9]{24}",
            "sk_live_[A-Za-z0-9]{24}",
            "AIza[A-Za-z0-9_-]{35}",
            "npm_[A-Za-z0-9]{36}",
            "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{60}",
            "eyJ[A-Za-z0-9_-]{20}\\.eyJ[A-Za-z0-9_-]{30}\\.[A-Za-z0-9_-]{43}",
        ]
    }

    /// A contextual secret (key/value, flag, URL credentials, bearer) and the
    /// value that must not survive. Values carry a digit so no heuristic takes
    /// them for a word or a type name (and no `/`, which a URL password
    /// cannot hold unescaped).
    fn planted_contextual() -> impl Strategy<Value = (String, String)> {
        let value = "[A-Za-z]{3,8}[0-9][A-Za-z0-9!%^*+_~-]{4,12}";
        let key = prop::sample::select(
            &[
                "password",
                "DB_PASSWORD",
                "passwd",
                "client_secret",
                "api_key",
                "X-Api-Key",
                "access_token",
                "token",
            ][..],
        );
        (key, value, 0..5usize).prop_map(|(key, v, form)| {
            let text = match form {
                0 => format!("{key}={v}"),
                1 => format!("{key}: {v}"),
                2 => format!("\"{key}\": \"{v}\""),
                3 => format!("--{key} {v}"),
                _ => format!("https://jane:{v}@host.example.com/x"),
            };
            (text, v)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn arbitrary_text_never_panics_and_is_idempotent(s in any::<String>()) {
            let red = Redactor::builtin();
            let once = red.redact(&s).into_owned();
            prop_assert_eq!(red.redact(&once).into_owned(), once);
        }

        #[test]
        fn printable_text_never_panics_and_is_idempotent(s in "[ -~\t\n]{0,300}") {
            let red = Redactor::builtin();
            let once = red.redact(&s).into_owned();
            prop_assert_eq!(red.redact(&once).into_owned(), once);
        }

        #[test]
        fn pre_check_never_hides_a_match(s in fragment_soup()) {
            let red = Redactor::builtin();
            let fast = red.redact_impl(&s, false).into_owned();
            let full = red.redact_impl(&s, true).into_owned();
            prop_assert_eq!(&fast, &full, "pre-check missed something in {:?}", s);
            prop_assert_eq!(red.redact(&fast).into_owned(), fast);
        }

        #[test]
        fn planted_contextual_secret_never_survives(
            before in prose(),
            (secret, value) in planted_contextual(),
            after in prose(),
            sep_after in prop::sample::select(&[" ", "\n", "\r\n", " ,", "; "][..]),
        ) {
            let text = format!("{before} {secret}{sep_after}{after}");
            let out = Redactor::builtin().redact(&text).into_owned();
            prop_assert!(!out.contains(&value), "{} survived in {:?}", value, out);
        }

        #[test]
        fn splits_agree_with_capture_groups(s in fragment_soup()) {
            prop_assert_eq!(check_split_agrees(&s), Ok(()));
        }

        #[test]
        fn planted_secret_never_survives(
            before in prose(),
            secret in planted_secret(),
            after in prose(),
            sep_before in prop::sample::select(&[" ", "\n", "=", ": ", "\"", "'", "(", "token="][..]),
            sep_after in prop::sample::select(&[" ", "\n", ",", "\"", ")", "."][..]),
        ) {
            let text = format!("{before}{sep_before}{secret}{sep_after}{after}");
            let out = Redactor::builtin().redact(&text).into_owned();
            prop_assert!(!out.contains(&secret), "{} survived in {:?}", secret, out);
            prop_assert!(out.contains("[REDACTED:"));
        }
    }

    // -- performance --------------------------------------------------------

    /// About 1 MiB of realistic command output: mostly clean log lines, one
    /// line in 50 with a secret.
    fn mib_of_output(with_secrets: bool) -> String {
        let clean = [
            "2025-03-04T10:11:12.345Z INFO  http: GET /api/v1/users/42 status=200 duration_ms=12 request_id=f47ac10b-58cc-4372-a567-0e02b2c3d479",
            "2025-03-04T10:11:12.346Z WARN  auth: token refresh failed: upstream timeout (attempt 2/5)",
            "2025-03-04T10:11:12.347Z ERROR db: connection refused host=10.0.0.12 port=5432 user=app",
            "2025-03-04T10:11:12.348Z DEBUG cache: key=user:42:profile hit=true ttl_s=300 etag=\"e3b0c44298fc1c149afbf4c8996fb924\"",
            "4b825dc642cb6eb9a060e54bf8d69288fbee4904 refs/heads/main fetched from https://github.com/org/repo.git",
            "   Compiling regex-automata v0.4.9",
            "The password was wrong, so the login failed; see https://docs.example.com/auth#passwords",
        ];
        let dirty = [
            "2025-03-04T10:11:12.349Z DEBUG client: sending Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "remote: using token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 for https://jane:hunter2@git.example.com/x",
            "{\"user\":\"jane\",\"password\":\"hunter2\",\"api_key\":\"abc123xyz\"}",
        ];
        let mut out = String::with_capacity(1 << 20);
        let mut i = 0usize;
        while out.len() < (1 << 20) {
            if with_secrets && i % 50 == 49 {
                out.push_str(dirty[(i / 50) % dirty.len()]);
            } else {
                out.push_str(clean[i % clean.len()]);
            }
            out.push('\n');
            i += 1;
        }
        out
    }

    fn best_of<F: FnMut()>(runs: usize, mut f: F) -> Duration {
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    }

    /// `cargo test --release -- --ignored --nocapture redaction_speed`
    #[test]
    #[ignore = "timing; run in release"]
    fn redaction_speed() {
        let dirty = mib_of_output(true);
        let clean = mib_of_output(false);
        let red = Redactor::builtin();

        let t = Instant::now();
        let first = red.redact(&dirty);
        let first_time = t.elapsed();
        assert!(!first.contains("hunter2"));
        let dirty_time = best_of(10, || {
            std::hint::black_box(red.redact(std::hint::black_box(&dirty)));
        });
        let clean_time = best_of(10, || {
            std::hint::black_box(red.redact(std::hint::black_box(&clean)));
        });
        let pre_check = best_of(10, || {
            std::hint::black_box(pre_check(std::hint::black_box(&clean)));
        });
        // Worst case: a secret of a line-local kind on every line.
        let mut dense = String::with_capacity(1 << 20);
        while dense.len() < (1 << 20) {
            dense.push_str(
                "2025-03-04T10:11:12Z DEBUG login user=jane password=hunter2 api_key=abc123 \
                 session_token=t0k3n client_secret=s3cr3t Authorization: Bearer abc.def-123\n",
            );
        }
        let dense_time = best_of(5, || {
            std::hint::black_box(red.redact(std::hint::black_box(&dense)));
        });
        // The same log as structured JSON lines (`{"log":"…"}`, docker's shape): every line's
        // string holds escapes, so the rules also run over the unescaped view.
        let json: String = dirty
            .lines()
            .map(|l| {
                format!(
                    "{{\"log\":{},\"stream\":\"stdout\"}}\n",
                    serde_json::to_string(&format!("{l}\n")).unwrap_or_default()
                )
            })
            .collect();
        let json_out = red.redact(&json);
        assert!(!json_out.contains("hunter2") && !json_out.contains("ghp_aBcD"));
        let json_time = best_of(10, || {
            std::hint::black_box(red.redact(std::hint::black_box(&json)));
        });
        let short = "cargo build --release && ./target/release/casefile note 'checked the logs'";
        let n = 100_000;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(Redactor::builtin().redact(std::hint::black_box(short)));
        }
        let short_time = t.elapsed() / n;

        println!("1 MiB with secrets, first call (compiles): {first_time:?}");
        println!("1 MiB with secrets: {dirty_time:?}");
        println!("1 MiB clean: {clean_time:?} (pre-check alone {pre_check:?})");
        println!(
            "the log with secrets as JSON lines ({} KiB): {json_time:?}",
            json.len() / 1024
        );
        println!("1 MiB, a secret on every line (worst case): {dense_time:?}");
        println!("short clean text ({} B): {short_time:?}", short.len());
        if !cfg!(debug_assertions) {
            assert!(first_time < Duration::from_millis(20), "{first_time:?}");
            assert!(dirty_time < Duration::from_millis(20), "{dirty_time:?}");
        }
    }
}
