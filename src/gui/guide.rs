//! The reading guide (Help > Reading guide): what the marks and colours in the columns mean, the
//! tone scale, the coverage chips, the change map, the pager and the word diff.

use super::app::View;
use super::columns::{MIN_READABLE, topic_colour};
use super::library::chip;
use super::theme::{self, Mark};
use egui::{RichText, Sense, vec2};

/// Draws the guide's window while it is open.
pub fn window(ctx: &egui::Context, view: &mut View) {
    if !view.show_guide {
        return;
    }
    let mut open = true;
    egui::Window::new("Reading guide")
        .open(&mut open)
        .default_size([520.0, 560.0])
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, contents);
        });
    if !open {
        view.show_guide = false;
    }
}

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).strong());
}

fn contents(ui: &mut egui::Ui) {
    let dark = ui.visuals().dark_mode;
    heading(ui, "Marks in the text");
    ui.label("Words are tinted by what framediff found in them; hover a mark in the columns for the reason it was marked.");
    egui::Grid::new("guide_marks")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for mark in Mark::ALL {
                ui.label(
                    RichText::new(format!(" {} ", mark.name()))
                        .background_color(mark.background(dark)),
                );
                ui.add(egui::Label::new(mark.explain()).wrap());
                ui.end_row();
            }
            ui.label(RichText::new(" said ").underline());
            ui.add(egui::Label::new(Mark::NeutralVerb.explain()).wrap());
            ui.end_row();
            ui.label(RichText::new(" search ").background_color(Mark::Find.background(dark)));
            ui.add(egui::Label::new(Mark::Find.explain()).wrap());
            ui.end_row();
        });
    heading(ui, "Colours around the text");
    ui.horizontal_wrapped(|ui| {
        for t in 0..5 {
            swatch(ui, topic_colour(t), vec2(4.0, 14.0));
        }
        ui.label("The strip left of a sentence is the colour of its topic; the same colour marks the topic in the change map.");
    });
    ui.horizontal_wrapped(|ui| {
        for k in 0..4 {
            swatch(ui, theme::article_colour(k), vec2(14.0, 4.0));
        }
        ui.label("Each article keeps its letter and colour (column head, chips, change map) while it is in the workspace.");
    });
    ui.add(
        egui::Label::new(
            "Bold, shaded sentences are aligned with the one under the pointer (or the one you \
             clicked); ribbons join them across neighbouring columns. Evidence of a selected \
             difference flashes yellow, then stays shaded.",
        )
        .wrap(),
    );
    heading(ui, "Tone");
    ui.horizontal(|ui| {
        ui.label("−1");
        let (rect, _) = ui.allocate_exact_size(vec2(200.0, 12.0), Sense::hover());
        let steps = 40;
        for k in 0..steps {
            let x0 = rect.left() + rect.width() * k as f32 / steps as f32;
            let x1 = rect.left() + rect.width() * (k + 1) as f32 / steps as f32;
            let tone = -1.0 + 2.0 * (k as f32 + 0.5) / steps as f32;
            ui.painter().rect_filled(
                egui::Rect::from_x_y_ranges(x0..=x1, rect.y_range()),
                0.0,
                theme::tone_colour(tone),
            );
        }
        ui.label("+1");
    });
    ui.add(
        egui::Label::new(
            "\"tone\" is the average VADER compound score of sentences (of the article in a \
             column head, of a topic's sentences on the card): −1 strongly negative wording, 0 \
             neutral, +1 strongly positive. It scores words, not the article's stance or its \
             accuracy; grey is near 0, vermillion negative, green positive.",
        )
        .wrap(),
    );
    heading(ui, "Coverage chips");
    ui.horizontal_wrapped(|ui| {
        chip(ui, theme::article_colour(0), true);
        ui.label("filled: the article speaks of the topic (hover for how many sentences, its share of the text and where it starts)");
    });
    ui.horizontal_wrapped(|ui| {
        chip(ui, theme::article_colour(1), false);
        ui.label("hollow: no sentence of the article is aligned to the topic; it may still report it in other words, and \"does not mention\" is said only where the analysis checked that its closest sentence is unrelated (in the library: the article is hidden)");
    });
    heading(ui, "Change map");
    ui.add(
        egui::Label::new(
            "The strip right of the columns has one lane per article (its letter on top), each \
             the whole article from top to bottom. Bands in a topic's colour show where the \
             article speaks of a topic another article shares; short ticks on a lane's right \
             edge are evidence sentences of the differences on the framing card (a selected \
             difference's ticks cross the lane in yellow); the frame is the part the column shows. Hover it to see what \
             lies there; click to scroll the columns there (the other columns go to the aligned \
             sentence, else to the same topic).",
        )
        .wrap(),
    );
    heading(ui, "Columns that fit");
    ui.add(
        egui::Label::new(format!(
            "A column is never narrower than about {MIN_READABLE:.0} points. When the window or \
             the text size leaves no room for every article, the columns page: \"Columns B–C of \
             8\" says which are shown, the arrows beside it (Alt+Left / Alt+Right) page, and Show: chooses the \
             article for each place, for example a pair to compare."
        ))
        .wrap(),
    );
    heading(ui, "Word diff");
    ui.add(
        egui::Label::new(
            "Clicking a sentence with aligned sentences opens the word diff beside it: words \
             struck through are only in the clicked sentence, underlined words only in its \
             partner. Other aligned sentences are listed under it to compare instead.",
        )
        .wrap(),
    );
}

fn swatch(ui: &mut egui::Ui, colour: egui::Color32, size: egui::Vec2) {
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    ui.painter().rect_filled(rect, 1.0, colour);
}
