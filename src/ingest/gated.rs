//! Patterns compiled on first use, behind a gate. Compiling the page cleaner's regular
//! expressions was most of the time to read a few short articles, though most lines of a
//! clean article can match none of them. A [`Gated`] pattern pairs a regular expression with a
//! cheap test (the gate) that every text the expression matches passes — typically "starts
//! with one of these words" or "contains a digit". A text that fails the gate is answered
//! without the expression, which is compiled only when some text passes. The answers are the
//! expression's own: the gate only ever says "cannot match"; the tests in this module and in
//! `clean` check every gate against its expression.
//!
//! Gates compare case-insensitively through [`fold`], the simple case folding that the
//! expressions' `(?i)` uses for the ASCII letters they are written with.

use regex::{Captures, Regex};
use std::borrow::Cow;
use std::sync::OnceLock;

/// What a gated pattern compiles to.
pub trait Compiled: Sized {
    /// Compiles the pattern (a pattern in the source code; a bad one is a bug).
    fn compile(pattern: &str) -> Self;
    /// The pattern's captures in `t`, if it matches.
    fn captures<'t>(&self, t: &'t str) -> Option<Captures<'t>>;
    /// Whether the pattern matches `t`.
    fn is_match(&self, t: &str) -> bool {
        self.captures(t).is_some()
    }
}

impl Compiled for Regex {
    fn compile(pattern: &str) -> Self {
        Regex::new(pattern).expect("a pattern of the source code")
    }

    fn captures<'t>(&self, t: &'t str) -> Option<Captures<'t>> {
        Regex::captures(self, t)
    }

    fn is_match(&self, t: &str) -> bool {
        Regex::is_match(self, t)
    }
}

/// A pattern compiled on first use behind a gate (see the module doc).
pub struct Gated<T> {
    pattern: &'static str,
    gate: fn(&str) -> bool,
    compiled: OnceLock<T>,
}

impl<T: Compiled> Gated<T> {
    /// A pattern and its gate: `gate(t)` must hold for every `t` the pattern matches.
    pub const fn new(pattern: &'static str, gate: fn(&str) -> bool) -> Self {
        Gated {
            pattern,
            gate,
            compiled: OnceLock::new(),
        }
    }

    /// A pattern with no gate (every text may match): compiled on first use.
    pub const fn ungated(pattern: &'static str) -> Self {
        Self::new(pattern, |_| true)
    }

    /// The compiled pattern (compiling it now if it was not yet).
    pub fn compiled(&self) -> &T {
        self.compiled.get_or_init(|| T::compile(self.pattern))
    }

    /// Whether `t` passes the gate (it may match).
    pub fn may_match(&self, t: &str) -> bool {
        (self.gate)(t)
    }

    /// Whether the pattern matches `t`.
    pub fn is_match(&self, t: &str) -> bool {
        self.may_match(t) && self.compiled().is_match(t)
    }

    /// The pattern's captures in `t`, if it matches.
    pub fn captures<'t>(&self, t: &'t str) -> Option<Captures<'t>> {
        if self.may_match(t) {
            self.compiled().captures(t)
        } else {
            None
        }
    }

    /// The pattern as written.
    #[cfg(test)]
    pub fn pattern(&self) -> &'static str {
        self.pattern
    }
}

/// `t` with the ASCII letters lower-cased and the two characters that `(?i)` also folds onto
/// ASCII letters (KELVIN SIGN onto k, LONG S onto s) replaced: a gate that tests the folded
/// text for lower-case ASCII words says what the case-insensitive pattern can match.
pub fn fold(t: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii() && !c.is_ascii_uppercase();
    if t.chars().all(plain) {
        return Cow::Borrowed(t);
    }
    Cow::Owned(
        t.chars()
            .map(|c| match c {
                '\u{212A}' => 'k',
                '\u{17F}' => 's',
                c => c.to_ascii_lowercase(),
            })
            .collect(),
    )
}

/// Whether `t` holds a character that [`fold`] maps onto an ASCII letter without being one
/// (KELVIN SIGN, LONG S): the word tests below then compare the folded text.
fn has_folding_sign(t: &str) -> bool {
    !t.is_ascii() && t.contains(['\u{212A}', '\u{17F}'])
}

/// Whether `t[at..]` starts with `w` (lower-case ASCII) when folded: outside the two folding
/// signs, folding only lower-cases ASCII letters, so the bytes compare without ASCII case.
fn folded_at(t: &[u8], at: usize, w: &str) -> bool {
    t.get(at..at + w.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(w.as_bytes()))
}

/// Whether the folded `t` starts with one of `words` (lower-case ASCII).
pub fn starts_with_any(t: &str, words: &[&str]) -> bool {
    if has_folding_sign(t) {
        let f = fold(t);
        return words.iter().any(|w| f.starts_with(w));
    }
    words.iter().any(|w| folded_at(t.as_bytes(), 0, w))
}

/// Whether the folded `t` contains one of `words` (lower-case ASCII).
pub fn contains_any(t: &str, words: &[&str]) -> bool {
    if has_folding_sign(t) {
        let f = fold(t);
        return words.iter().any(|w| f.contains(w));
    }
    if words.iter().any(|w| w.is_empty()) {
        return true;
    }
    // one pass over the text: a word is tried only where the text has its first letter
    let mut first = [false; 256];
    for w in words {
        first[usize::from(w.as_bytes()[0])] = true;
    }
    let bytes = t.as_bytes();
    bytes.iter().enumerate().any(|(at, b)| {
        let b = b.to_ascii_lowercase();
        first[usize::from(b)]
            && words
                .iter()
                .any(|w| w.as_bytes()[0] == b && folded_at(bytes, at, w))
    })
}

/// Whether the folded `t` ends with one of `words` (lower-case ASCII).
pub fn ends_with_any(t: &str, words: &[&str]) -> bool {
    if has_folding_sign(t) {
        let f = fold(t);
        return words.iter().any(|w| f.ends_with(w));
    }
    words
        .iter()
        .any(|w| t.len() >= w.len() && folded_at(t.as_bytes(), t.len() - w.len(), w))
}

/// Whether `t` has an ASCII digit.
pub fn has_digit(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lowers_ascii_and_the_two_foreign_folds() {
        assert_eq!(fold("Photo CREDIT"), "photo credit");
        assert_eq!(fold("\u{212A}m \u{17F}hare"), "km share");
        assert_eq!(fold("Économie"), "Économie");
        assert!(matches!(fold("plain text 12"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_case_insensitive_patterns_fold_as_the_gates_do() {
        // the gates rely on these being the only non-ASCII folds onto ASCII letters
        let re = Regex::new("(?i)^ks$").unwrap();
        assert!(re.is_match("\u{212A}\u{17F}"));
        assert!(starts_with_any("\u{212A}\u{17F}", &["ks"]));
        let all_letters = Regex::new("(?i)^[a-z]$").unwrap();
        let foreign: Vec<char> = (0x80u32..0x11_0000)
            .filter_map(char::from_u32)
            .filter(|c| all_letters.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(foreign, vec!['\u{17F}', '\u{212A}']);
    }

    #[test]
    fn a_gated_pattern_compiles_only_when_a_text_passes_its_gate() {
        let g: Gated<Regex> = Gated::new(r"(?i)^read more$", |t| starts_with_any(t, &["read"]));
        assert!(!g.is_match("Elsewhere"));
        assert!(
            g.compiled.get().is_none(),
            "not compiled for a text the gate turns away"
        );
        assert!(g.is_match("READ MORE"));
        assert!(g.compiled.get().is_some());
        assert!(!g.is_match("read less"));
    }

    #[test]
    fn word_tests_answer_as_on_the_folded_text() {
        let texts = [
            "Photo: Reuters",
            "A PHOTO credit at the end",
            "\u{212A}ilometres and \u{17F}ea",
            "Économie — photographie",
            "ph",
            "",
            "read more ›",
            "PPhOTOO",
        ];
        let words: &[&[&str]] = &[
            &["photo"],
            &["credit", "end"],
            &["kilo", "sea"],
            &["ph"],
            &["more ›"],
            &["zz", ""],
            &["oo", "hot", "pho"],
        ];
        for t in texts {
            let f = fold(t);
            for w in words {
                assert_eq!(
                    starts_with_any(t, w),
                    w.iter().any(|x| f.starts_with(x)),
                    "{t:?} {w:?}"
                );
                assert_eq!(
                    contains_any(t, w),
                    w.iter().any(|x| f.contains(x)),
                    "{t:?} {w:?}"
                );
                assert_eq!(
                    ends_with_any(t, w),
                    w.iter().any(|x| f.ends_with(x)),
                    "{t:?} {w:?}"
                );
            }
        }
    }
}
