//! Per-topic comparison: the table of how each article treats a topic (`table`) and the
//! generated statements of how they differ (`differences`).

mod differences;
mod table;

pub use differences::differences;
pub use table::{TopicRow, TopicTable, Voice, table};

use super::{Cue, Difference, Quote, Tone};
use crate::align::Aligned;
use crate::model::Article;

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
