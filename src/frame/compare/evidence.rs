//! The sentences each difference rests on (`Difference::evidence`), so that no statement is
//! made without them: for every article a difference names, the topic's sentences in it that
//! carry what the difference speaks of (the quotation, the reporting verb, the label, the hedge,
//! the loaded word, the frame cue), at most [`PER_ARTICLE`]; where the statement is about the
//! topic as a whole (placement, tone) or about what an article's sentences lack ("uses only
//! neutral reporting verbs", "does not name X here"), the topic's sentences of that article
//! that were read for it. Omissions and unaligned articles already carry the closest sentence
//! of each article said to have none (see `omission`).

use super::table::of_article;
use crate::align::Topic;
use crate::frame::{Cue, CueKind, Difference, DifferenceKind, Quote, VerbClass};
use crate::model::ArticleId;

/// At most this many evidence sentences per article.
pub const PER_ARTICLE: usize = 4;

/// Whether sentence `s` of article `a` carries what a difference of `kind` speaks of
/// (`quotes` and `cues` sorted by article). Kinds about the topic as a whole carry nothing of
/// their own.
fn carries(kind: DifferenceKind, a: ArticleId, s: usize, quotes: &[Quote], cues: &[Cue]) -> bool {
    let cue = |f: &dyn Fn(&Cue) -> bool| {
        of_article(cues, |c| c.article, a)
            .iter()
            .any(|c| c.sentence == s && !c.in_quote && f(c))
    };
    let quote = || {
        of_article(quotes, |q| q.article, a)
            .iter()
            .any(|q| q.sentence == s && !q.scare)
    };
    match kind {
        DifferenceKind::Quote => quote(),
        DifferenceKind::Verb => {
            cue(&|c| {
                c.category == CueKind::Attribution
                    && c.verb_class.is_some_and(|v| v != VerbClass::Neutral)
            }) || quote()
        }
        DifferenceKind::Label => cue(&|c| c.category == CueKind::Label),
        DifferenceKind::Naming => cue(&|c| matches!(c.category, CueKind::Label | CueKind::Loaded)),
        DifferenceKind::Hedge => cue(&|c| {
            matches!(
                c.category,
                CueKind::Hedge | CueKind::Booster | CueKind::Intensifier
            )
        }),
        DifferenceKind::Loaded => cue(&|c| c.category == CueKind::Loaded),
        DifferenceKind::Frame => cue(&|c| matches!(c.category, CueKind::Frame(_))),
        DifferenceKind::Omission
        | DifferenceKind::Unaligned
        | DifferenceKind::Placement
        | DifferenceKind::Tone => false,
    }
}

/// Fills in the evidence of a difference of `topic` that has none: for each article it names,
/// the topic's sentences carrying the difference's cues or quotes, else (a statement about
/// the topic as a whole, or about what the article lacks) the sentences read for it — the
/// first one for placement. Sentences are in reading order, at most [`PER_ARTICLE`] each.
pub fn attach(d: &mut Difference, topic: &Topic, quotes: &[Quote], cues: &[Cue]) {
    if !d.evidence.is_empty() {
        return;
    }
    let mut articles = d.articles.clone();
    articles.sort();
    articles.dedup();
    for a in articles {
        let Some(m) = topic.member(a) else { continue };
        let mut read: Vec<usize> = m.sentences.clone();
        read.sort_unstable();
        read.dedup();
        let carrying: Vec<usize> = read
            .iter()
            .copied()
            .filter(|&s| carries(d.kind, a, s, quotes, cues))
            .take(PER_ARTICLE)
            .collect();
        let chosen = if !carrying.is_empty() {
            carrying
        } else if d.kind == DifferenceKind::Placement {
            read.into_iter().take(1).collect()
        } else {
            read.into_iter().take(PER_ARTICLE).collect()
        };
        d.evidence.extend(chosen.into_iter().map(|s| (a, s)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{Placement, TopicMember};
    use crate::frame::FrameDimension;

    fn topic() -> Topic {
        let member = |a: usize, s: Vec<usize>| TopicMember {
            article: ArticleId(a),
            sentences: s,
            share: 0.2,
            first_paragraph: 0,
            placement: Placement::Body,
        };
        Topic {
            id: 0,
            label: "Swiss summit".into(),
            terms: Vec::new(),
            story: 0,
            members: vec![member(0, vec![5, 2, 3]), member(1, vec![1, 4])],
        }
    }

    fn cue(a: usize, s: usize, category: CueKind) -> Cue {
        Cue {
            article: ArticleId(a),
            sentence: s,
            text: "x".into(),
            start: 0,
            end: 1,
            category,
            entry: String::new(),
            note: String::new(),
            polarity: 0,
            verb_class: None,
            group: None,
            in_quote: false,
        }
    }

    fn difference(kind: DifferenceKind) -> Difference {
        Difference {
            topic: 0,
            kind,
            articles: vec![ArticleId(1), ArticleId(0)],
            summary: String::new(),
            evidence: Vec::new(),
        }
    }

    #[test]
    fn a_cue_difference_points_at_the_sentences_carrying_the_cue() {
        let cues = vec![
            cue(0, 3, CueKind::Loaded),
            cue(0, 5, CueKind::Hedge),
            cue(1, 9, CueKind::Loaded), // not in the topic
        ];
        let mut d = difference(DifferenceKind::Loaded);
        attach(&mut d, &topic(), &[], &cues);
        // A's loaded sentence; B has none in the topic: the sentences read for it
        assert_eq!(
            d.evidence,
            vec![(ArticleId(0), 3), (ArticleId(1), 1), (ArticleId(1), 4)]
        );
    }

    #[test]
    fn placement_points_at_each_articles_first_sentence_of_the_topic() {
        let mut d = difference(DifferenceKind::Placement);
        attach(
            &mut d,
            &topic(),
            &[],
            &[cue(0, 2, CueKind::Frame(FrameDimension::Economic))],
        );
        assert_eq!(d.evidence, vec![(ArticleId(0), 2), (ArticleId(1), 1)]);
    }

    #[test]
    fn evidence_already_given_is_kept() {
        let mut d = difference(DifferenceKind::Omission);
        d.evidence = vec![(ArticleId(2), 7)];
        attach(&mut d, &topic(), &[], &[]);
        assert_eq!(d.evidence, vec![(ArticleId(2), 7)]);
    }
}
