//! Exports of an [`Analysis`]: the JSON contract, Markdown, self-contained HTML and the blind
//! handout for a class with its answer key; each named by the window's letters and blind in
//! teaching mode when the caller says so ([`ExportOptions`]).

pub mod handout;
pub mod html;
pub mod letters;
pub mod markdown;
pub mod options;

pub use options::ExportOptions;

use crate::analysis::Analysis;
use crate::model::{ArticleId, Note, NoteTarget};
use serde::Serialize;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Json,
    Markdown,
    Html,
    /// The blind handout for a class (HTML); its answer key is a second file (see [`handout`]).
    Handout,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Json => "json",
            ReportFormat::Markdown => "md",
            ReportFormat::Html | ReportFormat::Handout => "html",
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
    to_json_with(analysis, notes, &ExportOptions::default())
}

/// [`to_json`] with options: the differences' sentences name the articles by the options'
/// letters, and a `letters` field lists each article's letter when they are not positions.
/// Blind, the articles have no path, title, outlet, author, date, address or tags (empty or
/// null), their set-aside lines say they are hidden, notes name articles by letter, and a
/// `hidden` field lists what was left out. No field is renamed: the contract only grows.
pub fn to_json_with(analysis: &Analysis, notes: &[Note], opts: &ExportOptions) -> String {
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
        entities: Vec<Box<RawValue>>,
        #[serde(skip_serializing_if = "<[Note]>::is_empty")]
        notes: &'a [Note],
        #[serde(skip_serializing_if = "Option::is_none")]
        letters: Option<Vec<String>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        hidden: Option<&'static [&'static str]>,
    }
    let a = analysis;
    let opts = opts.checked(a.articles.len());
    let articles = if opts.blind {
        let blind: Vec<_> = (a.articles.iter().enumerate())
            .map(|(i, art)| opts.article(i, art).into_owned())
            .collect();
        elements(&blind)
    } else {
        elements(&a.articles)
    };
    let differences = if opts.moved() {
        let relabelled: Vec<_> = (a.differences.iter())
            .map(|d| crate::frame::Difference {
                summary: opts.relabel(&d.summary).into_owned(),
                ..d.clone()
            })
            .collect();
        elements(&relabelled)
    } else {
        elements(&a.differences)
    };
    let notes = opts.notes(a, notes);
    let rendered = Rendered {
        articles,
        stories: elements(&a.stories),
        topics: elements(&a.topics),
        alignments: elements(&a.alignments),
        quotes: elements(&a.quotes),
        cues: elements(&a.cues),
        tones: elements(&a.tones),
        tables: elements(&a.tables),
        differences,
        diffs: elements(&a.diffs),
        entities: elements(&a.entities),
        notes: &notes,
        letters: (opts.moved() || opts.blind).then(|| opts.letters(a.articles.len())),
        hidden: opts.blind.then_some(
            &[
                "path",
                "title",
                "source",
                "author",
                "date",
                "url",
                "tags",
                "removed text",
            ][..],
        ),
    };
    if rendered.notes.is_empty() && rendered.letters.is_none() && rendered.hidden.is_none() {
        return outline_of_elements(&[
            ("articles", &rendered.articles),
            ("stories", &rendered.stories),
            ("topics", &rendered.topics),
            ("alignments", &rendered.alignments),
            ("quotes", &rendered.quotes),
            ("cues", &rendered.cues),
            ("tones", &rendered.tones),
            ("tables", &rendered.tables),
            ("differences", &rendered.differences),
            ("diffs", &rendered.diffs),
            ("entities", &rendered.entities),
        ]);
    }
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

/// An object of arrays of JSON elements in the [`Outline`] layout of two levels: the text that
/// serialising it with `Outline::new(2)` writes (each element on a line of its own), put
/// together from the elements' text directly, without a serialiser's pass over it (and the
/// check that its bytes are UTF-8). The keys are plain field names, written unescaped.
fn outline_of_elements(fields: &[(&str, &Vec<Box<serde_json::value::RawValue>>)]) -> String {
    let size: usize = (fields.iter())
        .flat_map(|(_, v)| v.iter().map(|r| r.get().len() + 6))
        .sum();
    let mut out = String::with_capacity(size + 32 * fields.len() + 2);
    out.push('{');
    for (k, (key, items)) in fields.iter().enumerate() {
        out.push_str(if k == 0 { "\n  \"" } else { ",\n  \"" });
        out.push_str(key);
        out.push_str("\": [");
        for (i, item) in items.iter().enumerate() {
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            out.push_str(item.get());
        }
        out.push_str(if items.is_empty() { "]" } else { "\n  ]" });
    }
    out.push_str(if fields.is_empty() { "}" } else { "\n}" });
    out
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

/// Renders the analysis (and the user's notes, which travel beside it) in the given format,
/// with position letters and names shown (the CLI's export).
pub fn render(analysis: &Analysis, notes: &[Note], format: ReportFormat) -> String {
    render_with(analysis, notes, format, &ExportOptions::default())
}

/// Renders the analysis in the given format with these letters, blind or not. For
/// [`ReportFormat::Handout`] this is the handout only; [`handout::render`] gives its answer key
/// too.
pub fn render_with(
    analysis: &Analysis,
    notes: &[Note],
    format: ReportFormat,
    opts: &ExportOptions,
) -> String {
    match format {
        ReportFormat::Json => to_json_with(analysis, notes, opts),
        ReportFormat::Markdown => markdown::render_with(analysis, notes, opts),
        ReportFormat::Html => html::render_with(analysis, notes, opts),
        ReportFormat::Handout => handout::render(analysis, notes, opts, &[]).sheet,
    }
}

/// Describes what a note is attached to, in words.
pub fn note_target(a: &Analysis, target: &NoteTarget) -> String {
    note_target_with(a, target, &ExportOptions::default())
}

/// [`note_target`] with the options' letters; blind, an article that is not analysed is not
/// named by its path.
pub fn note_target_with(a: &Analysis, target: &NoteTarget, opts: &ExportOptions) -> String {
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
                        opts.letter(i),
                        sentence + 1,
                        text
                    )
                }
                None if opts.blind => {
                    format!("an article no longer compared, sentence {}", sentence + 1)
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
        // and with every array empty (written as `[]`, not on lines of their own)
        let empty = Analysis::default();
        assert_eq!(to_json(&empty, &[]), to_json_serial(&empty, &[]));
        assert!(to_json(&empty, &[]).contains("\n  \"stories\": [],\n"));
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

    /// Three articles on one story whose outlet, author, title, address, file, tags and
    /// set-aside lines are distinctive strings that the bodies never use.
    fn named_articles() -> (Analysis, Vec<&'static str>) {
        let bodies = [
            "The council approved the new budget on Monday after a long debate. Critics called \
             the plan reckless and said taxes would rise.\n\nThe mayor said the budget would \
             pass anyway. Teachers welcomed money for schools.",
            "The council passed the budget on Monday. Supporters praised the plan as careful \
             and fair.\n\nThe mayor said schools would get more money. Critics said taxes \
             would rise.",
            "On Monday the council voted for the budget. The mayor said it was a fair plan for \
             the schools.\n\nOpponents warned that taxes would rise sharply next year.",
        ];
        let mut secrets = Vec::new();
        let names = [
            (
                "Zorblatt Gazette",
                "Quentin Vasquillo",
                "Budget drama at Xylotown hall",
                "zorblatt-gazette-budget.html",
            ),
            (
                "Frimley Herald",
                "Ottoline Brackwater",
                "Council signs off Plumtree budget",
                "frimley-herald.md",
            ),
            (
                "Wexcombe Courier",
                "Hamish Dunnerdale",
                "Mayor's Quillmarsh budget clears vote",
                "wexcombe.txt",
            ),
        ];
        let articles = bodies
            .iter()
            .zip(names)
            .map(|(body, (outlet, author, title, file))| {
                let mut art = crate::model::Article::from_body(
                    format!("/home/teacher/{file}"),
                    crate::model::Format::Text,
                    title.into(),
                    body,
                );
                art.source = Some(outlet.into());
                art.author = Some(author.into());
                art.date = Some("2031-04-17".into());
                art.url = Some(format!("https://{}.example/news/1", file.replace('.', "-")));
                art.tags = vec![format!("{outlet} local")];
                art.removed = vec![
                    crate::model::Removed {
                        kind: crate::model::RemovedKind::Byline,
                        text: format!("By {author} | {outlet}"),
                    },
                    crate::model::Removed {
                        kind: crate::model::RemovedKind::Share,
                        text: "Share on Frobnicator".into(),
                    },
                ];
                secrets.extend([outlet, author, title, file]);
                art
            })
            .collect();
        secrets.extend([
            "/home/teacher",
            ".example/news",
            "2031-04-17",
            "Frobnicator",
        ]);
        (
            crate::analyze(articles, &crate::config::Config::builtin()),
            secrets,
        )
    }

    #[test]
    fn blind_exports_name_no_outlet_author_title_path_or_set_aside_text() {
        let (a, secrets) = named_articles();
        assert_eq!(a.articles.len(), 3);
        let notes = vec![
            Note {
                target: NoteTarget::Sentence {
                    article: a.articles[1].path.clone(),
                    sentence: 0,
                },
                text: "ask about this".into(),
            },
            Note {
                target: NoteTarget::Sentence {
                    article: "/home/teacher/gone-outlet.txt".into(),
                    sentence: 2,
                },
                text: "an article taken out".into(),
            },
        ];
        // not blind: every secret is there (so the search below can find them)
        let all: String = [
            ReportFormat::Json,
            ReportFormat::Markdown,
            ReportFormat::Html,
        ]
        .into_iter()
        .map(|f| render(&a, &notes, f))
        .collect();
        for s in &secrets {
            assert!(all.contains(s), "{s} is in a named export");
        }
        let opts = ExportOptions::new()
            .with_keys(vec![2, 0, 1])
            .with_blind(true);
        for format in [
            ReportFormat::Json,
            ReportFormat::Markdown,
            ReportFormat::Html,
            ReportFormat::Handout,
        ] {
            let text = render_with(&a, &notes, format, &opts);
            for s in &secrets {
                assert!(
                    !text.to_lowercase().contains(&s.to_lowercase()),
                    "{format:?} names {s:?}"
                );
            }
            if format != ReportFormat::Json {
                assert!(
                    text.contains("2 lines set aside (hidden in teaching mode)"),
                    "{format:?}"
                );
            }
            if format != ReportFormat::Handout {
                assert!(
                    text.contains("ask about this"),
                    "{format:?}: the notes stay"
                );
            }
        }
        // the JSON still reads back, says the letters and what it left out
        let json = render_with(&a, &notes, ReportFormat::Json, &opts);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["letters"], json!(["C", "A", "B"]));
        assert!(v["hidden"].as_array().unwrap().len() >= 7);
        assert_eq!(v["articles"][0]["path"], "article-C");
        assert_eq!(v["notes"][0]["target"]["article"], "article-A");
        assert_eq!(v["notes"][1]["target"]["article"], "an article");
        assert_eq!(v["articles"][2]["removed"].as_array().unwrap().len(), 2);
        let back: Analysis = serde_json::from_str(&json).unwrap();
        assert_eq!(back.articles[1].sentences, a.articles[1].sentences);
        // the answer key names them all, by the same letters
        let key = handout::render(&a, &notes, &opts, &[]).key;
        for s in &secrets[..12] {
            assert!(key.contains(&html::esc(s)), "the key names {s}");
        }
        let row = key.find("<th>Article C</th>").unwrap();
        assert!(
            key[row..].starts_with("<th>Article C</th><td>Zorblatt Gazette"),
            "{key}"
        );
    }

    #[test]
    fn exports_say_the_letters_of_the_keys_given() {
        let (a, _) = named_articles();
        let keys = vec![0, 3, 4];
        let opts = ExportOptions::new().with_keys(keys.clone());
        let md = render_with(&a, &[], ReportFormat::Markdown, &opts);
        let html = render_with(&a, &[], ReportFormat::Html, &opts);
        assert!(md.contains("| D | ") && md.contains("| E | "), "{md}");
        assert!(!md.contains("| B | ") && !md.contains("| C | "), "{md}");
        assert!(
            html.contains("<h3>D · ") && !html.contains("<h3>B · "),
            "{html}"
        );
        // the differences' sentences too, as the window relabels them
        let said: Vec<String> = (a.differences.iter())
            .map(|d| letters::relabel(&d.summary, &keys).into_owned())
            .collect();
        assert!(
            said.iter()
                .zip(&a.differences)
                .any(|(x, d)| *x != d.summary),
            "a difference names B or C: {:?}",
            a.differences
        );
        for x in &said {
            assert!(md.contains(&markdown_escaped(x)), "{x}");
            assert!(html.contains(&html::esc(x)), "{x}");
        }
        let json = render_with(&a, &[], ReportFormat::Json, &opts);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["letters"], json!(["A", "D", "E"]));
        for (k, x) in said.iter().enumerate() {
            assert_eq!(v["differences"][k]["summary"], json!(x));
        }
        // keys that would name two articles alike are not used
        let bad = ExportOptions::new().with_keys(vec![0, 0, 1]);
        assert_eq!(
            render_with(&a, &[], ReportFormat::Markdown, &bad),
            render(&a, &[], ReportFormat::Markdown)
        );
        // the CLI's export is unchanged: positions, no new fields
        assert_eq!(
            to_json_with(&a, &[], &ExportOptions::new()),
            to_json(&a, &[])
        );
        assert!(!to_json(&a, &[]).contains("\"letters\""));
    }

    fn markdown_escaped(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }
}
