//! The topic map: every topic of the story with its label, coverage chips per article, share of
//! text and first position; topics covered by one article are marked as omissions by the others.

use super::app::{Command, State, View};
use super::library::chip;
use crate::align::Placement;
use crate::model::ArticleId;
use egui::RichText;

pub fn ui(ui: &mut egui::Ui, _state: &State, view: &View, cmds: &mut Vec<Command>) {
    ui.heading("Topics");
    let Some(a) = &view.analysis else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Analysing…");
        });
        return;
    };
    if a.topics.is_empty() {
        ui.label("No shared topics found yet.");
        return;
    }
    ui.label(
        RichText::new("Click a topic to scroll every article to it (Up/Down arrows to step).")
            .small()
            .weak(),
    );
    let several_stories = a.stories.len() > 1;
    let mut story = usize::MAX;
    for (t, topic) in a.topics.iter().enumerate() {
        if several_stories && topic.story != story {
            story = topic.story;
            let members: Vec<String> = a
                .stories
                .iter()
                .find(|s| s.id == story)
                .map(|s| s.articles.iter().map(|&i| view.letter(i)).collect())
                .unwrap_or_default();
            ui.add_space(6.0);
            ui.label(
                RichText::new(format!(
                    "Story {} · articles {}",
                    story + 1,
                    members.join(", ")
                ))
                .strong()
                .underline(),
            );
        }
        let selected = view.selected_topic == Some(t);
        let in_story: Vec<ArticleId> = a
            .stories
            .iter()
            .find(|s| s.id == topic.story)
            .map(|s| s.articles.clone())
            .unwrap_or_default();
        let omitted_by: Vec<ArticleId> = in_story
            .iter()
            .copied()
            .filter(|&i| topic.member(i).is_none())
            .collect();
        ui.add_space(2.0);
        let frame = egui::Frame::new()
            .inner_margin(4.0)
            .corner_radius(4.0)
            .fill(if selected {
                ui.visuals().selection.bg_fill.gamma_multiply(0.5)
            } else {
                egui::Color32::TRANSPARENT
            });
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            let label = RichText::new(&topic.label).strong();
            let resp = ui
                .add(egui::Button::selectable(selected, label).wrap())
                .on_hover_text(format!("Terms: {}", topic.terms.join(", ")));
            if resp.clicked() {
                cmds.push(Command::SelectTopic(if selected { None } else { Some(t) }));
            }
            resp.context_menu(|ui| {
                if ui.button("Rename topic…").clicked() {
                    cmds.push(Command::Edit(super::edits::EditCmd::StartRename(t)));
                    ui.close();
                }
            });
            if view.edit_marks.topics.contains_key(&t) {
                ui.horizontal(|ui| super::edits::topic_tag(ui, view, t));
            }
            if selected && view.scroll_to_topic == Some(t) {
                resp.scroll_to_me(None);
            }
            ui.horizontal_wrapped(|ui| {
                for &i in &in_story {
                    let colour = view.colour(i);
                    match topic.member(i) {
                        Some(m) => {
                            let place = match m.placement {
                                Placement::Headline => "in the headline".to_string(),
                                Placement::Lede => "in the lede".to_string(),
                                Placement::Body => {
                                    format!("from paragraph {}", m.first_paragraph + 1)
                                }
                            };
                            chip(ui, colour, true).on_hover_text(format!(
                                "{}: {} sentence(s), {:.0}% of its text, {place}",
                                view.letter(i),
                                m.sentences.len(),
                                m.share * 100.0
                            ));
                        }
                        None => {
                            chip(ui, colour, false).on_hover_text(
                                if a.omission_checked(t, i) {
                                    format!("{} does not mention this topic", view.letter(i))
                                } else {
                                    format!(
                                        "{} has no sentence in this topic (it may report it in other words, or under another topic: see the framing card)",
                                        view.letter(i)
                                    )
                                },
                            );
                        }
                    }
                }
                let max_share = topic.members.iter().map(|m| m.share).fold(0.0, f32::max);
                ui.label(
                    RichText::new(format!("up to {:.0}% of an article", max_share * 100.0))
                        .small()
                        .weak(),
                );
            });
            if topic.members.len() == 1 && in_story.len() > 1 {
                let only = view.letter(topic.members[0].article);
                let others: Vec<String> = omitted_by.iter().map(|&i| view.letter(i)).collect();
                ui.label(
                    RichText::new(format!("Only {only}; none from {}", others.join(", ")))
                        .small()
                        .color(ui.visuals().warn_fg_color),
                );
            } else if !omitted_by.is_empty() {
                let others: Vec<String> = omitted_by.iter().map(|&i| view.letter(i)).collect();
                ui.label(
                    RichText::new(format!("None from {}", others.join(", ")))
                        .small()
                        .weak(),
                );
            }
        });
    }
}
