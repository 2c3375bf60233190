//! Exports of an [`Analysis`]: the JSON contract, Markdown and self-contained HTML.

pub mod html;
pub mod markdown;

use crate::analysis::Analysis;
use crate::model::{ArticleId, Note, NoteTarget};
use serde::Serialize;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Json,
    Markdown,
    Html,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Json => "json",
            ReportFormat::Markdown => "md",
            ReportFormat::Html => "html",
        }
    }
}

/// The JSON contract: the analysis, with the user's notes when there are any.
///
/// Laid out as an outline: the top-level keys and each element of their lists start a line
/// (indented by two spaces per level); deeper values stay on their element's line, without
/// spaces. One alignment, quote or cue per line reads and greps well, and the file is about half
/// the size of fully indented JSON (25 MB → 13 MB on 210 articles), which halves writing it.
pub fn to_json(analysis: &Analysis, notes: &[Note]) -> String {
    use rayon::prelude::*;
    use serde_json::value::RawValue;
    /// Each element written on its own, in parallel: the layout puts elements on lines of
    /// their own, compact, so the text is the same as writing the whole in one pass.
    fn elements<T: Serialize + Sync>(items: &[T]) -> Vec<Box<RawValue>> {
        items
            .par_iter()
            .map(|x| {
                serde_json::value::to_raw_value(x)
                    .unwrap_or_else(|_| RawValue::from_string("null".into()).unwrap_or_default())
            })
            .collect()
    }
    /// The fields of [`Analysis`] in its order (a test checks that they match).
    #[derive(Serialize)]
    struct Rendered<'a> {
        articles: Vec<Box<RawValue>>,
        stories: Vec<Box<RawValue>>,
        topics: Vec<Box<RawValue>>,
        alignments: Vec<Box<RawValue>>,
        quotes: Vec<Box<RawValue>>,
        cues: Vec<Box<RawValue>>,
        tones: Vec<Box<RawValue>>,
        tables: Vec<Box<RawValue>>,
        differences: Vec<Box<RawValue>>,
        diffs: Vec<Box<RawValue>>,
        #[serde(skip_serializing_if = "<[Note]>::is_empty")]
        notes: &'a [Note],
    }
    let a = analysis;
    let rendered = Rendered {
        articles: elements(&a.articles),
        stories: elements(&a.stories),
        topics: elements(&a.topics),
        alignments: elements(&a.alignments),
        quotes: elements(&a.quotes),
        cues: elements(&a.cues),
        tones: elements(&a.tones),
        tables: elements(&a.tables),
        differences: elements(&a.differences),
        diffs: elements(&a.diffs),
        notes,
    };
    let size: usize = [
        &rendered.articles,
        &rendered.diffs,
        &rendered.tables,
        &rendered.cues,
    ]
    .iter()
    .flat_map(|v| v.iter().map(|r| r.get().len() + 6))
    .sum();
    let mut out = Vec::with_capacity(size + (1 << 20));
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Outline::new(2));
    // Serialising plain data structures cannot fail.
    match rendered.serialize(&mut ser) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

/// The same text as [`to_json`], written in one serial pass from the derived serialisation
/// (kept to check that the parallel one lists every field of [`Analysis`]).
#[cfg(test)]
fn to_json_serial(analysis: &Analysis, notes: &[Note]) -> String {
    #[derive(Serialize)]
    struct WithNotes<'a> {
        #[serde(flatten)]
        analysis: &'a Analysis,
        #[serde(skip_serializing_if = "<[Note]>::is_empty")]
        notes: &'a [Note],
    }
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Outline::new(2));
    (WithNotes { analysis, notes })
        .serialize(&mut ser)
        .expect("plain data");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// A JSON layout that indents the first `levels` levels of nesting and writes deeper values
/// compactly on one line.
struct Outline {
    levels: usize,
    /// For each open container: (indented, has a value yet).
    open: Vec<(bool, bool)>,
}

impl Outline {
    fn new(levels: usize) -> Self {
        Outline {
            levels,
            open: Vec::new(),
        }
    }

    fn begin<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        let indented = self.open.len() < self.levels;
        self.open.push((indented, false));
        w.write_all(c)
    }

    fn end<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        if let Some((true, true)) = self.open.pop() {
            self.newline(w)?;
        }
        w.write_all(c)
    }

    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.open.len() {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn item<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        match self.open.last_mut() {
            Some((true, has)) => {
                *has = true;
                self.newline(w)
            }
            _ => Ok(()),
        }
    }
}

impl serde_json::ser::Formatter for Outline {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.begin(w, b"[")
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.end(w, b"]")
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        Ok(())
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.begin(w, b"{")
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.end(w, b"}")
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        match self.open.last() {
            Some((true, _)) => w.write_all(b": "),
            _ => w.write_all(b":"),
        }
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders the analysis (and the user's notes, which travel beside it) in the given format.
pub fn render(analysis: &Analysis, notes: &[Note], format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => to_json(analysis, notes),
        ReportFormat::Markdown => markdown::render(analysis, notes),
        ReportFormat::Html => html::render(analysis, notes),
    }
}

/// Describes what a note is attached to, in words.
pub fn note_target(a: &Analysis, target: &NoteTarget) -> String {
    match target {
        NoteTarget::Sentence { article, sentence } => {
            match a.articles.iter().position(|x| &x.path == article) {
                Some(i) => {
                    let text = a.articles[i]
                        .sentences
                        .get(*sentence)
                        .map(|s| s.text.as_str())
                        .unwrap_or("");
                    format!(
                        "{} sentence {} (\u{201c}{}\u{201d})",
                        article_letter(i),
                        sentence + 1,
                        text
                    )
                }
                None => format!("{article} sentence {}", sentence + 1),
            }
        }
        NoteTarget::Topic { label } => format!("topic \u{201c}{label}\u{201d}"),
    }
}

/// A letter naming an article in reports and the UI (A, B, C, …); see [`ArticleId::letter`].
pub fn article_letter(id: impl Into<ArticleId>) -> String {
    id.into().letter()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn outline(v: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Outline::new(2));
        v.serialize(&mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn outline_indents_two_levels_and_keeps_values() {
        let v = json!({"topics": [{"id": 0, "terms": ["a", "b"]}, {"id": 1, "terms": []}],
                       "empty": [], "n": 3});
        let text = outline(&v);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), v);
        // serde_json's Value keeps keys sorted: empty, n, topics
        assert_eq!(
            text,
            "{\n  \"empty\": [],\n  \"n\": 3,\n  \"topics\": [\n    {\"id\":0,\"terms\":[\"a\",\"b\"]},\n    {\"id\":1,\"terms\":[]}\n  ]\n}"
        );
    }

    #[test]
    fn json_of_an_analysis_is_one_element_per_line() {
        let articles = vec![
            crate::ingest::ingest("a.txt", b"Title A\n\nThe council approved the budget on Monday. Critics called it reckless.").unwrap(),
            crate::ingest::ingest("b.txt", b"Title B\n\nThe council passed the budget on Monday. Supporters praised it.").unwrap(),
        ];
        let a = crate::analyze(articles, &crate::config::Config::builtin());
        let text = to_json(&a, &[]);
        assert_eq!(
            text,
            to_json_serial(&a, &[]),
            "every field of Analysis, in its order"
        );
        let note = Note {
            target: NoteTarget::Topic {
                label: "Budget".into(),
            },
            text: "check the figures".into(),
        };
        assert_eq!(
            to_json(&a, std::slice::from_ref(&note)),
            to_json_serial(&a, std::slice::from_ref(&note))
        );
        let back: Analysis = serde_json::from_str(&text).unwrap();
        assert_eq!(back, a);
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines.contains(&"  \"articles\": ["),
            "{}",
            &text[..200.min(text.len())]
        );
        let article_lines = lines
            .iter()
            .filter(|l| l.starts_with("    {\"id\":"))
            .count();
        assert!(article_lines >= 2, "each article on its own line");
    }
}
