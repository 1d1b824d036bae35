//! Putting user text into a Markdown document without letting it change the document's shape.
//!
//! Two kinds of user text reach a postmortem:
//! - **entry text** (notes, evidence, titles…) is shown literally: [`write_text`] escapes what
//!   Markdown or HTML would interpret, and puts code-like words (`src/**/*.py`, `\d+`,
//!   `C:\Users\x\_tmp`) in code spans whose fences outnumber the backticks inside;
//! - **close texts** (summary, root cause…) are Markdown the author meant as Markdown:
//!   [`write_block`] keeps it, but escapes HTML and neutralises everything that could swallow
//!   what follows (an unbalanced fence is closed, `>>>` and setext underlines are defused) and
//!   demotes headings below the section they sit in.
//!
//! Both are checked against a real renderer (pulldown-cmark, GFM options) in the tests, over
//! hostile inputs and generated ones.

use std::io::Write;

/// Bytes that Markdown or HTML could read as syntax inside a line of text.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = b"\\`*_[]<>&|~$\n\r#";
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
};

/// Whether `bytes` may hold a [`SPECIAL`] byte. Every row of a postmortem passes here and
/// most hold none, so this is the hot loop of the export: a chunk at a time (the tail padded
/// with spaces), with range tests the compiler turns into SIMD compares (a table lookup per
/// byte cannot be), 32 bytes at a time where the CPU has AVX2. The ranges take in a few
/// harmless bytes too (VT, FF, `^`); those only send a text the careful way, which writes a
/// text without a real special byte unchanged.
fn has_special(bytes: &[u8]) -> bool {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2, checked just above.
        return unsafe { has_special_avx2(bytes) };
    }
    special_in_chunks::<16>(bytes)
}

/// [`special_in_chunks`] with AVX2, 32 bytes at a time by a nibble lookup: each byte's low
/// half picks a set of bits from one table, its high half from another, and the byte is in
/// the set when the two share a bit (two shuffles and an AND a chunk, where the range tests
/// of [`special_in_chunks`] took about twenty instructions). The sets are those of
/// [`special_in_chunks`]: a test checks both agree on every byte.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn has_special_avx2(bytes: &[u8]) -> bool {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_loadu_si256, _mm256_set1_epi8, _mm256_setr_epi8,
        _mm256_shuffle_epi8, _mm256_srli_epi16, _mm256_testz_si256,
    };
    // The high halves that hold special bytes, one bit each (3x and 7x share one: both
    // take C and E): 0x → 1, 2x → 2, 3x and 7x → 4, 5x → 8, 6x → 16. Bytes from 0x80 have
    // no bit.
    #[rustfmt::skip]
    const HIGH: [i8; 16] = [1, 0, 2, 4, 0, 8, 16, 4, 0, 0, 0, 0, 0, 0, 0, 0];
    // For each low half, the high halves it is special with: 0 with 6x (`), 3 4 6 with 2x
    // (# $ &), A with 0x and 2x (\n *), B with 0x and 5x (VT [), C with 0x 3x 5x 7x (FF < \\ |),
    // D with 0x and 5x (\r ]), E with 3x 5x 7x (> ^ ~), F with 5x (_).
    #[rustfmt::skip]
    const LOW: [i8; 16] = [16, 0, 0, 2, 2, 0, 2, 0, 0, 0, 1 | 2, 1 | 8, 1 | 4 | 8, 1 | 8, 4 | 8, 8];
    let (h, l) = (HIGH, LOW);
    let high = _mm256_setr_epi8(
        h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13],
        h[14], h[15], h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11],
        h[12], h[13], h[14], h[15],
    );
    let low = _mm256_setr_epi8(
        l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7], l[8], l[9], l[10], l[11], l[12], l[13],
        l[14], l[15], l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7], l[8], l[9], l[10], l[11],
        l[12], l[13], l[14], l[15],
    );
    let nibble = _mm256_set1_epi8(0x0F);
    let any = |chunk: &[u8; 32]| -> bool {
        // SAFETY: `chunk` is 32 readable bytes; the load is unaligned.
        let v = unsafe { _mm256_loadu_si256(chunk.as_ptr().cast::<__m256i>()) };
        let lo = _mm256_shuffle_epi8(low, _mm256_and_si256(v, nibble));
        let hi = _mm256_shuffle_epi8(high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
        _mm256_testz_si256(lo, hi) == 0
    };
    let mut chunks = bytes.chunks_exact(32);
    for chunk in &mut chunks {
        if any(chunk.try_into().unwrap_or(&[0; 32])) {
            return true;
        }
    }
    let rest = chunks.remainder();
    let mut last = [b' '; 32];
    last[..rest.len()].copy_from_slice(rest);
    any(&last)
}

#[inline(always)]
fn special_in_chunks<const N: usize>(bytes: &[u8]) -> bool {
    #[inline(always)]
    fn maybe(b: u8) -> bool {
        // \n \v \f \r | # $ | & | * | < > | [ \ ] ^ _ ` | `|` ~
        (b.wrapping_sub(0x0A) < 4)
            | (b.wrapping_sub(b'#') < 2)
            | (b == b'&')
            | (b == b'*')
            | ((b | 2) == b'>')
            | (b.wrapping_sub(b'[') < 6)
            | ((b | 2) == b'~')
    }
    #[inline(always)]
    fn any_in<const N: usize>(chunk: &[u8; N]) -> bool {
        // No early exit inside a chunk: the whole chunk is one vectorised test.
        let mut any = 0u8;
        for &b in chunk {
            any |= u8::from(maybe(b));
        }
        any != 0
    }
    let mut chunks = bytes.chunks_exact(N);
    for chunk in &mut chunks {
        if any_in::<N>(chunk.try_into().unwrap_or(&[0; N])) {
            return true;
        }
    }
    let rest = chunks.remainder();
    let mut last = [b' '; N];
    last[..rest.len()].copy_from_slice(rest);
    any_in(&last)
}

/// Where a piece of entry text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A table cell: `|` must not end the cell.
    Cell,
    /// The rest of a line (a list item, a paragraph).
    Line,
    /// An ATX heading: a trailing `#` must not be read as its closing sequence.
    Heading,
}

/// Entry text, literally, on one Markdown line: line breaks become `<br>`, Markdown and HTML
/// syntax is escaped, code-like words go in code spans.
pub fn text(s: &str, place: Place) -> String {
    let mut out = Vec::with_capacity(s.len() + 16);
    // Writing into a `Vec` cannot fail; only whole UTF-8 runs and ASCII are written.
    let _ = write_text(&mut out, s, place);
    String::from_utf8(out).unwrap_or_default()
}

/// See [`text`]. This runs for every row of a postmortem: text with no special byte (most of
/// it) is copied in one write. A code span the author wrote (`` `git log` ``, a run's
/// command) stays a code span, with fences that outnumber the backticks inside.
pub fn write_text(o: &mut impl Write, s: &str, place: Place) -> std::io::Result<()> {
    let s = s.trim_end();
    let bytes = s.as_bytes();
    if !has_special(bytes) && !starts_block(bytes) {
        return o.write_all(bytes);
    }
    // Where the text may open a line (a template's `> {{ x | text }}`), a leading block
    // marker is escaped: `# x`, `> x`, `- x`, `+ x`, `= x`, `1. x` stay text.
    if place != Place::Cell && starts_block(bytes) {
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        o.write_all(&bytes[..digits])?;
        o.write_all(b"\\")?;
        o.write_all(&bytes[digits..digits + 1])?;
        return write_spans(o, &s[digits + 1..], place);
    }
    write_spans(o, s, place)
}

/// [`write_text`] past the start of a line.
fn write_spans(o: &mut impl Write, s: &str, place: Place) -> std::io::Result<()> {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'`', &bytes[i..]) {
        let open = i + at;
        let run = bytes[open..].iter().take_while(|&&b| b == b'`').count();
        let line_end = memchr::memchr(b'\n', &bytes[open..]).map_or(bytes.len(), |e| open + e);
        // The next run of exactly as many backticks on the same line closes it.
        let mut j = open + run;
        let mut close = None;
        while let Some(k) = memchr::memchr(b'`', &bytes[j..line_end]) {
            let c = j + k;
            let r = bytes[c..].iter().take_while(|&&b| b == b'`').count();
            if r == run {
                close = Some(c);
                break;
            }
            j = c + r;
        }
        // Only a span that is a whole word (or words): pieces glued to other text would
        // merge their backticks with the fences written around them.
        let at_word_start = open == 0 || bytes[open - 1].is_ascii_whitespace();
        let at_word_end = |c: usize| c + run == bytes.len() || bytes[c + run].is_ascii_whitespace();
        match close {
            Some(c) if c > open + run && at_word_start && at_word_end(c) => {
                write_plain(o, &s[start..open], place)?;
                write_code_span_in(o, &s[open + run..c], place == Place::Cell)?;
                start = c + run;
                i = start;
            }
            _ => i = open + run,
        }
    }
    write_plain(o, &s[start..], place)
}

/// Whether text starts with what opens a block at the start of a line.
fn starts_block(bytes: &[u8]) -> bool {
    match bytes.first() {
        Some(b'#' | b'>' | b'-' | b'+' | b'=') => true,
        Some(b) if b.is_ascii_digit() => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            matches!(bytes.get(digits), Some(b'.' | b')'))
        }
        _ => false,
    }
}

/// Text without code spans: words with syntax are escaped, or coded when code-like.
fn write_plain(o: &mut impl Write, s: &str, place: Place) -> std::io::Result<()> {
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b == b' ' || b == b'\t' || b == b'\n' || b == b'\r' {
            match b {
                b'\n' => o.write_all(b"<br>")?,
                b'\r' => {}
                _ => o.write_all(&[b])?,
            }
            at += 1;
            continue;
        }
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b' ' || b == b'\t' || b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |i| at + i);
        write_word(o, &s[at..end], place)?;
        at = end;
    }
    Ok(())
}

/// One whitespace-free word of entry text.
fn write_word(o: &mut impl Write, word: &str, place: Place) -> std::io::Result<()> {
    let bytes = word.as_bytes();
    let specials = bytes
        .iter()
        .filter(|&&b| SPECIAL[b as usize] && b != b'#')
        .count();
    // Angle brackets and `&` read fine as entities (`Vec<u8>`); they do not make a word code.
    let markdown = bytes
        .iter()
        .filter(|&&b| SPECIAL[b as usize] && !matches!(b, b'#' | b'<' | b'>' | b'&'))
        .count();
    if specials == 0 {
        if place == Place::Heading && bytes.contains(&b'#') {
            return write_escaped_word(o, bytes, place);
        }
        return o.write_all(bytes);
    }
    // Code-like: a backslash or backtick (paths, regexes, shell), or two or more syntax
    // characters in one word (`src/**/*.py`, `[link](x)`, `*stars*`).
    let code_like = bytes.contains(&b'\\') || bytes.contains(&b'`') || markdown >= 2;
    if code_like {
        write_code_span_in(o, word, place == Place::Cell)
    } else {
        write_escaped_word(o, bytes, place)
    }
}

fn write_escaped_word(o: &mut impl Write, bytes: &[u8], place: Place) -> std::io::Result<()> {
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'&' => b"&amp;",
            b'#' if place != Place::Heading => continue,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'|' | b'~' | b'$' | b'#' => {
                o.write_all(&bytes[start..i])?;
                o.write_all(&[b'\\', b])?;
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        o.write_all(&bytes[start..i])?;
        o.write_all(escaped)?;
        start = i + 1;
    }
    o.write_all(&bytes[start..])
}

/// Text in a code span that backticks inside cannot end (line breaks become spaces).
pub fn code_span(s: &str, in_cell: bool) -> String {
    let mut out = Vec::with_capacity(s.len() + 4);
    // Writing into a `Vec` cannot fail.
    let _ = write_code_span_in(&mut out, s, in_cell);
    String::from_utf8(out).unwrap_or_default()
}

/// A code span. In a table cell a `|` is written `\|` even inside it (GFM splits the row
/// before it reads code spans, and drops the backslash); elsewhere a backslash would show.
pub fn write_code_span_in(o: &mut impl Write, s: &str, in_cell: bool) -> std::io::Result<()> {
    let ticks = longest_run(s, b'`') + 1;
    let pad: &[u8] = if s.starts_with('`') || s.ends_with('`') || s.trim().is_empty() {
        b" "
    } else {
        b""
    };
    let fence = |o: &mut dyn Write| (0..ticks).try_for_each(|_| o.write_all(b"`"));
    fence(o)?;
    o.write_all(pad)?;
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let rep: &[u8] = match b {
            b'\n' | b'\r' => b" ",
            b'|' if in_cell => b"\\|",
            _ => continue,
        };
        o.write_all(&bytes[start..i])?;
        o.write_all(rep)?;
        start = i + 1;
    }
    o.write_all(&bytes[start..])?;
    o.write_all(pad)?;
    fence(o)
}

/// The longest run of `byte` in `s`.
pub fn longest_run(s: &str, byte: u8) -> usize {
    let bytes = s.as_bytes();
    let (mut longest, mut at) = (0, 0);
    while let Some(i) = memchr::memchr(byte, &bytes[at..]) {
        let start = at + i;
        let run = bytes[start..].iter().take_while(|&&b| b == byte).count();
        longest = longest.max(run);
        at = start + run;
    }
    longest
}

/// Text in a fenced block whose fence is longer than any run of backticks inside it.
pub fn fenced(s: &str, info: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + 16);
    // Writing into a `Vec` cannot fail.
    let _ = write_fenced(&mut out, s, info);
    String::from_utf8(out).unwrap_or_default()
}

pub fn write_fenced(o: &mut impl Write, s: &str, info: &str) -> std::io::Result<()> {
    let ticks = longest_run(s, b'`').max(2) + 1;
    let body = s.strip_suffix('\n').unwrap_or(s);
    let fence = |o: &mut dyn Write| (0..ticks).try_for_each(|_| o.write_all(b"`"));
    fence(o)?;
    o.write_all(info.as_bytes())?;
    o.write_all(b"\n")?;
    o.write_all(body.as_bytes())?;
    o.write_all(b"\n")?;
    fence(o)
}

/// A close text (summary, root cause…) as Markdown under a heading of `level`: see
/// [`write_block`].
pub fn block(s: &str, level: usize) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    write_block(&mut out, s, level);
    out
}

/// An open fenced code block: its character and length.
struct Fence {
    ch: u8,
    len: usize,
}

/// Markdown written by a person, made safe to embed: what it means as Markdown is kept, but
/// - HTML is escaped (`<!--`, `<pre>`, `<details>`, `<img onerror>` show as text), except
///   inside code spans and fenced blocks, where it is literal already;
/// - a fence left open is closed at the end of the text;
/// - a `>>>` line (a GitLab block quote that runs to its closing `>>>`) and a setext underline
///   (`===`/`---` under a line, which would make it a heading) are escaped;
/// - headings are demoted below `level` (`# x` under a `##` section becomes `### x`; past
///   `######` a heading becomes bold text).
///
/// Fences are tracked exactly where CommonMark opens one that could outlive the text: at the
/// top level. A fence-like line indented 1–3 spaces is moved to column 0 (inside a list item
/// its meaning would depend on the item's indentation); one indented 4 or more, or behind a
/// list or quote marker, belongs to a container that ends with the text.
pub fn write_block(out: &mut String, s: &str, level: usize) {
    let mut open: Option<Fence> = None;
    let mut first = true;
    // A backtick run left unmatched on an earlier line of the same block may pair with one on
    // a later line: from then on, code spans are not trusted and every `<` is escaped.
    let mut dangling = false;
    for raw in s.trim_end().split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if !first {
            out.push('\n');
        }
        first = false;
        let (indent, rest) = leading_columns(line);
        if let Some(f) = &open {
            // Inside a fence: literal, until a closing fence.
            if indent < 4 && is_closing(rest, f) {
                out.push_str(rest);
                open = None;
            } else {
                out.push_str(line);
            }
            continue;
        }
        if indent < 4 {
            if let Some(f) = opening(rest) {
                out.push_str(rest);
                open = Some(f);
                dangling = false;
                continue;
            }
        }
        if rest.is_empty() {
            dangling = false;
            continue;
        }
        // A setext underline (`===` or `---` alone, even `- ` which also reads as an empty
        // list item) would make the line above a heading.
        let bare = rest.trim_end();
        if indent < 4 && (bare.bytes().all(|b| b == b'=') || bare.bytes().all(|b| b == b'-')) {
            out.push('\\');
            out.push_str(bare);
            continue;
        }
        // Container markers (block quotes, list items) before the content. An indented line
        // may be code or may be inside a list item: it is treated as content either way
        // (escaping inside code only shows; a heading left alone would change the outline).
        let (markers, content) = split_markers(line);
        out.push_str(&escape_markers(markers));
        write_block_line(out, content, level, &mut dangling);
    }
    if let Some(f) = open {
        out.push('\n');
        for _ in 0..f.len {
            out.push(f.ch as char);
        }
    }
}

/// How many columns of leading whitespace (tabs to the next multiple of 4), and the rest.
fn leading_columns(line: &str) -> (usize, &str) {
    let mut cols = 0;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b' ' => cols += 1,
            b'\t' => cols += 4 - cols % 4,
            _ => return (cols, &line[i..]),
        }
    }
    (cols, "")
}

fn opening(rest: &str) -> Option<Fence> {
    let ch = *rest.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == ch).count();
    if len < 3 {
        return None;
    }
    // A backtick fence's info string cannot hold a backtick (it would be a code span).
    if ch == b'`' && rest[len..].contains('`') {
        return None;
    }
    Some(Fence { ch, len })
}

fn is_closing(rest: &str, f: &Fence) -> bool {
    let len = rest.bytes().take_while(|&b| b == f.ch).count();
    len >= f.len && rest[len..].trim().is_empty()
}

/// Block quote markers and list markers at the start of a line, and what follows them.
fn split_markers(line: &str) -> (&str, &str) {
    let b = line.as_bytes();
    let mut i = 0;
    loop {
        let start = i;
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        if i < b.len() && b[i] == b'>' {
            i += 1;
            continue;
        }
        if i + 1 < b.len() && matches!(b[i], b'-' | b'*' | b'+') && matches!(b[i + 1], b' ' | b'\t')
        {
            i += 2;
            continue;
        }
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=9).contains(&digits)
            && i + digits + 1 < b.len()
            && matches!(b[i + digits], b'.' | b')')
            && matches!(b[i + digits + 1], b' ' | b'\t')
        {
            i += digits + 2;
            continue;
        }
        return (&line[..start], &line[start..]);
    }
}

/// A `>>>` at the very start of a line opens a GitLab multi-line quote; escape its first `>`.
fn escape_markers(markers: &str) -> String {
    if markers.trim_start().starts_with(">>>") {
        let i = markers.find('>').unwrap_or(0);
        format!("{}\\{}", &markers[..i], &markers[i..])
    } else {
        markers.to_string()
    }
}

/// One line of a close text after its container markers.
fn write_block_line(out: &mut String, content: &str, level: usize, dangling: &mut bool) {
    let t = content.trim_start();
    let lead = &content[..content.len() - t.len()];
    // `>>>` right after list markers, or a whole line of them.
    if t.starts_with(">>>") {
        out.push_str(lead);
        out.push('\\');
        write_inline(out, t, dangling);
        return;
    }
    // A setext underline (`===` or `---` alone) would make the line above a heading.
    let bare = t.trim_end();
    if !bare.is_empty() && (bare.bytes().all(|b| b == b'=') || bare.bytes().all(|b| b == b'-')) {
        out.push_str(lead);
        out.push('\\');
        out.push_str(bare);
        return;
    }
    // An ATX heading: demote it below the section.
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && matches!(t.as_bytes().get(hashes), None | Some(b' ' | b'\t')) {
        let new_level = hashes + level;
        let title = t[hashes..].trim();
        // The optional closing sequence of `#`s.
        let title = title.trim_end_matches('#');
        let title = if title.ends_with(' ') || title.is_empty() {
            title.trim_end()
        } else {
            t[hashes..].trim()
        };
        out.push_str(lead);
        if new_level <= 6 {
            out.push_str(&"#".repeat(new_level));
            out.push(' ');
            write_inline(out, title, dangling);
        } else {
            out.push_str("**");
            write_inline(out, title, dangling);
            out.push_str("**");
        }
        return;
    }
    out.push_str(lead);
    write_inline(out, t, dangling);
}

/// Inline Markdown of a close text: `<` escaped outside code spans.
fn write_inline(out: &mut String, s: &str, dangling: &mut bool) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut start = 0;
    while i < b.len() {
        match b[i] {
            b'`' => {
                let run = b[i..].iter().take_while(|&&c| c == b'`').count();
                // The code span closes at the next run of exactly the same length.
                let mut j = i + run;
                let mut close = None;
                while j < b.len() {
                    if b[j] == b'`' {
                        let r = b[j..].iter().take_while(|&&c| c == b'`').count();
                        if r == run {
                            close = Some(j + r);
                            break;
                        }
                        j += r;
                    } else {
                        j += 1;
                    }
                }
                match close {
                    Some(end) if !*dangling => i = end,
                    _ => {
                        // Unmatched here (or not trusted): the backticks are plain text.
                        *dangling |= close.is_none();
                        i += run;
                    }
                }
            }
            b'\\' => i += 2,
            b'<' => {
                out.push_str(&s[start..i]);
                out.push_str("&lt;");
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&s[start.min(s.len())..]);
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_check_misses_no_special_byte() {
        // Every byte, at every place of a chunk and of the padded tail: a special byte is
        // always seen; the few extra bytes it takes in are written unchanged the careful way.
        for len in [1usize, 15, 16, 17, 31, 32, 33, 40, 63, 64, 65] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    let found = super::has_special(&bytes);
                    assert_eq!(found, super::special_in_chunks::<16>(&bytes));
                    if super::SPECIAL[b as usize] {
                        assert!(found, "byte {b:#04x} at {at} of {len}");
                    } else if found {
                        assert!(matches!(b, 0x0B | 0x0C | b'^'), "byte {b:#04x}");
                    }
                }
            }
        }
        for extra in ["\u{b}", "\u{c}", "^"] {
            let text = format!("{}{extra} tail", "plain words ".repeat(3));
            assert_eq!(super::text(&text, super::Place::Line), text);
        }
    }

    use super::*;

    #[test]
    fn plain_text_is_copied() {
        assert_eq!(
            text("saw it again at 15:01", Place::Cell),
            "saw it again at 15:01"
        );
    }

    #[test]
    fn syntax_in_entry_text_is_escaped_or_coded() {
        assert_eq!(text("src/**/*.py", Place::Line), "`src/**/*.py`");
        assert_eq!(text("match \\d+ here", Place::Line), "match `\\d+` here");
        assert_eq!(text("a \\* b", Place::Line), "a `\\*` b");
        assert_eq!(
            text("C:\\Users\\x\\_tmp", Place::Line),
            "`C:\\Users\\x\\_tmp`"
        );
        assert_eq!(text("&copy; 2016", Place::Line), "&amp;copy; 2016");
        assert_eq!(text("a <b>", Place::Line), "a &lt;b&gt;");
        assert_eq!(text("snake_case", Place::Line), "snake\\_case");
        assert_eq!(text("x|y", Place::Cell), "x\\|y");
        assert_eq!(text("title #", Place::Heading), "title \\#");
        assert_eq!(text("a`b|c`", Place::Cell), "`` a`b\\|c` ``");
        assert_eq!(
            text("``<!--```[x](y)```", Place::Cell),
            "```` ``<!--```[x](y)``` ````"
        );
        assert_eq!(text("x``y", Place::Cell), "```x``y```");
        assert_eq!(
            text("`sh -c 'echo \"a ``` b\"'` exited 0", Place::Line),
            "````sh -c 'echo \"a ``` b\"'```` exited 0"
        );
        assert_eq!(text("run `a|b` now", Place::Cell), "run `a\\|b` now");
        assert_eq!(text("one\ntwo", Place::Line), "one<br>two");
        assert_eq!(text("# not a heading", Place::Line), "\\# not a heading");
        assert_eq!(text("12. not a list", Place::Line), "12\\. not a list");
        assert_eq!(text("- x", Place::Cell), "- x");
    }

    #[test]
    fn fences_outgrow_backticks_inside() {
        let out = fenced("a ```` b\n``` c\n", "text");
        assert!(out.starts_with("`````text\n"), "{out}");
        assert!(out.ends_with("\n`````"), "{out}");
    }

    #[test]
    fn close_texts_are_neutralised() {
        assert_eq!(block("<!-- hidden", 2), "&lt;!-- hidden");
        assert_eq!(block("# Big\ntext", 2), "### Big\ntext");
        assert_eq!(block("###### deep", 2), "**deep**");
        assert_eq!(block("```\ncode <b>", 2), "```\ncode <b>\n```");
        assert_eq!(block("  ```sh\nx\n  ```", 2), "```sh\nx\n```");
        assert_eq!(block(">>>\nquoted", 2), "\\>>>\nquoted");
        assert_eq!(block("Title\n===", 2), "Title\n\\===");
        assert_eq!(block("keep `<b>` and *this*", 2), "keep `<b>` and *this*");
        assert_eq!(block("- item\n  - # sub", 2), "- item\n  - ### sub");
    }
}
