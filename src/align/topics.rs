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
    // cluster state
    let n = keys.len();
    let mut members: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    let mut link: BTreeMap<(usize, usize), f32> = edges; // summed weights between clusters
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
    loop {
        let mut candidates: Vec<(f32, usize, usize)> = link
            .iter()
            .filter_map(|(&(i, j), &w)| {
                let (mi, mj) = (members[i].as_ref()?, members[j].as_ref()?);
                let avg = w / (mi.len() * mj.len()) as f32;
                (avg >= opts.threshold).then_some((avg, i, j))
            })
            .collect();
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        let best = candidates.into_iter().find(|&(_, i, j)| {
            let mut merged = members[i].clone().unwrap_or_default();
            merged.extend(members[j].iter().flatten());
            fits(&merged)
        });
        let Some((_, i, j)) = best else { break };
        let moved = members[j].take().unwrap_or_default();
        if let Some(m) = members[i].as_mut() {
            m.extend(moved);
        }
        // fold j's links into i
        let mut next: BTreeMap<(usize, usize), f32> = BTreeMap::new();
        for ((x, y), w) in std::mem::take(&mut link) {
            let x = if x == j { i } else { x };
            let y = if y == j { i } else { y };
            if x != y {
                *next.entry((x.min(y), x.max(y))).or_insert(0.0) += w;
            }
        }
        link = next;
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
