//! The framing card of the selected topic (coverage, quotes, cues and the generated
//! differences, article by article) and the word-level diff of a selected aligned pair.

use super::app::{Command, State, View};
use super::library::chip;
use super::theme::Mark;
use crate::align::Placement;
use crate::analysis::Analysis;
use crate::model::ArticleId;
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
            story_differences(ui, a, view);
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
                    ui.add(egui::Label::new(view.summary(d)).wrap());
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

fn story_differences(ui: &mut egui::Ui, a: &Analysis, view: &View) {
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
        ui.add(egui::Label::new(format!("• {label}: {}", view.summary(d))).wrap());
    }
}

fn article_row(ui: &mut egui::Ui, a: &Analysis, view: &View, t: usize, i: usize, teaching: bool) {
    let name = if teaching {
        format!("Article {}", view.letter(i))
    } else {
        format!("{} · {}", view.letter(i), a.articles[i].short_name())
    };
    let Some(row) = a
        .tables
        .iter()
        .find(|x| x.topic == t)
        .and_then(|x| x.rows.iter().find(|r| r.article == ArticleId(i)))
    else {
        return; // another story's article
    };
    let dark = ui.visuals().dark_mode;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            chip(ui, view.colour(i), row.covered);
            ui.label(RichText::new(name).strong());
        });
        if !row.covered {
            ui.label(RichText::new("Does not mention this topic.").color(ui.visuals().warn_fg_color));
            return;
        }
        let place = match row.placement {
            Some(Placement::Headline) => "in the headline".to_string(),
            Some(Placement::Lede) => "in the lede".to_string(),
            _ => format!("first in paragraph {}", row.first_paragraph.unwrap_or(0) + 1),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{:.0}% of its text, {place}", row.share * 100.0));
            if let Some(tone) = row.tone {
                ui.label(RichText::new(format!("tone {tone:+.2}")).color(super::theme::tone_colour(tone)))
                    .on_hover_text("Average VADER compound score of the topic's sentences (−1 negative, +1 positive).");
            }
        });
        for v in &row.voices {
            let who = match &v.speaker_role {
                Some(role) => format!("{} ({role})", v.speaker),
                None => v.speaker.clone(),
            };
            let verb = match (&v.verb, v.verb_class) {
                (Some(verb), Some(c)) => format!(" — “{verb}”, {}", crate::frame::verbs::class_name(c)),
                (Some(verb), None) => format!(" — “{verb}”"),
                _ => String::new(),
            };
            ui.add(egui::Label::new(RichText::new(format!("{who}{verb}: “{}”", v.text)).background_color(Mark::Quote.background(dark))).wrap());
        }
        let line = |ui: &mut egui::Ui, what: &str, words: &[String], mark: Mark| {
            if words.is_empty() {
                return;
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{what}:")).small().weak());
                for w in words {
                    ui.label(RichText::new(w).background_color(mark.background(dark))).on_hover_text(mark.explain());
                }
            });
        };
        let verbs: Vec<String> = row
            .verbs
            .iter()
            .filter(|v| v.1 != crate::frame::VerbClass::Neutral)
            .map(|(w, c)| format!("{w} ({})", crate::frame::verbs::class_name(*c)))
            .collect();
        line(ui, "Verbs", &verbs, Mark::Attribution);
        line(ui, "Hedges", &row.hedges, Mark::Hedge);
        line(ui, "Boosters", &row.boosters, Mark::Booster);
        line(ui, "Loaded", &row.loaded, Mark::Loaded);
        let labels: Vec<String> = row.labels.iter().map(|(w, _)| w.clone()).collect();
        line(ui, "Labels", &labels, Mark::Label);
        line(ui, "Techniques", &row.techniques, Mark::Technique);
        let frames: Vec<String> = row.frames.iter().take(3).map(|(d, n)| format!("{} ×{n}", d.replace('_', " "))).collect();
        line(ui, "Frames", &frames, Mark::Frame);
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
        a.articles
            .get(ia.index())
            .and_then(|art| art.sentences.get(sa)),
        a.articles
            .get(ib.index())
            .and_then(|art| art.sentences.get(sb)),
    ) else {
        return;
    };
    ui.label(
        RichText::new(format!(
            "{} ¶{} → {} ¶{}",
            view.letter(ia),
            x.paragraph + 1,
            view.letter(ib),
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
    // the analysis holds the word diff of every aligned pair (alignment k ↔ diffs[k]); read it
    // in the direction shown, and compute one only for a pair the analysis did not align
    use crate::frame::diff::{DiffKind, DiffOp};
    let stored = view
        .index
        .partners
        .get(&(ia, sa))
        .and_then(|ps| ps.iter().find(|p| p.0 == (ib, sb)))
        .and_then(|p| a.diffs.get(p.2));
    let ops: Vec<DiffOp> = match stored {
        Some(d) if d.a == (ia, sa) => d.ops.clone(),
        Some(d) => d
            .ops
            .iter()
            .map(|op| DiffOp {
                kind: match op.kind {
                    DiffKind::Delete => DiffKind::Insert,
                    DiffKind::Insert => DiffKind::Delete,
                    DiffKind::Equal => DiffKind::Equal,
                },
                text: op.text.clone(),
            })
            .collect(),
        None => crate::frame::diff::word_diff(&x.text, &y.text),
    };
    for op in ops {
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
            let Some(s) = a
                .articles
                .get(pa.index())
                .and_then(|art| art.sentences.get(*ps))
            else {
                continue;
            };
            let short: String = s.text.chars().take(70).collect();
            if ui
                .small_button(format!("{} ({score:.2}): {short}…", view.letter(*pa)))
                .clicked()
            {
                cmds.push(Command::ShowDiff((ia, sa), (*pa, *ps)));
            }
        }
    }
}
