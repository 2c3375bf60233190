//! Sentence alignment within a story: every sentence pair of two articles of the story is
//! scored (no candidate list that could drop a pair's defining terms), by the cosine of their
//! TF-IDF vectors over canonical terms, plus evidence from shared names and shared quotations,
//! plus the closeness of their meaning (cosine of the static sentence embeddings,
//! [`crate::text::embed`]), plus the words they share that most of the story's articles use;
//! then a sparse choice of partners per sentence and article, and the pairs that the
//! alignments of other articles support.
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
//!
//! # A name counts once (stop 25)
//!
//! A name of several words ("Varnian President Nora Vance") had counted as several
//! shared names, each word boosted in the vector and each adding to the names bonus, so two
//! sentences naming one person in passing outscored two reports of one fact. Now a name is a
//! run of capitalised words ([`SentenceFeatures::names`]): its words share one boost
//! ([`term_boosts`]) and the bonus counts shared names ([`shared_names`]). The lowest score was
//! chosen again as before: the lowest (0.17–0.25, step 0.01) that keeps the alignment precision
//! of the topics 1 mod 4 at least where the older score had it (0.903). Event-pair recall at
//! alignment precision, `framediff eval ecb`:
//!
//! | data | before (0.24) | a name counts once (0.19) |
//! |---|---|---|
//! | topics 1 mod 4 (chosen on) | 0.425 at 0.903 | 0.480 at 0.904 |
//! | topics 3 mod 4 (held out) | 0.382 at 0.896 | 0.411 at 0.898 |
//! | all 21 topics | 0.408 at 0.901 | 0.452 at 0.902 |
//!
//! Anchor accuracy@1 (a ranking, no threshold) rose from 0.804 to 0.807. Counting names once
//! in the bonus only, with every word still boosted in the vector, gained less (all topics:
//! 0.432 at 0.902, lowest score 0.21). Leaving days and months out of names cost story ARI
//! (0.838 to 0.821) and anchor accuracy (0.807 to 0.779): a date tells two events apart.
//!
//! # A story's own words, and the support of other articles (stop 26)
//!
//! Inverse document frequency over a story's sentences weighs least the words that fill the
//! story: its event words ("strike" and "harbour" in a story on a harbour strike). Yet two
//! sentences that share them most often report the same event. So each word (not name) two
//! sentences share now adds [`PairOptions::common_weight`] times the share of the story's
//! articles that use it ([`StorySpace::common`]). And a pair under the lowest score (down to
//! [`PairOptions::support_floor`]) is aligned when both of its sentences are aligned with
//! sentences of [`PairOptions::support`] other articles (the same sentence in each): four
//! other reports tie them together ([`supported_pairs`]; its alignments say so, and how
//! many). A story needs six articles for that; such a pair still keeps to
//! [`PairOptions::max_partners`] per sentence and other article.
//!
//! Chosen by the same rule as before, on the ECB+ topics 1 mod 4 only: the highest event-pair
//! recall keeping alignment precision at least 0.903 (grid: weight 0.03–0.05, lowest score
//! 0.23–0.28, floor 0.10–0.18, support 3–6). Event-pair recall at alignment precision,
//! `framediff eval ecb`:
//!
//! | data | stop 25 | story words (0.04, lowest 0.25) | and support (0.15, 4 articles) |
//! |---|---|---|---|
//! | topics 1 mod 4 (chosen on) | 0.480 at 0.904 | 0.493 at 0.910 | 0.533 at 0.905 |
//! | topics 3 mod 4 (held out) | 0.411 at 0.898 | 0.436 at 0.914 | 0.462 at 0.908 |
//! | all 21 topics | 0.452 at 0.902 | 0.470 at 0.911 | 0.504 at 0.906 |
//!
//! Two near choices were set aside. Without the partner limit on supported pairs (support 5)
//! recall was 0.513, but on 1,000 articles in stories of 15 it added 50,884 alignments and 40%
//! to the time. Lowest score 0.24 (support 5) gave 0.534 at 0.903 on the chosen half, one gold
//! pair more, and on the seed page with the samples it aligned two sentences that share only
//! two of the story's common words.
//!
//! Anchor accuracy@1 rose from 0.807 to 0.815. A bonus for two articles' first sentences
//! (their leads) was tried and left out: simulated over every pair, it gained 0.016 recall on
//! the first half and, held out, lost precision (0.898 to 0.894) for 0.006.

use super::Alignment;
use super::features::SentenceFeatures;
use super::vector::{Sparse, Vocab, cosine, document_frequencies, idf, sum_shared, tfidf};
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
    /// What each shared word adds, times the share of the story's articles that use it
    /// ([`StorySpace::words`]): the words most articles of a story share name its events.
    pub common_weight: f32,
    /// A pair below [`Self::min_score`] but at least this is aligned when both of its
    /// sentences are aligned with the same sentences of [`Self::support`] other articles.
    pub support_floor: f32,
    /// How many shared aligned sentences, each in another article, align a pair scoring
    /// between [`Self::support_floor`] and [`Self::min_score`]; 0 turns this off.
    pub support: usize,
}

impl Default for PairOptions {
    fn default() -> Self {
        PairOptions {
            min_score: 0.25,
            semantic_floor: 0.5,
            semantic_weight: 0.2,
            relative: 0.85,
            max_partners: 2,
            common_weight: 0.04,
            support_floor: 0.15,
            support: 4,
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
    /// The words of each sentence that are not names there (by article, sentence), sorted by
    /// term id, each with the share of the story's articles that use it. Inverse document
    /// frequency over sentences weighs a story's own event words ("strike", "harbour")
    /// least, since they fill its sentences; shared, they are what two reports of its events
    /// have in common ([`StorySpace::common`]).
    pub words: Vec<Vec<Sparse>>,
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
                    for (t, boost) in f.terms.iter().zip(term_boosts(f)) {
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
    let mut spread: HashMap<u32, f32> = HashMap::default();
    for article in &bags {
        let used: BTreeSet<u32> = article.iter().flat_map(|b| b.keys().copied()).collect();
        for t in used {
            *spread.entry(t).or_insert(0.0) += 1.0 / bags.len() as f32;
        }
    }
    let words = feats
        .iter()
        .zip(&bags)
        .map(|(sentences, article)| {
            sentences
                .iter()
                .zip(article)
                .map(|(f, bag)| {
                    let names: Vec<u32> = f.entities.iter().filter_map(|t| vocab.get(t)).collect();
                    bag.keys()
                        .filter(|id| !names.contains(id))
                        .map(|&id| (id, spread.get(&id).copied().unwrap_or(0.0)))
                        .collect()
                })
                .collect()
        })
        .collect();
    let vectors = bags
        .iter()
        .map(|a| a.iter().map(|b| tfidf(b, &df, n)).collect())
        .collect();
    let idf = df.iter().map(|(&t, &d)| (t, idf(d, n))).collect();
    StorySpace {
        vectors,
        idf,
        words,
    }
}

impl StorySpace {
    /// The words (not names) sentence `a` shares with sentence `b`, (article, sentence) each,
    /// each counted by the share of the story's articles that use it.
    pub fn common(&self, a: Key, b: Key) -> f32 {
        sum_shared(&self.words[a.0][a.1], &self.words[b.0][b.1], |x, _| x)
    }
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
    let names = shared_names(a, b).min(shared_names(b, a));
    let name_bonus = if names >= 2 {
        0.04 * (names - 1).min(3) as f32
    } else {
        0.0
    };
    (cos * damp + quote_bonus + name_bonus, quotes)
}

/// What each term of a sentence weighs in its vector: a name weighs more than other words
/// (1.5), and a name of several words (a title, given name and surname) weighs as one: each of
/// its `n` words 1.5 / √n, so that it adds to the vector's length what a one-word name adds.
/// Counted word by word, "Varnian President Nora Vance" said in passing outweighed
/// the words of what a sentence reports.
fn term_boosts(f: &SentenceFeatures) -> Vec<f32> {
    let mut boosts: Vec<f32> = f
        .terms
        .iter()
        .map(|t| if f.entities.contains(t) { 1.5 } else { 1.0 })
        .collect();
    for r in &f.names {
        let each = 1.5 / (r.len() as f32).sqrt();
        for b in &mut boosts[r.clone()] {
            *b = each;
        }
    }
    boosts
}

/// How many of `a`'s names (runs of capitalised words) share a word with `b`'s names: a
/// person named by title and full name in both is one shared name, not three.
fn shared_names(a: &SentenceFeatures, b: &SentenceFeatures) -> usize {
    a.names
        .iter()
        .filter(|r| a.terms[(*r).clone()].iter().any(|t| b.entities.contains(t)))
        .count()
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
    // pairs down to this are scored: those under the lowest score may still be aligned by
    // the sentences both are aligned with, in stories with articles enough to support them
    let n = feats.len();
    let lowest = if opts.support > 0 && n >= opts.support + 2 {
        opts.support_floor.min(opts.min_score)
    } else {
        opts.min_score
    };
    // the most meaning can add (a cosine is at most 1): a pair whose lexical score falls short
    // of the lowest score by more needs no embedding cosine
    let most_semantic = opts.semantic_weight * (1.0 - opts.semantic_floor).max(0.0);
    let article_pairs: Vec<(usize, usize)> = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .collect();
    // every sentence pair of two articles, scored; those at least `lowest` kept as
    // (sentence of a, sentence of b, score, embedding cosine)
    let scored: Vec<Vec<(usize, usize, f32, f32)>> = article_pairs
        .par_iter()
        .map(|&(a, b)| {
            let mut out = Vec::new();
            for (s, fa) in feats[a].iter().enumerate() {
                let row_a = vectors.row(ids[a].index(), s);
                for (t, fb) in feats[b].iter().enumerate() {
                    let lexical = lexical_score(fa, fb, space, (a, s), (b, t), opts);
                    if lexical + most_semantic < lowest {
                        continue;
                    }
                    let semantic = semantic_of(vectors, row_a, ids[b], t);
                    let sc = with_meaning(lexical, semantic, opts);
                    if sc >= lowest {
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
            for &(s, t, sc, sem) in list.iter().filter(|x| x.2 >= opts.min_score) {
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
    let supported = supported_pairs(&article_pairs, &scored, &kept, opts);
    let mut all: BTreeMap<(Key, Key), (f32, f32, usize)> = kept
        .into_iter()
        .map(|(pair, (sc, sem))| (pair, (sc, sem, 0)))
        .collect();
    all.extend(
        supported
            .into_iter()
            .map(|(pair, (sc, sem), n)| (pair, (sc, sem, n))),
    );
    all.into_iter()
        .map(|(((a, s), (b, t)), (sc, sem, support))| Alignment {
            a: (ids[a], s),
            b: (ids[b], t),
            score: (sc * 1000.0).round() / 1000.0,
            semantic: (sem * 1000.0).round() / 1000.0,
            support,
            shared: evidence(&feats[a][s], &feats[b][t]),
        })
        .collect()
}

/// A pair the support of other articles aligns: its sentences, (score, embedding cosine) and
/// the number of sentences, each in another article, both are aligned with.
type Supported = ((Key, Key), (f32, f32), usize);

/// Pairs scoring under the lowest score (at least [`PairOptions::support_floor`]) whose two
/// sentences are both aligned (in `kept`) with sentences of [`PairOptions::support`] other
/// articles or more: when several other reports of a story tie both sentences to theirs, the
/// two report the same thing in words too far apart for their own score. Judged on the
/// alignments by score only, so one supported pair never supports another.
fn supported_pairs(
    article_pairs: &[(usize, usize)],
    scored: &[Vec<(usize, usize, f32, f32)>],
    kept: &BTreeMap<(Key, Key), (f32, f32)>,
    opts: &PairOptions,
) -> Vec<Supported> {
    if opts.support == 0 {
        return Vec::new();
    }
    let mut partners: HashMap<Key, BTreeSet<Key>> = HashMap::default();
    for &(x, y) in kept.keys() {
        partners.entry(x).or_default().insert(y);
        partners.entry(y).or_default().insert(x);
    }
    let mut out = Vec::new();
    for (&(a, b), list) in article_pairs.iter().zip(scored) {
        for &(s, t, sc, sem) in list {
            if sc >= opts.min_score || kept.contains_key(&((a, s), (b, t))) {
                continue;
            }
            let (Some(px), Some(py)) = (partners.get(&(a, s)), partners.get(&(b, t))) else {
                continue;
            };
            // the other articles holding a sentence both are aligned with
            let shared = px
                .intersection(py)
                .map(|k| k.0)
                .collect::<BTreeSet<usize>>()
                .len();
            if shared >= opts.support {
                out.push((((a, s), (b, t)), (sc, sem), shared));
            }
        }
    }
    // each sentence keeps at most `max_partners` partners in each other article, the best
    // scoring first
    let mut count: HashMap<(Key, usize), usize> = HashMap::default();
    for &(x, y) in kept.keys() {
        *count.entry((x, y.0)).or_default() += 1;
        *count.entry((y, x.0)).or_default() += 1;
    }
    out.sort_by(|p, q| q.1.0.total_cmp(&p.1.0).then(p.0.cmp(&q.0)));
    out.retain(|&((x, y), _, _)| {
        let free = |k: (Key, usize), count: &HashMap<(Key, usize), usize>| {
            count.get(&k).copied().unwrap_or(0) < opts.max_partners
        };
        if free((x, y.0), &count) && free((y, x.0), &count) {
            *count.entry((x, y.0)).or_default() += 1;
            *count.entry((y, x.0)).or_default() += 1;
            true
        } else {
            false
        }
    });
    out
}

/// The lexical part of a pair's score: [`score`] plus the story's shared words
/// ([`StorySpace::common`]) at [`PairOptions::common_weight`]; `x` and `y` are the two
/// sentences as (article in the story, sentence).
fn lexical_score(
    a: &SentenceFeatures,
    b: &SentenceFeatures,
    space: &StorySpace,
    x: Key,
    y: Key,
    opts: &PairOptions,
) -> f32 {
    let (lexical, _) = score(a, b, &space.vectors[x.0][x.1], &space.vectors[y.0][y.1]);
    lexical + opts.common_weight * space.common(x, y)
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
                    let lexical = lexical_score(fa, fb, space, (a, s), (b, t), opts);
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
/// and terms by weight (surface words of the first sentence), then, where fewer than
/// [`THIN_EVIDENCE`] are shared, up to two pairs of words WordNet ties in meaning ("pointless ≈
/// worthless").
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
    // where few words are shared, the words tied in meaning say what else ties the pair
    let thin = shared.len() < THIN_EVIDENCE;
    out.extend(shared.into_iter().take(6).map(|(_, _, s)| s.to_string()));
    if thin {
        out.extend(meaning_ties(a, b, &b_terms).into_iter().take(2));
    }
    out
}

/// A pair that shares fewer words than this gets the words tied in meaning as evidence too.
const THIN_EVIDENCE: usize = 5;

/// Words with more WordNet senses than this (synsets over all parts of speech) are not read
/// for ties in meaning.
const MAX_SENSES: usize = 4;

/// A word's synsets and meaning keys, shared by every use of the word on a thread.
type Meaning = std::rc::Rc<(Vec<u32>, Vec<u32>)>;

/// WordNet's meaning of a word: its synsets and their meaning keys
/// ([`crate::text::wordnet::meaning_keys`]; none for a word of more than [`MAX_SENSES`]
/// senses), looked up once per word and thread.
fn word_meaning(word: &str) -> Meaning {
    use crate::text::memo::{WordMemo, remembered};
    use crate::text::wordnet::{meaning_keys, synsets_of_word};
    thread_local! {
        static SEEN: WordMemo<Meaning> = std::cell::RefCell::default();
    }
    remembered(&SEEN, word, || {
        let synsets = synsets_of_word(word);
        // a word of many senses ("take", "get", "run") shares one with too many others to
        // be evidence of anything
        let keys = if synsets.len() <= MAX_SENSES {
            meaning_keys(&synsets)
        } else {
            Vec::new()
        };
        std::rc::Rc::new((synsets, keys))
    })
}

/// Words of two sentences tied in meaning by WordNet though written differently ("pointless ≈
/// worthless"): content words (not names or numbers) of each that the other does not share as
/// a term, paired when they share a synset or similar adjectives; in the order of the first
/// sentence's words, each word at most once.
fn meaning_ties<'f>(
    a: &'f SentenceFeatures,
    b: &'f SentenceFeatures,
    b_terms: &BTreeSet<&String>,
) -> Vec<String> {
    let a_terms: BTreeSet<&String> = a.terms.iter().collect();
    let content = |f: &'f SentenceFeatures, other: &BTreeSet<&String>| -> Vec<&'f str> {
        let mut out: Vec<&str> = Vec::new();
        for (t, s) in f.terms.iter().zip(&f.surfaces) {
            if !other.contains(t)
                && !f.entities.contains(t)
                && s.chars().all(char::is_alphabetic)
                && !out.contains(&s.as_str())
            {
                out.push(s);
            }
        }
        out
    };
    let (wa, wb) = (content(a, b_terms), content(b, &a_terms));
    if wa.is_empty() || wb.is_empty() {
        return Vec::new();
    }
    // (key, word) of each side, sorted by key, merged
    let keyed = |words: &[&str]| -> (Vec<Meaning>, Vec<(u32, usize)>) {
        let meanings: Vec<_> = words.iter().map(|w| word_meaning(w)).collect();
        let mut out: Vec<(u32, usize)> = Vec::new();
        for (k, m) in meanings.iter().enumerate() {
            out.extend(m.1.iter().map(|&key| (key, k)));
        }
        out.sort_unstable();
        (meanings, out)
    };
    let ((ma, ka), (mb, kb)) = (keyed(&wa), keyed(&wb));
    let mut candidates: BTreeSet<(usize, usize)> = BTreeSet::new();
    let (mut i, mut j) = (0, 0);
    while i < ka.len() && j < kb.len() {
        match ka[i].0.cmp(&kb[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let key = ka[i].0;
                let j0 = j;
                while i < ka.len() && ka[i].0 == key {
                    j = j0;
                    while j < kb.len() && kb[j].0 == key {
                        candidates.insert((ka[i].1, kb[j].1));
                        j += 1;
                    }
                    i += 1;
                }
            }
        }
    }
    let (mut used_a, mut used_b) = (BTreeSet::new(), BTreeSet::new());
    let mut out = Vec::new();
    for (x, y) in candidates {
        if used_a.contains(&x) || used_b.contains(&y) {
            continue;
        }
        if crate::text::wordnet::meaning_tie(wa[x], &ma[x].0, wb[y], &mb[y].0).is_some() {
            used_a.insert(x);
            used_b.insert(y);
            out.push(format!("{} ≈ {}", wa[x], wb[y]));
        }
    }
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
    fn evidence_names_words_tied_in_meaning() {
        let feats = |t: &str| {
            crate::align::features::features(
                t,
                &crate::text::tokens::tokenize(t),
                &Default::default(),
            )
        };
        let a = feats("The envoy said the harbour talks were pointless.");
        let b = feats("The envoy called the harbour talks worthless.");
        let ev = super::evidence(&a, &b);
        assert!(ev.contains(&"pointless ≈ worthless".to_string()), "{ev:?}");
        // words of many senses and plain numbers are not paired
        let a = feats("The envoy will take five boats.");
        let b = feats("The envoy gets a million boats.");
        let ev = super::evidence(&a, &b);
        assert!(!ev.iter().any(|e| e.contains('≈')), "{ev:?}");
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

    #[test]
    fn shared_words_count_by_the_share_of_articles_using_them() {
        let feats: Vec<Vec<super::SentenceFeatures>> = [
            "The port raised wages for Dunmore crews.",
            "The port raised fees for Dunmore ferries.",
            "The port closed early.",
        ]
        .iter()
        .map(|t| {
            vec![crate::align::features::features(
                t,
                &crate::text::tokens::tokenize(t),
                &Default::default(),
            )]
        })
        .collect();
        let mut vocab = super::Vocab::default();
        for f in feats.iter().flatten() {
            for t in &f.terms {
                vocab.id(t);
            }
        }
        let slices: Vec<&[super::SentenceFeatures]> = feats.iter().map(Vec::as_slice).collect();
        let space = super::space(&slices, &vocab);
        // "port" is in all three articles, "raised" in two; the name "Dunmore" does not count
        let common = space.common((0, 0), (1, 0));
        assert!((common - 5.0 / 3.0).abs() < 1e-4, "{common}");
        assert!((space.common((0, 0), (2, 0)) - 1.0).abs() < 1e-4);
        assert_eq!(space.common((0, 0), (1, 0)), space.common((1, 0), (0, 0)));
    }

    #[test]
    fn the_same_partners_in_enough_other_articles_align_a_pair() {
        use super::{Key, PairOptions, supported_pairs};
        use std::collections::BTreeMap;
        let opts = PairOptions::default();
        let low = (opts.support_floor + opts.min_score) / 2.0;
        // sentence 0 of articles 0 and 1 scores under the lowest score; both are aligned with
        // sentence 0 of `others` more articles
        // `taken`: partners sentence 0 of article 0 already has in article 1
        let run = |others: usize, taken: usize, opts: &PairOptions| {
            let mut kept: BTreeMap<(Key, Key), (f32, f32)> = BTreeMap::new();
            for k in 2..2 + others {
                kept.insert(((0, 0), (k, 0)), (0.5, 0.0));
                kept.insert(((1, 0), (k, 0)), (0.5, 0.0));
            }
            for t in 1..=taken {
                kept.insert(((0, 0), (1, t)), (0.5, 0.0));
            }
            supported_pairs(&[(0, 1)], &[vec![(0, 0, low, 0.3)]], &kept, opts)
        };
        let supported = run(opts.support, 0, &opts);
        assert_eq!(supported.len(), 1, "{supported:?}");
        assert_eq!(supported[0].0, ((0, 0), (1, 0)));
        assert_eq!(supported[0].2, opts.support);
        assert!(run(opts.support - 1, 0, &opts).is_empty());
        let off = PairOptions { support: 0, ..opts };
        assert!(run(opts.support, 0, &off).is_empty());
        // a sentence that has its partners in the other article gets no more
        assert_eq!(run(opts.support, opts.max_partners - 1, &opts).len(), 1);
        assert!(run(opts.support, opts.max_partners, &opts).is_empty());
    }
}
