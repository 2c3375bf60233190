//! Static sentence embeddings: the built-in token vectors distilled from all-MiniLM-L6-v2
//! (model2vec method, see `tools/distill_embeddings.py` and `assets/embeddings/NOTICE`), the
//! model's own WordPiece tokenizer that maps a sentence onto them, and cosine similarity.
//!
//! A sentence vector is the mean of its tokens' vectors, L2-normalised (as model2vec does);
//! unknown pieces (`[UNK]`) are left out. The vectors are compiled into the binary as float16 and
//! read in place, and so is the hash table of the 30,522-entry vocabulary (made by build.rs,
//! see [`super::vocab_table`]): loading the built-in embeddings builds nothing.
//!
//! The tokenizer re-implements the model's `tokenizer.json` (BertNormalizer with lowercase and
//! accent stripping, BertPreTokenizer, WordPiece with `##` continuation, 100-character word
//! limit): the `tokenizers` crate needs C/C++ code (onig, esaxx) by default and the
//! `model2vec-rs` crate pulls a hub client by default and declares no licence on crates.io,
//! so the small, documented algorithm is implemented here over the model's vocabulary.

use std::borrow::Cow;
use std::sync::OnceLock;
use thiserror::Error;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

const BUILTIN_VECTORS: &[u8] = include_bytes!("../../assets/embeddings/vectors.f16");
const BUILTIN_VOCAB: &str = include_str!("../../assets/embeddings/vocab.txt");
const MAGIC: &[u8; 8] = b"FDSTEMB1";
const HEADER: usize = 16;
/// WordPiece gives up on words longer than this many characters (`max_input_chars_per_word`).
const MAX_WORD_CHARS: usize = 100;

/// Why an embedding asset could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum EmbedError {
    #[error("the vector file does not start with the FDSTEMB1 header")]
    BadHeader,
    #[error("the vector file holds {got} bytes of vectors, {rows} rows of {dim} need {want}")]
    Truncated {
        rows: usize,
        dim: usize,
        got: usize,
        want: usize,
    },
    #[error("the vocabulary has {vocab} entries but the vector file has {rows} rows")]
    VocabMismatch { vocab: usize, rows: usize },
    #[error("the vocabulary has no [UNK] token")]
    NoUnknownToken,
}

/// The built-in vocabulary's table, made by build.rs (see [`super::vocab_table`]).
const BUILTIN_SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/vocab_slots.bin"));
const BUILTIN_SPANS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/vocab_spans.bin"));
const BUILTIN_DISTINCT: usize = include!(concat!(env!("OUT_DIR"), "/vocab_distinct.rs"));

/// The model's WordPiece tokenizer over a vocabulary (line n = token id n).
#[derive(Debug)]
pub struct WordPiece<'a> {
    vocab: &'a str,
    /// The vocabulary's hash table ([`super::vocab_table`]): the built-in one is compiled in.
    slots: Cow<'a, [u8]>,
    spans: Cow<'a, [u8]>,
    distinct: usize,
    unk: u32,
}

impl<'a> WordPiece<'a> {
    /// Builds the tokenizer from a `vocab.txt` text.
    pub fn new(vocab: &'a str) -> Result<Self, EmbedError> {
        // a vocabulary of 4 GB cannot be indexed; it has no usable [UNK] either
        let table = super::vocab_table::build(vocab).ok_or(EmbedError::NoUnknownToken)?;
        Self::with_table(
            vocab,
            Cow::Owned(table.slots),
            Cow::Owned(table.spans),
            table.distinct,
        )
    }

    fn with_table(
        vocab: &'a str,
        slots: Cow<'a, [u8]>,
        spans: Cow<'a, [u8]>,
        distinct: usize,
    ) -> Result<Self, EmbedError> {
        let mut w = WordPiece {
            vocab,
            slots,
            spans,
            distinct,
            unk: 0,
        };
        w.unk = w.id("[UNK]").ok_or(EmbedError::NoUnknownToken)?;
        Ok(w)
    }

    /// The tokenizer over the built-in vocabulary, its table read in place.
    fn builtin() -> Result<WordPiece<'static>, EmbedError> {
        WordPiece::with_table(
            BUILTIN_VOCAB,
            Cow::Borrowed(BUILTIN_SLOTS),
            Cow::Borrowed(BUILTIN_SPANS),
            BUILTIN_DISTINCT,
        )
    }

    /// The id of a vocabulary entry.
    fn id(&self, piece: &str) -> Option<u32> {
        super::vocab_table::find(self.vocab, &self.slots, &self.spans, piece)
    }

    /// Number of vocabulary entries.
    pub fn len(&self) -> usize {
        self.distinct
    }

    /// Whether the vocabulary is empty.
    pub fn is_empty(&self) -> bool {
        self.distinct == 0
    }

    /// Id of the `[UNK]` token.
    pub fn unk(&self) -> u32 {
        self.unk
    }

    /// Token ids of a text, without `[CLS]`/`[SEP]`; unknown words give `[UNK]`.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        for word in pre_tokenize(&normalize(text)) {
            self.word_pieces(word, &mut out);
        }
        out
    }

    fn word_pieces(&self, word: &str, out: &mut Vec<u32>) {
        // most words of news text are one vocabulary entry: the greedy longest-match below
        // finds the whole word first, so looking it up directly gives the same piece
        if word.len() <= MAX_WORD_CHARS
            && let Some(id) = self.id(word)
        {
            out.push(id);
            return;
        }
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() > MAX_WORD_CHARS {
            out.push(self.unk);
            return;
        }
        let before = out.len();
        let mut piece = String::new();
        let mut start = 0;
        while start < chars.len() {
            let mut end = chars.len();
            let mut found = None;
            while start < end {
                let from = chars[start].0;
                let to = chars.get(end).map_or(word.len(), |c| c.0);
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&word[from..to]);
                if let Some(id) = self.id(&piece) {
                    found = Some(id);
                    break;
                }
                end -= 1;
            }
            match found {
                Some(id) => {
                    out.push(id);
                    start = end;
                }
                None => {
                    out.truncate(before);
                    out.push(self.unk);
                    return;
                }
            }
        }
    }
}

fn is_bert_whitespace(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || c.is_whitespace()
}

fn is_bert_control(c: char) -> bool {
    if c.is_ascii() {
        // the ASCII characters of category Other are exactly the controls (Cc)
        return c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r');
    }
    c.general_category_group() == GeneralCategoryGroup::Other
}

fn is_chinese_char(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B920..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

fn is_bert_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || (!c.is_ascii() && c.general_category_group() == GeneralCategoryGroup::Punctuation)
}

/// BertNormalizer as configured for the model: clean text, space around CJK ideographs, NFD and
/// drop non-spacing marks (accents), lowercase.
fn normalize(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' || c == '\u{fffd}' || is_bert_control(c) {
            continue;
        }
        if is_bert_whitespace(c) {
            cleaned.push(' ');
        } else if is_chinese_char(c) {
            cleaned.push(' ');
            cleaned.push(c);
            cleaned.push(' ');
        } else {
            cleaned.push(c);
        }
    }
    if cleaned.is_ascii() {
        // nothing to decompose, no accents (most news text)
        cleaned.make_ascii_lowercase();
        return cleaned;
    }
    // ASCII characters decompose to themselves and are starters (canonical combining class
    // 0), so decomposition never reorders across them: the runs of other characters between
    // them are decomposed on their own (news text is mostly ASCII with curly quotes and dashes)
    let mut out = String::with_capacity(cleaned.len());
    let mut rest = cleaned.as_str();
    while !rest.is_empty() {
        let ascii = rest.find(|c: char| !c.is_ascii()).unwrap_or(rest.len());
        out.extend(rest[..ascii].chars().map(|c| c.to_ascii_lowercase()));
        rest = &rest[ascii..];
        let other = rest.find(|c: char| c.is_ascii()).unwrap_or(rest.len());
        out.extend(
            rest[..other]
                .nfd()
                .filter(|c| c.general_category() != GeneralCategory::NonspacingMark)
                .flat_map(char::to_lowercase),
        );
        rest = &rest[other..];
    }
    out
}

/// BertPreTokenizer: split on whitespace, and every punctuation character is a word of its own.
fn pre_tokenize(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || is_bert_punctuation(c) {
            if let Some(s) = start.take() {
                words.push(&text[s..i]);
            }
            if !c.is_whitespace() {
                words.push(&text[i..i + c.len_utf8()]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        words.push(&text[s..]);
    }
    words
}

/// Static token embeddings and their tokenizer.
#[derive(Debug)]
pub struct StaticEmbeddings {
    tokenizer: WordPiece<'static>,
    /// rows × dim float16, little endian, read in place.
    vectors: &'static [u8],
    rows: usize,
    dim: usize,
}

impl StaticEmbeddings {
    /// The embeddings compiled into framediff (loaded once, on first use).
    pub fn builtin() -> &'static StaticEmbeddings {
        static BUILTIN: OnceLock<StaticEmbeddings> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The built-in asset is checked by the tests; a broken build is the only way here.
            Self::load_builtin().expect("built-in embedding asset is well-formed")
        })
    }

    /// A fresh copy of the built-in embeddings (for measuring load time; prefer [`Self::builtin`]).
    pub fn load_builtin() -> Result<Self, EmbedError> {
        Self::with_tokenizer(BUILTIN_VECTORS, WordPiece::builtin)
    }

    /// Embeddings from a vector file (`FDSTEMB1` header, float16 rows) and its `vocab.txt`.
    pub fn from_parts(vectors: &'static [u8], vocab: &'static str) -> Result<Self, EmbedError> {
        Self::with_tokenizer(vectors, || WordPiece::new(vocab))
    }

    /// Embeddings from a vector file and the tokenizer over its vocabulary (made once the
    /// vector file's header is checked).
    fn with_tokenizer(
        vectors: &'static [u8],
        tokenizer: impl FnOnce() -> Result<WordPiece<'static>, EmbedError>,
    ) -> Result<Self, EmbedError> {
        if vectors.len() < HEADER || &vectors[..8] != MAGIC {
            return Err(EmbedError::BadHeader);
        }
        let u32_at = |i: usize| {
            u32::from_le_bytes([vectors[i], vectors[i + 1], vectors[i + 2], vectors[i + 3]])
                as usize
        };
        let (rows, dim) = (u32_at(8), u32_at(12));
        let body = &vectors[HEADER..];
        let want = rows.saturating_mul(dim).saturating_mul(2);
        if body.len() != want {
            return Err(EmbedError::Truncated {
                rows,
                dim,
                got: body.len(),
                want,
            });
        }
        let tokenizer = tokenizer()?;
        if tokenizer.len() != rows {
            return Err(EmbedError::VocabMismatch {
                vocab: tokenizer.len(),
                rows,
            });
        }
        Ok(StaticEmbeddings {
            tokenizer,
            vectors: body,
            rows,
            dim,
        })
    }

    /// Number of dimensions of a vector.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Number of token vectors.
    pub fn vocab_size(&self) -> usize {
        self.rows
    }

    /// The tokenizer.
    pub fn tokenizer(&self) -> &WordPiece<'static> {
        &self.tokenizer
    }

    fn add_row(&self, id: u32, acc: &mut [f32]) {
        let row = id as usize * self.dim * 2;
        let bytes = &self.vectors[row..row + self.dim * 2];
        for (a, b) in acc.iter_mut().zip(bytes.chunks_exact(2)) {
            *a += half::f16::from_le_bytes([b[0], b[1]]).to_f32();
        }
    }

    /// Unit-length sentence vector: mean of the vectors of the text's WordPiece tokens (unknown
    /// pieces left out), normalised. All zeros when the text has no known token.
    pub fn embed(&self, text: &str) -> Vec<f32> {
        let mut acc = vec![0.0f32; self.dim];
        let mut n = 0usize;
        for id in self.tokenizer.encode(text) {
            if id == self.tokenizer.unk() || id as usize >= self.rows {
                continue;
            }
            self.add_row(id, &mut acc);
            n += 1;
        }
        if n == 0 {
            return acc;
        }
        let norm = acc.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 && norm.is_finite() {
            acc.iter_mut().for_each(|x| *x /= norm);
        }
        acc
    }
}

impl StaticEmbeddings {
    /// [`Self::embed`] of many texts at once (in parallel), decoding each distinct token's
    /// float16 row once instead of once per occurrence; the same vectors, in input order.
    pub fn embed_all(&self, texts: &[&str]) -> Vec<Vec<f32>> {
        use rayon::prelude::*;
        let ids: Vec<Vec<u32>> = texts
            .par_iter()
            .map(|t| {
                let mut v = self.tokenizer.encode(t);
                v.retain(|&id| id != self.tokenizer.unk() && (id as usize) < self.rows);
                v
            })
            .collect();
        let mut distinct: Vec<u32> = ids.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        let decoded: Vec<Vec<f32>> = distinct
            .par_iter()
            .map(|&id| {
                let mut row = vec![0.0f32; self.dim];
                self.add_row(id, &mut row);
                row
            })
            .collect();
        ids.par_iter()
            .map(|sentence| {
                let mut acc = vec![0.0f32; self.dim];
                for id in sentence {
                    if let Ok(k) = distinct.binary_search(id) {
                        for (a, x) in acc.iter_mut().zip(&decoded[k]) {
                            *a += x;
                        }
                    }
                }
                let norm = acc.iter().map(|x| x * x).sum::<f32>().sqrt();
                if norm > 0.0 && norm.is_finite() {
                    acc.iter_mut().for_each(|x| *x /= norm);
                }
                acc
            })
            .collect()
    }
}

/// The static embedding of every sentence of a set of articles, computed once per analysis
/// and read by sentence alignment and by the omission check: one flat table of rows (one per
/// sentence, in article order) with each row's squared norm.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceVectors {
    dim: usize,
    /// rows × dim.
    data: Vec<f32>,
    /// Squared norm of each row ([`squared_norm`]).
    norm2: Vec<f32>,
    /// First row of each article, and one past the last row at the end.
    first_row: Vec<usize>,
}

impl SentenceVectors {
    /// Embeds the sentences of each article (`articles[i]` lists article `i`'s sentences) with
    /// `embeddings`, in parallel.
    pub fn new(embeddings: &StaticEmbeddings, articles: &[Vec<&str>]) -> SentenceVectors {
        let texts: Vec<&str> = articles.iter().flatten().copied().collect();
        let rows = embeddings.embed_all(&texts);
        let mut first_row = Vec::with_capacity(articles.len() + 1);
        let mut next = 0;
        for a in articles {
            first_row.push(next);
            next += a.len();
        }
        first_row.push(next);
        let dim = embeddings.dim();
        let mut data = Vec::with_capacity(rows.len() * dim);
        let mut norm2 = Vec::with_capacity(rows.len());
        for r in &rows {
            norm2.push(squared_norm(r));
            data.extend_from_slice(r);
        }
        SentenceVectors {
            dim,
            data,
            norm2,
            first_row,
        }
    }

    /// The row of sentence `sentence` of article `article`, if there is one.
    pub fn row(&self, article: usize, sentence: usize) -> Option<usize> {
        let start = *self.first_row.get(article)?;
        let end = *self.first_row.get(article + 1)?;
        (start + sentence < end).then_some(start + sentence)
    }

    /// A row's vector and squared norm (an empty vector for a row out of range).
    pub fn vector(&self, row: usize) -> (&[f32], f32) {
        match self.norm2.get(row) {
            Some(&n) => (&self.data[row * self.dim..(row + 1) * self.dim], n),
            None => (&[], 0.0),
        }
    }

    /// Cosine of two rows' vectors ([`cosine_with_norms`]); 0 for a row out of range.
    pub fn cosine(&self, a: usize, b: usize) -> f32 {
        let ((va, na), (vb, nb)) = (self.vector(a), self.vector(b));
        cosine_with_norms(va, na, vb, nb)
    }
}

/// Cosine similarity of two vectors; 0 when either is all zeros or the lengths differ.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    cosine_with_norms(a, squared_norm(a), b, squared_norm(b))
}

/// Sum of squares of a vector's components (what [`cosine`] divides by), added as [`dot`] adds.
pub fn squared_norm(a: &[f32]) -> f32 {
    dot(a, a)
}

/// Dot product of two vectors of one length (the shorter one's, if not). Products are summed in
/// eight running sums, then those in order: a fixed order, so the same vectors always give the
/// same bits, and one the compiler turns into vector instructions (a single running sum must
/// add one product at a time).
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    const LANES: usize = 8;
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut sums = [0.0f32; LANES];
    let (ca, cb) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .fold(0.0, |s, x| s + x);
    for (x, y) in ca.zip(cb) {
        for k in 0..LANES {
            sums[k] += x[k] * y[k];
        }
    }
    sums.iter().fold(0.0, |s, x| s + x) + tail
}

/// [`cosine`] with both squared norms known ([`squared_norm`]): one pass over the vectors
/// instead of three, for comparing each of many vectors with many others.
pub fn cosine_with_norms(a: &[f32], a_norm2: f32, b: &[f32], b_norm2: f32) -> f32 {
    if a.len() != b.len() || a_norm2 == 0.0 || b_norm2 == 0.0 {
        return 0.0;
    }
    (dot(a, b) / (a_norm2.sqrt() * b_norm2.sqrt())).clamp(-1.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emb() -> &'static StaticEmbeddings {
        StaticEmbeddings::builtin()
    }

    fn sim(a: &str, b: &str) -> f32 {
        cosine(&emb().embed(a), &emb().embed(b))
    }

    #[test]
    fn normalising_by_runs_agrees_with_decomposing_the_whole_text() {
        let whole = |t: &str| -> String {
            t.nfd()
                .filter(|c| c.general_category() != GeneralCategory::NonspacingMark)
                .flat_map(char::to_lowercase)
                .collect()
        };
        for t in [
            "Zelenskyy’s “plan” — Café Ängström",
            "e\u{301}\u{323}x a\u{323}\u{301} İstanbul ǅ ﬁ",
            "\u{301}leading mark, trailing e\u{301}",
            "Ελληνικά, русский mixed with ASCII",
            "ASCII only, Upper Case",
        ] {
            assert_eq!(normalize(t), whole(t), "{t}");
        }
    }

    #[test]
    fn ascii_control_fast_path_agrees_with_the_general_category() {
        for c in (0u8..128).map(char::from) {
            let general = !matches!(c, '\t' | '\n' | '\r')
                && c.general_category_group() == GeneralCategoryGroup::Other;
            assert_eq!(is_bert_control(c), general, "{c:?}");
        }
    }

    fn pieces(text: &str) -> Vec<String> {
        let vocab: Vec<&str> = BUILTIN_VOCAB.lines().collect();
        emb()
            .tokenizer()
            .encode(text)
            .into_iter()
            .map(|id| vocab[id as usize].to_string())
            .collect()
    }

    #[test]
    fn sentence_vectors_keep_each_article_s_rows() {
        let articles = vec![
            vec!["The harbour strike ended.", "Crews went back to work."],
            vec![],
            vec!["Dock workers ended their strike."],
        ];
        let v = SentenceVectors::new(emb(), &articles);
        assert_eq!(v.row(0, 1), Some(1));
        assert_eq!(v.row(0, 2), None);
        assert_eq!(v.row(1, 0), None);
        assert_eq!(v.row(2, 0), Some(2));
        assert_eq!(v.row(3, 0), None);
        let (row, n) = v.vector(2);
        let one = emb().embed("Dock workers ended their strike.");
        assert_eq!(row, one.as_slice());
        assert_eq!(n, squared_norm(&one));
        assert_eq!(v.vector(9), (&[][..], 0.0));
        assert_eq!(v.cosine(0, 2), cosine(&emb().embed(articles[0][0]), &one));
        assert!(v.cosine(0, 2) > v.cosine(1, 2));
        assert_eq!(v.cosine(0, 9), 0.0);
    }

    #[test]
    fn embed_all_gives_the_vectors_of_embed() {
        let texts = [
            "Putin scorned the Swiss summit.",
            "",
            "Heavy rain, 12 mm.",
            "unaffable",
        ];
        let all = emb().embed_all(&texts);
        assert_eq!(all.len(), texts.len());
        for (t, v) in texts.iter().zip(&all) {
            let one = emb().embed(t);
            assert_eq!(v.len(), one.len());
            assert!(v.iter().zip(&one).all(|(a, b)| (a - b).abs() < 1e-5), "{t}");
        }
        assert!(all[1].iter().all(|&x| x == 0.0));
    }

    #[test]
    fn the_compiled_in_vocabulary_table_finds_every_token_at_its_line() {
        let builtin = WordPiece::builtin().unwrap();
        let built = WordPiece::new(BUILTIN_VOCAB).unwrap();
        // the straightforward map: each line's text to its line number, later lines winning
        let mut map: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
        map.extend(
            BUILTIN_VOCAB
                .lines()
                .enumerate()
                .map(|(i, t)| (t, i as u32)),
        );
        assert_eq!(map.len(), 30522);
        assert_eq!((builtin.len(), built.len()), (map.len(), map.len()));
        assert_eq!(builtin.unk(), map["[UNK]"]);
        for (&token, &id) in &map {
            assert_eq!(builtin.id(token), Some(id), "{token:?}");
            assert_eq!(built.id(token), Some(id), "{token:?}");
        }
        for token in map.keys().step_by(5) {
            for absent in [
                format!("{token}\u{1}"),
                format!("\u{1}{token}"),
                format!("{token}\n"),
            ] {
                assert_eq!(builtin.id(&absent), map.get(absent.as_str()).copied());
            }
        }
        assert_eq!(builtin.id(""), None);
    }

    #[test]
    fn a_vocabulary_given_at_run_time_is_read_as_a_map_of_its_lines() {
        let w = WordPiece::new("a\r\n[UNK]\nb\na\n##c").unwrap();
        assert_eq!(
            (w.id("a"), w.id("b"), w.id("##c"), w.unk()),
            (Some(3), Some(2), Some(4), 1)
        );
        assert_eq!((w.len(), w.id("c"), w.id("a\r")), (4, None, None));
        assert_eq!(w.encode("b a bc"), [2, 3, 2, 4]);
        assert_eq!(WordPiece::new("").unwrap_err(), EmbedError::NoUnknownToken);
        assert!(WordPiece::new("[UNK]").unwrap().id("[UNK]") == Some(0));
    }

    #[test]
    fn builtin_asset_shape() {
        assert_eq!(emb().vocab_size(), 30522);
        assert_eq!(emb().dim(), 256);
    }

    #[test]
    fn wordpiece_matches_the_model_tokenizer() {
        // Expected pieces written from the model's algorithm: lowercase, accents stripped,
        // punctuation split off, greedy longest-match with ## continuations.
        assert_eq!(pieces("Hello, World!"), ["hello", ",", "world", "!"]);
        assert_eq!(pieces("Café RÉSUMÉ"), ["cafe", "resume"]);
        assert_eq!(pieces("unaffable"), ["una", "##ffa", "##ble"]);
        assert_eq!(pieces("don't"), ["don", "'", "t"]);
        assert_eq!(pieces("  \t\n "), Vec::<String>::new());
        assert_eq!(pieces("中国"), ["中", "国"]);
        let long = "x".repeat(101);
        assert_eq!(pieces(&long), ["[UNK]"]);
    }

    #[test]
    fn wordpiece_agrees_with_reference_ids() {
        // Ids produced by the model's reference tokenizer (`tokenizers` library, tokenizer.json of
        // all-MiniLM-L6-v2) for sentences written for this test; see tools/README.md.
        let cases: &[(&str, &[u32])] = &[
            (
                "The summit was pointless, officials said.",
                &[1996, 6465, 2001, 23100, 1010, 4584, 2056, 1012],
            ),
            (
                "Zürich's mayor—unexpectedly—resigned in 2024!",
                &[
                    10204, 1005, 1055, 3664, 1517, 14153, 1517, 5295, 1999, 16798, 2549, 999,
                ],
            ),
            (
                "Ångström… naïve coöperation “quoted” \u{200b} zero-width",
                &[
                    17076, 15687, 1529, 15743, 6792, 1523, 9339, 1524, 5717, 1011, 9381,
                ],
            ),
            (
                "Straße ﬁnance ① Ⅻ ½ ²",
                &[2358, 27807, 1984, 7229, 3401, 100, 100, 1092, 1082],
            ),
            (
                "Dr. O'Neil-Smith paid $3.5bn (€3bn) on 12/03.",
                &[
                    2852, 1012, 1051, 1005, 6606, 1011, 3044, 3825, 1002, 1017, 1012, 1019, 24700,
                    1006, 1574, 2509, 24700, 1007, 2006, 2260, 1013, 6021, 1012,
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(emb().tokenizer().encode(text), *want, "{text}");
        }
    }

    #[test]
    fn paraphrases_score_higher_than_unrelated_sentences() {
        let pairs = [
            (
                "The summit was pointless",
                "The conference was meaningless",
                "Troops advanced near the city",
            ),
            (
                "The minister resigned after the scandal",
                "Following the affair, the secretary stepped down",
                "Heavy rain flooded the village fields",
            ),
            (
                "Prices of fuel rose sharply this week",
                "Petrol costs climbed steeply in recent days",
                "The striker scored twice in the final",
            ),
        ];
        for (a, para, other) in pairs {
            let (p, u) = (sim(a, para), sim(a, other));
            assert!(p > u, "{a:?}: paraphrase {p} <= unrelated {u}");
        }
    }

    #[test]
    fn loader_agrees_with_numpy_reference() {
        // Computed at build time in numpy from vectors.f16 and the reference tokenizer (mean of
        // the token rows, normalised); see tools/README.md.
        let v = emb().embed("The summit was pointless");
        let want = [0.185_631_4, 0.145_580_1, 0.025_314_39, 0.029_250_19];
        for (got, want) in v.iter().zip(want) {
            assert!((got - want).abs() < 1e-4, "{got} vs {want}");
        }
        let s = sim("The summit was pointless", "The conference was meaningless");
        assert!((s - 0.5388).abs() < 1e-3, "{s}");
    }

    #[test]
    fn embedding_is_deterministic_and_unit_length() {
        let a = emb().embed("Rescue teams reached the stranded climbers at dawn.");
        let b = emb().embed("Rescue teams reached the stranded climbers at dawn.");
        assert_eq!(a, b);
        let norm = a.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "norm {norm}");
        assert!((sim("same words", "same words") - 1.0).abs() < 1e-4);
    }

    #[test]
    fn empty_and_odd_input_do_not_panic() {
        for text in [
            "",
            "   ",
            "\u{0}\u{fffd}",
            "🙂🙂",
            "\u{200b}",
            &"é".repeat(5000),
        ] {
            let v = emb().embed(text);
            assert_eq!(v.len(), 256);
            assert!(v.iter().all(|x| x.is_finite()));
        }
        assert_eq!(emb().embed("").iter().filter(|x| **x != 0.0).count(), 0);
        assert_eq!(cosine(&emb().embed(""), &emb().embed("a sentence")), 0.0);
        assert_eq!(cosine(&[1.0, 0.0], &[1.0]), 0.0);
    }

    #[test]
    fn malformed_assets_are_errors() {
        assert_eq!(
            StaticEmbeddings::from_parts(b"nope", "[UNK]").unwrap_err(),
            EmbedError::BadHeader
        );
        static SHORT: &[u8] = b"FDSTEMB1\x02\x00\x00\x00\x02\x00\x00\x00\x00\x00";
        assert!(matches!(
            StaticEmbeddings::from_parts(SHORT, "[UNK]\na"),
            Err(EmbedError::Truncated { .. })
        ));
        static ONE: &[u8] = b"FDSTEMB1\x01\x00\x00\x00\x01\x00\x00\x00\x00\x3c";
        assert_eq!(
            StaticEmbeddings::from_parts(ONE, "[UNK]\na").unwrap_err(),
            EmbedError::VocabMismatch { vocab: 2, rows: 1 }
        );
        assert_eq!(
            StaticEmbeddings::from_parts(ONE, "a").unwrap_err(),
            EmbedError::NoUnknownToken
        );
        let ok = StaticEmbeddings::from_parts(ONE, "[UNK]").unwrap();
        assert_eq!(ok.dim(), 1);
    }
}
