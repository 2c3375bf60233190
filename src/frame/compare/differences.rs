//! Generated statements of how the articles of a story differ on one topic, written from the
//! topic's table: one function per kind of difference (omission or unaligned, placement, quote,
//! verb, label, hedge, loaded, tone, frame), each a plain sentence that names the articles by
//! letter. An article with no sentence in the topic is said to leave it out only when its
//! closest sentence is clearly unrelated (see `omission`); otherwise only the missing alignment
//! is stated, with that closest sentence as evidence.

use super::omission::{self, Signals, Verdict};
use super::table::{TopicRow, TopicTable, Voice};
use crate::align::{Placement, Topic};
use crate::frame::{Difference, DifferenceKind, VerbClass, verbs};
use crate::model::{Article, ArticleId};
use std::collections::{BTreeMap, BTreeSet};

/// "A", "A and B", "A, B and C".
fn letters(ids: &[ArticleId]) -> String {
    let l: Vec<String> = ids.iter().map(|i| i.letter()).collect();
    match l.len() {
        0 => String::new(),
        1 => l[0].clone(),
        _ => format!("{} and {}", l[..l.len() - 1].join(", "), l[l.len() - 1]),
    }
}

/// The verb form agreeing with a list of articles ("leaves" for one, "leave" for several).
fn verb_s<'a>(ids: &[ArticleId], one: &'a str, many: &'a str) -> &'a str {
    if ids.len() == 1 { one } else { many }
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

/// A sentence of an article outside a topic that is aligned to one of the topic's sentences,
/// though clustering put it under another topic (or none).
#[derive(Debug, Clone, PartialEq)]
pub struct Elsewhere {
    pub article: ArticleId,
    pub sentence: usize,
    /// The label of the topic that sentence is in, if any.
    pub topic: Option<String>,
    /// The topic's sentence it is aligned to (its best alignment into the topic).
    pub partner: (ArticleId, usize),
    /// The best score of its alignments into the topic.
    pub score: f32,
}

/// What every difference writer reads: the topic, its table, and who covers it.
struct Ctx<'a> {
    topic: &'a Topic,
    /// Sentences of articles outside the topic aligned to its sentences, at most one per
    /// article (its best aligned).
    elsewhere: &'a [Elsewhere],
    articles: &'a [Article],
    covering: Vec<&'a TopicRow>,
    cov_ids: Vec<ArticleId>,
    missing: Vec<ArticleId>,
    signals: &'a Signals,
    /// Speakers quoted in the covering articles (by last name), with each article's first
    /// voice of that speaker.
    speakers: BTreeMap<String, Vec<(ArticleId, &'a Voice)>>,
}

impl<'a> Ctx<'a> {
    fn new(
        topic: &'a Topic,
        table: &'a TopicTable,
        articles: &'a [Article],
        signals: &'a Signals,
    ) -> Self {
        let covering: Vec<&TopicRow> = table.rows.iter().filter(|r| r.covered).collect();
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
        Ctx {
            topic,
            elsewhere: &[],
            articles,
            cov_ids: covering.iter().map(|r| r.article).collect(),
            missing: table
                .rows
                .iter()
                .filter(|r| !r.covered)
                .map(|r| r.article)
                .collect(),
            covering,
            signals,
            speakers,
        }
    }

    fn diff(&self, kind: DifferenceKind, articles: Vec<ArticleId>, summary: String) -> Difference {
        Difference {
            topic: self.topic.id,
            kind,
            articles,
            summary,
            evidence: Vec::new(),
        }
    }
}

/// The differences between the articles on one topic; `elsewhere`: the sentences of articles
/// outside it aligned to its sentences (at most one per article).
pub fn differences(
    topic: &Topic,
    table: &TopicTable,
    articles: &[Article],
    signals: &Signals,
    elsewhere: &[Elsewhere],
) -> Vec<Difference> {
    if table.rows.len() < 2 {
        return Vec::new();
    }
    let mut ctx = Ctx::new(topic, table, articles, signals);
    ctx.elsewhere = elsewhere;
    let mut out = Vec::new();
    out.extend(omission(&ctx));
    out.extend(placement(&ctx));
    out.extend(quotes(&ctx));
    out.extend(verb_classes(&ctx));
    out.extend(loaded_verbs(&ctx));
    out.extend(labels(&ctx));
    out.extend(hedges(&ctx));
    out.extend(loaded(&ctx));
    out.extend(tone(&ctx));
    out.extend(frames(&ctx));
    out
}

/// "paragraph 3: “first words of the sentence…”" for a sentence of an article.
fn passage(c: &Ctx, article: ArticleId, sentence: usize) -> String {
    c.articles
        .get(article.index())
        .and_then(|a| a.sentences.get(sentence))
        .map(|s| format!("paragraph {}: “{}”", s.paragraph + 1, short(&s.text, 12)))
        .unwrap_or_default()
}

/// Articles with no sentence in the topic: one with a sentence aligned to the topic's is said
/// to have none in it, with that sentence, the topic it is under and the sentence it is aligned
/// to (never that it leaves the topic out, nor that it reports it: an alignment may rest on a
/// shared name); of the others, those whose closest sentence is clearly unrelated are said to
/// leave it out (an omission), the rest only to have no sentence aligned to it, with their
/// closest passage. Each statement carries those sentences as evidence; an article with nothing
/// to judge against gets no statement.
fn omission(c: &Ctx) -> Vec<Difference> {
    let (mut omits, mut unsure) = (Vec::new(), Vec::new());
    let mut grouped: Vec<&Elsewhere> = Vec::new();
    for &a in &c.missing {
        if let Some(e) = c.elsewhere.iter().find(|e| e.article == a) {
            grouped.push(e);
            continue;
        }
        match omission::verdict(c.topic, a, c.signals) {
            Some(Verdict::Omits(x)) => omits.push(x),
            Some(Verdict::Unsure(x)) => unsure.push(x),
            None => {}
        }
    }
    let label = &c.topic.label;
    let mut out = Vec::new();
    if !omits.is_empty() {
        let ids: Vec<ArticleId> = omits.iter().map(|x| x.article).collect();
        let mut d = if c.cov_ids.len() == 1 {
            let mut all = c.cov_ids.clone();
            all.extend(&ids);
            all.sort();
            c.diff(
                DifferenceKind::Omission,
                all,
                format!(
                    "Only {} reports “{label}”; {} {} it out.",
                    letters(&c.cov_ids),
                    letters(&ids),
                    verb_s(&ids, "leaves", "leave")
                ),
            )
        } else {
            c.diff(
                DifferenceKind::Omission,
                ids.clone(),
                format!(
                    "{} {} not mention “{label}”; {} {}.",
                    letters(&ids),
                    verb_s(&ids, "does", "do"),
                    letters(&c.cov_ids),
                    verb_s(&c.cov_ids, "does", "do")
                ),
            )
        };
        d.evidence = omits.iter().map(|x| (x.article, x.sentence)).collect();
        out.push(d);
    }
    if !unsure.is_empty() {
        let ids: Vec<ArticleId> = unsure.iter().map(|x| x.article).collect();
        let closest: Vec<String> = unsure
            .iter()
            .map(|x| {
                format!(
                    "{}, {}",
                    x.article.letter(),
                    passage(c, x.article, x.sentence)
                )
            })
            .collect();
        let mut d = c.diff(
            DifferenceKind::Unaligned,
            ids.clone(),
            format!(
                "{} {} no sentence aligned to “{label}” but may report it in other words; closest: {}.",
                letters(&ids),
                verb_s(&ids, "has", "have"),
                closest.join("; ")
            ),
        );
        d.evidence = unsure.iter().map(|x| (x.article, x.sentence)).collect();
        out.push(d);
    }
    // what is known of such an article: where its sentence is and what it is aligned to (an
    // alignment may rest on a shared name alone: not a claim that it reports the topic)
    for e in grouped {
        let under = match &e.topic {
            Some(other) => format!(", under “{other}”,"),
            None => String::new(),
        };
        let mut d = c.diff(
            DifferenceKind::Unaligned,
            vec![e.article],
            format!(
                "{} has no sentence in “{label}”; its {}{under} is aligned with {}, {}.",
                e.article.letter(),
                passage(c, e.article, e.sentence),
                e.partner.0.letter(),
                passage(c, e.partner.0, e.partner.1)
            ),
        );
        d.evidence = vec![(e.article, e.sentence), e.partner];
        out.push(d);
    }
    out
}

/// One article leads with the topic, another buries it.
fn placement(c: &Ctx) -> Option<Difference> {
    let lead = c
        .covering
        .iter()
        .find(|r| matches!(r.placement, Some(Placement::Headline | Placement::Lede)))?;
    let late = c
        .covering
        .iter()
        .filter(|r| r.placement == Some(Placement::Body) && r.first_paragraph.unwrap_or(0) >= 2)
        .max_by_key(|r| r.first_paragraph)?;
    let how = if lead.placement == Some(Placement::Headline) {
        "leads with it (headline)"
    } else {
        "leads with it"
    };
    Some(c.diff(
        DifferenceKind::Placement,
        vec![lead.article, late.article],
        format!(
            "{} {how}; {} first mentions “{}” in paragraph {}.",
            lead.article.letter(),
            late.article.letter(),
            c.topic.label,
            late.first_paragraph.unwrap_or(0) + 1
        ),
    ))
}

/// Who is quoted by some covering articles and not by others, and whether those others name
/// the speaker in the topic's sentences at all (a name without a quotation is said as such: the
/// text cannot tell a paraphrase from a mere mention). Only quotations count here: an article
/// that reports the speaker's words without quoting them is among those with no quotation.
fn quotes(c: &Ctx) -> Vec<Difference> {
    let mut out = Vec::new();
    for voices in c.speakers.values() {
        let quoted: Vec<(ArticleId, &Voice)> = voices
            .iter()
            .filter(|(_, v)| v.kind == crate::frame::QuoteKind::Direct)
            .copied()
            .collect();
        if quoted.is_empty() {
            continue;
        }
        let by: Vec<ArticleId> = quoted.iter().map(|(a, _)| *a).collect();
        let not: Vec<ArticleId> = c
            .cov_ids
            .iter()
            .copied()
            .filter(|a| !by.contains(a))
            .collect();
        if not.is_empty() || by.is_empty() {
            continue;
        }
        let voice = quoted[0].1;
        let name = &voice.speaker;
        let verb = voice
            .verb
            .as_deref()
            .map(|v| format!(" ({v})"))
            .unwrap_or_default();
        // an article that reports the speaker's words in indirect speech (no quotation marks)
        let reports: Vec<ArticleId> = not
            .iter()
            .copied()
            .filter(|&a| {
                voices
                    .iter()
                    .any(|(x, v)| *x == a && v.kind == crate::frame::QuoteKind::Indirect)
            })
            .collect();
        let mentions: Vec<ArticleId> = not
            .iter()
            .copied()
            .filter(|a| !reports.contains(a))
            .filter(|&a| {
                let sentences = c
                    .topic
                    .member(a)
                    .map(|m| m.sentences.as_slice())
                    .unwrap_or_default();
                sentences
                    .iter()
                    .filter_map(|&s| c.articles.get(a.index())?.sentences.get(s))
                    .any(|s| s.text.contains(last_name(name)))
            })
            .collect();
        let silent: Vec<ArticleId> = not
            .iter()
            .copied()
            .filter(|a| !mentions.contains(a) && !reports.contains(a))
            .collect();
        // an article that names the speaker and writes a word of the quotation in quotation
        // marks itself ("Vance's dismissal of the summit as “pointless”") quotes it without a
        // reporting verb: said so, not "no quotation"
        let quoted_words: Vec<String> = crate::align::words(&voice.text)
            .into_iter()
            .filter(|w| w.chars().count() >= 4 && !crate::text::tokens::is_stopword(w))
            .collect();
        let mut echoes: Vec<(ArticleId, String)> = Vec::new();
        for &a in &mentions {
            let echoed = c
                .topic
                .member(a)
                .map(|m| m.sentences.as_slice())
                .unwrap_or_default()
                .iter()
                .filter_map(|&s| c.articles.get(a.index())?.sentences.get(s))
                .flat_map(|s| crate::align::quoted_words(&s.text))
                .flatten()
                .find(|w| quoted_words.contains(w));
            if let Some(w) = echoed {
                echoes.push((a, w));
            }
        }
        let mentions: Vec<ArticleId> = mentions
            .into_iter()
            .filter(|a| !echoes.iter().any(|(x, _)| x == a))
            .collect();
        let echo_ids: Vec<ArticleId> = echoes.iter().map(|(a, _)| *a).collect();
        let mut words: Vec<&str> = Vec::new();
        for (_, w) in &echoes {
            if !words.contains(&w.as_str()) {
                words.push(w);
            }
        }
        let echo_words: Vec<String> = words.iter().map(|w| format!("“{w}”")).collect();
        let echo_words = echo_words.join(", ");
        let last = last_name(name);
        // for a name with no quotation, what the text shows: the name in the topic's
        // sentences, no quotation attributed (whether those sentences paraphrase the speaker is
        // not claimed)
        let tail: Vec<String> = [
            (
                &reports,
                ("reports", "report"),
                format!("{last}'s words without quoting them"),
            ),
            (
                &echo_ids,
                ("names", "name"),
                format!("{last} here and writes {echo_words} in quotation marks"),
            ),
            (
                &mentions,
                ("names", "name"),
                format!("{last} here with no quotation attributed"),
            ),
            (&silent, ("does", "do"), format!("not name {last} here")),
        ]
        .into_iter()
        .filter(|(who, _, _)| !who.is_empty())
        .map(|(who, (one, many), rest)| {
            format!("{} {} {rest}", letters(who), verb_s(who, one, many))
        })
        .collect();
        let mut ids = by.clone();
        ids.extend(&not);
        out.push(c.diff(
            DifferenceKind::Quote,
            ids,
            format!(
                "{} {} {name}{verb}: “{}”; {}.",
                letters(&by),
                verb_s(&by, "quotes", "quote"),
                short(&voice.text, 12),
                tail.join("; ")
            ),
        ));
    }
    out
}

/// The same speaker reported with verbs of different classes.
fn verb_classes(c: &Ctx) -> Vec<Difference> {
    let mut out = Vec::new();
    for quoted in c.speakers.values() {
        let classes: BTreeMap<VerbClass, Vec<(ArticleId, &str)>> =
            quoted.iter().fold(BTreeMap::new(), |mut m, (a, v)| {
                if let (Some(class), Some(verb)) = (v.verb_class, v.verb.as_deref()) {
                    m.entry(class).or_default().push((*a, verb));
                }
                m
            });
        if classes.len() < 2 {
            continue;
        }
        let parts: Vec<String> = classes
            .iter()
            .map(|(class, list)| {
                let ids: Vec<ArticleId> = list.iter().map(|x| x.0).collect();
                format!(
                    "{} “{}” ({})",
                    letters(&ids),
                    list[0].1,
                    verbs::class_name(*class)
                )
            })
            .collect();
        out.push(c.diff(
            DifferenceKind::Verb,
            quoted.iter().map(|x| x.0).collect(),
            format!(
                "{} is reported with different verbs: {}.",
                quoted[0].1.speaker,
                parts.join(", ")
            ),
        ));
    }
    out
}

/// Non-neutral reporting verbs some articles use and others do not.
fn loaded_verbs(c: &Ctx) -> Option<Difference> {
    let per_article: Vec<(ArticleId, Vec<&(String, VerbClass)>)> = c
        .covering
        .iter()
        .map(|r| {
            (
                r.article,
                r.verbs
                    .iter()
                    .filter(|v| v.1 != VerbClass::Neutral)
                    .collect(),
            )
        })
        .collect();
    let with: Vec<&(ArticleId, Vec<&(String, VerbClass)>)> =
        per_article.iter().filter(|(_, v)| !v.is_empty()).collect();
    let without: Vec<ArticleId> = per_article
        .iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(a, _)| *a)
        .collect();
    if with.is_empty() || without.is_empty() {
        return None;
    }
    let parts: Vec<String> = with
        .iter()
        .map(|(a, v)| {
            let words: Vec<String> = v
                .iter()
                .take(3)
                .map(|(w, class)| format!("“{w}” ({})", verbs::class_name(*class)))
                .collect();
            format!("{} writes {}", a.letter(), words.join(", "))
        })
        .collect();
    let mut ids: Vec<ArticleId> = with.iter().map(|x| x.0).collect();
    ids.extend(&without);
    Some(c.diff(
        DifferenceKind::Verb,
        ids,
        format!(
            "{}; {} {} only neutral reporting verbs.",
            parts.join("; "),
            letters(&without),
            verb_s(&without, "uses", "use")
        ),
    ))
}

/// Different wordings for one contested thing.
fn labels(c: &Ctx) -> Vec<Difference> {
    let mut groups: BTreeMap<&str, Vec<(ArticleId, &str)>> = BTreeMap::new();
    for r in &c.covering {
        for (w, g) in &r.labels {
            groups
                .entry(g.as_str())
                .or_default()
                .push((r.article, w.as_str()));
        }
    }
    let mut out = Vec::new();
    for (group, uses) in groups {
        let wordings: BTreeSet<&str> = uses.iter().map(|x| x.1).collect();
        let users: BTreeSet<ArticleId> = uses.iter().map(|x| x.0).collect();
        let partial = users.len() < c.cov_ids.len() && !users.is_empty() && c.cov_ids.len() >= 2;
        if wordings.len() < 2 && !partial {
            continue;
        }
        let parts: Vec<String> = wordings
            .iter()
            .map(|w| {
                let ids: Vec<ArticleId> = uses
                    .iter()
                    .filter(|x| x.1 == *w)
                    .map(|x| x.0)
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                format!(
                    "{} {} “{w}”",
                    letters(&ids),
                    verb_s(&ids, "writes", "write")
                )
            })
            .collect();
        let others: Vec<ArticleId> = c
            .cov_ids
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
        // the articles with no such label are part of the statement (and of its evidence)
        let mut named: Vec<ArticleId> = users.into_iter().collect();
        named.extend(&others);
        named.sort();
        out.push(c.diff(
            DifferenceKind::Label,
            named,
            format!(
                "On {}: {}{rest}.",
                group.replace('_', " "),
                parts.join(", ")
            ),
        ));
    }
    out
}

/// One article hedges (two or more hedges), others state it flatly.
fn hedges(c: &Ctx) -> Option<Difference> {
    let h = c.covering.iter().find(|r| r.hedges.len() >= 2)?;
    let flat: Vec<ArticleId> = c
        .covering
        .iter()
        .filter(|r| r.hedges.is_empty())
        .map(|r| r.article)
        .collect();
    if flat.is_empty() {
        return None;
    }
    let mut named = flat.clone();
    named.push(h.article);
    named.sort();
    Some(c.diff(
        DifferenceKind::Hedge,
        named,
        format!(
            "{} hedges ({}); {} {} it without hedging.",
            h.article.letter(),
            h.hedges.join(", "),
            letters(&flat),
            verb_s(&flat, "states", "state")
        ),
    ))
}

/// Loaded words some articles use and others do not.
fn loaded(c: &Ctx) -> Option<Difference> {
    let with: Vec<&&TopicRow> = c.covering.iter().filter(|r| !r.loaded.is_empty()).collect();
    let plain: Vec<ArticleId> = c
        .covering
        .iter()
        .filter(|r| r.loaded.is_empty())
        .map(|r| r.article)
        .collect();
    if with.is_empty() || plain.is_empty() {
        return None;
    }
    let parts: Vec<String> = with
        .iter()
        .take(3)
        .map(|r| {
            let words: Vec<String> = r.loaded.iter().take(4).map(|w| format!("“{w}”")).collect();
            format!("{} uses {}", r.article.letter(), words.join(", "))
        })
        .collect();
    Some(c.diff(
        DifferenceKind::Loaded,
        c.cov_ids.clone(),
        format!(
            "{}; {} {} no loaded words here.",
            parts.join("; "),
            letters(&plain),
            verb_s(&plain, "uses", "use")
        ),
    ))
}

/// Fewest sentences of an article in a topic for its tone there to be compared: the measure
/// is a word list, and one sentence's score says little.
const TONE_SENTENCES: usize = 3;

/// A clear gap (0.5 or more, and a different reading: negative, neutral, positive) in the
/// mean tone of the topic's sentences, between articles with at least [`TONE_SENTENCES`]
/// sentences in it. The statement names the measure and its limit.
fn tone(c: &Ctx) -> Option<Difference> {
    let toned: Vec<(ArticleId, f32)> = c
        .covering
        .iter()
        .filter(|r| {
            c.topic
                .member(r.article)
                .is_some_and(|m| m.sentences.len() >= TONE_SENTENCES)
        })
        .filter_map(|r| Some((r.article, r.tone?)))
        .collect();
    let lo = toned.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
    let hi = toned.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    if hi.1 - lo.1 < 0.5 {
        return None;
    }
    let word = |t: f32| {
        if t <= -0.2 {
            "negative"
        } else if t >= 0.2 {
            "positive"
        } else {
            "neutral"
        }
    };
    if word(lo.1) == word(hi.1) {
        return None;
    }
    Some(c.diff(
        DifferenceKind::Tone,
        vec![lo.0, hi.0],
        format!(
            "By word-list tone (VADER, which can misread reports of violence), {}'s sentences on this read {} ({:+.2}); {}'s read {} ({:+.2}).",
            lo.0.letter(),
            word(lo.1),
            lo.1,
            hi.0.letter(),
            word(hi.1),
            hi.1
        ),
    ))
}

/// Articles whose main frame dimension differs.
fn frames(c: &Ctx) -> Option<Difference> {
    let main_frame: Vec<(ArticleId, &str)> = c
        .covering
        .iter()
        .filter_map(|r| Some((r.article, r.frames.first()?.0.as_str())))
        .collect();
    let distinct: BTreeSet<&str> = main_frame.iter().map(|x| x.1).collect();
    if distinct.len() < 2 {
        return None;
    }
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
    Some(c.diff(
        DifferenceKind::Frame,
        main_frame.iter().map(|x| x.0).collect(),
        format!("Frames differ: {}.", parts.join("; ")),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::article;
    use super::*;
    use crate::align::TopicMember;

    fn row(a: usize, covered: bool) -> TopicRow {
        TopicRow {
            article: ArticleId(a),
            covered,
            share: if covered { 0.2 } else { 0.0 },
            placement: covered.then_some(Placement::Body),
            first_paragraph: covered.then_some(1),
            voices: Vec::new(),
            verbs: Vec::new(),
            hedges: Vec::new(),
            boosters: Vec::new(),
            loaded: Vec::new(),
            labels: Vec::new(),
            techniques: Vec::new(),
            frames: Vec::new(),
            tone: None,
            words: 10,
        }
    }

    fn topic(members: &[(usize, &[usize])]) -> Topic {
        Topic {
            id: 3,
            label: "Varnian summit".into(),
            terms: Vec::new(),
            story: 0,
            members: members
                .iter()
                .map(|(a, s)| TopicMember {
                    article: ArticleId(*a),
                    sentences: s.to_vec(),
                    share: 0.2,
                    first_paragraph: 1,
                    placement: Placement::Body,
                })
                .collect(),
        }
    }

    fn table(rows: Vec<TopicRow>) -> TopicTable {
        TopicTable { topic: 3, rows }
    }

    /// A and B cover a topic; C reports it in other words; D is about something else.
    fn omission_case() -> (Topic, Vec<Article>) {
        let t = topic(&[(0, &[1]), (1, &[0])]);
        let arts = vec![
            article(&[
                "Officials met on Monday.",
                "Vance called the peace summit in Varnia pointless because Ostria was not invited.",
            ]),
            article(&[
                "Vance said the Varnian peace summit was pointless without Ostria at the table.",
                "Talks continue.",
            ]),
            article(&[
                "Markets were calm.",
                "The Ostrian leader scorned next month's gathering of world leaders in Dunmore as worthless, since Kestrel had no invitation.",
            ]),
            article(&[
                "Heavy rain flooded farmland along the river delta.",
                "Farmers expect a late harvest of rice and wheat this autumn.",
            ]),
        ];
        (t, arts)
    }

    #[test]
    fn omission_only_where_the_closest_sentence_is_unrelated() {
        let (t, arts) = omission_case();
        let sig = Signals::new(&arts);
        let tab = table(vec![
            row(0, true),
            row(1, true),
            row(2, false),
            row(3, false),
        ]);
        let d = omission(&Ctx::new(&t, &tab, &arts, &sig));
        assert_eq!(d.len(), 2, "{d:#?}");
        // the unrelated article is said to leave it out, with its closest sentence as evidence
        assert_eq!(d[0].kind, DifferenceKind::Omission);
        assert_eq!(d[0].articles, vec![ArticleId(3)]);
        assert_eq!(
            d[0].summary,
            "D does not mention “Varnian summit”; A and B do."
        );
        assert_eq!(d[0].evidence.len(), 1);
        assert_eq!(d[0].evidence[0].0, ArticleId(3));
        // the paraphrasing article is not: only the missing alignment, with its closest passage
        assert_eq!(d[1].kind, DifferenceKind::Unaligned);
        assert_eq!(d[1].articles, vec![ArticleId(2)]);
        assert_eq!(d[1].evidence, vec![(ArticleId(2), 1)]);
        assert!(
            d[1].summary.starts_with(
                "C has no sentence aligned to “Varnian summit” but may report it in other words; closest: C, paragraph 1: “The Ostrian leader"
            ),
            "{}",
            d[1].summary
        );
    }

    #[test]
    fn an_article_aligned_under_another_topic_is_not_said_to_leave_it_out() {
        let (t, arts) = omission_case();
        let sig = Signals::new(&arts);
        let tab = table(vec![row(0, true), row(1, true), row(3, false)]);
        // D's unrelated sentence would be an omission; aligned to the topic, it is not
        let elsewhere = [Elsewhere {
            article: ArticleId(3),
            sentence: 0,
            topic: Some("Weather".into()),
            partner: (ArticleId(0), 1),
            score: 0.3,
        }];
        let mut ctx = Ctx::new(&t, &tab, &arts, &sig);
        ctx.elsewhere = &elsewhere;
        let d = omission(&ctx);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].kind, DifferenceKind::Unaligned);
        assert_eq!(d[0].evidence, vec![(ArticleId(3), 0), (ArticleId(0), 1)]);
        assert!(
            d[0].summary
                .starts_with("D has no sentence in “Varnian summit”; its paragraph 1: “")
                && d[0]
                    .summary
                    .contains("”, under “Weather”, is aligned with A, paragraph "),
            "{}",
            d[0].summary
        );
    }

    #[test]
    fn omission_forms_and_nothing_without_evidence() {
        let (t, arts) = omission_case();
        let sig = Signals::new(&arts);
        // one covering article
        let t1 = topic(&[(0, &[1])]);
        let only = table(vec![row(0, true), row(3, false)]);
        let d = omission(&Ctx::new(&t1, &only, &arts, &sig));
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].summary,
            "Only A reports “Varnian summit”; D leaves it out."
        );
        assert_eq!(d[0].articles, vec![ArticleId(0), ArticleId(3)]);
        // everyone covers it: nothing to say
        let all = table(vec![row(0, true), row(1, true)]);
        assert!(omission(&Ctx::new(&t, &all, &arts, &sig)).is_empty());
        // no signals to judge by (no closest sentence to show): no claim at all
        let none = Signals::default();
        let tab = table(vec![row(0, true), row(1, true), row(3, false)]);
        assert!(omission(&Ctx::new(&t, &tab, &arts, &none)).is_empty());
    }

    #[test]
    fn placement_needs_a_lead_and_a_buried_mention() {
        let t = topic(&[(0, &[0]), (1, &[5])]);
        let arts = vec![article(&["x."]), article(&["y."])];
        let mut a = row(0, true);
        a.placement = Some(Placement::Headline);
        let mut b = row(1, true);
        b.first_paragraph = Some(4);
        let tab = table(vec![a.clone(), b]);
        let d = placement(&Ctx::new(&t, &tab, &arts, &Signals::default())).unwrap();
        assert_eq!(
            d.summary,
            "A leads with it (headline); B first mentions “Varnian summit” in paragraph 5."
        );
        let early = table(vec![a, row(1, true)]);
        assert!(placement(&Ctx::new(&t, &early, &arts, &Signals::default())).is_none());
    }

    fn voice(speaker: &str, verb: &str, class: VerbClass, text: &str) -> Voice {
        Voice {
            speaker: speaker.into(),
            speaker_role: None,
            verb: Some(verb.into()),
            verb_class: Some(class),
            text: text.into(),
            kind: crate::frame::QuoteKind::Direct,
        }
    }

    /// Article A's row quoting `speaker` ("called"): "pointless".
    fn quoting_pointless(speaker: &str) -> TopicRow {
        let mut a = row(0, true);
        a.voices
            .push(voice(speaker, "called", VerbClass::Neutral, "pointless"));
        a
    }

    #[test]
    fn a_quoted_word_beside_the_speakers_name_is_not_called_no_quotation() {
        let t = topic(&[(0, &[0]), (1, &[0])]);
        let arts = vec![
            article(&["Vance called the summit “pointless”."]),
            article(&["Vance's dismissal of the summit as “pointless” is a signal."]),
        ];
        let a = quoting_pointless("Nora Vance");
        let tab = table(vec![a, row(1, true)]);
        let d = quotes(&Ctx::new(&t, &tab, &arts, &Signals::default()));
        assert_eq!(
            d[0].summary,
            "A quotes Nora Vance (called): “pointless”; B names Vance here and writes “pointless” in quotation marks."
        );
    }

    #[test]
    fn quotes_tell_paraphrase_from_silence() {
        let t = topic(&[(0, &[0]), (1, &[0]), (2, &[0])]);
        let arts = vec![
            article(&["Vance called it “pointless”."]),
            article(&["Vance said it had no purpose."]),
            article(&["The summit opens Monday."]),
        ];
        let a = quoting_pointless("Nora Vance");
        let tab = table(vec![a, row(1, true), row(2, true)]);
        let d = quotes(&Ctx::new(&t, &tab, &arts, &Signals::default()));
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].summary,
            "A quotes Nora Vance (called): “pointless”; B names Vance here with no quotation attributed; C does not name Vance here."
        );
        // B's sentence read as reported speech of Vance: said so
        let a = quoting_pointless("Nora Vance");
        let mut b = row(1, true);
        b.voices.push(Voice {
            kind: crate::frame::QuoteKind::Indirect,
            ..voice(
                "Nora Vance",
                "said",
                VerbClass::Neutral,
                "it had no purpose",
            )
        });
        let tab = table(vec![a, b, row(2, true)]);
        let d = quotes(&Ctx::new(&t, &tab, &arts, &Signals::default()));
        assert_eq!(
            d[0].summary,
            "A quotes Nora Vance (called): “pointless”; B reports Vance's words without quoting them; C does not name Vance here."
        );
    }

    #[test]
    fn verb_classes_differ_for_one_speaker() {
        let t = topic(&[(0, &[0]), (1, &[0])]);
        let arts = vec![article(&["x."]), article(&["y."])];
        let mut a = row(0, true);
        a.voices
            .push(voice("Jane Roe", "said", VerbClass::Neutral, "we will"));
        let mut b = row(1, true);
        b.voices.push(voice(
            "Jane Roe",
            "claimed",
            VerbClass::Distancing,
            "we will",
        ));
        let tab = table(vec![a, b]);
        let d = verb_classes(&Ctx::new(&t, &tab, &arts, &Signals::default()));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, DifferenceKind::Verb);
        assert!(
            d[0].summary
                .starts_with("Jane Roe is reported with different verbs")
        );
        assert!(d[0].summary.contains("B “claimed”"), "{}", d[0].summary);
    }

    #[test]
    fn loaded_verbs_against_neutral_ones() {
        let t = topic(&[(0, &[0]), (1, &[0])]);
        let arts = vec![article(&["x."]), article(&["y."])];
        let mut a = row(0, true);
        a.verbs.push(("slammed".into(), VerbClass::Dismissive));
        let mut b = row(1, true);
        b.verbs.push(("said".into(), VerbClass::Neutral));
        let tab = table(vec![a, b]);
        let d = loaded_verbs(&Ctx::new(&t, &tab, &arts, &Signals::default())).unwrap();
        assert!(
            d.summary.contains("B uses only neutral reporting verbs"),
            "{}",
            d.summary
        );
        let neutral = table(vec![row(0, true), row(1, true)]);
        assert!(loaded_verbs(&Ctx::new(&t, &neutral, &arts, &Signals::default())).is_none());
    }

    #[test]
    fn labels_show_each_wording() {
        let t = topic(&[(0, &[0]), (1, &[0])]);
        let arts = vec![article(&["x."]), article(&["y."])];
        let mut a = row(0, true);
        a.labels.push(("annexed".into(), "annexation".into()));
        let mut b = row(1, true);
        b.labels
            .push(("claims to have annexed".into(), "annexation".into()));
        let tab = table(vec![a, b]);
        let d = labels(&Ctx::new(&t, &tab, &arts, &Signals::default()));
        assert_eq!(
            d[0].summary,
            "On annexation: A writes “annexed”, B writes “claims to have annexed”."
        );
    }

    #[test]
    fn hedges_loaded_tone_and_frames() {
        let t = topic(&[(0, &[0, 1, 2]), (1, &[0, 1, 2])]);
        let arts = vec![article(&["x.", "x.", "x."]), article(&["y.", "y.", "y."])];
        let mut a = row(0, true);
        a.hedges = vec!["reportedly".into(), "may".into()];
        a.loaded = vec!["brutal".into()];
        a.tone = Some(-0.6);
        a.frames = vec![("security_and_defense".into(), 2)];
        let mut b = row(1, true);
        b.tone = Some(0.1);
        b.frames = vec![("economic".into(), 1)];
        let tab = table(vec![a, b]);
        let sig = Signals::default();
        let c = Ctx::new(&t, &tab, &arts, &sig);
        assert_eq!(
            hedges(&c).unwrap().summary,
            "A hedges (reportedly, may); B states it without hedging."
        );
        assert_eq!(
            loaded(&c).unwrap().summary,
            "A uses “brutal”; B uses no loaded words here."
        );
        let toned = tone(&c).unwrap().summary;
        assert!(
            toned.contains("A's sentences on this read negative (-0.60)")
                && toned.contains("VADER"),
            "{toned}"
        );
        // one sentence in the topic is too few to compare tone
        let short = topic(&[(0, &[0]), (1, &[0, 1, 2])]);
        assert!(tone(&Ctx::new(&short, &tab, &arts, &sig)).is_none());
        assert!(
            frames(&c)
                .unwrap()
                .summary
                .contains("A mainly as security and defense")
        );
        let mut b2 = row(1, true);
        b2.tone = Some(-0.4);
        let close = table(vec![row(0, true), b2]);
        assert!(tone(&Ctx::new(&t, &close, &arts, &Signals::default())).is_none());
    }
}
