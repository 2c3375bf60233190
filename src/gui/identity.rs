//! Stable article identity in the window: each analysed article is named and coloured by its
//! workspace entry's key (see `workspace::Entry::key`), not by its position in the analysis, so
//! hiding, moving or removing another article changes neither; and the analysis's own sentences
//! that name articles by position ("C does not mention …") are relabelled to the same letters
//! (by [`crate::report::letters::relabel`], which exports use too).

use super::app::View;
use super::theme::article_colour;
use crate::frame::Difference;
use crate::model::ArticleId;
use crate::report::letters::relabel;
use egui::Color32;
use std::borrow::Cow;

impl View {
    /// The stable key of analysed article `i` (its position when keys are not known yet).
    pub fn key(&self, i: impl Into<ArticleId>) -> usize {
        let i = i.into().index();
        self.keys.get(i).copied().unwrap_or(i)
    }

    /// The letter of an analysed article, drawn from its stable key.
    pub fn letter(&self, i: impl Into<ArticleId>) -> String {
        ArticleId(self.key(i)).letter()
    }

    /// The colour of an analysed article, drawn from the same key as its letter.
    pub fn colour(&self, i: impl Into<ArticleId>) -> Color32 {
        article_colour(self.key(i))
    }

    /// A difference's sentence with the articles named by their stable letters.
    pub fn summary<'a>(&self, d: &'a Difference) -> Cow<'a, str> {
        relabel(&d.summary, &self.keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_letters_and_colours_come_from_keys() {
        let mut view = View::default();
        view.keys = vec![3, 0];
        assert_eq!(view.letter(0), "D");
        assert_eq!(view.letter(1), "A");
        assert_eq!(view.letter(5), "F", "unknown: its position");
        assert_eq!(view.colour(0), article_colour(3));
    }
}
