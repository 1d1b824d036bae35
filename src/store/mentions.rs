//! Mentions: a `#N` written in a text, kept by the UUID of the entry it named.
//!
//! Texts are stored with local numbers, exactly as every renderer shows them; the `mention`
//! table (schema: `numbering_keys_and_mentions`) remembers which `#N` spans name which entry.
//! When numbers change (a merge renumbers, or a text arrives from another home with that
//! home's numbers) [`rewrite`] puts the current local numbers back into the spans. A text
//! without `#` costs one `memchr` on the write path and nothing else.

use anyhow::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// A mention inside one text: `#…` at byte `start`, `len` bytes long, naming entry `target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub len: usize,
    pub target: String,
}

/// Every `#N` in `text` that could be a mention: `#` not glued to a word before it (so
/// `issue#3`, `&#36;` and `C#7` stay text) and digits not glued to a word after them.
/// Returns (start, len, N).
pub fn candidates(text: &str) -> Vec<(usize, usize, i64)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for start in memchr::memchr_iter(b'#', bytes) {
        if start > 0 {
            let before = bytes[start - 1];
            if before.is_ascii_alphanumeric() || before == b'&' || before == b'#' || before == b'_'
            {
                continue;
            }
        }
        let digits = bytes[start + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > 18 {
            continue;
        }
        let end = start + 1 + digits;
        if end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
            continue;
        }
        if let Ok(n) = text[start + 1..end].parse::<i64>() {
            if n > 0 {
                found.push((start, end - start, n));
            }
        }
    }
    found
}

/// Record the mentions in the text of `source` (an entry's or a history item's UUID): each
/// `#N` that names an entry of the case other than `source` itself. Nothing for a text
/// without `#`.
pub fn record(conn: &Connection, source: &str, text: &str) -> Result<()> {
    if memchr::memchr(b'#', text.as_bytes()).is_none() {
        return Ok(());
    }
    for (start, len, number) in candidates(text) {
        let target: Option<String> = conn
            .prepare_cached("SELECT uuid FROM entry WHERE number = +?1")?
            .query_row([number], |r| r.get(0))
            .optional()?;
        if let Some(target) = target.filter(|t| t != source) {
            insert(conn, source, start, len, &target)?;
        }
    }
    Ok(())
}

fn insert(conn: &Connection, source: &str, start: usize, len: usize, target: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO mention (source, start, len, target) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![source, start as i64, len as i64, target])?;
    Ok(())
}

/// The mentions in the text of `source`, in order.
pub fn of(conn: &Connection, source: &str) -> Result<Vec<Mention>> {
    let rows = conn
        .prepare_cached("SELECT start, len, target FROM mention WHERE source = ?1 ORDER BY start")?
        .query_map([source], |r| {
            Ok(Mention {
                start: r.get::<_, i64>(0)?.max(0) as usize,
                len: r.get::<_, i64>(1)?.max(0) as usize,
                target: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// An entry's text became history under `history`: its mentions go with it.
pub fn move_source(conn: &Connection, from: &str, to: &str) -> Result<()> {
    conn.prepare_cached("UPDATE mention SET source = ?2 WHERE source = ?1")?
        .execute(params![from, to])?;
    Ok(())
}

/// Replace the mentions of `source` with `mentions` (from a bundle: spans in `text`, targets
/// by UUID), keeping only the well-formed ones whose target the case holds.
pub fn replace(conn: &Connection, source: &str, text: &str, mentions: &[Mention]) -> Result<()> {
    conn.prepare_cached("DELETE FROM mention WHERE source = ?1")?
        .execute([source])?;
    for m in mentions {
        let well_formed = m.len > 1
            && m.start
                .checked_add(m.len)
                .is_some_and(|end| end <= text.len())
            && text.is_char_boundary(m.start)
            && text.is_char_boundary(m.start + m.len)
            && text.as_bytes()[m.start] == b'#';
        if !well_formed || m.target == source {
            continue;
        }
        let known: Option<i64> = conn
            .prepare_cached("SELECT 1 FROM entry WHERE uuid = ?1")?
            .query_row([&m.target], |r| r.get(0))
            .optional()?;
        if known.is_some() {
            insert(conn, source, m.start, m.len, &m.target)?;
        }
    }
    Ok(())
}

/// The sources whose mentions name any of `targets` (UUIDs).
pub fn sources_naming(conn: &Connection, targets: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached("SELECT DISTINCT source FROM mention WHERE target = ?1")?;
    for target in targets {
        let rows = stmt
            .query_map([target], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.extend(rows);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Put the current local number of each mentioned entry into the text of `source` (the UUID
/// of an entry, a history item or a change), moving the later spans as numbers change length.
pub fn rewrite(conn: &Connection, source: &str) -> Result<()> {
    let mentions = of(conn, source)?;
    if mentions.is_empty() {
        return Ok(());
    }
    // The texts that can hold mentions: an entry's, an earlier one, a change's (an unlink's
    // description of the link in `previous`, a retraction's reason in `value`).
    const TEXTS: [(&str, &str); 4] = [
        ("entry", "text"),
        ("entry_history", "text"),
        ("entry_change", "previous"),
        ("entry_change", "value"),
    ];
    let mut found = None;
    for (table, column) in TEXTS {
        let text: Option<Option<String>> = conn
            .prepare_cached(&format!("SELECT {column} FROM {table} WHERE uuid = ?1"))?
            .query_row([source], |r| r.get(0))
            .optional()?;
        if let Some(Some(text)) = text {
            found = Some((text, table, column));
            break;
        }
    }
    let Some((text, table, column)) = found else {
        return Ok(());
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut moved = Vec::with_capacity(mentions.len());
    let mut at = 0;
    for m in &mentions {
        let end = m.start + m.len;
        if m.start < at || end > text.len() || !text.is_char_boundary(m.start) {
            continue;
        }
        if !text.is_char_boundary(end) {
            continue;
        }
        let number: Option<i64> = conn
            .prepare_cached("SELECT number FROM entry WHERE uuid = ?1")?
            .query_row([&m.target], |r| r.get(0))
            .optional()?;
        out.push_str(&text[at..m.start]);
        let start = out.len();
        match number {
            Some(n) => out.push_str(&format!("#{n}")),
            None => out.push_str(&text[m.start..end]),
        }
        moved.push((m.start, start, out.len() - start));
        at = end;
    }
    out.push_str(&text[at..]);
    if out == text {
        return Ok(());
    }
    conn.prepare_cached(&format!("UPDATE {table} SET {column} = ?1 WHERE uuid = ?2"))?
        .execute(params![out, source])?;
    // Move the spans: shift to negative starts first, so no two rows of the source clash.
    conn.prepare_cached("UPDATE mention SET start = -1 - start WHERE source = ?1")?
        .execute([source])?;
    for (old, start, len) in moved {
        conn.prepare_cached(
            "UPDATE mention SET start = ?3, len = ?4 WHERE source = ?1 AND start = ?2",
        )?
        .execute(params![source, -1 - old as i64, start as i64, len as i64])?;
    }
    // Spans that no longer fit the text (never expected) are dropped rather than kept wrong.
    conn.prepare_cached("DELETE FROM mention WHERE source = ?1 AND start < 0")?
        .execute([source])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_numbers_after_a_free_hash() {
        let text = "see #3, (#12) and #7. not issue#4, &#36;, #5x, C#9 or ##2; #0 nor # 4";
        let found: Vec<i64> = candidates(text).into_iter().map(|(_, _, n)| n).collect();
        assert_eq!(found, vec![3, 12, 7]);
        let (start, len, _) = candidates(text)[1];
        assert_eq!(&text[start..start + len], "#12");
    }

    #[test]
    fn candidates_at_the_edges_and_after_unicode() {
        assert_eq!(candidates("#1"), vec![(0, 2, 1)]);
        assert_eq!(candidates("é #22"), vec![(3, 3, 22)]);
        assert!(candidates("no hash here").is_empty());
        assert!(candidates("#99999999999999999999").is_empty());
    }
}
