//! Frame-time benchmark of the window's UI code, headless: the median and 95th-percentile CPU
//! time of a frame (UI pass plus tessellation, the change map and the column pager included) with
//! the samples and with 8 articles of about 2,000 words, while the pointer sweeps across the
//! columns; and the time to the first frame.
//! Run with `cargo bench --bench frame`.

use framediff::gui::{FramediffApp, State};
use framediff::model::{Article, Format};
use std::time::{Duration, Instant};

fn long_articles(n: usize, words: usize) -> Vec<Article> {
    let samples = framediff::samples::load().expect("samples load");
    let sentences: Vec<String> = samples
        .iter()
        .flat_map(|a| a.sentences.iter().map(|s| s.text.clone()))
        .collect();
    (0..n)
        .map(|k| {
            let mut body = String::new();
            let mut count = 0;
            let mut i = k * 7;
            let mut para = 0;
            while count < words {
                let s = &sentences[i % sentences.len()];
                body.push_str(s);
                count += s.split_whitespace().count();
                i += 3 + k;
                para += 1;
                body.push_str(if para % 4 == 0 { "\n\n" } else { " " });
            }
            let mut a = Article::from_body(
                format!("long-{k}.txt"),
                Format::Text,
                format!("Long article {k}"),
                &body,
            );
            a.source = Some(format!("Outlet {k}"));
            a
        })
        .collect()
}

fn input(t: f64, pointer: egui::Pos2) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 860.0),
        )),
        time: Some(t),
        events: vec![egui::Event::PointerMoved(pointer)],
        ..Default::default()
    }
}

fn measure(name: &str, mut app: FramediffApp) {
    let started = Instant::now();
    let ctx = egui::Context::default();
    // first frame, before the analysis has finished
    let out = ctx.run_ui(input(0.0, egui::pos2(700.0, 400.0)), |ui| app.frame_ui(ui));
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    let first = started.elapsed();
    assert!(
        app.wait_idle(Duration::from_secs(120)),
        "analysis did not finish"
    );
    let analysed = started.elapsed();
    let mut times = Vec::new();
    for f in 0..400 {
        let x = 320.0 + (f % 100) as f32 * 7.0;
        let y = 200.0 + (f % 37) as f32 * 15.0;
        let t0 = Instant::now();
        let out = ctx.run_ui(input(f as f64 / 60.0, egui::pos2(x, y)), |ui| {
            app.frame_ui(ui)
        });
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        if f >= 20 {
            times.push(t0.elapsed());
        }
    }
    times.sort();
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    println!(
        "{name}: first frame {:.1} ms, analysis ready {:.0} ms, frame median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        first.as_secs_f64() * 1e3,
        analysed.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
}

fn main() {
    let mut app = FramediffApp::with_state(State::default());
    app.start(Vec::new());
    measure("samples (4 articles)", app);

    let mut state = State::default();
    state.workspace.entries = long_articles(8, 2000)
        .into_iter()
        .map(framediff::workspace::Entry::new)
        .collect();
    let mut app = FramediffApp::with_state(state);
    app.start(Vec::new());
    measure("8 articles x 2,000 words", app);
}
