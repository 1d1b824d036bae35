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
}

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
    /// A MiniJinja template used by `export` when `--template` is not given.
    pub template: Option<PathBuf>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunConfig {
    /// The most bytes of `run` output kept (head and tail).
    pub output_cap: Option<u64>,
}

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

    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|span| {
                text.as_bytes()[..span.start.min(text.len())]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1
            });
            let message = e.message().trim().to_string();
            match line {
                Some(line) => anyhow::anyhow!("{}:{line}: {message}", path.display()),
                None => anyhow::anyhow!("{}: {message}", path.display()),
            }
        })?;
        if let Some(zone) = &config.timezone {
            crate::time::Zone::parse(zone)
                .map_err(|e| anyhow::anyhow!("{}: key `timezone`: {e}", path.display()))?;
        }
        Ok(config)
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

    pub fn status_recent(&self) -> u32 {
        self.status.recent.unwrap_or(DEFAULT_STATUS_RECENT)
    }

    pub fn run_output_cap(&self) -> u64 {
        self.run.output_cap.unwrap_or(DEFAULT_RUN_OUTPUT_CAP)
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
        let err = Config::parse("timezone = \"Mars/Olympus\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("timezone"), "{err}");
    }
}
