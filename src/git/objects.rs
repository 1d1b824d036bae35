//! Reading HEAD's commit from the object store: a loose object, or a pack entry found through
//! the pack index and rebuilt through offset and ref delta chains, inflated with `miniz_oxide`.
//!
//! Why: the dirty check compares HEAD's root tree with the index's, and only needs the first
//! line of HEAD's commit (`tree <id>`). So only a prefix of each object is inflated and only
//! the part of each delta base that prefix copies from is rebuilt. Every size read from disk
//! is bounded (`MAX_DELTA_CHAIN`, `MAX_DELTA_SIZE`, the inflate limit): a corrupt pack gives
//! `None`, never a huge allocation or a panic.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::index::Cursor;
use super::{Head, Repo};

/// HEAD's root tree, as far as it can be read.
pub(super) enum HeadTree {
    /// No commit yet: every index entry is staged.
    Unborn,
    Tree(Vec<u8>),
    Unknown,
}

#[cfg_attr(not(unix), allow(dead_code))]
pub(super) fn head_tree(repo: &Repo, oid_len: usize) -> HeadTree {
    match repo.read_head() {
        (
            Head {
                commit: Some(c), ..
            },
            _,
        ) => match commit_tree(repo, &c, oid_len) {
            Some(t) => HeadTree::Tree(t),
            None => HeadTree::Unknown,
        },
        (_, true) => HeadTree::Unborn,
        (_, false) => HeadTree::Unknown,
    }
}

/// The binary tree id of commit `hex`, read from a loose object or a pack.
pub(super) fn commit_tree(repo: &Repo, hex: &str, oid_len: usize) -> Option<Vec<u8>> {
    let oid = hex_decode(hex)?;
    if oid.len() != oid_len {
        return None;
    }
    let objects = repo.common_dir.join("objects");
    // "tree " + hex + "\n" follows the loose header ("commit <size>\0", ≤ 32 bytes).
    let want = 5 + oid_len * 2 + 1;
    let body = match fs::read(objects.join(&hex[..2]).join(&hex[2..])) {
        Ok(z) => {
            let raw = zlib_inflate_prefix(&z, want + 32)?;
            let nul = raw.iter().position(|&b| b == 0)?;
            if !raw.starts_with(b"commit ") {
                return None;
            }
            raw[nul + 1..].to_vec()
        }
        Err(_) => packed_commit_prefix(&objects.join("pack"), &oid, want)?,
    };
    let line = body.strip_prefix(b"tree ")?.get(..oid_len * 2)?;
    hex_decode(std::str::from_utf8(line).ok()?)
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    let digit = |b: u8| (b as char).to_digit(16);
    s.as_bytes()
        .chunks(2)
        .map(|p| Some((digit(p[0])? * 16 + digit(p[1])?) as u8))
        .collect()
}

/// Finds `oid` in the pack indexes under `pack_dir` and returns the first `want` bytes of
/// the object if it is a commit (following delta chains). `None` if absent or unreadable.
fn packed_commit_prefix(pack_dir: &Path, oid: &[u8], want: usize) -> Option<Vec<u8>> {
    for ent in fs::read_dir(pack_dir).ok()?.flatten() {
        let idx = ent.path();
        if idx.extension() != Some(OsStr::new("idx")) {
            continue;
        }
        if let Some(offset) = pack_index_lookup(&idx, oid) {
            let mut pack = File::open(idx.with_extension("pack")).ok()?;
            let (kind, prefix) = pack_entry_prefix(&mut pack, &idx, offset, want, 0)?;
            return (kind == 1).then_some(prefix);
        }
    }
    None
}

/// Longest delta chain followed (git's default `--depth` is 50).
const MAX_DELTA_CHAIN: usize = 64;
/// Largest delta stream inflated while following a chain.
const MAX_DELTA_SIZE: usize = 64 * 1024;

/// The object type (1 commit, 2 tree, 3 blob, 4 tag) and first `want` bytes of the pack entry
/// at `offset`, resolving offset and ref deltas against the same pack.
fn pack_entry_prefix(
    pack: &mut File,
    idx: &Path,
    offset: u64,
    want: usize,
    depth: usize,
) -> Option<(u8, Vec<u8>)> {
    if depth > MAX_DELTA_CHAIN {
        return None;
    }
    pack.seek(SeekFrom::Start(offset)).ok()?;
    // Objects stored whole need little input for `want` bytes; deltas need their whole stream.
    let mut buf = Vec::with_capacity(4096);
    (&mut *pack).take(4096).read_to_end(&mut buf).ok()?;
    let mut cur = Cursor { data: &buf, pos: 0 };
    let c = cur.take(1)?[0];
    let kind = (c >> 4) & 7;
    let mut size = u64::from(c & 0x0f);
    let mut shift = 4;
    let mut more = c & 0x80 != 0;
    while more {
        let b = cur.take(1)?[0];
        if shift > 56 {
            return None;
        }
        size |= u64::from(b & 0x7f) << shift;
        shift += 7;
        more = b & 0x80 != 0;
    }
    match kind {
        1..=4 => {
            let limit = usize::try_from(size).ok()?.min(want);
            Some((kind, zlib_inflate_prefix(&buf[cur.pos..], limit)?))
        }
        6 | 7 => {
            let base_offset = if kind == 6 {
                // Offset back to the base: git's offset varint.
                let rel = cur.varint()?;
                offset.checked_sub(rel)?
            } else {
                let base_oid = cur.take(20)?.to_vec();
                pack_index_lookup(idx, &base_oid)?
            };
            let delta_size = usize::try_from(size).ok()?;
            if delta_size > MAX_DELTA_SIZE {
                return None;
            }
            let at = cur.pos;
            if buf.len() == 4096 {
                (&mut *pack)
                    .take(MAX_DELTA_SIZE as u64)
                    .read_to_end(&mut buf)
                    .ok()?;
            }
            let delta = zlib_inflate_prefix(&buf[at..], delta_size)?;
            apply_delta_prefix(&delta, want, |need| {
                pack_entry_prefix(pack, idx, base_offset, need, depth + 1)
            })
        }
        _ => None,
    }
}

/// Applies a git delta far enough to produce `want` bytes, asking `base` for just the prefix
/// of the base object that those bytes copy from.
fn apply_delta_prefix(
    delta: &[u8],
    want: usize,
    base: impl FnOnce(usize) -> Option<(u8, Vec<u8>)>,
) -> Option<(u8, Vec<u8>)> {
    let mut r = Cursor {
        data: delta,
        pos: 0,
    };
    let size = |r: &mut Cursor<'_>| -> Option<u64> {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = r.take(1)?[0];
            if shift > 56 {
                return None;
            }
            v |= u64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
    };
    let base_size = usize::try_from(size(&mut r)?).ok()?;
    let result_size = usize::try_from(size(&mut r)?).ok()?;
    let want = want.min(result_size);
    // Two passes: find how much of the base is needed, then build the output.
    let mut ops = Vec::new();
    let mut produced = 0usize;
    let mut need = 0usize;
    while produced < want {
        let c = r.take(1)?[0];
        if c & 0x80 != 0 {
            let mut off = 0u32;
            let mut len = 0u32;
            for i in 0..4 {
                if c & (1 << i) != 0 {
                    off |= u32::from(r.take(1)?[0]) << (8 * i);
                }
            }
            for i in 0..3 {
                if c & (0x10 << i) != 0 {
                    len |= u32::from(r.take(1)?[0]) << (8 * i);
                }
            }
            let len = if len == 0 { 0x10000 } else { len as usize };
            let (off, used) = (off as usize, len.min(want - produced));
            need = need.max(off.checked_add(used)?);
            // Copies stay inside the base; a commit's first line never lies far into it.
            if need > base_size || need > MAX_DELTA_SIZE {
                return None;
            }
            ops.push((true, off, used));
            produced += used;
        } else if c != 0 {
            let len = usize::from(c);
            let at = r.pos;
            r.take(len)?;
            let used = len.min(want - produced);
            ops.push((false, at, used));
            produced += used;
        } else {
            return None;
        }
    }
    let (kind, base_bytes) = base(need)?;
    if base_bytes.len() < need {
        return None;
    }
    let mut out = Vec::with_capacity(want);
    for (copy, at, len) in ops {
        let src = if copy {
            &base_bytes[at..at + len]
        } else {
            &delta[at..at + len]
        };
        out.extend_from_slice(src);
    }
    Some((kind, out))
}

/// Looks `oid` up in a version-2 pack index, reading only the fan-out bucket it falls in.
fn pack_index_lookup(idx: &Path, oid: &[u8]) -> Option<u64> {
    let mut f = File::open(idx).ok()?;
    let file_len = f.metadata().ok()?.len();
    let mut head = [0u8; 8 + 256 * 4];
    f.read_exact(&mut head).ok()?;
    if head[..8] != [0xff, b't', b'O', b'c', 0, 0, 0, 2] {
        return None;
    }
    let fan = |i: usize| {
        u32::from_be_bytes([
            head[8 + i * 4],
            head[9 + i * 4],
            head[10 + i * 4],
            head[11 + i * 4],
        ]) as u64
    };
    let first = usize::from(*oid.first()?);
    let lo = if first == 0 { 0 } else { fan(first - 1) };
    let hi = fan(first);
    let n = fan(255);
    let w = oid.len() as u64;
    if lo > hi || hi > n || 8 + 1024 + n * (w + 8) > file_len {
        return None;
    }
    f.seek(SeekFrom::Start(8 + 1024 + lo * w)).ok()?;
    let mut bucket = vec![0u8; usize::try_from((hi - lo) * w).ok()?];
    f.read_exact(&mut bucket).ok()?;
    let pos = lo
        + bucket
            .chunks_exact(oid.len())
            .collect::<Vec<_>>()
            .binary_search(&oid)
            .ok()? as u64;
    let mut b4 = [0u8; 4];
    f.seek(SeekFrom::Start(8 + 1024 + n * (w + 4) + pos * 4))
        .ok()?;
    f.read_exact(&mut b4).ok()?;
    let off = u32::from_be_bytes(b4);
    if off & 0x8000_0000 == 0 {
        return Some(u64::from(off));
    }
    let mut b8 = [0u8; 8];
    f.seek(SeekFrom::Start(
        8 + 1024 + n * (w + 8) + u64::from(off & 0x7fff_ffff) * 8,
    ))
    .ok()?;
    f.read_exact(&mut b8).ok()?;
    Some(u64::from_be_bytes(b8))
}

// ---------------------------------------------------------------------------------------------
// Inflating (zlib, via miniz_oxide)

/// Inflates a zlib stream until `limit` bytes are out (or the stream ends); `None` on a
/// corrupt or truncated stream. The output grows with what the stream really holds and stops
/// at `limit`, so a bogus size read from a pack never sizes an allocation.
///
/// `miniz_oxide` directly rather than `flate2`: flate2's decoder carries a 32 KB window per
/// stream, which cost ~80 µs on the first call of a fresh process here, against ~15 µs.
fn zlib_inflate_prefix(z: &[u8], limit: usize) -> Option<Vec<u8>> {
    use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, TINFLStatus};
    match decompress_to_vec_zlib_with_limit(z, limit) {
        Ok(out) => Some(out),
        // Stopped at `limit` with more to come: the prefix asked for.
        Err(e) if e.status == TINFLStatus::HasMoreOutput && e.output.len() == limit => {
            Some(e.output)
        }
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use sha1::{Digest, Sha1};

    #[test]
    fn dirty_staged_with_packed_objects() {
        let t = repo_with_files(30);
        write(&t.path().join("d1/f1.txt"), "second\n");
        git(t.path(), &["commit", "-q", "-am", "two"]);
        git(t.path(), &["gc", "-q", "--aggressive"]);
        let repo = discover(t.path()).expect("repo");
        assert_eq!(repo.dirty(None), Some(false));
        write(&t.path().join("d1/f1.txt"), "third\n");
        git(t.path(), &["add", "-A"]);
        assert_eq!(repo.dirty(None), Some(true));
        git(t.path(), &["reset", "-q", "--hard"]);
        assert_eq!(repo.dirty(None), Some(false));
    }

    #[test]
    fn head_commit_stored_as_a_delta() {
        // Similar commit messages make git store older commits as deltas against newer ones.
        let t = tempfile::tempdir().expect("tempdir");
        git(t.path(), &["init", "-q"]);
        let msg = "lorem ipsum dolor sit amet ".repeat(40);
        let mut commits = Vec::new();
        for i in 0..12 {
            write(&t.path().join("f"), &format!("{i}\n"));
            git(t.path(), &["add", "f"]);
            git(t.path(), &["commit", "-q", "-m", &format!("{msg} {i}")]);
            commits.push(git(t.path(), &["rev-parse", "HEAD"]));
        }
        for (offset_deltas, flag) in [(true, "true"), (false, "false")] {
            git(
                t.path(),
                &[
                    "-c",
                    &format!("repack.useDeltaBaseOffset={flag}"),
                    "repack",
                    "-adfq",
                    "--window=50",
                    "--depth=50",
                ],
            );
            let idx = fs::read_dir(t.path().join(".git/objects/pack"))
                .expect("pack dir")
                .flatten()
                .map(|e| e.path())
                .find(|p| p.extension() == Some(OsStr::new("idx")))
                .expect("idx");
            let verify = git(
                t.path(),
                &["verify-pack", "-v", idx.to_str().expect("utf8")],
            );
            let deltas: Vec<&str> = verify
                .lines()
                .filter(|l| {
                    l.contains(" commit ") && l.split(' ').filter(|w| !w.is_empty()).count() == 7
                })
                .collect();
            assert!(deltas.len() >= 5, "offset deltas {offset_deltas}: {verify}");
            let repo = discover(t.path()).expect("repo");
            for c in &commits {
                git(t.path(), &["checkout", "-q", "--detach", c]);
                assert_eq!(repo.dirty(None), Some(false), "{c}");
                let tree = commit_tree(&repo, c, 20).expect("tree");
                assert_eq!(
                    hex(&tree),
                    git(t.path(), &["rev-parse", &format!("{c}^{{tree}}")])
                );
            }
        }
    }

    #[test]
    fn inflate_stops_at_the_limit_and_rejects_bad_streams() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&data, 1);
        // A prefix: exactly `limit` bytes, whatever the stream holds.
        assert_eq!(zlib_inflate_prefix(&z, 0), Some(Vec::new()));
        assert_eq!(zlib_inflate_prefix(&z, 77).as_deref(), Some(&data[..77]));
        assert_eq!(
            zlib_inflate_prefix(&z, 70_000).as_deref(),
            Some(&data[..70_000])
        );
        // The whole stream when the limit is larger; a huge limit allocates nothing up front.
        assert_eq!(
            zlib_inflate_prefix(&z, usize::MAX).as_deref(),
            Some(&data[..])
        );
        // Truncated: fine if the prefix asked for is there, `None` if it is not.
        let cut = &z[..z.len() / 2];
        assert_eq!(zlib_inflate_prefix(cut, 10).as_deref(), Some(&data[..10]));
        assert_eq!(zlib_inflate_prefix(cut, data.len()), None);
        // Not zlib at all, or empty.
        assert_eq!(zlib_inflate_prefix(b"not a zlib stream", 10), None);
        assert_eq!(zlib_inflate_prefix(b"", 10), None);
    }

    #[test]
    fn inflate_matches_git_objects() {
        // Every loose object git wrote must inflate to its own header.
        let t = repo_with_files(5);
        let objects = t.path().join(".git/objects");
        let mut seen = 0;
        for dir in fs::read_dir(&objects).expect("objects").flatten() {
            let name = dir.file_name();
            if name.len() != 2 {
                continue;
            }
            for obj in fs::read_dir(dir.path()).expect("dir").flatten() {
                let z = fs::read(obj.path()).expect("read");
                let raw = zlib_inflate_prefix(&z, 1 << 20).expect("inflate");
                let id = format!(
                    "{}{}",
                    name.to_string_lossy(),
                    obj.file_name().to_string_lossy()
                );
                let mut h = Sha1::new();
                h.update(&raw);
                assert_eq!(hex(&h.finalize()[..]), id);
                seen += 1;
            }
        }
        assert!(seen >= 10);
    }

    #[test]
    fn corrupt_objects_never_panic() {
        let t = repo_with_files(5);
        let repo = discover(t.path()).expect("repo");
        let commit = repo.head().commit.expect("commit");
        let loose = t
            .path()
            .join(".git/objects")
            .join(&commit[..2])
            .join(&commit[2..]);
        let good = fs::read(&loose).expect("object");
        let mut seed = 0x1234_5678_9abc_def1u64;
        let mut rand = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for i in 0..2000 {
            let mut b = good.clone();
            let r = rand();
            let at = (r % b.len() as u64) as usize;
            b[at] ^= 1 << (r >> 61);
            if i % 3 == 0 {
                b.truncate((rand() % b.len() as u64) as usize);
            }
            let _ = zlib_inflate_prefix(&b, 1 << 16);
            let delta: Vec<u8> = (0..(rand() % 64)).map(|_| rand() as u8).collect();
            let _ = apply_delta_prefix(&delta, 64, |need| Some((1, vec![b'x'; need])));
        }
        // A corrupt pack gives "unknown", not a panic.
        git(t.path(), &["gc", "-q"]);
        let pack_dir = t.path().join(".git/objects/pack");
        let pack = fs::read_dir(&pack_dir)
            .expect("pack dir")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension() == Some(OsStr::new("pack")))
            .expect("pack");
        let good = fs::read(&pack).expect("pack");
        for _ in 0..300 {
            let mut b = good.clone();
            let r = rand();
            let at = 12 + (r % (b.len() as u64 - 12)) as usize;
            b[at] = (r >> 40) as u8;
            fs::write(&pack, &b).expect("write");
            let _ = commit_tree(&repo, &commit, 20);
            let _ = repo.dirty(None);
        }
    }
}
