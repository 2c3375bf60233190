//! Markdown articles with YAML front matter (title, source/outlet, author, date, url, tags,
//! illustrative); the Markdown body is reduced to plain paragraphs.

use super::clean::Meta;
use super::date::normalize_date;
use crate::error::IngestProblem;
use serde_norway::Value;

/// Splits front matter from the body and returns (plain body, metadata).
pub fn extract(text: &str) -> Result<(String, Meta), IngestProblem> {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut meta = Meta::default();
    let body = match split_front_matter(&text) {
        Some((yaml, body)) if yaml.trim().is_empty() => body,
        Some((yaml, body)) => {
            let value: Value = serde_norway::from_str(yaml)
                .map_err(|e| IngestProblem::FrontMatter(e.to_string()))?;
            let get = |key: &str| -> Option<String> {
                match value.get(key)? {
                    Value::String(s) => Some(s.trim().to_string()),
                    Value::Number(n) => Some(n.to_string()),
                    Value::Bool(b) => Some(b.to_string()),
                    _ => None,
                }
                .filter(|s| !s.is_empty())
            };
            meta.title = get("title");
            meta.source = get("source")
                .or_else(|| get("outlet"))
                .or_else(|| get("site"));
            meta.author = get("author").or_else(|| get("byline"));
            meta.date = get("date").and_then(|d| normalize_date(&d));
            meta.url = get("url");
            meta.tags = match value.get("tags") {
                Some(Value::Sequence(items)) => items
                    .iter()
                    .filter_map(|v| v.as_str().map(|s| s.trim().to_string()))
                    .filter(|s| !s.is_empty())
                    .collect(),
                Some(Value::String(s)) => s
                    .split(',')
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect(),
                _ => Vec::new(),
            };
            meta.illustrative = matches!(value.get("illustrative"), Some(Value::Bool(true)));
            body
        }
        None => text.as_str(),
    };
    Ok((strip_markdown(body), meta))
}

/// Splits `---` YAML `---` from the body. An empty block (`---` right after `---`) is front
/// matter too, with nothing in it.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---\n")?;
    if let Some(after) = rest.strip_prefix("---")
        && (after.is_empty() || after.starts_with('\n'))
    {
        return Some(("", after.strip_prefix('\n').unwrap_or(after)));
    }
    let end = rest.find("\n---")?;
    let yaml = &rest[..end];
    let after = &rest[end + 4..];
    let body = after.split_once('\n').map_or("", |(_, b)| b);
    Some((yaml, body))
}

/// Reduces Markdown to plain text lines: headings keep their text, emphasis markers, links and
/// images are unwrapped, block quotes and list markers are kept as text.
fn strip_markdown(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let t = line.trim_end();
        let t = if t.trim_start().starts_with('#') && !t.trim_start().starts_with("#[") {
            t.trim_start().trim_start_matches('#').trim_start()
        } else {
            t
        };
        let t = t.strip_prefix("> ").unwrap_or(t);
        out.push_str(&unwrap_inline(t));
        out.push('\n');
    }
    out
}

fn unwrap_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    // where the next `]` and `)` are from each position (one pass from the end, so that a line
    // of many `[` is not searched again from each)
    let next_of = |wanted: char| {
        let mut next = vec![usize::MAX; chars.len() + 1];
        for j in (0..chars.len()).rev() {
            next[j] = if chars[j] == wanted { j } else { next[j + 1] };
        }
        next
    };
    let (next_bracket, next_paren) = (next_of(']'), next_of(')'));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // ![alt](url) and [text](url)
        if (c == '[' || (c == '!' && chars.get(i + 1) == Some(&'[')))
            && let Some((text, next)) = link_at(
                &chars,
                if c == '!' { i + 1 } else { i },
                &next_bracket,
                &next_paren,
            )
        {
            out.push_str(&text);
            i = next;
            continue;
        }
        if c == '*' || c == '_' && (i == 0 || !chars[i - 1].is_alphanumeric()) || c == '`' {
            // drop emphasis and code markers (underscores inside words stay)
            if c == '_'
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
                && i > 0
                && chars[i - 1].is_alphanumeric()
            {
                out.push(c);
            }
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The link text and the position after a `[text](url)` opening at `open`, given where the
/// next `]` and `)` are from each position.
fn link_at(
    chars: &[char],
    open: usize,
    next_bracket: &[usize],
    next_paren: &[usize],
) -> Option<(String, usize)> {
    let close = *next_bracket.get(open + 1)?;
    if close == usize::MAX || chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = *next_paren.get(close + 2)?;
    if end == usize::MAX {
        return None;
    }
    Some((chars[open + 1..close].iter().collect(), end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body() {
        let md = "---\ntitle: \"Talks: a start\"\nsource: Example Wire\nauthor: A. Writer\ndate: 2024-11-21\ntags: [Russia, Ukraine]\nillustrative: true\n---\n# Heading\n\nSome **bold** and [a link](http://x) text.\n";
        let (body, meta) = extract(md).unwrap();
        assert_eq!(meta.title.as_deref(), Some("Talks: a start"));
        assert_eq!(meta.source.as_deref(), Some("Example Wire"));
        assert_eq!(meta.date.as_deref(), Some("2024-11-21"));
        assert_eq!(meta.tags, vec!["Russia", "Ukraine"]);
        assert!(meta.illustrative);
        assert!(body.contains("Some bold and a link text."), "{body}");
    }

    #[test]
    fn empty_front_matter_is_not_body_text() {
        for md in ["---\n---\nThe body.\n", "---\n  \n---\nThe body.\n"] {
            let (body, meta) = extract(md).unwrap();
            assert_eq!(body.trim(), "The body.", "{md:?}");
            assert_eq!(meta, Meta::default());
        }
    }

    #[test]
    fn bad_front_matter_is_an_error() {
        let md = "---\ntitle: [unclosed\n---\nBody.\n";
        assert!(matches!(extract(md), Err(IngestProblem::FrontMatter(_))));
    }

    #[test]
    fn links_and_images_unwrap_and_a_line_of_open_brackets_is_linear() {
        assert_eq!(
            unwrap_inline("See ![a map](m.png) and [the report](r.html), *now*."),
            "See a map and the report, now."
        );
        assert_eq!(unwrap_inline("[no link] (x) [open"), "[no link] (x) [open");
        let line = "![".repeat(30_000);
        assert_eq!(unwrap_inline(&line), line);
    }
}
