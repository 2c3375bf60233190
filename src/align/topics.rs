//! Topic clustering within a story: sparse average-linkage agglomeration over a graph whose
//! edges are the cross-article alignments and the ties between neighbouring or similar sentences
//! of one article. A size cap keeps any topic from swallowing an article.

use super::pairs::{Key, StorySpace};
use super::vector::cosine;
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BinaryHeap};

/// Tunable knobs of topic clustering.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopicOptions {
    /// Average-linkage weight two clusters need to merge.
    pub threshold: f32,
    /// Largest share of an article's words one topic may hold (at least two sentences).
    pub max_share: f32,
    /// Weight of the tie between adjacent sentences of a paragraph (added to their cosine).
    pub adjacency: f32,
}

impl Default for TopicOptions {
    fn default() -> Self {
        TopicOptions {
            threshold: 0.1,
            max_share: 0.3,
            adjacency: 0.15,
        }
    }
}

/// Input of the clustering: sentence counts, words and paragraphs per article of the story.
pub struct StoryShape<'a> {
    /// Per article: (paragraph, words) of each sentence.
    pub sentences: Vec<Vec<(usize, usize)>>,
    pub space: &'a StorySpace,
}

/// A pair of clusters that could merge, ordered best first: higher average link, then lower
/// indices (the order a full rescan would take them in).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    avg: f32,
    i: usize,
    j: usize,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.avg
            .total_cmp(&other.avg)
            .then((other.i, other.j).cmp(&(self.i, self.j)))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Sentences of one article further apart than this are not compared for topic ties: topics are
/// local, and an article of thousands of sentences would otherwise cost a comparison per pair.
pub const WITHIN_ARTICLE_WINDOW: usize = 60;

/// Clusters the sentences of a story. `aligned` holds (a, b, score) cross-article edges.
/// Returns clusters of keys, each sorted, in no particular order.
pub fn cluster(
    shape: &StoryShape,
    aligned: &[(Key, Key, f32)],
    opts: &TopicOptions,
) -> Vec<Vec<Key>> {
    let keys: Vec<Key> = shape
        .sentences
        .iter()
        .enumerate()
        .flat_map(|(a, s)| (0..s.len()).map(move |i| (a, i)))
        .collect();
    let pos: HashMap<Key, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let article_words: Vec<usize> = shape
        .sentences
        .iter()
        .map(|s| s.iter().map(|x| x.1).sum())
        .collect();
    // edges between node indices (i < j)
    let mut edges: BTreeMap<(usize, usize), f32> = BTreeMap::new();
    let mut add = |x: Key, y: Key, w: f32| {
        if let (Some(&i), Some(&j)) = (pos.get(&x), pos.get(&y))
            && i != j
        {
            let e = edges.entry((i.min(j), i.max(j))).or_insert(0.0);
            *e = e.max(w);
        }
    };
    for &(x, y, w) in aligned {
        add(x, y, w);
    }
    for (a, sentences) in shape.sentences.iter().enumerate() {
        let vecs = &shape.space.vectors[a];
        for i in 0..sentences.len() {
            for j in i + 1..sentences.len().min(i + 1 + WITHIN_ARTICLE_WINDOW) {
                let cos = cosine(&vecs[i], &vecs[j]);
                if j == i + 1 && sentences[i].0 == sentences[j].0 {
                    add((a, i), (a, j), opts.adjacency + cos);
                } else if cos >= 0.3 {
                    add((a, i), (a, j), cos);
                }
            }
        }
    }
    // cluster state: members, and summed link weights to neighbouring clusters
    let n = keys.len();
    let mut members: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    let mut adj: Vec<HashMap<usize, f32>> = vec![HashMap::default(); n];
    for (&(i, j), &w) in &edges {
        adj[i].insert(j, w);
        adj[j].insert(i, w);
    }
    let words_of = |m: &[usize], a: usize| -> usize {
        m.iter()
            .map(|&i| keys[i])
            .filter(|k| k.0 == a)
            .map(|k| shape.sentences[k.0][k.1].1)
            .sum()
    };
    let fits = |m: &[usize]| -> bool {
        (0..shape.sentences.len()).all(|a| {
            let count = m.iter().filter(|&&i| keys[i].0 == a).count();
            count <= 2 || words_of(m, a) as f32 <= opts.max_share * article_words[a] as f32
        })
    };
    // Average-linkage merging, best pair first (ties: lower indices first), with a heap of
    // candidate pairs instead of a rescan of every link after each merge. An entry is stale when
    // either cluster has changed since it was pushed; a pair that does not fit is dropped until
    // one of its clusters changes (then its links are pushed again).
    let mut heap: BinaryHeap<Candidate> = BinaryHeap::new();
    for (i, links) in adj.iter().enumerate() {
        for (&j, &w) in links {
            if j > i && w >= opts.threshold {
                heap.push(Candidate { avg: w, i, j });
            }
        }
    }
    while let Some(Candidate { avg, i, j }) = heap.pop() {
        let (Some(mi), Some(mj)) = (&members[i], &members[j]) else {
            continue;
        };
        let Some(&w) = adj[i].get(&j) else { continue };
        if w / (mi.len() * mj.len()) as f32 != avg {
            continue; // stale: a fresher entry for this pair is in the heap
        }
        let mut merged = mi.clone();
        merged.extend(mj);
        if !fits(&merged) {
            continue;
        }
        members[i] = Some(merged);
        members[j] = None;
        let moved = std::mem::take(&mut adj[j]);
        for (k, w) in moved {
            adj[k].remove(&j);
            if k != i {
                *adj[i].entry(k).or_insert(0.0) += w;
                *adj[k].entry(i).or_insert(0.0) += w;
            }
        }
        adj[i].remove(&j);
        let size_i = members[i].as_ref().map_or(1, Vec::len);
        for (&k, &w) in &adj[i] {
            let Some(mk) = &members[k] else { continue };
            let avg = w / (size_i * mk.len()) as f32;
            if avg >= opts.threshold {
                heap.push(Candidate {
                    avg,
                    i: i.min(k),
                    j: i.max(k),
                });
            }
        }
    }
    members
        .into_iter()
        .flatten()
        .map(|m| {
            let mut k: Vec<Key> = m.into_iter().map(|i| keys[i]).collect();
            k.sort_unstable();
            k
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::vector::Sparse;

    fn space(n: &[usize]) -> StorySpace {
        StorySpace {
            vectors: n
                .iter()
                .map(|&k| {
                    (0..k)
                        .map(|i| -> Sparse { vec![(i as u32 + 100, 1.0f32)] })
                        .collect()
                })
                .collect(),
            idf: Default::default(),
            words: n.iter().map(|&k| vec![Vec::new(); k]).collect(),
        }
    }

    #[test]
    fn aligned_triangles_cluster_and_unrelated_sentences_stay_apart() {
        let sp = space(&[3, 3]);
        let shape = StoryShape {
            sentences: vec![
                vec![(0, 20), (1, 20), (2, 20)],
                vec![(0, 20), (1, 20), (2, 20)],
            ],
            space: &sp,
        };
        let edges = vec![((0, 0), (1, 1), 0.8), ((0, 2), (1, 2), 0.6)];
        let clusters = cluster(&shape, &edges, &TopicOptions::default());
        assert!(clusters.contains(&vec![(0, 0), (1, 1)]), "{clusters:?}");
        assert!(clusters.contains(&vec![(0, 2), (1, 2)]), "{clusters:?}");
        assert!(clusters.contains(&vec![(0, 1)]), "{clusters:?}");
    }

    #[test]
    fn a_topic_cannot_swallow_an_article() {
        // every sentence of article 0 aligns with one sentence of article 1
        let sp = space(&[10, 1]);
        let shape = StoryShape {
            sentences: vec![(0..10).map(|i| (i, 20)).collect(), vec![(0, 20)]],
            space: &sp,
        };
        let edges: Vec<(Key, Key, f32)> = (0..10).map(|i| ((0, i), (1, 0), 0.9)).collect();
        let clusters = cluster(&shape, &edges, &TopicOptions::default());
        let biggest = clusters
            .iter()
            .map(|c| c.iter().filter(|k| k.0 == 0).count())
            .max()
            .unwrap();
        assert!(biggest <= 3, "max share 30% of 10 sentences: {clusters:?}");
    }
}
