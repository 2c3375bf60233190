//! framediff's own in-window file chooser, and the decision whether to use it instead of the
//! system file dialog.
//!
//! # When the chooser is used
//!
//! The system dialog comes from `rfd`. On Linux and the BSDs rfd (0.17, default features
//! `xdg-portal`) loads `libdbus-1` at run time and asks the XDG desktop portal
//! (`org.freedesktop.portal.Desktop`, interface `org.freedesktop.portal.FileChooser`) on the
//! session bus; when that fails it runs the `zenity` program; when that fails too it logs an
//! error and returns `None`, exactly as if the user had cancelled. So the window cannot tell
//! "no dialog" from "cancelled" after the fact, and framediff decides beforehand, once, off the UI
//! thread ([`native_dialogs`], cached for the life of the process):
//!
//! 1. `FRAMEDIFF_NATIVE_DIALOGS=0` (or `false`, `no`, `off`) forces the in-window chooser,
//!    `=1` (`true`, `yes`, `on`) forces the system dialog; anything else means "detect"
//!    ([`DialogPolicy`]). Tests set [`crate::gui::worker::Worker::dialogs`] directly.
//! 2. An executable `zenity` on `PATH` means the system dialog works (rfd's fallback).
//! 3. Otherwise `libdbus-1.so.3` must load (rfd needs it for the portal) and a call on the
//!    session bus — `org.freedesktop.DBus.Properties.Get("org.freedesktop.portal.FileChooser",
//!    "version")` on `/org/freedesktop/portal/desktop`, made with `zbus` (5 s for the call, 6 s
//!    for the whole check) — must answer. This also starts a portal that is D-Bus activatable,
//!    and fails when a portal runs without a backend that implements the file chooser.
//! 4. If neither holds, the in-window chooser is used and the window says so once.
//!
//! On Windows and macOS the system dialog is always there.
//!
//! # The chooser
//!
//! A modal window with the folder path (editable; Enter goes there), *Up one level*, the
//! folder's entries (folders first, their names ending in `/`, then files filtered by the
//! purpose's extensions unless *All files* is ticked; sorted by name without case),
//! multi-select (Ctrl/Shift+click) to add articles, *Add this folder* to add a folder, a file
//! name (default `comparison.framediff` or `comparison.EXT`, as the system dialog gets) to save
//! or export, and Open/Add/Save/Export and Cancel; Enter accepts, Escape cancels, saving over an
//! existing file asks first. A folder is read on the worker ([`list_dir`]), at most
//! [`MAX_ENTRIES`] entries (the chooser says when there are more); a folder that cannot be read
//! shows the reason inside the chooser. The chooser ends with the same [`Pick`] and paths the
//! system dialog produces, so the rest of the window does not know which one was used.

use super::app::Command;
use super::worker::Pick;
use crate::report::ReportFormat;
use egui::{Key, Modifiers, RichText};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Most entries read from one folder; the chooser says when a folder holds more.
pub const MAX_ENTRIES: usize = 5000;

/// Said once when the system dialog is missing and the chooser is used instead.
pub const NO_NATIVE_NOTICE: &str =
    "No system file dialog is available (no XDG portal or zenity); using framediff's own chooser.";

/// Said once when `FRAMEDIFF_NATIVE_DIALOGS=0` (or a test) asks for the chooser.
pub const FORCED_NOTICE: &str =
    "Using framediff's own file chooser (FRAMEDIFF_NATIVE_DIALOGS=0 or a setting asks for it).";

/// Which file dialog to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DialogPolicy {
    /// The system dialog when [`native_dialogs`] finds one, else the chooser.
    #[default]
    Auto,
    /// Always the system dialog.
    Native,
    /// Always framediff's chooser.
    InWindow,
}

impl DialogPolicy {
    /// From `FRAMEDIFF_NATIVE_DIALOGS`.
    pub fn from_env() -> Self {
        Self::parse(std::env::var("FRAMEDIFF_NATIVE_DIALOGS").ok().as_deref())
    }

    /// `0/false/no/off` → [`DialogPolicy::InWindow`], `1/true/yes/on` → [`DialogPolicy::Native`],
    /// anything else (or nothing) → [`DialogPolicy::Auto`].
    pub fn parse(value: Option<&str>) -> Self {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("0" | "false" | "no" | "off") => DialogPolicy::InWindow,
            Some("1" | "true" | "yes" | "on") => DialogPolicy::Native,
            _ => DialogPolicy::Auto,
        }
    }

    /// Whether to use the system dialog, if known without waiting for the probe.
    pub fn native_now(self) -> Option<bool> {
        match self {
            DialogPolicy::Native => Some(true),
            DialogPolicy::InWindow => Some(false),
            DialogPolicy::Auto => PROBE.get().copied(),
        }
    }

    /// Whether to use the system dialog; may wait for the probe (call off the UI thread).
    pub fn native_blocking(self) -> bool {
        match self {
            DialogPolicy::Auto => native_dialogs(),
            other => other == DialogPolicy::Native,
        }
    }
}

static PROBE: OnceLock<bool> = OnceLock::new();

/// Whether the system file dialog works here (see the module doc). Probes once per process;
/// a second caller waits for the first. Call off the UI thread.
pub fn native_dialogs() -> bool {
    *PROBE.get_or_init(probe)
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
)))]
fn probe() -> bool {
    true
}

#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn probe() -> bool {
    if zenity_on_path() {
        return true;
    }
    if !libdbus_loads() {
        return false;
    }
    // the method timeout does not cover connecting and authenticating, so the whole check
    // gets a deadline of its own: a bus that hangs means no dialog, not a window that waits
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(portal_file_chooser());
    });
    rx.recv_timeout(std::time::Duration::from_secs(6))
        .unwrap_or(false)
}

#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn zenity_on_path() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        std::fs::metadata(dir.join("zenity"))
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    })
}

/// rfd reaches the portal through `libdbus-1`, which it loads at run time; so does this check.
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn libdbus_loads() -> bool {
    [c"libdbus-1.so.3", c"libdbus-1.so"].iter().any(|name| {
        // SAFETY: `name` is a valid C string; the handle is checked for null and closed at once.
        unsafe {
            let handle = libc::dlopen(name.as_ptr(), libc::RTLD_LAZY | libc::RTLD_LOCAL);
            if handle.is_null() {
                false
            } else {
                libc::dlclose(handle);
                true
            }
        }
    })
}

/// Asks the portal on the session bus for its file chooser's version (5 s at most).
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn portal_file_chooser() -> bool {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none()
        && std::env::var_os("XDG_RUNTIME_DIR").is_none_or(|d| !Path::new(&d).join("bus").exists())
    {
        return false;
    }
    pollster::block_on(async {
        let Ok(builder) = zbus::connection::Builder::session() else {
            return false;
        };
        let Ok(conn) = builder
            .method_timeout(std::time::Duration::from_secs(5))
            .build()
            .await
        else {
            return false;
        };
        conn.call_method(
            Some("org.freedesktop.portal.Desktop"),
            "/org/freedesktop/portal/desktop",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.portal.FileChooser", "version"),
        )
        .await
        .is_ok()
    })
}

/// One entry of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
}

/// A folder's entries, folders first, then by name without case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The folder, made absolute and without `..`.
    pub dir: PathBuf,
    pub entries: Vec<DirEntry>,
    /// The folder holds more than [`MAX_ENTRIES`] entries; only that many were read.
    pub truncated: bool,
}

/// Reads a folder, at most `cap` entries (entries that cannot be read are skipped). The error
/// is a sentence for the chooser.
pub fn list_dir(dir: &Path, cap: usize) -> Result<Listing, String> {
    let shown = dir.display();
    let dir = std::fs::canonicalize(dir).map_err(|e| format!("Cannot read {shown}: {e}"))?;
    let read = std::fs::read_dir(&dir).map_err(|e| format!("Cannot read {shown}: {e}"))?;
    let mut entries = Vec::new();
    let mut truncated = false;
    for entry in read.flatten() {
        if entries.len() >= cap {
            truncated = true;
            break;
        }
        let path = entry.path();
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => std::fs::metadata(&path).is_ok_and(|m| m.is_dir()),
            Ok(t) => t.is_dir(),
            Err(_) => continue,
        };
        entries.push(DirEntry {
            name: entry.file_name().to_string_lossy().into_owned(),
            path,
            is_dir,
        });
    }
    entries.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase(), e.name.clone()));
    Ok(Listing {
        dir,
        entries,
        truncated,
    })
}

/// What the chooser shows below the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListState {
    Loading(PathBuf),
    Ready(Listing),
    Failed(PathBuf, String),
}

/// The open chooser.
#[derive(Debug, Clone)]
pub struct Chooser {
    pub purpose: Pick,
    /// The folder path field.
    pub path_text: String,
    /// The file name field (save and export).
    pub file_name: String,
    /// Show every file, hidden ones included, not only the purpose's kinds.
    pub all_files: bool,
    pub list: ListState,
    pub selected: Vec<PathBuf>,
    /// Why the chooser is used (shown at its top).
    pub notice: Option<String>,
    /// A hint after a refused Open/Save (nothing selected, a folder named, …).
    pub message: Option<String>,
    /// Saving over this existing file was asked once; asking again confirms.
    pub confirm_replace: Option<PathBuf>,
    /// Listing requests; only the newest one's answer is shown.
    pub generation: u64,
}

impl Chooser {
    /// A chooser for `purpose`; the caller then lists `start` ([`Chooser::browse`]).
    pub fn new(purpose: Pick, notice: Option<String>) -> Self {
        let file_name = match purpose {
            Pick::SaveWorkspace => "comparison.framediff".to_string(),
            Pick::Export(f) => super::worker::export_file_name(f),
            _ => String::new(),
        };
        Chooser {
            purpose,
            path_text: String::new(),
            file_name,
            all_files: false,
            list: ListState::Loading(PathBuf::new()),
            selected: Vec::new(),
            notice,
            message: None,
            confirm_replace: None,
            generation: 0,
        }
    }

    /// Starts showing `dir`; returns the generation to hand to the listing job.
    pub fn browse(&mut self, dir: PathBuf) -> u64 {
        self.generation += 1;
        self.path_text = dir.display().to_string();
        self.list = ListState::Loading(dir);
        self.selected.clear();
        self.message = None;
        self.confirm_replace = None;
        self.generation
    }

    /// A listing arrived; older generations are dropped.
    pub fn listed(&mut self, generation: u64, dir: PathBuf, result: Result<Listing, String>) {
        if generation != self.generation {
            return;
        }
        self.list = match result {
            Ok(l) => {
                self.path_text = l.dir.display().to_string();
                ListState::Ready(l)
            }
            Err(e) => ListState::Failed(dir, e),
        };
    }

    /// The folder shown (or being read).
    pub fn dir(&self) -> &Path {
        match &self.list {
            ListState::Loading(d) | ListState::Failed(d, _) => d,
            ListState::Ready(l) => &l.dir,
        }
    }

    pub fn title(&self) -> &'static str {
        match self.purpose {
            Pick::AddArticles => "Add articles",
            Pick::AddFolder => "Add a folder of articles",
            Pick::OpenWorkspace => "Open workspace",
            Pick::SaveWorkspace => "Save workspace",
            Pick::Export(_) => "Export comparison",
        }
    }

    /// File kinds shown when *All files* is off, and their description.
    pub fn extensions(&self) -> (&'static str, Vec<&'static str>) {
        match self.purpose {
            Pick::AddArticles => ("Articles", crate::files::ARTICLE_EXTENSIONS.to_vec()),
            Pick::AddFolder => ("Folders", Vec::new()),
            Pick::OpenWorkspace => ("framediff workspace", vec!["framediff", "json"]),
            Pick::SaveWorkspace => ("framediff workspace", vec!["framediff"]),
            Pick::Export(f) => {
                let what = match f {
                    ReportFormat::Html => "HTML page",
                    ReportFormat::Handout => "HTML page (blind handout; its answer key beside it)",
                    ReportFormat::Markdown => "Markdown",
                    ReportFormat::Json => "JSON",
                };
                (what, vec![f.extension()])
            }
        }
    }

    fn saving(&self) -> bool {
        matches!(self.purpose, Pick::SaveWorkspace | Pick::Export(_))
    }

    /// Whether an entry is listed with the current filter.
    pub fn shows(&self, e: &DirEntry) -> bool {
        if self.all_files {
            return true;
        }
        if e.name.starts_with('.') {
            return false;
        }
        if e.is_dir {
            return true;
        }
        let (_, exts) = self.extensions();
        let ext = Path::new(&e.name)
            .extension()
            .map(|x| x.to_string_lossy().to_lowercase());
        ext.is_some_and(|x| exts.iter().any(|k| *k == x))
    }

    fn primary_label(&self) -> &'static str {
        match self.purpose {
            Pick::AddArticles => "Add",
            Pick::AddFolder => "Add this folder",
            Pick::OpenWorkspace => "Open",
            Pick::SaveWorkspace => "Save",
            Pick::Export(_) => "Export",
        }
    }

    /// Open/Save pressed: the command that ends the chooser, or a hint why it cannot end yet.
    pub fn accept(&mut self) -> Option<Command> {
        self.message = None;
        let listing = match &self.list {
            ListState::Ready(l) => l,
            ListState::Loading(_) => {
                self.message = Some("The folder is still being read.".into());
                return None;
            }
            ListState::Failed(..) => {
                self.message = Some("Choose a folder that can be read.".into());
                return None;
            }
        };
        match self.purpose {
            Pick::AddArticles | Pick::OpenWorkspace => {
                if self.selected.is_empty() {
                    self.message = Some(if self.purpose == Pick::AddArticles {
                        "Select one or more files (Ctrl+click adds to the selection).".into()
                    } else {
                        "Select a workspace file.".into()
                    });
                    return None;
                }
                Some(Command::ChooserDone(self.purpose, self.selected.clone()))
            }
            Pick::AddFolder => Some(Command::ChooserDone(
                self.purpose,
                vec![listing.dir.clone()],
            )),
            Pick::SaveWorkspace | Pick::Export(_) => {
                let name = self.file_name.trim();
                if name.is_empty() {
                    self.message = Some("Type a file name.".into());
                    return None;
                }
                let mut path = if Path::new(name).is_absolute() {
                    PathBuf::from(name)
                } else {
                    listing.dir.join(name)
                };
                if path.extension().is_none() {
                    let (_, exts) = self.extensions();
                    if let Some(ext) = exts.first() {
                        path.set_extension(ext);
                    }
                }
                let existing = listing.entries.iter().find(|e| e.path == path);
                match existing {
                    Some(e) if e.is_dir => {
                        self.message = Some(format!("{} is a folder.", e.name));
                        None
                    }
                    Some(e) if self.confirm_replace.as_ref() != Some(&path) => {
                        self.message = Some(format!(
                            "{} already exists. Press {} again to replace it.",
                            e.name,
                            self.primary_label()
                        ));
                        self.confirm_replace = Some(path);
                        None
                    }
                    _ => Some(Command::ChooserDone(self.purpose, vec![path])),
                }
            }
        }
    }

    /// An entry was clicked: a folder opens; a file is selected (Ctrl/Shift+click adds to the
    /// selection of articles) or names the file to save; a double click also accepts.
    fn click(
        &mut self,
        ui: &egui::Ui,
        e: DirEntry,
        double: bool,
        cmds: &mut Vec<Command>,
        accept: &mut bool,
    ) {
        if e.is_dir {
            cmds.push(Command::ChooserBrowse(e.path));
            return;
        }
        if self.purpose == Pick::AddFolder {
            return;
        }
        let more = ui.input(|i| i.modifiers.command || i.modifiers.shift);
        if self.saving() {
            self.file_name = e.name;
            self.confirm_replace = None;
        } else if more && self.purpose == Pick::AddArticles {
            if self.selected.contains(&e.path) {
                self.selected.retain(|p| p != &e.path);
            } else {
                self.selected.push(e.path);
            }
        } else {
            self.selected = vec![e.path];
        }
        self.message = None;
        *accept |= double;
    }

    /// Draws the chooser as a modal window; what it asks for goes to `cmds`.
    pub fn ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let (escape, enter) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::Escape),
                i.key_pressed(Key::Enter),
            )
        });
        if escape {
            cmds.push(Command::ChooserCancel);
            return;
        }
        let first_cmd = cmds.len();
        let mut accept = false;
        let mut text_enter = false;
        let mut clicked: Option<(DirEntry, bool)> = None;
        egui::Modal::new(egui::Id::unique("framediff_file_chooser")).show(ctx, |ui| {
            ui.set_width(640.0);
            ui.heading(self.title());
            if let Some(n) = &self.notice {
                ui.label(RichText::new(n).small().weak());
            }
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let parent = self.dir().parent().map(Path::to_path_buf);
                if ui
                    .add_enabled(parent.is_some(), egui::Button::new("Up one level"))
                    .on_hover_text("The folder above")
                    .clicked()
                    && let Some(p) = parent
                {
                    cmds.push(Command::ChooserBrowse(p));
                }
                let label = ui.label("Folder:");
                let resp = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.path_text)
                            .desired_width(440.0)
                            .hint_text("a folder path"),
                    )
                    .labelled_by(label.id);
                let go = ui.button("Go").on_hover_text("Show this folder (Enter)");
                if go.clicked() || (resp.lost_focus() && enter) {
                    text_enter = enter;
                    cmds.push(Command::ChooserBrowse(PathBuf::from(self.path_text.trim())));
                }
            });
            ui.separator();
            // rows are laid out only where they are visible (a folder may list 5000 entries)
            let row_height = ui
                .spacing()
                .interact_size
                .y
                .max(ui.text_style_height(&egui::TextStyle::Body) + 2.0 * ui.spacing().button_padding.y);
            let scroll = egui::ScrollArea::vertical()
                .id_salt("chooser_list")
                .max_height(340.0)
                .min_scrolled_height(340.0)
                .auto_shrink([false, false]);
            match &self.list {
                ListState::Loading(_) => {
                    scroll.show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.add(egui::Spinner::new());
                            ui.label("Reading the folder…");
                        });
                    });
                }
                ListState::Failed(_, e) => {
                    scroll.show(ui, |ui| {
                        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
                    });
                }
                ListState::Ready(l) => {
                    let shown: Vec<&DirEntry> =
                        l.entries.iter().filter(|e| self.shows(e)).collect();
                    scroll.show_rows(ui, row_height, shown.len().max(1), |ui, rows| {
                        if shown.is_empty() {
                            ui.label(RichText::new("Nothing to show here.").weak());
                        }
                        for e in shown.get(rows).unwrap_or_default() {
                            ui.horizontal(|ui| {
                                ui.set_height(row_height);
                                let selected = self.selected.contains(&e.path);
                                let resp = if e.is_dir {
                                    ui.selectable_label(
                                        false,
                                        RichText::new(format!("{}/", e.name)).strong(),
                                    )
                                    .on_hover_text("Open this folder")
                                } else {
                                    ui.selectable_label(selected, &e.name)
                                };
                                if resp.clicked() || resp.double_clicked() {
                                    clicked = Some(((*e).clone(), resp.double_clicked()));
                                }
                            });
                        }
                    });
                    if l.truncated {
                        ui.label(
                            RichText::new(format!(
                                "This folder holds more than {MAX_ENTRIES} entries; only the first {MAX_ENTRIES} are listed. Type a path to reach the others."
                            ))
                            .small()
                            .weak(),
                        );
                    }
                }
            }
            if let Some((e, double)) = clicked.take() {
                self.click(ui, e, double, cmds, &mut accept);
            }
            ui.separator();
            ui.horizontal(|ui| {
                let (what, exts) = self.extensions();
                ui.checkbox(&mut self.all_files, "All files")
                    .on_hover_text("Show every file, hidden ones included");
                let kinds = if exts.is_empty() {
                    what.to_string()
                } else {
                    format!("{what}: {}", exts.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(" "))
                };
                ui.label(RichText::new(kinds).small().weak());
            });
            if self.saving() {
                ui.horizontal(|ui| {
                    let label = ui.label("File name:");
                    let resp = ui
                        .add(egui::TextEdit::singleline(&mut self.file_name).desired_width(440.0))
                        .labelled_by(label.id);
                    if resp.changed() {
                        self.confirm_replace = None;
                    }
                    if resp.lost_focus() && enter {
                        accept = true;
                        text_enter = true;
                    }
                });
            } else if self.purpose == Pick::AddArticles {
                ui.label(
                    RichText::new(format!(
                        "{} file(s) selected; Ctrl+click selects more",
                        self.selected.len()
                    ))
                    .small(),
                );
            }
            if let Some(m) = &self.message {
                ui.label(RichText::new(m).color(ui.visuals().warn_fg_color));
            }
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                if ui.button(self.primary_label()).clicked() {
                    accept = true;
                }
                if ui.button("Cancel").on_hover_text("Close (Esc)").clicked() {
                    cmds.push(Command::ChooserCancel);
                }
            });
        });
        // Enter accepts unless it went to a text field, or (on a focused folder, Up, Go or
        // Cancel) it already moved or closed the chooser
        let moved = cmds[first_cmd..]
            .iter()
            .any(|c| matches!(c, Command::ChooserBrowse(_) | Command::ChooserCancel));
        if enter && !text_enter && !moved && !ctx.text_edit_focused() {
            accept = true;
        }
        if accept && let Some(cmd) = self.accept() {
            cmds.push(cmd);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_reads_the_override() {
        assert_eq!(DialogPolicy::parse(Some("0")), DialogPolicy::InWindow);
        assert_eq!(DialogPolicy::parse(Some(" OFF ")), DialogPolicy::InWindow);
        assert_eq!(DialogPolicy::parse(Some("1")), DialogPolicy::Native);
        assert_eq!(DialogPolicy::parse(Some("maybe")), DialogPolicy::Auto);
        assert_eq!(DialogPolicy::parse(None), DialogPolicy::Auto);
        assert_eq!(DialogPolicy::InWindow.native_now(), Some(false));
        assert_eq!(DialogPolicy::Native.native_now(), Some(true));
    }

    #[test]
    fn listing_puts_folders_first_and_caps_entries() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "A.md", "c.pdf"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("zeta")).unwrap();
        let l = list_dir(dir.path(), MAX_ENTRIES).unwrap();
        let names: Vec<&str> = l.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["zeta", "A.md", "b.txt", "c.pdf"]);
        assert!(l.entries[0].is_dir && !l.truncated);
        let capped = list_dir(dir.path(), 2).unwrap();
        assert_eq!(capped.entries.len(), 2);
        assert!(capped.truncated);
        let missing = list_dir(&dir.path().join("nope"), MAX_ENTRIES).unwrap_err();
        assert!(missing.contains("Cannot read"), "{missing}");
    }

    #[test]
    fn filter_follows_the_purpose() {
        let mut c = Chooser::new(Pick::OpenWorkspace, None);
        let file = |name: &str| DirEntry {
            name: name.into(),
            path: PathBuf::from(name),
            is_dir: false,
        };
        assert!(c.shows(&file("w.framediff")));
        assert!(c.shows(&file("W.JSON")));
        assert!(!c.shows(&file("a.txt")));
        assert!(!c.shows(&file(".hidden.framediff")));
        c.all_files = true;
        assert!(c.shows(&file("a.txt")));
        let c = Chooser::new(Pick::Export(ReportFormat::Markdown), None);
        assert_eq!(c.file_name, "comparison.md");
    }

    #[test]
    fn saving_over_a_file_asks_first() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("comparison.framediff"), "{}").unwrap();
        let mut c = Chooser::new(Pick::SaveWorkspace, None);
        let g = c.browse(dir.path().to_path_buf());
        c.listed(
            g,
            dir.path().to_path_buf(),
            list_dir(dir.path(), MAX_ENTRIES),
        );
        assert_eq!(c.accept(), None);
        assert!(c.message.as_deref().unwrap().contains("already exists"));
        let Some(Command::ChooserDone(Pick::SaveWorkspace, paths)) = c.accept() else {
            panic!("the second Save confirms");
        };
        assert_eq!(paths[0].file_name().unwrap(), "comparison.framediff");
        // a name without an extension gets the workspace one
        c.file_name = "mine".into();
        let Some(Command::ChooserDone(_, paths)) = c.accept() else {
            panic!("a new name saves at once");
        };
        assert_eq!(paths[0].file_name().unwrap(), "mine.framediff");
    }
}
