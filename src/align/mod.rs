//! Story grouping and topic alignment: which articles cover the same story, which sentences of
//! each speak of the same thing (topics with labels and terms), and scored sentence alignments
//! with the evidence that ties them.

use crate::model::{Article, ArticleId};
use serde::{Deserialize, Serialize};

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
    /// The evidence: shared terms, entities and quoted strings.
    pub shared: Vec<String>,
}

/// Everything alignment produces.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Aligned {
    pub stories: Vec<Story>,
    pub topics: Vec<Topic>,
    pub alignments: Vec<Alignment>,
}

/// Groups articles into stories, clusters topics and aligns sentences.
pub fn align(articles: &[Article]) -> Aligned {
    // Placeholder until the alignment issue lands: one story, no topics.
    Aligned {
        stories: if articles.is_empty() {
            Vec::new()
        } else {
            vec![Story {
                id: 0,
                articles: (0..articles.len()).collect(),
            }]
        },
        topics: Vec::new(),
        alignments: Vec::new(),
    }
}
