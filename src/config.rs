//! The one configuration value of an analysis: the framing lexicons, the paraphrase groups
//! alignment folds words through, and every threshold, built once (built-in data overlaid by
//! the user's files) and passed through [`crate::analyze`]. Nothing in the core reads an
//! environment variable or a file: callers build a `Config` and hand it over.

use crate::align::synonyms::Synonyms;
use crate::align::{PairOptions, TopicOptions};
use crate::error::LexiconError;
use crate::frame::Lexicons;

/// Everything the analysis can be tuned with.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Framing lexicons (hedges, boosters, loaded words, labels, techniques, frames, reporting
    /// verbs, descriptive words, neutral adverbs).
    pub lexicons: Lexicons,
    /// Paraphrase groups folded together before sentences are compared.
    pub synonyms: Synonyms,
    /// Average-linkage document similarity two groups of articles need to be one story.
    /// Tuned on BASIL dev (story ARI; 0.15–0.25 all give ARI >= 0.95).
    pub story_threshold: f32,
    /// Sentence alignment thresholds (see [`PairOptions`]).
    pub pairs: PairOptions,
    /// Topic clustering thresholds (see [`TopicOptions`]).
    pub topics: TopicOptions,
}

impl Default for Config {
    fn default() -> Self {
        Config::builtin()
    }
}

impl Config {
    /// The shipped lexicons and paraphrase groups with the default thresholds.
    pub fn builtin() -> Config {
        Config {
            lexicons: Lexicons::builtin(),
            synonyms: Synonyms::builtin(),
            story_threshold: crate::align::STORY_THRESHOLD,
            pairs: PairOptions::default(),
            topics: TopicOptions::default(),
        }
    }

    /// The built-ins overlaid by the user's lexicon files, given as (file name, contents):
    /// lexicon entries are added, replaced (same phrase) or removed (`!phrase`), and the groups
    /// of a `paraphrases.txt` take their words from the built-in groups. A malformed file is an
    /// error naming the file and the line.
    pub fn with_user_files(user: &[(String, String)]) -> Result<Config, LexiconError> {
        let mut config = Config::builtin();
        config.lexicons = Lexicons::overlay(user)?;
        for (name, text) in user {
            let file = std::path::Path::new(name)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(name);
            if file == "paraphrases.txt" {
                config.synonyms = Synonyms::overlay(name, text)?;
            }
        }
        Ok(config)
    }

    /// Uses these lexicons.
    pub fn lexicons(mut self, lexicons: Lexicons) -> Self {
        self.lexicons = lexicons;
        self
    }

    /// Uses this story threshold.
    pub fn story_threshold(mut self, t: f32) -> Self {
        self.story_threshold = t;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_paraphrases_are_honoured() {
        let c = Config::with_user_files(&[("paraphrases.txt".into(), "colloquy, parley\n".into())])
            .unwrap();
        let stem = crate::text::tokens::stem;
        assert_eq!(
            c.synonyms.canonical(&stem("parley")),
            Some(format!("{}+", stem("colloquy")).as_str())
        );
        // the built-in groups are still there
        assert!(c.synonyms.canonical(&stem("withdrawal")).is_some());
        let bad = Config::with_user_files(&[("paraphrases.txt".into(), "solo\n".into())]);
        assert_eq!(bad.unwrap_err().line, 1);
    }
}
