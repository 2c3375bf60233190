//! Sparse TF-IDF vectors over canonical terms, with cosine similarity by merge join.

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// Term ids in insertion order.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    ids: HashMap<String, u32>,
}

impl Vocab {
    pub fn id(&mut self, term: &str) -> u32 {
        // a term seen before (most are) is looked up without copying it
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let next = self.ids.len() as u32;
        self.ids.insert(term.to_string(), next);
        next
    }

    pub fn get(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }
}

/// A sparse vector: (term id, weight), sorted by id, L2-normalised.
pub type Sparse = Vec<(u32, f32)>;

/// Document frequencies of term ids over a collection of term bags.
pub fn document_frequencies<'a>(
    bags: impl Iterator<Item = &'a BTreeMap<u32, f32>>,
) -> HashMap<u32, u32> {
    let mut df = HashMap::default();
    for bag in bags {
        for &t in bag.keys() {
            *df.entry(t).or_insert(0) += 1;
        }
    }
    df
}

/// Smoothed inverse document frequency.
pub fn idf(df: u32, n: usize) -> f32 {
    ((n as f32 + 1.0) / (df as f32 + 1.0)).ln() + 1.0
}

/// Builds a normalised TF-IDF vector from raw term counts (already boosted where wanted).
pub fn tfidf(bag: &BTreeMap<u32, f32>, df: &HashMap<u32, u32>, n: usize) -> Sparse {
    let mut v: Sparse = bag
        .iter()
        .map(|(&t, &c)| {
            (
                t,
                (1.0 + c.ln().max(0.0)) * idf(df.get(&t).copied().unwrap_or(1), n),
            )
        })
        .collect();
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

/// Cosine of two normalised sparse vectors.
pub fn cosine(a: &Sparse, b: &Sparse) -> f32 {
    sum_shared(a, b, |x, y| x * y)
}

/// The sum over the term ids two sparse vectors share of `f` of their two weights, by merge
/// join.
pub fn sum_shared(a: &Sparse, b: &Sparse, f: impl Fn(f32, f32) -> f32) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += f(a[i].1, b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_identical_and_disjoint() {
        let mut bag = BTreeMap::new();
        bag.insert(1, 2.0);
        bag.insert(3, 1.0);
        let df: HashMap<u32, u32> = [(1, 1), (3, 2)].into_iter().collect();
        let v = tfidf(&bag, &df, 4);
        assert!((cosine(&v, &v) - 1.0).abs() < 1e-5);
        let w = tfidf(&[(2, 1.0)].into_iter().collect(), &df, 4);
        assert_eq!(cosine(&v, &w), 0.0);
    }
}
