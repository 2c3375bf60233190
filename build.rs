//! Build script: the built-in WordPiece vocabulary's table (see `write_vocab_table`), and link
//! options for the `framediff` binary only.
//!
//! On Linux with glibc the binary is linked with packed relative relocations
//! (`-z pack-relative-relocs`, DT_RELR; GNU ld 2.38+, glibc 2.36+). The binary is
//! position-independent, and its ~74,000 relative relocations as plain RELA entries make the
//! loader read 1.8 MB of relocation records at every start (about 430 page faults); packed, they
//! take 24 KB. Every start pays it: the CLI, the window, and each parsing worker
//! (`crate::isolate`). Set `FRAMEDIFF_PLAIN_RELOCS=1` to link without it (an older toolchain
//! that rejects the option).

#[allow(dead_code)]
#[path = "src/text/vocab_table.rs"]
mod vocab_table;

/// The built-in WordPiece vocabulary's hash table (`src/text/vocab_table.rs`), written to
/// OUT_DIR for `src/text/embed.rs` to include: the binary reads it in place instead of
/// building a 30,522-entry map at every start.
fn write_vocab_table() {
    println!("cargo:rerun-if-changed=assets/embeddings/vocab.txt");
    println!("cargo:rerun-if-changed=src/text/vocab_table.rs");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let vocab = std::fs::read_to_string("assets/embeddings/vocab.txt")
        .expect("assets/embeddings/vocab.txt is readable UTF-8");
    let table = vocab_table::build(&vocab).expect("the vocabulary fits u32 offsets");
    std::fs::write(out.join("vocab_slots.bin"), &table.slots).expect("OUT_DIR is writable");
    std::fs::write(out.join("vocab_spans.bin"), &table.spans).expect("OUT_DIR is writable");
    std::fs::write(out.join("vocab_distinct.rs"), table.distinct.to_string())
        .expect("OUT_DIR is writable");
}

fn main() {
    write_vocab_table();
    println!("cargo:rerun-if-env-changed=FRAMEDIFF_PLAIN_RELOCS");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" && std::env::var_os("FRAMEDIFF_PLAIN_RELOCS").is_none() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
