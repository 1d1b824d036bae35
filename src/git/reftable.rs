//! The reftable ref backend (`git init --ref-format=reftable`, git 2.45 and later), read just
//! far enough to look one ref up by name: HEAD, and the branch it names.
//!
//! Why by hand, measured (release build, callgrind instruction counts, which a loaded
//! machine does not disturb): the alternative on the instant path, spawning `git rev-parse
//! HEAD`, executes ~520,000 instructions inside git alone in a small reftable repository
//! (~590,000 with 10,000 branches), plus a fork and exec (5.6 ± 3.3 ms wall here, load
//! average 5–7). Reading the tables made a whole `casefile note` 87,000 instructions (3 %)
//! dearer than before in a small reftable repository (where it recorded nothing: this buys
//! branch, commit and the dirty check), and 163,000 (6 %) with 10,000 branches in one
//! compacted 300 KB table, HEAD's branch sorting last; ~36,000 and ~90,000 of that per HEAD
//! lookup. The files backend never comes here: an ordinary write executed no more
//! instructions than before (2,614,565 against 2,616,674 outside git).
//!
//! The format is git's `Documentation/technical/reftable.txt`; only what a lookup needs is read: the header, the
//! footer (checked by magic, version and CRC-32, and used to find where the ref blocks end),
//! and the ref blocks, read whole (not the reflog after them) and scanned record by record
//! in the one block that can hold the name (a block is skipped when the next one starts at
//! or before it). The ref index is not used: it would save reading the blocks, which the
//! figures above do not call for. Anything unexpected (another version or hash, a reserved
//! value type, a record running past its block, a table named in `tables.list` still
//! missing after three reads of the list) is an error, so the caller says "unknown" rather
//! than guess.
//!
//! A stack is `reftable/tables.list`, oldest table first; the newest table holding a record
//! for the name decides, and a deletion record there means the ref does not exist.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// What a stack says about one ref name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Value {
    /// No record, or a deletion record in the newest table that mentions it.
    Missing,
    /// An object id, lower-case hex.
    Oid(String),
    /// A symbolic ref: the full name of its target.
    Symbolic(Vec<u8>),
}

/// Tables whose ref blocks are larger are not read on the write path (100,000 refs take
/// ~3 MB).
const MAX_TABLE: u64 = 64 * 1024 * 1024;

/// Looks `name` up in the stack under `dir` (a git dir): `Err` when it cannot be told.
pub(super) fn lookup(dir: &Path, name: &[u8]) -> Result<Value, ()> {
    let dir = dir.join("reftable");
    // A compaction may remove a listed table between our two reads: read the list again,
    // as the format's readers are told to.
    for _ in 0..3 {
        let list = read_limited(&dir.join("tables.list"), 1024 * 1024)?;
        match lookup_in_stack(&dir, &list, name) {
            Err(Missing::Table) => continue,
            Err(Missing::Other) => return Err(()),
            Ok(v) => return Ok(v),
        }
    }
    Err(())
}

enum Missing {
    /// A listed table is gone (a concurrent compaction).
    Table,
    Other,
}

fn lookup_in_stack(dir: &Path, list: &[u8], name: &[u8]) -> Result<Value, Missing> {
    let tables = list
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>();
    for table in tables.into_iter().rev() {
        let ok = !table.contains(&b'/')
            && !table.contains(&0)
            && !table.starts_with(b".")
            && table.len() <= 255;
        let Some(file) = ok.then(|| std::str::from_utf8(table).ok()).flatten() else {
            return Err(Missing::Other);
        };
        match find_in_file(&dir.join(file), name) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Missing::Table),
            Err(_) => return Err(Missing::Other),
        }
    }
    Ok(Value::Missing)
}

fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ()> {
    let f = fs::File::open(path).map_err(|_| ())?;
    let mut data = Vec::new();
    f.take(limit + 1)
        .read_to_end(&mut data)
        .map_err(|_: io::Error| ())?;
    if data.len() as u64 > limit {
        return Err(());
    }
    Ok(data)
}

/// Where things are in one table, from its header and footer.
#[derive(Debug)]
struct Layout {
    header_len: usize,
    hash_len: usize,
    block_size: usize,
    /// Where the ref blocks end: the next section, or the footer.
    ref_end: usize,
}

/// Reads a table's header and footer (checked by magic, version, the header's copy in the
/// footer, and the footer's CRC-32). `head` holds at least the file's first 28 bytes (or
/// all of it), `tail` its last 72 (or all of it).
fn layout(head: &[u8], tail: &[u8], file_len: u64) -> Result<Layout, ()> {
    if head.get(..4) != Some(b"REFT") {
        return Err(());
    }
    let (header_len, footer_len, hash_len) = match head.get(4) {
        Some(1) => (24, 68, 20),
        Some(2) => {
            let hash_len = match head.get(24..28) {
                Some(b"sha1") => 20,
                Some(b"s256") => 32,
                _ => return Err(()),
            };
            (28, 72, hash_len)
        }
        _ => return Err(()),
    };
    if file_len < (header_len + footer_len) as u64 || tail.len() < footer_len {
        return Err(());
    }
    let footer = &tail[tail.len() - footer_len..];
    let crc_at = footer_len - 4;
    if footer[..header_len] != head[..header_len]
        || crc32(&footer[..crc_at]) != be(&footer[crc_at..])
    {
        return Err(());
    }
    let mut ref_end = file_len - footer_len as u64;
    for i in 0..5 {
        let at = header_len + 8 * i;
        let mut pos = be(&footer[at..at + 8]);
        if i == 1 {
            pos >>= 5; // obj_position << 5 | obj_id_len
        }
        if pos != 0 {
            ref_end = ref_end.min(pos);
        }
    }
    Ok(Layout {
        header_len,
        hash_len,
        block_size: be(&head[5..8]) as usize,
        ref_end: usize::try_from(ref_end).map_err(|_| ())?,
    })
}

/// Reads one table file: its header and footer, then only its ref blocks (the reflog that
/// follows them may be far larger).
fn find_in_file(path: &Path, name: &[u8]) -> Result<Option<Value>, io::Error> {
    use std::io::{Seek, SeekFrom};
    let bad = || io::Error::from(io::ErrorKind::InvalidData);
    let mut f = fs::File::open(path)?;
    let len = f.metadata()?.len();
    let mut head = [0u8; 28];
    let n = (len as usize).min(head.len());
    f.read_exact(&mut head[..n])?;
    let mut tail = [0u8; 72];
    let t = (len as usize).min(tail.len());
    f.seek(SeekFrom::Start(len - t as u64))?;
    f.read_exact(&mut tail[..t])?;
    let layout = layout(&head[..n], &tail[..t], len).map_err(|()| bad())?;
    if layout.ref_end as u64 > MAX_TABLE {
        return Err(bad());
    }
    let mut data = Vec::with_capacity(layout.ref_end);
    f.seek(SeekFrom::Start(0))?;
    f.take(layout.ref_end as u64).read_to_end(&mut data)?;
    if data.len() != layout.ref_end {
        return Err(bad());
    }
    scan(&data, &layout, name).map_err(|()| bad())
}

/// The record for `name` in a whole table held in memory: `Ok(None)` when it holds none.
#[cfg(test)]
fn find(data: &[u8], name: &[u8]) -> Result<Option<Value>, ()> {
    let layout = layout(data, data, data.len() as u64)?;
    scan(data.get(..layout.ref_end).ok_or(())?, &layout, name)
}

/// Scans the ref blocks (`data` is the file up to their end) for `name`, skipping each
/// block whose successor starts at or before `name` (records are sorted across blocks).
fn scan(data: &[u8], t: &Layout, name: &[u8]) -> Result<Option<Value>, ()> {
    let ref_end = data.len();
    let mut block_start = 0;
    let mut first = true;
    loop {
        let type_at = if first { t.header_len } else { block_start };
        // Another section's block ends the refs too: a log-only table (reflog entries
        // written alone, as `git stash` does) starts with a log block and leaves the
        // footer's log position at 0.
        if type_at >= ref_end || matches!(data[type_at], b'g' | b'o' | b'i') {
            return Ok(None);
        }
        if data[type_at] != b'r' || type_at + 4 > ref_end {
            return Err(());
        }
        // The length counts from the block's start (the file's start for the first block).
        let block_len = be(&data[type_at + 1..type_at + 4]) as usize;
        let block_end = block_start + block_len;
        if block_end > ref_end || block_end < type_at + 4 + 2 {
            return Err(());
        }
        let restarts = be(&data[block_end - 2..block_end]) as usize;
        let records_end = (block_end - 2)
            .checked_sub(3 * restarts)
            .filter(|&e| restarts > 0 && e >= type_at + 4)
            .ok_or(())?;
        // The next block: right after this one when the file is unaligned, or when a block
        // shorter than the block size is followed by data rather than padding (git's reader
        // decides the same way); else at the next multiple of the block size.
        let next = if t.block_size == 0
            || (block_len < t.block_size && block_end < ref_end && data[block_end] != 0)
        {
            block_end
        } else {
            block_start + t.block_size
        };
        let skip = first_name(data, next).is_some_and(|n| n <= name);
        if !skip {
            let records = &data[type_at + 4..records_end];
            if let Some(found) = find_in_block(records, name, t.hash_len)? {
                return Ok(Some(found));
            }
        }
        block_start = next;
        first = false;
    }
}

/// The name of the first record of the ref block at `at` (never prefix-compressed), if
/// there is such a block.
fn first_name(data: &[u8], at: usize) -> Option<&[u8]> {
    let mut r = data.get(at..)?;
    if r.first() != Some(&b'r') {
        return None;
    }
    r = r.get(4..)?;
    if varint(&mut r).ok()? != 0 {
        return None;
    }
    let len = usize::try_from(varint(&mut r).ok()? >> 3).ok()?;
    r.get(..len)
}

/// Scans one block's records: `Some` for `name`'s record.
fn find_in_block(mut r: &[u8], name: &[u8], hash_len: usize) -> Result<Option<Value>, ()> {
    let mut prev: Vec<u8> = Vec::new();
    while !r.is_empty() {
        let prefix = varint(&mut r)?;
        let kind = varint(&mut r)?;
        let suffix_len = usize::try_from(kind >> 3).map_err(|_| ())?;
        let prefix = usize::try_from(prefix).map_err(|_| ())?;
        if prefix > prev.len() || suffix_len > r.len() {
            return Err(());
        }
        prev.truncate(prefix);
        prev.extend_from_slice(&r[..suffix_len]);
        r = &r[suffix_len..];
        let _update_index_delta = varint(&mut r)?;
        // Skip the value, and decode it only for the record sought.
        let value_len = match kind & 7 {
            0 => 0,
            1 => hash_len,
            2 => 2 * hash_len,
            3 => {
                let mut v = r;
                let n = usize::try_from(varint(&mut v)?).map_err(|_| ())?;
                n.checked_add(r.len() - v.len()).ok_or(())?
            }
            _ => return Err(()),
        };
        let value = r.get(..value_len).ok_or(())?;
        r = &r[value_len..];
        match prev.as_slice().cmp(name) {
            std::cmp::Ordering::Less => {}
            // Records are sorted: it is not in this table.
            std::cmp::Ordering::Greater => return Ok(None),
            std::cmp::Ordering::Equal => {
                return Ok(Some(match kind & 7 {
                    0 => Value::Missing,
                    1 | 2 => Value::Oid(hex(&value[..hash_len])),
                    _ => {
                        let mut v = value;
                        varint(&mut v)?;
                        Value::Symbolic(v.to_vec())
                    }
                }))
            }
        }
    }
    Ok(None)
}

/// Bytes as lower-case hex.
fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(2 * bytes.len());
    for b in bytes {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

/// The format's varint (the ofs-delta encoding of packs).
fn varint(r: &mut &[u8]) -> Result<u64, ()> {
    let (&first, rest) = r.split_first().ok_or(())?;
    *r = rest;
    let mut val = u64::from(first & 0x7f);
    let mut byte = first;
    while byte & 0x80 != 0 {
        let (&b, rest) = r.split_first().ok_or(())?;
        *r = rest;
        byte = b;
        val = val
            .checked_add(1)
            .filter(|v| v.leading_zeros() >= 7)
            .ok_or(())?;
        val = (val << 7) | u64::from(b & 0x7f);
    }
    Ok(val)
}

/// A big-endian unsigned number of up to 8 bytes.
fn be(b: &[u8]) -> u64 {
    b.iter().fold(0, |acc, &x| (acc << 8) | u64::from(x))
}

/// CRC-32 (IEEE, as zlib computes it), bit by bit: it only ever covers a 64-byte footer.
fn crc32(data: &[u8]) -> u64 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xedb8_8320 & mask);
        }
    }
    u64::from(!crc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn varint_is_the_offset_encoding() {
        let mut r: &[u8] = &[0x7f];
        assert_eq!(varint(&mut r), Ok(127));
        // 0x80 0x00 is 128 in this encoding (each continuation adds one).
        let mut r: &[u8] = &[0x80, 0x00];
        assert_eq!(varint(&mut r), Ok(128));
        let mut r: &[u8] = &[0x80];
        assert_eq!(varint(&mut r), Err(()));
        let mut r: &[u8] = &[0xff; 12];
        assert_eq!(varint(&mut r), Err(()));
    }

    #[test]
    fn garbage_is_an_error_never_a_panic() {
        let mut data = b"REFT\x01\x00\x10\x00".to_vec();
        data.resize(200, 0);
        for len in 0..data.len() {
            assert_eq!(find(&data[..len], b"HEAD"), Err(()), "{len}");
        }
        // A valid empty table: header then footer.
        let mut t = b"REFT\x01\x00\x00\x00".to_vec();
        t.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
        let mut footer = t.clone();
        footer.extend_from_slice(&[0; 40]);
        let crc = crc32(&footer) as u32;
        footer.extend_from_slice(&crc.to_be_bytes());
        t.extend_from_slice(&footer);
        assert_eq!(find(&t, b"HEAD"), Ok(None));
        // Any flipped byte is caught (by the magic, the version, the header's copy in the
        // footer, or the CRC).
        for i in 0..t.len() {
            let mut bad = t.clone();
            bad[i] ^= 0x40;
            assert_eq!(find(&bad, b"HEAD"), Err(()), "{i}");
        }
    }
}
