//! Grouping articles into stories: document TF-IDF vectors (title and names weigh more), cosine
//! similarity damped by distance in publication date, and average-linkage agglomerative
//! clustering with a threshold.

use super::features::SentenceFeatures;
use super::vector::{Sparse, Vocab, document_frequencies, tfidf};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Average-linkage similarity two groups need to be one story.
pub const STORY_THRESHOLD: f32 = 0.2;

/// Days since 0000-03-01 for a YYYY-MM-DD date (for date distances only).
fn day_number(date: &str) -> Option<i64> {
    let mut it = date.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d)
}

/// Similarity multiplier for two publication dates: coverage of one story is close in time.
fn day_factor(a: Option<i64>, b: Option<i64>) -> f32 {
    match (a, b) {
        (Some(x), Some(y)) => match (x - y).abs() {
            0..=3 => 1.0,
            4..=10 => 0.8,
            11..=45 => 0.5,
            _ => 0.3,
        },
        _ => 1.0,
    }
}

/// Document vectors of articles given their sentence and title features.
pub fn document_vectors(
    docs: &[(Vec<SentenceFeatures>, SentenceFeatures)],
    vocab: &mut Vocab,
) -> Vec<Sparse> {
    let bags: Vec<BTreeMap<u32, f32>> = docs
        .iter()
        .map(|(sentences, title)| {
            let mut bag = BTreeMap::new();
            for f in sentences.iter().chain(std::iter::repeat_n(title, 3)) {
                for t in &f.terms {
                    let boost = if f.entities.contains(t) { 2.0 } else { 1.0 };
                    *bag.entry(vocab.id(t)).or_insert(0.0) += boost;
                }
            }
            bag
        })
        .collect();
    let df = document_frequencies(bags.iter());
    bags.iter().map(|b| tfidf(b, &df, bags.len())).collect()
}

/// Groups documents into stories; each story lists document indices in ascending order, and
/// stories are ordered by their first document.
pub fn group(vectors: &[Sparse], dates: &[Option<&str>], threshold: f32) -> Vec<Vec<usize>> {
    let n = vectors.len();
    let days: Vec<Option<i64>> = dates.iter().map(|d| d.and_then(day_number)).collect();
    let width = vectors
        .iter()
        .flat_map(|v| v.iter().map(|&(t, _)| t as usize + 1))
        .max()
        .unwrap_or(0);
    // Each row is one document scattered into a dense array, dotted with every later document:
    // a lookup per term instead of a merge join per pair. Rows run in parallel.
    let upper: Vec<Vec<f32>> = (0..n)
        .into_par_iter()
        .map_init(
            || vec![0.0f32; width],
            |dense, i| {
                for &(t, w) in &vectors[i] {
                    dense[t as usize] = w;
                }
                let row = (i + 1..n)
                    .map(|j| {
                        let dot: f32 = vectors[j].iter().map(|&(t, w)| dense[t as usize] * w).sum();
                        dot * day_factor(days[i], days[j])
                    })
                    .collect();
                for &(t, _) in &vectors[i] {
                    dense[t as usize] = 0.0;
                }
                row
            },
        )
        .collect();
    let mut sim = vec![vec![0.0f32; n]; n];
    for (i, row) in upper.into_iter().enumerate() {
        for (k, s) in row.into_iter().enumerate() {
            let j = i + 1 + k;
            sim[i][j] = s;
            sim[j][i] = s;
        }
    }
    let mut clusters: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    loop {
        let mut best: Option<(f32, usize, usize)> = None;
        for i in 0..n {
            if clusters[i].is_none() {
                continue;
            }
            for j in i + 1..n {
                if clusters[j].is_none() {
                    continue;
                }
                if best.is_none_or(|(b, _, _)| sim[i][j] > b) {
                    best = Some((sim[i][j], i, j));
                }
            }
        }
        let Some((s, i, j)) = best else { break };
        if s < threshold {
            break;
        }
        let (ni, nj) = (
            clusters[i].as_ref().map_or(0, Vec::len) as f32,
            clusters[j].as_ref().map_or(0, Vec::len) as f32,
        );
        // Lance-Williams update for average linkage: cluster j is merged into i.
        for k in 0..n {
            if k != i && k != j && clusters[k].is_some() {
                let v = (ni * sim[i][k] + nj * sim[j][k]) / (ni + nj);
                sim[i][k] = v;
                sim[k][i] = v;
            }
        }
        let moved = clusters[j].take().unwrap_or_default();
        if let Some(c) = clusters[i].as_mut() {
            c.extend(moved);
            c.sort_unstable();
        }
    }
    let mut out: Vec<Vec<usize>> = clusters.into_iter().flatten().collect();
    out.sort_by_key(|c| c[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_factor(a: Option<&str>, b: Option<&str>) -> f32 {
        day_factor(a.and_then(day_number), b.and_then(day_number))
    }

    #[test]
    fn dates_damp_similarity() {
        assert_eq!(date_factor(Some("2024-11-21"), Some("2024-11-22")), 1.0);
        assert_eq!(date_factor(Some("2024-11-21"), Some("2023-01-01")), 0.3);
        assert_eq!(date_factor(None, Some("2023-01-01")), 1.0);
    }

    #[test]
    fn groups_by_similarity() {
        let v = |pairs: &[(u32, f32)]| -> Sparse { pairs.to_vec() };
        let vectors = vec![v(&[(1, 1.0)]), v(&[(2, 1.0)]), v(&[(1, 0.8), (3, 0.6)])];
        let g = group(&vectors, &[None, None, None], 0.5);
        assert_eq!(g, vec![vec![0, 2], vec![1]]);
    }
}
