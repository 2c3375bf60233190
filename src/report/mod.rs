//! Exports of an [`Analysis`]: the JSON contract, Markdown and self-contained HTML.

pub mod html;
pub mod markdown;

use crate::analysis::Analysis;

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

/// The JSON contract (pretty-printed).
pub fn to_json(analysis: &Analysis) -> String {
    // Serialising plain data structures cannot fail.
    serde_json::to_string_pretty(analysis).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Renders the analysis in the given format.
pub fn render(analysis: &Analysis, format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => to_json(analysis),
        ReportFormat::Markdown => markdown::render(analysis),
        ReportFormat::Html => html::render(analysis),
    }
}

/// Describes what a note is attached to, in words.
pub fn note_target(a: &Analysis, target: &crate::workspace::NoteTarget) -> String {
    match target {
        crate::workspace::NoteTarget::Sentence { article, sentence } => {
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
        crate::workspace::NoteTarget::Topic { label } => format!("topic \u{201c}{label}\u{201d}"),
    }
}

/// A letter naming an article in reports and the UI (A, B, C, …).
pub fn article_letter(id: usize) -> String {
    let mut n = id;
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (n % 26) as u8) as char);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s
}
