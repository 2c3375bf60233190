//! A workspace: the articles a user compares (in their order, with hidden ones), the notes they
//! attach to sentences and topics, and their settings. Serialised as JSON; parsing a file is
//! checked and a corrupt one is a typed error (callers write files atomically, see `files`).
//! A parsed workspace is validated before use ([`Workspace::repair`]): settings out of range,
//! article segmentation that does not match the text, and notes pointing nowhere are repaired,
//! each repair reported in plain words; unknown versions are refused.

use crate::error::WorkspaceError;
use crate::model::Article;
use serde::{Deserialize, Serialize};

/// Current workspace file version.
pub const VERSION: u32 = 1;

/// Smallest and largest text scale a workspace may hold.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

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
    /// The user's editorial edits (renamed, merged, split topics; links; differences marked
    /// wrong), applied to every analysis (see `edits`).
    #[serde(default)]
    pub edits: crate::edits::Edits,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            version: VERSION,
            entries: Vec::new(),
            notes: Vec::new(),
            settings: Settings::default(),
            edits: Default::default(),
        }
    }
}

impl Workspace {
    /// Parses a workspace file's contents and repairs what is out of range (see
    /// [`Workspace::repair`]); `path` is used in the error. Use [`Workspace::from_json_checked`]
    /// to see the repairs.
    pub fn from_json(path: &str, text: &str) -> Result<Workspace, WorkspaceError> {
        Self::from_json_checked(path, text).map(|(ws, _)| ws)
    }

    /// Parses a workspace file's contents, refuses unknown versions, and repairs what is out of
    /// range; returns the workspace with the list of repairs made (empty for a sound file).
    pub fn from_json_checked(
        path: &str,
        text: &str,
    ) -> Result<(Workspace, Vec<String>), WorkspaceError> {
        let mut ws: Workspace =
            serde_json::from_str(text).map_err(|e| WorkspaceError::Corrupt {
                path: path.to_string(),
                message: e.to_string(),
            })?;
        if ws.version == 0 || ws.version > VERSION {
            return Err(WorkspaceError::Version {
                path: path.to_string(),
                found: ws.version,
                known: VERSION,
            });
        }
        let repairs = ws.repair();
        Ok((ws, repairs))
    }

    /// Brings every value into range so that nothing downstream can index out of bounds or
    /// divide by a bad zoom: a non-finite or out-of-range zoom is reset or clamped, an article
    /// whose sentence and paragraph positions do not match its text is segmented again, and
    /// notes on sentences that do not exist (or duplicates) are dropped. Returns a plain-words
    /// line per repair; a sound workspace is left untouched and gives an empty list.
    pub fn repair(&mut self) -> Vec<String> {
        let mut repairs = Vec::new();
        let zoom = self.settings.zoom;
        if !zoom.is_finite() {
            self.settings.zoom = 1.0;
            repairs.push(format!(
                "the text scale {zoom} was not a number; reset to 1.0"
            ));
        } else if !(ZOOM_RANGE.0..=ZOOM_RANGE.1).contains(&zoom) {
            self.settings.zoom = zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
            repairs.push(format!(
                "the text scale {zoom} was out of range; set to {}",
                self.settings.zoom
            ));
        }
        for entry in &mut self.entries {
            let art = &mut entry.article;
            if let Some(why) = segmentation_problem(art) {
                let body = std::mem::take(&mut art.body);
                art.set_body(&body);
                repairs.push(format!(
                    "{}: {why}; its sentences were found again from the text",
                    art.path
                ));
            }
        }
        let before = self.notes.len();
        let mut seen = std::collections::HashSet::new();
        let entries = &self.entries;
        self.notes.retain(|n| {
            let target_ok = match &n.target {
                NoteTarget::Sentence { article, sentence } => entries
                    .iter()
                    .any(|e| &e.article.path == article && *sentence < e.article.sentences.len()),
                NoteTarget::Topic { .. } => true,
            };
            target_ok && seen.insert(n.target.clone())
        });
        let dropped = before - self.notes.len();
        if dropped > 0 {
            repairs.push(format!(
                "{dropped} note(s) pointed to a sentence that does not exist (or repeated another) and were dropped"
            ));
        }
        repairs
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

/// Why an article's stored segmentation cannot be trusted, if it cannot.
fn segmentation_problem(art: &Article) -> Option<&'static str> {
    let body = art.body.as_str();
    let span_ok = |start: usize, end: usize| {
        start <= end
            && end <= body.len()
            && body.is_char_boundary(start)
            && body.is_char_boundary(end)
    };
    if art.paragraphs.iter().any(|&(s, e)| !span_ok(s, e)) {
        return Some("paragraph positions lay outside its text");
    }
    for (i, s) in art.sentences.iter().enumerate() {
        if s.index != i {
            return Some("sentence numbers were out of order or out of range");
        }
        if s.paragraph >= art.paragraphs.len() {
            return Some("a sentence named a paragraph that does not exist");
        }
        if !span_ok(s.start, s.end) || body[s.start..s.end] != *s.text {
            return Some("sentence positions did not match its text");
        }
    }
    if art.sentences.is_empty() && !body.trim().is_empty() {
        return Some("it had text but no sentences");
    }
    None
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
        assert!(matches!(
            Workspace::from_json("w.json", &newer),
            Err(WorkspaceError::Version { .. })
        ));
        assert!(Workspace::from_json("w.json", "{\"version\": 0}").is_err());
        let (_, repairs) = Workspace::from_json_checked("w.json", &ws.to_json()).unwrap();
        assert!(repairs.is_empty(), "{repairs:?}");
    }

    fn hostile() -> Workspace {
        let mut ws = Workspace::default();
        let mut art = Article::from_body(
            "a.txt",
            crate::Format::Text,
            "T".into(),
            "First sentence here. Second one is here.\n\nA new paragraph.",
        );
        for s in &mut art.sentences {
            s.index += 1000;
            s.paragraph += 50;
        }
        ws.entries.push(Entry {
            article: art,
            hidden: false,
        });
        let mut art2 = Article::from_body("b.txt", crate::Format::Text, "U".into(), "Héllo there.");
        art2.sentences[0].end = 2; // inside the two-byte é
        ws.entries.push(Entry {
            article: art2,
            hidden: false,
        });
        for sentence in [1, 99] {
            ws.notes.push(Note {
                target: NoteTarget::Sentence {
                    article: "a.txt".into(),
                    sentence,
                },
                text: "n".into(),
            });
        }
        ws.notes.push(Note {
            target: NoteTarget::Sentence {
                article: "gone.txt".into(),
                sentence: 0,
            },
            text: "n".into(),
        });
        ws
    }

    #[test]
    fn bad_zoom_is_reset_or_clamped() {
        for (zoom, want) in [
            (f32::NAN, 1.0),
            (f32::INFINITY, 1.0),
            (0.0, ZOOM_RANGE.0),
            (-3.0, ZOOM_RANGE.0),
            (1e6, ZOOM_RANGE.1),
            (1.5, 1.5),
        ] {
            let mut ws = Workspace::default();
            ws.settings.zoom = zoom;
            let repairs = ws.repair();
            assert_eq!(ws.settings.zoom, want, "{zoom}");
            assert_eq!(repairs.is_empty(), zoom == 1.5, "{zoom}: {repairs:?}");
        }
        // NaN cannot be written as JSON; a zoom of 0 in a file is repaired on load
        let json = Workspace::default()
            .to_json()
            .replace("\"zoom\": 1.0", "\"zoom\": 0.0");
        let (ws, repairs) = Workspace::from_json_checked("z.json", &json).unwrap();
        assert_eq!(ws.settings.zoom, ZOOM_RANGE.0);
        assert_eq!(repairs.len(), 1);
    }

    #[test]
    fn out_of_range_indices_are_repaired_and_reported() {
        let (ws, repairs) = Workspace::from_json_checked("w.json", &hostile().to_json()).unwrap();
        assert_eq!(repairs.len(), 3, "{repairs:?}");
        for e in &ws.entries {
            let a = &e.article;
            assert!(segmentation_problem(a).is_none(), "{}", a.path);
            for (i, s) in a.sentences.iter().enumerate() {
                assert_eq!(s.index, i);
                assert!(s.paragraph < a.paragraphs.len());
            }
        }
        assert_eq!(ws.notes.len(), 1, "{:?}", ws.notes);
        // repairing twice changes nothing more
        let mut again = ws.clone();
        assert!(again.repair().is_empty());
        assert_eq!(again, ws);
        // and the analysis runs on it
        let arts: Vec<Article> = ws.entries.iter().map(|e| e.article.clone()).collect();
        let _ = crate::analyze(arts, &crate::Config::builtin());
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
