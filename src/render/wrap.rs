//! Word wrapping by display width, for `status`, `log` and `show`.
//!
//! Widths are terminal columns as `unicode-width` counts them (CJK and most emoji 2, combining
//! marks 0), not characters or bytes, so that no line is wider than the screen whatever the
//! script. Sentences break between words and never inside one, except a word wider than the
//! whole line (a URL, a hash, a path), which is broken where it must be. An item longer than
//! its line budget ends at a word, followed by a pointer to where the rest is (`… casefile show
//! 12`). Control characters (tabs included) count as spaces between words; nothing that moves
//! the cursor reaches the output.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    if s.bytes().all(|b| (b' '..b'\x7f').contains(&b)) {
        return s.len();
    }
    UnicodeWidthStr::width(s)
}

/// How to lay out one item.
#[derive(Debug, Clone, Copy)]
pub struct Layout<'a> {
    /// The whole line's width.
    pub width: usize,
    /// Columns the first line's prefix takes (its text starts after them).
    pub first: usize,
    /// Columns of hanging indent on every further line.
    pub indent: usize,
    /// At most this many lines; past it the item ends at a word with `more`.
    pub max_lines: usize,
    /// The pointer that ends a cut item, such as `… casefile show 12`.
    pub more: &'a str,
    /// Keep the text's line breaks (pinned entries, `show`); else they are spaces.
    pub keep_breaks: bool,
}

impl Layout<'_> {
    /// The room for text on line `i`. At least 2 columns, so that a wide character always
    /// fits; callers keep prefixes at least that far inside the width.
    fn room(&self, i: usize) -> usize {
        let taken = if i == 0 { self.first } else { self.indent };
        self.width.saturating_sub(taken).max(2)
    }
}

/// One line being filled: its words (borrowed from the text or the layout's pointer, so that
/// wrapping allocates per line, not per word) and their width with the spaces between them.
#[derive(Default)]
struct Line<'a> {
    words: Vec<&'a str>,
    width: usize,
}

impl Line<'_> {
    fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// Word-wrap `text` into lines of at most the layout's room (the caller writes the prefix
/// before the first line and the indent before the others). Always at least one line.
pub fn wrap<'a>(text: &'a str, layout: &Layout<'a>) -> Vec<String> {
    let mut lines: Vec<Line<'a>> = vec![Line::default()];
    // One line past the budget is enough to know that the item is cut.
    let full = |lines: &Vec<Line>| lines.len() > layout.max_lines;
    let paragraphs: Box<dyn Iterator<Item = &str>> = if layout.keep_breaks {
        Box::new(text.trim_matches(['\n', '\r']).split('\n'))
    } else {
        Box::new(std::iter::once(text))
    };
    let mut first_paragraph = true;
    let mut blank_run = false;
    'paragraphs: for paragraph in paragraphs {
        let mut words = paragraph
            .split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|w| !w.is_empty())
            .peekable();
        if !first_paragraph {
            if words.peek().is_none() {
                // A blank line between paragraphs is kept, a run of them is one.
                if blank_run {
                    continue;
                }
                blank_run = true;
            } else {
                blank_run = false;
            }
            lines.push(Line::default());
            if full(&lines) {
                break;
            }
        }
        first_paragraph = false;
        for word in words {
            let w = width(word);
            let i = lines.len() - 1;
            let line = &mut lines[i];
            let gap = usize::from(!line.words.is_empty());
            if line.width + gap + w <= layout.room(i) {
                line.words.push(word);
                line.width += gap + w;
                continue;
            }
            // Onto the next line when it fits there (leaving a short first line empty
            // rather than breaking a word that a whole line holds).
            if w <= layout.room(i + 1) {
                lines.push(Line::default());
                if full(&lines) {
                    break 'paragraphs;
                }
                let i = lines.len() - 1;
                lines[i].words.push(word);
                lines[i].width = w;
                continue;
            }
            // Wider than any line: break it, filling the current line first.
            let mut rest = word;
            while !rest.is_empty() {
                let i = lines.len() - 1;
                let gap = usize::from(!lines[i].words.is_empty());
                let room = layout.room(i).saturating_sub(lines[i].width + gap);
                let (head, tail, hw) = split_at_width(rest, room);
                if head.is_empty() {
                    lines.push(Line::default());
                    if full(&lines) {
                        break 'paragraphs;
                    }
                    continue;
                }
                lines[i].words.push(head);
                lines[i].width += gap + hw;
                rest = tail;
                if !rest.is_empty() {
                    lines.push(Line::default());
                    if full(&lines) {
                        break 'paragraphs;
                    }
                }
            }
        }
    }
    if full(&lines) {
        lines.truncate(layout.max_lines.max(1));
        let i = lines.len() - 1;
        let room = layout.room(i);
        let more_width = width(layout.more);
        let line = &mut lines[i];
        while !line.words.is_empty() && line.width + 1 + more_width > room {
            let last = line.words.pop().unwrap_or_default();
            line.width = line.width.saturating_sub(width(last));
            if !line.words.is_empty() {
                line.width = line.width.saturating_sub(1);
            }
        }
        let more = if more_width <= room {
            layout.more
        } else {
            split_at_width(layout.more, room).0
        };
        let gap = usize::from(!line.words.is_empty());
        line.words.push(more);
        line.width += gap + more_width.min(room);
    }
    // Trailing blank lines say nothing.
    while lines.len() > 1 && lines.last().is_some_and(|l| l.words.is_empty()) {
        lines.pop();
    }
    lines.iter().map(Line::text).collect()
}

/// The longest head of `s` at most `room` columns wide (a character wider than the room is
/// not split; zero-width characters stay with the one before them), the tail, and the head's
/// width. Heads are measured as strings, not as sums of characters: a few sequences (an emoji
/// with its variation selector, `❤\u{fe0f}`) are wider than their characters' sum.
fn split_at_width(s: &str, room: usize) -> (&str, &str, usize) {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        let w = if c.is_ascii() {
            used + usize::from(!c.is_ascii_control())
        } else {
            width(&s[..end])
        };
        let joins = c.width().unwrap_or(0) == 0 && i > 0;
        if w > room && !joins {
            return (&s[..i], &s[i..], used);
        }
        if w > room {
            // A zero-width character that widens what it follows: the head ends before the
            // character it belongs to.
            let start = s[..i].char_indices().last().map_or(0, |(j, _)| j);
            return (&s[..start], &s[start..], width(&s[..start]));
        }
        used = w;
    }
    (s, "", width(s))
}

/// `s` cut to at most `max` columns, ending with `…` when cut (for a column such as `log`'s
/// author), control characters dropped.
pub fn cut(s: &str, max: usize) -> String {
    let clean: String = s.chars().filter(|c| !c.is_control()).collect();
    if width(&clean) <= max {
        return clean;
    }
    let (head, _, _) = split_at_width(&clean, max.saturating_sub(1));
    format!("{head}…")
}

/// `s` padded with spaces to `columns` display columns.
pub fn pad(s: &str, columns: usize) -> String {
    let w = width(s);
    format!("{s}{:1$}", "", columns.saturating_sub(w))
}

/// Break one line of preformatted text (command output) at the width, keeping its spacing:
/// tabs expand to stops every 8 columns, other control characters are dropped.
pub fn hard_wrap(line: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut used = 0;
    let mut column = 0;
    for c in line.chars() {
        if c == '\t' {
            let stop = 8 - column % 8;
            for _ in 0..stop {
                if used + 1 > max {
                    out.push(std::mem::take(&mut current));
                    used = 0;
                }
                current.push(' ');
                used += 1;
            }
            column += stop;
            continue;
        }
        if c.is_control() {
            continue;
        }
        current.push(c);
        // Measured as a string: a variation selector can widen the character before it.
        let now = if c.is_ascii() {
            used + 1
        } else {
            width(&current)
        };
        if now > max && current.chars().count() > 1 {
            current.pop();
            let zero = c.width().unwrap_or(0) == 0;
            let carry = if zero { current.pop() } else { None };
            out.push(std::mem::take(&mut current));
            current.extend(carry);
            current.push(c);
            used = width(&current);
        } else {
            used = now;
        }
        column = used;
    }
    out.push(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(width: usize, max_lines: usize) -> Layout<'static> {
        Layout {
            width,
            first: 0,
            indent: 0,
            max_lines,
            more: "… casefile show 12",
            keep_breaks: false,
        }
    }

    #[test]
    fn wraps_between_words_and_keeps_every_word() {
        let text = "a request path does not return its connection to the pool, so the pool runs dry as afternoon traffic builds";
        let lines = wrap(text, &layout(30, 10));
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:#?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(lines[0], "a request path does not return");
    }

    #[test]
    fn a_cut_item_ends_at_a_word_with_the_pointer() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let lines = wrap(text, &layout(24, 2));
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert!(lines[1].ends_with("… casefile show 12"), "{lines:#?}");
        assert!(lines.iter().all(|l| width(l) <= 24), "{lines:#?}");
        // The words kept are whole words of the text, in order.
        let kept = lines.join(" ").replace("… casefile show 12", "");
        assert!(text.starts_with(kept.trim()), "{kept}");
    }

    #[test]
    fn hanging_indent_and_first_prefix_change_the_room() {
        let l = Layout {
            width: 20,
            first: 8,
            indent: 4,
            ..layout(20, 10)
        };
        let lines = wrap("aaaa bbbb cccc dddd eeee ffff", &l);
        assert!(width(&lines[0]) <= 12, "{lines:#?}");
        assert!(lines[1..].iter().all(|x| width(x) <= 16), "{lines:#?}");
    }

    #[test]
    fn wide_characters_count_two_and_combining_marks_zero() {
        assert_eq!(width("日本語"), 6);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("🦀"), 2);
        let lines = wrap(&"日本語".repeat(10), &layout(20, 10));
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:#?}");
        assert_eq!(lines.concat(), "日本語".repeat(10));
        // A combining mark is never separated from its letter.
        let text = "e\u{301}".repeat(50);
        let lines = wrap(&text, &layout(20, 10));
        assert!(
            lines.iter().all(|l| !l.starts_with('\u{301}')),
            "{lines:#?}"
        );
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn a_word_that_a_whole_line_holds_is_not_broken() {
        let l = Layout {
            first: 60,
            ..layout(80, 3)
        };
        let word = "sqlalchemy.exc.TimeoutError:";
        let lines = wrap(&format!("{word} QueuePool limit"), &l);
        assert_eq!(lines, ["", "sqlalchemy.exc.TimeoutError: QueuePool limit"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        let url = format!("https://example.com/{}", "x".repeat(100));
        let lines = wrap(&format!("see {url} now"), &layout(30, 10));
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:#?}");
        assert_eq!(lines.concat().replace(' ', ""), format!("see{url}now"));
    }

    #[test]
    fn tabs_and_control_characters_are_spaces() {
        let lines = wrap("a\tb\u{1b}[31mc\rd", &layout(40, 3));
        assert_eq!(lines, ["a b [31mc d"]);
    }

    #[test]
    fn line_breaks_are_kept_when_asked() {
        let l = Layout {
            keep_breaks: true,
            ..layout(40, 10)
        };
        assert_eq!(
            wrap("one\ntwo\n\n\n\nthree\n", &l),
            ["one", "two", "", "three"]
        );
        assert_eq!(wrap("one\ntwo", &layout(40, 10)), ["one two"]);
    }

    #[test]
    fn cut_and_pad_count_display_columns() {
        assert_eq!(cut("Dana Whitfield", 12), "Dana Whitfi…");
        assert_eq!(cut("山田太郎さん", 6), "山田…");
        assert_eq!(width(&cut("山田太郎さん", 6)), 5);
        assert_eq!(pad("山田", 6), "山田  ");
        assert_eq!(cut("ok", 12), "ok");
    }

    #[test]
    fn hard_wrap_keeps_spacing_and_expands_tabs() {
        assert_eq!(hard_wrap("a\tb", 40), ["a       b"]);
        assert_eq!(hard_wrap("abcdef", 4), ["abcd", "ef"]);
        assert_eq!(hard_wrap("日本語", 4), ["日本", "語"]);
    }

    proptest::proptest! {
        #[test]
        fn no_line_is_wider_than_the_width(
            text in "([a-z]{1,30}|[日本語中文]{1,12}|🦀|e\u{301}|\t| |\n|[\u{0}-\u{1f}]|x{40,90}){0,40}",
            w in 20usize..120,
            first in 0usize..18,
            indent in 0usize..12,
            max_lines in 1usize..6,
            keep_breaks: bool,
        ) {
            let l = Layout { width: w, first, indent, max_lines, more: "… casefile show 12", keep_breaks };
            let lines = wrap(&text, &l);
            proptest::prop_assert!(lines.len() <= max_lines);
            for (i, line) in lines.iter().enumerate() {
                let prefix = if i == 0 { first } else { indent };
                proptest::prop_assert!(prefix + width(line) <= w, "{:?}", lines);
                proptest::prop_assert!(!line.chars().any(char::is_control), "{:?}", lines);
            }
            for line in hard_wrap(&text.replace('\n', " "), w) {
                proptest::prop_assert!(width(&line) <= w);
            }
        }
    }
}
