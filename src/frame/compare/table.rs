//! The comparison table of a topic: how each article of the story treats it (voices, verbs,
//! hedges, loaded words, labels, tone, frames, share, placement). Differences are written from
//! these rows (see `differences`).

use crate::align::{Placement, Topic};
use crate::frame::{Cue, CueKind, Quote, QuoteKind, Tone, VerbClass, tone};
use crate::model::{Article, ArticleId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Someone given voice by a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voice {
    pub speaker: String,
    /// How the article describes the speaker ("White House spokesman").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_role: Option<String>,
    pub verb: Option<String>,
    pub verb_class: Option<VerbClass>,
    pub text: String,
    /// Quoted (direct) or reported (indirect) speech.
    #[serde(default)]
    pub kind: QuoteKind,
}

/// One article's treatment of a topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicRow {
    pub article: ArticleId,
    pub covered: bool,
    pub share: f32,
    pub placement: Option<Placement>,
    pub first_paragraph: Option<usize>,
    pub voices: Vec<Voice>,
    /// Reporting verbs used in the topic's sentences, with their class.
    pub verbs: Vec<(String, VerbClass)>,
    pub hedges: Vec<String>,
    pub boosters: Vec<String>,
    pub loaded: Vec<String>,
    /// (wording, label group)
    pub labels: Vec<(String, String)>,
    pub techniques: Vec<String>,
    /// Frame dimension → number of cues, most first.
    pub frames: Vec<(String, usize)>,
    pub tone: Option<f32>,
    pub words: usize,
}

/// The comparison table of one topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicTable {
    pub topic: usize,
    pub rows: Vec<TopicRow>,
}

fn dedup(v: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    v.into_iter()
        .filter(|x| seen.insert(x.to_lowercase()))
        .collect()
}

/// `items` sorted by article (stably), for [`of_article`]: borrowed when they already are, as
/// framing makes them; a sorted copy otherwise.
pub(super) fn by_article<T: Clone>(
    items: &[T],
    article: impl Fn(&T) -> ArticleId,
) -> std::borrow::Cow<'_, [T]> {
    if items.is_sorted_by_key(&article) {
        return std::borrow::Cow::Borrowed(items);
    }
    let mut v = items.to_vec();
    v.sort_by_key(article);
    std::borrow::Cow::Owned(v)
}

/// The run of `items` that belongs to article `a`; `items` are sorted by article.
pub(super) fn of_article<T>(items: &[T], article: impl Fn(&T) -> ArticleId, a: ArticleId) -> &[T] {
    let start = items.partition_point(|x| article(x) < a);
    let end = start + items[start..].partition_point(|x| article(x) <= a);
    &items[start..end]
}

/// Builds the table of a topic over the articles of its story. `quotes` and `cues` are sorted
/// by article (as framing produces them), so each row looks only at its own article's.
pub fn table(
    topic: &Topic,
    story: &[ArticleId],
    articles: &[Article],
    quotes: &[Quote],
    cues: &[Cue],
    tones: &[Tone],
) -> TopicTable {
    let rows = story
        .iter()
        .map(|&a| {
            let member = topic.member(a);
            let sentences: BTreeSet<usize> = member
                .map(|m| m.sentences.iter().copied().collect())
                .unwrap_or_default();
            let in_topic = |art: ArticleId, s: usize| art == a && sentences.contains(&s);
            let quotes = of_article(quotes, |q| q.article, a);
            // the outlet's own wording: a word inside a quotation is the speaker's
            let cues_here: Vec<&Cue> = of_article(cues, |c| c.article, a)
                .iter()
                .filter(|c| in_topic(c.article, c.sentence) && !c.in_quote)
                .collect();
            let of = |kind: CueKind| {
                dedup(
                    cues_here
                        .iter()
                        .filter(|c| c.category == kind)
                        .map(|c| c.text.to_lowercase()),
                )
            };
            let mut frames: BTreeMap<String, usize> = BTreeMap::new();
            for c in &cues_here {
                if let CueKind::Frame(d) = c.category {
                    *frames.entry(d.as_str().to_string()).or_default() += 1;
                }
            }
            let mut frames: Vec<(String, usize)> = frames.into_iter().collect();
            frames.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            let verbs: Vec<(String, VerbClass)> = {
                let mut seen = BTreeSet::new();
                quotes
                    .iter()
                    .filter(|q| in_topic(q.article, q.sentence))
                    .filter_map(|q| Some((q.verb.clone()?.to_lowercase(), q.verb_class?)))
                    .chain(
                        cues_here
                            .iter()
                            .filter(|c| c.category == CueKind::Attribution)
                            .filter_map(|c| Some((c.text.to_lowercase(), c.verb_class?))),
                    )
                    .filter(|v| seen.insert(v.0.clone()))
                    .collect()
            };
            TopicRow {
                article: a,
                covered: member.is_some(),
                share: member.map_or(0.0, |m| m.share),
                placement: member.map(|m| m.placement),
                first_paragraph: member.map(|m| m.first_paragraph),
                voices: quotes
                    .iter()
                    .filter(|q| in_topic(q.article, q.sentence) && !q.scare)
                    .filter_map(|q| {
                        Some(Voice {
                            speaker: q.speaker.clone()?,
                            speaker_role: q.speaker_role.clone(),
                            verb: q.verb.clone(),
                            verb_class: q.verb_class,
                            text: q.text.clone(),
                            kind: q.kind,
                        })
                    })
                    .collect(),
                verbs,
                hedges: of(CueKind::Hedge),
                boosters: dedup(
                    of(CueKind::Booster)
                        .into_iter()
                        .chain(of(CueKind::Intensifier)),
                ),
                loaded: of(CueKind::Loaded),
                labels: {
                    let mut seen = BTreeSet::new();
                    cues_here
                        .iter()
                        .filter(|c| c.category == CueKind::Label)
                        .map(|c| (c.text.clone(), c.group.clone().unwrap_or_default()))
                        .filter(|x| seen.insert(x.0.to_lowercase()))
                        .collect()
                },
                techniques: dedup(
                    cues_here
                        .iter()
                        .filter(|c| matches!(c.category, CueKind::Technique(_)))
                        .map(|c| c.text.to_lowercase()),
                ),
                frames,
                tone: tones
                    .get(a.index())
                    .filter(|t| t.article == a)
                    .or_else(|| tones.iter().find(|t| t.article == a))
                    .and_then(|t| tone::mean_of(t, &sentences.iter().copied().collect::<Vec<_>>())),
                words: sentences
                    .iter()
                    .filter_map(|&s| articles.get(a.index())?.sentences.get(s))
                    .map(|s| s.text.split_whitespace().count())
                    .sum(),
            }
        })
        .collect();
    TopicTable {
        topic: topic.id,
        rows,
    }
}
