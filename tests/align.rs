//! Alignment on the illustrative samples: one story, topics that cluster the same events,
//! readable labels, omissions, paraphrase alignment, and deterministic output.

use framediff::align::{Aligned, align};
use framediff::model::Article;

fn samples() -> Vec<Article> {
    framediff::samples::load().expect("samples load")
}

fn topic_with<'a>(
    a: &'a Aligned,
    articles: &[Article],
    needle: &str,
) -> &'a framediff::align::Topic {
    a.topics
        .iter()
        .find(|t| {
            t.members.iter().any(|m| {
                m.sentences.iter().any(|&s| {
                    articles[m.article.index()].sentences[s]
                        .text
                        .contains(needle)
                })
            })
        })
        .unwrap_or_else(|| panic!("no topic holds {needle:?}"))
}

#[test]
fn samples_are_one_story() {
    let a = align(&samples(), &framediff::Config::builtin());
    assert_eq!(a.stories.len(), 1);
    assert_eq!(
        a.stories[0].articles,
        (0..4).map(framediff::ArticleId).collect::<Vec<_>>()
    );
}

#[test]
fn the_swiss_summit_is_one_topic_that_c_omits() {
    let articles = samples();
    let a = align(&articles, &framediff::Config::builtin());
    let t = topic_with(&a, &articles, "Switzerland next month");
    let covering: Vec<usize> = t.members.iter().map(|m| m.article.index()).collect();
    assert_eq!(
        covering,
        vec![0, 1, 3],
        "A, B and D report the summit; C leaves it out"
    );
    assert!(
        t.label.to_lowercase().contains("summit"),
        "label {:?}",
        t.label
    );
}

#[test]
fn the_warrant_is_omitted_by_the_moscow_friendly_outlet() {
    let articles = samples();
    let a = align(&articles, &framediff::Config::builtin());
    let t = topic_with(&a, &articles, "arrest warrant for Putin");
    assert!(
        t.member(framediff::ArticleId(1)).is_none(),
        "B (Volga Dispatch) omits the ICC warrant"
    );
    assert!(t.members.len() >= 3);
    assert!(
        t.label.contains("Criminal Court") || t.label.to_lowercase().contains("warrant"),
        "{}",
        t.label
    );
}

#[test]
fn single_article_topics_are_kept_as_omissions() {
    let articles = samples();
    let a = align(&articles, &framediff::Config::builtin());
    let solo: Vec<_> = a.topics.iter().filter(|t| t.members.len() == 1).collect();
    assert!(!solo.is_empty());
    // Peskov's remarks appear only in B
    let peskov = topic_with(&a, &articles, "Peskov said");
    assert_eq!(peskov.members.len(), 1);
    assert_eq!(peskov.members[0].article, framediff::ArticleId(1));
}

#[test]
fn paraphrases_align() {
    let articles = samples();
    let a = align(&articles, &framediff::Config::builtin());
    // C: "pull its troops out of four regions"; B: "withdraw its forces from the Donetsk, ..."
    let c = articles[2]
        .sentences
        .iter()
        .find(|s| s.text.contains("pull its troops out"))
        .unwrap()
        .index;
    let b = articles[1]
        .sentences
        .iter()
        .find(|s| s.text.contains("withdraw its forces"))
        .unwrap()
        .index;
    assert!(
        a.alignments
            .iter()
            .any(|al| al.a == (framediff::ArticleId(1), b) && al.b == (framediff::ArticleId(2), c)),
        "the withdrawal paraphrases must align"
    );
    for al in &a.alignments {
        assert!(al.a.0 < al.b.0, "lower article first");
        assert!(al.score > 0.0 && !al.shared.is_empty());
    }
}

#[test]
fn placement_and_share() {
    let articles = samples();
    let a = align(&articles, &framediff::Config::builtin());
    let kharkiv = topic_with(&a, &articles, "brutal new assault");
    let c = kharkiv.member(framediff::ArticleId(2)).unwrap();
    assert_ne!(
        c.placement,
        framediff::align::Placement::Body,
        "C leads with the offensive"
    );
    let wire = kharkiv.member(framediff::ArticleId(0)).unwrap();
    assert!(wire.first_paragraph >= 5, "A mentions it late");
    for t in &a.topics {
        for m in &t.members {
            assert!(m.share > 0.0 && m.share <= 0.45, "{} {}", t.label, m.share);
        }
    }
}

#[test]
fn output_is_deterministic() {
    let articles = samples();
    let first = align(&articles, &framediff::Config::builtin());
    for _ in 0..3 {
        assert_eq!(align(&articles, &framediff::Config::builtin()), first);
    }
}

#[test]
fn unrelated_articles_form_separate_stories() {
    let mut articles = samples();
    let other = Article::from_body(
        "harbour.txt",
        framediff::Format::Text,
        "Harbour strike ends".into(),
        "Dock workers in the harbour of Valdoria returned to work on Monday after a two-week strike over pay. The union said its members accepted a raise of seven percent and new rules on night shifts.",
    );
    articles.push(other);
    let a = align(&articles, &framediff::Config::builtin());
    assert_eq!(a.stories.len(), 2);
    assert!(
        a.alignments
            .iter()
            .all(|al| al.a.0 != framediff::ArticleId(4) && al.b.0 != framediff::ArticleId(4))
    );
}
