//! Human output: the status briefing, the timeline, one entry, the case table.
//!
//! Renderers build strings and never print; commands decide where the text goes. Colour is a
//! flag passed in (resolved from `--color`, `NO_COLOR` and whether stdout is a terminal).

pub mod entry;
pub mod markdown;
pub mod minutes;
pub mod postmortem;
pub mod search;
pub mod status;
pub mod tables;
pub mod wrap;

use anstyle::{AnsiColor, Style};

/// Styles for one output, or none when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    color: bool,
}

impl Palette {
    pub fn new(color: bool) -> Palette {
        Palette { color }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    pub fn heading(&self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    pub fn number(&self, text: &str) -> String {
        self.paint(AnsiColor::Cyan.on_default(), text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint(Style::new().dimmed(), text)
    }

    pub fn good(&self, text: &str) -> String {
        self.paint(AnsiColor::Green.on_default(), text)
    }

    pub fn bad(&self, text: &str) -> String {
        self.paint(AnsiColor::Red.on_default(), text)
    }

    pub fn warn(&self, text: &str) -> String {
        self.paint(AnsiColor::Yellow.on_default(), text)
    }
}

/// The width to fit lines in: the terminal's, else `COLUMNS`, else 80.
pub fn width() -> usize {
    terminal_width()
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .filter(|w: &usize| *w >= 20)
        .unwrap_or(80)
}

#[cfg(unix)]
fn terminal_width() -> Option<usize> {
    // SAFETY: TIOCGWINSZ fills a winsize struct we own; failure leaves it untouched.
    unsafe {
        let mut size: libc::winsize = std::mem::zeroed();
        if libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) == 0 && size.ws_col > 0 {
            Some(size.ws_col as usize)
        } else {
            None
        }
    }
}

#[cfg(not(unix))]
fn terminal_width() -> Option<usize> {
    None
}

/// Cut `text` to at most `max` characters, ending with `…` when cut. Line breaks become spaces.
pub fn fit(text: &str, max: usize) -> String {
    // Printable ASCII (most text): a character is a byte and nothing needs flattening.
    if text.bytes().all(|b| (b' '..b'\x7f').contains(&b)) {
        if text.len() <= max {
            return text.to_string();
        }
        let mut cut = text[..max.saturating_sub(1)].to_string();
        cut.push('…');
        return cut;
    }
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        return flat;
    }
    let mut cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// What a list item shows of an entry: a trace or pasted body by its telling line; a sentence
/// (even written over several lines) whole, its line breaks read as spaces.
pub fn item_text(e: &crate::model::Entry) -> std::borrow::Cow<'_, str> {
    let headline = e.headline();
    let first = e.text.lines().map(str::trim).find(|l| !l.is_empty());
    if e.kind == crate::model::Kind::Evidence || first != Some(&*headline) {
        headline
    } else {
        std::borrow::Cow::Borrowed(e.text.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis_and_flattens_lines() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("a\nb", 10), "a b");
        assert_eq!(fit("abcdefghij", 5), "abcd…");
        assert_eq!(fit("ééééé", 3), "éé…");
        assert_eq!(fit("tab\there", 20), "tab here");
        assert_eq!(fit("abc", 0), "…");
    }

    proptest::proptest! {
        /// The printable-ASCII shortcut cuts exactly where counting characters does.
        #[test]
        fn fit_agrees_with_counting_characters(text in "[ -~\t\né]{0,40}", max in 0usize..45) {
            let flat: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
            let expected = if flat.chars().count() <= max {
                flat
            } else {
                let mut cut: String = flat.chars().take(max.saturating_sub(1)).collect();
                cut.push('…');
                cut
            };
            proptest::prop_assert_eq!(fit(&text, max), expected);
        }
    }

    #[test]
    fn palette_without_colour_is_plain() {
        let p = Palette::new(false);
        assert_eq!(p.heading("x"), "x");
        let p = Palette::new(true);
        assert!(p.heading("x").contains("\u{1b}["));
    }
}
