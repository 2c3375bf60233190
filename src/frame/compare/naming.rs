//! How outlets name the same actor, where the naming takes sides (issue 10): within a topic,
//! one article describes a person or group with words the lexicons mark as a contested label or
//! a loaded word — its own wording, not a quotation's — while another article names the same
//! entity there without such words ("the Corva regime" / "Corva's government"). Entities and
//! their mentions come from [`crate::frame::entities`]; only descriptions can take sides (a
//! proper name that holds a polar word, "Freedom Party", is a name, not a choice), pronouns
//! say nothing. Each statement carries the sentences of both namings as its evidence.
//!
//! A wrong link between a description and an actor would make this a false statement, so a
//! description is read only where it surely names the actor: in a sentence that also names
//! the actor ("Nora Vance, the hero of the right, …"), as a whole noun phrase (the word after
//! it does not carry it on: not "the hostile reaction"), headed by a noun for a person or a
//! group (WordNet) or by the label itself ("the regime").

use super::table::of_article;
use crate::align::Topic;
use crate::frame::entities::{Entity, EntityMention, MentionForm};
use crate::frame::{Cue, CueKind, Difference, DifferenceKind};
use crate::model::{Article, ArticleId};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The naming differences of one topic. `cues` are sorted by article (as framing makes them).
pub fn differences(
    topic: &Topic,
    entities: &[&Entity],
    cues: &[Cue],
    articles: &[Article],
) -> Vec<Difference> {
    let in_topic =
        |a: ArticleId, s: usize| topic.member(a).is_some_and(|m| m.sentences.contains(&s));
    let mut out = Vec::new();
    for &e in entities.iter().filter(|e| e.kind.is_actor()) {
        let mut taking_sides: BTreeMap<ArticleId, (&EntityMention, &Cue)> = BTreeMap::new();
        let mut plain: BTreeMap<ArticleId, &EntityMention> = BTreeMap::new();
        for m in e
            .mentions
            .iter()
            .filter(|m| m.form != MentionForm::Pronoun && in_topic(m.article, m.sentence))
        {
            let sure = m.form == MentionForm::Description
                && names_in_sentence(e, m)
                && whole_phrase(articles, m);
            let cue = sure
                .then(|| {
                    of_article(cues, |c| c.article, m.article).iter().find(|c| {
                        c.sentence == m.sentence
                            && !c.in_quote
                            && matches!(c.category, CueKind::Label | CueKind::Loaded)
                            && m.start <= c.start
                            && c.end <= m.end
                    })
                })
                .flatten();
            let cue = cue.filter(|c| c.category == CueKind::Label || actor_head(&m.text));
            match cue {
                Some(c) => {
                    taking_sides.entry(m.article).or_insert((m, c));
                }
                None => {
                    plain.entry(m.article).or_insert(m);
                }
            }
        }
        let without: Vec<(ArticleId, &EntityMention)> = plain
            .iter()
            .filter(|(a, _)| !taking_sides.contains_key(a))
            .map(|(a, m)| (*a, *m))
            .collect();
        if without.is_empty() {
            continue;
        }
        for (&a, &(m, c)) in &taking_sides {
            let what = match (c.category, &c.group) {
                (CueKind::Label, Some(g)) => {
                    format!("a contested label for {}", g.replace('_', " "))
                }
                (CueKind::Label, None) => "a contested label".to_string(),
                _ => "a loaded word".to_string(),
            };
            let others: Vec<String> = without
                .iter()
                .map(|(b, p)| format!("{} “{}”", b.letter(), p.text))
                .collect();
            let mut articles = vec![a];
            articles.extend(without.iter().map(|(b, _)| *b));
            let mut evidence = vec![(a, m.sentence)];
            evidence.extend(without.iter().map(|(b, p)| (*b, p.sentence)));
            out.push(Difference {
                topic: topic.id,
                kind: DifferenceKind::Naming,
                articles,
                summary: format!(
                    "Naming {}: {} writes “{}” (“{}” is {what}); {} without it.",
                    e.name,
                    a.letter(),
                    m.text,
                    c.text,
                    others.join(", ")
                ),
                evidence,
            });
        }
    }
    out
}

/// Whether the sentence of `m` also names its entity (a name or a short form of it).
fn names_in_sentence(e: &Entity, m: &EntityMention) -> bool {
    e.mentions.iter().any(|n| {
        n.article == m.article
            && n.sentence == m.sentence
            && matches!(n.form, MentionForm::Name | MentionForm::Short)
    })
}

/// Whether the mention is a whole noun phrase: the word after it, if any, is not a lower-case
/// word that would carry the phrase on ("the hostile reaction", "racist elements").
fn whole_phrase(articles: &[Article], m: &EntityMention) -> bool {
    let Some(text) = articles
        .get(m.article.index())
        .and_then(|a| a.sentences.get(m.sentence))
        .map(|s| s.text.as_str())
    else {
        return false;
    };
    let rest = text.get(m.end..).unwrap_or_default();
    let next = rest.trim_start();
    let spaced = next.len() < rest.len();
    !(spaced && next.chars().next().is_some_and(char::is_lowercase))
        || next.starts_with("of ")
        || next.starts_with("who ")
        || next.starts_with("from ")
        || next.starts_with("in ")
}

/// Whether the last word of a description is a noun WordNet knows only or mostly as a person
/// or a group ("senator", "hero", "rebels").
fn actor_head(description: &str) -> bool {
    let Some(head) = description.split_whitespace().last() else {
        return false;
    };
    let head = head
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let actor = crate::frame::entities::is_actor_noun;
    actor(&head) || head.strip_suffix('s').is_some_and(actor)
}

/// Adds the naming differences of every topic to `diffs` (the other differences of the
/// analysis, grouped by topic in `topics` order and ranked within each), keeping that order.
pub fn add(
    diffs: &mut Vec<Difference>,
    topics: &[Topic],
    entities: &[Entity],
    cues: &[Cue],
    articles: &[Article],
) {
    let cues = super::table::by_article(cues, |c| c.article);
    let cues = cues.as_ref();
    // a topic looks only at the actors it mentions (an actor no article names has no naming
    // to state: `differences` needs a name beside the description)
    let actors = crate::frame::entities::actors_by_topic(topics, entities);
    let before = diffs.len();
    // topics in parallel, their differences kept in topic order
    let found: Vec<Vec<Difference>> = topics
        .par_iter()
        .zip(actors.par_iter())
        .map(|(t, ids)| {
            let here: Vec<&Entity> = ids.iter().map(|&i| &entities[i]).collect();
            differences(t, &here, cues, articles)
        })
        .collect();
    diffs.extend(found.into_iter().flatten());
    if diffs.len() == before {
        return;
    }
    let position: std::collections::HashMap<usize, usize> =
        topics.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    // stable: the differences already there keep their order
    diffs.sort_by_key(|d| (position.get(&d.topic).copied(), d.kind.rank()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::TopicMember;
    use crate::frame::entities::EntityKind;

    const A0: &str = "Talks opened in Corva on Monday.";
    const A1: &str = "Marek Dovan, the firebrand senator, left the talks early.";
    const B0: &str = "Senator Marek Dovan left the talks early.";

    fn articles(a1: &str) -> Vec<Article> {
        vec![
            super::super::article(&[A0, a1]),
            super::super::article(&[B0]),
        ]
    }

    /// A mention of `text` in sentence `s` of `article` (`a` its number).
    fn mention(
        articles: &[Article],
        a: usize,
        s: usize,
        text: &str,
        form: MentionForm,
    ) -> EntityMention {
        let start = articles[a].sentences[s].text.find(text).unwrap();
        EntityMention {
            article: ArticleId(a),
            sentence: s,
            start,
            end: start + text.len(),
            text: text.into(),
            form,
        }
    }

    fn cue(articles: &[Article], a: usize, s: usize, text: &str, in_quote: bool) -> Cue {
        let start = articles[a].sentences[s].text.find(text).unwrap();
        Cue {
            article: ArticleId(a),
            sentence: s,
            text: text.into(),
            category: CueKind::Loaded,
            note: String::new(),
            entry: text.into(),
            start,
            end: start + text.len(),
            polarity: -1,
            verb_class: None,
            group: None,
            in_quote,
        }
    }

    fn topic() -> Topic {
        let member = |a: usize, sentences: Vec<usize>| TopicMember {
            article: ArticleId(a),
            sentences,
            share: 0.3,
            first_paragraph: 0,
            placement: crate::align::Placement::Body,
        };
        Topic {
            id: 7,
            label: "Talks".into(),
            terms: vec![],
            story: 0,
            members: vec![member(0, vec![0, 1]), member(1, vec![0])],
        }
    }

    fn dovan(arts: &[Article], description: &str) -> Entity {
        Entity {
            id: 0,
            name: "Marek Dovan".into(),
            kind: EntityKind::Person,
            mentions: vec![
                mention(arts, 0, 1, "Marek Dovan", MentionForm::Name),
                mention(arts, 0, 1, description, MentionForm::Description),
                mention(arts, 1, 0, "Marek Dovan", MentionForm::Name),
            ],
        }
    }

    #[test]
    fn a_loaded_description_differs_from_a_plain_naming() {
        let arts = articles(A1);
        let e = dovan(&arts, "the firebrand senator");
        let cues = vec![cue(&arts, 0, 1, "firebrand", false)];
        let d = differences(&topic(), &[&e], &cues, &arts);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].kind, DifferenceKind::Naming);
        assert_eq!(d[0].articles, vec![ArticleId(0), ArticleId(1)]);
        assert_eq!(d[0].evidence, vec![(ArticleId(0), 1), (ArticleId(1), 0)]);
        assert_eq!(
            d[0].summary,
            "Naming Marek Dovan: A writes “the firebrand senator” (“firebrand” is a loaded word); \
             B “Marek Dovan” without it."
        );
    }

    #[test]
    fn no_statement_unless_the_description_surely_names_the_actor() {
        // the loaded word is the speaker's
        let arts = articles(A1);
        let e = dovan(&arts, "the firebrand senator");
        let quoted = vec![cue(&arts, 0, 1, "firebrand", true)];
        assert!(differences(&topic(), &[&e], &quoted, &arts).is_empty());
        // not a whole phrase: "the firebrand senator's speech" carries on
        let arts = articles("Marek Dovan heard the firebrand senator speech twice.");
        let e = dovan(&arts, "the firebrand senator");
        let cues = vec![cue(&arts, 0, 1, "firebrand", false)];
        assert!(differences(&topic(), &[&e], &cues, &arts).is_empty());
        // not headed by a person or group noun
        let arts = articles("Marek Dovan, the firebrand speech over, left early.");
        let e = dovan(&arts, "the firebrand speech");
        let cues = vec![cue(&arts, 0, 1, "firebrand", false)];
        assert!(differences(&topic(), &[&e], &cues, &arts).is_empty());
        // the sentence does not name him: the link is not sure enough
        let arts = articles(A1);
        let mut e = dovan(&arts, "the firebrand senator");
        e.mentions.remove(0);
        let cues = vec![cue(&arts, 0, 1, "firebrand", false)];
        assert!(differences(&topic(), &[&e], &cues, &arts).is_empty());
        // every article takes sides: no contrast to state
        let arts = vec![
            super::super::article(&[A0, A1]),
            super::super::article(&["Marek Dovan, the firebrand senator, left."]),
        ];
        let mut e = dovan(&arts, "the firebrand senator");
        e.mentions.push(mention(
            &arts,
            1,
            0,
            "the firebrand senator",
            MentionForm::Description,
        ));
        let cues = vec![
            cue(&arts, 0, 1, "firebrand", false),
            cue(&arts, 1, 0, "firebrand", false),
        ];
        assert!(differences(&topic(), &[&e], &cues, &arts).is_empty());
    }
}
