//! The menu bar, keyboard shortcuts, status bar and modal dialogs (paste, note, shortcuts,
//! set-aside boilerplate).

use super::app::{Command, Confirm, State, View};
use super::history::History;
use super::worker::Worker;
use crate::analysis::Stage;
use crate::report::ReportFormat;
use crate::workspace::{NoteTarget, Theme};
use egui::{Key, KeyboardShortcut, Modifiers, RichText};

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
const ADDRESS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::L);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
/// Next / previous difference, as in Meld.
pub const NEXT_DIFFERENCE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown);
pub const PREV_DIFFERENCE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp);
/// Next / previous page of columns, when not all fit at a readable width.
pub const NEXT_COLUMNS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight);
pub const PREV_COLUMNS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft);
pub const ARTICLES_PANEL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::B);
const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

/// Keyboard shortcuts, read before drawing.
pub fn shortcuts(ctx: &egui::Context, view: &View) -> Vec<Command> {
    let mut cmds = Vec::new();
    let typing = ctx.egui_wants_keyboard_input();
    ctx.input_mut(|i| {
        if i.consume_shortcut(&OPEN) {
            cmds.push(Command::AddArticlesDialog);
        }
        if i.consume_shortcut(&ADDRESS) {
            cmds.push(Command::OpenUrlBox);
        }
        if i.consume_shortcut(&SAVE) {
            cmds.push(Command::SaveWorkspace);
        }
        if i.consume_shortcut(&EXPORT) {
            cmds.push(Command::ExportDialog(ReportFormat::Html));
        }
        if i.consume_shortcut(&FIND) {
            cmds.push(Command::OpenFind);
        }
        if i.consume_shortcut(&NEW) {
            cmds.push(Command::NewComparison);
        }
        if i.consume_shortcut(&ARTICLES_PANEL) {
            cmds.push(Command::ToggleArticlesPanel(view.articles_panel_shown));
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            cmds.push(Command::ClearSelection);
        }
        if !typing {
            // before the plain arrows, which would also match with Alt held
            if i.consume_shortcut(&NEXT_DIFFERENCE) {
                cmds.push(Command::StepDifference(1));
            }
            if i.consume_shortcut(&PREV_DIFFERENCE) {
                cmds.push(Command::StepDifference(-1));
            }
            if i.consume_shortcut(&NEXT_COLUMNS) {
                cmds.push(Command::PageColumns(1));
            }
            if i.consume_shortcut(&PREV_COLUMNS) {
                cmds.push(Command::PageColumns(-1));
            }
            // a text field keeps Ctrl+Z for its own text; Ctrl+Shift+Z first, as Ctrl+Z
            // would match it too
            if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
                cmds.push(Command::Redo);
            }
            if i.consume_shortcut(&UNDO) {
                cmds.push(Command::Undo);
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowDown)
                || i.consume_key(Modifiers::NONE, Key::ArrowRight)
            {
                cmds.push(Command::StepTopic(1));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowUp)
                || i.consume_key(Modifiers::NONE, Key::ArrowLeft)
            {
                cmds.push(Command::StepTopic(-1));
            }
            if i.consume_key(Modifiers::NONE, Key::F1) {
                cmds.push(Command::ToggleShortcuts);
            }
            // Ctrl+V with no text field focused opens the paste box with the clipboard text.
            let pasted = i.events.iter().find_map(|e| match e {
                egui::Event::Paste(t) => Some(t.clone()),
                _ => None,
            });
            if let Some(text) = pasted
                && !view.paste_open
            {
                cmds.push(Command::OpenPaste(text));
            }
        }
    });
    cmds
}

/// The menu bar with progress on the right.
pub fn top_bar(
    ui: &mut egui::Ui,
    state: &State,
    view: &View,
    worker: &Worker,
    history: &History,
    cmds: &mut Vec<Command>,
) {
    let settings = &state.workspace.settings;
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                let ctx = ui.ctx().clone();
                let sc = |s: &KeyboardShortcut| ctx.format_shortcut(s);
                if ui
                    .add(egui::Button::new("New comparison").shortcut_text(sc(&NEW)))
                    .on_hover_text(
                        "Start again with no articles (asks first if there is unsaved work)",
                    )
                    .clicked()
                {
                    cmds.push(Command::NewComparison);
                }
                if ui
                    .add(egui::Button::new("Add articles…").shortcut_text(sc(&OPEN)))
                    .clicked()
                {
                    cmds.push(Command::AddArticlesDialog);
                }
                if ui.button("Add a folder…").clicked() {
                    cmds.push(Command::AddFolderDialog);
                }
                if ui
                    .add(egui::Button::new("Open address…").shortcut_text(sc(&ADDRESS)))
                    .on_hover_text("Read an article from its web address (http:// or https://)")
                    .clicked()
                {
                    cmds.push(Command::OpenUrlBox);
                }
                if ui
                    .button("Add by path…")
                    .on_hover_text(
                        "Type or paste file or folder paths (when no file dialog is available)",
                    )
                    .clicked()
                {
                    cmds.push(Command::OpenPathBox);
                }
                if ui.button("Paste an article…").clicked() {
                    cmds.push(Command::OpenPaste(String::new()));
                }
                if ui.button("Load the sample articles").clicked() {
                    cmds.push(Command::LoadSamples);
                }
                ui.separator();
                if ui.button("Open workspace…").clicked() {
                    cmds.push(Command::OpenWorkspaceDialog);
                }
                if ui
                    .add(egui::Button::new("Save workspace").shortcut_text(sc(&SAVE)))
                    .clicked()
                {
                    cmds.push(Command::SaveWorkspace);
                }
                if ui.button("Save workspace as…").clicked() {
                    cmds.push(Command::SaveWorkspaceAs);
                }
                ui.separator();
                ui.menu_button("Export", |ui| {
                    if ui
                        .add(egui::Button::new("HTML page…").shortcut_text(sc(&EXPORT)))
                        .clicked()
                    {
                        cmds.push(Command::ExportDialog(ReportFormat::Html));
                    }
                    if ui.button("Markdown…").clicked() {
                        cmds.push(Command::ExportDialog(ReportFormat::Markdown));
                    }
                    if ui.button("JSON (CLI contract)…").clicked() {
                        cmds.push(Command::ExportDialog(ReportFormat::Json));
                    }
                    ui.separator();
                    if ui
                        .button("Blind handout for a class (HTML)…")
                        .on_hover_text(
                            "Articles named by letter only, topics, differences with their \
                             sentences and room for answers; the answer key (which letter is \
                             which outlet, and your notes) is written beside it as \
                             NAME-answer-key.html",
                        )
                        .clicked()
                    {
                        cmds.push(Command::ExportDialog(ReportFormat::Handout));
                    }
                });
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                let ctx = ui.ctx().clone();
                let undo = history.undo_label();
                let hide = settings.teaching_mode && !view.revealed;
                let text = undo.map_or("Undo".to_string(), |l| format!("Undo {}", l.text(hide)));
                if ui
                    .add_enabled(
                        undo.is_some(),
                        egui::Button::new(text).shortcut_text(ctx.format_shortcut(&UNDO)),
                    )
                    .clicked()
                {
                    cmds.push(Command::Undo);
                }
                let redo = history.redo_label();
                let text = redo.map_or("Redo".to_string(), |l| format!("Redo {}", l.text(hide)));
                if ui
                    .add_enabled(
                        redo.is_some(),
                        egui::Button::new(text).shortcut_text(ctx.format_shortcut(&REDO)),
                    )
                    .clicked()
                {
                    cmds.push(Command::Redo);
                }
            });
            ui.menu_button("View", |ui| {
                let mut teaching = settings.teaching_mode;
                if ui
                    .checkbox(&mut teaching, "Teaching mode (hide outlets and titles)")
                    .changed()
                {
                    cmds.push(Command::SetTeaching(teaching));
                }
                let mut frames = settings.show_frame_cues;
                if ui
                    .checkbox(&mut frames, "Highlight frame-dimension words")
                    .changed()
                {
                    cmds.push(Command::SetFrameCues(frames));
                }
                let mut panel = view.articles_panel_shown;
                if ui
                    .add(egui::Checkbox::new(&mut panel, "Articles and topics panel"))
                    .on_hover_text(format!(
                        "{}; by default it is hidden while the window is narrower than {} px",
                        ui.ctx().format_shortcut(&ARTICLES_PANEL),
                        super::app::COMPACT_WIDTH
                    ))
                    .changed()
                {
                    cmds.push(Command::ToggleArticlesPanel(!panel));
                }
                let mut sync = settings.sync_scroll;
                if ui
                    .checkbox(&mut sync, "Synchronised scrolling by topic")
                    .changed()
                {
                    cmds.push(Command::SetSyncScroll(sync));
                }
                if ui
                    .button("Your edits…")
                    .on_hover_text(
                        "Topics you renamed, merged or split, links, differences marked wrong",
                    )
                    .clicked()
                {
                    cmds.push(Command::Edit(super::edits::EditCmd::ShowList(true)));
                }
                ui.separator();
                ui.label("Theme");
                for (t, name) in [
                    (Theme::System, "Follow system"),
                    (Theme::Light, "Light"),
                    (Theme::Dark, "Dark"),
                ] {
                    if ui.radio(settings.theme == t, name).clicked() {
                        cmds.push(Command::SetTheme(t));
                    }
                }
                ui.separator();
                let mut zoom = settings.zoom;
                if ui
                    .add(
                        egui::Slider::new(&mut zoom, 1.0..=2.0)
                            .text("Text size")
                            .custom_formatter(|v, _| format!("{:.0}%", v * 100.0)),
                    )
                    .changed()
                {
                    cmds.push(Command::SetZoom(zoom));
                }
                ui.separator();
                if ui.button("Find across articles…").clicked() {
                    cmds.push(Command::OpenFind);
                }
                ui.separator();
                let sc = |s: &KeyboardShortcut| ui.ctx().format_shortcut(s);
                let (next, prev) = (sc(&NEXT_DIFFERENCE), sc(&PREV_DIFFERENCE));
                if ui
                    .add(egui::Button::new("Next difference").shortcut_text(next))
                    .clicked()
                {
                    cmds.push(Command::StepDifference(1));
                }
                if ui
                    .add(egui::Button::new("Previous difference").shortcut_text(prev))
                    .clicked()
                {
                    cmds.push(Command::StepDifference(-1));
                }
            });
            ui.menu_button("Help", |ui| {
                if ui
                    .button("Reading guide")
                    .on_hover_text("The legend, the tone scale, coverage chips and the change map")
                    .clicked()
                {
                    cmds.push(Command::ToggleGuide);
                }
                if ui.button("Keyboard shortcuts (F1)").clicked() {
                    cmds.push(Command::ToggleShortcuts);
                }
            });
            if settings.teaching_mode {
                ui.separator();
                let label = if view.revealed {
                    "Hide outlets"
                } else {
                    "Reveal outlets"
                };
                if ui
                    .button(label)
                    .on_hover_text(
                        "Teaching mode hides outlet names and titles for a blind comparison.",
                    )
                    .clicked()
                {
                    cmds.push(Command::Reveal(!view.revealed));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some((stage, fraction)) = worker.progress {
                    let what = match stage {
                        Stage::Aligning => "Aligning topics…",
                        Stage::Framing => "Reading the framing…",
                        Stage::Done => "Finishing…",
                    };
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .desired_width(140.0)
                            .text(what)
                            .animate(true),
                    );
                } else if worker.is_busy() {
                    ui.add(egui::Spinner::new());
                    ui.label("Reading files…");
                }
            });
        });
        if view.find_open {
            find_bar(ui, view, cmds);
        }
    });
}

fn find_bar(ui: &mut egui::Ui, view: &View, cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label("Find:");
        let mut q = view.find_query.clone();
        let resp = ui.add(
            egui::TextEdit::singleline(&mut q)
                .hint_text("words in any article")
                .desired_width(260.0),
        );
        if view.find_focus {
            resp.request_focus();
        }
        if resp.changed() {
            cmds.push(Command::SetFind(q));
        }
        if resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            cmds.push(Command::FindNext(1));
            resp.request_focus();
        }
        let n = view.find_matches.len();
        if !view.find_query.trim().is_empty() {
            let articles: std::collections::BTreeSet<usize> =
                view.find_matches.iter().map(|m| m.0.index()).collect();
            ui.label(if n == 0 {
                "no match".to_string()
            } else {
                format!(
                    "{} of {n} sentences, in {} article(s)",
                    view.find_cursor + 1,
                    articles.len()
                )
            });
        }
        if ui
            .button("Previous")
            .on_hover_text("Previous match")
            .clicked()
        {
            cmds.push(Command::FindNext(-1));
        }
        if ui
            .button("Next")
            .on_hover_text("Next match (Enter)")
            .clicked()
        {
            cmds.push(Command::FindNext(1));
        }
        if ui.button("Close").on_hover_text("Close (Esc)").clicked() {
            cmds.push(Command::ClearSelection);
        }
    });
}

/// The status line at the bottom.
pub fn status_bar(ui: &mut egui::Ui, state: &State, view: &View, cmds: &mut Vec<Command>) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let n = state.workspace.entries.len();
            let shown = view.visible.len();
            ui.label(format!("{n} article(s), {shown} compared"));
            if let Some(a) = &view.analysis {
                ui.separator();
                ui.label(format!(
                    "{} topic(s), {} aligned pair(s)",
                    a.topics.len(),
                    a.alignments.len()
                ));
            }
            if let Some(ms) = view.last_analysis_ms {
                ui.separator();
                ui.label(format!("analysed in {ms} ms"));
            }
            if let Some(p) = &state.workspace_path {
                ui.separator();
                ui.label(format!("workspace: {}", p.display()));
            }
            if state.dirty {
                ui.separator();
                ui.label(RichText::new("unsaved changes").italics())
                    .on_hover_text("Ctrl+S saves the workspace; Ctrl+Z undoes the last change");
            }
            if let Some(s) = &view.status {
                ui.separator();
                ui.label(s);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.small_button("Shortcuts (F1)").clicked() {
                    cmds.push(Command::ToggleShortcuts);
                }
            });
        });
    });
}

/// Modal and floating dialogs.
pub fn dialogs(ctx: &egui::Context, state: &mut State, view: &mut View, cmds: &mut Vec<Command>) {
    view.find_focus = false;
    if view.paste_open {
        let mut open = true;
        egui::Window::new("Paste an article")
            .open(&mut open)
            .default_size([560.0, 420.0])
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label("Paste the text of an article (Ctrl+V). The first line is read as its title; bylines, dates and page boilerplate are recognised.");
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    ui.add(
                        egui::TextEdit::multiline(&mut view.paste_text)
                            .desired_rows(14)
                            .desired_width(f32::INFINITY)
                            .hint_text("Paste here…"),
                    );
                });
                ui.horizontal(|ui| {
                    let ok = !view.paste_text.trim().is_empty();
                    if ui.add_enabled(ok, egui::Button::new("Add as article")).clicked() {
                        cmds.push(Command::AddPasted(view.paste_text.clone()));
                    }
                    if ui.button("Cancel").clicked() {
                        view.paste_open = false;
                    }
                });
            });
        if !open {
            view.paste_open = false;
        }
    }
    if view.path_open {
        let mut open = true;
        egui::Window::new("Add by path")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label("One file or folder path a line:");
                ui.add(
                    egui::TextEdit::multiline(&mut view.path_text)
                        .desired_rows(4)
                        .desired_width(420.0),
                );
                let paths: Vec<std::path::PathBuf> = view
                    .path_text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(std::path::PathBuf::from)
                    .collect();
                if ui
                    .add_enabled(!paths.is_empty(), egui::Button::new("Add"))
                    .clicked()
                {
                    cmds.push(Command::AddPaths(paths));
                }
            });
        if !open {
            view.path_open = false;
        }
    }
    if view.url_open {
        let mut open = true;
        egui::Window::new("Open address")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label("The web address of an article:");
                let resp = ui.add(
                    egui::TextEdit::singleline(&mut view.url_text)
                        .hint_text("https://…")
                        .desired_width(420.0),
                );
                let ok = view.url_text.trim().starts_with("http://")
                    || view.url_text.trim().starts_with("https://");
                let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if ui.add_enabled(ok, egui::Button::new("Open")).clicked() || (ok && enter) {
                    cmds.push(Command::FetchUrl(view.url_text.clone()));
                }
                ui.label(
                    egui::RichText::new(
                        "Fetched in the background (at most 15 s and 20 MB); nothing else is downloaded.",
                    )
                    .small()
                    .weak(),
                );
            });
        if !open {
            view.url_open = false;
        }
    }
    if let Some((target, text)) = &mut view.note_edit {
        let title = match target {
            NoteTarget::Sentence { .. } => "Note on a sentence",
            NoteTarget::Topic { .. } => "Note on a topic",
        };
        let mut keep_open = true;
        egui::Window::new(title)
            .collapsible(false)
            .open(&mut keep_open)
            .show(ctx, |ui| {
                ui.add(
                    egui::TextEdit::multiline(text)
                        .desired_rows(5)
                        .hint_text("Your note (saved in the workspace and exported)"),
                );
                ui.horizontal(|ui| {
                    if ui.button("Save note").clicked() {
                        cmds.push(Command::SetNote(target.clone(), text.clone()));
                    }
                    if ui.button("Delete note").clicked() {
                        cmds.push(Command::SetNote(target.clone(), String::new()));
                    }
                });
            });
        if !keep_open {
            view.note_edit = None;
        }
    }
    if let Some(confirm) = &view.confirm {
        let (title, text, yes) = match confirm {
            Confirm::Discard(cmd) => match &**cmd {
                Command::UseWorkspace { path, .. } => (
                    "Open another workspace?",
                    format!(
                        "The workspace has changes that were not saved. Opening {} replaces them.",
                        path.display()
                    ),
                    "Discard changes",
                ),
                other => (
                    if *other == Command::LoadSamples {
                        "Load the sample articles?"
                    } else {
                        "Start a new comparison?"
                    },
                    "The workspace has changes that were not saved. They will be replaced (Ctrl+Z brings them back while the window is open).".to_string(),
                    "Discard changes",
                ),
            },
            Confirm::Replace { reason, .. } => (
                "Replace this file?",
                format!("{reason}. Saving the workspace there replaces it."),
                "Replace",
            ),
        };
        let modal = egui::Modal::new(egui::Id::unique("framediff_confirm")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(title);
            ui.add(egui::Label::new(text).wrap());
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(yes).clicked() {
                    cmds.push(Command::Answer(true));
                }
                if ui.button("Cancel").clicked() {
                    cmds.push(Command::Answer(false));
                }
            });
        });
        if modal.should_close() && !cmds.iter().any(|c| matches!(c, Command::Answer(_))) {
            cmds.push(Command::Answer(false));
        }
    }
    if view.show_shortcuts {
        let mut open = true;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for (keys, what) in [
                        ("Ctrl+O", "Add articles"),
                        ("Ctrl+L", "Open an article from its web address"),
                        ("Ctrl+V", "Paste an article"),
                        ("Ctrl+S", "Save the workspace"),
                        ("Ctrl+N", "New comparison"),
                        ("Ctrl+Z", "Undo (remove, hide, move, notes)"),
                        ("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
                        ("Ctrl+E", "Export the comparison (HTML)"),
                        ("Ctrl+B", "Show or hide the articles and topics panel"),
                        ("Ctrl+F", "Find across articles; Enter for the next match"),
                        ("Up / Down", "Previous / next topic"),
                        (
                            "Alt+Up / Alt+Down",
                            "Previous / next difference (scrolls to its evidence)",
                        ),
                        (
                            "Alt+Left / Alt+Right",
                            "Previous / next columns (when not all fit)",
                        ),
                        ("Esc", "Clear the selection"),
                        ("Ctrl + / Ctrl -", "Larger / smaller text"),
                        ("F1", "This list"),
                    ] {
                        ui.label(RichText::new(keys).monospace());
                        ui.label(what);
                        ui.end_row();
                    }
                });
            });
        if !open {
            view.show_shortcuts = false;
        }
    }
    if let Some(i) = view.show_removed {
        let mut open = true;
        let entry = state.workspace.entries.get(i);
        egui::Window::new("Set aside while reading")
            .open(&mut open)
            .default_size([480.0, 360.0])
            .show(ctx, |ui| match entry {
                Some(e) if !e.article.removed.is_empty() => {
                    ui.label(
                        "Page boilerplate framediff recognised and kept out of the comparison:",
                    );
                    // bylines, copyright lines and repeated titles name the outlet and author
                    let teaching = state.workspace.settings.teaching_mode && !view.revealed;
                    if teaching {
                        ui.label(
                            RichText::new(
                                "The text is hidden in teaching mode: it can name the outlet, \
                                 the author or the title.",
                            )
                            .weak(),
                        );
                    }
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        egui::Grid::new("removed").striped(true).show(ui, |ui| {
                            for r in &e.article.removed {
                                ui.label(RichText::new(r.kind.describe()).strong());
                                if teaching {
                                    ui.label(
                                        RichText::new(format!(
                                            "{} words",
                                            r.text.split_whitespace().count()
                                        ))
                                        .weak(),
                                    );
                                } else {
                                    ui.label(&r.text);
                                }
                                ui.end_row();
                            }
                        });
                    });
                }
                _ => {
                    ui.label("Nothing was set aside from this article.");
                }
            });
        if !open {
            view.show_removed = None;
        }
    }
}
