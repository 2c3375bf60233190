//! Per-sentence features for alignment: content terms (stems folded through the paraphrase
//! groups), named-entity terms, and word shingles of quoted passages.

use super::synonyms::Synonyms;
use crate::model::Article;
use crate::text::analyzer::ArticleTokens;
use crate::text::tokens::{Token, is_stopword};
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
    /// The names: runs of such words one space apart ("Varnian President Nora Vance" is one
    /// name, not four), each as the indices of its terms in `terms`.
    pub names: Vec<std::ops::Range<usize>>,
    /// Word 4-grams (lower-case) of the quoted passages.
    pub quote_shingles: BTreeSet<String>,
    /// Content words (lower-case, not stop words) inside quotation marks: two outlets quoting
    /// the same short word of a speaker ("pointless") report the same remark.
    pub quoted_words: BTreeSet<String>,
    /// Numbers written in digits, two or more of them ("33", "2013"): ages, counts and years
    /// tell one event from another of the same kind.
    pub numbers: Vec<String>,
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

/// Dotted acronyms ("U.S.", "U.N.") as runs of single capital letters joined by dots: for each
/// token that starts one, the run's length in tokens and its letters ("US").
fn acronym_at(text: &str, tokens: &[Token], k: usize) -> Option<(usize, String)> {
    let single = |t: &Token| {
        let w = &text[t.start..t.end];
        w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
    };
    let dot_after = |t: &Token| text[t.end..].starts_with('.');
    let mut n = 0;
    let mut letters = String::new();
    while let Some(t) = tokens.get(k + n) {
        if !single(t) || !dot_after(t) || (n > 0 && t.start != tokens[k + n - 1].end + 1) {
            break;
        }
        letters.push_str(&text[t.start..t.end]);
        n += 1;
    }
    (n >= 2).then_some((n, letters))
}

/// Extracts the features of a text from its tokens (see `text::analyzer`).
pub fn features(text: &str, tokens: &[Token], syn: &Synonyms) -> SentenceFeatures {
    let mut f = SentenceFeatures::default();
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        let (lower, end, next): (std::borrow::Cow<str>, _, _) = match acronym_at(text, tokens, k) {
            Some((n, letters)) => (
                letters.to_lowercase().into(),
                tokens[k + n - 1].end + 1,
                k + n,
            ),
            None => (t.lower.as_str().into(), t.end, k + 1),
        };
        let position = f.words;
        f.words += 1;
        k = next;
        let surface = &text[t.start..end];
        if lower.len() >= 2 && lower.chars().all(|c| c.is_ascii_digit()) {
            f.numbers.push(lower.into_owned());
            continue;
        }
        // an acronym written in capitals ("US", "U.S.", "WHO") is a name, not the function word
        // spelled the same way
        let acronym = surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && surface.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        if lower.chars().count() < 2
            || (is_stopword(&lower) && !acronym)
            || lower.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        let stem = if lower.as_ref() == t.lower {
            t.stem.clone()
        } else {
            crate::text::tokens::stem(&lower)
        };
        let term = match syn.canonical(&stem) {
            Some(canonical) => canonical.to_string(),
            None => stem,
        };
        if t.capitalized && position > 0 {
            f.entities.insert(term.clone());
            // a name goes on through the next capitalised word after one space
            let at = f.terms.len();
            let joined = f.names.last().is_some_and(|r| r.end == at)
                && f.offsets
                    .last()
                    .is_some_and(|&(_, e)| text.get(e..t.start) == Some(" "));
            match f.names.last_mut() {
                Some(r) if joined => r.end = at + 1,
                _ => f.names.push(at..at + 1),
            }
        }
        f.terms.push(term);
        f.surfaces.push(lower.into_owned());
        f.offsets.push((t.start, end));
    }
    for q in quoted_words(text) {
        if q.len() >= SHINGLE {
            f.quote_shingles.extend(shingles(&q, SHINGLE));
        }
        f.quoted_words.extend(
            q.into_iter()
                .filter(|w| w.chars().count() >= 4 && !is_stopword(w)),
        );
    }
    f
}

/// Features of every sentence of an article, plus its title as a pseudo-sentence.
pub fn article_features(
    article: &Article,
    tokens: &ArticleTokens,
    syn: &Synonyms,
) -> (Vec<SentenceFeatures>, SentenceFeatures) {
    let sentences = article
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| features(&s.text, tokens.sentence(i), syn))
        .collect();
    (sentences, features(&article.title, &tokens.title, syn))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn quoted_passages_and_terms() {
        let syn = Synonyms::builtin();
        let text =
            "Then Putin said the U.S. plan was a “starting point, nothing more and nothing less”.";
        let f = features(text, &tokenize(text), &syn);
        assert!(f.entities.contains("putin"));
        assert!(
            f.terms.contains(&"us".to_string()),
            "an acronym is kept: {:?}",
            f.terms
        );
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
        let feat = |t: &str| features(t, &tokenize(t), &syn);
        let a = feat("Ukraine must pull its troops out of four regions.");
        let b = feat("Kyiv must withdraw its forces from the regions.");
        let shared: Vec<&String> = a.terms.iter().filter(|t| b.terms.contains(t)).collect();
        assert!(shared.len() >= 3, "{shared:?}");
    }
}
