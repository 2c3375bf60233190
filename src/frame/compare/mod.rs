//! Per-topic comparison: the table of how each article treats a topic (`table`) and the
//! generated statements of how they differ (`differences`), omissions checked against the
//! closest sentence of each article said to leave a topic out (`omission`), every statement
//! with the sentences it rests on (`evidence`), listed most telling first
//! ([`crate::frame::DifferenceKind::rank`]).

mod differences;
pub mod evidence;
pub mod naming;
pub mod omission;
mod table;

pub use differences::{Elsewhere, differences};
pub use table::{TopicRow, TopicTable, Voice, table};

use super::{Cue, Difference, Quote, Tone};
use crate::align::Aligned;
use crate::model::Article;
use rayon::prelude::*;

/// Tables and differences of every topic; `signals` are what the omission check reads of every
/// sentence ([`omission::Signals`], computed beside alignment).
pub fn compare(
    articles: &[Article],
    aligned: &Aligned,
    quotes: &[Quote],
    cues: &[Cue],
    tones: &[Tone],
    signals: &omission::Signals,
) -> (Vec<TopicTable>, Vec<Difference>) {
    // tables narrow quotes and cues to an article by binary search
    let quotes = table::by_article(quotes, |q| q.article);
    let cues = table::by_article(cues, |c| c.article);
    let (quotes, cues) = (quotes.as_ref(), cues.as_ref());
    let elsewhere = elsewhere(aligned);
    let per_topic: Vec<(TopicTable, Vec<Difference>)> = aligned
        .topics
        .par_iter()
        .filter_map(|topic| {
            let story = aligned.stories.iter().find(|s| s.id == topic.story)?;
            let t = table(topic, &story.articles, articles, quotes, cues, tones);
            let outside = elsewhere.get(&topic.id).map_or(&[][..], Vec::as_slice);
            let mut d = differences(topic, &t, articles, signals, outside);
            for x in &mut d {
                evidence::attach(x, topic, quotes, cues);
            }
            // the most telling first (a stable sort keeps the writers' order within a kind)
            d.sort_by_key(|x| x.kind.rank());
            Some((t, d))
        })
        .collect();
    let mut tables = Vec::with_capacity(per_topic.len());
    let mut diffs = Vec::new();
    for (t, d) in per_topic {
        tables.push(t);
        diffs.extend(d);
    }
    let story_of = |topic: usize| {
        aligned
            .topics
            .iter()
            .find(|t| t.id == topic)
            .map(|t| t.story)
    };
    (tables, merge_duplicates(diffs, story_of))
}

/// For each topic (by id), the sentences of articles outside it that are aligned to its
/// sentences: the best aligned per article, with the label of the topic it is in. Clustering
/// puts a sentence in one topic, so an article can report what a topic does under another.
fn elsewhere(aligned: &Aligned) -> std::collections::HashMap<usize, Vec<Elsewhere>> {
    use crate::model::ArticleId;
    let mut topic_of: std::collections::HashMap<(ArticleId, usize), usize> =
        std::collections::HashMap::new();
    for (k, t) in aligned.topics.iter().enumerate() {
        for m in &t.members {
            for &s in &m.sentences {
                topic_of.insert((m.article, s), k);
            }
        }
    }
    let mut out: std::collections::HashMap<usize, Vec<Elsewhere>> =
        std::collections::HashMap::new();
    for al in &aligned.alignments {
        for (here, there) in [(al.b, al.a), (al.a, al.b)] {
            let Some(&k) = topic_of.get(&here) else {
                continue;
            };
            let theirs = topic_of.get(&there).copied();
            // an article in the topic is not outside it
            if theirs == Some(k) || aligned.topics[k].member(there.0).is_some() {
                continue;
            }
            let list = out.entry(aligned.topics[k].id).or_default();
            let candidate = Elsewhere {
                article: there.0,
                sentence: there.1,
                topic: theirs.map(|t| aligned.topics[t].label.clone()),
                partner: here,
                score: al.score,
            };
            match list.iter_mut().find(|e| e.article == there.0) {
                Some(e)
                    if (candidate.score, std::cmp::Reverse(candidate.sentence))
                        > (e.score, std::cmp::Reverse(e.sentence)) =>
                {
                    *e = candidate
                }
                Some(_) => {}
                None => list.push(candidate),
            }
        }
    }
    out
}

/// The same statement made on two topics of one story ("Frames differ: A mainly as economic;
/// B mainly as legality.") is said once, under the first topic, with the evidence of both.
fn merge_duplicates(
    diffs: Vec<Difference>,
    story_of: impl Fn(usize) -> Option<usize>,
) -> Vec<Difference> {
    let mut first: std::collections::HashMap<
        (Option<usize>, super::DifferenceKind, String),
        usize,
    > = std::collections::HashMap::new();
    let mut out: Vec<Difference> = Vec::with_capacity(diffs.len());
    for d in diffs {
        let key = (story_of(d.topic), d.kind, d.summary.clone());
        match first.get(&key) {
            Some(&k) => {
                let kept = &mut out[k];
                for e in d.evidence {
                    if !kept.evidence.contains(&e) {
                        kept.evidence.push(e);
                    }
                }
                kept.evidence.sort();
            }
            None => {
                first.insert(key, out.len());
                out.push(d);
            }
        }
    }
    out
}

/// A test article whose text is `sentences` joined (one paragraph).
#[cfg(test)]
pub(crate) fn article(sentences: &[&str]) -> crate::model::Article {
    crate::model::Article::from_body(
        "t",
        crate::model::Format::Text,
        String::new(),
        &sentences.join(" "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::DifferenceKind;
    use crate::model::ArticleId;

    fn d(topic: usize, summary: &str, evidence: (usize, usize)) -> Difference {
        Difference {
            topic,
            kind: DifferenceKind::Frame,
            articles: vec![ArticleId(0), ArticleId(1)],
            summary: summary.into(),
            evidence: vec![(ArticleId(evidence.0), evidence.1)],
        }
    }

    #[test]
    fn sentences_aligned_into_a_topic_from_outside_it_are_found_with_their_topic() {
        use crate::align::{Alignment, Placement, Topic, TopicMember};
        let member = |a: usize, s: &[usize]| TopicMember {
            article: ArticleId(a),
            sentences: s.to_vec(),
            share: 0.1,
            first_paragraph: 0,
            placement: Placement::Body,
        };
        let topic = |id: usize, label: &str, members: Vec<TopicMember>| Topic {
            id,
            label: label.into(),
            terms: Vec::new(),
            story: 0,
            members,
        };
        let al = Alignment::bare;
        // topic 7: A0, B0; topic 9: C2, C3; C2 and C3 aligned to B0, C3 the better;
        // A0-B0 inside the topic; A1 in no topic, aligned to B0
        let aligned = Aligned {
            stories: Vec::new(),
            topics: vec![
                topic(7, "Summit", vec![member(0, &[0]), member(1, &[0])]),
                topic(9, "Offensive", vec![member(2, &[2, 3])]),
            ],
            alignments: vec![
                al((0, 0), (1, 0), 0.9),
                al((1, 0), (2, 2), 0.3),
                al((2, 3), (1, 0), 0.4),
                al((0, 1), (1, 0), 0.25),
            ],
        };
        let found = elsewhere(&aligned);
        let summit = &found[&7];
        assert_eq!(summit.len(), 1, "{summit:?}");
        assert_eq!((summit[0].article, summit[0].sentence), (ArticleId(2), 3));
        assert_eq!(summit[0].partner, (ArticleId(1), 0));
        assert_eq!(summit[0].topic.as_deref(), Some("Offensive"));
        // topic 9 seen from B: B0 is under "Summit"
        let offensive = &found[&9];
        assert_eq!(offensive.len(), 1);
        assert_eq!(offensive[0].topic.as_deref(), Some("Summit"));
    }

    #[test]
    fn a_statement_repeated_on_topics_of_one_story_is_said_once_with_all_its_evidence() {
        let story_of = |t: usize| Some(if t < 2 { 0 } else { 1 });
        let merged = merge_duplicates(
            vec![
                d(0, "Frames differ.", (1, 4)),
                d(1, "Frames differ.", (0, 2)),
                d(1, "Other.", (0, 3)),
                d(2, "Frames differ.", (0, 9)), // another story: kept
            ],
            story_of,
        );
        assert_eq!(merged.len(), 3);
        assert_eq!(merged[0].topic, 0);
        assert_eq!(
            merged[0].evidence,
            vec![(ArticleId(0), 2), (ArticleId(1), 4)]
        );
        assert_eq!(merged[2].topic, 2);
    }
}
