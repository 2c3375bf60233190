//! The article record every other module works on: metadata, the cleaned body, what ingestion set
//! aside, and the paragraph/sentence segmentation with byte offsets into the body.

use serde::{Deserialize, Serialize};

/// An article of the set being analysed: its position in the input order. A newtype so that an
/// article can never be confused with a sentence index or a topic id.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ArticleId(pub usize);

impl ArticleId {
    /// The position of the article in the analysed set.
    pub fn index(self) -> usize {
        self.0
    }

    /// The letter naming the article in reports and the window: A, B, …, Z, AA, AB, …
    pub fn letter(self) -> String {
        let mut n = self.0;
        let mut s = String::new();
        loop {
            s.insert(0, (b'A' + (n % 26) as u8) as char);
            if n < 26 {
                break;
            }
            n = n / 26 - 1;
        }
        s
    }
}

impl From<usize> for ArticleId {
    fn from(i: usize) -> Self {
        ArticleId(i)
    }
}

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.letter())
    }
}

/// What a user's note is attached to. Articles are named by path, topics by label, so that notes
/// survive re-analysis.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoteTarget {
    Sentence { article: String, sentence: usize },
    Topic { label: String },
}

/// A user's note. Notes are the user's, not the analysis's: they travel beside an analysis into
/// reports (see `report`), and live in workspaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub target: NoteTarget,
    pub text: String,
}

/// The file format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
    Pdf,
    Pasted,
}

/// Why a piece of the source was set aside instead of kept in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedKind {
    /// The title line (kept as metadata).
    Title,
    /// A byline such as "By Jane Doe" (kept as metadata).
    Byline,
    /// A dateline or publication date (kept as metadata).
    Date,
    /// Counters: comments, views, likes, shares.
    Counter,
    /// "4 minutes read" and the like.
    ReadingTime,
    /// Share / follow / print buttons.
    Share,
    /// A tag list (kept as metadata).
    Tags,
    /// "This article was generated in part…" and other disclaimers.
    Disclaimer,
    /// Newsletter sign-up prompts.
    Newsletter,
    /// Cookie notices.
    Cookie,
    /// Navigation, "Related:", "Read more", "Advertisement".
    Navigation,
    /// Image captions and credits.
    Caption,
}

impl RemovedKind {
    /// A short plain-words name for the UI.
    pub fn describe(self) -> &'static str {
        match self {
            RemovedKind::Title => "title line",
            RemovedKind::Byline => "byline",
            RemovedKind::Date => "date line",
            RemovedKind::Counter => "counter",
            RemovedKind::ReadingTime => "reading time",
            RemovedKind::Share => "share buttons",
            RemovedKind::Tags => "tag list",
            RemovedKind::Disclaimer => "disclaimer",
            RemovedKind::Newsletter => "newsletter prompt",
            RemovedKind::Cookie => "cookie notice",
            RemovedKind::Navigation => "navigation",
            RemovedKind::Caption => "caption or credit",
        }
    }
}

/// One piece of boilerplate that ingestion set aside. Nothing is dropped silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub kind: RemovedKind,
    pub text: String,
}

/// A sentence of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Position of the sentence in the article (0-based, across paragraphs).
    pub index: usize,
    /// Paragraph the sentence belongs to (0-based).
    pub paragraph: usize,
    /// Byte offset of the sentence start in [`Article::body`].
    pub start: usize,
    /// Byte offset one past the sentence end in [`Article::body`].
    pub end: usize,
    /// The sentence text (same as `body[start..end]`).
    pub text: String,
}

/// A cleanly read article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Article {
    /// Position of the article in the analysed set (set by the analysis).
    pub id: ArticleId,
    /// Where the article came from, echoed as given (a path, or "pasted:N").
    pub path: String,
    pub format: Format,
    pub title: String,
    /// The outlet (site name / source).
    pub source: Option<String>,
    pub author: Option<String>,
    /// Publication date, normalised to YYYY-MM-DD.
    pub date: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    /// Whether the front matter marks this article as illustrative, not a real publication.
    pub illustrative: bool,
    /// Boilerplate set aside during ingestion, in source order.
    pub removed: Vec<Removed>,
    /// The cleaned body: paragraphs separated by a blank line.
    pub body: String,
    /// Byte ranges of paragraphs in `body`.
    pub paragraphs: Vec<(usize, usize)>,
    pub sentences: Vec<Sentence>,
    /// What the reader had to do differently with this file, in plain words for the user (e.g.
    /// a page too deeply nested for the main-text finder, read as plain text instead).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
}

impl Article {
    /// Builds an article from metadata and a cleaned body, segmenting the body.
    pub fn from_body(path: impl Into<String>, format: Format, title: String, body: &str) -> Self {
        let mut article = Article {
            path: path.into(),
            format,
            title,
            ..Article::default()
        };
        article.set_body(body);
        article
    }

    /// Replaces the body and recomputes paragraphs and sentences.
    pub fn set_body(&mut self, body: &str) {
        self.set_segmented(crate::text::segment::segment(body));
    }

    /// Takes a segmentation (body, paragraphs, sentence spans) as the article's body.
    pub fn set_segmented(&mut self, seg: crate::text::segment::Segmented) {
        self.sentences = seg
            .sentences
            .iter()
            .enumerate()
            .map(|(index, sp)| Sentence {
                index,
                paragraph: sp.paragraph,
                start: sp.start,
                end: sp.end,
                text: seg.body[sp.start..sp.end].to_string(),
            })
            .collect();
        self.body = seg.body;
        self.paragraphs = seg.paragraphs;
    }

    /// Number of words in the body (whitespace-separated).
    pub fn word_count(&self) -> usize {
        self.body.split_whitespace().count()
    }

    /// A short name for the UI: the outlet, else the title, else the path.
    pub fn short_name(&self) -> &str {
        self.source
            .as_deref()
            .filter(|s| !s.is_empty())
            .or_else(|| Some(self.title.as_str()).filter(|t| !t.is_empty()))
            .unwrap_or(&self.path)
    }
}
