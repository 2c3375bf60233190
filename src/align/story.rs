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
    average_linkage(sim, threshold)
}

/// Average-linkage agglomerative clustering of a symmetric similarity matrix, merging while
/// the two most similar groups are at least `threshold` alike; clusters list their members in
/// ascending order, ordered by their first member.
///
/// The nearest-neighbour chain algorithm: follow each group's most similar group until two are
/// each other's nearest, merge them (Lance–Williams update), go on from the rest of the chain.
/// Average linkage never makes a merged group more similar to a third than the closer of its
/// parts was, so this gives the same merges as always merging the globally closest pair, in
/// O(n²) rather than O(n³); and a group whose nearest neighbour is below the threshold can
/// never be merged again, so it leaves the chain for good.
pub fn average_linkage(mut sim: Vec<Vec<f32>>, threshold: f32) -> Vec<Vec<usize>> {
    let n = sim.len();
    let mut clusters: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    // groups still open to merging
    let mut open: Vec<bool> = vec![true; n];
    let mut chain: Vec<usize> = Vec::new();
    let mut next_start = 0;
    loop {
        if chain.is_empty() {
            while next_start < n && !open[next_start] {
                next_start += 1;
            }
            if next_start == n {
                break;
            }
            chain.push(next_start);
        }
        let a = chain[chain.len() - 1];
        let prev = chain.len().checked_sub(2).map(|k| chain[k]);
        // the most similar open group; on a tie the previous link of the chain (so the chain
        // ends), else the lowest index
        let mut best: Option<(f32, usize)> = prev.map(|p| (sim[a][p], p));
        for (k, row_open) in open.iter().enumerate() {
            if k != a && *row_open && best.is_none_or(|(b, _)| sim[a][k] > b) {
                best = Some((sim[a][k], k));
            }
        }
        match best {
            Some((s, b)) if s >= threshold => {
                if Some(b) != prev {
                    chain.push(b);
                    continue;
                }
                chain.truncate(chain.len() - 2);
                let (i, j) = (a.min(b), a.max(b));
                let (ni, nj) = (
                    clusters[i].as_ref().map_or(0, Vec::len) as f32,
                    clusters[j].as_ref().map_or(0, Vec::len) as f32,
                );
                // Lance-Williams update for average linkage: group j is merged into i.
                for k in 0..n {
                    if k != i && k != j && clusters[k].is_some() {
                        let v = (ni * sim[i][k] + nj * sim[j][k]) / (ni + nj);
                        sim[i][k] = v;
                        sim[k][i] = v;
                    }
                }
                open[j] = false;
                let moved = clusters[j].take().unwrap_or_default();
                if let Some(c) = clusters[i].as_mut() {
                    c.extend(moved);
                    c.sort_unstable();
                }
            }
            _ => {
                // nothing is close enough: this group is final
                open[a] = false;
                chain.pop();
            }
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

    /// The plain greedy form: always merge the globally most similar pair (O(n³)).
    fn greedy(mut sim: Vec<Vec<f32>>, threshold: f32) -> Vec<Vec<usize>> {
        let n = sim.len();
        let mut clusters: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
        loop {
            let mut best: Option<(f32, usize, usize)> = None;
            for i in (0..n).filter(|&i| clusters[i].is_some()) {
                for j in (i + 1..n).filter(|&j| clusters[j].is_some()) {
                    if best.is_none_or(|(b, _, _)| sim[i][j] > b) {
                        best = Some((sim[i][j], i, j));
                    }
                }
            }
            let Some((s, i, j)) = best.filter(|b| b.0 >= threshold) else {
                break;
            };
            let _ = s;
            let ni = clusters[i].as_ref().map_or(0, Vec::len) as f32;
            let nj = clusters[j].as_ref().map_or(0, Vec::len) as f32;
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

    #[test]
    fn the_chain_merges_as_the_greedy_form_does() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut rnd = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 40) as f32 / (1u64 << 24) as f32
        };
        for n in [1, 2, 3, 7, 20, 60] {
            for _ in 0..20 {
                // points on a line in a few clumps: similarity falls with distance
                let x: Vec<f32> = (0..n)
                    .map(|_| (rnd() * 5.0).floor() + rnd() * 0.5)
                    .collect();
                let sim: Vec<Vec<f32>> = (0..n)
                    .map(|i| (0..n).map(|j| 1.0 / (1.0 + (x[i] - x[j]).abs())).collect())
                    .collect();
                for threshold in [0.3, 0.5, 0.8] {
                    assert_eq!(
                        average_linkage(sim.clone(), threshold),
                        greedy(sim.clone(), threshold),
                        "n {n}, threshold {threshold}"
                    );
                }
            }
        }
    }
}
