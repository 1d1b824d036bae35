//! A case as files in a git tree, and back: the bundle split one blob per thing.
//!
//! ```text
//! case.json                                   the case record (its collections split below)
//! case/<collection>/<uuid>.json               e.g. case/events/<uuid>.json
//! entries/<fan>/<uuid>.json                  an entry, its collections split beside it
//! entries/<fan>/<uuid>.<collection>.<uuid>.json   states, history, links, changes, …
//! entries/<fan>/<uuid>.number                 the entry's number where it was written
//! attachments/<fan>/<sha256>                  an attachment's bytes
//! ```
//!
//! The split is generic over the bundle: every array of objects that carry a `uuid` becomes a
//! set of blobs named by UUID, so collections added to the bundle later travel without a
//! change here. `<fan>` is the UUID's last two hex digits (v7 UUIDs start with the time, so the
//! first ones would put every recent entry in one folder), which keeps the commit that carries a
//! whole case (a first push) to folders of a few hundred files. A commit holds the files of
//! one sync (see [`super`]); the case is the union over its history.
//!
//! What is local to one home stays out of the blobs, so that the same facts make the same
//! bytes everywhere: an entry's number (kept once, as the `number` hint written with the
//! entry, and used only to order new entries when they are merged) and a link's target number
//! (its `target_uuid` is what a merge resolves). Attachment bytes are stored raw, by SHA-256.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{anyhow, Result};
use base64::Engine as _;
use serde_json::{Map, Value};

use crate::bundle::{BundleCase, BundleEntry, FORMAT, VERSION};

/// One file of a case's tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blob {
    pub path: String,
    pub data: Vec<u8>,
}

/// The path of an entry's blob, without `.json`: its items are `<this>.<collection>.<uuid>.json`.
///
/// An entry is not a folder of its own: a commit that carries a whole case (the first push)
/// would hold 10,000 entry folders, 10,000 trees for every reader to walk.
pub fn entry_stem(uuid: &str) -> String {
    format!("entries/{}/{uuid}", fan(uuid))
}

/// The path of an entry's own blob.
pub fn entry_path(uuid: &str) -> String {
    format!("{}.json", entry_stem(uuid))
}

fn fan(name: &str) -> &str {
    let tail = name.len().saturating_sub(2);
    name.get(tail..).unwrap_or("00")
}

/// The path of an attachment's bytes.
pub fn attachment_path(sha256: &str) -> String {
    format!("attachments/{}/{sha256}", fan(sha256))
}

/// The entry a path belongs to, if any.
pub fn entry_of(path: &str) -> Option<&str> {
    let mut parts = path.split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("entries"), Some(_), Some(name)) => name.split('.').next(),
        _ => None,
    }
}

/// Whether an array holds objects that each carry a string `uuid` (a collection of blobs).
fn is_collection(items: &[Value]) -> bool {
    !items.is_empty()
        && items
            .iter()
            .all(|v| v.get("uuid").is_some_and(Value::is_string))
}

/// Split `object`'s collections into blobs named `<stem><sep><collection><sep><uuid>.json`;
/// what is left stays.
fn split_collections(
    object: &mut Map<String, Value>,
    stem: &str,
    sep: char,
    out: &mut Vec<Blob>,
) -> Result<()> {
    let keys: Vec<String> = object.keys().cloned().collect();
    for key in keys {
        let split = matches!(object.get(&key), Some(Value::Array(items)) if is_collection(items));
        if split {
            let Some(Value::Array(items)) = object.remove(&key) else {
                continue;
            };
            for mut item in items {
                let uuid = item
                    .get("uuid")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                if key == "links" {
                    // The target's number is local; `target_uuid` travels.
                    if let Some(map) = item.as_object_mut() {
                        map.remove("target");
                    }
                }
                out.push(Blob {
                    path: format!("{stem}{sep}{key}{sep}{uuid}.json"),
                    data: serde_json::to_vec(&item)?,
                });
            }
        }
    }
    Ok(())
}

/// The blobs of the case record and its events.
pub fn case_blobs(case: &BundleCase, out: &mut Vec<Blob>) -> Result<()> {
    let Value::Object(mut object) = serde_json::to_value(case)? else {
        return Err(anyhow!("the case did not serialize to an object"));
    };
    split_collections(&mut object, "case", '/', out)?;
    out.push(Blob {
        path: "case.json".into(),
        data: serde_json::to_vec(&object)?,
    });
    Ok(())
}

/// The blobs of one entry; `number` is written when the entry is new here.
pub fn entry_blobs(entry: &BundleEntry, with_number: bool, out: &mut Vec<Blob>) -> Result<()> {
    let Value::Object(mut object) = serde_json::to_value(entry)? else {
        return Err(anyhow!(
            "entry {} did not serialize to an object",
            entry.uuid
        ));
    };
    let stem = entry_stem(&entry.uuid);
    object.remove("number");
    if with_number {
        out.push(Blob {
            path: format!("{stem}.number"),
            data: entry.number.to_string().into_bytes(),
        });
    }
    if let Some(Value::Array(attachments)) = object.get_mut("attachments") {
        for (meta, attachment) in attachments.iter_mut().zip(&entry.attachments) {
            if let Some(map) = meta.as_object_mut() {
                map.remove("content");
            }
            out.push(Blob {
                path: attachment_path(&attachment.sha256),
                data: crate::bundle::decode(attachment)?,
            });
        }
    }
    split_collections(&mut object, &stem, '.', out)?;
    out.push(Blob {
        path: format!("{stem}.json"),
        data: serde_json::to_vec(&object)?,
    });
    Ok(())
}

/// A case (or the part of it that changed) read back from blobs, ready to become a bundle.
#[derive(Debug, Default)]
pub struct Assembly {
    case: Option<Map<String, Value>>,
    case_items: BTreeMap<String, Vec<Value>>,
    entries: BTreeMap<String, Map<String, Value>>,
    entry_items: BTreeMap<(String, String), Vec<Value>>,
    numbers: BTreeMap<String, i64>,
    attachments: BTreeMap<String, Vec<u8>>,
}

impl Assembly {
    /// Add one file. A blob that is not what its path says is an error naming the path.
    pub fn add(&mut self, path: &str, data: &[u8]) -> Result<()> {
        let damaged = |why: String| anyhow!("{path} is damaged ({why})");
        let json = || -> Result<Value> {
            serde_json::from_slice(data).map_err(|e| damaged(e.to_string()))
        };
        let object = || -> Result<Map<String, Value>> {
            match json()? {
                Value::Object(map) => Ok(map),
                _ => Err(damaged("not a JSON object".into())),
            }
        };
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["case.json"] => self.case = Some(object()?),
            ["case", key, _] => {
                self.case_items
                    .entry(key.to_string())
                    .or_default()
                    .push(Value::Object(object()?));
            }
            ["entries", _, name] => {
                let parts: Vec<&str> = name.split('.').collect();
                match parts.as_slice() {
                    [uuid, "json"] => {
                        self.entries.insert(uuid.to_string(), object()?);
                    }
                    [uuid, "number"] => {
                        let n = std::str::from_utf8(data)
                            .ok()
                            .and_then(|s| s.trim().parse().ok())
                            .ok_or_else(|| damaged("not a number".into()))?;
                        self.numbers.insert(uuid.to_string(), n);
                    }
                    [uuid, key, _, "json"] => {
                        self.entry_items
                            .entry((uuid.to_string(), key.to_string()))
                            .or_default()
                            .push(Value::Object(object()?));
                    }
                    // Written by a newer casefile: carried in the tree, not merged by this one.
                    _ => {}
                }
            }
            ["attachments", _, sha] => {
                if crate::attach::sha256_hex(data) != *sha {
                    return Err(damaged("its bytes do not match its SHA-256".into()));
                }
                self.attachments.insert(sha.to_string(), data.to_vec());
            }
            // Written by a newer casefile: carried in the tree, not merged by this one.
            _ => {}
        }
        Ok(())
    }

    pub fn has_case(&self) -> bool {
        self.case.is_some()
    }

    pub fn has_entry(&self, uuid: &str) -> bool {
        self.entries.contains_key(uuid)
    }

    /// Entries that have items here but no `entry.json` (it must be read from the tree).
    pub fn entries_missing(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .entry_items
            .keys()
            .map(|(uuid, _)| uuid.clone())
            .chain(self.numbers.keys().cloned())
            .filter(|uuid| !self.entries.contains_key(uuid))
            .collect();
        out.dedup();
        out
    }

    /// Link targets that are not here (they must be read from the tree for the bundle).
    pub fn link_targets_missing(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .entry_items
            .iter()
            .filter(|((_, key), _)| key == "links")
            .flat_map(|(_, items)| items.iter())
            .filter_map(|l| l.get("target_uuid").and_then(Value::as_str))
            .filter(|t| !self.entries.contains_key(*t))
            .map(str::to_string)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Attachments named by the entries here whose bytes are not here.
    pub fn attachments_missing(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .entries
            .values()
            .filter_map(|e| e.get("attachments").and_then(Value::as_array))
            .flatten()
            .filter_map(|a| a.get("sha256").and_then(Value::as_str))
            .filter(|sha| !self.attachments.contains_key(*sha))
            .map(str::to_string)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Leave out an entry's attachments (an entry added only as a link target or for its
    /// new items: its attachments are already merged).
    pub fn drop_attachments_of(&mut self, uuid: &str) {
        if let Some(e) = self.entries.get_mut(uuid) {
            e.remove("attachments");
        }
    }

    /// Authors of the entries here.
    pub fn entry_authors(&self) -> BTreeMap<String, String> {
        self.entries
            .iter()
            .map(|(uuid, e)| {
                let author = e.get("author").and_then(Value::as_str).unwrap_or("someone");
                (uuid.clone(), author.to_string())
            })
            .collect()
    }

    /// Authors of the items here (state changes, edits, links, changes, case events).
    pub fn item_authors(&self) -> BTreeSet<String> {
        self.entry_items
            .values()
            .chain(self.case_items.values())
            .flatten()
            .filter_map(|item| item.get("author").and_then(Value::as_str))
            .map(str::to_string)
            .collect()
    }

    /// The bundle document. Entries are numbered in the order of their `number` hints (then
    /// UUID), so a merge adds new ones in the order their author wrote them.
    pub fn into_bundle(mut self) -> Result<Vec<u8>> {
        let mut case = self
            .case
            .take()
            .ok_or_else(|| anyhow!("case.json is missing"))?;
        for (key, mut items) in std::mem::take(&mut self.case_items) {
            sort_items(&mut items);
            case.insert(key, Value::Array(items));
        }
        let mut order: Vec<(i64, String)> = self
            .entries
            .keys()
            .map(|u| (self.numbers.get(u).copied().unwrap_or(i64::MAX), u.clone()))
            .collect();
        order.sort();
        let number_of: BTreeMap<String, i64> = order
            .iter()
            .enumerate()
            .map(|(i, (_, uuid))| (uuid.clone(), i as i64 + 1))
            .collect();
        for ((uuid, key), items) in std::mem::take(&mut self.entry_items) {
            let Some(entry) = self.entries.get_mut(&uuid) else {
                return Err(anyhow!("{} is missing", entry_path(&uuid)));
            };
            let mut items = items;
            if key == "links" {
                for link in &mut items {
                    let target = link
                        .get("target_uuid")
                        .and_then(Value::as_str)
                        .and_then(|t| number_of.get(t))
                        .copied()
                        .unwrap_or(0);
                    if let Some(map) = link.as_object_mut() {
                        map.insert("target".into(), Value::from(target));
                    }
                }
            }
            sort_items(&mut items);
            entry.insert(key, Value::Array(items));
        }
        let mut entries = Vec::with_capacity(order.len());
        for (_, uuid) in &order {
            let Some(mut entry) = self.entries.remove(uuid) else {
                continue;
            };
            entry.insert("number".into(), Value::from(number_of[uuid]));
            if let Some(Value::Array(attachments)) = entry.get_mut("attachments") {
                for a in attachments.iter_mut() {
                    let sha = a.get("sha256").and_then(Value::as_str).unwrap_or_default();
                    let bytes = self
                        .attachments
                        .get(sha)
                        .ok_or_else(|| anyhow!("{} is missing", attachment_path(sha)))?;
                    let content = base64::engine::general_purpose::STANDARD.encode(bytes);
                    if let Some(map) = a.as_object_mut() {
                        map.insert("content".into(), Value::from(content));
                    }
                }
            }
            entries.push(Value::Object(entry));
        }
        let bundle = serde_json::json!({
            "format": FORMAT,
            "version": VERSION,
            "case": Value::Object(case),
            "entries": entries,
        });
        Ok(serde_json::to_vec(&bundle)?)
    }
}

/// Items oldest first where they say when (bundles list history and states that way), then
/// by UUID.
fn sort_items(items: &mut [Value]) {
    let when = |v: &Value| {
        ["at_ms", "edited_ms"]
            .iter()
            .find_map(|k| v.get(*k).and_then(Value::as_i64))
            .unwrap_or(0)
    };
    let uuid = |v: &Value| {
        v.get("uuid")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    items.sort_by(|a, b| when(a).cmp(&when(b)).then_with(|| uuid(a).cmp(&uuid(b))));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{BundleAttachment, BundleLink, BundleStateChange, CaseEvent};
    use crate::model::{CaseInfo, CaseState, Context, Kind, LinkType, State};

    fn case() -> BundleCase {
        BundleCase {
            info: CaseInfo {
                uuid: "0190a5e4-0000-7000-8000-0000000000aa".into(),
                slug: "db-timeout".into(),
                title: "DB timeout".into(),
                state: CaseState::Open,
                opened_at: "2026-01-01T00:00:00+00:00".into(),
                closed_at: None,
                tickets: vec!["T-1".into()],
                tags: vec![],
                summary: None,
                impact: None,
                root_cause: None,
                fix: None,
                lessons: None,
                review: Default::default(),
            },
            events: vec![CaseEvent {
                uuid: "0190a5e4-0000-7000-8000-0000000000e1".into(),
                state: CaseState::Resolved,
                at: "2026-01-02T00:00:00+00:00".into(),
                at_ms: Some(5),
                author: "ken".into(),
                summary: Some("done".into()),
                impact: None,
                root_cause: None,
                fix: None,
                lessons: None,
                review: Default::default(),
            }],
        }
    }

    fn entry(n: i64, uuid: &str) -> BundleEntry {
        BundleEntry {
            number: n,
            uuid: uuid.into(),
            kind: Kind::Hypothesis,
            text: format!("entry {n}"),
            author: "amy".into(),
            recorded_at: "2026-01-01T00:00:00+00:00".into(),
            occurred_at: None,
            at_ms: Some(n),
            state: Some(State::Confirmed),
            tags: vec!["db".into()],
            links: vec![],
            context: Context::default(),
            attachments: vec![],
            command: None,
            output: None,
            history: vec![],
            states: vec![BundleStateChange {
                uuid: uuid.replacen("0190", "0290", 1),
                state: State::Confirmed,
                at: "2026-01-01T00:00:00+00:00".into(),
                at_ms: Some(9),
                author: "amy".into(),
            }],
            owner: None,
            due: None,
            ticket: None,
            mark: None,
            changes: vec![],
            seq: Some(1_000 + n),
            mentions: vec![],
        }
    }

    #[test]
    fn a_case_split_and_assembled_is_the_same_bundle() {
        let c = case();
        let a = entry(1, "0190a5e4-0000-7000-8000-000000000001");
        let mut b = entry(2, "0190a5e4-0000-7000-8000-000000000002");
        b.links = vec![BundleLink {
            uuid: "0190a5e4-0000-7000-8000-0000000000f1".into(),
            link_type: LinkType::Supports,
            target: 1,
            target_uuid: Some(a.uuid.clone()),
        }];
        b.attachments = vec![BundleAttachment {
            name: "log.txt".into(),
            size: 3,
            sha256: crate::attach::sha256_hex(b"abc"),
            content: crate::bundle::encode(b"abc"),
        }];
        let mut blobs = Vec::new();
        case_blobs(&c, &mut blobs).unwrap();
        entry_blobs(&a, true, &mut blobs).unwrap();
        entry_blobs(&b, true, &mut blobs).unwrap();
        let paths: Vec<&str> = blobs.iter().map(|b| b.path.as_str()).collect();
        assert!(paths.contains(&"case/events/0190a5e4-0000-7000-8000-0000000000e1.json"));
        assert!(paths.contains(&"entries/02/0190a5e4-0000-7000-8000-000000000002.links.0190a5e4-0000-7000-8000-0000000000f1.json"));
        assert!(paths.contains(&"entries/01/0190a5e4-0000-7000-8000-000000000001.number"));
        assert!(paths.contains(&"entries/01/0190a5e4-0000-7000-8000-000000000001.json"));
        // No local number inside the shared blobs.
        for blob in &blobs {
            if blob.path.ends_with(".json") {
                let v: Value = serde_json::from_slice(&blob.data).unwrap();
                assert!(
                    v.get("number").is_none() && v.get("target").is_none(),
                    "{}",
                    blob.path
                );
            }
        }

        let mut assembly = Assembly::default();
        for blob in blobs.iter().rev() {
            assembly.add(&blob.path, &blob.data).unwrap();
        }
        let bundle = crate::bundle::parse(&assembly.into_bundle().unwrap()).unwrap();
        assert_eq!(bundle.case, c);
        assert_eq!(bundle.entries, vec![a, b]);
    }

    #[test]
    fn damaged_blobs_are_named() {
        let mut assembly = Assembly::default();
        let err = assembly
            .add("entries/01/x.json", b"{not json")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("entries/01/x.json is damaged"), "{err}");
        let err = assembly
            .add("attachments/ab/00ab", b"abc")
            .unwrap_err()
            .to_string();
        assert!(err.contains("SHA-256"), "{err}");
    }

    #[test]
    fn unknown_collections_travel_generically() {
        // The split is by shape: a collection this build has never heard of is split too.
        let mut object = serde_json::json!({"uuid": "x", "changes": [{"uuid": "c1", "op": "pin"}], "tags": ["a"]});
        let mut out = Vec::new();
        split_collections(
            object.as_object_mut().unwrap(),
            "entries/xx/x",
            '.',
            &mut out,
        )
        .unwrap();
        assert_eq!(out[0].path, "entries/xx/x.changes.c1.json");
        assert_eq!(object, serde_json::json!({"uuid": "x", "tags": ["a"]}));
    }
}
