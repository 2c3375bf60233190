//! Measured quality of reading real web pages (pages-dev: `copied/<id>.txt`, `html/<id>.html.gz`,
//! `ground-truth.json`): the body is scored with the article-extraction benchmark's metric, and
//! title, date and author against what the page's own markup declares. Development tooling: it
//! reads the folder it is pointed at.
//!
//! Body metric (as the benchmark's evaluate.py): 4-gram shingles of `\w+` tokens of the extracted
//! body against `articleBody`; per page TP/FP/FN counted over the shingle multisets and
//! normalised to sum 1; precision and recall of each page averaged over pages; F1 of the two
//! averages. The pooled form (sum of normalised TP over sum of TP+FP) is printed beside it.
//!
//! Reference metadata is read from the raw HTML here, independently of the ingester:
//! - title: JSON-LD `headline`/`name` of article-like objects, `og:title`, `twitter:title`, the
//!   first `h1` and `<title>`. A title counts when, after folding case and whitespace, it equals a
//!   reference or the part of one before a site suffix (" | ", " - ", " – ", " — ", " :: "), or
//!   one contains the other and the shorter is at least 60% of the longer's length.
//! - date: every JSON-LD `datePublished` (any type, `@graph` included), `article:published_time`,
//!   `og:published_time`, `og:pubdate`, `name=pubdate`/`publishdate`/`date`, `itemprop=datePublished`.
//!   A date counts when its YYYY-MM-DD equals one of them.
//! - author: JSON-LD `author` names, `name=author`, `article:author` (unless a URL),
//!   `itemprop=author`, `rel=author`. An author counts when, folded to lower-case words, it
//!   contains a reference name or a reference name contains it (two words or more).
//!
//! On the copied path date and author are scored only on pages whose copied text shows them (the
//! date written in any form [`find_date`] reads; the author's name as words); on the HTML path on
//! pages whose markup has them.

use crate::ingest::date::{find_date, normalize_date};
use crate::ingest::{self};
use crate::model::Article;
use regex::Regex;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Shingle size of the benchmark.
const NGRAM: usize = 4;

fn token_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"\w+").unwrap())
}

/// The benchmark's shingles: every run of 4 consecutive `\w+` tokens (a shorter text gives one
/// shorter shingle), counted.
pub fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = token_re().find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    let n = tokens.len().saturating_sub(NGRAM) + 1;
    for i in 0..n.max(1) {
        let end = (i + NGRAM).min(tokens.len());
        *out.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
    }
    out
}

/// Normalised true positives, false positives and false negatives of one page.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

/// Scores one extracted body against the gold body.
pub fn score(gold: &str, predicted: &str) -> Counts {
    let g = shingles(gold);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += gc.min(pc) as f64;
        fn_ += gc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        let gc = g.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(gc) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        Counts {
            tp: tp / s,
            fp: fp / s,
            fn_: fn_ / s,
        }
    } else {
        Counts::default()
    }
}

/// Precision, recall and F1 over pages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BodyScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// The pooled form: Σtp/(Σtp+Σfp), Σtp/(Σtp+Σfn).
    pub pooled_f1: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Averages per-page precision and recall (a page with nothing predicted has precision 0).
pub fn aggregate(pages: &[Counts]) -> BodyScore {
    if pages.is_empty() {
        return BodyScore::default();
    }
    let n = pages.len() as f64;
    let ratio = |a: f64, b: f64| if a + b > 0.0 { a / (a + b) } else { 0.0 };
    let precision = pages.iter().map(|c| ratio(c.tp, c.fp)).sum::<f64>() / n;
    let recall = pages.iter().map(|c| ratio(c.tp, c.fn_)).sum::<f64>() / n;
    let (tp, fp, fn_) = pages.iter().fold((0.0, 0.0, 0.0), |(a, b, c), x| {
        (a + x.tp, b + x.fp, c + x.fn_)
    });
    BodyScore {
        precision,
        recall,
        f1: f1(precision, recall),
        pooled_f1: f1(ratio(tp, fp), ratio(tp, fn_)),
    }
}

/// Share of the gold body's shingles that occur in the text set aside (capped per shingle by
/// how often the gold has it, and by how often the kept body lacks it).
pub fn set_aside_share(gold: &str, body: &str, removed: &str) -> (usize, usize) {
    let g = shingles(gold);
    let b = shingles(body);
    let r = shingles(removed);
    let total: usize = g.values().sum();
    let mut lost = 0;
    for (k, &gc) in &g {
        let missing = gc.saturating_sub(b.get(k).copied().unwrap_or(0));
        lost += missing.min(r.get(k).copied().unwrap_or(0));
    }
    (lost, total)
}

/// What the page's markup declares.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    /// The article's own headline: JSON-LD `headline` and the first `h1`.
    pub headlines: Vec<String>,
    /// Page titles that may carry a site suffix: `og:title`, `twitter:title`, `<title>`.
    pub titles: Vec<String>,
    pub dates: Vec<String>,
    pub authors: Vec<String>,
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    let s = crate::text::segment::collapse_whitespace(s);
    let s = s.trim();
    if !s.is_empty() && !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

fn json_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => push_unique(out, s),
        Value::Array(a) => a.iter().for_each(|x| json_names(x, out)),
        Value::Object(o) => {
            if let Some(n) = o.get("name") {
                json_names(n, out);
            }
        }
        _ => {}
    }
}

fn walk_json(v: &Value, r: &mut Reference) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| walk_json(x, r)),
        Value::Object(o) => {
            if let Some(Value::String(d)) = o.get("datePublished")
                && let Some(d) = normalize_date(d)
            {
                push_unique(&mut r.dates, &d);
            }
            if let Some(Value::String(h)) = o.get("headline") {
                push_unique(&mut r.headlines, h);
            }
            if let Some(a) = o.get("author") {
                json_names(a, &mut r.authors);
            }
            for (k, x) in o {
                if k != "author" {
                    walk_json(x, r);
                }
            }
        }
        _ => {}
    }
}

/// Reads the reference title, dates and authors from a page's HTML.
pub fn reference(html: &str) -> Reference {
    let doc = dom_query::Document::from(html);
    let mut r = Reference::default();
    for node in doc.select("script[type='application/ld+json']").iter() {
        let text = node.text();
        if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
            walk_json(&v, &mut r);
        }
    }
    let meta = |attr: &str, name: &str| -> Vec<String> {
        doc.select(&format!("meta[{attr}='{name}']"))
            .iter()
            .filter_map(|n| n.attr("content").map(|c| c.to_string()))
            .collect()
    };
    for (attr, name) in [("property", "og:title"), ("name", "twitter:title")] {
        for t in meta(attr, name) {
            push_unique(&mut r.titles, &t);
        }
    }
    let h1 = doc.select("h1").first().text().to_string();
    push_unique(&mut r.headlines, &h1);
    let title = doc.select("title").first().text().to_string();
    push_unique(&mut r.titles, &title);
    for (attr, name) in [
        ("property", "article:published_time"),
        ("property", "og:published_time"),
        ("property", "og:pubdate"),
        ("name", "pubdate"),
        ("name", "publishdate"),
        ("name", "date"),
        ("itemprop", "datePublished"),
    ] {
        for d in meta(attr, name) {
            if let Some(d) = normalize_date(&d) {
                push_unique(&mut r.dates, &d);
            }
        }
    }
    for node in doc.select("[itemprop='datePublished']").iter() {
        let v = node
            .attr("datetime")
            .or_else(|| node.attr("content"))
            .map(|s| s.to_string())
            .unwrap_or_else(|| node.text().to_string());
        if let Some(d) = normalize_date(&v) {
            push_unique(&mut r.dates, &d);
        }
    }
    for a in meta("name", "author") {
        push_unique(&mut r.authors, &a);
    }
    for a in meta("property", "article:author") {
        if !a.starts_with("http") {
            push_unique(&mut r.authors, &a);
        }
    }
    for node in doc.select("[itemprop='author']").iter() {
        let name = node.select("[itemprop='name']");
        let text = if name.length() > 0 {
            name.attr("content")
                .map(|s| s.to_string())
                .unwrap_or_else(|| name.text().to_string())
        } else {
            node.attr("content")
                .map(|s| s.to_string())
                .unwrap_or_else(|| node.text().to_string())
        };
        if text.split_whitespace().count() <= 6 {
            push_unique(&mut r.authors, &text);
        }
    }
    for node in doc.select("a[rel='author']").iter() {
        let text = node.text().to_string();
        if text.split_whitespace().count() <= 6 {
            push_unique(&mut r.authors, &text);
        }
    }
    r.authors.retain(|a| a.chars().any(char::is_alphabetic));
    r
}

/// Lower-case words joined by single spaces.
fn fold(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `title` matches the reference (rules in the module doc).
pub fn title_matches(title: &str, refs: &Reference) -> bool {
    let t = fold(title);
    if t.is_empty() {
        return false;
    }
    let mut candidates: Vec<String> = refs.headlines.iter().map(|h| fold(h)).collect();
    for r in &refs.titles {
        if refs.headlines.is_empty() {
            candidates.push(fold(r));
        }
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some((head, _)) = r.rsplit_once(sep) {
                candidates.push(fold(head));
            }
            if let Some((head, _)) = r.split_once(sep) {
                candidates.push(fold(head));
            }
        }
    }
    candidates.iter().any(|r| {
        if r.is_empty() {
            return false;
        }
        if *r == t {
            return true;
        }
        let (short, long) = if r.len() < t.len() { (r, &t) } else { (&t, r) };
        long.contains(short.as_str()) && short.len() * 10 >= long.len() * 8
    })
}

/// Whether `author` matches one of the reference authors (rules in the module doc).
pub fn author_matches(author: &str, refs: &[String]) -> bool {
    let a = format!(" {} ", fold(author));
    if a.trim().is_empty() {
        return false;
    }
    refs.iter().any(|r| {
        let r = fold(r);
        !r.is_empty()
            && (a.contains(&format!(" {r} "))
                || (a.trim().split(' ').count() >= 2 && format!(" {r} ").contains(&a)))
    })
}

/// Every date written in `text`, normalised.
fn dates_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut rest = line;
        while let Some(f) = find_date(rest) {
            out.push(f.date);
            rest = &rest[f.end.max(1).min(rest.len())..];
            if rest.is_empty() {
                break;
            }
        }
    }
    out
}

#[derive(Debug, Default)]
struct Tally {
    hits: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }
    fn show(&self) -> String {
        if self.total == 0 {
            return "n/a (0 pages)".into();
        }
        format!(
            "{:.3} ({}/{})",
            self.hits as f64 / self.total as f64,
            self.hits,
            self.total
        )
    }
}

#[derive(Debug, Default)]
struct PathResult {
    counts: Vec<Counts>,
    raw_counts: Vec<Counts>,
    lost: usize,
    gold: usize,
    failed: usize,
    title: Tally,
    date: Tally,
    author: Tally,
    worst: Vec<(f64, f64, String)>,
}

fn removed_text(a: &Article) -> String {
    a.removed
        .iter()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn gunzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .take(crate::ingest::MAX_BYTES + 1)
        .read_to_end(&mut out)?;
    Ok(out)
}

/// Runs the evaluation on `dir` and returns the printed report. `details` adds per-page lines.
pub fn run(dir: &Path, details: bool) -> Result<String, String> {
    let gt_path = dir.join("ground-truth.json");
    let gt_text =
        std::fs::read_to_string(&gt_path).map_err(|e| format!("{}: {e}", gt_path.display()))?;
    let gt: HashMap<String, Value> =
        serde_json::from_str(&gt_text).map_err(|e| format!("{}: {e}", gt_path.display()))?;
    let mut ids: Vec<&String> = gt.keys().collect();
    ids.sort();
    let mut copied = PathResult::default();
    let mut html = PathResult::default();
    let mut out = String::new();
    for id in ids {
        let gold = gt[id]
            .get("articleBody")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let html_path = dir.join("html").join(format!("{id}.html.gz"));
        let html_bytes = std::fs::read(&html_path)
            .ok()
            .and_then(|b| gunzip(&b).ok())
            .unwrap_or_default();
        let html_text = String::from_utf8_lossy(&html_bytes).to_string();
        let reference = reference(&html_text);
        let copied_path = dir.join("copied").join(format!("{id}.txt"));
        if let Ok(bytes) = std::fs::read(&copied_path) {
            let raw = String::from_utf8_lossy(&bytes).to_string();
            measure(
                &mut copied,
                id,
                gold,
                &raw,
                &reference,
                true,
                ingest::ingest(&copied_path.display().to_string(), &bytes),
            );
        }
        if !html_bytes.is_empty() {
            let name = html_path.display().to_string();
            let name = name.trim_end_matches(".gz");
            measure(
                &mut html,
                id,
                gold,
                &html_text,
                &reference,
                false,
                ingest::ingest(name, &html_bytes),
            );
        }
    }
    let _ = writeln!(out, "pages-dev: {} pages from {}", gt.len(), dir.display());
    for (name, r) in [("copied", &copied), ("html", &html)] {
        let s = aggregate(&r.counts);
        let _ = writeln!(
            out,
            "{name:>6}: body P {:.5} R {:.5} F1 {:.5} (pooled F1 {:.5}) over {} pages, {} unread",
            s.precision,
            s.recall,
            s.f1,
            s.pooled_f1,
            r.counts.len(),
            r.failed
        );
        if name == "copied" {
            let raw = aggregate(&r.raw_counts);
            let _ = writeln!(
                out,
                "        raw text, uncleaned: P {:.4} R {:.4} F1 {:.4} (pooled F1 {:.4})",
                raw.precision, raw.recall, raw.f1, raw.pooled_f1
            );
        }
        let _ = writeln!(
            out,
            "        article words set aside: {:.3}% ({} of {} gold shingles)",
            100.0 * r.lost as f64 / r.gold.max(1) as f64,
            r.lost,
            r.gold
        );
        let _ = writeln!(
            out,
            "        title {}  date {}  author {}",
            r.title.show(),
            r.date.show(),
            r.author.show()
        );
        if details {
            let mut worst = r.worst.clone();
            worst.sort_by(|a, b| (a.0 + a.1).total_cmp(&(b.0 + b.1)));
            for (p, rc, line) in worst.iter().take(90) {
                let _ = writeln!(out, "          P {p:.2} R {rc:.2} {line}");
            }
        }
    }
    Ok(out)
}

fn measure(
    r: &mut PathResult,
    id: &str,
    gold: &str,
    raw: &str,
    reference: &Reference,
    copied: bool,
    result: Result<Article, crate::error::IngestError>,
) {
    if copied {
        r.raw_counts.push(score(gold, raw));
    }
    let article = match result {
        Ok(a) => a,
        Err(_) => {
            r.failed += 1;
            r.counts.push(score(gold, ""));
            r.gold += shingles(gold).values().sum::<usize>();
            if !reference.titles.is_empty() || !reference.headlines.is_empty() {
                r.title.add(false);
            }
            return;
        }
    };
    let c = score(gold, &article.body);
    r.counts.push(c);
    let (lost, total) = set_aside_share(gold, &article.body, &removed_text(&article));
    r.lost += lost;
    r.gold += total;
    let mut line = format!("{} lost {lost}", id.get(..8).unwrap_or(id));
    if !reference.titles.is_empty() || !reference.headlines.is_empty() {
        let ok = title_matches(&article.title, reference);
        r.title.add(ok);
        if !ok {
            let _ = write!(
                line,
                " | title {:?} want {:?}",
                article.title,
                reference.headlines.first().or(reference.titles.first())
            );
        }
    }
    let shows_date = if copied {
        let seen = dates_in(raw);
        reference.dates.iter().any(|d| seen.contains(d))
    } else {
        !reference.dates.is_empty()
    };
    if shows_date {
        let ok = article
            .date
            .as_ref()
            .is_some_and(|d| reference.dates.contains(d));
        r.date.add(ok);
        if !ok {
            let _ = write!(
                line,
                " | date {:?} want {:?}",
                article.date, reference.dates
            );
        }
    }
    let shows_author = if copied {
        let folded = format!(" {} ", fold(raw));
        reference
            .authors
            .iter()
            .any(|a| !fold(a).is_empty() && folded.contains(&format!(" {} ", fold(a))))
    } else {
        !reference.authors.is_empty()
    };
    if shows_author {
        let ok = article
            .author
            .as_deref()
            .is_some_and(|a| author_matches(a, &reference.authors));
        r.author.add(ok);
        if !ok {
            let _ = write!(
                line,
                " | author {:?} want {:?}",
                article.author, reference.authors
            );
        }
    }
    let ratio = |a: f64, b: f64| if a + b > 0.0 { a / (a + b) } else { 0.0 };
    r.worst.push((ratio(c.tp, c.fp), ratio(c.tp, c.fn_), line));
}

/// The development data: `FRAMEDIFF_PAGES` if set, else `../shared/data/pages-dev` beside the
/// checkout, if present.
pub fn default_dir() -> Option<PathBuf> {
    let p = match std::env::var_os("FRAMEDIFF_PAGES") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/pages-dev"),
    };
    p.is_dir().then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_counts_shingles() {
        let gold = "one two three four five six";
        assert_eq!(
            score(gold, gold),
            Counts {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
        // 3 gold shingles; prediction keeps the first 2 and adds one of its own
        let c = score(gold, "one two three four five extra");
        assert!(
            (c.tp - 0.5).abs() < 1e-9 && (c.fp - 0.25).abs() < 1e-9,
            "{c:?}"
        );
        let s = aggregate(&[c, score(gold, "")]);
        assert!((s.recall - (2.0 / 3.0) / 2.0).abs() < 1e-9, "{s:?}");
        assert_eq!(shingles("a b").len(), 1);
    }

    #[test]
    fn reference_from_markup() {
        let html = r#"<html><head><title>Deal signed | The Gazette</title>
        <meta property="og:pubdate" content="2021-03-04">
        <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
          {"@type":"Report","datePublished":"2021-03-05T10:00:00Z","author":[{"name":"Ann Lee"}]}]}</script>
        </head><body><h1>Deal signed</h1></body></html>"#;
        let r = reference(html);
        assert!(r.dates.contains(&"2021-03-05".to_string()), "{r:?}");
        assert!(r.dates.contains(&"2021-03-04".to_string()), "{r:?}");
        assert_eq!(r.authors, vec!["Ann Lee"]);
        assert!(title_matches("Deal Signed", &r));
        assert!(!title_matches("Sections", &r));
        assert!(!title_matches("Deal signed | The Gazette", &r));
        assert!(author_matches("Ann Lee", &r.authors));
        assert!(!author_matches("By", &r.authors));
    }
}
