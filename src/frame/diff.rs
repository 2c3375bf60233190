//! Word-level diffs of aligned sentences (the `similar` crate), as data for display.

use serde::{Deserialize, Serialize};

/// Whether a piece of text is shared, only in the first sentence, or only in the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    Equal,
    Delete,
    Insert,
}

/// One run of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    pub kind: DiffKind,
    pub text: String,
}

/// Splits text into alternating runs of whitespace and of other characters (the word
/// tokens of `similar`'s word diff), keeping every byte.
fn runs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|s| s != space) {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Diffs two sentences word by word; adjacent runs of the same kind are merged.
///
/// Words are interned to integers first, so the Myers diff (from `similar`) compares numbers,
/// not strings; the result is the same as diffing the words themselves.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    let (wa, wb) = (runs(a), runs(b));
    let mut ids: rustc_hash::FxHashMap<&str, u32> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(wa.len() + wb.len(), Default::default());
    let ia: Vec<u32> = wa
        .iter()
        .map(|&t| {
            let next = ids.len() as u32;
            *ids.entry(t).or_insert(next)
        })
        .collect();
    let ib: Vec<u32> = wb
        .iter()
        .map(|&t| {
            let next = ids.len() as u32;
            *ids.entry(t).or_insert(next)
        })
        .collect();
    let mut out: Vec<DiffOp> = Vec::new();
    let mut push = |kind: DiffKind, words: &[&str]| {
        for w in words {
            match out.last_mut() {
                Some(last) if last.kind == kind => last.text.push_str(w),
                _ => out.push(DiffOp {
                    kind,
                    text: (*w).to_string(),
                }),
            }
        }
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &ia, &ib) {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                push(DiffKind::Equal, &wa[old_index..old_index + len]);
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => push(DiffKind::Delete, &wa[old_index..old_index + old_len]),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => push(DiffKind::Insert, &wb[new_index..new_index + new_len]),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(DiffKind::Delete, &wa[old_index..old_index + old_len]);
                push(DiffKind::Insert, &wb[new_index..new_index + new_len]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: `similar`'s own word diff over strings.
    fn text_diff(a: &str, b: &str) -> Vec<DiffOp> {
        let diff = similar::TextDiff::configure().diff_words(a, b);
        let mut out: Vec<DiffOp> = Vec::new();
        for change in diff.iter_all_changes() {
            let kind = match change.tag() {
                similar::ChangeTag::Equal => DiffKind::Equal,
                similar::ChangeTag::Delete => DiffKind::Delete,
                similar::ChangeTag::Insert => DiffKind::Insert,
            };
            match out.last_mut() {
                Some(last) if last.kind == kind => last.text.push_str(change.value()),
                _ => out.push(DiffOp {
                    kind,
                    text: change.value().to_string(),
                }),
            }
        }
        out
    }

    #[test]
    fn interned_diff_equals_string_diff() {
        let cases = [
            ("", ""),
            ("", "one two"),
            ("one  two\tthree", ""),
            (
                "The plan is a starting point, he said.",
                "He called the plan a basis for talks.",
            ),
            ("  leading and trailing  ", "leading, trailing "),
            ("a b a b a b", "b a b a"),
            ("Ünïcode — dashes “quotes”", "Unicode - dashes \"quotes\""),
        ];
        for (a, b) in cases {
            assert_eq!(word_diff(a, b), text_diff(a, b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn runs_keep_every_byte() {
        let text = " two  words\n and\tmore ";
        assert_eq!(runs(text).concat(), text);
        assert_eq!(
            runs(text),
            vec![" ", "two", "  ", "words", "\n ", "and", "\t", "more", " "]
        );
    }

    #[test]
    fn diff_marks_changed_words() {
        let ops = word_diff("Putin said the plan", "Putin claimed the plan");
        assert!(ops.contains(&DiffOp {
            kind: DiffKind::Delete,
            text: "said".into()
        }));
        assert!(ops.contains(&DiffOp {
            kind: DiffKind::Insert,
            text: "claimed".into()
        }));
        let joined: String = ops
            .iter()
            .filter(|o| o.kind != DiffKind::Insert)
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(joined, "Putin said the plan");
    }
}
