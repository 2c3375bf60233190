//! The window's editorial controls: renaming a topic (an inline field, Enter / Escape), merging
//! it into another topic of its story, moving a sentence to a new topic, linking and unlinking
//! sentences, marking a difference as wrong, the "edited" tags that show what is the user's,
//! and the *Your edits* list with each edit's outcome (applied or not, and why) and a Remove
//! button. Positions in the shown analysis are turned into keys that survive re-analysis
//! (see [`crate::edits`]); every edit is saved in the workspace and applied again at once.

use super::app::{Command, FramediffApp, State, View};
use super::index::{Index, SentenceRef};
use crate::analysis::Analysis;
use crate::edits::{DifferenceKey, Edit, EditOutcome, SentenceKey, TopicKey};
use crate::model::ArticleId;
use egui::RichText;

/// The state of the edit controls between frames.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Editing {
    /// The topic being renamed and the text typed so far.
    pub rename: Option<(usize, String)>,
    /// Give the rename field the keyboard on the next frame.
    pub rename_focus: bool,
    /// The sentence a link starts from: the next sentence clicked in another column ends it.
    pub link_from: Option<SentenceRef>,
    /// The difference being marked as wrong and the reason typed so far.
    pub wrong: Option<(usize, String)>,
    /// The *Your edits* window is open.
    pub list_open: bool,
}

impl Editing {
    /// Whether an edit is under way (Escape cancels it rather than the selection).
    pub fn busy(&self) -> bool {
        self.rename.is_some() || self.link_from.is_some() || self.wrong.is_some()
    }
}

/// What the edit controls ask for (wrapped in [`Command::Edit`]).
#[derive(Debug, Clone, PartialEq)]
pub enum EditCmd {
    StartRename(usize),
    RenameText(String),
    RenameFocused,
    /// Renames topic `t` of the shown analysis.
    Rename(usize, String),
    /// Cancels whatever edit is under way.
    Cancel,
    /// Merges topic `from` into topic `into`.
    Merge {
        into: usize,
        from: usize,
    },
    MoveToNewTopic(SentenceRef),
    StartLink(SentenceRef),
    Unlink(SentenceRef, SentenceRef),
    StartMarkWrong(usize),
    WrongReason(String),
    MarkWrong(usize, String),
    /// Removes the workspace's edit at this position.
    Remove(usize),
    ShowList(bool),
}

fn cmd(e: EditCmd) -> Command {
    Command::Edit(e)
}

/// Saves an edit in the workspace and applies the edits again.
fn add(app: &mut FramediffApp, edit: Edit) {
    app.state.workspace.edits.push(edit);
    app.apply_edits();
    let last = app.view.edit_outcomes.last().cloned();
    app.view.status = Some(match last {
        Some(EditOutcome::Applied { what, .. }) if !what.is_empty() => {
            format!("Your edit: {what}.")
        }
        Some(EditOutcome::Orphaned { reason, .. }) => {
            format!("Your edit was saved but does not apply: {reason}.")
        }
        _ => "Your edit was applied.".into(),
    });
}

/// Applies one edit command.
pub fn run(app: &mut FramediffApp, e: EditCmd) {
    let Some(a) = app.view.analysis.clone() else {
        return;
    };
    let editing = &mut app.view.editing;
    match e {
        EditCmd::StartRename(t) => {
            if let Some(topic) = a.topics.get(t) {
                editing.rename = Some((t, topic.label.clone()));
                editing.rename_focus = true;
                app.view.selected_topic = Some(t);
                // the field is on the framing card
                app.state.right_tab = super::app::RightTab::Card;
            }
        }
        EditCmd::RenameText(text) => {
            if let Some((_, s)) = &mut editing.rename {
                *s = text;
            }
        }
        EditCmd::RenameFocused => editing.rename_focus = false,
        EditCmd::Rename(t, label) => {
            editing.rename = None;
            let unchanged = a.topics.get(t).is_some_and(|x| x.label == label.trim());
            if label.trim().is_empty() || unchanged {
                app.view.status = Some("The topic keeps its label.".into());
                return;
            }
            if let Some(topic) = TopicKey::of(&a, t) {
                add(
                    app,
                    Edit::RenameTopic {
                        topic,
                        label: label.trim().to_string(),
                    },
                );
            }
        }
        EditCmd::Cancel => {
            let list_open = editing.list_open;
            *editing = Editing {
                list_open,
                ..Default::default()
            };
            app.view.status = Some("Edit cancelled.".into());
        }
        EditCmd::Merge { into, from } => {
            let (Some(ki), Some(kf)) = (TopicKey::of(&a, into), TopicKey::of(&a, from)) else {
                return;
            };
            let anchor = first_sentence(&a, into);
            add(app, Edit::MergeTopics { into: ki, from: kf });
            follow(app, anchor);
        }
        EditCmd::MoveToNewTopic(r) => {
            let Some(t) = app.view.index.topic(r) else {
                app.view.status = Some("This sentence is in no topic.".into());
                return;
            };
            let (Some(topic), Some(s)) = (TopicKey::of(&a, t), SentenceKey::of(&a, r)) else {
                return;
            };
            add(
                app,
                Edit::SplitTopic {
                    topic,
                    sentences: vec![s],
                },
            );
            follow(app, Some(r));
        }
        EditCmd::StartLink(r) => {
            editing.link_from = Some(r);
            app.view.status = Some(format!(
                "Link: click a sentence in another article's column to link it with this sentence of {} (Escape cancels).",
                app.view.letter(r.0)
            ));
        }
        EditCmd::Unlink(x, y) => {
            let (Some(ka), Some(kb)) = (SentenceKey::of(&a, x), SentenceKey::of(&a, y)) else {
                return;
            };
            app.view.diff_pair = None;
            let by_analysis = app.view.raw_analysis.as_ref().is_some_and(|raw| {
                raw.alignments
                    .iter()
                    .any(|al| (al.a, al.b) == (x, y) || (al.a, al.b) == (y, x))
            });
            if by_analysis {
                add(app, Edit::Unlink { a: ka, b: kb });
            } else {
                // the user's own link: unlinking it takes the link back
                let pair = |e: &Edit| match e {
                    Edit::Link { a, b } => (a, b) == (&ka, &kb) || (a, b) == (&kb, &ka),
                    _ => false,
                };
                app.state.workspace.edits.list.retain(|e| !pair(e));
                app.apply_edits();
                app.view.status = Some("Your link was removed.".into());
            }
        }
        EditCmd::StartMarkWrong(k) => editing.wrong = Some((k, String::new())),
        EditCmd::WrongReason(text) => {
            if let Some((_, s)) = &mut editing.wrong {
                *s = text;
            }
        }
        EditCmd::MarkWrong(k, reason) => {
            editing.wrong = None;
            if let Some(difference) = DifferenceKey::of(&a, k) {
                let reason = Some(reason.trim().to_string()).filter(|r| !r.is_empty());
                add(app, Edit::MarkWrong { difference, reason });
            }
        }
        EditCmd::Remove(i) => {
            if app.state.workspace.edits.remove(i).is_some() {
                app.apply_edits();
                app.view.status = Some("Your edit was removed.".into());
            }
        }
        EditCmd::ShowList(open) => editing.list_open = open,
    }
}

/// Ends a link started with *Link to…*: `s` is the sentence clicked (none: cancelled).
pub fn finish_link(app: &mut FramediffApp, s: Option<SentenceRef>) {
    let Some(from) = app.view.editing.link_from.take() else {
        return;
    };
    let Some(to) = s else {
        app.view.status = Some("Link cancelled.".into());
        return;
    };
    if to.0 == from.0 {
        app.view.editing.link_from = Some(from);
        app.view.status =
            Some("Pick a sentence in another article's column (Escape cancels).".into());
        return;
    }
    let Some(a) = app.view.analysis.clone() else {
        return;
    };
    if let (Some(ka), Some(kb)) = (SentenceKey::of(&a, from), SentenceKey::of(&a, to)) {
        add(app, Edit::Link { a: ka, b: kb });
        app.view.selected_sentence = Some(from);
        app.view.diff_pair = Some((from, to));
    }
}

fn first_sentence(a: &Analysis, t: usize) -> Option<SentenceRef> {
    let m = a.topics.get(t)?.members.first()?;
    Some((m.article, *m.sentences.first()?))
}

/// Selects the topic that now holds `r`.
fn follow(app: &mut FramediffApp, r: Option<SentenceRef>) {
    if let Some(t) = r.and_then(|r| app.view.index.topic(r)) {
        app.view.selected_topic = Some(t);
        app.view.scroll_to_topic = Some(t);
    }
}

/// A small "edited" tag whose tooltip says what the user did ("Your edit: renamed from ‘…’").
pub fn tag(ui: &mut egui::Ui, whats: &[String]) {
    if whats.is_empty() {
        return;
    }
    let text: Vec<String> = whats.iter().map(|w| format!("Your edit: {w}")).collect();
    ui.label(
        RichText::new("edited")
            .small()
            .italics()
            .color(ui.visuals().hyperlink_color),
    )
    .on_hover_text(text.join("\n"));
}

/// The "edited" tag of topic `t`, if the user edited it.
pub fn topic_tag(ui: &mut egui::Ui, view: &View, t: usize) {
    if let Some(whats) = view.edit_marks.topics.get(&t) {
        tag(ui, whats);
    }
}

/// Under the card's heading: the rename field while renaming, else *Rename topic…* and
/// *Merge into…* (the other topics of the story).
pub fn topic_controls(
    ui: &mut egui::Ui,
    a: &Analysis,
    view: &View,
    t: usize,
    cmds: &mut Vec<Command>,
) {
    if let Some((rt, text)) = &view.editing.rename
        && *rt == t
    {
        let mut text = text.clone();
        ui.horizontal(|ui| {
            let resp = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("New label")
                    .desired_width((ui.available_width() - 90.0).max(80.0)),
            );
            if view.editing.rename_focus {
                resp.request_focus();
                cmds.push(cmd(EditCmd::RenameFocused));
            }
            if resp.changed() {
                cmds.push(cmd(EditCmd::RenameText(text.clone())));
            }
            let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if enter || ui.small_button("OK").clicked() {
                cmds.push(cmd(EditCmd::Rename(t, text.clone())));
            }
            if ui.small_button("Cancel").clicked() {
                cmds.push(cmd(EditCmd::Cancel));
            }
        });
        ui.label(
            RichText::new("Enter renames, Escape cancels.")
                .small()
                .weak(),
        );
        return;
    }
    let Some(topic) = a.topics.get(t) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        if ui
            .small_button("Rename topic…")
            .on_hover_text("Give this topic your own label; it is kept when the articles change")
            .clicked()
        {
            cmds.push(cmd(EditCmd::StartRename(t)));
        }
        let others: Vec<usize> = (0..a.topics.len())
            .filter(|&o| o != t && a.topics[o].story == topic.story)
            .collect();
        ui.add_enabled_ui(!others.is_empty(), |ui| {
            ui.menu_button("Merge into…", |ui| {
                for o in others {
                    if ui.button(format!("into “{}”", a.topics[o].label)).clicked() {
                        cmds.push(cmd(EditCmd::Merge { into: o, from: t }));
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text("Move every sentence of this topic into another topic of the story");
        });
    });
    ui.label(
        RichText::new("To split it, right-click a sentence in a column: Move to a new topic.")
            .small()
            .weak(),
    );
}

/// After a difference's summary: its "marked wrong" tag with *Unmark*, or *Mark as wrong…*.
pub fn difference_controls(ui: &mut egui::Ui, view: &View, k: usize, cmds: &mut Vec<Command>) {
    match view.edit_marks.differences.get(&k) {
        Some(what) => {
            ui.label(
                RichText::new("marked wrong")
                    .small()
                    .italics()
                    .color(ui.visuals().warn_fg_color),
            )
            .on_hover_text(format!("Your edit: {what}"));
            let edit = view.edit_outcomes.iter().position(|o| {
                matches!(o, EditOutcome::Applied { target: crate::edits::Target::Difference(x), .. } if *x == k)
            });
            if let Some(i) = edit
                && ui
                    .small_button("Unmark")
                    .on_hover_text("Remove your edit")
                    .clicked()
            {
                cmds.push(cmd(EditCmd::Remove(i)));
            }
        }
        None => {
            if ui
                .small_button("Mark as wrong…")
                .on_hover_text("Flag this difference as wrong; it stays listed, flagged, in the window and in exports")
                .clicked()
            {
                cmds.push(cmd(EditCmd::StartMarkWrong(k)));
            }
        }
    }
}

/// Whether difference `k` is marked wrong (its summary is then struck through).
pub fn is_wrong(view: &View, k: usize) -> bool {
    view.edit_marks.differences.contains_key(&k)
}

/// Whether alignment `k` was made (or confirmed) by the user.
pub fn is_user_link(view: &View, k: usize) -> bool {
    view.edit_marks.alignments.contains(&k)
}

/// The edit entries of a sentence's right-click menu.
pub fn sentence_menu(
    ui: &mut egui::Ui,
    a: &Analysis,
    index: &Index,
    keys: &[usize],
    r: SentenceRef,
    cmds: &mut Vec<Command>,
) {
    ui.separator();
    if index.topic(r).is_some()
        && ui
            .button("Move to a new topic")
            .on_hover_text("Split this sentence off its topic")
            .clicked()
    {
        cmds.push(cmd(EditCmd::MoveToNewTopic(r)));
        ui.close();
    }
    if ui
        .button("Link to…")
        .on_hover_text("Then click a sentence in another article's column")
        .clicked()
    {
        cmds.push(cmd(EditCmd::StartLink(r)));
        ui.close();
    }
    for (p, _, _) in index.partners.get(&r).into_iter().flatten().take(6) {
        let Some(s) = a
            .articles
            .get(p.0.index())
            .and_then(|art| art.sentences.get(p.1))
        else {
            continue;
        };
        let short: String = s.text.chars().take(40).collect();
        if ui
            .button(format!(
                "Unlink from {}: “{short}…”",
                ArticleId(keys.get(p.0.index()).copied().unwrap_or(p.0.index())).letter()
            ))
            .clicked()
        {
            cmds.push(cmd(EditCmd::Unlink(r, *p)));
            ui.close();
        }
    }
}

/// The windows of the edit controls: the reason for marking a difference wrong, and the list
/// of the user's edits.
pub fn windows(ctx: &egui::Context, state: &State, view: &View, cmds: &mut Vec<Command>) {
    if let Some((k, reason)) = &view.editing.wrong {
        let summary = view
            .analysis
            .as_ref()
            .and_then(|a| a.differences.get(*k))
            .map(|d| d.summary.clone())
            .unwrap_or_default();
        egui::Window::new("Mark a difference as wrong")
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(RichText::new(summary).italics());
                let mut text = reason.clone();
                let resp =
                    ui.add(egui::TextEdit::singleline(&mut text).hint_text("Why (optional)"));
                if resp.changed() {
                    cmds.push(cmd(EditCmd::WrongReason(text.clone())));
                }
                let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    if ui.button("Mark as wrong").clicked() || enter {
                        cmds.push(cmd(EditCmd::MarkWrong(*k, text.clone())));
                    }
                    if ui.button("Cancel").clicked() {
                        cmds.push(cmd(EditCmd::Cancel));
                    }
                });
            });
    }
    if view.editing.list_open {
        let mut open = true;
        egui::Window::new("Your edits")
            .open(&mut open)
            .default_width(420.0)
            .show(ctx, |ui| list(ui, state, view, cmds));
        if !open {
            cmds.push(cmd(EditCmd::ShowList(false)));
        }
    }
}

/// The user's edits, each with its outcome and a Remove button.
fn list(ui: &mut egui::Ui, state: &State, view: &View, cmds: &mut Vec<Command>) {
    let edits = &state.workspace.edits.list;
    if edits.is_empty() {
        ui.label(
            RichText::new(
                "No edits yet. Rename or merge a topic on the framing card, split or link \
                 sentences from their right-click menu, or mark a difference as wrong.",
            )
            .weak(),
        );
        return;
    }
    let teaching = state.workspace.settings.teaching_mode && !view.revealed;
    egui::ScrollArea::vertical()
        .max_height(420.0)
        .show(ui, |ui| {
            for (i, edit) in edits.iter().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        ui.label(edit.describe());
                        if ui.small_button("Remove").clicked() {
                            cmds.push(cmd(EditCmd::Remove(i)));
                        }
                    });
                    match view.edit_outcomes.get(i) {
                        Some(EditOutcome::Applied { what, .. }) => {
                            ui.label(RichText::new(format!("applied: {what}")).small().weak());
                        }
                        Some(EditOutcome::Orphaned { reason, .. }) => {
                            // a reason can name an article's file: not in teaching mode
                            let reason = if teaching {
                                "its topic or sentences are not in this analysis"
                            } else {
                                reason.as_str()
                            };
                            ui.label(
                                RichText::new(format!("not applied: {reason}"))
                                    .small()
                                    .color(ui.visuals().warn_fg_color),
                            );
                        }
                        None => {
                            ui.label(RichText::new("waiting for the analysis").small().weak());
                        }
                    }
                });
            }
        });
}

/// A line on the card summing up the user's edits, with a button to list them.
pub fn summary_line(ui: &mut egui::Ui, state: &State, view: &View, cmds: &mut Vec<Command>) {
    let n = state.workspace.edits.list.len();
    if n == 0 {
        return;
    }
    let orphans = view
        .edit_outcomes
        .iter()
        .filter(|o| !o.is_applied())
        .count();
    ui.horizontal_wrapped(|ui| {
        let text = if orphans == 0 {
            format!("Your edits: {n}")
        } else {
            format!("Your edits: {n}, {orphans} not applied")
        };
        let rt = RichText::new(text).small();
        ui.label(if orphans == 0 {
            rt.weak()
        } else {
            rt.color(ui.visuals().warn_fg_color)
        });
        if ui.small_button("Show edits").clicked() {
            cmds.push(cmd(EditCmd::ShowList(true)));
        }
    });
}
