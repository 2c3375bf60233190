//! Colours: a colour-blind-safe palette (Okabe and Ito) for articles and for highlight
//! categories, tuned for light and dark themes, and the legend that explains them.

use crate::frame::CueKind;
use egui::{Color32, RichText, Ui};

/// Article colours (Okabe-Ito order, black replaced by grey).
const ARTICLE: [Color32; 8] = [
    Color32::from_rgb(0x00, 0x72, 0xB2), // blue
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0xF0, 0xE4, 0x42), // yellow
    Color32::from_rgb(0x88, 0x88, 0x88), // grey
];

/// The colour of the article with a stable key (see `workspace::Entry::key`).
pub fn article_colour(i: usize) -> Color32 {
    ARTICLE[i % ARTICLE.len()]
}

/// Highlight kinds shown in the reading columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Quote,
    Attribution,
    Hedge,
    Booster,
    Loaded,
    Label,
    Frame,
    Technique,
    Find,
    /// A neutral reporting verb ("said"): underlined, not tinted.
    NeutralVerb,
}

impl Mark {
    pub const ALL: [Mark; 8] = [
        Mark::Quote,
        Mark::Attribution,
        Mark::Hedge,
        Mark::Booster,
        Mark::Loaded,
        Mark::Label,
        Mark::Technique,
        Mark::Frame,
    ];

    /// The mark for a cue kind.
    pub fn of_category(kind: CueKind) -> Mark {
        match kind {
            CueKind::Hedge => Mark::Hedge,
            CueKind::Booster | CueKind::Intensifier => Mark::Booster,
            CueKind::Loaded => Mark::Loaded,
            CueKind::Label => Mark::Label,
            CueKind::Attribution => Mark::Attribution,
            CueKind::Technique(_) => Mark::Technique,
            CueKind::Frame(_) => Mark::Frame,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Mark::Quote => "quote",
            Mark::Attribution => "reporting verb",
            Mark::Hedge => "hedge",
            Mark::Booster => "booster / intensifier",
            Mark::Loaded => "loaded word",
            Mark::Label => "contested label",
            Mark::Frame => "frame cue",
            Mark::Technique => "persuasion technique",
            Mark::Find => "search match",
            Mark::NeutralVerb => "neutral reporting verb",
        }
    }

    pub fn explain(self) -> &'static str {
        match self {
            Mark::Quote => "Words the article puts in someone's mouth, with who said them.",
            Mark::Attribution => {
                "The verb that reports speech: 'said' is neutral, 'claimed' distances, 'confirmed' endorses, 'dismissed' and 'slammed' colour it."
            }
            Mark::Hedge => "Softens certainty: may, perhaps, seems, remains to be seen.",
            Mark::Booster => "Adds certainty or force: clearly, unequivocally, deeply, extremely.",
            Mark::Loaded => "An evaluative word that carries a judgement, positive or negative.",
            Mark::Label => {
                "A contested name for something, where other outlets choose another word."
            }
            Mark::Frame => {
                "A word that points to a frame dimension (economic, security, legality, …)."
            }
            Mark::Technique => {
                "A word typical of a persuasion technique (name calling, appeal to fear, …)."
            }
            Mark::Find => "Matches of your search.",
            Mark::NeutralVerb => {
                "A reporting verb that adds no comment ('said', 'told'): underlined."
            }
        }
    }

    /// Background tint of a mark, readable under dark or light text.
    pub fn background(self, dark: bool) -> Color32 {
        let (r, g, b) = match self {
            Mark::Quote => (0x56, 0xB4, 0xE9),
            Mark::Attribution => (0x00, 0x9E, 0x73),
            Mark::Hedge => (0x00, 0x72, 0xB2),
            Mark::Booster => (0xE6, 0x9F, 0x00),
            Mark::Loaded => (0xD5, 0x5E, 0x00),
            Mark::Label => (0xCC, 0x79, 0xA7),
            Mark::Frame => (0x99, 0x99, 0x99),
            Mark::Technique => (0x88, 0x22, 0x55),
            Mark::Find => (0xF0, 0xE4, 0x42),
            Mark::NeutralVerb => (0x80, 0x80, 0x80),
        };
        let alpha = if dark { 110 } else { 70 };
        Color32::from_rgba_unmultiplied(r, g, b, alpha)
    }
}

/// Draws the legend of highlight colours, each with its explanation on hover.
pub fn legend(ui: &mut Ui) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Legend:").strong());
        for mark in Mark::ALL {
            ui.label(
                RichText::new(format!(" {} ", mark.name())).background_color(mark.background(dark)),
            )
            .on_hover_text(mark.explain());
        }
        ui.label(RichText::new(" said ").underline())
            .on_hover_text(Mark::NeutralVerb.explain());
    });
}

/// Tone as a colour from vermillion (negative) through grey to bluish green (positive).
pub fn tone_colour(tone: f32) -> Color32 {
    let t = tone.clamp(-1.0, 1.0);
    if t < 0.0 {
        lerp(Color32::GRAY, Color32::from_rgb(0xD5, 0x5E, 0x00), -t)
    } else {
        lerp(Color32::GRAY, Color32::from_rgb(0x00, 0x9E, 0x73), t)
    }
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}
