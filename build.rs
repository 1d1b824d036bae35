//! Link the `casefile` binary as a non-position-independent executable on Linux.
//!
//! casefile runs once per shell command, so its start-up is most of a write's cost. A PIE
//! build carries ~43,000 dynamic relocations (static tables in clap, chrono-tz, SQLite, the
//! redaction rules) that the loader applies, page by page, before `main`: measured here that
//! was ~1.3 ms of a ~3.5 ms `casefile --version`. A non-PIE executable resolves them at link
//! time (about 200 remain). The price is that the executable's own code is not
//! address-randomised (shared libraries, heap and stack still are).
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
