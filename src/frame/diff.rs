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

/// The words of a text (runs of non-whitespace, punctuation attached) and the whitespace
/// before each of them: `gaps[i]` precedes `words[i]`, and `gaps[words.len()]` ends the text.
fn words_and_gaps(text: &str) -> (Vec<&str>, Vec<&str>) {
    let (mut words, mut gaps) = (Vec::new(), Vec::new());
    let mut gap_start = 0;
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), word_start) {
            (true, Some(w)) => {
                words.push(&text[w..i]);
                word_start = None;
                gap_start = i;
            }
            (false, None) => {
                gaps.push(&text[gap_start..i]);
                word_start = Some(i);
            }
            _ => {}
        }
    }
    match word_start {
        Some(w) => {
            words.push(&text[w..]);
            gaps.push("");
        }
        None => gaps.push(&text[gap_start..]),
    }
    (words, gaps)
}

/// Largest word-count product diffed with the LCS table (200 words by 200).
pub const LCS_CELLS: usize = 40_000;

/// Diffs two sentences word by word; adjacent runs of the same kind are merged.
///
/// The diff (from `similar`) runs over the words alone, interned to integers, so it compares
/// numbers and sequences half as long as words-and-spaces. Both algorithms used find a shortest
/// edit script: for sentences (up to [`LCS_CELLS`] word pairs) the LCS table, about twice as
/// fast as Myers at that size; for longer texts Myers, whose cost grows with the differences
/// rather than with the product of the lengths. The whitespace before matched words is shared
/// when it is the same on both sides, and otherwise travels with the words it precedes. Shared
/// and deleted runs always spell `a`, shared and inserted runs `b`.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    let ((wa, ga), (wb, gb)) = (words_and_gaps(a), words_and_gaps(b));
    let mut ids: rustc_hash::FxHashMap<&str, u32> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(wa.len() + wb.len(), Default::default());
    let mut ia = Vec::with_capacity(wa.len());
    let mut ib = Vec::with_capacity(wb.len());
    for (words, out) in [(&wa, &mut ia), (&wb, &mut ib)] {
        for &t in words.iter() {
            let next = ids.len() as u32;
            out.push(*ids.entry(t).or_insert(next));
        }
    }
    let mut out: Vec<DiffOp> = Vec::new();
    let mut push = |kind: DiffKind, text: &str| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => out.push(DiffOp {
                kind,
                text: text.to_string(),
            }),
        }
    };
    // the gaps before word i of a and word j of b, met together: shared when the same
    let pair_gaps = |push: &mut dyn FnMut(DiffKind, &str), x: &str, y: &str| {
        if x == y {
            push(DiffKind::Equal, x);
        } else {
            push(DiffKind::Delete, x);
            push(DiffKind::Insert, y);
        }
    };
    let algorithm = if ia.len().saturating_mul(ib.len()) <= LCS_CELLS {
        similar::Algorithm::Lcs
    } else {
        similar::Algorithm::Myers
    };
    for op in similar::capture_diff_slices(algorithm, &ia, &ib) {
        let (old, new) = (op.old_range(), op.new_range());
        if let similar::DiffOp::Equal { .. } = op {
            for (i, j) in old.zip(new) {
                pair_gaps(&mut push, ga[i], gb[j]);
                push(DiffKind::Equal, wa[i]);
            }
            continue;
        }
        // a replacement shares the whitespace before its first words when it is the same
        let shared = !old.is_empty() && !new.is_empty() && ga[old.start] == gb[new.start];
        if shared {
            push(DiffKind::Equal, ga[old.start]);
        }
        for i in old.clone() {
            if !(shared && i == old.start) {
                push(DiffKind::Delete, ga[i]);
            }
            push(DiffKind::Delete, wa[i]);
        }
        for j in new.clone() {
            if !(shared && j == new.start) {
                push(DiffKind::Insert, gb[j]);
            }
            push(DiffKind::Insert, wb[j]);
        }
    }
    pair_gaps(&mut push, ga[wa.len()], gb[wb.len()]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spell(ops: &[DiffOp], skip: DiffKind) -> String {
        ops.iter()
            .filter(|o| o.kind != skip)
            .map(|o| o.text.as_str())
            .collect()
    }

    const CASES: [(&str, &str); 9] = [
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
        ("Putin said the plan", "Putin  said\nthe plan"),
        ("same words", "same words"),
    ];

    #[test]
    fn runs_spell_both_sentences() {
        for (a, b) in CASES {
            let ops = word_diff(a, b);
            assert_eq!(spell(&ops, DiffKind::Insert), a, "{a:?} vs {b:?}");
            assert_eq!(spell(&ops, DiffKind::Delete), b, "{a:?} vs {b:?}");
            assert!(
                ops.windows(2).all(|w| w[0].kind != w[1].kind),
                "runs are merged"
            );
            assert!(ops.iter().all(|o| !o.text.is_empty()));
        }
    }

    /// On text with single spaces between words, the result is `similar`'s own word diff
    /// over words and spaces.
    #[test]
    fn agrees_with_the_plain_word_diff_on_single_spaced_text() {
        for (a, b) in [
            ("Putin said the plan", "Putin claimed the plan"),
            ("the plan and the talks", "the plan for the talks"),
            ("same words", "same words"),
        ] {
            let plain = similar::TextDiff::configure().diff_words(a, b);
            let mut want: Vec<DiffOp> = Vec::new();
            for change in plain.iter_all_changes() {
                let kind = match change.tag() {
                    similar::ChangeTag::Equal => DiffKind::Equal,
                    similar::ChangeTag::Delete => DiffKind::Delete,
                    similar::ChangeTag::Insert => DiffKind::Insert,
                };
                match want.last_mut() {
                    Some(last) if last.kind == kind => last.text.push_str(change.value()),
                    _ => want.push(DiffOp {
                        kind,
                        text: change.value().to_string(),
                    }),
                }
            }
            assert_eq!(word_diff(a, b), want, "{a:?} vs {b:?}");
        }
        assert_eq!(
            word_diff("Putin said the plan", "Putin claimed the plan"),
            vec![
                DiffOp {
                    kind: DiffKind::Equal,
                    text: "Putin ".into()
                },
                DiffOp {
                    kind: DiffKind::Delete,
                    text: "said".into()
                },
                DiffOp {
                    kind: DiffKind::Insert,
                    text: "claimed".into()
                },
                DiffOp {
                    kind: DiffKind::Equal,
                    text: " the plan".into()
                },
            ]
        );
    }

    /// Unlike a diff over words and spaces, a changed passage is one run: the spaces between
    /// unrelated words are not shown as shared.
    #[test]
    fn a_changed_passage_is_one_run() {
        let ops = word_diff(
            "The plan is a starting point, he said.",
            "He called the plan a basis for talks.",
        );
        assert_eq!(
            ops.last().map(|o| (o.kind, o.text.as_str())),
            Some((DiffKind::Insert, "basis for talks."))
        );
        assert!(ops.contains(&DiffOp {
            kind: DiffKind::Delete,
            text: "starting point, he said.".into()
        }));
    }

    #[test]
    fn words_and_gaps_keep_every_byte() {
        let text = " two  words\n and\tmore ";
        let (w, g) = words_and_gaps(text);
        assert_eq!(w, vec!["two", "words", "and", "more"]);
        assert_eq!(g, vec![" ", "  ", "\n ", "\t", " "]);
        let mut joined = String::new();
        for (gap, word) in g.iter().zip(&w) {
            joined.push_str(gap);
            joined.push_str(word);
        }
        joined.push_str(g[w.len()]);
        assert_eq!(joined, text);
        assert_eq!(words_and_gaps(""), (vec![], vec![""]));
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

    #[test]
    fn long_texts_take_myers_and_still_spell_both_sides() {
        let a: String = (0..300).map(|i| format!("w{} ", i % 17)).collect();
        let b: String = (0..260).map(|i| format!("w{} ", i % 13)).collect();
        let ops = word_diff(&a, &b);
        let spell = |skip: DiffKind| -> String {
            ops.iter()
                .filter(|o| o.kind != skip)
                .map(|o| o.text.as_str())
                .collect()
        };
        assert_eq!(spell(DiffKind::Insert), a);
        assert_eq!(spell(DiffKind::Delete), b);
    }
}
