//! Tone of sentences and articles: VADER compound scores (−1 negative … +1 positive), the same
//! scores as the reference Python vaderSentiment 3.3.2. `vader` computes them for the text it
//! covers (news sentences in Latin script); other text (emoji, other scripts) goes to the
//! `vader-parity` crate. VADER's word list itself is assets/text/vader_lexicon.tsv, built by
//! tools/build_vader_words.py from that release (MIT, assets/text/LICENSE-VADER).

use super::Tone;
use super::vader;
use crate::model::{Article, ArticleId};
use std::sync::OnceLock;

/// The `vader-parity` analyzer, built once on first use (it parses its lexicons) and shared by
/// every thread: it scores the text `vader` does not cover.
fn analyzer() -> &'static vader_parity::SentimentIntensityAnalyzer {
    static ANALYZER: OnceLock<vader_parity::SentimentIntensityAnalyzer> = OnceLock::new();
    ANALYZER.get_or_init(vader_parity::SentimentIntensityAnalyzer::new)
}

/// VADER's compound score of a text, rounded to four decimals as the reference rounds it.
pub fn compound(text: &str) -> f64 {
    if vader::covers(text) {
        vader::compound(text)
    } else {
        reference_compound(text)
    }
}

/// The `vader-parity` crate's compound score, whatever the text (for the tests that compare it
/// with [`compound`]).
#[doc(hidden)]
pub fn reference_compound(text: &str) -> f64 {
    analyzer().polarity_scores(text).compound
}

/// VADER's lexicon entries in the order of its file: each token it scores with its mean valence
/// (−4 … +4) as an `f32`. A token listed twice takes its later valence, as in VADER. Read once.
pub fn vader_entries() -> &'static [(&'static str, f32)] {
    static ENTRIES: OnceLock<Vec<(&'static str, f32)>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        vader::lexicon_entries()
            .iter()
            .map(|&(token, valence)| (token, valence as f32))
            .collect()
    })
}

/// Tone of every sentence of an article and their mean.
pub fn article_tone(id: ArticleId, article: &Article) -> Tone {
    let sentences: Vec<f32> = article
        .sentences
        .iter()
        .map(|s| {
            let c = compound(&s.text) as f32;
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

/// Reads VADER's data now (it is otherwise read on first use, by the lexicon loader and the
/// first tone); the CLI calls it beside loading its configuration.
pub fn warm_up() {
    vader::warm_up();
    let _ = vader_entries().len();
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
    fn the_lexicon_is_vaders_whole_list() {
        // 7,520 lines; 14 tokens are listed twice (the later line wins, as in VADER)
        let entries = vader_entries();
        assert_eq!(entries.len(), 7520);
        let listed = |w: &str| entries.iter().any(|(t, _)| *t == w);
        assert!(listed("useless") && listed("wonderful"));
        // each valence as an f32 is the one its text reads as
        let text = include_str!("../../assets/text/vader_lexicon.tsv");
        let written = text.lines().filter(|l| !l.starts_with("# "));
        for ((token, valence), line) in entries.iter().zip(written) {
            let (t, v) = line.split_once('\t').expect("token and valence");
            assert_eq!((*token, *valence), (t, v.trim().parse::<f32>().unwrap()));
        }
    }

    #[test]
    fn sentences_with_no_word_of_the_lexicon_score_zero() {
        for text in [
            "The meeting took place in the capital on Tuesday.",
            "Officials met in the capital on Tuesday; the talks went on.",
            "The vote is set for “next week”, the spokesman said.",
            // VADER strips ASCII punctuation only: it does not read a word in curly quotes
            "A “pointless” meeting.",
        ] {
            assert_eq!(compound(text), 0.0, "{text}");
            assert_eq!(reference_compound(text), 0.0, "{text}");
        }
        for text in [
            "The talks were a wonderful success.",
            "No deal.",
            "They WON!",
            "Great 😀",
        ] {
            assert_ne!(compound(text), 0.0, "{text}");
        }
    }
}
