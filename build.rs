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
/// those it is an irregular form of (exception lists), and the synsets it is a lemma of; and
/// each synset's part of speech and similar-to targets. Written to OUT_DIR for
/// `src/text/wordnet.rs` to read in place (`parts_of_speech`, `meaning_tie`) without parsing the
/// synsets: the words sorted by their bytes and joined by newlines, the start of each (and the
/// end of the last) as little-endian u32, one byte per word (bit `i` for the part of speech `i`
/// in the order noun, verb, adjective, adverb: low four bits as a lemma, high four as an
/// irregular form); each word's first entry in a pool of synset ids (u32, and one past the
/// last); each word's first entry in a pool of its exception-list bases (u32: part of speech
/// << 28 | the base's index); a byte per synset (its part of speech, 255 for none); each
/// synset's first entry in a pool of similar-to targets; and the broad heads, the synsets more
/// than 25 others name as similar (sorted u32).
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
    // word -> (parts-of-speech byte, synsets it is a lemma of); per synset (its line): its
    // part of speech (255 for none) and its similar-to (`&`) targets
    let mut words: std::collections::BTreeMap<String, (u8, Vec<u32>)> =
        std::collections::BTreeMap::new();
    let mut synset_pos: Vec<u8> = Vec::new();
    let mut similar: Vec<Vec<u32>> = Vec::new();
    let synsets = std::fs::read_to_string("assets/wordnet/synsets.txt")
        .expect("assets/wordnet/synsets.txt is readable UTF-8");
    for (i, line) in synsets.lines().enumerate() {
        let mut cols = line.split('\t');
        let b = cols.next().and_then(bit);
        synset_pos.push(b.unwrap_or(255));
        let lemmas = cols.next().unwrap_or("");
        let pointers = cols.next().unwrap_or("");
        let Some(b) = b else {
            similar.push(Vec::new());
            continue;
        };
        similar.push(
            pointers
                .split_whitespace()
                .filter_map(|p| p.strip_prefix('&')?.parse::<u32>().ok())
                .collect(),
        );
        let id = u32::try_from(i).expect("fewer than 4 billion synsets");
        for lemma in lemmas.split_whitespace() {
            let entry = words.entry(lemma.to_string()).or_default();
            entry.0 |= 1 << b;
            entry.1.push(id);
        }
    }
    let exceptions = std::fs::read_to_string("assets/wordnet/exceptions.txt")
        .expect("assets/wordnet/exceptions.txt is readable UTF-8");
    // (part of speech, irregular form, its bases), every base in the word list too
    let mut irregular: Vec<(u8, &str, Vec<&str>)> = Vec::new();
    for line in exceptions.lines() {
        let mut cols = line.split('\t');
        let (Some(b), Some(form)) = (cols.next().and_then(bit), cols.next()) else {
            continue;
        };
        words.entry(form.to_string()).or_default().0 |= 1 << (b + 4);
        let bases: Vec<&str> = cols.next().unwrap_or("").split_whitespace().collect();
        for base in &bases {
            words.entry(base.to_string()).or_default();
        }
        irregular.push((b, form, bases));
    }
    let index_of: std::collections::BTreeMap<&str, usize> = words
        .keys()
        .enumerate()
        .map(|(k, w)| (w.as_str(), k))
        .collect();
    // each word's exception bases as (part of speech << 28 | base's index), in file order
    let mut bases_of: Vec<Vec<u32>> = vec![Vec::new(); words.len()];
    for (b, form, bases) in &irregular {
        for base in bases {
            let entry = (u32::from(*b) << 28)
                | u32::try_from(index_of[base]).expect("fewer than 2^28 words");
            bases_of[index_of[form]].push(entry);
        }
    }
    // synsets that more than 25 synsets name as similar: broad heads
    let mut in_degree: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
    for targets in &similar {
        for &t in targets {
            *in_degree.entry(t).or_default() += 1;
        }
    }
    let broad: Vec<u8> = in_degree
        .iter()
        .filter(|&(_, &n)| n > 25)
        .flat_map(|(t, _)| t.to_le_bytes())
        .collect();
    let (mut text, mut starts, mut bits) = (String::new(), Vec::new(), Vec::new());
    for (w, (b, _)) in &words {
        starts.extend_from_slice(&le_u32(text.len()));
        text.push_str(w);
        text.push('\n');
        bits.push(*b);
    }
    starts.extend_from_slice(&le_u32(text.len()));
    let (synset_starts, synset_pool) = pooled(words.values().map(|(_, ids)| ids));
    let (exception_starts, exception_pool) = pooled(&bases_of);
    let (similar_starts, similar_pool) = pooled(&similar);
    let dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(dir.join("wordnet_words.txt"), text).expect("OUT_DIR is writable");
    std::fs::write(dir.join("wordnet_word_starts.bin"), starts).expect("OUT_DIR is writable");
    std::fs::write(dir.join("wordnet_word_parts.bin"), bits).expect("OUT_DIR is writable");
    for (name, bytes) in [
        ("wordnet_word_synset_starts.bin", synset_starts),
        ("wordnet_word_synsets.bin", synset_pool),
        ("wordnet_synset_pos.bin", synset_pos),
        ("wordnet_similar_starts.bin", similar_starts),
        ("wordnet_similar.bin", similar_pool),
        ("wordnet_exception_starts.bin", exception_starts),
        ("wordnet_exceptions.bin", exception_pool),
        ("wordnet_broad_heads.bin", broad),
    ] {
        std::fs::write(dir.join(name), bytes).expect("OUT_DIR is writable");
    }
}

/// A size as a little-endian u32.
fn le_u32(v: usize) -> [u8; 4] {
    u32::try_from(v)
        .expect("the tables are smaller than 4 GB")
        .to_le_bytes()
}

/// Lists of u32 as one pool (little-endian) and where each list starts in it, with one past
/// the last at the end.
fn pooled<'a>(lists: impl IntoIterator<Item = &'a Vec<u32>>) -> (Vec<u8>, Vec<u8>) {
    let (mut starts, mut pool) = (Vec::new(), Vec::new());
    for list in lists {
        starts.extend_from_slice(&le_u32(pool.len() / 4));
        for v in list {
            pool.extend_from_slice(&v.to_le_bytes());
        }
    }
    starts.extend_from_slice(&le_u32(pool.len() / 4));
    (starts, pool)
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
