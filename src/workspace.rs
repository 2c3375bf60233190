//! A workspace: the articles a user compares (in their order, with hidden ones), the notes they
//! attach to sentences and topics, and their settings. Serialised as JSON; parsing a file is
//! checked and a corrupt one is a typed error (callers write files atomically, see `files`).

use crate::error::WorkspaceError;
use crate::model::Article;
use serde::{Deserialize, Serialize};

/// Current workspace file version.
pub const VERSION: u32 = 1;

/// An article in the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Entry {
    pub article: Article,
    /// Hidden articles stay in the library but are left out of the comparison.
    pub hidden: bool,
}

pub use crate::model::{Note, NoteTarget};

/// Light, dark or follow the system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// User settings saved with the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Blind comparison: outlet names and titles hidden.
    pub teaching_mode: bool,
    /// Scrolling one column scrolls the others to the same topic.
    pub sync_scroll: bool,
    pub theme: Theme,
    /// Text scale, 1.0 to 2.0.
    pub zoom: f32,
    pub show_legend: bool,
    /// Highlight frame-dimension words in the reading columns (they are always counted in the
    /// overview and the framing card).
    pub show_frame_cues: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            teaching_mode: false,
            sync_scroll: true,
            theme: Theme::System,
            zoom: 1.0,
            show_legend: true,
            show_frame_cues: false,
        }
    }
}

/// Everything a workspace file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    pub version: u32,
    pub entries: Vec<Entry>,
    pub notes: Vec<Note>,
    pub settings: Settings,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            version: VERSION,
            entries: Vec::new(),
            notes: Vec::new(),
            settings: Settings::default(),
        }
    }
}

impl Workspace {
    /// Parses a workspace file's contents; `path` is used in the error.
    pub fn from_json(path: &str, text: &str) -> Result<Workspace, WorkspaceError> {
        let ws: Workspace = serde_json::from_str(text).map_err(|e| WorkspaceError::Corrupt {
            path: path.to_string(),
            message: e.to_string(),
        })?;
        if ws.version > VERSION {
            return Err(WorkspaceError::Corrupt {
                path: path.to_string(),
                message: format!(
                    "it was written by a newer framediff (workspace version {}, this one reads {VERSION})",
                    ws.version
                ),
            });
        }
        Ok(ws)
    }

    /// The JSON text of the workspace.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The articles that take part in the comparison, with their workspace positions.
    pub fn visible(&self) -> impl Iterator<Item = (usize, &Article)> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.hidden)
            .map(|(i, e)| (i, &e.article))
    }

    /// The note on a target, if any.
    pub fn note(&self, target: &NoteTarget) -> Option<&str> {
        self.notes
            .iter()
            .find(|n| &n.target == target)
            .map(|n| n.text.as_str())
    }

    /// Sets (or with empty text, removes) the note on a target.
    pub fn set_note(&mut self, target: NoteTarget, text: String) {
        self.notes.retain(|n| n.target != target);
        if !text.trim().is_empty() {
            self.notes.push(Note { target, text });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corrupt() {
        let mut ws = Workspace::default();
        ws.entries.push(Entry {
            article: Article::from_body("a.txt", crate::Format::Text, "T".into(), "Body text."),
            hidden: true,
        });
        ws.set_note(
            NoteTarget::Sentence {
                article: "a.txt".into(),
                sentence: 0,
            },
            "check this".into(),
        );
        let back = Workspace::from_json("w.json", &ws.to_json()).unwrap();
        assert_eq!(back, ws);
        assert_eq!(back.visible().count(), 0);
        let err = Workspace::from_json("w.json", "{ not json").unwrap_err();
        assert!(err.to_string().contains("w.json"), "{err}");
        let newer = format!("{{\"version\": {}}}", VERSION + 1);
        assert!(Workspace::from_json("w.json", &newer).is_err());
    }

    #[test]
    fn empty_note_removes() {
        let mut ws = Workspace::default();
        let t = NoteTarget::Topic { label: "x".into() };
        ws.set_note(t.clone(), "hi".into());
        assert_eq!(ws.note(&t), Some("hi"));
        ws.set_note(t.clone(), "  ".into());
        assert_eq!(ws.note(&t), None);
    }
}
