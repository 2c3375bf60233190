//! The library panel: loaded articles with colour, title, outlet and date; reorder, hide,
//! remove; add buttons; and the files that failed to load.

use super::app::{Command, State, View};
use super::theme::article_colour;
use crate::model::ArticleId;
use egui::{Color32, RichText, Sense, Vec2};

/// Paints a small colour chip and returns its response.
pub fn chip(ui: &mut egui::Ui, colour: Color32, filled: bool) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
    if filled {
        ui.painter().rect_filled(rect, 2.0, colour);
    } else {
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            2.0,
            egui::Stroke::new(1.5, colour),
            egui::StrokeKind::Inside,
        );
    }
    resp
}

pub fn ui(ui: &mut egui::Ui, state: &State, view: &View, cmds: &mut Vec<Command>) {
    ui.heading("Articles");
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Add articles…")
            .on_hover_text("Ctrl+O. Text, Markdown, HTML or PDF files; or drop files on the window")
            .clicked()
        {
            cmds.push(Command::AddArticlesDialog);
        }
        if ui.button("Add folder…").clicked() {
            cmds.push(Command::AddFolderDialog);
        }
        if ui
            .button("Paste…")
            .on_hover_text("Paste the text of an article")
            .clicked()
        {
            cmds.push(Command::OpenPaste(String::new()));
        }
    });
    let teaching = state.workspace.settings.teaching_mode && !view.revealed;
    let n = state.workspace.entries.len();
    if n == 0 {
        ui.label("No articles yet. Add files, drop them here, or paste text.");
    }
    for (i, entry) in state.workspace.entries.iter().enumerate() {
        let a = &entry.article;
        // letter and colour come with the article (its key), whatever its place or visibility
        let key = entry.key_or(i);
        let letter = ArticleId(key).letter();
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            chip(ui, article_colour(key), !entry.hidden);
            let mut l = RichText::new(&letter).strong().monospace();
            if entry.hidden {
                l = l.weak();
            }
            ui.label(l);
            ui.vertical(|ui| {
                let title = if teaching { format!("Article {letter}") } else { a.title.clone() };
                let mut t = RichText::new(title);
                if entry.hidden {
                    t = t.weak().italics();
                }
                // a file name often names the outlet: not in teaching mode
                ui.add(egui::Label::new(t).wrap()).on_hover_text(if teaching { "The file name is hidden in teaching mode." } else { a.path.as_str() });
                let mut meta = Vec::new();
                if !teaching && let Some(s) = &a.source {
                    meta.push(s.clone());
                }
                if let Some(d) = &a.date {
                    meta.push(d.clone());
                }
                meta.push(format!("{} words", a.word_count()));
                ui.label(RichText::new(meta.join(" · ")).small().weak());
                // wrapped: a row wider than the panel would widen it and narrow the columns
                ui.horizontal_wrapped(|ui| {
                    if ui.add_enabled(i > 0, egui::Button::new("Up").small()).on_hover_text("Move up").clicked() {
                        cmds.push(Command::Move { from: i, to: i - 1 });
                    }
                    if ui.add_enabled(i + 1 < n, egui::Button::new("Down").small()).on_hover_text("Move down").clicked() {
                        cmds.push(Command::Move { from: i, to: i + 1 });
                    }
                    let (icon, tip) = if entry.hidden { ("Show", "Include in the comparison") } else { ("Hide", "Leave out of the comparison, keep in the library") };
                    if ui.small_button(icon).on_hover_text(tip).clicked() {
                        cmds.push(Command::ToggleHidden(i));
                    }
                    if ui.small_button("Remove").on_hover_text(format!("Remove {} from the library", if teaching { "this article" } else { a.path.as_str() })).clicked() {
                        cmds.push(Command::Remove(i));
                    }
                    if !a.removed.is_empty()
                        && ui
                            .small_button(format!("{} set aside", a.removed.len()))
                            .on_hover_text("Boilerplate recognised while reading (counters, share buttons, tags…)")
                            .clicked()
                    {
                        cmds.push(Command::ShowRemoved(Some(i)));
                    }
                });
            });
        });
    }
    if !view.problems.is_empty() {
        ui.add_space(6.0);
        egui::Frame::group(ui.style())
            .fill(ui.visuals().error_fg_color.gamma_multiply(0.12))
            .show(ui, |ui| {
                ui.label(
                    RichText::new("Problems and notices")
                        .strong()
                        .color(ui.visuals().error_fg_color),
                );
                for p in &view.problems {
                    ui.add(egui::Label::new(RichText::new(p).small()).wrap());
                }
                if ui.small_button("Dismiss").clicked() {
                    cmds.push(Command::DismissProblems);
                }
            });
    }
}
