//! Side-by-side reading columns, one per article, with highlighted quotes and cues (hover
//! explains), topic strips in the gutter, ribbons to aligned sentences in the neighbouring
//! columns, scrolling to a topic, synchronised scrolling and find matches. Columns keep a
//! readable width: when the window (or the text size) leaves less than [`MIN_READABLE`] per
//! column, only as many columns as fit are shown, with a pager to page through them or choose
//! which to show; the change map (see `changemap`) beside them covers every article.

use super::app::{Command, State, View};
use super::index::{Index, SentenceRef};
use super::theme::{self, Mark, article_colour};
use crate::analysis::Analysis;
use crate::frame::CueKind;
use crate::model::ArticleId;
use crate::workspace::NoteTarget;
use egui::{
    Align, Color32, Id, LayerId, Order, Rect, RichText, Sense, Stroke, UiBuilder, pos2, vec2,
};
use std::collections::HashMap;

/// Layout facts kept between frames.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Scroll offset of each column at the end of the last frame.
    offsets: Vec<f32>,
    /// Offsets to apply to columns on the next frame (synchronised scrolling).
    pending: Vec<Option<f32>>,
    /// (article, paragraph) → (width, top within the content, height).
    paras: HashMap<(usize, usize), (f32, f32, f32)>,
    /// On-screen rectangles of the sentences drawn this frame.
    pub rects: HashMap<SentenceRef, Rect>,
    /// Visible rectangle of each column's text.
    pub columns: Vec<Rect>,
    /// Until this time (egui seconds) columns are being scrolled by the app, not the user.
    programmatic_until: f64,
    /// The articles shown as columns, left to right (all of them when they fit).
    pub shown: Vec<usize>,
    /// How many columns fit at a readable width (last frame).
    pub fit: usize,
    /// Where the change map was drawn (last frame).
    pub map_rect: Rect,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            offsets: Vec::new(),
            pending: Vec::new(),
            paras: HashMap::new(),
            rects: HashMap::new(),
            columns: Vec::new(),
            programmatic_until: 0.0,
            shown: Vec::new(),
            fit: 0,
            map_rect: Rect::NOTHING,
        }
    }
}

impl Layout {
    /// The scroll offset of analysed article `i`'s column at the end of the last frame.
    pub fn offset(&self, i: usize) -> Option<f32> {
        self.offsets.get(i).copied()
    }

    /// Makes `shown` a valid choice of `fit` of `n` columns, keeping what it can; then, when
    /// an article in `wanted` is not shown, shows the wanted ones (in article order, as many as
    /// fit) with the columns shown before filling the rest.
    fn choose(&mut self, n: usize, fit: usize, wanted: &[usize]) {
        let fit = fit.clamp(1, n.max(1)).min(n);
        let mut shown: Vec<usize> = Vec::with_capacity(fit);
        for &i in &self.shown {
            if i < n && !shown.contains(&i) && shown.len() < fit {
                shown.push(i);
            }
        }
        if wanted.iter().any(|w| *w < n && !shown.contains(w)) {
            let old = std::mem::take(&mut shown);
            let mut w: Vec<usize> = wanted.iter().copied().filter(|&i| i < n).collect();
            w.sort_unstable();
            w.dedup();
            shown.extend(w.into_iter().take(fit));
            for i in old {
                if shown.len() < fit && !shown.contains(&i) {
                    shown.push(i);
                }
            }
        }
        // fill up with the neighbours of the first shown column
        let start = shown.first().copied().unwrap_or(0).min(n - fit.min(n));
        for i in (start..n).chain(0..start) {
            if shown.len() >= fit {
                break;
            }
            if !shown.contains(&i) {
                shown.push(i);
            }
        }
        shown.sort_unstable();
        self.shown = shown;
    }

    /// Pages the shown columns by `delta` pages (a page is as many columns as fit).
    pub fn page(&mut self, n: usize, delta: i32) {
        let fit = self.fit.clamp(1, n.max(1));
        if n == 0 || fit >= n {
            return;
        }
        let first = self.shown.first().copied().unwrap_or(0) as i64;
        let start = (first + delta as i64 * fit as i64).clamp(0, (n - fit) as i64) as usize;
        self.shown = (start..start + fit).collect();
    }

    /// Shows these columns (an article chosen for a place of the pager).
    pub fn show(&mut self, n: usize, columns: Vec<usize>) {
        let mut c: Vec<usize> = columns.into_iter().filter(|&i| i < n).collect();
        c.sort_unstable();
        c.dedup();
        if !c.is_empty() {
            self.shown = c;
        }
    }
}

/// A distinct, stable colour per topic for the gutter strips.
pub fn topic_colour(t: usize) -> Color32 {
    let hue = (t as f32 * 0.618_034).fract();
    egui::ecolor::Hsva::new(hue, 0.55, 0.75, 1.0).into()
}

const GAP: f32 = 24.0;
/// The narrowest a column may be (about 32 characters of body text a line, a newspaper
/// column's measure): below it, fewer columns are shown and the pager pages through the rest.
pub const MIN_READABLE: f32 = 220.0;
/// Space between the columns and the change map.
const MAP_GAP: f32 = 8.0;

pub fn ui(ui: &mut egui::Ui, state: &State, view: &mut View, cmds: &mut Vec<Command>) {
    let Some(analysis) = view.analysis.clone() else {
        ui.centered_and_justified(|ui| {
            ui.spinner();
        });
        return;
    };
    let index = view.index.clone();
    let n = analysis.articles.len();
    if n == 0 {
        ui.centered_and_justified(|ui| {
            ui.label("Add two or more articles to compare them: File > Add articles (Ctrl+O), drop files here, or paste text (Ctrl+V).");
        });
        return;
    }
    if state.workspace.settings.show_legend {
        theme::legend(ui);
        ui.add_space(2.0);
    }
    if view.stale {
        ui.label(RichText::new("Updating the comparison…").small().weak());
    }
    let layout = &mut view.layout;
    layout.offsets.resize(n, 0.0);
    layout.pending.resize(n, None);
    layout.columns.clear();
    layout.columns.resize(n, Rect::NOTHING);
    layout.rects.clear();

    // as many columns as fit at a readable width; what the app scrolls to is brought into view
    let map_w = super::changemap::width(n);
    let text_w = (ui.available_width() - map_w - MAP_GAP).max(0.0);
    let fit = (((text_w + GAP) / (MIN_READABLE + GAP)).floor() as usize).clamp(1, n);
    layout.fit = fit;
    let mut wanted: Vec<usize> = Vec::new();
    if let Some(ev) = view
        .scroll_to_evidence
        .as_ref()
        .or(view.scroll_to_place.as_ref())
    {
        wanted.extend(ev.iter().map(|r| r.0.index()));
        // the place clicked on the map first: it must be shown
        wanted.truncate(
            if view.scroll_to_place.is_some() && view.scroll_to_evidence.is_none() {
                1
            } else {
                wanted.len()
            },
        );
    }
    if let Some(r) = view.scroll_to_sentence {
        wanted.push(r.0.index());
    }
    layout.choose(n, fit, &wanted);
    let shown = layout.shown.clone();
    if fit < n {
        let teaching = state.workspace.settings.teaching_mode && !view.revealed;
        pager(ui, teaching, &analysis, &view.keys, &shown, cmds);
    }
    let full = ui.available_rect_before_wrap();
    let map_rect = Rect::from_min_max(pos2(full.right() - map_w, full.top()), full.max);
    let avail = Rect::from_min_max(full.min, pos2(map_rect.left() - MAP_GAP, full.bottom()));
    layout.map_rect = map_rect;
    let m = shown.len().max(1);
    let col_w = ((avail.width() - GAP * (m as f32 - 1.0)) / m as f32)
        .max(MIN_READABLE.min(avail.width()).max(120.0));
    let total_w = col_w * m as f32 + GAP * (m as f32 - 1.0);
    let mut hovered: Option<SentenceRef> = None;
    let mut new_offsets = layout.offsets.clone();
    let now = ui.input(|i| i.time);
    if view.scroll_to_evidence.is_some() {
        view.flash_since = Some(now);
    }
    let flash = flash_strength(view.flash_since.map(|t| now - t));
    if flash > STEADY {
        ui.ctx().request_repaint();
    }
    let ctx = Ctx {
        state,
        analysis: &analysis,
        index: &index,
        prev_hovered: view.hovered,
        selected_topic: view.selected_topic,
        scroll_to_topic: view.scroll_to_topic,
        scroll_to_sentence: view.scroll_to_sentence,
        selected_sentence: view.selected_sentence,
        find: view.find_query.trim().to_lowercase(),
        teaching: state.workspace.settings.teaching_mode && !view.revealed,
        keys: &view.keys,
        evidence: &view.evidence,
        scroll_to_evidence: view
            .scroll_to_evidence
            .as_deref()
            .or(view.scroll_to_place.as_deref()),
        flash,
    };
    let mut cols_ui = ui.new_child(UiBuilder::new().max_rect(avail).id_salt("columns_area"));
    egui::ScrollArea::horizontal()
        .id_salt("columns_h")
        .auto_shrink(false)
        .show(&mut cols_ui, |ui| {
            let top = ui.cursor().min;
            let height = avail.height().max(100.0);
            for (k, &i) in shown.iter().enumerate() {
                let x = top.x + k as f32 * (col_w + GAP);
                let rect = Rect::from_min_size(pos2(x, top.y), vec2(col_w, height));
                let mut col = ui.new_child(UiBuilder::new().max_rect(rect).id_salt(("column", i)));
                col.set_clip_rect(rect.intersect(ui.clip_rect()));
                header(&mut col, &ctx, i, view.keys.get(i).copied().unwrap_or(i));
                let mut area = egui::ScrollArea::vertical()
                    .id_salt(("column_scroll", i))
                    .max_width(col_w - 14.0)
                    .auto_shrink(false);
                if let Some(off) = layout.pending[i].take() {
                    area = area.vertical_scroll_offset(off);
                }
                let out = area.show(&mut col, |ui| body(ui, &ctx, i, layout, &mut hovered, cmds));
                *new_offsets.get_mut(i).expect("one offset per column") =
                    out.state.clamped_offset().y;
                layout.columns[i] = out.inner_rect;
            }
            ui.allocate_rect(
                Rect::from_min_size(top, vec2(total_w, height)),
                Sense::hover(),
            );
        });
    ui.advance_cursor_after_rect(full);

    // Synchronised scrolling: the column the user scrolled leads the others to its topic.
    if view.scroll_to_topic.is_some()
        || view.scroll_to_sentence.is_some()
        || view.scroll_to_evidence.is_some()
        || view.scroll_to_place.is_some()
    {
        // let the scroll animation finish before the user's scrolling leads again
        layout.programmatic_until = now + 1.0;
    }
    if state.workspace.settings.sync_scroll && now > layout.programmatic_until {
        let pointer = ui.ctx().pointer_hover_pos();
        for &c in &shown {
            let offset = new_offsets[c];
            let moved = (offset - layout.offsets[c]).abs() > 0.5;
            let under_pointer = pointer.is_some_and(|p| layout.columns[c].contains(p));
            if moved && under_pointer {
                sync_from(layout, &analysis, &index, c, offset);
                break;
            }
        }
    }
    layout.offsets = new_offsets;

    // Ribbons from the hovered (or selected) sentence to its partners in neighbouring columns.
    let focus = hovered.or(view.selected_sentence);
    if let Some(h) = focus {
        ribbons(ui, layout, &shown, &index, h);
    }
    // the part of each shown article its column shows, for the change map
    let windows = shown
        .iter()
        .map(|&i| {
            let col = layout.columns[i];
            let top = layout.offsets[i];
            let measured = |p: usize| layout.paras.get(&(i, p)).map(|&(_, y, h)| (y, h));
            let f0 = index.map.fraction_at(i, top, measured)?;
            let f1 = index.map.fraction_at(i, top + col.height(), measured)?;
            Some((f0, f1))
        })
        .collect();
    // the word diff opens beside its sentence (else its partner, else at the column's top)
    let diff_anchor = view.diff_pair.and_then(|(x, y)| {
        let at = |r: SentenceRef| {
            let col = *layout.columns.get(r.0.index())?;
            let rect = *layout.rects.get(&r)?;
            col.intersects(rect).then_some((col, rect))
        };
        at(x).or_else(|| at(y)).or_else(|| {
            let col = *layout
                .columns
                .get(x.0.index())
                .filter(|c| c.is_positive())?;
            Some((col, Rect::from_min_size(col.min, vec2(col.width(), 1.0))))
        })
    });
    view.hovered = hovered;
    view.scroll_to_topic = None;
    view.scroll_to_sentence = None;
    view.scroll_to_evidence = None;
    view.scroll_to_place = None;
    let map_shown = super::changemap::Shown {
        columns: shown,
        windows,
    };
    super::changemap::ui(ui, map_rect, view, &map_shown, cmds);
    if let Some((col, rect)) = diff_anchor {
        super::worddiff::popup(ui.ctx(), full, col, rect, view, cmds);
    }
}

/// The pager shown when not every column fits: which columns are shown, buttons to page, and a
/// choice of article for each place.
fn pager(
    ui: &mut egui::Ui,
    teaching: bool,
    analysis: &Analysis,
    keys: &[usize],
    shown: &[usize],
    cmds: &mut Vec<Command>,
) {
    let n = analysis.articles.len();
    let key = |i: usize| keys.get(i).copied().unwrap_or(i);
    let letter = |i: usize| ArticleId(key(i)).letter();
    let name = |i: usize| {
        if teaching {
            format!("Article {}", letter(i))
        } else {
            format!(
                "{} · {}",
                letter(i),
                analysis.articles.get(i).map_or("", |a| a.short_name())
            )
        }
    };
    let consecutive = shown.windows(2).all(|w| key(w[1]) == key(w[0]) + 1);
    let which = match (shown.first(), shown.last()) {
        (Some(&a), Some(&b)) if shown.len() > 1 && consecutive => {
            format!("{}–{}", letter(a), letter(b))
        }
        _ => shown
            .iter()
            .map(|&i| letter(i))
            .collect::<Vec<_>>()
            .join(", "),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Columns {which} of {n}")).strong())
            .on_hover_text(format!(
                "The window has room for {} readable column(s): page with the arrows (Alt+Left / \
                 Alt+Right) or choose the articles to show. The change map on the right shows \
                 every article.",
                shown.len()
            ));
        let first = shown.first().copied().unwrap_or(0);
        let last = shown.last().copied().unwrap_or(0);
        let arrow = |ui: &mut egui::Ui, on: bool, to, name: &str| {
            ui.add_enabled_ui(on, |ui| super::card::arrow_button(ui, to, name))
                .inner
        };
        if arrow(
            ui,
            first > 0,
            egui::Direction::RightToLeft,
            "Previous columns",
        )
        .on_hover_text("Previous columns (Alt+Left)")
        .clicked()
        {
            cmds.push(Command::PageColumns(-1));
        }
        if arrow(
            ui,
            last + 1 < n,
            egui::Direction::LeftToRight,
            "Next columns",
        )
        .on_hover_text("Next columns (Alt+Right)")
        .clicked()
        {
            cmds.push(Command::PageColumns(1));
        }
        ui.label("Show:");
        for (k, &i) in shown.iter().enumerate() {
            let mut choice = i;
            let resp = egui::ComboBox::from_id_salt(("column_choice", k))
                .selected_text(RichText::new(letter(i)).color(article_colour(key(i))))
                .width(44.0)
                .show_ui(ui, |ui| {
                    for j in 0..n {
                        ui.selectable_value(&mut choice, j, name(j));
                    }
                })
                .response;
            let place = format!("Column {} shows", k + 1);
            resp.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, place.as_str())
            });
            if choice != i {
                // the chosen article takes this place; where it was shown, this one goes
                let mut next: Vec<usize> = shown.to_vec();
                if let Some(other) = next.iter().position(|&x| x == choice) {
                    next[other] = i;
                }
                next[k] = choice;
                cmds.push(Command::ShowColumns(next));
            }
        }
    });
}

/// How strongly the evidence is highlighted (alpha) after these seconds of flashing: two
/// pulses over [`FLASH_SECONDS`], then steady.
const STEADY: f32 = 0.45;
const FLASH_SECONDS: f64 = 1.5;

fn flash_strength(elapsed: Option<f64>) -> f32 {
    match elapsed {
        Some(e) if (0.0..FLASH_SECONDS).contains(&e) => {
            let fade = 1.0 - e / FLASH_SECONDS;
            let pulse = 0.5 + 0.5 * (e * std::f64::consts::TAU * 2.0 / FLASH_SECONDS).cos();
            (STEADY as f64 + (1.0 - STEADY as f64) * fade * pulse) as f32
        }
        _ => STEADY,
    }
}

/// The colour evidence sentences are highlighted with: opaque (mixed with the panel colour),
/// so that the overlapping rectangles of a sentence's runs read as one even mark.
fn evidence_colour(visuals: &egui::Visuals, strength: f32) -> Color32 {
    let base = if visuals.dark_mode {
        Color32::from_rgb(0x8a, 0x6d, 0x00)
    } else {
        Color32::from_rgb(0xff, 0xd8, 0x4d)
    };
    visuals
        .panel_fill
        .lerp_to_gamma(base, strength.clamp(0.0, 1.0))
}

/// What the drawing of one frame needs to know.
struct Ctx<'a> {
    state: &'a State,
    analysis: &'a Analysis,
    index: &'a Index,
    prev_hovered: Option<SentenceRef>,
    selected_topic: Option<usize>,
    scroll_to_topic: Option<usize>,
    scroll_to_sentence: Option<SentenceRef>,
    selected_sentence: Option<SentenceRef>,
    find: String,
    teaching: bool,
    /// The stable key of each analysed article (its letter), see `identity.rs`.
    keys: &'a [usize],
    /// Sentences highlighted as a difference's evidence, and how strongly (flash, then steady).
    evidence: &'a [SentenceRef],
    /// Scroll to the first of these in each column (this frame only).
    scroll_to_evidence: Option<&'a [SentenceRef]>,
    flash: f32,
}

/// The column head of analysed article `i`; `key` is its stable key (letter and colour).
fn header(ui: &mut egui::Ui, ctx: &Ctx, i: usize, key: usize) {
    let a = &ctx.analysis.articles[i];
    let colour = article_colour(key);
    let (bar, _) = ui.allocate_exact_size(vec2(ui.available_width(), 4.0), Sense::hover());
    ui.painter().rect_filled(bar, 2.0, colour);
    let name = if ctx.teaching {
        format!("Article {}", ArticleId(key).letter())
    } else {
        format!("{} · {}", ArticleId(key).letter(), a.short_name())
    };
    ui.label(RichText::new(name).strong().color(colour));
    if !ctx.teaching {
        ui.add(egui::Label::new(RichText::new(&a.title).size(15.0)).wrap());
    }
    let mut meta = Vec::new();
    if !ctx.teaching
        && let Some(au) = &a.author
    {
        meta.push(au.clone());
    }
    if let Some(d) = &a.date {
        meta.push(d.clone());
    }
    let (quotes, reported) = ctx
        .analysis
        .quotes
        .iter()
        .filter(|q| q.article == ArticleId(i))
        .fold((0, 0), |(d, r), q| {
            if q.is_direct() {
                (d + 1, r)
            } else {
                (d, r + 1)
            }
        });
    meta.push(format!("{quotes} quote(s)"));
    if reported > 0 {
        meta.push(format!("{reported} reported statement(s)"));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(meta.join(" · ")).small().weak());
        if let Some(t) = ctx
            .analysis
            .tones
            .iter()
            .find(|t| t.article == ArticleId(i))
        {
            ui.label(
                RichText::new(format!("tone {:+.2}", t.mean))
                    .small()
                    .color(theme::tone_colour(t.mean)),
            )
            .on_hover_text(
                "Average sentence tone (VADER compound score, −1 negative to +1 positive).",
            );
        }
    });
    ui.separator();
}

fn body(
    ui: &mut egui::Ui,
    ctx: &Ctx,
    i: usize,
    layout: &mut Layout,
    hovered: &mut Option<SentenceRef>,
    cmds: &mut Vec<Command>,
) {
    let a = &ctx.analysis.articles[i];
    let width = ui.available_width();
    let content_top = ui.cursor().top();
    let evidence_target = ctx
        .scroll_to_evidence
        .and_then(|ev| ev.iter().find(|r| r.0 == ArticleId(i)).map(|r| r.1));
    let must_scroll_to: Option<usize> = evidence_target.or(ctx
        .scroll_to_topic
        .and_then(|t| {
            ctx.index
                .first
                .get(t)
                .and_then(|f| f.get(i).copied().flatten())
        })
        .or(ctx
            .scroll_to_sentence
            .filter(|s| s.0 == ArticleId(i))
            .map(|s| s.1)));
    let mut s_iter = a.sentences.iter().peekable();
    for p in 0..a.paragraphs.len() {
        let sentences: Vec<&crate::model::Sentence> =
            std::iter::from_fn(|| s_iter.next_if(|s| s.paragraph == p)).collect();
        if sentences.is_empty() {
            continue;
        }
        let key = (i, p);
        let target_here = must_scroll_to.is_some_and(|t| sentences.iter().any(|s| s.index == t));
        if let Some(&(w, _, h)) = layout.paras.get(&key)
            && (w - width).abs() < 0.5
            && !target_here
        {
            let rect = Rect::from_min_size(ui.cursor().min, vec2(width, h));
            if !ui.is_rect_visible(rect) {
                ui.allocate_space(vec2(width, h));
                continue;
            }
        }
        let top = ui.cursor().top();
        let strips = ui.painter().add(egui::Shape::Noop);
        let flash_bg = ui.painter().add(egui::Shape::Noop);
        let mut flashed: Vec<Rect> = Vec::new();
        let mut gutter = Vec::new();
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for s in &sentences {
                let r = (ArticleId(i), s.index);
                let rect = sentence(
                    ui,
                    ctx,
                    r,
                    &s.text,
                    must_scroll_to == Some(s.index),
                    hovered,
                    cmds,
                );
                if ctx.evidence.contains(&r) {
                    flashed.extend(&rect);
                }
                let rect = rect.into_iter().reduce(|x, y| x.union(y));
                if let Some(rect) = rect {
                    layout.rects.insert(r, rect);
                    if let Some(t) = ctx.index.topic(r) {
                        gutter.push((rect, t));
                    }
                }
                ui.add(egui::Label::new(" ").wrap());
            }
        });
        let bottom = ui.cursor().top();
        layout
            .paras
            .insert(key, (width, top - content_top, bottom - top));
        let x = ui.max_rect().left();
        let shapes: Vec<egui::Shape> = gutter
            .into_iter()
            .map(|(rect, t)| {
                let mut c = topic_colour(t);
                if ctx.selected_topic.is_some_and(|sel| sel != t) {
                    c = c.gamma_multiply(0.25);
                }
                egui::Shape::rect_filled(
                    Rect::from_x_y_ranges(x - 7.0..=x - 3.0, rect.y_range()),
                    1.0,
                    c,
                )
            })
            .collect();
        ui.painter().set(strips, egui::Shape::Vec(shapes));
        if !flashed.is_empty() {
            let colour = evidence_colour(ui.visuals(), ctx.flash);
            let marks = flashed
                .into_iter()
                .map(|r| egui::Shape::rect_filled(r.expand2(vec2(2.0, 1.0)), 2.0, colour))
                .collect();
            ui.painter().set(flash_bg, egui::Shape::Vec(marks));
        }
        ui.add_space(8.0);
    }
    ui.add_space(40.0);
}

/// One highlighted span in a sentence.
struct Span {
    start: usize,
    end: usize,
    mark: Mark,
    why: String,
}

fn spans(ctx: &Ctx, r: SentenceRef, text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for &k in ctx.index.quotes.get(&r).into_iter().flatten() {
        let q = &ctx.analysis.quotes[k];
        let who = q.speaker.as_deref().unwrap_or("no named speaker");
        let mut why = format!("Quote: {who}");
        if let Some(v) = &q.verb {
            why.push_str(&format!(" ({v})"));
        }
        if !q.note.is_empty() {
            why.push_str(&format!(". {}", q.note));
        }
        out.push(Span {
            start: q.start,
            end: q.end,
            mark: Mark::Quote,
            why,
        });
    }
    for &k in ctx.index.cues.get(&r).into_iter().flatten() {
        let c = &ctx.analysis.cues[k];
        if matches!(c.category, CueKind::Frame(_)) && !ctx.state.workspace.settings.show_frame_cues
        {
            continue;
        }
        let why = format!(
            "{}: “{}”. {}",
            c.category.to_string().replace('_', " "),
            c.text,
            c.note
        );
        let neutral_verb = c.verb_class == Some(crate::frame::VerbClass::Neutral);
        let mark = if neutral_verb {
            Mark::NeutralVerb
        } else {
            Mark::of_category(c.category)
        };
        out.push(Span {
            start: c.start,
            end: c.end,
            mark,
            why,
        });
    }
    if !ctx.find.is_empty() {
        let lower = text.to_lowercase();
        if lower.len() == text.len() {
            for (pos, m) in lower.match_indices(&ctx.find) {
                out.push(Span {
                    start: pos,
                    end: pos + m.len(),
                    mark: Mark::Find,
                    why: "Search match".into(),
                });
            }
        }
    }
    out.retain(|s| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    });
    out
}

/// Draws a sentence as runs of labels; returns their on-screen rectangles.
fn sentence(
    ui: &mut egui::Ui,
    ctx: &Ctx,
    r: SentenceRef,
    text: &str,
    scroll_here: bool,
    hovered: &mut Option<SentenceRef>,
    cmds: &mut Vec<Command>,
) -> Vec<Rect> {
    let dark = ui.visuals().dark_mode;
    let spans = spans(ctx, r, text);
    let mut cuts = vec![0, text.len()];
    for s in &spans {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let partner_of_hover = ctx.prev_hovered.is_some_and(|h| {
        h == r
            || ctx
                .index
                .partners
                .get(&h)
                .is_some_and(|p| p.iter().any(|(q, _, _)| *q == r))
    });
    let selected = ctx.selected_sentence == Some(r);
    let aligned = ctx.index.partners.contains_key(&r);
    let topic = ctx.index.topic(r);
    let dim = ctx.selected_topic.is_some() && topic != ctx.selected_topic;
    let note_target = NoteTarget::Sentence {
        article: ctx.analysis.articles[r.0.index()].path.clone(),
        sentence: r.1,
    };
    let note = ctx.state.workspace.note(&note_target);
    let mut runs: Vec<Rect> = Vec::new();
    let mut first = true;
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        if s >= e {
            continue;
        }
        let covering: Vec<&Span> = spans
            .iter()
            .filter(|x| x.start <= s && x.end >= e)
            .collect();
        // the innermost (shortest) span decides the colour; quotes give way to cues
        let top = covering
            .iter()
            .min_by_key(|x| (x.mark == Mark::Quote, x.end - x.start));
        let mut rt = RichText::new(&text[s..e]);
        if let Some(top) = top.filter(|t| t.mark == Mark::NeutralVerb) {
            let _ = top;
            rt = rt.underline();
        } else if let Some(top) = top {
            rt = rt.background_color(top.mark.background(dark));
        } else if partner_of_hover || selected {
            rt = rt.background_color(ui.visuals().selection.bg_fill.gamma_multiply(0.35));
        }
        if partner_of_hover || selected {
            rt = rt.strong();
        } else if dim {
            rt = rt.weak();
        }
        let resp = ui.add(egui::Label::new(rt).wrap().sense(Sense::click()));
        // the reasons are written only while the pointer is on the words
        let resp = if covering.is_empty() && !aligned {
            resp
        } else {
            resp.on_hover_ui(|ui| {
                let mut why: Vec<String> = covering.iter().map(|x| x.why.clone()).collect();
                why.extend(alignment_ties(ctx.analysis, ctx.index, r));
                ui.label(why.join("\n"));
            })
        };
        if first && scroll_here {
            resp.scroll_to_me(Some(Align::TOP));
        }
        first = false;
        if resp.hovered() {
            *hovered = Some(r);
        }
        if resp.clicked() {
            cmds.push(Command::SelectSentence(if selected {
                None
            } else {
                Some(r)
            }));
        }
        resp.context_menu(|ui| {
            if ui
                .button(if note.is_some() {
                    "Edit note…"
                } else {
                    "Add a note…"
                })
                .clicked()
            {
                cmds.push(Command::EditNote(note_target.clone()));
                ui.close();
            }
            if ui.button("Copy sentence").clicked() {
                ui.ctx().copy_text(text.to_string());
                ui.close();
            }
            super::edits::sentence_menu(ui, ctx.analysis, ctx.index, ctx.keys, r, cmds);
        });
        runs.push(resp.rect);
    }
    if let Some(n) = note {
        let resp = ui
            .add(egui::Label::new(RichText::new(" [note]").small().italics()).sense(Sense::click()))
            .on_hover_text(format!("Your note: {n}"));
        if resp.clicked() {
            cmds.push(Command::EditNote(note_target));
        }
    }
    runs
}

/// What ties a sentence to each of its aligned partners, for its hover text: "Aligned with B,
/// sentence 4 (score 0.41; meaning 0.71): Putin, summit".
fn alignment_ties(analysis: &Analysis, index: &Index, r: SentenceRef) -> Vec<String> {
    let Some(partners) = index.partners.get(&r) else {
        return Vec::new();
    };
    partners
        .iter()
        .filter_map(|&(other, score, k)| {
            let al = analysis.alignments.get(k)?;
            let support = if al.support > 0 {
                format!(
                    "; under the lowest score, aligned because both sentences are aligned with \
                     the same sentences of {} other articles",
                    al.support
                )
            } else {
                String::new()
            };
            let mut line = format!(
                "Aligned with {}, sentence {} (score {score:.2}; meaning {:.2}{support})",
                other.0.letter(),
                other.1 + 1,
                al.semantic
            );
            if !al.shared.is_empty() {
                line.push_str(": ");
                line.push_str(&al.shared.join(", "));
            }
            Some(line)
        })
        .collect()
}

/// Scrolls the other columns to the topic at the top of column `c`.
fn sync_from(layout: &mut Layout, analysis: &Analysis, index: &Index, c: usize, offset: f32) {
    let Some(art) = analysis.articles.get(c) else {
        return;
    };
    // the paragraph at the top of the column
    let mut top_para = None;
    for p in 0..art.paragraphs.len() {
        if let Some(&(_, y, h)) = layout.paras.get(&(c, p))
            && y + h > offset
        {
            top_para = Some(p);
            break;
        }
    }
    let Some(p) = top_para else { return };
    let topic = art
        .sentences
        .iter()
        .filter(|s| s.paragraph >= p)
        .find_map(|s| index.topic((ArticleId(c), s.index)));
    let Some(t) = topic else { return };
    for j in 0..analysis.articles.len() {
        if j == c {
            continue;
        }
        let Some(first) = index.first.get(t).and_then(|f| f.get(j).copied().flatten()) else {
            continue;
        };
        let para = analysis.articles[j]
            .sentences
            .get(first)
            .map(|s| s.paragraph);
        if let Some(&(_, y, _)) = para.and_then(|p| layout.paras.get(&(j, p))) {
            layout.pending[j] = Some(y);
        }
    }
}

fn ribbons(ui: &egui::Ui, layout: &Layout, shown: &[usize], index: &Index, h: SentenceRef) {
    let slot = |a: ArticleId| shown.iter().position(|&i| i == a.index());
    let Some(&from) = layout.rects.get(&h) else {
        return;
    };
    let Some(partners) = index.partners.get(&h) else {
        return;
    };
    let painter = ui
        .ctx()
        .layer_painter(LayerId::new(Order::Foreground, Id::unique("ribbons")))
        .with_clip_rect(ui.clip_rect());
    let colour = ui.visuals().selection.bg_fill;
    for (p, score, _) in partners {
        let Some(&to) = layout.rects.get(p) else {
            continue;
        };
        let (Some(cf), Some(ct)) = (
            layout.columns.get(h.0.index()),
            layout.columns.get(p.0.index()),
        ) else {
            continue;
        };
        let (Some(sh), Some(sp)) = (slot(h.0), slot(p.0)) else {
            continue;
        };
        if sh.abs_diff(sp) != 1 {
            continue;
        }
        let (x1, x2) = if sp > sh {
            (cf.right(), ct.left())
        } else {
            (cf.left(), ct.right())
        };
        let y1 = from.center().y.clamp(cf.top(), cf.bottom());
        let y2 = to.center().y.clamp(ct.top(), ct.bottom());
        let mid = (x1 + x2) / 2.0;
        let width = 1.5 + 3.0 * score.clamp(0.0, 1.0);
        let curve = egui::epaint::CubicBezierShape::from_points_stroke(
            [pos2(x1, y1), pos2(mid, y1), pos2(mid, y2), pos2(x2, y2)],
            false,
            Color32::TRANSPARENT,
            Stroke::new(width, colour),
        );
        painter.add(curve);
        for (x, r) in [(x1, from.y_range()), (x2, to.y_range())] {
            painter.rect_filled(Rect::from_x_y_ranges(x - 2.0..=x + 2.0, r), 1.0, colour);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_page_and_bring_what_is_scrolled_to_into_view() {
        let mut l = Layout::default();
        l.choose(8, 3, &[]);
        assert_eq!(l.shown, vec![0, 1, 2]);
        l.fit = 3;
        l.page(8, 1);
        assert_eq!(l.shown, vec![3, 4, 5]);
        l.page(8, 1);
        assert_eq!(l.shown, vec![5, 6, 7], "the last page is full");
        l.page(8, 1);
        assert_eq!(l.shown, vec![5, 6, 7]);
        l.page(8, -5);
        assert_eq!(l.shown, vec![0, 1, 2]);
        // evidence in E and G: both shown, with a column shown before
        l.choose(8, 3, &[6, 4]);
        assert_eq!(l.shown, vec![0, 4, 6]);
        // already shown: nothing moves
        l.choose(8, 3, &[4]);
        assert_eq!(l.shown, vec![0, 4, 6]);
        // the window grows: the shown ones stay, the rest fill up
        l.choose(8, 5, &[]);
        assert_eq!(l.shown.len(), 5);
        assert!([0, 4, 6].iter().all(|i| l.shown.contains(i)));
        // fewer articles than before: no index out of range
        l.choose(2, 3, &[]);
        assert_eq!(l.shown, vec![0, 1]);
        l.show(2, vec![1, 9, 1]);
        assert_eq!(l.shown, vec![1]);
        l.show(2, vec![]);
        assert_eq!(l.shown, vec![1], "an empty choice changes nothing");
        let mut empty = Layout::default();
        empty.choose(0, 1, &[0]);
        assert!(empty.shown.is_empty());
        empty.page(0, 1);
    }

    #[test]
    fn the_flash_pulses_then_settles_to_a_steady_highlight() {
        assert_eq!(flash_strength(None), STEADY);
        assert!((flash_strength(Some(0.0)) - 1.0).abs() < 1e-6);
        assert!(flash_strength(Some(0.75)) > STEADY, "the second pulse");
        assert_eq!(flash_strength(Some(FLASH_SECONDS)), STEADY);
        assert_eq!(flash_strength(Some(60.0)), STEADY);
        for k in 0..=30 {
            let s = flash_strength(Some(k as f64 * 0.05));
            assert!((STEADY..=1.0).contains(&s), "{s}");
        }
    }
}
