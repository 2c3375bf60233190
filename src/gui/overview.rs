//! The overview: per article tone, hedge density, quotes by speaker and frame dimensions, as
//! painted bars, so differences can be seen rather than read.

use super::app::{State, View};
use super::theme;
use egui::{Color32, RichText, Sense, vec2};

fn bar(ui: &mut egui::Ui, fraction: f32, colour: Color32, text: String) {
    let w = (ui.available_width() - 90.0).clamp(60.0, 220.0);
    let (rect, resp) = ui.allocate_exact_size(vec2(w, 14.0), Sense::hover());
    ui.painter()
        .rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
    let mut filled = rect;
    filled.set_width(w * fraction.clamp(0.0, 1.0));
    ui.painter().rect_filled(filled, 2.0, colour);
    resp.on_hover_text(text);
}

/// A bar centred on zero for values in -1..1.
fn signed_bar(ui: &mut egui::Ui, value: f32, text: String) {
    let w = (ui.available_width() - 90.0).clamp(60.0, 220.0);
    let (rect, resp) = ui.allocate_exact_size(vec2(w, 14.0), Sense::hover());
    ui.painter()
        .rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
    let mid = rect.center().x;
    let end = mid + value.clamp(-1.0, 1.0) * w / 2.0;
    let r = egui::Rect::from_x_y_ranges(mid.min(end)..=mid.max(end), rect.y_range());
    ui.painter().rect_filled(r, 2.0, theme::tone_colour(value));
    ui.painter().vline(
        mid,
        rect.y_range(),
        egui::Stroke::new(1.0, ui.visuals().weak_text_color()),
    );
    resp.on_hover_text(text);
}

pub fn ui(ui: &mut egui::Ui, state: &State, view: &View) {
    let Some(a) = &view.analysis else {
        ui.label("Analysing…");
        return;
    };
    let teaching = state.workspace.settings.teaching_mode && !view.revealed;
    let name = |i: usize| {
        if teaching {
            format!("Article {}", view.letter(i))
        } else {
            format!("{} · {}", view.letter(i), a.articles[i].short_name())
        }
    };
    let stats = &view.index.stats;
    let stat = |i: usize| stats.get(i).cloned().unwrap_or_default();
    ui.label(RichText::new("Tone (average sentence)").strong());
    for i in 0..a.articles.len() {
        let mean = stat(i).tone;
        ui.label(RichText::new(name(i)).small());
        ui.horizontal(|ui| {
            signed_bar(ui, mean, format!("{mean:+.2} (VADER compound, −1 to +1)"));
            ui.label(RichText::new(format!("{mean:+.2}")).small());
        });
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Hedges and boosters per 100 words").strong());
    let max = stats
        .iter()
        .map(|s| s.hedges_per_100.max(s.boosters_per_100))
        .fold(0.5, f32::max);
    for i in 0..a.articles.len() {
        let (h, b) = (stat(i).hedges_per_100, stat(i).boosters_per_100);
        ui.label(RichText::new(name(i)).small());
        ui.horizontal(|ui| {
            bar(
                ui,
                h / max,
                theme::Mark::Hedge.background(true),
                format!("{h:.1} hedges per 100 words"),
            );
            ui.label(RichText::new(format!("hedges {h:.1}")).small());
        });
        ui.horizontal(|ui| {
            bar(
                ui,
                b / max,
                theme::Mark::Booster.background(true),
                format!("{b:.1} boosters/intensifiers per 100 words"),
            );
            ui.label(RichText::new(format!("boosters {b:.1}")).small());
        });
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Who is heard (quoted or reported)").strong());
    for i in 0..a.articles.len() {
        let by = stat(i).voices;
        ui.label(RichText::new(name(i)).small().color(view.colour(i)));
        if by.is_empty() {
            ui.label(
                RichText::new("no quoted or reported speaker")
                    .small()
                    .weak(),
            );
        }
        let total: usize = by.iter().map(|x| x.1).sum();
        for (who, n) in by {
            ui.horizontal(|ui| {
                bar(
                    ui,
                    n as f32 / total.max(1) as f32,
                    theme::Mark::Quote.background(true),
                    format!("{n} voice(s)"),
                );
                ui.label(RichText::new(format!("{who} ({n})")).small());
            });
        }
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Frame dimensions").strong());
    for i in 0..a.articles.len() {
        let v = stat(i).frames;
        ui.label(RichText::new(name(i)).small());
        if v.is_empty() {
            ui.label(RichText::new("no frame cues").small().weak());
            continue;
        }
        let top = v[0].1.max(1) as f32;
        for (dim, n) in v.into_iter().take(5) {
            ui.horizontal(|ui| {
                bar(
                    ui,
                    n as f32 / top,
                    theme::Mark::Frame.background(true),
                    format!("{n} cue(s)"),
                );
                ui.label(RichText::new(format!("{} ({n})", dim.replace('_', " "))).small());
            });
        }
    }
}
