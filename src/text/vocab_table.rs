//! The WordPiece vocabulary as an open-addressing hash table over the `vocab.txt` text: token
//! id n is line n (as `str::lines` splits them), and a later line with the text of an earlier
//! one takes its place, as inserting the lines into a map in order does. The table is plain
//! little-endian bytes, so the build script (`build.rs`, which compiles this file too) makes
//! the built-in vocabulary's table once and the binary reads it in place: no start-up cost.
//! A vocabulary given at run time gets its table built by the same code.
//!
//! Layout: `slots` holds a power-of-two count of u32 token ids (`u32::MAX` for an empty slot),
//! found from [`hash`] by linear probing; `spans` holds each id's (start, end) byte offsets in
//! the vocabulary text, as two u32.

/// An empty slot.
pub const EMPTY: u32 = u32::MAX;

/// FNV-1a over the token's bytes, its high bits folded into the low ones (the table takes the
/// low bits).
pub fn hash(token: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in token {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h ^ (h >> 16)
}

/// Entry `i` of a table of little-endian u32 (none past its end).
pub(crate) fn u32_at(bytes: &[u8], i: usize) -> Option<u32> {
    let b = bytes.get(4 * i..4 * i + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Binary search over `len` entries sorted ascending: the index of the entry `order` says is
/// equal to the key sought (`order(i)` orders entry `i` against the key); none when no entry
/// is, or when `order` cannot read an entry it is asked for.
pub(crate) fn find_sorted(
    len: usize,
    mut order: impl FnMut(usize) -> Option<std::cmp::Ordering>,
) -> Option<usize> {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match order(mid)? {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// The bytes of token `id` (no check of char boundaries, for hashing and comparing).
fn token_bytes<'a>(vocab: &'a str, spans: &[u8], id: u32) -> Option<&'a [u8]> {
    let id = id as usize;
    let (start, end) = (u32_at(spans, 2 * id)?, u32_at(spans, 2 * id + 1)?);
    vocab.as_bytes().get(start as usize..end as usize)
}

/// The id of `piece` in a vocabulary and its table; none when it is not in the vocabulary
/// (or the table does not fit the text).
pub fn find(vocab: &str, slots: &[u8], spans: &[u8], piece: &str) -> Option<u32> {
    let size = slots.len() / 4;
    if !size.is_power_of_two() {
        return None;
    }
    let mask = size - 1;
    let mut k = hash(piece.as_bytes()) as usize & mask;
    // the table is at most half full: an empty slot comes before `size` probes
    for _ in 0..size {
        let id = u32_at(slots, k)?;
        if id == EMPTY {
            return None;
        }
        if token_bytes(vocab, spans, id)? == piece.as_bytes() {
            return Some(id);
        }
        k = (k + 1) & mask;
    }
    None
}

/// A vocabulary's table.
pub struct Table {
    /// Token ids by slot, little endian.
    pub slots: Vec<u8>,
    /// (start, end) of each token id's text, little endian.
    pub spans: Vec<u8>,
    /// Number of distinct tokens.
    pub distinct: usize,
}

/// Builds the table of a `vocab.txt` text (one token a line, line n = id n). None when the
/// text is too large for u32 offsets and ids.
pub fn build(vocab: &str) -> Option<Table> {
    if vocab.len() >= EMPTY as usize {
        return None;
    }
    let base = vocab.as_ptr() as usize;
    let mut spans = Vec::new();
    let mut lines = 0usize;
    for line in vocab.lines() {
        let start = line.as_ptr() as usize - base;
        spans.extend_from_slice(&(start as u32).to_le_bytes());
        spans.extend_from_slice(&((start + line.len()) as u32).to_le_bytes());
        lines += 1;
    }
    let size = (2 * lines).next_power_of_two().max(2);
    let mask = size - 1;
    let mut ids = vec![EMPTY; size];
    let mut distinct = 0;
    for id in 0..lines as u32 {
        let text = token_bytes(vocab, &spans, id)?;
        let mut k = hash(text) as usize & mask;
        loop {
            let at = ids[k];
            if at == EMPTY {
                ids[k] = id;
                distinct += 1;
                break;
            }
            if token_bytes(vocab, &spans, at)? == text {
                // a later line with the same text takes the id
                ids[k] = id;
                break;
            }
            k = (k + 1) & mask;
        }
    }
    Some(Table {
        slots: ids.iter().flat_map(|id| id.to_le_bytes()).collect(),
        spans,
        distinct,
    })
}
