//! Reading articles from bytes: format sniffing, decoding, per-format extraction (plain text,
//! Markdown with YAML front matter, HTML, PDF, pasted text) and boilerplate clean-up.
//!
//! The core does no file I/O: callers hand over the bytes (see `crate::files` for reading paths).

pub mod clean;
pub mod date;
pub mod decode;
mod gated;
mod html;
mod html_plain;
mod markdown;
mod pdf;

use crate::error::{IngestError, IngestProblem};
use crate::model::{Article, Format};
use clean::Meta;

/// Largest article file framediff reads.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Guesses the format from the extension, then (for unknown extensions) from the bytes.
pub fn sniff(path: &str, bytes: &[u8]) -> Format {
    let ext = std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "text" => return Format::Text,
        "md" | "markdown" | "mdown" => return Format::Markdown,
        "html" | "htm" | "xhtml" => return Format::Html,
        "pdf" => return Format::Pdf,
        _ => {}
    }
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        return Format::Html;
    }
    if head.starts_with("---\n") || head.starts_with("---\r\n") {
        return Format::Markdown;
    }
    Format::Text
}

/// Reads one article from its bytes. `path` is echoed into the record and error messages.
/// The same as [`parse`] then [`finish`].
pub fn ingest(path: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    finish(path, parse(path, bytes)?)
}

/// What the format's reader makes of a file, before the page cleaner: the part of reading that
/// runs foreign parsers over untrusted structure (PDF, HTML, YAML front matter), which a
/// reading worker does (see `isolate`); [`finish`] does the rest.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Parsed {
    pub format: Format,
    /// The text, paragraphs on their own lines.
    pub raw: String,
    pub meta: Meta,
    /// Blocks the reader set aside (HTML page chrome, captions).
    pub dropped: Vec<crate::model::Removed>,
    /// Entries of `dropped` whose kind [`finish`] tells (see [`html::Page::unclassified`]).
    pub unclassified: Vec<usize>,
    /// Set when the reader fell back to the page's plain text (see [`html::Page::notice`]):
    /// [`finish`] then cleans it as copied text and passes the notice on to the article.
    #[serde(default)]
    pub notice: Option<String>,
}

/// The format's reader: decoding and extraction (see [`Parsed`]).
pub fn parse(path: &str, bytes: &[u8]) -> Result<Parsed, IngestError> {
    let err = |problem| IngestError::new(path, problem);
    if bytes.len() as u64 > MAX_BYTES {
        return Err(err(IngestProblem::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_BYTES,
        }));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(err(IngestProblem::Empty));
    }
    let format = sniff(path, bytes);
    let (mut dropped, mut unclassified, mut notice) = (Vec::new(), Vec::new(), None);
    let (raw, meta) = match format {
        Format::Pdf => (pdf::extract(bytes).map_err(err)?, Meta::default()),
        _ => {
            let (text, _enc) = decode::decode(bytes).map_err(err)?;
            match format {
                Format::Html => {
                    let page = html::extract_unclassified(&text).map_err(err)?;
                    dropped = page.dropped;
                    unclassified = page.unclassified;
                    notice = page.notice;
                    (page.text, page.meta)
                }
                Format::Markdown => markdown::extract(&text).map_err(err)?,
                _ => (text, Meta::default()),
            }
        }
    };
    Ok(Parsed {
        format,
        raw,
        meta,
        dropped,
        unclassified,
        notice,
    })
}

/// The page cleaner and the article record: boilerplate set aside with its kind, metadata
/// lifted from the text, sentences segmented.
pub fn finish(path: &str, parsed: Parsed) -> Result<Article, IngestError> {
    let Parsed {
        format,
        raw,
        mut meta,
        mut dropped,
        unclassified,
        notice,
    } = parsed;
    html::classify_dropped(&mut dropped, &unclassified);
    let cleaned = if format == Format::Text || notice.is_some() {
        clean::clean_page(&raw, &mut meta)
    } else {
        clean::clean_text(&raw, &mut meta)
    };
    let body = cleaned.lines.join("\n");
    let mut article = Article {
        path: path.to_string(),
        format,
        illustrative: meta.illustrative,
        removed: dropped,
        notices: notice.into_iter().collect(),
        ..Article::default()
    };
    article.removed.extend(cleaned.removed);
    article.set_body(&body);
    if article.sentences.is_empty() {
        return Err(IngestError::new(path, IngestProblem::NoText));
    }
    article.title = meta.title.unwrap_or_else(|| fallback_title(path, &article));
    article.source = meta.source;
    article.author = meta.author;
    article.date = meta.date;
    article.url = meta.url;
    article.tags = meta.tags;
    Ok(article)
}

/// Reads text pasted by the user as an article labelled `label` (e.g. "pasted:1").
pub fn ingest_pasted(label: &str, text: &str) -> Result<Article, IngestError> {
    let trimmed = text.trim_start_matches('\u{feff}');
    let looks_html = {
        let head = trimmed.trim_start().to_lowercase();
        head.starts_with("<!doctype html") || head.starts_with("<html")
    };
    let front_matter = trimmed.starts_with("---\n") || trimmed.starts_with("---\r\n");
    let mut article = if looks_html {
        ingest(&format!("{label}.html"), trimmed.as_bytes())?
    } else if front_matter {
        ingest(&format!("{label}.md"), trimmed.as_bytes())?
    } else {
        ingest(&format!("{label}.txt"), trimmed.as_bytes())?
    };
    article.path = label.to_string();
    article.format = Format::Pasted;
    Ok(article)
}

fn fallback_title(path: &str, article: &Article) -> String {
    if let Some(first) = article.sentences.first() {
        let words: Vec<&str> = first.text.split_whitespace().take(10).collect();
        if !words.is_empty() {
            let mut t = words.join(" ");
            if first.text.split_whitespace().count() > 10 {
                t.push('…');
            }
            return t;
        }
    }
    std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(path)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_unknown_extensions() {
        assert_eq!(sniff("a.dat", b"%PDF-1.4"), Format::Pdf);
        assert_eq!(sniff("a", b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            sniff("a.article", b"---\ntitle: x\n---\nbody"),
            Format::Markdown
        );
        assert_eq!(sniff("a.log", b"Just text."), Format::Text);
        assert_eq!(sniff("A.HTM", b"whatever"), Format::Html);
    }

    #[test]
    fn pasted_markdown_with_front_matter() {
        let a = ingest_pasted(
            "pasted:1",
            "---\ntitle: Harbour reopens\nsource: Example Wire\n---\nThe harbour reopened on Monday after a week of repairs to the quay.\n",
        )
        .unwrap();
        assert_eq!(a.title, "Harbour reopens");
        assert_eq!(a.source.as_deref(), Some("Example Wire"));
        assert_eq!(a.format, Format::Pasted);
        assert!(!a.body.contains("title:"), "{}", a.body);
        let empty = ingest_pasted(
            "pasted:2",
            "---\n---\nThe quay was rebuilt in a week by the port's own crews.\n",
        )
        .unwrap();
        assert!(!empty.body.contains("---"), "{}", empty.body);
    }

    #[test]
    fn too_large_and_empty() {
        let big = vec![b'a'; (MAX_BYTES + 1) as usize];
        assert!(matches!(
            ingest("big.txt", &big).unwrap_err().problem,
            IngestProblem::TooLarge { .. }
        ));
        assert_eq!(
            ingest("e.txt", b" \n ").unwrap_err().problem,
            IngestProblem::Empty
        );
    }
}
