//! Recognises page boilerplate in text copied from web pages (title line, byline, date line,
//! counters, reading time, share lines, tag lists, disclaimers, newsletter and cookie notes,
//! navigation, captions), sets it aside as [`Removed`] records and lifts metadata out of it.

use super::date::find_date;
use super::gated::{Compiled, Gated, contains_any, ends_with_any, has_digit, starts_with_any};
use crate::model::{Removed, RemovedKind};
use regex::Regex;

/// Metadata gathered while reading an article; fields already set are never overwritten.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// The cleaner's line patterns, each compiled on first use behind a gate that every line it
/// matches passes (see [`super::gated`]; the gates are checked against the patterns in the
/// tests).
struct Rules {
    byline: Gated<Bounded>,
    counter: Gated<Regex>,
    counter_label_first: Gated<Regex>,
    reading_time: Gated<Regex>,
    tags_header: Gated<Regex>,
    list_item: Gated<Bounded>,
    source_line: Gated<Bounded>,
    navigation: Gated<Bounded>,
    /// Between the steps of a breadcrumb ("News > World > Europe"); see [`is_breadcrumb`].
    crumb_separator: Gated<Regex>,
    caption: Gated<Bounded>,
    disclaimer: Gated<Regex>,
    newsletter: Gated<Regex>,
    cookie: Gated<Regex>,
    date_words: Gated<Regex>,
    illustrative: Gated<Regex>,
}

/// A pattern whose runs of "at most N characters" are checked after matching: each group named
/// `tN` (written `(?P<tN>.*)`, or `.{2,}` for at least two) matches only when it holds at most N
/// characters. A bounded repetition such as `.{0,160}` compiles to one copy of `.` per
/// repetition, and compiling a few of them was a third of the time to read a short article; on
/// a line, where these groups run to its end, the check says the same.
struct Bounded(Regex);

impl Compiled for Bounded {
    fn compile(pattern: &str) -> Bounded {
        Bounded(Regex::compile(pattern))
    }

    fn captures<'t>(&self, t: &'t str) -> Option<regex::Captures<'t>> {
        let c = self.0.captures(t)?;
        let within = self.0.capture_names().flatten().all(|name| {
            let limit = name.strip_prefix('t').and_then(|n| n.parse::<usize>().ok());
            match (limit, c.name(name)) {
                (Some(limit), Some(m)) => m.as_str().chars().count() <= limit,
                _ => true,
            }
        });
        within.then_some(c)
    }
}

/// Compiles now the patterns that nearly every article needs (the date patterns; the others
/// are compiled by the first line that may match them); the CLI calls it beside loading its
/// configuration.
pub fn warm_up() {
    crate::ingest::date::warm_up();
    let _ = rules().date_words.compiled();
}

/// The cleaner's patterns. Each sees one line, so a bounded run of any characters is written
/// `(?s:.){m,n}` (on a line the same as `.{m,n}`, at half the cost to compile) and digits
/// `[0-9]` (Unicode `\d` is ten times the states): compiling these patterns is most of the cost
/// of reading a handful of articles.
fn rules() -> &'static Rules {
    &RULES
}

/// Whether the folded `t` is one of `lines` (lower-case ASCII).
fn is_any(t: &str, lines: &[&str]) -> bool {
    let f = super::gated::fold(t);
    lines.iter().any(|l| f == *l)
}

/// Whether `t` has a breadcrumb separator with white space on both sides.
fn spaced_separator(t: &str) -> bool {
    let (mut space_before, mut separator) = (false, false);
    for c in t.chars() {
        if separator && c.is_whitespace() {
            return true;
        }
        separator = space_before && matches!(c, '>' | '›' | '»' | '|' | '/');
        space_before = c.is_whitespace();
    }
    false
}

static RULES: Rules = Rules {
    byline: Gated::new(
        r"^(?:(?i:by|written by|words by|author:|authors?\s*:|reporting by|posted by|story by)|\p{Lu}\p{Ll}+ (?i:by))\s+(?P<t120>.{2,})$",
        // a label first, or "by" after the first space (the capitalised word has none)
        |t| {
            starts_with_any(
                t,
                &[
                    "by",
                    "written by",
                    "words by",
                    "author",
                    "reporting by",
                    "posted by",
                    "story by",
                ],
            ) || t
                .split_once(' ')
                .is_some_and(|(_, rest)| starts_with_any(rest, &["by"]))
        },
    ),
    counter: Gated::new(
        r"(?i)^(?:\p{L}+,\s*)?\(?[0-9][0-9,.]*\s*[km]?\)?\s*(?:comments?|views?|likes?|shares?|reactions?|replies|responses|reads)$",
        |t| {
            has_digit(t)
                && ends_with_any(
                    t,
                    &[
                        "comment",
                        "comments",
                        "view",
                        "views",
                        "like",
                        "likes",
                        "share",
                        "shares",
                        "reaction",
                        "reactions",
                        "replies",
                        "responses",
                        "reads",
                    ],
                )
        },
    ),
    counter_label_first: Gated::new(
        r"(?i)^(?:comments?|views?|shares?|likes?)\s*[:(]?\s*[0-9][0-9,.]*\s*[km]?\)?$|^(?:no comments(?: yet)?|leave a comment|be the first to comment|add a comment|show comments|view comments)\.?$",
        |t| {
            (has_digit(t) && starts_with_any(t, &["comment", "view", "share", "like"]))
                || is_any(
                    t.strip_suffix('.').unwrap_or(t),
                    &[
                        "no comments",
                        "no comments yet",
                        "leave a comment",
                        "be the first to comment",
                        "add a comment",
                        "show comments",
                        "view comments",
                    ],
                )
        },
    ),
    reading_time: Gated::new(
        r"(?i)^(?:(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*)?(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:-|\s)?(?:min|mins|minutes?)\.?(?:\s+(?:read|reading|to read|listen))?$|^(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*[0-9]+\s*(?:min|mins|minutes?)\.?$",
        |t| {
            contains_any(t, &["min"])
                && (has_digit(t)
                    || contains_any(
                        t,
                        &[
                            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                            "ten",
                        ],
                    ))
        },
    ),
    tags_header: Gated::new(
        r"(?i)^(?:tags|topics|filed under|related topics|keywords)\s*:?\s*(.*)$",
        |t| {
            starts_with_any(
                t,
                &[
                    "tags",
                    "topics",
                    "filed under",
                    "related topics",
                    "keywords",
                ],
            )
        },
    ),
    list_item: Gated::new(r"^\s*(?:[-*•·]|#)\s*(?P<t61>\S.*)$", |t| {
        t.trim_start().starts_with(['-', '*', '•', '·', '#'])
    }),
    source_line: Gated::new(
        r"(?i)^(?:source|outlet|publication|published by|site)\s*:\s*(?P<t80>.{2,})$",
        |t| {
            t.contains(':')
                && starts_with_any(
                    t,
                    &["source", "outlet", "publication", "published by", "site"],
                )
        },
    ),
    navigation: Gated::new(
        r"(?i)^(?:advertisement|advert|ad|sponsored(?: content)?|skip to (?:main )?content|read more|related(?: articles| stories| coverage| content)?|more from (?P<t40>.*)|continue reading(?: (?P<t30>.*))?|click here.*|back to top|most read|most popular|trending(?: now)?|follow us(?: on (?P<t60>.*))?|listen to this article.*|home|menu|search|sign in|log in|subscribe|watch|video|(?:read more|related|see also|also read|watch|read|more)\s*:(?P<t160>.*))$",
        |t| {
            // a whole line of furniture, a label and its target, or a label and a colon
            is_any(
                t,
                &[
                    "advertisement",
                    "advert",
                    "ad",
                    "sponsored",
                    "sponsored content",
                    "skip to content",
                    "skip to main content",
                    "read more",
                    "related",
                    "related articles",
                    "related stories",
                    "related coverage",
                    "related content",
                    "back to top",
                    "most read",
                    "most popular",
                    "trending",
                    "trending now",
                    "home",
                    "menu",
                    "search",
                    "sign in",
                    "log in",
                    "subscribe",
                    "watch",
                    "video",
                ],
            ) || starts_with_any(
                t,
                &[
                    "more from ",
                    "continue reading",
                    "click here",
                    "follow us",
                    "listen to this article",
                ],
            ) || (t.contains(':')
                && starts_with_any(
                    t,
                    &[
                        "read more",
                        "related",
                        "see also",
                        "also read",
                        "watch",
                        "read",
                        "more",
                    ],
                ))
        },
    ),
    crumb_separator: Gated::new(r"\s+[>›»|/]\s+", spaced_separator),
    caption: Gated::new(
        r"(?i)^\(?(?:photo|image|picture|credit|file photo|pictured|illustration)\s*(?:credits?)?\s*:(?P<t200>.*)$|^(?:photo|image|picture|slide)\s+[0-9]+\s+of\s+[0-9]+$|^\(?(?:photo|image) (?:by|courtesy of)(?-u:\b)(?P<t160>.*)$",
        |t| {
            let t = t.strip_prefix('(').unwrap_or(t);
            starts_with_any(
                t,
                &[
                    "photo",
                    "image",
                    "picture",
                    "credit",
                    "file photo",
                    "illustration",
                    "slide",
                ],
            )
        },
    ),
    disclaimer: Gated::new(
        r"(?i)^(?:disclaimer(?-u:\b)|this (?:article|story|content|report) (?:was|has been|is) (?:generated|written|produced|created|prepared|translated|drafted)(?-u:\b).*(?:(?-u:\b)ai(?-u:\b)|artificial intelligence|automat|in part|with the help)|.*(?-u:\b)(?:generated in part|with the (?:help|assistance) of (?:ai|artificial intelligence))(?-u:\b)|the (?:views|opinions) expressed(?-u:\b)|copyright(?-u:\b)|©|all rights reserved|this (?:material|article) may not be (?:published|reproduced))",
        |t| {
            starts_with_any(
                t,
                &[
                    "disclaimer",
                    "this article",
                    "this story",
                    "this content",
                    "this report",
                    "this material",
                    "the views expressed",
                    "the opinions expressed",
                    "copyright",
                    "©",
                    "all rights reserved",
                ],
            ) || contains_any(
                t,
                &[
                    "generated in part",
                    "with the help of a",
                    "with the assistance of a",
                ],
            )
        },
    ),
    newsletter: Gated::new(
        r"(?i)(?-u:\b)(?:sign up for (?:our|the)(?-u:\b)|subscribe to (?:our|the)(?-u:\b).*(?-u:\b)(?:newsletter|briefing|updates)|newsletter(?-u:\b).*(?-u:\b)(?:sign up|subscribe|inbox)|delivered to your inbox|in your inbox(?-u:\b)|get the latest(?-u:\b).*(?-u:\b)(?:news|headlines|updates))",
        |t| {
            contains_any(
                t,
                &[
                    "sign up for",
                    "subscribe to",
                    "newsletter",
                    "inbox",
                    "get the latest",
                ],
            )
        },
    ),
    cookie: Gated::new(
        r"(?i)(?-u:\b)cookies?(?-u:\b).*(?-u:\b)(?:we use|accept|policy|consent|preferences|settings|browsing)(?-u:\b)|(?-u:\b)(?:we use|accept all|this site uses)(?-u:\b).*(?-u:\b)cookies?(?-u:\b)",
        |t| contains_any(t, &["cookie"]),
    ),
    illustrative: Gated::new(
        r"(?i)(?-u:\b)illustrative (?:sample|article|example|text)(?-u:\b)|(?-u:\b)not a real (?:publication|article|news)",
        |t| contains_any(t, &["illustrative ", "not a real "]),
    ),
    date_words: Gated::ungated(
        r"(?i)(?-u:\b)(?:published|updated|posted|last updated|on|at|am|pm|a\.m\.|p\.m\.|et|edt|est|gmt|utc|bst|cet|msk|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|date)(?-u:\b)",
    ),
};

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
    "with",
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
    // counters and reading times are a few words ("12 Comments", "4 min read")
    if words <= 8 && (r.counter.is_match(t) || r.counter_label_first.is_match(t)) {
        return Some(RemovedKind::Counter);
    }
    if words <= 8 && r.reading_time.is_match(t) {
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
    if words <= 30 && (r.navigation.is_match(t) || is_breadcrumb(t, &r.crumb_separator)) {
        return Some(RemovedKind::Navigation);
    }
    if words <= 40 && r.caption.is_match(t) {
        return Some(RemovedKind::Caption);
    }
    None
}

/// A breadcrumb trail: 2 to 5 steps between separators, each a letter then at most 24 word
/// characters or spaces. (Checked in code: as one regular expression, the bounded repeats of
/// the Unicode word class took 85 ms to compile, more than reading 200 articles.)
fn is_breadcrumb(t: &str, separator: &Gated<Regex>) -> bool {
    if !separator.may_match(t) {
        return false; // one step
    }
    let mut steps = 0;
    for step in separator.compiled().split(t) {
        steps += 1;
        let mut chars = step.chars();
        let letter_first = chars.next().is_some_and(char::is_alphabetic);
        let rest: Vec<char> = chars.collect();
        let wordy = rest
            .iter()
            .all(|&c| c.is_alphanumeric() || c == '_' || c == ' ');
        if steps > 5 || !letter_first || rest.len() > 24 || !wordy {
            return false;
        }
    }
    steps >= 2
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
    let rest = rules().date_words.compiled().replace_all(&rest, " ");
    let leftover = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 1)
        .count();
    (leftover <= 3 && t.split_whitespace().count() <= 14).then_some(found.date)
}

/// If `line` is a byline, returns (author, outlet if named after a separator).
pub fn byline(line: &str) -> Option<(String, Option<String>)> {
    let line = line.trim();
    let first = line
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    // "Photo by …", "Video by …" credit an image, not the article
    if matches!(
        first.as_str(),
        "photo" | "photos" | "image" | "images" | "picture" | "illustration" | "video" | "graphic"
    ) {
        return None;
    }
    let caps = rules().byline.captures(line)?;
    let mut rest = caps[1].trim().to_string();
    // a social handle glued to the name
    if let Some(pos) = rest.find('@') {
        rest.truncate(pos);
    }
    // drop what follows the name: a time stamp, "on <date>", "at <time>"
    if let Some(pos) = rest.find(|c: char| c.is_ascii_digit()) {
        rest.truncate(pos);
    }
    for cut in [
        " On ",
        " on ",
        " at ",
        " At ",
        " Updated",
        " Published",
        " Posted",
    ] {
        if let Some(pos) = rest.find(cut) {
            rest.truncate(pos);
        }
    }
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
    name_like(&author).then_some((author, outlet))
}

/// Words that join the parts of personal names or lists of names.
const NAME_JOINERS: &[&str] = &[
    "and", "&", "de", "da", "do", "dos", "das", "van", "von", "der", "den", "del", "della", "di",
    "la", "le", "du", "bin", "al", "y", "e", "und", "et",
];

/// Whether `s` reads as one or more personal names: 1-8 words, each capitalised (initials
/// included) or a name joiner, no digits.
pub fn name_like(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    (1..=10).contains(&words.len())
        && !s.chars().any(|c| c.is_ascii_digit())
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| {
            NAME_JOINERS.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '@')
        })
}

/// A line that is only a name (and maybe a role or outlet after a comma or in capitals):
/// "Jane Doe", "Jane Doe and John Roe, Example Press". Returns the name part.
pub fn name_line(item: &str) -> Option<String> {
    let t = item.trim();
    if t.is_empty() || t.contains(':') || t.ends_with(['.', '!', '?']) || word_count(t) > 10 {
        return None;
    }
    let head = t.split(',').next().unwrap_or(t).trim();
    let head_words = head.split_whitespace().count();
    // one name (with a role or outlet) has at most five words besides joiners ("de", "van"); a
    // longer run of capitalised words is a title-case headline, not a name
    let names_short = head.contains(" and ")
        || head.contains(" & ")
        || head
            .split_whitespace()
            .filter(|w| !NAME_JOINERS.contains(&w.to_lowercase().as_str()))
            .count()
            <= 5;
    (name_like(head)
        && names_short
        && (2..=10).contains(&head_words)
        && (head == t || name_like(t)))
    .then(|| head.to_string())
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
        // a sentence of running text stays unless it sits at the very end of the text
        let protected = sentence_like(t) && i + 3 < lines.len() && !tail_is_furniture(&lines[i..]);
        if !in_head
            && !protected
            && let Some(kind) = classify(t)
        {
            out.removed.push(Removed {
                kind,
                text: t.to_string(),
            });
            continue;
        }
        // a line printed again right away (a caption repeated under its picture) is kept once
        if t.split_whitespace().count() >= 5
            && out
                .lines
                .iter()
                .rev()
                .find(|l| !l.is_empty())
                .is_some_and(|l| l == t)
        {
            out.removed.push(Removed {
                kind: RemovedKind::Caption,
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

/// What the structure of a copied page says about one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Blank,
    /// A paragraph of running text.
    Prose,
    /// A short complete sentence (5+ words ending in sentence punctuation).
    Sentence,
    /// A heading-like or teaser-like line of 5+ words.
    Medium,
    /// One to four words: a menu entry, a label, a button.
    Short,
}

/// Features of one line of a copied page.
#[derive(Debug, Clone)]
struct PageLine<'a> {
    /// The line as it was, trimmed.
    text: &'a str,
    /// The line without a leading list marker ("- ", "* ", "• ").
    item: &'a str,
    bullet: bool,
    words: usize,
    shape: Shape,
}

/// Trims white space and the invisible characters pages use as spacers (zero-width space and
/// joiners, word joiner, byte-order mark).
fn trim_invisible(t: &str) -> &str {
    t.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
            )
    })
}

/// Whether a line has the punctuation of running text: at least one mark per 30 words (a tag
/// cloud or a run of menu entries has none).
fn punctuated(t: &str) -> bool {
    let words = word_count(t);
    let marks = t
        .split_whitespace()
        .filter(|w| w.ends_with(['.', ',', ';', ':', '!', '?', '…', '"', '”', ')']))
        .count()
        + t.chars()
            .filter(|c| matches!(c, '、' | '。' | '，' | '！' | '？'))
            .count();
    marks >= 1 && marks * 30 >= words
}

/// Whether a character belongs to a script written without spaces between words (Chinese,
/// Japanese kana and kanji).
fn unspaced_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Words of a line; in scripts written without spaces every two characters count as a word.
pub fn word_count(t: &str) -> usize {
    t.split_whitespace()
        .map(|w| {
            let n = w.chars().filter(|c| unspaced_script(*c)).count();
            if n > 0 { n.div_ceil(2) } else { 1 }
        })
        .sum()
}

fn strip_bullet(t: &str) -> (&str, bool) {
    for marker in ["- ", "* ", "• ", "· ", "– "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return (rest.trim(), true);
        }
    }
    (t, false)
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with([
        '.', '!', '?', '…', '"', '”', '’', ')', '»', ':', '。', '！', '？', '」', '）',
    ])
}

/// Share of words that start lower-case (running text has many; headings and menus few).
fn lowercase_share(t: &str) -> f64 {
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() {
        return 0.0;
    }
    // caseless scripts count as running text
    let lower = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| !c.is_uppercase())
        })
        .count();
    lower as f64 / words.len() as f64
}

/// Whether a line reads as a sentence of running text: 12+ words, mostly lower-case words and
/// a verb-like word (an auxiliary, a past form or a third-person form). Such a line is article
/// text unless the page structure says otherwise.
pub fn sentence_like(t: &str) -> bool {
    const AUX: &[&str] = &[
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
        "can", "could", "may", "might", "must", "should", "shall", "do", "does", "did", "said",
        "says", "told", "get", "got", "make", "made",
    ];
    if t.split_whitespace().count() < 12 || lowercase_share(t) < 0.4 {
        return false;
    }
    let verb_like = |w: &str| {
        AUX.contains(&w)
            || (w.len() > 4 && (w.ends_with("ed") || w.ends_with("es")))
            || (w.len() > 5 && w.ends_with("ing"))
    };
    t.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        crate::text::tokens::with_lowercase(w, verb_like)
    })
}

fn shape_of(item: &str, next_starts_lower: bool) -> Shape {
    let words = word_count(item);
    if words == 0 {
        return Shape::Blank;
    }
    let lower = lowercase_share(item);
    let punct = ends_sentence(item);
    if words >= 10
        && lower >= 0.3
        && punctuated(item)
        && (punct || words >= 20 || next_starts_lower)
    {
        return Shape::Prose;
    }
    if words >= 5 && punct && lower >= 0.3 {
        return Shape::Sentence;
    }
    if words >= 5 {
        return Shape::Medium;
    }
    if punct && lower > 0.0 && item.ends_with(['.', '!', '?', '。', '！', '？']) {
        return Shape::Sentence;
    }
    Shape::Short
}

/// Score of a line for the search of the article block: running text counts for its words,
/// menu-like lines against.
fn block_score(line: &PageLine) -> f64 {
    match line.shape {
        Shape::Blank => 0.0,
        Shape::Prose => line.words as f64,
        Shape::Sentence if line.words < 5 => 0.0,
        Shape::Sentence => line.words as f64 * 0.5,
        Shape::Medium => -1.5,
        Shape::Short => -3.0,
    }
}

/// The densest run of running text: the maximum-sum run of line scores (Kadane). Returns the
/// first and last line index, or None when no run scores above zero.
fn densest_run(lines: &[PageLine]) -> Option<(usize, usize)> {
    let mut best: Option<(f64, usize, usize)> = None;
    let mut sum = 0.0;
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.shape == Shape::Blank {
            continue;
        }
        let s = block_score(line);
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += s;
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    let (_, mut s, mut e) = best?;
    while s < e && block_score(&lines[s]) <= 0.0 {
        s += 1;
    }
    // A piece at the end of the run that is cut off from the rest by three or more labels or
    // headings, and whose running text is all named boilerplate (a cookie note below a list
    // of related links), is not part of the article.
    loop {
        let nonblank: Vec<usize> = (s..=e)
            .filter(|&i| lines[i].shape != Shape::Blank)
            .collect();
        let mut gap_start = None;
        let mut run = 0;
        let mut last_gap = None;
        for &i in &nonblank {
            if matches!(lines[i].shape, Shape::Short | Shape::Medium) {
                if run == 0 {
                    gap_start = Some(i);
                }
                run += 1;
                if run >= 3 {
                    last_gap = gap_start;
                }
            } else {
                run = 0;
            }
        }
        let Some(g) = last_gap else { break };
        let tail_prose: Vec<usize> = nonblank
            .iter()
            .copied()
            .filter(|&i| i > g && matches!(lines[i].shape, Shape::Prose | Shape::Sentence))
            .collect();
        let furniture =
            !tail_prose.is_empty() && tail_prose.iter().all(|&i| boilerplate(lines[i].item));
        if !furniture || g <= s {
            break;
        }
        e = (s..g)
            .rev()
            .find(|&i| lines[i].shape != Shape::Blank)
            .unwrap_or(s);
        while e > s && block_score(&lines[e]) <= 0.0 {
            e -= 1;
        }
    }
    // Lines of text right after the article (a closing line, a last short paragraph) up to the
    // first label, button or boilerplate line; and an enumerated list that closes the article
    // ("1) …", "2. …") with the lines between its items (links, notes).
    let mut expected: Option<u32> = None;
    let mut since_item = 0;
    for (j, l) in lines.iter().enumerate().skip(e + 1) {
        if l.shape == Shape::Blank {
            continue;
        }
        match list_number(l.item) {
            Some(n) if expected.is_none_or(|x| n == x) => {
                expected = Some(n + 1);
                e = j;
                since_item = 0;
            }
            _ if expected.is_some() && since_item < 2 => since_item += 1,
            _ if expected.is_none()
                && !matches!(l.shape, Shape::Short)
                && classify(l.item).is_none() =>
            {
                e = j
            }
            _ => break,
        }
    }
    Some((s, e))
}

/// Whether a rule names the line as boilerplate (or it marks the text as an illustrative
/// sample).
fn boilerplate(item: &str) -> bool {
    classify(item).is_some() || rules().illustrative.is_match(item)
}

/// The number of an enumerated list item ("3) …", "3. …", "3a …").
fn list_number(t: &str) -> Option<u32> {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let rest = &t[digits.len()..];
    let marked = rest.starts_with(") ") || rest.starts_with(". ");
    if marked { digits.parse().ok() } else { None }
}

/// Whether a line can be a headline: 2-30 words, no closing full stop, not boilerplate.
fn headline_like(line: &PageLine) -> bool {
    headline_shape(line) && name_line(line.item).is_none()
}

/// [`headline_like`] without the test for a line that reads as a person's name (a title-case
/// headline printed twice is a headline even when every word is capitalised).
fn headline_shape(line: &PageLine) -> bool {
    let t = line.item;
    let words = line.words;
    (2..=30).contains(&words)
        && t.len() <= 250
        && !t.ends_with(['.', ',', ';', ':', '|'])
        && t.chars().any(char::is_alphabetic)
        && classify(t).is_none()
        && date_line(t).is_none()
        && loose_date_line(t).is_none()
        && byline(t).is_none()
        && share_byline(t).is_none()
        && (t
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .count()
            >= 2
            || t.chars().filter(|c| unspaced_script(*c)).count() >= 4)
        && !relative_time(t)
        && !(words <= 5 && counter_mention(t))
        && !(t.starts_with('(') && t.ends_with(')'))
        && t.matches(['»', '›', '>', '/']).count() < 2
        && !social_handle(t)
        && !photo_credit(t)
}

/// A headline written in title case as one or two sentences with full stops ("Rates Rise
/// Again. What It Means For Savers."): every word capitalised but for a few short ones.
fn titled_sentences(line: &PageLine) -> bool {
    let trimmed = line.item.trim_end_matches('.');
    trimmed.len() < line.item.len()
        && (4..=30).contains(&line.words)
        && lowercase_share(trimmed) <= 0.2
        && headline_like(&PageLine {
            item: trimmed,
            ..*line
        })
}

/// A line naming a social media account ("Reporter @jdoe"): part of a byline.
fn social_handle(t: &str) -> bool {
    t.split_whitespace().any(|w| {
        w.strip_prefix('@')
            .is_some_and(|h| h.chars().next().is_some_and(char::is_alphanumeric))
    })
}

/// A caption's picture credit ("… last week.Credit...Jane Doe/Agency", "Credit: Agency").
fn photo_credit(t: &str) -> bool {
    PHOTO_CREDIT.is_match(t)
}

static PHOTO_CREDIT: Gated<Regex> = Gated::new(
    r"(?i)(?:^|[.\s(\[])(?:photo\s+)?credits?\s*(?:\.{2,}|…|:)",
    |t| contains_any(t, &["credit"]),
);

/// "New, 6 comments", "1.2K shares": a count of comments, views or shares in a short line.
fn counter_mention(t: &str) -> bool {
    COUNTER_MENTION.is_match(t)
}

static COUNTER_MENTION: Gated<Regex> = Gated::new(
    r"(?i)(?-u:\b)[0-9][0-9,.]*\s*[km]?\s+(?:comments?|views?|shares?|likes?|replies|reactions?)(?-u:\b)",
    |t| {
        has_digit(t)
            && contains_any(
                t,
                &["comment", "view", "share", "like", "replies", "reaction"],
            )
    },
);

/// "3 hours ago", "Today 12:01 AM", "Updated 5 min ago": a time stamp with at most a label.
fn relative_time(t: &str) -> bool {
    RELATIVE_TIME.is_match(t) && t.split_whitespace().count() <= 6
}

static RELATIVE_TIME: Gated<Regex> = Gated::new(
    r"(?i)(?-u:\b)[0-9]+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago(?-u:\b)|(?-u:\b)[0-9]{1,2}:[0-9]{2}(?-u:\b)",
    |t| has_digit(t) && (t.contains(':') || contains_any(t, &["ago"])),
);

/// A line of metadata that sits near a headline: byline, date, counters, reading time, share.
fn metadata_kind(item: &str) -> Option<RemovedKind> {
    if share_byline(item).is_some() {
        return Some(RemovedKind::Share);
    }
    if byline(item).is_some() {
        return Some(RemovedKind::Byline);
    }
    if date_line(item).is_some() || loose_date_line(item).is_some() {
        return Some(RemovedKind::Date);
    }
    match classify(item) {
        Some(
            k @ (RemovedKind::Counter
            | RemovedKind::ReadingTime
            | RemovedKind::Share
            | RemovedKind::Tags),
        ) => Some(k),
        _ => None,
    }
}

/// A short line of page furniture that carries a date among other labels ("October 15,
/// 2018/0 Comments/in News /by admin"): up to 16 words, not a sentence.
fn loose_date_line(item: &str) -> Option<String> {
    let found = find_date(item)?;
    (word_count(item) <= 16 && !sentence_like(item) && !item.ends_with('.')).then_some(found.date)
}

/// The name in a date line: "… 7:45 am by Jane Doe", "November 20, 2019 Jane Doe",
/// "Example Wire November 18, 2019 11:03 PM".
fn name_in_date_line(item: &str) -> Option<String> {
    if let Some(c) = NAME_AFTER_BY.captures(item)
        && let Some((name, _)) = byline(&format!("By {}", &c[1]))
    {
        return Some(name);
    }
    let found = find_date(item)?;
    let rest = format!("{} | {}", &item[..found.start], &item[found.end..]);
    // drop times ("11:03 PM", "17:27:46") and weekday or zone words
    let rest: String = rest
        .split_whitespace()
        .filter(|w| {
            !w.chars().any(|c| c.is_ascii_digit())
                && !matches!(
                    w.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphanumeric()),
                    "am" | "pm"
                        | "a.m"
                        | "p.m"
                        | "gmt"
                        | "utc"
                        | "est"
                        | "edt"
                        | "pst"
                        | "pdt"
                        | "cet"
                        | "bst"
                        | "et"
                )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let lead = item[..found.start]
        .trim()
        .trim_end_matches(['|', '·', ',', '-', '–'])
        .trim();
    rest.split(['|', '·', '/', ',', '–', '—'])
        .map(|seg| seg.trim().trim_matches(['-', ':']).trim())
        .find(|seg| {
            let words = seg.split_whitespace().count();
            // one word only when it leads the line ("Example November 18, 2019")
            let single_ok = *seg == lead && seg.chars().count() >= 4;
            (2..=4).contains(&words) || words == 1 && single_ok
        })
        .filter(|seg| {
            !seg.contains(':')
                && !seg.split_whitespace().any(super::date::is_month_name)
                && name_like(seg)
                && date_line(seg).is_none()
                && find_date(seg).is_none()
                && !matches!(
                    seg.to_lowercase().as_str(),
                    "updated"
                        | "published"
                        | "posted"
                        | "last updated"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "today"
                )
        })
        .map(str::to_string)
}

static NAME_AFTER_BY: Gated<Regex> = Gated::new(r"(?-u:\b)(?:by|By|BY)\s+(.+)$", |t| {
    t.contains("by") || t.contains("By") || t.contains("BY")
});

static SHARE_BYLINE: Gated<Regex> = Gated::new(
    r"^(?i:share|shared by|posted by|posted|author)\s*[-–:|]\s*(.+)$",
    |t| starts_with_any(t, &["share", "posted", "author"]),
);

/// "Share- Name", "Posted by: Name": a share or posting label followed by the poster's name.
fn share_byline(t: &str) -> Option<String> {
    let re = &SHARE_BYLINE;
    // one to four words, each a capital letter then letters, dots, apostrophes or hyphens
    // (checked here: the pattern with four copies of `\p{L}` took longer to compile than all
    // the other patterns of the cleaner)
    let name = re.captures(t.trim())?.get(1)?.as_str();
    let word_ok = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    let words = name.split_whitespace().count();
    ((1..=4).contains(&words) && name.split_whitespace().all(word_ok)).then(|| name.to_string())
}

/// Records a name read from a byline as the author; a single word names the outlet or the
/// account that posted the page, so it is the source as well.
fn take_name(meta: &mut Meta, name: &str) {
    if name.split_whitespace().count() < 2 {
        Meta::set_if_empty(&mut meta.source, name);
    }
    Meta::set_if_empty(&mut meta.author, name);
}

/// Cleans text copied from a web page (a browser's select-all copy). The article is the densest
/// run of running text; the headline is the nearest headline-like line above it (skipping
/// bylines, dates, counters and a standfirst; never a menu entry or an item of a list of dated
/// stories), and a line whose words recur in the article's first paragraphs wins over one
/// whose words do not; metadata lines around the headline are read
/// into `meta`; everything outside the article is set aside with its kind (navigation unless a
/// more specific kind applies). Inside the article a line is set aside only when it is short
/// boilerplate or a non-sentence that a rule names; sentences of 12+ words stay. Falls back to
/// [`clean_text`] when the text has no run of running text.
pub fn clean_page(text: &str, meta: &mut Meta) -> Cleaned {
    let raw: Vec<&str> = text.lines().map(trim_invisible).collect();
    // whether the next non-empty line below each line starts in lower case (one pass upwards)
    let mut next_lower = vec![false; raw.len()];
    for i in (0..raw.len().saturating_sub(1)).rev() {
        let below = raw[i + 1];
        next_lower[i] = if below.is_empty() {
            next_lower[i + 1]
        } else {
            below.chars().next().is_some_and(char::is_lowercase)
        };
    }
    let mut lines: Vec<PageLine> = Vec::with_capacity(raw.len());
    for (i, t) in raw.iter().enumerate() {
        let (item, bullet) = strip_bullet(t);
        let next_lower = next_lower[i];
        lines.push(PageLine {
            text: t,
            item,
            bullet,
            words: word_count(item),
            shape: shape_of(item, next_lower),
        });
    }
    let Some((start, end)) = densest_run(&lines) else {
        return clean_text(text, meta);
    };
    let mut kinds: Vec<Option<RemovedKind>> = vec![None; lines.len()];
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].shape != Shape::Blank)
        .collect();
    let pos_start = nonblank.iter().position(|&i| i == start).unwrap_or(0);
    // a line just below a byline (an author link, a role) is not the headline
    let below_byline = |p: usize| {
        nonblank[p.saturating_sub(3)..p]
            .iter()
            .any(|&j| matches!(metadata_kind(lines[j].item), Some(RemovedKind::Byline)))
    };
    // A menu entry: a short line between short lines with no blank line between them, or the
    // last of five or more such lines. It is never the headline.
    let short: Vec<bool> = lines
        .iter()
        .map(|l| {
            matches!(l.shape, Shape::Short | Shape::Medium)
                && l.words <= 5
                && metadata_kind(l.item).is_none()
        })
        .collect();
    // how many short lines run on directly above each line
    let mut run_above = vec![0usize; lines.len()];
    for i in 1..lines.len() {
        run_above[i] = if short[i - 1] {
            run_above[i - 1] + 1
        } else {
            0
        };
    }
    let menu_entry: Vec<bool> = (0..lines.len())
        .map(|i| {
            if lines[i].shape == Shape::Blank || lines[i].words > 5 {
                return false;
            }
            let below = i + 1 < lines.len() && short[i + 1];
            if i > 0 && short[i - 1] && below {
                return true;
            }
            run_above[i] >= 4 && (i + 1 >= lines.len() || lines[i + 1].shape == Shape::Blank)
        })
        .collect();
    // A list of other stories: three or more headline-like lines each directly followed by
    // its date line, within a dozen lines of each other. None of them is the headline.
    let dated: Vec<bool> = (0..nonblank.len())
        .map(|p| {
            headline_like(&lines[nonblank[p]])
                && nonblank.get(p + 1).is_some_and(|&j| {
                    matches!(metadata_kind(lines[j].item), Some(RemovedKind::Date))
                })
        })
        .collect();
    let mut listed = vec![false; lines.len()];
    for p in (0..nonblank.len()).filter(|&p| dated[p]) {
        let others = (p.saturating_sub(12)..(p + 13).min(nonblank.len()))
            .filter(|&q| q != p && dated[q])
            .count();
        listed[nonblank[p]] = others >= 2;
    }
    let candidate = |i: usize| headline_like(&lines[i]) && !menu_entry[i] && !listed[i];
    let strong_meta = |i: usize| {
        matches!(
            metadata_kind(lines[i].item),
            Some(RemovedKind::Byline | RemovedKind::Date)
        ) || share_byline(lines[i].item).is_some()
    };
    // The headline: a headline printed twice in a row (page title and article heading) ...
    let mut title_at: Option<usize> = (pos_start.saturating_sub(40)
        ..(pos_start + 5).min(nonblank.len()))
        .rev()
        .find(|&p| {
            let l = &lines[nonblank[p]];
            let twin = nonblank[p + 1..]
                .iter()
                .take(2)
                .position(|&j| lines[j].item == l.item);
            // inside the article block a repeated line is the headline only when a byline or
            // date line follows it (else it is a repeated caption or table header)
            let in_block_ok = p < pos_start
                || !l.item.ends_with(['.', '。', ')', '）'])
                    && !l.item.contains("   ")
                    && twin.is_some_and(|k| {
                        nonblank[p + k + 2..]
                            .iter()
                            .take(3)
                            .any(|&j| strong_meta(j))
                    });
            let shape_ok = if l.words >= 5 {
                headline_shape(l)
            } else {
                headline_like(l)
            };
            shape_ok && !menu_entry[nonblank[p]] && l.words >= 4 && twin.is_some() && in_block_ok
        })
        .map(|p| nonblank[p]);
    // ... else the nearest headline-like line above the byline/date cluster nearest to the
    // article, past a standfirst or caption ...
    let cluster = (pos_start.saturating_sub(30)..(pos_start + 6).min(nonblank.len()))
        .rev()
        .find(|&p| strong_meta(nonblank[p]));
    if let Some(mut top) = cluster.filter(|_| title_at.is_none()) {
        // the cluster's top: metadata lines with at most three other lines between them
        while let Some(up) = (top.saturating_sub(4)..top).find(|&p| strong_meta(nonblank[p])) {
            top = up;
        }
        // a menu label, a section name or the page top
        let menu_above = |p: usize| {
            let mut q = p;
            while q > 0 {
                q -= 1;
                let l = &lines[nonblank[q]];
                if metadata_kind(l.item).is_some() && !strong_meta(nonblank[q]) {
                    continue;
                }
                return l.shape == Shape::Short || classify(l.item).is_some();
            }
            true
        };
        let mut shorts = 0;
        let mut sentences = 0;
        for p in (top.saturating_sub(8)..top).rev() {
            let l = &lines[nonblank[p]];
            if metadata_kind(l.item).is_some() {
                continue;
            }
            if candidate(nonblank[p]) && l.words >= 3 && !below_byline(p) {
                // prefer the shorter line above when it, not this one, tops the header group
                // (this one is then a standfirst or a caption)
                let mut meta_between = false;
                let mut upper = None;
                for q in (p.saturating_sub(4)..p).rev() {
                    let u = &lines[nonblank[q]];
                    if metadata_kind(u.item).is_some() {
                        meta_between = true;
                    } else if matches!(u.shape, Shape::Prose | Shape::Sentence)
                        && ends_sentence(u.item)
                        && upper.is_none()
                    {
                        continue;
                    } else {
                        upper = Some(q);
                        break;
                    }
                }
                let chosen = match upper {
                    Some(q)
                        if !menu_above(p)
                            && candidate(nonblank[q])
                            && lines[nonblank[q]].words >= 3
                            && (meta_between
                                || l.words >= 12 && lines[nonblank[q]].words < l.words)
                            && menu_above(q) =>
                    {
                        q
                    }
                    _ => p,
                };
                title_at = Some(nonblank[chosen]);
                break;
            }
            // two menu entries in a row end the header group
            if l.shape == Shape::Short {
                shorts += 1;
                if shorts >= 2 {
                    break;
                }
                continue;
            }
            shorts = 0;
            if matches!(l.shape, Shape::Prose | Shape::Sentence) {
                sentences += 1;
                if sentences > 2 {
                    break;
                }
            }
        }
    }
    // ... else a headline-like line followed closely by a byline, date or counter, the nearest
    // such line to the article (above it, or at its top) ...
    let followed_by = |p: usize, strong: bool| {
        nonblank[p + 1..]
            .iter()
            .take(if strong { 5 } else { 3 })
            .any(|&j| {
                let item = lines[j].item;
                match metadata_kind(item) {
                    Some(RemovedKind::Byline | RemovedKind::Date) => true,
                    Some(RemovedKind::Share) if share_byline(item).is_some() => true,
                    Some(_) => !strong,
                    None => name_line(item).is_some(),
                }
            })
    };
    // a two-word headline counts only right above a byline or date line
    let followed_by_meta = |p: usize| nonblank[p + 1..].iter().take(2).any(|&j| strong_meta(j));
    let window = pos_start.saturating_sub(30)..(pos_start + 2).min(nonblank.len());
    for strong in [true, false] {
        if title_at.is_some() {
            break;
        }
        title_at = window
            .clone()
            .rev()
            .find(|&p| {
                let l = &lines[nonblank[p]];
                candidate(nonblank[p])
                    && (l.words >= 3 || strong && l.words >= 2 && followed_by_meta(p))
                    && !below_byline(p)
                    && followed_by(p, strong)
            })
            .map(|p| nonblank[p]);
        if title_at.is_some() {
            break;
        }
    }
    // ... else the nearest headline-like line above it, skipping metadata, short labels and up
    // to two standfirst sentences ...
    if title_at.is_none() {
        let mut sentences = 0;
        for p in (pos_start.saturating_sub(25)..pos_start).rev() {
            let i = nonblank[p];
            let l = &lines[i];
            if metadata_kind(l.item).is_some() || l.shape == Shape::Short && !candidate(i) {
                continue;
            }
            if matches!(l.shape, Shape::Prose | Shape::Sentence) && ends_sentence(l.item) {
                sentences += 1;
                if sentences > 2 {
                    break;
                }
                continue;
            }
            if candidate(i) && l.words >= 3 && !below_byline(p) {
                title_at = Some(i);
                break;
            }
        }
    }
    // ... else the top line of the article block itself (a plain article: title, then text).
    if title_at.is_none() && candidate(start) && !ends_sentence(lines[start].item) {
        title_at = Some(start);
    }
    // Last, the words of the article's opening: a headline-like line near the article whose
    // words recur in the first paragraphs below it replaces a choice whose words do not (a
    // teaser, a standfirst or a caption above the real headline). Here a title-case headline
    // that ends with a full stop counts as well.
    {
        let near_meta = |p: usize| nonblank[p + 1..].iter().take(4).any(|&j| strong_meta(j));
        let lede_of = |i: usize| -> String {
            (i + 1..=end)
                .filter(|&j| {
                    j >= start
                        && lines[j].shape == Shape::Prose
                        && lines[j].words >= 15
                        && lines[j].item != lines[i].item
                        && !boilerplate(lines[j].item)
                })
                .take(3)
                .map(|j| lines[j].item)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let score = |i: usize| lede_overlap(lines[i].item, &lede_of(i));
        let above = pos_start.saturating_sub(40)..pos_start;
        // inside the block only a line right above a byline or date line, near its top
        let inside = pos_start..(pos_start + 12).min(nonblank.len());
        let best = above
            .filter(|&p| !below_byline(p))
            .chain(inside.filter(|&p| near_meta(p)))
            .filter(|&p| {
                let i = nonblank[p];
                lines[i].words >= 3 && (candidate(i) || titled_sentences(&lines[i]))
            })
            .map(|p| (p, score(nonblank[p])))
            .filter(|&(_, (shared, share))| shared >= 2 && share >= 0.5)
            .max_by(|a, b| {
                a.1.1
                    .total_cmp(&b.1.1)
                    .then_with(|| b.0.abs_diff(pos_start).cmp(&a.0.abs_diff(pos_start)))
            });
        // a headline right above its byline or date line is kept unless the other is one too
        let current_meta = title_at
            .and_then(|t| nonblank.iter().position(|&i| i == t))
            .is_some_and(near_meta);
        let signed = |p: usize| {
            near_meta(p)
                || nonblank[p + 1..]
                    .iter()
                    .take(2)
                    .any(|&j| name_line(lines[j].item).is_some())
        };
        if let Some((p, (_, share))) = best
            && (!current_meta || signed(p))
        {
            let current = title_at.map_or(0.0, |t| score(t).1);
            if share >= current + 0.3 {
                title_at = Some(nonblank[p]);
            }
        }
    }
    let body_start = match title_at {
        Some(t) if t >= start => t + 1,
        _ => start,
    };
    if let Some(t) = title_at {
        kinds[t] = Some(RemovedKind::Title);
        Meta::set_if_empty(&mut meta.title, strip_heading(lines[t].item));
    }
    // Lines of text between a headline and the article (a standfirst, an opening paragraph
    // too short to score) are kept: losing article text is worse than keeping a caption.
    let mut lead_in = vec![false; lines.len()];
    if let Some(t) = title_at.filter(|&t| t < start) {
        let between = nonblank.iter().filter(|&&i| i > t && i < start).count();
        if between <= 25 {
            for i in t + 1..start {
                let l = &lines[i];
                lead_in[i] = matches!(l.shape, Shape::Prose | Shape::Sentence | Shape::Medium)
                    && metadata_kind(l.item).is_none();
            }
        }
    }
    // Metadata near the headline: from a few lines above it to the first lines of the article.
    let head_from = title_at.unwrap_or(start).saturating_sub(6);
    let head_to = (body_start + 12).min(lines.len());
    let mut body_lines_seen = 0;
    for i in head_from..head_to {
        let l = &lines[i];
        if l.shape == Shape::Blank || kinds[i].is_some() {
            continue;
        }
        if i >= body_start && matches!(l.shape, Shape::Prose) {
            body_lines_seen += 1;
            if body_lines_seen > 2 {
                break;
            }
            continue;
        }
        if let Some(kind) = metadata_kind(l.item) {
            read_metadata(l.item, kind, meta);
            kinds[i] = Some(kind);
        }
    }
    // A line that is only a name, right below the headline or right above a date line, is
    // the byline when no explicit one was found.
    if meta.author.is_none()
        && let Some(t) = title_at
    {
        let pos_t = nonblank.iter().position(|&i| i == t).unwrap_or(0);
        let near: Vec<usize> = nonblank[pos_t + 1..].iter().take(6).copied().collect();
        for (k, &i) in near.iter().enumerate() {
            let below_title = k < 3;
            let next_to_date = near
                .get(k + 1)
                .into_iter()
                .chain(k.checked_sub(1).and_then(|q| near.get(q)))
                .any(|&j| kinds[j] == Some(RemovedKind::Date));
            let above_date = next_to_date;
            if kinds[i].is_none()
                && (below_title || above_date)
                && let Some(name) = name_line(lines[i].item)
            {
                take_name(meta, &name);
                kinds[i] = Some(RemovedKind::Byline);
                break;
            }
        }
    }
    // Tag lists: a header line with items, or a run of 3+ short bullet items after the article.
    let r = rules();
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if let Some(c) = r.tags_header.captures(l.item)
            && l.words <= 40
            && (l.item.contains(':') || c[1].is_empty())
            && (i < start || i > end || !sentence_like(l.item))
        {
            let items: Vec<String> = c[1]
                .split([',', ';', '|', '·', '•'])
                .map(|s| s.trim().trim_start_matches('#').to_string())
                .filter(|s| !s.is_empty())
                .collect();
            push_tags(meta, items);
            kinds[i] = Some(RemovedKind::Tags);
            // a bare "Tags:" header: the list items below it are the tags
            if c[1].trim().is_empty() {
                let mut j = i + 1;
                let mut items = Vec::new();
                while j < lines.len()
                    && (lines[j].shape == Shape::Blank && items.is_empty()
                        || lines[j].bullet && is_tag_item(&lines[j]))
                {
                    if lines[j].shape != Shape::Blank {
                        items.push(lines[j].item.trim_start_matches('#').to_string());
                        kinds[j] = Some(RemovedKind::Tags);
                    }
                    j += 1;
                }
                push_tags(meta, items);
                i = j;
                continue;
            }
        }
        if i > end && l.bullet && is_tag_item(l) {
            let run_end = (i..lines.len())
                .take_while(|&j| {
                    lines[j].shape == Shape::Blank || lines[j].bullet && is_tag_item(&lines[j])
                })
                .last()
                .unwrap_or(i);
            let count = (i..=run_end).filter(|&j| lines[j].bullet).count();
            if count >= 3 {
                let items = (i..=run_end)
                    .filter(|&j| lines[j].bullet)
                    .map(|j| lines[j].item.trim_start_matches('#').to_string())
                    .collect();
                push_tags(meta, items);
                for j in i..=run_end {
                    if lines[j].bullet {
                        kinds[j] = Some(RemovedKind::Tags);
                    }
                }
                i = run_end + 1;
                continue;
            }
        }
        i += 1;
    }
    // Furniture that closes the article block: two or more boilerplate lines in a row at its
    // end (a cookie note, then a disclaimer) are set aside even when they are sentences.
    let mut tail = Vec::new();
    for i in (body_start..=end).rev() {
        if lines[i].shape == Shape::Blank {
            continue;
        }
        match classify(lines[i].item) {
            Some(kind) => tail.push((i, kind)),
            None if rules().illustrative.is_match(lines[i].item) => {
                tail.push((i, RemovedKind::Disclaimer));
            }
            None => break,
        }
    }
    if tail.len() >= 2 {
        for (i, kind) in tail {
            kinds[i] = Some(kind);
        }
    }
    // Everything else outside the article is set aside; inside, only named boilerplate that is
    // not a sentence.
    for i in 0..lines.len() {
        let l = &lines[i];
        if l.shape == Shape::Blank || kinds[i].is_some() {
            continue;
        }
        if r.illustrative.is_match(l.item) && l.words <= 60 {
            meta.illustrative = true;
            kinds[i] = Some(RemovedKind::Disclaimer);
            continue;
        }
        let inside = i >= body_start && i <= end || lead_in[i];
        if inside {
            if let Some(kind) = classify(l.item)
                && !sentence_like(l.item)
            {
                kinds[i] = Some(kind);
            }
        } else {
            kinds[i] = Some(classify(l.item).unwrap_or(RemovedKind::Navigation));
        }
    }
    // Paragraphs: blank lines when the article uses them, else one paragraph per line.
    let blank_separated = (body_start..=end).any(|i| lines[i].shape == Shape::Blank);
    let mut out = Cleaned::default();
    for (i, l) in lines.iter().enumerate() {
        match kinds[i] {
            Some(kind) => {
                let merge = kind == RemovedKind::Tags
                    && out
                        .removed
                        .last()
                        .is_some_and(|r| r.kind == RemovedKind::Tags);
                if merge && let Some(last) = out.removed.last_mut() {
                    last.text.push('\n');
                    last.text.push_str(l.text);
                } else {
                    out.removed.push(Removed {
                        kind,
                        text: l.text.to_string(),
                    });
                }
            }
            None if l.shape == Shape::Blank => {
                if i >= body_start && i <= end {
                    out.lines.push(String::new());
                }
            }
            None => {
                out.lines.push(l.text.to_string());
                if !blank_separated {
                    out.lines.push(String::new());
                }
            }
        }
    }
    out
}

/// Words so common in any text that sharing them says nothing (English function words).
const FUNCTION_WORDS: &[&str] = &[
    "about", "after", "also", "been", "before", "being", "from", "have", "into", "just", "more",
    "most", "only", "over", "said", "says", "some", "than", "that", "their", "them", "then",
    "there", "these", "they", "this", "those", "what", "when", "where", "which", "while", "will",
    "with", "would", "your", "were", "here",
];

/// The content words of a text for comparing a headline with the text below it: words of
/// four or more letters (digits count) other than function words, cut to their first five
/// characters so that inflected forms meet; in scripts written without spaces, each pair of
/// neighbouring characters.
fn content_words(t: &str) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for w in t.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = w.chars().collect();
        if chars.iter().any(|c| unspaced_script(*c)) {
            for pair in chars.windows(2) {
                out.insert(pair.iter().collect::<String>().to_lowercase());
            }
            continue;
        }
        let lower = w.to_lowercase();
        if chars.len() >= 4 && !FUNCTION_WORDS.contains(&lower.as_str()) {
            out.insert(lower.chars().take(5).collect());
        }
    }
    out
}

/// How many of a headline's content words recur in `lede`, and what share of them.
fn lede_overlap(headline: &str, lede: &str) -> (usize, f64) {
    let head = content_words(headline);
    if head.is_empty() {
        return (0, 0.0);
    }
    let body = content_words(lede);
    let shared = head.iter().filter(|w| body.contains(*w)).count();
    (shared, shared as f64 / head.len() as f64)
}

fn is_tag_item(l: &PageLine) -> bool {
    l.words <= 5 && !ends_sentence(l.item) && l.item.chars().any(char::is_alphanumeric)
}

/// Lifts metadata out of a head line of the given kind.
fn read_metadata(item: &str, kind: RemovedKind, meta: &mut Meta) {
    match kind {
        RemovedKind::Share => {
            if let Some(name) = share_byline(item) {
                take_name(meta, &name);
            }
        }
        RemovedKind::Byline => {
            if let Some((author, outlet)) = byline(item) {
                Meta::set_if_empty(&mut meta.author, &author);
                if let Some(o) = outlet {
                    Meta::set_if_empty(&mut meta.source, &o);
                }
            }
            if let Some(d) = find_date(item) {
                Meta::set_if_empty(&mut meta.date, &d.date);
            }
        }
        RemovedKind::Date => {
            if let Some(d) = date_line(item).or_else(|| loose_date_line(item)) {
                Meta::set_if_empty(&mut meta.date, &d);
            }
            if meta.author.is_none()
                && let Some(name) = name_in_date_line(item)
            {
                take_name(meta, &name);
            }
        }
        _ => {}
    }
}

/// Whether every non-blank line from here to the end is boilerplate a rule names (closing
/// furniture such as a disclaimer, a copyright line, share buttons).
fn tail_is_furniture(rest: &[&str]) -> bool {
    rest.iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .all(|l| classify(l).is_some() || rules().list_item.is_match(l))
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

    /// Lines that exercise every alternative of the gated patterns (and lines near them).
    const GATE_LINES: &[&str] = &[
        "By Jane Doe",
        "by JANE DOE and Max Mustermann",
        "Written by Ana Lima",
        "Words by Ana Lima",
        "Author: Sam Smith",
        "Authors : Sam Smith, Lee Park",
        "Reporting by Ana Lima; Editing by Sam Smith",
        "Posted by Kim Lee",
        "Story by Kim Lee",
        "Report BY Kim Lee",
        "Politics, 1.2\u{212A} shares",
        "\u{17F}ubscribe",
        "12 Comments",
        "Politics, 1.2K shares",
        "(3) replies",
        "New, 6 comments",
        "Comments: 12",
        "Views (3.4k)",
        "No comments yet",
        "Leave a comment.",
        "Be the first to comment",
        "Add a comment",
        "Show comments",
        "View comments",
        "4 min read",
        "Reading time: 5 minutes",
        "Estimated read time 7 mins",
        "five-minute read",
        "Tags: Politics, Europe",
        "Filed under: World",
        "Related topics",
        "KEYWORDS: trade",
        "- first item",
        "  • bullet",
        "# heading",
        "* starred",
        "· dotted",
        "Source: Example Wire",
        "Published by: Example Wire",
        "Site : example.com",
        "Advertisement",
        "ADVERT",
        "Ad",
        "Sponsored content",
        "Skip to main content",
        "Read more",
        "Related stories",
        "More from Example Wire",
        "Continue reading the main story",
        "Click here to subscribe",
        "Back to top",
        "Most popular",
        "Trending now",
        "Follow us on X",
        "Listen to this article 5 min",
        "Home",
        "Menu",
        "Search",
        "Sign in",
        "Log in",
        "Subscribe",
        "Watch",
        "Video",
        "See also: the earlier report",
        "Also read: more",
        "Read: the speech",
        "News > World > Europe",
        "Sport / Football",
        "Économie › Entreprises",
        "Home | News",
        "Photo: Jane Doe/Agency",
        "(Photo credit: Agency)",
        "Image 3 of 12",
        "Slide 2 of 9",
        "Photo by Jane Doe",
        "(Image courtesy of the museum)",
        "File photo: a street",
        "Pictured: the mayor",
        "Illustration: Ana Lima",
        "Credit: Agency",
        "Disclaimer: this is not advice",
        "This article was generated with the help of AI.",
        "This story has been produced in part by automated tools",
        "Parts of this text were generated in part by a model.",
        "Written with the assistance of artificial intelligence.",
        "The views expressed are the author's own.",
        "The opinions expressed here",
        "Copyright 2024 Example Wire",
        "© 2024 Example Wire",
        "All rights reserved.",
        "This material may not be published, broadcast or redistributed.",
        "Sign up for our daily briefing",
        "Subscribe to the newsletter for updates",
        "Our newsletter: sign up today",
        "Delivered to your inbox every morning",
        "Get the latest news and headlines",
        "We use cookies to improve your browsing",
        "Cookie policy",
        "Accept all cookies",
        "This site uses cookies.",
        "An illustrative sample article",
        "This is not a real publication.",
        "Published: Nov. 21, 2024 5:02 p.m. ET",
        "Updated 3 hours ago",
        "Today 12:01 AM",
        "5 mins ago",
        "… last week.Credit...Jane Doe/Agency",
        "Photo credits: Agency",
        "Share- Jane Doe",
        "Posted by: Jane Doe",
        "AUTHOR | Jane Doe",
        "November 20, 2019 7:45 am by Jane Doe",
        "The minister said the plan was a starting point for talks.",
        "Prices rose 3% > forecast / analysts said",
        "",
    ];

    /// Every line a gated pattern matches passes its gate: over [`GATE_LINES`] (each pattern
    /// matches some of them) and, when present, every line of the copied pages of
    /// `../shared/data/pages-dev`.
    #[test]
    fn every_gate_lets_through_what_its_pattern_matches() {
        let mut lines: Vec<String> = GATE_LINES.iter().map(|l| l.to_string()).collect();
        let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/pages-dev/copied");
        match std::fs::read_dir(&dev) {
            Ok(dir) => {
                for f in dir.flatten() {
                    let text = std::fs::read_to_string(f.path()).unwrap_or_default();
                    for l in text.lines() {
                        lines.push(l.to_string());
                        lines.push(l.trim().to_string());
                    }
                }
            }
            Err(_) => eprintln!("pages-dev not found: the dev lines are skipped"),
        }
        fn check<T: Compiled>(name: &str, g: &Gated<T>, lines: &[String]) {
            let mut matched = 0;
            for l in lines {
                if g.compiled().is_match(l) {
                    matched += 1;
                    assert!(g.may_match(l), "{name}: the gate turns away {l:?}");
                }
            }
            assert!(matched > 0, "{name} ({}) matches no test line", g.pattern());
        }
        let r = rules();
        check("byline", &r.byline, &lines);
        check("counter", &r.counter, &lines);
        check("counter_label_first", &r.counter_label_first, &lines);
        check("reading_time", &r.reading_time, &lines);
        check("tags_header", &r.tags_header, &lines);
        check("list_item", &r.list_item, &lines);
        check("source_line", &r.source_line, &lines);
        check("navigation", &r.navigation, &lines);
        check("crumb_separator", &r.crumb_separator, &lines);
        check("caption", &r.caption, &lines);
        check("disclaimer", &r.disclaimer, &lines);
        check("newsletter", &r.newsletter, &lines);
        check("cookie", &r.cookie, &lines);
        check("illustrative", &r.illustrative, &lines);
        check("date_words", &r.date_words, &lines);
        check("photo_credit", &PHOTO_CREDIT, &lines);
        check("counter_mention", &COUNTER_MENTION, &lines);
        check("relative_time", &RELATIVE_TIME, &lines);
        check("name_after_by", &NAME_AFTER_BY, &lines);
        check("share_byline", &SHARE_BYLINE, &lines);
    }

    #[test]
    fn breadcrumbs_are_told_from_prose() {
        let sep = &rules().crumb_separator;
        assert!(is_breadcrumb("News > World > Europe", sep));
        assert!(is_breadcrumb("Sport / Football", sep));
        assert!(is_breadcrumb("Économie › Entreprises", sep));
        assert!(!is_breadcrumb("News", sep), "one step is not a trail");
        assert!(
            !is_breadcrumb("A > B > C > D > E > F", sep),
            "at most five steps"
        );
        assert!(!is_breadcrumb(
            "Prices rose 3% > forecast / analysts said",
            sep
        ));
        assert!(!is_breadcrumb(
            "News > a step far longer than twenty-five letters",
            sep
        ));
        assert!(
            !is_breadcrumb("News > 2024", sep),
            "a step starts with a letter"
        );
    }

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
            ("(Image credit: Example Agency)", RemovedKind::Caption),
            ("Image 2 of 5", RemovedKind::Caption),
            ("Home > World > Europe", RemovedKind::Navigation),
        ] {
            assert_eq!(classify(line), Some(kind), "{line}");
        }
    }

    /// A blog-style page in bullet form: share line with the poster, date, counters and
    /// reading time as "- " items, a tag list and a disclaimer after the article.
    const BULLET_PAGE: &str = "Quiet harbour town votes to rebuild its old pier
Share- Harbourwatch
- March 14, 2024
- 3 Comments
- 2 minutes read
- 51 Views
The town council voted on Tuesday to rebuild the old pier, which was damaged in a winter storm last year and has been closed to the public since.
Residents had asked for the work for months, and the council said it would pay for it from the harbour fund rather than raise local taxes.
The mayor said the new pier would be open by the end of the summer if the weather allowed the builders to keep to their plan.
- Harbour
- Council
- Storms
Disclaimer: This page may contain errors and is provided for information only; readers should check the facts before relying on it.
";

    #[test]
    fn bullet_form_metadata_and_tags() {
        let mut meta = Meta::default();
        let c = clean_page(BULLET_PAGE, &mut meta);
        assert_eq!(
            meta.title.as_deref(),
            Some("Quiet harbour town votes to rebuild its old pier")
        );
        assert_eq!(meta.source.as_deref(), Some("Harbourwatch"));
        assert_eq!(meta.date.as_deref(), Some("2024-03-14"));
        assert_eq!(meta.tags, vec!["Harbour", "Council", "Storms"]);
        let body: Vec<&String> = c.lines.iter().filter(|l| !l.is_empty()).collect();
        assert_eq!(body.len(), 3, "{body:#?}");
        let kinds: Vec<RemovedKind> = c.removed.iter().map(|r| r.kind).collect();
        for k in [
            RemovedKind::Title,
            RemovedKind::Share,
            RemovedKind::Date,
            RemovedKind::Counter,
            RemovedKind::ReadingTime,
            RemovedKind::Tags,
            RemovedKind::Disclaimer,
        ] {
            assert!(kinds.contains(&k), "{k:?} missing in {kinds:?}");
        }
    }

    #[test]
    fn byline_below_a_standfirst() {
        let text = "News\nWorld\nSport\n\nCouncil backs harbour plan\n\nThe vote ends a year of argument over who should pay for the repairs.\n\nBy Ines Berg\nUpdated 4 March 2024\n\nThe council backed the harbour plan on Monday by a large majority after a long debate about the cost of the repairs.\n\nWork is expected to start in the spring, the council said in a statement released after the vote.\n\nContact us\nPrivacy\n";
        let mut meta = Meta::default();
        let c = clean_page(text, &mut meta);
        assert_eq!(meta.title.as_deref(), Some("Council backs harbour plan"));
        assert_eq!(meta.author.as_deref(), Some("Ines Berg"));
        assert_eq!(meta.date.as_deref(), Some("2024-03-04"));
        let body = c.lines.join("\n");
        assert!(body.contains("The council backed"), "{body}");
        assert!(body.contains("Work is expected"), "{body}");
        assert!(
            !body.contains("Contact us") && !body.contains("Sport"),
            "{body}"
        );
    }

    #[test]
    fn plain_text_without_page_furniture_is_kept_whole() {
        let text = "Harbour reopens\n\nThe harbour reopened on Monday.\n\nBoats came back.\n";
        let mut meta = Meta::default();
        let c = clean_page(text, &mut meta);
        let body = c.lines.join("\n");
        assert!(body.contains("The harbour reopened on Monday."), "{body}");
        assert!(body.contains("Boats came back."), "{body}");
    }

    #[test]
    fn sentences_are_not_dropped_on_a_word_match() {
        let text = "Talks resume\n\nThe senators met on Tuesday to discuss the budget for the coming year.\n\nA poll conducted by Reuters/Ipsos found that most voters in the state support the plan.\n\nThe views expressed by the senator in the debate were echoed by several of her colleagues.\n\nThe vote is expected next week, after a final round of hearings on the bill.\n\nThis article was generated in part using AI and was checked by our editors.\n";
        let mut meta = Meta::default();
        let c = clean_text(text, &mut meta);
        let body = c.lines.join("\n");
        assert!(body.contains("by Reuters/Ipsos"), "{body}");
        assert!(
            body.contains("The views expressed by the senator"),
            "{body}"
        );
        assert!(!body.contains("generated in part"), "{body}");
    }

    #[test]
    fn a_line_repeated_right_away_is_kept_once() {
        let text = "The quay was rebuilt in a week by the port's own crews.\n\nCrews at work on the quay on Monday morning\nCrews at work on the quay on Monday morning\n\nThe ferry runs again from Wednesday, the operator said.\n\nCrews at work on the quay on Monday morning\n";
        let mut meta = Meta::default();
        let c = clean_text(text, &mut meta);
        let kept = c
            .lines
            .iter()
            .filter(|l| l.starts_with("Crews at work"))
            .count();
        // the copy right below is set aside, a later repeat stays (it may be the article's)
        assert_eq!(kept, 2, "{:#?}", c.lines);
        assert_eq!(c.removed.len(), 1);
    }

    #[test]
    fn keeps_body_sentences() {
        for line in [
            "He said the plan could be a starting point for talks.",
            "Share prices in Moscow rose 2 percent after the statement.",
            "Read the statement carefully, the minister told reporters on Friday.",
            "The summit was called pointless by the Kremlin.",
            "1/2 tsp ground cloves",
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

    /// Body paragraphs about a ferry service (the article of the headline tests below).
    const FERRY_BODY: &str = "The ferry service to the northern island returned on Monday after storm repairs to the pier kept the boats in port for three weeks.\n\nPassengers queued from early morning, and the operator said the island service would run on its winter timetable until the end of March.\n\nRepairs to the northern pier cost more than the council had planned, and the operator said it would ask for help with the bill.\n";

    #[test]
    fn headline_above_a_standfirst_without_full_stop() {
        let text = format!(
            "Local News\nWeather\n\nEverything happening in the county this week, in one place.\n\nFerry Service Returns To Northern Island After Storm Repairs\n\nThe captain said the crossing was calm and the passengers cheered all the way over\n\nBy Jane Roe\n\nPublished Nov 18, 2019 at 4:07 PM\n\n{FERRY_BODY}\nContact us\n"
        );
        let mut meta = Meta::default();
        clean_page(&text, &mut meta);
        assert_eq!(
            meta.title.as_deref(),
            Some("Ferry Service Returns To Northern Island After Storm Repairs")
        );
        assert_eq!(meta.author.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_list_of_dated_stories_above_the_body_is_not_the_headline() {
        let text = format!(
            "Home\nNews\nSport\n\nFerry service to the northern island is back after storm repairs\n\nJane RoeAll her articles\n\nThe boats are running again on the winter timetable\n\nJohn Doe November 20, 2019 12:32\nPLAN YOUR TRIP\nRELATED READING\nNEWS\n\nFerry operator wins island contract\n\nMay 15, 2017\nNEWS\n\nNorthern pier closes after storm damage\n\nJanuary 22, 2018\nFEATURES\n\nIsland ferry fares rise for winter\n\nJanuary 12, 2016\nNEWS\n\nFive reasons to take the ferry this winter\n\nOctober 18, 2019\nADVERTORIAL\n\nStorm repairs to the northern pier begin\n\nJanuary 14, 2019\nFEATURES\n\nFirst look at the new island ferry\n\nJune 18, 2013\nNEWS\n\nThe strangest boat you will see today\n\nSeptember 12, 2018\nREVIEWS\n\nIsland school gets a new roof\n\nOctober 19, 2018\n\n{FERRY_BODY}"
        );
        let mut meta = Meta::default();
        let c = clean_page(&text, &mut meta);
        assert_eq!(
            meta.title.as_deref(),
            Some("Ferry service to the northern island is back after storm repairs")
        );
        assert!(c.lines.join("\n").contains("Passengers queued"));
    }

    #[test]
    fn a_menu_entry_is_not_the_headline_and_a_title_case_headline_is_not_a_name() {
        let text = format!(
            "Home\nNews\nSport\nEditor's Choice\nHarbour Fees Up\n\nFerry Service Returns To Northern Island\n\nShare this:\n\n{FERRY_BODY}"
        );
        let mut meta = Meta::default();
        clean_page(&text, &mut meta);
        assert_eq!(
            meta.title.as_deref(),
            Some("Ferry Service Returns To Northern Island")
        );
        assert_eq!(
            name_line("Ferry Service Returns To Northern Island After Storm Repairs"),
            None
        );
        assert_eq!(
            name_line("Jane Roe and John Doe, Example Press").as_deref(),
            Some("Jane Roe and John Doe")
        );
        assert!(name_line("Jane Q. Roe Senior Contributor").is_some());
    }

    #[test]
    fn a_headline_printed_twice_at_the_top_of_the_article() {
        // the promo line above is running text, so the article block starts there
        let text = format!(
            "Menu\nSearch\n\nDownload our free guide to island travel, with maps, timetables and the best walks on the north coast!\n\nHome\nTravel\nFerry Service Returns To Island\n\nFerry Service Returns To Island\n\nJane Roe 20/11/2019 2 comments Travel, Islands\n\n{FERRY_BODY}"
        );
        let mut meta = Meta::default();
        clean_page(&text, &mut meta);
        assert_eq!(
            meta.title.as_deref(),
            Some("Ferry Service Returns To Island")
        );
    }

    #[test]
    fn a_two_word_headline_above_its_date_and_byline() {
        let text = format!(
            "Blog\nGames\nForum\nShop\nAccount\n\nHome » Blog »\n\nFerry news\n\nAugust 13, 2018\nPosted by Jane Roe\nLeave a comment\n\n{FERRY_BODY}"
        );
        let mut meta = Meta::default();
        clean_page(&text, &mut meta);
        assert_eq!(meta.title.as_deref(), Some("Ferry news"));
    }

    #[test]
    fn a_title_case_headline_with_full_stops_below_a_browser_notice() {
        // the notice is running text, so the article block starts above the headline
        let text = format!(
            "Your browser is out of date. Please update it to see this site as intended, with all its features and the latest security fixes.\n\nNews\n\nFerry Service Returns To Island. Why The Fares Will Rise.\n\nBy\nJane Roe\nUpdated Nov. 19, 2019 8:21 am ET\n\n{FERRY_BODY}"
        );
        let mut meta = Meta::default();
        let c = clean_page(&text, &mut meta);
        assert_eq!(
            meta.title.as_deref(),
            Some("Ferry Service Returns To Island. Why The Fares Will Rise.")
        );
        let body = c.lines.join("\n");
        assert!(!body.contains("out of date"), "{body}");
        assert!(body.contains("Passengers queued"), "{body}");
        // a sentence of running text is not a title-case headline
        let sentence = PageLine {
            text: "The ferry is back on the winter timetable.",
            item: "The ferry is back on the winter timetable.",
            bullet: false,
            words: 8,
            shape: Shape::Sentence,
        };
        assert!(!titled_sentences(&sentence));
    }

    #[test]
    fn byline_parts_and_captions_are_not_headlines() {
        assert!(social_handle("News reporter @janeroe"));
        assert!(!social_handle("Talks in Brussels @ noon"));
        assert!(photo_credit(
            "The pier after the storm last week.Credit...Jane Roe/Example Agency"
        ));
        assert!(photo_credit("The northern pier (credit: Example Agency)"));
        assert!(!photo_credit("Credit card debt rises again"));
        let caption = PageLine {
            text: "The pier last week.Credit...Jane Roe",
            item: "The pier last week.Credit...Jane Roe",
            bullet: false,
            words: 6,
            shape: Shape::Medium,
        };
        assert!(!headline_like(&caption));
        assert!(is_share_line("Share this with Messenger"));
    }

    #[test]
    fn lede_overlap_counts_content_words() {
        let (shared, share) = lede_overlap(
            "Ferry services return to the island",
            "The ferry service returned to the island on Monday.",
        );
        // ferry, servi(ces), retur(n), islan(d): all four recur
        assert_eq!(shared, 4);
        assert!((share - 1.0).abs() < 1e-9);
        let (shared, _) = lede_overlap("What they said about that", "What they said about that");
        assert_eq!(shared, 0, "function words alone say nothing");
        assert_eq!(lede_overlap("", "text").0, 0);
        assert!(lede_overlap("商品の改造", "商品の改造が").0 >= 2);
    }
}
