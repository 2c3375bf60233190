//! The evidence behind each generated difference, as the window shows it, so that every claim
//! on the framing card is one click from the sentences it rests on: the core's evidence (the
//! sentences that carry the cues or quotes a difference speaks of, `frame::compare::evidence`),
//! and, for an omission, the covering articles' sentences and the closest passage of the
//! article said to leave the topic out with its word overlap (not aligned; shown so a reader
//! can check the claim). Computed once per analysis.

use super::app::View;
use super::index::SentenceRef;
use crate::analysis::Analysis;
use crate::frame::{Difference, DifferenceKind};
use crate::model::ArticleId;
use crate::text::tokens::{is_stopword, tokenize};
use std::collections::HashSet;

/// The sentence of an article closest to a topic it does not cover.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Closest {
    pub article: ArticleId,
    pub sentence: usize,
    /// Word overlap (cosine of the content-word stem sets, 0..1) with the most similar
    /// sentence of the topic.
    pub score: f32,
    /// The topic's sentence this one is aligned to, when the statement says so (an article
    /// whose aligned sentence was clustered under another topic): then it is no "closest
    /// passage, not aligned".
    pub aligned_to: Option<(ArticleId, usize)>,
}

/// The evidence of one difference.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    /// Sentences to flash, grouped by article in article order; the first of each article is
    /// the one its column scrolls to.
    pub sentences: Vec<SentenceRef>,
    /// For an omission: the closest passage of each article said to leave the topic out.
    pub closest: Vec<Closest>,
}

/// Content-word stems of a text (stop words left out).
fn stems(text: &str) -> HashSet<String> {
    tokenize(text)
        .into_iter()
        .filter(|t| !is_stopword(&t.lower) && t.lower.chars().any(char::is_alphabetic))
        .map(|t| t.stem)
        .collect()
}

/// The content-word stems of every sentence of every article, computed once per analysis.
pub struct Words(Vec<Vec<HashSet<String>>>);

impl Words {
    pub fn new(a: &Analysis) -> Words {
        Words(
            a.articles
                .iter()
                .map(|art| art.sentences.iter().map(|s| stems(&s.text)).collect())
                .collect(),
        )
    }

    fn get(&self, r: SentenceRef) -> Option<&HashSet<String>> {
        self.0.get(r.0.index())?.get(r.1)
    }
}

fn cosine(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f32;
    shared / ((a.len() * b.len()) as f32).sqrt()
}

/// The sentence of `article` with the highest word overlap with the sentences of topic `t`
/// in the other articles (ties to the earlier sentence); `None` when nothing overlaps at all.
pub fn closest_passage(
    a: &Analysis,
    words: &Words,
    t: usize,
    article: ArticleId,
) -> Option<Closest> {
    let topic = a.topics.get(t)?;
    let art = a.articles.get(article.index())?;
    let topic_sets: Vec<&HashSet<String>> = topic
        .members
        .iter()
        .filter(|m| m.article != article)
        .flat_map(|m| m.sentences.iter().map(move |&s| (m.article, s)))
        .filter_map(|r| words.get(r))
        .filter(|s| !s.is_empty())
        .collect();
    let mut best: Option<Closest> = None;
    for s in &art.sentences {
        let Some(own) = words.get((article, s.index)) else {
            continue;
        };
        let score = topic_sets
            .iter()
            .map(|t| cosine(own, t))
            .fold(0.0f32, f32::max);
        if score > 0.0 && best.is_none_or(|b| score > b.score) {
            best = Some(Closest {
                article,
                sentence: s.index,
                score,
                aligned_to: None,
            });
        }
    }
    best
}

/// Word overlap of sentence `sentence` of `article` with the most similar sentence of topic
/// `t` in the other articles.
fn overlap(a: &Analysis, words: &Words, t: usize, article: ArticleId, sentence: usize) -> f32 {
    let (Some(topic), Some(own)) = (a.topics.get(t), words.get((article, sentence))) else {
        return 0.0;
    };
    topic
        .members
        .iter()
        .filter(|m| m.article != article)
        .flat_map(|m| m.sentences.iter().map(move |&s| (m.article, s)))
        .filter_map(|r| words.get(r))
        .map(|x| cosine(own, x))
        .fold(0.0f32, f32::max)
}

/// The articles said to leave topic `t` out: rows of its table that do not cover it, else the
/// articles of its story that are not members.
fn omitting(a: &Analysis, t: usize) -> Vec<ArticleId> {
    if let Some(table) = a.tables.iter().find(|x| x.topic == t) {
        return table
            .rows
            .iter()
            .filter(|r| !r.covered)
            .map(|r| r.article)
            .collect();
    }
    let Some(topic) = a.topics.get(t) else {
        return Vec::new();
    };
    a.stories
        .iter()
        .find(|s| s.id == topic.story)
        .map(|s| {
            s.articles
                .iter()
                .copied()
                .filter(|&x| topic.member(x).is_none())
                .collect()
        })
        .unwrap_or_default()
}

/// The evidence of difference `d`: for each article concerned, the topic's sentences in it
/// that carry the difference's cues or quotes, else its first sentence of the topic; for an
/// article said to leave the topic out, its closest passage.
pub fn evidence(a: &Analysis, words: &Words, d: &Difference) -> Evidence {
    let mut out = Evidence::default();
    let Some(topic) = a.topics.get(d.topic) else {
        return out;
    };
    let absent = matches!(d.kind, DifferenceKind::Omission | DifferenceKind::Unaligned);
    if !absent {
        // the core's evidence (`frame::compare::evidence`), by article in reading order; a
        // difference built without it gets it the same way here
        out.sentences = if d.evidence.is_empty() {
            let mut with = d.clone();
            crate::frame::compare::evidence::attach(&mut with, topic, &a.quotes, &a.cues);
            with.evidence
        } else {
            d.evidence.clone()
        };
        return out;
    }
    // the core's evidence names the closest sentence of each article said to have none in
    // the topic (and, for one whose sentence is aligned to the topic's under another topic,
    // the topic's sentence it is aligned to); a difference built without it falls back to
    // finding it here
    let missing: Vec<ArticleId> = if d.evidence.is_empty() {
        omitting(a, d.topic)
    } else {
        d.evidence
            .iter()
            .map(|e| e.0)
            .filter(|&x| topic.member(x).is_none())
            .collect()
    };
    let partner = d
        .evidence
        .iter()
        .copied()
        .find(|&(x, _)| topic.member(x).is_some());
    // the covering articles show what the others leave out
    let mut articles: Vec<ArticleId> = topic.members.iter().map(|m| m.article).collect();
    articles.extend(missing.iter().copied());
    articles.sort();
    articles.dedup();
    for art in articles {
        if missing.contains(&art) {
            let given = d
                .evidence
                .iter()
                .find(|e| e.0 == art)
                .map(|&(article, sentence)| Closest {
                    article,
                    sentence,
                    score: overlap(a, words, d.topic, article, sentence),
                    aligned_to: partner,
                });
            if let Some(c) = given.or_else(|| closest_passage(a, words, d.topic, art)) {
                out.sentences.push((art, c.sentence));
                out.closest.push(c);
            }
            continue;
        }
        // a covering article shows what the others leave out: the sentence the statement
        // names, else its first sentence of the topic
        if let Some((_, s)) = partner.filter(|p| p.0 == art) {
            out.sentences.push((art, s));
        } else if let Some(&first) = topic.member(art).and_then(|m| m.sentences.iter().min()) {
            out.sentences.push((art, first));
        }
    }
    out
}

/// The differences of story `story` in reading order: by topic, then as generated.
pub fn story_differences(a: &Analysis, story: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..a.differences.len())
        .filter(|&k| {
            a.topics
                .get(a.differences[k].topic)
                .is_some_and(|t| t.story == story)
        })
        .collect();
    v.sort_by_key(|&k| (a.differences[k].topic, k));
    v
}

/// The story a selection is in: that of the selected difference, else of the selected topic,
/// else of the first difference.
fn story_of(a: &Analysis, current: Option<usize>, topic: Option<usize>) -> Option<usize> {
    current
        .and_then(|k| a.differences.get(k))
        .map(|d| d.topic)
        .or(topic)
        .or_else(|| a.differences.first().map(|d| d.topic))
        .and_then(|t| a.topics.get(t))
        .map(|t| t.story)
}

/// Where difference `k` stands in its story: (1-based position, number of differences).
pub fn position(a: &Analysis, k: usize) -> Option<(usize, usize)> {
    let list = story_differences(a, story_of(a, Some(k), None)?);
    let p = list.iter().position(|&x| x == k)?;
    Some((p + 1, list.len()))
}

/// The difference *Next difference* (`delta` > 0) or *Previous difference* moves to: the
/// neighbour of the selected difference in its story (staying at either end); with none
/// selected, the first (or last) difference of the selected topic, else of the story.
pub fn step(
    a: &Analysis,
    current: Option<usize>,
    topic: Option<usize>,
    delta: i32,
) -> Option<usize> {
    let list = story_differences(a, story_of(a, current, topic)?);
    let last = list.len().checked_sub(1)?;
    if let Some(p) = current.and_then(|c| list.iter().position(|&k| k == c)) {
        let q = (p as i64 + delta as i64).clamp(0, last as i64) as usize;
        return Some(list[q]);
    }
    let topic_of = |k: usize| a.differences[k].topic;
    let found = match topic {
        Some(t) if delta >= 0 => list.iter().find(|&&k| topic_of(k) >= t),
        Some(t) => list.iter().rev().find(|&&k| topic_of(k) <= t),
        None => None,
    };
    found
        .or(if delta >= 0 {
            list.first()
        } else {
            list.last()
        })
        .copied()
}

/// Selects difference `k` (or none): selects its topic, highlights its evidence and asks each
/// column to scroll to it on the next frame; says where it stands in the story.
pub fn select(view: &mut View, k: Option<usize>) {
    view.selected_difference = k;
    view.evidence.clear();
    view.scroll_to_evidence = None;
    let (Some(k), Some(a)) = (k, view.analysis.clone()) else {
        return;
    };
    let Some(d) = a.differences.get(k) else {
        view.selected_difference = None;
        return;
    };
    view.selected_topic = Some(d.topic);
    view.selected_sentence = None;
    let mut sentences = view
        .index
        .evidence
        .get(k)
        .map(|e| e.sentences.clone())
        .unwrap_or_default();
    if sentences.is_empty() {
        // no sentence evidence: the topic's first sentence in each article
        sentences = view
            .index
            .first
            .get(d.topic)
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (ArticleId(i), s)))
            .collect();
    }
    view.evidence = sentences.clone();
    view.scroll_to_evidence = Some(sentences);
    if let Some((p, n)) = position(&a, k) {
        view.status = Some(format!("Difference {p} of {n}"));
    }
}

/// Scrolls to one sentence (a closest passage) and flashes it.
pub fn show_passage(view: &mut View, r: SentenceRef) {
    view.evidence = vec![r];
    view.scroll_to_evidence = Some(vec![r]);
}

#[cfg(test)]
mod tests {
    use super::super::index::Index;
    use super::*;
    use crate::align::{Placement, Story, Topic, TopicMember};
    use crate::frame::CueKind;
    use crate::model::{Article, Sentence};

    fn article(id: usize, sentences: &[&str]) -> Article {
        Article {
            id: ArticleId(id),
            path: format!("a{id}.md"),
            paragraphs: vec![(0, 1)],
            sentences: sentences
                .iter()
                .enumerate()
                .map(|(i, t)| Sentence {
                    index: i,
                    paragraph: 0,
                    start: 0,
                    end: t.len(),
                    text: t.to_string(),
                })
                .collect(),
            ..Article::default()
        }
    }

    fn member(article: usize, sentences: Vec<usize>) -> TopicMember {
        TopicMember {
            article: ArticleId(article),
            sentences,
            share: 0.5,
            first_paragraph: 0,
            placement: Placement::Body,
        }
    }

    /// A covers the flood topic in two sentences; B does not, but one of its sentences
    /// speaks of the river and the dam.
    fn fixture() -> Analysis {
        Analysis {
            articles: vec![
                article(
                    0,
                    &[
                        "The council met on Tuesday.",
                        "The river burst its banks after the dam gates failed.",
                        "Farmers downstream lost their crops to the flood.",
                    ],
                ),
                article(
                    1,
                    &[
                        "The council met on Tuesday to vote on the budget.",
                        "Nobody mentioned the weather.",
                        "Engineers inspected the dam gates on the river last year.",
                        "The mayor thanked the volunteers.",
                    ],
                ),
            ],
            stories: vec![Story {
                id: 0,
                articles: vec![ArticleId(0), ArticleId(1)],
            }],
            topics: vec![Topic {
                id: 0,
                label: "flood".into(),
                terms: vec!["flood".into()],
                story: 0,
                members: vec![member(0, vec![1, 2])],
            }],
            differences: vec![Difference {
                topic: 0,
                kind: DifferenceKind::Omission,
                articles: vec![ArticleId(0), ArticleId(1)],
                summary: "Only A reports “flood”; B leaves it out.".into(),
                evidence: Vec::new(),
            }],
            ..Analysis::default()
        }
    }

    #[test]
    fn the_closest_passage_is_the_sentence_sharing_most_words() {
        let a = fixture();
        let c =
            closest_passage(&a, &Words::new(&a), 0, ArticleId(1)).expect("an overlapping sentence");
        assert_eq!(c.sentence, 2, "{c:?}");
        assert!(c.score > 0.3 && c.score <= 1.0, "{c:?}");
    }

    #[test]
    fn no_overlap_means_no_closest_passage() {
        let mut a = fixture();
        a.articles[1] = article(1, &["Nobody mentioned the weather."]);
        let w = Words::new(&a);
        assert_eq!(closest_passage(&a, &w, 0, ArticleId(1)), None);
        // a topic or article that does not exist is not a panic
        assert_eq!(closest_passage(&a, &w, 7, ArticleId(1)), None);
        assert_eq!(closest_passage(&a, &w, 0, ArticleId(9)), None);
    }

    #[test]
    fn an_omission_points_at_the_covering_text_and_the_closest_passage() {
        let a = fixture();
        let e = Index::new(&a).evidence[0].clone();
        assert_eq!(e.sentences, vec![(ArticleId(0), 1), (ArticleId(1), 2)]);
        assert_eq!(e.closest.len(), 1);
        assert_eq!(e.closest[0].article, ArticleId(1));
    }

    #[test]
    fn a_sentence_aligned_under_another_topic_is_shown_with_its_partner() {
        let mut a = fixture();
        // B's sentence 2, under another topic, is aligned to A's sentence 1 of this topic
        a.differences[0].kind = DifferenceKind::Unaligned;
        a.differences[0].evidence = vec![(ArticleId(1), 2), (ArticleId(0), 1)];
        let e = Index::new(&a).evidence[0].clone();
        assert_eq!(e.sentences, vec![(ArticleId(0), 1), (ArticleId(1), 2)]);
        assert_eq!(e.closest.len(), 1);
        assert_eq!(e.closest[0].article, ArticleId(1));
        assert_eq!(e.closest[0].aligned_to, Some((ArticleId(0), 1)));
    }

    #[test]
    fn the_cores_closest_sentence_is_the_one_shown() {
        let mut a = fixture();
        // the core named sentence 0 of B (not the one word overlap would pick)
        a.differences[0].kind = DifferenceKind::Unaligned;
        a.differences[0].evidence = vec![(ArticleId(1), 0)];
        let e = Index::new(&a).evidence[0].clone();
        assert_eq!(e.sentences, vec![(ArticleId(0), 1), (ArticleId(1), 0)]);
        assert_eq!(e.closest.len(), 1);
        assert_eq!(
            (e.closest[0].article, e.closest[0].sentence),
            (ArticleId(1), 0)
        );
    }

    #[test]
    fn a_loaded_difference_points_at_the_loaded_sentences() {
        let mut a = fixture();
        a.topics[0].members.push(member(1, vec![0, 2, 3]));
        a.cues.push(crate::frame::Cue {
            article: ArticleId(1),
            sentence: 3,
            text: "thanked".into(),
            category: CueKind::Loaded,
            note: String::new(),
            entry: String::new(),
            start: 0,
            end: 3,
            polarity: 1,
            verb_class: None,
            group: None,
            in_quote: false,
        });
        let d = Difference {
            topic: 0,
            kind: DifferenceKind::Loaded,
            articles: vec![ArticleId(1), ArticleId(0)],
            summary: String::new(),
            evidence: Vec::new(),
        };
        let e = evidence(&a, &Words::new(&a), &d);
        // A has no loaded word: its topic sentences, read for the claim; B: the sentence with
        // the cue
        assert_eq!(
            e.sentences,
            vec![(ArticleId(0), 1), (ArticleId(0), 2), (ArticleId(1), 3)]
        );
        assert!(e.closest.is_empty());
    }

    #[test]
    fn stepping_walks_the_story_in_topic_order_and_stops_at_the_ends() {
        let mut a = fixture();
        a.topics.push(Topic {
            id: 1,
            label: "budget".into(),
            terms: vec![],
            story: 0,
            members: vec![member(0, vec![0]), member(1, vec![0])],
        });
        let diff = |topic, kind| Difference {
            topic,
            kind,
            articles: vec![ArticleId(0), ArticleId(1)],
            summary: String::new(),
            evidence: Vec::new(),
        };
        // generated out of topic order: topic 1, then topic 0's second difference
        a.differences.push(diff(1, DifferenceKind::Tone));
        a.differences.push(diff(0, DifferenceKind::Placement));
        assert_eq!(story_differences(&a, 0), vec![0, 2, 1]);
        assert_eq!(step(&a, None, None, 1), Some(0));
        assert_eq!(step(&a, None, None, -1), Some(1));
        assert_eq!(step(&a, None, Some(1), 1), Some(1));
        assert_eq!(step(&a, None, Some(0), -1), Some(2));
        assert_eq!(step(&a, Some(0), None, 1), Some(2));
        assert_eq!(step(&a, Some(2), None, 1), Some(1));
        assert_eq!(step(&a, Some(1), None, 1), Some(1), "stays at the end");
        assert_eq!(step(&a, Some(0), None, -1), Some(0), "stays at the start");
        assert_eq!(position(&a, 2), Some((2, 3)));
        assert_eq!(step(&Analysis::default(), None, None, 1), None);
    }
}
