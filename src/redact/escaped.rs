//! The JSON-unescaped view of a text, for secrets inside JSON string values.
//!
//! Structured logs and API dumps carry whole lines of other text inside JSON strings: a
//! curl command, an env dump, a config. Escaped, its quotes read `\"` and its backslashes
//! `\\`, which is not the shape gitleaks' rules expect around an operator or after a token
//! (`-H \"Authorization: …\"`, `key\\\" = \"…`). Rather than teach every rule every
//! escaping, the rules also run over each such string as it held the text, and what they
//! find there maps back to the original bytes: only the secret is replaced, and since a
//! span never splits an escape nor takes a string's own quote, the JSON stays valid.
//!
//! A string is a run between unescaped quotes (or line ends): no quote parity to track,
//! so prose around a JSON line cannot throw it off. Only runs holding an escape take part,
//! each on a line of its own in the view (so a token at a string's end is followed by a
//! blank, as a token at a text's end is by nothing); the structure around them (`"key":`)
//! the rules already see in the original.

use std::ops::Range;

/// The byte an escape `\<b>` stands for: `\"`, `\\`, `\/` and the control escapes. `\u`
/// is decoded separately (ASCII only); anything else is not an escape.
fn unescaped(b: u8) -> Option<u8> {
    Some(match b {
        b'"' => b'"',
        b'\\' => b'\\',
        b'/' => b'/',
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'b' => 0x08,
        b'f' => 0x0c,
        _ => return None,
    })
}

/// `\uXXXX` at the start of `b` for an ASCII character: that byte. (Other characters stay
/// escaped: the rules' classes are ASCII, and the view stays UTF-8 byte for byte.)
fn unicode_escape(b: &[u8]) -> Option<u8> {
    let hex = b.get(2..6)?;
    if b.get(1) != Some(&b'u') || !hex.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let v = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
    u8::try_from(v).ok().filter(u8::is_ascii)
}

/// The decoded escape at the start of `b` (which starts with `\`) and its length.
fn escape_at(b: &[u8]) -> Option<(u8, usize)> {
    match b.get(1) {
        Some(b'u') => unicode_escape(b).map(|c| (c, 6)),
        Some(&c) => unescaped(c).map(|u| (u, 2)),
        None => None,
    }
}

/// Whether `b` starts with escaped line breaks (`\n`, `\r`) that end a string: the rules
/// already end a token at `\n` as written, so a string whose only escapes these are (a
/// docker log line's `"log":"…\n"`) reads the same unescaped and needs no second pass.
fn line_breaks_end_string(b: &[u8]) -> bool {
    let mut j = 0;
    while b.get(j) == Some(&b'\\') && matches!(b.get(j + 1), Some(b'n' | b'r')) {
        j += 2;
    }
    j > 0 && matches!(b.get(j), None | Some(b'"' | b'\n'))
}

/// The unescaped strings of a text and where each of their bytes came from.
pub(super) struct View {
    pub text: String,
    /// Per byte of `text`, its source's offset in the original.
    from: Vec<u32>,
    /// Per byte of `text`, its source's length: 1, an escape's 2 or 6, or 0 for the line
    /// break the view puts after each string.
    width: Vec<u8>,
}

impl View {
    /// The view of `text`'s strings that hold an escape; `None` when none does (or the
    /// text is too large to map in 32 bits).
    pub fn of(text: &str) -> Option<View> {
        let b = text.as_bytes();
        if u32::try_from(b.len()).is_err() {
            return None;
        }
        let mut first = memchr::memchr(b'\\', b)?;
        // Start at the line of the first backslash: nothing before it is escaped.
        first = memchr::memrchr(b'\n', &b[..first]).map_or(0, |p| p + 1);
        let mut view = View {
            text: String::new(),
            from: Vec::new(),
            width: Vec::new(),
        };
        let mut out = Vec::new();
        let mut seg = first;
        let mut escaped = false;
        let mut i = first;
        while let Some(p) = b
            .get(i..)
            .and_then(|r| memchr::memchr3(b'\\', b'"', b'\n', r))
        {
            i += p;
            if b[i] == b'\\' {
                if escape_at(&b[i..]).is_some() && !line_breaks_end_string(&b[i..]) {
                    escaped = true;
                }
                // A backslash always takes the next byte with it (`\\"` ends a string).
                i += 2;
                continue;
            }
            if escaped {
                view.push(b, seg..i, &mut out);
            }
            (seg, escaped, i) = (i + 1, false, i + 1);
        }
        if escaped {
            view.push(b, seg..b.len(), &mut out);
        }
        if out.is_empty() {
            return None;
        }
        // Only ASCII bytes were replaced, by ASCII bytes: still UTF-8.
        view.text = String::from_utf8(out).ok()?;
        Some(view)
    }

    /// Append the string `b[run]`, unescaped, and a line break.
    fn push(&mut self, b: &[u8], run: Range<usize>, out: &mut Vec<u8>) {
        let mut i = run.start;
        while i < run.end.min(b.len()) {
            let (c, n) = if b[i] == b'\\' {
                escape_at(&b[i..]).unwrap_or((b'\\', 1))
            } else {
                (b[i], 1)
            };
            out.push(c);
            // Offsets fit: the text's length does (checked in `of`).
            self.from.push(i as u32);
            self.width.push(n as u8);
            i += n;
        }
        out.push(b'\n');
        self.from.push(run.end as u32);
        self.width.push(0);
    }

    /// `span` of the view as ranges of the original bytes (contiguous sources joined).
    pub fn original(&self, span: Range<usize>, out: &mut Vec<Range<usize>>) {
        let mut piece: Option<Range<usize>> = None;
        for i in span.start..span.end.min(self.from.len()) {
            let (from, n) = (self.from[i] as usize, usize::from(self.width[i]));
            if n == 0 {
                out.extend(piece.take());
                continue;
            }
            match &mut piece {
                Some(p) if p.end == from => p.end = from + n,
                _ => {
                    out.extend(piece.take());
                    piece = Some(from..from + n);
                }
            }
        }
        out.extend(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, needle: &str) -> Vec<String> {
        let view = View::of(text).expect("has escapes");
        let at = view.text.find(needle).expect("needle in view");
        let mut out = Vec::new();
        view.original(at..at + needle.len(), &mut out);
        out.into_iter().map(|r| text[r].to_owned()).collect()
    }

    #[test]
    fn view_holds_the_escaped_strings_unescaped_and_maps_back() {
        let text = "plain \"line\"\n{\"msg\": \"curl -H \\\"Authorization: Token abc\\\\def\\\" x\\ny\", \"n\": \"a\\u0041\\u00e9\"}\nend\n";
        let view = View::of(text).expect("has escapes");
        // Only the strings with an escape, each on its own line.
        assert_eq!(
            view.text,
            "curl -H \"Authorization: Token abc\\def\" x\ny\naA\\u00e9\n"
        );
        assert_eq!(spans(text, "abc\\def"), ["abc\\\\def"]);
        assert_eq!(spans(text, "Token abc\\def\""), ["Token abc\\\\def\\\""]);
        assert_eq!(spans(text, "x\ny"), ["x\\ny"]);
        assert_eq!(spans(text, "aA"), ["a\\u0041"]);
        // The break after a string maps to nothing: a span over it splits.
        assert_eq!(spans(text, "y\naA"), ["y", "a\\u0041"]);
    }

    #[test]
    fn strings_end_at_unescaped_quotes_whatever_the_parity() {
        // A stray quote before the JSON does not turn strings inside out.
        let text = "5\" screen: {\"cmd\":\"echo \\\"hi\\\"\",\"path\":\"C:\\\\tmp\"}";
        let view = View::of(text).expect("has escapes");
        assert_eq!(view.text, "echo \"hi\"\nC:\\tmp\n");
        // `\\"` is an escaped backslash, then the string's end.
        let view = View::of("{\"a\":\"x\\\\\",\"b\":\"y\"}").expect("has escapes");
        assert_eq!(view.text, "x\\\n");
    }

    #[test]
    fn texts_without_escapes_have_no_view() {
        // Line breaks that end a string read the same as written.
        assert!(View::of("{\"log\":\"GET /health 200\\n\",\"stream\":\"stdout\"}").is_none());
        assert!(View::of("{\"log\":\"done\\r\\n\"}").is_none());
        assert!(View::of("{\"log\":\"a\\nb\"}").is_some());
        assert!(View::of("no escapes here").is_none());
        assert!(View::of("C:\\Users\\jane \\x \\u00e9").is_none());
        assert!(View::of("ends with \\").is_none());
        assert!(View::of("").is_none());
    }

    #[test]
    fn multibyte_text_maps_on_char_boundaries() {
        let text = "{\"m\": \"é \\\"token\\\" ü\"}";
        let view = View::of(text).expect("has escapes");
        assert_eq!(view.text, "é \"token\" ü\n");
        assert_eq!(spans(text, "ü"), ["ü"]);
        assert_eq!(spans(text, "é \"token"), ["é \\\"token"]);
    }
}
