//! libFuzzer target: workspace load (with validation and repair), analysis and every export.
#![no_main]

use framediff::report::{ReportFormat, render};
use framediff::workspace::Workspace;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((ws, _repairs)) = Workspace::from_json_checked("fuzz.framediff", text) {
        let articles = ws.visible().map(|(_, a)| a.clone()).collect();
        let mut analysis = framediff::analyze(articles, &framediff::frame::Lexicons::builtin());
        analysis.notes = ws.notes.clone();
        for f in [ReportFormat::Json, ReportFormat::Markdown, ReportFormat::Html] {
            let _ = render(&analysis, f);
        }
    }
});
