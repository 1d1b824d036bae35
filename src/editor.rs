//! Writing text in the user's editor (`-e` and `edit`).
//!
//! The editor is spawned here rather than through dialoguer's `Editor`, which reads the file
//! back even when the editor exited non-zero (a failed editor must change nothing) and panics
//! on a non-UTF-8 `$VISUAL`/`$EDITOR`. Hint lines start with `#:` rather than git's `#`, so
//! that a Markdown heading or a `#123` reference in the text survives.

use std::io::Write;

use anyhow::{Context as _, Result};

use crate::error::invalid;
use crate::model::Kind;

/// Lines starting with this are hints and are removed from what the user wrote.
const COMMENT: &str = "#:";

/// Open the editor on a template for a new entry of `kind`; returns the text without hint lines.
pub fn compose(kind: Kind, initial: &str, configured: Option<&str>) -> Result<String> {
    let template = format!(
        "{initial}\n{COMMENT} Write the {kind} above: {}.\n{COMMENT} The first line is its headline in `status` and `log`.\n{COMMENT} Lines starting with `{COMMENT}` are ignored; an empty text writes nothing.\n",
        hint(kind)
    );
    let text = strip_hints(&open(&template, configured)?);
    if text.is_empty() {
        return Err(invalid(format!(
            "the editor returned no {kind} (only hint lines or nothing); nothing was written"
        )));
    }
    Ok(text)
}

/// What an entry of `kind` is for, as the template says it.
fn hint(kind: Kind) -> &'static str {
    match kind {
        Kind::Note => "anything worth keeping",
        Kind::Hypothesis => "a suspected cause, stated so that evidence can support or refute it",
        Kind::Evidence => "what you observed: a log excerpt, a trace, a measurement",
        Kind::DeadEnd => "the path you tried and ruled out, and why",
        Kind::Event => "something that happened at a time (a deploy, a first report)",
        Kind::Action => "a next step or follow-up",
    }
}

/// Open the editor on `text` and return what was saved (hint lines removed).
pub fn amend(text: &str, what: &str, configured: Option<&str>) -> Result<String> {
    let template = format!(
        "{text}\n{COMMENT} Edit {what} above. Lines starting with `{COMMENT}` are ignored;\n{COMMENT} the earlier text is kept in the entry's history.\n"
    );
    let text = open(&template, configured)?;
    Ok(strip_hints(&text))
}

fn open(template: &str, configured: Option<&str>) -> Result<String> {
    let command = editor_command(configured)?;
    let words = shell_words::split(&command)
        .ok()
        .filter(|w| !w.is_empty())
        .ok_or_else(|| {
            invalid(format!(
                "cannot run the editor `{command}`: check $VISUAL/$EDITOR"
            ))
        })?;
    // dialoguer's Editor reads the file back even when the editor failed; a failed editor
    // must change nothing, so the file and the exit status are handled here.
    let mut file = tempfile::Builder::new()
        .prefix("casefile-")
        .suffix(".md")
        .tempfile()
        .context("cannot create a temporary file for the editor")?;
    file.write_all(template.as_bytes())?;
    file.flush()?;
    let status = std::process::Command::new(&words[0])
        .args(&words[1..])
        .arg(file.path())
        .status()
        .with_context(|| format!("cannot start the editor `{command}`; set $VISUAL or $EDITOR"))?;
    if !status.success() {
        return Err(invalid(format!(
            "the editor `{command}` exited with {status}; nothing was written"
        )));
    }
    let bytes = std::fs::read(file.path()).context("cannot read back what the editor saved")?;
    String::from_utf8(bytes)
        .map_err(|_| invalid("the edited text is not valid UTF-8; nothing was written"))
}

/// The editor: config `editor`, else `$VISUAL`, else `$EDITOR`, else `vi`.
fn editor_command(configured: Option<&str>) -> Result<String> {
    if let Some(editor) = configured.filter(|e| !e.trim().is_empty()) {
        return Ok(editor.to_string());
    }
    for var in ["VISUAL", "EDITOR"] {
        match std::env::var(var) {
            Ok(value) if !value.trim().is_empty() => return Ok(value),
            Ok(_) | Err(std::env::VarError::NotPresent) => {}
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(invalid(format!(
                    "${var} is not valid UTF-8; set it to an editor command such as `vi`"
                )))
            }
        }
    }
    Ok("vi".to_string())
}

/// Remove hint lines and surrounding blank lines.
pub fn strip_hints(text: &str) -> String {
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim_start().starts_with(COMMENT))
        .collect();
    kept.join("\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_are_stripped() {
        assert_eq!(strip_hints("hello\n#: hint\n\n"), "hello");
        assert_eq!(strip_hints("#: only hints\n"), "");
        assert_eq!(
            strip_hints("# a markdown heading\nbody"),
            "# a markdown heading\nbody"
        );
    }
}
