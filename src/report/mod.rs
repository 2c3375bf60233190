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
