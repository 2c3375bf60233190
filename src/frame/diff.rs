//! Word-level diffs of aligned sentences (the `similar` crate), as data for display.

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

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

/// Diffs two sentences word by word; adjacent runs of the same kind are merged.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    let diff = TextDiff::configure().diff_words(a, b);
    let mut out: Vec<DiffOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => DiffKind::Equal,
            ChangeTag::Delete => DiffKind::Delete,
            ChangeTag::Insert => DiffKind::Insert,
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

#[cfg(test)]
mod tests {
    use super::*;

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
