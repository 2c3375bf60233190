//! Word tokens with byte offsets, lower-cased forms and Snowball (Porter2) stems, plus the
//! English stop-word list the analysis ignores (data in assets/text/stopwords.txt).

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// A word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word in the text it was taken from.
    pub start: usize,
    pub end: usize,
    /// Lower-cased surface form (curly apostrophes folded to `'`).
    pub lower: String,
    /// Snowball English stem of `lower`.
    pub stem: String,
    /// Whether the surface form starts with an upper-case letter.
    pub capitalized: bool,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Stems one lower-cased word. Stems are memoised per thread: news text repeats its words
/// (Zipf), so most calls are a hash look-up instead of a Snowball run.
pub fn stem(lower: &str) -> String {
    thread_local! {
        static CACHE: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
            std::cell::RefCell::new(rustc_hash::FxHashMap::default());
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(lower) {
            return s.clone();
        }
        let s = stemmer().stem(lower).into_owned();
        if cache.len() < 200_000 {
            cache.insert(lower.to_string(), s.clone());
        }
        s
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits text into word tokens. Internal apostrophes and hyphens stay inside a word
/// ("Dunmore's", "well-known"); a possessive "'s" is dropped from `lower` and `stem`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                chars.next();
            } else if matches!(d, '\'' | '’' | '-' | '‐') {
                // keep only when followed by a word character
                let mut look = chars.clone();
                look.next();
                match look.peek() {
                    Some(&(_, e)) if is_word_char(e) => {
                        chars.next();
                        end = j + d.len_utf8();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        let surface = &text[start..end];
        let mut lower = if surface.is_ascii() {
            surface.to_ascii_lowercase()
        } else {
            surface.to_lowercase().replace('’', "'")
        };
        if lower.ends_with("'s") {
            lower.truncate(lower.len() - 2);
        }
        let stem = stem(&lower);
        out.push(Token {
            start,
            end,
            capitalized: surface.chars().next().is_some_and(char::is_uppercase),
            lower,
            stem,
        });
    }
    out
}

/// The stop-word list (assets/text/stopwords.txt: one word a line, `#` comments).
pub const STOPWORDS: &str = include_str!("../../assets/text/stopwords.txt");

/// Whether a lower-cased word is an English function word that carries no topic.
pub fn is_stopword(lower: &str) -> bool {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_list(STOPWORDS)).contains(lower)
}

/// Calls `f` with `word` in lower case, copying it only when it has to: a word with no
/// upper-case letter is passed as it is, a short ASCII word is lower-cased in a buffer on the
/// stack, any other is lower-cased as `str::to_lowercase` does.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(word);
        }
        let mut buf = [0u8; 32];
        if let Some(lower) = buf.get_mut(..word.len()) {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // lower-casing ASCII keeps it ASCII, so valid UTF-8
            if let Ok(l) = std::str::from_utf8(lower) {
                return f(l);
            }
        }
        return f(&word.to_ascii_lowercase());
    }
    if word.chars().all(|c| c.is_lowercase() || !c.is_alphabetic()) {
        return f(word);
    }
    f(&word.to_lowercase())
}

/// The words of a compiled-in word list file: one a line, `#` starts a comment.
pub fn word_list(text: &'static str) -> rustc_hash::FxHashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_have_offsets_and_stems() {
        let text = "The Kremlin’s well-known plans, withdrawn.";
        let t = tokenize(text);
        let words: Vec<&str> = t.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            vec!["The", "Kremlin’s", "well-known", "plans", "withdrawn"]
        );
        assert_eq!(t[1].lower, "kremlin");
        assert_eq!(t[3].stem, "plan");
        assert!(t[0].capitalized && !t[3].capitalized);
    }

    #[test]
    fn stopwords() {
        assert!(is_stopword("the"));
        assert!(!is_stopword("kremlin"));
    }

    #[test]
    fn lower_case_without_copying_when_it_can() {
        for w in [
            "said",
            "Said",
            "SAID",
            "Économie",
            "ÉCONOMIE",
            "naïve",
            "",
            &"A".repeat(40),
        ] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase(), "{w}");
        }
    }
}
