//! The user's editorial edits to an analysis: renamed, merged and split topics, sentence pairs
//! linked or unlinked by hand, and differences marked as wrong. Edits are the user's, saved in
//! the workspace, and applied in order to every fresh analysis by [`apply`], so they survive
//! re-analysis (adding, hiding or moving articles).
//!
//! Edits never name positions that re-analysis renumbers. A sentence is named by its article's
//! path (as in `Article.path`), its index and the start of its text ([`SentenceKey`]); a topic by
//! the sentences it held when the edit was made ([`TopicKey`]); a difference by its kind, its
//! topic and its articles ([`DifferenceKey`]).
//!
//! **Matching rule.** A sentence key resolves to the sentence of that article at that index when
//! its text still starts the same; else to the nearest sentence of the article that does. A
//! topic key matches the topic of the current analysis whose members have the highest Jaccard
//! overlap (shared sentences / all sentences) with the key's sentences, counted over the
//! articles the key names only (an article added later that joins the topic does not weaken
//! the match; sentences of articles no longer in the comparison are left out; a sentence whose
//! article is there but whose text is gone counts as not shared). The best topic must reach
//! [`TOPIC_MATCH`] (0.5); ties go to the earlier topic. An edit whose target cannot be found is
//! kept and reported as [`EditOutcome::Orphaned`], never dropped, so it applies again when its
//! target comes back (an article shown again).
//!
//! No I/O and no GUI: the window and the CLI call [`apply`] after each analysis.

use crate::align::{Aligned, Alignment, Placement, Topic, TopicMember};
use crate::analysis::{Analysis, PairDiff};
use crate::frame::DifferenceKind;
use crate::model::{ArticleId, Note, NoteTarget};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Lowest Jaccard overlap at which a topic of a new analysis is the topic an edit named.
pub const TOPIC_MATCH: f32 = 0.5;

/// How many characters of a sentence its key keeps to recognise it.
const TEXT_KEY: usize = 60;

/// The evidence a user-made alignment carries.
pub const USER_LINK: &str = "linked by the user";

/// A sentence named so that re-analysis cannot change what it points to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SentenceKey {
    /// The article's path or address (`Article.path`).
    pub article: String,
    /// The sentence's index in the article when the edit was made.
    pub sentence: usize,
    /// The first 60 characters of the sentence.
    pub text: String,
}

/// A topic named by its member sentences when the edit was made (see the matching rule in the
/// module documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicKey {
    pub sentences: Vec<SentenceKey>,
    /// The topic's label when the edit was made: shown in lists, never used to match.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

/// A difference named by its kind, its topic and its articles (by path).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DifferenceKey {
    pub kind: DifferenceKind,
    pub topic: TopicKey,
    pub articles: Vec<String>,
}

/// One editorial edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Gives a topic the user's label.
    RenameTopic { topic: TopicKey, label: String },
    /// Moves every sentence of `from` into `into` (topics of one story).
    MergeTopics { into: TopicKey, from: TopicKey },
    /// Moves these sentences out of the topic into a new topic of the same story.
    SplitTopic {
        topic: TopicKey,
        sentences: Vec<SentenceKey>,
    },
    /// Aligns two sentences of different articles.
    Link { a: SentenceKey, b: SentenceKey },
    /// Removes the alignment of two sentences.
    Unlink { a: SentenceKey, b: SentenceKey },
    /// Flags a difference as wrong; it is kept, flagged.
    MarkWrong {
        difference: DifferenceKey,
        reason: Option<String>,
    },
}

impl Edit {
    /// A short plain-words description of the edit, for lists.
    pub fn describe(&self) -> String {
        let name = |k: &TopicKey| {
            if !k.label.is_empty() {
                return format!("‘{}’", k.label);
            }
            k.sentences
                .first()
                .map(|s| format!("the topic of “{}…”", s.text))
                .unwrap_or_else(|| "an empty topic".into())
        };
        match self {
            Edit::RenameTopic { topic, label } => format!("Rename {} to ‘{label}’", name(topic)),
            Edit::MergeTopics { into, from } => {
                format!("Merge {} into {}", name(from), name(into))
            }
            Edit::SplitTopic { topic, sentences } => format!(
                "Move {} sentence(s) of {} to a new topic",
                sentences.len(),
                name(topic)
            ),
            Edit::Link { a, b } => format!("Link “{}…” with “{}…”", a.text, b.text),
            Edit::Unlink { a, b } => format!("Unlink “{}…” from “{}…”", a.text, b.text),
            Edit::MarkWrong { difference, reason } => {
                let why = reason
                    .as_deref()
                    .filter(|r| !r.trim().is_empty())
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default();
                format!("Mark a {} difference as wrong{why}", difference.kind)
            }
        }
    }

    /// The two sentences of a link or unlink.
    fn pair(&self) -> Option<(&SentenceKey, &SentenceKey)> {
        match self {
            Edit::Link { a, b } | Edit::Unlink { a, b } => Some((a, b)),
            _ => None,
        }
    }
}

/// The user's edits of a workspace, applied in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Edits {
    pub list: Vec<Edit>,
}

impl Edits {
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Adds an edit. A link or unlink of a pair that the list already links or unlinks replaces
    /// that edit (the newer decision wins; a link then an unlink leaves one unlink).
    pub fn push(&mut self, edit: Edit) {
        if let Some((a, b)) = edit.pair() {
            let same = |x: &SentenceKey, y: &SentenceKey| (x, y) == (a, b) || (x, y) == (b, a);
            self.list
                .retain(|e| !e.pair().is_some_and(|(x, y)| same(x, y)));
        }
        self.list.push(edit);
    }

    /// Removes the edit at `i` (nothing when out of range).
    pub fn remove(&mut self, i: usize) -> Option<Edit> {
        (i < self.list.len()).then(|| self.list.remove(i))
    }
}

/// What an applied edit now shows on, in the edited analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Topic(usize),
    Alignment(usize),
    Difference(usize),
    /// Nothing left to show it on (an unlinked pair).
    Nothing,
}

/// What became of one edit.
#[derive(Debug, Clone, PartialEq)]
pub enum EditOutcome {
    /// Applied; `what` says what it did in plain words ("renamed from ‘…’").
    Applied { what: String, target: Target },
    /// Its target is not in this analysis; kept, and applied again when it comes back.
    Orphaned { edit: Edit, reason: String },
}

impl EditOutcome {
    pub fn is_applied(&self) -> bool {
        matches!(self, EditOutcome::Applied { .. })
    }
}

fn text_key(text: &str) -> String {
    text.chars().take(TEXT_KEY).collect()
}

impl SentenceKey {
    /// The key of sentence `s` of article `article` of `a`.
    pub fn of(a: &Analysis, (article, s): (ArticleId, usize)) -> Option<SentenceKey> {
        let art = a.articles.get(article.index())?;
        let sentence = art.sentences.get(s)?;
        Some(SentenceKey {
            article: art.path.clone(),
            sentence: s,
            text: text_key(&sentence.text),
        })
    }
}

impl TopicKey {
    /// The key of topic `t` of `a` (its member sentences).
    pub fn of(a: &Analysis, t: usize) -> Option<TopicKey> {
        let topic = a.topics.get(t)?;
        let mut sentences: Vec<SentenceKey> = topic
            .members
            .iter()
            .flat_map(|m| m.sentences.iter().map(move |&s| (m.article, s)))
            .filter_map(|r| SentenceKey::of(a, r))
            .collect();
        sentences.sort();
        Some(TopicKey {
            sentences,
            label: topic.label.clone(),
        })
    }
}

impl DifferenceKey {
    /// The key of difference `k` of `a`.
    pub fn of(a: &Analysis, k: usize) -> Option<DifferenceKey> {
        let d = a.differences.get(k)?;
        let mut articles: Vec<String> = d
            .articles
            .iter()
            .filter_map(|i| a.articles.get(i.index()).map(|x| x.path.clone()))
            .collect();
        articles.sort();
        Some(DifferenceKey {
            kind: d.kind,
            topic: TopicKey::of(a, d.topic)?,
            articles,
        })
    }
}

/// Where a sentence key points in an analysis.
enum Resolved {
    Found(ArticleId, usize),
    /// Its article is not in the comparison.
    NoArticle,
    /// Its article is there, the sentence is not.
    Gone,
}

fn resolve(a: &Analysis, k: &SentenceKey) -> Resolved {
    let mut any_article = false;
    for (i, art) in a.articles.iter().enumerate() {
        if art.path != k.article {
            continue;
        }
        any_article = true;
        if art
            .sentences
            .get(k.sentence)
            .is_some_and(|s| text_key(&s.text) == k.text)
        {
            return Resolved::Found(ArticleId(i), k.sentence);
        }
        let nearest = art
            .sentences
            .iter()
            .filter(|s| text_key(&s.text) == k.text)
            .min_by_key(|s| s.index.abs_diff(k.sentence));
        if let Some(s) = nearest {
            return Resolved::Found(ArticleId(i), s.index);
        }
    }
    if any_article {
        Resolved::Gone
    } else {
        Resolved::NoArticle
    }
}

fn resolve_sentence(a: &Analysis, k: &SentenceKey) -> Result<(ArticleId, usize), String> {
    match resolve(a, k) {
        Resolved::Found(i, s) => Ok((i, s)),
        Resolved::NoArticle => Err(format!("{} is not in the comparison", k.article)),
        Resolved::Gone => Err(format!(
            "the sentence “{}…” is no longer in {}",
            k.text, k.article
        )),
    }
}

/// The topic a key names (see the matching rule in the module documentation).
fn find_topic(a: &Analysis, key: &TopicKey) -> Result<usize, String> {
    let mut wanted: HashSet<(ArticleId, usize)> = HashSet::new();
    let mut articles: HashSet<ArticleId> = HashSet::new();
    let mut gone = 0usize;
    for k in &key.sentences {
        match resolve(a, k) {
            Resolved::Found(i, s) => {
                wanted.insert((i, s));
                articles.insert(i);
            }
            Resolved::Gone => gone += 1,
            Resolved::NoArticle => {}
        }
    }
    if wanted.is_empty() {
        return Err("none of the topic's sentences are in the comparison".into());
    }
    let mut best: Option<(usize, f32)> = None;
    for (t, topic) in a.topics.iter().enumerate() {
        let members: HashSet<(ArticleId, usize)> = topic
            .members
            .iter()
            .filter(|m| articles.contains(&m.article))
            .flat_map(|m| m.sentences.iter().map(move |&s| (m.article, s)))
            .collect();
        let shared = members.intersection(&wanted).count();
        if shared == 0 {
            continue;
        }
        let union = members.len() + wanted.len() + gone - shared;
        let j = shared as f32 / union as f32;
        if best.is_none_or(|(_, b)| j > b) {
            best = Some((t, j));
        }
    }
    match best {
        Some((t, j)) if j >= TOPIC_MATCH => Ok(t),
        Some((_, j)) => Err(format!(
            "no topic is close enough to the one edited (best overlap {j:.2}, needs {TOPIC_MATCH})"
        )),
        None => Err("no topic holds the edited topic's sentences any more".into()),
    }
}

/// Rebuilds an article's member of a topic from its sentences (share, first paragraph,
/// placement kept as good as the best of `placements`).
fn member(
    a: &Analysis,
    article: ArticleId,
    mut sentences: Vec<usize>,
    placements: &[Placement],
) -> Option<TopicMember> {
    sentences.sort_unstable();
    sentences.dedup();
    let art = a.articles.get(article.index())?;
    let first = *sentences.first()?;
    let words: usize = sentences
        .iter()
        .filter_map(|&s| art.sentences.get(s))
        .map(|s| s.text.split_whitespace().count())
        .sum();
    let total = art.word_count().max(1);
    let first_paragraph = art.sentences.get(first).map_or(0, |s| s.paragraph);
    let rank = |p: &Placement| match p {
        Placement::Headline => 0,
        Placement::Lede => 1,
        Placement::Body => 2,
    };
    let from_position = if first_paragraph == 0 || first <= 1 {
        Placement::Lede
    } else {
        Placement::Body
    };
    let placement = placements
        .iter()
        .copied()
        .chain([from_position])
        .min_by_key(rank)
        .unwrap_or(from_position);
    Some(TopicMember {
        article,
        sentences,
        share: ((words as f32 / total as f32) * 1000.0).round() / 1000.0,
        first_paragraph,
        placement,
    })
}

/// Topics with a serial number each, so that outcomes can name a topic across renumbering.
struct Work {
    serials: Vec<usize>,
    next: usize,
    changed: bool,
}

fn rename(
    a: &mut Analysis,
    w: &mut Work,
    topic: &TopicKey,
    label: &str,
) -> Result<EditOutcome, String> {
    let label = label.trim();
    if label.is_empty() {
        return Err("the new label is empty".into());
    }
    let t = find_topic(a, topic)?;
    let old = std::mem::replace(&mut a.topics[t].label, label.to_string());
    w.changed = true;
    Ok(EditOutcome::Applied {
        what: format!("renamed from ‘{old}’"),
        target: Target::Topic(w.serials[t]),
    })
}

fn merge(
    a: &mut Analysis,
    w: &mut Work,
    into: &TopicKey,
    from: &TopicKey,
) -> Result<EditOutcome, String> {
    let ti = find_topic(a, into)?;
    let tf = find_topic(a, from)?;
    if ti == tf {
        return Err("the two topics are one topic in this analysis".into());
    }
    if a.topics[ti].story != a.topics[tf].story {
        return Err("the two topics are in different stories now".into());
    }
    let gone = a.topics.remove(tf);
    w.serials.remove(tf);
    let ti = if tf < ti { ti - 1 } else { ti };
    let mut by_article: BTreeMap<ArticleId, (Vec<usize>, Vec<Placement>)> = BTreeMap::new();
    for m in a.topics[ti].members.iter().chain(&gone.members) {
        let e = by_article.entry(m.article).or_default();
        e.0.extend(&m.sentences);
        e.1.push(m.placement);
    }
    let members = by_article
        .into_iter()
        .filter_map(|(art, (s, p))| member(a, art, s, &p))
        .collect();
    let topic = &mut a.topics[ti];
    topic.members = members;
    for term in gone.terms {
        if !topic.terms.contains(&term) {
            topic.terms.push(term);
        }
    }
    w.changed = true;
    Ok(EditOutcome::Applied {
        what: format!("merged ‘{}’ into this topic", gone.label),
        target: Target::Topic(w.serials[ti]),
    })
}

fn split(
    a: &mut Analysis,
    w: &mut Work,
    topic: &TopicKey,
    sentences: &[SentenceKey],
) -> Result<EditOutcome, String> {
    let t = find_topic(a, topic)?;
    let story = a.topics[t].story;
    let in_story: BTreeSet<ArticleId> = a
        .stories
        .iter()
        .find(|s| s.id == story)
        .map(|s| s.articles.iter().copied().collect())
        .unwrap_or_default();
    let moving: BTreeSet<(ArticleId, usize)> = sentences
        .iter()
        .filter_map(|k| resolve_sentence(a, k).ok())
        .filter(|r| in_story.contains(&r.0))
        .collect();
    if moving.is_empty() {
        return Err("none of the sentences to move are in the comparison".into());
    }
    let label = format!("{} (split)", a.topics[t].label);
    let old_label = a.topics[t].label.clone();
    // take the sentences out of whichever topic of the story holds them now
    for x in 0..a.topics.len() {
        if a.topics[x].story != story {
            continue;
        }
        let old = std::mem::take(&mut a.topics[x].members);
        let kept = old
            .into_iter()
            .filter_map(|m| {
                let rest: Vec<usize> = m
                    .sentences
                    .iter()
                    .copied()
                    .filter(|&s| !moving.contains(&(m.article, s)))
                    .collect();
                if rest.len() == m.sentences.len() {
                    Some(m)
                } else {
                    member(a, m.article, rest, &[m.placement])
                }
            })
            .collect();
        a.topics[x].members = kept;
    }
    let mut by_article: BTreeMap<ArticleId, Vec<usize>> = BTreeMap::new();
    for &(art, s) in &moving {
        by_article.entry(art).or_default().push(s);
    }
    let members = by_article
        .into_iter()
        .filter_map(|(art, s)| member(a, art, s, &[]))
        .collect();
    a.topics.push(Topic {
        id: 0,
        label,
        terms: Vec::new(),
        story,
        members,
    });
    let serial = w.next;
    w.next += 1;
    w.serials.push(serial);
    // a topic left without sentences is gone
    let mut k = 0;
    while k < a.topics.len() {
        if a.topics[k].members.is_empty() {
            a.topics.remove(k);
            w.serials.remove(k);
        } else {
            k += 1;
        }
    }
    w.changed = true;
    Ok(EditOutcome::Applied {
        what: format!("split from ‘{old_label}’"),
        target: Target::Topic(serial),
    })
}

/// Puts topics back in reading order (stories in turn, then how early they come in their
/// articles) with dense ids; returns the new id of each serial.
fn renumber(a: &mut Analysis, w: &Work) -> BTreeMap<usize, usize> {
    let order = |t: &Topic| {
        t.members
            .iter()
            .filter_map(|m| {
                let n = a.articles.get(m.article.index())?.sentences.len().max(1);
                Some(*m.sentences.first()? as f32 / n as f32)
            })
            .fold(f32::MAX, f32::min)
    };
    let mut keyed: Vec<(f32, usize, Topic)> = std::mem::take(&mut a.topics)
        .into_iter()
        .zip(&w.serials)
        .map(|(t, &s)| (order(&t), s, t))
        .collect();
    keyed.sort_by(|x, y| {
        let first = |t: &Topic| t.members.first().map(|m| (m.article, m.sentences.clone()));
        x.2.story
            .cmp(&y.2.story)
            .then(x.0.total_cmp(&y.0))
            .then(first(&x.2).cmp(&first(&y.2)))
    });
    let mut ids = BTreeMap::new();
    for (id, (_, serial, mut t)) in keyed.into_iter().enumerate() {
        t.id = id;
        ids.insert(serial, id);
        a.topics.push(t);
    }
    ids
}

fn same_pair(al: &Alignment, x: (ArticleId, usize), y: (ArticleId, usize)) -> bool {
    (al.a, al.b) == (x, y) || (al.a, al.b) == (y, x)
}

fn link(a: &mut Analysis, ka: &SentenceKey, kb: &SentenceKey) -> Result<String, String> {
    let x = resolve_sentence(a, ka)?;
    let y = resolve_sentence(a, kb)?;
    if x.0 == y.0 {
        return Err("both sentences are in one article".into());
    }
    let (x, y) = if x <= y { (x, y) } else { (y, x) };
    if let Some(al) = a.alignments.iter_mut().find(|al| same_pair(al, x, y)) {
        al.score = 1.0;
        if !al.shared.iter().any(|s| s == USER_LINK) {
            al.shared.insert(0, USER_LINK.into());
        }
        return Ok("confirmed this alignment".into());
    }
    let text = |r: (ArticleId, usize)| {
        a.articles
            .get(r.0.index())
            .and_then(|art| art.sentences.get(r.1))
            .map(|s| s.text.as_str())
            .unwrap_or_default()
    };
    let ops = crate::frame::diff::word_diff(text(x), text(y));
    let embeddings = crate::text::embed::StaticEmbeddings::builtin();
    let semantic =
        crate::text::embed::cosine(&embeddings.embed(text(x)), &embeddings.embed(text(y)));
    a.alignments.push(Alignment {
        a: x,
        b: y,
        score: 1.0,
        semantic: (semantic * 1000.0).round() / 1000.0,
        support: 0,
        shared: vec![USER_LINK.into()],
    });
    a.diffs.push(PairDiff { a: x, b: y, ops });
    Ok("linked these sentences".into())
}

fn unlink(a: &mut Analysis, ka: &SentenceKey, kb: &SentenceKey) -> Result<String, String> {
    let x = resolve_sentence(a, ka)?;
    let y = resolve_sentence(a, kb)?;
    let k = a
        .alignments
        .iter()
        .position(|al| same_pair(al, x, y))
        .ok_or("these sentences are not aligned in this analysis")?;
    let in_step = a.diffs.len() == a.alignments.len();
    a.alignments.remove(k);
    if in_step {
        a.diffs.remove(k);
    } else if let Some(d) = a
        .diffs
        .iter()
        .position(|d| (d.a, d.b) == (x, y) || (d.a, d.b) == (y, x))
    {
        a.diffs.remove(d);
    }
    Ok("unlinked these sentences".into())
}

fn mark_wrong(a: &Analysis, key: &DifferenceKey) -> Result<usize, String> {
    let t = find_topic(a, &key.topic)?;
    let wanted: BTreeSet<&str> = key.articles.iter().map(String::as_str).collect();
    a.differences
        .iter()
        .position(|d| {
            d.topic == t
                && d.kind == key.kind
                && d.articles
                    .iter()
                    .filter_map(|i| a.articles.get(i.index()).map(|x| x.path.as_str()))
                    .collect::<BTreeSet<&str>>()
                    == wanted
        })
        .ok_or_else(|| format!("the topic no longer has this {} difference", key.kind))
}

/// Applies the user's edits, in order, to a fresh analysis: topic renames, merges and splits
/// first (topics then renumbered in reading order, their tables and differences written
/// again so that summaries use the user's labels), then links and unlinks, then differences
/// marked wrong. Returns one outcome per edit, in the order of `edits`. Never panics; an edit
/// whose target is gone is [`EditOutcome::Orphaned`].
pub fn apply(analysis: &mut Analysis, edits: &Edits) -> Vec<EditOutcome> {
    let n = analysis.topics.len();
    let mut w = Work {
        serials: (0..n).collect(),
        next: n,
        changed: false,
    };
    let mut out: Vec<Option<EditOutcome>> = vec![None; edits.list.len()];
    let orphan = |edit: &Edit, reason: String| EditOutcome::Orphaned {
        edit: edit.clone(),
        reason,
    };
    for (i, edit) in edits.list.iter().enumerate() {
        let r = match edit {
            Edit::RenameTopic { topic, label } => rename(analysis, &mut w, topic, label),
            Edit::MergeTopics { into, from } => merge(analysis, &mut w, into, from),
            Edit::SplitTopic { topic, sentences } => split(analysis, &mut w, topic, sentences),
            _ => continue,
        };
        out[i] = Some(r.unwrap_or_else(|reason| orphan(edit, reason)));
    }
    if w.changed {
        let ids = renumber(analysis, &w);
        for o in out.iter_mut().flatten() {
            if let EditOutcome::Applied {
                target: Target::Topic(t),
                ..
            } = o
            {
                match ids.get(t) {
                    Some(&id) => *t = id,
                    None => {
                        // merged away or emptied by a later edit
                        if let EditOutcome::Applied { target, .. } = o {
                            *target = Target::Nothing;
                        }
                    }
                }
            }
        }
        let mut aligned = Aligned {
            stories: std::mem::take(&mut analysis.stories),
            topics: std::mem::take(&mut analysis.topics),
            // read for the sentences an article puts under another topic than the one they
            // are aligned to
            alignments: std::mem::take(&mut analysis.alignments),
        };
        let (tables, differences) = crate::frame::compare::compare(
            &analysis.articles,
            &aligned,
            &analysis.quotes,
            &analysis.cues,
            &analysis.tones,
            &crate::frame::compare::omission::Signals::new(&analysis.articles),
        );
        analysis.stories = std::mem::take(&mut aligned.stories);
        analysis.topics = std::mem::take(&mut aligned.topics);
        analysis.alignments = std::mem::take(&mut aligned.alignments);
        analysis.tables = tables;
        analysis.differences = differences;
    }
    // (edit, sentence, sentence) of each link applied
    type Ref = (ArticleId, usize);
    let mut links: Vec<(usize, Ref, Ref)> = Vec::new();
    for (i, edit) in edits.list.iter().enumerate() {
        let r = match edit {
            Edit::Link { a, b } => link(analysis, a, b).map(|what| {
                if let (Ok(x), Ok(y)) =
                    (resolve_sentence(analysis, a), resolve_sentence(analysis, b))
                {
                    links.push((i, x, y));
                }
                EditOutcome::Applied {
                    what,
                    target: Target::Nothing,
                }
            }),
            Edit::Unlink { a, b } => unlink(analysis, a, b).map(|what| EditOutcome::Applied {
                what,
                target: Target::Nothing,
            }),
            _ => continue,
        };
        out[i] = Some(r.unwrap_or_else(|reason| orphan(edit, reason)));
    }
    // a link points at its alignment's final position (a later unlink may have removed it)
    for (i, x, y) in links {
        if let Some(k) = analysis
            .alignments
            .iter()
            .position(|al| same_pair(al, x, y))
            && let Some(EditOutcome::Applied { target, .. }) = &mut out[i]
        {
            *target = Target::Alignment(k);
        }
    }
    for (i, edit) in edits.list.iter().enumerate() {
        if let Edit::MarkWrong { difference, reason } = edit {
            let reason = reason.as_deref().map(str::trim).unwrap_or_default();
            out[i] = Some(match mark_wrong(analysis, difference) {
                Ok(k) => EditOutcome::Applied {
                    what: if reason.is_empty() {
                        "marked as wrong".into()
                    } else {
                        format!("marked as wrong: {reason}")
                    },
                    target: Target::Difference(k),
                },
                Err(reason) => orphan(edit, reason),
            });
        }
    }
    out.into_iter()
        .map(|o| {
            o.unwrap_or(EditOutcome::Applied {
                what: String::new(),
                target: Target::Nothing,
            })
        })
        .collect()
}

/// The marks edits leave on an edited analysis, for drawing: per topic, per difference and per
/// alignment, what the user did there.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    pub topics: BTreeMap<usize, Vec<String>>,
    pub differences: BTreeMap<usize, String>,
    pub alignments: BTreeSet<usize>,
}

impl Marks {
    pub fn new(outcomes: &[EditOutcome]) -> Marks {
        let mut m = Marks::default();
        for o in outcomes {
            if let EditOutcome::Applied { what, target } = o {
                match *target {
                    Target::Topic(t) => m.topics.entry(t).or_default().push(what.clone()),
                    Target::Difference(k) => {
                        m.differences.insert(k, what.clone());
                    }
                    Target::Alignment(k) => {
                        m.alignments.insert(k);
                    }
                    Target::Nothing => {}
                }
            }
        }
        m
    }
}

/// The edits as notes for exports, so that every export shows what the user changed, as the
/// user's: topic edits on the topic, differences marked wrong on their topic, links on their
/// first sentence, and orphaned edits on nothing in particular (a topic note named "edits").
pub fn as_notes(a: &Analysis, outcomes: &[EditOutcome], edits: &Edits) -> Vec<Note> {
    as_notes_with(a, outcomes, edits, &[])
}

/// [`as_notes`] with a difference's sentence naming the articles by the letters of `keys` (the
/// window's stable keys, see [`crate::report::letters::relabel`]), as the window shows it.
pub fn as_notes_with(
    a: &Analysis,
    outcomes: &[EditOutcome],
    edits: &Edits,
    keys: &[usize],
) -> Vec<Note> {
    let mut notes = Vec::new();
    for (edit, o) in edits.list.iter().zip(outcomes) {
        let (target, text) = match o {
            EditOutcome::Applied {
                what,
                target: Target::Topic(t),
            } => match a.topics.get(*t) {
                Some(topic) => (
                    NoteTarget::Topic {
                        label: topic.label.clone(),
                    },
                    format!("Your edit: {what}."),
                ),
                None => continue,
            },
            EditOutcome::Applied {
                what,
                target: Target::Difference(k),
            } => match a.differences.get(*k).and_then(|d| a.topics.get(d.topic)) {
                Some(topic) => (
                    NoteTarget::Topic {
                        label: topic.label.clone(),
                    },
                    format!(
                        "Your edit: the difference “{}” is {what}.",
                        crate::report::letters::relabel(&a.differences[*k].summary, keys)
                    ),
                ),
                None => continue,
            },
            EditOutcome::Applied { what, .. } => match edit.pair() {
                Some((x, y)) => (
                    NoteTarget::Sentence {
                        article: x.article.clone(),
                        sentence: x.sentence,
                    },
                    format!("Your edit: {what} (with “{}…”).", y.text),
                ),
                None => continue,
            },
            EditOutcome::Orphaned { reason, .. } => (
                NoteTarget::Topic {
                    label: "edits".into(),
                },
                format!(
                    "Your edit “{}” does not apply to this analysis: {reason}.",
                    edit.describe()
                ),
            ),
        };
        notes.push(Note { target, text });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Format};

    fn art(path: &str, title: &str, body: &str) -> Article {
        Article::from_body(path, Format::Text, title.into(), body)
    }

    /// Two articles on one story with two clear topics (a flood and a school budget).
    fn two() -> Vec<Article> {
        vec![
            art(
                "a.txt",
                "River floods the valley town",
                "The river burst its banks on Monday and flooded the valley town. \
                 Hundreds of homes in the valley town were flooded by the river water.\n\n\
                 Rescue teams evacuated families from the flooded homes by boat. \
                 The mayor said the rescue teams worked through the night.\n\n\
                 The town council approved the school budget on Tuesday. \
                 Teachers welcomed the new school budget for books and buildings.",
            ),
            art(
                "b.txt",
                "Floods force evacuations in valley",
                "Flood water from the river covered the valley town on Monday. \
                 The river burst its banks and flooded hundreds of homes in the town.\n\n\
                 Rescue teams used boats to evacuate families from flooded homes. \
                 Rescue teams worked through the night, the mayor said.\n\n\
                 The council passed the school budget on Tuesday. \
                 The school budget pays for new books and buildings, teachers said.",
            ),
        ]
    }

    fn third() -> Article {
        art(
            "c.txt",
            "Chess club wins regional final",
            "The chess club won the regional final on Saturday after a long match. \
             Its youngest player, aged nine, won the deciding game with a rook ending.\n\n\
             The club will play the national final in the spring.",
        )
    }

    fn analysed(articles: Vec<Article>) -> Analysis {
        crate::analyze(articles, &crate::Config::builtin())
    }

    fn topic_of(a: &Analysis, path: &str, sentence: usize) -> Option<usize> {
        let i = a.articles.iter().position(|x| x.path == path)?;
        a.topics.iter().position(|t| {
            t.member(ArticleId(i))
                .is_some_and(|m| m.sentences.contains(&sentence))
        })
    }

    #[test]
    fn the_fixture_has_two_topics_at_least() {
        let a = analysed(two());
        assert!(a.topics.len() >= 2, "{:#?}", a.topics);
        assert_eq!(a.stories.len(), 1);
    }

    #[test]
    fn a_rename_survives_re_analysis_with_a_third_article() {
        let a = analysed(two());
        let t = topic_of(&a, "a.txt", 0).expect("the flood sentence has a topic");
        let old = a.topics[t].label.clone();
        let mut edits = Edits::default();
        edits.push(Edit::RenameTopic {
            topic: TopicKey::of(&a, t).unwrap(),
            label: "The flood".into(),
        });
        assert_eq!(
            edits.list[0].describe(),
            format!("Rename ‘{old}’ to ‘The flood’")
        );
        let mut arts = two();
        arts.push(third());
        let mut b = analysed(arts);
        let out = apply(&mut b, &edits);
        let t2 = topic_of(&b, "a.txt", 0).unwrap();
        assert_eq!(b.topics[t2].label, "The flood");
        assert_eq!(
            out,
            vec![EditOutcome::Applied {
                what: format!("renamed from ‘{old}’"),
                target: Target::Topic(t2)
            }]
        );
        // summaries are written again with the user's label
        for d in b.differences.iter().filter(|d| d.topic == t2) {
            assert!(!d.summary.contains(&format!("“{old}”")), "{}", d.summary);
        }
        // an empty label is refused, as an orphan with a reason
        let mut bad = Edits::default();
        bad.push(Edit::RenameTopic {
            topic: TopicKey::of(&a, t).unwrap(),
            label: "  ".into(),
        });
        assert!(
            matches!(&apply(&mut b, &bad)[0], EditOutcome::Orphaned { reason, .. } if reason.contains("empty"))
        );
    }

    #[test]
    fn a_merge_survives_re_analysis() {
        let a = analysed(two());
        let flood = topic_of(&a, "a.txt", 0).unwrap();
        let budget = topic_of(&a, "a.txt", 4).unwrap();
        assert_ne!(flood, budget);
        let mut edits = Edits::default();
        edits.push(Edit::MergeTopics {
            into: TopicKey::of(&a, flood).unwrap(),
            from: TopicKey::of(&a, budget).unwrap(),
        });
        let mut arts = two();
        arts.insert(0, third());
        let mut b = analysed(arts);
        let n = b.topics.len();
        let out = apply(&mut b, &edits);
        assert!(out[0].is_applied(), "{out:?}");
        assert_eq!(b.topics.len(), n - 1);
        let t = topic_of(&b, "a.txt", 0).unwrap();
        assert_eq!(topic_of(&b, "a.txt", 4), Some(t));
        assert_eq!(topic_of(&b, "b.txt", 4), Some(t));
        // ids dense, in reading order; tables and differences follow the new ids
        for (i, topic) in b.topics.iter().enumerate() {
            assert_eq!(topic.id, i);
            for m in &topic.members {
                assert!(m.sentences.is_sorted());
                assert!(m.share > 0.0 && m.share <= 1.0);
            }
        }
        assert_eq!(b.tables.len(), b.topics.len());
        assert!(b.differences.iter().all(|d| d.topic < b.topics.len()));
        // merging a topic into itself (after another merge made them one) is an orphan
        let mut twice = edits.clone();
        twice.push(edits.list[0].clone());
        let out = apply(&mut analysed(two()), &twice);
        assert!(matches!(out[1], EditOutcome::Orphaned { .. }), "{out:?}");
    }

    #[test]
    fn a_split_moves_sentences_to_a_new_topic() {
        let a = analysed(two());
        let t = topic_of(&a, "a.txt", 0).unwrap();
        let member = a.topics[t].member(ArticleId(0)).unwrap();
        assert!(member.sentences.len() >= 2, "{:?}", a.topics[t]);
        let moved = *member.sentences.last().unwrap();
        let mut edits = Edits::default();
        edits.push(Edit::SplitTopic {
            topic: TopicKey::of(&a, t).unwrap(),
            sentences: vec![SentenceKey::of(&a, (ArticleId(0), moved)).unwrap()],
        });
        let mut b = a.clone();
        let out = apply(&mut b, &edits);
        assert_eq!(b.topics.len(), a.topics.len() + 1);
        let new = topic_of(&b, "a.txt", moved).unwrap();
        assert_ne!(Some(new), topic_of(&b, "a.txt", member.sentences[0]));
        assert!(b.topics[new].label.ends_with("(split)"));
        assert_eq!(b.topics[new].members.len(), 1);
        assert!(
            matches!(&out[0], EditOutcome::Applied { target: Target::Topic(x), .. } if *x == new)
        );
    }

    #[test]
    fn links_and_unlinks_change_alignments_and_their_diffs() {
        let a = analysed(two());
        assert_eq!(a.diffs.len(), a.alignments.len());
        let existing = a.alignments[0].clone();
        // the budget sentence of A with the flood sentence of B: not aligned by the analysis
        let x = (ArticleId(0), 5);
        let y = (ArticleId(1), 0);
        assert!(!a.alignments.iter().any(|al| same_pair(al, x, y)));
        let key = |r| SentenceKey::of(&a, r).unwrap();
        let mut edits = Edits::default();
        edits.push(Edit::Link {
            a: key(x),
            b: key(y),
        });
        edits.push(Edit::Unlink {
            a: key(existing.a),
            b: key(existing.b),
        });
        let mut b = a.clone();
        let out = apply(&mut b, &edits);
        assert!(out.iter().all(EditOutcome::is_applied), "{out:?}");
        assert_eq!(b.alignments.len(), a.alignments.len());
        assert_eq!(b.diffs.len(), b.alignments.len());
        let k = b
            .alignments
            .iter()
            .position(|al| same_pair(al, x, y))
            .unwrap();
        assert_eq!(b.alignments[k].score, 1.0);
        assert_eq!(b.alignments[k].shared, vec![USER_LINK.to_string()]);
        assert_eq!((b.diffs[k].a, b.diffs[k].b), (x, y));
        assert_eq!(
            out[0],
            EditOutcome::Applied {
                what: "linked these sentences".into(),
                target: Target::Alignment(k)
            }
        );
        assert!(
            !b.alignments
                .iter()
                .any(|al| same_pair(al, existing.a, existing.b))
        );
        for (al, d) in b.alignments.iter().zip(&b.diffs) {
            assert_eq!((al.a, al.b), (d.a, d.b));
        }
        // an unlink then cancels the link instead of piling up
        edits.push(Edit::Unlink {
            a: key(y),
            b: key(x),
        });
        assert_eq!(edits.list.len(), 2);
        // a link inside one article is an orphan
        let mut one = Edits::default();
        one.push(Edit::Link {
            a: key((ArticleId(0), 0)),
            b: key((ArticleId(0), 1)),
        });
        assert!(!apply(&mut a.clone(), &one)[0].is_applied());
    }

    #[test]
    fn a_difference_marked_wrong_is_kept_and_flagged_after_re_analysis() {
        let a = analysed(two());
        assert!(!a.differences.is_empty(), "the fixture yields differences");
        let d = a.differences[0].clone();
        let mut edits = Edits::default();
        edits.push(Edit::MarkWrong {
            difference: DifferenceKey::of(&a, 0).unwrap(),
            reason: Some("both say the same".into()),
        });
        let mut arts = two();
        arts.push(third());
        let mut b = analysed(arts);
        let n = b.differences.len();
        let out = apply(&mut b, &edits);
        assert_eq!(b.differences.len(), n, "kept");
        let EditOutcome::Applied {
            target: Target::Difference(k),
            what,
        } = &out[0]
        else {
            panic!("{out:?}");
        };
        assert_eq!(b.differences[*k].kind, d.kind);
        assert_eq!(what, "marked as wrong: both say the same");
        let marks = Marks::new(&out);
        assert!(marks.differences.contains_key(k));
        let notes = as_notes(&b, &out, &edits);
        assert!(notes[0].text.contains("marked as wrong: both say the same"));
        assert!(notes[0].text.contains(&b.differences[*k].summary));
        // named by the window's letters when they are not positions
        let keys: Vec<usize> = (0..b.articles.len()).map(|i| i + 3).collect();
        let shown = crate::report::letters::relabel(&b.differences[*k].summary, &keys);
        assert_ne!(shown, b.differences[*k].summary, "it names an article");
        let notes = as_notes_with(&b, &out, &edits, &keys);
        assert!(notes[0].text.contains(shown.as_ref()), "{}", notes[0].text);
    }

    #[test]
    fn edits_whose_targets_are_gone_are_orphans_not_panics() {
        let a = analysed(two());
        let t = topic_of(&a, "a.txt", 0).unwrap();
        let mut edits = Edits::default();
        edits.push(Edit::RenameTopic {
            topic: TopicKey::of(&a, t).unwrap(),
            label: "Flood".into(),
        });
        edits.push(Edit::MarkWrong {
            difference: DifferenceKey::of(&a, 0).unwrap(),
            reason: None,
        });
        edits.push(Edit::Link {
            a: SentenceKey::of(&a, (ArticleId(0), 0)).unwrap(),
            b: SentenceKey::of(&a, (ArticleId(1), 0)).unwrap(),
        });
        edits.push(Edit::SplitTopic {
            topic: TopicKey::default(),
            sentences: Vec::new(),
        });
        edits.push(Edit::MergeTopics {
            into: TopicKey::default(),
            from: TopicKey::default(),
        });
        // only the unrelated article is left
        let mut c = analysed(vec![third()]);
        let out = apply(&mut c, &edits);
        assert_eq!(out.len(), edits.list.len());
        assert!(out.iter().all(|o| !o.is_applied()), "{out:?}");
        let notes = as_notes(&c, &out, &edits);
        assert_eq!(notes.len(), edits.list.len(), "orphans are said in exports");
        // and an empty analysis
        let out = apply(&mut Analysis::default(), &edits);
        assert!(out.iter().all(|o| !o.is_applied()));
        // the edits read back from JSON
        let json = serde_json::to_string(&edits).unwrap();
        assert_eq!(serde_json::from_str::<Edits>(&json).unwrap(), edits);
    }

    #[test]
    fn workspaces_keep_edits_and_older_files_read_without_them() {
        let a = analysed(two());
        let mut ws = crate::workspace::Workspace::default();
        ws.edits.push(Edit::RenameTopic {
            topic: TopicKey::of(&a, 0).unwrap(),
            label: "Mine".into(),
        });
        let json = ws.to_json();
        assert!(json.contains("\"edit\": \"rename_topic\""), "{json}");
        let back = crate::workspace::Workspace::from_json("w", &json).unwrap();
        assert_eq!(back.edits, ws.edits);
        let old = crate::workspace::Workspace::from_json("w", "{\"version\": 1}").unwrap();
        assert!(old.edits.is_empty());
    }

    #[test]
    fn a_sentence_key_finds_its_sentence_after_text_is_inserted_before_it() {
        let a = analysed(two());
        let key = SentenceKey::of(&a, (ArticleId(0), 2)).unwrap();
        let mut arts = two();
        let body = format!("A new first sentence was added here. {}", arts[0].body);
        arts[0] = art("a.txt", "River floods the valley town", &body);
        let b = analysed(arts);
        assert!(matches!(
            resolve(&b, &key),
            Resolved::Found(ArticleId(0), 3)
        ));
    }
}
