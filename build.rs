//! Build script: link options for the `framediff` binary only (the library is untouched).
//!
//! On Linux with glibc the binary is linked with packed relative relocations
//! (`-z pack-relative-relocs`, DT_RELR; GNU ld 2.38+, glibc 2.36+). The binary is
//! position-independent, and its ~74,000 relative relocations as plain RELA entries make the
//! loader read 1.8 MB of relocation records at every start (about 430 page faults); packed, they
//! take 24 KB. Every start pays it: the CLI, the window, and each parsing worker
//! (`crate::isolate`). Set `FRAMEDIFF_PLAIN_RELOCS=1` to link without it (an older toolchain
//! that rejects the option).

fn main() {
    println!("cargo:rerun-if-env-changed=FRAMEDIFF_PLAIN_RELOCS");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" && std::env::var_os("FRAMEDIFF_PLAIN_RELOCS").is_none() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
