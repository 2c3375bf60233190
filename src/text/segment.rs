//! Paragraph and sentence segmentation with byte offsets into the normalised body.
//!
//! Sentence boundaries come from the `sentencex` segmenter (abbreviations, initials, decimals and
//! quotations are its job); this module owns paragraph detection, whitespace normalisation and
//! offset bookkeeping.

/// Where a sentence lies: its paragraph and its byte range in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Paragraph (0-based) the sentence belongs to.
    pub paragraph: usize,
    /// Byte offset of the sentence start in the body.
    pub start: usize,
    /// Byte offset one past the sentence end in the body.
    pub end: usize,
}

/// The result of segmenting a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmented {
    /// The normalised body: paragraphs joined by a blank line, inner whitespace collapsed.
    pub body: String,
    /// Byte ranges of the paragraphs in `body`.
    pub paragraphs: Vec<(usize, usize)>,
    pub sentences: Vec<SentenceSpan>,
}

impl Segmented {
    /// The text of a sentence span.
    pub fn text(&self, span: &SentenceSpan) -> &str {
        &self.body[span.start..span.end]
    }
}

/// Splits raw text into paragraphs. When the text has blank lines, blocks between them are
/// paragraphs (hard-wrapped lines are joined); otherwise every non-empty line is one.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let has_blank = text.lines().any(|l| l.trim().is_empty())
        && text.lines().filter(|l| !l.trim().is_empty()).count() > 1;
    let blocks: Vec<String> = if has_blank {
        text.split("\n\n").flat_map(split_blank_block).collect()
    } else {
        text.lines().map(str::to_string).collect()
    };
    blocks
        .into_iter()
        .map(|b| collapse_whitespace(&b))
        .filter(|b| !b.is_empty())
        .collect()
}

/// A "block" from splitting on "\n\n" may still contain whitespace-only lines; split on those too.
fn split_blank_block(block: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in block.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(line.trim());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Collapses runs of whitespace (including non-breaking spaces) into one space and trims.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // the ASCII characters `char::is_whitespace` counts: tab, line feed, vertical tab,
        // form feed, carriage return and space
        let space = |b: u8| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && space(bytes[i]) {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && !space(bytes[i]) {
                i += 1;
            }
            if start < i {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[start..i]);
            }
        }
        return out;
    }
    // the runs between spaces, copied whole
    for word in s
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Segments raw text into a normalised body, paragraphs and sentences.
pub fn segment(text: &str) -> Segmented {
    segment_paragraphs(&split_paragraphs(text))
}

/// Segments already-split paragraphs.
pub fn segment_paragraphs(paragraphs: &[String]) -> Segmented {
    let mut out = Segmented::default();
    for para in paragraphs {
        let para = collapse_whitespace(para);
        if para.is_empty() {
            continue;
        }
        if !out.body.is_empty() {
            out.body.push_str("\n\n");
        }
        let p_start = out.body.len();
        out.body.push_str(&para);
        let p_index = out.paragraphs.len();
        out.paragraphs.push((p_start, out.body.len()));
        for (s, e) in sentence_spans(&para) {
            out.sentences.push(SentenceSpan {
                paragraph: p_index,
                start: p_start + s,
                end: p_start + e,
            });
        }
    }
    out
}

/// Builds a segmentation from sentences already split by someone else (annotated corpora):
/// paragraphs are lists of sentences; sentence texts are kept exactly, joined by one space.
pub fn segment_given(paragraphs: &[Vec<String>]) -> Segmented {
    let mut out = Segmented::default();
    for para in paragraphs.iter().filter(|p| !p.is_empty()) {
        if !out.body.is_empty() {
            out.body.push_str("\n\n");
        }
        let p_start = out.body.len();
        let p_index = out.paragraphs.len();
        for (k, sent) in para.iter().enumerate() {
            if k > 0 {
                out.body.push(' ');
            }
            let start = out.body.len();
            out.body.push_str(sent);
            out.sentences.push(SentenceSpan {
                paragraph: p_index,
                start,
                end: out.body.len(),
            });
        }
        out.paragraphs.push((p_start, out.body.len()));
    }
    out
}

/// Longest piece of a paragraph handed to the segmenter at once. `sentencex` slows down
/// more than linearly on long runs without a sentence end (a 64 KB paragraph of markup took
/// seconds); a paragraph longer than this (some pages of text, far beyond a real paragraph) is
/// cut after the last sentence end (or else the last space) before the limit, piece by piece.
pub const MAX_SEGMENTER_BYTES: usize = 8 * 1024;

/// Byte spans of the sentences of one paragraph, trimmed of surrounding whitespace.
pub fn sentence_spans(para: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while from < para.len() {
        let to = piece_end(para, from);
        let piece = &para[from..to];
        for b in sentencex::get_sentence_boundaries("en", piece) {
            let (mut s, mut e) = (b.start_byte, b.end_byte.min(piece.len()));
            if s >= e || !piece.is_char_boundary(s) || !piece.is_char_boundary(e) {
                continue;
            }
            let text = &piece[s..e];
            s += text.len() - text.trim_start().len();
            e -= text.len() - text.trim_end().len();
            if s < e {
                spans.push((from + s, from + e));
            }
        }
        from = to;
    }
    if spans.is_empty() && !para.trim().is_empty() {
        spans.push((0, para.len()));
    }
    merge_fragments(para, spans)
}

/// Where the piece of `para` that starts at `from` ends (see [`MAX_SEGMENTER_BYTES`]).
fn piece_end(para: &str, from: usize) -> usize {
    if para.len() - from <= MAX_SEGMENTER_BYTES {
        return para.len();
    }
    let mut limit = from + MAX_SEGMENTER_BYTES;
    while !para.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &para[from..limit];
    let after_sentence = window
        .rmatch_indices(['.', '!', '?'])
        .find(|(i, _)| window[i + 1..].starts_with(' '))
        .map(|(i, _)| from + i + 2);
    let after_space = window.rfind(' ').map(|i| from + i + 1);
    after_sentence
        .or(after_space)
        .filter(|&end| end > from)
        .unwrap_or(limit)
}

/// Titles written with a full stop before a name that `sentencex`'s English abbreviations lack
/// (it knows "Mr.", "Mrs." and "Dr.").
const TITLES_BEFORE_NAMES: &[&str] = &["Ms.", "Mses.", "Messrs."];

/// Rejoins pieces the segmenter split off that cannot stand alone: a lone closing quote or
/// bracket, a piece that starts lower-case (a continuation such as `"..." he said.`), or the
/// name after a title the segmenter took for a sentence end ("Ms. Lee").
fn merge_fragments(para: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        let after_title = out.last().is_some_and(|&(ls, le)| {
            para[ls..le]
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| TITLES_BEFORE_NAMES.contains(&w))
        });
        let piece = &para[s..e];
        let first = piece
            .chars()
            .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | ')' | ']'));
        let only_closers = piece.chars().all(|c| !c.is_alphanumeric());
        let continues = first.is_some_and(|c| c.is_lowercase());
        match out.last_mut() {
            Some(last) if only_closers || continues || after_title => last.1 = e,
            _ => out.push((s, e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_collapse_to_one_space_in_ascii_and_other_text() {
        // the rule, one character at a time
        let reference = |s: &str| {
            let mut out = String::new();
            let mut space = false;
            for c in s.chars() {
                if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' {
                    space = true;
                } else {
                    if space && !out.is_empty() {
                        out.push(' ');
                    }
                    space = false;
                    out.push(c);
                }
            }
            out
        };
        for s in [
            "",
            "   ",
            " a  b\t\tc\n",
            "a\x0bb\x0cc\rd",
            "a\x1cb",
            "\u{a0}x\u{200b}y\u{85}z\u{2003} ",
            "“Quoted”  text\u{a0}\u{a0}here ",
        ] {
            assert_eq!(collapse_whitespace(s), reference(s), "{s:?}");
        }
        assert_eq!(collapse_whitespace(" a \x0b b "), "a b");
    }

    fn sents(text: &str) -> Vec<String> {
        let seg = segment(text);
        seg.sentences
            .iter()
            .map(|s| seg.text(s).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = sents(
            "The U.S. envoy met Mr. Smith on Jan. 5 in Kyiv. Gen. Syrskyi said the line held.",
        );
        assert_eq!(
            s,
            vec![
                "The U.S. envoy met Mr. Smith on Jan. 5 in Kyiv.",
                "Gen. Syrskyi said the line held."
            ]
        );
    }

    #[test]
    fn a_title_the_segmenter_lacks_does_not_split() {
        let s = sents("She met Ms. Lee on Monday. Ms. Vale left.");
        assert_eq!(s, vec!["She met Ms. Lee on Monday.", "Ms. Vale left."]);
    }

    #[test]
    fn initials_and_decimals_do_not_split() {
        let s = sents("John F. Kennedy spoke. Prices rose 3.5 percent in May. It was cold.");
        assert_eq!(
            s,
            vec![
                "John F. Kennedy spoke.",
                "Prices rose 3.5 percent in May.",
                "It was cold."
            ]
        );
    }

    #[test]
    fn quotations_stay_whole() {
        let s = sents(
            "\"This is a starting point. We will see,\" he said. The Kremlin declined to comment.",
        );
        assert_eq!(
            s,
            vec![
                "\"This is a starting point. We will see,\" he said.",
                "The Kremlin declined to comment."
            ]
        );
    }

    #[test]
    fn curly_quotes_stay_whole() {
        let s = sents("“Is this peace?” she asked. Nobody answered.");
        assert_eq!(s, vec!["“Is this peace?” she asked.", "Nobody answered."]);
    }

    #[test]
    fn offsets_point_into_body() {
        let seg = segment("First para. Second sentence.\n\nSecond   para\nwrapped line.");
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(
            seg.body,
            "First para. Second sentence.\n\nSecond para wrapped line."
        );
        for s in &seg.sentences {
            assert!(!seg.text(s).trim().is_empty());
            assert_eq!(seg.text(s), seg.text(s).trim());
        }
        assert_eq!(seg.sentences[2].paragraph, 1);
    }

    #[test]
    fn lines_are_paragraphs_without_blank_lines() {
        let seg = segment("One line.\nAnother line.");
        assert_eq!(seg.paragraphs.len(), 2);
    }

    #[test]
    fn a_paragraph_longer_than_the_segmenter_takes_is_cut_after_a_sentence() {
        let sentence = "The council met on Monday and approved the budget. ";
        let para = sentence.repeat(MAX_SEGMENTER_BYTES / sentence.len() * 3);
        let para = para.trim_end();
        let spans = sentence_spans(para);
        assert_eq!(spans.len(), para.matches("budget.").count());
        assert!(
            spans
                .iter()
                .all(|&(s, e)| &para[s..e] == sentence.trim_end())
        );
        // without a sentence end or a space, pieces end at the limit
        let blob = "X".repeat(MAX_SEGMENTER_BYTES * 2 + 5);
        let spans = sentence_spans(&blob);
        assert_eq!(spans.first(), Some(&(0, MAX_SEGMENTER_BYTES)));
        assert_eq!(spans.last().map(|s| s.1), Some(blob.len()));
    }
}
