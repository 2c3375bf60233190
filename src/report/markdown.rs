//! Markdown export of an analysis: articles, topics with coverage, differences, quotes and cues.
//! Every piece of article-derived text is escaped so that it shows as text wherever the Markdown
//! is rendered: HTML (`<script>`, `<img onerror>`) is inert and link syntax does not form links.
//! Articles are named by the [`ExportOptions`]' letters; blind (teaching mode), no outlet,
//! author, title, date or set-aside text is written.

use super::ExportOptions;
use super::options::SET_ASIDE_HIDDEN;
use crate::analysis::Analysis;
use crate::model::Note;
use std::fmt::Write;

/// Escapes text for a Markdown line or table cell: HTML special characters become entities,
/// link/image brackets and table pipes are backslash-escaped, line breaks become spaces.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '|' | '[' | ']' | '\\' | '`' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Renders the analysis as Markdown, with position letters and names shown.
pub fn render(a: &Analysis, notes: &[Note]) -> String {
    render_with(a, notes, &ExportOptions::default())
}

/// Renders the analysis as Markdown with these letters, blind or not.
pub fn render_with(a: &Analysis, notes: &[Note], opts: &ExportOptions) -> String {
    let opts = &opts.checked(a.articles.len());
    let mut out = String::new();
    let _ = writeln!(out, "# framediff comparison\n");
    let _ = writeln!(out, "## Articles\n");
    if opts.blind {
        let _ = writeln!(
            out,
            "Teaching mode: outlets, authors, titles and dates are hidden.\n"
        );
        let _ = writeln!(out, "| | Sentences |");
        let _ = writeln!(out, "|---|---|");
    } else {
        let _ = writeln!(out, "| | Title | Outlet | Author | Date | Sentences |");
        let _ = writeln!(out, "|---|---|---|---|---|---|");
    }
    for (i, art) in a.articles.iter().enumerate() {
        if opts.blind {
            let _ = writeln!(out, "| {} | {} |", opts.letter(i), art.sentences.len());
            continue;
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            opts.letter(i),
            esc(&art.title),
            esc(art.source.as_deref().unwrap_or("")),
            esc(art.author.as_deref().unwrap_or("")),
            esc(art.date.as_deref().unwrap_or("")),
            art.sentences.len()
        );
    }
    for topic in &a.topics {
        let _ = writeln!(out, "\n## Topic {}: {}\n", topic.id + 1, esc(&topic.label));
        if !topic.terms.is_empty() {
            let _ = writeln!(out, "Terms: {}\n", esc(&topic.terms.join(", ")));
        }
        for m in &topic.members {
            let _ = writeln!(
                out,
                "- **{}** ({:.0}% of text, first in paragraph {}, {:?}):",
                opts.letter(m.article),
                m.share * 100.0,
                m.first_paragraph + 1,
                m.placement
            );
            if let Some(art) = a.articles.get(m.article.index()) {
                for &s in &m.sentences {
                    if let Some(sent) = art.sentences.get(s) {
                        let _ = writeln!(out, "  - {}", esc(&sent.text));
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
                let _ = writeln!(out, "- {}", esc(&opts.relabel(&d.summary)));
            }
        }
    }
    if !a.quotes.is_empty() {
        let _ = writeln!(out, "\n## Quotes\n");
        let _ = writeln!(out, "| Article | Speaker | Verb | Class | Quote | Kind |");
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for q in &a.quotes {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                opts.letter(q.article),
                esc(q.speaker.as_deref().unwrap_or("(unattributed)")),
                esc(q.verb.as_deref().unwrap_or("")),
                q.verb_class
                    .map(|c| format!("{c:?}").to_lowercase())
                    .unwrap_or_default(),
                esc(&q.text),
                q.kind.as_str()
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
                opts.letter(c.article),
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
                esc(&super::note_target_with(a, &n.target, opts)),
                esc(&n.text)
            );
        }
    }
    for (i, art) in a.articles.iter().enumerate() {
        if art.removed.is_empty() {
            continue;
        }
        if opts.blind {
            let _ = writeln!(
                out,
                "\n## Set aside from {}\n\n{} lines set aside ({SET_ASIDE_HIDDEN}).",
                opts.letter(i),
                art.removed.len()
            );
            continue;
        }
        let _ = writeln!(
            out,
            "\n## Set aside from {} ({})\n",
            opts.letter(i),
            esc(&art.title)
        );
        for r in &art.removed {
            let _ = writeln!(out, "- {}: {}", r.kind.describe(), esc(&r.text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_links_are_inert() {
        let e = esc(
            "<script>alert(1)</script> <img src=x onerror=\"a()\"> [x](javascript:a) a|b & c\nd",
        );
        assert!(!e.contains('<') && !e.contains('>'), "{e}");
        assert!(e.contains("&lt;script&gt;"), "{e}");
        assert!(e.contains("\\[x\\](javascript:a)"), "{e}");
        assert!(e.contains("a\\|b &amp; c d"), "{e}");
    }

    #[test]
    fn export_escapes_article_text() {
        let body = "The council met <script>alert(1)</script> on Monday. \
                    It approved <svg onload=alert(2)> the budget.";
        let mut art = crate::Article::from_body(
            "x.txt",
            crate::Format::Text,
            "<img src=x onerror=alert(3)>".into(),
            body,
        );
        art.source = Some("<b>Site</b>".into());
        let lex = crate::Config::builtin();
        let analysis = crate::analyze(vec![art.clone(), art], &lex);
        let md = render(&analysis, &[]);
        for bad in ["<script", "<svg", "<img", "<b>"] {
            assert!(!md.contains(bad), "{bad} in {md}");
        }
        assert!(md.contains("&lt;img src=x onerror=alert(3)&gt;"), "{md}");
    }
}
