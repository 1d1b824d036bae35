//! Attachments: files stored inside the case with their name, size and SHA-256.
//!
//! Files are read whole before the write's transaction starts, so a missing or unreadable file
//! fails the write before anything is stored. Text files pass through redaction; binary files
//! are stored byte for byte.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use sha2::{Digest, Sha256};

use crate::error::invalid;
use crate::redact::Redactor;

/// The largest file that can be attached.
pub const MAX_ATTACHMENT_BYTES: u64 = 64 * 1024 * 1024;

/// A file read and ready to store.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub name: String,
    pub sha256: String,
    pub content: Vec<u8>,
}

/// Read every file, redact the text ones, and name them uniquely within the entry.
pub fn prepare(paths: &[PathBuf], redactor: Option<&Redactor>) -> Result<Vec<Prepared>> {
    let mut prepared: Vec<Prepared> = Vec::with_capacity(paths.len());
    for path in paths {
        let content = read_limited(path)?;
        let content = match (redactor, std::str::from_utf8(&content)) {
            (Some(redactor), Ok(text)) => redactor.redact(text).into_owned().into_bytes(),
            _ => content,
        };
        let base = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "attachment".to_string());
        let name = unique_name(&base, &prepared);
        prepared.push(Prepared {
            name,
            sha256: sha256_hex(&content),
            content,
        });
    }
    Ok(prepared)
}

fn read_limited(path: &Path) -> Result<Vec<u8>> {
    let cannot = || format!("cannot attach {}; nothing was written", path.display());
    let file = std::fs::File::open(path).with_context(cannot)?;
    let meta = file.metadata().with_context(cannot)?;
    if meta.is_dir() {
        return Err(invalid(format!(
            "cannot attach {}: it is a directory; attach files (e.g. an archive of it)",
            path.display()
        )));
    }
    let too_big = |size: u64| {
        invalid(format!(
            "cannot attach {}: it is {size} bytes or more, over the {} MiB limit; attach an excerpt or a compressed copy",
            path.display(),
            MAX_ATTACHMENT_BYTES / (1024 * 1024)
        ))
    };
    if meta.len() > MAX_ATTACHMENT_BYTES {
        return Err(too_big(meta.len()));
    }
    // Read through a limit as well: a pipe (`--file <(cmd)`) or a growing log has no size
    // up front.
    let mut content = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_ATTACHMENT_BYTES + 1)
        .read_to_end(&mut content)
        .with_context(cannot)?;
    if content.len() as u64 > MAX_ATTACHMENT_BYTES {
        return Err(too_big(content.len() as u64));
    }
    Ok(content)
}

fn unique_name(base: &str, taken: &[Prepared]) -> String {
    if !taken.iter().any(|p| p.name == base) {
        return base.to_string();
    }
    (2..)
        .map(|i| format!("{base}.{i}"))
        .find(|candidate| !taken.iter().any(|p| &p.name == candidate))
        .unwrap_or_else(|| base.to_string())
}

/// Lower-case hex SHA-256 (sha2 0.11's digest has no `LowerHex`).
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn duplicate_names_get_suffixes() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("log.txt");
        std::fs::write(&a, "x").unwrap();
        let got = prepare(&[a.clone(), a], None).unwrap();
        assert_eq!(got[0].name, "log.txt");
        assert_eq!(got[1].name, "log.txt.2");
    }

    #[test]
    fn missing_file_is_an_error() {
        assert!(prepare(&[PathBuf::from("/nonexistent/x")], None).is_err());
    }
}
