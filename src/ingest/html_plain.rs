//! HTML read as plain text without building a tree: one linear pass of html5ever's tokenizer
//! that estimates how deep the page's elements nest and keeps the text of its body, a line per
//! block. The HTML reader (`html.rs`) uses it for pages nested too deep for a tree: the HTML
//! tree builder and Readability's scoring both cost about elements × depth, which for a page of
//! tens of thousands of unclosed `<div>`s is minutes.

use crate::text::segment::collapse_whitespace;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::{Cell, RefCell};

/// What one pass over a page gives.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scan {
    /// How deep elements whose end tag is required nest at most (start tags minus end tags),
    /// which is what the tree builder will see; elements whose end tag may be left out (`p`,
    /// `li`, table cells …) and void ones (`br`, `img` …) are not counted.
    pub depth: usize,
    /// The text of the `<title>`.
    pub title: String,
    /// The body's text, a line per block (see [`LINE_BREAKING`]); empty unless asked for.
    pub text: String,
}

/// Elements that start a new line of text.
const LINE_BREAKING: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements without content ("void") or whose end tag may be omitted (HTML's syntax rules).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot",
    "option", "optgroup", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// Elements whose text is never article text (read as raw text, then dropped).
const RAW_SKIPPED: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "template",
];

#[derive(Default)]
struct Sink {
    keep_text: bool,
    depth: Cell<usize>,
    deepest: Cell<usize>,
    /// Inside `<head>` (before `<body>` or the first body content tag).
    in_head: Cell<bool>,
    /// Inside a raw-text element whose text is dropped, or inside `<title>`.
    skipping: Cell<Option<&'static str>>,
    title: RefCell<String>,
    text: RefCell<String>,
}

impl Sink {
    fn line_break(&self) {
        let mut text = self.text.borrow_mut();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                if let Some(open) = self.skipping.get() {
                    if tag.kind != TagKind::EndTag || name != open {
                        return TokenSinkResult::Continue;
                    }
                    self.skipping.set(None); // and the end tag closes it below
                }
                match tag.kind {
                    TagKind::StartTag => {
                        if name == "head" {
                            self.in_head.set(true);
                        } else if name == "body" {
                            self.in_head.set(false);
                        }
                        if !tag.self_closing && !NOT_NESTING.contains(&name) {
                            let d = self.depth.get() + 1;
                            self.depth.set(d);
                            self.deepest.set(self.deepest.get().max(d));
                        }
                        if self.keep_text && LINE_BREAKING.contains(&name) {
                            self.line_break();
                        }
                        if name == "title" {
                            self.skipping.set(Some("title"));
                            return TokenSinkResult::RawData(RawKind::Rcdata);
                        }
                        if let Some(raw) = RAW_SKIPPED.iter().find(|r| **r == name) {
                            self.skipping.set(Some(raw));
                            return TokenSinkResult::RawData(match *raw {
                                "script" => RawKind::ScriptData,
                                "textarea" => RawKind::Rcdata,
                                _ => RawKind::Rawtext,
                            });
                        }
                    }
                    TagKind::EndTag => {
                        if name == "head" {
                            self.in_head.set(false);
                        }
                        if !NOT_NESTING.contains(&name) {
                            self.depth.set(self.depth.get().saturating_sub(1));
                        }
                        if self.keep_text && LINE_BREAKING.contains(&name) {
                            self.line_break();
                        }
                    }
                }
            }
            Token::CharacterTokens(t) => self.characters(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl Sink {
    fn characters(&self, t: &StrTendril) {
        match self.skipping.get() {
            Some("title") => self.title.borrow_mut().push_str(t),
            Some(_) => {}
            None if self.keep_text && !self.in_head.get() => self.text.borrow_mut().push_str(t),
            None => {}
        }
    }
}

/// Scans `html` once; `keep_text` also collects the body's text (see [`Scan::text`]).
pub fn scan(html: &str, keep_text: bool) -> Scan {
    let sink = Sink {
        keep_text,
        ..Sink::default()
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let sink = tokenizer.sink;
    let text = sink
        .text
        .into_inner()
        .lines()
        .map(collapse_whitespace)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Scan {
        depth: sink.deepest.get(),
        title: collapse_whitespace(&sink.title.into_inner()),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_a_line_per_block_without_head_scripts_or_styles() {
        let s = scan(
            "<html><head><title>The &amp; title</title><style>p{}</style></head><body>\
             <p>One <b>bold</b> word &amp; more.<p>Two<script>var x = '<p>no</p>';</script>\
             <ul><li>Three<li>Four</ul>Tail<br>End<noscript>Enable</noscript></body></html>",
            true,
        );
        assert_eq!(s.title, "The & title");
        assert_eq!(s.text, "One bold word & more.\nTwo\nThree\nFour\nTail\nEnd");
        assert_eq!(s.depth, 1); // b, ul: each alone; p, li, html, head, body are not counted
    }

    #[test]
    fn depth_counts_unclosed_elements_in_linear_time() {
        let html = "<div><span>x".repeat(100_000);
        let s = scan(&html, false);
        assert_eq!(s.depth, 200_000);
        assert!(s.text.is_empty());
        let closed = "<div><span>x</span></div>".repeat(100_000);
        assert_eq!(scan(&closed, false).depth, 2);
    }
}
