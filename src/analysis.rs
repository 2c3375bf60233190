//! The whole pipeline from articles to the comparison: alignment, then framing. This is the
//! one entry point the CLI and the GUI call; its result is the JSON contract.

use crate::align::{self, Alignment, Story, Topic};
use crate::config::Config;
use crate::frame::compare::TopicTable;
use crate::frame::entities::Entity;
use crate::frame::{self, Cue, Difference, Quote, Tone};
use crate::model::{Article, ArticleId};
use crate::text::analyzer::tokenize_articles;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// The comparison of a set of articles. Serialised as-is, this is the documented JSON contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Analysis {
    pub articles: Vec<Article>,
    pub stories: Vec<Story>,
    pub topics: Vec<Topic>,
    pub alignments: Vec<Alignment>,
    pub quotes: Vec<Quote>,
    pub cues: Vec<Cue>,
    pub tones: Vec<Tone>,
    /// Per-topic comparison tables.
    pub tables: Vec<TopicTable>,
    pub differences: Vec<Difference>,
    /// Word-level diff of every aligned sentence pair (same order as `alignments`).
    pub diffs: Vec<PairDiff>,
    /// People, groups, places and things with every mention, clustered across the articles of
    /// each story: how each article names the same actors (`frame::entities`). Absent from a
    /// workspace or JSON written before it: read as empty.
    pub entities: Vec<Entity>,
}

impl Analysis {
    /// Whether the analysis checked that `article` leaves topic `topic` out: an omission
    /// difference of the topic carries the article's closest sentence as evidence (see
    /// `frame::compare::omission`). Without it, "does not mention" must not be said of the
    /// article: it has no sentence aligned to the topic, which is all that is known.
    pub fn omission_checked(&self, topic: usize, article: impl Into<ArticleId>) -> bool {
        let article = article.into();
        self.differences.iter().any(|d| {
            d.topic == topic
                && d.kind == frame::DifferenceKind::Omission
                && d.evidence.iter().any(|&(a, _)| a == article)
        })
    }
}

/// The word diff of one aligned pair: runs shared, only in `a`, or only in `b`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairDiff {
    pub a: (ArticleId, usize),
    pub b: (ArticleId, usize),
    pub ops: Vec<frame::diff::DiffOp>,
}

/// Stages of the pipeline, reported to a progress callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Aligning,
    Framing,
    Done,
}

/// Runs the analysis. `progress` is called at each stage with the fraction done (0..1).
pub fn analyze_with_progress(
    articles: Vec<Article>,
    config: &Config,
    progress: &dyn Fn(Stage, f32),
) -> Analysis {
    analyze_cancellable(articles, config, progress, &|| false).unwrap_or_default()
}

/// [`analyze_with_progress`] that gives up (returns None) as soon as `cancelled` says so; it is
/// asked between stages. The window cancels an analysis that a newer one has superseded.
pub fn analyze_cancellable(
    articles: Vec<Article>,
    config: &Config,
    progress: &dyn Fn(Stage, f32),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Analysis> {
    run(articles, config, progress, cancelled).map(|(analysis, _scratch)| analysis)
}

/// What the pipeline built for its own use and no longer needs when it returns: the shared
/// tokenisation and the omission check's reading of every sentence, hundreds of thousands of
/// small allocations. Dropping it frees them one by one, after the analysis, on one thread; a
/// process that ends right after the analysis may [`std::mem::forget`] it instead.
pub struct Scratch {
    _tokens: Vec<crate::text::analyzer::ArticleTokens>,
    _signals: frame::compare::omission::Signals,
}

/// [`analyze`] that hands back its [`Scratch`] instead of dropping it (the CLI, which exits
/// after writing the result, does not free it).
pub fn analyze_with_scratch(articles: Vec<Article>, config: &Config) -> (Analysis, Scratch) {
    run(articles, config, &|_, _| {}, &|| false).unwrap_or_else(|| {
        (
            Analysis::default(),
            Scratch {
                _tokens: Vec::new(),
                _signals: frame::compare::omission::Signals::new(&[]),
            },
        )
    })
}

fn run(
    mut articles: Vec<Article>,
    config: &Config,
    progress: &dyn Fn(Stage, f32),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<(Analysis, Scratch)> {
    for (i, a) in articles.iter_mut().enumerate() {
        a.id = ArticleId(i);
    }
    progress(Stage::Aligning, 0.0);
    // one analyzer pass, shared by alignment, labels, cues and quotes
    let tokens = tokenize_articles(&articles);
    if cancelled() {
        return None;
    }
    // alignment (which embeds every sentence beside its story grouping) and the reading of
    // each article's voices, cues and tone are independent (and what the omission check reads
    // of every sentence's words and names)
    let ((aligned, vectors), (mut framing, signals)) = rayon::join(
        || align::align_tokens(&articles, &tokens, config),
        || {
            rayon::join(
                || frame::read_articles(&articles, &tokens, &config.lexicons),
                || frame::compare::omission::Signals::words(&articles, &tokens),
            )
        },
    );
    // the omission check reads the embeddings alignment made
    let signals = signals.with_vectors(std::sync::Arc::new(vectors));
    if cancelled() {
        return None;
    }
    progress(Stage::Framing, 0.5);
    let ((diffs, entities), ()) = rayon::join(
        || {
            rayon::join(
                || {
                    aligned
                        .alignments
                        .par_iter()
                        .filter_map(|al| {
                            let x = articles.get(al.a.0.index())?.sentences.get(al.a.1)?;
                            let y = articles.get(al.b.0.index())?.sentences.get(al.b.1)?;
                            Some(PairDiff {
                                a: al.a,
                                b: al.b,
                                ops: frame::diff::word_diff(&x.text, &y.text),
                            })
                        })
                        .collect()
                },
                || {
                    frame::entities::find_entities(
                        &articles,
                        &tokens,
                        &aligned.stories,
                        &config.lexicons,
                    )
                },
            )
        },
        || frame::compare_articles(&mut framing, &articles, &aligned, &signals),
    );
    frame::compare::naming::add(
        &mut framing.differences,
        &aligned.topics,
        &entities,
        &framing.cues,
        &articles,
    );
    if cancelled() {
        return None;
    }
    progress(Stage::Done, 1.0);
    let analysis = Analysis {
        articles,
        stories: aligned.stories,
        topics: aligned.topics,
        alignments: aligned.alignments,
        quotes: framing.quotes,
        cues: framing.cues,
        tones: framing.tones,
        tables: framing.tables,
        differences: framing.differences,
        diffs,
        entities,
    };
    let scratch = Scratch {
        _tokens: tokens,
        _signals: signals,
    };
    Some((analysis, scratch))
}

/// Runs the analysis without progress reporting.
pub fn analyze(articles: Vec<Article>, config: &Config) -> Analysis {
    analyze_with_progress(articles, config, &|_, _| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn does_not_mention_is_checked_only_by_an_omission_with_evidence() {
        let d = |kind, evidence: Vec<(ArticleId, usize)>| Difference {
            topic: 1,
            kind,
            articles: evidence.iter().map(|e| e.0).collect(),
            summary: String::new(),
            evidence,
        };
        let a = Analysis {
            differences: vec![
                d(frame::DifferenceKind::Omission, vec![(ArticleId(2), 4)]),
                d(frame::DifferenceKind::Unaligned, vec![(ArticleId(1), 0)]),
            ],
            ..Analysis::default()
        };
        assert!(a.omission_checked(1, ArticleId(2)));
        assert!(
            !a.omission_checked(1, ArticleId(1)),
            "unaligned is not checked"
        );
        assert!(!a.omission_checked(0, ArticleId(2)), "another topic");
    }

    #[test]
    fn a_cancelled_analysis_stops_and_an_uncancelled_one_does_not() {
        let text =
            b"Title\n\nThe council approved the budget on Monday. Critics called it reckless.";
        let articles = vec![
            crate::ingest::ingest("a.txt", text).unwrap(),
            crate::ingest::ingest("b.txt", text).unwrap(),
        ];
        let config = Config::builtin();
        let stages = std::sync::Mutex::new(Vec::new());
        let gone = analyze_cancellable(
            articles.clone(),
            &config,
            &|s, _| stages.lock().unwrap().push(s),
            &|| true,
        );
        assert!(gone.is_none());
        assert_eq!(
            *stages.lock().unwrap(),
            vec![Stage::Aligning],
            "stopped at the first check"
        );
        let done = analyze_cancellable(articles, &config, &|_, _| {}, &|| false);
        assert_eq!(done.map(|a| a.articles.len()), Some(2));
    }
}
