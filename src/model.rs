//! The journal's vocabulary: cases, entries, kinds, states and links. No I/O here.
//!
//! The serde shapes of [`Entry`] and [`CaseInfo`] are the contract's JSON field names; they are
//! printed by `--json` and carried in bundles, so renaming a field is a breaking change.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An entry's number within its case: `#7` shown, `7` or `#7` accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryNumber(pub i64);

impl FromStr for EntryNumber {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let digits = s.trim().strip_prefix('#').unwrap_or(s.trim());
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("`{s}` is not an entry number; write it as 7 or #7"));
        }
        match digits.parse::<i64>() {
            Ok(0) => Err("entry numbers start at 1".to_string()),
            Ok(n) => Ok(EntryNumber(n)),
            Err(_) => Err(format!("`{s}` is too large to be an entry number")),
        }
    }
}

impl fmt::Display for EntryNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// How the command line names an entry: its number (`7`, `#7`) or a short id, a prefix of its
/// UUID of at least [`EntryRef::MIN_SHORT`] hex digits (`0193a4f2`, `#0193a4f2`, hyphens
/// optional). All digits is a number, so a displayed short id always holds a letter.
/// Resolved against a case by `CaseStore::resolve`, the one resolver every command uses.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EntryRef {
    Number(EntryNumber),
    /// Lowercase hex digits of a UUID prefix, hyphens removed.
    Short(String),
}

impl EntryRef {
    /// The fewest hex digits accepted as a short id.
    pub const MIN_SHORT: usize = 4;
}

impl FromStr for EntryRef {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let body = s.trim().strip_prefix('#').unwrap_or(s.trim());
        if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse().map(EntryRef::Number);
        }
        let hex: String = body
            .chars()
            .filter(|c| *c != '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if hex.len() >= EntryRef::MIN_SHORT
            && hex.len() <= 32
            && hex.bytes().all(|b| b.is_ascii_hexdigit())
            && !body.starts_with('-')
        {
            return Ok(EntryRef::Short(hex));
        }
        Err(format!(
            "`{s}` is not an entry number or id; write a number (7 or #7) or a short id (a prefix of the entry's UUID, at least {} hex digits, as `show` prints it)",
            EntryRef::MIN_SHORT
        ))
    }
}

impl fmt::Display for EntryRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryRef::Number(n) => n.fmt(f),
            EntryRef::Short(hex) => f.write_str(hex),
        }
    }
}

/// What an entry is. Spelled in JSON and on the command line as the contract says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Note,
    #[value(alias = "hypo")]
    Hypothesis,
    #[value(alias = "ev")]
    Evidence,
    #[value(alias = "dead")]
    DeadEnd,
    Event,
    #[value(alias = "todo")]
    Action,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Note,
        Kind::Hypothesis,
        Kind::Evidence,
        Kind::DeadEnd,
        Kind::Event,
        Kind::Action,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Note => "note",
            Kind::Hypothesis => "hypothesis",
            Kind::Evidence => "evidence",
            Kind::DeadEnd => "dead-end",
            Kind::Event => "event",
            Kind::Action => "action",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The state a new entry of this kind starts in, if the kind has states at all.
    pub fn initial_state(self) -> Option<State> {
        match self {
            Kind::Hypothesis | Kind::Action => Some(State::Open),
            _ => None,
        }
    }

    /// An article for error messages ("a note", "an action").
    pub fn with_article(self) -> String {
        match self {
            Kind::Evidence => "evidence".to_string(),
            Kind::Action | Kind::Event => format!("an {}", self.as_str()),
            _ => format!("a {}", self.as_str()),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The state of a hypothesis (`open|confirmed|refuted`) or an action (`open|done`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Open,
    Confirmed,
    Refuted,
    Done,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Confirmed => "confirmed",
            State::Refuted => "refuted",
            State::Done => "done",
        }
    }

    pub const ALL: [State; 4] = [State::Open, State::Confirmed, State::Refuted, State::Done];

    pub fn parse(s: &str) -> Option<State> {
        State::from_bytes(s.as_bytes())
    }

    /// [`State::parse`] of a column's bytes, without checking them as UTF-8 first.
    pub fn from_bytes(b: &[u8]) -> Option<State> {
        State::ALL
            .into_iter()
            .find(|st| st.as_str().as_bytes() == b)
    }

    /// Whether an entry of `kind` can be in this state.
    pub fn applies_to(self, kind: Kind) -> bool {
        matches!(
            (kind, self),
            (
                Kind::Hypothesis,
                State::Open | State::Confirmed | State::Refuted
            ) | (Kind::Action, State::Open | State::Done)
        )
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The state of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseState {
    Open,
    Resolved,
    Abandoned,
}

impl CaseState {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::Open => "open",
            CaseState::Resolved => "resolved",
            CaseState::Abandoned => "abandoned",
        }
    }

    pub fn parse(s: &str) -> Option<CaseState> {
        [CaseState::Open, CaseState::Resolved, CaseState::Abandoned]
            .into_iter()
            .find(|st| st.as_str() == s)
    }

    pub fn is_open(self) -> bool {
        self == CaseState::Open
    }
}

impl fmt::Display for CaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How one entry relates to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkType {
    Supports,
    Refutes,
    Because,
    RulesOut,
}

impl LinkType {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkType::Supports => "supports",
            LinkType::Refutes => "refutes",
            LinkType::Because => "because",
            LinkType::RulesOut => "rules-out",
        }
    }

    pub const ALL: [LinkType; 4] = [
        LinkType::Supports,
        LinkType::Refutes,
        LinkType::Because,
        LinkType::RulesOut,
    ];

    pub fn parse(s: &str) -> Option<LinkType> {
        LinkType::from_bytes(s.as_bytes())
    }

    /// [`LinkType::parse`] of a column's bytes, without checking them as UTF-8 first.
    pub fn from_bytes(b: &[u8]) -> Option<LinkType> {
        LinkType::ALL
            .into_iter()
            .find(|t| t.as_str().as_bytes() == b)
    }
}

/// A link from the entry that holds it to `target`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    #[serde(rename = "type")]
    pub link_type: LinkType,
    pub target: i64,
}

/// Where the author was when the entry was written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    pub cwd: Option<String>,
    pub git_branch: Option<String>,
    pub git_commit: Option<String>,
    pub git_dirty: Option<bool>,
    pub host: Option<String>,
}

/// An attachment as listed with its entry (the content travels only in bundles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentInfo {
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

/// What `casefile run` recorded about the command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandInfo {
    pub argv: Vec<String>,
    pub exit_code: Option<i32>,
    pub duration_ms: u64,
}

/// One earlier text of an entry, kept when it was edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryItem {
    pub text: String,
    pub edited_at: String,
    pub author: String,
}

/// An entry as the contract's JSON shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub number: i64,
    pub uuid: String,
    /// The shortest prefix of `uuid` that is unique in the case (at least 8 hex digits and
    /// one letter), accepted wherever a number is. Filled for whole entries (`show`, JSON).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_id: String,
    pub kind: Kind,
    pub text: String,
    pub author: String,
    pub recorded_at: String,
    pub occurred_at: Option<String>,
    pub state: Option<State>,
    pub tags: Vec<String>,
    pub links: Vec<Link>,
    pub context: Context,
    pub attachments: Vec<AttachmentInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<CommandInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryItem>,
    /// Pinned entries head the briefing in full (`pin`, `note --pin`, `new -d`).
    #[serde(default)]
    pub pinned: bool,
    /// Withdrawn as written by mistake (`retract`): left out of every view but `show` and
    /// `log --all`, kept in the bundle.
    #[serde(default)]
    pub retracted: bool,
    /// Who is on this hypothesis or action now (`claim`), while the claim holds.
    #[serde(default)]
    pub claim: Option<Claim>,
    /// An action's owner (`todo --owner`).
    #[serde(default)]
    pub owner: Option<String>,
    /// An action's due time, RFC 3339 (`todo --due`).
    #[serde(default)]
    pub due: Option<String>,
    /// An action's ticket (`todo --ticket`).
    #[serde(default)]
    pub ticket: Option<String>,
    /// An event known to be before (`good`) or after (`bad`) the fault.
    #[serde(default)]
    pub mark: Option<Mark>,
    /// Changes made after the entry was written (pin, claim, retract, `edit --at`, unlink),
    /// oldest first; filled by `show`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangeItem>,
}

/// Who holds a claim on an entry and since when (RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub author: String,
    pub since: String,
}

impl Claim {
    /// Whether the claim still holds at `now_ms`, given how long claims last.
    pub fn holds(&self, now_ms: i64, expiry: std::time::Duration) -> bool {
        match chrono::DateTime::parse_from_rfc3339(&self.since) {
            Ok(since) => now_ms < since.timestamp_millis() + expiry.as_millis() as i64,
            Err(_) => false,
        }
    }
}

/// An event's place relative to the fault, like `git bisect good|bad` over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    Good,
    Bad,
}

impl Mark {
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Good => "good",
            Mark::Bad => "bad",
        }
    }

    pub fn parse(s: &str) -> Option<Mark> {
        match s {
            "good" => Some(Mark::Good),
            "bad" => Some(Mark::Bad),
            _ => None,
        }
    }
}

/// What a change after writing did to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeOp {
    Pin,
    Unpin,
    Claim,
    Unclaim,
    Retract,
    Unretract,
    /// `edit N --at T`: the time it happened was corrected.
    At,
    /// A link from this entry was removed.
    Unlink,
}

impl ChangeOp {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeOp::Pin => "pin",
            ChangeOp::Unpin => "unpin",
            ChangeOp::Claim => "claim",
            ChangeOp::Unclaim => "unclaim",
            ChangeOp::Retract => "retract",
            ChangeOp::Unretract => "unretract",
            ChangeOp::At => "at",
            ChangeOp::Unlink => "unlink",
        }
    }

    pub fn parse(s: &str) -> Option<ChangeOp> {
        [
            ChangeOp::Pin,
            ChangeOp::Unpin,
            ChangeOp::Claim,
            ChangeOp::Unclaim,
            ChangeOp::Retract,
            ChangeOp::Unretract,
            ChangeOp::At,
            ChangeOp::Unlink,
        ]
        .into_iter()
        .find(|op| op.as_str() == s)
    }
}

/// One change after writing, as `show` lists it and JSON carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeItem {
    pub op: ChangeOp,
    /// The new value: the corrected time (`at`), the reason (`retract`), the link (`unlink`).
    #[serde(default)]
    pub value: Option<String>,
    /// What was there before (`at`: the earlier time; `unlink`: the link removed).
    #[serde(default)]
    pub previous: Option<String>,
    pub at: String,
    pub author: String,
}

impl Entry {
    /// The time the entry is about: `occurred_at` when given, else `recorded_at`.
    pub fn when(&self) -> &str {
        self.occurred_at.as_deref().unwrap_or(&self.recorded_at)
    }

    /// A refuted hypothesis counts as a dead end in every view.
    pub fn is_dead_end(&self) -> bool {
        self.kind == Kind::DeadEnd
            || (self.kind == Kind::Hypothesis && self.state == Some(State::Refuted))
    }

    /// Forget a claim that has lapsed (`claims.expire` after it was made).
    pub fn drop_lapsed_claim(&mut self, now_ms: i64, expiry: std::time::Duration) {
        if self
            .claim
            .as_ref()
            .is_some_and(|c| !c.holds(now_ms, expiry))
        {
            self.claim = None;
        }
    }

    /// The text's telling line (see [`telling_line`]), for one-line views.
    pub fn headline(&self) -> std::borrow::Cow<'_, str> {
        headline(&self.text)
    }
}

/// Columns of the close review on `case_event` and `case_meta`, in [`Review::fields`] order.
pub const REVIEW_COLUMNS: [&str; 10] = [
    "started_at",
    "detected_at",
    "mitigated_at",
    "resolved_at",
    "incident_trigger",
    "detection",
    "mitigation",
    "went_well",
    "went_wrong",
    "lucky",
];

/// What a close records beyond the five postmortem fields: the incident's clock (stored
/// times, RFC 3339 with their offsets) and the SRE / after-action texts. Every field is
/// optional; like the others, a case's value is the latest close that set it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// When the incident started (`close --started`; else the postmortem uses the first event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detected_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<String>,
    /// What set the fault off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
    /// How it was noticed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detection: Option<String>,
    /// What stopped the harm (as against the permanent fix).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub went_well: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub went_wrong: Option<String>,
    /// Where we got lucky.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lucky: Option<String>,
}

impl Review {
    /// The fields in [`REVIEW_COLUMNS`] order.
    pub fn fields(&self) -> [&Option<String>; 10] {
        [
            &self.started_at,
            &self.detected_at,
            &self.mitigated_at,
            &self.resolved_at,
            &self.trigger,
            &self.detection,
            &self.mitigation,
            &self.went_well,
            &self.went_wrong,
            &self.lucky,
        ]
    }

    /// The fields in [`REVIEW_COLUMNS`] order, to fill.
    pub fn fields_mut(&mut self) -> [&mut Option<String>; 10] {
        [
            &mut self.started_at,
            &mut self.detected_at,
            &mut self.mitigated_at,
            &mut self.resolved_at,
            &mut self.trigger,
            &mut self.detection,
            &mut self.mitigation,
            &mut self.went_well,
            &mut self.went_wrong,
            &mut self.lucky,
        ]
    }

    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|f| f.is_none())
    }
}

/// The case as `status --json` and bundles show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseInfo {
    pub uuid: String,
    pub slug: String,
    pub title: String,
    pub state: CaseState,
    pub opened_at: String,
    pub closed_at: Option<String>,
    pub tickets: Vec<String>,
    pub tags: Vec<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub impact: Option<String>,
    #[serde(default)]
    pub root_cause: Option<String>,
    #[serde(default)]
    pub fix: Option<String>,
    #[serde(default)]
    pub lessons: Option<String>,
    /// The incident's clock and the review texts (flattened: `trigger`, `went_well`, …).
    #[serde(flatten, default)]
    pub review: Review,
}

/// One row of `list`: a case and its counts.
#[derive(Debug, Clone, Serialize)]
pub struct CaseSummary {
    #[serde(flatten)]
    pub case: CaseInfo,
    pub current: bool,
    pub open_hypotheses: i64,
    pub entries: i64,
    pub last_activity: String,
}

impl CaseSummary {
    /// Last activity as Unix ms, for sorting (0 when unreadable).
    pub fn last_activity_ms(&self) -> i64 {
        crate::time::parse_stored(&self.last_activity)
            .map(|t| crate::time::unix_ms(&t))
            .unwrap_or(0)
    }
}

/// The longest slug allowed.
pub const MAX_SLUG_LEN: usize = 64;

/// Derive a slug from a title: lowercase ASCII letters, digits and `-`, at most 64 characters,
/// cut at a word boundary. Returns `None` when the title has no usable character.
pub fn slugify(title: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    for ch in title.chars() {
        if ch.is_ascii_alphanumeric() {
            current.push(ch.to_ascii_lowercase());
        } else if ch == '\'' || ch == '\u{2019}' {
            // "don't" → "dont": an apostrophe does not split a word.
        } else if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    let mut slug = String::new();
    for word in words {
        let needed = if slug.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if slug.len() + needed > MAX_SLUG_LEN {
            if slug.is_empty() {
                // One word longer than the limit: cut it, there is no boundary to respect.
                slug.push_str(&word[..MAX_SLUG_LEN]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    (!slug.is_empty()).then_some(slug)
}

/// Check a slug given with `--slug` (or taken from a bundle).
pub fn validate_slug(slug: &str) -> Result<(), String> {
    if slug.is_empty() {
        return Err("a slug cannot be empty".into());
    }
    if slug.len() > MAX_SLUG_LEN {
        return Err(format!(
            "slug `{}…` is {} characters long; the limit is {MAX_SLUG_LEN}",
            &slug[..slug.char_indices().nth(20).map_or(slug.len(), |(i, _)| i)],
            slug.len()
        ));
    }
    if !slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(format!(
            "slug `{slug}` may only hold lowercase ASCII letters, digits and `-`"
        ));
    }
    if slug.starts_with('-') || slug.ends_with('-') {
        return Err(format!("slug `{slug}` cannot start or end with `-`"));
    }
    Ok(())
}

/// The telling line of `text` (see [`telling_line`]), cut to at most `max` characters (the
/// last one left for an ellipsis), and whether it was cut: how a mention of an entry starts.
pub fn first_line_cut(text: &str, max: usize) -> (&str, bool) {
    let line = telling_line(text);
    // At most `max` bytes is at most that many characters; ASCII is a byte a character.
    if line.len() <= max {
        return (line, false);
    }
    if line.is_ascii() {
        return (&line[..max.saturating_sub(1)], true);
    }
    match line.char_indices().nth(max.saturating_sub(1)) {
        Some((cut, _)) if line[cut..].chars().nth(1).is_some() => (&line[..cut], true),
        _ => (line, false),
    }
}

/// The most informative line of a text: the one line every one-line view shows (status, log,
/// search, `show`'s links, completion, postmortem mentions).
///
/// For a traceback or panic that is the exception line, not the first line (`Traceback (most
/// recent call last):` tells nothing): Python (and Ruby 2.5+ in that layout), the first
/// unindented line after the last `Traceback` header; JVM, the last `Caused by:` (the root
/// cause), else the line above the first `at` frame; Node, the line above the first `at`
/// frame; Ruby, the line above the first `from` frame; Go, the `panic:` or `fatal error:`
/// line; Rust, the panic message (the line after `panicked at …:`, or the `panicked at 'msg'`
/// line of older Rusts). Anything else: the first non-empty line. Trimmed either side.
pub fn telling_line(text: &str) -> &str {
    // One line (almost every entry): nothing to choose.
    if memchr::memchr(b'\n', text.as_bytes()).is_none() {
        return text.trim();
    }
    let lines: Vec<&str> = text.lines().collect();
    trace_line(&lines)
        .map(|i| lines[i].trim())
        .or_else(|| lines.iter().map(|l| l.trim()).find(|l| !l.is_empty()))
        .unwrap_or("")
}

/// The headline of a text: its [`telling_line`], and for a trace written under a caption
/// (`ev "deploy failed:" -` with a traceback piped in, or a first line saying what the trace
/// is), the caption before it: `deploy failed: ValueError: bad port`. The caption is the first
/// non-empty line when it comes before the trace begins and is not part of it.
pub fn headline(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if memchr::memchr(b'\n', text.as_bytes()).is_none() {
        return Cow::Borrowed(text.trim());
    }
    let lines: Vec<&str> = text.lines().collect();
    let Some(exception) = trace_line(&lines) else {
        return Cow::Borrowed(telling_line(text));
    };
    let line = lines[exception].trim();
    match caption(&lines, exception) {
        Some(c) if c.ends_with(':') => Cow::Owned(format!("{c} {line}")),
        Some(c) => Cow::Owned(format!("{c}: {line}")),
        None => Cow::Borrowed(line),
    }
}

/// The caption above the trace whose exception line is `lines[exception]`: the first
/// non-empty line, unless it is the exception line or a line of the trace itself (a
/// `Traceback` header, a panic, `Exception in thread`, Node's `file.js:12` location, a stack
/// frame, or the message a frame follows).
fn caption<'a>(lines: &[&'a str], exception: usize) -> Option<&'a str> {
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    if first >= exception {
        return None;
    }
    let line = lines[first];
    let t = line.trim();
    let frame = |l: &str| {
        let t = l.trim_start();
        l.starts_with([' ', '\t']) && (t.starts_with("at ") || t.starts_with("from "))
    };
    let node_location = t.rsplit_once(':').is_some_and(|(path, n)| {
        !path.contains(' ') && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
    });
    let followed_by_frame = lines[first + 1..]
        .iter()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| frame(l));
    let of_the_trace = line.starts_with([' ', '\t'])
        || t.starts_with("Traceback (most recent call last)")
        || t.starts_with("panic: ")
        || t.starts_with("fatal error: ")
        || t.starts_with("goroutine ")
        || t.starts_with("Exception in thread ")
        || t.starts_with("Caused by:")
        || line.contains("panicked at ")
        || node_location
        || followed_by_frame;
    (!of_the_trace).then_some(t)
}

/// The index of a trace's exception line, if `lines` hold a traceback or panic.
fn trace_line(lines: &[&str]) -> Option<usize> {
    let indented = |l: &str| l.starts_with([' ', '\t']);
    let blank = |l: &str| l.trim().is_empty();
    // Python: the exception line follows the last header's indented frames.
    if let Some(header) = lines.iter().rposition(|l| {
        l.trim_start()
            .starts_with("Traceback (most recent call last)")
    }) {
        if let Some(i) =
            (header + 1..lines.len()).find(|&i| !indented(lines[i]) && !blank(lines[i]))
        {
            return Some(i);
        }
    }
    // JVM: the root cause.
    if let Some(i) = lines
        .iter()
        .rposition(|l| l.trim_start().starts_with("Caused by:"))
    {
        return Some(i);
    }
    // Go and Rust panics.
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        if t.starts_with("panic: ") || t.starts_with("fatal error: ") {
            return Some(i);
        }
        if l.contains("panicked at ") {
            // Rust 1.73+: `thread 'main' panicked at src/main.rs:4:5:` then the message.
            if t.trim_end().ends_with(':') && lines.get(i + 1).is_some_and(|n| !blank(n)) {
                return Some(i + 1);
            }
            return Some(i);
        }
    }
    // JVM (`Exception in thread …`, a logged exception), Node and Ruby: the line above the
    // first stack frame (`    at …`, `\tfrom …`).
    let frame = |l: &str| {
        let t = l.trim_start();
        indented(l) && (t.starts_with("at ") || t.starts_with("from "))
    };
    let first_frame = lines.iter().position(|l| frame(l))?;
    // Above it, the nearest unindented line (Ruby 3.1 puts the failing source line, indented,
    // and a `^^^^` marker between the message and the frames), else any text.
    (0..first_frame)
        .rev()
        .find(|&i| !blank(lines[i]) && !indented(lines[i]))
        .or_else(|| (0..first_frame).rev().find(|&i| !blank(lines[i])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_from_the_contract_example() {
        assert_eq!(
            slugify("T8604 UIDVALIDITY error: endless resync loop").as_deref(),
            Some("t8604-uidvalidity-error-endless-resync-loop")
        );
    }

    #[test]
    fn slug_is_cut_at_a_word_boundary() {
        let title =
            "a very long title about the database connection pool that keeps timing out under load";
        let slug = slugify(title).unwrap();
        assert!(slug.len() <= MAX_SLUG_LEN, "{slug}");
        assert_eq!(
            slug,
            "a-very-long-title-about-the-database-connection-pool-that-keeps"
        );
        assert!(title.to_lowercase().replace(' ', "-").starts_with(&slug));
        validate_slug(&slug).unwrap();
    }

    #[test]
    fn slug_of_one_huge_word_is_cut() {
        let slug = slugify(&"x".repeat(10_000)).unwrap();
        assert_eq!(slug.len(), MAX_SLUG_LEN);
    }

    #[test]
    fn slug_drops_non_ascii_and_punctuation() {
        assert_eq!(
            slugify("Crash in Zürich: don't panic!").as_deref(),
            Some("crash-in-z-rich-dont-panic")
        );
        assert_eq!(slugify("!!! ---"), None);
        assert_eq!(slugify("日本語"), None);
    }

    #[test]
    fn slug_validation() {
        validate_slug("ok-slug-1").unwrap();
        assert!(validate_slug("Bad").is_err());
        assert!(validate_slug("has space").is_err());
        assert!(validate_slug("").is_err());
        assert!(validate_slug("-lead").is_err());
        assert!(validate_slug(&"a".repeat(65)).is_err());
        assert!(validate_slug("../etc").is_err());
    }

    #[test]
    fn entry_numbers_parse_with_or_without_hash() {
        assert_eq!("7".parse::<EntryNumber>().unwrap(), EntryNumber(7));
        assert_eq!("#7".parse::<EntryNumber>().unwrap(), EntryNumber(7));
        for bad in ["0", "-1", "abc", "", "#", "7x", "99999999999999999999999"] {
            assert!(bad.parse::<EntryNumber>().is_err(), "{bad}");
        }
    }

    #[test]
    fn entry_refs_are_numbers_or_uuid_prefixes() {
        assert_eq!(
            "#7".parse::<EntryRef>().unwrap(),
            EntryRef::Number(EntryNumber(7))
        );
        // All digits is a number, even when it could be a UUID prefix.
        assert_eq!(
            "0193".parse::<EntryRef>().unwrap(),
            EntryRef::Number(EntryNumber(193))
        );
        assert_eq!(
            "#0193A4F2-3b".parse::<EntryRef>().unwrap(),
            EntryRef::Short("0193a4f23b".into())
        );
        assert_eq!(
            "01a2".parse::<EntryRef>().unwrap(),
            EntryRef::Short("01a2".into())
        );
        for bad in [
            "abc",
            "zz-top",
            "-abcd",
            "",
            "#",
            "0",
            "g123",
            &"a".repeat(33),
        ] {
            assert!(bad.parse::<EntryRef>().is_err(), "{bad}");
        }
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_title_gives_a_valid_slug_or_none(title in "\\PC{0,200}") {
            if let Some(slug) = slugify(&title) {
                proptest::prop_assert!(validate_slug(&slug).is_ok(), "{slug}");
                proptest::prop_assert!(slug.len() <= MAX_SLUG_LEN);
            }
        }

        #[test]
        fn validation_never_panics(s in "\\PC{0,100}") {
            let _ = validate_slug(&s);
            let _ = s.parse::<EntryNumber>();
        }

        #[test]
        fn numbers_round_trip(n in 1i64..i64::MAX) {
            proptest::prop_assert_eq!(n.to_string().parse::<EntryNumber>().unwrap(), EntryNumber(n));
            proptest::prop_assert_eq!(format!("#{n}").parse::<EntryNumber>().unwrap(), EntryNumber(n));
        }
    }

    #[test]
    fn states_apply_to_the_right_kinds() {
        assert!(State::Confirmed.applies_to(Kind::Hypothesis));
        assert!(!State::Done.applies_to(Kind::Hypothesis));
        assert!(State::Done.applies_to(Kind::Action));
        assert!(!State::Open.applies_to(Kind::Note));
    }

    /// Real tracebacks, as each runtime printed them (see tests/data/tracebacks/README.md).
    #[test]
    fn the_telling_line_of_real_tracebacks_is_the_exception() {
        let cases = [
            ("python-keyerror.txt", "KeyError: 'user_id'"),
            ("python-chained.txt", "RuntimeError: config could not be loaded"),
            ("java-npe.txt", "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"<local1>\" is null"),
            ("java-caused-by.txt", "Caused by: java.io.IOException: Connection reset by peer"),
            ("node-typeerror.txt", "TypeError: Cannot read properties of undefined (reading 'reduce')"),
            ("go-nil-pointer.txt", "panic: runtime error: invalid memory address or nil pointer dereference"),
            ("go-concurrent-map.txt", "fatal error: concurrent map writes"),
            ("rust-unwrap.txt", "called `Option::unwrap()` on a `None` value"),
            ("ruby-nomethod.txt", "r.rb:3:in `total': undefined method `sum' for nil:NilClass (NoMethodError)"),
            ("ruby-zerodivision.txt", "z.rb:2:in `/': divided by 0 (ZeroDivisionError)"),
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tracebacks");
        for (file, expected) in cases {
            let text = std::fs::read_to_string(dir.join(file)).unwrap();
            assert_eq!(telling_line(&text), expected, "{file}");
            // With a caption or log line before it, and with Windows line ends.
            let captioned = format!("worker log after the deploy:\n{text}");
            assert_eq!(telling_line(&captioned), expected, "{file} captioned");
            // The headline keeps the caption; a trace on its own is its exception line.
            assert_eq!(headline(&text), expected, "{file} headline");
            assert_eq!(
                headline(&captioned),
                format!("worker log after the deploy: {expected}"),
                "{file} captioned headline"
            );
            assert_eq!(
                headline(&format!("deploy failed\n\n{}", text.replace('\n', "\r\n"))),
                format!("deploy failed: {expected}"),
                "{file} caption without a colon, crlf"
            );
            assert_eq!(
                telling_line(&text.replace('\n', "\r\n")),
                expected,
                "{file} crlf"
            );
        }
    }

    #[test]
    fn the_telling_line_of_other_text_is_its_first_non_empty_line() {
        assert_eq!(telling_line("  one line  "), "one line");
        assert_eq!(telling_line("\n\n  first\nsecond"), "first");
        assert_eq!(
            telling_line("a list:\n  - at least one\n  - from here"),
            "a list:"
        );
        assert_eq!(telling_line(""), "");
        assert_eq!(telling_line("\n \n"), "");
        let e = Entry {
            number: 1,
            uuid: String::new(),
            short_id: String::new(),
            kind: Kind::Evidence,
            text: "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: bad"
                .into(),
            author: String::new(),
            recorded_at: String::new(),
            occurred_at: None,
            state: None,
            tags: vec![],
            links: vec![],
            context: Context::default(),
            attachments: vec![],
            command: None,
            output: None,
            history: vec![],
            pinned: false,
            retracted: false,
            claim: None,
            owner: None,
            due: None,
            ticket: None,
            mark: None,
            changes: vec![],
        };
        assert_eq!(e.headline(), "ValueError: bad");
        assert_eq!(first_line_cut(&e.text, 8), ("ValueEr", true));
    }

    proptest::proptest! {
        #[test]
        fn the_telling_line_is_one_trimmed_line_of_the_text(text in "(\\PC|\n|\t| {2}at |Traceback \\(most recent call last\\):|panic: |Caused by:){0,60}") {
            let line = telling_line(&text);
            proptest::prop_assert!(!line.contains('\n'));
            proptest::prop_assert!(text.contains(line));
            proptest::prop_assert_eq!(line, line.trim());
        }
    }

    #[test]
    fn first_line_cut_counts_characters_not_bytes() {
        assert_eq!(first_line_cut("short\nsecond", 10), ("short", false));
        assert_eq!(first_line_cut("crlf\r\nnext", 10), ("crlf", false));
        assert_eq!(first_line_cut("abcdefghij", 10), ("abcdefghij", false));
        assert_eq!(first_line_cut("abcdefghijk", 10), ("abcdefghi", true));
        // Ten two-byte characters fit; eleven do not.
        assert_eq!(first_line_cut("éééééééééé", 10), ("éééééééééé", false));
        assert_eq!(first_line_cut("ééééééééééé", 10), ("ééééééééé", true));
        assert_eq!(first_line_cut("", 10), ("", false));
    }
}
