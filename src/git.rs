//! TEMPORARY placeholder until the real git reader lands.
use std::path::{Path, PathBuf};
use std::time::Duration;
pub struct Repo {
    root: PathBuf,
}
pub struct Head {
    pub branch: Option<String>,
    pub commit: Option<String>,
}
impl Repo {
    pub fn discover(start: &Path) -> Option<Repo> {
        let _ = start;
        None
    }
    pub fn head(&self) -> Head {
        let _ = &self.root;
        Head {
            branch: None,
            commit: None,
        }
    }
    pub fn dirty(&self, budget: Option<Duration>) -> Option<bool> {
        let _ = budget;
        None
    }
    pub fn config_value(&self, section: &str, key: &str) -> Option<String> {
        let _ = (section, key);
        None
    }
}
pub fn global_config_value(section: &str, key: &str) -> Option<String> {
    let _ = (section, key);
    None
}
