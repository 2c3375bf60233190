//! Paraphrase groups (assets/lexicons/paraphrases.txt): words that news reports use for the same
//! thing, folded to one canonical stem so that paraphrases align ("pull its troops out" /
//! "withdrawal of forces").

use crate::error::LexiconError;
use crate::text::tokens::stem;
use rustc_hash::FxHashMap as HashMap;

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

    /// The shipped groups overlaid by a user's groups file: a word of a user group leaves its
    /// built-in group and joins the user's.
    pub fn overlay(file: &str, text: &str) -> Result<Synonyms, LexiconError> {
        let mut out = Synonyms::builtin();
        let user = Synonyms::parse(file, text)?;
        // user groups get their own canonical names, so that the rest of a built-in group
        // whose first word the user regrouped does not follow it
        out.map
            .extend(user.map.into_iter().map(|(w, c)| (w, format!("{c}+"))));
        Ok(out)
    }

    /// Parses a groups file: one comma-separated group per line, `#` comments. A word (after
    /// stemming) may stand in one group only: a second occurrence is an error naming the line.
    pub fn parse(file: &str, text: &str) -> Result<Synonyms, LexiconError> {
        let mut map = HashMap::default();
        let mut line_of: HashMap<String, usize> = HashMap::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| LexiconError {
                file: file.to_string(),
                line: n + 1,
                message,
            };
            let words: Vec<&str> = line.split(',').map(str::trim).collect();
            if words.len() < 2 || words.iter().any(|w| w.is_empty() || w.contains(' ')) {
                return Err(err(
                    "a group needs two or more single words separated by commas".into(),
                ));
            }
            let canonical = stem(&words[0].to_lowercase());
            for w in words {
                let s = stem(&w.to_lowercase());
                if let Some(first) = line_of.get(&s) {
                    if *first != n + 1 {
                        return Err(err(format!(
                            "{w:?} is already in the group on line {first}; a word belongs to one group"
                        )));
                    }
                    continue;
                }
                line_of.insert(s.clone(), n + 1);
                map.insert(s, canonical.clone());
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

    #[test]
    fn a_word_in_two_groups_is_an_error_naming_both_lines() {
        let e = Synonyms::parse("p.txt", "house, home\nchamber, houses\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("line 1"), "{}", e.message);
    }

    #[test]
    fn user_groups_take_their_words_from_the_builtins() {
        let base = Synonyms::builtin();
        assert_eq!(
            base.canonical(&stem("summit")),
            base.canonical(&stem("conference"))
        );
        let s = Synonyms::overlay("paraphrases.txt", "summit, colloquy\n").unwrap();
        assert_eq!(s.canonical(&stem("colloquy")), s.canonical(&stem("summit")));
        assert_ne!(
            s.canonical(&stem("summit")),
            s.canonical(&stem("conference"))
        );
    }
}
