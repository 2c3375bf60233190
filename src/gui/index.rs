//! Look-up tables the view needs every frame, built once per analysis (off the UI thread):
//! each sentence's topic, aligned partners, cues and quotes, and each topic's first sentence per
//! article, the evidence of each difference, and the marks of the change map.

use crate::analysis::Analysis;
use crate::frame::CueKind;
use crate::model::ArticleId;
use std::collections::BTreeMap;
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
    /// The overview's figures per article, computed once per analysis.
    pub stats: Vec<ArticleStats>,
    /// The evidence of each difference (same order as `analysis.differences`).
    pub evidence: Vec<super::evidence::Evidence>,
    /// Where shared topics and differences lie along each article (the change map's marks).
    pub map: super::changemap::Map,
    /// actors[topic]: indices into `analysis.entities` of the people, groups and places known
    /// by a name with a mention in the topic's sentences (the card's naming rows), in order.
    pub actors: Vec<Vec<usize>>,
}

/// What the overview shows of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleStats {
    /// Mean VADER compound of its sentences.
    pub tone: f32,
    /// Hedges and boosters (with intensifiers) per 100 words.
    pub hedges_per_100: f32,
    pub boosters_per_100: f32,
    /// Speakers of its quotes and reported speech (scare quotes left out) with counts, by name.
    pub voices: Vec<(String, usize)>,
    /// Frame dimensions with cue counts, most first.
    pub frames: Vec<(&'static str, usize)>,
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
        idx.stats = vec![ArticleStats::default(); a.articles.len()];
        let mut hedges = vec![0usize; a.articles.len()];
        let mut boosters = vec![0usize; a.articles.len()];
        let mut frames: Vec<BTreeMap<&'static str, usize>> =
            vec![BTreeMap::new(); a.articles.len()];
        for c in a.cues.iter().filter(|c| !c.in_quote) {
            let i = c.article.index();
            if i >= a.articles.len() {
                continue;
            }
            match c.category {
                CueKind::Hedge => hedges[i] += 1,
                k if k.is_booster() => boosters[i] += 1,
                CueKind::Frame(d) => *frames[i].entry(d.as_str()).or_default() += 1,
                _ => {}
            }
        }
        let mut voices: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); a.articles.len()];
        for q in a.quotes.iter().filter(|q| !q.scare) {
            if let Some(v) = voices.get_mut(q.article.index()) {
                *v.entry(q.speaker.clone().unwrap_or_else(|| "unattributed".into()))
                    .or_default() += 1;
            }
        }
        for (i, s) in idx.stats.iter_mut().enumerate() {
            let words = a.articles[i].word_count().max(1) as f32;
            s.tone = a
                .tones
                .iter()
                .find(|t| t.article.index() == i)
                .map_or(0.0, |t| t.mean);
            s.hedges_per_100 = 100.0 * hedges[i] as f32 / words;
            s.boosters_per_100 = 100.0 * boosters[i] as f32 / words;
            s.voices = std::mem::take(&mut voices[i]).into_iter().collect();
            let mut f: Vec<(&'static str, usize)> =
                std::mem::take(&mut frames[i]).into_iter().collect();
            f.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
            s.frames = f;
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
        if !a.differences.is_empty() {
            let words = super::evidence::Words::new(a);
            idx.evidence = a
                .differences
                .iter()
                .map(|d| super::evidence::evidence(a, &words, d))
                .collect();
        }
        idx.map = super::changemap::Map::new(a, &idx);
        idx.actors = crate::frame::entities::actors_by_topic(&a.topics, &a.entities);
        idx
    }

    /// The entities (by index) a topic's card lists in its naming rows.
    pub fn actors(&self, topic: usize) -> &[usize] {
        self.actors.get(topic).map_or(&[], Vec::as_slice)
    }

    /// The topic of a sentence.
    pub fn topic(&self, s: SentenceRef) -> Option<usize> {
        self.topic_of.get(s.0.index())?.get(s.1).copied().flatten()
    }
}
