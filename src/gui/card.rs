//! The framing card of the selected topic (coverage, quotes, cues and the generated
//! differences, article by article) and the word-level diff of a selected aligned pair.

use super::app::{Command, State, View};
use super::library::chip;
use super::theme::{Mark, article_colour};
use crate::align::Placement;
use crate::analysis::Analysis;
use crate::report::article_letter;
use crate::workspace::NoteTarget;
use egui::{RichText, text::LayoutJob};

pub fn ui(ui: &mut egui::Ui, state: &State, view: &View, cmds: &mut Vec<Command>) {
    let Some(a) = &view.analysis else {
        ui.label("Analysing…");
        return;
    };
    let teaching = state.workspace.settings.teaching_mode && !view.revealed;
    match view
        .selected_topic
        .and_then(|t| a.topics.get(t).map(|topic| (t, topic)))
    {
        None => {
            ui.label(RichText::new("Select a topic on the left (or press the Down arrow) to compare how each article frames it.").weak());
            story_differences(ui, a);
        }
        Some((t, topic)) => {
            ui.heading(&topic.label);
            if !topic.terms.is_empty() {
                ui.label(
                    RichText::new(format!("Tied by: {}", topic.terms.join(", ")))
                        .small()
                        .weak(),
                );
            }
            ui.add_space(4.0);
            let diffs: Vec<_> = a.differences.iter().filter(|d| d.topic == t).collect();
            ui.label(RichText::new("How the articles differ").strong());
            if diffs.is_empty() {
                ui.label(RichText::new("No framing differences found for this topic.").weak());
            }
            for d in diffs {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("[{}]", d.kind)).small().weak());
                    ui.add(egui::Label::new(&d.summary).wrap());
                });
            }
            ui.add_space(6.0);
            ui.label(RichText::new("Article by article").strong());
            for i in 0..a.articles.len() {
                article_row(ui, a, view, t, i, teaching);
            }
            ui.add_space(6.0);
            let target = NoteTarget::Topic {
                label: topic.label.clone(),
            };
            match state.workspace.note(&target) {
                Some(n) => {
                    ui.label(RichText::new(format!("Your note: {n}")).italics());
                    if ui.small_button("Edit note…").clicked() {
                        cmds.push(Command::EditNote(target));
                    }
                }
                None => {
                    if ui.small_button("Add a note on this topic…").clicked() {
                        cmds.push(Command::EditNote(target));
                    }
                }
            }
        }
    }
    ui.separator();
    diff_ui(ui, a, view, cmds);
}

fn story_differences(ui: &mut egui::Ui, a: &Analysis) {
    if a.differences.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Differences across topics").strong());
    for d in a.differences.iter().take(40) {
        let label = a
            .topics
            .get(d.topic)
            .map(|t| t.label.as_str())
            .unwrap_or("");
        ui.add(egui::Label::new(format!("• {label}: {}", d.summary)).wrap());
    }
}

fn article_row(ui: &mut egui::Ui, a: &Analysis, view: &View, t: usize, i: usize, teaching: bool) {
    let topic = &a.topics[t];
    let entry = view.visible.get(i).copied().unwrap_or(i);
    let name = if teaching {
        format!("Article {}", article_letter(i))
    } else {
        format!("{} · {}", article_letter(i), a.articles[i].short_name())
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            chip(ui, article_colour(entry), topic.member(i).is_some());
            ui.label(RichText::new(name).strong());
        });
        let Some(m) = topic.member(i) else {
            ui.label(
                RichText::new("Does not mention this topic.").color(ui.visuals().warn_fg_color),
            );
            return;
        };
        let place = match m.placement {
            Placement::Headline => "in the headline".to_string(),
            Placement::Lede => "in the lede".to_string(),
            Placement::Body => format!("first in paragraph {}", m.first_paragraph + 1),
        };
        ui.label(format!(
            "{:.0}% of its text, {place}, {} sentence(s)",
            m.share * 100.0,
            m.sentences.len()
        ));
        let in_topic =
            |article: usize, sentence: usize| article == i && m.sentences.contains(&sentence);
        let quotes: Vec<_> = a
            .quotes
            .iter()
            .filter(|q| in_topic(q.article, q.sentence))
            .collect();
        for q in quotes {
            let who = q.speaker.as_deref().unwrap_or("unattributed");
            let verb = q.verb.as_deref().map(|v| {
                let class = q
                    .verb_class
                    .map(|c| format!(", {c:?}").to_lowercase())
                    .unwrap_or_default();
                format!(" — {v}{class}")
            });
            ui.add(
                egui::Label::new(format!("{who}{}: “{}”", verb.unwrap_or_default(), q.text)).wrap(),
            )
            .on_hover_text(&q.note);
        }
        let cues: Vec<_> = a
            .cues
            .iter()
            .filter(|c| in_topic(c.article, c.sentence))
            .collect();
        if !cues.is_empty() {
            let dark = ui.visuals().dark_mode;
            ui.horizontal_wrapped(|ui| {
                for c in cues {
                    let mark = Mark::of_category(&c.category);
                    ui.label(RichText::new(&c.text).background_color(mark.background(dark)))
                        .on_hover_text(format!("{}: {}", c.category, c.note));
                }
            });
        }
        if let Some(tone) = a.tones.iter().find(|x| x.article == i) {
            let vals: Vec<f32> = m
                .sentences
                .iter()
                .filter_map(|&s| tone.sentences.get(s).copied())
                .collect();
            if !vals.is_empty() {
                let mean = vals.iter().sum::<f32>() / vals.len() as f32;
                ui.label(
                    RichText::new(format!("tone {mean:+.2}"))
                        .small()
                        .color(super::theme::tone_colour(mean)),
                );
            }
        }
    });
}

/// The word-level diff of the selected aligned pair, with the pair's other partners to pick.
fn diff_ui(ui: &mut egui::Ui, a: &Analysis, view: &View, cmds: &mut Vec<Command>) {
    ui.label(RichText::new("Sentence diff").strong());
    let Some(((ia, sa), (ib, sb))) = view.diff_pair else {
        ui.label(RichText::new("Click a sentence that has aligned sentences (they light up when you hover) to see a word-level diff.").weak());
        return;
    };
    let (Some(x), Some(y)) = (
        a.articles.get(ia).and_then(|art| art.sentences.get(sa)),
        a.articles.get(ib).and_then(|art| art.sentences.get(sb)),
    ) else {
        return;
    };
    ui.label(
        RichText::new(format!(
            "{} ¶{} → {} ¶{}",
            article_letter(ia),
            x.paragraph + 1,
            article_letter(ib),
            y.paragraph + 1
        ))
        .small(),
    );
    let dark = ui.visuals().dark_mode;
    let removed_bg = if dark {
        egui::Color32::from_rgb(0x6b, 0x2a, 0x00)
    } else {
        egui::Color32::from_rgb(0xf6, 0xd5, 0xc0)
    };
    let added_bg = if dark {
        egui::Color32::from_rgb(0x00, 0x4d, 0x38)
    } else {
        egui::Color32::from_rgb(0xc5, 0xeb, 0xdf)
    };
    let mut job = LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text_colour = ui.visuals().text_color();
    for op in crate::frame::diff::word_diff(&x.text, &y.text) {
        let mut fmt = egui::TextFormat::simple(font.clone(), text_colour);
        match op.kind {
            crate::frame::diff::DiffKind::Equal => {}
            crate::frame::diff::DiffKind::Delete => {
                fmt.background = removed_bg;
                fmt.strikethrough = egui::Stroke::new(1.0, text_colour);
            }
            crate::frame::diff::DiffKind::Insert => {
                fmt.background = added_bg;
                fmt.underline = egui::Stroke::new(1.0, text_colour);
            }
        }
        job.append(&op.text, 0.0, fmt);
    }
    job.wrap.max_width = ui.available_width();
    ui.label(job);
    ui.label(
        RichText::new("struck through: only in the first sentence; underlined: only in the second")
            .small()
            .weak(),
    );
    if let Some(partners) = view.index.partners.get(&(ia, sa))
        && partners.len() > 1
    {
        ui.label(RichText::new("Other aligned sentences:").small());
        for ((pa, ps), score, _) in partners {
            if (*pa, *ps) == (ib, sb) {
                continue;
            }
            let Some(s) = a.articles.get(*pa).and_then(|art| art.sentences.get(*ps)) else {
                continue;
            };
            let short: String = s.text.chars().take(70).collect();
            if ui
                .small_button(format!("{} ({score:.2}): {short}…", article_letter(*pa)))
                .clicked()
            {
                cmds.push(Command::ShowDiff((ia, sa), (*pa, *ps)));
            }
        }
    }
}
