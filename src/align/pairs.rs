//! Sentence alignment within a story: every sentence pair of two articles of the story is
//! scored (no candidate list that could drop a pair's defining terms), by the cosine of their
//! TF-IDF vectors over canonical terms, plus evidence from shared names and shared quotations,
//! plus the closeness of their meaning (cosine of the static sentence embeddings,
//! [`crate::text::embed`]); then a sparse choice of partners per sentence and article.
//!
//! # Calibration (ECB+ development topics, `framediff eval ecb`)
//!
//! The meaning term and the lowest score were fitted on the ECB+ topics whose number is 1 mod 4
//! (grid: floor 0.3–0.5, weight 0.1–0.6, lowest score 0.22–0.38): the setting with the highest
//! event-pair recall there among those keeping that half's alignment precision at least where
//! the lexical score alone had it (0.903 at 0.22). Simulated over every sentence pair of the
//! found stories (event-pair recall at alignment precision):
//!
//! | data | lexical only, 0.22 | with meaning (floor 0.5, weight 0.2), 0.24 |
//! |---|---|---|
//! | topics 1 mod 4 (fitted on) | 0.417 at 0.903 | 0.420 at 0.904 |
//! | topics 3 mod 4 (held out) | 0.375 at 0.845 | 0.382 at 0.852 |
//!
//! A small gain: on ECB+ the meaning of two sentences of one story tells little more than
//! their words (a sentence on another fact of the same event scores as high as a paraphrase),
//! and a logistic regression over the same signals (TF-IDF cosine, embedding cosine, shared
//! quotes, names and numbers, lengths) fitted on the first half did better there (0.50 at
//! 0.91) but worse held out (0.43 at 0.81), so it was not kept.

use super::Alignment;
use super::features::SentenceFeatures;
use super::vector::{Sparse, Vocab, cosine, document_frequencies, idf, tfidf};
use crate::model::ArticleId;
use crate::text::embed::SentenceVectors;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Tunable knobs of sentence alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairOptions {
    /// Lowest score of an alignment.
    pub min_score: f32,
    /// Embedding cosine above which two sentences' meaning adds to their score.
    pub semantic_floor: f32,
    /// What each unit of embedding cosine above [`Self::semantic_floor`] adds.
    pub semantic_weight: f32,
    /// Partners besides the best must score at least this share of the best.
    pub relative: f32,
    /// At most this many partners per sentence in each other article.
    pub max_partners: usize,
}

impl Default for PairOptions {
    fn default() -> Self {
        PairOptions {
            min_score: 0.24,
            semantic_floor: 0.5,
            semantic_weight: 0.2,
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
/// and names (the lexical score). Returns the score and the number of shared quote shingles.
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

/// Aligns the sentences of a story's articles. `ids` are the article ids of the story;
/// `vectors` holds every article's sentence embeddings (by article id).
pub fn align_story(
    ids: &[ArticleId],
    feats: &[&[SentenceFeatures]],
    space: &StorySpace,
    vectors: &SentenceVectors,
    opts: &PairOptions,
) -> Vec<Alignment> {
    let n = feats.len();
    // the most meaning can add (a cosine is at most 1): a pair whose lexical score falls short
    // of the lowest score by more needs no embedding cosine
    let most_semantic = opts.semantic_weight * (1.0 - opts.semantic_floor).max(0.0);
    let article_pairs: Vec<(usize, usize)> = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .collect();
    // every sentence pair of two articles, scored; those at least `min_score` kept as
    // (sentence of a, sentence of b, score, shared quote shingles)
    let scored: Vec<Vec<(usize, usize, f32, f32)>> = article_pairs
        .par_iter()
        .map(|&(a, b)| {
            let mut out = Vec::new();
            for (s, fa) in feats[a].iter().enumerate() {
                let row_a = vectors.row(ids[a].index(), s);
                for (t, fb) in feats[b].iter().enumerate() {
                    let (lexical, _) = score(fa, fb, &space.vectors[a][s], &space.vectors[b][t]);
                    if lexical + most_semantic < opts.min_score {
                        continue;
                    }
                    let semantic = semantic_of(vectors, row_a, ids[b], t);
                    let sc = with_meaning(lexical, semantic, opts);
                    if sc >= opts.min_score {
                        out.push((s, t, sc, semantic));
                    }
                }
            }
            out
        })
        .collect();
    // best partners of each sentence in each other article
    let mut kept: BTreeMap<(Key, Key), (f32, f32)> = BTreeMap::new();
    for (&(a, b), list) in article_pairs.iter().zip(&scored) {
        for side in [false, true] {
            // (this sentence, its partner, score, semantic), by this sentence
            let mut by_sentence: BTreeMap<usize, Vec<(f32, usize, f32)>> = BTreeMap::new();
            for &(s, t, sc, sem) in list {
                let (mine, theirs) = if side { (t, s) } else { (s, t) };
                by_sentence.entry(mine).or_default().push((sc, theirs, sem));
            }
            for (mine, mut partners) in by_sentence {
                partners.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
                let best = partners[0].0;
                for &(sc, theirs, sem) in partners.iter().take(opts.max_partners) {
                    if sc < best * opts.relative {
                        break;
                    }
                    let (s, t) = if side { (theirs, mine) } else { (mine, theirs) };
                    let entry = kept.entry(((a, s), (b, t))).or_insert((sc, sem));
                    entry.0 = entry.0.max(sc);
                }
            }
        }
    }
    kept.into_iter()
        .map(|(((a, s), (b, t)), (sc, sem))| Alignment {
            a: (ids[a], s),
            b: (ids[b], t),
            score: (sc * 1000.0).round() / 1000.0,
            semantic: (sem * 1000.0).round() / 1000.0,
            shared: evidence(&feats[a][s], &feats[b][t]),
        })
        .collect()
}

/// The embedding cosine of a sentence (its row, if any) with sentence `t` of article `b`.
fn semantic_of(vectors: &SentenceVectors, row: Option<usize>, b: ArticleId, t: usize) -> f32 {
    match (row, vectors.row(b.index(), t)) {
        (Some(x), Some(y)) => vectors.cosine(x, y),
        _ => 0.0,
    }
}

/// A pair's score: its lexical score ([`score`]) plus what its meaning adds.
fn with_meaning(lexical: f32, semantic: f32, opts: &PairOptions) -> f32 {
    lexical + opts.semantic_weight * (semantic - opts.semantic_floor).max(0.0)
}

/// For measuring: the best-scoring sentence of each other article of the story for every
/// sentence, by the score alignment uses, whether or not it reaches the lowest score, as
/// ((article, sentence), other article, its sentence, score); on a tie the earlier sentence.
pub fn best_partners(
    ids: &[ArticleId],
    feats: &[&[SentenceFeatures]],
    space: &StorySpace,
    vectors: &SentenceVectors,
    opts: &PairOptions,
) -> Vec<((ArticleId, usize), ArticleId, usize, f32)> {
    let mut out = Vec::new();
    for (a, sentences) in feats.iter().enumerate() {
        for (s, fa) in sentences.iter().enumerate() {
            let row_a = vectors.row(ids[a].index(), s);
            for (b, others) in feats.iter().enumerate().filter(|&(b, _)| b != a) {
                let mut best: Option<(usize, f32)> = None;
                for (t, fb) in others.iter().enumerate() {
                    let (lexical, _) = score(fa, fb, &space.vectors[a][s], &space.vectors[b][t]);
                    let sc = with_meaning(lexical, semantic_of(vectors, row_a, ids[b], t), opts);
                    if best.is_none_or(|(_, x)| sc > x) {
                        best = Some((t, sc));
                    }
                }
                if let Some((t, sc)) = best {
                    out.push(((ids[a], s), ids[b], t, sc));
                }
            }
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use crate::align::align;
    use crate::config::Config;
    use crate::frame::compare::article;
    use crate::model::ArticleId;

    fn aligned_pairs(articles: &[crate::model::Article]) -> Vec<((usize, usize), (usize, usize))> {
        let mut articles = articles.to_vec();
        for (i, a) in articles.iter_mut().enumerate() {
            a.id = ArticleId(i);
        }
        align(&articles, &Config::builtin())
            .alignments
            .iter()
            .map(|al| ((al.a.0.index(), al.a.1), (al.b.0.index(), al.b.1)))
            .collect()
    }

    #[test]
    fn terms_in_every_sentence_still_tie_a_pair() {
        // the names and the event words stand in every sentence of the story: a candidate list
        // that drops terms common in the story would never compare these two
        let a = article(&[
            "Ines Cole and Nora Vance left Dunmore prison.",
            "Ines Cole and Nora Vance had served six years in Dunmore prison.",
            "Ines Cole thanked the lawyers of Nora Vance outside Dunmore prison.",
        ]);
        let b = article(&[
            "Dunmore prison freed Ines Cole and Nora Vance.",
            "Nora Vance said Ines Cole would rest before speaking about Dunmore prison.",
            "Lawyers for Ines Cole and Nora Vance waited at Dunmore prison.",
        ]);
        let pairs = aligned_pairs(&[a, b]);
        assert!(pairs.contains(&((0, 0), (1, 0))), "{pairs:?}");
    }

    #[test]
    fn meaning_counts_and_is_kept_on_the_alignment() {
        let a = article(&[
            "Harbour workers in Dunmore ended their strike after the port raised wages.",
            "Ferries to the Dunmore islands ran late all week.",
        ]);
        let b = article(&[
            "Dunmore dock staff went back to work once the port agreed to higher pay.",
            "A new fish market opened on the Dunmore quay.",
        ]);
        let mut articles = vec![a, b];
        for (i, x) in articles.iter_mut().enumerate() {
            x.id = ArticleId(i);
        }
        let aligned = align(&articles, &Config::builtin());
        let al = aligned
            .alignments
            .iter()
            .find(|al| al.a == (ArticleId(0), 0) && al.b == (ArticleId(1), 0))
            .unwrap_or_else(|| panic!("the paraphrase is not aligned: {aligned:?}"));
        assert!(al.semantic > 0.5, "{al:?}");
        assert!(
            !aligned
                .alignments
                .iter()
                .any(|al| al.a == (ArticleId(0), 1) && al.b == (ArticleId(1), 1)),
            "{:?}",
            aligned.alignments
        );
    }
}
