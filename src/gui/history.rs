//! Undo and redo of the user's edits to a workspace: removing, hiding and moving articles, note
//! edits, and replacing the whole list (*New comparison*, *Load the sample articles*). Each step
//! is stored as the edit with what it needs to be reverted (the removed entry, the old note
//! text), not as a copy of the workspace, and the history keeps at most [`LIMIT`] steps.

use crate::workspace::{Entry, Note, NoteTarget, Workspace};
use std::collections::VecDeque;

/// Most steps kept for undo.
pub const LIMIT: usize = 100;

/// One reversible edit of a workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// The entry that was at `index` was removed.
    Remove { index: usize, entry: Box<Entry> },
    /// The entry at `index` was hidden or shown.
    ToggleHidden { index: usize },
    /// The entry at `from` was moved to `to`.
    Move { from: usize, to: usize },
    /// A note changed (`None`: there was no note / it was deleted).
    Note {
        target: NoteTarget,
        before: Option<String>,
        after: Option<String>,
    },
    /// The entries and notes were replaced together.
    Replace {
        before: Box<(Vec<Entry>, Vec<Note>)>,
        after: Box<(Vec<Entry>, Vec<Note>)>,
    },
}

impl Edit {
    /// Makes the edit (again).
    pub fn apply(&self, ws: &mut Workspace) {
        match self {
            Edit::Remove { index, .. } => {
                if *index < ws.entries.len() {
                    ws.entries.remove(*index);
                }
            }
            Edit::ToggleHidden { index } => {
                if let Some(e) = ws.entries.get_mut(*index) {
                    e.hidden = !e.hidden;
                }
            }
            Edit::Move { from, to } => move_entry(ws, *from, *to),
            Edit::Note { target, after, .. } => {
                ws.set_note(target.clone(), after.clone().unwrap_or_default())
            }
            Edit::Replace { after, .. } => {
                (ws.entries, ws.notes) = (after.0.clone(), after.1.clone());
            }
        }
    }

    /// Takes the edit back.
    pub fn revert(&self, ws: &mut Workspace) {
        match self {
            Edit::Remove { index, entry } => {
                let at = (*index).min(ws.entries.len());
                ws.entries.insert(at, (**entry).clone());
            }
            Edit::ToggleHidden { .. } => self.apply(ws),
            Edit::Move { from, to } => move_entry(ws, *to, *from),
            Edit::Note { target, before, .. } => {
                ws.set_note(target.clone(), before.clone().unwrap_or_default())
            }
            Edit::Replace { before, .. } => {
                (ws.entries, ws.notes) = (before.0.clone(), before.1.clone());
            }
        }
    }
}

fn move_entry(ws: &mut Workspace, from: usize, to: usize) {
    let n = ws.entries.len();
    if from < n && to < n && from != to {
        let e = ws.entries.remove(from);
        ws.entries.insert(to, e);
    }
}

/// How a step is named in the status line and the *Edit* menu: with the article's title, and
/// without it for teaching mode ("remove article B"), which hides titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub named: String,
    pub blind: String,
}

impl Label {
    /// The name to show: `blind` when titles are hidden.
    pub fn text(&self, hide_titles: bool) -> &str {
        if hide_titles {
            &self.blind
        } else {
            &self.named
        }
    }
}

impl From<&str> for Label {
    fn from(s: &str) -> Label {
        Label {
            named: s.to_string(),
            blind: s.to_string(),
        }
    }
}

impl From<String> for Label {
    fn from(s: String) -> Label {
        Label {
            blind: s.clone(),
            named: s,
        }
    }
}

/// A step: the edit and how to name it.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    edit: Edit,
    label: Label,
}

/// The undo and redo stacks.
#[derive(Debug, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records an edit that was just made; the redo steps are dropped, and the oldest step when
    /// there are more than [`LIMIT`].
    pub fn push(&mut self, edit: Edit, label: impl Into<Label>) {
        self.redo.clear();
        let label = label.into();
        self.undo.push_back(Step { edit, label });
        while self.undo.len() > LIMIT {
            self.undo.pop_front();
        }
    }

    /// Takes back the last edit; returns what it was, or None when there is nothing to undo.
    pub fn undo(&mut self, ws: &mut Workspace) -> Option<Label> {
        let step = self.undo.pop_back()?;
        step.edit.revert(ws);
        let label = step.label.clone();
        self.redo.push(step);
        Some(label)
    }

    /// Makes the last undone edit again.
    pub fn redo(&mut self, ws: &mut Workspace) -> Option<Label> {
        let step = self.redo.pop()?;
        step.edit.apply(ws);
        let label = step.label.clone();
        self.undo.push_back(step);
        Some(label)
    }

    /// What Ctrl+Z would take back.
    pub fn undo_label(&self) -> Option<&Label> {
        self.undo.back().map(|s| &s.label)
    }

    /// What Ctrl+Shift+Z would make again.
    pub fn redo_label(&self) -> Option<&Label> {
        self.redo.last().map(|s| &s.label)
    }

    /// Forgets everything (another workspace was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Steps that can be undone.
    pub fn len(&self) -> usize {
        self.undo.len()
    }

    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    fn ws(names: &[&str]) -> Workspace {
        let mut ws = Workspace::default();
        for n in names {
            ws.add(Entry::new(Article::from_body(
                *n,
                crate::Format::Text,
                n.to_string(),
                "Body.",
            )));
        }
        ws
    }

    fn paths(ws: &Workspace) -> Vec<String> {
        ws.entries.iter().map(|e| e.article.path.clone()).collect()
    }

    /// Makes `edit` on `ws` and records it, as the app does.
    fn edit(h: &mut History, ws: &mut Workspace, edit: Edit) {
        edit.apply(ws);
        h.push(edit, "x");
    }

    #[test]
    fn every_edit_undoes_and_redoes_to_the_same_workspace() {
        let start = ws(&["a", "b", "c"]);
        let mut w = start.clone();
        let mut h = History::default();
        let t = NoteTarget::Topic { label: "t".into() };
        edit(&mut h, &mut w, Edit::Move { from: 0, to: 2 });
        edit(&mut h, &mut w, Edit::ToggleHidden { index: 1 });
        let entry = Box::new(w.entries[0].clone());
        edit(&mut h, &mut w, Edit::Remove { index: 0, entry });
        edit(
            &mut h,
            &mut w,
            Edit::Note {
                target: t.clone(),
                before: None,
                after: Some("hi".into()),
            },
        );
        let end = w.clone();
        assert_eq!(paths(&end), ["c", "a"]);
        assert!(end.entries[0].hidden);
        assert_eq!(end.note(&t), Some("hi"));
        assert_eq!(h.len(), 4);
        while h.undo(&mut w).is_some() {}
        assert_eq!(w, start);
        assert!(h.undo(&mut w).is_none());
        while h.redo(&mut w).is_some() {}
        assert_eq!(w, end);
        // a removed article comes back at its place with its key
        h.undo(&mut w);
        h.undo(&mut w);
        assert_eq!(paths(&w), ["b", "c", "a"]);
        assert_eq!(w.entries[0].key, Some(1));
        // a new edit drops the redo steps
        edit(&mut h, &mut w, Edit::ToggleHidden { index: 2 });
        assert!(h.redo(&mut w).is_none());
        assert_eq!(h.redo_label(), None);
    }

    #[test]
    fn replace_restores_entries_and_notes() {
        let mut w = ws(&["a", "b"]);
        w.set_note(NoteTarget::Topic { label: "t".into() }, "n".into());
        let before = w.clone();
        let mut h = History::default();
        let replace = Edit::Replace {
            before: Box::new((w.entries.clone(), w.notes.clone())),
            after: Box::new((Vec::new(), Vec::new())),
        };
        edit(&mut h, &mut w, replace);
        assert!(w.entries.is_empty() && w.notes.is_empty());
        h.undo(&mut w);
        assert_eq!(w, before);
    }

    #[test]
    fn history_is_bounded_and_labels_say_what() {
        let mut w = ws(&["a", "b"]);
        let mut h = History::default();
        for i in 0..LIMIT + 20 {
            Edit::ToggleHidden { index: 0 }.apply(&mut w);
            h.push(Edit::ToggleHidden { index: 0 }, format!("step {i}"));
        }
        assert_eq!(h.len(), LIMIT);
        assert_eq!(
            h.undo_label().unwrap().text(false),
            format!("step {}", LIMIT + 19)
        );
        let mut n = 0;
        while h.undo(&mut w).is_some() {
            n += 1;
        }
        assert_eq!(n, LIMIT);
        assert_eq!(h.redo_label().unwrap().text(true), "step 20");
        let l = Label {
            named: "remove “T”".into(),
            blind: "remove article A".into(),
        };
        h.push(Edit::ToggleHidden { index: 0 }, l.clone());
        assert_eq!(h.undo(&mut w), Some(l));
    }
}
