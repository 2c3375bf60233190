//! The application: persisted [`State`], transient [`View`], the [`Command`]s drawing code
//! returns, and `run_cmd`, the one place where they change state.

use super::chooser::{self, Chooser, DialogPolicy};
use super::history::{Edit, History, Label};
use super::index::{Index, SentenceRef};
use super::worker::{Message, Pick, Worker};
use super::{card, columns, evidence, library, menu, overview, topics};
use crate::analysis::Analysis;
use crate::config::Config;
use crate::model::ArticleId;
use crate::report::ReportFormat;
use crate::workspace::{Entry, NoteTarget, PanelMode, Theme, Workspace};
use egui::{Align2, Color32, Id, LayerId, Order, TextStyle};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

/// What the right-hand panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RightTab {
    #[default]
    Card,
    Overview,
}

/// The state that is persisted between sessions: the workspace in the session file (see
/// [`super::session`]), the rest in eframe's storage. The workspace is still read from an older
/// eframe value (used once when there is no session file) but never written there.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    #[serde(skip_serializing)]
    pub workspace: Workspace,
    /// Where the workspace was last saved or opened.
    pub workspace_path: Option<PathBuf>,
    /// Folder of the last file dialog.
    pub last_dir: Option<PathBuf>,
    pub right_tab: RightTab,
    /// The workspace has edits that were not saved (set by edits, cleared by save and open).
    pub dirty: bool,
}

/// A question the window asks before it goes on (a modal with two buttons).
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    /// Unsaved work would be replaced by this command (*New comparison*, *Load the samples*).
    Discard(Box<Command>),
    /// Saving would replace a file that is not a workspace; `reason` says what it is.
    Replace { path: PathBuf, reason: String },
}

/// Transient view state: selection, hover, dialogs, messages, analysis results.
#[derive(Default)]
pub struct View {
    /// Whether the articles panel is shown this frame (see `Settings::articles_panel`).
    pub articles_panel_shown: bool,
    pub analysis: Option<Arc<Analysis>>,
    pub index: Arc<Index>,
    /// Workspace entry of each analysed article (analysis ids are positions in this list).
    pub visible: Vec<usize>,
    /// Stable key (see `workspace::Entry::key`) of each analysed article, from which its
    /// letter and colour are drawn; set with the analysis it belongs to.
    pub keys: Vec<usize>,
    /// The keys of the analysis running now.
    pending_keys: Vec<usize>,
    /// The question being asked, if any.
    pub confirm: Option<Confirm>,
    /// Articles given on the command line beside a workspace: added once it is open.
    after_open: Vec<PathBuf>,
    /// Edits made so far, and how many there were when the running save was started (a save
    /// clears the unsaved mark only if nothing changed meanwhile).
    edits: u64,
    saving_at: u64,
    /// The workspace changed since the analysis was started.
    pub stale: bool,
    pub selected_topic: Option<usize>,
    /// Scroll every column to this topic on the next frame.
    pub scroll_to_topic: Option<usize>,
    /// Scroll this sentence into view on the next frame.
    pub scroll_to_sentence: Option<SentenceRef>,
    /// The sentence under the pointer (last frame).
    pub hovered: Option<SentenceRef>,
    pub selected_sentence: Option<SentenceRef>,
    pub diff_pair: Option<(SentenceRef, SentenceRef)>,
    pub find_open: bool,
    pub find_focus: bool,
    pub find_query: String,
    pub find_matches: Vec<SentenceRef>,
    pub find_cursor: usize,
    pub paste_open: bool,
    pub paste_text: String,
    /// The "Add by path" box (for systems without a file dialog).
    pub path_open: bool,
    pub path_text: String,
    /// The "Open address" box (an article from a URL).
    pub url_open: bool,
    pub url_text: String,
    pub note_edit: Option<(NoteTarget, String)>,
    /// Teaching mode: names shown until toggled off again.
    pub revealed: bool,
    /// Files that failed to load, with the reason.
    pub problems: Vec<String>,
    pub status: Option<String>,
    pub last_analysis_ms: Option<u128>,
    pub show_shortcuts: bool,
    pub show_removed: Option<usize>,
    pub first_frame_done: bool,
    /// The zoom factor last applied to the context.
    pub applied_zoom: Option<f32>,
    /// Layout of the columns, kept between frames (scroll sync, ribbons, virtualisation).
    pub layout: columns::Layout,
    /// framediff's own file chooser, when open (no system dialog, or asked for).
    pub chooser: Option<Chooser>,
    /// "No system file dialog" has been said.
    pub chooser_noticed: bool,
    /// The difference selected on the card (index into `analysis.differences`).
    pub selected_difference: Option<usize>,
    /// Whether the card lists every difference, not only the most telling of each story
    /// (see `card::SHOWN_DIFFERENCES`).
    pub all_differences: bool,
    /// Sentences highlighted as evidence (flashed, then steady) in the columns.
    pub evidence: Vec<SentenceRef>,
    /// Scroll each column to its first sentence in this list on the next frame (the columns
    /// consume it and start the flash).
    pub scroll_to_evidence: Option<Vec<SentenceRef>>,
    /// When (egui time) the evidence flash started.
    pub flash_since: Option<f64>,
    /// Scroll each column to its sentence in this list on the next frame, without a flash (a
    /// place clicked on the change map; the first is the place itself).
    pub scroll_to_place: Option<Vec<SentenceRef>>,
    /// The reading guide (Help) is open.
    pub show_guide: bool,
    /// The analysis as the worker made it, before the user's edits (`analysis` is edited).
    pub raw_analysis: Option<Arc<Analysis>>,
    pub raw_index: Arc<Index>,
    /// What became of each of the workspace's edits (same order), and their marks.
    pub edit_outcomes: Vec<crate::edits::EditOutcome>,
    pub edit_marks: crate::edits::Marks,
    /// Editing state of the GUI's edit controls (see `gui::edits`).
    pub editing: super::edits::Editing,
}

/// Below this window width the articles panel, when automatic, is hidden: with it and the
/// framing card, fewer than two columns of readable width would fit.
pub const COMPACT_WIDTH: f32 = 1150.0;

/// Everything drawing code can ask for. Applied after the frame by [`FramediffApp::run_cmd`].
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    AddArticlesDialog,
    AddFolderDialog,
    AddPaths(Vec<PathBuf>),
    /// Reads an article from a web address (in the background).
    FetchUrl(String),
    OpenUrlBox,
    AddPasted(String),
    AddBytes(String, Vec<u8>),
    LoadSamples,
    Remove(usize),
    ToggleHidden(usize),
    Move {
        from: usize,
        to: usize,
    },
    SelectTopic(Option<usize>),
    StepTopic(i32),
    SelectSentence(Option<SentenceRef>),
    ShowDiff(SentenceRef, SentenceRef),
    ClearSelection,
    OpenWorkspaceDialog,
    OpenWorkspace(PathBuf),
    SaveWorkspace,
    SaveWorkspaceAs,
    SaveWorkspaceTo(PathBuf),
    ExportDialog(ReportFormat),
    ExportTo(ReportFormat, PathBuf),
    /// The in-window chooser shows this folder (read in the background).
    ChooserBrowse(PathBuf),
    /// The in-window chooser ended with these paths, like a system dialog would.
    ChooserDone(Pick, Vec<PathBuf>),
    ChooserCancel,
    EditNote(NoteTarget),
    SetNote(NoteTarget, String),
    SetTeaching(bool),
    Reveal(bool),
    SetSyncScroll(bool),
    SetFrameCues(bool),
    /// Lists every difference on the card (true) or only the most telling of each story.
    ShowAllDifferences(bool),
    /// When the articles panel is shown.
    SetArticlesPanel(PanelMode),
    /// Shows the articles panel if it is hidden now (the argument), else hides it.
    ToggleArticlesPanel(bool),
    SetTheme(Theme),
    SetZoom(f32),
    SetRightTab(RightTab),
    OpenFind,
    SetFind(String),
    FindNext(i32),
    OpenPaste(String),
    OpenPathBox,
    DismissProblems,
    ShowRemoved(Option<usize>),
    ToggleShortcuts,
    /// Selects a difference on the card and scrolls the columns to its evidence.
    SelectDifference(Option<usize>),
    /// Next (+1) or previous (-1) difference of the selected topic, then of the story.
    StepDifference(i32),
    /// Scrolls to a sentence (such as an omission's closest passage) and flashes it.
    ShowPassage(SentenceRef),
    /// Starts an empty comparison (asks first when there is unsaved work).
    NewComparison,
    /// Scrolls the columns to a place clicked on the change map (see `gui::changemap`).
    ShowPlace(SentenceRef),
    /// Shows the next (+1) or previous (-1) page of columns when not all fit.
    PageColumns(i32),
    /// Shows these articles (analysed indices) as the columns.
    ShowColumns(Vec<usize>),
    /// Closes the word diff beside the sentence.
    CloseDiff,
    /// Opens or closes the reading guide (legend, tone, coverage, change map).
    ToggleGuide,
    Undo,
    Redo,
    /// The answer to [`View::confirm`]: go on (true) or cancel.
    Answer(bool),
    /// A workspace file was read and checked: it replaces the current one (asks first when
    /// there is unsaved work).
    UseWorkspace {
        path: PathBuf,
        workspace: Box<Workspace>,
        repairs: Vec<String>,
    },
    /// An editorial edit (see `gui::edits`).
    Edit(super::edits::EditCmd),
}

/// The framediff window.
pub struct FramediffApp {
    pub state: State,
    pub view: View,
    pub worker: Worker,
    /// The analysis configuration (lexicons, paraphrases, thresholds), built once by the caller.
    pub config: Arc<Config>,
    /// Undo and redo of the user's edits.
    pub history: History,
    pasted_count: usize,
    /// The user agreed to discard unsaved work for the command being run.
    discard_ok: bool,
    /// Where the workspace is kept between runs (None: not kept, as in most tests).
    pub session: Option<super::session::Session>,
}

impl FramediffApp {
    /// Creates the app inside eframe: restores the last session unless paths are given.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        paths: Vec<PathBuf>,
        config: Arc<Config>,
        problems: Vec<String>,
    ) -> Self {
        let mut app = Self::restore(cc.storage, super::session::default_dir(), config);
        app.view.problems.extend(problems);
        app.worker.set_context(&cc.egui_ctx);
        app.worker.probe_dialogs();
        app.start(paths);
        app
    }

    /// Creates the app from what the last run kept: the small state in eframe's `storage` and
    /// the workspace in the session file in `session_dir` (an older eframe value that still
    /// holds the workspace is used when there is no session file). A session file that cannot
    /// be read is copied aside and said so; the samples are loaded instead (by [`Self::start`]).
    pub fn restore(
        storage: Option<&dyn eframe::Storage>,
        session_dir: Option<PathBuf>,
        config: Arc<Config>,
    ) -> Self {
        use super::session::{Loaded, Session};
        let mut state: State = storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let mut session = session_dir.map(Session::new);
        let mut notes = Vec::new();
        match session.as_mut().map(Session::load) {
            Some(Loaded::Read(ws, repairs)) => {
                state.workspace = *ws;
                notes.extend(
                    repairs
                        .into_iter()
                        .map(|r| format!("The last session was repaired: {r}")),
                );
            }
            Some(Loaded::Broken(message)) => {
                state.workspace = Workspace::default();
                state.dirty = false;
                notes.push(message);
            }
            Some(Loaded::Missing) | None => {}
        }
        let mut app = Self::with_config(state, config);
        app.view.problems.extend(notes);
        app.session = session;
        app
    }

    /// Creates the app without a window (tests, benchmarks), with the built-in configuration.
    pub fn with_state(state: State) -> Self {
        Self::with_config(state, Arc::new(Config::builtin()))
    }

    /// Creates the app without a window with a given configuration. The state (a restored
    /// session) is checked like any workspace: a bad zoom or stale indices in it must not crash
    /// the window on every start; what was repaired is shown.
    pub fn with_config(mut state: State, config: Arc<Config>) -> Self {
        let repairs = state.workspace.repair();
        let mut view = View::default();
        view.problems.extend(
            repairs
                .into_iter()
                .map(|r| format!("The last session was repaired: {r}")),
        );
        let mut worker = Worker::default();
        worker.dialogs = DialogPolicy::from_env();
        FramediffApp {
            state,
            view,
            worker,
            config,
            history: History::default(),
            pasted_count: 0,
            discard_ok: false,
            session: None,
        }
    }

    /// Loads the given paths, or the restored workspace, or the samples. A workspace among the
    /// paths (see [`crate::files::is_workspace_file`]) is opened, and the other paths are added
    /// to it.
    pub fn start(&mut self, mut paths: Vec<PathBuf>) {
        let workspace = paths
            .iter()
            .position(|p| crate::files::is_workspace_file(p))
            .map(|i| paths.remove(i));
        if let Some(ws) = workspace {
            // the restored session stays until the file is read and checked (a refused file
            // leaves it; unsaved work in it is asked about)
            if !self.state.workspace.entries.is_empty() {
                self.reanalyse();
            }
            self.view.after_open = paths;
            self.run_cmd(Command::OpenWorkspace(ws));
        } else if !paths.is_empty() {
            self.state.workspace.entries.clear();
            self.state.workspace_path = None;
            self.state.dirty = false;
            self.worker.load(paths);
        } else if self.state.workspace.entries.is_empty() {
            self.state.dirty = false;
            self.run_cmd(Command::LoadSamples);
        } else {
            self.reanalyse();
        }
    }

    /// Writes the workspace to the session file if it changed since the last write (eframe
    /// asks for this now and then and on quit). A failure is shown once, not on every try.
    pub fn save_session(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if let Err(e) = session.save(&self.state.workspace) {
            let message = format!("The session could not be kept for the next start: {e}");
            if !self.view.problems.contains(&message) {
                self.view.problems.push(message);
            }
        }
    }

    /// Whether files are being read or analysed.
    pub fn is_busy(&self) -> bool {
        self.worker.is_busy()
    }

    /// Waits (up to `timeout`) for background work to finish, applying its results. For tests
    /// and benchmarks; the window polls instead.
    pub fn wait_idle(&mut self, timeout: std::time::Duration) -> bool {
        let start = std::time::Instant::now();
        while self.is_busy() {
            self.poll_worker();
            if start.elapsed() > timeout {
                return false;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        self.poll_worker();
        true
    }

    fn reanalyse(&mut self) {
        let ws = &self.state.workspace;
        self.view.visible = ws.visible().map(|(i, _)| i).collect();
        self.view.pending_keys = self
            .view
            .visible
            .iter()
            .map(|&i| ws.entries[i].key_or(i))
            .collect();
        let articles = ws.visible().map(|(_, a)| a.clone()).collect();
        self.view.stale = true;
        self.worker.analyse(articles, self.config.clone());
    }

    /// Applies results that arrived from the worker.
    pub fn poll_worker(&mut self) {
        for msg in self.worker.poll() {
            match msg {
                Message::Fetched { url, result } => match result {
                    Ok(article) => {
                        self.state.workspace.add(Entry::new(*article));
                        self.state.dirty = true;
                        self.view.edits += 1;
                        // an address names the site: not in teaching mode
                        let teaching =
                            self.state.workspace.settings.teaching_mode && !self.view.revealed;
                        self.view.status = Some(if teaching {
                            "Added the article from its address.".into()
                        } else {
                            format!("Added the article from {url}.")
                        });
                        self.reanalyse();
                    }
                    Err(e) => self.view.problems.push(e),
                },
                Message::Loaded { articles, failed } => {
                    let failures = failed.len();
                    for e in failed {
                        self.view.problems.push(e.to_string());
                    }
                    let added = articles.len();
                    if added == 0 {
                        self.view.status = Some(if failures == 0 {
                            "No article was found in what was chosen.".into()
                        } else {
                            format!("No article was added: {failures} file(s) could not be read.")
                        });
                    }
                    let teaching =
                        self.state.workspace.settings.teaching_mode && !self.view.revealed;
                    for a in articles {
                        for notice in &a.notices {
                            // a file name can name the outlet: not in teaching mode
                            self.view.problems.push(if teaching {
                                notice.clone()
                            } else {
                                format!("{}: {notice}", a.path)
                            });
                        }
                        self.state.workspace.add(Entry::new(a));
                        self.state.dirty = true;
                        self.view.edits += 1;
                    }
                    if added > 0 {
                        self.view.status = Some(format!("Added {added} article(s)."));
                        self.reanalyse();
                    }
                }
                Message::Analysed {
                    analysis,
                    index,
                    millis,
                    ..
                } => {
                    self.view.keys = self.view.pending_keys.clone();
                    // the user's edits are applied at once: everything drawn and exported
                    // shows them
                    self.view.raw_analysis = Some(analysis);
                    self.view.raw_index = index;
                    self.apply_edits();
                    self.view.stale = false;
                    self.view.last_analysis_ms = Some(millis);
                    self.view.diff_pair = None;
                    self.view.layout = Default::default();
                    evidence::select(&mut self.view, None);
                    self.recompute_find();
                }
                Message::Picked { purpose, paths } => self.picked(purpose, paths),
                Message::NoNativeDialog { purpose, start_dir } => {
                    self.open_chooser(purpose, start_dir)
                }
                Message::Listed {
                    generation,
                    dir,
                    result,
                } => {
                    if let Some(c) = &mut self.view.chooser {
                        c.listed(generation, dir, result);
                    }
                }
                Message::WorkspaceRead { path, result } => {
                    match result {
                        // a sound workspace replaces this one (after asking, over unsaved work)
                        Ok((ws, repairs)) => self.run_cmd(Command::UseWorkspace {
                            path,
                            workspace: Box::new(ws),
                            repairs,
                        }),
                        Err(e) => {
                            // the workspace stays as it was; the reason is said where it is seen
                            self.view.status = Some(format!("Not opened: {e}."));
                            self.view.problems.push(e);
                            let more = std::mem::take(&mut self.view.after_open);
                            if !more.is_empty() {
                                self.worker.load(more);
                            }
                        }
                    }
                }
                Message::Saved { path, result } => match result {
                    Ok(()) => {
                        self.view.status = Some(format!("Saved {}.", path.display()));
                        self.state.workspace_path = Some(path);
                        if self.view.edits == self.view.saving_at {
                            self.state.dirty = false;
                        }
                    }
                    Err(e) => {
                        self.view.status = Some("The workspace was not saved.".into());
                        self.view.problems.push(e);
                    }
                },
                Message::SaveRefused { path, reason } => {
                    self.view.status = Some("Not saved yet: replace the file?".into());
                    self.view.confirm = Some(Confirm::Replace { path, reason });
                }
                Message::Exported {
                    path,
                    key,
                    blind,
                    result,
                } => match result {
                    Ok(()) => {
                        let hidden = if blind {
                            " (teaching mode: no outlet, author or title in it)"
                        } else {
                            ""
                        };
                        self.view.status = Some(match key {
                            Some(key) => format!(
                                "Wrote the blind handout {} and its answer key {}.",
                                path.display(),
                                key.display()
                            ),
                            None => format!("Exported {}{hidden}.", path.display()),
                        })
                    }
                    Err(e) => {
                        self.view.status = Some("The export was not written.".into());
                        self.view.problems.push(e);
                    }
                },
                Message::Progress { .. } | Message::Superseded { .. } => {}
            }
        }
    }

    /// The whole window's UI. Used by [`eframe::App::ui`] and by the tests.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        self.view.articles_panel_shown = match self.state.workspace.settings.articles_panel {
            PanelMode::Shown => true,
            PanelMode::Hidden => false,
            PanelMode::Auto => ui.available_width() >= COMPACT_WIDTH,
        };
        if !self.view.first_frame_done {
            self.view.first_frame_done = true;
            if std::env::var_os("FRAMEDIFF_TIMING").is_some()
                && let Some(start) = super::STARTED.get()
            {
                eprintln!(
                    "framediff: first frame {} ms after start",
                    start.elapsed().as_millis()
                );
            }
        }
        self.poll_worker();
        let ctx = ui.ctx().clone();
        // while the chooser is open, keys (Enter, Escape, arrows) are its own
        // (and while a question is asked, only its buttons answer)
        let mut cmds: Vec<Command> = if self.view.chooser.is_some() || self.view.confirm.is_some() {
            Vec::new()
        } else {
            menu::shortcuts(&ctx, &self.view)
        };
        menu::top_bar(
            ui,
            &self.state,
            &self.view,
            &self.worker,
            &self.history,
            &mut cmds,
        );
        menu::status_bar(ui, &self.state, &self.view, &mut cmds);
        let mut articles_panel = self.view.articles_panel_shown;
        let panel_was = articles_panel;
        egui::Panel::left("library")
            .resizable(true)
            .default_size(240.0)
            .size_range(200.0..=520.0)
            .show_collapsible(ui, &mut articles_panel, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("left_scroll")
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        library::ui(ui, &self.state, &self.view, &mut cmds);
                        ui.separator();
                        topics::ui(ui, &self.state, &self.view, &mut cmds);
                    });
            });
        egui::Panel::right("card")
            .resizable(true)
            .default_size(300.0)
            .size_range(240.0..=640.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let tab = self.state.right_tab;
                    if ui
                        .selectable_label(tab == RightTab::Card, "Framing card")
                        .clicked()
                    {
                        cmds.push(Command::SetRightTab(RightTab::Card));
                    }
                    if ui
                        .selectable_label(tab == RightTab::Overview, "Overview")
                        .clicked()
                    {
                        cmds.push(Command::SetRightTab(RightTab::Overview));
                    }
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("right_scroll")
                    .auto_shrink(false)
                    .show(ui, |ui| match self.state.right_tab {
                        RightTab::Card => card::ui(ui, &self.state, &self.view, &mut cmds),
                        RightTab::Overview => overview::ui(ui, &self.state, &self.view),
                    });
            });
        if panel_was && !articles_panel {
            // dragged closed
            cmds.push(Command::SetArticlesPanel(PanelMode::Hidden));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if !articles_panel
                && ui
                    .small_button("Show articles and topics")
                    .on_hover_text(format!(
                        "The articles panel is hidden{} (View menu, or {})",
                        if self.state.workspace.settings.articles_panel == PanelMode::Auto {
                            " while the window is narrow"
                        } else {
                            ""
                        },
                        ui.ctx().format_shortcut(&menu::ARTICLES_PANEL)
                    ))
                    .clicked()
            {
                cmds.push(Command::SetArticlesPanel(PanelMode::Shown));
            }
            columns::ui(ui, &self.state, &mut self.view, &mut cmds);
        });
        menu::dialogs(&ctx, &mut self.state, &mut self.view, &mut cmds);
        super::guide::window(&ctx, &mut self.view);
        super::edits::windows(&ctx, &self.state, &self.view, &mut cmds);
        if let Some(c) = &mut self.view.chooser {
            c.ui(&ctx, &mut cmds);
        }
        drag_and_drop(&ctx, &mut cmds);
        for cmd in cmds {
            self.run_cmd(cmd);
        }
        if self.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Applies one command.
    pub fn run_cmd(&mut self, cmd: Command) {
        let view = &mut self.view;
        match cmd {
            Command::AddArticlesDialog => self.open_dialog(Pick::AddArticles),
            Command::AddFolderDialog => self.open_dialog(Pick::AddFolder),
            Command::AddPaths(paths) => {
                view.path_open = false;
                view.path_text.clear();
                self.add_paths(paths);
            }
            Command::AddPasted(text) => {
                self.pasted_count += 1;
                let label = format!("pasted:{}", self.pasted_count);
                match crate::ingest::ingest_pasted(&label, &text) {
                    Ok(a) => {
                        self.state.workspace.add(Entry::new(a));
                        self.state.dirty = true;
                        view.edits += 1;
                        view.paste_open = false;
                        view.paste_text.clear();
                        view.status = Some("Added the pasted article.".into());
                        self.reanalyse();
                    }
                    Err(e) => view.problems.push(e.to_string()),
                }
            }
            Command::AddBytes(name, bytes) => match crate::ingest::ingest(&name, &bytes) {
                Ok(a) => {
                    self.state.workspace.add(Entry::new(a));
                    self.state.dirty = true;
                    view.edits += 1;
                    self.reanalyse();
                }
                Err(e) => view.problems.push(e.to_string()),
            },
            Command::LoadSamples if self.state.dirty && !self.discard_ok => {
                view.confirm = Some(Confirm::Discard(Box::new(Command::LoadSamples)));
            }
            Command::LoadSamples => match crate::samples::load() {
                Ok(articles) => {
                    let mut ws = Workspace::default();
                    for a in articles {
                        ws.add(Entry::new(a));
                    }
                    self.replace_all(ws.entries, Vec::new(), "load the sample articles");
                    self.view.status = Some("Loaded the sample articles.".into());
                }
                Err(e) => view.problems.push(e.to_string()),
            },
            Command::UseWorkspace { .. } if self.state.dirty && !self.discard_ok => {
                view.status = Some("Not opened yet: replace the unsaved changes?".into());
                view.confirm = Some(Confirm::Discard(Box::new(cmd)));
            }
            Command::UseWorkspace {
                path,
                workspace,
                repairs,
            } => {
                let shown = path.display().to_string();
                // another document: its undo history starts here
                self.history.clear();
                self.state.workspace = *workspace;
                self.state.workspace_path = Some(path);
                self.state.dirty = false;
                view.selected_topic = None;
                view.diff_pair = None;
                view.status = Some(if repairs.is_empty() {
                    format!("Opened {shown}.")
                } else {
                    format!("Opened {shown}, with {} repair(s).", repairs.len())
                });
                view.problems
                    .extend(repairs.into_iter().map(|r| format!("{shown}: {r}")));
                let more = std::mem::take(&mut view.after_open);
                if !more.is_empty() {
                    self.worker.load(more);
                }
                self.reanalyse();
            }
            Command::NewComparison if self.state.dirty && !self.discard_ok => {
                view.confirm = Some(Confirm::Discard(Box::new(Command::NewComparison)));
            }
            Command::NewComparison => {
                self.replace_all(Vec::new(), Vec::new(), "new comparison");
                self.view.status = Some(
                    "New comparison: add articles to compare (Ctrl+Z brings the last one back)."
                        .into(),
                );
            }
            Command::Remove(i) => {
                if let Some(entry) = self.state.workspace.entries.get(i) {
                    let label = self.entry_label("remove", entry);
                    let edit = Edit::Remove {
                        index: i,
                        entry: Box::new(entry.clone()),
                    };
                    let name = self.say(&label).trim_start_matches("remove ").to_string();
                    self.edit(edit, label);
                    self.view.status = Some(format!("Removed {name} (Ctrl+Z to undo)."));
                }
            }
            Command::ToggleHidden(i) => {
                if let Some(e) = self.state.workspace.entries.get(i) {
                    let verb = if e.hidden { "show" } else { "hide" };
                    let label = self.entry_label(verb, e);
                    self.edit(Edit::ToggleHidden { index: i }, label);
                }
            }
            Command::Move { from, to } => {
                let n = self.state.workspace.entries.len();
                if from < n && to < n && from != to {
                    let way = if to < from { "move up" } else { "move down" };
                    let label = self.entry_label(way, &self.state.workspace.entries[from]);
                    self.edit(Edit::Move { from, to }, label);
                }
            }
            Command::Undo => match self.history.undo(&mut self.state.workspace) {
                Some(label) => {
                    self.after_history_step();
                    self.view.status = Some(format!("Undid: {}.", self.say(&label)));
                }
                None => view.status = Some("Nothing to undo.".into()),
            },
            Command::Redo => match self.history.redo(&mut self.state.workspace) {
                Some(label) => {
                    self.after_history_step();
                    self.view.status = Some(format!("Redid: {}.", self.say(&label)));
                }
                None => view.status = Some("Nothing to redo.".into()),
            },
            Command::Answer(yes) => match view.confirm.take() {
                Some(Confirm::Discard(cmd)) if yes => {
                    self.discard_ok = true;
                    self.run_cmd(*cmd);
                    self.discard_ok = false;
                }
                Some(Confirm::Replace { path, .. }) if yes => {
                    view.status = Some("Saving…".into());
                    view.saving_at = view.edits;
                    self.worker
                        .save_workspace(self.state.workspace.clone(), path, true);
                }
                Some(_) => view.status = Some("Cancelled: nothing was changed.".into()),
                None => {}
            },
            Command::SelectTopic(t) => {
                if t != view.selected_topic {
                    evidence::select(view, None);
                }
                view.selected_topic = t;
                view.scroll_to_topic = t;
            }
            Command::StepTopic(delta) => {
                evidence::select(view, None);
                let n = view.analysis.as_ref().map_or(0, |a| a.topics.len());
                if n > 0 {
                    let next = match view.selected_topic {
                        None if delta >= 0 => 0,
                        None => n - 1,
                        Some(t) => (t as i64 + delta as i64).clamp(0, n as i64 - 1) as usize,
                    };
                    view.selected_topic = Some(next);
                    view.scroll_to_topic = Some(next);
                }
            }
            Command::SelectSentence(s) if view.editing.link_from.is_some() => {
                super::edits::finish_link(self, s)
            }
            Command::SelectSentence(s) => {
                view.selected_sentence = s;
                if let Some(t) = s.and_then(|s| view.index.topic(s)) {
                    view.selected_topic = Some(t);
                }
                // the word diff opens beside the clicked sentence, or closes when it has no
                // aligned partner
                view.diff_pair = s.and_then(|s| {
                    let best = view.index.partners.get(&s).and_then(|p| p.first())?;
                    Some((s, best.0))
                });
            }
            Command::CloseDiff => view.diff_pair = None,
            Command::ShowPlace(r) => {
                if let Some(a) = &view.analysis {
                    view.scroll_to_place = Some(super::changemap::place_targets(a, &view.index, r));
                }
            }
            Command::PageColumns(delta) => {
                let n = view.analysis.as_ref().map_or(0, |a| a.articles.len());
                view.layout.page(n, delta);
            }
            Command::ShowColumns(columns) => {
                let n = view.analysis.as_ref().map_or(0, |a| a.articles.len());
                view.layout.show(n, columns);
            }
            Command::ToggleGuide => view.show_guide = !view.show_guide,
            Command::ShowDiff(a, b) => view.diff_pair = Some((a, b)),
            // Escape ends an edit under way before it clears the selection
            Command::ClearSelection if view.editing.busy() => {
                super::edits::run(self, super::edits::EditCmd::Cancel)
            }
            Command::ClearSelection => {
                evidence::select(view, None);
                view.selected_topic = None;
                view.selected_sentence = None;
                view.diff_pair = None;
                view.find_open = false;
                view.note_edit = None;
                view.editing = Default::default();
            }
            Command::OpenWorkspaceDialog => self.open_dialog(Pick::OpenWorkspace),
            Command::OpenWorkspace(path) => {
                // read and checked on the worker: only a regular file of bounded size, a known
                // version, values in range; what had to be repaired is said, and the file is
                // left as it was (see Message::WorkspaceRead)
                view.status = Some(format!("Opening {}…", path.display()));
                self.worker.open_workspace(path);
            }
            Command::SaveWorkspace => match self.state.workspace_path.clone() {
                Some(p) => self.run_cmd(Command::SaveWorkspaceTo(p)),
                None => self.run_cmd(Command::SaveWorkspaceAs),
            },
            Command::SaveWorkspaceAs => self.open_dialog(Pick::SaveWorkspace),
            Command::SaveWorkspaceTo(path) => {
                // a snapshot, serialised and written atomically on the worker
                // a file that is not a workspace is never replaced without asking (the worker
                // checks it and asks back, see Message::SaveRefused)
                view.status = Some("Saving…".into());
                view.saving_at = view.edits;
                self.worker
                    .save_workspace(self.state.workspace.clone(), path, false);
            }
            Command::ExportDialog(f) => self.open_dialog(Pick::Export(f)),
            Command::ExportTo(format, path) => match view.analysis.clone() {
                Some(analysis) => {
                    view.status = Some("Exporting…".into());
                    // the user's edits travel as their notes
                    let mut notes = self.state.workspace.notes.clone();
                    notes.extend(crate::edits::as_notes_with(
                        &analysis,
                        &view.edit_outcomes,
                        &self.state.workspace.edits,
                        &view.keys,
                    ));
                    let export = self.export_of(analysis, notes, format);
                    self.worker.export(export, path);
                }
                None => {
                    view.status = Some("Nothing was exported.".into());
                    view.problems
                        .push("Nothing to export yet: the analysis has not finished.".into())
                }
            },
            Command::ChooserBrowse(dir) => {
                if let Some(c) = &mut view.chooser {
                    let generation = c.browse(dir.clone());
                    self.worker.list_dir(generation, dir);
                }
            }
            Command::ChooserDone(purpose, paths) => {
                view.chooser = None;
                self.picked(purpose, paths);
            }
            Command::ChooserCancel => {
                view.chooser = None;
                view.status = Some("Cancelled.".into());
            }
            Command::EditNote(target) => {
                let text = self
                    .state
                    .workspace
                    .note(&target)
                    .unwrap_or_default()
                    .to_string();
                view.note_edit = Some((target, text));
            }
            Command::SetNote(target, text) => {
                view.note_edit = None;
                let before = self.state.workspace.note(&target).map(str::to_string);
                let after = Some(text).filter(|t| !t.trim().is_empty());
                if before != after {
                    let label = if after.is_none() {
                        "delete a note"
                    } else if before.is_none() {
                        "add a note"
                    } else {
                        "edit a note"
                    };
                    let edit = Edit::Note {
                        target,
                        before,
                        after,
                    };
                    edit.apply(&mut self.state.workspace);
                    self.history.push(edit, label);
                    self.state.dirty = true;
                    self.view.edits += 1;
                }
            }
            Command::SetTeaching(on) => {
                self.state.workspace.settings.teaching_mode = on;
                view.revealed = false;
            }
            Command::Reveal(on) => view.revealed = on,
            Command::SetSyncScroll(on) => self.state.workspace.settings.sync_scroll = on,
            Command::SetFrameCues(on) => self.state.workspace.settings.show_frame_cues = on,
            Command::ShowAllDifferences(on) => self.view.all_differences = on,
            Command::SetArticlesPanel(mode) => {
                self.state.workspace.settings.articles_panel = mode;
            }
            Command::ToggleArticlesPanel(shown_now) => {
                self.state.workspace.settings.articles_panel = if shown_now {
                    PanelMode::Hidden
                } else {
                    PanelMode::Shown
                };
            }
            Command::SetTheme(t) => self.state.workspace.settings.theme = t,
            Command::SetZoom(z) if z.is_finite() => {
                self.state.workspace.settings.zoom = z.clamp(1.0, 2.0)
            }
            Command::SetZoom(_) => {}
            Command::SetRightTab(t) => self.state.right_tab = t,
            Command::OpenFind => {
                view.find_open = true;
                view.find_focus = true;
            }
            Command::SetFind(q) => {
                view.find_query = q;
                self.recompute_find();
            }
            Command::FindNext(step) => {
                let n = view.find_matches.len();
                if n > 0 {
                    view.find_cursor =
                        (view.find_cursor as i64 + step as i64).rem_euclid(n as i64) as usize;
                    view.scroll_to_sentence = Some(view.find_matches[view.find_cursor]);
                }
            }
            Command::OpenPaste(text) => {
                view.paste_open = true;
                if !text.is_empty() {
                    view.paste_text = text;
                }
            }
            Command::OpenPathBox => view.path_open = true,
            Command::OpenUrlBox => view.url_open = true,
            Command::FetchUrl(url) => {
                let url = url.trim().to_string();
                if crate::fetch::is_url(&url) {
                    view.url_open = false;
                    view.status = Some(format!("Fetching {url}…"));
                    self.worker.fetch(url);
                } else {
                    view.problems.push(format!(
                        "{url:?} is not a web address: it must start with http:// or https://"
                    ));
                }
            }
            Command::DismissProblems => view.problems.clear(),
            Command::ShowRemoved(i) => view.show_removed = i,
            Command::ToggleShortcuts => view.show_shortcuts = !view.show_shortcuts,
            Command::SelectDifference(k) => evidence::select(view, k),
            Command::StepDifference(delta) => {
                let next = view.analysis.as_ref().and_then(|a| {
                    evidence::step(a, view.selected_difference, view.selected_topic, delta)
                });
                match next {
                    Some(k) => evidence::select(view, Some(k)),
                    None => view.status = Some("No differences to step through.".into()),
                }
            }
            Command::ShowPassage(r) => evidence::show_passage(view, r),
            Command::Edit(e) => super::edits::run(self, e),
        }
    }

    /// Reads article files and folders in the background; a workspace file among them (dropped,
    /// typed or picked) is opened as a workspace instead of being read as an article.
    fn add_paths(&mut self, mut paths: Vec<PathBuf>) {
        if let Some(i) = paths
            .iter()
            .position(|p| crate::files::is_workspace_file(p))
        {
            let ws = paths.remove(i);
            self.view.after_open = paths;
            self.run_cmd(Command::OpenWorkspace(ws));
        } else {
            self.worker.load(paths);
        }
    }

    /// Makes an edit of the article list, records it for undo, and analyses again.
    fn edit(&mut self, edit: Edit, label: impl Into<Label>) {
        edit.apply(&mut self.state.workspace);
        self.history.push(edit, label);
        self.state.dirty = true;
        self.view.edits += 1;
        self.view.selected_topic = None;
        self.view.diff_pair = None;
        self.reanalyse();
    }

    /// Replaces the articles and notes (undoable); the result is not unsaved work.
    fn replace_all(
        &mut self,
        entries: Vec<Entry>,
        notes: Vec<crate::workspace::Note>,
        label: &str,
    ) {
        let ws = &self.state.workspace;
        let edit = Edit::Replace {
            before: Box::new((ws.entries.clone(), ws.notes.clone())),
            after: Box::new((entries, notes)),
        };
        self.edit(edit, label);
        // a new list: its letters start again from A
        self.state.workspace.next_key = 0;
        self.state.workspace.ensure_keys();
        self.state.workspace_path = None;
        self.state.dirty = false;
    }

    /// After an undo or redo: the workspace differs from what was saved; analyse again.
    fn after_history_step(&mut self) {
        // keys are not reused, so this changes nothing unless an edge case gave one twice
        self.state.workspace.ensure_keys();
        self.state.dirty = true;
        self.view.edits += 1;
        self.view.selected_topic = None;
        self.view.diff_pair = None;
        self.view.note_edit = None;
        self.reanalyse();
    }

    /// What an export of `analysis` writes: the window's letters, blind while titles are hidden,
    /// and for a blind handout the evidence of each difference as the card shows it.
    pub fn export_of(
        &self,
        analysis: Arc<Analysis>,
        notes: Vec<crate::model::Note>,
        format: ReportFormat,
    ) -> super::worker::Export {
        use crate::report::handout::Shown;
        let evidence = &self.view.index.evidence;
        let evidence =
            if format == ReportFormat::Handout && evidence.len() == analysis.differences.len() {
                evidence
                    .iter()
                    .map(|e| {
                        e.sentences
                            .iter()
                            .map(|&(article, sentence)| Shown {
                                article,
                                sentence,
                                closest: e
                                    .closest
                                    .iter()
                                    .any(|c| c.article == article && c.sentence == sentence),
                            })
                            .collect()
                    })
                    .collect()
            } else {
                Vec::new()
            };
        super::worker::Export {
            analysis,
            notes,
            format,
            opts: crate::report::ExportOptions::new()
                .with_keys(self.view.keys.clone())
                .with_blind(self.hides_titles()),
            evidence,
        }
    }

    /// Whether titles and outlets are hidden now (teaching mode, not revealed).
    pub fn hides_titles(&self) -> bool {
        self.state.workspace.settings.teaching_mode && !self.view.revealed
    }

    /// A step's name as it may be shown now.
    fn say<'a>(&self, label: &'a Label) -> &'a str {
        label.text(self.hides_titles())
    }

    /// How an edit of an entry is named: "remove “Title”", or without the title "remove
    /// article B" (by its stable letter) for teaching mode.
    fn entry_label(&self, verb: &str, entry: &Entry) -> Label {
        let key = entry.key.unwrap_or_default() as usize;
        Label {
            named: format!("{verb} \u{201c}{}\u{201d}", entry.article.title),
            blind: format!("{verb} article {}", ArticleId(key).letter()),
        }
    }

    /// Applies the workspace's edits to the analysis the worker made (see [`crate::edits`]);
    /// keeps the selection where it still exists.
    pub fn apply_edits(&mut self) {
        let view = &mut self.view;
        if view.raw_analysis.is_none() {
            // an analysis set from outside (tests, benchmarks) is the unedited one
            view.raw_analysis = view.analysis.clone();
            view.raw_index = view.index.clone();
        }
        let Some(raw) = view.raw_analysis.clone() else {
            return;
        };
        let edits = &self.state.workspace.edits;
        if edits.is_empty() {
            view.analysis = Some(raw);
            view.index = view.raw_index.clone();
            view.edit_outcomes.clear();
        } else {
            let mut a = (*raw).clone();
            view.edit_outcomes = crate::edits::apply(&mut a, edits);
            view.index = Arc::new(Index::new(&a));
            view.analysis = Some(Arc::new(a));
        }
        view.edit_marks = crate::edits::Marks::new(&view.edit_outcomes);
        let topics = view.analysis.as_ref().map_or(0, |a| a.topics.len());
        if view.selected_topic.is_some_and(|t| t >= topics) {
            view.selected_topic = None;
        }
        evidence::select(view, None);
    }

    /// Opens the system file dialog for `purpose`, or framediff's chooser when there is none.
    fn open_dialog(&mut self, purpose: Pick) {
        let start = self.state.last_dir.clone();
        match self.worker.dialogs.native_now() {
            Some(false) => self.open_chooser(purpose, start),
            // known to work, or still being probed (the job waits and falls back)
            _ => self.worker.pick(purpose, start),
        }
    }

    /// Opens the in-window chooser in `start` (else the working folder, else the home folder);
    /// says once why it is used when no system dialog was found.
    fn open_chooser(&mut self, purpose: Pick, start: Option<PathBuf>) {
        let forced = self.worker.dialogs == DialogPolicy::InWindow;
        let notice = if forced {
            chooser::FORCED_NOTICE
        } else {
            chooser::NO_NATIVE_NOTICE
        };
        if !forced && !self.view.chooser_noticed {
            self.view.chooser_noticed = true;
            self.view.problems.push(notice.into());
        }
        let dir = start
            .or_else(|| std::env::current_dir().ok())
            .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("/"));
        let mut c = Chooser::new(purpose, Some(notice.into()));
        let generation = c.browse(dir.clone());
        self.view.chooser = Some(c);
        self.worker.list_dir(generation, dir);
    }

    /// A file dialog (system or in-window) ended: no paths means it was cancelled.
    fn picked(&mut self, purpose: Pick, paths: Vec<PathBuf>) {
        let Some(first) = paths.first() else {
            self.view.status = Some("Cancelled.".into());
            return;
        };
        self.state.last_dir = first.parent().map(PathBuf::from);
        match purpose {
            Pick::AddArticles | Pick::AddFolder => {
                self.view.status = Some("Reading the articles…".into());
                self.add_paths(paths);
            }
            Pick::OpenWorkspace => self.run_cmd(Command::OpenWorkspace(first.clone())),
            Pick::SaveWorkspace => self.run_cmd(Command::SaveWorkspaceTo(first.clone())),
            Pick::Export(f) => self.run_cmd(Command::ExportTo(f, first.clone())),
        }
    }

    fn recompute_find(&mut self) {
        let view = &mut self.view;
        view.find_matches.clear();
        view.find_cursor = 0;
        let q = view.find_query.trim().to_lowercase();
        if q.is_empty() {
            return;
        }
        if let Some(a) = &view.analysis {
            for (i, art) in a.articles.iter().enumerate() {
                for s in &art.sentences {
                    if s.text.to_lowercase().contains(&q) {
                        view.find_matches.push((ArticleId(i), s.index));
                    }
                }
            }
        }
        if let Some(first) = view.find_matches.first() {
            view.scroll_to_sentence = Some(*first);
        }
    }
}

/// Paints the drop preview on a foreground layer and turns dropped files into commands.
fn drag_and_drop(ctx: &egui::Context, cmds: &mut Vec<Command>) {
    let hovered = ctx.input(|i| i.raw.hovered_files.clone());
    if !hovered.is_empty() {
        let mut text = String::from("Drop to add these articles:\n");
        for f in &hovered {
            match &f.path {
                Some(p) => text.push_str(&format!("\n{}", p.display())),
                None => text.push_str(&format!("\n{}", f.mime)),
            }
        }
        let painter =
            ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("drop_preview")));
        let rect = ctx.content_rect();
        painter.rect_filled(rect, 0.0, Color32::from_black_alpha(190));
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            text,
            TextStyle::Heading.resolve(&ctx.global_style()),
            Color32::WHITE,
        );
    }
    let dropped = ctx.input(|i| i.raw.dropped_files.clone());
    let mut paths = Vec::new();
    for f in dropped {
        let path = f.path();
        if !path.as_os_str().is_empty() {
            paths.push(path.to_path_buf());
        } else if let Ok(bytes) = f.bytes() {
            cmds.push(Command::AddBytes("dropped".into(), bytes));
        }
    }
    if !paths.is_empty() {
        cmds.push(Command::AddPaths(paths));
    }
}

impl eframe::App for FramediffApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let settings = &mut self.state.workspace.settings;
        if self.view.applied_zoom != Some(settings.zoom) {
            ctx.set_zoom_factor(settings.zoom);
            self.view.applied_zoom = Some(settings.zoom);
        } else if (ctx.zoom_factor() - settings.zoom).abs() > 0.001 {
            // zoomed with Ctrl +/-: remember it
            settings.zoom = ctx.zoom_factor().clamp(0.5, 3.0);
            self.view.applied_zoom = Some(settings.zoom);
        }
        let pref = match settings.theme {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        };
        ctx.set_theme(pref);
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
        self.save_session();
    }
}
