//! Framing analysis: quotes with speakers and reporting verbs, framing cues from the lexicons,
//! tone, and the per-topic differences between articles.

pub mod compare;
pub mod cues;
pub mod diff;
pub mod entities;
pub mod lexicon;
pub mod quotes;
pub mod tone;
pub mod vader;
pub mod verbs;
pub mod vocab;

use crate::align::Aligned;
use crate::model::{Article, ArticleId};
use crate::text::analyzer::{ArticleTokens, tokenize_articles};
pub use lexicon::Lexicons;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
pub use vocab::{CueKind, DifferenceKind, FrameDimension, Technique, VerbClass};

/// Whether a voice is quoted in the speaker's words or reported in the writer's.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Quotation marks around the speaker's words.
    #[default]
    Direct,
    /// Reported speech without quotation marks: "X said (that) …", "according to X, …".
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// A voice: a quotation or a piece of reported speech, with who said it and how it is reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub article: ArticleId,
    pub sentence: usize,
    /// The quoted words, without the quotation marks; for reported speech, the reported clause.
    pub text: String,
    pub speaker: Option<String>,
    /// How the article describes the speaker where it names them ("White House spokesman").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_role: Option<String>,
    pub verb: Option<String>,
    pub verb_class: Option<VerbClass>,
    /// A short, unattributed quotation used as a scare quote.
    pub scare: bool,
    /// Byte range of the quotation (with its marks), or of the reported clause, within the
    /// sentence text.
    pub start: usize,
    pub end: usize,
    /// Plain-words explanation (verb class, scare quote).
    pub note: String,
    /// Direct (in quotation marks) or indirect (reported speech); older JSON has direct only.
    #[serde(default)]
    pub kind: QuoteKind,
}

impl Quote {
    /// A quotation in the speaker's own words (what BASIL and "quotes found" count).
    pub fn is_direct(&self) -> bool {
        self.kind == QuoteKind::Direct
    }
}

/// A framing cue found in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub article: ArticleId,
    pub sentence: usize,
    /// The matched words as written.
    pub text: String,
    /// What the cue is; serialised as hedge, booster, intensifier, loaded, label, attribution,
    /// frame:<dimension>, technique:<name>.
    pub category: CueKind,
    /// Plain-words explanation a student can read.
    pub note: String,
    /// The lexicon entry (or rule) that matched.
    pub entry: String,
    /// Byte range within the sentence text.
    pub start: usize,
    pub end: usize,
    /// -1 negative, 0 neutral, +1 positive (loaded words).
    pub polarity: i8,
    /// The class of a reporting verb (attribution cues).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verb_class: Option<VerbClass>,
    /// The contested thing a label names (label cues); its other wordings share the group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// A wording cue inside a quotation: the speaker's word, not the outlet's. Still shown, but
    /// kept out of the outlet's counts, topic tables and differences. Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_quote: bool,
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
    pub kind: DifferenceKind,
    pub articles: Vec<ArticleId>,
    pub summary: String,
    /// Sentences the statement rests on, as (article, sentence index): for an omission or an
    /// unaligned article, the closest sentence of each article said to have none in the topic.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<(ArticleId, usize)>,
}

/// Everything framing analysis produces.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Framing {
    pub quotes: Vec<Quote>,
    pub cues: Vec<Cue>,
    pub tones: Vec<Tone>,
    pub tables: Vec<compare::TopicTable>,
    pub differences: Vec<Difference>,
}

/// Finds quotes, cues and tone in every article and the per-topic tables and differences.
/// Tokenises the articles itself; the pipeline, which shares one tokenisation with alignment,
/// calls [`read_articles`] beside alignment and [`compare_articles`] after it.
pub fn analyze(articles: &[Article], aligned: &Aligned, lexicons: &Lexicons) -> Framing {
    analyze_tokens(articles, &tokenize_articles(articles), aligned, lexicons)
}

/// The quotes, cues and tone of one article.
fn article_framing(
    id: ArticleId,
    article: &Article,
    tokens: &ArticleTokens,
    lexicons: &Lexicons,
) -> (Vec<Quote>, Vec<Cue>, Tone) {
    let quotes = quotes::article_quotes(id, article, tokens, lexicons);
    let mut cues = Vec::new();
    for s in &article.sentences {
        cues.extend(cues::sentence_cues(
            id,
            s.index,
            &s.text,
            tokens.sentence(s.index),
            lexicons,
        ));
    }
    // scare quotes cast doubt on the words they enclose
    for q in quotes.iter().filter(|q| q.scare) {
        cues.push(Cue {
            article: id,
            sentence: q.sentence,
            text: article.sentences[q.sentence].text[q.start..q.end].to_string(),
            category: CueKind::Technique(Technique::Doubt),
            note: q.note.clone(),
            entry: "rule:scare-quotes".into(),
            start: q.start,
            end: q.end,
            polarity: 0,
            verb_class: None,
            group: None,
            in_quote: false,
        });
    }
    mark_quoted(&mut cues, &quotes);
    let tone = tone::article_tone(id, article);
    (quotes, cues, tone)
}

/// Marks the wording cues that lie inside a quotation (not a scare quote: those words are the
/// outlet's choice to set apart) as the speaker's, and says so in their note.
fn mark_quoted(cues: &mut [Cue], quotes: &[Quote]) {
    for c in cues.iter_mut().filter(|c| c.category.is_wording()) {
        let quoted = quotes.iter().any(|q| {
            q.is_direct()
                && !q.scare
                && q.sentence == c.sentence
                && q.start <= c.start
                && c.end <= q.end
        });
        if quoted {
            c.in_quote = true;
            c.note = format!(
                "{} Inside a quotation: the speaker's word, not the outlet's.",
                c.note.trim_end()
            );
        }
    }
}

/// [`analyze`] over articles already tokenised (`tokens[i]` belongs to `articles[i]`).
/// Articles are read in parallel; the output does not depend on the number of threads.
pub fn analyze_tokens(
    articles: &[Article],
    tokens: &[ArticleTokens],
    aligned: &Aligned,
    lexicons: &Lexicons,
) -> Framing {
    let mut f = read_articles(articles, tokens, lexicons);
    let signals = compare::omission::Signals::with_tokens(
        articles,
        tokens,
        std::sync::Arc::new(crate::align::sentence_vectors(articles)),
    );
    compare_articles(&mut f, articles, aligned, &signals);
    f
}

/// The part of framing that needs no alignment: each article's quotes, cues and tone (the
/// pipeline runs it beside alignment). Tables and differences are left empty for
/// [`compare_articles`].
pub fn read_articles(
    articles: &[Article],
    tokens: &[ArticleTokens],
    lexicons: &Lexicons,
) -> Framing {
    let per_article: Vec<(Vec<Quote>, Vec<Cue>, Tone)> = articles
        .par_iter()
        .zip(tokens.par_iter())
        .enumerate()
        .map(|(i, (a, t))| article_framing(ArticleId(i), a, t, lexicons))
        .collect();
    let mut f = Framing::default();
    for (quotes, cues, tone) in per_article {
        f.quotes.extend(quotes);
        f.cues.extend(cues);
        f.tones.push(tone);
    }
    f.cues.sort_by(|a, b| {
        (a.article, a.sentence, a.start, b.end).cmp(&(b.article, b.sentence, b.start, a.end))
    });
    f
}

/// Fills in the tables and differences of topics once alignment is done.
pub fn compare_articles(
    f: &mut Framing,
    articles: &[Article],
    aligned: &Aligned,
    signals: &compare::omission::Signals,
) {
    let (tables, differences) =
        compare::compare(articles, aligned, &f.quotes, &f.cues, &f.tones, signals);
    f.tables = tables;
    f.differences = differences;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loaded_word_inside_a_quotation_is_the_speakers() {
        let a = compare::article(&[
            "The mayor said: “They slammed the door on every family here.”",
            "The council slammed the plan on Monday.",
        ]);
        let f = analyze(&[a], &Aligned::default(), &Lexicons::builtin());
        let slammed: Vec<&Cue> = f
            .cues
            .iter()
            .filter(|c| c.text == "slammed" && c.category == CueKind::Loaded)
            .collect();
        assert_eq!(slammed.len(), 2, "{:#?}", f.cues);
        let quoted = slammed.iter().find(|c| c.sentence == 0).unwrap();
        let outlet = slammed.iter().find(|c| c.sentence == 1).unwrap();
        assert!(quoted.in_quote && quoted.note.contains("speaker's word"));
        assert!(!outlet.in_quote && !outlet.note.contains("speaker's word"));
        // written only when true
        let json = serde_json::to_string(&f.cues).unwrap();
        assert_eq!(json.matches("in_quote").count(), 1, "{json}");
    }
}
