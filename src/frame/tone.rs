//! Tone of sentences and articles: VADER compound scores (−1 negative … +1 positive), via the
//! `vader-parity` crate (the same scores as the reference Python vaderSentiment 3.3.2), and
//! VADER's word list itself (assets/text/vader_lexicon.tsv, built by
//! tools/build_vader_words.py from that release; MIT, assets/text/LICENSE-VADER).

use super::Tone;
use crate::model::{Article, ArticleId};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The VADER analyzer, built once (it parses its lexicons) and shared by every thread.
pub fn analyzer() -> &'static vader_parity::SentimentIntensityAnalyzer {
    static ANALYZER: OnceLock<vader_parity::SentimentIntensityAnalyzer> = OnceLock::new();
    ANALYZER.get_or_init(vader_parity::SentimentIntensityAnalyzer::new)
}

/// VADER's lexicon entries in the order of its file: each token it scores with its mean valence
/// (−4 … +4). A token listed twice takes its later valence, as in VADER. Read once.
pub fn vader_entries() -> &'static [(&'static str, f32)] {
    static ENTRIES: OnceLock<Vec<(&'static str, f32)>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        include_str!("../../assets/text/vader_lexicon.tsv")
            .lines()
            .filter(|l| !l.starts_with("# "))
            .filter_map(|l| {
                let (token, valence) = l.split_once('\t')?;
                Some((token, valence.trim().parse().ok()?))
            })
            .collect()
    })
}

/// VADER's lexicon as a map (see [`vader_entries`]).
pub fn vader_lexicon() -> &'static FxHashMap<&'static str, f32> {
    static LEXICON: OnceLock<FxHashMap<&'static str, f32>> = OnceLock::new();
    LEXICON.get_or_init(|| vader_entries().iter().copied().collect())
}

/// Tone of every sentence of an article and their mean.
pub fn article_tone(id: ArticleId, article: &Article) -> Tone {
    let sentences: Vec<f32> = article
        .sentences
        .iter()
        .map(|s| {
            if surely_neutral(&s.text) {
                return 0.0;
            }
            let c = analyzer().polarity_scores(&s.text).compound as f32;
            (c * 1000.0).round() / 1000.0
        })
        .collect();
    let mean = if sentences.is_empty() {
        0.0
    } else {
        sentences.iter().sum::<f32>() / sentences.len() as f32
    };
    Tone {
        article: id,
        sentences,
        mean: (mean * 1000.0).round() / 1000.0,
    }
}

/// Whether VADER would score the text exactly 0 without running it. VADER gives a token a
/// valence only when it (lower-cased, ASCII punctuation stripped or not) is in its lexicon; with
/// none, every rule (boosters, negation, "but", punctuation emphasis) has nothing to act on. So:
/// no token of the lexicon, checked as written and stripped (a superset of what VADER looks up),
/// no `!` or `?`, and no character outside ASCII, letters and general punctuation (VADER turns
/// emoji into words). About half of news sentences pass, for a fraction of a VADER run.
fn surely_neutral(text: &str) -> bool {
    if text.bytes().any(|b| b == b'!' || b == b'?') {
        return false;
    }
    if text
        .chars()
        .any(|c| !c.is_ascii() && !c.is_alphabetic() && !('\u{2000}'..='\u{206F}').contains(&c))
    {
        return false;
    }
    let lexicon = vader_lexicon();
    let known = |w: &str| {
        lexicon.contains_key(w)
            || crate::text::tokens::with_lowercase(w, |l| lexicon.contains_key(l))
    };
    text.split_whitespace().all(|w| {
        // VADER strips Python's `string.punctuation`: the 32 ASCII punctuation characters
        let stripped = w.trim_matches(|c: char| c.is_ascii_punctuation());
        !known(w) && !known(stripped)
    })
}

/// Builds VADER's analyzer and word list now (they are otherwise built on first use, by the
/// lexicon loader and the first tone: a quarter of the time to compare a few short articles);
/// the CLI calls it beside loading its configuration.
pub fn warm_up() {
    let _ = (analyzer(), vader_lexicon().len());
}

/// Mean tone of some sentences of an article.
pub fn mean_of(tone: &Tone, sentences: &[usize]) -> Option<f32> {
    let v: Vec<f32> = sentences
        .iter()
        .filter_map(|&s| tone.sentences.get(s).copied())
        .collect();
    (!v.is_empty()).then(|| v.iter().sum::<f32>() / v.len() as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    #[test]
    fn tone_has_a_sign() {
        let a = Article::from_body(
            "t",
            Format::Text,
            "t".into(),
            "The brutal assault killed many. The talks were a wonderful success.",
        );
        let t = article_tone(ArticleId(0), &a);
        assert!(t.sentences[0] < -0.3 && t.sentences[1] > 0.3, "{t:?}");
    }

    #[test]
    fn pythons_string_punctuation_is_the_ascii_punctuation() {
        // VADER strips `string.punctuation`; `surely_neutral` strips `is_ascii_punctuation`
        let python = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        assert_eq!(python.len(), 32);
        for c in (0u8..=127).map(char::from) {
            assert_eq!(c.is_ascii_punctuation(), python.contains(c), "{c:?}");
        }
    }

    #[test]
    fn the_lexicon_is_vaders_whole_list() {
        let lex = vader_lexicon();
        // 7,520 lines; 14 tokens are listed twice, and the later line wins, as in VADER
        assert_eq!(lex.len(), 7506);
        assert_eq!(lex.get("useless"), Some(&-1.8));
        assert_eq!(lex.get("wonderful"), Some(&2.7));
    }

    #[test]
    fn a_sentence_called_neutral_is_scored_zero_by_vader() {
        for text in [
            "The meeting took place in the capital on Tuesday.",
            "Officials met in the capital on Tuesday; the talks went on.",
            "The vote is set for “next week”, the spokesman said.",
            // VADER strips ASCII punctuation only: it does not read a word in curly quotes
            "A “pointless” meeting.",
        ] {
            assert!(surely_neutral(text), "{text}");
            assert_eq!(analyzer().polarity_scores(text).compound, 0.0, "{text}");
        }
        for text in [
            "The talks were a wonderful success.",
            "No deal.",
            "They WON!",
            "Great 😀",
        ] {
            assert!(!surely_neutral(text), "{text}");
        }
    }
}
