//! Markdown export of an analysis: articles, topics with coverage, differences, quotes and cues.

use super::article_letter;
use crate::analysis::Analysis;
use crate::model::Note;
use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Renders the analysis as Markdown.
pub fn render(a: &Analysis, notes: &[Note]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# framediff comparison\n");
    let _ = writeln!(out, "## Articles\n");
    let _ = writeln!(out, "| | Title | Outlet | Author | Date | Sentences |");
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for (i, art) in a.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            article_letter(i),
            esc(&art.title),
            esc(art.source.as_deref().unwrap_or("")),
            esc(art.author.as_deref().unwrap_or("")),
            art.date.as_deref().unwrap_or(""),
            art.sentences.len()
        );
    }
    for topic in &a.topics {
        let _ = writeln!(out, "\n## Topic {}: {}\n", topic.id + 1, topic.label);
        if !topic.terms.is_empty() {
            let _ = writeln!(out, "Terms: {}\n", topic.terms.join(", "));
        }
        for m in &topic.members {
            let _ = writeln!(
                out,
                "- **{}** ({:.0}% of text, first in paragraph {}, {:?}):",
                article_letter(m.article),
                m.share * 100.0,
                m.first_paragraph + 1,
                m.placement
            );
            if let Some(art) = a.articles.get(m.article.index()) {
                for &s in &m.sentences {
                    if let Some(sent) = art.sentences.get(s) {
                        let _ = writeln!(out, "  - {}", sent.text);
                    }
                }
            }
        }
        let diffs: Vec<_> = a
            .differences
            .iter()
            .filter(|d| d.topic == topic.id)
            .collect();
        if !diffs.is_empty() {
            let _ = writeln!(out, "\n**Differences**\n");
            for d in diffs {
                let _ = writeln!(out, "- {}", d.summary);
            }
        }
    }
    if !a.quotes.is_empty() {
        let _ = writeln!(out, "\n## Quotes\n");
        let _ = writeln!(out, "| Article | Speaker | Verb | Class | Quote |");
        let _ = writeln!(out, "|---|---|---|---|---|");
        for q in &a.quotes {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                article_letter(q.article),
                esc(q.speaker.as_deref().unwrap_or("(unattributed)")),
                esc(q.verb.as_deref().unwrap_or("")),
                q.verb_class
                    .map(|c| format!("{c:?}").to_lowercase())
                    .unwrap_or_default(),
                esc(&q.text)
            );
        }
    }
    if !a.cues.is_empty() {
        let _ = writeln!(out, "\n## Framing cues\n");
        let _ = writeln!(out, "| Article | Words | Category | Why |");
        let _ = writeln!(out, "|---|---|---|---|");
        for c in &a.cues {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                article_letter(c.article),
                esc(&c.text),
                esc(&c.category.to_string()),
                esc(&c.note)
            );
        }
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\n## Notes\n");
        for n in notes {
            let _ = writeln!(
                out,
                "- {}: {}",
                super::note_target(a, &n.target),
                esc(&n.text)
            );
        }
    }
    for (i, art) in a.articles.iter().enumerate() {
        if art.removed.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n## Set aside from {} ({})\n",
            article_letter(i),
            esc(&art.title)
        );
        for r in &art.removed {
            let _ = writeln!(out, "- {}: {}", r.kind.describe(), esc(&r.text));
        }
    }
    out
}
