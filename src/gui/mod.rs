//! The desktop window. Drawing code reads state and returns commands; `app::FramediffApp::run_cmd`
//! applies them after the frame, so every state change lives in one place.

pub mod app;
mod card;
mod changemap;
pub mod chooser;
mod columns;
pub mod edits;
pub mod evidence;
mod guide;
pub mod history;
mod identity;
pub mod index;
mod library;
mod menu;
mod overview;
pub mod session;
mod theme;
mod topics;
mod worddiff;
pub mod worker;

pub use app::{Command, FramediffApp, State};

use std::path::PathBuf;

/// When the process started, for the first-frame time printed with `FRAMEDIFF_TIMING=1`.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Opens the window. With no paths, restores the last session or loads the samples.
/// Opens the window on `paths` (or the last session) with the analysis configuration the
/// caller built; `problems` (such as a bad lexicon file) are shown in the window.
pub fn run(
    paths: Vec<PathBuf>,
    config: crate::config::Config,
    problems: Vec<String>,
) -> eframe::Result {
    let config = std::sync::Arc::new(config);
    STARTED.get_or_init(std::time::Instant::now);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("framediff")
            .with_app_id("framediff")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "framediff",
        options,
        Box::new(move |cc| Ok(Box::new(FramediffApp::new(cc, paths, config, problems)))),
    )
}
