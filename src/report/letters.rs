//! Article letters in text: the analysis writes sentences that name articles by their position
//! ("C does not mention …", A is article 0); the window and its exports name each article by
//! its stable key instead (see `workspace::Entry::key`). [`relabel`] rewrites the one to the other.

use crate::model::ArticleId;
use std::borrow::Cow;

/// Rewrites the article letters in `text` (written with analysis positions: A is article 0)
/// to the letters of `keys` (the stable key of each analysed article). Only whole words made of
/// capital letters that name an analysed article are changed, and nothing inside quotation
/// marks (quoted words and topic labels are the articles' own text).
pub fn relabel<'a>(text: &'a str, keys: &[usize]) -> Cow<'a, str> {
    if keys.iter().enumerate().all(|(i, &k)| i == k) {
        return Cow::Borrowed(text);
    }
    let by_letter: std::collections::HashMap<String, usize> = (0..keys.len())
        .map(|i| (ArticleId(i).letter(), keys[i]))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut quoted = false;
    let mut word = String::new();
    let mut prev_alnum = false;
    let flush = |word: &mut String, out: &mut String, next_alnum: bool, quoted: bool| {
        if word.is_empty() {
            return;
        }
        match by_letter.get(word.as_str()) {
            Some(&k) if !quoted && !next_alnum => out.push_str(&ArticleId(k).letter()),
            _ => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_uppercase() && (!word.is_empty() || !prev_alnum) {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out, c.is_alphanumeric(), quoted);
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            '"' => quoted = !quoted,
            _ => {}
        }
        prev_alnum = c.is_alphanumeric();
        out.push(c);
    }
    flush(&mut word, &mut out, false, quoted);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_follow_the_keys_outside_quotes_only() {
        // B (key 1) hidden: the analysis's A, B, C are the workspace's A, C, D
        let keys = [0, 2, 3];
        assert_eq!(
            relabel("C does not mention “A Deal”; A and B do.", &keys),
            "D does not mention “A Deal”; A and C do."
        );
        assert_eq!(
            relabel("B writes \"B-52\" and B's AB; Bs, BA.", &keys),
            "C writes \"B-52\" and C's AB; Bs, BA."
        );
        // letters of articles that are not analysed, and words in capitals, stay
        assert_eq!(relabel("D and UN and A.", &keys), "D and UN and A.");
        // nothing moved: the text itself
        assert!(matches!(relabel("A and B", &[0, 1]), Cow::Borrowed(_)));
        // moved: swapped
        assert_eq!(
            relabel("Only A reports it; B leaves it out.", &[1, 0]),
            "Only B reports it; A leaves it out."
        );
    }
}
