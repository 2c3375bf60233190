//! Grouping articles into stories. Two articles are alike by two cosines, weighed equally: one
//! over every content term (TF-IDF, title and names weigh more: what the articles are about), one
//! over their names and numbers only (who, where, when: two events of one kind, such as two
//! different people entering rehab, share their vocabulary but not these); when one of the two
//! names nothing, by the first alone. The sum is damped by the distance in publication date,
//! and by the articles' leads: when each of two articles is mostly about a person (its lead,
//! the person it names most) that the other hardly names, they are about two events, however
//! much else they share (two players of one team arrested a month apart: the team, the police, the
//! road and the charge are the same, the player is not; many archived articles carry no date
//! that could tell them apart). Average-linkage agglomerative clustering with a threshold
//! makes the stories; then a fragment of one or two articles joins the larger story it is most
//! alike on average when that is at least a fraction of the threshold (short articles name
//! little, and would otherwise stand alone).
//!
//! The weights were fitted on half of the development data only: the ECB+ topics whose number is
//! 1 mod 4 (11 topics) and BASIL 2010-2012 (90 articles, analysed together); chosen as the best
//! story ARI on that ECB+ half among the settings that keep that BASIL part at >= 0.95 (grid:
//! threshold 0.12-0.20, names weight 0.2-0.6, fragment size 0-2, fragment bar 0.06-0.10). Story
//! ARI, `framediff eval ecb` (mean over topics) and `eval basil`, before and after:
//!
//! | data | before | after |
//! |---|---|---|
//! | ECB+ topics 1 mod 4 (fitted on) | 0.663 | 0.839 |
//! | ECB+ topics 3 mod 4 (held out) | 0.570 | 0.690 |
//! | ECB+ all 21 topics | 0.619 | 0.768 |
//! | BASIL 2010-2012 (fitted on) | 1.000 | 1.000 |
//! | BASIL 2013-2016 (held out) | 0.920 | 0.955 |
//! | BASIL all 210 articles | 0.979 | 0.974 |
//!
//! The leads came later ([`LEAD_MENTIONS`], [`LEAD_SHARE`], [`LEAD_DAMPING`]). A lead read as
//! the name an article writes most, whoever or whatever it named, moved the ECB+ half fitted on
//! above by 0.01 either way and held-out figures by a topic flipping at the edge of each knob,
//! so the lead is a person's name (one written after a given name), and the knobs were chosen
//! on all the development data, in the middle of a range where every setting gives about the
//! same (grid: mentions 2-5, share 0.25-0.4, damping 0.6-0.7: ECB+ 0.833-0.838, BASIL
//! 2013-2016 0.983-0.991). A boost for two articles with one lead (1.1-1.2) was dropped: it
//! joined a ruling and its reversal months later. Story ARI before and after:
//!
//! | data | before | after |
//! |---|---|---|
//! | ECB+ topics 1 mod 4 | 0.839 | 0.849 |
//! | ECB+ topics 3 mod 4 | 0.726 | 0.826 |
//! | ECB+ all 21 topics | 0.785 | 0.838 |
//! | BASIL 2010-2012 | 1.000 | 1.000 |
//! | BASIL 2013-2016 | 0.955 | 0.991 |
//! | BASIL all 210 articles | 0.974 | 0.995 |
//!
//! On ECB+ two topics change, both for the better: one where two players of one team were
//! arrested on one charge a month apart (ARI 0 to 1), and one on a team's coaches, where an
//! article about a player's contract leaves the story it had joined (0.83 to 0.93).

use super::features::SentenceFeatures;
use super::vector::{Sparse, Vocab, document_frequencies, tfidf};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Average-linkage similarity two groups need to be one story (fitted as the module doc says;
/// searched over 0.12-0.20 with [`ANCHOR_WEIGHT`] over 0.2-0.6).
pub const STORY_THRESHOLD: f32 = 0.2;

/// Weight of the names-and-numbers cosine against the all-terms cosine (fitted with
/// [`STORY_THRESHOLD`]).
pub const ANCHOR_WEIGHT: f32 = 0.5;

/// Stories of at most this many articles are fragments that may join another story.
const FRAGMENT_SIZE: usize = 2;

/// A fragment joins the story it is most alike on average when that average is at least this
/// share of the story threshold (0.08 at the default threshold; fitted with it over 0.06-0.10).
const FRAGMENT_SHARE: f32 = 0.4;

/// Days since 0000-03-01 for a YYYY-MM-DD date (for date distances and weekdays; day 0, like
/// every seventh day after it, is a Tuesday); none for a month or day out of range.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    let mut it = date.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d)
}

/// An article's lead is the person it names most (title included), when it names them at least
/// this many times.
const LEAD_MENTIONS: f32 = 4.0;

/// Two articles with different leads are about two events when each writes the other's lead
/// less than this share of what the other gives it (shares of all name mentions).
const LEAD_SHARE: f32 = 0.3;

/// What two such articles' similarity is multiplied by.
const LEAD_DAMPING: f32 = 0.65;

/// Similarity multiplier for two articles' leads: two articles each mostly about a person the
/// other hardly names (two players of one team arrested a month apart; two ministers of one
/// government resigning in one season) are about two events, however much of their
/// vocabulary, team and place they share. An article that writes the other's lead as much as that one does (a second outlet on
/// the same arrest that quotes the police chief more than it names the player) is not damped.
fn lead_factor(a: &DocVectors, b: &DocVectors) -> f32 {
    match (a.lead, b.lead) {
        (Some(x), Some(y))
            if x != y
                && share(&b.name_shares, x) < LEAD_SHARE * share(&a.name_shares, x)
                && share(&a.name_shares, y) < LEAD_SHARE * share(&b.name_shares, y) =>
        {
            LEAD_DAMPING
        }
        _ => 1.0,
    }
}

/// The share a name takes of an article's name mentions (0 when it never writes it).
fn share(shares: &Sparse, name: u32) -> f32 {
    shares
        .binary_search_by_key(&name, |&(id, _)| id)
        .map_or(0.0, |k| shares[k].1)
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

/// The two vectors of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocVectors {
    /// TF-IDF over every content term (title and names weigh more): what the article is about.
    pub words: Sparse,
    /// TF-IDF over the article's names and numbers only: who, where, when.
    pub anchors: Sparse,
    /// The share of the article's name mentions (title included) each name takes, by id.
    pub name_shares: Sparse,
    /// The person the article names most, when it names them at least [`LEAD_MENTIONS`] times
    /// (on a tie, the first in alphabetical order, so that the lead does not depend on the
    /// order articles are read in). A person's name is one the article writes right after a
    /// given name somewhere ("Mara Quellin"): a team, a town or a nationality, written as
    /// often as the person, is no lead.
    pub lead: Option<u32>,
}

/// Document vectors of articles given their sentence and title features.
pub fn document_vectors(
    docs: &[(Vec<SentenceFeatures>, SentenceFeatures)],
    vocab: &mut Vocab,
) -> Vec<DocVectors> {
    let mut word_bags: Vec<BTreeMap<u32, f32>> = Vec::with_capacity(docs.len());
    let mut anchor_bags: Vec<BTreeMap<u32, f32>> = Vec::with_capacity(docs.len());
    let mut leads: Vec<(Sparse, Option<u32>)> = Vec::with_capacity(docs.len());
    for (sentences, title) in docs {
        // a name is a term the article writes capitalised inside a sentence somewhere; every
        // use of it counts, at the start of a sentence and in the title too
        let names: rustc_hash::FxHashSet<&str> = sentences
            .iter()
            .flat_map(|f| f.entities.iter().map(String::as_str))
            .collect();
        // counted in hash maps, then ordered by id
        let mut bag: rustc_hash::FxHashMap<u32, f32> = Default::default();
        let mut anchors: rustc_hash::FxHashMap<u32, f32> = Default::default();
        for f in sentences.iter().chain(std::iter::repeat_n(title, 3)) {
            for t in &f.terms {
                let boost = if f.entities.contains(t) { 2.0 } else { 1.0 };
                let id = vocab.id(t);
                *bag.entry(id).or_insert(0.0) += boost;
                if names.contains(t.as_str()) {
                    *anchors.entry(id).or_insert(0.0) += 1.0;
                }
            }
            for n in &f.numbers {
                *anchors.entry(vocab.id(&format!("#{n}"))).or_insert(0.0) += 1.0;
            }
        }
        // each name's id and mentions, as counted among the anchors
        let mentions: rustc_hash::FxHashMap<&str, (u32, f32)> = names
            .iter()
            .filter_map(|&n| {
                let id = vocab.get(n)?;
                Some((n, (id, *anchors.get(&id)?)))
            })
            .collect();
        leads.push(lead_of(&mentions, &persons(sentences)));
        word_bags.push(bag.into_iter().collect());
        anchor_bags.push(anchors.into_iter().collect());
    }
    let df = document_frequencies(word_bags.iter());
    let anchor_df = document_frequencies(anchor_bags.iter());
    word_bags
        .iter()
        .zip(&anchor_bags)
        .zip(leads)
        .map(|((w, a), (name_shares, lead))| DocVectors {
            words: tfidf(w, &df, word_bags.len()),
            anchors: tfidf(a, &anchor_df, anchor_bags.len()),
            name_shares,
            lead,
        })
        .collect()
}

/// The names an article writes right after a given name (the census lists of
/// `assets/entities/first_names.txt`) somewhere: its people's names.
fn persons(sentences: &[SentenceFeatures]) -> rustc_hash::FxHashSet<&str> {
    let mut out = rustc_hash::FxHashSet::default();
    for f in sentences {
        for (j, term) in f.terms.iter().enumerate().skip(1) {
            // a name capitalised here, not yet known as a person's, right after a given name
            // (the table is read last: it is the costly look-up)
            if !f.entities.contains(term) || out.contains(term.as_str()) {
                continue;
            }
            let adjacent = f
                .offsets
                .get(j - 1)
                .zip(f.offsets.get(j))
                .is_some_and(|(before, word)| before.1 + 1 == word.0);
            if adjacent
                && f.surfaces
                    .get(j - 1)
                    .is_some_and(|w| crate::frame::entities::is_given_name(w))
            {
                out.insert(term.as_str());
            }
        }
    }
    out
}

/// Each name's share of an article's name mentions (sorted by id) and the article's lead (the
/// person most mentioned), given each name's id and mentions and the article's people's names.
fn lead_of(
    mentions: &rustc_hash::FxHashMap<&str, (u32, f32)>,
    persons: &rustc_hash::FxHashSet<&str>,
) -> (Sparse, Option<u32>) {
    let total: f32 = mentions.values().map(|&(_, c)| c).sum();
    let mut shares: Sparse = mentions.values().map(|&(id, c)| (id, c / total)).collect();
    shares.sort_unstable_by_key(|&(id, _)| id);
    let lead = mentions
        .iter()
        .filter(|(n, (_, c))| *c >= LEAD_MENTIONS && persons.contains(*n))
        // the most mentions; on a tie the first name alphabetically
        .max_by(|(n, (_, c)), (m, (_, d))| c.total_cmp(d).then_with(|| m.cmp(n)))
        .map(|(_, &(id, _))| id);
    (shares, lead)
}

/// Dot products of every document with every later one, in parallel: row `i` holds
/// `i+1..n`. Each row scatters document `i` into a dense array and dots every later document
/// with it: a lookup per term instead of a merge join per pair.
fn upper_dots(vectors: &[&Sparse]) -> Vec<Vec<f32>> {
    let n = vectors.len();
    let width = vectors
        .iter()
        .flat_map(|v| v.iter().map(|&(t, _)| t as usize + 1))
        .max()
        .unwrap_or(0);
    (0..n)
        .into_par_iter()
        .map_init(
            || vec![0.0f32; width],
            |dense, i| {
                for &(t, w) in vectors[i] {
                    dense[t as usize] = w;
                }
                let row = (i + 1..n)
                    .map(|j| vectors[j].iter().map(|&(t, w)| dense[t as usize] * w).sum())
                    .collect();
                for &(t, _) in vectors[i] {
                    dense[t as usize] = 0.0;
                }
                row
            },
        )
        .collect()
}

/// Groups documents into stories; each story lists document indices in ascending order, and
/// stories are ordered by their first document.
pub fn group(vectors: &[DocVectors], dates: &[Option<&str>], threshold: f32) -> Vec<Vec<usize>> {
    let n = vectors.len();
    let days: Vec<Option<i64>> = dates.iter().map(|d| d.and_then(day_number)).collect();
    let words = upper_dots(&vectors.iter().map(|v| &v.words).collect::<Vec<_>>());
    let anchors = upper_dots(&vectors.iter().map(|v| &v.anchors).collect::<Vec<_>>());
    let mut sim = vec![vec![0.0f32; n]; n];
    for (i, (wrow, arow)) in words.into_iter().zip(anchors).enumerate() {
        for (k, (w, a)) in wrow.into_iter().zip(arow).enumerate() {
            let j = i + 1 + k;
            // names can only speak when both articles name something
            let named = !vectors[i].anchors.is_empty() && !vectors[j].anchors.is_empty();
            let alike = if named {
                (1.0 - ANCHOR_WEIGHT) * w + ANCHOR_WEIGHT * a
            } else {
                w
            };
            let s = alike * day_factor(days[i], days[j]) * lead_factor(&vectors[i], &vectors[j]);
            sim[i][j] = s;
            sim[j][i] = s;
        }
    }
    let stories = average_linkage(sim.clone(), threshold);
    attach_fragments(&sim, stories, threshold * FRAGMENT_SHARE)
}

/// Joins each fragment (a story of at most [`FRAGMENT_SIZE`] documents), in the order of the
/// stories, to the larger story whose documents it is most alike on average, when that average
/// is at least `threshold`; on a tie the earlier story. One pass, O(n²).
fn attach_fragments(sim: &[Vec<f32>], stories: Vec<Vec<usize>>, threshold: f32) -> Vec<Vec<usize>> {
    let mut stories: Vec<Option<Vec<usize>>> = stories.into_iter().map(Some).collect();
    for g in 0..stories.len() {
        let Some(fragment) = stories[g].as_ref().filter(|f| f.len() <= FRAGMENT_SIZE) else {
            continue;
        };
        let mut best: Option<(f32, usize)> = None;
        for (h, other) in stories.iter().enumerate() {
            // a fragment joins a story, not another fragment: two pairs of articles on two
            // events stay two stories
            let Some(other) = other.as_ref().filter(|o| h != g && o.len() > FRAGMENT_SIZE) else {
                continue;
            };
            let total: f32 = fragment
                .iter()
                .map(|&i| other.iter().map(|&j| sim[i][j]).sum::<f32>())
                .sum();
            let mean = total / (fragment.len() * other.len()) as f32;
            if best.is_none_or(|(b, _)| mean > b) {
                best = Some((mean, h));
            }
        }
        if let Some((_, h)) = best.filter(|&(mean, _)| mean >= threshold) {
            merge_into(&mut stories, g, h);
        }
    }
    ordered(stories)
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
                merge_into(&mut clusters, j, i);
            }
            _ => {
                // nothing is close enough: this group is final
                open[a] = false;
                chain.pop();
            }
        }
    }
    ordered(clusters)
}

/// Moves group `from`'s members into group `to`, keeping them in ascending order.
fn merge_into(groups: &mut [Option<Vec<usize>>], from: usize, to: usize) {
    let moved = groups[from].take().unwrap_or_default();
    if let Some(group) = groups[to].as_mut() {
        group.extend(moved);
        group.sort_unstable();
    }
}

/// The groups left, each in ascending order, ordered by their first member.
fn ordered(groups: Vec<Option<Vec<usize>>>) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = groups.into_iter().flatten().collect();
    out.sort_by_key(|c| c[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::synonyms::Synonyms;
    use crate::text::tokens::tokenize;

    /// The sentence and title features of articles given as (title, sentences).
    fn features_of(articles: &[(&str, &[&str])]) -> Vec<(Vec<SentenceFeatures>, SentenceFeatures)> {
        let syn = Synonyms::builtin();
        let feat = |t: &str| super::super::features::features(t, &tokenize(t), &syn);
        articles
            .iter()
            .map(|(title, sentences)| (sentences.iter().map(|s| feat(s)).collect(), feat(title)))
            .collect()
    }

    /// Stories of articles given as (title, sentences), with the default threshold.
    fn stories_of(articles: &[(&str, &[&str])]) -> Vec<Vec<usize>> {
        let vectors = document_vectors(&features_of(articles), &mut Vocab::default());
        group(&vectors, &vec![None; articles.len()], STORY_THRESHOLD)
    }

    #[test]
    fn two_events_of_one_kind_with_different_names_split() {
        // two singers entering rehab in two towns, two years apart, each told by two outlets
        // with the same words for the kind of event
        let stories = stories_of(&[
            (
                "Singer enters rehab",
                &[
                    "Singer Mara Quellin has checked into a rehab clinic in Dunmore, her spokesman Ivo Brandt said on Monday.",
                    "Quellin, 29, entered the treatment centre after a difficult year, Brandt said.",
                    "The clinic in Dunmore treats alcohol and drug addiction.",
                ],
            ),
            (
                "Pop star in rehab",
                &[
                    "Pop singer Mara Quellin entered a rehab facility in Dunmore on Monday, said her spokesman Ivo Brandt.",
                    "Brandt said Quellin, 29, asked for privacy during her treatment in 2011.",
                ],
            ),
            (
                "Singer checks into rehab",
                &[
                    "Singer Teodor Vasko has checked into a rehab clinic in Ashcombe, his manager Lena Frost said on Friday.",
                    "Vasko, 41, entered the treatment centre after a difficult tour, Frost said.",
                    "The clinic in Ashcombe treats alcohol and drug addiction.",
                ],
            ),
            (
                "Rock singer in rehab",
                &[
                    "Rock singer Teodor Vasko entered a rehab facility in Ashcombe on Friday, said his manager Lena Frost.",
                    "Frost said Vasko, 41, asked for privacy during his treatment in 2014.",
                ],
            ),
        ]);
        assert_eq!(stories, vec![vec![0, 1], vec![2, 3]]);
    }

    /// Two drink-driving arrests of two players of one club a month apart, each told by two
    /// outlets: the club, the police, the road and every word of the kind of event are shared,
    /// and the second event's articles name the first player once.
    const TWO_ARRESTS: [(&str, &[&str]); 4] = [
        (
            "Mariners receiver Okafor arrested on drink-driving charge",
            &[
                "Kestrel Bay Mariners receiver Tomas Okafor was arrested on suspicion of drink driving early on Tuesday, Kestrel Bay Police said.",
                "Okafor was stopped on the coast road after officers saw his car weaving, police said.",
                "The Mariners said they were aware of the arrest and would not comment further.",
                "Okafor will still play in the playoff game on Sunday.",
            ],
        ),
        (
            "Okafor held on suspicion of drink driving",
            &[
                "Kestrel Bay Police arrested Mariners receiver Tomas Okafor on suspicion of drink driving on Tuesday morning.",
                "Officers stopped Okafor on the coast road when his car was weaving, a police spokesman said.",
                "The Mariners would not comment on the arrest.",
            ],
        ),
        (
            "Lineman Varga faces drink-driving charge",
            &[
                "Peter Varga, a lineman for the Mariners, was pulled over for speeding on Sunday and arrested on suspicion of drink driving in Kestrel Bay.",
                "It is the second such arrest for the club in a month, after receiver Tomas Okafor was held in January.",
                "Varga, 27, joined the club last season.",
                "Varga's agent said he would fight the charge.",
                "Head coach Ines Cole said the team would wait for the courts before deciding anything.",
            ],
        ),
        (
            "Varga arrested after speeding",
            &[
                "Mariners lineman Peter Varga spent Sunday night in a cell after Kestrel Bay Police stopped him for speeding.",
                "A blood test will show whether Varga was drink driving, police said.",
                "Varga was not available for comment.",
            ],
        ),
    ];

    #[test]
    fn two_events_about_two_people_of_one_team_split() {
        assert_eq!(stories_of(&TWO_ARRESTS), vec![vec![0, 1], vec![2, 3]]);
        // the same stories whatever order the articles are read in
        let reversed: Vec<(&str, &[&str])> = TWO_ARRESTS.iter().rev().copied().collect();
        assert_eq!(stories_of(&reversed), vec![vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn leads_damp_only_articles_that_hardly_name_each_other_s_lead() {
        let mut vocab = Vocab::default();
        let v = document_vectors(&features_of(&TWO_ARRESTS), &mut vocab);
        let okafor = vocab.get("okafor");
        let varga = vocab.get("varga");
        assert!(okafor.is_some() && varga.is_some());
        assert_eq!([v[0].lead, v[1].lead], [okafor, okafor]);
        assert_eq!([v[2].lead, v[3].lead], [varga, varga]);
        // one lead: nothing damped
        assert_eq!(lead_factor(&v[0], &v[1]), 1.0);
        // different leads, each hardly named by the other (the one mention of Okafor in the
        // second event's report is far below the share he takes in his own)
        assert_eq!(lead_factor(&v[0], &v[2]), LEAD_DAMPING);
        assert_eq!(lead_factor(&v[3], &v[1]), LEAD_DAMPING);
        // an article naming the other's lead as much as that one does is not damped
        let mut both = v[2].clone();
        both.name_shares = v[0].name_shares.clone();
        assert_eq!(lead_factor(&v[0], &both), 1.0);
        // the club, written as often as its players, is nobody's lead: no given name before it
        let docs = features_of(&TWO_ARRESTS);
        let names: rustc_hash::FxHashSet<&str> = docs[0]
            .0
            .iter()
            .flat_map(|f| f.entities.iter().map(String::as_str))
            .collect();
        let people = persons(&docs[0].0);
        let club = crate::text::tokens::stem("mariners");
        assert!(people.contains("okafor") && names.contains(club.as_str()));
        assert!(!people.contains(club.as_str()));
        let mentions: rustc_hash::FxHashMap<&str, (u32, f32)> =
            [(club.as_str(), (1, 9.0)), ("okafor", (2, 5.0))]
                .into_iter()
                .collect();
        assert_eq!(lead_of(&mentions, &people).1, Some(2));
        // nor is an article with no lead (nothing named often enough)
        let none = DocVectors {
            lead: None,
            ..v[2].clone()
        };
        assert_eq!(lead_factor(&v[0], &none), 1.0);
    }

    #[test]
    fn a_paraphrase_with_the_same_names_joins() {
        let stories = stories_of(&[
            (
                "Harbour strike ends",
                &[
                    "Dock workers in Port Velmar ended their strike on Tuesday after the union leader Ana Rusk signed a wage deal.",
                    "Rusk said the 12 percent raise was a victory for the workers.",
                ],
            ),
            (
                "Velmar dockers return to work",
                &[
                    "A walkout at the Port Velmar docks is over: union chief Ana Rusk agreed to a pay settlement on Tuesday.",
                    "The settlement gives the dockers 12 percent more, according to Rusk.",
                ],
            ),
            (
                "New library opens",
                &[
                    "A new public library opened in Carrow on Saturday with forty thousand books.",
                    "Mayor Dev Oyelaran cut the ribbon before a crowd of readers.",
                ],
            ),
        ]);
        assert_eq!(stories, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn articles_that_name_nothing_group_by_their_words() {
        let stories = stories_of(&[
            (
                "Budget approved",
                &[
                    "The council approved the new budget after a long debate.",
                    "critics said taxes would rise and schools would get less.",
                ],
            ),
            (
                "Budget passes",
                &[
                    "The council passed the budget after a debate.",
                    "taxes would rise, critics said, and schools would get more money.",
                ],
            ),
        ]);
        assert_eq!(stories, vec![vec![0, 1]]);
    }

    #[test]
    fn a_fragment_joins_the_story_it_is_most_alike() {
        // 0, 1, 2 are a story, 3 a story of its own that leans to it, 4 stands apart
        let sim = vec![
            vec![0.0, 0.5, 0.5, 0.12, 0.0],
            vec![0.5, 0.0, 0.5, 0.08, 0.01],
            vec![0.5, 0.5, 0.0, 0.1, 0.02],
            vec![0.12, 0.08, 0.1, 0.0, 0.2],
            vec![0.0, 0.01, 0.02, 0.2, 0.0],
        ];
        let stories = vec![vec![0, 1, 2], vec![3], vec![4]];
        assert_eq!(
            attach_fragments(&sim, stories.clone(), 0.08),
            vec![vec![0, 1, 2, 3], vec![4]]
        );
        // the average over the story (0.10) is below a higher bar: nothing moves, and the two
        // fragments do not join each other however alike they are
        assert_eq!(attach_fragments(&sim, stories.clone(), 0.11), stories);
    }

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
        // the same terms in both vectors: the similarity is the one cosine
        let d = |w: Sparse| DocVectors {
            words: w.clone(),
            anchors: w,
            ..DocVectors::default()
        };
        let vectors = vec![
            d(v(&[(1, 1.0)])),
            d(v(&[(2, 1.0)])),
            d(v(&[(1, 0.8), (3, 0.6)])),
        ];
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
            merge_into(&mut clusters, j, i);
        }
        ordered(clusters)
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
