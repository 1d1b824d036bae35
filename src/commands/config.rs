//! `casefile config [path|show|get KEY|set KEY VALUE]`: where the config file is, what is in
//! effect, and changing one setting without opening an editor.
//!
//! `show` (the default) lists every setting with its effective value and where that value
//! came from (default, config file with its line, environment, git, command line), so a user
//! can tell why casefile behaves as it does without reading the source.

use anyhow::{Context as _, Result};

use super::Ctx;
use crate::cli::{ConfigAction, ConfigArgs};
use crate::config::Config;

pub fn config(ctx: &Ctx, args: ConfigArgs) -> Result<()> {
    match args.action.unwrap_or(ConfigAction::Show) {
        ConfigAction::Path => {
            let path = Config::path().context(
                "cannot find a config directory (no home directory); set CASEFILE_CONFIG to a file path",
            )?;
            if ctx.global.json {
                return ctx.print_json(&serde_json::json!({
                    "path": path.display().to_string(),
                    "exists": path.is_file(),
                }));
            }
            ctx.print(&format!("{}\n", path.display()))
        }
        ConfigAction::Show => show(ctx),
        ConfigAction::Get { key } => get(ctx, &key),
        ConfigAction::Set { key, value } => set(ctx, &key, &value),
    }
}

/// The config file's path and text (`None` when it does not exist yet).
fn read_config() -> Result<(std::path::PathBuf, Option<String>)> {
    let path = Config::path().context(
        "cannot find a config directory (no home directory); set CASEFILE_CONFIG to a file path",
    )?;
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok((path, Some(text))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((path, None)),
        Err(e) => Err(e).with_context(|| format!("cannot read config file {}", path.display())),
    }
}

/// `config get KEY`: the effective value, wherever it came from (as `config show` lists it).
fn get(ctx: &Ctx, key: &str) -> Result<()> {
    let (path, text) = read_config()?;
    let config = match &text {
        Some(text) => Config::parse(text, &path)?,
        None => Config::default(),
    };
    let cwd = std::env::current_dir().ok();
    let settings = config.explain(
        Some(&path),
        text.as_deref(),
        ctx.global.color,
        cwd.as_deref(),
    );
    let found: Vec<_> = settings.iter().filter(|s| s.key == key).collect();
    if found.is_empty() {
        let mut known: Vec<&str> = settings.iter().map(|s| s.key.as_str()).collect();
        known.dedup();
        return Err(crate::error::invalid(format!(
            "no setting named `{key}`; known settings: {}",
            known.join(", ")
        )));
    }
    if ctx.global.json {
        return ctx.print_json(&found);
    }
    let lines: String = found.iter().map(|s| format!("{}\n", s.value)).collect();
    ctx.print(&lines)
}

/// `config set KEY VALUE`: edit the file in place (comments and order kept), checked before
/// it is written, atomically.
fn set(ctx: &Ctx, key: &str, value: &str) -> Result<()> {
    let (path, text) = read_config()?;
    let edited = crate::config::set_value(text.as_deref().unwrap_or(""), key, value, &path)?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    crate::home::write_atomically(&path, edited.as_bytes())?;
    ctx.say(&format!("{key} = {value} ({})", path.display()))
}

fn show(ctx: &Ctx) -> Result<()> {
    let path = Config::path();
    let text = match &path {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot read config file {}", path.display()))
            }
        },
        None => None,
    };
    let config = match (&path, &text) {
        (Some(path), Some(text)) => Config::parse(text, path)?,
        _ => Config::default(),
    };
    let cwd = std::env::current_dir().ok();
    let settings = config.explain(
        path.as_deref(),
        text.as_deref(),
        ctx.global.color,
        cwd.as_deref(),
    );
    if ctx.global.json {
        return ctx.print_json(&serde_json::json!({
            "path": path.as_ref().map(|p| p.display().to_string()),
            "exists": text.is_some(),
            "settings": settings,
        }));
    }
    let from_env = std::env::var_os("CASEFILE_CONFIG").is_some_and(|v| !v.is_empty());
    let via = if from_env {
        " (from $CASEFILE_CONFIG)"
    } else {
        ""
    };
    let mut out = match (&path, &text) {
        (Some(path), Some(_)) => format!("config file: {}{via}\n", path.display()),
        (Some(path), None) => format!(
            "config file: {}{via} (not found; defaults apply)\n",
            path.display()
        ),
        (None, _) => "config file: none (no config directory; set CASEFILE_CONFIG)\n".to_string(),
    };
    let key_width = settings.iter().map(|s| s.key.len()).max().unwrap_or(0);
    let value_width = settings
        .iter()
        .map(|s| s.value.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for s in &settings {
        out.push_str(&format!(
            "{:key_width$}  {:value_width$}  ({})\n",
            s.key, s.value, s.origin
        ));
    }
    ctx.print(&out)
}
