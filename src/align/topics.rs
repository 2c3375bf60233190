//! Topic clustering within a story: sparse average-linkage agglomeration over a graph whose
//! edges are the cross-article alignments and the ties between neighbouring or similar sentences
//! of one article. A size cap keeps any topic from swallowing an article.

use super::pairs::{Key, StorySpace};
use super::vector::cosine;
use std::collections::{BTreeMap, HashMap};

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
            for j in i + 1..sentences.len() {
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
    let mut adj: Vec<HashMap<usize, f32>> = vec![HashMap::new(); n];
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
    let mut blocked: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    loop {
        let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
        for (i, links) in adj.iter().enumerate() {
            let Some(mi) = &members[i] else { continue };
            for (&j, &w) in links {
                if j <= i || blocked.contains(&(i, j)) {
                    continue;
                }
                let Some(mj) = &members[j] else { continue };
                let avg = w / (mi.len() * mj.len()) as f32;
                if avg >= opts.threshold {
                    candidates.push((avg, i, j));
                }
            }
        }
        if candidates.is_empty() {
            break;
        }
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        let mut merged_any = false;
        for (_, i, j) in candidates {
            let mut merged = members[i].clone().unwrap_or_default();
            merged.extend(members[j].iter().flatten());
            if !fits(&merged) {
                blocked.insert((i, j));
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
            blocked.retain(|&(x, y)| x != i && y != i && x != j && y != j);
            merged_any = true;
            break;
        }
        if !merged_any {
            break;
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
