//! Build script: the built-in WordPiece vocabulary's table (see `write_vocab_table`), the
//! line starts of the entity tables (`write_line_starts`), WordNet's parts of speech per word
//! (`write_parts_of_speech`), and link options for the `framediff` binary only.
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

/// Where each entry line of an assets/entities table starts and where its key ends (after the
/// `#` header lines, empty lines left out), as little-endian u32 pairs, written to OUT_DIR for
/// `src/frame/entities.rs` to binary-search without building an index at start.
fn write_line_starts(name: &str) {
    let path = format!("assets/entities/{name}.txt");
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(&path).expect("the entity table is readable UTF-8");
    let bytes = text.as_bytes();
    let mut start = 0usize;
    while bytes.get(start) == Some(&b'#') {
        start = text[start..]
            .find('\n')
            .map_or(bytes.len(), |n| start + n + 1);
    }
    let mut out = Vec::new();
    for line in bytes[start..].split(|&b| b == b'\n') {
        if !line.is_empty() {
            // the key ends at " |" (or with the line)
            let key = line
                .windows(2)
                .position(|w| w == b" |")
                .unwrap_or(line.len());
            for at in [start, start + key] {
                let at = u32::try_from(at).expect("the table is smaller than 4 GB");
                out.extend_from_slice(&at.to_le_bytes());
            }
        }
        start += line.len() + 1;
    }
    let dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(dir.join(format!("{name}.lines")), out).expect("OUT_DIR is writable");
}

/// Each word WordNet lists (`assets/wordnet`), with the parts of speech it is a lemma of and
/// those it is an irregular form of (exception lists), written to OUT_DIR for
/// `src/text/wordnet.rs` to binary-search (`knows_as`) without parsing the synsets: the words
/// sorted by their bytes and joined by newlines, the start of each (and the end of the last)
/// as little-endian u32, and one byte per word (bit `i` for the part of speech `i` in the
/// order noun, verb, adjective, adverb: low four bits as a lemma, high four as an irregular form).
fn write_parts_of_speech() {
    println!("cargo:rerun-if-changed=assets/wordnet/synsets.txt");
    println!("cargo:rerun-if-changed=assets/wordnet/exceptions.txt");
    let bit = |letter: &str| match letter {
        "n" => Some(0u8),
        "v" => Some(1),
        "a" | "s" => Some(2),
        "r" => Some(3),
        _ => None,
    };
    let mut words: std::collections::BTreeMap<String, u8> = std::collections::BTreeMap::new();
    let synsets = std::fs::read_to_string("assets/wordnet/synsets.txt")
        .expect("assets/wordnet/synsets.txt is readable UTF-8");
    for line in synsets.lines() {
        let mut cols = line.split('\t');
        let Some(b) = cols.next().and_then(bit) else {
            continue;
        };
        for lemma in cols.next().unwrap_or("").split_whitespace() {
            *words.entry(lemma.to_string()).or_default() |= 1 << b;
        }
    }
    let exceptions = std::fs::read_to_string("assets/wordnet/exceptions.txt")
        .expect("assets/wordnet/exceptions.txt is readable UTF-8");
    for line in exceptions.lines() {
        let mut cols = line.split('\t');
        let (Some(b), Some(form)) = (cols.next().and_then(bit), cols.next()) else {
            continue;
        };
        *words.entry(form.to_string()).or_default() |= 1 << (b + 4);
    }
    let (mut text, mut starts, mut bits) = (String::new(), Vec::new(), Vec::new());
    for (w, b) in &words {
        let at = u32::try_from(text.len()).expect("the word list is smaller than 4 GB");
        starts.extend_from_slice(&at.to_le_bytes());
        text.push_str(w);
        text.push('\n');
        bits.push(*b);
    }
    let end = u32::try_from(text.len()).expect("the word list is smaller than 4 GB");
    starts.extend_from_slice(&end.to_le_bytes());
    let dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(dir.join("wordnet_words.txt"), text).expect("OUT_DIR is writable");
    std::fs::write(dir.join("wordnet_word_starts.bin"), starts).expect("OUT_DIR is writable");
    std::fs::write(dir.join("wordnet_word_parts.bin"), bits).expect("OUT_DIR is writable");
}

fn main() {
    write_vocab_table();
    write_line_starts("nouns");
    write_line_starts("first_names");
    write_parts_of_speech();
    println!("cargo:rerun-if-env-changed=FRAMEDIFF_PLAIN_RELOCS");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" && std::env::var_os("FRAMEDIFF_PLAIN_RELOCS").is_none() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
