//! git's config files: which files are read, in which order, and their INI syntax.
//!
//! Why here: the write path needs a few values (`core.hooksPath`, `core.filemode`,
//! `core.symlinks`, `extensions.objectFormat`, `extensions.worktreeConfig`, and `user.name`
//! for the author) without spawning `git config`. Files are read in git's order (system,
//! global, repository, worktree; later wins). `include.path` is followed as git does;
//! `includeIf` conditions are not evaluated, so a conditionally included file that sets the
//! key makes the answer uncertain ([`Lookup::certain`]), and so does the key appearing in
//! `GIT_CONFIG_PARAMETERS`/`GIT_CONFIG_KEY_<n>` (`git -c`). The dirty check gives `null` for
//! an uncertain value rather than guess.

use std::fs;
use std::path::{Path, PathBuf};

use super::{expand_home, Env, RefBackend, Repo};

/// See [`Repo::setup_config`].
#[derive(Debug, Default)]
pub(super) struct SetupConfig {
    pub bare: Option<String>,
    pub worktree: Option<String>,
    pub refs: RefBackend,
}

impl Env {
    /// The config files git reads before the repository's own, lowest priority first.
    pub(super) fn global_config_files(&self) -> Vec<PathBuf> {
        let mut files = Vec::with_capacity(3);
        if !self.config_nosystem {
            match &self.config_system {
                Some(p) if !p.is_empty() => files.push(PathBuf::from(p)),
                Some(_) => {}
                None => files.push(PathBuf::from("/etc/gitconfig")),
            }
        }
        match &self.config_global {
            Some(p) if !p.is_empty() => files.push(expand_home(Path::new(p), self)),
            Some(_) => {}
            None => {
                match (&self.xdg_config_home, &self.home) {
                    (Some(x), _) => files.push(Path::new(x).join("git/config")),
                    (None, Some(h)) => files.push(Path::new(h).join(".config/git/config")),
                    (None, None) => {}
                }
                if let Some(h) = &self.home {
                    files.push(Path::new(h).join(".gitconfig"));
                }
            }
        }
        files
    }
}

impl Repo {
    /// A value from the repository's own config file only (as git reads `extensions.*`).
    pub(super) fn repo_config_value(&self, section: &str, key: &str) -> Option<String> {
        config_lookup(&[self.common_dir.join("config")], section, key, &self.env).value
    }

    /// What git reads from the repository's config file when it sets the repository up, in
    /// one read and without includes: `core.bare`, `core.worktree`, and which ref backend
    /// holds the refs (`extensions.refStorage`, honoured by git only with
    /// `core.repositoryFormatVersion` 1).
    pub(super) fn setup_config(&self) -> SetupConfig {
        let mut out = SetupConfig::default();
        let (mut storage, mut version) = (None, None);
        if let Ok(bytes) = fs::read(self.common_dir.join("config")) {
            for_each_entry(&String::from_utf8_lossy(&bytes), |s, sub, k, v| {
                if sub.is_some() {
                    return;
                }
                if s.eq_ignore_ascii_case("core") {
                    if k.eq_ignore_ascii_case("bare") {
                        out.bare = Some(v.to_string());
                    } else if k.eq_ignore_ascii_case("worktree") {
                        out.worktree = Some(v.to_string());
                    } else if k.eq_ignore_ascii_case("repositoryformatversion") {
                        version = Some(v.trim().to_string());
                    }
                } else if s.eq_ignore_ascii_case("extensions")
                    && k.eq_ignore_ascii_case("refstorage")
                {
                    storage = Some(v.to_ascii_lowercase());
                }
            });
        }
        // git refuses a version-0 repository that names a ref backend at all.
        let v1 = version.as_deref() == Some("1");
        out.refs = match storage.as_deref() {
            None => RefBackend::Files,
            Some("files") if v1 => RefBackend::Files,
            Some("reftable") if v1 => RefBackend::Reftable,
            Some(_) => RefBackend::Unknown,
        };
        out
    }

    /// The object id length of the repository's hash (20 for SHA-1, 32 for SHA-256).
    pub(super) fn oid_len(&self) -> Option<usize> {
        match self.repo_config_value("extensions", "objectformat") {
            None => Some(20),
            Some(f) if f.eq_ignore_ascii_case("sha1") => Some(20),
            Some(f) if f.eq_ignore_ascii_case("sha256") => Some(32),
            Some(_) => None,
        }
    }
}

/// Whether the repository whose git directory is `git_dir` names objects by SHA-1: its config
/// file reads and sets no `extensions.objectFormat` other than `sha1` (read as git reads
/// extensions, without includes).
pub fn names_objects_by_sha1(git_dir: &Path) -> bool {
    extension(git_dir, "objectformat")
        .is_some_and(|v| v.is_none_or(|v| v.eq_ignore_ascii_case("sha1")))
}

/// Whether the repository whose git directory is `git_dir` keeps its refs as files (loose refs
/// and `packed-refs`), the backend git uses unless `extensions.refStorage` names another.
pub fn keeps_refs_in_files(git_dir: &Path) -> bool {
    extension(git_dir, "refstorage")
        .is_some_and(|v| v.is_none_or(|v| v.eq_ignore_ascii_case("files")))
}

/// The last value of `extensions.<key>` in the repository's own config file (`Some(None)`:
/// not set), or `None` when the file cannot be read.
fn extension(git_dir: &Path, key: &str) -> Option<Option<String>> {
    let bytes = fs::read(git_dir.join("config")).ok()?;
    let mut value = None;
    for_each_entry(&String::from_utf8_lossy(&bytes), |section, sub, k, v| {
        if sub.is_none()
            && section.eq_ignore_ascii_case("extensions")
            && k.eq_ignore_ascii_case(key)
        {
            value = Some(v.to_string());
        }
    });
    Some(value)
}

pub(super) fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Some(true),
        "false" | "no" | "off" | "0" | "" => Some(false),
        _ => None,
    }
}

/// A config value and whether it is known for certain.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Lookup {
    pub(super) value: Option<String>,
    /// False when a conditional include (`includeIf`) sets the key, an include could not be
    /// read as git would, or `git -c` may set it: the value may not be git's.
    pub(super) certain: bool,
}

/// How deep `include.path` is followed (git stops at 10).
const MAX_INCLUDE_DEPTH: usize = 10;

/// Looks a key up in `files` in order, following includes; the last value found wins.
pub(super) fn config_lookup(files: &[PathBuf], section: &str, key: &str, env: &Env) -> Lookup {
    let (sec, sub) = match section.split_once('.') {
        Some((s, sub)) => (s, Some(sub)),
        None => (section, None),
    };
    let mut found = Lookup {
        value: None,
        certain: true,
    };
    for f in files {
        scan_file(f, sec, sub, key, env, 0, &mut found);
    }
    if let Some(params) = &env.config_params {
        let name = format!("{section}.{key}").to_ascii_lowercase();
        if params.contains(&name) {
            found.certain = false;
        }
    }
    found
}

/// Scans one config file (missing is fine: git skips it), following its includes.
fn scan_file(
    path: &Path,
    sec: &str,
    sub: Option<&str>,
    key: &str,
    env: &Env,
    depth: usize,
    found: &mut Lookup,
) {
    let Ok(bytes) = fs::read(path) else {
        return;
    };
    let text = String::from_utf8_lossy(&bytes);
    for_each_entry(&text, |s, sb, name, value| {
        if s.eq_ignore_ascii_case(sec) && sb == sub && name.eq_ignore_ascii_case(key) {
            found.value = Some(value.to_string());
        }
        let conditional = s.eq_ignore_ascii_case("includeif") && sb.is_some();
        if !(name.eq_ignore_ascii_case("path")
            && (conditional || (s.eq_ignore_ascii_case("include") && sb.is_none())))
        {
            return;
        }
        if depth >= MAX_INCLUDE_DEPTH {
            found.certain = false;
            return;
        }
        // Relative to the including file's folder; `~/` is the home folder.
        let target = expand_home(Path::new(value), env);
        let target = if target.is_absolute() {
            target
        } else {
            match path.parent() {
                Some(dir) => dir.join(target),
                None => {
                    found.certain = false;
                    return;
                }
            }
        };
        if conditional {
            // The condition is not evaluated: if the file may set the key, we cannot know.
            let mut inner = Lookup {
                value: None,
                certain: true,
            };
            scan_file(&target, sec, sub, key, env, depth + 1, &mut inner);
            if inner.value.is_some() || !inner.certain {
                found.certain = false;
            }
        } else {
            scan_file(&target, sec, sub, key, env, depth + 1, found);
        }
    });
}

/// Whether any file sets `section.<any subsection>.key` (e.g. `submodule.*.ignore`),
/// counting conditional includes as setting it.
pub(super) fn config_has_any(files: &[PathBuf], section: &str, key: &str, env: &Env) -> bool {
    fn scan(path: &Path, section: &str, key: &str, env: &Env, depth: usize) -> bool {
        let Ok(bytes) = fs::read(path) else {
            return false;
        };
        let text = String::from_utf8_lossy(&bytes);
        let mut hit = false;
        for_each_entry(&text, |s, _sub, name, value| {
            if hit {
                return;
            }
            if s.eq_ignore_ascii_case(section) && name.eq_ignore_ascii_case(key) {
                hit = true;
            } else if name.eq_ignore_ascii_case("path")
                && (s.eq_ignore_ascii_case("include") || s.eq_ignore_ascii_case("includeif"))
            {
                let target = expand_home(Path::new(value), env);
                let target = match path.parent() {
                    _ if target.is_absolute() => target,
                    Some(dir) => dir.join(target),
                    None => return,
                };
                hit = depth >= MAX_INCLUDE_DEPTH || scan(&target, section, key, env, depth + 1);
            }
        });
        hit
    }
    files.iter().any(|f| scan(f, section, key, env, 0))
}

/// Calls `f(section, subsection, key, value)` for every `key = value` in a config file's text.
fn for_each_entry(text: &str, mut f: impl FnMut(&str, Option<&str>, &str, &str)) {
    let mut chars = text.chars().peekable();
    let mut cur_sec = String::new();
    let mut cur_sub: Option<String> = None;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '#' || c == ';' {
            for c in chars.by_ref() {
                if c == '\n' {
                    break;
                }
            }
        } else if c == '[' {
            chars.next();
            let (s, sb) = parse_section_header(&mut chars);
            cur_sec = s;
            cur_sub = sb;
        } else if c.is_ascii_alphanumeric() {
            let mut name = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_alphanumeric() || c == '-' {
                    name.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            while chars.next_if(|&c| c == ' ' || c == '\t').is_some() {}
            let value = if chars.next_if_eq(&'=').is_some() {
                parse_config_value(&mut chars)
            } else {
                // `key` alone means true; skip whatever else is on the line.
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                "true".to_string()
            };
            f(&cur_sec, cur_sub.as_deref(), &name, &value);
        } else {
            // Not valid config syntax: skip the line.
            for c in chars.by_ref() {
                if c == '\n' {
                    break;
                }
            }
        }
    }
}

/// Parses `section]`, `section "sub"]` or the legacy `section.sub]` after the `[`.
fn parse_section_header(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
) -> (String, Option<String>) {
    let mut name = String::new();
    let mut sub = None;
    while let Some(c) = chars.next() {
        match c {
            ']' | '\n' => break,
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' | '\n' => break,
                        '\\' => {
                            if let Some(n) = chars.next() {
                                s.push(n);
                            }
                        }
                        c => s.push(c),
                    }
                }
                sub = Some(s);
            }
            c if c.is_whitespace() => {}
            c => name.push(c),
        }
    }
    match name.split_once('.') {
        Some((s, legacy)) if sub.is_none() => (s.to_string(), Some(legacy.to_ascii_lowercase())),
        _ => (name, sub),
    }
}

/// Parses a value after `=`: quotes, escapes, `#`/`;` comments, line continuations; internal
/// unquoted whitespace runs become single spaces per character, outer whitespace is dropped.
fn parse_config_value(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let mut spaces = 0usize;
    let mut comment = false;
    while let Some(c) = chars.next() {
        if c == '\n' {
            break;
        }
        if comment {
            continue;
        }
        if !quoted && (c == ' ' || c == '\t' || c == '\r') {
            if !out.is_empty() {
                spaces += 1;
            }
            continue;
        }
        if !quoted && (c == '#' || c == ';') {
            comment = true;
            continue;
        }
        out.extend(std::iter::repeat_n(' ', spaces));
        spaces = 0;
        match c {
            '"' => quoted = !quoted,
            '\\' => match chars.next() {
                Some('\n') => {}
                Some('\r') => {
                    chars.next_if_eq(&'\n');
                }
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('b') => out.push('\u{8}'),
                Some(o) => out.push(o),
                None => {}
            },
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;
    use super::*;

    #[test]
    fn config_order_and_syntax() {
        let home = tempfile::tempdir().expect("tempdir");
        let t = repo_with_files(1);
        let env = env_with_home(home.path());
        let repo = Repo::discover_with(t.path(), env.clone()).expect("repo");
        assert_eq!(repo.config_value("user", "name"), None);
        write(
            &home.path().join(".gitconfig"),
            "[user]\n\tname = Global Person\n\temail = g@e\n",
        );
        assert_eq!(
            repo.config_value("user", "name").as_deref(),
            Some("Global Person")
        );
        assert_eq!(
            repo.config_value("USER", "Name").as_deref(),
            Some("Global Person")
        );
        // XDG is read before ~/.gitconfig, so ~/.gitconfig wins.
        write(
            &home.path().join(".config/git/config"),
            "[user]\nname = Xdg\n",
        );
        assert_eq!(
            repo.config_value("user", "name").as_deref(),
            Some("Global Person")
        );
        fs::remove_file(home.path().join(".gitconfig")).expect("rm");
        assert_eq!(repo.config_value("user", "name").as_deref(), Some("Xdg"));
        // The repository's config overrides global config.
        git(t.path(), &["config", "user.name", "Repo \"Quoted\" Person"]);
        assert_eq!(
            repo.config_value("user", "name").as_deref(),
            Some("Repo \"Quoted\" Person")
        );
        // GIT_CONFIG_GLOBAL replaces the global files.
        let g = home.path().join("other.cfg");
        write(&g, "[core]\nhooksPath = ~/hooks-here\n");
        let env2 = Env {
            config_global: Some(g.clone().into()),
            ..env.clone()
        };
        let repo2 = Repo::discover_with(t.path(), env2).expect("repo");
        assert_eq!(repo2.hooks_dir(), home.path().join("hooks-here"));
        assert_eq!(
            repo2.config_value("user", "name").as_deref(),
            Some("Repo \"Quoted\" Person")
        );
    }

    #[test]
    fn config_parser_details() {
        let text = "# comment\n; other\n[User]\n  Name = \"  spaced  \" out # trailing\n\
                    [user \"Sub\"]\nname = sub value\n[core.Legacy]\nkey=legacy\n[a]b = c\\\n  d\n\
                    [flags]\nbare\n[x] y = \"a;b#c\" ; comment\n[esc]\nv = tab\\there\\\\\n";
        let get = |s: &str, sub: Option<&str>, k: &str| {
            let mut found = None;
            for_each_entry(text, |s2, sub2, k2, v| {
                if s2.eq_ignore_ascii_case(s) && sub2 == sub && k2.eq_ignore_ascii_case(k) {
                    found = Some(v.to_string());
                }
            });
            found
        };
        assert_eq!(get("user", None, "name").as_deref(), Some("  spaced   out"));
        assert_eq!(
            get("user", Some("Sub"), "name").as_deref(),
            Some("sub value")
        );
        assert_eq!(get("user", Some("sub"), "name"), None);
        assert_eq!(
            get("core", Some("legacy"), "key").as_deref(),
            Some("legacy")
        );
        assert_eq!(get("a", None, "b").as_deref(), Some("c  d"));
        assert_eq!(get("flags", None, "bare").as_deref(), Some("true"));
        assert_eq!(get("x", None, "y").as_deref(), Some("a;b#c"));
        assert_eq!(get("esc", None, "v").as_deref(), Some("tab\there\\"));
    }

    #[test]
    fn includes_are_followed_and_conditional_ones_make_a_value_uncertain() {
        let home = tempfile::tempdir().expect("tempdir");
        let env = env_with_home(home.path());
        let main = home.path().join("main.cfg");
        write(
            &home.path().join("sub/inc.cfg"),
            "[core]\nfilemode = false\n",
        );
        write(&home.path().join("cond.cfg"), "[user]\nname = Cond\n");
        // Relative to the including file; a later value in the including file wins.
        write(
            &main,
            "[core]\nfilemode = true\n[include]\npath = sub/inc.cfg\n\
             [includeIf \"gitdir:/x/\"]\npath = ~/cond.cfg\n",
        );
        let files = [main.clone()];
        let got = config_lookup(&files, "core", "filemode", &env);
        assert_eq!((got.value.as_deref(), got.certain), (Some("false"), true));
        // The conditional file sets user.name: not certain; it does not set core.symlinks.
        assert!(!config_lookup(&files, "user", "name", &env).certain);
        assert!(config_lookup(&files, "core", "symlinks", &env).certain);
        // An include loop ends, uncertain.
        write(
            &home.path().join("loop.cfg"),
            "[include]\npath = loop.cfg\n",
        );
        let looped = config_lookup(&[home.path().join("loop.cfg")], "core", "x", &env);
        assert!(!looped.certain);
        // `git -c` may set it.
        let env_c = Env {
            config_params: Some("'core.filemode'='false'".into()),
            ..env.clone()
        };
        assert!(!config_lookup(&files, "core", "filemode", &env_c).certain);
        assert!(config_lookup(&files, "core", "symlinks", &env_c).certain);
        assert!(config_has_any(&files, "user", "name", &env));
        assert!(!config_has_any(&files, "submodule", "ignore", &env));
    }

    #[test]
    fn global_config_value_reads_home() {
        // Only checks that it runs; the process environment is not ours to change.
        let _ = global_config_value("user", "name");
        let home = tempfile::tempdir().expect("tempdir");
        write(&home.path().join(".gitconfig"), "[user]\nname = Home\n");
        let files = env_with_home(home.path()).global_config_files();
        assert_eq!(
            config_lookup(&files, "user", "name", &Env::default())
                .value
                .as_deref(),
            Some("Home")
        );
    }

    #[test]
    fn hooks_dir_default_relative_absolute() {
        let home = tempfile::tempdir().expect("tempdir");
        let t = repo_with_files(1);
        let repo =
            Repo::discover_with(&t.path().join("d0"), env_with_home(home.path())).expect("repo");
        assert_eq!(repo.hooks_dir(), t.path().join(".git/hooks"));
        git(t.path(), &["config", "core.hooksPath", ".githooks"]);
        assert_eq!(repo.hooks_dir(), t.path().join(".githooks"));
        git(t.path(), &["config", "core.hooksPath", "/opt/hooks"]);
        assert_eq!(repo.hooks_dir(), PathBuf::from("/opt/hooks"));
        git(t.path(), &["config", "core.hooksPath", "~/my-hooks"]);
        assert_eq!(repo.hooks_dir(), home.path().join("my-hooks"));
    }
}
