//! The word diff of a clicked sentence and its aligned partner, opened beside the sentence in
//! the reading columns (a popup anchored to the sentence's rectangle, above or below it,
//! whichever has more room), with the sentence's other aligned partners to pick.

use super::app::{Command, View};
use crate::analysis::Analysis;
use egui::{Align2, Id, Order, Rect, RichText, pos2, text::LayoutJob};

/// The popup's width: the sentence's column, at least this wide when the window allows.
const MIN_WIDTH: f32 = 340.0;

/// Draws the word diff of `view.diff_pair` beside its first sentence, drawn at `sentence` in a
/// column that shows `column`, inside `area` (the columns' panel). Nothing when the sentence is
/// scrolled out of its column.
pub fn popup(
    ctx: &egui::Context,
    area: Rect,
    column: Rect,
    sentence: Rect,
    view: &View,
    cmds: &mut Vec<Command>,
) -> Option<Rect> {
    let a = view.analysis.as_deref()?;
    if !column.intersects(sentence) || !column.is_positive() {
        return None;
    }
    let width = column
        .width()
        .max(MIN_WIDTH)
        .min(area.width() - 8.0)
        .max(120.0);
    let x = sentence
        .left()
        .min(column.left())
        .min(area.right() - width - 8.0)
        .max(area.left() + 2.0);
    let below = area.bottom() - sentence.bottom();
    let above = sentence.top() - area.top();
    let (pos, pivot) = if below >= above {
        (pos2(x, sentence.bottom() + 4.0), Align2::LEFT_TOP)
    } else {
        (pos2(x, sentence.top() - 4.0), Align2::LEFT_BOTTOM)
    };
    let resp = egui::Area::new(Id::unique("word_diff_popup"))
        .order(Order::Foreground)
        .fixed_pos(pos)
        .pivot(pivot)
        .constrain_to(area)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(width - 16.0);
                egui::ScrollArea::vertical()
                    .max_height((below.max(above) - 24.0).max(120.0))
                    .show(ui, |ui| contents(ui, a, view, cmds));
            });
        });
    Some(resp.response.rect)
}

/// The word-level diff of the selected aligned pair, with the pair's other partners to pick.
fn contents(ui: &mut egui::Ui, a: &Analysis, view: &View, cmds: &mut Vec<Command>) {
    let Some(((ia, sa), (ib, sb))) = view.diff_pair else {
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
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Word diff").strong());
        ui.label(
            RichText::new(format!(
                "{} ¶{} – {} ¶{}",
                view.letter(ia),
                x.paragraph + 1,
                view.letter(ib),
                y.paragraph + 1
            ))
            .small(),
        );
        let pair = view
            .index
            .partners
            .get(&(ia, sa))
            .and_then(|ps| ps.iter().find(|p| p.0 == (ib, sb)));
        if pair.is_some_and(|p| super::edits::is_user_link(view, p.2)) {
            super::edits::tag(ui, &["linked these sentences".to_string()]);
        }
        if pair.is_some()
            && ui
                .small_button("Unlink")
                .on_hover_text("These sentences do not belong together: remove the alignment")
                .clicked()
        {
            cmds.push(Command::Edit(super::edits::EditCmd::Unlink(
                (ia, sa),
                (ib, sb),
            )));
        }
        if ui
            .small_button("Close")
            .on_hover_text("Close the word diff (Esc clears the selection)")
            .clicked()
        {
            cmds.push(Command::CloseDiff);
        }
    });
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
                .add(
                    egui::Button::new(
                        RichText::new(format!("{} ({score:.2}): {short}…", view.letter(*pa)))
                            .small(),
                    )
                    .wrap(),
                )
                .clicked()
            {
                cmds.push(Command::ShowDiff((ia, sa), (*pa, *ps)));
            }
        }
    }
}
