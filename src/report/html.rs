//! Self-contained HTML export (inline CSS, no scripts or external resources): the articles side
//! by side with highlighted cues and quotes, topics and differences. Articles are named by the
//! [`ExportOptions`]' letters; blind (teaching mode), no outlet, author, title, date or
//! set-aside text is written.

use super::ExportOptions;
use super::options::SET_ASIDE_HIDDEN;
use crate::analysis::Analysis;
use crate::model::{ArticleId, Note};
use std::fmt::Write;

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;line-height:1.5;color:#222}\
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}\
.cols{display:flex;gap:1em}.col{flex:1;min-width:0}.cue{border-bottom:2px solid;cursor:help}\
.hedge{border-color:#0072B2}.booster,.intensifier{border-color:#E69F00}.loaded{border-color:#D55E00}\
.label{border-color:#CC79A7}.quote{background:#eef6ff}.attribution{border-color:#009E73}\
.frame{border-color:#999}.technique{border-color:#882255}.removed{color:#777;font-size:90%}";

/// Renders the analysis as one HTML page, with position letters and names shown.
pub fn render(a: &Analysis, notes: &[Note]) -> String {
    render_with(a, notes, &ExportOptions::default())
}

/// Renders the analysis as one HTML page with these letters, blind or not.
pub fn render_with(a: &Analysis, notes: &[Note], opts: &ExportOptions) -> String {
    let opts = &opts.checked(a.articles.len());
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>framediff comparison</title><style>{STYLE}</style></head><body><h1>framediff comparison</h1>"
    );
    for topic in &a.topics {
        let _ = write!(
            out,
            "<h2>Topic {}: {}</h2>",
            topic.id + 1,
            esc(&topic.label)
        );
        let _ = write!(out, "<p>Terms: {}</p><ul>", esc(&topic.terms.join(", ")));
        for m in &topic.members {
            let _ = write!(
                out,
                "<li><b>{}</b>: {:.0}% of text, first in paragraph {}</li>",
                opts.letter(m.article),
                m.share * 100.0,
                m.first_paragraph + 1
            );
        }
        let _ = write!(out, "</ul>");
        let diffs: Vec<_> = a
            .differences
            .iter()
            .filter(|d| d.topic == topic.id)
            .collect();
        if !diffs.is_empty() {
            let _ = write!(out, "<ul>");
            for d in diffs {
                let _ = write!(out, "<li>{}</li>", esc(&opts.relabel(&d.summary)));
            }
            let _ = write!(out, "</ul>");
        }
    }
    if !notes.is_empty() {
        let _ = write!(out, "<h2>Notes</h2><ul>");
        for n in notes {
            let _ = write!(
                out,
                "<li><b>{}</b>: {}</li>",
                esc(&super::note_target_with(a, &n.target, opts)),
                esc(&n.text)
            );
        }
        let _ = write!(out, "</ul>");
    }
    let _ = write!(out, "<h2>Articles</h2><div class=\"cols\">");
    for (i, art) in a.articles.iter().enumerate() {
        if opts.blind {
            let _ = write!(
                out,
                "<div class=\"col\"><h3>Article {}</h3><p><i>Teaching mode: outlet, author, title and date hidden.</i></p>",
                opts.letter(i)
            );
        } else {
            let _ = write!(
                out,
                "<div class=\"col\"><h3>{} · {}</h3><p><i>{} {} {}</i></p>",
                opts.letter(i),
                esc(&art.title),
                esc(art.source.as_deref().unwrap_or("")),
                esc(art.author.as_deref().unwrap_or("")),
                esc(art.date.as_deref().unwrap_or(""))
            );
        }
        let mut para = usize::MAX;
        for s in &art.sentences {
            if s.paragraph != para {
                if para != usize::MAX {
                    out.push_str("</p>");
                }
                out.push_str("<p>");
                para = s.paragraph;
            }
            out.push_str(&highlight_sentence(a, ArticleId(i), s.index, &s.text));
            out.push(' ');
        }
        if para != usize::MAX {
            out.push_str("</p>");
        }
        if !art.removed.is_empty() && opts.blind {
            let _ = write!(
                out,
                "<p class=\"removed\">{} lines set aside ({SET_ASIDE_HIDDEN}).</p>",
                art.removed.len()
            );
        } else if !art.removed.is_empty() {
            let _ = write!(
                out,
                "<details class=\"removed\"><summary>Set aside ({})</summary><ul>",
                art.removed.len()
            );
            for r in &art.removed {
                let _ = write!(out, "<li>{}: {}</li>", r.kind.describe(), esc(&r.text));
            }
            let _ = write!(out, "</ul></details>");
        }
        out.push_str("</div>");
    }
    out.push_str("</div></body></html>\n");
    out
}

/// One sentence with its cues wrapped in spans whose title explains them.
fn highlight_sentence(a: &Analysis, article: ArticleId, sentence: usize, text: &str) -> String {
    let mut spans: Vec<(usize, usize, String, String)> = a
        .cues
        .iter()
        .filter(|c| c.article == article && c.sentence == sentence && c.end <= text.len())
        .map(|c| {
            let class = c.category.family().to_string();
            (c.start, c.end, class, format!("{}: {}", c.category, c.note))
        })
        .collect();
    spans.extend(
        a.quotes
            .iter()
            .filter(|q| q.article == article && q.sentence == sentence && q.end <= text.len())
            .map(|q| {
                let who = q.speaker.as_deref().unwrap_or("unattributed");
                (
                    q.start,
                    q.end,
                    "quote".to_string(),
                    match q.kind {
                        crate::frame::QuoteKind::Direct => format!("quote from {who}: {}", q.note),
                        crate::frame::QuoteKind::Indirect => {
                            format!("reported speech of {who}: {}", q.note)
                        }
                    },
                )
            }),
    );
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    let mut out = String::new();
    let mut pos = 0;
    for (s, e, class, title) in spans {
        if s < pos || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue; // overlapping spans: keep the first
        }
        out.push_str(&esc(&text[pos..s]));
        let _ = write!(
            out,
            "<span class=\"cue {}\" title=\"{}\">{}</span>",
            esc(&class),
            esc(&title),
            esc(&text[s..e])
        );
        pos = e;
    }
    out.push_str(&esc(&text[pos..]));
    out
}
