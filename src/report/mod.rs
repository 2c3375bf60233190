//! Exports of an [`Analysis`]: the JSON contract, Markdown and self-contained HTML.

pub mod html;
pub mod markdown;

use crate::analysis::Analysis;
use crate::model::{ArticleId, Note, NoteTarget};
use serde::Serialize;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Json,
    Markdown,
    Html,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Json => "json",
            ReportFormat::Markdown => "md",
            ReportFormat::Html => "html",
        }
    }
}

/// The JSON contract (pretty-printed): the analysis, with the user's notes when there are any.
pub fn to_json(analysis: &Analysis, notes: &[Note]) -> String {
    #[derive(Serialize)]
    struct WithNotes<'a> {
        #[serde(flatten)]
        analysis: &'a Analysis,
        #[serde(skip_serializing_if = "<[Note]>::is_empty")]
        notes: &'a [Note],
    }
    // Serialising plain data structures cannot fail.
    serde_json::to_string_pretty(&WithNotes { analysis, notes })
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Renders the analysis (and the user's notes, which travel beside it) in the given format.
pub fn render(analysis: &Analysis, notes: &[Note], format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => to_json(analysis, notes),
        ReportFormat::Markdown => markdown::render(analysis, notes),
        ReportFormat::Html => html::render(analysis, notes),
    }
}

/// Describes what a note is attached to, in words.
pub fn note_target(a: &Analysis, target: &NoteTarget) -> String {
    match target {
        NoteTarget::Sentence { article, sentence } => {
            match a.articles.iter().position(|x| &x.path == article) {
                Some(i) => {
                    let text = a.articles[i]
                        .sentences
                        .get(*sentence)
                        .map(|s| s.text.as_str())
                        .unwrap_or("");
                    format!(
                        "{} sentence {} (\u{201c}{}\u{201d})",
                        article_letter(i),
                        sentence + 1,
                        text
                    )
                }
                None => format!("{article} sentence {}", sentence + 1),
            }
        }
        NoteTarget::Topic { label } => format!("topic \u{201c}{label}\u{201d}"),
    }
}

/// A letter naming an article in reports and the UI (A, B, C, …); see [`ArticleId::letter`].
pub fn article_letter(id: impl Into<ArticleId>) -> String {
    id.into().letter()
}
