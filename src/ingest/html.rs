//! HTML pages: main text via `dom_smoothie` (a Readability port); metadata from the page's
//! markup: the publication date from JSON-LD of any type (`@graph` included), `article:` / `og:`
//! metas, `pubdate` metas and microdata; the title without a site suffix; authors that are
//! names; tags from meta keywords and `article:tag`.

use super::clean::{Meta, classify, name_like};
use super::date::normalize_date;
use crate::error::IngestProblem;
use crate::model::{Removed, RemovedKind};
use crate::text::segment::collapse_whitespace;
use dom_smoothie::{Config, Readability, TextMode};
use serde_json::Value;

/// What an HTML page yields.
pub struct Page {
    /// Main text, paragraphs on their own lines.
    pub text: String,
    pub meta: Meta,
    /// Text blocks of the page that are not part of the main text (navigation, footers, share
    /// bars), kept so the user can see what was set aside.
    pub dropped: Vec<Removed>,
    /// Entries of `dropped` whose kind is still to be told by the page cleaner's rules
    /// ([`super::clean::classify`]; navigation unless they say otherwise). [`extract`] has told
    /// them; [`extract_unclassified`] leaves that to the caller (the reading worker does not
    /// compile the cleaner's patterns).
    pub unclassified: Vec<usize>,
    /// Set when the page's markup was beyond what the main-text finder can take in time (see
    /// [`MAX_DEPTH`]) and the whole page was read as plain text instead: the sentence says so.
    pub notice: Option<String>,
}

/// Deepest element nesting the main-text finder is given. Readability's scoring walks every
/// element's descendants, which costs about elements × depth: a page nested thousands deep (or a
/// broken one whose unclosed tags nest) takes minutes. Real article pages nest a few dozen deep
/// (at most 31 in the 90 pages of the pages dev set); deeper pages are read as plain text, block
/// by block, and the page cleaner sets their boilerplate aside as for copied text.
pub const MAX_DEPTH: usize = 256;

/// Block elements whose text is compared with the main text to find what was dropped.
const BLOCKS: &str = "nav, p, li, figcaption, h1, h2, h3, h4, blockquote, td";

/// Elements that hold image captions and credits.
const CAPTIONS: &str = "figcaption";

/// Reads an HTML page.
#[cfg(test)]
pub fn extract(html: &str) -> Result<Page, IngestProblem> {
    let mut page = extract_unclassified(html)?;
    classify_dropped(&mut page.dropped, &std::mem::take(&mut page.unclassified));
    Ok(page)
}

/// Tells the kind of the set-aside blocks at `which` (navigation unless the cleaner's rules say
/// otherwise).
pub fn classify_dropped(dropped: &mut [Removed], which: &[usize]) {
    for &i in which {
        if let Some(d) = dropped.get_mut(i) {
            d.kind = classify(&d.text).unwrap_or(RemovedKind::Navigation);
        }
    }
}

/// [`extract`] without telling the kinds of the set-aside blocks (see [`Page::unclassified`]).
pub fn extract_unclassified(html: &str) -> Result<Page, IngestProblem> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    // the tree builder is slow on very deep pages too: a first, linear look
    let estimate = super::html_plain::scan(html, false).depth;
    if estimate > MAX_DEPTH {
        return plain_page(html, estimate, None);
    }
    let mut readability =
        Readability::new(html, None, Some(cfg)).map_err(|e| IngestProblem::Html(e.to_string()))?;
    strip_inactive(&readability);
    let depth = max_depth(&readability.doc);
    if depth > MAX_DEPTH {
        return plain_page(html, depth, Some(&readability.doc));
    }
    // Figure captions and gallery credits are not article text: set them aside before the
    // main text is chosen.
    let captions: Vec<String> = readability
        .doc
        .select(CAPTIONS)
        .iter()
        .map(|n| collapse_whitespace(&n.text()))
        .filter(|t| !t.is_empty())
        .collect();
    readability.doc.select(CAPTIONS).remove();
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
    let marked = read_markup(&readability.doc);
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
    let site = nonempty(article.site_name.clone()).or_else(|| marked.site.clone());
    let host = url
        .as_deref()
        .or(article.url.as_deref())
        .and_then(host_of)
        .unwrap_or_default();
    let title = marked
        .headline
        .clone()
        .or_else(|| {
            Some(strip_site_suffix(
                article.title.trim(),
                site.as_deref(),
                &h1,
                &host,
            ))
        })
        .map(|t| crate::text::segment::collapse_whitespace(&t))
        .filter(|t| !t.is_empty());
    let author = marked
        .authors
        .iter()
        .find_map(|a| clean_author(a))
        .or_else(|| article.byline.as_deref().and_then(clean_author));
    let meta = Meta {
        title,
        source: site,
        author,
        date: marked
            .date
            .clone()
            .or_else(|| article.published_time.as_deref().and_then(normalize_date)),
        url: nonempty(url.or(article.url)),
        tags,
        illustrative: false,
    };
    let main = collapse_whitespace(&text);
    let mut dropped: Vec<Removed> = captions
        .into_iter()
        .map(|text| Removed {
            kind: RemovedKind::Caption,
            text,
        })
        .collect();
    // paragraphs of the main text, for a quick exact check before the substring search
    let main_lines: std::collections::HashSet<String> = text
        .lines()
        .map(collapse_whitespace)
        .filter(|l| !l.is_empty())
        .collect();
    let mut unclassified = Vec::new();
    for block in blocks {
        if main_lines.contains(&block) {
            continue;
        }
        let inside_nav = dropped.iter().any(|d| d.text.contains(&block));
        if main.contains(&block) || inside_nav || meta.title.as_deref() == Some(block.as_str()) {
            continue;
        }
        unclassified.push(dropped.len());
        dropped.push(Removed {
            kind: RemovedKind::Navigation,
            text: block,
        });
    }
    Ok(Page {
        text,
        meta,
        dropped,
        unclassified,
        notice: None,
    })
}

/// How deep the page's elements nest (the root is depth 0), without recursion.
pub fn max_depth(doc: &dom_query::Document) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        let mut child = node.first_child();
        while let Some(c) = child {
            if c.is_element() {
                stack.push((c, depth + 1));
            }
            child = c.next_sibling();
        }
    }
    deepest
}

/// A page nested deeper than [`MAX_DEPTH`]: its whole text, with the metadata its markup
/// declares, and a notice saying it was read as plain text.
/// `doc` is the page's tree when it was built (its markup then gives the metadata).
fn plain_page(
    html: &str,
    depth: usize,
    doc: Option<&dom_query::Document>,
) -> Result<Page, IngestProblem> {
    let scan = super::html_plain::scan(html, true);
    if scan.text.trim().is_empty() {
        return Err(IngestProblem::Html("no main text".into()));
    }
    let marked = doc.map(read_markup).unwrap_or_default();
    let title = marked
        .headline
        .clone()
        .or_else(|| (!scan.title.is_empty()).then_some(scan.title));
    let meta = Meta {
        title,
        source: marked.site.clone(),
        author: marked.authors.iter().find_map(|a| clean_author(a)),
        date: marked.date.clone(),
        ..Meta::default()
    };
    Ok(Page {
        text: scan.text,
        meta,
        dropped: Vec::new(),
        unclassified: Vec::new(),
        notice: Some(format!(
            "The page's markup nests {depth} levels deep (more than {MAX_DEPTH}), too deep to \
             tell its article from the rest of the page in time: the whole page was read as \
             plain text, and its boilerplate set aside line by line."
        )),
    })
}

/// Metadata the page's markup declares.
#[derive(Debug, Default)]
struct Markup {
    /// The article's headline, when the markup names one that the page title confirms.
    headline: Option<String>,
    date: Option<String>,
    authors: Vec<String>,
    site: Option<String>,
}

/// Reads JSON-LD, meta tags and microdata.
fn read_markup(doc: &dom_query::Document) -> Markup {
    let mut m = Markup::default();
    let mut ld = LinkedData::default();
    for node in doc.select("script[type='application/ld+json']").iter() {
        if let Ok(v) = serde_json::from_str::<Value>(node.text().trim()) {
            ld.walk(&v);
        }
    }
    let meta = |sel: &str| -> Option<String> {
        doc.select(sel)
            .iter()
            .filter_map(|n| n.attr("content").map(|c| c.trim().to_string()))
            .find(|c| !c.is_empty())
    };
    // Publication date: JSON-LD, then metas, then microdata.
    m.date = ld.dates.iter().find_map(|d| normalize_date(d)).or_else(|| {
        [
            "meta[property='article:published_time']",
            "meta[property='og:published_time']",
            "meta[property='og:pubdate']",
            "meta[name='pubdate']",
            "meta[name='publishdate']",
            "meta[name='publish-date']",
            "meta[name='date']",
            "meta[name='dc.date.issued']",
            "meta[name='DC.date.issued']",
            "meta[itemprop='datePublished']",
        ]
        .iter()
        .find_map(|sel| meta(sel).and_then(|d| normalize_date(&d)))
        .or_else(|| {
            doc.select("[itemprop='datePublished']")
                .iter()
                .find_map(|n| {
                    let v = n
                        .attr("datetime")
                        .or_else(|| n.attr("content"))
                        .map(|s| s.to_string())
                        .unwrap_or_else(|| n.text().to_string());
                    normalize_date(&v)
                })
        })
    });
    // Authors: JSON-LD, metas, microdata, rel=author links.
    m.authors = ld.authors;
    for sel in ["meta[name='author']", "meta[property='article:author']"] {
        if let Some(a) = meta(sel) {
            m.authors.push(a);
        }
    }
    for n in doc.select("[itemprop='author']").iter() {
        let name = n.select("[itemprop='name']");
        let text = if name.length() > 0 {
            name.attr("content")
                .map(|s| s.to_string())
                .unwrap_or_else(|| name.text().to_string())
        } else {
            n.attr("content")
                .map(|s| s.to_string())
                .unwrap_or_else(|| n.text().to_string())
        };
        m.authors.push(text);
    }
    for n in doc.select("a[rel='author']").iter() {
        m.authors.push(n.text().to_string());
    }
    m.site = meta("meta[property='og:site_name']");
    // Headline: an h1 that the page title repeats, else the JSON-LD headline.
    let page_titles: Vec<String> = [
        meta("meta[property='og:title']"),
        meta("meta[name='twitter:title']"),
        Some(doc.select("title").first().text().to_string()),
        ld.headline.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|t| fold(&t))
    .filter(|t| !t.is_empty())
    .collect();
    m.headline = doc
        .select("h1")
        .iter()
        .take(5)
        .map(|n| crate::text::segment::collapse_whitespace(&n.text()))
        .find(|h| {
            let f = fold(h);
            f.split(' ').count() >= 2 && page_titles.iter().any(|t| t.contains(&f))
        })
        .or(ld.headline);
    m
}

/// What JSON-LD objects of any type say (nested objects and `@graph` arrays included).
#[derive(Debug, Default)]
struct LinkedData {
    dates: Vec<String>,
    authors: Vec<String>,
    headline: Option<String>,
}

impl LinkedData {
    fn walk(&mut self, v: &Value) {
        match v {
            Value::Array(items) => items.iter().for_each(|x| self.walk(x)),
            Value::Object(o) => {
                if let Some(Value::String(d)) = o.get("datePublished") {
                    self.dates.push(d.clone());
                }
                if let Some(Value::String(h)) = o.get("headline")
                    && self.headline.is_none()
                    && !h.trim().is_empty()
                {
                    self.headline = Some(h.trim().to_string());
                }
                if let Some(a) = o.get("author") {
                    names(a, &mut self.authors);
                }
                for (k, x) in o {
                    if k != "author" {
                        self.walk(x);
                    }
                }
            }
            _ => {}
        }
    }
}

fn names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| names(x, out)),
        Value::Object(o) => {
            if let Some(n) = o.get("name") {
                names(n, out);
            }
        }
        _ => {}
    }
}

/// Lower-case words joined by single spaces.
fn fold(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The host of a URL ("https://www.example.com/a" -> "www.example.com").
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| host.to_lowercase())
}

/// An author value reduced to the name: "By" and dates dropped; refused when it is a URL, a
/// bare label, a form field or not name-shaped.
fn clean_author(raw: &str) -> Option<String> {
    let mut t = crate::text::segment::collapse_whitespace(raw);
    for prefix in ["By ", "by ", "BY ", "Von ", "Por ", "Par "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.to_string();
        }
    }
    if t.contains("://") || t.starts_with('@') && !t.contains(' ') {
        return None;
    }
    // cut at a date, a time or a separator followed by one
    if let Some(pos) = t.find(|c: char| c.is_ascii_digit()) {
        t.truncate(pos);
    }
    let t = t
        .trim()
        .trim_end_matches(['-', '|', ',', '–', '—', '·', ':'])
        .trim()
        .to_string();
    let words = t.split_whitespace().count();
    let lower = t.to_lowercase();
    let label = matches!(
        lower.as_str(),
        "by" | "author" | "admin" | "name" | "staff" | "editor"
    );
    let ok = (1..=8).contains(&words)
        && !label
        && !t.ends_with(['*', '?'])
        && t.chars().any(char::is_alphabetic)
        && (name_like(&t) || t.chars().next().is_some_and(|c| !c.is_ascii()));
    ok.then_some(t)
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

/// Drops a " | Site Name" tail from a page title when it names the site or the host (or the
/// page's h1 is the part before it).
fn strip_site_suffix(title: &str, site: Option<&str>, h1: &str, host: &str) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_f = fold(tail);
            let names_site = site.is_some_and(|s| {
                let s = fold(s);
                !s.is_empty() && !tail_f.is_empty() && (s.contains(&tail_f) || tail_f.contains(&s))
            });
            let squeezed = tail_f.replace(' ', "");
            let names_host =
                squeezed.len() >= 2 && host.replace(['-', '.'], "").contains(&squeezed);
            if names_site || names_host || (!h1.is_empty() && head.trim() == h1.trim()) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &str) -> Page {
        let html = format!(
            "<!DOCTYPE html><html><head>{head}</head><body><article><h1>Quay reopens</h1>\
             <p>The quay reopened on Monday after a week of repairs to the lock gates and the pier.</p>\
             <p>Boats returned in the morning and the ferry is expected to run again from Wednesday.</p>\
             <p>The port authority said the work cost less than planned because the weather stayed calm.</p>\
             {body}</article></body></html>"
        );
        extract(&html).unwrap()
    }

    #[test]
    fn dates_from_every_kind_of_markup() {
        for (head, body) in [
            (
                r#"<meta property="og:pubdate" content="2021-03-04T10:00:00Z">"#,
                "",
            ),
            (r#"<meta name="pubdate" content="2021-03-04">"#, ""),
            (
                "",
                r#"<time itemprop="datePublished" datetime="2021-03-04T08:00">4 March</time>"#,
            ),
            ("", r#"<span itemprop="datePublished">March 4, 2021</span>"#),
            (
                r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":"Report","datePublished":"2021-03-04T09:00:00+01:00"}]}</script>"#,
                "",
            ),
            (
                r#"<meta property="article:published_time" content="2021-03-04T12:00:00Z">"#,
                "",
            ),
        ] {
            assert_eq!(
                page(head, body).meta.date.as_deref(),
                Some("2021-03-04"),
                "{head}{body}"
            );
        }
    }

    #[test]
    fn titles_and_authors() {
        let p = page(
            r#"<title>Quay reopens - Harbour News</title><meta property="og:site_name" content="Harbour News"><meta name="author" content="By">"#,
            r#"<span itemprop="author"><span itemprop="name">Ines Berg</span></span>"#,
        );
        assert_eq!(p.meta.title.as_deref(), Some("Quay reopens"));
        assert_eq!(p.meta.author.as_deref(), Some("Ines Berg"));
        assert_eq!(clean_author("admin - 2018-09-16"), None);
        assert_eq!(clean_author("Name*"), None);
        assert_eq!(clean_author("By Ines Berg"), Some("Ines Berg".into()));
        assert_eq!(clean_author("https://example.org/ines"), None);
    }

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
            strip_site_suffix("Deal signed | Gazette", Some("The Gazette"), "", ""),
            "Deal signed"
        );
        assert_eq!(
            strip_site_suffix("Deal signed - Gazette", None, "Deal signed", ""),
            "Deal signed"
        );
        assert_eq!(
            strip_site_suffix("Deal signed - GZT", None, "", "www.gzt.example"),
            "Deal signed"
        );
        assert_eq!(
            strip_site_suffix("Left - right talks", None, "Other", "example.org"),
            "Left - right talks"
        );
    }

    #[test]
    fn a_page_nested_too_deep_is_read_whole_as_plain_text() {
        let depth = MAX_DEPTH * 20;
        let mut html = String::from("<html><head><title>Deep page</title></head><body>");
        for i in 0..depth {
            html.push_str(&format!("<div>Line {i} of the page."));
        }
        let page = extract(&html).expect("a deep page reads");
        let notice = page.notice.expect("the fallback says so");
        assert!(
            notice.contains(&format!("nests {depth} levels")),
            "{notice}"
        );
        assert_eq!(page.meta.title.as_deref(), Some("Deep page"));
        // every block's text, a line each, in order
        let lines: Vec<&str> = page.text.lines().collect();
        assert_eq!(lines.len(), depth, "{:?}", &lines[..3]);
        assert_eq!(lines[0], "Line 0 of the page.");
        assert_eq!(lines[depth - 1], format!("Line {} of the page.", depth - 1));
    }

    #[test]
    fn real_pages_nest_well_within_the_limit() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pages-dev/html");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipped: {} is not present", dir.display());
            return;
        };
        let mut deepest = 0;
        for e in entries.flatten() {
            let mut bytes = Vec::new();
            let file = std::fs::File::open(e.path()).expect("readable page");
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(file), &mut bytes)
                .expect("a gzip page");
            let (text, _) = crate::ingest::decode::decode(&bytes).expect("decodable page");
            deepest = deepest.max(max_depth(&dom_query::Document::from(text.as_str())));
        }
        eprintln!("deepest nesting in the pages dev set: {deepest}");
        assert!(deepest > 10 && deepest * 2 < MAX_DEPTH, "deepest {deepest}");
    }
}
