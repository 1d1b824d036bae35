//! Secret-named assignments: cheap checks on the bytes around a key keyword.
//!
//! The key/value rules themselves are regexes in [`super`] (`KV_TEMPLATE`); what lives here
//! decides, without any regex, whether a keyword occurrence can start an assignment (so prose
//! such as "auth: token refresh failed" or "the password was wrong" compiles nothing), and
//! whether a value under a weakly secret name (`…key`, `…login`, `auth`, `pwd`) looks like a
//! secret rather than an ordinary value (`primary_key: id`, `PWD=/home/jane`).

/// Bytes of a secret-looking value: base64/base64url, hex, tokens with `.`, `~`.
fn is_secret_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'_' | b'.' | b'~' | b'-')
}

/// A value under a weakly secret name counts only if it looks generated: 10+ bytes of token
/// characters, a digit and a letter, not a path, a UUID or a version, and some entropy
/// (gitleaks' generic rule asks 3.5 bits at 10+ characters; short values need less).
pub(super) fn looks_like_secret(v: &str) -> bool {
    let b = v.as_bytes();
    if b.len() < 10 || !b.iter().all(|&c| is_secret_byte(c)) {
        return false;
    }
    if !b.iter().any(u8::is_ascii_digit) || !b.iter().any(u8::is_ascii_alphabetic) {
        return false;
    }
    if matches!(b[0], b'/' | b'.' | b'~') || is_uuid(b) {
        return false;
    }
    // 1.2.3-rc1, v10.4.2
    if b.iter()
        .all(|&c| c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'v' | b'r' | b'c'))
    {
        return false;
    }
    super::gitleaks::entropy(b) > if b.len() >= 16 { 3.0 } else { 2.5 }
}

/// A run of 8 or more of one letter, digit, `*` or `#` (any case): `xxxxxxxx`, `XXXXXXXX`,
/// `11111111`, `########`: a placeholder or a mask, not a generated secret. (Not `/`:
/// AWS session tokens hold `//////////`.)
pub(super) fn has_placeholder_run(b: &[u8]) -> bool {
    let mut run = 0;
    let mut last = 0u8;
    for &c in b {
        if !(c.is_ascii_alphanumeric() || matches!(c, b'*' | b'#')) {
            run = 0;
            continue;
        }
        let c = c.to_ascii_lowercase();
        run = if c == last { run + 1 } else { 1 };
        last = c;
        if run >= 8 {
            return true;
        }
    }
    false
}

/// Placeholder wording: `your_token_here`, `<replace-me>`, `changeme`.
pub(super) fn says_placeholder(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    [
        "your_",
        "your-",
        "yourtoken",
        "_here",
        "-here",
        "changeme",
        "replace_me",
        "replace-me",
        "placeholder",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// `8-4-4-4-12` hex digits.
pub(super) fn is_uuid(b: &[u8]) -> bool {
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// After a weak key's separator at `j` (blanks, an opening quote): a secret-looking run of at
/// least 8 bytes with a digit. Every value [`looks_like_secret`] accepts starts so.
pub(super) fn weak_value_follows(b: &[u8], mut j: usize) -> bool {
    while matches!(b.get(j), Some(b' ' | b'\t')) {
        j += 1;
    }
    if b.get(j) == Some(&b'\\') {
        j += 1;
    }
    if matches!(b.get(j), Some(b'"' | b'\'' | b'`')) {
        j += 1;
    }
    let run = b
        .get(j..)
        .unwrap_or(&[])
        .iter()
        .take_while(|&&c| is_secret_byte(c))
        .take(200)
        .copied()
        .collect::<Vec<u8>>();
    run.len() >= 8 && run.iter().any(u8::is_ascii_digit)
}

/// The end of an assignment operator starting at `j`, if one does: `=`, `:`, `:=`, `::=`,
/// `:::=`, `?=`, `.=`, `+=`, `=>`, `,` (a call's next argument), `>` (an XML element).
pub(super) fn operator_end(b: &[u8], j: usize) -> Option<usize> {
    match b.get(j)? {
        b'=' => Some(if b.get(j + 1) == Some(&b'>') {
            j + 2
        } else {
            j + 1
        }),
        b':' => {
            let mut k = j;
            while k < j + 3 && b.get(k) == Some(&b':') {
                k += 1;
            }
            Some(if b.get(k) == Some(&b'=') {
                k + 1
            } else {
                j + 1
            })
        }
        b'?' | b'.' | b'+' => (b.get(j + 1) == Some(&b'=')).then_some(j + 2),
        b',' | b'>' => Some(j + 1),
        _ => None,
    }
}

/// gitleaks' generic rules (`generic-api-key`, `hashicorp-tf-password`) run only when a
/// keyword ends a key (optionally `key`/`_key`/`s` after it) and an operator and a value of
/// 10+ token characters follow: the shape those rules report, minus keys where the keyword is
/// in the middle (`secret_name=db-credentials`, `token_count=128`), which would run the
/// largest regex on ordinary logs.
pub(super) fn generic_gate(b: &[u8], after: usize) -> bool {
    let mut j = after;
    if b.get(j..j + 3)
        .is_some_and(|s| s.eq_ignore_ascii_case(b"key"))
    {
        j += 3;
    } else if matches!(b.get(j), Some(b'_' | b'-'))
        && b.get(j + 1..j + 4)
            .is_some_and(|s| s.eq_ignore_ascii_case(b"key"))
    {
        j += 4;
    } else if matches!(b.get(j), Some(b's' | b'S')) {
        j += 1;
    }
    // Quotes and blanks around the operator, also JSON-escaped (`\"`, `\t`: the rule runs
    // on the unescaped string too, see `escaped.rs`), where an escape counts as one.
    let mut n = 0;
    while n < 3 {
        match b.get(j) {
            Some(b' ' | b'\t' | b'\'' | b'"' | b']') => j += 1,
            Some(b'\\') => j += escape_len(b, j),
            _ => break,
        }
        n += 1;
    }
    let Some(mut k) =
        operator_end(b, j).or_else(|| (b.get(j..j + 2) == Some(b"||")).then_some(j + 2))
    else {
        return false;
    };
    let mut n = 0;
    while n < 5 {
        match b.get(k) {
            Some(b'`' | b'\'' | b'"' | b' ' | b'\t' | b'=') => k += 1,
            Some(b'\\') => k += escape_len(b, k),
            _ => break,
        }
        n += 1;
    }
    // The rule's value: `[\w.=-]{10,}` or `[a-z0-9][a-z0-9+/]{11,}` (case-insensitive).
    let rest = b.get(k..).unwrap_or(&[]);
    let word = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'=' | b'-');
    let b64 = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/');
    rest.iter().take_while(|c| word(c)).take(10).count() >= 10
        || (rest.first().is_some_and(u8::is_ascii_alphanumeric)
            && rest.iter().take_while(|c| b64(c)).take(12).count() >= 12)
}

/// The length of the escape of a quote or a blank at `j` (a backslash): 2, else 1 (the
/// backslash alone, as gitleaks' generic rules allow it).
fn escape_len(b: &[u8], j: usize) -> usize {
    if matches!(b.get(j + 1), Some(b'"' | b'\'' | b'n' | b'r' | b't')) {
        2
    } else {
        1
    }
}

/// `kubernetes-secret-yaml` needs `kind: Secret` (any quoting) before its keyword.
pub(super) fn kind_secret_gate(b: &[u8], pos: usize) -> bool {
    let mut j = pos;
    if j > 0 && matches!(b[j - 1], b'"' | b'\'') {
        j -= 1;
    }
    while j > 0 && matches!(b[j - 1], b' ' | b'\t') {
        j -= 1;
    }
    j >= 5 && b[j - 5..j].eq_ignore_ascii_case(b"kind:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_looking_values() {
        for v in [
            "a8f5f167f44f4964e6c998dee827110c",
            "sk_9f8e7d6c5b4a3",
            "Zm9vYmFyOmJhejEyMw==",
        ] {
            assert!(looks_like_secret(v), "{v}");
        }
        for v in [
            "id",
            "/home/jane",
            "user:42:profile",
            "f47ac10b-58cc-4372-a567-0e02b2c3d479",
            "1.24.3-rc1",
            "password",
            "aaaaaaaa1",
        ] {
            assert!(!looks_like_secret(v), "{v}");
        }
    }

    #[test]
    fn operators() {
        for (s, end) in [
            ("=x", 1),
            ("=>x", 2),
            (":x", 1),
            (":=x", 2),
            ("::=x", 3),
            (":::=x", 4),
            ("?=x", 2),
            (".=x", 2),
            ("+=x", 2),
            (",x", 1),
            (">x", 1),
        ] {
            assert_eq!(operator_end(s.as_bytes(), 0), Some(end), "{s}");
        }
        assert_eq!(operator_end(b".x", 0), None);
        assert_eq!(operator_end(b"-x", 0), None);
    }

    #[test]
    fn generic_gate_shapes() {
        let gate = |s: &str, kw: &str| {
            let pos = s.to_ascii_lowercase().find(kw).unwrap();
            generic_gate(s.as_bytes(), pos + kw.len())
        };
        assert!(gate("API_TOKEN=0123456789abcdef", "token"));
        assert!(gate("\"secret\": \"0123456789abcdef\"", "secret"));
        assert!(gate("aws_secret_key := \"0123456789abcdef\"", "secret"));
        assert!(!gate("auth: token refresh failed", "auth"));
        assert!(!gate("secret_name=db-credentials", "secret"));
        assert!(!gate("max_tokens: 4096", "token"));
    }
}
