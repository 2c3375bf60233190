//! What the ECB+ alignment figures count as errors, shown for reading by hand
//! (`framediff eval ecb DIR --show-misses N`): the alignments that alignment precision counts
//! as wrong (both sentences annotated, no gold chain shared) and the gold event pairs that
//! event-pair recall counts as missed, each with both sentences, so that a reader can judge
//! whether the error is framediff's or the annotation's (ECB+ leaves many event and entity
//! mentions of an annotated sentence unmarked).
//!
//! The same judgements as [`super::ecb::score`] ([`super::ecb::shares_chain`],
//! [`super::ecb::gold_event_pairs`]); the sample is `N` cases of each list, evenly spaced over it
//! in topic and article order, so that two runs show the same cases.
//!
//! # Read by hand (`--show-misses 40` on the 21 development topics, with the alignment as it
//! was before a name counted once: see `align/pairs.rs`)
//!
//! Each case judged: do the two sentences report the same fact, only share an event or a
//! participant while saying different things, or report different events?
//!
//! | list | size | same fact | related | different events |
//! |---|---|---|---|---|
//! | alignments counted wrong | 192 | 34 of 40 | 4 (same person or case, another fact) | 2 (two events of one kind, or a rule and its reversal) |
//! | gold pairs not aligned, one found story | 1,756 | 28 of 40 | 11 | 1 |
//!
//! So alignment precision as measured (0.901) understates: most alignments it counts wrong
//! link two reports of one fact whose mentions the annotators left unmarked; read with these
//! judgements it would be about 0.901 + 0.099 × 34/40 ≈ 0.985. And most missed gold pairs are
//! real misses: two wordings of one fact that share few words (a verb and its paraphrase, an
//! institution named two ways).

use super::ecb::{EcbTopic, SentenceMap, aligned_pairs, gold_event_pairs, recalled, shares_chain};
use crate::Analysis;
use std::fmt::Write;

/// One case: where it is, what it scored, and the two sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub topic: String,
    /// Document names and framediff sentence indices of the two sides.
    pub a: (String, usize),
    pub b: (String, usize),
    /// The alignment's score; `None` for a gold pair that is not aligned.
    pub score: Option<f32>,
    /// Whether the two articles are in one found story.
    pub same_story: bool,
    pub text_a: String,
    pub text_b: String,
}

/// The two lists of one corpus, in topic and article order.
#[derive(Debug, Default)]
pub struct Misses {
    /// Alignments between annotated sentences that share no gold chain.
    pub counted_wrong: Vec<Miss>,
    /// Gold event pairs with no alignment between them.
    pub not_aligned: Vec<Miss>,
}

/// Analyses each topic and collects both lists.
pub fn collect(topics: &[EcbTopic]) -> Misses {
    let config = crate::config::Config::builtin();
    let mut out = Misses::default();
    for topic in topics {
        let (articles, gold, maps) = topic.parts();
        let analysis = crate::analyze(articles, &config);
        let names: Vec<&str> = topic.docs.iter().map(|d| d.name.as_str()).collect();
        collect_topic(&topic.id, &names, &analysis, &gold, &maps, &mut out);
    }
    out
}

/// Adds one analysed topic's cases to `out`.
fn collect_topic(
    topic: &str,
    names: &[&str],
    analysis: &Analysis,
    gold: &[super::ecb::GoldDoc],
    maps: &[SentenceMap],
    out: &mut Misses,
) {
    let story = super::ecb::story_labels(gold.len(), &analysis.stories);
    let miss = |a: (usize, usize), b: (usize, usize), score: Option<f32>| Miss {
        topic: topic.to_string(),
        a: (names.get(a.0).unwrap_or(&"?").to_string(), a.1),
        b: (names.get(b.0).unwrap_or(&"?").to_string(), b.1),
        score,
        same_story: story.get(a.0) == story.get(b.0),
        text_a: sentence_text(analysis, a),
        text_b: sentence_text(analysis, b),
    };
    for al in &analysis.alignments {
        let (a, b) = ((al.a.0.index(), al.a.1), (al.b.0.index(), al.b.1));
        if shares_chain(gold, maps, a, b) == Some(false) {
            out.counted_wrong.push(miss(a, b, Some(al.score)));
        }
    }
    let aligned = aligned_pairs(analysis);
    let (pairs, _) = gold_event_pairs(gold, maps);
    let sys = |a: usize, g: usize| maps.get(a).map_or(&[][..], |m| m.sys(g));
    for ((i, g), (j, h)) in pairs {
        if recalled(&aligned, maps, (i, g), (j, h)) {
            continue;
        }
        if let (Some(&f), Some(&f2)) = (sys(i, g).first(), sys(j, h).first()) {
            out.not_aligned.push(miss((i, f), (j, f2), None));
        }
    }
}

fn sentence_text(analysis: &Analysis, (a, s): (usize, usize)) -> String {
    analysis
        .articles
        .get(a)
        .and_then(|x| x.sentences.get(s))
        .map_or_else(String::new, |x| x.text.clone())
}

/// `n` items evenly spaced over `items` (all of them when there are fewer).
pub fn evenly_spaced<T>(items: &[T], n: usize) -> Vec<&T> {
    if n == 0 || items.is_empty() {
        return Vec::new();
    }
    let n = n.min(items.len());
    (0..n).map(|k| &items[k * items.len() / n]).collect()
}

/// The report: each list's size, then `n` cases of each, numbered, for judging by hand.
pub fn report(misses: &Misses, n: usize) -> String {
    let mut s = String::new();
    let other_story = misses.not_aligned.iter().filter(|m| !m.same_story).count();
    let _ = writeln!(
        s,
        "Alignments counted wrong (both sentences annotated, no gold chain shared): {}; {} shown, evenly spaced",
        misses.counted_wrong.len(),
        n.min(misses.counted_wrong.len())
    );
    write_cases(&mut s, &evenly_spaced(&misses.counted_wrong, n));
    let same: Vec<Miss> = misses
        .not_aligned
        .iter()
        .filter(|m| m.same_story)
        .cloned()
        .collect();
    let _ = writeln!(
        s,
        "\nGold event pairs not aligned: {} ({} with the two articles in different found stories); of the {} in one found story, {} shown, evenly spaced",
        misses.not_aligned.len(),
        other_story,
        same.len(),
        n.min(same.len())
    );
    write_cases(&mut s, &evenly_spaced(&same, n));
    s
}

fn write_cases(s: &mut String, cases: &[&Miss]) {
    for (k, m) in cases.iter().enumerate() {
        let score = m
            .score
            .map_or_else(|| "not aligned".to_string(), |x| format!("score {x:.2}"));
        let story = if m.same_story {
            ""
        } else {
            ", articles in different found stories"
        };
        let _ = writeln!(
            s,
            "{}. topic {}: {} sentence {} / {} sentence {} ({score}{story})\n   A: {}\n   B: {}",
            k + 1,
            m.topic,
            m.a.0,
            m.a.1,
            m.b.0,
            m.b.1,
            m.text_a,
            m.text_b
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{Alignment, Story};
    use crate::eval::ecb::tests::{doc, identity_map};
    use crate::model::ArticleId;

    #[test]
    fn wrong_alignments_and_missed_gold_pairs_are_listed() {
        // docs 0, 1 and 2 report E1 in sentence 0; sentence 1 of docs 0 and 1 is annotated
        // with E2 and E3: an alignment of those two shares no chain; doc 2 is in another story
        let mut d0 = doc("a", 2, &[0, 1], &[(0, "E1"), (1, "E2")]);
        d0.sentences[1] = "x".into();
        let gold = vec![
            d0,
            doc("a", 2, &[0, 1], &[(0, "E1"), (1, "E3")]),
            doc("a", 1, &[0], &[(0, "E1")]),
        ];
        let maps = vec![identity_map(2), identity_map(2), identity_map(1)];
        let al = |a, b| Alignment::bare(a, b, 0.5);
        let analysis = Analysis {
            stories: vec![Story {
                id: 0,
                articles: vec![ArticleId(0), ArticleId(1)],
            }],
            alignments: vec![al((0, 0), (1, 0)), al((0, 1), (1, 1))],
            ..Default::default()
        };
        let mut out = Misses::default();
        collect_topic("7", &["d0", "d1", "d2"], &analysis, &gold, &maps, &mut out);
        assert_eq!(out.counted_wrong.len(), 1);
        let wrong = &out.counted_wrong[0];
        assert_eq!(
            (wrong.a.clone(), wrong.b.clone()),
            (("d0".into(), 1), ("d1".into(), 1))
        );
        assert_eq!(wrong.score, Some(0.5));
        // the gold pairs with doc 2 are not aligned, across found stories
        let missed: Vec<_> = out
            .not_aligned
            .iter()
            .map(|m| (&m.a.0, &m.b.0, m.same_story))
            .collect();
        assert_eq!(
            missed,
            vec![
                (&"d0".to_string(), &"d2".to_string(), false),
                (&"d1".to_string(), &"d2".to_string(), false)
            ]
        );
        let text = report(&out, 5);
        assert!(
            text.contains("counted wrong (both sentences annotated, no gold chain shared): 1;")
        );
        assert!(text.contains(
            "Gold event pairs not aligned: 2 (2 with the two articles in different found stories)"
        ));
    }

    #[test]
    fn evenly_spaced_takes_the_same_cases_and_never_more_than_there_are() {
        let items: Vec<usize> = (0..10).collect();
        assert_eq!(evenly_spaced(&items, 3), vec![&0, &3, &6]);
        assert_eq!(evenly_spaced(&items, 20).len(), 10);
        assert!(evenly_spaced(&items, 0).is_empty());
        assert!(evenly_spaced::<usize>(&[], 4).is_empty());
    }
}
