//! Per-topic comparison: the table of how each article treats a topic (`table`) and the
//! generated statements of how they differ (`differences`), omissions checked against the
//! closest sentence of each article said to leave a topic out (`omission`).

mod differences;
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
    let (mut q_sorted, mut c_sorted) = (None, None);
    if !quotes.is_sorted_by_key(|q| q.article) {
        let mut v = quotes.to_vec();
        v.sort_by_key(|q| q.article);
        q_sorted = Some(v);
    }
    if !cues.is_sorted_by_key(|c| c.article) {
        let mut v = cues.to_vec();
        v.sort_by_key(|c| c.article);
        c_sorted = Some(v);
    }
    let quotes = q_sorted.as_deref().unwrap_or(quotes);
    let cues = c_sorted.as_deref().unwrap_or(cues);
    let per_topic: Vec<(TopicTable, Vec<Difference>)> = aligned
        .topics
        .par_iter()
        .filter_map(|topic| {
            let story = aligned.stories.iter().find(|s| s.id == topic.story)?;
            let t = table(topic, &story.articles, articles, quotes, cues, tones);
            let d = differences(topic, &t, articles, signals);
            Some((t, d))
        })
        .collect();
    let mut tables = Vec::with_capacity(per_topic.len());
    let mut diffs = Vec::new();
    for (t, d) in per_topic {
        tables.push(t);
        diffs.extend(d);
    }
    (tables, diffs)
}
