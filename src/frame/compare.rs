//! Per-topic comparison: a table of how each article of the story treats a topic (voices,
//! verbs, hedges, loaded words, labels, tone, frames, share, placement) and the generated
//! statements of how they differ.

use super::{Cue, Difference, Quote, Tone, VerbClass, tone, verbs};
use crate::align::{Aligned, Placement, Topic};
use crate::model::{Article, ArticleId};
use crate::report::article_letter;
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

fn letters(ids: &[ArticleId]) -> String {
    let l: Vec<String> = ids.iter().map(|&i| article_letter(i)).collect();
    match l.len() {
        0 => String::new(),
        1 => l[0].clone(),
        _ => format!("{} and {}", l[..l.len() - 1].join(", "), l[l.len() - 1]),
    }
}

fn verb_s(ids: &[ArticleId], one: &str, many: &str) -> String {
    if ids.len() == 1 {
        one.into()
    } else {
        many.into()
    }
}

fn dedup(v: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    v.into_iter()
        .filter(|x| seen.insert(x.to_lowercase()))
        .collect()
}

/// Builds the table of a topic over the articles of its story.
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
            let cues_here: Vec<&Cue> = cues
                .iter()
                .filter(|c| in_topic(c.article, c.sentence))
                .collect();
            let of = |cat: &str| {
                dedup(
                    cues_here
                        .iter()
                        .filter(|c| c.category == cat)
                        .map(|c| c.text.to_lowercase()),
                )
            };
            let mut frames: BTreeMap<String, usize> = BTreeMap::new();
            for c in &cues_here {
                if let Some(d) = c.category.strip_prefix("frame:") {
                    *frames.entry(d.to_string()).or_default() += 1;
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
                            .filter(|c| c.category == "attribution")
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
                        })
                    })
                    .collect(),
                verbs,
                hedges: of("hedge"),
                boosters: dedup(of("booster").into_iter().chain(of("intensifier"))),
                loaded: of("loaded"),
                labels: {
                    let mut seen = BTreeSet::new();
                    cues_here
                        .iter()
                        .filter(|c| c.category == "label")
                        .map(|c| (c.text.clone(), c.group.clone().unwrap_or_default()))
                        .filter(|x| seen.insert(x.0.to_lowercase()))
                        .collect()
                },
                techniques: dedup(
                    cues_here
                        .iter()
                        .filter(|c| c.category.starts_with("technique:"))
                        .map(|c| c.text.to_lowercase()),
                ),
                frames,
                tone: tones
                    .iter()
                    .find(|t| t.article == a)
                    .and_then(|t| tone::mean_of(t, &sentences.iter().copied().collect::<Vec<_>>())),
                words: sentences
                    .iter()
                    .filter_map(|&s| articles.get(a)?.sentences.get(s))
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

fn short(text: &str, words: usize) -> String {
    let w: Vec<&str> = text.split_whitespace().collect();
    if w.len() <= words {
        text.to_string()
    } else {
        format!("{}…", w[..words].join(" "))
    }
}

fn last_name(speaker: &str) -> &str {
    speaker.split_whitespace().last().unwrap_or(speaker)
}

/// The differences between the articles on one topic.
pub fn differences(topic: &Topic, table: &TopicTable, articles: &[Article]) -> Vec<Difference> {
    let mut out = Vec::new();
    let label = &topic.label;
    let mut push = |kind: &str, ids: Vec<ArticleId>, summary: String| {
        out.push(Difference {
            topic: topic.id,
            kind: kind.to_string(),
            articles: ids,
            summary,
        });
    };
    let covering: Vec<&TopicRow> = table.rows.iter().filter(|r| r.covered).collect();
    let missing: Vec<ArticleId> = table
        .rows
        .iter()
        .filter(|r| !r.covered)
        .map(|r| r.article)
        .collect();
    let cov_ids: Vec<ArticleId> = covering.iter().map(|r| r.article).collect();
    if table.rows.len() < 2 {
        return out;
    }
    // omission
    if !missing.is_empty() {
        if cov_ids.len() == 1 {
            push(
                "omission",
                table.rows.iter().map(|r| r.article).collect(),
                format!(
                    "Only {} reports “{label}”; {} {} it out.",
                    letters(&cov_ids),
                    letters(&missing),
                    verb_s(&missing, "leaves", "leave")
                ),
            );
        } else {
            push(
                "omission",
                missing.clone(),
                format!(
                    "{} {} not mention “{label}”; {} {}.",
                    letters(&missing),
                    verb_s(&missing, "does", "do"),
                    letters(&cov_ids),
                    verb_s(&cov_ids, "does", "do")
                ),
            );
        }
    }
    // placement
    let leading: Vec<&&TopicRow> = covering
        .iter()
        .filter(|r| matches!(r.placement, Some(Placement::Headline | Placement::Lede)))
        .collect();
    let buried: Vec<&&TopicRow> = covering
        .iter()
        .filter(|r| r.placement == Some(Placement::Body) && r.first_paragraph.unwrap_or(0) >= 2)
        .collect();
    if let (Some(lead), Some(late)) = (
        leading.first(),
        buried.iter().max_by_key(|r| r.first_paragraph),
    ) {
        let how = if lead.placement == Some(Placement::Headline) {
            "leads with it (headline)"
        } else {
            "leads with it"
        };
        push(
            "placement",
            vec![lead.article, late.article],
            format!(
                "{} {how}; {} first mentions “{label}” in paragraph {}.",
                article_letter(lead.article),
                article_letter(late.article),
                late.first_paragraph.unwrap_or(0) + 1
            ),
        );
    }
    // voices: who is quoted by some covering articles and not by others
    let mut speakers: BTreeMap<String, Vec<(ArticleId, &Voice)>> = BTreeMap::new();
    for r in &covering {
        for v in &r.voices {
            let entry = speakers
                .entry(last_name(&v.speaker).to_lowercase())
                .or_default();
            if !entry.iter().any(|(a, _)| *a == r.article) {
                entry.push((r.article, v));
            }
        }
    }
    for quoted in speakers.values() {
        let by: Vec<ArticleId> = quoted.iter().map(|(a, _)| *a).collect();
        let not: Vec<ArticleId> = cov_ids
            .iter()
            .copied()
            .filter(|a| !by.contains(a))
            .collect();
        if not.is_empty() || by.is_empty() {
            continue;
        }
        let (first, voice) = quoted[0];
        let name = &voice.speaker;
        let verb = voice
            .verb
            .as_deref()
            .map(|v| format!(" ({v})"))
            .unwrap_or_default();
        let mentions: Vec<ArticleId> = not
            .iter()
            .copied()
            .filter(|&a| {
                let row = table.rows.iter().find(|r| r.article == a);
                let sentences = row
                    .map(|_| {
                        topic
                            .member(a)
                            .map(|m| m.sentences.clone())
                            .unwrap_or_default()
                    })
                    .unwrap_or_default();
                sentences
                    .iter()
                    .filter_map(|&s| articles.get(a)?.sentences.get(s))
                    .any(|s| s.text.contains(last_name(name)))
            })
            .collect();
        let silent: Vec<ArticleId> = not
            .iter()
            .copied()
            .filter(|a| !mentions.contains(a))
            .collect();
        let mut tail = Vec::new();
        if !mentions.is_empty() {
            tail.push(format!(
                "{} {} {} without quoting",
                letters(&mentions),
                verb_s(&mentions, "paraphrases", "paraphrase"),
                last_name(name)
            ));
        }
        if !silent.is_empty() {
            tail.push(format!(
                "{} {} not quote {}",
                letters(&silent),
                verb_s(&silent, "does", "do"),
                last_name(name)
            ));
        }
        let mut ids = by.clone();
        ids.extend(&not);
        push(
            "quote",
            ids,
            format!(
                "{} {} {name}{verb}: “{}”; {}.",
                letters(&by),
                verb_s(&by, "quotes", "quote"),
                short(&voice.text, 12),
                tail.join("; ")
            ),
        );
        let _ = first;
    }
    // verbs: the same speaker reported with verbs of different classes
    for quoted in speakers.values() {
        let classes: BTreeMap<VerbClass, Vec<(ArticleId, &str)>> =
            quoted.iter().fold(BTreeMap::new(), |mut m, (a, v)| {
                if let (Some(c), Some(verb)) = (v.verb_class, v.verb.as_deref()) {
                    m.entry(c).or_default().push((*a, verb));
                }
                m
            });
        if classes.len() >= 2 {
            let parts: Vec<String> = classes
                .iter()
                .map(|(c, list)| {
                    let ids: Vec<ArticleId> = list.iter().map(|x| x.0).collect();
                    format!(
                        "{} “{}” ({})",
                        letters(&ids),
                        list[0].1,
                        verbs::class_name(*c)
                    )
                })
                .collect();
            let ids = quoted.iter().map(|x| x.0).collect();
            push(
                "verb",
                ids,
                format!(
                    "{} is reported with different verbs: {}.",
                    quoted[0].1.speaker,
                    parts.join(", ")
                ),
            );
        }
    }
    // non-neutral reporting verbs some articles use and others do not
    let loaded_verbs: Vec<(ArticleId, Vec<&(String, VerbClass)>)> = covering
        .iter()
        .map(|r| {
            (
                r.article,
                r.verbs
                    .iter()
                    .filter(|v| v.1 != VerbClass::Neutral)
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let with: Vec<&(ArticleId, Vec<&(String, VerbClass)>)> =
        loaded_verbs.iter().filter(|(_, v)| !v.is_empty()).collect();
    let without: Vec<ArticleId> = loaded_verbs
        .iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(a, _)| *a)
        .collect();
    if !with.is_empty() && !without.is_empty() {
        let parts: Vec<String> = with
            .iter()
            .map(|(a, v)| {
                let words: Vec<String> = v
                    .iter()
                    .take(3)
                    .map(|(w, c)| format!("“{w}” ({})", verbs::class_name(*c)))
                    .collect();
                format!("{} writes {}", article_letter(*a), words.join(", "))
            })
            .collect();
        let mut ids: Vec<ArticleId> = with.iter().map(|x| x.0).collect();
        ids.extend(&without);
        push(
            "verb",
            ids,
            format!(
                "{}; {} {} only neutral reporting verbs.",
                parts.join("; "),
                letters(&without),
                verb_s(&without, "uses", "use")
            ),
        );
    }
    // labels: different wordings for the same contested thing
    let mut groups: BTreeMap<&str, Vec<(ArticleId, &str)>> = BTreeMap::new();
    for r in &covering {
        for (w, g) in &r.labels {
            groups
                .entry(g.as_str())
                .or_default()
                .push((r.article, w.as_str()));
        }
    }
    for (group, uses) in groups {
        let wordings: BTreeSet<&str> = uses.iter().map(|x| x.1).collect();
        let users: BTreeSet<ArticleId> = uses.iter().map(|x| x.0).collect();
        if wordings.len() >= 2
            || (users.len() < cov_ids.len() && !users.is_empty() && cov_ids.len() >= 2)
        {
            let mut parts: Vec<String> = Vec::new();
            for w in &wordings {
                let ids: Vec<ArticleId> = uses
                    .iter()
                    .filter(|x| x.1 == *w)
                    .map(|x| x.0)
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                parts.push(format!(
                    "{} {} “{w}”",
                    letters(&ids),
                    verb_s(&ids, "writes", "write")
                ));
            }
            let others: Vec<ArticleId> = cov_ids
                .iter()
                .copied()
                .filter(|a| !users.contains(a))
                .collect();
            let rest = if others.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} {} no such label",
                    letters(&others),
                    verb_s(&others, "uses", "use")
                )
            };
            push(
                "label",
                users.into_iter().collect(),
                format!(
                    "On {}: {}{rest}.",
                    group.replace('_', " "),
                    parts.join(", ")
                ),
            );
        }
    }
    // hedges
    let hedged: Vec<&&TopicRow> = covering.iter().filter(|r| r.hedges.len() >= 2).collect();
    let flat: Vec<ArticleId> = covering
        .iter()
        .filter(|r| r.hedges.is_empty())
        .map(|r| r.article)
        .collect();
    if let Some(h) = hedged.first()
        && !flat.is_empty()
    {
        push(
            "hedge",
            vec![h.article],
            format!(
                "{} hedges ({}); {} {} it without hedging.",
                article_letter(h.article),
                h.hedges.join(", "),
                letters(&flat),
                verb_s(&flat, "states", "state")
            ),
        );
    }
    // loaded words
    let with_loaded: Vec<&&TopicRow> = covering.iter().filter(|r| !r.loaded.is_empty()).collect();
    let plain: Vec<ArticleId> = covering
        .iter()
        .filter(|r| r.loaded.is_empty())
        .map(|r| r.article)
        .collect();
    if !with_loaded.is_empty() && !plain.is_empty() {
        let parts: Vec<String> = with_loaded
            .iter()
            .take(3)
            .map(|r| {
                format!(
                    "{} uses {}",
                    article_letter(r.article),
                    r.loaded
                        .iter()
                        .take(4)
                        .map(|w| format!("“{w}”"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect();
        push(
            "loaded",
            cov_ids.clone(),
            format!(
                "{}; {} {} no loaded words here.",
                parts.join("; "),
                letters(&plain),
                verb_s(&plain, "uses", "use")
            ),
        );
    }
    // tone
    let toned: Vec<(ArticleId, f32)> = covering
        .iter()
        .filter_map(|r| Some((r.article, r.tone?)))
        .collect();
    if let (Some(lo), Some(hi)) = (
        toned.iter().min_by(|a, b| a.1.total_cmp(&b.1)),
        toned.iter().max_by(|a, b| a.1.total_cmp(&b.1)),
    ) && hi.1 - lo.1 >= 0.5
    {
        let word = |t: f32| {
            if t <= -0.2 {
                "negative"
            } else if t >= 0.2 {
                "positive"
            } else {
                "neutral"
            }
        };
        push(
            "tone",
            vec![lo.0, hi.0],
            format!(
                "{}'s sentences on this are {} ({:+.2}); {}'s are {} ({:+.2}).",
                article_letter(lo.0),
                word(lo.1),
                lo.1,
                article_letter(hi.0),
                word(hi.1),
                hi.1
            ),
        );
    }
    // frames
    let main_frame: Vec<(ArticleId, &str)> = covering
        .iter()
        .filter_map(|r| Some((r.article, r.frames.first()?.0.as_str())))
        .collect();
    let distinct: BTreeSet<&str> = main_frame.iter().map(|x| x.1).collect();
    if distinct.len() >= 2 {
        let parts: Vec<String> = distinct
            .iter()
            .map(|d| {
                let ids: Vec<ArticleId> = main_frame
                    .iter()
                    .filter(|x| x.1 == *d)
                    .map(|x| x.0)
                    .collect();
                format!("{} mainly as {}", letters(&ids), d.replace('_', " "))
            })
            .collect();
        push(
            "frame",
            main_frame.iter().map(|x| x.0).collect(),
            format!("Frames differ: {}.", parts.join("; ")),
        );
    }
    out
}

/// Tables and differences of every topic.
pub fn compare(
    articles: &[Article],
    aligned: &Aligned,
    quotes: &[Quote],
    cues: &[Cue],
    tones: &[Tone],
) -> (Vec<TopicTable>, Vec<Difference>) {
    let mut tables = Vec::new();
    let mut diffs = Vec::new();
    for topic in &aligned.topics {
        let Some(story) = aligned.stories.iter().find(|s| s.id == topic.story) else {
            continue;
        };
        let t = table(topic, &story.articles, articles, quotes, cues, tones);
        diffs.extend(differences(topic, &t, articles));
        tables.push(t);
    }
    (tables, diffs)
}
