//! The one analyzer pass of an analysis: every sentence (and title) of every article is
//! tokenised once — tokens with byte offsets, lower-case forms and stems — and the result is
//! shared by alignment, topic labels, framing cues and quotes, in the spirit of tantivy's
//! analyzer pipeline. Articles are tokenised in parallel; the result is the same in any order.

use super::tokens::{Token, tokenize};
use crate::model::Article;
use rayon::prelude::*;

/// The tokens of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleTokens {
    /// Tokens of the title (offsets into `Article::title`).
    pub title: Vec<Token>,
    /// Tokens of each sentence (offsets into `Sentence::text`), in sentence order.
    pub sentences: Vec<Vec<Token>>,
}

impl ArticleTokens {
    /// Tokenises an article.
    pub fn of(article: &Article) -> ArticleTokens {
        ArticleTokens {
            title: tokenize(&article.title),
            sentences: article
                .sentences
                .iter()
                .map(|s| tokenize(&s.text))
                .collect(),
        }
    }

    /// The tokens of sentence `i` (empty for an index out of range).
    pub fn sentence(&self, i: usize) -> &[Token] {
        self.sentences.get(i).map_or(&[], Vec::as_slice)
    }
}

/// Tokenises every article (in parallel), in article order.
pub fn tokenize_articles(articles: &[Article]) -> Vec<ArticleTokens> {
    articles.par_iter().map(ArticleTokens::of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    #[test]
    fn one_token_list_per_sentence() {
        let a = Article::from_body(
            "x",
            Format::Text,
            "Talks resume".into(),
            "Envoys met in Geneva. They talked for hours.\n\nNothing was agreed.",
        );
        let t = ArticleTokens::of(&a);
        assert_eq!(t.sentences.len(), a.sentences.len());
        assert_eq!(t.title.len(), 2);
        assert_eq!(t.sentence(1)[1].stem, "talk");
        assert!(t.sentence(99).is_empty());
        let all = tokenize_articles(&[a.clone(), a]);
        assert_eq!(all[0], all[1]);
    }
}
