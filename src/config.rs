//! `config.toml`: the user's settings, read only by the commands that need them.
//!
//! Unknown keys and bad values are errors that name the file, the line and the key, so a typo
//! never silently does nothing.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::Deserialize;

use crate::cli::ColorChoice;
use crate::redact::CustomPattern;

/// The default cap on recorded `run` output (head and tail are kept around a marker).
pub const DEFAULT_RUN_OUTPUT_CAP: u64 = 256 * 1024;
/// How many recent entries `status` shows by default.
pub const DEFAULT_STATUS_RECENT: u32 = 5;

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Who writes entries (else git `user.name`, else `$USER`).
    pub author: Option<String>,
    /// IANA zone in which times without an offset are read.
    pub timezone: Option<String>,
    /// `auto`, `always` or `never`.
    pub color: Option<ColorSetting>,
    /// Editor command for `-e` and `edit` (else `$VISUAL`, `$EDITOR`, `vi`).
    pub editor: Option<String>,
    #[serde(default)]
    pub redact: RedactConfig,
    #[serde(default)]
    pub status: StatusConfig,
    #[serde(default)]
    pub export: ExportConfig,
    #[serde(default)]
    pub run: RunConfig,
    #[serde(default)]
    pub hook: HookConfig,
    #[serde(default)]
    pub claims: ClaimsConfig,
    #[serde(default)]
    pub sync: SyncConfig,
}

/// `[claims]`: how long a claim holds when nobody settles or lets go of it.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimsConfig {
    /// A duration such as `1d`, `12h`, `90m` (default one day).
    pub expire: Option<String>,
}

/// How long a claim holds by default.
pub const DEFAULT_CLAIM_EXPIRY: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ColorSetting {
    Auto,
    Always,
    Never,
}

impl From<ColorSetting> for ColorChoice {
    fn from(c: ColorSetting) -> Self {
        match c {
            ColorSetting::Auto => ColorChoice::Auto,
            ColorSetting::Always => ColorChoice::Always,
            ColorSetting::Never => ColorChoice::Never,
        }
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedactConfig {
    /// Extra patterns: `[[redact.pattern]] name = "…" regex = "…"`.
    #[serde(default, rename = "pattern")]
    pub patterns: Vec<PatternConfig>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternConfig {
    pub name: String,
    pub regex: String,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusConfig {
    /// How many recent entries `status` shows.
    pub recent: Option<u32>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportConfig {
    /// A MiniJinja template used by `export` when `--template` is not given: a built-in name
    /// (`default`, `sre`, `aar`) or a path.
    pub template: Option<PathBuf>,
    /// How many lines of a `run`'s output the postmortem shows (head and tail).
    pub run_lines: Option<u64>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunConfig {
    /// The most bytes of `run` output kept (head and tail).
    pub output_cap: Option<u64>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HookConfig {
    /// How long the post-commit hook waits for the one-line answer, in seconds; 0 never asks.
    pub prompt_timeout: Option<u64>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncConfig {
    /// The git remote `casefile sync` uses when none is given (a path, ssh or https URL).
    pub remote: Option<String>,
}

/// How long the post-commit hook waits for an answer by default, in seconds.
pub const DEFAULT_HOOK_PROMPT_TIMEOUT: u64 = 60;

impl Config {
    /// The config file's path: `CASEFILE_CONFIG`, else `<config dir>/config.toml`.
    pub fn path() -> Option<PathBuf> {
        if let Some(path) = std::env::var_os("CASEFILE_CONFIG").filter(|v| !v.is_empty()) {
            return Some(PathBuf::from(path));
        }
        directories::ProjectDirs::from("", "", "casefile")
            .map(|dirs| dirs.config_dir().join("config.toml"))
    }

    /// Read the config file; a missing file is the default config.
    pub fn load() -> Result<Config> {
        match Config::path() {
            Some(path) => Config::load_from(&path),
            None => Ok(Config::default()),
        }
    }

    pub fn load_from(path: &Path) -> Result<Config> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot read config file {}", path.display()))
            }
        };
        Config::parse(&text, path)
    }

    /// Parse the text of a config file. Errors name the file, the line and the key
    /// (`/x/config.toml:3: key `status.recent`: invalid type: …`).
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let message = e.message().trim().to_string();
            match e.span() {
                Some(span) => {
                    let line = line_of(text, span.start);
                    match key_at(text, span.start) {
                        Some(key) => {
                            anyhow::anyhow!("{}:{line}: key `{key}`: {message}", path.display())
                        }
                        None => anyhow::anyhow!("{}:{line}: {message}", path.display()),
                    }
                }
                None => anyhow::anyhow!("{}: {message}", path.display()),
            }
        })?;
        let at = |key: &str| {
            let line = key_lines(text)
                .into_iter()
                .find(|(k, _)| k == key)
                .map_or(String::new(), |(_, line)| format!(":{line}"));
            format!("{}{line}: key `{key}`", path.display())
        };
        if let Some(zone) = &config.timezone {
            crate::time::Zone::parse(zone)
                .map_err(|e| anyhow::anyhow!("{}: {e}", at("timezone")))?;
        }
        if config
            .editor
            .as_deref()
            .is_some_and(|e| e.trim().is_empty())
        {
            return Err(anyhow::anyhow!(
                "{}: the editor command is empty; remove the key or name an editor",
                at("editor")
            ));
        }
        if config.run.output_cap == Some(0) {
            return Err(anyhow::anyhow!(
                "{}: must be at least 1 (bytes of output kept)",
                at("run.output_cap")
            ));
        }
        if let Some(expire) = &config.claims.expire {
            humantime::parse_duration(expire).map_err(|e| {
                anyhow::anyhow!(
                    "{}: {e}; write a duration such as `1d`, `12h` or `90m`",
                    at("claims.expire")
                )
            })?;
        }
        for (i, pattern) in config.redact.patterns.iter().enumerate() {
            if pattern.name.trim().is_empty() || pattern.regex.is_empty() {
                return Err(anyhow::anyhow!(
                    "{}: a redaction pattern needs a non-empty `name` and `regex`",
                    at(&format!("redact.pattern[{i}]"))
                ));
            }
        }
        Ok(config)
    }

    /// The effective settings and where each came from, for `casefile config show`.
    ///
    /// `color_flag` is the `--color` given on the command line, if any; `cwd` is where the
    /// author would be looked up in git.
    pub fn explain(
        &self,
        path: Option<&Path>,
        text: Option<&str>,
        color_flag: Option<ColorChoice>,
        cwd: Option<&Path>,
    ) -> Vec<Setting> {
        let lines = text.map(key_lines).unwrap_or_default();
        let from_file = |key: &str| -> Origin {
            let line = lines.iter().find(|(k, _)| k == key).map(|(_, l)| *l);
            Origin::File {
                path: path.map(Path::to_path_buf).unwrap_or_default(),
                line,
            }
        };
        let env = |name: &str| -> Option<String> {
            std::env::var(name).ok().filter(|v| !v.trim().is_empty())
        };
        let mut out = Vec::new();

        // author: $CASEFILE_AUTHOR, else config, else git user.name, else $USER.
        let author = if let Some(a) = env("CASEFILE_AUTHOR") {
            (
                a.trim().to_string(),
                Origin::Environment {
                    variable: "CASEFILE_AUTHOR".into(),
                },
            )
        } else if let Some(a) = self.author.as_deref().filter(|a| !a.trim().is_empty()) {
            (a.trim().to_string(), from_file("author"))
        } else {
            let repo = cwd.and_then(crate::git::Repo::discover);
            let git_name = match &repo {
                Some(repo) => repo.config_value("user", "name"),
                None => crate::git::global_config_value("user", "name"),
            }
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty());
            match git_name {
                Some(name) => (
                    name,
                    Origin::Git {
                        key: "user.name".into(),
                    },
                ),
                None => ["USER", "USERNAME", "LOGNAME"]
                    .iter()
                    .find_map(|v| {
                        env(v).map(|u| {
                            (
                                u.trim().to_string(),
                                Origin::Environment {
                                    variable: v.to_string(),
                                },
                            )
                        })
                    })
                    .unwrap_or_else(|| ("unknown".into(), Origin::Default)),
            }
        };
        out.push(Setting::new("author", author.0, author.1));

        // timezone: config, else $TZ, else the system zone.
        let timezone = match &self.timezone {
            Some(zone) => (zone.clone(), from_file("timezone")),
            None => match env("TZ") {
                Some(tz) => (
                    tz.trim_start_matches(':').to_string(),
                    Origin::Environment {
                        variable: "TZ".into(),
                    },
                ),
                None => (crate::time::Zone::Local.name(), Origin::System),
            },
        };
        out.push(Setting::new("timezone", timezone.0, timezone.1));

        // color: --color, else config, else NO_COLOR / CLICOLOR_FORCE, else auto.
        let color = if let Some(flag) = color_flag {
            (
                color_name(flag),
                Origin::CommandLine {
                    flag: "--color".into(),
                },
            )
        } else if let Some(c) = self.color {
            (color_name(c.into()), from_file("color"))
        } else if env("NO_COLOR").is_some() {
            (
                "never".to_string(),
                Origin::Environment {
                    variable: "NO_COLOR".into(),
                },
            )
        } else if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
            (
                "always".to_string(),
                Origin::Environment {
                    variable: "CLICOLOR_FORCE".into(),
                },
            )
        } else {
            ("auto".to_string(), Origin::Default)
        };
        out.push(Setting::new("color", color.0, color.1));

        // editor: config, else $VISUAL, else $EDITOR, else vi.
        let editor = match self.editor.as_deref().filter(|e| !e.trim().is_empty()) {
            Some(e) => (e.to_string(), from_file("editor")),
            None => ["VISUAL", "EDITOR"]
                .iter()
                .find_map(|v| {
                    env(v).map(|e| {
                        (
                            e,
                            Origin::Environment {
                                variable: v.to_string(),
                            },
                        )
                    })
                })
                .unwrap_or_else(|| ("vi".into(), Origin::Default)),
        };
        out.push(Setting::new("editor", editor.0, editor.1));

        if self.redact.patterns.is_empty() {
            out.push(Setting::new(
                "redact.pattern",
                "(none: built-in rules only)".into(),
                Origin::Default,
            ));
        }
        for (i, p) in self.redact.patterns.iter().enumerate() {
            out.push(Setting::new(
                "redact.pattern",
                format!("{} = {}", p.name, p.regex),
                from_file(&format!("redact.pattern[{i}]")),
            ));
        }

        let number = |key: &str, value: Option<u64>, default: u64| match value {
            Some(v) => Setting::new(key, v.to_string(), from_file(key)),
            None => Setting::new(key, default.to_string(), Origin::Default),
        };
        out.push(number(
            "status.recent",
            self.status.recent.map(u64::from),
            u64::from(DEFAULT_STATUS_RECENT),
        ));
        out.push(match &self.export.template {
            Some(t) => Setting::new(
                "export.template",
                t.display().to_string(),
                from_file("export.template"),
            ),
            None => Setting::new(
                "export.template",
                "(built-in postmortem)".into(),
                Origin::Default,
            ),
        });
        out.push(number(
            "export.run_lines",
            self.export.run_lines,
            crate::render::postmortem::DEFAULT_RUN_LINES as u64,
        ));
        out.push(number(
            "run.output_cap",
            self.run.output_cap,
            DEFAULT_RUN_OUTPUT_CAP,
        ));
        out.push(match &self.claims.expire {
            Some(e) => Setting::new("claims.expire", e.clone(), from_file("claims.expire")),
            None => Setting::new("claims.expire", "1d".into(), Origin::Default),
        });
        out.push(number(
            "hook.prompt_timeout",
            self.hook.prompt_timeout,
            DEFAULT_HOOK_PROMPT_TIMEOUT,
        ));
        out.push(match &self.sync.remote {
            Some(r) => Setting::new("sync.remote", r.clone(), from_file("sync.remote")),
            None => Setting::new("sync.remote", "(none)".into(), Origin::Default),
        });
        out
    }

    /// The zone for reading times without an offset.
    pub fn zone(&self) -> crate::time::Zone {
        self.timezone
            .as_deref()
            .and_then(|z| crate::time::Zone::parse(z).ok())
            .unwrap_or(crate::time::Zone::Local)
    }

    pub fn custom_patterns(&self) -> Vec<CustomPattern> {
        self.redact
            .patterns
            .iter()
            .map(|p| CustomPattern {
                name: p.name.clone(),
                regex: p.regex.clone(),
            })
            .collect()
    }

    /// How long a claim holds (`claims.expire`, checked when the config was read).
    pub fn claim_expiry(&self) -> std::time::Duration {
        self.claims
            .expire
            .as_deref()
            .and_then(|e| humantime::parse_duration(e).ok())
            .unwrap_or(DEFAULT_CLAIM_EXPIRY)
    }

    pub fn status_recent(&self) -> u32 {
        self.status.recent.unwrap_or(DEFAULT_STATUS_RECENT)
    }

    /// `export.run_lines`: lines of `run` output a postmortem shows (at least 2).
    pub fn export_run_lines(&self) -> usize {
        self.export
            .run_lines
            .map_or(crate::render::postmortem::DEFAULT_RUN_LINES, |n| {
                n.clamp(2, 100_000) as usize
            })
    }

    pub fn run_output_cap(&self) -> u64 {
        self.run.output_cap.unwrap_or(DEFAULT_RUN_OUTPUT_CAP)
    }

    /// How long the post-commit hook waits for its one-line answer (zero: it never asks).
    pub fn hook_prompt_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(
            self.hook
                .prompt_timeout
                .unwrap_or(DEFAULT_HOOK_PROMPT_TIMEOUT),
        )
    }
}

/// The config text with `key` (dotted: `claims.expire`) set to `value`, comments, order and
/// formatting of everything else kept (`toml_edit`). The value is written as an integer when
/// it is one and the key takes one, else as a string; the result must parse as a config (an
/// unknown key or a bad value is an error and nothing is to be written).
pub fn set_value(text: &str, key: &str, value: &str, path: &Path) -> Result<String> {
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| anyhow::anyhow!("{}: cannot edit: {e}", path.display()))?;
    let parts: Vec<&str> = key.split('.').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return Err(anyhow::anyhow!(
            "`{key}` is not a setting name; see `casefile config show`"
        ));
    }
    let candidates: Vec<toml_edit::Value> = match value.trim().parse::<i64>() {
        Ok(n) => vec![n.into(), value.into()],
        Err(_) => vec![value.into()],
    };
    let mut last_error = None;
    for candidate in candidates {
        let mut table = doc.as_table_mut();
        for part in &parts[..parts.len() - 1] {
            let entry = table
                .entry(part)
                .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()));
            table = match entry.as_table_mut() {
                Some(t) => t,
                None => {
                    return Err(anyhow::anyhow!(
                        "{}: `{part}` is not a table; cannot set `{key}`",
                        path.display()
                    ))
                }
            };
        }
        let leaf = parts[parts.len() - 1];
        // Keep the key's decoration (comments beside it) when it exists.
        match table.get_mut(leaf).and_then(|item| item.as_value_mut()) {
            Some(existing) => {
                let decor = existing.decor().clone();
                *existing = candidate;
                *existing.decor_mut() = decor;
            }
            None => {
                table.insert(leaf, toml_edit::value(candidate));
            }
        }
        let edited = doc.to_string();
        match Config::parse(&edited, path) {
            Ok(_) => return Ok(edited),
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| anyhow::anyhow!("cannot set `{key}`")))
}

/// Where the redaction pattern called `name` is written: `<file>:<line>: key
/// `redact.pattern[i]`` (for errors found when the pattern is compiled, which happens only
/// when a capture needs it, not on every config read).
pub fn pattern_location(name: &str) -> String {
    let Some(path) = Config::path() else {
        return "config".to_string();
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let index = Config::parse(&text, &path)
        .ok()
        .and_then(|c| c.redact.patterns.iter().position(|p| p.name == name));
    let Some(index) = index else {
        return path.display().to_string();
    };
    let key = format!("redact.pattern[{index}]");
    match key_lines(&text).into_iter().find(|(k, _)| *k == key) {
        Some((_, line)) => format!("{}:{line}: key `{key}`", path.display()),
        None => format!("{}: key `{key}`", path.display()),
    }
}

/// One effective setting, its value as text, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Setting {
    pub key: String,
    pub value: String,
    #[serde(flatten)]
    pub origin: Origin,
}

impl Setting {
    fn new(key: &str, value: String, origin: Origin) -> Setting {
        Setting {
            key: key.to_string(),
            value,
            origin,
        }
    }
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "origin", rename_all = "kebab-case")]
pub enum Origin {
    /// casefile's built-in default.
    Default,
    /// The config file (and the line of the key, when known).
    File { path: PathBuf, line: Option<usize> },
    /// An environment variable.
    Environment { variable: String },
    /// A git config key.
    Git { key: String },
    /// A command-line flag.
    CommandLine { flag: String },
    /// The operating system (the local time zone).
    System,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File {
                path,
                line: Some(line),
            } => write!(f, "config file {}:{line}", path.display()),
            Origin::File { path, line: None } => write!(f, "config file {}", path.display()),
            Origin::Environment { variable } => write!(f, "environment ${variable}"),
            Origin::Git { key } => write!(f, "git config {key}"),
            Origin::CommandLine { flag } => write!(f, "command line {flag}"),
            Origin::System => f.write_str("system"),
        }
    }
}

fn color_name(c: ColorChoice) -> String {
    match c {
        ColorChoice::Auto => "auto",
        ColorChoice::Always => "always",
        ColorChoice::Never => "never",
    }
    .to_string()
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Every key in a TOML document, dotted (`status.recent`, `redact.pattern[0].name`), with the
/// line it is on. Tables and array items are listed too (`redact.pattern[0]`: its header).
pub fn key_lines(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    if let Ok(doc) = toml::de::DeTable::parse(text) {
        walk(text, doc.get_ref(), "", &mut |key, key_span, _| {
            out.push((key.to_string(), line_of(text, key_span.start)));
        });
    }
    out
}

/// The dotted key whose name or value covers byte `offset` (the innermost one).
fn key_at(text: &str, offset: usize) -> Option<String> {
    let doc = toml::de::DeTable::parse(text).ok()?;
    let mut best: Option<(String, usize)> = None;
    walk(text, doc.get_ref(), "", &mut |key, key_span, value_span| {
        for span in [key_span, value_span] {
            if span.start <= offset && offset < span.end.max(span.start + 1) {
                let width = span.end - span.start;
                if best.as_ref().is_none_or(|(_, w)| width <= *w) {
                    best = Some((key.to_string(), width));
                }
            }
        }
    });
    best.map(|(key, _)| key)
}

type Span = std::ops::Range<usize>;

fn walk(
    text: &str,
    table: &toml::de::DeTable<'_>,
    prefix: &str,
    f: &mut dyn FnMut(&str, Span, Span),
) {
    for (key, value) in table {
        let name = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        walk_value(text, &name, key.span(), value, f);
    }
}

fn walk_value(
    text: &str,
    name: &str,
    key_span: Span,
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    f: &mut dyn FnMut(&str, Span, Span),
) {
    f(name, key_span.clone(), value.span());
    match value.get_ref() {
        toml::de::DeValue::Table(table) => walk(text, table, name, f),
        toml::de::DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let item_name = format!("{name}[{i}]");
                // An array-of-tables item is found by its own span (its `[[header]]`).
                walk_value(text, &item_name, item.span(), item, f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_the_default() {
        let c = Config::parse("", Path::new("c.toml")).unwrap();
        assert!(c.author.is_none());
        assert_eq!(c.status_recent(), DEFAULT_STATUS_RECENT);
    }

    #[test]
    fn every_key_is_read() {
        let c = Config::parse(
            r#"
author = "Ada"
timezone = "America/New_York"
color = "never"
editor = "nano"
[status]
recent = 9
[export]
template = "/tmp/t.j2"
run_lines = 12
[run]
output_cap = 1000
[[redact.pattern]]
name = "ticket-secret"
regex = "TS-[0-9]{6}"
"#,
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(c.author.as_deref(), Some("Ada"));
        assert_eq!(c.color, Some(ColorSetting::Never));
        assert_eq!(c.status_recent(), 9);
        assert_eq!(c.run_output_cap(), 1000);
        assert_eq!(c.export_run_lines(), 12);
        assert_eq!(c.custom_patterns().len(), 1);
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let err = Config::parse(
            "author = \"a\"\ncolour = \"never\"\n",
            Path::new("/x/c.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("/x/c.toml:2"), "{err}");
        assert!(err.contains("colour"), "{err}");
    }

    #[test]
    fn bad_value_is_an_error() {
        let err = Config::parse("[status]\nrecent = \"many\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("c.toml:2"), "{err}");
        assert!(err.contains("`status.recent`"), "{err}");
        let err = Config::parse("timezone = \"Mars/Olympus\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("timezone"), "{err}");
    }

    #[test]
    fn bad_values_name_line_and_dotted_key() {
        let cases = [
            ("author = \"a\"\n\n[run]\noutput_cap = 0\n", "c.toml:4: key `run.output_cap`"),
            ("color = \"sometimes\"\n", "c.toml:1: key `color`"),
            ("[hook]\nprompt_timeout = -3\n", "c.toml:2: key `hook.prompt_timeout`"),
            ("[hook]\nprompt = 3\n", "c.toml:2: key `hook.prompt`"),
            (
                "[[redact.pattern]]\nname = \"x\"\nregex = \"a\"\n[[redact.pattern]]\nname = \"y\"\nregex = 3\n",
                "c.toml:6: key `redact.pattern[1].regex`",
            ),
            ("editor = \"  \"\n", "c.toml:1: key `editor`"),
        ];
        for (text, want) in cases {
            let err = Config::parse(text, Path::new("c.toml"))
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }

    #[test]
    fn key_lines_lists_nested_keys() {
        let lines =
            key_lines("author = \"a\"\n[status]\nrecent = 3\n[[redact.pattern]]\nname = \"n\"\n");
        assert!(lines.contains(&("author".to_string(), 1)));
        assert!(lines.contains(&("status.recent".to_string(), 3)));
        assert!(lines.contains(&("redact.pattern[0]".to_string(), 4)));
        assert!(lines.contains(&("redact.pattern[0].name".to_string(), 5)));
    }

    #[test]
    fn explain_names_the_file_line_of_each_set_key() {
        let text = "\n[status]\nrecent = 7\n";
        let path = Path::new("/c/config.toml");
        let config = Config::parse(text, path).unwrap();
        let settings = config.explain(Some(path), Some(text), Some(ColorChoice::Never), None);
        let get = |k: &str| settings.iter().find(|s| s.key == k).unwrap().clone();
        assert_eq!(get("status.recent").value, "7");
        assert_eq!(
            get("status.recent").origin.to_string(),
            "config file /c/config.toml:3"
        );
        assert_eq!(get("color").value, "never");
        assert_eq!(get("color").origin.to_string(), "command line --color");
        assert_eq!(get("run.output_cap").origin, Origin::Default);
        assert_eq!(
            config.hook_prompt_timeout().as_secs(),
            DEFAULT_HOOK_PROMPT_TIMEOUT
        );
    }

    #[test]
    fn set_value_keeps_comments_and_order_and_types_numbers() {
        let path = Path::new("c.toml");
        let text = "# top\nauthor = \"a\" # mine\n\n[status]\nrecent = 5 # five\n";
        let out = set_value(text, "status.recent", "9", path).unwrap();
        assert_eq!(
            out,
            "# top\nauthor = \"a\" # mine\n\n[status]\nrecent = 9 # five\n"
        );
        let out = set_value(&out, "claims.expire", "2h", path).unwrap();
        assert!(out.ends_with("[claims]\nexpire = \"2h\"\n"), "{out}");
        // A digit string for a string setting stays a string.
        let out = set_value("", "author", "1234", path).unwrap();
        assert_eq!(out, "author = \"1234\"\n");
        assert!(set_value("", "status.recent", "lots", path).is_err());
        assert!(set_value("", "unknown.key", "1", path).is_err());
        assert!(set_value("", "author.", "x", path).is_err());
        assert!(set_value("author = \"a\"", "author.x", "1", path).is_err());
    }
}
