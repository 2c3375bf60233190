//! Per-sentence features for alignment: content terms (stems folded through the paraphrase
//! groups), named-entity terms, and word shingles of quoted passages.

use super::synonyms::Synonyms;
use crate::model::Article;
use crate::text::tokens::{is_stopword, tokenize};
use std::collections::BTreeSet;

/// Features of one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// Content terms (canonical stems), with repeats.
    pub terms: Vec<String>,
    /// Lower-case surface word of each term (same order as `terms`).
    pub surfaces: Vec<String>,
    /// Byte offset of each term's word in the text (same order as `terms`).
    pub offsets: Vec<(usize, usize)>,
    /// Canonical stems of capitalised words that are not sentence-initial (names, places).
    pub entities: BTreeSet<String>,
    /// Word 4-grams (lower-case) of the quoted passages.
    pub quote_shingles: BTreeSet<String>,
    /// Number of words.
    pub words: usize,
}

/// Word n-gram size used to detect shared quotations.
pub const SHINGLE: usize = 4;

/// The quoted passages of a text (straight or curly double quotes), as lower-case word lists.
pub fn quoted_words(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i + c.len_utf8()),
            '”' => {
                if let Some(s) = open.take() {
                    out.push(words(&text[s..i]));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push(words(&text[s..i])),
                None => open = Some(i + 1),
            },
            _ => {}
        }
    }
    out.retain(|w| !w.is_empty());
    out
}

/// Lower-case alphanumeric words of a text.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// Word n-grams of a word list, joined by spaces.
pub fn shingles(words: &[String], n: usize) -> impl Iterator<Item = String> + '_ {
    words.windows(n).map(|w| w.join(" "))
}

/// Extracts the features of a text.
pub fn features(text: &str, syn: &Synonyms) -> SentenceFeatures {
    let normalised = text
        .replace("U.S.", "US")
        .replace("U.N.", "UN")
        .replace("U.K.", "UK");
    let tokens = tokenize(&normalised);
    let mut f = SentenceFeatures {
        words: tokens.len(),
        ..Default::default()
    };
    for (k, t) in tokens.iter().enumerate() {
        let surface = &normalised[t.start..t.end];
        let lower = if matches!(surface, "US" | "USA") {
            "america"
        } else {
            t.lower.as_str()
        };
        if lower.chars().count() < 2
            || is_stopword(lower)
            || lower.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        let stem = crate::text::tokens::stem(lower);
        let term = syn.canonical(&stem).unwrap_or(&stem).to_string();
        if t.capitalized && k > 0 {
            f.entities.insert(term.clone());
        }
        f.terms.push(term);
        f.surfaces.push(t.lower.clone());
        f.offsets.push((t.start, t.end));
    }
    for q in quoted_words(text) {
        if q.len() >= SHINGLE {
            f.quote_shingles.extend(shingles(&q, SHINGLE));
        }
    }
    f
}

/// Features of every sentence of an article, plus its title as a pseudo-sentence.
pub fn article_features(
    article: &Article,
    syn: &Synonyms,
) -> (Vec<SentenceFeatures>, SentenceFeatures) {
    let sentences = article
        .sentences
        .iter()
        .map(|s| features(&s.text, syn))
        .collect();
    (sentences, features(&article.title, syn))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_passages_and_terms() {
        let syn = Synonyms::builtin();
        let f = features(
            "Then Putin said the U.S. plan was a “starting point, nothing more and nothing less”.",
            &syn,
        );
        assert!(f.entities.contains("putin"));
        assert!(f.terms.contains(&"america".to_string()));
        assert!(f.quote_shingles.contains("starting point nothing more"));
        let q = quoted_words("He called it \"pointless\" and \"a show\".");
        assert_eq!(
            q,
            vec![
                vec!["pointless".to_string()],
                vec!["a".to_string(), "show".to_string()]
            ]
        );
    }

    #[test]
    fn paraphrases_share_terms() {
        let syn = Synonyms::builtin();
        let a = features("Ukraine must pull its troops out of four regions.", &syn);
        let b = features("Kyiv must withdraw its forces from the regions.", &syn);
        let shared: Vec<&String> = a.terms.iter().filter(|t| b.terms.contains(t)).collect();
        assert!(shared.len() >= 3, "{shared:?}");
    }
}
