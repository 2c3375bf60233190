//! Tone of sentences and articles: VADER compound scores (−1 negative … +1 positive), via the
//! `vader_sentiment` crate.

use super::Tone;
use crate::model::{Article, ArticleId};

/// Tone of every sentence of an article and their mean.
pub fn article_tone(
    id: ArticleId,
    article: &Article,
    analyzer: &vader_sentiment::SentimentIntensityAnalyzer,
) -> Tone {
    let sentences: Vec<f32> = article
        .sentences
        .iter()
        .map(|s| {
            if surely_neutral(&s.text) {
                return 0.0;
            }
            let scores = analyzer.polarity_scores(&s.text);
            let c = scores.get("compound").copied().unwrap_or(0.0) as f32;
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

/// Whether VADER would score the text exactly 0 without running it: no word of its lexicon (as
/// VADER tokenises: words longer than one byte, ASCII punctuation stripped unless nothing would
/// be left, compared without case), no emoji (VADER appends their descriptions) and no `!` or
/// `?` (VADER's punctuation emphasis moves even an empty score). About half of news sentences
/// pass, and the check costs a fraction of a VADER run.
fn surely_neutral(text: &str) -> bool {
    const PUNCTUATION: &str = "[!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~]";
    if text.bytes().any(|b| b == b'!' || b == b'?') {
        return false;
    }
    let mut buf = [0u8; 4];
    if text
        .chars()
        .filter(|c| !c.is_ascii())
        .any(|c| vader_sentiment::EMOJI_LEXICON.contains_key(&*c.encode_utf8(&mut buf)))
    {
        return false;
    }
    text.split_whitespace()
        .filter(|w| w.len() > 1)
        .map(|w| {
            let stripped = w.trim_matches(|c| PUNCTUATION.contains(c));
            if stripped.len() <= 1 { w } else { stripped }
        })
        .all(|w| !vader_sentiment::LEXICON.contains_key(&unicase::UniCase::new(w)))
}

/// Builds VADER's word and emoji lexicons now (they are otherwise built on first use, by the
/// lexicon loader and the first tone: a quarter of the time to compare a few short articles);
/// the CLI calls it beside loading its configuration.
pub fn warm_up() {
    let _ = (
        vader_sentiment::LEXICON.len(),
        vader_sentiment::EMOJI_LEXICON.len(),
    );
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
        let t = article_tone(
            ArticleId(0),
            &a,
            &vader_sentiment::SentimentIntensityAnalyzer::new(),
        );
        assert!(t.sentences[0] < -0.3 && t.sentences[1] > 0.3, "{t:?}");
    }
}
