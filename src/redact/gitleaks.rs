//! gitleaks' rule set, run the way gitleaks runs it, but lazily.
//!
//! The rules are data ([`super::rules`], generated from `data/gitleaks/gitleaks.toml` by
//! `cargo run --example gitleaks_rules`). One Aho–Corasick pass over the text, ASCII
//! case-insensitive, finds every rule keyword that occurs; only those rules run, and each
//! rule's regex (and its allowlists' regexes) compile on first use, once per process. Text
//! without any keyword therefore compiles nothing.
//!
//! A match becomes a finding as in gitleaks' `detect.go`: the secret is the rule's
//! `secretGroup`, else the first non-empty group, else the whole match; it must have a Shannon
//! entropy above the rule's threshold; and neither the global nor the rule's allowlists may
//! allow it (a regex on the secret, the match or the line; a stop word in the secret; `AND`
//! when the allowlist says so).

use std::ops::Range;
use std::sync::atomic::Ordering;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::bytes::{Regex, RegexBuilder};

use super::rules::{GLOBAL_ALLOW, RULES};
use super::COMPILED;

/// One gitleaks rule (generated data).
pub(super) struct Rule {
    pub id: &'static str,
    /// Rust regex syntax, compiled as a byte regex with Unicode off (Go's ASCII classes).
    pub regex: &'static str,
    /// 0: the first non-empty group, else the whole match.
    pub secret_group: usize,
    /// Lower-case; the rule runs only when one occurs (any case).
    pub keywords: &'static [&'static str],
    /// A secret must have a Shannon entropy above this (0: no check).
    pub entropy: f64,
    pub allow: &'static [Allow],
}

/// What an allowlist's regexes are matched against.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Target {
    Secret,
    Match,
    Line,
}

/// One allowlist: a finding it allows is dropped.
pub(super) struct Allow {
    pub target: Target,
    /// Every non-empty check must hold (else any one).
    pub and: bool,
    pub regexes: &'static [&'static str],
    /// Lower-case; allowed when the lower-cased secret contains one.
    pub stopwords: &'static [&'static str],
}

/// The number of generated rules.
pub(super) fn len() -> usize {
    RULES.len()
}

pub(super) fn id(rule: usize) -> &'static str {
    RULES[rule].id
}

#[cfg(test)]
pub(super) fn keywords_of(rule: usize) -> &'static [&'static str] {
    RULES[rule].keywords
}

#[cfg(test)]
pub(super) fn regex(rule: usize) -> &'static str {
    RULES[rule].regex
}

pub(super) fn ids() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|r| r.id)
}

/// Compiles `source` as gitleaks' rules need it: bytes, Unicode off. Large rules (the
/// generic ones) need more than the default size limit.
fn compile(source: &str) -> Option<Regex> {
    COMPILED.fetch_add(1, Ordering::Relaxed);
    RegexBuilder::new(&format!("(?-u){source}"))
        .size_limit(1 << 24)
        .build()
        .ok()
}

/// The keyword automaton and, per pattern, the rules it wakes.
struct Keywords {
    ac: Option<AhoCorasick>,
    rules_of: Vec<Vec<usize>>,
    /// Per pattern, per entry of `rules_of`: the literal the rule's regex starts with.
    literal_of: Vec<Vec<Option<Literal>>>,
}

/// A keyword that starts every match of its rule, as the regex spells it: an occurrence
/// counts only in that case (gitleaks lower-cases keywords, but `ey`, `SK` and `s.` are
/// case-sensitive in their regexes and occur inside words everywhere), and at a word start
/// when the regex begins with `\b`.
#[derive(Clone)]
struct Literal {
    text: String,
    word_start: bool,
}

/// The regex's leading literal for `keyword`, if every match starts with one of the
/// rule's keywords spelled literally (and case-sensitively).
fn literal_prefix(regex: &'static str, keyword: &str) -> Option<Literal> {
    let mut body = regex;
    let word_start = body.starts_with("\\b");
    if word_start {
        body = &body[2..];
    }
    loop {
        if let Some(rest) = body.strip_prefix("(?:") {
            body = rest;
        } else if let Some(rest) = body.strip_prefix('(').filter(|r| !r.starts_with('?')) {
            body = rest;
        } else {
            break;
        }
    }
    // Alternatives of the group `body` is in: each must start with a keyword literal.
    let mut depth = 0usize;
    let mut alts = vec![0usize];
    let mut end = body.len();
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => {
                // Skip a class (`]` first in it is literal).
                i += 1;
                if bytes.get(i) == Some(&b'^') {
                    i += 1;
                }
                i += 1;
                while i < bytes.len() && bytes[i] != b']' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' => depth += 1,
            b')' if depth == 0 => {
                end = i;
                break;
            }
            b')' => depth -= 1,
            b'|' if depth == 0 => alts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    let group = &body[..end];
    let mut mine = None;
    for &a in &alts {
        let alt = &group[a.min(group.len())..];
        let lit = leading_literal(alt)?;
        let n = lit.len().min(keyword.len());
        if mine.is_none() && lit[..n].eq_ignore_ascii_case(&keyword[..n]) {
            mine = Some(lit);
        }
    }
    // Each alternative starts with some literal; this keyword is one of them.
    mine.map(|text| Literal { text, word_start })
}

/// The literal `alt` starts with (unescaped), dropping its last char if a repetition
/// applies to it.
fn leading_literal(alt: &str) -> Option<String> {
    let b = alt.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' => {
                out.push(char::from(c));
                i += 1;
            }
            b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push(char::from(b[i + 1]));
                i += 2;
            }
            _ => break,
        }
    }
    if matches!(b.get(i), Some(b'{' | b'*' | b'?' | b'+')) {
        out.pop();
    }
    (!out.is_empty()).then_some(out)
}

fn keywords() -> &'static Keywords {
    static KW: OnceLock<Keywords> = OnceLock::new();
    KW.get_or_init(|| {
        let mut patterns: Vec<&'static str> = Vec::new();
        let mut rules_of: Vec<Vec<usize>> = Vec::new();
        let mut literal_of: Vec<Vec<Option<Literal>>> = Vec::new();
        for (i, rule) in RULES.iter().enumerate() {
            for kw in rule.keywords {
                // The literal gates the keyword occurrence by its first bytes (`EAA` of
                // `eaam`); a literal longer than the keyword says nothing more.
                let lit = literal_prefix(rule.regex, kw).map(|mut l| {
                    l.text.truncate(kw.len());
                    l
                });
                match patterns.iter().position(|p| p == kw) {
                    Some(p) => {
                        rules_of[p].push(i);
                        literal_of[p].push(lit);
                    }
                    None => {
                        patterns.push(kw);
                        rules_of.push(vec![i]);
                        literal_of.push(vec![lit]);
                    }
                }
            }
        }
        // Standard semantics so that overlapping keywords (`key` inside `apikey`) are all seen.
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        Keywords {
            ac,
            rules_of,
            literal_of,
        }
    })
}

/// A keyword occurrence's extra condition, for rules whose keywords are ordinary words.
#[derive(Clone, Copy, PartialEq)]
enum Gate {
    None,
    /// A secret-named key, an operator and a value ([`super::assign::generic_gate`]).
    Assignment,
    /// `kind: Secret` ([`super::assign::kind_secret_gate`]).
    KindSecret,
}

fn gate_of(id: &str) -> Gate {
    match id {
        "generic-api-key" | "hashicorp-tf-password" => Gate::Assignment,
        "kubernetes-secret-yaml" => Gate::KindSecret,
        _ => Gate::None,
    }
}

/// Which rules' keywords occur in `text` (with their gate), as a bit set over rule indices:
/// one Aho–Corasick pass.
#[cfg(test)]
pub(super) fn candidates(text: &[u8]) -> Vec<u64> {
    candidates_with_hits(text).0
}

/// Texts up to this size are first checked for any keyword by plain substring search, so
/// that a clean short write never builds the keyword automaton: building it (and reading
/// every rule's leading literal) took 1.1–1.4 ms, most of a write's budget.
const SHORT_TEXT: usize = 4096;

/// Every rule keyword, keyed by its first two bytes (`a << 8 | b`, lower-case), sorted by that
/// key; built at compile time.
static KEYWORDS_BY_PAIR: [(u16, &str); count_keywords(RULES)] = keywords_by_pair(RULES);

/// The same keys as a set (bit `key` of 65,536), so that most positions cost one lookup.
static KEYWORD_PAIRS: [u64; 1024] = {
    let mut set = [0u64; 1024];
    let mut i = 0;
    while i < KEYWORDS_BY_PAIR.len() {
        let key = KEYWORDS_BY_PAIR[i].0 as usize;
        set[key / 64] |= 1 << (key % 64);
        i += 1;
    }
    set
};

const fn count_keywords(rules: &[Rule]) -> usize {
    let mut n = 0;
    let mut r = 0;
    while r < rules.len() {
        n += rules[r].keywords.len();
        r += 1;
    }
    n
}

const fn pair_key(a: u8, b: u8) -> u16 {
    (a.to_ascii_lowercase() as u16) << 8 | b.to_ascii_lowercase() as u16
}

const fn keywords_by_pair<const N: usize>(rules: &[Rule]) -> [(u16, &'static str); N] {
    let mut out: [(u16, &'static str); N] = [(0, ""); N];
    let mut n = 0;
    let mut r = 0;
    while r < rules.len() {
        let mut k = 0;
        while k < rules[r].keywords.len() {
            let word = rules[r].keywords[k];
            let b = word.as_bytes();
            // Every generated keyword has at least two bytes (checked by a test); a shorter
            // one would be keyed by its only byte twice and still be found.
            let key = if b.len() >= 2 {
                pair_key(b[0], b[1])
            } else {
                pair_key(b[0], b[0])
            };
            // Insertion sort: a few hundred keywords, once, at compile time.
            let mut i = n;
            while i > 0 && out[i - 1].0 > key {
                out[i] = out[i - 1];
                i -= 1;
            }
            out[i] = (key, word);
            n += 1;
            k += 1;
        }
        r += 1;
    }
    out
}

/// Whether any rule's keyword occurs in `text` (ASCII case-insensitive, as the automaton).
///
/// Hand-written for the clean write's sake: it builds nothing at run time and avoids
/// `memchr`, whose first use detects CPU features with `cpuid` (a trap to the hypervisor in a
/// VM). Measured with callgrind on a clean 29-byte note: the previous version (a sorted,
/// deduplicated keyword list built on first use, then one `memmem` search per keyword) cost
/// 350K instructions of the write's 2.7M; this one costs about 2K.
fn any_keyword(text: &[u8]) -> bool {
    let table = &KEYWORDS_BY_PAIR[..];
    text.windows(2).enumerate().any(|(at, pair)| {
        let key = pair_key(pair[0], pair[1]);
        if KEYWORD_PAIRS[usize::from(key) / 64] & (1 << (key % 64)) == 0 {
            return false;
        }
        let from = table.partition_point(|&(k, _)| k < key);
        table[from..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .any(|&(_, word)| {
                text[at..]
                    .get(..word.len())
                    .is_some_and(|here| here.eq_ignore_ascii_case(word.as_bytes()))
            })
    })
}

/// Most keyword occurrences kept per rule; past it the rule searches the whole text.
const MAX_HITS: usize = 4096;

/// As `candidates`, with where each rule's (open) keywords occur, so that a rule searches
/// only the text around them ([`find_near`]).
pub(super) fn candidates_with_hits(text: &[u8]) -> (Vec<u64>, Vec<Vec<usize>>) {
    let mut set = vec![0u64; RULES.len().div_ceil(64)];
    let mut hits: Vec<Vec<usize>> = vec![Vec::new(); RULES.len()];
    if text.len() <= SHORT_TEXT && !any_keyword(text) {
        return (set, hits);
    }
    let kw = keywords();
    let Some(ac) = &kw.ac else {
        return (set, hits);
    };
    for m in ac.find_overlapping_iter(text) {
        let p = m.pattern().as_usize();
        for (n, &r) in kw.rules_of[p].iter().enumerate() {
            if hits[r].len() > MAX_HITS {
                continue;
            }
            let literal_ok = kw.literal_of[p][n]
                .as_ref()
                .is_none_or(|l| literal_at(text, m.start(), l));
            let open = literal_ok
                && match gate_of(RULES[r].id) {
                    Gate::None => true,
                    Gate::Assignment => super::assign::generic_gate(text, m.end()),
                    Gate::KindSecret => super::assign::kind_secret_gate(text, m.start()),
                };
            if open {
                set[r / 64] |= 1 << (r % 64);
                hits[r].push(m.start());
            }
        }
    }
    (set, hits)
}

/// The text around keyword occurrences `hits` that a match containing one can span: from the
/// line 512 bytes before to the line end 2 KiB after (gitleaks' multi-line rules reach a few
/// lines; `kubernetes-secret-yaml` looks 300 bytes back). Whole lines, merged.
fn windows(text: &[u8], hits: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for &h in hits {
        let lo = h.saturating_sub(512);
        let start = text[..lo]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let hi = (h + 2048).min(text.len());
        let end = text[hi..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |p| hi + p);
        match out.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => out.push(start..end),
        }
    }
    out
}

/// As [`find`], searching only around the rule's keyword occurrences (`hits`, ascending);
/// past [`MAX_HITS`] the whole text.
pub(super) fn find_near(rule: usize, text: &[u8], hits: &[usize], out: &mut Vec<Range<usize>>) {
    if hits.is_empty() || hits.len() > MAX_HITS {
        find(rule, text, out);
        return;
    }
    let mut both = Vec::new();
    for w in windows(text, hits) {
        both.clear();
        find_with_matches(rule, &text[w.clone()], &mut both);
        out.extend(both.iter().map(|(_, s)| s.start + w.start..s.end + w.start));
    }
}

/// Whether literal `l` is spelled as in the regex at `at` (and starts a word if it must).
fn literal_at(text: &[u8], at: usize, l: &Literal) -> bool {
    text.get(at..at + l.text.len()) == Some(l.text.as_bytes())
        && (!l.word_start
            || at == 0
            || !(text[at - 1].is_ascii_alphanumeric() || text[at - 1] == b'_'))
}

/// Whether a keyword of gated rule `rule` inside `whole` opens its gate, so that a finding
/// never depends on whether the keyword pass or a forced run picked the rule.
fn gate_open_in(rule: usize, text: &[u8], whole: &Range<usize>) -> bool {
    let kw = keywords();
    let Some(ac) = &kw.ac else {
        return false;
    };
    let gate = gate_of(RULES[rule].id);
    ac.find_overlapping_iter(&text[whole.clone()]).any(|m| {
        kw.rules_of[m.pattern().as_usize()].contains(&rule)
            && match gate {
                Gate::None => true,
                Gate::Assignment => super::assign::generic_gate(text, whole.start + m.end()),
                Gate::KindSecret => super::assign::kind_secret_gate(text, whole.start + m.start()),
            }
    })
}

pub(super) fn is_candidate(set: &[u64], rule: usize) -> bool {
    set.get(rule / 64)
        .is_some_and(|w| w & (1 << (rule % 64)) != 0)
}

struct Compiled {
    regex: Option<Regex>,
}

fn rule_regex(rule: usize) -> Option<&'static Regex> {
    static CELLS: OnceLock<Vec<OnceLock<Compiled>>> = OnceLock::new();
    let cells = CELLS.get_or_init(|| (0..RULES.len()).map(|_| OnceLock::new()).collect());
    cells
        .get(rule)?
        .get_or_init(|| Compiled {
            regex: compile(RULES[rule].regex),
        })
        .regex
        .as_ref()
}

/// One allowlist's regexes as a single alternation (one compile, one search).
fn allow_regex(allow: &'static Allow) -> Option<&'static Regex> {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static CACHE: OnceLock<Mutex<HashMap<usize, &'static Option<Regex>>>> = OnceLock::new();
    if allow.regexes.is_empty() {
        return None;
    }
    let key = allow as *const Allow as usize;
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut guard = cache.lock().unwrap_or_else(|e| e.into_inner());
    let entry = guard.entry(key).or_insert_with(|| {
        let alternation = allow
            .regexes
            .iter()
            .map(|r| format!("(?:{r})"))
            .collect::<Vec<_>>()
            .join("|");
        Box::leak(Box::new(compile(&alternation)))
    });
    entry.as_ref()
}

/// One allowlist's stop words as one case-insensitive automaton (gitleaks' generic rule has
/// 1,446: one `contains` each per finding was most of a secret-laden log's time).
fn stopword_automaton(allow: &'static Allow) -> Option<&'static AhoCorasick> {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static CACHE: OnceLock<Mutex<HashMap<usize, &'static Option<AhoCorasick>>>> = OnceLock::new();
    let key = allow as *const Allow as usize;
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut guard = cache.lock().unwrap_or_else(|e| e.into_inner());
    let entry = guard.entry(key).or_insert_with(|| {
        Box::leak(Box::new(
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(allow.stopwords)
                .ok(),
        ))
    });
    entry.as_ref()
}

/// Shannon entropy of the bytes, in bits per byte (gitleaks' `shannonEntropy` counts runes;
/// secrets are ASCII, where the two agree).
pub(super) fn entropy(s: &[u8]) -> f64 {
    if s.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in s {
        counts[usize::from(b)] += 1;
    }
    let n = s.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum()
}

/// The line(s) holding `span`.
fn line_of(text: &[u8], span: &Range<usize>) -> Range<usize> {
    let start = text[..span.start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let end = text[span.end..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |p| span.end + p);
    start..end
}

fn allowed(allows: &'static [Allow], text: &[u8], whole: &Range<usize>, secret: &[u8]) -> bool {
    allows.iter().any(|a| {
        let regex_hit = (!a.regexes.is_empty()).then(|| {
            let target = match a.target {
                Target::Secret => secret,
                Target::Match => &text[whole.clone()],
                Target::Line => &text[line_of(text, whole)],
            };
            allow_regex(a).is_some_and(|re| re.is_match(target))
        });
        let stop_hit = (!a.stopwords.is_empty()).then(|| {
            stopword_automaton(a).map_or_else(
                || {
                    let lower = secret.to_ascii_lowercase();
                    a.stopwords
                        .iter()
                        .any(|w| memchr::memmem::find(&lower, w.as_bytes()).is_some())
                },
                |ac| ac.is_match(secret),
            )
        });
        let checks = [regex_hit, stop_hit];
        let mut present = checks.iter().flatten().peekable();
        if present.peek().is_none() {
            return false;
        }
        if a.and {
            present.all(|&b| b)
        } else {
            present.any(|&b| b)
        }
    })
}

/// The secrets rule `rule` finds in `text` (byte ranges, possibly not on char boundaries).
pub(super) fn find(rule: usize, text: &[u8], out: &mut Vec<Range<usize>>) {
    let mut both = Vec::new();
    find_with_matches(rule, text, &mut both);
    out.extend(both.into_iter().map(|(_, secret)| secret));
}

/// Whether rule `id`'s allowlists (or the global ones) allow `secret`, found in `whole`.
pub(super) fn allowed_by(id: &str, text: &[u8], whole: &Range<usize>, secret: &[u8]) -> bool {
    allowed(GLOBAL_ALLOW, text, whole, secret)
        || RULES
            .iter()
            .find(|r| r.id == id)
            .is_some_and(|r| allowed(r.allow, text, whole, secret))
}

/// Whether rule `id`'s allowlists on the match or the line (regexes only, no stop words)
/// allow the finding `whole`: `bucket_key: …`, `csrf-token=…`, `publicToken = …`.
pub(super) fn allowed_by_context(id: &str, text: &[u8], whole: &Range<usize>) -> bool {
    RULES.iter().find(|r| r.id == id).is_some_and(|r| {
        r.allow.iter().any(|a| {
            !a.and
                && a.target != Target::Secret
                && allow_regex(a).is_some_and(|re| {
                    let target = match a.target {
                        Target::Line => &text[line_of(text, whole)],
                        _ => &text[whole.clone()],
                    };
                    re.is_match(target)
                })
        })
    })
}

/// As [`find`], with each secret's whole match: `(match, secret)`.
pub(super) fn find_with_matches(
    rule: usize,
    text: &[u8],
    out: &mut Vec<(Range<usize>, Range<usize>)>,
) {
    let Some(re) = rule_regex(rule) else {
        return;
    };
    let r = &RULES[rule];
    let mut locs = re.capture_locations();
    let mut at = 0;
    while at <= text.len() {
        let Some(whole) = re.captures_read_at(&mut locs, text, at) else {
            break;
        };
        let whole = whole.range();
        at = if whole.is_empty() {
            whole.end + 1
        } else {
            whole.end
        };
        let secret = if r.secret_group > 0 {
            locs.get(r.secret_group)
        } else {
            (1..locs.len())
                .filter_map(|g| locs.get(g))
                .find(|(s, e)| e > s)
        };
        let secret = secret.map_or(whole.clone(), |(s, e)| s..e);
        if secret.is_empty() {
            continue;
        }
        if gate_of(r.id) != Gate::None && !gate_open_in(rule, text, &whole) {
            continue;
        }
        let bytes = &text[secret.clone()];
        if r.entropy > 0.0 && entropy(bytes) <= r.entropy {
            continue;
        }
        if allowed(GLOBAL_ALLOW, text, &whole, bytes) || allowed(r.allow, text, &whole, bytes) {
            continue;
        }
        out.push((whole, secret));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition `any_keyword` must agree with: some keyword is a substring of the
    /// lower-cased text.
    fn naive(text: &[u8]) -> bool {
        let lowered = text.to_ascii_lowercase();
        RULES.iter().flat_map(|r| r.keywords.iter()).any(|k| {
            lowered
                .windows(k.len())
                .any(|w| w == k.to_ascii_lowercase().as_bytes())
        })
    }

    #[test]
    fn every_keyword_has_two_bytes_and_is_indexed() {
        assert_eq!(
            KEYWORDS_BY_PAIR.len(),
            RULES.iter().map(|r| r.keywords.len()).sum::<usize>()
        );
        assert!(KEYWORDS_BY_PAIR.windows(2).all(|w| w[0].0 <= w[1].0));
        for rule in RULES {
            for k in rule.keywords {
                assert!(k.len() >= 2, "{}: keyword {k:?}", rule.id);
            }
        }
    }

    #[test]
    fn every_keyword_is_found_in_any_case_anywhere() {
        for rule in RULES {
            for k in rule.keywords {
                let upper = k.to_ascii_uppercase();
                for text in [
                    k.to_string(),
                    format!("x{k}"),
                    format!("the {upper} at the end"),
                    format!("{upper}."),
                ] {
                    assert!(any_keyword(text.as_bytes()), "{}: {text:?}", rule.id);
                }
            }
        }
        assert!(!any_keyword(
            b"the resync loop started again after failover"
        ));
        assert!(!any_keyword(b""));
        assert!(!any_keyword(b"x"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn any_keyword_agrees_with_a_substring_search(
            text in proptest::collection::vec(
                prop_oneof![
                    Just(b'a'), Just(b'p'), Just(b'i'), Just(b'K'), Just(b'e'), Just(b'y'),
                    Just(b'_'), Just(b's'), Just(b'T'), Just(b'o'), Just(b'n'), Just(b'-'),
                    any::<u8>(),
                ],
                0..40,
            )
        ) {
            prop_assert_eq!(any_keyword(&text), naive(&text));
        }
    }
}
