//! Framing analysis: quotes with speakers and reporting verbs, framing cues from the lexicons,
//! tone, and the per-topic differences between articles.

pub mod diff;
pub mod lexicon;

use crate::align::Aligned;
use crate::model::{Article, ArticleId};
pub use lexicon::Lexicons;
use serde::{Deserialize, Serialize};

/// How a reporting verb positions the reporter towards the quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerbClass {
    Neutral,
    Distancing,
    Endorsing,
    Dismissive,
    Emotive,
}

/// A quotation with who said it and how it is reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub article: ArticleId,
    pub sentence: usize,
    /// The quoted words, without the quotation marks.
    pub text: String,
    pub speaker: Option<String>,
    pub verb: Option<String>,
    pub verb_class: Option<VerbClass>,
    /// A short, unattributed quotation used as a scare quote.
    pub scare: bool,
    /// Byte range of the quotation (with its marks) within the sentence text.
    pub start: usize,
    pub end: usize,
    /// Plain-words explanation (verb class, scare quote).
    pub note: String,
}

/// A framing cue found in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub article: ArticleId,
    pub sentence: usize,
    /// The matched words as written.
    pub text: String,
    /// hedge, booster, intensifier, loaded, label, attribution, frame:<dimension>,
    /// technique:<name>
    pub category: String,
    /// Plain-words explanation a student can read.
    pub note: String,
    /// The lexicon entry (or rule) that matched.
    pub entry: String,
    /// Byte range within the sentence text.
    pub start: usize,
    pub end: usize,
    /// -1 negative, 0 neutral, +1 positive (loaded words).
    pub polarity: i8,
}

/// Tone of one article: per-sentence VADER compound scores and the article mean.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    pub article: ArticleId,
    pub sentences: Vec<f32>,
    pub mean: f32,
}

/// A generated statement of how articles differ on a topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Difference {
    pub topic: usize,
    /// What kind of difference: omission, placement, quote, verb, label, hedge, loaded, tone, frame.
    pub kind: String,
    pub articles: Vec<ArticleId>,
    pub summary: String,
}

/// Everything framing analysis produces.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Framing {
    pub quotes: Vec<Quote>,
    pub cues: Vec<Cue>,
    pub tones: Vec<Tone>,
    pub differences: Vec<Difference>,
}

/// Finds quotes, cues and tone in every article and the per-topic differences.
pub fn analyze(_articles: &[Article], _aligned: &Aligned, _lexicons: &Lexicons) -> Framing {
    // Placeholder until the framing issue lands.
    Framing::default()
}
