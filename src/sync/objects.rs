//! Writing a small sync commit straight into casefile's repository, as loose objects.
//!
//! A sync that sends a few entries writes a few blobs, three trees and a commit. Through
//! `git fast-import` that costs a process, and then a second one (`unpack-objects`, which
//! fast-import runs for fewer than `fastimport.unpackLimit` objects): about as much as the
//! `git fetch` the sync is measured against. A loose object is a zlib stream of
//! `<type> <size>\0<content>` named by the SHA-1 of that header and content, the format every
//! git reads, so the few objects are written here and the first push of a big case (thousands
//! of objects, better in one pack) still goes through fast-import.
//!
//! Only for a repository with SHA-1 object names (what `sync.git` is created with): see
//! [`writes_sha1`].

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};
use sha1::{Digest, Sha1};

use super::tree::Blob;

/// Up to this many files a commit is written here; above, by `git fast-import`.
pub const DIRECT_LIMIT: usize = 64;

/// Whether the repository at `dir` names objects by SHA-1 (git's config parser decides).
pub fn writes_sha1(dir: &Path) -> bool {
    crate::git::names_objects_by_sha1(dir)
}

/// Wrap `data` in a zlib stream of stored (uncompressed) deflate blocks (RFC 1950, RFC 1951
/// section 3.2.4), which every git inflates like any other loose object.
///
/// Why not compress: a sync writes a handful of small objects (an entry's JSON is a few hundred
/// bytes), and miniz_oxide clears about 300 KB of match tables for each one: measured with
/// callgrind, 1.9M of the 8.3M instructions of a one-entry sync went to those clears, against a
/// few thousand to copy the bytes. The objects only live in casefile's own repository until they
/// are pushed, and `pack-objects` compresses them into the pack it sends (and `git gc` would, if
/// they stayed).
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    const MAX_BLOCK: usize = u16::MAX as usize;
    let blocks = data.len().div_ceil(MAX_BLOCK).max(1);
    let mut out = Vec::with_capacity(2 + blocks * 5 + data.len() + 4);
    // CMF: deflate, 32 KiB window; FLG: no dictionary, "fastest" level, check bits so that
    // CMF*256 + FLG is a multiple of 31.
    out.extend_from_slice(&[0x78, 0x01]);
    let mut chunks = data.chunks(MAX_BLOCK).peekable();
    if chunks.peek().is_none() {
        // An empty input is one empty final block.
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(chunk) = chunks.next() {
        let last = chunks.peek().is_none();
        // BFINAL on the last block, BTYPE 00 (stored); the rest of the byte is padding.
        out.push(u8::from(last));
        let len = chunk.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    let adler = miniz_oxide::mz_adler32_oxide(miniz_oxide::MZ_ADLER32_INIT, data);
    out.extend_from_slice(&adler.to_be_bytes());
    out
}

/// Write one object (`blob`, `tree`, `commit`) unless it is there; returns its id.
fn write_object(dir: &Path, kind: &str, data: &[u8]) -> Result<[u8; 20]> {
    let header = format!("{kind} {}\0", data.len());
    let mut hasher = Sha1::new();
    hasher.update(header.as_bytes());
    hasher.update(data);
    let id: [u8; 20] = hasher.finalize().into();
    let hex = hex(&id);
    let folder = dir.join("objects").join(&hex[..2]);
    let path = folder.join(&hex[2..]);
    if path.exists() {
        return Ok(id);
    }
    fs::create_dir_all(&folder)
        .with_context(|| format!("cannot write into {}", folder.display()))?;
    let mut raw = Vec::with_capacity(header.len() + data.len());
    raw.extend_from_slice(header.as_bytes());
    raw.extend_from_slice(data);
    let packed = zlib_stored(&raw);
    // Written whole under a temporary name, then renamed: a reader never sees half an object.
    // Created read-only, as git leaves its objects (one metadata change less than a chmod).
    let mut tmp = {
        use std::os::unix::fs::PermissionsExt;
        tempfile::Builder::new()
            .prefix("tmp_obj_")
            .permissions(fs::Permissions::from_mode(0o444))
            .tempfile_in(&folder)
    }
    .with_context(|| format!("cannot write into {}", folder.display()))?;
    tmp.write_all(&packed)
        .with_context(|| format!("cannot write into {}", folder.display()))?;
    tmp.persist(&path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(id)
}

fn hex(id: &[u8; 20]) -> String {
    id.iter().map(|b| format!("{b:02x}")).collect()
}

/// A folder of the tree being built: files by name, and folders.
#[derive(Default)]
struct Folder {
    files: BTreeMap<String, [u8; 20]>,
    folders: BTreeMap<String, Folder>,
}

impl Folder {
    fn insert(&mut self, path: &str, id: [u8; 20]) {
        match path.split_once('/') {
            Some((name, rest)) => self
                .folders
                .entry(name.into())
                .or_default()
                .insert(rest, id),
            None => {
                self.files.insert(path.into(), id);
            }
        }
    }

    /// Write this folder's tree (and its folders' first); returns its id.
    fn write(&self, dir: &Path) -> Result<[u8; 20]> {
        // Git orders a tree's entries by name, a folder's name compared as if it ended in `/`.
        let mut items: Vec<(Vec<u8>, &str, [u8; 20])> = Vec::new();
        for (name, id) in &self.files {
            items.push((name.as_bytes().to_vec(), "100644", *id));
        }
        for (name, folder) in &self.folders {
            let mut key = name.as_bytes().to_vec();
            key.push(b'/');
            items.push((key, "40000", folder.write(dir)?));
        }
        items.sort_by(|a, b| a.0.cmp(&b.0));
        let mut data = Vec::new();
        for (key, mode, id) in &items {
            let name = key.strip_suffix(b"/").unwrap_or(key);
            data.extend_from_slice(mode.as_bytes());
            data.push(b' ');
            data.extend_from_slice(name);
            data.push(0);
            data.extend_from_slice(id);
        }
        write_object(dir, "tree", &data)
    }
}

/// Write a commit holding `blobs`, on top of `parents`; returns its id.
pub fn commit(
    dir: &Path,
    blobs: &[Blob],
    parents: &[String],
    name: &str,
    time: i64,
    message: &str,
) -> Result<String> {
    let mut root = Folder::default();
    for blob in blobs {
        let id = write_object(dir, "blob", &blob.data)?;
        root.insert(&blob.path, id);
    }
    let tree = root.write(dir)?;
    let mut text = format!("tree {}\n", hex(&tree));
    for parent in parents {
        text.push_str(&format!("parent {parent}\n"));
    }
    text.push_str(&format!(
        "author {name} <> {time} +0000\ncommitter {name} <> {time} +0000\n\n{message}"
    ));
    Ok(hex(&write_object(dir, "commit", text.as_bytes())?))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::process::Command;

    /// `git --git-dir <dir> <args>`, which must succeed; its output.
    pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
        let out = Command::new("git")
            .arg("--git-dir")
            .arg(dir)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    #[test]
    fn objects_written_here_are_the_ones_git_writes() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("r.git");
        Command::new("git")
            .args(["init", "--bare", "-q"])
            .arg(&dir)
            .status()
            .unwrap();
        assert!(writes_sha1(&dir));
        let blob = |path: &str, data: &str| Blob {
            path: path.into(),
            data: data.as_bytes().to_vec(),
        };
        // Names that sort differently as files and as folders (`a.b` < `a/` < `a0`).
        let blobs = [
            blob("case.json", "{}"),
            blob("entries/ab/x.json", "{\"uuid\":\"x\"}"),
            blob("entries/ab/x.number", "7"),
            blob("entries/0c/y.json", "y"),
            blob("a.b", "1"),
            blob("a/c", "2"),
            blob("a0", "3"),
            blob("empty", ""),
        ];
        // And one that does not compress, bigger than the first output buffer.
        let mut noise = Vec::with_capacity(200_000);
        let mut x: u32 = 12345;
        for _ in 0..200_000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            noise.push((x >> 16) as u8);
        }
        let blobs: Vec<Blob> = blobs
            .into_iter()
            .chain([Blob {
                path: "attachments/zz/noise".into(),
                data: noise.clone(),
            }])
            .collect();
        let first = commit(&dir, &blobs, &[], "amy", 1_700_000_000, "first\n").unwrap();
        let second = commit(
            &dir,
            &blobs[..1],
            std::slice::from_ref(&first),
            "amy",
            1_700_000_001,
            "second\n",
        )
        .unwrap();
        // Objects are read-only, as git leaves its own.
        {
            use std::os::unix::fs::PermissionsExt;
            let object = dir.join("objects").join(&first[..2]).join(&first[2..]);
            let mode = fs::metadata(&object).unwrap().permissions().mode();
            assert_eq!(mode & 0o222, 0, "{object:?} is writable: {mode:o}");
        }
        // git finds nothing wrong, and reads back what was written.
        git(&dir, &["update-ref", "refs/casefile/cases/c", &second]);
        git(&dir, &["fsck", "--strict", "--no-dangling"]);
        assert_eq!(
            git(&dir, &["show", &format!("{first}:entries/ab/x.number")]),
            "7"
        );
        let out = Command::new("git")
            .arg("--git-dir")
            .arg(&dir)
            .args(["cat-file", "blob", &format!("{first}:attachments/zz/noise")])
            .output()
            .unwrap();
        assert_eq!(out.stdout, noise);
        assert_eq!(
            git(&dir, &["rev-parse", &format!("{second}^")]).trim(),
            first
        );
        // The same ids git computes: the tree as `git mktree` would write it.
        let listing = git(&dir, &["ls-tree", &first]);
        let mut child = Command::new("git")
            .arg("--git-dir")
            .arg(&dir)
            .arg("mktree")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(listing.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let tree = git(&dir, &["rev-parse", &format!("{first}^{{tree}}")]);
        assert_eq!(String::from_utf8(out.stdout).unwrap(), tree);
        let names: Vec<String> = listing
            .lines()
            .map(|l| l.split('\t').nth(1).unwrap().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "a.b",
                "a",
                "a0",
                "attachments",
                "case.json",
                "empty",
                "entries"
            ]
        );
    }

    #[test]
    fn stored_zlib_streams_inflate_to_their_input_at_block_boundaries() {
        for len in [
            0usize, 1, 100, 65_534, 65_535, 65_536, 131_070, 131_071, 200_000,
        ] {
            let data: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let packed = zlib_stored(&data);
            // The header's check bits: CMF*256 + FLG is a multiple of 31.
            assert_eq!((u16::from(packed[0]) * 256 + u16::from(packed[1])) % 31, 0);
            let back = miniz_oxide::inflate::decompress_to_vec_zlib(&packed)
                .unwrap_or_else(|e| panic!("length {len}: {e:?}"));
            assert_eq!(back, data, "length {len}");
        }
    }

    #[test]
    fn a_repository_naming_objects_by_sha256_is_left_to_git() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(
            tmp.path().join("config"),
            "[core]\n\trepositoryformatversion = 1\n[extensions]\n\tobjectformat = sha256\n",
        )
        .unwrap();
        assert!(!writes_sha1(tmp.path()));
        fs::write(
            tmp.path().join("config"),
            "[extensions]\n\tobjectFormat = sha1\n",
        )
        .unwrap();
        assert!(writes_sha1(tmp.path()));
    }
}
