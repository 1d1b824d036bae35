//! The JSON bundle: a whole case in one document, for hand-over and merging.
//!
//! `export --format json` writes it entry by entry through [`BundleWriter`] (the case is never
//! held in memory); `import` reads it with [`parse`], which checks everything that can be
//! wrong with a bundle *before* anything is written, so a bad bundle changes nothing. The
//! merge itself (SQL, one transaction) is `store::merge`.
//!
//! Every entry, link, state change, history item and case event carries a UUID; numbers in
//! a bundle are the exporting side's and are only used to resolve links when a link has no
//! `target_uuid`. The format is described in `docs/bundle-format.md`.

use std::collections::HashSet;
use std::io::Write;

use anyhow::{Context as _, Result};
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::error::invalid;
use crate::model::{
    CaseInfo, CaseState, ChangeOp, CommandInfo, Context, Kind, LinkType, Mark, State,
};

/// The value of the `format` field.
pub const FORMAT: &str = "casefile-bundle";
/// The bundle version this build writes and the newest it reads. Raised on breaking change.
pub const VERSION: i64 = 1;

/// The case and its lifecycle events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleCase {
    #[serde(flatten)]
    pub info: CaseInfo,
    /// Closes and reopens, oldest first; the case's state is the latest one.
    #[serde(default)]
    pub events: Vec<CaseEvent>,
}

/// A close or reopen of the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseEvent {
    pub uuid: String,
    pub state: CaseState,
    pub at: String,
    #[serde(default)]
    pub at_ms: Option<i64>,
    pub author: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_cause: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lessons: Option<String>,
    /// The incident's clock and the review texts given with a close (absent in older bundles).
    #[serde(flatten, default)]
    pub review: crate::model::Review,
}

/// One entry, whole: the contract's entry fields plus UUIDs for everything hanging off it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleEntry {
    pub number: i64,
    pub uuid: String,
    /// The entry's ordering key (numbers are ranks by `(seq, uuid)`: `store::numbering`).
    /// Bundles from before keys existed have none; their entries are keyed by `number`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<i64>,
    pub kind: Kind,
    pub text: String,
    pub author: String,
    pub recorded_at: String,
    pub occurred_at: Option<String>,
    /// The instant the entry is about, Unix ms (keeps sub-second order; derived when absent).
    #[serde(default)]
    pub at_ms: Option<i64>,
    pub state: Option<State>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub links: Vec<BundleLink>,
    #[serde(default)]
    pub context: Context,
    #[serde(default)]
    pub attachments: Vec<BundleAttachment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<CommandInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Earlier texts, oldest first.
    #[serde(default)]
    pub history: Vec<BundleHistory>,
    /// State changes (confirm, refute, reopen, done), oldest first.
    #[serde(default)]
    pub states: Vec<BundleStateChange>,
    /// The `#N` in `text` that name entries, by UUID (the numbers in `text` are the exporting
    /// home's; the importing home writes its own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<BundleMention>,
    /// An action's owner, due time and ticket; an event's `good`/`bad` mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
    /// Changes after writing (pin, claim, retract, `edit --at`, unlink), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<BundleChange>,
}

/// A change after writing, as a bundle carries it (see `store::changes`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleChange {
    pub uuid: String,
    pub op: ChangeOp,
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub previous: Option<String>,
    pub at: String,
    #[serde(default)]
    pub at_ms: Option<i64>,
    pub author: String,
    /// The mentions in `previous` (an unlink's `#3 supports #1`), else in `value` (a
    /// retraction's reason), as in [`BundleEntry::mentions`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<BundleMention>,
}

/// A mention: the `#N` at byte `start` (`len` bytes) of a text names entry `target` (UUID).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleMention {
    pub start: usize,
    pub len: usize,
    pub target: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleLink {
    pub uuid: String,
    #[serde(rename = "type")]
    pub link_type: LinkType,
    /// The target's number in the exporting case.
    pub target: i64,
    /// The target's UUID (what import resolves).
    #[serde(default)]
    pub target_uuid: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleAttachment {
    pub name: String,
    pub size: u64,
    pub sha256: String,
    /// The bytes, base64 (standard alphabet, padded).
    pub content: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleHistory {
    pub uuid: String,
    pub text: String,
    pub edited_at: String,
    #[serde(default)]
    pub edited_ms: Option<i64>,
    pub author: String,
    /// The mentions in this earlier text (see [`BundleEntry::mentions`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<BundleMention>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleStateChange {
    pub uuid: String,
    pub state: State,
    pub at: String,
    #[serde(default)]
    pub at_ms: Option<i64>,
    pub author: String,
}

/// A whole bundle, as read by `import` (and given to `--template`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: i64,
    #[serde(default)]
    pub exported_at: Option<String>,
    pub case: BundleCase,
    pub entries: Vec<BundleEntry>,
}

/// Writes a bundle one entry at a time, so a case of any size is exported in constant memory.
pub struct BundleWriter<W: Write> {
    out: W,
    first: bool,
    /// One entry serialized, reused: serde_json makes a write per token, and a `Vec` takes
    /// them far faster than any `Write` chain.
    scratch: Vec<u8>,
}

impl<W: Write> BundleWriter<W> {
    /// Write the header and the case; entries follow with [`BundleWriter::entry`].
    pub fn begin(mut out: W, case: &BundleCase, exported_at: &str) -> Result<BundleWriter<W>> {
        write!(
            out,
            "{{\"format\":{},\"version\":{VERSION},\"exported_at\":{},\n\"case\":",
            serde_json::to_string(FORMAT)?,
            serde_json::to_string(exported_at)?
        )?;
        serde_json::to_writer(&mut out, case)?;
        out.write_all(b",\n\"entries\":[")?;
        Ok(BundleWriter {
            out,
            first: true,
            scratch: Vec::with_capacity(4096),
        })
    }

    pub fn entry(&mut self, entry: &BundleEntry) -> Result<()> {
        self.scratch.clear();
        self.scratch
            .extend_from_slice(if self.first { b"\n" } else { b",\n" });
        self.first = false;
        serde_json::to_writer(&mut self.scratch, entry)?;
        self.out.write_all(&self.scratch)?;
        Ok(())
    }

    /// Close the document and hand back the writer (for flushing or an atomic rename).
    pub fn finish(mut self) -> Result<W> {
        self.out.write_all(b"\n]}\n")?;
        Ok(self.out)
    }
}

/// Encode attachment bytes for a bundle.
pub fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// An attachment's bytes, checked against its recorded size and SHA-256.
pub fn decode(attachment: &BundleAttachment) -> Result<Vec<u8>> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(attachment.content.as_bytes())
        .map_err(|e| {
            invalid(format!(
                "attachment `{}` is not valid base64 ({e})",
                attachment.name
            ))
        })?;
    if bytes.len() as u64 != attachment.size
        || crate::attach::sha256_hex(&bytes) != attachment.sha256
    {
        return Err(invalid(format!(
            "attachment `{}` does not match its recorded size and sha256",
            attachment.name
        )));
    }
    Ok(bytes)
}

/// Read and check a bundle. Every problem is one error that starts with "bad bundle" and says
/// what is wrong; nothing has been written when this fails.
pub fn parse(bytes: &[u8]) -> Result<Bundle> {
    #[derive(Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    let bad = |what: String| invalid(format!("bad bundle: {what}; nothing was imported"));
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_eof() {
            bad(format!("it ends early (truncated?) at line {}", e.line()))
        } else {
            bad(format!("it is not a casefile JSON bundle ({e})"))
        }
    })?;
    match probe.format.as_ref().and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => return Err(bad(format!("`format` is {other:?}, not {FORMAT:?}"))),
        None => return Err(bad(format!("`format` is missing (expected {FORMAT:?})"))),
    }
    let version = probe
        .version
        .as_ref()
        .and_then(|v| v.as_i64())
        .ok_or_else(|| bad("`version` is missing or not an integer".into()))?;
    if version > VERSION {
        return Err(invalid(format!(
            "the bundle is version {version}, written by a newer casefile (this build reads up to {VERSION}); upgrade casefile to import it"
        )));
    }
    if version < 1 {
        return Err(bad(format!("`version` {version} is not a bundle version")));
    }
    let bundle: Bundle = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
    validate(&bundle).map_err(|e| bad(e.to_string()))?;
    Ok(bundle)
}

/// Checks that make a bundle safe to merge: valid slug, UUIDs unique, times readable, states
/// fit kinds, links resolvable, attachments intact.
fn validate(bundle: &Bundle) -> Result<()> {
    let case = &bundle.case.info;
    crate::model::validate_slug(&case.slug).map_err(|e| anyhow::anyhow!("case slug: {e}"))?;
    check_uuid(&case.uuid).context("case uuid")?;
    check_time(&case.opened_at).context("case opened_at")?;
    if let Some(closed) = &case.closed_at {
        check_time(closed).context("case closed_at")?;
    }
    for event in &bundle.case.events {
        check_uuid(&event.uuid).context("case event uuid")?;
        check_time(&event.at).context("case event time")?;
    }
    let mut uuids: HashSet<&str> = HashSet::new();
    let mut numbers: HashSet<i64> = HashSet::new();
    for e in &bundle.entries {
        check_uuid(&e.uuid).with_context(|| format!("entry #{}", e.number))?;
        if !uuids.insert(&e.uuid) {
            anyhow::bail!("entry uuid {} appears twice", e.uuid);
        }
        if !numbers.insert(e.number) {
            anyhow::bail!("entry number #{} appears twice", e.number);
        }
        check_time(&e.recorded_at).with_context(|| format!("entry #{} recorded_at", e.number))?;
        if let Some(t) = &e.occurred_at {
            check_time(t).with_context(|| format!("entry #{} occurred_at", e.number))?;
        }
        if let Some(state) = e.state {
            if !state.applies_to(e.kind) {
                anyhow::bail!("entry #{} is {} but has state {state}", e.number, e.kind);
            }
        }
        for s in &e.states {
            check_uuid(&s.uuid).with_context(|| format!("entry #{} state change", e.number))?;
            check_time(&s.at).with_context(|| format!("entry #{} state change", e.number))?;
            if !s.state.applies_to(e.kind) {
                anyhow::bail!(
                    "entry #{} is {} but changes to {}",
                    e.number,
                    e.kind,
                    s.state
                );
            }
        }
        for c in &e.changes {
            check_uuid(&c.uuid).with_context(|| format!("entry #{} change", e.number))?;
            check_time(&c.at).with_context(|| format!("entry #{} change", e.number))?;
            if c.op == ChangeOp::At {
                let when = c.value.as_deref().unwrap_or_default();
                check_time(when).with_context(|| format!("entry #{} corrected time", e.number))?;
            }
        }
        if let Some(due) = &e.due {
            check_time(due).with_context(|| format!("entry #{} due", e.number))?;
        }
        for h in &e.history {
            check_uuid(&h.uuid).with_context(|| format!("entry #{} history", e.number))?;
            check_time(&h.edited_at).with_context(|| format!("entry #{} history", e.number))?;
        }
        let mut names = HashSet::new();
        for a in &e.attachments {
            if !names.insert(a.name.as_str()) {
                anyhow::bail!("entry #{} has two attachments named `{}`", e.number, a.name);
            }
            decode(a).with_context(|| format!("entry #{}", e.number))?;
        }
    }
    for e in &bundle.entries {
        for link in &e.links {
            check_uuid(&link.uuid).with_context(|| format!("entry #{} link", e.number))?;
            let resolvable = match &link.target_uuid {
                Some(target) => uuids.contains(target.as_str()),
                None => numbers.contains(&link.target),
            };
            if !resolvable {
                anyhow::bail!(
                    "entry #{} links to #{}, which is not in the bundle",
                    e.number,
                    link.target
                );
            }
        }
    }
    Ok(())
}

fn check_uuid(s: &str) -> Result<()> {
    uuid::Uuid::parse_str(s).map_err(|_| anyhow::anyhow!("{s:?} is not a UUID"))?;
    Ok(())
}

fn check_time(s: &str) -> Result<()> {
    crate::time::parse_stored(s)?;
    Ok(())
}

/// The instant (Unix ms) of a stored time, preferring an explicit `ms` when the bundle has one.
pub fn instant(ms: Option<i64>, stored: &str) -> i64 {
    ms.unwrap_or_else(|| {
        crate::time::parse_stored(stored)
            .map(|t| crate::time::unix_ms(&t))
            .unwrap_or(0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> String {
        r#"{"format":"casefile-bundle","version":1,
            "case":{"uuid":"0190a5e4-0000-7000-8000-000000000001","slug":"x","title":"X","state":"open",
                    "opened_at":"2026-01-01T00:00:00+00:00","closed_at":null,"tickets":[],"tags":[]},
            "entries":[]}"#
            .to_string()
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn damaged_bundles_are_refused_or_read_but_never_panic(
            cut in 0usize..400,
            flips in proptest::collection::vec((0usize..400, proptest::num::u8::ANY), 0..6),
        ) {
            let mut bytes = minimal().into_bytes();
            for (at, byte) in flips {
                let at = at % bytes.len();
                bytes[at] = byte;
            }
            bytes.truncate(cut.min(bytes.len()));
            if let Err(e) = parse(&bytes) {
                let text = e.to_string();
                proptest::prop_assert!(!text.contains('\n'), "{}", text);
            }
        }
    }

    #[test]
    fn a_minimal_bundle_parses() {
        let b = parse(minimal().as_bytes()).unwrap();
        assert_eq!(b.case.info.slug, "x");
        assert!(b.entries.is_empty());
    }

    #[test]
    fn bad_bundles_are_refused_with_one_line() {
        let good = minimal();
        let cases = [
            good.replace("casefile-bundle", "something-else"),
            good.replace("\"version\":1", "\"version\":999"),
            good[..good.len() / 2].to_string(),
            "not json".to_string(),
            good.replace("\"slug\":\"x\"", "\"slug\":\"../x\""),
        ];
        for text in cases {
            let err = parse(text.as_bytes()).unwrap_err().to_string();
            assert!(!err.contains('\n'), "{err}");
            assert!(
                err.contains("bad bundle") || err.contains("newer casefile"),
                "{err}"
            );
        }
    }

    #[test]
    fn writer_output_parses_back() {
        let b = parse(minimal().as_bytes()).unwrap();
        let mut w = BundleWriter::begin(Vec::new(), &b.case, "2026-01-02T00:00:00+00:00").unwrap();
        let entry = BundleEntry {
            number: 1,
            uuid: "0190a5e4-0000-7000-8000-000000000002".into(),
            kind: Kind::Note,
            text: "hello".into(),
            author: "a".into(),
            recorded_at: "2026-01-01T00:00:00+00:00".into(),
            occurred_at: None,
            at_ms: Some(1),
            state: None,
            tags: vec![],
            links: vec![],
            context: Context::default(),
            attachments: vec![BundleAttachment {
                name: "f".into(),
                size: 3,
                sha256: crate::attach::sha256_hex(b"abc"),
                content: encode(b"abc"),
            }],
            command: None,
            output: None,
            history: vec![],
            states: vec![],
            seq: Some(7),
            mentions: vec![],
            owner: None,
            due: None,
            ticket: None,
            mark: None,
            changes: vec![],
        };
        w.entry(&entry).unwrap();
        w.entry(&BundleEntry {
            number: 2,
            uuid: "0190a5e4-0000-7000-8000-000000000003".into(),
            ..entry.clone()
        })
        .unwrap();
        let bytes = w.finish().unwrap();
        let back = parse(&bytes).unwrap();
        assert_eq!(back.entries.len(), 2);
        assert_eq!(back.entries[0], entry);
    }
}
