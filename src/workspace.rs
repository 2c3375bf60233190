//! A workspace: the articles a user compares (in their order, with hidden ones), the notes they
//! attach to sentences and topics, and their settings. Serialised as JSON; parsing a file is
//! checked and a corrupt one is a typed error (callers write files atomically, see `files`).
//! A parsed workspace is validated before use ([`Workspace::repair`]): settings out of range,
//! article segmentation that does not match the text, and notes pointing nowhere are repaired,
//! each repair reported in plain words; unknown versions are refused. A workspace file carries
//! a format marker ([`FORMAT`]); a file without one (a comparison export, an article, any JSON)
//! is refused with the reason ([`classify`]). Each entry has a stable key ([`Entry::key`]) from
//! which the window draws its letter and colour, so hiding, moving or removing another article
//! never renames it.

use crate::error::WorkspaceError;
use crate::model::Article;
use serde::{Deserialize, Serialize};

/// Current workspace file version.
pub const VERSION: u32 = 1;

/// The format marker every workspace file carries (the `format` field).
pub const FORMAT: &str = "framediff-workspace";

/// The file extension of workspaces.
pub const EXTENSION: &str = "framediff";

/// Smallest and largest text scale a workspace may hold.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

/// An article in the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Entry {
    pub article: Article,
    /// Hidden articles stay in the library but are left out of the comparison.
    pub hidden: bool,
    /// Stable identity in this workspace: the window names and colours the article by it
    /// (key 0 is A). Assigned when the article is added (see [`Workspace::next_key`]), and in
    /// order on load for workspaces written before keys existed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<u32>,
}

impl Entry {
    /// A visible entry whose key is assigned when it is added ([`Workspace::add`]).
    pub fn new(article: Article) -> Entry {
        Entry {
            article,
            hidden: false,
            key: None,
        }
    }

    /// The entry's key (its position only if keys were never assigned).
    pub fn key_or(&self, position: usize) -> usize {
        self.key.map_or(position, |k| k as usize)
    }
}

/// What a file that was offered as a workspace turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A framediff workspace (with the marker, or an older one without it).
    Workspace,
    /// A comparison exported as JSON (`framediff compare --format json`, *Export*).
    ComparisonExport,
    /// JSON that is neither.
    OtherJson,
    /// Not JSON at all (an article, a note, a truncated file).
    NotJson,
}

/// Tells a workspace from other files by its contents: the format marker, or (for workspaces
/// written before the marker) a `version` or `entries` field without an export's
/// `articles`/`topics`.
pub fn classify(text: &str) -> FileKind {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => classify_value(&v),
        Err(_) => FileKind::NotJson,
    }
}

fn classify_value(v: &serde_json::Value) -> FileKind {
    let Some(obj) = v.as_object() else {
        return FileKind::OtherJson;
    };
    if let Some(f) = obj.get("format") {
        return if f.as_str() == Some(FORMAT) {
            FileKind::Workspace
        } else {
            FileKind::OtherJson
        };
    }
    if obj.contains_key("articles") && obj.contains_key("topics") {
        FileKind::ComparisonExport
    } else if obj.contains_key("version") || obj.contains_key("entries") {
        FileKind::Workspace
    } else {
        FileKind::OtherJson
    }
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
    /// Whether the articles panel (library and topics, on the left) is shown.
    pub articles_panel: PanelMode,
}

/// When a side panel is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PanelMode {
    /// Shown unless the window is too narrow for two readable columns beside it.
    #[default]
    Auto,
    Shown,
    Hidden,
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
            articles_panel: PanelMode::Auto,
        }
    }
}

/// Everything a workspace file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// Always [`FORMAT`] in a file framediff writes.
    pub format: String,
    pub version: u32,
    pub entries: Vec<Entry>,
    /// The key the next added article gets: keys are never reused while an article that held
    /// one may come back (undo), so a letter names one article in a workspace's life.
    pub next_key: u32,
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
            format: FORMAT.to_string(),
            version: VERSION,
            entries: Vec::new(),
            next_key: 0,
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

    /// Parses a workspace file's contents, refuses files that are not workspaces (see
    /// [`classify`]) and unknown versions, and repairs what is out of range; returns the
    /// workspace with the list of repairs made (empty for a sound file).
    pub fn from_json_checked(
        path: &str,
        text: &str,
    ) -> Result<(Workspace, Vec<String>), WorkspaceError> {
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            // a damaged workspace is said to be one; any other file is not a workspace
            Err(e) if looks_like_workspace_name(path) => {
                return Err(WorkspaceError::Corrupt {
                    path: path.to_string(),
                    message: e.to_string(),
                });
            }
            Err(_) => {
                return Err(WorkspaceError::NotWorkspace {
                    path: path.to_string(),
                });
            }
        };
        match classify_value(&value) {
            FileKind::Workspace => {}
            FileKind::ComparisonExport => {
                return Err(WorkspaceError::Export {
                    path: path.to_string(),
                });
            }
            FileKind::OtherJson | FileKind::NotJson => {
                return Err(WorkspaceError::NotWorkspace {
                    path: path.to_string(),
                });
            }
        }
        let mut ws: Workspace =
            serde_json::from_value(value).map_err(|e| WorkspaceError::Corrupt {
                path: path.to_string(),
                message: e.to_string(),
            })?;
        ws.format = FORMAT.to_string();
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
        self.ensure_keys();
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

    /// Gives every entry without a key (or with a key another entry holds already) a new key,
    /// in list order, and keeps [`Workspace::next_key`] above every key in use. Keys are not
    /// reused in a workspace's life (an article brought back by undo finds its key free).
    pub fn ensure_keys(&mut self) {
        let mut used = std::collections::HashSet::new();
        for e in &mut self.entries {
            if let Some(k) = e.key
                && !used.insert(k)
            {
                e.key = None;
            }
        }
        let mut next = used
            .iter()
            .max()
            .map_or(0, |&k| k.saturating_add(1))
            .max(self.next_key);
        for e in &mut self.entries {
            if e.key.is_none() {
                e.key = Some(next);
                next = next.saturating_add(1);
            }
        }
        self.next_key = next;
    }

    /// Adds an article at the end with a new key; returns its position.
    pub fn add(&mut self, mut entry: Entry) -> usize {
        entry.key = None;
        self.entries.push(entry);
        self.ensure_keys();
        self.entries.len() - 1
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

/// Whether a file name says it is a workspace (`.framediff`, or `.json` as older versions wrote).
pub fn looks_like_workspace_name(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(&format!(".{EXTENSION}")) || lower.ends_with(".json")
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
        let i = ws.add(Entry::new(Article::from_body(
            "a.txt",
            crate::Format::Text,
            "T".into(),
            "Body text.",
        )));
        ws.entries[i].hidden = true;
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
        let newer = format!("{{\"format\": \"{FORMAT}\", \"version\": {}}}", VERSION + 1);
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
            key: None,
        });
        let mut art2 = Article::from_body("b.txt", crate::Format::Text, "U".into(), "Héllo there.");
        art2.sentences[0].end = 2; // inside the two-byte é
        ws.entries.push(Entry {
            article: art2,
            hidden: false,
            key: None,
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

    fn article(path: &str) -> Article {
        Article::from_body(path, crate::Format::Text, path.into(), "Some body text.")
    }

    #[test]
    fn files_that_are_not_workspaces_are_refused_with_the_reason() {
        let ws = Workspace::default().to_json();
        assert!(ws.contains(FORMAT));
        assert_eq!(classify(&ws), FileKind::Workspace);
        // written before the marker existed
        let old = r#"{"version": 1, "entries": [], "notes": []}"#;
        assert_eq!(classify(old), FileKind::Workspace);
        assert!(Workspace::from_json("old.json", old).is_ok());
        let export = r#"{"articles": [{"title": "x"}], "topics": [], "differences": []}"#;
        assert_eq!(classify(export), FileKind::ComparisonExport);
        let err = Workspace::from_json("comparison.json", export).unwrap_err();
        assert!(matches!(err, WorkspaceError::Export { .. }), "{err}");
        assert!(err.to_string().contains("comparison export"), "{err}");
        for (name, text) in [
            ("a.txt", "Just an article."),
            ("b.json", r#"{"format": "something-else", "version": 1}"#),
            ("c.json", "[1, 2]"),
            ("d.json", "{}"),
        ] {
            let err = Workspace::from_json(name, text).unwrap_err();
            assert!(
                matches!(err, WorkspaceError::NotWorkspace { .. }),
                "{name}: {err}"
            );
            assert!(err.to_string().contains("not a framediff workspace"));
        }
        // a damaged workspace file is said to be damaged
        let err = Workspace::from_json("w.framediff", "{ trunc").unwrap_err();
        assert!(matches!(err, WorkspaceError::Corrupt { .. }), "{err}");
    }

    #[test]
    fn keys_are_stable_and_assigned_to_old_workspaces() {
        let mut ws = Workspace::default();
        for p in ["a", "b", "c"] {
            ws.add(Entry::new(article(p)));
        }
        let keys =
            |ws: &Workspace| -> Vec<Option<u32>> { ws.entries.iter().map(|e| e.key).collect() };
        assert_eq!(keys(&ws), [Some(0), Some(1), Some(2)]);
        // moving and hiding keep keys; a removed article's key is not given to another
        ws.entries.swap(0, 2);
        ws.entries[1].hidden = true;
        let c = ws.entries.remove(0);
        assert_eq!(keys(&ws), [Some(1), Some(0)]);
        ws.add(Entry::new(article("d")));
        assert_eq!(keys(&ws), [Some(1), Some(0), Some(3)]);
        ws.entries.insert(0, c); // as undo brings it back
        ws.ensure_keys();
        assert_eq!(keys(&ws), [Some(2), Some(1), Some(0), Some(3)]);
        ws.entries.remove(0);
        let back = Workspace::from_json("w.framediff", &ws.to_json()).unwrap();
        assert_eq!(keys(&back), keys(&ws));
        // a workspace written before keys: assigned in order; duplicates are re-keyed
        let mut old = ws.clone();
        for e in &mut old.entries {
            e.key = None;
        }
        old.next_key = 0;
        let json = old.to_json();
        assert!(!json.contains("\"key\""));
        let (loaded, repairs) = Workspace::from_json_checked("old.framediff", &json).unwrap();
        assert!(repairs.is_empty(), "{repairs:?}");
        assert_eq!(keys(&loaded), [Some(0), Some(1), Some(2)]);
        assert_eq!(back.next_key, 4, "kept in the file");
        let mut dup = ws.clone();
        dup.entries[2].key = Some(1);
        dup.repair();
        assert_eq!(keys(&dup), [Some(1), Some(0), Some(4)]);
    }
}
