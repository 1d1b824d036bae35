//! The data home: where case files live and which case is current.
//!
//! Everything under the home is private from the moment it exists: the process sets
//! `umask(077)` before it creates anything, so SQLite's `-wal`/`-shm` files and every folder
//! are born 0600/0700 rather than fixed up afterwards.

use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::error::CaseFileError;
use crate::model::validate_slug;

/// The resolved data home and its layout.
#[derive(Debug, Clone)]
pub struct Home {
    root: PathBuf,
}

impl Home {
    /// `CASEFILE_HOME`, else the platform data dir for `casefile`.
    pub fn locate() -> Result<Home> {
        if let Some(dir) = std::env::var_os("CASEFILE_HOME").filter(|v| !v.is_empty()) {
            return Ok(Home {
                root: PathBuf::from(dir),
            });
        }
        let dirs = directories::ProjectDirs::from("", "", "casefile").context(
            "cannot find a data directory (no home directory); set CASEFILE_HOME to a folder",
        )?;
        Ok(Home {
            root: dirs.data_dir().to_path_buf(),
        })
    }

    pub fn at(root: impl Into<PathBuf>) -> Home {
        Home { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn cases_dir(&self) -> PathBuf {
        self.root.join("cases")
    }

    pub fn case_path(&self, slug: &str) -> PathBuf {
        self.cases_dir().join(format!("{slug}.sqlite"))
    }

    fn current_path(&self) -> PathBuf {
        self.root.join("current")
    }

    /// Create the home and its `cases` folder (0700) if they are missing.
    pub fn ensure(&self) -> Result<()> {
        make_private();
        let cases = self.cases_dir();
        if cases.is_dir() {
            return Ok(());
        }
        fs::create_dir_all(&cases).with_context(|| {
            format!(
                "cannot create the casefile home {}; check its permissions or set CASEFILE_HOME",
                self.root.display()
            )
        })?;
        Ok(())
    }

    /// The slug in `<home>/current`, if any.
    pub fn current_slug(&self) -> Result<Option<String>> {
        match fs::read_to_string(self.current_path()) {
            Ok(text) => {
                let slug = text.trim();
                Ok((!slug.is_empty()).then(|| slug.to_string()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => {
                Err(e).with_context(|| format!("cannot read {}", self.current_path().display()))
            }
        }
    }

    /// Make `slug` current, atomically (a reader never sees a half-written file).
    pub fn set_current(&self, slug: &str) -> Result<()> {
        self.ensure()?;
        write_atomically(&self.current_path(), format!("{slug}\n").as_bytes())
    }

    /// Forget the current case if it is `slug` (e.g. the case was deleted).
    pub fn clear_current_if(&self, slug: &str) -> Result<()> {
        if self.current_slug()?.as_deref() == Some(slug) {
            fs::remove_file(self.current_path()).ok();
        }
        Ok(())
    }

    /// Every case slug on disk, sorted.
    pub fn slugs(&self) -> Result<Vec<String>> {
        let dir = match fs::read_dir(self.cases_dir()) {
            Ok(dir) => dir,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot list {}", self.cases_dir().display()))
            }
        };
        let mut slugs = Vec::new();
        for item in dir {
            let item = item?;
            let name: OsString = item.file_name();
            let Some(name) = name.to_str() else { continue };
            if let Some(slug) = name.strip_suffix(".sqlite") {
                if validate_slug(slug).is_ok() {
                    slugs.push(slug.to_string());
                }
            }
        }
        slugs.sort();
        Ok(slugs)
    }

    /// The slug of an existing case named by `wanted`: the slug itself, or any prefix of
    /// exactly one slug (like git's abbreviated hashes). An ambiguous prefix lists the matches.
    pub fn resolve_slug(&self, wanted: &str) -> Result<String, CaseFileError> {
        let wanted = wanted.trim();
        if validate_slug(wanted).is_ok() && self.case_path(wanted).is_file() {
            return Ok(wanted.to_string());
        }
        let slugs = self.slugs().unwrap_or_default();
        let matches: Vec<&String> = if wanted.is_empty() {
            Vec::new()
        } else {
            slugs.iter().filter(|s| s.starts_with(wanted)).collect()
        };
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(CaseFileError::UnknownCase {
                slug: wanted.to_string(),
                nearest: nearest_slugs(wanted, &slugs),
            }),
            many => Err(CaseFileError::AmbiguousCase {
                prefix: wanted.to_string(),
                matches: many.iter().map(|s| s.to_string()).collect(),
            }),
        }
    }

    /// The path of an existing case, or an error that lists the nearest slugs.
    pub fn existing_case(&self, slug: &str) -> Result<PathBuf, CaseFileError> {
        if validate_slug(slug).is_ok() {
            let path = self.case_path(slug);
            if path.is_file() {
                return Ok(path);
            }
        }
        let nearest = nearest_slugs(slug, &self.slugs().unwrap_or_default());
        Err(CaseFileError::UnknownCase {
            slug: slug.to_string(),
            nearest,
        })
    }
}

/// Set the process umask so that files are 0600 and folders 0700 from creation.
pub fn make_private() {
    #[cfg(unix)]
    // SAFETY: umask only changes this process's file-creation mask and cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// Write a file by writing a temporary sibling, syncing it and renaming it over the target.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        fs::remove_file(&tmp).ok();
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
    }
    Ok(())
}

/// Up to three slugs closest to `wanted`: those containing it or contained in it first, then
/// by edit distance.
pub fn nearest_slugs(wanted: &str, slugs: &[String]) -> Vec<String> {
    let wanted_lower = wanted.to_ascii_lowercase();
    let mut scored: Vec<(usize, &String)> = slugs
        .iter()
        .map(|slug| {
            let score = if slug.contains(&wanted_lower) || wanted_lower.contains(slug.as_str()) {
                0
            } else {
                edit_distance(&wanted_lower, slug)
            };
            (score, slug)
        })
        .filter(|(score, slug)| *score <= (slug.len().max(wanted.len()) / 2).max(2))
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, s)| s.clone()).collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(128).collect();
    let b: Vec<char> = b.chars().take(128).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_prefers_containing_then_close() {
        let slugs: Vec<String> = ["db-timeout", "dns-flap", "login-loop"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(nearest_slugs("db-timout", &slugs), ["db-timeout"]);
        assert_eq!(nearest_slugs("login", &slugs), ["login-loop"]);
        assert!(nearest_slugs("zzzzzzzzzzzz", &slugs).is_empty());
    }

    #[test]
    fn atomic_write_replaces_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("current");
        write_atomically(&path, b"one\n").unwrap();
        write_atomically(&path, b"two\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
