//! How an export names and shows the articles: by the window's stable letters (each analysed
//! article's workspace key) or by position (the CLI), and blind (teaching mode: no outlet,
//! author, title, date, address, file path, tags or set-aside text) or not.

use super::letters::relabel;
use crate::model::{ArticleId, Note, NoteTarget};
use std::borrow::Cow;

/// Said in place of set-aside (boilerplate) text in a blind export: it names outlets.
pub const SET_ASIDE_HIDDEN: &str = "hidden in teaching mode";

/// The options of one export. `ExportOptions::default()` is the CLI's: position letters, names
/// shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The stable key of each analysed article (its letter is drawn from it), as the window
    /// shows them. Empty: positions. Keys that are not one distinct key per analysed article
    /// are not used (positions are): a letter must never name two articles.
    pub keys: Vec<usize>,
    /// Teaching mode: nothing that names an article's outlet, author or title is written.
    pub blind: bool,
}

impl ExportOptions {
    /// Position letters, names shown.
    pub fn new() -> Self {
        Self::default()
    }

    /// Letters drawn from these stable keys (one per analysed article, in analysis order).
    pub fn with_keys(mut self, keys: Vec<usize>) -> Self {
        self.keys = keys;
        self
    }

    /// Blind (teaching mode) or not.
    pub fn with_blind(mut self, blind: bool) -> Self {
        self.blind = blind;
        self
    }

    /// These options for an analysis of `n` articles: keys that are not `n` distinct keys are
    /// dropped, so that letters follow positions instead.
    pub fn checked(&self, n: usize) -> ExportOptions {
        let mut seen = std::collections::HashSet::new();
        let usable = self.keys.len() == n && self.keys.iter().all(|k| seen.insert(*k));
        ExportOptions {
            keys: if usable {
                self.keys.clone()
            } else {
                Vec::new()
            },
            blind: self.blind,
        }
    }

    /// Whether letters are drawn from keys that differ from positions.
    pub fn moved(&self) -> bool {
        self.keys.iter().enumerate().any(|(i, &k)| i != k)
    }

    /// The letter of analysed article `i`.
    pub fn letter(&self, i: impl Into<ArticleId>) -> String {
        let i = i.into().index();
        ArticleId(self.keys.get(i).copied().unwrap_or(i)).letter()
    }

    /// The letters of the first `n` analysed articles.
    pub fn letters(&self, n: usize) -> Vec<String> {
        (0..n).map(|i| self.letter(i)).collect()
    }

    /// An analysis sentence ("C does not mention …") with the articles named by these letters.
    pub fn relabel<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.keys.is_empty() {
            Cow::Borrowed(text)
        } else {
            relabel(text, &self.keys)
        }
    }

    /// The notes as a blind export writes them: a sentence note names its article by letter,
    /// not by its path (file names often name the outlet). Not blind: the notes as they are.
    pub fn notes<'a>(&self, a: &crate::analysis::Analysis, notes: &'a [Note]) -> Cow<'a, [Note]> {
        if !self.blind {
            return Cow::Borrowed(notes);
        }
        Cow::Owned(
            notes
                .iter()
                .map(|n| Note {
                    target: match &n.target {
                        NoteTarget::Sentence { article, sentence } => NoteTarget::Sentence {
                            article: blind_path(a, article, self),
                            sentence: *sentence,
                        },
                        t => t.clone(),
                    },
                    text: n.text.clone(),
                })
                .collect(),
        )
    }

    /// An analysed article as a blind export shows it: named "Article X" by its letter, with
    /// no outlet, author, date, address, path or tags, and its set-aside lines counted, not
    /// quoted. Not blind: the article as it is.
    pub fn article<'a>(
        &self,
        i: usize,
        art: &'a crate::model::Article,
    ) -> Cow<'a, crate::model::Article> {
        if !self.blind {
            return Cow::Borrowed(art);
        }
        let mut out = art.clone();
        out.path = format!("article-{}", self.letter(i));
        out.title = String::new();
        out.source = None;
        out.author = None;
        out.date = None;
        out.url = None;
        out.tags.clear();
        for r in &mut out.removed {
            r.text = format!("({SET_ASIDE_HIDDEN})");
        }
        Cow::Owned(out)
    }
}

/// The name a blind export gives the article at `path`: "article-X", or "an article" when
/// the path is not one of the analysis's.
fn blind_path(a: &crate::analysis::Analysis, path: &str, opts: &ExportOptions) -> String {
    match a.articles.iter().position(|x| x.path == path) {
        Some(i) => format!("article-{}", opts.letter(i)),
        None => "an article".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_could_name_two_articles_are_not_used() {
        let o = ExportOptions::new().with_keys(vec![2, 0, 3]);
        assert_eq!(o.checked(3).letters(3), ["C", "A", "D"]);
        assert!(o.checked(3).moved());
        // too few, too many, or a key twice: positions
        assert_eq!(o.checked(4).letters(4), ["A", "B", "C", "D"]);
        assert_eq!(o.checked(2).letters(2), ["A", "B"]);
        let twice = ExportOptions::new().with_keys(vec![1, 1]);
        assert_eq!(twice.checked(2).letters(2), ["A", "B"]);
        assert!(!ExportOptions::new().checked(5).moved());
        assert!(ExportOptions::new().with_blind(true).checked(0).blind);
    }

    #[test]
    fn analysis_sentences_say_the_letters_of_the_keys() {
        let o = ExportOptions::new().with_keys(vec![0, 2]).checked(2);
        assert_eq!(
            o.relabel("B does not mention “B roads”."),
            "C does not mention “B roads”."
        );
        let plain = ExportOptions::new();
        assert!(matches!(plain.relabel("B and A"), Cow::Borrowed("B and A")));
    }

    #[test]
    fn a_blind_article_keeps_its_text_and_loses_its_names() {
        let mut art = crate::model::Article::from_body(
            "outlet-file.html",
            crate::model::Format::Html,
            "Headline".into(),
            "One sentence here. Another one there.",
        );
        art.source = Some("Outlet".into());
        art.author = Some("Author".into());
        art.url = Some("https://outlet.example/x".into());
        art.tags = vec!["Outlet news".into()];
        art.removed = vec![crate::model::Removed {
            kind: crate::model::RemovedKind::Byline,
            text: "By Author | Outlet".into(),
        }];
        let o = ExportOptions::new().with_keys(vec![0, 3]).with_blind(true);
        let b = o.article(1, &art);
        assert_eq!(b.path, "article-D");
        assert!(b.title.is_empty() && b.source.is_none() && b.author.is_none());
        assert!(b.url.is_none() && b.tags.is_empty() && b.date.is_none());
        assert_eq!(b.removed.len(), 1, "counted");
        assert!(!b.removed[0].text.contains("Outlet"));
        assert_eq!(b.sentences, art.sentences);
        assert!(matches!(
            ExportOptions::new().article(0, &art),
            Cow::Borrowed(_)
        ));
    }
}
