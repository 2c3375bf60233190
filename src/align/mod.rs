//! Story grouping and topic alignment: which articles cover the same story, which sentences of
//! each speak of the same thing (topics with labels and terms), and scored sentence alignments
//! with the evidence that ties them.

mod features;
mod label;
mod pairs;
mod story;
pub(crate) use story::day_number;
pub mod synonyms;
mod topics;
mod vector;

pub use features::{quoted_words, words};
pub use pairs::PairOptions;
pub use story::STORY_THRESHOLD;
pub use topics::TopicOptions;

use crate::config::Config;
use crate::model::{Article, ArticleId};
use crate::text::analyzer::{ArticleTokens, tokenize_articles};
use crate::text::embed::{SentenceVectors, StaticEmbeddings};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A group of articles covering the same story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: usize,
    pub articles: Vec<ArticleId>,
}

/// Where an article first mentions a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// In the title.
    Headline,
    /// In the first paragraph (or first two sentences).
    Lede,
    /// Elsewhere in the body.
    Body,
}

/// One article's part of a topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicMember {
    pub article: ArticleId,
    /// Sentence indices of the article in this topic, ascending.
    pub sentences: Vec<usize>,
    /// Share of the article's words that this topic's sentences hold (0..1).
    pub share: f32,
    /// Paragraph (0-based) of the first sentence in the topic.
    pub first_paragraph: usize,
    pub placement: Placement,
}

/// A topic: sentences from one or more articles of a story that speak of the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: usize,
    /// A short readable label (key phrase).
    pub label: String,
    /// The defining terms, most characteristic first.
    pub terms: Vec<String>,
    pub story: usize,
    /// Members, one per covering article, in article order.
    pub members: Vec<TopicMember>,
}

impl Topic {
    /// The member for an article, if that article covers the topic.
    pub fn member(&self, article: ArticleId) -> Option<&TopicMember> {
        self.members.iter().find(|m| m.article == article)
    }
}

/// A scored pair of sentences from two articles of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// (article, sentence index)
    pub a: (ArticleId, usize),
    pub b: (ArticleId, usize),
    pub score: f32,
    /// How close the two sentences are in meaning: the cosine of their static embeddings
    /// ([`crate::text::embed`]), part of `score` above [`PairOptions::semantic_floor`].
    #[serde(default)]
    pub semantic: f32,
    /// For a pair scoring under the lowest score: the number of sentences, each in another
    /// article, both of its sentences are aligned with, which aligned it
    /// ([`PairOptions::support`]); 0 for a pair its score aligned.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub support: usize,
    /// The evidence: shared terms, entities and quoted strings.
    pub shared: Vec<String>,
}

/// Whether a count is 0 (left out of the JSON).
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Alignment {
    /// Sentence `a.1` of article `a.0` aligned with sentence `b.1` of article `b.0` at `score`,
    /// with no meaning part and no evidence words: a hand-built alignment for tests.
    #[cfg(test)]
    pub(crate) fn bare(a: (usize, usize), b: (usize, usize), score: f32) -> Alignment {
        Alignment {
            a: (ArticleId(a.0), a.1),
            b: (ArticleId(b.0), b.1),
            score,
            semantic: 0.0,
            support: 0,
            shared: Vec::new(),
        }
    }
}

/// Everything alignment produces.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Aligned {
    pub stories: Vec<Story>,
    pub topics: Vec<Topic>,
    pub alignments: Vec<Alignment>,
}

/// Groups articles into stories, aligns sentences within each story and clusters topics, with
/// the paraphrase groups and thresholds of `config`. Tokenises the articles itself; the
/// pipeline, which shares one tokenisation with framing, calls [`align_tokens`].
pub fn align(articles: &[Article], config: &Config) -> Aligned {
    align_tokens(articles, &tokenize_articles(articles), config).0
}

/// The built-in static embedding of every sentence of `articles` (see
/// [`crate::text::embed::SentenceVectors`]), computed in parallel.
pub fn sentence_vectors(articles: &[Article]) -> SentenceVectors {
    let texts: Vec<Vec<&str>> = articles
        .iter()
        .map(|a| a.sentences.iter().map(|s| s.text.as_str()).collect())
        .collect();
    SentenceVectors::new(StaticEmbeddings::builtin(), &texts)
}

/// [`align`] over articles already tokenised (`tokens[i]` belongs to `articles[i]`). The
/// sentences' embeddings ([`sentence_vectors`]) are computed beside the story grouping, which
/// does not need them, and returned for the omission check. Stories are aligned in parallel;
/// the output does not depend on the number of threads.
pub fn align_tokens(
    articles: &[Article],
    tokens: &[ArticleTokens],
    config: &Config,
) -> (Aligned, SentenceVectors) {
    let aligner = Aligner {
        config,
        word_counts: articles.par_iter().map(Article::word_count).collect(),
    };
    let (vectors, (feats, vocab, groups)) = rayon::join(
        || sentence_vectors(articles),
        || aligner.stories(articles, tokens),
    );
    let aligned = aligner.align(articles, tokens, &vectors, feats, &vocab, groups);
    (aligned, vectors)
}

/// For measuring alignment as a ranking (`framediff eval ecb`): every sentence's best-scoring
/// sentence in each other article of its story, by the score alignment uses, whether or not
/// the pair is aligned (see [`pairs::best_partners`]): ((article, sentence), other article,
/// its sentence, score). Runs the grouping again; not part of an analysis.
pub fn best_partners(
    articles: &[Article],
    config: &Config,
) -> Vec<((ArticleId, usize), ArticleId, usize, f32)> {
    let tokens = tokenize_articles(articles);
    let vectors = sentence_vectors(articles);
    let aligner = Aligner {
        config,
        word_counts: Vec::new(),
    };
    let (feats, vocab, groups) = aligner.stories(articles, &tokens);
    groups
        .par_iter()
        .flat_map_iter(|group| {
            let ids: Vec<ArticleId> = group.iter().map(|&i| ArticleId(i)).collect();
            let sentence_feats: Vec<&[features::SentenceFeatures]> =
                group.iter().map(|&i| feats[i].0.as_slice()).collect();
            let space = pairs::space(&sentence_feats, &vocab);
            pairs::best_partners(&ids, &sentence_feats, &space, &vectors, &config.pairs)
        })
        .collect()
}

/// Each article's sentence features and title features.
type ArticleFeatures = (Vec<features::SentenceFeatures>, features::SentenceFeatures);

struct Aligner<'c> {
    config: &'c Config,
    /// Words of each article, counted once (a topic's share is measured against it).
    word_counts: Vec<usize>,
}

/// What one story yields: its alignments and its topics with their reading-order keys.
type StoryResult = (Vec<Alignment>, Vec<(f32, Topic)>);

impl Aligner<'_> {
    /// The articles' features, the vocabulary of their terms and the stories.
    fn stories(
        &self,
        articles: &[Article],
        tokens: &[ArticleTokens],
    ) -> (Vec<ArticleFeatures>, vector::Vocab, Vec<Vec<usize>>) {
        let feats: Vec<ArticleFeatures> = articles
            .par_iter()
            .zip(tokens.par_iter())
            .map(|(a, t)| features::article_features(a, t, &self.config.synonyms))
            .collect();
        let mut vocab = vector::Vocab::default();
        // every term of every sentence and title gets its id here
        let doc_vectors = story::document_vectors(&feats, &mut vocab);
        let dates: Vec<Option<&str>> = articles.iter().map(|a| a.date.as_deref()).collect();
        let groups = story::group(&doc_vectors, &dates, self.config.story_threshold);
        (feats, vocab, groups)
    }

    /// Aligns the sentences of each story (`vectors`: the sentences' embeddings, by article
    /// id) and clusters its topics.
    fn align(
        &self,
        articles: &[Article],
        tokens: &[ArticleTokens],
        vectors: &SentenceVectors,
        feats: Vec<ArticleFeatures>,
        vocab: &vector::Vocab,
        groups: Vec<Vec<usize>>,
    ) -> Aligned {
        let per_story: Vec<StoryResult> = groups
            .par_iter()
            .enumerate()
            .map(|(story_id, group)| {
                self.story(articles, tokens, &feats, vocab, vectors, story_id, group)
            })
            .collect();
        let mut out = Aligned::default();
        let mut topics: Vec<(f32, Topic)> = Vec::new();
        for ((story_id, group), (alignments, story_topics)) in
            groups.iter().enumerate().zip(per_story)
        {
            out.stories.push(Story {
                id: story_id,
                articles: group.iter().map(|&i| ArticleId(i)).collect(),
            });
            out.alignments.extend(alignments);
            topics.extend(story_topics);
        }
        // reading order: stories in turn, topics by how early they come in their articles
        topics.sort_by(|x, y| {
            x.1.story
                .cmp(&y.1.story)
                .then(x.0.total_cmp(&y.0))
                .then(x.1.members[0].article.cmp(&y.1.members[0].article))
                .then(x.1.members[0].sentences.cmp(&y.1.members[0].sentences))
        });
        out.topics = topics
            .into_iter()
            .enumerate()
            .map(|(id, (_, mut t))| {
                t.id = id;
                t
            })
            .collect();
        out
    }

    /// Aligns the sentences of one story and clusters its topics.
    #[allow(clippy::too_many_arguments)]
    fn story(
        &self,
        articles: &[Article],
        tokens: &[ArticleTokens],
        feats: &[ArticleFeatures],
        vocab: &vector::Vocab,
        vectors: &SentenceVectors,
        story_id: usize,
        group: &[usize],
    ) -> StoryResult {
        let ids: Vec<ArticleId> = group.iter().map(|&i| ArticleId(i)).collect();
        let ids = &ids;
        let sentence_feats: Vec<&[features::SentenceFeatures]> =
            group.iter().map(|&i| feats[i].0.as_slice()).collect();
        let space = pairs::space(&sentence_feats, vocab);
        let alignments =
            pairs::align_story(ids, &sentence_feats, &space, vectors, &self.config.pairs);
        let local = |id: ArticleId| ids.iter().position(|&x| x == id).unwrap_or(0);
        let edges: Vec<(pairs::Key, pairs::Key, f32)> = alignments
            .iter()
            .map(|al| ((local(al.a.0), al.a.1), (local(al.b.0), al.b.1), al.score))
            .collect();
        let shape = topics::StoryShape {
            sentences: ids
                .iter()
                .map(|&i| {
                    articles[i.0]
                        .sentences
                        .iter()
                        .map(|s| (s.paragraph, s.text.split_whitespace().count()))
                        .collect()
                })
                .collect(),
            space: &space,
        };
        let topics = topics::cluster(&shape, &edges, &self.config.topics)
            .iter()
            .filter_map(|cluster| {
                self.make_topic(
                    articles, tokens, feats, ids, &space, vocab, story_id, cluster,
                )
            })
            .collect();
        (alignments, topics)
    }

    /// Builds a topic from a cluster, or None for a cluster too slight to be a topic (a lone
    /// short sentence nobody else covers). Returns the topic with its reading-order key.
    #[allow(clippy::too_many_arguments)]
    fn make_topic(
        &self,
        articles: &[Article],
        tokens: &[ArticleTokens],
        feats: &[ArticleFeatures],
        ids: &[ArticleId],
        space: &pairs::StorySpace,
        vocab: &vector::Vocab,
        story: usize,
        cluster: &[pairs::Key],
    ) -> Option<(f32, Topic)> {
        let covering: BTreeSet<usize> = cluster.iter().map(|k| k.0).collect();
        let words: usize = cluster
            .iter()
            .map(|&(a, s)| feats[ids[a].0].0[s].words)
            .sum();
        if covering.len() < 2 && words < if cluster.len() >= 2 { 15 } else { 25 } {
            return None;
        }
        let member_feats: Vec<label::Member> = cluster
            .iter()
            .map(|&(a, s)| {
                (
                    a,
                    &feats[ids[a].0].0[s],
                    articles[ids[a].0].sentences[s].text.as_str(),
                    tokens[ids[a].0].sentence(s),
                )
            })
            .collect();
        let idf = |t: &str| {
            vocab
                .get(t)
                .and_then(|id| space.idf.get(&id).copied())
                .unwrap_or(1.0)
        };
        let labelled = label::label(&member_feats, &idf);
        let mut members = Vec::new();
        let mut order = f32::MAX;
        for &a in &covering {
            let article = &articles[ids[a].0];
            let sentences: Vec<usize> = cluster.iter().filter(|k| k.0 == a).map(|k| k.1).collect();
            let first = sentences[0];
            let total_words = self.word_counts[ids[a].0].max(1);
            let topic_words: usize = sentences
                .iter()
                .map(|&s| article.sentences[s].text.split_whitespace().count())
                .sum();
            let title = &feats[ids[a].0].1;
            let top_terms: BTreeSet<&String> = labelled
                .stems
                .iter()
                .filter(|t| title.terms.contains(t))
                .collect();
            let first_paragraph = article.sentences[first].paragraph;
            let placement = if top_terms.len() >= 2 && first <= 2 {
                Placement::Headline
            } else if first_paragraph == 0 || first <= 1 {
                Placement::Lede
            } else {
                Placement::Body
            };
            order = order.min(first as f32 / article.sentences.len().max(1) as f32);
            members.push(TopicMember {
                article: ids[a],
                sentences,
                share: ((topic_words as f32 / total_words as f32) * 1000.0).round() / 1000.0,
                first_paragraph,
                placement,
            });
        }
        Some((
            order,
            Topic {
                id: 0,
                label: labelled.label,
                terms: labelled.terms,
                story,
                members,
            },
        ))
    }
}
