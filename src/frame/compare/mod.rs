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

pub use differences::differences;
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
    let per_topic: Vec<(TopicTable, Vec<Difference>)> = aligned
        .topics
        .par_iter()
        .filter_map(|topic| {
            let story = aligned.stories.iter().find(|s| s.id == topic.story)?;
            let t = table(topic, &story.articles, articles, quotes, cues, tones);
            let mut d = differences(topic, &t, articles, signals);
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
