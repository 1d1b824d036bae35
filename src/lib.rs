//! casefile: a terminal-first investigation journal.
//!
//! Data flows one way: [`cli`] → [`commands`] → ([`model`], [`store`], [`time`], [`context`],
//! [`redact`]) → [`render`]. Nothing below `commands` prints; nothing above `store` writes SQL.

pub mod attach;
pub mod briefing;
pub mod bundle;
pub mod cli;
pub mod commands;
pub mod complete;
pub mod config;
pub mod context;
pub mod editor;
pub mod error;
pub mod export;
pub mod git;
pub mod home;
pub mod hooks;
pub mod model;
pub mod redact;
pub mod render;
pub mod runner;
pub mod stdin;
pub mod store;
pub mod sync;
pub mod time;
