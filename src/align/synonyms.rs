//! Paraphrase groups (assets/lexicons/paraphrases.txt): words that news reports use for the same
//! thing, folded to one canonical stem so that paraphrases align ("pull its troops out" /
//! "withdrawal of forces").

use crate::error::LexiconError;
use crate::text::tokens::stem;
use std::collections::HashMap;

/// Built-in paraphrase groups.
pub const BUILTIN: &str = include_str!("../../assets/lexicons/paraphrases.txt");

/// Stem → canonical stem.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Synonyms {
    map: HashMap<String, String>,
}

impl Synonyms {
    /// The shipped groups.
    pub fn builtin() -> Synonyms {
        // The shipped file is tested; fall back to no groups rather than fail.
        Synonyms::parse("paraphrases.txt", BUILTIN).unwrap_or_default()
    }

    /// Parses a groups file: one comma-separated group per line, `#` comments.
    pub fn parse(file: &str, text: &str) -> Result<Synonyms, LexiconError> {
        let mut map = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let words: Vec<&str> = line.split(',').map(str::trim).collect();
            if words.len() < 2 || words.iter().any(|w| w.is_empty() || w.contains(' ')) {
                return Err(LexiconError {
                    file: file.to_string(),
                    line: n + 1,
                    message: "a group needs two or more single words separated by commas".into(),
                });
            }
            let canonical = stem(&words[0].to_lowercase());
            for w in words {
                map.entry(stem(&w.to_lowercase()))
                    .or_insert_with(|| canonical.clone());
            }
        }
        Ok(Synonyms { map })
    }

    /// The canonical stem for a stem, if it is in a group.
    pub fn canonical(&self, stem: &str) -> Option<&str> {
        self.map.get(stem).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_folds() {
        let s = Synonyms::parse("paraphrases.txt", BUILTIN).unwrap();
        assert_eq!(s.canonical(&stem("withdrawal")), s.canonical(&stem("pull")));
        assert_eq!(s.canonical(&stem("forces")), s.canonical(&stem("troops")));
    }

    #[test]
    fn bad_line_is_an_error() {
        let e = Synonyms::parse("p.txt", "# c\nalone\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
