//! Look-up tables the view needs every frame, built once per analysis (off the UI thread):
//! each sentence's topic, aligned partners, cues and quotes, and each topic's first sentence per
//! article.

use crate::analysis::Analysis;
use crate::model::ArticleId;
use std::collections::HashMap;

/// A sentence of an analysed article: (article, sentence index).
pub type SentenceRef = (ArticleId, usize);

#[derive(Debug, Default, Clone)]
pub struct Index {
    /// topic_of[article][sentence]
    pub topic_of: Vec<Vec<Option<usize>>>,
    /// Aligned partners of a sentence with scores, best first.
    pub partners: HashMap<SentenceRef, Vec<(SentenceRef, f32, usize)>>,
    /// Indices into `analysis.cues` per sentence.
    pub cues: HashMap<SentenceRef, Vec<usize>>,
    /// Indices into `analysis.quotes` per sentence.
    pub quotes: HashMap<SentenceRef, Vec<usize>>,
    /// first[topic][article] = first sentence of the topic in that article.
    pub first: Vec<Vec<Option<usize>>>,
}

impl Index {
    pub fn new(a: &Analysis) -> Index {
        let mut idx = Index {
            topic_of: a
                .articles
                .iter()
                .map(|art| vec![None; art.sentences.len()])
                .collect(),
            first: vec![vec![None; a.articles.len()]; a.topics.len()],
            ..Index::default()
        };
        for (t, topic) in a.topics.iter().enumerate() {
            for m in &topic.members {
                for &s in &m.sentences {
                    if let Some(slot) = idx
                        .topic_of
                        .get_mut(m.article.index())
                        .and_then(|v| v.get_mut(s))
                    {
                        slot.get_or_insert(t);
                    }
                }
                if let Some(slot) = idx
                    .first
                    .get_mut(t)
                    .and_then(|v| v.get_mut(m.article.index()))
                {
                    *slot = m.sentences.iter().min().copied();
                }
            }
        }
        for (k, al) in a.alignments.iter().enumerate() {
            idx.partners
                .entry(al.a)
                .or_default()
                .push((al.b, al.score, k));
            idx.partners
                .entry(al.b)
                .or_default()
                .push((al.a, al.score, k));
        }
        for list in idx.partners.values_mut() {
            list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        }
        for (k, c) in a.cues.iter().enumerate() {
            idx.cues.entry((c.article, c.sentence)).or_default().push(k);
        }
        for (k, q) in a.quotes.iter().enumerate() {
            idx.quotes
                .entry((q.article, q.sentence))
                .or_default()
                .push(k);
        }
        idx
    }

    /// The topic of a sentence.
    pub fn topic(&self, s: SentenceRef) -> Option<usize> {
        self.topic_of.get(s.0.index())?.get(s.1).copied().flatten()
    }
}
