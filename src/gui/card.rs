//! The framing card of the selected topic (coverage, quotes, cues and the generated
//! differences, article by article). The word diff of a clicked sentence opens beside it in the
//! columns (see `worddiff`).

use super::app::{Command, State, View};
use super::library::chip;
use super::menu::{NEXT_DIFFERENCE, PREV_DIFFERENCE};
use super::theme::Mark;
use crate::align::Placement;
use crate::analysis::Analysis;
use crate::model::ArticleId;
use crate::workspace::NoteTarget;
use egui::RichText;

/// Differences listed per story (and per topic) until the reader asks for all of them: the
/// most telling first (`DifferenceKind::rank`).
pub const SHOWN_DIFFERENCES: usize = 15;

pub fn ui(ui: &mut egui::Ui, state: &State, view: &View, cmds: &mut Vec<Command>) {
    let Some(a) = &view.analysis else {
        ui.label("Analysing…");
        return;
    };
    let teaching = state.workspace.settings.teaching_mode && !view.revealed;
    super::edits::summary_line(ui, state, view, cmds);
    match view
        .selected_topic
        .and_then(|t| a.topics.get(t).map(|topic| (t, topic)))
    {
        None => {
            ui.label(
                RichText::new(if view.articles_panel_shown {
                    "Select a topic on the left (or press the Down arrow) to compare how each article frames it."
                } else {
                    "Press the Down arrow to select a topic (the topics are listed in the articles panel, Ctrl+B) and compare how each article frames it."
                })
                .weak(),
            );
            story_differences(ui, a, view, cmds);
        }
        Some((t, topic)) => {
            ui.horizontal_wrapped(|ui| {
                ui.heading(&topic.label);
                super::edits::topic_tag(ui, view, t);
            });
            super::edits::topic_controls(ui, a, view, t, cmds);
            if !topic.terms.is_empty() {
                ui.label(
                    RichText::new(format!("Tied by: {}", topic.terms.join(", ")))
                        .small()
                        .weak(),
                );
            }
            ui.add_space(4.0);
            let diffs: Vec<usize> = (0..a.differences.len())
                .filter(|&k| a.differences[k].topic == t)
                .collect();
            differences_header(ui, "How the articles differ", cmds);
            if diffs.is_empty() {
                ui.label(RichText::new("No framing differences found for this topic.").weak());
            }
            let total = diffs.len();
            for k in shown(diffs, view) {
                difference_row(ui, a, view, k, None, cmds);
            }
            show_all_button(ui, view, total, cmds);
            naming(ui, a, view, t, cmds);
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
    ui.label(
        RichText::new(
            "Click a sentence that has aligned sentences (they light up when you hover): its \
             word-level diff opens beside it in the columns.",
        )
        .small()
        .weak(),
    );
}

/// The first [`SHOWN_DIFFERENCES`] of `list`, or all of it when the reader asked for all.
fn shown(list: Vec<usize>, view: &View) -> Vec<usize> {
    if view.all_differences {
        list
    } else {
        list.into_iter().take(SHOWN_DIFFERENCES).collect()
    }
}

/// "Show all N differences" under a list longer than [`SHOWN_DIFFERENCES`] (and the way back).
fn show_all_button(ui: &mut egui::Ui, view: &View, total: usize, cmds: &mut Vec<Command>) {
    if total <= SHOWN_DIFFERENCES {
        return;
    }
    let text = if view.all_differences {
        format!("Show only the {SHOWN_DIFFERENCES} most telling")
    } else {
        format!("Show all {total} differences")
    };
    if ui.small_button(text).clicked() {
        cmds.push(Command::ShowAllDifferences(!view.all_differences));
    }
}

/// Each story's differences, most telling first: [`SHOWN_DIFFERENCES`] of them unless the
/// reader asks for all.
fn story_differences(ui: &mut egui::Ui, a: &Analysis, view: &View, cmds: &mut Vec<Command>) {
    if a.differences.is_empty() {
        return;
    }
    ui.add_space(6.0);
    differences_header(ui, "Differences across topics", cmds);
    for story in &a.stories {
        let mut list = super::evidence::story_differences(a, story.id);
        if list.is_empty() {
            continue;
        }
        list.sort_by_key(|&k| a.differences[k].kind.rank());
        if a.stories.len() > 1 {
            let names: Vec<String> = story.articles.iter().map(|&i| view.letter(i)).collect();
            ui.label(RichText::new(format!("Story of {}", names.join(", "))).small());
        }
        let total = list.len();
        for k in shown(list, view) {
            let label = a
                .topics
                .get(a.differences[k].topic)
                .map(|t| t.label.as_str());
            difference_row(ui, a, view, k, label, cmds);
        }
        show_all_button(ui, view, total, cmds);
    }
}

/// A heading over the differences with the *Previous / Next difference* buttons.
fn differences_header(ui: &mut egui::Ui, title: &str, cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).strong());
        let sc = |s: &egui::KeyboardShortcut| ui.ctx().format_shortcut(s);
        let (prev, next) = (sc(&PREV_DIFFERENCE), sc(&NEXT_DIFFERENCE));
        if arrow_button(ui, egui::Direction::TopDown, "Next difference")
            .on_hover_text(format!("Next difference ({next})"))
            .clicked()
        {
            cmds.push(Command::StepDifference(1));
        }
        if arrow_button(ui, egui::Direction::BottomUp, "Previous difference")
            .on_hover_text(format!("Previous difference ({prev})"))
            .clicked()
        {
            cmds.push(Command::StepDifference(-1));
        }
    });
}

/// A small button with a painted triangle pointing `to` (the default fonts have no ▼ ▲ ◀ ▶
/// glyphs), named `name` for screen readers.
pub fn arrow_button(ui: &mut egui::Ui, to: egui::Direction, name: &str) -> egui::Response {
    let size = egui::vec2(18.0, 16.0);
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::click());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), name));
    if ui.is_rect_visible(rect) {
        let v = ui.style().interact(&resp);
        ui.painter().rect(
            rect,
            3.0,
            v.weak_bg_fill,
            v.bg_stroke,
            egui::StrokeKind::Inside,
        );
        let c = rect.center();
        let (w, h) = (4.5, 3.5);
        let points = match to {
            egui::Direction::TopDown => vec![
                egui::pos2(c.x - w, c.y - h),
                egui::pos2(c.x + w, c.y - h),
                egui::pos2(c.x, c.y + h),
            ],
            egui::Direction::BottomUp => vec![
                egui::pos2(c.x - w, c.y + h),
                egui::pos2(c.x, c.y - h),
                egui::pos2(c.x + w, c.y + h),
            ],
            egui::Direction::LeftToRight => vec![
                egui::pos2(c.x - h, c.y - w),
                egui::pos2(c.x + h, c.y),
                egui::pos2(c.x - h, c.y + w),
            ],
            egui::Direction::RightToLeft => vec![
                egui::pos2(c.x + h, c.y - w),
                egui::pos2(c.x - h, c.y),
                egui::pos2(c.x + h, c.y + w),
            ],
        };
        ui.painter().add(egui::Shape::convex_polygon(
            points,
            v.fg_stroke.color,
            egui::Stroke::NONE,
        ));
    }
    resp
}

/// One difference: click to select it and scroll the columns to its evidence; an omission
/// also shows the closest passage of each article said to leave the topic out.
fn difference_row(
    ui: &mut egui::Ui,
    a: &Analysis,
    view: &View,
    k: usize,
    topic_label: Option<&str>,
    cmds: &mut Vec<Command>,
) {
    let d = &a.differences[k];
    let selected = view.selected_difference == Some(k);
    let fill = if selected {
        ui.visuals().selection.bg_fill.gamma_multiply(0.45)
    } else {
        egui::Color32::TRANSPARENT
    };
    let text = match topic_label {
        Some(l) => format!("{l}: {}", view.summary(d)),
        None => view.summary(d).into_owned(),
    };
    egui::Frame::new()
        .fill(fill)
        .corner_radius(3.0)
        .inner_margin(egui::Margin::symmetric(3, 1))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let clicked = ui
                .horizontal_wrapped(|ui| {
                    let kind = ui.add(
                        egui::Label::new(RichText::new(format!("[{}]", d.kind)).small().weak())
                            .sense(egui::Sense::click()),
                    );
                    let mut rt = RichText::new(text);
                    if selected {
                        rt = rt.strong();
                    }
                    if super::edits::is_wrong(view, k) {
                        rt = rt.strikethrough().weak();
                    }
                    let summary = ui
                        .add(egui::Label::new(rt).wrap().sense(egui::Sense::click()))
                        .on_hover_text("Show the evidence in the articles")
                        .on_hover_cursor(egui::CursorIcon::PointingHand);
                    super::edits::difference_controls(ui, view, k, cmds);
                    kind.clicked() || summary.clicked()
                })
                .inner;
            if clicked {
                cmds.push(Command::SelectDifference(if selected {
                    None
                } else {
                    Some(k)
                }));
            }
            if !matches!(
                d.kind,
                crate::frame::DifferenceKind::Omission | crate::frame::DifferenceKind::Unaligned
            ) {
                return;
            }
            for c in view
                .index
                .evidence
                .get(k)
                .into_iter()
                .flat_map(|e| &e.closest)
            {
                let Some(s) = a
                    .articles
                    .get(c.article.index())
                    .and_then(|art| art.sentences.get(c.sentence))
                else {
                    continue;
                };
                let short: String = s.text.chars().take(90).collect();
                let more = if short.len() < s.text.len() {
                    "…"
                } else {
                    ""
                };
                let what = match c.aligned_to {
                    Some((p, _)) => format!(
                        "In {}, under another topic, aligned with {}'s sentence here:",
                        view.letter(c.article),
                        view.letter(p)
                    ),
                    None => format!(
                        "Closest passage in {}, not aligned (word overlap {:.2}):",
                        view.letter(c.article),
                        c.score
                    ),
                };
                ui.label(RichText::new(what).small().weak());
                if ui
                    .add(
                        egui::Button::new(RichText::new(format!("“{short}{more}”")).italics())
                            .wrap()
                            .small(),
                    )
                    .on_hover_text("Scroll to this sentence so you can check the claim")
                    .clicked()
                {
                    cmds.push(Command::ShowPassage((c.article, c.sentence)));
                }
            }
        });
}

/// How many actors the naming view lists for a topic.
const NAMING_ROWS: usize = 8;

/// How each article names the actors of topic `t` ("A: Putin, the Russian leader · B: the
/// Kremlin chief"): the named people, groups and places with a mention in the topic's sentences
/// (`Analysis::entities`), those named by most articles first; each naming is one click from
/// its sentence.
fn naming(ui: &mut egui::Ui, a: &Analysis, view: &View, t: usize, cmds: &mut Vec<Command>) {
    use crate::frame::entities::{Entity, EntityMention};
    type Row<'a> = (
        &'a Entity,
        Vec<(ArticleId, Vec<(&'a str, &'a EntityMention)>)>,
    );
    let Some(topic) = a.topics.get(t) else {
        return;
    };
    let mut rows: Vec<Row> = (view.index.actors(t).iter())
        .filter_map(|&k| a.entities.get(k))
        .filter_map(|e| {
            let per: Vec<_> = (topic.members.iter())
                .map(|m| {
                    let names = e.namings(m.article, |s| m.sentences.binary_search(&s).is_ok());
                    (m.article, names)
                })
                .filter(|(_, names)| !names.is_empty())
                .collect();
            (!per.is_empty()).then_some((e, per))
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let weight = |r: &Row| (r.1.len(), r.1.iter().map(|x| x.1.len()).sum::<usize>());
    rows.sort_by(|x, y| weight(y).cmp(&weight(x)).then(x.0.id.cmp(&y.0.id)));
    ui.add_space(6.0);
    ui.label(RichText::new("How the articles name the actors").strong())
        .on_hover_text("People, groups and places of this topic, and the names and descriptions each article gives them. Click a name to see its sentence.");
    for (e, per) in rows.iter().take(NAMING_ROWS) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", e.name)).strong());
            for (k, (article, names)) in per.iter().enumerate() {
                if k > 0 {
                    ui.label(RichText::new("·").weak());
                }
                ui.label(
                    RichText::new(format!("{}:", view.letter(*article)))
                        .color(view.colour(*article)),
                );
                for (n, (text, m)) in names.iter().enumerate() {
                    let shown = if n + 1 < names.len() {
                        format!("{text},")
                    } else {
                        text.to_string()
                    };
                    if ui.link(shown).on_hover_text("Show this sentence").clicked() {
                        cmds.push(Command::ShowPassage((m.article, m.sentence)));
                    }
                }
            }
        });
    }
    if rows.len() > NAMING_ROWS {
        ui.label(
            RichText::new(format!(
                "and {} more in the JSON export",
                rows.len() - NAMING_ROWS
            ))
            .small()
            .weak(),
        );
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
            // said only when the analysis checked it (see frame::compare::omission)
            let text = if a.omission_checked(t, ArticleId(i)) {
                "Does not mention this topic (its closest sentence is unrelated)."
            } else {
                "No sentence in this topic; it may report it in other words or under another topic (see the passage above)."
            };
            ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
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
            // reported speech is the writer's wording: shown without quotation marks
            let said = match v.kind {
                crate::frame::QuoteKind::Direct => format!("{who}{verb}: “{}”", v.text),
                crate::frame::QuoteKind::Indirect => format!("{who}{verb} (reported, not quoted): {}", v.text),
            };
            ui.add(egui::Label::new(RichText::new(said).background_color(Mark::Quote.background(dark))).wrap());
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
