//! Recognises page boilerplate in text copied from web pages (title line, byline, date line,
//! counters, reading time, share lines, tag lists, disclaimers, newsletter and cookie notes,
//! navigation, captions), sets it aside as [`Removed`] records and lifts metadata out of it.

use super::date::find_date;
use crate::model::{Removed, RemovedKind};
use regex::Regex;
use std::sync::OnceLock;

/// Metadata gathered while reading an article; fields already set are never overwritten.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    /// The text marks itself as an illustrative sample, not a real publication.
    pub illustrative: bool,
}

impl Meta {
    fn set_if_empty(slot: &mut Option<String>, value: &str) {
        let value = value.trim();
        if slot.as_deref().is_none_or(str::is_empty) && !value.is_empty() {
            *slot = Some(value.to_string());
        }
    }
}

/// The body lines that were kept (blank lines kept as paragraph separators) and what was removed.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub lines: Vec<String>,
    pub removed: Vec<Removed>,
}

struct Rules {
    byline: Regex,
    counter: Regex,
    counter_label_first: Regex,
    reading_time: Regex,
    tags_header: Regex,
    list_item: Regex,
    source_line: Regex,
    navigation: Regex,
    caption: Regex,
    disclaimer: Regex,
    newsletter: Regex,
    cookie: Regex,
    date_words: Regex,
    illustrative: Regex,
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| Rules {
        byline: Regex::new(r"(?i)^(?:by|written by|words by|author:|reporting by)\s+(.{2,120})$").unwrap(),
        counter: Regex::new(r"(?i)^\(?\d[\d,.]*\s*[km]?\)?\s*(?:comments?|views?|likes?|shares?|reactions?|replies|responses|reads)$").unwrap(),
        counter_label_first: Regex::new(r"(?i)^(?:comments?|views?|shares?|likes?)\s*[:(]?\s*\d[\d,.]*\s*[km]?\)?$|^(?:no comments(?: yet)?|leave a comment|be the first to comment|add a comment|show comments|view comments)\.?$").unwrap(),
        reading_time: Regex::new(r"(?i)^(?:(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:-|\s)?(?:min|mins|minutes?)\.?(?:\s+(?:read|reading|to read|listen))?$|^(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*\d+\s*(?:min|mins|minutes?)\.?$").unwrap(),
        tags_header: Regex::new(r"(?i)^(?:tags|topics|filed under|related topics|keywords)\s*:?\s*(.*)$").unwrap(),
        list_item: Regex::new(r"^\s*(?:[-*•·]|#)\s*(\S.{0,60})$").unwrap(),
        source_line: Regex::new(r"(?i)^(?:source|outlet|publication|published by|site)\s*:\s*(.{2,80})$").unwrap(),
        navigation: Regex::new(r"(?i)^(?:advertisement|advert|ad|sponsored(?: content)?|skip to (?:main )?content|read more|related(?: articles| stories| coverage| content)?|more from .{0,40}|continue reading|click here.*|back to top|most read|most popular|trending(?: now)?|follow us(?: on .{0,60})?|listen to this article.*|home|menu|search|sign in|log in|subscribe|watch|video|(?:read more|related|see also|also read|watch|read|more)\s*:.{0,160})$|^[\w ]{1,25}(?:\s*[>›»|/]\s*[\w ]{1,25}){1,4}$").unwrap(),
        caption: Regex::new(r"(?i)^(?:photo|image|picture|credit|file photo|pictured|illustration)\s*(?:credit)?\s*:.{0,200}$|^\(?(?:photo|image) (?:by|courtesy of)\b.{0,160}$|.{0,160}\b(?:getty images|afp via getty|ap photo|reuters/\w+|shutterstock)\)?\.?$").unwrap(),
        disclaimer: Regex::new(r"(?i)^(?:disclaimer\b|this (?:article|story|content|report) (?:was|has been|is) (?:generated|written|produced|created|prepared|translated|drafted)\b.*(?:\bai\b|artificial intelligence|automat|in part|with the help)|.*\b(?:generated in part|with the (?:help|assistance) of (?:ai|artificial intelligence))\b|the (?:views|opinions) expressed\b|copyright\b|©|all rights reserved|this (?:material|article) may not be (?:published|reproduced))").unwrap(),
        newsletter: Regex::new(r"(?i)\b(?:sign up for (?:our|the)\b|subscribe to (?:our|the)\b.*\b(?:newsletter|briefing|updates)|newsletter\b.*\b(?:sign up|subscribe|inbox)|delivered to your inbox|in your inbox\b|get the latest\b.*\b(?:news|headlines|updates))").unwrap(),
        cookie: Regex::new(r"(?i)\bcookies?\b.*\b(?:we use|accept|policy|consent|preferences|settings|browsing)\b|\b(?:we use|accept all|this site uses)\b.*\bcookies?\b").unwrap(),
        illustrative: Regex::new(r"(?i)\billustrative (?:sample|article|example|text)\b|\bnot a real (?:publication|article|news)").unwrap(),
        date_words: Regex::new(r"(?i)\b(?:published|updated|posted|last updated|on|at|am|pm|a\.m\.|p\.m\.|et|edt|est|gmt|utc|bst|cet|msk|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|date)\b").unwrap(),
    })
}

const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "email",
    "e-mail",
    "whatsapp",
    "linkedin",
    "telegram",
    "reddit",
    "print",
    "copy",
    "link",
    "copied",
    "pin",
    "pinterest",
    "save",
    "this",
    "article",
    "story",
    "on",
    "via",
    "messenger",
    "flipboard",
    "bluesky",
    "threads",
    "mail",
    "gift",
    "comment",
    "comments",
    "bookmark",
    "url",
    "sms",
];
const SHARE_TRIGGERS: &[&str] = &[
    "share",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "telegram",
    "print",
    "email",
    "pinterest",
    "reddit",
    "bookmark",
];

/// Classifies one line as boilerplate, if it is. Body sentences are never matched by length.
pub fn classify(line: &str) -> Option<RemovedKind> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    let r = rules();
    let words = t.split_whitespace().count();
    if r.counter.is_match(t) || r.counter_label_first.is_match(t) {
        return Some(RemovedKind::Counter);
    }
    if r.reading_time.is_match(t) {
        return Some(RemovedKind::ReadingTime);
    }
    if words <= 12 && is_share_line(t) {
        return Some(RemovedKind::Share);
    }
    if words <= 60 && r.disclaimer.is_match(t) {
        return Some(RemovedKind::Disclaimer);
    }
    if words <= 40 && r.cookie.is_match(t) {
        return Some(RemovedKind::Cookie);
    }
    if words <= 40 && r.newsletter.is_match(t) {
        return Some(RemovedKind::Newsletter);
    }
    if words <= 30 && r.navigation.is_match(t) {
        return Some(RemovedKind::Navigation);
    }
    if words <= 40 && r.caption.is_match(t) {
        return Some(RemovedKind::Caption);
    }
    None
}

fn is_share_line(t: &str) -> bool {
    let lower = t.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    !tokens.is_empty()
        && tokens.iter().all(|w| SHARE_WORDS.contains(w))
        && tokens.iter().any(|w| SHARE_TRIGGERS.contains(w))
}

/// If `line` is a date line ("Published: Nov. 21, 2024 5:02 p.m. ET"), returns the date.
pub fn date_line(line: &str) -> Option<String> {
    let t = line.trim();
    let found = find_date(t)?;
    let rest = format!("{} {}", &t[..found.start], &t[found.end..]);
    let rest = rules().date_words.replace_all(&rest, " ");
    let leftover = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 1)
        .count();
    (leftover <= 3 && t.split_whitespace().count() <= 14).then_some(found.date)
}

/// If `line` is a byline, returns (author, outlet if named after a separator).
pub fn byline(line: &str) -> Option<(String, Option<String>)> {
    let caps = rules().byline.captures(line.trim())?;
    let mut rest = caps[1].trim().to_string();
    // drop a trailing date ("By Jane Doe, November 21, 2024")
    if let Some(found) = find_date(&rest) {
        rest.truncate(found.start);
    }
    let mut outlet = None;
    for sep in [" | ", " for ", " – ", " — ", " - ", ", "] {
        if let Some((a, b)) = rest.split_once(sep) {
            let b = b.trim().trim_end_matches([',', '|', '.']).trim();
            if !b.is_empty() && b.split_whitespace().count() <= 5 && !b.contains(" and ") {
                outlet = Some(b.to_string());
            }
            rest = a.to_string();
            break;
        }
    }
    let author = rest
        .trim()
        .trim_end_matches([',', '|', '.', '-'])
        .trim()
        .to_string();
    let looks_like_name = !author.is_empty()
        && author.split_whitespace().count() <= 10
        && author.chars().next().is_some_and(char::is_uppercase);
    looks_like_name.then_some((author, outlet))
}

fn looks_like_title(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (2..=30).contains(&words) && t.len() <= 220 && !t.ends_with(['.', ',', ';', ':'])
        || t.starts_with('#')
}

fn strip_heading(line: &str) -> &str {
    line.trim().trim_start_matches('#').trim()
}

/// Cleans the lines of a text: lifts title, byline, date and source from the head (when `meta`
/// lacks them), tag lists from anywhere, and sets aside every boilerplate line.
pub fn clean_text(text: &str, meta: &mut Meta) -> Cleaned {
    let r = rules();
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Cleaned::default();
    let mut seen_body = false;
    let mut head_lines = 0usize;
    let mut i = 0usize;
    // Trailing tag list: a run of short "- Tag" lines at the very end.
    let tail_tags_from = trailing_list_start(&lines);
    while i < lines.len() {
        let raw = lines[i];
        let t = raw.trim();
        i += 1;
        if t.is_empty() {
            out.lines.push(String::new());
            continue;
        }
        if !seen_body {
            head_lines += 1;
        }
        let in_head = !seen_body && head_lines <= 10;
        if t.split_whitespace().count() <= 60 && r.illustrative.is_match(t) {
            meta.illustrative = true;
            out.removed.push(Removed {
                kind: RemovedKind::Disclaimer,
                text: t.to_string(),
            });
            continue;
        }
        // Tag header with items on the same line or on the following "- item" lines.
        if let Some(c) = r.tags_header.captures(t)
            && t.split_whitespace().count() <= 40
            && (t.contains(':') || c[1].is_empty())
        {
            let mut items: Vec<String> = c[1]
                .split([',', ';', '|', '·', '•'])
                .map(|s| s.trim().trim_start_matches('#').to_string())
                .filter(|s| !s.is_empty())
                .collect();
            let mut text_block = t.to_string();
            while i < lines.len() {
                let next = lines[i].trim();
                if let Some(item) = r.list_item.captures(next) {
                    items.push(item[1].trim().to_string());
                    text_block.push('\n');
                    text_block.push_str(next);
                    i += 1;
                } else if next.is_empty() && items.is_empty() {
                    i += 1;
                } else {
                    break;
                }
            }
            if !items.is_empty() || c[1].is_empty() {
                push_tags(meta, items);
                out.removed.push(Removed {
                    kind: RemovedKind::Tags,
                    text: text_block,
                });
                continue;
            }
        }
        if tail_tags_from.is_some_and(|from| i > from)
            && let Some(item) = r.list_item.captures(t)
        {
            push_tags(meta, vec![item[1].trim().to_string()]);
            match out.removed.last_mut() {
                Some(last) if last.kind == RemovedKind::Tags => {
                    last.text.push('\n');
                    last.text.push_str(t);
                }
                _ => out.removed.push(Removed {
                    kind: RemovedKind::Tags,
                    text: t.to_string(),
                }),
            }
            continue;
        }
        if in_head {
            if let Some(c) = r.source_line.captures(t) {
                Meta::set_if_empty(&mut meta.source, &c[1]);
                out.removed.push(Removed {
                    kind: RemovedKind::Byline,
                    text: t.to_string(),
                });
                continue;
            }
            if let Some((author, outlet)) = byline(t) {
                Meta::set_if_empty(&mut meta.author, &author);
                if let Some(o) = outlet {
                    Meta::set_if_empty(&mut meta.source, &o);
                }
                if let Some(d) = find_date(t) {
                    Meta::set_if_empty(&mut meta.date, &d.date);
                }
                out.removed.push(Removed {
                    kind: RemovedKind::Byline,
                    text: t.to_string(),
                });
                continue;
            }
            if let Some(date) = date_line(t) {
                Meta::set_if_empty(&mut meta.date, &date);
                out.removed.push(Removed {
                    kind: RemovedKind::Date,
                    text: t.to_string(),
                });
                continue;
            }
            if let Some(kind) = classify(t) {
                out.removed.push(Removed {
                    kind,
                    text: t.to_string(),
                });
                continue;
            }
            if meta.title.is_none() && out.lines.iter().all(String::is_empty) && looks_like_title(t)
            {
                meta.title = Some(strip_heading(t).to_string());
                out.removed.push(Removed {
                    kind: RemovedKind::Title,
                    text: t.to_string(),
                });
                continue;
            }
            if meta
                .title
                .as_deref()
                .is_some_and(|title| strip_heading(t) == title)
            {
                out.removed.push(Removed {
                    kind: RemovedKind::Title,
                    text: t.to_string(),
                });
                continue;
            }
        }
        // (head lines were classified above)
        if !in_head && let Some(kind) = classify(t) {
            out.removed.push(Removed {
                kind,
                text: t.to_string(),
            });
            continue;
        }
        if t.split_whitespace().count() >= 8 {
            seen_body = true;
        }
        out.lines.push(t.to_string());
    }
    out
}

fn push_tags(meta: &mut Meta, items: Vec<String>) {
    for item in items {
        if !meta.tags.iter().any(|t| t.eq_ignore_ascii_case(&item)) {
            meta.tags.push(item);
        }
    }
}

/// Index of the first line of a trailing run (2+) of short list items with no sentence
/// punctuation, which reads as a tag list.
fn trailing_list_start(lines: &[&str]) -> Option<usize> {
    let r = rules();
    let mut start = None;
    let mut count = 0;
    for (idx, line) in lines.iter().enumerate().rev() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let is_item = r.list_item.captures(t).is_some_and(|c| {
            let item = c[1].trim();
            item.split_whitespace().count() <= 5 && !item.ends_with(['.', '!', '?', ':'])
        });
        if is_item {
            start = Some(idx);
            count += 1;
        } else {
            break;
        }
    }
    start.filter(|_| count >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_boilerplate() {
        for (line, kind) in [
            ("0 Comments", RemovedKind::Counter),
            ("12 Views", RemovedKind::Counter),
            ("Comments (3)", RemovedKind::Counter),
            ("4 minutes read", RemovedKind::ReadingTime),
            ("5 min read", RemovedKind::ReadingTime),
            ("Reading time: 3 minutes", RemovedKind::ReadingTime),
            ("Share this article", RemovedKind::Share),
            ("Facebook Twitter Email Print", RemovedKind::Share),
            (
                "This article was generated in part by an AI tool and reviewed by an editor.",
                RemovedKind::Disclaimer,
            ),
            (
                "Sign up for our daily briefing newsletter.",
                RemovedKind::Newsletter,
            ),
            (
                "We use cookies to improve your experience. Accept all",
                RemovedKind::Cookie,
            ),
            ("ADVERTISEMENT", RemovedKind::Navigation),
            ("Read more: Kyiv braces for winter", RemovedKind::Navigation),
            (
                "Photo: A file image of the city centre",
                RemovedKind::Caption,
            ),
        ] {
            assert_eq!(classify(line), Some(kind), "{line}");
        }
    }

    #[test]
    fn keeps_body_sentences() {
        for line in [
            "He said the plan could be a starting point for talks.",
            "Share prices in Moscow rose 2 percent after the statement.",
            "Read the statement carefully, the minister told reporters on Friday.",
            "The summit was called pointless by the Kremlin.",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn head_metadata_and_tail_tags() {
        let text = "Kremlin calls plan a starting point\nBy Anna Berg | Northwind Wire\nPublished: Nov. 21, 2024 09:15 GMT\n4 minutes read\n0 Comments\n\nThe Kremlin said on Thursday that a US proposal could serve as a basis for talks.\n\nShare this article\n\n- Russia\n- Ukraine\n- Diplomacy\n";
        let mut meta = Meta::default();
        let c = clean_text(text, &mut meta);
        assert_eq!(
            meta.title.as_deref(),
            Some("Kremlin calls plan a starting point")
        );
        assert_eq!(meta.author.as_deref(), Some("Anna Berg"));
        assert_eq!(meta.source.as_deref(), Some("Northwind Wire"));
        assert_eq!(meta.date.as_deref(), Some("2024-11-21"));
        assert_eq!(meta.tags, vec!["Russia", "Ukraine", "Diplomacy"]);
        let kept: Vec<&String> = c.lines.iter().filter(|l| !l.is_empty()).collect();
        assert_eq!(kept.len(), 1);
        assert!(c.removed.iter().any(|r| r.kind == RemovedKind::Counter));
        assert!(c.removed.iter().any(|r| r.kind == RemovedKind::ReadingTime));
        assert!(c.removed.iter().any(|r| r.kind == RemovedKind::Share));
    }
}
