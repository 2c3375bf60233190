//! HTML pages: main text, title, byline, site name and publication date via `dom_smoothie`
//! (a Readability port that also reads meta tags and JSON-LD), plus tags from meta keywords and
//! `article:tag`.

use super::clean::{Meta, classify};
use super::date::normalize_date;
use crate::error::IngestProblem;
use crate::model::{Removed, RemovedKind};
use crate::text::segment::collapse_whitespace;
use dom_smoothie::{Config, Readability, TextMode};

/// What an HTML page yields.
pub struct Page {
    /// Main text, paragraphs on their own lines.
    pub text: String,
    pub meta: Meta,
    /// Text blocks of the page that are not part of the main text (navigation, footers, share
    /// bars), kept so the user can see what was set aside.
    pub dropped: Vec<Removed>,
}

/// Block elements whose text is compared with the main text to find what was dropped.
const BLOCKS: &str = "nav, p, li, figcaption, h1, h2, h3, h4, blockquote, td";

/// Reads an HTML page.
pub fn extract(html: &str) -> Result<Page, IngestProblem> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability =
        Readability::new(html, None, Some(cfg)).map_err(|e| IngestProblem::Html(e.to_string()))?;
    strip_inactive(&readability);
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
    let blocks: Vec<String> = readability
        .doc
        .select(BLOCKS)
        .iter()
        .filter(|n| {
            // leaf-ish blocks only: skip those containing another selected block
            n.select(BLOCKS).length() == 0 || n.is("nav")
        })
        .map(|n| collapse_whitespace(&n.text()))
        .filter(|t| !t.is_empty())
        .collect();
    let h1 = readability
        .doc
        .select("h1")
        .first()
        .text()
        .trim()
        .to_string();
    let article = readability
        .parse()
        .map_err(|e| IngestProblem::Html(e.to_string()))?;
    let text = article.text_content.to_string();
    if text.trim().is_empty() {
        return Err(IngestProblem::Html("no main text".into()));
    }
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let meta = Meta {
        title: Some(strip_site_suffix(
            article.title.trim(),
            article.site_name.as_deref(),
            &h1,
        ))
        .filter(|t| !t.is_empty()),
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
        illustrative: false,
    };
    let main = collapse_whitespace(&text);
    let mut dropped: Vec<Removed> = Vec::new();
    for block in blocks {
        let inside_nav = dropped.iter().any(|d| d.text.contains(&block));
        if main.contains(&block) || inside_nav || meta.title.as_deref() == Some(block.as_str()) {
            continue;
        }
        let kind = classify(&block).unwrap_or(RemovedKind::Navigation);
        dropped.push(Removed { kind, text: block });
    }
    Ok(Page {
        text,
        meta,
        dropped,
    })
}

/// Elements whose text is never article text: scripts (JSON-LD metadata is kept), styles,
/// noscript fallbacks, templates and embedded frames and objects.
const INACTIVE: &str = "script:not([type='application/ld+json']), style, noscript, template, \
                        iframe, object, embed, frameset";

/// Removes [`INACTIVE`] elements before anything is extracted, so their text shows up neither
/// as article text nor in the set-aside list.
fn strip_inactive(readability: &Readability) {
    readability.doc.select(INACTIVE).remove();
}

/// Drops a " | Site Name" tail from a page title when it names the site (or the page's h1 is
/// the part before it).
fn strip_site_suffix(title: &str, site: Option<&str>, h1: &str) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let names_site = site.is_some_and(|s| {
                let (s, t) = (s.to_lowercase(), tail.trim().to_lowercase());
                s.contains(&t) || t.contains(&s)
            });
            if names_site || (!h1.is_empty() && head.trim() == h1) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_style_text_is_never_article_or_set_aside_text() {
        let para = "<p>The council met on Monday and approved the budget after a long debate \
                    about schools, roads and the new library in the town centre.</p>";
        let html = format!(
            "<html><head><title>Budget</title><script>var MARKA = 1;</script>\
             <style>.MARKB {{}}</style></head><body><nav>Home News</nav><article>{para}\
             <p>Observers called it fair.<script>document.write('MARKC')</script></p>\
             <noscript>MARKD enable scripts</noscript><template>MARKE</template>\
             <svg><script>MARKF</script></svg>{para}</article></body></html>"
        );
        let page = extract(&html).unwrap();
        let set_aside: Vec<&str> = page.dropped.iter().map(|d| d.text.as_str()).collect();
        for mark in ["MARKA", "MARKB", "MARKC", "MARKD", "MARKE", "MARKF"] {
            assert!(!page.text.contains(mark), "{mark} in {}", page.text);
            assert!(
                !set_aside.iter().any(|t| t.contains(mark)),
                "{mark} in {set_aside:?}"
            );
        }
        assert!(
            page.text.contains("Observers called it fair."),
            "{}",
            page.text
        );
    }

    #[test]
    fn site_suffix() {
        assert_eq!(
            strip_site_suffix("Deal signed | Gazette", Some("The Gazette"), ""),
            "Deal signed"
        );
        assert_eq!(
            strip_site_suffix("Deal signed - Gazette", None, "Deal signed"),
            "Deal signed"
        );
        assert_eq!(
            strip_site_suffix("Left - right talks", None, "Other"),
            "Left - right talks"
        );
    }
}
