//! The change map: a narrow strip beside the reading columns (like Meld's) with one lane per
//! article, each lane the whole length of its article from top to bottom. Coloured bands show
//! where the article speaks of a topic it shares with another article (the topic's colour, as in
//! the column gutters), ticks on the lane's edge show the evidence sentences of the generated
//! differences, and a frame shows the part each column shows now. Hovering explains what lies
//! under the pointer; clicking scrolls the columns there. The marks are computed once per
//! analysis (see [`Map::new`], built with the [`super::index::Index`]), not per frame.

use super::app::{Command, View};
use super::columns::topic_colour;
use super::index::{Index, SentenceRef};
use crate::analysis::Analysis;
use crate::model::ArticleId;
use egui::{Rect, Sense, Stroke, StrokeKind, pos2, vec2};

/// A paragraph break counts as this many characters when positions are measured along an
/// article (a paragraph's gap in the columns is about half a line).
const PARAGRAPH_BREAK: f32 = 20.0;

/// Width of one article's lane (narrower with more articles), and the gap between lanes. A lane
/// is a band column with a narrow tick column on its right.
fn lane(n: usize) -> f32 {
    match n {
        0..=4 => 11.0,
        5..=8 => 8.0,
        _ => 6.0,
    }
}
const TICK_W: f32 = 3.0;
const LANE_GAP: f32 = 2.0;
/// Height of the row of letters above the lanes.
const LETTERS: f32 = 14.0;

/// Consecutive sentences of one article in one shared topic: a band on the lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Where the band starts and ends, as fractions of the article's length (0 top, 1 end).
    pub from: f32,
    pub to: f32,
    pub topic: usize,
}

/// An evidence sentence of one or more differences: a tick on the lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub from: f32,
    pub to: f32,
    pub sentence: usize,
    /// The differences (indices into `analysis.differences`) this sentence is evidence of.
    pub differences: Vec<usize>,
}

/// The marks of every article, by analysed article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map {
    /// Start of each sentence as a fraction of its article's length, and 1.0 at the end.
    starts: Vec<Vec<f32>>,
    /// (start, end) of each paragraph as fractions of its article's length.
    paras: Vec<Vec<(f32, f32)>>,
    pub bands: Vec<Vec<Band>>,
    pub ticks: Vec<Vec<Tick>>,
}

impl Map {
    /// Computes the marks of an analysis (`index` must have its topics and evidence).
    pub fn new(a: &Analysis, index: &Index) -> Map {
        let mut map = Map::default();
        for (i, art) in a.articles.iter().enumerate() {
            // lengths along the article: sentence characters, and a little per paragraph break
            let mut starts = Vec::with_capacity(art.sentences.len() + 1);
            let mut paras = vec![(0.0f32, 0.0f32); art.paragraphs.len()];
            let mut at = 0.0f32;
            let mut last_para = None;
            for s in &art.sentences {
                if last_para.is_some_and(|p| p != s.paragraph) {
                    at += PARAGRAPH_BREAK;
                }
                if last_para != Some(s.paragraph)
                    && let Some(p) = paras.get_mut(s.paragraph)
                {
                    p.0 = at;
                }
                last_para = Some(s.paragraph);
                starts.push(at);
                at += s.text.chars().count().max(1) as f32;
                if let Some(p) = paras.get_mut(s.paragraph) {
                    p.1 = at;
                }
            }
            let total = at.max(1.0);
            starts.push(at);
            for x in &mut starts {
                *x /= total;
            }
            for p in &mut paras {
                p.0 /= total;
                p.1 /= total;
            }
            // bands: runs of sentences in a topic that two or more articles share
            let shared = |t: usize| a.topics.get(t).is_some_and(|x| x.members.len() >= 2);
            let mut bands: Vec<Band> = Vec::new();
            for s in &art.sentences {
                let Some(t) = index.topic((ArticleId(i), s.index)).filter(|&t| shared(t)) else {
                    continue;
                };
                let (from, to) = (starts[s.index], starts[s.index + 1]);
                match bands.last_mut() {
                    Some(b) if b.topic == t && (from - b.to) * total <= PARAGRAPH_BREAK + 0.5 => {
                        b.to = to
                    }
                    _ => bands.push(Band { from, to, topic: t }),
                }
            }
            map.starts.push(starts);
            map.paras.push(paras);
            map.bands.push(bands);
        }
        map.ticks = vec![Vec::new(); a.articles.len()];
        for (k, ev) in index.evidence.iter().enumerate() {
            for &(art, s) in &ev.sentences {
                let (Some(ticks), Some(starts)) =
                    (map.ticks.get_mut(art.index()), map.starts.get(art.index()))
                else {
                    continue;
                };
                let (Some(&from), Some(&to)) = (starts.get(s), starts.get(s + 1)) else {
                    continue;
                };
                match ticks.iter_mut().find(|t| t.sentence == s) {
                    Some(t) => {
                        if !t.differences.contains(&k) {
                            t.differences.push(k)
                        }
                    }
                    None => ticks.push(Tick {
                        from,
                        to,
                        sentence: s,
                        differences: vec![k],
                    }),
                }
            }
        }
        for t in &mut map.ticks {
            t.sort_by_key(|t| t.sentence);
        }
        map
    }

    /// The sentence of article `i` at fraction `f` of its length.
    pub fn sentence_at(&self, i: usize, f: f32) -> Option<usize> {
        let starts = self.starts.get(i)?;
        let n = starts.len().checked_sub(1).filter(|&n| n > 0)?;
        let k = starts[..n].partition_point(|&s| s <= f);
        Some(k.saturating_sub(1).min(n - 1))
    }

    /// Where sentence `s` of article `i` starts, as a fraction of the article's length.
    pub fn position(&self, i: usize, s: usize) -> Option<f32> {
        self.starts.get(i)?.get(s).copied()
    }

    /// The fraction of article `i` at pixel `y` of its column's content, from the paragraphs'
    /// measured tops and heights (`measured(p)`, as the columns keep them).
    pub fn fraction_at(
        &self,
        i: usize,
        y: f32,
        measured: impl Fn(usize) -> Option<(f32, f32)>,
    ) -> Option<f32> {
        let paras = self.paras.get(i)?;
        let mut last = None;
        for (p, &(f0, f1)) in paras.iter().enumerate() {
            if f1 <= f0 {
                continue; // a paragraph without sentences is not drawn
            }
            let (top, h) = measured(p)?;
            if y < top {
                return Some(last.unwrap_or(f0));
            }
            if y < top + h {
                return Some(f0 + (f1 - f0) * ((y - top) / h.max(1.0)).clamp(0.0, 1.0));
            }
            last = Some(f1);
        }
        Some(last.unwrap_or(1.0).min(1.0))
    }
}

/// Where the columns go when the map is clicked on sentence `r`: `r` itself, and in each other
/// article its best aligned partner of `r`, else the first sentence of `r`'s topic there.
pub fn place_targets(a: &Analysis, index: &Index, r: SentenceRef) -> Vec<SentenceRef> {
    let mut out = vec![r];
    for j in 0..a.articles.len() {
        let aj = ArticleId(j);
        if aj == r.0 {
            continue;
        }
        let partner = index
            .partners
            .get(&r)
            .and_then(|ps| ps.iter().find(|p| p.0.0 == aj).map(|p| p.0));
        let first = index
            .topic(r)
            .and_then(|t| index.first.get(t))
            .and_then(|f| f.get(j).copied().flatten())
            .map(|s| (aj, s));
        if let Some(t) = partner.or(first) {
            out.push(t);
        }
    }
    out
}

/// The width the map needs for `n` articles.
pub fn width(n: usize) -> f32 {
    if n == 0 {
        return 0.0;
    }
    8.0 + n as f32 * lane(n) + (n as f32 - 1.0) * LANE_GAP
}

/// What the map needs to know of the columns this frame: the shown columns, and for each shown
/// article the fractions of it its column shows.
pub struct Shown {
    pub columns: Vec<usize>,
    pub windows: Vec<Option<(f32, f32)>>,
}

/// Draws the map in `rect`.
pub fn ui(ui: &mut egui::Ui, rect: Rect, view: &View, shown: &Shown, cmds: &mut Vec<Command>) {
    let Some(a) = view.analysis.as_deref() else {
        return;
    };
    let map = &view.index.map;
    let n = a.articles.len().min(map.starts.len());
    if n == 0 || rect.width() <= 0.0 {
        return;
    }
    let resp = ui
        .interact(rect, ui.scope_id().with("change_map"), Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Change map"));
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    let lane_w = lane(n);
    let lanes_top = rect.top() + LETTERS;
    let lanes_bottom = rect.bottom() - 2.0;
    let lane_h = (lanes_bottom - lanes_top).max(1.0);
    let lane_x = |i: usize| rect.left() + 4.0 + i as f32 * (lane_w + LANE_GAP);
    let y_of = |f: f32| lanes_top + f.clamp(0.0, 1.0) * lane_h;
    let small = egui::TextStyle::Small.resolve(ui.style());
    let tick_colour = visuals.text_color();
    let evidence_colour = if visuals.dark_mode {
        egui::Color32::from_rgb(0xff, 0xd8, 0x4d)
    } else {
        egui::Color32::from_rgb(0xb0, 0x80, 0x00)
    };
    for i in 0..n {
        let x = lane_x(i);
        let on = shown.columns.contains(&i);
        let lane = Rect::from_x_y_ranges(x..=x + lane_w, lanes_top..=lanes_bottom);
        painter.rect_filled(
            lane,
            1.0,
            if on {
                visuals.faint_bg_color
            } else {
                visuals.faint_bg_color.gamma_multiply(0.5)
            },
        );
        let colour = view.colour(ArticleId(i));
        painter.text(
            pos2(x + lane_w / 2.0, rect.top() + 1.0),
            egui::Align2::CENTER_TOP,
            view.letter(ArticleId(i)),
            small.clone(),
            if on {
                colour
            } else {
                colour.gamma_multiply(0.5)
            },
        );
        let band_right = x + lane_w - TICK_W - 1.0;
        for b in &map.bands[i] {
            let mut c = topic_colour(b.topic);
            if view.selected_topic.is_some_and(|t| t != b.topic) || !on {
                c = c.gamma_multiply(0.3);
            }
            let (y0, y1) = (y_of(b.from), y_of(b.to).max(y_of(b.from) + 1.0));
            painter.rect_filled(Rect::from_x_y_ranges(x..=band_right, y0..=y1), 0.0, c);
        }
        // a short tick where each evidence sentence starts; the selected difference's across
        // the lane in the evidence colour
        for t in map.ticks.get(i).into_iter().flatten() {
            let selected = view
                .selected_difference
                .is_some_and(|k| t.differences.contains(&k));
            let y = y_of(t.from);
            if selected {
                painter.rect_filled(
                    Rect::from_x_y_ranges(x - 2.0..=x + lane_w + 2.0, y - 1.0..=y + 2.0),
                    0.0,
                    evidence_colour,
                );
                continue;
            }
            let mut c = tick_colour;
            let of_topic = |k: &usize| {
                a.differences
                    .get(*k)
                    .is_some_and(|d| Some(d.topic) == view.selected_topic)
            };
            if (view.selected_topic.is_some() && !t.differences.iter().any(of_topic)) || !on {
                c = c.gamma_multiply(0.35);
            }
            painter.rect_filled(
                Rect::from_x_y_ranges(x + lane_w - TICK_W..=x + lane_w, y..=y + 2.0),
                0.0,
                c,
            );
        }
        if let Some(Some((f0, f1))) = shown
            .columns
            .iter()
            .position(|&c| c == i)
            .and_then(|k| shown.windows.get(k))
        {
            let frame = Rect::from_x_y_ranges(x - 1.0..=x + lane_w + 1.0, y_of(*f0)..=y_of(*f1));
            painter.rect_stroke(
                frame,
                1.0,
                Stroke::new(1.5, visuals.strong_text_color()),
                StrokeKind::Outside,
            );
        }
    }
    // which lane and sentence the pointer is on
    let at = |p: egui::Pos2| -> Option<SentenceRef> {
        let i = ((p.x - rect.left() - 4.0 + LANE_GAP / 2.0) / (lane_w + LANE_GAP)).floor();
        if i < 0.0 {
            return None;
        }
        let i = (i as usize).min(n - 1);
        let f = ((p.y - lanes_top) / lane_h).clamp(0.0, 1.0);
        map.sentence_at(i, f).map(|s| (ArticleId(i), s))
    };
    if resp.clicked()
        && let Some(r) = resp.interact_pointer_pos().and_then(at)
    {
        cmds.push(Command::ShowPlace(r));
    }
    if let Some(r) = resp.hover_pos().and_then(at) {
        resp.on_hover_ui_at_pointer(|ui| hover(ui, a, view, r));
    }
}

/// What lies at sentence `r`, for the map's tooltip.
fn hover(ui: &mut egui::Ui, a: &Analysis, view: &View, r: SentenceRef) {
    ui.set_max_width(340.0);
    let Some(s) = a
        .articles
        .get(r.0.index())
        .and_then(|x| x.sentences.get(r.1))
    else {
        return;
    };
    ui.label(
        egui::RichText::new(format!(
            "{}, paragraph {}, sentence {}",
            view.letter(r.0),
            s.paragraph + 1,
            r.1 + 1
        ))
        .strong(),
    );
    match view
        .index
        .topic(r)
        .and_then(|t| a.topics.get(t).map(|x| (t, x)))
    {
        Some((t, topic)) if topic.members.len() >= 2 => {
            let others: Vec<String> = topic
                .members
                .iter()
                .filter(|m| m.article != r.0)
                .map(|m| view.letter(m.article))
                .collect();
            ui.horizontal_wrapped(|ui| {
                let (chip, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
                ui.painter().rect_filled(chip, 1.0, topic_colour(t));
                ui.label(format!(
                    "Topic “{}”, also in {} (band in the topic's colour)",
                    topic.label,
                    others.join(", ")
                ));
            });
        }
        Some((_, topic)) => {
            ui.label(format!(
                "Topic “{}”: only this article speaks of it (no band)",
                topic.label
            ));
        }
        None => {
            ui.label("No topic: this sentence is not compared (no band)");
        }
    }
    let ticks = view
        .index
        .map
        .ticks
        .get(r.0.index())
        .and_then(|ts| ts.iter().find(|t| t.sentence == r.1));
    if let Some(t) = ticks {
        ui.label(format!(
            "Evidence of {} difference(s) (a tick on the lane's right edge):",
            t.differences.len()
        ));
        for &k in t.differences.iter().take(3) {
            if let Some(d) = a.differences.get(k) {
                ui.label(egui::RichText::new(format!("• {}", view.summary(d))).small());
            }
        }
        if t.differences.len() > 3 {
            ui.label(
                egui::RichText::new(format!("… and {} more", t.differences.len() - 3)).small(),
            );
        }
    }
    ui.label(
        egui::RichText::new(
            "Each lane is one article, top to bottom; the frame is the part its column shows. \
             Click to scroll the columns here.",
        )
        .small()
        .weak(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysis() -> (Analysis, Index) {
        let articles = crate::samples::load().expect("samples");
        let a = crate::analysis::analyze(articles, &crate::config::Config::builtin());
        let idx = Index::new(&a);
        (a, idx)
    }

    #[test]
    fn positions_run_from_top_to_end_and_find_their_sentence() {
        let (a, idx) = analysis();
        let map = &idx.map;
        for (i, art) in a.articles.iter().enumerate() {
            let starts = &map.starts[i];
            assert_eq!(starts.len(), art.sentences.len() + 1);
            assert_eq!(starts[0], 0.0);
            assert!((starts[starts.len() - 1] - 1.0).abs() < 1e-6);
            assert!(starts.windows(2).all(|w| w[0] < w[1]), "increasing");
            for s in &art.sentences {
                let mid = (starts[s.index] + starts[s.index + 1]) / 2.0;
                assert_eq!(map.sentence_at(i, mid), Some(s.index));
            }
            assert_eq!(map.sentence_at(i, -1.0), Some(0));
            assert_eq!(map.sentence_at(i, 2.0), Some(art.sentences.len() - 1));
        }
        assert_eq!(map.sentence_at(99, 0.5), None);
    }

    #[test]
    fn bands_are_shared_topics_and_ticks_are_evidence() {
        let (a, idx) = analysis();
        let map = &idx.map;
        let bands: usize = map.bands.iter().map(Vec::len).sum();
        assert!(bands > 0, "the samples share topics");
        for (i, bs) in map.bands.iter().enumerate() {
            for b in bs {
                assert!(a.topics[b.topic].members.len() >= 2);
                assert!(a.topics[b.topic].member(ArticleId(i)).is_some());
                assert!(b.from < b.to && b.to <= 1.0 + 1e-6);
            }
        }
        let ticks: usize = map.ticks.iter().map(Vec::len).sum();
        assert!(ticks > 0, "the samples have differences with evidence");
        for (i, ts) in map.ticks.iter().enumerate() {
            for t in ts {
                for &k in &t.differences {
                    assert!(
                        idx.evidence[k]
                            .sentences
                            .contains(&(ArticleId(i), t.sentence))
                    );
                }
            }
        }
    }

    #[test]
    fn a_place_leads_each_other_column_to_a_partner_or_the_topic() {
        let (a, idx) = analysis();
        let (&r, partners) = idx
            .partners
            .iter()
            .min_by_key(|(r, _)| **r)
            .expect("aligned sentences");
        let targets = place_targets(&a, &idx, r);
        assert_eq!(targets[0], r);
        for p in partners {
            let t = targets
                .iter()
                .find(|t| t.0 == p.0.0)
                .expect("partner's column");
            // the best partner in that article
            let best = partners.iter().find(|q| q.0.0 == p.0.0).unwrap();
            assert_eq!(*t, best.0);
        }
        let mut seen: Vec<ArticleId> = targets.iter().map(|t| t.0).collect();
        seen.dedup();
        assert_eq!(seen.len(), targets.len(), "one target per article");
    }

    #[test]
    fn pixel_positions_map_through_measured_paragraphs() {
        let (a, idx) = analysis();
        let map = &idx.map;
        let paras = a.articles[0].paragraphs.len();
        // every paragraph 100 px high, 8 px apart
        let measured = |p: usize| (p < paras).then_some((p as f32 * 108.0, 100.0));
        assert_eq!(map.fraction_at(0, 0.0, measured), Some(0.0));
        let end = map
            .fraction_at(0, paras as f32 * 108.0 + 500.0, measured)
            .unwrap();
        assert!((end - 1.0).abs() < 1e-6, "{end}");
        let mid = map.fraction_at(0, paras as f32 * 54.0, measured).unwrap();
        assert!(mid > 0.1 && mid < 0.9, "{mid}");
        // nothing measured yet: no window
        assert_eq!(map.fraction_at(0, 10.0, |_| None), None);
    }
}
