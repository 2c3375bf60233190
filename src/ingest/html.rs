//! HTML pages: main text, title, byline, site name and publication date via `dom_smoothie`
//! (a Readability port that also reads meta tags and JSON-LD), plus tags from meta keywords and
//! `article:tag`.

use super::clean::Meta;
use super::date::normalize_date;
use crate::error::IngestProblem;
use dom_smoothie::{Config, Readability, TextMode};

/// Returns (main text with paragraphs on their own lines, metadata).
pub fn extract(html: &str) -> Result<(String, Meta), IngestProblem> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability =
        Readability::new(html, None, Some(cfg)).map_err(|e| IngestProblem::Html(e.to_string()))?;
    let mut tags: Vec<String> = Vec::new();
    for sel in [
        "meta[property='article:tag']",
        "meta[name='keywords']",
        "meta[name='news_keywords']",
    ] {
        for node in readability.doc.select(sel).iter() {
            if let Some(content) = node.attr("content") {
                for t in content.split(',') {
                    let t = t.trim().to_string();
                    if !t.is_empty() && !tags.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
                        tags.push(t);
                    }
                }
            }
        }
    }
    let url = readability
        .doc
        .select("link[rel='canonical']")
        .attr("href")
        .map(|s| s.to_string())
        .or_else(|| {
            readability
                .doc
                .select("meta[property='og:url']")
                .attr("content")
                .map(|s| s.to_string())
        });
    let article = readability
        .parse()
        .map_err(|e| IngestProblem::Html(e.to_string()))?;
    let text = article.text_content.to_string();
    if text.trim().is_empty() {
        return Err(IngestProblem::Html("no main text".into()));
    }
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let meta = Meta {
        title: Some(article.title.trim().to_string()).filter(|t| !t.is_empty()),
        source: nonempty(article.site_name),
        author: nonempty(article.byline).map(|b| {
            b.trim_start_matches("By ")
                .trim_start_matches("by ")
                .trim()
                .to_string()
        }),
        date: article.published_time.as_deref().and_then(normalize_date),
        url: nonempty(url.or(article.url)),
        tags,
    };
    Ok((text, meta))
}
