//! Sentence alignment within a story: sentence TF-IDF vectors over canonical terms, candidates
//! from an inverted index (no all-pairs matrix), scores that add evidence from shared names and
//! shared quotations, and a sparse choice of partners per sentence and article.

use super::Alignment;
use super::features::SentenceFeatures;
use super::vector::{Sparse, Vocab, cosine, document_frequencies, idf, tfidf};
use crate::model::ArticleId;
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Tunable knobs of sentence alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairOptions {
    /// Lowest score of an alignment.
    pub min_score: f32,
    /// Partners besides the best must score at least this share of the best.
    pub relative: f32,
    /// At most this many partners per sentence in each other article.
    pub max_partners: usize,
}

impl Default for PairOptions {
    fn default() -> Self {
        PairOptions {
            min_score: 0.22,
            relative: 0.85,
            max_partners: 2,
        }
    }
}

/// A sentence of a story: (position of the article in the story, sentence index).
pub type Key = (usize, usize);

/// Sentence vectors of a story, kept for topic clustering and labels.
pub struct StorySpace {
    pub vectors: Vec<Vec<Sparse>>,
    /// Inverse document frequency of each term id over the story's sentences.
    pub idf: HashMap<u32, f32>,
}

/// Builds the sentence vectors of a story.
pub fn space(feats: &[&[SentenceFeatures]], vocab: &Vocab) -> StorySpace {
    let bags: Vec<Vec<BTreeMap<u32, f32>>> = feats
        .iter()
        .map(|sentences| {
            sentences
                .iter()
                .map(|f| {
                    let mut bag = BTreeMap::new();
                    for t in &f.terms {
                        let boost = if f.entities.contains(t) { 1.5 } else { 1.0 };
                        // every term has its id from the document vectors; an unknown one is skipped
                        if let Some(id) = vocab.get(t) {
                            *bag.entry(id).or_insert(0.0) += boost;
                        }
                    }
                    bag
                })
                .collect()
        })
        .collect();
    let n: usize = bags.iter().map(Vec::len).sum();
    let df = document_frequencies(bags.iter().flatten());
    let vectors = bags
        .iter()
        .map(|a| a.iter().map(|b| tfidf(b, &df, n)).collect())
        .collect();
    let idf = df.iter().map(|(&t, &d)| (t, idf(d, n))).collect();
    StorySpace { vectors, idf }
}

/// Scores one pair of sentences: cosine, damped for very short sentences, plus shared quotes
/// and names. Returns the score and the number of shared quote shingles.
pub fn score(a: &SentenceFeatures, b: &SentenceFeatures, va: &Sparse, vb: &Sparse) -> (f32, usize) {
    let cos = cosine(va, vb);
    let shortest = a.terms.len().min(b.terms.len()) as f32;
    let damp = (shortest / 6.0).clamp(0.0, 1.0).sqrt();
    let quotes = a.quote_shingles.intersection(&b.quote_shingles).count();
    let quote_bonus = if quotes > 0 {
        0.3 + 0.05 * quotes.min(6) as f32
    } else if a
        .quoted_words
        .intersection(&b.quoted_words)
        .next()
        .is_some()
    {
        0.1
    } else {
        0.0
    };
    let names = a.entities.intersection(&b.entities).count();
    let name_bonus = if names >= 2 {
        0.04 * (names - 1).min(3) as f32
    } else {
        0.0
    };
    (cos * damp + quote_bonus + name_bonus, quotes)
}

/// Aligns the sentences of a story's articles. `ids` are the article ids of the story.
pub fn align_story(
    ids: &[ArticleId],
    feats: &[&[SentenceFeatures]],
    space: &StorySpace,
    opts: &PairOptions,
) -> Vec<Alignment> {
    let total: usize = feats.iter().map(|f| f.len()).sum();
    // Inverted index over terms that are not too common in the story, and over quote shingles.
    let common = (total as f32 * 0.25).max(4.0) as usize;
    let mut postings: HashMap<u32, Vec<Key>> = HashMap::default();
    for (a, vecs) in space.vectors.iter().enumerate() {
        for (s, v) in vecs.iter().enumerate() {
            for &(t, _) in v {
                postings.entry(t).or_default().push((a, s));
            }
        }
    }
    postings.retain(|_, p| p.len() <= common);
    let mut quote_postings: HashMap<&str, Vec<Key>> = HashMap::default();
    for (a, sentences) in feats.iter().enumerate() {
        for (s, f) in sentences.iter().enumerate() {
            for q in &f.quote_shingles {
                quote_postings.entry(q.as_str()).or_default().push((a, s));
            }
        }
    }
    // Best partners of each sentence in each other article.
    let mut kept: BTreeMap<(Key, Key), (f32, usize)> = BTreeMap::new();
    for (a, vecs) in space.vectors.iter().enumerate() {
        for (s, v) in vecs.iter().enumerate() {
            let mut candidates: BTreeSet<Key> = BTreeSet::new();
            for &(t, _) in v {
                if let Some(p) = postings.get(&t) {
                    candidates.extend(p.iter().filter(|k| k.0 != a));
                }
            }
            for q in &feats[a][s].quote_shingles {
                if let Some(p) = quote_postings.get(q.as_str()) {
                    candidates.extend(p.iter().filter(|k| k.0 != a));
                }
            }
            let mut by_article: BTreeMap<usize, Vec<(f32, usize, usize)>> = BTreeMap::new();
            for (b, t) in candidates {
                let (sc, quotes) = score(&feats[a][s], &feats[b][t], v, &space.vectors[b][t]);
                if sc >= opts.min_score {
                    by_article.entry(b).or_default().push((sc, t, quotes));
                }
            }
            for (b, mut list) in by_article {
                list.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
                let best = list[0].0;
                for &(sc, t, quotes) in list.iter().take(opts.max_partners) {
                    if sc < best * opts.relative {
                        break;
                    }
                    let pair = if a < b {
                        ((a, s), (b, t))
                    } else {
                        ((b, t), (a, s))
                    };
                    let entry = kept.entry(pair).or_insert((sc, quotes));
                    entry.0 = entry.0.max(sc);
                }
            }
        }
    }
    kept.into_iter()
        .map(|(((a, s), (b, t)), (sc, _))| Alignment {
            a: (ids[a], s),
            b: (ids[b], t),
            score: (sc * 1000.0).round() / 1000.0,
            shared: evidence(&feats[a][s], &feats[b][t]),
        })
        .collect()
}

/// The words that tie two sentences, most telling first: a shared quotation, then shared names
/// and terms by weight (surface words of the first sentence).
pub fn evidence(a: &SentenceFeatures, b: &SentenceFeatures) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(q) = a.quote_shingles.intersection(&b.quote_shingles).next() {
        out.push(format!("“{q}…”"));
    }
    let b_terms: BTreeSet<&String> = b.terms.iter().collect();
    let mut shared: Vec<(f32, &str, &str)> = Vec::new();
    let mut seen = BTreeSet::new();
    for (t, surface) in a.terms.iter().zip(&a.surfaces) {
        if b_terms.contains(t) && seen.insert(t) {
            let weight =
                if a.entities.contains(t) { 2.0 } else { 1.0 } + surface.len() as f32 / 40.0;
            shared.push((weight, t.as_str(), surface.as_str()));
        }
    }
    shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
    out.extend(shared.into_iter().take(6).map(|(_, _, s)| s.to_string()));
    out
}
