//! Alignment quality on BASIL: story ARI against the triplets, anchor accuracy@1 on sentences
//! that share a quotation of six or more words, partners per aligned sentence, topics per story,
//! unaligned share and the largest topic's share of an article.

use super::basil::BasilArticle;
use crate::align::{Aligned, quoted_words};
use crate::model::{Article, ArticleId};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

/// Partners of a sentence: other article → (score, sentence).
type PartnersByArticle = HashMap<ArticleId, Vec<(f32, usize)>>;

/// The figures.
#[derive(Debug, Clone, Default)]
pub struct AlignMetrics {
    pub articles: usize,
    pub triplets: usize,
    pub stories: usize,
    pub story_ari: f64,
    pub anchors: usize,
    pub anchor_hits: usize,
    pub mean_partners: f64,
    pub topics_per_story: f64,
    pub unaligned_share: f64,
    pub largest_topic_share: f64,
    pub mean_largest_topic_share: f64,
    pub alignments: usize,
    pub millis: u128,
}

impl AlignMetrics {
    pub fn anchor_accuracy(&self) -> f64 {
        self.anchor_hits as f64 / self.anchors.max(1) as f64
    }
}

impl fmt::Display for AlignMetrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "alignment ({} articles, {} triplets, analysed in {} ms)",
            self.articles, self.triplets, self.millis
        )?;
        writeln!(f, "  stories found            {}", self.stories)?;
        writeln!(
            f,
            "  story ARI                {:.3}   ({})",
            self.story_ari,
            super::bar(self.story_ari, 0.95)
        )?;
        writeln!(
            f,
            "  anchor accuracy@1        {:.3}   ({} of {} sentence pairs sharing a 6+ word quote; {})",
            self.anchor_accuracy(),
            self.anchor_hits,
            self.anchors,
            super::bar(self.anchor_accuracy(), 0.95)
        )?;
        writeln!(f, "  alignments               {}", self.alignments)?;
        writeln!(
            f,
            "  partners per aligned sentence and other article  {:.2}",
            self.mean_partners
        )?;
        writeln!(f, "  topics per story         {:.1}", self.topics_per_story)?;
        writeln!(
            f,
            "  sentences unaligned      {:.1}%",
            self.unaligned_share * 100.0
        )?;
        write!(
            f,
            "  largest topic share of an article  max {:.1}%, mean per story {:.1}%",
            self.largest_topic_share * 100.0,
            self.mean_largest_topic_share * 100.0
        )
    }
}

/// Adjusted Rand index of two labelings of the same items.
pub fn adjusted_rand_index(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len();
    if n < 2 {
        return 1.0;
    }
    let choose2 = |x: u64| (x * x.saturating_sub(1)) as f64 / 2.0;
    let mut table: HashMap<(usize, usize), u64> = HashMap::new();
    let mut ra: HashMap<usize, u64> = HashMap::new();
    let mut rb: HashMap<usize, u64> = HashMap::new();
    for (&x, &y) in a.iter().zip(b) {
        *table.entry((x, y)).or_default() += 1;
        *ra.entry(x).or_default() += 1;
        *rb.entry(y).or_default() += 1;
    }
    let index: f64 = table.values().map(|&v| choose2(v)).sum();
    let sa: f64 = ra.values().map(|&v| choose2(v)).sum();
    let sb: f64 = rb.values().map(|&v| choose2(v)).sum();
    let expected = sa * sb / choose2(n as u64);
    let max = (sa + sb) / 2.0;
    if (max - expected).abs() < f64::EPSILON {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

/// Lower-case 6-word windows of a sentence's quoted passages.
fn quote_sixgrams(text: &str) -> BTreeSet<String> {
    quoted_words(text)
        .iter()
        .filter(|q| q.len() >= 6)
        .flat_map(|q| q.windows(6).map(|w| w.join(" ")).collect::<Vec<_>>())
        .collect()
}

/// Runs the aligner over the whole corpus in one go and measures it.
pub fn measure(corpus: &[BasilArticle]) -> AlignMetrics {
    let articles: Vec<Article> = corpus.iter().map(|b| b.article.clone()).collect();
    let started = std::time::Instant::now();
    let aligned = crate::align::align(&articles, &crate::config::Config::builtin());
    let millis = started.elapsed().as_millis();
    measure_aligned(corpus, &aligned, millis)
}

/// Measures a given alignment of the corpus (article ids are corpus positions).
pub fn measure_aligned(corpus: &[BasilArticle], aligned: &Aligned, millis: u128) -> AlignMetrics {
    let mut m = AlignMetrics {
        articles: corpus.len(),
        stories: aligned.stories.len(),
        alignments: aligned.alignments.len(),
        millis,
        ..Default::default()
    };
    // story ARI
    let mut triplet_ids: BTreeMap<&str, usize> = BTreeMap::new();
    let truth: Vec<usize> = corpus
        .iter()
        .map(|b| {
            let next = triplet_ids.len();
            *triplet_ids.entry(b.triplet.as_str()).or_insert(next)
        })
        .collect();
    m.triplets = triplet_ids.len();
    let mut found = vec![usize::MAX; corpus.len()];
    for s in &aligned.stories {
        for &a in &s.articles {
            found[a.0] = s.id;
        }
    }
    m.story_ari = adjusted_rand_index(&truth, &found);

    // partners of each sentence per other article, with scores
    let mut partners: HashMap<(ArticleId, usize), PartnersByArticle> = HashMap::new();
    for al in &aligned.alignments {
        partners
            .entry(al.a)
            .or_default()
            .entry(al.b.0)
            .or_default()
            .push((al.score, al.b.1));
        partners
            .entry(al.b)
            .or_default()
            .entry(al.a.0)
            .or_default()
            .push((al.score, al.a.1));
    }
    // anchors: sentence pairs of two articles of one triplet sharing a quoted 6-word string
    let mut by_triplet: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &t) in truth.iter().enumerate() {
        by_triplet.entry(t).or_default().push(i);
    }
    let grams: Vec<Vec<BTreeSet<String>>> = corpus
        .iter()
        .map(|b| {
            b.article
                .sentences
                .iter()
                .map(|s| quote_sixgrams(&s.text))
                .collect()
        })
        .collect();
    for members in by_triplet.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                // ground-truth partners of each sentence of i in j
                let mut truth_pairs: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
                for (si, gi) in grams[i].iter().enumerate() {
                    if gi.is_empty() {
                        continue;
                    }
                    for (sj, gj) in grams[j].iter().enumerate() {
                        if !gi.is_disjoint(gj) {
                            truth_pairs.entry(si).or_default().insert(sj);
                        }
                    }
                }
                for (si, set) in truth_pairs {
                    for _ in 0..set.len() {
                        m.anchors += 1;
                    }
                    let best = partners
                        .get(&(ArticleId(i), si))
                        .and_then(|p| p.get(&ArticleId(j)))
                        .and_then(|list| {
                            list.iter()
                                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
                        })
                        .map(|x| x.1);
                    if best.is_some_and(|b| set.contains(&b)) {
                        m.anchor_hits += set.len();
                    }
                }
            }
        }
    }
    // precision: partners per (sentence, other article) with at least one partner
    let counts: Vec<usize> = partners
        .values()
        .flat_map(|by| by.values().map(Vec::len))
        .collect();
    m.mean_partners = counts.iter().sum::<usize>() as f64 / counts.len().max(1) as f64;
    let total_sentences: usize = corpus.iter().map(|b| b.article.sentences.len()).sum();
    m.unaligned_share = 1.0 - partners.len() as f64 / total_sentences.max(1) as f64;
    m.topics_per_story = aligned.topics.len() as f64 / aligned.stories.len().max(1) as f64;
    let mut per_story_max: BTreeMap<usize, f32> = BTreeMap::new();
    for t in &aligned.topics {
        for mem in &t.members {
            let e = per_story_max.entry(t.story).or_default();
            *e = e.max(mem.share);
        }
    }
    m.largest_topic_share = per_story_max.values().copied().fold(0.0, f32::max) as f64;
    m.mean_largest_topic_share =
        per_story_max.values().map(|&v| v as f64).sum::<f64>() / per_story_max.len().max(1) as f64;
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ari_of_identical_and_different_labelings() {
        assert!((adjusted_rand_index(&[0, 0, 1, 1], &[5, 5, 7, 7]) - 1.0).abs() < 1e-9);
        assert!(adjusted_rand_index(&[0, 0, 1, 1], &[0, 1, 0, 1]) < 0.0);
    }
}
